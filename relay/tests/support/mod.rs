//! Test peers for the relay, all on loopback inside the test: TLS servers made with rustls and
//! rcgen certificates (TLS 1.2-only or 1.3, with any chain in any order), servers that are not
//! TLS or never answer, STARTTLS servers, and the relay itself as a child process.
#![allow(dead_code)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::{ServerConfig, ServerConnection, SupportedProtocolVersion};

/// When the relay judges validity in these tests: inside every generated certificate's life.
pub const AT: &str = "2026-06-01T00:00:00Z";

/// The engine's test PKI helpers (rcgen), shared rather than repeated.
#[path = "../../../tests/common/mod.rs"]
pub mod common;

use common::{ca, issue, key, params, Issued};

/// Root → intermediate → leaf for mail.contoso.com, valid 2025 to 2028.
pub struct Pki {
    pub root: Issued,
    pub intermediate: Issued,
    pub leaf: Issued,
}

pub fn pki() -> Pki {
    let root = ca("Relay Test Root", None);
    let intermediate = ca("Relay Test Issuing CA", Some(&root));
    let leaf = issue(
        params(&["mail.contoso.com"], &["mail.contoso.com"]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(&intermediate),
    );
    Pki {
        root,
        intermediate,
        leaf,
    }
}

/// A self-signed certificate for mail.contoso.com that expired at the start of 2026.
pub fn expired_self_signed() -> Issued {
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.not_before = rcgen::date_time_ymd(2024, 1, 1);
    p.not_after = rcgen::date_time_ymd(2026, 1, 1);
    issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), None)
}

/// What a test TLS server presents.
pub struct Presented {
    pub chain: Vec<Vec<u8>>,
    /// The key the server signs the handshake with (normally the leaf's).
    pub key: Vec<u8>,
    /// An OCSP response to staple to the handshake.
    pub ocsp: Option<Vec<u8>>,
}

impl Presented {
    pub fn new(chain: &[&Issued]) -> Self {
        Self {
            chain: chain.iter().map(|c| c.der.clone()).collect(),
            key: chain[0].key.serialize_der(),
            ocsp: None,
        }
    }
}

/// Always presents the same chain with the same key, whether or not they belong together
/// (rustls's own helpers refuse a mismatched key).
#[derive(Debug)]
struct Fixed(Arc<CertifiedKey>);

impl ResolvesServerCert for Fixed {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
}

fn server_config(presented: &Presented, versions: &[&'static SupportedProtocolVersion]) -> Arc<ServerConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(presented.key.clone()));
    let signing_key = provider.key_provider.load_private_key(key).unwrap();
    let chain = presented
        .chain
        .iter()
        .map(|d| CertificateDer::from(d.clone()))
        .collect();
    let mut certified = CertifiedKey::new(chain, signing_key);
    certified.ocsp = presented.ocsp.clone();
    let certified = Arc::new(certified);
    Arc::new(
        ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(versions)
            .unwrap()
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(Fixed(certified))),
    )
}

/// Which TLS versions a test server speaks.
#[derive(Clone, Copy)]
pub enum Versions {
    Tls12Only,
    Tls13,
}

/// Plain-text dialogue a test server runs before TLS.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Before {
    Nothing,
    Smtp,
    Imap,
    Pop3,
    /// SMTP without STARTTLS among its extensions.
    SmtpWithoutStartTls,
}

/// Starts a TLS server on loopback; returns its port. It serves until the test process ends.
pub fn tls_server(presented: Presented, versions: Versions, before: Before) -> u16 {
    let versions: &[&'static SupportedProtocolVersion] = match versions {
        Versions::Tls12Only => &[&rustls::version::TLS12],
        Versions::Tls13 => &[&rustls::version::TLS13, &rustls::version::TLS12],
    };
    let config = server_config(&presented, versions);
    spawn_server(move |mut stream| {
        if !plain_dialogue(&mut stream, before) {
            return;
        }
        let Ok(mut connection) = ServerConnection::new(config.clone()) else {
            return;
        };
        while connection.is_handshaking() {
            if connection.complete_io(&mut stream).is_err() {
                return;
            }
        }
        let _ = connection.complete_io(&mut stream);
    })
}

