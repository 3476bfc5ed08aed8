//! HTTP plumbing shared by the log and token requests: RFC 5988 `Link` headers, Okta's
//! `X-Rate-Limit-*` headers, retries with backoff, and error summaries that never echo secrets.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The `rel="next"` target among `Link` header values (each may list several links).
pub fn next_link<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<String> {
    for value in values {
        // Links are `<uri>; param; param`, separated by commas; a URI may itself hold commas,
        // so scan by angle brackets rather than splitting on commas.
        let mut rest = value;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let end = after.find('>')?;
            let uri = &after[..end];
            let params_all = &after[end + 1..];
            let params = match params_all.find('<') {
                Some(n) => &params_all[..n],
                None => params_all,
            };
            let is_next = params.split(';').any(|p| {
                let p = p.trim().trim_end_matches(',').trim();
                let Some((k, v)) = p.split_once('=') else {
                    return false;
                };
                k.trim().eq_ignore_ascii_case("rel")
                    && v.trim()
                        .trim_matches('"')
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("next"))
            });
            if is_next {
                return Some(uri.to_string());
            }
            rest = params_all;
        }
    }
    None
}

/// Okta's rate-limit headers of one response.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateLimit {
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    /// Epoch seconds (UTC) when the window resets.
    pub reset: Option<u64>,
}

impl RateLimit {
    pub fn from_response(resp: &ureq::Response) -> RateLimit {
        let get = |name: &str| resp.header(name).and_then(|v| v.trim().parse::<u64>().ok());
        RateLimit {
            limit: get("X-Rate-Limit-Limit"),
            remaining: get("X-Rate-Limit-Remaining"),
            reset: get("X-Rate-Limit-Reset"),
        }
    }

    /// How long to wait for the reset, when the window is used up.
    pub fn wait_needed(&self, now: f64) -> Option<Duration> {
        if self.remaining != Some(0) {
            return None;
        }
        self.until_reset(now)
    }

    pub fn until_reset(&self, now: f64) -> Option<Duration> {
        let reset = self.reset? as f64;
        (reset > now).then(|| Duration::from_secs_f64(reset - now))
    }
}

pub fn epoch_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
}

/// Sleeps on behalf of the collector and keeps the counts for the summary. `scale` shortens every
/// wait (a hidden option for tests); 1.0 in real use.
#[derive(Debug)]
pub struct Pacer {
    pub scale: f64,
    pub max_retries: u32,
    pub rate_limit_waits: u64,
    pub retries: u64,
    pub waited: Duration,
}

impl Pacer {
    pub fn new(scale: f64, max_retries: u32) -> Pacer {
        Pacer {
            scale,
            max_retries,
            rate_limit_waits: 0,
            retries: 0,
            waited: Duration::ZERO,
        }
    }

    pub fn sleep(&mut self, d: Duration) {
        let d = d.mul_f64(self.scale.max(0.0));
        self.waited += d;
        std::thread::sleep(d);
    }

    /// Waits for the rate-limit window to reset when the last response used it up.
    pub fn honour(&mut self, rl: &RateLimit) {
        if let Some(wait) = rl.wait_needed(epoch_now()) {
            self.rate_limit_waits += 1;
            eprintln!(
                "collect: rate limit reached (limit {}), waiting {:.1}s for the reset",
                rl.limit
                    .map(|l| l.to_string())
                    .unwrap_or_else(|| "?".into()),
                wait.mul_f64(self.scale).as_secs_f64()
            );
            self.sleep(wait);
        }
    }
}

/// 1 s, 2 s, 4 s, … capped at 30 s.
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1u64 << attempt.min(5)).min(Duration::from_secs(30))
}

