//! The bindings as the page calls them, in a real browser (headless Chromium through
//! wasm-bindgen-test): requests in, reports and errors out, never a trap; signatures verified
//! by the browser's WebCrypto through the page's own `www/signatures.js`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "wasm_bindgen_test functions are tests clippy does not recognise: they stop loudly"
)]

use js_sys::{Array, Function, Map, Object, Promise, Reflect, Uint8Array};
use msstd_check_web::{analyze, load_trust, max_rounds, parse_principal, pkcs12_supported, signature_check};
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/../../www/signatures.js")]
extern "C" {
    #[wasm_bindgen(js_name = analyzeVerified)]
    fn analyze_verified(analyze: &Function, request: JsValue, outcomes: &Map, max_rounds: usize) -> Promise;
    #[wasm_bindgen(js_name = verifySignature)]
    fn verify_signature(check: JsValue) -> Promise;
}

/// The analysis as the page runs it: rounds of `analyze` and WebCrypto until nothing is pending.
async fn analyze_as_the_page_does(request: JsValue) -> JsValue {
    let once = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(analyze);
    let promise = analyze_verified(once.as_ref().unchecked_ref(), request, &Map::new(), max_rounds());
    JsFuture::from(promise).await.unwrap()
}

fn codes(response: &JsValue) -> Vec<String> {
    Array::from(&get(response, "report.findings"))
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect()
}

const LEAF: &str = include_str!("../../../tests/data/contoso-leaf.pem");
const CHAIN: &str = include_str!("../../../tests/data/contoso-chain.pem");
const PFX: &[u8] = include_bytes!("../../../tests/data/openssl-modern.pfx");
/// 2027-06-01T00:00:00Z: inside the fixtures' validity.
const NOW_MS: f64 = 1_811_808_000_000.0;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(value.clone(), |v, key| Reflect::get(&v, &key.into()).unwrap())
}

const MOZILLA_ROOTS: &str = include_str!("../../../data/mozilla-roots.txt");
const MICROSOFT_ROOTS: &str = include_str!("../../../data/microsoft-roots.txt");

/// Both whole root stores, as the page loads them offline (a module instance keeps the first
/// it is given, so every test may ask).
fn with_trust() {
    load_trust(&"mozilla".into(), &MOZILLA_ROOTS.into()).unwrap();
    load_trust(&"microsoft".into(), &MICROSOFT_ROOTS.into()).unwrap();
}

