//! `msstd-relay fetch --domain`: the places Outlook looks for Autodiscover, staged on loopback
//! (TLS servers with rcgen chains, a redirecting HTTP server, a DNS server answering SRV
//! queries), reached through `--connect-to` and `--dns-server`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod support;

use serde_json::Value;
use support::common::{ca, issue, key, params, Issued};
use support::*;

/// The contoso.test PKI: a root the test trusts and certificates for its names.
struct Contoso {
    root: Issued,
    root_file: std::path::PathBuf,
}

impl Contoso {
    fn new(tag: &str) -> Self {
        let root = ca("Domain Test Root", None);
        let root_file = std::env::temp_dir().join(format!("relay-domain-root-{tag}-{}.der", std::process::id()));
        std::fs::write(&root_file, &root.der).unwrap();
        Self { root, root_file }
    }

    /// A server certificate for `names`, issued by the root, as a server presents it.
    fn presented(&self, names: &[&str]) -> Presented {
        let leaf = issue(
            params(&names[..1], names),
            key(&rcgen::PKCS_ECDSA_P256_SHA256),
            Some(&self.root),
        );
        Presented::new(&[&leaf])
    }
}

const AUTODISCOVER_ERROR: &str = r#"<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response><Error Time="10:00:00" Id="1"><ErrorCode>600</ErrorCode><Message>Invalid Request</Message></Error></Response></Autodiscover>"#;

/// Runs `fetch --domain contoso.test --json` with `args`; the exit status and the JSON.
fn domain_check(contoso: &Contoso, dns: u16, args: &[String]) -> (i32, Value) {
    json_run(
        relay()
            .args([
                "fetch",
                "--domain",
                "contoso.test",
                "--at",
                AT,
                "--timeout",
                "2",
                "--json",
            ])
            .args(["--dns-server", &format!("127.0.0.1:{dns}")])
            .arg("--trust")
            .arg(&contoso.root_file)
            .args(args),
    )
}

/// `--connect-to` to a closed port for each of `places`: nothing answers there.
fn nothing_at(places: &[(&str, u16)]) -> Vec<String> {
    places
        .iter()
        .flat_map(|&(host, port)| connect_to(host, port, closed_port()))
        .collect()
}

/// The three places of Outlook's order that are not the SRV record.
const ROOT_AUTODISCOVER_AND_REDIRECT: [(&str, u16); 3] = [
    ("contoso.test", 443),
    ("autodiscover.contoso.test", 443),
    ("autodiscover.contoso.test", 80),
];

