//! A missing intermediate, downloaded from the certificate's Authority Information Access
//! caIssuers URL, as the Windows chain engine would download it. Plain `http://` only (what CAs
//! publish and clients fetch), under the fetch's policy for every address it connects to
//! (redirects followed by hand, each hop resolved and checked again), within a size cap and the
//! fetch's time cap.

use std::io::Read as _;
use std::net::{SocketAddr, ToSocketAddrs};

use crate::fetch::Settings;

/// Largest answer read: a certificate, or a small PKCS#7 bag of them.
pub(crate) const MAX_AIA_BYTES: u64 = 64 * 1024;
/// Redirects followed.
const MAX_REDIRECTS: usize = 3;

/// The body at `url`, or why it could not be downloaded.
pub(crate) fn download(url: &str, settings: &Settings) -> Result<Vec<u8>, String> {
    let policy = settings.policy.clone();
    // Every connection, the first and each redirect's, goes through the policy.
    let resolver = move |address: &str| -> std::io::Result<Vec<SocketAddr>> {
        let resolved: Vec<SocketAddr> = address.to_socket_addrs()?.collect();
        let allowed: Vec<SocketAddr> = resolved
            .into_iter()
            .filter(|a| policy.check_port(a.port()).is_ok() && policy.refuses(a.ip()).is_none())
            .collect();
        if allowed.is_empty() {
            return Err(std::io::Error::other(format!(
                "{address}: refused by the relay's policy"
            )));
        }
        Ok(allowed)
    };
    let agent = ureq::AgentBuilder::new()
        .redirects(0)
        .timeout(settings.timeout)
        .resolver(resolver)
        .build();
    let mut url = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        if !url
            .get(..7)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"))
        {
            return Err(format!("{url}: only http:// addresses are downloaded"));
        }
        let response = match agent.get(&url).call() {
            Ok(response) => response,
            Err(ureq::Error::Status(status, _)) => return Err(format!("{url}: HTTP {status}")),
            Err(error) => return Err(format!("{url}: {error}")),
        };
        if (300..400).contains(&response.status()) {
            url = response
                .header("Location")
                .ok_or_else(|| format!("{url}: a redirect without a Location"))?
                .to_owned();
            continue;
        }
        let mut body = Vec::new();
        response
            .into_reader()
            .take(MAX_AIA_BYTES + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("{url}: {e}"))?;
        if body.len() as u64 > MAX_AIA_BYTES {
            return Err(format!("{url}: more than {MAX_AIA_BYTES} bytes"));
        }
        return Ok(body);
    }
    Err(format!("more than {MAX_REDIRECTS} redirects"))
}
