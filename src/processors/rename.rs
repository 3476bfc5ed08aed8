//! `rename` (ES `RenameProcessor`).

use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError, Env, FieldRef, Flow, Processor, ProcessorError};

pub struct Rename {
    field: FieldRef,
    target_field: FieldRef,
    ignore_missing: bool,
    override_existing: bool,
}

impl Rename {
    pub fn from_config(cfg: &mut Config) -> Result<Rename, ConfigError> {
        Ok(Rename {
            field: cfg.required_field_template("field")?,
            target_field: cfg.required_field_template("target_field")?,
            ignore_missing: cfg.bool("ignore_missing", false)?,
            override_existing: cfg.bool("override", false)?,
        })
    }
}

impl Processor for Rename {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = self
            .field
            .resolve(doc)
            .map_err(ProcessorError::illegal_argument)?;
        let missing = |ignore: bool| {
            if ignore {
                return Ok(Flow::Continue);
            }
            Err(ProcessorError::illegal_argument(format!(
                "field [{}] doesn't exist",
                field.full
            )))
        };
        // ES renders the target after the source check
        let target = match self.target_field.resolve(doc) {
            Ok(target) => target,
            Err(_) if !doc.has(&field) => return missing(self.ignore_missing),
            Err(e) => return Err(ProcessorError::illegal_argument(e)),
        };
        // ES checks the source first, then the target; the source is taken out in the same walk
        // as its check unless the target check is going to fail
        if !self.override_existing && doc.has(&target) {
            if !doc.has(&field) {
                return missing(self.ignore_missing);
            }
            return Err(ProcessorError::illegal_argument(format!(
                "field [{}] already exists",
                target.full
            )));
        }
        let Some(value) = doc.take(&field).map_err(ProcessorError::illegal_argument)? else {
            return missing(self.ignore_missing);
        };
        if let Err((e, value)) = doc.set_or_return(&target, value) {
            // ES puts the value back so that on_failure handlers still see it.
            let _ = doc.set(&field, value);
            return Err(ProcessorError::illegal_argument(e));
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn renames() {
        let d = run(
            "rename",
            json!({"field": "a.b", "target_field": "c.d"}),
            r#"{"a":{"b":1}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":{},"c":{"d":1}}"#);
    }

    #[test]
    fn missing_and_existing() {
        let e = run("rename", json!({"field": "x", "target_field": "y"}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [x] doesn't exist");
        assert!(run(
            "rename",
            json!({"field": "x", "target_field": "y", "ignore_missing": true}),
            "{}"
        )
        .is_ok());
        let e = run(
            "rename",
            json!({"field": "a", "target_field": "b"}),
            r#"{"a":1,"b":2}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [b] already exists");
        let d = run(
            "rename",
            json!({"field": "a", "target_field": "b", "override": true}),
            r#"{"a":1,"b":2}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"b":1}"#);
        // the source is checked first: a missing source wins over an existing target
        let e = run(
            "rename",
            json!({"field": "x", "target_field": "b"}),
            r#"{"b":2}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [x] doesn't exist");
        let d = run(
            "rename",
            json!({"field": "x", "target_field": "b", "ignore_missing": true}),
            r#"{"b":2}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"b":2}"#);
    }

    #[test]
    fn failed_set_restores_the_source_field() {
        let e = run(
            "rename",
            json!({"field": "a", "target_field": "s.x"}),
            r#"{"a":1,"s":"str"}"#,
        )
        .unwrap_err();
        assert!(e.reason.starts_with("cannot set [x]"), "{}", e.reason);
    }
}
