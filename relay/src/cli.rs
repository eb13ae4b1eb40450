//! The command line, declared with clap: per-subcommand `--help`, suggestions for mistyped
//! flags, shell completions (`msstd-relay completions bash`). Each value is parsed and checked
//! here; what depends on several flags at once is the subcommand's (`commands/`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use msstd_check::render::Language;
use msstd_check::UnixTime;

use crate::resolve::{parse_dns_server, ConnectTo};
use crate::target::{parse_domain, parse_port, StartTls};

/// msstd-check at a terminal, and the page's way to see a live server.
#[derive(Debug, Parser)]
#[command(
    name = "msstd-relay",
    version,
    about = "msstd-check at a terminal: will Outlook Anywhere connect, on which Windows clients, what is wrong with the certificate and its chain, and what to type to fix it",
    after_help = "Exit status: 0 no error findings, 1 error findings, 2 unusable input or arguments, 3 a host could \
                  not be fetched. NO_COLOR turns colours off. More: docs/relay.md."
)]
pub(crate) struct Cli {
    /// Without one (a double-click on Windows), `open`.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// What running the binary without a subcommand does: `open` with its defaults.
    pub(crate) fn default_command() -> Result<Command, clap::Error> {
        Self::try_parse_from(["msstd-relay", "open"])?
            .command
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::MissingSubcommand))
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check exported certificates (PEM, DER, .p7b, .pfx) against an msstd: principal name
    Check(CheckArgs),
    /// Fetch and check the chain a live host presents, many hosts, or a whole e-mail domain
    Fetch(FetchArgs),
    /// Serve the built page and the API it uses for live servers (loopback only by default)
    Serve(ServeArgs),
    /// Serve the page on a free loopback port and open it in the default browser (what running
    /// msstd-relay without a subcommand does); on Linux and other Unix, $BROWSER names another
    /// browser command
    Open(ServeArgs),
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

/// What every analysis is judged against, and how it is printed.
#[derive(Debug, Args)]
pub(crate) struct Judging {
    /// The principal name, in any form: msstd:mail.contoso.com, a Set-OutlookProvider line,
    /// Get-OutlookProvider output, Autodiscover XML
    #[arg(long, value_name = "VALUE")]
    pub msstd: Option<String>,
    /// The Outlook Anywhere external host name (fetch: the host connected to unless given)
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,
    /// A root CA to trust (an internal CA); repeatable
    #[arg(long, value_name = "ROOT.pem")]
    pub trust: Vec<String>,
    /// Judge validity at TIME (RFC 3339, e.g. 2026-01-01T00:00:00Z), not now
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    pub at: Option<UnixTime>,
    /// Print the report as JSON (schema msstd-check/report/v1)
    #[arg(long)]
    pub json: bool,
    /// The report's language
    #[arg(long = "lang", value_name = "LANGUAGE", default_value = "en")]
    pub language: Lang,
}

/// A language the report is worded in.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum Lang {
    En,
    It,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::En => Language::En,
            Lang::It => Language::It,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files to check ('-' reads standard input)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    #[command(flatten)]
    pub judging: Judging,
    /// Read the .pfx password from environment variable VAR (never from the command line)
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,
}

/// `--starttls`: a protocol, or `none` for TLS from the first byte.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum StartTlsArg {
    Smtp,
    Imap,
    Pop3,
    None,
}

impl StartTlsArg {
    /// The protocol to upgrade with, `None` for implicit TLS.
    pub(crate) fn protocol(self) -> Option<StartTls> {
        match self {
            Self::Smtp => Some(StartTls::Smtp),
            Self::Imap => Some(StartTls::Imap),
            Self::Pop3 => Some(StartTls::Pop3),
            Self::None => None,
        }
    }
}

