//! # msstd-check
//!
//! Checks whether a certificate satisfies an Outlook Anywhere `msstd:` principal name (Exchange's
//! `CertPrincipalName`), on which Windows clients, what else is wrong with the certificate and its
//! chain, and exactly what to type to fix it. Everything runs locally: no byte of a certificate leaves
//! the process.
//!
//! This crate is the engine. The web page (WebAssembly), the `msstd-relay` command line and its
//! live-host relay are thin layers over [`analyze`], so every face says the same thing.
//!
//! ## Use
//!
//! ```
//! use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};
//!
//! # fn main() -> Result<(), msstd_check::Error> {
//! # let pem = include_bytes!("../tests/data/selfsigned-exchange.pem");
//! let (trust, windows) = (TrustStore::mozilla(), TrustStore::microsoft());
//! let now = UnixTime::parse_rfc3339("2026-01-01T00:00:00Z").unwrap();
//! let options = Options::new(now, &msstd_check::signature::RustCrypto)
//!     .principal(Some("Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\""))
//!     .host(Some("mail.contoso.com"))
//!     .stores(&trust, &windows);
//! let report = analyze(&[Input::new("server.pem", pem)], &options)?;
//! for finding in &report.findings {
//!     println!("{:?} {} {}", finding.severity, finding.code.as_str(), msstd_check::render::message(finding));
//! }
//! # Ok(())
//! # }
//! ```
//!
//! A face that can reach the network (the relay) lets the engine say what the report still
//! misses, a missing issuer or the revocation answers, and fetches it:
//! [`completion::complete`].
//!
//! ## Inputs
//! [`Input`] takes bytes: PEM (any number of blocks, with text around them, CRLF, BOMs, UTF-16), bare
//! base64, DER, PKCS#7 (`.p7b`) and PKCS#12 (`.pfx`, with [`Input::with_password`]). The format is
//! recognised from the content. Inputs marked [`Input::trusted`] are roots of an internal CA. Unusable
//! input gives an [`Error`] naming what was found instead; nothing panics.
//!
//! ## Findings
//! A [`Report`] holds [`Finding`]s: a stable [`Code`], a [`Severity`], the certificate they are about
//! and named parameters. Codes never change meaning or name; `docs/findings.md` lists them. [`render`]
//! words them in English and Italian.
//!
//! ## Chains
//! The certificates given may come in any order, with extras, with a cross-signed copy of an
//! intermediate or without one. The engine builds every path from the leaf the way rustls-webpki and Go
//! do (depth first, backtracking from dead ends, stopping at the first trust anchor, within the caps of
//! [`limits`]), validates each as a strict client would (RFC 5280 section 6 and the CA/Browser Forum
//! profile: CA flags, path lengths, key usage, intermediate EKU, name constraints, critical extensions,
//! dates and keys of every certificate), keeps the best in [`Report::chain`] and names the others in
//! `CHAIN_ALTERNATIVE` findings with the reason they were passed over.
//! [`Report::strict_client_accepts`] answers "would a strict TLS client accept this chain for this
//! host?"; `docs/conformance.md` compares that answer with x509-limbo, OpenSSL and pyca/cryptography.
//!
//! ## Signatures
//! [`Options::verifier`] checks certificate signatures. The engine settles whatever needs no
//! cryptography (an unknown algorithm, a key that does not fit it, a malformed signature) and asks the
//! verifier only whether a key verifies a signature. [`signature::RustCrypto`] (the `rustcrypto`
//! feature, on by default) answers at once; a platform whose crypto is asynchronous, like a browser's
//! WebCrypto, uses [`signature::Answers`]: analyse, verify what is pending, analyse again with the
//! outcomes. A check without an answer is reported as not verified, never as valid.
//!
//! ## Live checks, judged here
//! The engine never touches the network; the relay does, and hands over what it saw.
//! [`domain::analyze_domain`] judges the places Outlook looks for Autodiscover (what each does to
//! Outlook: silence, a certificate security alert, a redirect question) from [`domain::Probe`]s.
//! [`revocation`] builds OCSP requests and verifies OCSP responses and CRLs against the issuer; its
//! [`revocation::Evidence`] goes back in through [`Options::revocation`]. [`completion`] asks for both.
//!
//! ## Time
//! [`Options::now`] decides validity: the engine never reads the clock (results reproduce; it traps in a browser).

mod analysis;
mod asn1;
mod base64;
mod certificate;
mod clients;
pub mod completion;
pub mod domain;
pub mod error;
pub mod exchange;
mod finding;
mod hex;
mod host;
pub mod input;
pub mod limits;
pub mod msstd;
mod names;
mod path;
pub mod principal;
mod public_key;
pub mod render;
mod report;
pub mod revocation;
pub mod signature;
mod trust;
mod unix_time;
pub mod version;
mod x509;

/// The own X.509 reader compared with x509-parser, for the `reader` fuzz target.
#[cfg(feature = "reference-reader")]
#[doc(hidden)]
pub use x509::reference::compare as compare_with_reference_reader;

pub use analysis::{analyze, verify_link, Options};
pub use certificate::CertificateSummary;
pub use clients::{Client, ClientVerdict, Connects, Overall};
pub use error::Error;
pub use finding::{Code, Finding, Param, Severity};
pub use host::{AutodiscoverCheck, HostVerdict};
pub use input::Input;
pub use public_key::KeyDescription;
pub use report::{AnchorSummary, Chain, ChainStatus, Format, InputSummary, Report, Summary, SCHEMA};
pub use signature::{Verification, Verifier};
pub use trust::{split_by_need, AnchorSource, RootFiles, StoreVersion, TrustStore};
pub use unix_time::UnixTime;
