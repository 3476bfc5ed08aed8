//! `ingest-emu simulate` end to end: failure metadata, nesting, drop/terminate, errors.

mod cli_support;

use serde_json::{json, Value};
use std::ffi::OsStr;

/// Writes pipeline files into a fresh directory.
fn pipelines(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `ingest-emu simulate --pipeline DIR ARGS` with `body` on stdin.
fn simulate_text(dir: &tempfile::TempDir, args: &[&str], body: &str) -> std::process::Output {
    let head: [&OsStr; 3] = [
        "simulate".as_ref(),
        "--pipeline".as_ref(),
        dir.path().as_os_str(),
    ];
    let args = head.into_iter().chain(args.iter().map(OsStr::new));
    cli_support::run_with_stdin(args, body)
}

fn simulate(dir: &tempfile::TempDir, args: &[&str], request: Value) -> (i32, Value, String) {
    let out = simulate_text(dir, args, &request.to_string());
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let parsed = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        parsed,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn source(resp: &Value, i: usize) -> &Value {
    &resp["docs"][i]["doc"]["_source"]
}

#[test]
fn processor_on_failure_sees_failure_metadata_and_pipeline_continues() {
    let dir = pipelines(&[(
        "default.yml",
        r#"
processors:
  - rename:
      field: missing
      target_field: x
      tag: my-tag
      on_failure:
        - set:
            field: failure
            value: "{{ _ingest.on_failure_processor_type }}|{{ _ingest.on_failure_processor_tag }}|{{ _ingest.on_failure_message }}"
  - set:
      field: after
      value: yes
"#,
    )]);
    let (code, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {"a": 1}}]}));
    assert_eq!(code, 0);
    assert_eq!(
        source(&resp, 0),
        &json!({"a": 1, "failure": "rename|my-tag|field [missing] doesn't exist", "after": "yes"})
    );
    assert_eq!(resp["docs"][0]["doc"]["_version"], "-3");
    assert_eq!(resp["docs"][0]["doc"]["_index"], "_index");
}

/// ES wraps a processor's `ignore_failure`/`on_failure` inside its `ConditionalProcessor`: an error
/// in the `if` reaches the pipeline's handler as a failure of type `conditional`, and so does any
/// failure of a processor with an `if` and no handler of its own (elastic/elasticsearch#126005).
#[test]
fn condition_errors_skip_the_processors_own_handlers() {
    let dir = pipelines(&[(
        "default.yml",
        r#"
processors:
  - set:
      if: ctx.x.y == 1
      field: a
      value: 1
      tag: t1
      ignore_failure: true
  - set:
      if: ctx.x.y == 1
      field: a
      value: 1
      tag: t2
      on_failure:
        - set:
            field: own
            value: "{{ _ingest.on_failure_processor_type }}"
  - grok:
      if: ctx.message != null
      field: message
      patterns: ["^x$"]
      tag: g
  - foreach:
      field: list
      tag: each
      processor:
        set:
          if: ctx._ingest._value.k == 1
          field: b
          value: 1
          tag: inner
  - set:
      field: after
      value: yes
on_failure:
  - append:
      field: failures
      value: "{{ _ingest.on_failure_processor_type }}|{{ _ingest.on_failure_processor_tag }}|{{ _ingest.on_failure_message }}"
"#,
    )]);
    let docs = [
        json!({"message": "abc"}),
        json!({"message": "abc", "x": {"y": 2}}),
        json!({"message": "x", "x": {"y": 2}, "list": [{}]}),
    ];
    let request = json!({"docs": docs.iter().map(|d| json!({"_source": d})).collect::<Vec<_>>()});
    let (code, resp, stderr) = simulate(&dir, &[], request);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        source(&resp, 0),
        &json!({"message": "abc", "failures": ["conditional|t1|cannot access method/field [y] from a null def reference"]})
    );
    assert_eq!(
        source(&resp, 1),
        &json!({"message": "abc", "x": {"y": 2}, "failures": ["conditional|g|Provided Grok expressions do not match field value: [abc]"]})
    );
    // ForEachProcessor runs its processor without a CompoundProcessor: the pipeline labels the
    // failure with the foreach itself (`ctx` of a condition has no `_ingest`)
    assert_eq!(
        source(&resp, 2),
        &json!({"message": "x", "x": {"y": 2}, "list": [{}], "failures": ["foreach|each|cannot access method/field [_value] from a null def reference"]})
    );
}

#[test]
fn pipeline_level_on_failure_skips_the_rest_but_keeps_the_document() {
    let dir = pipelines(&[(
        "default.yml",
        r#"
processors:
  - fail:
      message: "boom {{a}}"
  - set:
      field: never
      value: 1
on_failure:
  - set:
      field: error.message
      value: "{{ _ingest.on_failure_message }}"
"#,
    )]);
    let (_, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {"a": "x"}}]}));
    assert_eq!(
        source(&resp, 0),
        &json!({"a": "x", "error": {"message": "boom x"}})
    );
}

