//! Exchange's connectors named by `TlsCertificateName`, pasted as the Exchange Management Shell
//! prints them (`tests/data/exchange/`, see its README), judged against certificates generated
//! here (rcgen) and against `Get-ExchangeCertificate` output: the `<I>…<S>…` string of every
//! certificate as Windows formats its names, the one a connector names, the drift a renewal
//! leaves, and the command that fixes it. None of it changes whether Outlook connects.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::{ca, issue, key, now, params, Issued};
use msstd_check::render::{message, text_in, Language, Style};
use msstd_check::{analyze, Client, Code, Format, Input, Options, Report, TrustStore, UnixTime};
use rcgen::{DnType, DnValue, ExtendedKeyUsagePurpose};

fn exchange_data(name: &str) -> String {
    String::from_utf8(common::data(&format!("exchange/{name}"))).unwrap()
}

fn leaf(issuer: &Issued, not_after_year: i32) -> Issued {
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com", "autodiscover.contoso.com"]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p.not_after = rcgen::date_time_ymd(not_after_year, 1, 1);
    issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(issuer))
}

fn check(inputs: &[Input<'_>], at: UnixTime) -> Report {
    let trust = TrustStore::mozilla();
    analyze(
        inputs,
        &Options::new(at, &msstd_check::signature::RustCrypto).trust(&trust),
    )
    .unwrap()
}

fn codes(report: &Report) -> Vec<&'static str> {
    report
        .findings
        .iter()
        .filter(|f| f.is_exchange_setting())
        .map(|f| f.code.as_str())
        .collect()
}

/// The hybrid send connector of `get-sendconnector.txt` names `issuer` for mail.contoso.com.
fn send_connector(issuer: &str) -> String {
    exchange_data("get-sendconnector.txt").replace(
        "<I>CN=Contoso Issuing CA 1, O=Contoso, C=IT<S>CN=mail.contoso.com",
        &format!("<I>{issuer}<S>CN=mail.contoso.com"),
    )
}

fn contoso_ca(n: u8) -> Issued {
    let mut p = params(&[], &[]);
    p.distinguished_name.push(DnType::CountryName, "IT");
    p.distinguished_name.push(DnType::OrganizationName, "Contoso");
    p.distinguished_name
        .push(DnType::CommonName, format!("Contoso Issuing CA {n}"));
    p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&ca("Contoso Root", None)))
}

#[test]
fn a_connector_that_names_the_certificate_given() {
    let issuing = contoso_ca(1);
    let leaf = leaf(&issuing, 2027);
    let paste = format!("{}\n{}", leaf.pem, exchange_data("get-sendconnector.txt"));
    let report = check(&[Input::new("pasted", paste.as_bytes())], now());
    let exchange = report.exchange.as_ref().expect("the connector is judged");
    assert_eq!(exchange.connectors.len(), 1);
    assert_eq!(
        exchange.certificates[0].tls_certificate_name,
        "<I>CN=Contoso Issuing CA 1, O=Contoso, C=IT<S>CN=mail.contoso.com"
    );
    assert_eq!(exchange.connectors[0].certificate, Some(0));
    assert_eq!(exchange.connectors[0].cmdlet, None);
    assert_eq!(codes(&report), ["CONNECTOR_CERTIFICATE_FOUND"]);
}

#[test]
fn a_renewal_under_a_new_intermediate_is_found_and_fixed() {
    // The certificate was renewed by Contoso Issuing CA 2; the connector still names CA 1.
    let renewed = leaf(&contoso_ca(2), 2027);
    let paste = format!(
        "{}\n{}",
        renewed.pem,
        send_connector("CN=Contoso Issuing CA 1, O=Contoso, C=IT")
    );
    let report = check(&[Input::new("pasted", paste.as_bytes())], now());
    assert_eq!(codes(&report), ["CONNECTOR_CERTIFICATE_RENEWED"]);
    let cmdlet = "Set-SendConnector -Identity 'Outbound to Office 365 - 5f7c2a1e-29b1-4d39-8a40-ff7c0e2a8b11' -TlsCertificateName '<I>CN=Contoso Issuing CA 2, O=Contoso, C=IT<S>CN=mail.contoso.com'";
    let exchange = report.exchange.as_ref().unwrap();
    assert_eq!(exchange.connectors[0].cmdlet.as_deref(), Some(cmdlet));
    let finding = report.findings_with(Code::ConnectorCertificateRenewed).next().unwrap();
    assert!(
        message(finding).contains("Contoso Issuing CA 1"),
        "{}",
        message(finding)
    );
    // The fix is at the terminal, and the connector changes nothing for Outlook.
    assert!(text_in(&report, Style::Plain, Language::En).contains(cmdlet));
    assert!(text_in(&report, Style::Plain, Language::It).contains(cmdlet));
    let alone = check(&[Input::new("leaf.pem", renewed.pem.as_bytes())], now());
    for client in [Client::WindowsOutlook, Client::LegacyWindowsOutlook, Client::Other] {
        assert_eq!(
            report.verdict_for(client).map(|v| v.outcome),
            alone.verdict_for(client).map(|v| v.outcome),
            "{client:?}"
        );
    }
}

