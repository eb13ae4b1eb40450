//! Hostile input never panics: thousands of mutated certificates, PKCS#7 and PKCS#12 files and
//! principal strings go through the whole engine, within the size caps. A deterministic
//! generator keeps every run identical, so a failure reproduces.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::{analyze, principal, Input, TrustStore};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap()
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = bytes.len().max(1);
        match rng.below(7) {
            0 => bytes.truncate(rng.below(len)),
            1 => {
                let i = rng.below(len);
                if let Some(b) = bytes.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
            2 => {
                // A length byte claiming a huge or indefinite size.
                let i = rng.below(len);
                if let Some(b) = bytes.get_mut(i) {
                    *b = [0x80, 0x84, 0xff, 0x00][rng.below(4)];
                }
            }
            3 => {
                let i = rng.below(len);
                let chunk: Vec<u8> = bytes.iter().skip(i).take(1 + rng.below(64)).copied().collect();
                let at = rng.below(len);
                bytes.splice(at.min(bytes.len())..at.min(bytes.len()), chunk);
            }
            4 => {
                // Nested-length bomb: many constructed headers.
                let depth = 1 + rng.below(200);
                let mut bomb = Vec::new();
                for _ in 0..depth {
                    bomb.extend_from_slice(&[0x30, 0x80]);
                }
                let at = rng.below(len).min(bytes.len());
                bytes.splice(at..at, bomb);
            }
            5 => {
                let i = rng.below(len).min(bytes.len());
                bytes.drain(i..(i + rng.below(32)).min(bytes.len()));
            }
            _ => bytes.push(rng.next().to_le_bytes()[0]),
        }
    }
    bytes
}

#[test]
fn mutated_inputs_never_panic() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let seeds: Vec<Vec<u8>> = vec![
        pki.leaf.der.clone(),
        pki.served().into_bytes(),
        data("chain.p7b"),
        data("chain-pem.p7b"),
        data("openssl-empty-password.pfx"),
        data("selfsigned-exchange.pem"),
        data("rsa-2048.key"),
        data("request.csr"),
    ];
    let trust = TrustStore::mozilla();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut analysed = 0;
    for round in 0..4000 {
        let seed = &seeds[round % seeds.len()];
        let bytes = mutate(&mut rng, seed);
        let options = options(&trust, Some("msstd:mail.contoso.com"), Some("mail.contoso.com"));
        if let Ok(report) = analyze(&[Input::new("mutant", &bytes)], &options) {
            analysed += 1;
            assert_eq!(
                msstd_check::render::json(&report),
                msstd_check::render::json(&analyze_as_the_page_does(
                    &[Input::new("mutant", &bytes)],
                    &options,
                    &format!("round {round}")
                )),
                "round {round}: the page's verification protocol ends elsewhere"
            );
        }
    }
    assert!(
        analysed > 100,
        "mutations should still leave many analysable inputs: {analysed}"
    );
}

