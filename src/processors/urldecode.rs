//! `urldecode` (ES `URLDecodeProcessor`): `java.net.URLDecoder.decode(value, UTF_8)`.

use super::string_processor::StringProcessor;
use crate::pipeline::{Config, ConfigError, ProcessorError};
use crate::value::Value;

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    StringProcessor::from_config(cfg, |s: &str| {
        url_decode(s)
            .map(Value::String)
            .map_err(ProcessorError::illegal_argument)
    })
}

/// `URLDecoder.decode`: `+` is a space; runs of `%xy` are collected into bytes and decoded as UTF-8
/// with U+FFFD for malformed input. Error texts are the JDK's.
pub fn url_decode(s: &str) -> Result<String, String> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < n {
        match chars[i] {
            '+' => {
                out.push(' ');
                i += 1;
            }
            '%' => {
                let mut bytes = Vec::new();
                while i + 2 < n && chars[i] == '%' {
                    let v = parse_hex_pair(chars[i + 1], chars[i + 2]).map_err(|e| {
                        format!("URLDecoder: Illegal hex characters in escape (%) pattern - {e}")
                    })?;
                    bytes.push(v);
                    i += 3;
                }
                if i < n && chars[i] == '%' {
                    return Err("URLDecoder: Incomplete trailing escape (%) pattern".into());
                }
                out.push_str(&crate::java::utf8_to_string_lossy(&bytes));
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// `Integer.parseInt(s, i, i + 2, 16)` on two characters, with its error texts.
fn parse_hex_pair(a: char, b: char) -> Result<u8, String> {
    let text: String = [a, b].iter().collect();
    let bad = |index: usize| format!("Error at index {index} in: \"{text}\"");
    let (negative, first_digit) = match a {
        '-' => (true, None),
        '+' => (false, None),
        c => (false, Some(c)),
    };
    let hi = match first_digit {
        Some(c) => Some(c.to_digit(16).ok_or_else(|| bad(0))?),
        None => None,
    };
    let lo = b.to_digit(16).ok_or_else(|| bad(1))?;
    let value = hi.map(|h| h * 16 + lo).unwrap_or(lo);
    if negative && value != 0 {
        return Err("negative value".into());
    }
    Ok(value as u8)
}

#[cfg(test)]
mod tests {
    use super::url_decode;
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn decodes_like_java() {
        assert_eq!(url_decode("a+b%20c").unwrap(), "a b c");
        assert_eq!(url_decode("%C3%A9t%C3%A9").unwrap(), "été");
        assert_eq!(url_decode("%E2%82").unwrap(), "\u{FFFD}");
        assert_eq!(url_decode("%+1").unwrap(), "\u{1}");
        assert_eq!(url_decode("no escapes").unwrap(), "no escapes");
        // 160_urldecode.yml (lower-case hex)
        assert_eq!(
            url_decode("https%3a%2f%2felastic.co%2f").unwrap(),
            "https://elastic.co/"
        );
    }

    #[test]
    fn errors_use_jdk_wording() {
        assert_eq!(
            url_decode("a%").unwrap_err(),
            "URLDecoder: Incomplete trailing escape (%) pattern"
        );
        assert_eq!(
            url_decode("%41%4").unwrap_err(),
            "URLDecoder: Incomplete trailing escape (%) pattern"
        );
        assert_eq!(
            url_decode("%zz").unwrap_err(),
            "URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: \"zz\""
        );
        assert_eq!(
            url_decode("%-1").unwrap_err(),
            "URLDecoder: Illegal hex characters in escape (%) pattern - negative value"
        );
    }

    #[test]
    fn processor() {
        let d = run(
            "urldecode",
            json!({"field": "f", "target_field": "g"}),
            r#"{"f":["http%3A%2F%2Fx.org%2F%3Fq%3D1+2"]}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"f":["http%3A%2F%2Fx.org%2F%3Fq%3D1+2"],"g":["http://x.org/?q=1 2"]}"#
        );
        let e = run("urldecode", json!({"field": "f"}), r#"{"f":"%"}"#).unwrap_err();
        assert_eq!(e.kind, "illegal_argument_exception");
    }
}
