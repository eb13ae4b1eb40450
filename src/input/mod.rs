//! Turning whatever the admin has (a paste, a `.cer`, a `.p7b`, a `.pfx`) into certificates.
//!
//! The format is recognised from the content, never from the file name: people rename files.

mod der;
pub(crate) mod names;
#[cfg(feature = "pkcs12")]
mod pkcs12;
mod pkcs7;
pub(crate) mod private_key;
mod text;

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
}

/// One recognised element of an input.
pub(crate) enum Item {
    Certificate(Vec<u8>),
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
        Some(text) => text::decode(text, input.password).and_then(|(format, items)| collect(format, items)),
        None => der::decode(input.bytes, input.password).and_then(|(format, items)| collect(format, items)),
    };
    match (decoded, text) {
        // No certificate in the text, but one named: the names checks still run.
        (Err(Error::NoCertificateInText), Some(text)) => match names::read(&text) {
            Some(named) => Ok(Decoded {
                format: Format::Names,
                certificates: Vec::new(),
                keys: Vec::new(),
                names: Some(named),
            }),
            None => Err(Error::NoCertificateInText),
        },
        (decoded, _) => decoded,
    }
}

fn collect(format: Format, items: Vec<Item>) -> Result<Decoded, Error> {
    let mut certificates = Vec::new();
    let mut keys = Vec::new();
    let mut first_other = None;
    for item in items {
        match item {
            Item::Certificate(der) => certificates.push(der),
            Item::PrivateKey(key) => keys.push(key),
            Item::NotACertificate(error) => {
                first_other.get_or_insert(error);
            }
        }
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
    })
}
