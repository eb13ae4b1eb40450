# msstd-check in italiano. The Connectivity Analyzer's own Italian wording is kept where admins
# search for it: "Impossibile stabilire un'autenticazione reciproca". Same messages, attributes
# and arguments as en.ftl (the build refuses a difference).

## Parti comuni

# $value: il valore del nome principale da impostare.
set-principal = Eseguire Set-OutlookProvider EXPR -CertPrincipalName "{ $value }" (su Exchange 2013 e successivi anche Set-OutlookProvider EXCH -CertPrincipalName "{ $value }"), poi riavviare Outlook o attendere l'individuazione automatica; oppure digitare { $value } nelle Impostazioni proxy di Exchange di Outlook, "Connetti solo a server proxy il cui certificato include questo nome principale".
at-url = { $url ->
    [0] {""}
   *[other] {" "}a { $url }
}
-mozilla-lacks-root = il loro archivio di radici non contiene la radice in cui termina la catena
-intermediates-fix = Procurarsi i certificati intermedi che la CA pubblica per questo certificato e installare quelli; se la CA è interna, riemettere il suo certificato con Basic Constraints, Key Usage ed Extended Key Usage (Autenticazione server) corretti.
-standard-template-fix = Riemettere il certificato da un modello standard (una CA pubblica lo fa da sé); la configurazione del server non può cambiarlo.
-renew-fix = Rinnovare il certificato, importarlo e assegnarlo a IIS con Enable-ExchangeCertificate -Services IIS.
-public-ca-fix = Usare un certificato di una CA pubblica attendibile (oppure, per una CA interna, fornire la sua radice come attendibile e distribuirla a tutti i client).
-production-key-fix = Per Outlook Anywhere in produzione, usare un certificato con chiave RSA (almeno 2048 bit) o ECDSA P-256/P-384 di una CA pubblicamente attendibile; tenere i certificati post-quantistici per i server di prova.
-strong-key-fix = Riemettere il certificato con firma SHA-256 e chiave RSA di almeno 2048 bit.
install-chain-fix = Installare i certificati intermedi sul server, in modo che invii la catena corretta qui sotto, a partire dal certificato finale.{ $urls ->
    [0] {""}
   *[other] {" "}L'emittente mancante si può scaricare da { $urls }.
}

revocation-source = { $source ->
    [crl] CRL
    [stapled] risposta OCSP allegata dal server
   *[other] risponditore OCSP
}

revocation-failure = { $reason ->
    [refused-by-policy] le regole del relay non consentono il suo indirizzo o la sua porta
    [name-not-found] il suo nome non si risolve
    [connection-failed] non è stato possibile stabilire una connessione
    [timed-out] non ha risposto in tempo
    [http-status] il server ha risposto con lo stato HTTP { $detail }
    [too-large] la risposta supera { $detail } byte
    [ocsp-malformed-request] il risponditore dice che la richiesta non è valida
    [ocsp-internal-error] il risponditore ha avuto un errore interno
    [ocsp-try-later] il risponditore chiede di riprovare più tardi
    [ocsp-signature-required] il risponditore richiede una richiesta firmata
    [ocsp-unauthorized] il risponditore non è autorizzato a rispondere per questo certificato
    [ocsp-not-basic] la risposta OCSP non è di tipo base
    [ocsp-unknown] il risponditore non conosce questo certificato (stato sconosciuto)
    [ocsp-other-certificate] la risposta OCSP riguarda un altro certificato
    [responder-not-certified] la risposta OCSP non è firmata dall'emittente né da un risponditore da esso certificato
    [responder-not-signed] il certificato del risponditore OCSP non è firmato dall'emittente
    [responder-not-for-ocsp] il certificato del risponditore OCSP non è autorizzato a firmare risposte OCSP
    [signature-invalid] la sua firma non si verifica con la chiave dell'emittente
    [signature-unsupported] non è stato possibile verificare la sua firma
    [dated-in-future] ha una data nel futuro
    [out-of-date] non è più aggiornata (la sua data nextUpdate è passata)
    [crl-other-issuer] la CRL è emessa con un nome diverso da quello dell'emittente del certificato
    [crl-delta] la CRL è una CRL delta, che non viene letta
    [unreadable] il certificato o la chiave del suo emittente non è leggibile
   *[malformed] { $source ->
        [crl] la CRL non è leggibile
       *[other] la risposta OCSP non è leggibile
    }
}

names-source = { $source ->
    [get-exchange-certificate] l'output di Get-ExchangeCertificate
    [connectivity-analyzer] la riga di Remote Connectivity Analyzer
    [certificate-request] una richiesta di certificato
   *[other] l'output di Get-OutlookAnywhere
}

root-program = { $program ->
    [microsoft] il Trusted Root Program di Microsoft
   *[other] l'archivio di radici di Mozilla
}

defect = { $code ->
    [EMPTY] il valore è vuoto
    [WHITESPACE_AROUND] ci sono spazi prima o dopo il valore
    [SPACE_AFTER_PREFIX] c'è uno spazio dopo msstd:
    [MISSING_PREFIX] manca il prefisso msstd:
    [UPPERCASE_PREFIX] il prefisso va scritto msstd: in minuscolo
    [QUOTES] ci sono virgolette nel valore
    [TRAILING_DOT] il nome termina con un punto
    [URL] è un URL, non un nome host
    [PORT] include una porta
    [NOT_FOUND] il testo non contiene alcun valore msstd:
    [INVALID_CHARACTERS] contiene caratteri che nessun nome host ha
   *[other] non è valido
}

principal-not-set = non impostato

profile-rule = { $rule ->
    [signature-algorithm-mismatch] l'algoritmo di firma interno al certificato è diverso da quello esterno (RFC 5280 4.1.1.2)
    [serial-negative] il numero di serie è negativo (RFC 5280 4.1.2.2)
    [serial-zero] il numero di serie è zero (RFC 5280 4.1.2.2)
    [serial-too-long] il numero di serie supera i 20 byte (RFC 5280 4.1.2.2)
    [empty-issuer] il nome dell'emittente è vuoto (RFC 5280 4.1.2.4)
    [ca-empty-subject] è una CA con soggetto vuoto (RFC 5280 4.1.2.6)
    [empty-subject-without-critical-san] il soggetto è vuoto e il SubjectAltName manca o non è critico (RFC 5280 4.2.1.6)
    [san-critical-with-subject] il SubjectAltName è critico benché il soggetto non sia vuoto (CA/B Forum BR 7.1.2.7.12)
    [aki-missing] non ha un Authority Key Identifier (RFC 5280 4.2.1.1)
    [aki-critical] l'Authority Key Identifier è critico (RFC 5280 4.2.1.1)
    [ski-missing] è una CA senza Subject Key Identifier (RFC 5280 4.2.1.2)
    [ski-critical] il Subject Key Identifier è critico (RFC 5280 4.2.1.2)
    [root-aki-form] come radice, il suo Authority Key Identifier deve contenere solo il proprio identificatore di chiave (CA/B Forum BR 7.1.2.1.3)
    [root-aki-ski-mismatch] come radice, l'Authority Key Identifier è diverso dal Subject Key Identifier (CA/B Forum BR 7.1.2.1.3)
    [root-eku] come radice, ha un Extended Key Usage (CA/B Forum BR 7.1.2.1.2)
    [basic-constraints-not-critical] è una CA con Basic Constraints non critico (RFC 5280 4.2.1.9)
    [key-cert-sign-without-ca] il Key Usage consente di firmare certificati ma non è una CA (RFC 5280 4.2.1.3)
    [aia-critical] l'Authority Information Access è critico (RFC 5280 4.2.2.1)
    [name-constraints-in-leaf] ha vincoli sui nomi ma non è una CA (RFC 5280 4.2.1.10)
    [policy-constraints-not-critical] i vincoli sui criteri non sono critici (RFC 5280 4.2.1.11)
    [eku-any] l'Extended Key Usage include anyExtendedKeyUsage (CA/B Forum BR 7.1.2.7.10)
    [eku-critical] l'Extended Key Usage è critico (CA/B Forum BR 7.1.2.7.10)
    [dns-name-invalid] un SubjectAltName DNS non è un nome host valido (un carattere di sottolineatura, un indirizzo IP, un carattere jolly fuori posto; CA/B Forum BR 7.1.2.7.12)
    [not-version-3] non è un certificato versione 3 (CA/B Forum BR 7.1.1)
    [rsa-modulus-size] il modulo RSA non è un numero intero di byte (CA/B Forum BR 6.1.5)
   *[other] una regola del profilo dei certificati
}

