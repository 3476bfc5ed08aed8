//! Java library behaviour that several processors (and Painless) rely on: number parsing as
//! `Integer.parseInt`, `Long.decode`, `Double.parseDouble` do it, `new String(bytes, UTF_8)`
//! and `java.util.Base64`'s decoders.

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

/// `new String(bytes, StandardCharsets.UTF_8)`: malformed input becomes U+FFFD the way the JDK's
/// decoder (`String.decodeUTF8_UTF16`) replaces it, which is not Rust's `from_utf8_lossy` rule:
/// an encoded surrogate (`ED A0 80`) is one replacement, not three, and a truncated
/// three-byte sequence (`ED A0` then ASCII) is one.
pub fn utf8_to_string_lossy(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    const REPL: char = '\u{FFFD}';
    let cont = |b: u8| b & 0xC0 == 0x80;
    let mut out = String::with_capacity(bytes.len() + 8);
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b1 = bytes[i];
        i += 1;
        match b1 {
            0x00..=0x7F => out.push(b1 as char),
            0xC2..=0xDF => {
                if i >= n {
                    out.push(REPL);
                    break;
                }
                let b2 = bytes[i];
                if cont(b2) {
                    i += 1;
                    let c = (u32::from(b1 & 0x1F) << 6) | u32::from(b2 & 0x3F);
                    out.push(char::from_u32(c).unwrap_or(REPL));
                } else {
                    out.push(REPL);
                }
            }
            0xE0..=0xEF => {
                // an overlong form (E0 80..9F) or a missing continuation byte
                let bad_second = |b2: u8| (b1 == 0xE0 && b2 & 0xE0 == 0x80) || !cont(b2);
                if i + 1 < n {
                    let (b2, b3) = (bytes[i], bytes[i + 1]);
                    if bad_second(b2) || !cont(b3) {
                        out.push(REPL);
                        // the bytes that formed a valid prefix are consumed with it
                        if !bad_second(b2) {
                            i += 1;
                        }
                        continue;
                    }
                    i += 2;
                    let c = (u32::from(b1 & 0x0F) << 12)
                        | (u32::from(b2 & 0x3F) << 6)
                        | u32::from(b3 & 0x3F);
                    // a surrogate code point is one malformed unit of three bytes
                    out.push(char::from_u32(c).unwrap_or(REPL));
                    continue;
                }
                if i < n && bad_second(bytes[i]) {
                    // one byte left and it cannot continue: replace the lead, then go on
                    out.push(REPL);
                    continue;
                }
                // truncated at the end of the input
                out.push(REPL);
                break;
            }
            0xF0..=0xF7 => {
                let bad_second = |b2: u8| {
                    (b1 == 0xF0 && !(0x90..=0xBF).contains(&b2))
                        || (b1 == 0xF4 && b2 & 0xF0 != 0x80)
                        || !cont(b2)
                };
                if i + 2 < n {
                    let (b2, b3, b4) = (bytes[i], bytes[i + 1], bytes[i + 2]);
                    let c = (u32::from(b1 & 0x07) << 18)
                        | (u32::from(b2 & 0x3F) << 12)
                        | (u32::from(b3 & 0x3F) << 6)
                        | u32::from(b4 & 0x3F);
                    if !cont(b2) || !cont(b3) || !cont(b4) || !(0x10000..=0x10FFFF).contains(&c) {
                        out.push(REPL);
                        // skip the longest valid prefix (`malformed4`)
                        if b1 > 0xF4 || bad_second(b2) {
                        } else if !cont(b3) {
                            i += 1;
                        } else {
                            i += 2;
                        }
                        continue;
                    }
                    i += 3;
                    out.push(char::from_u32(c).unwrap_or(REPL));
                    continue;
                }
                if b1 > 0xF4 || (i < n && bad_second(bytes[i])) {
                    out.push(REPL);
                    continue;
                }
                // truncated at the end: the lead and one valid continuation are one unit
                i += 1;
                out.push(REPL);
                if i < n && !cont(bytes[i]) {
                    continue;
                }
                break;
            }
            _ => out.push(REPL),
        }
    }
    out
}

/// `java.util.Base64.Decoder.decode(byte[])` (basic, URL-safe or MIME): the decoded bytes, or the
/// `IllegalArgumentException` message the JDK throws.
pub fn base64_decode(src: &[u8], url: bool, mime: bool) -> Result<Vec<u8>, String> {
    let value = |b: u8| -> i32 {
        match b {
            b'A'..=b'Z' => i32::from(b - b'A'),
            b'a'..=b'z' => i32::from(b - b'a') + 26,
            b'0'..=b'9' => i32::from(b - b'0') + 52,
            b'+' if !url => 62,
            b'/' if !url => 63,
            b'-' if url => 62,
            b'_' if url => 63,
            b'=' => -2,
            _ => -1,
        }
    };
    // `decodedOutLength`'s own check comes first
    if src.len() == 1 && !mime {
        return Err("Input byte[] should at least have 2 bytes for base64 bytes".into());
    }
    let mut out = Vec::with_capacity(src.len() / 4 * 3 + 3);
    let (mut bits, mut shift) = (0u32, 18i32);
    let mut sp = 0;
    while sp < src.len() {
        let byte = src[sp];
        sp += 1;
        let b = value(byte);
        if b < 0 {
            if b == -2 {
                // `=` only ends the data after two or three characters of a unit ("xx==", "xxx=")
                let bad = shift == 18
                    || (shift == 6
                        && (sp == src.len() || {
                            let next = src[sp];
                            sp += 1;
                            next != b'='
                        }));
                if bad {
                    return Err("Input byte array has wrong 4-byte ending unit".into());
                }
                break;
            }
            if mime {
                continue;
            }
            // the JDK prints the (signed) byte in hex
            return Err(format!(
                "Illegal base64 character {}",
                java_hex(i32::from(byte as i8))
            ));
        }
        bits |= (b as u32) << shift;
        shift -= 6;
        if shift < 0 {
            out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
            shift = 18;
            bits = 0;
        }
    }
    match shift {
        6 => out.push((bits >> 16) as u8),
        0 => out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8]),
        12 => return Err("Last unit does not have enough valid bits".into()),
        _ => {}
    }
    // only MIME skips what follows the data (and the JDK reports the position it stopped at)
    while sp < src.len() {
        if mime {
            sp += 1;
            if value(src[sp - 1]) < 0 {
                continue;
            }
        }
        return Err(format!(
            "Input byte array has incorrect ending byte at {sp}"
        ));
    }
    Ok(out)
}

/// `Integer.toString(i, 16)`: a sign, then the magnitude's digits.
fn java_hex(i: i32) -> String {
    if i < 0 {
        format!("-{:x}", -(i64::from(i)))
    } else {
        format!("{i:x}")
    }
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
