//! Boxed numbers, `Math`/`StrictMath`, `Integer`/`Long`/`Short`/`Byte`/`Double`/`Float`/`Boolean`
//! statics, and the digests behind the `sha1`/`sha256` augmentations.

use super::{arg_int, arg_str, fdlibm, not_found};
use crate::painless::ast::Ty;
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;
use crate::value::{format_java_double, format_java_float};

/// An argument passed where the allowlisted overload has a typed parameter: Painless converts a
/// `def` implicitly (`Def.defToStringImplicit`, `defTointImplicit`, ...) and fails as they do.
fn implicit(v: &V, ty: Ty) -> R<V> {
    crate::painless::interp::coerce(v.clone(), &ty)
}

/// The primitive a boxed class wraps.
fn primitive_of(class: &str) -> Ty {
    match class {
        "Long" => Ty::Long,
        "Short" => Ty::Short,
        "Byte" => Ty::Byte,
        "Double" => Ty::Double,
        "Float" => Ty::Float,
        "Boolean" => Ty::Bool,
        "Character" => Ty::Char,
        _ => Ty::Int,
    }
}

/// The `parseX(String)` / `parseX(String, int)` method of a boxed integral class.
fn parse_method(class: &str) -> &'static str {
    match class {
        "Long" => "parseLong",
        "Short" => "parseShort",
        "Byte" => "parseByte",
        _ => "parseInt",
    }
}

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

pub(super) fn f64_arg(v: &V) -> R<f64> {
    num_arg(v).map(|n| n.as_f64())
}

pub(super) fn long_arg(v: &V) -> R<i64> {
    match num_arg(v)? {
        Num::I(i) => Ok(i as i64),
        Num::L(l) => Ok(l),
        _ => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [long].",
            short_type_name(v)
        ))),
    }
}

/// `NumberFormatException.forInputString(s, radix)`.
fn radix_nfe(s: &str, radix: u32) -> Thrown {
    if radix == 10 {
        nfe(s)
    } else {
        Thrown::new(
            "NumberFormatException",
            format!("For input string: \"{s}\" under radix {radix}"),
        )
    }
}

pub fn parse_int(s: &str, radix: u32) -> R<i32> {
    crate::java::parse_radix(s, radix)
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| radix_nfe(s, radix))
}

pub fn parse_long(s: &str) -> R<i64> {
    crate::java::parse_radix(s, 10).ok_or_else(|| nfe(s))
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
            match (recv, &args[0]) {
                // Byte.compareTo and Short.compareTo return `x - y` (Byte.compare), the others
                // -1/0/1
                (V::Byte(x), V::Byte(y)) => Ok(V::Int(*x as i32 - *y as i32)),
                (V::Short(x), V::Short(y)) => Ok(V::Int(*x as i32 - *y as i32)),
                _ => compare_values(recv, &args[0]).map(|o| V::Int(o as i32)),
            }
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

/// `Math.max(double, double)`: NaN wins, and `0.0` is larger than `-0.0`.
fn java_max(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() {
            y
        } else {
            x
        }
    } else if x >= y {
        x
    } else {
        y
    }
}

/// `Math.nextUp(double)`.
fn next_up(d: f64) -> f64 {
    if d.is_nan() || d == f64::INFINITY {
        d
    } else if d == 0.0 {
        f64::from_bits(1)
    } else if d > 0.0 {
        f64::from_bits(d.to_bits() + 1)
    } else {
        f64::from_bits(d.to_bits() - 1)
    }
}

/// `Math.scalb(d, k)`: `d × 2^k`, rounded once.
fn scalb(d: f64, k: i32) -> f64 {
    // steps of at most 2^1000 keep every intermediate exact until the last one
    let mut d = d;
    let mut k = k.clamp(-2200, 2200);
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        d *= 2f64.powi(step);
        k -= step;
    }
    d
}

/// `Math.IEEEremainder(x, y)`: `x - y × n` with `n` the integer nearest `x / y` (ties to even).
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let r = x % y;
    let half = y.abs() / 2.0;
    let mut out = if r.abs() > half || (r.abs() == half && ((x - r) / y) % 2.0 != 0.0) {
        r - y.abs() * r.signum()
    } else {
        r
    };
    if out == 0.0 {
        out = 0.0f64.copysign(x);
    }
    out
}

/// `Math.random()`: uniform in [0, 1), from the standard library's randomly keyed hasher.
fn random_unit() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0x9e37_79b9_7f4a_7c15);
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

