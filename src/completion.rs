//! What an analysis still needs to finish, and the loop that gets it.
//!
//! An analysis can end short of what a client would see: the server does not send an issuer
//! that the Windows chain engine would download from the certificate's caIssuers URL, nobody
//! has asked the OCSP responders or CRLs yet, or the verifier answers asynchronously (the
//! page's WebCrypto) and some signatures are still unknown. Only the face can reach the
//! network or wait for the platform, but which questions to ask, in which order, and when to
//! stop asking is the engine's: every face used to run a loop of its own, each one slightly
//! different. [`analyze_needs`] says what is missing as [`Need`]s; [`complete`] drives the
//! rounds synchronously for the faces that can answer in place (the relay), handing each
//! round's needs to a `fulfil` closure, which does the I/O. Nothing here touches the network.

use std::collections::HashMap;

use crate::analysis::{self, Options, Seen};
use crate::input::{self, Input};
use crate::limits::{MAX_COMPLETION_ROUNDS, MAX_ISSUER_DOWNLOADS};
use crate::report::{ChainStatus, Report};
use crate::revocation::{self, Evidence, Issuer};
use crate::signature::{CheckId, PendingCheck, SignatureCheck, Verification, Verifier};
use crate::Error;

/// What the caller wants completed beyond what every analysis does. Separate from
/// [`Options`], which every face builds by its fields, so that asking for it stays opt-in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    /// Ask about revocation ([`Need::Revocation`]): off by default, as on the page and in
    /// `check`, which reach no OCSP responder.
    pub revocation: bool,
}

/// One thing the analysis needs from outside to finish.
#[derive(Clone, Debug)]
pub enum Need {
    /// The issuer of the certificate at index `certificate` (of [`Report::certificates`]) is
    /// neither sent nor in a store: the chain is incomplete, and the certificate names it at
    /// these `http://` caIssuers URLs (in its order, those not downloaded yet).
    Issuer {
        /// The certificate whose issuer is missing.
        certificate: usize,
        /// Where the issuer can be downloaded.
        urls: Vec<String>,
    },
    /// Where to ask whether a certificate of the path is revoked, and what to verify the
    /// answer with.
    Revocation(Box<RevocationNeed>),
    /// A signature the verifier could not settle yet ([`crate::signature::Answers`]).
    Signature(Box<PendingCheck>),
    /// A file of a store's index ([`crate::TrustStore::from_index`], the page's) that holds the roots a
    /// certificate names: until it is loaded ([`crate::TrustStore::load_file`]) that store judges
    /// nothing and its verdicts are pending.
    RootFile {
        /// The file's name, `roots/<file>.txt`.
        file: String,
    },
}

/// A certificate of the path whose revocation is to be asked, with its issuer: an answer is
/// only worth what its signature is, and the issuer is what it is verified against.
#[derive(Clone, Debug)]
pub struct RevocationNeed {
    /// Its index in [`Report::certificates`].
    pub certificate: usize,
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// Its issuer: the next certificate of the path, or the store root that signed it.
    pub issuer: Issuer,
    /// Its OCSP responders and CRLs, and the OCSP request to send.
    pub request: revocation::Request,
    /// Whether it is the leaf, the certificate a stapled OCSP response is about.
    pub leaf: bool,
}

/// A report and what it still needs.
#[derive(Debug)]
pub struct Analysis {
    /// The report, as [`crate::analyze`] gives it.
    pub report: Report,
    /// What would complete it; empty when nothing would.
    pub needs: Vec<Need>,
}

/// An issuer the face downloaded for a [`Need::Issuer`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// The URL it came from ([`Input::fetched_from`]).
    pub url: String,
    /// The input name the report shows for it.
    pub name: String,
    /// The body as downloaded.
    pub bytes: Vec<u8>,
}

/// What the face got for one round's needs; what it could not get is simply left out.
#[derive(Debug, Default)]
pub struct Fulfilled {
    /// Issuers downloaded.
    pub issuers: Vec<Download>,
    /// Revocation answers, verified.
    pub revocation: Vec<Evidence>,
    /// Signature outcomes, by [`SignatureCheck::id`].
    pub signatures: Vec<(CheckId, Verification)>,
}