/// A request as the page makes it once its root stores are loaded.
fn request(inputs: &[(&str, &[u8])], principal: Option<&str>, language: &str) -> JsValue {
    with_trust();
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
async fn a_match_comes_back_as_a_plain_report() {
    let chain = format!("{LEAF}{CHAIN}");
    let response = analyze_as_the_page_does(request(
        &[("paste", chain.as_bytes())],
        Some("msstd:mail.contoso.com"),
        "en",
    ))
    .await;
    assert_eq!(Array::from(&get(&response, "pending")).length(), 0);
    assert!(
        !codes(&response).iter().any(|c| c.starts_with("SIG_")),
        "{:?}",
        codes(&response)
    );
    assert_eq!(get(&response, "report.schema"), "msstd-check/report/v1");
    assert_eq!(get(&response, "report.summary.verdict"), "MSSTD_MATCH");
    assert_eq!(get(&response, "report.msstd.legacy_windows"), "pass");
    let findings = Array::from(&get(&response, "report.findings"));
    let matched = findings
        .iter()
        .find(|f| get(f, "code") == "MSSTD_MATCH")
        .unwrap_or_else(|| panic!("no MSSTD_MATCH in {:?}", codes(&response)));
    let message = get(&matched, "message").as_string().unwrap();
    assert!(message.contains("mail.contoso.com"), "the name worded in: {message}");
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
    // Worded in the request's language, from the same catalogue as the findings.
    let error = analyze(request(
        &[("key", include_bytes!("../../../tests/data/rsa-2048.key"))],
        None,
        "it",
    ))
    .unwrap_err();
    assert_eq!(
        get(&error, "message").as_string().unwrap(),
        "key: questa è una chiave privata, non un certificato: fornire il certificato (.cer/.crt/.pem) o il file .pfx che contiene entrambi"
    );
    let garbage: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let error = analyze(request(&[("noise", &garbage)], None, "en")).unwrap_err();
    assert!(get(&error, "code").as_string().unwrap().starts_with("INPUT_"));
}

#[wasm_bindgen_test]
fn the_main_module_sends_what_it_cannot_read_to_the_other_one() {
    assert!(!pkcs12_supported());
    // A .pfx, Exchange's shell output (beside a certificate too), a certificate request: each
    // refused as `unsupported`, so the page hands it to the worker's module.
    let connectors = include_bytes!("../../../tests/data/exchange/get-sendconnector.txt");
    let csr = include_bytes!("../../../tests/data/request.csr");
    for (inputs, code) in [
        (vec![("server.pfx", PFX)], "INPUT_PKCS12_UNSUPPORTED"),
        (
            vec![("connectors", &connectors[..])],
            "INPUT_EXCHANGE_SETTINGS_UNSUPPORTED",
        ),
        (
            vec![("leaf", LEAF.as_bytes()), ("connectors", &connectors[..])],
            "INPUT_EXCHANGE_SETTINGS_UNSUPPORTED",
        ),
        (vec![("request.csr", &csr[..])], "INPUT_CERTIFICATE_REQUEST_UNSUPPORTED"),
    ] {
        let error = analyze(request(&inputs, None, "it")).unwrap_err();
        assert_eq!(get(&error, "code"), code);
        assert_eq!(get(&error, "unsupported"), true, "{code}");
        assert!(
            get(&error, "message").as_string().unwrap().contains("questa versione"),
            "{code}"
        );
    }
    // Any other refusal is final.
    let key = include_bytes!("../../../tests/data/rsa-2048.key");
    let error = analyze(request(&[("key", key)], None, "en")).unwrap_err();
    assert!(get(&error, "unsupported").is_undefined());
}

#[wasm_bindgen_test]
fn malformed_requests_are_rejected_not_trapped() {
    for bad in [JsValue::NULL, JsValue::from_str("x"), Object::new().into()] {
        assert_eq!(get(&analyze(bad).unwrap_err(), "code"), "BAD_REQUEST");
    }
    let with = |path: &str, value: JsValue| {
        let request = request(&[("leaf", LEAF.as_bytes())], None, "en");
        let (object, key) = match path.rsplit_once('.') {
            Some((parent, key)) => (get(&request, parent), key),
            None => (request.clone(), path),
        };
        Reflect::set(&object, &key.into(), &value).unwrap();
        get(&analyze(request).unwrap_err(), "message").as_string().unwrap()
    };
    assert_eq!(with("inputs", 1.into()), "inputs must be an array");
    assert_eq!(
        with("inputs.0.bytes", "text".into()),
        "inputs[0].bytes must be a Uint8Array"
    );
    assert_eq!(with("inputs.0.name", 7.into()), "inputs[0].name must be a string");
    assert_eq!(with("nowMs", JsValue::UNDEFINED), "nowMs must be a number (Date.now())");
    assert_eq!(with("withText", "yes".into()), "withText must be true or false");
    assert_eq!(with("signatures", Object::new().into()), "signatures must be an array");
}

/// A request whose `language` getter asks for another analysis while the first one is reading
/// the request: both answer (in their own language), nothing traps on state held across the
/// read. A trap inside the getter would surface as a failed read, so English.
#[wasm_bindgen_test]
fn a_getter_that_calls_back_in_gets_an_answer() {
    let nested = Closure::<dyn Fn() -> JsValue>::new(|| {
        assert_eq!(get(&english_leaf_response(), "report.certificates.length"), 1);
        JsValue::from_str("it")
    });
    let outer = request(&[("leaf", LEAF.as_bytes())], None, "en");
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"get".into(), nested.as_ref()).unwrap();
    Object::define_property(outer.unchecked_ref::<Object>(), &"language".into(), &descriptor);
    let response = analyze(outer).unwrap();
    let italian = analyze(request(&[("leaf", LEAF.as_bytes())], None, "it")).unwrap();
    assert_eq!(get(&response, "headline"), get(&italian, "headline"));
    assert_ne!(get(&response, "headline"), get(&english_leaf_response(), "headline"));
}

