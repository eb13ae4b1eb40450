//! How names become addresses: `--connect-to` overrides first (curl's option: connect
//! elsewhere, still naming the host in SNI and `Host`), then hickory-resolver when
//! `--dns-server` names a server (the view from inside a split-horizon DNS), else the system's
//! resolver. SRV records, which the system resolver cannot look up, always go through
//! hickory-resolver.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use hickory_resolver::config::{NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::xfer::Protocol;
use hickory_resolver::TokioResolver;

use crate::error::FetchError;

/// `--connect-to HOST:PORT:ADDRESS:PORT`: a connection to the first pair goes to the second.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ConnectTo {
    pub host: String,
    pub port: u16,
    pub to_host: String,
    pub to_port: u16,
}

impl ConnectTo {
    /// Reads `HOST:PORT:ADDRESS:PORT` (an IPv6 address in brackets).
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("--connect-to takes HOST:PORT:ADDRESS:PORT, not {text:?}");
        let (from, to) = split_pair(text).ok_or_else(bad)?;
        let (host, port) = host_port(from).ok_or_else(bad)?;
        let (to_host, to_port) = host_port(to).ok_or_else(bad)?;
        Ok(Self {
            host: host.to_ascii_lowercase(),
            port,
            to_host,
            to_port,
        })
    }
}

/// Reads `--dns-server`: an IP address, with `:PORT` when not 53 (an IPv6 one in brackets then).
pub(crate) fn parse_dns_server(text: &str) -> Result<SocketAddr, String> {
    text.parse::<SocketAddr>()
        .or_else(|_| text.parse::<IpAddr>().map(|ip| SocketAddr::new(ip, 53)))
        .map_err(|_| format!("--dns-server takes an IP address, with :PORT if not 53, not {text:?}"))
}

