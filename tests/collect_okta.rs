//! `ingest-emu collect okta` against the local Okta-compatible server (loopback only).

mod collect_support;

use collect_support::*;
use ingest_emu::collect::jwt::{parse_pem, private_jwk};
use std::time::{Duration, Instant};

const API_KEY: &str = "00secret-api-token-xyz";
const CLIENT_ID: &str = "0oa-test-client";
const CLIENT_SECRET: &str = "client-secret-abc/+=";
const SINCE: &str = "2024-01-01T00:00:00Z";

fn api_key_server(events: Vec<serde_json::Value>) -> OktaServer {
    OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            ..Config::default()
        },
        events,
    )
}

fn api_key_cmd(server: &OktaServer) -> std::process::Command {
    let mut c = bin();
    c.args([
        "--url",
        &server.logs_url(),
        "--since",
        SINCE,
        "--limit",
        "10",
    ])
    .args(["--api-key-env", "TEST_OKTA_KEY", "--wait-scale", "0.01"])
    .env("TEST_OKTA_KEY", API_KEY);
    c
}

#[test]
fn api_key_pages_until_an_empty_page() {
    let data = events(25, &[]);
    let server = api_key_server(data.clone());
    let r = run(&mut api_key_cmd(&server));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&r.stdout)), uuids(&data));
    let first: serde_json::Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        first["tags"],
        serde_json::json!(["forwarded", "okta-system"])
    );
    assert_eq!(
        first["_conf"],
        serde_json::json!({"remove_flattened_debug": false})
    );
    // The agent re-encodes the record with Go's encoding/json: sorted keys, HTML escaped.
    let message = first["message"].as_str().unwrap();
    assert!(
        message.starts_with(r#"{"actor":{"alternateId":"u0@example.com""#),
        "{message}"
    );
    assert!(
        message.contains(r#"User login to Okta \u003c\u0026\u003e"#),
        "{message}"
    );
    let requests = server.with_record(|r| r.log_requests.clone());
    // 3 full or partial pages, then the polling query's empty page ends the run.
    assert_eq!(requests.len(), 4, "{requests:?}");
    assert_eq!(
        requests[0],
        "/api/v1/logs?limit=10&since=2024-01-01T00%3A00%3A00Z"
    );
    assert!(requests[1].contains("after=10"), "{requests:?}");
    assert!(r.stderr.contains("3 pages, 25 events"), "{}", r.stderr);
    assert!(!r.stderr.contains(API_KEY));
}

#[test]
fn bounded_query_stops_without_next_link_and_options_shape_records() {
    let data = events(20, &[]);
    let server = api_key_server(data.clone());
    let until = data[15]["published"].as_str().unwrap().to_string();
    let r = run(api_key_cmd(&server).args([
        "--until",
        &until,
        "--tags",
        "forwarded,custom",
        "--preserve-original-event",
        "--remove-flattened-debug",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&r.stdout)), uuids(&data[..15]));
    assert_eq!(server.with_record(|r| r.log_requests.len()), 2);
    let first: serde_json::Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        first["tags"],
        serde_json::json!(["preserve_original_event", "forwarded", "custom"])
    );
    assert_eq!(first["_conf"]["remove_flattened_debug"], true);
}

#[test]
fn initial_interval_sets_since() {
    let server = api_key_server(events(3, &[]));
    let mut cmd = bin();
    cmd.args(["--url", &server.logs_url(), "--initial-interval", "2h"])
        .args(["--api-key-env", "TEST_OKTA_KEY"])
        .env("TEST_OKTA_KEY", API_KEY);
    let r = run(&mut cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "events of 2024 are older than 2h");
    let q = server.with_record(|r| r.log_requests[0].clone());
    let since = parse_query(q.split_once('?').unwrap().1)["since"].clone();
    let t: jiff::Timestamp = since.parse().unwrap();
    let age = jiff::Timestamp::now().as_second() - t.as_second();
    assert!((7190..=7210).contains(&age), "{since}");
}

fn oauth_server(lifetime: u64) -> OktaServer {
    let key = parse_pem(&test_key_pem()).unwrap().key;
    OktaServer::start(
        Config {
            client_id: CLIENT_ID.into(),
            client_secret: Some(CLIENT_SECRET.into()),
            public_key: Some(key.to_public_key()),
            token_lifetime: lifetime,
            ..Config::default()
        },
        events(30, &[]),
    )
}

