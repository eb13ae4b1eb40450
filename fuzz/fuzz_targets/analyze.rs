//! The whole analysis of a pasted chain: the first line is the msstd: value, the second the
//! host, the rest the certificates (or the input is all certificates when it has no newline).
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == b'\n');
    let (principal, host, chain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(p), Some(h), Some(c)) => (std::str::from_utf8(p).ok(), std::str::from_utf8(h).ok(), c),
        _ => (None, None, data),
    };
    let trust = TrustStore::mozilla();
    let options = Options {
        principal,
        host,
        now: UnixTime(1_780_000_000),
        trust: &trust,
        verifier: &msstd_check::signature::RustCrypto,
    };
    let _ = analyze(&[Input::new("pasted", chain)], &options);
});
