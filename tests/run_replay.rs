//! `ingest-emu run` at scale: order, accounting, gzip, output file, and the corpus generator.

use ingest_emu::pipeline::{load_definitions, Registry, Services};
use ingest_emu::run::{run_streams, OutputFormat, RunOptions, Summary};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

const BIN: &str = env!("CARGO_BIN_EXE_ingest-emu");

/// Keeps documents with `keep`, drops the others, fails those whose `n` is not a number.
const PIPELINE: &str = "processors:
  - set: {field: seen, value: true}
  - convert: {field: n, type: integer, ignore_missing: true}
  - remove: {field: keep, on_failure: [{drop: {}}]}
";

const EMPTY: &str = "processors: []\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[derive(Default)]
struct Expected {
    input: String,
    /// `i` of every line that produces an output line (ok documents and failure records), in order.
    out_order: Vec<u64>,
    summary: Summary,
    malformed_lines: Vec<u64>,
}

/// `n` lines cycling through ok, dropped, failed, malformed, blank and non-object lines.
fn mixed_input(n: u64) -> Expected {
    let mut e = Expected::default();
    let mut line_no = 0;
    for i in 0..n {
        line_no += 1;
        let line = match i % 11 {
            0 | 2 | 3 | 5 | 7 | 8 => {
                e.out_order.push(i);
                e.summary.ok += 1;
                format!(
                    "{{\"keep\":1,\"i\":{i},\"pad\":\"{}\"}}",
                    "x".repeat((i % 97) as usize)
                )
            }
            1 | 9 => {
                e.summary.dropped += 1;
                format!("{{\"i\":{i}}}")
            }
            4 => {
                e.out_order.push(i);
                e.summary.failed += 1;
                format!("{{\"keep\":1,\"n\":\"x{i}\",\"i\":{i}}}")
            }
            6 => {
                e.summary.failed += 1;
                e.malformed_lines.push(line_no);
                format!("{{\"i\":{i}, broken")
            }
            _ => {
                // A blank line (not a document) then an array (malformed).
                e.input.push_str("  \n");
                line_no += 1;
                e.summary.failed += 1;
                e.malformed_lines.push(line_no);
                format!("[{i}]")
            }
        };
        e.input.push_str(&line);
        e.input.push('\n');
    }
    e.summary.input = e.summary.ok + e.summary.failed + e.summary.dropped;
    e
}

fn registry(dir: &Path, text: &str) -> Registry {
    let path = write(dir, "p.yml", text);
    let defs = load_definitions(&path).unwrap();
    let (registry, errors) = Registry::build(&defs, Arc::new(Services::new(None, None)));
    assert!(errors.is_empty(), "{errors:?}");
    registry
}

fn i_of(line: &str) -> u64 {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    v["i"].as_u64().unwrap()
}

fn check_library_run(jobs: usize, batch_size: usize, n: u64) {
    let dir = tempfile::tempdir().unwrap();
    let registry = registry(dir.path(), PIPELINE);
    let expected = mixed_input(n);
    let reader: Box<dyn BufRead + Send> =
        Box::new(std::io::Cursor::new(expected.input.clone().into_bytes()));
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let options = RunOptions {
        jobs,
        batch_size,
        ..RunOptions::default()
    };
    let summary = run_streams(
        &registry,
        "p",
        vec![("mixed".into(), reader)],
        &mut out,
        &mut errors,
        &options,
    )
    .unwrap();
    assert_eq!(summary, expected.summary);
    assert_eq!(summary.input, summary.ok + summary.failed + summary.dropped);

    // Output order: documents by `i`, failure records by their input line, interleaved as input.
    let out = String::from_utf8(out).unwrap();
    let mut got = Vec::new();
    let mut failures = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(input) = v.get("input") {
            failures += 1;
            assert_eq!(input["file"], "mixed");
            assert_eq!(v["processor_type"], "convert");
            // The failing line's own `i` is in the error reason.
            let reason = v["error"]["reason"].as_str().unwrap();
            let i: u64 = reason
                .trim_start_matches("unable to convert [x")
                .trim_end_matches("] to integer")
                .parse()
                .unwrap_or_else(|_| panic!("unexpected reason {reason}"));
            got.push(i);
        } else {
            assert_eq!(v["seen"], true);
            got.push(i_of(line));
        }
    }
    assert_eq!(got, expected.out_order, "output order differs");
    assert!(failures > 0);

    let errors = String::from_utf8(errors).unwrap();
    let reported: Vec<u64> = errors
        .lines()
        .map(|l| {
            assert!(l.starts_with("mixed:"), "{l}");
            assert!(l.contains("malformed input line skipped"), "{l}");
            l.split(':').nth(1).unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(reported, expected.malformed_lines);
}

#[test]
fn order_and_accounting_two_jobs_50k_lines() {
    check_library_run(2, 256, 50_000);
}

#[test]
fn order_and_accounting_with_tiny_chunks_and_many_jobs() {
    // Tiny chunks and more workers than cores make out-of-order completion frequent.
    check_library_run(8, 3, 20_000);
    check_library_run(1, 1, 2_000);
}

fn run_cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    cmd.stdin(if stdin.is_some() {
        std::process::Stdio::piped()
    } else {
        std::process::Stdio::null()
    });
    cmd.stdout(std::process::Stdio::piped());
    cmd.stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(data) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let data = data.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        });
    }
    child.wait_with_output().unwrap()
}

