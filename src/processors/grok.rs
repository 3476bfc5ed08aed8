//! `grok` (ES `GrokProcessor` over libs/grok).

use super::field_access::string_input;
use crate::document::{FieldPath, IngestDocument};
use crate::grok::{EcsCompatibility, Grok as GrokEngine};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

pub struct Grok {
    field: FieldPath,
    grok: GrokEngine,
    /// Target paths of every capture, parsed once at load.
    targets: std::collections::HashMap<String, FieldPath>,
    trace_match: bool,
    pattern_count: usize,
    ignore_missing: bool,
}

impl Grok {
    pub fn from_config(cfg: &mut Config) -> Result<Grok, ConfigError> {
        let field = cfg.required_path("field")?;
        let patterns = match cfg.optional_string_list("patterns")? {
            None => return Err(cfg.error(Some("patterns"), "required property is missing")),
            Some(p) if p.is_empty() => {
                return Err(cfg.error(Some("patterns"), "List of patterns must not be empty"))
            }
            Some(p) => p,
        };
        let definitions = pattern_definitions(cfg)?;
        let trace_match = cfg.bool("trace_match", false)?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let ecs: EcsCompatibility = cfg
            .string_or("ecs_compatibility", "disabled")?
            .parse()
            .map_err(|e: String| cfg.error(Some("ecs_compatibility"), e))?;
        let grok = GrokEngine::compile(&patterns, &definitions, ecs)
            .map_err(|e| invalid_patterns(cfg, &patterns, &e))?;
        let targets = grok
            .capture_names()
            .into_iter()
            .filter_map(|(field, _)| FieldPath::parse(field).ok().map(|p| (field.to_string(), p)))
            .collect();
        Ok(Grok {
            field,
            grok,
            targets,
            trace_match,
            pattern_count: patterns.len(),
            ignore_missing,
        })
    }
}

/// `pattern_definitions`: custom pattern names (they override the built-in ones).
pub(super) fn pattern_definitions(cfg: &mut Config) -> Result<Vec<(String, String)>, ConfigError> {
    Ok(match cfg.optional_map("pattern_definitions")? {
        None => Vec::new(),
        Some(m) => m
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => (k, s),
                other => (k, other.to_string()),
            })
            .collect(),
    })
}

/// How `GrokProcessor.Factory` and `RedactProcessor.Factory` wrap a compile failure.
pub(super) fn invalid_patterns(cfg: &Config, patterns: &[String], message: &str) -> ConfigError {
    cfg.error(
        Some("patterns"),
        format!(
            "Invalid regex pattern found in: [{}]. {message}",
            patterns.join(", ")
        ),
    )
}

impl Processor for Grok {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let Some(text) = string_input(doc, &self.field, self.ignore_missing, || {
            format!("field [{}] is null, cannot process it.", self.field.full)
        })?
        else {
            return Ok(Flow::Continue);
        };
        let matched = self
            .grok
            .try_match(&text)
            .map_err(|e| ProcessorError::new(e.es_type, e.reason))?
            .ok_or_else(|| {
                ProcessorError::illegal_argument(format!(
                    "Provided Grok expressions do not match field value: [{text}]"
                ))
            })?;
        for (field, value) in matched.fields {
            let result = match self.targets.get(&field) {
                Some(path) => doc.set(path, value),
                None => FieldPath::parse(&field).and_then(|path| doc.set(&path, value)),
            };
            result.map_err(ProcessorError::illegal_argument)?;
        }
        if self.trace_match {
            let index = if self.pattern_count > 1 {
                matched.pattern_index
            } else {
                0
            };
            doc.ingest
                .insert("_grok_match_index", Value::String(index.to_string()));
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn captures_into_fields() {
        let d = run(
            "grok",
            json!({"field": "m", "patterns": ["%{USER:user.name}"]}),
            r#"{"m":"username@elastic.co"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"username@elastic.co","user":{"name":"username"}}"#
        );
        let d = run(
            "grok",
            json!({"field": "m", "patterns": ["%{NUMBER:n:int} %{WORD:w}"]}),
            r#"{"m":"42 abc"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":"42 abc","n":42,"w":"abc"}"#);
    }

    #[test]
    fn pattern_definitions_and_trace_match() {
        let d = run(
            "grok",
            json!({"field": "m", "trace_match": true, "patterns": ["reasons=%{DATA:r}, %{KEY}", "reasons=%{DATA:r}$"], "pattern_definitions": {"KEY": "%{NOTSPACE}="}}),
            r#"{"m":"level=LOW, reasons=Anomalous Device"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"level=LOW, reasons=Anomalous Device","r":"Anomalous Device"}"#
        );
        assert_eq!(
            d.ingest.get("_grok_match_index").unwrap().as_str(),
            Some("1")
        );
    }

    #[test]
    fn failures() {
        let e = run(
            "grok",
            json!({"field": "m", "patterns": ["%{INT:i}"]}),
            r#"{"m":"abc"}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "Provided Grok expressions do not match field value: [abc]"
        );
        assert!(run(
            "grok",
            json!({"field": "x", "patterns": ["%{INT:i}"], "ignore_missing": true}),
            "{}"
        )
        .is_ok());
        assert_eq!(
            config_error("grok", json!({"field": "m", "patterns": []})),
            "[patterns] List of patterns must not be empty"
        );
        assert_eq!(
            config_error("grok", json!({"field": "m", "patterns": ["%{NOPE:x}"]})),
            "[patterns] Invalid regex pattern found in: [%{NOPE:x}]. Unable to find pattern [NOPE] in Grok's pattern dictionary"
        );
    }
}
