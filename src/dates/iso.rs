//! ES's hand-written `Iso8601Parser` (ES 8.x), tried before the java.time parser for the ISO
//! named formats. It accepts a few inputs java.time rejects or reads differently: any
//! `ZoneId.of` text as zone (`GMT+1`, `UTC+0100`), two-digit hour offsets, fractions with `,`.

use jiff::tz::{Offset, TimeZone};

use super::civil::{LDate, LTime};
use super::engine::Parsed;
use super::fields::Field;
use super::resolve::Resolved;
use super::zone;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum IsoField {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Nano,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecimalSep {
    Dot,
    Both,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TzPresence {
    Optional,
    Mandatory,
    Forbidden,
}

/// One `Iso8601Parser` configuration (`mandatory` always includes the year).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IsoConfig {
    pub mandatory: Vec<IsoField>,
    pub optional_time: bool,
    pub max_allowed: Option<IsoField>,
    pub decimal: DecimalSep,
    pub tz: TzPresence,
}

struct Dt {
    y: i64,
    m: Option<i64>,
    d: Option<i64>,
    h: Option<i64>,
    mi: Option<i64>,
    s: Option<i64>,
    n: Option<i64>,
    zone: Option<TimeZone>,
}

impl IsoConfig {
    fn optional(&self, f: IsoField) -> bool {
        !self.mandatory.contains(&f)
    }

    fn max_is(&self, f: IsoField) -> bool {
        self.max_allowed == Some(f)
    }

    /// `tryParse`: the resolved fields, or `None` (the caller then tries java.time).
    pub fn try_parse(&self, s: &[char]) -> Option<Result<Resolved, String>> {
        if s.is_empty() {
            return None;
        }
        let dt = if s[0] == '-' {
            let mut dt = self.parse(&s[1..])?;
            dt.y = -dt.y;
            dt
        } else {
            self.parse(s)?
        };
        Some(to_resolved(dt))
    }

    fn parse(&self, s: &[char]) -> Option<Dt> {
        use IsoField::*;
        let len = s.len();
        let mut dt = Dt {
            y: num(s, 0, 4)?,
            m: None,
            d: None,
            h: None,
            mi: None,
            s: None,
            n: None,
            zone: None,
        };
        if len == 4 {
            return self.optional(Month).then_some(dt);
        }
        if s[4] != '-' || self.max_is(Year) {
            return None;
        }
        dt.m = Some(num(s, 5, 7).filter(|m| *m <= 12)?);
        if len == 7 {
            return self.optional(Day).then_some(dt);
        }
        if s[7] != '-' || self.max_is(Month) {
            return None;
        }
        dt.d = Some(num(s, 8, 10).filter(|d| *d <= 31)?);
        if len == 10 {
            return (self.optional_time || self.optional(Hour)).then_some(dt);
        }
        if s[10] != 'T' || self.max_is(Day) {
            return None;
        }
        if len == 11 {
            return self.optional(Hour).then_some(dt);
        }
        dt.h = Some(num(s, 11, 13).filter(|h| *h <= 23)?);
        dt.mi = Some(0);
        dt.s = Some(0);
        dt.n = Some(0);
        if len == 13 {
            return (self.optional(Minute) && self.tz != TzPresence::Mandatory).then_some(dt);
        }
        if is_zone_start(s[13]) {
            dt.zone = Some(self.zone(s, 13)?);
            return self.optional(Minute).then_some(dt);
        }
        if s[13] != ':' || self.max_is(Hour) {
            return None;
        }
        dt.mi = Some(num(s, 14, 16).filter(|m| *m <= 59)?);
        if len == 16 {
            return (self.optional(Second) && self.tz != TzPresence::Mandatory).then_some(dt);
        }
        if is_zone_start(s[16]) {
            dt.zone = Some(self.zone(s, 16)?);
            return self.optional(Second).then_some(dt);
        }
        if s[16] != ':' || self.max_is(Minute) {
            return None;
        }
        dt.s = Some(num(s, 17, 19).filter(|v| *v <= 59)?);
        if len == 19 {
            return (self.optional(Nano) && self.tz != TzPresence::Mandatory).then_some(dt);
        }
        if is_zone_start(s[19]) {
            dt.zone = Some(self.zone(s, 19)?);
            return Some(dt);
        }
        let sep_ok = match self.decimal {
            DecimalSep::Dot => s[19] == '.',
            DecimalSep::Both => s[19] == '.' || s[19] == ',',
        };
        if !sep_ok || self.max_is(Second) {
            return None;
        }
        let mut nanos: i64 = 0;
        let mut pos = 20;
        while pos < len && pos < 29 && s[pos].is_ascii_digit() {
            nanos = nanos * 10 + i64::from(s[pos] as u8 - b'0');
            pos += 1;
        }
        if pos == 20 {
            return None;
        }
        nanos *= 10i64.pow((29 - pos) as u32);
        dt.n = Some(nanos);
        if len == pos {
            return (self.tz != TzPresence::Mandatory).then_some(dt);
        }
        if is_zone_start(s[pos]) {
            dt.zone = Some(self.zone(s, pos)?);
            return Some(dt);
        }
        None
    }

    /// `parseZoneId`: `Z`, `±hh[[:]mm[[:]ss]]`, else `ZoneId.of(rest)`.
    fn zone(&self, s: &[char], pos: usize) -> Option<TimeZone> {
        if self.tz == TzPresence::Forbidden {
            return None;
        }
        let len = s.len();
        let first = s[pos];
        if first == 'Z' && len == pos + 1 {
            return Some(TimeZone::UTC);
        }
        let positive = match first {
            '+' => true,
            '-' => false,
            _ => {
                let rest: String = s[pos..].iter().collect();
                return zone::parse_timezone(&rest).ok();
            }
        };
        let mut p = pos + 1;
        let h = num(s, p, p + 2).filter(|h| *h <= 23)?;
        p += 2;
        let offset = |h: i64, m: i64, sec: i64| -> Option<TimeZone> {
            let total = (h * 3600 + m * 60 + sec) as i32;
            Offset::from_seconds(if positive { total } else { -total })
                .ok()
                .map(TimeZone::fixed)
        };
        if len == p {
            return offset(h, 0, 0);
        }
        let colon = s[p] == ':';
        if colon {
            p += 1;
        }
        let m = num(s, p, p + 2).filter(|m| *m <= 59)?;
        p += 2;
        if len == p {
            return offset(h, m, 0);
        }
        if (s[p] == ':') != colon {
            return None;
        }
        if colon {
            p += 1;
        }
        let sec = num(s, p, p + 2).filter(|v| *v <= 59)?;
        p += 2;
        if len == p {
            return offset(h, m, sec);
        }
        None
    }
}

fn is_zone_start(c: char) -> bool {
    c == '+' || c == '-' || c.is_ascii_alphabetic()
}

fn num(s: &[char], start: usize, end: usize) -> Option<i64> {
    if s.len() < end {
        return None;
    }
    let mut v = 0;
    for c in &s[start..end] {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(*c as u8 - b'0');
    }
    Some(v)
}

/// ES's `DateTime` accessor as `DateFormatters.from` sees it.
fn to_resolved(dt: Dt) -> Result<Resolved, String> {
    let mut p = Parsed {
        fields: Vec::new(),
        zone: dt.zone,
    };
    let date = match (dt.m, dt.d) {
        (Some(m), Some(d)) => Some(LDate::of(dt.y, m, d)?),
        _ => None,
    };
    if date.is_none() {
        p.put(Field::Year, dt.y);
        if let Some(m) = dt.m {
            p.put(Field::MonthOfYear, m);
        }
    }
    let time = dt.h.map(|h| LTime {
        h,
        mi: dt.mi.unwrap_or(0),
        s: dt.s.unwrap_or(0),
        n: dt.n.unwrap_or(0),
    });
    Ok(Resolved { p, date, time })
}