alternative-subject = { $reason_subject ->
    [0] un certificato del percorso
   *[other] { $reason_subject }
}

alternative-reason = { $reason ->
    [CERT_EXPIRED] quella copia di { alternative-subject } è scaduta
    [CERT_NOT_YET_VALID] quella copia di { alternative-subject } non è ancora valida
    [CHAIN_INCOMPLETE] porta a un emittente che non è stato fornito
    [UNTRUSTED_ROOT] termina in una radice non attendibile
    [SELF_SIGNED] termina in una radice non attendibile
    [SIG_INVALID] la firma su { alternative-subject } non è valida
    [SIG_WEAK] { alternative-subject } è firmato con un hash debole
    [KEY_WEAK] { alternative-subject } ha una chiave debole
    [ISSUER_NOT_CA] { alternative-subject } non può emettere certificati
    [ISSUER_NO_KEY_CERT_SIGN] { alternative-subject } non può emettere certificati
    [PATH_LEN_EXCEEDED] è più lungo di quanto { alternative-subject } consenta
    [EKU_ISSUER_NO_SERVER_AUTH] { alternative-subject } non può emettere certificati server
    [NAME_CONSTRAINT_VIOLATION] un nome viola i vincoli sui nomi di una CA
    [LONGER] è più lungo del percorso scelto
   *[other] { alternative-subject } ha il problema { $reason }
}

## Rilievi

MSSTD_MATCH = { $principal } corrisponde al nome del certificato { $matched }: l'autenticazione reciproca funziona su tutte le versioni di Windows.
MSSTD_SAN_ONLY = { $principal } corrisponde solo al SubjectAltName { $matched }, non al Common Name ({ $common_names ->
    [0] (nessuno)
   *[other] { $common_names }
}): funziona su Windows Vista SP1 e successivi, ma i client Windows XP e Server 2003 non riescono (Remote Connectivity Analyzer avvisa "Autenticazione reciproca stabilita tramite nome alternativo del soggetto").
    .fix = { $recommended ->
        [0] Riemettere il certificato con { $name } come Common Name.
       *[other] { set-principal } Oppure riemettere il certificato con { $name } come Common Name.
    }
MSSTD_MISMATCH = Impossibile stabilire un'autenticazione reciproca: il nome comune del certificato { $common_names ->
    [0] (nessuno)
   *[other] { $common_names }
} non è valido per la stringa di autenticazione reciproca { $principal }; non corrisponde nemmeno alcun SubjectAltName.
    .fix = { $recommended ->
        [0] Riemettere il certificato con { $name } come Common Name.
       *[other] { set-principal } Oppure riemettere il certificato con { $name } come Common Name.
    }
MSSTD_WILDCARD = Il nome del certificato { $matched } contiene un carattere jolly. Windows confronta il nome principale alla lettera, quindi { $principal } non funziona sulle versioni precedenti di Windows e non è documentato sulle più recenti; il valore documentato è msstd:{ $matched }.
    .fix = { $recommended ->
        [0] {""}
       *[other] { set-principal } Oppure riemettere il certificato con { $name } come Common Name.
    }
    .condition = la corrispondenza con un nome jolly non è documentata
MSSTD_SYNTAX = { $defects ->
    [NOT_FOUND] Nel testo indicato come nome principale non c'è alcun valore msstd:: incollare il valore stesso, o la riga o il testo che lo contiene.
   *[other] Il valore del nome principale "{ $as_found }" non è valido: { $defects_worded }.{ $corrected ->
        [0] {""}
       *[other] {" "}Scriverlo come { $corrected }.
    }
}
    .fix = { $corrected ->
        [0] {""}
       *[other] { set-principal }
    }
MSSTD_DISABLED = Il nome principale è "none": Outlook non verifica il nome del certificato (l'autenticazione reciproca è disattivata).
MSSTD_DERIVED = CertPrincipalName non è impostato, quindi Outlook si aspetta { $principal } (msstd: seguito dal nome host di Outlook Anywhere).
MSSTD_EMAIL_SUBJECT = Il soggetto del certificato contiene l'indirizzo di posta elettronica { $email }; Windows costruisce allora il nome principale come { $principal } invece di usare il Common Name.
    .condition = l'indirizzo e-mail nel soggetto rende la corrispondenza non documentata
MSSTD_NO_CN = Il soggetto del certificato non ha un Common Name: Windows prima di Vista SP1 confronta solo il Common Name, quindi lì l'autenticazione reciproca non riesce mai.
    .fix = Se si connettono client Windows XP o Server 2003, riemettere il certificato con il nome host di Outlook Anywhere come Common Name.
MSSTD_MULTIPLE_CN = Il soggetto ha più Common Name ({ $common_names }); quale confronti Windows non è documentato.
MSSTD_FULLSIC = Il nome principale è di tipo fullsic: (l'intero soggetto, "{ $subject }"), non un nome msstd:; non è stato verificato.
MSSTD_NOT_GIVEN = Non sono stati indicati né il nome principale né l'host di Outlook Anywhere: il nome che Outlook su Windows confronta con il certificato (msstd:) non è stato verificato.
    .condition = il nome principale non è stato verificato (indicarlo, o l'host)
MSSTD_SEVERAL = Il testo contiene { $count } valori del nome principale diversi ({ $values }); il verdetto sopra è per il primo. Ciascuno da solo: { $each }.
HOST_MISMATCH = Il certificato non è valido per l'host { $host }: i suoi nomi sono { $names ->
    [0] (nessuno)
   *[other] { $names }
}.
    .fix = Aggiungere { $host } ai SubjectAltName del certificato e riemetterlo.
HOST_CN_ONLY = L'host { $host } corrisponde solo al Common Name; il certificato non ha SubjectAltName DNS, richiesti dai browser e dai client TLS moderni.
    .fix = Riemettere il certificato con { $host } nei SubjectAltName.
AUTODISCOVER_MISSING = { $name } non è nel certificato: Outlook contatta prima l'individuazione automatica (Autodiscover) a quell'indirizzo e riceve un avviso sul certificato.
    .fix = Aggiungere { $name } ai SubjectAltName del certificato, oppure pubblicare Autodiscover con un record SRV.
NAME_INTERNAL = Il certificato contiene nomi interni ({ $names }) che le CA pubbliche non emettono più da novembre 2015.
    .fix = Usare nomi pubblici (DNS split) e togliere i nomi interni dal certificato.
CERT_EXPIRED = Il certificato { $subject } è scaduto il { $not_after } ({ $days } giorni fa).
    .fix = { -renew-fix }
CERT_NOT_YET_VALID = Il certificato { $subject } non è valido fino al { $not_before } (tra { $days } giorni).
CERT_EXPIRES_SOON = Il certificato { $subject } scade il { $not_after }, tra { $days } giorni.
    .fix = { -renew-fix }
SIG_WEAK = Il certificato è firmato con { $hash } ({ $algorithm }).
    .fix = { -strong-key-fix }
KEY_WEAK = { $reason ->
    [curve] Il certificato { $subject } ha una chiave EC sulla curva { $curve }; i client accettano solo P-256, P-384 e P-521.
    [algorithm] Il certificato { $subject } ha una chiave { $algorithm }, che i client TLS non accettano più.
   *[other] La chiave { $algorithm } è di soli { $bits } bit.
}
    .fix = { -strong-key-fix }
SIG_INVALID = La firma del certificato non è verificabile con la chiave del suo emittente { $issuer }.
SIG_UNSUPPORTED = La firma di { $issuer } non è stata verificata: l'algoritmo non è tra quelli che questo strumento verifica, oppure WebCrypto del browser non lo supporta o non è disponibile (pagina servita via http:// da un altro host).
    .condition = firme non verificate
EKU_NO_SERVER_AUTH = L'utilizzo chiavi esteso del certificato ({ $usages ->
    [0] (nessuno)
   *[other] { $usages }
}) non include l'autenticazione server.
    .fix = Riemettere il certificato da un modello per server web (EKU Autenticazione server).
