//! `foreach` (ES `ForEachProcessor`): runs one processor per element with `_ingest._value`
//! (and `_ingest._key` for objects).

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{
    compile_step, run_step, Config, ConfigError, Env, Flow, Position, Processor, ProcessorError,
    Services, Step,
};
use crate::value::{expected_size_capacity, Map, Value};

pub struct Foreach {
    field: FieldPath,
    processor: Box<Step>,
    ignore_missing: bool,
}

impl Foreach {
    pub fn from_config(
        cfg: &mut Config,
        position: &Position,
        services: &Services,
    ) -> Result<Foreach, ConfigError> {
        let field = cfg.required_path("field")?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let inner = match cfg.optional_map("processor")? {
            None => return Err(cfg.error(Some("processor"), "required property is missing")),
            Some(m) if m.len() != 1 => {
                return Err(cfg.error(Some("processor"), "Must specify exactly one processor type"))
            }
            Some(m) => m,
        };
        let (ptype, config) = inner.into_iter().next().expect("exactly one entry");
        let inner_position = Position {
            path: format!("{} > processor", position.path),
            ..position.clone()
        };
        let step = compile_step(&ptype, config, inner_position, services)
            .map_err(|mut errs| errs.remove(0))?;
        Ok(Foreach {
            field,
            processor: Box::new(step),
            ignore_missing,
        })
    }
}

impl Processor for Foreach {
    fn execute(&self, doc: &mut IngestDocument, env: &Env) -> Result<Flow, ProcessorError> {
        let value = match doc.lookup(&self.field) {
            Ok(Value::Null) | Err(_) if self.ignore_missing => return Ok(Flow::Continue),
            Ok(Value::Null) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{}] is null, cannot loop over its elements.",
                    self.field.full
                )))
            }
            Ok(v) => v.clone(),
            Err(e) => return Err(ProcessorError::illegal_argument(e.message(&self.field))),
        };
        match value {
            Value::List(items) => self.over_list(items, doc, env),
            Value::Map(map) => self.over_map(map, doc, env),
            other => Err(ProcessorError::illegal_argument(format!(
                "field [{}] of type [{}] cannot be cast to a list or map",
                self.field.full,
                other.java_class_name()
            ))),
        }
    }
}

impl Foreach {
    fn over_list(
        &self,
        items: Vec<Value>,
        doc: &mut IngestDocument,
        env: &Env,
    ) -> Result<Flow, ProcessorError> {
        let mut out = Vec::with_capacity(items.len());
        let total = items.len();
        let mut items = items.into_iter();
        let mut value_slot = IngestSlot::new("_value");
        while let Some(item) = items.next() {
            let previous = value_slot.put(&mut doc.ingest, item);
            let result = run_step(&self.processor, doc, env);
            let new_value = value_slot.restore(&mut doc.ingest, previous);
            match result {
                Ok(Flow::Continue) => out.push(new_value),
                Ok(Flow::Drop) => return Ok(Flow::Drop),
                Err(e) => {
                    // Elements that are objects were changed in place in ES; keep those changes.
                    if matches!(new_value, Value::Map(_) | Value::List(_)) {
                        out.push(new_value);
                        out.extend(items);
                        if out.len() == total {
                            let _ = doc.set(&self.field, Value::List(out));
                        }
                    }
                    return Err(e);
                }
            }
        }
        doc.set(&self.field, Value::List(out))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }

