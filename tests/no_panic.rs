//! Robustness: no configuration and no document makes the engine panic. Bad input becomes an error.
#![allow(clippy::result_large_err)]

use ingest_emu::pipeline::{compile_step, new_document, Definition, Registry, Services};
use ingest_emu::value::{Map, Value};
use serde_json::json;
use std::sync::Arc;

/// Option values of every JSON type, for every option name processors use.
fn weird_values() -> Vec<serde_json::Value> {
    vec![
        json!(null),
        json!(true),
        json!(1),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("x"),
        json!("{{"),
        json!("{{#a}}"),
        json!("a..b"),
        json!("["),
        json!([]),
        json!([1, "a"]),
        json!({}),
        json!({"a": 1}),
    ]
}

const OPTIONS: &[&str] = &[
    "field",
    "target_field",
    "value",
    "copy_from",
    "type",
    "pattern",
    "patterns",
    "formats",
    "separator",
    "field_split",
    "value_split",
    "properties",
    "database_file",
    "processor",
    "name",
    "message",
    "keep",
    "target_fields",
    "method",
    "fields",
    "internal_networks",
    "replacement",
    "pattern_definitions",
    "date_rounding",
    "timezone",
    "locale",
    "output_format",
    "ecs_compatibility",
    "source",
    "order",
    "path",
    "destination",
    "dataset",
    "regex_file",
    "include_keys",
    "seed",
];

fn documents() -> Vec<Map> {
    let texts = [
        r#"{}"#,
        r#"{"field": null, "x": null}"#,
        r#"{"field": "", "x": ""}"#,
        r#"{"field": "a b c", "x": "1.2.3.4", "message": "<b>hi</b> %41 1kb"}"#,
        r#"{"field": 1, "x": -1.5, "message": 3000000000}"#,
        r#"{"field": [1, "a", null, {"b": []}], "x": [[]]}"#,
        r#"{"field": {"a": {"b": "c"}}, "x": {"y": null}}"#,
        r#"{"field": "日本語 ünïcödé \u0000 \n", "x": "::1"}"#,
    ];
    texts
        .iter()
        .map(|t| match Value::from_json_str(t).unwrap() {
            Value::Map(m) => m,
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn every_processor_survives_weird_options_and_documents() {
    let services = Services::default();
    let mut compiled = 0;
    for ptype in ingest_emu::processors::supported_types() {
        let mut configs = vec![
            json!({}),
            json!({"field": "field"}),
            json!({"field": "x", "target_field": "t"}),
        ];
        for option in OPTIONS {
            for v in weird_values() {
                configs.push(json!({"field": "field", (*option): v}));
            }
        }
        for config in configs {
            let outcome = std::panic::catch_unwind(|| {
                compile_step(ptype, config.clone(), Default::default(), &services)
            });
            let step = match outcome {
                Err(_) => panic!("processor [{ptype}] panicked at load with {config}"),
                Ok(Err(_)) => continue,
                Ok(Ok(step)) => step,
            };
            compiled += 1;
            let mut registry = Registry::new(Arc::new(Services::default()));
            registry.insert(ingest_emu::pipeline::Pipeline {
                id: "p".into(),
                description: None,
                version: None,
                steps: vec![step],
                on_failure: vec![],
                file: None,
            });
            for source in documents() {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let mut doc = new_document(source.clone(), vec![("_index", "i".into())]);
                    let _ = registry.execute("p", &mut doc);
                }));
                assert!(
                    result.is_ok(),
                    "processor [{ptype}] panicked with {config} on {}",
                    Value::Map(source).to_json()
                );
            }
        }
    }
    assert!(compiled > 100, "only {compiled} configurations compiled");
}

#[test]
fn hostile_pipeline_text_is_an_error() {
    let deep_yaml = format!("processors: {}{}", "[".repeat(5000), "]".repeat(5000));
    let deep_json = format!(
        r#"{{"processors": {}{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let cases = [
        "",
        "processors",
        "processors: 1",
        "processors: [1]",
        "processors: [{}]",
        "processors: [{set: 1}]",
        "processors: [{set: {field: a, value: 1}, x: 2}]",
        "on_failure: []\nprocessors: []",
        "- a\n- b",
        "\u{0}\u{1}",
        "processors: !!binary aGVsbG8=",
        deep_yaml.as_str(),
        deep_json.as_str(),
    ];
    for text in cases {
        let result = std::panic::catch_unwind(|| {
            Definition::from_text("p", Some("p.yml"), text)
                .map(|d| Registry::build(&[d], Arc::new(Services::default())).1.len())
        });
        assert!(
            result.is_ok(),
            "panicked on {:?}",
            &text[..text.len().min(40)]
        );
    }
}

#[test]
fn hostile_simulate_requests_are_errors() {
    let deep = format!(
        r#"{{"docs":[{{"_source":{}1{}}}]}}"#,
        r#"{"a":"#.repeat(3000),
        "}".repeat(3000)
    );
    for body in [
        "",
        "{",
        "null",
        r#"{"docs":null}"#,
        r#"{"docs":[{"_source":[]}]}"#,
        deep.as_str(),
    ] {
        let result =
            std::panic::catch_unwind(|| ingest_emu::simulate::parse_request(body).is_err());
        assert_eq!(result.ok(), Some(true), "{}", &body[..body.len().min(40)]);
    }
}