LEAF_IS_CA = Il certificato del server è un certificato di CA (Basic Constraints CA=true).
CHAIN_ORDER = I certificati sono nell'ordine sbagliato (percorso nelle posizioni ricevute: { $presented }); il server deve inviare prima il certificato finale, poi ogni emittente.
    .fix = { install-chain-fix }
CHAIN_INCOMPLETE = { $after ->
    [ca] L'emittente { $issuer } non è tra i certificati forniti né è una radice attendibile: se è un intermedio, il server deve inviarlo; se è una radice, i client devono considerarla attendibile (nessuno degli archivi di radici usati qui la contiene).
   *[other] Manca il certificato intermedio { $issuer }: il server non lo invia, quindi i client non possono costruire la catena.
}
    .fix = { install-chain-fix }
CHAIN_UNRELATED = Il certificato { $subject } non appartiene ad alcun percorso dal certificato del server.
    .fix = Togliere il certificato da quelli inviati dal server: non serve a nessun client.
CHAIN_DUPLICATE = Il certificato { $subject } è stato fornito più volte.
CHAIN_ROOT_SENT = La radice { $subject } viene inviata con la catena; i client usano la propria copia, quindi non serve.
    .fix = Facoltativo: togliere la radice dai certificati inviati dal server.
CHAIN_TRUSTED = La catena termina nella radice attendibile { $root }.
SELF_SIGNED = Il certificato del server { $subject } è autofirmato: Outlook Anywhere richiede un certificato di una CA pubblica attendibile.
    .fix = { -public-ca-fix }
UNTRUSTED_ROOT = La catena termina nella radice { $root }, che non è attendibile.
    .fix = { -public-ca-fix }
KEY_PAIR_MATCH = La chiave privata nel file appartiene al certificato del server.
KEY_PAIR_MISMATCH = La chiave privata nel file non appartiene al certificato del server: il server non può usare questa coppia.
    .fix = Esportare il certificato insieme alla sua chiave privata (Export-ExchangeCertificate sul server che ha generato la richiesta).
ISSUER_NOT_CA = Il certificato { $subject } firma un altro certificato del percorso ma non è una CA ({ $reason ->
    [version-1] è un certificato versione 1, accettabile solo come radice attendibile
    [no-basic-constraints] non ha Basic Constraints
   *[other] Basic Constraints CA=false
}): ogni client rifiuta la catena.
    .fix = { -intermediates-fix }
PATH_LEN_EXCEEDED = La CA { $subject } ammette { $path_len } CA intermedie sotto di sé (vincolo di lunghezza del percorso), ma il percorso ne ha { $below }.
    .fix = { -intermediates-fix }
ISSUER_NO_KEY_CERT_SIGN = La CA { $subject } firma un certificato del percorso, ma il suo Key Usage non consente di firmare certificati (keyCertSign).
    .fix = { -intermediates-fix }
EKU_ISSUER_NO_SERVER_AUTH = La CA intermedia { $subject } limita l'Extended Key Usage a { $usages ->
    [0] (nessuno)
   *[other] { $usages }
}, senza Autenticazione server: browser e client rigorosi rifiutano i certificati server che emette.
    .fix = { -intermediates-fix }
NAME_CONSTRAINT_VIOLATION = { $invalid ->
    [0] Il nome { $name } su { $subject } è { $constraint ->
        [excluded] escluso
       *[other] non consentito
    } dai vincoli sui nomi della CA { $constrained_by }.
   *[other] La CA { $constrained_by } ha un vincolo sui nomi che non è un nome valido ({ $invalid }), quindi i client rifiutano ogni certificato sotto di essa.
}
    .fix = Riemettere il certificato da una CA i cui vincoli sui nomi ne coprano i nomi, oppure solo con nomi che la CA può emettere.
EXTENSION_CRITICAL_UNKNOWN = Il certificato { $subject } contiene un'estensione critica ({ $oid }) che i client non conoscono, quindi devono rifiutarlo.
    .fix = { -standard-template-fix }
EXTENSION_MALFORMED = L'estensione { $extension } di { $subject } non è leggibile; i client rifiutano il certificato.
    .fix = { -standard-template-fix }
LEAF_CN_NOT_IN_SAN = Il Common Name { $common_name } non è tra i SubjectAltName ({ $names ->
    [0] (nessuno)
   *[other] { $names }
}): le CA pubbliche devono ripeterlo lì e i verificatori che ne applicano le regole rifiutano il certificato (i browser ignorano il Common Name); Windows prima di Vista SP1 confronta il nome msstd: solo con questo Common Name.
    .fix = Riemettere il certificato con { $common_name } anche tra i SubjectAltName.
PROFILE_VIOLATION = Il certificato { $subject } viola una regola applicata dai client rigorosi: { profile-rule }.
    .fix = { -standard-template-fix }
CHAIN_ALTERNATIVE = Un altro percorso, attraverso { $through }{ $through_issuer ->
    [0] {""}
   *[other] {" "}(la copia emessa da { $through_issuer })
}, è stato scartato: { alternative-reason }.{ $chosen ->
    [valid] {" "}Non crea problemi ai client che costruiscono i percorsi (Windows, i browser, OpenSSL attuale): scelgono il percorso valido. I client che seguono la catena solo come inviata, come OpenSSL prima della 1.1.0, possono prenderlo e fallire.
   *[other] {""}
}
    .fix = { $chosen ->
        [valid] Facoltativo: togliere i certificati del percorso scartato da quelli inviati dal server, per i client che non costruiscono percorsi.
       *[other] {""}
    }
CHAIN_TOO_COMPLEX = La costruzione del percorso si è fermata prima di trovarne uno valido: { $budget ->
    [path-length] il percorso ha più CA intermedie di quante un client ne segua (6)
    [signatures] i certificati richiederebbero più verifiche di firma di quante un client ne faccia (100)
    [name-constraints] i vincoli sui nomi richiederebbero più confronti di quanti un client ne faccia
   *[other] i certificati offrono più percorsi di quanti un client ne esplori
}.
    .fix = Inviare solo il certificato del server e gli intermedi di un unico percorso, a partire dal certificato del server.
