//! `csv` (ES `CsvProcessor` with its `CsvParser` state machine).

use super::field_access::{get_string, StrField};
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

pub struct Csv {
    field: FieldPath,
    /// Parsed per header at load; an invalid one fails only when a value is set, as in ES.
    headers: Vec<Result<FieldPath, String>>,
    trim: bool,
    quote: u16,
    separator: u16,
    ignore_missing: bool,
    empty_value: Option<Value>,
}

fn single_utf16(s: &str) -> Option<u16> {
    let units: Vec<u16> = s.encode_utf16().collect();
    (units.len() == 1).then(|| units[0])
}

impl Csv {
    pub fn from_config(cfg: &mut Config) -> Result<Csv, ConfigError> {
        let field = cfg.required_path("field")?;
        let quote = cfg.string_or("quote", "\"")?;
        let Some(quote) = single_utf16(&quote) else {
            return Err(cfg.error(
                Some("quote"),
                "quote has to be single character like \" or '",
            ));
        };
        let separator = cfg.string_or("separator", ",")?;
        let Some(separator) = single_utf16(&separator) else {
            return Err(cfg.error(
                Some("separator"),
                "separator has to be single character like , or ;",
            ));
        };
        let trim = cfg.bool("trim", false)?;
        let empty_value = match cfg.take("empty_value") {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => Some(Value::from_serde(&v)),
        };
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let targets = cfg.required_list("target_fields")?;
        if targets.is_empty() {
            return Err(cfg.error(Some("target_fields"), "target fields list can't be empty"));
        }
        let headers = targets
            .iter()
            .map(|t| match t {
                serde_json::Value::String(s) => Ok(FieldPath::parse(s)),
                // ES copies the list into a String[]: anything else fails the copy
                other => Err(cfg.error(
                    Some("target_fields"),
                    format!(
                        "java.lang.ArrayStoreException: {}",
                        crate::pipeline::config::json_class_name(other)
                    ),
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Csv {
            field,
            headers,
            trim,
            quote,
            separator,
            ignore_missing,
            empty_value,
        })
    }
}

impl Processor for Csv {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let line = match get_string(doc, &self.field, self.ignore_missing)? {
            StrField::Missing => return Ok(Flow::Continue),
            StrField::Null if self.ignore_missing => return Ok(Flow::Continue),
            StrField::Null => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{}] is null, cannot process it.",
                    self.field.full
                )))
            }
            StrField::Str(s) => s.encode_utf16().collect::<Vec<u16>>(),
        };
        let mut parser = Parser {
            csv: self,
            doc,
            line: &line,
            state: State::Start,
            builder: Vec::new(),
            current_header: 0,
            start: 0,
            index: 0,
        };
        parser.process()?;
        Ok(Flow::Continue)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Start,
    Unquoted,
    Quoted,
    QuotedEnd,
}

/// ES `CsvParser`, over UTF-16 units like Java's `String.charAt`.
struct Parser<'a> {
    csv: &'a Csv,
    doc: &'a mut IngestDocument,
    line: &'a [u16],
    state: State,
    builder: Vec<u16>,
    current_header: usize,
    start: usize,
    index: usize,
}

const LF: u16 = b'\n' as u16;
const CR: u16 = b'\r' as u16;

fn is_whitespace(c: u16) -> bool {
    c == b' ' as u16 || c == b'\t' as u16
}

type Step = Result<bool, ProcessorError>;

