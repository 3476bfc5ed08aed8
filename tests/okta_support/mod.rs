//! Shared by the Okta tests: reading test_data/okta inputs the way elastic-package does, running
//! `ingest-emu simulate`, writing expected files, and diffing documents path by path.
#![allow(dead_code)]

use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, or None after printing the skip notice.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: ../shared not found");
        None
    }
}

/// One test input: the documents elastic-package would build from it, and its config.
pub struct Input {
    pub name: String,
    pub docs: Vec<Json>,
    pub dynamic_fields: BTreeMap<String, String>,
}

/// Every input file under test_data/okta (not configs), sorted by name.
pub fn inputs() -> Vec<Input> {
    let dir = root().join("test_data/okta");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("test_data/okta")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| !n.ends_with("-config.yml") && !n.ends_with("-expected.json"))
        .collect();
    names.sort();
    names.iter().map(|n| read_input(&dir, n)).collect()
}

fn read_input(dir: &Path, name: &str) -> Input {
    let text = std::fs::read_to_string(dir.join(name)).expect("input file");
    let mut docs: Vec<Json> = if name.ends_with(".log") {
        text.lines()
            .map(|l| serde_json::json!({ "message": l }))
            .collect()
    } else if name.ends_with(".ndjson") {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: {e}")))
            .collect()
    } else if name.ends_with(".json") {
        let v: Json = serde_json::from_str(&text).expect("json input");
        v["events"].as_array().expect("events array").clone()
    } else {
        panic!("{name}: unsupported input extension");
    };
    let mut dynamic_fields = BTreeMap::new();
    let config = dir.join(format!("{name}-config.yml"));
    if config.exists() {
        let c: Json =
            ingest_emu::yaml::parse_yaml(&std::fs::read_to_string(&config).expect("config"))
                .expect("yaml");
        if let Some(fields) = c.get("fields").and_then(Json::as_object) {
            for doc in &mut docs {
                for (k, v) in fields {
                    put_dotted(doc, k, v.clone());
                }
            }
        }
        if let Some(d) = c.get("dynamic_fields").and_then(Json::as_object) {
            for (k, v) in d {
                dynamic_fields.insert(k.clone(), v.as_str().unwrap_or_default().to_string());
            }
        }
    }
    Input {
        name: name.to_string(),
        docs,
        dynamic_fields,
    }
}

/// elastic-package's `MapStr.Put`: dotted keys create nested objects, overwriting.
pub fn put_dotted(doc: &mut Json, path: &str, value: Json) {
    let mut cur = doc;
    let parts: Vec<&str> = path.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        if !cur.get(*p).is_some_and(Json::is_object) {
            cur[*p] = Json::Object(Map::new());
        }
        cur = cur.get_mut(*p).expect("just inserted");
    }
    cur[parts[parts.len() - 1]] = value;
}

/// Runs the real binary's `simulate` over `docs` and returns each `_source` (or the error object).
pub fn simulate(pipeline_dir: &Path, docs: &[Json]) -> Vec<Json> {
    let request = serde_json::json!({
        "docs": docs.iter().map(|d| serde_json::json!({
            "_index": "logs-okta.system-default",
            "_source": d,
        })).collect::<Vec<_>>()
    });
    let tmp = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(tmp.path(), serde_json::to_vec(&request).unwrap()).expect("write request");
    let out = Command::new(env!("CARGO_BIN_EXE_ingest-emu"))
        .arg("simulate")
        .arg("--pipeline")
        .arg(pipeline_dir)
        .arg("--entry")
        .arg("default")
        .arg(tmp.path())
        .output()
        .expect("run ingest-emu");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "ingest-emu simulate --pipeline {} failed: {}\n{}",
        pipeline_dir.display(),
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let response: Json = serde_json::from_str(&stdout).expect("simulate response is JSON");
    response["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|d| match d.get("doc") {
            Some(doc) => doc["_source"].clone(),
            None => d.clone(),
        })
        .collect()
}

pub fn our_pipeline() -> PathBuf {
    root().join("pipelines/okta")
}

pub fn expected_path(input: &str) -> PathBuf {
    root().join(format!("expected/okta/{input}-expected.json"))
}

/// elastic-package's `--generate` format: sorted keys, 4-space indent, trailing newline.
pub fn render_expected(docs: &[Json]) -> String {
    let v = sorted(&serde_json::json!({ "expected": docs }));
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(&v, &mut ser).expect("serialize");
    let mut s = String::from_utf8(buf).expect("utf8");
    s.push('\n');
    s
}

fn sorted(v: &Json) -> Json {
    match v {
        Json::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Json::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sorted(&m[k])))
                    .collect(),
            )
        }
        Json::Array(a) => Json::Array(a.iter().map(sorted).collect()),
        _ => v.clone(),
    }
}

/// Removes a dotted path (objects only) from a document.
pub fn remove_path(doc: &mut Json, path: &str) -> Option<Json> {
    let parts: Vec<&str> = path.split('.').collect();
    let mut cur = doc;
    for p in &parts[..parts.len() - 1] {
        cur = cur.get_mut(*p)?;
    }
    cur.as_object_mut()?.remove(parts[parts.len() - 1])
}

/// One difference between two documents: the dotted path (array positions left out), and what
/// differs there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Diff {
    /// Only the left document has the path.
    OnlyLeft(String),
    /// Only the right document has the path.
    OnlyRight(String),
    /// Both have it, with other values.
    Value(String),
}

/// Differences between two documents. A path present on one side only is reported once, not
/// for each field below it; arrays of equal length are compared position by position.
pub fn diff(left: &Json, right: &Json) -> Vec<(Diff, String)> {
    let mut out = Vec::new();
    diff_at("", left, right, &mut out);
    out
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn same_number(a: &Json, b: &Json) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => a.is_number() && b.is_number() && x == y,
        _ => false,
    }
}

fn diff_at(path: &str, l: &Json, r: &Json, out: &mut Vec<(Diff, String)>) {
    match (l, r) {
        (Json::Object(a), Json::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => diff_at(&join(path, k), v, w, out),
                    None => out.push((Diff::OnlyLeft(join(path, k)), short(v))),
                }
            }
            for (k, w) in b {
                if !a.contains_key(k) {
                    out.push((Diff::OnlyRight(join(path, k)), short(w)));
                }
            }
        }
        (Json::Array(a), Json::Array(b)) if a.len() == b.len() => {
            for (v, w) in a.iter().zip(b) {
                diff_at(path, v, w, out);
            }
        }
        _ if l == r || same_number(l, r) => {}
        _ => out.push((
            Diff::Value(path.to_string()),
            format!("{} vs {}", short(l), short(r)),
        )),
    }
}

fn short(v: &Json) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

/// The documented sample event of the Okta integration, parsed out of the seed document.
pub fn sample_event(shared: &Path) -> Option<Json> {
    let path = shared.join("seed/okta-integration.txt");
    let text = std::fs::read_to_string(&path).ok()?;
    let start = text.find("An example event for system")?;
    let rest = &text[start..];
    let open = rest.find('{')?;
    let end = rest.find("\nExported fields")?;
    Some(serde_json::from_str(&rest[open..end]).expect("sample event is JSON"))
}