ROOT_DISTRUSTED = { $rule ->
    [issued-after] La catena termina in { $root }, per la quale il Microsoft Trusted Root Program non considera più attendibili i certificati emessi dopo il { $since } (NotBefore): questo certificato è stato emesso dopo, quindi Windows lo rifiuta.
   *[other] La catena termina in { $root }, che il Microsoft Trusted Root Program ha disattivato il { $since }: Windows non considera più attendibile nulla che vi risalga.
}
    .fix = Sostituire il certificato con uno di una CA attendibile per Windows (la radice più recente della CA, o un'altra CA).
CHAIN_WINDOWS_ONLY = Windows considera attendibile questa catena (termina in { $root }, nel Microsoft Trusted Root Program), ma i client che usano l'archivio di radici di Mozilla no: { $reason ->
    [CHAIN_INCOMPLETE] { -mozilla-lacks-root }
    [UNTRUSTED_ROOT] { -mozilla-lacks-root }
    [SELF_SIGNED] { -mozilla-lacks-root }
   *[other] { $reason } ({ $reason_subject })
}. I telefoni con ActiveSync, Outlook per Mac e i browser su OWA la rifiutano.
    .fix = Inviare una catena che porti anche a una radice dell'archivio Mozilla (l'intermedio che la CA firma in modo incrociato con una radice più recente), o sostituire il certificato con uno di una CA attendibile per entrambi gli archivi.
CHAIN_FETCHED_FROM_AIA = Il server non invia l'emittente { $subject }: è stato scaricato da { $url } (l'Authority Information Access) per completare la catena. Anche Windows lo scarica, se il client raggiunge quell'indirizzo; i client che non scaricano gli emittenti (le app di posta dei telefoni, i client basati su OpenSSL) falliscono finché il server non lo invia.
    .fix = Installare sul server l'intermedio { $subject } (è nella catena corretta) perché il server lo invii.
CHAIN_AIA_RECOVERABLE = Windows scarica l'emittente mancante { $issuer } da { $url } (l'Authority Information Access del certificato), se il client raggiunge quell'indirizzo; i client che non scaricano gli emittenti (le app di posta dei telefoni, i client basati su OpenSSL) falliscono finché il server non lo invia.
    .condition = se il client può scaricare l'emittente mancante
ROOT_AUTO_UPDATE = La radice { $root } fa parte del Microsoft Trusted Root Program: Windows la scarica la prima volta che una catena ne ha bisogno (aggiornamento automatico dei certificati radice). Dove quell'aggiornamento è disattivato, la radice deve essere già nell'archivio Autorità di certificazione radice attendibili del computer.
    .condition = dove Windows può scaricare la radice (aggiornamento automatico dei certificati radice) o la ha già
NAMES_ONLY = { $certificate ->
    [missing] Non è stato fornito alcun certificato e il testo ({ $sources_worded }) non ne nomina nessuno, solo l'host: fornire il certificato, o l'output di Get-ExchangeCertificate | Format-List, per verificare il nome principale.
   *[other] Non è stato fornito il certificato, solo i suoi nomi (fonte: { $sources_worded }): il nome principale e l'host sono stati verificati su di essi; la catena, le firme, la chiave e la validità no (le date sono come stampate, nel formato locale del server).
}
    .condition = sono stati verificati solo i nomi del certificato
NAMES_OTHER_CERTIFICATE = { $by ->
    [thumbprint] Il testo incollato nomina il certificato con identificazione digitale { $named }, ma il certificato fornito è { $given }: il certificato esportato potrebbe non essere quello usato da Exchange.
   *[other] Il testo incollato nomina un certificato con Common Name { $named }, ma il certificato fornito ha { $given ->
    [0] (nessuno)
   *[other] { $given }
}: potrebbe non essere quello presentato dal server.
}
REVOCATION_UNREACHABLE = { $reason ->
    [ldap] La revoca di questo certificato si può verificare solo via LDAP ({ $urls }), che i client fuori dalla rete non raggiungono: Windows riporta allora lo stato di revoca come sconosciuto (offline).
   *[other] Gli indirizzi per verificare la revoca di questo certificato ({ $urls }) hanno nomi o indirizzi che i client fuori dalla rete non raggiungono: Windows riporta allora lo stato di revoca come sconosciuto (offline).
}
    .fix = Pubblicare la CRL della CA (o un risponditore OCSP) a un indirizzo http:// con nome pubblico, aggiungerlo ai punti di distribuzione CRL e all'Authority Information Access della CA, e riemettere il certificato.
AUTODISCOVER_CERTIFICATE_ALERT = { $autodiscover ->
    [yes] { $url } risponde come Autodiscover, ma Windows rifiuta il suo certificato per { $host } ({ $reasons }): Outlook mostra un avviso di sicurezza ("Il nome del certificato di sicurezza non è valido o non corrisponde al nome del sito") a ogni avvio, e raggiunge Autodiscover solo se l'utente sceglie Sì.
   *[other] { $url } risponde in HTTPS con un certificato che Windows rifiuta per { $host } ({ $reasons }): Outlook lo prova per primo e mostra un avviso di sicurezza ("Il nome del certificato di sicurezza non è valido o non corrisponde al nome del sito"); Sì passa al luogo successivo, No interrompe la ricerca.
}
    .fix = { $method ->
        [root-domain] { $autodiscover ->
            [no] Impedire che { $url } risponda con quel certificato (dare al sito un certificato che nomini { $host }, o togliere Autodiscover dal dominio nudo), oppure impostare ExcludeHttpsRootDomain=1 sotto HKCU\Software\Microsoft\Office\16.0\Outlook\AutoDiscover sui client.
           *[other] Dare a { $url } un certificato che nomini { $host } emesso da una CA di cui Windows si fida, o far puntare il nome altrove.
        }
       *[other] Dare a { $url } un certificato che nomini { $host } emesso da una CA di cui Windows si fida, o far puntare il nome altrove.
    }
AUTODISCOVER_REDIRECT_PROMPT = Outlook trova Autodiscover tramite { $url }, e chiede all'utente se consentire al sito di configurare le impostazioni del server prima di andare a { $location }.
    .fix = Pubblicare autodiscover.{ $domain } con un certificato che lo nomini, così che Outlook trovi Autodiscover prima di dover seguire un reindirizzamento.
CERT_REVOKED = Questo certificato è revocato ({ $reason }, dal { $revoked_at }), secondo il suo { revocation-source }{ at-url }: ogni client lo rifiuta quando lo verifica.
    .fix = Sostituire il certificato con uno nuovo (con una nuova chiave se è stato revocato per compromissione della chiave) e installarlo su ogni server che lo presenta.
REVOCATION_CHECK_FAILED = Non è stato possibile verificare la revoca di questo certificato tramite il suo { revocation-source }{ at-url }: { revocation-failure }. Windows riporta allora lo stato di revoca come sconosciuto.
    .fix = Verificare che il risponditore OCSP o la CRL della CA rispondano da dove si trovano i client (un proxy o un firewall può bloccarli), o chiedere alla CA perché non rispondono.
