//! Turning test input files into documents, as elastic-package's `testcase.go` does.

use super::config::TestConfig;
use crate::value::{json, Map, Value};
use std::path::Path;

/// One input document and where it came from.
#[derive(Debug, Clone)]
pub struct InputDoc {
    pub source: Map,
    /// 1-based line of the input file the document starts on, when the format has lines.
    pub line: Option<usize>,
}

/// Go's `bufio.Scanner` default maximum token size.
const MAX_LINE: usize = 64 * 1024;

/// Reads `path` (`.log`, `.json`, and `.ndjson` when `allow_ndjson`) into documents with the
/// config's `fields` applied.
pub fn read_inputs(
    path: &Path,
    cfg: &TestConfig,
    allow_ndjson: bool,
) -> Result<Vec<InputDoc>, String> {
    let data = std::fs::read(path)
        .map_err(|e| format!("reading input file {} failed: {e}", path.display()))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let mut docs = match ext {
        "log" => raw_entries(&data, cfg)?
            .into_iter()
            .map(|(line, text)| {
                let mut m = Map::new();
                m.insert("message", Value::String(text));
                InputDoc {
                    source: m,
                    line: Some(line),
                }
            })
            .collect(),
        "json" => events(&data)?,
        "ndjson" if allow_ndjson => ndjson(&data)?,
        _ => {
            return Err(format!(
                "unsupported extension for test case file (ext: {})",
                if ext.is_empty() {
                    String::new()
                } else {
                    format!(".{ext}")
                }
            ))
        }
    };
    for doc in &mut docs {
        for (key, value) in &cfg.fields {
            mapstr_put(&mut doc.source, key, value.clone());
        }
        // elastic-package re-marshals every event from a Go map, which sorts keys at every level.
        sort_keys(&mut doc.source);
    }
    Ok(docs)
}

/// Go `string(bytes)` as `encoding/json` marshals it: each invalid byte becomes U+FFFD.
fn go_string(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(bytes.len() - valid);
                for _ in 0..bad {
                    out.push('\u{FFFD}');
                }
                bytes = &bytes[valid + bad..];
            }
        }
    }
}

/// Lines as `bufio.Scanner` with `ScanLines` yields them: `\n` separated, one trailing `\r`
/// dropped, no empty final token after a trailing newline. Returns (1-based line, text).
fn scan_lines(data: &[u8]) -> Result<Vec<(usize, String)>, String> {
    let mut out = Vec::new();
    let mut rest = data;
    let mut number = 0;
    while !rest.is_empty() {
        number += 1;
        let (mut line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        if line.len() >= MAX_LINE {
            return Err(format!(
                "reading raw input test file failed: bufio.Scanner: token too long (line {number} has {} bytes; the limit is {})",
                line.len(),
                MAX_LINE - 1
            ));
        }
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        out.push((number, go_string(line)));
        rest = next;
    }
    Ok(out)
}

/// elastic-package `readRawInputEntries`, including its multiline quirks: a first line that
/// matches while the buffer is empty does not emit an (empty) entry, and an empty trailing buffer
/// is not emitted.
pub fn raw_entries(data: &[u8], cfg: &TestConfig) -> Result<Vec<(usize, String)>, String> {
    let lines = scan_lines(data)?;
    let Some(first_line) = &cfg.multiline else {
        return Ok(lines);
    };
    let mut out = Vec::new();
    let mut buffer = String::new();
    let mut buffer_line = 1;
    for (number, line) in lines {
        if first_line.is_match(&line) {
            let body = std::mem::take(&mut buffer);
            let body_line = buffer_line;
            buffer_line = number;
            buffer.push_str(&line);
            if !body.is_empty() {
                out.push((body_line, body));
            }
        } else {
            if buffer.is_empty() {
                buffer_line = number;
            } else {
                buffer.push('\n');
            }
            buffer.push_str(&line);
        }
    }
    if !buffer.is_empty() {
        out.push((buffer_line, buffer));
    }
    Ok(out)
}

fn events(data: &[u8]) -> Result<Vec<InputDoc>, String> {
    let text = go_string(data);
    let root = json::parse(&text, json::Duplicates::LastWins)
        .map_err(|e| format!("unmarshalling input data failed: {e}"))?;
    let Value::Map(root) = root else {
        return Err(format!(
            "unmarshalling input data failed: the file must be an object with an \"events\" array, not {}",
            kind_name(&root)
        ));
    };
    // Go matches struct fields case-insensitively, preferring an exact match.
    let events = root.get("events").or_else(|| {
        root.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("events"))
            .map(|(_, v)| v)
    });
    let items = match events {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::List(items)) => items,
        Some(other) => {
            return Err(format!(
                "unmarshalling input data failed: \"events\" must be an array, not {}",
                kind_name(other)
            ))
        }
    };
    let lines = event_lines(&text);
    items
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::Map(m) => Ok(InputDoc {
                source: m.clone(),
                line: lines.get(i).copied(),
            }),
            other => Err(format!(
                "can't unmarshal test case entry: event {} is {}, not an object",
                i + 1,
                kind_name(other)
            )),
        })
        .collect()
}

