//! Name constraints (RFC 5280 section 4.2.1.10): a CA may say which names the certificates
//! below it may carry (permitted) and may not (excluded). Applied to the SubjectAltNames, the
//! subject name and its e-mail addresses, and, where a certificate has no SubjectAltName
//! extension at all, to a Common Name that looks like a host name: the clients that read the CN
//! as a host name at all do so only then (RFC 6125 section 6.4.4; Go, rustls-webpki, pyca), so
//! they would otherwise escape the constraint. A SubjectAltName of IP addresses alone is a
//! SubjectAltName: its CN is no host name, and a dNSName constraint does not apply to it.

use super::budget::{Budget, Exhausted};
use crate::certificate::Parsed;
use crate::names::is_ldh_label;
use crate::x509::extensions::ip_address;
use crate::x509::{GeneralName, GeneralSubtree, NameConstraints};

/// What applying one CA's constraints to one certificate found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    Allowed,
    /// `name` is outside every permitted subtree of its kind, or inside an excluded one.
    Violated {
        name: String,
        excluded: bool,
    },
    /// A constraint is not a valid name of its kind (`*.example.com`, `.example.com`, an
    /// address without a contiguous mask): no client can apply it.
    Invalid {
        constraint: String,
    },
}

/// The names of `cert` that constraints apply to.
fn names<'a>(cert: &'a Parsed<'a>) -> Vec<Constrained<'a>> {
    let mut names: Vec<Constrained<'a>> = cert.general_names().into_iter().map(Constrained::General).collect();
    if !cert.x509.subject.is_empty() {
        names.push(Constrained::General(GeneralName::Directory(cert.x509.subject.raw)));
    }
    names.extend(cert.emails().into_iter().map(Constrained::Email));
    if !cert.has_subject_alt_name() {
        names.extend(
            cert.common_names()
                .into_iter()
                .filter(|cn| looks_like_host(cn))
                .map(Constrained::HostCn),
        );
    }
    names
}

/// A name of a certificate that constraints apply to.
enum Constrained<'a> {
    General(GeneralName<'a>),
    Email(String),
    HostCn(String),
}

impl Constrained<'_> {
    /// The GeneralName tag whose constraints apply to this name.
    fn tag(&self) -> u8 {
        match self {
            Self::General(name) => tag(name),
            Self::Email(_) => 0x81,
            Self::HostCn(_) => 0x82,
        }
    }

    fn text(&self) -> String {
        match self {
            Self::General(GeneralName::Dns(text) | GeneralName::Email(text) | GeneralName::Uri(text)) => {
                (*text).to_owned()
            }
            Self::General(GeneralName::Ip(bytes)) => {
                ip_address(bytes).map_or_else(|| "(malformed address)".to_owned(), |a| a.to_string())
            }
            Self::General(GeneralName::Directory(raw)) => {
                crate::x509::Name::read(raw).map_or_else(|_| String::new(), |(name, _)| name.to_string())
            }
            Self::General(GeneralName::Other(_)) => "(a name of another form)".to_owned(),
            Self::Email(text) | Self::HostCn(text) => text.clone(),
        }
    }
}

fn tag(name: &GeneralName<'_>) -> u8 {
    match name {
        GeneralName::Email(_) => 0x81,
        GeneralName::Dns(_) => 0x82,
        GeneralName::Directory(_) => 0xa4,
        GeneralName::Uri(_) => 0x86,
        GeneralName::Ip(_) => 0x87,
        GeneralName::Other(tag) => *tag,
    }
}

fn looks_like_host(text: &str) -> bool {
    text.contains('.') && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.*_".contains(&b))
}

/// Whether `name` lies in `subtree`; `None` when they are of different kinds; an error when
/// the constraint is invalid.
fn within(name: &Constrained<'_>, subtree: &GeneralSubtree<'_>, excluded: bool) -> Result<Option<bool>, String> {
    if name.tag() != tag(&subtree.base) {
        return Ok(None);
    }
    let inside = match (&subtree.base, name) {
        (GeneralName::Dns(constraint), Constrained::General(GeneralName::Dns(dns))) => {
            dns_within(dns, constraint, excluded)?
        }
        (GeneralName::Dns(constraint), Constrained::HostCn(cn)) => dns_within(cn, constraint, excluded)?,
        (GeneralName::Ip(constraint), Constrained::General(GeneralName::Ip(address))) => {
            ip_within(address, constraint)?
        }
        (GeneralName::Directory(constraint), Constrained::General(GeneralName::Directory(subject))) => {
            directory_within(subject, constraint)
        }
        (GeneralName::Email(constraint), Constrained::General(GeneralName::Email(email))) => {
            email_within(email, constraint)
        }
        (GeneralName::Email(constraint), Constrained::Email(email)) => email_within(email, constraint),
        (GeneralName::Uri(constraint), Constrained::General(GeneralName::Uri(uri))) => uri_within(uri, constraint),
        // A form this tool does not compare (otherName, x400Address, …): a certificate that
        // carries such a name under such a constraint cannot be shown to comply, so it counts
        // as inside an excluded subtree ([`unverifiable`] keeps it out of permitted ones).
        _ => true,
    };
    Ok(Some(inside))
}

