//! The page's main WebAssembly module: the whole engine but PKCS#12, Exchange's settings and
//! certificate requests, which it refuses as `unsupported` and the page hands to the second
//! module (`msstd-check-pfx`, in a worker), to keep the first load small.

msstd_check_js::export_bindings!();
