//! Differential tests: on generated scenarios, whether "a strict TLS client accepts this chain
//! for this host" according to the engine must agree with OpenSSL (`openssl verify`, and
//! `openssl x509 -checkhost` for the name alone) and with pyca/cryptography's X.509 verifier,
//! except for the differences documented in `docs/conformance.md`, each tied to a scenario tag.
//!
//! Needs `openssl` and Python's `cryptography` (scripts/setup.sh installs both). Prints the
//! counts that `docs/conformance.md` quotes: `cargo test --test differential -- --nocapture`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{analyze_as_the_page_does, data, issue, now, sign_as, Issued};
use msstd_check::render::json;
use msstd_check::signature::RustCrypto;
use msstd_check::{analyze, Input, Options, Report, TrustStore};
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use serde_json::{json, Value};

/// How many scenarios are generated (deterministically, from a fixed seed).
const SCENARIOS: u64 = 400;

/// splitmix64: a fixed, dependency-free sequence, so every run checks the same scenarios.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// An index below `len`, drawn as [`Rng::below`] draws it.
    fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap()
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[derive(Clone, Copy)]
enum Validity {
    Current,
    Expired,
    NotYetValid,
}

fn base(name: &str, validity: Validity) -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    params.distinguished_name = dn;
    let (from, to) = match validity {
        Validity::Current => ((2025, 1), (2028, 1)),
        Validity::Expired => ((2024, 1), (2026, 1)),
        Validity::NotYetValid => ((2026, 9), (2028, 1)),
    };
    params.not_before = rcgen::date_time_ymd(from.0, from.1, 1);
    params.not_after = rcgen::date_time_ymd(to.0, to.1, 1);
    params
}

fn ca(name: &str, validity: Validity, issuer: Option<&Issued>) -> Issued {
    ca_with(name, validity, issuer, |_| {})
}

/// A CA certificate, with `customize` applied to its parameters before signing.
fn ca_with(
    name: &str,
    validity: Validity,
    issuer: Option<&Issued>,
    customize: impl FnOnce(&mut CertificateParams),
) -> Issued {
    let mut params = base(name, validity);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    params.use_authority_key_identifier_extension = issuer.is_some();
    customize(&mut params);
    issue(
        params,
        KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap(),
        issuer,
    )
}

/// Flips a bit in the last byte of the signature, which stays well-formed but wrong.
fn corrupt(der: &[u8]) -> Vec<u8> {
    let mut der = der.to_vec();
    if let Some(last) = der.last_mut() {
        *last ^= 0x01;
    }
    der
}

/// One generated situation, and the tags that name what is special about it.
struct Scenario {
    id: String,
    host: String,
    root: Vec<u8>,
    /// Leaf first, then what else the server sends, in the order it sends it.
    presented: Vec<Vec<u8>>,
    tags: Vec<&'static str>,
}

