//! Trust as Windows sees it, one test per rule of `docs/windows.md`: a root only Microsoft's
//! program holds, its Disable and NotBefore dates, a missing intermediate Windows downloads (or
//! cannot), the Common Name fallback for the host, revocation endpoints out of reach, and the
//! verdict per family of clients. Certificates are generated with rcgen; Microsoft's store is
//! built from lines in the format of `data/microsoft-roots.txt` (and the real one, for the
//! DigiCert chain of `../shared/fixtures/badssl`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::{aia, ca, issue, key, now, params, Issued};
use msstd_check::{
    analyze, AnchorSource, ChainStatus, Client, Code, Connects, Input, Options, Overall, Report, TrustStore, UnixTime,
};
use rcgen::ExtendedKeyUsagePurpose;

/// A line of `data/microsoft-roots.txt` for `root`, with the Disable and NotBefore dates.
fn program_line(root: &Issued, disabled: &str, not_after_issued: &str) -> String {
    let (_, cert) = x509_parser::parse_x509_certificate(&root.der).unwrap();
    let b64 = |der: &[u8]| {
        pem::encode_config(
            &pem::Pem::new("X", der.to_vec()),
            pem::EncodeConfig::new().set_line_wrap(usize::MAX),
        )
        .lines()
        .nth(1)
        .unwrap()
        .to_owned()
    };
    format!(
        "{} {disabled} {not_after_issued} {} {} - Test Root\n",
        "ab".repeat(20),
        b64(cert.tbs_certificate.subject.as_raw()),
        b64(cert.tbs_certificate.subject_pki.raw),
    )
}

fn microsoft(lines: &[String]) -> TrustStore {
    TrustStore::from_data(&format!("# test program\n{}", lines.concat()), AnchorSource::Microsoft).unwrap()
}

/// Analyses `inputs` for `principal` and `host` at `at`: the other clients with `others`,
/// Windows with `windows`.
fn run(
    inputs: &[Input<'_>],
    principal: &str,
    host: &str,
    others: Option<&TrustStore>,
    windows: Option<&TrustStore>,
    at: UnixTime,
) -> Report {
    analyze(
        inputs,
        &Options {
            principal: Some(principal),
            host: Some(host),
            now: at,
            trust: others,
            windows_trust: windows,
            verifier: &msstd_check::signature::RustCrypto,
            revocation: &[],
        },
    )
    .unwrap()
}

/// Analyses `pem` for `host` with the principal `msstd:<host>`: Windows with `windows`, the
/// other clients with `others`.
fn check(pem: &str, host: &str, windows: Option<&TrustStore>, others: &TrustStore, at: UnixTime) -> Report {
    let principal = format!("msstd:{host}");
    run(
        &[Input::new("served.pem", pem.as_bytes())],
        &principal,
        host,
        Some(others),
        windows,
        at,
    )
}

/// `leaf` served alone for mail.contoso.com, now, with `windows` as Microsoft's store and no
/// store for the other clients: the Windows rules alone decide.
fn windows_only(leaf: &Issued, windows: &TrustStore) -> Report {
    check(
        &leaf.pem,
        "mail.contoso.com",
        Some(windows),
        &TrustStore::empty(),
        now(),
    )
}

/// A leaf for mail.contoso.com with serverAuth, issued by `issuer`.
fn leaf_from(issuer: &Issued) -> Issued {
    issue(
        leaf_params("mail.contoso.com"),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(issuer),
    )
}

fn outcome(report: &Report, client: Client) -> Connects {
    report.verdict_for(client).unwrap().outcome
}

/// The codes that decide a family's verdict.
fn deciding(report: &Report, client: Client) -> Vec<Code> {
    report
        .verdict_for(client)
        .unwrap()
        .findings
        .iter()
        .map(|&i| report.findings[i].code)
        .collect()
}

fn has(report: &Report, code: Code) -> bool {
    report.findings.iter().any(|f| f.code == code)
}

fn leaf_params(host: &str) -> rcgen::CertificateParams {
    let mut p = params(&[host], &[host]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p
}

#[test]
fn a_root_only_microsoft_holds_connects_on_windows_and_fails_elsewhere() {
    let root = ca("Windows Only Root", None);
    let leaf = leaf_from(&root);
    let windows = microsoft(&[program_line(&root, "-", "-")]);
    let report = windows_only(&leaf, &windows);
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Yes, "{report:#?}");
    assert_eq!(outcome(&report, Client::LegacyWindowsOutlook), Connects::Yes);
    assert_eq!(outcome(&report, Client::Other), Connects::No);
    assert_eq!(deciding(&report, Client::Other), vec![Code::ChainWindowsOnly]);
    assert_eq!(deciding(&report, Client::WindowsOutlook), vec![Code::RootAutoUpdate]);
    assert_eq!(report.summary.outcome, Overall::Partial);
    assert_eq!(report.summary.errors, 0, "no error Windows would not raise");
    assert!(!report.strict_client_accepts());
}

#[test]
fn a_disabled_root_fails_on_windows() {
    let root = ca("Disabled Root", None);
    let leaf = leaf_from(&root);
    let windows = microsoft(&[program_line(&root, "2026-01-01T00:00:00Z", "-")]);
    // Before the date Windows trusts it; after, nothing that chains to it.
    let before = UnixTime::parse_rfc3339("2025-06-01T00:00:00Z").unwrap();
    let report = check(
        &leaf.pem,
        "mail.contoso.com",
        Some(&windows),
        &TrustStore::empty(),
        before,
    );
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Yes);
    let report = windows_only(&leaf, &windows);
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::No);
    assert_eq!(deciding(&report, Client::WindowsOutlook), vec![Code::RootDistrusted]);
    let finding = report.findings_with(Code::RootDistrusted).next().unwrap();
    assert_eq!(finding.text("rule"), "disabled");
    assert_eq!(finding.text("since"), "2026-01-01T00:00:00Z");
    assert_eq!(report.summary.outcome, Overall::Fails);
}