fn oauth_cmd(server: &OktaServer) -> std::process::Command {
    let mut c = bin();
    c.args([
        "--url",
        &server.logs_url(),
        "--since",
        SINCE,
        "--limit",
        "10",
    ])
    .args(["--client-id", CLIENT_ID, "--wait-scale", "0.01"]);
    c
}

#[test]
fn oauth2_private_key_jwt_with_jwk_file_caches_the_token() {
    let server = oauth_server(3600);
    let dir = tempfile::tempdir().unwrap();
    let jwk = private_jwk(&parse_pem(&test_key_pem()).unwrap().key, Some("test-kid"));
    let jwk_file = dir.path().join("key.json");
    std::fs::write(&jwk_file, jwk.to_string()).unwrap();
    let r = run(oauth_cmd(&server).arg("--jwk-file").arg(&jwk_file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(messages(&r.stdout).len(), 30);
    assert_eq!(server.with_record(|r| r.tokens_issued), 1);
    assert!(r.stderr.contains("1 token requests"), "{}", r.stderr);
    let d = jwk["d"].as_str().unwrap();
    assert!(!r.stderr.contains(d) && !r.stderr.contains("test-token-"));
}

#[test]
fn oauth2_private_key_jwt_with_jwk_env_refreshes_expiring_tokens() {
    let server = OktaServer::start(
        Config {
            client_id: CLIENT_ID.into(),
            public_key: Some(parse_pem(&test_key_pem()).unwrap().key.to_public_key()),
            token_lifetime: 1,
            delay: Duration::from_millis(400),
            ..Config::default()
        },
        events(30, &[]),
    );
    let jwk = private_jwk(&parse_pem(&test_key_pem()).unwrap().key, None);
    let r = run(oauth_cmd(&server)
        .args(["--jwk-json-env", "TEST_JWK"])
        .env("TEST_JWK", jwk.to_string()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(messages(&r.stdout).len(), 30);
    let issued = server.with_record(|r| r.tokens_issued);
    assert!(issued >= 2, "a 1 s token must be refreshed: {issued}");
}

#[test]
fn oauth2_private_key_jwt_with_pem() {
    let server = oauth_server(3600);
    let r = run(oauth_cmd(&server)
        .args(["--pem-env", "TEST_PEM"])
        .env("TEST_PEM", test_key_pem()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(messages(&r.stdout).len(), 30);
    // PKCS#1 form too.
    let dir = tempfile::tempdir().unwrap();
    let pkcs1 = {
        use rsa::pkcs1::EncodeRsaPrivateKey;
        parse_pem(&test_key_pem())
            .unwrap()
            .key
            .to_pkcs1_pem(rsa::pkcs1::LineEnding::LF)
            .unwrap()
            .to_string()
    };
    let pem = dir.path().join("key.pem");
    std::fs::write(&pem, pkcs1).unwrap();
    let r = run(oauth_cmd(&server).arg("--pem-file").arg(&pem));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn oin_client_secret() {
    let server = oauth_server(3600);
    let dir = tempfile::tempdir().unwrap();
    let secret_file = dir.path().join("secret");
    std::fs::write(&secret_file, format!("{CLIENT_SECRET}\n")).unwrap();
    let r = run(oauth_cmd(&server)
        .arg("--client-secret-file")
        .arg(&secret_file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(messages(&r.stdout).len(), 30);
    // The integration's form: the OIN toggle with the secret in the API key setting.
    let r = run(oauth_cmd(&server)
        .args(["--oin", "--api-key-env", "TEST_SECRET"])
        .env("TEST_SECRET", CLIENT_SECRET));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(messages(&r.stdout).len(), 30);
    assert!(!r.stderr.contains(CLIENT_SECRET));
}

#[test]
fn bad_credentials_fail_clearly_without_leaking_secrets() {
    let server = oauth_server(3600);
    // Wrong API key.
    let api = api_key_server(events(3, &[]));
    let r = run(api_key_cmd(&api).env("TEST_OKTA_KEY", "wrong-key-123"));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("HTTP 401: Invalid token provided (E0000011)"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("wrong-key-123"));
    assert_eq!(r.stdout, "");
    // Wrong client secret.
    let r = run(oauth_cmd(&server)
        .args(["--client-secret-env", "TEST_SECRET"])
        .env("TEST_SECRET", "not-the-secret-987"));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("invalid_client"), "{}", r.stderr);
    assert!(!r.stderr.contains("not-the-secret-987"));
    // A key signed for another client id.
    let r = run(bin()
        .args(["--url", &server.logs_url(), "--client-id", "0oa-other"])
        .args(["--pem-env", "TEST_PEM"])
        .env("TEST_PEM", test_key_pem()));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("invalid issuer or subject"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("PRIVATE KEY"));
    // A 403 from the API.
    let forbidden = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            faults: vec![(1, 403)],
            ..Config::default()
        },
        events(3, &[]),
    );
    let r = run(&mut api_key_cmd(&forbidden));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("HTTP 403: You do not have permission"),
        "{}",
        r.stderr
    );
    // Usage errors.
    let r = run(bin().args(["--url", &server.logs_url()]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no credentials"), "{}", r.stderr);
    let r = run(bin()
        .args([
            "--url",
            &server.logs_url(),
            "--api-key-env",
            "TEST_UNSET_VAR_X",
        ])
        .env_remove("TEST_UNSET_VAR_X"));
    assert_eq!(r.code, 2);
    let r = run(bin()
        .args(["--url", &server.logs_url(), "--client-id", CLIENT_ID])
        .args(["--jwk-json-env", "TEST_JWK"])
        .env("TEST_JWK", r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("public key"), "{}", r.stderr);
}

#[test]
fn retries_429_and_5xx_then_gives_up() {
    let data = events(25, &[]);
    let server = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            faults: vec![(1, 500), (2, 429), (4, 503)],
            ..Config::default()
        },
        data.clone(),
    );
    let r = run(&mut api_key_cmd(&server));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&r.stdout)), uuids(&data));
    assert!(r.stderr.contains("HTTP 500"), "{}", r.stderr);
    assert!(r.stderr.contains("3 retries"), "{}", r.stderr);
    let failing = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            faults: (1..10).map(|n| (n, 500)).collect(),
            ..Config::default()
        },
        data,
    );
    let r = run(api_key_cmd(&failing).args(["--max-retries", "2"]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error: okta: GET ")
            && r.stderr.contains("HTTP 500: Internal Server Error"),
        "{}",
        r.stderr
    );
    assert_eq!(failing.with_record(|r| r.log_requests.len()), 3);
}

#[test]
fn waits_for_the_rate_limit_reset() {
    let data = events(50, &[]);
    let server = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            rate_limit: Some((3, 1)),
            ..Config::default()
        },
        data.clone(),
    );
    let started = Instant::now();
    // Real waits here: the server's window is in real time.
    let r = run(api_key_cmd(&server).args(["--wait-scale", "1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&r.stdout)), uuids(&data));
    // 6 requests at 3 per window: at least one wait, and never a request over the limit.
    assert!(
        r.stderr.contains("rate limit reached (limit 3)"),
        "{}",
        r.stderr
    );
    assert_eq!(server.with_record(|r| r.rate_limit_violations), 0);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn resume_after_crash_between_write_and_cursor_is_exactly_once() {
    // Events 18..=21 share one timestamp across the page boundary at 20.
    let data = events(35, &[19, 20, 21]);
    let server = api_key_server(data.clone());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ndjson");
    let state = dir.path().join("state.json");
    let with_files = |c: &mut std::process::Command| {
        c.arg("--output").arg(&out).arg("--state").arg(&state);
    };
    // Page 1 committed, page 2 written but its cursor never saved.
    let mut c = api_key_cmd(&server);
    with_files(&mut c);
    let r = run(c.args(["--crash-after-page", "2"]));
    assert_eq!(r.code, 86, "{}", r.stderr);
    assert_eq!(read(&out).lines().count(), 20);
    let saved: serde_json::Value = serde_json::from_str(&read(&state)).unwrap();
    assert_eq!(saved["cursor"]["published"], data[9]["published"]);
    // Restart: page 2's bytes are cut, the rest is fetched once.
    let mut c = api_key_cmd(&server);
    with_files(&mut c);
    let r = run(&mut c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("discarding"), "{}", r.stderr);
    assert_eq!(uuids(&messages(&read(&out))), uuids(&data));
    // The cursor sits on the shared timestamp of the last events; a rerun re-reads and skips them.
    let saved: serde_json::Value = serde_json::from_str(&read(&state)).unwrap();
    assert_eq!(saved["cursor"]["published"], data[34]["published"]);
    let mut c = api_key_cmd(&server);
    with_files(&mut c);
    let r = run(&mut c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&read(&out))), uuids(&data));
    // New events arrive, some at the cursor's timestamp: only they are added.
    let mut more = events(40, &[19, 20, 21]);
    let extra: Vec<serde_json::Value> = more.drain(35..).collect();
    server.push_events(extra);
    let mut c = api_key_cmd(&server);
    with_files(&mut c);
    let r = run(&mut c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&read(&out))), uuids(&server.events()));
}