fn scenario(number: u64, rng: &mut Rng) -> Scenario {
    let mut tags = Vec::new();
    let validity = |rng: &mut Rng, tags: &mut Vec<&'static str>| match rng.below(14) {
        0 => {
            tags.push("expired");
            Validity::Expired
        }
        1 => {
            tags.push("not-yet-valid");
            Validity::NotYetValid
        }
        _ => Validity::Current,
    };
    // The path rules get a stream of their own, so the scenarios drawn before they were added
    // keep their shapes.
    let mut path_rng = Rng(number ^ 0x7061_7468_7275_6c65);
    let rule = PathRule::draw(&mut path_rng);
    let root = ca_with(&format!("Diff Root {number}"), Validity::Current, None, |p| {
        rule.root(p)
    });
    let depth = rng.index(3); // intermediates: 0 to 2, so paths of 2 to 4 certificates
    let mut chain = vec![root];
    for level in 0..depth {
        let v = validity(rng, &mut tags);
        let issued = ca_with(&format!("Diff CA {number}.{level}"), v, chain.last(), |p| {
            if level == 0 {
                rule.intermediate(p);
            }
        });
        chain.push(issued);
    }
    tags.extend(rule.tag(depth));

    let (names, host): (Vec<String>, &str) = match rng.below(9) {
        0 => {
            tags.push("wildcard");
            (vec!["*.contoso.com".into()], "mail.contoso.com")
        }
        1 => {
            tags.push("wildcard-too-deep");
            (vec!["*.contoso.com".into()], "a.mail.contoso.com")
        }
        2 => {
            tags.push("idn");
            (vec!["xn--bcher-kva.example".into()], "xn--bcher-kva.example")
        }
        3 => {
            tags.push("ip");
            (vec!["192.0.2.10".into()], "192.0.2.10")
        }
        4 => {
            tags.push("cn-only");
            (vec![], "mail.contoso.com")
        }
        5 => {
            tags.push("name-mismatch");
            (vec!["owa.contoso.com".into()], "mail.contoso.com")
        }
        _ => (
            vec!["mail.contoso.com".into(), "autodiscover.contoso.com".into()],
            "mail.contoso.com",
        ),
    };
    let leaf_validity = validity(rng, &mut tags);
    let mut params = base("mail.contoso.com", leaf_validity);
    params.subject_alt_names = CertificateParams::new(names).unwrap().subject_alt_names;
    params.use_authority_key_identifier_extension = true;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment];
    rule.leaf(&mut params);
    params.extended_key_usages = match rng.below(10) {
        0 => {
            tags.push("eku-client-only");
            vec![ExtendedKeyUsagePurpose::ClientAuth]
        }
        1 => {
            tags.push("no-eku");
            vec![]
        }
        _ => vec![ExtendedKeyUsagePurpose::ServerAuth],
    };
    let issuer = chain.last().unwrap();
    let issuer = Issuer::from_params(&issuer.params, &issuer.key);
    // The leaf signs nothing here, so only its public key is needed: ring refuses to load a
    // 1024-bit private key, the rsa crate reads its public half.
    let leaf = match rng.below(10) {
        0 => {
            tags.push("rsa-1024");
            params.signed_by(&rsa_public_key(1024), &issuer)
        }
        1 | 2 => params.signed_by(&rsa_public_key(2048), &issuer),
        3 => params.signed_by(&KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).unwrap(), &issuer),
        _ => params.signed_by(&KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap(), &issuer),
    }
    .unwrap();

    let mut leaf_der = leaf.der().to_vec();
    let mut intermediates: Vec<Vec<u8>> = chain[1..].iter().map(|c| c.der.clone()).collect();
    if rng.chance(7) {
        tags.push("bad-signature-leaf");
        leaf_der = corrupt(&leaf_der);
    } else if !intermediates.is_empty() && rng.chance(7) {
        tags.push("bad-signature-intermediate");
        let i = rng.index(intermediates.len());
        intermediates[i] = corrupt(&intermediates[i]);
    }
    let mut root_der = chain[0].der.clone();
    if rng.chance(3) {
        tags.push("bad-signature-root");
        root_der = corrupt(&root_der);
    }
    if !intermediates.is_empty() && rng.chance(8) {
        tags.push("missing-intermediate");
        let i = rng.index(intermediates.len());
        intermediates.remove(i);
    }
    let mut rest = intermediates;
    if rule == PathRule::ExpiredCrossSign && depth > 0 {
        // The last intermediate again, same name and key, signed by the root but expired: a
        // second path beside the valid one.
        let last = chain.last().unwrap();
        let mut params = last.params.clone();
        params.not_before = rcgen::date_time_ymd(2023, 1, 1);
        params.not_after = rcgen::date_time_ymd(2026, 1, 1);
        let above = &chain[chain.len() - 2];
        rest.push(sign_as(&params, &last.key, (&above.params, &above.key)).der);
    }
    if rng.chance(10) {
        tags.push("root-sent");
        rest.push(root_der.clone());
    }
    if rng.chance(10) {
        tags.push("extra-unrelated");
        rest.push(ca(&format!("Unrelated CA {number}"), Validity::Expired, None).der);
    }
    // Leaf first, as TLS requires; the rest in any order.
    for i in (1..rest.len()).rev() {
        let j = rng.index(i + 1);
        rest.swap(i, j);
    }
    if rest.len() > 1 {
        tags.push("shuffled");
    }
    Scenario {
        id: format!("s{number:03}"),
        host: host.to_owned(),
        root: root_der,
        presented: std::iter::once(leaf_der).chain(rest).collect(),
        tags,
    }
}

