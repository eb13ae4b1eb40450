//! Wording: findings and reports in words. The engine's findings are codes and parameters;
//! each [`Language`]'s catalogue turns them into sentences, and every face (the command line,
//! the page) words them from here, so they all say the same thing.

mod catalogue;
mod domain;
mod error;

pub use domain::{domain_text_in, endpoint_line, worded_domain};
pub use error::error_in;

use std::fmt::{Debug, Write};

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use catalogue::{Arg, Args, Catalogue};

use crate::clients::{Client, ClientVerdict, Connects};
use crate::finding::Param;
use crate::msstd::Outcome;
use crate::principal::{Principal, PrincipalValue};
use crate::{ChainStatus, Code, Finding, Report, Severity};

/// The tables `build/catalogue.rs` compiles from `locales/*.ftl`. Without the
/// `builtin-languages` feature (the page's modules) only English is used: the others arrive as
/// text ([`load_language`]) and their tables are left out of the build.
#[cfg_attr(not(any(test, feature = "builtin-languages")), allow(dead_code))]
mod catalogues {
    use super::catalogue::{Catalogue, Message};
    include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));
}

/// The languages: each is a file `locales/TAG.ftl` and a line here.
macro_rules! languages {
    ($($(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $variant:ident = $tag:literal => $table:ident, $page:ident;)*) => {
        /// A language the findings can be worded in.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Language {
            $($(#[doc = $doc])* $(#[cfg($cfg)])? $variant,)*
        }

        impl Language {
            /// Every language, English first.
            pub const ALL: &'static [Language] = &[$($(#[cfg($cfg)])? Self::$variant),*];

            /// Its BCP 47 tag (the name of its file in `locales/`).
            pub fn tag(self) -> &'static str {
                match self {
                    $($(#[cfg($cfg)])? Self::$variant => $tag,)*
                }
            }

            /// The language's catalogue: built in, or loaded ([`load_language`]); English
            /// until a language that is neither has been loaded.
            fn catalogue(self) -> &'static Catalogue {
                #[cfg(any(test, feature = "builtin-languages"))]
                let built_in: &'static Catalogue = match self {
                    $($(#[cfg($cfg)])? Self::$variant => &catalogues::$table,)*
                };
                #[cfg(not(any(test, feature = "builtin-languages")))]
                let built_in: &'static Catalogue = match self {
                    Self::En => &catalogues::EN,
                    _ => return loaded(self).unwrap_or(&catalogues::EN),
                };
                built_in
            }

            /// Its place in [`Language::ALL`].
            fn index(self) -> usize {
                Self::ALL.iter().position(|l| *l == self).unwrap_or_default()
            }

            /// The page's own words (`page-*`), kept out of the engine's module.
            fn page_catalogue(self) -> &'static Catalogue {
                match self {
                    $($(#[cfg($cfg)])? Self::$variant => &catalogues::$page,)*
                }
            }
        }
    };
}

languages! {
    /// English.
    En = "en" => EN, PAGE_EN;
    /// Italian: admins search for "Impossibile stabilire un'autenticazione reciproca".
    It = "it" => IT, PAGE_IT;
    /// The tests' pseudo-locale: English with every letter accented, generated from en.ftl.
    #[cfg(test)]
    Pseudo = "en-x-pseudo" => PSEUDO, PAGE_PSEUDO;
}

/// The languages loaded as text, by their place in [`Language::ALL`].
static LOADED: [std::sync::OnceLock<Catalogue>; Language::ALL.len()] =
    [const { std::sync::OnceLock::new() }; Language::ALL.len()];

fn loaded(language: Language) -> Option<&'static Catalogue> {
    LOADED.get(language.index())?.get()
}

/// Whether the findings can be worded in `language` now: built in (English always; every
/// language with the `builtin-languages` feature, the command line's and the relay's) or loaded.
pub fn is_loaded(language: Language) -> bool {
    language == Language::En || cfg!(any(test, feature = "builtin-languages")) || loaded(language).is_some()
}

/// `language`'s catalogue as one text, for a build without it built in to load
/// ([`load_language`]): the page carries it in `messages-TAG.json` (`examples/page_messages.rs`).
/// `None` when this build has not got it either.
pub fn catalogue_text(language: Language) -> Option<String> {
    is_loaded(language).then(|| language.catalogue().encode())
}

/// Loads `language`'s catalogue from [`catalogue_text`]'s text, in a build without it built
/// in; until then its findings are worded in English. Loading a language twice, or one built
/// in, keeps the first.
///
/// # Errors
/// When the text is not the catalogue of this build (another version's, or cut short): the
/// language stays unloaded.
pub fn load_language(language: Language, text: &str) -> Result<(), &'static str> {
    if is_loaded(language) {
        return Ok(());
    }
    let catalogue = catalogue::Catalogue::decode(text, &catalogues::EN, catalogues::LEFT_OUT)?;
    if let Some(slot) = LOADED.get(language.index()) {
        let _ = slot.set(catalogue);
    }
    Ok(())
}

// `languages!` writes the variants, and a `#[default]` among them would reach its match arms.
#[allow(clippy::derivable_impls)]
impl Default for Language {
    fn default() -> Self {
        Self::En
    }
}

impl Language {
    /// The language for a BCP 47 tag such as `it-IT`; English for anything not translated.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
            .unwrap_or_default()
    }

    /// A message without arguments (a label).
    fn say(self, id: &str) -> String {
        self.catalogue().format(id, None, &Args::default()).unwrap_or_default()
    }

    /// A message that words one value of the report (an enum variant, by its Rust name).
    fn word(self, id: &str, variable: &str, value: impl Debug) -> String {
        let key = format!("{value:?}");
        let args = Args::default().with(variable, Arg::Text(&key));
        self.catalogue().format(id, None, &args).unwrap_or_default()
    }

    /// `items`, each worded by the message `id` (selecting on `variable`), joined by `separator`.
    fn word_each(self, id: &str, variable: &str, items: &[&str], separator: &str) -> String {
        let words: Vec<String> = items
            .iter()
            .map(|item| {
                let args = Args::default().with(variable, Arg::Text(item));
                self.catalogue().format(id, None, &args).unwrap_or_default()
            })
            .collect();
        words.join(separator)
    }

    /// The finding's parameters as the catalogue's arguments, with the few derived ones: lists
    /// of codes worded item by item, and counts.
    fn finding_args<'a>(self, finding: &'a Finding) -> Args<'a> {
        let mut args = Args::default();
        for (&name, param) in &finding.params {
            let value = match param {
                Param::Text(text) => Arg::Text(text),
                Param::Number(n) => Arg::Number(*n),
                Param::List(items) => Arg::List(items.iter().map(String::as_str).collect()),
            };
            args.set(name, value);
        }
        // The value `set-principal` tells the admin to set.
        if let Some(value) = ["corrected", "recommended"]
            .into_iter()
            .map(|name| finding.text(name))
            .find(|value| !value.is_empty())
        {
            args.set("value", Arg::Text(value));
        }
        match finding.code {
            Code::MsstdSyntax => {
                let defects = self.word_each("defect", "code", &finding.list("defects"), "; ");
                args.set("defects_worded", Arg::Owned(defects));
            }
            Code::NamesOnly => {
                let sources = self.word_each("names-source", "source", &finding.list("sources"), ", ");
                args.set("sources_worded", Arg::Owned(sources));
            }
            Code::MsstdSeveral => {
                let values = finding.list("values");
                let each: Vec<String> = values
                    .iter()
                    .zip(finding.list("verdicts"))
                    .map(|(value, verdict)| format!("{value} {verdict}"))
                    .collect();
                args.set("count", Arg::Number(i64::try_from(values.len()).unwrap_or(i64::MAX)));
                args.set("each", Arg::Owned(each.join(", ")));
            }
            _ => {}
        }
        args
    }

    /// The finding's message, or one of its attributes (`fix`, `condition`); `None` when the
    /// catalogue words nothing there.
    fn finding(self, finding: &Finding, attribute: Option<&str>) -> Option<String> {
        self.finding_with(finding, attribute, &self.finding_args(finding))
    }

    fn finding_with(self, finding: &Finding, attribute: Option<&str>, args: &Args<'_>) -> Option<String> {
        self.catalogue()
            .format(finding.code.as_str(), attribute, args)
            .filter(|text| !text.is_empty())
    }

    /// The finding's message and fix, as reports show them together: its arguments (some
    /// worded item by item) built once.
    fn message_and_fix(self, finding: &Finding) -> (String, Option<String>) {
        let args = self.finding_args(finding);
        (
            self.finding_with(finding, None, &args).unwrap_or_default(),
            self.finding_with(finding, Some("fix"), &args),
        )
    }
}

