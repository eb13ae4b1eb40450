//! The second, independent name check on the same connection: ordinary TLS host-name
//! validation of the Outlook Anywhere host (RFC 6125: SubjectAltName first, the Common Name
//! only when there is no DNS SubjectAltName), and the Autodiscover name beside it.

use std::net::IpAddr;

use serde::Serialize;

use crate::finding::{Code, Finding, Severity};
use crate::msstd::{LeafNames, NameSource};
use crate::names::{covers, host_of, is_wildcard};

/// Whether the certificate is valid for the host Outlook connects to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostVerdict {
    /// The host, normalised (no scheme, port or path; lower case).
    pub host: String,
    /// The certificate name that covers it.
    pub matched: Option<String>,
    /// Where that name sits.
    pub via: Option<NameSource>,
}

/// Whether `autodiscover.<domain>` is on the certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AutodiscoverCheck {
    /// The Autodiscover host name checked.
    pub name: String,
    /// The certificate covers it.
    pub covered: bool,
}

/// The certificate name that covers `host` by RFC 6125, and where it sits.
fn matching_name(leaf: &LeafNames, host: &str) -> Option<(String, NameSource)> {
    let dns = &leaf.dns_names;
    let ips = &leaf.ip_addresses;
    if let Ok(ip) = host.parse::<IpAddr>() {
        if ips.contains(&ip) {
            return Some((ip.to_string(), NameSource::SubjectAltName));
        }
    } else if let Some(name) = dns.iter().find(|n| covers(n, host)) {
        return Some((name.clone(), NameSource::SubjectAltName));
    }
    if dns.is_empty() && ips.is_empty() {
        return leaf
            .common_names
            .iter()
            .find(|cn| covers(cn, host))
            .map(|cn| (cn.clone(), NameSource::CommonName));
    }
    None
}

/// Checks `host_text` against the leaf.
pub(crate) fn evaluate(
    host_text: &str,
    leaf: &LeafNames,
    leaf_index: usize,
    findings: &mut Vec<Finding>,
) -> Option<HostVerdict> {
    let host = host_of(host_text);
    if host.is_empty() {
        return None;
    }
    let matched = matching_name(leaf, &host);
    match &matched {
        Some((name, NameSource::CommonName)) => findings.push(
            Finding::new(Code::HostCnOnly, Severity::Warning)
                .about(leaf_index)
                .with("host", host.clone())
                .with("matched", name.clone()),
        ),
        Some(_) => {}
        None => {
            let names: Vec<String> = leaf
                .dns_names
                .iter()
                .cloned()
                .chain(leaf.ip_addresses.iter().map(ToString::to_string))
                .collect();
            let names = if names.is_empty() {
                leaf.common_names.clone()
            } else {
                names
            };
            findings.push(
                Finding::new(Code::HostMismatch, Severity::Error)
                    .about(leaf_index)
                    .with("host", host.clone())
                    .with("names", names),
            );
        }
    }
    Some(HostVerdict {
        host,
        via: matched.as_ref().map(|(_, via)| *via),
        matched: matched.map(|(name, _)| name),
    })
}

/// `autodiscover.<domain>` for the domain of `name` (the Outlook Anywhere host, or the
/// principal's name): `mail.contoso.com` and `*.contoso.com` give `contoso.com`.
fn autodiscover_name(name: &str) -> Option<String> {
    let name = host_of(name);
    if name.parse::<IpAddr>().is_ok() {
        return None;
    }
    let labels: Vec<&str> = name.split('.').collect();
    let domain = match labels.as_slice() {
        [] | [_] => return None,
        [first, ..] if *first == "autodiscover" => return None,
        [_, _] => name.clone(),
        [_, rest @ ..] => rest.join("."),
    };
    if is_wildcard(&domain) || domain.contains('*') {
        return None;
    }
    Some(format!("autodiscover.{domain}"))
}

/// Checks that the certificate also covers Autodiscover, which Outlook reaches first.
pub(crate) fn autodiscover(
    domain_of: &str,
    leaf: &LeafNames,
    leaf_index: usize,
    findings: &mut Vec<Finding>,
) -> Option<AutodiscoverCheck> {
    let name = autodiscover_name(domain_of)?;
    let covered = matching_name(leaf, &name).is_some();
    if !covered {
        findings.push(
            Finding::new(Code::AutodiscoverMissing, Severity::Warning)
                .about(leaf_index)
                .with("name", name.clone()),
        );
    }
    Some(AutodiscoverCheck { name, covered })
}

#[cfg(test)]
mod tests {
    use super::autodiscover_name;

    #[test]
    fn autodiscover_name_comes_from_the_parent_domain() {
        assert_eq!(
            autodiscover_name("mail.contoso.com").as_deref(),
            Some("autodiscover.contoso.com")
        );
        assert_eq!(
            autodiscover_name("*.contoso.com").as_deref(),
            Some("autodiscover.contoso.com")
        );
        assert_eq!(
            autodiscover_name("contoso.com").as_deref(),
            Some("autodiscover.contoso.com")
        );
        assert_eq!(autodiscover_name("autodiscover.contoso.com"), None);
        assert_eq!(autodiscover_name("exch01"), None);
        assert_eq!(autodiscover_name("10.0.0.1"), None);
    }
}
