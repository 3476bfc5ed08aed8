//! Elasticsearch date handling on `jiff`: java.time `DateTimeFormatter` patterns as ES wraps them
//! (`DateFormatter.forPattern`: named formats, `||` lists, STRICT resolving, ROOT locale), the
//! ingest `date` processor's format kinds (`DateFormat`: ISO8601, UNIX, UNIX_MS, TAI64N, Java),
//! printing for `output_format` / `date_index_name`, `ZoneId.of` and `LocaleUtils.parse`.
//!
//! Use from the ingest processors:
//! ```
//! use ingest_emu::dates::{format_default_output, parse_locale, parse_timezone, DateFormat, JavaFormatter, Locale};
//! // compile once (at pipeline load)
//! let formats = [DateFormat::compile("ISO8601").unwrap(), DateFormat::compile("dd/MMM/yyyy:HH:mm:ss Z").unwrap()];
//! let output = JavaFormatter::compile("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", &Locale::root()).unwrap();
//! // per document (timezone/locale may come from templates)
//! let tz = parse_timezone("Europe/Paris").unwrap();
//! let locale = parse_locale("en").unwrap();
//! let z = formats.iter().find_map(|f| f.parse("10/Oct/2000:13:55:36 -0700", &tz, &locale).ok()).unwrap();
//! assert_eq!(output.format(&z), "2000-10-10T22:55:36.000+02:00");
//! assert_eq!(format_default_output(&z), output.format(&z));
//! ```
//! ES compiles `formats` entries lazily, so an invalid pattern only fails the documents it is tried
//! on: [`DateFormat::compile_deferred`] reproduces that. The date processor prints with
//! `Locale.ROOT` whatever its `locale` option says; `date_index_name` defaults to `Locale.ENGLISH`
//! ([`Locale::english`]) and reads its `locale` with [`parse_language_tag`].
//!
//! Behaviour follows the JDK as ES configures it (`-Djava.locale.providers=SPI,CLDR` with ISO
//! weeks for ROOT), checked against JDK 17 by `tests/dates_oracle.rs`. ES 8's own
//! `Iso8601Parser`, tried before java.time for the ISO named formats, is reproduced in `iso.rs`.
//!
//! Known limits (documented, never silent):
//! - years outside -9999..=9999 fail (jiff's range), Java accepts ±999,999,999;
//! - text (month/day names, AM/PM, eras, zone names) comes from tables generated from JDK 17
//!   (`tests/oracle/GenLocaleData.java`) for the locales listed in `locale_data.rs`; another
//!   valid locale uses its language's table, else ROOT's;
//! - zone names (`z`, `zzzz`) are known for ~35 reference zones (US, Europe, Asia-Pacific
//!   metazones, matched by tz abbreviation and offset); other zones print the localized GMT
//!   format like Java does for unnamed zones. Names of historical dates (Java follows CLDR
//!   metazone history) and a GMT-format name in the text (`UTC−04:00`, read as a fixed offset)
//!   may differ; `v`/`vvvv` print like `z`/`zzzz`;
//! - the pattern letter `B` (day period) returns an explicit "not supported" error.

mod civil;
mod engine;
mod fields;
mod iso;
mod locale;
#[allow(clippy::all)]
mod locale_data;
mod named;
mod of_pattern;
mod resolve;
mod zone;

use jiff::tz::TimeZone;
use jiff::Zoned;

/// Java's `LocalDate`/`LocalTime` arithmetic, for Painless's `java.time`.
pub(crate) use civil::{is_leap, month_len, LDate, LTime};
use engine::{Builder, Ctx, Elem, Parsed, PrintCtx, ResolverStyle};
pub(crate) use fields::Field as ChronoField;
use fields::WeekDef;
pub use locale::{parse_language_tag, parse_locale, Locale};
pub use of_pattern::{ParsedZone, PatternFormatter, PrintError};
use resolve::Resolved;
pub use zone::{is_offset_zone, java_zone_id, offset_id, offset_id_seconds, parse_timezone};

