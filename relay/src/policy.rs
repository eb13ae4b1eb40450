//! What `serve` may connect to, so that whoever reaches it cannot use it to scan a network.
//!
//! `fetch`, typed by a person at a terminal, connects wherever it is told; `serve` applies a
//! [`Policy`] to every address a name resolves to, then connects to an address it checked (never
//! resolving twice, so a second DNS answer cannot slip past).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::error::FetchError;

/// The ports Exchange serves TLS on: HTTPS, SMTP (STARTTLS and implicit), IMAP and POP3 (both).
pub(crate) const MAIL_AND_WEB_PORTS: [u16; 8] = [443, 25, 587, 465, 143, 993, 110, 995];

/// What a connection may reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Policy {
    /// Whether loopback, private, link-local and other non-public addresses are allowed.
    pub allow_private: bool,
    /// Ports allowed beyond [`MAIL_AND_WEB_PORTS`]; `None` allows every port.
    pub extra_ports: Option<Vec<u16>>,
}

impl Policy {
    /// `fetch`'s policy: anything.
    pub(crate) fn unrestricted() -> Self {
        Self {
            allow_private: true,
            extra_ports: None,
        }
    }

    /// Refuses ports outside the allowed list.
    pub(crate) fn check_port(&self, port: u16) -> Result<(), FetchError> {
        match &self.extra_ports {
            None => Ok(()),
            Some(extra) if MAIL_AND_WEB_PORTS.contains(&port) || extra.contains(&port) => Ok(()),
            Some(_) => Err(FetchError::PortForbidden(port)),
        }
    }

    /// Refuses non-public addresses unless allowed; `Some(class)` names what was refused.
    pub(crate) fn refuses(&self, address: IpAddr) -> Option<&'static str> {
        if self.allow_private {
            return None;
        }
        classify(address)
    }
}

/// The kind of non-public address `address` is, or `None` for a public one.
pub(crate) fn classify(address: IpAddr) -> Option<&'static str> {
    match address {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        _ if ip.is_unspecified() || a == 0 => "unspecified (0.0.0.0/8)",
        (127, _, _) => "loopback",
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => "private (RFC 1918)",
        (100, 64..=127, _) => "shared carrier-grade NAT (100.64.0.0/10)",
        (169, 254, _) => "link-local",
        (192, 0, 0) => "IETF protocol assignment (192.0.0.0/24)",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking (198.18.0.0/15)",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved or broadcast",
        _ => return None,
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let segments = ip.segments();
    Some(match segments {
        _ if ip.is_unspecified() => "unspecified (::)",
        _ if ip.is_loopback() => "loopback",
        [0x64, 0xff9b, ..] => "NAT64 (64:ff9b::/96), which can reach private IPv4 addresses",
        [first, ..] if first & 0xfe00 == 0xfc00 => "unique local (fc00::/7)",
        [first, ..] if first & 0xffc0 == 0xfe80 => "link-local",
        [first, ..] if first & 0xff00 == 0xff00 => "multicast",
        [0x2001, 0xdb8, ..] => "documentation",
        [0x2002, ..] => "6to4 (2002::/16), which can reach private IPv4 addresses",
        [0, 0, 0, 0, 0, 0, _, _] => "IPv4-compatible (deprecated)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str) -> Option<&'static str> {
        classify(text.parse().unwrap())
    }

    #[test]
    fn non_public_addresses_are_named() {
        for (address, expected) in [
            ("127.0.0.1", "loopback"),
            ("10.1.2.3", "private"),
            ("172.31.255.255", "private"),
            ("192.168.0.1", "private"),
            ("100.64.0.1", "carrier-grade"),
            ("169.254.169.254", "link-local"),
            ("0.0.0.0", "unspecified"),
            ("224.0.0.1", "multicast"),
            ("255.255.255.255", "broadcast"),
            ("::1", "loopback"),
            ("::", "unspecified"),
            ("fd00::1", "unique local"),
            ("fe80::1", "link-local"),
            ("ff02::1", "multicast"),
            ("::ffff:10.0.0.1", "private"),
            ("::ffff:127.0.0.1", "loopback"),
            ("64:ff9b::a00:1", "NAT64"),
            ("2002:a00:1::", "6to4"),
        ] {
            let found = class(address).unwrap_or_else(|| panic!("{address} passed as public"));
            assert!(found.contains(expected), "{address}: {found}");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for address in [
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "52.97.1.2",
            "2603:1026::1",
            "::ffff:52.97.1.2",
        ] {
            assert_eq!(class(address), None, "{address}");
        }
    }

    #[test]
    fn ports_and_the_private_switch() {
        let strict = Policy {
            allow_private: false,
            extra_ports: Some(vec![8443]),
        };
        assert!(strict.check_port(443).is_ok());
        assert!(strict.check_port(8443).is_ok());
        assert_eq!(strict.check_port(22).unwrap_err().code(), "PORT_FORBIDDEN");
        assert!(strict.refuses("192.168.1.1".parse().unwrap()).is_some());
        let open = Policy::unrestricted();
        assert!(open.check_port(22).is_ok());
        assert_eq!(open.refuses("192.168.1.1".parse().unwrap()), None);
    }
}
