//! The `ingest-emu` command line: a thin clap layer over the library.
#![allow(clippy::result_large_err)]

use clap::{Parser, Subcommand, ValueEnum};
use ingest_emu::pipeline::{load_definitions, ConfigError, Definition, Registry, Services};
use ingest_emu::run::{OutputFormat, RunOptions};
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[global_allocator]
static GLOBAL: ingest_emu::allocator::MiMalloc = ingest_emu::allocator::MiMalloc;

#[derive(Parser)]
#[command(
    name = "ingest-emu",
    version,
    about = "Run Elasticsearch ingest pipelines offline"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct PipelineArgs {
    /// A pipeline file, or a directory of pipeline files (each file's base name is its id).
    #[arg(long, short = 'p')]
    pipeline: Option<PathBuf>,
    /// The pipeline to run from a directory.
    #[arg(long, default_value = "default")]
    entry: String,
    /// Directory of MaxMind databases that replace the embedded test databases.
    #[arg(long, env = "INGEST_EMU_GEOIP_DIR")]
    geoip_dir: Option<PathBuf>,
    /// A uap-core regexes.yaml that replaces the bundled user-agent database.
    #[arg(long)]
    user_agent_regexes: Option<PathBuf>,
}

impl PipelineArgs {
    /// A single pipeline file is its own entry; `--entry` picks from a directory.
    fn entry(&self) -> String {
        match &self.pipeline {
            Some(p) if p.is_file() => p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or(&self.entry)
                .to_string(),
            _ => self.entry.clone(),
        }
    }

    fn services(&self) -> Arc<Services> {
        Arc::new(Services::new(
            self.geoip_dir.clone(),
            self.user_agent_regexes.clone(),
        ))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Output {
    Source,
    Bulk,
    Simulate,
}

#[derive(Clone, Copy, ValueEnum)]
enum GenKind {
    /// Okta System Log records, as the Okta integration's pipeline tests use them.
    Okta,
}

#[derive(Subcommand)]
enum Command {
    /// Run golden-file pipeline tests (this project's layout or elastic-package's).
    Test(ingest_emu::harness::TestArgs),
    /// Semantic diff of two documents, NDJSON files or {"expected": [...]} files.
    Diff(ingest_emu::harness::DiffArgs),
    /// Run an Elasticsearch `_simulate` request and print ES's response.
    Simulate {
        #[command(flatten)]
        pipeline: PipelineArgs,
        /// Print processor_results for every processor, as `?verbose=true` does.
        #[arg(long)]
        verbose: bool,
        /// The request body file, or `-` for stdin.
        #[arg(default_value = "-")]
        request: String,
    },
    /// Stream NDJSON documents (one `_source` per line) through a pipeline.
    Run(RunArgs),
    /// Generate a deterministic synthetic corpus, one raw record per line (for `run --raw`).
    Gen {
        /// The kind of records.
        #[arg(value_enum)]
        kind: GenKind,
        /// Number of records.
        #[arg(long, default_value_t = 1000)]
        count: u64,
        /// Seed; the same seed always gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write to this file instead of stdout.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Evaluate one Painless script in the ingest context and print its typed result.
    Painless {
        /// Script parameters as a JSON object.
        #[arg(long)]
        params: Option<String>,
        /// The document `ctx` as a JSON object.
        #[arg(long)]
        ctx: Option<String>,
        /// Read JSONL `{"script", "params"?, "ctx"?}` from stdin; write one result per line.
        #[arg(long, conflicts_with = "script")]
        batch: bool,
        /// The script source; `-`, or none with input piped in, reads it from stdin.
        script: Option<String>,
    },
    /// Collect events from a source API (Okta System Log) as the Elastic Agent would.
    Collect(ingest_emu::collect::CollectArgs),
    /// Load and compile pipeline files or folders and list every error.
    Check {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, env = "INGEST_EMU_GEOIP_DIR")]
        geoip_dir: Option<PathBuf>,
    },
}

fn print_config_errors(errors: &[ConfigError]) {
    let first = &errors[0];
    println!(
        "{}",
        serde_json::to_string_pretty(&first.to_es_response()).unwrap_or_default()
    );
    for e in errors {
        eprintln!("error: {e}");
    }
}

fn load(args: &PipelineArgs) -> Result<Vec<Definition>, Vec<ConfigError>> {
    match &args.pipeline {
        Some(p) => load_definitions(p).map_err(|e| vec![e]),
        None => Ok(Vec::new()),
    }
}

fn read_input(name: &str) -> std::io::Result<String> {
    let mut text = String::new();
    if name == "-" {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(name)?;
    }
    Ok(text)
}

fn simulate(pipeline: PipelineArgs, verbose: bool, request: String) -> ExitCode {
    let text = match read_input(&request) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read request {request}: {e}");
            return ExitCode::from(2);
        }
    };
    let request = match ingest_emu::simulate::parse_request(&text) {
        Ok(r) => r,
        Err(e) => {
            print_config_errors(&[e]);
            return ExitCode::from(2);
        }
    };
    if request.pipeline.is_none() && pipeline.pipeline.is_none() {
        eprintln!("error: give --pipeline PATH or an inline \"pipeline\" in the request");
        return ExitCode::from(2);
    }
    let defs = match load(&pipeline) {
        Ok(d) => d,
        Err(errors) => {
            print_config_errors(&errors);
            return ExitCode::from(1);
        }
    };
    match ingest_emu::simulate::simulate(
        request,
        &defs,
        &pipeline.entry(),
        pipeline.services(),
        verbose,
    ) {
        Ok(response) => {
            // written by our JSON writer, which prints numbers as Jackson does (1.0E20, not 1e+20)
            let response = ingest_emu::value::Value::from_serde(&response);
            println!("{}", response.to_json_pretty());
            ExitCode::SUCCESS
        }
        Err(errors) => {
            print_config_errors(&errors);
            ExitCode::from(1)
        }
    }
}

