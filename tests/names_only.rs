//! A certificate named, not given: what the Exchange Management Shell and Remote Connectivity
//! Analyzer print, as the admin pastes it, gives the names verdicts and says what was not
//! checked; beside a real certificate, it is compared with it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::{data, fixture_now};
use msstd_check::{analyze, ChainStatus, Client, Code, Connects, Format, Input, Options, Overall, Report, TrustStore};

/// `Get-ExchangeCertificate | Format-List` on a server with two certificates; the IIS one is
/// the one Outlook Anywhere presents.
const GET_EXCHANGE_CERTIFICATE: &str = "\
AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
HasPrivateKey      : True
IsSelfSigned       : False
Issuer             : CN=Contoso Test Issuing CA
NotAfter           : 5/14/2032 2:57:40 AM
NotBefore          : 11/22/2026 2:57:40 AM
PublicKeySize      : 2048
Services           : IIS, SMTP
Status             : Valid
Subject            : CN=mail.contoso.com
Thumbprint         : 00112233445566778899AABBCCDDEEFF00112233

AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains : {EX01, EX01.contoso.local}
Services           : SMTP
Subject            : CN=EX01
Thumbprint         : FFEEDDCCBBAA99887766554433221100FFEEDDCC
";

const ANALYZER: &str = "The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:owa.contoso.com";

