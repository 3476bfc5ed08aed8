//! A data stream's `routing_rules.yml`, turned into the `reroute` processors elastic-package
//! appends to its `default` pipeline when it installs it for pipeline tests
//! (`internal/elasticsearch/ingest/datastream.go`, `loadRoutingRuleFile` and
//! `addRerouteProcessors`).
//!
//! The file is a list of `{source_dataset, rules: [{target_dataset, if, namespace}]}`; each rule
//! becomes `reroute: {tag: <source_dataset>, if: <if>, dataset: [...], namespace: [...]}` in file
//! order. `target_dataset` and `namespace` are a string or a list of strings; `namespace` may be
//! left out (an empty list: reroute then keeps the document's namespace). An absent `if` is
//! written as `""`, as elastic-package writes it, which Painless refuses to compile.

use serde_json::{json, Value as Json};
use std::path::Path;

/// The file name elastic-package reads next to a data stream's `manifest.yml`.
pub const FILE_NAME: &str = "routing_rules.yml";

/// The pipeline elastic-package appends the processors to (`addRerouteProcessors`: the files
/// `default.yml`, `default.json` and their links).
pub const PIPELINE_ID: &str = "default";

/// The reroute processors of `path`, or elastic-package's error for a malformed file.
pub fn reroute_processors(path: &Path) -> Result<Vec<Json>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("reading {} failed: {e}", path.display()))?;
    let rules = crate::yaml::parse_yaml_value(&text)
        .map_err(|e| format!("unmarshalling {} failed: {e}", path.display()))?;
    from_rules(&rules).map_err(|e| format!("{}: {e}", path.display()))
}

fn from_rules(doc: &Json) -> Result<Vec<Json>, String> {
    let groups = match doc {
        Json::Null => return Ok(Vec::new()),
        Json::Array(groups) => groups,
        _ => return Err("expected a list of {source_dataset, rules}".into()),
    };
    let mut processors = Vec::new();
    for group in groups {
        let tag = group
            .get("source_dataset")
            .and_then(Json::as_str)
            .unwrap_or("");
        let rules = match group.get("rules") {
            None | Some(Json::Null) => continue,
            Some(Json::Array(rules)) => rules,
            Some(_) => return Err("rules has to be a list".into()),
        };
        for rule in rules {
            let dataset = strings(rule.get("target_dataset"), "target_dataset")?;
            let namespace = strings(rule.get("namespace"), "namespace")?;
            let condition = rule.get("if").and_then(Json::as_str).unwrap_or("");
            let reroute = json!({
                "tag": tag,
                "if": condition,
                "dataset": dataset,
                "namespace": namespace,
            });
            processors.push(json!({ "reroute": reroute }));
        }
    }
    Ok(processors)
}

/// elastic-package's `convertValue`.
fn strings(value: Option<&Json>, label: &str) -> Result<Vec<String>, String> {
    let invalid =
        || format!("{label} in routing_rules.yml has to be a string or an array of strings");
    match value {
        None | Some(Json::Null) if label == "namespace" => Ok(Vec::new()),
        None | Some(Json::Null) => Err(format!("{label} in routing_rules.yml cannot be empty")),
        Some(Json::String(s)) => Ok(vec![s.clone()]),
        Some(Json::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string).ok_or_else(invalid))
            .collect(),
        Some(_) => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Json>, String> {
        from_rules(&crate::yaml::parse_yaml_value(text).unwrap())
    }

    #[test]
    fn each_rule_becomes_a_tagged_reroute_in_file_order() {
        let got = parse(
            "- source_dataset: netskope.alerts_events_v2\n  rules:\n    - target_dataset: netskope.alerts_v2\n      if: ctx.kind == 'alert'\n      namespace:\n        - '{{data_stream.namespace}}'\n        - default\n    - target_dataset: [netskope.events_v2, netskope.other]\n      if: ctx.kind == 'event'\n",
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&got).unwrap(),
            r#"[{"reroute":{"tag":"netskope.alerts_events_v2","if":"ctx.kind == 'alert'","dataset":["netskope.alerts_v2"],"namespace":["{{data_stream.namespace}}","default"]}},{"reroute":{"tag":"netskope.alerts_events_v2","if":"ctx.kind == 'event'","dataset":["netskope.events_v2","netskope.other"],"namespace":[]}}]"#
        );
    }

    #[test]
    fn malformed_values_are_errors() {
        assert_eq!(
            parse("- source_dataset: a\n  rules:\n    - if: 'true'\n").unwrap_err(),
            "target_dataset in routing_rules.yml cannot be empty"
        );
        assert_eq!(
            parse("- source_dataset: a\n  rules:\n    - target_dataset: [1]\n").unwrap_err(),
            "target_dataset in routing_rules.yml has to be a string or an array of strings"
        );
        assert!(parse("").unwrap().is_empty());
    }
}
