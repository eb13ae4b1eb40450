//! Path building and validation on generated PKIs (rcgen): each of the cases the x509-limbo
//! measurement found the old greedy builder wrong about, as an admin would meet it, with the
//! finding that names it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::{analyze, ChainStatus, Code, Input, Report, TrustStore};
use rcgen::{
    BasicConstraints, CertificateParams, CidrSubnet, CustomExtension, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, GeneralSubtree, IsCa, KeyPair, NameConstraints, SanType,
};

fn ca_params(name: &str) -> CertificateParams {
    let mut p = params(&[name], &[]);
    p.subject_alt_names.clear();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p
}

fn ecdsa() -> KeyPair {
    key(&rcgen::PKCS_ECDSA_P256_SHA256)
}

fn leaf_params(dns: &[&str]) -> CertificateParams {
    let mut p = params(&[dns[0]], dns);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p
}

/// Analyses `presented` (one paste, in order) with `roots` supplied as trusted, for `host`.
fn judge(presented: &[&Issued], roots: &[&Issued], host: &str) -> Report {
    let paste: String = presented.iter().map(|c| c.pem.as_str()).collect();
    let trusted: String = roots.iter().map(|c| c.pem.as_str()).collect();
    let trust = TrustStore::empty();
    let mut inputs = vec![Input::new("served.pem", paste.as_bytes())];
    if !trusted.is_empty() {
        inputs.push(Input::new("roots.pem", trusted.as_bytes()).trusted());
    }
    analyze(&inputs, &options(&trust, None, Some(host))).unwrap()
}

fn finding(report: &Report, code: Code) -> &msstd_check::Finding {
    report
        .findings_with(code)
        .next()
        .unwrap_or_else(|| panic!("no {code:?} in {:?}", codes(report)))
}

#[test]
fn a_good_chain_is_accepted_without_complaint() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let report = judge(&[&pki.leaf, &pki.intermediate], &[&pki.root], "mail.contoso.com");
    assert!(report.strict_client_accepts(), "{:?}", codes(&report));
    assert!(!report.findings.iter().any(|f| f.code == Code::ProfileViolation));
}

#[test]
fn an_intermediate_that_is_not_a_ca_cannot_issue() {
    let root = ca("Root", None);
    let mut p = ca_params("Not A CA");
    p.is_ca = IsCa::ExplicitNoCa;
    let fake = issue(p, ecdsa(), Some(&root));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&fake));
    let report = judge(&[&leaf, &fake], &[&root], "mail.contoso.com");
    assert_eq!(report.chain.status, ChainStatus::Trusted);
    assert_eq!(finding(&report, Code::IssuerNotCa).text("reason"), "not-ca");
    assert!(!report.strict_client_accepts());

    let mut p = ca_params("No Basic Constraints");
    p.is_ca = IsCa::NoCa;
    let bare = issue(p, ecdsa(), Some(&root));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&bare));
    let report = judge(&[&leaf, &bare], &[&root], "mail.contoso.com");
    assert_eq!(
        finding(&report, Code::IssuerNotCa).text("reason"),
        "no-basic-constraints"
    );
}

#[test]
fn path_length_constraints_count_the_intermediates_below() {
    let mut p = ca_params("Root pathlen 0");
    p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    let root = issue(p, ecdsa(), None);
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    assert!(
        report.strict_client_accepts(),
        "it may issue leaves: {:?}",
        codes(&report)
    );

    let first = ca("Issuing 1", Some(&root));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&first));
    let report = judge(&[&leaf, &first], &[&root], "mail.contoso.com");
    let violation = finding(&report, Code::PathLenExceeded);
    assert_eq!((violation.number("path_len"), violation.number("below")), (0, 1));
    assert!(!report.strict_client_accepts());

    // pathLen 1 allows one intermediate, and a self-issued one does not count.
    let mut p = ca_params("Root pathlen 1");
    p.is_ca = IsCa::Ca(BasicConstraints::Constrained(1));
    let root = issue(p, ecdsa(), None);
    let first = ca("Issuing 1", Some(&root));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&first));
    assert!(judge(&[&leaf, &first], &[&root], "mail.contoso.com").strict_client_accepts());
}

