//! Test configuration (`test-common-config.yml` and `<input>-config.yml`), as elastic-package's
//! `testConfig` reads it: the common file first, then the per-test file on top.

use crate::value::{Map, Value};
use regex::Regex;
use serde_json::Value as J;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Skip {
    pub reason: String,
    pub link: String,
}

#[derive(Debug, Clone, Default)]
pub struct TestConfig {
    /// `fields`: written into every input document with dotted-path semantics (Go `MapStr.Put`).
    pub fields: Vec<(String, Value)>,
    /// `dynamic_fields`: field path and its regex (Go RE2 `MatchString`, unanchored).
    pub dynamic_fields: Vec<(String, GoRegex)>,
    /// Used only by elastic-package's field-mapping validator; accepted, no effect on the diff.
    pub numeric_keyword_fields: Vec<String>,
    pub string_number_fields: Vec<String>,
    /// `multiline.first_line_pattern`.
    pub multiline: Option<GoRegex>,
    pub skip: Option<Skip>,
    /// Non-fatal remarks (unknown keys), shown to the user.
    pub warnings: Vec<String>,
}

const KNOWN_KEYS: [&str; 6] = [
    "fields",
    "dynamic_fields",
    "numeric_keyword_fields",
    "string_number_fields",
    "multiline",
    "skip",
];

/// Compiles a Go RE2 pattern. The `regex` crate's syntax is RE2's, but its Perl classes are
/// Unicode-aware where Go's are ASCII-only, and it lacks `\Q...\E`: those are rewritten.
pub fn compile_go_regex(pattern: &str) -> Result<GoRegex, String> {
    Regex::new(&go_regex_to_rust(pattern))
        .map(|regex| GoRegex {
            pattern: pattern.to_string(),
            regex,
        })
        .map_err(|e| e.to_string())
}

/// A compiled Go regular expression that remembers how it was written.
#[derive(Debug, Clone)]
pub struct GoRegex {
    pattern: String,
    regex: Regex,
}

impl GoRegex {
    /// Go `MatchString`: unanchored unless the pattern anchors itself.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
    /// The pattern as written in the config.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }
}

