//! `msstd-relay fetch` asks the leaf's OCSP responder and CRL, on loopback: a CRL made with
//! rcgen, OCSP responses made by `openssl ocsp` (an implementation independent of the engine's
//! reader), a responder that cannot be reached, and a response the server staples.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::common::{ca, issue, key, params, Issued};
use support::*;

/// The leaf's serial number, which the CRL and the OCSP index name.
const SERIAL: [u8; 4] = [0x0a, 0x11, 0x22, 0x33];

/// Root (given with --trust) → issuing CA → leaf for mail.contoso.com naming `ocsp` and `crl`.
struct Chain {
    root_file: PathBuf,
    issuing: Issued,
    leaf: Issued,
}

fn chain(tag: &str, ocsp: Option<&str>, crl: Option<&str>) -> Chain {
    let (root, issuing) = cas();
    chain_below(root, issuing, tag, ocsp, crl)
}

/// The root and the issuing CA of a [`Chain`].
fn cas() -> (Issued, Issued) {
    let root = ca("Revocation Test Root", None);
    let issuing = ca("Revocation Test Issuing CA", Some(&root));
    (root, issuing)
}

/// The leaf of a [`Chain`] issued by `issuing`, which `root` issued.
fn chain_below(root: Issued, issuing: Issued, tag: &str, ocsp: Option<&str>, crl: Option<&str>) -> Chain {
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.serial_number = Some(rcgen::SerialNumber::from(SERIAL.to_vec()));
    if let Some(url) = ocsp {
        p.custom_extensions.push(support::common::ocsp(url));
    }
    if let Some(url) = crl {
        p.crl_distribution_points = vec![rcgen::CrlDistributionPoint {
            uris: vec![url.to_owned()],
        }];
    }
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&issuing));
    let root_file = std::env::temp_dir().join(format!("relay-revocation-{tag}-{}.pem", std::process::id()));
    std::fs::write(&root_file, &root.pem).unwrap();
    Chain {
        root_file,
        issuing,
        leaf,
    }
}

/// Runs `fetch --json` against `port` for mail.contoso.com; the exit status and the JSON.
fn fetch(chain: &Chain, port: u16) -> (i32, Value) {
    json_run(
        relay()
            .args(["fetch", &format!("127.0.0.1:{port}"), "--sni", "mail.contoso.com"])
            .args(["--host", "mail.contoso.com", "--msstd", "msstd:mail.contoso.com"])
            .args(["--timeout", "2", "--json", "--trust"])
            .arg(&chain.root_file),
    )
}

