//! The JavaScript face of msstd-check, shared by the page's two WebAssembly modules: the main
//! one, and the one with PKCS#12, Exchange's settings and certificate requests that the page
//! loads (in a worker) only when the main one refuses an input as `unsupported`.
//! Each module expands [`export_bindings!`] once, so both export the same functions.
//!
//! Nothing here decides anything: requests become
//! [`msstd_check::completion::analyze_local_needs`] calls, reports come
//! back as plain objects in the shape of `docs/report-schema.json`, each finding worded in the
//! requested language by the engine's catalogue. (Handing reports over as JSON text instead was
//! measured: 23 % slower and 11 KB larger, see docs/performance.md.)
//!
//! Signatures are verified by the browser's WebCrypto, not by code in the module (that would
//! add RSA and elliptic-curve arithmetic to every page load). WebCrypto is asynchronous, so an
//! analysis answers with the signature checks still `pending`, described for
//! `crypto.subtle.verify`; the page verifies them (`www/signatures.js`) and asks again with the
//! outcomes in `signatures`, until nothing is pending (see [`msstd_check::signature::Answers`]).

use msstd_check::completion::{analyze_local_needs, Analysis, Need};
use msstd_check::render::{self, Language, Style};
use msstd_check::signature::{Answers, PendingCheck, Scheme};
use msstd_check::{principal, AnchorSource, Error, Input, Options, TrustStore, UnixTime, Verification};
use serde::Serialize;
use wasm_bindgen::JsValue;

mod request;

use request::{Answer, Refusal, Request};

#[doc(hidden)]
#[cfg(target_family = "wasm")]
pub use talc as __talc;
#[doc(hidden)]
pub use wasm_bindgen as __wasm_bindgen;

/// A signature for the page to verify with `crypto.subtle`: import `spki` with `algorithm`,
/// verify `signature` over `data`.
#[derive(Serialize)]
struct Pending<'a> {
    id: String,
    algorithm: WebCryptoAlgorithm,
    #[serde(with = "serde_bytes")]
    spki: &'a [u8],
    #[serde(with = "serde_bytes")]
    signature: Vec<u8>,
    #[serde(with = "serde_bytes")]
    data: &'a [u8],
}

/// WebCrypto's algorithm parameters for a scheme: RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA, Ed25519,
/// ML-DSA.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebCryptoAlgorithm {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    named_curve: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    salt_length: Option<usize>,
}

impl<'a> Pending<'a> {
    fn of(check: &'a PendingCheck) -> Self {
        let (name, hash, named_curve, salt_length) = match check.scheme {
            Scheme::RsaPkcs1v15 { hash } => ("RSASSA-PKCS1-v1_5", Some(hash), None, None),
            Scheme::RsaPss { hash, salt_len } => ("RSA-PSS", Some(hash), None, Some(salt_len)),
            Scheme::Ecdsa { curve, hash } => ("ECDSA", Some(hash), Some(curve.name()), None),
            Scheme::Ed25519 => ("Ed25519", None, None, None),
            // WebCrypto's name for it; a browser without ML-DSA says NotSupportedError, which
            // the page records as `unsupported`.
            Scheme::MlDsa(set) => (set.name(), None, None, None),
        };
        Self {
            id: check.id.to_string(),
            algorithm: WebCryptoAlgorithm {
                name,
                hash: hash.map(|h| h.name()),
                named_curve,
                salt_length,
            },
            spki: &check.issuer_spki,
            signature: check.check().ecdsa_p1363().unwrap_or_else(|| check.signature.clone()),
            data: &check.signed,
        }
    }
}

fn answers(given: &[Answer]) -> Answers {
    let mut answers = Answers::new();
    for answer in given {
        let outcome = match answer.outcome.as_str() {
            "valid" => Verification::Valid,
            "invalid" => Verification::Invalid,
            _ => Verification::Unsupported,
        };
        if let Ok(id) = answer.id.parse() {
            answers.insert(id, outcome);
        }
    }
    answers
}

/// The page's clock (milliseconds, a JavaScript number) in whole seconds.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a float-to-integer `as` saturates and maps NaN to 0: what a broken clock should give"
)]
fn seconds(ms: f64) -> i64 {
    (ms / 1000.0).floor() as i64
}

