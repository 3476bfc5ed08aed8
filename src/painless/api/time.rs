//! A minimal `java.time`: `ZonedDateTime`, `Instant`, `LocalDateTime` (in `time_local`),
//! `ZoneId`/`ZoneOffset`, `ChronoUnit`,
//! `DayOfWeek`, `Month`, `Duration` and the `DateTimeFormatter` constants (ISO_* and
//! RFC_1123_DATE_TIME; their printing and parsing are in `time_format`), on top of jiff.
//! `DateTimeFormatter.ofPattern` formatters come from the date module
//! ([`crate::dates::PatternFormatter`]). Instants are limited to jiff's range (years
//! -9999..=9999; Java's reach ±999,999,999).

use super::time_adjust::*;
use super::time_format::*;
use super::{arg_int, arg_str, not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

#[derive(Clone, Debug)]
pub enum Zone {
    /// Fixed offset in seconds (`ZoneOffset`).
    Offset(i32),
    Region(String),
}

#[derive(Clone, Debug)]
pub enum TimeVal {
    Zdt(Zoned, Zone),
    Instant(Timestamp),
    ZoneId(Zone),
    Unit(&'static str),
    Duration(i128),
    /// A `DateTimeFormatter` constant, possibly `.withZone(...)` (the override zone).
    Formatter(&'static str, Option<Zone>),
    /// `LocalDateTime`.
    Local(jiff::civil::DateTime),
    /// `DateTimeFormatter.ofPattern(...)`, possibly `.withZone(...)`.
    Pattern(std::sync::Arc<crate::dates::PatternFormatter>),
    DayOfWeek(u8),
    Month(u8),
    /// `java.util.Date`: milliseconds since the epoch (see [`super::date`]).
    Date(i64),
}

const UNITS: &[&str] = &[
    "NANOS",
    "MICROS",
    "MILLIS",
    "SECONDS",
    "MINUTES",
    "HOURS",
    "HALF_DAYS",
    "DAYS",
    "WEEKS",
    "MONTHS",
    "YEARS",
    "DECADES",
    "CENTURIES",
    "MILLENNIA",
    "ERAS",
    "FOREVER",
];
/// The `DateTimeFormatter` constants Painless allowlists, with what their `toString()` prints
/// (JDK 17: the printer-parsers' description).
const FORMATTERS: &[(&str, &str)] = &[
    ("ISO_INSTANT", "ParseCaseSensitive(false)Instant()"),
    (
        "ISO_OFFSET_DATE_TIME",
        "ParseCaseSensitive(false)(ParseCaseSensitive(false)(Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2))'T'(Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]]))ParseStrict(false)Offset(+HH:MM:ss,'Z')ParseStrict(true)",
    ),
    (
        "ISO_ZONED_DATE_TIME",
        "(ParseCaseSensitive(false)(ParseCaseSensitive(false)(Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2))'T'(Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]]))ParseStrict(false)Offset(+HH:MM:ss,'Z')ParseStrict(true))['['ParseCaseSensitive(true)ZoneRegionId()']']",
    ),
    (
        "ISO_DATE_TIME",
        "(ParseCaseSensitive(false)(Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2))'T'(Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]]))[Offset(+HH:MM:ss,'Z')['['ParseCaseSensitive(true)ZoneRegionId()']']]",
    ),
    (
        "ISO_LOCAL_DATE_TIME",
        "ParseCaseSensitive(false)(Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2))'T'(Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]])",
    ),
    (
        "ISO_LOCAL_DATE",
        "Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2)",
    ),
    (
        "ISO_LOCAL_TIME",
        "Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]]",
    ),
    (
        "ISO_DATE",
        "ParseCaseSensitive(false)(Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2))[Offset(+HH:MM:ss,'Z')]",
    ),
    (
        "RFC_1123_DATE_TIME",
        "ParseCaseSensitive(false)ParseStrict(false)[Text(DayOfWeek)', ']Value(DayOfMonth,1,2,NOT_NEGATIVE)' 'Text(MonthOfYear)' 'Value(Year,4)' 'Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)]' 'Offset(+HHMM,'GMT')",
    ),
    (
        "BASIC_ISO_DATE",
        "ParseCaseSensitive(false)Value(Year,4)Value(MonthOfYear,2)Value(DayOfMonth,2)[ParseStrict(false)Offset(+HHMMss,'Z')ParseStrict(true)]",
    ),
    (
        "ISO_OFFSET_DATE",
        "ParseCaseSensitive(false)(Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2))Offset(+HH:MM:ss,'Z')",
    ),
    (
        "ISO_TIME",
        "ParseCaseSensitive(false)(Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]])[Offset(+HH:MM:ss,'Z')]",
    ),
    (
        "ISO_OFFSET_TIME",
        "ParseCaseSensitive(false)(Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)[Fraction(NanoOfSecond,0,9,DecimalPoint)]])Offset(+HH:MM:ss,'Z')",
    ),
    (
        "ISO_ORDINAL_DATE",
        "ParseCaseSensitive(false)Value(Year,4,10,EXCEEDS_PAD)'-'Value(DayOfYear,3)[Offset(+HH:MM:ss,'Z')]",
    ),
    (
        "ISO_WEEK_DATE",
        "ParseCaseSensitive(false)Value(WeekBasedYear,4,10,EXCEEDS_PAD)'-W'Value(WeekOfWeekBasedYear,2)'-'Value(DayOfWeek,1)[Offset(+HH:MM:ss,'Z')]",
    ),
];
const DAYS: &[&str] = &[
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
];
pub(super) const MONTHS: &[&str] = &[
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

pub(super) fn dte(msg: impl Into<String>) -> Thrown {
    Thrown::new("DateTimeException", msg)
}

impl Zone {
    pub(super) fn tz(&self) -> R<TimeZone> {
        match self {
            Zone::Offset(s) => Ok(TimeZone::fixed(
                Offset::from_seconds(*s).map_err(|e| dte(e.to_string()))?,
            )),
            // the tz database, or the fixed prefix forms `UTC`, `UT`, `GMT+01:00`
            Zone::Region(id) => crate::dates::parse_timezone(id).map_err(zone_error),
        }
    }
    pub(super) fn id(&self) -> String {
        match self {
            Zone::Offset(s) => crate::dates::offset_id_seconds(*s),
            Zone::Region(r) => r.clone(),
        }
    }
}

/// `ZoneId.of(id)`, with `java.time`'s forms and errors (`crate::dates::parse_timezone`):
/// offsets become a `ZoneOffset`, everything else a region under its Java id (`GMT+1` is
/// `GMT+01:00`).
fn parse_zone(id: &str) -> R<Zone> {
    let tz = crate::dates::parse_timezone(id).map_err(zone_error)?;
    if crate::dates::is_offset_zone(&tz) {
        let offset = tz.to_fixed_offset().map_err(|e| dte(e.to_string()))?;
        return Ok(Zone::Offset(offset.seconds()));
    }
    Ok(Zone::Region(crate::dates::java_zone_id(&tz)))
}

/// `ZoneOffset.of(id)`: only the offset forms.
fn parse_zone_offset(id: &str) -> R<Zone> {
    if id.chars().count() > 1 && !id.starts_with(['+', '-']) {
        return Err(dte(format!(
            "Invalid ID for ZoneOffset, invalid format: {id}"
        )));
    }
    parse_zone(id)
}

/// `java.time`'s exception for a zone id that does not parse: an unknown region is a
/// `ZoneRulesException`, a malformed id a `DateTimeException`.
fn zone_error(message: String) -> Thrown {
    if message.starts_with("Unknown time-zone ID") {
        Thrown::new("ZoneRulesException", message)
    } else {
        dte(message)
    }
}

pub(super) fn fraction(nanos: i32, java_groups: bool) -> String {
    if nanos == 0 {
        return String::new();
    }
    if java_groups {
        if nanos % 1_000_000 == 0 {
            format!(".{:03}", nanos / 1_000_000)
        } else if nanos % 1000 == 0 {
            format!(".{:06}", nanos / 1000)
        } else {
            format!(".{nanos:09}")
        }
    } else {
        let s = format!("{nanos:09}");
        format!(".{}", s.trim_end_matches('0'))
    }
}

pub(super) fn year_str(y: i16) -> String {
    if y > 9999 {
        format!("+{y}")
    } else if y < 0 {
        format!("-{:04}", -(y as i32))
    } else {
        format!("{y:04}")
    }
}

pub(super) fn instant_string(t: Timestamp) -> String {
    let z = t.to_zoned(TimeZone::UTC);
    format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}{}Z",
        year_str(z.year()),
        z.month(),
        z.day(),
        z.hour(),
        z.minute(),
        z.second(),
        fraction(z.subsec_nanosecond(), true)
    )
}

impl TimeVal {
    /// `ZonedDateTime.ofInstant(ts, ZoneOffset.UTC)`: what `_ingest.timestamp` holds.
    pub fn utc(ts: Timestamp) -> TimeVal {
        TimeVal::Zdt(ts.to_zoned(TimeZone::UTC), Zone::Offset(0))
    }
    /// A `ZonedDateTime`'s year, month, day, hour, minute, second, nano and offset seconds, and
    /// its zone id (what `FingerprintProcessor.toBytes` hashes); `None` for other types.
    pub fn zoned_fields(&self) -> Option<([i32; 8], String)> {
        let TimeVal::Zdt(z, zone) = self else {
            return None;
        };
        let fields = [
            z.year() as i32,
            z.month() as i32,
            z.day() as i32,
            z.hour() as i32,
            z.minute() as i32,
            z.second() as i32,
            z.subsec_nanosecond(),
            z.offset().seconds(),
        ];
        Some((fields, zone.id()))
    }
    pub fn class_name(&self) -> &'static str {
        match self {
            TimeVal::Zdt(..) => "java.time.ZonedDateTime",
            TimeVal::Instant(_) => "java.time.Instant",
            TimeVal::ZoneId(Zone::Offset(_)) => "java.time.ZoneOffset",
            TimeVal::ZoneId(_) => "java.time.ZoneRegion",
            TimeVal::Unit(_) => "java.time.temporal.ChronoUnit",
            TimeVal::Duration(_) => "java.time.Duration",
            TimeVal::Formatter(..) | TimeVal::Pattern(_) => "java.time.format.DateTimeFormatter",
            TimeVal::Local(_) => "java.time.LocalDateTime",
            TimeVal::DayOfWeek(_) => "java.time.DayOfWeek",
            TimeVal::Month(_) => "java.time.Month",
            TimeVal::Date(_) => "java.util.Date",
        }
    }
    pub fn is_instance(&self, c: &str) -> bool {
        matches!(
            (self, c),
            (TimeVal::Zdt(..), "ZonedDateTime")
                | (TimeVal::Instant(_), "Instant")
                | (TimeVal::ZoneId(_), "ZoneId")
                | (TimeVal::ZoneId(Zone::Offset(_)), "ZoneOffset")
                | (TimeVal::Unit(_), "ChronoUnit")
                | (TimeVal::Duration(_), "Duration")
                | (TimeVal::Formatter(..), "DateTimeFormatter")
                | (TimeVal::Pattern(_), "DateTimeFormatter")
                | (TimeVal::Local(_), "LocalDateTime")
                | (TimeVal::DayOfWeek(_), "DayOfWeek")
                | (TimeVal::Month(_), "Month")
                | (TimeVal::Date(_), "Date")
        )
    }
    pub fn to_java_string(&self) -> String {
        match self {
            TimeVal::Zdt(z, zone) => {
                let mut s = super::time_local::local_string(&z.datetime());
                s.push_str(&crate::dates::offset_id(z.offset()));
                if let Zone::Region(r) = zone {
                    s.push('[');
                    s.push_str(r);
                    s.push(']');
                }
                s
            }
            TimeVal::Instant(t) => instant_string(*t),
            TimeVal::ZoneId(z) => z.id(),
            TimeVal::Unit(u) => {
                let mut s = u.to_lowercase();
                if let Some(f) = s.get_mut(0..1) {
                    f.make_ascii_uppercase();
                }
                s.replace("_d", "D")
            }
            TimeVal::Duration(n) => super::time_duration::to_string(*n),
            // the JDK's toString leaves the override zone out
            TimeVal::Formatter(f, _) => FORMATTERS
                .iter()
                .find(|(n, _)| n == f)
                .map_or_else(|| f.to_string(), |(_, d)| d.to_string()),
            // the JDK prints its printer-parsers here; we name the pattern (a documented gap)
            TimeVal::Pattern(p) => format!("DateTimeFormatter.ofPattern({})", p.pattern()),
            TimeVal::Local(dt) => super::time_local::local_string(dt),
            TimeVal::DayOfWeek(d) => DAYS[(*d as usize - 1) % 7].into(),
            TimeVal::Month(m) => MONTHS[(*m as usize - 1) % 12].into(),
            TimeVal::Date(ms) => super::date::date_string(*ms),
        }
    }
    /// How a document holding this value serialises it: XContent writes `ZonedDateTime` and
    /// `Instant` with `strict_date_optional_time_nanos` (at least millisecond digits).
    pub fn to_xcontent_string(&self) -> String {
        let (z, off) = match self {
            TimeVal::Zdt(z, _) => (z.clone(), z.offset().seconds()),
            TimeVal::Instant(t) => (t.to_zoned(TimeZone::UTC), 0),
            // XContent writes a Date through its Instant
            TimeVal::Date(ms) => (super::date::instant_of(*ms).to_zoned(TimeZone::UTC), 0),
            other => return other.to_java_string(),
        };
        let nanos = z.subsec_nanosecond();
        let mut frac = format!("{nanos:09}");
        while frac.len() > 3 && frac.ends_with('0') {
            frac.pop();
        }
        format!(
            "{}-{:02}-{:02}T{:02}:{:02}:{:02}.{frac}{}",
            year_str(z.year()),
            z.month(),
            z.day(),
            z.hour(),
            z.minute(),
            z.second(),
            crate::dates::offset_id_seconds(off)
        )
    }

    pub fn equals(&self, other: &TimeVal) -> bool {
        match (self, other) {
            (TimeVal::Zdt(a, za), TimeVal::Zdt(b, zb)) => {
                a.timestamp() == b.timestamp() && za.id() == zb.id()
            }
            (TimeVal::Instant(a), TimeVal::Instant(b)) => a == b,
            (TimeVal::Date(a), TimeVal::Date(b)) => a == b,
            (TimeVal::Duration(a), TimeVal::Duration(b)) => a == b,
            // the constants are singletons: identity
            (TimeVal::Formatter(a, za), TimeVal::Formatter(b, zb)) => {
                a == b && za.as_ref().map(Zone::id) == zb.as_ref().map(Zone::id)
            }
            (TimeVal::Pattern(a), TimeVal::Pattern(b)) => std::sync::Arc::ptr_eq(a, b),
            _ => self.to_java_string() == other.to_java_string(),
        }
    }
    /// `hashCode()` as the JDK computes it (the enums and formatters, identity-hashed there,
    /// hash their text).
    pub fn hash_code(&self) -> i32 {
        // (int) (v ^ (v >>> 32))
        let long_hash = |v: i64| (v ^ ((v as u64) >> 32) as i64) as i32;
        // Instant and Duration: the seconds' hash plus 51 * nanos
        let seconds_nanos = |n: i128| {
            let secs = n.div_euclid(NANOS_PER_SECOND) as i64;
            let nanos = n.rem_euclid(NANOS_PER_SECOND) as i32;
            long_hash(secs).wrapping_add(nanos.wrapping_mul(51))
        };
        let zone_hash = |z: &Zone| match z {
            Zone::Offset(s) => *s,
            Zone::Region(id) => crate::value::java_string_hash(id),
        };
        match self {
            TimeVal::Date(ms) => long_hash(*ms),
            TimeVal::Instant(i) => seconds_nanos(i.as_nanosecond()),
            TimeVal::Duration(d) => seconds_nanos(*d),
            TimeVal::ZoneId(z) => zone_hash(z),
            TimeVal::Local(dt) => local_hash(dt),
            TimeVal::Zdt(z, zone) => {
                local_hash(&z.datetime()) ^ z.offset().seconds() ^ zone_hash(zone).rotate_left(3)
            }
            _ => crate::value::java_string_hash(&self.to_java_string()),
        }
    }
    pub fn compare(&self, other: &TimeVal) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (TimeVal::Zdt(a, za), TimeVal::Zdt(b, zb)) => {
                Some(zdt_compare_to(a, za, b, zb).cmp(&0))
            }
            (TimeVal::Instant(a), TimeVal::Instant(b)) => Some(a.cmp(b)),
            (TimeVal::Date(a), TimeVal::Date(b)) => Some(a.cmp(b)),
            (TimeVal::Local(a), TimeVal::Local(b)) => Some(a.cmp(b)),
            (TimeVal::Duration(a), TimeVal::Duration(b)) => {
                Some(super::time_duration::compare_to(*a, *b).cmp(&0))
            }
            // enums compare by ordinal
            (TimeVal::DayOfWeek(a), TimeVal::DayOfWeek(b))
            | (TimeVal::Month(a), TimeVal::Month(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// `LocalDateTime.compareTo`: `LocalDate.compareTo0` subtracts the years, months and days;
/// `LocalTime.compareTo` gives the sign.
pub(super) fn local_compare_to(a: &jiff::civil::DateTime, b: &jiff::civil::DateTime) -> i32 {
    let date = [
        i32::from(a.year()) - i32::from(b.year()),
        i32::from(a.month()) - i32::from(b.month()),
        i32::from(a.day()) - i32::from(b.day()),
    ];
    let first = date.into_iter().find(|d| *d != 0);
    first.unwrap_or_else(|| a.time().cmp(&b.time()) as i32)
}

/// `LocalDateTime.hashCode()`: `LocalDate.hashCode() ^ LocalTime.hashCode()`.
fn local_hash(dt: &jiff::civil::DateTime) -> i32 {
    let (y, m, d) = (
        i32::from(dt.year()),
        i32::from(dt.month()),
        i32::from(dt.day()),
    );
    let date = (y & 0xFFFF_F800_u32 as i32) ^ ((y << 11) + (m << 6) + d);
    let t = dt.time();
    let nod = (i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second()))
        * 1_000_000_000
        + i64::from(t.subsec_nanosecond());
    date ^ (nod ^ ((nod as u64) >> 32) as i64) as i32
}

/// `String.compareTo`: the first differing UTF-16 units' difference, else the lengths'.
fn java_string_compare(a: &str, b: &str) -> i32 {
    let (a, b): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    a.iter()
        .zip(&b)
        .find(|(x, y)| x != y)
        .map_or(a.len() as i32 - b.len() as i32, |(x, y)| {
            i32::from(*x) - i32::from(*y)
        })
}

/// `ChronoZonedDateTime.compareTo`: the epoch second, then the nano-of-second difference, then
/// the local date-time, then the zone ids.
fn zdt_compare_to(a: &Zoned, za: &Zone, b: &Zoned, zb: &Zone) -> i32 {
    let by_second = epoch_second(a.timestamp()).cmp(&epoch_second(b.timestamp())) as i32;
    if by_second != 0 {
        return by_second;
    }
    let by_nano = a.subsec_nanosecond() - b.subsec_nanosecond();
    if by_nano != 0 {
        return by_nano;
    }
    let by_local = local_compare_to(&a.datetime(), &b.datetime());
    if by_local != 0 {
        return by_local;
    }
    java_string_compare(&za.id(), &zb.id())
}

pub(super) fn tv(v: TimeVal) -> V {
    V::obj(Obj::Time(v))
}

pub(super) fn time_arg(v: &V) -> R<&TimeVal> {
    if let V::Obj(o) = v {
        if let Obj::Time(t) = &**o {
            return Ok(t);
        }
    }
    if v.is_null() {
        return Err(Thrown::npe(None));
    }
    Err(Thrown::cce(format!(
        "Cannot cast from [{}] to a java.time type.",
        class_name(v)
    )))
}

pub(super) fn unit_arg(v: &V) -> R<&'static str> {
    match time_arg(v)? {
        TimeVal::Unit(u) => Ok(u),
        _ => Err(Thrown::cce("expected ChronoUnit")),
    }
}

pub(super) fn zone_arg(v: &V) -> R<Zone> {
    match time_arg(v)? {
        TimeVal::ZoneId(z) => Ok(z.clone()),
        _ => Err(Thrown::cce("expected ZoneId")),
    }
}

fn timestamp_of(t: &TimeVal) -> R<Timestamp> {
    match t {
        TimeVal::Zdt(z, _) => Ok(z.timestamp()),
        TimeVal::Instant(i) => Ok(*i),
        _ => Err(Thrown::new(
            "UnsupportedTemporalTypeException",
            "Unsupported field: InstantSeconds",
        )),
    }
}

pub(super) fn unit_nanos(u: &str) -> Option<i128> {
    Some(match u {
        "NANOS" => 1,
        "MICROS" => 1_000,
        "MILLIS" => 1_000_000,
        "SECONDS" => 1_000_000_000,
        "MINUTES" => 60_000_000_000,
        "HOURS" => 3_600_000_000_000,
        "HALF_DAYS" => 43_200_000_000_000,
        "DAYS" => 86_400_000_000_000,
        "WEEKS" => 604_800_000_000_000,
        _ => return None,
    })
}

const NANOS_PER_SECOND: i128 = 1_000_000_000;

/// `Instant.getEpochSecond()`: whole seconds, rounded down (jiff's `as_second` rounds to zero).
fn epoch_second(ts: Timestamp) -> i64 {
    ts.as_nanosecond().div_euclid(NANOS_PER_SECOND) as i64
}

/// `Instant.toEpochMilli()`: rounded down.
fn epoch_milli(ts: Timestamp) -> i64 {
    ts.as_nanosecond().div_euclid(1_000_000) as i64
}

const DAYS_ORDINAL: usize = 7;

fn unit_ordinal(unit: &str) -> usize {
    UNITS.iter().position(|u| *u == unit).unwrap_or(0)
}

/// `ChronoUnit.getDuration()` in nanoseconds: the estimated ones from the 365.2425-day year.
fn unit_duration(unit: &str) -> i128 {
    const YEAR_SECONDS: i128 = 31_556_952;
    let seconds = match unit {
        "MONTHS" => YEAR_SECONDS / 12,
        "YEARS" => YEAR_SECONDS,
        "DECADES" => YEAR_SECONDS * 10,
        "CENTURIES" => YEAR_SECONDS * 100,
        "MILLENNIA" => YEAR_SECONDS * 1000,
        "ERAS" => YEAR_SECONDS * 1_000_000_000,
        "FOREVER" => return i128::from(i64::MAX) * NANOS_PER_SECOND + 999_999_999,
        other => return unit_nanos(other).unwrap_or(0),
    };
    seconds * NANOS_PER_SECOND
}

/// `a.until(b, unit)`, which `ChronoUnit.between(a, b)` is.
fn until(a: &TimeVal, b: &TimeVal, unit: &'static str) -> R<i64> {
    match (a, b) {
        (TimeVal::Zdt(za, _), TimeVal::Zdt(zb, _)) => {
            if let Some(n) = until_by_date(za, zb, unit) {
                return Ok(n);
            }
        }
        // `ZonedDateTime.from(instant)` fails: an instant has no zone
        (TimeVal::Zdt(..), TimeVal::Instant(_)) => {
            return Err(dte(format!(
            "Unable to obtain ZonedDateTime from TemporalAccessor: {} of type java.time.Instant",
            b.to_java_string()
        )))
        }
        _ => {}
    }
    let (ta, tb) = (timestamp_of(a)?, timestamp_of(b)?);
    if unit == "MILLIS" && matches!(a, TimeVal::Instant(_)) {
        // `Instant.until` counts milliseconds as the difference of the two `toEpochMilli()`s
        return Ok(epoch_milli(tb) - epoch_milli(ta));
    }
    let instant_weeks = unit == "WEEKS" && matches!(a, TimeVal::Instant(_));
    let per = unit_nanos(unit).filter(|_| !instant_weeks).ok_or_else(|| {
        Thrown::new(
            "UnsupportedTemporalTypeException",
            format!("Unsupported unit: {}", TimeVal::Unit(unit).to_java_string()),
        )
    })?;
    Ok(((tb.as_nanosecond() - ta.as_nanosecond()) / per) as i64)
}

/// `plus(amount, unit)` on a `ZonedDateTime` or an `Instant`.
fn plus_unit(t: &TimeVal, amount: i64, unit: &str) -> R<TimeVal> {
    let unsupported = || {
        Thrown::new(
            "UnsupportedTemporalTypeException",
            format!(
                "Unsupported unit: {}",
                TimeVal::Unit(unit_static(unit)).to_java_string()
            ),
        )
    };
    let plus_nanos = |ts: Timestamp, per: i128| {
        ts.as_nanosecond()
            .checked_add(per * i128::from(amount))
            .and_then(|n| Timestamp::from_nanosecond(n).ok())
            .ok_or_else(|| dte("Instant exceeds minimum or maximum instant"))
    };
    let time_based = unit_ordinal(unit) < DAYS_ORDINAL;
    match t {
        // ZonedDateTime.plus: the time units move the instant (resolveInstant), the date units
        // the local date-time, kept at the same offset where it can be (resolveLocal)
        TimeVal::Zdt(z, zone) if time_based => {
            let per = unit_nanos(unit).ok_or_else(unsupported)?;
            let ts = plus_nanos(z.timestamp(), per)?;
            Ok(TimeVal::Zdt(ts.to_zoned(zone.tz()?), zone.clone()))
        }
        TimeVal::Zdt(z, zone) => {
            let dt = super::time_local::plus(&z.datetime(), amount, unit)?;
            Ok(TimeVal::Zdt(of_local(dt, zone, z.offset())?, zone.clone()))
        }
        // Instant.plus: up to DAYS (as 86400 seconds)
        TimeVal::Instant(i) => {
            let per = unit_nanos(unit)
                .filter(|_| unit != "WEEKS")
                .ok_or_else(unsupported)?;
            Ok(TimeVal::Instant(plus_nanos(*i, per)?))
        }
        _ => Err(dte("unsupported")),
    }
}

/// The `ChronoUnit` constant's name with a static lifetime.
fn unit_static(unit: &str) -> &'static str {
    UNITS
        .iter()
        .find(|u| **u == unit)
        .copied()
        .unwrap_or("FOREVER")
}

pub fn call(_it: &mut Interp, recv: &V, o: &Obj, name: &str, args: Vec<V>) -> R<V> {
    let Obj::Time(t) = o else {
        return Err(not_found(recv, name, args.len()));
    };
    let n = args.len();
    if let ("toString", 0) = (name, n) {
        return Ok(V::string(t.to_java_string()));
    }
    if let ("compareTo", 1) = (name, n) {
        let other = time_arg(&args[0])?;
        // Enum.compareTo: the difference of the ordinals
        if let (TimeVal::DayOfWeek(a), TimeVal::DayOfWeek(b))
        | (TimeVal::Month(a), TimeVal::Month(b)) = (t, other)
        {
            return Ok(V::Int(*a as i32 - *b as i32));
        }
        if let (TimeVal::Local(a), TimeVal::Local(b)) = (t, other) {
            return Ok(V::Int(local_compare_to(a, b)));
        }
        if let (TimeVal::Zdt(a, za), TimeVal::Zdt(b, zb)) = (t, other) {
            return Ok(V::Int(zdt_compare_to(a, za, b, zb)));
        }
        if let (TimeVal::Duration(a), TimeVal::Duration(b)) = (t, other) {
            return Ok(V::Int(super::time_duration::compare_to(*a, *b)));
        }
        return t
            .compare(other)
            .map(|o| V::Int(o as i32))
            .ok_or_else(|| Thrown::cce("incomparable"));
    }
    if let ("toEpochMilli" | "getMillis", 0) = (name, n) {
        // Painless's `TemporalAccessor` augmentation (for an `Instant`, its own method): both round
        // down, as `INSTANT_SECONDS * 1000 + NANO_OF_SECOND / 1000000`
        if matches!(
            t,
            TimeVal::Zdt(..) | TimeVal::Instant(_) | TimeVal::DayOfWeek(_) | TimeVal::Month(_)
        ) || matches!(t, TimeVal::ZoneId(Zone::Offset(_)))
        {
            return Ok(V::Long(epoch_milli(timestamp_of(t)?)));
        }
    }
    match t {
        TimeVal::Date(ms) => super::date::call(recv, *ms, name, args),
        TimeVal::Local(dt) => super::time_local::call(dt, recv, name, args),
        TimeVal::Zdt(z, zone) => match (name, n) {
            ("getYear", 0) => Ok(V::Int(z.year() as i32)),
            ("toLocalDateTime", 0) => Ok(tv(TimeVal::Local(z.datetime()))),
            ("getMonthValue", 0) => Ok(V::Int(z.month() as i32)),
            ("getMonth", 0) => Ok(tv(TimeVal::Month(z.month() as u8))),
            ("getDayOfMonth", 0) => Ok(V::Int(z.day() as i32)),
            ("getDayOfYear", 0) => Ok(V::Int(z.day_of_year() as i32)),
            ("getDayOfWeek", 0) => Ok(tv(TimeVal::DayOfWeek(
                z.weekday().to_monday_one_offset() as u8
            ))),
            ("getHour", 0) => Ok(V::Int(z.hour() as i32)),
            ("getMinute", 0) => Ok(V::Int(z.minute() as i32)),
            ("getSecond", 0) => Ok(V::Int(z.second() as i32)),
            ("getNano", 0) => Ok(V::Int(z.subsec_nanosecond())),
            ("getZone", 0) => Ok(tv(TimeVal::ZoneId(zone.clone()))),
            ("getOffset", 0) => Ok(tv(TimeVal::ZoneId(Zone::Offset(z.offset().seconds())))),
            ("toInstant", 0) => Ok(tv(TimeVal::Instant(z.timestamp()))),
            ("toEpochSecond", 0) => Ok(V::Long(epoch_second(z.timestamp()))),
            ("getDayOfWeekEnum", 0) => Ok(tv(TimeVal::DayOfWeek(
                z.weekday().to_monday_one_offset() as u8,
            ))),
            (
                "withYear" | "withMonth" | "withDayOfMonth" | "withDayOfYear" | "withHour"
                | "withMinute" | "withSecond" | "withNano",
                1,
            ) => {
                let value = i64::from(arg_int(&args[0])?);
                match with_field(z, zone, name, value)? {
                    Some(r) => Ok(tv(r)),
                    None => Err(not_found(recv, name, n)),
                }
            }
            ("until", 2) => {
                let unit = unit_arg(&args[1])?;
                until(t, time_arg(&args[0])?, unit).map(V::Long)
            }
            ("withZoneSameInstant", 1) => {
                let nz = zone_arg(&args[0])?;
                let tz = nz.tz()?;
                Ok(tv(TimeVal::Zdt(z.timestamp().to_zoned(tz), nz)))
            }
            ("format", 1) => match time_arg(&args[0])? {
                TimeVal::Formatter(f, zone) => Ok(V::string(format_constant(t, f, zone)?)),
                TimeVal::Pattern(p) => Ok(V::string(format_pattern(t, p)?)),
                _ => Err(Thrown::cce("expected DateTimeFormatter")),
            },
            ("isBefore", 1) | ("isAfter", 1) | ("isEqual", 1) => {
                let other = timestamp_of(time_arg(&args[0])?)?;
                let me = z.timestamp();
                Ok(V::Bool(match name {
                    "isBefore" => me < other,
                    "isAfter" => me > other,
                    _ => me == other,
                }))
            }
            ("plus", 2) | ("minus", 2) => {
                let amount = num_of(&args[0]).map(|x| x.as_i64()).unwrap_or(0);
                let unit = unit_arg(&args[1])?;
                let amount = if name == "minus" {
                    amount.wrapping_neg()
                } else {
                    amount
                };
                Ok(tv(plus_unit(t, amount, unit)?))
            }
            _ => {
                let targs = args.iter().map(time_arg).collect::<R<Vec<&TimeVal>>>();
                if let Ok(targs) = &targs {
                    if let Some(r) = call_zdt(z, zone, name, targs) {
                        return r.map(tv);
                    }
                }
                let (sign, rest) = if let Some(r) = name.strip_prefix("plus") {
                    (1, r)
                } else if let Some(r) = name.strip_prefix("minus") {
                    (-1, r)
                } else {
                    return Err(not_found(recv, name, n));
                };
                if n != 1 {
                    return Err(not_found(recv, name, n));
                }
                let unit = match rest {
                    "Nanos" => "NANOS",
                    "Seconds" => "SECONDS",
                    "Minutes" => "MINUTES",
                    "Hours" => "HOURS",
                    "Days" => "DAYS",
                    "Weeks" => "WEEKS",
                    "Months" => "MONTHS",
                    "Years" => "YEARS",
                    _ => return Err(not_found(recv, name, n)),
                };
                let amount = num_of(&args[0])
                    .map(|x| x.as_i64())
                    .unwrap_or(0)
                    .wrapping_mul(sign);
                Ok(tv(plus_unit(t, amount, unit)?))
            }
        },
        TimeVal::Instant(i) => match (name, n) {
            ("getEpochSecond", 0) => Ok(V::Long(epoch_second(*i))),
            ("getNano", 0) => Ok(V::Int(i.as_nanosecond().rem_euclid(NANOS_PER_SECOND) as i32)),
            ("until", 2) => {
                let unit = unit_arg(&args[1])?;
                until(t, time_arg(&args[0])?, unit).map(V::Long)
            }
            ("plus", 1) | ("minus", 1) => match time_arg(&args[0])? {
                TimeVal::Duration(d) => {
                    let d = if name == "minus" { -*d } else { *d };
                    Timestamp::from_nanosecond(i.as_nanosecond() + d)
                        .map(|ts| tv(TimeVal::Instant(ts)))
                        .map_err(|e| dte(e.to_string()))
                }
                _ => Err(Thrown::cce("expected Duration")),
            },
            ("truncatedTo", 1) => {
                truncated_instant(*i, unit_arg(&args[0])?).map(|ts| tv(TimeVal::Instant(ts)))
            }
            ("atZone", 1) => {
                let nz = zone_arg(&args[0])?;
                Ok(tv(TimeVal::Zdt(i.to_zoned(nz.tz()?), nz)))
            }
            ("isBefore", 1) | ("isAfter", 1) => {
                let other = timestamp_of(time_arg(&args[0])?)?;
                Ok(V::Bool(if name == "isBefore" {
                    *i < other
                } else {
                    *i > other
                }))
            }
            ("plusMillis", 1)
            | ("plusSeconds", 1)
            | ("plusNanos", 1)
            | ("minusMillis", 1)
            | ("minusSeconds", 1)
            | ("minusNanos", 1) => {
                let amount = num_of(&args[0]).map(|x| x.as_i64()).unwrap_or(0);
                let amount = if name.starts_with("minus") {
                    amount.wrapping_neg()
                } else {
                    amount
                };
                let unit = if name.ends_with("Millis") {
                    "MILLIS"
                } else if name.ends_with("Seconds") {
                    "SECONDS"
                } else {
                    "NANOS"
                };
                Ok(tv(plus_unit(t, amount, unit)?))
            }
            ("plus", 2) | ("minus", 2) => {
                let amount = num_of(&args[0]).map(|x| x.as_i64()).unwrap_or(0);
                let unit = unit_arg(&args[1])?;
                let amount = if name == "minus" {
                    amount.wrapping_neg()
                } else {
                    amount
                };
                Ok(tv(plus_unit(t, amount, unit)?))
            }
            _ => Err(not_found(recv, name, n)),
        },
        TimeVal::Unit(u) => match (name, n) {
            ("between", 2) => until(time_arg(&args[0])?, time_arg(&args[1])?, u).map(V::Long),
            ("name", 0) => Ok(V::str(u)),
            ("ordinal", 0) => Ok(V::Int(unit_ordinal(u) as i32)),
            ("getDuration", 0) => Ok(tv(TimeVal::Duration(unit_duration(u)))),
            // `ChronoUnit`: DAYS and longer are date-based and estimated, FOREVER neither
            ("isDateBased", 0) => Ok(V::Bool(unit_ordinal(u) >= DAYS_ORDINAL && *u != "FOREVER")),
            ("isTimeBased", 0) => Ok(V::Bool(unit_ordinal(u) < DAYS_ORDINAL)),
            ("isDurationEstimated", 0) => Ok(V::Bool(unit_ordinal(u) >= DAYS_ORDINAL)),
            _ => Err(not_found(recv, name, n)),
        },
        TimeVal::Duration(d) => {
            let secs = d.div_euclid(1_000_000_000) as i64;
            match (name, n) {
                ("getSeconds", 0) | ("toSeconds", 0) => Ok(V::Long(secs)),
                ("getNano", 0) => Ok(V::Int(d.rem_euclid(1_000_000_000) as i32)),
                ("toMillis", 0) => Ok(V::Long((d / 1_000_000) as i64)),
                ("toNanos", 0) => i64::try_from(*d)
                    .map(V::Long)
                    .map_err(|_| Thrown::new("ArithmeticException", "long overflow")),
                ("toMinutes", 0) => Ok(V::Long(secs / 60)),
                ("toHours", 0) => Ok(V::Long(secs / 3600)),
                ("toDays", 0) => Ok(V::Long(secs / 86400)),
                ("isNegative", 0) => Ok(V::Bool(*d < 0)),
                ("isZero", 0) => Ok(V::Bool(*d == 0)),
                _ => super::time_duration::call(*d, name, &args)
                    .unwrap_or_else(|| Err(not_found(recv, name, n))),
            }
        }
        TimeVal::ZoneId(z) => match (name, n) {
            ("getId", 0) => Ok(V::string(z.id())),
            ("normalized", 0) => Ok(tv(TimeVal::ZoneId(normalized(z)?))),
            ("getTotalSeconds", 0) => match z {
                Zone::Offset(s) => Ok(V::Int(*s)),
                _ => Err(not_found(recv, name, n)),
            },
            _ => Err(not_found(recv, name, n)),
        },
        TimeVal::DayOfWeek(d) => match (name, n) {
            ("getValue", 0) => Ok(V::Int(*d as i32)),
            ("ordinal", 0) => Ok(V::Int(*d as i32 - 1)),
            ("name", 0) => Ok(V::string(t.to_java_string())),
            ("plus", 1) | ("minus", 1) => Ok(tv(TimeVal::DayOfWeek(cycle(*d, name, &args[0], 7)))),
            _ => Err(not_found(recv, name, n)),
        },
        TimeVal::Month(m) => match (name, n) {
            ("getValue", 0) => Ok(V::Int(*m as i32)),
            ("ordinal", 0) => Ok(V::Int(*m as i32 - 1)),
            ("name", 0) => Ok(V::string(t.to_java_string())),
            ("plus", 1) | ("minus", 1) => Ok(tv(TimeVal::Month(cycle(*m, name, &args[0], 12)))),
            ("length", 1) => {
                let leap = matches!(args[0], V::Bool(true));
                Ok(V::Int(month_days(*m, leap)))
            }
            ("minLength", 0) => Ok(V::Int(month_days(*m, false))),
            ("maxLength", 0) => Ok(V::Int(month_days(*m, true))),
            ("firstMonthOfQuarter", 0) => Ok(tv(TimeVal::Month((*m - 1) / 3 * 3 + 1))),
            ("firstDayOfYear", 1) => {
                let leap = matches!(args[0], V::Bool(true));
                Ok(V::Int(
                    1 + (1..*m)
                        .map(|earlier| month_days(earlier, leap))
                        .sum::<i32>(),
                ))
            }
            _ => Err(not_found(recv, name, n)),
        },
        TimeVal::Formatter(f, zone) => match (name, n) {
            ("format", 1) => match time_arg(&args[0])? {
                TimeVal::Local(dt) => super::time_local::format(dt, t).map(V::string),
                other => Ok(V::string(format_constant(other, f, zone)?)),
            },
            // `withZone(null)` clears the override
            ("withZone", 1) => {
                let nz = if args[0].is_null() {
                    None
                } else {
                    let z = zone_arg(&args[0])?;
                    z.tz()?;
                    Some(z)
                };
                Ok(tv(TimeVal::Formatter(f, nz)))
            }
            ("getZone", 0) => Ok(zone.clone().map_or(V::Null, |z| tv(TimeVal::ZoneId(z)))),
            _ => Err(not_found(recv, name, n)),
        },
        TimeVal::Pattern(p) => match (name, n) {
            ("format", 1) => match time_arg(&args[0])? {
                TimeVal::Local(dt) => super::time_local::format(dt, t).map(V::string),
                other => Ok(V::string(format_pattern(other, p)?)),
            },
            ("withZone", 1) => {
                let tz = zone_arg(&args[0])?.tz()?;
                Ok(tv(TimeVal::Pattern(std::sync::Arc::new(p.with_zone(tz)))))
            }
            ("getZone", 0) => Ok(match p.zone() {
                Some(tz) => tv(TimeVal::ZoneId(zone_of_tz(tz))),
                None => V::Null,
            }),
            _ => Err(not_found(recv, name, n)),
        },
    }
}

/// `ZoneOffset.MAX`'s total seconds (`MIN` is its negation).
const MAX_OFFSET: i32 = 18 * 3600;

/// `Month.length(leapYear)`.
fn month_days(m: u8, leap: bool) -> i32 {
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `ZoneOffset.ofHoursMinutesSeconds`, with its checks in the JDK's order and wording.
fn offset_of_hms([h, m, s]: [i32; 3]) -> R<i32> {
    let range = |what: &str, v: i32, limit: i32| {
        if (-limit..=limit).contains(&v) {
            Ok(())
        } else {
            Err(dte(format!(
                "Zone offset {what} not in valid range: value {v} is not in the range -{limit} to {limit}"
            )))
        }
    };
    range("hours", h, 18)?;
    if h > 0 && (m < 0 || s < 0) {
        return Err(dte(
            "Zone offset minutes and seconds must be positive because hours is positive",
        ));
    }
    if h < 0 && (m > 0 || s > 0) {
        return Err(dte(
            "Zone offset minutes and seconds must be negative because hours is negative",
        ));
    }
    if (m > 0 && s < 0) || (m < 0 && s > 0) {
        return Err(dte(
            "Zone offset minutes and seconds must have the same sign",
        ));
    }
    range("minutes", m, 59)?;
    range("seconds", s, 59)?;
    if h.abs() == 18 && (m | s) != 0 {
        return Err(dte("Zone offset not in valid range: -18:00 to +18:00"));
    }
    Ok(h * 3600 + m * 60 + s)
}

/// `ZoneId.normalized()`: a region whose rules never change is its offset.
fn normalized(z: &Zone) -> R<Zone> {
    let Zone::Region(_) = z else {
        return Ok(z.clone());
    };
    let tz = z.tz()?;
    let fixed = tz.following(Timestamp::MIN).next().is_none();
    Ok(if fixed {
        Zone::Offset(tz.to_offset(Timestamp::UNIX_EPOCH).seconds())
    } else {
        z.clone()
    })
}

/// `DayOfWeek.plus`/`minus`, `Month.plus`/`minus`: `value` (numbered from 1) moved round a cycle of
/// `len` by the argument.
fn cycle(value: u8, name: &str, amount: &V, len: i64) -> u8 {
    let step = num_of(amount).map(|x| x.as_i64()).unwrap_or(0) % len;
    let step = if name == "minus" { -step } else { step };
    ((value as i64 - 1 + step + len) % len + 1) as u8
}

pub fn call_static(class: &str, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match (class, name, n) {
        ("DayOfWeek", "of", 1) => {
            let d = arg_int(&args[0])?;
            if !(1..=7).contains(&d) {
                return Err(dte(format!("Invalid value for DayOfWeek: {d}")));
            }
            Ok(tv(TimeVal::DayOfWeek(d as u8)))
        }
        ("Month", "of", 1) => {
            let m = arg_int(&args[0])?;
            if !(1..=12).contains(&m) {
                return Err(dte(format!("Invalid value for MonthOfYear: {m}")));
            }
            Ok(tv(TimeVal::Month(m as u8)))
        }
        ("DayOfWeek" | "Month" | "ChronoUnit", "valueOf", 1) => {
            let name = arg_str(&args[0])?;
            let package = if class == "ChronoUnit" {
                "java.time.temporal"
            } else {
                "java.time"
            };
            static_field(class, name)
                .map_err(|_| Thrown::iae(format!("No enum constant {package}.{class}.{name}")))
        }
        ("DayOfWeek" | "Month" | "ChronoUnit", "values", 0) => {
            let (names, elem) = match class {
                "DayOfWeek" => (DAYS, "DayOfWeek"),
                "Month" => (MONTHS, "Month"),
                _ => (UNITS, "ChronoUnit"),
            };
            let items = names
                .iter()
                .map(|n| static_field(class, n))
                .collect::<R<Vec<V>>>()?;
            Ok(V::Array(std::rc::Rc::new(std::cell::RefCell::new(
                ArrayObj {
                    elem: crate::painless::ast::Ty::Class(elem),
                    items,
                },
            ))))
        }
        // parse(text) is parse(text, ISO_ZONED_DATE_TIME)
        ("ZonedDateTime", "parse", 1) | ("ZonedDateTime", "parse", 2) => {
            let (formatter, override_zone) = match args.get(1) {
                None => ("ISO_ZONED_DATE_TIME", None),
                Some(f) if f.is_null() => return Err(Thrown::npe(Some("formatter".into()))),
                Some(f) => match time_arg(f)? {
                    TimeVal::Formatter(name, zone) => (*name, zone.clone()),
                    TimeVal::Pattern(p) => {
                        if args[0].is_null() {
                            return Err(Thrown::npe(Some("text".into())));
                        }
                        let (z, zone) = p
                            .parse_zoned(arg_str(&args[0])?)
                            .map_err(|m| Thrown::new("DateTimeParseException", m))?;
                        let zone = match zone {
                            crate::dates::ParsedZone::Region(tz) => zone_of_tz(&tz),
                            crate::dates::ParsedZone::Offset(secs) => Zone::Offset(secs),
                        };
                        return Ok(tv(TimeVal::Zdt(z, zone)));
                    }
                    _ => return Err(Thrown::cce("expected DateTimeFormatter")),
                },
            };
            if args[0].is_null() {
                return Err(Thrown::npe(Some("text".into())));
            }
            let (z, zone) = parse_zoned(arg_str(&args[0])?, formatter, override_zone)?;
            Ok(tv(TimeVal::Zdt(z, zone)))
        }
        ("ZonedDateTime", "ofInstant", 2) => {
            let ts = timestamp_of(time_arg(&args[0])?)?;
            let zone = zone_arg(&args[1])?;
            Ok(tv(TimeVal::Zdt(ts.to_zoned(zone.tz()?), zone)))
        }
        ("LocalDateTime", _, _) => super::time_local::call_static(name, args),
        ("ZonedDateTime", "of", 2) => {
            let TimeVal::Local(dt) = time_arg(&args[0])? else {
                return Err(Thrown::cce("expected a LocalDateTime"));
            };
            let zone = zone_arg(&args[1])?;
            let z = at_zone(*dt, &zone)?;
            Ok(tv(TimeVal::Zdt(z, zone)))
        }
        ("ZonedDateTime", "of", 8) => {
            let mut f = [0i32; 7];
            for (i, slot) in f.iter_mut().enumerate() {
                *slot = arg_int(&args[i])?;
            }
            let zone = zone_arg(&args[7])?;
            let dt = jiff::civil::DateTime::new(
                f[0] as i16,
                f[1] as i8,
                f[2] as i8,
                f[3] as i8,
                f[4] as i8,
                f[5] as i8,
                f[6],
            )
            .map_err(|e| dte(e.to_string()))?;
            let z = at_zone(dt, &zone)?;
            Ok(tv(TimeVal::Zdt(z, zone)))
        }
        ("Instant", "parse", 1) => {
            if args[0].is_null() {
                return Err(Thrown::npe(Some("text".into())));
            }
            Ok(tv(TimeVal::Instant(parse_instant_text(arg_str(&args[0])?)?)))
        }
        ("Instant", "ofEpochMilli", 1) => {
            let ms = num_of(&args[0]).map(|x| x.as_i64()).unwrap_or(0);
            Ok(tv(TimeVal::Instant(
                Timestamp::from_millisecond(ms).map_err(|e| dte(e.to_string()))?,
            )))
        }
        ("Instant", "ofEpochSecond", 1) | ("Instant", "ofEpochSecond", 2) => {
            let s = num_of(&args[0]).map(|x| x.as_i64()).unwrap_or(0) as i128;
            let nanos = if n == 2 {
                num_of(&args[1]).map(|x| x.as_i64()).unwrap_or(0) as i128
            } else {
                0
            };
            Ok(tv(TimeVal::Instant(
                Timestamp::from_nanosecond(s * 1_000_000_000 + nanos)
                    .map_err(|e| dte(e.to_string()))?,
            )))
        }
        ("ZoneId", "of", 1) => Ok(tv(TimeVal::ZoneId(parse_zone(arg_str(&args[0])?)?))),
        ("ZoneOffset", "of", 1) => Ok(tv(TimeVal::ZoneId(parse_zone_offset(arg_str(&args[0])?)?))),
        // ZoneId.of(String, Map): the alias map's value for the id, else the id itself
        ("ZoneId", "of", 2) => {
            let id = arg_str(&args[0])?;
            let V::Map(aliases) = &args[1] else {
                return Err(match &args[1] {
                    V::Null => Thrown::npe(Some("aliasMap".into())),
                    other => Thrown::cce(format!(
                        "Cannot cast from [{}] to [java.util.Map].",
                        short_type_name(other)
                    )),
                });
            };
            let alias = aliases.borrow().get_str(id).cloned();
            let target = match &alias {
                Some(v) if !v.is_null() => arg_str(v)?,
                _ => id,
            };
            Ok(tv(TimeVal::ZoneId(parse_zone(target)?)))
        }
        ("ZoneOffset", "ofHoursMinutes", 2) | ("ZoneOffset", "ofHoursMinutesSeconds", 3) => {
            let mut hms = [0i32; 3];
            for (slot, a) in hms.iter_mut().zip(&args) {
                *slot = arg_int(a)?;
            }
            offset_of_hms(hms).map(|s| tv(TimeVal::ZoneId(Zone::Offset(s))))
        }
        ("ZoneOffset", "ofTotalSeconds", 1) => {
            let s = arg_int(&args[0])?;
            if !(-MAX_OFFSET..=MAX_OFFSET).contains(&s) {
                return Err(dte("Zone offset not in valid range: -18:00 to +18:00"));
            }
            Ok(tv(TimeVal::ZoneId(Zone::Offset(s))))
        }
        // `ZoneId.ofOffset(prefix, offset)`: `GMT+01:00`, `UTC` (a zero offset), or the offset itself
        ("ZoneId", "ofOffset", 2) => {
            let prefix = arg_str(&args[0])?;
            let offset = match time_arg(&args[1])? {
                TimeVal::ZoneId(Zone::Offset(s)) => *s,
                _ => return Err(Thrown::cce("expected ZoneOffset")),
            };
            if prefix.is_empty() {
                return Ok(tv(TimeVal::ZoneId(Zone::Offset(offset))));
            }
            if !matches!(prefix, "GMT" | "UTC" | "UT") {
                return Err(Thrown::iae(format!(
                    "prefix should be GMT, UTC or UT, is: {prefix}"
                )));
            }
            let id = if offset == 0 {
                prefix.to_string()
            } else {
                format!("{prefix}{}", crate::dates::offset_id_seconds(offset))
            };
            Ok(tv(TimeVal::ZoneId(Zone::Region(id))))
        }
        ("ZonedDateTime", "from", 1) => match time_arg(&args[0])? {
            z @ TimeVal::Zdt(..) => Ok(tv(z.clone())),
            other => Err(dte(format!(
                "Unable to obtain ZonedDateTime from TemporalAccessor: {} of type {}",
                other.to_java_string(),
                other.class_name()
            ))),
        },
        ("ZoneOffset", "ofHours", 1) => {
            let h = arg_int(&args[0])?;
            if !(-18..=18).contains(&h) {
                return Err(dte(format!(
                    "Zone offset hours not in valid range: value {h} is not in the range -18 to 18"
                )));
            }
            Ok(tv(TimeVal::ZoneId(Zone::Offset(h * 3600))))
        }
        ("Duration", "between", 2) => {
            let a = timestamp_of(time_arg(&args[0])?)?;
            let b = timestamp_of(time_arg(&args[1])?)?;
            Ok(tv(TimeVal::Duration(b.as_nanosecond() - a.as_nanosecond())))
        }
        ("Duration", m, _) if super::time_duration::call_static(m, &args).is_some() => {
            super::time_duration::call_static(m, &args).unwrap_or_else(|| Err(super::no_such()))
        }
        ("Instant", "from", 1) => match time_arg(&args[0])? {
            TimeVal::Instant(i) => Ok(tv(TimeVal::Instant(*i))),
            TimeVal::Zdt(z, _) => Ok(tv(TimeVal::Instant(z.timestamp()))),
            other => Err(dte(format!(
                "Unable to obtain Instant from TemporalAccessor: {} of type {}",
                other.to_java_string(),
                other.class_name()
            ))),
        },
        ("Duration", m, 1) if m.starts_with("of") => {
            let amount = num_of(&args[0]).map(|x| x.as_i64()).unwrap_or(0) as i128;
            let unit = match m {
                "ofNanos" => 1,
                "ofMillis" => 1_000_000,
                "ofSeconds" => 1_000_000_000,
                "ofMinutes" => 60_000_000_000,
                "ofHours" => 3_600_000_000_000,
                "ofDays" => 86_400_000_000_000,
                _ => return Err(super::no_such()),
            };
            Ok(tv(TimeVal::Duration(amount * unit)))
        }
        ("DateTimeFormatter", "ofPattern", 1) => {
            if args[0].is_null() {
                return Err(Thrown::npe(Some("pattern".into())));
            }
            let p = crate::dates::PatternFormatter::compile(arg_str(&args[0])?)
                .map_err(Thrown::iae)?;
            Ok(tv(TimeVal::Pattern(std::sync::Arc::new(p))))
        }
        ("DateTimeFormatter", "ofPattern", 2) => Err(Thrown::unsupported(Some(
            "DateTimeFormatter.ofPattern(pattern, locale) is not supported by ingest-emu; ofPattern(pattern) uses English"
                .into(),
        ))),
        (_, "now", _) => Err(Thrown::unsupported(Some(format!(
            "{class}.now() is not available: scripts have no clock access here"
        )))),
        _ => Err(super::no_such()),
    }
}

/// `ZoneId.SHORT_IDS` (JDK 17): the old three-letter ids and the zones `ZoneId.of(id, SHORT_IDS)`
/// reads them as. An immutable map, like the JDK's `Map.ofEntries`.
const SHORT_IDS: [(&str, &str); 28] = [
    ("ACT", "Australia/Darwin"),
    ("AET", "Australia/Sydney"),
    ("AGT", "America/Argentina/Buenos_Aires"),
    ("ART", "Africa/Cairo"),
    ("AST", "America/Anchorage"),
    ("BET", "America/Sao_Paulo"),
    ("BST", "Asia/Dhaka"),
    ("CAT", "Africa/Harare"),
    ("CNT", "America/St_Johns"),
    ("CST", "America/Chicago"),
    ("CTT", "Asia/Shanghai"),
    ("EAT", "Africa/Addis_Ababa"),
    ("ECT", "Europe/Paris"),
    ("EST", "-05:00"),
    ("HST", "-10:00"),
    ("IET", "America/Indiana/Indianapolis"),
    ("IST", "Asia/Kolkata"),
    ("JST", "Asia/Tokyo"),
    ("MIT", "Pacific/Apia"),
    ("MST", "-07:00"),
    ("NET", "Asia/Yerevan"),
    ("NST", "Pacific/Auckland"),
    ("PLT", "Asia/Karachi"),
    ("PNT", "America/Phoenix"),
    ("PRT", "America/Puerto_Rico"),
    ("PST", "America/Los_Angeles"),
    ("SST", "Pacific/Guadalcanal"),
    ("VST", "Asia/Ho_Chi_Minh"),
];

fn short_ids() -> R<V> {
    let map = V::new_map(crate::value::CollectionKind::Hash);
    if let V::Map(m) = &map {
        let mut m = m.borrow_mut();
        for (id, zone) in SHORT_IDS {
            m.put(V::str(id), V::str(zone))?;
        }
        m.immutable = true;
    }
    Ok(map)
}

pub fn static_field(class: &str, name: &str) -> R<V> {
    match class {
        "ChronoUnit" => UNITS
            .iter()
            .find(|u| **u == name)
            .map(|u| tv(TimeVal::Unit(u)))
            .ok_or_else(|| {
                Thrown::iae(format!(
                    "unknown static field [{name}] for class [ChronoUnit]"
                ))
            }),
        "DateTimeFormatter" => FORMATTERS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, _)| tv(TimeVal::Formatter(n, None)))
            .ok_or_else(|| {
                Thrown::iae(format!(
                    "unknown static field [{name}] for class [DateTimeFormatter]"
                ))
            }),
        "DayOfWeek" | "Month" => {
            let names = if class == "DayOfWeek" { DAYS } else { MONTHS };
            let i = names.iter().position(|n| *n == name).ok_or_else(|| {
                Thrown::iae(format!("unknown static field [{name}] for class [{class}]"))
            })?;
            let ordinal = i as u8 + 1;
            Ok(tv(if class == "DayOfWeek" {
                TimeVal::DayOfWeek(ordinal)
            } else {
                TimeVal::Month(ordinal)
            }))
        }
        "ZoneOffset" if name == "UTC" => Ok(tv(TimeVal::ZoneId(Zone::Offset(0)))),
        "ZoneOffset" if name == "MAX" => Ok(tv(TimeVal::ZoneId(Zone::Offset(MAX_OFFSET)))),
        "ZoneOffset" if name == "MIN" => Ok(tv(TimeVal::ZoneId(Zone::Offset(-MAX_OFFSET)))),
        "ZoneId" if name == "SHORT_IDS" => short_ids(),
        "Instant" if name == "EPOCH" => Ok(tv(TimeVal::Instant(Timestamp::UNIX_EPOCH))),
        // the years ±1,000,000,000 are beyond jiff's instants (years -9999..=9999)
        "Instant" if name == "MAX" || name == "MIN" => Err(Thrown::unsupported(Some(format!(
            "Instant.{name} is not supported by ingest-emu: its instants stop at the years -9999 and 9999"
        )))),
        "Duration" if name == "ZERO" => Ok(tv(TimeVal::Duration(0))),
        _ => Err(Thrown::iae(format!(
            "unknown static field [{name}] for class [{class}]"
        ))),
    }
}

