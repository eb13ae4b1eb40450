//! Post-quantum certificates (ML-DSA, FIPS 204 and RFC 9881; SLH-DSA, RFC 9909): named with
//! their parameter set, never called weak, their ML-DSA signatures verified, and the client rows
//! saying which clients cannot use them today. The chains are made here with the RustCrypto
//! `ml-dsa` crate and x509-cert's builder, an implementation independent of the engine's reader.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use std::str::FromStr;
use std::time::{Duration, UNIX_EPOCH};

use common::*;
use ml_dsa::{signature::Keypair, MlDsa65, MlDsa87, Seed, SigningKey};
use msstd_check::{analyze, AnchorSource, Client, Code, Connects, Input, Options, Report, TrustStore};
use x509_cert::builder::{profile, Builder, CertificateBuilder};
use x509_cert::der::asn1::Ia5String;
use x509_cert::der::{Encode, EncodePem};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

/// 2026-01-01 to 2027-01-01: around [`now`].
fn validity() -> Validity {
    let at = |seconds: u64| Time::try_from(UNIX_EPOCH + Duration::from_secs(seconds)).unwrap();
    Validity::new(at(1_767_225_600), at(1_798_761_600))
}

const ROOT_NAME: &str = "CN=Contoso ML-DSA-87 Test Root,O=Contoso,C=US";

/// An ML-DSA-87 root and an ML-DSA-65 leaf for mail.contoso.com that it signs.
fn chain() -> (Certificate, Certificate) {
    let root_key = SigningKey::<MlDsa87>::from_seed(&Seed::from([1u8; 32]));
    let leaf_key = SigningKey::<MlDsa65>::from_seed(&Seed::from([2u8; 32]));
    let root_name = Name::from_str(ROOT_NAME).unwrap();
    let root = CertificateBuilder::new(
        profile::cabf::Root::new(false, root_name.clone()).unwrap(),
        SerialNumber::from(1u32),
        validity(),
        SubjectPublicKeyInfoOwned::from_key(&root_key.verifying_key()).unwrap(),
    )
    .unwrap()
    .build::<_, ml_dsa::Signature<MlDsa87>>(&root_key)
    .unwrap();
    let dns = GeneralName::DnsName(Ia5String::new("mail.contoso.com").unwrap());
    let leaf_profile = profile::cabf::tls::Subscriber {
        certificate_type: profile::cabf::tls::CertificateType::domain_validated(
            Name::from_str("CN=mail.contoso.com").unwrap(),
            vec![dns.clone()],
        )
        .unwrap(),
        issuer: root_name,
        client_auth: false,
    };
    let mut leaf = CertificateBuilder::new(
        leaf_profile,
        SerialNumber::from(2u32),
        validity(),
        SubjectPublicKeyInfoOwned::from_key(&leaf_key.verifying_key()).unwrap(),
    )
    .unwrap();
    leaf.add_extension(&SubjectAltName(vec![dns])).unwrap();
    let leaf = leaf.build::<_, ml_dsa::Signature<MlDsa87>>(&root_key).unwrap();
    (root, leaf)
}

fn pem(cert: &Certificate) -> String {
    cert.to_pem(x509_cert::der::pem::LineEnding::LF).unwrap()
}

/// The leaf judged with the root supplied as trusted (and with `windows`, when given, as
/// Microsoft's store).
fn judge(leaf: &str, root: &str, windows: Option<&TrustStore>) -> Report {
    let mozilla = TrustStore::empty();
    let options = Options {
        windows_trust: windows,
        ..options(&mozilla, Some("msstd:mail.contoso.com"), Some("mail.contoso.com"))
    };
    let mut inputs = vec![Input::new("leaf.pem", leaf.as_bytes())];
    if !root.is_empty() {
        inputs.push(Input::new("root.pem", root.as_bytes()).trusted());
    }
    analyze(&inputs, &options).unwrap()
}

fn outcome(report: &Report, client: Client) -> Connects {
    report.verdict_for(client).unwrap().outcome
}

