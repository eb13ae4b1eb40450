//! `msstd-relay serve`: the chain API against TLS servers on loopback, each safeguard that keeps
//! it from being an open proxy, and its answers to malformed requests.

mod support;

use support::*;

fn chain_path(port: u16) -> String {
    format!("/api/v1/chain?host=127.0.0.1&port={port}&sni=mail.contoso.com")
}

#[test]
fn health_and_a_fetched_chain() {
    let pki = pki();
    let tls = tls_server(
        Presented::new(&[&pki.leaf, &pki.intermediate]),
        Versions::Tls13,
        Before::Nothing,
    );
    let relay = Served::start(&["--allow-private", "--allow-port", &tls.to_string()]);
    let (status, health) = relay.json("/api/v1/health", &[]);
    assert_eq!((status, health["service"].as_str()), (200, Some("msstd-relay")));

    let (status, body) = relay.json(&chain_path(tls), &[]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["schema"], "msstd-relay/chain/v1");
    let chain: Vec<&str> = body["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(chain.len(), 2);
    use base64::Engine as _;
    let leaf = base64::engine::general_purpose::STANDARD.decode(chain[0]).unwrap();
    assert_eq!(leaf, pki.leaf.der, "leaf first, byte for byte");
    assert_eq!(body["connection"]["tls_version"], "TLS 1.3");
    assert_eq!(body["connection"]["sni"], "mail.contoso.com");
}

/// A server that sends only its leaf: the relay downloads the missing issuer from the AIA URL
/// for the page, under its policy (here the test's HTTP port must be allowed like any other).
#[test]
fn a_missing_issuer_is_downloaded_for_the_page_under_the_policy() {
    let root = common::ca("Serve AIA Root", None);
    let intermediate = common::ca("Serve AIA Issuing CA", Some(&root));
    let http = http_server(intermediate.der.clone());
    let url = format!("http://127.0.0.1:{http}/issuing.crt");
    let leaf = leaf_with_aia(&intermediate, &url);
    let tls = tls_server(Presented::new(&[&leaf]), Versions::Tls13, Before::Nothing);
    use base64::Engine as _;
    for (allowed, fetched) in [
        (
            vec!["--allow-port", &tls.to_string(), "--allow-port", &http.to_string()],
            1,
        ),
        (vec!["--allow-port", &tls.to_string()], 0),
    ] {
        let args: Vec<&str> = std::iter::once("--allow-private")
            .chain(allowed.iter().copied())
            .collect();
        let relay = Served::start(&args);
        let (status, body) = relay.json(&chain_path(tls), &[]);
        assert_eq!(status, 200, "{body}");
        let list = body["fetched"].as_array().unwrap();
        assert_eq!(list.len(), fetched, "{body}");
        if fetched == 1 {
            assert_eq!(list[0]["url"], url);
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(list[0]["bytes"].as_str().unwrap())
                .unwrap();
            assert_eq!(bytes, intermediate.der);
        }
    }
}

#[test]
fn private_targets_and_other_ports_are_refused_by_default() {
    let relay = Served::start(&[]);
    for (path, code) in [
        ("/api/v1/chain?host=127.0.0.1&port=443", "TARGET_FORBIDDEN"),
        ("/api/v1/chain?host=localhost", "TARGET_FORBIDDEN"),
        ("/api/v1/chain?host=10.0.0.5&port=993", "TARGET_FORBIDDEN"),
        ("/api/v1/chain?host=169.254.169.254", "TARGET_FORBIDDEN"),
        ("/api/v1/chain?host=%5B%3A%3Affff%3A192.168.1.1%5D", "TARGET_FORBIDDEN"),
        ("/api/v1/chain?host=mail.contoso.com&port=22", "PORT_FORBIDDEN"),
        ("/api/v1/chain?host=8.8.8.8:6379", "PORT_FORBIDDEN"),
    ] {
        let (status, body) = relay.json(path, &[]);
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (403, Some(code)),
            "{path}: {body}"
        );
    }
}

