//! The page's main WebAssembly module: the whole engine but PKCS#12, which the page loads
//! separately (`msstd-check-pfx`) only when a `.pfx` arrives, to keep the first load small.

msstd_check_js::export_bindings!();
