//! Caps that keep hostile input from freezing a browser tab or exhausting memory.
//!
//! Each cap is reported by name in the [`crate::Error`] it causes, and listed in `docs/findings.md`.

/// Largest single input accepted, in bytes. Real exports are a few kilobytes; the largest real
/// certificate we know of (10,000 SANs) is 277 KB of PEM.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Most certificates taken from all inputs together. A Windows `.p7b` of a full path has 3 to 5.
pub const MAX_CERTIFICATES: usize = 64;

/// Highest PBKDF iteration count or PKCS#12 MAC iteration count honoured before any key
/// derivation starts. Windows writes 2,000, OpenSSL 3 writes 2,048; 100,000 leaves room for
/// hardened exports while one derivation still takes well under a second in a browser.
pub const MAX_PKCS12_ITERATIONS: u64 = 100_000;

/// Most extensions read from one certificate (real ones carry 5 to 15); checking for duplicates
/// stays cheap.
pub const MAX_EXTENSIONS: usize = 256;

/// Most attributes read from one distinguished name (real ones carry 1 to 10).
pub const MAX_NAME_ATTRIBUTES: usize = 256;

/// Deepest ASN.1 nesting followed while recognising a structure.
pub const MAX_ASN1_DEPTH: usize = 16;

/// Largest RSA modulus verified, in bits (the badssl.com fixtures include 8,192-bit keys).
pub const MAX_RSA_BITS: usize = 16_384;

/// Most days before expiry from which `CERT_EXPIRES_SOON` is reported: the window is a third
/// of the certificate's lifetime ([`expiry_warning_days`]), at most this.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// Fewest days of that window: a certificate of a few days' life still gets a day's notice.
pub const EXPIRY_WARNING_MIN_DAYS: i64 = 1;

/// The days before expiry from which `CERT_EXPIRES_SOON` is reported for a certificate valid
/// `lifetime_days`: a third of its life, where automated renewal starts (certbot renews a
/// 90-day Let's Encrypt certificate when 30 days are left), between [`EXPIRY_WARNING_MIN_DAYS`]
/// and [`EXPIRY_WARNING_DAYS`]. Before that a warning is noise; after it a renewal that has
/// not happened is worth a look. A fixed 30 days
/// would warn through most of the 47-day life CA/Browser Forum ballot SC-081 sets from 2029,
/// and all of a 6-day one; a year's or five years' certificate keeps its 30 days.
pub fn expiry_warning_days(lifetime_days: i64) -> i64 {
    (lifetime_days / 3).clamp(EXPIRY_WARNING_MIN_DAYS, EXPIRY_WARNING_DAYS)
}

/// Most intermediates between the leaf and its anchor on one path (rustls-webpki's
/// `MAX_SUB_CA_COUNT`; real paths have one to three).
pub const MAX_PATH_INTERMEDIATES: usize = 6;

/// Most complete paths the builder considers before choosing the best one. Real bundles offer
/// one, or two with a cross-sign.
pub const MAX_CANDIDATE_PATHS: usize = 8;

/// Most signatures one path search verifies (rustls-webpki's budget): 64 certificates that all
/// cross-sign each other would otherwise ask for 4,032.
pub const MAX_SIGNATURE_CHECKS: usize = 100;

/// Most steps one path search takes (rustls-webpki's `build_chain_calls` budget).
pub const MAX_BUILD_STEPS: usize = 200_000;

/// Most comparisons of a name with a name constraint in one analysis (rustls-webpki's budget).
pub const MAX_NAME_CONSTRAINT_COMPARISONS: usize = 250_000;

/// Most rounds [`crate::completion::complete`] hands needs to its face: two issuer downloads,
/// one round of revocation answers, and room for the signature rounds of an asynchronous
/// verifier (each round can ask for the checks the previous answers opened).
pub const MAX_COMPLETION_ROUNDS: usize = 8;

/// Most issuers downloaded from caIssuers URLs for one chain, one after the other (real paths
/// miss one intermediate, rarely two).
pub const MAX_ISSUER_DOWNLOADS: usize = 2;
