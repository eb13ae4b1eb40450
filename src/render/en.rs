//! English, the command line's language and the page's default.

use super::{Catalogue, Labels};
use crate::clients::{Client, Connects, Overall};
use crate::domain::{DomainOutcome, EndpointOutcome, Method};
use crate::msstd::Outcome;
use crate::principal::Form;
use crate::{ChainStatus, Code, Finding};

pub(super) struct English;

impl Catalogue for English {
    fn domain_answer(&self, outcome: DomainOutcome) -> &'static str {
        match outcome {
            DomainOutcome::Found => "Will Outlook find Autodiscover for {domain}? Yes, without asking the user anything.",
            DomainOutcome::FoundAfterPrompt => "Will Outlook find Autodiscover for {domain}? Yes, but only after a prompt the user has to answer (below), at every start.",
            DomainOutcome::NotFound => "Will Outlook find Autodiscover for {domain}? No: no place Outlook looks answers (below).",
        }
    }

    fn endpoint(&self, outcome: EndpointOutcome) -> &'static str {
        match outcome {
            EndpointOutcome::NoAnswer => "no answer: Outlook moves on",
            EndpointOutcome::Alert => "certificate security alert",
            EndpointOutcome::NotAutodiscover => "valid certificate, no Autodiscover here: Outlook moves on",
            EndpointOutcome::Autodiscover => "Autodiscover answers, valid certificate: Outlook uses it",
            EndpointOutcome::Redirect => "Outlook asks the user before following",
            EndpointOutcome::NotRedirected => "no redirect: Outlook moves on",
            EndpointOutcome::NoRecord => "no record: Outlook moves on",
        }
    }

    fn endpoint_not_reached(&self) -> &'static str {
        "not reached: Outlook stops earlier"
    }

    fn method(&self, method: Method) -> &'static str {
        match method {
            Method::RootDomain => "root domain",
            Method::AutodiscoverDomain => "autodiscover name",
            Method::HttpRedirect => "HTTP redirect",
            Method::Srv => "SRV record",
        }
    }

    fn message(&self, finding: &Finding) -> String {
        message(finding)
    }

    fn fix(&self, finding: &Finding) -> Option<String> {
        fix(finding)
    }

    fn headline(&self, code: Option<Code>, principal: &str) -> String {
        match code {
            None => "msstd: not checked (give a principal name or the Outlook Anywhere host)".to_owned(),
            Some(Code::MsstdMatch) => format!("MATCH: {principal} fits this certificate on every Windows version"),
            Some(Code::MsstdSanOnly) => {
                format!("MATCH ON NEWER WINDOWS ONLY: {principal} matches a SubjectAltName, not the Common Name")
            }
            Some(Code::MsstdWildcard) => format!("WILDCARD: {principal} is covered only by a wildcard name"),
            Some(Code::MsstdMismatch) => {
                format!("MISMATCH: Mutual authentication could not be established for {principal}")
            }
            Some(Code::MsstdSyntax) => "MALFORMED: the principal value is written wrongly".to_owned(),
            Some(Code::MsstdDisabled) => "NOT CHECKED: the principal name is \"none\"".to_owned(),
            Some(_) => "NOT CHECKED: not an msstd: principal".to_owned(),
        }
    }

    fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Pass => "works",
            Outcome::Fail => "fails",
            Outcome::Uncertain => "undocumented",
            Outcome::NotChecked => "not checked",
        }
    }

    fn chain(&self, status: ChainStatus) -> &'static str {
        match status {
            ChainStatus::Trusted => "trusted",
            ChainStatus::UntrustedRoot => "untrusted root",
            ChainStatus::Incomplete => "incomplete",
            ChainStatus::SelfSigned => "self-signed",
            ChainStatus::Distrusted => "root no longer trusted",
            ChainStatus::NotGiven => "not given: only names were pasted",
            ChainStatus::Pending => "not judged yet: the root stores are loading",
        }
    }

    fn answer(&self, overall: Overall) -> &'static str {
        match overall {
            Overall::Connects => "Will Outlook Anywhere connect? Yes: on every Windows version, and the host's other clients connect too.",
            Overall::Partial => "Will Outlook Anywhere connect? Yes, on current Windows; not every client does (below).",
            Overall::Fails => "Will Outlook Anywhere connect? No: Outlook on Windows fails (below).",
            Overall::Uncertain => "Will Outlook Anywhere connect? Not known for Outlook on Windows: why is below.",
            Overall::Pending => "Will Outlook Anywhere connect? Checking trust: the root stores are loading...",
        }
    }

    fn client(&self, client: Client) -> &'static str {
        match client {
            Client::WindowsOutlook => "Outlook on Windows Vista SP1 and later",
            Client::LegacyWindowsOutlook => "Outlook on Windows XP / Server 2003 / Vista RTM",
            Client::Other => "Other clients (phones over ActiveSync, Outlook for Mac, browsers opening OWA)",
        }
    }

    fn connects(&self, connects: Connects) -> &'static str {
        match connects {
            Connects::Yes => "connects",
            Connects::No => "fails",
            Connects::Uncertain => "uncertain",
            Connects::Pending => "checking trust",
        }
    }

    fn condition(&self, code: Code) -> Option<&'static str> {
        Some(match code {
            Code::RootAutoUpdate => {
                "where Windows may download the root (Automatic Root Certificates Update) or already has it"
            }
            Code::ChainAiaRecoverable => "if the client can download the missing issuer",
            Code::SigUnsupported => "signatures not verified",
            Code::KeyPostQuantum => "no source documents Windows' TLS with post-quantum certificates",
            Code::RootPilot => "the root is a pilot root, for testing only",
            Code::MsstdNotGiven => "the principal name was not checked (give it, or the host)",
            Code::NamesOnly => "only the certificate's names were checked",
            Code::MsstdWildcard => "a wildcard principal match is undocumented",
            Code::MsstdEmailSubject => "the e-mail address in the subject makes the match undocumented",
            _ => return None,
        })
    }

    fn form(&self, form: Form) -> &'static str {
        match form {
            Form::Value => "the value",
            Form::SetOutlookProvider => "Set-OutlookProvider",
            Form::GetOutlookProvider => "Get-OutlookProvider output",
            Form::AutodiscoverXml => "Autodiscover XML",
            Form::Prf => "PRF file",
            Form::Rpcping => "rpcping",
            Form::Text => "found in the text",
        }
    }

    fn defect(&self, code: &str) -> &'static str {
        defect(code)
    }

    fn labels(&self) -> &'static Labels {
        &Labels {
            name_check: "The principal name alone",
            modern_windows: "Windows Vista SP1 and later",
            legacy_windows: "Windows XP / Server 2003",
            fix_shell: "Fix (Exchange Management Shell):",
            outlook_setting: "Outlook > Exchange Proxy Settings > principal name",
            reissue: "Or re-issue the certificate with Common Name",
            host: "Host",
            covered_by: "covered by",
            not_covered: "not covered by the certificate",
            findings: "Findings",
            errors: "errors",
            warnings: "warnings",
            notes: "notes",
            fix: "fix",
            chain: "Chain",
            issuer: "issuer",
            valid: "valid",
            to: "to",
            dns_names: "DNS names",
            trusted_root: "root (trusted)",
            bits: "bits",
        }
    }
}

