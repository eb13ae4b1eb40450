//! Italiano. The Connectivity Analyzer's own Italian wording is kept where admins search for
//! it: "Impossibile stabilire un'autenticazione reciproca".

use super::{Catalogue, Labels};
use crate::clients::{Client, Connects, Overall};
use crate::domain::{DomainOutcome, EndpointOutcome, Method};
use crate::msstd::Outcome;
use crate::principal::Form;
use crate::{ChainStatus, Code, Finding};

pub(super) struct Italian;

impl Catalogue for Italian {
    fn domain_answer(&self, outcome: DomainOutcome) -> &'static str {
        match outcome {
            DomainOutcome::Found => "Outlook troverà Autodiscover per {domain}? Sì, senza chiedere nulla all'utente.",
            DomainOutcome::FoundAfterPrompt => "Outlook troverà Autodiscover per {domain}? Sì, ma solo dopo una domanda a cui l'utente deve rispondere (sotto), a ogni avvio.",
            DomainOutcome::NotFound => "Outlook troverà Autodiscover per {domain}? No: nessuno dei luoghi in cui Outlook cerca risponde (sotto).",
        }
    }

    fn endpoint(&self, outcome: EndpointOutcome) -> &'static str {
        match outcome {
            EndpointOutcome::NoAnswer => "nessuna risposta: Outlook passa oltre",
            EndpointOutcome::Alert => "avviso di sicurezza sul certificato",
            EndpointOutcome::NotAutodiscover => "certificato valido, qui non c'è Autodiscover: Outlook passa oltre",
            EndpointOutcome::Autodiscover => "Autodiscover risponde, certificato valido: Outlook lo usa",
            EndpointOutcome::Redirect => "Outlook chiede all'utente prima di seguirlo",
            EndpointOutcome::NotRedirected => "nessun reindirizzamento: Outlook passa oltre",
            EndpointOutcome::NoRecord => "nessun record: Outlook passa oltre",
        }
    }

    fn endpoint_not_reached(&self) -> &'static str {
        "non raggiunto: Outlook si ferma prima"
    }

    fn method(&self, method: Method) -> &'static str {
        match method {
            Method::RootDomain => "dominio principale",
            Method::AutodiscoverDomain => "nome autodiscover",
            Method::HttpRedirect => "reindirizzamento HTTP",
            Method::Srv => "record SRV",
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
            None => "msstd: non verificato (indicare il nome principale o l'host di Outlook Anywhere)".to_owned(),
            Some(Code::MsstdMatch) => {
                format!("CORRISPONDE: {principal} è valido per questo certificato su tutte le versioni di Windows")
            }
            Some(Code::MsstdSanOnly) => format!(
                "CORRISPONDE SOLO SU WINDOWS RECENTI: {principal} corrisponde a un SubjectAltName, non al Common Name"
            ),
            Some(Code::MsstdWildcard) => {
                format!("CARATTERE JOLLY: {principal} è coperto solo da un nome con caratteri jolly")
            }
            Some(Code::MsstdMismatch) => {
                format!("NON CORRISPONDE: impossibile stabilire un'autenticazione reciproca per {principal}")
            }
            Some(Code::MsstdSyntax) => {
                "FORMATO ERRATO: il valore del nome principale è scritto in modo errato".to_owned()
            }
            Some(Code::MsstdDisabled) => "NON VERIFICATO: il nome principale è \"none\"".to_owned(),
            Some(_) => "NON VERIFICATO: non è un nome principale msstd:".to_owned(),
        }
    }

    fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Pass => "funziona",
            Outcome::Fail => "non funziona",
            Outcome::Uncertain => "non documentato",
            Outcome::NotChecked => "non verificato",
        }
    }

    fn chain(&self, status: ChainStatus) -> &'static str {
        match status {
            ChainStatus::Trusted => "attendibile",
            ChainStatus::UntrustedRoot => "radice non attendibile",
            ChainStatus::Incomplete => "incompleta",
            ChainStatus::SelfSigned => "autofirmato",
            ChainStatus::Distrusted => "radice non più attendibile",
            ChainStatus::NotGiven => "non fornita: sono stati incollati solo i nomi",
            ChainStatus::Pending => "non ancora giudicata: caricamento degli archivi di radici",
        }
    }

    fn answer(&self, overall: Overall) -> &'static str {
        match overall {
            Overall::Connects => "Outlook Anywhere si connetterà? Sì: su tutte le versioni di Windows, e anche gli altri client dell'host si connettono.",
            Overall::Partial => "Outlook Anywhere si connetterà? Sì, su Windows recenti; non tutti i client però (sotto).",
            Overall::Fails => "Outlook Anywhere si connetterà? No: Outlook su Windows non si connette (sotto).",
            Overall::Uncertain => "Outlook Anywhere si connetterà? Non è noto per Outlook su Windows: il motivo è sotto.",
            Overall::Pending => "Outlook Anywhere si connetterà? Verifica dell'attendibilità: caricamento degli archivi di radici...",
        }
    }

    fn client(&self, client: Client) -> &'static str {
        match client {
            Client::WindowsOutlook => "Outlook su Windows Vista SP1 e successivi",
            Client::LegacyWindowsOutlook => "Outlook su Windows XP / Server 2003 / Vista RTM",
            Client::Other => "Altri client (telefoni con ActiveSync, Outlook per Mac, browser su OWA)",
        }
    }

    fn connects(&self, connects: Connects) -> &'static str {
        match connects {
            Connects::Yes => "si connette",
            Connects::No => "non si connette",
            Connects::Uncertain => "incerto",
            Connects::Pending => "verifica dell'attendibilità",
        }
    }

    fn condition(&self, code: Code) -> Option<&'static str> {
        Some(match code {
            Code::RootAutoUpdate => {
                "dove Windows può scaricare la radice (aggiornamento automatico dei certificati radice) o la ha già"
            }
            Code::ChainAiaRecoverable => "se il client può scaricare l'emittente mancante",
            Code::SigUnsupported => "firme non verificate",
            Code::KeyPostQuantum => "nessuna fonte documenta il TLS di Windows con certificati post-quantistici",
            Code::RootPilot => "la radice è una radice pilota, solo per prove",
            Code::MsstdNotGiven => "il nome principale non è stato verificato (indicarlo, o l'host)",
            Code::NamesOnly => "sono stati verificati solo i nomi del certificato",
            Code::MsstdWildcard => "la corrispondenza con un nome jolly non è documentata",
            Code::MsstdEmailSubject => "l'indirizzo e-mail nel soggetto rende la corrispondenza non documentata",
            _ => return None,
        })
    }

    fn form(&self, form: Form) -> &'static str {
        match form {
            Form::Value => "il valore",
            Form::SetOutlookProvider => "Set-OutlookProvider",
            Form::GetOutlookProvider => "output di Get-OutlookProvider",
            Form::AutodiscoverXml => "XML di Autodiscover",
            Form::Prf => "file PRF",
            Form::Rpcping => "rpcping",
            Form::Text => "trovato nel testo",
        }
    }

    fn defect(&self, code: &str) -> &'static str {
        difetto(code)
    }

    fn labels(&self) -> &'static Labels {
        &Labels {
            name_check: "Il solo nome principale",
            modern_windows: "Windows Vista SP1 e successivi",
            legacy_windows: "Windows XP / Server 2003",
            fix_shell: "Correzione (Exchange Management Shell):",
            outlook_setting: "Outlook > Impostazioni proxy di Exchange > nome principale",
            reissue: "Oppure riemettere il certificato con Common Name",
            host: "Host",
            covered_by: "coperto da",
            not_covered: "non coperto dal certificato",
            findings: "Risultati",
            errors: "errori",
            warnings: "avvisi",
            notes: "note",
            fix: "correzione",
            chain: "Catena",
            issuer: "emittente",
            valid: "valido dal",
            to: "al",
            dns_names: "Nomi DNS",
            trusted_root: "radice (attendibile)",
            bits: "bit",
        }
    }
}

