//! `ZonedDateTime`'s adjusters (`withYear` ... `withNano`, `withZoneSameLocal`, the overlap and
//! fixed-offset variants, `truncatedTo`, `plus`/`minus` of a `Duration`) and `until`, with
//! java.time's rules: a changed local date-time is placed in its zone by `ZonedDateTime.ofLocal`
//! (the current offset kept in an overlap when still valid, a gap skipped forward by its length),
//! and date-based units count local dates, not 24-hour blocks.

use super::time::{dte, TimeVal, Zone};
use crate::dates::{ChronoField, LDate, LTime};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Offset};
use jiff::{Timestamp, Zoned};

const NANOS_PER_DAY: i64 = 86_400_000_000_000;

fn local_date(z: &Zoned) -> LDate {
    LDate::from_jiff(z.date())
}

fn local_time(z: &Zoned) -> LTime {
    LTime {
        h: i64::from(z.hour()),
        mi: i64::from(z.minute()),
        s: i64::from(z.second()),
        n: i64::from(z.subsec_nanosecond()),
    }
}

fn civil(d: LDate, t: LTime) -> R<DateTime> {
    d.at(t).map_err(dte)
}

/// `ZonedDateTime.of(dateTime, zone)` (`ofLocal` without a preferred offset: the earlier offset
/// of an overlap, a gap moved forward by its length).
pub(super) fn at_zone(dt: DateTime, zone: &Zone) -> R<Zoned> {
    dt.to_zoned(zone.tz()?).map_err(|e| dte(e.to_string()))
}

/// `ZonedDateTime.ofLocal(dateTime, zone, preferredOffset)`.
pub(super) fn of_local(dt: DateTime, zone: &Zone, preferred: Offset) -> R<Zoned> {
    let tz = zone.tz()?;
    let ambiguous = tz.to_ambiguous_zoned(dt);
    let z = match ambiguous.offset() {
        AmbiguousOffset::Fold { after, .. } if after == preferred => ambiguous.later(),
        // one valid offset; the earlier of an overlap; a gap moved forward by its length
        _ => ambiguous.compatible(),
    };
    z.map_err(|e| dte(e.to_string()))
}

/// The same local date-time at `offset`, which must be valid there (`new ZonedDateTime`).
fn at_offset(z: &Zoned, offset: Offset, zone: &Zone) -> R<Zoned> {
    let ts = offset
        .to_timestamp(z.datetime())
        .map_err(|e| dte(e.to_string()))?;
    Ok(ts.to_zoned(zone.tz()?))
}

fn zdt(z: Zoned, zone: &Zone) -> TimeVal {
    TimeVal::Zdt(z, zone.clone())
}

/// `LocalDateTime.with(field, value)` for the `withX` methods, then `resolveLocal`.
pub(super) fn with_field(z: &Zoned, zone: &Zone, method: &str, value: i64) -> R<Option<TimeVal>> {
    let mut date = local_date(z);
    let mut time = local_time(z);
    let check = |f: ChronoField| f.check(value).map_err(dte);
    // `withYear`/`withMonth` keep the day where the new month is shorter (`resolvePreviousValid`)
    let previous_valid = |y: i64, m: i64, d: i64| LDate {
        y,
        m,
        d: d.min(crate::dates::month_len(y, m)),
    };
    match method {
        "withYear" => {
            check(ChronoField::Year)?;
            date = previous_valid(value, date.m, date.d);
        }
        "withMonth" => {
            check(ChronoField::MonthOfYear)?;
            date = previous_valid(date.y, value, date.d);
        }
        "withDayOfMonth" => date = LDate::of(date.y, date.m, value).map_err(dte)?,
        "withDayOfYear" => date = LDate::of_year_day(date.y, value).map_err(dte)?,
        "withHour" => time.h = check(ChronoField::HourOfDay)?,
        "withMinute" => time.mi = check(ChronoField::MinuteOfHour)?,
        "withSecond" => time.s = check(ChronoField::SecondOfMinute)?,
        "withNano" => time.n = check(ChronoField::NanoOfSecond)?,
        _ => return Ok(None),
    }
    Ok(Some(zdt(
        of_local(civil(date, time)?, zone, z.offset())?,
        zone,
    )))
}