pub(super) fn message(f: &Finding) -> String {
    let list = |name: &str| f.list(name).join(", ");
    match f.code {
        Code::MsstdMatch => format!(
            "{} matches the certificate name {}: mutual authentication works on every Windows version.",
            f.text("principal"),
            f.text("matched")
        ),
        Code::MsstdSanOnly => format!(
            "{} matches only the SubjectAltName {}, not the Common Name ({}): it works on Windows Vista SP1 and later, but Windows XP and Server 2003 clients fail (Remote Connectivity Analyzer warns \"Mutual Authentication Established by Subject Alternative Name\").",
            f.text("principal"),
            f.text("matched"),
            none_if_empty(&list("common_names"))
        ),
        Code::MsstdMismatch => format!(
            "Mutual authentication could not be established: the certificate common name {} doesn't validate against the mutual authentication string {}; no SubjectAltName matches either.",
            none_if_empty(&list("common_names")),
            f.text("principal")
        ),
        Code::MsstdWildcard => format!(
            "The certificate name {} is a wildcard. Windows compares the principal literally, so {} fails on older Windows and is undocumented on newer; the value documented to work is msstd:{}.",
            f.text("matched"),
            f.text("principal"),
            f.text("matched")
        ),
        Code::MsstdSyntax if f.list("defects") == ["NOT_FOUND"] => {
            "No msstd: value was found in the text given as the principal name: paste the value itself, or the line or text that holds it.".to_owned()
        }
        Code::MsstdSyntax => {
            let found = f.text("as_found");
            let defects = f.list("defects").iter().map(|d| defect(d)).collect::<Vec<_>>().join("; ");
            match f.text("corrected") {
                "" => format!("The principal value \"{found}\" is malformed: {defects}."),
                corrected => format!("The principal value \"{found}\" is malformed: {defects}. Write it as {corrected}."),
            }
        }
        Code::MsstdDisabled => {
            "The principal name is \"none\": Outlook does not check the certificate name at all (mutual authentication is switched off).".to_owned()
        }
        Code::MsstdDerived => format!(
            "No CertPrincipalName is set, so Outlook expects {} (msstd: followed by the Outlook Anywhere host name).",
            f.text("principal")
        ),
        Code::MsstdEmailSubject => format!(
            "The certificate subject carries the e-mail address {}; Windows then builds the principal as {} instead of using the Common Name.",
            f.text("email"),
            f.text("principal")
        ),
        Code::MsstdNoCn => {
            "The certificate subject has no Common Name: Windows before Vista SP1 compares only the Common Name, so mutual authentication always fails there.".to_owned()
        }
        Code::MsstdMultipleCn => format!(
            "The subject has several Common Names ({}); which one Windows compares is undocumented.",
            list("common_names")
        ),
        Code::MsstdFullsic => format!(
            "The principal is a fullsic: name (the whole subject, \"{}\"), not an msstd: name; it was not checked.",
            f.text("subject")
        ),
        Code::HostMismatch => format!(
            "The certificate is not valid for the host {}: its names are {}.",
            f.text("host"),
            none_if_empty(&list("names"))
        ),
        Code::HostCnOnly => format!(
            "The host {} matches only the Common Name; the certificate has no DNS SubjectAltName, which browsers and modern TLS clients require.",
            f.text("host")
        ),
        Code::AutodiscoverMissing => format!(
            "{} is not on the certificate: Outlook reaches Autodiscover there first, and gets a certificate warning.",
            f.text("name")
        ),
        Code::NameInternal => format!(
            "The certificate carries internal names ({}) that public CAs stopped issuing in November 2015.",
            list("names")
        ),
        Code::CertExpired => format!(
            "The certificate {} expired on {} ({} days ago).",
            f.text("subject"),
            f.text("not_after"),
            f.number("days")
        ),
        Code::CertNotYetValid => format!(
            "The certificate {} is not valid until {} (in {} days).",
            f.text("subject"),
            f.text("not_before"),
            f.number("days")
        ),
        Code::CertExpiresSoon => format!(
            "The certificate {} expires on {}, in {} days.",
            f.text("subject"),
            f.text("not_after"),
            f.number("days")
        ),
        Code::SigWeak => format!("The certificate is signed with {} ({}).", f.text("hash"), f.text("algorithm")),
        Code::KeyWeak => match f.text("reason") {
            "curve" => format!(
                "The certificate {} has an EC key on the curve {}; clients accept only P-256, P-384 and P-521.",
                f.text("subject"),
                f.text("curve")
            ),
            "algorithm" => format!(
                "The certificate {} has a {} key, which TLS clients no longer accept.",
                f.text("subject"),
                f.text("algorithm")
            ),
            _ => format!("The {} key is only {} bits.", f.text("algorithm"), f.number("bits")),
        },
        Code::SigInvalid => format!(
            "The certificate's signature does not verify with the key of its issuer {}.",
            f.text("issuer")
        ),
        Code::SigUnsupported => format!(
            "The signature by {} was not verified: its algorithm is not one this tool verifies, or \
             the browser's WebCrypto lacks it or is unavailable (a page served over plain http:// \
             from another host).",
            f.text("issuer")
        ),
        Code::EkuNoServerAuth => format!(
            "The certificate's Extended Key Usage ({}) does not include Server Authentication.",
            none_if_empty(&list("usages"))
        ),
        Code::LeafIsCa => "The server certificate is a CA certificate (Basic Constraints CA=true).".to_owned(),
        Code::ChainOrder => format!(
            "The certificates are out of order (path in presented positions: {}); the server should send the leaf first, then each issuer.",
            list("presented")
        ),
        Code::ChainIncomplete if f.text("after") == "ca" => format!(
            "The issuer {} is neither among the certificates given nor a trusted root: if it is an intermediate, the server must send it; if it is a root, clients must trust it (neither root store this check used holds it).",
            f.text("issuer")
        ),
        Code::ChainIncomplete => format!(
            "The intermediate certificate {} is missing: the server does not send it, so clients cannot build the chain.",
            f.text("issuer")
        ),
        Code::ChainUnrelated => format!(
            "The certificate {} belongs to no path from the server certificate.",
            f.text("subject")
        ),
        Code::ChainDuplicate => format!("The certificate {} was given more than once.", f.text("subject")),
        Code::ChainRootSent => format!(
            "The root {} is sent with the chain; clients use their own copy, so it is unnecessary.",
            f.text("subject")
        ),
        Code::ChainTrusted => format!("The chain ends at the trusted root {}.", f.text("root")),
        Code::SelfSigned => format!(
            "The server certificate {} is self-signed: Outlook Anywhere needs a certificate from a publicly trusted CA.",
            f.text("subject")
        ),
        Code::UntrustedRoot => format!("The chain ends at the root {}, which is not trusted.", f.text("root")),
        Code::KeyPairMatch => "The private key in the file belongs to the server certificate.".to_owned(),
        Code::KeyPairMismatch => {
            "The private key in the file does not belong to the server certificate: the server cannot use this pair.".to_owned()
        }
        Code::IssuerNotCa => format!(
            "The certificate {} signs another certificate on the path but is not a CA ({}): every client refuses the chain.",
            f.text("subject"),
            match f.text("reason") {
                "version-1" => "a version 1 certificate, acceptable only as a trusted root",
                "no-basic-constraints" => "it has no Basic Constraints",
                _ => "Basic Constraints CA=false",
            }
        ),
        Code::PathLenExceeded => format!(
            "The CA {} allows {} intermediate CA(s) below it (path length constraint), but the path has {}.",
            f.text("subject"),
            f.number("path_len"),
            f.number("below")
        ),
        Code::IssuerNoKeyCertSign => format!(
            "The CA {} signs a certificate on the path, but its Key Usage does not allow certificate signing (keyCertSign).",
            f.text("subject")
        ),
        Code::EkuIssuerNoServerAuth => format!(
            "The intermediate {} limits its Extended Key Usage to {}, without Server Authentication: browsers and strict clients refuse the server certificates it issues.",
            f.text("subject"),
            none_if_empty(&list("usages"))
        ),
        Code::NameConstraintViolation if !f.text("invalid").is_empty() => format!(
            "The CA {} has a name constraint that is not a valid name ({}), so clients refuse every certificate below it.",
            f.text("constrained_by"),
            f.text("invalid")
        ),
        Code::NameConstraintViolation => format!(
            "The name {} on {} is {} by the name constraints of the CA {}.",
            f.text("name"),
            f.text("subject"),
            if f.text("constraint") == "excluded" { "excluded" } else { "not permitted" },
            f.text("constrained_by")
        ),
        Code::ExtensionCriticalUnknown => format!(
            "The certificate {} carries a critical extension ({}) that clients do not know, so they must refuse it.",
            f.text("subject"),
            f.text("oid")
        ),
        Code::ExtensionMalformed => format!(
            "The {} extension of {} cannot be read; clients refuse the certificate.",
            f.text("extension"),
            f.text("subject")
        ),
        Code::LeafCnNotInSan => format!(
            "The Common Name {} is not among the SubjectAltNames ({}): public CAs must repeat it there and verifiers that enforce their rules refuse the certificate (browsers ignore the Common Name); Windows before Vista SP1 compares the msstd: name with this Common Name alone.",
            f.text("common_name"),
            none_if_empty(&list("names"))
        ),
        Code::ProfileViolation => format!(
            "The certificate {} breaks a rule strict clients enforce: {}.",
            f.text("subject"),
            rule(f.text("rule"))
        ),
        Code::ChainAlternative => {
            let harm = if f.text("chosen") == "valid" {
                " It does no harm to clients that build paths (Windows, browsers, current OpenSSL): they take the valid path. Clients that follow the chain only as sent, such as OpenSSL before 1.1.0, may take it and fail."
            } else {
                ""
            };
            let issued_by = match f.text("through_issuer") {
                "" => String::new(),
                issuer => format!(" (the copy issued by {issuer})"),
            };
            format!(
                "Another path, through {}{issued_by}, was passed over: {}.{harm}",
                f.text("through"),
                alternative_reason(f.text("reason"), f.text("reason_subject"))
            )
        }
        Code::ChainTooComplex => format!(
            "Path building stopped before finding a valid path: {}.",
            match f.text("budget") {
                "path-length" => "the path has more intermediate CAs than any client follows (6)",
                "signatures" => "the certificates would need more signature checks than any client makes (100)",
                "name-constraints" => "the name constraints would need more comparisons than any client makes",
                _ => "the certificates offer more paths than any client explores",
            }
        ),
        Code::NamesOnly if f.text("certificate") == "missing" => format!(
            "No certificate was given and the text ({}) names none, only the host: give the certificate, or the output of Get-ExchangeCertificate | Format-List, to check the principal name.",
            sources_en(f)
        ),
        Code::NamesOnly => format!(
            "No certificate was given, only its names (from {}): the principal name and the host were checked against them; the chain, the signatures, the key and the validity were not (the dates shown are as printed, in the server's locale).",
            sources_en(f)
        ),
        Code::NamesOtherCertificate if f.text("by") == "thumbprint" => format!(
            "The pasted text names the certificate with thumbprint {}, but the certificate given is {}: the certificate exported may not be the one Exchange uses.",
            f.text("named"),
            f.text("given")
        ),
        Code::NamesOtherCertificate => format!(
            "The pasted text names a certificate with Common Name {}, but the certificate given has {}: it may not be the one the server presents.",
            f.text("named"),
            none_if_empty(f.text("given"))
        ),
        Code::MsstdNotGiven => "No principal name and no Outlook Anywhere host were given: the name Outlook on Windows compares with the certificate (msstd:) was not checked.".to_owned(),
        Code::ChainFetchedFromAia => format!(
            "The server does not send the issuer {}: it was downloaded from {} (the Authority Information Access) to finish the chain. Windows downloads it too, if the client can reach that address; clients that do not download issuers (phones' mail apps, OpenSSL-based clients) fail until the server sends it.",
            f.text("subject"),
            f.text("url")
        ),
        Code::MsstdSeveral => format!(
            "The text holds {} different principal values ({}); the verdict above is for the first. Each alone: {}.",
            f.list("values").len(),
            list("values"),
            f.list("values")
                .iter()
                .zip(f.list("verdicts"))
                .map(|(value, verdict)| format!("{value} {verdict}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Code::RootDistrusted if f.text("rule") == "issued-after" => format!(
            "The chain ends at {}, for which Microsoft's Trusted Root Program stopped trusting certificates issued after {} (NotBefore): this certificate was issued later, so Windows refuses it.",
            f.text("root"),
            f.text("since")
        ),
        Code::RootDistrusted => format!(
            "The chain ends at {}, which Microsoft's Trusted Root Program disabled on {}: Windows no longer trusts anything that chains to it.",
            f.text("root"),
            f.text("since")
        ),
        Code::ChainWindowsOnly => {
            let why = match f.text("reason") {
                "CHAIN_INCOMPLETE" | "UNTRUSTED_ROOT" | "SELF_SIGNED" => "their root store does not hold the root this chain ends at".to_owned(),
                reason => format!("{reason} ({})", f.text("reason_subject")),
            };
            format!(
                "Windows trusts this chain (it ends at {}, in Microsoft's Trusted Root Program), but clients that use Mozilla's root store do not: {why}. Phones over ActiveSync, Outlook for Mac and browsers opening OWA refuse it.",
                f.text("root")
            )
        }
        Code::ChainAiaRecoverable => format!(
            "Windows downloads the missing issuer {} from {} (the certificate's Authority Information Access), if the client can reach that address; clients that do not download issuers (phones' mail apps, OpenSSL-based clients) fail until the server sends it.",
            f.text("issuer"),
            f.text("url")
        ),
        Code::RootAutoUpdate => format!(
            "The root {} is in Microsoft's Trusted Root Program: Windows downloads it the first time a chain needs it (Automatic Root Certificates Update). Where that update is turned off, the root must already be in the machine's Trusted Root store.",
            f.text("root")
        ),
        Code::RevocationUnreachable if f.text("reason") == "ldap" => format!(
            "Revocation of this certificate can only be checked over LDAP ({}), which clients outside the network cannot reach: Windows then reports its revocation status as unknown (offline).",
            list("urls")
        ),
        Code::RevocationUnreachable => format!(
            "The places to check revocation of this certificate ({}) have names or addresses clients outside the network cannot reach: Windows then reports its revocation status as unknown (offline).",
            list("urls")
        ),
        Code::CertRevoked => format!(
            "This certificate is revoked ({}, since {}), says its {}{}: every client refuses it once it checks.",
            f.text("reason"),
            f.text("revoked_at"),
            source(f.text("source")),
            at_url(f.text("url"))
        ),
        Code::RevocationCheckFailed => format!(
            "The revocation of this certificate could not be checked through its {}{}: {}. Windows then reports the revocation status as unknown.",
            source(f.text("source")),
            at_url(f.text("url")),
            f.text("reason")
        ),
        Code::RevocationGood => format!(
            "Not revoked, says its {}{} (the answer is signed by the issuer and current).",
            source(f.text("source")),
            at_url(f.text("url"))
        ),
        Code::AutodiscoverCertificateAlert if f.text("autodiscover") == "yes" => format!(
            "{} answers as Autodiscover, but Windows refuses its certificate for {} ({}): Outlook shows a security alert (\"The name on the security certificate is invalid or does not match the name of the site\") at every start, and reaches Autodiscover only if the user clicks Yes.",
            f.text("url"),
            f.text("host"),
            list("reasons")
        ),
        Code::AutodiscoverCertificateAlert => format!(
            "{} answers on HTTPS with a certificate Windows refuses for {} ({}): Outlook tries it first and shows a security alert (\"The name on the security certificate is invalid or does not match the name of the site\"); Yes goes on to the next place, No ends the lookup.",
            f.text("url"),
            f.text("host"),
            list("reasons")
        ),
        Code::AutodiscoverRedirectPrompt => format!(
            "Outlook finds Autodiscover through {}, and asks the user \"Allow this website to configure server settings?\" before going to {}.",
            f.text("url"),
            f.text("location")
        ),
        Code::AutodiscoverNotFound => format!(
            "No place Outlook looks answers as Autodiscover for {}: Outlook cannot set the account up or refresh its settings from outside the network.",
            f.text("domain")
        ),
        Code::KeyPostQuantum => format!(
            "The certificate {} has a post-quantum {} ({}). It is strong, but no source documents a TLS client that accepts such a server certificate today: Windows supports ML-DSA in its crypto libraries and certificate services (Windows 11 24H2 and Server 2025), and Microsoft calls that support limited and evolving, with nothing said of Schannel, the TLS that Outlook uses; browsers, phones and Outlook for Mac accept none from a public root.",
            f.text("subject"),
            if f.text("what") == "signature" { "signature" } else { "key" },
            f.text("algorithm")
        ),
        Code::RootPilot => format!(
            "The path ends at {}, a root of Microsoft's post-quantum TLS pilot: it is in the trust list, but Microsoft says pilot certificates are not publicly trusted, not for production and not for public web connections (one-year roots, 90-day leaves).",
            f.text("root")
        ),
        Code::RootStoreStale => format!(
            "This build judges with {} ({}), published {} days before the analysis time: roots the program added, distrusted or removed since are not known, so the verdict may be stale.",
            program(f.text("program")),
            f.text("version"),
            f.number("days")
        ),
    }
}

/// A root program by its code.
fn program(code: &str) -> &'static str {
    match code {
        "microsoft" => "Microsoft's Trusted Root Program",
        _ => "Mozilla's root store",
    }
}

/// A profile rule of `PROFILE_VIOLATION` in words.
fn rule(code: &str) -> &'static str {
    RULES
        .iter()
        .find(|(name, _)| *name == code)
        .map_or("a certificate profile rule", |(_, words)| words)
}

