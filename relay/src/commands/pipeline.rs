//! What `fetch`, `fetch --hosts` and `fetch --domain` share: the command line parsed into
//! [`Args`], the [`Settings`] it gives every connection, the analysis of a fetched chain (issuers
//! completed from AIA URLs, revocation asked) and the line that describes the connection.

use std::fmt::Write as _;
use std::time::Duration;

use msstd_check::render::Language;
use msstd_check::{Input, Report, UnixTime};

use super::now;
use crate::analysis::{self, Network, Presented};
use crate::cli::{FetchArgs, StartTlsArg};
use crate::fetch::Fetched;
use crate::policy::Policy;
use crate::resolve::Resolver;
use crate::settings::Settings;
use crate::stores::Stores;
use crate::target::{parse_host, parse_host_port, Sni, StartTls, Target};

/// What to fetch: one host, or every host of a list.
#[derive(Debug)]
pub(crate) enum Destination {
    One(Target),
    /// `--hosts FILE` (`-`: standard input), each host with the `--starttls` choice.
    Many {
        list: String,
        starttls: Option<Option<StartTls>>,
        concurrency: usize,
    },
    /// `--domain DOMAIN`: the places Outlook looks for Autodiscover, then the Outlook Anywhere
    /// host (from `--host` or the principal).
    Domain(String),
}

/// Parsed command-line arguments.
#[derive(Debug)]
pub(crate) struct Args {
    pub destination: Destination,
    pub msstd: Option<String>,
    pub host: Option<String>,
    pub trust: Vec<String>,
    pub at: Option<UnixTime>,
    pub timeout: Duration,
    pub json: bool,
    pub pem: bool,
    pub language: Language,
    /// `--connect-to` and `--dns-server`.
    pub resolver: Resolver,
    /// `--no-revocation`: do not ask OCSP responders and CRLs.
    pub no_revocation: bool,
}

/// The internal arguments from the command line: what to fetch, and the checks on what
/// depends on several flags (one value each is checked by clap, in `cli.rs`).
pub(crate) fn parse(cli: FetchArgs) -> Result<Args, String> {
    let FetchArgs {
        target,
        hosts,
        concurrency,
        domain,
        starttls,
        sni,
        no_sni,
        pem,
        no_revocation,
        reaching,
        judging,
    } = cli;
    let sni = match (sni, no_sni) {
        (Some(name), _) => Some(Sni::Name(name)),
        (None, true) => Some(Sni::None),
        (None, false) => None,
    };
    let starttls = starttls.map(StartTlsArg::protocol);
    let destination = match (target, hosts, domain) {
        (Some(target), None, None) => {
            let (name, port) = parse_host_port(&target).map_err(|e| e.to_string())?;
            Destination::One(Target::new(name, port, sni, starttls).map_err(|e| e.to_string())?)
        }
        (None, Some(list), None) => Destination::Many {
            list,
            starttls,
            concurrency: usize::from(concurrency),
        },
        (None, None, Some(domain)) => Destination::Domain(domain),
        // clap's group makes these exactly one.
        _ => return Err("one of HOST[:PORT], --hosts FILE and --domain DOMAIN".to_owned()),
    };
    let host = judging
        .host
        .map(|h| parse_host(&h).map_err(|e| e.to_string()))
        .transpose()?;
    Ok(Args {
        destination,
        msstd: judging.msstd,
        host,
        trust: judging.trust,
        at: judging.at,
        timeout: reaching.timeout,
        json: judging.json,
        pem,
        language: judging.language.into(),
        resolver: Resolver::new(reaching.connect_to, reaching.dns_server),
        no_revocation,
    })
}

