//! `dot_expander` (ES `DotExpanderProcessor`): turns a key containing dots (`"a.b": 1`) into nested
//! objects (`"a": {"b": 1}`), at the root or inside the object at `path`; `field: "*"` expands every
//! dotted key of that object, in Java `HashMap` iteration order.

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

pub struct DotExpander {
    field: String,
    path: Option<FieldPath>,
    override_existing: bool,
}

impl DotExpander {
    pub fn from_config(cfg: &mut Config) -> Result<DotExpander, ConfigError> {
        let field = cfg.required_string("field")?;
        // ES passes TAG_KEY ("tag") where the processor type belongs in these three errors.
        let invalid = |cfg: &Config, reason: &str| {
            ConfigError::new(Some("tag"), cfg.tag.as_deref(), Some("field"), reason)
        };
        if !field.contains('.') && field != "*" {
            return Err(invalid(
                cfg,
                "field does not contain a dot and is not a wildcard",
            ));
        }
        if field.starts_with('.') || field.ends_with('.') {
            return Err(invalid(cfg, "Field can't start or end with a dot"));
        }
        if field.contains("..") {
            return Err(invalid(cfg, "No space between dots"));
        }
        let path = cfg.optional_path("path")?;
        let override_existing = cfg.bool("override", false)?;
        Ok(DotExpander {
            field,
            path,
            override_existing,
        })
    }

    fn key_path(&self, key: &str) -> FieldPath {
        match &self.path {
            Some(p) => {
                let mut parts = p.parts.clone();
                parts.push(key.to_string());
                FieldPath {
                    full: format!("{}.{key}", p.full),
                    ingest: p.ingest,
                    parts,
                }
            }
            None => FieldPath {
                full: key.to_string(),
                ingest: false,
                parts: vec![key.to_string()],
            },
        }
    }

    /// ES `expandDot`.
    fn expand(&self, doc: &mut IngestDocument, key: &str) -> Result<(), ProcessorError> {
        let iae = ProcessorError::illegal_argument;
        let path_to_expand = match &self.path {
            Some(p) => format!("{}.{key}", p.full),
            None => key.to_string(),
        };
        let Ok(value) = doc.remove(&self.key_path(key)) else {
            return Ok(());
        };
        let target = FieldPath::parse(&path_to_expand).map_err(iae)?;
        if doc.has(&target) {
            if self.override_existing {
                doc.set(&target, value).map_err(iae)?;
            } else {
                doc.append(&target, value, true).map_err(iae)?;
            }
            return Ok(());
        }
        for (index, _) in path_to_expand.match_indices('.') {
            let partial = &path_to_expand[..index];
            let Ok(partial_path) = FieldPath::parse(partial) else {
                break;
            };
            match doc.get(&partial_path) {
                Ok(Value::Map(_)) => {}
                Ok(_) => {
                    return Err(iae(format!(
                        "cannot expand [{path_to_expand}], because [{partial}] is not an object field, but a value field"
                    )))
                }
                Err(_) => break,
            }
        }
        doc.set(&target, value).map_err(iae)
    }
}