/// Each rule's words (a table: a `match` on strings costs the page's module more code).
const RULES: &[(&str, &str)] = &[
    ("signature-algorithm-mismatch", "the signature algorithm inside the certificate differs from the one outside (RFC 5280 4.1.1.2)"),
    ("serial-negative", "its serial number is negative (RFC 5280 4.1.2.2)"),
    ("serial-zero", "its serial number is zero (RFC 5280 4.1.2.2)"),
    ("serial-too-long", "its serial number is longer than 20 bytes (RFC 5280 4.1.2.2)"),
    ("empty-issuer", "its issuer name is empty (RFC 5280 4.1.2.4)"),
    ("ca-empty-subject", "it is a CA with an empty subject (RFC 5280 4.1.2.6)"),
    ("empty-subject-without-critical-san", "its subject is empty and its SubjectAltName is missing or not critical (RFC 5280 4.2.1.6)"),
    ("san-critical-with-subject", "its SubjectAltName is critical although the subject is not empty (CA/B Forum BR 7.1.2.7.12)"),
    ("aki-missing", "it has no Authority Key Identifier (RFC 5280 4.2.1.1)"),
    ("aki-critical", "its Authority Key Identifier is critical (RFC 5280 4.2.1.1)"),
    ("ski-missing", "it is a CA without a Subject Key Identifier (RFC 5280 4.2.1.2)"),
    ("ski-critical", "its Subject Key Identifier is critical (RFC 5280 4.2.1.2)"),
    ("root-aki-form", "as a root, its Authority Key Identifier must hold only its own key identifier (CA/B Forum BR 7.1.2.1.3)"),
    ("root-aki-ski-mismatch", "as a root, its Authority Key Identifier differs from its Subject Key Identifier (CA/B Forum BR 7.1.2.1.3)"),
    ("root-eku", "as a root, it carries an Extended Key Usage (CA/B Forum BR 7.1.2.1.2)"),
    ("basic-constraints-not-critical", "it is a CA whose Basic Constraints are not critical (RFC 5280 4.2.1.9)"),
    ("key-cert-sign-without-ca", "its Key Usage allows certificate signing but it is not a CA (RFC 5280 4.2.1.3)"),
    ("aia-critical", "its Authority Information Access is critical (RFC 5280 4.2.2.1)"),
    ("name-constraints-in-leaf", "it carries name constraints but is not a CA (RFC 5280 4.2.1.10)"),
    ("policy-constraints-not-critical", "its policy constraints are not critical (RFC 5280 4.2.1.11)"),
    ("eku-any", "its Extended Key Usage includes anyExtendedKeyUsage (CA/B Forum BR 7.1.2.7.10)"),
    ("eku-critical", "its Extended Key Usage is critical (CA/B Forum BR 7.1.2.7.10)"),
    ("dns-name-invalid", "a DNS SubjectAltName is not a valid host name (an underscore, an IP address, a misplaced wildcard; CA/B Forum BR 7.1.2.7.12)"),
    ("not-version-3", "it is not a version 3 certificate (CA/B Forum BR 7.1.1)"),
    ("rsa-modulus-size", "its RSA modulus is not a whole number of bytes (CA/B Forum BR 6.1.5)"),
];

