//! `java.time.Duration` beyond its getters: the factories, arithmetic and `parse`, with the
//! JDK's overflow rules (the seconds are a `long`). A duration is held as nanoseconds in an
//! `i128`.

use super::time::{dte, time_arg, tv, unit_arg, unit_nanos, TimeVal};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;

const NANOS: i128 = 1_000_000_000;

fn long_overflow() -> Thrown {
    Thrown::new("ArithmeticException", "long overflow")
}

/// A duration's nanoseconds, if its seconds fit a `long`.
pub(super) fn checked(nanos: i128) -> R<i128> {
    if i64::try_from(nanos.div_euclid(NANOS)).is_ok() {
        Ok(nanos)
    } else {
        Err(long_overflow())
    }
}

/// `Duration.create(BigDecimal)`'s check, for `multipliedBy` / `dividedBy` / `negated`.
fn capacity(nanos: i128) -> R<i128> {
    checked(nanos).map_err(|_| {
        Thrown::new(
            "ArithmeticException",
            format!("Exceeds capacity of Duration: {nanos}"),
        )
    })
}

fn long_arg(v: &V) -> R<i64> {
    match v {
        V::Null => Err(Thrown::npe(None)),
        _ => num_of(v)
            .map(|x| x.as_i64())
            .ok_or_else(|| Thrown::cce("expected a long")),
    }
}

fn duration_arg(v: &V) -> R<i128> {
    match time_arg(v)? {
        TimeVal::Duration(d) => Ok(*d),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [java.time.Duration].",
            other.class_name()
        ))),
    }
}

/// `Duration.plus(amount, unit)`: DAYS are exact (86400 s); other estimated units fail.
fn plus_unit(d: i128, amount: i64, unit: &str) -> R<i128> {
    let per = match unit {
        "DAYS" => 86_400 * NANOS,
        _ => match unit_nanos(unit) {
            Some(per) if unit != "WEEKS" => per,
            _ => {
                return Err(Thrown::new(
                    "UnsupportedTemporalTypeException",
                    "Unit must not have an estimated duration",
                ))
            }
        },
    };
    // the JDK multiplies the unit's seconds by the amount with multiplyExact
    if per >= NANOS && i64::try_from(i128::from(amount) * (per / NANOS)).is_err() {
        return Err(long_overflow());
    }
    checked(d + i128::from(amount) * per)
}

/// `plusDays`, `plusHours`, ... `minusNanos`: the unit a method name adds.
fn method_unit(rest: &str) -> Option<&'static str> {
    Some(match rest {
        "Days" => "DAYS",
        "Hours" => "HOURS",
        "Minutes" => "MINUTES",
        "Seconds" => "SECONDS",
        "Millis" => "MILLIS",
        "Nanos" => "NANOS",
        _ => return None,
    })
}

/// The instance methods of `Duration` other than the getters; `None` when `name` is not one.
pub(super) fn call(d: i128, name: &str, args: &[V]) -> Option<R<V>> {
    let dur = |n: R<i128>| n.map(|n| tv(TimeVal::Duration(n)));
    Some(match (name, args.len()) {
        // negated() is multipliedBy(-1)
        ("abs", 0) => dur(capacity(d.abs())),
        ("negated", 0) => dur(capacity(-d)),
        ("multipliedBy", 1) => dur(long_arg(&args[0]).and_then(|m| {
            d.checked_mul(i128::from(m))
                .ok_or_else(|| Thrown::new("ArithmeticException", "Exceeds capacity of Duration"))
                .and_then(capacity)
        })),
        ("dividedBy", 1) => dur(long_arg(&args[0]).and_then(|m| {
            if m == 0 {
                return Err(Thrown::new("ArithmeticException", "Cannot divide by zero"));
            }
            // BigDecimal division rounded DOWN: toward zero
            capacity(d / i128::from(m))
        })),
        ("plus", 1) => dur(duration_arg(&args[0]).and_then(|o| checked(d + o))),
        ("minus", 1) => dur(duration_arg(&args[0]).and_then(|o| checked(d - o))),
        ("plus", 2) | ("minus", 2) => dur((|| {
            let amount = long_arg(&args[0])?;
            let unit = unit_arg(&args[1])?;
            if name == "plus" {
                return plus_unit(d, amount, unit);
            }
            // minus(Long.MIN_VALUE) is plus(Long.MAX_VALUE).plus(1)
            match amount.checked_neg() {
                Some(neg) => plus_unit(d, neg, unit),
                None => plus_unit(plus_unit(d, i64::MAX, unit)?, 1, unit),
            }
        })()),
        ("withSeconds", 1) => {
            dur(long_arg(&args[0]).map(|s| i128::from(s) * NANOS + d.rem_euclid(NANOS)))
        }
        ("withNanos", 1) => dur((|| {
            let n = long_arg(&args[0])?;
            if !(0..NANOS as i64).contains(&n) {
                return Err(dte(format!(
                    "Invalid value for NanoOfSecond (valid values 0 - 999999999): {n}"
                )));
            }
            Ok(d.div_euclid(NANOS) * NANOS + i128::from(n))
        })()),
        (m, 1) => {
            let (sign, rest) = if let Some(r) = m.strip_prefix("plus") {
                (1, r)
            } else if let Some(r) = m.strip_prefix("minus") {
                (-1, r)
            } else {
                return None;
            };
            let unit = method_unit(rest)?;
            dur(long_arg(&args[0]).and_then(|a| {
                if sign == 1 {
                    plus_unit(d, a, unit)
                } else {
                    match a.checked_neg() {
                        Some(neg) => plus_unit(d, neg, unit),
                        None => plus_unit(plus_unit(d, i64::MAX, unit)?, 1, unit),
                    }
                }
            }))
        }
        _ => return None,
    })
}

