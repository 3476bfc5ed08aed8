//! The `_simulate` API: request parsing and response rendering as Elasticsearch does it
//! (`SimulatePipelineRequest`, `SimulatePipelineResponse`, `WriteableIngestDocument`).

use crate::document::{is_metadata_key, IngestDocument};
use crate::pipeline::{
    new_document, ConfigError, Definition, Flow, ProcessorError, Registry, Services, TraceEntry,
};
use crate::value::{Map, Value};
use serde_json::{json, Map as JsonMap, Value as Json};
use std::sync::Arc;

/// The id ES gives an inline simulate pipeline.
pub const INLINE_PIPELINE_ID: &str = "_simulate_pipeline";

/// One `docs[]` entry of a simulate request.
pub struct SimulateDoc {
    pub source: Map,
    pub metadata: Vec<(&'static str, Value)>,
}

pub struct SimulateRequest {
    pub pipeline: Option<Json>,
    pub docs: Vec<SimulateDoc>,
}

fn bad_request(reason: impl Into<String>) -> ConfigError {
    ConfigError::new(None, None, None, reason)
}

/// Parses a `_simulate` request body.
pub fn parse_request(text: &str) -> Result<SimulateRequest, ConfigError> {
    let body = crate::value::Value::from_json_str(text)
        .map_err(|e| bad_request(format!("request body is not valid JSON: {e}")))?;
    let Value::Map(mut body) = body else {
        return Err(bad_request("request body must be a JSON object"));
    };
    let pipeline = body.remove("pipeline").map(|p| p.to_serde());
    let docs = match body.remove("docs") {
        Some(Value::List(docs)) => docs,
        Some(_) => return Err(bad_request("[docs] property isn't a list")),
        None => return Err(bad_request("[docs] required property is missing")),
    };
    if docs.is_empty() {
        return Err(bad_request("must specify at least one document in [docs]"));
    }
    let mut out = Vec::new();
    for doc in docs {
        let Value::Map(mut doc) = doc else {
            return Err(bad_request("[docs] elements must be objects"));
        };
        let source = match doc.remove("_source") {
            Some(Value::Map(m)) => m,
            Some(_) => return Err(bad_request("[_source] must be an object")),
            None => return Err(bad_request("[_source] required property is missing")),
        };
        let text = |v: Option<Value>, default: Option<&str>| -> Value {
            match v {
                Some(Value::Null) | None => default.map(Value::from).unwrap_or(Value::Null),
                Some(Value::String(s)) => Value::String(s),
                Some(other) => Value::String(other.to_java_string()),
            }
        };
        let version = match doc.remove("_version") {
            Some(Value::Int(i)) => Value::Long(i as i64),
            Some(Value::Long(l)) => Value::Long(l),
            Some(Value::String(s)) => Value::Long(s.parse().unwrap_or(-3)),
            _ => Value::Long(-3),
        };
        let mut metadata = vec![
            ("_index", text(doc.remove("_index"), Some("_index"))),
            ("_id", text(doc.remove("_id"), Some("_id"))),
            ("_routing", text(doc.remove("_routing"), None)),
            ("_version", version),
        ];
        if let Some(v) = doc.remove("_version_type") {
            metadata.push(("_version_type", text(Some(v), None)));
        }
        for key in ["_if_seq_no", "_if_primary_term"] {
            if let Some(v) = doc.remove(key) {
                metadata.push((key, v));
            }
        }
        if let Some(v @ Value::Map(_)) = doc.remove("_dynamic_templates") {
            metadata.push(("_dynamic_templates", v));
        }
        out.push(SimulateDoc { source, metadata });
    }
    Ok(SimulateRequest {
        pipeline,
        docs: out,
    })
}

/// The result of running one document.
pub enum DocResult {
    Ok(IngestDocument),
    Dropped,
    Failed(ProcessorError),
}

pub fn run_doc(registry: &Registry, entry: &str, doc: SimulateDoc) -> DocResult {
    let mut d = new_document(doc.source, doc.metadata);
    match registry.execute(entry, &mut d) {
        Ok(Flow::Continue) => DocResult::Ok(d),
        Ok(Flow::Drop) => DocResult::Dropped,
        Err(e) => DocResult::Failed(e),
    }
}

/// `WriteableIngestDocument`: metadata (as strings), `_source`, and `_ingest.timestamp`.
pub fn render_document(doc: &IngestDocument) -> Value {
    let mut out = Map::with_kind(crate::value::CollectionKind::Linked);
    for key in crate::document::METADATA_KEYS {
        if let Some(v) = doc.ctx.get(key) {
            if !v.is_null() {
                let rendered = match v {
                    Value::Map(_) => v.clone(),
                    other => Value::String(other.to_java_string()),
                };
                out.insert(key, rendered);
            }
        }
    }
    let mut source = Map::new();
    for (k, v) in doc.ctx.iter() {
        if !is_metadata_key(k) {
            source.insert(k.clone(), v.clone());
        }
    }
    out.insert("_source", Value::Map(source));
    let mut ingest = Map::new();
    if let Some(ts) = doc.ingest.get("timestamp") {
        ingest.insert("timestamp", ts.clone());
    }
    out.insert("_ingest", Value::Map(ingest));
    Value::Map(out)
}

fn to_json(v: &Value) -> Json {
    // Re-parse our own JSON text so that Java number formatting (1.0, 1.0E7) survives.
    serde_json::from_str(&v.to_json()).unwrap_or(Json::Null)
}

pub fn render_result(result: &DocResult) -> Json {
    match result {
        DocResult::Ok(doc) => json!({"doc": to_json(&render_document(doc))}),
        DocResult::Dropped => Json::Null,
        DocResult::Failed(e) => json!({"error": e.to_es_json()}),
    }
}

/// Verbose simulate: one entry per processor execution.
pub fn render_trace(trace: &[TraceEntry], final_result: &Result<Flow, ProcessorError>) -> Json {
    let mut results = Vec::new();
    for entry in trace {
        let mut r = JsonMap::new();
        r.insert("processor_type".into(), json!(entry.processor_type));
        r.insert("status".into(), json!(entry.status.as_str()));
        if let Some(tag) = &entry.tag {
            r.insert("tag".into(), json!(tag));
        }
        if let Some(d) = &entry.description {
            r.insert("description".into(), json!(d));
        }
        if let Some((condition, result)) = &entry.condition {
            r.insert(
                "if".into(),
                json!({"condition": condition, "result": result}),
            );
        }
        match (&entry.error, entry.status.as_str()) {
            (Some(e), "error_ignored") => {
                r.insert("ignored_error".into(), json!({"error": e.to_es_json()}));
            }
            (Some(e), _) => {
                r.insert("error".into(), e.to_es_json());
            }
            _ => {}
        }
        if let Some(doc) = &entry.doc {
            r.insert("doc".into(), to_json(&render_document(doc)));
        }
        results.push(Json::Object(r));
    }
    let _ = final_result;
    json!({"processor_results": results})
}

/// Runs a whole simulate request. `registry` holds the `--pipeline` pipelines (may be empty when
/// the request carries its own).
pub fn simulate(
    request: SimulateRequest,
    defs: &[Definition],
    entry: &str,
    services: Arc<Services>,
    verbose: bool,
) -> Result<Json, Vec<ConfigError>> {
    let mut all_defs = defs.to_vec();
    let entry = match &request.pipeline {
        Some(p) => {
            all_defs.push(Definition {
                id: INLINE_PIPELINE_ID.into(),
                file: None,
                body: p.clone(),
                processor_lines: Vec::new(),
                on_failure_lines: Vec::new(),
            });
            INLINE_PIPELINE_ID.to_string()
        }
        None => entry.to_string(),
    };
    let (registry, errors) = Registry::build(&all_defs, services);
    if !errors.is_empty() {
        return Err(errors);
    }
    if registry.get(&entry).is_none() {
        return Err(vec![ConfigError {
            kind: "resource_not_found_exception".into(),
            ..bad_request(format!(
                "pipeline [{entry}] is missing (available: {})",
                registry.ids().join(", ")
            ))
        }]);
    }
    let docs: Vec<Json> = request
        .docs
        .into_iter()
        .map(|doc| {
            if verbose {
                let mut d = new_document(doc.source, doc.metadata);
                let (result, trace) = registry.execute_traced(&entry, &mut d);
                render_trace(&trace, &result)
            } else {
                render_result(&run_doc(&registry, &entry, doc))
            }
        })
        .collect();
    Ok(json!({ "docs": docs }))
}