/// The finding in one English sentence.
pub fn message(finding: &Finding) -> String {
    message_in(finding, Language::En)
}

/// The finding in one sentence of `language`.
pub fn message_in(finding: &Finding, language: Language) -> String {
    language.finding(finding, None).unwrap_or_default()
}

/// What to do about the finding, in English, when there is something to do.
pub fn fix(finding: &Finding) -> Option<String> {
    fix_in(finding, Language::En)
}

/// What to do about the finding, in `language`.
pub fn fix_in(finding: &Finding, language: Language) -> Option<String> {
    language.finding(finding, Some("fix"))
}

/// The answer to "will Outlook Anywhere connect?", the line an admin reads first, in
/// `language`.
pub fn answer_in(report: &Report, language: Language) -> String {
    language.word("answer", "overall", report.summary.outcome)
}

/// One family of clients, named in `language`.
pub fn client_in(client: Client, language: Language) -> String {
    language.word("client", "client", client)
}

/// Whether a family connects, in `language`, with the conditions it connects under when it
/// does ("connects, if the client can download the missing issuer").
pub fn connects_in(verdict: &ClientVerdict, report: &Report, language: Language) -> String {
    let conditions: Vec<String> = verdict
        .findings
        .iter()
        .filter(|_| verdict.outcome != Connects::No)
        .filter_map(|&i| report.findings.get(i))
        .filter_map(|f| language.finding(f, Some("condition")))
        .collect();
    let connects = language.word("connects", "connects", verdict.outcome);
    match conditions.as_slice() {
        [] => connects,
        _ => format!("{connects}, {}", conditions.join("; ")),
    }
}

