//! `String` (with Painless's augmentations), `StringBuilder`, `String.format` and the ingest
//! `Processors` helpers. Indexes are UTF-16 code units, as in Java.

use super::{arg_int, arg_str, not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;

fn units(s: &str) -> Vec<u16> {
    if s.is_ascii() {
        // the common case, and much cheaper than `encode_utf16`
        return s.bytes().map(u16::from).collect();
    }
    s.encode_utf16().collect()
}

fn from_units(u: &[u16]) -> String {
    // ASCII is the common case, and much cheaper than decoding
    let mut ascii = Vec::with_capacity(u.len());
    for c in u {
        if *c >= 0x80 {
            return String::from_utf16_lossy(u);
        }
        ascii.push(*c as u8);
    }
    String::from_utf8(ascii).unwrap_or_default()
}

fn sioobe(msg: String) -> Thrown {
    Thrown::new("StringIndexOutOfBoundsException", msg)
}

fn char_or_str(v: &V) -> R<Vec<u16>> {
    match v {
        V::Char(c) => Ok(vec![*c]),
        _ => Ok(units(&to_java_string_checked(v)?)),
    }
}

fn to_java_string_checked(v: &V) -> R<String> {
    match str_of(v) {
        Some(s) => Ok(s.to_string()),
        None if v.is_null() => Err(Thrown::npe(None)),
        None => match v {
            V::Obj(o) if matches!(&**o, Obj::StringBuilder(_)) => Ok(to_java_string(v)),
            _ => Ok(arg_str(v)?.to_string()),
        },
    }
}

fn find_units(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(hay.len()));
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

fn rfind_units(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let start = from.min(hay.len() - needle.len());
    (0..=start)
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
}

/// `indexOf(str[, from])` of `String` and the builders: `from` is clamped to `0..=len`.
fn index_of(hay: &[u16], needle: &[u16], from: Option<i32>) -> i32 {
    let from = from.unwrap_or(0).max(0) as usize;
    let r = if from > hay.len() {
        needle.is_empty().then_some(hay.len())
    } else {
        find_units(hay, needle, from)
    };
    r.map(|i| i as i32).unwrap_or(-1)
}

/// `lastIndexOf(str[, from])` of `String` and the builders.
fn last_index_of(hay: &[u16], needle: &[u16], from: Option<i32>) -> i32 {
    let from = match from {
        Some(f) if f < 0 => return -1,
        Some(f) => f as usize,
        None => hay.len(),
    };
    rfind_units(hay, needle, from)
        .map(|i| i as i32)
        .unwrap_or(-1)
}

fn is_high(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

fn to_code_point(high: u16, low: u16) -> i32 {
    0x10000 + ((high as i32 - 0xD800) << 10) + (low as i32 - 0xDC00)
}

/// `Character.codePointAt(seq, i)` for an index in range: a lone surrogate is its own code point.
fn code_point_at(u: &[u16], i: usize) -> i32 {
    match u.get(i + 1) {
        Some(&low) if is_high(u[i]) && is_low(low) => to_code_point(u[i], low),
        _ => u[i] as i32,
    }
}

/// `Character.codePointBefore(seq, i)` for `1 <= i <= len`.
fn code_point_before(u: &[u16], i: usize) -> i32 {
    let low = u[i - 1];
    if is_low(low) && i >= 2 && is_high(u[i - 2]) {
        to_code_point(u[i - 2], low)
    } else {
        low as i32
    }
}

/// `codePoints()`: an `IntStream` of the code points, unpaired surrogates as themselves.
fn code_point_stream(u: &[u16]) -> V {
    let mut out = Vec::new();
    let mut i = 0;
    while i < u.len() {
        let cp = code_point_at(u, i);
        i += if cp >= 0x10000 { 2 } else { 1 };
        out.push(V::Int(cp));
    }
    V::obj(Obj::Stream(std::cell::RefCell::new(out)))
}

/// `chars()`: an `IntStream` of the UTF-16 code units.
fn char_stream(u: &[u16]) -> V {
    V::obj(Obj::Stream(std::cell::RefCell::new(
        u.iter().map(|c| V::Int(*c as i32)).collect(),
    )))
}

/// `codePointCount(begin, end)`.
fn code_point_count(u: &[u16], b: i32, e: i32) -> R<V> {
    if b < 0 || e as i64 > u.len() as i64 || b > e {
        return Err(Thrown::bare("IndexOutOfBoundsException"));
    }
    Ok(V::Int(
        char::decode_utf16(u[b as usize..e as usize].iter().copied()).count() as i32,
    ))
}

/// `offsetByCodePoints(index, codePointOffset)` (`Character.offsetByCodePoints`).
fn offset_by_code_points(u: &[u16], index: i32, offset: i32) -> R<V> {
    let ioobe = || Thrown::bare("IndexOutOfBoundsException");
    if index < 0 || index as usize > u.len() {
        return Err(ioobe());
    }
    let mut x = index as usize;
    if offset >= 0 {
        let mut i = 0;
        while x < u.len() && i < offset {
            x += 1;
            if is_high(u[x - 1]) && x < u.len() && is_low(u[x]) {
                x += 1;
            }
            i += 1;
        }
        if i < offset {
            return Err(ioobe());
        }
    } else {
        let mut i = offset;
        while x > 0 && i < 0 {
            x -= 1;
            if is_low(u[x]) && x > 0 && is_high(u[x - 1]) {
                x -= 1;
            }
            i += 1;
        }
        if i < 0 {
            return Err(ioobe());
        }
    }
    Ok(V::Int(x as i32))
}

type CharArray = std::rc::Rc<std::cell::RefCell<ArrayObj>>;

/// A `char[]` argument (`getChars`, `copyValueOf`): `None` for `null`, which the JDK only
/// trips over when it reads the array's length (see [`null_array`]).
fn char_array(v: &V) -> R<Option<&CharArray>> {
    match v {
        V::Array(a) if matches!(a.borrow().elem, crate::painless::ast::Ty::Char) => Ok(Some(a)),
        V::Null => Ok(None),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [char[]].",
            short_type_name(other)
        ))),
    }
}

/// The `NullPointerException` for reading the length of the `null` array parameter `name`.
fn null_array(name: &str) -> Thrown {
    Thrown::npe(Some(format!(
        "Cannot read the array length because \"{name}\" is null"
    )))
}

/// A `char` argument (`setCharAt`).
fn arg_char(v: &V) -> R<u16> {
    match v {
        V::Char(c) => Ok(*c),
        V::Null => Err(Thrown::npe(None)),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [char].",
            short_type_name(other)
        ))),
    }
}

/// `Character.toUpperCase(int)`: the simple (one code point) mapping.
/// Two UTF-16 units as `String.CASE_INSENSITIVE_ORDER` compares them: equal units, else their
/// simple upper cases, else the lower cases of those; `(0, 0)` when they match.
fn fold_units(x: u16, y: u16) -> (u32, u32) {
    if x == y {
        return (0, 0);
    }
    let (ux, uy) = (simple_upper(u32::from(x)), simple_upper(u32::from(y)));
    if ux == uy {
        return (0, 0);
    }
    let (lx, ly) = (simple_lower(ux), simple_lower(uy));
    if lx == ly {
        (0, 0)
    } else {
        (lx, ly)
    }
}

pub(super) fn simple_upper(cp: u32) -> u32 {
    match cp {
        // iota subscript: the simple mapping is the titlecase letter (the full one adds an iota)
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => cp + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => cp + 9,
        _ => single_mapping(cp, |c| c.to_uppercase()),
    }
}

/// `Character.toLowerCase(int)`: the simple (one code point) mapping.
pub(super) fn simple_lower(cp: u32) -> u32 {
    match cp {
        0x130 => 'i' as u32,
        _ => single_mapping(cp, |c| c.to_lowercase()),
    }
}

