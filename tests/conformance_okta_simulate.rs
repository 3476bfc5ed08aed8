//! Elastic's Okta pipeline test, driven through `ingest-emu simulate` the way elastic-package does it:
//! one `_simulate` request whose docs carry `_index` and the `.log` lines as `message` plus the
//! config's `fields`. Every document must match the expected file, by elastic-package's rules.

mod cli_support;

use ingest_emu::harness::compare::{delete_dotted, equal, field_diffs};
use ingest_emu::value::Value;
use std::path::Path;

#[test]
fn okta_expected_documents_through_simulate() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.exists() {
        println!("skipped: ../shared not found");
        return;
    }
    let ds = shared.join("conformance/okta/data_stream/system");
    let tests = ds.join("_dev/test/pipeline");
    let log =
        std::fs::read_to_string(tests.join("test-okta-system-yes-flattened-events.log")).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            tests.join("test-okta-system-yes-flattened-events.log-expected.json"),
        )
        .unwrap(),
    )
    .unwrap();
    // The test config's `fields`, as elastic-package merges them into every document.
    let docs: Vec<serde_json::Value> = log
        .lines()
        .map(|line| {
            serde_json::json!({
                "_index": "logs-okta.system-default",
                "_source": {
                    "message": line,
                    "@timestamp": "2020-04-28T11:07:58.223Z",
                    "tags": ["preserve_original_event"],
                    "_conf": {"remove_flattened_debug": false}
                }
            })
        })
        .collect();
    let request = serde_json::json!({ "docs": docs });
    let pipeline = ds.join("elasticsearch/ingest_pipeline");
    let args: [&std::ffi::OsStr; 5] = [
        "simulate".as_ref(),
        "--pipeline".as_ref(),
        pipeline.as_os_str(),
        "--entry".as_ref(),
        "default".as_ref(),
    ];
    let out = cli_support::run_with_stdin(args, &request.to_string());
    assert!(out.status.success());
    let response = Value::from_json_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let Value::List(results) = response.as_map().unwrap().get("docs").unwrap().clone() else {
        panic!("docs is a list")
    };
    let expected = Value::from_serde(&expected["expected"]);
    let Value::List(expected) = expected else {
        panic!()
    };
    assert_eq!(results.len(), expected.len());
    let version = regex::Regex::new(r"^\d+\.\d+(\.|\..*)?$").unwrap();
    let mut failures = Vec::new();
    for (i, (result, want)) in results.iter().zip(expected).enumerate() {
        let mut got = result
            .as_map()
            .and_then(|m| m.get("doc"))
            .and_then(|d| d.as_map())
            .and_then(|d| d.get("_source"))
            .cloned()
            .unwrap_or(Value::Null);
        if let Some(Value::String(v)) = got
            .as_map()
            .and_then(|m| m.get("user_agent"))
            .and_then(|u| u.as_map())
            .and_then(|u| u.get("version"))
        {
            assert!(version.is_match(v), "document {i}: user_agent.version {v}");
        }
        let mut want = want;
        delete_dotted(&mut got, "user_agent.version");
        delete_dotted(&mut want, "user_agent.version");
        if !equal(&want, &got) {
            failures.push(format!("document {i}: {:?}", field_diffs(&want, &got)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
