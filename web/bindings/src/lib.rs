//! The JavaScript face of msstd-check, shared by the page's two WebAssembly modules: the main
//! one, and the one with PKCS#12 support that the page loads (in a worker) only when a `.pfx`
//! arrives. Each module expands [`export_bindings!`] once, so both export the same functions.
//!
//! Nothing here decides anything: requests become [`msstd_check::analyze`] calls, reports come
//! back as plain objects in the shape of `docs/report-schema.json`, each finding worded in the
//! requested language by the engine's catalogue. (Handing reports over as JSON text instead was
//! measured: 23 % slower and 11 KB larger, see docs/performance.md.)

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use msstd_check::render::{self, Language, Style};
use msstd_check::{analyze, principal, Error, Input, Options, TrustStore, UnixTime, Verification};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[doc(hidden)]
pub use wasm_bindgen as __wasm_bindgen;

/// One input as the page sends it.
#[derive(Deserialize)]
struct RequestInput {
    name: String,
    bytes: serde_bytes::ByteBuf,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    trusted: bool,
}

/// What the page asks for.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Request {
    inputs: Vec<RequestInput>,
    #[serde(default)]
    principal: Option<String>,
    #[serde(default)]
    host: Option<String>,
    /// `Date.now()`: the engine never reads the clock (the standard library's clock traps in
    /// a browser).
    now_ms: f64,
    #[serde(default)]
    language: Option<String>,
    /// Whether to include the whole report as text (for "download as text"; not worth making
    /// on every keystroke).
    #[serde(default)]
    with_text: bool,
}

/// What the page gets back.
#[derive(Serialize)]
struct Response<R: Serialize> {
    report: R,
    headline: String,
    text: Option<String>,
}

/// An error as the page receives it.
#[derive(Serialize)]
struct JsError<'a> {
    code: &'a str,
    message: String,
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn error(code: &str, message: String) -> JsValue {
    JsError { code, message }
        .serialize(&serializer())
        .unwrap_or_else(|_| JsValue::from_str(code))
}

fn language(tag: Option<&str>) -> Language {
    tag.map(Language::from_tag).unwrap_or_default()
}

/// Runs the analysis. The response is `{ report, headline, text }`: the report as in
/// `docs/report-schema.json`, each finding with `message` and `fix` in the requested language;
/// `text` only when `withText` was set.
///
/// # Errors
/// `{ code, message }`: the engine's input error codes (`INPUT_PASSWORD_REQUIRED`, …), or
/// `BAD_REQUEST` when the request does not have the expected shape.
pub fn analyze_request(request: JsValue) -> Result<JsValue, JsValue> {
    let request: Request = serde_wasm_bindgen::from_value(request).map_err(|e| error("BAD_REQUEST", e.to_string()))?;
    let language = language(request.language.as_deref());
    let inputs: Vec<Input<'_>> = request
        .inputs
        .iter()
        .map(|input| Input {
            name: &input.name,
            bytes: &input.bytes,
            password: input.password.as_deref(),
            trusted: input.trusted,
        })
        .collect();
    let trust = TrustStore::mozilla();
    let options = Options {
        principal: request.principal.as_deref(),
        host: request.host.as_deref(),
        now: UnixTime((request.now_ms / 1000.0).floor() as i64),
        trust: &trust,
    };
    let report = analyze(&inputs, &options).map_err(|e: Error| error(e.code(), e.to_string()))?;
    let response = Response {
        report: render::worded(&report, language),
        headline: render::headline_in(&report, language),
        text: request
            .with_text
            .then(|| render::text_in(&report, Style::Plain, language)),
    };
    response
        .serialize(&serializer())
        .map_err(|e| error("INTERNAL", e.to_string()))
}

/// What a principal paste was understood as: `{ principal, summary }`, or `null` for blank text.
pub fn parse_principal(text: &str, language_tag: Option<String>) -> JsValue {
    #[derive(Serialize)]
    struct Understood<'a> {
        principal: &'a principal::Principal,
        summary: String,
    }
    let Some(parsed) = principal::parse(text) else {
        return JsValue::NULL;
    };
    let summary = render::principal_in(&parsed, language(language_tag.as_deref()));
    Understood {
        principal: &parsed,
        summary,
    }
    .serialize(&serializer())
    .unwrap_or(JsValue::NULL)
}

/// Whether `issuer` signed `child` (DER each): `valid`, `invalid`, `unsupported`, or the input
/// error code when either is not a certificate.
pub fn verify_link(child: &[u8], issuer: &[u8]) -> String {
    match msstd_check::verify_link(child, issuer) {
        Ok(Verification::Valid) => "valid".to_owned(),
        Ok(Verification::Invalid) => "invalid".to_owned(),
        Ok(Verification::Unsupported) => "unsupported".to_owned(),
        Err(e) => e.code().to_owned(),
    }
}

/// Expands to the `#[wasm_bindgen]` exports of a module: `analyze(request)`,
/// `parsePrincipal(text, language)`, `verifyLink(child, issuer)`, `version()`,
/// `pkcs12Supported()`.
#[macro_export]
macro_rules! export_bindings {
    () => {
        use $crate::__wasm_bindgen::prelude::wasm_bindgen;

        /// Runs the analysis; see `msstd_check_js::analyze_request`.
        #[wasm_bindgen]
        pub fn analyze(
            request: $crate::__wasm_bindgen::JsValue,
        ) -> Result<$crate::__wasm_bindgen::JsValue, $crate::__wasm_bindgen::JsValue> {
            $crate::analyze_request(request)
        }

        /// What a principal paste was understood as.
        #[wasm_bindgen(js_name = parsePrincipal)]
        pub fn parse_principal(text: &str, language: Option<String>) -> $crate::__wasm_bindgen::JsValue {
            $crate::parse_principal(text, language)
        }

        /// Whether `issuer` signed `child`; see `msstd_check_js::verify_link`.
        #[wasm_bindgen(js_name = verifyLink)]
        pub fn verify_link(child: &[u8], issuer: &[u8]) -> String {
            $crate::verify_link(child, issuer)
        }

        /// The engine's version.
        #[wasm_bindgen]
        pub fn version() -> String {
            $crate::version().to_owned()
        }

        /// Whether this module opens `.pfx` files.
        #[wasm_bindgen(js_name = pkcs12Supported)]
        pub fn pkcs12_supported() -> bool {
            $crate::pkcs12_supported()
        }
    };
}

/// The crate version, shown in the page footer.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Whether this build opens `.pfx` files.
pub fn pkcs12_supported() -> bool {
    cfg!(feature = "pkcs12")
}
