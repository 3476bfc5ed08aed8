//! `kv` (ES `KeyValueProcessor`).

use super::field_access::cast_error;
use crate::document::{FieldPath, IngestDocument};
use crate::java_regex::JavaRegex;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::template::{Encoding, Template};
use crate::value::Value;

/// A `field_split` / `value_split`. ES compiles long separators at load; short ones go through
/// `String.split` per document, so an invalid short regex only fails when a document arrives.
enum Splitter {
    Regex(JavaRegex),
    Invalid(String),
}

impl Splitter {
    fn new(split: &str) -> Result<Splitter, String> {
        let compile_now =
            split.chars().count() > 2 || split.chars().count() == 2 && !split.starts_with('\\');
        match JavaRegex::compile(split) {
            Ok(re) => Ok(Splitter::Regex(re)),
            Err(e) if !compile_now => Ok(Splitter::Invalid(e)),
            Err(e) => Err(e),
        }
    }

    fn split(&self, s: &str, limit: i32) -> Result<Vec<String>, ProcessorError> {
        match self {
            Splitter::Regex(re) => re
                .split(s, limit)
                .map_err(|e| ProcessorError::illegal_argument(e.to_string())),
            Splitter::Invalid(e) => Err(ProcessorError::new("pattern_syntax_exception", e.clone())),
        }
    }
}

pub struct Kv {
    field: Template,
    /// `field` parsed at load when it is not a template (an invalid path reads as missing).
    field_path: Option<FieldPath>,
    target_field: Option<Template>,
    field_split: Splitter,
    value_split: Splitter,
    value_split_text: String,
    include_keys: Option<Vec<String>>,
    exclude_keys: Option<Vec<String>>,
    prefix: String,
    trim_key: Option<JavaRegex>,
    trim_value: Option<JavaRegex>,
    strip_brackets: bool,
    ignore_missing: bool,
}

/// `include_keys` / `exclude_keys`: ES copies the list into a set; only strings can ever match a key.
fn key_set(list: Option<Vec<serde_json::Value>>) -> Option<Vec<String>> {
    list.map(|l| {
        l.into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    })
}

impl Kv {
    pub fn from_config(cfg: &mut Config) -> Result<Kv, ConfigError> {
        let field_text = cfg.required_string("field")?;
        let field = cfg.template("field", &field_text, Encoding::Json)?;
        let target_field = match cfg.optional_string("target_field")? {
            Some(t) => Some(cfg.template("target_field", &t, Encoding::Json)?),
            None => None,
        };
        let field_split = cfg.required_string("field_split")?;
        let value_split = cfg.required_string("value_split")?;
        let trim_key = cfg.optional_string("trim_key")?;
        let trim_value = cfg.optional_string("trim_value")?;
        let prefix = cfg.optional_string("prefix")?;
        let strip_brackets = cfg.bool("strip_brackets", false)?;
        let include_keys = key_set(cfg.optional_list("include_keys")?);
        let exclude_keys = key_set(cfg.optional_list("exclude_keys")?);
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        // ES builds these in the constructor: a bad pattern fails the processor's creation
        let wrap = |cfg: &Config, e: String| {
            let mut err = cfg.error(None, format!("java.util.regex.PatternSyntaxException: {e}"));
            err.kind = "exception".into();
            err.extra.insert(
                "caused_by".into(),
                serde_json::json!({"type": "pattern_syntax_exception", "reason": e}),
            );
            err
        };
        let trimmer = |cfg: &Config, t: Option<String>| -> Result<Option<JavaRegex>, ConfigError> {
            t.map(|t| {
                JavaRegex::compile(&format!("(^([{t}]+))|([{t}]+$)")).map_err(|e| wrap(cfg, e))
            })
            .transpose()
        };
        let field_path = field.as_constant().and_then(|c| FieldPath::parse(c).ok());
        Ok(Kv {
            field,
            field_path,
            target_field,
            field_split: Splitter::new(&field_split).map_err(|e| wrap(cfg, e))?,
            value_split: Splitter::new(&value_split).map_err(|e| wrap(cfg, e))?,
            value_split_text: value_split,
            include_keys,
            exclude_keys,
            prefix: prefix.unwrap_or_default(),
            trim_key: trimmer(cfg, trim_key)?,
            trim_value: trimmer(cfg, trim_value)?,
            strip_brackets,
            ignore_missing,
        })
    }