/// The path-validation rules a scenario exercises beyond dates, names and signatures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PathRule {
    None,
    /// The first intermediate says CA=false.
    IntermediateNotCa,
    /// The root allows no intermediate CA below it (pathLenConstraint 0): broken when the path
    /// has an intermediate, kept when the root signs the leaf.
    RootPathLenZero,
    /// The root permits only fabrikam.com names.
    PermitsOtherDomain,
    /// The root permits contoso.com names.
    PermitsContoso,
    /// The root excludes contoso.com names.
    ExcludesContoso,
    /// The leaf carries an unknown critical extension.
    CriticalUnknown,
    /// The first intermediate's EKU is e-mail protection only.
    IntermediateEkuEmail,
    /// An expired copy of the last intermediate, signed by the root, is sent too.
    ExpiredCrossSign,
}

impl PathRule {
    fn draw(rng: &mut Rng) -> Self {
        match rng.below(16) {
            0 => Self::IntermediateNotCa,
            1 => Self::RootPathLenZero,
            2 => Self::PermitsOtherDomain,
            3 => Self::PermitsContoso,
            4 => Self::ExcludesContoso,
            5 => Self::CriticalUnknown,
            6 => Self::IntermediateEkuEmail,
            7 => Self::ExpiredCrossSign,
            _ => Self::None,
        }
    }

    /// The tag naming the rule, when the scenario's depth lets it apply.
    fn tag(self, depth: usize) -> Option<&'static str> {
        let needs_intermediate = depth > 0;
        match self {
            Self::None => None,
            Self::IntermediateNotCa if needs_intermediate => Some("intermediate-not-ca"),
            Self::RootPathLenZero if depth >= 1 => Some("path-len-exceeded"),
            Self::RootPathLenZero => Some("path-len-0-kept"),
            Self::PermitsOtherDomain => Some("nc-permits-other"),
            Self::PermitsContoso => Some("nc-permits-contoso"),
            Self::ExcludesContoso => Some("nc-excludes-contoso"),
            Self::CriticalUnknown => Some("critical-unknown-extension"),
            Self::IntermediateEkuEmail if needs_intermediate => Some("intermediate-eku-email"),
            Self::ExpiredCrossSign if needs_intermediate => Some("expired-cross-sign"),
            _ => None,
        }
    }

    fn root(self, params: &mut CertificateParams) {
        use rcgen::{GeneralSubtree, NameConstraints};
        let dns = |name: &str| vec![GeneralSubtree::DnsName(name.to_owned())];
        match self {
            Self::RootPathLenZero => params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0)),
            Self::PermitsOtherDomain => {
                params.name_constraints = Some(NameConstraints {
                    permitted_subtrees: dns("fabrikam.com"),
                    excluded_subtrees: vec![],
                });
            }
            Self::PermitsContoso => {
                params.name_constraints = Some(NameConstraints {
                    permitted_subtrees: dns("contoso.com"),
                    excluded_subtrees: vec![],
                });
            }
            Self::ExcludesContoso => {
                params.name_constraints = Some(NameConstraints {
                    permitted_subtrees: vec![],
                    excluded_subtrees: dns("contoso.com"),
                });
            }
            _ => {}
        }
    }

    fn intermediate(self, params: &mut CertificateParams) {
        match self {
            Self::IntermediateNotCa => params.is_ca = IsCa::ExplicitNoCa,
            Self::IntermediateEkuEmail => params.extended_key_usages = vec![ExtendedKeyUsagePurpose::EmailProtection],
            _ => {}
        }
    }

    fn leaf(self, params: &mut CertificateParams) {
        if self == Self::CriticalUnknown {
            let mut extension =
                rcgen::CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 55555, 1], vec![0x05, 0x00]);
            extension.set_criticality(true);
            params.custom_extensions.push(extension);
        }
    }
}

