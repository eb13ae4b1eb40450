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
    /// Inside other text: a sentence (Remote Connectivity Analyzer's detail line, Outlook's
    /// dialog, in any language), a log line, a quoted string. The `msstd:` or `fullsic:` token
    /// and what follows it up to the first character a name cannot hold.
    Text,
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
    /// `None` when the form says no value is set (for [`Form::Text`]: when the text holds none).
    pub value: Option<String>,
    pub server: Option<String>,
    /// Other, different values in the same text ([`Form::Text`] only), in order.
    pub others: Vec<String>,
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
    in_text(text).unwrap_or_else(|| found(Form::Value, None, Some(text.to_owned()), None))
}

fn found(form: Form, provider: Option<String>, value: Option<String>, server: Option<String>) -> Found {
    Found {
        form,
        provider,
        value,
        server,
        others: Vec::new(),
    }
}

/// The prefixes a principal value starts with.
const PREFIXES: [&str; 2] = ["msstd:", "fullsic:"];

/// Whether `c` can be part of an `msstd:` name as pasted: the characters of a host name or an
/// e-mail address, and of the defects worth reporting (a port, a URL).
fn in_name(c: char) -> bool {
    // Not `char::is_alphanumeric`: its Unicode tables would cost the page's module kilobytes.
    // A non-ASCII letter stays in (the syntax checks report it); quotes and spaces end the name.
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '-' | '*' | '_' | '@' | ':' | '/')
        || !(c.is_ascii() || c.is_whitespace() || QUOTES.contains(&c) || matches!(c, '\u{ab}' | '\u{bb}'))
}

/// The principal inside other text, or `None` when `text` is a value on its own (with or without
/// defects: those are the syntax checks' to report). A text of several words without any token
/// gives [`Form::Text`] with no value: no principal is found, none is made up out of the words.
fn in_text(text: &str) -> Option<Found> {
    // ASCII lower case keeps every byte position.
    let lower = text.to_ascii_lowercase();
    // In text order, without a sort (each sort instantiated costs the page's module kilobytes).
    let mut tokens: Vec<usize> = Vec::new();
    for at in PREFIXES
        .iter()
        .flat_map(|prefix| lower.match_indices(prefix).map(|(at, _)| at))
    {
        let place = tokens.partition_point(|&t| t < at);
        tokens.insert(place, at);
    }
    let bare = |part: &str| {
        part.trim_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c))
            .is_empty()
    };
    let Some(&first) = tokens.first() else {
        let words = text.split_whitespace().count();
        return (words >= 3).then(|| Found {
            value: None,
            ..found(Form::Text, None, None, None)
        });
    };
    let values: Vec<(String, usize)> = tokens.iter().map(|&at| token_value(text, &lower, at)).collect();
    // The value alone (perhaps quoted, with a space after the prefix, a dot at the end, or a
    // space inside it): the syntax checks' case. Prose has more words after it.
    let after = &text[first + values[0].1..];
    if bare(&text[..first]) && (bare(after) || (tokens.len() == 1 && after.split_whitespace().count() < 2)) {
        return None;
    }
    let values = values.into_iter().map(|(value, _)| value);
    let mut distinct: Vec<String> = Vec::new();
    for value in values {
        if !distinct.iter().any(|d| d.eq_ignore_ascii_case(&value)) {
            distinct.push(value);
        }
    }
    let value = distinct.remove(0);
    Some(Found {
        others: distinct,
        ..found(Form::Text, None, Some(value), None)
    })
}

/// The value at byte `at` of `text` (a prefix starts there) and the length of the text it
/// spans: `msstd:` and the name after it (a space right after the prefix included, to be
/// reported), without the punctuation that ends a sentence; `fullsic:` and the subject up to the
/// end of the line, a quote or a tag.
fn token_value(text: &str, lower: &str, at: usize) -> (String, usize) {
    let rest = &text[at..];
    if lower[at..].starts_with("fullsic:") {
        let end = rest
            .find(|c: char| c == '\n' || c == '\r' || c == '<' || QUOTES.contains(&c))
            .unwrap_or(rest.len());
        return (rest[..end].trim_end().to_owned(), end);
    }
    let after = &rest["msstd:".len()..];
    let spaces = after.len() - after.trim_start_matches(' ').len();
    let name_start = if after[spaces..].starts_with(in_name) {
        spaces
    } else {
        0
    };
    let name_len = after[name_start..]
        .find(|c: char| !in_name(c))
        .unwrap_or(after.len() - name_start);
    let name = after[name_start..name_start + name_len].trim_end_matches(['.', ':', ',', ';']);
    let span = "msstd:".len() + name_start + name_len;
    (rest[..("msstd:".len() + name_start + name.len())].to_owned(), span)
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
    let Some((kind, body)) = pool.into_iter().min_by_key(|(kind, _)| rank(kind)) else {
        // The one line admins copy out of the XML: a lone element.
        let value = element(text, "CertPrincipalName")?;
        return Some(found(
            Form::AutodiscoverXml,
            None,
            (!value.trim().is_empty()).then_some(value),
            element(text, "Server"),
        ));
    };
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
