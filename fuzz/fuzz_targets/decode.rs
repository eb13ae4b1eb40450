//! Any bytes, as a file or a paste, with and without a password: decoding never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::input::decode;
use msstd_check::Input;

fuzz_target!(|data: &[u8]| {
    let _ = decode(&Input::new("fuzz", data));
    let _ = decode(&Input::new("fuzz.pfx", data).with_password("password"));
});
