//! A local Okta-compatible server for the `collect` tests: real HTTP on 127.0.0.1 (random port).
//!
//! - `GET /api/v1/logs`: `since` (inclusive), `until` (exclusive), `limit`, `after` paging, with
//!   `Link` headers (`self`, and `next` always for polling queries, only while more events remain
//!   for bounded ones, as Okta does), `X-Rate-Limit-*` headers from a real-time window, and
//!   injectable failures by request number. Accepts `SSWS <api key>` or a `Bearer` token it issued.
//! - `POST /oauth2/v1/token`: client credentials; the client authenticates with an RS256 client
//!   assertion (signature checked against the registered public key; iss, sub, aud, exp, jti
//!   checked) or with a client secret (HTTP Basic or form).
#![allow(dead_code)]

use base64::Engine;
use ingest_emu::collect::jwt::verify_rs256;
use rsa::RsaPublicKey;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[derive(Clone, Default)]
pub struct Config {
    pub api_key: Option<String>,
    pub client_id: String,
    pub client_secret: Option<String>,
    pub public_key: Option<RsaPublicKey>,
    /// `expires_in` of issued tokens.
    pub token_lifetime: u64,
    /// (requests per window, window length in seconds)
    pub rate_limit: Option<(u64, u64)>,
    /// (logs request number, 1-based; HTTP status) to fail instead of serving.
    pub faults: Vec<(usize, u16)>,
    /// Every logs response is delayed this long.
    pub delay: Duration,
}

#[derive(Default)]
pub struct Record {
    /// Path and query of every logs request, in order.
    pub log_requests: Vec<String>,
    pub token_requests: usize,
    pub tokens_issued: usize,
    /// Requests served 429 because the window was used up (not injected).
    pub rate_limit_violations: usize,
    pub rejected: Vec<String>,
}

struct Shared {
    config: Config,
    events: Vec<serde_json::Value>,
    record: Record,
    tokens: HashMap<String, Instant>,
    jtis: HashSet<String>,
    window: Option<(u64, u64)>, // (reset epoch second, used)
}

pub struct OktaServer {
    pub base: String,
    shared: Arc<Mutex<Shared>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for OktaServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().expect("test timestamps are RFC 3339")
}

fn published(e: &serde_json::Value) -> jiff::Timestamp {
    ts(e["published"].as_str().unwrap())
}

impl OktaServer {
    /// Starts a server holding `events` (sorted by `published`, stable).
    pub fn start(config: Config, mut events: Vec<serde_json::Value>) -> OktaServer {
        events.sort_by_key(published);
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let shared = Arc::new(Mutex::new(Shared {
            config,
            events,
            record: Record::default(),
            tokens: HashMap::new(),
            jtis: HashSet::new(),
            window: None,
        }));
        let (s2, sh2, b2) = (server.clone(), shared.clone(), base.clone());
        let thread = std::thread::spawn(move || {
            for mut req in s2.incoming_requests() {
                let mut body = String::new();
                let _ = req.as_reader().read_to_string(&mut body);
                let (status, headers, text, delay) = handle(&sh2, &b2, &req, &body);
                std::thread::sleep(delay);
                let mut resp = tiny_http::Response::from_string(text).with_status_code(status);
                resp.add_header(
                    tiny_http::Header::from_bytes("Content-Type", "application/json").unwrap(),
                );
                for (k, v) in headers {
                    resp.add_header(tiny_http::Header::from_bytes(k, v).unwrap());
                }
                let _ = req.respond(resp);
            }
        });
        OktaServer {
            base,
            shared,
            server,
            thread: Some(thread),
        }
    }

    pub fn logs_url(&self) -> String {
        format!("{}/api/v1/logs", self.base)
    }

    pub fn with_record<T>(&self, f: impl FnOnce(&Record) -> T) -> T {
        f(&self.shared.lock().unwrap().record)
    }

    pub fn push_events(&self, events: Vec<serde_json::Value>) {
        let mut s = self.shared.lock().unwrap();
        s.events.extend(events);
        s.events.sort_by_key(published);
    }

    pub fn events(&self) -> Vec<serde_json::Value> {
        self.shared.lock().unwrap().events.clone()
    }
}

type Reply = (u16, Vec<(String, String)>, String, Duration);

fn okta_error(status: u16, code: &str, summary: &str) -> Reply {
    (
        status,
        vec![],
        serde_json::json!({
            "errorCode": code, "errorSummary": summary, "errorLink": code,
            "errorId": "oae-test", "errorCauses": []
        })
        .to_string(),
        Duration::ZERO,
    )
}

fn oauth_error(status: u16, error: &str, description: &str) -> Reply {
    (
        status,
        vec![],
        serde_json::json!({"error": error, "error_description": description}).to_string(),
        Duration::ZERO,
    )
}

fn now_epoch() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let h =
                    u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap();
                out.push(h);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

