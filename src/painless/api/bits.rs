//! The bit-level and unsigned statics of `Integer`, `Long`, `Short` and `Byte`, and the raw bit
//! conversions of `Double` and `Float` (Painless's `java.lang` allowlist). `None` means "not one
//! of these": the caller reports the method as not found.

use super::arg_int as int_arg;
use super::numbers::{f64_arg, long_arg};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;

fn by_zero() -> Thrown {
    Thrown::new("ArithmeticException", "/ by zero")
}

fn nfe(message: String) -> Thrown {
    Thrown::new("NumberFormatException", message)
}

/// `Integer.toUnsignedString(i, radix)` / `Long.toUnsignedString`: radix outside 2..=36 is 10.
fn unsigned_string(v: u64, radix: i32) -> String {
    let radix = if (2..=36).contains(&radix) {
        radix as u64
    } else {
        10
    };
    if v == 0 {
        return "0".into();
    }
    let mut digits = Vec::new();
    let mut v = v;
    while v > 0 {
        digits.push(std::char::from_digit((v % radix) as u32, radix as u32).unwrap_or('?'));
        v /= radix;
    }
    digits.iter().rev().collect()
}

/// `Long.parseLong(s, radix)`'s failure message.
fn input_string(s: &str, radix: u32) -> String {
    if radix == 10 {
        format!("For input string: \"{s}\"")
    } else {
        format!("For input string: \"{s}\" under radix {radix}")
    }
}

/// `Integer.parseUnsignedInt` / `Long.parseUnsignedLong` (JDK 17's checks and messages).
fn parse_unsigned(s: &str, radix: i32, long: bool) -> R<u64> {
    if !(2..=36).contains(&radix) {
        return Err(nfe(if radix < 2 {
            format!("radix {radix} less than Character.MIN_RADIX")
        } else {
            format!("radix {radix} greater than Character.MAX_RADIX")
        }));
    }
    let radix = radix as u32;
    if s.is_empty() {
        return Err(nfe(input_string(s, radix)));
    }
    if s.starts_with('-') {
        return Err(nfe(format!(
            "Illegal leading minus sign on unsigned string {s}."
        )));
    }
    let digits = s.strip_prefix('+').unwrap_or(s);
    let offset = s.len() - digits.len();
    let len = s.chars().count();
    // parseUnsignedLong parses a long text as a signed head and a last digit
    let split = long && !(len <= 12 || (radix == 10 && len <= 18));
    let head: String = s.chars().take(len.saturating_sub(1)).collect();
    let mut value: u128 = 0;
    for (i, c) in digits.chars().enumerate() {
        let index = i + offset;
        let Some(d) = c.to_digit(radix) else {
            return Err(nfe(if !split {
                input_string(s, radix)
            } else if index == len - 1 {
                format!("Bad digit at end of {s}")
            } else {
                format!("Error at index {index} in: \"{head}\"")
            }));
        };
        value = value
            .saturating_mul(radix as u128)
            .saturating_add(d as u128);
        if split && index < len - 1 && value > i64::MAX as u128 {
            return Err(nfe(format!("Error at index {index} in: \"{head}\"")));
        }
    }
    if digits.is_empty() {
        return Err(nfe(input_string(s, radix)));
    }
    // parseUnsignedInt goes through Long.parseLong, whose own overflow comes first
    if !long && value > i64::MAX as u128 {
        return Err(nfe(input_string(s, radix)));
    }
    let max = if long {
        u64::MAX as u128
    } else {
        u32::MAX as u128
    };
    if value > max {
        return Err(nfe(format!(
            "String value {s} exceeds range of unsigned {}.",
            if long { "long" } else { "int" }
        )));
    }
    Ok(value as u64)
}