fn single_mapping<I: Iterator<Item = char>>(cp: u32, f: impl Fn(char) -> I) -> u32 {
    let Some(c) = char::from_u32(cp) else {
        return cp;
    };
    let mut it = f(c);
    match (it.next(), it.next()) {
        (Some(m), None) => m as u32,
        _ => cp,
    }
}

/// The code point `regionMatches(true, ...)` compares at `i` (JDK 17's `codePointIncluding`):
/// a surrogate is combined with its partner inside `start..end`; `Err` marks a high surrogate
/// that took the next unit along.
fn code_point_including(u: &[u16], i: usize, start: usize, end: usize) -> Result<u32, u32> {
    let c = u[i];
    if is_low(c) && i > start && is_high(u[i - 1]) {
        Ok(to_code_point(u[i - 1], c) as u32)
    } else if is_high(c) && i + 1 < end && is_low(u[i + 1]) {
        Err(to_code_point(c, u[i + 1]) as u32)
    } else {
        Ok(c as u32)
    }
}

/// `String.regionMatches(ignoreCase, toffset, other, ooffset, len)` once the bounds are known to
/// be good: equal units match, else upper-cased code points, else their lower-cased forms.
fn region_matches_ci(a: &[u16], mut i: usize, b: &[u16], mut j: usize, len: usize) -> bool {
    let (a_end, b_end) = (i + len, j + len);
    let (a_start, b_start) = (i, j);
    while i < a_end && j < b_end {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        let cp1 = code_point_including(a, i, a_start, a_end).unwrap_or_else(|cp| {
            i += 1;
            cp
        });
        let cp2 = code_point_including(b, j, b_start, b_end).unwrap_or_else(|cp| {
            j += 1;
            cp
        });
        let (u1, u2) = (simple_upper(cp1), simple_upper(cp2));
        if u1 != u2 && simple_lower(u1) != simple_lower(u2) {
            return false;
        }
        i += 1;
        j += 1;
    }
    true
}

/// `String.regionMatches` (4 and 5 arguments).
fn region_matches(s: &[u16], args: &[V]) -> R<V> {
    let (ignore_case, rest) = match args.len() {
        5 => match &args[0] {
            V::Bool(b) => (*b, &args[1..]),
            other => {
                return Err(Thrown::cce(format!(
                    "Cannot cast from [{}] to [boolean].",
                    short_type_name(other)
                )))
            }
        },
        _ => (false, args),
    };
    let toffset = arg_int(&rest[0])?;
    let other = match &rest[1] {
        V::Null => None,
        v => Some(units(arg_str(v)?)),
    };
    let (ooffset, len) = (arg_int(&rest[2])?, arg_int(&rest[3])?);
    // the 4-argument form reads `other.value` first; the 5-argument one only reaches
    // `other.length()` when the offsets are not negative and `toffset` fits
    let Some(other) = other else {
        let npe = if ignore_case {
            if ooffset < 0 || toffset < 0 || toffset as i64 > s.len() as i64 - len as i64 {
                return Ok(V::Bool(false));
            }
            "Cannot invoke \"String.length()\" because \"other\" is null"
        } else {
            "Cannot read field \"value\" because \"other\" is null"
        };
        return Err(Thrown::npe(Some(npe.into())));
    };
    if ooffset < 0
        || toffset < 0
        || toffset as i64 > s.len() as i64 - len as i64
        || ooffset as i64 > other.len() as i64 - len as i64
    {
        return Ok(V::Bool(false));
    }
    if len <= 0 {
        return Ok(V::Bool(true));
    }
    let (t, o, n) = (toffset as usize, ooffset as usize, len as usize);
    Ok(V::Bool(if ignore_case {
        region_matches_ci(s, t, &other, o, n)
    } else {
        s[t..t + n] == other[o..o + n]
    }))
}

/// Java's `Character.isWhitespace`-free `trim()`: strips code units <= U+0020.
fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