pub fn parse_query(q: &str) -> HashMap<String, String> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn header<'a>(req: &'a tiny_http::Request, name: &str) -> Option<&'a str> {
    req.headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn handle(shared: &Mutex<Shared>, base: &str, req: &tiny_http::Request, body: &str) -> Reply {
    let mut s = shared.lock().unwrap();
    let url = req.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    match (req.method(), path) {
        (tiny_http::Method::Get, "/api/v1/logs") => {
            s.record.log_requests.push(url.clone());
            logs(&mut s, base, req, query)
        }
        (tiny_http::Method::Post, "/oauth2/v1/token") => {
            s.record.token_requests += 1;
            token(&mut s, base, req, body)
        }
        _ => okta_error(
            404,
            "E0000022",
            "The endpoint does not support the provided HTTP method",
        ),
    }
}

fn logs(s: &mut Shared, base: &str, req: &tiny_http::Request, query: &str) -> Reply {
    let n = s.record.log_requests.len();
    let delay = s.config.delay;
    let authorized = match header(req, "Authorization") {
        Some(h) if h.starts_with("SSWS ") => s.config.api_key.as_deref() == Some(&h[5..]),
        Some(h) if h.starts_with("Bearer ") => s
            .tokens
            .get(&h[7..])
            .is_some_and(|exp| Instant::now() < *exp),
        _ => false,
    };
    if !authorized {
        s.record.rejected.push("logs: unauthorized".into());
        return okta_error(401, "E0000011", "Invalid token provided");
    }
    let now = now_epoch();
    let mut rl_headers = vec![];
    if let Some((limit, window)) = s.config.rate_limit {
        let (reset, used) = match s.window {
            Some((reset, used)) if now < reset as f64 => (reset, used),
            _ => (now.ceil() as u64 + window, 0),
        };
        let used = used + 1;
        s.window = Some((reset, used));
        rl_headers = vec![
            ("X-Rate-Limit-Limit".to_string(), limit.to_string()),
            (
                "X-Rate-Limit-Remaining".to_string(),
                limit.saturating_sub(used).to_string(),
            ),
            ("X-Rate-Limit-Reset".to_string(), reset.to_string()),
        ];
        if used > limit {
            s.record.rate_limit_violations += 1;
            let mut r = okta_error(
                429,
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
            );
            r.1 = rl_headers;
            return r;
        }
    }
    if let Some((_, status)) = s.config.faults.iter().find(|(k, _)| *k == n) {
        let mut r = match status {
            429 => okta_error(
                429,
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
            ),
            401 => okta_error(401, "E0000011", "Invalid token provided"),
            403 => okta_error(
                403,
                "E0000006",
                "You do not have permission to perform the requested action",
            ),
            code => okta_error(*code, "E0000009", "Internal Server Error"),
        };
        if *status == 429 {
            r.1.push((
                "X-Rate-Limit-Reset".into(),
                (now.ceil() as u64 + 1).to_string(),
            ));
        }
        return r;
    }
    let q = parse_query(query);
    let since = q.get("since").map(|v| ts(v));
    let until = q.get("until").map(|v| ts(v));
    let limit: usize = q.get("limit").map(|l| l.parse().unwrap()).unwrap_or(100);
    let after: usize = q.get("after").map(|a| a.parse().unwrap()).unwrap_or(0);
    let matching: Vec<usize> = (after..s.events.len())
        .filter(|&i| {
            let p = published(&s.events[i]);
            since.is_none_or(|t| p >= t) && until.is_none_or(|t| p < t)
        })
        .collect();
    let page: Vec<usize> = matching.iter().copied().take(limit).collect();
    let next_after = page.last().map(|i| i + 1).unwrap_or(after);
    let mut link_params = vec![];
    if let Some(v) = q.get("since") {
        link_params.push(format!("since={}", encode(v)));
    }
    if let Some(v) = q.get("until") {
        link_params.push(format!("until={}", encode(v)));
    }
    link_params.push(format!("limit={limit}"));
    let mut headers = rl_headers;
    headers.push((
        "Link".into(),
        format!("<{base}/api/v1/logs?{query}>; rel=\"self\""),
    ));
    let more = matching.len() > page.len();
    if until.is_none() || more {
        headers.push((
            "Link".into(),
            format!(
                "<{base}/api/v1/logs?{}&after={next_after}>; rel=\"next\"",
                link_params.join("&")
            ),
        ));
    }
    let body: Vec<&serde_json::Value> = page.iter().map(|&i| &s.events[i]).collect();
    (200, headers, serde_json::to_string(&body).unwrap(), delay)
}

