//! A connector's `TlsCertificateName` against the certificates given: which one it names,
//! which one Exchange uses when several match, the drift a renewal leaves behind, and the
//! command that puts it right.

use super::tls_name::{same_name, TlsName};
use super::{Connector, ConnectorCheck, ExchangeCertificate};
use crate::finding::{Code, Finding, Severity};
use crate::names::covers;
use crate::UnixTime;

/// The verdict on one connector, its findings added to `findings`.
pub(super) fn judge(
    connector: &Connector,
    certificates: &[ExchangeCertificate],
    now: UnixTime,
    findings: &mut Vec<Finding>,
) -> ConnectorCheck {
    let mut check = ConnectorCheck {
        connector: connector.clone(),
        certificate: None,
        cmdlet: None,
    };
    let about = |code, severity| {
        Finding::new(code, severity)
            .with("connector", connector.identity.as_str())
            .with("kind", connector.kind.as_str())
    };
    let hybrid = connector.cloud_services_mail_enabled == Some(true);
    let Some(text) = connector
        .tls_certificate_name
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    else {
        // Without a name Exchange picks a certificate by the FQDN; a hybrid connector needs one
        // named, for Exchange Online to know the organisation by it.
        if hybrid {
            check.cmdlet = best(certificates, now, |c| carries_fqdn(connector, c)).map(|c| cmdlet(connector, c));
            findings.push(
                about(Code::ConnectorCertificateNotSet, Severity::Warning)
                    .with("cmdlet", check.cmdlet.clone().unwrap_or_default()),
            );
        }
        return check;
    };
    let Some(name) = TlsName::parse(text) else {
        check.cmdlet = best(certificates, now, |c| carries_fqdn(connector, c)).map(|c| cmdlet(connector, c));
        findings.push(
            about(Code::ConnectorCertificateNotFound, Severity::Error)
                .with("name", text)
                .with("reason", "malformed")
                .with("cmdlet", check.cmdlet.clone().unwrap_or_default()),
        );
        return check;
    };
    if certificates.is_empty() {
        findings.push(about(Code::ConnectorCertificatesNotGiven, Severity::Info).with("name", name.to_string()));
        return check;
    }
    let matching: Vec<usize> = (0..certificates.len())
        .filter(|&i| name.names(&certificates[i].issuer, &certificates[i].subject))
        .collect();
    match chosen(&matching, certificates) {
        Some(index) => {
            let certificate = &certificates[index];
            check.certificate = Some(index);
            if certificate.not_after.is_some_and(|end| end < now) {
                let renewed = best(certificates, now, |c| same_name(&c.subject, &certificate.subject));
                check.cmdlet = renewed.map(|c| cmdlet(connector, c));
                findings.push(
                    about(Code::ConnectorCertificateExpired, Severity::Error)
                        .with("thumbprint", certificate.thumbprint.as_str())
                        .with("subject", certificate.subject.as_str())
                        .with("not_after", date(certificate.not_after))
                        .with("cmdlet", check.cmdlet.clone().unwrap_or_default()),
                );
            } else {
                findings.push(
                    about(Code::ConnectorCertificateFound, Severity::Info)
                        .with("thumbprint", certificate.thumbprint.as_str())
                        .with("subject", certificate.subject.as_str())
                        .with("not_after", date(certificate.not_after))
                        .with("matches", i64::try_from(matching.len()).unwrap_or(i64::MAX)),
                );
            }
            if let Some(fqdn) = connector
                .fqdn
                .as_deref()
                .filter(|_| !carries_fqdn(connector, certificate))
            {
                findings.push(
                    about(Code::ConnectorNameNotOnCertificate, Severity::Warning)
                        .with("fqdn", fqdn)
                        .with("thumbprint", certificate.thumbprint.as_str())
                        .with("names", certificate.names.clone()),
                );
            }
        }
        None => {
            // The subject still names a valid certificate: a renewal that changed the issuer
            // (a CA rotates its intermediates), the string left naming the old one.
            let renewed = best(certificates, now, |c| same_name(&c.subject, &name.subject));
            let replacement = renewed.or_else(|| best(certificates, now, |c| carries_fqdn(connector, c)));
            check.cmdlet = replacement.map(|c| cmdlet(connector, c));
            let finding = match renewed {
                Some(renewed) => about(Code::ConnectorCertificateRenewed, Severity::Error)
                    .with("named_issuer", name.issuer.as_str())
                    .with("issuer", renewed.issuer.as_str())
                    .with("thumbprint", renewed.thumbprint.as_str()),
                None => about(Code::ConnectorCertificateNotFound, Severity::Error).with("reason", "no-match"),
            };
            findings.push(
                finding
                    .with("name", name.to_string())
                    .with("cmdlet", check.cmdlet.clone().unwrap_or_default()),
            );
        }
    }
    check
}

