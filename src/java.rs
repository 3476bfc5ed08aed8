//! Java library behaviour that several processors (and Painless) rely on: number parsing as
//! `Integer.parseInt`, `Long.decode`, `Double.parseDouble` do it.

/// `Integer.parseInt` / `Long.parseLong` in radix 10: optional sign, ASCII or Unicode digits.
pub fn parse_long(s: &str) -> Option<i64> {
    parse_radix(s, 10)
}

pub fn parse_int(s: &str) -> Option<i32> {
    parse_long(s).and_then(|v| i32::try_from(v).ok())
}

fn parse_radix(s: &str, radix: u32) -> Option<i64> {
    let (negative, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix).or_else(|| unicode_digit(c))? as i64;
        if d >= radix as i64 {
            return None;
        }
        // Accumulate negatively so that i64::MIN parses, as Java does.
        value = value.checked_mul(radix as i64)?.checked_sub(d)?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

/// Java's `Character.digit` accepts any Unicode decimal digit.
fn unicode_digit(c: char) -> Option<u32> {
    if c.is_ascii() {
        return None;
    }
    // Unicode decimal digit blocks are runs of ten starting at a code point ending in 0 (mostly).
    const ZEROS: [u32; 20] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10, 0x1946,
    ];
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|&&z| cp >= z && cp < z + 10)
        .map(|&z| cp - z)
}

/// What `Integer.decode`/`Long.decode` read in `s`: whether it is negative, the radix (`0x`,
/// `0X`, `#` hex, a leading `0` octal) and the digits after the prefix. `None` for "".
fn decode_parts(s: &str) -> Option<(bool, u32, &str)> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) =
        if let Some(h) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
            (16, h)
        } else if let Some(h) = rest.strip_prefix('#') {
            (16, h)
        } else if rest.len() > 1 && rest.starts_with('0') {
            (8, &rest[1..])
        } else {
            (10, rest)
        };
    Some((negative, radix, digits))
}

/// `Integer.decode` / `Long.decode`: `0x`, `0X`, `#` hex, leading `0` octal, with sign.
pub fn decode_long(s: &str) -> Option<i64> {
    let (negative, radix, digits) = decode_parts(s)?;
    if digits.starts_with(['-', '+']) {
        return None;
    }
    let sign = if negative { "-" } else { "" };
    parse_radix(&format!("{sign}{digits}"), radix)
}

/// The `NumberFormatException` message `Long.decode`/`Integer.decode` throw for `s` when it does
/// not decode (in `i32` range when `int`): after the sign and radix prefix, the digits are parsed
/// once without the sign and once with it, and the second failure is the one reported.
pub fn decode_error(s: &str) -> String {
    let Some((negative, radix, digits)) = decode_parts(s) else {
        return "Zero length string".into();
    };
    if digits.starts_with(['-', '+']) {
        return "Sign character in wrong position".into();
    }
    let sign = if negative { "-" } else { "" };
    let under = if radix == 10 {
        String::new()
    } else {
        format!(" under radix {radix}")
    };
    format!("For input string: \"{sign}{digits}\"{under}")
}

/// `Double.parseDouble`: trims ASCII whitespace/control characters, accepts `NaN`, `Infinity`,
/// a trailing `d`/`D`/`f`/`F`, and hexadecimal floating point is rejected (rare; documented gap).
pub fn parse_double(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c <= ' ');
    if t.is_empty() {
        return None;
    }
    let (sign, body) = match t.as_bytes()[0] {
        b'-' => (-1.0, &t[1..]),
        b'+' => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    match body {
        "NaN" => return Some(f64::NAN),
        "Infinity" => return Some(sign * f64::INFINITY),
        _ => {}
    }
    let body = body.strip_suffix(['d', 'D', 'f', 'F']).unwrap_or(body);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        || !body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    body.parse::<f64>().ok().map(|v| sign * v)
}

/// `Float.parseFloat`: parsed with the same grammar, rounded once to float.
pub fn parse_float(s: &str) -> Option<f32> {
    let t = s.trim_matches(|c: char| c <= ' ');
    let (sign, body) = match t.as_bytes().first()? {
        b'-' => (-1.0f32, &t[1..]),
        b'+' => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    parse_double(s)?;
    if body == "NaN" {
        return Some(f32::NAN);
    }
    let body = body.strip_suffix(['d', 'D', 'f', 'F']).unwrap_or(body);
    if body == "Infinity" {
        return Some(sign * f32::INFINITY);
    }
    body.parse::<f32>().ok().map(|v| sign * v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(parse_int("42"), Some(42));
        assert_eq!(parse_int("+42"), Some(42));
        assert_eq!(parse_int("-2147483648"), Some(i32::MIN));
        assert_eq!(parse_int("2147483648"), None);
        assert_eq!(parse_int(" 1"), None);
        assert_eq!(parse_int("1.0"), None);
        assert_eq!(parse_int("٣"), Some(3));
        assert_eq!(parse_long("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(decode_long("0x1F"), Some(31));
        assert_eq!(decode_long("-0x10"), Some(-16));
        assert_eq!(decode_long("010"), Some(8));
    }

    #[test]
    fn floats() {
        assert_eq!(parse_double(" 1.5 "), Some(1.5));
        assert_eq!(parse_double("1e3"), Some(1000.0));
        assert_eq!(parse_double("2d"), Some(2.0));
        assert_eq!(parse_double(".5"), Some(0.5));
        assert!(parse_double("NaN").unwrap().is_nan());
        assert_eq!(parse_double("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_double("abc"), None);
        assert_eq!(parse_double("1,5"), None);
        assert_eq!(parse_float("3.3"), Some(3.3f32));
    }
}