fn token(s: &mut Shared, base: &str, req: &tiny_http::Request, body: &str) -> Reply {
    let form = parse_query(body);
    if form.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return oauth_error(
            400,
            "unsupported_grant_type",
            "The authorization grant type is not supported.",
        );
    }
    let scopes: Vec<&str> = form
        .get("scope")
        .map(|s| s.split(' ').collect())
        .unwrap_or_default();
    if !scopes.contains(&"okta.logs.read") {
        return oauth_error(
            400,
            "invalid_scope",
            "The requested scope is invalid, unknown, or malformed.",
        );
    }
    let client_ok = if let Some(assertion) = form.get("client_assertion") {
        if form.get("client_assertion_type").map(String::as_str)
            != Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return oauth_error(400, "invalid_request", "bad client_assertion_type");
        }
        let Some(key) = &s.config.public_key else {
            return oauth_error(401, "invalid_client", "No public key registered.");
        };
        match verify_rs256(assertion, key) {
            Err(e) => {
                s.record.rejected.push(format!("assertion: {e}"));
                return oauth_error(
                    401,
                    "invalid_client",
                    "The client_assertion signature is invalid.",
                );
            }
            Ok((_, c)) => {
                let now = now_epoch() as u64;
                let id = s.config.client_id.as_str();
                let aud = format!("{base}/oauth2/v1/token");
                let exp = c["exp"].as_u64().unwrap_or(0);
                let jti = c["jti"].as_str().unwrap_or("").to_string();
                let problem = if c["iss"] != id || c["sub"] != id {
                    Some("The client_assertion token has an invalid issuer or subject.")
                } else if c["aud"] != aud.as_str() {
                    Some("The audience claim for client_assertion must be the endpoint invoked for the request.")
                } else if exp <= now || exp > now + 3600 {
                    Some("The client_assertion token is expired or lives too long.")
                } else if jti.is_empty() || !s.jtis.insert(jti) {
                    Some("The client_assertion token has already been used (jti).")
                } else {
                    None
                };
                if let Some(p) = problem {
                    s.record.rejected.push(p.into());
                    return oauth_error(401, "invalid_client", p);
                }
                true
            }
        }
    } else {
        let (id, secret) = match header(req, "Authorization").and_then(|h| h.strip_prefix("Basic "))
        {
            Some(b) => {
                let raw = base64::engine::general_purpose::STANDARD
                    .decode(b)
                    .unwrap_or_default();
                let raw = String::from_utf8(raw).unwrap_or_default();
                let (i, sec) = raw.split_once(':').unwrap_or(("", ""));
                (percent_decode(i), percent_decode(sec))
            }
            None => (
                form.get("client_id").cloned().unwrap_or_default(),
                form.get("client_secret").cloned().unwrap_or_default(),
            ),
        };
        id == s.config.client_id && s.config.client_secret.as_deref() == Some(secret.as_str())
    };
    if !client_ok {
        s.record.rejected.push("token: bad client secret".into());
        return oauth_error(
            401,
            "invalid_client",
            "Invalid value for 'client_id' parameter.",
        );
    }
    s.record.tokens_issued += 1;
    let token = format!("test-token-{}", s.record.tokens_issued);
    let life = s.config.token_lifetime;
    s.tokens
        .insert(token.clone(), Instant::now() + Duration::from_secs(life));
    (
        200,
        vec![],
        serde_json::json!({
            "token_type": "Bearer", "expires_in": life, "access_token": token,
            "scope": scopes.join(" ")
        })
        .to_string(),
        Duration::ZERO,
    )
}

/// Synthetic events: `n` events from 2024-03-01T10:00:00Z, one per second, except that the
/// indices in `same_as_previous` share the previous event's `published`.
pub fn events(n: usize, same_as_previous: &[usize]) -> Vec<serde_json::Value> {
    let start = ts("2024-03-01T10:00:00Z");
    let mut second = 0i64;
    (0..n)
        .map(|i| {
            if i > 0 && !same_as_previous.contains(&i) {
                second += 1;
            }
            let t = start + jiff::SignedDuration::from_secs(second);
            serde_json::json!({
                "uuid": format!("00000000-0000-4000-8000-{i:012}"),
                "published": t.strftime("%Y-%m-%dT%H:%M:%S.000Z").to_string(),
                "eventType": "user.session.start",
                "displayMessage": "User login to Okta <&>",
                "actor": {"id": format!("00u{i}"), "type": "User", "alternateId": format!("u{i}@example.com")},
                "outcome": {"result": "SUCCESS"},
                "severity": "INFO",
                "version": "0"
            })
        })
        .collect()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn test_key_pem() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/collect/test-key.pem")).unwrap()
}

pub fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ingest-emu"));
    c.arg("collect").arg("okta");
    // No proxy may turn loopback into network traffic.
    for v in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        c.env_remove(v);
    }
    c
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut std::process::Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The raw events carried by collected records, in output order.
pub fn messages(ndjson: &str) -> Vec<serde_json::Value> {
    ndjson
        .lines()
        .map(|l| {
            let rec: serde_json::Value = serde_json::from_str(l).unwrap();
            serde_json::from_str(rec["message"].as_str().unwrap()).unwrap()
        })
        .collect()
}

pub fn uuids(events: &[serde_json::Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["uuid"].as_str().unwrap().to_string())
        .collect()
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}
