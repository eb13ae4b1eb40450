//! OCSP (RFC 6960): the request for one certificate, and the response verified and read.

use sha1::Digest as _;

use super::{current, reason_name, signed, verify, Failure, IssuerKey, Signed, Status, Unusable};
use crate::asn1::{encode as tlv, small_uint, TAG_INTEGER, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE};
use crate::certificate::Parsed;
use crate::signature::Verifier;
use crate::x509::{der, elements, expect, read_time, AlgorithmIdentifier, Certificate};
use crate::UnixTime;

/// `id-sha1` with NULL parameters: the CertID hash every responder understands.
const SHA1_ALGORITHM: &[u8] = &[0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00];
const SHA1_OID: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x1a];
const SHA256_OID: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
/// `id-pkix-ocsp-basic`.
const BASIC: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01];

const MALFORMED: &str = "the OCSP response is malformed";

/// `OCSPRequest { tbsRequest { requestList { Request { CertID } } } }`, SHA-1, no nonce.
pub(super) fn request(cert: &Certificate<'_>, issuer: &IssuerKey<'_>) -> Vec<u8> {
    let mut cert_id = SHA1_ALGORITHM.to_vec();
    cert_id.extend(tlv(TAG_OCTET_STRING, &sha1::Sha1::digest(issuer.subject)));
    cert_id.extend(tlv(TAG_OCTET_STRING, &sha1::Sha1::digest(issuer.key.key)));
    cert_id.extend(tlv(TAG_INTEGER, cert.serial));
    let request = tlv(TAG_SEQUENCE, &tlv(TAG_SEQUENCE, &cert_id));
    let request_list = tlv(TAG_SEQUENCE, &request);
    tlv(TAG_SEQUENCE, &tlv(TAG_SEQUENCE, &request_list))
}

/// What a response says about `cert`, once verified against `issuer`.
pub(super) fn status(
    cert: &Certificate<'_>,
    issuer: &IssuerKey<'_>,
    response: &[u8],
    now: UnixTime,
    verifier: &dyn Verifier,
) -> Result<Status, Unusable> {
    let (outer, _) = expect(response, TAG_SEQUENCE, MALFORMED)?;
    let (response_status, rest) = expect(outer.content, 0x0a, MALFORMED)?;
    match response_status.content {
        [0] => {}
        [1] => return Err(Failure::OcspMalformedRequest.into()),
        [2] => return Err(Failure::OcspInternalError.into()),
        [3] => return Err(Failure::OcspTryLater.into()),
        [5] => return Err(Failure::OcspSignatureRequired.into()),
        [6] => return Err(Failure::OcspUnauthorized.into()),
        _ => return Err(Failure::Malformed.into()),
    }
    let (explicit, _) = expect(rest, 0xa0, MALFORMED)?;
    let (bytes, _) = expect(explicit.content, TAG_SEQUENCE, MALFORMED)?;
    let (kind, rest) = expect(bytes.content, TAG_OID, MALFORMED)?;
    if kind.content != BASIC {
        return Err(Failure::OcspNotBasic.into());
    }
    let (basic, _) = expect(rest, TAG_OCTET_STRING, MALFORMED)?;
    let (basic, _) = expect(basic.content, TAG_SEQUENCE, MALFORMED)?;
    let Signed {
        tbs,
        algorithm,
        signature,
        rest,
    } = signed(basic.content, MALFORMED)?;
    let certs: Vec<&[u8]> = match rest.first() {
        Some(0xa0) => {
            let (explicit, _) = der(rest)?;
            let (list, _) = expect(explicit.content, TAG_SEQUENCE, MALFORMED)?;
            elements(list.content)
                .map(|e| e.map(|tlv| tlv.whole))
                .collect::<Result<_, _>>()?
        }
        _ => Vec::new(),
    };

    // ResponseData: [0] version, responderID, producedAt, responses, [1] extensions.
    let mut fields = tbs.content;
    if fields.first() == Some(&0xa0) {
        fields = der(fields)?.1;
    }
    let (responder, rest) = der(fields)?;
    let (_, rest) = read_time(rest)?;
    let (responses, _) = expect(rest, TAG_SEQUENCE, MALFORMED)?;

    let responder = responder_certificate(responder.tag, responder.content, issuer, &certs, verifier)?;
    let key = responder.as_ref().map_or(&issuer.key, |r| &r.public_key);
    verify(tbs.whole, &algorithm, signature, key, verifier)?;

    for single in elements(responses.content) {
        let single = single?;
        let (cert_id, rest) = expect(single.content, TAG_SEQUENCE, MALFORMED)?;
        if !same_certificate(cert_id.content, cert, issuer)? {
            continue;
        }
        let (cert_status, rest) = der(rest)?;
        let (this_update, rest) = read_time(rest)?;
        let next_update = match rest.first() {
            Some(0xa0) => Some(read_time(der(rest)?.0.content)?.0),
            _ => None,
        };
        current(this_update, next_update, now)?;
        return match cert_status.tag {
            0x80 => Ok(Status::Good),
            0xa1 => {
                let (at, rest) = read_time(cert_status.content)?;
                let reason = match rest.first() {
                    Some(0xa0) => {
                        let (reason, _) = expect(der(rest)?.0.content, 0x0a, MALFORMED)?;
                        small_uint(reason.content).and_then(reason_name)
                    }
                    _ => None,
                };
                Ok(Status::Revoked { at, reason })
            }
            0x82 => Err(Failure::OcspUnknown.into()),
            _ => Err(Failure::Malformed.into()),
        };
    }
    Err(Failure::OcspOtherCertificate.into())
}

