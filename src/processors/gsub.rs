//! `gsub` (ES `GsubProcessor`): `Pattern.compile(pattern).matcher(value).replaceAll(replacement)`
//! on a string or each string of a list.

use super::string_processor::{CommonOptions, StringProcessor};
use crate::java_regex::JavaRegex;
use crate::pipeline::{Config, ConfigError, ProcessorError};
use crate::value::Value;

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    let options = CommonOptions::read(cfg)?;
    let pattern = cfg.required_string("pattern")?;
    let replacement = cfg.required_string("replacement")?;
    let regex = JavaRegex::compile(&pattern)
        .map_err(|e| cfg.error(Some("pattern"), format!("Invalid regex pattern. {e}")))?;
    let replacement = regex.parse_replacement(&replacement);
    Ok(StringProcessor::new(
        options,
        Box::new(move |s: &str| {
            regex
                .replace_all(s, &replacement)
                .map(Value::String)
                .map_err(replacement_error)
        }),
    ))
}

/// Java throws `IndexOutOfBoundsException` for a group number beyond the pattern's groups and
/// `IllegalArgumentException` for the other replacement errors.
fn replacement_error(message: String) -> ProcessorError {
    if message.starts_with("No group ") && !message.starts_with("No group with name") {
        ProcessorError::new("index_out_of_bounds_exception", message)
    } else {
        ProcessorError::illegal_argument(message)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn gsub(pattern: &str, replacement: &str, input: &str) -> Result<String, String> {
        run(
            "gsub",
            json!({"field": "f", "pattern": pattern, "replacement": replacement}),
            &format!(r#"{{"f":{input}}}"#),
        )
        .map(|d| source_json(&d))
        .map_err(|e| e.reason)
    }

    #[test]
    fn replaces_all_matches() {
        // GsubProcessorTests: "127.0.0.1" with "\." -> "-"
        assert_eq!(
            gsub("\\.", "-", r#""127.0.0.1""#).unwrap(),
            r#"{"f":"127-0-0-1"}"#
        );
        assert_eq!(
            gsub("(\\d+)-(\\d+)", "$2/$1", r#"["1-2","x"]"#).unwrap(),
            r#"{"f":["2/1","x"]}"#
        );
        // 40_mutate.yml: gsub "-" -> "." on "127-0-0-1"
        assert_eq!(
            gsub("-", ".", r#""127-0-0-1""#).unwrap(),
            r#"{"f":"127.0.0.1"}"#
        );
        assert_eq!(
            gsub("^\\s+|\\s+$", "", r#""  a b \n""#).unwrap(),
            r#"{"f":"a b"}"#
        );
    }

    #[test]
    fn target_field_and_ignore_missing() {
        let d = run(
            "gsub",
            json!({"field": "f", "pattern": "a", "replacement": "b", "target_field": "g"}),
            r#"{"f":"aa"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"f":"aa","g":"bb"}"#);
        let d = run(
            "gsub",
            json!({"field": "x", "pattern": "a", "replacement": "b", "ignore_missing": true}),
            "{}",
        )
        .unwrap();
        assert_eq!(source_json(&d), "{}");
        assert_eq!(
            gsub("a", "b", "null").unwrap_err(),
            "field [f] is null, cannot process it."
        );
        assert_eq!(
            gsub("a", "b", "1").unwrap_err(),
            "field [f] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
    }

    #[test]
    fn replacement_errors_surface_on_a_match() {
        let e = run(
            "gsub",
            json!({"field": "f", "pattern": "a", "replacement": "$1"}),
            r#"{"f":"a"}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, "index_out_of_bounds_exception");
        assert_eq!(e.reason, "No group 1");
        assert_eq!(gsub("a", "$1", r#""b""#).unwrap(), r#"{"f":"b"}"#);
        assert_eq!(
            gsub("a", "$x", r#""a""#).unwrap_err(),
            "Illegal group reference"
        );
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error("gsub", json!({"field": "f", "replacement": "x"})),
            "[pattern] required property is missing"
        );
        assert_eq!(
            config_error("gsub", json!({"field": "f", "pattern": "x"})),
            "[replacement] required property is missing"
        );
        // GsubProcessorFactoryTests.testCreateInvalidPattern
        assert_eq!(
            config_error(
                "gsub",
                json!({"field": "f", "pattern": "[", "replacement": "x"})
            ),
            "[pattern] Invalid regex pattern. Unclosed character class near index 0\n[\n^"
        );
    }
}
