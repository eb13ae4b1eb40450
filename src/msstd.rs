//! The verdict: does the certificate satisfy the principal name, and on which Windows?
//!
//! The Windows RPC runtime compares, not Outlook: before Vista SP1 only the subject Common
//! Name counts; from Vista SP1 on, the Common Name or any SubjectAltName DNS name. Both
//! compare literally and case-insensitively (see `docs/findings.md` for the sources).

use serde::Serialize;

use crate::finding::{Code, Finding, Severity};
use crate::names::{is_wildcard, same, wildcard_matches};
use crate::principal::{Principal, PrincipalValue};

/// The outcome for one family of Windows clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Mutual authentication succeeds.
    Pass,
    /// "Mutual authentication could not be established".
    Fail,
    /// Undocumented behaviour: reports differ.
    Uncertain,
    /// Nothing was compared (`none`, `fullsic:`, or no value).
    NotChecked,
}

/// Which certificate name matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameSource {
    /// The subject Common Name.
    CommonName,
    /// A SubjectAltName entry.
    SubjectAltName,
    /// The subject e-mail address.
    Email,
}

/// A certificate name that matched, and where it sits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatchedName {
    /// Where the name sits in the certificate.
    pub source: NameSource,
    /// The name as the certificate writes it.
    pub name: String,
}

/// Exactly what to type to make mutual authentication work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The principal value that fits this certificate; `None` when no value does better than
    /// the current one (a certificate without a Common Name).
    pub principal: Option<String>,
    /// `principal` works on every Windows version (it is the Common Name).
    pub works_on_all_windows: bool,
    /// The commands for the Exchange Management Shell (EXPR; EXCH too on Exchange 2013+).
    pub set_outlook_provider: Vec<String>,
    /// What to type in Outlook's Exchange Proxy Settings, "Only connect to proxy servers that
    /// have this principal name in their certificate".
    pub outlook_setting: Option<String>,
    /// The alternative: re-issue the certificate with this name as its Common Name.
    pub reissue_common_name: Option<String>,
}

/// The msstd verdict for the leaf certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MsstdVerdict {
    /// The headline code: one of the `MSSTD_*` codes.
    pub code: Code,
    /// The principal compared (after correcting fixable defects), e.g. `msstd:mail.contoso.com`.
    pub principal: Option<String>,
    /// The principal was derived from the host, because no value is set.
    pub derived: bool,
    /// Windows XP, Server 2003 and Vista before SP1.
    pub legacy_windows: Outcome,
    /// Windows Vista SP1 and later.
    pub modern_windows: Outcome,
    /// The certificate name that matched.
    pub matched: Option<MatchedName>,
    /// What to change, when something should change.
    pub fix: Option<Fix>,
}

/// The leaf's names, as the comparisons need them: from the certificate, or from text that
/// names it (`Get-ExchangeCertificate` output) when no certificate was given.
pub(crate) struct LeafNames {
    pub common_names: Vec<String>,
    pub dns_names: Vec<String>,
    pub ip_addresses: Vec<std::net::IpAddr>,
    pub emails: Vec<String>,
}

/// Judges the principal (or, when none is set, `msstd:<host>`) against the leaf.
pub(crate) fn evaluate(
    principal: Option<&Principal>,
    host: Option<&str>,
    leaf: &LeafNames,
    leaf_index: usize,
    findings: &mut Vec<Finding>,
) -> Option<MsstdVerdict> {
    let verdict = evaluate_one(principal, host, leaf, leaf_index, findings);
    if let Some(principal) = principal.filter(|p| !p.others.is_empty()) {
        // Never glued together: each value found in the text is judged on its own.
        let others: Vec<String> = principal
            .others
            .iter()
            .map(|value| {
                let parsed = crate::principal::parse(value);
                evaluate_one(parsed.as_ref(), host, leaf, leaf_index, &mut Vec::new())
                    .map_or_else(String::new, |v| v.code.as_str().to_owned())
            })
            .collect();
        let first = principal.as_found.clone().unwrap_or_default();
        findings.push(
            Finding::new(Code::MsstdSeveral, Severity::Warning)
                .with(
                    "values",
                    std::iter::once(first)
                        .chain(principal.others.iter().cloned())
                        .collect::<Vec<_>>(),
                )
                .with(
                    "verdicts",
                    std::iter::once(
                        verdict
                            .as_ref()
                            .map_or_else(String::new, |v| v.code.as_str().to_owned()),
                    )
                    .chain(others)
                    .collect::<Vec<_>>(),
                ),
        );
    }
    verdict
}