fn summary_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

fn gen_okta(dir: &Path, count: u64, seed: u64) -> PathBuf {
    let path = dir.join(format!("okta-{count}-{seed}.log"));
    let out = run_cli(
        &[
            "gen",
            "okta",
            "--count",
            &count.to_string(),
            "--seed",
            &seed.to_string(),
            "--output",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

#[test]
fn cli_raw_replay_of_generated_corpus_keeps_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = gen_okta(dir.path(), 50_000, 3);
    let pipeline = write(dir.path(), "empty.yml", EMPTY);
    let out = run_cli(
        &[
            "run",
            "--raw",
            "-q",
            "--jobs",
            "2",
            "-p",
            pipeline.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        summary_line(&out),
        "in: 50000 ok: 50000 failed: 0 dropped: 0"
    );
    let input = std::fs::read_to_string(&corpus).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut n = 0;
    for (line, record) in stdout.lines().zip(input.lines()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["message"].as_str(), Some(record));
        n += 1;
    }
    assert_eq!(n, 50_000);
    assert_eq!(stdout.lines().count(), 50_000);
}

#[test]
fn cli_mixed_input_stdin_exit_code_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = write(dir.path(), "p.yml", PIPELINE);
    let expected = mixed_input(5_000);
    let out = run_cli(
        &["run", "-j", "2", "-p", pipeline.to_str().unwrap(), "-"],
        Some(expected.input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "a failed document means exit 1");
    let s = expected.summary;
    assert_eq!(
        summary_line(&out),
        format!(
            "in: {} ok: {} failed: {} dropped: {}",
            s.input, s.ok, s.failed, s.dropped
        )
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!(
        "<stdin>:{}: malformed input line skipped",
        expected.malformed_lines[0]
    )));
}

#[test]
fn gzip_input_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = write(dir.path(), "p.yml", PIPELINE);
    let expected = mixed_input(3_000);
    let plain = write(dir.path(), "in.ndjson", &expected.input);
    // Two gzip members back to back, as `cat a.gz b.gz` produces.
    let gz = dir.path().join("in.ndjson.gz");
    {
        let half = expected.input.len() / 2;
        let cut = expected.input[..half].rfind('\n').unwrap() + 1;
        let mut f = std::fs::File::create(&gz).unwrap();
        for part in [&expected.input[..cut], &expected.input[cut..]] {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(part.as_bytes()).unwrap();
            f.write_all(&enc.finish().unwrap()).unwrap();
        }
    }
    let p = pipeline.to_str().unwrap();
    let from_plain = run_cli(&["run", "-p", p, "-j", "2", plain.to_str().unwrap()], None);
    let out_file = dir.path().join("out.ndjson");
    let from_gz = run_cli(
        &[
            "run",
            "-p",
            p,
            "-j",
            "2",
            "--output-file",
            out_file.to_str().unwrap(),
            gz.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(from_gz.status.code(), Some(1));
    assert!(from_gz.stdout.is_empty(), "documents go to the output file");
    let written = std::fs::read(&out_file).unwrap();
    // Failure records name their input file, so compare with the file name normalised.
    let normalise =
        |b: &[u8], name: &Path| String::from_utf8_lossy(b).replace(name.to_str().unwrap(), "INPUT");
    assert_eq!(
        normalise(&written, &gz),
        normalise(&from_plain.stdout, &plain)
    );
    assert_eq!(summary_line(&from_gz), summary_line(&from_plain));

    // Gzip on stdin is recognised by its magic bytes.
    let gz_bytes = std::fs::read(&gz).unwrap();
    let from_stdin = run_cli(&["run", "-p", p, "-"], Some(&gz_bytes));
    assert_eq!(summary_line(&from_stdin), summary_line(&from_plain));
}

#[test]
fn several_inputs_keep_their_names_and_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = write(dir.path(), "p.yml", PIPELINE);
    let a = write(dir.path(), "a.ndjson", "{\"keep\":1,\"i\":1}\nnope\n");
    let b = write(
        dir.path(),
        "b.ndjson",
        "\n{\"keep\":1,\"i\":2}\n{\"keep\":1,\"n\":\"z\"}\n",
    );
    let out = run_cli(
        &[
            "run",
            "-p",
            pipeline.to_str().unwrap(),
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "{\"i\":1,\"seen\":true}");
    assert_eq!(lines[1], "{\"i\":2,\"seen\":true}");
    let record: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(record["input"]["file"], b.to_str().unwrap());
    assert_eq!(record["input"]["line"], 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}:2: malformed input line skipped", a.display())));
    assert_eq!(summary_line(&out), "in: 4 ok: 2 failed: 2 dropped: 0");
}

#[test]
fn missing_input_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = write(dir.path(), "p.yml", EMPTY);
    let out = run_cli(
        &[
            "run",
            "-p",
            pipeline.to_str().unwrap(),
            "/nonexistent/x.ndjson",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open /nonexistent/x.ndjson"));
}

#[test]
fn generator_is_deterministic_per_seed() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read(gen_okta(dir.path(), 2_000, 11)).unwrap();
    let stdout = run_cli(&["gen", "okta", "--count", "2000", "--seed", "11"], None);
    assert_eq!(a, stdout.stdout, "same seed, same bytes (file or stdout)");
    let c = std::fs::read(gen_okta(dir.path(), 2_000, 12)).unwrap();
    assert_ne!(a, c);
    let text = String::from_utf8(a).unwrap();
    assert_eq!(text.lines().count(), 2_000);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["eventType"].is_string() && v["published"].is_string());
    }
}