/// Applies one CA's `constraints` to `cert`.
pub(super) fn check(
    constraints: &NameConstraints<'_>,
    cert: &Parsed<'_>,
    budget: &mut Budget,
) -> Result<Outcome, Exhausted> {
    for name in names(cert) {
        let mut kind_permitted = false;
        let mut permitted = false;
        for subtree in constraints.permitted.iter().flatten() {
            budget.name_constraint_comparison()?;
            match within(&name, subtree, false) {
                Err(constraint) => return Ok(Outcome::Invalid { constraint }),
                Ok(None) => {}
                Ok(Some(inside)) => {
                    kind_permitted = true;
                    permitted |= inside && !unverifiable(&name, subtree);
                }
            }
        }
        if kind_permitted && !permitted {
            return Ok(Outcome::Violated {
                name: name.text(),
                excluded: false,
            });
        }
        for subtree in constraints.excluded.iter().flatten() {
            budget.name_constraint_comparison()?;
            match within(&name, subtree, true) {
                Err(constraint) => return Ok(Outcome::Invalid { constraint }),
                Ok(Some(true)) => {
                    return Ok(Outcome::Violated {
                        name: name.text(),
                        excluded: true,
                    })
                }
                Ok(_) => {}
            }
        }
    }
    Ok(Outcome::Allowed)
}

/// A name of a form this tool does not compare never satisfies a permitted subtree.
fn unverifiable(name: &Constrained<'_>, subtree: &GeneralSubtree<'_>) -> bool {
    matches!(subtree.base, GeneralName::Other(_)) || matches!(name, Constrained::General(GeneralName::Other(_)))
}

/// A DNS name of a constraint: empty (every name), or labels of letters, digits and hyphens.
fn valid_dns_constraint(constraint: &str) -> bool {
    constraint.is_empty() || constraint.split('.').all(is_ldh_label)
}

/// A DNS name as a certificate may carry it: labels of letters, digits and hyphens, a
/// wildcard only as the whole left-most label.
fn valid_dns_name(name: &str) -> bool {
    let name = name.strip_prefix("*.").unwrap_or(name);
    valid_dns_constraint(name) && !name.is_empty()
}

fn in_domain(name: &str, domain: &str) -> bool {
    domain.is_empty() || name == domain || below(name, domain)
}

/// `name` is a name under `domain`, at any depth.
fn below(name: &str, domain: &str) -> bool {
    name.strip_suffix(domain).is_some_and(|prefix| prefix.ends_with('.'))
}

/// RFC 5280: a dNSName constraint covers the name and every name below it. A wildcard
/// `*.example.com` stands for every name one label below `example.com`: it is permitted only
/// when all of those are, and excluded when any of them is (CVE-2025-61727). A name that is
/// not a valid DNS name is never permitted and always excluded.
fn dns_within(name: &str, constraint: &str, excluded: bool) -> Result<bool, String> {
    let constraint_lower = constraint.to_ascii_lowercase();
    if !valid_dns_constraint(&constraint_lower) {
        return Err(constraint.to_owned());
    }
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if !valid_dns_name(&name) {
        return Ok(excluded);
    }
    Ok(match name.strip_prefix("*.") {
        Some(base) if excluded => {
            in_domain(base, &constraint_lower)
                || constraint_lower
                    .strip_suffix(base)
                    .and_then(|label| label.strip_suffix('.'))
                    .is_some_and(|label| !label.is_empty() && !label.contains('.'))
        }
        Some(base) => in_domain(base, &constraint_lower),
        None => in_domain(&name, &constraint_lower),
    })
}

