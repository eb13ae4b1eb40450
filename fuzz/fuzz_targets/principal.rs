//! Any text as the msstd: value, in any of the forms it is pasted in: parsing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::principal;

fuzz_target!(|text: &str| {
    let _ = principal::parse(text);
});
