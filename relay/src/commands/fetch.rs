//! The `fetch` subcommand: the chain a live host presents, analysed like exported files, or
//! printed as PEM; `--hosts` and `--domain` are handed to [`super::hosts`] and
//! [`super::domain`]. What the three share is in [`super::pipeline`].

use std::process::ExitCode;

use super::pipeline::{analyse, describe, parse, settings, Destination};
use super::{print_report, read_input, usage_error, EXIT_FETCH_FAILED, EXIT_USAGE};
use crate::cli::FetchArgs;
use crate::fetch::fetch;
use crate::stores::Stores;

pub(crate) fn run(args: FetchArgs) -> ExitCode {
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
        Destination::Many { .. } => return super::hosts::run(&args, &stores),
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
