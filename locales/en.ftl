# msstd-check in English: the command line's language and the page's default.
#
# One message per finding code: its value is the sentence, `.fix` what to do (an empty fix is
# none), `.condition` the condition a client connects under when the finding holds. The other
# messages word the report's values; `$variables` are the finding's parameters
# (docs/findings.md) or the values named beside each message. Adding a language: copy this file
# to locales/TAG.ftl, translate it, and add one line to `languages!` in src/render/mod.rs.

## Shared pieces

# $value: the principal value to set (the finding's recommended or corrected value).
set-principal = Run Set-OutlookProvider EXPR -CertPrincipalName "{ $value }" (on Exchange 2013 and later also Set-OutlookProvider EXCH -CertPrincipalName "{ $value }"), then restart Outlook or wait for Autodiscover; or type { $value } in Outlook's Exchange Proxy Settings, "Only connect to proxy servers that have this principal name in their certificate".
at-url = { $url ->
    [0] {""}
   *[other] {" "}at { $url }
}
-mozilla-lacks-root = their root store does not hold the root this chain ends at
-intermediates-fix = Get the intermediate certificates your CA publishes for this certificate and install those; if this is your own CA, re-issue its CA certificate with the right Basic Constraints, Key Usage and Extended Key Usage (Server Authentication).
-standard-template-fix = Re-issue the certificate from a standard template (a public CA does this for you); the server configuration cannot change it.
-renew-fix = Renew the certificate, import it and assign it to IIS with Enable-ExchangeCertificate -Services IIS.
-public-ca-fix = Use a certificate from a publicly trusted CA (or, for an internal CA, supply its root as trusted and deploy it to every client).
-production-key-fix = For Outlook Anywhere in production, use a certificate with an RSA (2048 bits or more) or ECDSA P-256/P-384 key from a publicly trusted CA; keep post-quantum certificates for test servers.
-strong-key-fix = Re-issue the certificate with a SHA-256 signature and an RSA key of 2048 bits or more.
install-chain-fix = Install the intermediate certificates on the server so it sends the corrected chain below, leaf first.{ $urls ->
    [0] {""}
   *[other] {" "}The missing issuer can be downloaded from { $urls }.
}

# $source: crl, stapled or ocsp.
revocation-source = { $source ->
    [crl] CRL
    [stapled] OCSP response stapled by the server
   *[other] OCSP responder
}

# $reason: why a revocation answer is unusable (docs/findings.md, REVOCATION_CHECK_FAILED);
# $detail: the HTTP status or the cap in bytes; $source as for revocation-source.
revocation-failure = { $reason ->
    [refused-by-policy] the relay's policy does not allow its address or port
    [name-not-found] its name does not resolve
    [connection-failed] no connection could be made
    [timed-out] it did not answer in time
    [http-status] the server answered HTTP { $detail }
    [too-large] the answer is larger than { $detail } bytes
    [ocsp-malformed-request] the responder says the request is malformed
    [ocsp-internal-error] the responder had an internal error
    [ocsp-try-later] the responder asks to try later
    [ocsp-signature-required] the responder requires a signed request
    [ocsp-unauthorized] the responder is not authorised to answer for this certificate
    [ocsp-not-basic] the OCSP response is not a basic response
    [ocsp-unknown] the responder does not know this certificate (status unknown)
    [ocsp-other-certificate] the OCSP response is about another certificate
    [responder-not-certified] the OCSP response is not signed by the issuer or a responder it certified
    [responder-not-signed] the OCSP responder's certificate is not signed by the issuer
    [responder-not-for-ocsp] the OCSP responder's certificate is not authorised for OCSP signing
    [signature-invalid] its signature does not verify with the issuer's key
    [signature-unsupported] its signature could not be verified
    [dated-in-future] it is dated in the future
    [out-of-date] it is out of date (its nextUpdate has passed)
    [crl-other-issuer] the CRL is issued under another name than the certificate's issuer
    [crl-delta] the CRL is a delta CRL, which is not read
    [unreadable] the certificate or its issuer's key is not readable
   *[malformed] { $source ->
        [crl] the CRL is malformed
       *[other] the OCSP response is malformed
    }
}

# $source: a text the names came from.
names-source = { $source ->
    [get-exchange-certificate] Get-ExchangeCertificate output
    [connectivity-analyzer] Remote Connectivity Analyzer's line
    [certificate-request] a certificate request
   *[other] Get-OutlookAnywhere output
}

# $program: microsoft or mozilla.
root-program = { $program ->
    [microsoft] Microsoft's Trusted Root Program
   *[other] Mozilla's root store
}

# $code: a defect of the principal value (docs/findings.md, MSSTD_SYNTAX).
defect = { $code ->
    [EMPTY] the value is empty
    [WHITESPACE_AROUND] there is white space around the value
    [SPACE_AFTER_PREFIX] there is a space after msstd:
    [MISSING_PREFIX] the msstd: prefix is missing
    [UPPERCASE_PREFIX] the prefix must be written msstd: in lower case
    [QUOTES] there are quote characters inside the value
    [TRAILING_DOT] the name ends with a dot
    [URL] it is a URL, not a host name
    [PORT] it includes a port
    [NOT_FOUND] the text holds no msstd: value
    [INVALID_CHARACTERS] it contains characters no host name has
   *[other] it is malformed
}

# A principal value that is not set (Outlook then derives it from the host).
principal-not-set = not set

