//! Polls the Okta System Log API the way the Okta integration's httpjson input is configured:
//! `GET {url}?limit=1000&since={cursor.published or now - initial_interval}`, then the RFC 5988
//! `rel="next"` links until a page comes back empty (polling queries always carry a next link) or
//! no next link is given (bounded queries, with `until`). The cursor is the last event's
//! `published`.
//!
//! Exactly-once: Okta's `since` is inclusive, so a poll that starts at the cursor gets the events
//! published at that very millisecond again; the cursor keeps their `uuid`s and they are skipped.
//! With `--state` and a file `--output`, the state also records the output length after each
//! committed page, and a restart cuts the output back to it: a kill at any point neither loses
//! nor duplicates an event. To stdout, a kill between writing a page and saving the cursor can
//! repeat that page (at-least-once).

use super::auth::{Authenticator, Credentials, Secret};
use super::jwt::{parse_jwk, parse_pem};
use super::paging::{next_link, send, HttpFailure, Pacer, RateLimit};
use super::state::{OutputMark, State};
use super::OktaArgs;
use crate::pipeline::{load_definitions, Registry, Services};
use crate::run::{run_streams, RunOptions, Summary};
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

enum Fail {
    /// Bad arguments or configuration: exit 2.
    Usage(String),
}

pub fn run(args: OktaArgs) -> i32 {
    let mut collector = match Collector::new(args) {
        Ok(c) => c,
        Err(Fail::Usage(m)) => {
            eprintln!("error: {m}");
            return 2;
        }
    };
    let result = collector.run();
    collector.print_summary();
    match result {
        Ok(()) if collector.pipeline_summary.failed > 0 => 1,
        Ok(()) => 0,
        Err(m) => {
            eprintln!("error: {m}");
            1
        }
    }
}

fn read_secret(
    env_flag: &str,
    env: &Option<String>,
    file_flag: &str,
    file: &Option<PathBuf>,
) -> Result<Option<Secret>, Fail> {
    match (env, file) {
        (Some(_), Some(_)) => Err(Fail::Usage(format!(
            "give only one of --{env_flag} and --{file_flag}"
        ))),
        (Some(name), None) => match std::env::var(name) {
            Ok(v) if !v.trim().is_empty() => Ok(Some(Secret::new(v.trim().to_string()))),
            _ => Err(Fail::Usage(format!(
                "environment variable {name} (--{env_flag}) is not set or empty"
            ))),
        },
        (None, Some(path)) => match std::fs::read_to_string(path) {
            Ok(v) if !v.trim().is_empty() => Ok(Some(Secret::new(v.trim().to_string()))),
            Ok(_) => Err(Fail::Usage(format!(
                "{} (--{file_flag}) is empty",
                path.display()
            ))),
            Err(e) => Err(Fail::Usage(format!(
                "cannot read {} (--{file_flag}): {e}",
                path.display()
            ))),
        },
        (None, None) => Ok(None),
    }
}

/// `scheme://host[:port]` of a URL.
fn origin(url: &str) -> Option<&str> {
    let start = url.find("://")? + 3;
    let end = url[start..]
        .find(['/', '?', '#'])
        .map(|n| start + n)
        .unwrap_or(url.len());
    Some(&url[..end])
}

