//! In-process benchmarks of the replay path on generated Okta records: JSON parse and write, `run`
//! on one thread with the empty pipeline (the floor) and with the Okta pipelines, and the time to
//! load and compile the Okta pipelines. `scripts/bench.sh` measures the same end to end.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ingest_emu::pipeline::{load_definitions, Registry, Services};
use ingest_emu::run::{run_streams, RunOptions};
use ingest_emu::value::Value;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

fn corpus(count: u64) -> Vec<u8> {
    let mut out = Vec::new();
    ingest_emu::gen::okta::write_corpus(&mut out, count, 42).unwrap();
    out
}

/// `(name, pipeline path, entry)` of the Okta pipelines present.
fn okta_pipelines() -> Vec<(&'static str, PathBuf, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let ours = root.join("pipelines/okta");
    if ours.is_dir() {
        found.push(("ours", ours, "default"));
    } else {
        eprintln!("note: pipelines/okta not found: our Okta pipeline is skipped");
    }
    let upstream =
        root.join("../shared/conformance/okta/data_stream/system/elasticsearch/ingest_pipeline");
    if upstream.is_dir() {
        found.push(("upstream", upstream, "default"));
    } else {
        eprintln!("note: ../shared not found: Elastic's Okta pipeline is skipped");
    }
    found
}

fn build(path: &Path) -> Option<Registry> {
    let defs = load_definitions(path).ok()?;
    let (registry, errors) = Registry::build(&defs, Arc::new(Services::new(None, None)));
    if errors.is_empty() {
        Some(registry)
    } else {
        eprintln!(
            "note: {} does not compile yet: {}",
            path.display(),
            errors[0]
        );
        None
    }
}

fn json(c: &mut Criterion) {
    let data = corpus(200);
    let text = String::from_utf8(data).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let parsed: Vec<Value> = lines
        .iter()
        .map(|l| Value::from_json_str(l).unwrap())
        .collect();
    let mut group = c.benchmark_group("json");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_200_okta_records", |b| {
        b.iter(|| {
            for l in &lines {
                std::hint::black_box(Value::from_json_str(l).unwrap());
            }
        })
    });
    group.bench_function("write_200_okta_records", |b| {
        b.iter(|| {
            for v in &parsed {
                std::hint::black_box(v.to_json());
            }
        })
    });
    group.finish();
}

fn run_once(registry: &Registry, entry: &str, data: &[u8]) {
    let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(data.to_vec()));
    let options = RunOptions {
        raw: true,
        jobs: 1,
        ..RunOptions::default()
    };
    let mut sink = std::io::sink();
    let summary = run_streams(
        registry,
        entry,
        vec![("bench".into(), reader)],
        &mut sink,
        &mut std::io::sink(),
        &options,
    )
    .unwrap();
    assert_eq!(summary.failed, 0);
}

fn run(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("ingest-emu-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let floor_path = dir.join("floor.yml");
    std::fs::write(&floor_path, "processors: []\n").unwrap();
    let floor = build(&floor_path).expect("the empty pipeline compiles");

    let data = corpus(500);
    let mut group = c.benchmark_group("run_1_thread");
    group.throughput(Throughput::Elements(500));
    group.bench_function(BenchmarkId::new("floor", 500), |b| {
        b.iter(|| run_once(&floor, "floor", &data))
    });
    for (name, path, entry) in okta_pipelines() {
        if let Some(registry) = build(&path) {
            group.bench_function(BenchmarkId::new(name, 500), |b| {
                b.iter(|| run_once(&registry, entry, &data))
            });
        }
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The first load in a process also compiles the bundled user-agent regexes (once per process), so
/// it is timed once here, before anything else builds a registry; criterion then times warm loads.
fn cold_load(_: &mut Criterion) {
    for (name, path, _) in okta_pipelines() {
        let start = std::time::Instant::now();
        if build(&path).is_some() {
            println!(
                "load/{name}: first load + compile in this process: {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

/// Loading and compiling, including the GeoIP databases (per registry); the bundled user-agent
/// database is compiled once per process and is warm here.
fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for (name, path, _) in okta_pipelines() {
        if build(&path).is_none() {
            continue;
        }
        group.bench_function(name, |b| {
            b.iter(|| std::hint::black_box(build(&path).unwrap()))
        });
    }
    group.finish();
}

fn config() -> Criterion {
    // Short runs keep `make bench` within a few minutes on two shared cores.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = cold_load, json, run, load
}
criterion_main!(benches);