/// Splits `A:1:B:2` after the second port-separating colon, brackets respected.
fn split_pair(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0;
    let mut colons = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ':' if depth == 0 => {
                colons += 1;
                if colons == 2 {
                    return Some((&text[..i], &text[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

fn host_port(text: &str) -> Option<(String, u16)> {
    let (host, port) = text.rsplit_once(':')?;
    let host = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    (!host.is_empty()).then_some(())?;
    Some((host.to_owned(), port.parse().ok().filter(|p| *p != 0)?))
}

/// A DNS server to ask instead of the system's.
#[derive(Clone)]
struct Server {
    resolver: Arc<TokioResolver>,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Server")
    }
}

/// What turns names into addresses for every connection of a command.
#[derive(Clone, Debug, Default)]
pub(crate) struct Resolver {
    connect_to: Arc<[ConnectTo]>,
    /// `--dns-server`, or `None` for the system's resolver.
    server: Option<SocketAddr>,
    /// hickory-resolver, built on first use.
    dns: Arc<std::sync::OnceLock<Result<Server, String>>>,
}

/// The outcome of an SRV lookup.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Srv {
    /// The record's target and port (the best by priority, then weight).
    Found { target: String, port: u16 },
    /// The name has no SRV record.
    None,
}

impl Resolver {
    /// Overrides, and the DNS server to ask (`None`: the system's).
    pub(crate) fn new(connect_to: Vec<ConnectTo>, server: Option<SocketAddr>) -> Self {
        Self {
            connect_to: connect_to.into(),
            server,
            dns: Arc::default(),
        }
    }

    /// Where a connection to `host`:`port` goes: an override, or the pair itself.
    pub(crate) fn destination(&self, host: &str, port: u16) -> (String, u16) {
        self.connect_to
            .iter()
            .find(|c| c.port == port && c.host.eq_ignore_ascii_case(host))
            .map_or_else(|| (host.to_owned(), port), |c| (c.to_host.clone(), c.to_port))
    }

    /// The addresses to connect to for `host`:`port`, within `timeout`.
    pub(crate) fn addresses(&self, host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, FetchError> {
        let (host, port) = self.destination(host, port);
        let host = host.as_str();
        if let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            return Ok(vec![SocketAddr::new(ip, port)]);
        }
        let dns_error = |detail: String| FetchError::Dns {
            host: host.to_owned(),
            detail,
        };
        if self.server.is_some() {
            let server = self.server(timeout).map_err(dns_error)?;
            let name = host.to_owned();
            let lookup = server
                .runtime
                .block_on(async { server.resolver.lookup_ip(name).await })
                .map_err(|e| dns_error(e.to_string()))?;
            let addresses: Vec<SocketAddr> = lookup.iter().map(|ip| SocketAddr::new(ip, port)).collect();
            return if addresses.is_empty() {
                Err(dns_error("no address".to_owned()))
            } else {
                Ok(addresses)
            };
        }
        // The system resolver has no timeout of its own: it runs on a thread that is abandoned
        // if it takes too long.
        let (sender, receiver) = mpsc::channel();
        let name = host.to_owned();
        std::thread::spawn(move || {
            let _ = sender.send((name.as_str(), port).to_socket_addrs().map(Iterator::collect::<Vec<_>>));
        });
        match receiver.recv_timeout(timeout) {
            Ok(Ok(addresses)) if !addresses.is_empty() => Ok(addresses),
            Ok(Ok(_)) => Err(dns_error("no address".to_owned())),
            Ok(Err(error)) => Err(dns_error(error.to_string())),
            Err(_) => Err(dns_error(format!("no answer within {} s", timeout.as_secs().max(1)))),
        }
    }

    /// The SRV record `name` holds.
    pub(crate) fn srv(&self, name: &str, timeout: Duration) -> Result<Srv, FetchError> {
        let dns_error = |detail: String| FetchError::Dns {
            host: name.to_owned(),
            detail,
        };
        let server = self.server(timeout).map_err(dns_error)?;
        let query = format!("{}.", name.trim_end_matches('.'));
        let answer = server
            .runtime
            .block_on(async { server.resolver.srv_lookup(query).await });
        match answer {
            Ok(records) => {
                let best = records
                    .iter()
                    .min_by_key(|r| (r.priority(), std::cmp::Reverse(r.weight())))
                    .map(|r| Srv::Found {
                        target: r.target().to_utf8().trim_end_matches('.').to_owned(),
                        port: r.port(),
                    });
                Ok(best.unwrap_or(Srv::None))
            }
            Err(error) if error.is_no_records_found() || error.is_nx_domain() => Ok(Srv::None),
            Err(error) => Err(dns_error(error.to_string())),
        }
    }

    fn server(&self, timeout: Duration) -> Result<&Server, String> {
        self.dns
            .get_or_init(|| build(self.server, timeout))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// hickory-resolver for `server`, or for the system's configuration (`/etc/resolv.conf`).
fn build(server: Option<SocketAddr>, timeout: Duration) -> Result<Server, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let provider = TokioConnectionProvider::default();
    let mut builder = match server {
        Some(address) => {
            let mut config = ResolverConfig::new();
            config.add_name_server(NameServerConfig::new(address, Protocol::Udp));
            config.add_name_server(NameServerConfig::new(address, Protocol::Tcp));
            TokioResolver::builder_with_config(config, provider)
        }
        None => TokioResolver::builder(provider).map_err(|e| format!("the system's DNS configuration: {e}"))?,
    };
    let options: &mut ResolverOpts = builder.options_mut();
    options.timeout = timeout;
    options.attempts = 1;
    Ok(Server {
        resolver: Arc::new(builder.build()),
        runtime: Arc::new(runtime),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_to_reads_curls_form() {
        let c = ConnectTo::parse("Contoso.com:443:127.0.0.1:8443").unwrap();
        assert_eq!(
            (c.host.as_str(), c.port, c.to_host.as_str(), c.to_port),
            ("contoso.com", 443, "127.0.0.1", 8443)
        );
        let c = ConnectTo::parse("mail.contoso.com:443:[::1]:9443").unwrap();
        assert_eq!((c.to_host.as_str(), c.to_port), ("::1", 9443));
        for bad in [
            "contoso.com:443",
            "contoso.com:443:127.0.0.1",
            ":443:127.0.0.1:1",
            "a:0:b:1",
            "a:x:b:1",
        ] {
            assert!(ConnectTo::parse(bad).is_err(), "{bad}");
        }
        let resolver = Resolver::new(vec![ConnectTo::parse("contoso.com:443:127.0.0.1:8443").unwrap()], None);
        assert_eq!(resolver.destination("CONTOSO.com", 443), ("127.0.0.1".to_owned(), 8443));
        assert_eq!(resolver.destination("contoso.com", 80), ("contoso.com".to_owned(), 80));
        let addresses = resolver.addresses("contoso.com", 443, Duration::from_secs(1)).unwrap();
        assert_eq!(addresses, vec!["127.0.0.1:8443".parse().unwrap()]);
    }
}
