//! The one place that parses YAML: pipelines, test configs, package manifests and user-agent
//! pattern files arrive as YAML text and leave as `serde_json::Value` trees (keys in file order);
//! replacing serde_yaml later touches only this file.

/// Parses pipeline text. JSON is tried first when the text looks like JSON, so that JSON-only
/// syntax errors are reported in JSON terms.
pub fn parse_document(text: &str, looks_like_json: bool) -> Result<serde_json::Value, String> {
    if looks_like_json || text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"));
    }
    parse_yaml(text)
}

/// Parses YAML into JSON values. Scalar keys become strings, tags are dropped, and other keys
/// are rejected with a clear error.
pub fn parse_yaml(text: &str) -> Result<serde_json::Value, String> {
    parse_yaml_value(text).map_err(|e| format!("invalid YAML: {e}"))
}

/// [`parse_yaml`] with the parser's message alone, for callers that name the file themselves.
pub fn parse_yaml_value(text: &str) -> Result<serde_json::Value, String> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    yaml_to_json(value)
}

fn yaml_to_json(v: serde_yaml::Value) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    use serde_yaml::Value as Y;
    Ok(match v {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                J::from(i)
            } else if let Some(u) = n.as_u64() {
                J::from(u)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                serde_json::Number::from_f64(f)
                    .map(J::Number)
                    .ok_or_else(|| format!("number {f} has no JSON form"))?
            }
        }
        Y::String(s) => J::String(s),
        Y::Sequence(items) => J::Array(
            items
                .into_iter()
                .map(yaml_to_json)
                .collect::<Result<_, _>>()?,
        ),
        Y::Mapping(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    Y::Bool(b) => b.to_string(),
                    Y::Number(n) => n.to_string(),
                    Y::Null => "null".to_string(),
                    other => return Err(format!("unsupported mapping key {other:?}")),
                };
                out.insert(key, yaml_to_json(v)?);
            }
            J::Object(out)
        }
        Y::Tagged(t) => yaml_to_json(t.value)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_json() {
        let v = parse_document("processors:\n  - set: {field: a, value: 1}\n", false).unwrap();
        assert_eq!(v["processors"][0]["set"]["value"], 1);
        let v = parse_document(r#"{"processors": []}"#, true).unwrap();
        assert!(v["processors"].as_array().unwrap().is_empty());
        assert!(parse_document("a: [", false)
            .unwrap_err()
            .starts_with("invalid YAML"));
    }
}
