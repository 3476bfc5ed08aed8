//! The `test` and `diff` subcommands.

use super::compare::{self, DiffKind, FieldDiff};
use super::diff::{render_problem, ColorChoice, Style};
use super::discovery::{self, Layout};
use super::report;
use super::runner::{self, DocFailure, FieldFailure, Problem, RunOptions, Status};
use crate::pipeline::Services;
use crate::value::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Exit codes.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(clap::Args, Debug, Clone, Default)]
#[command(
    after_help = "Layouts: <project>/pipelines/<suite>/ + test_data/<suite>/ + expected/<suite>/, or elastic-package's <package>/data_stream/<ds>/{elasticsearch/ingest_pipeline,_dev/test/pipeline}/.\nExit codes: 0 all passed (or skipped), 1 a test failed, 2 usage, configuration or pipeline load errors."
)]
pub struct TestArgs {
    /// Project roots, packages, data streams or single test files (default: the current directory).
    pub paths: Vec<PathBuf>,
    /// Write the -expected.json files from the actual results (then compare, which passes).
    #[arg(long)]
    pub generate: bool,
    /// Also write a report: junit=FILE or json=FILE (repeatable).
    #[arg(long = "report", value_name = "FORMAT=FILE")]
    pub reports: Vec<String>,
    /// Only list the discovered suites, test files and document counts.
    #[arg(long)]
    pub list: bool,
    /// Do not re-run failing documents to find which processor last changed each differing field.
    #[arg(long)]
    pub no_provenance: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Directory of MaxMind databases that override the embedded test databases.
    #[arg(long, value_name = "DIR")]
    pub geoip_dir: Option<PathBuf>,
    /// A regexes.yaml that replaces the bundled user-agent database.
    #[arg(long, value_name = "FILE")]
    pub user_agent_regexes: Option<PathBuf>,
}

#[derive(clap::Args, Debug, Clone, Default)]
#[command(after_help = "Exit codes: 0 identical, 1 different, 2 usage errors or unreadable files.")]
pub struct DiffArgs {
    /// Expected documents: a JSON document, an NDJSON file, or an {"expected": [...]} file.
    pub expected: PathBuf,
    /// Actual documents, in any of the same formats.
    pub actual: PathBuf,
    /// Ignore this field (dotted path) on both sides (repeatable).
    #[arg(long, value_name = "FIELD")]
    pub ignore: Vec<String>,
    /// Ignore FIELD on both sides but require the actual string value to match REGEX (repeatable).
    #[arg(long, value_name = "FIELD=REGEX")]
    pub dynamic: Vec<String>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

enum ReportKind {
    Junit,
    Json,
}

fn parse_reports(specs: &[String]) -> Result<Vec<(ReportKind, PathBuf)>, String> {
    specs
        .iter()
        .map(|spec| {
            let (kind, file) = spec.split_once('=').ok_or_else(|| {
                format!("--report {spec}: expected FORMAT=FILE (junit=FILE or json=FILE)")
            })?;
            if file.is_empty() {
                return Err(format!("--report {spec}: the file name is empty"));
            }
            let kind = match kind {
                "junit" | "xunit" => ReportKind::Junit,
                "json" => ReportKind::Json,
                other => {
                    return Err(format!(
                        "--report {spec}: unknown format `{other}` (use junit or json)"
                    ))
                }
            };
            Ok((kind, PathBuf::from(file)))
        })
        .collect()
}

pub fn run_test(args: TestArgs) -> i32 {
    let started = Instant::now();
    let style = Style::for_stdout(args.color);
    let reports = match parse_reports(&args.reports) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let suites = match discovery::discover(&args.paths) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    if args.list {
        return list(&suites);
    }
    let opts = RunOptions {
        generate: args.generate,
        provenance: !args.no_provenance,
        services: Arc::new(Services::new(
            args.geoip_dir.clone(),
            args.user_agent_regexes.clone(),
        )),
    };
    let mut results = Vec::new();
    for suite in &suites {
        let result = runner::run_suite(suite, &opts);
        if !result.errors.is_empty() {
            println!(
                "{} suite {}: the pipelines in {} cannot be used:",
                style.red("ERROR"),
                style.bold(&suite.name),
                suite.pipeline_dir.display()
            );
            for e in &result.errors {
                println!("  {e}");
            }
            println!();
        }
        for c in &result.cases {
            for w in &c.warnings {
                eprintln!("warning: {}/{}: {w}", c.suite, c.test);
            }
            if let Some(path) = &c.generated {
                println!("generated {}", path.display());
            }
            if matches!(c.status, Status::Fail | Status::Error) {
                let only_suite_error = c.status == Status::Error && !result.errors.is_empty();
                if only_suite_error {
                    continue;
                }
                println!(
                    "{} {} {}",
                    style.red(c.status.as_str()),
                    style.bold(&format!("{}/{}", c.suite, c.test)),
                    style.dim(&format!("({})", c.input.display()))
                );
                for (i, p) in c.problems.iter().enumerate() {
                    if i > 0 && matches!(p, Problem::Doc(_) | Problem::PipelineError { .. }) {
                        println!();
                    }
                    for line in render_problem(p, style).lines() {
                        println!("  {line}");
                    }
                }
                println!();
            }
        }
        results.push(result);
    }
    let elapsed = started.elapsed();
    print!("{}", report::table(&results, style));
    let totals = report::totals(&results);
    println!("{}", report::summary_line(&totals, elapsed));
    let mut code = if totals.errors > 0 || totals.suite_errors > 0 {
        EXIT_USAGE
    } else if totals.failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    };
    for (kind, file) in reports {
        let text = match kind {
            ReportKind::Junit => report::junit(&results),
            ReportKind::Json => report::json_report(&results, elapsed),
        };
        if let Err(e) = std::fs::write(&file, text) {
            eprintln!("error: cannot write report {}: {e}", file.display());
            code = EXIT_USAGE;
        }
    }
    code
}

