//! The public contract stays documented: every finding code is in `docs/findings.md` and the
//! JSON schema, and every field a report emits is declared in `docs/report-schema.json`.

mod common;

use common::*;
use msstd_check::Code;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(&read("docs/report-schema.json")).unwrap()
}

#[test]
fn every_code_is_documented_in_both_places() {
    let findings = read("docs/findings.md");
    let schema = schema();
    let enumerated: Vec<&str> = schema["$defs"]["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for code in Code::ALL {
        assert!(
            findings.contains(&format!("| `{}` |", code.as_str())),
            "{code:?} missing from findings.md"
        );
        assert!(enumerated.contains(&code.as_str()), "{code:?} missing from the schema");
    }
    assert_eq!(
        enumerated.len(),
        Code::ALL.len(),
        "the schema lists a code that does not exist"
    );
}

/// Checks `value` against the subset of JSON Schema the schema file uses: `type`, `enum`,
/// `const`, `required`, `properties`, `additionalProperties: false`, `items`, `$ref`, `oneOf`.
fn conforms(value: &Value, rule: &Value, root: &Value, at: &str) {
    if let Some(reference) = rule.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return conforms(value, &root["$defs"][name], root, at);
    }
    if let Some(options) = rule.get("oneOf").and_then(Value::as_array) {
        let fits = options.iter().any(|option| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| conforms(value, option, root, at))).is_ok()
        });
        assert!(fits, "{at}: {value} fits no oneOf branch");
        return;
    }
    if let Some(expected) = rule.get("const") {
        assert_eq!(value, expected, "{at}");
    }
    if let Some(options) = rule.get("enum").and_then(Value::as_array) {
        assert!(options.contains(value), "{at}: {value} not in {options:?}");
    }
    if let Some(types) = rule.get("type") {
        let names: Vec<&str> = match types {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        assert!(names.contains(&actual), "{at}: {actual} is not {names:?}");
    }
    if let Value::Object(object) = value {
        if let Some(required) = rule.get("required").and_then(Value::as_array) {
            for key in required {
                assert!(object.contains_key(key.as_str().unwrap()), "{at}: missing {key}");
            }
        }
        let properties = rule.get("properties").and_then(Value::as_object);
        for (key, child) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(child_rule) => conforms(child, child_rule, root, &format!("{at}.{key}")),
                None => assert!(
                    rule.get("additionalProperties") != Some(&Value::Bool(false)),
                    "{at}: undocumented field {key}"
                ),
            }
        }
    }
    if let (Value::Array(items), Some(item_rule)) = (value, rule.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, item_rule, root, &format!("{at}[{i}]"));
        }
    }
}

#[test]
fn reports_conform_to_the_schema() {
    let schema = schema();
    let pki = pki(&["mail.contoso.com"], &["mail.contoso.com"]);
    let reports = [
        check_with_root(
            &[&pki.served()],
            &pki.root,
            Some("msstd: mail.contoso.com"),
            Some("mail.contoso.com"),
        ),
        check_with_root(&[&pki.served()], &pki.root, Some("msstd:other.contoso.com"), None),
        check_with_root(&[&pki.served()], &pki.root, None, None),
        check_with_root(&[&pki.served()], &pki.root, Some("none"), None),
        check_with_root(&[&pki.served()], &pki.root, Some("fullsic:CN=x"), None),
    ];
    for report in &reports {
        let json: Value = serde_json::from_str(&msstd_check::render::json(report)).unwrap();
        conforms(&json, &schema, &schema, "report");
    }
}
