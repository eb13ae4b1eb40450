//! The `fetch` subcommand: the chain a live host presents, analysed like exported files, or
//! printed as PEM.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use msstd_check::{analyze, Input, Options, Report, UnixTime};

use msstd_check::render::Language;

use super::{hosts, now, parse_language, print_report, read_input, usage_error, EXIT_FETCH_FAILED, EXIT_USAGE};
use crate::aia;
use crate::fetch::{fetch, Fetched, Settings};
use crate::policy::Policy;
use crate::resolve::{parse_dns_server, ConnectTo, Resolver};
use crate::revocation;
use crate::stores::Stores;
use crate::target::{parse_host, parse_host_port, parse_starttls, Sni, StartTls, Target};
use crate::timeouts;

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

/// Fetches at once with `--hosts`, unless `--concurrency` says otherwise.
const DEFAULT_CONCURRENCY: usize = 8;
/// The most `--concurrency` allows: the fetches are threads.
const MAX_CONCURRENCY: usize = 64;

/// Reads a number of seconds from 1 to 120.
pub(crate) fn parse_seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(seconds @ 1..=120) => Ok(Duration::from_secs(seconds)),
        _ => Err(format!("--timeout takes whole seconds from 1 to 120, not {text:?}")),
    }
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut destination = None;
    let (mut list, mut concurrency) = (None, DEFAULT_CONCURRENCY);
    let (mut sni, mut starttls) = (None, None);
    let (mut msstd, mut host, mut trust, mut at) = (None, None, Vec::new(), None);
    let (mut timeout, mut json, mut pem) = (timeouts::DEFAULT, false, false);
    let mut language = Language::default();
    let (mut domain, mut connect_to, mut dns_server) = (None, Vec::new(), None);
    let mut no_revocation = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--sni" => sni = Some(Sni::Name(value("--sni")?)),
            "--no-sni" => sni = Some(Sni::None),
            "--starttls" => starttls = Some(parse_starttls(&value("--starttls")?).map_err(|e| e.to_string())?),
            "--msstd" => msstd = Some(value("--msstd")?),
            "--host" => host = Some(parse_host(&value("--host")?).map_err(|e| e.to_string())?),
            "--trust" => trust.push(value("--trust")?),
            "--at" => {
                let text = value("--at")?;
                at = Some(UnixTime::parse_rfc3339(&text).ok_or_else(|| format!("--at: not an RFC 3339 time: {text}"))?);
            }
            "--timeout" => timeout = parse_seconds(&value("--timeout")?)?,
            "--json" => json = true,
            "--no-revocation" => no_revocation = true,
            "--pem" => pem = true,
            "--hosts" => list = Some(value("--hosts")?),
            "--concurrency" => {
                let text = value("--concurrency")?;
                concurrency = text
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_CONCURRENCY).contains(n))
                    .ok_or_else(|| format!("--concurrency takes a number from 1 to {MAX_CONCURRENCY}, not {text:?}"))?;
            }
            "--lang" => language = parse_language(&value("--lang")?)?,
            "--domain" => domain = Some(parse_host(&value("--domain")?).map_err(|e| e.to_string())?),
            "--connect-to" => connect_to.push(ConnectTo::parse(&value("--connect-to")?)?),
            "--dns-server" => dns_server = Some(parse_dns_server(&value("--dns-server")?)?),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other if destination.is_none() => destination = Some(other.to_owned()),
            other => return Err(format!("one HOST[:PORT] at a time ({other} is a second one)")),
        }
    }
    if json && pem {
        return Err("--json and --pem exclude each other".to_owned());
    }
    let destination = match (destination, list, domain) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => {
            return Err("one of HOST[:PORT], --hosts FILE and --domain DOMAIN".to_owned())
        }
        (None, None, None) => return Err("no HOST[:PORT] given (or --hosts FILE, or --domain DOMAIN)".to_owned()),
        (None, None, Some(_)) if pem || sni.is_some() || starttls.is_some() => {
            return Err("--pem, --sni and --starttls are for one host, not --domain".to_owned());
        }
        (None, None, Some(domain)) => Destination::Domain(domain),
        (None, Some(_), None) if pem || sni.is_some() => {
            return Err("--pem and --sni are for one host, not --hosts".to_owned());
        }
        (None, Some(list), None) => Destination::Many {
            list,
            starttls,
            concurrency,
        },
        (Some(destination), None, None) => {
            let (name, port) = parse_host_port(&destination).map_err(|e| e.to_string())?;
            Destination::One(Target::new(name, port, sni, starttls).map_err(|e| e.to_string())?)
        }
    };
    Ok(Args {
        destination,
        msstd,
        host,
        trust,
        at,
        timeout,
        json,
        pem,
        language,
        resolver: Resolver::new(connect_to, dns_server),
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

/// The report on the chain `fetched` presents, completed from AIA URLs where the server does
/// not send an issuer (`aia::complete`; a download that fails is said on standard error).
pub(crate) fn analyse(fetched: &Fetched, args: &Args, stores: &Stores) -> Result<Report, msstd_check::Error> {
    let connected_name =
        (fetched.target.host.parse::<std::net::IpAddr>().is_err()).then_some(fetched.target.host.as_str());
    let options = Options {
        principal: args.msstd.as_deref(),
        host: args.host.as_deref().or(connected_name),
        now: args.at.unwrap_or_else(now),
        trust: Some(&stores.mozilla),
        windows_trust: Some(&stores.microsoft),
        verifier: &msstd_check::signature::RustCrypto,
        revocation: &[],
    };
    let trusted: Vec<Input<'_>> = stores
        .trusted
        .iter()
        .map(|(name, bytes)| Input::new(name, bytes).trusted())
        .collect();
    let settings = settings(args);
    let (report, downloaded) = aia::complete(fetched, &trusted, &settings, Vec::new(), |inputs| {
        analyze(inputs, &options)
    })?;
    if args.no_revocation {
        return Ok(report);
    }
    // Every certificate at hand, for the issuers the revocation answers are verified against.
    let mut der: Vec<Vec<u8>> = fetched.handshake.chain.clone();
    for bytes in downloaded
        .iter()
        .map(|d| d.bytes.as_slice())
        .chain(stores.trusted.iter().map(|(_, b)| b.as_slice()))
    {
        if let Ok(decoded) = msstd_check::input::decode(&Input::new("", bytes)) {
            der.extend(decoded.certificates);
        }
    }
    let evidence = revocation::check(
        &report,
        &der,
        fetched.handshake.stapled_ocsp.as_deref(),
        &settings,
        options.now,
    );
    if evidence.is_empty() {
        return Ok(report);
    }
    let options = Options {
        revocation: &evidence,
        ..options
    };
    let (report, _) = aia::complete(fetched, &trusted, &settings, downloaded, |inputs| {
        analyze(inputs, &options)
    })?;
    Ok(report)
}

pub(crate) fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => return usage_error("fetch", &message),
    };
    let mut trusted = Vec::new();
    for path in &args.trust {
        match read_input(path) {
            Ok(bytes) => trusted.push((path.clone(), bytes)),
            Err(message) => return usage_error("fetch", &message),
        }
    }
    let stores = Stores::new(trusted);
    let target = match &args.destination {
        Destination::One(target) => target,
        Destination::Many { .. } => return hosts::run(&args, &stores),
        Destination::Domain(domain) => return super::domain::run(domain, &args, &stores),
    };
    let fetched = match fetch(target, &settings(&args)) {
        Ok(fetched) => fetched,
        Err(error) => {
            if args.json {
                let body = serde_json::json!({ "error": { "code": error.code(), "message": error.to_string() } });
                println!("{}", serde_json::to_string_pretty(&body).unwrap_or_default());
            }
            eprintln!("msstd-relay fetch: {}: {error}", error.code());
            return ExitCode::from(EXIT_FETCH_FAILED);
        }
    };
    if args.pem {
        print!("{}", fetched.pem());
        return ExitCode::SUCCESS;
    }
    match analyse(&fetched, &args, &stores) {
        Ok(report) => print_report(
            &report,
            args.json,
            args.language,
            &describe(&fetched),
            Some(fetched.connection_json()),
        ),
        Err(error) => {
            eprintln!("msstd-relay fetch: the server's certificates cannot be analysed: {error}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::tests::strings;

    #[test]
    fn parses_a_full_command_line() {
        let args = parse(&strings(&[
            "mail.contoso.com:587",
            "--msstd",
            "msstd:mail.contoso.com",
            "--timeout",
            "2",
            "--json",
        ]))
        .unwrap();
        let Destination::One(target) = &args.destination else {
            panic!()
        };
        assert_eq!(target.port, 587);
        assert_eq!(target.starttls, Some(StartTls::Smtp));
        assert_eq!(args.timeout, Duration::from_secs(2));
        assert!(args.json);
        let args = parse(&strings(&[
            "192.0.2.1",
            "--sni",
            "mail.contoso.com",
            "--starttls",
            "none",
        ]))
        .unwrap();
        let Destination::One(target) = &args.destination else {
            panic!()
        };
        assert_eq!(target.sni_name(), Some("mail.contoso.com"));
        assert_eq!(target.starttls, None);
        let args = parse(&strings(&["--hosts", "-", "--concurrency", "16", "--starttls", "smtp"])).unwrap();
        assert!(matches!(
            args.destination,
            Destination::Many { ref list, concurrency: 16, starttls: Some(Some(StartTls::Smtp)) } if list == "-"
        ));
    }

    #[test]
    fn rejects_bad_command_lines() {
        for bad in [
            &[][..],
            &["a.example", "b.example"],
            &["a.example", "--json", "--pem"],
            &["a.example", "--timeout", "0"],
            &["a.example", "--starttls", "ftp"],
            &["a.example:http"],
            &["a.example", "--bogus"],
            &["a.example", "--hosts", "list.txt"],
            &["--hosts", "list.txt", "--pem"],
            &["--hosts", "list.txt", "--concurrency", "0"],
            &["--hosts", "list.txt", "--concurrency", "65"],
        ] {
            assert!(parse(&strings(bad)).is_err(), "{bad:?}");
        }
    }
}
