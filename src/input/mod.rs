//! Turning whatever the admin has (a paste, a `.cer`, a `.p7b`, a `.pfx`) into certificates.
//!
//! The format is recognised from the content, never from the file name: people rename files.
//! This module decides which format module reads what: `text` finds PEM blocks and bare
//! base64, `der` tells the binary containers apart and recognises single elements, `pkcs7`
//! and `pkcs12` open their containers; none of them calls another.

mod der;
mod exchange;
mod format_list;
pub(crate) mod names;
#[cfg(feature = "pkcs12")]
mod pkcs12;
mod pkcs7;
pub(crate) mod private_key;
mod text;

use crate::asn1::Asn1Error;
use crate::limits::{MAX_CERTIFICATES, MAX_INPUT_BYTES};
pub use crate::report::{Format, NamedCertificate, NamesSource};
use crate::Error;
pub use private_key::KeyPublicPart;
pub use text::as_text;

/// One thing the admin supplied: a file, or the text of the paste box.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// A name to quote in errors and in the report (a file name, or "pasted text").
    pub name: &'a str,
    /// The raw content: file bytes or UTF-8 text.
    pub bytes: &'a [u8],
    /// The password for a PKCS#12 file, if the admin gave one.
    pub password: Option<&'a str>,
    /// Certificates from this input are trust anchors (an internal enterprise root CA), not
    /// part of the chain the server presents.
    pub trusted: bool,
    /// The URL this input was downloaded from, when a tool (`msstd-relay fetch`) fetched a
    /// missing issuer from a certificate's Authority Information Access: it completes the path,
    /// and the report says the server does not send it (`CHAIN_FETCHED_FROM_AIA`).
    pub fetched_from: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// An untrusted input with no password.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Self {
            name,
            bytes,
            password: None,
            trusted: false,
            fetched_from: None,
        }
    }

    /// The same input, marked as downloaded from `url` (an AIA caIssuers URL).
    pub fn fetched_from(mut self, url: &'a str) -> Self {
        self.fetched_from = Some(url);
        self
    }

    /// The same input with a PKCS#12 password.
    pub fn with_password(mut self, password: &'a str) -> Self {
        self.password = Some(password);
        self
    }

    /// The same input, marked as trusted roots.
    pub fn trusted(mut self) -> Self {
        self.trusted = true;
        self
    }
}

/// What one input held.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The format recognised.
    pub format: Format,
    /// DER of each certificate, in the order found.
    pub certificates: Vec<Vec<u8>>,
    /// The public half of each private key found beside the certificates. The private
    /// half is never kept.
    pub keys: Vec<KeyPublicPart>,
    /// What the text says about a certificate it names instead of holding (format `Names`).
    pub names: Option<NamedCertificate>,
    /// Exchange's settings the text prints (connectors, listed certificates), beside
    /// certificates or alone.
    pub exchange: crate::exchange::Settings,
    /// DER of each certificate request (PKCS#10), judged when no certificate is given.
    pub requests: Vec<Vec<u8>>,
}

/// One recognised element of an input.
pub(crate) enum Item {
    Certificate(Vec<u8>),
    /// A certificate request (PKCS#10), read by [`crate::x509::Request`].
    #[cfg(feature = "exchange-settings")]
    Request(Vec<u8>),
    PrivateKey(KeyPublicPart),
    /// Something that is not a certificate; it becomes the error if nothing else is found.
    NotACertificate(Error),
}

/// How errors and the report name the input at `position` (0-based): its name, or its place
/// when it has none.
pub(crate) fn label(name: &str, position: usize) -> String {
    if name.is_empty() {
        format!("input {}", position + 1)
    } else {
        name.to_owned()
    }
}

fn check_size(bytes: usize) -> Result<(), Error> {
    if bytes > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

/// The error [`crate::analyze`] gives when the input named `name` at `position` (0-based) is
/// `bytes` long and over [`MAX_INPUT_BYTES`], for callers that learn an input's size before
/// they hold its bytes (a JavaScript array, a file) and should not copy what will be refused.
///
/// # Errors
/// [`Error::InInput`] with [`Error::TooLarge`] when `bytes` is over the cap.
pub fn check_input_size(name: &str, position: usize, bytes: usize) -> Result<(), Error> {
    check_size(bytes).map_err(|e| e.in_input(label(name, position)))
}

/// The error [`crate::analyze`] gives for `count` inputs. Every input must hold a certificate,
/// so more inputs than [`MAX_CERTIFICATES`] cannot succeed: they are refused before any is
/// decoded, or, by a caller that learns the count first, copied.
///
/// # Errors
/// [`Error::TooManyCertificates`] when `count` is over the cap.
pub fn check_input_count(count: usize) -> Result<(), Error> {
    if count > MAX_CERTIFICATES {
        return Err(Error::TooManyCertificates {
            limit: MAX_CERTIFICATES,
        });
    }
    Ok(())
}

/// Recognises `input` and extracts its certificates.
///
/// # Errors
/// A specific [`Error`] naming what was found when the input holds no certificate or cannot
/// be read. The input's name is not added here; [`crate::analyze`] does that.
pub fn decode(input: &Input<'_>) -> Result<Decoded, Error> {
    check_size(input.bytes.len())?;
    let text = text::as_text(input.bytes);
    let decoded = match &text {
        Some(text) => decode_text(text, input.password).and_then(|(format, items)| collect(format, items)),
        None => decode_binary(input.bytes, input.password).and_then(|(format, items)| collect(format, items)),
    };
    let settings = text.as_deref().map(exchange::read).unwrap_or_default();
    #[cfg(not(feature = "exchange-settings"))]
    if !settings.is_empty() {
        return Err(Error::ExchangeSettingsUnsupported);
    }
    match (decoded, text) {
        // No certificate in the text, but one named, or Exchange's settings: the names and
        // the settings are still checked.
        (Err(Error::NoCertificateInText), Some(text)) => {
            let names = names::read(&text);
            let format = match (&names, settings.is_empty()) {
                (Some(_), _) => Format::Names,
                (None, false) => Format::ExchangeSettings,
                (None, true) => return Err(Error::NoCertificateInText),
            };
            Ok(Decoded {
                format,
                certificates: Vec::new(),
                keys: Vec::new(),
                names,
                exchange: settings,
                requests: Vec::new(),
            })
        }
        (decoded, _) => decoded.map(|decoded| Decoded {
            exchange: settings,
            ..decoded
        }),
    }
}

/// Text: PEM blocks if there are any, else bare base64, read as binary.
fn decode_text(text: &str, password: Option<&str>) -> Result<(Format, Vec<Item>), Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if text.contains("-----BEGIN") {
        return decode_pem(text, password);
    }
    let der = text::bare_base64(text).ok_or(Error::NoCertificateInText)?;
    let (format, items) = decode_binary(&der, password).map_err(|e| match e {
        Error::UnrecognisedBinary => Error::NoCertificateInText,
        other => other,
    })?;
    Ok((if format == Format::Der { Format::Base64 } else { format }, items))
}

