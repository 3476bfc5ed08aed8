//! Our Okta pipeline against Elastic's (../shared/conformance/okta), over the same test_data/okta
//! inputs. Every remaining difference must be one documented in pipelines/okta/README.md (the table
//! under "Differences from Elastic's pipeline"), and every documented difference must still occur.

mod okta_support;

use okta_support::{diff, inputs, our_pipeline, remove_path, root, shared, simulate, Diff};
use std::collections::{BTreeMap, BTreeSet};

/// (kind, path pattern) rows of the README table. A pattern ending in `*` matches by prefix.
fn documented() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(root().join("pipelines/okta/README.md")).expect("README");
    let start = text
        .find("## Differences from Elastic's pipeline")
        .expect("differences section");
    text[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[2].to_string(), cells[1].trim_matches('`').to_string())
        })
        .collect()
}

fn kind(d: &Diff) -> (&'static str, &str) {
    match d {
        Diff::OnlyLeft(p) => ("upstream only", p),
        Diff::OnlyRight(p) => ("ours only", p),
        Diff::Value(p) => ("value", p),
    }
}

fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => pattern == path,
    }
}

#[test]
fn differences_from_upstream_are_the_documented_ones() {
    let Some(shared) = shared() else { return };
    let upstream = shared.join("conformance/okta/data_stream/system/elasticsearch/ingest_pipeline");
    if !upstream.is_dir() {
        println!("skipped: {} not found", upstream.display());
        return;
    }
    let documented = documented();
    let mut observed: BTreeMap<(String, String), String> = BTreeMap::new();
    for input in inputs() {
        let theirs = simulate(&upstream, &input.docs);
        let ours = simulate(&our_pipeline(), &input.docs);
        for (i, (mut l, mut r)) in theirs.into_iter().zip(ours).enumerate() {
            for field in input.dynamic_fields.keys() {
                remove_path(&mut l, field);
                remove_path(&mut r, field);
            }
            // A failed document differs everywhere after the failure: one difference is enough.
            let diffs = match (l.get("error"), r.get("error")) {
                (Some(e), None) => vec![(Diff::OnlyLeft("error".into()), e.to_string())],
                (None, Some(e)) => vec![(Diff::OnlyRight("error".into()), e.to_string())],
                _ => diff(&l, &r),
            };
            for (d, detail) in diffs {
                let (k, p) = kind(&d);
                observed
                    .entry((k.to_string(), p.to_string()))
                    .or_insert_with(|| format!("{} doc {i}: {detail}", input.name));
            }
        }
    }
    let mut problems = Vec::new();
    for ((k, p), example) in &observed {
        if !documented.iter().any(|(dk, dp)| dk == k && matches(dp, p)) {
            problems.push(format!(
                "undocumented difference: | `{p}` | {k} | … (e.g. {example})"
            ));
        }
    }
    for (dk, dp) in &documented {
        if !observed.keys().any(|(k, p)| dk == k && matches(dp, p)) {
            problems.push(format!("documented difference no longer seen: `{dp}` {dk}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
