//! `json` (ES `JsonProcessor`).

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::json::{parse, parse_first, Duplicates};
use crate::value::{Map, Value};

pub struct Json {
    field: FieldPath,
    target_field: FieldPath,
    add_to_root: bool,
    merge: bool,
    duplicates: Duplicates,
    strict: bool,
}

impl Json {
    pub fn from_config(cfg: &mut Config) -> Result<Json, ConfigError> {
        let field = cfg.required_path("field")?;
        let target_field = cfg.optional_path("target_field")?;
        let add_to_root = cfg.bool("add_to_root", false)?;
        let strategy = cfg.optional_string("add_to_root_conflict_strategy")?;
        let allow_duplicate_keys = cfg.bool("allow_duplicate_keys", false)?;
        let strict = cfg.bool("strict_json_parsing", true)?;
        if add_to_root && target_field.is_some() {
            return Err(cfg.error(
                Some("target_field"),
                "Cannot set a target field while also setting `add_to_root` to true",
            ));
        }
        let merge = match strategy.as_deref() {
            None | Some("replace") => false,
            Some("merge") => true,
            Some(other) => {
                return Err(cfg.error(
                    Some("add_to_root_conflict_strategy"),
                    format!("conflict strategy [{other}] not supported, cannot convert field."),
                ))
            }
        };
        if strategy.is_some() && !add_to_root {
            return Err(cfg.error(
                Some("add_to_root_conflict_strategy"),
                "Cannot specify `add_to_root_conflict_strategy` unless `add_to_root` is true",
            ));
        }
        Ok(Json {
            target_field: target_field.unwrap_or_else(|| field.clone()),
            field,
            add_to_root,
            merge,
            duplicates: if allow_duplicate_keys {
                Duplicates::LastWins
            } else {
                Duplicates::Reject
            },
            strict,
        })
    }
}

/// Parses text the way ES's JSON processor does: any JSON value; in lenient mode the first value
/// only.
pub fn parse_json_value(text: &str, duplicates: Duplicates, strict: bool) -> Result<Value, String> {
    // `JsonProcessor.apply`: when the parser finds no token at all (blank text, or only
    // comments), the value stays null; that is not an error in either mode
    if has_no_token(text) {
        return Ok(Value::Null);
    }
    if strict {
        // the usual case: the text is one value
        if let Ok(value) = parse(text, duplicates) {
            return Ok(value);
        }
    }
    let value = parse_first(text, duplicates)?;
    let stripped = crate::value::json::without_comments(text);
    let text_only = stripped.as_deref().unwrap_or(text);
    let start = skip_blanks(text_only, 0);
    let end = first_value_end(text_only, start);
    check_root_scalar_end(text_only, start, end)?;
    if strict && skip_blanks(text_only, end) < text_only.len() {
        // `JsonProcessor.apply`: the parser found a second token (or failed to read one)
        return Err(format!(
            "The input {text} is not valid JSON and the strict_json_parsing parameter is true"
        ));
    }
    Ok(value)
}

fn skip_blanks(text: &str, from: usize) -> usize {
    text[from..]
        .find(|c| !matches!(c, ' ' | '\t' | '\r' | '\n'))
        .map_or(text.len(), |i| from + i)
}

/// Where the JSON value that starts at `start` ends; `text` is known to hold a valid value
/// there (the parser has just read it).
fn first_value_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let string_end = |mut i: usize| {
        i += 1;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        (i + 1).min(b.len())
    };
    match b.get(start) {
        Some(b'"') => string_end(start),
        Some(b'{' | b'[') => {
            let (mut i, mut depth) = (start, 0usize);
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = string_end(i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            b.len()
        }
        Some(b't' | b'n') => start + 4,
        Some(b'f') => start + 5,
        _ => {
            // a number: -?digits(.digits)?([eE][+-]?digits)?
            let mut i = start + usize::from(b.get(start) == Some(&b'-'));
            let digits = |mut i: usize| {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                i
            };
            i = digits(i);
            if b.get(i) == Some(&b'.') {
                i = digits(i + 1);
            }
            if matches!(b.get(i), Some(b'e' | b'E')) {
                i += 1;
                if matches!(b.get(i), Some(b'+' | b'-')) {
                    i += 1;
                }
                i = digits(i);
            }
            i
        }
    }
}