/// Why a path was passed over, from the finding code that decided it.
fn alternative_reason(code: &str, subject: &str) -> String {
    let subject = if subject.is_empty() {
        "a certificate on it"
    } else {
        subject
    };
    match code {
        "CERT_EXPIRED" => format!("that copy of {subject} has expired"),
        "CERT_NOT_YET_VALID" => format!("that copy of {subject} is not valid yet"),
        "CHAIN_INCOMPLETE" => "it leads to an issuer that was not given".to_owned(),
        "UNTRUSTED_ROOT" | "SELF_SIGNED" => "it ends at a root that is not trusted".to_owned(),
        "SIG_INVALID" => format!("the signature on {subject} does not verify"),
        "SIG_WEAK" => format!("{subject} is signed with a weak hash"),
        "KEY_WEAK" => format!("{subject} has a weak key"),
        "ISSUER_NOT_CA" | "ISSUER_NO_KEY_CERT_SIGN" => format!("{subject} may not issue certificates"),
        "PATH_LEN_EXCEEDED" => format!("it is longer than {subject} allows"),
        "EKU_ISSUER_NO_SERVER_AUTH" => format!("{subject} may not issue server certificates"),
        "NAME_CONSTRAINT_VIOLATION" => "a name breaks a CA's name constraints".to_owned(),
        "LONGER" => "it is longer than the path chosen".to_owned(),
        other => format!("{subject} has the problem {other}"),
    }
}