/// The leaf alone, analysed in English.
fn english_leaf_response() -> JsValue {
    analyze(request(&[("leaf", LEAF.as_bytes())], None, "en")).unwrap()
}

#[wasm_bindgen_test]
fn principal_pastes_are_explained() {
    let parsed = parse_principal(
        &"CertPrincipalName : msstd: mail.contoso.com\nName : EXPR".into(),
        &"en".into(),
    );
    assert_eq!(get(&parsed, "principal.form"), "get-outlook-provider");
    let summary = get(&parsed, "summary").as_string().unwrap();
    assert!(summary.contains("→ msstd:mail.contoso.com"), "{summary}");
    assert!(parse_principal(&"  ".into(), &JsValue::NULL).is_null());
    assert!(parse_principal(&7.into(), &JsValue::NULL).is_null());
}

#[wasm_bindgen_test]
fn signatures_are_pending_until_answered_and_never_assumed_valid() {
    let chain = format!("{LEAF}{CHAIN}");
    let response = analyze(request(&[("paste", chain.as_bytes())], None, "en")).unwrap();
    let pending = Array::from(&get(&response, "pending"));
    assert_eq!(pending.length(), 2, "leaf and intermediate");
    assert!(codes(&response).contains(&"SIG_UNSUPPORTED".to_owned()));
    let first = pending.get(0);
    assert_eq!(get(&first, "id").as_string().unwrap().len(), 64);
    assert_eq!(get(&first, "algorithm.name"), "ECDSA");
    assert_eq!(get(&first, "algorithm.namedCurve"), "P-256");
    assert_eq!(Uint8Array::from(get(&first, "signature")).length(), 64, "r || s");
}

#[wasm_bindgen_test]
async fn webcrypto_finds_a_damaged_signature() {
    let mut leaf = der(LEAF).remove(0);
    let last = leaf.len() - 1;
    leaf[last] ^= 1;
    let damaged = ::pem::encode(&::pem::Pem::new("CERTIFICATE", leaf));
    let input = format!("{damaged}{CHAIN}");
    let response = analyze_as_the_page_does(request(&[("paste", input.as_bytes())], None, "en")).await;
    let codes = codes(&response);
    assert!(codes.contains(&"SIG_INVALID".to_owned()), "{codes:?}");
    assert!(!codes.contains(&"SIG_UNSUPPORTED".to_owned()), "{codes:?}");
}

#[wasm_bindgen_test]
async fn webcrypto_verifies_rsa_pss_and_p384() {
    let input = format!(
        "{}{}",
        include_str!("../../../tests/data/pss-leaf.pem"),
        include_str!("../../../tests/data/pss-root.pem")
    );
    let response = analyze_as_the_page_does(request(&[("paste", input.as_bytes())], None, "en")).await;
    let codes = codes(&response);
    assert!(!codes.iter().any(|c| c.starts_with("SIG_")), "{codes:?}");
    assert_eq!(Array::from(&get(&response, "pending")).length(), 0);
}

fn der(pem: &str) -> Vec<Vec<u8>> {
    ::pem::parse_many(pem)
        .unwrap()
        .into_iter()
        .map(|p| p.into_contents())
        .collect()
}