#[test]
fn resume_after_kill_mid_run_neither_loses_nor_duplicates() {
    // Pages of 10 with every second pair of events sharing a timestamp.
    let shared: Vec<usize> = (1..60).filter(|i| i % 3 == 0).collect();
    let data = events(60, &shared);
    let server = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            delay: Duration::from_millis(150),
            ..Config::default()
        },
        data.clone(),
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ndjson");
    let state = dir.path().join("state.json");
    let mut c = api_key_cmd(&server);
    c.arg("--output").arg(&out).arg("--state").arg(&state);
    c.stderr(std::process::Stdio::null());
    let mut child = c.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while read(&out).lines().count() < 20 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = read(&out).lines().count();
    assert!((20..60).contains(&partial), "killed too late: {partial}");
    let mut c = api_key_cmd(&server);
    c.arg("--output").arg(&out).arg("--state").arg(&state);
    let r = run(&mut c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(uuids(&messages(&read(&out))), uuids(&data));
}

#[test]
fn state_file_of_another_url_is_refused() {
    let server = api_key_server(events(3, &[]));
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    std::fs::write(
        &state,
        r#"{"url": "https://other.okta.com/api/v1/logs", "cursor": {"published": "2024-01-01T00:00:00.000Z"}}"#,
    )
    .unwrap();
    let r = run(api_key_cmd(&server).arg("--state").arg(&state));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("holds the cursor of https://other.okta.com"),
        "{}",
        r.stderr
    );
}