fn credentials(a: &OktaArgs) -> Result<Credentials, Fail> {
    let api_key = read_secret(
        "api-key-env",
        &a.api_key_env,
        "api-key-file",
        &a.api_key_file,
    )?;
    let client_secret = read_secret(
        "client-secret-env",
        &a.client_secret_env,
        "client-secret-file",
        &a.client_secret_file,
    )?;
    let key_sources = [
        a.jwk_json_env.is_some(),
        a.jwk_file.is_some(),
        a.pem_env.is_some(),
        a.pem_file.is_some(),
    ];
    if key_sources.iter().filter(|b| **b).count() > 1 {
        return Err(Fail::Usage(
            "give only one of --jwk-json-env, --jwk-file, --pem-env, --pem-file".into(),
        ));
    }
    let key =
        if let Some(k) = read_secret("jwk-json-env", &a.jwk_json_env, "jwk-file", &a.jwk_file)? {
            Some(parse_jwk(k.expose()).map_err(|e| Fail::Usage(format!("private key: {e}")))?)
        } else if let Some(k) = read_secret("pem-env", &a.pem_env, "pem-file", &a.pem_file)? {
            Some(parse_pem(k.expose()).map_err(|e| Fail::Usage(format!("private key: {e}")))?)
        } else {
            None
        };
    let domain = match &a.okta_domain {
        Some(d) => d.trim_end_matches('/').to_string(),
        None => origin(&a.url)
            .ok_or_else(|| Fail::Usage(format!("--url {:?} is not an absolute URL", a.url)))?
            .to_string(),
    };
    let token_url = a
        .token_url
        .clone()
        .unwrap_or_else(|| format!("{domain}/oauth2/v1/token"));
    let need_client_id = |mode: &str| {
        a.client_id
            .clone()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| Fail::Usage(format!("{mode} needs --client-id")))
    };
    let secret = match (client_secret, a.oin, api_key) {
        (Some(_), _, Some(_)) => {
            return Err(Fail::Usage(
                "give either a client secret or an API key, not both".into(),
            ))
        }
        (Some(s), _, None) => Some(s),
        (None, true, Some(k)) => Some(k),
        (None, true, None) => {
            return Err(Fail::Usage(
                "--oin needs the app's client secret (--api-key-env/--api-key-file or --client-secret-env/--client-secret-file)".into(),
            ))
        }
        (None, false, Some(k)) => {
            if key.is_some() {
                return Err(Fail::Usage(
                    "give either an API key or a private key, not both".into(),
                ));
            }
            return Ok(Credentials::ApiKey(k));
        }
        (None, false, None) => None,
    };
    match (secret, key) {
        (Some(_), Some(_)) => Err(Fail::Usage(
            "give either a client secret or a private key, not both".into(),
        )),
        (Some(secret), None) => Ok(Credentials::ClientSecret {
            client_id: need_client_id("OIN (client secret) authentication")?,
            token_url,
            scopes: a.scopes.clone(),
            secret,
        }),
        (None, Some(key)) => Ok(Credentials::PrivateKeyJwt {
            client_id: need_client_id("OAuth2 (private key) authentication")?,
            token_url,
            scopes: a.scopes.clone(),
            key: Box::new(key),
        }),
        (None, None) => Err(Fail::Usage(
            "no credentials: give an API token (--api-key-env/--api-key-file), a service app key (--client-id with --jwk-file/--jwk-json-env/--pem-file/--pem-env) or an OIN app secret (--client-id with --client-secret-env/--client-secret-file, or --oin with an API key)".into(),
        )),
    }
}

fn parse_time(flag: &str, text: &str) -> Result<(), Fail> {
    text.parse::<jiff::Timestamp>()
        .map(|_| ())
        .map_err(|e| Fail::Usage(format!("--{flag} {text:?} is not an RFC 3339 time: {e}")))
}

/// Where records (or documents) go.
enum Target {
    Stdout(std::io::Stdout),
    File { file: File, path: String },
}

impl Target {
    fn open(path: &str, state: Option<&State>) -> Result<Target, Fail> {
        if path == "-" {
            return Ok(Target::Stdout(std::io::stdout()));
        }
        let fail = |e: std::io::Error| Fail::Usage(format!("cannot open output {path}: {e}"));
        let Some(state) = state else {
            return Ok(Target::File {
                file: File::create(path).map_err(fail)?,
                path: path.into(),
            });
        };
        // Resuming: keep what was committed, drop what a killed run wrote after its last cursor.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(fail)?;
        let len = file.metadata().map_err(fail)?.len();
        if let Some(mark) = state.output.as_ref().filter(|m| m.path == path) {
            if len > mark.offset {
                eprintln!(
                    "collect: {path}: discarding {} bytes written after the last saved cursor",
                    len - mark.offset
                );
                file.set_len(mark.offset).map_err(fail)?;
            } else if len < mark.offset {
                eprintln!(
                    "collect: warning: {path} is shorter than when the cursor was saved ({len} < {} bytes); appending",
                    mark.offset
                );
            }
        }
        file.seek(SeekFrom::End(0)).map_err(fail)?;
        Ok(Target::File {
            file,
            path: path.into(),
        })
    }

