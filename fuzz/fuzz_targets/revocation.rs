//! Any bytes as an OCSP response and as a CRL about a fixed certificate: reading and judging
//! them never panics. Every signature is taken as valid here, so that the fuzzer reaches what
//! comes after the signature check (the single responses, the revoked list) as well.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use msstd_check::revocation::{judge, Issuer, Source};
use msstd_check::signature::{SignatureCheck, Verification, Verifier};
use msstd_check::{Input, UnixTime};

struct AcceptAll;

impl Verifier for AcceptAll {
    fn verify(&self, _: &SignatureCheck<'_>) -> Verification {
        Verification::Valid
    }
}

/// The self-signed EXCH01 certificate of tests/data, its own issuer.
fn certificate() -> &'static [u8] {
    static DER: OnceLock<Vec<u8>> = OnceLock::new();
    DER.get_or_init(|| {
        let pem = include_bytes!("../../tests/data/selfsigned-exchange.pem");
        let decoded = msstd_check::input::decode(&Input::new("seed", pem)).expect("the fixture decodes");
        decoded.certificates.into_iter().next().expect("one certificate")
    })
}

fuzz_target!(|data: &[u8]| {
    let cert = certificate();
    let issuer = Issuer::from_certificate(cert).expect("the fixture reads");
    let now = UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").expect("a time");
    for source in [Source::Ocsp, Source::Stapled, Source::Crl] {
        let _ = judge(cert, &issuer, source, "http://fuzz/", data, now, &AcceptAll);
    }
});
