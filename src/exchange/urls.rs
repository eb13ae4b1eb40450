//! Every URL clients use (the virtual directories' `InternalUrl` and `ExternalUrl`, Outlook
//! Anywhere's host names, the Autodiscover URI of the Client Access service) against the
//! certificate IIS presents: a host it does not carry gives Outlook's security alert "The name on
//! the security certificate is invalid or does not match the name of the site" (KB 2772058) and
//! the other clients an error (KB 940726).

use super::{Directory, DirectoryCheck, ExchangeCertificate, VirtualDirectory};
use crate::finding::{Code, Finding, Severity};
use crate::names::{covers, host_of, is_wildcard};

/// The verdict on each virtual directory against `certificate` (the one IIS presents), its
/// findings added to `findings`. `None`: no certificate to compare with.
pub(super) fn judge(
    directories: &[VirtualDirectory],
    certificate: Option<(usize, &ExchangeCertificate)>,
    findings: &mut Vec<Finding>,
) -> Vec<DirectoryCheck> {
    let Some((index, certificate)) = certificate else {
        let hosts: Vec<String> = directories
            .iter()
            .flat_map(|d| d.urls.iter().map(|u| host_of(&u.value)))
            .collect();
        findings.push(Finding::new(Code::UrlCertificateNotGiven, Severity::Info).with("hosts", dedup(hosts)));
        return directories
            .iter()
            .map(|d| DirectoryCheck {
                directory: d.clone(),
                certificate: None,
                cmdlets: Vec::new(),
            })
            .collect();
    };
    let carried = |host: &str| certificate.names.iter().any(|n| covers(n, host));
    // The name to point a URL at instead: the one the other URLs use most, else the
    // certificate's first name that is neither a wildcard nor Autodiscover's.
    let mut used: Vec<(String, usize)> = Vec::new();
    for url in directories.iter().flat_map(|d| &d.urls) {
        let host = host_of(&url.value);
        if carried(&host) && !host.starts_with("autodiscover.") {
            match used.iter_mut().find(|(h, _)| *h == host) {
                Some((_, n)) => *n += 1,
                None => used.push((host, 1)),
            }
        }
    }
    let instead = used.iter().max_by_key(|(_, n)| *n).map(|(h, _)| h.clone()).or_else(|| {
        certificate
            .names
            .iter()
            .find(|n| !is_wildcard(n) && !n.to_ascii_lowercase().starts_with("autodiscover."))
            .cloned()
    });
    directories
        .iter()
        .map(|directory| {
            let about = |code, severity| {
                let finding = Finding::new(code, severity).with("directory", directory.kind.as_str());
                match &directory.identity {
                    Some(identity) => finding.with("identity", identity.as_str()),
                    None => finding,
                }
            };
            let mut cmdlets = Vec::new();
            let mut covered = Vec::new();
            for url in &directory.urls {
                let host = host_of(&url.value);
                if carried(&host) {
                    covered.push(host);
                    continue;
                }
                let cmdlet = instead
                    .as_deref()
                    .map(|name| cmdlet(directory, &url.property, &url.value, &host, name));
                cmdlets.extend(cmdlet.clone());
                findings.push(
                    about(Code::UrlHostNotOnCertificate, Severity::Error)
                        .with("property", url.property.as_str())
                        .with("url", url.value.as_str())
                        .with("host", host)
                        .with("thumbprint", certificate.thumbprint.as_str())
                        .with("names", certificate.names.clone())
                        .with("cmdlet", cmdlet.unwrap_or_default()),
                );
            }
            if !covered.is_empty() {
                findings.push(about(Code::UrlHostsOnCertificate, Severity::Info).with("hosts", dedup(covered)));
            }
            DirectoryCheck {
                directory: directory.clone(),
                certificate: Some(index),
                cmdlets,
            }
        })
        .collect()
}

fn dedup(mut hosts: Vec<String>) -> Vec<String> {
    let mut seen = Vec::with_capacity(hosts.len());
    hosts.retain(|h| {
        let new = !seen.contains(h);
        if new {
            seen.push(h.clone());
        }
        new
    });
    hosts
}

/// The command that points `property` at `name` instead of `host`: the same URL with the host
/// replaced, for the directory by its identity, or for every directory of its kind when the
/// paste did not print one (`Get-… | Set-…`).
fn cmdlet(directory: &VirtualDirectory, property: &str, value: &str, host: &str, name: &str) -> String {
    let new_value = match value.to_ascii_lowercase().find(host) {
        Some(at) if directory.kind != Directory::OutlookAnywhere => {
            format!("{}{name}{}", &value[..at], &value[at + host.len()..])
        }
        _ => name.to_owned(),
    };
    let set = directory.kind.set_cmdlet();
    let target = match &directory.identity {
        Some(identity) => format!("{set} -Identity {}", super::connectors::single_quoted(identity)),
        None => format!("{} | {set}", set.replacen("Set-", "Get-", 1)),
    };
    format!("{target} -{property} {}", super::connectors::single_quoted(&new_value))
}

#[cfg(test)]
mod tests {
    use super::super::Url;
    use super::*;

    fn certificate(names: &[&str]) -> ExchangeCertificate {
        ExchangeCertificate::for_test("AA", "CN=R11", "CN=mail.contoso.com", names, 0, 90)
    }

    fn directory(kind: Directory, identity: Option<&str>, urls: &[(&str, &str)]) -> VirtualDirectory {
        VirtualDirectory {
            kind,
            identity: identity.map(str::to_owned),
            urls: urls
                .iter()
                .map(|(property, value)| Url {
                    property: (*property).to_owned(),
                    value: (*value).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_missing_host_on_one_directory_with_its_fix() {
        let cert = certificate(&["mail.contoso.com", "autodiscover.contoso.com"]);
        let directories = [
            directory(
                Directory::Owa,
                Some("EX01\\owa (Default Web Site)"),
                &[
                    ("InternalUrl", "https://mail.contoso.com/owa"),
                    ("ExternalUrl", "https://mail.contoso.com/owa"),
                ],
            ),
            directory(
                Directory::Ews,
                None,
                &[
                    ("InternalUrl", "https://ex01.contoso.local/EWS/Exchange.asmx"),
                    ("ExternalUrl", "https://mail.contoso.com/EWS/Exchange.asmx"),
                ],
            ),
            directory(
                Directory::OutlookAnywhere,
                Some("EX01\\Rpc (Default Web Site)"),
                &[("InternalHostname", "ex01.contoso.local")],
            ),
        ];
        let mut findings = Vec::new();
        let checks = judge(&directories, Some((0, &cert)), &mut findings);
        let codes: Vec<_> = findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "URL_HOSTS_ON_CERTIFICATE",
                "URL_HOST_NOT_ON_CERTIFICATE",
                "URL_HOSTS_ON_CERTIFICATE",
                "URL_HOST_NOT_ON_CERTIFICATE"
            ]
        );
        assert_eq!(findings[0].list("hosts"), ["mail.contoso.com"]);
        assert_eq!(
            checks[1].cmdlets,
            ["Get-WebServicesVirtualDirectory | Set-WebServicesVirtualDirectory -InternalUrl 'https://mail.contoso.com/EWS/Exchange.asmx'"]
        );
        assert_eq!(
            checks[2].cmdlets,
            ["Set-OutlookAnywhere -Identity 'EX01\\Rpc (Default Web Site)' -InternalHostname 'mail.contoso.com'"]
        );
        let mut findings = Vec::new();
        judge(&directories, None, &mut findings);
        assert_eq!(findings[0].list("hosts"), ["mail.contoso.com", "ex01.contoso.local"]);
    }
}
