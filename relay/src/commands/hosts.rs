//! `fetch --hosts FILE`: many servers at once, for admins and service providers who check dozens
//! of tenants' hosts. One `host[:port]` a line (`#` comments and blank lines skipped), fetched
//! by at most `--concurrency` threads, each within the `--timeout` caps of a single fetch;
//! results in the list's order, as JSON Lines (`--json`) or a table; progress on standard error
//! when it is a terminal; the exit status is the worst of the hosts'.

use std::io::{IsTerminal, Write as _};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde_json::{json, Value};

use super::pipeline::{analyse, settings, Args, Destination};
use super::{read_input, report_json, usage_error, EXIT_FETCH_FAILED, EXIT_USAGE};
use crate::error::FetchError;
use crate::fetch::fetch;
use crate::stores::Stores;
use crate::target::{parse_host_port, Target};

/// What became of one line of the list.
enum Outcome {
    Checked {
        report: Box<msstd_check::Report>,
        connection: Value,
    },
    /// Not fetched or not analysed: the error's code and message, and the exit status it gives.
    Failed {
        code: &'static str,
        message: String,
        status: u8,
    },
}

impl Outcome {
    fn status(&self) -> u8 {
        match self {
            Self::Checked { report, .. } => u8::from(report.has_errors()),
            Self::Failed { status, .. } => *status,
        }
    }
}

fn failed(error: &FetchError) -> Outcome {
    Outcome::Failed {
        code: error.code(),
        message: error.to_string(),
        status: EXIT_FETCH_FAILED,
    }
}

/// The list's lines that name a host: (the line as written, its target or why it is not one).
fn entries(text: &str, args: &Args) -> Vec<(String, Result<Target, FetchError>)> {
    let Destination::Many { starttls, .. } = &args.destination else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let target = parse_host_port(line).and_then(|(host, port)| Target::new(host, port, None, *starttls));
            (line.to_owned(), target)
        })
        .collect()
}

fn check(target: &Target, args: &Args, stores: &Stores) -> Outcome {
    match fetch(target, &settings(args)) {
        Err(error) => failed(&error),
        Ok(fetched) => match analyse(&fetched, args, stores) {
            Ok(report) => Outcome::Checked {
                report: Box::new(report),
                connection: fetched.connection_json(),
            },
            Err(error) => Outcome::Failed {
                code: error.code(),
                message: format!("the server's certificates cannot be analysed: {error}"),
                status: EXIT_USAGE,
            },
        },
    }
}