pub fn call(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let s = str_of(recv).unwrap_or("");
    let n = args.len();
    match (name, n) {
        ("length", 0) => {
            if s.is_ascii() {
                return Ok(V::Int(s.len() as i32));
            }
            Ok(V::Int(s.encode_utf16().count() as i32))
        }
        ("isEmpty", 0) => Ok(V::Bool(s.is_empty())),
        ("charAt", 1) => {
            let i = arg_int(&args[0])?;
            // scripts call this in loops over the string: no copy in the common cases
            let unit = match usize::try_from(i) {
                Ok(i) if s.is_ascii() => s.as_bytes().get(i).map(|b| u16::from(*b)),
                Ok(i) => s.encode_utf16().nth(i),
                Err(_) => None,
            };
            if let Some(unit) = unit {
                return Ok(V::Char(unit));
            }
            let u = units(s);
            if i < 0 || i as usize >= u.len() {
                // JDK 17 words this differently for Latin-1 and UTF-16 strings
                return Err(sioobe(if u.iter().all(|c| *c < 0x100) {
                    format!("String index out of range: {i}")
                } else {
                    format!("index {i}, length {}", u.len())
                }));
            }
            Ok(V::Char(u[i as usize]))
        }
        ("substring", 1) | ("substring", 2) | ("subSequence", 2) => {
            let b = arg_int(&args[0])?;
            if s.is_ascii() {
                // unit indexes are byte indexes: slice without converting
                let e = if n == 2 {
                    arg_int(&args[1])?
                } else {
                    s.len() as i32
                };
                if b >= 0 && e <= s.len() as i32 && b <= e {
                    return Ok(V::str(&s[b as usize..e as usize]));
                }
            }
            let u = units(s);
            let e = if n == 2 {
                arg_int(&args[1])?
            } else {
                u.len() as i32
            };
            if b < 0 || e > u.len() as i32 || b > e {
                return Err(sioobe(format!("begin {b}, end {e}, length {}", u.len())));
            }
            Ok(V::string(from_units(&u[b as usize..e as usize])))
        }
        ("indexOf", 1) | ("indexOf", 2) | ("lastIndexOf", 1) | ("lastIndexOf", 2) => {
            let u = units(s);
            let needle = char_or_str(&args[0])?;
            let from = if n == 2 {
                Some(arg_int(&args[1])?)
            } else {
                None
            };
            Ok(V::Int(if name == "indexOf" {
                index_of(&u, &needle, from)
            } else {
                last_index_of(&u, &needle, from)
            }))
        }
        ("contains", 1) => Ok(V::Bool(s.contains(&*to_java_string_checked(&args[0])?))),
        ("startsWith", 1) => Ok(V::Bool(s.starts_with(arg_str(&args[0])?))),
        ("startsWith", 2) => {
            let u = units(s);
            let p = units(arg_str(&args[0])?);
            let off = arg_int(&args[1])?;
            if off < 0 || off as usize > u.len() {
                return Ok(V::Bool(false));
            }
            Ok(V::Bool(u[off as usize..].starts_with(&p)))
        }
        ("endsWith", 1) => Ok(V::Bool(s.ends_with(arg_str(&args[0])?))),
        ("toLowerCase", 0) | ("toLowerCase", 1) => Ok(V::string(java_lower(s))),
        ("toUpperCase", 0) | ("toUpperCase", 1) => Ok(V::string(java_upper(s))),
        ("trim", 0) => Ok(V::str(java_trim(s))),
        ("replace", 2) => {
            let from = char_or_str(&args[0])?;
            let to = char_or_str(&args[1])?;
            let (from, to) = (from_units(&from), from_units(&to));
            if from.is_empty() {
                // Java inserts the replacement between every character
                let mut out = String::new();
                out.push_str(&to);
                for ch in s.chars() {
                    out.push(ch);
                    out.push_str(&to);
                }
                return Ok(V::string(out));
            }
            Ok(V::string(s.replace(&from, &to)))
        }
        // equalsIgnoreCase(String): through a `def` receiver, the JDK's `asType` cast of the
        // argument fails for anything else
        ("equalsIgnoreCase", 1) if !args[0].is_null() && str_of(&args[0]).is_none() => {
            Err(Thrown::cce(format!(
                "Cannot cast {} to java.lang.String",
                class_name(&args[0])
            )))
        }
        ("equalsIgnoreCase", 1) => Ok(V::Bool(match str_of(&args[0]) {
            Some(o) => {
                let (a, b) = (units(s), units(o));
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|(x, y)| fold_units(*x, *y) == (0, 0))
            }
            None => false,
        })),
        ("compareTo", 1) => {
            let o = arg_str(&args[0])?;
            Ok(V::Int(java_compare_to(s, o)))
        }
        // String.CASE_INSENSITIVE_ORDER: char by char, upper-cased then lower-cased
        ("compareToIgnoreCase", 1) => {
            let (a, b) = (units(s), units(arg_str(&args[0])?));
            let first_difference = a
                .iter()
                .zip(b.iter())
                .map(|(x, y)| fold_units(*x, *y))
                .find(|(x, y)| x != y);
            Ok(V::Int(match first_difference {
                Some((x, y)) => x as i32 - y as i32,
                None => a.len() as i32 - b.len() as i32,
            }))
        }
        ("concat", 1) => {
            let mut out = s.to_string();
            out.push_str(arg_str(&args[0])?);
            Ok(V::string(out))
        }
        ("toCharArray", 0) => Ok(V::Array(std::rc::Rc::new(std::cell::RefCell::new(
            ArrayObj {
                elem: crate::painless::ast::Ty::Char,
                items: units(s).into_iter().map(V::Char).collect(),
            },
        )))),
        ("chars", 0) => Ok(char_stream(&units(s))),
        ("codePoints", 0) => Ok(code_point_stream(&units(s))),
        ("codePointAt", 1) => {
            let i = arg_int(&args[0])?;
            let u = units(s);
            if i < 0 || i as usize >= u.len() {
                return Err(sioobe(format!("index {i}, length {}", u.len())));
            }
            Ok(V::Int(code_point_at(&u, i as usize)))
        }
        ("codePointBefore", 1) => {
            let i = arg_int(&args[0])?;
            let u = units(s);
            if i < 1 || i as usize > u.len() {
                return Err(sioobe(format!("String index out of range: {i}")));
            }
            Ok(V::Int(code_point_before(&u, i as usize)))
        }
        ("offsetByCodePoints", 2) => {
            let (index, offset) = (arg_int(&args[0])?, arg_int(&args[1])?);
            offset_by_code_points(&units(s), index, offset)
        }
        ("regionMatches", 4) | ("regionMatches", 5) => region_matches(&units(s), &args),
        ("getChars", 4) => {
            let (b, e) = (arg_int(&args[0])?, arg_int(&args[1])?);
            let dst = char_array(&args[2])?;
            let dst_begin = arg_int(&args[3])?;
            let u = units(s);
            if b < 0 || b > e || e as usize > u.len() {
                return Err(sioobe(format!("begin {b}, end {e}, length {}", u.len())));
            }
            let mut dst = dst.ok_or_else(|| null_array("dst"))?.borrow_mut();
            let count = e - b;
            if dst_begin < 0 || dst_begin as i64 > dst.items.len() as i64 - count as i64 {
                return Err(sioobe(format!(
                    "offset {dst_begin}, count {count}, length {}",
                    dst.items.len()
                )));
            }
            let d = dst_begin as usize;
            for (slot, c) in dst.items[d..].iter_mut().zip(&u[b as usize..e as usize]) {
                *slot = V::Char(*c);
            }
            Ok(V::Null)
        }
        ("splitOnToken", 1) | ("splitOnToken", 2) => {
            let token = arg_str(&args[0])?;
            let limit = if n == 2 { arg_int(&args[1])? } else { -1 };
            Ok(split_on_token(s, token, limit)?)
        }
        ("encodeBase64", 0) => Ok(V::string(base64_encode(s.as_bytes()))),
        // Augmentation.decodeBase64: the UTF-8 bytes through Base64.getDecoder(), read as UTF-8
        ("decodeBase64", 0) => match crate::java::base64_decode(s.as_bytes(), false, false) {
            Ok(b) => Ok(V::string(crate::java::utf8_to_string_lossy(&b))),
            Err(m) => Err(Thrown::iae(m)),
        },
        ("sha1", 0) => Ok(V::string(hex(&super::numbers::sha1(s.as_bytes())))),
        ("sha256", 0) => Ok(V::string(hex(&super::numbers::sha256(s.as_bytes())))),
        ("sha512", 0) => Ok(V::string(hex(&super::numbers::sha512(s.as_bytes())))),
        ("codePointCount", 2) => {
            let (b, e) = (arg_int(&args[0])?, arg_int(&args[1])?);
            code_point_count(&units(s), b, e)
        }
        ("contentEquals", 1) => Ok(V::Bool(to_java_string(&args[0]) == s)),
        ("replaceAll", 2) | ("replaceFirst", 2) => {
            super::regex::replace_with_fn(it, s, &args[0], &args[1], name == "replaceAll")
        }
        ("matches", 1) | ("split", 1) | ("split", 2) => Err(not_found(recv, name, n)),
        _ => Err(not_found(recv, name, n)),
    }
}

/// `String.compareTo`: difference of the first differing code units, else of the lengths.
pub fn java_compare_to(a: &str, b: &str) -> i32 {
    let (ua, ub) = (units(a), units(b));
    for (x, y) in ua.iter().zip(ub.iter()) {
        if x != y {
            return *x as i32 - *y as i32;
        }
    }
    ua.len() as i32 - ub.len() as i32
}

/// `String.toLowerCase(Locale.ROOT)`.
pub fn java_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.to_lowercase()
}

pub fn java_upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.to_uppercase()
}

/// Painless's `splitOnToken` augmentation (limit semantics like `String.split`).
/// `Augmentation.splitOnToken`: every segment is kept (trailing empty ones too), an empty token
/// gives the receiver back whole, and at most `limit` segments are made; a `limit` below 1 means
/// no limit (the JDK code counts down to 1 and never gets there).
fn split_on_token(s: &str, token: &str, limit: i32) -> R<V> {
    let mut parts: Vec<&str> = Vec::new();
    if token.is_empty() || s.is_empty() {
        parts.push(s);
    } else {
        let mut rest = s;
        let mut limit = limit;
        while limit != 1 {
            let Some(p) = rest.find(token) else {
                break;
            };
            parts.push(&rest[..p]);
            rest = &rest[p + token.len()..];
            limit = limit.wrapping_sub(1);
        }
        parts.push(rest);
    }
    Ok(V::Array(std::rc::Rc::new(std::cell::RefCell::new(
        ArrayObj {
            elem: crate::painless::ast::Ty::Class("String"),
            items: parts.into_iter().map(V::str).collect(),
        },
    ))))
}

pub fn byte_array(b: &[u8]) -> V {
    V::Array(std::rc::Rc::new(std::cell::RefCell::new(ArrayObj {
        elem: crate::painless::ast::Ty::Byte,
        items: b.iter().map(|x| V::Byte(*x as i8)).collect(),
    })))
}

fn bytes_of(v: &V) -> R<Vec<u8>> {
    match v {
        V::Array(a) => Ok(a
            .borrow()
            .items
            .iter()
            .map(|x| match x {
                V::Byte(b) => *b as u8,
                other => num_of(other).map(|n| n.as_i32() as u8).unwrap_or(0),
            })
            .collect()),
        V::Null => Err(Thrown::npe(None)),
        other => match str_of(other) {
            Some(s) => Ok(s.as_bytes().to_vec()),
            None => Err(Thrown::cce(format!(
                "Cannot cast from [{}] to [byte[]].",
                class_name(other)
            ))),
        },
    }
}

