//! The Exchange Auth certificate (`Get-AuthConfig`): the self-signed certificate Exchange signs
//! its OAuth tokens with, for free/busy, OWA and the hybrid features. It is created for five
//! years and forgotten until those break (Microsoft Learn, "Maintain (rotate) the Exchange
//! Server OAuth certificate"; the CSS-Exchange Health Checker and `MonitorExchangeAuthCertificate.ps1`).

use super::{AuthCheck, AuthConfig, ExchangeCertificate};
use crate::finding::{Code, Finding, Severity};
use crate::UnixTime;

/// Days before its end from which the Auth certificate is worth renewing: the renewal is
/// published to the tenant and must reach every server (Microsoft's rotation procedure waits
/// 48 hours for the new certificate to take effect), so the notice is longer than a server
/// certificate's (`CERT_EXPIRES_SOON`, a third of the lifetime, at most 30 days).
pub(crate) const NOTICE_DAYS: i64 = 60;

/// Over a year: tenants that limit the lifetime of a credential an application uploads to
/// Entra ID refuse it when the hybrid wizard publishes it (CSS-Exchange #2347).
const ENTRA_LIMIT_DAYS: i64 = 365;

/// The documented renewal: a new self-signed certificate, made the next Auth certificate at
/// once, published, the previous one cleared.
pub(super) const RENEWAL: &str = "$thumbprint = (New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @()).Thumbprint\nSet-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate";

