//! `msstd-relay fetch` against real TLS servers started inside the test on loopback.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod support;

use serde_json::Value;
use support::*;

/// Runs `fetch --json` and returns the exit status and the JSON.
fn fetch_json(args: &[&str]) -> (i32, Value) {
    json_run(
        relay()
            .args(["fetch", "--at", AT, "--timeout", "2", "--json"])
            .args(args),
    )
}

fn codes(report: &Value) -> Vec<&str> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

fn target(port: u16) -> String {
    format!("127.0.0.1:{port}")
}

/// A server presenting leaf and intermediate, speaking `versions`.
fn leaf_and_intermediate(pki: &Pki, versions: Versions) -> u16 {
    tls_server(
        Presented::new(&[&pki.leaf, &pki.intermediate]),
        versions,
        Before::Nothing,
    )
}

#[test]
fn tls13_chain_is_captured_in_order_with_the_connection_facts() {
    let pki = pki();
    let port = leaf_and_intermediate(&pki, Versions::Tls13);
    let (status, report) = fetch_json(&[
        &target(port),
        "--sni",
        "mail.contoso.com",
        "--host",
        "mail.contoso.com",
        "--msstd",
        "msstd:mail.contoso.com",
    ]);
    let connection = &report["connection"];
    assert_eq!(connection["tls_version"], "TLS 1.3");
    assert_eq!(connection["sni"], "mail.contoso.com");
    assert_eq!(connection["address"], target(port));
    assert_eq!(connection["starttls"], Value::Null);
    assert!(connection["cipher_suite"].as_str().unwrap().starts_with("TLS13_"));
    assert!(connection["timings_ms"]["handshake"].as_f64().unwrap() >= 0.0);
    assert_eq!(report["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(report["summary"]["verdict"], "MSSTD_MATCH");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/report-schema.json")).unwrap(),
    )
    .unwrap();
    support::common::schema::conforms(&report, &schema, &schema, "report");
    // The test root is in no store: an error finding, so exit status 1.
    assert!(codes(&report).contains(&"CHAIN_INCOMPLETE") || codes(&report).contains(&"UNTRUSTED_ROOT"));
    assert_eq!(status, 1);
}

#[test]
fn tls12_only_server_and_a_supplied_root_give_a_clean_report() {
    let pki = pki();
    let port = leaf_and_intermediate(&pki, Versions::Tls12Only);
    let root = std::env::temp_dir().join(format!("relay-root-{}.der", std::process::id()));
    std::fs::write(&root, &pki.root.der).unwrap();
    let (status, report) = fetch_json(&[
        &target(port),
        "--sni",
        "mail.contoso.com",
        "--host",
        "mail.contoso.com",
        "--trust",
        root.to_str().unwrap(),
    ]);
    std::fs::remove_file(root).unwrap();
    assert_eq!(report["connection"]["tls_version"], "TLS 1.2");
    assert!(codes(&report).contains(&"CHAIN_TRUSTED"), "{:?}", codes(&report));
    assert_eq!(status, 0, "{:?}", codes(&report));
}

#[test]
fn expired_self_signed_certificate_is_fetched_and_judged() {
    let cert = expired_self_signed();
    let port = tls_server(Presented::new(&[&cert]), Versions::Tls13, Before::Nothing);
    let (status, report) = fetch_json(&[&target(port)]);
    let found = codes(&report);
    assert!(found.contains(&"CERT_EXPIRED"), "{found:?}");
    assert!(found.contains(&"SELF_SIGNED"), "{found:?}");
    assert_eq!(report["connection"]["sni"], Value::Null, "no SNI for an IP address");
    assert_eq!(status, 1);
}