#[test]
fn nested_pipelines_report_the_failing_pipeline() {
    let dir = pipelines(&[
        (
            "default.yml",
            r#"
processors:
  - pipeline:
      name: '{{ IngestPipeline "inner" }}'
on_failure:
  - set:
      field: origin
      value: "{{ _ingest.on_failure_pipeline }} {{ _ingest.on_failure_processor_type }}"
"#,
        ),
        (
            "inner.yml",
            r#"
processors:
  - set:
      field: seen
      value: "{{ _ingest.pipeline }}"
  - convert:
      field: n
      type: integer
"#,
        ),
    ]);
    let (_, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {"n": "x"}}]}));
    assert_eq!(
        source(&resp, 0),
        &json!({"n": "x", "seen": "inner", "origin": "inner convert"})
    );
}

#[test]
fn cycles_are_detected() {
    let dir = pipelines(&[
        (
            "default.yml",
            "processors:\n  - pipeline:\n      name: other\n",
        ),
        (
            "other.yml",
            "processors:\n  - pipeline:\n      name: default\n",
        ),
    ]);
    let (_, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {}}]}));
    assert_eq!(
        resp["docs"][0]["error"]["type"],
        "graph_structure_exception"
    );
    assert_eq!(
        resp["docs"][0]["error"]["reason"],
        "Cycle detected for pipeline: default"
    );
}

#[test]
fn drop_gives_null_and_terminate_ends_only_the_current_pipeline() {
    let dir = pipelines(&[
        (
            "default.yml",
            r#"
processors:
  - drop:
      if: "ctx.drop == true"
  - pipeline:
      name: inner
  - set:
      field: outer_after
      value: 1
"#,
        ),
        (
            "inner.yml",
            "processors:\n  - terminate: {}\n  - set:\n      field: inner_after\n      value: 1\n",
        ),
    ]);
    let (_, resp, stderr) = simulate(
        &dir,
        &[],
        json!({"docs": [{"_source": {"drop": false}}, {"_source": {"drop": true}}]}),
    );
    if resp["docs"][0].get("error").is_some() {
        // Painless conditions are required for this test.
        panic!("unexpected error: {resp} {stderr}");
    }
    assert_eq!(source(&resp, 0), &json!({"drop": false, "outer_after": 1}));
    assert_eq!(resp["docs"][1], Value::Null);
}

#[test]
fn foreach_through_simulate() {
    let dir = pipelines(&[(
        "default.yml",
        r#"
processors:
  - foreach:
      field: chain
      processor:
        rename:
          field: _ingest._value.ipAddress
          target_field: _ingest._value.ip
          ignore_missing: true
"#,
    )]);
    let (_, resp, _) = simulate(
        &dir,
        &[],
        json!({"docs": [{"_source": {"chain": [{"ipAddress": "1.2.3.4"}, {"other": 1}]}}]}),
    );
    assert_eq!(
        source(&resp, 0),
        &json!({"chain": [{"ip": "1.2.3.4"}, {"other": 1}]})
    );
}

#[test]
fn inline_pipeline_replaces_the_pipeline_option() {
    let dir = pipelines(&[("default.yml", "processors: []\n")]);
    let request = json!({
        "pipeline": {"processors": [{"set": {"field": "inline", "value": true}}]},
        "docs": [{"_index": "idx", "_id": "1", "_routing": "r", "_source": {}}]
    });
    let (_, resp, _) = simulate(&dir, &[], request);
    assert_eq!(source(&resp, 0), &json!({"inline": true}));
    assert_eq!(resp["docs"][0]["doc"]["_routing"], "r");
    assert_eq!(resp["docs"][0]["doc"]["_id"], "1");
}

#[test]
fn invalid_pipelines_exit_non_zero_with_es_error_json() {
    let dir = pipelines(&[("default.yml", "processors:\n  - foo:\n      field: x\n")]);
    let (code, resp, stderr) = simulate(&dir, &[], json!({"docs": [{"_source": {}}]}));
    assert_ne!(code, 0);
    assert_eq!(resp["status"], 400);
    assert_eq!(resp["error"]["type"], "parse_exception");
    assert_eq!(
        resp["error"]["reason"],
        "No processor type exists with name [foo]"
    );
    assert!(stderr.contains("default.yml:2"), "{stderr}");

    let dir = pipelines(&[(
        "default.yml",
        "processors:\n  - set:\n      field: a\n    rename:\n      field: b\n",
    )]);
    let (_, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {}}]}));
    assert_eq!(
        resp["error"]["reason"],
        "[processors] contains nested objects but should be a list of single-entry objects"
    );

    let dir = pipelines(&[("default.yml", "processors: [")]);
    let (code, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {}}]}));
    assert_ne!(code, 0);
    assert!(resp["error"]["reason"]
        .as_str()
        .unwrap()
        .contains("invalid YAML"));
}

