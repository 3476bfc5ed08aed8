//! The shared behaviour of ES `AbstractStringProcessor`: `field`, `target_field` (default: `field`)
//! and `ignore_missing`; a string is processed, a list is processed element-wise (every element must
//! be a string), anything else is an error. Used by `lowercase`, `uppercase`, `trim`, `urldecode`,
//! `html_strip`, `gsub` and `bytes`.

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

/// The per-string operation of one string processor.
pub trait StringOp: Send + Sync {
    fn apply(&self, s: &str) -> Result<Value, ProcessorError>;
}

impl<F> StringOp for F
where
    F: Fn(&str) -> Result<Value, ProcessorError> + Send + Sync,
{
    fn apply(&self, s: &str) -> Result<Value, ProcessorError> {
        self(s)
    }
}

pub struct StringProcessor {
    field: FieldPath,
    target_field: FieldPath,
    ignore_missing: bool,
    op: Box<dyn StringOp>,
}

/// The common options, read in ES's order (`field`, `ignore_missing`, `target_field`).
pub struct CommonOptions {
    pub field: FieldPath,
    pub target_field: FieldPath,
    pub ignore_missing: bool,
}

impl CommonOptions {
    pub fn read(cfg: &mut Config) -> Result<CommonOptions, ConfigError> {
        let field = cfg.required_path("field")?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| field.clone());
        Ok(CommonOptions {
            field,
            target_field,
            ignore_missing,
        })
    }
}

impl StringProcessor {
    pub fn new(options: CommonOptions, op: Box<dyn StringOp>) -> StringProcessor {
        StringProcessor {
            field: options.field,
            target_field: options.target_field,
            ignore_missing: options.ignore_missing,
            op,
        }
    }

    /// Reads the common options and wraps `op`.
    pub fn from_config(
        cfg: &mut Config,
        op: impl StringOp + 'static,
    ) -> Result<StringProcessor, ConfigError> {
        Ok(StringProcessor::new(
            CommonOptions::read(cfg)?,
            Box::new(op),
        ))
    }
}

impl Processor for StringProcessor {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = &self.field.full;
        let new_value = match doc.lookup(&self.field) {
            Ok(Value::Null) | Err(_) if self.ignore_missing => return Ok(Flow::Continue),
            Err(e) => return Err(ProcessorError::illegal_argument(e.message(&self.field))),
            Ok(Value::Null) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] is null, cannot process it."
                )))
            }
            Ok(Value::List(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) => out.push(self.op.apply(s)?),
                        // the error message calls value.getClass()
                        Value::Null => {
                            return Err(ProcessorError::new(
                                "null_pointer_exception",
                                "Cannot invoke \"Object.getClass()\" because \"value\" is null",
                            ))
                        }
                        other => {
                            return Err(ProcessorError::illegal_argument(format!(
                                "value [{}] of type [{}] in list field [{field}] cannot be cast to [java.lang.String]",
                                other.to_java_string(),
                                other.java_class_name()
                            )))
                        }
                    }
                }
                Value::List(out)
            }
            Ok(Value::String(s)) => self.op.apply(s)?,
            Ok(other) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] of type [{}] cannot be cast to [java.lang.String]",
                    other.java_class_name()
                )))
            }
        };
        doc.set(&self.target_field, new_value)
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn one(ptype: &str, input: &str) -> Result<String, String> {
        run(ptype, json!({"field": "f"}), &format!(r#"{{"f":{input}}}"#))
            .map(|d| source_json(&d))
            .map_err(|e| e.reason)
    }

    #[test]
    fn lists_are_processed_element_wise() {
        assert_eq!(
            one("uppercase", r#"["a","b"]"#).unwrap(),
            r#"{"f":["A","B"]}"#
        );
        // AbstractStringProcessorTestCase.testNonStringValue
        assert_eq!(
            one("uppercase", r#"["a",1]"#).unwrap_err(),
            "value [1] of type [java.lang.Integer] in list field [f] cannot be cast to [java.lang.String]"
        );
        let e = run("uppercase", json!({"field": "f"}), r#"{"f":["a",null]}"#).unwrap_err();
        assert_eq!(e.kind, "null_pointer_exception");
        assert_eq!(
            one("uppercase", "1").unwrap_err(),
            "field [f] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
        assert_eq!(
            one("uppercase", r#"{"a":1}"#).unwrap_err(),
            "field [f] of type [java.util.HashMap] cannot be cast to [java.lang.String]"
        );
    }

    #[test]
    fn null_missing_and_ignore_missing() {
        assert_eq!(
            one("trim", "null").unwrap_err(),
            "field [f] is null, cannot process it."
        );
        let e = run("trim", json!({"field": "x"}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [x] not present as part of path [x]");
        assert_eq!(e.kind, "illegal_argument_exception");
        for input in ["{}", r#"{"x":null}"#, r#"{"x":"s"}"#] {
            let d = run(
                "trim",
                json!({"field": "x.y", "ignore_missing": true}),
                input,
            )
            .unwrap();
            assert_eq!(source_json(&d), input);
        }
        // ignore_missing does not hide wrong types (testNonStringValueWithIgnoreMissing)
        let e = run(
            "lowercase",
            json!({"field": "f", "ignore_missing": true}),
            r#"{"f":2}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [f] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
    }

    #[test]
    fn mutate_yaml_test() {
        // 40_mutate.yml, the processors of this module
        let mut d = doc(
            r#"{"field_to_lowercase":"LOWERCASE","field_to_uppercase":"uppercase",
                "field_to_trim":"   trimmed   ","field_to_split":"127-0-0-1",
                "field_to_join":["127","0","0","1"],"field_to_gsub":"127-0-0-1",
                "field_to_html_strip":"<p>this <title>is</title> a <b>test</b>"}"#,
        );
        for (ptype, config) in [
            ("lowercase", json!({"field": "field_to_lowercase"})),
            ("uppercase", json!({"field": "field_to_uppercase"})),
            ("trim", json!({"field": "field_to_trim"})),
            (
                "split",
                json!({"field": "field_to_split", "separator": "-"}),
            ),
            ("join", json!({"field": "field_to_join", "separator": "-"})),
            (
                "gsub",
                json!({"field": "field_to_gsub", "pattern": "-", "replacement": "."}),
            ),
            ("html_strip", json!({"field": "field_to_html_strip"})),
        ] {
            run_on(ptype, config, &mut d).unwrap();
        }
        assert_eq!(
            source_json(&d),
            r#"{"field_to_lowercase":"lowercase","field_to_uppercase":"UPPERCASE","field_to_trim":"trimmed","field_to_split":["127","0","0","1"],"field_to_join":"127-0-0-1","field_to_gsub":"127.0.0.1","field_to_html_strip":"\nthis \nis\n a test"}"#
        );
    }

    #[test]
    fn target_field() {
        let d = run(
            "lowercase",
            json!({"field": "f", "target_field": "t.u"}),
            r#"{"f":"AB"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"f":"AB","t":{"u":"ab"}}"#);
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error("lowercase", json!({})),
            "[field] required property is missing"
        );
        assert_eq!(
            config_error("trim", json!({"field": "f", "ignore_missing": "yes"})),
            "[ignore_missing] property isn't a boolean, but of type [java.lang.String]"
        );
        assert_eq!(
            config_error("uppercase", json!({"field": "f", "other": 1})),
            "processor [uppercase] doesn't support one or more provided configuration parameters [other]"
        );
    }
}
