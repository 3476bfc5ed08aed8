//! `java.time.format.DateTimeFormatter`'s constants for Painless: printing, and
//! `ZonedDateTime.parse(text, formatter)` with the JDK's parsing, resolving and messages.

use super::time::*;
use crate::dates::{is_leap, month_len, ChronoField, LDate, LTime};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

// ------------------------------------------------------------------------------------------------
// The `DateTimeFormatter` constants: printing, and parsing for `ZonedDateTime.parse(text, f)`.
//
// Parsing re-implements, for these fixed formats only, JDK 17's `DateTimeFormatterBuilder`
// printer-parsers (case-insensitive and lenient settings, optional sections, adjacent values),
// `Parsed.resolve` (STRICT for the ISO constants, SMART for RFC_1123_DATE_TIME) and
// `ZonedDateTime.from`, with their error indices and messages. Text positions are UTF-16 units,
// like Java's.
// ------------------------------------------------------------------------------------------------

/// The `java.time` fields these formatters parse (`ChronoField`s and `IsoFields`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Year,
    MonthOfYear,
    DayOfMonth,
    DayOfYear,
    DayOfWeek,
    WeekBasedYear,
    WeekOfWeekBasedYear,
    HourOfDay,
    MinuteOfHour,
    SecondOfMinute,
    NanoOfSecond,
    MicroOfSecond,
    MilliOfSecond,
    OffsetSeconds,
    InstantSeconds,
}

impl Field {
    /// The same field in the dates module, which knows its name and `ValueRange`.
    fn chrono(self) -> ChronoField {
        match self {
            Field::Year => ChronoField::Year,
            Field::MonthOfYear => ChronoField::MonthOfYear,
            Field::DayOfMonth => ChronoField::DayOfMonth,
            Field::DayOfYear => ChronoField::DayOfYear,
            Field::DayOfWeek => ChronoField::DayOfWeek,
            Field::WeekBasedYear => ChronoField::IsoWeekBasedYear,
            Field::WeekOfWeekBasedYear => ChronoField::IsoWeekOfWeekBasedYear,
            Field::HourOfDay => ChronoField::HourOfDay,
            Field::MinuteOfHour => ChronoField::MinuteOfHour,
            Field::SecondOfMinute => ChronoField::SecondOfMinute,
            Field::NanoOfSecond => ChronoField::NanoOfSecond,
            Field::MicroOfSecond => ChronoField::MicroOfSecond,
            Field::MilliOfSecond => ChronoField::MilliOfSecond,
            Field::OffsetSeconds => ChronoField::OffsetSeconds,
            Field::InstantSeconds => ChronoField::InstantSeconds,
        }
    }

    fn name(self) -> String {
        self.chrono().name()
    }

    /// `ChronoField.checkValidValue` / `checkValidIntValue`.
    fn check(self, v: i64) -> Result<i64, String> {
        self.chrono().check(v)
    }

    fn is_time_based(self) -> bool {
        matches!(
            self,
            Field::HourOfDay
                | Field::MinuteOfHour
                | Field::SecondOfMinute
                | Field::NanoOfSecond
                | Field::MicroOfSecond
                | Field::MilliOfSecond
        )
    }
}

/// The value of a date-based field `LocalDate.getLong` knows (`None`: not supported).
fn date_field(d: LDate, f: Field) -> Option<i64> {
    Some(match f {
        Field::Year => d.y,
        Field::MonthOfYear => d.m,
        Field::DayOfMonth => d.d,
        Field::DayOfYear => d.day_of_year(),
        Field::DayOfWeek => d.day_of_week(),
        _ => return None,
    })
}

/// `LocalDate.toString()`.
impl std::fmt::Display for LDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.y.abs() < 1000 {
            let sign = if self.y < 0 { "-" } else { "" };
            write!(f, "{sign}{:04}", self.y.abs())?;
        } else if self.y > 9999 {
            write!(f, "+{}", self.y)?;
        } else {
            write!(f, "{}", self.y)?;
        }
        write!(f, "-{:02}-{:02}", self.m, self.d)
    }
}

