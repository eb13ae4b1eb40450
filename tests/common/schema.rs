//! A checker for the subset of JSON Schema that `docs/report-schema.json` uses, shared by the
//! engine's documentation test and the relay's `fetch --json` test (other test binaries that
//! include the common helpers do not call it).
#![allow(dead_code)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers stop the test loudly"
)]

use serde_json::Value;

/// Checks `value` against the subset of JSON Schema the schema file uses: `type`, `enum`,
/// `const`, `required`, `properties`, `additionalProperties: false`, `items`, `$ref`, `oneOf`.
pub fn conforms(value: &Value, rule: &Value, root: &Value, at: &str) {
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
