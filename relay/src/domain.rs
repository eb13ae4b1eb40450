//! Probing the places Outlook looks for Autodiscover for an e-mail domain, the way Outlook
//! reaches them, without credentials: the handshake (the chain as presented, and any issuer the
//! server does not send, downloaded from its AIA URL), then an unauthenticated Autodiscover
//! request, whose status (401) or body (an Autodiscover document) says whether Autodiscover
//! answers. The engine's [`msstd_check::domain`] judges what was seen.

use msstd_check::completion::Download;
use msstd_check::domain::{analyze_domain, Answer, DomainReport, Method, Probe};
use msstd_check::{Input, Options, UnixTime};

use crate::analysis::{self, Network, Presented};
use crate::error::FetchError;
use crate::fetch::{fetch, Fetched};
use crate::resolve::Srv;
use crate::settings::Settings;
use crate::stores::Stores;
use crate::target::{parse_host_port, Target};
use crate::web;

/// The Autodiscover path Outlook requests.
const PATH: &str = "/autodiscover/autodiscover.xml";
/// What Outlook posts: a request for the Outlook provider settings of an address that cannot
/// exist, so that nothing about a real mailbox is asked.
const REQUEST: &str = r#"<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>msstd-check@invalid.example</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>"#;
/// Body read from an Autodiscover answer: enough for an error document.
const MAX_BODY: u64 = 16 * 1024;

/// What one place showed, owned (the engine's [`Probe`] borrows from it).
struct Seen {
    pub method: Method,
    pub url: String,
    pub kind: Kind,
}

/// What was seen, owned.
enum Kind {
    NoAnswer {
        code: &'static str,
        detail: String,
    },
    Https {
        fetched: Box<Fetched>,
        downloaded: Vec<Download>,
        status: Option<u16>,
        autodiscover_body: bool,
    },
    Redirect(String),
    NotRedirected(u16),
    Record {
        target: String,
        port: u16,
    },
    NoRecord,
}

impl Seen {
    /// The engine's view, borrowing the chains.
    fn probe<'a>(&'a self, presented: &'a str) -> Probe<'a> {
        let answer = match &self.kind {
            Kind::NoAnswer { code, detail } => Answer::NoAnswer {
                error: (*code).to_owned(),
                detail: detail.clone(),
            },
            Kind::Https {
                downloaded,
                status,
                autodiscover_body,
                ..
            } => Answer::Https {
                status: *status,
                autodiscover_body: *autodiscover_body,
                chain: std::iter::once(Input::new(&self.url, presented.as_bytes()))
                    .chain(
                        downloaded
                            .iter()
                            .map(|d| Input::new(&d.name, &d.bytes).fetched_from(&d.url)),
                    )
                    .collect(),
            },
            Kind::Redirect(location) => Answer::Redirect {
                location: location.clone(),
            },
            Kind::NotRedirected(status) => Answer::NotRedirected { status: *status },
            Kind::Record { target, port } => Answer::Record {
                target: target.clone(),
                port: *port,
            },
            Kind::NoRecord => Answer::NoRecord,
        };
        Probe {
            method: self.method,
            url: self.url.clone(),
            answer,
        }
    }

    /// The chain as presented, as PEM (empty when no chain was seen).
    fn presented(&self) -> String {
        match &self.kind {
            Kind::Https { fetched, .. } => fetched.pem(),
            _ => String::new(),
        }
    }
}

/// The issuers a chain presented for a host name misses, downloaded (the engine's completion
/// loop, without revocation).
type Issuers<'a> = dyn Fn(&Fetched, &str) -> Vec<Download> + Sync + 'a;

/// Probes every place Outlook looks for `domain` and judges what each showed at `now`, the
/// chains beside the roots given with `--trust`.
pub(crate) fn check(
    domain: &str,
    settings: &Settings,
    stores: &Stores,
    now: UnixTime,
) -> Result<DomainReport, msstd_check::Error> {
    let trusted = analysis::trusted(stores);
    let issuers = |fetched: &Fetched, host: &str| -> Vec<Download> {
        let presented = Presented::of(fetched);
        let inputs: Vec<Input<'_>> = std::iter::once(presented.input())
            .chain(trusted.iter().copied())
            .collect();
        let network = Network::for_fetched(fetched, settings);
        analysis::complete(&inputs, &options(stores, now, Some(host)), false, Some(network))
            .map(|completed| completed.downloaded)
            .unwrap_or_default()
    };
    let seen = probe(domain, settings, &issuers);
    let presented: Vec<String> = seen.iter().map(Seen::presented).collect();
    let probes: Vec<Probe<'_>> = seen
        .iter()
        .zip(&presented)
        .map(|(seen, pem)| {
            let mut probe = seen.probe(pem);
            if let Answer::Https { chain, .. } = &mut probe.answer {
                chain.extend(trusted.iter().copied());
            }
            probe
        })
        .collect();
    analyze_domain(domain, &probes, &options(stores, now, None))
}

/// The options of every analysis of the check; `host` is the name judged.
fn options<'a>(stores: &'a Stores, now: UnixTime, host: Option<&'a str>) -> Options<'a> {
    analysis::options(stores, now).host(host)
}

