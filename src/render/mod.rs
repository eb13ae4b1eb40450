//! Wording: findings and reports in words. The engine's findings are codes and parameters;
//! each [`Language`]'s catalogue turns them into sentences, and every face (the command line,
//! the page) words them from here, so they all say the same thing.

mod domain;
mod en;
mod it;

pub use domain::{domain_text_in, endpoint_line, worded_domain};

use std::fmt::Write;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::clients::{Client, ClientVerdict, Connects, Overall};
use crate::domain::{DomainOutcome, EndpointOutcome, Method};
use crate::msstd::Outcome;
use crate::principal::{Form, Principal, PrincipalValue};
use crate::{ChainStatus, Code, Finding, Report, Severity};

/// A language the findings can be worded in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Italian: admins search for "Impossibile stabilire un'autenticazione reciproca".
    It,
}

impl Language {
    /// The language for a BCP 47 tag such as `it-IT`; English for anything not translated.
    pub fn from_tag(tag: &str) -> Self {
        match tag.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("it") => Self::It,
            _ => Self::En,
        }
    }

    fn catalogue(self) -> &'static dyn Catalogue {
        match self {
            Self::En => &en::English,
            Self::It => &it::Italian,
        }
    }
}

/// Fixed words of the text layout.
pub(crate) struct Labels {
    name_check: &'static str,
    modern_windows: &'static str,
    legacy_windows: &'static str,
    fix_shell: &'static str,
    outlook_setting: &'static str,
    reissue: &'static str,
    host: &'static str,
    covered_by: &'static str,
    not_covered: &'static str,
    findings: &'static str,
    errors: &'static str,
    warnings: &'static str,
    notes: &'static str,
    fix: &'static str,
    chain: &'static str,
    issuer: &'static str,
    valid: &'static str,
    to: &'static str,
    dns_names: &'static str,
    trusted_root: &'static str,
    bits: &'static str,
}

/// One language's words.
trait Catalogue: Sync {
    fn message(&self, finding: &Finding) -> String;
    fn fix(&self, finding: &Finding) -> Option<String>;
    fn headline(&self, code: Option<Code>, principal: &str) -> String;
    fn outcome(&self, outcome: Outcome) -> &'static str;
    fn chain(&self, status: ChainStatus) -> &'static str;
    fn answer(&self, overall: Overall) -> &'static str;
    fn client(&self, client: Client) -> &'static str;
    fn connects(&self, connects: Connects) -> &'static str;
    fn condition(&self, code: Code) -> Option<&'static str>;
    fn labels(&self) -> &'static Labels;
    fn form(&self, form: Form) -> &'static str;
    fn defect(&self, code: &str) -> &'static str;
    /// The domain check's answer; `{domain}` stands for the domain.
    fn domain_answer(&self, outcome: DomainOutcome) -> &'static str;
    fn endpoint(&self, outcome: EndpointOutcome) -> &'static str;
    fn endpoint_not_reached(&self) -> &'static str;
    fn method(&self, method: Method) -> &'static str;
}

/// The finding in one English sentence.
pub fn message(finding: &Finding) -> String {
    message_in(finding, Language::En)
}

/// The finding in one sentence of `language`.
pub fn message_in(finding: &Finding, language: Language) -> String {
    language.catalogue().message(finding)
}

/// What to do about the finding, in English, when there is something to do.
pub fn fix(finding: &Finding) -> Option<String> {
    fix_in(finding, Language::En)
}

/// What to do about the finding, in `language`.
pub fn fix_in(finding: &Finding, language: Language) -> Option<String> {
    language.catalogue().fix(finding)
}

/// The answer to "will Outlook Anywhere connect?", the line an admin reads first, in
/// `language`.
pub fn answer_in(report: &Report, language: Language) -> &'static str {
    language.catalogue().answer(report.summary.outcome)
}

/// One family of clients, named in `language`.
pub fn client_in(client: Client, language: Language) -> &'static str {
    language.catalogue().client(client)
}

/// Whether a family connects, in `language`, with the conditions it connects under when it
/// does ("connects, if the client can download the missing issuer").
pub fn connects_in(verdict: &ClientVerdict, report: &Report, language: Language) -> String {
    let words = language.catalogue();
    let conditions: Vec<&str> = verdict
        .findings
        .iter()
        .filter(|_| verdict.outcome != Connects::No)
        .filter_map(|&i| report.findings.get(i).and_then(|f| words.condition(f.code)))
        .collect();
    match conditions.as_slice() {
        [] => words.connects(verdict.outcome).to_owned(),
        _ => format!("{}, {}", words.connects(verdict.outcome), conditions.join("; ")),
    }
}

/// The msstd headline, in English.
pub fn headline(report: &Report) -> String {
    headline_in(report, Language::En)
}

/// The headline in `language`.
pub fn headline_in(report: &Report, language: Language) -> String {
    let msstd = report.msstd.as_ref();
    language.catalogue().headline(
        msstd.map(|m| m.code),
        msstd.and_then(|m| m.principal.as_deref()).unwrap_or_default(),
    )
}