/// One compiled `java.time.format.DateTimeFormatter`.
#[derive(Clone, Debug)]
pub(crate) struct Dtf {
    pub elems: Vec<Elem>,
    pub style: ResolverStyle,
    /// `.withZone(ZoneOffset.UTC)` (ES's `basic_date`): a parse without zone gets UTC.
    pub utc_zone: bool,
    /// ES's own `Iso8601Parser` instead of `elems` (parsing only).
    pub iso: Option<iso::IsoConfig>,
}

/// ES's `DateFormatter`: a printer and the parsers tried in order.
#[derive(Clone, Debug)]
pub(crate) struct EsFormatter {
    name: String,
    printer: Dtf,
    parsers: Vec<Dtf>,
}

fn week_def(locale: &Locale) -> WeekDef {
    WeekDef {
        first: locale.data.first_day_of_week,
        min_days: locale.data.min_days,
    }
}

/// `DateFormatters.forPattern` for one element of a `||` list.
fn single_pattern(input: &str) -> Result<EsFormatter, String> {
    let input = input.trim_matches(|c: char| c <= ' ');
    if input.is_empty() {
        return Err("No date pattern provided".into());
    }
    if let Some(n) = named::named(input) {
        let (printer, parsers) = n?;
        return Ok(EsFormatter {
            name: input.to_string(),
            printer,
            parsers,
        });
    }
    let mut b = Builder::new();
    b.pattern(input)
        .map_err(|e| format!("Invalid format: [{input}]: {e}"))?;
    let dtf = Dtf {
        elems: b.build(),
        style: ResolverStyle::Strict,
        utc_zone: false,
        iso: None,
    };
    Ok(EsFormatter {
        name: input.to_string(),
        printer: dtf.clone(),
        parsers: vec![dtf],
    })
}

/// `DateFormatter.forPattern`: the 6.x `8` prefix, `||` lists, named formats and patterns.
fn for_pattern(input: &str) -> Result<EsFormatter, String> {
    if input.is_empty() {
        return Err("No date pattern provided".into());
    }
    let input = input.strip_prefix('8').unwrap_or(input);
    let mut list: Vec<EsFormatter> = Vec::new();
    for piece in input.split("||") {
        if piece.is_empty() {
            return Err(format!(
                "Cannot have empty element in multi date format pattern: {input}"
            ));
        }
        list.push(single_pattern(piece)?);
    }
    if list.len() == 1 {
        return Ok(list.remove(0));
    }
    let printer = list[0].printer.clone();
    let parsers = list.into_iter().flat_map(|f| f.parsers).collect();
    Ok(EsFormatter {
        name: input.to_string(),
        printer,
        parsers,
    })
}

/// The text as `DateTimeParseException` messages quote it (64 characters at most).
fn quoted_text(chars: &[char]) -> String {
    if chars.len() > 64 {
        let s: String = chars[..64].iter().collect();
        format!("{s}...")
    } else {
        chars.iter().collect()
    }
}

/// `DateTimeFormatter.parse`: the elements over the whole text, then `Parsed.resolve`; a parse
/// without a zone gets `default_zone` (the formatter's `withZone`). The error is the
/// `DateTimeParseException`'s message.
fn parse_resolve(
    elems: &[Elem],
    chars: &[char],
    locale: &Locale,
    default_zone: Option<TimeZone>,
    style: ResolverStyle,
) -> Result<Resolved, String> {
    let abbr = quoted_text(chars);
    let mut ctx = Ctx {
        text: chars,
        locale,
        week: week_def(locale),
        parsed: Parsed::default(),
    };
    match engine::parse_elems(&mut ctx, elems, 0, chars.len()) {
        Err(at) => return Err(format!("Text '{abbr}' could not be parsed at index {at}")),
        Ok(end) if end < chars.len() => {
            return Err(format!(
                "Text '{abbr}' could not be parsed, unparsed text found at index {end}"
            ))
        }
        Ok(_) => {}
    }
    let mut parsed = ctx.parsed;
    if parsed.zone.is_none() {
        parsed.zone = default_zone;
    }
    resolve::resolve(parsed, style).map_err(|e| format!("Text '{abbr}' could not be parsed: {e}"))
}