#[derive(clap::Args)]
struct RunArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Treat each input line as raw text: the document is `{"message": line}`.
    #[arg(long)]
    raw: bool,
    #[arg(long, value_enum, default_value = "source")]
    output: Output,
    /// Number of worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// `_index` of the input documents.
    #[arg(long, default_value = "_index")]
    index: String,
    /// Write documents to this file instead of stdout.
    #[arg(long, short = 'o')]
    output_file: Option<PathBuf>,
    /// Print a status line every 2 s on stderr when it is not a terminal (a terminal gets a bar).
    #[arg(long)]
    progress: bool,
    /// No progress output (the final summary is still printed).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Print each processor's runs, skips, failures and time on stderr before the summary, the
    /// most expensive first (Elasticsearch's per-processor ingest stats).
    #[arg(long)]
    stats: bool,
    /// Input files (gzip is recognised and decompressed); `-` or nothing reads stdin.
    inputs: Vec<String>,
}

fn run(args: RunArgs) -> ExitCode {
    let RunArgs {
        pipeline,
        raw,
        output,
        jobs,
        index,
        output_file,
        progress,
        quiet,
        stats,
        inputs,
    } = args;
    let Some(_) = &pipeline.pipeline else {
        eprintln!("error: --pipeline PATH is required");
        return ExitCode::from(2);
    };
    let defs = match load(&pipeline) {
        Ok(d) => d,
        Err(errors) => {
            print_config_errors(&errors);
            return ExitCode::from(2);
        }
    };
    let (registry, errors) = Registry::build(&defs, pipeline.services());
    if !errors.is_empty() {
        print_config_errors(&errors);
        return ExitCode::from(2);
    }
    let entry = pipeline.entry();
    if registry.get(&entry).is_none() {
        eprintln!(
            "error: no pipeline [{}] in {} (available: {})",
            entry,
            pipeline
                .pipeline
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            registry.ids().join(", ")
        );
        return ExitCode::from(2);
    }
    let inputs = if inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        inputs
    };
    let inputs = match ingest_emu::run::open_inputs(&inputs) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let options = RunOptions {
        raw,
        output: match output {
            Output::Source => OutputFormat::Source,
            Output::Bulk => OutputFormat::Bulk,
            Output::Simulate => OutputFormat::Simulate,
        },
        index,
        jobs: jobs.unwrap_or(0),
        progress: ingest_emu::run::choose_progress(quiet, progress),
        stats: stats.then(Default::default),
        ..RunOptions::default()
    };
    let stdout = std::io::stdout();
    let sink: Box<dyn Write> = match &output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("error: cannot create {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(stdout.lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    let mut err = std::io::stderr();
    match ingest_emu::run::run_inputs(&registry, &entry, inputs, &mut out, &mut err, &options) {
        Ok(summary) => {
            if let Err(e) = out.flush() {
                eprintln!("error: writing output: {e}");
                return ExitCode::from(2);
            }
            // the summary stays the last line, which scripts read
            if let Some(report) = &options.stats {
                eprint!("{}", report.render());
            }
            eprintln!("{summary}");
            if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn gen(kind: GenKind, count: u64, seed: u64, output: Option<PathBuf>) -> ExitCode {
    let sink: Box<dyn Write> = match &output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("error: cannot create {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    let result = match kind {
        GenKind::Okta => ingest_emu::gen::okta::write_corpus(&mut out, count, seed),
    }
    .and_then(|_| out.flush());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn check(paths: Vec<PathBuf>, geoip_dir: Option<PathBuf>) -> ExitCode {
    let services = Arc::new(Services::new(geoip_dir, None).with_lint());
    let report = ingest_emu::check::check_paths(&paths, services);
    for e in &report.errors {
        println!("{e}");
    }
    if report.errors.is_empty() {
        println!("ok: {} pipelines compiled", report.pipelines);
        ExitCode::SUCCESS
    } else {
        println!(
            "{} error(s) in {} pipelines",
            report.errors.len(),
            report.pipelines
        );
        ExitCode::from(1)
    }
}

fn painless(
    params: Option<String>,
    ctx: Option<String>,
    batch: bool,
    script: Option<String>,
) -> ExitCode {
    use ingest_emu::painless::run_for_cli;
    let parse = |what: &str, text: Option<String>| -> Result<Option<serde_json::Value>, String> {
        text.map(|t| {
            serde_json::from_str(&t).map_err(|e| format!("--{what} is not valid JSON: {e}"))
        })
        .transpose()
    };
    if !batch {
        let (params, ctx) = match (parse("params", params), parse("ctx", ctx)) {
            (Ok(p), Ok(c)) => (p, c),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let source = match script {
            Some(source) if source != "-" => source,
            _ => {
                use std::io::{IsTerminal, Read};
                let mut stdin = std::io::stdin();
                if script.is_none() && stdin.is_terminal() {
                    eprintln!(
                        "error: no script: give it as an argument, or pipe it in (`ingest-emu painless - < script.painless`)"
                    );
                    return ExitCode::from(2);
                }
                let mut source = String::new();
                if let Err(e) = stdin.read_to_string(&mut source) {
                    eprintln!("error: cannot read the script from stdin: {e}");
                    return ExitCode::from(2);
                }
                source
            }
        };
        let result = run_for_cli(&source, params.as_ref(), ctx.as_ref());
        println!("{result}");
        return if result.get("error").is_some() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(req) => match req.get("script").and_then(|s| s.as_str()) {
                Some(script) => run_for_cli(script, req.get("params"), req.get("ctx")),
                None => {
                    serde_json::json!({"error": {"type": "illegal_argument_exception", "reason": format!("line {}: missing \"script\"", n + 1)}})
                }
            },
            Err(e) => {
                serde_json::json!({"error": {"type": "parse_exception", "reason": format!("line {}: {e}", n + 1)}})
            }
        };
        let _ = writeln!(out, "{result}");
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    ingest_emu::allocator::tune();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Usage errors exit 2 (help and version exit 0).
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Test(args) => ExitCode::from(ingest_emu::harness::run_test(args) as u8),
        Command::Diff(args) => ExitCode::from(ingest_emu::harness::run_diff(args) as u8),
        Command::Simulate {
            pipeline,
            verbose,
            request,
        } => simulate(pipeline, verbose, request),
        Command::Run(args) => run(args),
        Command::Gen {
            kind,
            count,
            seed,
            output,
        } => gen(kind, count, seed, output),
        Command::Check { paths, geoip_dir } => check(paths, geoip_dir),
        Command::Collect(args) => ExitCode::from(ingest_emu::collect::run(args) as u8),
        Command::Painless {
            params,
            ctx,
            batch,
            script,
        } => painless(params, ctx, batch, script),
    }
}