fn revocation_findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            matches!(
                f["code"].as_str(),
                Some("CERT_REVOKED" | "REVOCATION_CHECK_FAILED" | "REVOCATION_GOOD")
            )
        })
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["params"]["source"].as_str().unwrap().to_owned(),
                f["params"]["reason"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn server(chain: &Chain, ocsp: Option<Vec<u8>>) -> u16 {
    let mut presented = Presented::new(&[&chain.leaf, &chain.issuing]);
    presented.ocsp = ocsp;
    tls_server(presented, Versions::Tls13, Before::Nothing)
}

/// Writes the issuing CA, its key, the leaf and an OpenSSL CA index (`revoked` or valid) to `dir`.
fn openssl_files(chain: &Chain, dir: &Path, revoked: bool) {
    openssl_ca_files(&chain.issuing, dir, revoked);
    std::fs::write(dir.join("leaf.pem"), &chain.leaf.pem).unwrap();
}

/// Writes the issuing CA, its key and an OpenSSL CA index naming the leaf's serial to `dir`.
fn openssl_ca_files(issuing: &Issued, dir: &Path, revoked: bool) {
    std::fs::create_dir_all(dir).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write("issuing.pem", &issuing.pem);
    write("issuing.key", &issuing.key.serialize_pem());
    let serial: String = SERIAL.iter().map(|b| format!("{b:02X}")).collect();
    let line = if revoked {
        format!("R\t280101000000Z\t260301000000Z,keyCompromise\t{serial}\tunknown\t/CN=mail.contoso.com\n")
    } else {
        format!("V\t280101000000Z\t\t{serial}\tunknown\t/CN=mail.contoso.com\n")
    };
    write("index.txt", &line);
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl").args(args).current_dir(dir).output().unwrap();
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `openssl ocsp` answering the request in `dir/request.der` from the index, signed by the
/// issuing CA.
fn openssl_answer(dir: &Path) -> Vec<u8> {
    openssl(
        dir,
        &[
            "ocsp",
            "-index",
            "index.txt",
            "-rsigner",
            "issuing.pem",
            "-rkey",
            "issuing.key",
            "-CA",
            "issuing.pem",
            "-reqin",
            "request.der",
            "-respout",
            "response.der",
            "-ndays",
            "2",
        ],
    );
    std::fs::read(dir.join("response.der")).unwrap()
}

/// An OCSP response from `openssl ocsp` for the leaf (OpenSSL's own request), `revoked` or good.
fn openssl_ocsp_response(chain: &Chain, dir: &Path, revoked: bool) -> Vec<u8> {
    openssl_files(chain, dir, revoked);
    openssl(
        dir,
        &[
            "ocsp",
            "-issuer",
            "issuing.pem",
            "-cert",
            "leaf.pem",
            "-no_nonce",
            "-reqout",
            "request.der",
        ],
    );
    openssl_answer(dir)
}

/// An OCSP responder: `openssl ocsp` answers the very request the relay sends, so the engine's
/// request is checked by an independent implementation too. Returns its port; `chain_for`
/// gets the responder's URL and makes the chain whose index it answers from.
fn openssl_responder(dir: PathBuf, revoked: bool, chain_for: impl FnOnce(&str) -> Chain) -> Chain {
    let answering = dir.clone();
    let port = spawn_server(move |mut stream| {
        use std::io::Write;
        let Some(request) = read_request(&mut stream) else {
            return;
        };
        std::fs::write(answering.join("request.der"), &request).unwrap();
        let body = openssl_answer(&answering);
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    });
    let chain = chain_for(&format!("http://127.0.0.1:{port}/"));
    openssl_files(&chain, &dir, revoked);
    chain
}

/// `openssl ocsp -port`, the responder many internal CAs run: one connection at a time, so an
/// idle client stalls it. Killed when dropped.
struct OpensslPortResponder {
    child: std::process::Child,
    port: u16,
}

impl OpensslPortResponder {
    /// Starts it in `dir` (its CA files written there first) on a port the kernel picks.
    fn start(dir: &Path) -> Self {
        use std::io::BufRead;
        let mut child = Command::new("openssl")
            .args(["ocsp", "-port", "0", "-index", "index.txt", "-CA", "issuing.pem"])
            .args(["-rsigner", "issuing.pem", "-rkey", "issuing.key", "-ndays", "2"])
            .current_dir(dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // It prints `ACCEPT [::]:PORT PID=N` once it listens.
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .split_whitespace()
            .nth(1)
            .and_then(|address| address.rsplit(':').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("openssl ocsp -port printed {line:?}"));
        Self { child, port }
    }
}

impl Drop for OpensslPortResponder {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_real_openssl_ocsp_responder_answers_and_one_stalled_by_an_idle_client_is_a_warning() {
    let dir = temp("port");
    let (root, issuing) = cas();
    openssl_ca_files(&issuing, &dir, false);
    let responder = OpensslPortResponder::start(&dir);
    let chain = chain_below(
        root,
        issuing,
        "port",
        Some(&format!("http://127.0.0.1:{}/", responder.port)),
        None,
    );
    let port = server(&chain, None);
    let (status, report) = fetch(&chain, port);
    assert_eq!(
        revocation_findings(&report),
        [("REVOCATION_GOOD".to_owned(), "ocsp".to_owned(), String::new())]
    );
    assert_eq!(status, 0);

    // A client that connects and sends nothing holds the responder: the relay gives up after
    // its timeout with a warning, and the verdict does not change.
    let _idle = std::net::TcpStream::connect(("127.0.0.1", responder.port)).unwrap();
    let (status, report) = fetch(&chain, port);
    let found = revocation_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("REVOCATION_CHECK_FAILED", "ocsp")
    );
    assert_eq!(report["summary"]["outcome"], "connects");
    assert_eq!(status, 0);
}

/// The issuing CA's CRL, listing the leaf for keyCompromise when `revoked`.
fn crl(chain: &Chain, revoked: bool) -> Vec<u8> {
    support::common::crl(
        &chain.issuing,
        revoked.then_some((&SERIAL[..], rcgen::RevocationReason::KeyCompromise)),
    )
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("relay-ocsp-{name}-{}", std::process::id()))
}

#[test]
fn a_leaf_revoked_in_its_crl_is_an_error_for_every_client() {
    let (port, served) = http_server_later();
    let chain = chain("crl", None, Some(&format!("http://127.0.0.1:{port}/issuing.crl")));
    served.set(crl(&chain, true)).unwrap();
    let (status, report) = fetch(&chain, server(&chain, None));
    assert_eq!(
        revocation_findings(&report),
        [("CERT_REVOKED".to_owned(), "crl".to_owned(), "keyCompromise".to_owned())]
    );
    let revoked = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "CERT_REVOKED")
        .unwrap();
    assert_eq!(revoked["severity"], "error");
    assert_eq!(revoked["params"]["revoked_at"], "2026-03-01T00:00:00Z");
    assert_eq!(report["summary"]["outcome"], "fails");
    assert_eq!(report["connection"]["ocsp_stapled"], false);
    assert_eq!(status, 1);

    // A CRL without the leaf on it: good.
    let (port, served) = http_server_later();
    let chain = self::chain("crl-good", None, Some(&format!("http://127.0.0.1:{port}/issuing.crl")));
    served.set(crl(&chain, false)).unwrap();
    let (status, report) = fetch(&chain, server(&chain, None));
    assert_eq!(
        revocation_findings(&report),
        [("REVOCATION_GOOD".to_owned(), "crl".to_owned(), String::new())]
    );
    assert_eq!(status, 0);
}

#[test]
fn ocsp_answers_made_by_openssl_are_verified_good_and_revoked() {
    for revoked in [false, true] {
        let tag = if revoked { "revoked" } else { "good" };
        let chain = openssl_responder(temp(tag), revoked, |url| chain(tag, Some(url), None));
        let (status, report) = fetch(&chain, server(&chain, None));
        let expected = if revoked {
            ("CERT_REVOKED".to_owned(), "ocsp".to_owned(), "keyCompromise".to_owned())
        } else {
            ("REVOCATION_GOOD".to_owned(), "ocsp".to_owned(), String::new())
        };
        assert_eq!(revocation_findings(&report), [expected], "{tag}");
        assert_eq!(status, i32::from(revoked), "{tag}");
    }
}

#[test]
fn a_response_for_another_certificate_or_from_another_signer_is_not_trusted() {
    // The responder answers with another chain's response, signed by an issuing CA of the same
    // name but another key: the check fails, it does not pass.
    let (port, served) = http_server_later();
    let chain = chain("mismatch", Some(&format!("http://127.0.0.1:{port}/")), None);
    let stranger = self::chain("stranger", Some("http://127.0.0.1:9/"), None);
    served
        .set(openssl_ocsp_response(&stranger, &temp("stranger"), false))
        .unwrap();
    let (status, report) = fetch(&chain, server(&chain, None));
    let found = revocation_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "REVOCATION_CHECK_FAILED");
    assert_eq!(found[0].2, "signature-invalid");
    let message = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "REVOCATION_CHECK_FAILED")
        .and_then(|f| f["message"].as_str())
        .unwrap();
    assert!(
        message.contains(": its signature does not verify with the issuer's key."),
        "{message}"
    );
    assert_eq!(status, 0, "a failed check is a warning");
}

