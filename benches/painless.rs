//! Okta-like `if` conditions and a script processor, per document.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ingest_emu::painless::Script;
use ingest_emu::value::{Map, Value};

const DOC: &str = r#"{"okta": {"event_type": "user.session.start", "outcome": {"result_lower": "success"},
  "client": {"ip": "1.2.3.4"}, "actor": {"id": "00u1", "display_name": "X"},
  "target": [{"alternateId": "a", "displayName": "b", "type": "User", "id": "1"}]},
  "event": {"original": "{}"}, "tags": ["preserve_original_event"], "user": {"name": "bob"}}"#;

const CONDITIONS: &[&str] = &[
    "ctx.event?.original != null",
    "ctx?.json?.uuid != null && ctx?.json?.uuid != \"\"",
    "[\"group.user_membership.add\",\"group.user_membership.remove\",\"user.lifecycle.activate\",\"user.lifecycle.create\",\"user.lifecycle.deactivate\",\"user.lifecycle.suspend\",\"user.lifecycle.unsuspend\"].contains(ctx?.okta?.event_type)",
    "[\"user.session.start\",\"user.session.end\"].contains(ctx?.okta?.event_type)",
    "ctx?.okta?.outcome?.result_lower != null && (ctx?.okta?.outcome?.result_lower == \"success\" || ctx?.okta?.outcome?.result_lower == \"allow\")",
    "ctx?.tags == null || !(ctx.tags.contains('preserve_original_event'))",
    "ctx._conf?.remove_flattened_debug != true",
    "ctx.okta?.debug_context?.debug_data?.flattened?.logOnlySecurityData?.risk?.level != null",
];

const SCRIPT: &str = r#"def arr = ctx.okta?.target;
if (arr != null) {
  for (def i = 0; i < arr.length; i++) {
    arr[i]["alternate_id"] = arr[i]["alternateId"];
    arr[i].remove("alternateId");
    arr[i]["display_name"] = arr[i]["displayName"];
    arr[i].remove("displayName");
  }
  for (def i = 0; i < arr.length; i++) {
    if (arr[i]["type"].toLowerCase() == "user") {
      ctx["okta_target_user"] = arr[i];
      break;
    }
  }
}"#;

fn doc() -> Map {
    match Value::from_json_str(DOC).expect("doc") {
        Value::Map(m) => m,
        _ => unreachable!(),
    }
}

fn bench(c: &mut Criterion) {
    let conditions: Vec<Script> = CONDITIONS
        .iter()
        .map(|s| Script::compile(s, &Map::new()).expect("compile"))
        .collect();
    let d = doc();
    c.bench_function("okta conditions (8) per document", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &conditions {
                n += s.execute_condition(black_box(&d)).expect("run") as u32;
            }
            n
        })
    });
    for (name, src) in [
        ("trivial", "true"),
        ("null-safe path", "ctx?.okta?.outcome?.result_lower != null"),
        (
            "const contains",
            "[\"user.session.start\",\"user.session.end\"].contains(ctx?.okta?.event_type)",
        ),
    ] {
        let s = Script::compile(src, &Map::new()).expect("compile");
        c.bench_function(&format!("condition: {name}"), |b| {
            b.iter(|| s.execute_condition(black_box(&d)).expect("run"))
        });
    }
    let script = Script::compile(SCRIPT, &Map::new()).expect("compile");
    c.bench_function("okta target script per document", |b| {
        b.iter_batched(
            doc,
            |mut d| script.execute_ingest(&mut d).expect("run"),
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("compile target script", |b| {
        b.iter(|| Script::compile(black_box(SCRIPT), &Map::new()).expect("compile"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
