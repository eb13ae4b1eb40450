//! The certificate bag of a PKCS#7 / CMS SignedData (`.p7b`), as Windows writes it with
//! "Export… including all certificates in the certification path". BER indefinite lengths
//! are accepted, as some tools write them.

use super::asn1_error;
use crate::asn1::{self, oid, TAG_OID, TAG_SEQUENCE};
use crate::Error;

/// `[0]` constructed, context-specific: both the SignedData wrapper and the certificate set.
const TAG_CONTEXT_0: u8 = 0xa0;

/// The certificate elements in a DER or BER ContentInfo holding SignedData, in order, for
/// [`super::der::item`] to recognise; the last is an error when the bag is cut short there.
pub(super) fn certificates(der: &[u8]) -> Result<Vec<Result<&[u8], Error>>, Error> {
    let malformed = |reason: &str| Error::MalformedPkcs7 {
        reason: reason.to_owned(),
    };
    let (content_info, _) = asn1::expect(der, TAG_SEQUENCE).map_err(asn1_error)?;
    let mut fields = asn1::children(content_info.content);
    let content_type = next(&mut fields, TAG_OID).ok_or_else(|| malformed("no content type"))?;
    if content_type.content != oid::PKCS7_SIGNED_DATA {
        return Err(malformed("it is not SignedData"));
    }
    let wrapper = next(&mut fields, TAG_CONTEXT_0).ok_or_else(|| malformed("no content"))?;
    let (signed_data, _) = asn1::expect(wrapper.content, TAG_SEQUENCE).map_err(|_| malformed("bad SignedData"))?;
    let certificate_set = asn1::children(signed_data.content)
        .map_while(Result::ok)
        .find(|field| field.tag == TAG_CONTEXT_0)
        .ok_or_else(|| malformed("it holds no certificates"))?;
    // Reading stops at an element cut short (`Children` ends after its error).
    let elements: Vec<_> = asn1::children(certificate_set.content)
        .map(|choice| choice.map_err(|_| malformed("a certificate in the bag is cut short")))
        // Other CertificateChoices (attribute certificates, [1]..[3]) are not X.509 certificates.
        .filter(|choice| choice.as_ref().map_or(true, |choice| choice.tag == TAG_SEQUENCE))
        .map(|choice| choice.map(|choice| choice.whole))
        .collect();
    if elements.is_empty() {
        return Err(malformed("it holds no certificates"));
    }
    Ok(elements)
}

fn next<'a>(fields: &mut asn1::Children<'a>, tag: u8) -> Option<asn1::Tlv<'a>> {
    fields.next().and_then(Result::ok).filter(|field| field.tag == tag)
}