async fn link(child: &[u8], issuer: &[u8]) -> String {
    let check = signature_check(&Uint8Array::from(child), &Uint8Array::from(issuer));
    for settled in ["outcome", "error"] {
        if let Some(text) = get(&check, settled).as_string() {
            return text;
        }
    }
    let outcome = JsFuture::from(verify_signature(get(&check, "pending"))).await.unwrap();
    outcome.as_string().unwrap()
}

#[wasm_bindgen_test]
async fn signature_check_describes_one_link_for_webcrypto() {
    let leaf = der(LEAF).remove(0);
    let chain = der(CHAIN);
    assert_eq!(link(&leaf, &chain[0]).await, "valid");
    assert_eq!(link(&chain[0], &chain[1]).await, "valid");
    assert_eq!(link(&leaf, &chain[1]).await, "invalid");
    assert_eq!(link(b"junk", &chain[1]).await, "INPUT_MALFORMED_CERTIFICATE");
    let refused = signature_check(&"text".into(), &Uint8Array::from(chain[1].as_slice()));
    assert_eq!(get(&refused, "error"), "BAD_REQUEST");
}

/// Values far over the caps are refused by their length, before a byte is copied into the
/// module: a copy of gigabytes would exhaust its memory, a trap. Likewise lists.
#[wasm_bindgen_test]
fn oversized_values_are_refused_before_they_are_copied() {
    // 3 GiB: more than the module's memory can ever hold (its own is under 4 GiB in all).
    let huge = Uint8Array::new_with_length(3 << 30);
    let with_huge_input = request(&[("leaf", LEAF.as_bytes())], None, "en");
    Reflect::set(&get(&with_huge_input, "inputs.0"), &"bytes".into(), &huge).unwrap();
    let error = analyze(with_huge_input).unwrap_err();
    assert_eq!(get(&error, "code"), "INPUT_TOO_LARGE");
    let message = get(&error, "message").as_string().unwrap();
    assert!(
        message.starts_with("leaf: ") && message.contains("3221225472"),
        "{message}"
    );

    let check = signature_check(&huge, &huge);
    assert_eq!(get(&check, "error"), "INPUT_TOO_LARGE");

    let long = JsValue::from_str(&"a".repeat(9 << 20));
    let with_long_principal = request(&[("leaf", LEAF.as_bytes())], None, "en");
    Reflect::set(&with_long_principal, &"principal".into(), &long).unwrap();
    let error = analyze(with_long_principal).unwrap_err();
    assert_eq!(get(&error, "code"), "BAD_REQUEST");
    assert_eq!(get(&error, "message"), "principal is longer than 8388608 characters");
    assert!(parse_principal(&long, &long).is_null());
    let with_long_host = request(&[("leaf", LEAF.as_bytes())], None, "en");
    Reflect::set(&with_long_host, &"host".into(), &"h".repeat(4097).into()).unwrap();
    assert_eq!(
        get(&analyze(with_long_host).unwrap_err(), "message"),
        "host is longer than 4096 characters"
    );

    let many = Array::new_with_length(65);
    many.fill(
        &get(&request(&[("leaf", LEAF.as_bytes())], None, "en"), "inputs.0"),
        0,
        65,
    );
    let with_many_inputs = request(&[], None, "en");
    Reflect::set(&with_many_inputs, &"inputs".into(), &many).unwrap();
    assert_eq!(
        get(&analyze(with_many_inputs).unwrap_err(), "code"),
        "INPUT_TOO_MANY_CERTIFICATES"
    );

    let with_many_answers = request(&[("leaf", LEAF.as_bytes())], None, "en");
    Reflect::set(
        &with_many_answers,
        &"signatures".into(),
        &Array::new_with_length(16_385),
    )
    .unwrap();
    assert_eq!(
        get(&analyze(with_many_answers).unwrap_err(), "message"),
        "signatures has more than 16384 entries"
    );

    // The module still works.
    assert_eq!(get(&english_leaf_response(), "report.certificates.length"), 1);
}

