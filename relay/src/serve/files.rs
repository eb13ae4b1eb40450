//! The built page from `dist/`, read-only, nothing outside it.

use std::path::{Component, Path};

use super::api;
use crate::http::Response;

/// Largest file served (the PKCS#12 module is about 1 MB).
const MAX_FILE: u64 = 16 * 1024 * 1024;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        // The root stores (data/*-roots.txt), fetched by the page after its first verdict.
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Answers a GET for `path` from `dist`.
pub(super) fn serve(dist: Option<&Path>, path: &str) -> Response {
    let Some(dist) = dist else {
        return api::error(
            404,
            "NOT_FOUND",
            "no page here: the relay was started without a built page",
        );
    };
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative.components().all(|c| matches!(c, Component::Normal(_))) && !path.contains('\\');
    if !safe {
        return api::error(404, "NOT_FOUND", "no such file");
    }
    let mut file = dist.join(relative);
    if path.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    let readable = std::fs::metadata(&file).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE);
    match readable.then(|| std::fs::read(&file)) {
        Some(Ok(body)) => {
            let response = Response::new(200, content_type(&file), body).with("Cache-Control", "no-cache");
            if file.extension().is_some_and(|e| e == "html") {
                // What a meta element cannot say: no framing, no opener.
                response
                    .with("Content-Security-Policy", "frame-ancestors 'none'")
                    .with("Cross-Origin-Opener-Policy", "same-origin")
            } else {
                response
            }
        }
        _ => api::error(404, "NOT_FOUND", "no such file"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_only_files_inside_dist() {
        let dist = std::env::temp_dir().join(format!("msstd-relay-files-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("sub")).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dist.join("sub/app.js"), "1").unwrap();
        let status = |path: &str| serve(Some(&dist), path).status;
        assert_eq!(status("/"), 200);
        assert_eq!(status("/sub/app.js"), 200);
        assert_eq!(status("/sub/"), 404);
        for hostile in [
            "/../Cargo.toml",
            "/sub/../../etc/passwd",
            "/./index.html",
            "/..\\x",
            "//etc/passwd",
        ] {
            assert_eq!(status(hostile), 404, "{hostile}");
        }
        let html = serve(Some(&dist), "/");
        assert!(html
            .headers
            .iter()
            .any(|(n, v)| *n == "Content-Type" && v.starts_with("text/html")));
        assert_eq!(serve(None, "/").status, 404);
        std::fs::remove_dir_all(dist).unwrap();
    }
}