# PROFILE_VIOLATION's $rule.
profile-rule = { $rule ->
    [signature-algorithm-mismatch] the signature algorithm inside the certificate differs from the one outside (RFC 5280 4.1.1.2)
    [serial-negative] its serial number is negative (RFC 5280 4.1.2.2)
    [serial-zero] its serial number is zero (RFC 5280 4.1.2.2)
    [serial-too-long] its serial number is longer than 20 bytes (RFC 5280 4.1.2.2)
    [empty-issuer] its issuer name is empty (RFC 5280 4.1.2.4)
    [ca-empty-subject] it is a CA with an empty subject (RFC 5280 4.1.2.6)
    [empty-subject-without-critical-san] its subject is empty and its SubjectAltName is missing or not critical (RFC 5280 4.2.1.6)
    [san-critical-with-subject] its SubjectAltName is critical although the subject is not empty (CA/B Forum BR 7.1.2.7.12)
    [aki-missing] it has no Authority Key Identifier (RFC 5280 4.2.1.1)
    [aki-critical] its Authority Key Identifier is critical (RFC 5280 4.2.1.1)
    [ski-missing] it is a CA without a Subject Key Identifier (RFC 5280 4.2.1.2)
    [ski-critical] its Subject Key Identifier is critical (RFC 5280 4.2.1.2)
    [root-aki-form] as a root, its Authority Key Identifier must hold only its own key identifier (CA/B Forum BR 7.1.2.1.3)
    [root-aki-ski-mismatch] as a root, its Authority Key Identifier differs from its Subject Key Identifier (CA/B Forum BR 7.1.2.1.3)
    [root-eku] as a root, it carries an Extended Key Usage (CA/B Forum BR 7.1.2.1.2)
    [basic-constraints-not-critical] it is a CA whose Basic Constraints are not critical (RFC 5280 4.2.1.9)
    [key-cert-sign-without-ca] its Key Usage allows certificate signing but it is not a CA (RFC 5280 4.2.1.3)
    [aia-critical] its Authority Information Access is critical (RFC 5280 4.2.2.1)
    [name-constraints-in-leaf] it carries name constraints but is not a CA (RFC 5280 4.2.1.10)
    [policy-constraints-not-critical] its policy constraints are not critical (RFC 5280 4.2.1.11)
    [eku-any] its Extended Key Usage includes anyExtendedKeyUsage (CA/B Forum BR 7.1.2.7.10)
    [eku-critical] its Extended Key Usage is critical (CA/B Forum BR 7.1.2.7.10)
    [dns-name-invalid] a DNS SubjectAltName is not a valid host name (an underscore, an IP address, a misplaced wildcard; CA/B Forum BR 7.1.2.7.12)
    [not-version-3] it is not a version 3 certificate (CA/B Forum BR 7.1.1)
    [rsa-modulus-size] its RSA modulus is not a whole number of bytes (CA/B Forum BR 6.1.5)
   *[other] a certificate profile rule
}

# CHAIN_ALTERNATIVE: the certificate a reason is about.
alternative-subject = { $reason_subject ->
    [0] a certificate on it
   *[other] { $reason_subject }
}

# CHAIN_ALTERNATIVE's $reason: the finding code that decided against the path.
alternative-reason = { $reason ->
    [CERT_EXPIRED] that copy of { alternative-subject } has expired
    [CERT_NOT_YET_VALID] that copy of { alternative-subject } is not valid yet
    [CHAIN_INCOMPLETE] it leads to an issuer that was not given
    [UNTRUSTED_ROOT] it ends at a root that is not trusted
    [SELF_SIGNED] it ends at a root that is not trusted
    [SIG_INVALID] the signature on { alternative-subject } does not verify
    [SIG_WEAK] { alternative-subject } is signed with a weak hash
    [KEY_WEAK] { alternative-subject } has a weak key
    [ISSUER_NOT_CA] { alternative-subject } may not issue certificates
    [ISSUER_NO_KEY_CERT_SIGN] { alternative-subject } may not issue certificates
    [PATH_LEN_EXCEEDED] it is longer than { alternative-subject } allows
    [EKU_ISSUER_NO_SERVER_AUTH] { alternative-subject } may not issue server certificates
    [NAME_CONSTRAINT_VIOLATION] a name breaks a CA's name constraints
    [LONGER] it is longer than the path chosen
   *[other] { alternative-subject } has the problem { $reason }
}

## Findings

MSSTD_MATCH = { $principal } matches the certificate name { $matched }: mutual authentication works on every Windows version.
MSSTD_SAN_ONLY = { $principal } matches only the SubjectAltName { $matched }, not the Common Name ({ $common_names ->
    [0] (none)
   *[other] { $common_names }
}): it works on Windows Vista SP1 and later, but Windows XP and Server 2003 clients fail (Remote Connectivity Analyzer warns "Mutual Authentication Established by Subject Alternative Name").
    .fix = { $recommended ->
        [0] Re-issue the certificate with { $name } as its Common Name.
       *[other] { set-principal } Or re-issue the certificate with { $name } as its Common Name.
    }
MSSTD_MISMATCH = Mutual authentication could not be established: the certificate common name { $common_names ->
    [0] (none)
   *[other] { $common_names }
} doesn't validate against the mutual authentication string { $principal }; no SubjectAltName matches either.
    .fix = { $recommended ->
        [0] Re-issue the certificate with { $name } as its Common Name.
       *[other] { set-principal } Or re-issue the certificate with { $name } as its Common Name.
    }
MSSTD_WILDCARD = The certificate name { $matched } is a wildcard. Windows compares the principal literally, so { $principal } fails on older Windows and is undocumented on newer; the value documented to work is msstd:{ $matched }.
    .fix = { $recommended ->
        [0] {""}
       *[other] { set-principal } Or re-issue the certificate with { $name } as its Common Name.
    }
    .condition = a wildcard principal match is undocumented
MSSTD_SYNTAX = { $defects ->
    [NOT_FOUND] No msstd: value was found in the text given as the principal name: paste the value itself, or the line or text that holds it.
   *[other] The principal value "{ $as_found }" is malformed: { $defects_worded }.{ $corrected ->
        [0] {""}
       *[other] {" "}Write it as { $corrected }.
    }
}
    .fix = { $corrected ->
        [0] {""}
       *[other] { set-principal }
    }
MSSTD_DISABLED = The principal name is "none": Outlook does not check the certificate name at all (mutual authentication is switched off).
MSSTD_DERIVED = No CertPrincipalName is set, so Outlook expects { $principal } (msstd: followed by the Outlook Anywhere host name).
MSSTD_EMAIL_SUBJECT = The certificate subject carries the e-mail address { $email }; Windows then builds the principal as { $principal } instead of using the Common Name.
    .condition = the e-mail address in the subject makes the match undocumented
MSSTD_NO_CN = The certificate subject has no Common Name: Windows before Vista SP1 compares only the Common Name, so mutual authentication always fails there.
    .fix = Re-issue the certificate with the Outlook Anywhere host name as its Common Name if Windows XP or Server 2003 clients connect.
MSSTD_MULTIPLE_CN = The subject has several Common Names ({ $common_names }); which one Windows compares is undocumented.
MSSTD_FULLSIC = The principal is a fullsic: name (the whole subject, "{ $subject }"), not an msstd: name; it was not checked.
MSSTD_NOT_GIVEN = No principal name and no Outlook Anywhere host were given: the name Outlook on Windows compares with the certificate (msstd:) was not checked.
    .condition = the principal name was not checked (give it, or the host)
