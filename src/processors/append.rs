//! `append` (ES `AppendProcessor`).

use super::ValueSource;
use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError, Env, FieldRef, Flow, Processor, ProcessorError};
use crate::template::Encoding;

pub struct Append {
    field: FieldRef,
    value: ValueSource,
    allow_duplicates: bool,
}

impl Append {
    pub fn from_config(cfg: &mut Config) -> Result<Append, ConfigError> {
        let field = cfg.required_field_template("field")?;
        let media_type = cfg.string_or("media_type", "application/json")?;
        let encoding =
            Encoding::from_media_type(&media_type).map_err(|e| cfg.error(Some("media_type"), e))?;
        let value = match cfg.take("value") {
            None | Some(serde_json::Value::Null) => {
                return Err(cfg.error(Some("value"), "required property is missing"))
            }
            Some(v) => ValueSource::compile(cfg, "value", &v, encoding)?,
        };
        Ok(Append {
            field,
            value,
            allow_duplicates: cfg.bool("allow_duplicates", true)?,
        })
    }
}

impl Processor for Append {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = self.field.resolve(doc)?;
        let value = self.value.resolve(doc)?;
        doc.append(&field, value, self.allow_duplicates)
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn appends_to_missing_scalar_and_list() {
        let d = run("append", json!({"field": "a", "value": "x"}), "{}").unwrap();
        assert_eq!(source_json(&d), r#"{"a":["x"]}"#);
        let d = run(
            "append",
            json!({"field": "a", "value": ["y", "{{b}}"]}),
            r#"{"a":"x","b":"z"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":["x","y","z"],"b":"z"}"#);
    }

    #[test]
    fn allow_duplicates_false_skips_present_values() {
        // IngestDocument.appendValues: when nothing is appended, a scalar stays a scalar; with
        // duplicates allowed the scalar always becomes a list
        let cases = [
            (
                json!(["x", "y"]),
                false,
                r#"{"a":["x"]}"#,
                r#"{"a":["x","y"]}"#,
            ),
            (json!("x"), false, r#"{"a":"x"}"#, r#"{"a":"x"}"#),
            (json!([]), false, r#"{"a":"x"}"#, r#"{"a":"x"}"#),
            (
                json!(["x", "y"]),
                false,
                r#"{"a":"x"}"#,
                r#"{"a":["x","y"]}"#,
            ),
            (json!([]), true, r#"{"a":"x"}"#, r#"{"a":["x"]}"#),
        ];
        for (value, allow, input, want) in cases {
            let config = json!({"field": "a", "value": value, "allow_duplicates": allow});
            let d = run("append", config, input).unwrap();
            assert_eq!(source_json(&d), want, "{value} into {input}");
        }
    }

    #[test]
    fn value_is_required() {
        assert_eq!(
            config_error("append", json!({"field": "a"})),
            "[value] required property is missing"
        );
    }
}