#[test]
fn foreign_pages_and_foreign_host_names_are_refused() {
    let relay = Served::start(&["--allow-origin", "https://tools.contoso.com"]);
    let own = format!("Origin: http://127.0.0.1:{}", relay.port);
    assert_eq!(relay.json("/api/v1/health", &[&own]).0, 200);

    let (status, body) = relay.json("/api/v1/health", &["Origin: https://evil.example"]);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("ORIGIN_FORBIDDEN"))
    );
    let (status, _) = relay.json("/api/v1/health", &["Sec-Fetch-Site: cross-site"]);
    assert_eq!(status, 403, "a cross-site image or link without Origin");

    let (status, head, _) = relay.get("/api/v1/health", &["Origin: https://tools.contoso.com"]);
    assert_eq!(status, 200);
    assert!(
        head.contains("access-control-allow-origin: https://tools.contoso.com"),
        "{head}"
    );

    // DNS rebinding: a page on rebind.example whose name now points at 127.0.0.1.
    let answer = relay.raw(
        format!(
            "GET /api/v1/health HTTP/1.1\r\nHost: rebind.example:{}\r\n\r\n",
            relay.port
        )
        .as_bytes(),
    );
    let (status, _, body) = split(&answer);
    assert_eq!(status, 403);
    assert!(body.contains("HOST_FORBIDDEN"));
    let (status, _, _) = split(&relay.raw(b"GET /api/v1/health HTTP/1.1\r\n\r\n"));
    assert_eq!(status, 403, "no Host at all");
}

#[test]
fn remote_failures_map_to_gateway_statuses() {
    let http = replying_server(b"HTTP/1.1 200 OK\r\n\r\n");
    let silent = silent_server();
    let closed = closed_port();
    let ports = [http, silent, closed].map(|p| p.to_string());
    let mut args = vec!["--allow-private", "--timeout", "1"];
    for port in &ports {
        args.extend(["--allow-port", port.as_str()]);
    }
    let relay = Served::start(&args);
    for (port, status, code) in [
        (http, 502, "NOT_TLS"),
        (silent, 504, "TIMEOUT"),
        (closed, 502, "CONNECTION_REFUSED"),
    ] {
        let (got, body) = relay.json(&format!("/api/v1/chain?host=127.0.0.1&port={port}"), &[]);
        assert_eq!((got, body["error"]["code"].as_str()), (status, Some(code)), "{body}");
    }
}

#[test]
fn malformed_requests_get_400_and_the_relay_stays_up() {
    let relay = Served::start(&[]);
    for path in [
        "/api/v1/chain",
        "/api/v1/chain?host=",
        "/api/v1/chain?host=a..b",
        "/api/v1/chain?host=mail.contoso.com&port=0",
        "/api/v1/chain?host=mail.contoso.com&port=x",
        "/api/v1/chain?host=a.example&host=b.example",
        "/api/v1/chain?host=mail.contoso.com&starttls=ftp",
        "/api/v1/chain?host=mail.contoso.com&proxy=1",
    ] {
        let (status, body) = relay.json(path, &[]);
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (400, Some("BAD_REQUEST")),
            "{path}"
        );
    }
    for garbage in [
        &b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"[..],
        b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        b"POST /api/v1/chain HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n0123456789",
        b"GET /api/v1/chain?host=%zz HTTP/1.1\r\n\r\n",
        &[b'A'; 20_000],
    ] {
        let (status, _, _) = split(&relay.raw(garbage));
        assert!(
            status == 400 || status == 431,
            "{status} for {:?}",
            String::from_utf8_lossy(&garbage[..20.min(garbage.len())])
        );
    }
    let (status, _, _) = relay.get("/api/v1/health", &[]);
    assert_eq!(status, 200, "still serving");
    let (status, body) = relay.json("/api/v2/anything", &[]);
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
}