fn plain_dialogue(stream: &mut TcpStream, before: Before) -> bool {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    let mut say = |text: &str| stream.write_all(text.as_bytes()).is_ok();
    let mut hear = |line: &mut String| {
        line.clear();
        reader.read_line(line).is_ok_and(|n| n > 0)
    };
    match before {
        Before::Nothing => true,
        Before::Smtp | Before::SmtpWithoutStartTls => {
            let extensions = if before == Before::Smtp {
                "250-mail.contoso.com\r\n250-SIZE 37748736\r\n250-STARTTLS\r\n250 8BITMIME\r\n"
            } else {
                "250-mail.contoso.com\r\n250 8BITMIME\r\n"
            };
            say("220 mail.contoso.com Microsoft ESMTP MAIL Service ready\r\n")
                && hear(&mut line)
                && line.starts_with("EHLO")
                && say(extensions)
                && hear(&mut line)
                && line.trim() == "STARTTLS"
                && say("220 2.0.0 SMTP server ready\r\n")
        }
        Before::Imap => {
            say("* OK The Microsoft Exchange IMAP4 service is ready.\r\n")
                && hear(&mut line)
                && line.ends_with("STARTTLS\r\n")
                && say(&format!(
                    "{} OK Begin TLS negotiation now.\r\n",
                    line.split(' ').next().unwrap()
                ))
        }
        Before::Pop3 => {
            say("+OK The Microsoft Exchange POP3 service is ready.\r\n")
                && hear(&mut line)
                && line.trim() == "STLS"
                && say("+OK Begin TLS negotiation.\r\n")
        }
    }
}

/// Runs `handle` for each connection, on its own thread; returns the port.
pub fn spawn_server(handle: impl Fn(TcpStream) + Send + Sync + 'static) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = Arc::new(handle);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handle = handle.clone();
            std::thread::spawn(move || handle(stream));
        }
    });
    port
}

/// A server that reads the client's first bytes and answers with `reply`.
pub fn replying_server(reply: &'static [u8]) -> u16 {
    spawn_server(move |mut stream| {
        let mut buf = [0u8; 512];
        let _ = stream.read(&mut buf);
        let _ = stream.write_all(reply);
        std::thread::sleep(Duration::from_millis(200));
    })
}

/// An HTTP server that answers every request with `body` (200, as a certificate download).
pub fn http_server(body: Vec<u8>) -> u16 {
    spawn_server(move |mut stream| {
        let mut request = [0u8; 1024];
        let _ = stream.read(&mut request);
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-cert\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    })
}

/// A leaf for mail.contoso.com issued by `issuer`, naming `url` as its issuer's AIA address.
pub fn leaf_with_aia(issuer: &Issued, url: &str) -> Issued {
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.custom_extensions.push(common::aia(url));
    issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(issuer))
}

/// A server that accepts and never says anything.
pub fn silent_server() -> u16 {
    spawn_server(|mut stream| {
        let mut sink = Vec::new();
        let _ = stream.read_to_end(&mut sink);
    })
}

/// A loopback port with nothing listening on it.
pub fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn relay() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_msstd-relay"));
    command.env_remove("NO_COLOR");
    command
}

/// Runs `command` (a `--json` one) and returns its exit status and the JSON it printed.
pub fn json_run(command: &mut Command) -> (i32, serde_json::Value) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {stdout}\nstderr: {}", String::from_utf8_lossy(&output.stderr)));
    (output.status.code().unwrap(), json)
}

