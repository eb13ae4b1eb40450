//! `msstd-relay`: msstd-check on the command line.
//!
//! `msstd-relay check [--msstd VALUE] [--host NAME] [--trust ROOT.pem]... [--password-env VAR]
//! [--at RFC3339] [--json] FILE...` reads exported certificates (`-` for standard input) and
//! prints the same analysis the web page shows. Exit status: 0 without error findings, 1 with,
//! 2 for unusable input or arguments.

mod check;

use std::process::ExitCode;

const USAGE: &str = "\
usage: msstd-relay check [--msstd VALUE] [--host NAME] [--trust ROOT.pem]... [--password-env VAR]
                         [--at RFC3339] [--json] FILE...

Checks exported certificates (PEM, DER, .p7b, .pfx; '-' reads standard input) against an
Outlook Anywhere msstd: principal name, and reports what else is wrong with them.

  --msstd VALUE        the principal name, in any form: msstd:mail.contoso.com, a
                       Set-OutlookProvider line, Get-OutlookProvider output, Autodiscover XML
  --host NAME          the Outlook Anywhere external host name
  --trust FILE         a root CA to trust (an internal CA); repeatable
  --password-env VAR   read the .pfx password from environment variable VAR
  --at TIME            judge validity at TIME (RFC 3339, e.g. 2026-01-01T00:00:00Z), not now
  --json               print the report as JSON (schema msstd-check/report/v1)

Exit status: 0 no error findings, 1 error findings, 2 unusable input or arguments.
NO_COLOR turns colours off.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("msstd-relay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
