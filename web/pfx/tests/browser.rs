//! The PKCS#12 module in a real browser: modern and legacy Windows encryption, missing and
//! wrong passwords, all decrypted by pure Rust in WebAssembly.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "wasm_bindgen_test functions are tests clippy does not recognise: they stop loudly"
)]

use js_sys::{Array, Object, Reflect, Uint8Array};
use msstd_check_pfx::{analyze, pkcs12_supported};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const NOW_MS: f64 = 1_811_808_000_000.0;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(value.clone(), |v, key| Reflect::get(&v, &key.into()).unwrap())
}

fn request(bytes: &[u8], password: Option<&str>) -> JsValue {
    named_request("server.pfx", bytes, password)
}

fn named_request(name: &str, bytes: &[u8], password: Option<&str>) -> JsValue {
    let input = Object::new();
    Reflect::set(&input, &"name".into(), &name.into()).unwrap();
    Reflect::set(&input, &"bytes".into(), &Uint8Array::from(bytes)).unwrap();
    if let Some(password) = password {
        Reflect::set(&input, &"password".into(), &password.into()).unwrap();
    }
    let request = Object::new();
    Reflect::set(&request, &"inputs".into(), &Array::of1(&input)).unwrap();
    Reflect::set(&request, &"principal".into(), &"msstd:mail.contoso.com".into()).unwrap();
    Reflect::set(&request, &"nowMs".into(), &NOW_MS.into()).unwrap();
    request.into()
}

#[wasm_bindgen_test]
fn modern_and_legacy_pfx_open_with_the_password() {
    assert!(pkcs12_supported());
    for file in [
        &include_bytes!("../../../tests/data/openssl-modern.pfx")[..],
        &include_bytes!("../../../tests/data/openssl-legacy.pfx")[..],
    ] {
        let response = analyze(request(file, Some("Passw0rd!"))).unwrap();
        assert_eq!(get(&response, "report.summary.verdict"), "MSSTD_MATCH");
        assert_eq!(get(&response, "report.inputs.0.format"), "pkcs12");
        let codes: Vec<String> = Array::from(&get(&response, "report.findings"))
            .iter()
            .map(|f| get(&f, "code").as_string().unwrap())
            .collect();
        assert!(codes.contains(&"KEY_PAIR_MATCH".to_owned()), "{codes:?}");
    }
}

#[wasm_bindgen_test]
fn missing_and_wrong_passwords_are_told_apart() {
    let file = include_bytes!("../../../tests/data/openssl-legacy.pfx");
    assert_eq!(
        get(&analyze(request(file, None)).unwrap_err(), "code"),
        "INPUT_PASSWORD_REQUIRED"
    );
    assert_eq!(
        get(&analyze(request(file, Some("nope"))).unwrap_err(), "code"),
        "INPUT_WRONG_PASSWORD"
    );
}

/// What the page's first module refuses as unsupported besides a .pfx, read here: Exchange's
/// shell output and a certificate request.
#[wasm_bindgen_test]
fn exchange_settings_and_certificate_requests_are_read_here() {
    let connectors = include_bytes!("../../../tests/data/exchange/get-sendconnector.txt");
    let response = analyze(named_request("connectors", connectors, None)).unwrap();
    assert_eq!(get(&response, "report.inputs.0.format"), "exchange-settings");
    assert!(Array::from(&get(&response, "report.exchange.connectors")).length() > 0);
    let csr = include_bytes!("../../../tests/data/request.csr");
    let response = analyze(named_request("request.csr", csr, None)).unwrap();
    assert_eq!(get(&response, "report.inputs.0.format"), "certificate-request");
    let codes: Vec<String> = Array::from(&get(&response, "report.findings"))
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect();
    assert!(codes.contains(&"REQUEST_ONLY".to_owned()), "{codes:?}");
}
