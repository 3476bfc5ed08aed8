//! `trim` (ES `TrimProcessor`): Java's `String.trim` strips every char up to U+0020 (control
//! characters included) and nothing else, not Unicode whitespace.

use super::string_processor::StringProcessor;
use crate::pipeline::{Config, ConfigError};
use crate::value::Value;

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    StringProcessor::from_config(cfg, |s: &str| {
        Ok(Value::String(s.trim_matches(|c| c <= ' ').to_string()))
    })
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn trims_like_java_string_trim() {
        let d = run(
            "trim",
            json!({"field": "f"}),
            r#"{"f":[" \t a b \u0001\n", "\u00a0a\u3000"]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), "{\"f\":[\"a b\",\"\u{a0}a\u{3000}\"]}");
    }
}