fn message(f: &Finding) -> String {
    let list = |name: &str| f.list(name).join(", ");
    match f.code {
        Code::MsstdMatch => format!(
            "{} corrisponde al nome del certificato {}: l'autenticazione reciproca funziona su tutte le versioni di Windows.",
            f.text("principal"),
            f.text("matched")
        ),
        Code::MsstdSanOnly => format!(
            "{} corrisponde solo al SubjectAltName {}, non al Common Name ({}): funziona su Windows Vista SP1 e successivi, ma i client Windows XP e Server 2003 non riescono (Remote Connectivity Analyzer avvisa \"Autenticazione reciproca stabilita tramite nome alternativo del soggetto\").",
            f.text("principal"),
            f.text("matched"),
            nessuno(&list("common_names"))
        ),
        Code::MsstdMismatch => format!(
            "Impossibile stabilire un'autenticazione reciproca: il nome comune del certificato {} non è valido per la stringa di autenticazione reciproca {}; non corrisponde nemmeno alcun SubjectAltName.",
            nessuno(&list("common_names")),
            f.text("principal")
        ),
        Code::MsstdWildcard => format!(
            "Il nome del certificato {} contiene un carattere jolly. Windows confronta il nome principale alla lettera, quindi {} non funziona sulle versioni precedenti di Windows e non è documentato sulle più recenti; il valore documentato è msstd:{}.",
            f.text("matched"),
            f.text("principal"),
            f.text("matched")
        ),
        Code::MsstdSyntax if f.list("defects") == ["NOT_FOUND"] => {
            "Nel testo indicato come nome principale non c'è alcun valore msstd:: incollare il valore stesso, o la riga o il testo che lo contiene.".to_owned()
        }
        Code::MsstdSyntax => {
            let found = f.text("as_found");
            let defects = f.list("defects").iter().map(|d| difetto(d)).collect::<Vec<_>>().join("; ");
            match f.text("corrected") {
                "" => format!("Il valore del nome principale \"{found}\" non è valido: {defects}."),
                corrected => {
                    format!("Il valore del nome principale \"{found}\" non è valido: {defects}. Scriverlo come {corrected}.")
                }
            }
        }
        Code::MsstdDisabled => "Il nome principale è \"none\": Outlook non verifica il nome del certificato (l'autenticazione reciproca è disattivata).".to_owned(),
        Code::MsstdDerived => format!(
            "CertPrincipalName non è impostato, quindi Outlook si aspetta {} (msstd: seguito dal nome host di Outlook Anywhere).",
            f.text("principal")
        ),
        Code::MsstdEmailSubject => format!(
            "Il soggetto del certificato contiene l'indirizzo di posta elettronica {}; Windows costruisce allora il nome principale come {} invece di usare il Common Name.",
            f.text("email"),
            f.text("principal")
        ),
        Code::MsstdNoCn => "Il soggetto del certificato non ha un Common Name: Windows prima di Vista SP1 confronta solo il Common Name, quindi lì l'autenticazione reciproca non riesce mai.".to_owned(),
        Code::MsstdMultipleCn => format!(
            "Il soggetto ha più Common Name ({}); quale confronti Windows non è documentato.",
            list("common_names")
        ),
        Code::MsstdFullsic => format!(
            "Il nome principale è di tipo fullsic: (l'intero soggetto, \"{}\"), non un nome msstd:; non è stato verificato.",
            f.text("subject")
        ),
        Code::HostMismatch => format!(
            "Il certificato non è valido per l'host {}: i suoi nomi sono {}.",
            f.text("host"),
            nessuno(&list("names"))
        ),
        Code::HostCnOnly => format!(
            "L'host {} corrisponde solo al Common Name; il certificato non ha SubjectAltName DNS, richiesti dai browser e dai client TLS moderni.",
            f.text("host")
        ),
        Code::AutodiscoverMissing => format!(
            "{} non è nel certificato: Outlook contatta prima l'individuazione automatica (Autodiscover) a quell'indirizzo e riceve un avviso sul certificato.",
            f.text("name")
        ),
        Code::NameInternal => format!(
            "Il certificato contiene nomi interni ({}) che le CA pubbliche non emettono più da novembre 2015.",
            list("names")
        ),
        Code::CertExpired => format!(
            "Il certificato {} è scaduto il {} ({} giorni fa).",
            f.text("subject"),
            f.text("not_after"),
            f.number("days")
        ),
        Code::CertNotYetValid => format!(
            "Il certificato {} non è valido fino al {} (tra {} giorni).",
            f.text("subject"),
            f.text("not_before"),
            f.number("days")
        ),
        Code::CertExpiresSoon => format!(
            "Il certificato {} scade il {}, tra {} giorni.",
            f.text("subject"),
            f.text("not_after"),
            f.number("days")
        ),
        Code::SigWeak => format!("Il certificato è firmato con {} ({}).", f.text("hash"), f.text("algorithm")),
        Code::KeyWeak => match f.text("reason") {
            "curve" => format!(
                "Il certificato {} ha una chiave EC sulla curva {}; i client accettano solo P-256, P-384 e P-521.",
                f.text("subject"),
                f.text("curve")
            ),
            "algorithm" => format!(
                "Il certificato {} ha una chiave {}, che i client TLS non accettano più.",
                f.text("subject"),
                f.text("algorithm")
            ),
            _ => format!("La chiave {} è di soli {} bit.", f.text("algorithm"), f.number("bits")),
        },
        Code::SigInvalid => format!(
            "La firma del certificato non è verificabile con la chiave del suo emittente {}.",
            f.text("issuer")
        ),
        Code::SigUnsupported => format!(
            "La firma di {} non è stata verificata: l'algoritmo non è tra quelli che questo \
             strumento verifica, oppure WebCrypto del browser non lo supporta o non è disponibile \
             (pagina servita via http:// da un altro host).",
            f.text("issuer")
        ),
        Code::EkuNoServerAuth => format!(
            "L'utilizzo chiavi esteso del certificato ({}) non include l'autenticazione server.",
            nessuno(&list("usages"))
        ),
        Code::LeafIsCa => "Il certificato del server è un certificato di CA (Basic Constraints CA=true).".to_owned(),
        Code::ChainOrder => format!(
            "I certificati sono nell'ordine sbagliato (percorso nelle posizioni ricevute: {}); il server deve inviare prima il certificato finale, poi ogni emittente.",
            list("presented")
        ),
        Code::ChainIncomplete if f.text("after") == "ca" => format!(
            "L'emittente {} non è tra i certificati forniti né è una radice attendibile: se è un intermedio, il server deve inviarlo; se è una radice, i client devono considerarla attendibile (nessuno degli archivi di radici usati qui la contiene).",
            f.text("issuer")
        ),
        Code::ChainIncomplete => format!(
            "Manca il certificato intermedio {}: il server non lo invia, quindi i client non possono costruire la catena.",
            f.text("issuer")
        ),
        Code::ChainUnrelated => format!(
            "Il certificato {} non appartiene ad alcun percorso dal certificato del server.",
            f.text("subject")
        ),
        Code::ChainDuplicate => format!("Il certificato {} è stato fornito più volte.", f.text("subject")),
        Code::ChainRootSent => format!(
            "La radice {} viene inviata con la catena; i client usano la propria copia, quindi non serve.",
            f.text("subject")
        ),
        Code::ChainTrusted => format!("La catena termina nella radice attendibile {}.", f.text("root")),
        Code::SelfSigned => format!(
            "Il certificato del server {} è autofirmato: Outlook Anywhere richiede un certificato di una CA pubblica attendibile.",
            f.text("subject")
        ),
        Code::UntrustedRoot => format!("La catena termina nella radice {}, che non è attendibile.", f.text("root")),
        Code::KeyPairMatch => "La chiave privata nel file appartiene al certificato del server.".to_owned(),
        Code::KeyPairMismatch => "La chiave privata nel file non appartiene al certificato del server: il server non può usare questa coppia.".to_owned(),
        Code::IssuerNotCa => format!(
            "Il certificato {} firma un altro certificato del percorso ma non è una CA ({}): ogni client rifiuta la catena.",
            f.text("subject"),
            match f.text("reason") {
                "version-1" => "è un certificato versione 1, accettabile solo come radice attendibile",
                "no-basic-constraints" => "non ha Basic Constraints",
                _ => "Basic Constraints CA=false",
            }
        ),
        Code::PathLenExceeded => format!(
            "La CA {} ammette {} CA intermedie sotto di sé (vincolo di lunghezza del percorso), ma il percorso ne ha {}.",
            f.text("subject"),
            f.number("path_len"),
            f.number("below")
        ),
        Code::IssuerNoKeyCertSign => format!(
            "La CA {} firma un certificato del percorso, ma il suo Key Usage non consente di firmare certificati (keyCertSign).",
            f.text("subject")
        ),
        Code::EkuIssuerNoServerAuth => format!(
            "La CA intermedia {} limita l'Extended Key Usage a {}, senza Autenticazione server: browser e client rigorosi rifiutano i certificati server che emette.",
            f.text("subject"),
            nessuno(&list("usages"))
        ),
        Code::NameConstraintViolation if !f.text("invalid").is_empty() => format!(
            "La CA {} ha un vincolo sui nomi che non è un nome valido ({}), quindi i client rifiutano ogni certificato sotto di essa.",
            f.text("constrained_by"),
            f.text("invalid")
        ),
        Code::NameConstraintViolation => format!(
            "Il nome {} su {} è {} dai vincoli sui nomi della CA {}.",
            f.text("name"),
            f.text("subject"),
            if f.text("constraint") == "excluded" { "escluso" } else { "non consentito" },
            f.text("constrained_by")
        ),
        Code::ExtensionCriticalUnknown => format!(
            "Il certificato {} contiene un'estensione critica ({}) che i client non conoscono, quindi devono rifiutarlo.",
            f.text("subject"),
            f.text("oid")
        ),
        Code::ExtensionMalformed => format!(
            "L'estensione {} di {} non è leggibile; i client rifiutano il certificato.",
            f.text("extension"),
            f.text("subject")
        ),
        Code::LeafCnNotInSan => format!(
            "Il Common Name {} non è tra i SubjectAltName ({}): le CA pubbliche devono ripeterlo lì e i verificatori che ne applicano le regole rifiutano il certificato (i browser ignorano il Common Name); Windows prima di Vista SP1 confronta il nome msstd: solo con questo Common Name.",
            f.text("common_name"),
            nessuno(&list("names"))
        ),
        Code::ProfileViolation => format!(
            "Il certificato {} viola una regola applicata dai client rigorosi: {}.",
            f.text("subject"),
            regola(f.text("rule"))
        ),
        Code::ChainAlternative => {
            let danno = if f.text("chosen") == "valid" {
                " Non crea problemi ai client che costruiscono i percorsi (Windows, i browser, OpenSSL attuale): scelgono il percorso valido. I client che seguono la catena solo come inviata, come OpenSSL prima della 1.1.0, possono prenderlo e fallire."
            } else {
                ""
            };
            let emesso_da = match f.text("through_issuer") {
                "" => String::new(),
                issuer => format!(" (la copia emessa da {issuer})"),
            };
            format!(
                "Un altro percorso, attraverso {}{emesso_da}, è stato scartato: {}.{danno}",
                f.text("through"),
                motivo_alternativa(f.text("reason"), f.text("reason_subject"))
            )
        }
        Code::ChainTooComplex => format!(
            "La costruzione del percorso si è fermata prima di trovarne uno valido: {}.",
            match f.text("budget") {
                "path-length" => "il percorso ha più CA intermedie di quante un client ne segua (6)",
                "signatures" => "i certificati richiederebbero più verifiche di firma di quante un client ne faccia (100)",
                "name-constraints" => "i vincoli sui nomi richiederebbero più confronti di quanti un client ne faccia",
                _ => "i certificati offrono più percorsi di quanti un client ne esplori",
            }
        ),
        Code::NamesOnly if f.text("certificate") == "missing" => format!(
            "Non è stato fornito alcun certificato e il testo ({}) non ne nomina nessuno, solo l'host: fornire il certificato, o l'output di Get-ExchangeCertificate | Format-List, per verificare il nome principale.",
            sources_it(f)
        ),
        Code::NamesOnly => format!(
            "Non è stato fornito il certificato, solo i suoi nomi (fonte: {}): il nome principale e l'host sono stati verificati su di essi; la catena, le firme, la chiave e la validità no (le date sono come stampate, nel formato locale del server).",
            sources_it(f)
        ),
        Code::NamesOtherCertificate if f.text("by") == "thumbprint" => format!(
            "Il testo incollato nomina il certificato con identificazione digitale {}, ma il certificato fornito è {}: il certificato esportato potrebbe non essere quello usato da Exchange.",
            f.text("named"),
            f.text("given")
        ),
        Code::NamesOtherCertificate => format!(
            "Il testo incollato nomina un certificato con Common Name {}, ma il certificato fornito ha {}: potrebbe non essere quello presentato dal server.",
            f.text("named"),
            nessuno(f.text("given"))
        ),
        Code::MsstdNotGiven => "Non sono stati indicati né il nome principale né l'host di Outlook Anywhere: il nome che Outlook su Windows confronta con il certificato (msstd:) non è stato verificato.".to_owned(),
        Code::ChainFetchedFromAia => format!(
            "Il server non invia l'emittente {}: è stato scaricato da {} (l'Authority Information Access) per completare la catena. Anche Windows lo scarica, se il client raggiunge quell'indirizzo; i client che non scaricano gli emittenti (le app di posta dei telefoni, i client basati su OpenSSL) falliscono finché il server non lo invia.",
            f.text("subject"),
            f.text("url")
        ),
        Code::MsstdSeveral => format!(
            "Il testo contiene {} valori del nome principale diversi ({}); il verdetto sopra è per il primo. Ciascuno da solo: {}.",
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
            "La catena termina in {}, per la quale il Microsoft Trusted Root Program non considera più attendibili i certificati emessi dopo il {} (NotBefore): questo certificato è stato emesso dopo, quindi Windows lo rifiuta.",
            f.text("root"),
            f.text("since")
        ),
        Code::RootDistrusted => format!(
            "La catena termina in {}, che il Microsoft Trusted Root Program ha disattivato il {}: Windows non considera più attendibile nulla che vi risalga.",
            f.text("root"),
            f.text("since")
        ),
        Code::ChainWindowsOnly => {
            let why = match f.text("reason") {
                "CHAIN_INCOMPLETE" | "UNTRUSTED_ROOT" | "SELF_SIGNED" => "il loro archivio di radici non contiene la radice in cui termina la catena".to_owned(),
                reason => format!("{reason} ({})", f.text("reason_subject")),
            };
            format!(
                "Windows considera attendibile questa catena (termina in {}, nel Microsoft Trusted Root Program), ma i client che usano l'archivio di radici di Mozilla no: {why}. I telefoni con ActiveSync, Outlook per Mac e i browser su OWA la rifiutano.",
                f.text("root")
            )
        }
        Code::ChainAiaRecoverable => format!(
            "Windows scarica l'emittente mancante {} da {} (l'Authority Information Access del certificato), se il client raggiunge quell'indirizzo; i client che non scaricano gli emittenti (le app di posta dei telefoni, i client basati su OpenSSL) falliscono finché il server non lo invia.",
            f.text("issuer"),
            f.text("url")
        ),
        Code::RootAutoUpdate => format!(
            "La radice {} fa parte del Microsoft Trusted Root Program: Windows la scarica la prima volta che una catena ne ha bisogno (aggiornamento automatico dei certificati radice). Dove quell'aggiornamento è disattivato, la radice deve essere già nell'archivio Autorità di certificazione radice attendibili del computer.",
            f.text("root")
        ),
        Code::RevocationUnreachable if f.text("reason") == "ldap" => format!(
            "La revoca di questo certificato si può verificare solo via LDAP ({}), che i client fuori dalla rete non raggiungono: Windows riporta allora lo stato di revoca come sconosciuto (offline).",
            list("urls")
        ),
        Code::RevocationUnreachable => format!(
            "Gli indirizzi per verificare la revoca di questo certificato ({}) hanno nomi o indirizzi che i client fuori dalla rete non raggiungono: Windows riporta allora lo stato di revoca come sconosciuto (offline).",
            list("urls")
        ),
        Code::CertRevoked => format!(
            "Questo certificato è revocato ({}, dal {}), secondo il suo {}{}: ogni client lo rifiuta quando lo verifica.",
            f.text("reason"),
            f.text("revoked_at"),
            source(f.text("source")),
            at_url(f.text("url"))
        ),
        Code::RevocationCheckFailed => format!(
            "Non è stato possibile verificare la revoca di questo certificato tramite il suo {}{}: {}. Windows riporta allora lo stato di revoca come sconosciuto.",
            source(f.text("source")),
            at_url(f.text("url")),
            f.text("reason")
        ),
        Code::RevocationGood => format!(
            "Non revocato, secondo il suo {}{} (la risposta è firmata dall'emittente e aggiornata).",
            source(f.text("source")),
            at_url(f.text("url"))
        ),
        Code::AutodiscoverCertificateAlert if f.text("autodiscover") == "yes" => format!(
            "{} risponde come Autodiscover, ma Windows rifiuta il suo certificato per {} ({}): Outlook mostra un avviso di sicurezza (\"Il nome del certificato di sicurezza non è valido o non corrisponde al nome del sito\") a ogni avvio, e raggiunge Autodiscover solo se l'utente sceglie Sì.",
            f.text("url"),
            f.text("host"),
            list("reasons")
        ),
        Code::AutodiscoverCertificateAlert => format!(
            "{} risponde in HTTPS con un certificato che Windows rifiuta per {} ({}): Outlook lo prova per primo e mostra un avviso di sicurezza (\"Il nome del certificato di sicurezza non è valido o non corrisponde al nome del sito\"); Sì passa al luogo successivo, No interrompe la ricerca.",
            f.text("url"),
            f.text("host"),
            list("reasons")
        ),
        Code::AutodiscoverRedirectPrompt => format!(
            "Outlook trova Autodiscover tramite {}, e chiede all'utente se consentire al sito di configurare le impostazioni del server prima di andare a {}.",
            f.text("url"),
            f.text("location")
        ),
        Code::AutodiscoverNotFound => format!(
            "Nessuno dei luoghi in cui Outlook cerca risponde come Autodiscover per {}: Outlook non può configurare l'account né aggiornarne le impostazioni da fuori della rete.",
            f.text("domain")
        ),
        Code::KeyPostQuantum => format!(
            "Il certificato {} ha {} post-quantistica ({}). È robusta, ma nessuna fonte documenta un client TLS che oggi accetti un tale certificato di server: Windows supporta ML-DSA nelle sue librerie crittografiche e nei servizi certificati (Windows 11 24H2 e Server 2025), e Microsoft definisce quel supporto limitato e in evoluzione, senza dire nulla di Schannel, il TLS che Outlook usa; browser, telefoni e Outlook per Mac non ne accettano da una radice pubblica.",
            f.text("subject"),
            if f.text("what") == "signature" { "una firma" } else { "una chiave" },
            f.text("algorithm")
        ),
        Code::RootPilot => format!(
            "Il percorso termina in {}, una radice del pilota TLS post-quantistico di Microsoft: è nell'elenco di attendibilità, ma Microsoft dice che i certificati del pilota non sono attendibili pubblicamente, non sono per la produzione né per connessioni web pubbliche (radici di un anno, certificati finali di 90 giorni).",
            f.text("root")
        ),
        Code::RootStoreStale => format!(
            "Questa versione giudica con {} ({}), pubblicato {} giorni prima del momento dell'analisi: le radici che il programma ha aggiunto, revocato o rimosso da allora non sono note, quindi il verdetto potrebbe non essere aggiornato.",
            programma(f.text("program")),
            f.text("version"),
            f.number("days")
        ),
    }
}

