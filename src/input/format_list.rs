//! PowerShell's `Format-List` output (`Get-… | fl`), the form every Exchange cmdlet's settings
//! reach an admin's clipboard in: `Key : value` lines, a blank line between objects, a long
//! value wrapped onto lines that start with white space.

/// One object: its properties as (lower-case key, value), in the order printed.
pub(crate) type Record = Vec<(String, String)>;

/// Every object `text` prints. Lines that are no property (a prompt, a heading) are skipped.
pub(crate) fn records(text: &str) -> Vec<Record> {
    let mut records: Vec<Record> = vec![Vec::new()];
    for line in text.lines() {
        let Some(record) = records.last_mut() else { break };
        if line.trim().is_empty() {
            if !record.is_empty() {
                records.push(Vec::new());
            }
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            if let Some((_, value)) = record.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim();
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric()) {
            record.push((key.to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    records.retain(|r| !r.is_empty());
    records
}

/// The value of `key` (lower case) in `record`, when printed and not empty.
pub(crate) fn get<'r>(record: &'r Record, key: &str) -> Option<&'r str> {
    record
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

/// `{a, b, c}` as a list (PowerShell's way of printing a collection).
pub(crate) fn list(value: &str) -> Vec<String> {
    value
        .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.contains(char::is_whitespace))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_wrapped_values_and_noise() {
        let text = "PS C:\\> Get-SendConnector | fl\n\n\nIdentity : Outbound\nAddressSpaces : {smtp:*.mail.onmicrosoft.com;1,\n                 smtp:contoso.mail.onmicrosoft.com;1}\n\n\nIdentity : Second\nnot a property\n";
        let records = records(text);
        assert_eq!(records.len(), 2);
        assert_eq!(get(&records[0], "identity"), Some("Outbound"));
        assert_eq!(
            get(&records[0], "addressspaces"),
            Some("{smtp:*.mail.onmicrosoft.com;1, smtp:contoso.mail.onmicrosoft.com;1}")
        );
        assert_eq!(get(&records[1], "identity"), Some("Second"));
        assert_eq!(get(&records[1], "fqdn"), None);
        assert_eq!(
            list("{a.contoso.com, b.contoso.com}"),
            vec!["a.contoso.com", "b.contoso.com"]
        );
        assert!(list("{}").is_empty());
    }
}
