//! `bytes` (ES `BytesProcessor`): `ByteSizeValue.parseBytesSizeValue(value, "Ingest Field")`,
//! e.g. `"1kb"` → `1024` (a Long). Failures are `parse_exception`s with ES's texts; the Java cause
//! (`NumberFormatException`, `IllegalArgumentException`) becomes `caused_by` and the root-cause
//! message, as ES reports them.

use super::string_processor::StringProcessor;
use crate::java;
use crate::pipeline::{Config, ConfigError, ProcessorError};
use crate::value::Value;

const SETTING: &str = "Ingest Field";

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    StringProcessor::from_config(cfg, |s: &str| parse_bytes(s).map(Value::Long))
}

struct Unit {
    bytes: i64,
    suffix: &'static str,
}

const KB: Unit = Unit {
    bytes: 1 << 10,
    suffix: "kb",
};
const MB: Unit = Unit {
    bytes: 1 << 20,
    suffix: "mb",
};
const GB: Unit = Unit {
    bytes: 1 << 30,
    suffix: "gb",
};
const TB: Unit = Unit {
    bytes: 1 << 40,
    suffix: "tb",
};
const PB: Unit = Unit {
    bytes: 1 << 50,
    suffix: "pb",
};
const BYTES: Unit = Unit {
    bytes: 1,
    suffix: "b",
};

fn parse_error(reason: String, cause: Option<(&str, String)>) -> ProcessorError {
    let mut e = ProcessorError::new("parse_exception", reason);
    if let Some((kind, message)) = cause {
        e.extra.insert(
            "caused_by".into(),
            serde_json::json!({"type": kind, "reason": message}),
        );
        e.root_cause_message = message;
    }
    e
}

fn number_format(s: &str) -> (&'static str, String) {
    (
        "number_format_exception",
        format!("For input string: \"{s}\""),
    )
}

/// `ByteSizeValue.parseBytesSizeValue` as Elasticsearch 8.x has it (9.0 changed fractional values
/// to at most two decimals rounded up; 8.x truncates).
pub fn parse_bytes(value: &str) -> Result<i64, ProcessorError> {
    match value {
        "0" | "0b" | "0B" => return Ok(0),
        "1b" | "1B" => return Ok(1),
        "-1" | "-1b" | "-1B" => return Ok(-1),
        _ => {}
    }
    let lower = value.to_lowercase();
    let lower = lower.trim_matches(|c| c <= ' ');
    for (suffix, unit) in [
        ("k", KB),
        ("kb", KB),
        ("m", MB),
        ("mb", MB),
        ("g", GB),
        ("gb", GB),
        ("t", TB),
        ("tb", TB),
        ("p", PB),
        ("pb", PB),
    ] {
        if let Some(number) = lower.strip_suffix(suffix) {
            return parse_with_unit(value, number.trim_matches(|c| c <= ' '), &unit);
        }
    }
    if let Some(number) = lower.strip_suffix('b') {
        let number = number.trim_matches(|c| c <= ' ');
        let n = java::parse_long(number).ok_or_else(|| {
            parse_error(
                format!("failed to parse setting [{SETTING}] with value [{value}]"),
                Some(number_format(number)),
            )
        })?;
        return of(n, &BYTES, value);
    }
    Err(parse_error(
        format!(
            "failed to parse setting [{SETTING}] with value [{value}] as a size in bytes: unit is missing or unrecognized"
        ),
        None,
    ))
}

/// `ByteSizeValue.of`, with `parse`'s wrapping of its `IllegalArgumentException`.
fn of(n: i64, unit: &Unit, value: &str) -> Result<i64, ProcessorError> {
    let cause = if n < -1 || (n == -1 && unit.bytes != 1) {
        format!(
            "Values less than -1 bytes are not supported: {n}{}",
            unit.suffix
        )
    } else if n > i64::MAX / unit.bytes {
        format!(
            "Values greater than {} bytes are not supported: {n}{}",
            i64::MAX,
            unit.suffix
        )
    } else {
        return Ok(n * unit.bytes);
    };
    Err(parse_error(
        format!("failed to parse setting [{SETTING}] with value [{value}] as a size in bytes"),
        Some(("illegal_argument_exception", cause)),
    ))
}

