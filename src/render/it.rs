//! Italiano. The Connectivity Analyzer's own Italian wording is kept where admins search for
//! it: "Impossibile stabilire un'autenticazione reciproca".

use super::{Catalogue, Labels};
use crate::msstd::Outcome;
use crate::principal::Form;
use crate::{ChainStatus, Code, Finding};

pub(super) struct Italian;

impl Catalogue for Italian {
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
        }
    }

    fn form(&self, form: Form) -> &'static str {
        match form {
            Form::Value => "il valore",
            Form::SetOutlookProvider => "Set-OutlookProvider",
            Form::GetOutlookProvider => "output di Get-OutlookProvider",
            Form::AutodiscoverXml => "XML di Autodiscover",
            Form::Prf => "file PRF",
            Form::Rpcping => "rpcping",
        }
    }

    fn defect(&self, code: &str) -> &'static str {
        difetto(code)
    }

    fn labels(&self) -> &'static Labels {
        &Labels {
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
        Code::KeyWeak => format!("La chiave {} è di soli {} bit.", f.text("algorithm"), f.number("bits")),
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
            "L'emittente {} non è tra i certificati forniti né è una radice attendibile: se è un intermedio, il server deve inviarlo; se è una radice, i client devono considerarla attendibile (l'archivio Mozilla incluso non elenca più alcune radici ancora attendibili per Windows).",
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
