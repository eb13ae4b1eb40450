//! Exchange's settings in pasted shell output ([`crate::exchange`] judges them):
//!
//! - `Get-SendConnector | Format-List` and `Get-ReceiveConnector | Format-List`: `Identity`,
//!   `Fqdn`, `TlsCertificateName`, `TlsDomain`, `RequireTLS`, `CloudServicesMailEnabled`. A
//!   send connector is told by `AddressSpaces`, `SmartHosts` or `DNSRoutingEnabled`, a receive
//!   connector by `Bindings`, `RemoteIPRanges` or `PermissionGroups` (Microsoft Learn,
//!   "Get-SendConnector" and "Get-ReceiveConnector", the properties both print).
//! - `Get-ExchangeCertificate | Format-List`: every certificate with a `Thumbprint`, a
//!   `Subject` and an `Issuer`.
//! - `Get-AuthConfig | Format-List`: `CurrentCertificateThumbprint`,
//!   `PreviousCertificateThumbprint`, `NextCertificateThumbprint`, `NextCertificateEffectiveDate`.
//! - The URLs clients use: `InternalUrl` and `ExternalUrl` of `Get-OwaVirtualDirectory`,
//!   `Get-EcpVirtualDirectory`, `Get-WebServicesVirtualDirectory`,
//!   `Get-ActiveSyncVirtualDirectory`, `Get-OabVirtualDirectory` and `Get-MapiVirtualDirectory`
//!   (`| Format-List *url*` or more; which directory, from `Identity`, `SERVER\owa (Default Web
//!   Site)`, else from the URL's path), `InternalHostname` and `ExternalHostname` of
//!   `Get-OutlookAnywhere`, `AutoDiscoverServiceInternalUri` of `Get-ClientAccessService`.

use super::format_list::{get, list, records, Record};
use crate::exchange::{
    AuthConfig, Connector, ConnectorKind, Directory, ListedCertificate, Settings, Url, VirtualDirectory,
};

/// The keys whose presence says the text may print a setting read here.
const KEYS: [&str; 6] = [
    "tlscertificatename",
    "thumbprint",
    "url",
    "hostname",
    "autodiscoverserviceinternaluri",
    "certificatethumbprint",
];

/// What `text` says of Exchange's settings (empty when nothing).
pub(crate) fn read(text: &str) -> Settings {
    let mut settings = Settings::default();
    let lower = text.to_ascii_lowercase();
    if !KEYS.iter().any(|k| lower.contains(k)) {
        return settings;
    }
    for record in records(text) {
        if let Some(connector) = connector(&record) {
            settings.connectors.push(connector);
        } else if has(&record, &["currentcertificatethumbprint"]) {
            let text = |key| get(&record, key).map(str::to_ascii_uppercase);
            settings.auth.get_or_insert(AuthConfig {
                current: text("currentcertificatethumbprint"),
                previous: text("previouscertificatethumbprint"),
                next: text("nextcertificatethumbprint"),
                next_effective: get(&record, "nextcertificateeffectivedate").map(str::to_owned),
            });
        } else if let Some(directory) = directory(&record) {
            settings.directories.push(directory);
        } else if let Some(certificate) = certificate(&record) {
            settings.certificates.push(certificate);
        }
    }
    settings
}

/// The URL properties, lower case as read and as Exchange prints them.
const URLS: [(&str, &str); 5] = [
    ("internalurl", "InternalUrl"),
    ("externalurl", "ExternalUrl"),
    ("internalhostname", "InternalHostname"),
    ("externalhostname", "ExternalHostname"),
    ("autodiscoverserviceinternaluri", "AutoDiscoverServiceInternalUri"),
];

fn directory(record: &Record) -> Option<VirtualDirectory> {
    let urls: Vec<Url> = URLS
        .iter()
        .filter_map(|(key, property)| {
            let value = get(record, key)?;
            // A URL property holds a URL; a host-name property a name (`$null` and
            // `{}` are not set).
            let usable = if key.ends_with("hostname") {
                !value.contains(char::is_whitespace) && !value.starts_with(['$', '{'])
            } else {
                crate::names::url_host(value).is_some()
            };
            usable.then(|| Url {
                property: (*property).to_owned(),
                value: value.to_owned(),
            })
        })
        .collect();
    let first = urls.first()?;
    let identity = get(record, "identity").map(str::to_owned);
    let kind = if has(record, &["autodiscoverserviceinternaluri"]) {
        Directory::Autodiscover
    } else if has(record, &["internalhostname", "externalhostname"]) {
        Directory::OutlookAnywhere
    } else {
        // `EX01\owa (Default Web Site)`, else the URL's first path segment.
        let named = identity
            .as_deref()
            .and_then(|i| i.rsplit('\\').next())
            .map(|n| n.split(" (").next().unwrap_or(n).trim());
        let path = first
            .value
            .split_once("://")
            .and_then(|(_, rest)| rest.split('/').nth(1));
        named
            .and_then(Directory::from_name)
            .or_else(|| path.and_then(Directory::from_name))?
    };
    Some(VirtualDirectory { kind, identity, urls })
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
    fn auth_config_and_the_urls_clients_use() {
        let text = "\
RunspaceId                    : 5b3f2a7c-0000-4000-8000-000000000000
CurrentCertificateThumbprint  : 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432
PreviousCertificateThumbprint :
NextCertificateThumbprint     :
NextCertificateEffectiveDate  :
ServiceName                   : 00000002-0000-0ff1-ce00-000000000000

InternalUrl : https://mail.contoso.com/owa
ExternalUrl : https://mail.contoso.com/owa

Identity    : EX01\\EWS (Default Web Site)
InternalUrl : https://ex01.contoso.local/EWS/Exchange.asmx
ExternalUrl :

InternalHostname : ex01.contoso.local
ExternalHostname : mail.contoso.com

Identity                       : EX01
AutoDiscoverServiceInternalUri : https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml
";
        let settings = read(text);
        let auth = settings.auth.unwrap();
        assert_eq!(
            auth.current.as_deref(),
            Some("9F8E7D6C5B4A39281706F5E4D3C2B1A098765432")
        );
        assert_eq!(auth.next, None);
        let kinds: Vec<_> = settings.directories.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                Directory::Owa,
                Directory::Ews,
                Directory::OutlookAnywhere,
                Directory::Autodiscover
            ]
        );
        assert_eq!(settings.directories[1].urls.len(), 1, "an empty ExternalUrl is not set");
        assert_eq!(
            settings.directories[1].identity.as_deref(),
            Some("EX01\\EWS (Default Web Site)")
        );
        assert_eq!(settings.directories[2].urls[1].property, "ExternalHostname");
    }

    #[test]
    fn other_text_holds_no_settings() {
        for text in ["hello", "TlsCertificateName : x", "Thumbprint : AA\nSubject : CN=a"] {
            assert!(read(text).is_empty() && read(text).certificates.is_empty(), "{text}");
        }
    }
}
