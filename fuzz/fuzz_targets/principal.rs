//! Any text as the msstd: value, in any of the forms it is pasted in: parsing never panics, and a
//! value found inside other text is a piece of that text, never one made up from it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::principal::{self, Form};

fuzz_target!(|text: &str| {
    let Some(parsed) = principal::parse(text) else {
        return;
    };
    if parsed.form == Form::Text {
        for value in parsed.as_found.iter().chain(&parsed.others) {
            assert!(text.contains(value.as_str()), "{value:?} is not in {text:?}");
            let lower = value.to_ascii_lowercase();
            assert!(lower.starts_with("msstd:") || lower.starts_with("fullsic:"), "{value:?}");
        }
        assert!(parsed.others.iter().all(|o| !parsed.as_found.as_deref().is_some_and(|f| f.eq_ignore_ascii_case(o))));
    }
});
