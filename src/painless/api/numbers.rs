//! Boxed numbers, `Math`, `Integer`/`Long`/`Double`/`Float`/`Boolean`/`Character` statics, and
//! the digests behind the `sha1`/`sha256` augmentations.

use super::{arg_int, arg_str, not_found};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;
use crate::value::{format_java_double, format_java_float};

fn nfe(s: &str) -> Thrown {
    Thrown::new(
        "NumberFormatException",
        format!("For input string: \"{s}\""),
    )
}

fn num_arg(v: &V) -> R<Num> {
    match num_of(v) {
        Some(n) => Ok(n),
        None if v.is_null() => Err(Thrown::npe(None)),
        None => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [java.lang.Number].",
            class_name(v)
        ))),
    }
}

fn f64_arg(v: &V) -> R<f64> {
    num_arg(v).map(|n| n.as_f64())
}

fn long_arg(v: &V) -> R<i64> {
    match num_arg(v)? {
        Num::I(i) => Ok(i as i64),
        Num::L(l) => Ok(l),
        _ => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [long].",
            short_type_name(v)
        ))),
    }
}

pub fn parse_int(s: &str, radix: u32) -> R<i32> {
    parse_long_radix(s, radix)
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| {
            if radix == 10 {
                nfe(s)
            } else {
                Thrown::new(
                    "NumberFormatException",
                    format!("For input string: \"{s}\" under radix {radix}"),
                )
            }
        })
}

fn parse_long_radix(s: &str, radix: u32) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if !(2..=36).contains(&radix) || digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix))
    {
        return None;
    }
    let mag = i128::from_str_radix(digits, radix).ok()?;
    let v = if neg { -mag } else { mag };
    i64::try_from(v).ok()
}

pub fn parse_long(s: &str) -> R<i64> {
    parse_long_radix(s, 10).ok_or_else(|| nfe(s))
}

/// `Double.parseDouble`: trims, accepts `NaN`, `Infinity`, a trailing `d`/`f`, hex is rejected.
pub fn parse_double(s: &str) -> R<f64> {
    let t = s.trim_matches(|c: char| c <= ' ');
    if t.is_empty() {
        return Err(Thrown::new("NumberFormatException", "empty String"));
    }
    let body = t
        .strip_suffix(['d', 'D', 'f', 'F'])
        .filter(|b| !b.is_empty() && !b.ends_with(['e', 'E']))
        .unwrap_or(t);
    match body {
        "NaN" | "+NaN" | "-NaN" => return Ok(f64::NAN),
        "Infinity" | "+Infinity" => return Ok(f64::INFINITY),
        "-Infinity" => return Ok(f64::NEG_INFINITY),
        _ => {}
    }
    let ok = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !ok || body.contains("inf") {
        return Err(nfe(s));
    }
    body.parse::<f64>().map_err(|_| nfe(s))
}

pub fn boxed_call(recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    if let V::Bool(b) = recv {
        return match (name, n) {
            ("booleanValue", 0) => Ok(V::Bool(*b)),
            ("compareTo", 1) => match &args[0] {
                V::Bool(o) => Ok(V::Int((*b as i32) - (*o as i32))),
                _ => Err(Thrown::npe(None)),
            },
            _ => Err(not_found(recv, name, n)),
        };
    }
    if let V::Char(c) = recv {
        return match (name, n) {
            ("charValue", 0) => Ok(V::Char(*c)),
            ("compareTo", 1) => match &args[0] {
                V::Char(o) => Ok(V::Int(*c as i32 - *o as i32)),
                _ => Err(Thrown::npe(None)),
            },
            _ => Err(not_found(recv, name, n)),
        };
    }
    let x = num_arg(recv)?;
    match (name, n) {
        ("intValue", 0) => Ok(V::Int(x.as_i32())),
        ("longValue", 0) => Ok(V::Long(x.as_i64())),
        ("doubleValue", 0) => Ok(V::Double(x.as_f64())),
        ("floatValue", 0) => Ok(V::Float(x.as_f32())),
        ("shortValue", 0) => Ok(V::Short(x.as_i32() as i16)),
        ("byteValue", 0) => Ok(V::Byte(x.as_i32() as i8)),
        ("isNaN", 0) => Ok(V::Bool(x.as_f64().is_nan())),
        ("isInfinite", 0) => Ok(V::Bool(x.as_f64().is_infinite())),
        ("compareTo", 1) => {
            if class_name(recv) != class_name(&args[0]) {
                return Err(Thrown::cce(format!(
                    "class {} cannot be cast to class {}",
                    class_name(&args[0]),
                    class_name(recv)
                )));
            }
            compare_values(recv, &args[0]).map(|o| V::Int(o as i32))
        }
        _ => Err(not_found(recv, name, n)),
    }
}

