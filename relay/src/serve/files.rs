//! The built page, read-only, nothing outside it: from a folder (`--dist`) or compiled into the
//! binary ([`Page::Embedded`], a build with `MSSTD_PAGE_DIR`). The Brotli or gzip copy that
//! `scripts/build-page.sh` made beside a file when the browser accepts it, an `ETag` to answer
//! revalidations with 304, and cache headers: a year for the files whose names carry a content
//! hash (trunk's), revalidation for the others (the page, its scripts, the root stores).

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::api;
use crate::http::{Request, Response};

include!(concat!(env!("OUT_DIR"), "/page.rs"));

/// A file of the page compiled into the binary, with its precompressed copies.
pub(crate) struct File {
    /// Its path below the page's root, `/`-separated.
    path: &'static str,
    identity: &'static [u8],
    brotli: Option<&'static [u8]>,
    gzip: Option<&'static [u8]>,
    /// A hash of `identity`, for the ETag.
    hash: &'static str,
}

/// Where the page's files come from.
#[derive(Clone, Debug)]
pub(crate) enum Page {
    /// A folder (`--dist`), read at each request.
    Folder(PathBuf),
    /// The files compiled into this binary.
    Embedded(&'static [File]),
}

impl std::fmt::Debug for File {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path)
    }
}

impl Page {
    /// The page this binary carries, if it was built with one.
    pub(crate) fn embedded() -> Option<Self> {
        PAGE.map(Self::Embedded)
    }

    /// How many files it has (for the start-up line and `--version`).
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Folder(dir) => format!("the page from {}", dir.display()),
            Self::Embedded(files) => format!("the page built into this binary ({} files)", files.len()),
        }
    }
}

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
        // The root index and files (roots/*.txt) the page fetches by need, the whole stores
        // (data/*-roots.txt) its service worker keeps.
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// One file found for a request: the bytes to send, their coding, and the ETag.
struct Found {
    body: Cow<'static, [u8]>,
    encoding: Option<&'static str>,
    etag: String,
}

/// The codings the browser accepts that the page has copies for, best first.
const CODINGS: [(&str, &str); 2] = [("br", ".br"), ("gzip", ".gz")];