/// `Base64.Encoder` / `Base64.Decoder` methods.
pub fn base64_call(recv: &V, enc: bool, url: bool, mime: bool, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    let swap = |s: String| -> String {
        if url {
            s.replace('+', "-").replace('/', "_")
        } else {
            s
        }
    };
    match (enc, name, n) {
        (true, "encodeToString", 1) => Ok(V::string(swap(base64_encode(&bytes_of(&args[0])?)))),
        (true, "encode", 1) => Ok(byte_array(
            swap(base64_encode(&bytes_of(&args[0])?)).as_bytes(),
        )),
        (false, "decode", 1) => {
            // decode(String) reads the text as ISO-8859-1 (other characters become '?')
            let raw = match &args[0] {
                V::Array(_) | V::Null => bytes_of(&args[0])?,
                v => match str_of(v) {
                    Some(s) => s
                        .chars()
                        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                        .collect(),
                    None => bytes_of(v)?,
                },
            };
            crate::java::base64_decode(&raw, url, mime)
                .map(|b| byte_array(&b))
                .map_err(Thrown::iae)
        }
        _ => Err(not_found(recv, name, n)),
    }
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63] as char);
        out.push(B64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

pub fn call_static(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.len()) {
        ("copyValueOf", 1) | ("copyValueOf", 3) => {
            let data = char_array(&args[0])?.ok_or_else(|| null_array("value"))?;
            let data = data.borrow();
            let u: Vec<u16> = data
                .items
                .iter()
                .map(|v| if let V::Char(c) = v { *c } else { 0 })
                .collect();
            let (offset, count) = if args.len() == 3 {
                (arg_int(&args[1])?, arg_int(&args[2])?)
            } else {
                (0, u.len() as i32)
            };
            if offset < 0 || count < 0 || offset as i64 > u.len() as i64 - count as i64 {
                return Err(sioobe(format!(
                    "offset {offset}, count {count}, length {}",
                    u.len()
                )));
            }
            let o = offset as usize;
            Ok(V::string(from_units(&u[o..o + count as usize])))
        }
        ("valueOf", 1) => match &args[0] {
            V::Array(a) => {
                let a = a.borrow();
                let u: Vec<u16> = a
                    .items
                    .iter()
                    .map(|v| if let V::Char(c) = v { *c } else { 0 })
                    .collect();
                Ok(V::string(from_units(&u)))
            }
            v => Ok(V::string(to_java_string(v))),
        },
        // only join(CharSequence, Iterable) is allowlisted (no varargs form)
        ("join", 2) => {
            let sep = to_java_string_checked(&args[0])?;
            let items: Vec<V> = match as_seq(&args[1]) {
                Some(seq) => seq.items,
                None => match &args[1] {
                    V::Obj(o) if matches!(&**o, Obj::MapView(..)) => super::view_items(o),
                    V::Null => return Err(Thrown::npe(None)),
                    other => {
                        return Err(Thrown::cce(format!(
                            "class {} cannot be cast to class java.lang.Iterable",
                            class_name(other)
                        )))
                    }
                },
            };
            // each element is a CharSequence to the JDK (a null prints as "null")
            let mut parts: Vec<String> = Vec::with_capacity(items.len());
            for item in &items {
                parts.push(match char_sequence_text(item)? {
                    Some(text) => text,
                    None => "null".into(),
                });
            }
            Ok(V::string(parts.join(&sep)))
        }
        // format(String, def[]) and format(Locale, String, def[]): Painless has no varargs
        ("format", 2) | ("format", 3) => {
            let (fmt, arr) = if args.len() == 2 {
                (&args[0], &args[1])
            } else {
                (&args[1], &args[2])
            };
            let fmt = arg_str(fmt)?.to_string();
            let rest = super::array_items(arr, "def[]")?.unwrap_or_default();
            java_format(&fmt, &rest).map(V::string)
        }
        _ => Err(super::no_such()),
    }
}

/// A subset of `java.util.Formatter`: `%s %d %f %x %n %%` with flags, width and precision.
pub fn java_format(fmt: &str, args: &[V]) -> R<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut next_arg = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        // argument index
        let mut explicit: Option<usize> = None;
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j < chars.len() && chars[j] == '$' && j > i {
            explicit = chars[i..j].iter().collect::<String>().parse::<usize>().ok();
            i = j + 1;
        }
        let mut flags = String::new();
        while i < chars.len() && "-#+ 0,(".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        while i < chars.len() && chars[i].is_ascii_digit() {
            width.push(chars[i]);
            i += 1;
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            prec = p.parse().ok();
        }
        if i >= chars.len() {
            return Err(Thrown::new(
                "UnknownFormatConversionException",
                format!(
                    "Conversion = '%{}'",
                    chars[start..].iter().collect::<String>()
                ),
            ));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        if conv == 'n' {
            out.push('\n');
            continue;
        }
        let arg = match explicit {
            Some(k) if k >= 1 => args.get(k - 1),
            _ => {
                next_arg += 1;
                args.get(next_arg - 1)
            }
        };
        let Some(arg) = arg else {
            return Err(Thrown::new(
                "MissingFormatArgumentException",
                format!(
                    "Format specifier '%{}'",
                    chars[start..i].iter().collect::<String>()
                ),
            ));
        };
        let body = match conv {
            's' | 'S' => {
                let mut t = to_java_string(arg);
                if let Some(p) = prec {
                    t = t.chars().take(p).collect();
                }
                if conv == 'S' {
                    t = java_upper(&t);
                }
                t
            }
            'b' | 'B' => match arg {
                V::Null => "false".into(),
                V::Bool(b) => b.to_string(),
                _ => "true".into(),
            },
            'c' => match arg {
                V::Char(c) => from_units(&[*c]),
                V::Int(i) => char::from_u32(*i as u32)
                    .map(String::from)
                    .unwrap_or_default(),
                _ => return Err(bad_conv(conv, arg)),
            },
            'd' => match num_of(arg) {
                Some(Num::I(_)) | Some(Num::L(_)) => {
                    let v = num_of(arg).map(|n| n.as_i64()).unwrap_or(0);
                    let mut t = v.unsigned_abs().to_string();
                    if flags.contains(',') {
                        t = group_thousands(&t);
                    }
                    if v < 0 {
                        format!("-{t}")
                    } else if flags.contains('+') {
                        format!("+{t}")
                    } else if flags.contains(' ') {
                        format!(" {t}")
                    } else {
                        t
                    }
                }
                _ => return Err(bad_conv(conv, arg)),
            },
            'x' | 'X' => {
                let t = match arg {
                    V::Int(v) => format!("{:x}", *v as u32),
                    V::Long(v) => format!("{:x}", *v as u64),
                    _ => return Err(bad_conv(conv, arg)),
                };
                if conv == 'X' {
                    t.to_uppercase()
                } else {
                    t
                }
            }
            'o' => match arg {
                V::Int(v) => format!("{:o}", *v as u32),
                V::Long(v) => format!("{:o}", *v as u64),
                _ => return Err(bad_conv(conv, arg)),
            },
            'f' | 'e' | 'E' => {
                let v = match num_of(arg) {
                    Some(Num::F(f)) => f as f64,
                    Some(Num::D(d)) => d,
                    _ => return Err(bad_conv(conv, arg)),
                };
                let p = prec.unwrap_or(6);
                let mut t = if conv == 'f' {
                    fixed_half_up(v.abs(), p)
                } else {
                    let s = format!("{:.*e}", p, v.abs());
                    // Rust: 1.5e3 ; Java: 1.500000e+03
                    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                    let ev: i32 = e.parse().unwrap_or(0);
                    let t = format!("{m}e{}{:02}", if ev < 0 { '-' } else { '+' }, ev.abs());
                    if conv == 'E' {
                        t.to_uppercase()
                    } else {
                        t
                    }
                };
                if flags.contains(',') && conv == 'f' {
                    let (ip, fp) = t
                        .split_once('.')
                        .map(|(a, b)| (a.to_string(), Some(b.to_string())))
                        .unwrap_or((t.clone(), None));
                    t = group_thousands(&ip);
                    if let Some(fp) = fp {
                        t.push('.');
                        t.push_str(&fp);
                    }
                }
                if v.is_sign_negative() && v != 0.0 || (v == 0.0 && v.is_sign_negative()) {
                    format!("-{t}")
                } else if flags.contains('+') {
                    format!("+{t}")
                } else {
                    t
                }
            }
            other => {
                return Err(Thrown::new(
                    "UnknownFormatConversionException",
                    format!("Conversion = '{other}'"),
                ))
            }
        };
        let w: usize = width.parse().unwrap_or(0);
        crate::painless::interp::check_string(out.len() + w)?;
        let len = body.chars().count();
        if len < w {
            let pad = w - len;
            if flags.contains('-') {
                out.push_str(&body);
                out.push_str(&" ".repeat(pad));
            } else if flags.contains('0') && !matches!(conv, 's' | 'S' | 'b' | 'c') {
                let (sign, digits) = if body.starts_with(['-', '+', ' ']) {
                    body.split_at(1)
                } else {
                    ("", body.as_str())
                };
                out.push_str(sign);
                out.push_str(&"0".repeat(pad));
                out.push_str(digits);
            } else {
                out.push_str(&" ".repeat(pad));
                out.push_str(&body);
            }
        } else {
            out.push_str(&body);
        }
    }
    Ok(out)
}

