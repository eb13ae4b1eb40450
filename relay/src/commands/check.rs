//! The `check` subcommand: exported certificates in, the engine's report out.

use std::process::ExitCode;

use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};

use msstd_check::render::Language;

use super::{now, parse_language, print_report, read_input, usage_error, EXIT_USAGE};

/// Parsed command-line arguments.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    msstd: Option<String>,
    host: Option<String>,
    trust: Vec<String>,
    password_env: Option<String>,
    at: Option<UnixTime>,
    json: bool,
    language: Language,
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
            "--lang" => parsed.language = parse_language(&value("--lang")?)?,
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

pub(crate) fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => return usage_error("check", &message),
    };
    let password = match &args.password_env {
        Some(var) => match std::env::var(var) {
            Ok(password) => Some(password),
            Err(_) => {
                eprintln!("msstd-relay check: environment variable {var} is not set");
                return ExitCode::from(EXIT_USAGE);
            }
        },
        None => None,
    };
    let mut contents = Vec::new();
    for path in args.files.iter().chain(&args.trust) {
        match read_input(path) {
            Ok(bytes) => contents.push((path.as_str(), bytes)),
            Err(message) => {
                eprintln!("msstd-relay check: {message}");
                return ExitCode::from(EXIT_USAGE);
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
            fetched_from: None,
        })
        .collect();
    let trust = TrustStore::mozilla();
    let windows = TrustStore::microsoft();
    let options = Options {
        principal: args.msstd.as_deref(),
        host: args.host.as_deref(),
        now: args.at.unwrap_or_else(now),
        trust: Some(&trust),
        windows_trust: Some(&windows),
        verifier: &msstd_check::signature::RustCrypto,
        revocation: &[],
    };
    let report = match analyze(&inputs, &options) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("msstd-relay check: {error}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    print_report(&report, args.json, args.language, "", None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::tests::strings;

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
            "--lang",
            "it",
            "a.pem",
            "-",
        ]))
        .unwrap();
        assert_eq!(args.language, Language::It);
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
        assert!(parse(&strings(&["--lang", "fr", "a.pem"])).is_err());
    }
}
