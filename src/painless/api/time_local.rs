//! `java.time.LocalDateTime`: a date and a time without a zone. Parsing (`parse` with the ISO
//! format, a formatter constant or an `ofPattern` formatter), `of`, `ofInstant`, `from`, the
//! getters, `atZone`, whole-unit arithmetic, comparisons and formatting. `LocalDate`,
//! `LocalTime` and `OffsetDateTime` remain missing.

use super::time::{dte, fraction, time_arg, tv, unit_arg, year_str, zone_arg, TimeVal};
use super::time_adjust::at_zone;
use super::time_format::{format_with, parse_local};
use super::{arg_int, arg_str, not_found};
use crate::dates::{ChronoField, LDate, LTime};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;
use jiff::civil::DateTime;
use jiff::Span;

/// `LocalDateTime.toString()`: seconds only when not zero, the fraction in groups of three.
pub(super) fn local_string(dt: &DateTime) -> String {
    let mut s = format!(
        "{}-{:02}-{:02}T{:02}:{:02}",
        year_str(dt.year()),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute()
    );
    let nanos = dt.subsec_nanosecond();
    if dt.second() != 0 || nanos != 0 {
        s.push_str(&format!(":{:02}", dt.second()));
        s.push_str(&fraction(nanos, true));
    }
    s
}

/// `LocalDateTime.of(year, month, day, hour, minute[, second[, nano]])`, with `ChronoField`'s
/// range checks and `LocalDate.of`'s invalid-date message.
fn of(args: &[V]) -> R<DateTime> {
    let mut f = [0i64; 7];
    for (slot, a) in f.iter_mut().zip(args) {
        *slot = i64::from(arg_int(a)?);
    }
    let fields = [
        ChronoField::Year,
        ChronoField::MonthOfYear,
        ChronoField::DayOfMonth,
        ChronoField::HourOfDay,
        ChronoField::MinuteOfHour,
        ChronoField::SecondOfMinute,
        ChronoField::NanoOfSecond,
    ];
    for (field, v) in fields.iter().zip(f) {
        field.check(v).map_err(dte)?;
    }
    let time = LTime {
        h: f[3],
        mi: f[4],
        s: f[5],
        n: f[6],
    };
    LDate::of(f[0], f[1], f[2])
        .and_then(|date| date.at(time))
        .map_err(dte)
}

/// The static methods of `LocalDateTime`.
pub(super) fn call_static(name: &str, args: Vec<V>) -> R<V> {
    let local = |dt: DateTime| Ok(tv(TimeVal::Local(dt)));
    match (name, args.len()) {
        ("of", 5..=7) => local(of(&args)?),
        ("parse", 1 | 2) => {
            if args.iter().any(V::is_null) {
                let what = if args[0].is_null() {
                    "text"
                } else {
                    "formatter"
                };
                return Err(Thrown::npe(Some(what.into())));
            }
            let text = arg_str(&args[0])?;
            match args.get(1).map(time_arg).transpose()? {
                None => local(parse_local(text, "ISO_LOCAL_DATE_TIME", None)?),
                Some(TimeVal::Formatter(f, zone)) => local(parse_local(text, f, zone.clone())?),
                Some(TimeVal::Pattern(p)) => local(
                    p.parse_local(text)
                        .map_err(|m| Thrown::new("DateTimeParseException", m))?,
                ),
                Some(_) => Err(Thrown::cce("expected DateTimeFormatter")),
            }
        }
        ("ofInstant", 2) => {
            let ts = match time_arg(&args[0])? {
                TimeVal::Instant(ts) => *ts,
                TimeVal::Zdt(z, _) => z.timestamp(),
                _ => return Err(Thrown::cce("expected an Instant")),
            };
            local(ts.to_zoned(zone_arg(&args[1])?.tz()?).datetime())
        }
        ("from", 1) => match time_arg(&args[0])? {
            TimeVal::Local(dt) => local(*dt),
            TimeVal::Zdt(z, _) => local(z.datetime()),
            other => Err(dte(format!(
                "Unable to obtain LocalDateTime from TemporalAccessor: {} of type {}",
                other.to_java_string(),
                other.class_name()
            ))),
        },
        _ => Err(super::no_such()),
    }
}

