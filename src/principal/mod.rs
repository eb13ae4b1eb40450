//! The `msstd:` principal name, from whatever the admin pasted.
//!
//! Admins paste the bare value, the `Set-OutlookProvider` line they ran, `Get-OutlookProvider | fl`
//! output, an Autodiscover response or one element of it, a PRF line, an `rpcping` command, or
//! a sentence that holds the value (Remote Connectivity Analyzer's detail line, Outlook's dialog). [`parse`] finds the
//! value in each (`forms.rs`), then judges its syntax and gives the corrected value (`syntax.rs`).

mod forms;
mod syntax;

use serde::Serialize;

pub use forms::Form;
pub use syntax::Defect;

/// What the pasted text says the principal name is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Principal {
    /// The form the value was found in.
    pub form: Form,
    /// The Outlook provider or Autodiscover protocol it belongs to (`EXPR`, `EXCH`, `EXHTTP`).
    pub provider: Option<String>,
    /// The value exactly as it appears in the paste; `None` when no value is set.
    pub as_found: Option<String>,
    /// The host Outlook falls back to when no value is set (`<Server>`, or `Server :`).
    pub server: Option<String>,
    /// What the value means.
    pub value: PrincipalValue,
    /// Everything wrong with how the value is written.
    pub defects: Vec<Defect>,
    /// The value with every fixable defect fixed, when there are defects and it can be fixed.
    pub corrected: Option<String>,
    /// Other, different values found in the same text (form `text`), in order: the report
    /// judges each in `MSSTD_SEVERAL`.
    pub others: Vec<String>,
}

/// What a principal value means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PrincipalValue {
    /// `msstd:<name>`; `name` is the host or e-mail part, cleaned of fixable defects.
    Msstd {
        /// The name to compare with the certificate.
        name: String,
    },
    /// `none`: Outlook does not check the certificate name.
    Disabled,
    /// No value (`$null`): Outlook uses `msstd:<Server>`.
    NotSet,
    /// `fullsic:<subject>`: compares the whole subject, not an `msstd:` name.
    Fullsic {
        /// The subject after the prefix.
        subject: String,
    },
    /// Nothing usable (an empty `msstd:`).
    Unusable,
}

impl Principal {
    /// The name to compare with the certificate: the value's own, or the server it falls back to.
    pub fn name(&self) -> Option<&str> {
        match &self.value {
            PrincipalValue::Msstd { name } => Some(name),
            PrincipalValue::NotSet => self.server.as_deref(),
            _ => None,
        }
    }
}

/// Finds and judges the principal name in `text`. Returns `None` when `text` is blank.
pub fn parse(text: &str) -> Option<Principal> {
    if text.trim().is_empty() {
        return None;
    }
    let found = forms::extract(text);
    let judged = match &found.value {
        Some(value) => syntax::judge(value, found.form.empty_means_not_set()),
        None if found.form == Form::Text => syntax::Judged::not_found(),
        None => syntax::Judged::not_set(),
    };
    Some(Principal {
        form: found.form,
        provider: found.provider,
        as_found: found.value,
        server: found
            .server
            .map(|s| crate::names::host_of(&s))
            .filter(|s| !s.is_empty()),
        value: judged.value,
        defects: judged.defects,
        corrected: judged.corrected,
        others: found.others,
    })
}
