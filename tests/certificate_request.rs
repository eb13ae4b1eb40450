//! A certificate request checked before it is bought: requests generated here (rcgen), PEM and
//! DER and bare base64 as `New-ExchangeCertificate -GenerateRequest` writes them, judged as the
//! certificate they will become for the msstd name, the host, Autodiscover and the URLs given,
//! and their key for Exchange; the report says it is a request and checks no chain.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::{key, now, params};
use msstd_check::render::{text_in, Language, Style};
use msstd_check::{analyze, ChainStatus, Code, Connects, Format, Input, Options, Report, TrustStore};

fn request(
    dns_names: &[&str],
    key_pair: &rcgen::KeyPair,
    attributes: Vec<rcgen::Attribute>,
) -> rcgen::CertificateSigningRequest {
    let mut p = params(&["mail.contoso.com"], dns_names);
    // A request has no issuer to identify.
    p.use_authority_key_identifier_extension = false;
    p.serialize_request_with_attributes(key_pair, attributes).unwrap()
}

fn check(inputs: &[Input<'_>], principal: Option<&str>, host: Option<&str>) -> Report {
    let trust = TrustStore::mozilla();
    let options = Options::new(now(), &msstd_check::signature::RustCrypto)
        .principal(principal)
        .host(host)
        .trust(&trust);
    analyze(inputs, &options).unwrap()
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn a_request_without_the_autodiscover_name_in_every_form() {
    let rsa = common::rsa_key(2048);
    let csr = request(&["mail.contoso.com"], &rsa, Vec::new());
    let pem = csr.pem().unwrap();
    // New-ExchangeCertificate -GenerateRequest: "-----BEGIN NEW CERTIFICATE REQUEST-----".
    let exchange_pem = pem.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    let bare: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = csr.der().to_vec();
    for (form, bytes) in [
        ("pem", pem.as_bytes()),
        ("exchange pem", exchange_pem.as_bytes()),
        ("base64", bare.as_bytes()),
        ("der", der.as_slice()),
    ] {
        let report = check(&[Input::new("request.req", bytes)], None, Some("mail.contoso.com"));
        assert_eq!(report.inputs[0].format, Format::CertificateRequest, "{form}");
        assert_eq!(report.chain.status, ChainStatus::NotGiven, "{form}");
        assert_eq!(
            codes(&report),
            ["REQUEST_ONLY", "AUTODISCOVER_MISSING", "MSSTD_DERIVED", "MSSTD_MATCH"],
            "{form}"
        );
        let only = report.findings_with(Code::RequestOnly).next().unwrap();
        assert_eq!(only.text("key"), "RSA 2048 bits");
        assert_eq!(only.list("names"), ["mail.contoso.com"]);
        // Nothing is said to connect: no certificate exists yet.
        assert!(report.clients.iter().all(|v| v.outcome != Connects::Yes), "{form}");
    }
    let report = check(
        &[Input::new("request.req", pem.as_bytes())],
        None,
        Some("mail.contoso.com"),
    );
    let text = text_in(&report, Style::Plain, Language::En);
    assert!(
        text.contains("This is a certificate request for CN=mail.contoso.com"),
        "{text}"
    );
    assert!(text.contains("autodiscover.contoso.com"), "{text}");
    assert!(text_in(&report, Style::Plain, Language::It).contains("Questa è una richiesta di certificato"));
}

#[test]
fn keys_exchange_cannot_use_everywhere() {
    let ec = key(&rcgen::PKCS_ECDSA_P256_SHA256);
    let report = check(
        &[Input::new(
            "ec.csr",
            request(&["mail.contoso.com", "autodiscover.contoso.com"], &ec, Vec::new())
                .pem()
                .unwrap()
                .as_bytes(),
        )],
        Some("msstd:mail.contoso.com"),
        None,
    );
    assert!(codes(&report).contains(&"REQUEST_KEY_ECC"), "{:?}", codes(&report));
    assert_eq!(
        report.findings_with(Code::RequestKeyEcc).next().unwrap().text("curve"),
        "P-256"
    );

    // A Windows request names its key's provider (szOID_ENROLLMENT_CSP_PROVIDER): a CNG one.
    let provider: Vec<u8> = "Microsoft Software Key Storage Provider"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let mut info = vec![0x02, 0x01, 0x01, 0x1e, u8::try_from(provider.len()).unwrap()];
    info.extend(&provider);
    info.extend([0x03, 0x01, 0x00]);
    let mut values = vec![
        0x31,
        u8::try_from(info.len() + 2).unwrap(),
        0x30,
        u8::try_from(info.len()).unwrap(),
    ];
    values.extend(info);
    let cng = rcgen::Attribute {
        oid: &[1, 3, 6, 1, 4, 1, 311, 13, 2, 2],
        values,
    };
    let rsa = common::rsa_key(2048);
    let report = check(
        &[Input::new(
            "cng.req",
            request(&["mail.contoso.com"], &rsa, vec![cng])
                .pem()
                .unwrap()
                .as_bytes(),
        )],
        None,
        None,
    );
    let finding = report
        .findings_with(Code::RequestKeyCng)
        .next()
        .expect("the CNG provider is found");
    assert_eq!(finding.text("provider"), "Microsoft Software Key Storage Provider");
}

#[test]
fn the_urls_given_against_the_request() {
    let rsa = common::rsa_key(2048);
    let pem = request(&["mail.contoso.com", "autodiscover.contoso.com"], &rsa, Vec::new())
        .pem()
        .unwrap();
    let urls = std::fs::read_to_string(format!(
        "{}/tests/data/exchange/get-urls.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report = check(&[Input::new("pasted", format!("{pem}\n{urls}").as_bytes())], None, None);
    let missing: Vec<_> = report
        .findings_with(Code::UrlHostNotOnCertificate)
        .map(|f| f.text("host"))
        .collect();
    assert_eq!(missing, ["ex01.contoso.local"]);
}