/// What the page gets back.
#[derive(Serialize)]
struct Response<'a, R: Serialize> {
    report: R,
    headline: String,
    /// "Will Outlook Anywhere connect?" answered, and each of `report.clients` worded.
    answer: String,
    clients: Vec<ClientWords>,
    /// `report.chain.status` and the principal name's outcome per Windows family, worded.
    chain_status: String,
    modern_windows: Option<String>,
    legacy_windows: Option<String>,
    text: Option<String>,
    pending: Vec<Pending<'a>>,
    /// The root files (`roots/<file>.txt`) the stores need before they judge this chain.
    roots: Vec<String>,
}

/// A family of clients and whether it connects, in the page's language.
#[derive(Serialize)]
struct ClientWords {
    name: String,
    outcome: String,
}

/// An error as the page receives it.
#[derive(Serialize)]
struct JsError<'a> {
    code: &'a str,
    message: String,
    /// This module lacks what reads the input ([`Error::is_unsupported`]); the page's second
    /// module reads it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unsupported: bool,
}

/// Plain objects for maps, `null` for missing values, byte strings as `Uint8Array` (what
/// `crypto.subtle` takes; the report itself has none).
fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false)
}

fn error(code: &str, message: String) -> JsValue {
    refusal(JsError {
        code,
        message,
        unsupported: false,
    })
}

/// An input error, worded in `language`.
fn input_error(e: &Error, language: Language) -> JsValue {
    refusal(JsError {
        code: e.code(),
        message: render::error_in(e, language),
        unsupported: e.is_unsupported(),
    })
}

fn refusal(error: JsError<'_>) -> JsValue {
    error
        .serialize(&serializer())
        .unwrap_or_else(|_| JsValue::from_str(error.code))
}

/// The root stores, Mozilla's and Microsoft's: from the index ([`load_root_index`]) with the
/// files a chain needed ([`load_root_file`]), or whole ([`load_trust`], the page's fallback
/// offline). The module is single-threaded: a thread-local cell holds them.
#[derive(Default)]
struct Stores {
    mozilla: Option<TrustStore>,
    microsoft: Option<TrustStore>,
    /// Whether each was loaded whole: an index then changes nothing.
    whole: (bool, bool),
}

thread_local! {
    static STORES: std::cell::RefCell<Stores> = std::cell::RefCell::new(Stores::default());
}

fn text_argument(text: &JsValue, what: &str) -> Result<String, JsValue> {
    text.as_string()
        .ok_or_else(|| error("BAD_REQUEST", format!("the {what} must be text")))
}

/// Loads a whole root store from the text of its trust-data file: `kind` is `mozilla`
/// (`mozilla-roots.txt`) or `microsoft` (`microsoft-roots.txt`). The page loads these only
/// when a root file it needs cannot be fetched (offline, from the service worker's cache).
/// Returns the number of roots read; a store loaded whole stays as it is.
///
/// # Errors
/// `{ code, message }`: `TRUST_DATA_MALFORMED` naming the line, or `BAD_REQUEST` for an unknown
/// kind or an argument that is not a string.
pub fn load_trust(kind: &JsValue, text: &JsValue) -> Result<usize, JsValue> {
    let source = match kind.as_string().as_deref() {
        Some("mozilla") => AnchorSource::Mozilla,
        Some("microsoft") => AnchorSource::Microsoft,
        _ => {
            return Err(error(
                "BAD_REQUEST",
                "the store is \"mozilla\" or \"microsoft\"".to_owned(),
            ))
        }
    };
    let text = text_argument(text, "trust data")?;
    let store = TrustStore::from_data(&text, source).map_err(|e| error(e.code(), e.to_string()))?;
    Ok(STORES.with_borrow_mut(|stores| {
        let (slot, whole) = match source {
            AnchorSource::Microsoft => (&mut stores.microsoft, &mut stores.whole.1),
            _ => (&mut stores.mozilla, &mut stores.whole.0),
        };
        if !*whole {
            *slot = Some(store);
            *whole = true;
        }
        slot.as_ref().map_or(0, TrustStore::len)
    }))
}

/// Loads the index of both root programs (`roots/index.txt`): from then on the analysis says
/// which files a chain's roots are in (the response's `roots`), and judges once they are
/// loaded ([`load_root_file`]). A store loaded whole keeps its roots.
///
/// # Errors
/// `{ code, message }`: `TRUST_DATA_MALFORMED` naming the line, or `BAD_REQUEST`.
pub fn load_root_index(text: &JsValue) -> Result<(), JsValue> {
    let text = text_argument(text, "root index")?;
    let read = |source| TrustStore::from_index(&text, source).map_err(|e| error(e.code(), e.to_string()));
    let (mozilla, microsoft) = (read(AnchorSource::Mozilla)?, read(AnchorSource::Microsoft)?);
    STORES.with_borrow_mut(|stores| {
        if !stores.whole.0 {
            stores.mozilla = Some(mozilla);
        }
        if !stores.whole.1 {
            stores.microsoft = Some(microsoft);
        }
    });
    Ok(())
}

