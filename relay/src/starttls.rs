//! The plain-text dialogues that upgrade SMTP (RFC 3207), IMAP (RFC 3501 section 6.2.1) and
//! POP3 (RFC 2595 section 4) sessions to TLS.
//!
//! Replies are read a byte at a time so that nothing after the "go ahead" line is consumed: the
//! next bytes belong to the TLS handshake.

use std::io::{self, Read, Write};
use std::net::TcpStream;

use crate::error::FetchError;
use crate::target::StartTls;
use crate::timeouts::Deadline;

/// Longest reply line read (RFC 5321 allows 512; servers send longer banners).
const MAX_LINE: usize = 4096;
/// Most lines in one multi-line reply (an EHLO answer has a dozen).
const MAX_LINES: usize = 100;

/// Runs the dialogue for `protocol` on `stream`; on success the next bytes are TLS.
pub(crate) fn upgrade(stream: &mut TcpStream, protocol: StartTls, deadline: Deadline) -> Result<(), FetchError> {
    let mut session = Session {
        stream,
        deadline,
        protocol,
    };
    match protocol {
        StartTls::Smtp => session.smtp(),
        StartTls::Imap => session.imap(),
        StartTls::Pop3 => session.pop3(),
    }
}

struct Session<'a> {
    stream: &'a mut TcpStream,
    deadline: Deadline,
    protocol: StartTls,
}

impl Session<'_> {
    fn refused(&self, reply: &str) -> FetchError {
        FetchError::StartTls {
            protocol: self.protocol.as_str(),
            reply: reply.to_owned(),
        }
    }

    fn io_error(&self, error: io::Error) -> FetchError {
        match error.kind() {
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => FetchError::Timeout {
                stage: "STARTTLS dialogue",
                seconds: self.deadline.seconds(),
            },
            io::ErrorKind::UnexpectedEof | io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                FetchError::Closed {
                    stage: "STARTTLS dialogue",
                }
            }
            _ => FetchError::Connect {
                address: self
                    .stream
                    .peer_addr()
                    .map_or_else(|_| "the server".into(), |a| a.to_string()),
                detail: error.to_string(),
            },
        }
    }

    fn line(&mut self) -> Result<String, FetchError> {
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        loop {
            let timeout = self.deadline.remaining().map_err(|e| self.io_error(e))?;
            self.stream
                .set_read_timeout(Some(timeout))
                .map_err(|e| self.io_error(e))?;
            match self.stream.read(&mut byte) {
                Ok(0) => return Err(self.io_error(io::ErrorKind::UnexpectedEof.into())),
                Ok(_) if byte[0] == b'\n' => break,
                Ok(_) if line.len() >= MAX_LINE => return Err(self.refused("a reply line longer than 4096 bytes")),
                Ok(_) => line.push(byte[0]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.io_error(e)),
            }
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        if line.first().is_some_and(|&b| b == 0x16) {
            return Err(FetchError::StartTls {
                protocol: self.protocol.as_str(),
                reply: "the server started TLS at once: this port uses implicit TLS, try --starttls none".into(),
            });
        }
        Ok(String::from_utf8_lossy(&line).into_owned())
    }

    fn send(&mut self, command: &str) -> Result<(), FetchError> {
        self.stream
            .write_all(format!("{command}\r\n").as_bytes())
            .map_err(|e| self.io_error(e))
    }

    /// An SMTP reply: lines `NNN-text` ending with `NNN text`. Returns the code and all lines.
    fn smtp_reply(&mut self) -> Result<(u16, Vec<String>), FetchError> {
        let mut lines = Vec::new();
        loop {
            let line = self.line()?;
            let code = line.get(..3).and_then(|c| c.parse::<u16>().ok());
            let Some(code) = code else {
                return Err(self.refused(&format!("not an SMTP reply: {}", excerpt(&line))));
            };
            let last = line.as_bytes().get(3) != Some(&b'-');
            lines.push(line);
            if last {
                return Ok((code, lines));
            }
            if lines.len() >= MAX_LINES {
                return Err(self.refused("an endless multi-line reply"));
            }
        }
    }

    fn smtp(&mut self) -> Result<(), FetchError> {
        let (code, greeting) = self.smtp_reply()?;
        if code != 220 {
            return Err(self.refused(&format!("greeting {}", excerpt(&greeting.join(" ")))));
        }
        self.send("EHLO msstd-relay.invalid")?;
        let (code, extensions) = self.smtp_reply()?;
        if code != 250 {
            return Err(self.refused(&format!("EHLO answered {}", excerpt(&extensions.join(" ")))));
        }
        let offers_starttls = extensions.iter().skip(1).any(|line| {
            line.get(4..)
                .is_some_and(|ext| ext.trim().eq_ignore_ascii_case("STARTTLS"))
        });
        if !offers_starttls {
            return Err(self.refused("STARTTLS is not among the extensions the server announces after EHLO"));
        }
        self.send("STARTTLS")?;
        match self.smtp_reply()? {
            (220, _) => Ok(()),
            (_, reply) => Err(self.refused(&format!("STARTTLS answered {}", excerpt(&reply.join(" "))))),
        }
    }

    fn imap(&mut self) -> Result<(), FetchError> {
        let greeting = self.line()?;
        if !greeting.to_ascii_uppercase().starts_with("* OK") {
            return Err(self.refused(&format!("greeting {}", excerpt(&greeting))));
        }
        self.send("m1 STARTTLS")?;
        for _ in 0..MAX_LINES {
            let line = self.line()?;
            if let Some(status) = line.strip_prefix("m1 ") {
                return if status.to_ascii_uppercase().starts_with("OK") {
                    Ok(())
                } else {
                    Err(self.refused(&format!("STARTTLS answered {}", excerpt(status))))
                };
            }
        }
        Err(self.refused("no tagged answer to STARTTLS"))
    }

    fn pop3(&mut self) -> Result<(), FetchError> {
        let greeting = self.line()?;
        if !greeting.starts_with("+OK") {
            return Err(self.refused(&format!("greeting {}", excerpt(&greeting))));
        }
        self.send("STLS")?;
        let reply = self.line()?;
        if reply.starts_with("+OK") {
            Ok(())
        } else {
            Err(self.refused(&format!("STLS answered {}", excerpt(&reply))))
        }
    }
}

/// At most 200 characters of a server's reply, for messages.
fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    format!("\"{out}\"")
}