// Called for the principal and for every other value in its text: one copy in the page's
// module (with named::report not inlined either, 0.7 KB of gzip less: bench/build-module.sh).
#[inline(never)]
fn evaluate_one(
    principal: Option<&Principal>,
    host: Option<&str>,
    leaf: &LeafNames,
    leaf_index: usize,
    findings: &mut Vec<Finding>,
) -> Option<MsstdVerdict> {
    let not_checked = |code| MsstdVerdict {
        code,
        principal: None,
        derived: false,
        legacy_windows: Outcome::NotChecked,
        modern_windows: Outcome::NotChecked,
        matched: None,
        fix: None,
    };
    let derived_from = principal.and_then(|p| p.server.as_deref()).or(host);
    let (name, derived) = match principal.map(|p| &p.value) {
        Some(PrincipalValue::Msstd { name }) => (name.clone(), false),
        None | Some(PrincipalValue::NotSet) => (derived_from?.to_owned(), true),
        Some(PrincipalValue::Disabled) => {
            findings.push(Finding::new(Code::MsstdDisabled, Severity::Info));
            return Some(not_checked(Code::MsstdDisabled));
        }
        Some(PrincipalValue::Fullsic { subject }) => {
            findings.push(Finding::new(Code::MsstdFullsic, Severity::Warning).with("subject", subject.clone()));
            return Some(not_checked(Code::MsstdFullsic));
        }
        Some(PrincipalValue::Unusable) => {
            let principal = principal?;
            findings.push(syntax_finding(principal));
            let mut verdict = not_checked(Code::MsstdSyntax);
            verdict.fix = Some(fix(leaf, None, Code::MsstdMismatch));
            return Some(verdict);
        }
    };
    let principal_text = format!("msstd:{name}");
    if derived {
        findings.push(Finding::new(Code::MsstdDerived, Severity::Info).with("principal", principal_text.clone()));
    }
    let has_defects = principal.is_some_and(|p| !p.defects.is_empty());
    if let Some(p) = principal.filter(|_| has_defects) {
        findings.push(syntax_finding(p));
    }
    leaf_facts(leaf, leaf_index, findings);

    let cn = leaf.common_names.iter().find(|c| same(c, &name));
    let san = leaf.dns_names.iter().find(|d| same(d, &name));
    let email = leaf.emails.iter().find(|e| e.contains('@'));
    let email_match = email.filter(|e| same(e, &name));
    let wildcard = leaf
        .common_names
        .iter()
        .chain(&leaf.dns_names)
        .find(|pattern| wildcard_matches(pattern, &name));
    let (code, severity, legacy, modern, matched) = if let Some(cn) = cn {
        let legacy = if email.is_some() {
            Outcome::Uncertain
        } else {
            Outcome::Pass
        };
        (
            Code::MsstdMatch,
            Severity::Info,
            legacy,
            Outcome::Pass,
            Some((NameSource::CommonName, cn)),
        )
    } else if let Some(e) = email_match {
        (
            Code::MsstdMatch,
            Severity::Info,
            Outcome::Pass,
            Outcome::Pass,
            Some((NameSource::Email, e)),
        )
    } else if let Some(san) = san {
        (
            Code::MsstdSanOnly,
            Severity::Warning,
            Outcome::Fail,
            Outcome::Pass,
            Some((NameSource::SubjectAltName, san)),
        )
    } else if let Some(pattern) = wildcard {
        let source = if leaf.common_names.contains(pattern) {
            NameSource::CommonName
        } else {
            NameSource::SubjectAltName
        };
        (
            Code::MsstdWildcard,
            Severity::Warning,
            Outcome::Fail,
            Outcome::Uncertain,
            Some((source, pattern)),
        )
    } else {
        (Code::MsstdMismatch, Severity::Error, Outcome::Fail, Outcome::Fail, None)
    };
    let fix = (code != Code::MsstdMatch || has_defects).then(|| fix(leaf, Some(&name), code));
    let mut finding = Finding::new(code, severity)
        .about(leaf_index)
        .with("principal", principal_text.clone())
        .with("name", name.clone())
        .with("common_names", leaf.common_names.clone());
    if let Some((_, matched)) = matched {
        finding = finding.with("matched", matched.clone());
    }
    if let Some(recommended) = fix.as_ref().and_then(|f| f.principal.clone()) {
        finding = finding.with("recommended", recommended);
    }
    findings.push(finding);
    Some(MsstdVerdict {
        code: if has_defects { Code::MsstdSyntax } else { code },
        principal: Some(principal_text),
        derived,
        legacy_windows: legacy,
        modern_windows: modern,
        matched: matched.map(|(source, name)| MatchedName {
            source,
            name: name.clone(),
        }),
        fix,
    })
}

