//! Fetching the chain a live host presents: resolve once, check the address against the
//! policy, connect to that address, upgrade with STARTTLS where needed, handshake.

use std::net::{SocketAddr, TcpStream};
use std::time::Instant;

use serde_json::{json, Value};

use crate::error::FetchError;
use crate::settings::Settings;
use crate::starttls;
use crate::target::Target;
use crate::timeouts::{elapsed_ms, Deadline};
use crate::tls::{self, Handshake};

/// Most certificates kept from one server (the engine's own cap on certificates in a request).
pub(crate) const MAX_CHAIN_CERTIFICATES: usize = msstd_check::limits::MAX_CERTIFICATES;
/// Most bytes of certificates kept from one server. Real chains are 3 to 10 KB.
pub(crate) const MAX_CHAIN_BYTES: usize = 256 * 1024;

/// A chain as presented, with the facts of the connection.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub target: Target,
    pub address: SocketAddr,
    pub handshake: Handshake,
    pub timings: Timings,
}

/// Milliseconds spent in each stage.
#[derive(Debug)]
pub(crate) struct Timings {
    pub dns: f64,
    pub connect: f64,
    pub starttls: Option<f64>,
    pub handshake: f64,
    pub total: f64,
}

/// Fetches the chain `target` presents.
pub(crate) fn fetch(target: &Target, settings: &Settings) -> Result<Fetched, FetchError> {
    let started = Instant::now();
    settings.policy.check_port(target.port)?;
    let addresses = settings
        .resolver
        .addresses(&target.host, target.port, settings.timeout)?;
    let dns = elapsed_ms(started);
    let allowed: Vec<SocketAddr> = addresses
        .iter()
        .copied()
        .filter(|a| settings.policy.refuses(a.ip()).is_none())
        .collect();
    if allowed.is_empty() {
        let address = addresses[0].ip();
        return Err(FetchError::TargetForbidden {
            host: target.host.clone(),
            address: address.to_string(),
            class: settings.policy.refuses(address).unwrap_or("non-public"),
        });
    }
    let connect_started = Instant::now();
    let (mut stream, address) = connect(&allowed, Deadline::after(settings.timeout))?;
    let connect = elapsed_ms(connect_started);
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(settings.timeout));
    let starttls = match target.starttls {
        Some(protocol) => {
            let since = Instant::now();
            starttls::upgrade(&mut stream, protocol, Deadline::after(settings.timeout))?;
            Some(elapsed_ms(since))
        }
        None => None,
    };
    let handshake_started = Instant::now();
    let handshake = tls::handshake(&mut stream, target, Deadline::after(settings.timeout))?;
    let handshake_ms = elapsed_ms(handshake_started);
    let bytes: usize = handshake.chain.iter().map(Vec::len).sum();
    if handshake.chain.len() > MAX_CHAIN_CERTIFICATES || bytes > MAX_CHAIN_BYTES {
        return Err(FetchError::ChainTooLarge {
            certificates: handshake.chain.len(),
            bytes,
        });
    }
    Ok(Fetched {
        target: target.clone(),
        address,
        handshake,
        timings: Timings {
            dns,
            connect,
            starttls,
            handshake: handshake_ms,
            total: elapsed_ms(started),
        },
    })
}

/// Connects to the first of `addresses` that answers before `deadline`.
fn connect(addresses: &[SocketAddr], deadline: Deadline) -> Result<(TcpStream, SocketAddr), FetchError> {
    let mut last = None;
    for &address in addresses {
        let Ok(left) = deadline.remaining() else { break };
        match TcpStream::connect_timeout(&address, left) {
            Ok(stream) => return Ok((stream, address)),
            Err(error) => last = Some((address, error)),
        }
    }
    let (address, error) = match last {
        Some(last) => last,
        None => {
            return Err(FetchError::ConnectTimeout {
                address: addresses[0].to_string(),
                seconds: deadline.seconds(),
            })
        }
    };
    Err(match error.kind() {
        std::io::ErrorKind::ConnectionRefused => FetchError::ConnectionRefused(address),
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => FetchError::ConnectTimeout {
            address: address.to_string(),
            seconds: deadline.seconds(),
        },
        _ => FetchError::Connect {
            address: address.to_string(),
            detail: error.to_string(),
        },
    })
}

impl Fetched {
    /// The connection facts, as `fetch --json` and the API give them.
    pub(crate) fn connection_json(&self) -> Value {
        let t = &self.timings;
        json!({
            "host": self.target.host,
            "port": self.target.port,
            "sni": self.target.sni_name(),
            "starttls": self.target.starttls.map(|p| p.as_str()),
            "address": self.address.to_string(),
            "tls_version": self.handshake.tls_version,
            "cipher_suite": self.handshake.cipher_suite,
            "alpn": self.handshake.alpn,
            "ocsp_stapled": self.handshake.stapled_ocsp.is_some(),
            "timings_ms": {
                "dns": t.dns,
                "connect": t.connect,
                "starttls": t.starttls,
                "handshake": t.handshake,
                "total": t.total,
            },
        })
    }

    /// The chain as presented, as PEM.
    pub(crate) fn pem(&self) -> String {
        self.handshake
            .chain
            .iter()
            .map(|der| ::pem::encode(&::pem::Pem::new("CERTIFICATE", der.clone())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::time::Duration;

    /// A listener whose accept queue is full drops further SYNs, so a connection attempt hangs
    /// as it does towards a black-holed address, without needing one.
    #[test]
    fn a_connection_that_hangs_is_a_connect_timeout() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let mut queued = Vec::new();
        let hung = loop {
            match TcpStream::connect_timeout(&address, Duration::from_millis(300)) {
                Ok(stream) => queued.push(stream),
                Err(error) => break error,
            }
            assert!(queued.len() < 10_000, "the accept queue never filled");
        };
        // A kernel set to reset rather than drop (Linux's net.ipv4.tcp_abort_on_overflow = 1)
        // cannot stage a hang: the test then fails and says so, rather than pass unchecked.
        assert_eq!(
            hung.kind(),
            std::io::ErrorKind::TimedOut,
            "a full accept queue answers `{hung}` here instead of dropping the SYN \
             (net.ipv4.tcp_abort_on_overflow?): this kernel cannot stage a hanging connection"
        );
        match connect(&[address], Deadline::after(Duration::from_secs(1))) {
            Err(FetchError::ConnectTimeout {
                address: reported,
                seconds,
            }) => {
                assert_eq!(reported, address.to_string());
                assert_eq!(seconds, 1);
            }
            other => panic!("expected CONNECT_TIMEOUT, got {:?}", other.map(|(_, a)| a)),
        }
    }
}