/// `Math.round`: exact round-half-up (`x - floor(x)` is exact for doubles).
fn java_round(d: f64) -> i64 {
    if d.is_nan() {
        return 0;
    }
    let f = d.floor();
    let r = if d - f >= 0.5 { f + 1.0 } else { f };
    r as i64
}

pub fn call_static(class: &str, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    let a = |i: usize| -> &V { &args[i] };
    match class {
        "Math" | "StrictMath" => {
            let d1 = |f: fn(f64) -> f64| -> R<V> { Ok(V::Double(f(f64_arg(a(0))?))) };
            match (name, n) {
                ("abs", 1) => Ok(match num_arg(a(0))? {
                    Num::I(i) => V::Int(i.wrapping_abs()),
                    Num::L(l) => V::Long(l.wrapping_abs()),
                    Num::F(f) => V::Float(f.abs()),
                    Num::D(d) => V::Double(d.abs()),
                }),
                ("max", 2) | ("min", 2) => {
                    let (x, y) = (num_arg(a(0))?, num_arg(a(1))?);
                    let max = name == "max";
                    Ok(match promote(&x, &y) {
                        NumKind::Int => {
                            let (p, q) = (x.as_i32(), y.as_i32());
                            V::Int(if max { p.max(q) } else { p.min(q) })
                        }
                        NumKind::Long => {
                            let (p, q) = (x.as_i64(), y.as_i64());
                            V::Long(if max { p.max(q) } else { p.min(q) })
                        }
                        NumKind::Float => {
                            let (p, q) = (x.as_f32(), y.as_f32());
                            V::Float(if p.is_nan() || q.is_nan() {
                                f32::NAN
                            } else if max {
                                p.max(q)
                            } else {
                                p.min(q)
                            })
                        }
                        NumKind::Double => {
                            let (p, q) = (x.as_f64(), y.as_f64());
                            V::Double(if p.is_nan() || q.is_nan() {
                                f64::NAN
                            } else if max {
                                p.max(q)
                            } else {
                                p.min(q)
                            })
                        }
                    })
                }
                ("pow", 2) => Ok(V::Double(f64_arg(a(0))?.powf(f64_arg(a(1))?))),
                ("sqrt", 1) => d1(f64::sqrt),
                ("cbrt", 1) => d1(f64::cbrt),
                ("floor", 1) => d1(f64::floor),
                ("ceil", 1) => d1(f64::ceil),
                ("rint", 1) => d1(|d| {
                    let r = d.round();
                    if (d - d.trunc()).abs() == 0.5 {
                        2.0 * (d / 2.0).round()
                    } else {
                        r
                    }
                }),
                ("exp", 1) => d1(f64::exp),
                ("expm1", 1) => d1(f64::exp_m1),
                ("log", 1) => d1(f64::ln),
                ("log10", 1) => d1(f64::log10),
                ("log1p", 1) => d1(f64::ln_1p),
                ("sin", 1) => d1(f64::sin),
                ("cos", 1) => d1(f64::cos),
                ("tan", 1) => d1(f64::tan),
                ("asin", 1) => d1(f64::asin),
                ("acos", 1) => d1(f64::acos),
                ("atan", 1) => d1(f64::atan),
                ("sinh", 1) => d1(f64::sinh),
                ("cosh", 1) => d1(f64::cosh),
                ("tanh", 1) => d1(f64::tanh),
                ("toRadians", 1) => d1(f64::to_radians),
                ("toDegrees", 1) => d1(f64::to_degrees),
                ("signum", 1) => match num_arg(a(0))? {
                    Num::F(f) => Ok(V::Float(if f == 0.0 || f.is_nan() {
                        f
                    } else {
                        f.signum()
                    })),
                    x => {
                        let d = x.as_f64();
                        Ok(V::Double(if d == 0.0 || d.is_nan() {
                            d
                        } else {
                            d.signum()
                        }))
                    }
                },
                ("atan2", 2) => Ok(V::Double(f64_arg(a(0))?.atan2(f64_arg(a(1))?))),
                ("hypot", 2) => Ok(V::Double(f64_arg(a(0))?.hypot(f64_arg(a(1))?))),
                ("round", 1) => match num_arg(a(0))? {
                    Num::F(f) => {
                        if f.is_nan() {
                            return Ok(V::Int(0));
                        }
                        let fl = f.floor();
                        let r = if f - fl >= 0.5 { fl + 1.0 } else { fl };
                        Ok(V::Int(r as i32))
                    }
                    x => Ok(V::Long(java_round(x.as_f64()))),
                },
                ("floorDiv", 2) | ("floorMod", 2) => {
                    let (x, y) = (num_arg(a(0))?, num_arg(a(1))?);
                    let long = promote(&x, &y) == NumKind::Long;
                    let (p, q) = (x.as_i64(), y.as_i64());
                    if q == 0 {
                        return Err(Thrown::new("ArithmeticException", "/ by zero"));
                    }
                    // Math.floorDiv / floorMod, with Java's wrap-around for MIN / -1
                    let (p, q) = if long {
                        (p, q)
                    } else {
                        (p as i32 as i64, q as i32 as i64)
                    };
                    let d = p.wrapping_div(q);
                    let m = p.wrapping_rem(q);
                    let r = if name == "floorDiv" {
                        if m != 0 && ((p < 0) != (q < 0)) {
                            d.wrapping_sub(1)
                        } else {
                            d
                        }
                    } else if m != 0 && ((m < 0) != (q < 0)) {
                        m.wrapping_add(q)
                    } else {
                        m
                    };
                    let r = if long { r } else { (r as i32) as i64 };
                    Ok(if long { V::Long(r) } else { V::Int(r as i32) })
                }
                _ => Err(super::no_such()),
            }
        }
        "Integer" | "Long" | "Short" | "Byte" => {
            let long = class == "Long";
            match (name, n) {
                ("parseInt", 1)
                | ("parseLong", 1)
                | ("valueOf", 1)
                | ("parseShort", 1)
                | ("parseByte", 1)
                    if str_of(a(0)).is_some() || a(0).is_null() =>
                {
                    let s = match str_of(a(0)) {
                        Some(s) => s,
                        None => {
                            return Err(Thrown::new(
                                "NumberFormatException",
                                "Cannot parse null string: null",
                            ))
                        }
                    };
                    match class {
                        "Long" => parse_long(s).map(V::Long),
                        "Integer" => parse_int(s, 10).map(V::Int),
                        "Short" => {
                            let v = parse_int(s, 10)?;
                            i16::try_from(v).map(V::Short).map_err(|_| {
                                Thrown::new(
                                    "NumberFormatException",
                                    format!("Value out of range. Value:\"{s}\" Radix:10"),
                                )
                            })
                        }
                        _ => {
                            let v = parse_int(s, 10)?;
                            i8::try_from(v).map(V::Byte).map_err(|_| {
                                Thrown::new(
                                    "NumberFormatException",
                                    format!("Value out of range. Value:\"{s}\" Radix:10"),
                                )
                            })
                        }
                    }
                }
                ("valueOf", 1) => match (class, a(0)) {
                    ("Integer", v) => {
                        crate::painless::interp::coerce(v.clone(), &crate::painless::ast::Ty::Int)
                    }
                    ("Long", v) => {
                        crate::painless::interp::coerce(v.clone(), &crate::painless::ast::Ty::Long)
                    }
                    _ => Err(super::no_such()),
                },
                ("parseInt", 2) | ("parseLong", 2) | ("valueOf", 2) => {
                    let s = arg_str(a(0))?;
                    let radix = arg_int(a(1))? as u32;
                    if long {
                        parse_long_radix(s, radix).map(V::Long).ok_or_else(|| {
                            Thrown::new(
                                "NumberFormatException",
                                format!("For input string: \"{s}\" under radix {radix}"),
                            )
                        })
                    } else {
                        parse_int(s, radix).map(V::Int)
                    }
                }
                ("toString", 1) => Ok(V::string(to_java_string(a(0)))),
                ("toString", 2) => {
                    let v = long_arg(a(0))?;
                    let radix = arg_int(a(1))?;
                    Ok(V::string(to_radix(v, radix as u32)))
                }
                ("toHexString", 1) | ("toBinaryString", 1) | ("toOctalString", 1) => {
                    let v = long_arg(a(0))?;
                    let u: u64 = if long {
                        v as u64
                    } else {
                        v as i32 as u32 as u64
                    };
                    Ok(V::string(match name {
                        "toHexString" => format!("{u:x}"),
                        "toBinaryString" => format!("{u:b}"),
                        _ => format!("{u:o}"),
                    }))
                }
                ("max", 2) | ("min", 2) | ("sum", 2) => {
                    let (x, y) = (long_arg(a(0))?, long_arg(a(1))?);
                    let r = match name {
                        "max" => x.max(y),
                        "min" => x.min(y),
                        _ => {
                            if long {
                                x.wrapping_add(y)
                            } else {
                                (x as i32).wrapping_add(y as i32) as i64
                            }
                        }
                    };
                    Ok(if long { V::Long(r) } else { V::Int(r as i32) })
                }
                ("compare", 2) => {
                    let (x, y) = (long_arg(a(0))?, long_arg(a(1))?);
                    Ok(V::Int(x.cmp(&y) as i32))
                }
                ("signum", 1) => Ok(V::Int(long_arg(a(0))?.signum() as i32)),
                ("bitCount", 1) => {
                    let v = long_arg(a(0))?;
                    Ok(V::Int(if long {
                        v.count_ones() as i32
                    } else {
                        (v as i32).count_ones() as i32
                    }))
                }
                ("hashCode", 1) => Ok(V::Int(hash_code(a(0)))),
                _ => Err(super::no_such()),
            }
        }
        "Double" | "Float" => match (name, n) {
            ("parseDouble", 1) | ("parseFloat", 1) | ("valueOf", 1)
                if str_of(a(0)).is_some() || a(0).is_null() =>
            {
                let s = str_of(a(0)).ok_or_else(|| Thrown::npe(None))?;
                let d = parse_double(s)?;
                Ok(if class == "Float" {
                    V::Float(d as f32)
                } else {
                    V::Double(d)
                })
            }
            ("valueOf", 1) => {
                let d = f64_arg(a(0))?;
                Ok(if class == "Float" {
                    V::Float(d as f32)
                } else {
                    V::Double(d)
                })
            }
            ("toString", 1) => {
                let d = f64_arg(a(0))?;
                Ok(V::string(if class == "Float" {
                    format_java_float(d as f32)
                } else {
                    format_java_double(d)
                }))
            }
            ("isNaN", 1) => Ok(V::Bool(f64_arg(a(0))?.is_nan())),
            ("isInfinite", 1) => Ok(V::Bool(f64_arg(a(0))?.is_infinite())),
            ("isFinite", 1) => Ok(V::Bool(f64_arg(a(0))?.is_finite())),
            ("compare", 2) => Ok(V::Int(crate::painless::rt::java_double_cmp(
                f64_arg(a(0))?,
                f64_arg(a(1))?,
            ) as i32)),
            ("max", 2) | ("min", 2) | ("sum", 2) => {
                let (x, y) = (f64_arg(a(0))?, f64_arg(a(1))?);
                let r = match name {
                    "max" => {
                        if x.is_nan() || y.is_nan() {
                            f64::NAN
                        } else {
                            x.max(y)
                        }
                    }
                    "min" => {
                        if x.is_nan() || y.is_nan() {
                            f64::NAN
                        } else {
                            x.min(y)
                        }
                    }
                    _ => x + y,
                };
                Ok(if class == "Float" {
                    V::Float(r as f32)
                } else {
                    V::Double(r)
                })
            }
            _ => Err(super::no_such()),
        },
        "Boolean" => match (name, n) {
            ("parseBoolean", 1) | ("valueOf", 1) => match a(0) {
                V::Bool(b) => Ok(V::Bool(*b)),
                v => Ok(V::Bool(
                    str_of(v)
                        .map(|s| s.eq_ignore_ascii_case("true"))
                        .unwrap_or(false),
                )),
            },
            ("toString", 1) => Ok(V::string(to_java_string(a(0)))),
            ("compare", 2) => match (a(0), a(1)) {
                (V::Bool(x), V::Bool(y)) => Ok(V::Int(*x as i32 - *y as i32)),
                _ => Err(Thrown::npe(None)),
            },
            ("logicalAnd", 2) | ("logicalOr", 2) | ("logicalXor", 2) => match (a(0), a(1)) {
                (V::Bool(x), V::Bool(y)) => Ok(V::Bool(match name {
                    "logicalAnd" => *x && *y,
                    "logicalOr" => *x || *y,
                    _ => x ^ y,
                })),
                _ => Err(Thrown::npe(None)),
            },
            _ => Err(super::no_such()),
        },
        "Character" => {
            let c = match a(0) {
                V::Char(c) => char::from_u32(*c as u32).unwrap_or('\u{fffd}'),
                V::Int(i) => char::from_u32(*i as u32).unwrap_or('\u{fffd}'),
                V::Null => return Err(Thrown::npe(None)),
                other => {
                    return Err(Thrown::cce(format!(
                        "Cannot cast from [{}] to [char].",
                        short_type_name(other)
                    )))
                }
            };
            let is_int = matches!(a(0), V::Int(_));
            match (name, n) {
                ("isDigit", 1) => Ok(V::Bool(c.is_numeric())),
                ("isLetter", 1) => Ok(V::Bool(c.is_alphabetic())),
                ("isLetterOrDigit", 1) => Ok(V::Bool(c.is_alphanumeric())),
                ("isAlphabetic", 1) => Ok(V::Bool(c.is_alphabetic())),
                ("isWhitespace", 1) => Ok(V::Bool(
                    matches!(
                        c,
                        '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\r' | '\u{1c}'..='\u{1f}'
                    ) || (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')),
                )),
                ("isSpaceChar", 1) => Ok(V::Bool(
                    c == ' ' || c == '\u{a0}' || c.is_whitespace() && !c.is_control(),
                )),
                ("isUpperCase", 1) => Ok(V::Bool(c.is_uppercase())),
                ("isLowerCase", 1) => Ok(V::Bool(c.is_lowercase())),
                ("toUpperCase", 1) | ("toLowerCase", 1) => {
                    let mapped: Vec<char> = if name == "toUpperCase" {
                        c.to_uppercase().collect()
                    } else {
                        c.to_lowercase().collect()
                    };
                    let r = if mapped.len() == 1 { mapped[0] } else { c };
                    Ok(if is_int {
                        V::Int(r as i32)
                    } else {
                        V::Char(r as u32 as u16)
                    })
                }
                ("getNumericValue", 1) => {
                    Ok(V::Int(c.to_digit(36).map(|d| d as i32).unwrap_or(-1)))
                }
                ("toString", 1) | ("valueOf", 1) if name == "toString" => {
                    Ok(V::string(c.to_string()))
                }
                ("valueOf", 1) => Ok(V::Char(c as u32 as u16)),
                ("digit", 2) => {
                    let radix = arg_int(a(1))? as u32;
                    if !(2..=36).contains(&radix) {
                        return Ok(V::Int(-1));
                    }
                    Ok(V::Int(c.to_digit(radix).map(|d| d as i32).unwrap_or(-1)))
                }
                _ => Err(super::no_such()),
            }
        }
        _ => Err(super::no_such()),
    }
}

fn to_radix(v: i64, radix: u32) -> String {
    if !(2..=36).contains(&radix) || radix == 10 {
        return v.to_string();
    }
    let neg = v < 0;
    let mut u = (v as i128).unsigned_abs();
    if u == 0 {
        return "0".into();
    }
    let mut digits = Vec::new();
    while u > 0 {
        digits.push(std::char::from_digit((u % radix as u128) as u32, radix).unwrap_or('?'));
        u /= radix as u128;
    }
    if neg {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

pub fn static_field(class: &str, name: &str) -> R<V> {
    Ok(match (class, name) {
        ("Integer", "MAX_VALUE") => V::Int(i32::MAX),
        ("Integer", "MIN_VALUE") => V::Int(i32::MIN),
        ("Long", "MAX_VALUE") => V::Long(i64::MAX),
        ("Long", "MIN_VALUE") => V::Long(i64::MIN),
        ("Short", "MAX_VALUE") => V::Short(i16::MAX),
        ("Short", "MIN_VALUE") => V::Short(i16::MIN),
        ("Byte", "MAX_VALUE") => V::Byte(i8::MAX),
        ("Byte", "MIN_VALUE") => V::Byte(i8::MIN),
        ("Character", "MAX_VALUE") => V::Char(u16::MAX),
        ("Character", "MIN_VALUE") => V::Char(0),
        ("Double", "MAX_VALUE") => V::Double(f64::MAX),
        ("Double", "MIN_VALUE") => V::Double(f64::from_bits(1)),
        ("Double", "POSITIVE_INFINITY") => V::Double(f64::INFINITY),
        ("Double", "NEGATIVE_INFINITY") => V::Double(f64::NEG_INFINITY),
        ("Double", "NaN") => V::Double(f64::NAN),
        ("Float", "MAX_VALUE") => V::Float(f32::MAX),
        ("Float", "MIN_VALUE") => V::Float(f32::from_bits(1)),
        ("Float", "POSITIVE_INFINITY") => V::Float(f32::INFINITY),
        ("Float", "NEGATIVE_INFINITY") => V::Float(f32::NEG_INFINITY),
        ("Float", "NaN") => V::Float(f32::NAN),
        ("Math", "PI") => V::Double(std::f64::consts::PI),
        ("Math", "E") => V::Double(std::f64::consts::E),
        ("Boolean", "TRUE") => V::Bool(true),
        ("Boolean", "FALSE") => V::Bool(false),
        _ => {
            return Err(Thrown::iae(format!(
                "unknown static field [{name}] for class [{class}]"
            )))
        }
    })
}

pub fn sha1(data: &[u8]) -> Vec<u8> {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    for block in pad_message(data).chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([
                block[4 * i],
                block[4 * i + 1],
                block[4 * i + 2],
                block[4 * i + 3],
            ]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
        h[4] = h[4].wrapping_add(e);
    }
    h.iter().flat_map(|x| x.to_be_bytes()).collect()
}

fn pad_message(data: &[u8]) -> Vec<u8> {
    let mut m = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend_from_slice(&bits.to_be_bytes());
    m
}

pub fn sha256(data: &[u8]) -> Vec<u8> {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    for block in pad_message(data).chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([
                block[4 * i],
                block[4 * i + 1],
                block[4 * i + 2],
                block[4 * i + 3],
            ]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    h.iter().flat_map(|x| x.to_be_bytes()).collect()
}

pub fn sha512(data: &[u8]) -> Vec<u8> {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut m = data.to_vec();
    let bits = (data.len() as u128).wrapping_mul(8);
    m.push(0x80);
    while m.len() % 128 != 112 {
        m.push(0);
    }
    m.extend_from_slice(&bits.to_be_bytes());
    for block in m.chunks(128) {
        let mut w = [0u64; 80];
        for i in 0..16 {
            let mut b = [0u8; 8];
            b.copy_from_slice(&block[8 * i..8 * i + 8]);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    h.iter().flat_map(|x| x.to_be_bytes()).collect()
}