/// Probes every place Outlook looks for `domain`, the four methods at once (each method's
/// steps in order), results in Outlook's order. `issuers` downloads what a chain presented for a
/// host name misses.
fn probe(domain: &str, settings: &Settings, issuers: &Issuers<'_>) -> Vec<Seen> {
    let root = format!("https://{domain}{PATH}");
    let autodiscover = format!("https://autodiscover.{domain}{PATH}");
    let redirect = format!("http://autodiscover.{domain}{PATH}");
    let srv = format!("_autodiscover._tcp.{domain}");
    std::thread::scope(|scope| {
        let root = scope.spawn(|| vec![https(Method::RootDomain, &root, settings, issuers)]);
        let autodiscover = scope.spawn(|| vec![https(Method::AutodiscoverDomain, &autodiscover, settings, issuers)]);
        let redirect = scope.spawn(|| follow_redirect(&redirect, settings, issuers));
        let srv = scope.spawn(|| follow_srv(&srv, settings, issuers));
        [root, autodiscover, redirect, srv]
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    })
}

/// The target of an `https://` URL: its host and port (443 unless given), the host as SNI, TLS
/// from the first byte.
fn https_target(url: &str) -> Result<Target, FetchError> {
    let rest = url
        .get(..8)
        .filter(|scheme| scheme.eq_ignore_ascii_case("https://"))
        .and_then(|_| url.get(8..))
        .ok_or_else(|| FetchError::BadTarget(format!("{url}: Outlook only follows https:// addresses")))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = parse_host_port(authority)?;
    Target::new(host, port, None, Some(None))
}

/// The handshake and the Autodiscover request at one HTTPS URL.
fn https(method: Method, url: &str, settings: &Settings, issuers: &Issuers<'_>) -> Seen {
    let seen = |kind| Seen {
        method,
        url: url.to_owned(),
        kind,
    };
    let no_answer = |error: FetchError| {
        seen(Kind::NoAnswer {
            code: error.code(),
            detail: error.to_string(),
        })
    };
    let target = match https_target(url) {
        Ok(target) => target,
        Err(error) => return no_answer(error),
    };
    let host = target.host.clone();
    let fetched = match fetch(&target, settings) {
        Ok(fetched) => fetched,
        Err(error) => return no_answer(error),
    };
    let downloaded = issuers(&fetched, &host);
    let request = web::Request::Post {
        content_type: "text/xml; charset=utf-8",
        body: REQUEST.as_bytes(),
    };
    let (status, autodiscover_body) = match web::send(url, request, settings, MAX_BODY) {
        Ok(answer) => (Some(answer.status), is_autodiscover_document(&answer.body)),
        Err(_) => (None, false),
    };
    seen(Kind::Https {
        fetched: Box::new(fetched),
        downloaded,
        status,
        autodiscover_body,
    })
}

/// Whether `body` is an Autodiscover document (a response or an error).
fn is_autodiscover_document(body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(body).to_ascii_lowercase();
    text.contains("schemas.microsoft.com/exchange/autodiscover")
}

/// The plain-HTTP redirect method: a GET, and the HTTPS endpoint a redirect names.
fn follow_redirect(url: &str, settings: &Settings, issuers: &Issuers<'_>) -> Vec<Seen> {
    let seen = |kind| Seen {
        method: Method::HttpRedirect,
        url: url.to_owned(),
        kind,
    };
    match web::send(url, web::Request::Get, settings, MAX_BODY) {
        Ok(answer) => match (answer.status, answer.location) {
            (301 | 302 | 303 | 307 | 308, Some(location)) => {
                let target = https(Method::HttpRedirect, &location, settings, issuers);
                vec![seen(Kind::Redirect(location)), target]
            }
            (status, _) => vec![seen(Kind::NotRedirected(status))],
        },
        Err(unanswered) => vec![seen(Kind::NoAnswer {
            code: "HTTP_FAILED",
            detail: unanswered.detail,
        })],
    }
}

/// The SRV method: the record, and the HTTPS endpoint it names.
fn follow_srv(name: &str, settings: &Settings, issuers: &Issuers<'_>) -> Vec<Seen> {
    let seen = |kind| Seen {
        method: Method::Srv,
        url: name.to_owned(),
        kind,
    };
    match settings.resolver.srv(name, settings.timeout) {
        Ok(Srv::Found { target, port }) => {
            let url = msstd_check::domain::srv_url(&target, port);
            let endpoint = https(Method::Srv, &url, settings, issuers);
            vec![seen(Kind::Record { target, port }), endpoint]
        }
        Ok(Srv::None) => vec![seen(Kind::NoRecord)],
        Err(error) => vec![seen(Kind::NoAnswer {
            code: error.code(),
            detail: error.to_string(),
        })],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_targets() {
        let target = |url: &str| {
            https_target(url).map(|t| (t.host.clone(), t.port, t.sni_name().map(str::to_owned), t.starttls))
        };
        assert_eq!(
            target("https://Contoso.com/autodiscover/autodiscover.xml").unwrap(),
            ("contoso.com".to_owned(), 443, Some("contoso.com".to_owned()), None)
        );
        assert_eq!(
            target("https://mail.contoso.com:587/x").unwrap(),
            (
                "mail.contoso.com".to_owned(),
                587,
                Some("mail.contoso.com".to_owned()),
                None
            ),
            "TLS from the first byte whatever the port"
        );
        assert_eq!(
            target("https://[2001:db8::1]/x").unwrap(),
            ("2001:db8::1".to_owned(), 443, None, None)
        );
        assert!(target("https://mail.contoso.com:x/").is_err());
        assert!(target("http://mail.contoso.com/").is_err());
    }

    #[test]
    fn autodiscover_documents_are_recognised() {
        assert!(is_autodiscover_document(br#"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response><Error/></Response></Autodiscover>"#));
        assert!(!is_autodiscover_document(
            b"<html><body>Welcome to Contoso</body></html>"
        ));
    }
}
