//! The one place the relay runs the engine: the stores and the roots given with `--trust`, the
//! inputs (exported files, or a chain as a server presented it), the options, and the engine's
//! completion loop ([`msstd_check::completion::complete`]) fulfilled with the relay's network:
//! a missing issuer downloaded from its caIssuers URL ([`crate::aia`]), revocation asked of the
//! OCSP responders and CRLs ([`crate::revocation`]), every request under the fetch's
//! [`Settings`]. `check`, the three forms of `fetch`, the domain check's probes and the `serve`
//! API's chain endpoint all come through here, so that they judge alike.

use msstd_check::completion::{self, Completed, Completion, Fulfilled, Need};
use msstd_check::signature::RustCrypto;
use msstd_check::{Input, Options, UnixTime};

use crate::fetch::Fetched;
use crate::settings::Settings;
use crate::stores::Stores;

/// The options every analysis in the relay starts from: both stores, the built-in verifier,
/// the instant `now`.
pub(crate) fn options(stores: &Stores, now: UnixTime) -> Options<'_> {
    Options::new(now, &RustCrypto).stores(&stores.mozilla, &stores.microsoft)
}

/// The roots given with `--trust`, as inputs supplied as trusted.
pub(crate) fn trusted(stores: &Stores) -> Vec<Input<'_>> {
    stores
        .trusted
        .iter()
        .map(|(name, bytes)| Input::new(name, bytes).trusted())
        .collect()
}

/// What a server presented: the input name the report shows for it, and the chain as one PEM
/// input, so that the engine judges the order the server sent it in.
pub(crate) struct Presented {
    name: String,
    pem: String,
}

impl Presented {
    /// The chain `fetched` presents.
    pub(crate) fn of(fetched: &Fetched) -> Self {
        Self {
            name: format!("{} (as presented)", fetched.target),
            pem: fetched.pem(),
        }
    }

    /// As an input.
    pub(crate) fn input(&self) -> Input<'_> {
        Input::new(&self.name, self.pem.as_bytes())
    }
}

/// What the network may be asked, for a fetched chain: under `settings`, with the OCSP
/// response the server `stapled`.
#[derive(Clone, Copy)]
pub(crate) struct Network<'a> {
    pub settings: &'a Settings,
    pub stapled: Option<&'a [u8]>,
}

impl<'a> Network<'a> {
    /// The network for what `fetched` presented.
    pub(crate) fn for_fetched(fetched: &'a Fetched, settings: &'a Settings) -> Self {
        Self {
            settings,
            stapled: fetched.handshake.stapled_ocsp.as_deref(),
        }
    }
}

/// The engine's analysis of `inputs`, completed: with a `network`, missing issuers downloaded
/// and, when `revocation` is asked, the path's revocation asked; without one (`check`, files
/// only), nothing is fetched and the report is [`msstd_check::analyze`]'s.
pub(crate) fn complete(
    inputs: &[Input<'_>],
    options: &Options<'_>,
    revocation: bool,
    network: Option<Network<'_>>,
) -> Result<Completed, msstd_check::Error> {
    let completion = Completion {
        revocation: revocation && network.is_some(),
    };
    let now = options.now;
    completion::complete(inputs, options, completion, |needs| match network {
        Some(network) => fulfil(needs, network, now),
        None => Fulfilled::default(),
    })
}

/// One round of needs, met with the network.
fn fulfil(needs: &[Need], network: Network<'_>, now: UnixTime) -> Fulfilled {
    let mut fulfilled = Fulfilled::default();
    for need in needs {
        match need {
            Need::Issuer { urls, .. } => fulfilled.issuers.extend(crate::aia::issuer(urls, network.settings)),
            Need::Revocation(need) => {
                fulfilled
                    .revocation
                    .extend(crate::revocation::answers(need, network.stapled, network.settings, now))
            }
            // The built-in verifier settles every signature it is asked, and the relay's
            // stores are whole: no root file is ever needed.
            Need::Signature(_) | Need::RootFile { .. } => {}
        }
    }
    fulfilled
}