/// The static methods of `Duration`; `None` when `name` is not one.
pub(super) fn call_static(name: &str, args: &[V]) -> Option<R<V>> {
    let dur = |n: R<i128>| n.map(|n| tv(TimeVal::Duration(n)));
    Some(match (name, args.len()) {
        ("ofSeconds", 2) => dur((|| {
            let (s, n) = (long_arg(&args[0])?, long_arg(&args[1])?);
            // addExact(seconds, floorDiv(nanoAdjustment, 1e9))
            s.checked_add(n.div_euclid(NANOS as i64))
                .ok_or_else(long_overflow)?;
            Ok(i128::from(s) * NANOS + i128::from(n))
        })()),
        ("of", 2) => dur((|| {
            let amount = long_arg(&args[0])?;
            plus_unit(0, amount, unit_arg(&args[1])?)
        })()),
        ("ofDays" | "ofHours" | "ofMinutes", 1) => dur((|| {
            let per: i64 = match name {
                "ofDays" => 86_400,
                "ofHours" => 3600,
                _ => 60,
            };
            let secs = long_arg(&args[0])?
                .checked_mul(per)
                .ok_or_else(long_overflow)?;
            Ok(i128::from(secs) * NANOS)
        })()),
        ("from", 1) => dur(duration_arg(&args[0])),
        ("parse", 1) => {
            if args[0].is_null() {
                return Some(Err(Thrown::npe(Some("text".into()))));
            }
            dur(super::arg_str(&args[0]).and_then(parse))
        }
        _ => return None,
    })
}

fn parse_error(detail: &str) -> Thrown {
    Thrown::new(
        "DateTimeParseException",
        format!("Text cannot be parsed to a Duration{detail}"),
    )
}

