//! The `serve` subcommand: the page and the chain API on one origin.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{read_input, usage_error};
use crate::cli::ServeArgs;
use crate::fetch::Settings;
use crate::policy::Policy;
use crate::resolve::Resolver;
use crate::serve::{run as serve, Config};

/// The server's configuration from the command line: the page's directory checked, the
/// roots given with `--trust` read.
fn config(args: ServeArgs) -> Result<Config, String> {
    let dist = match args.dist {
        Some(dist) if dist.join("index.html").is_file() => Some(dist),
        Some(dist) => {
            return Err(format!(
                "{}: no index.html there (build it with scripts/build-page.sh)",
                dist.display()
            ))
        }
        None => Some(PathBuf::from("dist")).filter(|d| d.join("index.html").is_file()),
    };
    let mut trusted = Vec::new();
    for path in args.trust {
        let bytes = read_input(&path)?;
        trusted.push((path, bytes));
    }
    Ok(Config {
        listen: args.listen,
        dist,
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

pub(crate) fn run(args: ServeArgs) -> ExitCode {
    let config = match config(args) {
        Ok(config) => config,
        Err(message) => return usage_error("serve", &message),
    };
    if !config.listen.ip().is_loopback() {
        eprintln!(
            "msstd-relay serve: WARNING: listening on {}, not loopback: anyone who can reach this \
             address can make the relay connect to public hosts on the allowed ports{}.",
            config.listen,
            if config.settings.policy.allow_private {
                " AND TO YOUR PRIVATE NETWORK (--allow-private)"
            } else {
                ""
            }
        );
    } else if config.settings.policy.allow_private {
        eprintln!("msstd-relay serve: --allow-private: the relay will connect to private and loopback addresses.");
    }
    match serve(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("msstd-relay serve: {error}");
            ExitCode::from(super::EXIT_USAGE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn serve_config(args: &[&str]) -> Result<Config, String> {
        let cli = Cli::try_parse_from(["msstd-relay", "serve"].iter().chain(args)).map_err(|e| e.to_string())?;
        let Command::Serve(serve) = cli.command else { panic!() };
        config(serve)
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