#[test]
fn several_certificates_of_one_name_and_an_expired_one() {
    // `Get-ExchangeCertificate` lists two certificates with the connector's issuer and subject:
    // Exchange uses the one valid the longest.
    let paste = format!(
        "{}\n{}",
        exchange_data("get-exchangecertificate.txt"),
        exchange_data("get-sendconnector.txt")
    );
    let at = UnixTime::parse_rfc3339("2026-12-01T00:00:00Z").unwrap();
    let report = check(&[Input::new("pasted", paste.as_bytes())], at);
    assert_eq!(report.inputs[0].format, Format::Names);
    assert_eq!(codes(&report), ["CONNECTOR_CERTIFICATE_FOUND"]);
    let found = report.findings_with(Code::ConnectorCertificateFound).next().unwrap();
    assert_eq!(found.text("thumbprint"), "2B7E151628AED2A6ABF7158809CF4F3C762E7160");
    assert_eq!(found.number("matches"), 2);

    // A year later both have expired.
    let later = UnixTime::parse_rfc3339("2028-06-01T00:00:00Z").unwrap();
    let report = check(&[Input::new("pasted", paste.as_bytes())], later);
    assert_eq!(codes(&report), ["CONNECTOR_CERTIFICATE_EXPIRED"]);
    assert_eq!(
        report.exchange.unwrap().connectors[0].cmdlet,
        None,
        "nothing valid to name"
    );
}

#[test]
fn receive_connectors_alone_and_a_name_on_no_certificate() {
    let text = exchange_data("get-receiveconnector.txt");
    let report = check(&[Input::new("pasted", text.as_bytes())], now());
    assert_eq!(report.inputs[0].format, Format::ExchangeSettings);
    assert!(report.certificates.is_empty());
    assert_eq!(
        codes(&report),
        ["CONNECTOR_CERTIFICATES_NOT_GIVEN", "CONNECTOR_CERTIFICATES_NOT_GIVEN"]
    );
    assert_eq!(
        report.exchange.as_ref().unwrap().connectors[1].connector.identity,
        "EX01\\Default Frontend EX01"
    );

    // Beside a certificate for another name: Exchange finds none for it.
    let mut p = params(&["smtp.fabrikam.com"], &["smtp.fabrikam.com"]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let other = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&contoso_ca(1)));
    let report = check(
        &[
            Input::new("connectors.txt", text.as_bytes()),
            Input::new("leaf.pem", other.pem.as_bytes()),
        ],
        now(),
    );
    assert_eq!(
        codes(&report),
        ["CONNECTOR_CERTIFICATE_NOT_FOUND", "CONNECTOR_CERTIFICATE_NOT_FOUND"]
    );
}

/// Names of every shape, as `CertNameToStr` (`CERT_X500_NAME_STR | CERT_NAME_STR_REVERSE_FLAG`)
/// writes them: the RDNs last first, Windows' keys (`S`, `E`, `OID.…`), a value with `,` `+`
/// `=` `"` `<` `>` `#` `;` or a space at either end in double quotes with `"` doubled,
/// non-ASCII as it is.
#[test]
fn tls_certificate_names_of_every_shape() {
    let cases: Vec<(Vec<(DnType, DnValue)>, &str)> = vec![
        (
            vec![
                (DnType::CountryName, "IT".into()),
                (DnType::StateOrProvinceName, "Lombardia".into()),
                (DnType::LocalityName, "Milano".into()),
                (DnType::OrganizationName, "Contoso, S.p.A.".into()),
                (DnType::OrganizationalUnitName, "R&D \"Posta\"".into()),
                (DnType::CommonName, "mail.contoso.com".into()),
            ],
            "CN=mail.contoso.com, OU=\"R&D \"\"Posta\"\"\", O=\"Contoso, S.p.A.\", L=Milano, S=Lombardia, C=IT",
        ),
        (
            vec![
                (DnType::OrganizationName, "Città di Köln".into()),
                (DnType::CommonName, "posta.città.example".into()),
            ],
            "CN=posta.città.example, O=Città di Köln",
        ),
        (
            vec![
                (
                    DnType::CustomDnType(vec![1, 2, 840, 113_549, 1, 9, 1]),
                    "admin@contoso.com".into(),
                ),
                (DnType::CustomDnType(vec![2, 5, 4, 97]), "VATIT-12345678901".into()),
                (DnType::CommonName, " a=b; #1 <x> ".into()),
            ],
            "CN=\" a=b; #1 <x> \", OID.2.5.4.97=VATIT-12345678901, E=admin@contoso.com",
        ),
        (
            vec![(DnType::CommonName, DnValue::BmpString("Ünïcødé".try_into().unwrap()))],
            "CN=Ünïcødé",
        ),
    ];
    let issuing = contoso_ca(1);
    for (attributes, expected) in cases {
        let mut p = params(&[], &["mail.contoso.com"]);
        for (kind, value) in attributes {
            p.distinguished_name.push(kind, value);
        }
        let cert = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&issuing));
        let connector = send_connector("CN=Contoso Issuing CA 1, O=Contoso, C=IT")
            .replace("<S>CN=mail.contoso.com", &format!("<S>{expected}"));
        let paste = format!("{}\n{connector}", cert.pem);
        let report = check(&[Input::new("pasted", paste.as_bytes())], now());
        let exchange = report.exchange.as_ref().unwrap();
        assert_eq!(
            exchange.certificates[0].tls_certificate_name,
            format!("<I>CN=Contoso Issuing CA 1, O=Contoso, C=IT<S>{expected}")
        );
        assert_eq!(
            exchange.connectors[0].certificate,
            Some(0),
            "{expected}: the string read back names it"
        );
    }
}

