//! The page's PKCS#12 module: the same exports as the main module, with `.pfx` support. The
//! page runs it in a worker, so a slow key derivation never freezes the tab.

msstd_check_js::export_bindings!();
