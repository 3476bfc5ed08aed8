//! `ingest-emu collect`: pull events from a source API and write them as the Elastic Agent hands
//! them to the ingest pipeline (or run them through the pipeline directly).

pub mod auth;
pub mod jwt;
pub mod okta;
pub mod paging;
pub mod state;

use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct CollectArgs {
    #[command(subcommand)]
    pub source: Source,
}

#[derive(clap::Subcommand, Debug)]
pub enum Source {
    /// Poll the Okta System Log API (/api/v1/logs) as the Okta integration's agent input does.
    Okta(Box<OktaArgs>),
}

#[derive(clap::Args, Debug, Clone)]
pub struct OktaArgs {
    /// The System Log API URL, e.g. https://dev-123456.okta.com/api/v1/logs.
    #[arg(long)]
    pub url: String,

    /// API token (SSWS): the name of the environment variable that holds it.
    #[arg(long, help_heading = "Authentication")]
    pub api_key_env: Option<String>,
    /// API token (SSWS): a file that holds it.
    #[arg(long, help_heading = "Authentication")]
    pub api_key_file: Option<PathBuf>,
    /// Okta Integration Network app: the API key given is the app's client secret (needs
    /// --client-id); tokens come from the org authorization server with scope okta.logs.read.
    #[arg(long, help_heading = "Authentication")]
    pub oin: bool,
    /// OAuth2 client secret (OIN app): environment variable name. Implies OIN mode.
    #[arg(long, help_heading = "Authentication")]
    pub client_secret_env: Option<String>,
    /// OAuth2 client secret (OIN app): file. Implies OIN mode.
    #[arg(long, help_heading = "Authentication")]
    pub client_secret_file: Option<PathBuf>,
    /// OAuth2 client id (service app or OIN app).
    #[arg(long, help_heading = "Authentication")]
    pub client_id: Option<String>,
    /// Okta domain URL for the token endpoint (default: scheme and host of --url).
    #[arg(long, help_heading = "Authentication")]
    pub okta_domain: Option<String>,
    /// Token endpoint (default: {okta-domain}/oauth2/v1/token, the org authorization server).
    #[arg(long, help_heading = "Authentication")]
    pub token_url: Option<String>,
    /// OAuth2 scopes, comma separated.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "okta.logs.read",
        help_heading = "Authentication"
    )]
    pub scopes: Vec<String>,
    /// Service app private key as a JWK (JSON): environment variable name.
    #[arg(long, help_heading = "Authentication")]
    pub jwk_json_env: Option<String>,
    /// Service app private key as a JWK (JSON) file, e.g. the credentials file Okta generated.
    #[arg(long, help_heading = "Authentication")]
    pub jwk_file: Option<PathBuf>,
    /// Service app private key as PEM (PKCS#8 or PKCS#1): environment variable name.
    #[arg(long, help_heading = "Authentication")]
    pub pem_env: Option<String>,
    /// Service app private key as a PEM file.
    #[arg(long, help_heading = "Authentication")]
    pub pem_file: Option<PathBuf>,

    /// Start time (RFC 3339) when there is no saved cursor.
    #[arg(long, conflicts_with = "initial_interval")]
    pub since: Option<String>,
    /// Without a saved cursor or --since, start this long ago (e.g. 24h, 30m, 7d).
    #[arg(long, default_value = "24h", value_parser = parse_duration)]
    pub initial_interval: Duration,
    /// End time (RFC 3339, exclusive); the run stops when it is reached.
    #[arg(long, conflicts_with = "follow")]
    pub until: Option<String>,
    /// Page size (Okta allows at most 1000).
    #[arg(long, default_value_t = 1000)]
    pub limit: u32,

    /// Where to write: a file, or `-` for stdout.
    #[arg(long, short = 'o', default_value = "-")]
    pub output: String,
    /// Cursor file: read at start, replaced after every page. With a file --output, the output is
    /// appended to (and cut back to the last committed page) instead of truncated.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Keep polling every --interval after reaching the end.
    #[arg(long)]
    pub follow: bool,
    /// Pause between polls with --follow.
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    pub interval: Duration,

    /// Add the `preserve_original_event` tag (the pipeline then keeps event.original).
    #[arg(long)]
    pub preserve_original_event: bool,
    /// Tags for every record, comma separated (the integration's default).
    #[arg(long, value_delimiter = ',', default_value = "forwarded,okta-system")]
    pub tags: Vec<String>,
    /// `_conf.remove_flattened_debug` for every record.
    #[arg(long)]
    pub remove_flattened_debug: bool,

    /// Run the records through this pipeline (file or directory) and write ECS documents.
    #[arg(long, short = 'p', help_heading = "Pipeline")]
    pub pipeline: Option<PathBuf>,
    /// The pipeline to run from a directory.
    #[arg(long, default_value = "default", help_heading = "Pipeline")]
    pub entry: String,
    /// Directory of MaxMind databases that replace the embedded test databases.
    #[arg(long, env = "INGEST_EMU_GEOIP_DIR", help_heading = "Pipeline")]
    pub geoip_dir: Option<PathBuf>,
    /// A uap-core regexes.yaml that replaces the bundled user-agent database.
    #[arg(long, help_heading = "Pipeline")]
    pub user_agent_regexes: Option<PathBuf>,

    /// Retries for 429, 5xx and connection errors per request.
    #[arg(long, default_value_t = 5)]
    pub max_retries: u32,
    /// HTTP timeout per request.
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Multiplies every wait (tests only).
    #[arg(
        long,
        default_value_t = 1.0,
        hide = true,
        overrides_with = "wait_scale"
    )]
    pub wait_scale: f64,
    /// Exit abruptly after writing page N, before saving the cursor (tests only).
    #[arg(long, hide = true)]
    pub crash_after_page: Option<u64>,
}

/// Go-style durations as the integration's settings use them: `24h`, `90s`, `1h30m`, `500ms`,
/// plus `d` for days.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty duration".into());
    }
    let mut total = 0f64;
    let mut rest = t;
    while !rest.is_empty() {
        let n = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| format!("duration {text:?} needs a unit (ms, s, m, h, d)"))?;
        let value: f64 = rest[..n]
            .parse()
            .map_err(|_| format!("invalid duration {text:?}"))?;
        rest = &rest[n..];
        let u = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = match &rest[..u] {
            "ms" => 0.001,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            "d" => 86400.0,
            other => return Err(format!("unknown unit {other:?} in duration {text:?}")),
        };
        total += value * unit;
        rest = &rest[u..];
    }
    Ok(Duration::from_secs_f64(total))
}

/// Entry point of `ingest-emu collect`; returns the exit code (0 ok, 1 collection failed,
/// 2 bad arguments or configuration).
pub fn run(args: CollectArgs) -> i32 {
    match args.source {
        Source::Okta(a) => okta::run(*a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("24h").unwrap(), Duration::from_secs(86400));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(
            parse_duration("7d").unwrap(),
            Duration::from_secs(7 * 86400)
        );
        assert!(parse_duration("10").is_err());
        assert!(parse_duration("10x").is_err());
    }
}