#[test]
fn serves_the_built_page_from_dist() {
    let dist = std::env::temp_dir().join(format!("relay-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>msstd-check</title>").unwrap();
    std::fs::write(dist.join("app.js"), "export {}").unwrap();
    let relay = Served::start(&["--dist", dist.to_str().unwrap()]);
    let (status, head, body) = relay.get("/", &[]);
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"));
    assert!(head.contains("frame-ancestors 'none'"));
    assert!(body.contains("<title>msstd-check</title>"));
    let (status, head, _) = relay.get("/app.js", &[]);
    assert_eq!(status, 200);
    assert!(head.contains("text/javascript"));
    assert_eq!(relay.get("/../Cargo.toml", &[]).0, 404);
    assert_eq!(relay.get("/%2e%2e/Cargo.toml", &[]).0, 404);
    std::fs::remove_dir_all(dist).unwrap();
}

/// `open`, and the bare binary (what a double-click runs), serve on a port the system picks and
/// hand exactly that address to the browser: `$BROWSER` (which the webbrowser crate honours on
/// Linux and the BSDs) is a script that records its argument. Without `--dist` the page is the
/// one built in, else `dist/` of the working folder, else none: run from an empty folder, a
/// plain `cargo build` serves the API and says the page is missing.
#[cfg(unix)]
#[test]
fn open_hands_the_served_address_to_the_browser() {
    for args in [&["open"][..], &[]] {
        let dir = std::env::temp_dir().join(format!("relay-open-{}-{}", std::process::id(), args.len()));
        std::fs::create_dir_all(&dir).unwrap();
        let recorded = dir.join("url");
        let browser = dir.join("browser.sh");
        // Written aside and renamed, so the test never reads half a line.
        std::fs::write(
            &browser,
            format!(
                "#!/bin/sh\nprintf '%s' \"$1\" > '{0}.part' && mv '{0}.part' '{0}'\n",
                recorded.display()
            ),
        )
        .unwrap();
        let mut command = relay();
        // Run by sh, not executed itself: a script just written can be "busy" (ETXTBSY) while
        // another test's fork still holds its descriptor.
        command
            .args(args)
            .current_dir(&dir)
            .env("BROWSER", format!("/bin/sh {} %s", browser.display()));
        let relay = Served::spawn(command);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let url = loop {
            match std::fs::read_to_string(&recorded) {
                Ok(url) => break url,
                Err(_) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(50))
                }
                Err(error) => panic!("{args:?}: the browser was never started: {error}"),
            }
        };
        assert_eq!(url, format!("http://127.0.0.1:{}/", relay.port), "{args:?}");
        let (status, health) = relay.json("/api/v1/health", &[]);
        assert_eq!(
            (status, health["service"].as_str()),
            (200, Some("msstd-relay")),
            "{args:?}"
        );
        if option_env!("MSSTD_PAGE_DIR").is_none() {
            let (status, _, body) = relay.get("/", &[]);
            assert_eq!(status, 404, "{args:?}: {body}");
            assert!(body.contains("no page"), "{args:?}: {body}");
        }
        drop(relay);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// The domain check for the page: with `--allow-private` the staged contoso.test is checked
/// (the bare domain's web site alerts, Autodiscover answers behind its own alert since the
/// relay does not trust the test root), worded in the language asked for; without it, the very
/// same places are refused by the policy and nothing is found.
#[test]
fn the_domain_check_runs_under_the_policy() {
    use support::common::{ca, issue, key, params};
    let root = ca("Serve Domain Root", None);
    let presented = |names: &[&str]| {
        let leaf = issue(
            params(&names[..1], names),
            key(&rcgen::PKCS_ECDSA_P256_SHA256),
            Some(&root),
        );
        Presented::new(&[&leaf])
    };
    let web_site = https_server(presented(&["www.contoso.test"]), 200, "<html>Welcome</html>");
    let exchange = https_server(presented(&["autodiscover.contoso.test"]), 401, "");
    let dns = dns_server(Vec::new());
    let staging = [
        "--connect-to".to_owned(),
        format!("contoso.test:443:127.0.0.1:{web_site}"),
        "--connect-to".to_owned(),
        format!("autodiscover.contoso.test:443:127.0.0.1:{exchange}"),
        "--connect-to".to_owned(),
        format!("autodiscover.contoso.test:80:127.0.0.1:{}", closed_port()),
        "--dns-server".to_owned(),
        format!("127.0.0.1:{dns}"),
        "--timeout".to_owned(),
        "2".to_owned(),
    ];
    let staging: Vec<&str> = staging.iter().map(String::as_str).collect();
    let allowed = Served::start(&[&staging[..], &["--allow-private"]].concat());
    let (status, body) = allowed.json("/api/v1/domain?domain=contoso.test&lang=it", &[]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["schema"], "msstd-check/domain/v1");
    assert_eq!(body["outcome"], "found-after-prompt", "{body:#}");
    assert_eq!(body["used"], 1);
    assert!(
        body["answer"]
            .as_str()
            .unwrap()
            .starts_with("Outlook troverà Autodiscover"),
        "{}",
        body["answer"]
    );
    let alerts: Vec<(&str, &str)> = body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["params"]["method"].as_str().unwrap(),
                f["params"]["autodiscover"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(alerts, [("root-domain", "no"), ("autodiscover-domain", "yes")]);
    assert!(body["endpoints"][0]["summary"]
        .as_str()
        .unwrap()
        .contains("avviso di sicurezza"));

    let refused = Served::start(&staging);
    let (status, body) = refused.json("/api/v1/domain?domain=contoso.test", &[]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["outcome"], "not-found");
    for endpoint in body["endpoints"].as_array().unwrap().iter().take(2) {
        assert_eq!(endpoint["error"]["code"], "TARGET_FORBIDDEN", "{endpoint:#}");
    }
    assert!(body["endpoints"][2]["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("refused by the relay's policy"));

    for bad in [
        "/api/v1/domain",
        "/api/v1/domain?domain=127.0.0.1",
        "/api/v1/domain?domain=contoso.test&x=1",
        "/api/v1/domain?domain=localhost",
    ] {
        let (status, body) = refused.json(bad, &[]);
        assert_eq!(status, 400, "{bad}: {body}");
    }
}

/// At most 64 connections at once: the 65th is answered 503 BUSY at once (hyper never sees it),
/// and the relay serves again when they go.
#[test]
fn connections_beyond_the_cap_are_refused_with_503() {
    let relay = Served::start(&[]);
    let idle: Vec<std::net::TcpStream> = (0..64)
        .map(|_| std::net::TcpStream::connect(("127.0.0.1", relay.port)).unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (status, _, body) = split(&relay.raw(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    assert_eq!(status, 503);
    assert!(body.contains("BUSY"), "{body}");
    drop(idle);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(relay.get("/api/v1/health", &[]).0, 200);
}

/// The page's files as the browser gets them: Brotli when accepted, a year of caching for the
/// hashed names, and 304 for a revalidation.
#[test]
fn precompressed_files_and_revalidation_over_http() {
    let dist = std::env::temp_dir().join(format!("relay-dist-br-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>msstd-check</title>").unwrap();
    std::fs::write(dist.join("index.html.br"), b"\x0b\x10\x80<!doctype html>\x03").unwrap();
    std::fs::write(dist.join("style-0123456789abcdef.css"), "body{}").unwrap();
    let relay = Served::start(&["--dist", dist.to_str().unwrap()]);
    let (status, head, _) = relay.get("/", &["Accept-Encoding: gzip, br"]);
    assert_eq!(status, 200);
    assert!(head.contains("content-encoding: br"), "{head}");
    assert!(head.contains("vary: accept-encoding"), "{head}");
    let etag = head.lines().find_map(|l| l.strip_prefix("etag: ")).unwrap().to_owned();
    let (status, _, body) = relay.get("/", &["Accept-Encoding: gzip, br", &format!("If-None-Match: {etag}")]);
    assert_eq!((status, body.as_str()), (304, ""));
    let (status, head, body) = relay.get("/", &[]);
    assert_eq!(status, 200);
    assert!(!head.contains("content-encoding"), "{head}");
    assert!(body.contains("<title>msstd-check</title>"));
    let (_, head, _) = relay.get("/style-0123456789abcdef.css", &[]);
    assert!(
        head.contains("cache-control: public, max-age=31536000, immutable"),
        "{head}"
    );
    std::fs::remove_dir_all(dist).unwrap();
}

/// The page cannot ask OCSP responders or CRLs (no request leaves it): the chain API asks for
/// it, under the relay's policy, and hands the verified answers over as `revocation`.
#[test]
fn the_chain_api_hands_the_page_verified_revocation_answers() {
    use support::common::{crl, issue, key, params};
    let pki = pki();
    let (crl_port, served) = http_server_later();
    let mut p = params(&["mail.contoso.com"], &["mail.contoso.com"]);
    p.serial_number = Some(rcgen::SerialNumber::from(vec![0x09, 0x09]));
    p.crl_distribution_points = vec![rcgen::CrlDistributionPoint {
        uris: vec![format!("http://127.0.0.1:{crl_port}/issuing.crl")],
    }];
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&pki.intermediate));
    served
        .set(crl(
            &pki.intermediate,
            Some((&[0x09, 0x09], rcgen::RevocationReason::KeyCompromise)),
        ))
        .unwrap();
    let tls = tls_server(
        Presented::new(&[&leaf, &pki.intermediate]),
        Versions::Tls13,
        Before::Nothing,
    );
    let (tls, crl_port) = (tls.to_string(), crl_port.to_string());
    let relay = Served::start(&["--allow-private", "--allow-port", &tls, "--allow-port", &crl_port]);
    let (status, body) = relay.json(
        &format!("/api/v1/chain?host=127.0.0.1&port={tls}&sni=mail.contoso.com"),
        &[],
    );
    assert_eq!(status, 200, "{body}");
    let answers = body["revocation"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "{body:#}");
    assert_eq!(answers[0]["status"], "revoked");
    assert_eq!(answers[0]["source"], "crl");
    assert_eq!(answers[0]["reason"], "keyCompromise");
    assert_eq!(answers[0]["revoked_at"], "2026-03-01T00:00:00Z");
    assert_eq!(answers[0]["certificate"].as_str().unwrap().len(), 64);

    // The CRL's port not allowed: the relay does not ask, and says why.
    let strict = Served::start(&["--allow-private", "--allow-port", &tls]);
    let (_, body) = strict.json(
        &format!("/api/v1/chain?host=127.0.0.1&port={tls}&sni=mail.contoso.com"),
        &[],
    );
    assert_eq!(body["revocation"][0]["status"], "failed", "{body:#}");
    assert!(
        body["revocation"][0]["reason"].as_str().unwrap().contains("policy"),
        "{body:#}"
    );
}
