//! Pipelines: loading definitions, compiling them into processors, and running them with
//! Elasticsearch's failure semantics (`Pipeline`, `CompoundProcessor`, `ConditionalProcessor`).

pub mod config;
pub mod error;
mod load;
pub mod stats;

use crate::document::IngestDocument;
use crate::painless;
use crate::value::{Map, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

pub use config::{Config, FieldRef};
pub use error::{ConfigError, Position, ProcessorError};
pub use load::{
    compile_painless, compile_pipeline, compile_step, is_pipeline_file, load_definitions,
    load_definitions_lenient, substitute_ingest_pipeline_refs, Definition, Services,
    UserAgentDatabases,
};

/// What a processor tells the pipeline after it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// `drop`: the document is discarded.
    Drop,
}

/// One processor's behaviour on one document. Options are validated by the processor's
/// `from_config`; `execute` never panics and never re-parses configuration.
pub trait Processor: Send + Sync {
    fn execute(&self, doc: &mut IngestDocument, env: &Env) -> Result<Flow, ProcessorError>;
}

/// A compiled Painless `if`.
pub struct Condition {
    pub source: String,
    pub script: painless::Script,
}

/// A processor together with the options every processor accepts (`ConfigurationUtils.readProcessor`).
pub struct Step {
    pub processor_type: String,
    pub tag: Option<String>,
    pub description: Option<String>,
    pub condition: Option<Condition>,
    pub ignore_failure: bool,
    pub on_failure: Vec<Step>,
    pub processor: Box<dyn Processor>,
    pub position: Position,
}

pub struct Pipeline {
    pub id: String,
    pub description: Option<String>,
    pub version: Option<i64>,
    pub steps: Vec<Step>,
    pub on_failure: Vec<Step>,
    pub file: Option<String>,
}

/// The outcome of one processor in verbose simulate (ES `SimulateProcessorResult`).
#[derive(Debug, Clone)]
pub struct TraceEntry {
    pub processor_type: String,
    pub tag: Option<String>,
    pub description: Option<String>,
    pub status: TraceStatus,
    pub condition: Option<(String, bool)>,
    pub doc: Option<IngestDocument>,
    pub error: Option<ProcessorError>,
    pub position: Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceStatus {
    Success,
    Error,
    ErrorIgnored,
    Skipped,
    Dropped,
}

impl TraceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TraceStatus::Success => "success",
            TraceStatus::Error => "error",
            TraceStatus::ErrorIgnored => "error_ignored",
            TraceStatus::Skipped => "skipped",
            TraceStatus::Dropped => "dropped",
        }
    }
}

/// Everything a processor may consult while running on one document.
pub struct Env<'a> {
    pub registry: &'a Registry,
    pub trace: Option<RefCell<Vec<TraceEntry>>>,
    /// Per-processor counts and times (`run --stats`).
    pub stats: Option<&'a stats::ProcessorStats>,
}

/// All pipelines of a load, by id, plus the shared services (GeoIP, user agents) they use.
pub struct Registry {
    pipelines: HashMap<String, Arc<Pipeline>>,
    pub services: Arc<Services>,
}

impl Registry {
    pub fn new(services: Arc<Services>) -> Registry {
        Registry {
            pipelines: HashMap::new(),
            services,
        }
    }

    pub fn insert(&mut self, pipeline: Pipeline) {
        self.pipelines
            .insert(pipeline.id.clone(), Arc::new(pipeline));
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Pipeline>> {
        self.pipelines.get(id)
    }

    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.pipelines.keys().map(String::as_str).collect();
        ids.sort();
        ids
    }

    /// Runs pipeline `id` on `doc`. `Ok(Flow::Drop)` means the document was dropped.
    pub fn execute(&self, id: &str, doc: &mut IngestDocument) -> Result<Flow, ProcessorError> {
        let env = Env {
            registry: self,
            trace: None,
            stats: None,
        };
        self.execute_with(id, doc, &env)
    }

