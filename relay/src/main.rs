//! `msstd-relay`: msstd-check at a terminal, and the page's way to see a live server.
//!
//! - `check FILE...` analyses exported certificates, like the page does.
//! - `fetch HOST[:PORT]` connects (with STARTTLS for SMTP, IMAP, POP3), captures the chain the
//!   server presents and analyses it, or prints it as PEM.
//! - `serve` serves the built page and an HTTP API that fetches chains for it, on one origin,
//!   with the safeguards described in `docs/relay.md` so it cannot be used to scan a network.

#![forbid(unsafe_code)]

mod aia;
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

const USAGE: &str = "\
usage: msstd-relay check [--msstd VALUE] [--host NAME] [--trust ROOT.pem]... [--password-env VAR]
                         [--at RFC3339] [--json] [--lang en|it] FILE...
       msstd-relay fetch HOST[:PORT] | --hosts FILE [--concurrency N] | --domain DOMAIN
                         [--starttls smtp|imap|pop3|none] [--sni NAME | --no-sni]
                         [--msstd VALUE] [--host NAME] [--trust ROOT.pem]... [--at RFC3339]
                         [--connect-to HOST:PORT:ADDRESS:PORT]... [--dns-server IP[:PORT]]
                         [--timeout SECONDS] [--json | --pem] [--lang en|it] [--no-revocation]
       msstd-relay serve [--listen IP:PORT] [--dist DIR] [--allow-origin ORIGIN]... [--allow-host NAME]...
                         [--allow-private] [--allow-port PORT]... [--timeout SECONDS] [--max-fetches N]
                         [--trust ROOT.pem]... [--connect-to HOST:PORT:ADDRESS:PORT]... [--dns-server IP[:PORT]]

check   Checks exported certificates (PEM, DER, .p7b, .pfx; '-' reads standard input) against an
        Outlook Anywhere msstd: principal name, and reports what else is wrong with them.
fetch   Connects to HOST (port 443 unless given), captures the chain it presents whatever its
        state, and checks it the same way; with --hosts, every host[:port] of FILE (one a line,
        '-' reads standard input), as JSON Lines with --json or a table; with --domain, every place
        Outlook looks for Autodiscover for DOMAIN (the root domain, autodiscover.DOMAIN, the HTTP
        redirect, the SRV record), whether Outlook shows a security alert or a redirect question
        on the way, then the Outlook Anywhere host (--host, or the --msstd name). Ports 25 and 587
        use SMTP STARTTLS, 143 IMAP, 110 POP3 unless --starttls says otherwise.
serve   Serves the built page (dist/) and the API it uses to fetch live chains, on
        http://127.0.0.1:8787/ unless --listen says otherwise.

  --msstd VALUE        the principal name, in any form: msstd:mail.contoso.com, a
                       Set-OutlookProvider line, Get-OutlookProvider output, Autodiscover XML
  --host NAME          the Outlook Anywhere external host name (fetch: the host connected to)
  --trust FILE         a root CA to trust (an internal CA); repeatable
  --password-env VAR   read the .pfx password from environment variable VAR
  --at TIME            judge validity at TIME (RFC 3339, e.g. 2026-01-01T00:00:00Z), not now
  --json               print the report as JSON (schema msstd-check/report/v1)
  --lang LANGUAGE      the report's language, en (default) or it
  --pem                print the fetched chain as PEM, as presented, instead of checking it
  --no-revocation      fetch: do not ask OCSP responders and CRLs whether certificates are revoked
  --hosts FILE         fetch every host[:port] of FILE (# comments allowed; - for standard input)
  --domain DOMAIN      check the e-mail domain's Autodiscover endpoints, then the Outlook Anywhere host
  --connect-to H:P:A:P connect to ADDRESS:PORT for HOST:PORT, still naming HOST (as curl); repeatable
  --dns-server IP      resolve every name through this DNS server (:PORT if not 53), e.g. the internal one
  --concurrency N      hosts fetched at once with --hosts (default 8, at most 64)
  --starttls PROTOCOL  smtp, imap or pop3 to upgrade a plain session; none for implicit TLS
  --sni NAME, --no-sni the server name sent in the handshake (default: the host; none for an IP)
  --timeout SECONDS    limit for connecting, for STARTTLS and for the handshake (default 5)
  --listen IP:PORT     where serve listens (default 127.0.0.1:8787; anything else is exposed)
  --dist DIR           the built page to serve (default: dist/ when it has an index.html)
  --allow-origin URL   let pages from this origin call the API (CORS); repeatable
  --allow-host NAME    accept requests addressed to NAME (a DNS name for the relay); repeatable
  --allow-private      let serve connect to loopback, private and link-local addresses
  --allow-port PORT    let serve connect to PORT besides 443 25 587 465 143 993 110 995
  --max-fetches N      fetches serve runs at once (default 8)

Exit status: 0 no error findings, 1 error findings, 2 unusable input or arguments, 3 the host
could not be fetched. NO_COLOR turns colours off.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("check") => commands::check::run(rest),
        Some("fetch") => commands::fetch::run(rest),
        Some("serve") => commands::serve::run(rest),
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
            ExitCode::from(commands::EXIT_USAGE)
        }
    }
}