/// The whole root stores, as the page loads them offline: bad data is an error
/// object, a real file gives its number of roots, and with both the Windows verdicts are given.
#[wasm_bindgen_test]
async fn the_root_stores_load_and_give_the_verdicts_per_client() {
    let error = load_trust(&"microsoft".into(), &"not a root\n".into()).unwrap_err();
    assert_eq!(get(&error, "code"), "TRUST_DATA_MALFORMED");
    let error = load_trust(&"microsoft".into(), &JsValue::from(42)).unwrap_err();
    assert_eq!(get(&error, "code"), "BAD_REQUEST");
    let error = load_trust(&"apple".into(), &MOZILLA_ROOTS.into()).unwrap_err();
    assert_eq!(get(&error, "code"), "BAD_REQUEST");
    for (kind, text) in [("mozilla", MOZILLA_ROOTS), ("microsoft", MICROSOFT_ROOTS)] {
        let roots = load_trust(&kind.into(), &text.into()).unwrap();
        assert_eq!(roots, text.lines().filter(|l| !l.starts_with('#')).count(), "{kind}");
    }
    let chain = format!("{LEAF}{CHAIN}");
    let response = analyze_as_the_page_does(request(
        &[("paste", chain.as_bytes())],
        Some("msstd:mail.contoso.com"),
        "en",
    ))
    .await;
    // The contoso root is sent but trusted nowhere: every family fails, Windows included.
    assert_eq!(get(&response, "report.summary.outcome"), "fails");
    assert_eq!(get(&response, "report.clients.0.client"), "windows-outlook");
    assert_eq!(get(&response, "report.clients.0.outcome"), "no");
    assert!(get(&response, "answer")
        .as_string()
        .unwrap()
        .starts_with("Will Outlook Anywhere connect? No"));
    assert_eq!(get(&response, "clients.0.outcome"), "fails");
    // The engine words what the page shows of the chain and of the principal name alone.
    assert_eq!(get(&response, "chain_status"), "untrusted root");
    assert_eq!(get(&response, "modern_windows"), "works");
    assert_eq!(get(&response, "legacy_windows"), "works");
}

/// An issuer the relay downloaded from the AIA URL comes marked with `fetchedFrom`: it finishes
/// the path and the report says the server does not send it.
#[wasm_bindgen_test]
async fn an_issuer_fetched_from_aia_is_marked_in_the_report() {
    let chain = der(CHAIN);
    let request = request(
        &[("server", LEAF.as_bytes()), ("issuer", &chain[0]), ("root", &chain[1])],
        Some("msstd:mail.contoso.com"),
        "en",
    );
    let inputs = Array::from(&get(&request, "inputs"));
    let url = "http://pki.contoso.com/issuing.crt";
    Reflect::set(&inputs.get(1), &"fetchedFrom".into(), &url.into()).unwrap();
    Reflect::set(&inputs.get(2), &"trusted".into(), &true.into()).unwrap();
    let response = analyze_as_the_page_does(request).await;
    assert!(
        codes(&response).contains(&"CHAIN_FETCHED_FROM_AIA".to_owned()),
        "{:?}",
        codes(&response)
    );
    assert!(!codes(&response).contains(&"CHAIN_INCOMPLETE".to_owned()));
    assert_eq!(get(&response, "report.chain.status"), "trusted");
}