/// Of the certificates a connector's string matches, the one Exchange uses: the one valid
/// the longest (the latest `NotAfter`; CSS-Exchange issue #1165), a certificate whose end is
/// not known last.
fn chosen(matching: &[usize], certificates: &[ExchangeCertificate]) -> Option<usize> {
    matching
        .iter()
        .copied()
        .max_by_key(|&i| (certificates[i].not_after.map(|t| t.0), std::cmp::Reverse(i)))
}

/// The certificate to name instead: of those `fits` and valid at `now` (or of unknown
/// dates), the one valid the longest.
fn best(
    certificates: &[ExchangeCertificate],
    now: UnixTime,
    fits: impl Fn(&ExchangeCertificate) -> bool,
) -> Option<&ExchangeCertificate> {
    let candidates: Vec<usize> = (0..certificates.len())
        .filter(|&i| {
            let c = &certificates[i];
            fits(c) && c.not_after.is_none_or(|end| end >= now) && c.not_before.is_none_or(|start| start <= now)
        })
        .collect();
    chosen(&candidates, certificates).map(|i| &certificates[i])
}

/// Whether the certificate carries the connector's FQDN (a connector without one: any does).
fn carries_fqdn(connector: &Connector, certificate: &ExchangeCertificate) -> bool {
    connector
        .fqdn
        .as_deref()
        .is_none_or(|fqdn| certificate.names.iter().any(|n| covers(n, fqdn)))
}

/// `Set-SendConnector -Identity '…' -TlsCertificateName '<I>…<S>…'`, in single quotes so that
/// PowerShell expands nothing (a quote inside doubled, the typographic ones too).
pub(super) fn cmdlet(connector: &Connector, certificate: &ExchangeCertificate) -> String {
    format!(
        "{} -Identity {} -TlsCertificateName {}",
        connector.kind.set_cmdlet(),
        single_quoted(&connector.identity),
        single_quoted(&certificate.tls_certificate_name)
    )
}

pub(super) fn single_quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('\'');
    for c in text.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

