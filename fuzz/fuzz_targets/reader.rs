//! Mutated certificates (DER): the own reader and x509-parser must refuse alike or read the
//! same fields (`x509::reference::compare`); any other difference is a bug in one of the two,
//! or a deliberate refusal to document in docs/reliability.md.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msstd_check::compare_with_reference_reader;

fuzz_target!(|data: &[u8]| {
    if let Err(difference) = compare_with_reference_reader(data) {
        // The two deliberate refusals (docs/reliability.md) are not differences to report.
        let deliberate = difference.contains("an extension appears twice")
            || difference.contains("more attributes than any real one");
        assert!(deliberate, "{difference}");
    }
});
