use clap::{Parser, Subcommand};
use ingest_emu::harness;

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

#[derive(Subcommand)]
enum Command {
    /// Run golden-file pipeline tests (this project's layout or elastic-package's).
    Test(harness::TestArgs),
    /// Semantic diff of two documents, NDJSON files or {"expected": [...]} files.
    Diff(harness::DiffArgs),
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Test(args) => harness::run_test(args),
        Command::Diff(args) => harness::run_diff(args),
    };
    std::process::exit(code);
}
