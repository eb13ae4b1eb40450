//! `msstd-relay`: msstd-check at a terminal, and the page's way to see a live server.
//!
//! - `check FILE...` analyses exported certificates, like the page does.
//! - `fetch HOST[:PORT]` connects (with STARTTLS for SMTP, IMAP, POP3), captures the chain the
//!   server presents and analyses it, or prints it as PEM.
//! - `serve` serves the built page and an HTTP API that fetches chains for it, on one origin,
//!   with the safeguards described in `docs/relay.md` so it cannot be used to scan a network.
//! - `open` (and the binary run without a subcommand, as a double-click on Windows does) serves
//!   on a free loopback port and opens the default browser there.

mod aia;
mod analysis;
mod cli;
mod commands;
mod domain;
mod error;
mod fetch;
mod http;
mod policy;
mod resolve;
mod revocation;
mod serve;
mod settings;
mod starttls;
mod stores;
mod target;
mod timeouts;
mod tls;
mod web;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use cli::Command;

fn main() -> ExitCode {
    let matches = cli::Cli::command().long_version(cli::long_version()).get_matches();
    let parsed = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    let command = match parsed.command {
        Some(command) => command,
        None => {
            // A double-click: the console window closes with the program, so an error waits
            // for Enter to be read.
            let Command::Open(args) = cli::Cli::default_command().unwrap_or_else(|error| error.exit()) else {
                return ExitCode::from(commands::EXIT_USAGE);
            };
            let status = commands::serve::open(args);
            if status != ExitCode::SUCCESS && std::io::stdin().is_terminal() {
                eprintln!("Press Enter to close.");
                let _ = std::io::stdin().read_line(&mut String::new());
            }
            return status;
        }
    };
    match command {
        Command::Check(args) => commands::check::run(args),
        Command::Fetch(args) => commands::fetch::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Open(args) => commands::serve::open(args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut cli::Cli::command(), "msstd-relay", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}
