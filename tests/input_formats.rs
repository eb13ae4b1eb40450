//! Every input form of section 1: PEM in its many disguises, base64, DER, PKCS#7, PKCS#12,
//! several inputs at once, and the specific errors for everything else.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use common::*;
use msstd_check::{analyze, input, Code, Error, Format, Input, TrustStore};
use p12_keystore::{EncryptionAlgorithm, KeyStore, KeyStoreEntry, MacAlgorithm, PrivateKeyChain};

fn decode(bytes: &[u8]) -> Result<input::Decoded, Error> {
    input::decode(&Input::new("test", bytes))
}

fn leaf() -> Issued {
    let root = ca("Root", None);
    issue(
        params(&["mail.contoso.com"], &["mail.contoso.com"]),
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        Some(&root),
    )
}

fn base64_body(pem: &str) -> String {
    pem.lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pem_single_and_many() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let one = decode(pki.leaf.pem.as_bytes()).unwrap();
    assert_eq!(one.format, Format::Pem);
    assert_eq!(one.certificates, vec![pki.leaf.der.clone()]);
    let three = decode(format!("{}{}{}", pki.leaf.pem, pki.intermediate.pem, pki.root.pem).as_bytes()).unwrap();
    assert_eq!(three.certificates.len(), 3);
}

#[test]
fn pem_in_the_disguises_of_mail_chat_and_windows() {
    let cert = leaf();
    let crlf = cert.pem.replace('\n', "\r\n");
    let indented: String = cert.pem.lines().map(|l| format!("    {l}\n")).collect();
    let quoted_mail: String = cert.pem.lines().map(|l| format!("> {l}\n")).collect();
    let around = format!("Hi, here is the cert you asked for:\n\n{}\nThanks, Bob\n", cert.pem);
    let bag_attributes = format!(
        "Bag Attributes\n    localKeyID: 01 00 00 00\n    friendlyName: mail\nsubject=CN = mail.contoso.com\nissuer=CN = Root\n{}",
        cert.pem
    );
    let bom = [&[0xef, 0xbb, 0xbf][..], cert.pem.as_bytes()].concat();
    let utf16: Vec<u8> = cert
        .pem
        .replace('\n', "\r\n")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16_bom = [&[0xff, 0xfe][..], &utf16].concat();
    let x509_label = cert.pem.replace("CERTIFICATE", "X509 CERTIFICATE");
    let trusted_label = cert.pem.replace("CERTIFICATE", "TRUSTED CERTIFICATE");
    for (name, bytes) in [
        ("crlf", crlf.into_bytes()),
        ("indented", indented.into_bytes()),
        ("quoted mail", quoted_mail.into_bytes()),
        ("text around", around.into_bytes()),
        ("bag attributes", bag_attributes.into_bytes()),
        ("utf-8 bom", bom),
        ("utf-16le bom", utf16_bom),
        ("utf-16le no bom", utf16),
        ("X509 CERTIFICATE", x509_label.into_bytes()),
        ("TRUSTED CERTIFICATE", trusted_label.into_bytes()),
    ] {
        let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded.certificates, vec![cert.der.clone()], "{name}");
    }
}

#[test]
fn bare_base64_multi_line_and_one_line() {
    let cert = leaf();
    let body = base64_body(&cert.pem);
    let multi = decode(body.as_bytes()).unwrap();
    assert_eq!(multi.format, Format::Base64);
    assert_eq!(multi.certificates, vec![cert.der.clone()]);
    let one_line = body.replace('\n', "");
    assert_eq!(
        decode(one_line.as_bytes()).unwrap().certificates,
        vec![cert.der.clone()]
    );
    let padded_off = one_line.trim_end_matches('=');
    assert_eq!(decode(padded_off.as_bytes()).unwrap().certificates, vec![cert.der]);
}

#[test]
fn binary_der() {
    let cert = leaf();
    let decoded = decode(&cert.der).unwrap();
    assert_eq!(decoded.format, Format::Der);
    assert_eq!(decoded.certificates, vec![cert.der]);
}

#[test]
fn pkcs7_der_and_pem_from_openssl() {
    for file in ["chain.p7b", "chain-pem.p7b"] {
        let decoded = decode(&data(file)).unwrap();
        assert_eq!(decoded.format, Format::Pkcs7, "{file}");
        assert_eq!(decoded.certificates.len(), 3, "{file}");
    }
    let report = check_at(
        &[Input::new("chain.p7b", &data("chain.p7b"))],
        Some("msstd:mail.contoso.com"),
        None,
        fixture_now(),
    );
    assert_eq!(report.chain.path.len(), 3);
    assert_eq!(report.msstd.unwrap().code, Code::MsstdMatch);
}

