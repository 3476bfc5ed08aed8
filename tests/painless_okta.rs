//! Every script and `if` of the Okta integration's pipelines compiles and runs, and the scripts
//! reproduce what Elasticsearch produced in the conformance expected documents.

use ingest_emu::painless::Script;
use ingest_emu::value::{CollectionKind, Map, Value};
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.exists() {
        Some(p)
    } else {
        println!("skipped: ../shared not found");
        None
    }
}

fn pipelines(shared: &Path) -> Vec<(String, serde_json::Value)> {
    let dir = shared.join("conformance/okta/data_stream/system/elasticsearch/ingest_pipeline");
    let mut out = Vec::new();
    for name in [
        "default.yml",
        "use_flattened_debug.yml",
        "no_use_flattened_debug.yml",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("pipeline");
        out.push((
            name.to_string(),
            ingest_emu::yaml::parse_yaml(&text).expect("yaml"),
        ));
    }
    out
}

/// (kind, source): kind is "if" or "script"
fn collect_scripts(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (key, val) in m {
                if key == "if" {
                    if let Some(s) = val.as_str() {
                        out.push(("if".into(), s.to_string()));
                    }
                } else if key == "script" {
                    if let Some(src) = val.get("source").and_then(|s| s.as_str()) {
                        out.push(("script".into(), src.to_string()));
                    }
                    collect_scripts(val, out);
                } else {
                    collect_scripts(val, out);
                }
            }
        }
        serde_json::Value::Array(s) => {
            for x in s {
                collect_scripts(x, out);
            }
        }
        _ => {}
    }
}

fn all_scripts(shared: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (_, p) in pipelines(shared) {
        collect_scripts(&p, &mut out);
    }
    out
}

fn find_script(shared: &Path, needle: &str) -> Script {
    let src = all_scripts(shared)
        .into_iter()
        .find(|(k, s)| k == "script" && s.contains(needle))
        .map(|(_, s)| s)
        .expect("script present");
    Script::compile(&src, &Map::new()).expect("compiles")
}

fn inputs(shared: &Path) -> (Vec<String>, Vec<Value>) {
    let dir = shared.join("conformance/okta/data_stream/system/_dev/test/pipeline");
    let lines: Vec<String> =
        std::fs::read_to_string(dir.join("test-okta-system-yes-flattened-events.log"))
            .expect("log")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect();
    let expected = Value::from_json_str(
        &std::fs::read_to_string(
            dir.join("test-okta-system-yes-flattened-events.log-expected.json"),
        )
        .expect("expected"),
    )
    .expect("json");
    let docs = expected
        .as_map()
        .and_then(|m| m.get("expected"))
        .and_then(|v| v.as_list())
        .cloned()
        .expect("expected docs");
    (lines, docs)
}

fn get_path<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = v;
    for seg in path.split('.') {
        cur = cur.as_map()?.get(seg)?;
    }
    Some(cur)
}

fn has_null_or_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::List(l) => l.is_empty() || l.iter().any(has_null_or_empty),
        Value::Map(m) => m.is_empty() || m.iter().any(|(_, x)| has_null_or_empty(x)),
        _ => false,
    }
}

#[test]
fn every_okta_script_and_condition_compiles() {
    let Some(shared) = shared() else { return };
    let scripts = all_scripts(&shared);
    assert!(scripts.len() > 60, "found {}", scripts.len());
    for (kind, src) in &scripts {
        if let Err(e) = Script::compile(src, &Map::new()) {
            panic!("{kind} failed to compile: {src}\n{}", e.to_es_json());
        }
    }
}

#[test]
fn conditions_run_on_inputs_and_expected_documents() {
    let Some(shared) = shared() else { return };
    let conditions: Vec<Script> = all_scripts(&shared)
        .into_iter()
        .filter(|(k, _)| k == "if")
        .map(|(_, s)| Script::compile(&s, &Map::new()).expect("compile"))
        .collect();
    let (lines, expected) = inputs(&shared);
    let mut docs: Vec<Map> = Vec::new();
    for line in &lines {
        let mut m = Map::new();
        m.insert("message", Value::String(line.clone()));
        m.insert("json", Value::from_json_str(line).expect("line json"));
        docs.push(m);
    }
    for d in &expected {
        docs.push(d.as_map().expect("doc").clone());
    }
    let mut trues = 0;
    for d in &docs {
        for c in &conditions {
            match c.execute_condition(d) {
                Ok(b) => trues += b as usize,
                Err(e) => panic!("condition {} failed: {}", c.source(), e.to_es_json()),
            }
        }
    }
    assert!(trues > 100);
    // spot checks against the expected documents
    let outcome = Script::compile(
        "ctx?.okta?.outcome?.result_lower != null && (ctx?.okta?.outcome?.result_lower == \"success\" || ctx?.okta?.outcome?.result_lower == \"allow\")",
        &Map::new(),
    )
    .expect("compile");
    let mut doc = Map::new();
    let mut okta = Map::new();
    let mut out = Map::new();
    out.insert("result_lower", Value::from("allow"));
    okta.insert("outcome", Value::Map(out));
    doc.insert("okta", Value::Map(okta));
    assert!(outcome.execute_condition(&doc).expect("run"));
    let tags = Script::compile(
        "ctx?.tags == null || !(ctx.tags.contains('preserve_original_event'))",
        &Map::new(),
    )
    .expect("compile");
    for d in &expected {
        let m = d.as_map().expect("doc");
        let has = get_path(d, "tags")
            .and_then(|t| t.as_list())
            .map(|l| {
                l.iter()
                    .any(|x| x.as_str() == Some("preserve_original_event"))
            })
            .unwrap_or(false);
        assert_eq!(tags.execute_condition(m).expect("run"), !has);
    }
}

