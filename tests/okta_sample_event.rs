//! The documented sample event of Elastic's Okta integration (../shared/seed/okta-integration.txt)
//! must come out of our pipeline field for field, from the document the Elastic Agent sends.
//! Exempt: event.ingested and event.agent_id_status (set by Elasticsearch outside the pipeline),
//! and user_agent.version, checked by the dynamic-field pattern only.

mod okta_support;

use okta_support::{diff, our_pipeline, remove_path, sample_event, shared, simulate};
use serde_json::{json, Value as Json};

/// What the agent sends: the raw record in `message` plus the agent's own fields.
fn agent_document(sample: &Json) -> Json {
    json!({
        "@timestamp": sample["event"]["created"],
        "agent": sample["agent"],
        "elastic_agent": sample["elastic_agent"],
        "data_stream": sample["data_stream"],
        "input": sample["input"],
        "tags": sample["tags"],
        "event": {
            "created": sample["event"]["created"],
            "dataset": sample["event"]["dataset"],
        },
        "message": sample["event"]["original"],
    })
}

#[test]
fn sample_event_is_reproduced() {
    let Some(shared) = shared() else { return };
    let Some(mut expected) = sample_event(&shared) else {
        println!("skipped: no sample event in seed/okta-integration.txt");
        return;
    };
    let input = agent_document(&expected);
    let mut actual = simulate(&our_pipeline(), &[input]).remove(0);

    for exempt in ["event.ingested", "event.agent_id_status"] {
        remove_path(&mut expected, exempt);
        remove_path(&mut actual, exempt);
    }
    let version_re = regex::Regex::new(r"^\d+\.\d+(\.|\..*)?$").unwrap();
    remove_path(&mut expected, "user_agent.version");
    match remove_path(&mut actual, "user_agent.version") {
        Some(Json::String(v)) => assert!(version_re.is_match(&v), "user_agent.version {v:?}"),
        other => panic!("user_agent.version missing or not a string: {other:?}"),
    }

    let diffs = diff(&expected, &actual);
    let report: Vec<String> = diffs
        .iter()
        .map(|(d, detail)| match d {
            okta_support::Diff::OnlyLeft(p) => format!("missing  {p}: {detail}"),
            okta_support::Diff::OnlyRight(p) => format!("extra    {p}: {detail}"),
            okta_support::Diff::Value(p) => format!("differs  {p}: expected vs actual {detail}"),
        })
        .collect();
    assert!(
        report.is_empty(),
        "sample event differs:\n{}",
        report.join("\n")
    );
}
