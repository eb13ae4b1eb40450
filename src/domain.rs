//! The domain check: the places Outlook looks for Autodiscover, in the order it tries them, and
//! what each does to Outlook: answers it, is passed over in silence, pops a certificate
//! security alert or asks to follow a redirect.
//!
//! The engine does not touch the network. Whoever can (the relay) probes each place and hands
//! over what it saw as [`Probe`]s: no answer, an HTTPS answer with its status and the chain
//! presented, a plain-HTTP redirect, an SRV record. [`analyze_domain`] judges every chain for
//! its endpoint's host name with the same analysis as a pasted chain, so the alert Outlook
//! shows is exactly the Windows verdict's failure. `docs/windows.md` gives each rule with its
//! source.

use serde::Serialize;

use crate::clients::{windows_blocks, Client, Connects};
use crate::finding::{Code, Finding, Severity};
use crate::{analyze, Error, Input, Options, Report, UnixTime};

/// The schema name of [`DomainReport`].
pub const DOMAIN_SCHEMA: &str = "msstd-check/domain/v1";

/// Where Outlook looks, in the order it tries (Microsoft KB 3211279 "Outlook 2016
/// implementation of Autodiscover"; [MS-OXDISCO] section 3.1.5), after the Active Directory
/// lookup that only domain-joined clients inside the network make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// `https://DOMAIN/autodiscover/autodiscover.xml`.
    RootDomain,
    /// `https://autodiscover.DOMAIN/autodiscover/autodiscover.xml`.
    AutodiscoverDomain,
    /// A redirect from `http://autodiscover.DOMAIN/autodiscover/autodiscover.xml`, and the
    /// HTTPS endpoint it names.
    HttpRedirect,
    /// The DNS SRV record `_autodiscover._tcp.DOMAIN`, and the HTTPS endpoint it names.
    Srv,
}

/// What the prober saw at one place.
#[derive(Clone, Debug)]
pub enum Answer<'a> {
    /// Nothing answered: the name does not resolve, the connection is refused or times out, the
    /// handshake fails. `error` is a stable code (the relay's), `detail` says more.
    NoAnswer {
        /// Stable code of the failure.
        error: String,
        /// The failure in words.
        detail: String,
    },
    /// An HTTPS endpoint completed the handshake; `chain` is what it presented.
    Https {
        /// The status of an unauthenticated Autodiscover request, when one was answered.
        status: Option<u16>,
        /// Whether the answer's body is an Autodiscover document (an error document counts).
        autodiscover_body: bool,
        /// The certificates as presented (and any issuers downloaded for them).
        chain: Vec<Input<'a>>,
    },
    /// The plain-HTTP endpoint redirected to `location`.
    Redirect {
        /// The `Location` header.
        location: String,
    },
    /// The plain-HTTP endpoint answered without a redirect to HTTPS.
    NotRedirected {
        /// Its status.
        status: u16,
    },
    /// The SRV record exists and names `target`:`port`.
    Record {
        /// The host the record names.
        target: String,
        /// The port it names.
        port: u16,
    },
    /// There is no SRV record.
    NoRecord,
}

/// One place probed: a lookup (redirect, SRV) is followed by a probe of the HTTPS endpoint it
/// names, with the same method.
#[derive(Clone, Debug)]
pub struct Probe<'a> {
    /// Which of Outlook's methods this belongs to.
    pub method: Method,
    /// The URL requested (for an SRV lookup, the record's name).
    pub url: String,
    /// What was seen there.
    pub answer: Answer<'a>,
}

/// What one place does to Outlook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EndpointOutcome {
    /// Nothing answers: Outlook moves on without a word.
    NoAnswer,
    /// The certificate fails Windows' checks for this name: Outlook shows a security alert
    /// ("The name on the security certificate is invalid…"); Yes goes on, No ends the lookup.
    Alert,
    /// A valid certificate, but no Autodiscover behind it: Outlook moves on.
    NotAutodiscover,
    /// Autodiscover answers here with a valid certificate: Outlook stops here.
    Autodiscover,
    /// A redirect (or SRV record) Outlook asks the user to allow before following it.
    Redirect,
    /// The HTTP endpoint answers without a redirect: Outlook moves on.
    NotRedirected,
    /// No SRV record: Outlook moves on.
    NoRecord,
}

