//! Per-processor figures of a run (`ingest-emu run --stats`): what Elasticsearch's ingest node
//! stats report per processor (`count`, `time_in_millis`, `failed`), plus how often an `if` kept a
//! processor from running, so that a pipeline author can see where the time of a replay goes.
//!
//! Each worker thread counts into its own [`ProcessorStats`] (no lock on the hot path) and hands
//! it to the shared [`StatsReport`] once, when it stops.

use super::Step;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Which processor: its pipeline, its place there, its type and tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepLabel {
    pub pipeline: String,
    /// `[3]`, `[81] > processor`, `[5] > on_failure[0]`.
    pub path: String,
    pub processor_type: String,
    pub tag: Option<String>,
    /// `file:line`, when the pipeline came from a file.
    pub source: Option<String>,
}

impl StepLabel {
    fn of(step: &Step) -> StepLabel {
        let p = &step.position;
        StepLabel {
            pipeline: p.pipeline.clone(),
            path: p.path.clone(),
            processor_type: step.processor_type.clone(),
            tag: step.tag.clone(),
            source: p.file.as_ref().map(|f| match p.line {
                Some(line) => format!("{f}:{line}"),
                None => f.clone(),
            }),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counters {
    /// Times the processor ran (its `if` passed, or it has none): Elasticsearch's `count`.
    pub runs: u64,
    /// Times its `if` was false.
    pub skipped: u64,
    /// Times it (or its `if`) failed, whether or not `on_failure` or `ignore_failure` handled it.
    pub failed: u64,
    /// Time in the step: its `if`, the processor, and for `pipeline` and `foreach` the
    /// processors they run.
    pub time: Duration,
}

impl Counters {
    fn add(&mut self, other: &Counters) {
        self.runs += other.runs;
        self.skipped += other.skipped;
        self.failed += other.failed;
        self.time += other.time;
    }
}

/// One worker's figures, by step. A step is keyed by its address, which stays put while the
/// registry that owns it lives (the whole run); its label is taken on first sight.
#[derive(Default)]
pub struct ProcessorStats {
    steps: RefCell<HashMap<usize, (StepLabel, Counters)>>,
    documents: RefCell<(u64, Duration)>,
}

impl ProcessorStats {
    fn with<R>(&self, step: &Step, f: impl FnOnce(&mut Counters) -> R) -> R {
        let mut steps = self.steps.borrow_mut();
        let entry = steps
            .entry(step as *const Step as usize)
            .or_insert_with(|| (StepLabel::of(step), Counters::default()));
        f(&mut entry.1)
    }

    /// A step whose `if` was false.
    pub fn skipped(&self, step: &Step) {
        self.with(step, |c| c.skipped += 1);
    }

    /// A step that failed (the processor or its `if`).
    pub fn failed(&self, step: &Step) {
        self.with(step, |c| c.failed += 1);
    }

    /// A step whose processor is about to run.
    pub fn ran(&self, step: &Step) {
        self.with(step, |c| c.runs += 1);
    }

    /// The time a step took since `started`.
    pub fn timed(&self, step: &Step, started: Instant) {
        let took = started.elapsed();
        self.with(step, |c| c.time += took);
    }

    /// A document through the entry pipeline, with the time it took.
    pub fn document(&self, started: Instant) {
        let mut d = self.documents.borrow_mut();
        d.0 += 1;
        d.1 += started.elapsed();
    }
}

/// The figures of all workers of a run.
#[derive(Debug, Default)]
pub struct StatsReport {
    inner: Mutex<Totals>,
}

#[derive(Debug, Default)]
struct Totals {
    steps: HashMap<StepLabel, Counters>,
    documents: u64,
    time: Duration,
}

impl StatsReport {
    /// Adds a worker's figures.
    pub fn absorb(&self, worker: ProcessorStats) {
        let mut totals = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        for (_, (label, c)) in worker.steps.into_inner() {
            totals.steps.entry(label).or_default().add(&c);
        }
        let (documents, time) = worker.documents.into_inner();
        totals.documents += documents;
        totals.time += time;
    }

    /// Every processor's figures, the most expensive first.
    pub fn rows(&self) -> Vec<(StepLabel, Counters)> {
        let totals = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut rows: Vec<(StepLabel, Counters)> =
            totals.steps.iter().map(|(l, c)| (l.clone(), *c)).collect();
        rows.sort_by(|a, b| b.1.time.cmp(&a.1.time).then_with(|| a.0.cmp(&b.0)));
        rows
    }

    /// Documents through the entry pipeline and the time they took, summed over workers.
    pub fn documents(&self) -> (u64, Duration) {
        let totals = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        (totals.documents, totals.time)
    }

    /// The table `run --stats` prints.
    pub fn render(&self) -> String {
        use std::fmt::Write;
        let (documents, total) = self.documents();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "processor stats: {documents} documents, {:.1} ms in pipelines (summed over workers)",
            ms(total)
        );
        let _ = writeln!(
            out,
            "{:>10} {:>6} {:>9} {:>9} {:>7}  processor",
            "time ms", "share", "runs", "skipped", "failed"
        );
        for (label, c) in self.rows() {
            let share = if total.is_zero() {
                0.0
            } else {
                100.0 * c.time.as_secs_f64() / total.as_secs_f64()
            };
            let tag = label
                .tag
                .as_ref()
                .map(|t| format!(" tag={t}"))
                .unwrap_or_default();
            let source = label
                .source
                .as_ref()
                .map(|s| format!(", {s}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:>10.1} {:>5.1}% {:>9} {:>9} {:>7}  {}{tag} ({} {}{source})",
                ms(c.time),
                share,
                c.runs,
                c.skipped,
                c.failed,
                label.processor_type,
                label.pipeline,
                label.path,
            );
        }
        out.push_str(
            "time: the processor with its `if`; `pipeline` and `foreach` include the processors \
             they run, so shares add up to more than 100 %\n",
        );
        out
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
