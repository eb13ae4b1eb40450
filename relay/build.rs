//! Embeds the built page in the binary when `MSSTD_PAGE_DIR` names it (a folder with an
//! `index.html`, as `scripts/build-page.sh` writes to `dist/`; a relative path is taken from the
//! workspace root), so that one file serves page and API. `scripts/package.sh` and the release
//! workflow set it. Without it the binary carries no page, and `serve` says so.
//!
//! Opt-in rather than found: a `dist/` left over from an older build would otherwise be
//! embedded without anyone asking.

#![allow(
    clippy::expect_used,
    reason = "a build script fails by panicking: cargo stops the build and shows the message"
)]

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=MSSTD_PAGE_DIR");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = match std::env::var_os("MSSTD_PAGE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => {
            let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
            let dir = workspace.join(dir);
            // A folder: cargo looks at every file in it.
            println!("cargo:rerun-if-changed={}", dir.display());
            assert!(
                dir.join("index.html").is_file(),
                "MSSTD_PAGE_DIR={}: no index.html there (run scripts/build-page.sh first)",
                dir.display()
            );
            embedded(&dir)
        }
        None => "/// No page in this build (`MSSTD_PAGE_DIR` was not set).\npub(crate) static PAGE: Option<&[File]> = None;\n".to_owned(),
    };
    std::fs::write(out.join("page.rs"), code).expect("OUT_DIR is writable");
}

/// `PAGE` with every file of `dir` and its `.br` and `.gz` copies.
fn embedded(dir: &Path) -> String {
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.retain(|f| !matches!(f.extension().and_then(|e| e.to_str()), Some("br" | "gz")));
    files.sort();
    let mut code = String::from(
        "/// The page, as `scripts/build-page.sh` built it.\npub(crate) static PAGE: Option<&[File]> = Some(&[\n",
    );
    for file in &files {
        let relative = file.strip_prefix(dir).expect("walked below dir");
        let name: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let bytes = std::fs::read(file).expect("a file of the page reads");
        let mut hasher = DefaultHasher::new();
        hasher.write(&bytes);
        let variant = |suffix: &str| {
            let mut path = file.clone().into_os_string();
            path.push(suffix);
            let path = PathBuf::from(path);
            if path.is_file() {
                format!("Some(include_bytes!({:?}))", path.display().to_string())
            } else {
                "None".to_owned()
            }
        };
        let _ = writeln!(
            code,
            "    File {{ path: {:?}, identity: include_bytes!({:?}), brotli: {}, gzip: {}, hash: \"{:016x}\" }},",
            name.join("/"),
            file.display().to_string(),
            variant(".br"),
            variant(".gz"),
            hasher.finish()
        );
    }
    code.push_str("]);\n");
    code
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("the page's folder reads");
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}