REVOCATION_GOOD = Non revocato, secondo il suo { revocation-source }{ at-url } (la risposta è firmata dall'emittente e aggiornata).
AUTODISCOVER_NOT_FOUND = Nessuno dei luoghi in cui Outlook cerca risponde come Autodiscover per { $domain }: Outlook non può configurare l'account né aggiornarne le impostazioni da fuori della rete.
    .fix = Pubblicare https://autodiscover.{ $domain }/autodiscover/autodiscover.xml (un nome DNS per il server Exchange, e sul suo certificato), o un record SRV _autodiscover._tcp.{ $domain }.
KEY_POST_QUANTUM = Il certificato { $subject } ha { $what ->
    [signature] una firma
   *[other] una chiave
} post-quantistica ({ $algorithm }). È robusta, ma nessuna fonte documenta un client TLS che oggi accetti un tale certificato di server: Windows supporta ML-DSA nelle sue librerie crittografiche e nei servizi certificati (Windows 11 24H2 e Server 2025), e Microsoft definisce quel supporto limitato e in evoluzione, senza dire nulla di Schannel, il TLS che Outlook usa; browser, telefoni e Outlook per Mac non ne accettano da una radice pubblica.
    .fix = { -production-key-fix }
    .condition = nessuna fonte documenta il TLS di Windows con certificati post-quantistici
ROOT_PILOT = Il percorso termina in { $root }, una radice del pilota TLS post-quantistico di Microsoft: è nell'elenco di attendibilità, ma Microsoft dice che i certificati del pilota non sono attendibili pubblicamente, non sono per la produzione né per connessioni web pubbliche (radici di un anno, certificati finali di 90 giorni).
    .fix = { -production-key-fix }
    .condition = la radice è una radice pilota, solo per prove
ROOT_STORE_STALE = Questa versione giudica con { root-program } ({ $version }), pubblicato { $days } giorni prima del momento dell'analisi: le radici che il programma ha aggiunto, revocato o rimosso da allora non sono note, quindi il verdetto potrebbe non essere aggiornato.
    .fix = Aggiornare msstd-check: ogni versione porta gli archivi di radici del suo giorno (msstd-relay --version e il piè di pagina della pagina li indicano).

## Exchange's settings and certificate requests: le impostazioni di Exchange e le richieste di
## certificato (la funzionalità exchange-settings; il primo modulo della pagina ne è privo).

CONNECTOR_CERTIFICATE_FOUND = Il { connector-kind } { $connector } usa il certificato { $thumbprint } ({ $subject }, valido fino al { $not_after }): il suo TlsCertificateName lo nomina{ $matches ->
    [one] .
   *[other] , e { $matches } certificati forniti corrispondono: Exchange usa quello valido più a lungo.
}
CONNECTOR_CERTIFICATE_NOT_FOUND = { $reason ->
    [malformed] Il TlsCertificateName del { connector-kind } { $connector } non ha la forma <I>emittente<S>soggetto ({ $name }): Exchange non trova alcun certificato.
   *[other] Il TlsCertificateName del { connector-kind } { $connector } non nomina alcun certificato fornito ({ $name }): Exchange non ne trova, registra "454 4.7.5 The certificate specified in TlsCertificateName … could not be found" e invia senza TLS o non invia affatto.
}
    .fix = { connector-fix }
CONNECTOR_CERTIFICATE_RENEWED = Il TlsCertificateName del { connector-kind } { $connector } nomina l'emittente { $named_issuer }, ma il certificato con quel soggetto ora proviene da { $issuer } ({ $thumbprint }): un rinnovo sotto un nuovo intermedio ha lasciato il connettore sul vecchio certificato, e la posta su di esso si ferma quando quello viene rimosso o scade.
    .fix = { connector-fix }
CONNECTOR_CERTIFICATE_EXPIRED = Il certificato nominato dal { connector-kind } { $connector } ({ $thumbprint }, { $subject }) è scaduto il { $not_after }.
    .fix = { connector-fix }
CONNECTOR_NAME_NOT_ON_CERTIFICATE = L'FQDN del { connector-kind } { $connector }, { $fqdn }, non è sul certificato che usa ({ $thumbprint }: { $names ->
    [0] nessun nome
   *[other] { $names }
}): il server remoto, Exchange Online compreso, può rifiutarlo (450 4.7.320 SubjectMismatch).
    .fix = Imposta come FQDN del connettore un nome presente sul certificato (Set-SendConnector o Set-ReceiveConnector -Fqdn), oppure usa un certificato che riporti { $fqdn }.
CONNECTOR_CERTIFICATE_NOT_SET = Il { connector-kind } { $connector } trasporta la posta ibrida con Exchange Online (CloudServicesMailEnabled) ma non nomina alcun certificato (TlsCertificateName è vuoto).
    .fix = { connector-fix }
CONNECTOR_CERTIFICATES_NOT_GIVEN = Il { connector-kind } { $connector } nomina il certificato { $name }; non è stato fornito alcun certificato con cui confrontarlo.
    .fix = Incolla accanto al connettore l'output di Get-ExchangeCertificate | Format-List, oppure il certificato stesso.

# $kind: send o receive.
connector-kind = { $kind ->
    [send] connettore di invio
   *[other] connettore di ricezione
}
# $cmdlet: il comando che nomina il certificato giusto, oppure vuoto.
connector-fix = { $cmdlet ->
    [0] Esegui Get-ExchangeCertificate | Format-List, scegli il certificato per questo connettore e imposta il suo <I>Issuer<S>Subject come TlsCertificateName del connettore; per un connettore ibrido, esegui di nuovo la Configurazione guidata ibrida (Hybrid Configuration Wizard).
   *[other] Esegui: { $cmdlet } (per un connettore ibrido, eseguire di nuovo la Configurazione guidata ibrida imposta lo stesso).
}
AUTH_CERTIFICATE_VALID = Il certificato Auth di Exchange { $thumbprint } è valido fino al { $not_after } ({ $days } giorni){ $next ->
    [0] .
   *[other] ; il successivo, { $next }, è impostato.
}
AUTH_CERTIFICATE_EXPIRES_SOON = Il certificato Auth di Exchange { $thumbprint } scade il { $not_after }, tra { $days } giorni: quando scade si fermano disponibilità (free/busy), accesso a OWA e le funzioni ibride. { $next ->
    [0] Non è impostato alcun certificato successivo.
   *[other] Il successivo, { $next }, entra in vigore il { $next_effective }.
}
    .fix = { -auth-fix }
AUTH_CERTIFICATE_EXPIRED = Il certificato Auth di Exchange { $thumbprint } è scaduto il { $not_after } ({ $days } giorni fa): OAuth non funziona, quindi si interrompono la disponibilità con Exchange Online, l'accesso a OWA ed ECP e le funzioni ibride. { $next ->
    [0] Non è impostato alcun certificato successivo.
   *[other] Il successivo, { $next }, entra in vigore il { $next_effective }.
}
    .fix = { -auth-fix }
AUTH_CERTIFICATE_NOT_SET = Get-AuthConfig non indica alcun certificato Auth corrente: Exchange non può firmare i token OAuth.
    .fix = { -auth-fix }
AUTH_CERTIFICATE_NOT_GIVEN = Get-AuthConfig indica il certificato Auth { $thumbprint }, che non è tra i certificati forniti: le sue date non sono state controllate.
    .fix = Incolla accanto l'output di Get-ExchangeCertificate -Thumbprint { $thumbprint } | Format-List.
AUTH_CERTIFICATE_NOT_SELF_SIGNED = Il certificato Auth di Exchange { $thumbprint } è emesso da { $issuer }, non autofirmato: un certificato pubblico impostato per errore come certificato Auth scade con il certificato web, e il suo rinnovo interrompe OAuth.
    .fix = { -auth-fix }
