//! Native throughput on the benchmark corpus: Debian's ca-certificates bundle (144 roots),
//! repeated to about 10,000 certificates, each analysed on its own as a pasted input (decode,
//! parse, chain building against the Mozilla store, every check), then again with Microsoft's
//! store as well (as the command line runs: two paths built), each root's self-signature
//! verified alone (`verify_link`), and the time to read Microsoft's store.
//!
//! `cargo bench --bench throughput [-- BUNDLE]`; prints the median of 5 runs. Figures go in
//! docs/performance.md (bench/run.sh runs this with the peers).
#![allow(clippy::expect_used, clippy::panic, reason = "a benchmark stops on a broken setup")]

use std::time::Instant;

use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};

const TARGET: usize = 10_000;
const RUNS: usize = 5;

fn main() {
    let bundle = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "/etc/ssl/certs/ca-certificates.crt".to_owned());
    let text = std::fs::read(&bundle).unwrap_or_else(|e| panic!("{bundle}: {e}"));
    let roots: Vec<Vec<u8>> = ::pem::parse_many(&text)
        .unwrap_or_else(|e| panic!("{bundle}: {e}"))
        .into_iter()
        .filter(|p| p.tag() == "CERTIFICATE")
        .map(|p| p.into_contents())
        .collect();
    let corpus: Vec<&[u8]> = roots
        .iter()
        .cycle()
        .take(TARGET.div_ceil(roots.len()) * roots.len())
        .map(Vec::as_slice)
        .collect();
    let trust = TrustStore::mozilla();
    let windows = TrustStore::microsoft();
    let mut passes = Vec::new();
    for windows_trust in [None, Some(&windows)] {
        let options = Options {
            windows_trust,
            ..Options::new(UnixTime(1_780_000_000), &msstd_check::signature::RustCrypto).trust(&trust)
        };
        let mut rates = Vec::new();
        let mut findings = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            findings = 0;
            for der in &corpus {
                let report = analyze(&[Input::new("root", der)], &options).expect("every root decodes");
                findings += report.findings.len();
            }
            rates.push(corpus.len() as f64 / started.elapsed().as_secs_f64());
        }
        rates.sort_by(f64::total_cmp);
        passes.push((rates[RUNS / 2], findings));
    }
    let mut verify_rates = Vec::new();
    let mut valid = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        valid = roots
            .iter()
            .filter(|der| {
                msstd_check::verify_link(der, der, &msstd_check::signature::RustCrypto)
                    == Ok(msstd_check::Verification::Valid)
            })
            .count();
        verify_rates.push(roots.len() as f64 / started.elapsed().as_secs_f64());
    }
    verify_rates.sort_by(f64::total_cmp);
    for ((rate, findings), stores) in passes
        .iter()
        .zip(["Mozilla's store", "Mozilla's and Microsoft's stores"])
    {
        println!(
            "native analyze ({stores}): {} roots x {} = {} certificates, median {rate:.0} certificates/s ({findings} findings per pass)",
            roots.len(),
            corpus.len() / roots.len(),
            corpus.len(),
        );
    }
    let mut reads = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let store = TrustStore::microsoft();
        reads.push((started.elapsed().as_secs_f64() * 1000.0, store.len()));
    }
    reads.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!(
        "native TrustStore::microsoft: {} roots read in {:.2} ms (median of {RUNS})",
        reads[RUNS / 2].1,
        reads[RUNS / 2].0
    );
    println!(
        "native verify_link: {} self-signed roots, median {:.0} verifications/s ({valid} valid)",
        roots.len(),
        verify_rates[RUNS / 2]
    );
}