/// Answers a GET (or HEAD) of `request`'s path from the page.
pub(super) fn serve(page: Option<&Page>, request: &Request) -> Response {
    let Some(page) = page else {
        return api::error(
            404,
            "NOT_FOUND",
            "no page here: this msstd-relay carries no page and was given no --dist",
        );
    };
    let path = request.path.as_str();
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative.components().all(|c| matches!(c, Component::Normal(_))) && !path.contains('\\');
    if !safe {
        return api::error(404, "NOT_FOUND", "no such file");
    }
    let accepted = request.header("accept-encoding").unwrap_or_default();
    let (name, found) = match page {
        Page::Folder(dist) => {
            let mut file = dist.join(relative);
            if path.ends_with('/') || file.is_dir() {
                file = file.join("index.html");
            }
            let found = from_folder(&file, accepted);
            (file, found)
        }
        Page::Embedded(files) => {
            let wanted = relative.to_string_lossy().replace('\\', "/");
            let wanted = if path.ends_with('/') {
                format!("{wanted}{}index.html", if wanted.is_empty() { "" } else { "/" })
            } else {
                wanted
            };
            let file = files
                .iter()
                .find(|f| f.path == wanted)
                .or_else(|| files.iter().find(|f| f.path == format!("{wanted}/index.html")));
            (
                PathBuf::from(file.map_or(wanted.as_str(), |f| f.path)),
                file.map(|f| from_binary(f, accepted)),
            )
        }
    };
    let Some(found) = found else {
        return api::error(404, "NOT_FOUND", "no such file");
    };
    let cache = if content_hashed(&name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let headers = |response: Response| {
        let response = response
            .with("Cache-Control", cache)
            .with("ETag", found.etag.clone())
            .with("Vary", "Accept-Encoding");
        let response = match found.encoding {
            Some(encoding) => response.with("Content-Encoding", encoding),
            None => response,
        };
        if name.extension().is_some_and(|e| e == "html") {
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
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == found.etag))
    {
        return headers(Response::new(304, content_type(&name), Vec::new()));
    }
    let body = found.body.clone().into_owned();
    headers(Response::new(200, content_type(&name), body))
}

/// `file` of a folder, or its best accepted copy: size and modification time make the ETag.
fn from_folder(file: &Path, accepted: &str) -> Option<Found> {
    let (variant, encoding) = CODINGS
        .into_iter()
        .filter(|(name, _)| accepts(accepted, name))
        .map(|(name, suffix)| (with_suffix(file, suffix), Some(name)))
        .find(|(variant, _)| is_servable(variant))
        .unwrap_or_else(|| (file.to_path_buf(), None));
    let metadata = std::fs::metadata(&variant)
        .ok()
        .filter(|m| m.is_file() && m.len() <= MAX_FILE)?;
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let body = std::fs::read(&variant).ok()?;
    Some(Found {
        body: Cow::Owned(body),
        encoding,
        etag: format!(
            "\"{:x}-{modified:x}-{}\"",
            metadata.len(),
            encoding.unwrap_or("identity")
        ),
    })
}

/// A compiled-in file, or its best accepted copy: the content's hash makes the ETag.
fn from_binary(file: &File, accepted: &str) -> Found {
    let copy = |name: &str| match name {
        "br" => file.brotli,
        _ => file.gzip,
    };
    let (body, encoding) = CODINGS
        .into_iter()
        .filter(|(name, _)| accepts(accepted, name))
        .find_map(|(name, _)| copy(name).map(|bytes| (bytes, Some(name))))
        .unwrap_or((file.identity, None));
    Found {
        body: Cow::Borrowed(body),
        encoding,
        etag: format!("\"{}-{}\"", file.hash, encoding.unwrap_or("identity")),
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
        let dir = std::env::temp_dir().join(format!("msstd-relay-files-{}", std::process::id()));
        let dist = Page::Folder(dir.clone());
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("sub/app.js"), "1").unwrap();
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
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn precompressed_copies_etags_and_cache_lifetimes() {
        let dir = std::env::temp_dir().join(format!("msstd-relay-encodings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.js"), "plain").unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.js.br"), "brotli").unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.js.gz"), "gzip").unwrap();
        std::fs::write(dir.join("sw.js"), "worker").unwrap();
        precompressed_copies_of(&Page::Folder(dir.clone()));
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// The same files compiled in, as a build with `MSSTD_PAGE_DIR` has them.
    #[test]
    fn an_embedded_page_is_served_like_a_folder() {
        static FILES: [File; 3] = [
            File {
                path: "app-0123456789abcdef.js",
                identity: b"plain",
                brotli: Some(b"brotli"),
                gzip: Some(b"gzip"),
                hash: "00000000000000aa",
            },
            File {
                path: "index.html",
                identity: b"<!doctype html>",
                brotli: None,
                gzip: None,
                hash: "00000000000000bb",
            },
            File {
                path: "sw.js",
                identity: b"worker",
                brotli: None,
                gzip: None,
                hash: "00000000000000cc",
            },
        ];
        let page = Page::Embedded(&FILES);
        precompressed_copies_of(&page);
        let status = |path: &str| serve(Some(&page), &get(path, &[])).status;
        assert_eq!(status("/"), 200);
        assert_eq!(status("/index.html"), 200);
        for missing in ["/sub/", "/../index.html", "/index.htm", "/index.html/"] {
            assert_eq!(status(missing), 404, "{missing}");
        }
        let html = serve(Some(&page), &get("/", &[("Accept-Encoding", "br")]));
        assert_eq!(html.body, b"<!doctype html>");
        assert_eq!(header(&html, "content-encoding"), None, "no copy: the file itself");
        assert_eq!(header(&html, "etag"), Some("\"00000000000000bb-identity\""));
        assert!(header(&html, "content-security-policy").is_some());
    }

    fn precompressed_copies_of(dist: &Page) {
        let path = "/app-0123456789abcdef.js";
        let served = |accept: &str| serve(Some(dist), &get(path, &[("Accept-Encoding", accept)]));
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
            Some(dist),
            &get(path, &[("Accept-Encoding", "br"), ("If-None-Match", &etag)]),
        );
        assert_eq!((again.status, again.body.len()), (304, 0));
        // A name without a content hash is revalidated every time.
        let worker = serve(Some(dist), &get("/sw.js", &[("Accept-Encoding", "br")]));
        assert_eq!(
            (header(&worker, "cache-control"), header(&worker, "content-encoding")),
            (Some("no-cache"), None)
        );
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
