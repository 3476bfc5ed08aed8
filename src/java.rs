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

/// Why `Double.parseDouble`/`Float.parseFloat` (`FloatingDecimal.readJavaFormatString`) threw
/// `NumberFormatException`; [`FloatFormatError::message`] is the exception's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatFormatError {
    /// Nothing left after `String.trim()`.
    Empty,
    /// A second `.` among the leading digits and points (`1.2.3`, `..`).
    MultiplePoints,
    /// Any other text outside the grammar.
    Invalid,
}

impl FloatFormatError {
    /// The JDK's message for `input`; `For input string` quotes the trimmed text.
    pub fn message(self, input: &str) -> String {
        match self {
            FloatFormatError::Empty => "empty String".into(),
            FloatFormatError::MultiplePoints => "multiple points".into(),
            FloatFormatError::Invalid => format!("For input string: \"{}\"", java_trim(input)),
        }
    }
}

/// `String.trim()`: strips every char <= U+0020 at both ends (not Unicode whitespace).
fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// A string `readJavaFormatString` accepts, before rounding to a particular width.
enum FloatText<'a> {
    /// `[sign] digits [. digits] [e|E [sign] digits]`, suffix removed: Rust's parser reads exactly
    /// this grammar and rounds it correctly, as the JDK does.
    Decimal(&'a str),
    NaN,
    Infinity {
        negative: bool,
    },
    /// `bits * 2^exp2`, plus a non-zero tail below `bits`' lowest bit when `sticky`.
    Hex {
        negative: bool,
        bits: u64,
        sticky: bool,
        exp2: i64,
    },
}

/// Exponents beyond this cannot change a result (the mantissa holds at most 64 bits and inputs are
/// far shorter than 2^40 digits); clamping keeps the arithmetic in range.
const EXP_CLAMP: i64 = 1 << 40;

/// `FloatingDecimal.readJavaFormatString`'s grammar: trimmed; optional sign; `NaN`, `Infinity`,
/// decimal digits with an optional point, fraction and exponent, or a hexadecimal significand
/// (`0x1.8p1`, `HEX_FLOAT_PATTERN`) with a mandatory binary exponent; then an optional
/// `f`/`F`/`d`/`D` (not after `NaN`/`Infinity`).
fn scan_float(s: &str) -> Result<FloatText<'_>, FloatFormatError> {
    let t = java_trim(s);
    let b = t.as_bytes();
    let Some(&first) = b.first() else {
        return Err(FloatFormatError::Empty);
    };
    let (negative, start) = match first {
        b'-' => (true, 1),
        b'+' => (false, 1),
        _ => (false, 0),
    };
    let body = &b[start..];
    match body {
        b"NaN" => return Ok(FloatText::NaN),
        b"Infinity" => return Ok(FloatText::Infinity { negative }),
        [b'N' | b'I', ..] => return Err(FloatFormatError::Invalid),
        [b'0', b'x' | b'X', hex @ ..] => {
            return scan_hex(negative, hex).ok_or(FloatFormatError::Invalid)
        }
        _ => {}
    }
    let mut i = start;
    let mut digits = 0usize;
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => digits += 1,
            b'.' if point => return Err(FloatFormatError::MultiplePoints),
            b'.' => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return Err(FloatFormatError::Invalid);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exp_start {
            return Err(FloatFormatError::Invalid);
        }
    }
    let end = i;
    if matches!(b.get(i), Some(b'f' | b'F' | b'd' | b'D')) {
        i += 1;
    }
    if i != b.len() {
        return Err(FloatFormatError::Invalid);
    }
    Ok(FloatText::Decimal(&t[..end]))
}