/// The domain's answer: where Outlook ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DomainOutcome {
    /// Outlook reaches Autodiscover without asking the user anything.
    Found,
    /// Outlook reaches Autodiscover only after a security alert or a redirect question, at
    /// every start and every hourly refresh.
    FoundAfterPrompt,
    /// No place answers as Autodiscover: Outlook cannot set up or refresh the account.
    NotFound,
}

/// One place, judged.
#[derive(Clone, Debug, Serialize)]
pub struct Endpoint {
    /// Which of Outlook's methods.
    pub method: Method,
    /// The URL requested, or the SRV record's name.
    pub url: String,
    /// What it does to Outlook.
    pub outcome: EndpointOutcome,
    /// Whether Outlook gets this far (it stops at the first Autodiscover answer).
    pub reached: bool,
    /// The HTTP status, when one was answered.
    pub status: Option<u16>,
    /// Whether Autodiscover answers here (401 to an unauthenticated request, or an
    /// Autodiscover document), whatever the certificate: Outlook uses an alerting endpoint
    /// once the user accepts the alert.
    pub autodiscover: bool,
    /// Where a redirect or an SRV record points.
    pub location: Option<String>,
    /// Why nothing answered (`NoAnswer`): the prober's code and words.
    pub error: Option<ProbeError>,
    /// The chain presented, judged for this endpoint's host name (no principal: Autodiscover
    /// is plain HTTPS).
    pub report: Option<Report>,
    /// Indices into the report's findings of what makes Windows refuse the certificate here.
    pub alert: Vec<usize>,
}

/// Why a place did not answer.
#[derive(Clone, Debug, Serialize)]
pub struct ProbeError {
    /// A stable code.
    pub code: String,
    /// The failure in words.
    pub detail: String,
}

/// The whole domain check.
#[derive(Clone, Debug, Serialize)]
pub struct DomainReport {
    /// Always [`DOMAIN_SCHEMA`].
    pub schema: &'static str,
    /// The e-mail domain checked.
    pub domain: String,
    /// When the certificates were judged.
    pub checked_at: UnixTime,
    /// Every place probed, in Outlook's order.
    pub endpoints: Vec<Endpoint>,
    /// Where Outlook ends up.
    pub outcome: DomainOutcome,
    /// Index into `endpoints` of the Autodiscover endpoint Outlook uses.
    pub used: Option<usize>,
    /// What Outlook meets on the way, in order: alerts, redirect questions, or no Autodiscover.
    pub findings: Vec<Finding>,
}