    fn keep(&self, key: &str) -> bool {
        let contains = |set: &Vec<String>| set.iter().any(|k| k == key);
        self.include_keys.as_ref().is_none_or(contains)
            && !self.exclude_keys.as_ref().is_some_and(contains)
    }
}

/// ES `KeyValueProcessor.STRIP_BRACKETS`, `(^[\(\[<"'])|([\]\)>"']$)` replaced by "".
fn strip_brackets(s: &str) -> String {
    let mut start = 0;
    if let Some(c) = s.chars().next() {
        if matches!(c, '(' | '[' | '<' | '"' | '\'') {
            start = c.len_utf8();
        }
    }
    // Java `$` also matches before a final line terminator
    let body_end = if s.ends_with("\r\n") {
        s.len() - 2
    } else {
        match s.chars().last() {
            Some(c @ ('\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')) => s.len() - c.len_utf8(),
            _ => s.len(),
        }
    };
    let tail_end = |end: usize| -> Option<usize> {
        let c = s[..end].chars().last()?;
        let at = end - c.len_utf8();
        (at >= start && matches!(c, ']' | ')' | '>' | '"' | '\'')).then_some(at)
    };
    let mut out = String::with_capacity(s.len());
    if let Some(at) = tail_end(s.len()) {
        out.push_str(&s[start..at]);
    } else if let Some(at) = (body_end != s.len()).then(|| tail_end(body_end)).flatten() {
        out.push_str(&s[start..at]);
        out.push_str(&s[body_end..]);
    } else {
        out.push_str(&s[start..]);
    }
    out
}

fn trim(re: &Option<JavaRegex>, s: String) -> String {
    match re {
        Some(re) => re.replace_all(&s, &re.parse_replacement("")).unwrap_or(s),
        None => s,
    }
}

