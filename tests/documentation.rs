//! The public contract stays documented: every finding code is in `docs/findings.md` and the
//! JSON schema, and every field a report emits is declared in `docs/report-schema.json`.

mod common;

use common::schema::conforms;
use common::*;
use msstd_check::Code;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(&read("docs/report-schema.json")).unwrap()
}

#[test]
fn every_code_is_documented_in_both_places() {
    let findings = read("docs/findings.md");
    let schema = schema();
    let enumerated: Vec<&str> = schema["$defs"]["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for code in Code::ALL {
        assert!(
            findings.contains(&format!("| `{}` |", code.as_str())),
            "{code:?} missing from findings.md"
        );
        assert!(enumerated.contains(&code.as_str()), "{code:?} missing from the schema");
    }
    assert_eq!(
        enumerated.len(),
        Code::ALL.len(),
        "the schema lists a code that does not exist"
    );
}

#[test]
fn reports_conform_to_the_schema() {
    let schema = schema();
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let reports = [
        check_with_root(
            &[&pki.served()],
            &pki.root,
            Some("msstd: mail.contoso.com"),
            Some("mail.contoso.com"),
        ),
        check_with_root(&[&pki.served()], &pki.root, Some("msstd:other.contoso.com"), None),
        check_with_root(&[&pki.served()], &pki.root, None, None),
        check_with_root(&[&pki.served()], &pki.root, Some("none"), None),
        check_with_root(&[&pki.served()], &pki.root, Some("fullsic:CN=x"), None),
    ];
    for report in &reports {
        let json: Value = serde_json::from_str(&msstd_check::render::json(report)).unwrap();
        conforms(&json, &schema, &schema, "report");
    }
}
