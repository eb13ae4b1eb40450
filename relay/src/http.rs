//! The requests `serve` routes and the responses it gives, between hyper (which parses and
//! writes HTTP/1.1) and the routing: no request bodies, each security header once, decoded
//! paths and queries. Anything outside that is answered with a 400.

use bytes::Bytes;
use http_body_util::Full;

/// Largest request head accepted (request line and headers): hyper's read buffer.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// Most header lines accepted.
const MAX_HEADERS: usize = 64;

/// A parsed request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub method: String,
    /// The decoded path, always starting with `/`.
    pub path: String,
    /// The decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
}

impl Request {
    /// The request hyper parsed, as `serve` routes it: an origin-form target with its path and
    /// query decoded, no body, each security header at most once, every value text.
    pub(crate) fn from_parts(parts: &hyper::http::request::Parts) -> Result<Self, BadRequest> {
        if parts.uri.scheme().is_some() || parts.uri.authority().is_some() {
            return Err(bad("the request target must be a path"));
        }
        let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        if !target.starts_with('/') {
            return Err(bad("the request target must be a path"));
        }
        let (raw_path, raw_query) = target.split_once('?').unwrap_or((target, ""));
        let path = percent_decode(raw_path, false).ok_or(bad("the path has a bad %-escape"))?;
        let mut query = Vec::new();
        for pair in raw_query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name, true).ok_or(bad("the query has a bad %-escape"))?;
            let value = percent_decode(value, true).ok_or(bad("the query has a bad %-escape"))?;
            query.push((name, value));
        }
        if parts.headers.len() > MAX_HEADERS {
            return Err(BadRequest {
                status: 431,
                reason: "too many headers",
            });
        }
        let mut headers = Vec::with_capacity(parts.headers.len());
        for (name, value) in &parts.headers {
            if is_singleton(name.as_str()) && parts.headers.get_all(name).iter().count() > 1 {
                return Err(bad("a header that must appear once appears twice"));
            }
            let value = value.to_str().map_err(|_| bad("a header value is not text"))?;
            headers.push((name.as_str().to_owned(), value.trim().to_owned()));
        }
        let request = Self {
            method: parts.method.as_str().to_owned(),
            path,
            query,
            headers,
        };
        if request.header("transfer-encoding").is_some() || request.header("content-length").is_some_and(|v| v != "0") {
            return Err(bad("requests with a body are not accepted"));
        }
        Ok(request)
    }
    /// The value of the header `name` (case-insensitive), if sent once; a repeated header
    /// counts as absent-and-suspicious and is refused when parsing.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request was not understood; becomes a 400 (or 431 for a head that is too large).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BadRequest {
    pub status: u16,
    pub reason: &'static str,
}

const fn bad(reason: &'static str) -> BadRequest {
    BadRequest { status: 400, reason }
}

/// Headers whose repetition could make two readers of one request disagree.
fn is_singleton(name: &str) -> bool {
    [
        "host",
        "origin",
        "content-length",
        "transfer-encoding",
        "sec-fetch-site",
    ]
    .iter()
    .any(|h| h.eq_ignore_ascii_case(name))
}

/// Decodes `%XX` escapes (and `+` as a space in a query); `None` for a bad escape, for text
/// that is not UTF-8 after decoding, or for a NUL.
pub(crate) fn percent_decode(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

/// A response about to be written.
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body of the given type.
    pub(crate) fn new(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type", content_type.to_owned())],
            body,
        }
    }

    /// A JSON response.
    pub(crate) fn json(status: u16, value: &serde_json::Value) -> Self {
        let body = serde_json::to_vec_pretty(value).unwrap_or_default();
        Self::new(status, "application/json", body)
    }

    /// Adds a header.
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The response as hyper sends it, with the headers every answer carries.
    pub(crate) fn into_hyper(self) -> hyper::Response<Full<Bytes>> {
        let mut builder = hyper::Response::builder().status(self.status);
        for (name, value) in &self.headers {
            builder = builder.header(*name, value.as_str());
        }
        builder
            .header("X-Content-Type-Options", "nosniff")
            .header("Referrer-Policy", "no-referrer")
            .body(Full::new(Bytes::from(self.body)))
            .unwrap_or_else(|_| {
                let mut fallback = hyper::Response::new(Full::new(Bytes::new()));
                *fallback.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
                fallback
            })
    }

    /// The whole 503 refusal as bytes, written before hyper takes the connection.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} Service Unavailable\r\n", self.status);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(target: &str, headers: &[(&str, &str)]) -> hyper::http::request::Parts {
        let mut builder = hyper::Request::builder().method("GET").uri(target);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn reads_a_browser_request() {
        let request = Request::from_parts(&parts(
            "/api/v1/chain?host=mail.contoso.com&port=443&sni=a%2Eb",
            &[("Host", "127.0.0.1:8787"), ("Origin", "http://127.0.0.1:8787")],
        ))
        .unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.path, "/api/v1/chain");
        assert_eq!(
            request.query,
            vec![
                ("host".into(), "mail.contoso.com".into()),
                ("port".into(), "443".into()),
                ("sni".into(), "a.b".into())
            ]
        );
        assert_eq!(request.header("HOST"), Some("127.0.0.1:8787"));
        assert_eq!(request.header("referer"), None);
    }

    #[test]
    fn refuses_what_it_does_not_speak() {
        for (target, headers) in [
            ("http://evil/", &[][..]),
            ("/%zz", &[]),
            ("/%00", &[]),
            ("/", &[("Host", "a"), ("Host", "b")]),
            ("/", &[("Origin", "a"), ("Origin", "b")]),
            ("/", &[("Content-Length", "5")]),
            ("/", &[("Transfer-Encoding", "chunked")]),
        ] {
            assert!(
                Request::from_parts(&parts(target, headers)).is_err(),
                "{target} {headers:?}"
            );
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b+c", true).as_deref(), Some("a b c"));
        assert_eq!(percent_decode("a+b", false).as_deref(), Some("a+b"));
        assert_eq!(percent_decode("%e2%9c%93", false).as_deref(), Some("✓"));
        assert_eq!(percent_decode("%", false), None);
        assert_eq!(percent_decode("%ff", false), None);
    }

    #[test]
    fn the_refusal_closes_and_says_its_length() {
        let text = String::from_utf8(Response::new(503, "text/plain", b"busy".to_vec()).to_bytes()).unwrap();
        assert!(text.starts_with("HTTP/1.1 503 Service Unavailable\r\n"));
        assert!(text.contains("Content-Length: 4\r\nConnection: close\r\n"));
        assert!(text.ends_with("\r\n\r\nbusy"));
    }
}