#[test]
fn output_formats_bulk_and_simulate() {
    let dir = tempfile::tempdir().unwrap();
    let registry = registry(dir.path(), PIPELINE);
    for (format, expect) in [
        (
            OutputFormat::Bulk,
            "{\"index\":{\"_index\":\"logs\"}}\n{\"i\":1,\"seen\":true}\n",
        ),
        (OutputFormat::Source, "{\"i\":1,\"seen\":true}\n"),
    ] {
        let reader: Box<dyn BufRead + Send> =
            Box::new(std::io::Cursor::new(b"{\"keep\":1,\"i\":1}\n".to_vec()));
        let mut out = Vec::new();
        let options = RunOptions {
            output: format,
            index: "logs".into(),
            ..RunOptions::default()
        };
        run_streams(
            &registry,
            "p",
            vec![("x".into(), reader)],
            &mut out,
            &mut Vec::new(),
            &options,
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expect);
    }
    let reader: Box<dyn BufRead + Send> =
        Box::new(std::io::Cursor::new(b"{\"keep\":1,\"i\":1}\n".to_vec()));
    let mut out = Vec::new();
    let options = RunOptions {
        output: OutputFormat::Simulate,
        ..RunOptions::default()
    };
    run_streams(
        &registry,
        "p",
        vec![("x".into(), reader)],
        &mut out,
        &mut Vec::new(),
        &options,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["doc"]["_source"],
        serde_json::json!({"i": 1, "seen": true})
    );
}

#[test]
fn json_string_escaping_matches_jackson() {
    use ingest_emu::value::json::write_string;
    let mut all = String::new();
    for c in 0u8..0x80 {
        all.push(c as char);
    }
    all.push_str("é€😀");
    let mut out = String::new();
    write_string(&all, &mut out);
    let mut expected = String::from("\"");
    for c in all.chars() {
        match c {
            '"' => expected.push_str("\\\""),
            '\\' => expected.push_str("\\\\"),
            '\n' => expected.push_str("\\n"),
            '\r' => expected.push_str("\\r"),
            '\t' => expected.push_str("\\t"),
            '\u{8}' => expected.push_str("\\b"),
            '\u{c}' => expected.push_str("\\f"),
            c if (c as u32) < 0x20 => expected.push_str(&format!("\\u{:04X}", c as u32)),
            c => expected.push(c),
        }
    }
    expected.push('"');
    assert_eq!(out, expected);
}

#[test]
fn progress_lines_when_asked_and_quiet_silences_them() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = write(dir.path(), "p.yml", EMPTY);
    let run = |extra: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.args(["run", "-p", pipeline.to_str().unwrap()]);
        cmd.args(extra);
        cmd.stdin(std::process::Stdio::piped());
        cmd.stdout(std::process::Stdio::null());
        cmd.stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // Keep the input open past one 2 s status interval.
        for i in 0..100 {
            writeln!(stdin, "{{\"i\":{i}}}").unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(2600));
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    let stderr = run(&["--progress", "-"]);
    let status: Vec<&str> = stderr.lines().filter(|l| l.contains(" docs/s")).collect();
    assert!(!status.is_empty(), "no status line in {stderr:?}");
    assert!(status[0].contains("100 docs"), "{stderr:?}");
    assert!(stderr.ends_with("in: 100 ok: 100 failed: 0 dropped: 0\n"));
    let quiet = run(&["--progress", "-q", "-"]);
    assert_eq!(quiet, "in: 100 ok: 100 failed: 0 dropped: 0\n");
}

