//! The JavaScript face of msstd-check, shared by the page's two WebAssembly modules: the main
//! one, and the one with PKCS#12 support that the page loads (in a worker) only when a `.pfx`
//! arrives. Each module expands [`export_bindings!`] once, so both export the same functions.
//!
//! Nothing here decides anything: requests become [`msstd_check::analyze`] calls, reports come
//! back in the JSON of `docs/report-schema.json`, each finding worded in the requested language
//! by the engine's catalogue. Requests and responses cross the boundary as JSON text and one
//! byte buffer (`www/engine.js` does the packing): one copy each way, and `JSON.parse` builds
//! the objects faster than the module could one property at a time.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use msstd_check::render::{self, Language, Style};
use msstd_check::{analyze, principal, Input, Options, TrustStore, UnixTime, Verification};
use serde::Deserialize;
use serde_json::{json, Value};

#[doc(hidden)]
pub use wasm_bindgen as __wasm_bindgen;

/// One input as the page describes it; its bytes are the next `length` bytes of the buffer.
#[derive(Deserialize)]
struct RequestInput {
    name: String,
    length: usize,
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
    /// Whether to include the whole report as text (for "download as text"; costly to make on
    /// every keystroke).
    #[serde(default)]
    with_text: bool,
}

fn error(code: &str, message: &str) -> String {
    json!({ "error": { "code": code, "message": message } }).to_string()
}

fn language(tag: Option<&str>) -> Language {
    tag.map(Language::from_tag).unwrap_or_default()
}

/// Runs the analysis of `request` (JSON: `{inputs: [{name, length, password?, trusted?}],
/// principal?, host?, nowMs, language?, withText?}`) over `data`, the inputs' bytes one after
/// another.
///
/// Answers JSON text: `{"ok": {report, headline, text}}` (`text` null unless asked for), the
/// report as in
/// `docs/report-schema.json` with each finding's `message` and `fix` in the requested
/// language; or `{"error": {code, message}}` with the engine's input error codes
/// (`INPUT_PASSWORD_REQUIRED`, …) or `BAD_REQUEST` for a request of the wrong shape.
pub fn analyze_request(request: &str, data: &[u8]) -> String {
    let request: Request = match serde_json::from_str(request) {
        Ok(request) => request,
        Err(e) => return error("BAD_REQUEST", &e.to_string()),
    };
    let mut rest = data;
    let mut inputs = Vec::with_capacity(request.inputs.len());
    for input in &request.inputs {
        if input.length > rest.len() {
            return error("BAD_REQUEST", "the inputs' lengths exceed the data");
        }
        let (bytes, after) = rest.split_at(input.length);
        rest = after;
        inputs.push(Input {
            name: &input.name,
            bytes,
            password: input.password.as_deref(),
            trusted: input.trusted,
        });
    }
    let trust = TrustStore::mozilla();
    let options = Options {
        principal: request.principal.as_deref(),
        host: request.host.as_deref(),
        now: UnixTime((request.now_ms / 1000.0).floor() as i64),
        trust: &trust,
    };
    let language = language(request.language.as_deref());
    match analyze(&inputs, &options) {
        Ok(report) => {
            let text = request
                .with_text
                .then(|| render::text_in(&report, Style::Plain, language));
            // The report is written straight to text; the small parts around it go through
            // serde_json for their escaping.
            format!(
                r#"{{"ok":{{"report":{},"headline":{},"text":{}}}}}"#,
                render::json_in(&report, language),
                Value::from(render::headline_in(&report, language)),
                text.map_or(Value::Null, Value::from),
            )
        }
        Err(e) => error(e.code(), &e.to_string()),
    }
}

/// What a principal paste was understood as: JSON `{principal, summary}`, or `null` for blank
/// text.
pub fn parse_principal(text: &str, language_tag: Option<String>) -> String {
    let Some(parsed) = principal::parse(text) else {
        return Value::Null.to_string();
    };
    let summary = render::principal_in(&parsed, language(language_tag.as_deref()));
    json!({ "principal": parsed, "summary": summary }).to_string()
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

/// Expands to the `#[wasm_bindgen]` exports of a module: `analyze(request, data)`,
/// `parsePrincipal(text, language)`, `verifyLink(child, issuer)`, `version()`,
/// `pkcs12Supported()`.
#[macro_export]
macro_rules! export_bindings {
    () => {
        use $crate::__wasm_bindgen::prelude::wasm_bindgen;

        /// Runs the analysis; see `msstd_check_js::analyze_request`.
        #[wasm_bindgen]
        pub fn analyze(request: &str, data: &[u8]) -> String {
            $crate::analyze_request(request, data)
        }

        /// What a principal paste was understood as; see `msstd_check_js::parse_principal`.
        #[wasm_bindgen(js_name = parsePrincipal)]
        pub fn parse_principal(text: &str, language: Option<String>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    const LEAF: &str = include_str!("../../../tests/data/contoso-leaf.pem");
    const CHAIN: &str = include_str!("../../../tests/data/contoso-chain.pem");

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn inputs_are_cut_from_the_buffer_by_length() {
        let request = json!({
            "inputs": [{ "name": "leaf", "length": LEAF.len() }, { "name": "chain", "length": CHAIN.len() }],
            "principal": "msstd:mail.contoso.com",
            "nowMs": 1_811_808_000_000.0_f64,
            "language": "it",
            "withText": true,
        });
        let data = [LEAF, CHAIN].concat();
        let response = parse(&analyze_request(&request.to_string(), data.as_bytes()));
        let report = &response["ok"]["report"];
        assert_eq!(report["inputs"][0]["certificates"], 1, "{response}");
        assert_eq!(report["inputs"][1]["certificates"], 2, "{response}");
        assert_eq!(response["ok"]["report"]["summary"]["verdict"], "MSSTD_MATCH");
        assert!(response["ok"]["text"]
            .as_str()
            .unwrap()
            .contains("msstd:mail.contoso.com"));
    }

    #[test]
    fn bad_requests_are_errors_not_traps() {
        for (request, data) in [
            ("not json", &b""[..]),
            (r#"{"inputs": []}"#, b""),
            (r#"{"inputs": [{"name": "a", "length": 10}], "nowMs": 0}"#, b"short"),
        ] {
            let response = parse(&analyze_request(request, data));
            assert_eq!(response["error"]["code"], "BAD_REQUEST", "{request}");
        }
        let empty = parse(&analyze_request(r#"{"inputs": [], "nowMs": 0}"#, b""));
        assert!(
            empty["error"]["code"].as_str().unwrap().starts_with("INPUT_"),
            "{empty}"
        );
        assert_eq!(parse_principal("  ", None), "null");
        assert_eq!(
            parse(&parse_principal("msstd:a.b", None))["principal"]["value"]["name"],
            "a.b"
        );
    }
}