/// Loads a root file the analysis asked for (`roots/<file>.txt`) into both stores. Returns the
/// number of roots added.
///
/// # Errors
/// `{ code, message }`: `TRUST_DATA_MALFORMED` when the content is not the file's, or
/// `BAD_REQUEST`.
pub fn load_root_file(file: &JsValue, text: &JsValue) -> Result<usize, JsValue> {
    let file = text_argument(file, "root file's name")?;
    let text = text_argument(text, "root file")?;
    STORES.with_borrow_mut(|stores| {
        let mut added = 0;
        for store in [&mut stores.mozilla, &mut stores.microsoft].into_iter().flatten() {
            added += store
                .load_file(&file, &text)
                .map_err(|e| error(e.code(), e.to_string()))?;
        }
        Ok(added)
    })
}

/// Loads a language's catalogue (`messages-TAG.json`'s `catalogue`, from
/// `msstd_check::render::catalogue_text`): the page's modules build in English only, and word
/// findings in another language once it is loaded (in English until then).
///
/// # Errors
/// `BAD_REQUEST` when the tag names no language of this build or the text is not its
/// catalogue (another version's file, or one cut short).
pub fn load_language(tag: &JsValue, text: &JsValue) -> Result<(), JsValue> {
    let tag = text_argument(tag, "language tag")?;
    let language = Language::ALL
        .iter()
        .copied()
        .find(|l| l.tag() == tag)
        .ok_or_else(|| error("BAD_REQUEST", format!("no language {tag:?} in this build")))?;
    let text = text_argument(text, "catalogue")?;
    render::load_language(language, &text).map_err(|reason| error("BAD_REQUEST", reason.to_owned()))
}

fn language(tag: Option<&str>) -> Language {
    tag.map(Language::from_tag).unwrap_or_default()
}

/// Runs the analysis. The response is
/// `{ report, headline, answer, clients, text, pending, roots }`:
/// the report as in `docs/report-schema.json`, each finding with `message` and `fix` in the
/// requested language; `answer` and `clients` word `report.summary.outcome` and
/// `report.clients`;
/// `text` only when `withText` was set; `pending`, the signature checks still to verify (while
/// it is not empty the report counts them as not verified); `roots`, the root files to load
/// ([`load_root_file`]) before the stores judge the chain (until then its verdicts are pending).
///
/// # Errors
/// `{ code, message }`: the engine's input error codes (`INPUT_PASSWORD_REQUIRED`, …), or
/// `BAD_REQUEST` when the request does not have the expected shape; with `unsupported: true`
/// when this module was built without what reads the input and the second module reads it.
pub fn analyze_request(request: JsValue) -> Result<JsValue, JsValue> {
    let request = Request::read(&request).map_err(|refusal| match refusal {
        Refusal::Shape(reason) => error("BAD_REQUEST", reason),
        Refusal::Input(e) => {
            let tag = js_sys::Reflect::get(&request, &"language".into())
                .ok()
                .and_then(|l| l.as_string());
            input_error(&e, language(tag.as_deref()))
        }
    })?;
    let language = language(request.language.as_deref());
    let inputs: Vec<Input<'_>> = request
        .inputs
        .iter()
        .map(|input| Input {
            name: &input.name,
            bytes: &input.bytes,
            password: input.password.as_deref(),
            trusted: input.trusted,
            fetched_from: input.fetched_from.as_deref(),
        })
        .collect();
    let answers = answers(&request.signatures);
    let analysis = STORES.with_borrow(|stores| {
        let options = Options {
            principal: request.principal.as_deref(),
            host: request.host.as_deref(),
            now: UnixTime(seconds(request.now_ms)),
            trust: stores.mozilla.as_ref(),
            windows_trust: stores.microsoft.as_ref(),
            verifier: &answers,
            revocation: &request.revocation,
        };
        analyze_local_needs(&inputs, &options)
    });
    let Analysis { report, needs } = analysis.map_err(|e: Error| input_error(&e, language))?;
    let mut pending = Vec::new();
    let mut roots = Vec::new();
    for need in needs {
        match need {
            Need::Signature(check) => pending.push(*check),
            Need::RootFile { file } => roots.push(file),
            Need::Issuer { .. } | Need::Revocation(_) => {}
        }
    }
    let response = Response {
        report: render::worded(&report, language),
        headline: render::headline_in(&report, language),
        answer: render::answer_in(&report, language),
        clients: report
            .clients
            .iter()
            .map(|v| ClientWords {
                name: render::client_in(v.client, language),
                outcome: render::connects_in(v, &report, language),
            })
            .collect(),
        chain_status: render::chain_status_in(report.chain.status, language),
        modern_windows: report
            .msstd
            .as_ref()
            .map(|m| render::msstd_outcome_in(m.modern_windows, language)),
        legacy_windows: report
            .msstd
            .as_ref()
            .map(|m| render::msstd_outcome_in(m.legacy_windows, language)),
        text: request
            .with_text
            .then(|| render::text_in(&report, Style::Plain, language)),
        pending: pending.iter().map(Pending::of).collect(),
        roots,
    };
    response
        .serialize(&serializer())
        .map_err(|e| error("INTERNAL", e.to_string()))
}

