//! The page's second module: the same exports as the main module, with what that one leaves out
//! (`.pfx` files, Exchange's settings, certificate requests). The page runs it in a worker, so a
//! slow key derivation never freezes the tab.

msstd_check_js::export_bindings!();