    fn over_map(
        &self,
        map: Map,
        doc: &mut IngestDocument,
        env: &Env,
    ) -> Result<Flow, ProcessorError> {
        // ES walks the object's keys in its iteration order and collects the results in a map
        // of `Maps.newMapWithExpectedSize(size)`
        let order = map.java_order();
        let mut out = Map::new().with_initial_table(expected_size_capacity(map.len()));
        let entries: Vec<(String, Value)> = map.entries.into_iter().collect();
        let mut slots: Vec<Option<(String, Value)>> = entries.into_iter().map(Some).collect();
        let (mut key_slot, mut value_slot) = (IngestSlot::new("_key"), IngestSlot::new("_value"));
        for i in order {
            let (key, value) = slots[i].take().expect("each index once");
            let previous_key = key_slot.put(&mut doc.ingest, Value::String(key));
            let previous_value = value_slot.put(&mut doc.ingest, value);
            let result = run_step(&self.processor, doc, env);
            let new_key = key_slot.restore(&mut doc.ingest, previous_key);
            let new_value = value_slot.restore(&mut doc.ingest, previous_value);
            match result {
                // an entry whose `_key` was blanked is left out (`Strings.hasText(newKey)`)
                Ok(Flow::Continue) => {
                    let key = new_key.to_java_string();
                    if !new_key.is_null() && key.chars().any(|c| !c.is_whitespace()) {
                        out.insert(key, new_value);
                    }
                }
                Ok(Flow::Drop) => return Ok(Flow::Drop),
                Err(e) => return Err(e),
            }
        }
        doc.set(&self.field, Value::Map(out))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

/// An `_ingest` entry (`_value`, `_key`) set for one element and put back after it. The key string
/// is kept from one element to the next instead of being allocated for each.
struct IngestSlot {
    name: &'static str,
    spare_key: Option<String>,
}

impl IngestSlot {
    fn new(name: &'static str) -> IngestSlot {
        IngestSlot {
            name,
            spare_key: None,
        }
    }

    /// Sets the entry; returns the value it replaces, if there was one.
    fn put(&mut self, ingest: &mut Map, value: Value) -> Option<Value> {
        if let Some(slot) = ingest.get_mut(self.name) {
            return Some(std::mem::replace(slot, value));
        }
        self.insert(ingest, value);
        None
    }

    fn insert(&mut self, ingest: &mut Map, value: Value) {
        let key = self
            .spare_key
            .take()
            .unwrap_or_else(|| self.name.to_string());
        ingest.insert(key, value);
    }

    /// Puts back the previous entry (or removes the entry when there was none) and returns the
    /// current one.
    fn restore(&mut self, ingest: &mut Map, previous: Option<Value>) -> Value {
        match previous {
            Some(p) => match ingest.get_mut(self.name) {
                Some(slot) => std::mem::replace(slot, p),
                // the processor removed the entry: the previous one comes back all the same
                None => {
                    self.insert(ingest, p);
                    Value::Null
                }
            },
            None => {
                let entry = ingest
                    .index_of(self.name)
                    .and_then(|i| ingest.entries.shift_remove_index(i));
                match entry {
                    Some((key, value)) => {
                        self.spare_key = Some(key);
                        value
                    }
                    None => Value::Null,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn runs_per_list_element() {
        let d = run(
            "foreach",
            json!({"field": "l", "processor": {"rename": {"field": "_ingest._value.a", "target_field": "_ingest._value.b", "ignore_missing": true}}}),
            r#"{"l":[{"a":1},{"c":2}]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"l":[{"b":1},{"c":2}]}"#);
        assert!(d.ingest.get("_value").is_none());
    }

    /// ForEachProcessor puts the outer `_value` back even when the inner processor removed it;
    /// the removed element reads as null.
    #[test]
    fn nested_loops_restore_the_outer_value() {
        let d = run(
            "foreach",
            json!({"field": "a", "processor": {"foreach": {"field": "_ingest._value",
                "processor": {"remove": {"field": "_ingest._value"}}}}}),
            r#"{"a":[[1,2],[3]]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"a":[[null,null],[null]]}"#);
        assert!(d.ingest.get("_value").is_none());
    }

    #[test]
    fn replaces_scalar_elements() {
        let d = run(
            "foreach",
            json!({"field": "l", "processor": {"set": {"field": "_ingest._value", "value": "{{_ingest._value}}!"}}}),
            r#"{"l":["a","b"]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"l":["a!","b!"]}"#);
    }

    #[test]
    fn iterates_objects_with_key() {
        let d = run(
            "foreach",
            json!({"field": "m", "processor": {"set": {"field": "_ingest._key", "value": "k_{{_ingest._key}}"}}}),
            r#"{"m":{"a":1}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":{"k_a":1}}"#);
    }

    #[test]
    fn missing_null_and_wrong_type() {
        assert!(run(
            "foreach",
            json!({"field": "x", "ignore_missing": true, "processor": {"drop": {}}}),
            "{}"
        )
        .is_ok());
        let e = run(
            "foreach",
            json!({"field": "x", "processor": {"drop": {}}}),
            r#"{"x":null}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [x] is null, cannot loop over its elements."
        );
        let e = run(
            "foreach",
            json!({"field": "x", "processor": {"drop": {}}}),
            r#"{"x":"s"}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [x] of type [java.lang.String] cannot be cast to a list or map"
        );
    }
}