/// Who signed the response: the issuer itself (`None`), or a responder certificate in the
/// response that the issuer signed for OCSP signing (RFC 6960 section 4.2.2.2).
fn responder_certificate<'a>(
    tag: u8,
    id: &[u8],
    issuer: &IssuerKey<'_>,
    certs: &[&'a [u8]],
    verifier: &dyn Verifier,
) -> Result<Option<Certificate<'a>>, Unusable> {
    // The responder ID names a subject and key (byName [1] EXPLICIT Name; byKey [2] EXPLICIT
    // KeyHash, the SHA-1 of the key's bits).
    let names = |subject: &[u8], key_bits: &[u8]| match tag {
        0xa1 => subject == id,
        0xa2 => expect(id, TAG_OCTET_STRING, MALFORMED)
            .is_ok_and(|(hash, _)| hash.content == sha1::Sha1::digest(key_bits).as_slice()),
        _ => false,
    };
    if names(issuer.subject, issuer.key.key) {
        return Ok(None);
    }
    for &der_bytes in certs {
        let Some(parsed) = Parsed::new(der_bytes, 0, false) else {
            continue;
        };
        if !names(parsed.x509.subject.raw, parsed.x509.public_key.key) {
            continue;
        }
        if parsed.x509.issuer.raw != issuer.subject {
            return Err(Failure::ResponderNotCertified.into());
        }
        verify(
            parsed.x509.tbs,
            &parsed.x509.signature_algorithm,
            parsed.x509.signature,
            &issuer.key,
            verifier,
        )
        .map_err(|_| Failure::ResponderNotSigned)?;
        if !parsed
            .extended_key_usage()
            .is_some_and(|purposes| purposes.iter().any(|p| p == "OCSPSigning"))
        {
            return Err(Failure::ResponderNotForOcsp.into());
        }
        return Ok(Some(parsed.x509));
    }
    Err(Failure::ResponderNotCertified.into())
}

/// Whether a CertID names `cert` from `issuer` (SHA-1 or SHA-256 hashes).
fn same_certificate(cert_id: &[u8], cert: &Certificate<'_>, issuer: &IssuerKey<'_>) -> Result<bool, Unusable> {
    let (algorithm, rest) = AlgorithmIdentifier::read(cert_id)?;
    let (name_hash, rest) = expect(rest, TAG_OCTET_STRING, MALFORMED)?;
    let (key_hash, rest) = expect(rest, TAG_OCTET_STRING, MALFORMED)?;
    let (serial, _) = expect(rest, TAG_INTEGER, MALFORMED)?;
    let hash = |data: &[u8]| -> Option<Vec<u8>> {
        match algorithm.oid {
            SHA1_OID => Some(sha1::Sha1::digest(data).to_vec()),
            SHA256_OID => Some(sha2::Sha256::digest(data).to_vec()),
            _ => None,
        }
    };
    Ok(serial.content == cert.serial
        && hash(issuer.subject).is_some_and(|h| h == name_hash.content)
        && hash(issuer.key.key).is_some_and(|h| h == key_hash.content))
}
