//! Section 4: host name, validity, crypto, usage and chain findings, each provoked by a
//! certificate generated in the test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::{ChainStatus, Code, Input, Severity, UnixTime};
use rcgen::{BasicConstraints, ExtendedKeyUsagePurpose, IsCa};

fn severity_of(report: &msstd_check::Report, code: Code) -> Severity {
    report
        .findings_with(code)
        .next()
        .unwrap_or_else(|| panic!("no {code:?} in {:?}", codes(report)))
        .severity
}

#[test]
fn host_matches_san_and_wildcard() {
    let pki = pki(
        &["mail.contoso.com"],
        &["mail.contoso.com", "*.owa.contoso.com", "autodiscover.contoso.com"],
    );
    for host in [
        "mail.contoso.com",
        "https://MAIL.contoso.com/rpc/rpcproxy.dll",
        "x.owa.contoso.com",
    ] {
        let report = check_with_root(&[&pki.served()], &pki.root, None, Some(host));
        assert!(!has(&report, Code::HostMismatch), "{host}: {:?}", codes(&report));
        assert!(report.host.as_ref().unwrap().matched.is_some());
    }
}

#[test]
fn host_mismatch_is_an_error_naming_the_certificate_names() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let report = check_with_root(&[&pki.served()], &pki.root, None, Some("outlook.contoso.com"));
    let finding = report.findings_with(Code::HostMismatch).next().unwrap();
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.list("names"), vec!["mail.contoso.com"]);
}

#[test]
fn cn_is_ignored_when_there_are_dns_sans() {
    let pki = pki(&["legacy.contoso.com"], &["mail.contoso.com"]);
    let report = check_with_root(&[&pki.served()], &pki.root, None, Some("legacy.contoso.com"));
    assert!(has(&report, Code::HostMismatch));
}

#[test]
fn cn_only_certificate_matches_with_a_warning() {
    let pki = pki(&["mail.contoso.com"], &[]);
    let report = check_with_root(&[&pki.served()], &pki.root, None, Some("mail.contoso.com"));
    assert_eq!(severity_of(&report, Code::HostCnOnly), Severity::Warning);
    assert!(!has(&report, Code::HostMismatch));
}

#[test]
fn ip_hosts_match_ip_sans_only() {
    let root = ca("Root", None);
    let mut p = params(&["203.0.113.7"], &["mail.contoso.com"]);
    san_ip(&mut p, "203.0.113.7");
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root));
    let report = check_with_root(&[&leaf.pem], &root, None, Some("203.0.113.7"));
    assert!(!has(&report, Code::HostMismatch), "{:?}", codes(&report));
    let report = check_with_root(&[&leaf.pem], &root, None, Some("203.0.113.8"));
    assert!(has(&report, Code::HostMismatch));
}

#[test]
fn autodiscover_name_missing_is_a_warning() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let report = check_with_root(
        &[&pki.served()],
        &pki.root,
        Some("msstd:mail.contoso.com"),
        Some("mail.contoso.com"),
    );
    let finding = report.findings_with(Code::AutodiscoverMissing).next().unwrap();
    assert_eq!(finding.text("name"), "autodiscover.contoso.com");
    assert!(!report.autodiscover.unwrap().covered);

    let wildcard = common::pki(&["*.contoso.com"], &["*.contoso.com"]);
    let report = check_with_root(&[&wildcard.served()], &wildcard.root, None, Some("mail.contoso.com"));
    assert!(report.autodiscover.unwrap().covered);
}

#[test]
fn internal_names_are_warned_about() {
    let pki = pki(
        &["exch01.contoso.local"],
        &["exch01.contoso.local", "exch01", "mail.contoso.com"],
    );
    let report = check_with_root(&[&pki.served()], &pki.root, None, None);
    let finding = report.findings_with(Code::NameInternal).next().unwrap();
    assert_eq!(finding.list("names"), vec!["exch01.contoso.local", "exch01"]);
}

