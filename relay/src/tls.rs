//! The TLS client: completes the handshake whatever the certificate's state, but still makes
//! the server prove it holds the leaf's private key, and keeps the chain exactly as presented.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex, PoisonError};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{AlertDescription, ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme};

use crate::error::FetchError;
use crate::target::{Sni, Target};
use crate::timeouts::Deadline;

/// Accepts any certificate (expired, self-signed, wrong name, untrusted: what people debug) and
/// records the chain; checks the handshake signature against the presented leaf's key.
#[derive(Debug)]
struct RecordingVerifier {
    provider: Arc<CryptoProvider>,
    chain: Mutex<Vec<Vec<u8>>>,
    /// The OCSP response the server stapled (empty when none).
    ocsp: Mutex<Vec<u8>>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        *self.ocsp.lock().unwrap_or_else(PoisonError::into_inner) = ocsp_response.to_vec();
        let chain = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| c.to_vec())
            .collect();
        *self.chain.lock().unwrap_or_else(PoisonError::into_inner) = chain;
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

/// What the handshake negotiated.
#[derive(Debug)]
pub(crate) struct Handshake {
    pub chain: Vec<Vec<u8>>,
    /// The OCSP response stapled to the handshake (RFC 6066 section 8), if any.
    pub stapled_ocsp: Option<Vec<u8>>,
    pub tls_version: String,
    pub cipher_suite: String,
    pub alpn: Option<String>,
}

/// Wraps the socket to keep the first bytes the server sent, to tell what it speaks when it is
/// not TLS.
struct Recording<'a> {
    stream: &'a mut TcpStream,
    first: Vec<u8>,
}

impl Read for Recording<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.stream.read(buf)?;
        let room = 16usize.saturating_sub(self.first.len());
        self.first.extend_from_slice(&buf[..n.min(room)]);
        Ok(n)
    }
}

/// A client configuration that completes the handshake whatever the certificate (still checking
/// the handshake signature), recording what the server presents in the returned verifier.
fn recording_config() -> Result<(ClientConfig, Arc<RecordingVerifier>), rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = Arc::new(RecordingVerifier {
        provider: provider.clone(),
        chain: Mutex::new(Vec::new()),
        ocsp: Mutex::new(Vec::new()),
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(rustls::ALL_VERSIONS)?
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    Ok((config, verifier))
}

/// The same configuration for requests whose chain the engine judges separately (the HTTP
/// client's).
pub(crate) fn accept_any_config() -> Result<ClientConfig, rustls::Error> {
    recording_config().map(|(config, _)| config)
}

/// Runs the TLS handshake on `stream` within `deadline`.
pub(crate) fn handshake(stream: &mut TcpStream, target: &Target, deadline: Deadline) -> Result<Handshake, FetchError> {
    let (mut config, verifier) = recording_config().map_err(|e| FetchError::Handshake(e.to_string()))?;
    if target.port == 443 {
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    }
    let server_name = match &target.sni {
        Sni::Name(name) => ServerName::try_from(name.clone())
            .map_err(|_| FetchError::BadTarget(format!("{name} cannot be sent as a server name")))?,
        Sni::None => {
            config.enable_sni = false;
            ServerName::from(
                target
                    .host
                    .parse::<std::net::IpAddr>()
                    .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
            )
        }
    };
    let mut connection =
        ClientConnection::new(Arc::new(config), server_name).map_err(|e| FetchError::Handshake(e.to_string()))?;
    let mut recording = Recording {
        stream,
        first: Vec::new(),
    };
    let outcome = drive(&mut connection, &mut recording, deadline);
    let first = std::mem::take(&mut recording.first);
    if let Err(error) = outcome {
        return Err(classify(error, &first, deadline));
    }
    connection.send_close_notify();
    let _ = connection.write_tls(recording.stream);
    let chain = std::mem::take(&mut *verifier.chain.lock().unwrap_or_else(PoisonError::into_inner));
    if chain.is_empty() {
        return Err(FetchError::NoCertificate);
    }
    let stapled = std::mem::take(&mut *verifier.ocsp.lock().unwrap_or_else(PoisonError::into_inner));
    Ok(Handshake {
        chain,
        stapled_ocsp: (!stapled.is_empty()).then_some(stapled),
        tls_version: connection
            .protocol_version()
            .map(|v| version_name(v).to_owned())
            .unwrap_or_default(),
        cipher_suite: connection
            .negotiated_cipher_suite()
            .and_then(|s| s.suite().as_str())
            .unwrap_or_default()
            .to_owned(),
        alpn: connection
            .alpn_protocol()
            .map(|p| String::from_utf8_lossy(p).into_owned()),
    })
}

enum Failure {
    Io(io::Error),
    Tls(rustls::Error),
    Closed,
}

fn drive(connection: &mut ClientConnection, io: &mut Recording<'_>, deadline: Deadline) -> Result<(), Failure> {
    while connection.is_handshaking() {
        while connection.wants_write() {
            connection.write_tls(io.stream).map_err(Failure::Io)?;
        }
        io.stream.flush().map_err(Failure::Io)?;
        if !connection.is_handshaking() {
            break;
        }
        io.stream
            .set_read_timeout(Some(deadline.remaining().map_err(Failure::Io)?))
            .map_err(Failure::Io)?;
        if connection.read_tls(io).map_err(Failure::Io)? == 0 {
            return Err(Failure::Closed);
        }
        if let Err(error) = connection.process_new_packets() {
            // Tell the server why, as a TLS client should, then report.
            let _ = connection.write_tls(io.stream);
            return Err(Failure::Tls(error));
        }
    }
    while connection.wants_write() {
        connection.write_tls(io.stream).map_err(Failure::Io)?;
    }
    Ok(())
}

/// The first byte of every TLS record is its content type, 20 to 24.
fn looks_like_tls(first: &[u8]) -> bool {
    first.first().is_none_or(|b| (20..=24).contains(b))
}

/// Names what a non-TLS server speaks, from its first bytes.
fn what_it_speaks(first: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(first);
    if text.starts_with("HTTP/") || text.starts_with("<") {
        Some("it answers in plain HTTP (is this the HTTP port, or is TLS offloaded elsewhere?)")
    } else if text.starts_with("220") || text.starts_with("250") || text.starts_with("5") {
        Some("it speaks plain SMTP: try --starttls smtp")
    } else if text.starts_with("* OK") || text.starts_with("* PREAUTH") {
        Some("it speaks plain IMAP: try --starttls imap")
    } else if text.starts_with("+OK") {
        Some("it speaks plain POP3: try --starttls pop3")
    } else if text.starts_with("SSH-") {
        Some("it is an SSH server")
    } else {
        None
    }
}

/// The peer reset or aborted the connection.
fn closed_abruptly(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted
    )
}