/// Un programma di radici dal suo codice.
fn programma(code: &str) -> &'static str {
    match code {
        "microsoft" => "il Trusted Root Program di Microsoft",
        _ => "l'archivio di radici di Mozilla",
    }
}

/// Una regola di `PROFILE_VIOLATION` a parole.
fn regola(code: &str) -> &'static str {
    REGOLE
        .iter()
        .find(|(name, _)| *name == code)
        .map_or("una regola del profilo dei certificati", |(_, words)| words)
}

/// Each rule's words (a table: a `match` on strings costs the page's module more code).
const REGOLE: &[(&str, &str)] = &[
    ("signature-algorithm-mismatch", "l'algoritmo di firma interno al certificato è diverso da quello esterno (RFC 5280 4.1.1.2)"),
    ("serial-negative", "il numero di serie è negativo (RFC 5280 4.1.2.2)"),
    ("serial-zero", "il numero di serie è zero (RFC 5280 4.1.2.2)"),
    ("serial-too-long", "il numero di serie supera i 20 byte (RFC 5280 4.1.2.2)"),
    ("empty-issuer", "il nome dell'emittente è vuoto (RFC 5280 4.1.2.4)"),
    ("ca-empty-subject", "è una CA con soggetto vuoto (RFC 5280 4.1.2.6)"),
    ("empty-subject-without-critical-san", "il soggetto è vuoto e il SubjectAltName manca o non è critico (RFC 5280 4.2.1.6)"),
    ("san-critical-with-subject", "il SubjectAltName è critico benché il soggetto non sia vuoto (CA/B Forum BR 7.1.2.7.12)"),
    ("aki-missing", "non ha un Authority Key Identifier (RFC 5280 4.2.1.1)"),
    ("aki-critical", "l'Authority Key Identifier è critico (RFC 5280 4.2.1.1)"),
    ("ski-missing", "è una CA senza Subject Key Identifier (RFC 5280 4.2.1.2)"),
    ("ski-critical", "il Subject Key Identifier è critico (RFC 5280 4.2.1.2)"),
    ("root-aki-form", "come radice, il suo Authority Key Identifier deve contenere solo il proprio identificatore di chiave (CA/B Forum BR 7.1.2.1.3)"),
    ("root-aki-ski-mismatch", "come radice, l'Authority Key Identifier è diverso dal Subject Key Identifier (CA/B Forum BR 7.1.2.1.3)"),
    ("root-eku", "come radice, ha un Extended Key Usage (CA/B Forum BR 7.1.2.1.2)"),
    ("basic-constraints-not-critical", "è una CA con Basic Constraints non critico (RFC 5280 4.2.1.9)"),
    ("key-cert-sign-without-ca", "il Key Usage consente di firmare certificati ma non è una CA (RFC 5280 4.2.1.3)"),
    ("aia-critical", "l'Authority Information Access è critico (RFC 5280 4.2.2.1)"),
    ("name-constraints-in-leaf", "ha vincoli sui nomi ma non è una CA (RFC 5280 4.2.1.10)"),
    ("policy-constraints-not-critical", "i vincoli sui criteri non sono critici (RFC 5280 4.2.1.11)"),
    ("eku-any", "l'Extended Key Usage include anyExtendedKeyUsage (CA/B Forum BR 7.1.2.7.10)"),
    ("eku-critical", "l'Extended Key Usage è critico (CA/B Forum BR 7.1.2.7.10)"),
    ("dns-name-invalid", "un SubjectAltName DNS non è un nome host valido (un carattere di sottolineatura, un indirizzo IP, un carattere jolly fuori posto; CA/B Forum BR 7.1.2.7.12)"),
    ("not-version-3", "non è un certificato versione 3 (CA/B Forum BR 7.1.1)"),
    ("rsa-modulus-size", "il modulo RSA non è un numero intero di byte (CA/B Forum BR 6.1.5)"),
];