/// One line about the connection, above the analysis.
pub(crate) fn describe(fetched: &Fetched) -> String {
    let mut line = format!("Fetched from {} ({})", fetched.target, fetched.address);
    if let Some(protocol) = fetched.target.starttls {
        let _ = write!(line, " after {} STARTTLS", protocol.as_str().to_ascii_uppercase());
    }
    match fetched.target.sni_name() {
        Some(sni) => {
            let _ = write!(line, ", SNI {sni}");
        }
        None => line.push_str(", no SNI"),
    }
    let handshake = &fetched.handshake;
    let _ = write!(line, ": {}, {}", handshake.tls_version, handshake.cipher_suite);
    if let Some(alpn) = &handshake.alpn {
        let _ = write!(line, ", ALPN {alpn}");
    }
    let count = handshake.chain.len();
    let _ = writeln!(
        line,
        "; {count} certificate{} in {:.0} ms\n",
        if count == 1 { "" } else { "s" },
        fetched.timings.total
    );
    line
}

/// The fetch settings: any address and port (the command line is the admin's own tool; the
/// policy guards `serve`).
pub(crate) fn settings(args: &Args) -> Settings {
    Settings {
        policy: Policy::unrestricted(),
        timeout: args.timeout,
        resolver: args.resolver.clone(),
    }
}

/// The report on the chain `fetched` presents beside the roots given with `--trust`, completed
/// by the engine's loop ([`crate::analysis::complete`]): issuers the server does not send
/// downloaded from AIA URLs (a download that fails is said on standard error), revocation asked
/// unless `--no-revocation`.
pub(crate) fn analyse(fetched: &Fetched, args: &Args, stores: &Stores) -> Result<Report, msstd_check::Error> {
    let connected_name =
        (fetched.target.host.parse::<std::net::IpAddr>().is_err()).then_some(fetched.target.host.as_str());
    let options = analysis::options(stores, args.at.unwrap_or_else(now))
        .principal(args.msstd.as_deref())
        .host(args.host.as_deref().or(connected_name));
    let presented = Presented::of(fetched);
    let inputs: Vec<Input<'_>> = std::iter::once(presented.input())
        .chain(analysis::trusted(stores))
        .collect();
    let settings = settings(args);
    let network = Network::for_fetched(fetched, &settings);
    Ok(analysis::complete(&inputs, &options, !args.no_revocation, Some(network))?.report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn fetch_args(args: &[&str]) -> Args {
        let cli = Cli::try_parse_from(["msstd-relay", "fetch"].iter().chain(args)).unwrap();
        let Some(Command::Fetch(fetch)) = cli.command else {
            panic!()
        };
        parse(fetch).unwrap()
    }

    #[test]
    fn parses_a_full_command_line() {
        let args = fetch_args(&[
            "mail.contoso.com:587",
            "--msstd",
            "msstd:mail.contoso.com",
            "--timeout",
            "2",
            "--json",
        ]);
        let Destination::One(target) = &args.destination else {
            panic!()
        };
        assert_eq!(target.port, 587);
        assert_eq!(target.starttls, Some(StartTls::Smtp));
        assert_eq!(args.timeout, Duration::from_secs(2));
        assert!(args.json);
        let args = fetch_args(&["192.0.2.1", "--sni", "mail.contoso.com", "--starttls", "none"]);
        let Destination::One(target) = &args.destination else {
            panic!()
        };
        assert_eq!(target.sni_name(), Some("mail.contoso.com"));
        assert_eq!(target.starttls, None);
        let args = fetch_args(&["--hosts", "-", "--concurrency", "16", "--starttls", "smtp"]);
        assert!(matches!(
            args.destination,
            Destination::Many { ref list, concurrency: 16, starttls: Some(Some(StartTls::Smtp)) } if list == "-"
        ));
        let args = fetch_args(&["--domain", "contoso.com", "--no-revocation", "--lang", "it"]);
        assert!(matches!(args.destination, Destination::Domain(ref d) if d == "contoso.com"));
        assert!(args.no_revocation);
        assert_eq!(args.language, Language::It);
    }

    #[test]
    fn a_port_that_is_no_number_is_refused() {
        let cli = Cli::try_parse_from(["msstd-relay", "fetch", "a.example:http"]).unwrap();
        let Some(Command::Fetch(fetch)) = cli.command else {
            panic!()
        };
        assert!(parse(fetch).is_err());
    }
}