/// `%.Nf` as `java.util.Formatter` does it: HALF_UP rounding of the shortest decimal
/// representation (so 2.5 -> "3" and 1.005 -> "1.01").
fn fixed_half_up(v: f64, prec: usize) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else {
            "Infinity".into()
        };
    }
    let sci = format!("{v:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant
        .bytes()
        .filter(|b| b.is_ascii_digit())
        .map(|b| b - b'0')
        .collect();
    // value = 0.d1d2d3... * 10^point; normalise so that at least one integer digit exists
    let mut point = exp + 1;
    if point <= 0 {
        let mut padded = vec![0u8; (1 - point) as usize];
        padded.extend_from_slice(&digits);
        digits = padded;
        point = 1;
    }
    let keep = (point + prec as i64) as usize;
    let mut kept: Vec<u8> = digits.iter().copied().take(keep).collect();
    while kept.len() < keep {
        kept.push(0);
    }
    let round_up = keep < digits.len() && digits[keep] >= 5;
    let mut int_len = point as usize;
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                int_len += 1;
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let mut all: Vec<u8> = Vec::new();
    all.extend_from_slice(&kept);
    let int_part: String = if int_len == 0 {
        "0".into()
    } else {
        all[..int_len.min(all.len())]
            .iter()
            .map(|d| (b'0' + d) as char)
            .collect()
    };
    let mut frac: String = all
        .get(int_len..)
        .unwrap_or(&[])
        .iter()
        .map(|d| (b'0' + d) as char)
        .collect();
    frac.truncate(prec);
    while frac.len() < prec {
        frac.push('0');
    }
    if prec > 0 {
        format!("{int_part}.{frac}")
    } else {
        int_part
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn bad_conv(conv: char, arg: &V) -> Thrown {
    Thrown::new(
        "IllegalFormatConversionException",
        format!("{conv} != {}", class_name(arg)),
    )
}

/// `java.lang.StringBuilder` / `java.lang.StringBuffer` (one shared object: aliases see every
/// change). It keeps UTF-16 code units, so a surrogate pair can be built one `char` at a time
/// as in Java, and the `capacity()` Java would report.
pub struct Builder {
    units: Vec<u16>,
    capacity: usize,
    buffer: bool,
}

impl Builder {
    pub fn class_name(&self) -> &'static str {
        if self.buffer {
            "java.lang.StringBuffer"
        } else {
            "java.lang.StringBuilder"
        }
    }

    pub fn is_instance(&self, class: &str) -> bool {
        class == "CharSequence" || class == &self.class_name()["java.lang.".len()..]
    }

    /// `AbstractStringBuilder.ensureCapacityInternal`: grow to twice the capacity plus two, or
    /// to `min` when that is more (`ArraysSupport.newLength` caps the doubling).
    fn ensure(&mut self, min: usize) {
        const SOFT_MAX: usize = i32::MAX as usize - 8;
        if min > self.capacity {
            let preferred = min.max(self.capacity * 2 + 2);
            self.capacity = if preferred <= SOFT_MAX {
                preferred
            } else {
                min.max(SOFT_MAX)
            };
        }
    }

    /// Replaces the units `start..end` with `with`.
    fn splice(&mut self, start: usize, end: usize, with: &[u16]) -> R<()> {
        let len = self.units.len() - (end - start) + with.len();
        crate::painless::interp::check_string(len)?;
        self.ensure(len);
        if end == self.units.len() {
            self.units.truncate(start);
            self.units.extend_from_slice(with);
        } else {
            self.units.splice(start..end, with.iter().copied());
        }
        Ok(())
    }

    fn push(&mut self, with: &[u16]) -> R<()> {
        let len = self.units.len();
        self.splice(len, len, with)
    }
}

impl std::fmt::Display for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&from_units(&self.units))
    }
}

/// `new StringBuilder()` / `new StringBuilder(CharSequence)`, and the same for `StringBuffer`.
/// `(int)` is not allowlisted; it is taken as Java's capacity constructor.
pub fn new_builder(class: &str, args: &[V]) -> R<V> {
    let (units, capacity) = match args {
        [] => (Vec::new(), 16),
        [V::Int(n)] if *n < 0 => {
            return Err(Thrown::new("NegativeArraySizeException", n.to_string()))
        }
        [V::Int(n)] => (Vec::new(), *n as usize),
        [V::Null] => {
            return Err(Thrown::npe(Some(
                "Cannot invoke \"java.lang.CharSequence.length()\" because \"seq\" is null".into(),
            )))
        }
        [v] => {
            let u = text_units(v);
            crate::painless::interp::check_string(u.len())?;
            let cap = u.len() + 16;
            (u, cap)
        }
        _ => {
            return Err(Thrown::iae(format!(
                "constructor [{class}/{}] not found (not implemented or not allowlisted)",
                args.len()
            )))
        }
    };
    let b = Builder {
        units,
        capacity,
        buffer: class == "StringBuffer",
    };
    Ok(V::obj(Obj::StringBuilder(std::cell::RefCell::new(b))))
}

/// The UTF-16 units `append(def)`/`insert(int, def)` add: `String.valueOf(v)`, except that a
/// `char` or another builder is taken unit for unit (lone surrogates included).
fn text_units(v: &V) -> Vec<u16> {
    if let Some(s) = str_of(v) {
        return units(s);
    }
    match v {
        V::Char(c) => vec![*c],
        V::Obj(o) => match &**o {
            Obj::StringBuilder(b) => b.borrow().units.clone(),
            _ => units(&to_java_string(v)),
        },
        _ => units(&to_java_string(v)),
    }
}

/// A `CharSequence` argument: `None` for `null`.
fn char_sequence(v: &V) -> R<Option<Vec<u16>>> {
    match v {
        V::Null => Ok(None),
        V::Obj(o) if matches!(&**o, Obj::StringBuilder(_)) => Ok(Some(text_units(v))),
        _ => match str_of(v) {
            Some(s) => Ok(Some(units(s))),
            None => Err(Thrown::cce(format!(
                "class {0} cannot be cast to class java.lang.CharSequence ({0} and java.lang.CharSequence are in module java.base of loader 'bootstrap')",
                class_name(v)
            ))),
        },
    }
}