/// Jackson reads a root-level number or `true`/`false`/`null` only when what follows cannot
/// continue it: a number must be followed by a blank (`_verifyRootSpace`), a literal by no
/// identifier character (`_matchToken`). Both modes fail here, before strictness matters.
fn check_root_scalar_end(text: &str, start: usize, end: usize) -> Result<(), String> {
    let Some(next) = text[end..].chars().next() else {
        return Ok(());
    };
    match text.as_bytes()[start] {
        b'"' | b'{' | b'[' => Ok(()),
        b't' | b'f' | b'n' => {
            let continues = next >= '0' && next != ']' && next != '}' && (next.is_alphanumeric() || next == '_');
            if continues {
                let token: String = text[start..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                return Err(format!(
                    "Unrecognized token '{token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
                ));
            }
            Ok(())
        }
        _ if matches!(next, ' ' | '\t' | '\r' | '\n') => Ok(()),
        _ => Err(format!(
            "Unexpected character ('{next}' (code {})): Expected space separating root-level values",
            next as u32
        )),
    }
}

/// Whether Jackson's first `nextToken()` on `text` is the end of input.
fn has_no_token(text: &str) -> bool {
    let is_blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    // decided by the first byte after the blanks in all but the comment-only case
    match text.bytes().find(|b| !is_blank(b)) {
        None => true,
        Some(b'/') => crate::value::json::without_comments(text)
            .is_some_and(|t| t.bytes().all(|b| is_blank(&b))),
        Some(_) => false,
    }
}

impl Processor for Json {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let input = doc
            .get(&self.field)
            .map_err(ProcessorError::illegal_argument)?;
        // The usual input is a string: parse it in place instead of copying it first.
        let text: std::borrow::Cow<str> = match input {
            Value::Null => "null".into(),
            Value::String(s) => s.as_str().into(),
            other => other.to_java_string().into(),
        };
        let value = parse_json_value(&text, self.duplicates, self.strict)
            .map_err(ProcessorError::illegal_argument)?;
        if self.add_to_root {
            let Value::Map(parsed) = value else {
                return Err(ProcessorError::illegal_argument(
                    "cannot add non-map fields to root of document",
                ));
            };
            if self.merge {
                merge_into(&mut doc.ctx, parsed);
            } else {
                for (k, v) in parsed.entries {
                    doc.ctx.insert(k, v);
                }
            }
        } else {
            doc.set(&self.target_field, value)
                .map_err(ProcessorError::illegal_argument)?;
        }
        Ok(Flow::Continue)
    }
}