    /// [`Registry::execute`], counting and timing every processor into `stats`.
    pub fn execute_with_stats(
        &self,
        id: &str,
        doc: &mut IngestDocument,
        stats: &stats::ProcessorStats,
    ) -> Result<Flow, ProcessorError> {
        let env = Env {
            registry: self,
            trace: None,
            stats: Some(stats),
        };
        let started = std::time::Instant::now();
        let result = self.execute_with(id, doc, &env);
        stats.document(started);
        result
    }

    /// Runs with a verbose trace of every processor.
    pub fn execute_traced(
        &self,
        id: &str,
        doc: &mut IngestDocument,
    ) -> (Result<Flow, ProcessorError>, Vec<TraceEntry>) {
        let env = Env {
            registry: self,
            trace: Some(RefCell::new(Vec::new())),
            stats: None,
        };
        let result = self.execute_with(id, doc, &env);
        (
            result,
            env.trace.map(RefCell::into_inner).unwrap_or_default(),
        )
    }

    fn execute_with(
        &self,
        id: &str,
        doc: &mut IngestDocument,
        env: &Env,
    ) -> Result<Flow, ProcessorError> {
        let pipeline = self.get(id).ok_or_else(|| {
            ProcessorError::illegal_argument(format!("pipeline with id [{id}] does not exist"))
        })?;
        execute_pipeline(pipeline, doc, env)
    }
}

/// ES `IngestDocument.executePipeline`: cycle detection, `_ingest.pipeline`, and `terminate` scope.
pub fn execute_pipeline(
    pipeline: &Pipeline,
    doc: &mut IngestDocument,
    env: &Env,
) -> Result<Flow, ProcessorError> {
    if doc.pipeline_stack.iter().any(|p| p == &pipeline.id) {
        return Err(ProcessorError::new(
            "graph_structure_exception",
            format!("Cycle detected for pipeline: {}", pipeline.id),
        ));
    }
    if doc.pipeline_stack.len() >= MAX_NESTED_PIPELINES {
        return Err(ProcessorError::illegal_state(format!(
            "Too many nested pipelines. Cannot have more than {MAX_NESTED_PIPELINES} nested pipelines"
        )));
    }
    doc.pipeline_stack.push(pipeline.id.clone());
    let previous = doc
        .ingest
        .insert("pipeline", Value::String(pipeline.id.clone()));
    let result = run_compound(&pipeline.steps, &pipeline.on_failure, doc, env);
    doc.pipeline_stack.pop();
    match previous {
        Some(p) => {
            doc.ingest.insert("pipeline", p);
        }
        None => {
            doc.ingest.remove("pipeline");
        }
    }
    doc.terminate = false;
    result
}

/// ES `IngestDocument.MAX_PIPELINES`.
pub const MAX_NESTED_PIPELINES: usize = 100;

const ON_FAILURE_KEYS: [&str; 4] = [
    "on_failure_message",
    "on_failure_processor_type",
    "on_failure_processor_tag",
    "on_failure_pipeline",
];

/// ES `CompoundProcessor` at pipeline level: on a failure the `on_failure` steps run with the
/// failure metadata and the rest of the pipeline is skipped.
fn run_compound(
    steps: &[Step],
    on_failure: &[Step],
    doc: &mut IngestDocument,
    env: &Env,
) -> Result<Flow, ProcessorError> {
    for step in steps {
        match run_step(step, doc, env) {
            Ok(Flow::Drop) => return Ok(Flow::Drop),
            Ok(Flow::Continue) => {}
            Err(e) => {
                let e = with_headers(e, step, doc);
                if on_failure.is_empty() {
                    return Err(e);
                }
                return run_on_failure(on_failure, e, doc, env);
            }
        }
        // ES CompoundProcessor: `isReroute() || isTerminate()` ends the processor list
        if doc.terminate || doc.reroute {
            break;
        }
    }
    Ok(Flow::Continue)
}

