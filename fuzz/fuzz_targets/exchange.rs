//! Exchange's settings as pasted text (`src/input/exchange.rs`, `src/exchange/`): any text,
//! alone and beside a fixed certificate. Nothing panics; the connectors never change a client
//! verdict (they are mail flow, not Outlook); and a connector that names the given
//! certificate by the `<I>…<S>…` string the report gives it finds it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};

const LEAF: &[u8] = include_bytes!("../../tests/data/contoso-leaf.pem");

fuzz_target!(|data: &[u8]| {
    let trust = TrustStore::mozilla();
    let options = Options::new(UnixTime(1_780_000_000), &msstd_check::signature::RustCrypto).trust(&trust);
    let _ = analyze(&[Input::new("pasted", data)], &options);
    let Ok(beside) = analyze(&[Input::new("leaf.pem", LEAF), Input::new("pasted", data)], &options) else {
        return;
    };
    let Ok(alone) = analyze(&[Input::new("leaf.pem", LEAF)], &options) else {
        return;
    };
    if beside.names.is_none() && beside.certificates.len() == alone.certificates.len() {
        assert_eq!(
            beside.clients.iter().map(|c| c.outcome).collect::<Vec<_>>(),
            alone.clients.iter().map(|c| c.outcome).collect::<Vec<_>>(),
            "a connector changed whether a client connects"
        );
    }
    if let Some(exchange) = &beside.exchange {
        let given = &exchange.certificates[0];
        let text = format!(
            "Identity : fuzzed\nAddressSpaces : {{smtp:*;1}}\nTlsCertificateName : {}\n",
            given.tls_certificate_name
        );
        let named = analyze(&[Input::new("leaf.pem", LEAF), Input::new("connector", text.as_bytes())], &options)
            .ok()
            .and_then(|r| r.exchange)
            .and_then(|e| e.connectors.first().and_then(|c| c.certificate));
        assert_eq!(named, Some(0), "its own string does not name it: {}", given.tls_certificate_name);
    }
});
