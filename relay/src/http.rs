//! Just enough HTTP/1.1 for `serve`: one request per connection, no request bodies, every
//! response closes the connection. Anything outside that is answered with a 400.

use std::io::{self, Read, Write};
use std::net::TcpStream;

/// Largest request head accepted (request line and headers).
const MAX_HEAD: usize = 16 * 1024;
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

/// Reads one request head from `stream` (whose read timeout the caller set).
pub(crate) fn read_request(stream: &mut TcpStream) -> Result<Option<Request>, BadRequest> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) if head.is_empty() => return Ok(None),
            Ok(0) => return Err(bad("the request ended before its headers did")),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) if head.is_empty() => return Ok(None),
            Err(_) => return Err(bad("the request head did not arrive in time")),
        };
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = find(&head, b"\r\n\r\n") {
            head.truncate(end);
            return parse(&head).map(Some);
        }
        if head.len() > MAX_HEAD {
            return Err(BadRequest {
                status: 431,
                reason: "the request head is too large",
            });
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses a request head (without the blank line that ends it).
pub(crate) fn parse(head: &[u8]) -> Result<Request, BadRequest> {
    let head = std::str::from_utf8(head).map_err(|_| bad("the request head is not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("the request line is not METHOD TARGET VERSION"));
    };
    if !matches!(version, "HTTP/1.1" | "HTTP/1.0") {
        return Err(bad("only HTTP/1.0 and HTTP/1.1 are spoken"));
    }
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad("the method is not a token"));
    }
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
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if headers.len() >= MAX_HEADERS {
            return Err(BadRequest {
                status: 431,
                reason: "too many headers",
            });
        }
        if line.starts_with([' ', '\t']) {
            return Err(bad("folded header lines are not accepted"));
        }
        let (name, value) = line.split_once(':').ok_or(bad("a header line has no colon"))?;
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(bad("a header name is not a token"));
        }
        if headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) && is_singleton(name) {
            return Err(bad("a header that must appear once appears twice"));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let request = Request {
        method: method.to_owned(),
        path,
        query,
        headers,
    };
    if request.header("transfer-encoding").is_some() || request.header("content-length").is_some_and(|v| v != "0") {
        return Err(bad("requests with a body are not accepted"));
    }
    Ok(request)
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

    /// Writes the response; `head_only` for HEAD requests.
    pub(crate) fn write(&self, stream: &mut impl Write, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\r\n",
            self.body.len()
        ));
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_browser_request() {
        let request = parse(
            b"GET /api/v1/chain?host=mail.contoso.com&port=443&sni=a%2Eb HTTP/1.1\r\nHost: 127.0.0.1:8787\r\nOrigin: http://127.0.0.1:8787",
        )
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
        for head in [
            &b""[..],
            b"GET",
            b"GET / HTTP/2",
            b"get / HTTP/1.1",
            b"GET http://evil/ HTTP/1.1",
            b"GET / HTTP/1.1 extra",
            b"GET /%zz HTTP/1.1",
            b"GET /%00 HTTP/1.1",
            b"GET / HTTP/1.1\r\nno colon",
            b"GET / HTTP/1.1\r\nHost: a\r\n folded",
            b"GET / HTTP/1.1\r\nHost: a\r\nHost: b",
            b"POST / HTTP/1.1\r\nContent-Length: 5",
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked",
            b"GET /\xff HTTP/1.1",
        ] {
            assert!(parse(head).is_err(), "{:?}", String::from_utf8_lossy(head));
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
    fn responses_close_and_say_their_length() {
        let mut out = Vec::new();
        Response::new(404, "text/plain", b"not found".to_vec())
            .write(&mut out, false)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"));
        assert!(text.contains("Content-Length: 9\r\nConnection: close\r\n"));
        assert!(text.ends_with("\r\n\r\nnot found"));
    }
}