    /// Writes one page and makes it durable; returns the file length (the committed offset).
    fn commit(&mut self, bytes: &[u8]) -> std::io::Result<Option<OutputMark>> {
        match self {
            Target::Stdout(out) => {
                let mut lock = out.lock();
                lock.write_all(bytes)?;
                lock.flush()?;
                Ok(None)
            }
            Target::File { file, path } => {
                file.write_all(bytes)?;
                file.sync_data()?;
                Ok(Some(OutputMark {
                    path: path.clone(),
                    offset: file.stream_position()?,
                }))
            }
        }
    }
}

struct Engine {
    registry: Registry,
    entry: String,
}

fn load_engine(a: &OktaArgs) -> Result<Option<Engine>, Fail> {
    let Some(path) = &a.pipeline else {
        return Ok(None);
    };
    let defs = load_definitions(path).map_err(|e| Fail::Usage(format!("pipeline: {e}")))?;
    let services = Arc::new(Services::new(
        a.geoip_dir.clone(),
        a.user_agent_regexes.clone(),
    ));
    let (registry, errors) = Registry::build(&defs, services);
    if let Some(e) = errors.first() {
        return Err(Fail::Usage(format!("pipeline: {e}")));
    }
    // A single file is its own entry, as in `ingest-emu run`.
    let entry = if path.is_file() {
        path.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(&a.entry)
            .to_string()
    } else {
        a.entry.clone()
    };
    if registry.get(&entry).is_none() {
        return Err(Fail::Usage(format!(
            "no pipeline [{entry}] in {} (available: {})",
            path.display(),
            registry.ids().join(", ")
        )));
    }
    Ok(Some(Engine { registry, entry }))
}

struct Collector {
    args: OktaArgs,
    agent: ureq::Agent,
    auth: Authenticator,
    pacer: Pacer,
    state: State,
    state_path: Option<PathBuf>,
    target: Target,
    engine: Option<Engine>,
    tags: Vec<String>,
    /// `since` of the first poll when there is no cursor.
    start: String,
    pages: u64,
    events: u64,
    duplicates: u64,
    pipeline_summary: Summary,
    last_rate_limit: RateLimit,
    /// The last poll failed in a way a later poll may not (server or network trouble).
    transient: bool,
}