#[test]
fn chain_out_of_order_is_kept_as_presented_and_reported() {
    let pki = pki();
    let port = tls_server(
        Presented::new(&[&pki.leaf, &pki.root, &pki.intermediate]),
        Versions::Tls13,
        Before::Nothing,
    );
    let (_, report) = fetch_json(&[&target(port)]);
    assert!(codes(&report).contains(&"CHAIN_ORDER"), "{:?}", codes(&report));
    let pem = relay().args(["fetch", &target(port), "--pem"]).output().unwrap();
    assert!(pem.status.success());
    let pem = String::from_utf8(pem.stdout).unwrap();
    assert_eq!(pem.matches("-----BEGIN CERTIFICATE-----").count(), 3);
    let subjects: Vec<String> = pem
        .split("-----END CERTIFICATE-----")
        .filter(|block| block.contains("BEGIN"))
        .map(|block| {
            let output = with_stdin(
                relay().args(["check", "--json", "-"]),
                format!("{block}-----END CERTIFICATE-----\n").as_bytes(),
            );
            let report: Value = serde_json::from_slice(&output.stdout).unwrap();
            report["certificates"][0]["subject"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        subjects,
        ["CN=mail.contoso.com", "CN=Relay Test Root", "CN=Relay Test Issuing CA"],
        "PEM keeps the order the server sent"
    );
}

#[test]
fn starttls_for_smtp_imap_and_pop3() {
    let pki = pki();
    for (before, protocol) in [(Before::Smtp, "smtp"), (Before::Imap, "imap"), (Before::Pop3, "pop3")] {
        let port = tls_server(Presented::new(&[&pki.leaf, &pki.intermediate]), Versions::Tls13, before);
        let (_, report) = fetch_json(&[&target(port), "--starttls", protocol]);
        assert_eq!(report["connection"]["starttls"], protocol);
        assert_eq!(report["certificates"].as_array().unwrap().len(), 2, "{protocol}");
        assert!(report["connection"]["timings_ms"]["starttls"].as_f64().is_some());
    }
    let port = tls_server(
        Presented::new(&[&pki.leaf]),
        Versions::Tls13,
        Before::SmtpWithoutStartTls,
    );
    let (status, body) = fetch_json(&[&target(port), "--starttls", "smtp"]);
    assert_eq!(status, 3);
    assert_eq!(body["error"]["code"], "STARTTLS_FAILED");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not among the extensions"));
}

#[test]
fn a_handshake_signed_with_another_key_is_refused() {
    let pki = pki();
    let mut presented = Presented::new(&[&pki.leaf, &pki.intermediate]);
    presented.key = pki.intermediate.key.serialize_der();
    let port = tls_server(presented, Versions::Tls13, Before::Nothing);
    let (status, body) = fetch_json(&[&target(port)]);
    assert_eq!(status, 3);
    assert_eq!(body["error"]["code"], "HANDSHAKE_FAILED", "{body}");
}

#[test]
fn each_failure_has_its_own_code() {
    let http = replying_server(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    let smtp = replying_server(b"220 mail.contoso.com ESMTP\r\n");
    let alert = replying_server(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);
    let old_version = replying_server(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]);
    let silent = silent_server();
    for (target, code, words) in [
        (target(http), "NOT_TLS", "plain HTTP"),
        (target(smtp), "NOT_TLS", "--starttls smtp"),
        (target(alert), "TLS_ALERT", "handshake_failure"),
        (target(old_version), "TLS_VERSION_UNSUPPORTED", "older than 1.2"),
        (target(silent), "TIMEOUT", "TLS handshake"),
        (target(closed_port()), "CONNECTION_REFUSED", "refused"),
        ("name.invalid".to_owned(), "DNS_FAILED", "does not resolve"),
    ] {
        let (status, body) = fetch_json(&[&target]);
        assert_eq!(status, 3, "{target}");
        assert_eq!(body["error"]["code"], code, "{target}: {body}");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(words),
            "{target}: {body}"
        );
    }
}

#[test]
fn text_output_starts_with_the_connection() {
    let pki = pki();
    let port = leaf_and_intermediate(&pki, Versions::Tls13);
    let output = relay()
        .args(["fetch", &target(port), "--at", AT, "--sni", "mail.contoso.com"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!(
            "Fetched from 127.0.0.1:{port} (127.0.0.1:{port}), SNI mail.contoso.com: TLS 1.3"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("2 certificates"));
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["fetch"][..],
        &["fetch", "a:b:c:d:e:f:g:h:i"],
        &["fetch", "x.example", "--starttls", "ftp"],
    ] {
        let output = relay().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

/// `--hosts`: every line fetched (in parallel), the results in the list's order as JSON Lines,
/// a host that cannot be fetched reported in its place, the exit status the worst.
#[test]
fn many_hosts_at_once_as_json_lines_and_as_a_table() {
    let pki = pki();
    let good = leaf_and_intermediate(&pki, Versions::Tls13);
    let self_signed = tls_server(
        Presented::new(&[&expired_self_signed()]),
        Versions::Tls13,
        Before::Nothing,
    );
    let closed = closed_port();
    let list = format!(
        "# tenants\n{}\n\n{}\n{}\nnot a host:x\n",
        target(good),
        target(self_signed),
        target(closed)
    );
    let dir = std::env::temp_dir().join(format!("msstd-hosts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hosts.txt");
    std::fs::write(&file, &list).unwrap();
    let output = relay()
        .args([
            "fetch",
            "--at",
            AT,
            "--timeout",
            "2",
            "--json",
            "--concurrency",
            "3",
            "--hosts",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(lines[0]["target"], target(good));
    assert_eq!(lines[0]["schema"], "msstd-check/report/v1");
    assert_eq!(lines[0]["connection"]["port"], good);
    assert_eq!(lines[1]["target"], target(self_signed));
    assert!(codes(&lines[1]).contains(&"SELF_SIGNED"), "{}", lines[1]);
    assert_eq!(lines[2]["error"]["code"], "CONNECTION_REFUSED", "{}", lines[2]);
    assert_eq!(lines[3]["target"], "not a host:x");
    assert!(lines[3]["error"]["code"].is_string());
    assert_eq!(output.status.code(), Some(3), "the worst: a host not fetched");

    // The same from standard input, as a table.
    let output = with_stdin(
        relay().args(["fetch", "--at", AT, "--timeout", "2", "--hosts", "-"]),
        format!("{}\n{}\n", target(good), target(self_signed)).as_bytes(),
    );
    let table = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 3, "{table}");
    assert!(rows[0].starts_with("HOST"), "{table}");
    assert!(rows[1].starts_with(&target(good)), "{table}");
    assert!(
        rows[2].contains("self-signed") && rows[2].contains("CERT_EXPIRED"),
        "{table}"
    );
    assert_eq!(output.status.code(), Some(1), "the worst: error findings");

    // As Windows PowerShell 5.1 writes a list (`... > hosts.txt`): UTF-16LE with a BOM, CRLF.
    let mut utf16 = vec![0xff, 0xfe];
    for unit in format!("{}\r\n", target(good)).encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let output = with_stdin(
        relay().args(["fetch", "--at", AT, "--timeout", "2", "--json", "--hosts", "-"]),
        &utf16,
    );
    let line: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(line["target"], target(good), "{line}");
    assert_eq!(line["connection"]["port"], good);

    // A binary file is not a list.
    let output = with_stdin(
        relay()
            .args(["fetch", "--hosts", "-"])
            .stderr(std::process::Stdio::piped()),
        &[0x30, 0x82, 0x01, 0x00, 0x00],
    );
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// A server that sends only its leaf: the missing intermediate is downloaded from the leaf's
/// AIA caIssuers URL (an HTTP server on loopback here), as Windows would, and the report says
/// the server does not send it; when the download fails, the chain stays incomplete.
#[test]
fn a_missing_intermediate_is_downloaded_from_its_aia_url() {
    let root = common::ca("AIA Relay Root", None);
    let intermediate = common::ca("AIA Relay Issuing CA", Some(&root));
    let found = http_server(intermediate.der.clone());
    let missing = replying_server(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let rootfile = std::env::temp_dir().join(format!("relay-aia-root-{}.der", std::process::id()));
    std::fs::write(&rootfile, &root.der).unwrap();
    for (http, downloaded) in [(found, true), (missing, false)] {
        let leaf = leaf_with_aia(&intermediate, &format!("http://127.0.0.1:{http}/issuing.crt"));
        let port = tls_server(Presented::new(&[&leaf]), Versions::Tls13, Before::Nothing);
        let (_, report) = fetch_json(&[
            &target(port),
            "--host",
            "mail.contoso.com",
            "--trust",
            rootfile.to_str().unwrap(),
        ]);
        let found_codes = codes(&report);
        assert_eq!(
            found_codes.contains(&"CHAIN_FETCHED_FROM_AIA"),
            downloaded,
            "{found_codes:?}"
        );
        assert_eq!(
            found_codes.contains(&"CHAIN_INCOMPLETE"),
            !downloaded,
            "{found_codes:?}"
        );
        if downloaded {
            assert_eq!(report["chain"]["status"], "trusted");
            assert_eq!(
                report["chain"]["pem"]
                    .as_str()
                    .unwrap()
                    .matches("BEGIN CERTIFICATE")
                    .count(),
                2
            );
        }
    }
    std::fs::remove_file(rootfile).ok();
}