/// The domain report conforms to `docs/domain-schema.json`, each endpoint's report and the
/// Outlook Anywhere host's to `docs/report-schema.json`.
fn conforms_to_the_schemas(report: &Value) {
    let read = |name: &str| -> Value {
        let path = format!("{}/../docs/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let (domain, single) = (read("domain-schema.json"), read("report-schema.json"));
    let conforms = support::common::schema::conforms;
    conforms(&report["autodiscover"], &domain, &domain, "autodiscover");
    for endpoint in report["autodiscover"]["endpoints"].as_array().unwrap() {
        if !endpoint["report"].is_null() {
            conforms(&endpoint["report"], &single, &single, "endpoint report");
        }
    }
    if report["outlook_anywhere"]["schema"].is_string() {
        conforms(&report["outlook_anywhere"], &single, &single, "outlook_anywhere");
    }
}

fn connect_to(host: &str, port: u16, to: u16) -> [String; 2] {
    ["--connect-to".to_owned(), format!("{host}:{port}:127.0.0.1:{to}")]
}

fn outcomes(report: &Value) -> Vec<(String, String, bool)> {
    report["autodiscover"]["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["method"].as_str().unwrap().to_owned(),
                e["outcome"].as_str().unwrap().to_owned(),
                e["reached"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn codes(findings: &Value) -> Vec<&str> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

/// The classic case: the web site on the bare domain answers on 443 with a certificate for
/// www only, so Outlook pops a name warning at every start before it reaches
/// autodiscover.contoso.test.
#[test]
fn the_root_domain_web_site_pops_a_certificate_alert_before_autodiscover() {
    let contoso = Contoso::new("popup");
    let web_site = https_server(contoso.presented(&["www.contoso.test"]), 200, "<html>Welcome</html>");
    let exchange = https_server(
        contoso.presented(&["autodiscover.contoso.test", "mail.contoso.test"]),
        401,
        "",
    );
    let dns = dns_server(Vec::new());
    let mut args = Vec::new();
    args.extend(connect_to("contoso.test", 443, web_site));
    args.extend(connect_to("autodiscover.contoso.test", 443, exchange));
    args.extend(connect_to("autodiscover.contoso.test", 80, closed_port()));
    args.extend(connect_to("mail.contoso.test", 443, exchange));
    args.extend(["--msstd".to_owned(), "msstd:mail.contoso.test".to_owned()]);
    let (status, report) = domain_check(&contoso, dns, &args);
    let autodiscover = &report["autodiscover"];
    assert_eq!(report["schema"], "msstd-relay/domain-check/v1");
    assert_eq!(autodiscover["outcome"], "found-after-prompt", "{autodiscover:#}");
    assert_eq!(autodiscover["used"], 1);
    assert_eq!(
        outcomes(&report),
        [
            ("root-domain".to_owned(), "alert".to_owned(), true),
            ("autodiscover-domain".to_owned(), "autodiscover".to_owned(), true),
            ("http-redirect".to_owned(), "no-answer".to_owned(), false),
            ("srv".to_owned(), "no-record".to_owned(), false),
        ]
    );
    let alert = &autodiscover["findings"][0];
    assert_eq!(alert["code"], "AUTODISCOVER_CERTIFICATE_ALERT");
    assert_eq!(alert["params"]["host"], "contoso.test");
    assert_eq!(alert["params"]["reasons"], serde_json::json!(["HOST_MISMATCH"]));
    assert!(
        alert["fix"].as_str().unwrap().contains("ExcludeHttpsRootDomain"),
        "{alert}"
    );
    assert_eq!(autodiscover["endpoints"][0]["status"], 200);
    // The Outlook Anywhere host, from the principal, with the msstd verdict.
    let host = &report["outlook_anywhere"];
    // mail.contoso.test is a SubjectAltName, not the Common Name.
    assert_eq!(host["msstd"]["code"], "MSSTD_SAN_ONLY", "{host:#}");
    assert_eq!(host["connection"]["host"], "mail.contoso.test");
    assert_eq!(status, 0, "a prompt is a warning, not an error");
    conforms_to_the_schemas(&report);
}

/// A redirect from the plain-HTTP endpoint to the Exchange server: found, after Outlook asks
/// the user; the SRV record behind it is never reached.
#[test]
fn a_redirect_is_followed_after_a_question_and_the_srv_record_is_not_reached() {
    let contoso = Contoso::new("redirect");
    let exchange = https_server(contoso.presented(&["mail.contoso.test"]), 200, AUTODISCOVER_ERROR);
    let redirect = redirecting_server("https://mail.contoso.test/autodiscover/autodiscover.xml".to_owned());
    let dns = dns_server(vec![("_autodiscover._tcp.contoso.test", "mail.contoso.test", 443)]);
    let mut args = nothing_at(&ROOT_AUTODISCOVER_AND_REDIRECT[..2]);
    args.extend(connect_to("autodiscover.contoso.test", 80, redirect));
    args.extend(connect_to("mail.contoso.test", 443, exchange));
    let (status, report) = domain_check(&contoso, dns, &args);
    let autodiscover = &report["autodiscover"];
    assert_eq!(autodiscover["outcome"], "found-after-prompt", "{autodiscover:#}");
    assert_eq!(
        outcomes(&report),
        [
            ("root-domain".to_owned(), "no-answer".to_owned(), true),
            ("autodiscover-domain".to_owned(), "no-answer".to_owned(), true),
            ("http-redirect".to_owned(), "redirect".to_owned(), true),
            ("http-redirect".to_owned(), "autodiscover".to_owned(), true),
            ("srv".to_owned(), "redirect".to_owned(), false),
            ("srv".to_owned(), "autodiscover".to_owned(), false),
        ]
    );
    assert_eq!(autodiscover["used"], 3);
    assert_eq!(autodiscover["endpoints"][0]["error"]["code"], "CONNECTION_REFUSED");
    assert_eq!(codes(&autodiscover["findings"]), ["AUTODISCOVER_REDIRECT_PROMPT"]);
    assert_eq!(
        autodiscover["findings"][0]["params"]["location"],
        "https://mail.contoso.test/autodiscover/autodiscover.xml"
    );
    assert_eq!(
        autodiscover["endpoints"][4]["location"],
        "https://mail.contoso.test/autodiscover/autodiscover.xml"
    );
    assert_eq!(report["outlook_anywhere"], Value::Null);
    assert_eq!(status, 0);
    conforms_to_the_schemas(&report);
}

/// Nothing answers: no Autodiscover, an error, exit status 1; the text names every place.
#[test]
fn a_domain_where_nothing_answers_has_no_autodiscover() {
    let contoso = Contoso::new("nothing");
    let dns = dns_server(Vec::new());
    let args = nothing_at(&ROOT_AUTODISCOVER_AND_REDIRECT);
    let (status, report) = domain_check(&contoso, dns, &args);
    assert_eq!(report["autodiscover"]["outcome"], "not-found");
    assert_eq!(codes(&report["autodiscover"]["findings"]), ["AUTODISCOVER_NOT_FOUND"]);
    assert_eq!(status, 1);
    let output = relay()
        .args(["fetch", "--domain", "contoso.test", "--at", AT, "--timeout", "2"])
        .args(["--dns-server", &format!("127.0.0.1:{dns}")])
        .args(&args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("Will Outlook find Autodiscover for contoso.test? No"),
        "{text}"
    );
    for place in [
        "https://contoso.test/autodiscover/autodiscover.xml",
        "https://autodiscover.contoso.test/autodiscover/autodiscover.xml",
        "http://autodiscover.contoso.test/autodiscover/autodiscover.xml",
        "_autodiscover._tcp.contoso.test",
    ] {
        assert!(text.contains(place), "{place}: {text}");
    }
    assert!(text.contains("give --host or --msstd"), "{text}");
}

/// Only the SRV record leads to Exchange: found after the question Outlook asks for it; an
/// untrusted certificate there is an alert as well.
#[test]
fn an_srv_record_is_followed_and_its_endpoint_judged() {
    let contoso = Contoso::new("srv");
    let stranger = ca("Not Trusted Root", None);
    let leaf = issue(
        params(&["mail.contoso.test"], &["mail.contoso.test"]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(&stranger),
    );
    let exchange = https_server(Presented::new(&[&leaf]), 401, "");
    let dns = dns_server(vec![("_autodiscover._tcp.contoso.test", "mail.contoso.test", 8443)]);
    let mut args = nothing_at(&ROOT_AUTODISCOVER_AND_REDIRECT);
    args.extend(connect_to("mail.contoso.test", 8443, exchange));
    let (status, report) = domain_check(&contoso, dns, &args);
    let autodiscover = &report["autodiscover"];
    assert_eq!(autodiscover["outcome"], "found-after-prompt", "{autodiscover:#}");
    assert_eq!(autodiscover["used"], 4);
    assert_eq!(
        autodiscover["endpoints"][4]["url"],
        "https://mail.contoso.test:8443/autodiscover/autodiscover.xml"
    );
    assert_eq!(
        codes(&autodiscover["findings"]),
        ["AUTODISCOVER_REDIRECT_PROMPT", "AUTODISCOVER_CERTIFICATE_ALERT"]
    );
    assert_eq!(autodiscover["findings"][1]["params"]["autodiscover"], "yes");
    assert_eq!(status, 0);
    drop(contoso.root);
}

#[test]
fn domain_arguments_are_checked() {
    for bad in [
        &["fetch", "--domain", "contoso.test", "mail.contoso.test"][..],
        &["fetch", "--domain", "contoso.test", "--pem"],
        &["fetch", "--domain", "contoso.test", "--connect-to", "contoso.test:443"],
        &["fetch", "--domain", "contoso.test", "--dns-server", "dns.contoso.test"],
        &["fetch", "--domain", "not a domain"],
    ] {
        let output = relay().args(bad).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
    }
}