impl Fulfilled {
    /// Every [`Need::Signature`] of `needs` answered by `verifier`, nothing else: the face of a
    /// caller whose verifier answers synchronously but only outside the analysis.
    pub fn verified(needs: &[Need], verifier: &dyn Verifier) -> Self {
        Self {
            signatures: needs
                .iter()
                .filter_map(|need| match need {
                    Need::Signature(check) => Some((check.id, verifier.verify(&check.check()))),
                    Need::Issuer { .. } | Need::Revocation(_) | Need::RootFile { .. } => None,
                })
                .collect(),
            ..Self::default()
        }
    }
}

/// The last report of [`complete`], and what was added to get it.
#[derive(Debug)]
pub struct Completed {
    /// The report with everything that came back.
    pub report: Report,
    /// The issuers that joined the analysis (each read as certificates).
    pub downloaded: Vec<Download>,
    /// The revocation answers it judged with (the options' own first).
    pub revocation: Vec<Evidence>,
    /// The rounds `fulfil` was called for.
    pub rounds: usize,
}

/// [`crate::analyze`], and what the report still needs: the missing issuer while the chain is
/// incomplete and fewer than [`MAX_ISSUER_DOWNLOADS`] issuers were downloaded, each path
/// certificate's revocation sources when `completion` asks for them (a root on the path is
/// never asked about: clients trust it as it is), and the signatures the verifier left pending
/// ([`Verifier::pending_checks`], taken).
///
/// # Errors
/// As [`crate::analyze`].
pub fn analyze_needs(inputs: &[Input<'_>], options: &Options<'_>, completion: Completion) -> Result<Analysis, Error> {
    let mut seen = Seen::default();
    let report = analysis::run(inputs, options, Some(&mut seen))?;
    let mut needs = root_file_needs(seen.root_files);
    if let Some(need) = issuer_need(&report, inputs) {
        needs.push(need);
    }
    if completion.revocation {
        needs.extend(revocation_needs(&report, &seen.ders, options));
    }
    needs.extend(signature_needs(options));
    Ok(Analysis { report, needs })
}

/// [`analyze_needs`] for a face that reaches no network of its own (the page): only what it can
/// fulfil, the root files ([`Need::RootFile`]) and the signatures ([`Need::Signature`]). Its
/// build then carries neither the OCSP request nor the issuer search (measured: 1.2 KB of the
/// page's module, gzip).
///
/// # Errors
/// As [`crate::analyze`].
pub fn analyze_local_needs(inputs: &[Input<'_>], options: &Options<'_>) -> Result<Analysis, Error> {
    let mut seen = Seen::default();
    let report = analysis::run(inputs, options, Some(&mut seen))?;
    let mut needs = root_file_needs(seen.root_files);
    needs.extend(signature_needs(options));
    Ok(Analysis { report, needs })
}

/// The signatures the verifier left pending, taken.
fn signature_needs(options: &Options<'_>) -> impl Iterator<Item = Need> {
    options
        .verifier
        .pending_checks()
        .into_iter()
        .map(|check| Need::Signature(Box::new(check)))
}

/// The index files either store lacks for the names of the certificates analysed, as needs.
fn root_file_needs(files: Vec<String>) -> Vec<Need> {
    files.into_iter().map(|file| Need::RootFile { file }).collect()
}

/// The missing issuer's URLs, as the Windows chain engine follows them: plain `http://` (what
/// CAs publish and clients fetch), not downloaded already, within the download cap.
fn issuer_need(report: &Report, inputs: &[Input<'_>]) -> Option<Need> {
    let fetched: Vec<&str> = inputs.iter().filter_map(|i| i.fetched_from).collect();
    if report.chain.status != ChainStatus::Incomplete || fetched.len() >= MAX_ISSUER_DOWNLOADS {
        return None;
    }
    let certificate = *report.chain.path.last()?;
    let urls: Vec<String> = report
        .certificates
        .get(certificate)?
        .ca_issuers
        .iter()
        .filter(|url| is_plain_http(url) && !fetched.contains(&url.as_str()))
        .cloned()
        .collect();
    (!urls.is_empty()).then_some(Need::Issuer { certificate, urls })
}

/// Whether `url` is a plain `http://` address, the only kind caIssuers, OCSP and CRL fetches
/// follow (an `https://` one would need the chain being checked, or one like it).
pub fn is_plain_http(url: &str) -> bool {
    url.get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"))
}

/// Each certificate of the path, but a root it ends with, whose issuer is at hand (`ders`: the
/// report's certificates, DER).
fn revocation_needs(report: &Report, ders: &[Vec<u8>], options: &Options<'_>) -> Vec<Need> {
    let path = &report.chain.path;
    let ends_at_root = report.chain.anchor.as_ref().is_some_and(|a| a.certificate.is_some());
    let checked = if ends_at_root {
        path.len().saturating_sub(1)
    } else {
        path.len()
    };
    let mut needs = Vec::new();
    for (position, &index) in path.iter().enumerate().take(checked) {
        let Some(der) = ders.get(index) else {
            continue;
        };
        let issuer = match path.get(position + 1).and_then(|&i| ders.get(i)) {
            Some(issuer) => Issuer::from_certificate(issuer).ok(),
            None => [options.windows_trust, options.trust]
                .into_iter()
                .flatten()
                .find_map(|store| Issuer::from_store(der, store, options.verifier)),
        };
        let Some(issuer) = issuer else {
            continue;
        };
        let Ok(request) = revocation::request(der, &issuer) else {
            continue;
        };
        needs.push(Need::Revocation(Box::new(RevocationNeed {
            certificate: index,
            der: der.clone(),
            issuer,
            request,
            leaf: index == report.leaf,
        })));
    }
    needs
}

/// The caller's verifier, with the answers that came back through [`Fulfilled::signatures`]
/// in front of it.
struct Answered<'a> {
    known: &'a HashMap<CheckId, Verification>,
    inner: &'a dyn Verifier,
}

impl Verifier for Answered<'_> {
    fn verify(&self, check: &SignatureCheck<'_>) -> Verification {
        match self.known.get(&check.id()) {
            Some(outcome) => *outcome,
            None => self.inner.verify(check),
        }
    }

    fn pending_checks(&self) -> Vec<PendingCheck> {
        self.inner.pending_checks()
    }
}

/// Analyses `inputs` and, while the report needs something ([`analyze_needs`]), hands the
/// needs to `fulfil` and analyses again with what came back: downloaded issuers join as inputs
/// marked [`Input::fetched_from`] (after the inputs sent, before those supplied as trusted, so
/// that the certificates keep the order a face always showed), revocation answers join
/// [`Options::revocation`], signature outcomes stand in front of the verifier.
///
/// The issuers come first: revocation is only asked once no issuer is wanted, since an answer
/// is verified against the issuer a download may bring. Each need is handed over once: a URL
/// that gave nothing (unreachable, or not certificates) is not tried again, a certificate's
/// revocation or a signature is not asked twice. It stops when nothing is needed that was not
/// asked already, or after [`MAX_COMPLETION_ROUNDS`] rounds, with the report made with
/// everything that came back; a round that brings nothing new analyses nothing again.
///
/// # Errors
/// As [`crate::analyze`], for the inputs and anything downloaded that joined them.
pub fn complete(
    inputs: &[Input<'_>],
    options: &Options<'_>,
    completion: Completion,
    mut fulfil: impl FnMut(&[Need]) -> Fulfilled,
) -> Result<Completed, Error> {
    let mut downloaded: Vec<Download> = Vec::new();
    let mut evidence: Vec<Evidence> = options.revocation.to_vec();
    let mut known: HashMap<CheckId, Verification> = HashMap::new();
    let mut asked = Asked::default();
    let mut rounds = 0;
    let mut fresh = true;
    let mut last: Option<Analysis> = None;
    loop {
        let analysis = match last.take() {
            Some(analysis) if !fresh => analysis,
            _ => {
                let verifier = Answered {
                    known: &known,
                    inner: options.verifier,
                };
                let options = Options {
                    verifier: &verifier,
                    revocation: &evidence,
                    ..*options
                };
                analyze_needs(&with_downloads(inputs, &downloaded), &options, completion)?
            }
        };
        let needs = asked.select(&analysis.needs);
        if needs.is_empty() || rounds >= MAX_COMPLETION_ROUNDS {
            return Ok(Completed {
                report: analysis.report,
                downloaded,
                revocation: evidence,
                rounds,
            });
        }
        rounds += 1;
        asked.record(&needs);
        let got = fulfil(&needs);
        fresh = false;
        for download in got.issuers {
            let wanted = needs
                .iter()
                .any(|n| matches!(n, Need::Issuer { urls, .. } if urls.contains(&download.url)));
            let new = wanted && !downloaded.iter().any(|d| d.url == download.url);
            // Only what reads as certificates joins the analysis.
            if new && input::decode(&Input::new(&download.name, &download.bytes)).is_ok() {
                asked.downloaded(&download.url);
                downloaded.push(download);
                fresh = true;
            }
        }
        fresh |= !got.revocation.is_empty();
        evidence.extend(got.revocation);
        for (id, outcome) in got.signatures {
            fresh |= known.insert(id, outcome).is_none();
        }
        last = Some(analysis);
    }
}

/// `inputs` with the `downloaded` issuers before the first input supplied as trusted.
fn with_downloads<'a>(inputs: &[Input<'a>], downloaded: &'a [Download]) -> Vec<Input<'a>> {
    let at = inputs.iter().position(|i| i.trusted).unwrap_or(inputs.len());
    let fetched = downloaded
        .iter()
        .map(|d| Input::new(&d.name, &d.bytes).fetched_from(&d.url));
    inputs
        .iter()
        .take(at)
        .copied()
        .chain(fetched)
        .chain(inputs.iter().skip(at).copied())
        .collect()
}

/// What [`complete`] handed over already.
#[derive(Default)]
struct Asked {
    /// Issuer URLs handed over that gave nothing, or gave their issuer.
    urls: Vec<String>,
    /// The certificates (SHA-256 fingerprint) whose revocation was asked.
    revocation: Vec<String>,
    signatures: Vec<CheckId>,
    /// The issuer needs of the round in progress, until its downloads are known.
    open: Vec<Vec<String>>,
}

impl Asked {
    /// The needs not handed over yet; revocation only when no issuer is wanted.
    fn select(&mut self, needs: &[Need]) -> Vec<Need> {
        // The URLs of a round whose need brought no issuer are tried no more: a failed
        // download ends the search, as it always did.
        for urls in std::mem::take(&mut self.open) {
            if !urls.iter().any(|u| self.urls.contains(u)) {
                self.urls.extend(urls);
            }
        }
        let mut selected: Vec<Need> = Vec::new();
        for need in needs {
            match need {
                Need::Issuer { certificate, urls } => {
                    let urls: Vec<String> = urls.iter().filter(|u| !self.urls.contains(u)).cloned().collect();
                    if !urls.is_empty() {
                        selected.push(Need::Issuer {
                            certificate: *certificate,
                            urls,
                        });
                    }
                }
                Need::Signature(check) if !self.signatures.contains(&check.id) => selected.push(need.clone()),
                // The stores `complete` borrows cannot take files: a face with an index store
                // (the page) loads them between its own calls of `analyze_needs`.
                Need::Revocation(_) | Need::Signature(_) | Need::RootFile { .. } => {}
            }
        }
        if !selected.iter().any(|n| matches!(n, Need::Issuer { .. })) {
            selected.extend(needs.iter().filter(|need| {
                matches!(need, Need::Revocation(r) if !self.revocation.contains(&revocation::fingerprint(&r.der)))
            }).cloned());
        }
        selected
    }

    /// Marks `needs` as handed over.
    fn record(&mut self, needs: &[Need]) {
        for need in needs {
            match need {
                Need::Issuer { urls, .. } => self.open.push(urls.clone()),
                Need::Revocation(r) => self.revocation.push(revocation::fingerprint(&r.der)),
                Need::Signature(check) => self.signatures.push(check.id),
                Need::RootFile { .. } => {}
            }
        }
    }

    /// An issuer came from `url`.
    fn downloaded(&mut self, url: &str) {
        self.urls.push(url.to_owned());
    }
}

// The driver's tests verify real signatures: with RustCrypto (the default build).
#[cfg(all(test, feature = "rustcrypto"))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, reason = "tests stop loudly")]

    use std::cell::Cell;

    use rcgen::{CertificateParams, Issuer as Signer, KeyPair};

    use super::*;
    use crate::finding::Code;
    use crate::revocation::Source;
    use crate::signature::{Answers, RustCrypto};
    use crate::TrustStore;

    const AIA: &str = "http://pki.contoso.test/issuing.crt";

    fn params(name: &str, ca: bool) -> CertificateParams {
        crate::path::tests::params(name, ca, 2025, 2028)
    }

    /// AuthorityInfoAccess with one caIssuers URI (shorter than 100 bytes).
    fn aia(url: &str) -> rcgen::CustomExtension {
        let mut description = vec![0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02, 0x86];
        description.push(u8::try_from(url.len()).unwrap());
        description.extend_from_slice(url.as_bytes());
        let length = |len: usize| u8::try_from(len).unwrap();
        let mut content = vec![0x30, length(description.len() + 2), 0x30, length(description.len())];
        content.extend(description);
        rcgen::CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], content)
    }

    /// Root, intermediate, and a leaf naming the intermediate at [`AIA`]: (root, intermediate,
    /// leaf), PEM.
    fn pki() -> (String, String, String) {
        let (root_key, intermediate_key, leaf_key) = (
            KeyPair::generate().unwrap(),
            KeyPair::generate().unwrap(),
            KeyPair::generate().unwrap(),
        );
        let root_params = params("Completion Root", true);
        let root = root_params.self_signed(&root_key).unwrap();
        let intermediate_params = params("Completion Issuing CA", true);
        let intermediate = intermediate_params
            .signed_by(&intermediate_key, &Signer::from_params(&root_params, &root_key))
            .unwrap();
        let mut leaf_params = params("mail.contoso.test", false);
        leaf_params.custom_extensions.push(aia(AIA));
        let leaf = leaf_params
            .signed_by(&leaf_key, &Signer::from_params(&intermediate_params, &intermediate_key))
            .unwrap();
        (root.pem(), intermediate.pem(), leaf.pem())
    }

    /// The leaf as served, without its issuer, and the root supplied as trusted.
    fn leaf_and_root<'a>(leaf: &'a str, root: &'a str) -> [Input<'a>; 2] {
        [
            Input::new("served", leaf.as_bytes()),
            Input::new("root.pem", root.as_bytes()).trusted(),
        ]
    }

    /// `bytes` downloaded from [`AIA`].
    fn downloaded(bytes: Vec<u8>) -> Fulfilled {
        Fulfilled {
            issuers: vec![Download {
                url: AIA.to_owned(),
                name: "downloaded".to_owned(),
                bytes,
            }],
            ..Fulfilled::default()
        }
    }

    /// Judged in 2026 with `verifier`, against no store but the roots supplied.
    fn options(verifier: &dyn Verifier) -> Options<'_> {
        static EMPTY: std::sync::OnceLock<TrustStore> = std::sync::OnceLock::new();
        let now = crate::UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
        Options::new(now, verifier).trust(EMPTY.get_or_init(TrustStore::empty))
    }

    /// [`complete`] with `answer` as the face, and the needs of every round.
    fn recorded(
        inputs: &[Input<'_>],
        options: &Options<'_>,
        completion: Completion,
        answer: impl Fn(&[Need]) -> Fulfilled,
    ) -> (Completed, Vec<Vec<Need>>) {
        let mut rounds = Vec::new();
        let completed = complete(inputs, options, completion, |needs| {
            rounds.push(needs.to_vec());
            answer(needs)
        })
        .unwrap();
        (completed, rounds)
    }

    #[test]
    fn a_missing_issuer_is_asked_for_and_joins_before_the_supplied_roots() {
        let (root, intermediate, leaf) = pki();
        let options = options(&RustCrypto);
        let inputs = leaf_and_root(&leaf, &root);
        let (completed, asked) = recorded(&inputs, &options, Completion::default(), |_| {
            downloaded(intermediate.clone().into_bytes())
        });
        assert_eq!(asked.len(), 1);
        assert!(matches!(&asked[0][..], [Need::Issuer { certificate: 0, urls }] if urls == &[AIA]));
        assert_eq!(completed.rounds, 1);
        assert_eq!(completed.downloaded.len(), 1);
        let report = completed.report;
        assert_eq!(report.chain.status, ChainStatus::Trusted);
        assert!(report.findings.iter().any(|f| f.code == Code::ChainFetchedFromAia));
        let names: Vec<&str> = report.inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["served", "downloaded", "root.pem"]);
    }

    #[test]
    fn nothing_new_ends_the_rounds_and_revocation_comes_after_the_issuers() {
        let (root, intermediate, leaf) = pki();
        let options = options(&RustCrypto);
        let inputs = leaf_and_root(&leaf, &root);
        // The download is no certificate: it does not join, and the URL is not tried again.
        let (completed, rounds) = recorded(&inputs, &options, Completion { revocation: true }, |_| {
            downloaded(b"<html>not found</html>".to_vec())
        });
        assert!(completed.downloaded.is_empty());
        assert_eq!(completed.report.chain.status, ChainStatus::Incomplete);
        assert!(matches!(&rounds[0][..], [Need::Issuer { .. }]));
        // Then the leaf's revocation, whose issuer is not at hand: nothing to ask, so no more
        // rounds than the one.
        assert_eq!(rounds.len(), 1);

        // With the chain complete, the path's certificates but the root are asked about once.
        let inputs = [
            Input::new("served", leaf.as_bytes()),
            Input::new("intermediate", intermediate.as_bytes()),
            Input::new("root.pem", root.as_bytes()).trusted(),
        ];
        let (completed, rounds) = recorded(&inputs, &options, Completion { revocation: true }, |needs| {
            let revocation = needs
                .iter()
                .filter_map(|n| match n {
                    Need::Revocation(r) => Some(revocation::failed(
                        &r.der,
                        Source::Ocsp,
                        "http://ocsp.test",
                        revocation::Failure::ConnectionFailed,
                    )),
                    _ => None,
                })
                .collect();
            Fulfilled {
                revocation,
                ..Fulfilled::default()
            }
        });
        assert_eq!(rounds.len(), 1);
        let asked: Vec<usize> = rounds[0]
            .iter()
            .filter_map(|n| match n {
                Need::Revocation(r) => Some(r.certificate),
                _ => None,
            })
            .collect();
        assert_eq!(asked, [0, 1]);
        assert_eq!(completed.revocation.len(), 2);
        assert!(completed
            .report
            .findings
            .iter()
            .any(|f| f.code == Code::RevocationCheckFailed));

        // Not asked for, revocation is no need.
        let analysis = analyze_needs(&inputs, &options, Completion::default()).unwrap();
        assert!(analysis.needs.is_empty());
    }

    #[test]
    fn the_page_s_pending_signatures_are_needs_and_their_answers_settle_the_chain() {
        let (root, intermediate, leaf) = pki();
        let answers = Answers::new();
        let options = options(&answers);
        let inputs = [
            Input::new("served", leaf.as_bytes()),
            Input::new("intermediate", intermediate.as_bytes()),
            Input::new("root.pem", root.as_bytes()).trusted(),
        ];
        let completed = complete(&inputs, &options, Completion::default(), |needs| {
            Fulfilled::verified(needs, &RustCrypto)
        })
        .unwrap();
        assert!(completed.rounds >= 1);
        let direct = crate::analyze(
            &inputs,
            &Options {
                verifier: &RustCrypto,
                ..options
            },
        )
        .unwrap();
        assert_eq!(completed.report.chain.status, ChainStatus::Trusted);
        assert_eq!(
            serde_json::to_string(&completed.report).unwrap(),
            serde_json::to_string(&direct).unwrap()
        );
    }

    /// A verifier that has a new pending check after every analysis, whatever it is told.
    struct Endless {
        answers: Answers,
        round: Cell<u8>,
    }

    impl Verifier for Endless {
        fn verify(&self, check: &SignatureCheck<'_>) -> Verification {
            RustCrypto.verify(check)
        }

        fn pending_checks(&self) -> Vec<PendingCheck> {
            let round = [self.round.get()];
            self.round.set(round[0].wrapping_add(1));
            self.answers.verify(&SignatureCheck::over(&round));
            self.answers.take_pending()
        }
    }

    #[test]
    fn the_rounds_stop_at_the_cap() {
        let (root, intermediate, leaf) = pki();
        let endless = Endless {
            answers: Answers::new(),
            round: Cell::new(0),
        };
        let options = options(&endless);
        let inputs = [
            Input::new("served", leaf.as_bytes()),
            Input::new("intermediate", intermediate.as_bytes()),
            Input::new("root.pem", root.as_bytes()).trusted(),
        ];
        let mut calls = 0;
        let completed = complete(&inputs, &options, Completion::default(), |needs| {
            calls += 1;
            Fulfilled {
                signatures: needs
                    .iter()
                    .filter_map(|n| match n {
                        Need::Signature(check) => Some((check.id, Verification::Valid)),
                        _ => None,
                    })
                    .collect(),
                ..Fulfilled::default()
            }
        })
        .unwrap();
        assert_eq!(calls, MAX_COMPLETION_ROUNDS);
        assert_eq!(completed.rounds, MAX_COMPLETION_ROUNDS);
        assert_eq!(completed.report.chain.status, ChainStatus::Trusted);
    }
}