/// 1-based lines on which the elements of the top-level `events` array start (best effort, for
/// messages; the text is known to be valid JSON).
fn event_lines(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut line, mut i) = (0usize, 1usize, 0usize);
    // Depth of the events array once found, and whether the next value starts an element.
    let mut events_depth: Option<usize> = None;
    let mut expect_element = false;
    let mut last_key: Option<String> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let starts_value = !matches!(b, b']' | b'}' | b',' | b':');
        if expect_element && starts_value && Some(depth) == events_depth {
            out.push(line);
            expect_element = false;
        }
        match b {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if depth == 1 {
                    last_key = Some(text[start..i.min(text.len())].to_string());
                }
            }
            b'{' => depth += 1,
            b'[' => {
                depth += 1;
                if depth == 2
                    && events_depth.is_none()
                    && last_key
                        .as_deref()
                        .is_some_and(|k| k.eq_ignore_ascii_case("events"))
                {
                    events_depth = Some(2);
                    expect_element = true;
                }
            }
            b'}' | b']' => {
                if Some(depth) == events_depth && b == b']' {
                    return out;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if Some(depth) == events_depth => expect_element = true,
            _ => {}
        }
        i += 1;
    }
    out
}

fn ndjson(data: &[u8]) -> Result<Vec<InputDoc>, String> {
    let mut out = Vec::new();
    for (number, line) in scan_lines(data)? {
        if line.trim().is_empty() {
            continue;
        }
        match json::parse(&line, json::Duplicates::LastWins) {
            Ok(Value::Map(m)) => out.push(InputDoc {
                source: m,
                line: Some(number),
            }),
            Ok(other) => {
                return Err(format!(
                    "line {number}: a document must be a JSON object, not {}",
                    kind_name(&other)
                ))
            }
            Err(e) => return Err(format!("line {number}: invalid JSON: {e}")),
        }
    }
    Ok(out)
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Int(_) | Value::Long(_) | Value::Float(_) | Value::Double(_) => "a number",
        // as it reaches the harness: XContent writes it as a string
        Value::String(_) | Value::Time(_) => "a string",
        Value::List(_) | Value::Set(_) => "an array",
        Value::Map(_) => "an object",
    }
}

/// Go `MapStr.Put`: splits the key on dots, descends through maps and replaces anything else on
/// the way with a new map, then sets the last segment.
pub fn mapstr_put(map: &mut Map, key: &str, value: Value) {
    let mut parts: Vec<&str> = key.split('.').collect();
    let last = parts.pop().unwrap_or(key);
    let mut current = map;
    for part in parts {
        let is_map = matches!(current.get(part), Some(Value::Map(_)));
        if !is_map {
            current.insert(part, Value::Map(Map::new()));
        }
        current = match current.get_mut(part) {
            Some(Value::Map(m)) => m,
            _ => unreachable!("just inserted a map"),
        };
    }
    current.insert(last, value);
}

/// Sorts object keys bytewise at every level, as Go's `encoding/json` writes maps.
pub fn sort_keys(map: &mut Map) {
    map.entries
        .sort_by(|a, _, b, _| a.as_bytes().cmp(b.as_bytes()));
    for (_, v) in map.iter_mut() {
        sort_value(v);
    }
}

fn sort_value(v: &mut Value) {
    match v {
        Value::Map(m) => sort_keys(m),
        Value::List(items) => items.iter_mut().for_each(sort_value),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn multiline(pattern: &str) -> TestConfig {
        TestConfig {
            multiline: Some(super::super::config::compile_go_regex(pattern).unwrap()),
            ..Default::default()
        }
    }

    #[test]
    fn lines_follow_bufio_scanner() {
        let lines = scan_lines(b"a\r\n\nb\nc").unwrap();
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, vec!["a", "", "b", "c"]);
        assert_eq!(scan_lines(b"a\n").unwrap().len(), 1);
        assert!(scan_lines(&vec![b'x'; MAX_LINE]).is_err());
        assert_eq!(scan_lines(b"\xe2\x82x").unwrap()[0].1, "\u{FFFD}\u{FFFD}x");
    }

    #[test]
    fn multiline_joins_continuations() {
        let cfg = multiline(r"^\d");
        let entries = raw_entries(b"cont0\n1 a\n  b\n2 c\n\n3 d", &cfg).unwrap();
        assert_eq!(
            entries,
            vec![
                (1, "cont0".to_string()),
                (2, "1 a\n  b".to_string()),
                (4, "2 c\n".to_string()),
                (6, "3 d".to_string())
            ]
        );
    }

    #[test]
    fn json_events_know_their_lines() {
        let text = "{\"other\": [1, 2],\n \"events\": [\n  {\"a\": \"[x\\\"]\"},\n  {\"b\": [1,\n 2]}, {}\n ]}";
        assert_eq!(event_lines(text), vec![3, 4, 5]);
        let docs = events(text.as_bytes()).unwrap();
        assert_eq!(docs[2].line, Some(5));
    }

    #[test]
    fn put_follows_mapstr() {
        let mut m = Map::new();
        m.insert("a", Value::String("scalar".into()));
        mapstr_put(&mut m, "a.b.c", Value::Int(1));
        mapstr_put(&mut m, "a.b.d", Value::Int(2));
        assert_eq!(Value::Map(m).to_json(), r#"{"a":{"b":{"c":1,"d":2}}}"#);
    }
}