impl Processor for Kv {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let target = self
            .target_field
            .as_ref()
            .map(|t| t.render(doc))
            .transpose()?
            .unwrap_or_default();
        let path_prefix = if target.is_empty() {
            self.prefix.clone()
        } else {
            format!("{target}.{}", self.prefix)
        };
        let rendered;
        let (path, field) = match &self.field_path {
            Some(p) => (p.full.as_str(), Some(std::borrow::Cow::Borrowed(p))),
            None => {
                rendered = self.field.render(doc)?;
                let parsed = FieldPath::parse(&rendered).ok();
                (rendered.as_str(), parsed.map(std::borrow::Cow::Owned))
            }
        };
        // hasField(path, true): an out-of-range list index is an error, not a missing field
        if let Some(Err(e)) = field.as_ref().map(|f| doc.get(f)) {
            if e.contains("is out of bounds for array") {
                return Err(ProcessorError::illegal_argument(e));
            }
        }
        let Some(field) = field.filter(|f| doc.has(f)) else {
            if self.ignore_missing {
                return Ok(Flow::Continue);
            }
            return Err(ProcessorError::illegal_argument(format!(
                "field [{path}] doesn't exist"
            )));
        };
        let value = match doc.get(&field).map_err(ProcessorError::illegal_argument)? {
            Value::Null if self.ignore_missing => return Ok(Flow::Continue),
            Value::Null => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{path}] is null, cannot extract key-value pairs."
                )))
            }
            Value::String(s) => s.clone(),
            other => return Err(cast_error(path, other, "java.lang.String")),
        };
        for part in self.field_split.split(&value, 0)? {
            let kv = self.value_split.split(&part, 2)?;
            if kv.len() != 2 {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{path}] does not contain value_split [{}]",
                    self.value_split_text
                )));
            }
            let mut kv = kv.into_iter();
            let key = trim(&self.trim_key, kv.next().unwrap_or_default());
            if !self.keep(&key) {
                continue;
            }
            let mut v = kv.next().unwrap_or_default();
            if self.strip_brackets {
                v = strip_brackets(&v);
            }
            let v = trim(&self.trim_value, v);
            let key_path = format!("{path_prefix}{key}");
            let key_path = FieldPath::parse(&key_path).map_err(ProcessorError::illegal_argument)?;
            let result = if doc.has(&key_path) {
                doc.append(&key_path, Value::String(v), true)
            } else {
                doc.set(&key_path, Value::String(v))
            };
            result.map_err(ProcessorError::illegal_argument)?;
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use super::strip_brackets;
    use crate::processors::test_support::*;
    use serde_json::json;

    // Cases follow ES KeyValueProcessorTests.
    #[test]
    fn basic() {
        let d = run(
            "kv",
            json!({"field": "m", "field_split": "&", "value_split": "=", "target_field": "t"}),
            r#"{"m":"first=hello&second=world&second=universe"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"first=hello&second=world&second=universe","t":{"first":"hello","second":["world","universe"]}}"#
        );
    }

    #[test]
    fn root_and_prefix() {
        let d = run(
            "kv",
            json!({"field": "m", "field_split": "&", "value_split": "=", "prefix": "arg_"}),
            r#"{"m":"first=hello&second=world"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"first=hello&second=world","arg_first":"hello","arg_second":"world"}"#
        );
    }

    #[test]
    fn okta_behaviors() {
        let d = run(
            "kv",
            json!({"field": "b", "field_split": ", ", "value_split": "=", "target_field": "_o"}),
            r#"{"b":"New Geo-Location=NEGATIVE, New Device=POSITIVE, Velocity=NEGATIVE"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"b":"New Geo-Location=NEGATIVE, New Device=POSITIVE, Velocity=NEGATIVE","_o":{"New Geo-Location":"NEGATIVE","New Device":"POSITIVE","Velocity":"NEGATIVE"}}"#
        );
    }

    /// The Okta integration's steps: dissect strips the braces, kv splits into an object.
    #[test]
    fn okta_dissect_then_kv() {
        let mut d = doc(
            r#"{"b":"{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, New City=NEGATIVE}"}"#,
        );
        run_on(
            "dissect",
            json!({"field": "b", "pattern": "{%{b}}", "ignore_missing": true}),
            &mut d,
        )
        .unwrap();
        run_on(
            "kv",
            json!({"field": "b", "field_split": ", ", "value_split": "=", "target_field": "_o"}),
            &mut d,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("_o").unwrap().to_serde(),
            json!({"New City": "NEGATIVE", "New Country": "NEGATIVE", "New Device": "NEGATIVE",
                   "New Geo-Location": "NEGATIVE", "New IP": "NEGATIVE", "New State": "NEGATIVE"})
        );
        // a risk value with a comma inside a value fails kv, as in ES
        let mut d = doc(r#"{"r":"{reasons=Anomalous Device, New IP, level=HIGH}"}"#);
        run_on(
            "dissect",
            json!({"field": "r", "pattern": "{%{r}}"}),
            &mut d,
        )
        .unwrap();
        let e = run_on(
            "kv",
            json!({"field": "r", "field_split": ", ", "value_split": "=", "target_field": "_r"}),
            &mut d,
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [r] does not contain value_split [=]");
    }

    #[test]
    fn regex_splits_and_include_exclude() {
        let d = run(
            "kv",
            json!({"field": "m", "field_split": "&|\\s", "value_split": "=",
                   "include_keys": ["a", "b"], "exclude_keys": ["b"], "target_field": "t"}),
            r#"{"m":"a=1 b=2&c=3"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":"a=1 b=2&c=3","t":{"a":"1"}}"#);
        let d = run(
            "kv",
            json!({"field": "m", "field_split": "&", "value_split": "=", "include_keys": [], "target_field": "t"}),
            r#"{"m":"a=1"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":"a=1"}"#);
    }

    #[test]
    fn trims_and_brackets() {
        let d = run(
            "kv",
            json!({"field": "m", "field_split": " ", "value_split": "=", "target_field": "t",
                   "trim_key": "\"", "trim_value": " ", "strip_brackets": true}),
            r#"{"m":"\"k1\"=(v1) k2=<v2> k3=[v3] k4='v4' k5=\"v5\" k6=\"v6"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"m":"\"k1\"=(v1) k2=<v2> k3=[v3] k4='v4' k5=\"v5\" k6=\"v6","t":{"k1":"v1","k2":"v2","k3":"v3","k4":"v4","k5":"v5","k6":"v6"}}"#
        );
        let d = run(
            "kv",
            json!({"field": "m", "field_split": "&", "value_split": "=", "target_field": "t",
                   "trim_key": " \\t", "trim_value": "\\s"}),
            "{\"m\":\" k \\t= v \"}",
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            "{\"m\":\" k \\t= v \",\"t\":{\"k\":\"v\"}}"
        );
        assert_eq!(strip_brackets("\""), "");
        assert_eq!(strip_brackets("\"\""), "");
        assert_eq!(strip_brackets("(a)\n"), "a\n");
    }

    #[test]
    fn failures() {
        let cfg = json!({"field": "m", "field_split": "&", "value_split": "="});
        let e = run("kv", cfg.clone(), r#"{"m":"a=1&b"}"#).unwrap_err();
        assert_eq!(e.reason, "field [m] does not contain value_split [=]");
        let e = run("kv", cfg.clone(), r#"{"m":""}"#).unwrap_err();
        assert_eq!(e.reason, "field [m] does not contain value_split [=]");
        let e = run("kv", cfg.clone(), "{}").unwrap_err();
        assert_eq!(e.reason, "field [m] doesn't exist");
        let e = run("kv", cfg.clone(), r#"{"m":null}"#).unwrap_err();
        assert_eq!(
            e.reason,
            "field [m] is null, cannot extract key-value pairs."
        );
        let e = run("kv", cfg.clone(), r#"{"m":1}"#).unwrap_err();
        assert_eq!(
            e.reason,
            "field [m] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
        let mut ignoring = cfg.clone();
        ignoring["ignore_missing"] = json!(true);
        assert!(run("kv", ignoring.clone(), "{}").is_ok());
        assert!(run("kv", ignoring, r#"{"m":null}"#).is_ok());
        // value_split keeps everything after the first separator
        let d = run("kv", cfg, r#"{"m":"a=1=2"}"#).unwrap();
        assert_eq!(source_json(&d), r#"{"m":"a=1=2","a":"1=2"}"#);
        assert_eq!(
            config_error("kv", json!({"field": "m", "value_split": "="})),
            "[field_split] required property is missing"
        );
    }

    #[test]
    fn out_of_range_index_is_an_error() {
        let cfg =
            json!({"field": "l.3", "field_split": "&", "value_split": "=", "ignore_missing": true});
        let e = run("kv", cfg, r#"{"l":["a=1"]}"#).unwrap_err();
        assert_eq!(
            e.reason,
            "[3] is out of bounds for array with length [1] as part of path [l.3]"
        );
    }

    #[test]
    fn templated_field() {
        let d = run(
            "kv",
            json!({"field": "{{src}}", "field_split": "&", "value_split": "=", "target_field": "{{dst}}"}),
            r#"{"src":"m","dst":"out","m":"a=1"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"src":"m","dst":"out","m":"a=1","out":{"a":"1"}}"#
        );
    }
}
