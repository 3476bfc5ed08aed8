//! `DateTimeFormatter.ofPattern(pattern)` as a Painless script sees it: the JDK's pattern letters
//! (the same builder the date processor uses), SMART resolving (not ES's STRICT), the JVM's default
//! locale (taken to be English), an optional `withZone` override, printing of `ZonedDateTime`s
//! and `Instant`s, and `ZonedDateTime.parse(text, formatter)` with `ZonedDateTime.from`'s rules
//! and the JDK's messages.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

use super::engine::{Builder, Elem, NumKind, ResolverStyle};
use super::fields::Field;
use super::resolve::{self, describe, zoned_of};
use super::{parse_resolve, print_zoned, quoted_text, Locale};

/// A compiled `DateTimeFormatter.ofPattern(pattern)`, possibly `.withZone(zone)`.
#[derive(Clone, Debug)]
pub struct PatternFormatter {
    pattern: String,
    elems: std::sync::Arc<[Elem]>,
    locale: Locale,
    zone: Option<TimeZone>,
}

/// Why a temporal cannot be printed with a pattern (the JDK's exception and message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// `UnsupportedTemporalTypeException`.
    UnsupportedField(String),
    /// `DateTimeException`.
    NoZone(String),
}

/// The zone `ZonedDateTime.from` settled on for a parse.
#[derive(Debug, Clone)]
pub enum ParsedZone {
    Region(TimeZone),
    Offset(i32),
}

impl PatternFormatter {
    /// `DateTimeFormatter.ofPattern(pattern)`; the error is the `IllegalArgumentException`'s
    /// message.
    ///
    /// Scripts usually call this once per document with a constant pattern, so the compiled
    /// elements are kept per thread and shared; each call still makes its own formatter object.
    pub fn compile(pattern: &str) -> Result<PatternFormatter, String> {
        use std::cell::RefCell;
        use std::collections::HashMap;
        use std::sync::Arc;
        thread_local! {
            static COMPILED: RefCell<HashMap<String, Arc<[Elem]>>> = RefCell::new(HashMap::new());
        }
        let cached = COMPILED.with(|c| c.borrow().get(pattern).cloned());
        let elems = match cached {
            Some(elems) => elems,
            None => {
                let mut b = Builder::new();
                b.pattern(pattern)?;
                let elems: Arc<[Elem]> = b.build().into();
                COMPILED.with(|c| {
                    let mut c = c.borrow_mut();
                    // patterns built from document data must not grow the cache without bound
                    if c.len() >= 256 {
                        c.clear();
                    }
                    c.insert(pattern.to_string(), elems.clone());
                });
                elems
            }
        };
        Ok(PatternFormatter {
            pattern: pattern.to_string(),
            elems,
            locale: Locale::english(),
            zone: None,
        })
    }

    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    pub fn zone(&self) -> Option<&TimeZone> {
        self.zone.as_ref()
    }

    /// `formatter.withZone(zone)`.
    pub fn with_zone(&self, zone: TimeZone) -> PatternFormatter {
        PatternFormatter {
            zone: Some(zone),
            ..self.clone()
        }
    }

    /// `formatter.format(zonedDateTime)`: with an override zone the instant is shown in it
    /// (`DateTimePrintContext.adjust`).
    pub fn format_zoned(&self, z: &Zoned) -> String {
        match &self.zone {
            Some(tz) => print_zoned(&self.elems, &z.with_time_zone(tz.clone()), &self.locale),
            None => print_zoned(&self.elems, z, &self.locale),
        }
    }

    /// `formatter.format(instant)`: only the instant's own fields (seconds and their fractions)
    /// print without an override zone; an optional section that needs another field is left out.
    pub fn format_instant(&self, t: Timestamp, instant_text: &str) -> Result<String, PrintError> {
        if let Some(tz) = &self.zone {
            return Ok(print_zoned(
                &self.elems,
                &t.to_zoned(tz.clone()),
                &self.locale,
            ));
        }
        let elems = printable(&self.elems, &Fields::INSTANT, instant_text)?;
        Ok(print_zoned(
            &elems,
            &t.to_zoned(TimeZone::UTC),
            &self.locale,
        ))
    }

    /// `formatter.format(localDateTime)`: no offset (and no zone unless the formatter has one).
    pub fn format_local(&self, dt: DateTime, text: &str) -> Result<String, PrintError> {
        let fields = Fields {
            supported: |f| !matches!(f, Field::OffsetSeconds | Field::InstantSeconds),
            zone: self.zone.is_some(),
        };
        let elems = printable(&self.elems, &fields, text)?;
        let tz = self.zone.clone().unwrap_or(TimeZone::UTC);
        let z = dt
            .to_zoned(tz)
            .map_err(|e| PrintError::NoZone(e.to_string()))?;
        Ok(print_zoned(&elems, &z, &self.locale))
    }

    /// `LocalDateTime.parse(text, formatter)`; the error is the `DateTimeParseException`'s
    /// message.
    pub fn parse_local(&self, text: &str) -> Result<DateTime, String> {
        let (r, abbr) = self.parse_resolved(text)?;
        let (Some(date), Some(time)) = (r.date, r.time) else {
            return Err(format!(
                "Text '{abbr}' could not be parsed: Unable to obtain LocalDateTime from TemporalAccessor: {} of type java.time.format.Parsed",
                describe(&r)
            ));
        };
        date.at(time)
            .map_err(|e| format!("Text '{abbr}' could not be parsed: {e}"))
    }

