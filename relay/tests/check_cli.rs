//! The `check` command as a user runs it: exit codes, JSON, standard input, NO_COLOR.

mod support;

use std::path::PathBuf;

use support::{relay, with_stdin};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name)
}

#[test]
fn clean_match_exits_0_with_a_readable_report() {
    let output = relay()
        .args([
            "check",
            "--at",
            "2027-06-01T00:00:00Z",
            "--msstd",
            "msstd:mail.contoso.com",
            "--trust",
        ])
        .arg(data("contoso-chain.pem"))
        .arg(data("contoso-leaf.pem"))
        .arg(data("contoso-chain.pem"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.starts_with("Will Outlook Anywhere connect? Yes: on every Windows version"),
        "{stdout}"
    );
    assert!(stdout.contains("\nMATCH: msstd:mail.contoso.com"), "{stdout}");
    assert!(!stdout.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn mismatch_exits_1_and_prints_the_fix() {
    let output = relay()
        .args(["check", "--at", "2027-06-01", "--msstd", "msstd:owa.fabrikam.com"])
        .arg(data("contoso-leaf.pem"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout.contains("Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\""),
        "{stdout}"
    );
}

#[test]
fn json_from_standard_input() {
    let output = with_stdin(
        relay().args([
            "check",
            "--json",
            "--at",
            "2027-06-01",
            "--host",
            "mail.contoso.com",
            "-",
        ]),
        &std::fs::read(data("chain.p7b")).unwrap(),
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["schema"], "msstd-check/report/v1");
    assert_eq!(json["inputs"][0]["name"], "standard input");
    assert_eq!(json["inputs"][0]["format"], "pkcs7");
    assert_eq!(json["summary"]["verdict"], "MSSTD_MATCH");
}

#[test]
fn pfx_password_from_the_environment() {
    let output = relay()
        .args(["check", "--at", "2027-06-01", "--password-env", "PFX_PASSWORD"])
        .arg(data("openssl-legacy.pfx"))
        .env("PFX_PASSWORD", "Passw0rd!")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("KEY_PAIR_MATCH"));
    let missing = relay()
        .args(["check"])
        .arg(data("openssl-legacy.pfx"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("password"));
}

#[test]
fn unusable_input_and_arguments_exit_2() {
    let key = relay().args(["check"]).arg(data("rsa-2048.key")).output().unwrap();
    assert_eq!(key.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&key.stderr).contains("private key"));
    for args in [
        &["check"][..],
        &["check", "--at", "soon", "x.pem"],
        &["frobnicate"],
        &["check", "/no/such/file.pem"],
    ] {
        assert_eq!(relay().args(args).output().unwrap().status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_answer_comes_in_italian_with_lang_it() {
    let output = relay()
        .args([
            "check",
            "--lang",
            "it",
            "--at",
            "2027-06-01T00:00:00Z",
            "--msstd",
            "msstd:mail.contoso.com",
        ])
        .arg(data("contoso-leaf.pem"))
        .arg(data("contoso-chain.pem"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.starts_with("Outlook Anywhere si connetterà? No"), "{stdout}");
    assert!(
        stdout.contains("Outlook su Windows Vista SP1 e successivi: non si connette"),
        "{stdout}"
    );
    let json = relay()
        .args(["check", "--lang", "it", "--json", "--at", "2027-06-01T00:00:00Z"])
        .arg(data("contoso-leaf.pem"))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["summary"]["outcome"], "fails");
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("Manca il certificato intermedio")),
        "{messages:?}"
    );
}

/// clap: each subcommand has its own help, a mistyped flag gets a suggestion and exit status 2,
/// and the completion scripts name the subcommands.
#[test]
fn help_suggestions_and_completions() {
    for command in ["check", "fetch", "serve"] {
        let output = relay().args([command, "--help"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("Usage: msstd-relay"),
            "{command}"
        );
    }
    let output = relay()
        .args(["fetch", "mail.contoso.com", "--dommain", "contoso.com"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("'--domain'"));
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = relay().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.contains("msstd") && script.contains("no-revocation"), "{shell}");
    }
}

#[test]
fn connectors_beside_the_certificates_exchange_lists() {
    // The hybrid send connector names Contoso Issuing CA 1; the certificate was renewed under CA 2.
    let listed = std::fs::read_to_string(data("exchange/get-exchangecertificate.txt"))
        .unwrap()
        .replace("CN=Contoso Issuing CA 1", "CN=Contoso Issuing CA 2");
    let output = with_stdin(
        relay()
            .args(["check", "--at", "2026-12-01"])
            .arg(data("exchange/get-sendconnector.txt"))
            .arg("-"),
        listed.as_bytes(),
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("CONNECTOR_CERTIFICATE_RENEWED"), "{stdout}");
    assert!(
        stdout.contains("Set-SendConnector -Identity 'Outbound to Office 365 - 5f7c2a1e-29b1-4d39-8a40-ff7c0e2a8b11' -TlsCertificateName '<I>CN=Contoso Issuing CA 2, O=Contoso, C=IT<S>CN=mail.contoso.com'"),
        "{stdout}"
    );
}

#[test]
fn a_certificate_request_is_checked_before_it_is_bought() {
    let output = relay()
        .args(["check", "--host", "mail.contoso.com"])
        .arg(data("request.csr"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("REQUEST_ONLY"), "{stdout}");
    assert!(stdout.contains("This is a certificate request"), "{stdout}");
}
