//! PKCS#12 (`.pfx`, `.p12`): what `Export-ExchangeCertificate` and the Windows certificate
//! export wizard write. Decryption is `p12-keystore`'s (modern PBES2/AES and legacy
//! RC2/3DES); this module caps the work a file may demand before any key derivation starts,
//! and tells a missing password from a wrong one.

use p12_keystore::error::Error as P12Error;
use p12_keystore::Pkcs12Archive;

use super::private_key::{self, KeyPublicPart};
use crate::asn1::{self, oid, small_uint, TAG_INTEGER, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE};
use crate::limits::MAX_PKCS12_ITERATIONS;
use crate::Error;

/// What a PFX holds: each certificate's DER (for [`super::der::item`] to recognise), and the
/// public part of each private key.
pub(super) struct Contents {
    pub(super) certificates: Vec<Vec<u8>>,
    pub(super) keys: Vec<KeyPublicPart>,
}

/// The certificates and key public parts of a PFX.
pub(super) fn decode(der: &[u8], password: Option<&str>) -> Result<Contents, Error> {
    let iterations = highest_iteration_count(der);
    if iterations > MAX_PKCS12_ITERATIONS {
        return Err(Error::Pkcs12IterationsTooHigh {
            iterations,
            limit: MAX_PKCS12_ITERATIONS,
        });
    }
    let archive = match Pkcs12Archive::from_pkcs12(der, password.unwrap_or("")) {
        Ok(archive) => archive,
        Err(P12Error::MacError(_) | P12Error::UnpadError | P12Error::Pkcs5Error(_)) => {
            return Err(if password.is_none_or(str::is_empty) {
                Error::PasswordRequired
            } else {
                Error::WrongPassword
            })
        }
        Err(other) => {
            return Err(Error::MalformedPkcs12 {
                reason: other.to_string(),
            })
        }
    };
    Ok(Contents {
        certificates: archive.certs.iter().map(|bag| bag.cert.as_der().to_vec()).collect(),
        keys: archive
            .keys
            .iter()
            .map(|bag| private_key::from_pkcs8_or_sec1(bag.key.as_der()).unwrap_or(KeyPublicPart::Unsupported))
            .collect(),
    })
}

/// The largest iteration count in the MAC and in every encryption parameter visible without a
/// password (the encrypted-data envelopes and shrouded key bags in plain safe contents).
/// A structure this walk cannot follow yields 0 and is left to the decoder to reject.
fn highest_iteration_count(der: &[u8]) -> u64 {
    let mut highest = 0;
    let Ok((pfx, _)) = asn1::expect(der, TAG_SEQUENCE) else {
        return 0;
    };
    let fields: Vec<_> = asn1::children(pfx.content).map_while(Result::ok).collect();
    if let Some(mac_data) = fields.get(2).filter(|f| f.tag == TAG_SEQUENCE) {
        let mac_fields: Vec<_> = asn1::children(mac_data.content).map_while(Result::ok).collect();
        if let Some(iterations) = mac_fields.get(2).filter(|f| f.tag == TAG_INTEGER) {
            highest = highest.max(small_uint(iterations.content).unwrap_or(u64::MAX));
        }
    }
    if let Some(auth_safe) = fields.get(1) {
        walk_for_iterations(auth_safe.content, 0, &mut highest);
    }
    highest
}

/// Finds PBES1 `{salt, iterations}` and PBKDF2 `{salt, iterationCount, …}` parameter
/// sequences anywhere in the unencrypted structure, descending into OCTET STRINGs that wrap
/// DER (the authenticated safe, and plain safe contents).
fn walk_for_iterations(content: &[u8], depth: usize, highest: &mut u64) {
    if depth > crate::limits::MAX_ASN1_DEPTH {
        return;
    }
    let elements: Vec<_> = asn1::children(content).map_while(Result::ok).collect();
    for (index, element) in elements.iter().enumerate() {
        match element.tag {
            TAG_OID if is_password_based(element.content) => {
                if let Some(params) = elements.get(index + 1) {
                    note_iterations(params.content, depth, highest);
                }
            }
            TAG_OCTET_STRING
                if asn1::read(element.content).is_ok_and(|(t, rest)| t.tag == TAG_SEQUENCE && rest.is_empty()) =>
            {
                walk_for_iterations(element.content, depth + 1, highest);
            }
            tag if tag & 0x20 != 0 => walk_for_iterations(element.content, depth + 1, highest),
            _ => {}
        }
    }
}

/// PBES2's key derivation (PBKDF2) and the PKCS#12 PBE family (`1.2.840.113549.1.12.1.*`),
/// whose parameters hold an iteration count.
fn is_password_based(oid_content: &[u8]) -> bool {
    const PKCS12_PBE_PREFIX: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];
    oid_content == oid::PKCS5_PBKDF2 || oid_content.starts_with(PKCS12_PBE_PREFIX)
}

/// PBES1 and PBKDF2 parameters both start `{salt, iterationCount, …}`.
fn note_iterations(params: &[u8], depth: usize, highest: &mut u64) {
    let fields: Vec<_> = asn1::children(params).map_while(Result::ok).collect();
    match fields.as_slice() {
        [salt, count, ..] if salt.tag == TAG_OCTET_STRING && count.tag == TAG_INTEGER => {
            *highest = (*highest).max(small_uint(count.content).unwrap_or(u64::MAX));
        }
        _ => walk_for_iterations(params, depth + 1, highest),
    }
}
