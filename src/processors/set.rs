//! `set` (ES `SetProcessor`).

use super::ValueSource;
use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError, Env, FieldRef, Flow, Processor, ProcessorError};
use crate::template::Encoding;

pub struct Set {
    field: FieldRef,
    value: Option<ValueSource>,
    copy_from: Option<crate::document::FieldPath>,
    override_existing: bool,
    ignore_empty_value: bool,
}

impl Set {
    pub fn from_config(cfg: &mut Config) -> Result<Set, ConfigError> {
        let field = cfg.required_field_template("field")?;
        let copy_from = cfg.optional_path("copy_from")?;
        let media_type = cfg.string_or("media_type", "application/json")?;
        let encoding =
            Encoding::from_media_type(&media_type).map_err(|e| cfg.error(Some("media_type"), e))?;
        let value = match (cfg.take("value"), &copy_from) {
            (Some(_), Some(_)) => {
                return Err(cfg.error(
                    Some("copy_from"),
                    "cannot set both `copy_from` and `value` in the same processor",
                ))
            }
            (None, None) | (Some(serde_json::Value::Null), None) => {
                return Err(cfg.error(Some("value"), "required property is missing"))
            }
            (Some(v), None) => Some(ValueSource::compile(cfg, "value", &v, encoding)?),
            (None, Some(_)) => None,
        };
        Ok(Set {
            field,
            value,
            copy_from,
            override_existing: cfg.bool("override", true)?,
            ignore_empty_value: cfg.bool("ignore_empty_value", false)?,
        })
    }
}

impl Processor for Set {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = self.field.resolve(doc)?;
        if !self.override_existing && doc.get_opt(&field).is_some_and(|v| !v.is_null()) {
            return Ok(Flow::Continue);
        }
        let value = match (&self.copy_from, &self.value) {
            (Some(from), _) => {
                let v = match doc.get(from) {
                    Ok(v) => v.deep_copy_es(),
                    Err(_) if self.ignore_empty_value => return Ok(Flow::Continue),
                    Err(e) => return Err(ProcessorError::illegal_argument(e)),
                };
                if self.ignore_empty_value && (v.is_null() || v.as_str() == Some("")) {
                    return Ok(Flow::Continue);
                }
                v
            }
            (None, Some(source)) => {
                let v = source.resolve(doc)?;
                if self.ignore_empty_value && source.is_template() && v.as_str() == Some("") {
                    return Ok(Flow::Continue);
                }
                v
            }
            (None, None) => unreachable!("from_config requires value or copy_from"),
        };
        doc.set(&field, value)
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn sets_values_and_templates() {
        let d = run(
            "set",
            json!({"field": "a.b", "value": "{{x}}-{{{y}}}"}),
            r#"{"x":"1","y":"\""}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"x":"1","y":"\"","a":{"b":"1-\""}}"#);
        let d = run("set", json!({"field": "n", "value": 5}), "{}").unwrap();
        assert_eq!(source_json(&d), r#"{"n":5}"#);
        let d = run(
            "set",
            json!({"field": "{{k}}", "value": {"a": ["{{k}}"]}}),
            r#"{"k":"key"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"k":"key","key":{"a":["key"]}}"#);
    }

    #[test]
    fn override_false_keeps_non_null_values() {
        let d = run(
            "set",
            json!({"field": "a", "value": 2, "override": false}),
            r#"{"a":1}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":1}"#);
        let d = run(
            "set",
            json!({"field": "a", "value": 2, "override": false}),
            r#"{"a":null}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":2}"#);
    }

    #[test]
    fn copy_from_and_ignore_empty_value() {
        let d = run(
            "set",
            json!({"field": "b", "copy_from": "a"}),
            r#"{"a":{"x":[1]}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":{"x":[1]},"b":{"x":[1]}}"#);
        let d = run(
            "set",
            json!({"field": "b", "copy_from": "missing", "ignore_empty_value": true}),
            "{}",
        )
        .unwrap();
        assert_eq!(source_json(&d), "{}");
        let err = run("set", json!({"field": "b", "copy_from": "missing"}), "{}").unwrap_err();
        assert_eq!(
            err.reason,
            "field [missing] not present as part of path [missing]"
        );
        let d = run(
            "set",
            json!({"field": "b", "value": "{{missing}}", "ignore_empty_value": true}),
            "{}",
        )
        .unwrap();
        assert_eq!(source_json(&d), "{}");
    }

    #[test]
    fn metadata_fields() {
        let d = run("set", json!({"field": "_id", "value": "new"}), "{}").unwrap();
        assert_eq!(d.metadata("_id").unwrap().as_str(), Some("new"));
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error("set", json!({"field": "a"})),
            "[value] required property is missing"
        );
        assert_eq!(
            config_error("set", json!({"value": 1})),
            "[field] required property is missing"
        );
        assert_eq!(
            config_error("set", json!({"field": "a", "value": 1, "copy_from": "b"})),
            "[copy_from] cannot set both `copy_from` and `value` in the same processor"
        );
        assert_eq!(
            config_error("set", json!({"field": "a", "value": 1, "foo": 1})),
            "processor [set] doesn't support one or more provided configuration parameters [foo]"
        );
        assert_eq!(
            config_error("set", json!({"field": 1, "value": 1})),
            "[field] property isn't a string, but of type [java.lang.Integer]"
        );
    }

    /// A template that reads past the end of a list fails the processor as ES's template script
    /// does, and `_ingest.on_failure_message` is the index (the root cause's message).
    #[test]
    fn a_failing_template_fails_the_processor() {
        let e = run(
            "set",
            json!({"field": "x", "value": "{{l.3}}"}),
            r#"{"l":["a"]}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, "general_script_exception");
        assert_eq!(e.root_cause_message, "3");
        assert_eq!(
            e.extra["caused_by"],
            json!({"type": "index_out_of_bounds_exception", "reason": "3"})
        );
        // the field name is a template too
        let e = run(
            "set",
            json!({"field": "{{l.-1}}", "value": 1}),
            r#"{"l":["a"]}"#,
        )
        .unwrap_err();
        assert_eq!(e.root_cause_message, "position >= 0");
    }
}