/// A `CharSequence` argument as text: `None` for `null`; anything else fails the JVM's cast.
pub(super) fn char_sequence_text(v: &V) -> R<Option<String>> {
    Ok(char_sequence(v)?.map(|u| from_units(&u)))
}

/// A `String` argument: `None` for `null`.
fn opt_str(v: &V) -> R<Option<Vec<u16>>> {
    match v {
        V::Null => Ok(None),
        _ => Ok(Some(char_or_str(v)?)),
    }
}

/// `AbstractStringBuilder.checkIndex`.
fn check_index(i: i32, len: usize) -> R<usize> {
    if i < 0 || i as usize >= len {
        return Err(sioobe(format!("index {i}, length {len}")));
    }
    Ok(i as usize)
}

/// `AbstractStringBuilder.checkRangeSIOOBE`.
fn check_range(start: i32, end: i32, len: usize) -> R<(usize, usize)> {
    if start < 0 || start > end || end as i64 > len as i64 {
        return Err(sioobe(format!("start {start}, end {end}, length {len}")));
    }
    Ok((start as usize, end as usize))
}

pub fn builder_call(it: &mut Interp, recv: &V, o: &Obj, name: &str, args: Vec<V>) -> R<V> {
    let Obj::StringBuilder(cell) = o else {
        return Err(not_found(recv, name, args.len()));
    };
    let n = args.len();
    let int = |i: usize| arg_int(&args[i]);
    match (name, n) {
        ("append", 1) => {
            if let Some(s) = str_of(&args[0]).filter(|s| s.is_ascii()) {
                // fail before converting a text that cannot fit
                crate::painless::interp::check_string(cell.borrow().units.len() + s.len())?;
            }
            let add = text_units(&args[0]);
            cell.borrow_mut().push(&add)?;
            Ok(recv.clone())
        }
        ("append", 3) => {
            let s = char_sequence(&args[0])?.unwrap_or_else(|| units("null"));
            let (start, end) = (int(1)?, int(2)?);
            if start < 0 || start > end || end as usize > s.len() {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("start {start}, end {end}, length {}", s.len()),
                ));
            }
            cell.borrow_mut().push(&s[start as usize..end as usize])?;
            Ok(recv.clone())
        }
        ("appendCodePoint", 1) => {
            let cp = int(0)?;
            let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) else {
                // surrogate code points are valid here: Java appends the lone unit
                if (0xD800..0xE000).contains(&cp) {
                    cell.borrow_mut().push(&[cp as u16])?;
                    return Ok(recv.clone());
                }
                return Err(Thrown::iae(format!(
                    "Not a valid Unicode code point: 0x{:X}",
                    cp as u32
                )));
            };
            let mut buf = [0u16; 2];
            cell.borrow_mut().push(c.encode_utf16(&mut buf))?;
            Ok(recv.clone())
        }
        ("capacity", 0) => Ok(V::Int(cell.borrow().capacity as i32)),
        ("charAt", 1) => {
            let i = int(0)?;
            let b = cell.borrow();
            Ok(V::Char(b.units[check_index(i, b.units.len())?]))
        }
        ("chars", 0) => Ok(char_stream(&cell.borrow().units)),
        ("codePoints", 0) => Ok(code_point_stream(&cell.borrow().units)),
        ("codePointAt", 1) => {
            let i = int(0)?;
            let b = cell.borrow();
            Ok(V::Int(code_point_at(
                &b.units,
                check_index(i, b.units.len())?,
            )))
        }
        ("codePointBefore", 1) => {
            let i = int(0)?;
            let b = cell.borrow();
            if i < 1 || i as usize > b.units.len() {
                return Err(sioobe(format!("String index out of range: {i}")));
            }
            Ok(V::Int(code_point_before(&b.units, i as usize)))
        }
        ("codePointCount", 2) => code_point_count(&cell.borrow().units, int(0)?, int(1)?),
        ("compareTo", 1) => {
            let me = cell.borrow();
            let other = match &args[0] {
                V::Obj(x) => match &**x {
                    Obj::StringBuilder(ob) if ob.borrow().buffer == me.buffer => Some(ob),
                    _ => None,
                },
                V::Null => {
                    return Err(Thrown::npe(Some(
                        "Cannot read field \"value\" because \"another\" is null".into(),
                    )))
                }
                _ => None,
            };
            let Some(other) = other else {
                let (from, to) = (class_name(&args[0]), me.class_name());
                return Err(Thrown::cce(format!(
                    "class {from} cannot be cast to class {to} ({from} and {to} are in module java.base of loader 'bootstrap')"
                )));
            };
            let (a, b) = (&me.units, &other.borrow().units);
            let diff = a.iter().zip(b.iter()).find(|(x, y)| x != y);
            Ok(V::Int(match diff {
                Some((x, y)) => *x as i32 - *y as i32,
                None => a.len() as i32 - b.len() as i32,
            }))
        }
        ("delete", 2) => {
            let (start, end) = (int(0)?, int(1)?);
            let mut b = cell.borrow_mut();
            let end = end.min(b.units.len() as i32);
            let (s, e) = check_range(start, end, b.units.len())?;
            b.splice(s, e, &[])?;
            drop(b);
            Ok(recv.clone())
        }
        ("deleteCharAt", 1) => {
            let i = int(0)?;
            let mut b = cell.borrow_mut();
            let i = check_index(i, b.units.len())?;
            b.splice(i, i + 1, &[])?;
            drop(b);
            Ok(recv.clone())
        }
        ("getChars", 4) => {
            let (src_begin, src_end) = (int(0)?, int(1)?);
            let dst = char_array(&args[2])?;
            let dst_begin = int(3)?;
            let b = cell.borrow();
            let (s, e) = check_range(src_begin, src_end, b.units.len())?;
            let mut dst = dst.ok_or_else(|| null_array("dst"))?.borrow_mut();
            let dst_end = dst_begin.wrapping_add(src_end - src_begin);
            if dst_begin < 0 || dst_begin > dst_end || dst_end as usize > dst.items.len() {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!(
                        "start {dst_begin}, end {dst_end}, length {}",
                        dst.items.len()
                    ),
                ));
            }
            let d = dst_begin as usize;
            for (slot, c) in dst.items[d..].iter_mut().zip(&b.units[s..e]) {
                *slot = V::Char(*c);
            }
            Ok(V::Null)
        }
        ("indexOf", 1) | ("indexOf", 2) | ("lastIndexOf", 1) | ("lastIndexOf", 2) => {
            let needle = opt_str(&args[0])?.ok_or_else(|| {
                Thrown::npe(Some(
                    "Cannot read field \"value\" because \"tgtStr\" is null".into(),
                ))
            })?;
            let from = if n == 2 { Some(int(1)?) } else { None };
            let b = cell.borrow();
            Ok(V::Int(if name == "indexOf" {
                index_of(&b.units, &needle, from)
            } else {
                last_index_of(&b.units, &needle, from)
            }))
        }
        ("insert", 2) => {
            let i = int(0)?;
            let add = text_units(&args[1]);
            let mut b = cell.borrow_mut();
            if i < 0 || i as usize > b.units.len() {
                return Err(sioobe(format!("offset {i}, length {}", b.units.len())));
            }
            b.splice(i as usize, i as usize, &add)?;
            drop(b);
            Ok(recv.clone())
        }
        ("length", 0) => Ok(V::Int(cell.borrow().units.len() as i32)),
        ("offsetByCodePoints", 2) => offset_by_code_points(&cell.borrow().units, int(0)?, int(1)?),
        ("replace", 3) => {
            let (start, end) = (int(0)?, int(1)?);
            let with = opt_str(&args[2])?;
            let mut b = cell.borrow_mut();
            let end = end.min(b.units.len() as i32);
            let (s, e) = check_range(start, end, b.units.len())?;
            let with = with.ok_or_else(|| {
                Thrown::npe(Some(
                    "Cannot invoke \"String.length()\" because \"str\" is null".into(),
                ))
            })?;
            b.splice(s, e, &with)?;
            drop(b);
            Ok(recv.clone())
        }
        ("replaceAll", 2) | ("replaceFirst", 2) => {
            if !matches!(&args[0], V::Obj(p) if matches!(&**p, Obj::Pattern(_))) {
                return Err(Thrown::iae(format!(
                    "dynamic method [{}, {name}/2] not found (only {name}(Pattern, Function) is allowlisted)",
                    cell.borrow().class_name()
                )));
            }
            let text = cell.borrow().to_string();
            super::regex::replace_with_fn(it, &text, &args[0], &args[1], name == "replaceAll")
        }
        ("reverse", 0) => {
            let mut b = cell.borrow_mut();
            let u = &mut b.units;
            u.reverse();
            // a pair reads low-high now: put it back in order (lone surrogates stay reversed)
            let mut i = 0;
            while i + 1 < u.len() {
                if is_low(u[i]) && is_high(u[i + 1]) {
                    u.swap(i, i + 1);
                    i += 1;
                }
                i += 1;
            }
            drop(b);
            Ok(recv.clone())
        }
        ("setCharAt", 2) => {
            let i = int(0)?;
            let c = arg_char(&args[1])?;
            let mut b = cell.borrow_mut();
            let i = check_index(i, b.units.len())?;
            b.units[i] = c;
            Ok(V::Null)
        }
        ("setLength", 1) => {
            let len = int(0)?;
            if len < 0 {
                return Err(sioobe(format!("String index out of range: {len}")));
            }
            crate::painless::interp::check_string(len as usize)?;
            let mut b = cell.borrow_mut();
            b.ensure(len as usize);
            b.units.resize(len as usize, 0);
            Ok(V::Null)
        }
        ("substring", 1) | ("substring", 2) | ("subSequence", 2) => {
            let start = int(0)?;
            let b = cell.borrow();
            let end = if n == 2 {
                int(1)?
            } else {
                b.units.len() as i32
            };
            let (s, e) = check_range(start, end, b.units.len())?;
            Ok(V::string(from_units(&b.units[s..e])))
        }
        ("toString", 0) => Ok(V::string(cell.borrow().to_string())),
        _ => Err(not_found(recv, name, n)),
    }
}