/// What a principal paste was understood as: `{ principal, summary }`, or `null` for blank text
/// and for anything but a string of at most 8 Mi characters (the analysis then says what is
/// wrong with it). A language tag that is not a short string means English.
pub fn parse_principal(text: &JsValue, language_tag: &JsValue) -> JsValue {
    #[derive(Serialize)]
    struct Understood<'a> {
        principal: &'a principal::Principal,
        summary: String,
    }
    let Some(parsed) = request::text(text, request::MAX_PASTE).and_then(|text| principal::parse(&text)) else {
        return JsValue::NULL;
    };
    let summary = render::principal_in(
        &parsed,
        language(request::text(language_tag, request::MAX_TOKEN).as_deref()),
    );
    Understood {
        principal: &parsed,
        summary,
    }
    .serialize(&serializer())
    .unwrap_or(JsValue::NULL)
}

/// Whether `issuer` signed `child` (DER each, as `Uint8Array`): `{ outcome }` when the engine
/// settles it without cryptography (`invalid`, `unsupported`), `{ pending }` (one check, as in
/// [`analyze_request`]'s response) for WebCrypto to verify, or `{ error }` with the input error
/// code when either is not a certificate (`BAD_REQUEST` when not a `Uint8Array`).
pub fn signature_check(child: &JsValue, issuer: &JsValue) -> JsValue {
    #[derive(Serialize)]
    struct Link<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        outcome: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pending: Option<Pending<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<&'static str>,
    }
    let answers = Answers::new();
    let settled = match (request::bytes(child), request::bytes(issuer)) {
        (Ok(child), Ok(issuer)) => msstd_check::verify_link(&child, &issuer, &answers).map_err(|e| e.code()),
        (Err(code), _) | (_, Err(code)) => Err(code),
    };
    let pending = answers.take_pending();
    let link = match (&settled, pending.first()) {
        (Err(code), _) => Link {
            outcome: None,
            pending: None,
            error: Some(*code),
        },
        (Ok(_), Some(check)) => Link {
            outcome: None,
            pending: Some(Pending::of(check)),
            error: None,
        },
        (Ok(outcome), None) => Link {
            outcome: Some(match outcome {
                Verification::Valid => "valid",
                Verification::Invalid => "invalid",
                Verification::Unsupported => "unsupported",
            }),
            pending: None,
            error: None,
        },
    };
    link.serialize(&serializer()).unwrap_or(JsValue::NULL)
}

