//! `java.util.Date`, as Painless allowlists it: a count of milliseconds since the epoch. Scripts
//! make one to store a timestamp (`ctx['@timestamp'] = new Date(millis)`, squid's log
//! pipeline), which the document then writes as XContent writes a `Date`: through its
//! `Instant`.
//!
//! `toString()` prints in UTC (the JVM default zone of Elasticsearch's images), and dates are
//! proleptic Gregorian; `setTime` is refused, as these dates are immutable values here.

use super::numbers::long_arg;
use super::time::{time_arg, TimeVal};
use super::{not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;
use jiff::tz::TimeZone;
use jiff::Timestamp;

fn date(millis: i64) -> V {
    V::obj(Obj::Time(TimeVal::Date(millis)))
}

/// `new Date()` (now) and `new Date(long)`.
pub fn new_date(args: &[V]) -> R<V> {
    match args {
        [] => Ok(date(Timestamp::now().as_millisecond())),
        [millis] => Ok(date(long_arg(millis)?)),
        _ => Err(Thrown::iae(format!(
            "constructor [Date/{}] not found (not implemented or not allowlisted)",
            args.len()
        ))),
    }
}

/// `Date.from(Instant)`: the instant's milliseconds, rounded down.
pub fn call_static(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.as_slice()) {
        ("from", [instant]) => match time_arg(instant)? {
            TimeVal::Instant(t) => Ok(date(t.as_millisecond())),
            other => Err(Thrown::cce(format!(
                "Cannot cast from [{}] to [java.time.Instant].",
                other.class_name()
            ))),
        },
        _ => Err(super::no_such()),
    }
}

/// The instant a count of milliseconds names (clamped to what jiff can hold).
pub fn instant_of(millis: i64) -> Timestamp {
    Timestamp::from_millisecond(millis).unwrap_or(if millis < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// `Date.toString()`: `EEE MMM dd HH:mm:ss zzz yyyy`.
pub fn date_string(millis: i64) -> String {
    let z = instant_of(millis).to_zoned(TimeZone::UTC);
    z.strftime("%a %b %d %H:%M:%S UTC %Y").to_string()
}

/// Methods of a `Date` receiver.
pub fn call(recv: &V, millis: i64, name: &str, args: Vec<V>) -> R<V> {
    let other = |args: &[V]| -> R<i64> {
        match time_arg(&args[0])? {
            TimeVal::Date(m) => Ok(*m),
            other => Err(Thrown::cce(format!(
                "Cannot cast from [{}] to [java.util.Date].",
                other.class_name()
            ))),
        }
    };
    Ok(match (name, args.len()) {
        ("getTime", 0) => V::Long(millis),
        ("toInstant", 0) => V::obj(Obj::Time(TimeVal::Instant(instant_of(millis)))),
        ("before", 1) => V::Bool(millis < other(&args)?),
        ("after", 1) => V::Bool(millis > other(&args)?),
        ("compareTo", 1) => V::Int(millis.cmp(&other(&args)?) as i32),
        ("clone", 0) => date(millis),
        ("setTime", 1) => {
            return Err(Thrown::unsupported(Some(
                "Date.setTime is not supported by ingest-emu (dates are immutable here)".into(),
            )))
        }
        _ => return Err(not_found(recv, name, args.len())),
    })
}
