//! A certificate named instead of given: the text admins have at hand when they have no
//! exported certificate, from which the names checks still run.
//!
//! - `Get-ExchangeCertificate | Format-List` (or `| fl *`): `Subject`, `CertificateDomains`,
//!   `Thumbprint`, `NotBefore`, `NotAfter`, `Issuer`, `Services`. Of several certificates, the
//!   one bound to IIS (the one Outlook Anywhere presents), else the first.
//! - Remote Connectivity Analyzer's detail line, "The certificate common name X doesn't validate
//!   against the mutual authentication string that was provided: msstd:Y": the Common Name, and
//!   the principal it was compared with.
//! - `Get-OutlookAnywhere | Format-List`: `ExternalHostname`, the host Outlook connects to (and
//!   derives `msstd:<host>` from when no principal is set).

use super::format_list::{list, records};
use crate::report::{NamedCertificate, NamesSource};

/// What `text` names, or `None` when it names nothing this module knows.
pub(crate) fn read(text: &str) -> Option<NamedCertificate> {
    let mut named = NamedCertificate::default();
    let records = records(text);
    let get = |record: &[(String, String)], key: &str| {
        record
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    let certificates: Vec<&Vec<(String, String)>> = records
        .iter()
        .filter(|r| {
            get(r, "thumbprint").is_some() && (get(r, "subject").is_some() || get(r, "certificatedomains").is_some())
        })
        .collect();
    let chosen = certificates
        .iter()
        .find(|r| get(r, "services").is_some_and(|s| s.to_ascii_uppercase().contains("IIS")))
        .or_else(|| certificates.first());
    if let Some(record) = chosen {
        named.sources.push(NamesSource::GetExchangeCertificate);
        named.subject = get(record, "subject");
        named.common_names = named.subject.as_deref().and_then(common_name).into_iter().collect();
        named.dns_names = get(record, "certificatedomains").map(|d| list(&d)).unwrap_or_default();
        named.thumbprint = get(record, "thumbprint").map(|t| t.to_ascii_uppercase());
        named.issuer = get(record, "issuer");
        named.not_before = get(record, "notbefore");
        named.not_after = get(record, "notafter");
        named.services = get(record, "services");
    }
    if let Some(host) = records.iter().find_map(|r| get(r, "externalhostname")) {
        named.sources.push(NamesSource::GetOutlookAnywhere);
        named.host = Some(host);
    }
    if let Some((cn, line)) = connectivity_analyzer(text) {
        named.merge(NamedCertificate {
            sources: vec![NamesSource::ConnectivityAnalyzer],
            common_names: vec![cn],
            principal: Some(line),
            ..NamedCertificate::default()
        });
    }
    (!named.sources.is_empty()).then_some(named)
}

/// The Common Name of a subject as Windows prints it (`CN=mail.contoso.com, OU=IT, O=Contoso`).
fn common_name(subject: &str) -> Option<String> {
    subject
        .split(',')
        .map(str::trim)
        .find_map(|part| {
            let (key, value) = part.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("CN")
                .then(|| value.trim().trim_matches('"').to_owned())
        })
        .filter(|cn| !cn.is_empty())
}

/// Remote Connectivity Analyzer's line: the Common Name it names, and the line itself (for the
/// principal in it).
fn connectivity_analyzer(text: &str) -> Option<(String, String)> {
    const SAYS: &str = "certificate common name ";
    text.lines().find_map(|line| {
        let at = line.to_ascii_lowercase().find(SAYS)?;
        let cn = line[at + SAYS.len()..].split_whitespace().next()?;
        let cn = cn.trim_matches(|c: char| c == '"' || c == '\'' || c == ',');
        (!cn.is_empty() && line.to_ascii_lowercase().contains("msstd:"))
            .then(|| (cn.to_owned(), line.trim().to_owned()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FL: &str = "\
AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com, legacy.contoso.com,
                     owa.contoso.com}
HasPrivateKey      : True
Issuer             : CN=R11, O=Let's Encrypt, C=US
NotAfter           : 1/15/2027 10:00:00 AM
NotBefore          : 10/17/2026 10:00:00 AM
Services           : IIS, SMTP
Subject            : CN=mail.contoso.com
Thumbprint         : 1845b216efd0839a1851a957325da336217049cb

CertificateDomains : {EX01, EX01.contoso.local}
Services           : SMTP
Subject            : CN=EX01
Thumbprint         : 0000B216EFD0839A1851A957325DA336217049CB
";

    #[test]
    fn get_exchange_certificate_output_names_the_iis_certificate() {
        let named = read(FL).unwrap();
        assert_eq!(named.sources, vec![NamesSource::GetExchangeCertificate]);
        assert_eq!(named.common_names, vec!["mail.contoso.com"]);
        assert_eq!(
            named.dns_names,
            vec![
                "mail.contoso.com",
                "autodiscover.contoso.com",
                "legacy.contoso.com",
                "owa.contoso.com"
            ]
        );
        assert_eq!(
            named.thumbprint.as_deref(),
            Some("1845B216EFD0839A1851A957325DA336217049CB")
        );
        assert_eq!(named.services.as_deref(), Some("IIS, SMTP"));
        assert_eq!(named.not_after.as_deref(), Some("1/15/2027 10:00:00 AM"));
    }

    #[test]
    fn the_analyzer_line_and_outlook_anywhere_output() {
        let named = read("The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:owa.contoso.com").unwrap();
        assert_eq!(named.sources, vec![NamesSource::ConnectivityAnalyzer]);
        assert_eq!(named.common_names, vec!["mail.contoso.com"]);
        assert!(named.principal.unwrap().ends_with("msstd:owa.contoso.com"));
        let named = read("RunspaceId : 1\nServerName : EX01\nExternalHostname : mail.contoso.com\nInternalHostname : ex01.contoso.local\n").unwrap();
        assert_eq!(named.host.as_deref(), Some("mail.contoso.com"));
        assert!(!named.names_a_certificate());
    }

    #[test]
    fn other_text_names_nothing() {
        for text in [
            "hello world",
            "Name : EXPR\nCertPrincipalName : msstd:a",
            "-----BEGIN FOO-----",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
