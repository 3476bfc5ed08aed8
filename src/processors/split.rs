//! `split` (ES `SplitProcessor`): `value.split(separator, preserve_trailing ? -1 : 0)` with Java's
//! regex and `String.split` rules.

use crate::document::{FieldPath, IngestDocument};
use crate::java_regex::JavaRegex;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

pub struct Split {
    field: FieldPath,
    /// ES compiles the separator on every document, so a bad one fails each document (a
    /// `PatternSyntaxException`) rather than the pipeline.
    separator: Result<JavaRegex, String>,
    ignore_missing: bool,
    preserve_trailing: bool,
    target_field: FieldPath,
}

impl Split {
    pub fn from_config(cfg: &mut Config) -> Result<Split, ConfigError> {
        let field = cfg.required_path("field")?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let preserve_trailing = cfg.bool("preserve_trailing", false)?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| field.clone());
        let separator = cfg.required_string("separator")?;
        let separator = JavaRegex::compile(&separator);
        Ok(Split {
            field,
            separator,
            ignore_missing,
            preserve_trailing,
            target_field,
        })
    }
}

impl Processor for Split {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = &self.field.full;
        let parts = match doc.lookup(&self.field) {
            Ok(Value::Null) | Err(_) if self.ignore_missing => return Ok(Flow::Continue),
            Err(e) => return Err(ProcessorError::illegal_argument(e.message(&self.field))),
            Ok(Value::Null) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] is null, cannot split."
                )))
            }
            Ok(Value::String(s)) => match &self.separator {
                Ok(re) => re
                    .split(s, if self.preserve_trailing { -1 } else { 0 })
                    .map_err(|e| ProcessorError::illegal_argument(e.to_string()))?,
                Err(e) => return Err(ProcessorError::new("pattern_syntax_exception", e.clone())),
            },
            Ok(other) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] of type [{}] cannot be cast to [java.lang.String]",
                    other.java_class_name()
                )))
            }
        };
        let list = Value::List(parts.into_iter().map(Value::String).collect());
        doc.set(&self.target_field, list)
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn split(config: serde_json::Value, input: &str) -> Result<String, String> {
        run("split", config, &format!(r#"{{"f":{input}}}"#))
            .map(|d| source_json(&d))
            .map_err(|e| e.reason)
    }

    #[test]
    fn splits_with_java_semantics() {
        // SplitProcessorTests.testSplit
        assert_eq!(
            split(json!({"field": "f", "separator": "\\."}), r#""127.0.0.1""#).unwrap(),
            r#"{"f":["127","0","0","1"]}"#
        );
        // trailing empty strings are dropped, leading ones kept
        assert_eq!(
            split(json!({"field": "f", "separator": ","}), r#"",a,,b,,""#).unwrap(),
            r#"{"f":["","a","","b"]}"#
        );
        assert_eq!(
            split(json!({"field": "f", "separator": ","}), r#""""#).unwrap(),
            r#"{"f":[""]}"#
        );
        assert_eq!(
            split(json!({"field": "f", "separator": ","}), r#"",,""#).unwrap(),
            r#"{"f":[]}"#
        );
        assert_eq!(
            split(json!({"field": "f", "separator": ""}), r#""abc""#).unwrap(),
            r#"{"f":["a","b","c"]}"#
        );
        assert_eq!(
            split(json!({"field": "f", "separator": "\\s+"}), r#""a  b\tc""#).unwrap(),
            r#"{"f":["a","b","c"]}"#
        );
    }

    #[test]
    fn preserve_trailing() {
        // SplitProcessorTests.testSplitWithPreserveTrailing
        assert_eq!(
            split(
                json!({"field": "f", "separator": "\\|", "preserve_trailing": true}),
                r#""foo|bar|baz||""#
            )
            .unwrap(),
            r#"{"f":["foo","bar","baz","",""]}"#
        );
    }

    #[test]
    fn target_field_missing_null_and_types() {
        let d = run(
            "split",
            json!({"field": "f", "separator": "-", "target_field": "t"}),
            r#"{"f":"a-b"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"f":"a-b","t":["a","b"]}"#);
        assert_eq!(
            split(json!({"field": "f", "separator": "-"}), "null").unwrap_err(),
            "field [f] is null, cannot split."
        );
        assert_eq!(
            split(json!({"field": "f", "separator": "-"}), r#"["a"]"#).unwrap_err(),
            "field [f] of type [java.util.ArrayList] cannot be cast to [java.lang.String]"
        );
        assert_eq!(
            split(json!({"field": "x", "separator": "-"}), r#""a""#).unwrap_err(),
            "field [x] not present as part of path [x]"
        );
        for input in ["null", r#""a""#] {
            assert!(split(
                json!({"field": if input == "null" {"f"} else {"x"}, "separator": "-", "ignore_missing": true}),
                input
            )
            .is_ok());
        }
        // ignore_missing does not hide a wrong type
        assert_eq!(
            split(
                json!({"field": "f", "separator": "-", "ignore_missing": true}),
                "1"
            )
            .unwrap_err(),
            "field [f] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
    }

    #[test]
    fn invalid_separator_fails_each_document() {
        let e = run(
            "split",
            json!({"field": "f", "separator": "("}),
            r#"{"f":"a"}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, "pattern_syntax_exception");
        assert_eq!(e.reason, "Unclosed group near index 1\n(");
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error("split", json!({"field": "f"})),
            "[separator] required property is missing"
        );
        assert_eq!(
            config_error("split", json!({"separator": ","})),
            "[field] required property is missing"
        );
    }
}
