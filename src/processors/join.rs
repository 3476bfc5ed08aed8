//! `join` (ES `JoinProcessor`): joins a list's elements (`Object.toString()`) with `separator`.

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

pub struct Join {
    field: FieldPath,
    separator: String,
    target_field: FieldPath,
}

impl Join {
    pub fn from_config(cfg: &mut Config) -> Result<Join, ConfigError> {
        let field = cfg.required_path("field")?;
        let separator = cfg.required_string("separator")?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| field.clone());
        Ok(Join {
            field,
            separator,
            target_field,
        })
    }
}

impl Processor for Join {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = &self.field.full;
        let joined = match doc
            .get(&self.field)
            .map_err(ProcessorError::illegal_argument)?
        {
            Value::Null => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] is null, cannot join."
                )))
            }
            Value::List(items) => {
                // `Object::toString` on a null element throws a NullPointerException without a
                // message
                if items.iter().any(Value::is_null) {
                    return Err(ProcessorError::new("null_pointer_exception", "null"));
                }
                items
                    .iter()
                    .map(Value::to_java_string)
                    .collect::<Vec<_>>()
                    .join(&self.separator)
            }
            other => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] of type [{}] cannot be cast to [java.util.List]",
                    other.java_class_name()
                )))
            }
        };
        doc.set(&self.target_field, Value::String(joined))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn join(config: serde_json::Value, input: &str) -> Result<String, String> {
        run("join", config, &format!(r#"{{"f":{input}}}"#))
            .map(|d| source_json(&d))
            .map_err(|e| e.reason)
    }

    #[test]
    fn joins_with_java_to_string() {
        assert_eq!(
            join(json!({"field": "f", "separator": "-"}), r#"["a","b","c"]"#).unwrap(),
            r#"{"f":"a-b-c"}"#
        );
        // JoinProcessorTests.testJoinIntegers; doubles, maps and lists as Java prints them
        assert_eq!(
            join(
                json!({"field": "f", "separator": ","}),
                r#"[1,2.0,true,{"a":1},[1]]"#
            )
            .unwrap(),
            r#"{"f":"1,2.0,true,{a=1},[1]"}"#
        );
        assert_eq!(
            join(json!({"field": "f", "separator": ","}), "[]").unwrap(),
            r#"{"f":""}"#
        );
        let d = run(
            "join",
            json!({"field": "f", "separator": "", "target_field": "t"}),
            r#"{"f":["a","b"]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"f":["a","b"],"t":"ab"}"#);
    }

    #[test]
    fn null_elements_fail() {
        let e = run(
            "join",
            json!({"field": "f", "separator": ","}),
            r#"{"f":["a",null]}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, "null_pointer_exception");
    }

    #[test]
    fn errors() {
        // JoinProcessorTests.testJoinNonListField
        assert_eq!(
            join(json!({"field": "f", "separator": "-"}), r#""abc""#).unwrap_err(),
            "field [f] of type [java.lang.String] cannot be cast to [java.util.List]"
        );
        assert_eq!(
            join(json!({"field": "f", "separator": "-"}), "null").unwrap_err(),
            "field [f] is null, cannot join."
        );
        assert_eq!(
            join(json!({"field": "x", "separator": "-"}), "[]").unwrap_err(),
            "field [x] not present as part of path [x]"
        );
        assert_eq!(
            config_error("join", json!({"field": "f"})),
            "[separator] required property is missing"
        );
    }
}