/// The readable part of an error response: Okta's `errorSummary` (and code), or OAuth2's
/// `error` / `error_description`. Anything else is cut short: bodies are not ours to echo.
pub fn error_summary(body: &str) -> String {
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(body) {
        let s = |k: &str| json.get(k).and_then(|v| v.as_str());
        if let Some(summary) = s("errorSummary") {
            let mut out = summary.to_string();
            if let Some(code) = s("errorCode") {
                out.push_str(&format!(" ({code})"));
            }
            let causes: Vec<&str> = json
                .get("errorCauses")
                .and_then(|c| c.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c.get("errorSummary").and_then(|s| s.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            if !causes.is_empty() {
                out.push_str(&format!(": {}", causes.join("; ")));
            }
            return out;
        }
        if let Some(err) = s("error") {
            return match s("error_description") {
                Some(d) => format!("{err}: {d}"),
                None => err.to_string(),
            };
        }
    }
    let trimmed: String = body.trim().chars().take(200).collect();
    if trimmed.is_empty() {
        "(empty body)".into()
    } else {
        trimmed
    }
}

/// A request that failed for good.
#[derive(Debug)]
pub enum HttpFailure {
    Status { code: u16, summary: String },
    Transport(String),
}

impl std::fmt::Display for HttpFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HttpFailure::Status { code, summary } => write!(f, "HTTP {code}: {summary}"),
            HttpFailure::Transport(t) => write!(f, "{t}"),
        }
    }
}

/// Sends a request, retrying 429, 5xx and transport errors up to `pacer.max_retries` times. A
/// 429 waits for `X-Rate-Limit-Reset` when given, otherwise backs off exponentially.
pub fn send(
    pacer: &mut Pacer,
    what: &str,
    mut make: impl FnMut() -> Result<ureq::Response, ureq::Error>,
) -> Result<ureq::Response, HttpFailure> {
    let mut attempt = 0u32;
    loop {
        let (failure, wait) = match make() {
            Ok(resp) => return Ok(resp),
            Err(ureq::Error::Status(code, resp)) => {
                let rl = RateLimit::from_response(&resp);
                let body = resp.into_string().unwrap_or_default();
                let failure = HttpFailure::Status {
                    code,
                    summary: error_summary(&body),
                };
                if code == 429 {
                    let wait = rl
                        .until_reset(epoch_now())
                        .unwrap_or_else(|| backoff(attempt));
                    (failure, wait)
                } else if code >= 500 {
                    (failure, backoff(attempt))
                } else {
                    return Err(failure);
                }
            }
            Err(ureq::Error::Transport(t)) => {
                (HttpFailure::Transport(t.to_string()), backoff(attempt))
            }
        };
        if attempt >= pacer.max_retries {
            return Err(failure);
        }
        attempt += 1;
        pacer.retries += 1;
        if matches!(failure, HttpFailure::Status { code: 429, .. }) {
            pacer.rate_limit_waits += 1;
        }
        eprintln!(
            "collect: {what}: {failure}; retry {attempt}/{} in {:.1}s",
            pacer.max_retries,
            wait.mul_f64(pacer.scale).as_secs_f64()
        );
        pacer.sleep(wait);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers() {
        let v = r#"<https://x.okta.com/api/v1/logs?limit=2&since=a>; rel="self""#;
        let n = r#"<https://x.okta.com/api/v1/logs?after=1,2&limit=2>; rel="next""#;
        assert_eq!(
            next_link([v, n]).as_deref(),
            Some("https://x.okta.com/api/v1/logs?after=1,2&limit=2")
        );
        let both = format!("{v}, {n}");
        assert_eq!(
            next_link([both.as_str()]).as_deref(),
            Some("https://x.okta.com/api/v1/logs?after=1,2&limit=2")
        );
        assert_eq!(next_link([v]), None);
        assert_eq!(next_link(["<u>; rel=next"]).as_deref(), Some("u"));
        assert_eq!(
            next_link(["<u>; title=\"x\"; rel=\"prev next\""]).as_deref(),
            Some("u")
        );
        assert_eq!(next_link(["garbage"]), None);
    }

    #[test]
    fn summaries() {
        let okta = r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"x","errorCauses":[]}"#;
        assert_eq!(error_summary(okta), "Invalid token provided (E0000011)");
        assert_eq!(
            error_summary(r#"{"error":"invalid_client","error_description":"bad"}"#),
            "invalid_client: bad"
        );
        assert_eq!(error_summary(""), "(empty body)");
    }

    #[test]
    fn rate_limit_wait() {
        let rl = RateLimit {
            limit: Some(10),
            remaining: Some(0),
            reset: Some(105),
        };
        assert_eq!(rl.wait_needed(100.0), Some(Duration::from_secs(5)));
        assert_eq!(rl.wait_needed(106.0), None);
        let ok = RateLimit {
            remaining: Some(3),
            ..rl
        };
        assert_eq!(ok.wait_needed(100.0), None);
        assert_eq!(backoff(0), Duration::from_secs(1));
        assert_eq!(backoff(9), Duration::from_secs(30));
    }
}
