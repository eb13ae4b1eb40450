//! Exchange's settings in pasted shell output ([`crate::exchange`] judges them):
//!
//! - `Get-SendConnector | Format-List` and `Get-ReceiveConnector | Format-List`: `Identity`,
//!   `Fqdn`, `TlsCertificateName`, `TlsDomain`, `RequireTLS`, `CloudServicesMailEnabled`. A
//!   send connector is told by `AddressSpaces`, `SmartHosts` or `DNSRoutingEnabled`, a receive
//!   connector by `Bindings`, `RemoteIPRanges` or `PermissionGroups` (Microsoft Learn,
//!   "Get-SendConnector" and "Get-ReceiveConnector", the properties both print).
//! - `Get-ExchangeCertificate | Format-List`: every certificate with a `Thumbprint`, a
//!   `Subject` and an `Issuer`.

use super::format_list::{get, list, records, Record};
use crate::exchange::{Connector, ConnectorKind, ListedCertificate, Settings};

/// What `text` says of Exchange's settings (empty when nothing).
pub(crate) fn read(text: &str) -> Settings {
    let mut settings = Settings::default();
    let lower = text.to_ascii_lowercase();
    if !lower.contains("tlscertificatename") && !lower.contains("thumbprint") {
        return settings;
    }
    for record in records(text) {
        if let Some(connector) = connector(&record) {
            settings.connectors.push(connector);
        } else if let Some(certificate) = certificate(&record) {
            settings.certificates.push(certificate);
        }
    }
    settings
}

fn has(record: &Record, keys: &[&str]) -> bool {
    record.iter().any(|(k, _)| keys.contains(&k.as_str()))
}

fn connector(record: &Record) -> Option<Connector> {
    if !has(record, &["tlscertificatename"]) {
        return None;
    }
    let kind = if has(record, &["addressspaces", "smarthosts", "dnsroutingenabled"]) {
        ConnectorKind::Send
    } else if has(record, &["bindings", "remoteipranges", "permissiongroups"]) {
        ConnectorKind::Receive
    } else {
        return None;
    };
    let text = |key| get(record, key).map(str::to_owned);
    let flag = |key| {
        get(record, key).and_then(|v| match v.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
    };
    Some(Connector {
        kind,
        identity: text("identity").or_else(|| text("name"))?,
        fqdn: text("fqdn"),
        tls_domain: text("tlsdomain"),
        tls_certificate_name: text("tlscertificatename"),
        require_tls: flag("requiretls"),
        cloud_services_mail_enabled: flag("cloudservicesmailenabled"),
    })
}

fn certificate(record: &Record) -> Option<ListedCertificate> {
    let text = |key| get(record, key).map(str::to_owned);
    Some(ListedCertificate {
        thumbprint: text("thumbprint")?.to_ascii_uppercase(),
        subject: text("subject")?,
        issuer: text("issuer")?,
        domains: get(record, "certificatedomains").map(list).unwrap_or_default(),
        not_before: text("notbefore"),
        not_after: text("notafter"),
        services: text("services"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectors_and_certificates_from_one_paste() {
        let text = "\
Identity                 : Outbound to Office 365 - 5f7c2a1e
AddressSpaces            : {smtp:contoso.mail.onmicrosoft.com;1}
CloudServicesMailEnabled : True
Fqdn                     : mail.contoso.com
RequireTLS               : True
TlsCertificateName       : <I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com
TlsDomain                : mail.protection.outlook.com

Identity           : EX01\\Default Frontend EX01
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : EX01.contoso.local
TlsCertificateName :

Thumbprint : 1845b216efd0839a1851a957325da336217049cb
Subject    : CN=mail.contoso.com
Issuer     : CN=R11, O=Let's Encrypt, C=US
NotAfter   : 1/15/2027 10:00:00 AM
";
        let settings = read(text);
        assert_eq!(settings.connectors.len(), 2);
        let send = &settings.connectors[0];
        assert_eq!(send.kind, ConnectorKind::Send);
        assert_eq!(send.cloud_services_mail_enabled, Some(true));
        assert_eq!(
            send.tls_certificate_name.as_deref(),
            Some("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com")
        );
        let receive = &settings.connectors[1];
        assert_eq!(receive.kind, ConnectorKind::Receive);
        assert_eq!(receive.identity, "EX01\\Default Frontend EX01");
        assert_eq!(receive.tls_certificate_name, None);
        assert_eq!(settings.certificates.len(), 1);
        assert_eq!(
            settings.certificates[0].thumbprint,
            "1845B216EFD0839A1851A957325DA336217049CB"
        );
    }

    #[test]
    fn other_text_holds_no_settings() {
        for text in ["hello", "TlsCertificateName : x", "Thumbprint : AA\nSubject : CN=a"] {
            assert!(read(text).is_empty() && read(text).certificates.is_empty(), "{text}");
        }
    }
}
