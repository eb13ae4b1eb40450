//! Exchange's name for a certificate on a connector, `TlsCertificateName`: `<I>` and the
//! issuer, then `<S>` and the subject, each as Windows prints a distinguished name
//! (`<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com`; Microsoft Learn,
//! "Set-SendConnector" and "Set-ReceiveConnector", `-TlsCertificateName`). The Hybrid
//! Configuration Wizard writes it from the certificate's `Issuer` and `Subject` properties,
//! which are `CertNameToStr` text ([`crate::x509`]'s `windows_text`).

use std::fmt;

/// An issuer and a subject, as a connector names a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TlsName {
    pub issuer: String,
    pub subject: String,
}

impl TlsName {
    /// The string as a connector holds it, or `None` when it is not `<I>…<S>…`.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let text = text.trim().trim_matches(|c| c == '"' || c == '\'');
        let rest = strip_prefix_ignore_case(text, "<I>")?;
        let at = rest.to_ascii_uppercase().find("<S>")?;
        let issuer = rest[..at].trim();
        let subject = rest[at + 3..].trim();
        (!issuer.is_empty() && !subject.is_empty()).then(|| Self {
            issuer: issuer.to_owned(),
            subject: subject.to_owned(),
        })
    }

    /// Whether this names the certificate with `issuer` and `subject` (Windows text). The
    /// names are compared attribute by attribute, ignoring case and the spacing around
    /// separators, since an admin may have typed the string.
    pub(crate) fn names(&self, issuer: &str, subject: &str) -> bool {
        same_name(&self.issuer, issuer) && same_name(&self.subject, subject)
    }
}

impl fmt::Display for TlsName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<I>{}<S>{}", self.issuer, self.subject)
    }
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// Two distinguished names in Windows text are the same name.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    attributes(a) == attributes(b)
}

/// A name's attributes, each `KEY=value` with the key upper-cased and in Windows' spelling,
/// the value unquoted and lower-cased.
fn attributes(name: &str) -> Vec<(String, String)> {
    split_unquoted(name)
        .into_iter()
        .map(|attribute| {
            let (key, value) = attribute.split_once('=').unwrap_or(("", attribute));
            let key = key.trim().to_ascii_uppercase();
            let key = match key.as_str() {
                "ST" => "S".to_owned(),
                "EMAIL" | "EMAILADDRESS" => "E".to_owned(),
                _ => key,
            };
            (key, unquote(value.trim()).to_lowercase())
        })
        .collect()
}

/// The attributes of a name: the text split at `,` and `+` outside double quotes.
fn split_unquoted(name: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (at, c) in name.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' | '+' if !quoted => {
                parts.push(name[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(name[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// A value without its double quotes, a doubled quote inside read as one.
fn unquote(value: &str) -> String {
    match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_string_as_connectors_print_it() {
        let name = TlsName::parse("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com").unwrap();
        assert_eq!(name.issuer, "CN=R11, O=Let's Encrypt, C=US");
        assert_eq!(name.subject, "CN=mail.contoso.com");
        assert_eq!(
            name.to_string(),
            "<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com"
        );
        assert!(TlsName::parse("<i>CN=a<s>CN=b").is_some(), "the tags in any case");
        for not in ["", "CN=mail.contoso.com", "<I>CN=a", "<I><S>CN=b", "<S>CN=b<I>CN=a"] {
            assert_eq!(TlsName::parse(not), None, "{not}");
        }
    }

    #[test]
    fn compares_attribute_by_attribute() {
        let name = TlsName::parse("<I>CN=R11,O=Let's Encrypt,C=US<S>cn=Mail.Contoso.com").unwrap();
        assert!(name.names("CN=R11, O=Let's Encrypt, C=US", "CN=mail.contoso.com"));
        assert!(!name.names("CN=R10, O=Let's Encrypt, C=US", "CN=mail.contoso.com"));
        assert!(
            !name.names("O=Let's Encrypt, CN=R11, C=US", "CN=mail.contoso.com"),
            "order counts"
        );
        assert!(same_name(
            "CN=\"Contoso, Inc.\" + OU=IT, ST=Lombardia",
            "CN=\"Contoso, Inc.\"+OU=IT, S=Lombardia"
        ));
        assert!(same_name("CN=\"say \"\"hi\"\"\"", "CN=say \"hi\""));
        assert!(!same_name("CN=a, O=b", "CN=a"));
    }
}
