//! `redact` (ES x-pack `RedactProcessor`): replaces every match of grok patterns in a string field
//! with `<NAME>`, the name being the pattern's first capture (`%{EMAILADDRESS:EMAIL}` → `<EMAIL>`).
//!
//! As in ES:
//! - the patterns come from the ecs-v1 built-in set (not the grok processor's legacy default),
//!   extended by `pattern_definitions`;
//! - each pattern is searched for on its own, repeatedly, left to right; matches of all patterns
//!   that overlap or touch are merged into one region named after the longest of them;
//! - `ignore_missing` defaults to `true`; `trace_redact` sets `_ingest._redact._is_redacted`;
//! - a pattern without a named capture fails every document it runs on with
//!   `timeout_exception` (an `ElasticsearchTimeoutException`: `RedactProcessor` wraps the `IndexOutOfBoundsException`
//!   of reading its first capture as if grok had timed out).
//!
//! Offline there is no licence to check: `skip_if_unlicensed` is accepted and has no effect. ES
//! runs redact's searches without grok's watchdog; here a search that exceeds the backtracking
//! budget fails the document the same way as the missing capture does. An empty match moves the
//! search on by one character (ES: one UTF-8 byte, which only differs for patterns that can match
//! the empty string just before a multi-byte character).

use super::field_access::string_input;
use super::grok::{invalid_patterns, pattern_definitions};
use crate::document::{FieldPath, IngestDocument};
use crate::grok::{EcsCompatibility, Grok as GrokEngine};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;
use serde_json::json;

pub struct Redact {
    field: FieldPath,
    /// Each pattern compiled on its own, with the name its matches are replaced by (`None`: the
    /// pattern captures nothing).
    patterns: Vec<(GrokEngine, Option<String>)>,
    ignore_missing: bool,
    prefix: String,
    suffix: String,
    trace_redact: bool,
    is_redacted_path: FieldPath,
}

impl Redact {
    pub fn from_config(cfg: &mut Config) -> Result<Redact, ConfigError> {
        let field = cfg.required_path("field")?;
        let Some(patterns) = cfg.optional_string_list("patterns")? else {
            return Err(cfg.error(Some("patterns"), "required property is missing"));
        };
        let ignore_missing = cfg.bool("ignore_missing", true)?;
        cfg.bool("skip_if_unlicensed", false)?;
        let prefix = cfg.string_or("prefix", "<")?;
        let suffix = cfg.string_or("suffix", ">")?;
        let trace_redact = cfg.bool("trace_redact", false)?;
        if patterns.is_empty() {
            return Err(cfg.error(Some("patterns"), "List of patterns must not be empty"));
        }
        let definitions = pattern_definitions(cfg)?;
        let compiled = patterns
            .iter()
            .map(|p| {
                let grok = GrokEngine::compile(
                    std::slice::from_ref(p),
                    &definitions,
                    EcsCompatibility::V1,
                )?;
                let name = grok.capture_names().first().map(|(f, _)| f.to_string());
                Ok((grok, name))
            })
            .collect::<Result<Vec<_>, String>>()
            .map_err(|e| invalid_patterns(cfg, &patterns, &e))?;
        Ok(Redact {
            field,
            patterns: compiled,
            ignore_missing,
            prefix,
            suffix,
            trace_redact,
            is_redacted_path: FieldPath::parse("_ingest._redact._is_redacted")
                .map_err(|e| cfg.error(None, e))?,
        })
    }

    /// Every match of every pattern, in pattern order, each pattern's matches left to right
    /// (`RedactProcessor.matchRepeat`).
    fn find_all<'s>(&'s self, text: &str) -> Result<Vec<Region<'s>>, ProcessorError> {
        let mut found = Vec::new();
        for (grok, name) in &self.patterns {
            let Some(name) = name else {
                return Err(timed_out(
                    "index_out_of_bounds_exception",
                    "Index 0 out of bounds for length 0",
                ));
            };
            let mut offset = 0;
            loop {
                let hit = grok
                    .find_from(text, offset)
                    .map_err(|e| timed_out(e.es_type, &e.reason))?;
                let Some((start, end)) = hit else { break };
                found.push(Region {
                    start,
                    end,
                    name: name.as_str(),
                });
                offset = if end == offset {
                    next_char(text, offset)
                } else {
                    end
                };
                if offset == text.len() {
                    break;
                }
            }
        }
        Ok(found)
    }
}

/// A matched stretch of the input (byte offsets) and the name it is replaced by.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Region<'a> {
    start: usize,
    end: usize,
    name: &'a str,
}

