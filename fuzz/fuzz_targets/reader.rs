//! Mutated certificates (DER) through the own reader and x509-parser
//! (`x509::reference::compare`). A failure is one of the two directions that would change a
//! verdict: this reader accepting what x509-parser refuses (too lenient), or both reading the
//! same bytes to different fields (a misread). This reader refusing what x509-parser reads is
//! the safe direction and expected: it insists on DER (docs/reliability.md lists what it
//! refuses that x509-parser tolerates); the unit test keeps the real certificates equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::compare_with_reference_reader;

fuzz_target!(|data: &[u8]| {
    if let Err(difference) = compare_with_reference_reader(data) {
        assert!(difference.starts_with("only this reader refuses it"), "{difference}");
    }
});
