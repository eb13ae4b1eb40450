//! `fetch --domain DOMAIN`: the places Outlook looks for Autodiscover, judged as Outlook meets
//! them, then the Outlook Anywhere host (from `--host`, or the principal's name) with the msstd
//! verdict, as one text or one JSON document (`msstd-relay/domain-check/v1`).

use std::process::ExitCode;

use msstd_check::domain::DomainReport;
use msstd_check::render::{self, Language};
use msstd_check::Report;
use serde_json::{json, Value};

use super::pipeline::{analyse, describe, settings, Args};
use super::{colour, now, report_json, EXIT_FETCH_FAILED, EXIT_USAGE};
use crate::fetch::fetch;
use crate::stores::Stores;
use crate::target::Target;

/// The schema of `fetch --domain --json`.
pub(crate) const SCHEMA: &str = "msstd-relay/domain-check/v1";

/// The Outlook Anywhere host's part: its report, or why it could not be fetched.
enum Host {
    NotGiven,
    Checked {
        report: Box<Report>,
        connection: Value,
        preface: String,
    },
    Failed {
        code: &'static str,
        message: String,
    },
}

/// The Outlook Anywhere host: `--host`, or the name in the principal.
fn outlook_anywhere_host(args: &Args) -> Option<String> {
    args.host.clone().or_else(|| {
        let principal = msstd_check::principal::parse(args.msstd.as_deref()?)?;
        principal.name().filter(|name| !name.contains('@')).map(str::to_owned)
    })
}

pub(crate) fn run(domain: &str, args: &Args, stores: &Stores) -> ExitCode {
    let settings = settings(args);
    let report = match crate::domain::check(domain, &settings, stores, args.at.unwrap_or_else(now)) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("msstd-relay fetch: a chain cannot be analysed: {error}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let host = match outlook_anywhere_host(args) {
        None => Host::NotGiven,
        Some(name) => match Target::new(name, 443, None, None).and_then(|target| fetch(&target, &settings)) {
            Err(error) => Host::Failed {
                code: error.code(),
                message: error.to_string(),
            },
            Ok(fetched) => match analyse(&fetched, args, stores) {
                Ok(report) => Host::Checked {
                    report: Box::new(report),
                    connection: fetched.connection_json(),
                    preface: describe(&fetched),
                },
                Err(error) => Host::Failed {
                    code: "ANALYSIS_FAILED",
                    message: error.to_string(),
                },
            },
        },
    };
    print(&report, &host, args.json, args.language);
    let status = match &host {
        Host::Failed { .. } => EXIT_FETCH_FAILED,
        Host::Checked { report: host, .. } if host.has_errors() => 1,
        _ => u8::from(report.has_errors()),
    };
    ExitCode::from(status)
}

fn print(report: &DomainReport, host: &Host, json: bool, language: Language) {
    if json {
        let outlook_anywhere = match host {
            Host::NotGiven => Value::Null,
            Host::Checked { report, connection, .. } => report_json(report, language, Some(connection.clone())),
            Host::Failed { code, message } => json!({ "error": { "code": code, "message": message } }),
        };
        let body = json!({
            "schema": SCHEMA,
            "autodiscover": render::worded_domain(report, language),
            "outlook_anywhere": outlook_anywhere,
        });
        println!("{}", serde_json::to_string_pretty(&body).unwrap_or_default());
        return;
    }
    print!("{}", render::domain_text_in(report, colour(), language));
    let heading = render::label_in("outlook-anywhere-host", language);
    let missing = render::label_in("outlook-anywhere-not-given", language);
    match host {
        Host::NotGiven => println!("\n{heading}: {missing}."),
        Host::Failed { code, message } => println!("\n{heading}: {code}: {message}"),
        Host::Checked { report, preface, .. } => {
            print!("\n{heading}\n{preface}{}", render::text_in(report, colour(), language));
        }
    }
}