/// After `0x`: `(hexdigits [.] | [hexdigits] . hexdigits) (p|P) [sign] digits [f|F|d|D]`. Keeps
/// the leading 61 to 64 significant bits exactly and whether anything non-zero follows, which is
/// all that rounding to 53 or 24 bits needs.
fn scan_hex(negative: bool, b: &[u8]) -> Option<FloatText<'static>> {
    let mut i = 0;
    let mut bits: u64 = 0;
    let mut sticky = false;
    let mut exp2: i64 = 0;
    let mut any_digit = false;
    let mut point = false;
    while let Some(&c) = b.get(i) {
        let d = match c {
            b'.' if !point => {
                point = true;
                i += 1;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => break,
        };
        any_digit = true;
        if bits >> 60 == 0 {
            bits = bits << 4 | u64::from(d);
            if point {
                exp2 -= 4;
            }
        } else {
            sticky |= d != 0;
            if !point {
                exp2 += 4;
            }
        }
        i += 1;
    }
    if !any_digit || !matches!(b.get(i), Some(b'p' | b'P')) {
        return None;
    }
    i += 1;
    let exp_negative = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let exp_start = i;
    let mut exp: i64 = 0;
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        exp = (exp * 10 + i64::from(c - b'0')).min(EXP_CLAMP);
        i += 1;
    }
    if i == exp_start {
        return None;
    }
    if matches!(b.get(i), Some(b'f' | b'F' | b'd' | b'D')) {
        i += 1;
    }
    if i != b.len() {
        return None;
    }
    let exp = if exp_negative { -exp } else { exp };
    Some(FloatText::Hex {
        negative,
        bits,
        sticky,
        exp2: exp2.clamp(-EXP_CLAMP, EXP_CLAMP) + exp,
    })
}

/// Rounds `bits * 2^exp2` (plus a non-zero tail when `sticky`) to nearest, ties to even, into the
/// IEEE binary format with `p` significand bits and exponent bias `emax`; returns the bits of the
/// positive result, which is `Infinity` past the largest finite value and 0 below half the
/// smallest subnormal.
fn round_binary(bits: u64, sticky: bool, exp2: i64, p: i64, emax: i64) -> u64 {
    let infinity = ((2 * emax + 1) as u64) << (p - 1);
    if bits == 0 {
        return 0;
    }
    let top = exp2 + i64::from(64 - bits.leading_zeros()) - 1;
    if top > emax {
        return infinity;
    }
    // The weight of the result's last significand bit: p bits below the top, but never below the
    // smallest subnormal.
    let min_lsb = 1 - emax - (p - 1);
    let mut lsb = (top - (p - 1)).max(min_lsb);
    let shift = lsb - exp2;
    let mut q = if shift <= 0 {
        // Fewer than p significant bits (so no sticky tail either): exact.
        bits << -shift
    } else if shift > 64 {
        // Below a quarter of the smallest subnormal.
        0
    } else {
        let kept = if shift == 64 { 0 } else { bits >> shift };
        let rest = if shift == 64 {
            bits
        } else {
            bits & ((1u64 << shift) - 1)
        };
        let half = 1u64 << (shift - 1);
        let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
        kept + u64::from(up)
    };
    if q == 1 << p {
        q >>= 1;
        lsb += 1;
    }
    if q < 1 << (p - 1) {
        // Subnormal (or zero): the exponent field is 0 and lsb is the smallest subnormal's.
        return q;
    }
    let biased = lsb + (p - 1) + emax;
    if biased > 2 * emax {
        return infinity;
    }
    ((biased as u64) << (p - 1)) | (q & ((1u64 << (p - 1)) - 1))
}

/// `Double.parseDouble(s)` / `Double.valueOf(s)`: the JDK grammar ([`scan_float`]), hexadecimal
/// floating point included, correctly rounded; the error gives the JDK's message.
pub fn parse_double(s: &str) -> Result<f64, FloatFormatError> {
    match scan_float(s)? {
        FloatText::Decimal(text) => text.parse::<f64>().map_err(|_| FloatFormatError::Invalid),
        FloatText::NaN => Ok(f64::NAN),
        FloatText::Infinity { negative } => Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }),
        FloatText::Hex {
            negative,
            bits,
            sticky,
            exp2,
        } => {
            let v = f64::from_bits(round_binary(bits, sticky, exp2, 53, 1023));
            Ok(if negative { -v } else { v })
        }
    }
}

