//! The domain check's judgement, without a network: probes as a prober would hand them over,
//! chains generated with rcgen, every rule of `msstd_check::domain` on its own.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::domain::{analyze_domain, Answer, DomainOutcome, EndpointOutcome, Method, Probe};
use msstd_check::{Code, Input, Options, TrustStore};

fn probe<'a>(method: Method, url: &str, answer: Answer<'a>) -> Probe<'a> {
    Probe {
        method,
        url: url.to_owned(),
        answer,
    }
}

fn no_answer<'a>(method: Method, url: &str) -> Probe<'a> {
    probe(
        method,
        url,
        Answer::NoAnswer {
            error: "CONNECTION_REFUSED".to_owned(),
            detail: "nothing listens".to_owned(),
        },
    )
}

fn https<'a>(method: Method, url: &str, status: u16, chain: Vec<Input<'a>>) -> Probe<'a> {
    probe(
        method,
        url,
        Answer::Https {
            status: Some(status),
            autodiscover_body: false,
            chain,
        },
    )
}

const ROOT_URL: &str = "https://contoso.com/autodiscover/autodiscover.xml";
const AUTODISCOVER_URL: &str = "https://autodiscover.contoso.com/autodiscover/autodiscover.xml";
const REDIRECT_URL: &str = "http://autodiscover.contoso.com/autodiscover/autodiscover.xml";
const SRV_NAME: &str = "_autodiscover._tcp.contoso.com";

fn trusted(pki: &Pki) -> Input<'_> {
    Input::new("root", pki.root.pem.as_bytes()).trusted()
}

fn run(probes: &[Probe<'_>]) -> msstd_check::domain::DomainReport {
    let (trust, windows) = (TrustStore::mozilla(), TrustStore::microsoft());
    let options = Options {
        windows_trust: Some(&windows),
        ..options(&trust, None, None)
    };
    analyze_domain("contoso.com", probes, &options).unwrap()
}

#[test]
fn the_bare_domains_web_site_alerts_before_autodiscover_answers() {
    let site = pki(&["www.contoso.com"], &["www.contoso.com"]);
    let exchange = pki(&["mail.contoso.com"], &["mail.contoso.com", "autodiscover.contoso.com"]);
    let (site_pem, exchange_pem) = (site.served(), exchange.served());
    let report = run(&[
        https(
            Method::RootDomain,
            ROOT_URL,
            200,
            vec![Input::new("site", site_pem.as_bytes()), trusted(&site)],
        ),
        https(
            Method::AutodiscoverDomain,
            AUTODISCOVER_URL,
            401,
            vec![Input::new("exchange", exchange_pem.as_bytes()), trusted(&exchange)],
        ),
        no_answer(Method::HttpRedirect, REDIRECT_URL),
        probe(Method::Srv, SRV_NAME, Answer::NoRecord),
    ]);
    assert_eq!(report.outcome, DomainOutcome::FoundAfterPrompt);
    assert_eq!(report.used, Some(1));
    let outcomes: Vec<(EndpointOutcome, bool)> = report.endpoints.iter().map(|e| (e.outcome, e.reached)).collect();
    assert_eq!(
        outcomes,
        [
            (EndpointOutcome::Alert, true),
            (EndpointOutcome::Autodiscover, true),
            (EndpointOutcome::NoAnswer, false),
            (EndpointOutcome::NoRecord, false),
        ]
    );
    let alert = &report.findings[0];
    assert_eq!(alert.code, Code::AutodiscoverCertificateAlert);
    assert_eq!(alert.list("reasons"), ["HOST_MISMATCH"]);
    assert_eq!(alert.text("autodiscover"), "no");
    // The alert is what Windows refuses, never the msstd: comparison Autodiscover does not make.
    let root = report.endpoints[0].report.as_ref().unwrap();
    assert!(report.endpoints[0]
        .alert
        .iter()
        .all(|&i| !root.findings[i].code.as_str().starts_with("MSSTD_")));
}

#[test]
fn a_valid_autodiscover_endpoint_first_is_found_without_a_prompt() {
    let exchange = pki(&["autodiscover.contoso.com"], &["autodiscover.contoso.com"]);
    let pem = exchange.served();
    let report = run(&[
        no_answer(Method::RootDomain, ROOT_URL),
        https(
            Method::AutodiscoverDomain,
            AUTODISCOVER_URL,
            401,
            vec![Input::new("exchange", pem.as_bytes()), trusted(&exchange)],
        ),
    ]);
    assert_eq!(report.outcome, DomainOutcome::Found);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(!report.has_errors());
}

#[test]
fn an_untrusted_autodiscover_endpoint_is_used_after_the_alert() {
    // The root is not given as trusted: Windows refuses the chain, Outlook alerts, and uses the
    // endpoint once the user accepts (Autodiscover answers there).
    let exchange = pki(&["autodiscover.contoso.com"], &["autodiscover.contoso.com"]);
    let pem = exchange.served();
    let report = run(&[https(
        Method::AutodiscoverDomain,
        AUTODISCOVER_URL,
        401,
        vec![Input::new("exchange", pem.as_bytes())],
    )]);
    assert_eq!(report.outcome, DomainOutcome::FoundAfterPrompt);
    assert_eq!(report.findings[0].text("autodiscover"), "yes");
    assert!(
        report.findings[0].list("reasons").contains(&"CHAIN_INCOMPLETE"),
        "{:?}",
        report.findings[0]
    );
}

#[test]
fn a_redirect_asks_and_nothing_at_all_is_not_found() {
    let report = run(&[
        no_answer(Method::RootDomain, ROOT_URL),
        no_answer(Method::AutodiscoverDomain, AUTODISCOVER_URL),
        probe(
            Method::HttpRedirect,
            REDIRECT_URL,
            Answer::Redirect {
                location: "https://mail.contoso.com/autodiscover/autodiscover.xml".to_owned(),
            },
        ),
        no_answer(
            Method::HttpRedirect,
            "https://mail.contoso.com/autodiscover/autodiscover.xml",
        ),
        probe(
            Method::Srv,
            SRV_NAME,
            Answer::Record {
                target: "mail.contoso.com".to_owned(),
                port: 8443,
            },
        ),
        probe(
            Method::Srv,
            "https://mail.contoso.com:8443/autodiscover/autodiscover.xml",
            Answer::NotRedirected { status: 404 },
        ),
    ]);
    assert_eq!(report.outcome, DomainOutcome::NotFound);
    let codes: Vec<Code> = report.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        [
            Code::AutodiscoverRedirectPrompt,
            Code::AutodiscoverRedirectPrompt,
            Code::AutodiscoverNotFound
        ]
    );
    assert_eq!(
        report.endpoints[4].location.as_deref(),
        Some("https://mail.contoso.com:8443/autodiscover/autodiscover.xml")
    );
    assert!(report.has_errors());
}

#[test]
fn url_hosts() {
    use msstd_check::domain::url_host;
    assert_eq!(url_host(ROOT_URL), Some("contoso.com"));
    assert_eq!(url_host("https://mail.contoso.com:8443/x"), Some("mail.contoso.com"));
    assert_eq!(url_host("https://[2001:db8::1]:443/x"), Some("2001:db8::1"));
    assert_eq!(url_host("https://user@mail.contoso.com/"), Some("mail.contoso.com"));
    assert_eq!(url_host("mail.contoso.com"), None);
    assert_eq!(url_host("https:///x"), None);
}