AUTH_CERTIFICATE_LIFETIME = Il certificato Auth di Exchange { $thumbprint } è valido per { $days } giorni: i tenant che limitano a un anno le credenziali delle applicazioni lo rifiutano quando la Configurazione guidata ibrida lo carica.
    .fix = Se la procedura guidata non riesce a caricarlo, rinnovalo con una durata inferiore a un anno (con New-ExchangeCertificate tramite una richiesta alla tua CA, oppure allentando il criterio del tenant).
URL_HOST_NOT_ON_CERTIFICATE = La proprietà { $property } di { exchange-directory } è { $url }, ma il certificato presentato da IIS ({ $thumbprint }) non riporta { $host } (riporta { $names ->
    [0] nessun nome
   *[other] { $names }
}): Outlook mostra "Il nome riportato nel certificato di sicurezza non è valido o non corrisponde al nome del sito" e gli altri client rifiutano la connessione.
    .fix = { $cmdlet ->
    [0] Aggiungi { $host } al certificato (un nuovo certificato), oppure fai puntare l'URL a un nome che il certificato riporta.
   *[other] Esegui: { $cmdlet } (oppure dai al certificato anche { $host }: un nuovo certificato).
}
URL_HOSTS_ON_CERTIFICATE = Il certificato riporta ogni host usato dagli URL di { exchange-directory } ({ $hosts }).
URL_CERTIFICATE_NOT_GIVEN = Sono stati forniti degli URL ({ $hosts }) senza il certificato presentato da IIS con cui confrontarli.
    .fix = Fornisci il certificato, oppure incolla accanto agli URL l'output di Get-ExchangeCertificate | Format-List.

# $directory: il tipo di directory virtuale; $identity: la sua identità, oppure vuoto.
REQUEST_ONLY = Questa è una richiesta di certificato per { $subject } ({ $names ->
    [0] nessun nome DNS
   *[other] { $names }
}; chiave { $key }), non un certificato: nomi e chiave sono stati controllati come quelli del certificato che ne risulterà, prima di acquistarlo; non ci sono ancora catena, firma o validità da controllare.
    .condition = sono stati controllati solo i nomi richiesti
REQUEST_KEY_ECC = La richiesta ha una chiave a curva ellittica ({ $curve }): Exchange Server usa certificati ECC solo da Exchange Server 2019 CU14 con l'aggiornamento rapido di aprile 2024, e nella Subscription Edition; Exchange 2016 e le build precedenti richiedono una chiave RSA.
    .fix = Sulle build precedenti, rifai la richiesta con una chiave RSA di almeno 2048 bit (New-ExchangeCertificate -GenerateRequest -KeySize 2048).
REQUEST_KEY_CNG = La chiave della richiesta è custodita da { $provider }, un provider di archiviazione chiavi CNG: con una chiave simile l'accesso a OWA ed ECP non riesce sulle versioni di Exchange che richiedono una chiave CryptoAPI tradizionale (KB 3032024).
    .fix = Fai la richiesta con New-ExchangeCertificate -GenerateRequest, oppure con un provider tradizionale (Microsoft RSA SChannel Cryptographic Provider) in certreq o IIS.
exchange-directory = { $directory ->
    [owa] Outlook sul web (owa)
    [ecp] l'interfaccia di amministrazione di Exchange (ecp)
    [ews] Exchange Web Services (EWS)
    [active-sync] Exchange ActiveSync
    [oab] la rubrica offline (OAB)
    [mapi] MAPI su HTTP (mapi)
    [outlook-anywhere] Outlook Anywhere
   *[autodiscover] l'URI Autodiscover del servizio Accesso client
}{ $identity ->
    [0] {""}
   *[other] {" "}({ $identity })
}
-auth-fix = Rinnovalo come documenta Microsoft ("Maintain (rotate) the Exchange Server OAuth certificate"): New-ExchangeCertificate per "cn=Microsoft Exchange Server Auth Certificate", Set-AuthConfig -NewCertificateThumbprint con -NewCertificateEffectiveDate, Set-AuthConfig -PublishCertificate, Set-AuthConfig -ClearPreviousCertificate; riavvia MSExchangeServiceHost, ricicla i pool di applicazioni di OWA ed ECP e, in un ambiente ibrido, esegui di nuovo la Configurazione guidata ibrida. MonitorExchangeAuthCertificate.ps1 (CSS-Exchange) lo fa per te.


## I valori del rapporto