#[test]
fn validity_expired_not_yet_and_soon() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let at = |t: &str| UnixTime::parse_rfc3339(t).unwrap();
    let report = check_at(
        &[Input::new("a", pki.served().as_bytes())],
        None,
        None,
        at("2028-02-01T00:00:00Z"),
    );
    let expired = report
        .findings_with(Code::CertExpired)
        .find(|f| f.certificate == Some(report.leaf))
        .unwrap();
    assert_eq!(expired.severity, Severity::Error);
    assert_eq!(expired.number("days"), 31);
    let report = check_at(
        &[Input::new("a", pki.served().as_bytes())],
        None,
        None,
        at("2024-12-01T00:00:00Z"),
    );
    assert_eq!(severity_of(&report, Code::CertNotYetValid), Severity::Error);
    let report = check_at(
        &[Input::new("a", pki.served().as_bytes())],
        None,
        None,
        at("2027-12-20T00:00:00Z"),
    );
    let soon = report.findings_with(Code::CertExpiresSoon).next().unwrap();
    assert_eq!((soon.severity, soon.number("days")), (Severity::Warning, 12));
    let report = check_at(&[Input::new("a", pki.served().as_bytes())], None, None, now());
    assert!(!has(&report, Code::CertExpiresSoon) && !has(&report, Code::CertExpired));
}

/// The warning window is a third of the lifetime, at most 30 days: a 47-day certificate (the
/// CA/Browser Forum's limit from 2029) warns from 15 days before expiry, not through most of
/// its life; a 5-year one (the Exchange Auth certificate) from 30.
#[test]
fn the_expiry_warning_scales_with_the_lifetime() {
    let at = |t: &str| UnixTime::parse_rfc3339(t).unwrap();
    let leaf_valid = |from: (i32, u8, u8), to: (i32, u8, u8)| {
        let root = ca("Lifetime Root", None);
        let mut params = params(&["mail.contoso.com"], &["mail.contoso.com"]);
        params.not_before = rcgen::date_time_ymd(from.0, from.1, from.2);
        params.not_after = rcgen::date_time_ymd(to.0, to.1, to.2);
        issue(params, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root))
    };
    let soon = |leaf: &Issued, when: &str| {
        let report = check_at(&[Input::new("leaf", leaf.pem.as_bytes())], None, None, at(when));
        let days = report
            .findings_with(Code::CertExpiresSoon)
            .find(|f| f.certificate == Some(report.leaf))
            .map(|f| f.number("days"));
        days
    };
    // 47 days: 2027-01-01 to 2027-02-17; the window is 15 days.
    let short = leaf_valid((2027, 1, 1), (2027, 2, 17));
    assert_eq!(soon(&short, "2027-01-25T00:00:00Z"), None, "23 days left of 47");
    assert_eq!(soon(&short, "2027-02-03T00:00:00Z"), Some(14));
    // Five years: the window stays 30 days.
    let long = leaf_valid((2022, 1, 1), (2027, 1, 1));
    assert_eq!(soon(&long, "2026-11-25T00:00:00Z"), None, "37 days left");
    assert_eq!(soon(&long, "2026-12-10T00:00:00Z"), Some(22));
    // Six days (a short-lived ACME certificate): two days' notice, not a warning for life.
    let brief = leaf_valid((2027, 1, 1), (2027, 1, 7));
    assert_eq!(soon(&brief, "2027-01-03T00:00:00Z"), None);
    assert_eq!(soon(&brief, "2027-01-06T00:00:00Z"), Some(1));
}

#[test]
fn weak_rsa_key_reports_its_true_size() {
    use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
    // ring refuses 1024-bit keys, so the weak key is only the leaf's subject key, taken from
    // the committed PKCS#8 file by the rsa crate.
    let pem = String::from_utf8(data("rsa-1024.key")).unwrap();
    let private = rsa::RsaPrivateKey::from_pkcs8_pem(&pem).unwrap();
    let spki_der = private.to_public_key().to_public_key_der().unwrap();
    let spki = rcgen::SubjectPublicKeyInfo::from_der(spki_der.as_bytes()).unwrap();
    let root = ca("Root", None);
    let weak = params(&["mail.contoso.com"], &["mail.contoso.com"])
        .signed_by(&spki, &rcgen::Issuer::from_params(&root.params, &root.key))
        .unwrap();
    let report = check_with_root(&[&weak.pem()], &root, None, None);
    let finding = report.findings_with(Code::KeyWeak).next().unwrap();
    assert_eq!((finding.severity, finding.number("bits")), (Severity::Error, 1024));
    assert_eq!(report.certificates[report.leaf].key.bits, Some(1024));

    let strong = issue(params(&["mail.contoso.com"], &[]), rsa_key(2048), Some(&root));
    let report = check_with_root(&[&strong.pem], &root, None, None);
    assert!(!has(&report, Code::KeyWeak));
    assert_eq!(report.certificates[report.leaf].key.bits, Some(2048));
}

