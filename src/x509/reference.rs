//! x509-parser as the reference this reader is tested against. The page reads certificates
//! with this crate's own zero-copy reader because it saved about 60 KB of the gzipped module
//! (`docs/performance.md`); that choice stands only while both readers accept and refuse the
//! same certificates and read the same fields from them. [`compare`] checks one certificate;
//! the unit test below runs it on every certificate the project has, and the `reader` fuzz
//! target on mutated ones. Built for tests, and with the `reference-reader` feature for fuzzing.

use std::fmt::Write;

use x509_parser::extensions::{GeneralName as TheirName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;

use super::extensions::oid;
use super::{Certificate, GeneralName};
use crate::asn1::oid_string;
use crate::hex::hex_upper;

/// What both readers are asked to read, in one comparable form.
#[derive(Debug, Default, PartialEq, Eq)]
struct View {
    subject: Vec<u8>,
    issuer: Vec<u8>,
    serial: Vec<u8>,
    not_before: i64,
    not_after: i64,
    key_algorithm: String,
    /// RSA: the modulus' bits; EC: the curve; `None` when the key does not read.
    key_detail: Option<String>,
    /// Each field of an extension both readers understand, as text; `None` when absent.
    san: Option<Vec<String>>,
    basic_constraints: Option<String>,
    key_usage: Option<u16>,
    eku: Option<Vec<String>>,
    name_constraints: Option<String>,
    aki: Option<String>,
    ski: Option<String>,
}

fn name(general: &GeneralName<'_>) -> String {
    match general {
        GeneralName::Dns(text) => format!("dns:{text}"),
        GeneralName::Email(text) => format!("email:{text}"),
        GeneralName::Uri(text) => format!("uri:{text}"),
        GeneralName::Ip(bytes) => format!("ip:{}", hex_upper(bytes)),
        GeneralName::Directory(raw) => format!("dir:{}", hex_upper(raw)),
        GeneralName::Other(_) => "other".to_owned(),
    }
}

fn their_name(general: &TheirName<'_>) -> String {
    match general {
        TheirName::DNSName(text) if text.is_ascii() => format!("dns:{text}"),
        TheirName::RFC822Name(text) if text.is_ascii() => format!("email:{text}"),
        TheirName::URI(text) if text.is_ascii() => format!("uri:{text}"),
        TheirName::IPAddress(bytes) => format!("ip:{}", hex_upper(bytes)),
        TheirName::DirectoryName(dn) => format!("dir:{}", hex_upper(dn.as_raw())),
        _ => "other".to_owned(),
    }
}

/// EKU purposes as x509-parser keeps them: a set (it sorts them into flags and drops repeats).
fn purpose_set(purposes: impl Iterator<Item = String>) -> Vec<String> {
    let mut set: Vec<String> = purposes.collect();
    set.sort();
    set.dedup();
    set
}

fn ours(der: &[u8]) -> Result<View, String> {
    let cert = Certificate::parse(der).map_err(str::to_owned)?;
    let ext = |id: &[u8]| cert.extension(id);
    let spki = &cert.public_key;
    let key_detail = match spki.algorithm.oid {
        crate::asn1::oid::RSA_ENCRYPTION => {
            super::rsa_public_key(spki.key).map(|(n, _)| crate::asn1::bit_length(n).to_string())
        }
        crate::asn1::oid::EC_PUBLIC_KEY => spki
            .algorithm
            .parameters
            .filter(|p| p.tag == crate::asn1::TAG_OID)
            .map(|p| oid_string(p.content)),
        _ => Some(String::new()),
    };
    Ok(View {
        subject: cert.subject.raw.to_vec(),
        issuer: cert.issuer.raw.to_vec(),
        serial: cert.serial.to_vec(),
        not_before: cert.not_before.0,
        not_after: cert.not_after.0,
        key_algorithm: oid_string(spki.algorithm.oid),
        key_detail,
        san: ext(oid::SUBJECT_ALT_NAME)
            .and_then(|e| e.general_names())
            .map(|names| names.iter().map(name).collect()),
        basic_constraints: ext(oid::BASIC_CONSTRAINTS)
            .and_then(|e| e.basic_constraints())
            .map(|bc| format!("{} {:?}", bc.ca, bc.path_len)),
        key_usage: ext(oid::KEY_USAGE).and_then(|e| e.key_usage_bits()).map(|bits| {
            bits.iter()
                .enumerate()
                .fold(0u16, |acc, (i, &set)| acc | (u16::from(set) << i))
        }),
        eku: ext(oid::EXTENDED_KEY_USAGE)
            .and_then(|e| e.purposes())
            .map(|p| purpose_set(p.into_iter().map(oid_string))),
        name_constraints: ext(oid::NAME_CONSTRAINTS).and_then(|e| e.name_constraints()).map(|nc| {
            let list = |l: &Option<Vec<super::GeneralSubtree<'_>>>| {
                l.as_ref().map(|s| s.iter().map(|t| name(&t.base)).collect::<Vec<_>>())
            };
            format!("{:?} {:?}", list(&nc.permitted), list(&nc.excluded))
        }),
        aki: ext(oid::AUTHORITY_KEY_ID)
            .and_then(|e| e.authority_key_id_fields())
            .map(|(id, _)| id.map(hex_upper).unwrap_or_default()),
        ski: ext(oid::SUBJECT_KEY_ID).and_then(|e| e.subject_key_id()).map(hex_upper),
    })
}