#[test]
fn the_auth_certificate_expired_soon_and_valid() {
    let paste = format!(
        "{}\n{}",
        exchange_data("get-authconfig.txt"),
        exchange_data("get-exchangecertificate.txt")
    );
    let at = |date: &str| UnixTime::parse_rfc3339(date).unwrap();
    let codes_at = |date| {
        let report = check(&[Input::new("pasted", paste.as_bytes())], at(date));
        (codes(&report), report)
    };
    // The self-signed Auth certificate ends on 2029-10-03 and lives five years.
    let (found, report) = codes_at("2026-12-01T00:00:00Z");
    assert_eq!(found, ["AUTH_CERTIFICATE_VALID", "AUTH_CERTIFICATE_LIFETIME"]);
    let auth = report.exchange.as_ref().unwrap().auth.as_ref().unwrap();
    assert_eq!(auth.cmdlet, None);
    assert_eq!(
        report.exchange.as_ref().unwrap().certificates[auth.certificate.unwrap()].thumbprint,
        "9F8E7D6C5B4A39281706F5E4D3C2B1A098765432"
    );
    let (found, _) = codes_at("2029-09-01T00:00:00Z");
    assert_eq!(found, ["AUTH_CERTIFICATE_EXPIRES_SOON", "AUTH_CERTIFICATE_LIFETIME"]);
    let (found, report) = codes_at("2029-11-01T00:00:00Z");
    assert_eq!(found, ["AUTH_CERTIFICATE_EXPIRED", "AUTH_CERTIFICATE_LIFETIME"]);
    let renewal = report.exchange.unwrap().auth.unwrap().cmdlet.unwrap();
    assert!(renewal.contains("Set-AuthConfig -PublishCertificate"), "{renewal}");
    assert!(
        text_in(&report_at(&paste, "2029-11-01T00:00:00Z"), Style::Plain, Language::It)
            .contains("Il certificato Auth di Exchange")
    );
}

fn report_at(paste: &str, date: &str) -> Report {
    check(
        &[Input::new("pasted", paste.as_bytes())],
        UnixTime::parse_rfc3339(date).unwrap(),
    )
}

#[test]
fn every_url_against_the_certificate_iis_presents() {
    let leaf = leaf(&contoso_ca(1), 2027);
    let paste = format!("{}\n{}", leaf.pem, exchange_data("get-urls.txt"));
    let report = check(&[Input::new("pasted", paste.as_bytes())], now());
    let found = codes(&report);
    assert_eq!(
        found.iter().filter(|c| **c == "URL_HOST_NOT_ON_CERTIFICATE").count(),
        1,
        "{found:?}"
    );
    let missing = report.findings_with(Code::UrlHostNotOnCertificate).next().unwrap();
    assert_eq!(missing.text("host"), "ex01.contoso.local");
    assert_eq!(missing.text("directory"), "ews");
    assert_eq!(
        missing.text("cmdlet"),
        "Get-WebServicesVirtualDirectory | Set-WebServicesVirtualDirectory -InternalUrl 'https://mail.contoso.com/EWS/Exchange.asmx'"
    );
    let directories = &report.exchange.as_ref().unwrap().directories;
    assert_eq!(directories.len(), 5);
    assert_eq!(directories[0].certificate, Some(0), "the leaf given");
    // The URLs change nothing for Outlook Anywhere at the host given.
    let alone = check(&[Input::new("leaf.pem", leaf.pem.as_bytes())], now());
    assert_eq!(report.summary.outcome, alone.summary.outcome);
}
