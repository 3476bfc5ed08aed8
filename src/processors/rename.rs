//! `rename` (ES `RenameProcessor`).

use crate::document::{FieldPath, IngestDocument, Refusal};
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
        let field = self.field.resolve(doc)?;
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
            Err(e) => return Err(e),
        };
        if self.override_existing || moving_changes_target(&field, &target) {
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
            return Ok(Flow::Continue);
        }
        // ES checks the source, then that the target is absent, then moves the value. Here the
        // source is taken out first and put back in its place when the target exists: the same
        // document in two walks instead of three.
        let Some((value, place)) = doc
            .take_with_place(&field)
            .map_err(ProcessorError::illegal_argument)?
        else {
            return missing(self.ignore_missing);
        };
        match doc.set_if_absent(&target, value) {
            Ok(()) => {}
            Err(Refusal::Exists(value)) => {
                doc.put_back(&field, value, place);
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{}] already exists",
                    target.full
                )));
            }
            Err(Refusal::Failed(e, value)) => {
                // ES removed the field, and sets it again so that on_failure handlers see it.
                let _ = doc.set(&field, value);
                return Err(ProcessorError::illegal_argument(e));
            }
        }
        Ok(Flow::Continue)
    }
}

/// Whether taking `field` out can change what `target` names: the target runs through the field
/// (`a` to `a.b`), or through the list the field is an element of (removing `l.0` shifts `l.1`).
/// Then the target must be checked before the field is taken, as ES does.
fn moving_changes_target(field: &FieldPath, target: &FieldPath) -> bool {
    if field.ingest != target.ingest {
        return false;
    }
    let Some((last, parent)) = field.parts.split_last() else {
        return true;
    };
    target.parts.starts_with(&field.parts)
        || (last.parse::<i64>().is_ok() && target.parts.starts_with(parent))
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

    /// A refused rename leaves the document exactly as it was, key order included, whether the
    /// target is checked before the move or the field is put back after it.
    #[test]
    fn an_existing_target_leaves_the_document_as_it_was() {
        let cases = [
            ("x", "y", r#"{"w":1,"x":2,"z":3,"y":4}"#),
            ("j.x", "o.y", r#"{"j":{"w":1,"x":2,"z":3},"o":{"y":4}}"#),
            ("l.0", "m", r#"{"l":[1,2,3],"m":0}"#),
            // the target runs through the field, or through the field's list
            ("a", "a.b", r#"{"a":{"b":1}}"#),
            ("l.0", "l.1", r#"{"l":["x","y"]}"#),
            ("l.0", "l.2", r#"{"l":["x","y","z"]}"#),
            // the field runs through the target
            ("a.b", "a", r#"{"a":{"b":1},"c":2}"#),
        ];
        for (field, target, source) in cases {
            let mut d = doc(source);
            let e = run_on(
                "rename",
                json!({"field": field, "target_field": target}),
                &mut d,
            )
            .unwrap_err();
            assert_eq!(
                e.reason,
                format!("field [{target}] already exists"),
                "{field}"
            );
            assert_eq!(source_json(&d), source, "{field} -> {target}");
        }
    }

    #[test]
    fn moves_into_lists_and_new_objects() {
        let d = run(
            "rename",
            json!({"field": "l.1", "target_field": "n.k"}),
            r#"{"l":[1,2,3]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"l":[1,3],"n":{"k":2}}"#);
        let d = run(
            "rename",
            json!({"field": "a", "target_field": "a.b"}),
            r#"{"a":{"c":1}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":{"b":{"c":1}}}"#);
        let e = run(
            "rename",
            json!({"field": "_version", "target_field": "v"}),
            "{}",
        )
        .unwrap_err();
        assert_eq!(e.reason, "_version cannot be removed");
    }
}
