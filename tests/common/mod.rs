//! Test PKI: certificates and CRLs generated with rcgen (its own DER writer and ring's signatures,
//! independent of the engine's X.509 reader and RustCrypto verifier), the fixtures of `tests/data`,
//! and helpers to analyse them: against a supplied root, the Mozilla store, or as the page does.
#![allow(dead_code)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

pub mod schema;

use msstd_check::{analyze, Code, Input, Options, Report, TrustStore, UnixTime};
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    SanType, SignatureAlgorithm,
};

/// The instant generated certificates are judged at: inside their default validity.
pub fn now() -> UnixTime {
    UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap()
}

/// The instant the OpenSSL fixtures in `tests/data` are judged at.
pub fn fixture_now() -> UnixTime {
    UnixTime::parse_rfc3339("2027-06-01T00:00:00Z").unwrap()
}

pub fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A generated certificate with its key and parameters (so it can issue others).
pub struct Issued {
    pub params: CertificateParams,
    pub key: KeyPair,
    pub der: Vec<u8>,
    pub pem: String,
}

/// Parameters with a Common Name list, DNS SubjectAltNames and validity 2025-01-01..2028-01-01.
pub fn params(common_names: &[&str], dns_names: &[&str]) -> CertificateParams {
    let mut params = CertificateParams::new(dns_names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()).unwrap();
    let mut dn = DistinguishedName::new();
    for cn in common_names {
        dn.push(DnType::CommonName, *cn);
    }
    params.distinguished_name = dn;
    params.not_before = rcgen::date_time_ymd(2025, 1, 1);
    params.not_after = rcgen::date_time_ymd(2028, 1, 1);
    // Every public and AD CS certificate carries one (RFC 5280 4.2.1.1); rcgen leaves it out
    // unless asked.
    params.use_authority_key_identifier_extension = true;
    params
}

pub fn key(alg: &'static SignatureAlgorithm) -> KeyPair {
    KeyPair::generate_for(alg).unwrap()
}

pub fn rsa_key(bits: u32) -> KeyPair {
    let pem = String::from_utf8(data(&format!("rsa-{bits}.key"))).unwrap();
    KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap()
}

/// Signs `params` with `key`, by `issuer` or self-signed.
pub fn issue(params: CertificateParams, key: KeyPair, issuer: Option<&Issued>) -> Issued {
    let cert = match issuer {
        Some(issuer) => params
            .signed_by(&key, &Issuer::from_params(&issuer.params, &issuer.key))
            .unwrap(),
        None => params.self_signed(&key).unwrap(),
    };
    Issued {
        der: cert.der().to_vec(),
        pem: cert.pem(),
        params,
        key,
    }
}

/// `params` with the public key of `key` (which stays the caller's), signed by `issuer`: a
/// cross-sign, or another copy of a certificate under the same name and key.
pub fn sign_as(params: &CertificateParams, key: &KeyPair, issuer: (&CertificateParams, &KeyPair)) -> Issued {
    let cert = params.signed_by(key, &Issuer::from_params(issuer.0, issuer.1)).unwrap();
    Issued {
        der: cert.der().to_vec(),
        pem: cert.pem(),
        params: params.clone(),
        key: KeyPair::try_from(key.serialize_der().as_slice()).unwrap(),
    }
}

/// AuthorityInfoAccess with one caIssuers URI (under 100 bytes), for `custom_extensions`.
pub fn aia(url: &str) -> rcgen::CustomExtension {
    access(0x02, url)
}

/// AuthorityInfoAccess with one OCSP responder URI (under 100 bytes), for `custom_extensions`.
pub fn ocsp(url: &str) -> rcgen::CustomExtension {
    access(0x01, url)
}

/// AuthorityInfoAccess with one AccessDescription: id-ad-`method` (1 OCSP, 2 caIssuers), `url`.
fn access(method: u8, url: &str) -> rcgen::CustomExtension {
    let uri = url.as_bytes();
    let mut description = vec![
        0x06,
        0x08,
        0x2b,
        0x06,
        0x01,
        0x05,
        0x05,
        0x07,
        0x30,
        method,
        0x86,
        u8::try_from(uri.len()).unwrap(),
    ];
    description.extend_from_slice(uri);
    let length = |len: usize| u8::try_from(len).unwrap();
    let mut content = vec![0x30, length(description.len() + 2), 0x30, length(description.len())];
    content.extend(description);
    rcgen::CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], content)
}