/// `formatter.format(temporal)` for a constant, with `DateTimePrintContext.adjust`: an override
/// zone moves anything that is an instant into that zone.
fn format_constant(t: &TimeVal, f: &str, zone: &Option<Zone>) -> R<String> {
    let moved;
    let t = match (zone, t) {
        (Some(z), TimeVal::Zdt(..) | TimeVal::Instant(_)) => {
            let ts = timestamp_of(t)?;
            moved = TimeVal::Zdt(ts.to_zoned(z.tz()?), z.clone());
            &moved
        }
        _ => t,
    };
    format_with(t, f)
}

/// `formatter.format(temporal)` for an `ofPattern` formatter.
fn format_pattern(t: &TimeVal, p: &crate::dates::PatternFormatter) -> R<String> {
    use crate::dates::PrintError;
    match t {
        TimeVal::Zdt(z, _) => Ok(p.format_zoned(z)),
        TimeVal::Instant(i) => p
            .format_instant(*i, &instant_string(*i))
            .map_err(|e| match e {
                PrintError::UnsupportedField(f) => Thrown::new(
                    "UnsupportedTemporalTypeException",
                    format!("Unsupported field: {f}"),
                ),
                PrintError::NoZone(m) => Thrown::new("DateTimeException", m),
            }),
        _ => Err(Thrown::cce("expected a TemporalAccessor")),
    }
}

/// A zone as the script sees it: a `ZoneOffset` for fixed offsets, else a region id.
fn zone_of_tz(tz: &TimeZone) -> Zone {
    if crate::dates::is_offset_zone(tz) {
        if let Ok(off) = tz.to_fixed_offset() {
            return Zone::Offset(off.seconds());
        }
    }
    Zone::Region(crate::dates::java_zone_id(tz))
}