/// How names are reached (every form of `fetch`, and `serve`).
#[derive(Debug, Args)]
pub(crate) struct Reaching {
    /// Connect to ADDRESS:PORT for HOST:PORT, still naming HOST (as curl); repeatable
    #[arg(long, value_name = "HOST:PORT:ADDRESS:PORT", value_parser = ConnectTo::parse)]
    pub connect_to: Vec<ConnectTo>,
    /// Resolve every name (and the SRV record) through this DNS server, e.g. the internal one
    #[arg(long, value_name = "IP[:PORT]", value_parser = parse_dns_server)]
    pub dns_server: Option<SocketAddr>,
    /// Limit for resolving and connecting, and again for STARTTLS, the handshake and each HTTP
    /// request, in seconds (1 to 120)
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["target", "hosts", "domain"])))]
pub(crate) struct FetchArgs {
    /// The host to connect to, port 443 unless given ([2001:db8::1]:993 for IPv6). Ports 25 and
    /// 587 use SMTP STARTTLS, 143 IMAP, 110 POP3 unless --starttls says otherwise
    #[arg(value_name = "HOST[:PORT]")]
    pub target: Option<String>,
    /// Fetch every host[:port] of FILE, one a line (# comments; '-' reads standard input), as
    /// JSON Lines with --json or a table
    #[arg(long, value_name = "FILE", conflicts_with_all = ["pem", "sni", "no_sni"])]
    pub hosts: Option<String>,
    /// Hosts fetched at once with --hosts
    #[arg(long, value_name = "N", default_value = "8", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Check the e-mail domain the way Outlook finds it: every place Outlook looks for
    /// Autodiscover, in Outlook's order, then the Outlook Anywhere host (--host, or the
    /// --msstd name)
    #[arg(long, value_name = "DOMAIN", value_parser = parse_domain_arg,
          conflicts_with_all = ["pem", "sni", "no_sni", "starttls"])]
    pub domain: Option<String>,
    /// Upgrade a plain session to TLS with this protocol first; none for implicit TLS
    #[arg(long, value_name = "PROTOCOL")]
    pub starttls: Option<StartTlsArg>,
    /// The server name to send in the handshake (default: the host; none for an IP address)
    #[arg(long, value_name = "NAME", conflicts_with = "no_sni")]
    pub sni: Option<String>,
    /// Send no server name
    #[arg(long)]
    pub no_sni: bool,
    /// Print the fetched chain as PEM, as presented, instead of checking it
    #[arg(long, conflicts_with = "json")]
    pub pem: bool,
    /// Do not ask OCSP responders and CRLs whether the certificates are revoked
    #[arg(long)]
    pub no_revocation: bool,
    #[command(flatten)]
    pub reaching: Reaching,
    #[command(flatten)]
    pub judging: Judging,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Where to listen [default: 127.0.0.1:8787 for serve, a free loopback port for open];
    /// anything but loopback exposes the relay to the network
    #[arg(long, value_name = "IP:PORT")]
    pub listen: Option<SocketAddr>,
    /// Serve the page from DIR [default: the page built into this binary, else dist/ when it
    /// has an index.html]
    #[arg(long, value_name = "DIR")]
    pub dist: Option<PathBuf>,
    /// Let pages from this origin call the API (CORS); repeatable
    #[arg(long, value_name = "ORIGIN", value_parser = parse_origin)]
    pub allow_origin: Vec<String>,
    /// Accept requests addressed to NAME (a DNS name for the relay); repeatable
    #[arg(long, value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Let the relay connect to loopback, private and link-local addresses
    #[arg(long)]
    pub allow_private: bool,
    /// Let the relay connect to PORT besides 443 25 587 465 143 993 110 995; repeatable
    #[arg(long, value_name = "PORT", value_parser = parse_port_arg)]
    pub allow_port: Vec<u16>,
    /// Fetches run at once
    #[arg(long, value_name = "N", default_value = "8", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub max_fetches: u16,
    /// A root CA the domain check trusts (an internal CA); repeatable
    #[arg(long, value_name = "ROOT.pem")]
    pub trust: Vec<String>,
    #[command(flatten)]
    pub reaching: Reaching,
}

