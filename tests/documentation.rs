//! The public contract stays documented: every finding code is in `docs/findings.md` and the
//! JSON schema, and every field a report emits is declared in `docs/report-schema.json`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::schema::conforms;
use common::*;
use msstd_check::{analyze, Code, TrustStore};
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

const NAMED: &str = "CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}\nServices : IIS\nSubject : CN=mail.contoso.com\nThumbprint : 00112233445566778899AABBCCDDEEFF00112233\n\nExternalHostname : mail.contoso.com\n";

const NAMED_WITH_ISSUER: &str = "Issuer : CN=Contoso CA\nNotAfter : 1/15/2027 10:00:00 AM\nSubject : CN=mail.contoso.com\nThumbprint : 00112233445566778899AABBCCDDEEFF00112233\n";
const CONNECTORS: &str = "CurrentCertificateThumbprint : 00112233445566778899AABBCCDDEEFF00112233\nNextCertificateThumbprint :\n\nIdentity : EX01\\owa (Default Web Site)\nInternalUrl : https://ex01.contoso.local/owa\nExternalUrl : https://mail.contoso.com/owa\n\nIdentity : Outbound\nAddressSpaces : {smtp:*;1}\nCloudServicesMailEnabled : True\nFqdn : mail.contoso.com\nTlsCertificateName : <I>CN=Test Issuing CA<S>CN=mail.contoso.com\n\nIdentity : EX01\\Frontend\nBindings : {0.0.0.0:25}\nTlsCertificateName :\n";

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
    // A certificate named, not given; and named beside the one given.
    let named = analyze(
        &[msstd_check::Input::new("fl.txt", NAMED.as_bytes())],
        &options(
            &TrustStore::mozilla(),
            Some("msstd:owa.contoso.com"),
            Some("mail.contoso.com"),
        ),
    )
    .unwrap();
    let beside = analyze(
        &[
            msstd_check::Input::new("fl.txt", NAMED.as_bytes()),
            msstd_check::Input::new("served.pem", pki.served().as_bytes()),
        ],
        &options(&TrustStore::mozilla(), None, None),
    )
    .unwrap();
    assert!(beside.findings.iter().any(|f| f.code == Code::NamesOtherCertificate));
    // Exchange's connectors, beside the certificate and a listed one.
    let connectors = format!("{}\n{CONNECTORS}", pki.served());
    let exchange = analyze(
        &[
            msstd_check::Input::new("pasted", connectors.as_bytes()),
            msstd_check::Input::new("fl.txt", NAMED_WITH_ISSUER.as_bytes()),
        ],
        &options(&TrustStore::mozilla(), None, None),
    )
    .unwrap();
    assert!(exchange.exchange.as_ref().is_some_and(|e| e.certificates.len() == 2));
    // A certificate request, beside URLs.
    let request = format!("{}\n{CONNECTORS}", String::from_utf8(data("request.csr")).unwrap());
    let request = analyze(
        &[msstd_check::Input::new("pasted", request.as_bytes())],
        &options(&TrustStore::mozilla(), None, Some("mail.contoso.com")),
    )
    .unwrap();
    assert!(request.findings.iter().any(|f| f.code == Code::RequestOnly));
    for report in reports.iter().chain([&named, &beside, &exchange, &request]) {
        let json: Value = serde_json::from_str(&msstd_check::render::json(report)).unwrap();
        conforms(&json, &schema, &schema, "report");
    }
}
