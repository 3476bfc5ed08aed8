//! Field provenance: which processor last changed a field. The failing document is run again
//! with a trace (a snapshot after every processor); the last snapshot where the field's value
//! differs from the one before names the processor.

use super::compare::Seg;
use super::inputs::InputDoc;
use super::runner::new_ingest_document;
use crate::pipeline::{Flow, ProcessorError, Registry, TraceEntry, TraceStatus};
use crate::value::{Map, Value};

/// Runs `input` with a trace.
pub fn trace(
    registry: &Registry,
    entry: &str,
    index: &str,
    input: &InputDoc,
) -> (Result<Flow, ProcessorError>, Vec<TraceEntry>) {
    let mut doc = new_ingest_document(index, input);
    registry.execute_traced(entry, &mut doc)
}

/// `set tag=x at file:line: pipeline [p] processor [3]`.
pub fn describe_entry(e: &TraceEntry) -> String {
    let mut out = format!("[{}]", e.processor_type);
    if let Some(tag) = &e.tag {
        out.push_str(&format!(" tag={tag}"));
    }
    out.push_str(&format!(" at {}", e.position));
    out
}

fn value_in<'a>(ctx: &'a Map, path: &[Seg]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let Seg::Key(k) = first else { return None };
    let mut current = ctx.get(k)?;
    for seg in rest {
        current = match (seg, current) {
            (Seg::Key(k), Value::Map(m)) => m.get(k)?,
            (Seg::Index(i), Value::List(l)) => l.get(*i)?,
            (Seg::Index(i), Value::Set(s)) => *s.hash_order_items().get(*i)?,
            _ => return None,
        };
    }
    Some(current)
}

/// One explanation per path (the empty path is the whole document).
pub fn explain(
    registry: &Registry,
    entry: &str,
    index: &str,
    input: &InputDoc,
    paths: &[Vec<Seg>],
) -> Vec<String> {
    let (_, entries) = trace(registry, entry, index, input);
    paths
        .iter()
        .map(|path| explain_path(&input.source, &entries, path))
        .collect()
}

pub fn explain_path(initial: &Map, entries: &[TraceEntry], path: &[Seg]) -> String {
    if path.is_empty() {
        return match entries
            .iter()
            .rev()
            .find(|e| e.status == TraceStatus::Dropped)
        {
            Some(e) => format!("document dropped by {}", describe_entry(e)),
            None => match entries
                .iter()
                .rev()
                .find(|e| e.status == TraceStatus::Error)
            {
                Some(e) => format!("last failing processor: {}", describe_entry(e)),
                None => "the pipeline returned the document".into(),
            },
        };
    }
    let mut previous: Option<&Value> = value_in(initial, path);
    let in_input = previous.is_some();
    let mut last: Option<(&TraceEntry, bool)> = None;
    for e in entries {
        let Some(doc) = &e.doc else { continue };
        let current = value_in(&doc.ctx, path);
        if current != previous {
            last = Some((e, current.is_none()));
            previous = current;
        }
    }
    match last {
        Some((e, true)) => format!("removed by {}", describe_entry(e)),
        Some((e, false)) => format!("last changed by {}", describe_entry(e)),
        None if in_input => {
            "not changed by any processor (the value comes from the input document)".into()
        }
        None => "no processor wrote this field".into(),
    }
}