fn rsa_public_key(bits: u32) -> rcgen::SubjectPublicKeyInfo {
    use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
    let pem = String::from_utf8(data(&format!("rsa-{bits}.key"))).unwrap();
    let private = rsa::RsaPrivateKey::from_pkcs8_pem(&pem).unwrap();
    let der = private.to_public_key().to_public_key_der().unwrap();
    rcgen::SubjectPublicKeyInfo::from_der(der.as_bytes()).unwrap()
}

fn pem(ders: &[Vec<u8>]) -> String {
    ders.iter()
        .map(|der| ::pem::encode(&::pem::Pem::new("CERTIFICATE", der.clone())))
        .collect()
}

/// The engine's report with the built-in verifier; asserts that the asynchronous protocol the
/// page uses (analyse with the answers so far, verify what is pending, again) ends at the same
/// report.
fn engine_report(scenario: &Scenario) -> Report {
    let presented = pem(&scenario.presented);
    let root = pem(std::slice::from_ref(&scenario.root));
    let inputs = [
        Input::new("presented", presented.as_bytes()),
        Input::new("root", root.as_bytes()).trusted(),
    ];
    let trust = TrustStore::empty();
    let options = Options {
        principal: None,
        host: Some(&scenario.host),
        now: now(),
        trust: Some(&trust),
        windows_trust: None,
        verifier: &RustCrypto,
        revocation: &[],
    };
    let report = analyze(&inputs, &options).unwrap();

    let answered = analyze_as_the_page_does(&inputs, &options, &scenario.id);
    assert_eq!(json(&answered), json(&report), "{}", scenario.id);
    report
}

fn engine_host_matches(report: &Report) -> bool {
    report.host.as_ref().is_some_and(|h| h.matched.is_some())
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("{program} is needed for the differential tests (scripts/setup.sh installs it): {e}")
    })
}

fn write(dir: &Path, name: &str, ders: &[Vec<u8>]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pem(ders)).unwrap();
    path
}

/// The documented differences (docs/conformance.md): for a peer, the scenario tags under
/// which it is known to decide otherwise than the engine, and why.
fn explained(peer: &str, tags: &[&str], engine: bool) -> Option<&'static str> {
    let has = |tag: &str| tags.contains(&tag);
    match peer {
        // X509_check_host falls back to the subject CN when there is no DNS SubjectAltName.
        "openssl" | "openssl-checkhost" if has("cn-only") && !engine => Some("openssl CN fallback"),
        // pyca/cryptography's verifier sets no minimum RSA size for the leaf; the engine and
        // OpenSSL at auth level 2 want 2048 bits (CA/Browser Forum Baseline Requirements 6.1.5).
        "pyca" if has("rsa-1024") && !engine => Some("pyca accepts RSA-1024 leaf keys"),
        // A SubjectAltName of one IP address: the CN is no host name (RFC 6125 section 6.4.4;
        // pyca, Go, rustls-webpki), so the engine does not constrain it; OpenSSL still does,
        // as it does whenever there is no DNS SubjectAltName.
        "openssl" if engine && has("ip") && (has("nc-permits-other") || has("nc-excludes-contoso")) => {
            Some("openssl constrains the CN beside an IP SubjectAltName")
        }
        _ => None,
    }
}