impl Processor for DotExpander {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let wildcard = self.field == "*";
        let map = match &self.path {
            None => &doc.ctx,
            Some(path) => match doc.get(path).map_err(ProcessorError::illegal_argument)? {
                Value::Map(m) => m,
                Value::Null => {
                    let method = if wildcard {
                        "keySet()"
                    } else {
                        "containsKey(Object)"
                    };
                    return Err(ProcessorError::new(
                        "null_pointer_exception",
                        format!("Cannot invoke \"java.util.Map.{method}\" because \"map\" is null"),
                    ));
                }
                other => {
                    return Err(ProcessorError::illegal_argument(format!(
                        "field [{}] of type [{}] cannot be cast to [java.util.Map]",
                        path.full,
                        other.java_class_name()
                    )))
                }
            },
        };
        let keys: Vec<String> = if wildcard {
            let names: Vec<&String> = map.keys().collect();
            // at the root, the document's CtxMap order (its source table, then metadata)
            let order = match &self.path {
                None => crate::painless::rt::ctx_order(
                    names.iter().map(|k| k.as_str()),
                    map.initial_capacity(),
                ),
                Some(_) => map.java_order(),
            };
            order
                .into_iter()
                .map(|i| names[i])
                .filter(|k| k.find('.').is_some_and(|i| i > 0))
                .cloned()
                .collect()
        } else {
            vec![self.field.clone()]
        };
        for key in keys {
            self.expand(doc, &key)?;
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn expand(config: serde_json::Value, input: &str) -> Result<String, String> {
        run("dot_expander", config, input)
            .map(|d| source_json(&d))
            .map_err(|e| e.reason)
    }

    #[test]
    fn expands_at_root_and_under_path() {
        // DotExpanderProcessorTests.testEscapeFields
        assert_eq!(
            expand(json!({"field": "foo.bar"}), r#"{"foo.bar":"baz1"}"#).unwrap(),
            r#"{"foo":{"bar":"baz1"}}"#
        );
        assert_eq!(
            expand(json!({"field": "a.b.c"}), r#"{"a.b.c":1,"x":2}"#).unwrap(),
            r#"{"x":2,"a":{"b":{"c":1}}}"#
        );
        assert_eq!(
            expand(
                json!({"field": "bar.baz", "path": "foo"}),
                r#"{"foo":{"bar.baz":"x"}}"#
            )
            .unwrap(),
            r#"{"foo":{"bar":{"baz":"x"}}}"#
        );
        // a missing field is a no-op
        assert_eq!(
            expand(json!({"field": "a.b"}), r#"{"c":1}"#).unwrap(),
            r#"{"c":1}"#
        );
    }

    #[test]
    fn existing_values_are_merged_into_lists_unless_override() {
        // testEscapeFields_valueField: "foo.bar" and "foo": {"bar": ...} become a list
        assert_eq!(
            expand(
                json!({"field": "foo.bar"}),
                r#"{"foo.bar":"baz2","foo":{"bar":"baz1"}}"#
            )
            .unwrap(),
            r#"{"foo":{"bar":["baz1","baz2"]}}"#
        );
        assert_eq!(
            expand(
                json!({"field": "foo.bar"}),
                r#"{"foo.bar":["b","c"],"foo":{"bar":"a"}}"#
            )
            .unwrap(),
            r#"{"foo":{"bar":["a","b","c"]}}"#
        );
        assert_eq!(
            expand(
                json!({"field": "foo.bar", "override": true}),
                r#"{"foo.bar":"baz2","foo":{"bar":"baz1"}}"#
            )
            .unwrap(),
            r#"{"foo":{"bar":"baz2"}}"#
        );
    }

    #[test]
    fn wildcard() {
        assert_eq!(
            expand(json!({"field": "*"}), r#"{"a.b":1,"c":2,"d.e.f":3,".g":4}"#).unwrap(),
            r#"{"c":2,".g":4,"a":{"b":1},"d":{"e":{"f":3}}}"#
        );
        assert_eq!(
            expand(
                json!({"field": "*", "path": "o"}),
                r#"{"o":{"x.y":1,"x.z":2}}"#
            )
            .unwrap(),
            r#"{"o":{"x":{"y":1,"z":2}}}"#
        );
    }

    /// At the root the keys come in the order of ES's `CtxMap`, whose source is
    /// `new HashMap<>(source)`: for two keys a table of 4, so `u.v` before `u.v.w`, and the second
    /// expansion meets a value (checked with a JDK 17 program mirroring `DotExpanderProcessor`).
    #[test]
    fn wildcard_at_the_root_follows_the_ctx_table() {
        let e = expand(json!({"field": "*"}), r#"{"u.v":1,"u.v.w":2}"#).unwrap_err();
        assert_eq!(
            e,
            "cannot expand [u.v.w], because [u.v] is not an object field, but a value field"
        );
    }

    #[test]
    fn wildcard_with_override() {
        // 130_escape_dot.yml
        let d = run(
            "dot_expander",
            json!({"field": "*", "override": true}),
            r#"{"foo.bar":"baz","foo":{"bar":"override_me","qux":"quux"}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"foo":{"bar":"baz","qux":"quux"}}"#);
    }

    #[test]
    fn value_field_in_the_way() {
        // testEscapeFields_doNotOverride / 'cannot expand' error
        assert_eq!(
            expand(json!({"field": "foo.bar"}), r#"{"foo.bar":"x","foo":"y"}"#).unwrap_err(),
            "cannot expand [foo.bar], because [foo] is not an object field, but a value field"
        );
    }

    #[test]
    fn path_errors() {
        assert_eq!(
            expand(json!({"field": "a.b", "path": "p"}), r#"{"p":"s"}"#).unwrap_err(),
            "field [p] of type [java.lang.String] cannot be cast to [java.util.Map]"
        );
        assert_eq!(
            expand(json!({"field": "a.b", "path": "p"}), "{}").unwrap_err(),
            "field [p] not present as part of path [p]"
        );
        let e = run(
            "dot_expander",
            json!({"field": "a.b", "path": "p"}),
            r#"{"p":null}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, "null_pointer_exception");
    }

    #[test]
    fn config_errors() {
        // DotExpanderProcessorFactoryTests.testCreate_invalidFields
        assert_eq!(
            config_error("dot_expander", json!({"field": "a"})),
            "[field] field does not contain a dot and is not a wildcard"
        );
        assert_eq!(
            config_error("dot_expander", json!({"field": ".a"})),
            "[field] Field can't start or end with a dot"
        );
        assert_eq!(
            config_error("dot_expander", json!({"field": "a."})),
            "[field] Field can't start or end with a dot"
        );
        assert_eq!(
            config_error("dot_expander", json!({"field": "a..b"})),
            "[field] No space between dots"
        );
        assert_eq!(
            config_error("dot_expander", json!({})),
            "[field] required property is missing"
        );
    }
}