impl Collector {
    fn new(args: OktaArgs) -> Result<Collector, Fail> {
        if origin(&args.url).is_none() {
            return Err(Fail::Usage(format!(
                "--url {:?} is not an absolute URL",
                args.url
            )));
        }
        if !(1..=1000).contains(&args.limit) {
            return Err(Fail::Usage("--limit must be between 1 and 1000".into()));
        }
        if let Some(s) = &args.since {
            parse_time("since", s)?;
        }
        if let Some(u) = &args.until {
            parse_time("until", u)?;
        }
        let creds = credentials(&args)?;
        let state = match &args.state {
            Some(p) => State::load(p).map_err(Fail::Usage)?,
            None => State::default(),
        };
        if state.cursor.is_some() && !state.url.is_empty() && state.url != args.url {
            return Err(Fail::Usage(format!(
                "state file {} holds the cursor of {}, not {}",
                args.state.as_deref().unwrap_or(Path::new("")).display(),
                state.url,
                args.url
            )));
        }
        let engine = load_engine(&args)?;
        let target = Target::open(&args.output, args.state.as_ref().map(|_| &state))?;
        let start = match &args.since {
            Some(s) => s.clone(),
            None => {
                let now = jiff::Timestamp::now().as_second();
                let secs = now - args.initial_interval.as_secs() as i64;
                jiff::Timestamp::from_second(secs)
                    .map_err(|e| Fail::Usage(format!("--initial-interval: {e}")))?
                    .strftime("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            }
        };
        let mut tags = Vec::new();
        if args.preserve_original_event {
            tags.push("preserve_original_event".to_string());
        }
        tags.extend(args.tags.iter().filter(|t| !t.is_empty()).cloned());
        eprintln!(
            "collect: okta {} with {}; since {}",
            args.url,
            creds.describe(),
            state
                .cursor
                .as_ref()
                .map(|c| format!("saved cursor {}", c.published))
                .unwrap_or_else(|| start.clone())
        );
        Ok(Collector {
            agent: ureq::AgentBuilder::new()
                .timeout(args.timeout)
                .user_agent(concat!("ingest-emu/", env!("CARGO_PKG_VERSION")))
                .build(),
            auth: Authenticator::new(creds),
            pacer: Pacer::new(args.wait_scale, args.max_retries),
            state_path: args.state.clone(),
            state,
            target,
            engine,
            tags,
            start,
            pages: 0,
            events: 0,
            duplicates: 0,
            pipeline_summary: Summary::default(),
            last_rate_limit: RateLimit::default(),
            transient: false,
            args,
        })
    }

    fn run(&mut self) -> Result<(), String> {
        loop {
            self.transient = false;
            match self.poll() {
                Ok(()) if !self.args.follow => return Ok(()),
                Ok(()) => {}
                // Like the agent, a follow run outlives a server or network outage; rejected
                // credentials and output errors still stop it.
                Err(e) if self.args.follow && self.transient => {
                    eprintln!("collect: poll failed: {e}; polling again after the interval");
                }
                Err(e) => return Err(e),
            }
            let interval = self.args.interval;
            self.pacer.sleep(interval);
        }
    }

    fn first_url(&self) -> String {
        let since = match &self.state.cursor {
            Some(c) if !c.published.is_empty() => c.published.clone(),
            _ => self.start.clone(),
        };
        // Go's url.Values.Encode orders parameters by name.
        let mut params = vec![("limit", self.args.limit.to_string()), ("since", since)];
        if let Some(u) = &self.args.until {
            params.push(("until", u.clone()));
        }
        let query: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}={}", query_encode(v)))
            .collect();
        let sep = if self.args.url.contains('?') {
            '&'
        } else {
            '?'
        };
        format!("{}{sep}{}", self.args.url, query.join("&"))
    }

    fn get(&mut self, url: &str) -> Result<ureq::Response, String> {
        let mut reauthenticated = false;
        loop {
            let header = self.auth.header(&self.agent, &mut self.pacer)?;
            let agent = &self.agent;
            let result = send(&mut self.pacer, "GET System Log", || {
                agent
                    .get(url)
                    .set("Authorization", &header)
                    .set("Accept", "application/json")
                    .call()
            });
            match result {
                Ok(resp) => return Ok(resp),
                // A revoked or expired token: mint a new one once.
                Err(HttpFailure::Status { code: 401, .. })
                    if self.auth.uses_tokens() && !reauthenticated =>
                {
                    self.auth.invalidate();
                    reauthenticated = true;
                }
                Err(HttpFailure::Status { code, summary }) if code == 401 || code == 403 => {
                    return Err(format!(
                        "okta: System Log request rejected: HTTP {code}: {summary} (check the credentials{})",
                        if code == 403 {
                            " and that the app or token may read logs (okta.logs.read)"
                        } else {
                            ""
                        }
                    ))
                }
                // ureq's transport errors already name the URL.
                Err(f @ HttpFailure::Transport(_)) => {
                    self.transient = true;
                    return Err(format!("okta: {f}"));
                }
                Err(f) => {
                    self.transient = matches!(
                        f,
                        HttpFailure::Status { code, .. } if code == 429 || code >= 500
                    );
                    return Err(format!("okta: GET {}: {f}", strip_query(url)));
                }
            }
        }
    }

    /// One poll: from the cursor to the end of the log.
    fn poll(&mut self) -> Result<(), String> {
        let mut url = Some(self.first_url());
        while let Some(current) = url.take() {
            // Wait out a used-up window only when another request is due (not at the end of a run).
            let last = self.last_rate_limit;
            self.pacer.honour(&last);
            let resp = self.get(&current)?;
            self.last_rate_limit = RateLimit::from_response(&resp);
            let next = next_link(resp.all("link"));
            let events: Vec<serde_json::Value> = serde_json::from_reader(resp.into_reader())
                .map_err(|e| {
                    format!(
                        "okta: {}: the response is not a JSON array of events: {e}",
                        strip_query(&current)
                    )
                })?;
            if events.is_empty() {
                break;
            }
            self.write_page(&events)?;
            url = next.map(|n| absolute(&current, &n));
        }
        Ok(())
    }

    fn write_page(&mut self, events: &[serde_json::Value]) -> Result<(), String> {
        let mut cursor = self.state.cursor.clone().unwrap_or_default();
        let mut lines = String::new();
        let mut written = 0u64;
        let mut skipped = 0u64;
        for event in events {
            let published = event.get("published").and_then(|v| v.as_str());
            let uuid = event.get("uuid").and_then(|v| v.as_str()).unwrap_or("");
            if let Some(p) = published {
                if cursor.is_duplicate(p, uuid) {
                    skipped += 1;
                    continue;
                }
                cursor.advance(p, uuid);
            }
            lines.push_str(&record_line(
                event,
                &self.tags,
                self.args.remove_flattened_debug,
            ));
            lines.push('\n');
            written += 1;
        }
        let bytes = match &self.engine {
            None => lines.into_bytes(),
            Some(engine) => {
                let mut out = Vec::new();
                let input: Box<dyn std::io::BufRead + Send> =
                    Box::new(std::io::Cursor::new(lines.into_bytes()));
                let summary = run_streams(
                    &engine.registry,
                    &engine.entry,
                    vec![(format!("okta page {}", self.pages + 1), input)],
                    &mut out,
                    &mut std::io::stderr(),
                    &RunOptions::default(),
                )
                .map_err(|e| format!("pipeline: {e}"))?;
                self.pipeline_summary.input += summary.input;
                self.pipeline_summary.ok += summary.ok;
                self.pipeline_summary.failed += summary.failed;
                self.pipeline_summary.dropped += summary.dropped;
                out
            }
        };
        let mark = self
            .target
            .commit(&bytes)
            .map_err(|e| format!("cannot write output {}: {e}", self.args.output))?;
        self.pages += 1;
        self.events += written;
        self.duplicates += skipped;
        if self.args.crash_after_page == Some(self.pages) {
            eprintln!("collect: crashing after page {} as asked", self.pages);
            std::process::exit(86);
        }
        if !cursor.published.is_empty() {
            self.state.cursor = Some(cursor);
            self.state.url = self.args.url.clone();
        }
        if mark.is_some() {
            self.state.output = mark;
        }
        if let Some(path) = &self.state_path {
            self.state.save(path)?;
        }
        eprintln!(
            "collect: page {}: {} events{}; cursor {}",
            self.pages,
            written,
            if skipped > 0 {
                format!(" ({skipped} already collected, skipped)")
            } else {
                String::new()
            },
            self.state
                .cursor
                .as_ref()
                .map(|c| c.published.as_str())
                .unwrap_or("-")
        );
        Ok(())
    }

    fn print_summary(&self) {
        let mut line = format!(
            "collect: {} pages, {} events, {} duplicates skipped, {} rate-limit waits, {} retries, waited {:.1}s",
            self.pages,
            self.events,
            self.duplicates,
            self.pacer.rate_limit_waits,
            self.pacer.retries,
            self.pacer.waited.as_secs_f64()
        );
        if self.auth.uses_tokens() {
            line.push_str(&format!(", {} token requests", self.auth.token_requests));
        }
        eprintln!("{line}");
        if self.engine.is_some() {
            eprintln!("pipeline: {}", self.pipeline_summary);
        }
    }
}

fn strip_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

/// Resolves a `Link` target that is not absolute against the request URL's origin.
fn absolute(base: &str, link: &str) -> String {
    if link.contains("://") {
        return link.to_string();
    }
    match origin(base) {
        Some(o) if link.starts_with('/') => format!("{o}{link}"),
        Some(o) => format!("{o}/{link}"),
        None => link.to_string(),
    }
}

/// Percent-encoding of a query value as Go's `url.QueryEscape` does it.
fn query_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One line as the agent ships an event to the ingest pipeline.
pub fn record_line(
    event: &serde_json::Value,
    tags: &[String],
    remove_flattened_debug: bool,
) -> String {
    let mut m = serde_json::Map::new();
    m.insert("message".into(), go_json(event).into());
    if !tags.is_empty() {
        m.insert("tags".into(), tags.to_vec().into());
    }
    m.insert(
        "_conf".into(),
        serde_json::json!({ "remove_flattened_debug": remove_flattened_debug }),
    );
    serde_json::Value::Object(m).to_string()
}

/// The event text as the agent puts it in `message`: Go's `encoding/json` re-encoding of the
/// decoded record, which sorts object keys and escapes `<`, `>`, `&`, U+2028 and U+2029.
pub fn go_json(v: &serde_json::Value) -> String {
    let mut out = String::new();
    write_go(v, &mut out);
    out
}

fn write_go(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                crate::harness::generate::write_go_string(k, out, true);
                out.push(':');
                write_go(&m[k], out);
            }
            out.push('}');
        }
        serde_json::Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go(x, out);
            }
            out.push(']');
        }
        serde_json::Value::String(s) => crate::harness::generate::write_go_string(s, out, true),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) => out.push_str(&go_float(f)),
            None => out.push_str(&n.to_string()),
        },
        other => out.push_str(&other.to_string()),
    }
}

