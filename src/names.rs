//! Host names as certificates carry them: case-insensitive comparison, RFC 6125 wildcards,
//! and the internal names public CAs stopped issuing.

use std::net::IpAddr;

/// Lower case, without a trailing dot.
pub(crate) fn normalise(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// Literal, case-insensitive equality: how the Windows RPC runtime compares a principal.
pub(crate) fn same(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// `*.example.com`: a wildcard in the whole left-most label, over at least two more labels.
pub(crate) fn is_wildcard(name: &str) -> bool {
    name.strip_prefix("*.")
        .is_some_and(|rest| rest.contains('.') && !rest.contains('*'))
}

/// RFC 6125 section 6.4.3 as browsers apply it: `*.example.com` matches exactly one label
/// (`mail.example.com`, not `example.com` nor `a.b.example.com`); partial-label wildcards
/// (`m*.example.com`) match nothing.
pub(crate) fn wildcard_matches(pattern: &str, host: &str) -> bool {
    let pattern = normalise(pattern);
    let host = normalise(host);
    if !is_wildcard(&pattern) {
        return false;
    }
    let suffix = &pattern[1..];
    host.strip_suffix(suffix)
        .is_some_and(|label| !label.is_empty() && !label.contains('.') && !label.contains('*'))
}

/// A DNS label of letters, digits and hyphens, 1 to 63 of them (RFC 1035 section 2.3.4).
pub(crate) fn is_ldh_label(label: &str) -> bool {
    (1..=63).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether a certificate name `pattern` covers `host` under RFC 6125 (literal or wildcard).
pub(crate) fn covers(pattern: &str, host: &str) -> bool {
    same(pattern, host) || wildcard_matches(pattern, host)
}

/// Top-level domains used inside organisations that no public CA may issue for.
const INTERNAL_SUFFIXES: &[&str] = &[
    "local",
    "localdomain",
    "lan",
    "internal",
    "intranet",
    "corp",
    "home",
    "private",
    "localhost",
];

/// The host of a URL (without port, brackets or user), if it has one: `https://[2001:db8::1]:443/x`
/// gives `2001:db8::1`.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => authority.split(':').next()?,
    };
    (!host.is_empty()).then_some(host)
}

/// A name a public CA no longer issues: a single label, a reserved internal suffix, or a
/// private, loopback or link-local address.
pub(crate) fn is_internal(name: &str) -> bool {
    let name = normalise(name);
    if let Ok(ip) = name.trim_matches(['[', ']']).parse::<IpAddr>() {
        return is_private_ip(ip);
    }
    let labels: Vec<&str> = name.split('.').filter(|l| *l != "*").collect();
    match labels.as_slice() {
        [] | [_] => true,
        [.., tld] => INTERNAL_SUFFIXES.contains(tld),
    }
}

/// Loopback, RFC 1918, CGNAT, link-local, unique-local and unspecified addresses.
pub(crate) fn is_private_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback() || v6.is_unspecified() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
    }
}

/// The host part of what an admin typed as a host: no scheme, path, port, brackets or trailing dot.
pub(crate) fn host_of(text: &str) -> String {
    let text = text.trim();
    let text = text.split_once("://").map_or(text, |(_, rest)| rest);
    let text = text.split(['/', '?', '#']).next().unwrap_or_default();
    let text = text.rsplit_once('@').map_or(text, |(_, host)| host);
    let host = if let Some(inner) = text.strip_prefix('[') {
        inner.split(']').next().unwrap_or_default()
    } else if text.matches(':').count() == 1 {
        text.split(':').next().unwrap_or_default()
    } else {
        text
    };
    normalise(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_exactly_one_label() {
        assert!(wildcard_matches("*.contoso.com", "mail.contoso.com"));
        assert!(wildcard_matches("*.Contoso.com", "MAIL.contoso.com."));
        assert!(!wildcard_matches("*.contoso.com", "contoso.com"));
        assert!(!wildcard_matches("*.contoso.com", "a.b.contoso.com"));
        assert!(!wildcard_matches("*.com", "contoso.com"));
        assert!(!wildcard_matches("m*.contoso.com", "mail.contoso.com"));
        assert!(!wildcard_matches("mail.contoso.com", "mail.contoso.com"));
        assert!(covers("mail.contoso.com", "MAIL.CONTOSO.COM"));
    }

    #[test]
    fn internal_names_are_recognised() {
        for name in [
            "exch01",
            "mail.contoso.local",
            "*.corp",
            "10.1.2.3",
            "192.168.0.1",
            "fe80::1",
            "100.64.0.1",
        ] {
            assert!(is_internal(name), "{name}");
        }
        for name in ["mail.contoso.com", "8.8.8.8", "*.contoso.com", "2001:db8::1"] {
            assert!(!is_internal(name), "{name}");
        }
    }

    #[test]
    fn host_of_strips_urls_and_ports() {
        assert_eq!(host_of("https://Mail.Contoso.com/rpc/rpcproxy.dll"), "mail.contoso.com");
        assert_eq!(host_of("mail.contoso.com:443"), "mail.contoso.com");
        assert_eq!(host_of("[2001:db8::1]:443"), "2001:db8::1");
        assert_eq!(host_of("2001:db8::1"), "2001:db8::1");
        assert_eq!(host_of(" mail.contoso.com. "), "mail.contoso.com");
    }
}