#[test]
fn name_constraints_permit_exclude_and_see_through_wildcards() {
    let constrained = |permitted: Vec<GeneralSubtree>, excluded: Vec<GeneralSubtree>| {
        let mut p = ca_params("Constrained Root");
        p.name_constraints = Some(NameConstraints {
            permitted_subtrees: permitted,
            excluded_subtrees: excluded,
        });
        issue(p, ecdsa(), None)
    };
    let dns = |name: &str| vec![GeneralSubtree::DnsName(name.to_owned())];

    let root = constrained(dns("contoso.com"), vec![]);
    let ok = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&root));
    assert!(judge(&[&ok], &[&root], "mail.contoso.com").strict_client_accepts());
    let outside = issue(leaf_params(&["mail.fabrikam.com"]), ecdsa(), Some(&root));
    let report = judge(&[&outside], &[&root], "mail.fabrikam.com");
    let violation = finding(&report, Code::NameConstraintViolation);
    assert_eq!(violation.text("constraint"), "permitted");
    assert_eq!(violation.text("name"), "mail.fabrikam.com");

    // CVE-2025-61727: *.contoso.com stands for bar.contoso.com, which is excluded.
    let root = constrained(vec![], dns("bar.contoso.com"));
    let wildcard = issue(leaf_params(&["*.contoso.com"]), ecdsa(), Some(&root));
    let report = judge(&[&wildcard], &[&root], "mail.contoso.com");
    assert_eq!(
        finding(&report, Code::NameConstraintViolation).text("constraint"),
        "excluded"
    );

    // An address constraint, and a directory name constraint.
    let root = constrained(
        vec![GeneralSubtree::IpAddress(CidrSubnet::V4(
            [192, 0, 2, 0],
            [255, 255, 255, 0],
        ))],
        vec![],
    );
    let mut p = leaf_params(&["mail.contoso.com"]);
    p.subject_alt_names
        .push(SanType::IpAddress("198.51.100.7".parse().unwrap()));
    let leaf = issue(p, ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    assert_eq!(
        finding(&report, Code::NameConstraintViolation).text("name"),
        "198.51.100.7"
    );

    let mut allowed = DistinguishedName::new();
    allowed.push(DnType::OrganizationName, "Contoso");
    let root = constrained(vec![GeneralSubtree::DirectoryName(allowed)], vec![]);
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    assert!(report.findings_with(Code::NameConstraintViolation).next().is_some());
}

#[test]
fn a_dns_constraint_applies_to_a_host_common_name_without_dns_names() {
    let mut p = ca_params("Constrained Root");
    p.name_constraints = Some(NameConstraints {
        permitted_subtrees: vec![GeneralSubtree::DnsName("fabrikam.com".to_owned())],
        excluded_subtrees: vec![],
    });
    let root = issue(p, ecdsa(), None);
    let mut leaf = params(&["mail.contoso.com"], &[]);
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf = issue(leaf, ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    assert_eq!(
        finding(&report, Code::NameConstraintViolation).text("name"),
        "mail.contoso.com"
    );
}

/// RFC 6125 section 6.4.4: the CN is a host name only without any SubjectAltName extension, so a
/// leaf whose SubjectAltName holds one address keeps a DNS-like CN out of dNSName constraints
/// (x509-limbo's BetterTLS cases: CN `test.localhost`, SAN `IP:127.0.0.1`).
#[test]
fn a_dns_constraint_skips_the_common_name_when_the_san_holds_only_an_address() {
    let constrained = |permitted: &[&str], excluded: &[&str]| {
        let subtrees = |names: &[&str]| names.iter().map(|n| GeneralSubtree::DnsName((*n).to_owned())).collect();
        let mut p = ca_params("Constrained Root");
        p.name_constraints = Some(NameConstraints {
            permitted_subtrees: subtrees(permitted),
            excluded_subtrees: subtrees(excluded),
        });
        issue(p, ecdsa(), None)
    };
    let ip_only_leaf = |root: &Issued| {
        let mut p = params(&["test.localhost"], &[]);
        p.subject_alt_names = vec![SanType::IpAddress("127.0.0.1".parse().unwrap())];
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        issue(p, ecdsa(), Some(root))
    };
    for root in [constrained(&[], &["localhost"]), constrained(&["example.com"], &[])] {
        let leaf = ip_only_leaf(&root);
        let report = judge(&[&leaf], &[&root], "127.0.0.1");
        assert!(
            report.findings_with(Code::NameConstraintViolation).next().is_none(),
            "{:?}",
            codes(&report)
        );
        assert!(report.strict_client_accepts(), "{:?}", codes(&report));
    }

    // The same names without the extension: the CN is the host name, and the exclusion holds.
    let root = constrained(&[], &["localhost"]);
    let mut p = params(&["test.localhost"], &[]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf = issue(p, ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "test.localhost");
    let violation = finding(&report, Code::NameConstraintViolation);
    assert_eq!(
        (violation.text("name"), violation.text("constraint")),
        ("test.localhost", "excluded")
    );
}

#[test]
fn unknown_critical_extensions_are_refused_wherever_they_are() {
    let critical = || {
        let mut extension = CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 55555, 1], vec![0x05, 0x00]);
        extension.set_criticality(true);
        extension
    };
    let mut p = ca_params("Root");
    p.custom_extensions.push(critical());
    let root = issue(p, ecdsa(), None);
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    let unknown = finding(&report, Code::ExtensionCriticalUnknown);
    assert_eq!(unknown.text("oid"), "1.3.6.1.4.1.55555.1");
    assert_eq!(unknown.certificate, Some(1), "about the root");

    // The same extension, not critical: fine.
    let mut p = ca_params("Root");
    let mut quiet = critical();
    quiet.set_criticality(false);
    p.custom_extensions.push(quiet);
    let root = issue(p, ecdsa(), None);
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&root));
    assert!(judge(&[&leaf], &[&root], "mail.contoso.com").strict_client_accepts());
}

