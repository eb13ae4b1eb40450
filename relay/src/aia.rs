//! A missing intermediate, downloaded from the certificate's Authority Information Access
//! caIssuers URL, as the Windows chain engine would download it. Plain `http://` only (what CAs
//! publish and clients fetch), under the fetch's policy for every address it connects to
//! (redirects followed by hand, each hop resolved and checked again), within a size cap and the
//! fetch's time cap.

use msstd_check::completion::{is_plain_http, Download};
use msstd_check::Input;

use crate::settings::Settings;
use crate::web;

/// Largest answer read: a certificate, or a small PKCS#7 bag of them.
pub(crate) const MAX_AIA_BYTES: u64 = 64 * 1024;
/// Redirects followed.
const MAX_REDIRECTS: usize = 3;

/// The missing issuer, downloaded from the first of `urls` (a certificate's caIssuers URLs, as
/// the engine's [`msstd_check::completion::Need::Issuer`] lists them); `None` when it cannot be
/// downloaded or does not read as certificates, which is said on standard error.
pub(crate) fn issuer(urls: &[String], settings: &Settings) -> Option<Download> {
    let url = urls.first()?;
    let name = format!("{url} (downloaded: the issuer the server does not send)");
    let got = download(url, settings).and_then(|bytes| {
        msstd_check::input::decode(&Input::new(&name, &bytes))
            .map(|_| bytes)
            .map_err(|e| format!("{url}: {e}"))
    });
    match got {
        Ok(bytes) => Some(Download {
            url: url.clone(),
            name,
            bytes,
        }),
        Err(reason) => {
            eprintln!("msstd-relay: the missing issuer could not be downloaded: {reason}");
            None
        }
    }
}

/// The body at `url`, or why it could not be downloaded.
pub(crate) fn download(url: &str, settings: &Settings) -> Result<Vec<u8>, String> {
    let mut url = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        if !is_plain_http(&url) {
            return Err(format!("{url}: only http:// addresses are downloaded"));
        }
        let answer = web::send(&url, web::Request::Get, settings, MAX_AIA_BYTES)?;
        match answer.status {
            300..=399 => {
                url = answer
                    .location
                    .ok_or_else(|| format!("{url}: a redirect without a Location"))?;
            }
            200..=299 if answer.truncated => return Err(format!("{url}: more than {MAX_AIA_BYTES} bytes")),
            200..=299 => return Ok(answer.body),
            status => return Err(format!("{url}: HTTP {status}")),
        }
    }
    Err(format!("more than {MAX_REDIRECTS} redirects"))
}
