//! The `serve` subcommand: the page and the chain API on one origin.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use super::fetch::parse_seconds;
use super::usage_error;
use crate::fetch::Settings;
use crate::policy::Policy;
use crate::resolve::{parse_dns_server, ConnectTo, Resolver};
use crate::serve::{run as serve, Config};
use crate::target::parse_port;
use crate::timeouts;

/// Where `serve` listens unless told otherwise: loopback only.
const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
/// Fetches running at once unless told otherwise.
const DEFAULT_MAX_FETCHES: usize = 8;

fn parse(args: &[String]) -> Result<Config, String> {
    let mut listen: SocketAddr = DEFAULT_LISTEN.parse().map_err(|_| "bad default address")?;
    let (mut dist, mut allowed_origins, mut allowed_hosts) = (None, Vec::new(), Vec::new());
    let (mut allow_private, mut extra_ports) = (false, Vec::new());
    let (mut timeout, mut max_fetches) = (timeouts::DEFAULT, DEFAULT_MAX_FETCHES);
    let (mut connect_to, mut dns_server, mut trusted) = (Vec::new(), None, Vec::new());
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--listen" => {
                let text = value("--listen")?;
                listen = text
                    .parse()
                    .map_err(|_| format!("--listen takes IP:PORT, not {text:?}"))?;
            }
            "--dist" => dist = Some(PathBuf::from(value("--dist")?)),
            "--allow-origin" => {
                let origin = value("--allow-origin")?;
                let valid = (origin.starts_with("https://") || origin.starts_with("http://"))
                    && !origin
                        .trim_end_matches('/')
                        .split_once("://")
                        .is_some_and(|(_, rest)| rest.contains('/'));
                if !valid {
                    return Err(format!(
                        "--allow-origin takes an origin like https://tools.contoso.com, not {origin:?}"
                    ));
                }
                allowed_origins.push(origin.trim_end_matches('/').to_owned());
            }
            "--allow-host" => allowed_hosts.push(value("--allow-host")?),
            "--allow-private" => allow_private = true,
            "--allow-port" => extra_ports.push(parse_port(&value("--allow-port")?).map_err(|e| e.to_string())?),
            "--timeout" => timeout = parse_seconds(&value("--timeout")?)?,
            "--trust" => {
                let path = value("--trust")?;
                trusted.push((path.clone(), super::read_input(&path)?));
            }
            "--connect-to" => connect_to.push(ConnectTo::parse(&value("--connect-to")?)?),
            "--dns-server" => dns_server = Some(parse_dns_server(&value("--dns-server")?)?),
            "--max-fetches" => {
                let text = value("--max-fetches")?;
                max_fetches = match text.parse() {
                    Ok(n @ 1..=256) => n,
                    _ => return Err(format!("--max-fetches takes 1 to 256, not {text:?}")),
                };
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let dist = match dist {
        Some(dist) if dist.join("index.html").is_file() => Some(dist),
        Some(dist) => {
            return Err(format!(
                "{}: no index.html there (build it with scripts/build-page.sh)",
                dist.display()
            ))
        }
        None => Some(PathBuf::from("dist")).filter(|d| d.join("index.html").is_file()),
    };
    Ok(Config {
        listen,
        dist,
        allowed_origins,
        allowed_hosts,
        settings: Settings {
            policy: Policy {
                allow_private,
                extra_ports: Some(extra_ports),
            },
            timeout,
            resolver: Resolver::new(connect_to, dns_server),
        },
        max_fetches,
        trusted,
    })
}

pub(crate) fn run(args: &[String]) -> ExitCode {
    let config = match parse(args) {
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
    use crate::commands::tests::strings;

    #[test]
    fn defaults_are_loopback_and_strict() {
        let config = parse(&[]).unwrap();
        assert_eq!(config.listen.to_string(), DEFAULT_LISTEN);
        assert!(!config.settings.policy.allow_private);
        assert_eq!(config.settings.policy.extra_ports, Some(vec![]));
        assert_eq!(config.settings.timeout, timeouts::DEFAULT);
    }

    #[test]
    fn options_and_their_errors() {
        let config = parse(&strings(&[
            "--listen",
            "127.0.0.1:0",
            "--allow-origin",
            "https://tools.contoso.com/",
            "--allow-port",
            "8443",
            "--allow-private",
            "--max-fetches",
            "2",
        ]))
        .unwrap();
        assert_eq!(config.allowed_origins, vec!["https://tools.contoso.com"]);
        assert_eq!(config.settings.policy.extra_ports, Some(vec![8443]));
        assert_eq!(config.max_fetches, 2);
        for bad in [
            &["--listen", "localhost"][..],
            &["--allow-origin", "tools.contoso.com"],
            &["--allow-origin", "https://a/b"],
            &["--allow-port", "0"],
            &["--max-fetches", "0"],
            &["--dist", "/nonexistent"],
            &["--bogus"],
        ] {
            assert!(parse(&strings(bad)).is_err(), "{bad:?}");
        }
    }
}