fn check(inputs: &[Input<'_>], principal: Option<&str>, host: Option<&str>) -> Report {
    let (mozilla, microsoft) = (TrustStore::mozilla(), TrustStore::microsoft());
    analyze(
        inputs,
        &Options {
            principal,
            host,
            now: fixture_now(),
            trust: Some(&mozilla),
            windows_trust: Some(&microsoft),
            verifier: &msstd_check::signature::RustCrypto,
            revocation: &[],
        },
    )
    .unwrap()
}

fn codes(report: &Report) -> Vec<Code> {
    report.findings.iter().map(|f| f.code).collect()
}

#[test]
fn get_exchange_certificate_output_gives_the_names_verdicts() {
    let report = check(
        &[Input::new("pasted text", GET_EXCHANGE_CERTIFICATE.as_bytes())],
        Some("msstd:owa.contoso.com"),
        Some("mail.contoso.com"),
    );
    assert_eq!(report.inputs[0].format, Format::Names);
    assert!(report.certificates.is_empty());
    assert_eq!(report.chain.status, ChainStatus::NotGiven);
    let names = report.names.as_ref().unwrap();
    assert_eq!(names.common_names, vec!["mail.contoso.com"]);
    assert_eq!(
        names.thumbprint.as_deref(),
        Some("00112233445566778899AABBCCDDEEFF00112233")
    );
    let msstd = report.msstd.as_ref().unwrap();
    assert_eq!(msstd.code, Code::MsstdMismatch);
    let fix = msstd.fix.as_ref().unwrap();
    assert_eq!(fix.principal.as_deref(), Some("msstd:mail.contoso.com"));
    assert!(report.host.as_ref().unwrap().matched.is_some());
    assert!(codes(&report).contains(&Code::NamesOnly));
    assert!(report.findings.iter().all(|f| f.certificate.is_none()));
    // The names alone stop Outlook; the other clients' fate needs the chain.
    assert_eq!(
        report.verdict_for(Client::WindowsOutlook).unwrap().outcome,
        Connects::No
    );
    assert_eq!(report.verdict_for(Client::Other).unwrap().outcome, Connects::Uncertain);
    assert_eq!(report.summary.outcome, Overall::Fails);
}

#[test]
fn with_matching_names_nothing_is_claimed_to_connect() {
    let report = check(
        &[Input::new("pasted text", GET_EXCHANGE_CERTIFICATE.as_bytes())],
        Some("msstd:mail.contoso.com"),
        None,
    );
    assert_eq!(report.msstd.as_ref().unwrap().code, Code::MsstdMatch);
    assert!(
        report.clients.iter().all(|v| v.outcome == Connects::Uncertain),
        "{:?}",
        report.clients
    );
    assert_eq!(report.summary.outcome, Overall::Uncertain);
}

#[test]
fn the_analyzer_line_names_the_common_name_and_the_principal() {
    let report = check(&[Input::new("pasted text", ANALYZER.as_bytes())], None, None);
    assert_eq!(report.names.as_ref().unwrap().common_names, vec!["mail.contoso.com"]);
    let principal = report.principal.as_ref().unwrap();
    assert_eq!(principal.as_found.as_deref(), Some("msstd:owa.contoso.com"));
    let msstd = report.msstd.as_ref().unwrap();
    assert_eq!(msstd.code, Code::MsstdMismatch);
    assert_eq!(
        msstd.fix.as_ref().unwrap().principal.as_deref(),
        Some("msstd:mail.contoso.com")
    );
}

#[test]
fn outlook_anywhere_output_gives_the_host_and_the_derived_principal() {
    let outlook_anywhere = "RunspaceId : 5\nServerName : EX01\nExternalHostname : mail.contoso.com\nInternalHostname : ex01.contoso.local\nExternalClientAuthenticationMethod : Negotiate\n";
    // Alone: there is nothing to compare the host with.
    let alone = check(&[Input::new("oa.txt", outlook_anywhere.as_bytes())], None, None);
    assert_eq!(alone.msstd, None);
    assert!(alone
        .findings
        .iter()
        .any(|f| f.code == Code::NamesOnly && f.text("certificate") == "missing"));
    assert!(alone.clients.iter().all(|v| v.outcome == Connects::Uncertain));
    // Beside the certificate's names: the principal Outlook derives, msstd:<ExternalHostname>.
    let both = check(
        &[
            Input::new("fl.txt", GET_EXCHANGE_CERTIFICATE.as_bytes()),
            Input::new("oa.txt", outlook_anywhere.as_bytes()),
        ],
        None,
        None,
    );
    assert_eq!(both.host.as_ref().unwrap().host, "mail.contoso.com");
    let msstd = both.msstd.as_ref().unwrap();
    assert!(msstd.derived);
    assert_eq!(msstd.code, Code::MsstdMatch);
}

/// The thumbprint the shell shows is not the certificate exported: say so.
#[test]
fn names_beside_a_certificate_are_compared_with_it() {
    let leaf = data("contoso-leaf.pem");
    let given = check(&[Input::new("leaf.pem", &leaf)], None, None);
    let thumbprint = given.certificates[0].sha1_thumbprint.clone();
    let other = check(
        &[
            Input::new("leaf.pem", &leaf),
            Input::new("fl.txt", GET_EXCHANGE_CERTIFICATE.as_bytes()),
        ],
        None,
        None,
    );
    let finding = other.findings_with(Code::NamesOtherCertificate).next().unwrap();
    assert_eq!(finding.text("by"), "thumbprint");
    assert_eq!(finding.text("given"), thumbprint);
    let same = GET_EXCHANGE_CERTIFICATE.replacen("00112233445566778899AABBCCDDEEFF00112233", &thumbprint, 1);
    let report = check(
        &[Input::new("leaf.pem", &leaf), Input::new("fl.txt", same.as_bytes())],
        None,
        None,
    );
    assert!(report.findings_with(Code::NamesOtherCertificate).next().is_none());
    // The analyzer's Common Name against the certificate's.
    let analyzer = ANALYZER.replace("mail.contoso.com doesn't", "owa.fabrikam.com doesn't");
    let report = check(
        &[
            Input::new("leaf.pem", &leaf),
            Input::new("rca.txt", analyzer.as_bytes()),
        ],
        None,
        None,
    );
    let finding = report.findings_with(Code::NamesOtherCertificate).next().unwrap();
    assert_eq!(finding.text("by"), "common-name");
    // Its principal stands in for the one not typed.
    assert_eq!(
        report.principal.as_ref().unwrap().as_found.as_deref(),
        Some("msstd:owa.contoso.com")
    );
}

#[test]
fn text_that_names_nothing_is_still_refused() {
    let error = analyze(
        &[Input::new("notes.txt", b"please check our exchange server certificate")],
        &common::options(&TrustStore::mozilla(), None, None),
    )
    .unwrap_err();
    assert_eq!(error.code(), "INPUT_NO_CERTIFICATE");
}