# $count: how many values; $each: each value with its verdict's code.
MSSTD_SEVERAL = The text holds { $count } different principal values ({ $values }); the verdict above is for the first. Each alone: { $each }.
HOST_MISMATCH = The certificate is not valid for the host { $host }: its names are { $names ->
    [0] (none)
   *[other] { $names }
}.
    .fix = Add { $host } to the certificate's SubjectAltNames and re-issue it.
HOST_CN_ONLY = The host { $host } matches only the Common Name; the certificate has no DNS SubjectAltName, which browsers and modern TLS clients require.
    .fix = Re-issue the certificate with { $host } in its SubjectAltNames.
AUTODISCOVER_MISSING = { $name } is not on the certificate: Outlook reaches Autodiscover there first, and gets a certificate warning.
    .fix = Add { $name } to the certificate's SubjectAltNames, or publish Autodiscover with an SRV record.
NAME_INTERNAL = The certificate carries internal names ({ $names }) that public CAs stopped issuing in November 2015.
    .fix = Use public names (split DNS) and remove internal names from the certificate.
CERT_EXPIRED = The certificate { $subject } expired on { $not_after } ({ $days } days ago).
    .fix = { -renew-fix }
CERT_NOT_YET_VALID = The certificate { $subject } is not valid until { $not_before } (in { $days } days).
CERT_EXPIRES_SOON = The certificate { $subject } expires on { $not_after }, in { $days } days.
    .fix = { -renew-fix }
SIG_WEAK = The certificate is signed with { $hash } ({ $algorithm }).
    .fix = { -strong-key-fix }
KEY_WEAK = { $reason ->
    [curve] The certificate { $subject } has an EC key on the curve { $curve }; clients accept only P-256, P-384 and P-521.
    [algorithm] The certificate { $subject } has a { $algorithm } key, which TLS clients no longer accept.
   *[other] The { $algorithm } key is only { $bits } bits.
}
    .fix = { -strong-key-fix }
SIG_INVALID = The certificate's signature does not verify with the key of its issuer { $issuer }.
SIG_UNSUPPORTED = The signature by { $issuer } was not verified: its algorithm is not one this tool verifies, or the browser's WebCrypto lacks it or is unavailable (a page served over plain http:// from another host).
    .condition = signatures not verified
EKU_NO_SERVER_AUTH = The certificate's Extended Key Usage ({ $usages ->
    [0] (none)
   *[other] { $usages }
}) does not include Server Authentication.
    .fix = Re-issue the certificate from a web-server template (Server Authentication EKU).
LEAF_IS_CA = The server certificate is a CA certificate (Basic Constraints CA=true).
CHAIN_ORDER = The certificates are out of order (path in presented positions: { $presented }); the server should send the leaf first, then each issuer.
    .fix = { install-chain-fix }
CHAIN_INCOMPLETE = { $after ->
    [ca] The issuer { $issuer } is neither among the certificates given nor a trusted root: if it is an intermediate, the server must send it; if it is a root, clients must trust it (neither root store this check used holds it).
   *[other] The intermediate certificate { $issuer } is missing: the server does not send it, so clients cannot build the chain.
}
    .fix = { install-chain-fix }
CHAIN_UNRELATED = The certificate { $subject } belongs to no path from the server certificate.
    .fix = Remove the certificate from what the server sends; it does not help any client.
CHAIN_DUPLICATE = The certificate { $subject } was given more than once.
CHAIN_ROOT_SENT = The root { $subject } is sent with the chain; clients use their own copy, so it is unnecessary.
    .fix = Optional: remove the root from the certificates the server sends.
CHAIN_TRUSTED = The chain ends at the trusted root { $root }.
SELF_SIGNED = The server certificate { $subject } is self-signed: Outlook Anywhere needs a certificate from a publicly trusted CA.
    .fix = { -public-ca-fix }
UNTRUSTED_ROOT = The chain ends at the root { $root }, which is not trusted.
    .fix = { -public-ca-fix }
KEY_PAIR_MATCH = The private key in the file belongs to the server certificate.
KEY_PAIR_MISMATCH = The private key in the file does not belong to the server certificate: the server cannot use this pair.
    .fix = Export the certificate together with its own private key (Export-ExchangeCertificate on the server that made the request).
ISSUER_NOT_CA = The certificate { $subject } signs another certificate on the path but is not a CA ({ $reason ->
    [version-1] a version 1 certificate, acceptable only as a trusted root
    [no-basic-constraints] it has no Basic Constraints
   *[other] Basic Constraints CA=false
}): every client refuses the chain.
    .fix = { -intermediates-fix }
PATH_LEN_EXCEEDED = The CA { $subject } allows { $path_len } intermediate CA(s) below it (path length constraint), but the path has { $below }.
    .fix = { -intermediates-fix }
ISSUER_NO_KEY_CERT_SIGN = The CA { $subject } signs a certificate on the path, but its Key Usage does not allow certificate signing (keyCertSign).
    .fix = { -intermediates-fix }
EKU_ISSUER_NO_SERVER_AUTH = The intermediate { $subject } limits its Extended Key Usage to { $usages ->
    [0] (none)
   *[other] { $usages }
}, without Server Authentication: browsers and strict clients refuse the server certificates it issues.
    .fix = { -intermediates-fix }
NAME_CONSTRAINT_VIOLATION = { $invalid ->
    [0] The name { $name } on { $subject } is { $constraint ->
        [excluded] excluded
       *[other] not permitted
    } by the name constraints of the CA { $constrained_by }.
   *[other] The CA { $constrained_by } has a name constraint that is not a valid name ({ $invalid }), so clients refuse every certificate below it.
}
    .fix = Re-issue the certificate from a CA whose name constraints cover its names, or only with names the CA may issue for.
EXTENSION_CRITICAL_UNKNOWN = The certificate { $subject } carries a critical extension ({ $oid }) that clients do not know, so they must refuse it.
    .fix = { -standard-template-fix }
EXTENSION_MALFORMED = The { $extension } extension of { $subject } cannot be read; clients refuse the certificate.
    .fix = { -standard-template-fix }
LEAF_CN_NOT_IN_SAN = The Common Name { $common_name } is not among the SubjectAltNames ({ $names ->
    [0] (none)
   *[other] { $names }
}): public CAs must repeat it there and verifiers that enforce their rules refuse the certificate (browsers ignore the Common Name); Windows before Vista SP1 compares the msstd: name with this Common Name alone.
    .fix = Re-issue the certificate with { $common_name } in its SubjectAltNames as well.
PROFILE_VIOLATION = The certificate { $subject } breaks a rule strict clients enforce: { profile-rule }.
    .fix = { -standard-template-fix }