#[test]
fn an_intermediate_limited_to_email_cannot_issue_server_certificates() {
    let root = ca("Root", None);
    let mut p = ca_params("Mail Only CA");
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::EmailProtection];
    let mail_ca = issue(p, ecdsa(), Some(&root));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&mail_ca));
    let report = judge(&[&leaf, &mail_ca], &[&root], "mail.contoso.com");
    assert_eq!(
        finding(&report, Code::EkuIssuerNoServerAuth).list("usages"),
        vec!["emailProtection"]
    );
    assert!(!report.strict_client_accepts());
}

#[test]
fn an_expired_supplied_root_is_reported() {
    let mut p = ca_params("Old Internal Root");
    p.not_before = rcgen::date_time_ymd(2015, 1, 1);
    p.not_after = rcgen::date_time_ymd(2025, 1, 1);
    let root = issue(p, ecdsa(), None);
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    assert_eq!(report.chain.status, ChainStatus::Trusted);
    assert_eq!(finding(&report, Code::CertExpired).certificate, Some(1));
    assert_eq!(report.chain.path, vec![0, 1], "the supplied root is on the path");
}

#[test]
fn a_common_name_missing_from_the_sans_is_a_warning() {
    let mut p = params(&["exch01.contoso.local"], &["mail.contoso.com"]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let root = ca("Root", None);
    let leaf = issue(p, ecdsa(), Some(&root));
    let report = judge(&[&leaf], &[&root], "mail.contoso.com");
    let missing = finding(&report, Code::LeafCnNotInSan);
    assert_eq!(missing.text("common_name"), "exch01.contoso.local");
    assert_eq!(missing.severity, msstd_check::Severity::Warning);
    assert!(report.strict_client_accepts(), "browsers ignore the CN");
}

/// The 2021 Let's Encrypt case: the intermediate is offered twice, once by the current root
/// and once cross-signed by an old root (both trusted), and the cross-sign has expired. The
/// valid path is kept and the other is named, harmlessly.
#[test]
fn an_expired_cross_sign_beside_a_valid_path_is_passed_over() {
    let new_root = ca("ISRG-like Root X1", None);
    let old_root = ca("DST-like Root X3", None);
    let intermediate = ca("R3-like", Some(&new_root));
    let mut cross = intermediate.params.clone();
    cross.not_before = rcgen::date_time_ymd(2020, 1, 1);
    cross.not_after = rcgen::date_time_ymd(2025, 9, 30);
    let cross = sign_as(&cross, &intermediate.key, (&old_root.params, &old_root.key));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&intermediate));
    // The expired cross-sign comes first, as the 2021 bundles had it.
    let report = judge(
        &[&leaf, &cross, &intermediate],
        &[&new_root, &old_root],
        "mail.contoso.com",
    );
    assert_eq!(report.chain.status, ChainStatus::Trusted);
    assert!(
        report.findings_with(Code::CertExpired).next().is_none(),
        "{:?}",
        codes(&report)
    );
    assert!(report.strict_client_accepts());
    let passed_over = finding(&report, Code::ChainAlternative);
    assert_eq!(passed_over.text("reason"), "CERT_EXPIRED");
    assert_eq!(passed_over.text("chosen"), "valid");
    assert!(report.findings_with(Code::ChainUnrelated).next().is_none());
    let words = msstd_check::render::message(passed_over);
    assert!(words.contains("does no harm"), "{words}");
}