/// `Duration.parse`: `[-+]P[nD][T[nH][nM][n[.f]S]]`, case-insensitive, ASCII digits, at least one
/// section, and a `T` followed by a section.
fn parse(text: &str) -> R<i128> {
    let b = text.as_bytes();
    let mut i = 0;
    let fail = || parse_error("");
    let negate = match b.first() {
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
    if !matches!(b.get(i), Some(b'P' | b'p')) {
        return Err(fail());
    }
    i += 1;
    // a signed integer followed by one of `ends` (returned), or nothing read
    let number = |i: &mut usize| -> Option<(usize, usize)> {
        let start = *i;
        let mut j = start;
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        let digits = j;
        while matches!(b.get(j), Some(c) if c.is_ascii_digit()) {
            j += 1;
        }
        (j > digits).then(|| {
            *i = j;
            (start, j)
        })
    };
    let mut sections: [Option<(usize, usize)>; 4] = [None; 4];
    let mut fraction: Option<(usize, usize)> = None;
    // days
    let mut k = i;
    if let Some(span) = number(&mut k) {
        if matches!(b.get(k), Some(b'D' | b'd')) {
            sections[0] = Some(span);
            i = k + 1;
        }
    }
    if matches!(b.get(i), Some(b'T' | b't')) {
        i += 1;
        let t_end = i;
        for (slot, letters) in [(1, [b'H', b'h']), (2, [b'M', b'm'])] {
            let mut k = i;
            if let Some(span) = number(&mut k) {
                if b.get(k).is_some_and(|c| letters.contains(c)) {
                    sections[slot] = Some(span);
                    i = k + 1;
                }
            }
        }
        let mut k = i;
        if let Some(span) = number(&mut k) {
            let mut f = None;
            if matches!(b.get(k), Some(b'.' | b',')) {
                let start = k + 1;
                let mut j = start;
                while j - start < 9 && matches!(b.get(j), Some(c) if c.is_ascii_digit()) {
                    j += 1;
                }
                f = Some((start, j));
                k = j;
            }
            if matches!(b.get(k), Some(b'S' | b's')) {
                sections[3] = Some(span);
                fraction = f;
                i = k + 1;
            }
        }
        if i == t_end {
            // `T` with no time section
            return Err(fail());
        }
    }
    if i != b.len() || sections.iter().all(Option::is_none) {
        return Err(fail());
    }
    let field = |slot: usize, per: i64, what: &str| -> R<i64> {
        let Some((s, e)) = sections[slot] else {
            return Ok(0);
        };
        text[s..e]
            .parse::<i64>()
            .ok()
            .and_then(|v| v.checked_mul(per))
            .ok_or_else(|| parse_error(&format!(": {what}")))
    };
    let days = field(0, 86_400, "days")?;
    let hours = field(1, 3600, "hours")?;
    let minutes = field(2, 60, "minutes")?;
    let seconds = field(3, 1, "seconds")?;
    let negative_secs = sections[3].is_some_and(|(s, _)| b[s] == b'-');
    let mut nanos: i64 = match fraction {
        Some((s, e)) if e > s => {
            let mut f: i64 = text[s..e].parse().unwrap_or(0);
            for _ in e - s..9 {
                f *= 10;
            }
            f
        }
        _ => 0,
    };
    if negative_secs {
        nanos = -nanos;
    }
    let overflow = || parse_error(": overflow");
    let secs = minutes
        .checked_add(seconds)
        .and_then(|x| hours.checked_add(x))
        .and_then(|x| days.checked_add(x))
        .ok_or_else(overflow)?;
    let total = i128::from(secs) * NANOS + i128::from(nanos);
    let total = if negate { -total } else { total };
    checked(total).map_err(|_| overflow())
}

/// `Duration.toString()` (JDK 17).
pub(super) fn to_string(d: i128) -> String {
    if d == 0 {
        return "PT0S".into();
    }
    let seconds = d.div_euclid(NANOS);
    let nanos = d.rem_euclid(NANOS);
    let effective = if seconds < 0 && nanos > 0 {
        seconds + 1
    } else {
        seconds
    };
    let hours = effective / 3600;
    let minutes = (effective % 3600) / 60;
    let secs = effective % 60;
    let mut s = String::from("PT");
    if hours != 0 {
        s.push_str(&format!("{hours}H"));
    }
    if minutes != 0 {
        s.push_str(&format!("{minutes}M"));
    }
    if secs == 0 && nanos == 0 && s.len() > 2 {
        return s;
    }
    if seconds < 0 && nanos > 0 && secs == 0 {
        s.push_str("-0");
    } else {
        s.push_str(&secs.to_string());
    }
    if nanos > 0 {
        let digits = if seconds < 0 {
            2 * NANOS - nanos
        } else {
            nanos + NANOS
        };
        let digits = digits.to_string();
        s.push('.');
        s.push_str(digits[1..].trim_end_matches('0'));
    }
    s.push('S');
    s
}

/// `Duration.compareTo`: the seconds, then the nano difference.
pub(super) fn compare_to(a: i128, b: i128) -> i32 {
    let by_seconds = a.div_euclid(NANOS).cmp(&b.div_euclid(NANOS)) as i32;
    if by_seconds != 0 {
        return by_seconds;
    }
    (a.rem_euclid(NANOS) - b.rem_euclid(NANOS)) as i32
}
