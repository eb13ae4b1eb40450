//! Live revocation answers, judged by the engine without a network: an intermediate issued by a
//! store's root (whose certificate the server does not send and the store does not keep) is
//! checked against that root's name and key, and a revoked one makes every client fail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::revocation::{self, Issuer, Source, Status};
use msstd_check::signature::RustCrypto;
use msstd_check::{analyze, AnchorSource, Client, Code, Connects, Input, Options, TrustStore};

const CRL_URL: &str = "http://crl.example.com/store-root.crl";
const SERIAL: [u8; 3] = [0x05, 0x06, 0x07];

/// base64 of `der` on one line (through PEM, whose body is base64).
fn base64(der: &[u8]) -> String {
    let pem = pem::encode(&pem::Pem::new("X", der.to_vec()));
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

/// A store holding `root` only, as the trust-data files write a root.
fn store_of(root: &Issued) -> TrustStore {
    let (_, cert) = x509_parser::parse_x509_certificate(&root.der).unwrap();
    let line = format!(
        "- - - {} {} - Store Root\n",
        base64(cert.subject().as_raw()),
        base64(cert.public_key().raw)
    );
    TrustStore::from_data(&line, AnchorSource::Microsoft).unwrap()
}

/// An issuing CA below `root` naming the CRL at [`CRL_URL`].
fn issuing(root: &Issued) -> Issued {
    let mut p = params(&["Store Issuing CA"], &[]);
    p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    p.subject_alt_names.clear();
    p.serial_number = Some(rcgen::SerialNumber::from(SERIAL.to_vec()));
    p.crl_distribution_points = vec![rcgen::CrlDistributionPoint {
        uris: vec![CRL_URL.to_owned()],
    }];
    issue(p, key(&rcgen::PKCS_ECDSA_P256_SHA256), Some(root))
}

fn crl_of(root: &Issued, revoked: bool) -> Vec<u8> {
    crl(
        root,
        revoked.then_some((&SERIAL[..], rcgen::RevocationReason::CaCompromise)),
    )
}

#[test]
fn an_intermediate_is_checked_against_the_store_root_that_signed_it() {
    let root = ca("Store Root", None);
    let intermediate = issuing(&root);
    let store = store_of(&root);
    let issuer = Issuer::from_store(&intermediate.der, &store, &RustCrypto).unwrap();
    assert_eq!(issuer, Issuer::from_certificate(&root.der).unwrap());
    // Another root of the same name, another key: not the issuer.
    let impostor = ca("Store Root", None);
    assert_eq!(
        Issuer::from_store(&intermediate.der, &store_of(&impostor), &RustCrypto),
        None
    );
    assert_eq!(
        Issuer::from_store(&intermediate.der, &TrustStore::empty(), &RustCrypto),
        None
    );

    let request = revocation::request(&intermediate.der, &issuer).unwrap();
    assert_eq!(request.crl, [CRL_URL]);
    let now = now();
    let good = revocation::judge(
        &intermediate.der,
        &issuer,
        Source::Crl,
        CRL_URL,
        &crl_of(&root, false),
        now,
        &RustCrypto,
    );
    assert_eq!(good.status, Status::Good);
    let revoked = revocation::judge(
        &intermediate.der,
        &issuer,
        Source::Crl,
        CRL_URL,
        &crl_of(&root, true),
        now,
        &RustCrypto,
    );
    assert!(
        matches!(
            revoked.status,
            Status::Revoked {
                reason: Some("cACompromise"),
                ..
            }
        ),
        "{revoked:?}"
    );
    // The impostor's CRL does not verify against the real root.
    let forged = revocation::judge(
        &intermediate.der,
        &issuer,
        Source::Crl,
        CRL_URL,
        &crl_of(&impostor, true),
        now,
        &RustCrypto,
    );
    assert!(matches!(forged.status, Status::Failed(_)), "{forged:?}");

    // In the report: the intermediate revoked, every client stopped.
    let leaf = issue(
        params(&["mail.contoso.com"], &["mail.contoso.com"]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(&intermediate),
    );
    let served = format!("{}{}", leaf.pem, intermediate.pem);
    let evidence = [revoked];
    let options = Options {
        windows_trust: Some(&store),
        revocation: &evidence,
        ..options(&store, Some("msstd:mail.contoso.com"), Some("mail.contoso.com"))
    };
    let report = analyze(&[Input::new("served", served.as_bytes())], &options).unwrap();
    let finding = report.findings_with(Code::CertRevoked).next().unwrap();
    assert_eq!(
        report.certificates[finding.certificate.unwrap()].subject,
        "CN=Store Issuing CA"
    );
    assert_eq!(finding.text("reason"), "cACompromise");
    for client in [Client::WindowsOutlook, Client::Other] {
        assert_eq!(report.verdict_for(client).unwrap().outcome, Connects::No, "{client:?}");
    }
}