#[test]
fn a_not_before_date_stops_only_certificates_issued_after_it() {
    let root = ca("NotBefore Root", None);
    let windows = microsoft(&[program_line(&root, "-", "2025-06-01T00:00:00Z")]);
    for (year, trusted) in [(2025, true), (2026, false)] {
        let mut p = leaf_params("mail.contoso.com");
        p.not_before = rcgen::date_time_ymd(year, 1, 1);
        let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root));
        let report = windows_only(&leaf, &windows);
        let expected = if trusted { Connects::Yes } else { Connects::No };
        assert_eq!(outcome(&report, Client::WindowsOutlook), expected, "{year}");
        assert_eq!(has(&report, Code::RootDistrusted), !trusted, "{year}");
        if !trusted {
            let finding = report.findings_with(Code::RootDistrusted).next().unwrap();
            assert_eq!(finding.text("rule"), "issued-after");
        }
    }
}

#[test]
fn a_missing_intermediate_with_a_public_http_aia_is_recovered_by_windows_only() {
    let root = ca("AIA Root", None);
    let intermediate = ca("AIA Issuing CA", Some(&root));
    let windows = microsoft(&[program_line(&root, "-", "-")]);
    for (url, recoverable) in [
        ("http://pki.contoso.com/issuing.crt", true),
        (
            "ldap:///CN=AIA%20Issuing%20CA,CN=AIA,DC=contoso,DC=com?cACertificate",
            false,
        ),
        ("http://ca01.contoso.local/issuing.crt", false),
    ] {
        let mut p = leaf_params("mail.contoso.com");
        p.custom_extensions.push(aia(url));
        let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&intermediate));
        let report = windows_only(&leaf, &windows);
        assert!(has(&report, Code::ChainIncomplete), "{url}");
        assert_eq!(has(&report, Code::ChainAiaRecoverable), recoverable, "{url}");
        let expected = if recoverable { Connects::Yes } else { Connects::No };
        assert_eq!(outcome(&report, Client::WindowsOutlook), expected, "{url}");
        assert_eq!(outcome(&report, Client::Other), Connects::No, "{url}");
        assert!(
            deciding(&report, Client::Other).contains(&Code::ChainIncomplete),
            "{url}"
        );
    }
    // Without any AIA, fatal everywhere.
    let leaf = leaf_from(&intermediate);
    let report = windows_only(&leaf, &windows);
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::No);
}

#[test]
fn a_host_only_in_the_common_name_passes_on_windows_and_fails_strict_clients() {
    let root = ca("CN Root", None);
    let leaf = issue(
        params(&["mail.contoso.com"], &[]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(&root),
    );
    let windows = microsoft(&[program_line(&root, "-", "-")]);
    // The same root in both stores: only the name rule differs.
    let report = check(&leaf.pem, "mail.contoso.com", Some(&windows), &windows, now());
    assert!(has(&report, Code::HostCnOnly));
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Yes);
    assert_eq!(outcome(&report, Client::Other), Connects::No);
    assert_eq!(deciding(&report, Client::Other), vec![Code::HostCnOnly]);
}