/// `LocalTime.toString()`.
impl std::fmt::Display for LTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.h, self.mi)?;
        if self.s > 0 || self.n > 0 {
            write!(f, ":{:02}", self.s)?;
            f.write_str(&fraction(self.n as i32, true))?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SignStyle {
    Normal,
    NotNegative,
    ExceedsPad,
}

/// One printer-parser of a formatter, as the JDK builds the constants.
#[derive(Debug)]
enum P {
    /// `parseCaseSensitive()` / `parseCaseInsensitive()`.
    CaseSensitive(bool),
    /// `parseStrict()` / `parseLenient()`.
    Strict(bool),
    Char(u16),
    Str(&'static str),
    /// `NumberPrinterParser`; `subsequent` is -1 for a fixed-width adjacent value.
    Num {
        field: Field,
        min: usize,
        max: usize,
        sign: SignStyle,
        subsequent: i64,
    },
    /// `appendFraction(NANO_OF_SECOND, 0, 9, true)`.
    Fraction,
    /// `appendOffset(PATTERNS[kind], no_offset)`.
    Offset {
        kind: usize,
        no_offset: &'static str,
    },
    ZoneRegion,
    /// `appendText(field, map)` with the English short names of RFC_1123_DATE_TIME.
    Text(Field),
    /// `appendInstant()`.
    Instant,
    Seq(&'static [P]),
    Opt(&'static [P]),
}

const fn num(field: Field, min: usize, max: usize, sign: SignStyle) -> P {
    P::Num {
        field,
        min,
        max,
        sign,
        subsequent: 0,
    }
}

const fn two(field: Field) -> P {
    num(field, 2, 2, SignStyle::NotNegative)
}

/// `appendOffsetId()`: `+HH:MM:ss`, `Z`.
const OFFSET_ID: P = P::Offset {
    kind: 6,
    no_offset: "Z",
};

const P_LOCAL_DATE: &[P] = &[
    num(Field::Year, 4, 10, SignStyle::ExceedsPad),
    P::Char(b'-' as u16),
    two(Field::MonthOfYear),
    P::Char(b'-' as u16),
    two(Field::DayOfMonth),
];
const P_LOCAL_TIME: &[P] = &[
    two(Field::HourOfDay),
    P::Char(b':' as u16),
    two(Field::MinuteOfHour),
    P::Opt(&[
        P::Char(b':' as u16),
        two(Field::SecondOfMinute),
        P::Opt(&[P::Fraction]),
    ]),
];
const P_LOCAL_DATE_TIME: &[P] = &[
    P::CaseSensitive(false),
    P::Seq(P_LOCAL_DATE),
    P::Char(b'T' as u16),
    P::Seq(P_LOCAL_TIME),
];
const P_OFFSET_DATE_TIME: &[P] = &[
    P::CaseSensitive(false),
    P::Seq(P_LOCAL_DATE_TIME),
    P::Strict(false),
    OFFSET_ID,
    P::Strict(true),
];
const P_REGION: &[P] = &[
    P::Char(b'[' as u16),
    P::CaseSensitive(true),
    P::ZoneRegion,
    P::Char(b']' as u16),
];
const P_ZONED_DATE_TIME: &[P] = &[P::Seq(P_OFFSET_DATE_TIME), P::Opt(P_REGION)];
const P_DATE_TIME: &[P] = &[
    P::Seq(P_LOCAL_DATE_TIME),
    P::Opt(&[OFFSET_ID, P::Opt(P_REGION)]),
];
const P_DATE: &[P] = &[
    P::CaseSensitive(false),
    P::Seq(P_LOCAL_DATE),
    P::Opt(&[OFFSET_ID]),
];
const P_OFFSET_DATE: &[P] = &[P::CaseSensitive(false), P::Seq(P_LOCAL_DATE), OFFSET_ID];
const P_TIME: &[P] = &[
    P::CaseSensitive(false),
    P::Seq(P_LOCAL_TIME),
    P::Opt(&[OFFSET_ID]),
];
const P_OFFSET_TIME: &[P] = &[P::CaseSensitive(false), P::Seq(P_LOCAL_TIME), OFFSET_ID];
const P_ORDINAL_DATE: &[P] = &[
    P::CaseSensitive(false),
    num(Field::Year, 4, 10, SignStyle::ExceedsPad),
    P::Char(b'-' as u16),
    num(Field::DayOfYear, 3, 3, SignStyle::NotNegative),
    P::Opt(&[OFFSET_ID]),
];
const P_WEEK_DATE: &[P] = &[
    P::CaseSensitive(false),
    num(Field::WeekBasedYear, 4, 10, SignStyle::ExceedsPad),
    P::Str("-W"),
    two(Field::WeekOfWeekBasedYear),
    P::Char(b'-' as u16),
    num(Field::DayOfWeek, 1, 1, SignStyle::NotNegative),
    P::Opt(&[OFFSET_ID]),
];
const P_INSTANT: &[P] = &[P::CaseSensitive(false), P::Instant];
/// `appendValue(YEAR, 4).appendValue(MONTH_OF_YEAR, 2).appendValue(DAY_OF_MONTH, 2)`: adjacent
/// value parsing (the year reserves the 4 digits that follow).
const P_BASIC_ISO_DATE: &[P] = &[
    P::CaseSensitive(false),
    P::Num {
        field: Field::Year,
        min: 4,
        max: 4,
        sign: SignStyle::NotNegative,
        subsequent: 4,
    },
    P::Num {
        field: Field::MonthOfYear,
        min: 2,
        max: 2,
        sign: SignStyle::NotNegative,
        subsequent: -1,
    },
    P::Num {
        field: Field::DayOfMonth,
        min: 2,
        max: 2,
        sign: SignStyle::NotNegative,
        subsequent: -1,
    },
    P::Opt(&[
        P::Strict(false),
        P::Offset {
            kind: 5,
            no_offset: "Z",
        },
        P::Strict(true),
    ]),
];
const P_RFC_1123: &[P] = &[
    P::CaseSensitive(false),
    P::Strict(false),
    P::Opt(&[P::Text(Field::DayOfWeek), P::Str(", ")]),
    num(Field::DayOfMonth, 1, 2, SignStyle::NotNegative),
    P::Char(b' ' as u16),
    P::Text(Field::MonthOfYear),
    P::Char(b' ' as u16),
    num(Field::Year, 4, 4, SignStyle::NotNegative),
    P::Char(b' ' as u16),
    two(Field::HourOfDay),
    P::Char(b':' as u16),
    two(Field::MinuteOfHour),
    P::Opt(&[P::Char(b':' as u16), two(Field::SecondOfMinute)]),
    P::Char(b' ' as u16),
    P::Offset {
        kind: 3,
        no_offset: "GMT",
    },
];
/// What `InstantPrinterParser.parse` runs in a copy of the context.
const P_INSTANT_INNER: &[P] = &[
    P::Seq(P_LOCAL_DATE),
    P::Char(b'T' as u16),
    two(Field::HourOfDay),
    P::Char(b':' as u16),
    two(Field::MinuteOfHour),
    P::Char(b':' as u16),
    two(Field::SecondOfMinute),
    P::Fraction,
    OFFSET_ID,
];

/// A constant's parser and whether it resolves SMART (else STRICT).
fn parser_of(name: &str) -> Option<(&'static [P], bool)> {
    Some(match name {
        "ISO_INSTANT" => (P_INSTANT, false),
        "ISO_OFFSET_DATE_TIME" => (P_OFFSET_DATE_TIME, false),
        "ISO_ZONED_DATE_TIME" => (P_ZONED_DATE_TIME, false),
        "ISO_DATE_TIME" => (P_DATE_TIME, false),
        "ISO_LOCAL_DATE_TIME" => (P_LOCAL_DATE_TIME, false),
        "ISO_LOCAL_DATE" => (P_LOCAL_DATE, false),
        "ISO_LOCAL_TIME" => (P_LOCAL_TIME, false),
        "ISO_DATE" => (P_DATE, false),
        "RFC_1123_DATE_TIME" => (P_RFC_1123, true),
        "BASIC_ISO_DATE" => (P_BASIC_ISO_DATE, false),
        "ISO_OFFSET_DATE" => (P_OFFSET_DATE, false),
        "ISO_TIME" => (P_TIME, false),
        "ISO_OFFSET_TIME" => (P_OFFSET_TIME, false),
        "ISO_ORDINAL_DATE" => (P_ORDINAL_DATE, false),
        "ISO_WEEK_DATE" => (P_WEEK_DATE, false),
        _ => return None,
    })
}

const DOW_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Why a printer-parser stopped: Java's `~index`, or an exception thrown from inside `parse`.
enum Fail {
    At(usize),
    Throw(String),
}

type PRes = Result<usize, Fail>;

/// `DateTimeParseContext` with its current `Parsed`.
struct Pctx<'a> {
    text: &'a [u16],
    case_sensitive: bool,
    strict: bool,
    fields: Vec<(Field, i64)>,
    zone: Option<Zone>,
}

/// `Character.toUpperCase(char)` / `toLowerCase(char)`: Java's single-char mappings (a char
/// whose full mapping has several chars keeps itself, except `İ`, whose simple lower case is `i`).
fn java_case(c: u16, upper: bool) -> u16 {
    if c == 0x0130 {
        return if upper { c } else { u16::from(b'i') };
    }
    let Some(ch) = char::from_u32(u32::from(c)) else {
        return c;
    };
    let mapped: Vec<char> = if upper {
        ch.to_uppercase().collect()
    } else {
        ch.to_lowercase().collect()
    };
    match mapped[..] {
        [m] => u16::try_from(u32::from(m)).unwrap_or(c),
        _ => c,
    }
}

impl Pctx<'_> {
    fn copy(&self) -> Self {
        Pctx {
            text: self.text,
            case_sensitive: self.case_sensitive,
            strict: self.strict,
            fields: Vec::new(),
            zone: None,
        }
    }

    fn get(&self, f: Field) -> Option<i64> {
        self.fields.iter().find(|(k, _)| *k == f).map(|(_, v)| *v)
    }

    /// `setParsedField`: a different value for a field already parsed fails at `err`.
    fn set(&mut self, f: Field, v: i64, err: usize, ok: usize) -> PRes {
        match self.fields.iter_mut().find(|(k, _)| *k == f) {
            Some(e) => {
                let old = std::mem::replace(&mut e.1, v);
                if old != v {
                    return Err(Fail::At(err));
                }
            }
            None => self.fields.push((f, v)),
        }
        Ok(ok)
    }

    /// `DateTimeParseContext.charEquals`.
    fn char_eq(&self, a: u16, b: u16) -> bool {
        a == b
            || (!self.case_sensitive
                && (java_case(a, true) == java_case(b, true)
                    || java_case(a, false) == java_case(b, false)))
    }

    /// `subSequenceEquals(text, pos, literal)`.
    fn matches_at(&self, pos: usize, literal: &str) -> bool {
        let lit: Vec<u16> = literal.encode_utf16().collect();
        pos + lit.len() <= self.text.len()
            && lit
                .iter()
                .zip(&self.text[pos..])
                .all(|(l, t)| self.char_eq(*t, *l))
    }
}

fn ascii_digit(c: u16) -> Option<i64> {
    (u16::from(b'0')..=u16::from(b'9'))
        .contains(&c)
        .then(|| i64::from(c - u16::from(b'0')))
}

fn parse_seq(ctx: &mut Pctx, elems: &[P], mut pos: usize) -> PRes {
    for e in elems {
        pos = parse_elem(ctx, e, pos)?;
    }
    Ok(pos)
}

fn parse_elem(ctx: &mut Pctx, e: &P, pos: usize) -> PRes {
    match e {
        P::CaseSensitive(b) => {
            ctx.case_sensitive = *b;
            Ok(pos)
        }
        P::Strict(b) => {
            ctx.strict = *b;
            Ok(pos)
        }
        P::Char(c) => match ctx.text.get(pos) {
            Some(t) if ctx.char_eq(*t, *c) => Ok(pos + 1),
            _ => Err(Fail::At(pos)),
        },
        P::Str(s) => {
            if ctx.matches_at(pos, s) {
                Ok(pos + s.len())
            } else {
                Err(Fail::At(pos))
            }
        }
        P::Num {
            field,
            min,
            max,
            sign,
            subsequent,
        } => parse_num(ctx, *field, *min, *max, *sign, *subsequent, pos),
        P::Fraction => parse_fraction(ctx, pos),
        P::Offset { kind, no_offset } => parse_offset_id(ctx, *kind, no_offset, pos),
        P::ZoneRegion => parse_zone_region(ctx, pos),
        P::Text(field) => {
            let names: &[&str] = if *field == Field::DayOfWeek {
                &DOW_SHORT
            } else {
                &MONTH_SHORT
            };
            for (i, name) in names.iter().enumerate() {
                if ctx.matches_at(pos, name) {
                    return ctx.set(*field, i as i64 + 1, pos, pos + name.len());
                }
            }
            if ctx.strict {
                return Err(Fail::At(pos));
            }
            // lenient: the field as a number
            parse_num(ctx, *field, 1, 19, SignStyle::Normal, 0, pos)
        }
        P::Instant => parse_instant(ctx, pos),
        P::Seq(elems) => parse_seq(ctx, elems, pos),
        P::Opt(elems) => {
            let saved = (ctx.fields.clone(), ctx.zone.clone());
            match parse_seq(ctx, elems, pos) {
                Err(Fail::At(_)) => {
                    (ctx.fields, ctx.zone) = saved;
                    Ok(pos)
                }
                other => other,
            }
        }
    }
}

/// `NumberPrinterParser.parse`.
fn parse_num(
    ctx: &mut Pctx,
    field: Field,
    min: usize,
    max: usize,
    sign: SignStyle,
    subsequent: i64,
    position: usize,
) -> PRes {
    let text = ctx.text;
    let len = text.len();
    if position == len {
        return Err(Fail::At(position));
    }
    let fixed =
        subsequent == -1 || (subsequent > 0 && min == max && sign == SignStyle::NotNegative);
    let exact = ctx.strict || fixed;
    // SignStyle.parse(positive, strict, fixedWidth)
    let sign_ok = |positive: bool| match sign {
        SignStyle::Normal => !positive || !ctx.strict,
        SignStyle::ExceedsPad => true,
        SignStyle::NotNegative => !ctx.strict && min != max,
    };
    let mut position = position;
    let (mut negative, mut positive) = (false, false);
    if text[position] == u16::from(b'+') {
        if !sign_ok(true) {
            return Err(Fail::At(position));
        }
        positive = true;
        position += 1;
    } else if text[position] == u16::from(b'-') {
        if !sign_ok(false) {
            return Err(Fail::At(position));
        }
        negative = true;
        position += 1;
    }
    let eff_min = if exact { min } else { 1 };
    let min_end = position + eff_min;
    if min_end > len {
        return Err(Fail::At(position));
    }
    let mut eff_max = if exact { max } else { 9 } + subsequent.max(0) as usize;
    let mut total: i128 = 0;
    let mut pos = position;
    for pass in 0..2 {
        let max_end = (pos + eff_max).min(len);
        while pos < max_end {
            let Some(d) = ascii_digit(text[pos]) else {
                if pos < min_end {
                    return Err(Fail::At(position));
                }
                break;
            };
            pos += 1;
            total = total * 10 + i128::from(d);
        }
        if subsequent > 0 && pass == 0 {
            // re-parse now the width is known
            let parse_len = (pos - position) as i64;
            eff_max = (eff_min as i64).max(parse_len - subsequent) as usize;
            pos = position;
            total = 0;
        } else {
            break;
        }
    }
    if negative {
        if total == 0 && ctx.strict {
            // minus zero
            return Err(Fail::At(position - 1));
        }
        total = -total;
    } else if sign == SignStyle::ExceedsPad && ctx.strict {
        let parse_len = pos - position;
        if positive {
            if parse_len <= min {
                return Err(Fail::At(position - 1));
            }
        } else if parse_len > min {
            return Err(Fail::At(position));
        }
    }
    ctx.set(field, total as i64, position, pos)
}

/// `FractionPrinterParser.parse` for `appendFraction(NANO_OF_SECOND, 0, 9, true)`.
fn parse_fraction(ctx: &mut Pctx, position: usize) -> PRes {
    let text = ctx.text;
    if position == text.len() || text[position] != u16::from(b'.') {
        return Ok(position);
    }
    let start = position + 1;
    let max_end = (start + 9).min(text.len());
    let mut pos = start;
    let mut total = 0i64;
    while pos < max_end {
        let Some(d) = ascii_digit(text[pos]) else {
            break;
        };
        total = total * 10 + d;
        pos += 1;
    }
    let nanos = total * 10i64.pow((9 - (pos - start)) as u32);
    ctx.set(Field::NanoOfSecond, nanos, start, pos)
}

/// `OffsetIdPrinterParser.parse` for the padded-hour patterns (`kind` indexes
/// `+HH`, `+HHmm`, `+HH:mm`, `+HHMM`, `+HH:MM`, `+HHMMss`, `+HH:MM:ss`, ...).
fn parse_offset_id(ctx: &mut Pctx, kind: usize, no_offset: &str, position: usize) -> PRes {
    let text = ctx.text;
    let len = text.len();
    if no_offset.is_empty() {
        if position == len {
            return ctx.set(Field::OffsetSeconds, 0, position, position);
        }
    } else {
        if position == len {
            return Err(Fail::At(position));
        }
        if ctx.matches_at(position, no_offset) {
            return ctx.set(
                Field::OffsetSeconds,
                0,
                position,
                position + no_offset.len(),
            );
        }
    }
    let sign = text[position];
    if sign == u16::from(b'+') || sign == u16::from(b'-') {
        let negative: i64 = if sign == u16::from(b'-') { -1 } else { 1 };
        let mut colon = kind > 0 && kind.is_multiple_of(2);
        // array[0] is the position, negative (`~pos`) once a mandatory part failed
        let mut arr: [i64; 4] = [position as i64 + 1, 0, 0, 0];
        let mut kind = kind;
        if !ctx.strict {
            if colon || (kind == 0 && len > position + 3 && text[position + 3] == u16::from(b':')) {
                colon = true;
                kind = 10;
            } else {
                kind = 9;
            }
        }
        let digits = |arr: &mut [i64; 4], idx: usize| -> bool {
            if arr[0] < 0 {
                return true;
            }
            let mut p = arr[0] as usize;
            if colon && idx != 1 {
                if p + 1 > len || text[p] != u16::from(b':') {
                    return false;
                }
                p += 1;
            }
            if p + 2 > len {
                return false;
            }
            match (ascii_digit(text[p]), ascii_digit(text[p + 1])) {
                (Some(a), Some(b)) if a * 10 + b <= 59 => {
                    arr[idx] = a * 10 + b;
                    arr[0] = (p + 2) as i64;
                    true
                }
                _ => false,
            }
        };
        let mandatory = |arr: &mut [i64; 4], idx: usize| {
            if !digits(arr, idx) {
                arr[0] = !arr[0];
            }
        };
        mandatory(&mut arr, 1);
        match kind {
            1 | 2 => {
                digits(&mut arr, 2);
            }
            3 | 4 => mandatory(&mut arr, 2),
            5 | 6 => {
                mandatory(&mut arr, 2);
                digits(&mut arr, 3);
            }
            7 | 8 => {
                mandatory(&mut arr, 2);
                mandatory(&mut arr, 3);
            }
            // optional minutes, then optional seconds
            9 | 10 if digits(&mut arr, 2) => {
                digits(&mut arr, 3);
            }
            _ => {}
        }
        if arr[0] > 0 {
            if arr[1] > 23 || arr[2] > 59 || arr[3] > 59 {
                return Err(Fail::Throw(
                    "Value out of range: Hour[0-23], Minute[0-59], Second[0-59]".into(),
                ));
            }
            let secs = negative * (arr[1] * 3600 + arr[2] * 60 + arr[3]);
            return ctx.set(Field::OffsetSeconds, secs, position, arr[0] as usize);
        }
    }
    if no_offset.is_empty() {
        return ctx.set(Field::OffsetSeconds, 0, position, position);
    }
    Err(Fail::At(position))
}

/// `ZoneId.of(prefix)` / `ZoneId.ofOffset(prefix, offset)`.
fn prefixed_zone(prefix: &str, offset: i64) -> Zone {
    if prefix.is_empty() {
        Zone::Offset(offset as i32)
    } else if offset == 0 {
        Zone::Region(prefix.to_string())
    } else {
        Zone::Region(format!(
            "{prefix}{}",
            crate::dates::offset_id_seconds(offset as i32)
        ))
    }
}

/// `ZoneIdPrinterParser.parse` (`appendZoneRegionId()`), JDK 17.
fn parse_zone_region(ctx: &mut Pctx, position: usize) -> PRes {
    let text = ctx.text;
    let len = text.len();
    if position == len {
        return Err(Fail::At(position));
    }
    let is = |i: usize, c: u8| ctx.char_eq(text[i], u16::from(c));
    let next = text[position];
    if next == u16::from(b'+') || next == u16::from(b'-') {
        return parse_offset_based(ctx, position, position, "Z");
    }
    if len >= position + 2 {
        if is(position, b'U') && is(position + 1, b'T') {
            if len >= position + 3 && is(position + 2, b'C') {
                return parse_offset_based(ctx, position, position + 3, "0");
            }
            return parse_offset_based(ctx, position, position + 2, "0");
        }
        if is(position, b'G')
            && len >= position + 3
            && is(position + 1, b'M')
            && is(position + 2, b'T')
        {
            if len >= position + 4 && is(position + 3, b'0') {
                ctx.zone = Some(Zone::Region("GMT0".into()));
                return Ok(position + 4);
            }
            return parse_offset_based(ctx, position, position + 3, "0");
        }
    }
    // the longest region id (zone ids are ASCII: one char per UTF-16 unit)
    let rest: Vec<char> = text[position..]
        .iter()
        .map(|u| char::from_u32(u32::from(*u)).unwrap_or('\u{FFFD}'))
        .collect();
    match crate::dates::longest_zone_id_prefix(&rest) {
        Some((n, tz)) => {
            ctx.zone = Some(zone_of(&tz)?);
            Ok(position + n)
        }
        None if is(position, b'Z') => {
            ctx.zone = Some(Zone::Offset(0));
            Ok(position + 1)
        }
        None => Err(Fail::At(position)),
    }
}

fn zone_of(tz: &TimeZone) -> Result<Zone, Fail> {
    if crate::dates::is_offset_zone(tz) {
        let off = tz
            .to_fixed_offset()
            .map_err(|e| Fail::Throw(e.to_string()))?;
        return Ok(Zone::Offset(off.seconds()));
    }
    Ok(Zone::Region(crate::dates::java_zone_id(tz)))
}

/// `ZoneIdPrinterParser.parseOffsetBased`.
fn parse_offset_based(ctx: &mut Pctx, prefix_pos: usize, position: usize, no_offset: &str) -> PRes {
    let text = ctx.text;
    let prefix = String::from_utf16_lossy(&text[prefix_pos..position]).to_uppercase();
    if position >= text.len() {
        ctx.zone = Some(prefixed_zone(&prefix, 0));
        return Ok(position);
    }
    if text[position] == u16::from(b'0') || ctx.char_eq(text[position], u16::from(b'Z')) {
        ctx.zone = Some(prefixed_zone(&prefix, 0));
        return Ok(position);
    }
    let mut copy = ctx.copy();
    match parse_offset_id(&mut copy, 6, no_offset, position) {
        Err(Fail::At(_)) if no_offset == "Z" => Err(Fail::At(prefix_pos)),
        Err(Fail::At(_)) => {
            ctx.zone = Some(prefixed_zone(&prefix, 0));
            Ok(position)
        }
        Err(thrown) => Err(thrown),
        Ok(end) => {
            let offset = copy.get(Field::OffsetSeconds).unwrap_or(0);
            // ZoneOffset.ofTotalSeconds fails beyond 18 hours
            if offset.abs() > 64800 {
                return Err(Fail::At(prefix_pos));
            }
            ctx.zone = Some(prefixed_zone(&prefix, offset));
            Ok(end)
        }
    }
}

/// `InstantPrinterParser.parse` (any number of fraction digits).
fn parse_instant(ctx: &mut Pctx, position: usize) -> PRes {
    const SECONDS_PER_10000_YEARS: i64 = 146_097 * 25 * 86_400;
    let mut inner = ctx.copy();
    let end = parse_seq(&mut inner, P_INSTANT_INNER, position)?;
    let get = |f: Field| inner.get(f).unwrap_or(0);
    let year_parsed = get(Field::Year);
    let (month, day) = (get(Field::MonthOfYear), get(Field::DayOfMonth));
    let (mut hour, min, mut sec) = (
        get(Field::HourOfDay),
        get(Field::MinuteOfHour),
        get(Field::SecondOfMinute),
    );
    let nano = get(Field::NanoOfSecond);
    let offset = get(Field::OffsetSeconds);
    let mut days = 0;
    if hour == 24 && min == 0 && sec == 0 && nano == 0 {
        hour = 0;
        days = 1;
    } else if hour == 23 && min == 59 && sec == 60 {
        // a leap second: Java only flags it (`parsedLeapSecond()`)
        sec = 59;
    }
    let year = i64::from((year_parsed as i32) % 10_000);
    // LocalDateTime.of(...).plusDays(days).toEpochSecond(ZoneOffset.ofTotalSeconds(offset))
    let secs = (|| -> Option<i64> {
        let date = LDate::of(year, month, day).ok()?;
        if hour > 23 || min > 59 || sec > 59 || offset.abs() > 64800 {
            return None;
        }
        let local = (date.epoch_day() + days) * 86_400 + hour * 3600 + min * 60 + sec;
        (local - offset).checked_add((year_parsed / 10_000).checked_mul(SECONDS_PER_10000_YEARS)?)
    })();
    let Some(secs) = secs else {
        return Err(Fail::At(position));
    };
    let pos = ctx.set(Field::InstantSeconds, secs, position, end)?;
    ctx.set(Field::NanoOfSecond, nano, position, pos)
}

/// `Parsed` after `resolve`.
struct Resolved {
    fields: Vec<(Field, i64)>,
    zone: Option<Zone>,
    date: Option<LDate>,
    time: Option<LTime>,
}

impl Resolved {
    fn get(&self, f: Field) -> Option<i64> {
        self.fields.iter().find(|(k, _)| *k == f).map(|(_, v)| *v)
    }
    fn has(&self, f: Field) -> bool {
        self.get(f).is_some()
    }
    fn take(&mut self, f: Field) -> Option<i64> {
        let i = self.fields.iter().position(|(k, _)| *k == f)?;
        Some(self.fields.remove(i).1)
    }
    fn put(&mut self, f: Field, v: i64) {
        match self.fields.iter_mut().find(|(k, _)| *k == f) {
            Some(e) => e.1 = v,
            None => self.fields.push((f, v)),
        }
    }
}

/// `Parsed.resolveTime` (STRICT or SMART): the time and the excess days (`24:00` when SMART).
fn resolve_time(h: i64, mi: i64, s: i64, n: i64, smart: bool) -> Result<(LTime, i64), String> {
    let mi = Field::MinuteOfHour.check(mi)?;
    let n = Field::NanoOfSecond.check(n)?;
    if smart && h == 24 && mi == 0 && s == 0 && n == 0 {
        return Ok((
            LTime {
                h: 0,
                mi: 0,
                s: 0,
                n: 0,
            },
            1,
        ));
    }
    let h = Field::HourOfDay.check(h)?;
    let s = Field::SecondOfMinute.check(s)?;
    Ok((LTime { h, mi, s, n }, 0))
}

/// `Parsed.resolve` for the fields these formatters produce, ISO chronology.
fn resolve(fields: Vec<(Field, i64)>, zone: Option<Zone>, smart: bool) -> Result<Resolved, String> {
    let mut r = Resolved {
        fields,
        zone,
        date: None,
        time: None,
    };
    let mut excess_days = 0;
    // resolveDateFields: IsoChronology.resolveDate (year-month-day, year-day)
    if r.has(Field::Year) {
        if r.has(Field::MonthOfYear) && r.has(Field::DayOfMonth) {
            let y = Field::Year.check(r.take(Field::Year).unwrap_or(0))?;
            let m = Field::MonthOfYear.check(r.take(Field::MonthOfYear).unwrap_or(0))?;
            let mut d = Field::DayOfMonth.check(r.take(Field::DayOfMonth).unwrap_or(0))?;
            if smart {
                d = d.min(month_len(y, m));
            }
            r.date = Some(LDate::of(y, m, d)?);
        } else if r.has(Field::DayOfYear) {
            let y = Field::Year.check(r.take(Field::Year).unwrap_or(0))?;
            let doy = Field::DayOfYear.check(r.take(Field::DayOfYear).unwrap_or(0))?;
            r.date = Some(LDate::of_year_day(y, doy)?);
        }
    }
    // resolveTimeFields
    if let Some(n) = r.get(Field::NanoOfSecond) {
        Field::NanoOfSecond.check(n)?;
    }
    let hmsn = [
        Field::HourOfDay,
        Field::MinuteOfHour,
        Field::SecondOfMinute,
        Field::NanoOfSecond,
    ];
    if hmsn.iter().all(|f| r.has(*f)) {
        let [h, mi, s, n] = hmsn.map(|f| r.take(f).unwrap_or(0));
        let (t, excess) = resolve_time(h, mi, s, n, smart)?;
        r.time = Some(t);
        excess_days = excess;
    }
    // IsoFields.WEEK_OF_WEEK_BASED_YEAR.resolve
    if r.has(Field::WeekOfWeekBasedYear) && r.has(Field::WeekBasedYear) && r.has(Field::DayOfWeek) {
        let wby = Field::WeekBasedYear.check(r.get(Field::WeekBasedYear).unwrap_or(0))?;
        let wowby = r.get(Field::WeekOfWeekBasedYear).unwrap_or(0);
        let dow = Field::DayOfWeek.check(r.get(Field::DayOfWeek).unwrap_or(0))?;
        if !(1..=52).contains(&wowby) {
            if smart {
                Field::WeekOfWeekBasedYear.check(wowby)?;
            } else {
                // the exact range of the week-based year
                let jan1 = LDate { y: wby, m: 1, d: 1 };
                let weeks = match jan1.day_of_week() {
                    4 => 53,
                    3 if is_leap(wby) => 53,
                    _ => 52,
                };
                if !(1..=weeks).contains(&wowby) {
                    return Err(format!(
                        "Invalid value for WeekOfWeekBasedYear (valid values 1 - {weeks}): {wowby}"
                    ));
                }
            }
        }
        let d = LDate { y: wby, m: 1, d: 4 }.plus_days((wowby - 1) * 7);
        let d = d.plus_days(dow - d.day_of_week());
        for f in [
            Field::WeekOfWeekBasedYear,
            Field::WeekBasedYear,
            Field::DayOfWeek,
        ] {
            r.take(f);
        }
        r.date = Some(d);
    }
    // resolveTimeLenient: a time from the hour (and what follows) alone
    if r.time.is_none() {
        if let Some(h) = r.get(Field::HourOfDay) {
            let mi = r.get(Field::MinuteOfHour);
            let s = r.get(Field::SecondOfMinute);
            let n = r.get(Field::NanoOfSecond);
            let invalid = (mi.is_none() && (s.is_some() || n.is_some()))
                || (mi.is_some() && s.is_none() && n.is_some());
            if !invalid {
                let (t, excess) =
                    resolve_time(h, mi.unwrap_or(0), s.unwrap_or(0), n.unwrap_or(0), smart)?;
                r.time = Some(t);
                excess_days = excess;
                for f in hmsn {
                    r.take(f);
                }
            }
        }
    }
    for (f, v) in &r.fields {
        if f.is_time_based() {
            f.check(*v)?;
        }
    }
    // crossCheck: what is left must agree with the date
    if let Some(date) = r.date {
        let mut i = 0;
        while i < r.fields.len() {
            let (f, v) = r.fields[i];
            match date_field(date, f) {
                Some(actual) if actual != v => {
                    return Err(format!(
                        "Conflict found: Field {} {actual} differs from {} {v} derived from {date}",
                        f.name(),
                        f.name()
                    ))
                }
                Some(_) => {
                    r.fields.remove(i);
                }
                None => i += 1,
            }
        }
    }
    // resolvePeriod
    if let (Some(date), Some(_)) = (r.date, r.time) {
        if excess_days != 0 {
            r.date = Some(date.plus_days(excess_days));
        }
    }
    // resolveFractional
    if r.time.is_none() && (r.has(Field::InstantSeconds) || r.has(Field::SecondOfMinute)) {
        let n = r.get(Field::NanoOfSecond).unwrap_or(0);
        r.put(Field::NanoOfSecond, n);
        r.put(Field::MicroOfSecond, n / 1000);
        r.put(Field::MilliOfSecond, n / 1_000_000);
    }
    // resolveInstant: the offset wins over the zone
    if let (Some(date), Some(time)) = (r.date, r.time) {
        let local = date.epoch_day() * 86_400 + time.h * 3600 + time.mi * 60 + time.s;
        if let Some(offset) = r.get(Field::OffsetSeconds) {
            if offset.abs() > 64800 {
                return Err("Zone offset not in valid range: -18:00 to +18:00".into());
            }
            r.put(Field::InstantSeconds, local - offset);
        } else if let Some(zone) = &r.zone {
            // `date.atTime(time).atZone(zone)`: a gap moves forward, an overlap takes the earlier
            let zoned = date
                .at(time)
                .ok()
                .and_then(|dt| Some(dt.to_zoned(zone.tz().ok()?)))
                .and_then(Result::ok);
            if let Some(z) = zoned {
                r.put(Field::InstantSeconds, z.timestamp().as_second());
            }
        }
    }
    Ok(r)
}

/// `Parsed.toString()`. Java prints the field map in `HashMap` order (identity hash codes):
/// this uses the order JDK 17 shows for `ISO_INSTANT`; with one field or none (every other
/// case here) the text is exact.
fn parsed_string(r: &Resolved) -> String {
    let rank = |f: Field| match f {
        Field::InstantSeconds => 0,
        Field::MicroOfSecond => 1,
        Field::NanoOfSecond => 2,
        Field::MilliOfSecond => 3,
        _ => 4,
    };
    let mut fields = r.fields.clone();
    fields.sort_by_key(|(f, _)| rank(*f));
    let map: Vec<String> = fields
        .iter()
        .map(|(f, v)| format!("{}={v}", f.name()))
        .collect();
    let mut s = format!("{{{}}},ISO", map.join(", "));
    if let Some(z) = &r.zone {
        s.push(',');
        s.push_str(&z.id());
    }
    match (r.date, r.time) {
        (Some(d), Some(t)) => s.push_str(&format!(" resolved to {d}T{t}")),
        (Some(d), None) => s.push_str(&format!(" resolved to {d}")),
        (None, Some(t)) => s.push_str(&format!(" resolved to {t}")),
        (None, None) => {}
    }
    s
}

/// `ZonedDateTime.parse(text, formatter)`: `formatter.parse(text, ZonedDateTime::from)`.
/// Parses and resolves `text` with a formatter constant; also returns the text as the JDK quotes
/// it in messages.
/// `override_zone` is the formatter's `withZone`: the zone when the text gives none.
fn parse_resolved(
    text: &str,
    formatter: &str,
    override_zone: Option<Zone>,
) -> R<(Resolved, String)> {
    let Some((elems, smart)) = parser_of(formatter) else {
        return Err(Thrown::unsupported(Some(format!(
            "DateTimeFormatter {formatter} is not supported by this Painless implementation"
        ))));
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    let abbr = if units.len() > 64 {
        format!("{}...", String::from_utf16_lossy(&units[..64]))
    } else {
        text.to_string()
    };
    let fail = |detail: String| {
        Thrown::new(
            "DateTimeParseException",
            format!("Text '{abbr}' could not be parsed{detail}"),
        )
    };
    let mut ctx = Pctx {
        text: &units,
        case_sensitive: true,
        strict: true,
        fields: Vec::new(),
        zone: None,
    };
    match parse_seq(&mut ctx, elems, 0) {
        Err(Fail::At(i)) => return Err(fail(format!(" at index {i}"))),
        Err(Fail::Throw(m)) => return Err(fail(format!(": {m}"))),
        Ok(end) if end < units.len() => {
            return Err(fail(format!(", unparsed text found at index {end}")))
        }
        Ok(_) => {}
    }
    let zone = ctx.zone.or(override_zone);
    let r = resolve(ctx.fields, zone, smart).map_err(|m| fail(format!(": {m}")))?;
    Ok((r, abbr))
}

fn unable_to_obtain(abbr: &str, class: &str, r: &Resolved) -> Thrown {
    Thrown::new(
        "DateTimeParseException",
        format!(
            "Text '{abbr}' could not be parsed: Unable to obtain {class} from TemporalAccessor: {} of type java.time.format.Parsed",
            parsed_string(r)
        ),
    )
}

/// `LocalDateTime.parse(text, formatter)` with a formatter constant: the date and the time.
pub(super) fn parse_local(
    text: &str,
    formatter: &str,
    override_zone: Option<Zone>,
) -> R<jiff::civil::DateTime> {
    let (r, abbr) = parse_resolved(text, formatter, override_zone)?;
    let (Some(date), Some(time)) = (r.date, r.time) else {
        return Err(unable_to_obtain(&abbr, "LocalDateTime", &r));
    };
    date.at(time).map_err(|_| {
        dte(format!(
            "Text '{abbr}' is outside the dates this implementation supports (years -9999 to 9999)"
        ))
    })
}

/// `ZonedDateTime.parse(text, formatter)` with a formatter constant.
pub(super) fn parse_zoned(
    text: &str,
    formatter: &str,
    override_zone: Option<Zone>,
) -> R<(Zoned, Zone)> {
    let (r, abbr) = parse_resolved(text, formatter, override_zone)?;
    // ZonedDateTime.from: a zone (or offset), then the instant (resolve derived it from the date,
    // time and offset or zone) with the nano-of-second
    let unable = || unable_to_obtain(&abbr, "ZonedDateTime", &r);
    let zone = match (&r.zone, r.get(Field::OffsetSeconds)) {
        (Some(z), _) => z.clone(),
        (None, Some(off)) if off.abs() <= 64800 => Zone::Offset(off as i32),
        _ => return Err(unable()),
    };
    let Some(secs) = r.get(Field::InstantSeconds) else {
        return Err(unable());
    };
    let nano = match r.time {
        Some(time) => time.n,
        None => r.get(Field::NanoOfSecond).unwrap_or(0),
    };
    let ts = Timestamp::new(secs, nano as i32).map_err(|_| {
        // java.time reaches year ±999,999,999; jiff's instants (and so this emulator's) stop
        // within the years -9999..=9999
        dte(format!(
            "Text '{abbr}' is outside the instants this implementation supports (years -9999 to 9999)"
        ))
    })?;
    Ok((ts.to_zoned(zone.tz()?), zone))
}

/// `Instant.parse(text)`: `ISO_INSTANT.parse(text, Instant::from)`.
pub(super) fn parse_instant_text(text: &str) -> R<Timestamp> {
    let (r, abbr) = parse_resolved(text, "ISO_INSTANT", None)?;
    let Some(secs) = r.get(Field::InstantSeconds) else {
        return Err(unable_to_obtain(&abbr, "Instant", &r));
    };
    let nano = r.get(Field::NanoOfSecond).unwrap_or(0);
    Timestamp::new(secs, nano as i32).map_err(|_| {
        dte(format!(
            "Text '{abbr}' is outside the instants this implementation supports (years -9999 to 9999)"
        ))
    })
}

// ---- printing ----

/// `NumberPrinterParser.format` for `appendValue(field, 4)` (NOT_NEGATIVE, width 4).
fn value4(field: &str, v: i64) -> R<String> {
    if v < 0 {
        return Err(dte(format!(
            "Field {field} cannot be printed as the value {v} cannot be negative according to the SignStyle"
        )));
    }
    if v > 9999 {
        return Err(dte(format!(
            "Field {field} cannot be printed as the value {v} exceeds the maximum print width of 4"
        )));
    }
    Ok(format!("{v:04}"))
}

/// `OffsetIdPrinterParser.format` for `+HHMM` (`with_seconds`: `+HHMMss`).
fn offset_compact(total: i32, with_seconds: bool, no_offset: &str) -> String {
    let (h, m, s) = (
        (total / 3600).abs(),
        (total / 60 % 60).abs(),
        (total % 60).abs(),
    );
    let printed_secs = with_seconds && s > 0;
    if total == 0 || h + m + if printed_secs { s } else { 0 } == 0 {
        return no_offset.to_string();
    }
    let sign = if total < 0 { '-' } else { '+' };
    let mut out = format!("{sign}{h:02}{m:02}");
    if printed_secs {
        out.push_str(&format!("{s:02}"));
    }
    out
}

/// The field a formatter needs first that an `Instant` lacks.
fn instant_unsupported(f: &str) -> &'static str {
    match f {
        "ISO_LOCAL_TIME" | "ISO_TIME" | "ISO_OFFSET_TIME" => "HourOfDay",
        "RFC_1123_DATE_TIME" => "DayOfMonth",
        "ISO_WEEK_DATE" => "WeekBasedYear",
        _ => "Year",
    }
}

/// `formatter.format(temporal)`.
pub(super) fn format_with(t: &TimeVal, f: &str) -> R<String> {
    let (z, zone) = match t {
        TimeVal::Zdt(z, zone) => (z.clone(), Some(zone.clone())),
        TimeVal::Instant(i) => {
            if f == "ISO_INSTANT" {
                return Ok(instant_string(*i));
            }
            return Err(Thrown::new(
                "UnsupportedTemporalTypeException",
                format!("Unsupported field: {}", instant_unsupported(f)),
            ));
        }
        _ => return Err(dte("unsupported temporal")),
    };
    let date = format!("{}-{:02}-{:02}", year_str(z.year()), z.month(), z.day());
    let time = format!(
        "{:02}:{:02}:{:02}{}",
        z.hour(),
        z.minute(),
        z.second(),
        fraction(z.subsec_nanosecond(), false)
    );
    let secs = z.offset().seconds();
    let off = crate::dates::offset_id(z.offset());
    Ok(match f {
        "ISO_INSTANT" => instant_string(z.timestamp()),
        "ISO_LOCAL_DATE" => date,
        "ISO_LOCAL_TIME" => time,
        "ISO_LOCAL_DATE_TIME" => format!("{date}T{time}"),
        "ISO_OFFSET_DATE_TIME" => format!("{date}T{time}{off}"),
        "ISO_DATE" | "ISO_OFFSET_DATE" => format!("{date}{off}"),
        "ISO_TIME" | "ISO_OFFSET_TIME" => format!("{time}{off}"),
        "ISO_ORDINAL_DATE" => format!("{}-{:03}{off}", year_str(z.year()), z.day_of_year()),
        "ISO_WEEK_DATE" => {
            let w = z.date().iso_week_date();
            format!(
                "{}-W{:02}-{}{off}",
                year_str(w.year()),
                w.week(),
                w.weekday().to_monday_one_offset()
            )
        }
        "BASIC_ISO_DATE" => format!(
            "{}{:02}{:02}{}",
            value4("Year", i64::from(z.year()))?,
            z.month(),
            z.day(),
            offset_compact(secs, true, "Z")
        ),
        "RFC_1123_DATE_TIME" => format!(
            "{}, {} {} {} {:02}:{:02}:{:02} {}",
            DOW_SHORT[(z.weekday().to_monday_one_offset() - 1) as usize],
            z.day(),
            MONTH_SHORT[(z.month() - 1) as usize],
            value4("Year", i64::from(z.year()))?,
            z.hour(),
            z.minute(),
            z.second(),
            offset_compact(secs, false, "GMT")
        ),
        _ => {
            let mut s = format!("{date}T{time}{off}");
            if let Some(Zone::Region(r)) = zone {
                s.push('[');
                s.push_str(&r);
                s.push(']');
            }
            s
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::painless::run_for_cli;
    use serde_json::json;

    /// What `script` (reading `params.t`) gives: `OK <string>`, or `EXC <JavaClass>: <message>`
    /// (the class is the Elasticsearch error type in CamelCase).
    fn run(script: &str, t: &str) -> String {
        let got = run_for_cli(script, Some(&json!({ "t": t })), None);
        if let Some(e) = got.get("error") {
            let cause = e.get("caused_by").unwrap_or(e);
            let class: String = cause["type"]
                .as_str()
                .unwrap_or_default()
                .split('_')
                .map(|p| {
                    let mut c = p.chars();
                    c.next()
                        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                        .unwrap_or_default()
                })
                .collect();
            return format!(
                "EXC {class}: {}",
                cause["reason"].as_str().unwrap_or("null")
            );
        }
        format!("OK {}", got["value"].as_str().unwrap_or("<not a string>"))
    }

    /// `Parsed.toString()` prints its field map in `HashMap` order, which follows identity hash
    /// codes and differs between JVM programs: compare the entries as a set.
    fn sorted_maps(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let mut entries: Vec<&str> = rest[open + 1..open + close].split(", ").collect();
            entries.sort_unstable();
            out.push_str(&rest[..=open]);
            out.push_str(&entries.join(", "));
            out.push('}');
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn script_for(kind: &str, formatter: &str) -> String {
        match (kind, formatter) {
            ("parse", "") => "ZonedDateTime.parse(params.t).toString()".to_string(),
            ("parse", f) => {
                format!("ZonedDateTime.parse(params.t, DateTimeFormatter.{f}).toString()")
            }
            ("format", f) => format!("ZonedDateTime.parse(params.t).format(DateTimeFormatter.{f})"),
            (_, f) => format!("DateTimeFormatter.{f}.format(Instant.parse(params.t))"),
        }
    }

    /// Checked against JDK 17.0.15: `ZonedDateTime.parse(text[, DateTimeFormatter.X]).toString()`
    /// ("parse"), `ZonedDateTime.parse(text).format(X)` ("format") and
    /// `X.format(Instant.parse(text))` ("iformat"): `OK <result>` or `EXC <class>: <message>`.
    const JDK17: &[(&str, &str, &str, &str)] = &[
    ("parse", "RFC_1123_DATE_TIME", "Wed, 05 Feb 2020 14:39:03 GMT", "OK 2020-02-05T14:39:03Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05 GMT", "OK 2008-06-03T11:05Z"),
    ("parse", "RFC_1123_DATE_TIME", "3 Jun 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +0200", "OK 2008-06-03T11:05:30+02:00"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 -0830", "OK 2008-06-03T11:05:30-08:30"),
    ("parse", "RFC_1123_DATE_TIME", "tue, 3 jun 2008 11:05:30 gmt", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "TUE, 03 JUN 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Wed, 3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Wed, 3 Jun 2008 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 2 differs from DayOfWeek 3 derived from 2008-06-03"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 UTC", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 UTC' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 Z", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 Z' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +02:00", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +02:00' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +02", "OK 2008-06-03T11:05:30+02:00"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +020030", "OK 2008-06-03T11:05:30+02:00:30"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +2400", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +2400' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +1900", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +1900' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 24:00 GMT", "OK 2008-06-04T00:00Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 24:00:00 GMT", "OK 2008-06-04T00:00Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 24:01:00 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 24:01:00 GMT' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 31 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 31 Jun 2008 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 1 differs from DayOfWeek 2 derived from 2008-06-30"),
    ("parse", "RFC_1123_DATE_TIME", "Sat, 31 Feb 2020 11:05:30 GMT", "OK 2020-02-29T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 32 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 32 Jun 2008 11:05:30 GMT' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 32"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 0 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 0 Jun 2008 11:05:30 GMT' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 6 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 13 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 13 2008 11:05:30 GMT' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
    ("parse", "RFC_1123_DATE_TIME", "2, 3 Jun 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "9, 3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text '9, 3 Jun 2008 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 2 differs from DayOfWeek 9 derived from 2008-06-03"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 08 11:05:30 GMT", "OK 0008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 1:5:3 GMT", "OK 2008-06-03T01:05:03Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 003 Jun 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, +3 Jun 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, -3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, -3 Jun 2008 11:05:30 GMT' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): -3"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun -2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun -2008 11:05:30 GMT' could not be parsed at index 11"),
    ("parse", "RFC_1123_DATE_TIME", "Tue,3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue,3 Jun 2008 11:05:30 GMT' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30' could not be parsed at index 24"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 GMT ", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 GMT ' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "", "EXC DateTimeParseException: Text '' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue", "EXC DateTimeParseException: Text 'Tue' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tuesday, 3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tuesday, 3 Jun 2008 11:05:30 GMT' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 June 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 June 2008 11:05:30 GMT' could not be parsed at index 10"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:60:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:60:30 GMT' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:60 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:60 GMT' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 60"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 25:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 25:05:30 GMT' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 25"),
    ("parse", "RFC_1123_DATE_TIME", "Frı, 6 Jun 2008 11:05:30 GMT", "OK 2008-06-06T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "ſat, 7 Jun 2008 11:05:30 GMT", "OK 2008-06-07T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 gMt", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +0000", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 -0000", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +6000", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +6000' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +05", "OK 2008-06-03T11:05:30+05:00"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +5", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +5' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 29 Feb 2021 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 29 Feb 2021 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 7 differs from DayOfWeek 2 derived from 2021-02-28"),
    ("parse", "RFC_1123_DATE_TIME", "Mon, 29 Feb 2021 11:05:30 GMT", "EXC DateTimeParseException: Text 'Mon, 29 Feb 2021 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 7 differs from DayOfWeek 1 derived from 2021-02-28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30.5 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30.5 GMT' could not be parsed at index 24"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 011:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 0 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 0 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 6 differs from DayOfWeek 2 derived from 0000-06-03"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 GMT+1", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 GMT+1' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +02:00:30", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +02:00:30' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 123456789 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 123456789 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 6 differs from DayOfWeek 2 derived from +123456789-06-03"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +0060", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +0060' could not be parsed, unparsed text found at index 28"),
    ("parse", "ISO_INSTANT", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {InstantSeconds=1580913543, MicroOfSecond=0, MilliOfSecond=0, NanoOfSecond=0},ISO of type java.time.format.Parsed"),
    ("parse", "ISO_INSTANT", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed at index 19"),
    ("parse", "ISO_INSTANT", "2020-02-05T14:39:03+02:00[Europe/Paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+02:00[Europe/Paris]' could not be parsed, unparsed text found at index 25"),
    ("parse", "ISO_INSTANT", "2020-02-05T14:39:03+24:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+24:00' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03Z", "OK 2020-02-05T14:39:03Z"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed at index 19"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03+02:00", "OK 2020-02-05T14:39:03+02:00"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03+02:00[Europe/Paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+02:00[Europe/Paris]' could not be parsed, unparsed text found at index 25"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03.123456789Z", "OK 2020-02-05T14:39:03.123456789Z"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03+02:00:30", "OK 2020-02-05T14:39:03+02:00:30"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03+24:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+24:00' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03+19:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+19:00' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T24:00:00Z", "EXC DateTimeParseException: Text '2020-02-05T24:00:00Z' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-30T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-30T14:39:03Z' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2021-02-29T14:39:03Z", "EXC DateTimeParseException: Text '2021-02-29T14:39:03Z' could not be parsed: Invalid date 'February 29' as '2021' is not a leap year"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-13-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-13-05T14:39:03Z' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:60:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:60:03Z' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:60Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:60Z' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 60"),
    ("parse", "ISO_OFFSET_DATE_TIME", "-0001-02-05T14:39:03Z", "OK -0001-02-05T14:39:03Z"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:03.123+02:00", "OK 2020-02-05T14:39:03.123+02:00"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39+02:00", "OK 2020-02-05T14:39+02:00"),
    ("parse", "ISO_OFFSET_DATE_TIME", "2020-02-05T14:39:00.000000001-08:00", "OK 2020-02-05T14:39:00.000000001-08:00"),
    ("parse", "ISO_OFFSET_DATE_TIME", "0001-01-01T00:00:00Z", "OK 0001-01-01T00:00Z"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z", "OK 2020-02-05T14:39:03Z"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed at index 19"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00", "OK 2020-02-05T14:39:03+02:00"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00[Europe/Paris]", "OK 2020-02-05T13:39:03+01:00[Europe/Paris]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z[UTC]", "OK 2020-02-05T14:39:03Z[UTC]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03.123456789Z", "OK 2020-02-05T14:39:03.123456789Z"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+0200", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+0200' could not be parsed, unparsed text found at index 22"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00:30", "OK 2020-02-05T14:39:03+02:00:30"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+24:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+24:00' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+19:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+19:00' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T24:00:00Z", "EXC DateTimeParseException: Text '2020-02-05T24:00:00Z' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-30T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-30T14:39:03Z' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ("parse", "ISO_ZONED_DATE_TIME", "2021-02-29T14:39:03Z", "EXC DateTimeParseException: Text '2021-02-29T14:39:03Z' could not be parsed: Invalid date 'February 29' as '2021' is not a leap year"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-13-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-13-05T14:39:03Z' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:60:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:60:03Z' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:60Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:60Z' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 60"),
    ("parse", "ISO_ZONED_DATE_TIME", "-0001-02-05T14:39:03Z", "OK -0001-02-05T14:39:03Z"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z[UTC+01:00]", "OK 2020-02-05T15:39:03+01:00[UTC+01:00]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z[GMT0]", "OK 2020-02-05T14:39:03Z[GMT0]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z[UT]", "OK 2020-02-05T14:39:03Z[UT]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z[Etc/GMT+5]", "OK 2020-02-05T09:39:03-05:00[Etc/GMT+5]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03Z[Zulu]", "OK 2020-02-05T14:39:03Z[Zulu]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2021-03-28T02:30:00+01:00[Europe/Paris]", "OK 2021-03-28T03:30+02:00[Europe/Paris]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03.123+02:00", "OK 2020-02-05T14:39:03.123+02:00"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39+02:00", "OK 2020-02-05T14:39+02:00"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:00.000000001-08:00", "OK 2020-02-05T14:39:00.000000001-08:00"),
    ("parse", "ISO_ZONED_DATE_TIME", "0001-01-01T00:00:00Z", "OK 0001-01-01T00:00Z"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z", "OK 2020-02-05T14:39:03Z"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05T14:39:03 of type java.time.format.Parsed"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00", "OK 2020-02-05T14:39:03+02:00"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00[Europe/Paris]", "OK 2020-02-05T13:39:03+01:00[Europe/Paris]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z[UTC]", "OK 2020-02-05T14:39:03Z[UTC]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05", "EXC DateTimeParseException: Text '2020-02-05' could not be parsed at index 10"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03.123456789Z", "OK 2020-02-05T14:39:03.123456789Z"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03.1234567891Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03.1234567891Z' could not be parsed, unparsed text found at index 29"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00:30", "OK 2020-02-05T14:39:03+02:00:30"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+24:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+24:00' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+19:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+19:00' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T24:00:00Z", "EXC DateTimeParseException: Text '2020-02-05T24:00:00Z' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "ISO_DATE_TIME", "2020-02-30T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-30T14:39:03Z' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ("parse", "ISO_DATE_TIME", "2021-02-29T14:39:03Z", "EXC DateTimeParseException: Text '2021-02-29T14:39:03Z' could not be parsed: Invalid date 'February 29' as '2021' is not a leap year"),
    ("parse", "ISO_DATE_TIME", "2020-13-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-13-05T14:39:03Z' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:60:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:60:03Z' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:60Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:60Z' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 60"),
    ("parse", "ISO_DATE_TIME", "-0001-02-05T14:39:03Z", "OK -0001-02-05T14:39:03Z"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z[UTC+01:00]", "OK 2020-02-05T15:39:03+01:00[UTC+01:00]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z[GMT0]", "OK 2020-02-05T14:39:03Z[GMT0]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z[UT]", "OK 2020-02-05T14:39:03Z[UT]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z[Etc/GMT+5]", "OK 2020-02-05T09:39:03-05:00[Etc/GMT+5]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03Z[Zulu]", "OK 2020-02-05T14:39:03Z[Zulu]"),
    ("parse", "ISO_DATE_TIME", "2021-03-28T02:30:00+01:00[Europe/Paris]", "OK 2021-03-28T03:30+02:00[Europe/Paris]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03.123+02:00", "OK 2020-02-05T14:39:03.123+02:00"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39+02:00", "OK 2020-02-05T14:39+02:00"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:00.000000001-08:00", "OK 2020-02-05T14:39:00.000000001-08:00"),
    ("parse", "ISO_DATE_TIME", "0001-01-01T00:00:00Z", "OK 0001-01-01T00:00Z"),
    ("parse", "ISO_LOCAL_DATE_TIME", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed, unparsed text found at index 19"),
    ("parse", "ISO_LOCAL_DATE_TIME", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05T14:39:03 of type java.time.format.Parsed"),
    ("parse", "ISO_LOCAL_DATE_TIME", "2020-02-05", "EXC DateTimeParseException: Text '2020-02-05' could not be parsed at index 10"),
    ("parse", "ISO_LOCAL_DATE", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed, unparsed text found at index 10"),
    ("parse", "ISO_LOCAL_DATE", "2020-02-05", "EXC DateTimeParseException: Text '2020-02-05' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05 of type java.time.format.Parsed"),
    ("parse", "ISO_LOCAL_DATE", "14:39:03", "EXC DateTimeParseException: Text '14:39:03' could not be parsed at index 0"),
    ("parse", "ISO_LOCAL_TIME", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 2"),
    ("parse", "ISO_LOCAL_TIME", "14:39:03", "EXC DateTimeParseException: Text '14:39:03' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 14:39:03 of type java.time.format.Parsed"),
    ("parse", "ISO_LOCAL_TIME", "14:39:03+02:00", "EXC DateTimeParseException: Text '14:39:03+02:00' could not be parsed, unparsed text found at index 8"),
    ("parse", "ISO_LOCAL_TIME", "14:39", "EXC DateTimeParseException: Text '14:39' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 14:39 of type java.time.format.Parsed"),
    ("parse", "ISO_DATE", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed, unparsed text found at index 10"),
    ("parse", "ISO_DATE", "2020-02-05", "EXC DateTimeParseException: Text '2020-02-05' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05 of type java.time.format.Parsed"),
    ("parse", "ISO_DATE", "14:39:03", "EXC DateTimeParseException: Text '14:39:03' could not be parsed at index 0"),
    ("parse", "BASIC_ISO_DATE", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 4"),
    ("parse", "BASIC_ISO_DATE", "20200205", "EXC DateTimeParseException: Text '20200205' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05 of type java.time.format.Parsed"),
    ("parse", "BASIC_ISO_DATE", "9999999999-02-05T14:39:03Z", "EXC DateTimeParseException: Text '9999999999-02-05T14:39:03Z' could not be parsed, unparsed text found at index 8"),
    ("parse", "BASIC_ISO_DATE", "20200230", "EXC DateTimeParseException: Text '20200230' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ("parse", "ISO_OFFSET_DATE", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 10"),
    ("parse", "ISO_OFFSET_DATE", "2020-02-05+02:00", "EXC DateTimeParseException: Text '2020-02-05+02:00' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {OffsetSeconds=7200},ISO resolved to 2020-02-05 of type java.time.format.Parsed"),
    ("parse", "ISO_TIME", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 2"),
    ("parse", "ISO_TIME", "14:39:03", "EXC DateTimeParseException: Text '14:39:03' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 14:39:03 of type java.time.format.Parsed"),
    ("parse", "ISO_TIME", "14:39", "EXC DateTimeParseException: Text '14:39' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 14:39 of type java.time.format.Parsed"),
    ("parse", "ISO_OFFSET_TIME", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 2"),
    ("parse", "ISO_OFFSET_TIME", "14:39:03+02:00", "EXC DateTimeParseException: Text '14:39:03+02:00' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {OffsetSeconds=7200},ISO resolved to 14:39:03 of type java.time.format.Parsed"),
    ("parse", "ISO_OFFSET_TIME", "14:39Z", "EXC DateTimeParseException: Text '14:39Z' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {OffsetSeconds=0},ISO resolved to 14:39 of type java.time.format.Parsed"),
    ("parse", "ISO_ORDINAL_DATE", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 5"),
    ("parse", "ISO_ORDINAL_DATE", "2020-036", "EXC DateTimeParseException: Text '2020-036' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05 of type java.time.format.Parsed"),
    ("parse", "ISO_ORDINAL_DATE", "2021-366", "EXC DateTimeParseException: Text '2021-366' could not be parsed: Invalid date 'DayOfYear 366' as '2021' is not a leap year"),
    ("parse", "ISO_ORDINAL_DATE", "2020-000", "EXC DateTimeParseException: Text '2020-000' could not be parsed: Invalid value for DayOfYear (valid values 1 - 365/366): 0"),
    ("parse", "ISO_WEEK_DATE", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 4"),
    ("parse", "ISO_WEEK_DATE", "2020-W06-3", "EXC DateTimeParseException: Text '2020-W06-3' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05 of type java.time.format.Parsed"),
    ("parse", "ISO_WEEK_DATE", "2020-W54-1", "EXC DateTimeParseException: Text '2020-W54-1' could not be parsed: Invalid value for WeekOfWeekBasedYear (valid values 1 - 53): 54"),
    ("parse", "ISO_WEEK_DATE", "2020-W06-0", "EXC DateTimeParseException: Text '2020-W06-0' could not be parsed: Invalid value for DayOfWeek (valid values 1 - 7): 0"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+02:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+02:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+02:00[Europe/Paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+02:00[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[UTC]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[UTC]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05", "EXC DateTimeParseException: Text '2020-02-05' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05+02:00", "EXC DateTimeParseException: Text '2020-02-05+02:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05Z", "EXC DateTimeParseException: Text '2020-02-05Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "14:39:03", "EXC DateTimeParseException: Text '14:39:03' could not be parsed at index 2"),
    ("parse", "RFC_1123_DATE_TIME", "14:39:03+02:00", "EXC DateTimeParseException: Text '14:39:03+02:00' could not be parsed at index 2"),
    ("parse", "RFC_1123_DATE_TIME", "14:39", "EXC DateTimeParseException: Text '14:39' could not be parsed at index 2"),
    ("parse", "RFC_1123_DATE_TIME", "14:39Z", "EXC DateTimeParseException: Text '14:39Z' could not be parsed at index 2"),
    ("parse", "RFC_1123_DATE_TIME", "20200205", "EXC DateTimeParseException: Text '20200205' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "20200205+0200", "EXC DateTimeParseException: Text '20200205+0200' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "20200205Z", "EXC DateTimeParseException: Text '20200205Z' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "2020-036", "EXC DateTimeParseException: Text '2020-036' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-036+02:00", "EXC DateTimeParseException: Text '2020-036+02:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W06-3", "EXC DateTimeParseException: Text '2020-W06-3' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W06-3Z", "EXC DateTimeParseException: Text '2020-W06-3Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "Wed, 5 Feb 2020 14:39:03 GMT", "OK 2020-02-05T14:39:03Z"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05t14:39:03z", "EXC DateTimeParseException: Text '2020-02-05t14:39:03z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03.123456789Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03.123456789Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03.1234567891Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03.1234567891Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03.Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03.Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+02", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+02' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+0200", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+0200' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+02:00:30", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+02:00:30' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+24:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+24:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+19:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+19:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T24:00:00Z", "EXC DateTimeParseException: Text '2020-02-05T24:00:00Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-30T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-30T14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2021-02-29T14:39:03Z", "EXC DateTimeParseException: Text '2021-02-29T14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-13-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-13-05T14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:60:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:60:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:60Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:60Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T23:59:60Z", "EXC DateTimeParseException: Text '2020-02-05T23:59:60Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "+2020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '+2020-02-05T14:39:03Z' could not be parsed at index 5"),
    ("parse", "RFC_1123_DATE_TIME", "12020-02-05T14:39:03Z", "EXC DateTimeParseException: Text '12020-02-05T14:39:03Z' could not be parsed at index 5"),
    ("parse", "RFC_1123_DATE_TIME", "-0001-02-05T14:39:03Z", "EXC DateTimeParseException: Text '-0001-02-05T14:39:03Z' could not be parsed at index 5"),
    ("parse", "RFC_1123_DATE_TIME", "-0000-02-05T14:39:03Z", "EXC DateTimeParseException: Text '-0000-02-05T14:39:03Z' could not be parsed at index 5"),
    ("parse", "RFC_1123_DATE_TIME", "0000-02-05T14:39:03Z", "EXC DateTimeParseException: Text '0000-02-05T14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "202-02-05T14:39:03Z", "EXC DateTimeParseException: Text '202-02-05T14:39:03Z' could not be parsed at index 3"),
    ("parse", "RFC_1123_DATE_TIME", "2020-2-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-2-05T14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05 14:39:03Z", "EXC DateTimeParseException: Text '2020-02-05 14:39:03Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03-00:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03-00:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[Europe/Paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03+05:00[Europe/Paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+05:00[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[europe/paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[europe/paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[Europe/Parisx]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[Europe/Parisx]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[GMT+2]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[GMT+2]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[UTC+01:00]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[UTC+01:00]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[GMT0]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[GMT0]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[UT]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[UT]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[+02:00]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[+02:00]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[Z]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[Z]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[+19:00]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[+19:00]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[+25:00]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[+25:00]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[UTCx]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[UTCx]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[Etc/GMT+5]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[Etc/GMT+5]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[UTC+25:00]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[UTC+25:00]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[Zulu]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[Zulu]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03[Europe/Paris]", "EXC DateTimeParseException: Text '2020-02-05T14:39:03[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2021-03-28T02:30:00+01:00[Europe/Paris]", "EXC DateTimeParseException: Text '2021-03-28T02:30:00+01:00[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z ", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z ' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020", "EXC DateTimeParseException: Text '2020' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T", "EXC DateTimeParseException: Text '2020-02-05T' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14", "EXC DateTimeParseException: Text '2020-02-05T14' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:3", "EXC DateTimeParseException: Text '2020-02-05T14:3' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "9999999999-02-05T14:39:03Z", "EXC DateTimeParseException: Text '9999999999-02-05T14:39:03Z' could not be parsed at index 9"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W53-1", "EXC DateTimeParseException: Text '2020-W53-1' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W54-1", "EXC DateTimeParseException: Text '2020-W54-1' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2021-W53-1", "EXC DateTimeParseException: Text '2021-W53-1' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W00-1", "EXC DateTimeParseException: Text '2020-W00-1' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W06-0", "EXC DateTimeParseException: Text '2020-W06-0' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-W06-8", "EXC DateTimeParseException: Text '2020-W06-8' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-w06-3", "EXC DateTimeParseException: Text '2020-w06-3' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-366", "EXC DateTimeParseException: Text '2020-366' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2021-366", "EXC DateTimeParseException: Text '2021-366' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-000", "EXC DateTimeParseException: Text '2020-000' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-367", "EXC DateTimeParseException: Text '2020-367' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "20200230", "EXC DateTimeParseException: Text '20200230' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "2020020", "EXC DateTimeParseException: Text '2020020' could not be parsed at index 7"),
    ("parse", "RFC_1123_DATE_TIME", "202002051", "EXC DateTimeParseException: Text '202002051' could not be parsed at index 9"),
    ("parse", "RFC_1123_DATE_TIME", "20200205+02", "EXC DateTimeParseException: Text '20200205+02' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "20200205+02:00", "EXC DateTimeParseException: Text '20200205+02:00' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "20200205+020030", "EXC DateTimeParseException: Text '20200205+020030' could not be parsed at index 8"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03.123+02:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03.123+02:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03,123Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:03,123Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:03Z[UTC]x", "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z[UTC]x' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2021-10-31T02:30:00+01:00[Europe/Paris]", "EXC DateTimeParseException: Text '2021-10-31T02:30:00+01:00[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2021-10-31T02:30:00+02:00[Europe/Paris]", "EXC DateTimeParseException: Text '2021-10-31T02:30:00+02:00[Europe/Paris]' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39+02:00", "EXC DateTimeParseException: Text '2020-02-05T14:39+02:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "2020-02-05T14:39:00.000000001-08:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:00.000000001-08:00' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "0001-01-01T00:00:00Z", "EXC DateTimeParseException: Text '0001-01-01T00:00:00Z' could not be parsed at index 4"),
    ("parse", "RFC_1123_DATE_TIME", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "EXC DateTimeParseException: Text 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' could not be parsed at index 0"),
    ("parse", "", "2020-02-05T14:39:03Z", "OK 2020-02-05T14:39:03Z"),
    ("parse", "", "2020-02-05T14:39:03", "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed at index 19"),
    ("parse", "", "2020-02-05T14:39:03+02:00", "OK 2020-02-05T14:39:03+02:00"),
    ("parse", "", "2020-02-05T14:39:03+02:00[Europe/Paris]", "OK 2020-02-05T13:39:03+01:00[Europe/Paris]"),
    ("parse", "", "2020-02-05T14:39:03Z[UTC]", "OK 2020-02-05T14:39:03Z[UTC]"),
    ("parse", "", "2020-02-05T14:39:03.123456789Z", "OK 2020-02-05T14:39:03.123456789Z"),
    ("parse", "", "2020-02-05T14:39:03+0200", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+0200' could not be parsed, unparsed text found at index 22"),
    ("parse", "", "2020-02-05T14:39:03+02:00:30", "OK 2020-02-05T14:39:03+02:00:30"),
    ("parse", "", "2020-02-05T14:39:03+24:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+24:00' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "", "2020-02-05T14:39:03+19:00", "EXC DateTimeParseException: Text '2020-02-05T14:39:03+19:00' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "", "2020-02-05T24:00:00Z", "EXC DateTimeParseException: Text '2020-02-05T24:00:00Z' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "", "2020-02-30T14:39:03Z", "EXC DateTimeParseException: Text '2020-02-30T14:39:03Z' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ("parse", "", "2021-02-29T14:39:03Z", "EXC DateTimeParseException: Text '2021-02-29T14:39:03Z' could not be parsed: Invalid date 'February 29' as '2021' is not a leap year"),
    ("parse", "", "2020-13-05T14:39:03Z", "EXC DateTimeParseException: Text '2020-13-05T14:39:03Z' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
    ("parse", "", "2020-02-05T14:60:03Z", "EXC DateTimeParseException: Text '2020-02-05T14:60:03Z' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60"),
    ("parse", "", "2020-02-05T14:39:60Z", "EXC DateTimeParseException: Text '2020-02-05T14:39:60Z' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 60"),
    ("parse", "", "-0001-02-05T14:39:03Z", "OK -0001-02-05T14:39:03Z"),
    ("parse", "", "2020-02-05T14:39:03Z[UTC+01:00]", "OK 2020-02-05T15:39:03+01:00[UTC+01:00]"),
    ("parse", "", "2020-02-05T14:39:03Z[GMT0]", "OK 2020-02-05T14:39:03Z[GMT0]"),
    ("parse", "", "2020-02-05T14:39:03Z[UT]", "OK 2020-02-05T14:39:03Z[UT]"),
    ("parse", "", "2020-02-05T14:39:03Z[Etc/GMT+5]", "OK 2020-02-05T09:39:03-05:00[Etc/GMT+5]"),
    ("parse", "", "2020-02-05T14:39:03Z[Zulu]", "OK 2020-02-05T14:39:03Z[Zulu]"),
    ("parse", "", "2021-03-28T02:30:00+01:00[Europe/Paris]", "OK 2021-03-28T03:30+02:00[Europe/Paris]"),
    ("parse", "", "2020-02-05T14:39:03.123+02:00", "OK 2020-02-05T14:39:03.123+02:00"),
    ("parse", "", "2020-02-05T14:39+02:00", "OK 2020-02-05T14:39+02:00"),
    ("parse", "", "2020-02-05T14:39:00.000000001-08:00", "OK 2020-02-05T14:39:00.000000001-08:00"),
    ("parse", "", "0001-01-01T00:00:00Z", "OK 0001-01-01T00:00Z"),
    ("format", "ISO_INSTANT", "2021-08-03T10:00:00+02:00", "OK 2021-08-03T08:00:00Z"),
    ("format", "ISO_INSTANT", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03T08:00:00.120Z"),
    ("format", "ISO_INSTANT", "2021-01-01T00:00:00Z", "OK 2021-01-01T00:00:00Z"),
    ("format", "ISO_INSTANT", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01T00:00:00.000001Z"),
    ("format", "ISO_INSTANT", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2021-01-01T07:59:59.123456789Z"),
    ("format", "ISO_INSTANT", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03T08:00:00Z"),
    ("format", "ISO_INSTANT", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04T01:01:33Z"),
    ("format", "ISO_INSTANT", "-0001-03-04T01:02:03Z", "OK -0001-03-04T01:02:03Z"),
    ("format", "ISO_INSTANT", "2021-08-03T10:00:00+05:30", "OK 2021-08-03T04:30:00Z"),
    ("format", "ISO_INSTANT", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03T10:00:30Z"),
    ("format", "ISO_INSTANT", "2021-08-03T10:00:00+00:30", "OK 2021-08-03T09:30:00Z"),
    ("format", "ISO_INSTANT", "2027-01-01T00:00:00Z", "OK 2027-01-01T00:00:00Z"),
    ("format", "ISO_INSTANT", "2026-12-31T00:00:00Z", "OK 2026-12-31T00:00:00Z"),
    ("format", "ISO_INSTANT", "1999-07-09T09:08:07.5Z", "OK 1999-07-09T09:08:07.500Z"),
    ("iformat", "ISO_INSTANT", "1970-01-01T00:00:00Z", "OK 1970-01-01T00:00:00Z"),
    ("iformat", "ISO_INSTANT", "2021-08-03T10:00:00.5Z", "OK 2021-08-03T10:00:00.500Z"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00+02:00", "OK 2021-08-03T10:00:00+02:00"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03T10:00:00.12+02:00"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-01-01T00:00:00Z", "OK 2021-01-01T00:00:00Z"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01T00:00:00.000001Z"),
    ("format", "ISO_OFFSET_DATE_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31T23:59:59.123456789-08:00"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03T10:00:00+02:00"),
    ("format", "ISO_OFFSET_DATE_TIME", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04T01:02:03+00:00:30"),
    ("format", "ISO_OFFSET_DATE_TIME", "-0001-03-04T01:02:03Z", "OK -0001-03-04T01:02:03Z"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00+05:30", "OK 2021-08-03T10:00:00+05:30"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03T10:00:00-00:00:30"),
    ("format", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00+00:30", "OK 2021-08-03T10:00:00+00:30"),
    ("format", "ISO_OFFSET_DATE_TIME", "2027-01-01T00:00:00Z", "OK 2027-01-01T00:00:00Z"),
    ("format", "ISO_OFFSET_DATE_TIME", "2026-12-31T00:00:00Z", "OK 2026-12-31T00:00:00Z"),
    ("format", "ISO_OFFSET_DATE_TIME", "1999-07-09T09:08:07.5Z", "OK 1999-07-09T09:08:07.5Z"),
    ("iformat", "ISO_OFFSET_DATE_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_OFFSET_DATE_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00+02:00", "OK 2021-08-03T10:00:00+02:00"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03T10:00:00.12+02:00"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-01-01T00:00:00Z", "OK 2021-01-01T00:00:00Z"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01T00:00:00.000001Z[UTC]"),
    ("format", "ISO_ZONED_DATE_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03T10:00:00+02:00[Europe/Paris]"),
    ("format", "ISO_ZONED_DATE_TIME", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04T01:02:03+00:00:30"),
    ("format", "ISO_ZONED_DATE_TIME", "-0001-03-04T01:02:03Z", "OK -0001-03-04T01:02:03Z"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00+05:30", "OK 2021-08-03T10:00:00+05:30"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03T10:00:00-00:00:30"),
    ("format", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00+00:30", "OK 2021-08-03T10:00:00+00:30"),
    ("format", "ISO_ZONED_DATE_TIME", "2027-01-01T00:00:00Z", "OK 2027-01-01T00:00:00Z"),
    ("format", "ISO_ZONED_DATE_TIME", "2026-12-31T00:00:00Z", "OK 2026-12-31T00:00:00Z"),
    ("format", "ISO_ZONED_DATE_TIME", "1999-07-09T09:08:07.5Z", "OK 1999-07-09T09:08:07.5Z"),
    ("iformat", "ISO_ZONED_DATE_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_ZONED_DATE_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_DATE_TIME", "2021-08-03T10:00:00+02:00", "OK 2021-08-03T10:00:00+02:00"),
    ("format", "ISO_DATE_TIME", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03T10:00:00.12+02:00"),
    ("format", "ISO_DATE_TIME", "2021-01-01T00:00:00Z", "OK 2021-01-01T00:00:00Z"),
    ("format", "ISO_DATE_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01T00:00:00.000001Z[UTC]"),
    ("format", "ISO_DATE_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]"),
    ("format", "ISO_DATE_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03T10:00:00+02:00[Europe/Paris]"),
    ("format", "ISO_DATE_TIME", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04T01:02:03+00:00:30"),
    ("format", "ISO_DATE_TIME", "-0001-03-04T01:02:03Z", "OK -0001-03-04T01:02:03Z"),
    ("format", "ISO_DATE_TIME", "2021-08-03T10:00:00+05:30", "OK 2021-08-03T10:00:00+05:30"),
    ("format", "ISO_DATE_TIME", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03T10:00:00-00:00:30"),
    ("format", "ISO_DATE_TIME", "2021-08-03T10:00:00+00:30", "OK 2021-08-03T10:00:00+00:30"),
    ("format", "ISO_DATE_TIME", "2027-01-01T00:00:00Z", "OK 2027-01-01T00:00:00Z"),
    ("format", "ISO_DATE_TIME", "2026-12-31T00:00:00Z", "OK 2026-12-31T00:00:00Z"),
    ("format", "ISO_DATE_TIME", "1999-07-09T09:08:07.5Z", "OK 1999-07-09T09:08:07.5Z"),
    ("iformat", "ISO_DATE_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_DATE_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00+02:00", "OK 2021-08-03T10:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03T10:00:00.12"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-01-01T00:00:00Z", "OK 2021-01-01T00:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01T00:00:00.000001"),
    ("format", "ISO_LOCAL_DATE_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31T23:59:59.123456789"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03T10:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04T01:02:03"),
    ("format", "ISO_LOCAL_DATE_TIME", "-0001-03-04T01:02:03Z", "OK -0001-03-04T01:02:03"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00+05:30", "OK 2021-08-03T10:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03T10:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00+00:30", "OK 2021-08-03T10:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "2027-01-01T00:00:00Z", "OK 2027-01-01T00:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "2026-12-31T00:00:00Z", "OK 2026-12-31T00:00:00"),
    ("format", "ISO_LOCAL_DATE_TIME", "1999-07-09T09:08:07.5Z", "OK 1999-07-09T09:08:07.5"),
    ("iformat", "ISO_LOCAL_DATE_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_LOCAL_DATE_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_LOCAL_DATE", "2021-08-03T10:00:00+02:00", "OK 2021-08-03"),
    ("format", "ISO_LOCAL_DATE", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03"),
    ("format", "ISO_LOCAL_DATE", "2021-01-01T00:00:00Z", "OK 2021-01-01"),
    ("format", "ISO_LOCAL_DATE", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01"),
    ("format", "ISO_LOCAL_DATE", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31"),
    ("format", "ISO_LOCAL_DATE", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03"),
    ("format", "ISO_LOCAL_DATE", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04"),
    ("format", "ISO_LOCAL_DATE", "-0001-03-04T01:02:03Z", "OK -0001-03-04"),
    ("format", "ISO_LOCAL_DATE", "2021-08-03T10:00:00+05:30", "OK 2021-08-03"),
    ("format", "ISO_LOCAL_DATE", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03"),
    ("format", "ISO_LOCAL_DATE", "2021-08-03T10:00:00+00:30", "OK 2021-08-03"),
    ("format", "ISO_LOCAL_DATE", "2027-01-01T00:00:00Z", "OK 2027-01-01"),
    ("format", "ISO_LOCAL_DATE", "2026-12-31T00:00:00Z", "OK 2026-12-31"),
    ("format", "ISO_LOCAL_DATE", "1999-07-09T09:08:07.5Z", "OK 1999-07-09"),
    ("iformat", "ISO_LOCAL_DATE", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_LOCAL_DATE", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_LOCAL_TIME", "2021-08-03T10:00:00+02:00", "OK 10:00:00"),
    ("format", "ISO_LOCAL_TIME", "2021-08-03T10:00:00.120+02:00", "OK 10:00:00.12"),
    ("format", "ISO_LOCAL_TIME", "2021-01-01T00:00:00Z", "OK 00:00:00"),
    ("format", "ISO_LOCAL_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 00:00:00.000001"),
    ("format", "ISO_LOCAL_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 23:59:59.123456789"),
    ("format", "ISO_LOCAL_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 10:00:00"),
    ("format", "ISO_LOCAL_TIME", "0005-03-04T01:02:03+00:00:30", "OK 01:02:03"),
    ("format", "ISO_LOCAL_TIME", "-0001-03-04T01:02:03Z", "OK 01:02:03"),
    ("format", "ISO_LOCAL_TIME", "2021-08-03T10:00:00+05:30", "OK 10:00:00"),
    ("format", "ISO_LOCAL_TIME", "2021-08-03T10:00:00-00:00:30", "OK 10:00:00"),
    ("format", "ISO_LOCAL_TIME", "2021-08-03T10:00:00+00:30", "OK 10:00:00"),
    ("format", "ISO_LOCAL_TIME", "2027-01-01T00:00:00Z", "OK 00:00:00"),
    ("format", "ISO_LOCAL_TIME", "2026-12-31T00:00:00Z", "OK 00:00:00"),
    ("format", "ISO_LOCAL_TIME", "1999-07-09T09:08:07.5Z", "OK 09:08:07.5"),
    ("iformat", "ISO_LOCAL_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: HourOfDay"),
    ("iformat", "ISO_LOCAL_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: HourOfDay"),
    ("format", "ISO_DATE", "2021-08-03T10:00:00+02:00", "OK 2021-08-03+02:00"),
    ("format", "ISO_DATE", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03+02:00"),
    ("format", "ISO_DATE", "2021-01-01T00:00:00Z", "OK 2021-01-01Z"),
    ("format", "ISO_DATE", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01Z"),
    ("format", "ISO_DATE", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31-08:00"),
    ("format", "ISO_DATE", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03+02:00"),
    ("format", "ISO_DATE", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04+00:00:30"),
    ("format", "ISO_DATE", "-0001-03-04T01:02:03Z", "OK -0001-03-04Z"),
    ("format", "ISO_DATE", "2021-08-03T10:00:00+05:30", "OK 2021-08-03+05:30"),
    ("format", "ISO_DATE", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03-00:00:30"),
    ("format", "ISO_DATE", "2021-08-03T10:00:00+00:30", "OK 2021-08-03+00:30"),
    ("format", "ISO_DATE", "2027-01-01T00:00:00Z", "OK 2027-01-01Z"),
    ("format", "ISO_DATE", "2026-12-31T00:00:00Z", "OK 2026-12-31Z"),
    ("format", "ISO_DATE", "1999-07-09T09:08:07.5Z", "OK 1999-07-09Z"),
    ("iformat", "ISO_DATE", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_DATE", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "BASIC_ISO_DATE", "2021-08-03T10:00:00+02:00", "OK 20210803+0200"),
    ("format", "BASIC_ISO_DATE", "2021-08-03T10:00:00.120+02:00", "OK 20210803+0200"),
    ("format", "BASIC_ISO_DATE", "2021-01-01T00:00:00Z", "OK 20210101Z"),
    ("format", "BASIC_ISO_DATE", "2021-01-01T00:00:00.000001Z[UTC]", "OK 20210101Z"),
    ("format", "BASIC_ISO_DATE", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 20201231-0800"),
    ("format", "BASIC_ISO_DATE", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 20210803+0200"),
    ("format", "BASIC_ISO_DATE", "0005-03-04T01:02:03+00:00:30", "OK 00050304+000030"),
    ("format", "BASIC_ISO_DATE", "-0001-03-04T01:02:03Z", "EXC DateTimeException: Field Year cannot be printed as the value -1 cannot be negative according to the SignStyle"),
    ("format", "BASIC_ISO_DATE", "2021-08-03T10:00:00+05:30", "OK 20210803+0530"),
    ("format", "BASIC_ISO_DATE", "2021-08-03T10:00:00-00:00:30", "OK 20210803-000030"),
    ("format", "BASIC_ISO_DATE", "2021-08-03T10:00:00+00:30", "OK 20210803+0030"),
    ("format", "BASIC_ISO_DATE", "2027-01-01T00:00:00Z", "OK 20270101Z"),
    ("format", "BASIC_ISO_DATE", "2026-12-31T00:00:00Z", "OK 20261231Z"),
    ("format", "BASIC_ISO_DATE", "1999-07-09T09:08:07.5Z", "OK 19990709Z"),
    ("iformat", "BASIC_ISO_DATE", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "BASIC_ISO_DATE", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_OFFSET_DATE", "2021-08-03T10:00:00+02:00", "OK 2021-08-03+02:00"),
    ("format", "ISO_OFFSET_DATE", "2021-08-03T10:00:00.120+02:00", "OK 2021-08-03+02:00"),
    ("format", "ISO_OFFSET_DATE", "2021-01-01T00:00:00Z", "OK 2021-01-01Z"),
    ("format", "ISO_OFFSET_DATE", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-01-01Z"),
    ("format", "ISO_OFFSET_DATE", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-12-31-08:00"),
    ("format", "ISO_OFFSET_DATE", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-08-03+02:00"),
    ("format", "ISO_OFFSET_DATE", "0005-03-04T01:02:03+00:00:30", "OK 0005-03-04+00:00:30"),
    ("format", "ISO_OFFSET_DATE", "-0001-03-04T01:02:03Z", "OK -0001-03-04Z"),
    ("format", "ISO_OFFSET_DATE", "2021-08-03T10:00:00+05:30", "OK 2021-08-03+05:30"),
    ("format", "ISO_OFFSET_DATE", "2021-08-03T10:00:00-00:00:30", "OK 2021-08-03-00:00:30"),
    ("format", "ISO_OFFSET_DATE", "2021-08-03T10:00:00+00:30", "OK 2021-08-03+00:30"),
    ("format", "ISO_OFFSET_DATE", "2027-01-01T00:00:00Z", "OK 2027-01-01Z"),
    ("format", "ISO_OFFSET_DATE", "2026-12-31T00:00:00Z", "OK 2026-12-31Z"),
    ("format", "ISO_OFFSET_DATE", "1999-07-09T09:08:07.5Z", "OK 1999-07-09Z"),
    ("iformat", "ISO_OFFSET_DATE", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_OFFSET_DATE", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_TIME", "2021-08-03T10:00:00+02:00", "OK 10:00:00+02:00"),
    ("format", "ISO_TIME", "2021-08-03T10:00:00.120+02:00", "OK 10:00:00.12+02:00"),
    ("format", "ISO_TIME", "2021-01-01T00:00:00Z", "OK 00:00:00Z"),
    ("format", "ISO_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 00:00:00.000001Z"),
    ("format", "ISO_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 23:59:59.123456789-08:00"),
    ("format", "ISO_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 10:00:00+02:00"),
    ("format", "ISO_TIME", "0005-03-04T01:02:03+00:00:30", "OK 01:02:03+00:00:30"),
    ("format", "ISO_TIME", "-0001-03-04T01:02:03Z", "OK 01:02:03Z"),
    ("format", "ISO_TIME", "2021-08-03T10:00:00+05:30", "OK 10:00:00+05:30"),
    ("format", "ISO_TIME", "2021-08-03T10:00:00-00:00:30", "OK 10:00:00-00:00:30"),
    ("format", "ISO_TIME", "2021-08-03T10:00:00+00:30", "OK 10:00:00+00:30"),
    ("format", "ISO_TIME", "2027-01-01T00:00:00Z", "OK 00:00:00Z"),
    ("format", "ISO_TIME", "2026-12-31T00:00:00Z", "OK 00:00:00Z"),
    ("format", "ISO_TIME", "1999-07-09T09:08:07.5Z", "OK 09:08:07.5Z"),
    ("iformat", "ISO_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: HourOfDay"),
    ("iformat", "ISO_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: HourOfDay"),
    ("format", "ISO_OFFSET_TIME", "2021-08-03T10:00:00+02:00", "OK 10:00:00+02:00"),
    ("format", "ISO_OFFSET_TIME", "2021-08-03T10:00:00.120+02:00", "OK 10:00:00.12+02:00"),
    ("format", "ISO_OFFSET_TIME", "2021-01-01T00:00:00Z", "OK 00:00:00Z"),
    ("format", "ISO_OFFSET_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK 00:00:00.000001Z"),
    ("format", "ISO_OFFSET_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 23:59:59.123456789-08:00"),
    ("format", "ISO_OFFSET_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 10:00:00+02:00"),
    ("format", "ISO_OFFSET_TIME", "0005-03-04T01:02:03+00:00:30", "OK 01:02:03+00:00:30"),
    ("format", "ISO_OFFSET_TIME", "-0001-03-04T01:02:03Z", "OK 01:02:03Z"),
    ("format", "ISO_OFFSET_TIME", "2021-08-03T10:00:00+05:30", "OK 10:00:00+05:30"),
    ("format", "ISO_OFFSET_TIME", "2021-08-03T10:00:00-00:00:30", "OK 10:00:00-00:00:30"),
    ("format", "ISO_OFFSET_TIME", "2021-08-03T10:00:00+00:30", "OK 10:00:00+00:30"),
    ("format", "ISO_OFFSET_TIME", "2027-01-01T00:00:00Z", "OK 00:00:00Z"),
    ("format", "ISO_OFFSET_TIME", "2026-12-31T00:00:00Z", "OK 00:00:00Z"),
    ("format", "ISO_OFFSET_TIME", "1999-07-09T09:08:07.5Z", "OK 09:08:07.5Z"),
    ("iformat", "ISO_OFFSET_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: HourOfDay"),
    ("iformat", "ISO_OFFSET_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: HourOfDay"),
    ("format", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00+02:00", "OK 2021-215+02:00"),
    ("format", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00.120+02:00", "OK 2021-215+02:00"),
    ("format", "ISO_ORDINAL_DATE", "2021-01-01T00:00:00Z", "OK 2021-001Z"),
    ("format", "ISO_ORDINAL_DATE", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2021-001Z"),
    ("format", "ISO_ORDINAL_DATE", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-366-08:00"),
    ("format", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-215+02:00"),
    ("format", "ISO_ORDINAL_DATE", "0005-03-04T01:02:03+00:00:30", "OK 0005-063+00:00:30"),
    ("format", "ISO_ORDINAL_DATE", "-0001-03-04T01:02:03Z", "OK -0001-063Z"),
    ("format", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00+05:30", "OK 2021-215+05:30"),
    ("format", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00-00:00:30", "OK 2021-215-00:00:30"),
    ("format", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00+00:30", "OK 2021-215+00:30"),
    ("format", "ISO_ORDINAL_DATE", "2027-01-01T00:00:00Z", "OK 2027-001Z"),
    ("format", "ISO_ORDINAL_DATE", "2026-12-31T00:00:00Z", "OK 2026-365Z"),
    ("format", "ISO_ORDINAL_DATE", "1999-07-09T09:08:07.5Z", "OK 1999-190Z"),
    ("iformat", "ISO_ORDINAL_DATE", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("iformat", "ISO_ORDINAL_DATE", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: Year"),
    ("format", "ISO_WEEK_DATE", "2021-08-03T10:00:00+02:00", "OK 2021-W31-2+02:00"),
    ("format", "ISO_WEEK_DATE", "2021-08-03T10:00:00.120+02:00", "OK 2021-W31-2+02:00"),
    ("format", "ISO_WEEK_DATE", "2021-01-01T00:00:00Z", "OK 2020-W53-5Z"),
    ("format", "ISO_WEEK_DATE", "2021-01-01T00:00:00.000001Z[UTC]", "OK 2020-W53-5Z"),
    ("format", "ISO_WEEK_DATE", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK 2020-W53-4-08:00"),
    ("format", "ISO_WEEK_DATE", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK 2021-W31-2+02:00"),
    ("format", "ISO_WEEK_DATE", "0005-03-04T01:02:03+00:00:30", "OK 0005-W09-5+00:00:30"),
    ("format", "ISO_WEEK_DATE", "-0001-03-04T01:02:03Z", "OK -0001-W09-4Z"),
    ("format", "ISO_WEEK_DATE", "2021-08-03T10:00:00+05:30", "OK 2021-W31-2+05:30"),
    ("format", "ISO_WEEK_DATE", "2021-08-03T10:00:00-00:00:30", "OK 2021-W31-2-00:00:30"),
    ("format", "ISO_WEEK_DATE", "2021-08-03T10:00:00+00:30", "OK 2021-W31-2+00:30"),
    ("format", "ISO_WEEK_DATE", "2027-01-01T00:00:00Z", "OK 2026-W53-5Z"),
    ("format", "ISO_WEEK_DATE", "2026-12-31T00:00:00Z", "OK 2026-W53-4Z"),
    ("format", "ISO_WEEK_DATE", "1999-07-09T09:08:07.5Z", "OK 1999-W27-5Z"),
    ("iformat", "ISO_WEEK_DATE", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: WeekBasedYear"),
    ("iformat", "ISO_WEEK_DATE", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: WeekBasedYear"),
    ("format", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00+02:00", "OK Tue, 3 Aug 2021 10:00:00 +0200"),
    ("format", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00.120+02:00", "OK Tue, 3 Aug 2021 10:00:00 +0200"),
    ("format", "RFC_1123_DATE_TIME", "2021-01-01T00:00:00Z", "OK Fri, 1 Jan 2021 00:00:00 GMT"),
    ("format", "RFC_1123_DATE_TIME", "2021-01-01T00:00:00.000001Z[UTC]", "OK Fri, 1 Jan 2021 00:00:00 GMT"),
    ("format", "RFC_1123_DATE_TIME", "2020-12-31T23:59:59.123456789-08:00[America/Los_Angeles]", "OK Thu, 31 Dec 2020 23:59:59 -0800"),
    ("format", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00+02:00[Europe/Paris]", "OK Tue, 3 Aug 2021 10:00:00 +0200"),
    ("format", "RFC_1123_DATE_TIME", "0005-03-04T01:02:03+00:00:30", "OK Fri, 4 Mar 0005 01:02:03 GMT"),
    ("format", "RFC_1123_DATE_TIME", "-0001-03-04T01:02:03Z", "EXC DateTimeException: Field Year cannot be printed as the value -1 cannot be negative according to the SignStyle"),
    ("format", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00+05:30", "OK Tue, 3 Aug 2021 10:00:00 +0530"),
    ("format", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00-00:00:30", "OK Tue, 3 Aug 2021 10:00:00 GMT"),
    ("format", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00+00:30", "OK Tue, 3 Aug 2021 10:00:00 +0030"),
    ("format", "RFC_1123_DATE_TIME", "2027-01-01T00:00:00Z", "OK Fri, 1 Jan 2027 00:00:00 GMT"),
    ("format", "RFC_1123_DATE_TIME", "2026-12-31T00:00:00Z", "OK Thu, 31 Dec 2026 00:00:00 GMT"),
    ("format", "RFC_1123_DATE_TIME", "1999-07-09T09:08:07.5Z", "OK Fri, 9 Jul 1999 09:08:07 GMT"),
    ("iformat", "RFC_1123_DATE_TIME", "1970-01-01T00:00:00Z", "EXC UnsupportedTemporalTypeException: Unsupported field: DayOfMonth"),
    ("iformat", "RFC_1123_DATE_TIME", "2021-08-03T10:00:00.5Z", "EXC UnsupportedTemporalTypeException: Unsupported field: DayOfMonth"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 G😀T", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 G😀T' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "😀, 3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text '😀, 3 Jun 2008 11:05:30 GMT' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Frİ, 6 Jun 2008 11:05:30 GMT", "OK 2008-06-06T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tux, 3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tux, 3 Jun 2008 11:05:30 GMT' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +02000", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +02000' could not be parsed, unparsed text found at index 30"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 -2359", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 -2359' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +2360", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +2360' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +0200 ", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +0200 ' could not be parsed, unparsed text found at index 30"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +0200x", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +0200x' could not be parsed, unparsed text found at index 30"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +02003", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +02003' could not be parsed, unparsed text found at index 30"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +020", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +020' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 +' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 GM", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 GM' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 JUN 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 GMTx", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 GMTx' could not be parsed, unparsed text found at index 28"),
    ("parse", "RFC_1123_DATE_TIME", "Tue,  3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue,  3 Jun 2008 11:05:30 GMT' could not be parsed at index 5"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3  Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3  Jun 2008 11:05:30 GMT' could not be parsed at index 7"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30  GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30  GMT' could not be parsed at index 25"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 1234567890 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 1234567890 Jun 2008 11:05:30 GMT' could not be parsed at index 14"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30:00 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30:00 GMT' could not be parsed at index 24"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11 GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11 GMT' could not be parsed at index 18"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05: GMT", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05: GMT' could not be parsed at index 21"),
    ("parse", "RFC_1123_DATE_TIME", "-1, 3 Jun 2008 11:05:30 GMT", "EXC DateTimeParseException: Text '-1, 3 Jun 2008 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 2 differs from DayOfWeek -1 derived from 2008-06-03"),
    ("parse", "RFC_1123_DATE_TIME", "+2, 3 Jun 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 -0 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 -0 2008 11:05:30 GMT' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 +6 2008 11:05:30 GMT", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 0 2008 11:05:30 GMT", "EXC DateTimeParseException: Text 'Tue, 3 0 2008 11:05:30 GMT' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 0"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 03 Jun 2008 11:05:30 -0000", "OK 2008-06-03T11:05:30Z"),
    ("parse", "RFC_1123_DATE_TIME", "Sun, 06 Nov 1994 08:49:37 GMT", "OK 1994-11-06T08:49:37Z"),
    ("parse", "RFC_1123_DATE_TIME", "Sunday, 06-Nov-94 08:49:37 GMT", "EXC DateTimeParseException: Text 'Sunday, 06-Nov-94 08:49:37 GMT' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Sun Nov  6 08:49:37 1994", "EXC DateTimeParseException: Text 'Sun Nov  6 08:49:37 1994' could not be parsed at index 0"),
    ("parse", "RFC_1123_DATE_TIME", "Thu, 01 Jan 1970 00:00:00 GMT", "OK 1970-01-01T00:00Z"),
    ("parse", "RFC_1123_DATE_TIME", "Mon, 1 Jan 0001 00:00:00 GMT", "OK 0001-01-01T00:00Z"),
    ("parse", "RFC_1123_DATE_TIME", "Sat, 1 Jan 0000 00:00:00 GMT", "OK 0000-01-01T00:00Z"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 +1800", "OK 2008-06-03T11:05:30+18:00"),
    ("parse", "RFC_1123_DATE_TIME", "Tue, 3 Jun 2008 11:05:30 -1801", "EXC DateTimeParseException: Text 'Tue, 3 Jun 2008 11:05:30 -1801' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ("parse", "BASIC_ISO_DATE", "20200205+2400", "EXC DateTimeParseException: Text '20200205+2400' could not be parsed: Value out of range: Hour[0-23], Minute[0-59], Second[0-59]"),
    ("parse", "BASIC_ISO_DATE", "20201305", "EXC DateTimeParseException: Text '20201305' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"),
    ("parse", "BASIC_ISO_DATE", "20200200", "EXC DateTimeParseException: Text '20200200' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 0"),
    ("parse", "ISO_WEEK_DATE", "2020-W06-3+02", "EXC DateTimeParseException: Text '2020-W06-3+02' could not be parsed, unparsed text found at index 10"),
    ("parse", "ISO_LOCAL_TIME", "24:00", "EXC DateTimeParseException: Text '24:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "ISO_LOCAL_TIME", "23:59:59.999999999", "EXC DateTimeParseException: Text '23:59:59.999999999' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 23:59:59.999999999 of type java.time.format.Parsed"),
    ("parse", "ISO_LOCAL_TIME", "99:99", "EXC DateTimeParseException: Text '99:99' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 99"),
    ("parse", "ISO_TIME", "24:00", "EXC DateTimeParseException: Text '24:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ("parse", "ISO_TIME", "23:59:59.999999999", "EXC DateTimeParseException: Text '23:59:59.999999999' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 23:59:59.999999999 of type java.time.format.Parsed"),
    ("parse", "ISO_TIME", "10:00:0", "EXC DateTimeParseException: Text '10:00:0' could not be parsed, unparsed text found at index 5"),
    ("parse", "ISO_TIME", "99:99", "EXC DateTimeParseException: Text '99:99' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 99"),
    ("parse", "ISO_OFFSET_TIME", "23:59:59.999999999+18:00", "EXC DateTimeParseException: Text '23:59:59.999999999+18:00' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {OffsetSeconds=64800},ISO resolved to 23:59:59.999999999 of type java.time.format.Parsed"),
    ("parse", "ISO_OFFSET_TIME", "10:00+01:00x", "EXC DateTimeParseException: Text '10:00+01:00x' could not be parsed, unparsed text found at index 11"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00[America/Indiana/Indianapolis]", "OK 2020-02-05T07:39:03-05:00[America/Indiana/Indianapolis]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00[UT+02:00:30]", "OK 2020-02-05T14:39:33+02:00:30[UT+02:00:30]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00[EST5EDT]", "OK 2020-02-05T07:39:03-05:00[EST5EDT]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00[Asia/Kolkata]", "OK 2020-02-05T18:09:03+05:30[Asia/Kolkata]"),
    ("parse", "ISO_ZONED_DATE_TIME", "2020-02-05T14:39:03+02:00[Etc/GMT-14]", "OK 2020-02-06T02:39:03+14:00[Etc/GMT-14]"),
    ("parse", "", "2020-02-05T14:39:03+02:00[America/Indiana/Indianapolis]", "OK 2020-02-05T07:39:03-05:00[America/Indiana/Indianapolis]"),
    ("parse", "", "2020-02-05T14:39:03+02:00[UT+02:00:30]", "OK 2020-02-05T14:39:33+02:00:30[UT+02:00:30]"),
    ("parse", "", "2020-02-05T14:39:03+02:00[EST5EDT]", "OK 2020-02-05T07:39:03-05:00[EST5EDT]"),
    ("parse", "", "2020-02-05T14:39:03+02:00[Asia/Kolkata]", "OK 2020-02-05T18:09:03+05:30[Asia/Kolkata]"),
    ("parse", "", "2020-02-05T14:39:03+02:00[Etc/GMT-14]", "OK 2020-02-06T02:39:03+14:00[Etc/GMT-14]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00[America/Indiana/Indianapolis]", "OK 2020-02-05T07:39:03-05:00[America/Indiana/Indianapolis]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00[UT+02:00:30]", "OK 2020-02-05T14:39:33+02:00:30[UT+02:00:30]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00[EST5EDT]", "OK 2020-02-05T07:39:03-05:00[EST5EDT]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00[Asia/Kolkata]", "OK 2020-02-05T18:09:03+05:30[Asia/Kolkata]"),
    ("parse", "ISO_DATE_TIME", "2020-02-05T14:39:03+02:00[Etc/GMT-14]", "OK 2020-02-06T02:39:03+14:00[Etc/GMT-14]"),
    ];

    #[test]
    fn formatter_constants_match_jdk_17() {
        let mut failures = Vec::new();
        for (kind, formatter, text, want) in JDK17 {
            let got = run(&script_for(kind, formatter), text);
            if sorted_maps(&got) != sorted_maps(want) {
                failures.push(format!(
                    "{kind} {formatter} {text:?}\n  want {want}\n  got  {got}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn modsecurity_http_date_header() {
        // elastic/integrations modsecurity auditlog pipeline
        let script = "ZonedDateTime zdt = ZonedDateTime.parse(params.t, DateTimeFormatter.RFC_1123_DATE_TIME); return zdt.toString()";
        assert_eq!(
            run(script, "Wed, 05 Feb 2020 14:39:03 GMT"),
            "OK 2020-02-05T14:39:03Z"
        );
    }

    #[test]
    fn parse_honours_the_formatter() {
        assert_eq!(
            run(&script_for("parse", "ISO_INSTANT"), "2021-08-03T10:00:00Z"),
            "EXC DateTimeParseException: Text '2021-08-03T10:00:00Z' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {InstantSeconds=1627984800, MicroOfSecond=0, NanoOfSecond=0, MilliOfSecond=0},ISO of type java.time.format.Parsed"
        );
        assert_eq!(
            run(&script_for("parse", "ISO_LOCAL_DATE_TIME"), "2020-02-05T14:39:03"),
            "EXC DateTimeParseException: Text '2020-02-05T14:39:03' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO resolved to 2020-02-05T14:39:03 of type java.time.format.Parsed"
        );
        assert_eq!(
            run(&script_for("parse", "ISO_LOCAL_DATE_TIME"), "2020-02-05T14:39:03Z"),
            "EXC DateTimeParseException: Text '2020-02-05T14:39:03Z' could not be parsed, unparsed text found at index 19"
        );
        // the repro's outputs (JDK 17)
        let z = "ZonedDateTime z = ZonedDateTime.parse('2021-08-03T10:00:00+02:00'); return z.format(DateTimeFormatter.";
        for (f, want) in [
            ("RFC_1123_DATE_TIME", "Tue, 3 Aug 2021 10:00:00 +0200"),
            ("BASIC_ISO_DATE", "20210803+0200"),
            ("ISO_OFFSET_DATE", "2021-08-03+02:00"),
            ("ISO_TIME", "10:00:00+02:00"),
            ("ISO_OFFSET_TIME", "10:00:00+02:00"),
            ("ISO_ORDINAL_DATE", "2021-215+02:00"),
            ("ISO_WEEK_DATE", "2021-W31-2+02:00"),
        ] {
            assert_eq!(run(&format!("{z}{f})"), ""), format!("OK {want}"), "{f}");
        }
    }

    #[test]
    fn formatter_to_string_and_identity() {
        // JDK 17 DateTimeFormatter.toString()
        assert_eq!(
            run("DateTimeFormatter.ISO_LOCAL_DATE.toString()", ""),
            "OK Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2)"
        );
        assert_eq!(
            run("DateTimeFormatter.RFC_1123_DATE_TIME.toString()", ""),
            "OK ParseCaseSensitive(false)ParseStrict(false)[Text(DayOfWeek)', ']Value(DayOfMonth,1,2,NOT_NEGATIVE)' 'Text(MonthOfYear)' 'Value(Year,4)' 'Value(HourOfDay,2)':'Value(MinuteOfHour,2)[':'Value(SecondOfMinute,2)]' 'Offset(+HHMM,'GMT')"
        );
        assert_eq!(
            run("DateTimeFormatter.ISO_INSTANT.toString()", ""),
            "OK ParseCaseSensitive(false)Instant()"
        );
        let eq = run_for_cli(
            "[DateTimeFormatter.ISO_DATE.equals(DateTimeFormatter.ISO_DATE), DateTimeFormatter.ISO_DATE.equals(DateTimeFormatter.ISO_LOCAL_DATE)]",
            None,
            None,
        );
        assert_eq!(eq["value"], json!([true, false]));
    }

    #[test]
    fn null_arguments() {
        // Objects.requireNonNull(text, "text") / (formatter, "formatter")
        assert_eq!(
            run("ZonedDateTime.parse(null, DateTimeFormatter.ISO_DATE)", ""),
            "EXC NullPointerException: text"
        );
        assert_eq!(
            run("ZonedDateTime.parse(null)", ""),
            "EXC NullPointerException: text"
        );
        assert_eq!(
            run("ZonedDateTime.parse('2020-01-01T00:00Z', null)", ""),
            "EXC NullPointerException: formatter"
        );
    }

    #[test]
    fn years_outside_jiff_fail_loudly() {
        // java.time accepts years up to 999,999,999; this implementation stops at jiff's range
        let got = run(
            &script_for("parse", "ISO_OFFSET_DATE_TIME"),
            "+12020-02-05T14:39:03Z",
        );
        assert!(got.starts_with("EXC DateTimeException: "), "{got}");
    }
}