#[test]
fn sha1_is_a_warning_and_md5_an_error() {
    let sha1 = data("selfsigned-exchange.pem");
    let report = check_at(&[Input::new("exchange.pem", &sha1)], None, None, fixture_now());
    assert_eq!(severity_of(&report, Code::SigWeak), Severity::Warning);
    let md5 = data("md5-selfsigned.pem");
    let report = check_at(&[Input::new("md5.pem", &md5)], None, None, fixture_now());
    assert_eq!(severity_of(&report, Code::SigWeak), Severity::Error);
}

#[test]
fn every_signature_algorithm_verifies() {
    for alg in [
        &rcgen::PKCS_ECDSA_P256_SHA256,
        &rcgen::PKCS_ECDSA_P384_SHA384,
        &rcgen::PKCS_ED25519,
    ] {
        let root = issue(
            {
                let mut p = params(&["Root"], &[]);
                p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
                p
            },
            key(alg),
            None,
        );
        let leaf = issue(params(&["mail.contoso.com"], &[]), key(alg), Some(&root));
        let report = check_with_root(&[&leaf.pem], &root, None, None);
        assert_eq!(
            report.chain.status,
            ChainStatus::Trusted,
            "{alg:?}: {:?}",
            codes(&report)
        );
        assert!(
            !has(&report, Code::SigInvalid) && !has(&report, Code::SigUnsupported),
            "{alg:?}"
        );
    }
    let rsa_root = issue(
        {
            let mut p = params(&["RSA Root"], &[]);
            p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            p
        },
        rsa_key(2048),
        None,
    );
    let leaf = issue(
        params(&["mail.contoso.com"], &[]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(&rsa_root),
    );
    let report = check_with_root(&[&leaf.pem], &rsa_root, None, None);
    assert_eq!(
        report.chain.status,
        ChainStatus::Trusted,
        "RSA PKCS#1: {:?}",
        codes(&report)
    );

    let pss = [data("pss-leaf.pem"), data("pss-root.pem")].concat();
    let report = check_at(&[Input::new("pss.pem", &pss)], None, None, fixture_now());
    assert!(
        !has(&report, Code::SigInvalid) && !has(&report, Code::SigUnsupported),
        "PSS: {:?}",
        codes(&report)
    );
    assert!(report.certificates[report.leaf].signature_algorithm.contains("PSS"));
}

#[test]
fn a_tampered_signature_is_invalid() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let mut der = pki.leaf.der.clone();
    let last = der.len() - 3;
    der[last] ^= 0x01;
    let trust = msstd_check::TrustStore::empty();
    let report = msstd_check::analyze(
        &[
            Input::new("leaf.cer", &der),
            Input::new("int.pem", pki.intermediate.pem.as_bytes()),
            Input::new("root.pem", pki.root.pem.as_bytes()).trusted(),
        ],
        &msstd_check::Options {
            principal: None,
            host: None,
            now: now(),
            trust: Some(&trust),
            windows_trust: None,
            verifier: &msstd_check::signature::RustCrypto,
            revocation: &[],
        },
    )
    .unwrap();
    let finding = report.findings_with(Code::SigInvalid).next().unwrap();
    assert_eq!(finding.certificate, Some(report.leaf));
}

#[test]
fn eku_without_server_auth_and_ca_leaf() {
    let root = ca("Root", None);
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let client = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root));
    let report = check_with_root(&[&client.pem], &root, None, None);
    let finding = report.findings_with(Code::EkuNoServerAuth).next().unwrap();
    assert_eq!(finding.list("usages"), vec!["clientAuth"]);

    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root));
    let report = check_with_root(&[&ca_leaf.pem], &root, None, None);
    assert_eq!(severity_of(&report, Code::LeafIsCa), Severity::Warning);
}

#[test]
fn chain_order_root_sent_and_trusted_anchor() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let reversed = format!("{}{}{}", pki.root.pem, pki.intermediate.pem, pki.leaf.pem);
    let report = check_with_root(&[&reversed], &pki.root, None, None);
    assert_eq!(report.chain.path, vec![2, 1, 0]);
    assert_eq!(severity_of(&report, Code::ChainOrder), Severity::Warning);
    assert_eq!(severity_of(&report, Code::ChainRootSent), Severity::Info);
    assert_eq!(report.chain.status, ChainStatus::Trusted);
    assert!(has(&report, Code::ChainTrusted));
    let corrected: Vec<_> = ::pem::parse_many(&report.chain.pem).unwrap();
    assert_eq!(corrected.len(), 2, "leaf and intermediate, root left out");
    assert_eq!(corrected[0].contents(), pki.leaf.der.as_slice());
}