#[test]
fn pkcs7_with_ber_indefinite_lengths() {
    // ContentInfo { signedData, [0] { SignedData { 1, {}, {data}, [0] { cert } , {} } } },
    // written with indefinite lengths as some Java and Windows tools do.
    let cert = leaf();
    let mut ber = vec![
        0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x80,
    ];
    ber.extend_from_slice(&[0x30, 0x80, 0x02, 0x01, 0x01, 0x31, 0x00]);
    ber.extend_from_slice(&[
        0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ]);
    ber.extend_from_slice(&[0xa0, 0x80]);
    ber.extend_from_slice(&cert.der);
    ber.extend_from_slice(&[0x00, 0x00, 0x31, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    let decoded = decode(&ber).unwrap();
    assert_eq!(decoded.certificates, vec![cert.der]);
}

fn with_password(file: &str, password: &str) -> Result<input::Decoded, Error> {
    input::decode(&Input::new(file, &data(file)).with_password(password))
}

#[test]
fn pkcs12_modern_and_legacy_from_openssl() {
    for file in ["openssl-modern.pfx", "openssl-legacy.pfx"] {
        let decoded = with_password(file, "Passw0rd!").unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(decoded.format, Format::Pkcs12, "{file}");
        assert_eq!(decoded.certificates.len(), 3, "{file}");
        assert_eq!(decoded.keys.len(), 1, "{file}");
        let report = check_at(
            &[Input::new(file, &data(file)).with_password("Passw0rd!")],
            Some("msstd:mail.contoso.com"),
            Some("mail.contoso.com"),
            fixture_now(),
        );
        assert!(has(&report, Code::KeyPairMatch), "{file}: {:?}", codes(&report));
        assert_eq!(report.inputs[0].private_keys, 1);
    }
}

#[test]
fn pkcs12_password_needed_wrong_and_empty() {
    assert_eq!(
        decode(&data("openssl-modern.pfx")).unwrap_err(),
        Error::PasswordRequired
    );
    assert_eq!(
        decode(&data("openssl-legacy.pfx")).unwrap_err(),
        Error::PasswordRequired
    );
    assert_eq!(
        with_password("openssl-modern.pfx", "wrong").unwrap_err(),
        Error::WrongPassword
    );
    assert_eq!(
        with_password("openssl-legacy.pfx", "wrong").unwrap_err(),
        Error::WrongPassword
    );
    assert_eq!(
        decode(&data("openssl-empty-password.pfx")).unwrap().certificates.len(),
        1
    );
}

#[test]
fn pkcs12_iteration_cap_refuses_before_deriving() {
    let error = with_password("openssl-500k-iterations.pfx", "x").unwrap_err();
    assert_eq!(
        error,
        Error::Pkcs12IterationsTooHigh {
            iterations: 500_000,
            limit: msstd_check::limits::MAX_PKCS12_ITERATIONS
        }
    );
}

/// PFX files written by p12-keystore in the test: every encryption, and a key that is not the leaf's.
fn pfx(leaf: &Issued, key_der: &[u8], encryption: EncryptionAlgorithm, mac: MacAlgorithm, iterations: u32) -> Vec<u8> {
    let chain = PrivateKeyChain::new(
        b"1".as_slice(),
        p12_keystore::PrivateKey::from_der(key_der).unwrap(),
        [p12_keystore::Certificate::from_der(&leaf.der).unwrap()],
    );
    let mut store = KeyStore::new();
    store.add_entry("mail", KeyStoreEntry::PrivateKeyChain(chain));
    store
        .writer("secret")
        .encryption_algorithm(encryption)
        .mac_algorithm(mac)
        .encryption_iterations(iterations)
        .mac_iterations(iterations)
        .write()
        .unwrap()
}

#[test]
fn pkcs12_generated_in_every_encryption() {
    let cert = leaf();
    for (encryption, mac) in [
        (
            EncryptionAlgorithm::PbeWithHmacSha256AndAes256,
            MacAlgorithm::HmacSha256,
        ),
        (
            EncryptionAlgorithm::PbeWithShaAnd3KeyTripleDesCbc,
            MacAlgorithm::HmacSha1,
        ),
        (EncryptionAlgorithm::PbeWithShaAnd40BitRc4Cbc, MacAlgorithm::HmacSha1),
    ] {
        let bytes = pfx(&cert, &cert.key.serialize_der(), encryption, mac, 2048);
        let decoded = input::decode(&Input::new("x.pfx", &bytes).with_password("secret")).unwrap();
        assert_eq!(decoded.certificates, vec![cert.der.clone()], "{encryption:?}");
        assert_eq!(
            input::decode(&Input::new("x.pfx", &bytes)).unwrap_err(),
            Error::PasswordRequired,
            "{encryption:?}"
        );
    }
    let hostile = pfx(
        &cert,
        &cert.key.serialize_der(),
        EncryptionAlgorithm::PbeWithHmacSha256AndAes256,
        MacAlgorithm::HmacSha256,
        200_000,
    );
    assert!(matches!(
        input::decode(&Input::new("x.pfx", &hostile).with_password("secret")).unwrap_err(),
        Error::Pkcs12IterationsTooHigh {
            iterations: 200_000,
            ..
        }
    ));
}

#[test]
fn pkcs12_with_a_foreign_key_is_a_mismatch() {
    let cert = leaf();
    for other in [
        key(&rcgen::PKCS_ECDSA_P256_SHA256),
        rsa_key(2048),
        key(&rcgen::PKCS_ED25519),
    ] {
        let bytes = pfx(
            &cert,
            &other.serialize_der(),
            EncryptionAlgorithm::PbeWithHmacSha256AndAes256,
            MacAlgorithm::HmacSha256,
            2048,
        );
        let report = check_at(
            &[Input::new("x.pfx", &bytes).with_password("secret")],
            None,
            None,
            now(),
        );
        assert!(has(&report, Code::KeyPairMismatch), "{:?}", codes(&report));
        let json = msstd_check::render::json(&report);
        assert!(!json.contains("PRIVATE KEY"), "the key never appears in output");
    }
}

#[test]
fn pem_private_key_beside_the_certificate_is_compared() {
    for alg in [
        &rcgen::PKCS_ECDSA_P256_SHA256,
        &rcgen::PKCS_ECDSA_P384_SHA384,
        &rcgen::PKCS_ED25519,
    ] {
        let k = key(alg);
        let cert = issue(params(&["mail.contoso.com"], &[]), k, None);
        let bundle = format!("{}{}", cert.pem, cert.key.serialize_pem());
        let report = check_at(&[Input::new("bundle.pem", bundle.as_bytes())], None, None, now());
        assert!(has(&report, Code::KeyPairMatch), "{alg:?}: {:?}", codes(&report));
    }
    let rsa = issue(params(&["mail.contoso.com"], &[]), rsa_key(2048), None);
    let pkcs8 = String::from_utf8(data("rsa-2048.key")).unwrap();
    let report = check_at(
        &[Input::new("b.pem", format!("{}{pkcs8}", rsa.pem).as_bytes())],
        None,
        None,
        now(),
    );
    assert!(has(&report, Code::KeyPairMatch), "{:?}", codes(&report));
}

#[test]
fn several_inputs_merge_into_one_chain() {
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let trust = TrustStore::empty();
    let report = analyze(
        &[
            Input::new(
                "chain.pem",
                format!("{}{}", pki.intermediate.pem, pki.root.pem).as_bytes(),
            ),
            Input::new("leaf.cer", &pki.leaf.der),
        ],
        &options(&trust, None, None),
    )
    .unwrap();
    assert_eq!(report.chain.path, vec![2, 0, 1]);
    assert!(!has(&report, Code::ChainOrder), "separate files have no order");
    assert_eq!(report.inputs.len(), 2);
}

#[test]
fn things_that_are_not_certificates_get_specific_errors() {
    let private_key = data("rsa-2048.key");
    let csr_der = ::pem::parse(data("request.csr")).unwrap().into_contents();
    let spki = leaf().key.public_key_pem();
    let mut truncated = leaf().der;
    truncated.truncate(truncated.len() / 2);
    let mut too_large = b"-----BEGIN CERTIFICATE-----\n".to_vec();
    too_large.resize(msstd_check::limits::MAX_INPUT_BYTES + 1, b'A');
    type Expectation = fn(&Error) -> bool;
    let cases: Vec<(&str, Vec<u8>, Expectation)> = vec![
        ("empty", b"  \n".to_vec(), |e| *e == Error::Empty),
        ("private key", private_key, |e| *e == Error::PrivateKeyOnly),
        // A request cut short is still named as one (a whole one is read: tests/certificate_request.rs).
        ("csr cut", csr_der[..csr_der.len() - 8].to_vec(), |e| {
            matches!(e, Error::Truncated { .. } | Error::CertificateRequest)
        }),
        ("public key", spki.into_bytes(), |e| *e == Error::PublicKeyOnly),
        ("truncated der", truncated, |e| matches!(e, Error::Truncated { .. })),
        ("prose", b"mail.contoso.com is broken, please help".to_vec(), |e| {
            *e == Error::NoCertificateInText
        }),
        ("binary", vec![0x89, b'P', b'N', b'G', 0, 1, 2, 3, 0xff], |e| {
            *e == Error::UnrecognisedBinary
        }),
        ("too large", too_large, |e| matches!(e, Error::TooLarge { .. })),
        (
            "cut paste",
            b"-----BEGIN CERTIFICATE-----\nMIIBkTCCATeg\n".to_vec(),
            |e| matches!(e, Error::MalformedPem { .. }),
        ),
        (
            "unknown label",
            b"-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n".to_vec(),
            |e| matches!(e, Error::UnsupportedPemLabel { .. }),
        ),
    ];
    for (name, bytes, expected) in cases {
        let error = decode(&bytes).err().unwrap_or_else(|| panic!("{name} decoded"));
        assert!(expected(&error), "{name}: {error:?}");
        assert!(!error.to_string().is_empty());
        assert!(error.code().starts_with("INPUT_"), "{name}");
    }
    assert_eq!(
        decode(&csr_der).unwrap().format,
        msstd_check::Format::CertificateRequest
    );
    // A request whose content is damaged inside an intact outer shape is named as one.
    let mut damaged = csr_der.clone();
    let at = damaged.len() / 3;
    damaged[at] ^= 0xff;
    if let Err(error) = decode(&damaged) {
        assert!(error.code().starts_with("INPUT_"));
    }
}

#[test]
fn analyze_names_the_input_that_failed() {
    let cert = leaf();
    let trust = TrustStore::empty();
    let error = analyze(
        &[
            Input::new("good.pem", cert.pem.as_bytes()),
            Input::new("server.key", &data("rsa-2048.key")),
        ],
        &options(&trust, None, None),
    )
    .unwrap_err();
    assert_eq!(error.root(), &Error::PrivateKeyOnly);
    assert!(error.to_string().starts_with("server.key: "), "{error}");
}

#[test]
fn the_size_check_before_copying_says_what_analyze_says() {
    let big = vec![b'A'; msstd_check::limits::MAX_INPUT_BYTES + 1];
    let trust = TrustStore::empty();
    let options = options(&trust, None, None);
    let cert = leaf();
    for name in ["dump.bin", ""] {
        let inputs = [Input::new("good.pem", cert.pem.as_bytes()), Input::new(name, &big)];
        let from_analyze = analyze(&inputs, &options).unwrap_err();
        assert_eq!(input::check_input_size(name, 1, big.len()), Err(from_analyze));
    }
    assert!(input::check_input_size("x", 0, msstd_check::limits::MAX_INPUT_BYTES).is_ok());
    let unnamed = input::check_input_size("", 1, big.len()).unwrap_err();
    assert!(unnamed.to_string().starts_with("input 2: "), "{unnamed}");
}

#[test]
fn certificate_count_is_capped() {
    let cert = leaf();
    let many = cert.pem.repeat(msstd_check::limits::MAX_CERTIFICATES + 1);
    let trust = TrustStore::empty();
    let options = options(&trust, None, None);
    let error = analyze(&[Input::new("many.pem", many.as_bytes())], &options).unwrap_err();
    assert!(matches!(error, Error::TooManyCertificates { .. }), "{error:?}");
    // As many inputs, one certificate each: refused by their count, before any is decoded.
    let inputs = vec![Input::new("one.pem", cert.pem.as_bytes()); msstd_check::limits::MAX_CERTIFICATES + 1];
    let error = analyze(&inputs, &options).unwrap_err();
    assert!(matches!(error, Error::TooManyCertificates { .. }), "{error:?}");
    assert_eq!(input::check_input_count(inputs.len()), Err(error));
    assert!(analyze(&inputs[1..], &options).is_ok());
}

#[test]
fn duplicates_are_noted_once_each() {
    let cert = leaf();
    let twice = format!("{}{}", cert.pem, cert.pem);
    let report = check_at(&[Input::new("twice.pem", twice.as_bytes())], None, None, now());
    assert_eq!(report.certificates.len(), 1);
    assert_eq!(report.findings_with(Code::ChainDuplicate).count(), 1);
}