#[test]
fn revocation_reachable_only_inside_the_network_is_reported() {
    let root = ca("Revocation Root", None);
    let windows = microsoft(&[program_line(&root, "-", "-")]);
    for (uris, reason) in [
        (
            vec!["ldap:///CN=Contoso-CA,CN=CDP,DC=contoso,DC=local?certificateRevocationList"],
            Some("ldap"),
        ),
        (vec!["http://ca01/CertEnroll/Contoso-CA.crl"], Some("internal")),
        (vec!["ldap:///CN=x", "http://crl.contoso.com/ca.crl"], None),
    ] {
        let mut p = leaf_params("mail.contoso.com");
        p.crl_distribution_points = vec![rcgen::CrlDistributionPoint {
            uris: uris.iter().map(|u| (*u).to_owned()).collect(),
        }];
        let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&root));
        let report = check(&leaf.pem, "mail.contoso.com", Some(&windows), &windows, now());
        let found = report.findings_with(Code::RevocationUnreachable).next();
        assert_eq!(found.map(|f| f.text("reason")), reason, "{uris:?}");
        // Worded as a warning: no source says Outlook refuses the connection for it.
        assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Yes, "{uris:?}");
    }
}

#[test]
fn without_microsofts_store_the_windows_verdicts_are_pending() {
    let root = ca("Pending Root", None);
    let leaf = leaf_from(&root);
    let report = check(&leaf.pem, "mail.contoso.com", None, &TrustStore::empty(), now());
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Pending);
    assert_eq!(outcome(&report, Client::LegacyWindowsOutlook), Connects::Pending);
    assert_eq!(outcome(&report, Client::Other), Connects::No);
    assert_eq!(report.summary.outcome, Overall::Pending);
}

/// A matching principal above a chain Windows refuses: the answer is no, whatever the msstd
/// verdict says (the page's green banner once sat above such an error).
#[test]
fn a_matching_principal_never_answers_yes_above_an_untrusted_root() {
    let root = ca("Internal Root", None);
    let leaf = leaf_from(&root);
    let windows = TrustStore::microsoft();
    let served = format!("{}{}", leaf.pem, root.pem);
    let report = check(
        &served,
        "mail.contoso.com",
        Some(&windows),
        &TrustStore::mozilla(),
        now(),
    );
    assert_eq!(report.msstd.as_ref().unwrap().code, Code::MsstdMatch);
    assert_eq!(report.summary.outcome, Overall::Fails);
    assert_eq!(deciding(&report, Client::WindowsOutlook), vec![Code::UntrustedRoot]);
    assert!(report
        .summary
        .fix_order
        .iter()
        .any(|&i| report.findings[i].code == Code::UntrustedRoot));
    assert!(msstd_check::render::text(&report, msstd_check::render::Style::Plain)
        .starts_with("Will Outlook Anywhere connect? No"));
}

/// The issue's case: a DigiCert wildcard chain (leaf and intermediate) from badssl.com, when
/// both were valid. DigiCert Global Root CA left Mozilla's store; Microsoft's still trusts it
/// for server authentication (its NotBefore date restricts code signing only).
#[test]
fn the_digicert_chain_connects_on_windows_and_fails_for_mozillas_store() {
    let path = format!(
        "{}/../shared/fixtures/badssl/wildcard-rsa2048.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    let pem = std::fs::read_to_string(path).unwrap();
    let (mozilla, windows) = (TrustStore::mozilla(), TrustStore::microsoft());
    let at = UnixTime::parse_rfc3339("2021-06-01T00:00:00Z").unwrap();
    let report = run(
        &[Input::new("wildcard-rsa2048.pem", pem.as_bytes())],
        "msstd:*.badssl.com",
        "mail.badssl.com",
        Some(&mozilla),
        Some(&windows),
        at,
    );
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Yes, "{report:#?}");
    assert_eq!(outcome(&report, Client::LegacyWindowsOutlook), Connects::Yes);
    assert_eq!(outcome(&report, Client::Other), Connects::No);
    assert_eq!(deciding(&report, Client::Other), vec![Code::ChainWindowsOnly]);
    assert_eq!(report.summary.errors, 0, "{:?}", report.findings);
    let anchor = report.chain.anchor.as_ref().unwrap();
    assert!(anchor.subject.ends_with("CN=DigiCert Global Root CA"), "{anchor:?}");
    assert_eq!(anchor.source, msstd_check::AnchorSource::Microsoft);
    let text = msstd_check::render::text(&report, msstd_check::render::Style::Plain);
    assert!(
        text.contains("Outlook on Windows Vista SP1 and later: connects"),
        "{text}"
    );
    assert!(
        text.contains("browsers opening OWA): fails: Windows trusts this chain"),
        "{text}"
    );
}