#[test]
fn engine_agrees_with_openssl_and_pyca_cryptography() {
    let dir = std::env::temp_dir().join(format!("msstd-differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x6d73_7374_642d_6368);
    let scenarios: Vec<Scenario> = (0..SCENARIOS).map(|n| scenario(n, &mut rng)).collect();
    let at = now().0.to_string();

    let mut cases = Vec::new();
    let mut outcomes: BTreeMap<String, BTreeMap<&str, bool>> = BTreeMap::new();
    for s in &scenarios {
        let case_dir = dir.join(&s.id);
        std::fs::create_dir_all(&case_dir).unwrap();
        let leaf = write(&case_dir, "leaf.pem", &s.presented[..1]);
        let root = write(&case_dir, "root.pem", std::slice::from_ref(&s.root));
        let rest = &s.presented[1..];
        let untrusted = write(&case_dir, "untrusted.pem", rest);
        let is_ip = s.host.parse::<std::net::IpAddr>().is_ok();
        let mut args = vec!["verify", "-attime", &at, "-auth_level", "2", "-purpose", "sslserver"];
        args.extend([if is_ip { "-verify_ip" } else { "-verify_hostname" }, &s.host]);
        args.extend(["-CAfile", root.to_str().unwrap()]);
        if !rest.is_empty() {
            args.extend(["-untrusted", untrusted.to_str().unwrap()]);
        }
        args.push(leaf.to_str().unwrap());
        let openssl = run("openssl", &args).status.success();
        let check = if is_ip { "-checkip" } else { "-checkhost" };
        let host_check = run(
            "openssl",
            &["x509", "-noout", "-in", leaf.to_str().unwrap(), check, &s.host],
        );
        let host_matches = String::from_utf8_lossy(&host_check.stdout).contains("does match");

        let report = engine_report(s);
        let entry = outcomes.entry(s.id.clone()).or_default();
        entry.insert("engine", report.strict_client_accepts());
        entry.insert("engine-host", engine_host_matches(&report));
        entry.insert("openssl", openssl);
        entry.insert("openssl-checkhost", host_matches);
        let intermediates: Vec<String> = if rest.is_empty() {
            vec![]
        } else {
            vec![untrusted.display().to_string()]
        };
        cases.push(json!({
            "id": s.id, "leaf": leaf, "intermediates": intermediates, "root": root, "host": s.host, "time": now().0,
        }));
    }
    let cases_file = dir.join("cases.json");
    std::fs::write(&cases_file, serde_json::to_vec(&cases).unwrap()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/differential/pyca_verify.py");
    let pyca = run("python3", &[script, cases_file.to_str().unwrap()]);
    assert!(
        pyca.status.success(),
        "pyca/cryptography is needed (pip install cryptography; scripts/setup.sh does it): {}",
        String::from_utf8_lossy(&pyca.stderr)
    );
    let pyca: Value = serde_json::from_slice(&pyca.stdout).unwrap();

    let mut unexplained = Vec::new();
    let mut explained_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut agreements: BTreeMap<&str, usize> = BTreeMap::new();
    let mut accepted = 0;
    for s in &scenarios {
        let outcome = &outcomes[&s.id];
        let engine = outcome["engine"];
        accepted += usize::from(engine);
        let peers = [
            ("openssl", outcome["openssl"], engine),
            ("pyca", pyca[&s.id]["accept"].as_bool().unwrap(), engine),
            (
                "openssl-checkhost",
                outcome["openssl-checkhost"],
                outcome["engine-host"],
            ),
        ];
        for (peer, theirs, ours) in peers {
            if theirs == ours {
                *agreements.entry(peer).or_default() += 1;
            } else if let Some(reason) = explained(peer, &s.tags, ours) {
                *explained_counts.entry(reason).or_default() += 1;
            } else {
                let detail = if peer == "pyca" {
                    pyca[&s.id]["error"].to_string()
                } else {
                    String::new()
                };
                unexplained.push(format!(
                    "{} {peer}: engine {ours}, peer {theirs}, tags {:?} {detail}",
                    s.id, s.tags
                ));
            }
        }
    }
    let mut tag_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for tag in scenarios.iter().flat_map(|s| &s.tags) {
        *tag_counts.entry(tag).or_default() += 1;
    }
    println!("scenarios: {SCENARIOS}, accepted by the engine: {accepted}");
    println!("tags: {tag_counts:?}");
    println!("agreements: {agreements:?}");
    println!("documented differences: {explained_counts:?}");
    println!("unexplained: {}", unexplained.len());
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        unexplained.is_empty(),
        "unexplained disagreements:\n{}",
        unexplained.join("\n")
    );
    assert!(
        accepted >= scenarios.len() / 5 && accepted <= scenarios.len() * 4 / 5,
        "the scenarios should mix acceptances and rejections: {accepted} accepted"
    );
}