/// A number as Go prints a float64: the agent decodes the response without `UseNumber`, so every
/// number goes through float64 (`1.0` becomes `1`, integers beyond 2^53 round) and is printed
/// shortest, in exponent form outside [1e-6, 1e21) (encoding/json `floatEncoder`).
fn go_float(f: f64) -> String {
    let abs = f.abs();
    if abs == 0.0 || (1e-6..1e21).contains(&abs) {
        return format!("{f}");
    }
    let e = format!("{f:e}");
    match e.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_encoding_sorts_keys_and_escapes_html() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"b":1,"a":{"z":"<x&y>","c":[true,null,-1.5]},"t":"\u2028\n"}"#,
        )
        .unwrap();
        assert_eq!(
            go_json(&v),
            r#"{"a":{"c":[true,null,-1.5],"z":"\u003cx\u0026y\u003e"},"b":1,"t":"\u2028\n"}"#
        );
    }

    #[test]
    fn numbers_print_as_go_float64() {
        let v: serde_json::Value =
            serde_json::from_str("[0, 1.0, -0.0931, 51.5142, 12345678901234567890, 1e21, 1.5e-7, 0.000001, 123456789012345678]")
                .unwrap();
        assert_eq!(
            go_json(&v),
            "[0,1,-0.0931,51.5142,12345678901234567000,1e+21,1.5e-7,0.000001,123456789012345680]"
        );
    }

    #[test]
    fn record_lines() {
        let v = serde_json::json!({"uuid": "u"});
        assert_eq!(
            record_line(&v, &["forwarded".into()], true),
            r#"{"message":"{\"uuid\":\"u\"}","tags":["forwarded"],"_conf":{"remove_flattened_debug":true}}"#
        );
        assert_eq!(
            record_line(&v, &[], false),
            r#"{"message":"{\"uuid\":\"u\"}","_conf":{"remove_flattened_debug":false}}"#
        );
    }

    #[test]
    fn urls() {
        assert_eq!(
            origin("https://a.okta.com/api/v1/logs"),
            Some("https://a.okta.com")
        );
        assert_eq!(origin("http://127.0.0.1:80?x"), Some("http://127.0.0.1:80"));
        assert_eq!(absolute("https://a/x?y", "/api?z"), "https://a/api?z");
        assert_eq!(
            query_encode("2024-01-01T00:00:00.000Z"),
            "2024-01-01T00%3A00%3A00.000Z"
        );
    }
}