fn classify(failure: Failure, first: &[u8], deadline: Deadline) -> FetchError {
    match failure {
        Failure::Io(error) if matches!(error.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
            FetchError::Timeout {
                stage: "TLS handshake",
                seconds: deadline.seconds(),
            }
        }
        // Windows reports a server's abrupt close as WSAECONNABORTED as often as WSAECONNRESET.
        Failure::Io(error) if closed_abruptly(&error) && !first.is_empty() => {
            if looks_like_tls(first) {
                FetchError::Closed { stage: "TLS handshake" }
            } else {
                FetchError::NotTls {
                    hint: what_it_speaks(first),
                }
            }
        }
        Failure::Io(error) if closed_abruptly(&error) => FetchError::Closed { stage: "TLS handshake" },
        Failure::Io(error) => FetchError::Handshake(error.to_string()),
        Failure::Closed if looks_like_tls(first) => FetchError::Closed { stage: "TLS handshake" },
        Failure::Closed => FetchError::NotTls {
            hint: what_it_speaks(first),
        },
        Failure::Tls(_) if !looks_like_tls(first) => FetchError::NotTls {
            hint: what_it_speaks(first),
        },
        Failure::Tls(rustls::Error::AlertReceived(AlertDescription::ProtocolVersion)) => {
            FetchError::TlsVersion("the server answered protocol_version".to_owned())
        }
        Failure::Tls(rustls::Error::AlertReceived(alert)) => FetchError::TlsAlert(alert_name(alert)),
        Failure::Tls(rustls::Error::PeerIncompatible(
            reason @ (rustls::PeerIncompatible::ServerDoesNotSupportTls12Or13
            | rustls::PeerIncompatible::ServerTlsVersionIsDisabledByOurConfig
            | rustls::PeerIncompatible::SupportedVersionsExtensionRequired),
        )) => FetchError::TlsVersion(format!("{reason:?}")),
        Failure::Tls(error) => FetchError::Handshake(error.to_string()),
    }
}

/// An alert as RFC 8446 spells it (`handshake_failure`, `unrecognized_name`, …).
fn alert_name(alert: AlertDescription) -> String {
    let debug = format!("{alert:?}");
    let mut name = String::with_capacity(debug.len() + 4);
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

fn version_name(version: rustls::ProtocolVersion) -> &'static str {
    match version {
        rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3",
        rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2",
        _ => "older than TLS 1.2",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alert_names_follow_the_rfc() {
        assert_eq!(alert_name(AlertDescription::HandshakeFailure), "handshake_failure");
        assert_eq!(alert_name(AlertDescription::UnrecognisedName), "unrecognised_name");
    }

    #[test]
    fn non_tls_servers_are_recognised() {
        assert!(!looks_like_tls(b"HTTP/1.1 400 Bad Request"));
        assert!(looks_like_tls(&[22, 3, 3, 0, 5]));
        assert!(what_it_speaks(b"HTTP/1.1 400").unwrap().contains("HTTP"));
        assert!(what_it_speaks(b"220 mail.contoso.com ESMTP").unwrap().contains("smtp"));
        assert!(what_it_speaks(b"* OK IMAP4rev1").unwrap().contains("imap"));
        assert!(what_it_speaks(b"+OK POP3").unwrap().contains("pop3"));
        assert_eq!(what_it_speaks(b"\x00\x01"), None);
    }
}
