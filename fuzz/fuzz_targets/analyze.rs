//! The whole analysis of a pasted chain: the first line is the msstd: value, the second the
//! host, the rest the certificates (or the input is all certificates when it has no newline).
//!
//! Also differential: the page's asynchronous protocol (analyse with the answers so far,
//! verify what is pending, again) must end in the report the built-in verifier gives at once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::signature::{Answers, RustCrypto};
use msstd_check::{analyze, render, Input, Options, TrustStore, UnixTime, Verifier};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == b'\n');
    let (principal, host, chain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(p), Some(h), Some(c)) => (std::str::from_utf8(p).ok(), std::str::from_utf8(h).ok(), c),
        _ => (None, None, data),
    };
    // Read once: Microsoft's program takes about 0.4 ms to read, longer than most runs.
    static WINDOWS: std::sync::OnceLock<TrustStore> = std::sync::OnceLock::new();
    let trust = TrustStore::mozilla();
    let options = Options {
        principal,
        host,
        now: UnixTime(1_780_000_000),
        trust: Some(&trust),
        windows_trust: Some(WINDOWS.get_or_init(TrustStore::microsoft)),
        verifier: &RustCrypto,
        revocation: &[],
    };
    let inputs = [Input::new("pasted", chain)];
    let at_once = analyze(&inputs, &options);

    let mut answers = Answers::new();
    let mut rounds = 0;
    let asked = loop {
        let report = analyze(&inputs, &Options { verifier: &answers, ..options });
        let pending = answers.take_pending();
        if pending.is_empty() {
            break report;
        }
        rounds += 1;
        assert!(rounds <= 16, "the answers do not converge");
        for check in pending {
            answers.insert(check.id, RustCrypto.verify(&check.check()));
        }
    };
    match (at_once, asked) {
        (Ok(a), Ok(b)) => assert_eq!(render::json(&a), render::json(&b)),
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code()),
        _ => panic!("one verifier found the input usable and the other did not"),
    }
});