/// Expands to the `#[wasm_bindgen]` exports of a module: `analyze(request)`,
/// `parsePrincipal(text, language)`, `signatureCheck(child, issuer)`, `loadTrust(kind, text)`,
/// `loadRootIndex(text)`, `loadRootFile(file, text)`, `loadLanguage(tag, text)`,
/// `version()`, `commit()`, `pkcs12Supported()`; and the module's allocator.
#[macro_export]
macro_rules! export_bindings {
    () => {
        use $crate::__wasm_bindgen::prelude::wasm_bindgen;

        /// Talc instead of Rust's dlmalloc: 3.2 KB gzip smaller (docs/performance.md). Defined
        /// here, in the module's crate, so that it builds at the module's opt-level `z`, not at
        /// this crate's 3. Both modules are single-threaded (no `atomics`).
        #[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
        #[global_allocator]
        static ALLOCATOR: $crate::__talc::wasm::WasmDynamicTalc = $crate::__talc::wasm::new_wasm_dynamic_allocator();

        /// Runs the analysis; see `msstd_check_js::analyze_request`.
        #[wasm_bindgen]
        pub fn analyze(
            request: $crate::__wasm_bindgen::JsValue,
        ) -> Result<$crate::__wasm_bindgen::JsValue, $crate::__wasm_bindgen::JsValue> {
            $crate::analyze_request(request)
        }

        /// What a principal paste was understood as.
        #[wasm_bindgen(js_name = parsePrincipal)]
        pub fn parse_principal(
            text: &$crate::__wasm_bindgen::JsValue,
            language: &$crate::__wasm_bindgen::JsValue,
        ) -> $crate::__wasm_bindgen::JsValue {
            $crate::parse_principal(text, language)
        }

        /// What it takes to check that `issuer` signed `child`; see
        /// `msstd_check_js::signature_check`.
        #[wasm_bindgen(js_name = signatureCheck)]
        pub fn signature_check(
            child: &$crate::__wasm_bindgen::JsValue,
            issuer: &$crate::__wasm_bindgen::JsValue,
        ) -> $crate::__wasm_bindgen::JsValue {
            $crate::signature_check(child, issuer)
        }

        /// Loads a root store; see `msstd_check_js::load_trust`.
        #[wasm_bindgen(js_name = loadTrust)]
        pub fn load_trust(
            kind: &$crate::__wasm_bindgen::JsValue,
            text: &$crate::__wasm_bindgen::JsValue,
        ) -> Result<usize, $crate::__wasm_bindgen::JsValue> {
            $crate::load_trust(kind, text)
        }

        /// Loads the index of both root programs; see `msstd_check_js::load_root_index`.
        #[wasm_bindgen(js_name = loadRootIndex)]
        pub fn load_root_index(text: &$crate::__wasm_bindgen::JsValue) -> Result<(), $crate::__wasm_bindgen::JsValue> {
            $crate::load_root_index(text)
        }

        /// Loads a language's catalogue; see `msstd_check_js::load_language`.
        #[wasm_bindgen(js_name = loadLanguage)]
        pub fn load_language(
            tag: &$crate::__wasm_bindgen::JsValue,
            text: &$crate::__wasm_bindgen::JsValue,
        ) -> Result<(), $crate::__wasm_bindgen::JsValue> {
            $crate::load_language(tag, text)
        }

        /// Loads a root file the analysis asked for; see `msstd_check_js::load_root_file`.
        #[wasm_bindgen(js_name = loadRootFile)]
        pub fn load_root_file(
            file: &$crate::__wasm_bindgen::JsValue,
            text: &$crate::__wasm_bindgen::JsValue,
        ) -> Result<usize, $crate::__wasm_bindgen::JsValue> {
            $crate::load_root_file(file, text)
        }

        /// Most rounds of analysis and signature checks the page runs for one request
        /// (`msstd_check::limits::MAX_COMPLETION_ROUNDS`): the engine's cap, not the page's.
        #[wasm_bindgen(js_name = maxRounds)]
        pub fn max_rounds() -> usize {
            $crate::max_rounds()
        }

        /// The engine's version.
        #[wasm_bindgen]
        pub fn version() -> String {
            $crate::version().to_owned()
        }

        /// The commit the engine was built from (12 hexadecimal digits, or `unknown`).
        #[wasm_bindgen]
        pub fn commit() -> String {
            $crate::commit().to_owned()
        }

        /// Whether this module opens `.pfx` files.
        #[wasm_bindgen(js_name = pkcs12Supported)]
        pub fn pkcs12_supported() -> bool {
            $crate::pkcs12_supported()
        }
    };
}

/// Most rounds of analysis the page runs for one request, answering the pending signatures
/// between them ([`msstd_check::limits::MAX_COMPLETION_ROUNDS`]).
pub fn max_rounds() -> usize {
    msstd_check::limits::MAX_COMPLETION_ROUNDS
}

/// The engine's version ([`msstd_check::version::VERSION`]), shown in the page footer.
pub fn version() -> &'static str {
    msstd_check::version::VERSION
}

/// The commit the engine was built from ([`msstd_check::version::COMMIT`]), shown in the page
/// footer.
pub fn commit() -> &'static str {
    msstd_check::version::COMMIT
}

/// Whether this build opens `.pfx` files.
pub fn pkcs12_supported() -> bool {
    cfg!(feature = "pkcs12")
}