pub(super) fn fix(f: &Finding) -> Option<String> {
    let recommended = f.text("recommended");
    let set = |value: &str| {
        format!(
            "Run Set-OutlookProvider EXPR -CertPrincipalName \"{value}\" (on Exchange 2013 and later also Set-OutlookProvider EXCH -CertPrincipalName \"{value}\"), then restart Outlook or wait for Autodiscover; or type {value} in Outlook's Exchange Proxy Settings, \"Only connect to proxy servers that have this principal name in their certificate\"."
        )
    };
    Some(match f.code {
        Code::MsstdMismatch | Code::MsstdSanOnly | Code::MsstdWildcard if !recommended.is_empty() => format!(
            "{} Or re-issue the certificate with {} as its Common Name.",
            set(recommended),
            f.text("name")
        ),
        Code::MsstdMismatch | Code::MsstdSanOnly => {
            format!("Re-issue the certificate with {} as its Common Name.", f.text("name"))
        }
        Code::MsstdSyntax if !f.text("corrected").is_empty() => set(f.text("corrected")),
        Code::MsstdNoCn => "Re-issue the certificate with the Outlook Anywhere host name as its Common Name if Windows XP or Server 2003 clients connect.".to_owned(),
        Code::HostMismatch => format!("Add {} to the certificate's SubjectAltNames and re-issue it.", f.text("host")),
        Code::HostCnOnly => format!("Re-issue the certificate with {} in its SubjectAltNames.", f.text("host")),
        Code::AutodiscoverMissing => format!(
            "Add {} to the certificate's SubjectAltNames, or publish Autodiscover with an SRV record.",
            f.text("name")
        ),
        Code::NameInternal => "Use public names (split DNS) and remove internal names from the certificate.".to_owned(),
        Code::CertExpired | Code::CertExpiresSoon => {
            "Renew the certificate, import it and assign it to IIS with Enable-ExchangeCertificate -Services IIS.".to_owned()
        }
        Code::SigWeak | Code::KeyWeak => "Re-issue the certificate with a SHA-256 signature and an RSA key of 2048 bits or more.".to_owned(),
        Code::EkuNoServerAuth => "Re-issue the certificate from a web-server template (Server Authentication EKU).".to_owned(),
        Code::ChainRootSent => "Optional: remove the root from the certificates the server sends.".to_owned(),
        Code::ChainUnrelated => "Remove the certificate from what the server sends; it does not help any client.".to_owned(),
        Code::ChainOrder | Code::ChainIncomplete => {
            let urls = f.list("urls");
            let download = if urls.is_empty() {
                String::new()
            } else {
                format!(" The missing issuer can be downloaded from {}.", urls.join(", "))
            };
            format!("Install the intermediate certificates on the server so it sends the corrected chain below, leaf first.{download}")
        }
        Code::SelfSigned | Code::UntrustedRoot => {
            "Use a certificate from a publicly trusted CA (or, for an internal CA, supply its root as trusted and deploy it to every client).".to_owned()
        }
        Code::KeyPairMismatch => "Export the certificate together with its own private key (Export-ExchangeCertificate on the server that made the request).".to_owned(),
        Code::IssuerNotCa | Code::IssuerNoKeyCertSign | Code::PathLenExceeded | Code::EkuIssuerNoServerAuth => {
            "Get the intermediate certificates your CA publishes for this certificate and install those; if this is your own CA, re-issue its CA certificate with the right Basic Constraints, Key Usage and Extended Key Usage (Server Authentication).".to_owned()
        }
        Code::NameConstraintViolation => "Re-issue the certificate from a CA whose name constraints cover its names, or only with names the CA may issue for.".to_owned(),
        Code::ExtensionCriticalUnknown | Code::ExtensionMalformed | Code::ProfileViolation => {
            "Re-issue the certificate from a standard template (a public CA does this for you); the server configuration cannot change it.".to_owned()
        }
        Code::LeafCnNotInSan => format!("Re-issue the certificate with {} in its SubjectAltNames as well.", f.text("common_name")),
        Code::ChainAlternative if f.text("chosen") == "valid" => "Optional: remove the certificates of the path passed over from what the server sends, for clients that do not build paths.".to_owned(),
        Code::ChainTooComplex => "Send only the leaf and the intermediates of one path, leaf first.".to_owned(),
        Code::ChainFetchedFromAia => format!("Install the intermediate {} on the server (it is in the corrected chain) so that the server sends it.", f.text("subject")),
        Code::RootDistrusted => "Replace the certificate with one from a CA that Windows trusts (the CA's newer root, or another CA).".to_owned(),
        Code::ChainWindowsOnly => "Send a chain that also leads to a root in Mozilla's store (the intermediate the CA cross-signs to a newer root), or replace the certificate with one from a CA both stores trust.".to_owned(),
        Code::CertRevoked => "Replace the certificate with a new one (a new key if it was revoked for key compromise) and install it on every server that presents it.".to_owned(),
        Code::RevocationCheckFailed => "Make sure the CA's OCSP responder or CRL answers from where the clients are (a proxy or firewall may block it), or ask the CA why it does not.".to_owned(),
        Code::AutodiscoverCertificateAlert if f.text("method") == "root-domain" && f.text("autodiscover") == "no" => format!(
            "Stop {} from answering with that certificate (give the site a certificate that names {}, or take Autodiscover off the bare domain), or set ExcludeHttpsRootDomain=1 under HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover on the clients.",
            f.text("url"),
            f.text("host")
        ),
        Code::AutodiscoverCertificateAlert => format!(
            "Give {} a certificate that names {} from a CA Windows trusts, or point the name away from this server.",
            f.text("url"),
            f.text("host")
        ),
        Code::AutodiscoverRedirectPrompt => format!("Publish autodiscover.{} with a certificate that names it, so that Outlook finds Autodiscover before it needs a redirect.", f.text("domain")),
        Code::AutodiscoverNotFound => format!("Publish https://autodiscover.{0}/autodiscover/autodiscover.xml (a DNS name for the Exchange server, and on its certificate), or an SRV record _autodiscover._tcp.{0}.", f.text("domain")),
        Code::RevocationUnreachable => "Publish the CA's CRL (or an OCSP responder) at an http:// address with a public name, add it to the CA's CRL Distribution Points and Authority Information Access, and re-issue the certificate.".to_owned(),
        Code::KeyPostQuantum | Code::RootPilot => "For Outlook Anywhere in production, use a certificate with an RSA (2048 bits or more) or ECDSA P-256/P-384 key from a publicly trusted CA; keep post-quantum certificates for test servers.".to_owned(),
        Code::RootStoreStale => "Update msstd-check: each release carries the root stores of its day (msstd-relay --version and the page's footer name them).".to_owned(),
        _ => return None,
    })
}

