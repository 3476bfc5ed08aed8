//! Golden test of the Okta pipeline: every test_data/okta input against expected/okta, compared
//! the way `elastic-package test pipeline` compares (dynamic fields left out, then equality).
//! `OKTA_GENERATE=1 cargo test --test okta_golden` rewrites the expected files.

mod okta_support;

use okta_support::{diff, inputs, our_pipeline, remove_path, render_expected, simulate};
use serde_json::Value as Json;

#[test]
fn okta_inputs_match_expected_documents() {
    let generate = std::env::var_os("OKTA_GENERATE").is_some();
    let mut failures = Vec::new();
    for input in inputs() {
        let actual = simulate(&our_pipeline(), &input.docs);
        for (i, doc) in actual.iter().enumerate() {
            if doc.pointer("/error/message").is_some() || doc.get("error").is_some() {
                failures.push(format!(
                    "{} doc {}: pipeline error: {}",
                    input.name, i, doc["error"]
                ));
            }
            for (field, pattern) in &input.dynamic_fields {
                let re = regex::Regex::new(pattern).expect("dynamic field regex");
                let mut probe = doc.clone();
                if let Some(Json::String(s)) = remove_path(&mut probe, field) {
                    if !re.is_match(&s) {
                        failures.push(format!(
                            "{} doc {i}: {field} = {s:?} does not match {pattern}",
                            input.name
                        ));
                    }
                }
            }
        }
        let path = okta_support::expected_path(&input.name);
        if generate {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, render_expected(&actual)).unwrap();
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            failures.push(format!(
                "{}: no expected file {}",
                input.name,
                path.display()
            ));
            continue;
        };
        let expected: Json = serde_json::from_str(&text).expect("expected file is JSON");
        let expected = expected["expected"]
            .as_array()
            .expect("expected array")
            .clone();
        if expected.len() != actual.len() {
            failures.push(format!(
                "{}: {} documents, expected {}",
                input.name,
                actual.len(),
                expected.len()
            ));
            continue;
        }
        for (i, (want, got)) in expected.iter().zip(&actual).enumerate() {
            let (mut want, mut got) = (want.clone(), got.clone());
            for field in input.dynamic_fields.keys() {
                remove_path(&mut want, field);
                remove_path(&mut got, field);
            }
            for (d, detail) in diff(&want, &got) {
                failures.push(format!("{} doc {i}: {d:?} {detail}", input.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A record that is not JSON is not silently passed on: it is marked as a pipeline error.
#[test]
fn malformed_record_is_a_pipeline_error() {
    let docs = [serde_json::json!({ "message": "{\"uuid\": \"truncated" })];
    let out = simulate(&our_pipeline(), &docs);
    assert_eq!(out[0]["event"]["kind"], "pipeline_error", "{}", out[0]);
    let message = out[0]["error"]["message"][0].as_str().unwrap_or_default();
    assert!(message.starts_with("Processor 'json'"), "{message}");
    assert_eq!(out[0]["event"]["original"], "{\"uuid\": \"truncated");
}