pub(crate) fn run(args: &Args, stores: &Stores) -> ExitCode {
    let Destination::Many { list, concurrency, .. } = &args.destination else {
        return ExitCode::from(EXIT_USAGE);
    };
    // As PowerShell 5.1 writes it too (`Get-ExchangeServer | % Fqdn > hosts.txt` is UTF-16).
    let text = match read_input(list) {
        Ok(bytes) => match msstd_check::input::as_text(&bytes) {
            Some(text) => text.into_owned(),
            None => return usage_error("fetch", &format!("{list}: not a text file of host names")),
        },
        Err(message) => return usage_error("fetch", &message),
    };
    let entries = entries(&text, args);
    if entries.is_empty() {
        return usage_error("fetch", &format!("{list}: no host[:port] in it"));
    }
    let outcomes: Vec<Mutex<Option<Outcome>>> = entries.iter().map(|_| Mutex::new(None)).collect();
    let (next, done) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // The progress line, rewritten in place on a terminal: cleared with an ANSI escape, or on
    // the classic Windows console by spaces over the last one.
    let progress = std::io::stderr().is_terminal();
    let clear = if super::console_reads_ansi() {
        "\r\x1b[K".to_owned()
    } else {
        format!("\r{:79}\r", "")
    };
    std::thread::scope(|scope| {
        for _ in 0..(*concurrency).min(entries.len()) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some((line, target)) = entries.get(index) else {
                    break;
                };
                let outcome = match target {
                    Ok(target) => check(target, args, stores),
                    Err(error) => failed(error),
                };
                if let Ok(mut slot) = outcomes[index].lock() {
                    *slot = Some(outcome);
                }
                let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                if progress {
                    eprint!("{clear}[{finished}/{}] {line}", entries.len());
                }
            });
        }
    });
    if progress {
        eprintln!("{clear}{} hosts checked", entries.len());
    }
    let outcomes: Vec<Outcome> = outcomes
        .into_iter()
        .map(|slot| {
            slot.into_inner().ok().flatten().unwrap_or(Outcome::Failed {
                code: "INTERNAL",
                message: "the check did not finish".to_owned(),
                status: EXIT_FETCH_FAILED,
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    if args.json {
        for ((line, _), outcome) in entries.iter().zip(&outcomes) {
            let _ = writeln!(out, "{}", json_line(line, outcome, args));
        }
    } else {
        let _ = write!(out, "{}", table(&entries, &outcomes));
    }
    ExitCode::from(outcomes.iter().map(Outcome::status).max().unwrap_or(0))
}

/// One line of JSON Lines: the report as `fetch --json` prints it (with `connection`) and the
/// line it is for as `target`; or `target` and `error`.
fn json_line(line: &str, outcome: &Outcome, args: &Args) -> String {
    let value = match outcome {
        Outcome::Checked { report, connection } => {
            let mut value = report_json(report, args.language, Some(connection.clone()));
            if let Some(object) = value.as_object_mut() {
                object.insert("target".to_owned(), json!(line));
            }
            value
        }
        Outcome::Failed { code, message, .. } => {
            json!({ "target": line, "error": { "code": code, "message": message } })
        }
    };
    serde_json::to_string(&value).unwrap_or_default()
}

/// A compact table: the host, the answer, the msstd verdict, the chain, the counts and the first
/// error.
fn table(entries: &[(String, Result<Target, FetchError>)], outcomes: &[Outcome]) -> String {
    let mut rows = vec![[
        "HOST".to_owned(),
        "OUTLOOK".to_owned(),
        "MSSTD".to_owned(),
        "CHAIN".to_owned(),
        "ERR/WARN".to_owned(),
        "FIRST ERROR".to_owned(),
    ]];
    for ((line, _), outcome) in entries.iter().zip(outcomes) {
        rows.push(match outcome {
            Outcome::Checked { report, .. } => {
                let first = report
                    .findings
                    .first()
                    .filter(|f| f.severity == msstd_check::Severity::Error)
                    .map(|f| f.code.as_str().to_owned())
                    .unwrap_or_default();
                let answer = serde_json::to_value(report.summary.outcome).unwrap_or_default();
                let chain = serde_json::to_value(report.chain.status).unwrap_or_default();
                [
                    line.clone(),
                    answer.as_str().unwrap_or_default().to_owned(),
                    report
                        .summary
                        .verdict
                        .map(|c| c.as_str().to_owned())
                        .unwrap_or_else(|| "-".to_owned()),
                    chain.as_str().unwrap_or_default().to_owned(),
                    format!("{}/{}", report.summary.errors, report.summary.warnings),
                    first,
                ]
            }
            Outcome::Failed { code, message, .. } => [
                line.clone(),
                "not fetched".to_owned(),
                "-".to_owned(),
                "-".to_owned(),
                "-".to_owned(),
                format!("{code}: {message}"),
            ],
        });
    }
    let widths: Vec<usize> = (0..5)
        .map(|column| rows.iter().map(|row| row[column].chars().count()).max().unwrap_or(0))
        .collect();
    let mut text = String::new();
    for row in &rows {
        for (column, cell) in row.iter().enumerate() {
            match widths.get(column) {
                Some(&width) => text.push_str(&format!("{cell:<width$}  ")),
                None => text.push_str(cell),
            }
        }
        text.push('\n');
    }
    text
}