/// Perché un percorso è stato scartato, dal codice del rilievo che l'ha deciso.
fn motivo_alternativa(code: &str, subject: &str) -> String {
    let subject = if subject.is_empty() {
        "un certificato del percorso"
    } else {
        subject
    };
    match code {
        "CERT_EXPIRED" => format!("quella copia di {subject} è scaduta"),
        "CERT_NOT_YET_VALID" => format!("quella copia di {subject} non è ancora valida"),
        "CHAIN_INCOMPLETE" => "porta a un emittente che non è stato fornito".to_owned(),
        "UNTRUSTED_ROOT" | "SELF_SIGNED" => "termina in una radice non attendibile".to_owned(),
        "SIG_INVALID" => format!("la firma su {subject} non è valida"),
        "SIG_WEAK" => format!("{subject} è firmato con un hash debole"),
        "KEY_WEAK" => format!("{subject} ha una chiave debole"),
        "ISSUER_NOT_CA" | "ISSUER_NO_KEY_CERT_SIGN" => format!("{subject} non può emettere certificati"),
        "PATH_LEN_EXCEEDED" => format!("è più lungo di quanto {subject} consenta"),
        "EKU_ISSUER_NO_SERVER_AUTH" => format!("{subject} non può emettere certificati server"),
        "NAME_CONSTRAINT_VIOLATION" => "un nome viola i vincoli sui nomi di una CA".to_owned(),
        "LONGER" => "è più lungo del percorso scelto".to_owned(),
        other => format!("{subject} ha il problema {other}"),
    }
}

