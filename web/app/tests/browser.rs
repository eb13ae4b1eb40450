//! The bindings as the page calls them, in a real browser (headless Chromium through
//! wasm-bindgen-test): requests in, reports and errors out, never a trap.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, Uint8Array};
use msstd_check_web::{analyze, parse_principal, pkcs12_supported, verify_link};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const LEAF: &str = include_str!("../../../tests/data/contoso-leaf.pem");
const CHAIN: &str = include_str!("../../../tests/data/contoso-chain.pem");
const PFX: &[u8] = include_bytes!("../../../tests/data/openssl-modern.pfx");
/// 2027-06-01T00:00:00Z: inside the fixtures' validity.
const NOW_MS: f64 = 1_811_808_000_000.0;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(value.clone(), |v, key| Reflect::get(&v, &key.into()).unwrap())
}

fn request(inputs: &[(&str, &[u8])], principal: Option<&str>, language: &str) -> JsValue {
    let list = Array::new();
    for (name, bytes) in inputs {
        let input = Object::new();
        Reflect::set(&input, &"name".into(), &(*name).into()).unwrap();
        Reflect::set(&input, &"bytes".into(), &Uint8Array::from(*bytes)).unwrap();
        list.push(&input);
    }
    let request = Object::new();
    Reflect::set(&request, &"inputs".into(), &list).unwrap();
    Reflect::set(
        &request,
        &"principal".into(),
        &principal.map_or(JsValue::NULL, JsValue::from),
    )
    .unwrap();
    Reflect::set(&request, &"nowMs".into(), &NOW_MS.into()).unwrap();
    Reflect::set(&request, &"language".into(), &language.into()).unwrap();
    Reflect::set(&request, &"withText".into(), &true.into()).unwrap();
    request.into()
}

#[wasm_bindgen_test]
fn a_match_comes_back_as_a_plain_report() {
    let chain = format!("{LEAF}{CHAIN}");
    let response = analyze(request(
        &[("paste", chain.as_bytes())],
        Some("msstd:mail.contoso.com"),
        "en",
    ))
    .unwrap();
    assert_eq!(get(&response, "report.schema"), "msstd-check/report/v1");
    assert_eq!(get(&response, "report.summary.verdict"), "MSSTD_MATCH");
    assert_eq!(get(&response, "report.msstd.legacy_windows"), "pass");
    let findings = Array::from(&get(&response, "report.findings"));
    assert!(findings.length() > 0);
    assert!(get(&findings.get(0), "message").as_string().unwrap().len() > 10);
    assert!(get(&response, "headline").as_string().unwrap().starts_with("MATCH"));
    assert!(
        get(&response, "report.certificates.0.sha1_thumbprint")
            .as_string()
            .unwrap()
            .len()
            == 40
    );
}

#[wasm_bindgen_test]
fn italian_words_the_mismatch() {
    let response = analyze(request(
        &[("leaf", LEAF.as_bytes())],
        Some("msstd:owa.fabrikam.com"),
        "it",
    ))
    .unwrap();
    assert_eq!(get(&response, "report.summary.verdict"), "MSSTD_MISMATCH");
    let text = get(&response, "text").as_string().unwrap();
    assert!(
        text.contains("Impossibile stabilire un'autenticazione reciproca"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn input_errors_are_objects_with_codes() {
    let error = analyze(request(
        &[("key", include_bytes!("../../../tests/data/rsa-2048.key"))],
        None,
        "en",
    ))
    .unwrap_err();
    assert_eq!(get(&error, "code"), "INPUT_PRIVATE_KEY_ONLY");
    assert!(get(&error, "message").as_string().unwrap().starts_with("key: "));
    let garbage: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let error = analyze(request(&[("noise", &garbage)], None, "en")).unwrap_err();
    assert!(get(&error, "code").as_string().unwrap().starts_with("INPUT_"));
}

#[wasm_bindgen_test]
fn the_main_module_sends_pfx_to_the_other_one() {
    assert!(!pkcs12_supported());
    let error = analyze(request(&[("server.pfx", PFX)], None, "en")).unwrap_err();
    assert_eq!(get(&error, "code"), "INPUT_PKCS12_UNSUPPORTED");
}

#[wasm_bindgen_test]
fn malformed_requests_are_rejected_not_trapped() {
    for bad in [JsValue::NULL, JsValue::from_str("x"), Object::new().into()] {
        assert_eq!(get(&analyze(bad).unwrap_err(), "code"), "BAD_REQUEST");
    }
}

#[wasm_bindgen_test]
fn principal_pastes_are_explained() {
    let parsed = parse_principal(
        "CertPrincipalName : msstd: mail.contoso.com\nName : EXPR",
        Some("en".into()),
    );
    assert_eq!(get(&parsed, "principal.form"), "get-outlook-provider");
    let summary = get(&parsed, "summary").as_string().unwrap();
    assert!(summary.contains("→ msstd:mail.contoso.com"), "{summary}");
    assert!(parse_principal("  ", None).is_null());
}

#[wasm_bindgen_test]
fn verify_link_checks_one_signature() {
    let der = |pem: &str| {
        ::pem::parse_many(pem)
            .unwrap()
            .into_iter()
            .map(|p| p.into_contents())
            .collect::<Vec<_>>()
    };
    let leaf = der(LEAF).remove(0);
    let chain = der(CHAIN);
    assert_eq!(verify_link(&leaf, &chain[0]), "valid");
    assert_eq!(verify_link(&chain[0], &chain[1]), "valid");
    assert_eq!(verify_link(&leaf, &chain[1]), "invalid");
    assert_eq!(verify_link(b"junk", &chain[1]), "INPUT_MALFORMED_CERTIFICATE");
}
