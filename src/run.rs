//! `ingest-emu run`: streams NDJSON through a pipeline on every core, writing results in input order
//! with bounded memory (documents are processed in fixed-size batches).

use crate::document::IngestDocument;
use crate::pipeline::{new_document, Flow, ProcessorError, Registry};
use crate::value::{Map, Value};
use rayon::prelude::*;
use std::io::{BufRead, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// The resulting `_source`, one JSON object per line.
    Source,
    /// `_bulk` action and source lines.
    Bulk,
    /// One simulate-style `{"doc": ...}` object per line.
    Simulate,
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub raw: bool,
    pub output: OutputFormat,
    /// `_index` given to input documents.
    pub index: String,
    pub batch_size: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            raw: false,
            output: OutputFormat::Source,
            index: "_index".into(),
            batch_size: 2048,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub input: u64,
    pub ok: u64,
    pub failed: u64,
    pub dropped: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "in: {} ok: {} failed: {} dropped: {}",
            self.input, self.ok, self.failed, self.dropped
        )
    }
}

/// One input line with where it came from.
struct Line {
    source: String,
    number: u64,
    text: String,
}

enum Outcome {
    Ok(Box<IngestDocument>),
    Dropped,
    Failed(ProcessorError),
    Malformed(String),
}

/// Streams every reader through pipeline `entry`.
pub fn run_streams(
    registry: &Registry,
    entry: &str,
    inputs: Vec<(String, Box<dyn BufRead + Send>)>,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    options: &RunOptions,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut batch: Vec<Line> = Vec::with_capacity(options.batch_size);
    for (name, mut reader) in inputs {
        let mut number = 0;
        let mut buf = String::new();
        loop {
            buf.clear();
            let n = reader.read_line(&mut buf)?;
            if n == 0 {
                break;
            }
            number += 1;
            let text = buf.trim_end_matches(['\n', '\r']).to_string();
            if !options.raw && text.trim().is_empty() {
                continue;
            }
            batch.push(Line {
                source: name.clone(),
                number,
                text,
            });
            if batch.len() >= options.batch_size {
                process_batch(
                    registry,
                    entry,
                    &mut batch,
                    out,
                    errors,
                    options,
                    &mut summary,
                )?;
            }
        }
    }
    process_batch(
        registry,
        entry,
        &mut batch,
        out,
        errors,
        options,
        &mut summary,
    )?;
    out.flush()?;
    Ok(summary)
}

fn process_batch(
    registry: &Registry,
    entry: &str,
    batch: &mut Vec<Line>,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    options: &RunOptions,
    summary: &mut Summary,
) -> std::io::Result<()> {
    let outcomes: Vec<Outcome> = batch
        .par_iter()
        .map(|line| process_line(registry, entry, line, options))
        .collect();
    for (line, outcome) in batch.iter().zip(outcomes) {
        summary.input += 1;
        match outcome {
            Outcome::Ok(doc) => {
                summary.ok += 1;
                write_document(&doc, out, options.output)?;
            }
            Outcome::Dropped => summary.dropped += 1,
            Outcome::Failed(e) => {
                summary.failed += 1;
                let record = serde_json::json!({
                    "error": e.to_es_json(),
                    "processor_type": e.processor_type,
                    "processor_tag": e.processor_tag,
                    "input": {"file": line.source, "line": line.number},
                });
                if options.output == OutputFormat::Bulk {
                    writeln!(errors, "{record}")?;
                } else {
                    writeln!(out, "{record}")?;
                }
            }
            Outcome::Malformed(msg) => {
                summary.failed += 1;
                writeln!(
                    errors,
                    "{}:{}: malformed input line skipped: {msg}",
                    line.source, line.number
                )?;
            }
        }
    }
    batch.clear();
    Ok(())
}

fn process_line(registry: &Registry, entry: &str, line: &Line, options: &RunOptions) -> Outcome {
    let source = if options.raw {
        let mut m = Map::new();
        m.insert("message", Value::String(line.text.clone()));
        m
    } else {
        match Value::from_json_str(&line.text) {
            Ok(Value::Map(m)) => m,
            Ok(other) => {
                return Outcome::Malformed(format!(
                    "expected a JSON object, got {}",
                    other.java_class_name()
                ))
            }
            Err(e) => return Outcome::Malformed(e),
        }
    };
    let mut doc = new_document(
        source,
        vec![
            ("_index", Value::String(options.index.clone())),
            ("_version", Value::Long(-3)),
        ],
    );
    match registry.execute(entry, &mut doc) {
        Ok(Flow::Continue) => Outcome::Ok(Box::new(doc)),
        Ok(Flow::Drop) => Outcome::Dropped,
        Err(e) => Outcome::Failed(e),
    }
}

fn write_document(
    doc: &IngestDocument,
    out: &mut dyn Write,
    format: OutputFormat,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Source => writeln!(out, "{}", Value::Map(doc.source()).to_json()),
        OutputFormat::Simulate => {
            let rendered = crate::simulate::render_document(doc);
            let mut wrapper = Map::with_kind(crate::value::CollectionKind::Linked);
            wrapper.insert("doc", rendered);
            writeln!(out, "{}", Value::Map(wrapper).to_json())
        }
        OutputFormat::Bulk => {
            let mut action = Map::with_kind(crate::value::CollectionKind::Linked);
            for key in ["_index", "_id", "_routing"] {
                if let Some(v) = doc.ctx.get(key).filter(|v| !v.is_null()) {
                    action.insert(key, Value::String(v.to_java_string()));
                }
            }
            let mut line = Map::new();
            line.insert("index", Value::Map(action));
            writeln!(out, "{}", Value::Map(line).to_json())?;
            let mut source = String::new();
            crate::value::json::write(
                &Value::Map(doc.source()),
                &mut source,
                None,
                0,
                crate::value::json::SetOrder::Native,
            );
            writeln!(out, "{source}")
        }
    }
}
