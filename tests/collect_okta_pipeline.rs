//! `collect okta --pipeline` writes exactly what `collect` to a file followed by `run` writes.

mod collect_support;

use collect_support::*;

const API_KEY: &str = "00pipeline-test-token";

/// The repository's raw Okta test records (one JSON record per line), deduplicated by uuid.
fn okta_records() -> Vec<serde_json::Value> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("test_data/okta"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    files.sort();
    for f in files {
        for line in read(&f).lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let ok = v["published"]
                .as_str()
                .is_some_and(|p| p.parse::<jiff::Timestamp>().is_ok());
            if ok && seen.insert(v["uuid"].as_str().unwrap_or_default().to_string()) {
                out.push(v);
            }
        }
    }
    out
}

#[test]
fn pipeline_output_equals_collect_then_run() {
    let records = okta_records();
    assert!(records.len() >= 20, "{}", records.len());
    let server = OktaServer::start(
        Config {
            api_key: Some(API_KEY.into()),
            ..Config::default()
        },
        records.clone(),
    );
    let dir = tempfile::tempdir().unwrap();
    let collected = dir.path().join("collected.ndjson");
    let pipeline = root().join("pipelines/okta");
    let base = |c: &mut std::process::Command| {
        c.args([
            "--url",
            &server.logs_url(),
            "--since",
            "2000-01-01T00:00:00Z",
        ])
        .args([
            "--limit",
            "7",
            "--api-key-env",
            "K",
            "--preserve-original-event",
        ])
        .env("K", API_KEY);
    };
    let mut c = bin();
    base(&mut c);
    let r = run(c.arg("--output").arg(&collected));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&collected).lines().count(), records.len());

    let mut c = bin();
    base(&mut c);
    let direct = run(c.arg("--pipeline").arg(&pipeline));
    assert_eq!(direct.code, 0, "{}", direct.stderr);
    assert!(
        direct.stderr.contains("pipeline: in: "),
        "{}",
        direct.stderr
    );

    let via_run = run(std::process::Command::new(env!("CARGO_BIN_EXE_ingest-emu"))
        .arg("run")
        .arg("--pipeline")
        .arg(&pipeline)
        .arg(&collected));
    assert_eq!(via_run.code, 0, "{}", via_run.stderr);
    assert_eq!(direct.stdout, via_run.stdout);

    let docs: Vec<serde_json::Value> = direct
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), records.len());
    // Okta returns events in `published` order.
    for (doc, rec) in docs.iter().zip(&server.events()) {
        assert_eq!(doc["event"]["id"], rec["uuid"], "{doc}");
        assert_eq!(doc["@timestamp"], rec["published"]);
        // event.original is the agent's re-encoding of the record.
        let original: serde_json::Value =
            serde_json::from_str(doc["event"]["original"].as_str().unwrap()).unwrap();
        assert_eq!(&original, rec);
        assert!(doc.get("_conf").is_none());
    }
}