fn defect(code: &str) -> &'static str {
    match code {
        "NOT_SET" => "not set",
        "EMPTY" => "the value is empty",
        "WHITESPACE_AROUND" => "there is white space around the value",
        "SPACE_AFTER_PREFIX" => "there is a space after msstd:",
        "MISSING_PREFIX" => "the msstd: prefix is missing",
        "UPPERCASE_PREFIX" => "the prefix must be written msstd: in lower case",
        "QUOTES" => "there are quote characters inside the value",
        "TRAILING_DOT" => "the name ends with a dot",
        "URL" => "it is a URL, not a host name",
        "PORT" => "it includes a port",
        "NOT_FOUND" => "the text holds no msstd: value",
        "INVALID_CHARACTERS" => "it contains characters no host name has",
        _ => "it is malformed",
    }
}

fn none_if_empty(text: &str) -> &str {
    if text.is_empty() {
        "(none)"
    } else {
        text
    }
}

/// The texts the names came from, in words.
fn sources_en(f: &Finding) -> String {
    f.list("sources")
        .iter()
        .map(|source| match *source {
            "get-exchange-certificate" => "Get-ExchangeCertificate output",
            "connectivity-analyzer" => "Remote Connectivity Analyzer's line",
            _ => "Get-OutlookAnywhere output",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a revocation answer came from, in words.
fn source(source: &str) -> &'static str {
    match source {
        "crl" => "CRL",
        "stapled" => "OCSP response stapled by the server",
        _ => "OCSP responder",
    }
}

/// " at URL", or nothing for a stapled response.
fn at_url(url: &str) -> String {
    if url.is_empty() {
        String::new()
    } else {
        format!(" at {url}")
    }
}
