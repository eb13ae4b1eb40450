//! The post-quantum signature algorithms X.509 names: ML-DSA (FIPS 204, RFC 9881) and
//! SLH-DSA (FIPS 205, RFC 9909). One OID names both the key and the signature algorithm, the
//! parameters MUST be absent, and the signature is over the whole `tbsCertificate` with the
//! empty context string (pure, never the pre-hash variants).

/// The NIST signature arc 2.16.840.1.101.3.4.3, which both families live under.
const NIST_SIGNATURES: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03];

/// An ML-DSA parameter set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MlDsa {
    /// ML-DSA-44 (NIST security category 2).
    MlDsa44,
    /// ML-DSA-65 (category 3).
    MlDsa65,
    /// ML-DSA-87 (category 5).
    MlDsa87,
}

impl MlDsa {
    /// Its name as FIPS 204, WebCrypto and the reports spell it (`ML-DSA-65`).
    pub fn name(self) -> &'static str {
        match self {
            Self::MlDsa44 => "ML-DSA-44",
            Self::MlDsa65 => "ML-DSA-65",
            Self::MlDsa87 => "ML-DSA-87",
        }
    }

    /// The encoded public key's size in bytes (FIPS 204 table 2).
    pub fn public_key_len(self) -> usize {
        match self {
            Self::MlDsa44 => 1312,
            Self::MlDsa65 => 1952,
            Self::MlDsa87 => 2592,
        }
    }

    /// The signature's size in bytes (FIPS 204 table 2).
    pub fn signature_len(self) -> usize {
        match self {
            Self::MlDsa44 => 2420,
            Self::MlDsa65 => 3309,
            Self::MlDsa87 => 4627,
        }
    }
}

/// A post-quantum algorithm an OID names: its family and parameter set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PostQuantum {
    MlDsa(MlDsa),
    /// An SLH-DSA parameter set, by name (`SLH-DSA-SHA2-128s`): named, never verified here.
    SlhDsa(&'static str),
}

/// RFC 9909's twelve pure SLH-DSA parameter sets, at .20 to .31 of the arc.
const SLH_DSA: [&str; 12] = [
    "SLH-DSA-SHA2-128s",
    "SLH-DSA-SHA2-128f",
    "SLH-DSA-SHA2-192s",
    "SLH-DSA-SHA2-192f",
    "SLH-DSA-SHA2-256s",
    "SLH-DSA-SHA2-256f",
    "SLH-DSA-SHAKE-128s",
    "SLH-DSA-SHAKE-128f",
    "SLH-DSA-SHAKE-192s",
    "SLH-DSA-SHAKE-192f",
    "SLH-DSA-SHAKE-256s",
    "SLH-DSA-SHAKE-256f",
];

impl PostQuantum {
    /// The algorithm `oid` (DER content octets) names, if it is one of these.
    pub(crate) fn of(oid: &[u8]) -> Option<Self> {
        match oid {
            [arc @ .., last] if arc == NIST_SIGNATURES => match last {
                17 => Some(Self::MlDsa(MlDsa::MlDsa44)),
                18 => Some(Self::MlDsa(MlDsa::MlDsa65)),
                19 => Some(Self::MlDsa(MlDsa::MlDsa87)),
                20..=31 => SLH_DSA.get(usize::from(last - 20)).copied().map(Self::SlhDsa),
                _ => None,
            },
            _ => None,
        }
    }

    /// The family: `ML-DSA` or `SLH-DSA`.
    pub(crate) fn family(self) -> &'static str {
        match self {
            Self::MlDsa(_) => "ML-DSA",
            Self::SlhDsa(_) => "SLH-DSA",
        }
    }

    /// The parameter set: `ML-DSA-65`, `SLH-DSA-SHA2-128s`.
    pub(crate) fn parameter_set(self) -> &'static str {
        match self {
            Self::MlDsa(set) => set.name(),
            Self::SlhDsa(name) => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(last: u8) -> Vec<u8> {
        [NIST_SIGNATURES, &[last]].concat()
    }

    #[test]
    fn the_arc_names_every_parameter_set_and_nothing_else() {
        assert_eq!(PostQuantum::of(&oid(17)), Some(PostQuantum::MlDsa(MlDsa::MlDsa44)));
        for (last, name) in [
            (19, "ML-DSA-87"),
            (20, "SLH-DSA-SHA2-128s"),
            (26, "SLH-DSA-SHAKE-128s"),
            (31, "SLH-DSA-SHAKE-256f"),
        ] {
            assert_eq!(
                PostQuantum::of(&oid(last)).map(PostQuantum::parameter_set),
                Some(name),
                "{last}"
            );
        }
        // ECDSA with SHA3 (.9 to .12) and the pre-hash variants (.32 and up) are not these.
        for other in [9, 16, 32, 35, 46] {
            assert_eq!(PostQuantum::of(&oid(other)), None, "{other}");
        }
        assert_eq!(PostQuantum::of(&oid(18)).map(PostQuantum::family), Some("ML-DSA"));
        assert_eq!(MlDsa::MlDsa65.public_key_len(), 1952);
        assert_eq!(MlDsa::MlDsa87.signature_len(), 4627);
    }
}