/// `--version`: this build, its commit, the root-program releases it judges with, and whether
/// the page is built in, so that a bug report can name exactly what answered.
pub(crate) fn long_version() -> String {
    use msstd_check::{version, TrustStore};
    let store = |name: &str, store: TrustStore| match store.version() {
        Some(v) => format!("\n{name}: {}, published {}", v.version, &v.published.to_string()[..10]),
        None => format!("\n{name}: not built in"),
    };
    let page = match crate::serve::Page::embedded() {
        Some(page) => page.describe(),
        None => "no page built in (serve --dist DIR)".to_owned(),
    };
    format!(
        "{} (msstd-check {}, commit {}){}{}\npage: {page}",
        env!("CARGO_PKG_VERSION"),
        version::VERSION,
        version::COMMIT,
        store("Microsoft Trusted Root Program", TrustStore::microsoft()),
        store("Mozilla root store", TrustStore::mozilla()),
    )
}

/// `--at`: an RFC 3339 time.
fn parse_at(text: &str) -> Result<UnixTime, String> {
    UnixTime::parse_rfc3339(text).ok_or_else(|| format!("not an RFC 3339 time: {text}"))
}

/// A number of seconds from 1 to 120.
pub(crate) fn parse_seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(seconds @ 1..=120) => Ok(Duration::from_secs(seconds)),
        _ => Err(format!("whole seconds from 1 to 120, not {text:?}")),
    }
}

/// `--domain`: a DNS name with a dot (an e-mail address is cut at the @).
fn parse_domain_arg(text: &str) -> Result<String, String> {
    parse_domain(text.rsplit('@').next().unwrap_or(text)).map_err(|e| e.to_string())
}

fn parse_port_arg(text: &str) -> Result<u16, String> {
    parse_port(text).map_err(|e| e.to_string())
}

/// `--allow-origin`: scheme://host[:port], nothing after it.
fn parse_origin(origin: &str) -> Result<String, String> {
    let trimmed = origin.trim_end_matches('/');
    let valid = (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
        && !trimmed
            .split_once("://")
            .is_some_and(|(_, rest)| rest.contains('/') || rest.is_empty());
    if valid {
        Ok(trimmed.to_owned())
    } else {
        Err(format!("an origin like https://tools.contoso.com, not {origin:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_declaration_is_consistent() {
        Cli::command().debug_assert();
    }

    pub(crate) fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("msstd-relay").chain(args.iter().copied()))
    }

    #[test]
    fn mistyped_flags_get_a_suggestion_and_each_subcommand_its_help() {
        let error = parse(&["fetch", "mail.contoso.com", "--dommain", "contoso.com"]).unwrap_err();
        assert!(error.to_string().contains("--domain"), "{error}");
        let help = parse(&["fetch", "--help"]).unwrap_err();
        assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(help.to_string().contains("--concurrency"));
        assert!(
            !help.to_string().contains("--password-env"),
            "check's flags are not fetch's"
        );
    }

    #[test]
    fn values_are_checked_where_they_are_read() {
        for bad in [
            &["check"][..],
            &["check", "--at", "yesterday", "a.pem"],
            &["check", "--lang", "fr", "a.pem"],
            &["fetch"],
            &["fetch", "a.example", "b.example"],
            &["fetch", "a.example", "--json", "--pem"],
            &["fetch", "a.example", "--timeout", "0"],
            &["fetch", "a.example", "--starttls", "ftp"],
            &["fetch", "a.example", "--hosts", "list.txt"],
            &["fetch", "--hosts", "list.txt", "--pem"],
            &["fetch", "--hosts", "list.txt", "--concurrency", "0"],
            &["fetch", "--hosts", "list.txt", "--concurrency", "65"],
            &["fetch", "--domain", "contoso.test", "mail.contoso.test"],
            &["fetch", "--domain", "contoso.test", "--sni", "x"],
            &["fetch", "--domain", "127.0.0.1"],
            &["fetch", "a.example", "--connect-to", "a.example:443"],
            &["fetch", "a.example", "--dns-server", "dns.contoso.com"],
            &["serve", "--listen", "localhost"],
            &["serve", "--allow-origin", "tools.contoso.com"],
            &["serve", "--allow-origin", "https://a/b"],
            &["serve", "--allow-port", "0"],
            &["serve", "--max-fetches", "0"],
            &["serve", "--bogus"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let Some(Command::Fetch(fetch)) = parse(&["fetch", "--domain", "someone@Contoso.com"]).unwrap().command else {
            panic!()
        };
        assert_eq!(fetch.domain.as_deref(), Some("contoso.com"));
    }
}