#[test]
fn follow_polls_again_from_the_cursor() {
    let data = events(12, &[]);
    let server = api_key_server(data[..5].to_vec());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ndjson");
    let mut c = api_key_cmd(&server);
    c.arg("--output")
        .arg(&out)
        .args(["--follow", "--interval", "10s"]) // 100 ms at --wait-scale 0.01
        .stderr(std::process::Stdio::null());
    let mut child = c.spawn().unwrap();
    let wait_for = |n: usize| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while read(&out).lines().count() < n && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for(5);
    server.push_events(data[5..].to_vec());
    wait_for(12);
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(uuids(&messages(&read(&out))), uuids(&data));
    // Every later poll starts at the cursor.
    let last = server.with_record(|r| r.log_requests.last().cloned().unwrap());
    assert!(
        last.contains("since=2024-03-01T10%3A00%3A11.000Z"),
        "{last}"
    );
}

#[test]
fn pipeline_failures_are_reported_and_set_the_exit_code() {
    let server = api_key_server(events(4, &[]));
    let dir = tempfile::tempdir().unwrap();
    let pipeline = dir.path().join("failing.yml");
    std::fs::write(
        &pipeline,
        "processors:\n  - json:\n      field: message\n      target_field: okta\n  - fail:\n      if: ctx.okta.uuid.endsWith('2')\n      message: \"boom {{okta.uuid}}\"\n",
    )
    .unwrap();
    let r = run(api_key_cmd(&server)
        .arg("--pipeline")
        .arg(&pipeline)
        .args(["--tags", ""]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].get("tags").is_none(), "{}", lines[0]);
    assert_eq!(
        lines[0]["okta"]["uuid"],
        "00000000-0000-4000-8000-000000000000"
    );
    assert_eq!(
        lines[2]["error"]["reason"],
        "boom 00000000-0000-4000-8000-000000000002"
    );
    assert!(
        r.stderr
            .contains("pipeline: in: 4 ok: 3 failed: 1 dropped: 0"),
        "{}",
        r.stderr
    );
}

#[test]
fn follow_survives_a_failed_poll() {
    let data = events(8, &[]);
    let server = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            faults: vec![(2, 500), (3, 500)],
            ..Config::default()
        },
        data.clone(),
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ndjson");
    let mut c = api_key_cmd(&server);
    c.arg("--output")
        .arg(&out)
        .args(["--follow", "--interval", "10s", "--max-retries", "1"])
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.with_record(|r| r.log_requests.len()) < 6 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("poll failed"), "{stderr}");
    assert_eq!(uuids(&messages(&read(&out))), uuids(&data));
}
