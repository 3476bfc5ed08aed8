//! `ingest-emu run`: streams NDJSON through a pipeline on every core, writing results in input order
//! with bounded memory.
//!
//! The work is a three-stage pipeline rather than stop-and-go batches, so that no core waits for the
//! slowest document of a batch:
//!
//! ```text
//! reader thread ──chunks──▶ N worker threads ──rendered chunks──▶ writer (calling thread)
//!        ▲                                                            │
//!        └──────────────────────── tokens ────────────────────────────┘
//! ```
//!
//! The reader cuts the input into chunks of lines; each worker turns a whole chunk into its rendered
//! output bytes; the writer puts chunks back in sequence order. A fixed pool of tokens bounds the
//! number of chunks in flight (read but not yet written), which bounds memory whatever the input size
//! and however unevenly documents cost.

use crate::document::{is_metadata_key, IngestDocument};
use crate::pipeline::stats::{ProcessorStats, StatsReport};
use crate::pipeline::{new_document, Flow, ProcessorError, Registry};
use crate::value::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// The resulting `_source`, one JSON object per line.
    Source,
    /// `_bulk` action and source lines.
    Bulk,
    /// One simulate-style `{"doc": ...}` object per line.
    Simulate,
}

/// How `run` reports progress on stderr while it works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    Off,
    /// A redrawn one-line bar (for a terminal).
    Bar,
    /// A status line every so often (for logs).
    Lines(Duration),
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub raw: bool,
    pub output: OutputFormat,
    /// `_index` given to input documents.
    pub index: String,
    /// Lines per chunk handed to a worker.
    pub batch_size: usize,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    pub progress: ProgressMode,
    /// Where workers leave their per-processor counts and times (`--stats`); none are kept
    /// without it.
    pub stats: Option<Arc<StatsReport>>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            raw: false,
            output: OutputFormat::Source,
            index: "_index".into(),
            batch_size: 256,
            jobs: 0,
            progress: ProgressMode::Off,
            stats: None,
        }
    }
}

impl RunOptions {
    /// The number of worker threads `jobs` stands for.
    pub fn worker_count(&self) -> usize {
        if self.jobs > 0 {
            self.jobs
        } else {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
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

/// One named input stream.
pub struct Input {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
    /// For pipes and terminals: set while the last read from the source came back short, i.e. the
    /// producer is slower than us. Lines are then passed on at once instead of waiting for a full
    /// chunk, so a live stream (`tail -f | ingest-emu run -`) does not stall.
    pub live: Option<Arc<AtomicBool>>,
}

/// The inputs of a run, with what progress reporting needs to know about them.
pub struct Inputs {
    pub inputs: Vec<Input>,
    /// Sum of the on-disk sizes, when every input is a regular file.
    pub total_bytes: Option<u64>,
    /// On-disk bytes consumed so far (compressed bytes for `.gz` files), updated as inputs are read.
    pub consumed: Arc<AtomicU64>,
}

/// Counts the bytes read through it into a shared counter.
struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
    live: Option<Arc<AtomicBool>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        if let Some(live) = &self.live {
            live.store(n < buf.len(), Ordering::Relaxed);
        }
        Ok(n)
    }
}

const READ_BUFFER: usize = 1 << 16;

/// Opens `names` (`-` is stdin). Gzip input is recognised by its magic bytes, so `.gz` files and
/// gzipped stdin both work; concatenated gzip members (as `cat a.gz b.gz` makes) are read through.
/// Errors name the file.
pub fn open_inputs(names: &[String]) -> Result<Inputs, String> {
    let consumed = Arc::new(AtomicU64::new(0));
    let mut total = Some(0u64);
    let mut inputs = Vec::new();
    for name in names {
        let (label, raw, regular): (String, Box<dyn Read + Send>, bool) = if name == "-" {
            total = None;
            ("<stdin>".into(), Box::new(std::io::stdin()), false)
        } else {
            let file = std::fs::File::open(name).map_err(|e| format!("cannot open {name}: {e}"))?;
            let regular = match file.metadata() {
                Ok(m) if m.is_file() => {
                    total = total.map(|t| t + m.len());
                    true
                }
                _ => {
                    total = None;
                    false
                }
            };
            (name.clone(), Box::new(file), regular)
        };
        let live = (!regular).then(|| Arc::new(AtomicBool::new(false)));
        let counted = Counting {
            inner: raw,
            counter: consumed.clone(),
            live: live.clone(),
        };
        inputs.push(Input {
            name: label,
            reader: maybe_gunzip(BufReader::with_capacity(READ_BUFFER, counted))
                .map_err(|e| format!("cannot read {name}: {e}"))?,
            live,
        });
    }
    Ok(Inputs {
        inputs,
        total_bytes: total,
        consumed,
    })
}

fn maybe_gunzip<R: BufRead + Send + 'static>(
    mut reader: R,
) -> std::io::Result<Box<dyn BufRead + Send>> {
    let head = reader.fill_buf()?;
    if head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        Ok(Box::new(BufReader::with_capacity(READ_BUFFER, decoder)))
    } else {
        Ok(Box::new(reader))
    }
}

