//! Finding the principal value in the forms it travels in.

use serde::Serialize;

/// Where a principal value was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// The bare value, as typed in Outlook's Exchange Proxy Settings.
    Value,
    /// A `Set-OutlookProvider … -CertPrincipalName …` command.
    SetOutlookProvider,
    /// `Get-OutlookProvider | Format-List` output (`CertPrincipalName : …`).
    GetOutlookProvider,
    /// An Autodiscover response (`<CertPrincipalName>` in a `<Protocol>`).
    AutodiscoverXml,
    /// An Outlook profile (PRF) line `RPCProxyPrincipalName=…`.
    Prf,
    /// An `rpcping … /B msstd:…` command.
    Rpcping,
}

impl Form {
    /// In these forms an empty value means "not set", so Outlook derives `msstd:<Server>`.
    pub(crate) fn empty_means_not_set(self) -> bool {
        matches!(
            self,
            Self::GetOutlookProvider | Self::AutodiscoverXml | Self::SetOutlookProvider
        )
    }
}

/// The raw value and its context, before any judgement.
pub(super) struct Found {
    pub form: Form,
    pub provider: Option<String>,
    /// `None` when the form says no value is set.
    pub value: Option<String>,
    pub server: Option<String>,
}

pub(super) fn extract(text: &str) -> Found {
    let lower = text.to_ascii_lowercase();
    if lower.contains('<') && (lower.contains("certprincipalname") || lower.contains("<protocol")) {
        if let Some(found) = autodiscover(text) {
            return found;
        }
    }
    if lower.contains("set-outlookprovider") || lower.contains("-certprincipalname") {
        if let Some(found) = set_outlook_provider(text) {
            return found;
        }
    }
    if let Some(found) = get_outlook_provider(text) {
        return found;
    }
    if let Some(at) = lower.find("rpcproxyprincipalname") {
        let after = &text[at + "rpcproxyprincipalname".len()..];
        if let Some(value) = after.trim_start().strip_prefix('=') {
            let line = value.lines().next().unwrap_or_default();
            return found(Form::Prf, None, Some(line.trim().to_owned()), None);
        }
    }
    if lower.contains("rpcping") {
        if let Some(value) = rpcping(text) {
            return found(Form::Rpcping, None, Some(value), None);
        }
    }
    found(Form::Value, None, Some(text.to_owned()), None)
}

fn found(form: Form, provider: Option<String>, value: Option<String>, server: Option<String>) -> Found {
    Found {
        form,
        provider,
        value,
        server,
    }
}

/// Quote characters PowerShell and cmd accept around an argument (PowerShell takes the
/// typographic ones too).
const QUOTES: &[char] = &['"', '\'', '\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}'];

/// Splits a command line into arguments, honouring quotes.
fn arguments(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in line.chars() {
        match quote {
            Some(_) if QUOTES.contains(&c) => quote = None,
            Some(_) => current.push(c),
            None if QUOTES.contains(&c) => {
                quote = Some(c);
                started = true;
            }
            None if c.is_whitespace() => {
                if started || !current.is_empty() {
                    args.push(std::mem::take(&mut current));
                }
                started = false;
            }
            None => current.push(c),
        }
    }
    if started || !current.is_empty() {
        args.push(current);
    }
    args
}

fn set_outlook_provider(text: &str) -> Option<Found> {
    let line = text
        .lines()
        .find(|l| l.to_ascii_lowercase().contains("-certprincipalname"))?;
    let args = arguments(line);
    let mut provider = None;
    let mut value = None;
    let mut iter = args.iter().peekable();
    while let Some(arg) = iter.next() {
        let lower = arg.to_ascii_lowercase();
        // A pasted prompt (`[PS] C:\>Set-OutlookProvider`) sticks to the command name.
        if lower.rsplit('>').next() == Some("set-outlookprovider") {
            if let Some(next) = iter.peek().filter(|a| !a.starts_with('-')) {
                provider = Some(next.to_string());
            }
        } else if lower == "-identity" {
            provider = iter.next().cloned();
        } else if let Some(rest) = lower.strip_prefix("-certprincipalname") {
            value = if let Some(inline) = rest.strip_prefix(':') {
                // `-CertPrincipalName:"msstd:…"`: the value is in the same argument.
                let start = arg.len() - inline.len();
                Some(arg[start..].to_owned())
            } else {
                iter.next().cloned()
            };
        }
    }
    let value = value?;
    let value = (!value.eq_ignore_ascii_case("$null")).then_some(value);
    Some(found(
        Form::SetOutlookProvider,
        provider.map(|p| p.to_ascii_uppercase()),
        value,
        None,
    ))
}

