//! The msstd verdict against certificates generated in the test, for every MSSTD_* code.

mod common;

use common::*;
use msstd_check::msstd::Outcome;
use msstd_check::{Code, Severity};

const CONTOSO: &[&str] = &["mail.contoso.com", "autodiscover.contoso.com"];

#[test]
fn cn_match_works_everywhere_and_needs_no_fix() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:mail.contoso.com"), None);
    let verdict = report.msstd.as_ref().unwrap();
    assert_eq!(verdict.code, Code::MsstdMatch);
    assert_eq!(verdict.legacy_windows, Outcome::Pass);
    assert_eq!(verdict.modern_windows, Outcome::Pass);
    assert!(verdict.fix.is_none());
    assert_eq!(report.summary.verdict, Some(Code::MsstdMatch));
    assert_eq!(report.summary.errors, 0, "{:?}", codes(&report));
}

#[test]
fn comparison_ignores_case_and_trailing_dot_in_the_certificate() {
    let pki = pki(&["Mail.Contoso.COM"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:MAIL.contoso.com"), None);
    assert_eq!(report.msstd.unwrap().code, Code::MsstdMatch);
}

#[test]
fn san_only_match_warns_and_recommends_the_cn() {
    let pki = pki(&["owa.contoso.com"], &["owa.contoso.com", "mail.contoso.com"]);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:mail.contoso.com"), None);
    let verdict = report.msstd.as_ref().unwrap();
    assert_eq!(verdict.code, Code::MsstdSanOnly);
    assert_eq!(verdict.legacy_windows, Outcome::Fail);
    assert_eq!(verdict.modern_windows, Outcome::Pass);
    let fix = verdict.fix.as_ref().unwrap();
    assert_eq!(fix.principal.as_deref(), Some("msstd:owa.contoso.com"));
    assert!(fix.works_on_all_windows);
    assert_eq!(
        fix.set_outlook_provider,
        vec![
            "Set-OutlookProvider EXPR -CertPrincipalName \"msstd:owa.contoso.com\"",
            "Set-OutlookProvider EXCH -CertPrincipalName \"msstd:owa.contoso.com\""
        ]
    );
    assert_eq!(fix.reissue_common_name.as_deref(), Some("mail.contoso.com"));
    let finding = report.findings_with(Code::MsstdSanOnly).next().unwrap();
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.text("matched"), "mail.contoso.com");
}

#[test]
fn mismatch_is_an_error_with_the_cmdlet_for_the_certificate() {
    let pki = pki(&["webmail.fabrikam.com"], &["webmail.fabrikam.com"]);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:mail.contoso.com"), None);
    let verdict = report.msstd.as_ref().unwrap();
    assert_eq!(verdict.code, Code::MsstdMismatch);
    assert_eq!(
        (verdict.legacy_windows, verdict.modern_windows),
        (Outcome::Fail, Outcome::Fail)
    );
    let fix = verdict.fix.as_ref().unwrap();
    assert_eq!(fix.outlook_setting.as_deref(), Some("msstd:webmail.fabrikam.com"));
    let finding = report.findings_with(Code::MsstdMismatch).next().unwrap();
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.certificate, Some(report.leaf));
    let message = msstd_check::render::message(finding);
    assert!(
        message.contains("Mutual authentication could not be established"),
        "{message}"
    );
    assert!(msstd_check::render::fix(finding)
        .unwrap()
        .contains("Set-OutlookProvider EXPR"));
}

#[test]
fn wildcard_certificate_wants_the_literal_wildcard_principal() {
    let pki = pki(&["*.contoso.com"], &["*.contoso.com"]);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:mail.contoso.com"), None);
    let verdict = report.msstd.as_ref().unwrap();
    assert_eq!(verdict.code, Code::MsstdWildcard);
    assert_eq!(verdict.legacy_windows, Outcome::Fail);
    assert_eq!(verdict.modern_windows, Outcome::Uncertain);
    assert_eq!(
        verdict.fix.as_ref().unwrap().principal.as_deref(),
        Some("msstd:*.contoso.com")
    );

    let literal = check_with_root(&[&pki.served()], &pki.root, Some("msstd:*.contoso.com"), None);
    assert_eq!(literal.msstd.unwrap().code, Code::MsstdMatch);
}

#[test]
fn wildcard_covers_one_label_only() {
    let pki = pki(&["*.contoso.com"], &["*.contoso.com"]);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:a.b.contoso.com"), None);
    assert_eq!(report.msstd.unwrap().code, Code::MsstdMismatch);
}