fn list(suites: &[discovery::Suite]) -> i32 {
    let mut code = EXIT_OK;
    let (mut files, mut docs) = (0, 0);
    for suite in suites {
        println!(
            "{} ({} layout, entry pipeline `{}` in {}, _index {})",
            suite.name,
            match suite.layout {
                Layout::Project => "project",
                Layout::Package => "elastic-package",
            },
            suite.entry,
            suite.pipeline_dir.display(),
            suite.index
        );
        for p in &suite.problems {
            println!("  error: {p}");
            code = EXIT_USAGE;
        }
        for case in &suite.cases {
            files += 1;
            match runner::load_case(suite, &case.input) {
                Ok(loaded) => {
                    docs += loaded.docs.len();
                    let note = match &loaded.config.skip {
                        Some(s) => format!(" (skipped: {})", s.reason),
                        None => String::new(),
                    };
                    println!("  {}: {} documents{note}", case.name, loaded.docs.len());
                }
                Err(e) => {
                    println!("  {}: error: {e}", case.name);
                    code = EXIT_USAGE;
                }
            }
        }
    }
    println!(
        "{} suite{}, {} test file{}, {} documents",
        suites.len(),
        if suites.len() == 1 { "" } else { "s" },
        files,
        if files == 1 { "" } else { "s" },
        docs
    );
    code
}

