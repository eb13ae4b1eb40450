//! The JavaScript face of msstd-check, shared by the page's two WebAssembly modules: the main
//! one, and the one with PKCS#12 support that the page loads (in a worker) only when a `.pfx`
//! arrives. Each module expands [`export_bindings!`] once, so both export the same functions.
//!
//! Nothing here decides anything: requests become [`msstd_check::analyze`] calls, reports come
//! back as plain objects, each finding worded in the requested language by the engine's
//! catalogue.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use js_sys::{Array, Object, Reflect};
use msstd_check::render::{self, Language, Style};
use msstd_check::{analyze, principal, Error, Input, Options, Report, TrustStore, UnixTime};
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
}

/// An error as the page receives it.
#[derive(Serialize)]
struct JsError {
    code: &'static str,
    message: String,
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn error(code: &'static str, message: String) -> JsValue {
    JsError { code, message }
        .serialize(&serializer())
        .unwrap_or_else(|_| JsValue::from_str(code))
}

fn language(tag: Option<&str>) -> Language {
    tag.map(Language::from_tag).unwrap_or_default()
}

/// Runs the analysis. The response is `{ report, headline, text }`: the report as in
/// `docs/report-schema.json`, each finding with `message` and `fix` in the requested language.
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
    respond(&report, language)
}

fn respond(report: &Report, language: Language) -> Result<JsValue, JsValue> {
    let serialized = report
        .serialize(&serializer())
        .map_err(|e| error("INTERNAL", e.to_string()))?;
    let findings = Array::from(&Reflect::get(&serialized, &JsValue::from_str("findings"))?);
    for (index, finding) in report.findings.iter().enumerate() {
        let object = findings.get(index as u32);
        Reflect::set(
            &object,
            &"message".into(),
            &render::message_in(finding, language).into(),
        )?;
        let fix = render::fix_in(finding, language).map_or(JsValue::NULL, JsValue::from);
        Reflect::set(&object, &"fix".into(), &fix)?;
    }
    let response = Object::new();
    Reflect::set(&response, &"report".into(), &serialized)?;
    Reflect::set(
        &response,
        &"headline".into(),
        &render::headline_in(report, language).into(),
    )?;
    Reflect::set(
        &response,
        &"text".into(),
        &render::text_in(report, Style::Plain, language).into(),
    )?;
    Ok(response.into())
}

/// What a principal paste was understood as: `{ principal, summary }`, or `null` for blank text.
pub fn parse_principal(text: &str, language_tag: Option<String>) -> JsValue {
    let Some(parsed) = principal::parse(text) else {
        return JsValue::NULL;
    };
    let response = Object::new();
    let summary = render::principal_in(&parsed, language(language_tag.as_deref()));
    let serialized = parsed.serialize(&serializer()).unwrap_or(JsValue::NULL);
    // Setting properties on a fresh object cannot fail.
    let _ = Reflect::set(&response, &"principal".into(), &serialized);
    let _ = Reflect::set(&response, &"summary".into(), &summary.into());
    response.into()
}

/// Expands to the `#[wasm_bindgen]` exports of a module: `analyze(request)`,
/// `parsePrincipal(text, language)`, `version()`, `pkcs12Supported()`.
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