/// Streams every reader through pipeline `entry` (no progress size known).
pub fn run_streams(
    registry: &Registry,
    entry: &str,
    inputs: Vec<(String, Box<dyn BufRead + Send>)>,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    options: &RunOptions,
) -> std::io::Result<Summary> {
    let inputs = Inputs {
        inputs: inputs
            .into_iter()
            .map(|(name, reader)| Input {
                name,
                reader,
                live: None,
            })
            .collect(),
        total_bytes: None,
        consumed: Arc::new(AtomicU64::new(0)),
    };
    run_inputs(registry, entry, inputs, out, errors, options)
}

/// Lines of one input handed to a worker together. `data` holds the raw bytes; `lines` the
/// `(start, end, line number)` of each line without its terminator.
struct Chunk {
    seq: u64,
    /// Input bytes consumed when the chunk was cut: progress once it is written.
    consumed: u64,
    source: Arc<str>,
    data: Vec<u8>,
    lines: Vec<(usize, usize, u64)>,
}

/// A chunk rendered by a worker, ready to write.
#[derive(Default)]
struct Rendered {
    seq: u64,
    consumed: u64,
    out: String,
    errors: String,
    summary: Summary,
}

/// Chunks are cut at this many bytes even when they have fewer than `batch_size` lines.
const CHUNK_BYTES: usize = 1 << 19;

/// Streams `inputs` through pipeline `entry`, writing results to `out` in input order and
/// malformed-line reports (and, for bulk output, error records) to `errors`.
pub fn run_inputs(
    registry: &Registry,
    entry: &str,
    inputs: Inputs,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    options: &RunOptions,
) -> std::io::Result<Summary> {
    let workers = options.worker_count().max(1);
    let batch = options.batch_size.max(1);
    // Enough chunks in flight to keep every worker busy while the writer waits on a slow one.
    let in_flight = workers * 4;
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = token_tx.send(());
    }
    let (work_tx, work_rx) = sync_channel::<Chunk>(in_flight);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = channel::<Rendered>();
    let Inputs {
        inputs,
        total_bytes,
        consumed,
    } = inputs;
    let documents = AtomicU64::new(0);
    let written_bytes = AtomicU64::new(0);
    let finished = AtomicBool::new(false);

    std::thread::scope(|scope| {
        let counter = consumed.clone();
        let reader = scope
            .spawn(move || read_chunks(inputs, batch, options.raw, &counter, token_rx, work_tx));
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || {
                let stats = options.stats.as_ref().map(|_| ProcessorStats::default());
                loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    // Documents are already isolated from panics; this guards the rendering
                    // around them, since a lost chunk would stall the writer.
                    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        render_chunk(registry, entry, &chunk, options, stats.as_ref())
                    }))
                    .unwrap_or_else(|_| lost_chunk(&chunk));
                    if done_tx.send(rendered).is_err() {
                        break;
                    }
                }
                if let (Some(report), Some(stats)) = (&options.stats, stats) {
                    report.absorb(stats);
                }
            });
        }
        drop(done_tx);
        let progress = match options.progress {
            ProgressMode::Off => None,
            mode => {
                let (documents, finished, written) = (&documents, &finished, &written_bytes);
                Some(scope.spawn(move || {
                    report_progress(mode, total_bytes, written, documents, finished)
                }))
            }
        };

        let written = write_in_order(done_rx, token_tx, out, errors, &documents, &written_bytes);
        finished.store(true, Ordering::Relaxed);
        if let Some(p) = progress {
            let _ = p.join();
        }
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("input reader panicked")));
        let summary = written?;
        read?;
        out.flush()?;
        errors.flush()?;
        Ok(summary)
    })
}

