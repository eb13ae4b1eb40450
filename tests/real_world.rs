//! Real certificates no one on this project made (badssl.com, `../shared/fixtures/badssl`):
//! every file decodes, every signature in every chain verifies, and each verdict matches what
//! the file's name says. Each is judged in the middle of its leaf's validity unless its name
//! says it is about dates.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use std::path::PathBuf;

use common::*;
use msstd_check::{ChainStatus, Code, Input, Report, Severity, UnixTime};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/badssl")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The report at the middle of the leaf's validity.
fn midlife(name: &str, principal: Option<&str>, host: Option<&str>) -> Report {
    let bytes = read(name);
    let first = check_at(&[Input::new(name, &bytes)], None, None, UnixTime(0));
    let leaf = &first.certificates[first.leaf];
    let middle = UnixTime((leaf.not_before.0 + leaf.not_after.0) / 2);
    check_at(&[Input::new(name, &bytes)], principal, host, middle)
}

fn at(name: &str, time: &str) -> Report {
    check_at(
        &[Input::new(name, &read(name))],
        None,
        None,
        UnixTime::parse_rfc3339(time).unwrap(),
    )
}

#[test]
fn every_fixture_decodes_and_every_signature_verifies() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        let report = midlife(&name, None, None);
        assert!(!report.certificates.is_empty(), "{name}");
        assert!(!has(&report, Code::SigInvalid), "{name}: {:?}", codes(&report));
        assert!(!has(&report, Code::SigUnsupported), "{name}: {:?}", codes(&report));
        assert!(!msstd_check::render::text(&report, msstd_check::render::Style::Plain).is_empty());
        count += 1;
    }
    assert!(count >= 40, "only {count} fixtures found");
}

#[test]
fn expired() {
    let report = at("wildcard-expired.pem", "2019-06-01T00:00:00Z");
    let expired = report
        .findings_with(Code::CertExpired)
        .find(|f| f.certificate == Some(report.leaf))
        .unwrap();
    assert_eq!(expired.severity, Severity::Error);
}

#[test]
fn self_signed() {
    let report = midlife("wildcard-self-signed.pem", None, None);
    assert_eq!(report.chain.status, ChainStatus::SelfSigned);
    assert!(has(&report, Code::SelfSigned));
}

#[test]
fn incomplete_chains_name_the_missing_intermediate() {
    for name in ["wildcard-incomplete-chain.pem", "old-wildcard-incomplete-chain.pem"] {
        let report = midlife(name, None, None);
        assert_eq!(report.certificates.len(), 1, "{name}");
        let finding = report.findings_with(Code::ChainIncomplete).next().unwrap();
        assert_eq!(finding.text("after"), "leaf", "{name}");
        assert!(finding.text("issuer").contains("CN="), "{name}");
    }
}

#[test]
fn sha1_chains_warn() {
    for name in ["wildcard-sha1-2016.pem", "wildcard-sha1-2017.pem"] {
        let report = at(name, "2016-06-01T00:00:00Z");
        let weak = report
            .findings_with(Code::SigWeak)
            .find(|f| f.certificate == Some(report.leaf))
            .unwrap();
        assert_eq!(
            (weak.severity, weak.text("hash")),
            (Severity::Warning, "SHA-1"),
            "{name}"
        );
    }
    let report = midlife("wildcard-sha1-intermediate.pem", None, None);
    let weak = report.findings_with(Code::SigWeak).next().unwrap();
    assert_ne!(
        weak.certificate,
        Some(report.leaf),
        "the intermediate is SHA-1, the leaf is not"
    );
}

#[test]
fn no_common_name_and_no_subject_fail_on_legacy_windows() {
    for (name, host) in [
        ("subdomain-no-common-name.pem", "no-common-name.badssl.com"),
        ("subdomain-no-subject.pem", "no-subject.badssl.com"),
    ] {
        let principal = format!("msstd:{host}");
        let report = midlife(name, Some(&principal), Some(host));
        assert!(has(&report, Code::MsstdNoCn), "{name}: {:?}", codes(&report));
        assert_eq!(report.msstd.as_ref().unwrap().code, Code::MsstdSanOnly, "{name}");
        assert!(!has(&report, Code::HostMismatch), "{name}");
    }
}

#[test]
fn huge_san_lists() {
    for (name, at_least) in [("subdomain-1000-sans.pem", 1000), ("subdomain-10000-sans.pem", 10_000)] {
        let report = midlife(name, None, None);
        assert!(report.certificates[report.leaf].dns_names.len() >= at_least, "{name}");
    }
}

#[test]
fn key_sizes_and_curves() {
    for (name, algorithm, bits, curve) in [
        ("wildcard-rsa2048.pem", "RSA", 2048, None),
        ("wildcard-rsa4096.pem", "RSA", 4096, None),
        ("wildcard-rsa8192.pem", "RSA", 8192, None),
        ("wildcard-ecc256.pem", "EC", 256, Some("P-256")),
        ("wildcard-ecc384.pem", "EC", 384, Some("P-384")),
    ] {
        let report = midlife(name, None, None);
        let key = &report.certificates[report.leaf].key;
        assert_eq!(
            (key.algorithm.as_str(), key.bits, key.curve.as_deref()),
            (algorithm, Some(bits), curve),
            "{name}"
        );
        assert!(!has(&report, Code::KeyWeak), "{name}");
    }
    let superfish = midlife("root-ca-superfish.crt", None, None);
    assert_eq!(
        superfish.findings_with(Code::KeyWeak).next().unwrap().number("bits"),
        1024
    );
}

#[test]
fn wildcards_want_the_literal_principal() {
    let report = midlife(
        "wildcard-rsa2048.pem",
        Some("msstd:mail.badssl.com"),
        Some("mail.badssl.com"),
    );
    let verdict = report.msstd.unwrap();
    assert_eq!(verdict.code, Code::MsstdWildcard);
    assert_eq!(verdict.fix.unwrap().principal.as_deref(), Some("msstd:*.badssl.com"));
    let report = midlife("wildcard-rsa2048.pem", Some("msstd:*.badssl.com"), None);
    assert_eq!(report.msstd.unwrap().code, Code::MsstdMatch);
}

#[test]
fn idn_host_matches_its_a_label() {
    let report = midlife("subdomain-xn--n1aae7f7o.pem", None, Some("xn--n1aae7f7o.badssl.com"));
    assert!(!has(&report, Code::HostMismatch), "{:?}", codes(&report));
}

#[test]
fn infamous_roots_are_untrusted() {
    for (leaf, root) in [
        ("subdomain-superfish.pem", "root-ca-superfish.crt"),
        ("subdomain-edellroot.pem", "root-ca-edellroot.crt"),
        ("subdomain-dsdtestprovider.pem", "root-ca-dsdtestprovider.crt"),
    ] {
        let leaf_bytes = read(leaf);
        let root_bytes = read(root);
        let first = check_at(&[Input::new(leaf, &leaf_bytes)], None, None, UnixTime(0));
        let cert = &first.certificates[first.leaf];
        let middle = UnixTime((cert.not_before.0 + cert.not_after.0) / 2);
        let report = check_at(
            &[Input::new(leaf, &leaf_bytes), Input::new(root, &root_bytes)],
            None,
            None,
            middle,
        );
        assert_eq!(
            report.chain.status,
            ChainStatus::UntrustedRoot,
            "{leaf}: {:?}",
            codes(&report)
        );
        assert!(!has(&report, Code::SigInvalid), "{leaf}");
    }
}