headline = { $code ->
    [none] msstd: non verificato (indicare il nome principale o l'host di Outlook Anywhere)
    [MSSTD_MATCH] CORRISPONDE: { $principal } è valido per questo certificato su tutte le versioni di Windows
    [MSSTD_SAN_ONLY] CORRISPONDE SOLO SU WINDOWS RECENTI: { $principal } corrisponde a un SubjectAltName, non al Common Name
    [MSSTD_WILDCARD] CARATTERE JOLLY: { $principal } è coperto solo da un nome con caratteri jolly
    [MSSTD_MISMATCH] NON CORRISPONDE: impossibile stabilire un'autenticazione reciproca per { $principal }
    [MSSTD_SYNTAX] FORMATO ERRATO: il valore del nome principale è scritto in modo errato
    [MSSTD_DISABLED] NON VERIFICATO: il nome principale è "none"
   *[other] NON VERIFICATO: non è un nome principale msstd:
}
msstd-outcome = { $outcome ->
    [Pass] funziona
    [Fail] non funziona
    [Uncertain] non documentato
   *[NotChecked] non verificato
}
chain-status = { $status ->
    [Trusted] attendibile
    [UntrustedRoot] radice non attendibile
    [Incomplete] incompleta
    [SelfSigned] autofirmato
    [Distrusted] radice non più attendibile
    [NotGiven] non fornita: sono stati incollati solo i nomi
   *[Pending] non ancora giudicata: caricamento degli archivi di radici
}
answer = { $overall ->
    [Connects] Outlook Anywhere si connetterà? Sì: su tutte le versioni di Windows, e anche gli altri client dell'host si connettono.
    [Partial] Outlook Anywhere si connetterà? Sì, su Windows recenti; non tutti i client però (sotto).
    [Fails] Outlook Anywhere si connetterà? No: Outlook su Windows non si connette (sotto).
    [Uncertain] Outlook Anywhere si connetterà? Non è noto per Outlook su Windows: il motivo è sotto.
   *[Pending] Outlook Anywhere si connetterà? Verifica dell'attendibilità: caricamento degli archivi di radici...
}
client = { $client ->
    [WindowsOutlook] Outlook su Windows Vista SP1 e successivi
    [LegacyWindowsOutlook] Outlook su Windows XP / Server 2003 / Vista RTM
   *[Other] Altri client (telefoni con ActiveSync, Outlook per Mac, browser su OWA)
}
connects = { $connects ->
    [Yes] si connette
    [No] non si connette
    [Uncertain] incerto
   *[Pending] verifica dell'attendibilità
}
principal-form = { $form ->
    [Value] il valore
    [SetOutlookProvider] Set-OutlookProvider
    [GetOutlookProvider] output di Get-OutlookProvider
    [AutodiscoverXml] XML di Autodiscover
    [Prf] file PRF
    [Rpcping] rpcping
   *[Text] trovato nel testo
}

## Il controllo del dominio

domain-answer = { $outcome ->
    [Found] Outlook troverà Autodiscover per { $domain }? Sì, senza chiedere nulla all'utente.
    [FoundAfterPrompt] Outlook troverà Autodiscover per { $domain }? Sì, ma solo dopo una domanda a cui l'utente deve rispondere (sotto), a ogni avvio.
   *[NotFound] Outlook troverà Autodiscover per { $domain }? No: nessuno dei luoghi in cui Outlook cerca risponde (sotto).
}
endpoint = { $outcome ->
    [NoAnswer] nessuna risposta: Outlook passa oltre
    [Alert] avviso di sicurezza sul certificato
    [NotAutodiscover] certificato valido, qui non c'è Autodiscover: Outlook passa oltre
    [Autodiscover] Autodiscover risponde, certificato valido: Outlook lo usa
    [Redirect] Outlook chiede all'utente prima di seguirlo
    [NotRedirected] nessun reindirizzamento: Outlook passa oltre
   *[NoRecord] nessun record: Outlook passa oltre
}
endpoint-not-reached = non raggiunto: Outlook si ferma prima
method = { $method ->
    [RootDomain] dominio principale
    [AutodiscoverDomain] nome autodiscover
    [HttpRedirect] reindirizzamento HTTP
   *[Srv] record SRV
}

## Le etichette del rapporto in testo

# $severity: a finding's severity, as the text report tags it.
severity = { $severity ->
    [Error] ERRORE
    [Warning] AVVISO
   *[Info] NOTA
}
label-name-check = Il solo nome principale
label-modern-windows = Windows Vista SP1 e successivi
label-legacy-windows = Windows XP / Server 2003
label-fix-shell = Correzione (Exchange Management Shell):
label-outlook-setting = Outlook > Impostazioni proxy di Exchange > nome principale
label-reissue = Oppure riemettere il certificato con Common Name
label-host = Host
label-covered-by = coperto da
label-not-covered = non coperto dal certificato
label-findings = Risultati
label-errors = errori
label-warnings = avvisi
label-notes = note
label-fix = correzione
label-chain = Catena
label-issuer = emittente
label-valid = valido dal
label-to = al
label-dns-names = Nomi DNS
label-trusted-root = radice (attendibile)
label-bits = bit
# msstd-relay fetch --domain: the Outlook Anywhere host checked beside the domain.
label-outlook-anywhere-host = Host di Outlook Anywhere
label-outlook-anywhere-not-given = indicare --host o --msstd per controllare anche l'host di Outlook Anywhere

## The page's own words (its labels, buttons and states): www/app.js shows them by key,
## `page-KEY`; `code` spans are written between backticks.

page-skip = Vai al risultato
page-tagline = Questo certificato soddisfa il nome principale `msstd:` di Outlook Anywhere? Verifica nel browser: non viene caricato nulla.
page-language = Lingua
page-inputsTitle = Certificato e nome principale
page-pasteLabel = Certificato: incollare PEM o base64 (o una richiesta di certificato, prima di acquistarlo), oppure trascinare i file in qualsiasi punto della pagina; anche l'output di Exchange Management Shell, da solo o accanto al certificato (Get-ExchangeCertificate | fl, Get-SendConnector | fl, Get-ReceiveConnector | fl)
page-filesLabel = Oppure scegliere i file (.cer .crt .pem .der .p7b .pfx .p12 .csr .req)
page-passwordLabel = Password del file .pfx
page-passwordRequired = Questo file .pfx è protetto da password: inserirla qui sopra.
page-passwordWrong = La password non è corretta per questo file .pfx.
page-msstdLabel = Nome principale msstd: (in qualsiasi forma: il valore, una riga Set-OutlookProvider, l'output di Get-OutlookProvider, l'XML di Autodiscover, o qualsiasi testo che lo contenga)
page-hostLabel = Nome host di Outlook Anywhere (facoltativo)
page-liveTitle = Recupera da un server attivo
page-liveNote = Tramite il msstd-relay che serve questa pagina: si collega al server e restituisce la catena che presenta.
page-liveTarget = Server (host o host:porta)
page-liveStartTls = STARTTLS
page-liveAuto = secondo la porta
page-liveNone = nessuno (TLS subito)
page-liveFetch = Recupera la catena
page-liveFetching = Connessione in corso…
page-liveNoTarget = Indicare il server da cui recuperare la catena.
page-liveFetched = Recuperata da { $target } ({ $address }): { $version }, { $suite }; { $count } certificato/i in { $ms } ms.
page-liveFailed = Recupero non riuscito:{" "}
page-domainTitle = Controlla un dominio come lo trova Outlook
page-domainNote = Tramite msstd-relay: ogni luogo in cui Outlook cerca Autodiscover, nell'ordine di Outlook, e se lungo la strada Outlook mostra un avviso di sicurezza o pone una domanda. Con il nome host qui sopra, poi viene recuperato il server di Outlook Anywhere.
page-domainLabel = Dominio di posta
page-domainGo = Controlla dominio
page-domainChecking = Sondaggio dei luoghi in cui Outlook cerca…
page-domainNoDomain = Scrivere il dominio di posta (la parte dopo @).
page-domainFailed = Controllo del dominio non riuscito:{" "}
page-domainDone = Controllato in { $ms } ms.
page-trustedSummary = CA interna? Aggiungere il suo certificato radice come attendibile
page-trustedLabel = Certificato radice attendibile (PEM)
page-rememberLabel = Ricorda questa radice in questo browser
page-resultsTitle = Risultato
page-verdictEmpty = Incollare o trascinare un certificato per iniziare.
page-verdictNoPrincipal = Certificato letto. Digitare il valore msstd: o l'host di Outlook Anywhere per verificare il nome principale.
page-loading = Caricamento del verificatore…
page-trustUnavailable = Outlook Anywhere si connetterà? Sconosciuto: gli archivi di radici non sono stati caricati, quindi la catena non è giudicata (il nome principale sì).
page-crashed = Il verificatore si è interrotto su questo input. La pagina funziona ancora: modificare l'input per riprovare. Dettaglio:{" "}
page-unreadable = Il browser non riesce a leggere il file { $name }; non è stato aggiunto. Dettaglio:{" "}
page-badLink = Questo link condiviso non è leggibile: è danneggiato o incompleto, forse troncato durante la copia. Non è stato ripristinato nulla. Dettaglio:{" "}
page-badLinkLarge = Questo link condiviso, decompresso, supera { $limit }, molto più di qualsiasi link creato da questa pagina: non è stato ripristinato nulla.
page-pfxLoading = Apertura del file .pfx…
page-fixTitle = Cosa digitare
page-fixShell = Exchange Management Shell
page-fixOutlook = Outlook: Impostazioni proxy di Exchange, nome principale
page-fixReissue = Oppure riemettere il certificato con questo Common Name:{" "}
page-fixNoCn = Con questo certificato nessun valore può funzionare su Windows XP / Server 2003: non ha un Common Name.
page-copy = Copia
page-copied = Copiato
page-findingsTitle = Risultati dell'analisi
page-connectorsTitle = Impostazioni di Exchange: connettori, certificato Auth, URL
page-connector-send = Connettore di invio
page-connector-receive = Connettore di ricezione
page-connectorNotSet = (non impostato)
page-authTitle = Certificato Auth di Exchange (Get-AuthConfig)
page-directory-owa = Outlook sul web (owa)
page-directory-ecp = Interfaccia di amministrazione di Exchange (ecp)
page-directory-ews = Exchange Web Services (EWS)
page-directory-active-sync = Exchange ActiveSync
page-directory-oab = Rubrica offline (OAB)
page-directory-mapi = MAPI su HTTP (mapi)
page-directory-outlook-anywhere = Outlook Anywhere
page-directory-autodiscover = Autodiscover (servizio Accesso client)
page-verdictConnectors = Nessun certificato né nome principale fornito: le impostazioni di Exchange sono valutate qui sotto.
page-chainTitle = Catena, dal certificato finale
page-exportJson = Scarica il rapporto (JSON)
page-exportText = Scarica il rapporto (testo)
page-exportPem = Scarica la catena corretta (PEM)
page-share = Copia il link condivisibile
page-shareCopied = Link copiato. Contiene il certificato e il nome principale dopo il #, parte che i browser non inviano mai a un server.
page-shareNoPfx = Link copiato senza il file .pfx: una chiave privata non va mai in un link.
page-explainerTitle = Che cos'è la stringa msstd:?
page-privacy = Nulla esce dal browser: i certificati sono letti e verificati da WebAssembly in questa pagina, le firme dal WebCrypto del browser stesso.
page-dropHere = Rilasciare i file dei certificati
page-versionLine = msstd-check { $version } (commit { $commit })
page-storeLine = Radici { $program }: { $release }
page-remove = Rimuovi
page-trustedTag = radice attendibile
page-error = Errore
page-warning = Avviso
page-info = Nota
page-onceCorrected = Una volta corretto:
page-subject = Soggetto
page-issuer = Emittente
page-commonNames = Common Name
page-dnsNames = Nomi DNS
page-ipAddresses = Indirizzi IP
page-validity = Validità
page-daysLeft = giorni rimanenti
page-expiredAgo = scaduto, giorni fa
page-key = Chiave
page-signature = Firma
page-thumbprint = Identificazione personale SHA-1 (come la mostra Get-ExchangeCertificate)
page-sha256 = SHA-256
page-serial = Numero di serie
page-eku = Utilizzo chiavi esteso
page-caIssuers = Download dell'emittente (AIA)
page-from = dal
page-to = al
page-matched = corrisponde
page-none = (nessuno)
page-anchor = Radice attendibile (non inviata)
page-namedCertificate = Il certificato come lo nomina il testo incollato (verificato solo nei nomi)
page-services = Servizi di Exchange
page-host = Host di Outlook Anywhere
page-explainer =
    .p1 = Outlook Anywhere (RPC su HTTP) può richiedere che il certificato del server proxy contenga un nome atteso: Outlook, Impostazioni account, Altre impostazioni, Connessione, Impostazioni proxy di Exchange, "Connetti solo a server proxy il cui certificato include questo nome principale". Exchange pubblica il valore tramite l'individuazione automatica da `Set-OutlookProvider EXPR -CertPrincipalName`; se non è impostato, Outlook usa `msstd:` seguito dal nome host di Outlook Anywhere.
    .p2 = Il confronto lo fa Windows, non Outlook. Prima di Windows Vista SP1 conta solo il Common Name del soggetto del certificato; da Vista SP1 in poi, il Common Name o qualsiasi nome DNS SubjectAltName. Un certificato con caratteri jolly richiede il valore letterale `msstd:*.contoso.com`. Quando nulla corrisponde, Remote Connectivity Analyzer segnala "Impossibile stabilire un'autenticazione reciproca" e gli utenti vedono richieste di password ripetute.
    .p3 = Cosa si può incollare come nome principale: il valore (`msstd:mail.contoso.com`), una riga `Set-OutlookProvider`, l'output di `Get-OutlookProvider | Format-List`, una risposta Autodiscover o la sua sola riga `<CertPrincipalName>`, una riga PRF, un comando `rpcping /B`, o qualsiasi testo che contenga il valore: la riga di dettaglio di Remote Connectivity Analyzer, la finestra di Outlook, una riga di log, in qualsiasi lingua. Più valori diversi nello stesso testo vengono giudicati uno per uno. Nessun certificato a disposizione? Incollare nella casella del certificato l'output di `Get-ExchangeCertificate | Format-List`, la riga "certificate common name … doesn't validate" di Remote Connectivity Analyzer o l'output di `Get-OutlookAnywhere | Format-List`: vengono verificati i nomi, e il rapporto dice cosa non è stato verificato.
    .p4 = Riferimenti: Microsoft KB 2710606; documentazione di Exchange "CertPrincipalName (POX)"; guida di Connectivity Analyzer "Mutual Authentication Established by Subject Alternative Name"; Win32 "Principal Names".

## Errori di input: perché un input non si può usare.

input-error = { $input }: { $error }
INPUT_EMPTY = l'input è vuoto
INPUT_TOO_LARGE = l'input è di { $bytes } byte; i certificati sono molto più piccoli, quindi gli input oltre { $limit } byte sono rifiutati
INPUT_TOO_MANY_CERTIFICATES = sono stati forniti più di { $limit } certificati; una catena ne ha pochi
INPUT_TRUNCATED = i dati sono troncati: la loro intestazione DER annuncia { $declared } byte ma ne sono presenti solo { $available }
INPUT_CERTIFICATE_REQUEST = questa è una richiesta di certificato (CSR), non un certificato: inviarla alla CA e verificare il certificato che emette
INPUT_CERTIFICATE_REQUEST_UNSUPPORTED = questa versione non verifica le richieste di certificato
INPUT_PRIVATE_KEY_ONLY = questa è una chiave privata, non un certificato: fornire il certificato (.cer/.crt/.pem) o il file .pfx che contiene entrambi
INPUT_PUBLIC_KEY_ONLY = questa è una semplice chiave pubblica, non un certificato
INPUT_REVOCATION_LIST = questo è un elenco di revoche di certificati (CRL), non un certificato
INPUT_MALFORMED_CERTIFICATE = sembra un certificato ma non si riesce a leggerlo: { $reason }
INPUT_MALFORMED_PKCS7 = questo file PKCS#7 (.p7b) non si può leggere: { $reason }
INPUT_MALFORMED_PEM = il blocco PEM "{ $label }" non si può decodificare: { $reason }
INPUT_UNSUPPORTED_PEM = il blocco PEM "{ $label }" non è un certificato; attesi CERTIFICATE o PKCS7
INPUT_UNRECOGNISED_BINARY = questo file binario non è un certificato: non è né DER (.cer/.crt), né PKCS#7 (.p7b), né PKCS#12 (.pfx)
INPUT_NO_CERTIFICATE = nessun certificato in questo testo: atteso un blocco -----BEGIN CERTIFICATE----- o base64, o un testo che ne nomini uno (l'output di Get-ExchangeCertificate | Format-List, la riga di Remote Connectivity Analyzer, l'output di Get-OutlookAnywhere | Format-List)
INPUT_PASSWORD_REQUIRED = questo file .pfx è protetto da una password: inserirla per aprire il file
INPUT_WRONG_PASSWORD = la password non è corretta per questo file .pfx
INPUT_PKCS12_ITERATIONS = questo file .pfx chiede { $iterations } iterazioni di derivazione della chiave; oltre { $limit } sono rifiutate perché aprirlo non blocchi la pagina
INPUT_MALFORMED_PKCS12 = questo file .pfx non si può leggere: { $reason }
INPUT_PKCS12_UNSUPPORTED = questa versione non può aprire file .pfx
INPUT_EXCHANGE_SETTINGS_UNSUPPORTED = questa versione non legge l'output di Exchange Management Shell
TRUST_DATA_MALFORMED = i dati dell'archivio di radici non si leggono alla riga { $line }: { $reason }