#[test]
fn syntax_defects_are_errors_with_the_corrected_value_and_the_match_behind_them() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    for (typed, defect) in [
        ("msstd: mail.contoso.com", "SPACE_AFTER_PREFIX"),
        ("mail.contoso.com", "MISSING_PREFIX"),
        ("\"msstd:mail.contoso.com\"", "QUOTES"),
        ("\u{201c}msstd:mail.contoso.com\u{201d}", "QUOTES"),
        ("msstd:mail.contoso.com.", "TRAILING_DOT"),
        ("MSSTD:mail.contoso.com", "UPPERCASE_PREFIX"),
        (" msstd:mail.contoso.com ", "WHITESPACE_AROUND"),
        ("msstd:https://mail.contoso.com/rpc/rpcproxy.dll", "URL"),
        ("msstd:mail.contoso.com:443", "PORT"),
    ] {
        let report = check_with_root(&[&pki.served()], &pki.root, Some(typed), None);
        let verdict = report.msstd.as_ref().unwrap();
        assert_eq!(verdict.code, Code::MsstdSyntax, "{typed}");
        let syntax = report.findings_with(Code::MsstdSyntax).next().unwrap();
        assert!(syntax.list("defects").contains(&defect), "{typed}: {:?}", syntax.params);
        assert_eq!(syntax.text("corrected"), "msstd:mail.contoso.com", "{typed}");
        assert!(has(&report, Code::MsstdMatch), "{typed}: the corrected value matches");
        let message = msstd_check::render::message(syntax);
        assert!(message.contains("Write it as msstd:mail.contoso.com"), "{message}");
    }
}

#[test]
fn empty_value_is_a_syntax_error_with_a_recommendation() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:"), None);
    let verdict = report.msstd.unwrap();
    assert_eq!(verdict.code, Code::MsstdSyntax);
    assert_eq!(
        verdict.fix.unwrap().principal.as_deref(),
        Some("msstd:mail.contoso.com")
    );
}

#[test]
fn none_disables_the_check() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("none"), None);
    let verdict = report.msstd.unwrap();
    assert_eq!(verdict.code, Code::MsstdDisabled);
    assert_eq!(verdict.legacy_windows, Outcome::NotChecked);
}

#[test]
fn fullsic_is_recognised_and_not_compared() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("fullsic:CN=mail.contoso.com"), None);
    assert_eq!(report.msstd.unwrap().code, Code::MsstdFullsic);
}

#[test]
fn no_value_derives_the_principal_from_the_host() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, None, Some("mail.contoso.com"));
    let verdict = report.msstd.as_ref().unwrap();
    assert!(verdict.derived);
    assert_eq!(verdict.code, Code::MsstdMatch);
    assert_eq!(verdict.principal.as_deref(), Some("msstd:mail.contoso.com"));
    assert!(has(&report, Code::MsstdDerived));

    let unset = "Name : EXPR\nServer : mail.contoso.com\nCertPrincipalName :\n";
    let report = check_with_root(&[&pki.served()], &pki.root, Some(unset), None);
    assert!(report.msstd.as_ref().unwrap().derived);
    assert_eq!(report.msstd.unwrap().code, Code::MsstdMatch);
}

#[test]
fn nothing_to_compare_means_no_verdict() {
    let pki = pki(&["mail.contoso.com"], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, None, None);
    assert!(report.msstd.is_none());
    assert_eq!(report.summary.verdict, None);
}

#[test]
fn san_only_certificate_without_cn_warns_that_legacy_windows_always_fails() {
    let pki = pki(&[], CONTOSO);
    let report = check_with_root(&[&pki.served()], &pki.root, Some("msstd:mail.contoso.com"), None);
    assert!(has(&report, Code::MsstdNoCn));
    let verdict = report.msstd.unwrap();
    assert_eq!(verdict.code, Code::MsstdSanOnly);
    let fix = verdict.fix.unwrap();
    assert_eq!(fix.principal, None, "no value can do better without a CN");
    assert_eq!(fix.reissue_common_name.as_deref(), Some("mail.contoso.com"));
}

#[test]
fn subject_email_changes_the_principal_windows_builds() {
    let mut p = params(&["mail.contoso.com"], CONTOSO);
    p.distinguished_name.push(
        rcgen::DnType::CustomDnType(vec![1, 2, 840, 113_549, 1, 9, 1]),
        "admin@contoso.com",
    );
    let root = ca("Root", None);
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root));
    let report = check_with_root(&[&leaf.pem], &root, Some("msstd:mail.contoso.com"), None);
    let finding = report.findings_with(Code::MsstdEmailSubject).next().unwrap();
    assert_eq!(finding.text("principal"), "msstd:admin@contoso.com");
    assert_eq!(report.msstd.unwrap().legacy_windows, Outcome::Uncertain);
}

#[test]
fn several_common_names_are_flagged() {
    let pem = data("multiple-cn.pem");
    let report = check_at(
        &[msstd_check::Input::new("multiple-cn.pem", &pem)],
        Some("msstd:legacy.contoso.com"),
        None,
        fixture_now(),
    );
    let finding = report.findings_with(Code::MsstdMultipleCn).next().unwrap();
    assert_eq!(
        finding.list("common_names"),
        vec!["mail.contoso.com", "legacy.contoso.com"]
    );
    assert_eq!(report.msstd.unwrap().code, Code::MsstdMatch);
}