fn go_regex_to_rust(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let chars: Vec<char> = pattern.chars().collect();
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let e = chars[i + 1];
            i += 2;
            if e == 'Q' {
                // Literal text up to \E (or the end).
                while i < chars.len() && !(chars[i] == '\\' && chars.get(i + 1) == Some(&'E')) {
                    out.push_str(&regex::escape(&chars[i].to_string()));
                    i += 1;
                }
                i += 2;
                continue;
            }
            let replacement = match (in_class, e) {
                (false, 'd') => "[0-9]",
                (false, 'D') => "[^0-9]",
                (false, 'w') => "[0-9A-Za-z_]",
                (false, 'W') => "[^0-9A-Za-z_]",
                (false, 's') => "[\\t\\n\\f\\r ]",
                (false, 'S') => "[^\\t\\n\\f\\r ]",
                (false, 'b') => "(?-u:\\b)",
                (false, 'B') => "(?-u:\\B)",
                (true, 'd') => "0-9",
                (true, 'w') => "0-9A-Za-z_",
                (true, 's') => "\\t\\n\\f\\r ",
                _ => {
                    out.push('\\');
                    out.push(e);
                    continue;
                }
            };
            out.push_str(replacement);
            continue;
        }
        if !in_class && c == '[' {
            in_class = true;
            out.push(c);
            i += 1;
            // A `]` right after `[` or `[^` is a literal.
            if chars.get(i) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if chars.get(i) == Some(&']') {
                out.push_str("\\]");
                i += 1;
            }
            continue;
        }
        if in_class && c == '[' && chars.get(i + 1) == Some(&':') {
            // POSIX class such as [:alpha:]: copy through its closing `:]`.
            while i < chars.len() {
                out.push(chars[i]);
                if chars[i] == ']' && i > 0 && chars[i - 1] == ':' {
                    i += 1;
                    break;
                }
                i += 1;
            }
            continue;
        }
        if !in_class && c == '{' {
            // RE2 (Go): `{` starts a repetition only as `{n}`, `{n,}` or `{n,m}`; else a literal
            let rest: String = chars[i..].iter().collect();
            let repeat = rest.find('}').map(|end| &rest[1..end]).filter(|body| {
                let (lo, hi) = body.split_once(',').unwrap_or((body, "0"));
                !lo.is_empty()
                    && lo.chars().all(|d| d.is_ascii_digit())
                    && hi.chars().all(|d| d.is_ascii_digit())
            });
            match repeat {
                Some(body) => {
                    out.push('{');
                    out.push_str(body);
                    out.push('}');
                    i += body.chars().count() + 2;
                }
                None => {
                    out.push_str("\\{");
                    i += 1;
                }
            }
            continue;
        }
        if !in_class && c == '}' {
            out.push_str("\\}");
            i += 1;
            continue;
        }
        if in_class && c == ']' {
            in_class = false;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The config files that apply to `input`, in merge order, among those that exist.
pub fn config_files_for(input: &Path) -> Vec<PathBuf> {
    let dir = input.parent().unwrap_or(Path::new("."));
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    [
        dir.join("test-common-config.yml"),
        dir.join(format!("{name}-config.yml")),
    ]
    .into_iter()
    .filter(|p| p.is_file())
    .collect()
}

/// Reads and merges the given YAML files (later files override earlier ones, maps merge deeply,
/// as go-ucfg unpacking twice into the same struct does).
pub fn load(files: &[PathBuf]) -> Result<TestConfig, String> {
    let mut merged = J::Object(Default::default());
    for file in files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read test config {}: {e}", file.display()))?;
        let value = if text.trim().is_empty() {
            J::Null
        } else {
            crate::yaml::parse_yaml_value(&text)
                .map_err(|e| format!("invalid YAML in test config {}: {e}", file.display()))?
        };
        match value {
            J::Null => {}
            v @ J::Object(_) => merge(&mut merged, v),
            _ => {
                return Err(format!(
                    "test config {} must be a YAML mapping",
                    file.display()
                ))
            }
        }
    }
    let origin = files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(" + ");
    from_yaml(&merged).map_err(|e| format!("test config {origin}: {e}"))
}