    /// `ZonedDateTime.parse(text, formatter)`; the error is the `DateTimeParseException`'s
    /// message.
    pub fn parse_zoned(&self, text: &str) -> Result<(Zoned, ParsedZone), String> {
        let (r, abbr) = self.parse_resolved(text)?;
        let unable = || {
            format!(
                "Text '{abbr}' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {} of type java.time.format.Parsed",
                describe(&r)
            )
        };
        let offset = r.p.get(Field::OffsetSeconds);
        // ZoneId.from: the zone (parsed or the formatter's), else the parsed offset
        let zone = match (&r.p.zone, offset) {
            (Some(tz), _) => ParsedZone::Region(tz.clone()),
            (None, Some(secs)) => ParsedZone::Offset(secs as i32),
            (None, None) => return Err(unable()),
        };
        let (Some(date), Some(time)) = (r.date, r.time) else {
            return Err(unable());
        };
        let tz = match &zone {
            ParsedZone::Region(tz) => tz.clone(),
            ParsedZone::Offset(secs) => fixed(*secs).ok_or_else(unable)?,
        };
        // Parsed.resolveInstant prefers the parsed offset to the zone's rules
        let z = match offset {
            Some(secs) => zoned_of(date, time, &fixed(secs as i32).ok_or_else(unable)?)
                .map_err(|e| format!("Text '{abbr}' could not be parsed: {e}"))?
                .with_time_zone(tz),
            None => zoned_of(date, time, &tz)
                .map_err(|e| format!("Text '{abbr}' could not be parsed: {e}"))?,
        };
        Ok((z, zone))
    }

    /// The text parsed and resolved (SMART), with the formatter's zone where the text has none;
    /// also the text as the JDK quotes it in messages.
    fn parse_resolved(&self, text: &str) -> Result<(resolve::Resolved, String), String> {
        let chars: Vec<char> = text.chars().collect();
        let r = parse_resolve(
            &self.elems,
            &chars,
            &self.locale,
            self.zone.clone(),
            ResolverStyle::Smart,
        )?;
        Ok((r, quoted_text(&chars)))
    }
}

fn fixed(secs: i32) -> Option<TimeZone> {
    Offset::from_seconds(secs).ok().map(TimeZone::fixed)
}

/// What a temporal can print: its supported fields, and whether it has a zone.
struct Fields {
    supported: fn(Field) -> bool,
    zone: bool,
}

impl Fields {
    /// `Instant.isSupported`: the seconds and their fractions, no zone.
    const INSTANT: Fields = Fields {
        supported: |f| {
            matches!(
                f,
                Field::InstantSeconds
                    | Field::NanoOfSecond
                    | Field::MicroOfSecond
                    | Field::MilliOfSecond
            )
        },
        zone: false,
    };
}

/// The first field an element needs that the temporal lacks, as the JDK reports it.
fn gap(e: &Elem, fields: &Fields, text: &str) -> Option<PrintError> {
    let unsupported =
        |f: Field| (!(fields.supported)(f)).then(|| PrintError::UnsupportedField(f.name()));
    match e {
        Elem::Literal(_) | Elem::Epoch { .. } => None,
        Elem::Num(pp) => match &pp.kind {
            NumKind::Plain(f) | NumKind::Reduced(f) => unsupported(*f),
            NumKind::Fraction { .. } => unsupported(Field::NanoOfSecond),
            // the localized week fields exist wherever the date does
            NumKind::Week { .. } if (fields.supported)(Field::Year) => None,
            NumKind::Week { letter, .. } => Some(PrintError::UnsupportedField(match letter {
                'Y' => "WeekBasedYear[WeekFields[SUNDAY,1]]".into(),
                'w' => "WeekOfWeekBasedYear[WeekFields[SUNDAY,1]]".into(),
                'W' => "WeekOfMonth[WeekFields[SUNDAY,1]]".into(),
                _ => "DayOfWeek[WeekFields[SUNDAY,1]]".into(),
            })),
        },
        Elem::Text { field, .. } => unsupported(*field),
        Elem::Offset { .. } | Elem::LocalizedOffset { .. } => unsupported(Field::OffsetSeconds),
        Elem::ZoneId | Elem::ZoneText { .. } if fields.zone => None,
        Elem::ZoneId | Elem::ZoneText { .. } => Some(PrintError::NoZone(format!(
            "Unable to extract ZoneId from temporal {text}"
        ))),
        Elem::Pad { inner, .. } => gap(inner, fields, text),
        Elem::Composite { optional: true, .. } => None,
        Elem::Composite { elems, .. } => elems.iter().find_map(|e| gap(e, fields, text)),
    }
}

/// `elems` without the optional sections the temporal cannot fill (the JDK leaves them out), or
/// the JDK's error for the first mandatory field it lacks.
fn printable(elems: &[Elem], fields: &Fields, text: &str) -> Result<Vec<Elem>, PrintError> {
    let mut out = Vec::with_capacity(elems.len());
    for e in elems {
        match e {
            Elem::Composite {
                elems: inner,
                optional: true,
            } => {
                if inner.iter().all(|x| gap(x, fields, text).is_none()) {
                    out.push(e.clone());
                }
            }
            _ => {
                if let Some(err) = gap(e, fields, text) {
                    return Err(err);
                }
                out.push(e.clone());
            }
        }
    }
    Ok(out)
}
