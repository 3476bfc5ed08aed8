//! `remove` (ES `RemoveProcessor`): `field` (one or many, templates) or `keep`.

use crate::document::{is_metadata_key, source_len, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, FieldRef, Flow, Processor, ProcessorError};
use crate::template::{Encoding, Template};
use crate::value::{Map, Value};

pub struct Remove {
    fields: Vec<FieldRef>,
    keep: Vec<Template>,
    ignore_missing: bool,
}

impl Remove {
    pub fn from_config(cfg: &mut Config) -> Result<Remove, ConfigError> {
        let fields = cfg.optional_string_or_list("field")?;
        let keep = cfg.optional_string_or_list("keep")?;
        let (fields, keep) = match (fields, keep) {
            (None, None) => return Err(cfg.error(Some("keep"), "or [field] must be specified")),
            (Some(_), Some(_)) => {
                return Err(cfg.error(
                    Some("keep"),
                    "and [field] cannot both be used in the same processor",
                ))
            }
            (Some(f), None) => (
                f.iter()
                    .map(|s| cfg.field_ref("field", s))
                    .collect::<Result<Vec<_>, _>>()?,
                Vec::new(),
            ),
            (None, Some(k)) => (
                Vec::new(),
                k.iter()
                    .map(|s| cfg.template("keep", s, Encoding::Json))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Ok(Remove {
            fields,
            keep,
            ignore_missing: cfg.bool("ignore_missing", false)?,
        })
    }
}

impl Processor for Remove {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        if !self.keep.is_empty() {
            let keep: Vec<String> = self
                .keep
                .iter()
                .map(|t| t.render(doc))
                .collect::<Result<_, _>>()?;
            retain_paths(&mut doc.ctx, "", &keep, true);
            return Ok(Flow::Continue);
        }
        for field in &self.fields {
            let path = field.resolve(doc)?;
            if self.ignore_missing && !doc.has(&path) {
                continue;
            }
            doc.remove(&path)
                .map_err(ProcessorError::illegal_argument)?;
        }
        Ok(Flow::Continue)
    }
}

/// Removes every field that is neither kept nor on the way to a kept field.
fn retain_paths(map: &mut Map, prefix: &str, keep: &[String], top: bool) {
    let keys: Vec<String> = map.keys().cloned().collect();
    for key in keys {
        if top && is_metadata_key(&key) {
            continue;
        }
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if keep.contains(&path) {
            continue;
        }
        let nested = format!("{path}.");
        if keep.iter().any(|k| k.starts_with(&nested)) {
            if let Some(Value::Map(child)) = map.get_mut(&key) {
                retain_paths(child, &path, keep, false);
                continue;
            }
        }
        // the root's table holds only its source keys
        let counted = if top { source_len } else { Map::len };
        if let Some(i) = map.index_of(&key) {
            map.remove_index(i, counted);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn removes_one_or_many() {
        let d = run(
            "remove",
            json!({"field": ["a", "b.c"]}),
            r#"{"a":1,"b":{"c":2,"d":3}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"b":{"d":3}}"#);
    }

    #[test]
    fn missing_fields() {
        let e = run("remove", json!({"field": "x"}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [x] not present as part of path [x]");
        assert!(run(
            "remove",
            json!({"field": "x", "ignore_missing": true}),
            "{}"
        )
        .is_ok());
    }

    #[test]
    fn keep_removes_everything_else() {
        let d = run(
            "remove",
            json!({"keep": ["a", "b.c"]}),
            r#"{"a":1,"b":{"c":2,"d":3},"e":4}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":1,"b":{"c":2}}"#);
        assert_eq!(d.metadata("_index").unwrap().as_str(), Some("index"));
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error("remove", json!({})),
            "[keep] or [field] must be specified"
        );
        assert_eq!(
            config_error("remove", json!({"field": "a", "keep": ["b"]})),
            "[keep] and [field] cannot both be used in the same processor"
        );
    }

    /// Java's `HashMap` keeps its table when entries go, and the table decides what order a
    /// script sees. Both expectations are JDK 17 runs: `q` and `a` share a bucket of 16 (and of
    /// 4) buckets, but not of 32.
    #[test]
    fn removals_keep_the_hash_table_a_script_iterates() {
        let others = ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"];
        let keys_of = |d: &mut crate::document::IngestDocument, map: &str| {
            let source = format!(
                "def out = []; for (k in {map}.keySet()) {{ if (!k.startsWith('_')) out.add(k) }} \
                 ctx.order = String.join(',', out)"
            );
            run_on("script", json!({ "source": source }), d).unwrap();
            d.ctx.remove("order").unwrap().as_str().unwrap().to_string()
        };
        // a parsed object of 14 keys has grown to 32 buckets; two keys left keep them
        let nested: serde_json::Map<String, serde_json::Value> = ["q", "a"]
            .iter()
            .chain(&others)
            .map(|k| (k.to_string(), json!(1)))
            .collect();
        let mut d = doc(&json!({ "m": nested }).to_string());
        let fields: Vec<String> = others.iter().map(|k| format!("m.{k}")).collect();
        run_on("remove", json!({ "field": fields }), &mut d).unwrap();
        assert_eq!(keys_of(&mut d, "ctx.m"), "a,q");
        // the same through rename, which takes each field out
        let mut d = doc(&json!({ "m": nested }).to_string());
        for k in others {
            let moved = json!({"field": format!("m.{k}"), "target_field": format!("r.{k}")});
            run_on("rename", moved, &mut d).unwrap();
        }
        assert_eq!(keys_of(&mut d, "ctx.m"), "a,q");
        // the root: `new HashMap<>(source)` of two keys has 4 buckets, grown to 32 by twelve
        // more keys, and kept when they are removed
        let mut d = doc(r#"{"q":1,"a":1}"#);
        for k in others {
            run_on("set", json!({"field": k, "value": 1}), &mut d).unwrap();
        }
        run_on("remove", json!({ "field": others }), &mut d).unwrap();
        assert_eq!(keys_of(&mut d, "ctx"), "a,q");
        // twelve source keys fill 16 buckets (the three metadata keys are not in that table),
        // and `keep` leaves it at that
        let mut d = doc(r#"{"q":1,"a":1}"#);
        for k in &others[..10] {
            run_on("set", json!({"field": k, "value": 1}), &mut d).unwrap();
        }
        run_on("remove", json!({ "keep": ["q", "a"] }), &mut d).unwrap();
        assert_eq!(keys_of(&mut d, "ctx"), "q,a");
        // and through a script's removals
        let mut d = doc(r#"{"q":1,"a":1}"#);
        for k in others {
            run_on("set", json!({"field": k, "value": 1}), &mut d).unwrap();
        }
        let source = format!("for (k in {others:?}) {{ ctx.remove(k) }}").replace('"', "'");
        run_on("script", json!({ "source": source }), &mut d).unwrap();
        assert_eq!(keys_of(&mut d, "ctx"), "a,q");
    }
}