impl Parser<'_> {
    fn process(&mut self) -> Result<(), ProcessorError> {
        let len = self.line.len();
        self.index = 0;
        while self.index < len {
            let done = match self.state {
                State::Start => self.start_state()?,
                State::Unquoted => self.unquoted()?,
                State::Quoted => {
                    self.quoted();
                    false
                }
                State::QuotedEnd => self.quoted_end()?,
            };
            if done {
                return Ok(());
            }
            self.index += 1;
        }
        match self.state {
            State::Unquoted => {
                self.set_field(len)?;
            }
            State::QuotedEnd => {
                self.set_field(len - 1)?;
            }
            State::Quoted => return Err(ProcessorError::illegal_argument("Unmatched quote")),
            State::Start => {}
        }
        Ok(())
    }

    fn start_state(&mut self) -> Step {
        while self.index < self.line.len() {
            let c = self.line[self.index];
            if c == self.csv.quote {
                self.state = State::Quoted;
                self.builder.clear();
                self.start = self.index + 1;
                return Ok(false);
            } else if c == self.csv.separator {
                self.start += 1;
                self.builder.clear();
                if self.set_field(self.start)? {
                    return Ok(true);
                }
            } else if is_whitespace(c) {
                if self.csv.trim {
                    self.start += 1;
                }
            } else {
                self.state = State::Unquoted;
                self.builder.clear();
                return Ok(false);
            }
            self.index += 1;
        }
        Ok(true)
    }

    fn unquoted(&mut self) -> Step {
        let mut spaces = 0;
        while self.index < self.line.len() {
            let c = self.line[self.index];
            if c == LF || c == CR || c == self.csv.quote {
                return Err(ProcessorError::illegal_argument(format!(
                    "Illegal character inside unquoted field at {}",
                    self.index
                )));
            } else if c == self.csv.separator {
                // the separator first: a space or tab separator is no whitespace to trim
                // (elastic/elasticsearch#67045)
                self.state = State::Start;
                if self.set_field(self.index - spaces)? {
                    return Ok(true);
                }
                self.start = self.index + 1;
                return Ok(false);
            } else if self.csv.trim && is_whitespace(c) {
                spaces += 1;
            } else {
                spaces = 0;
            }
            self.index += 1;
        }
        Ok(false)
    }

    fn quoted(&mut self) {
        while self.index < self.line.len() {
            if self.line[self.index] == self.csv.quote {
                self.state = State::QuotedEnd;
                break;
            }
            self.index += 1;
        }
    }

    fn quoted_end(&mut self) -> Step {
        let c = self.line[self.index];
        if c == self.csv.quote {
            // a doubled quote is one literal quote
            self.builder
                .extend_from_slice(&self.line[self.start..self.index - 1]);
            self.builder.push(self.csv.quote);
            self.start = self.index + 1;
            self.state = State::Quoted;
            return Ok(false);
        }
        let mut should_set = true;
        while self.index < self.line.len() {
            let c = self.line[self.index];
            if c == self.csv.separator {
                // before the whitespace check, as in `unquoted`
                if should_set && self.set_field(self.index - 1)? {
                    return Ok(true);
                }
                self.start = self.index + 1;
                self.state = State::Start;
                return Ok(false);
            } else if is_whitespace(c) {
                if should_set {
                    if self.set_field(self.index - 1)? {
                        return Ok(true);
                    }
                    should_set = false;
                }
            } else {
                return Err(ProcessorError::illegal_argument(format!(
                    "character '{}' after quoted field at {}",
                    String::from_utf16_lossy(&[c]),
                    self.index
                )));
            }
            self.index += 1;
        }
        Ok(true)
    }

    fn set_field(&mut self, end: usize) -> Step {
        let value: Vec<u16> = if self.builder.is_empty() {
            self.line[self.start..end].to_vec()
        } else {
            self.builder.extend_from_slice(&self.line[self.start..end]);
            self.builder.clone()
        };
        let header = &self.csv.headers[self.current_header];
        let to_set = if !value.is_empty() {
            Some(Value::String(String::from_utf16_lossy(&value)))
        } else {
            self.csv.empty_value.clone()
        };
        if let Some(v) = to_set {
            let path = header
                .as_ref()
                .map_err(|e| ProcessorError::illegal_argument(e.clone()))?;
            self.doc
                .set(path, v)
                .map_err(ProcessorError::illegal_argument)?;
        }
        self.current_header += 1;
        Ok(self.current_header == self.csv.headers.len())
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn csv(config: serde_json::Value, line: &str) -> Result<String, String> {
        let doc = json!({ "m": line }).to_string();
        let mut cfg = json!({"field": "m", "target_fields": ["a", "b", "c"]});
        for (k, v) in config.as_object().unwrap() {
            cfg[k] = v.clone();
        }
        run("csv", cfg, &doc)
            .map(|d| {
                let mut s = source_json(&d);
                let pre = format!("{{\"m\":{},", serde_json::to_string(line).unwrap());
                if s.starts_with(&pre) {
                    s = format!("{{{}", &s[pre.len()..]);
                } else {
                    s = "{}".into();
                }
                s
            })
            .map_err(|e| e.reason)
    }

    // Cases follow ES CsvProcessorTests.
    #[test]
    fn plain_and_quoted() {
        assert_eq!(
            csv(json!({}), "1,2,3").unwrap(),
            r#"{"a":"1","b":"2","c":"3"}"#
        );
        assert_eq!(csv(json!({}), "1,2").unwrap(), r#"{"a":"1","b":"2"}"#);
        assert_eq!(
            csv(json!({}), "1,2,3,4").unwrap(),
            r#"{"a":"1","b":"2","c":"3"}"#
        );
        assert_eq!(
            csv(json!({}), r#""a,b","c""d",e"#).unwrap(),
            r#"{"a":"a,b","b":"c\"d","c":"e"}"#
        );
        assert_eq!(csv(json!({}), r#""",,x"#).unwrap(), r#"{"c":"x"}"#);
        assert_eq!(
            csv(json!({}), "\"a\nb\",c").unwrap(),
            r#"{"a":"a\nb","b":"c"}"#
        );
        assert_eq!(
            csv(json!({"quote": "'", "separator": ";"}), "'x;y';z").unwrap(),
            r#"{"a":"x;y","b":"z"}"#
        );
    }

    #[test]
    fn trim_and_whitespace() {
        assert_eq!(
            csv(json!({"trim": true}), " 1 , 2 ,3 ").unwrap(),
            r#"{"a":"1","b":"2","c":"3 "}"#
        );
        assert_eq!(csv(json!({}), " 1 ,2").unwrap(), r#"{"a":" 1 ","b":"2"}"#);
        assert_eq!(
            csv(json!({}), r#"  "x"  ,y"#).unwrap(),
            r#"{"a":"x","b":"y"}"#
        );
    }

    /// A space or tab separator is checked before whitespace (elastic/elasticsearch#67045):
    /// proxysg's logs split on spaces around quoted fields.
    #[test]
    fn whitespace_separators() {
        assert_eq!(
            csv(json!({"separator": " "}), r#""q" 23 z"#).unwrap(),
            r#"{"a":"q","b":"23","c":"z"}"#
        );
        assert_eq!(
            csv(json!({"separator": "\t", "trim": true}), "p\tq").unwrap(),
            r#"{"a":"p","b":"q"}"#
        );
        assert_eq!(
            csv(json!({"separator": " ", "trim": true}), r#"1 "x y" 3"#).unwrap(),
            r#"{"a":"1","b":"x y","c":"3"}"#
        );
    }

    fn csv4(trim: bool, line: &str) -> String {
        let cfg = json!({"field": "m", "target_fields": ["a", "b", "c", "d", "e", "f"],
                         "separator": ";", "quote": "'", "trim": trim});
        let d = run("csv", cfg, &json!({ "m": line }).to_string()).unwrap();
        let mut src = d.source();
        src.remove("m");
        crate::value::Value::Map(src).to_json()
    }

    // ES CsvProcessorTests.testQuotedWhitespaces / testUntrimmed / testEmptyFields.
    #[test]
    fn es_whitespace_cases() {
        assert_eq!(
            csv4(true, "  abc   ; def;ghi  ; '  ooo  '"),
            r#"{"a":"abc","b":"def","c":"ghi","d":"  ooo  "}"#
        );
        assert_eq!(
            csv4(false, "  abc   ; def;ghi  ;   'ooo'    ;  'jjj'   "),
            r#"{"a":"  abc   ","b":" def","c":"ghi  ","d":"ooo","e":"jjj"}"#
        );
        assert_eq!(csv4(true, ";;;'x';'y';;abc"), r#"{"d":"x","e":"y"}"#);
        for bad in ["abc'abc", "'abc'asd", "'abcasd", "abc\nabc", "abc\rabc"] {
            let line = bad.replace("\\n", "\n").replace("\\r", "\r");
            let cfg = json!({"field": "m", "target_fields": ["a"], "quote": "'"});
            assert!(
                run("csv", cfg, &json!({ "m": line }).to_string()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn empty_value() {
        assert_eq!(
            csv(json!({"empty_value": ""}), "1,,3").unwrap(),
            r#"{"a":"1","b":"","c":"3"}"#
        );
        assert_eq!(
            csv(json!({"empty_value": 0}), ",\"\",").unwrap(),
            // a trailing separator leaves the last field unset (the parser ends in START)
            r#"{"a":0,"b":0}"#
        );
        assert_eq!(csv(json!({}), "1,,3").unwrap(), r#"{"a":"1","c":"3"}"#);
    }

    #[test]
    fn errors() {
        assert_eq!(csv(json!({}), "\"abc").unwrap_err(), "Unmatched quote");
        assert_eq!(
            csv(json!({}), "ab\"c").unwrap_err(),
            "Illegal character inside unquoted field at 2"
        );
        assert_eq!(
            csv(json!({}), "\"ab\"c").unwrap_err(),
            "character 'c' after quoted field at 4"
        );
        let e = run(
            "csv",
            json!({"field": "m", "target_fields": ["a"]}),
            r#"{"m":null}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [m] is null, cannot process it.");
        let e = run("csv", json!({"field": "m", "target_fields": ["a"]}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [m] not present as part of path [m]");
        assert!(run(
            "csv",
            json!({"field": "m", "target_fields": ["a"], "ignore_missing": true}),
            "{}"
        )
        .is_ok());
        assert_eq!(
            config_error("csv", json!({"field": "m", "target_fields": []})),
            "[target_fields] target fields list can't be empty"
        );
        assert_eq!(
            config_error(
                "csv",
                json!({"field": "m", "target_fields": ["a"], "quote": "ab"})
            ),
            "[quote] quote has to be single character like \" or '"
        );
        assert_eq!(
            config_error(
                "csv",
                json!({"field": "m", "target_fields": ["a"], "separator": ""})
            ),
            "[separator] separator has to be single character like , or ;"
        );
        assert_eq!(
            config_error("csv", json!({"field": "m"})),
            "[target_fields] required property is missing"
        );
    }
}