/// Every PEM block, read by what its label says it holds.
fn decode_pem(text: &str, password: Option<&str>) -> Result<(Format, Vec<Item>), Error> {
    let mut items = Vec::new();
    let mut format = Format::Pem;
    for block in text::pem_blocks(text) {
        let text::Block { kind, der } = block?;
        match kind {
            text::Kind::Certificate => items.push(der::item(&der)?),
            text::Kind::Pkcs7 => {
                format = Format::Pkcs7;
                items.extend(pkcs7_items(&der)?);
            }
            text::Kind::Pkcs12 => {
                let (_, found) = decode_binary(&der, password)?;
                format = Format::Pkcs12;
                items.extend(found);
            }
            text::Kind::Other(instead) => items.push(der::item(&der).unwrap_or(Item::NotACertificate(instead))),
        }
    }
    Ok((format, items))
}

/// Binary DER: a PKCS#7 bag, a PKCS#12 file, or one element.
fn decode_binary(bytes: &[u8], password: Option<&str>) -> Result<(Format, Vec<Item>), Error> {
    match der::classify(bytes)? {
        der::Kind::Pkcs7 => Ok((Format::Pkcs7, pkcs7_items(bytes)?)),
        der::Kind::Pkcs12 => Ok((Format::Pkcs12, pkcs12_items(bytes, password)?)),
        der::Kind::Other => Ok((Format::Der, vec![der::item(bytes)?])),
    }
}

/// Each certificate of a PKCS#7 bag, recognised.
fn pkcs7_items(der: &[u8]) -> Result<Vec<Item>, Error> {
    pkcs7::certificates(der)?
        .into_iter()
        .map(|element| der::item(element?))
        .collect()
}

/// Each certificate of a PFX, recognised, then its keys.
#[cfg(feature = "pkcs12")]
fn pkcs12_items(der: &[u8], password: Option<&str>) -> Result<Vec<Item>, Error> {
    let contents = pkcs12::decode(der, password)?;
    let mut items = Vec::with_capacity(contents.certificates.len() + contents.keys.len());
    for certificate in &contents.certificates {
        items.push(der::item(certificate)?);
    }
    items.extend(contents.keys.into_iter().map(Item::PrivateKey));
    Ok(items)
}

#[cfg(not(feature = "pkcs12"))]
fn pkcs12_items(_: &[u8], _: Option<&str>) -> Result<Vec<Item>, Error> {
    Err(Error::Pkcs12Unsupported)
}

/// The input error for DER that does not read: cut short, or not DER at all.
fn asn1_error(error: Asn1Error) -> Error {
    match error {
        Asn1Error::Truncated { declared, available } => Error::Truncated { declared, available },
        Asn1Error::Malformed => Error::UnrecognisedBinary,
    }
}

fn collect(format: Format, items: Vec<Item>) -> Result<Decoded, Error> {
    let mut certificates = Vec::new();
    #[cfg_attr(not(feature = "exchange-settings"), allow(unused_mut))]
    let mut requests = Vec::new();
    let mut keys = Vec::new();
    let mut first_other = None;
    for item in items {
        match item {
            Item::Certificate(der) => certificates.push(der),
            #[cfg(feature = "exchange-settings")]
            Item::Request(der) => requests.push(der),
            Item::PrivateKey(key) => keys.push(key),
            Item::NotACertificate(error) => {
                first_other.get_or_insert(error);
            }
        }
    }
    if certificates.is_empty() && !requests.is_empty() {
        return Ok(Decoded {
            format: Format::CertificateRequest,
            certificates,
            keys,
            names: None,
            exchange: crate::exchange::Settings::default(),
            requests,
        });
    }
    if certificates.is_empty() {
        return Err(match (first_other, keys.is_empty()) {
            (Some(error), _) => error,
            (None, false) => Error::PrivateKeyOnly,
            (None, true) => Error::NoCertificateInText,
        });
    }
    Ok(Decoded {
        format,
        certificates,
        keys,
        names: None,
        exchange: crate::exchange::Settings::default(),
        requests,
    })
}