/// The other `ZonedDateTime` members of this module; `None` when `name`/`args` is not one.
pub(super) fn call_zdt(
    z: &Zoned,
    zone: &Zone,
    name: &str,
    args: &[&TimeVal],
) -> Option<R<TimeVal>> {
    Some(match (name, args) {
        ("withZoneSameLocal", [TimeVal::ZoneId(new_zone)]) => {
            of_local(z.datetime(), new_zone, z.offset()).map(|r| zdt(r, new_zone))
        }
        ("withEarlierOffsetAtOverlap" | "withLaterOffsetAtOverlap", []) => {
            let tz = match zone.tz() {
                Ok(tz) => tz,
                Err(e) => return Some(Err(e)),
            };
            match tz.to_ambiguous_zoned(z.datetime()).offset() {
                AmbiguousOffset::Fold { before, after } => {
                    let wanted = if name == "withEarlierOffsetAtOverlap" {
                        before
                    } else {
                        after
                    };
                    at_offset(z, wanted, zone).map(|r| zdt(r, zone))
                }
                _ => Ok(zdt(z.clone(), zone)),
            }
        }
        ("withFixedOffsetZone", []) => {
            let fixed = Zone::Offset(z.offset().seconds());
            fixed
                .tz()
                .map(|tz| TimeVal::Zdt(z.timestamp().to_zoned(tz), fixed))
        }
        ("truncatedTo", [TimeVal::Unit(unit)]) => truncated(z, zone, unit),
        ("plus" | "minus", [TimeVal::Duration(d)]) => {
            let d = if name == "minus" { -*d } else { *d };
            Timestamp::from_nanosecond(z.timestamp().as_nanosecond() + d)
                .map_err(|e| dte(e.to_string()))
                .map(|ts| TimeVal::Zdt(ts.to_zoned(z.time_zone().clone()), zone.clone()))
        }
        _ => return None,
    })
}

/// The length of `unit` in nanoseconds for `truncatedTo` (`LocalTime`'s and `Instant`'s rule):
/// at most a day, and a divisor of it.
fn truncation_nanos(unit: &str) -> R<i64> {
    let unsupported = |m: &str| Thrown::new("UnsupportedTemporalTypeException", m.to_string());
    let nanos = match super::time::unit_nanos(unit) {
        Some(n) if n <= i128::from(NANOS_PER_DAY) => n as i64,
        _ => return Err(unsupported("Unit is too large to be used for truncation")),
    };
    if NANOS_PER_DAY % nanos != 0 {
        return Err(unsupported(
            "Unit must divide into a standard day without remainder",
        ));
    }
    Ok(nanos)
}

/// `ZonedDateTime.truncatedTo`: the local time truncated, then `resolveLocal`.
fn truncated(z: &Zoned, zone: &Zone, unit: &str) -> R<TimeVal> {
    let per = truncation_nanos(unit)?;
    let nod = local_time(z).nano_of_day();
    let time = LTime::from_nano_of_day(nod / per * per);
    Ok(zdt(
        of_local(civil(local_date(z), time)?, zone, z.offset())?,
        zone,
    ))
}

/// `Instant.truncatedTo`: down to a multiple of the unit within the (UTC) day.
pub(super) fn truncated_instant(ts: Timestamp, unit: &str) -> R<Timestamp> {
    let per = i128::from(truncation_nanos(unit)?);
    let total = ts.as_nanosecond();
    Timestamp::from_nanosecond(total - total.rem_euclid(per)).map_err(|e| dte(e.to_string()))
}

/// The date-based `ChronoUnit`s, by how many months (or days, for `DAYS`/`WEEKS`) one is.
fn date_unit(unit: &str) -> Option<(bool, i64)> {
    Some(match unit {
        "DAYS" => (false, 1),
        "WEEKS" => (false, 7),
        "MONTHS" => (true, 1),
        "YEARS" => (true, 12),
        "DECADES" => (true, 120),
        "CENTURIES" => (true, 1200),
        "MILLENNIA" => (true, 12000),
        _ => return None,
    })
}

