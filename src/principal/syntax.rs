//! Judging how a principal value is written, and correcting it.
//!
//! Only `msstd:<name>` (lower-case prefix, no space, no quotes) is documented; anything else is
//! flagged with the corrected value, because Windows compares the string as given.

use serde::Serialize;

use super::PrincipalValue;

/// One thing wrong with how a principal value is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "defect", rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Defect {
    /// The value is empty.
    Empty,
    /// White space before or after the whole value.
    WhitespaceAround,
    /// White space between `msstd:` and the name (KB 2710606 prints `msstd: mail.contoso.com`).
    SpaceAfterPrefix,
    /// The `msstd:` prefix is missing or misspelt.
    MissingPrefix,
    /// The prefix is not in lower case (`MSSTD:`).
    UppercasePrefix,
    /// Quote characters inside the value.
    Quotes {
        /// At least one is a typographic quote (“ ” ‘ ’), as word processors and web pages produce.
        typographic: bool,
    },
    /// The name ends with a dot.
    TrailingDot,
    /// A URL instead of a host name.
    Url,
    /// A port after the host name.
    Port,
    /// Characters no host name or e-mail address has.
    InvalidCharacters {
        /// The offending characters.
        characters: String,
    },
    /// Text of several words with no `msstd:` (or `fullsic:`) value in it.
    NotFound,
}

impl Defect {
    /// The defect's stable name, as it appears in JSON.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "EMPTY",
            Self::WhitespaceAround => "WHITESPACE_AROUND",
            Self::SpaceAfterPrefix => "SPACE_AFTER_PREFIX",
            Self::MissingPrefix => "MISSING_PREFIX",
            Self::UppercasePrefix => "UPPERCASE_PREFIX",
            Self::Quotes { .. } => "QUOTES",
            Self::TrailingDot => "TRAILING_DOT",
            Self::Url => "URL",
            Self::Port => "PORT",
            Self::InvalidCharacters { .. } => "INVALID_CHARACTERS",
            Self::NotFound => "NOT_FOUND",
        }
    }
}

pub(super) struct Judged {
    pub value: PrincipalValue,
    pub defects: Vec<Defect>,
    pub corrected: Option<String>,
}

impl Judged {
    /// Prose without a value: nothing to compare, nothing to correct.
    pub(super) fn not_found() -> Self {
        Self {
            value: PrincipalValue::Unusable,
            defects: vec![Defect::NotFound],
            corrected: None,
        }
    }

    pub(super) fn not_set() -> Self {
        Self {
            value: PrincipalValue::NotSet,
            defects: Vec::new(),
            corrected: None,
        }
    }
}

const QUOTES: &[char] = &[
    '"', '\'', '`', '\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}', '\u{00ab}', '\u{00bb}',
];

pub(super) fn judge(raw: &str, empty_means_not_set: bool) -> Judged {
    let mut defects = Vec::new();
    if raw.trim().is_empty() {
        return if empty_means_not_set {
            Judged::not_set()
        } else {
            Judged {
                value: PrincipalValue::Unusable,
                defects: vec![Defect::Empty],
                corrected: None,
            }
        };
    }
    if raw.trim() != raw {
        defects.push(Defect::WhitespaceAround);
    }
    let mut text = raw.trim().to_owned();
    if text.contains(QUOTES) {
        defects.push(Defect::Quotes {
            typographic: text.chars().any(|c| QUOTES.contains(&c) && !c.is_ascii()),
        });
        text = text.replace(QUOTES, "").trim().to_owned();
    }
    let lower = text.to_ascii_lowercase();
    if lower == "none" {
        return finish(PrincipalValue::Disabled, defects, "none".to_owned());
    }
    if let Some(subject) = lower.strip_prefix("fullsic:").map(|_| text[8..].trim().to_owned()) {
        return finish(
            PrincipalValue::Fullsic {
                subject: subject.clone(),
            },
            defects,
            format!("fullsic:{subject}"),
        );
    }
    let mut name = if lower.starts_with("msstd:") {
        if !text.starts_with("msstd:") {
            defects.push(Defect::UppercasePrefix);
        }
        text[6..].to_owned()
    } else if lower.starts_with("msstd") && text[5..].starts_with([' ', ';', '=', '.', ',']) {
        defects.push(Defect::MissingPrefix);
        text[5..].trim_start_matches([' ', ';', '=', '.', ',', ':']).to_owned()
    } else {
        defects.push(Defect::MissingPrefix);
        text
    };
    if name.starts_with(char::is_whitespace) {
        defects.push(Defect::SpaceAfterPrefix);
        name = name.trim_start().to_owned();
    }
    if let Some((_, rest)) = name.split_once("://") {
        defects.push(Defect::Url);
        name = rest.split(['/', '?', '#']).next().unwrap_or_default().to_owned();
    } else if name.contains('/') {
        defects.push(Defect::Url);
        name = name.split('/').next().unwrap_or_default().to_owned();
    }
    if let Some((host, port)) = name.rsplit_once(':') {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            defects.push(Defect::Port);
            name = host.to_owned();
        }
    }
    if name.contains(char::is_whitespace) {
        defects.push(Defect::InvalidCharacters {
            characters: " ".to_owned(),
        });
        name.retain(|c| !c.is_whitespace());
    }
    if name.ends_with('.') {
        defects.push(Defect::TrailingDot);
        name = name.trim_end_matches('.').to_owned();
    }
    if name.is_empty() {
        defects.push(Defect::Empty);
        return Judged {
            value: PrincipalValue::Unusable,
            defects,
            corrected: None,
        };
    }
    let invalid: String = name
        .chars()
        .filter(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '*' | '_' | '@')))
        .collect();
    let fixable = invalid.is_empty();
    if !fixable {
        defects.push(Defect::InvalidCharacters { characters: invalid });
    }
    let corrected = format!("msstd:{name}");
    let mut judged = finish(PrincipalValue::Msstd { name }, defects, corrected);
    if !fixable {
        judged.corrected = None;
    }
    judged
}

fn finish(value: PrincipalValue, defects: Vec<Defect>, corrected: String) -> Judged {
    Judged {
        value,
        corrected: (!defects.is_empty()).then_some(corrected),
        defects,
    }
}