fn parse_dtf(dtf: &Dtf, chars: &[char], locale: &Locale) -> Result<Resolved, String> {
    if let Some(cfg) = &dtf.iso {
        let abbr = quoted_text(chars);
        return match cfg.try_parse(chars) {
            Some(r) => r,
            None => Err(format!(
                "Text '{abbr}' could not be parsed by the ISO-8601 parser"
            )),
        };
    }
    let utc = dtf.utc_zone.then_some(TimeZone::UTC);
    parse_resolve(&dtf.elems, chars, locale, utc, dtf.style)
}

/// A failed parse: ES's message, and the message of the innermost exception it wraps (what
/// `_ingest.on_failure_message` shows: `CompoundProcessor` takes `getRootCause()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub root: String,
}

impl DateError {
    fn wrapping(message: String, root: String) -> DateError {
        DateError { message, root }
    }
}

impl From<String> for DateError {
    /// An exception that wraps nothing: its own message is the root's.
    fn from(message: String) -> DateError {
        DateError {
            root: message.clone(),
            message,
        }
    }
}

impl EsFormatter {
    /// `JavaDateFormatter.parse`: the accessor, or ES's `failed to parse date field` error around
    /// the `DateTimeParseException`.
    fn parse_accessor(&self, input: &str, locale: &Locale) -> Result<Resolved, DateError> {
        if input.is_empty() {
            return Err(DateError::from("cannot parse empty datetime".to_string()));
        }
        let chars: Vec<char> = input.chars().collect();
        let fail = || {
            format!(
                "failed to parse date field [{input}] with format [{}]",
                self.name
            )
        };
        if self.parsers.len() > 1 {
            for p in &self.parsers {
                if let Ok(r) = parse_dtf(p, &chars, locale) {
                    return Ok(r);
                }
            }
            return Err(DateError::wrapping(
                fail(),
                "Failed to parse with all enclosed parsers".into(),
            ));
        }
        parse_dtf(&self.parsers[0], &chars, locale)
            .map_err(|inner| DateError::wrapping(fail(), inner))
    }
}

/// One entry of the date processor's `formats`, compiled (`DateFormat` in ingest-common).
#[derive(Clone, Debug)]
pub enum DateFormat {
    Iso8601,
    Unix,
    UnixMs,
    Tai64n,
    Java(Box<JavaParser>),
    /// A Java pattern that failed to compile. ES compiles lazily per document, so such a format
    /// does not fail the pipeline; it fails every parse with this error.
    Invalid(DateError),
}

/// A compiled Java/named format used for parsing.
#[derive(Clone, Debug)]
pub struct JavaParser {
    formatter: EsFormatter,
}

fn iso8601() -> &'static EsFormatter {
    use std::sync::OnceLock;
    static ISO: OnceLock<EsFormatter> = OnceLock::new();
    ISO.get_or_init(|| for_pattern("iso8601").expect("built-in iso8601"))
}

impl DateFormat {
    /// Compile one `formats` entry. Java patterns are checked now; the error text is ES's
    /// (`Invalid format: [..]: Unknown pattern letter: f`, `No date pattern provided`, ...).
    pub fn compile(format: &str) -> Result<DateFormat, String> {
        Ok(match format {
            "ISO8601" => DateFormat::Iso8601,
            "UNIX" => DateFormat::Unix,
            "UNIX_MS" => DateFormat::UnixMs,
            "TAI64N" => DateFormat::Tai64n,
            _ => DateFormat::Java(Box::new(JavaParser {
                formatter: for_pattern(format)?,
            })),
        })
    }

    /// Like [`DateFormat::compile`], but an invalid Java pattern becomes [`DateFormat::Invalid`]
    /// (ES only notices it when a document is parsed).
    pub fn compile_deferred(format: &str) -> DateFormat {
        DateFormat::compile(format).unwrap_or_else(|message| {
            // `Invalid format: [p]: ` wraps the JDK's IllegalArgumentException
            let root = message
                .strip_prefix("Invalid format: [")
                .and_then(|rest| rest.split_once("]: "))
                .map_or_else(|| message.clone(), |(_, root)| root.to_string());
            DateFormat::Invalid(DateError::wrapping(message, root))
        })
    }