/// The verdict on the Auth configuration, its findings added to `findings`.
pub(super) fn judge(
    config: &AuthConfig,
    certificates: &[ExchangeCertificate],
    now: UnixTime,
    findings: &mut Vec<Finding>,
) -> AuthCheck {
    let find = |thumbprint: &Option<String>| {
        let thumbprint = thumbprint.as_deref()?;
        certificates
            .iter()
            .position(|c| c.thumbprint.eq_ignore_ascii_case(thumbprint))
    };
    let mut check = AuthCheck {
        config: config.clone(),
        certificate: find(&config.current),
        next_certificate: find(&config.next),
        cmdlet: None,
    };
    let Some(thumbprint) = config.current.as_deref() else {
        check.cmdlet = Some(RENEWAL.to_owned());
        findings.push(Finding::new(Code::AuthCertificateNotSet, Severity::Error));
        return check;
    };
    let Some(index) = check.certificate else {
        findings.push(Finding::new(Code::AuthCertificateNotGiven, Severity::Info).with("thumbprint", thumbprint));
        return check;
    };
    let certificate = &certificates[index];
    // A next certificate already set and not yet in effect is the renewal under way.
    let renewing = config.next.is_some()
        && check
            .next_certificate
            .is_none_or(|i| certificates[i].not_after.is_none_or(|end| end > now));
    let next = config.next.clone().unwrap_or_default();
    let effective = config.next_effective.clone().unwrap_or_default();
    match certificate.not_after {
        Some(end) if end < now => {
            check.cmdlet = (!renewing).then(|| RENEWAL.to_owned());
            findings.push(
                Finding::new(Code::AuthCertificateExpired, Severity::Error)
                    .with("thumbprint", thumbprint)
                    .with("not_after", end.to_string())
                    .with("days", now.days_until(end).abs())
                    .with("next", next)
                    .with("next_effective", effective),
            );
        }
        Some(end) if now.days_until(end) < NOTICE_DAYS => {
            check.cmdlet = (!renewing).then(|| RENEWAL.to_owned());
            findings.push(
                Finding::new(Code::AuthCertificateExpiresSoon, Severity::Warning)
                    .with("thumbprint", thumbprint)
                    .with("not_after", end.to_string())
                    .with("days", now.days_until(end))
                    .with("next", next)
                    .with("next_effective", effective),
            );
        }
        end => findings.push(
            Finding::new(Code::AuthCertificateValid, Severity::Info)
                .with("thumbprint", thumbprint)
                .with("not_after", end.map(|e| e.to_string()).unwrap_or_default())
                .with("days", end.map_or(0, |e| now.days_until(e)))
                .with("next", next),
        ),
    }
    if certificate.issuer != certificate.subject {
        findings.push(
            Finding::new(Code::AuthCertificateNotSelfSigned, Severity::Warning)
                .with("thumbprint", thumbprint)
                .with("issuer", certificate.issuer.as_str()),
        );
    }
    if let (Some(start), Some(end)) = (certificate.not_before, certificate.not_after) {
        let days = start.days_until(end);
        if days > ENTRA_LIMIT_DAYS {
            findings.push(
                Finding::new(Code::AuthCertificateLifetime, Severity::Info)
                    .with("thumbprint", thumbprint)
                    .with("days", days),
            );
        }
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: UnixTime = UnixTime(1_796_000_000); // 2026-11-30
    const DAY: i64 = 86_400;

    fn auth(thumbprint: &str, issuer: &str, days_left: i64, lifetime: i64) -> ExchangeCertificate {
        let subject = "CN=Microsoft Exchange Server Auth Certificate";
        ExchangeCertificate::for_test(thumbprint, issuer, subject, &[], NOW.0 + days_left * DAY, lifetime)
    }

    fn config(current: Option<&str>, next: Option<&str>) -> AuthConfig {
        AuthConfig {
            current: current.map(str::to_owned),
            previous: None,
            next: next.map(str::to_owned),
            next_effective: next.map(|_| "12/5/2026 10:00:00 AM".to_owned()),
        }
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    const SELF: &str = "CN=Microsoft Exchange Server Auth Certificate";

    #[test]
    fn expired_soon_valid_and_renewing() {
        let mut findings = Vec::new();
        let check = judge(
            &config(Some("AA"), None),
            &[auth("AA", SELF, -3, 1826)],
            NOW,
            &mut findings,
        );
        assert_eq!(
            codes(&findings),
            ["AUTH_CERTIFICATE_EXPIRED", "AUTH_CERTIFICATE_LIFETIME"]
        );
        assert_eq!(findings[0].number("days"), 3);
        assert_eq!(check.cmdlet.as_deref(), Some(RENEWAL));

        let mut findings = Vec::new();
        judge(
            &config(Some("AA"), None),
            &[auth("AA", SELF, 59, 365)],
            NOW,
            &mut findings,
        );
        assert_eq!(codes(&findings), ["AUTH_CERTIFICATE_EXPIRES_SOON"]);

        let mut findings = Vec::new();
        let check = judge(
            &config(Some("aa"), Some("BB")),
            &[auth("AA", SELF, 20, 365), auth("BB", SELF, 1500, 365)],
            NOW,
            &mut findings,
        );
        assert_eq!(codes(&findings), ["AUTH_CERTIFICATE_EXPIRES_SOON"]);
        assert_eq!(findings[0].text("next"), "BB");
        assert_eq!(
            (check.certificate, check.next_certificate, check.cmdlet),
            (Some(0), Some(1), None),
            "a renewal under way"
        );

        let mut findings = Vec::new();
        judge(
            &config(Some("AA"), None),
            &[auth("AA", SELF, 1000, 1826)],
            NOW,
            &mut findings,
        );
        assert_eq!(
            codes(&findings),
            ["AUTH_CERTIFICATE_VALID", "AUTH_CERTIFICATE_LIFETIME"]
        );
    }

    #[test]
    fn a_public_certificate_none_set_and_none_given() {
        let mut findings = Vec::new();
        judge(
            &config(Some("AA"), None),
            &[auth("AA", "CN=R11, O=Let's Encrypt, C=US", 80, 90)],
            NOW,
            &mut findings,
        );
        assert_eq!(
            codes(&findings),
            ["AUTH_CERTIFICATE_VALID", "AUTH_CERTIFICATE_NOT_SELF_SIGNED"]
        );
        let mut findings = Vec::new();
        assert!(judge(&config(None, None), &[], NOW, &mut findings).cmdlet.is_some());
        assert_eq!(codes(&findings), ["AUTH_CERTIFICATE_NOT_SET"]);
        let mut findings = Vec::new();
        judge(&config(Some("AA"), None), &[], NOW, &mut findings);
        assert_eq!(codes(&findings), ["AUTH_CERTIFICATE_NOT_GIVEN"]);
    }
}
