//! `convert` (ES `ConvertProcessor`).

use crate::document::{FieldPath, IngestDocument};
use crate::java;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvertType {
    Integer,
    Long,
    Float,
    Double,
    String,
    Boolean,
    Ip,
    Auto,
}

impl ConvertType {
    fn parse(s: &str) -> Option<ConvertType> {
        Some(match s.to_ascii_lowercase().as_str() {
            "integer" => ConvertType::Integer,
            "long" => ConvertType::Long,
            "float" => ConvertType::Float,
            "double" => ConvertType::Double,
            "string" => ConvertType::String,
            "boolean" => ConvertType::Boolean,
            "ip" => ConvertType::Ip,
            "auto" => ConvertType::Auto,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            ConvertType::Integer => "integer",
            ConvertType::Long => "long",
            ConvertType::Float => "float",
            ConvertType::Double => "double",
            ConvertType::String => "string",
            ConvertType::Boolean => "boolean",
            ConvertType::Ip => "ip",
            ConvertType::Auto => "auto",
        }
    }

    /// ES `ConvertProcessor.Type.convert`.
    pub fn convert(self, v: &Value) -> Result<Value, ProcessorError> {
        let text = v.to_java_string();
        match self {
            ConvertType::Integer => {
                let parsed = if text.starts_with("0x") || text.starts_with("-0x") {
                    java::decode_long(&text).and_then(|l| i32::try_from(l).ok())
                } else {
                    java::parse_int(&text)
                };
                parsed
                    .map(Value::Int)
                    .ok_or_else(|| number_error(&text, "integer", integer_format_message(&text)))
            }
            ConvertType::Long => {
                let parsed = if text.starts_with("0x") || text.starts_with("-0x") {
                    java::decode_long(&text)
                } else {
                    java::parse_long(&text)
                };
                parsed
                    .map(Value::Long)
                    .ok_or_else(|| number_error(&text, "long", integer_format_message(&text)))
            }
            ConvertType::Float => java::parse_float(&text)
                .map(Value::Float)
                .map_err(|e| number_error(&text, "float", e.message(&text))),
            ConvertType::Double => java::parse_double(&text)
                .map(Value::Double)
                .map_err(|e| number_error(&text, "double", e.message(&text))),
            ConvertType::String => Ok(Value::String(text)),
            ConvertType::Boolean => {
                if text.eq_ignore_ascii_case("true") {
                    Ok(Value::Bool(true))
                } else if text.eq_ignore_ascii_case("false") {
                    Ok(Value::Bool(false))
                } else {
                    Err(ProcessorError::illegal_argument(format!(
                        "[{text}] is not a boolean value, cannot convert to boolean"
                    )))
                }
            }
            ConvertType::Ip => {
                if is_inet_address(&text) {
                    Ok(Value::String(text))
                } else {
                    Err(ProcessorError::illegal_argument(format!(
                        "[{text}] is not a valid ipv4/ipv6 address"
                    )))
                }
            }
            ConvertType::Auto => {
                if !matches!(v, Value::String(_)) {
                    return Ok(v.clone());
                }
                for t in [
                    ConvertType::Boolean,
                    ConvertType::Integer,
                    ConvertType::Long,
                    ConvertType::Float,
                    ConvertType::Double,
                ] {
                    if let Ok(converted) = t.convert(v) {
                        return Ok(converted);
                    }
                }
                Ok(v.clone())
            }
        }
    }
}

/// `unable to convert [text] to type`, caused by the `NumberFormatException` the JDK threw: its
/// message is what `_ingest.on_failure_message` holds (`CompoundProcessor` takes the root cause's).
fn number_error(text: &str, type_name: &str, cause: String) -> ProcessorError {
    let mut e =
        ProcessorError::illegal_argument(format!("unable to convert [{text}] to {type_name}"));
    e.extra.insert(
        "caused_by".into(),
        serde_json::json!({"type": "number_format_exception", "reason": cause}),
    );
    e.root_cause_message = cause;
    e
}

/// The `NumberFormatException` message of `Integer.parseInt`/`Long.parseLong`, or of
/// `Integer.decode`/`Long.decode` for the `0x`/`-0x` texts `ConvertProcessor` decodes.
fn integer_format_message(text: &str) -> String {
    if text.starts_with("0x") || text.starts_with("-0x") {
        return java::decode_error(text);
    }
    format!("For input string: \"{text}\"")
}

/// ES `InetAddresses.isInetAddress`: dotted-quad IPv4 or IPv6 (with an optional, non-empty
/// `%scope`).
pub fn is_inet_address(s: &str) -> bool {
    crate::inet::for_string(s).is_ok()
}

pub struct Convert {
    field: FieldPath,
    target_field: FieldPath,
    convert_type: ConvertType,
    ignore_missing: bool,
}

impl Convert {
    pub fn from_config(cfg: &mut Config) -> Result<Convert, ConfigError> {
        let field = cfg.required_path("field")?;
        let type_name = cfg.required_string("type")?;
        let convert_type = ConvertType::parse(&type_name).ok_or_else(|| {
            cfg.error(
                Some("type"),
                format!("type [{type_name}] not supported, cannot convert field."),
            )
        })?;
        Ok(Convert {
            target_field: cfg
                .optional_path("target_field")?
                .unwrap_or_else(|| field.clone()),
            field,
            convert_type,
            ignore_missing: cfg.bool("ignore_missing", false)?,
        })
    }
}

impl Processor for Convert {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let value = match doc.lookup(&self.field) {
            Ok(Value::Null) | Err(_) if self.ignore_missing => return Ok(Flow::Continue),
            Ok(Value::Null) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "Field [{}] is null, cannot be converted to type [{}]",
                    self.field.full,
                    self.convert_type.name()
                )))
            }
            Ok(v) => v,
            Err(e) => return Err(ProcessorError::illegal_argument(e.message(&self.field))),
        };
        let converted = match value {
            Value::List(items) => Value::List(
                items
                    .iter()
                    .map(|i| self.convert_type.convert(i))
                    .collect::<Result<_, _>>()?,
            ),
            other => self.convert_type.convert(other)?,
        };
        doc.set(&self.target_field, converted)
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn convert(t: &str, input: &str) -> Result<String, String> {
        run(
            "convert",
            json!({"field": "f", "type": t}),
            &format!(r#"{{"f":{input}}}"#),
        )
        .map(|d| source_json(&d))
        .map_err(|e| e.reason)
    }

    #[test]
    fn numbers() {
        assert_eq!(convert("integer", r#""42""#).unwrap(), r#"{"f":42}"#);
        assert_eq!(convert("integer", r#""0x1F""#).unwrap(), r#"{"f":31}"#);
        assert_eq!(
            convert("long", r#""3000000000""#).unwrap(),
            r#"{"f":3000000000}"#
        );
        assert_eq!(convert("float", r#""3.3""#).unwrap(), r#"{"f":3.3}"#);
        assert_eq!(convert("double", "1").unwrap(), r#"{"f":1.0}"#);
        assert_eq!(
            convert("integer", r#""1.5""#).unwrap_err(),
            "unable to convert [1.5] to integer"
        );
        assert_eq!(
            convert("integer", "1.0").unwrap_err(),
            "unable to convert [1.0] to integer"
        );
    }

    #[test]
    fn strings_booleans_ips() {
        assert_eq!(convert("string", "1.0").unwrap(), r#"{"f":"1.0"}"#);
        assert_eq!(convert("string", "true").unwrap(), r#"{"f":"true"}"#);
        assert_eq!(convert("boolean", r#""TRUE""#).unwrap(), r#"{"f":true}"#);
        assert_eq!(
            convert("boolean", r#""yes""#).unwrap_err(),
            "[yes] is not a boolean value, cannot convert to boolean"
        );
        assert_eq!(convert("ip", r#""::1""#).unwrap(), r#"{"f":"::1"}"#);
        // InetAddresses: an IPv6 scope is allowed, an empty one or an IPv4 one is not
        assert!(convert("ip", r#""fe80::1%eth0""#).is_ok());
        assert!(convert("ip", r#""fe80::1%""#).is_err());
        assert!(convert("ip", r#""1.2.3.4%eth0""#).is_err());
        assert!(convert("ip", r#""01.2.3.4""#).is_err());
        assert_eq!(
            convert("ip", r#""1.2.3""#).unwrap_err(),
            "[1.2.3] is not a valid ipv4/ipv6 address"
        );
    }

    /// `Double.parseDouble`/`Float.parseFloat` read hexadecimal floating point (values from JDK
    /// 17); `auto` reaches float once `Integer.decode`/`Long.decode` have refused the text.
    #[test]
    fn hexadecimal_floating_point() {
        assert_eq!(convert("double", r#""0x1p3""#).unwrap(), r#"{"f":8.0}"#);
        assert_eq!(
            convert("double", r#""-0X1.8P-2""#).unwrap(),
            r#"{"f":-0.375}"#
        );
        assert_eq!(convert("double", r#"" 0x.8p1d ""#).unwrap(), r#"{"f":1.0}"#);
        assert_eq!(convert("float", r#""0x1.8p1""#).unwrap(), r#"{"f":3.0}"#);
        assert_eq!(convert("float", r#""0x1p-150""#).unwrap(), r#"{"f":0.0}"#);
        assert_eq!(convert("auto", r#""0x1p3""#).unwrap(), r#"{"f":8.0}"#);
        assert_eq!(convert("auto", r#""0x1F""#).unwrap(), r#"{"f":31}"#);
        assert_eq!(
            convert("double", r#""0x1P-1074""#).unwrap(),
            r#"{"f":4.9E-324}"#
        );
        let (reason, message, _) = failure("double", r#""0x1p""#);
        assert_eq!(reason, "unable to convert [0x1p] to double");
        assert_eq!(message, r#"For input string: "0x1p""#);
    }

    #[test]
    fn auto_and_lists() {
        assert_eq!(
            convert("auto", r#"["1","1.5","true","x"]"#).unwrap(),
            r#"{"f":[1,1.5,true,"x"]}"#
        );
    }

    #[test]
    fn missing_and_null() {
        assert_eq!(
            convert("integer", "null").unwrap_err(),
            "Field [f] is null, cannot be converted to type [integer]"
        );
        assert!(run(
            "convert",
            json!({"field": "x", "type": "integer", "ignore_missing": true}),
            "{}"
        )
        .is_ok());
        let e = run("convert", json!({"field": "x", "type": "integer"}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [x] not present as part of path [x]");
        assert_eq!(
            config_error("convert", json!({"field": "x", "type": "blob"})),
            "[type] type [blob] not supported, cannot convert field."
        );
    }

    /// The failure's reason and its cause (what `_ingest.on_failure_message` holds), as a JVM
    /// gives them (checked with JDK 17).
    fn failure(t: &str, input: &str) -> (String, String, serde_json::Value) {
        let e = run(
            "convert",
            json!({"field": "f", "type": t}),
            &format!(r#"{{"f":{input}}}"#),
        )
        .expect_err("conversion fails");
        let cause = e.extra.get("caused_by").cloned().unwrap_or_default();
        (e.reason, e.root_cause_message, cause)
    }

    #[test]
    fn number_failures_carry_the_jdk_number_format_exception() {
        let cases = [
            (
                "long",
                r#""abc""#,
                "unable to convert [abc] to long",
                r#"For input string: "abc""#,
            ),
            (
                "integer",
                r#""""#,
                "unable to convert [] to integer",
                r#"For input string: """#,
            ),
            (
                "integer",
                r#""3000000000""#,
                "unable to convert [3000000000] to integer",
                r#"For input string: "3000000000""#,
            ),
            (
                "long",
                r#""0xZZ""#,
                "unable to convert [0xZZ] to long",
                r#"For input string: "ZZ" under radix 16"#,
            ),
            (
                "long",
                r#""-0xZZ""#,
                "unable to convert [-0xZZ] to long",
                r#"For input string: "-ZZ" under radix 16"#,
            ),
            (
                "integer",
                r#""0x""#,
                "unable to convert [0x] to integer",
                r#"For input string: "" under radix 16"#,
            ),
            (
                "integer",
                r#""0x-5""#,
                "unable to convert [0x-5] to integer",
                "Sign character in wrong position",
            ),
            (
                "integer",
                r#""0x80000000""#,
                "unable to convert [0x80000000] to integer",
                r#"For input string: "80000000" under radix 16"#,
            ),
            (
                "double",
                r#""""#,
                "unable to convert [] to double",
                "empty String",
            ),
            (
                "double",
                r#""  ""#,
                "unable to convert [  ] to double",
                "empty String",
            ),
            (
                "float",
                r#"" abc ""#,
                "unable to convert [ abc ] to float",
                r#"For input string: "abc""#,
            ),
            (
                "double",
                r#""1.2.3""#,
                "unable to convert [1.2.3] to double",
                "multiple points",
            ),
            (
                "double",
                r#""a.b.c""#,
                "unable to convert [a.b.c] to double",
                r#"For input string: "a.b.c""#,
            ),
            (
                "double",
                r#""0x1.2.3p1""#,
                "unable to convert [0x1.2.3p1] to double",
                r#"For input string: "0x1.2.3p1""#,
            ),
        ];
        for (t, input, reason, message) in cases {
            let (got_reason, got_message, cause) = failure(t, input);
            assert_eq!(got_reason, reason, "{t} {input}");
            assert_eq!(got_message, message, "{t} {input}");
            assert_eq!(
                cause,
                json!({"type": "number_format_exception", "reason": message}),
                "{t} {input}"
            );
        }
    }

    #[test]
    fn boolean_and_ip_failures_have_no_cause() {
        let (reason, message, cause) = failure("boolean", r#""yes""#);
        assert_eq!(
            reason,
            "[yes] is not a boolean value, cannot convert to boolean"
        );
        assert_eq!(message, reason);
        assert!(cause.is_null());
    }
}
