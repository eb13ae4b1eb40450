//! A missing intermediate, downloaded from the certificate's Authority Information Access
//! caIssuers URL, as the Windows chain engine would download it. Plain `http://` only (what CAs
//! publish and clients fetch), under the fetch's policy for every address it connects to
//! (redirects followed by hand, each hop resolved and checked again), within a size cap and the
//! fetch's time cap.

use msstd_check::{ChainStatus, Input, Report};

use crate::fetch::Fetched;
use crate::settings::Settings;
use crate::web;

/// Largest answer read: a certificate, or a small PKCS#7 bag of them.
pub(crate) const MAX_AIA_BYTES: u64 = 64 * 1024;
/// Redirects followed.
const MAX_REDIRECTS: usize = 3;
/// Issuers downloaded for one chain, one after the other.
const MAX_DOWNLOADS: usize = 2;

/// An issuer downloaded from an AIA URL.
pub(crate) struct Downloaded {
    pub url: String,
    /// The input name the report shows for it.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Judges the chain `fetched` presents with `judge` (beside `extra` inputs, such as roots given
/// as trusted); while the path stops at an issuer the server does not send and the certificate
/// names it at an `http://` caIssuers URL, downloads it and judges again with it marked as
/// fetched. Starts from the issuers `already` downloaded (a second judgement, with revocation
/// answers, downloads nothing again). Returns the last report and what was downloaded; a failed
/// download ends the loop and is said on standard error.
pub(crate) fn complete<E>(
    fetched: &Fetched,
    extra: &[Input<'_>],
    settings: &Settings,
    already: Vec<Downloaded>,
    judge: impl Fn(&[Input<'_>]) -> Result<Report, E>,
) -> Result<(Report, Vec<Downloaded>), E> {
    // One input, so that the engine judges the order the server sent them in.
    let presented = fetched.pem();
    let name = format!("{} (as presented)", fetched.target);
    let mut downloaded = already;
    loop {
        let report = {
            let inputs: Vec<Input<'_>> = std::iter::once(Input::new(&name, presented.as_bytes()))
                .chain(
                    downloaded
                        .iter()
                        .map(|d| Input::new(&d.name, &d.bytes).fetched_from(&d.url)),
                )
                .chain(extra.iter().copied())
                .collect();
            judge(&inputs)?
        };
        if report.chain.status != ChainStatus::Incomplete || downloaded.len() == MAX_DOWNLOADS {
            return Ok((report, downloaded));
        }
        let top = report.chain.path.last().and_then(|&i| report.certificates.get(i));
        let url = top
            .into_iter()
            .flat_map(|cert| cert.ca_issuers.iter())
            .find(|url| web::is_plain_http(url) && !downloaded.iter().any(|d| d.url == **url));
        let Some(url) = url else {
            return Ok((report, downloaded));
        };
        let name = format!("{url} (downloaded: the issuer the server does not send)");
        // Only what reads as a certificate joins the analysis.
        let got = download(url, settings).and_then(|bytes| {
            msstd_check::input::decode(&Input::new(&name, &bytes))
                .map(|_| bytes)
                .map_err(|e| format!("{url}: {e}"))
        });
        match got {
            Ok(bytes) => downloaded.push(Downloaded {
                url: url.clone(),
                name,
                bytes,
            }),
            Err(reason) => {
                eprintln!("msstd-relay: the missing issuer could not be downloaded: {reason}");
                return Ok((report, downloaded));
            }
        }
    }
}

/// The body at `url`, or why it could not be downloaded.
pub(crate) fn download(url: &str, settings: &Settings) -> Result<Vec<u8>, String> {
    let mut url = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        if !web::is_plain_http(&url) {
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