/// An HTTP server answering every request with the body set later (`set` it once the URL, which
/// names the port, is in the certificate), 200; 503 until then.
pub fn http_server_later() -> (u16, Arc<std::sync::OnceLock<Vec<u8>>>) {
    let body: Arc<std::sync::OnceLock<Vec<u8>>> = Arc::default();
    let served = Arc::clone(&body);
    let port = spawn_server(move |mut stream| {
        if read_request(&mut stream).is_none() {
            return;
        }
        let (status, body) = match served.get() {
            Some(body) => ("200 OK", body.as_slice()),
            None => ("503 Not Yet", &b""[..]),
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    });
    (port, body)
}

/// Runs `command` with `input` on its standard input, capturing standard output.
pub fn with_stdin(command: &mut Command, input: &[u8]) -> std::process::Output {
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// `msstd-relay serve` on a free loopback port, killed when dropped.
pub struct Served {
    child: Child,
    pub port: u16,
}

impl Served {
    pub fn start(args: &[&str]) -> Self {
        let mut command = relay();
        command.args(["serve", "--listen", "127.0.0.1:0"]).args(args);
        Self::spawn(command)
    }

    /// Starts `command` (a `serve` or an `open`) and reads the port from its first line.
    pub fn spawn(mut command: Command) -> Self {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).unwrap();
        // Read to the end, so that what the relay prints later never meets a closed pipe.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let port = line
            .trim_end()
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Self { child, port }
    }

    /// Sends raw bytes and returns the raw answer.
    pub fn raw(&self, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.write_all(request).unwrap();
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// A GET with the relay's own Host and these extra header lines; returns status, head, body.
    pub fn get(&self, path: &str, headers: &[&str]) -> (u16, String, String) {
        let mut request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", self.port);
        for header in headers {
            request.push_str(header);
            request.push_str("\r\n");
        }
        request.push_str("\r\n");
        split(&self.raw(request.as_bytes()))
    }

    /// A GET answered with JSON: status and the parsed body.
    pub fn json(&self, path: &str, headers: &[&str]) -> (u16, serde_json::Value) {
        let (status, _, body) = self.get(path, headers);
        (
            status,
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}")),
        )
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Status, head (lower case: header names are case-insensitive) and body of a raw HTTP answer.
pub fn split(answer: &str) -> (u16, String, String) {
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((answer, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_ascii_lowercase(), body.to_owned())
}

/// An HTTPS server presenting `presented` that answers every request with `status` and `body`
/// (a web site's 200 page, Exchange's 401 to an unauthenticated Autodiscover request).
pub fn https_server(presented: Presented, status: u16, body: &'static str) -> u16 {
    let config = server_config(&presented, &[&rustls::version::TLS13, &rustls::version::TLS12]);
    spawn_server(move |stream| {
        let Ok(connection) = ServerConnection::new(config.clone()) else {
            return;
        };
        let mut tls = rustls::StreamOwned::new(connection, stream);
        let _ = tls.sock.set_read_timeout(Some(Duration::from_secs(5)));
        if read_request(&mut tls).is_none() {
            return;
        }
        let answer = format!(
            "HTTP/1.1 {status} Answer\r\nContent-Type: text/xml\r\nWWW-Authenticate: Negotiate\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = tls.write_all(answer.as_bytes());
        tls.conn.send_close_notify();
        let _ = tls.flush();
    })
}

/// Reads one HTTP request (head and a Content-Length body); `None` when the client went away.
/// Returns the body.
pub fn read_request(stream: &mut impl Read) -> Option<Vec<u8>> {
    let mut request = Vec::new();
    let mut byte = [0u8; 1];
    while !request.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        request.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&request).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).ok()?;
    Some(body)
}

/// A plain-HTTP server that redirects every request to `location` with 302.
pub fn redirecting_server(location: String) -> u16 {
    spawn_server(move |mut stream| {
        if read_request(&mut stream).is_none() {
            return;
        }
        let answer =
            format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let _ = stream.write_all(answer.as_bytes());
    })
}

/// A DNS server on loopback (UDP) that answers SRV queries from `records` (name, target,
/// port) and NXDOMAIN for every other name; returns its port.
pub fn dns_server(records: Vec<(&'static str, &'static str, u16)>) -> u16 {
    use hickory_proto::op::{Message, MessageType, ResponseCode};
    use hickory_proto::rr::rdata::SRV;
    use hickory_proto::rr::{Name, RData, Record, RecordType};
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = socket.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 1500];
        while let Ok((length, peer)) = socket.recv_from(&mut buffer) {
            let Ok(query) = Message::from_vec(&buffer[..length]) else {
                continue;
            };
            let mut answer = Message::new();
            answer.set_id(query.id());
            answer.set_message_type(MessageType::Response);
            answer.set_recursion_desired(query.recursion_desired());
            answer.set_recursion_available(true);
            answer.set_authoritative(true);
            answer.add_queries(query.queries().to_vec());
            let mut found = false;
            for question in query.queries() {
                let asked = question.name().to_utf8().trim_end_matches('.').to_ascii_lowercase();
                for (name, target, port) in &records {
                    if question.query_type() == RecordType::SRV && asked == *name {
                        let target = Name::from_utf8(format!("{target}.")).unwrap();
                        let data = RData::SRV(SRV::new(0, 0, *port, target));
                        answer.add_answer(Record::from_rdata(question.name().clone(), 60, data));
                        found = true;
                    }
                }
            }
            if !found {
                answer.set_response_code(ResponseCode::NXDomain);
            }
            let _ = socket.send_to(&answer.to_vec().unwrap(), peer);
        }
    });
    port
}