/// The chain's status in `language` (as the text report's "Chain (...)" line says it).
pub fn chain_status_in(status: ChainStatus, language: Language) -> String {
    language.word("chain-status", "status", status)
}

/// What the principal name alone gives on one Windows family, in `language`.
pub fn msstd_outcome_in(outcome: Outcome, language: Language) -> String {
    language.word("msstd-outcome", "outcome", outcome)
}

/// The page's own words and the labels it shares with the text report, in `language`: each
/// `page-*` and `label-*` message and each of their attributes (as `id.attribute`), its
/// variables written `{name}` for the page to fill in. The page words nothing itself: it shows
/// these, as `scripts/build-page.sh` writes them to `messages-TAG.json`.
pub fn page_messages(language: Language) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for catalogue in [language.page_catalogue(), language.catalogue()] {
        for message in catalogue
            .messages
            .iter()
            .filter(|m| m.id.starts_with("page-") || m.id.starts_with("label-"))
        {
            let mut patterns: Vec<(String, Option<&str>)> = vec![(message.id.to_owned(), None)];
            patterns.extend(
                message
                    .attributes
                    .iter()
                    .map(|(name, _)| (format!("{}.{name}", message.id), Some(*name))),
            );
            for (key, attribute) in patterns {
                let variables = catalogue.variables(message.id, attribute);
                let placeholders: Vec<String> = variables.iter().map(|name| format!("{{{name}}}")).collect();
                let mut args = Args::default();
                for (name, placeholder) in variables.into_iter().zip(&placeholders) {
                    args.set(name, Arg::Text(placeholder));
                }
                if let Some(text) = catalogue.format(message.id, attribute, &args) {
                    out.push((key, text));
                }
            }
        }
    }
    out
}

/// A label of the text reports (`label-NAME` in the catalogue), in `language`.
pub fn label_in(name: &str, language: Language) -> String {
    language.say(&format!("label-{name}"))
}

/// The msstd headline, in English.
pub fn headline(report: &Report) -> String {
    headline_in(report, Language::En)
}

/// The headline in `language`.
pub fn headline_in(report: &Report, language: Language) -> String {
    let msstd = report.msstd.as_ref();
    let args = Args::default()
        .with("code", Arg::Text(msstd.map_or("none", |m| m.code.as_str())))
        .with(
            "principal",
            Arg::Text(msstd.and_then(|m| m.principal.as_deref()).unwrap_or_default()),
        );
    language.catalogue().format("headline", None, &args).unwrap_or_default()
}