/// Reads documents from a JSON document, an `{"expected": [...]}` file, a JSON array or NDJSON.
pub fn read_documents(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match json::parse(&text, json::Duplicates::LastWins) {
        Ok(Value::Map(m)) => {
            if m.len() == 1 {
                if let Some(list) = m.get("expected") {
                    return match list {
                        Value::Null => Ok(Vec::new()),
                        Value::List(items) => Ok(items.clone()),
                        _ => Err(format!("{}: \"expected\" must be an array", path.display())),
                    };
                }
            }
            Ok(vec![Value::Map(m)])
        }
        Ok(Value::List(items)) => Ok(items),
        Ok(_) => Err(format!("{}: expected JSON object(s)", path.display())),
        Err(whole) => {
            let mut docs = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match json::parse(line, json::Duplicates::LastWins) {
                    Ok(v @ (Value::Map(_) | Value::Null)) => docs.push(v),
                    Ok(_) => {
                        return Err(format!(
                            "{}:{}: a document must be a JSON object",
                            path.display(),
                            i + 1
                        ))
                    }
                    Err(e) => {
                        return Err(format!(
                            "{}: neither JSON ({whole}) nor NDJSON (line {}: {e})",
                            path.display(),
                            i + 1
                        ))
                    }
                }
            }
            Ok(docs)
        }
    }
}

pub fn run_diff(args: DiffArgs) -> i32 {
    let style = Style::for_stdout(args.color);
    let mut dynamic: Vec<(String, super::config::GoRegex)> = Vec::new();
    for spec in &args.dynamic {
        let Some((field, pattern)) = spec.split_once('=') else {
            eprintln!("error: --dynamic {spec}: expected FIELD=REGEX");
            return EXIT_USAGE;
        };
        match super::config::compile_go_regex(pattern) {
            Ok(re) => dynamic.push((field.to_string(), re)),
            Err(e) => {
                eprintln!("error: --dynamic {spec}: invalid regex: {e}");
                return EXIT_USAGE;
            }
        }
    }
    let (want, got) = match (read_documents(&args.expected), read_documents(&args.actual)) {
        (Ok(w), Ok(g)) => (w, g),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let strip = |docs: &[Value]| -> Vec<Value> {
        docs.iter()
            .map(|d| {
                let mut d = d.clone();
                for f in args.ignore.iter().chain(dynamic.iter().map(|(f, _)| f)) {
                    compare::delete_dotted(&mut d, f);
                }
                d
            })
            .collect()
    };
    let (w, g) = (strip(&want), strip(&got));
    let mut problems = Vec::new();
    if w.len() != g.len() {
        problems.push(Problem::Count {
            expected: w.len(),
            actual: g.len(),
        });
    }
    let mut differing = 0;
    let null = Value::Null;
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).unwrap_or(&null), g.get(i).unwrap_or(&null));
        if i < w.len() && i < g.len() && compare::equal(a, b) {
            continue;
        }
        differing += 1;
        let diffs =
            if a.is_null() || b.is_null() || !matches!((a, b), (Value::Map(_), Value::Map(_))) {
                vec![FieldDiff {
                    path: Vec::new(),
                    kind: if i >= w.len() {
                        DiffKind::Unexpected { actual: b.clone() }
                    } else if i >= g.len() {
                        DiffKind::Missing {
                            expected: a.clone(),
                        }
                    } else {
                        DiffKind::Changed {
                            expected: a.clone(),
                            actual: b.clone(),
                        }
                    },
                }]
            } else {
                compare::field_diffs(a, b)
            };
        problems.push(Problem::Doc(DocFailure {
            index: i,
            line: None,
            fields: diffs
                .into_iter()
                .map(|diff| FieldFailure {
                    diff,
                    provenance: None,
                })
                .collect(),
            expected_json: runner::canonical(a),
            actual_json: runner::canonical(b),
        }));
    }
    for (i, doc) in got.iter().enumerate() {
        for (field, re) in &dynamic {
            if let Some(Value::String(s)) = compare::get_dotted(doc, field) {
                if !re.is_match(s) {
                    problems.push(Problem::Dynamic {
                        index: i,
                        line: None,
                        field: field.clone(),
                        pattern: re.as_str().to_string(),
                        value: s.clone(),
                    });
                }
            }
        }
    }
    for p in &problems {
        print!("{}", render_problem(p, style));
    }
    if problems.is_empty() {
        println!("{} documents are identical", w.len());
        EXIT_OK
    } else {
        println!("{} of {} documents differ", differing, w.len().max(g.len()));
        EXIT_FAILED
    }
}