/// `Get-OutlookProvider | fl`: records of `Key : Value` lines. The EXPR record wins, since
/// that is the one `Set-OutlookProvider EXPR` changes.
fn get_outlook_provider(text: &str) -> Option<Found> {
    let mut records: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            if line.trim().is_empty() {
                records.push(Vec::new());
            }
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(char::is_whitespace) {
            continue;
        }
        let record = records.last_mut()?;
        if record.iter().any(|(k, _)| *k == key) {
            records.push(Vec::new());
        }
        records.last_mut()?.push((key, value.trim().to_owned()));
    }
    let get = |record: &Vec<(String, String)>, key: &str| record.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let candidates: Vec<_> = records
        .iter()
        .filter(|r| get(r, "certprincipalname").is_some())
        .collect();
    let chosen = candidates
        .iter()
        .find(|r| {
            ["name", "identity"]
                .iter()
                .any(|k| get(r, k).is_some_and(|v| v.eq_ignore_ascii_case("expr")))
        })
        .or_else(|| candidates.first())?;
    let value = get(chosen, "certprincipalname").filter(|v| !v.is_empty());
    let provider = get(chosen, "name").or_else(|| get(chosen, "identity"));
    Some(found(
        Form::GetOutlookProvider,
        provider.map(|p| p.to_ascii_uppercase()),
        value,
        get(chosen, "server").filter(|v| !v.is_empty()),
    ))
}

/// An Autodiscover response. Outlook 2010 reads `EXPR`, Outlook 2013 and later `EXHTTP`;
/// `EXPR` is preferred because `Set-OutlookProvider EXPR` is what admins change.
fn autodiscover(text: &str) -> Option<Found> {
    let lower = text.to_ascii_lowercase();
    let mut protocols = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<protocol").map(|i| i + from) {
        let tag_end = lower[start..].find('>').map_or(lower.len(), |i| i + start);
        let end = lower[start..].find("</protocol>").map_or(lower.len(), |i| i + start);
        if end <= tag_end {
            from = tag_end.min(lower.len());
            if from >= lower.len() {
                break;
            }
            continue;
        }
        let opening = &text[start..tag_end];
        let body = &text[tag_end..end];
        let kind = element(body, "Type").or_else(|| attribute(opening, "Type"));
        protocols.push((kind.unwrap_or_default().to_ascii_uppercase(), body));
        from = end;
    }
    let rank = |kind: &str| match kind {
        "EXPR" => 0,
        "EXHTTP" => 1,
        "EXCH" => 2,
        _ => 3,
    };
    let with_value: Vec<_> = protocols
        .iter()
        .filter(|(_, body)| element(body, "CertPrincipalName").is_some())
        .collect();
    let pool: Vec<_> = if with_value.is_empty() {
        protocols.iter().collect()
    } else {
        with_value
    };
    let (kind, body) = pool.into_iter().min_by_key(|(kind, _)| rank(kind))?;
    let value = element(body, "CertPrincipalName").filter(|v| !v.trim().is_empty());
    Some(found(
        Form::AutodiscoverXml,
        (!kind.is_empty()).then(|| kind.clone()),
        value,
        element(body, "Server"),
    ))
}

/// The text of the first `<name>…</name>` (namespace prefixes allowed), entities decoded.
fn element(xml: &str, name: &str) -> Option<String> {
    let lower = xml.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    let mut from = 0;
    while let Some(open) = lower[from..].find('<').map(|i| i + from) {
        let close = lower[open..].find('>').map(|i| i + open)?;
        let tag = &lower[open + 1..close];
        let local = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default();
        let local = local.rsplit(':').next().unwrap_or_default();
        if local == name && !tag.starts_with('/') {
            if tag.ends_with('/') {
                return Some(String::new());
            }
            let content_end = lower[close..].find("</").map_or(lower.len(), |i| i + close);
            return Some(unescape(&xml[close + 1..content_end]));
        }
        from = close;
    }
    None
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{}=", name.to_ascii_lowercase()))?;
    let rest = &tag[at + name.len() + 1..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest[1..].split(quote).next()?;
    Some(unescape(value))
}

fn unescape(text: &str) -> String {
    text.trim()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn rpcping(text: &str) -> Option<String> {
    let line = text.lines().find(|l| l.to_ascii_lowercase().contains("rpcping"))?;
    let args = arguments(line);
    let at = args
        .iter()
        .position(|a| a.eq_ignore_ascii_case("/b") || a.eq_ignore_ascii_case("-b"))?;
    args.get(at + 1).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_honour_every_quote_style() {
        assert_eq!(
            arguments("Set-OutlookProvider EXPR -CertPrincipalName \u{201c}msstd:a b\u{201d} 'x y'"),
            vec!["Set-OutlookProvider", "EXPR", "-CertPrincipalName", "msstd:a b", "x y"]
        );
        assert_eq!(arguments("a \"\" b"), vec!["a", "", "b"]);
    }

    #[test]
    fn element_reads_prefixed_and_empty_elements() {
        assert_eq!(element("<a:Server>mail</a:Server>", "server").as_deref(), Some("mail"));
        assert_eq!(
            element("<CertPrincipalName/>", "CertPrincipalName").as_deref(),
            Some("")
        );
        assert_eq!(element("<Type>EXPR</Type>", "Server"), None);
        assert_eq!(element("<X>a &amp; b</X>", "x").as_deref(), Some("a & b"));
    }
}