    /// Parse `input` like the date processor: the result is in `timezone` (ES applies
    /// `withZoneSameInstant(timezone)` to every kind).
    pub fn parse(
        &self,
        input: &str,
        timezone: &TimeZone,
        locale: &Locale,
    ) -> Result<Zoned, DateError> {
        self.parse_with_year(input, timezone, locale, current_utc_year())
    }

    /// [`DateFormat::parse`] with the "current year" ES fills in for patterns without a year.
    pub fn parse_with_year(
        &self,
        input: &str,
        timezone: &TimeZone,
        locale: &Locale,
        year: i64,
    ) -> Result<Zoned, DateError> {
        Ok(match self {
            DateFormat::Iso8601 => {
                let root = Locale::root();
                let r = iso8601().parse_accessor(input, &root)?;
                resolve::es_from(&r, week_def(&root), timezone)
                    .map(|z| z.with_time_zone(timezone.clone()))?
            }
            DateFormat::Unix => {
                let d = crate::java::parse_double(input).map_err(|e| e.message(input))?;
                epoch_millis((d * 1000.0) as i64, timezone)?
            }
            DateFormat::UnixMs => epoch_millis(java_parse_long(input, 10)?, timezone)?,
            DateFormat::Tai64n => epoch_millis(tai64n_millis(input)?, timezone)?,
            DateFormat::Java(p) => {
                let r = p.formatter.parse_accessor(input, locale)?;
                resolve::ingest_java(&r, week_def(locale), timezone, year)?
            }
            DateFormat::Invalid(e) => return Err(e.clone()),
        })
    }
}

fn current_utc_year() -> i64 {
    i64::from(jiff::Timestamp::now().to_zoned(TimeZone::UTC).year())
}

fn epoch_millis(ms: i64, tz: &TimeZone) -> Result<Zoned, String> {
    let ts = jiff::Timestamp::from_millisecond(ms)
        .map_err(|_| format!("Instant exceeds minimum or maximum instant: {ms}"))?;
    Ok(ts.to_zoned(tz.clone()))
}

/// `Long.parseLong(s, radix)`.
fn java_parse_long(s: &str, radix: u32) -> Result<i64, String> {
    let err = || {
        if radix == 10 {
            format!("For input string: \"{s}\"")
        } else {
            format!("For input string: \"{s}\" under radix {radix}")
        }
    };
    if s.is_empty() {
        return Err(err());
    }
    let (neg, digits) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return Err(err());
    }
    let mut v: i128 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix).ok_or_else(err)?;
        v = v * i128::from(radix) + i128::from(d);
        if v > i128::from(i64::MAX) + 1 {
            return Err(err());
        }
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_err(|_| err())
}

/// `DateFormat.Tai64n.parseMillis`.
fn tai64n_millis(input: &str) -> Result<i64, String> {
    let s = input.strip_prefix('@').unwrap_or(input);
    let chars: Vec<char> = s.chars().collect();
    let sub = |b: usize, e: usize| -> Result<String, String> {
        if e > chars.len() {
            return Err(format!("begin {b}, end {e}, length {}", chars.len()));
        }
        Ok(chars[b..e].iter().collect())
    };
    let base = java_parse_long(&sub(1, 16)?, 16)?;
    let rest = java_parse_long(&sub(16, 24)?, 16)?;
    Ok(base
        .wrapping_mul(1000)
        .wrapping_sub(10000)
        .wrapping_add(rest / 1_000_000))
}

/// A compiled output pattern (`DateFormatter.forPattern(pattern)` used for printing).
#[derive(Clone, Debug)]
pub struct JavaFormatter {
    printer: Dtf,
    locale: Locale,
}

/// The date processor's default `output_format`.
pub const DEFAULT_OUTPUT_FORMAT: &str = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

impl JavaFormatter {
    /// Compile a pattern or named format (a `||` list prints with its first element).
    pub fn compile(pattern: &str, locale: &Locale) -> Result<Self, String> {
        let f = for_pattern(pattern)?;
        Ok(JavaFormatter {
            printer: f.printer,
            locale: locale.clone(),
        })
    }

    /// Print a date-time (ES: `formatter.format(zonedDateTime)`).
    pub fn format(&self, z: &Zoned) -> String {
        print_zoned(&self.printer.elems, z, &self.locale)
    }
}

