//! The `serve` subcommand: the page and the chain API on one origin; and `open`, the same on a
//! free loopback port with the default browser opened there.

use std::io::Write as _;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{read_input, usage_error};
use crate::cli::ServeArgs;
use crate::policy::Policy;
use crate::resolve::Resolver;
use crate::serve::{bind, Config, Page};
use crate::settings::Settings;

/// `serve`'s address when `--listen` is not given.
const SERVE_LISTEN: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST), 8787);
/// `open`'s: a port the system picks, so a second copy does not collide with the first.
const OPEN_LISTEN: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST), 0);

/// The page to serve: `--dist` (checked), else the one built into the binary, else `dist/` in
/// the working folder when it has an index.html.
fn page(dist: Option<PathBuf>) -> Result<Option<Page>, String> {
    match dist {
        Some(dist) if dist.join("index.html").is_file() => Ok(Some(Page::Folder(dist))),
        Some(dist) => Err(format!(
            "{}: no index.html there (build it with scripts/build-page.sh)",
            dist.display()
        )),
        None => Ok(Page::embedded().or_else(|| {
            Some(PathBuf::from("dist"))
                .filter(|d| d.join("index.html").is_file())
                .map(Page::Folder)
        })),
    }
}

/// The server's configuration from the command line: the page found, the roots given with
/// `--trust` read.
fn config(args: ServeArgs, listen: SocketAddr) -> Result<Config, String> {
    let page = page(args.dist)?;
    let mut trusted = Vec::new();
    for path in args.trust {
        let bytes = read_input(&path)?;
        trusted.push((path, bytes));
    }
    Ok(Config {
        listen: args.listen.unwrap_or(listen),
        page,
        allowed_origins: args.allow_origin,
        allowed_hosts: args.allow_host,
        settings: Settings {
            policy: Policy {
                allow_private: args.allow_private,
                extra_ports: Some(args.allow_port),
            },
            timeout: args.reaching.timeout,
            resolver: Resolver::new(args.reaching.connect_to, args.reaching.dns_server),
        },
        max_fetches: usize::from(args.max_fetches),
        trusted,
    })
}

/// Warns about what widens the relay's reach.
fn warn(config: &Config) {
    if !config.listen.ip().is_loopback() {
        eprintln!(
            "msstd-relay: WARNING: listening on {}, not loopback: anyone who can reach this \
             address can make the relay connect to public hosts on the allowed ports{}.",
            config.listen,
            if config.settings.policy.allow_private {
                " AND TO YOUR PRIVATE NETWORK (--allow-private)"
            } else {
                ""
            }
        );
    } else if config.settings.policy.allow_private {
        eprintln!("msstd-relay: --allow-private: the relay will connect to private and loopback addresses.");
    }
}

/// Builds the configuration, binds and serves; `then` runs once the address is known.
fn start(command: &str, args: ServeArgs, listen: SocketAddr, then: impl FnOnce(&str)) -> ExitCode {
    let config = match config(args, listen) {
        Ok(config) => config,
        Err(message) => return usage_error(command, &message),
    };
    warn(&config);
    let served = bind(config).and_then(|bound| {
        then(&bound.url()?);
        bound.serve()
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("msstd-relay {command}: {error}");
            ExitCode::from(super::EXIT_USAGE)
        }
    }
}

pub(crate) fn run(args: ServeArgs) -> ExitCode {
    start("serve", args, SERVE_LISTEN, |_| {})
}

/// `open`: serve, then hand the address to the default browser (`$BROWSER` when set).
pub(crate) fn open(args: ServeArgs) -> ExitCode {
    start("open", args, OPEN_LISTEN, |url| {
        // Written, not printed: a closed stdout (a launcher that read the address and went) must
        // not stop the browser from opening, as `println!` would by panicking.
        let _ = writeln!(
            std::io::stdout(),
            "msstd-relay: stop it with Ctrl-C, or by closing this window."
        );
        if let Err(error) = webbrowser::open(url) {
            eprintln!("msstd-relay: could not open a browser ({error}): open {url} yourself.");
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn serve_config(args: &[&str]) -> Result<Config, String> {
        let cli = Cli::try_parse_from(["msstd-relay", "serve"].iter().chain(args)).map_err(|e| e.to_string())?;
        let Some(Command::Serve(serve)) = cli.command else {
            panic!()
        };
        config(serve, SERVE_LISTEN)
    }

    #[test]
    fn defaults_are_loopback_and_strict() {
        let config = serve_config(&[]).unwrap();
        assert_eq!(config.listen.to_string(), "127.0.0.1:8787");
        assert!(!config.settings.policy.allow_private);
        assert_eq!(config.settings.policy.extra_ports, Some(vec![]));
        assert_eq!(config.settings.timeout, std::time::Duration::from_secs(5));
        assert_eq!(config.max_fetches, 8);
    }

    #[test]
    fn options_and_their_errors() {
        let config = serve_config(&[
            "--listen",
            "127.0.0.1:0",
            "--allow-origin",
            "https://tools.contoso.com/",
            "--allow-port",
            "8443",
            "--allow-private",
            "--max-fetches",
            "2",
        ])
        .unwrap();
        assert_eq!(config.allowed_origins, vec!["https://tools.contoso.com"]);
        assert_eq!(config.settings.policy.extra_ports, Some(vec![8443]));
        assert_eq!(config.max_fetches, 2);
        assert!(serve_config(&["--dist", "/nonexistent"]).is_err());
        assert!(serve_config(&["--trust", "/nonexistent.pem"]).is_err());
    }
}