/// `dt.plus(amount, unit)` (`LocalDateTime.plus(long, TemporalUnit)`): the time units (up to
/// HALF_DAYS) move the instant-like value; the date units move the date as `LocalDate.plus`
/// (the months and years clamp the day); ERAS switches the era; FOREVER is unsupported.
pub(super) fn plus(dt: &DateTime, amount: i64, unit: &str) -> R<DateTime> {
    let range = || dte("Invalid value for Year: out of the range this implementation supports");
    let overflow = || Thrown::new("ArithmeticException", "long overflow");
    let years = |factor: i64| -> R<Span> {
        let y = amount.checked_mul(factor).ok_or_else(overflow)?;
        Span::new().try_years(y).map_err(|_| range())
    };
    let span = match unit {
        "NANOS" | "MICROS" | "MILLIS" | "SECONDS" | "MINUTES" | "HOURS" | "HALF_DAYS" => {
            let per = super::time::unit_nanos(unit).unwrap_or(1);
            let total = i128::from(amount) * per;
            let secs = i64::try_from(total.div_euclid(1_000_000_000)).map_err(|_| range())?;
            let nanos = total.rem_euclid(1_000_000_000) as i32;
            return dt
                .checked_add(jiff::SignedDuration::new(secs, nanos))
                .map_err(|_| range());
        }
        "DAYS" => Span::new().try_days(amount).map_err(|_| range())?,
        "WEEKS" => {
            let days = amount.checked_mul(7).ok_or_else(overflow)?;
            Span::new().try_days(days).map_err(|_| range())?
        }
        "MONTHS" => Span::new().try_months(amount).map_err(|_| range())?,
        "YEARS" => years(1)?,
        "DECADES" => years(10)?,
        "CENTURIES" => years(100)?,
        "MILLENNIA" => years(1000)?,
        "ERAS" => {
            // `with(ERA, era + amount)`: only 0 (BCE) and 1 (CE) are valid
            let era = i64::from(dt.year() >= 1);
            let new = era.checked_add(amount).ok_or_else(overflow)?;
            if !(0..=1).contains(&new) {
                return Err(dte(format!(
                    "Invalid value for Era (valid values 0 - 1): {new}"
                )));
            }
            if new == era {
                return Ok(*dt);
            }
            let year = 1 - i32::from(dt.year());
            let year = i16::try_from(year).map_err(|_| range())?;
            return dt
                .date()
                .with()
                .year(year)
                .build()
                .map_err(|_| range())
                .map(|d| d.to_datetime(dt.time()));
        }
        _ => {
            return Err(Thrown::new(
                "UnsupportedTemporalTypeException",
                format!("Unsupported unit: {}", unit_display(unit)),
            ))
        }
    };
    dt.checked_add(span).map_err(|_| range())
}

/// `ChronoUnit.toString()`: `Days`, `HalfDays`, `Forever`.
fn unit_display(unit: &str) -> String {
    unit.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect()
}