fn theirs(der: &[u8]) -> Result<View, String> {
    let (rest, cert) = X509Certificate::from_der(der).map_err(|e| e.to_string())?;
    if !rest.is_empty() {
        return Err("data follows the certificate".to_owned());
    }
    let extension = |id: &[u8]| {
        cert.extensions()
            .iter()
            .find(|e| e.oid.as_bytes() == id)
            .map(|e| e.parsed_extension())
    };
    let spki = cert.public_key();
    // As this reader's view: the RSA modulus' size, the EC curve by OID, nothing for other
    // algorithms (x509-parser also tries to parse DSA keys, which this reader only names).
    let algorithm = spki.algorithm.algorithm.as_bytes();
    let detail = if algorithm == crate::asn1::oid::RSA_ENCRYPTION {
        match spki.parsed() {
            Ok(PublicKey::RSA(rsa)) => Some(crate::asn1::bit_length(crate::asn1::strip_zeros(rsa.modulus)).to_string()),
            _ => None,
        }
    } else if algorithm == crate::asn1::oid::EC_PUBLIC_KEY {
        // `as_oid` reads any element's content as an OID: explicit curve parameters included.
        spki.algorithm
            .parameters
            .as_ref()
            .filter(|p| p.tag() == x509_parser::asn1_rs::Tag::Oid)
            .and_then(|p| p.as_oid().ok())
            .map(|o| oid_string(o.as_bytes()))
    } else {
        Some(String::new())
    };
    let mut view = View {
        subject: cert.subject().as_raw().to_vec(),
        issuer: cert.issuer().as_raw().to_vec(),
        serial: cert.raw_serial().to_vec(),
        not_before: cert.validity().not_before.timestamp(),
        not_after: cert.validity().not_after.timestamp(),
        key_algorithm: oid_string(spki.algorithm.algorithm.as_bytes()),
        key_detail: detail,
        ..View::default()
    };
    if let Some(ParsedExtension::SubjectAlternativeName(san)) = extension(oid::SUBJECT_ALT_NAME) {
        view.san = Some(san.general_names.iter().map(their_name).collect());
    }
    if let Some(ParsedExtension::BasicConstraints(bc)) = extension(oid::BASIC_CONSTRAINTS) {
        view.basic_constraints = Some(format!("{} {:?}", bc.ca, bc.path_len_constraint.map(u64::from)));
    }
    if let Some(ParsedExtension::KeyUsage(ku)) = extension(oid::KEY_USAGE) {
        view.key_usage = Some(ku.flags);
    }
    if let Some(ParsedExtension::ExtendedKeyUsage(eku)) = extension(oid::EXTENDED_KEY_USAGE) {
        let flags = [
            ("2.5.29.37.0", eku.any),
            ("1.3.6.1.5.5.7.3.1", eku.server_auth),
            ("1.3.6.1.5.5.7.3.2", eku.client_auth),
            ("1.3.6.1.5.5.7.3.3", eku.code_signing),
            ("1.3.6.1.5.5.7.3.4", eku.email_protection),
            ("1.3.6.1.5.5.7.3.8", eku.time_stamping),
            ("1.3.6.1.5.5.7.3.9", eku.ocsp_signing),
        ];
        let named = flags.iter().filter(|(_, set)| *set).map(|(o, _)| (*o).to_owned());
        let other = eku.other.iter().map(|o| oid_string(o.as_bytes()));
        view.eku = Some(purpose_set(named.chain(other)));
    }
    if let Some(ParsedExtension::NameConstraints(nc)) = extension(oid::NAME_CONSTRAINTS) {
        let list = |l: &Option<Vec<x509_parser::extensions::GeneralSubtree<'_>>>| {
            l.as_ref()
                .map(|s| s.iter().map(|t| their_name(&t.base)).collect::<Vec<_>>())
        };
        view.name_constraints = Some(format!(
            "{:?} {:?}",
            list(&nc.permitted_subtrees),
            list(&nc.excluded_subtrees)
        ));
    }
    if let Some(ParsedExtension::AuthorityKeyIdentifier(aki)) = extension(oid::AUTHORITY_KEY_ID) {
        view.aki = Some(aki.key_identifier.as_ref().map(|k| hex_upper(k.0)).unwrap_or_default());
    }
    if let Some(ParsedExtension::SubjectKeyIdentifier(ski)) = extension(oid::SUBJECT_KEY_ID) {
        view.ski = Some(hex_upper(ski.0));
    }
    Ok(view)
}

