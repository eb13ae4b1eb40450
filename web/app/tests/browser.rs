//! The bindings as the page calls them, in a real browser (headless Chromium through
//! wasm-bindgen-test): requests in, reports and errors out, never a trap.
#![cfg(target_arch = "wasm32")]

use msstd_check_web::{analyze, parse_principal, pkcs12_supported};
use serde_json::{json, Value};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const LEAF: &str = include_str!("../../../tests/data/contoso-leaf.pem");
const CHAIN: &str = include_str!("../../../tests/data/contoso-chain.pem");
const PFX: &[u8] = include_bytes!("../../../tests/data/openssl-modern.pfx");
/// 2027-06-01T00:00:00Z: inside the fixtures' validity.
const NOW_MS: f64 = 1_811_808_000_000.0;

/// Packs a request as `www/engine.js` does and parses the answer.
fn call(inputs: &[(&str, &[u8])], principal: Option<&str>, language: &str) -> Value {
    let described: Vec<Value> = inputs
        .iter()
        .map(|(name, bytes)| json!({ "name": name, "length": bytes.len() }))
        .collect();
    let data: Vec<u8> = inputs.iter().flat_map(|(_, bytes)| bytes.iter().copied()).collect();
    let request = json!({
        "inputs": described, "principal": principal, "nowMs": NOW_MS, "language": language, "withText": true,
    });
    serde_json::from_str(&analyze(&request.to_string(), &data)).unwrap()
}

#[wasm_bindgen_test]
fn a_match_comes_back_as_a_report() {
    let chain = format!("{LEAF}{CHAIN}");
    let response = &call(&[("paste", chain.as_bytes())], Some("msstd:mail.contoso.com"), "en")["ok"];
    let report = &response["report"];
    assert_eq!(report["schema"], "msstd-check/report/v1");
    assert_eq!(report["summary"]["verdict"], "MSSTD_MATCH");
    assert_eq!(report["msstd"]["legacy_windows"], "pass");
    assert!(report["findings"][0]["message"].as_str().unwrap().len() > 10);
    assert!(response["headline"].as_str().unwrap().starts_with("MATCH"));
    assert_eq!(report["certificates"][0]["sha1_thumbprint"].as_str().unwrap().len(), 40);
}

#[wasm_bindgen_test]
fn italian_words_the_mismatch() {
    let response = &call(&[("leaf", LEAF.as_bytes())], Some("msstd:owa.fabrikam.com"), "it")["ok"];
    assert_eq!(response["report"]["summary"]["verdict"], "MSSTD_MISMATCH");
    let text = response["text"].as_str().unwrap();
    assert!(
        text.contains("Impossibile stabilire un'autenticazione reciproca"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn input_errors_come_with_codes() {
    let error = &call(
        &[("key", include_bytes!("../../../tests/data/rsa-2048.key"))],
        None,
        "en",
    )["error"];
    assert_eq!(error["code"], "INPUT_PRIVATE_KEY_ONLY");
    assert!(error["message"].as_str().unwrap().starts_with("key: "));
    let garbage: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let error = &call(&[("noise", &garbage)], None, "en")["error"];
    assert!(error["code"].as_str().unwrap().starts_with("INPUT_"));
}

#[wasm_bindgen_test]
fn the_main_module_sends_pfx_to_the_other_one() {
    assert!(!pkcs12_supported());
    assert_eq!(
        call(&[("server.pfx", PFX)], None, "en")["error"]["code"],
        "INPUT_PKCS12_UNSUPPORTED"
    );
}

#[wasm_bindgen_test]
fn malformed_requests_are_rejected_not_trapped() {
    for bad in [
        "null",
        "x",
        "{}",
        r#"{"inputs": [{"name": "a", "length": 99}], "nowMs": 0}"#,
    ] {
        let answer: Value = serde_json::from_str(&analyze(bad, b"short")).unwrap();
        assert_eq!(answer["error"]["code"], "BAD_REQUEST", "{bad}");
    }
}

#[wasm_bindgen_test]
fn principal_pastes_are_explained() {
    let parsed: Value = serde_json::from_str(&parse_principal(
        "CertPrincipalName : msstd: mail.contoso.com\nName : EXPR",
        Some("en".into()),
    ))
    .unwrap();
    assert_eq!(parsed["principal"]["form"], "get-outlook-provider");
    let summary = parsed["summary"].as_str().unwrap();
    assert!(summary.contains("→ msstd:mail.contoso.com"), "{summary}");
    assert_eq!(parse_principal("  ", None), "null");
}
