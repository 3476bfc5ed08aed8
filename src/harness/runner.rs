//! Running suites: compile the pipelines once per suite, run every input document through the
//! entry pipeline like a non-verbose `_simulate` (in parallel, order kept), and compare.

use super::compare::{self, DiffKind, FieldDiff, Seg};
use super::config::{self, Skip, TestConfig};
use super::discovery::{Layout, Suite};
use super::generate;
use super::inputs::{self, InputDoc};
use super::provenance;
use crate::pipeline::{self, Flow, ProcessorError, Registry, Services};
use crate::value::{json, Value};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail,
    Skip,
    /// The test could not run (configuration, pipeline load or input problems).
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Skip => "SKIP",
            Status::Error => "ERROR",
        }
    }
}

/// A differing field and the processor that last changed it.
#[derive(Debug, Clone)]
pub struct FieldFailure {
    pub diff: FieldDiff,
    pub provenance: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DocFailure {
    /// 0-based position in the `expected` array.
    pub index: usize,
    pub line: Option<usize>,
    pub fields: Vec<FieldFailure>,
    /// Canonical JSON (sorted keys, 4-space indentation) of both sides, dynamic fields removed.
    pub expected_json: String,
    pub actual_json: String,
}

#[derive(Debug, Clone)]
pub enum Problem {
    /// A problem that prevented the test from running.
    Error(String),
    /// A failure not tied to one document.
    Failure(String),
    Count {
        expected: usize,
        actual: usize,
    },
    Doc(DocFailure),
    /// The document failed in the pipeline (simulate would return an error for it).
    PipelineError {
        index: usize,
        line: Option<usize>,
        error: serde_json::Value,
        at: Option<String>,
    },
    /// The resulting document carries `error.message`.
    UnexpectedError {
        index: usize,
        line: Option<usize>,
        message: String,
    },
    Dynamic {
        index: usize,
        line: Option<usize>,
        field: String,
        pattern: String,
        value: String,
    },
}

#[derive(Debug, Clone)]
pub struct CaseResult {
    pub suite: String,
    pub test: String,
    pub input: PathBuf,
    pub documents: usize,
    pub status: Status,
    pub time: Duration,
    pub skip: Option<Skip>,
    pub problems: Vec<Problem>,
    /// Config warnings (unknown keys).
    pub warnings: Vec<String>,
    pub generated: Option<PathBuf>,
}

impl CaseResult {
    /// Documents that matched their expected document, when the comparison ran.
    pub fn matched(&self) -> Option<usize> {
        if self.problems.iter().any(|p| {
            matches!(
                p,
                Problem::Error(_) | Problem::Failure(_) | Problem::Count { .. }
            )
        }) {
            return None;
        }
        let mut bad = std::collections::BTreeSet::new();
        for p in &self.problems {
            match p {
                Problem::Doc(d) => {
                    bad.insert(d.index);
                }
                Problem::PipelineError { index, .. }
                | Problem::UnexpectedError { index, .. }
                | Problem::Dynamic { index, .. } => {
                    bad.insert(*index);
                }
                _ => {}
            }
        }
        Some(self.documents.saturating_sub(bad.len()))
    }
}

#[derive(Debug, Clone)]
pub struct SuiteResult {
    pub name: String,
    pub layout: Layout,
    /// Problems that stopped the whole suite (pipelines that do not load...).
    pub errors: Vec<String>,
    pub cases: Vec<CaseResult>,
}

pub struct RunOptions {
    pub generate: bool,
    pub provenance: bool,
    pub services: Arc<Services>,
}

/// Inputs of one case after config and parsing.
pub struct LoadedCase {
    pub config: TestConfig,
    pub docs: Vec<InputDoc>,
}

/// Reads a case's config and input documents.
pub fn load_case(suite: &Suite, input: &Path) -> Result<LoadedCase, String> {
    let config = config::load(&config::config_files_for(input))?;
    let docs = if config.skip.is_some() {
        Vec::new()
    } else {
        inputs::read_inputs(input, &config, suite.layout == Layout::Project)?
    };
    Ok(LoadedCase { config, docs })
}

/// Compiles the suite's pipelines; every load error is returned.
pub fn load_registry(suite: &Suite, services: Arc<Services>) -> Result<Registry, Vec<String>> {
    let mut defs =
        pipeline::load_definitions(&suite.pipeline_dir).map_err(|e| vec![e.to_string()])?;
    if !suite.default_pipeline_additions.is_empty() {
        if let Some(def) = defs
            .iter_mut()
            .find(|d| d.id == super::routing_rules::PIPELINE_ID)
        {
            def.append_processors(&suite.default_pipeline_additions);
        }
    }
    let (registry, errors) = Registry::build(&defs, services);
    if !errors.is_empty() {
        return Err(errors.iter().map(|e| e.to_string()).collect());
    }
    if registry.get(&suite.entry).is_none() {
        return Err(vec![format!(
            "entry pipeline [{}] not found in {} (pipelines: {})",
            suite.entry,
            suite.pipeline_dir.display(),
            registry.ids().join(", ")
        )]);
    }
    Ok(registry)
}

/// What the pipeline made of one input document.
pub enum Outcome {
    Doc(Value),
    Dropped,
    Failed(ProcessorError),
}

pub fn new_ingest_document(index: &str, input: &InputDoc) -> crate::document::IngestDocument {
    // Simulate defaults `_id` to "_id" and `_version` to `Versions.MATCH_ANY`
    // (ES `SimulatePipelineRequest.parseDocs`).
    pipeline::new_document(
        input.source.clone(),
        vec![
            ("_index", Value::String(index.to_string())),
            ("_id", Value::String("_id".into())),
            ("_version", Value::Long(-3)),
        ],
    )
}

pub fn run_document(registry: &Registry, entry: &str, index: &str, input: &InputDoc) -> Outcome {
    let mut doc = new_ingest_document(index, input);
    match registry.execute(entry, &mut doc) {
        Ok(Flow::Continue) => Outcome::Doc(compare::to_wire(&Value::Map(doc.source()))),
        Ok(Flow::Drop) => Outcome::Dropped,
        Err(e) => Outcome::Failed(e),
    }
}

pub fn run_suite(suite: &Suite, opts: &RunOptions) -> SuiteResult {
    let mut result = SuiteResult {
        name: suite.name.clone(),
        layout: suite.layout,
        errors: suite.problems.clone(),
        cases: Vec::new(),
    };
    let base = |case: &super::discovery::Case| CaseResult {
        suite: suite.name.clone(),
        test: case.name.clone(),
        input: case.input.clone(),
        documents: 0,
        status: Status::Pass,
        time: Duration::ZERO,
        skip: None,
        problems: Vec::new(),
        warnings: Vec::new(),
        generated: None,
    };
    if let Some(skip) = &suite.skip {
        for case in &suite.cases {
            result.cases.push(CaseResult {
                status: Status::Skip,
                skip: Some(skip.clone()),
                ..base(case)
            });
        }
        return result;
    }
    let registry = if result.errors.is_empty() {
        match load_registry(suite, opts.services.clone()) {
            Ok(r) => Some(r),
            Err(errors) => {
                result.errors = errors;
                None
            }
        }
    } else {
        None
    };
    for case in &suite.cases {
        let start = Instant::now();
        let mut cr = base(case);
        match load_case(suite, &case.input) {
            Err(e) => {
                cr.status = Status::Error;
                cr.problems.push(Problem::Error(e));
            }
            Ok(loaded) => {
                cr.documents = loaded.docs.len();
                cr.warnings = loaded.config.warnings.clone();
                if let Some(skip) = &loaded.config.skip {
                    cr.status = Status::Skip;
                    cr.skip = Some(skip.clone());
                } else if let Some(registry) = &registry {
                    run_case(suite, case, &loaded, registry, opts, &mut cr);
                } else {
                    cr.status = Status::Error;
                    cr.problems.push(Problem::Error(format!(
                        "the pipelines of suite {} did not load ({} error{})",
                        suite.name,
                        result.errors.len(),
                        if result.errors.len() == 1 { "" } else { "s" }
                    )));
                }
            }
        }
        cr.time = start.elapsed();
        result.cases.push(cr);
    }
    result
}

/// Reads an expected file: `{"expected": [...]}` (null means no documents).
pub fn read_expected(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("reading test result file {} failed: {e}", path.display()))?;
    parse_expected(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse_expected(text: &str) -> Result<Vec<Value>, String> {
    let root = json::parse(text, json::Duplicates::LastWins)
        .map_err(|e| format!("unmarshalling expected test result failed: {e}"))?;
    let Value::Map(m) = root else {
        return Err("an expected file must be an object with an \"expected\" array".into());
    };
    let list = m.get("expected").or_else(|| {
        m.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("expected"))
            .map(|(_, v)| v)
    });
    match list {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::List(items)) => Ok(items.clone()),
        Some(_) => Err("\"expected\" must be an array".into()),
    }
}

