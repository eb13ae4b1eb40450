//! Roots by need, as the page judges: both programs' stores built from the index alone, the
//! files the engine asks for loaded round by round. For every real chain of
//! `../shared/fixtures/badssl` and the committed fixtures the last report equals the one made
//! with the whole stores, the rounds are few, and only the files asked for are loaded.
#![allow(clippy::unwrap_used, clippy::panic, reason = "test helpers stop the test loudly")]

use std::path::PathBuf;

use msstd_check::completion::{analyze_needs, Completion, Need};
use msstd_check::render;
use msstd_check::signature::RustCrypto;
use msstd_check::{split_by_need, AnchorSource, Connects, Input, Options, RootFiles, TrustStore, UnixTime};

const MOZILLA: &str = include_str!("../data/mozilla-roots.txt");
const MICROSOFT: &str = include_str!("../data/microsoft-roots.txt");

fn chains() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in [root.join("../shared/fixtures/badssl"), root.join("tests/data")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("pem" | "crt" | "cer")) {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                found.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

/// The report with `stores`, as JSON, whether any client verdict is still pending, and the
/// root files it needs.
fn judged(
    bytes: &[u8],
    name: &str,
    stores: (&TrustStore, &TrustStore),
    now: UnixTime,
) -> Option<(String, bool, Vec<String>)> {
    let inputs = [Input::new(name, bytes)];
    let options = Options::new(now, &RustCrypto)
        .principal(Some("msstd:mail.contoso.com"))
        .host(Some("mail.contoso.com"))
        .stores(stores.0, stores.1);
    let analysis = analyze_needs(&inputs, &options, Completion::default()).ok()?;
    let files = analysis
        .needs
        .iter()
        .filter_map(|n| match n {
            Need::RootFile { file } => Some(file.clone()),
            _ => None,
        })
        .collect();
    let pending = analysis.report.clients.iter().any(|c| c.outcome == Connects::Pending);
    Some((render::json(&analysis.report), pending, files))
}

#[test]
fn every_chain_is_judged_as_with_the_whole_stores() {
    let RootFiles { index, files } = split_by_need(MOZILLA, MICROSOFT).unwrap();
    let (mozilla, microsoft) = (TrustStore::mozilla(), TrustStore::microsoft());
    let now = UnixTime::parse_rfc3339("2026-12-01T00:00:00Z").unwrap();
    let mut judged_with_files = 0;
    for (name, bytes) in chains() {
        let Some((whole, _, none)) = judged(&bytes, &name, (&mozilla, &microsoft), now) else {
            continue;
        };
        assert!(none.is_empty(), "{name}: whole stores need no file");
        let mut by_need = (
            TrustStore::from_index(&index, AnchorSource::Mozilla).unwrap(),
            TrustStore::from_index(&index, AnchorSource::Microsoft).unwrap(),
        );
        let mut loaded = 0;
        for round in 0.. {
            let (json, pending, wanted) = judged(&bytes, &name, (&by_need.0, &by_need.1), now).unwrap();
            if wanted.is_empty() {
                assert_eq!(json, whole, "{name}: the report differs from the whole stores'");
                break;
            }
            assert!(pending, "{name}: every client judged before its roots came");
            assert!(round < 2, "{name}: still wants {wanted:?} after {round} rounds");
            for file in &wanted {
                let (_, text) = files.iter().find(|(f, _)| f == file).unwrap();
                let added = by_need.0.load_file(file, text).unwrap() + by_need.1.load_file(file, text).unwrap();
                assert!(added > 0, "{name}: {file} added nothing");
                loaded += 1;
            }
        }
        assert!(loaded <= 4, "{name}: {loaded} files for one chain");
        judged_with_files += usize::from(loaded > 0);
    }
    assert!(
        judged_with_files >= 10,
        "only {judged_with_files} chains needed a root file"
    );
}
