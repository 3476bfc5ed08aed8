//! `String` (with Painless's augmentations), `StringBuilder`, `String.format` and the ingest
//! `Processors` helpers. Indexes are UTF-16 code units, as in Java.

use super::{arg_int, arg_str, not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn from_units(u: &[u16]) -> String {
    String::from_utf16_lossy(u)
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
            let u = units(s);
            if i < 0 || i as usize >= u.len() {
                return Err(sioobe(format!(
                    "Index {i} out of bounds for length {}",
                    u.len()
                )));
            }
            Ok(V::Char(u[i as usize]))
        }
        ("substring", 1) | ("substring", 2) => {
            let u = units(s);
            let b = arg_int(&args[0])?;
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
            let r = if name == "indexOf" {
                let from = if n == 2 {
                    arg_int(&args[1])?.max(0) as usize
                } else {
                    0
                };
                if from > u.len() {
                    if needle.is_empty() {
                        Some(u.len())
                    } else {
                        None
                    }
                } else {
                    find_units(&u, &needle, from)
                }
            } else {
                let from = if n == 2 {
                    let f = arg_int(&args[1])?;
                    if f < 0 {
                        return Ok(V::Int(-1));
                    }
                    f as usize
                } else {
                    u.len()
                };
                rfind_units(&u, &needle, from)
            };
            Ok(V::Int(r.map(|i| i as i32).unwrap_or(-1)))
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
        ("equalsIgnoreCase", 1) => Ok(V::Bool(match str_of(&args[0]) {
            Some(o) => {
                let (a, b) = (units(s), units(o));
                a.len() == b.len()
                    && a.iter().zip(b.iter()).all(|(x, y)| {
                        let (cx, cy) = (
                            char::from_u32(*x as u32).unwrap_or('\0'),
                            char::from_u32(*y as u32).unwrap_or('\0'),
                        );
                        x == y
                            || cx.to_uppercase().eq(cy.to_uppercase())
                            || cx.to_lowercase().eq(cy.to_lowercase())
                    })
            }
            None => false,
        })),
        ("compareTo", 1) => {
            let o = arg_str(&args[0])?;
            Ok(V::Int(java_compare_to(s, o)))
        }
        ("compareToIgnoreCase", 1) => {
            let o = arg_str(&args[0])?;
            Ok(V::Int(java_compare_to(
                &java_lower(&java_upper(s)),
                &java_lower(&java_upper(o)),
            )))
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
        ("chars", 0) => Ok(V::obj(Obj::Stream(std::cell::RefCell::new(
            units(s).into_iter().map(|c| V::Int(c as i32)).collect(),
        )))),
        ("codePointAt", 1) => {
            let i = arg_int(&args[0])?;
            let u = units(s);
            if i < 0 || i as usize >= u.len() {
                return Err(sioobe(format!(
                    "Index {i} out of bounds for length {}",
                    u.len()
                )));
            }
            let cp = char::decode_utf16(u[i as usize..].iter().copied())
                .next()
                .and_then(|r| r.ok())
                .map(|c| c as i32)
                .unwrap_or(u[i as usize] as i32);
            Ok(V::Int(cp))
        }
        ("splitOnToken", 1) | ("splitOnToken", 2) => {
            let token = arg_str(&args[0])?;
            let limit = if n == 2 { arg_int(&args[1])? } else { 0 };
            Ok(split_on_token(s, token, limit)?)
        }
        ("encodeBase64", 0) => Ok(V::string(base64_encode(s.as_bytes()))),
        ("decodeBase64", 0) => match base64_decode(s) {
            Some(b) => Ok(V::string(String::from_utf8_lossy(&b).into_owned())),
            None => Err(Thrown::iae("Illegal base64 character")),
        },
        ("sha1", 0) => Ok(V::string(hex(&super::numbers::sha1(s.as_bytes())))),
        ("sha256", 0) => Ok(V::string(hex(&super::numbers::sha256(s.as_bytes())))),
        ("sha512", 0) => Ok(V::string(hex(&super::numbers::sha512(s.as_bytes())))),
        ("codePointCount", 2) => {
            let (b, e) = (arg_int(&args[0])?, arg_int(&args[1])?);
            let u = units(s);
            if b < 0 || e as usize > u.len() || b > e {
                return Err(Thrown::bare("IndexOutOfBoundsException"));
            }
            Ok(V::Int(
                char::decode_utf16(u[b as usize..e as usize].iter().copied()).count() as i32,
            ))
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
fn split_on_token(s: &str, token: &str, limit: i32) -> R<V> {
    if token.is_empty() {
        return Err(Thrown::iae("Cannot split on empty token"));
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut rest = s;
    loop {
        if limit > 0 && parts.len() as i32 == limit - 1 {
            parts.push(rest);
            break;
        }
        match rest.find(token) {
            Some(p) => {
                parts.push(&rest[..p]);
                rest = &rest[p + token.len()..];
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    if limit == 0 {
        while parts.len() > 1 && parts.last() == Some(&"") {
            parts.pop();
        }
        if parts.len() == 1 && parts[0].is_empty() && !s.is_empty() {
            parts.clear();
        }
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
pub fn base64_call(recv: &V, enc: bool, url: bool, name: &str, args: Vec<V>) -> R<V> {
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
            let raw = bytes_of(&args[0])?;
            let mut text = String::from_utf8_lossy(&raw).into_owned();
            if url {
                if text.contains(['+', '/']) {
                    return Err(Thrown::iae("Illegal base64 character 2b"));
                }
                text = text.replace('-', "+").replace('_', "/");
            } else if let Some(bad) = text.chars().find(|c| *c == '-' || *c == '_') {
                return Err(Thrown::iae(format!(
                    "Illegal base64 character {:x}",
                    bad as u32
                )));
            }
            match base64_decode(&text) {
                Some(b) => Ok(byte_array(&b)),
                None => {
                    let bad = text
                        .chars()
                        .find(|c| {
                            !(c.is_ascii_alphanumeric() || *c == '+' || *c == '/' || *c == '=')
                        })
                        .map(|c| c as u32)
                        .unwrap_or(0);
                    Err(Thrown::iae(format!("Illegal base64 character {bad:x}")))
                }
            }
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

pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        if c == b'=' {
            break;
        }
        let v = B64.iter().position(|x| *x == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
    }
    Some(out)
}

pub fn call_static(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.len()) {
        ("valueOf", 1) | ("copyValueOf", 1) => match &args[0] {
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
            let parts: Vec<String> = items.iter().map(to_java_string).collect();
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
            let rest: Vec<V> = match arr {
                V::Array(a) => a.borrow().items.clone(),
                V::Null => Vec::new(),
                other => {
                    return Err(Thrown::cce(format!(
                        "Cannot cast from [{}] to [def[]].",
                        short_type_name(other)
                    )))
                }
            };
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

pub fn builder_call(recv: &V, o: &Obj, name: &str, args: Vec<V>) -> R<V> {
    let Obj::StringBuilder(sb) = o else {
        return Err(not_found(recv, name, args.len()));
    };
    match (name, args.len()) {
        ("append", 1) => {
            let t = to_java_string(&args[0]);
            crate::painless::interp::check_string(sb.borrow().len() + t.len())?;
            sb.borrow_mut().push_str(&t);
            Ok(recv.clone())
        }
        ("length", 0) => Ok(V::Int(sb.borrow().encode_utf16().count() as i32)),
        ("toString", 0) => Ok(V::string(sb.borrow().clone())),
        ("reverse", 0) => {
            let r: String = sb.borrow().chars().rev().collect();
            *sb.borrow_mut() = r;
            Ok(recv.clone())
        }
        ("setLength", 1) => {
            let n = arg_int(&args[0])?.max(0) as usize;
            let u = units(&sb.borrow());
            let mut u = u;
            u.resize(n, 0);
            *sb.borrow_mut() = from_units(&u);
            Ok(V::Null)
        }
        ("insert", 2) => {
            let i = arg_int(&args[0])?;
            let mut u = units(&sb.borrow());
            if i < 0 || i as usize > u.len() {
                return Err(sioobe(format!("offset {i}, length {}", u.len())));
            }
            let ins = units(&to_java_string(&args[1]));
            u.splice(i as usize..i as usize, ins);
            *sb.borrow_mut() = from_units(&u);
            Ok(recv.clone())
        }
        ("charAt", 1) => {
            let i = arg_int(&args[0])?;
            let u = units(&sb.borrow());
            u.get(i as usize)
                .map(|c| V::Char(*c))
                .ok_or_else(|| sioobe(format!("index {i},length {}", u.len())))
        }
        _ => Err(not_found(recv, name, args.len())),
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
            match crate::value::json::parse_first(s, crate::value::json::Duplicates::Reject) {
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
    Ok(String::from_utf8_lossy(&out).into_owned())
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
            if let Ok(f) = num.parse::<f64>() {
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
