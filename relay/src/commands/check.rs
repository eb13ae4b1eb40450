//! The `check` subcommand: exported certificates in, the engine's report out.

use std::process::ExitCode;

use msstd_check::{render, Input};

use super::{now, print_report, read_input, EXIT_USAGE};
use crate::analysis;
use crate::cli::CheckArgs;
use crate::stores::Stores;

pub(crate) fn run(args: CheckArgs) -> ExitCode {
    let judging = &args.judging;
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
    for path in args.files.iter().chain(&judging.trust) {
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
    // The roots given with `--trust` are among the inputs, read with the password.
    let stores = Stores::new(Vec::new());
    let options = analysis::options(&stores, judging.at.unwrap_or_else(now))
        .principal(judging.msstd.as_deref())
        .host(judging.host.as_deref());
    // Files only: nothing is fetched.
    let report = match analysis::complete(&inputs, &options, false, None) {
        Ok(completed) => completed.report,
        Err(error) => {
            eprintln!(
                "msstd-relay check: {}",
                render::error_in(&error, judging.language.into())
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    print_report(&report, judging.json, judging.language.into(), "", None)
}
