//! The built page from `dist/`, read-only, nothing outside it: the Brotli or gzip copy that
//! `scripts/build-page.sh` made beside a file when the browser accepts it, an `ETag` to answer
//! revalidations with 304, and cache headers: a year for the files whose names carry a content
//! hash (trunk's), revalidation for the others (the page, its scripts, the root stores).

use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::api;
use crate::http::{Request, Response};

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

/// Answers a GET (or HEAD) of `request`'s path from `dist`.
pub(super) fn serve(dist: Option<&Path>, request: &Request) -> Response {
    let Some(dist) = dist else {
        return api::error(
            404,
            "NOT_FOUND",
            "no page here: the relay was started without a built page",
        );
    };
    let path = request.path.as_str();
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative.components().all(|c| matches!(c, Component::Normal(_))) && !path.contains('\\');
    if !safe {
        return api::error(404, "NOT_FOUND", "no such file");
    }
    let mut file = dist.join(relative);
    if path.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    let accepted = request.header("accept-encoding").unwrap_or_default();
    let (variant, encoding) = [("br", ".br"), ("gzip", ".gz")]
        .into_iter()
        .filter(|(name, _)| accepts(accepted, name))
        .map(|(name, suffix)| (with_suffix(&file, suffix), Some(name)))
        .find(|(variant, _)| is_servable(variant))
        .unwrap_or_else(|| (file.clone(), None));
    let Some(metadata) = std::fs::metadata(&variant)
        .ok()
        .filter(|m| m.is_file() && m.len() <= MAX_FILE)
    else {
        return api::error(404, "NOT_FOUND", "no such file");
    };
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let etag = format!(
        "\"{:x}-{modified:x}-{}\"",
        metadata.len(),
        encoding.unwrap_or("identity")
    );
    let cache = if content_hashed(&file) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let headers = |response: Response| {
        let response = response
            .with("Cache-Control", cache)
            .with("ETag", etag.clone())
            .with("Vary", "Accept-Encoding");
        let response = match encoding {
            Some(encoding) => response.with("Content-Encoding", encoding),
            None => response,
        };
        if file.extension().is_some_and(|e| e == "html") {
            // What a meta element cannot say: no framing, no opener.
            response
                .with("Content-Security-Policy", "frame-ancestors 'none'")
                .with("Cross-Origin-Opener-Policy", "same-origin")
        } else {
            response
        }
    };
    if request
        .header("if-none-match")
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag))
    {
        return headers(Response::new(304, content_type(&file), Vec::new()));
    }
    match std::fs::read(&variant) {
        Ok(body) => headers(Response::new(200, content_type(&file), body)),
        Err(_) => api::error(404, "NOT_FOUND", "no such file"),
    }
}

/// A regular file within the size cap.
fn is_servable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether an `Accept-Encoding` value accepts `coding` (listed, and not with `q=0`).
fn accepts(header: &str, coding: &str) -> bool {
    header.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

/// Whether trunk put a content hash in the name (`style-6b4c2165a7e6e0c5.css`,
/// `msstd-check-web-6dc140aad360fa75_bg.wasm`): such a file never changes under its name.
fn content_hashed(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str, headers: &[(&str, &str)]) -> Request {
        let mut builder = hyper::Request::builder().method("GET").uri(path);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        Request::from_parts(&builder.body(()).unwrap().into_parts().0).unwrap()
    }

    fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
        response
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn serves_only_files_inside_dist() {
        let dist = std::env::temp_dir().join(format!("msstd-relay-files-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("sub")).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dist.join("sub/app.js"), "1").unwrap();
        let status = |path: &str| serve(Some(&dist), &get(path, &[])).status;
        assert_eq!(status("/"), 200);
        assert_eq!(status("/sub/app.js"), 200);
        assert_eq!(status("/sub/"), 404);
        for hostile in [
            "/../Cargo.toml",
            "/sub/../../etc/passwd",
            "/./index.html",
            "/..%5cx",
            "//etc/passwd",
        ] {
            assert_eq!(status(hostile), 404, "{hostile}");
        }
        let html = serve(Some(&dist), &get("/", &[]));
        assert!(header(&html, "content-type").is_some_and(|v| v.starts_with("text/html")));
        assert_eq!(serve(None, &get("/", &[])).status, 404);
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn precompressed_copies_etags_and_cache_lifetimes() {
        let dist = std::env::temp_dir().join(format!("msstd-relay-encodings-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("app-0123456789abcdef.js"), "plain").unwrap();
        std::fs::write(dist.join("app-0123456789abcdef.js.br"), "brotli").unwrap();
        std::fs::write(dist.join("app-0123456789abcdef.js.gz"), "gzip").unwrap();
        std::fs::write(dist.join("sw.js"), "worker").unwrap();
        let path = "/app-0123456789abcdef.js";
        let served = |accept: &str| serve(Some(&dist), &get(path, &[("Accept-Encoding", accept)]));
        let br = served("gzip, deflate, br");
        assert_eq!(
            (br.body.as_slice(), header(&br, "content-encoding")),
            (&b"brotli"[..], Some("br"))
        );
        assert_eq!(header(&br, "content-type"), Some("text/javascript; charset=utf-8"));
        assert_eq!(
            header(&br, "cache-control"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(header(&br, "vary"), Some("Accept-Encoding"));
        let gz = served("gzip;q=1, br;q=0");
        assert_eq!(
            (gz.body.as_slice(), header(&gz, "content-encoding")),
            (&b"gzip"[..], Some("gzip"))
        );
        let plain = served("identity");
        assert_eq!(
            (plain.body.as_slice(), header(&plain, "content-encoding")),
            (&b"plain"[..], None)
        );
        // Revalidation: the same ETag gets 304 and no body; another encoding has another tag.
        let etag = header(&br, "etag").unwrap().to_owned();
        assert_ne!(Some(etag.as_str()), header(&gz, "etag"));
        let again = serve(
            Some(&dist),
            &get(path, &[("Accept-Encoding", "br"), ("If-None-Match", &etag)]),
        );
        assert_eq!((again.status, again.body.len()), (304, 0));
        // A name without a content hash is revalidated every time.
        let worker = serve(Some(&dist), &get("/sw.js", &[("Accept-Encoding", "br")]));
        assert_eq!(
            (header(&worker, "cache-control"), header(&worker, "content-encoding")),
            (Some("no-cache"), None)
        );
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn content_hashes_and_codings() {
        assert!(content_hashed(Path::new("msstd-check-web-6dc140aad360fa75_bg.wasm")));
        assert!(content_hashed(Path::new("style-6b4c2165a7e6e0c5.css")));
        assert!(!content_hashed(Path::new("msstd-check-pfx_bg.wasm")));
        assert!(!content_hashed(Path::new("app.js")));
        assert!(accepts("gzip, br", "br"));
        assert!(accepts("BR;q=0.5", "br"));
        assert!(!accepts("br;q=0", "br"));
        assert!(!accepts("brotli", "br"));
    }
}