#[test]
fn verbose_lists_processor_results() {
    let dir = pipelines(&[(
        "default.yml",
        "processors:\n  - set:\n      field: a\n      value: 1\n      tag: t1\n  - rename:\n      field: nope\n      target_field: b\n      ignore_failure: true\n",
    )]);
    let (_, resp, _) = simulate(&dir, &["--verbose"], json!({"docs": [{"_source": {}}]}));
    let results = &resp["docs"][0]["processor_results"];
    assert_eq!(results[0]["processor_type"], "set");
    assert_eq!(results[0]["status"], "success");
    assert_eq!(results[0]["tag"], "t1");
    assert_eq!(results[0]["doc"]["_source"], json!({"a": 1}));
    assert_eq!(results[1]["status"], "error_ignored");
    assert_eq!(
        results[1]["ignored_error"]["error"]["reason"],
        "field [nope] doesn't exist"
    );
}

#[test]
fn malformed_requests_do_not_panic() {
    let dir = pipelines(&[("default.yml", "processors: []\n")]);
    for body in ["{", "[]", "{\"docs\": 1}", "{\"docs\": [{}]}"] {
        let out = simulate_text(&dir, &[], body);
        assert_eq!(out.status.code(), Some(2), "{body}");
    }
}

#[test]
fn numbers_print_as_jackson_prints_them_and_request_comments_are_allowed() {
    let dir = pipelines(&[(
        "default.yml",
        "processors:\n  - script:\n      source: 'ctx.a = 1e20; ctx.b = 1.0E-5; ctx.c = 12345678.0; ctx.d = (float) 1e-5'\n",
    )]);
    // Elasticsearch's JSON parser accepts comments in request bodies
    let request = "{\"docs\": [ /* one */ {\"_source\": {\"in\": 1.0E20}} // done\n]}";
    let out = simulate_text(&dir, &[], request);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for expected in [
        r#""in": 1.0E20"#,
        r#""a": 1.0E20"#,
        r#""b": 1.0E-5"#,
        r#""c": 1.2345678E7"#,
        r#""d": 1.0E-5"#,
    ] {
        assert!(stdout.contains(expected), "{expected} in {stdout}");
    }
}

#[test]
fn a_failure_in_the_called_pipeline_names_it_in_on_failure_pipeline() {
    // ES 8.5+ (elastic/elasticsearch#89632): the top-level pipeline is on the stack too
    let dir = pipelines(&[(
        "default.yml",
        r#"
processors:
  - convert: {field: n, type: integer}
on_failure:
  - set:
      field: origin
      value: "[{{ _ingest.on_failure_pipeline }}] {{ _ingest.on_failure_processor_type }}"
"#,
    )]);
    let (code, resp, _) = simulate(&dir, &[], json!({"docs": [{"_source": {"n": "x"}}]}));
    assert_eq!(code, 0);
    assert_eq!(
        source(&resp, 0),
        &json!({"n": "x", "origin": "[default] convert"})
    );
}

/// HashMap tables decide iteration order: the document's source is `new HashMap<>(source)`
/// (`IngestCtxMap`), `set`'s `copy_from` copies with `Maps.newMapWithExpectedSize`
/// (`IngestDocument.deepCopy`), and `foreach` over a map collects into one. Expected values from
/// JDK 17 programs mirroring those classes.
#[test]
fn hash_map_tables_follow_elasticsearch() {
    let dir = pipelines(&[(
        "default.yml",
        r#"
processors:
  - set:
      field: a
      value: 1
  - script:
      source: |
        String order = '';
        for (def k : ctx.keySet()) { if (!k.startsWith('_')) { order += k + ','; } }
        ctx.order = order;
  - set:
      field: copy
      copy_from: src
      if: ctx.src != null
  - script:
      source: ctx.copy_str = ctx.copy.toString(); ctx.src_str = ctx.src.toString();
      if: ctx.src != null
  - foreach:
      field: each
      ignore_missing: true
      processor:
        uppercase:
          field: _ingest._value
  - script:
      source: ctx.each_str = ctx.each.toString();
      if: ctx.each != null
"#,
    )]);
    let raw = json!({"d": "raw"});
    let doc = json!({"d": "raw", "src": {"a": 1, "d": 2}, "each": {"a": "x", "d": "y"}});
    let (code, resp, _) = simulate(
        &dir,
        &[],
        json!({"docs": [{"_source": raw}, {"_source": doc}]}),
    );
    assert_eq!(code, 0);
    // one source key: a table of 2, grown to 4 by `a` (a default table of 16 gives "a,d,")
    assert_eq!(source(&resp, 0)["order"], "d,a,");
    let s = source(&resp, 1);
    assert_eq!(s["order"], "a,d,src,each,", "{s}");
    assert_eq!(s["copy_str"], "{d=2, a=1}");
    assert_eq!(s["src_str"], "{a=1, d=2}");
    assert_eq!(s["each_str"], "{d=Y, a=X}");
}
