//! `lowercase` (ES `LowercaseProcessor`): `String.toLowerCase(Locale.ROOT)`, full Unicode mapping.

use super::string_processor::StringProcessor;
use crate::pipeline::{Config, ConfigError};
use crate::value::Value;

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    StringProcessor::from_config(cfg, |s: &str| Ok(Value::String(s.to_lowercase())))
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn lowercases_like_java_locale_root() {
        let d = run(
            "lowercase",
            json!({"field": "f"}),
            r#"{"f":["FoO İ","ΟΔΟΣ"]}"#,
        )
        .unwrap();
        // İ becomes i + combining dot; a final sigma becomes ς, as in Java
        assert_eq!(source_json(&d), r#"{"f":["foo i̇","οδος"]}"#);
    }
}