/// Reads `der` with both readers: they must both refuse it, or both read it to the same
/// fields. An extension (or an RSA key) that only x509-parser reads is left out of the
/// comparison: this reader is stricter on purpose (empty lists, a maximum in a name
/// constraint, a negative exponent) and reports such an extension as `EXTENSION_MALFORMED`;
/// the unit test lists those it meets. The other way round, a field only this reader reads,
/// is a difference.
///
/// # Errors
/// A description of the difference.
#[cfg(feature = "reference-reader")]
pub fn compare(der: &[u8]) -> Result<(), String> {
    compare_noting(der, &mut |_, _| {})
}

/// Applies the macro `$apply` to the fields of [`View`] that are `None` when what fills them
/// (an extension, the RSA key) is absent or does not read.
macro_rules! optional_fields {
    ($apply:ident) => {
        $apply!(
            key_detail,
            san,
            basic_constraints,
            key_usage,
            eku,
            name_constraints,
            aki,
            ski
        )
    };
}

/// [`compare`], telling `skipped` each extension only x509-parser could read.
fn compare_noting(der: &[u8], skipped: &mut dyn FnMut(&str, &str)) -> Result<(), String> {
    match (ours(der), theirs(der)) {
        (Err(_), Err(_)) => Ok(()),
        (Ok(_), Err(e)) => Err(format!("only x509-parser refuses it: {e}")),
        (Err(e), Ok(_)) => Err(format!("only this reader refuses it: {e}")),
        (Ok(mine), Ok(mut other)) => {
            // Fields one reader reads and the other finds malformed are not compared.
            macro_rules! lenient {
                ($($field:ident),*) => {$(
                    if mine.$field.is_none() {
                        if let Some(read) = other.$field.take() {
                            skipped(stringify!($field), &format!("{read:?}"));
                        }
                    }
                )*};
            }
            optional_fields!(lenient);
            if mine == other {
                return Ok(());
            }
            let mut differences = String::new();
            let mut field = |label: &str, a: String, b: String| {
                if a != b {
                    // A SAN of 10,000 names would otherwise fill a screen.
                    let short = |s: &str| s.chars().take(200).collect::<String>();
                    let _ = write!(differences, "{label}: ours {}, x509-parser {}; ", short(&a), short(&b));
                }
            };
            field("subject", hex_upper(&mine.subject), hex_upper(&other.subject));
            field("issuer", hex_upper(&mine.issuer), hex_upper(&other.issuer));
            field("serial", hex_upper(&mine.serial), hex_upper(&other.serial));
            field("not_before", mine.not_before.to_string(), other.not_before.to_string());
            field("not_after", mine.not_after.to_string(), other.not_after.to_string());
            field("key_algorithm", mine.key_algorithm, other.key_algorithm);
            macro_rules! debug_fields {
                ($($name:ident),*) => {$(
                    field(stringify!($name), format!("{:?}", mine.$name), format!("{:?}", other.$name));
                )*};
            }
            optional_fields!(debug_fields);
            Err(differences)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// Every certificate in PEM or DER among `dir`'s files.
    fn certificates_in(dir: &Path, found: &mut Vec<(String, Vec<u8>)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let label = path.display().to_string();
            let text = String::from_utf8_lossy(&bytes);
            if text.contains("-----BEGIN CERTIFICATE-----") {
                for (i, block) in ::pem::parse_many(&bytes).unwrap_or_default().into_iter().enumerate() {
                    if block.tag() == "CERTIFICATE" {
                        found.push((format!("{label}#{i}"), block.into_contents()));
                    }
                }
            } else if path.extension().is_some_and(|e| e == "cer") {
                found.push((label, bytes));
            }
        }
    }

    fn limbo(found: &mut Vec<(String, Vec<u8>)>) {
        let path = root().join("../shared/fixtures/limbo/limbo.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let suite: serde_json::Value = serde_json::from_str(&text).unwrap();
        for case in suite["testcases"].as_array().unwrap() {
            let id = case["id"].as_str().unwrap_or_default();
            let pems = std::iter::once(&case["peer_certificate"])
                .chain(case["untrusted_intermediates"].as_array().into_iter().flatten())
                .chain(case["trusted_certs"].as_array().into_iter().flatten());
            for (i, pem) in pems.filter_map(|p| p.as_str()).enumerate() {
                if let Ok(block) = ::pem::parse(pem) {
                    found.push((format!("limbo {id}#{i}"), block.into_contents()));
                }
            }
        }
    }

    /// Where the readers part, on purpose: certificates this reader refuses and x509-parser
    /// reads. Each is matched by case.
    const DOCUMENTED: &[(&str, &str)] = &[
        (
            "rfc5280::duplicate-extensions#",
            "RFC 5280 4.2: \"a certificate MUST NOT include more than one instance of a particular extension\"",
        ),
        (
            "pathological::nc-dos-1#",
            "limits::MAX_NAME_ATTRIBUTES: a subject of thousands of attributes is refused before it is read",
        ),
        ("pathological::nc-dos-3#", "limits::MAX_NAME_ATTRIBUTES, as above"),
    ];

    #[test]
    fn both_readers_read_every_certificate_alike() {
        let mut found = Vec::new();
        certificates_in(&root().join("tests/data"), &mut found);
        certificates_in(&root().join("../shared/fixtures/badssl"), &mut found);
        limbo(&mut found);
        assert!(found.len() > 500, "{} certificates", found.len());
        let mut differences = Vec::new();
        let mut skipped = Vec::new();
        let mut documented_seen = vec![false; DOCUMENTED.len()];
        for (label, der) in &found {
            let mut note = |field: &str, read: &str| skipped.push(format!("{label}: {field} {read}"));
            if let Err(difference) = compare_noting(der, &mut note) {
                match DOCUMENTED.iter().position(|(case, _)| label.contains(case)) {
                    Some(index) => documented_seen[index] = true,
                    None => differences.push(format!("{label}: {difference}")),
                }
            }
        }
        // Like limbo's list: a documented difference that no longer occurs is stale.
        let stale: Vec<&str> = DOCUMENTED
            .iter()
            .zip(&documented_seen)
            .filter(|(_, seen)| !**seen)
            .map(|((case, _), _)| *case)
            .collect();
        assert!(
            stale.is_empty(),
            "documented differences that no longer occur: {stale:?}"
        );
        // An EKU with no purpose (RFC 5280 4.2.1.12: SIZE (1..MAX)), and name constraints with
        // neither list or both lists empty (4.2.1.10: "either the permittedSubtrees field or the
        // excludedSubtrees MUST be present", each SIZE (1..MAX)); this reader reports them as
        // EXTENSION_MALFORMED.
        let expected_skips = [
            "limbo rfc5280::eku::ee-eku-empty#0: eku []",
            "limbo webpki::nc::intermediate-permitted-excluded-subtrees-both-null#1: name_constraints \"None None\"",
            "limbo webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences#1: name_constraints \"None None\"",
        ];
        assert_eq!(skipped, expected_skips, "extensions only x509-parser reads");
        assert!(
            differences.is_empty(),
            "{} of {} certificates read differently:\n{}",
            differences.len(),
            found.len(),
            differences.join("\n")
        );
    }
}