/// What the principal paste was understood as, in one line of `language`: the form it came
/// in, the value, and its defects with the corrected value.
pub fn principal_in(principal: &Principal, language: Language) -> String {
    let defect = |code: &str| language.word_each("defect", "code", &[code], "");
    let mut line = language.word("principal-form", "form", principal.form);
    if let Some(provider) = &principal.provider {
        let _ = write!(line, " ({provider})");
    }
    line.push_str(": ");
    match &principal.value {
        PrincipalValue::Msstd { name } => {
            let _ = write!(line, "msstd:{name}");
        }
        PrincipalValue::Disabled => line.push_str("none"),
        PrincipalValue::NotSet => {
            line.push_str(&language.say("principal-not-set"));
            if let Some(server) = &principal.server {
                let _ = write!(line, " → msstd:{server}");
            }
        }
        PrincipalValue::Fullsic { subject } => {
            let _ = write!(line, "fullsic:{subject}");
        }
        PrincipalValue::Unusable => line.push_str(&defect("EMPTY")),
    }
    if !principal.defects.is_empty() {
        let codes: Vec<&str> = principal.defects.iter().map(|d| d.code()).collect();
        let _ = write!(line, " — {}", language.word_each("defect", "code", &codes, "; "));
        if let Some(corrected) = &principal.corrected {
            let _ = write!(line, " → {corrected}");
        }
    }
    line
}

/// The report as JSON (schema `msstd-check/report/v1`), each finding with its English
/// `message` and `fix` added beside its code and parameters.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(&Worded::new(report, Language::En)).unwrap_or_default()
}

/// The report with each finding worded in `language`, for any serde serialiser (the page's
/// WebAssembly module hands it to JavaScript as objects).
pub fn worded(report: &Report, language: Language) -> impl Serialize + '_ {
    Worded::new(report, language)
}

/// A report serialised with each finding worded: the report's own fields, written straight to
/// the output (no intermediate tree), `findings` with `message` and `fix` added.
struct Worded<'a> {
    report: &'a Report,
    language: Language,
}

impl<'a> Worded<'a> {
    fn new(report: &'a Report, language: Language) -> Self {
        Self { report, language }
    }
}

impl Serialize for Worded<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.report;
        let findings: Vec<WordedFinding<'_>> = r
            .findings
            .iter()
            .map(|f| WordedFinding::new(f, self.language))
            .collect();
        let mut map = serializer.serialize_struct("Report", 16)?;
        map.serialize_field("schema", &r.schema)?;
        map.serialize_field("build", &r.build)?;
        map.serialize_field("checked_at", &r.checked_at)?;
        map.serialize_field("inputs", &r.inputs)?;
        map.serialize_field("certificates", &r.certificates)?;
        map.serialize_field("leaf", &r.leaf)?;
        map.serialize_field("chain", &r.chain)?;
        map.serialize_field("principal", &r.principal)?;
        map.serialize_field("msstd", &r.msstd)?;
        map.serialize_field("host", &r.host)?;
        map.serialize_field("autodiscover", &r.autodiscover)?;
        map.serialize_field("names", &r.names)?;
        // Without `exchange-settings` there is never one, and its serialisers stay out of the
        // page's first module.
        match &r.exchange {
            #[cfg(feature = "exchange-settings")]
            Some(exchange) => map.serialize_field("exchange", exchange)?,
            _ => map.skip_field("exchange")?,
        }
        map.serialize_field("clients", &r.clients)?;
        map.serialize_field("findings", &findings)?;
        map.serialize_field("summary", &r.summary)?;
        map.end()
    }
}

struct WordedFinding<'a> {
    finding: &'a Finding,
    message: String,
    fix: Option<String>,
}

impl<'a> WordedFinding<'a> {
    fn new(finding: &'a Finding, language: Language) -> Self {
        let (message, fix) = language.message_and_fix(finding);
        Self { finding, message, fix }
    }
}