/// Painless's ingest `Json` helper: `load(String)` and `dump(def)` (compact).
pub fn json_api(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.len()) {
        ("load", 1) => {
            let s = arg_str(&args[0])?;
            match crate::value::json::parse(s, crate::value::json::Duplicates::Reject) {
                Ok(v) => Ok(from_value(&v)),
                Err(e) => Err(Thrown::iae(e)),
            }
        }
        ("dump", 1) => {
            let mut out = String::new();
            json_dump(&args[0], &mut out, 0)?;
            Ok(V::string(out))
        }
        ("dump", 2) => match &args[1] {
            V::Bool(false) => json_api("dump", vec![args[0].clone()]),
            _ => Err(Thrown::unsupported(Some(
                "Json.dump(value, true) (pretty printing) is not supported yet".into(),
            ))),
        },
        _ => Err(super::no_such()),
    }
}

/// Compact JSON in Java iteration order (what XContent would write for these collections).
fn json_dump(v: &V, out: &mut String, depth: usize) -> R<()> {
    if depth > 1000 {
        return Err(Thrown::iae("Iterable object is self-referencing itself"));
    }
    if let Some(s) = str_of(v) {
        crate::value::json::write_string(s, out);
        return Ok(());
    }
    if let Some(entries) = map_entries(v) {
        out.push('{');
        for (i, (k, val)) in entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            crate::value::json::write_string(&to_java_string(k), out);
            out.push(':');
            json_dump(val, out, depth + 1)?;
        }
        out.push('}');
        return Ok(());
    }
    if let Some(seq) = as_seq(v) {
        out.push('[');
        for (i, item) in seq.items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_dump(item, out, depth + 1)?;
        }
        out.push(']');
        return Ok(());
    }
    match to_value(v) {
        Ok(val) => {
            out.push_str(&val.to_json());
            Ok(())
        }
        Err(e) => Err(Thrown::iae(e)),
    }
}

/// `Processors` static helpers available to ingest scripts (ingest-common's painless extension).
pub fn processors(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.len()) {
        ("lowercase", 1) => Ok(V::string(java_lower(arg_str(&args[0])?))),
        ("uppercase", 1) => Ok(V::string(java_upper(arg_str(&args[0])?))),
        ("urlDecode", 1) => {
            let s = arg_str(&args[0])?;
            url_decode(s).map(V::string)
        }
        ("bytes", 1) => {
            let s = arg_str(&args[0])?;
            parse_bytes(s).map(V::Long)
        }
        ("json", 1) => {
            let s = arg_str(&args[0])?;
            // lenient: the first value only
            let lenient = crate::processors::json::parse_json_value(
                s,
                crate::value::json::Duplicates::Reject,
                false,
            );
            match lenient {
                Ok(v) => Ok(from_value(&v)),
                Err(e) => Err(Thrown::iae(e)),
            }
        }
        _ => Err(super::no_such()),
    }
}

pub fn url_decode(s: &str) -> R<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let h = s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match h {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        return Err(Thrown::iae(
                            "URLDecoder: Illegal hex characters in escape (%) pattern",
                        ))
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(crate::java::utf8_to_string_lossy(&out))
}

/// `ByteSizeValue.parseBytesSizeValue` for the `bytes` helper.
pub fn parse_bytes(s: &str) -> R<i64> {
    let lower = s.trim().to_ascii_lowercase();
    let units: [(&str, i64); 11] = [
        ("pb", 1 << 50),
        ("tb", 1 << 40),
        ("gb", 1 << 30),
        ("mb", 1 << 20),
        ("kb", 1 << 10),
        ("p", 1 << 50),
        ("t", 1 << 40),
        ("g", 1 << 30),
        ("m", 1 << 20),
        ("k", 1 << 10),
        ("b", 1),
    ];
    for (suffix, mult) in units {
        if let Some(num) = lower.strip_suffix(suffix) {
            let num = num.trim();
            if let Ok(v) = num.parse::<i64>() {
                return v.checked_mul(mult).ok_or_else(|| {
                    Thrown::iae(format!(
                        "Values greater than {} bytes are not supported: {s}",
                        i64::MAX
                    ))
                });
            }
            if let Ok(f) = crate::java::parse_double(num) {
                return Ok((f * mult as f64) as i64);
            }
            return Err(Thrown::new(
                "ElasticsearchParseException",
                format!("failed to parse setting [Ingest Field] with value [{s}]"),
            ));
        }
    }
    if lower == "-1" || lower == "0" {
        return Ok(lower.parse().unwrap_or(0));
    }
    Err(Thrown::new(
        "ElasticsearchParseException",
        format!("failed to parse setting [Ingest Field] with value [{s}] as a size in bytes: unit is missing or unrecognized"),
    ))
}

#[cfg(test)]
mod builder_tests {
    use super::*;
    use crate::painless::interp::Interp;
    use crate::painless::run_for_cli;
    use serde_json::{json, Value as J};

    /// `(caused_by type, reason)` of a failing script.
    fn error_of(src: &str) -> (J, J) {
        let got = run_for_cli(src, None, None);
        let cause = &got["error"]["caused_by"];
        (cause["type"].clone(), cause["reason"].clone())
    }

