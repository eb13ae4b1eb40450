//! x509-limbo (C2SP's path-validation suite, `../shared/fixtures/limbo/limbo.json`): every
//! SERVER case runs through the engine, and "a strict client accepts"
//! ([`Report::strict_client_accepts`]) must match the case's expected result. A disagreement
//! passes only when `docs/conformance.md` lists the case with its reason, and a listed case
//! that agrees again fails too, so the list stays true. Cases that need an input the engine
//! does not take (a CRL, a maximum depth) or that the suite marks as contradicting the
//! CA/Browser Forum profile this tool follows are listed there as not run.
//!
//! Run `cargo test --test limbo -- --nocapture` for the table per family.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use msstd_check::signature::RustCrypto;
use msstd_check::{analyze, Input, Options, Report, TrustStore, UnixTime};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases() -> Vec<Value> {
    let path = root().join("../shared/fixtures/limbo/limbo.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let suite: Value = serde_json::from_str(&text).unwrap();
    suite["testcases"].as_array().unwrap().clone()
}

fn conformance_doc() -> String {
    std::fs::read_to_string(root().join("docs/conformance.md")).unwrap()
}

/// The case ids listed in a table of the conformance document under `heading`.
fn listed(doc: &str, heading: &str) -> BTreeSet<String> {
    let section = doc
        .split("\n### ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("docs/conformance.md has no section {heading:?}"));
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .map(str::to_owned)
        .collect()
}

/// The engine's report, or the reason it refused the input (a refusal is a rejection).
fn run(case: &Value) -> Result<Report, String> {
    let text = |v: &Value| v.as_str().unwrap().to_owned();
    let leaf = text(&case["peer_certificate"]);
    let intermediates: String = case["untrusted_intermediates"]
        .as_array()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    let trusted: String = case["trusted_certs"].as_array().unwrap().iter().map(text).collect();
    let mut inputs = vec![Input::new("peer", leaf.as_bytes())];
    if !intermediates.is_empty() {
        inputs.push(Input::new("intermediates", intermediates.as_bytes()));
    }
    if !trusted.is_empty() {
        inputs.push(Input::new("trusted", trusted.as_bytes()).trusted());
    }
    let host = case["expected_peer_name"]["value"].as_str();
    let now = case["validation_time"]
        .as_str()
        .map_or(UnixTime::parse_rfc3339("2026-06-01T00:00:00Z"), UnixTime::parse_rfc3339)
        .unwrap();
    let trust = TrustStore::empty();
    let options = Options {
        principal: None,
        host,
        now,
        trust: Some(&trust),
        windows_trust: None,
        verifier: &RustCrypto,
        revocation: &[],
    };
    analyze(&inputs, &options).map_err(|e| e.to_string())
}

#[test]
fn engine_agrees_with_x509_limbo() {
    let doc = conformance_doc();
    let not_run = listed(&doc, "Not run");
    let documented = listed(&doc, "Disagreements");
    let mut families: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut unexplained = Vec::new();
    let mut stale = Vec::new();
    let mut seen = BTreeSet::new();
    for case in cases().iter().filter(|c| c["validation_kind"] == "SERVER") {
        let id = case["id"].as_str().unwrap().to_owned();
        seen.insert(id.clone());
        let family = id.split("::").next().unwrap().to_owned();
        let row = families.entry(family).or_default();
        if not_run.contains(&id) {
            row[3] += 1;
            continue;
        }
        let report = run(case);
        let expected = case["expected_result"] == "SUCCESS";
        let accepted = report.as_ref().is_ok_and(Report::strict_client_accepts);
        row[0] += 1;
        if accepted == expected {
            row[1] += 1;
            if documented.contains(&id) {
                stale.push(id);
            }
        } else {
            row[2] += 1;
            if !documented.contains(&id) {
                let why = match &report {
                    Ok(report) => format!(
                        "{:?} {:?}",
                        report.chain.status,
                        report
                            .findings
                            .iter()
                            .filter(|f| f.blocks_strict_clients())
                            .map(|f| f.code.as_str())
                            .collect::<Vec<_>>()
                    ),
                    Err(refusal) => refusal.clone(),
                };
                unexplained.push(format!(
                    "{id}: expected {}, engine {accepted} ({why})",
                    case["expected_result"]
                ));
            }
        }
    }
    let mut table = vec![
        "| family | run | agree | disagree | not run |".to_owned(),
        "| --- | ---: | ---: | ---: | ---: |".to_owned(),
    ];
    let mut total = [0; 4];
    for (family, row) in &families {
        table.push(format!(
            "| `{family}::` | {} | {} | {} | {} |",
            row[0], row[1], row[2], row[3]
        ));
        for (sum, n) in total.iter_mut().zip(row) {
            *sum += n;
        }
    }
    table.push(format!(
        "| all | {} | {} | {} | {} |",
        total[0], total[1], total[2], total[3]
    ));
    let table = table.join("\n");
    println!("{table}\nagreement: {:.1} %", total[1] as f64 * 100.0 / total[0] as f64);
    let unknown: Vec<_> = not_run.union(&documented).filter(|id| !seen.contains(*id)).collect();
    assert!(
        unknown.is_empty(),
        "docs/conformance.md lists cases limbo.json does not have: {unknown:?}"
    );
    assert!(
        unexplained.is_empty(),
        "{} disagreements not in docs/conformance.md:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    assert!(stale.is_empty(), "listed as disagreements but now agree: {stale:?}");
    let doc = std::fs::read_to_string(root().join("docs/conformance.md")).unwrap();
    assert!(
        doc.contains(&table),
        "docs/conformance.md should show this table:\n{table}"
    );
}

/// The cases the first measurement named, each refused (or accepted) for the right reason.
#[test]
fn telling_cases_get_the_finding_that_names_them() {
    use msstd_check::Code;
    let cases = cases();
    let report = |id: &str| {
        let case = cases.iter().find(|c| c["id"] == id).unwrap_or_else(|| panic!("{id}"));
        run(case).unwrap_or_else(|e| panic!("{id}: {e}"))
    };
    let has = |id: &str, code: Code, param: Option<(&str, &str)>| {
        let r = report(id);
        let found = r
            .findings_with(code)
            .any(|f| param.is_none_or(|(name, value)| f.text(name) == value));
        assert!(found, "{id}: no {code:?} {param:?} in {:?}", r.findings);
    };
    has("rfc5280::intermediate-ca-without-ca-bit", Code::IssuerNotCa, None);
    has("pathlen::intermediate-violates-pathlen-0", Code::PathLenExceeded, None);
    has(
        "rfc5280::nc::permitted-dns-mismatch",
        Code::NameConstraintViolation,
        None,
    );
    has("rfc5280::nc::excluded-dns-match", Code::NameConstraintViolation, None);
    has(
        "rfc5280::nc::permitted-ip-mismatch",
        Code::NameConstraintViolation,
        None,
    );
    has("rfc5280::nc::excluded-dn-match", Code::NameConstraintViolation, None);
    has("cve::cve-2025-61727", Code::NameConstraintViolation, None);
    for place in ["ee", "intermediate", "root"] {
        has(
            &format!("rfc5280::unknown-critical-extension-{place}"),
            Code::ExtensionCriticalUnknown,
            None,
        );
    }
    has("webpki::forbidden-p192-leaf", Code::KeyWeak, Some(("curve", "P-192")));
    has(
        "webpki::forbidden-weak-rsa-key-in-root",
        Code::KeyWeak,
        Some(("reason", "size")),
    );
    has(
        "webpki::forbidden-dsa-leaf",
        Code::KeyWeak,
        Some(("reason", "algorithm")),
    );
    has("rfc5280::validity::expired-root", Code::CertExpired, None);
    has("webpki::cn::not-in-san", Code::LeafCnNotInSan, None);
    // The chain of pain: both roots trusted, the expired cross-signed intermediate passed over.
    let pain = report("pathological::multiple-chains-expired-intermediate");
    assert!(pain.strict_client_accepts(), "{:?}", pain.findings);
    assert!(pain.findings_with(Code::ChainAlternative).next().is_some());
}