/// The instance methods of `LocalDateTime`.
pub(super) fn call(dt: &DateTime, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    let local = |dt: DateTime| Ok(tv(TimeVal::Local(dt)));
    let amount = |v: &V| -> R<i64> {
        num_of(v)
            .map(|x| x.as_i64())
            .ok_or_else(|| Thrown::cce("expected a long"))
    };
    let unit_of = |method: &str| -> Option<&'static str> {
        Some(
            match method
                .strip_prefix("plus")
                .or(method.strip_prefix("minus"))?
            {
                "Years" => "YEARS",
                "Months" => "MONTHS",
                "Weeks" => "WEEKS",
                "Days" => "DAYS",
                "Hours" => "HOURS",
                "Minutes" => "MINUTES",
                "Seconds" => "SECONDS",
                "Nanos" => "NANOS",
                _ => return None,
            },
        )
    };
    match (name, n) {
        ("getYear", 0) => Ok(V::Int(i32::from(dt.year()))),
        ("getMonthValue", 0) => Ok(V::Int(i32::from(dt.month()))),
        ("getMonth", 0) => Ok(tv(TimeVal::Month(dt.month() as u8))),
        ("getDayOfMonth", 0) => Ok(V::Int(i32::from(dt.day()))),
        ("getDayOfYear", 0) => Ok(V::Int(i32::from(dt.day_of_year()))),
        ("getDayOfWeek", 0) => Ok(tv(TimeVal::DayOfWeek(
            dt.weekday().to_monday_one_offset() as u8
        ))),
        ("getHour", 0) => Ok(V::Int(i32::from(dt.hour()))),
        ("getMinute", 0) => Ok(V::Int(i32::from(dt.minute()))),
        ("getSecond", 0) => Ok(V::Int(i32::from(dt.second()))),
        ("getNano", 0) => Ok(V::Int(dt.subsec_nanosecond())),
        ("atZone", 1) => {
            let zone = zone_arg(&args[0])?;
            let z = at_zone(*dt, &zone)?;
            Ok(tv(TimeVal::Zdt(z, zone)))
        }
        ("format", 1) => format(dt, time_arg(&args[0])?).map(V::string),
        ("plus", 2) | ("minus", 2) => {
            let a = amount(&args[0])?;
            let a = if name == "minus" {
                a.checked_neg().unwrap_or(i64::MAX)
            } else {
                a
            };
            local(plus(dt, a, unit_arg(&args[1])?)?)
        }
        (m, 1) if unit_of(m).is_some() => {
            let a = amount(&args[0])?;
            let a = if m.starts_with("minus") {
                a.checked_neg().unwrap_or(i64::MAX)
            } else {
                a
            };
            local(plus(dt, a, unit_of(m).unwrap_or("DAYS"))?)
        }
        ("isBefore", 1) | ("isAfter", 1) | ("isEqual", 1) => {
            let TimeVal::Local(other) = time_arg(&args[0])? else {
                return Err(Thrown::cce("expected a LocalDateTime"));
            };
            Ok(V::Bool(match name {
                "isBefore" => dt < other,
                "isAfter" => dt > other,
                _ => dt == other,
            }))
        }
        ("toEpochSecond", 1) => {
            let zone = zone_arg(&args[0])?;
            let z = at_zone(*dt, &zone)?;
            Ok(V::Long(z.timestamp().as_second()))
        }
        _ => Err(not_found(recv, name, n)),
    }
}

/// `formatter.format(localDateTime)`.
pub(super) fn format(dt: &DateTime, f: &TimeVal) -> R<String> {
    match f {
        TimeVal::Pattern(p) => p.format_local(*dt, &local_string(dt)).map_err(|e| match e {
            crate::dates::PrintError::UnsupportedField(field) => Thrown::new(
                "UnsupportedTemporalTypeException",
                format!("Unsupported field: {field}"),
            ),
            crate::dates::PrintError::NoZone(m) => Thrown::new("DateTimeException", m),
        }),
        // the constants without an offset or zone print the date-time itself
        // an override zone does not move a LocalDateTime (it is no instant)
        TimeVal::Formatter(name @ ("ISO_LOCAL_DATE_TIME" | "ISO_LOCAL_DATE" | "ISO_LOCAL_TIME"), _) => {
            let z = dt
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map_err(|e| dte(e.to_string()))?;
            format_with(&TimeVal::utc(z.timestamp()), name)
        }
        TimeVal::Formatter(
            "ISO_OFFSET_DATE_TIME" | "ISO_OFFSET_DATE" | "ISO_OFFSET_TIME" | "ISO_ZONED_DATE_TIME"
            | "RFC_1123_DATE_TIME",
            _,
        ) => Err(Thrown::new(
            "UnsupportedTemporalTypeException",
            "Unsupported field: OffsetSeconds",
        )),
        TimeVal::Formatter("ISO_INSTANT", _) => Err(Thrown::new(
            "UnsupportedTemporalTypeException",
            "Unsupported field: InstantSeconds",
        )),
        TimeVal::Formatter(other, _) => Err(Thrown::unsupported(Some(format!(
            "formatting a LocalDateTime with DateTimeFormatter.{other} is not supported by ingest-emu"
        )))),
        _ => Err(Thrown::cce("expected DateTimeFormatter")),
    }
}
