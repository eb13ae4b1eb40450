//! A certificate request (PKCS#10, RFC 2986 section 4): what `New-ExchangeCertificate
//! -GenerateRequest`, IIS, `certreq` and OpenSSL write, read for the names and the key the
//! certificate will carry. The signature (proof of the key) is the CA's to check, not read here.

use super::extensions::{self, oid, GeneralName};
use super::{bit_string, der, elements, expect, AlgorithmIdentifier, Malformed, Name, PublicKeyInfo};
use crate::asn1::{TAG_BIT_STRING, TAG_INTEGER, TAG_OID, TAG_SEQUENCE};

/// PKCS#9 extensionRequest (RFC 2985 section 5.4.2): the extensions asked for.
const EXTENSION_REQUEST: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0e];
/// Microsoft's szOID_ENROLLMENT_CSP_PROVIDER (1.3.6.1.4.1.311.13.2.2): the provider that holds
/// the key, which Windows requests carry.
const ENROLLMENT_CSP: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x0d, 0x02, 0x02];

/// A parsed request, borrowing its DER.
#[derive(Debug)]
pub(crate) struct Request<'a> {
    pub subject: Name<'a>,
    pub public_key: PublicKeyInfo<'a>,
    /// The DNS names of a requested SubjectAltName, in order.
    pub dns_names: Vec<&'a str>,
    /// The key's provider as a Windows request names it (`Microsoft Software Key Storage
    /// Provider`, `Microsoft RSA SChannel Cryptographic Provider`).
    pub provider: Option<String>,
}

impl<'a> Request<'a> {
    /// Reads a whole request; `der` must hold it and nothing after it.
    pub(crate) fn parse(der_bytes: &'a [u8]) -> Result<Self, Malformed> {
        const BAD: Malformed = "the certificate request is malformed";
        let (outer, trailing) = expect(der_bytes, TAG_SEQUENCE, BAD)?;
        if !trailing.is_empty() {
            return Err("data follows the certificate request");
        }
        let (info, rest) = expect(outer.content, TAG_SEQUENCE, BAD)?;
        let (_, rest) = AlgorithmIdentifier::read(rest)?;
        let (signature, rest) = expect(rest, TAG_BIT_STRING, BAD)?;
        if !rest.is_empty() || bit_string(signature.content).is_none() {
            return Err(BAD);
        }
        let (version, fields) = expect(info.content, TAG_INTEGER, BAD)?;
        if version.content != [0] {
            return Err("the certificate request is not version 1");
        }
        let (subject, fields) = Name::read(fields)?;
        let (public_key, fields) = PublicKeyInfo::read(fields)?;
        let (attributes, fields) = der(fields)?;
        if attributes.tag != 0xa0 || !fields.is_empty() {
            return Err(BAD);
        }
        let mut dns_names = Vec::new();
        let mut provider = None;
        for attribute in elements(attributes.content) {
            let attribute = attribute?;
            if attribute.tag != TAG_SEQUENCE {
                return Err(BAD);
            }
            let (kind, values) = expect(attribute.content, TAG_OID, BAD)?;
            let (values, rest) = expect(values, 0x31, BAD)?;
            if !rest.is_empty() {
                return Err(BAD);
            }
            let Some(first) = elements(values.content).next().transpose()? else {
                return Err(BAD);
            };
            if kind.content == EXTENSION_REQUEST {
                for extension in extensions::read(first.whole)? {
                    if extension.oid == oid::SUBJECT_ALT_NAME {
                        let names = extension
                            .general_names()
                            .ok_or("the requested SubjectAltName is malformed")?;
                        dns_names.extend(names.into_iter().filter_map(|n| match n {
                            GeneralName::Dns(name) => Some(name),
                            _ => None,
                        }));
                    }
                }
            } else if kind.content == ENROLLMENT_CSP && first.tag == TAG_SEQUENCE {
                // SEQUENCE { keySpec INTEGER, cspName BMPString, signature BIT STRING }
                provider = elements(first.content)
                    .filter_map(Result::ok)
                    .find(|e| e.tag == 0x1e)
                    .map(super::name::value_text);
            }
        }
        Ok(Self {
            subject,
            public_key,
            dns_names,
            provider,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_committed_request() {
        let pem = include_str!("../../tests/data/request.csr");
        let der = ::pem::parse(pem).unwrap().into_contents();
        let request = Request::parse(&der).unwrap();
        assert_eq!(request.subject.common_names(), ["mail.contoso.com"]);
        assert_eq!(request.public_key.algorithm.oid, crate::asn1::oid::RSA_ENCRYPTION);
        for cut in [0, 1, 10, der.len() / 2, der.len() - 1] {
            assert!(Request::parse(&der[..cut]).is_err(), "{cut}");
        }
        let mut trailing = der.clone();
        trailing.push(0);
        assert!(Request::parse(&trailing).is_err());
    }
}
