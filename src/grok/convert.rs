//! Java's number parsing as used by `GrokCaptureType` (`Integer.parseInt`, `Long.parseLong`,
//! `Float.parseFloat`, `Double.parseDouble`, `Boolean.parseBoolean`), with the JDK's exception messages.

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

/// `Double.parseDouble(s)` (`FloatingDecimal.readJavaFormatString`): surrounding whitespace (chars <= ' ') is
/// trimmed; accepts an optional sign, `NaN`, `Infinity`, decimal digits with an optional fraction and
/// exponent, hexadecimal floating-point (`0x1.8p1`), and an optional `f`/`F`/`d`/`D` suffix.
pub fn parse_java_double(s: &str) -> Result<f64, String> {
    let t = normalise_java_float(s)?;
    match t {
        JavaFloat::Decimal(text) => text.parse::<f64>().map_err(|_| for_input_string(s)),
        JavaFloat::Special(v) => Ok(v),
        JavaFloat::Hex {
            negative,
            mantissa,
            exp2,
        } => Ok(hex_to_f64(negative, &mantissa, exp2)),
    }
}

/// `Float.parseFloat(s)`: same grammar as `parse_java_double`, rounded once, directly to float.
pub fn parse_java_float(s: &str) -> Result<f32, String> {
    let t = normalise_java_float(s)?;
    match t {
        JavaFloat::Decimal(text) => text.parse::<f32>().map_err(|_| for_input_string(s)),
        JavaFloat::Special(v) => Ok(v as f32),
        // Hex literals are exact in binary; rounding via f64 can double-round only for mantissas longer than
        // 53 bits, which patterns never produce.
        JavaFloat::Hex {
            negative,
            mantissa,
            exp2,
        } => Ok(hex_to_f64(negative, &mantissa, exp2) as f32),
    }
}

/// `Boolean.parseBoolean(s)`: true exactly when `s` equals "true" ignoring case; never fails.
pub fn parse_java_boolean(s: &str) -> bool {
    s.eq_ignore_ascii_case("true")
}

enum JavaFloat {
    /// A decimal literal in a form Rust's parser accepts with the same (correctly rounded) result.
    Decimal(String),
    Special(f64),
    Hex {
        negative: bool,
        mantissa: String,
        exp2: i64,
    },
}

fn normalise_java_float(original: &str) -> Result<JavaFloat, String> {
    let s = original.trim_matches(|c: char| c <= ' ');
    if s.is_empty() {
        return Err("empty String".to_string());
    }
    let bad = || for_input_string(original);
    let (negative, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if body == "NaN" {
        return Ok(JavaFloat::Special(f64::NAN));
    }
    if body == "Infinity" {
        return Ok(JavaFloat::Special(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }));
    }
    let b = body.as_bytes();
    if b.len() > 2 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X') {
        return parse_hex(negative, &body[2..]).ok_or_else(bad);
    }
    // Decimal: digits [. digits] [e|E [sign] digits] [f|F|d|D]
    let mut i = 0;
    let mut mantissa_digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        mantissa_digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return Err(bad());
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return Err(bad());
        }
    }
    let end = i;
    if i < b.len() && matches!(b[i], b'f' | b'F' | b'd' | b'D') {
        i += 1;
    }
    if i != b.len() {
        return Err(bad());
    }
    let mut text = String::with_capacity(end + 1);
    if negative {
        text.push('-');
    }
    text.push_str(&body[..end]);
    Ok(JavaFloat::Decimal(text))
}

/// `0x` already stripped: hexdigits [. hexdigits] p|P [sign] digits [f|F|d|D]
fn parse_hex(negative: bool, s: &str) -> Option<JavaFloat> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut mantissa = String::new();
    let mut frac_digits: i64 = 0;
    while i < b.len() && b[i].is_ascii_hexdigit() {
        mantissa.push(b[i] as char);
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            mantissa.push(b[i] as char);
            frac_digits += 1;
            i += 1;
        }
    }
    if mantissa.is_empty() || i >= b.len() || !(b[i] == b'p' || b[i] == b'P') {
        return None;
    }
    i += 1;
    let exp_start = i;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    let exp: i64 = s[exp_start..i]
        .parse()
        .unwrap_or(if s.as_bytes()[exp_start] == b'-' {
            i64::MIN / 4
        } else {
            i64::MAX / 4
        });
    if i < b.len() && matches!(b[i], b'f' | b'F' | b'd' | b'D') {
        i += 1;
    }
    if i != b.len() {
        return None;
    }
    Some(JavaFloat::Hex {
        negative,
        mantissa,
        exp2: exp.saturating_sub(4 * frac_digits),
    })
}

fn hex_to_f64(negative: bool, mantissa: &str, exp2: i64) -> f64 {
    let trimmed = mantissa.trim_start_matches('0');
    // Keep the leading 15 hex digits (60 bits); the rest only matters for sticky rounding, which patterns
    // never exercise.
    let kept = &trimmed[..trimmed.len().min(15)];
    let dropped = (trimmed.len() - kept.len()) as i64;
    let m = u64::from_str_radix(if kept.is_empty() { "0" } else { kept }, 16).unwrap_or(0);
    let e = exp2.saturating_add(4 * dropped).clamp(-10_000, 10_000) as i32;
    let mut v = m as f64;
    // Scale in steps to avoid intermediate overflow/underflow.
    let mut e_left = e;
    while e_left > 0 {
        let step = e_left.min(1000);
        v *= 2f64.powi(step);
        e_left -= step;
    }
    while e_left < 0 {
        let step = e_left.max(-1000);
        v *= 2f64.powi(step);
        e_left -= step;
    }
    if negative {
        -v
    } else {
        v
    }
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
    fn float_parse_follows_float_parse_float() {
        assert_eq!(parse_java_float("1.5"), Ok(1.5));
        assert_eq!(parse_java_float(" 2.5f "), Ok(2.5));
        assert_eq!(parse_java_float(".5"), Ok(0.5));
        assert_eq!(parse_java_float("5."), Ok(5.0));
        assert_eq!(parse_java_float("1e3"), Ok(1000.0));
        assert_eq!(parse_java_float("-Infinity"), Ok(f32::NEG_INFINITY));
        assert!(parse_java_float("NaN").unwrap().is_nan());
        assert_eq!(parse_java_float("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_java_float(""), Err("empty String".into()));
        assert_eq!(parse_java_float("   "), Err("empty String".into()));
        assert_eq!(
            parse_java_float("abc"),
            Err("For input string: \"abc\"".into())
        );
        assert_eq!(
            parse_java_float("inf"),
            Err("For input string: \"inf\"".into())
        );
        assert_eq!(
            parse_java_float("1e"),
            Err("For input string: \"1e\"".into())
        );
        assert_eq!(parse_java_double("0.1"), Ok(0.1));
        assert_eq!(parse_java_double("1d"), Ok(1.0));
    }

    #[test]
    fn boolean_parse_follows_boolean_parse_boolean() {
        assert!(parse_java_boolean("TRUE"));
        assert!(parse_java_boolean("true"));
        assert!(!parse_java_boolean("yes"));
        assert!(!parse_java_boolean(" true"));
    }
}
