//! What to connect to: host, port, the name sent as SNI, and the protocol spoken before TLS.

use std::fmt;
use std::net::IpAddr;

use crate::error::FetchError;

/// A protocol whose plain-text session is upgraded to TLS before the handshake (STARTTLS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StartTls {
    Smtp,
    Imap,
    Pop3,
}

impl StartTls {
    /// The name used on the command line, in the API and in JSON.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Smtp => "smtp",
            Self::Imap => "imap",
            Self::Pop3 => "pop3",
        }
    }

    /// The protocol Exchange speaks in plain text on `port` before upgrading, if any: 25 and 587
    /// SMTP, 143 IMAP, 110 POP3. Ports 465, 993 and 995 use TLS from the first byte.
    pub(crate) fn usual_for(port: u16) -> Option<Self> {
        match port {
            25 | 587 => Some(Self::Smtp),
            143 => Some(Self::Imap),
            110 => Some(Self::Pop3),
            _ => None,
        }
    }
}

/// How `--starttls` / `starttls=` was given: a protocol, `none`, or not at all (then the port
/// decides, see [`StartTls::usual_for`]).
pub(crate) fn parse_starttls(text: &str) -> Result<Option<StartTls>, FetchError> {
    match text.to_ascii_lowercase().as_str() {
        "smtp" => Ok(Some(StartTls::Smtp)),
        "imap" => Ok(Some(StartTls::Imap)),
        "pop3" => Ok(Some(StartTls::Pop3)),
        "none" => Ok(None),
        _ => Err(FetchError::BadTarget(format!(
            "starttls must be smtp, imap, pop3 or none, not {text:?}"
        ))),
    }
}

/// The server name indication to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Sni {
    /// Send this name.
    Name(String),
    /// Send none (the default for an IP address, or asked for).
    None,
}

/// A fully resolved request: everything needed to open the connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub host: String,
    pub port: u16,
    pub sni: Sni,
    pub starttls: Option<StartTls>,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// Default port: HTTPS, where Outlook Anywhere lives.
pub(crate) const DEFAULT_PORT: u16 = 443;

/// Splits `HOST[:PORT]`, `[IPv6]:PORT` or a bare IPv6 address, and checks the host is something
/// a connection can be opened to.
pub(crate) fn parse_host_port(text: &str) -> Result<(String, u16), FetchError> {
    let text = text.trim();
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| FetchError::BadTarget(format!("{text}: missing ']' after the IPv6 address")))?;
        match after {
            "" => (host, None),
            _ => match after.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                None => return Err(FetchError::BadTarget(format!("{text}: expected :PORT after ']'"))),
            },
        }
    } else if text.matches(':').count() > 1 {
        (text, None)
    } else {
        match text.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    let port = match port {
        None => DEFAULT_PORT,
        Some(port) => parse_port(port)?,
    };
    Ok((parse_host(host)?, port))
}

/// A port number from 1 to 65535.
pub(crate) fn parse_port(text: &str) -> Result<u16, FetchError> {
    match text.parse::<u16>() {
        Ok(port) if port != 0 => Ok(port),
        _ => Err(FetchError::BadTarget(format!(
            "{text:?} is not a port number (1 to 65535)"
        ))),
    }
}

/// An IP address or an ASCII DNS name (an internationalised name in its `xn--` form).
pub(crate) fn parse_host(text: &str) -> Result<String, FetchError> {
    let host = text.trim().trim_end_matches('.');
    if let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        return Ok(ip.to_string());
    }
    if host.is_empty() {
        return Err(FetchError::BadTarget("no host given".to_owned()));
    }
    if !host.is_ascii() {
        return Err(FetchError::BadTarget(format!(
            "{host}: give an internationalised name in its ASCII form (xn--…)"
        )));
    }
    let valid_label = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if host.len() > 253 || !host.split('.').all(valid_label) {
        return Err(FetchError::BadTarget(format!(
            "{host:?} is not a host name or an IP address"
        )));
    }
    Ok(host.to_ascii_lowercase())
}

/// An e-mail domain to check: a DNS name with a dot, not an address.
pub(crate) fn parse_domain(text: &str) -> Result<String, FetchError> {
    let domain = parse_host(text)?;
    if domain.parse::<IpAddr>().is_ok() || !domain.contains('.') {
        return Err(FetchError::BadTarget(format!("{domain} is not an e-mail domain")));
    }
    Ok(domain)
}

impl Target {
    /// A target for `host` and `port`: SNI is the host name (none for an IP address) unless
    /// `sni` overrides it; STARTTLS as asked, or as the port usually needs.
    pub(crate) fn new(
        host: String,
        port: u16,
        sni: Option<Sni>,
        starttls: Option<Option<StartTls>>,
    ) -> Result<Self, FetchError> {
        let sni = match sni {
            Some(Sni::Name(name)) => Sni::Name(parse_host(&name)?),
            Some(Sni::None) => Sni::None,
            None if host.parse::<IpAddr>().is_ok() => Sni::None,
            None => Sni::Name(host.clone()),
        };
        let starttls = starttls.unwrap_or_else(|| StartTls::usual_for(port));
        Ok(Self {
            host,
            port,
            sni,
            starttls,
        })
    }

    /// The SNI name as JSON shows it.
    pub(crate) fn sni_name(&self) -> Option<&str> {
        match &self.sni {
            Sni::Name(name) => Some(name),
            Sni::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_port_forms() {
        let parse = |t: &str| parse_host_port(t).map_err(|e| e.to_string());
        assert_eq!(parse("mail.contoso.com"), Ok(("mail.contoso.com".into(), 443)));
        assert_eq!(parse("Mail.Contoso.com.:587"), Ok(("mail.contoso.com".into(), 587)));
        assert_eq!(parse("[2001:db8::1]:993"), Ok(("2001:db8::1".into(), 993)));
        assert_eq!(parse("2001:db8::1"), Ok(("2001:db8::1".into(), 443)));
        assert_eq!(parse("192.0.2.7:25"), Ok(("192.0.2.7".into(), 25)));
        for bad in [
            "",
            ":443",
            "mail.contoso.com:0",
            "mail.contoso.com:99999",
            "a..b",
            "-a.b",
            "[::1",
            "[::1]x",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse("münchen.de").unwrap_err().contains("xn--"));
    }

    #[test]
    fn sni_and_starttls_defaults() {
        let t = Target::new("mail.contoso.com".into(), 587, None, None).unwrap();
        assert_eq!(t.sni, Sni::Name("mail.contoso.com".into()));
        assert_eq!(t.starttls, Some(StartTls::Smtp));
        let t = Target::new("192.0.2.7".into(), 25, None, Some(None)).unwrap();
        assert_eq!(t.sni, Sni::None);
        assert_eq!(t.starttls, None);
        let t = Target::new(
            "192.0.2.7".into(),
            443,
            Some(Sni::Name("Mail.Contoso.com".into())),
            None,
        )
        .unwrap();
        assert_eq!(t.sni_name(), Some("mail.contoso.com"));
        assert_eq!(t.to_string(), "192.0.2.7:443");
        assert_eq!(parse_starttls("IMAP").unwrap(), Some(StartTls::Imap));
        assert!(parse_starttls("ftp").is_err());
    }
}