impl DomainReport {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

pub use crate::names::url_host;

/// The Autodiscover URL an SRV record's `target` and `port` name, as Outlook requests it
/// ([MS-OXDISCO] section 3.1.5.3).
pub fn srv_url(target: &str, port: u16) -> String {
    if port == 443 {
        format!("https://{target}/autodiscover/autodiscover.xml")
    } else {
        format!("https://{target}:{port}/autodiscover/autodiscover.xml")
    }
}

/// Judges what was seen at each place Outlook looks for Autodiscover for `domain`.
/// `options.principal` and `options.host` are not used: each chain is judged for its own
/// endpoint's host name.
///
/// # Errors
/// [`Error`] when a chain cannot be analysed (the error names the URL).
pub fn analyze_domain(domain: &str, probes: &[Probe<'_>], options: &Options<'_>) -> Result<DomainReport, Error> {
    let mut endpoints = Vec::with_capacity(probes.len());
    for probe in probes {
        endpoints.push(judge(probe, options)?);
    }
    let mut findings = Vec::new();
    let mut used = None;
    for (index, endpoint) in endpoints.iter_mut().enumerate() {
        endpoint.reached = true;
        match endpoint.outcome {
            EndpointOutcome::Alert => {
                let report = endpoint.report.as_ref();
                let reasons: Vec<String> = endpoint
                    .alert
                    .iter()
                    .filter_map(|&i| report.and_then(|r| r.findings.get(i)))
                    .map(|f| f.code.as_str().to_owned())
                    .collect();
                let answers = endpoint.autodiscover;
                findings.push(
                    Finding::new(Code::AutodiscoverCertificateAlert, Severity::Warning)
                        .with("url", endpoint.url.clone())
                        .with("host", url_host(&endpoint.url).unwrap_or_default())
                        .with("method", method_name(endpoint.method))
                        .with("reasons", reasons)
                        .with("autodiscover", if answers { "yes" } else { "no" }),
                );
                if answers {
                    used = Some(index);
                    break;
                }
            }
            EndpointOutcome::Redirect => findings.push(
                Finding::new(Code::AutodiscoverRedirectPrompt, Severity::Info)
                    .with("domain", domain)
                    .with("url", endpoint.url.clone())
                    .with("method", method_name(endpoint.method))
                    .with("location", endpoint.location.clone().unwrap_or_default()),
            ),
            EndpointOutcome::Autodiscover => {
                used = Some(index);
                break;
            }
            _ => {}
        }
    }
    let outcome = match used {
        None => {
            findings.push(Finding::new(Code::AutodiscoverNotFound, Severity::Error).with("domain", domain));
            DomainOutcome::NotFound
        }
        Some(_) if findings.is_empty() => DomainOutcome::Found,
        Some(_) => DomainOutcome::FoundAfterPrompt,
    };
    Ok(DomainReport {
        schema: DOMAIN_SCHEMA,
        domain: domain.to_owned(),
        checked_at: options.now,
        endpoints,
        outcome,
        used,
        findings,
    })
}

/// One probe, judged on its own.
fn judge(probe: &Probe<'_>, options: &Options<'_>) -> Result<Endpoint, Error> {
    let mut endpoint = Endpoint {
        method: probe.method,
        url: probe.url.clone(),
        outcome: EndpointOutcome::NoAnswer,
        reached: false,
        status: None,
        autodiscover: false,
        location: None,
        error: None,
        report: None,
        alert: Vec::new(),
    };
    match &probe.answer {
        Answer::NoAnswer { error, detail } => {
            endpoint.error = Some(ProbeError {
                code: error.clone(),
                detail: detail.clone(),
            });
        }
        Answer::Https {
            status,
            autodiscover_body,
            chain,
        } => {
            let host = url_host(&probe.url);
            let options = Options {
                principal: None,
                host,
                ..*options
            };
            let report = analyze(chain, &options).map_err(|e| e.in_input(probe.url.clone()))?;
            // Autodiscover is plain HTTPS: what Windows' TLS check refuses, no `msstd:` name.
            // Not judged (no Microsoft store loaded), nothing is said.
            let judged = report
                .verdict_for(Client::WindowsOutlook)
                .is_some_and(|v| v.outcome != Connects::Pending);
            let blocks = windows_blocks(&report.findings);
            endpoint.alert = (0..report.findings.len())
                .filter(|&i| judged && blocks(&report.findings[i]) && !is_name_check(report.findings[i].code))
                .collect();
            endpoint.status = *status;
            endpoint.report = Some(report);
            // Exchange answers an unauthenticated request with 401, or with an Autodiscover
            // error document.
            let answers = *status == Some(401) || *autodiscover_body;
            endpoint.autodiscover = answers;
            endpoint.outcome = match (endpoint.alert.is_empty(), answers) {
                (false, _) => EndpointOutcome::Alert,
                (true, true) => EndpointOutcome::Autodiscover,
                (true, false) => EndpointOutcome::NotAutodiscover,
            };
        }
        Answer::Redirect { location } => {
            endpoint.location = Some(location.clone());
            endpoint.outcome = EndpointOutcome::Redirect;
        }
        Answer::NotRedirected { status } => {
            endpoint.status = Some(*status);
            endpoint.outcome = EndpointOutcome::NotRedirected;
        }
        Answer::Record { target, port } => {
            endpoint.location = Some(srv_url(target, *port));
            endpoint.outcome = EndpointOutcome::Redirect;
        }
        Answer::NoRecord => endpoint.outcome = EndpointOutcome::NoRecord,
    }
    Ok(endpoint)
}

/// Whether `code` belongs to the `msstd:` comparison, which Autodiscover does not make.
fn is_name_check(code: Code) -> bool {
    code.as_str().starts_with("MSSTD_")
}

/// The method's name as JSON spells it, for finding parameters.
pub fn method_name(method: Method) -> &'static str {
    match method {
        Method::RootDomain => "root-domain",
        Method::AutodiscoverDomain => "autodiscover-domain",
        Method::HttpRedirect => "http-redirect",
        Method::Srv => "srv",
    }
}