    #[test]
    fn exceptions_carry_the_jdk_17_messages() {
        let sioobe = "string_index_out_of_bounds_exception";
        let ioobe = "index_out_of_bounds_exception";
        let npe = "null_pointer_exception";
        let cases = [
            ("new StringBuilder('abc').setCharAt(3, (char) 'x')", sioobe, "index 3, length 3"),
            ("new StringBuilder('abc').charAt(-1)", sioobe, "index -1, length 3"),
            ("new StringBuilder('abc').deleteCharAt(3)", sioobe, "index 3, length 3"),
            ("new StringBuilder('abc').delete(4, 5)", sioobe, "start 4, end 3, length 3"),
            ("new StringBuilder('abc').substring(4)", sioobe, "start 4, end 3, length 3"),
            ("new StringBuilder('abc').substring(0, 4)", sioobe, "start 0, end 4, length 3"),
            ("new StringBuilder('abc').subSequence(2, 1)", sioobe, "start 2, end 1, length 3"),
            ("new StringBuilder('abc').replace(4, 5, 'X')", sioobe, "start 4, end 3, length 3"),
            (
                "new StringBuilder('abc').replace(0, 1, null)",
                npe,
                "Cannot invoke \"String.length()\" because \"str\" is null",
            ),
            ("new StringBuilder('abc').append('xyz', 2, 1)", ioobe, "start 2, end 1, length 3"),
            (
                "new StringBuilder('abc').appendCodePoint(-1)",
                "illegal_argument_exception",
                "Not a valid Unicode code point: 0xFFFFFFFF",
            ),
            ("new StringBuilder('abc').codePointAt(3)", sioobe, "index 3, length 3"),
            ("new StringBuilder('abc').codePointBefore(0)", sioobe, "String index out of range: 0"),
            ("new StringBuilder('abc').setLength(-1)", sioobe, "String index out of range: -1"),
            ("new StringBuilder('abc').insert(4, 'x')", sioobe, "offset 4, length 3"),
            (
                "new StringBuilder('abc').indexOf(null)",
                npe,
                "Cannot read field \"value\" because \"tgtStr\" is null",
            ),
            (
                "new StringBuilder('abc').getChars(0, 3, new char[2], 0)",
                ioobe,
                "start 0, end 3, length 2",
            ),
            (
                "new StringBuilder('abc').getChars(0, 3, new char[3], 2147483647)",
                ioobe,
                "start 2147483647, end -2147483646, length 3",
            ),
            (
                "new StringBuilder('abc').compareTo('abc')",
                "class_cast_exception",
                "class java.lang.String cannot be cast to class java.lang.StringBuilder (java.lang.String and java.lang.StringBuilder are in module java.base of loader 'bootstrap')",
            ),
            (
                "new StringBuilder('abc').compareTo(null)",
                npe,
                "Cannot read field \"value\" because \"another\" is null",
            ),
            ("'abc'.charAt(3)", sioobe, "String index out of range: 3"),
            ("'😀'.charAt(3)", sioobe, "index 3, length 2"),
            ("'abc'.codePointAt(3)", sioobe, "index 3, length 3"),
            ("'abc'.codePointBefore(4)", sioobe, "String index out of range: 4"),
            ("'abc'.subSequence(2, 1)", sioobe, "begin 2, end 1, length 3"),
            ("'abc'.getChars(0, 4, new char[3], 0)", sioobe, "begin 0, end 4, length 3"),
            ("'abc'.getChars(0, 3, new char[2], 0)", sioobe, "offset 0, count 3, length 2"),
            (
                "'abc'.getChars(0, 3, null, 0)",
                npe,
                "Cannot read the array length because \"dst\" is null",
            ),
            (
                "String.copyValueOf('abc'.toCharArray(), 2, 2)",
                sioobe,
                "offset 2, count 2, length 3",
            ),
            (
                "String.copyValueOf(null)",
                npe,
                "Cannot read the array length because \"value\" is null",
            ),
            (
                "'abc'.regionMatches(0, null, 0, 1)",
                npe,
                "Cannot read field \"value\" because \"other\" is null",
            ),
            (
                "'abc'.regionMatches(true, 0, null, 0, 1)",
                npe,
                "Cannot invoke \"String.length()\" because \"other\" is null",
            ),
        ];
        for (src, ty, reason) in cases {
            assert_eq!(error_of(src), (json!(ty), json!(reason)), "{src}");
        }
        // codePointCount and offsetByCodePoints throw a bare IndexOutOfBoundsException
        let (ty, _) = error_of("new StringBuilder('abc').offsetByCodePoints(0, 4)");
        assert_eq!(ty, json!(ioobe));
        let (ty, _) = error_of("'abc'.codePointCount(2, 1)");
        assert_eq!(ty, json!(ioobe));
    }

    #[test]
    fn unlisted_methods_stay_unknown() {
        for m in ["ensureCapacity(1)", "trimToSize()", "isEmpty()"] {
            let (ty, reason) = error_of(&format!("new StringBuilder('a').{m}"));
            assert_eq!(ty, json!("illegal_argument_exception"), "{m}");
            assert!(
                reason
                    .as_str()
                    .unwrap_or("")
                    .starts_with("dynamic method [java.lang.StringBuilder"),
                "{m}: {reason}"
            );
        }
    }

    /// `StringBuffer` has the same methods; the parser does not know its name yet, so this
    /// drives the object directly.
    #[test]
    fn string_buffer_is_its_own_class() {
        let program = crate::painless::parser::parse("1").expect("parse");
        let mut it = Interp::new(&program, V::Null);
        let sbuf = new_builder("StringBuffer", &[V::str("Hello")]).expect("new");
        let sb = new_builder("StringBuilder", &[V::str("Hello")]).expect("new");
        let call = |it: &mut Interp, recv: &V, name: &str, args: Vec<V>| {
            super::super::call_method(it, recv, name, args)
        };
        call(
            &mut it,
            &sbuf,
            "setCharAt",
            vec![V::Int(0), V::Char('J' as u16)],
        )
        .expect("set");
        call(&mut it, &sbuf, "append", vec![V::str("😀")]).expect("append");
        assert_eq!(to_java_string(&sbuf), "Jello😀");
        assert!(matches!(
            call(&mut it, &sbuf, "capacity", vec![]),
            Ok(V::Int(21))
        ));
        assert!(matches!(
            call(&mut it, &sbuf, "length", vec![]),
            Ok(V::Int(7))
        ));
        assert_eq!(class_name(&sbuf), "java.lang.StringBuffer");
        let V::Obj(o) = &sbuf else {
            panic!("not an object")
        };
        assert!(o.is_instance("StringBuffer") && o.is_instance("CharSequence"));
        assert!(!o.is_instance("StringBuilder"));
        let e = call(&mut it, &sbuf, "setCharAt", vec![V::Int(9), V::Char(1)])
            .err()
            .expect("an exception");
        assert_eq!(
            (e.class, e.msg.as_deref()),
            ("StringIndexOutOfBoundsException", Some("index 9, length 7"))
        );
        let e = call(&mut it, &sbuf, "compareTo", vec![sb.clone()])
            .err()
            .expect("an exception");
        assert_eq!(e.class, "ClassCastException");
        assert_eq!(
            e.msg.as_deref(),
            Some("class java.lang.StringBuilder cannot be cast to class java.lang.StringBuffer (java.lang.StringBuilder and java.lang.StringBuffer are in module java.base of loader 'bootstrap')")
        );
        let e = call(&mut it, &sbuf, "ensureCapacity", vec![V::Int(1)])
            .err()
            .expect("an exception");
        assert_eq!(
            e.msg.as_deref(),
            Some("dynamic method [java.lang.StringBuffer, ensureCapacity/1] not found")
        );
        let other = new_builder("StringBuffer", &[V::str("Jello")]).expect("new");
        assert!(matches!(
            call(&mut it, &sbuf, "compareTo", vec![other]),
            Ok(V::Int(2))
        ));
        assert!(matches!(
            call(&mut it, &sbuf, "substring", vec![V::Int(5)]),
            Ok(ref v) if str_of(v) == Some("😀")
        ));
    }
}
