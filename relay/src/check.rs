//! The `check` subcommand: exported certificates in, the engine's report out.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use msstd_check::render::{self, Style};
use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};

/// Parsed command-line arguments.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    msstd: Option<String>,
    host: Option<String>,
    trust: Vec<String>,
    password_env: Option<String>,
    at: Option<UnixTime>,
    json: bool,
    files: Vec<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--msstd" => parsed.msstd = Some(value("--msstd")?),
            "--host" => parsed.host = Some(value("--host")?),
            "--trust" => parsed.trust.push(value("--trust")?),
            "--password-env" => parsed.password_env = Some(value("--password-env")?),
            "--at" => {
                let text = value("--at")?;
                parsed.at =
                    Some(UnixTime::parse_rfc3339(&text).ok_or_else(|| format!("--at: not an RFC 3339 time: {text}"))?);
            }
            "--json" => parsed.json = true,
            "-" => parsed.files.push(arg.clone()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            file => parsed.files.push(file.to_owned()),
        }
    }
    if parsed.files.is_empty() {
        return Err("no certificate file given (use - for standard input)".to_owned());
    }
    Ok(parsed)
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    let limit = msstd_check::limits::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("{path}: {e}"))?;
    Ok(bytes)
}

fn now() -> UnixTime {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    UnixTime(i64::try_from(secs).unwrap_or(i64::MAX))
}

pub(crate) fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("msstd-relay check: {message}\n(see msstd-relay --help)");
            return ExitCode::from(2);
        }
    };
    let password = match &args.password_env {
        Some(var) => match std::env::var(var) {
            Ok(password) => Some(password),
            Err(_) => {
                eprintln!("msstd-relay check: environment variable {var} is not set");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mut contents = Vec::new();
    for path in args.files.iter().chain(&args.trust) {
        match read(path) {
            Ok(bytes) => contents.push((path.as_str(), bytes)),
            Err(message) => {
                eprintln!("msstd-relay check: {message}");
                return ExitCode::from(2);
            }
        }
    }
    let inputs: Vec<Input<'_>> = contents
        .iter()
        .enumerate()
        .map(|(i, (name, bytes))| Input {
            name: if *name == "-" { "standard input" } else { name },
            bytes,
            password: password.as_deref(),
            trusted: i >= args.files.len(),
        })
        .collect();
    let trust = TrustStore::mozilla();
    let options = Options {
        principal: args.msstd.as_deref(),
        host: args.host.as_deref(),
        now: args.at.unwrap_or_else(now),
        trust: &trust,
    };
    let report = match analyze(&inputs, &options) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("msstd-relay check: {error}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        println!("{}", render::json(&report));
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        print!(
            "{}",
            render::text(&report, if colour { Style::Ansi } else { Style::Plain })
        );
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_every_option() {
        let args = parse(&strings(&[
            "--msstd",
            "msstd:a",
            "--host",
            "h",
            "--trust",
            "r.pem",
            "--at",
            "2020-01-01",
            "--json",
            "a.pem",
            "-",
        ]))
        .unwrap();
        assert_eq!(args.msstd.as_deref(), Some("msstd:a"));
        assert_eq!(args.trust, vec!["r.pem"]);
        assert_eq!(args.at, UnixTime::parse_rfc3339("2020-01-01"));
        assert!(args.json);
        assert_eq!(args.files, vec!["a.pem", "-"]);
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&strings(&[])).is_err());
        assert!(parse(&strings(&["--msstd"])).is_err());
        assert!(parse(&strings(&["--bogus", "a.pem"])).is_err());
        assert!(parse(&strings(&["--at", "yesterday", "a.pem"])).is_err());
    }
}