CHAIN_ALTERNATIVE = Another path, through { $through }{ $through_issuer ->
    [0] {""}
   *[other] {" "}(the copy issued by { $through_issuer })
}, was passed over: { alternative-reason }.{ $chosen ->
    [valid] {" "}It does no harm to clients that build paths (Windows, browsers, current OpenSSL): they take the valid path. Clients that follow the chain only as sent, such as OpenSSL before 1.1.0, may take it and fail.
   *[other] {""}
}
    .fix = { $chosen ->
        [valid] Optional: remove the certificates of the path passed over from what the server sends, for clients that do not build paths.
       *[other] {""}
    }
CHAIN_TOO_COMPLEX = Path building stopped before finding a valid path: { $budget ->
    [path-length] the path has more intermediate CAs than any client follows (6)
    [signatures] the certificates would need more signature checks than any client makes (100)
    [name-constraints] the name constraints would need more comparisons than any client makes
   *[other] the certificates offer more paths than any client explores
}.
    .fix = Send only the leaf and the intermediates of one path, leaf first.
ROOT_DISTRUSTED = { $rule ->
    [issued-after] The chain ends at { $root }, for which Microsoft's Trusted Root Program stopped trusting certificates issued after { $since } (NotBefore): this certificate was issued later, so Windows refuses it.
   *[other] The chain ends at { $root }, which Microsoft's Trusted Root Program disabled on { $since }: Windows no longer trusts anything that chains to it.
}
    .fix = Replace the certificate with one from a CA that Windows trusts (the CA's newer root, or another CA).
CHAIN_WINDOWS_ONLY = Windows trusts this chain (it ends at { $root }, in Microsoft's Trusted Root Program), but clients that use Mozilla's root store do not: { $reason ->
    [CHAIN_INCOMPLETE] { -mozilla-lacks-root }
    [UNTRUSTED_ROOT] { -mozilla-lacks-root }
    [SELF_SIGNED] { -mozilla-lacks-root }
   *[other] { $reason } ({ $reason_subject })
}. Phones over ActiveSync, Outlook for Mac and browsers opening OWA refuse it.
    .fix = Send a chain that also leads to a root in Mozilla's store (the intermediate the CA cross-signs to a newer root), or replace the certificate with one from a CA both stores trust.
CHAIN_FETCHED_FROM_AIA = The server does not send the issuer { $subject }: it was downloaded from { $url } (the Authority Information Access) to finish the chain. Windows downloads it too, if the client can reach that address; clients that do not download issuers (phones' mail apps, OpenSSL-based clients) fail until the server sends it.
    .fix = Install the intermediate { $subject } on the server (it is in the corrected chain) so that the server sends it.
CHAIN_AIA_RECOVERABLE = Windows downloads the missing issuer { $issuer } from { $url } (the certificate's Authority Information Access), if the client can reach that address; clients that do not download issuers (phones' mail apps, OpenSSL-based clients) fail until the server sends it.
    .condition = if the client can download the missing issuer
ROOT_AUTO_UPDATE = The root { $root } is in Microsoft's Trusted Root Program: Windows downloads it the first time a chain needs it (Automatic Root Certificates Update). Where that update is turned off, the root must already be in the machine's Trusted Root store.
    .condition = where Windows may download the root (Automatic Root Certificates Update) or already has it
# $sources_worded: the texts the names came from, worded with names-source.
NAMES_ONLY = { $certificate ->
    [missing] No certificate was given and the text ({ $sources_worded }) names none, only the host: give the certificate, or the output of Get-ExchangeCertificate | Format-List, to check the principal name.
   *[other] No certificate was given, only its names (from { $sources_worded }): the principal name and the host were checked against them; the chain, the signatures, the key and the validity were not (the dates shown are as printed, in the server's locale).
}
    .condition = only the certificate's names were checked
NAMES_OTHER_CERTIFICATE = { $by ->
    [thumbprint] The pasted text names the certificate with thumbprint { $named }, but the certificate given is { $given }: the certificate exported may not be the one Exchange uses.
   *[other] The pasted text names a certificate with Common Name { $named }, but the certificate given has { $given ->
    [0] (none)
   *[other] { $given }
}: it may not be the one the server presents.
}
REVOCATION_UNREACHABLE = { $reason ->
    [ldap] Revocation of this certificate can only be checked over LDAP ({ $urls }), which clients outside the network cannot reach: Windows then reports its revocation status as unknown (offline).
   *[other] The places to check revocation of this certificate ({ $urls }) have names or addresses clients outside the network cannot reach: Windows then reports its revocation status as unknown (offline).
}
    .fix = Publish the CA's CRL (or an OCSP responder) at an http:// address with a public name, add it to the CA's CRL Distribution Points and Authority Information Access, and re-issue the certificate.
AUTODISCOVER_CERTIFICATE_ALERT = { $autodiscover ->
    [yes] { $url } answers as Autodiscover, but Windows refuses its certificate for { $host } ({ $reasons }): Outlook shows a security alert ("The name on the security certificate is invalid or does not match the name of the site") at every start, and reaches Autodiscover only if the user clicks Yes.
   *[other] { $url } answers on HTTPS with a certificate Windows refuses for { $host } ({ $reasons }): Outlook tries it first and shows a security alert ("The name on the security certificate is invalid or does not match the name of the site"); Yes goes on to the next place, No ends the lookup.
}
    .fix = { $method ->
        [root-domain] { $autodiscover ->
            [no] Stop { $url } from answering with that certificate (give the site a certificate that names { $host }, or take Autodiscover off the bare domain), or set ExcludeHttpsRootDomain=1 under HKCU\Software\Microsoft\Office\16.0\Outlook\AutoDiscover on the clients.
           *[other] Give { $url } a certificate that names { $host } from a CA Windows trusts, or point the name away from this server.
        }
       *[other] Give { $url } a certificate that names { $host } from a CA Windows trusts, or point the name away from this server.
    }
AUTODISCOVER_REDIRECT_PROMPT = Outlook finds Autodiscover through { $url }, and asks the user "Allow this website to configure server settings?" before going to { $location }.
    .fix = Publish autodiscover.{ $domain } with a certificate that names it, so that Outlook finds Autodiscover before it needs a redirect.
CERT_REVOKED = This certificate is revoked ({ $reason }, since { $revoked_at }), says its { revocation-source }{ at-url }: every client refuses it once it checks.
    .fix = Replace the certificate with a new one (a new key if it was revoked for key compromise) and install it on every server that presents it.
REVOCATION_CHECK_FAILED = The revocation of this certificate could not be checked through its { revocation-source }{ at-url }: { revocation-failure }. Windows then reports the revocation status as unknown.
    .fix = Make sure the CA's OCSP responder or CRL answers from where the clients are (a proxy or firewall may block it), or ask the CA why it does not.
REVOCATION_GOOD = Not revoked, says its { revocation-source }{ at-url } (the answer is signed by the issuer and current).
AUTODISCOVER_NOT_FOUND = No place Outlook looks answers as Autodiscover for { $domain }: Outlook cannot set the account up or refresh its settings from outside the network.
    .fix = Publish https://autodiscover.{ $domain }/autodiscover/autodiscover.xml (a DNS name for the Exchange server, and on its certificate), or an SRV record _autodiscover._tcp.{ $domain }.
KEY_POST_QUANTUM = The certificate { $subject } has a post-quantum { $what ->
    [signature] signature
   *[other] key
} ({ $algorithm }). It is strong, but no source documents a TLS client that accepts such a server certificate today: Windows supports ML-DSA in its crypto libraries and certificate services (Windows 11 24H2 and Server 2025), and Microsoft calls that support limited and evolving, with nothing said of Schannel, the TLS that Outlook uses; browsers, phones and Outlook for Mac accept none from a public root.
    .fix = { -production-key-fix }
    .condition = no source documents Windows' TLS with post-quantum certificates
ROOT_PILOT = The path ends at { $root }, a root of Microsoft's post-quantum TLS pilot: it is in the trust list, but Microsoft says pilot certificates are not publicly trusted, not for production and not for public web connections (one-year roots, 90-day leaves).
    .fix = { -production-key-fix }
    .condition = the root is a pilot root, for testing only
ROOT_STORE_STALE = This build judges with { root-program } ({ $version }), published { $days } days before the analysis time: roots the program added, distrusted or removed since are not known, so the verdict may be stale.
    .fix = Update msstd-check: each release carries the root stores of its day (msstd-relay --version and the page's footer name them).

## Exchange's settings and certificate requests (the exchange-settings feature): a build
## without it, such as the page's first module, leaves this group out.

CONNECTOR_CERTIFICATE_FOUND = The { connector-kind } { $connector } uses the certificate { $thumbprint } ({ $subject }, valid until { $not_after }): its TlsCertificateName names it{ $matches ->
    [one] .
   *[other] , and { $matches } certificates given match it: Exchange uses the one valid the longest.
}
CONNECTOR_CERTIFICATE_NOT_FOUND = { $reason ->
    [malformed] The TlsCertificateName of the { connector-kind } { $connector } is not of the form <I>issuer<S>subject ({ $name }): Exchange finds no certificate for it.
   *[other] The TlsCertificateName of the { connector-kind } { $connector } names no certificate given ({ $name }): Exchange finds none, logs "454 4.7.5 The certificate specified in TlsCertificateName … could not be found" and sends without TLS or not at all.
}
    .fix = { connector-fix }
CONNECTOR_CERTIFICATE_RENEWED = The TlsCertificateName of the { connector-kind } { $connector } names the issuer { $named_issuer }, but the certificate with that subject now comes from { $issuer } ({ $thumbprint }): a renewal under a new intermediate left the connector naming the old certificate, and mail over it fails once that one is removed or expires.
    .fix = { connector-fix }
CONNECTOR_CERTIFICATE_EXPIRED = The certificate the { connector-kind } { $connector } names ({ $thumbprint }, { $subject }) expired on { $not_after }.
    .fix = { connector-fix }
CONNECTOR_NAME_NOT_ON_CERTIFICATE = The FQDN of the { connector-kind } { $connector }, { $fqdn }, is not on the certificate it uses ({ $thumbprint }: { $names ->
    [0] no names
   *[other] { $names }
}): the remote server, Exchange Online among them, may refuse it (450 4.7.320 SubjectMismatch).
    .fix = Set the connector's FQDN to a name on the certificate (Set-SendConnector or Set-ReceiveConnector -Fqdn), or use a certificate that carries { $fqdn }.
CONNECTOR_CERTIFICATE_NOT_SET = The { connector-kind } { $connector } carries hybrid mail with Exchange Online (CloudServicesMailEnabled) but names no certificate (TlsCertificateName is empty).
    .fix = { connector-fix }
CONNECTOR_CERTIFICATES_NOT_GIVEN = The { connector-kind } { $connector } names the certificate { $name }; no certificate was given to compare it with.
    .fix = Paste the output of Get-ExchangeCertificate | Format-List beside the connector, or the certificate itself.

# $kind: send or receive.
connector-kind = { $kind ->
    [send] send connector
   *[other] receive connector
}
# $cmdlet: the command that names the right certificate, or empty.
connector-fix = { $cmdlet ->
    [0] Run Get-ExchangeCertificate | Format-List, pick the certificate for this connector, and set its <I>Issuer<S>Subject as the connector's TlsCertificateName; for a hybrid connector, run the Hybrid Configuration Wizard again.
   *[other] Run: { $cmdlet } (for a hybrid connector, running the Hybrid Configuration Wizard again sets the same).
}
AUTH_CERTIFICATE_VALID = The Exchange Auth certificate { $thumbprint } is valid until { $not_after } ({ $days } days){ $next ->
    [0] .
   *[other] ; the next one, { $next }, is set.
}
AUTH_CERTIFICATE_EXPIRES_SOON = The Exchange Auth certificate { $thumbprint } expires on { $not_after }, in { $days } days: free/busy, OWA sign-in and the hybrid features stop when it does. { $next ->
    [0] No next certificate is set.
   *[other] The next one, { $next }, takes effect on { $next_effective }.
}
    .fix = { -auth-fix }
AUTH_CERTIFICATE_EXPIRED = The Exchange Auth certificate { $thumbprint } expired on { $not_after } ({ $days } days ago): OAuth fails, so free/busy with Exchange Online, OWA and ECP sign-in and the hybrid features break. { $next ->
    [0] No next certificate is set.
   *[other] The next one, { $next }, takes effect on { $next_effective }.
}
    .fix = { -auth-fix }
AUTH_CERTIFICATE_NOT_SET = Get-AuthConfig names no current Auth certificate: Exchange cannot sign OAuth tokens.
    .fix = { -auth-fix }
AUTH_CERTIFICATE_NOT_GIVEN = Get-AuthConfig names the Auth certificate { $thumbprint }, which is not among the certificates given: its dates were not checked.
    .fix = Paste Get-ExchangeCertificate -Thumbprint { $thumbprint } | Format-List beside it.
AUTH_CERTIFICATE_NOT_SELF_SIGNED = The Exchange Auth certificate { $thumbprint } is issued by { $issuer }, not self-signed: a public certificate set as the Auth certificate by mistake expires with the web certificate, and its renewal breaks OAuth.
    .fix = { -auth-fix }
AUTH_CERTIFICATE_LIFETIME = The Exchange Auth certificate { $thumbprint } is valid for { $days } days: tenants that limit application credentials to a year refuse it when the Hybrid Configuration Wizard uploads it.
    .fix = If the wizard fails to upload it, renew it with a lifetime under a year (New-ExchangeCertificate made by a request to your CA, or the tenant's policy relaxed).
URL_HOST_NOT_ON_CERTIFICATE = The { $property } of { exchange-directory } is { $url }, but the certificate IIS presents ({ $thumbprint }) does not carry { $host } (it carries { $names ->
    [0] no names
   *[other] { $names }
}): Outlook shows "The name on the security certificate is invalid or does not match the name of the site" and other clients refuse the connection.
    .fix = { $cmdlet ->
    [0] Add { $host } to the certificate (a new certificate), or point the URL at a name it carries.
   *[other] Run: { $cmdlet } (or give the certificate { $host } as well: a new certificate).
}
URL_HOSTS_ON_CERTIFICATE = The certificate carries every host the URLs of { exchange-directory } use ({ $hosts }).
URL_CERTIFICATE_NOT_GIVEN = URLs were given ({ $hosts }) without the certificate IIS presents to compare them with.
    .fix = Give the certificate, or paste Get-ExchangeCertificate | Format-List beside the URLs.

# $directory: the virtual directory's kind; $identity: its identity, or empty.
REQUEST_ONLY = This is a certificate request for { $subject } ({ $names ->
    [0] no DNS names
   *[other] { $names }
}; key { $key }), not a certificate: its names and key were checked as the certificate it will become, before it is bought; there is no chain, signature or validity to check yet.
    .condition = only the requested names were checked
REQUEST_KEY_ECC = The request has an elliptic-curve key ({ $curve }): Exchange Server uses ECC certificates only from Exchange Server 2019 CU14 with the April 2024 hotfix update, and Subscription Edition; Exchange 2016 and older builds need an RSA key.
    .fix = On older builds, make the request again with an RSA key of 2048 bits or more (New-ExchangeCertificate -GenerateRequest -KeySize 2048).
REQUEST_KEY_CNG = The request's key is held by { $provider }, a CNG key storage provider: with such a key, OWA and ECP sign-in fail on Exchange versions that need a legacy CryptoAPI key (KB 3032024).
    .fix = Make the request with New-ExchangeCertificate -GenerateRequest, or with a legacy provider (Microsoft RSA SChannel Cryptographic Provider) in certreq or IIS.
exchange-directory = { $directory ->
    [owa] Outlook on the web (owa)
    [ecp] the Exchange admin center (ecp)
    [ews] Exchange Web Services (EWS)
    [active-sync] Exchange ActiveSync
    [oab] the offline address book (OAB)
    [mapi] MAPI over HTTP (mapi)
    [outlook-anywhere] Outlook Anywhere
   *[autodiscover] the Client Access service's Autodiscover URI
}{ $identity ->
    [0] {""}
   *[other] {" "}({ $identity })
}
-auth-fix = Renew it as Microsoft documents ("Maintain (rotate) the Exchange Server OAuth certificate"): New-ExchangeCertificate for "cn=Microsoft Exchange Server Auth Certificate", Set-AuthConfig -NewCertificateThumbprint with -NewCertificateEffectiveDate, Set-AuthConfig -PublishCertificate, Set-AuthConfig -ClearPreviousCertificate; restart MSExchangeServiceHost, recycle the OWA and ECP application pools, and in hybrid run the Hybrid Configuration Wizard again. MonitorExchangeAuthCertificate.ps1 (CSS-Exchange) does it for you.

## The report's values

# $code: the msstd verdict's code, or none; $principal.
headline = { $code ->
    [none] msstd: not checked (give a principal name or the Outlook Anywhere host)
    [MSSTD_MATCH] MATCH: { $principal } fits this certificate on every Windows version
    [MSSTD_SAN_ONLY] MATCH ON NEWER WINDOWS ONLY: { $principal } matches a SubjectAltName, not the Common Name
    [MSSTD_WILDCARD] WILDCARD: { $principal } is covered only by a wildcard name
    [MSSTD_MISMATCH] MISMATCH: Mutual authentication could not be established for { $principal }
    [MSSTD_SYNTAX] MALFORMED: the principal value is written wrongly
    [MSSTD_DISABLED] NOT CHECKED: the principal name is "none"
   *[other] NOT CHECKED: not an msstd: principal
}
# $outcome: the principal name's outcome on one Windows family.
msstd-outcome = { $outcome ->
    [Pass] works
    [Fail] fails
    [Uncertain] undocumented
   *[NotChecked] not checked
}
chain-status = { $status ->
    [Trusted] trusted
    [UntrustedRoot] untrusted root
    [Incomplete] incomplete
    [SelfSigned] self-signed
    [Distrusted] root no longer trusted
    [NotGiven] not given: only names were pasted
   *[Pending] not judged yet: the root stores are loading
}
answer = { $overall ->
    [Connects] Will Outlook Anywhere connect? Yes: on every Windows version, and the host's other clients connect too.
    [Partial] Will Outlook Anywhere connect? Yes, on current Windows; not every client does (below).
    [Fails] Will Outlook Anywhere connect? No: Outlook on Windows fails (below).
    [Uncertain] Will Outlook Anywhere connect? Not known for Outlook on Windows: why is below.
   *[Pending] Will Outlook Anywhere connect? Checking trust: the root stores are loading...
}
client = { $client ->
    [WindowsOutlook] Outlook on Windows Vista SP1 and later
    [LegacyWindowsOutlook] Outlook on Windows XP / Server 2003 / Vista RTM
   *[Other] Other clients (phones over ActiveSync, Outlook for Mac, browsers opening OWA)
}
connects = { $connects ->
    [Yes] connects
    [No] fails
    [Uncertain] uncertain
   *[Pending] checking trust
}
# $form: what the principal paste was.
principal-form = { $form ->
    [Value] the value
    [SetOutlookProvider] Set-OutlookProvider
    [GetOutlookProvider] Get-OutlookProvider output
    [AutodiscoverXml] Autodiscover XML
    [Prf] PRF file
    [Rpcping] rpcping
   *[Text] found in the text
}

## The domain check

domain-answer = { $outcome ->
    [Found] Will Outlook find Autodiscover for { $domain }? Yes, without asking the user anything.
    [FoundAfterPrompt] Will Outlook find Autodiscover for { $domain }? Yes, but only after a prompt the user has to answer (below), at every start.
   *[NotFound] Will Outlook find Autodiscover for { $domain }? No: no place Outlook looks answers (below).
}
endpoint = { $outcome ->
    [NoAnswer] no answer: Outlook moves on
    [Alert] certificate security alert
    [NotAutodiscover] valid certificate, no Autodiscover here: Outlook moves on
    [Autodiscover] Autodiscover answers, valid certificate: Outlook uses it
    [Redirect] Outlook asks the user before following
    [NotRedirected] no redirect: Outlook moves on
   *[NoRecord] no record: Outlook moves on
}
endpoint-not-reached = not reached: Outlook stops earlier
method = { $method ->
    [RootDomain] root domain
    [AutodiscoverDomain] autodiscover name
    [HttpRedirect] HTTP redirect
   *[Srv] SRV record
}

## The text report's labels

# $severity: a finding's severity, as the text report tags it.
severity = { $severity ->
    [Error] ERROR
    [Warning] WARN
   *[Info] INFO
}
label-name-check = The principal name alone
label-modern-windows = Windows Vista SP1 and later
label-legacy-windows = Windows XP / Server 2003
label-fix-shell = Fix (Exchange Management Shell):
label-outlook-setting = Outlook > Exchange Proxy Settings > principal name
label-reissue = Or re-issue the certificate with Common Name
label-host = Host
label-covered-by = covered by
label-not-covered = not covered by the certificate
label-findings = Findings
label-errors = errors
label-warnings = warnings
label-notes = notes
label-fix = fix
label-chain = Chain
label-issuer = issuer
label-valid = valid
label-to = to
label-dns-names = DNS names
label-trusted-root = root (trusted)
label-bits = bits
# msstd-relay fetch --domain: the Outlook Anywhere host checked beside the domain.
label-outlook-anywhere-host = Outlook Anywhere host
label-outlook-anywhere-not-given = give --host or --msstd to check the Outlook Anywhere host too

## The page's own words (its labels, buttons and states): www/app.js shows them by key,
## `page-KEY`; `code` spans are written between backticks.

page-skip = Skip to the result
page-tagline = Does this certificate satisfy the Outlook Anywhere `msstd:` principal name? Checked in your browser: nothing is uploaded.
page-language = Language
page-inputsTitle = Certificate and principal name
page-pasteLabel = Certificate: paste PEM or base64 (or a certificate request, before you buy), or drop files anywhere on the page; Exchange Management Shell output too, alone or beside the certificate (Get-ExchangeCertificate | fl, Get-SendConnector | fl, Get-ReceiveConnector | fl)
page-filesLabel = Or choose files (.cer .crt .pem .der .p7b .pfx .p12 .csr .req)
page-passwordLabel = Password of the .pfx file
page-passwordRequired = This .pfx file is protected by a password: enter it above.
page-passwordWrong = The password is wrong for this .pfx file.
page-msstdLabel = msstd: principal name (any form: the value, a Set-OutlookProvider line, Get-OutlookProvider output, Autodiscover XML, or any text around it)
page-hostLabel = Outlook Anywhere host name (optional)
page-liveTitle = Fetch from a live server
page-liveNote = Through the msstd-relay that serves this page: it connects to the server and hands back the chain it presents.
page-liveTarget = Server (host or host:port)
page-liveStartTls = STARTTLS
page-liveAuto = by port
page-liveNone = none (TLS at once)
page-liveFetch = Fetch chain
page-liveFetching = Connecting…
page-liveNoTarget = Type the server to fetch from.
page-liveFetched = Fetched from { $target } ({ $address }): { $version }, { $suite }; { $count } certificate(s) in { $ms } ms.
page-liveFailed = Could not fetch:{" "}
page-domainTitle = Check a domain the way Outlook finds it
page-domainNote = Through the msstd-relay: every place Outlook looks for Autodiscover, in Outlook's order, and whether Outlook shows a security alert or asks a question on the way. With the host name above, the Outlook Anywhere server is fetched next.
page-domainLabel = E-mail domain
page-domainGo = Check domain
page-domainChecking = Probing the places Outlook looks…
page-domainNoDomain = Type the e-mail domain (the part after @).
page-domainFailed = Could not check the domain:{" "}
page-domainDone = Checked in { $ms } ms.
page-trustedSummary = Internal CA? Add its root certificate as trusted
page-trustedLabel = Trusted root certificate (PEM)
page-rememberLabel = Remember this root in this browser
page-resultsTitle = Result
page-verdictEmpty = Paste or drop a certificate to start.
page-verdictNoPrincipal = Certificate read. Type the msstd: value or the Outlook Anywhere host to check the principal name.
page-loading = Loading the checker…
page-trustUnavailable = Will Outlook Anywhere connect? Unknown: the root stores could not be loaded, so the chain is not judged (the principal name is).
page-crashed = The checker stopped unexpectedly on this input. The page still works: change the input to try again. Detail:{" "}
page-unreadable = The browser could not read the file { $name }; nothing was added. Detail:{" "}
page-badLink = This shared link cannot be read: it is damaged or incomplete, perhaps cut short when it was copied. Nothing was restored from it. Detail:{" "}
page-badLinkLarge = This shared link unpacks to more than { $limit }, far more than any link this page makes: nothing was restored from it.
page-pfxLoading = Opening the .pfx file…
page-fixTitle = What to type
page-fixShell = Exchange Management Shell
page-fixOutlook = Outlook: Exchange Proxy Settings, principal name
page-fixReissue = Or re-issue the certificate with this Common Name:{" "}
page-fixNoCn = No principal value can work on Windows XP / Server 2003 with this certificate: it has no Common Name.
page-copy = Copy
page-copied = Copied
page-findingsTitle = Findings
page-connectorsTitle = Exchange's settings: connectors, the Auth certificate, URLs
page-connector-send = Send connector
page-connector-receive = Receive connector
page-connectorNotSet = (not set)
page-authTitle = Exchange Auth certificate (Get-AuthConfig)
page-directory-owa = Outlook on the web (owa)
page-directory-ecp = Exchange admin center (ecp)
page-directory-ews = Exchange Web Services (EWS)
page-directory-active-sync = Exchange ActiveSync
page-directory-oab = Offline address book (OAB)
page-directory-mapi = MAPI over HTTP (mapi)
page-directory-outlook-anywhere = Outlook Anywhere
page-directory-autodiscover = Autodiscover (Client Access service)
page-verdictConnectors = No certificate or principal name given: Exchange's settings are judged below.
page-chainTitle = Chain, leaf first
page-exportJson = Download report (JSON)
page-exportText = Download report (text)
page-exportPem = Download corrected chain (PEM)
page-share = Copy shareable link
page-shareCopied = Link copied. It carries the certificate and the principal in the part after #, which browsers never send to a server.
page-shareNoPfx = Link copied without the .pfx file: a private key never goes into a link.
page-explainerTitle = What is the msstd: string?
page-privacy = Nothing leaves your browser: certificates are read and checked by WebAssembly on this page, signatures by the browser's own WebCrypto.
page-dropHere = Drop certificate files
page-versionLine = msstd-check { $version } (commit { $commit })
page-storeLine = { $program } roots: { $release }
page-remove = Remove
page-trustedTag = trusted root
page-error = Error
page-warning = Warning
page-info = Note
page-onceCorrected = Once corrected:
page-subject = Subject
page-issuer = Issuer
page-commonNames = Common Names
page-dnsNames = DNS names
page-ipAddresses = IP addresses
page-validity = Valid
page-daysLeft = days left
page-expiredAgo = expired, days ago
page-key = Key
page-signature = Signature
page-thumbprint = SHA-1 thumbprint (as Get-ExchangeCertificate shows it)
page-sha256 = SHA-256
page-serial = Serial number
page-eku = Extended key usage
page-caIssuers = Issuer download (AIA)
page-from = from
page-to = to
page-matched = matched
page-none = (none)
page-anchor = Trusted root (not sent)
page-namedCertificate = The certificate as the pasted text names it (not checked beyond its names)
page-services = Exchange services
page-host = Outlook Anywhere host
page-explainer =
    .p1 = Outlook Anywhere (RPC over HTTP) can insist that the proxy server's certificate carries an expected name: Outlook, Account Settings, More Settings, Connection, Exchange Proxy Settings, "Only connect to proxy servers that have this principal name in their certificate". Exchange publishes the value through Autodiscover from `Set-OutlookProvider EXPR -CertPrincipalName`; when it is not set, Outlook uses `msstd:` followed by the Outlook Anywhere host name.
    .p2 = Windows, not Outlook, makes the comparison. Before Windows Vista SP1 only the certificate's subject Common Name counts; from Vista SP1 on, the Common Name or any SubjectAltName DNS name. A wildcard certificate needs the literal value `msstd:*.contoso.com`. When nothing fits, Remote Connectivity Analyzer reports "Mutual authentication could not be established" and users see repeated password prompts.
    .p3 = What can be pasted as the principal: the value (`msstd:mail.contoso.com`), a `Set-OutlookProvider` line, `Get-OutlookProvider | Format-List` output, an Autodiscover response or its one `<CertPrincipalName>` line, a PRF line, an `rpcping /B` command, or any text that holds the value: Remote Connectivity Analyzer's detail line, Outlook's dialog, a log line, in any language. Several different values in one text are each judged. No certificate at hand? Paste `Get-ExchangeCertificate | Format-List` output, Remote Connectivity Analyzer's "certificate common name … doesn't validate" line or `Get-OutlookAnywhere | Format-List` output in the certificate box: the names are checked, and the report says what was not.
    .p4 = References: Microsoft KB 2710606; Exchange documentation "CertPrincipalName (POX)"; Connectivity Analyzer help "Mutual Authentication Established by Subject Alternative Name"; Win32 "Principal Names".

## Input errors: why an input could not be used at all (docs/findings.md, "Input errors").
## $reason is what the reader objected to, quoted as it is.

input-error = { $input }: { $error }
INPUT_EMPTY = the input is empty
INPUT_TOO_LARGE = the input is { $bytes } bytes; certificates are far smaller, so inputs over { $limit } bytes are refused
INPUT_TOO_MANY_CERTIFICATES = more than { $limit } certificates were given; a chain has a handful
INPUT_TRUNCATED = the data is truncated: its DER header announces { $declared } bytes but only { $available } are present
INPUT_CERTIFICATE_REQUEST = this is a certificate request (CSR), not a certificate: submit it to the CA and check the certificate it issues
INPUT_CERTIFICATE_REQUEST_UNSUPPORTED = this build does not check certificate requests
INPUT_PRIVATE_KEY_ONLY = this is a private key, not a certificate: give the certificate (.cer/.crt/.pem) or the .pfx that holds both
INPUT_PUBLIC_KEY_ONLY = this is a bare public key, not a certificate
INPUT_REVOCATION_LIST = this is a certificate revocation list (CRL), not a certificate
INPUT_MALFORMED_CERTIFICATE = this looks like a certificate but does not parse: { $reason }
INPUT_MALFORMED_PKCS7 = this PKCS#7 (.p7b) file cannot be read: { $reason }
INPUT_MALFORMED_PEM = the PEM block "{ $label }" cannot be decoded: { $reason }
INPUT_UNSUPPORTED_PEM = the PEM block "{ $label }" is not a certificate; expected CERTIFICATE or PKCS7
INPUT_UNRECOGNISED_BINARY = this binary file is not a certificate: it is neither DER (.cer/.crt), PKCS#7 (.p7b) nor PKCS#12 (.pfx)
INPUT_NO_CERTIFICATE = no certificate found in this text: expected a -----BEGIN CERTIFICATE----- block or base64, or text that names one (Get-ExchangeCertificate | Format-List output, Remote Connectivity Analyzer's line, Get-OutlookAnywhere | Format-List output)
INPUT_PASSWORD_REQUIRED = this .pfx file is protected by a password: enter it to open the file
INPUT_WRONG_PASSWORD = the password is wrong for this .pfx file
INPUT_PKCS12_ITERATIONS = this .pfx file asks for { $iterations } key-derivation iterations; more than { $limit } are refused so that opening it cannot freeze the page
INPUT_MALFORMED_PKCS12 = this .pfx file cannot be read: { $reason }
INPUT_PKCS12_UNSUPPORTED = this build cannot open .pfx files
INPUT_EXCHANGE_SETTINGS_UNSUPPORTED = this build does not read Exchange Management Shell output
TRUST_DATA_MALFORMED = the trust-store data does not read at line { $line }: { $reason }