#[test]
fn an_ml_dsa_chain_is_named_verified_and_never_weak() {
    let (root, leaf) = chain();
    let report = judge(&pem(&leaf), &pem(&root), Some(&TrustStore::empty()));
    assert_eq!(
        report.chain.status,
        msstd_check::ChainStatus::Trusted,
        "{:?}",
        codes(&report)
    );
    let keys: Vec<(&str, Option<&str>)> = report
        .certificates
        .iter()
        .map(|c| (c.key.algorithm.as_str(), c.key.parameter_set.as_deref()))
        .collect();
    assert_eq!(keys, [("ML-DSA", Some("ML-DSA-65")), ("ML-DSA", Some("ML-DSA-87"))]);
    assert_eq!(report.certificates[0].signature_algorithm, "ML-DSA-87");
    for never in [Code::KeyWeak, Code::SigUnsupported, Code::SigInvalid, Code::SigWeak] {
        assert!(!has(&report, never), "{never:?} in {:?}", codes(&report));
    }
    assert_eq!(report.summary.verdict, Some(Code::MsstdMatch));
    // Both keys are post-quantum: each named, with its set.
    let named: Vec<(&str, &str)> = report
        .findings_with(Code::KeyPostQuantum)
        .map(|f| (f.text("algorithm"), f.text("what")))
        .collect();
    assert_eq!(named, [("ML-DSA-65", "key"), ("ML-DSA-87", "key")]);
    // Windows: undocumented, so uncertain and saying why; the others: no.
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Uncertain);
    let why: Vec<Code> = report
        .verdict_for(Client::WindowsOutlook)
        .unwrap()
        .findings
        .iter()
        .map(|&i| report.findings[i].code)
        .collect();
    assert!(why.contains(&Code::KeyPostQuantum), "{why:?}");
    assert_eq!(outcome(&report, Client::Other), Connects::No);
    assert_eq!(report.summary.outcome, msstd_check::Overall::Uncertain);

    let english = msstd_check::render::text(&report, msstd_check::render::Style::Plain);
    assert!(english.contains("post-quantum key (ML-DSA-65)"), "{english}");
    assert!(
        english.contains("no source documents Windows' TLS with post-quantum certificates"),
        "{english}"
    );
    assert!(!english.contains("no longer accept"), "{english}");
    let italian = msstd_check::render::text_in(
        &report,
        msstd_check::render::Style::Plain,
        msstd_check::render::Language::It,
    );
    assert!(italian.contains("chiave post-quantistica (ML-DSA-65)"), "{italian}");
}

#[test]
fn a_damaged_ml_dsa_signature_is_invalid() {
    let (root, leaf) = chain();
    let mut der = leaf.to_der().unwrap();
    let last = der.len() - 10;
    der[last] ^= 1;
    let root_pem = pem(&root);
    let mozilla = TrustStore::empty();
    let inputs = [
        Input::new("leaf.der", &der),
        Input::new("root.pem", root_pem.as_bytes()).trusted(),
    ];
    let report = analyze(&inputs, &options(&mozilla, None, Some("mail.contoso.com"))).unwrap();
    assert!(has(&report, Code::SigInvalid), "{:?}", codes(&report));
    let verdict = msstd_check::verify_link(&der, &root.to_der().unwrap(), &msstd_check::signature::RustCrypto).unwrap();
    assert_eq!(verdict, msstd_check::Verification::Invalid);
    let good = msstd_check::verify_link(
        &leaf.to_der().unwrap(),
        &root.to_der().unwrap(),
        &msstd_check::signature::RustCrypto,
    );
    assert_eq!(good.unwrap(), msstd_check::Verification::Valid);
}