fn run_on_failure(
    on_failure: &[Step],
    cause: ProcessorError,
    doc: &mut IngestDocument,
    env: &Env,
) -> Result<Flow, ProcessorError> {
    let opt = |s: &Option<String>| s.clone().map(Value::String).unwrap_or(Value::Null);
    doc.ingest.insert(
        "on_failure_message",
        Value::String(cause.root_cause_message.clone()),
    );
    doc.ingest
        .insert("on_failure_processor_type", opt(&cause.processor_type));
    doc.ingest
        .insert("on_failure_processor_tag", opt(&cause.processor_tag));
    if let Some(origin) = cause.pipeline_origin.as_ref().and_then(|o| o.first()) {
        doc.ingest
            .insert("on_failure_pipeline", Value::String(origin.clone()));
    }
    let remove_metadata = |doc: &mut IngestDocument| {
        for key in ON_FAILURE_KEYS {
            doc.ingest.remove(key);
        }
    };
    for step in on_failure {
        if doc.terminate || doc.reroute {
            break;
        }
        match run_step(step, doc, env) {
            Ok(Flow::Continue) => {}
            Ok(Flow::Drop) => {
                remove_metadata(doc);
                return Ok(Flow::Drop);
            }
            Err(e) => {
                remove_metadata(doc);
                return Err(with_headers(e, step, doc));
            }
        }
    }
    remove_metadata(doc);
    Ok(Flow::Continue)
}

/// ES `CompoundProcessor.newCompoundProcessorException`: the innermost processor's headers win.
///
/// A step with an `if` is, in the list of a pipeline or an `on_failure` block, the
/// `ConditionalProcessor` wrapping the processor (`ConfigurationUtils.readProcessor`), whose type is
/// `conditional`: so an error of the condition, and any failure the processor does not handle
/// itself, is labelled `conditional` (with the step's tag).
fn with_headers(e: ProcessorError, step: &Step, doc: &IngestDocument) -> ProcessorError {
    let listed_type = if step.condition.is_some() {
        "conditional"
    } else {
        step.processor_type.as_str()
    };
    label(e, listed_type, step, doc)
}

/// Sets the failure's headers to `processor_type` and the step's tag, unless an inner processor
/// set them already.
fn label(
    mut e: ProcessorError,
    processor_type: &str,
    step: &Step,
    doc: &IngestDocument,
) -> ProcessorError {
    if e.has_headers() {
        return e;
    }
    e.processor_type = Some(processor_type.to_string());
    e.processor_tag = step.tag.clone();
    // since ES 8.5 (elastic/elasticsearch#89632) the top-level pipeline counts too, so
    // `_ingest.on_failure_pipeline` is set for a failure in the pipeline that was called
    if !doc.pipeline_stack.is_empty() {
        e.pipeline_origin = Some(doc.pipeline_stack.iter().rev().cloned().collect());
    }
    e
}

/// One processor with its `if`, `ignore_failure` and `on_failure` wrappers.
pub fn run_step(step: &Step, doc: &mut IngestDocument, env: &Env) -> Result<Flow, ProcessorError> {
    match env.stats {
        None => run_step_untimed(step, doc, env),
        Some(stats) => run_step_timed(step, doc, env, stats),
    }
}

/// [`run_step`] under `run --stats`: kept out of line so that runs without it pay one branch.
#[cold]
#[inline(never)]
fn run_step_timed(
    step: &Step,
    doc: &mut IngestDocument,
    env: &Env,
    stats: &stats::ProcessorStats,
) -> Result<Flow, ProcessorError> {
    let started = std::time::Instant::now();
    let result = run_step_untimed(step, doc, env);
    stats.timed(step, started);
    result
}