fn fix(f: &Finding) -> Option<String> {
    let recommended = f.text("recommended");
    let set = |value: &str| {
        format!(
            "Eseguire Set-OutlookProvider EXPR -CertPrincipalName \"{value}\" (su Exchange 2013 e successivi anche Set-OutlookProvider EXCH -CertPrincipalName \"{value}\"), poi riavviare Outlook o attendere l'individuazione automatica; oppure digitare {value} nelle Impostazioni proxy di Exchange di Outlook, \"Connetti solo a server proxy il cui certificato include questo nome principale\"."
        )
    };
    Some(match f.code {
        Code::MsstdMismatch | Code::MsstdSanOnly | Code::MsstdWildcard if !recommended.is_empty() => format!(
            "{} Oppure riemettere il certificato con {} come Common Name.",
            set(recommended),
            f.text("name")
        ),
        Code::MsstdMismatch | Code::MsstdSanOnly => {
            format!("Riemettere il certificato con {} come Common Name.", f.text("name"))
        }
        Code::MsstdSyntax if !f.text("corrected").is_empty() => set(f.text("corrected")),
        Code::MsstdNoCn => "Se si connettono client Windows XP o Server 2003, riemettere il certificato con il nome host di Outlook Anywhere come Common Name.".to_owned(),
        Code::HostMismatch => format!("Aggiungere {} ai SubjectAltName del certificato e riemetterlo.", f.text("host")),
        Code::HostCnOnly => format!("Riemettere il certificato con {} nei SubjectAltName.", f.text("host")),
        Code::AutodiscoverMissing => format!(
            "Aggiungere {} ai SubjectAltName del certificato, oppure pubblicare Autodiscover con un record SRV.",
            f.text("name")
        ),
        Code::NameInternal => "Usare nomi pubblici (DNS split) e togliere i nomi interni dal certificato.".to_owned(),
        Code::CertExpired | Code::CertExpiresSoon => {
            "Rinnovare il certificato, importarlo e assegnarlo a IIS con Enable-ExchangeCertificate -Services IIS.".to_owned()
        }
        Code::SigWeak | Code::KeyWeak => "Riemettere il certificato con firma SHA-256 e chiave RSA di almeno 2048 bit.".to_owned(),
        Code::EkuNoServerAuth => "Riemettere il certificato da un modello per server web (EKU Autenticazione server).".to_owned(),
        Code::ChainRootSent => "Facoltativo: togliere la radice dai certificati inviati dal server.".to_owned(),
        Code::ChainUnrelated => "Togliere il certificato da quelli inviati dal server: non serve a nessun client.".to_owned(),
        Code::ChainOrder | Code::ChainIncomplete => {
            let urls = f.list("urls");
            let download = if urls.is_empty() {
                String::new()
            } else {
                format!(" L'emittente mancante si può scaricare da {}.", urls.join(", "))
            };
            format!("Installare i certificati intermedi sul server, in modo che invii la catena corretta qui sotto, a partire dal certificato finale.{download}")
        }
        Code::SelfSigned | Code::UntrustedRoot => {
            "Usare un certificato di una CA pubblica attendibile (oppure, per una CA interna, fornire la sua radice come attendibile e distribuirla a tutti i client).".to_owned()
        }
        Code::KeyPairMismatch => "Esportare il certificato insieme alla sua chiave privata (Export-ExchangeCertificate sul server che ha generato la richiesta).".to_owned(),
        Code::IssuerNotCa | Code::IssuerNoKeyCertSign | Code::PathLenExceeded | Code::EkuIssuerNoServerAuth => {
            "Procurarsi i certificati intermedi che la CA pubblica per questo certificato e installare quelli; se la CA è interna, riemettere il suo certificato con Basic Constraints, Key Usage ed Extended Key Usage (Autenticazione server) corretti.".to_owned()
        }
        Code::NameConstraintViolation => "Riemettere il certificato da una CA i cui vincoli sui nomi ne coprano i nomi, oppure solo con nomi che la CA può emettere.".to_owned(),
        Code::ExtensionCriticalUnknown | Code::ExtensionMalformed | Code::ProfileViolation => {
            "Riemettere il certificato da un modello standard (una CA pubblica lo fa da sé); la configurazione del server non può cambiarlo.".to_owned()
        }
        Code::LeafCnNotInSan => format!("Riemettere il certificato con {} anche tra i SubjectAltName.", f.text("common_name")),
        Code::ChainAlternative if f.text("chosen") == "valid" => "Facoltativo: togliere i certificati del percorso scartato da quelli inviati dal server, per i client che non costruiscono percorsi.".to_owned(),
        Code::ChainTooComplex => "Inviare solo il certificato del server e gli intermedi di un unico percorso, a partire dal certificato del server.".to_owned(),
        Code::ChainFetchedFromAia => format!("Installare sul server l'intermedio {} (è nella catena corretta) perché il server lo invii.", f.text("subject")),
        Code::RootDistrusted => "Sostituire il certificato con uno di una CA attendibile per Windows (la radice più recente della CA, o un'altra CA).".to_owned(),
        Code::ChainWindowsOnly => "Inviare una catena che porti anche a una radice dell'archivio Mozilla (l'intermedio che la CA firma in modo incrociato con una radice più recente), o sostituire il certificato con uno di una CA attendibile per entrambi gli archivi.".to_owned(),
        Code::CertRevoked => "Sostituire il certificato con uno nuovo (con una nuova chiave se è stato revocato per compromissione della chiave) e installarlo su ogni server che lo presenta.".to_owned(),
        Code::RevocationCheckFailed => "Verificare che il risponditore OCSP o la CRL della CA rispondano da dove si trovano i client (un proxy o un firewall può bloccarli), o chiedere alla CA perché non rispondono.".to_owned(),
        Code::AutodiscoverCertificateAlert if f.text("method") == "root-domain" && f.text("autodiscover") == "no" => format!(
            "Impedire che {} risponda con quel certificato (dare al sito un certificato che nomini {}, o togliere Autodiscover dal dominio nudo), oppure impostare ExcludeHttpsRootDomain=1 sotto HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover sui client.",
            f.text("url"),
            f.text("host")
        ),
        Code::AutodiscoverCertificateAlert => format!(
            "Dare a {} un certificato che nomini {} emesso da una CA di cui Windows si fida, o far puntare il nome altrove.",
            f.text("url"),
            f.text("host")
        ),
        Code::AutodiscoverRedirectPrompt => format!("Pubblicare autodiscover.{} con un certificato che lo nomini, così che Outlook trovi Autodiscover prima di dover seguire un reindirizzamento.", f.text("domain")),
        Code::AutodiscoverNotFound => format!("Pubblicare https://autodiscover.{0}/autodiscover/autodiscover.xml (un nome DNS per il server Exchange, e sul suo certificato), o un record SRV _autodiscover._tcp.{0}.", f.text("domain")),
        Code::RevocationUnreachable => "Pubblicare la CRL della CA (o un risponditore OCSP) a un indirizzo http:// con nome pubblico, aggiungerlo ai punti di distribuzione CRL e all'Authority Information Access della CA, e riemettere il certificato.".to_owned(),
        Code::KeyPostQuantum | Code::RootPilot => "Per Outlook Anywhere in produzione, usare un certificato con chiave RSA (almeno 2048 bit) o ECDSA P-256/P-384 di una CA pubblicamente attendibile; tenere i certificati post-quantistici per i server di prova.".to_owned(),
        Code::RootStoreStale => "Aggiornare msstd-check: ogni versione porta gli archivi di radici del suo giorno (msstd-relay --version e il piè di pagina della pagina li indicano).".to_owned(),
        _ => return None,
    })
}