/// A trusted root sent cross-signed by an older, untrusted one: the path stops at the first
/// trust anchor instead of climbing on to the untrusted root.
#[test]
fn the_path_stops_at_the_first_trust_anchor() {
    let old_root = ca("Old Root", None);
    let root = ca("Current Root", None);
    let mut cross = root.params.clone();
    cross.use_authority_key_identifier_extension = true;
    let cross = sign_as(&cross, &root.key, (&old_root.params, &old_root.key));
    let intermediate = ca("Issuing", Some(&root));
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&intermediate));
    let report = judge(&[&leaf, &intermediate, &cross, &old_root], &[&root], "mail.contoso.com");
    assert_eq!(report.chain.status, ChainStatus::Trusted);
    assert_eq!(report.chain.anchor.as_ref().unwrap().subject, "CN=Current Root");
    assert!(report.strict_client_accepts(), "{:?}", codes(&report));
}

/// When the first issuer found leads nowhere, the builder backtracks and tries the next.
#[test]
fn a_dead_end_issuer_is_backtracked_from() {
    let root = ca("Root", None);
    let intermediate = ca("Issuing", Some(&root));
    // Same name and key as the intermediate, issued by a CA that was not given.
    let stranger = ca("Stranger", None);
    let dead_end = sign_as(
        &intermediate.params,
        &intermediate.key,
        (&stranger.params, &stranger.key),
    );
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), Some(&intermediate));
    let report = judge(&[&leaf, &dead_end, &intermediate], &[&root], "mail.contoso.com");
    assert!(report.strict_client_accepts(), "{:?}", codes(&report));
    assert!(report.findings_with(Code::ChainIncomplete).next().is_none());
    assert_eq!(
        finding(&report, Code::ChainAlternative).text("reason"),
        "CHAIN_INCOMPLETE"
    );
}

/// 63 CAs that share one name and each sign the next, plus a leaf: every certificate is a
/// candidate issuer of every other. The budget ends the search; the analysis answers.
#[test]
fn certificates_that_all_cross_sign_each_other_cannot_explode() {
    let keys: Vec<KeyPair> = (0..63).map(|_| ecdsa()).collect();
    let name = ca_params("Tangle CA");
    let certs: Vec<Issued> = (0..63)
        .map(|i| sign_as(&name, &keys[i], (&name, &keys[(i + 1) % 63])))
        .collect();
    let leaf = sign_as(&leaf_params(&["mail.contoso.com"]), &ecdsa(), (&name, &keys[0]));
    let mut presented: Vec<&Issued> = vec![&leaf];
    presented.extend(certs.iter());
    let report = judge(&presented, &[], "mail.contoso.com");
    assert!(!report.strict_client_accepts());
    assert!(
        report.findings_with(Code::ChainTooComplex).next().is_some(),
        "{:?}",
        codes(&report)
    );
}

/// Eight intermediates: more than any client follows (rustls-webpki stops at six).
#[test]
fn a_path_longer_than_clients_follow_is_refused_by_name() {
    let root = ca("Deep Root", None);
    let mut chain = vec![root];
    for level in 0..8 {
        let next = ca(&format!("Level {level}"), chain.last());
        chain.push(next);
    }
    let leaf = issue(leaf_params(&["mail.contoso.com"]), ecdsa(), chain.last());
    let mut presented: Vec<&Issued> = vec![&leaf];
    presented.extend(chain[1..].iter().rev());
    let report = judge(&presented, &[&chain[0]], "mail.contoso.com");
    assert!(!report.strict_client_accepts());
    assert_eq!(finding(&report, Code::ChainTooComplex).text("budget"), "path-length");

    // Six are fine: the same leaf, with Level 1 as the trusted root.
    let six: Vec<&Issued> = std::iter::once(&leaf).chain(chain[3..].iter().rev()).collect();
    let report = judge(&six, &[&chain[2]], "mail.contoso.com");
    assert!(report.strict_client_accepts(), "{:?}", codes(&report));
}
