//! The domain check in words: the text the command line prints and the JSON with each finding
//! worded, for [`DomainReport`]s.

use std::fmt::Write as _;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::catalogue::{Arg, Args};
use super::{write_findings, Language, Style, Worded, WordedFinding};
use crate::domain::{DomainReport, Endpoint, EndpointOutcome};

/// The domain check as text in `language`: the answer, each place in Outlook's order with what
/// it does to Outlook, then the findings with their fixes.
pub fn domain_text_in(report: &DomainReport, style: Style, language: Language) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", domain_answer(report, language));
    for (number, endpoint) in report.endpoints.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. [{}] {}\n     {}",
            number + 1,
            language.word("method", "method", endpoint.method),
            endpoint.url,
            endpoint_line(endpoint, language)
        );
    }
    if !report.findings.is_empty() {
        out.push('\n');
    }
    write_findings(&mut out, &report.findings, style, language);
    out
}

/// What one place does to Outlook, in one line of `language`: the outcome, the status, where it
/// points, why nothing answered or why Windows refuses the certificate.
pub fn endpoint_line(endpoint: &Endpoint, language: Language) -> String {
    let mut line = if endpoint.reached {
        language.word("endpoint", "outcome", endpoint.outcome)
    } else {
        language.say("endpoint-not-reached")
    };
    if let Some(status) = endpoint.status {
        let _ = write!(line, " (HTTP {status})");
    }
    if let Some(location) = &endpoint.location {
        let _ = write!(line, " -> {location}");
    }
    if let Some(error) = &endpoint.error {
        let _ = write!(line, " ({})", error.detail);
    }
    if let Some(reason) = first_alert(endpoint) {
        let _ = write!(line, ": {}", super::message_in(reason, language));
    }
    line
}

/// "Will Outlook find Autodiscover for DOMAIN?" and the answer.
fn domain_answer(report: &DomainReport, language: Language) -> String {
    let args = Args::default()
        .with("outcome", Arg::Owned(format!("{:?}", report.outcome)))
        .with("domain", Arg::Text(&report.domain));
    language
        .catalogue()
        .format("domain-answer", None, &args)
        .unwrap_or_default()
}

fn first_alert(endpoint: &Endpoint) -> Option<&crate::Finding> {
    let report = endpoint.report.as_ref()?;
    (endpoint.outcome == EndpointOutcome::Alert)
        .then(|| endpoint.alert.first().and_then(|&i| report.findings.get(i)))
        .flatten()
}

/// The domain report with every finding worded in `language` (each endpoint's report too).
pub fn worded_domain(report: &DomainReport, language: Language) -> impl Serialize + '_ {
    WordedDomain { report, language }
}

struct WordedDomain<'a> {
    report: &'a DomainReport,
    language: Language,
}

impl Serialize for WordedDomain<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.report;
        let language = self.language;
        let endpoints: Vec<WordedEndpoint<'_>> = r
            .endpoints
            .iter()
            .map(|endpoint| WordedEndpoint { endpoint, language })
            .collect();
        let findings: Vec<WordedFinding<'_>> = r.findings.iter().map(|f| WordedFinding::new(f, language)).collect();
        let mut map = serializer.serialize_struct("DomainReport", 8)?;
        map.serialize_field("schema", &r.schema)?;
        map.serialize_field("domain", &r.domain)?;
        map.serialize_field("checked_at", &r.checked_at)?;
        map.serialize_field("answer", &domain_answer(r, language))?;
        map.serialize_field("outcome", &r.outcome)?;
        map.serialize_field("used", &r.used)?;
        map.serialize_field("endpoints", &endpoints)?;
        map.serialize_field("findings", &findings)?;
        map.end()
    }
}

struct WordedEndpoint<'a> {
    endpoint: &'a Endpoint,
    language: Language,
}

impl Serialize for WordedEndpoint<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.endpoint;
        let mut map = serializer.serialize_struct("Endpoint", 12)?;
        map.serialize_field("method", &e.method)?;
        map.serialize_field("url", &e.url)?;
        map.serialize_field("outcome", &e.outcome)?;
        map.serialize_field("reached", &e.reached)?;
        map.serialize_field("status", &e.status)?;
        map.serialize_field("autodiscover", &e.autodiscover)?;
        map.serialize_field("location", &e.location)?;
        map.serialize_field("error", &e.error)?;
        map.serialize_field("alert", &e.alert)?;
        map.serialize_field("report", &e.report.as_ref().map(|r| Worded::new(r, self.language)))?;
        map.serialize_field("summary", &endpoint_line(e, self.language))?;
        map.end()
    }
}