/// Revocation answers the relay verified come as `revocation`: a revoked leaf is an error that
/// stops every client; an answer of the wrong shape is refused, never guessed at.
#[wasm_bindgen_test]
async fn revocation_answers_from_the_relay_become_findings() {
    let chain = der(CHAIN);
    let inputs: &[(&str, &[u8])] = &[("server", LEAF.as_bytes()), ("issuer", &chain[0]), ("root", &chain[1])];
    let first = analyze_as_the_page_does(request(inputs, Some("msstd:mail.contoso.com"), "en")).await;
    let leaf = get(&first, "report.certificates.0.sha256_fingerprint")
        .as_string()
        .unwrap();
    let request = request(inputs, Some("msstd:mail.contoso.com"), "en");
    let answer = Object::new();
    for (name, value) in [
        ("certificate", leaf.as_str()),
        ("source", "ocsp"),
        ("url", "http://ocsp.contoso.com/"),
        ("status", "revoked"),
        ("revokedAt", "2026-03-01T00:00:00Z"),
        ("reason", "keyCompromise"),
    ] {
        Reflect::set(&answer, &name.into(), &value.into()).unwrap();
    }
    Reflect::set(&request, &"revocation".into(), &Array::of1(&answer)).unwrap();
    let response = analyze_as_the_page_does(request.clone()).await;
    assert!(
        codes(&response).contains(&"CERT_REVOKED".to_owned()),
        "{:?}",
        codes(&response)
    );
    assert_eq!(get(&response, "report.clients.2.outcome"), "no");

    Reflect::set(&answer, &"status".into(), &"maybe".into()).unwrap();
    assert_eq!(get(&analyze(request).unwrap_err(), "code"), "BAD_REQUEST");

    // A failure is a code with its detail, worded by the request's language.
    let request = self::request(inputs, Some("msstd:mail.contoso.com"), "it");
    let failed = Object::new();
    for (name, value) in [
        ("certificate", JsValue::from(leaf.as_str())),
        ("source", "ocsp".into()),
        ("url", "http://ocsp.contoso.com/".into()),
        ("status", "failed".into()),
        ("reason", "http-status".into()),
        ("detail", 503.into()),
    ] {
        Reflect::set(&failed, &name.into(), &value).unwrap();
    }
    Reflect::set(&request, &"revocation".into(), &Array::of1(&failed)).unwrap();
    let response = analyze_as_the_page_does(request.clone()).await;
    let finding = Array::from(&get(&response, "report.findings"))
        .iter()
        .find(|f| get(f, "code").as_string().as_deref() == Some("REVOCATION_CHECK_FAILED"))
        .unwrap();
    assert_eq!(get(&finding, "params.reason"), "http-status");
    let message = get(&finding, "message").as_string().unwrap();
    assert!(
        message.contains("il server ha risposto con lo stato HTTP 503"),
        "{message}"
    );
    // Words where a code belongs (or a code of another relay's version) are never shown as
    // they came: that answer is left out, and the analysis goes on.
    Reflect::set(&failed, &"reason".into(), &"the server answered HTTP 503".into()).unwrap();
    let response = analyze_as_the_page_does(request).await;
    assert!(!codes(&response).contains(&"REVOCATION_CHECK_FAILED".to_owned()));
}

/// Chromium's WebCrypto verifies ML-DSA (the WICG "Modern Algorithms" draft): an ML-DSA-87 root
/// and the ML-DSA-65 leaf it signs, made by `tests/post_quantum.rs`, are verified, not
/// `SIG_UNSUPPORTED`, and named as post-quantum.
#[wasm_bindgen_test]
async fn ml_dsa_signatures_are_verified_by_webcrypto() {
    const MLDSA: &str = include_str!("../../../tests/data/mldsa-chain.pem");
    let response = analyze_as_the_page_does(request(
        &[("mldsa-chain.pem", MLDSA.as_bytes())],
        Some("msstd:mail.contoso.com"),
        "en",
    ))
    .await;
    let codes = codes(&response);
    assert!(
        !codes
            .iter()
            .any(|c| c == "SIG_UNSUPPORTED" || c == "SIG_INVALID" || c == "KEY_WEAK"),
        "{codes:?}"
    );
    assert!(codes.iter().any(|c| c == "KEY_POST_QUANTUM"), "{codes:?}");
    assert_eq!(get(&response, "report.certificates.0.key.parameter_set"), "ML-DSA-65");
}