fn difetto(code: &str) -> &'static str {
    match code {
        "NOT_SET" => "non impostato",
        "EMPTY" => "il valore è vuoto",
        "WHITESPACE_AROUND" => "ci sono spazi prima o dopo il valore",
        "SPACE_AFTER_PREFIX" => "c'è uno spazio dopo msstd:",
        "MISSING_PREFIX" => "manca il prefisso msstd:",
        "UPPERCASE_PREFIX" => "il prefisso va scritto msstd: in minuscolo",
        "QUOTES" => "ci sono virgolette nel valore",
        "TRAILING_DOT" => "il nome termina con un punto",
        "URL" => "è un URL, non un nome host",
        "PORT" => "include una porta",
        "NOT_FOUND" => "il testo non contiene alcun valore msstd:",
        "INVALID_CHARACTERS" => "contiene caratteri che nessun nome host ha",
        _ => "non è valido",
    }
}

fn nessuno(text: &str) -> &str {
    if text.is_empty() {
        "(nessuno)"
    } else {
        text
    }
}

/// The texts the names came from, in words.
fn sources_it(f: &Finding) -> String {
    f.list("sources")
        .iter()
        .map(|source| match *source {
            "get-exchange-certificate" => "l'output di Get-ExchangeCertificate",
            "connectivity-analyzer" => "la riga di Remote Connectivity Analyzer",
            _ => "l'output di Get-OutlookAnywhere",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Da dove viene una risposta sulla revoca, a parole.
fn source(source: &str) -> &'static str {
    match source {
        "crl" => "CRL",
        "stapled" => "risposta OCSP allegata dal server",
        _ => "risponditore OCSP",
    }
}

/// " a URL", o niente per una risposta allegata.
fn at_url(url: &str) -> String {
    if url.is_empty() {
        String::new()
    } else {
        format!(" a {url}")
    }
}
