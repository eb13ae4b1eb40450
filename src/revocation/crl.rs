//! CRLs (RFC 5280 section 5): a complete CRL from the issuer, verified and searched.

use super::{current, reason_name, signed, verify, Failure, IssuerKey, Signed, Status, Unusable};
use crate::asn1::{small_uint, TAG_INTEGER, TAG_SEQUENCE};
use crate::signature::Verifier;
use crate::x509::{der, elements, expect, read_time, AlgorithmIdentifier, Certificate};
use crate::UnixTime;

const MALFORMED: &str = "the CRL is malformed";
/// `id-ce-cRLReasons`.
const REASON: &[u8] = &[0x55, 0x1d, 0x15];
/// `id-ce-deltaCRLIndicator`, `id-ce-issuingDistributionPoint` (indirect CRLs): not read.
const DELTA: &[u8] = &[0x55, 0x1d, 0x1b];

/// What `crl` says about `cert`, once verified against `issuer`.
pub(super) fn status(
    cert: &Certificate<'_>,
    issuer: &IssuerKey<'_>,
    crl: &[u8],
    now: UnixTime,
    verifier: &dyn Verifier,
) -> Result<Status, Unusable> {
    let (outer, _) = expect(crl, TAG_SEQUENCE, MALFORMED)?;
    let Signed {
        tbs,
        algorithm,
        signature,
        ..
    } = signed(outer.content, MALFORMED)?;

    let mut fields = tbs.content;
    if fields.first() == Some(&TAG_INTEGER) {
        fields = der(fields)?.1;
    }
    let (_, rest) = AlgorithmIdentifier::read(fields)?;
    let (name, rest) = expect(rest, TAG_SEQUENCE, MALFORMED)?;
    if name.whole != issuer.subject {
        return Err(Failure::CrlOtherIssuer.into());
    }
    verify(tbs.whole, &algorithm, signature, &issuer.key, verifier)?;
    let (this_update, mut rest) = read_time(rest)?;
    let mut next_update = None;
    if matches!(rest.first(), Some(0x17 | 0x18)) {
        let (next, after) = read_time(rest)?;
        next_update = Some(next);
        rest = after;
    }
    let mut revoked = None;
    if rest.first() == Some(&TAG_SEQUENCE) {
        let (list, after) = der(rest)?;
        revoked = Some(list.content);
        rest = after;
    }
    if rest.first() == Some(&0xa0) && mentions(der(rest)?.0.content, DELTA) {
        return Err(Failure::CrlDelta.into());
    }
    current(this_update, next_update, now)?;
    for entry in elements(revoked.unwrap_or_default()) {
        let entry = entry?;
        let (serial, rest) = expect(entry.content, TAG_INTEGER, MALFORMED)?;
        if serial.content != cert.serial {
            continue;
        }
        let (at, rest) = read_time(rest)?;
        return Ok(Status::Revoked {
            at,
            reason: entry_reason(rest),
        });
    }
    Ok(Status::Good)
}

/// The CRLReason entry extension, when present and readable.
fn entry_reason(extensions: &[u8]) -> Option<&'static str> {
    let (list, _) = expect(extensions, TAG_SEQUENCE, MALFORMED).ok()?;
    for extension in elements(list.content) {
        let extension = extension.ok()?;
        let (oid, rest) = expect(extension.content, 0x06, MALFORMED).ok()?;
        if oid.content == REASON {
            let rest = if rest.first() == Some(&0x01) {
                der(rest).ok()?.1
            } else {
                rest
            };
            let (value, _) = expect(rest, 0x04, MALFORMED).ok()?;
            let (reason, _) = expect(value.content, 0x0a, MALFORMED).ok()?;
            return small_uint(reason.content).and_then(reason_name);
        }
    }
    None
}

/// Whether the extensions list `content` holds an extension with `oid`.
fn mentions(content: &[u8], oid: &[u8]) -> bool {
    expect(content, TAG_SEQUENCE, MALFORMED).is_ok_and(|(list, _)| {
        elements(list.content).any(|e| {
            e.ok()
                .and_then(|e| expect(e.content, 0x06, MALFORMED).ok())
                .is_some_and(|(id, _)| id.content == oid)
        })
    })
}
