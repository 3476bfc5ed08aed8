//! Every field of the documented exported-fields table (../shared/seed/okta-integration.txt) that
//! an Okta record can produce appears in at least one expected/okta document, with the
//! documented type; and no expected document holds a value of another type at a documented path.
//! Paths that are never produced are listed in NOT_PRODUCED with the reason.

mod okta_support;

use okta_support::{root, shared};
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet};

/// Documented paths our pipeline never produces, and why.
const NOT_PRODUCED: &[(&str, &str)] = &[
    ("cloud.image.id", "host metadata of the agent; the httpjson input sends none and an Okta record has none"),
    ("host.containerized", "host metadata of the agent; the httpjson input sends none and an Okta record has none"),
    ("host.os.build", "host metadata of the agent; the httpjson input sends none and an Okta record has none"),
    ("host.os.codename", "host metadata of the agent; the httpjson input sends none and an Okta record has none"),
    ("log.flags", "log-file input metadata; Okta records come from the httpjson input"),
    ("log.offset", "log-file input metadata; Okta records come from the httpjson input"),
    ("event.module", "the documented sample event has no event.module, so the pipeline sets none"),
    ("okta.severity", "the documented sample event's record has severity INFO, yet the event has no okta.severity"),
    ("okta.version", "the documented sample event's record has version 0, yet the event has no okta.version"),
];

struct Row {
    path: String,
    ty: String,
}

fn table(text: &str) -> Vec<Row> {
    let start = text
        .find("\nExported fields\n")
        .expect("exported fields table");
    let end = text[start..]
        .find("\nChangelog\n")
        .map_or(text.len(), |e| start + e);
    text[start..end]
        .lines()
        .skip_while(|l| !l.starts_with("---|"))
        .skip(1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let path = cells.first()?.to_string();
            let ty = cells
                .iter()
                .skip(1)
                .rev()
                .find(|c| !c.is_empty())?
                .to_string();
            Some(Row { path, ty })
        })
        .collect()
}

/// Every value in the documents, by dotted path; array elements sit at the array's path.
fn walk(path: &str, v: &Json, out: &mut BTreeMap<String, Vec<Json>>) {
    match v {
        Json::Array(a) => a.iter().for_each(|x| walk(path, x, out)),
        Json::Object(m) => {
            if !path.is_empty() {
                out.entry(path.to_string()).or_default().push(v.clone());
            }
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(&p, x, out);
            }
        }
        _ => out.entry(path.to_string()).or_default().push(v.clone()),
    }
}

fn is_date(s: &str) -> bool {
    regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
        .unwrap()
        .is_match(s)
}

/// Whether `v` is a value of the documented type. `parent` is true for a row that the table also
/// documents sub-fields of: such a row is an object in practice whatever type it lists.
fn has_type(ty: &str, v: &Json, parent: bool) -> bool {
    if parent && v.is_object() {
        return true;
    }
    match ty {
        "keyword" | "constant_keyword" => v.is_string(),
        "long" | "integer" => v.is_i64() || v.is_u64(),
        "date" => v.as_str().is_some_and(is_date),
        "ip" => v
            .as_str()
            .is_some_and(|s| s.parse::<std::net::IpAddr>().is_ok()),
        "boolean" => v.is_boolean(),
        "flattened" | "object" => v.is_object(),
        "geo_point" => {
            v.get("lat").is_some_and(Json::is_number) && v.get("lon").is_some_and(Json::is_number)
        }
        other => panic!("type {other} not handled by this test"),
    }
}

#[test]
fn documented_fields_are_produced_with_their_types() {
    let Some(shared) = shared() else { return };
    let Ok(text) = std::fs::read_to_string(shared.join("seed/okta-integration.txt")) else {
        println!("skipped: seed/okta-integration.txt not found");
        return;
    };
    let rows = table(&text);
    assert!(
        rows.len() > 100,
        "only {} rows parsed from the table",
        rows.len()
    );

    let mut seen: BTreeMap<String, Vec<Json>> = BTreeMap::new();
    let dir = root().join("expected/okta");
    for entry in std::fs::read_dir(&dir).expect("expected/okta") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let v: Json = serde_json::from_str(&text).unwrap();
        for doc in v["expected"].as_array().unwrap() {
            walk("", doc, &mut seen);
        }
    }

    let paths: BTreeSet<&str> = rows.iter().map(|r| r.path.as_str()).collect();
    let allowed: BTreeMap<&str, &str> = NOT_PRODUCED.iter().copied().collect();
    let mut problems = Vec::new();
    for row in &rows {
        let parent = paths
            .iter()
            .any(|p| p.starts_with(&format!("{}.", row.path)));
        let produced = if let Some(prefix) = row.path.strip_suffix(".*") {
            seen.keys().any(|k| k.starts_with(&format!("{prefix}.")))
        } else {
            match seen.get(&row.path) {
                None => false,
                Some(values) => {
                    for v in values {
                        if !has_type(&row.ty, v, parent) {
                            problems
                                .push(format!("{}: documented {}, found {v}", row.path, row.ty));
                        }
                    }
                    values.iter().any(|v| has_type(&row.ty, v, parent))
                }
            }
        };
        match (produced, allowed.get(row.path.as_str())) {
            (false, None) => problems.push(format!("{} ({}): never produced", row.path, row.ty)),
            (true, Some(_)) => problems.push(format!(
                "{}: produced, yet listed in NOT_PRODUCED",
                row.path
            )),
            _ => {}
        }
    }
    for (path, _) in NOT_PRODUCED {
        if !paths.contains(path) {
            problems.push(format!(
                "{path}: in NOT_PRODUCED but not in the documented table"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
