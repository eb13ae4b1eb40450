//! The subcommands, and what they share: the clock, reading files, printing a report.

pub(crate) mod check;
pub(crate) mod domain;
pub(crate) mod fetch;
pub(crate) mod hosts;
mod pipeline;
pub(crate) mod serve;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use msstd_check::render::{self, Language, Style};
use msstd_check::Report;

/// Exit status for unusable input or arguments.
pub(crate) const EXIT_USAGE: u8 = 2;
/// Exit status when a live host could not be fetched.
pub(crate) const EXIT_FETCH_FAILED: u8 = 3;

pub(crate) use crate::timeouts::now;

/// Reads a file, or standard input for `-`, up to one byte past the engine's input cap (so the
/// engine reports an oversized input instead of the relay silently truncating it).
pub(crate) fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let limit = msstd_check::limits::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("{path}: {e}"))?;
    Ok(bytes)
}

/// Whether the console reads ANSI escapes (colours, clearing a line). On Windows only in
/// Windows Terminal (`WT_SESSION`); the classic console shows them as raw escapes unless a
/// program turns its VT mode on, which this one does not (no unsafe code).
pub(crate) fn console_reads_ansi() -> bool {
    !cfg!(windows) || std::env::var_os("WT_SESSION").is_some()
}

/// Whether to colour standard output: a terminal that reads ANSI, and `NO_COLOR` unset or empty.
pub(crate) fn colour() -> Style {
    if console_reads_ansi()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    {
        Style::Ansi
    } else {
        Style::Plain
    }
}

/// The report as `--json` prints it (worded in `language`), with the `connection` it was
/// fetched over when there is one.
pub(crate) fn report_json(
    report: &Report,
    language: Language,
    connection: Option<serde_json::Value>,
) -> serde_json::Value {
    let mut value = serde_json::to_value(render::worded(report, language)).unwrap_or_default();
    if let (Some(object), Some(connection)) = (value.as_object_mut(), connection) {
        object.insert("connection".to_owned(), connection);
    }
    value
}

/// Prints `report` in `language` as text (after `preface`) or as JSON (with `connection`
/// added), and turns it into the exit status: 0 without error findings, 1 with.
pub(crate) fn print_report(
    report: &Report,
    json: bool,
    language: Language,
    preface: &str,
    connection: Option<serde_json::Value>,
) -> ExitCode {
    if json {
        let value = report_json(report, language, connection);
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    } else {
        print!("{preface}{}", render::text_in(report, colour(), language));
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reports a usage error the way every subcommand does.
pub(crate) fn usage_error(command: &str, message: &str) -> ExitCode {
    eprintln!("msstd-relay {command}: {message}\n(see msstd-relay --help)");
    ExitCode::from(EXIT_USAGE)
}