fn parse_with_unit(value: &str, number: &str, unit: &Unit) -> Result<i64, ProcessorError> {
    if let Some(n) = java::parse_long(number) {
        return of(n, unit, value);
    }
    // Fractional values (deprecated in 8.x) are truncated: `(long) (double * unitBytes)`, which
    // saturates like Rust's `as`; a Java NaN becomes 0.
    let Ok(d) = java::parse_double(number) else {
        return Err(parse_error(
            format!("failed to parse setting [{SETTING}] with value [{value}]"),
            Some(number_format(number)),
        ));
    };
    of((d * unit.bytes as f64) as i64, &BYTES, value)
}

#[cfg(test)]
mod tests {
    use super::parse_bytes;
    use crate::processors::test_support::*;
    use serde_json::json;

    fn ok(s: &str) -> i64 {
        parse_bytes(s).unwrap_or_else(|e| panic!("{s}: {}", e.reason))
    }

    fn err(s: &str) -> (String, String) {
        let e = parse_bytes(s).unwrap_err();
        assert_eq!(e.kind, "parse_exception");
        (e.reason, e.root_cause_message)
    }

    #[test]
    fn units() {
        assert_eq!(ok("1kb"), 1024);
        assert_eq!(ok("1k"), 1024);
        assert_eq!(ok("2MB"), 2 << 20);
        assert_eq!(ok(" 3 gb "), 3 << 30);
        assert_eq!(ok("1t"), 1 << 40);
        assert_eq!(ok("1pb"), 1 << 50);
        assert_eq!(ok("12b"), 12);
        assert_eq!(ok("0"), 0);
        assert_eq!(ok("-1"), -1);
        // BytesProcessorTests.testFractional (8.x): truncated
        assert_eq!(ok("1.1kb"), 1126);
        assert_eq!(ok("0.5k"), 512);
        assert_eq!(ok("1.5e1kb"), 15360);
        assert_eq!(ok("1.123kb"), 1149);
        assert_eq!(ok("9000000000000.5pb"), i64::MAX);
        assert_eq!(ok("-0.0001kb"), 0);
        // Double.parseDouble reads hexadecimal floating point (8.0 here)
        assert_eq!(ok("0x1p3kb"), 8192);
        assert_eq!(ok("0X1.8P1MB"), 3 << 20);
    }

    #[test]
    fn errors() {
        // BytesProcessorTests.testTooLarge
        let (reason, root) = err("8912pb");
        assert_eq!(
            reason,
            "failed to parse setting [Ingest Field] with value [8912pb] as a size in bytes"
        );
        assert_eq!(
            root,
            "Values greater than 9223372036854775807 bytes are not supported: 8912pb"
        );
        // testNotBytes
        let (reason, root) = err("junk");
        assert_eq!(
            reason,
            "failed to parse setting [Ingest Field] with value [junk]"
        );
        assert_eq!(root, "For input string: \"jun\"");
        // testMissingUnits
        assert_eq!(
            err("1").0,
            "failed to parse setting [Ingest Field] with value [1] as a size in bytes: unit is missing or unrecognized"
        );
        assert_eq!(
            err("-5kb").1,
            "Values less than -1 bytes are not supported: -5kb"
        );
        assert_eq!(
            err("-1kb").1,
            "Values less than -1 bytes are not supported: -1kb"
        );
        let (reason, root) = err("-0.5kb");
        assert_eq!(
            reason,
            "failed to parse setting [Ingest Field] with value [-0.5kb] as a size in bytes"
        );
        assert_eq!(root, "Values less than -1 bytes are not supported: -512b");
        assert_eq!(
            err("xb").0,
            "failed to parse setting [Ingest Field] with value [xb]"
        );
    }

    #[test]
    fn bytes_yaml_test() {
        // 180_bytes_processor.yml
        let d = run(
            "bytes",
            json!({"field": "bytes_source_field", "target_field": "bytes_target_field"}),
            r#"{"bytes_source_field":"1kb"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"bytes_source_field":"1kb","bytes_target_field":1024}"#
        );
    }

    #[test]
    fn processor_writes_longs() {
        let d = run(
            "bytes",
            json!({"field": "f", "target_field": "g"}),
            r#"{"f":["1kb","1"]}"#,
        );
        let e = d.unwrap_err();
        assert_eq!(e.kind, "parse_exception");
        let d = run("bytes", json!({"field": "f"}), r#"{"f":"1kb"}"#).unwrap();
        assert_eq!(d.ctx.get("f"), Some(&crate::value::Value::Long(1024)));
        let d = run("bytes", json!({"field": "f"}), r#"{"f":["1b","2b"]}"#).unwrap();
        assert_eq!(source_json(&d), r#"{"f":[1,2]}"#);
    }
}
