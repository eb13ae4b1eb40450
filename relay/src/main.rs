//! `msstd-relay`: msstd-check at a terminal, and the page's way to see a live server.
//!
//! - `check FILE...` analyses exported certificates, like the page does.
//! - `fetch HOST[:PORT]` connects (with STARTTLS for SMTP, IMAP, POP3), captures the chain the
//!   server presents and analyses it, or prints it as PEM.
//! - `serve` serves the built page and an HTTP API that fetches chains for it, on one origin,
//!   with the safeguards described in `docs/relay.md` so it cannot be used to scan a network.

#![forbid(unsafe_code)]

mod aia;
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
mod starttls;
mod stores;
mod target;
mod timeouts;
mod tls;
mod web;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use cli::Command;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Fetch(args) => commands::fetch::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut cli::Cli::command(), "msstd-relay", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}