/// `a.until(b, unit)` for two `ZonedDateTime`s and a date-based unit (`LocalDateTime.until` on
/// `b` moved into `a`'s zone); `None` for the time-based units, which count elapsed time.
pub(super) fn until_by_date(a: &Zoned, b: &Zoned, unit: &str) -> Option<i64> {
    let (months, per) = date_unit(unit)?;
    let b = b.timestamp().to_zoned(a.time_zone().clone());
    let (start_date, start_time) = (local_date(a), local_time(a).nano_of_day());
    let (mut end_date, end_time) = (local_date(&b), local_time(&b).nano_of_day());
    // a last day that is not complete does not count
    if end_date.epoch_day() > start_date.epoch_day() && end_time < start_time {
        end_date = LDate::from_epoch_day(end_date.epoch_day() - 1);
    } else if end_date.epoch_day() < start_date.epoch_day() && end_time > start_time {
        end_date = LDate::from_epoch_day(end_date.epoch_day() + 1);
    }
    Some(if months {
        let packed = |d: LDate| (d.y * 12 + d.m - 1) * 32 + d.d;
        (packed(end_date) - packed(start_date)) / 32 / per
    } else {
        (end_date.epoch_day() - start_date.epoch_day()) / per
    })
}

#[cfg(test)]
mod tests {
    use crate::painless::run_for_cli;

    fn error_of(script: &str) -> String {
        let got = run_for_cli(script, None, None);
        let cause = &got["error"]["caused_by"];
        format!(
            "{}: {}",
            cause["type"].as_str().unwrap_or("none"),
            cause["reason"].as_str().unwrap_or("none")
        )
    }

    /// The messages, checked with JDK 17 (the results themselves are in tests/oracle/cases.txt).
    #[test]
    fn invalid_adjustments_fail_as_java_does() {
        let z = "ZonedDateTime z = ZonedDateTime.of(2021, 2, 1, 10, 0, 0, 0, ZoneId.of('UTC'));";
        let cases = [
            ("z.withMonth(13)", "date_time_exception: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
            ("z.withDayOfMonth(29)", "date_time_exception: Invalid date 'February 29' as '2021' is not a leap year"),
            ("z.withDayOfMonth(32)", "date_time_exception: Invalid value for DayOfMonth (valid values 1 - 28/31): 32"),
            ("z.withMonth(4).withDayOfMonth(31)", "date_time_exception: Invalid date 'APRIL 31'"),
            ("z.withDayOfYear(366)", "date_time_exception: Invalid date 'DayOfYear 366' as '2021' is not a leap year"),
            ("z.withNano(1000000000)", "date_time_exception: Invalid value for NanoOfSecond (valid values 0 - 999999999): 1000000000"),
            ("z.truncatedTo(ChronoUnit.WEEKS)", "unsupported_temporal_type_exception: Unit is too large to be used for truncation"),
            ("ChronoUnit.WEEKS.between(Instant.EPOCH, Instant.EPOCH)", "unsupported_temporal_type_exception: Unsupported unit: Weeks"),
            ("ChronoUnit.HOURS.between(z, Instant.EPOCH)", "date_time_exception: Unable to obtain ZonedDateTime from TemporalAccessor: 1970-01-01T00:00:00Z of type java.time.Instant"),
        ];
        for (call, want) in cases {
            assert_eq!(error_of(&format!("{z} return {call};")), want, "{call}");
        }
    }

    /// Painless's `TemporalAccessor.toEpochMilli()`/`getMillis()` augmentation rounds down like
    /// `Instant.toEpochMilli()` (values from JDK 17's `Instant`).
    #[test]
    fn epoch_millis_augmentation() {
        for (script, want) in [
            (
                "ZonedDateTime.parse('2021-01-07T08:48:57.5Z').toEpochMilli()",
                1610009337500i64,
            ),
            (
                "ZonedDateTime.parse('2021-01-07T08:48:57.5Z').getMillis()",
                1610009337500,
            ),
            ("Instant.parse('1969-12-31T23:59:59.9995Z').getMillis()", -1),
        ] {
            let got = run_for_cli(&format!("return {script}"), None, None);
            assert_eq!(got["value"], want, "{script}: {got}");
        }
        let got = run_for_cli("return Month.MAY.getMillis()", None, None);
        assert_eq!(
            got["error"]["caused_by"]["reason"], "Unsupported field: InstantSeconds",
            "{got}"
        );
    }

    /// `getDayOfWeekEnum` is Painless's own (an augmentation), so the JVM cannot check it.
    #[test]
    fn day_of_week_enum() {
        let got = run_for_cli(
            "return ZonedDateTime.of(2021, 2, 1, 10, 0, 0, 0, ZoneId.of('UTC')).getDayOfWeekEnum().name()",
            None,
            None,
        );
        assert_eq!(got["value"], "MONDAY");
    }
}