#[test]
fn missing_intermediate_names_the_download_url() {
    let root = ca("Root", None);
    let intermediate = ca("Issuing CA", Some(&root));
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.custom_extensions.push(rcgen::CustomExtension::from_oid_content(
        &[1, 3, 6, 1, 5, 5, 7, 1, 1],
        // AuthorityInfoAccess { caIssuers URI http://pki.contoso.com/issuing.crt }
        [
            &[
                0x30, 0x2e, 0x30, 0x2c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02, 0x86, 0x20,
            ][..],
            b"http://pki.contoso.com/issue.crt",
        ]
        .concat(),
    ));
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&intermediate));
    let report = check_with_root(&[&leaf.pem], &root, None, None);
    let finding = report.findings_with(Code::ChainIncomplete).next().unwrap();
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.text("issuer"), "CN=Issuing CA");
    assert_eq!(finding.list("urls"), vec!["http://pki.contoso.com/issue.crt"]);
    assert_eq!(report.chain.status, ChainStatus::Incomplete);
}

#[test]
fn self_signed_leaf_and_untrusted_root() {
    let selfsigned = issue(
        params(&["mail.contoso.com"], &["mail.contoso.com"]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        None,
    );
    let report = check_at(&[Input::new("s", selfsigned.pem.as_bytes())], None, None, now());
    assert_eq!(severity_of(&report, Code::SelfSigned), Severity::Error);
    assert_eq!(report.chain.status, ChainStatus::SelfSigned);
    assert!(!has(&report, Code::UntrustedRoot));

    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let all = format!("{}{}", pki.served(), pki.root.pem);
    let report = check_at(&[Input::new("a", all.as_bytes())], None, None, now());
    assert_eq!(severity_of(&report, Code::UntrustedRoot), Severity::Error);
    assert_eq!(report.chain.status, ChainStatus::UntrustedRoot);

    let report = check_at(&[Input::new("a", pki.served().as_bytes())], None, None, now());
    assert_eq!(
        report.chain.status,
        ChainStatus::Incomplete,
        "root neither sent nor trusted"
    );
}

#[test]
fn unrelated_certificates_are_pointed_out() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let stranger = ca("Someone Else's CA", None);
    let report = check_with_root(&[&format!("{}{}", pki.served(), stranger.pem)], &pki.root, None, None);
    let finding = report.findings_with(Code::ChainUnrelated).next().unwrap();
    assert_eq!(finding.text("subject"), "CN=Someone Else's CA");
}

#[test]
fn findings_come_errors_first_and_every_report_serialises() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let report = check_at(
        &[Input::new("a", pki.served().as_bytes())],
        Some("msstd:x.contoso.com"),
        Some("y.contoso.com"),
        now(),
    );
    let severities: Vec<_> = report.findings.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    let json: serde_json::Value = serde_json::from_str(&msstd_check::render::json(&report)).unwrap();
    assert_eq!(json["schema"], "msstd-check/report/v1");
    assert_eq!(json["summary"]["verdict"], "MSSTD_MISMATCH");
    assert!(json["findings"][0]["message"].as_str().unwrap().len() > 10);
    assert_eq!(json["certificates"][0]["sha1_thumbprint"].as_str().unwrap().len(), 40);
}

#[test]
fn verify_link_checks_one_signature() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let check = |child: &Issued, issuer: &Issued| {
        msstd_check::verify_link(&child.der, &issuer.der, &msstd_check::signature::RustCrypto).unwrap()
    };
    assert_eq!(check(&pki.leaf, &pki.intermediate), msstd_check::Verification::Valid);
    assert_eq!(check(&pki.intermediate, &pki.root), msstd_check::Verification::Valid);
    assert_eq!(
        check(&pki.root, &pki.root),
        msstd_check::Verification::Valid,
        "self-signed"
    );
    assert_eq!(check(&pki.leaf, &pki.root), msstd_check::Verification::Invalid);
    assert!(
        msstd_check::verify_link(b"not a certificate", &pki.root.der, &msstd_check::signature::RustCrypto).is_err()
    );
}