/// Prints a date-time with compiled pattern elements.
fn print_zoned(elems: &[Elem], z: &Zoned, locale: &Locale) -> String {
    let dt = z.datetime();
    let date = civil::LDate::from_jiff(dt.date());
    let time = civil::LTime {
        h: i64::from(dt.hour()),
        mi: i64::from(dt.minute()),
        s: i64::from(dt.second()),
        n: i64::from(dt.subsec_nanosecond()),
    };
    let ctx = PrintCtx {
        date,
        time,
        offset: z.offset().seconds(),
        zone: z.time_zone(),
        instant_secs: z.timestamp().as_nanosecond().div_euclid(1_000_000_000) as i64,
        instant_nanos: z.timestamp().as_nanosecond(),
        locale,
        week: week_def(locale),
    };
    let mut out = String::new();
    engine::print_elems(&ctx, elems, &mut out);
    out
}

/// For Painless's `DateTimeFormatter` constants (`appendZoneRegionId()`): the longest region id
/// of `ZoneId.getAvailableZoneIds()` that `text` starts with, matched case-sensitively like
/// `DateTimeFormatterBuilder.PrefixTree`, with its length in chars and the zone.
pub(crate) fn longest_zone_id_prefix(text: &[char]) -> Option<(usize, TimeZone)> {
    let first = *text.first()?;
    zone::zone_ids_starting_with(first)
        .iter()
        .find_map(|(id, chars)| {
            let n = chars.len();
            if n <= text.len() && text[..n] == chars[..] {
                zone::zone_for_id(id).map(|tz| (n, tz))
            } else {
                None
            }
        })
}

/// `ZonedDateTime.toString()`: `2020-02-14T22:18:51.843Z`, `...+02:00[Europe/Paris]`,
/// `...Z[UTC]`; seconds and fractions only when non-zero (fraction in 3, 6 or 9 digits).
pub fn zoned_to_java_string(z: &Zoned) -> String {
    let dt = z.datetime();
    let date = civil::LDate::from_jiff(dt.date());
    let mut s = if date.y.abs() < 10000 {
        if date.y < 0 {
            format!("-{:04}-{:02}-{:02}", -date.y, date.m, date.d)
        } else {
            format!("{:04}-{:02}-{:02}", date.y, date.m, date.d)
        }
    } else {
        format!("+{}-{:02}-{:02}", date.y, date.m, date.d)
    };
    s.push_str(&format!("T{:02}:{:02}", dt.hour(), dt.minute()));
    let n = dt.subsec_nanosecond();
    if dt.second() > 0 || n > 0 {
        s.push_str(&format!(":{:02}", dt.second()));
        if n > 0 {
            if n % 1_000_000 == 0 {
                s.push_str(&format!(".{:03}", n / 1_000_000));
            } else if n % 1000 == 0 {
                s.push_str(&format!(".{:06}", n / 1000));
            } else {
                s.push_str(&format!(".{n:09}"));
            }
        }
    }
    s.push_str(&offset_id(z.offset()));
    if !zone::is_offset_zone(z.time_zone()) {
        s.push('[');
        s.push_str(&java_zone_id(z.time_zone()));
        s.push(']');
    }
    s
}

/// ES's `strict_date_optional_time` printer (`2020-02-14T22:18:51.843Z`, `+02:00` offsets).
pub fn format_strict_date_optional_time(z: &Zoned) -> String {
    use std::sync::OnceLock;
    static F: OnceLock<JavaFormatter> = OnceLock::new();
    F.get_or_init(|| {
        JavaFormatter::compile("strict_date_optional_time", &Locale::root()).expect("built-in")
    })
    .format(z)
}

/// The date processor's default output (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`).
pub fn format_default_output(z: &Zoned) -> String {
    use std::sync::OnceLock;
    static F: OnceLock<JavaFormatter> = OnceLock::new();
    F.get_or_init(|| {
        JavaFormatter::compile(DEFAULT_OUTPUT_FORMAT, &Locale::root()).expect("built-in")
    })
    .format(z)
}

const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<DateFormat>();
    send_sync::<JavaFormatter>();
    send_sync::<Locale>();
};

#[cfg(test)]
mod tests;
