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

/// `Long.parseLong(s, radix)`: optional sign, digits of the radix (any script's decimal digits
/// count, as `Character.digit` reads them); `None` where Java throws `NumberFormatException`.
pub fn parse_radix(s: &str, radix: u32) -> Option<i64> {
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
        let d = i64::from(char_digit(c, radix)?);
        // Accumulate negatively so that i64::MIN parses, as Java does.
        value = value.checked_mul(radix as i64)?.checked_sub(d)?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

/// Whether `c` is in a Unicode general category (a regex class such as `\p{Nd}`), on the regex
/// crate's tables.
fn in_class(c: char, class: &std::sync::OnceLock<regex::Regex>, pattern: &str) -> bool {
    let re = class.get_or_init(|| regex::Regex::new(pattern).expect("a valid Unicode class"));
    let mut buf = [0u8; 4];
    re.is_match(c.encode_utf8(&mut buf))
}

/// `Character.isDigit`: general category Nd (not `²` or `Ⅲ`).
pub fn is_digit(c: char) -> bool {
    static ND: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    c.is_ascii_digit() || (!c.is_ascii() && in_class(c, &ND, r"^\p{Nd}$"))
}

/// `Character.isLetter`: the letter categories (Lu, Ll, Lt, Lm, Lo), not letter numbers.
pub fn is_letter(c: char) -> bool {
    static L: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_class(c, &L, r"^\p{L}$"))
}

/// `Character.isSpaceChar`: the separator categories (Zs, Zl, Zp).
pub fn is_space_char(c: char) -> bool {
    static Z: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    c == ' ' || (!c.is_ascii() && in_class(c, &Z, r"^\p{Z}$"))
}

/// `Character.isWhitespace`: separators other than the no-break spaces, and the ASCII controls
/// `\t \n \u000B \f \r \u001C`-`\u001F` (not U+0085).
pub fn is_whitespace(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\u{1c}'..='\u{1f}')
        || (is_space_char(c) && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// The value of a decimal digit (category Nd): its place in its run of ten, which Unicode starts
/// at a zero.
fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if !is_digit(c) {
        return None;
    }
    let cp = c as u32;
    let mut start = cp;
    while start > 0 && char::from_u32(start - 1).is_some_and(is_digit) {
        start -= 1;
    }
    Some((cp - start) % 10)
}

/// `Character.digit(c, radix)`: decimal digits of any script, and the Latin letters (ASCII or
/// fullwidth) as 10 to 35.
pub fn char_digit(c: char, radix: u32) -> Option<u32> {
    if !(2..=36).contains(&radix) {
        return None;
    }
    let v = latin_letter_value(c).or_else(|| decimal_value(c))?;
    (v < radix).then_some(v)
}

fn latin_letter_value(c: char) -> Option<u32> {
    let cp = c as u32;
    match cp {
        0x41..=0x5A => Some(cp - 0x41 + 10),
        0x61..=0x7A => Some(cp - 0x61 + 10),
        0xFF21..=0xFF3A => Some(cp - 0xFF21 + 10),
        0xFF41..=0xFF5A => Some(cp - 0xFF41 + 10),
        _ => None,
    }
}

/// `Character.getNumericValue`: digits, Latin letters (10 to 35), and the common numeric symbols
/// (super- and subscript digits, circled numbers, Roman numerals; fractions are -2). Other
/// numeric characters answer -1 here (a documented gap).
pub fn numeric_value(c: char) -> i32 {
    if let Some(v) = latin_letter_value(c).or_else(|| decimal_value(c)) {
        return v as i32;
    }
    let cp = c as u32;
    match cp {
        0xB9 => 1,
        0xB2 | 0xB3 => (cp - 0xB0) as i32,
        0x2070 => 0,
        0x2074..=0x2079 => (cp - 0x2070) as i32,
        0x2080..=0x2089 => (cp - 0x2080) as i32,
        0x2460..=0x2473 => (cp - 0x2460 + 1) as i32,
        0x2160..=0x216B => (cp - 0x2160 + 1) as i32,
        0x2170..=0x217B => (cp - 0x2170 + 1) as i32,
        0x216C | 0x217C => 50,
        0x216D | 0x217D => 100,
        0x216E | 0x217E => 500,
        0x216F | 0x217F => 1000,
        0xBC..=0xBE | 0x2150..=0x215F => -2,
        _ => -1,
    }
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

/// `Character.getType`: the general category as Java numbers it (`Character.UPPERCASE_LETTER`
/// is 1, ...; 0 is unassigned). Surrogate code units are 19. Categories come from the Unicode
/// tables of the `regex` crate, which may be newer than the JDK's.
pub fn general_type(cp: u32) -> i8 {
    // (Java's number, Unicode's abbreviation), most common first
    const CATEGORIES: [(i8, &str); 28] = [
        (2, "Ll"),
        (1, "Lu"),
        (5, "Lo"),
        (9, "Nd"),
        (24, "Po"),
        (12, "Zs"),
        (15, "Cc"),
        (6, "Mn"),
        (28, "So"),
        (25, "Sm"),
        (20, "Pd"),
        (21, "Ps"),
        (22, "Pe"),
        (23, "Pc"),
        (26, "Sc"),
        (27, "Sk"),
        (4, "Lm"),
        (3, "Lt"),
        (8, "Mc"),
        (7, "Me"),
        (10, "Nl"),
        (11, "No"),
        (13, "Zl"),
        (14, "Zp"),
        (16, "Cf"),
        (18, "Co"),
        (29, "Pi"),
        (30, "Pf"),
    ];
    static SETS: std::sync::OnceLock<regex::RegexSet> = std::sync::OnceLock::new();
    if (0xD800..=0xDFFF).contains(&cp) {
        return 19;
    }
    let Some(c) = char::from_u32(cp) else {
        return 0;
    };
    let set = SETS.get_or_init(|| {
        regex::RegexSet::new(
            CATEGORIES
                .iter()
                .map(|(_, abbr)| format!(r"^\p{{{abbr}}}$")),
        )
        .expect("valid Unicode categories")
    });
    let mut buf = [0u8; 4];
    set.matches(c.encode_utf8(&mut buf))
        .iter()
        .next()
        .map_or(0, |i| CATEGORIES[i].0)
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