fn run_step_untimed(
    step: &Step,
    doc: &mut IngestDocument,
    env: &Env,
) -> Result<Flow, ProcessorError> {
    let mut condition_result = None;
    if let Some(condition) = &step.condition {
        let passed = evaluate_condition(condition, doc);
        match passed {
            Ok(true) => condition_result = Some((condition.source.as_str(), true)),
            Ok(false) => {
                if let Some(stats) = env.stats {
                    stats.skipped(step);
                }
                record(
                    env,
                    step,
                    TraceStatus::Skipped,
                    Some((condition.source.as_str(), false)),
                    None,
                    None,
                );
                return Ok(Flow::Continue);
            }
            Err(e) => {
                // ES wraps a processor's own `ignore_failure`/`on_failure` inside its
                // `ConditionalProcessor` (`ConfigurationUtils.readProcessor`), so neither sees an
                // error of the condition (elastic/elasticsearch#126005): it goes to the enclosing
                // handler, as a failure of the `conditional` wrapper.
                if let Some(stats) = env.stats {
                    stats.failed(step);
                }
                let condition = Some((condition.source.as_str(), true));
                record(env, step, TraceStatus::Error, condition, None, Some(&e));
                return Err(e);
            }
        }
    }
    if step.processor_type == "pipeline" {
        // ES's TrackingResultProcessor lists the pipeline processor itself (without a document)
        // before the processors of the pipeline it calls.
        record(
            env,
            step,
            TraceStatus::Success,
            condition_result,
            None,
            None,
        );
    }
    if let Some(stats) = env.stats {
        stats.ran(step);
    }
    match step.processor.execute(doc, env) {
        Ok(flow) => {
            let status = if flow == Flow::Drop {
                TraceStatus::Dropped
            } else {
                TraceStatus::Success
            };
            if env.trace.is_some() && step.processor_type != "pipeline" {
                record(env, step, status, condition_result, Some(doc), None);
            }
            Ok(flow)
        }
        Err(e) => handle_step_error(step, e, condition_result, doc, env),
    }
}

fn handle_step_error(
    step: &Step,
    e: ProcessorError,
    condition: Option<(&str, bool)>,
    doc: &mut IngestDocument,
    env: &Env,
) -> Result<Flow, ProcessorError> {
    if let Some(stats) = env.stats {
        stats.failed(step);
    }
    if step.ignore_failure {
        record(
            env,
            step,
            TraceStatus::ErrorIgnored,
            condition,
            Some(doc),
            Some(&e),
        );
        return Ok(Flow::Continue);
    }
    record(env, step, TraceStatus::Error, condition, None, Some(&e));
    if step.on_failure.is_empty() {
        return Err(e);
    }
    // the processor's own `OnFailureProcessor` lists the processor itself, not its condition
    let e = label(e, &step.processor_type, step, doc);
    run_on_failure(&step.on_failure, e, doc, env)
}

fn record(
    env: &Env,
    step: &Step,
    status: TraceStatus,
    condition: Option<(&str, bool)>,
    doc: Option<&IngestDocument>,
    error: Option<&ProcessorError>,
) {
    if let Some(trace) = &env.trace {
        trace.borrow_mut().push(TraceEntry {
            processor_type: step.processor_type.clone(),
            tag: step.tag.clone(),
            description: step.description.clone(),
            status,
            condition: condition.map(|(s, b)| (s.to_string(), b)),
            doc: doc.cloned(),
            error: error.cloned(),
            position: step.position.clone(),
        });
    }
}

/// Runs an `if` condition on a read-only view of the document.
pub fn evaluate_condition(
    condition: &Condition,
    doc: &IngestDocument,
) -> Result<bool, ProcessorError> {
    condition
        .script
        .execute_condition(&doc.ctx)
        .map_err(script_error)
}

/// Converts a Painless failure into a processor failure with ES's exception body.
pub fn script_error(e: painless::PainlessError) -> ProcessorError {
    let body = e.to_es_json();
    let mut err = ProcessorError::new(
        body.get("type")
            .and_then(|t| t.as_str())
            .unwrap_or("script_exception"),
        body.get("reason")
            .and_then(|t| t.as_str())
            .unwrap_or("runtime error"),
    );
    if let serde_json::Value::Object(m) = body {
        for (k, v) in m {
            if k != "type" && k != "reason" {
                err.extra.insert(k, v);
            }
        }
    }
    err.root_cause_message = e.message();
    err
}

/// A simulate/run input document: `_source` plus metadata.
pub fn new_document(source: Map, metadata: Vec<(&str, Value)>) -> IngestDocument {
    IngestDocument::new(source, metadata, crate::document::now_timestamp())
}