pub fn call_static(class: &str, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    let a = |i: usize| -> &V { &args[i] };
    match class {
        "Math" | "StrictMath" => {
            // StrictMath is fdlibm, and HotSpot's Math delegates to it except for the functions
            // it has intrinsics for (sin, cos, tan, exp, log, log10, pow): those are the
            // platform's, and glibc's come closest to HotSpot's x86_64 stubs
            let strict = class == "StrictMath";
            let d1 = |f: fn(f64) -> f64| -> R<V> { Ok(V::Double(f(f64_arg(a(0))?))) };
            match (name, n) {
                // Painless allowlists only the double overloads of `java.lang.Math`
                // (java.lang.txt): `Math.abs(-5)` is `5.0` and `Math.max(1, 2)` is `2.0`
                ("abs", 1) => d1(f64::abs),
                ("max", 2) | ("min", 2) => {
                    let (x, y) = (f64_arg(a(0))?, f64_arg(a(1))?);
                    Ok(V::Double(if name == "max" {
                        java_max(x, y)
                    } else {
                        -java_max(-x, -y)
                    }))
                }
                ("copySign", 2) => Ok(V::Double(f64_arg(a(0))?.copysign(f64_arg(a(1))?))),
                ("IEEEremainder", 2) => {
                    let (x, y) = (f64_arg(a(0))?, f64_arg(a(1))?);
                    Ok(V::Double(ieee_remainder(x, y)))
                }
                ("nextUp", 1) => d1(next_up),
                ("nextDown", 1) => d1(|d| -next_up(-d)),
                ("nextAfter", 2) => {
                    let (x, y) = (f64_arg(a(0))?, f64_arg(a(1))?);
                    Ok(V::Double(if x.is_nan() || y.is_nan() {
                        f64::NAN
                    } else if x == y {
                        y
                    } else if y > x {
                        next_up(x)
                    } else {
                        -next_up(-x)
                    }))
                }
                ("ulp", 1) => d1(|d| {
                    if d.is_nan() {
                        d
                    } else if d.is_infinite() {
                        f64::INFINITY
                    } else {
                        let m = d.abs();
                        if m == f64::MAX {
                            m - (-next_up(-m))
                        } else {
                            next_up(m) - m
                        }
                    }
                }),
                ("scalb", 2) => {
                    let d = f64_arg(a(0))?;
                    let k = arg_int(a(1))?;
                    Ok(V::Double(scalb(d, k)))
                }
                ("random", 0) => Ok(V::Double(random_unit())),
                ("pow", 2) => {
                    let (x, y) = (f64_arg(a(0))?, f64_arg(a(1))?);
                    Ok(V::Double(if strict {
                        fdlibm::pow(x, y)
                    } else {
                        x.powf(y)
                    }))
                }
                ("sqrt", 1) => d1(f64::sqrt),
                ("cbrt", 1) => d1(fdlibm::cbrt),
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
                ("exp", 1) => d1(if strict { fdlibm::exp } else { f64::exp }),
                ("expm1", 1) => d1(fdlibm::expm1),
                ("log", 1) => d1(if strict { fdlibm::log } else { f64::ln }),
                ("log10", 1) => d1(if strict { fdlibm::log10 } else { f64::log10 }),
                ("log1p", 1) => d1(fdlibm::log1p),
                ("sin", 1) => d1(if strict { fdlibm::sin } else { f64::sin }),
                ("cos", 1) => d1(if strict { fdlibm::cos } else { f64::cos }),
                ("tan", 1) => d1(if strict { fdlibm::tan } else { f64::tan }),
                ("asin", 1) => d1(fdlibm::asin),
                ("acos", 1) => d1(fdlibm::acos),
                ("atan", 1) => d1(fdlibm::atan),
                ("sinh", 1) => d1(fdlibm::sinh),
                ("cosh", 1) => d1(fdlibm::cosh),
                ("tanh", 1) => d1(fdlibm::tanh),
                ("toRadians", 1) => d1(f64::to_radians),
                ("toDegrees", 1) => d1(f64::to_degrees),
                ("signum", 1) => d1(|d| {
                    if d == 0.0 || d.is_nan() {
                        d
                    } else {
                        d.signum()
                    }
                }),
                ("atan2", 2) => Ok(V::Double(fdlibm::atan2(f64_arg(a(0))?, f64_arg(a(1))?))),
                ("hypot", 2) => Ok(V::Double(fdlibm::hypot(f64_arg(a(0))?, f64_arg(a(1))?))),
                ("round", 1) => Ok(V::Long(java_round(f64_arg(a(0))?))),
                _ => Err(super::no_such()),
            }
        }
        "Integer" | "Long" | "Short" | "Byte" => {
            let long = class == "Long";
            match (name, n) {
                // parseInt(String), parseByte(String, int), ... (each on its own class) and
                // valueOf(String, int): `Integer.parseInt(s, radix)`, then Byte and Short check
                // the range
                (_, 1) | (_, 2) if name == parse_method(class) || (name == "valueOf" && n == 2) => {
                    let arg = implicit(a(0), Ty::Class("String"))?;
                    let radix = if n == 2 { arg_int(a(1))? } else { 10 };
                    let s = str_of(&arg).ok_or_else(|| {
                        Thrown::new("NumberFormatException", "Cannot parse null string: null")
                    })?;
                    if radix < 2 {
                        return Err(Thrown::new(
                            "NumberFormatException",
                            format!("radix {radix} less than Character.MIN_RADIX"),
                        ));
                    }
                    if radix > 36 {
                        return Err(Thrown::new(
                            "NumberFormatException",
                            format!("radix {radix} greater than Character.MAX_RADIX"),
                        ));
                    }
                    let radix = radix as u32;
                    if long {
                        return crate::java::parse_radix(s, radix)
                            .map(V::Long)
                            .ok_or_else(|| radix_nfe(s, radix));
                    }
                    let v = parse_int(s, radix)?;
                    let out_of_range = || {
                        Thrown::new(
                            "NumberFormatException",
                            format!("Value out of range. Value:\"{s}\" Radix:{radix}"),
                        )
                    };
                    match class {
                        "Short" => i16::try_from(v).map(V::Short).map_err(|_| out_of_range()),
                        "Byte" => i8::try_from(v).map(V::Byte).map_err(|_| out_of_range()),
                        _ => Ok(V::Int(v)),
                    }
                }
                ("decode", 1) => {
                    let s = arg_str(a(0))?;
                    let decoded = crate::java::decode_long(s);
                    let fail =
                        || Thrown::new("NumberFormatException", crate::java::decode_error(s));
                    match class {
                        "Long" => decoded.map(V::Long).ok_or_else(fail),
                        "Integer" => decoded
                            .and_then(|l| i32::try_from(l).ok())
                            .map(V::Int)
                            .ok_or_else(fail),
                        // Short.decode/Byte.decode: Integer.decode, then a range check
                        _ => {
                            let i = decoded
                                .and_then(|l| i32::try_from(l).ok())
                                .ok_or_else(fail)?;
                            let fits = if class == "Short" {
                                i16::try_from(i).map(V::Short).ok()
                            } else {
                                i8::try_from(i).map(V::Byte).ok()
                            };
                            fits.ok_or_else(|| {
                                Thrown::new(
                                    "NumberFormatException",
                                    format!("Value {i} out of range from input {s}"),
                                )
                            })
                        }
                    }
                }
                // valueOf(int) and friends only: no valueOf(String) in the allowlist
                ("valueOf", 1) => implicit(a(0), primitive_of(class)),
                ("toString", 1) => Ok(V::string(to_java_string(&implicit(
                    a(0),
                    primitive_of(class),
                )?))),
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
                // Integer has max and min, Long also sum; Short and Byte none (java.lang.txt)
                ("max", 2) | ("min", 2) | ("sum", 2)
                    if class == "Long" || (class == "Integer" && name != "sum") =>
                {
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
                    Ok(V::Int(match class {
                        // JDK `Byte.compare`/`Short.compare` are `return x - y;`
                        "Byte" | "Short" => x.wrapping_sub(y) as i32,
                        _ => x.cmp(&y) as i32,
                    }))
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
                _ => super::bits::call_static(class, name, &args)
                    .unwrap_or_else(|| Err(super::no_such())),
            }
        }
        "Double" | "Float" => match (name, n) {
            ("parseDouble", 1) | ("parseFloat", 1) => {
                let arg = implicit(a(0), Ty::Class("String"))?;
                let s = str_of(&arg).ok_or_else(|| Thrown::npe(None))?;
                let nfe = |e: crate::java::FloatFormatError| {
                    Thrown::new("NumberFormatException", e.message(s))
                };
                Ok(if class == "Float" {
                    V::Float(crate::java::parse_float(s).map_err(nfe)?)
                } else {
                    V::Double(crate::java::parse_double(s).map_err(nfe)?)
                })
            }
            ("valueOf", 1) => implicit(a(0), primitive_of(class)),
            ("toString", 1) => {
                let d = f64_arg(&implicit(a(0), primitive_of(class))?)?;
                Ok(V::string(if class == "Float" {
                    format_java_float(d as f32)
                } else {
                    format_java_double(d)
                }))
            }
            ("toHexString", 1) => {
                let d = f64_arg(&implicit(a(0), primitive_of(class))?)?;
                Ok(V::string(if class == "Float" {
                    float_to_hex_string(d as f32)
                } else {
                    double_to_hex_string(d)
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
                    "max" => java_max(x, y),
                    "min" => -java_max(-x, -y),
                    _ => x + y,
                };
                Ok(if class == "Float" {
                    V::Float(r as f32)
                } else {
                    V::Double(r)
                })
            }
            _ => super::bits::call_static(class, name, &args)
                .unwrap_or_else(|| Err(super::no_such())),
        },
        "Boolean" => match (name, n) {
            ("parseBoolean", 1) => Ok(V::Bool(
                str_of(&implicit(a(0), Ty::Class("String"))?)
                    .is_some_and(|s| s.eq_ignore_ascii_case("true")),
            )),
            ("valueOf", 1) => implicit(a(0), Ty::Bool),
            ("toString", 1) => Ok(V::string(to_java_string(&implicit(a(0), Ty::Bool)?))),
            ("hashCode", 1) => match implicit(a(0), Ty::Bool)? {
                V::Bool(b) => Ok(V::Int(if b { 1231 } else { 1237 })),
                _ => Err(Thrown::npe(None)),
            },
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
        _ => Err(super::no_such()),
    }
}

/// `Double.toHexString`: `[-]0x1.<hex>p<exp>` with the trailing zeros of the 13 fraction digits
/// dropped (one kept), `0x0.<hex>p-1022` for subnormals, `0x0.0p0` for zero, and
/// `Double.toString` for NaN and the infinities.
pub fn double_to_hex_string(d: f64) -> String {
    if !d.is_finite() {
        return format_java_double(d);
    }
    let mut out = String::from(if d.is_sign_negative() { "-0x" } else { "0x" });
    let d = d.abs();
    if d == 0.0 {
        out.push_str("0.0p0");
        return out;
    }
    let bits = d.to_bits();
    let subnormal = d < f64::MIN_POSITIVE;
    let fraction = format!("{:013x}", bits & ((1u64 << 52) - 1));
    let fraction = fraction.trim_end_matches('0');
    out.push_str(if subnormal { "0." } else { "1." });
    out.push_str(if fraction.is_empty() { "0" } else { fraction });
    let exponent = if subnormal {
        -1022
    } else {
        (bits >> 52) as i32 - 1023
    };
    out.push_str(&format!("p{exponent}"));
    out
}

/// `Float.toHexString`: the double's form (exact, as every float is a double), but a float
/// subnormal is scaled into a double subnormal and printed with exponent `-126`.
pub fn float_to_hex_string(f: f32) -> String {
    if f != 0.0 && f.abs() < f32::MIN_POSITIVE {
        // Math.scalb(f, Double.MIN_EXPONENT - Float.MIN_EXPONENT): exact, a power of two
        let s = double_to_hex_string(f as f64 * 2f64.powi(-1022 + 126));
        match s.strip_suffix("p-1022") {
            Some(head) => format!("{head}p-126"),
            None => s,
        }
    } else {
        double_to_hex_string(f as f64)
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
        ("Double", "MIN_NORMAL") => V::Double(f64::MIN_POSITIVE),
        ("Double", "MAX_EXPONENT") => V::Int(1023),
        ("Double", "MIN_EXPONENT") => V::Int(-1022),
        ("Float", "MIN_NORMAL") => V::Float(f32::MIN_POSITIVE),
        ("Float", "MAX_EXPONENT") => V::Int(127),
        ("Float", "MIN_EXPONENT") => V::Int(-126),
        // the width in bits and bytes, all `int`
        ("Long" | "Double", "SIZE") => V::Int(64),
        ("Integer" | "Float", "SIZE") => V::Int(32),
        ("Short", "SIZE") => V::Int(16),
        ("Byte", "SIZE") => V::Int(8),
        ("Long" | "Double", "BYTES") => V::Int(8),
        ("Integer" | "Float", "BYTES") => V::Int(4),
        ("Short", "BYTES") => V::Int(2),
        ("Byte", "BYTES") => V::Int(1),
        ("Math" | "StrictMath", "PI") => V::Double(std::f64::consts::PI),
        ("Math" | "StrictMath", "E") => V::Double(std::f64::consts::E),
        ("Boolean", "TRUE") => V::Bool(true),
        ("Boolean", "FALSE") => V::Bool(false),
        _ => {
            return Err(Thrown::iae(format!(
                "unknown static field [{name}] for class [{class}]"
            )))
        }
    })
}

/// `String.sha1()` (the Painless augmentation hashes the UTF-8 bytes).
pub fn sha1(data: &[u8]) -> Vec<u8> {
    use sha1::Digest;
    sha1::Sha1::digest(data).to_vec()
}

pub fn sha256(data: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(data).to_vec()
}

pub fn sha512(data: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha512::digest(data).to_vec()
}
