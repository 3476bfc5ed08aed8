//! Writing `-expected.json` files byte for byte as elastic-package does: `{"expected": [...]}`
//! encoded by Go's `encoding/json` with 4-space indentation, object keys sorted, a trailing
//! newline, and HTML escaping only for packages whose `format_version` is below 2.12.0.

use crate::value::{format_java_double, format_java_float, Value};
use std::path::Path;

/// Whether a package with this `format_version` gets `<`, `>`, `&` escaped (elastic-package's
/// `JSONFormatterBuilder`).
pub fn escape_html_for_format_version(format_version: &str) -> bool {
    let mut parts = format_version
        .trim()
        .trim_start_matches('v')
        .split(['.', '-', '+'])
        .map(|p| p.parse::<u64>().unwrap_or(0));
    let major = parts.next().unwrap_or(0);
    let minor = parts.next().unwrap_or(0);
    (major, minor) < (2, 12)
}

/// The text of an expected file for these documents (`Value::Null` for dropped ones).
pub fn expected_file_text(docs: &[Value], escape_html: bool) -> String {
    let mut out = String::new();
    out.push_str("{\n    \"expected\": ");
    if docs.is_empty() {
        // A nil Go slice marshals as null.
        out.push_str("null");
    } else {
        out.push('[');
        for (i, doc) in docs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            newline(&mut out, 2);
            write_go(doc, &mut out, 2, escape_html);
        }
        newline(&mut out, 1);
        out.push(']');
    }
    out.push_str("\n}\n");
    out
}

/// Writes the expected file for `docs` at `path`, creating parent directories.
pub fn write_expected(path: &Path, docs: &[Value], escape_html: bool) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create directory {}: {e}", dir.display()))?;
    }
    std::fs::write(path, expected_file_text(docs, escape_html))
        .map_err(|e| format!("writing test result failed ({}): {e}", path.display()))
}

/// One value as Go's encoder indents it at `level` (4 spaces per level).
pub fn go_json(v: &Value, level: usize, escape_html: bool) -> String {
    let mut out = String::new();
    write_go(v, &mut out, level, escape_html);
    out
}

fn newline(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_go(v: &Value, out: &mut String, level: usize, escape_html: bool) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Long(l) => out.push_str(&l.to_string()),
        // Go keeps a json.Number's literal: what Elasticsearch printed, i.e. Java's formatting.
        Value::Float(f) if f.is_finite() => out.push_str(&format_java_float(*f)),
        Value::Double(d) if d.is_finite() => out.push_str(&format_java_double(*d)),
        Value::Float(f) => write_go_string(&format_java_float(*f), out, escape_html),
        Value::Double(d) => write_go_string(&format_java_double(*d), out, escape_html),
        Value::String(s) => write_go_string(s, out, escape_html),
        Value::Time(t) => write_go_string(&t.to_xcontent_string(), out, escape_html),
        Value::List(items) => write_list(items.iter(), items.len(), out, level, escape_html),
        Value::Set(s) => write_list(
            s.hash_order_items().into_iter(),
            s.items.len(),
            out,
            level,
            escape_html,
        ),
        Value::Map(m) => {
            if m.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut entries: Vec<(&String, &Value)> = m.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_go_string(k, out, escape_html);
                out.push_str(": ");
                write_go(v, out, level + 1, escape_html);
            }
            newline(out, level);
            out.push('}');
        }
    }
}

fn write_list<'a>(
    items: impl Iterator<Item = &'a Value>,
    len: usize,
    out: &mut String,
    level: usize,
    escape_html: bool,
) {
    if len == 0 {
        out.push_str("[]");
        return;
    }
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, level + 1);
        write_go(item, out, level + 1, escape_html);
    }
    newline(out, level);
    out.push(']');
}

/// Go `encoding/json` string escaping (Go 1.22+: `\b` and `\f` short forms; U+2028/U+2029
/// always escaped; other control characters as lower-case `\u00xx`).
pub fn write_go_string(s: &str, out: &mut String, escape_html: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' if escape_html => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_version_threshold() {
        assert!(escape_html_for_format_version("2.11.9"));
        assert!(escape_html_for_format_version("1.0.0"));
        assert!(!escape_html_for_format_version("2.12.0"));
        assert!(!escape_html_for_format_version("3.1.0"));
    }

    #[test]
    fn file_layout_matches_go() {
        let doc = Value::from_json_str(
            r#"{"b":[1,2.5,{}],"a":"x<y&\u0001\u2028","c":[],"d":null,"e":1.0E7}"#,
        )
        .unwrap();
        let text = expected_file_text(&[doc.clone(), Value::Null], true);
        assert_eq!(
            text,
            "{\n    \"expected\": [\n        {\n            \"a\": \"x\\u003cy\\u0026\\u0001\\u2028\",\n            \"b\": [\n                1,\n                2.5,\n                {}\n            ],\n            \"c\": [],\n            \"d\": null,\n            \"e\": 1.0E7\n        },\n        null\n    ]\n}\n"
        );
        assert!(expected_file_text(&[doc], false).contains("\"x<y&"));
        assert_eq!(
            expected_file_text(&[], false),
            "{\n    \"expected\": null\n}\n"
        );
    }
}
