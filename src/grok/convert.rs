//! Java's number parsing as used by `GrokCaptureType` (`Integer.parseInt`, `Long.parseLong`,
//! `Boolean.parseBoolean`), with the JDK's exception messages; `Float.parseFloat` and `Double.parseDouble`
//! are `crate::java::parse_float`/`parse_double`.

/// `NumberFormatException.forInputString`: the message every integer parse failure and most floating-point
/// parse failures carry.
fn for_input_string(s: &str) -> String {
    format!("For input string: \"{s}\"")
}

/// `Integer.parseInt(s)` / `Long.parseLong(s)` in radix 10: an optional sign and at least one digit, no
/// whitespace, range-checked.
pub fn parse_java_long(s: &str, min: i64, max: i64) -> Result<i64, String> {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return Err(for_input_string(s));
    }
    // Accumulate negatively like the JDK so that MIN_VALUE parses.
    let mut acc: i64 = 0;
    for c in digits.chars() {
        // Character.digit accepts any Unicode decimal digit; to_digit covers ASCII only. Non-ASCII digits
        // never come out of the built-in patterns, which match [0-9].
        let Some(d) = c.to_digit(10) else {
            return Err(for_input_string(s));
        };
        acc = match acc
            .checked_mul(10)
            .and_then(|v| v.checked_sub(i64::from(d)))
        {
            Some(v) => v,
            None => return Err(for_input_string(s)),
        };
        if acc < min {
            return Err(for_input_string(s));
        }
    }
    let value = if negative {
        acc
    } else {
        match acc.checked_neg() {
            Some(v) => v,
            None => return Err(for_input_string(s)),
        }
    };
    if value < min || value > max {
        return Err(for_input_string(s));
    }
    Ok(value)
}

pub fn parse_java_int(s: &str) -> Result<i32, String> {
    parse_java_long(s, i64::from(i32::MIN), i64::from(i32::MAX)).map(|v| v as i32)
}

/// `Boolean.parseBoolean(s)`: true exactly when `s` equals "true" ignoring case; never fails.
pub fn parse_java_boolean(s: &str) -> bool {
    s.eq_ignore_ascii_case("true")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_parse_follows_integer_parse_int() {
        assert_eq!(parse_java_int("123"), Ok(123));
        assert_eq!(parse_java_int("+7"), Ok(7));
        assert_eq!(parse_java_int("-2147483648"), Ok(i32::MIN));
        assert_eq!(
            parse_java_int("2147483648"),
            Err("For input string: \"2147483648\"".into())
        );
        assert_eq!(parse_java_int(""), Err("For input string: \"\"".into()));
        assert_eq!(parse_java_int("-"), Err("For input string: \"-\"".into()));
        assert_eq!(parse_java_int(" 1"), Err("For input string: \" 1\"".into()));
        assert_eq!(
            parse_java_int("1.0"),
            Err("For input string: \"1.0\"".into())
        );
    }

    #[test]
    fn long_parse_follows_long_parse_long() {
        assert_eq!(
            parse_java_long("9223372036854775807", i64::MIN, i64::MAX),
            Ok(i64::MAX)
        );
        assert_eq!(
            parse_java_long("-9223372036854775808", i64::MIN, i64::MAX),
            Ok(i64::MIN)
        );
        assert!(parse_java_long("9223372036854775808", i64::MIN, i64::MAX).is_err());
    }

    #[test]
    fn boolean_parse_follows_boolean_parse_boolean() {
        assert!(parse_java_boolean("TRUE"));
        assert!(parse_java_boolean("true"));
        assert!(!parse_java_boolean("yes"));
        assert!(!parse_java_boolean(" true"));
    }
}