fn run_case(
    suite: &Suite,
    case: &super::discovery::Case,
    loaded: &LoadedCase,
    registry: &Registry,
    opts: &RunOptions,
    cr: &mut CaseResult,
) {
    let outcomes: Vec<Outcome> = loaded
        .docs
        .par_iter()
        .map(|d| run_document(registry, &suite.entry, &suite.index, d))
        .collect();
    let actual: Vec<Value> = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Doc(v) => v.clone(),
            // A dropped document comes back as null; so does a failed one, whose simulate
            // entry has an error instead of a `doc`.
            Outcome::Dropped | Outcome::Failed(_) => Value::Null,
        })
        .collect();
    if opts.generate {
        match generate::write_expected(&case.expected, &actual, suite.escape_html) {
            Ok(()) => cr.generated = Some(case.expected.clone()),
            Err(e) => {
                cr.status = Status::Error;
                cr.problems.push(Problem::Error(e));
                return;
            }
        }
    }
    let line = |i: usize| loaded.docs.get(i).and_then(|d| d.line);
    let trace_at = |i: usize| -> Option<String> {
        let (_, trace) = provenance::trace(registry, &suite.entry, &suite.index, &loaded.docs[i]);
        trace
            .iter()
            .rev()
            .find(|t| t.status == pipeline::TraceStatus::Error)
            .map(provenance::describe_entry)
    };
    for (i, o) in outcomes.iter().enumerate() {
        if let Outcome::Failed(e) = o {
            cr.problems.push(Problem::PipelineError {
                index: i,
                line: line(i),
                error: e.to_es_json(),
                at: if opts.provenance { trace_at(i) } else { None },
            });
        }
    }
    match read_expected(&case.expected) {
        Err(e) => {
            if case.expected.exists() {
                cr.status = Status::Error;
                cr.problems.push(Problem::Error(e));
                return;
            }
            cr.problems.push(Problem::Failure(format!(
                "expected results file {} not found (run with --generate to create it)",
                case.expected.display()
            )));
        }
        Ok(expected) => {
            let strip = |docs: &[Value]| -> Vec<Value> {
                docs.iter()
                    .map(|d| {
                        let mut d = d.clone();
                        for (field, _) in &loaded.config.dynamic_fields {
                            compare::delete_dotted(&mut d, field);
                        }
                        d
                    })
                    .collect()
            };
            let want = strip(&expected);
            let got = strip(&actual);
            if want.len() != got.len() {
                cr.problems.push(Problem::Count {
                    expected: want.len(),
                    actual: got.len(),
                });
            }
            let differing: Vec<usize> = (0..want.len().max(got.len()))
                .filter(|&i| {
                    // a failed document is reported as a pipeline error
                    !matches!(outcomes.get(i), Some(Outcome::Failed(_)))
                        && !matches!((want.get(i), got.get(i)), (Some(w), Some(g)) if compare::equal(w, g))
                })
                .collect();
            // Provenance re-runs documents: do it in parallel too.
            let failures: Vec<Problem> = differing
                .into_par_iter()
                .map(|i| {
                    let (w, g) = (want.get(i), got.get(i));
                    let null = Value::Null;
                    let (w, g) = (w.unwrap_or(&null), g.unwrap_or(&null));
                    let diffs = if w.is_null() || g.is_null() {
                        vec![FieldDiff {
                            path: Vec::new(),
                            kind: if i >= want.len() {
                                DiffKind::Unexpected { actual: g.clone() }
                            } else if i >= got.len() {
                                DiffKind::Missing {
                                    expected: w.clone(),
                                }
                            } else {
                                DiffKind::Changed {
                                    expected: w.clone(),
                                    actual: g.clone(),
                                }
                            },
                        }]
                    } else {
                        compare::field_diffs(w, g)
                    };
                    let provenances: Vec<Option<String>> = if opts.provenance
                        && i < loaded.docs.len()
                    {
                        let paths: Vec<Vec<Seg>> = diffs.iter().map(|d| d.path.clone()).collect();
                        provenance::explain(
                            registry,
                            &suite.entry,
                            &suite.index,
                            &loaded.docs[i],
                            &paths,
                        )
                        .into_iter()
                        .map(Some)
                        .collect()
                    } else {
                        vec![None; diffs.len()]
                    };
                    Problem::Doc(DocFailure {
                        index: i,
                        line: line(i),
                        fields: diffs
                            .into_iter()
                            .zip(provenances)
                            .map(|(diff, provenance)| FieldFailure { diff, provenance })
                            .collect(),
                        expected_json: canonical(w),
                        actual_json: canonical(g),
                    })
                })
                .collect();
            cr.problems.extend(failures);
        }
    }
    for (i, doc) in actual.iter().enumerate() {
        if doc.is_null() {
            continue;
        }
        for (field, re) in &loaded.config.dynamic_fields {
            if let Some(Value::String(s)) = compare::get_dotted(doc, field) {
                if !re.is_match(s) {
                    cr.problems.push(Problem::Dynamic {
                        index: i,
                        line: line(i),
                        field: field.clone(),
                        pattern: re.as_str().to_string(),
                        value: s.clone(),
                    });
                }
            }
        }
        if let Some(message) = compare::error_message(doc) {
            cr.problems.push(Problem::UnexpectedError {
                index: i,
                line: line(i),
                message: match message {
                    Value::String(s) => s.clone(),
                    other => other.to_java_string(),
                },
            });
        }
    }
    if !cr.problems.is_empty() && cr.status == Status::Pass {
        cr.status = Status::Fail;
    }
}

/// Canonical JSON of a document for diffs: sorted keys, 4-space indentation, no HTML escaping.
pub fn canonical(v: &Value) -> String {
    let mut s = generate::go_json(v, 0, false);
    s.push('\n');
    s
}