/// What the principal paste was understood as, in one line of `language`: the form it came
/// in, the value, and its defects with the corrected value.
pub fn principal_in(principal: &Principal, language: Language) -> String {
    let words = language.catalogue();
    let mut line = words.form(principal.form).to_owned();
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
            line.push_str(words.defect("NOT_SET"));
            if let Some(server) = &principal.server {
                let _ = write!(line, " → msstd:{server}");
            }
        }
        PrincipalValue::Fullsic { subject } => {
            let _ = write!(line, "fullsic:{subject}");
        }
        PrincipalValue::Unusable => line.push_str(words.defect("EMPTY")),
    }
    if !principal.defects.is_empty() {
        let defects: Vec<&str> = principal.defects.iter().map(|d| words.defect(d.code())).collect();
        let _ = write!(line, " — {}", defects.join("; "));
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

/// [`json`] as a value, for faces that add to it (the relay adds the connection it used).
pub fn json_value(report: &Report) -> serde_json::Value {
    serde_json::to_value(Worded::new(report, Language::En)).unwrap_or_default()
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
        let mut map = serializer.serialize_struct("Report", 15)?;
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
        Self {
            finding,
            message: message_in(finding, language),
            fix: fix_in(finding, language),
        }
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

fn tag(severity: Severity, style: Style) -> String {
    let (word, colour) = match severity {
        Severity::Error => ("ERROR", "31"),
        Severity::Warning => ("WARN ", "33"),
        Severity::Info => ("INFO ", "36"),
    };
    match style {
        Style::Plain => word.to_owned(),
        Style::Ansi => format!("\x1b[1;{colour}m{word}\x1b[0m"),
    }
}

/// Each finding on a line (severity, code, sentence), its fix below it.
fn write_findings(out: &mut String, findings: &[Finding], style: Style, words: &dyn Catalogue) {
    for finding in findings {
        let _ = writeln!(
            out,
            "{} {:<20} {}",
            tag(finding.severity, style),
            finding.code.as_str(),
            words.message(finding)
        );
        if let Some(fix) = words.fix(finding) {
            let _ = writeln!(out, "      {}: {fix}", words.labels().fix);
        }
    }
}

/// The whole report as English text for a terminal or a file.
pub fn text(report: &Report, style: Style) -> String {
    text_in(report, style, Language::En)
}

/// The whole report as text in `language`.
pub fn text_in(report: &Report, style: Style, language: Language) -> String {
    let words = language.catalogue();
    let labels = words.labels();
    let mut out = String::new();
    let _ = writeln!(out, "{}", words.answer(report.summary.outcome));
    for verdict in &report.clients {
        let why = verdict
            .findings
            .first()
            .and_then(|&i| report.findings.get(i))
            .filter(|_| verdict.outcome == Connects::No)
            .map(|f| format!(": {}", words.message(f)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}: {}{why}",
            words.client(verdict.client),
            connects_in(verdict, report, language)
        );
    }
    let _ = writeln!(out, "\n{}", headline_in(report, language));
    if let Some(verdict) = &report.msstd {
        if verdict.legacy_windows != Outcome::NotChecked {
            let _ = writeln!(
                out,
                "  {}: {}: {}; {}: {}",
                labels.name_check,
                labels.modern_windows,
                words.outcome(verdict.modern_windows),
                labels.legacy_windows,
                words.outcome(verdict.legacy_windows)
            );
        }
        if let Some(fix) = &verdict.fix {
            if !fix.set_outlook_provider.is_empty() {
                let _ = writeln!(out, "\n{}", labels.fix_shell);
                for command in &fix.set_outlook_provider {
                    let _ = writeln!(out, "  {command}");
                }
            }
            if let Some(setting) = &fix.outlook_setting {
                let _ = writeln!(out, "{}: {setting}", labels.outlook_setting);
            }
            if let Some(cn) = &fix.reissue_common_name {
                let _ = writeln!(out, "{} {cn}", labels.reissue);
            }
        }
    }
    if let Some(host) = &report.host {
        let coverage = match &host.matched {
            Some(name) => format!("{} {name}", labels.covered_by),
            None => labels.not_covered.to_owned(),
        };
        let _ = writeln!(out, "\n{} {}: {coverage}", labels.host, host.host);
    }
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        labels.findings,
        report.summary.errors,
        labels.errors,
        report.summary.warnings,
        labels.warnings,
        report.summary.infos,
        labels.notes
    );
    write_findings(&mut out, &report.findings, style, words);
    let _ = writeln!(out, "\n{} ({}):", labels.chain, words.chain(report.chain.status));
    for (depth, &index) in report.chain.path.iter().enumerate() {
        if let Some(cert) = report.certificates.get(index) {
            let _ = writeln!(out, "  {depth}. {}", cert.subject);
            let bits = cert
                .key
                .bits
                .map(|b| format!(" {b} {}", labels.bits))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "     {} {} | {} {} {} {} | {}{bits} | {} | SHA-1 {}",
                labels.issuer,
                cert.issuer,
                labels.valid,
                cert.not_before,
                labels.to,
                cert.not_after,
                cert.key.algorithm,
                cert.signature_algorithm,
                cert.sha1_thumbprint
            );
            if depth == 0 && !cert.dns_names.is_empty() {
                let _ = writeln!(out, "     {}: {}", labels.dns_names, cert.dns_names.join(", "));
            }
        }
    }
    if let Some(anchor) = report.chain.anchor.as_ref().filter(|a| a.certificate.is_none()) {
        let _ = writeln!(out, "  {}: {}", labels.trusted_root, anchor.subject);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_message_in_every_language() {
        for &code in Code::ALL {
            let finding = Finding::new(code, Severity::Info);
            for language in [Language::En, Language::It] {
                assert!(!message_in(&finding, language).is_empty(), "{code:?} {language:?}");
            }
            assert_ne!(
                message_in(&finding, Language::En),
                message_in(&finding, Language::It),
                "{code:?}"
            );
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
    fn language_tags() {
        assert_eq!(Language::from_tag("it-IT"), Language::It);
        assert_eq!(Language::from_tag("IT"), Language::It);
        assert_eq!(Language::from_tag("en-GB"), Language::En);
        assert_eq!(Language::from_tag("de"), Language::En);
        assert_eq!(Language::from_tag(""), Language::En);
    }
}
