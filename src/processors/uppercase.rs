//! `uppercase` (ES `UppercaseProcessor`): `String.toUpperCase(Locale.ROOT)`, full Unicode mapping.

use super::string_processor::StringProcessor;
use crate::pipeline::{Config, ConfigError};
use crate::value::Value;

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    StringProcessor::from_config(cfg, |s: &str| Ok(Value::String(s.to_uppercase())))
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn uppercases_like_java_locale_root() {
        let d = run("uppercase", json!({"field": "f"}), r#"{"f":"straße ǆ"}"#).unwrap();
        assert_eq!(source_json(&d), r#"{"f":"STRASSE Ǆ"}"#);
    }
}