#[test]
fn drop_script_removes_null_and_empty_values() {
    let Some(shared) = shared() else { return };
    let script = find_script(&shared, "boolean drop(Object o)");
    let (lines, _) = inputs(&shared);
    for line in &lines {
        let mut ctx = Map::new();
        ctx.insert("json", Value::from_json_str(line).expect("json"));
        script.execute_ingest(&mut ctx).expect("runs");
        assert!(!has_null_or_empty(&Value::Map(ctx.clone())), "{line}");
        let original = Value::from_json_str(line).expect("json");
        // a value that was present and non-empty survives
        if let Some(id) = get_path(&original, "actor.id") {
            assert_eq!(
                get_path(&Value::Map(ctx.clone()), "json.actor.id"),
                Some(id)
            );
        }
    }
}

#[test]
fn related_entity_script_matches_elasticsearch() {
    let Some(shared) = shared() else { return };
    let drop = find_script(&shared, "boolean drop(Object o)");
    let script = find_script(&shared, "TreeSet related = new TreeSet()");
    let (lines, expected) = inputs(&shared);
    assert_eq!(lines.len(), expected.len());
    for (line, exp) in lines.iter().zip(expected.iter()) {
        let mut ctx = Map::new();
        ctx.insert("json", Value::from_json_str(line).expect("json"));
        drop.execute_ingest(&mut ctx).expect("drop");
        script.execute_ingest(&mut ctx).expect("related");
        let got = get_path(&Value::Map(ctx.clone()), "related.entity").cloned();
        let want = get_path(exp, "related.entity").cloned();
        match (got, want) {
            (Some(Value::Set(s)), Some(Value::List(w))) => {
                assert_eq!(s.kind, CollectionKind::Tree);
                let mut sorted: Vec<String> = w
                    .iter()
                    .map(|x| x.as_str().unwrap_or("").to_string())
                    .collect();
                sorted.sort();
                let got: Vec<String> = s
                    .items
                    .iter()
                    .map(|x| x.as_str().unwrap_or("").to_string())
                    .collect();
                assert_eq!(got, sorted, "{line}");
            }
            (g, w) => panic!("related.entity: got {g:?}, want {w:?}"),
        }
    }
}

#[test]
fn target_script_matches_elasticsearch() {
    let Some(shared) = shared() else { return };
    let drop = find_script(&shared, "boolean drop(Object o)");
    let script = find_script(&shared, "def arr = ctx.okta?.target;");
    let (lines, expected) = inputs(&shared);
    let mut checked = 0;
    for (line, exp) in lines.iter().zip(expected.iter()) {
        let mut ctx = Map::new();
        ctx.insert("json", Value::from_json_str(line).expect("json"));
        drop.execute_ingest(&mut ctx).expect("drop");
        let Some(target) = get_path(&Value::Map(ctx.clone()), "json.target").cloned() else {
            script
                .execute_ingest(&mut ctx)
                .expect("runs without target");
            continue;
        };
        let mut okta = Map::new();
        okta.insert("target", target);
        ctx.insert("okta", Value::Map(okta));
        script.execute_ingest(&mut ctx).expect("target script");
        let doc = Value::Map(ctx.clone());
        assert_eq!(
            get_path(&doc, "okta.target"),
            get_path(exp, "okta.target"),
            "{line}"
        );
        if let Some(name) = get_path(exp, "user.target.full_name") {
            assert_eq!(get_path(&doc, "okta_target_user.display_name"), Some(name));
        }
        if let Some(name) = get_path(exp, "user.target.group.name") {
            assert_eq!(get_path(&doc, "okta_target_group.display_name"), Some(name));
        }
        checked += 1;
    }
    assert!(checked >= 10, "checked {checked}");
}

#[test]
fn behaviors_script_follows_hashmap_order() {
    let Some(shared) = shared() else { return };
    let script = find_script(&shared, "flattened?.behaviors;");
    let (_, expected) = inputs(&shared);
    let mut checked = 0;
    for exp in &expected {
        let Some(want) = get_path(exp, "okta.debug_context.debug_data.risk_behaviors").cloned()
        else {
            continue;
        };
        let mut ctx = exp.as_map().expect("doc").clone();
        if let Some(Value::Map(okta)) = ctx.get_mut("okta") {
            if let Some(Value::Map(dc)) = okta.get_mut("debug_context") {
                if let Some(Value::Map(dd)) = dc.get_mut("debug_data") {
                    dd.remove("risk_behaviors");
                }
            }
        }
        script.execute_ingest(&mut ctx).expect("runs");
        assert_eq!(
            get_path(
                &Value::Map(ctx),
                "okta.debug_context.debug_data.risk_behaviors"
            ),
            Some(&want)
        );
        checked += 1;
    }
    assert!(checked >= 3);
}

#[test]
fn rename_keys_script_replaces_spaces_and_dashes() {
    let Some(shared) = shared() else { return };
    let script = find_script(&shared, "String underscore(String s)");
    let mut ctx: Map = match Value::from_json_str(
        r#"{"okta":{"debug_context":{"debug_data":{"New Geo-Location":"x","a b":{"c-d":1},"l":[{"e f":2},3]}}}}"#,
    )
    .expect("json")
    {
        Value::Map(m) => m,
        _ => unreachable!(),
    };
    script.execute_ingest(&mut ctx).expect("runs");
    let dd = get_path(&Value::Map(ctx), "okta.debug_context.debug_data")
        .cloned()
        .expect("dd");
    let want =
        Value::from_json_str(r#"{"New_Geo_Location":"x","a_b":{"c_d":1},"l":[{"e_f":2},3]}"#)
            .expect("json");
    assert_eq!(dd, want);
}