/// The reader stage: cuts inputs into chunks. Each chunk waits for a token, which the writer returns
/// once it has written a chunk; when the writer is gone the reader stops.
fn read_chunks(
    inputs: Vec<Input>,
    batch: usize,
    raw: bool,
    consumed: &AtomicU64,
    tokens: Receiver<()>,
    work: std::sync::mpsc::SyncSender<Chunk>,
) -> std::io::Result<()> {
    let mut seq = 0;
    let send = |chunk: Chunk| -> bool { tokens.recv().is_ok() && work.send(chunk).is_ok() };
    for Input {
        name,
        mut reader,
        live,
    } in inputs
    {
        let source: Arc<str> = Arc::from(name.as_str());
        let new_chunk = |seq| Chunk {
            seq,
            consumed: 0,
            source: source.clone(),
            data: Vec::with_capacity(READ_BUFFER),
            lines: Vec::with_capacity(batch),
        };
        let mut chunk = new_chunk(seq);
        let mut number = 0u64;
        loop {
            let start = chunk.data.len();
            let n = reader
                .read_until(b'\n', &mut chunk.data)
                .map_err(|e| std::io::Error::new(e.kind(), format!("reading {name}: {e}")))?;
            if n == 0 {
                break;
            }
            number += 1;
            let mut end = chunk.data.len();
            if chunk.data[end - 1] == b'\n' {
                end -= 1;
                if end > start && chunk.data[end - 1] == b'\r' {
                    end -= 1;
                }
            }
            if !raw && chunk.data[start..end].iter().all(u8::is_ascii_whitespace) {
                chunk.data.truncate(start);
                continue;
            }
            chunk.lines.push((start, end, number));
            let waiting = live.as_ref().is_some_and(|l| l.load(Ordering::Relaxed));
            if chunk.lines.len() >= batch || chunk.data.len() >= CHUNK_BYTES || waiting {
                seq += 1;
                chunk.consumed = consumed.load(Ordering::Relaxed);
                if !send(std::mem::replace(&mut chunk, new_chunk(seq))) {
                    return Ok(());
                }
            }
        }
        if !chunk.lines.is_empty() {
            seq += 1;
            chunk.consumed = consumed.load(Ordering::Relaxed);
            if !send(chunk) {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The writer stage: restores input order, writes, and hands a token back per chunk written.
fn write_in_order(
    done: Receiver<Rendered>,
    tokens: std::sync::mpsc::SyncSender<()>,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    documents: &AtomicU64,
    written_bytes: &AtomicU64,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut pending: BTreeMap<u64, Rendered> = BTreeMap::new();
    // Chunk sequence numbers start at 0 and have no gaps.
    let mut next = 0u64;
    for rendered in done {
        pending.insert(rendered.seq, rendered);
        while let Some(r) = pending.remove(&next) {
            out.write_all(r.out.as_bytes())?;
            if !r.errors.is_empty() {
                errors.write_all(r.errors.as_bytes())?;
            }
            summary.input += r.summary.input;
            summary.ok += r.summary.ok;
            summary.failed += r.summary.failed;
            summary.dropped += r.summary.dropped;
            documents.store(summary.input, Ordering::Relaxed);
            written_bytes.store(r.consumed, Ordering::Relaxed);
            next += 1;
            let _ = tokens.send(());
        }
    }
    if !pending.is_empty() {
        // Only a worker that died mid-chunk leaves a gap.
        return Err(std::io::Error::other(format!(
            "internal error: {} chunk(s) were processed but never written",
            pending.len()
        )));
    }
    Ok(summary)
}

enum Outcome {
    Ok(Box<IngestDocument>),
    Dropped,
    Failed(ProcessorError),
    Malformed(String),
}

fn render_chunk(
    registry: &Registry,
    entry: &str,
    chunk: &Chunk,
    options: &RunOptions,
    stats: Option<&ProcessorStats>,
) -> Rendered {
    let mut r = Rendered {
        seq: chunk.seq,
        consumed: chunk.consumed,
        out: String::with_capacity(chunk.data.len() * 2),
        ..Rendered::default()
    };
    for &(start, end, number) in &chunk.lines {
        let bytes = &chunk.data[start..end];
        r.summary.input += 1;
        let outcome = match std::str::from_utf8(bytes) {
            Err(e) => Outcome::Malformed(format!("invalid UTF-8: {e}")),
            // A panic is a bug, but it costs one document, not the run.
            Ok(text) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                process_line(registry, entry, text, options, stats)
            }))
            .unwrap_or_else(|p| {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Outcome::Malformed(format!("internal error while processing: {msg}"))
            }),
        };
        match outcome {
            Outcome::Ok(doc) => {
                r.summary.ok += 1;
                write_document(&doc, &mut r.out, options.output);
            }
            Outcome::Dropped => r.summary.dropped += 1,
            Outcome::Failed(e) => {
                r.summary.failed += 1;
                let record = serde_json::json!({
                    "error": e.to_es_json(),
                    "processor_type": e.processor_type,
                    "processor_tag": e.processor_tag,
                    "input": {"file": &*chunk.source, "line": number},
                });
                let target = if options.output == OutputFormat::Bulk {
                    &mut r.errors
                } else {
                    &mut r.out
                };
                target.push_str(&record.to_string());
                target.push('\n');
            }
            Outcome::Malformed(msg) => {
                r.summary.failed += 1;
                use std::fmt::Write as _;
                let _ = writeln!(
                    r.errors,
                    "{}:{}: malformed input line skipped: {msg}",
                    chunk.source, number
                );
            }
        }
    }
    r
}

/// Stands in for a chunk whose rendering panicked: its lines count as failed and are reported.
fn lost_chunk(chunk: &Chunk) -> Rendered {
    let n = chunk.lines.len() as u64;
    let first = chunk.lines.first().map_or(0, |l| l.2);
    let last = chunk.lines.last().map_or(0, |l| l.2);
    Rendered {
        seq: chunk.seq,
        consumed: chunk.consumed,
        out: String::new(),
        errors: format!(
            "{}:{first}-{last}: internal error: {n} line(s) lost while rendering output\n",
            chunk.source
        ),
        summary: Summary {
            input: n,
            failed: n,
            ..Summary::default()
        },
    }
}

fn process_line(
    registry: &Registry,
    entry: &str,
    text: &str,
    options: &RunOptions,
    stats: Option<&ProcessorStats>,
) -> Outcome {
    let source = if options.raw {
        let mut m = Map::new();
        // Pipelines build the document's top level from here: room for a typical one up front.
        m.entries.reserve(28);
        m.insert("message", Value::String(text.to_string()));
        m
    } else {
        match Value::from_json_str(text) {
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
    let result = match stats {
        None => registry.execute(entry, &mut doc),
        Some(stats) => registry.execute_with_stats(entry, &mut doc, stats),
    };
    match result {
        Ok(Flow::Continue) => Outcome::Ok(Box::new(doc)),
        Ok(Flow::Drop) => Outcome::Dropped,
        Err(e) => Outcome::Failed(e),
    }
}

/// Writes the document's `_source` (its context without metadata keys) without copying it.
fn write_source(doc: &IngestDocument, out: &mut String, sets: json::SetOrder) {
    out.push('{');
    let mut first = true;
    for (k, v) in doc.ctx.iter().filter(|(k, _)| !is_metadata_key(k)) {
        if !first {
            out.push(',');
        }
        first = false;
        json::write_string(k, out);
        out.push(':');
        json::write(v, out, None, 1, sets);
    }
    out.push('}');
}

fn write_document(doc: &IngestDocument, out: &mut String, format: OutputFormat) {
    match format {
        OutputFormat::Source => write_source(doc, out, json::SetOrder::Hash),
        OutputFormat::Simulate => {
            let rendered = crate::simulate::render_document(doc);
            let mut wrapper = Map::with_kind(crate::value::CollectionKind::Linked);
            wrapper.insert("doc", rendered);
            json::write(&Value::Map(wrapper), out, None, 0, json::SetOrder::Hash);
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
            json::write(&Value::Map(line), out, None, 0, json::SetOrder::Hash);
            out.push('\n');
            write_source(doc, out, json::SetOrder::Native);
        }
    }
    out.push('\n');
}

/// Prints progress until `finished`: a redrawn bar or periodic lines.
fn report_progress(
    mode: ProgressMode,
    total: Option<u64>,
    written_bytes: &AtomicU64,
    documents: &AtomicU64,
    finished: &AtomicBool,
) {
    let start = Instant::now();
    let interval = match mode {
        ProgressMode::Lines(d) => d,
        _ => Duration::from_millis(250),
    };
    let mut last = Instant::now();
    let mut stderr = std::io::stderr();
    while !finished.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(50));
        if last.elapsed() < interval {
            continue;
        }
        last = Instant::now();
        let line = status_line(
            start.elapsed(),
            documents.load(Ordering::Relaxed),
            written_bytes.load(Ordering::Relaxed),
            total,
            mode == ProgressMode::Bar,
        );
        let _ = match mode {
            ProgressMode::Bar => write!(stderr, "\r\x1b[2K{line}"),
            _ => writeln!(stderr, "{line}"),
        };
        let _ = stderr.flush();
    }
    if mode == ProgressMode::Bar {
        let _ = write!(stderr, "\r\x1b[2K");
    }
}

/// One status line: documents, rate, bytes, and with a known size a percentage, bar and ETA.
pub fn status_line(
    elapsed: Duration,
    documents: u64,
    bytes: u64,
    total: Option<u64>,
    bar: bool,
) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    let mut s = String::new();
    if let Some(total) = total.filter(|&t| t > 0) {
        let frac = (bytes as f64 / total as f64).clamp(0.0, 1.0);
        if bar {
            let width = 30;
            let filled = (frac * width as f64).round() as usize;
            s.push('[');
            s.push_str(&"#".repeat(filled));
            s.push_str(&"-".repeat(width - filled));
            s.push_str("] ");
        }
        s.push_str(&format!("{:5.1}% ", frac * 100.0));
        s.push_str(&format!(
            "{documents} docs, {:.0} docs/s, {mb:.1}/{:.1} MB, {:.1} MB/s",
            documents as f64 / secs,
            total as f64 / 1e6,
            mb / secs
        ));
        if frac > 0.0 {
            let eta = secs * (1.0 - frac) / frac;
            s.push_str(&format!(", ETA {}", format_duration(eta)));
        }
    } else {
        s.push_str(&format!(
            "{documents} docs, {:.0} docs/s, {mb:.1} MB, {:.1} MB/s, {} elapsed",
            documents as f64 / secs,
            mb / secs,
            format_duration(secs)
        ));
    }
    s
}

fn format_duration(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}h{:02}m{:02}s", s / 3600, s / 60 % 60, s % 60)
    } else if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// Progress mode for the CLI: quiet wins; a terminal gets a bar; `--progress` asks for status lines.
pub fn choose_progress(quiet: bool, requested: bool) -> ProgressMode {
    if quiet {
        ProgressMode::Off
    } else if std::io::stderr().is_terminal() {
        ProgressMode::Bar
    } else if requested {
        ProgressMode::Lines(Duration::from_secs(2))
    } else {
        ProgressMode::Off
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_line_with_and_without_size() {
        let s = status_line(
            Duration::from_secs(2),
            1000,
            5_000_000,
            Some(10_000_000),
            true,
        );
        assert!(s.starts_with("[###############---------------]  50.0% 1000 docs"));
        assert!(s.contains("500 docs/s"));
        assert!(s.ends_with("ETA 2s"));
        let s = status_line(Duration::from_secs(90), 10, 1_000_000, None, false);
        assert_eq!(s, "10 docs, 0 docs/s, 1.0 MB, 0.0 MB/s, 1m30s elapsed");
    }
}