/// ES `JsonProcessor.recursiveMerge`.
fn merge_into(target: &mut Map, source: Map) {
    for (k, v) in source.entries {
        match (target.get_mut(&k), v) {
            (Some(Value::Map(existing)), Value::Map(incoming)) => merge_into(existing, incoming),
            (_, v) => {
                target.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn parses_into_target() {
        let d = run(
            "json",
            json!({"field": "m", "target_field": "j"}),
            r#"{"m":"{\"a\":[1,1.5,null]}"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"{\"a\":[1,1.5,null]}","j":{"a":[1,1.5,null]}}"#
        );
        let d = run("json", json!({"field": "m"}), r#"{"m":"\"s\""}"#).unwrap();
        assert_eq!(source_json(&d), r#"{"m":"s"}"#);
    }

    /// ES's parser finds no token in blank text: the target becomes null, in both modes (Elastic's
    /// vectra_detect expected output has such documents without an error).
    #[test]
    fn blank_text_is_null() {
        for strict in [true, false] {
            for text in ["", "   ", "\n", " /* nothing */ "] {
                let input = json!({ "m": text }).to_string();
                let d = run(
                    "json",
                    json!({"field": "m", "target_field": "j", "strict_json_parsing": strict}),
                    &input,
                )
                .unwrap();
                assert_eq!(
                    source_json(&d),
                    format!("{},\"j\":null}}", input.trim_end_matches('}'))
                );
            }
        }
        let e = run(
            "json",
            json!({"field": "m", "add_to_root": true}),
            r#"{"m":" "}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("cannot add non-map fields to root of document"),
            "{e}"
        );
    }

    #[test]
    fn add_to_root_replace_and_merge() {
        let d = run(
            "json",
            json!({"field": "m", "add_to_root": true}),
            r#"{"m":"{\"a\":{\"x\":1}}","a":{"y":2}}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":"{\"a\":{\"x\":1}}","a":{"x":1}}"#);
        let d = run(
            "json",
            json!({"field": "m", "add_to_root": true, "add_to_root_conflict_strategy": "merge"}),
            r#"{"m":"{\"a\":{\"x\":1}}","a":{"y":2}}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"{\"a\":{\"x\":1}}","a":{"y":2,"x":1}}"#
        );
    }

    #[test]
    fn duplicates_and_lenient() {
        assert!(run(
            "json",
            json!({"field": "m"}),
            r#"{"m":"{\"a\":1,\"a\":2}"}"#
        )
        .is_err());
        let d = run(
            "json",
            json!({"field": "m", "allow_duplicate_keys": true}),
            r#"{"m":"{\"a\":1,\"a\":2}"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":{"a":2}}"#);
        let d = run(
            "json",
            json!({"field": "m", "strict_json_parsing": false}),
            r#"{"m":"123 foo"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":123}"#);
        assert!(run("json", json!({"field": "m"}), r#"{"m":"123 foo"}"#).is_err());
    }

    /// What follows the first value, as Jackson and `JsonProcessor.apply` see it (checked with
    /// jackson-core 2.14).
    #[test]
    fn text_after_the_first_value() {
        let parse = |text: &str, strict: bool| {
            run(
                "json",
                json!({"field": "m", "target_field": "j", "strict_json_parsing": strict}),
                &json!({ "m": text }).to_string(),
            )
            .map(|d| {
                d.ctx
                    .get("j")
                    .map(crate::value::Value::to_json)
                    .unwrap_or_default()
            })
            .map_err(|e| e.reason)
        };
        let strict_error = |text: &str| {
            format!(
                "The input {text} is not valid JSON and the strict_json_parsing parameter is true"
            )
        };
        for text in [
            r#"{"a":1} {"b":2}"#,
            "1 2",
            r#"true"x""#,
            r#""a"b"#,
            "[1]]",
            "true,",
        ] {
            assert_eq!(parse(text, true), Err(strict_error(text)), "{text}");
        }
        assert_eq!(parse(r#"{"a":1} {"b":2}"#, false), Ok(r#"{"a":1}"#.into()));
        assert_eq!(parse(r#""a"b"#, false), Ok(r#""a""#.into()));
        assert_eq!(parse("true$", false), Ok("true".into()));
        assert_eq!(parse("1 x", false), Ok("1".into()));
        for (text, error) in [
            ("123abc", "Unexpected character ('a' (code 97)): Expected space separating root-level values"),
            ("1.5.5", "Unexpected character ('.' (code 46)): Expected space separating root-level values"),
            ("1,2", "Unexpected character (',' (code 44)): Expected space separating root-level values"),
            ("1\u{a0}", "Unexpected character ('\u{a0}' (code 160)): Expected space separating root-level values"),
            ("truex", "Unrecognized token 'truex': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
            ("null_", "Unrecognized token 'null_': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
        ] {
            for strict in [true, false] {
                assert_eq!(parse(text, strict), Err(error.to_string()), "{text} {strict}");
            }
        }
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error(
                "json",
                json!({"field": "m", "add_to_root": true, "target_field": "x"})
            ),
            "[target_field] Cannot set a target field while also setting `add_to_root` to true"
        );
    }
}