/// `--stats`: per-processor runs, skips and failures add up across workers, like Elasticsearch's
/// ingest stats (`count` is runs, `failed` counts failures whether or not `on_failure` handled
/// them).
#[test]
fn stats_count_every_processor_across_workers() {
    const STATS_PIPELINE: &str = "processors:
  - set: {field: seen, value: true}
  - set: {field: even, value: true, if: 'ctx.i % 2 == 0'}
  - convert: {field: n, type: integer, ignore_missing: true}
  - remove: {field: keep, on_failure: [{drop: {}}]}
";
    let dir = tempfile::tempdir().unwrap();
    let registry = registry(dir.path(), STATS_PIPELINE);
    let n = 5_000;
    let expected = mixed_input(n);
    let reader: Box<dyn BufRead + Send> =
        Box::new(std::io::Cursor::new(expected.input.clone().into_bytes()));
    let report = Arc::new(ingest_emu::pipeline::stats::StatsReport::default());
    let options = RunOptions {
        jobs: 2,
        batch_size: 64,
        stats: Some(report.clone()),
        ..RunOptions::default()
    };
    let summary = run_streams(
        &registry,
        "p",
        vec![("mixed".into(), reader)],
        &mut Vec::new(),
        &mut Vec::new(),
        &options,
    )
    .unwrap();
    assert_eq!(summary, expected.summary);

    // Lines that are documents, by kind (see `mixed_input`): kept, dropped, bad `n`.
    let docs: Vec<u64> = (0..n).filter(|i| ![6, 10].contains(&(i % 11))).collect();
    let bad_n = docs.iter().filter(|i| *i % 11 == 4).count() as u64;
    let dropped = docs.iter().filter(|i| [1, 9].contains(&(*i % 11))).count() as u64;
    let even = docs.iter().filter(|i| *i % 2 == 0).count() as u64;
    let total = docs.len() as u64;

    let rows = report.rows();
    let row = |path: &str| {
        rows.iter()
            .find(|(l, _)| l.path == path)
            .unwrap_or_else(|| panic!("no row {path}: {rows:?}"))
            .1
    };
    let runs_skipped_failed = |path| {
        let c = row(path);
        (c.runs, c.skipped, c.failed)
    };
    assert_eq!(runs_skipped_failed("[0]"), (total, 0, 0));
    assert_eq!(runs_skipped_failed("[1]"), (even, total - even, 0));
    assert_eq!(runs_skipped_failed("[2]"), (total, 0, bad_n));
    // a bad `n` ends the pipeline before `remove`; a missing `keep` fails it and drops
    assert_eq!(runs_skipped_failed("[3]"), (total - bad_n, 0, dropped));
    let on_failure = rows
        .iter()
        .find(|(l, _)| l.processor_type == "drop")
        .expect("the on_failure drop has a row");
    assert_eq!(on_failure.1.runs, dropped);
    assert_eq!(report.documents().0, total);
    assert!(rows.iter().all(|(_, c)| c.time <= report.documents().1));

    let table = report.render();
    assert!(
        table.starts_with(&format!("processor stats: {total} documents")),
        "{table}"
    );
    assert!(table.contains(" convert (p [2]"), "{table}");
}

#[test]
fn cli_stats_table_comes_before_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = write(dir.path(), "p.yml", PIPELINE);
    let out = run_cli(
        &[
            "run",
            "-q",
            "--stats",
            "-p",
            pipeline.to_str().unwrap(),
            "-",
        ],
        Some(b"{\"keep\":1,\"i\":1}\n{\"i\":2}\n"),
    );
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with("processor stats: 2 documents"),
        "{err}"
    );
    // the summary stays the last line
    assert_eq!(
        lines.last(),
        Some(&"in: 2 ok: 1 failed: 0 dropped: 1"),
        "{err}"
    );
    assert!(err.contains(" remove (p [2]"), "{err}");
    // without --stats there is no table
    let out = run_cli(
        &["run", "-q", "-p", pipeline.to_str().unwrap(), "-"],
        Some(b"{\"keep\":1}\n"),
    );
    assert!(!String::from_utf8(out.stderr)
        .unwrap()
        .contains("processor stats"));
}
