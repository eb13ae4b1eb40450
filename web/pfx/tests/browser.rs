//! The PKCS#12 module in a real browser: modern and legacy Windows encryption, missing and
//! wrong passwords, all decrypted by pure Rust in WebAssembly.
#![cfg(target_arch = "wasm32")]

use msstd_check_pfx::{analyze, pkcs12_supported};
use serde_json::{json, Value};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// 2027-06-01T00:00:00Z: inside the fixtures' validity.
const NOW_MS: f64 = 1_811_808_000_000.0;

fn call(bytes: &[u8], password: Option<&str>) -> Value {
    let request = json!({
        "inputs": [{ "name": "server.pfx", "length": bytes.len(), "password": password }],
        "principal": "msstd:mail.contoso.com",
        "nowMs": NOW_MS,
    });
    serde_json::from_str(&analyze(&request.to_string(), bytes)).unwrap()
}

#[wasm_bindgen_test]
fn modern_and_legacy_pfx_open_with_the_password() {
    assert!(pkcs12_supported());
    for file in [
        &include_bytes!("../../../tests/data/openssl-modern.pfx")[..],
        &include_bytes!("../../../tests/data/openssl-legacy.pfx")[..],
    ] {
        let report = &call(file, Some("Passw0rd!"))["ok"]["report"];
        assert_eq!(report["summary"]["verdict"], "MSSTD_MATCH");
        assert_eq!(report["inputs"][0]["format"], "pkcs12");
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"KEY_PAIR_MATCH"), "{codes:?}");
    }
}

#[wasm_bindgen_test]
fn missing_and_wrong_passwords_are_told_apart() {
    let file = include_bytes!("../../../tests/data/openssl-legacy.pfx");
    assert_eq!(call(file, None)["error"]["code"], "INPUT_PASSWORD_REQUIRED");
    assert_eq!(call(file, Some("nope"))["error"]["code"], "INPUT_WRONG_PASSWORD");
}