impl Serialize for WordedFinding<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.finding;
        let mut map = serializer.serialize_struct("Finding", 7)?;
        map.serialize_field("code", &f.code)?;
        map.serialize_field("severity", &f.severity)?;
        map.serialize_field("certificate", &f.certificate)?;
        map.serialize_field("params", &f.params)?;
        map.serialize_field("reference", &f.reference)?;
        map.serialize_field("message", &self.message)?;
        map.serialize_field("fix", &self.fix)?;
        map.end()
    }
}

/// Colours for [`text`]: ANSI escapes for a terminal, or none (`NO_COLOR`, pipes, files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// No escapes.
    Plain,
    /// ANSI colours.
    Ansi,
}

/// The severities' tags in `language`, each padded to the widest and coloured for a terminal:
/// worded once for a whole list of findings.
fn tags(language: Language, style: Style) -> impl Fn(Severity) -> String {
    let words = [Severity::Error, Severity::Warning, Severity::Info].map(|s| language.word("severity", "severity", s));
    let width = words.iter().map(|w| w.chars().count()).max().unwrap_or_default();
    move |severity| {
        let (word, colour) = match severity {
            Severity::Error => (&words[0], "31"),
            Severity::Warning => (&words[1], "33"),
            Severity::Info => (&words[2], "36"),
        };
        match style {
            Style::Plain => format!("{word:<width$}"),
            Style::Ansi => format!("\x1b[1;{colour}m{word:<width$}\x1b[0m"),
        }
    }
}

/// Each finding on a line (severity, code, sentence), its fix below it.
fn write_findings(out: &mut String, findings: &[Finding], style: Style, language: Language) {
    let fix_label = language.say("label-fix");
    let tag = tags(language, style);
    for finding in findings {
        let (message, fix) = language.message_and_fix(finding);
        let _ = writeln!(out, "{} {:<20} {message}", tag(finding.severity), finding.code.as_str());
        if let Some(fix) = fix {
            let _ = writeln!(out, "      {fix_label}: {fix}");
        }
    }
}

/// The whole report as English text for a terminal or a file.
pub fn text(report: &Report, style: Style) -> String {
    text_in(report, style, Language::En)
}