/// One past the character at `at` (past the end when `at` is already there, which stops the
/// search as ES's `search(length + 1, length)` finds nothing).
fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// `RegionTrackingMatchExtractor.mergeOverlappingReplacements`: sorted by start (stably), then
/// runs of regions that overlap or touch become one region named after its longest member. A run
/// grows while the next region starts at or before the end of the last one added to it (not the
/// run's furthest end), exactly as ES walks it.
fn merge_overlapping(mut regions: Vec<Region<'_>>) -> Vec<Region<'_>> {
    if regions.len() == 1 {
        return regions;
    }
    regions.sort_by_key(|r| r.start);
    let mut merged = Vec::new();
    let mut current = 0;
    let mut next = 1;
    while current < regions.len() {
        let head = regions[current];
        if next >= regions.len() || head.end < regions[next].start {
            merged.push(head);
        } else {
            loop {
                let previous_end = regions[next].end;
                next += 1;
                if next >= regions.len() || previous_end < regions[next].start {
                    break;
                }
            }
            merged.push(merge_longest(&regions[current..next]));
        }
        current = next;
        next += 1;
    }
    merged
}

/// `mergeLongestRegion`: the first start, the furthest end, the name of the first longest region.
fn merge_longest<'a>(run: &[Region<'a>]) -> Region<'a> {
    let mut longest = run[0];
    let mut end = run[0].end;
    for r in &run[1..] {
        if r.end - r.start > longest.end - longest.start {
            longest = *r;
        }
        end = end.max(r.end);
    }
    Region {
        start: run[0].start,
        end,
        name: longest.name,
    }
}

/// `RedactProcessor.execute` turns any runtime failure of matching into this.
fn timed_out(cause_type: &str, cause_reason: &str) -> ProcessorError {
    let mut e = ProcessorError::new("timeout_exception", "Grok pattern matching timed out");
    e.extra.insert(
        "caused_by".into(),
        json!({"type": cause_type, "reason": cause_reason}),
    );
    e.root_cause_message = cause_reason.to_string();
    e
}