pub fn call_static(class: &str, name: &str, args: &[V]) -> Option<R<V>> {
    let a = |i: usize| &args[i];
    let r = match (class, name, args.len()) {
        ("Integer", _, _) => int_static(name, args)?,
        ("Long", _, _) => long_static(name, args)?,
        ("Short", "reverseBytes", 1) => int_arg(a(0)).map(|v| V::Short((v as i16).swap_bytes())),
        ("Short", "toUnsignedInt", 1) => int_arg(a(0)).map(|v| V::Int(v as i16 as u16 as i32)),
        ("Short", "toUnsignedLong", 1) => int_arg(a(0)).map(|v| V::Long(v as i16 as u16 as i64)),
        ("Byte", "toUnsignedInt", 1) => int_arg(a(0)).map(|v| V::Int(v as i8 as u8 as i32)),
        ("Byte", "toUnsignedLong", 1) => int_arg(a(0)).map(|v| V::Long(v as i8 as u8 as i64)),
        ("Double", "doubleToLongBits", 1) => f64_arg(a(0)).map(|d| {
            V::Long(if d.is_nan() {
                0x7ff8_0000_0000_0000
            } else {
                d.to_bits() as i64
            })
        }),
        ("Double", "doubleToRawLongBits", 1) => f64_arg(a(0)).map(|d| V::Long(d.to_bits() as i64)),
        ("Double", "hashCode", 1) => f64_arg(a(0)).map(|d| {
            let bits = if d.is_nan() {
                0x7ff8_0000_0000_0000
            } else {
                d.to_bits()
            };
            V::Int((bits ^ (bits >> 32)) as i32)
        }),
        ("Float", "hashCode", 1) => f64_arg(a(0)).map(|d| {
            let f = d as f32;
            V::Int(if f.is_nan() {
                0x7fc0_0000
            } else {
                f.to_bits() as i32
            })
        }),
        ("Double", "longBitsToDouble", 1) => {
            long_arg(a(0)).map(|l| V::Double(f64::from_bits(l as u64)))
        }
        ("Float", "floatToIntBits", 1) => f64_arg(a(0)).map(|d| {
            let f = d as f32;
            V::Int(if f.is_nan() {
                0x7fc0_0000
            } else {
                f.to_bits() as i32
            })
        }),
        ("Float", "floatToRawIntBits", 1) => {
            f64_arg(a(0)).map(|d| V::Int((d as f32).to_bits() as i32))
        }
        ("Float", "intBitsToFloat", 1) => int_arg(a(0)).map(|i| V::Float(f32::from_bits(i as u32))),
        _ => return None,
    };
    Some(r)
}

fn int_static(name: &str, args: &[V]) -> Option<R<V>> {
    let x = || int_arg(&args[0]);
    let y = || int_arg(&args[1]);
    Some(match (name, args.len()) {
        ("compareUnsigned", 2) => (|| Ok(V::Int((x()? as u32).cmp(&(y()? as u32)) as i32)))(),
        ("divideUnsigned", 2) | ("remainderUnsigned", 2) => (|| {
            let (n, d) = (x()? as u32, y()? as u32);
            if d == 0 {
                return Err(by_zero());
            }
            Ok(V::Int(if name == "divideUnsigned" {
                n / d
            } else {
                n % d
            } as i32))
        })(),
        ("highestOneBit", 1) => x().map(|v| {
            V::Int(if v == 0 {
                0
            } else {
                (1u32 << (31 - v.leading_zeros())) as i32
            })
        }),
        ("lowestOneBit", 1) => x().map(|v| V::Int(v & v.wrapping_neg())),
        ("numberOfLeadingZeros", 1) => x().map(|v| V::Int(v.leading_zeros() as i32)),
        ("numberOfTrailingZeros", 1) => x().map(|v| V::Int(v.trailing_zeros() as i32)),
        ("reverse", 1) => x().map(|v| V::Int(v.reverse_bits())),
        ("reverseBytes", 1) => x().map(|v| V::Int(v.swap_bytes())),
        ("rotateLeft", 2) => (|| Ok(V::Int(x()?.rotate_left(y()? as u32 & 31))))(),
        ("rotateRight", 2) => (|| Ok(V::Int(x()?.rotate_right(y()? as u32 & 31))))(),
        ("toUnsignedLong", 1) => x().map(|v| V::Long(v as u32 as i64)),
        ("toUnsignedString", 1) => x().map(|v| V::string(unsigned_string(v as u32 as u64, 10))),
        ("toUnsignedString", 2) => (|| Ok(V::string(unsigned_string(x()? as u32 as u64, y()?))))(),
        ("parseUnsignedInt", 1) | ("parseUnsignedInt", 2) => (|| {
            let s = str_of(&args[0]).ok_or_else(|| nfe("Cannot parse null string: null".into()))?;
            let radix = if args.len() == 2 { y()? } else { 10 };
            parse_unsigned(s, radix, false).map(|v| V::Int(v as u32 as i32))
        })(),
        _ => return None,
    })
}