/// `Float.parseFloat(s)` / `Float.valueOf(s)`: the same grammar, rounded once, directly to float
/// (not through double, which could round twice).
pub fn parse_float(s: &str) -> Result<f32, FloatFormatError> {
    match scan_float(s)? {
        FloatText::Decimal(text) => text.parse::<f32>().map_err(|_| FloatFormatError::Invalid),
        FloatText::NaN => Ok(f32::NAN),
        FloatText::Infinity { negative } => Ok(if negative {
            f32::NEG_INFINITY
        } else {
            f32::INFINITY
        }),
        FloatText::Hex {
            negative,
            bits,
            sticky,
            exp2,
        } => {
            let v = f32::from_bits(round_binary(bits, sticky, exp2, 24, 127) as u32);
            Ok(if negative { -v } else { v })
        }
    }
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

    /// `(input, Double.parseDouble, Float.parseFloat)` as JDK 17.0.15 gives them: the raw bits
    /// (`doubleToRawLongBits`, `floatToRawIntBits`) or the `NumberFormatException` message.
    #[allow(clippy::type_complexity)]
    const JDK_FLOATS: &[(&str, Result<u64, &str>, Result<u32, &str>)] = &[
        ("1e400", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("-1e400", Ok(0xfff0000000000000), Ok(0xff800000)),
        ("NaN", Ok(0x7ff8000000000000), Ok(0x7fc00000)),
        ("-NaN", Ok(0x7ff8000000000000), Ok(0x7fc00000)),
        ("+NaN", Ok(0x7ff8000000000000), Ok(0x7fc00000)),
        ("-Infinity", Ok(0xfff0000000000000), Ok(0xff800000)),
        ("+Infinity", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("Infinity", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("Infinityf", Err("For input string: \"Infinityf\""), Err("For input string: \"Infinityf\"")),
        ("NaNd", Err("For input string: \"NaNd\""), Err("For input string: \"NaNd\"")),
        ("infinity", Err("For input string: \"infinity\""), Err("For input string: \"infinity\"")),
        ("inf", Err("For input string: \"inf\""), Err("For input string: \"inf\"")),
        ("nan", Err("For input string: \"nan\""), Err("For input string: \"nan\"")),
        ("+.5", Ok(0x3fe0000000000000), Ok(0x3f000000)),
        ("1.", Ok(0x3ff0000000000000), Ok(0x3f800000)),
        (".", Err("For input string: \".\""), Err("For input string: \".\"")),
        ("-.", Err("For input string: \"-.\""), Err("For input string: \"-.\"")),
        ("1_0", Err("For input string: \"1_0\""), Err("For input string: \"1_0\"")),
        (" 12 ", Ok(0x4028000000000000), Ok(0x41400000)),
        ("\u{9}12\u{a}", Ok(0x4028000000000000), Ok(0x41400000)),
        ("\u{1}12\u{1f}", Ok(0x4028000000000000), Ok(0x41400000)),
        ("\u{a0}12", Err("For input string: \"\u{a0}12\""), Err("For input string: \"\u{a0}12\"")),
        ("\u{ff11}\u{ff12}", Err("For input string: \"\u{ff11}\u{ff12}\""), Err("For input string: \"\u{ff11}\u{ff12}\"")),
        ("12d", Ok(0x4028000000000000), Ok(0x41400000)),
        ("12D", Ok(0x4028000000000000), Ok(0x41400000)),
        ("12f", Ok(0x4028000000000000), Ok(0x41400000)),
        ("12F", Ok(0x4028000000000000), Ok(0x41400000)),
        ("12df", Err("For input string: \"12df\""), Err("For input string: \"12df\"")),
        ("1e", Err("For input string: \"1e\""), Err("For input string: \"1e\"")),
        ("1e+", Err("For input string: \"1e+\""), Err("For input string: \"1e+\"")),
        ("1e-5", Ok(0x3ee4f8b588e368f1), Ok(0x3727c5ac)),
        ("1E5", Ok(0x40f86a0000000000), Ok(0x47c35000)),
        ("1e5d", Ok(0x40f86a0000000000), Ok(0x47c35000)),
        ("1.5e-3f", Ok(0x3f589374bc6a7efa), Ok(0x3ac49ba6)),
        ("..", Err("multiple points"), Err("multiple points")),
        ("1..2", Err("multiple points"), Err("multiple points")),
        ("1.2.3", Err("multiple points"), Err("multiple points")),
        (".1.", Err("multiple points"), Err("multiple points")),
        ("00.1.", Err("multiple points"), Err("multiple points")),
        ("1e5.5", Err("For input string: \"1e5.5\""), Err("For input string: \"1e5.5\"")),
        ("1.e3", Ok(0x408f400000000000), Ok(0x447a0000)),
        ("", Err("empty String"), Err("empty String")),
        ("   ", Err("empty String"), Err("empty String")),
        ("+", Err("For input string: \"+\""), Err("For input string: \"+\"")),
        ("-", Err("For input string: \"-\""), Err("For input string: \"-\"")),
        ("+-1", Err("For input string: \"+-1\""), Err("For input string: \"+-1\"")),
        ("abc", Err("For input string: \"abc\""), Err("For input string: \"abc\"")),
        ("0", Ok(0x0000000000000000), Ok(0x00000000)),
        ("-0", Ok(0x8000000000000000), Ok(0x80000000)),
        ("-0.0", Ok(0x8000000000000000), Ok(0x80000000)),
        ("00012.50", Ok(0x4029000000000000), Ok(0x41480000)),
        ("4.9e-324", Ok(0x0000000000000001), Ok(0x00000000)),
        ("2.4703282292062327e-324", Ok(0x0000000000000000), Ok(0x00000000)),
        ("2.4703282292062328e-324", Ok(0x0000000000000001), Ok(0x00000000)),
        ("1.7976931348623157e308", Ok(0x7fefffffffffffff), Ok(0x7f800000)),
        ("1.7976931348623159e308", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("3.4028235e38", Ok(0x47efffffe54daff8), Ok(0x7f7fffff)),
        ("3.4028236e38", Ok(0x47effffff514a7bc), Ok(0x7f800000)),
        ("3.4028236e39", Ok(0x4823fffff92ce8d6), Ok(0x7f800000)),
        ("1.4e-45", Ok(0x369ff868bf4d956a), Ok(0x00000001)),
        ("7e-46", Ok(0x368ff868bf4d956a), Ok(0x00000000)),
        ("7.1e-46", Ok(0x369036aa2680f22c), Ok(0x00000001)),
        ("1.00000005960464477550", Ok(0x3ff0000010000000), Ok(0x3f800001)),
        ("1.000000059604644775390625", Ok(0x3ff0000010000000), Ok(0x3f800000)),
        ("1.00000017881393432617187499", Ok(0x3ff0000030000000), Ok(0x3f800001)),
        ("0.1", Ok(0x3fb999999999999a), Ok(0x3dcccccd)),
        ("123456789012345678901234567890", Ok(0x45f8ee90ff6c373e), Ok(0x6fc77488)),
        ("1e-400", Ok(0x0000000000000000), Ok(0x00000000)),
        ("1e99999999999", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("0e99999999999", Ok(0x0000000000000000), Ok(0x00000000)),
        ("1e-99999999999", Ok(0x0000000000000000), Ok(0x00000000)),
        ("9007199254740993", Ok(0x4340000000000000), Ok(0x5a000000)),
        ("1,5", Err("For input string: \"1,5\""), Err("For input string: \"1,5\"")),
        ("1 5", Err("For input string: \"1 5\""), Err("For input string: \"1 5\"")),
        ("0x", Err("For input string: \"0x\""), Err("For input string: \"0x\"")),
        ("0X", Err("For input string: \"0X\""), Err("For input string: \"0X\"")),
        ("-0x", Err("For input string: \"-0x\""), Err("For input string: \"-0x\"")),
        ("0x1p", Err("For input string: \"0x1p\""), Err("For input string: \"0x1p\"")),
        ("0x1", Err("For input string: \"0x1\""), Err("For input string: \"0x1\"")),
        ("0xp1", Err("For input string: \"0xp1\""), Err("For input string: \"0xp1\"")),
        ("0x.p1", Err("For input string: \"0x.p1\""), Err("For input string: \"0x.p1\"")),
        ("0x1p3", Ok(0x4020000000000000), Ok(0x41000000)),
        ("-0X1.8P-2", Ok(0xbfd8000000000000), Ok(0xbec00000)),
        ("0x.8p1", Ok(0x3ff0000000000000), Ok(0x3f800000)),
        ("0x1.0p0d", Ok(0x3ff0000000000000), Ok(0x3f800000)),
        ("0x1p3f", Ok(0x4020000000000000), Ok(0x41000000)),
        ("\u{9}0x1p3 ", Ok(0x4020000000000000), Ok(0x41000000)),
        ("+0x1p3", Ok(0x4020000000000000), Ok(0x41000000)),
        ("0x1p+3", Ok(0x4020000000000000), Ok(0x41000000)),
        ("0x1p-3", Ok(0x3fc0000000000000), Ok(0x3e000000)),
        ("0x1P-1074", Ok(0x0000000000000001), Ok(0x00000000)),
        ("0x1p-1075", Ok(0x0000000000000000), Ok(0x00000000)),
        ("-0x1p-1075", Ok(0x8000000000000000), Ok(0x80000000)),
        ("0x1.8p-1075", Ok(0x0000000000000001), Ok(0x00000000)),
        ("0x1.0000000000001p-1075", Ok(0x0000000000000001), Ok(0x00000000)),
        ("0x1.fffffffffffff8p1023", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("0x1.fffffffffffff7ffp1023", Ok(0x7fefffffffffffff), Ok(0x7f800000)),
        ("0x1.fffffffffffffp1023", Ok(0x7fefffffffffffff), Ok(0x7f800000)),
        ("0x1p1024", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("0x1p1023", Ok(0x7fe0000000000000), Ok(0x7f800000)),
        ("0x1.000001p0", Ok(0x3ff0000010000000), Ok(0x3f800000)),
        ("0x1.0000010000000000001p0", Ok(0x3ff0000010000000), Ok(0x3f800001)),
        ("0x1.000003p0", Ok(0x3ff0000030000000), Ok(0x3f800002)),
        ("0x1.00000100000000001p0", Ok(0x3ff0000010000000), Ok(0x3f800001)),
        ("0x1.00000000000008p0", Ok(0x3ff0000000000000), Ok(0x3f800000)),
        ("0x1.00000000000008000000000000000001p0", Ok(0x3ff0000000000001), Ok(0x3f800000)),
        ("0x1.00000000000018p0", Ok(0x3ff0000000000002), Ok(0x3f800000)),
        ("0x1p-149", Ok(0x36a0000000000000), Ok(0x00000001)),
        ("0x1p-150", Ok(0x3690000000000000), Ok(0x00000000)),
        ("0x1.8p-150", Ok(0x3698000000000000), Ok(0x00000001)),
        ("0x1.0000000001p-150", Ok(0x3690000000001000), Ok(0x00000001)),
        ("0x1.fffffep127", Ok(0x47efffffe0000000), Ok(0x7f7fffff)),
        ("0x1.ffffffp127", Ok(0x47effffff0000000), Ok(0x7f800000)),
        ("0x1.fffffefp127", Ok(0x47efffffef000000), Ok(0x7f7fffff)),
        ("0x1p128", Ok(0x47f0000000000000), Ok(0x7f800000)),
        ("0x1.ffffffp-127", Ok(0x380ffffff0000000), Ok(0x00800000)),
        ("0x0.fffffffffffff8p-1022", Ok(0x0010000000000000), Ok(0x00000000)),
        ("0x1.fffffffffffffp-1023", Ok(0x0010000000000000), Ok(0x00000000)),
        ("0x0p0", Ok(0x0000000000000000), Ok(0x00000000)),
        ("-0x0p0", Ok(0x8000000000000000), Ok(0x80000000)),
        ("0x0.0p0", Ok(0x0000000000000000), Ok(0x00000000)),
        ("0x0p99999999999", Ok(0x0000000000000000), Ok(0x00000000)),
        ("0x0p-99999999999", Ok(0x0000000000000000), Ok(0x00000000)),
        ("0x1p99999999999", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("-0x1p99999999999", Ok(0xfff0000000000000), Ok(0xff800000)),
        ("0x1p-99999999999", Ok(0x0000000000000000), Ok(0x00000000)),
        ("-0x1p-99999999999", Ok(0x8000000000000000), Ok(0x80000000)),
        ("0x1p2147483647", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("0x1p2147483648", Ok(0x7ff0000000000000), Ok(0x7f800000)),
        ("0x1p-2147483648", Ok(0x0000000000000000), Ok(0x00000000)),
        ("0x1p-2147483649", Ok(0x0000000000000000), Ok(0x00000000)),
        ("0x00000000000000000001p0", Ok(0x3ff0000000000000), Ok(0x3f800000)),
        ("0x123456789abcdef0123p0", Ok(0x44723456789abcdf), Ok(0x6391a2b4)),
        ("0x123456789abcdef0123p-80", Ok(0x3f723456789abcdf), Ok(0x3b91a2b4)),
        ("0xABCDEFp-4", Ok(0x412579bde0000000), Ok(0x492bcdef)),
        ("0xfp0", Ok(0x402e000000000000), Ok(0x41700000)),
        ("0x1.p1", Ok(0x4000000000000000), Ok(0x40000000)),
        ("0x1p1.5", Err("For input string: \"0x1p1.5\""), Err("For input string: \"0x1p1.5\"")),
        ("0x1e3", Err("For input string: \"0x1e3\""), Err("For input string: \"0x1e3\"")),
        ("0xg", Err("For input string: \"0xg\""), Err("For input string: \"0xg\"")),
        ("00x1p1", Err("For input string: \"00x1p1\""), Err("For input string: \"00x1p1\"")),
        ("0x1p3dd", Err("For input string: \"0x1p3dd\""), Err("For input string: \"0x1p3dd\"")),
        ("0x1p3e", Err("For input string: \"0x1p3e\""), Err("For input string: \"0x1p3e\"")),
        ("0x1p03", Ok(0x4020000000000000), Ok(0x41000000)),
        ("0x1p+-3", Err("For input string: \"0x1p+-3\""), Err("For input string: \"0x1p+-3\"")),
        ("1.0x", Err("For input string: \"1.0x\""), Err("For input string: \"1.0x\"")),
        ("0x-1p1", Err("For input string: \"0x-1p1\""), Err("For input string: \"0x-1p1\"")),
        ("0x+1p1", Err("For input string: \"0x+1p1\""), Err("For input string: \"0x+1p1\"")),
        ("0.x1p1", Err("For input string: \"0.x1p1\""), Err("For input string: \"0.x1p1\"")),
        ("0x1.8P1F", Ok(0x4008000000000000), Ok(0x40400000)),
        ("0x.0000000000000000000001p80", Ok(0x3f70000000000000), Ok(0x3b800000)),
        ("0x1..8p1", Err("For input string: \"0x1..8p1\""), Err("For input string: \"0x1..8p1\"")),
        ("0x\u{ff11}p1", Err("For input string: \"0x\u{ff11}p1\""), Err("For input string: \"0x\u{ff11}p1\"")),
        ("0x1p\u{ff11}", Err("For input string: \"0x1p\u{ff11}\""), Err("For input string: \"0x1p\u{ff11}\"")),
        ("0x1p00000000000000000000003", Ok(0x4020000000000000), Ok(0x41000000)),
        ("0x1p-00000000000000000001074", Ok(0x0000000000000001), Ok(0x00000000)),
        ("1e00000000000000000000003", Ok(0x408f400000000000), Ok(0x447a0000)),
        ("-1.e-00000000000000000000003", Ok(0xbf50624dd2f1a9fc), Ok(0xba83126f)),
        ("0x1.fffffffffffffffffffffffffffffffp0", Ok(0x4000000000000000), Ok(0x40000000)),
        ("0x.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001p1000", Ok(0x38f0000000000000), Ok(0x07800000)),
        ("0x80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001p-1000", Ok(0x4320000000000000), Ok(0x59000000)),
        ("1.17549435E-38", Ok(0x380fffffff9fdba8), Ok(0x00800000)),
        ("1.1754942E-38", Ok(0x380fffffbb1dd6a1), Ok(0x007fffff)),
        ("1.401298464324817e-45", Ok(0x36a0000000000000), Ok(0x00000001)),
        ("2.2250738585072011e-308", Ok(0x000fffffffffffff), Ok(0x00000000)),
        ("2.2250738585072012e-308", Ok(0x0010000000000000), Ok(0x00000000)),
    ];

    #[test]
    fn floats_follow_the_jdk() {
        for &(input, double, float) in JDK_FLOATS {
            let got = parse_double(input)
                .map(f64::to_bits)
                .map_err(|e| e.message(input));
            assert_eq!(
                got,
                double.map_err(String::from),
                "Double.parseDouble({input:?})"
            );
            let got = parse_float(input)
                .map(f32::to_bits)
                .map_err(|e| e.message(input));
            assert_eq!(
                got,
                float.map_err(String::from),
                "Float.parseFloat({input:?})"
            );
        }
    }

    #[test]
    fn floats() {
        assert_eq!(parse_double(" 1.5 "), Ok(1.5));
        assert_eq!(parse_double("0x1p3"), Ok(8.0));
        assert_eq!(parse_double("-0X1.8P-2"), Ok(-0.375));
        assert_eq!(parse_float("0x1.8p1"), Ok(3.0));
        // Rounded once to float: through double, the tail would be lost and 1.0 would come out.
        assert_eq!(parse_float("0x1.0000010000000000001p0"), Ok(1.000_000_1));
        assert_eq!(parse_double("0x1P-1074"), Ok(f64::from_bits(1)));
        assert_eq!(parse_double("abc"), Err(FloatFormatError::Invalid));
        assert_eq!(parse_double("1.2.3"), Err(FloatFormatError::MultiplePoints));
        assert_eq!(parse_double(" \t"), Err(FloatFormatError::Empty));
        assert_eq!(
            FloatFormatError::Invalid.message(" 0x1p "),
            "For input string: \"0x1p\""
        );
    }
}