/// The per-test config over the common one, as elastic-package unpacks both into one struct with
/// go-ucfg: maps merge key by key and lists element by element (`reifySliceMerge`: the longer
/// length wins, so `[z]` over `[a, b]` is `[z, b]`).
fn merge(into: &mut J, from: J) {
    match (into, from) {
        (J::Object(a), J::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(&k) {
                    Some(existing) => merge(existing, v),
                    None => {
                        a.insert(k, v);
                    }
                }
            }
        }
        (J::Array(a), J::Array(b)) => {
            for (i, v) in b.into_iter().enumerate() {
                match a.get_mut(i) {
                    Some(existing) => merge(existing, v),
                    None => a.push(v),
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// A scalar as text (list items that name fields).
fn scalar_string(v: &J) -> String {
    match v {
        J::String(s) => s.clone(),
        J::Bool(b) => b.to_string(),
        J::Number(n) => n.to_string(),
        J::Null => "null".into(),
        other => other.to_string(),
    }
}

/// Parses an already merged YAML mapping.
pub fn from_yaml(v: &J) -> Result<TestConfig, String> {
    let mut cfg = TestConfig::default();
    let Some(map) = v.as_object() else {
        return Ok(cfg);
    };
    for (key, v) in map {
        match key.as_str() {
            "fields" => match v {
                J::Null => {}
                J::Object(m) => {
                    for (fk, fv) in m {
                        cfg.fields.push((fk.clone(), yaml_to_value(fv)));
                    }
                }
                _ => return Err("`fields` must be a mapping of field to value".into()),
            },
            "dynamic_fields" => match v {
                J::Null => {}
                J::Object(m) => {
                    for (fk, fv) in m {
                        let field = fk.clone();
                        let pattern = match fv {
                            J::String(s) => s.clone(),
                            J::Number(n) => n.to_string(),
                            J::Bool(b) => b.to_string(),
                            _ => {
                                return Err(format!(
                                    "dynamic_fields.{field}: the pattern must be a string"
                                ))
                            }
                        };
                        let re = compile_go_regex(&pattern).map_err(|e| {
                            format!("dynamic_fields.{field}: invalid regex {pattern:?}: {e}")
                        })?;
                        cfg.dynamic_fields.push((field, re));
                    }
                }
                _ => return Err("`dynamic_fields` must be a mapping of field to regex".into()),
            },
            "numeric_keyword_fields" => cfg.numeric_keyword_fields = string_list(key, v)?,
            "string_number_fields" => cfg.string_number_fields = string_list(key, v)?,
            "multiline" => match v {
                J::Null => {}
                J::Object(m) => {
                    for (mk, mv) in m {
                        if mk != "first_line_pattern" {
                            cfg.warnings
                                .push(format!("unknown key `multiline.{mk}` ignored"));
                            continue;
                        }
                        let Some(pattern) = mv.as_str() else {
                            return Err("multiline.first_line_pattern must be a string".into());
                        };
                        if pattern.is_empty() {
                            continue;
                        }
                        cfg.multiline = Some(compile_go_regex(pattern).map_err(|e| {
                            format!("multiline.first_line_pattern: invalid regex {pattern:?}: {e}")
                        })?);
                    }
                }
                _ => return Err("`multiline` must be a mapping".into()),
            },
            "skip" => match v {
                J::Null => {}
                J::Object(m) => {
                    let get = |name: &str| {
                        m.get(name)
                            .and_then(|v| match v {
                                J::String(s) => Some(s.clone()),
                                J::Null => None,
                                other => Some(scalar_string(other)),
                            })
                            .filter(|s| !s.is_empty())
                    };
                    // elastic-package validates both as required.
                    let reason = get("reason").ok_or("skip.reason is required")?;
                    let link = get("link").ok_or("skip.link is required")?;
                    cfg.skip = Some(Skip { reason, link });
                }
                _ => return Err("`skip` must be a mapping with `reason` and `link`".into()),
            },
            other => {
                if !KNOWN_KEYS.contains(&other) {
                    cfg.warnings.push(format!("unknown key `{other}` ignored"));
                }
            }
        }
    }
    Ok(cfg)
}

fn string_list(key: &str, v: &J) -> Result<Vec<String>, String> {
    match v {
        J::Null => Ok(Vec::new()),
        J::Array(items) => Ok(items.iter().map(scalar_string).collect()),
        J::String(s) => Ok(vec![s.clone()]),
        _ => Err(format!("`{key}` must be a list of field names")),
    }
}

/// YAML values as they reach Elasticsearch through Go: go-ucfg yields float64 for decimals and
/// `encoding/json` prints integral floats without a fraction (`1.0` -> `1`), so Elasticsearch
/// parses them as integers.
pub fn yaml_to_value(v: &J) -> Value {
    match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => {
            if let Some(i) = n.as_i64() {
                integer(i as f64, Some(i))
            } else if let Some(u) = n.as_u64() {
                match i64::try_from(u) {
                    Ok(i) => integer(i as f64, Some(i)),
                    Err(_) => Value::Double(u as f64),
                }
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e21 {
                    integer(f, None)
                } else {
                    Value::Double(f)
                }
            }
        }
        J::String(s) => Value::String(s.clone()),
        J::Array(items) => Value::List(items.iter().map(yaml_to_value).collect()),
        J::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(k.clone(), yaml_to_value(v));
            }
            Value::Map(out)
        }
    }
}

fn integer(f: f64, exact: Option<i64>) -> Value {
    let i = match exact {
        Some(i) => i,
        None if f >= i64::MIN as f64 && f < i64::MAX as f64 => f as i64,
        // Jackson would read a BigInteger; a double is the closest we keep.
        None => return Value::Double(f),
    };
    match i32::try_from(i) {
        Ok(small) => Value::Int(small),
        Err(_) => Value::Long(i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<TestConfig, String> {
        from_yaml(&crate::yaml::parse_yaml(text).unwrap())
    }

    #[test]
    fn reads_every_key() {
        let cfg = parse(
            "fields:\n  a.b: 1\n  f: 2.0\n  g: 2.5\ndynamic_fields:\n  x: '^\\d+$'\nnumeric_keyword_fields: [n]\nstring_number_fields: [s]\nmultiline:\n  first_line_pattern: '^\\['\nskip:\n  reason: r\n  link: l\nbogus: 1\n",
        )
        .unwrap();
        assert_eq!(cfg.fields.len(), 3);
        assert!(matches!(cfg.fields[1].1, Value::Int(2)));
        assert!(matches!(cfg.fields[2].1, Value::Double(_)));
        assert_eq!(cfg.dynamic_fields[0].0, "x");
        assert_eq!(cfg.numeric_keyword_fields, vec!["n"]);
        assert_eq!(cfg.string_number_fields, vec!["s"]);
        assert!(cfg.multiline.is_some());
        assert_eq!(cfg.skip.as_ref().unwrap().reason, "r");
        assert_eq!(cfg.warnings.len(), 1);
    }

    #[test]
    fn bad_regex_and_incomplete_skip_are_errors() {
        assert!(parse("dynamic_fields:\n  x: '('\n")
            .unwrap_err()
            .contains("invalid regex"));
        assert!(parse("skip:\n  reason: r\n")
            .unwrap_err()
            .contains("skip.link"));
    }

    #[test]
    fn go_regex_classes_are_ascii() {
        let re = compile_go_regex(r"^\d+\.\d+(\.|\..*)?$").unwrap();
        assert!(re.is_match("72.0."));
        assert!(!re.is_match("٧٢.0"), "Go's \\d is ASCII only");
        assert!(compile_go_regex(r"[\d\s]x").unwrap().is_match(" x"));
        // Go's \b is an ASCII word boundary.
        assert!(compile_go_regex(r"\bx").unwrap().is_match("éx"));
        assert!(!compile_go_regex(r"\bé").unwrap().is_match("é"));
        assert!(compile_go_regex(r"\Qa.b\E$").unwrap().is_match("xa.b"));
        assert!(!compile_go_regex(r"\Qa.b\E$").unwrap().is_match("xaxb"));
        assert!(compile_go_regex(r"[]a]").unwrap().is_match("]"));
        assert!(compile_go_regex(r"[[:alpha:]]\w").unwrap().is_match("a_"));
        assert!(!compile_go_regex(r"^\w$").unwrap().is_match("é"));
        assert!(compile_go_regex(r"^\W$").unwrap().is_match("é"));
    }

    /// RE2 reads a `{` that does not start `{n}`, `{n,}` or `{n,m}` as a literal
    /// (crowdstrike falcon's `multiline.first_line_pattern: "^{"`).
    #[test]
    fn go_regex_literal_braces() {
        assert!(compile_go_regex("^{").unwrap().is_match("{\"a\":1}"));
        assert!(!compile_go_regex("^{").unwrap().is_match("a{"));
        assert!(compile_go_regex("^a{2}$").unwrap().is_match("aa"));
        assert!(compile_go_regex("^a{1,}$").unwrap().is_match("aaa"));
        assert!(compile_go_regex("^a{1,2}b$").unwrap().is_match("aab"));
        assert!(compile_go_regex("^a{,2}$").unwrap().is_match("a{,2}"));
        assert!(compile_go_regex("^}x{y}$").unwrap().is_match("}x{y}"));
        assert!(compile_go_regex("^[{}]+$").unwrap().is_match("{}"));
    }

    #[test]
    fn lists_merge_element_by_element() {
        let mut a = crate::yaml::parse_yaml("fields: {tags: [a, b], l: [{x: 1, y: 2}]}").unwrap();
        merge(
            &mut a,
            crate::yaml::parse_yaml("fields: {tags: [z], l: [{y: 3}]}").unwrap(),
        );
        assert_eq!(
            a,
            crate::yaml::parse_yaml("fields: {tags: [z, b], l: [{x: 1, y: 3}]}").unwrap()
        );
    }

    #[test]
    fn merge_is_deep() {
        let mut a = crate::yaml::parse_yaml("fields: {a: 1, b: 2}").unwrap();
        merge(&mut a, crate::yaml::parse_yaml("fields: {b: 3}").unwrap());
        let cfg = from_yaml(&a).unwrap();
        assert_eq!(cfg.fields.len(), 2);
        assert!(matches!(cfg.fields[1].1, Value::Int(3)));
    }
}