/// A crasher the fuzzers found (decode, 2026-11-29, with inputs up to 1 MiB): a PKCS#7 bag whose
/// certificate's UTCTime begins with a byte-order mark. The time was sliced at fixed byte
/// positions, inside the mark: a panic, a trap in the browser. Kept whole, as found.
const CRASH_UTC_TIME_BOM: [&str; 22] = [
    "MIIF/wYJKoZIhvcNAQcCoIIF8DCCBewCAQExADALBgkqhkiG9w0BBwGgggXUMIICmjCCAkCgAwIBAgIUa4Cm0PFSz4iVtx2L",
    "v4qU0RKKliowCgYIKoZIzj0EAwIwIjEgMB4GA1UEAwwXQ29udG9zbyBUZXN0IElzc3VpbmcgQ0EwHhcNMjYxMTIyMDI1NzQw",
    "WhcNMzIwNTE0MDI1NzQwWjAbMRkwFwYDVQQDDBBtYWlsLmNvbnRvc28uY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB",
    "CgKCAQEAmcQ4V1IsJwWdrGen2Hq0KO4xKFqkRY8DjQZLDsjfjm+uNxeU8TBToZZBP3aIYSk6MLwW7wedOmVvdMmHHhnjZ6bZ",
    "v1g118FyPcKbnBTg8QHJqfprWbrVDrHA7PmQcTKuKecOryh7wprPZrrQDETUpirYro0zLH7loNSZ6wvota2gj01FgDmFd5c/",
    "wEoEdADxpjPNxGTS+vKp0vbsHD+5pesSmr9O1i/ZkevRNoKWgs3LhD6FB0Xcg9b4beTjI+wEmCVPNgqa2zyBy8/M2zTBNwa8",
    "6irDdOl1d1dczr36apbaux31GFrb87m+qY0toTXKPj9BtUw2H0cGBz7K9fladwIDAQABo4GPMIGMMDUGA1UdEQQuMCyCEG1h",
    "aWwuY29udG9zby5jb22CGGF1dG9kaXNjb3Zlci5jb250b3NvLmNvbTATBgNVHSUEDDAKBggrBgEFBQcDATAdBgNVHQ4EFgQU",
    "2f+C3XuRlIrZDlU90TMlLXdhU6kwHwYDVR0jBBgwFoAUVEplxKNShM0NW/wIchVzOHVq8L8wCgYIKoZIzj0EAwIDSAAwRQIg",
    "Ic7qLt5K7PQ3UBD6gfCIqiM9oNcP8lec37ghJizZQCMCIQD4V+YZqHfDAbSKVSrvpcGkZ5r7/D6ZVDzii2Qfo67NODCCAaAw",
    "ggFGoAMCAQICFGzE/Yfd6DObfeZph2SM0R8QZGQuMAoGCCqGSM49BAMCMBwxGjAYBgNVBAMMEUNvbnRvc28gVGVzdCBSb290",
    "MB4XDTI2MTEyMjAyNTc0MFoXDe+7vzIwODAyNTc0MFowIjEgMB4GA1UEAwwXQ29udG9zbyBUZXN0IElzc3VpbmcgQ0EwWTAT",
    "BgcqhkjOPQIBBggqhkjOPQMBBwNCAAQWO9PUKPhVvrNttbuk4z70QMLovbO2m/rjblNVMOxkZ8AC7F3nobF14FR9AigFmgA5",
    "tQr2N65PtHngM5qwrqTko2AwXjAPBgNVHRMBAf8EBTADAQH/MAsGA1UdDwQEAwIBBjAdBgNVHQ4EFgQUVEplxKNShM0NW/wI",
    "chVzOHVq8L8wHwYDVR0jBBgwFoAUoXdLKLk+hCJdB3etc1bPb8C3izAwCgYIKoZIzj0EAwIDSAAwRQIhAJX4JnmhZscf4PEN",
    "Bc/hDEnbShNUMrE6P38TPhbsKlyHAiA9TW9GsENR/cLaUZXCG/VPUr5JhRN3RUpPFJ+5OgTT4jCCAY4wggEzoAMCAQICFD9y",
    "WtunTA6pS09UUXbCfv6WGc/YMAoGCCqGSM49BAMCMIAAAAAAAAAKBAMMEUNvbnRvc28gVGVzdCBSb290MB4XDTI2MTEyMjAy",
    "NTc0MFoXDTM2MTExOTAyNTc0MFowHDEaMBgGA1UEAwwRQ29udG9zbyBUZXN0IFJvb3QwWTATBgcqhkjOPQIBBggqhkjOPQMB",
    "BwNCAARSJt5GvoNHyEBc5qzawKCAVrMS7oBVldYEio5xsJEHPex1+LQjSXralIH98L6uOQ4N5E1uCkDnrPhHrfRF+NjPo1Mw",
    "UTAdBgNVHQ4EFgQUoXdLKLk+hCJdB3etc1bPb8C3izAwHwYDVR0jBBgwFoAUoXdLKLk+hCJdB3etc1bPb8C3izAwDwYDVR0T",
    "AQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAi3WCwXQhW6MC/bnl34GSnnX0ZStAaaloS4tQh6sXPIUCIQD2ktGjIgzC",
    "fh2yoGRhlY4kdB1DA+akSUg0YOvrjMyY1TEA",
];

#[test]
fn fuzz_crashers_give_an_error_or_a_report() {
    let der = ::pem::parse(format!(
        "-----BEGIN PKCS7-----\n{}\n-----END PKCS7-----\n",
        CRASH_UTC_TIME_BOM.concat()
    ))
    .unwrap()
    .into_contents();
    assert_eq!(der.len(), 1539);
    let trust = TrustStore::mozilla();
    let options = options(&trust, Some("msstd:mail.contoso.com"), Some("mail.contoso.com"));
    let error = analyze(&[Input::new("crash.p7b", &der)], &options).unwrap_err();
    assert_eq!(error.code(), "INPUT_MALFORMED_CERTIFICATE", "{error}");
}

#[test]
fn mutated_principal_strings_never_panic() {
    let seeds = [
        "Set-OutlookProvider EXPR -CertPrincipalName:\u{201c}msstd:mail.contoso.com\u{201d}",
        "<Protocol><Type>EXPR</Type><CertPrincipalName>msstd:a</CertPrincipalName></Protocol>",
        "CertPrincipalName : msstd:mail.contoso.com\nName : EXPR",
        "rpcping /B msstd:x",
        "RPCProxyPrincipalName=msstd:x",
    ];
    let mut rng = Rng(42);
    for round in 0..4000 {
        let bytes = mutate(&mut rng, seeds[round % seeds.len()].as_bytes());
        let text = String::from_utf8_lossy(&bytes);
        let _ = principal::parse(&text);
    }
}