/// Two problems at once: the row names both, and the fix that unblocks the most families comes
/// first (the root stops all three, the principal only the two Outlook rows).
#[test]
fn the_fixes_come_in_the_order_of_the_families_they_unblock() {
    let root = ca("Internal Root", None);
    let leaf = leaf_from(&root);
    let windows = TrustStore::microsoft();
    let report = run(
        &[Input::new("served.pem", leaf.pem.as_bytes())],
        "msstd:owa.fabrikam.com",
        "mail.contoso.com",
        Some(&TrustStore::mozilla()),
        Some(&windows),
        now(),
    );
    assert_eq!(
        deciding(&report, Client::WindowsOutlook),
        vec![Code::ChainIncomplete, Code::MsstdMismatch]
    );
    assert_eq!(deciding(&report, Client::Other), vec![Code::ChainIncomplete]);
    let order: Vec<Code> = report
        .summary
        .fix_order
        .iter()
        .map(|&i| report.findings[i].code)
        .collect();
    assert_eq!(order, vec![Code::ChainIncomplete, Code::MsstdMismatch]);
}

/// The page's first verdict, before any store has arrived: the names are judged, the chain is
/// not, and no client verdict is guessed.
#[test]
fn without_any_store_only_the_names_are_judged() {
    let root = ca("Pending Root", None);
    let leaf = leaf_from(&root);
    let windows = microsoft(&[program_line(&root, "-", "-")]);
    let report = run(
        &[Input::new("served.pem", leaf.pem.as_bytes())],
        "msstd:owa.contoso.com",
        "mail.contoso.com",
        None,
        Some(&windows),
        now(),
    );
    assert_eq!(report.chain.status, ChainStatus::Pending);
    assert_eq!(report.chain.path, vec![0]);
    assert!(report.clients.iter().all(|v| v.outcome == Connects::Pending));
    assert_eq!(report.summary.outcome, Overall::Pending);
    assert_eq!(report.msstd.as_ref().unwrap().code, Code::MsstdMismatch);
    assert!(!has(&report, Code::ChainIncomplete) && !has(&report, Code::UntrustedRoot));
}

/// An issuer a tool downloaded from the AIA URL (`msstd-relay fetch`) finishes the path:
/// Windows would download it too, the other clients do not, and the corrected chain holds it.
#[test]
fn an_issuer_fetched_from_aia_finishes_the_path_for_windows_only() {
    let root = ca("Fetched Root", None);
    let intermediate = ca("Fetched Issuing CA", Some(&root));
    let url = "http://pki.contoso.com/issuing.crt";
    let mut p = leaf_params("mail.contoso.com");
    p.custom_extensions.push(aia(url));
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&intermediate));
    let windows = microsoft(&[program_line(&root, "-", "-")]);
    let report = run(
        &[
            Input::new("served.pem", leaf.pem.as_bytes()),
            Input::new("issuing.crt", &intermediate.der).fetched_from(url),
        ],
        "msstd:mail.contoso.com",
        "mail.contoso.com",
        Some(&windows),
        Some(&windows),
        now(),
    );
    assert_eq!(report.chain.status, ChainStatus::Trusted);
    let finding = report.findings_with(Code::ChainFetchedFromAia).next().unwrap();
    assert_eq!(finding.text("url"), url);
    assert!(!has(&report, Code::ChainIncomplete));
    assert_eq!(outcome(&report, Client::WindowsOutlook), Connects::Yes);
    assert_eq!(deciding(&report, Client::Other), vec![Code::ChainFetchedFromAia]);
    assert!(
        report.chain.pem.matches("BEGIN CERTIFICATE").count() == 2,
        "leaf and the issuer to install"
    );
}