/// An iPAddress constraint is an address and a mask of the same family, the mask's ones
/// contiguous; a name of the other family is not compared.
fn ip_within(address: &[u8], constraint: &[u8]) -> Result<bool, String> {
    let half = constraint.len() / 2;
    let (network, mask) = constraint.split_at(half);
    let contiguous = {
        let bits: Vec<bool> = mask
            .iter()
            .flat_map(|b| (0..8).map(move |i| b & (0x80 >> i) != 0))
            .collect();
        bits.windows(2).all(|w| w[0] || !w[1])
    };
    if !matches!(constraint.len(), 8 | 32) || !contiguous {
        return Err(format!("an address constraint of {} bytes", constraint.len()));
    }
    if !matches!(address.len(), 4 | 16) {
        return Ok(false);
    }
    if address.len() != half {
        return Ok(false);
    }
    Ok(address
        .iter()
        .zip(network.iter().zip(mask))
        .all(|(a, (n, m))| a & m == n & m))
}

/// A directoryName constraint covers every name that begins with its RDNs, compared as
/// encoded.
fn directory_within(subject: &[u8], constraint: &[u8]) -> bool {
    match (rdns(subject), rdns(constraint)) {
        (Some(subject), Some(constraint)) => {
            constraint.len() <= subject.len() && constraint.iter().zip(&subject).all(|(c, s)| c == s)
        }
        _ => false,
    }
}

fn rdns(name: &[u8]) -> Option<Vec<&[u8]>> {
    let (sequence, _) = crate::x509::der(name).ok()?;
    crate::x509::elements(sequence.content)
        .map(|rdn| rdn.ok().map(|r| r.whole))
        .collect()
}

/// rfc822Name constraints: `user@host` one mailbox, `host` every mailbox on that host,
/// `.domain` every mailbox below the domain.
fn email_within(email: &str, constraint: &str) -> bool {
    let Some((_, host)) = email.rsplit_once('@') else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let constraint = constraint.to_ascii_lowercase();
    if constraint.contains('@') {
        email.eq_ignore_ascii_case(&constraint)
    } else if let Some(domain) = constraint.strip_prefix('.') {
        below(&host, domain)
    } else {
        host == constraint
    }
}

/// uniformResourceIdentifier constraints compare the URI's host: `host` exactly, `.domain`
/// below the domain.
fn uri_within(uri: &str, constraint: &str) -> bool {
    let host = crate::names::host_of(uri);
    let constraint = constraint.to_ascii_lowercase();
    match constraint.strip_prefix('.') {
        Some(domain) => below(&host, domain),
        None => host == constraint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_constraints_cover_the_name_and_below() {
        assert_eq!(dns_within("example.com", "example.com", false), Ok(true));
        assert_eq!(dns_within("mail.Example.com", "example.com", false), Ok(true));
        assert_eq!(dns_within("notexample.com", "example.com", false), Ok(false));
        assert_eq!(dns_within("anything.test", "", false), Ok(true));
        assert!(dns_within("a.example.com", "*.example.com", false).is_err());
        assert!(dns_within("a.example.com", ".example.com", false).is_err());
    }

    #[test]
    fn wildcards_are_judged_by_every_name_they_stand_for() {
        // CVE-2025-61727: *.example.com covers bar.example.com, which is excluded.
        assert_eq!(dns_within("*.example.com", "bar.example.com", true), Ok(true));
        assert_eq!(dns_within("*.example.com", "a.bar.example.com", true), Ok(false));
        assert_eq!(dns_within("*.example.com", "example.com", false), Ok(true));
        assert_eq!(dns_within("*.example.com", "foo.example.com", false), Ok(false));
        // Not a valid name: never permitted, always excluded.
        assert_eq!(dns_within("foo_bar.example.com", "example.com", false), Ok(false));
        assert_eq!(dns_within("foo_bar.example.com", "other.com", true), Ok(true));
    }

    #[test]
    fn address_constraints_need_a_contiguous_mask() {
        let net = [192, 0, 2, 0, 255, 255, 255, 0];
        assert_eq!(ip_within(&[192, 0, 2, 1], &net), Ok(true));
        assert_eq!(ip_within(&[192, 0, 3, 1], &net), Ok(false));
        assert_eq!(ip_within(&[0; 16], &net), Ok(false), "another family");
        assert!(ip_within(&[192, 0, 2, 1], &[192, 0, 2, 0, 255, 0, 255, 0]).is_err());
        assert!(ip_within(&[192, 0, 2, 1], &[192, 0, 2, 0]).is_err());
    }

    #[test]
    fn mailbox_constraints() {
        assert!(email_within("a@example.com", "example.com"));
        assert!(!email_within("a@mail.example.com", "example.com"));
        assert!(email_within("a@mail.example.com", ".example.com"));
        assert!(email_within("A@Example.com", "a@example.com"));
        assert!(!email_within("b@example.com", "a@example.com"));
    }
}