/// A CRL of `issuer` (2026-01-01 to 2030-01-01), listing `revoked` (serial, reason) as revoked
/// on 2026-03-01 when given.
pub fn crl(issuer: &Issued, revoked: Option<(&[u8], rcgen::RevocationReason)>) -> Vec<u8> {
    let entries = revoked.map(|(serial, reason)| rcgen::RevokedCertParams {
        serial_number: rcgen::SerialNumber::from(serial.to_vec()),
        revocation_time: rcgen::date_time_ymd(2026, 3, 1),
        reason_code: Some(reason),
        invalidity_date: None,
    });
    rcgen::CertificateRevocationListParams {
        this_update: rcgen::date_time_ymd(2026, 1, 1),
        next_update: rcgen::date_time_ymd(2030, 1, 1),
        crl_number: rcgen::SerialNumber::from(vec![1]),
        issuing_distribution_point: None,
        revoked_certs: entries.into_iter().collect(),
        key_identifier_method: rcgen::KeyIdMethod::Sha256,
    }
    .signed_by(&Issuer::from_params(&issuer.params, &issuer.key))
    .unwrap()
    .der()
    .to_vec()
}

pub fn ca(name: &str, issuer: Option<&Issued>) -> Issued {
    let mut p = params(&[name], &[]);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.subject_alt_names.clear();
    issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), issuer)
}

/// Root → intermediate → leaf, the leaf with these CNs and DNS names and serverAuth.
pub struct Pki {
    pub root: Issued,
    pub intermediate: Issued,
    pub leaf: Issued,
}

pub fn pki(common_names: &[&str], dns_names: &[&str]) -> Pki {
    let root = ca("Test Root CA", None);
    let intermediate = ca("Test Issuing CA", Some(&root));
    let mut p = params(common_names, dns_names);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf = issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(&intermediate));
    Pki {
        root,
        intermediate,
        leaf,
    }
}

impl Pki {
    /// Leaf and intermediate as one PEM paste, in order.
    pub fn served(&self) -> String {
        format!("{}{}", self.leaf.pem, self.intermediate.pem)
    }
}

/// Analyses PEM texts with the root `trusted` as a supplied trust anchor.
pub fn check_with_root(pems: &[&str], root: &Issued, principal: Option<&str>, host: Option<&str>) -> Report {
    let trust = TrustStore::mozilla();
    let mut inputs: Vec<Input<'_>> = pems.iter().map(|p| Input::new("pasted", p.as_bytes())).collect();
    inputs.push(Input::new("root.pem", root.pem.as_bytes()).trusted());
    analyze(
        &inputs,
        &Options::new(now(), &msstd_check::signature::RustCrypto)
            .principal(principal)
            .host(host)
            .trust(&trust),
    )
    .unwrap()
}

/// The analysis as the page runs it: with the answers so far, verifying what is pending (here
/// with the built-in verifier, where the page uses WebCrypto), again; the rounds are the
/// engine's ([`msstd_check::completion::complete`], the signatures as its needs). `what` names
/// the input in the panic when the rounds do not converge.
pub fn analyze_as_the_page_does(inputs: &[Input<'_>], options: &Options<'_>, what: &str) -> Report {
    use msstd_check::completion::{complete, Completion, Fulfilled};
    use msstd_check::limits::MAX_COMPLETION_ROUNDS;
    use msstd_check::signature::{Answers, RustCrypto};
    let answers = Answers::new();
    let options = Options {
        verifier: &answers,
        ..*options
    };
    let completed = complete(inputs, &options, Completion::default(), |needs| {
        Fulfilled::verified(needs, &RustCrypto)
    })
    .unwrap();
    assert!(
        completed.rounds < MAX_COMPLETION_ROUNDS,
        "{what}: the answers do not converge"
    );
    completed.report
}

/// Options for `principal` and `host` at [`now`], against `trust`, with the built-in verifier.
pub fn options<'a>(trust: &'a TrustStore, principal: Option<&'a str>, host: Option<&'a str>) -> Options<'a> {
    Options::new(now(), &msstd_check::signature::RustCrypto)
        .principal(principal)
        .host(host)
        .trust(trust)
}

/// Analyses inputs against the Mozilla store at `at`.
pub fn check_at(inputs: &[Input<'_>], principal: Option<&str>, host: Option<&str>, at: UnixTime) -> Report {
    let trust = TrustStore::mozilla();
    analyze(
        inputs,
        &Options::new(at, &msstd_check::signature::RustCrypto)
            .principal(principal)
            .host(host)
            .trust(&trust),
    )
    .unwrap()
}

pub fn codes(report: &Report) -> Vec<Code> {
    report.findings.iter().map(|f| f.code).collect()
}

pub fn has(report: &Report, code: Code) -> bool {
    report.findings.iter().any(|f| f.code == code)
}

pub fn san_ip(params: &mut CertificateParams, ip: &str) {
    params.subject_alt_names.push(SanType::IpAddress(ip.parse().unwrap()));
}