impl Processor for Redact {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        // ES reads the field with ignoreMissing = true whatever the option says.
        let Some(text) = string_input(doc, &self.field, true, String::new)? else {
            if self.ignore_missing {
                return Ok(Flow::Continue);
            }
            return Err(ProcessorError::illegal_argument(format!(
                "field [{}] is null or missing",
                self.field.full
            )));
        };
        let regions = self.find_all(&text)?;
        let redacted = if regions.is_empty() {
            text.clone()
        } else {
            let mut out = String::with_capacity(text.len());
            let mut read = 0;
            for r in merge_overlapping(regions) {
                if r.start < read {
                    // A run that stopped early (see `merge_overlapping`) leaves a region inside
                    // the one before it; ES's copy of a negative length fails.
                    return Err(timed_out(
                        "array_index_out_of_bounds_exception",
                        &format!(
                            "arraycopy: length {} is negative",
                            r.start as i64 - read as i64
                        ),
                    ));
                }
                out.push_str(&text[read..r.start]);
                out.push_str(&self.prefix);
                out.push_str(r.name);
                out.push_str(&self.suffix);
                read = r.end;
            }
            out.push_str(&text[read..]);
            out
        };
        let changed = redacted != text;
        doc.set(&self.field, Value::String(redacted))
            .map_err(ProcessorError::illegal_argument)?;
        if self.trace_redact && changed {
            let already = matches!(doc.lookup(&self.is_redacted_path), Ok(Value::Bool(true)));
            if !already {
                doc.set(&self.is_redacted_path, Value::Bool(true))
                    .map_err(ProcessorError::illegal_argument)?;
            }
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::processors::test_support::*;

    fn redact(config: serde_json::Value, input: &str) -> String {
        let d = run("redact", config, &json!({ "m": input }).to_string()).unwrap();
        d.ctx.get("m").unwrap().as_str().unwrap().to_string()
    }

    #[test]
    fn replaces_matches_with_the_capture_name() {
        let config =
            json!({"field": "m", "patterns": ["%{EMAILADDRESS:EMAIL}", "%{IP:IP_ADDRESS}"]});
        assert_eq!(
            redact(
                config.clone(),
                "alice@example.com logged in from 10.0.0.1, bob@example.org too"
            ),
            "<EMAIL> logged in from <IP_ADDRESS>, <EMAIL> too"
        );
        assert_eq!(redact(config, "nothing here"), "nothing here");
        let custom = json!({"field": "m", "patterns": ["%{CREDIT:CARD}"], "prefix": "*", "suffix": "*",
            "pattern_definitions": {"CREDIT": "\\d{4}-\\d{4}"}});
        assert_eq!(redact(custom, "card 1234-5678 ok"), "card *CARD* ok");
    }

    /// Cases of ES's `RedactProcessorTests`.
    #[test]
    fn elasticsearch_test_cases() {
        let cards = json!({"field": "m", "patterns": ["%{CREDIT_CARD:CREDIT_CARD}"],
            "pattern_definitions": {"CREDIT_CARD": "\\b(?:\\d[ -]*?){13,16}\\b"}});
        assert_eq!(
            redact(cards.clone(), "1001-1002-1003-1004 some text in between 2001-1002-1003-1004 3001-1002-1003-1004 4001-1002-1003-1004"),
            "<CREDIT_CARD> some text in between <CREDIT_CARD> <CREDIT_CARD> <CREDIT_CARD>"
        );
        assert_eq!(
            redact(cards, "1001-1002-1003-1004 2001-1002-1003-1004 3001-1002-1003-1004 some 4001-1002-1003-1004 and lots more text here"),
            "<CREDIT_CARD> <CREDIT_CARD> <CREDIT_CARD> some <CREDIT_CARD> and lots more text here"
        );
        let several = json!({"field": "m",
            "patterns": ["%{EMAILADDRESS:EMAIL}", "%{IP:IP_ADDRESS}", "%{CREDIT_CARD:CREDIT_CARD}"],
            "pattern_definitions": {"CREDIT_CARD": "\\d{4}[ -]\\d{4}[ -]\\d{4}[ -]\\d{4}"}});
        assert_eq!(
            redact(several, "thisisanemail@address.com will be redacted and this: 0001-0002-0003-0004 some other text"),
            "<EMAIL> will be redacted and this: <CREDIT_CARD> some other text"
        );
        let prefix_only = json!({"field": "m", "patterns": ["%{IP:IP_ADDRESS}"], "prefix": "?--"});
        assert_eq!(
            redact(prefix_only, "0.0.0.1 will be redacted"),
            "?--IP_ADDRESS> will be redacted"
        );
    }

    #[test]
    fn overlapping_and_touching_matches_merge_under_the_longest_name() {
        let config = json!({"field": "m", "patterns": ["%{SHORT:S}", "%{LONG:L}"],
            "pattern_definitions": {"SHORT": "ab", "LONG": "bcde"}});
        assert_eq!(redact(config, "xabcdex"), "x<L>x");
        // touching regions (end == start) merge too, as ES's `head.end < next.start` test has it
        let config = json!({"field": "m", "patterns": ["%{A:A}", "%{B:BB}"],
            "pattern_definitions": {"A": "ab", "B": "cd"}});
        assert_eq!(redact(config, "abcd ab"), "<A> <A>");
    }

    #[test]
    fn merge_follows_the_last_region_not_the_furthest_end() {
        let r = |start, end, name| Region { start, end, name };
        // the second region ends before the third starts, so the run stops there even though the
        // first region reaches past it
        let merged = merge_overlapping(vec![r(0, 10, "A"), r(2, 3, "B"), r(5, 6, "C")]);
        assert_eq!(merged, vec![r(0, 10, "A"), r(5, 6, "C")]);
        // ... and then ES's copy of the text between them has a negative length
        let config = json!({"field": "m", "patterns": ["%{A:A}", "%{B:B}", "%{C:C}"],
            "pattern_definitions": {"A": "a.{9}", "B": "cd", "D": "x", "C": "fg"}});
        let e = run("redact", config, r#"{"m": "abcdefghijk"}"#).unwrap_err();
        assert_eq!(e.kind, "timeout_exception");
        assert_eq!(e.root_cause_message, "arraycopy: length -5 is negative");
    }

    #[test]
    fn empty_matches_insert_the_name() {
        let config =
            json!({"field": "m", "patterns": ["%{E:E}"], "pattern_definitions": {"E": "x*"}});
        assert_eq!(redact(config.clone(), "ab"), "<E>a<E>b");
        assert_eq!(redact(config, "é"), "<E>é");
    }

    #[test]
    fn missing_null_and_wrong_type() {
        assert!(run(
            "redact",
            json!({"field": "x", "patterns": ["%{IP:IP}"]}),
            "{}"
        )
        .is_ok());
        let e = run(
            "redact",
            json!({"field": "x", "patterns": ["%{IP:IP}"], "ignore_missing": false}),
            r#"{"x": null}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [x] is null or missing");
        let e = run(
            "redact",
            json!({"field": "x", "patterns": ["%{IP:IP}"]}),
            r#"{"x": 5}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [x] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
    }

    #[test]
    fn a_pattern_without_a_capture_fails_as_a_timeout() {
        let e = run(
            "redact",
            json!({"field": "m", "patterns": ["%{IP}"]}),
            r#"{"m": "10.0.0.1"}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, "timeout_exception");
        assert_eq!(e.reason, "Grok pattern matching timed out");
        assert_eq!(e.root_cause_message, "Index 0 out of bounds for length 0");
    }

    #[test]
    fn trace_redact_marks_the_document() {
        let config = json!({"field": "m", "patterns": ["%{IP:IP}"], "trace_redact": true});
        let d = run("redact", config.clone(), r#"{"m": "from 10.0.0.1"}"#).unwrap();
        let Some(Value::Map(trace)) = d.ingest.get("_redact") else {
            panic!("no _ingest._redact")
        };
        assert!(matches!(trace.get("_is_redacted"), Some(Value::Bool(true))));
        let d = run("redact", config, r#"{"m": "clean"}"#).unwrap();
        assert!(d.ingest.get("_redact").is_none());
    }

    #[test]
    fn configuration_errors() {
        assert_eq!(
            config_error("redact", json!({"field": "m"})),
            "[patterns] required property is missing"
        );
        assert_eq!(
            config_error("redact", json!({"field": "m", "patterns": []})),
            "[patterns] List of patterns must not be empty"
        );
        assert_eq!(
            config_error("redact", json!({"field": "m", "patterns": ["%{NOPE:X}"]})),
            "[patterns] Invalid regex pattern found in: [%{NOPE:X}]. Unable to find pattern [NOPE] in Grok's pattern dictionary"
        );
    }
}