fn long_static(name: &str, args: &[V]) -> Option<R<V>> {
    let x = || long_arg(&args[0]);
    let y = || long_arg(&args[1]);
    let shift = || int_arg(&args[1]);
    Some(match (name, args.len()) {
        ("compareUnsigned", 2) => (|| Ok(V::Int((x()? as u64).cmp(&(y()? as u64)) as i32)))(),
        ("divideUnsigned", 2) | ("remainderUnsigned", 2) => (|| {
            let (n, d) = (x()? as u64, y()? as u64);
            if d == 0 {
                return Err(by_zero());
            }
            Ok(V::Long(if name == "divideUnsigned" {
                n / d
            } else {
                n % d
            } as i64))
        })(),
        ("highestOneBit", 1) => x().map(|v| {
            V::Long(if v == 0 {
                0
            } else {
                (1u64 << (63 - v.leading_zeros())) as i64
            })
        }),
        ("lowestOneBit", 1) => x().map(|v| V::Long(v & v.wrapping_neg())),
        ("numberOfLeadingZeros", 1) => x().map(|v| V::Int(v.leading_zeros() as i32)),
        ("numberOfTrailingZeros", 1) => x().map(|v| V::Int(v.trailing_zeros() as i32)),
        ("reverse", 1) => x().map(|v| V::Long(v.reverse_bits())),
        ("reverseBytes", 1) => x().map(|v| V::Long(v.swap_bytes())),
        ("rotateLeft", 2) => (|| Ok(V::Long(x()?.rotate_left(shift()? as u32 & 63))))(),
        ("rotateRight", 2) => (|| Ok(V::Long(x()?.rotate_right(shift()? as u32 & 63))))(),
        ("toUnsignedString", 1) => x().map(|v| V::string(unsigned_string(v as u64, 10))),
        ("toUnsignedString", 2) => (|| Ok(V::string(unsigned_string(x()? as u64, shift()?))))(),
        ("parseUnsignedLong", 1) | ("parseUnsignedLong", 2) => (|| {
            let s = str_of(&args[0]).ok_or_else(|| nfe("Cannot parse null string: null".into()))?;
            let radix = if args.len() == 2 { shift()? } else { 10 };
            parse_unsigned(s, radix, true).map(|v| V::Long(v as i64))
        })(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_unsigned;

    /// `Integer.parseUnsignedInt` / `Long.parseUnsignedLong` messages, checked with JDK 17.
    #[test]
    fn unsigned_parse_failures_say_what_the_jdk_says() {
        let cases: &[(bool, &str, i32, &str)] = &[
            (
                false,
                "4294967296",
                10,
                "String value 4294967296 exceeds range of unsigned int.",
            ),
            (
                false,
                "-1",
                10,
                "Illegal leading minus sign on unsigned string -1.",
            ),
            (false, "", 10, "For input string: \"\""),
            (false, "+", 10, "For input string: \"+\""),
            (
                false,
                "99999999999999999999",
                10,
                "For input string: \"99999999999999999999\"",
            ),
            (false, "zz", 16, "For input string: \"zz\" under radix 16"),
            (
                true,
                "18446744073709551616",
                10,
                "String value 18446744073709551616 exceeds range of unsigned long.",
            ),
            (
                true,
                "1844674407370955161x",
                10,
                "Bad digit at end of 1844674407370955161x",
            ),
            (
                true,
                "18446x4407370955161",
                10,
                "Error at index 5 in: \"18446x440737095516\"",
            ),
            (true, "12", 40, "radix 40 greater than Character.MAX_RADIX"),
            (
                true,
                "ffffffffffffffffff",
                16,
                "Error at index 15 in: \"fffffffffffffffff\"",
            ),
            (true, "12x", 10, "For input string: \"12x\""),
        ];
        for (long, s, radix, message) in cases {
            let e = parse_unsigned(s, *radix, *long).expect_err(s);
            assert_eq!(e.msg.as_deref(), Some(*message), "{s}");
        }
        assert_eq!(
            parse_unsigned("ffffffffffffffff", 16, true).ok(),
            Some(u64::MAX)
        );
        assert_eq!(
            parse_unsigned("+4294967295", 10, false).ok(),
            Some(u32::MAX as u64)
        );
    }
}