/// A store whose data marks the test root as a pilot root, as `data/microsoft-roots.txt` marks
/// the program's seven.
#[test]
fn a_pilot_root_is_labelled_as_the_program_labels_it() {
    let (root, leaf) = chain();
    let root_der = root.to_der().unwrap();
    let subject = root.tbs_certificate().subject().to_der().unwrap();
    let spki = root.tbs_certificate().subject_public_key_info().to_der().unwrap();
    let b64 = |bytes: &[u8]| {
        pem::encode(&pem::Pem::new("X", bytes))
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<String>()
    };
    let thumbprint = report_thumbprint(&root_der);
    let data = format!(
        "#@ version test 1\n#@ published 2026-05-01T00:00:00Z\n#@ pilot {thumbprint}\n{thumbprint} - - {} {} - Contoso ML-DSA-87 Test Root\n",
        b64(&subject),
        b64(&spki)
    );
    let store = TrustStore::from_data(&data, AnchorSource::Microsoft).unwrap();
    let report = judge(&pem(&leaf), "", Some(&store));
    let pilot = report
        .findings_with(Code::RootPilot)
        .next()
        .unwrap_or_else(|| panic!("{:?}", codes(&report)));
    assert!(pilot.text("root").contains("Contoso ML-DSA-87 Test Root"), "{pilot:?}");
    assert_eq!(pilot.text("source"), "microsoft");
    let windows = report.verdict_for(Client::WindowsOutlook).unwrap();
    assert!(windows
        .findings
        .iter()
        .any(|&i| report.findings[i].code == Code::RootPilot));

    // Without the mark, the same root is no pilot.
    let unmarked: String = data
        .lines()
        .filter(|l| !l.starts_with("#@ pilot"))
        .map(|l| format!("{l}\n"))
        .collect();
    let store = TrustStore::from_data(&unmarked, AnchorSource::Microsoft).unwrap();
    assert!(!has(&judge(&pem(&leaf), "", Some(&store)), Code::RootPilot));
}

/// The SHA-1 thumbprint the report gives a certificate.
fn report_thumbprint(der: &[u8]) -> String {
    let mozilla = TrustStore::empty();
    let report = analyze(&[Input::new("c.der", der)], &options(&mozilla, None, None)).unwrap();
    report.certificates[0].sha1_thumbprint.to_lowercase()
}

/// A real pilot root of Microsoft's program (tests/data/README.md): its ML-DSA-87 key named, its
/// self-signature verified, and the bundled program marking it as a pilot.
#[test]
fn the_digicert_pilot_root_from_the_program() {
    let pem_text = String::from_utf8(data("pqc-pilot-digicert-mldsa87-root.pem")).unwrap();
    let der = pem::parse(&pem_text).unwrap().into_contents();
    assert_eq!(
        msstd_check::verify_link(&der, &der, &msstd_check::signature::RustCrypto).unwrap(),
        msstd_check::Verification::Valid
    );
    let microsoft = TrustStore::microsoft();
    let mozilla = TrustStore::empty();
    let options = Options {
        windows_trust: Some(&microsoft),
        ..options(&mozilla, None, None)
    };
    let report = analyze(&[Input::new("pilot.pem", pem_text.as_bytes())], &options).unwrap();
    let key = &report.certificates[0].key;
    assert_eq!(
        (key.algorithm.as_str(), key.parameter_set.as_deref()),
        ("ML-DSA", Some("ML-DSA-87"))
    );
    assert!(!has(&report, Code::KeyWeak), "{:?}", codes(&report));
    assert!(has(&report, Code::RootPilot), "{:?}", codes(&report));
}

/// `tests/data/mldsa-chain.pem` is this file's chain written out (deterministic keys and
/// signatures), for the page's tests in Chromium, whose WebCrypto verifies ML-DSA
/// (`web/app/tests/browser.rs`). Run with `REGENERATE_MLDSA_CHAIN=1` to rewrite it.
#[test]
fn the_committed_chain_for_the_page_is_this_one() {
    let (root, leaf) = chain();
    let expected = format!("{}{}", pem(&leaf), pem(&root));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/mldsa-chain.pem");
    if std::env::var_os("REGENERATE_MLDSA_CHAIN").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == expected,
        "tests/data/mldsa-chain.pem differs: run REGENERATE_MLDSA_CHAIN=1 cargo test --test post_quantum"
    );
}