fn date(time: Option<UnixTime>) -> String {
    time.map(|t| t.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::ConnectorKind;
    use super::*;

    const NOW: UnixTime = UnixTime(1_796_000_000); // 2026-11-30

    fn certificate(
        thumbprint: &str,
        issuer: &str,
        subject: &str,
        names: &[&str],
        not_after: i64,
    ) -> ExchangeCertificate {
        ExchangeCertificate::for_test(thumbprint, issuer, subject, names, not_after, 90)
    }

    fn connector(name: Option<&str>) -> Connector {
        Connector {
            kind: ConnectorKind::Send,
            identity: "Outbound to Office 365 - 1b2c".to_owned(),
            fqdn: Some("mail.contoso.com".to_owned()),
            tls_domain: Some("mail.protection.outlook.com".to_owned()),
            tls_certificate_name: name.map(str::to_owned),
            require_tls: Some(true),
            cloud_services_mail_enabled: Some(true),
        }
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    const R11: &str = "CN=R11, O=Let's Encrypt, C=US";
    const R10: &str = "CN=R10, O=Let's Encrypt, C=US";
    const MAIL: &str = "CN=mail.contoso.com";

    #[test]
    fn the_longest_valid_of_several_matches_is_used() {
        let certificates = [
            certificate("AA", R11, MAIL, &["mail.contoso.com"], NOW.0 + 10 * 86_400),
            certificate("BB", R11, MAIL, &["mail.contoso.com"], NOW.0 + 80 * 86_400),
            certificate(
                "CC",
                R11,
                "CN=other.contoso.com",
                &["other.contoso.com"],
                NOW.0 + 99 * 86_400,
            ),
        ];
        let mut findings = Vec::new();
        let check = judge(
            &connector(Some(&format!("<I>{R11}<S>{MAIL}"))),
            &certificates,
            NOW,
            &mut findings,
        );
        assert_eq!(check.certificate, Some(1));
        assert_eq!(check.cmdlet, None);
        assert_eq!(codes(&findings), ["CONNECTOR_CERTIFICATE_FOUND"]);
        assert_eq!(findings[0].number("matches"), 2);
        assert_eq!(findings[0].text("thumbprint"), "BB");
    }

    #[test]
    fn a_renewal_under_another_intermediate_is_drift_with_its_fix() {
        let certificates = [certificate("BB", R11, MAIL, &["mail.contoso.com"], NOW.0 + 80 * 86_400)];
        let mut findings = Vec::new();
        let check = judge(
            &connector(Some(&format!("<I>{R10}<S>{MAIL}"))),
            &certificates,
            NOW,
            &mut findings,
        );
        assert_eq!(codes(&findings), ["CONNECTOR_CERTIFICATE_RENEWED"]);
        assert_eq!(findings[0].text("named_issuer"), R10);
        assert_eq!(findings[0].text("issuer"), R11);
        assert_eq!(
            check.cmdlet.as_deref(),
            Some("Set-SendConnector -Identity 'Outbound to Office 365 - 1b2c' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com'")
        );
    }

    #[test]
    fn an_expired_certificate_and_a_name_no_certificate_has() {
        let certificates = [
            certificate("AA", R10, MAIL, &["mail.contoso.com"], NOW.0 - 86_400),
            certificate("BB", R11, MAIL, &["mail.contoso.com"], NOW.0 + 80 * 86_400),
        ];
        let mut findings = Vec::new();
        let check = judge(
            &connector(Some(&format!("<I>{R10}<S>{MAIL}"))),
            &certificates,
            NOW,
            &mut findings,
        );
        assert_eq!(codes(&findings), ["CONNECTOR_CERTIFICATE_EXPIRED"]);
        assert_eq!(check.certificate, Some(0));
        assert!(check
            .cmdlet
            .unwrap()
            .ends_with(&format!("'<I>{}<S>{MAIL}'", R11.replace('\'', "''"))));

        let mut findings = Vec::new();
        let check = judge(
            &connector(Some("<I>CN=Old CA<S>CN=smtp.contoso.com")),
            &certificates,
            NOW,
            &mut findings,
        );
        assert_eq!(codes(&findings), ["CONNECTOR_CERTIFICATE_NOT_FOUND"]);
        assert_eq!(findings[0].text("reason"), "no-match");
        assert!(
            check.cmdlet.unwrap().contains("<S>CN=mail.contoso.com"),
            "the certificate with the FQDN"
        );

        let mut findings = Vec::new();
        judge(&connector(Some("mail.contoso.com")), &certificates, NOW, &mut findings);
        assert_eq!(findings[0].text("reason"), "malformed");
    }

    #[test]
    fn the_fqdn_unset_names_and_no_certificates() {
        let certificates = [certificate(
            "BB",
            R11,
            "CN=other.contoso.com",
            &["other.contoso.com"],
            NOW.0 + 80 * 86_400,
        )];
        let mut findings = Vec::new();
        judge(
            &connector(Some(&format!("<I>{R11}<S>CN=other.contoso.com"))),
            &certificates,
            NOW,
            &mut findings,
        );
        assert_eq!(
            codes(&findings),
            ["CONNECTOR_CERTIFICATE_FOUND", "CONNECTOR_NAME_NOT_ON_CERTIFICATE"]
        );

        let mut findings = Vec::new();
        judge(&connector(None), &certificates, NOW, &mut findings);
        assert_eq!(codes(&findings), ["CONNECTOR_CERTIFICATE_NOT_SET"]);
        let mut plain = connector(None);
        plain.cloud_services_mail_enabled = Some(false);
        let mut findings = Vec::new();
        judge(&plain, &certificates, NOW, &mut findings);
        assert!(findings.is_empty(), "Exchange picks by FQDN");

        let mut findings = Vec::new();
        judge(&connector(Some(&format!("<I>{R11}<S>{MAIL}"))), &[], NOW, &mut findings);
        assert_eq!(codes(&findings), ["CONNECTOR_CERTIFICATES_NOT_GIVEN"]);
    }

    #[test]
    fn the_cmdlet_quotes_for_powershell() {
        assert_eq!(single_quoted("O'Brien\u{2019}s"), "'O''Brien\u{2019}\u{2019}s'");
        assert_eq!(single_quoted("$env:x `n"), "'$env:x `n'");
    }
}
