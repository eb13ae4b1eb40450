//! Compiles the catalogues (`locales/*.ftl`, see build/catalogue.rs), and records the commit this build comes from (`msstd_check::version::COMMIT`), so a report, the
//! page's footer and `msstd-relay --version` name it: `MSSTD_COMMIT` when set (a release
//! workflow sets it), else what git says, else `unknown` (a build from a crate tarball).

#![allow(
    clippy::panic,
    reason = "the build refuses a broken catalogue (build/catalogue.rs) by panicking: cargo stops and shows why"
)]

use std::path::Path;
use std::process::Command;

#[path = "build/catalogue.rs"]
mod catalogue;

fn main() {
    let out = std::env::var_os("OUT_DIR").unwrap_or_default();
    catalogue::compile(Path::new("locales"), Path::new(&out));
    println!("cargo:rerun-if-env-changed=MSSTD_COMMIT");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let git_dir = Path::new(&manifest).join(".git");
    // HEAD names the branch; the branch's ref (or packed-refs) moves with every commit.
    for watched in ["HEAD", "packed-refs"] {
        println!("cargo:rerun-if-changed={}", git_dir.join(watched).display());
    }
    if let Ok(head) = std::fs::read_to_string(git_dir.join("HEAD")) {
        if let Some(reference) = head.trim().strip_prefix("ref: ") {
            println!("cargo:rerun-if-changed={}", git_dir.join(reference).display());
        }
    }
    let commit = std::env::var("MSSTD_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".to_owned());
    let short: String = commit.trim().chars().take(12).collect();
    println!("cargo:rustc-env=MSSTD_CHECK_COMMIT={short}");
}

fn git_commit() -> Option<String> {
    let output = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}