fn syntax_finding(principal: &Principal) -> Finding {
    let defects: Vec<String> = principal.defects.iter().map(|d| d.code().to_owned()).collect();
    let mut finding = Finding::new(Code::MsstdSyntax, Severity::Error)
        .with("as_found", principal.as_found.clone().unwrap_or_default())
        .with("defects", defects);
    if let Some(corrected) = &principal.corrected {
        finding = finding.with("corrected", corrected.clone());
    }
    finding
}

/// Certificate facts that decide the comparison whatever the principal.
fn leaf_facts(leaf: &LeafNames, leaf_index: usize, findings: &mut Vec<Finding>) {
    match leaf.common_names.len() {
        0 => findings.push(Finding::new(Code::MsstdNoCn, Severity::Warning).about(leaf_index)),
        1 => {}
        _ => findings.push(
            Finding::new(Code::MsstdMultipleCn, Severity::Warning)
                .about(leaf_index)
                .with("common_names", leaf.common_names.clone()),
        ),
    }
    if let Some(email) = leaf.emails.iter().find(|e| e.contains('@')) {
        findings.push(
            Finding::new(Code::MsstdEmailSubject, Severity::Warning)
                .about(leaf_index)
                .with("email", email.clone())
                .with("principal", format!("msstd:{email}")),
        );
    }
}

/// The value that fits this certificate: its Common Name works on every Windows version
/// (a wildcard CN included, written literally, as Microsoft documents for wildcard
/// certificates). Without a CN, the first DNS name, for Vista SP1 and later only.
fn fix(leaf: &LeafNames, name: Option<&str>, code: Code) -> Fix {
    let (principal, everywhere) = match (code, name, leaf.common_names.first()) {
        (Code::MsstdMatch, Some(name), _) => (Some(name.to_owned()), true),
        (_, _, Some(cn)) => (Some(cn.clone()), true),
        (Code::MsstdSanOnly, _, None) => (None, false),
        (_, _, None) => (leaf.dns_names.first().cloned(), false),
    };
    let principal = principal.map(|p| format!("msstd:{p}"));
    let set_outlook_provider = principal
        .iter()
        .flat_map(|p| {
            ["EXPR", "EXCH"].map(|provider| format!("Set-OutlookProvider {provider} -CertPrincipalName \"{p}\""))
        })
        .collect();
    let reissue_common_name = match (code, name) {
        (Code::MsstdMatch, _) | (_, None) => None,
        (_, Some(name)) if is_wildcard(name) => None,
        (_, Some(name)) => Some(name.to_owned()),
    };
    Fix {
        outlook_setting: principal.clone(),
        principal,
        works_on_all_windows: everywhere,
        set_outlook_provider,
        reissue_common_name,
    }
}