#[test]
fn an_unreachable_responder_is_a_warning_and_a_stapled_response_is_read() {
    let chain = chain(
        "unreachable",
        Some(&format!("http://127.0.0.1:{}/", closed_port())),
        None,
    );
    let (status, report) = fetch(&chain, server(&chain, None));
    let found = revocation_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("REVOCATION_CHECK_FAILED", "ocsp")
    );
    assert_eq!(status, 0);
    assert_eq!(
        report["summary"]["outcome"], "connects",
        "an unreachable responder decides no verdict"
    );

    // The server staples a good response: read and verified, beside the (unreachable) responder.
    let stapled = openssl_ocsp_response(&chain, &temp("stapled"), false);
    let (_, report) = fetch(&chain, server(&chain, Some(stapled)));
    assert_eq!(report["connection"]["ocsp_stapled"], true);
    let sources: Vec<(String, String)> = revocation_findings(&report)
        .into_iter()
        .map(|(c, s, _)| (c, s))
        .collect();
    assert!(
        sources.contains(&("REVOCATION_GOOD".to_owned(), "stapled".to_owned())),
        "{sources:?}"
    );

    // --no-revocation asks nothing.
    let output = relay()
        .args([
            "fetch",
            &format!("127.0.0.1:{}", server(&chain, None)),
            "--sni",
            "mail.contoso.com",
            "--json",
            "--no-revocation",
        ])
        .arg("--trust")
        .arg(&chain.root_file)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(revocation_findings(&report).is_empty());
}