/// The whole report as text in `language`.
pub fn text_in(report: &Report, style: Style, language: Language) -> String {
    let label = |id: &str| language.say(id);
    let mut out = String::new();
    let _ = writeln!(out, "{}", answer_in(report, language));
    for verdict in &report.clients {
        let why = verdict
            .findings
            .first()
            .and_then(|&i| report.findings.get(i))
            .filter(|_| verdict.outcome == Connects::No)
            .map(|f| format!(": {}", message_in(f, language)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}: {}{why}",
            client_in(verdict.client, language),
            connects_in(verdict, report, language)
        );
    }
    let _ = writeln!(out, "\n{}", headline_in(report, language));
    if let Some(verdict) = &report.msstd {
        if verdict.legacy_windows != Outcome::NotChecked {
            let _ = writeln!(
                out,
                "  {}: {}: {}; {}: {}",
                label("label-name-check"),
                label("label-modern-windows"),
                language.word("msstd-outcome", "outcome", verdict.modern_windows),
                label("label-legacy-windows"),
                language.word("msstd-outcome", "outcome", verdict.legacy_windows)
            );
        }
        if let Some(fix) = &verdict.fix {
            if !fix.set_outlook_provider.is_empty() {
                let _ = writeln!(out, "\n{}", label("label-fix-shell"));
                for command in &fix.set_outlook_provider {
                    let _ = writeln!(out, "  {command}");
                }
            }
            if let Some(setting) = &fix.outlook_setting {
                let _ = writeln!(out, "{}: {setting}", label("label-outlook-setting"));
            }
            if let Some(cn) = &fix.reissue_common_name {
                let _ = writeln!(out, "{} {cn}", label("label-reissue"));
            }
        }
    }
    if let Some(host) = &report.host {
        let coverage = match &host.matched {
            Some(name) => format!("{} {name}", label("label-covered-by")),
            None => label("label-not-covered"),
        };
        let _ = writeln!(out, "\n{} {}: {coverage}", label("label-host"), host.host);
    }
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        label("label-findings"),
        report.summary.errors,
        label("label-errors"),
        report.summary.warnings,
        label("label-warnings"),
        report.summary.infos,
        label("label-notes")
    );
    write_findings(&mut out, &report.findings, style, language);
    let _ = writeln!(
        out,
        "\n{} ({}):",
        label("label-chain"),
        language.word("chain-status", "status", report.chain.status)
    );
    let (issuer, valid, to, bits) = (
        label("label-issuer"),
        label("label-valid"),
        label("label-to"),
        label("label-bits"),
    );
    for (depth, &index) in report.chain.path.iter().enumerate() {
        if let Some(cert) = report.certificates.get(index) {
            let _ = writeln!(out, "  {depth}. {}", cert.subject);
            let key_bits = cert.key.bits.map(|b| format!(" {b} {bits}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "     {issuer} {} | {valid} {} {to} {} | {}{key_bits} | {} | SHA-1 {}",
                cert.issuer,
                cert.not_before,
                cert.not_after,
                cert.key.algorithm,
                cert.signature_algorithm,
                cert.sha1_thumbprint
            );
            if depth == 0 && !cert.dns_names.is_empty() {
                let _ = writeln!(out, "     {}: {}", label("label-dns-names"), cert.dns_names.join(", "));
            }
        }
    }
    if let Some(anchor) = report.chain.anchor.as_ref().filter(|a| a.certificate.is_none()) {
        let _ = writeln!(out, "  {}: {}", label("label-trusted-root"), anchor.subject);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::signature::{SignatureCheck, Verification, Verifier};
    use crate::{analyze, Input, Options, UnixTime};

    /// Signatures are not wording's concern (and the engine may be built without a verifier).
    struct Accept;

    impl Verifier for Accept {
        fn verify(&self, _: &SignatureCheck<'_>) -> Verification {
            Verification::Valid
        }
    }

    /// Reports that between them hold most kinds of findings and every kind of line.
    fn reports() -> Vec<Report> {
        let check = |files: &[&[u8]], principal: &str, host: Option<&str>, trusted: bool| {
            let inputs: Vec<Input<'_>> = files
                .iter()
                .map(|bytes| {
                    let input = Input::new("given", bytes);
                    if trusted {
                        input.trusted()
                    } else {
                        input
                    }
                })
                .collect();
            let options = Options {
                principal: Some(principal),
                host,
                now: UnixTime(1_767_225_600),
                trust: None,
                windows_trust: None,
                verifier: &Accept,
                revocation: &[],
            };
            analyze(&inputs, &options).unwrap()
        };
        vec![
            check(
                &[
                    include_bytes!("../../tests/data/contoso-leaf.pem"),
                    include_bytes!("../../tests/data/contoso-chain.pem"),
                ],
                "msstd:other.contoso.com",
                Some("mail.contoso.com"),
                false,
            ),
            check(
                &[include_bytes!("../../tests/data/selfsigned-exchange.pem")],
                "Set-OutlookProvider EXPR -CertPrincipalName \"msstd: mail.contoso.com\"",
                Some("mail.contoso.com"),
                true,
            ),
            check(
                &[include_bytes!("../../tests/data/md5-selfsigned.pem")],
                "none",
                None,
                false,
            ),
            check(
                &[include_bytes!("../../tests/data/multiple-cn.pem")],
                "msstd:mail.contoso.com",
                None,
                false,
            ),
        ]
    }

    /// The words of `text` of four characters or more, with a letter.
    fn words(text: &str) -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
            .map(str::to_owned)
            .collect()
    }

    /// English words of the text report that a language's output repeats: neither data of the
    /// report (names, dates, algorithms) nor words that language's own file uses. A word found
    /// is English the catalogue does not hold (a sentence worded in code).
    fn english_left(language: Language, own_file: &str) -> Vec<String> {
        let mut left = BTreeSet::new();
        let own = words(own_file);
        for report in reports() {
            let data = words(&serde_json::to_string(&report).unwrap());
            let english = words(&text_in(&report, Style::Plain, Language::En));
            for word in words(&text_in(&report, Style::Plain, language)) {
                if english.contains(&word) && !data.contains(&word) && !own.contains(&word) {
                    left.insert(word);
                }
            }
        }
        left.into_iter().collect()
    }

    #[test]
    fn a_catalogue_read_back_from_its_text_words_as_the_built_in_one() {
        for &language in Language::ALL {
            let built_in = language.catalogue();
            let text = catalogue_text(language).unwrap();
            let read = Catalogue::decode(&text, &catalogues::EN, catalogues::LEFT_OUT).unwrap();
            assert_eq!(read.messages.len(), built_in.messages.len());
            for (a, b) in read.messages.iter().zip(built_in.messages) {
                assert_eq!(
                    (a.id, a.value, a.attributes),
                    (b.id, b.value, b.attributes),
                    "{language:?}"
                );
            }
            // Cut short, another build's, a message missing or out of order: refused.
            assert!(Catalogue::decode(&text[..text.len() - 1], &catalogues::EN, catalogues::LEFT_OUT).is_err());
            assert!(Catalogue::decode(&text[..text.len() / 2], &catalogues::EN, catalogues::LEFT_OUT).is_err());
            assert!(Catalogue::decode("", &catalogues::EN, catalogues::LEFT_OUT).is_err());
            assert!(Catalogue::decode(
                &text.replacen("CERT_EXPIRED", "CERT_EXPIRED_X", 1),
                &catalogues::EN,
                catalogues::LEFT_OUT
            )
            .is_err());
            let first = text.find('\u{1e}').unwrap() + 1;
            assert!(
                Catalogue::decode(&text[first..], &catalogues::EN, catalogues::LEFT_OUT).is_err(),
                "one message missing"
            );
            let second = first + text[first..].find('\u{1e}').unwrap() + 1;
            let swapped = format!("{}{}{}", &text[first..second], &text[..first], &text[second..]);
            assert!(
                Catalogue::decode(&swapped, &catalogues::EN, catalogues::LEFT_OUT).is_err(),
                "out of order"
            );
        }
        // A language built in is loaded already; loading it again keeps it.
        assert!(is_loaded(Language::It));
        assert_eq!(load_language(Language::It, "garbage"), Ok(()));
    }

    #[test]
    fn every_file_in_locales_is_a_language() {
        let tags: Vec<&str> = Language::ALL
            .iter()
            .map(|l| l.tag())
            .filter(|t| *t != Language::Pseudo.tag())
            .collect();
        assert_eq!(tags, catalogues::TAGS);
        assert_eq!(Language::from_tag("it-IT"), Language::It);
        assert_eq!(Language::from_tag("IT"), Language::It);
        assert_eq!(Language::from_tag("en-GB"), Language::En);
        assert_eq!(Language::from_tag("de"), Language::En);
        assert_eq!(Language::from_tag(""), Language::En);
    }

    /// A third language is one file and one line: the pseudo-locale, generated from en.ftl,
    /// words every finding, every fix and every line of the text report, and nothing English
    /// is left in its output or in the Italian one.
    #[test]
    fn the_pseudo_locale_and_italian_word_everything() {
        // Only a build without Exchange's settings leaves messages out: their codes never occur.
        assert_eq!(catalogues::LEFT_OUT.is_empty(), cfg!(feature = "exchange-settings"));
        for &code in Code::ALL {
            if catalogues::LEFT_OUT.contains(&code.as_str()) {
                continue;
            }
            let finding = Finding::new(code, Severity::Info);
            for &language in Language::ALL {
                assert!(!message_in(&finding, language).is_empty(), "{code:?} {language:?}");
            }
            let english = message_in(&finding, Language::En);
            assert_ne!(english, message_in(&finding, Language::It), "{code:?}");
            assert_ne!(english, message_in(&finding, Language::Pseudo), "{code:?}");
            assert_eq!(
                fix_in(&finding, Language::En).is_some(),
                fix_in(&finding, Language::Pseudo).is_some(),
                "{code:?}"
            );
        }
        assert_eq!(english_left(Language::Pseudo, ""), Vec::<String>::new());
        assert_eq!(
            english_left(Language::It, include_str!("../../locales/it.ftl")),
            Vec::<String>::new()
        );
        for report in reports() {
            let pseudo = text_in(&report, Style::Plain, Language::Pseudo);
            assert!(pseudo.starts_with("Wíll Óútlóók Áñýwhéré çóññéçt?"), "{pseudo}");
        }
    }

    /// Every word the page shows by key (`t('key')` in app.js, `data-i18n` in index.html) is a
    /// message of every language.
    #[test]
    fn the_page_words_nothing_the_catalogues_lack() {
        let mut keys = Vec::new();
        for (text, start) in [
            (include_str!("../../www/app.js"), "t('"),
            (include_str!("../../index.html"), "data-i18n=\""),
            (include_str!("../../index.html"), "data-i18n-block=\""),
        ] {
            for (at, _) in text.match_indices(start) {
                // `t('key')`, not `set('key')`.
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let key: String = text[at + start.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                keys.push(key);
            }
        }
        keys.extend(["error", "warning", "info"].map(str::to_owned));
        assert!(keys.len() > 60, "{keys:?}");
        for &language in Language::ALL {
            let messages: Vec<String> = page_messages(language).into_iter().map(|(id, _)| id).collect();
            for key in &keys {
                let found = messages.iter().any(|id| {
                    id == key
                        || id
                            .strip_prefix("page-")
                            .is_some_and(|k| k == key || k.starts_with(&format!("{key}.")))
                });
                assert!(
                    found,
                    "{language:?}: the page shows {key}, which no catalogue message words"
                );
            }
        }
    }

    /// The catalogues word a finding only with the parameters its code declares
    /// (`Code::params`), and the few the renderer derives: a misspelt name fails here.
    #[test]
    fn the_catalogues_use_only_declared_parameters() {
        const DERIVED: &[&str] = &["count", "defects_worded", "each", "sources_worded", "value"];
        for &language in Language::ALL {
            let catalogue = language.catalogue();
            for &code in Code::ALL {
                for attribute in [None, Some("fix"), Some("condition")] {
                    for variable in catalogue.all_variables(code.as_str(), attribute) {
                        assert!(
                            code.params().contains(&variable) || DERIVED.contains(&variable),
                            "{language:?} {}{}: ${variable} is not a parameter of the code",
                            code.as_str(),
                            attribute.map(|a| format!(".{a}")).unwrap_or_default()
                        );
                    }
                }
            }
        }
    }

    /// Each revocation failure code has words of its own in every language (none falls to the
    /// default variant, which words `malformed`), with its detail.
    #[test]
    fn every_revocation_failure_is_worded() {
        for &language in Language::ALL {
            let words = |failure: crate::revocation::Failure| {
                let detail = failure.detail().and_then(|n| i64::try_from(n).ok()).unwrap_or_default();
                let args = Args::default()
                    .with("reason", Arg::Text(failure.code()))
                    .with("detail", Arg::Number(detail))
                    .with("source", Arg::Text("ocsp"));
                language
                    .catalogue()
                    .format("revocation-failure", None, &args)
                    .unwrap_or_default()
            };
            let malformed = words(crate::revocation::Failure::Malformed);
            let mut seen = BTreeSet::new();
            for failure in crate::revocation::every_failure() {
                let text = words(failure);
                assert!(seen.insert(text.clone()), "{language:?} {failure:?}: {text}");
                if failure != crate::revocation::Failure::Malformed {
                    assert_ne!(text, malformed, "{language:?} {failure:?}");
                }
                if let Some(detail) = failure.detail() {
                    assert!(text.contains(&detail.to_string()), "{language:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn principal_lines() {
        let p =
            crate::principal::parse("Set-OutlookProvider EXPR -CertPrincipalName \"msstd: mail.contoso.com\"").unwrap();
        assert_eq!(
            principal_in(&p, Language::En),
            "Set-OutlookProvider (EXPR): msstd:mail.contoso.com — there is a space after msstd: → msstd:mail.contoso.com"
        );
        let unset =
            crate::principal::parse("<Protocol><Type>EXPR</Type><Server>mail.contoso.com</Server></Protocol>").unwrap();
        assert_eq!(
            principal_in(&unset, Language::It),
            "XML di Autodiscover (EXPR): non impostato → msstd:mail.contoso.com"
        );
    }

    #[test]
    fn the_severity_tags_line_up_in_each_language() {
        assert_eq!(tags(Language::En, Style::Plain)(Severity::Warning), "WARN ");
        assert_eq!(tags(Language::It, Style::Plain)(Severity::Info), "NOTA  ");
        assert_eq!(
            tags(Language::En, Style::Ansi)(Severity::Error),
            "\x1b[1;31mERROR\x1b[0m"
        );
    }
}
