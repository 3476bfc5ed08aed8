//! A re-implementation of `java.time.format.DateTimeFormatterBuilder`'s printer-parsers: the pattern
//! compiler (`appendPattern`), strict parsing with optional sections and adjacent value parsing,
//! and printing. Resolution of parsed fields lives in `resolve.rs`.

use jiff::tz::{Offset, TimeZone};

use super::civil::{self, LDate};
use super::fields::{Field, WeekDef};
use super::locale::Locale;
use super::zone;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SignStyle {
    Normal,
    Always,
    Never,
    NotNegative,
    ExceedsPad,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextStyle {
    Short,
    Full,
    Narrow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ResolverStyle {
    Strict,
    Smart,
    Lenient,
}

/// What a number printer-parser reads or writes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NumKind {
    Plain(Field),
    /// `ReducedPrinterParser` (two-digit years), base value 2000.
    Reduced(Field),
    /// `WeekBasedFieldPrinterParser`: a pattern letter (Y w W e c) resolved with the locale's weeks.
    Week {
        letter: char,
        count: usize,
    },
    /// `FractionPrinterParser` on NANO_OF_SECOND.
    Fraction {
        decimal_point: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NumPP {
    pub kind: NumKind,
    pub min: usize,
    pub max: usize,
    pub sign: SignStyle,
    /// -1: fixed width; otherwise the summed width of the adjacent fixed-width values that follow.
    pub subsequent: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Elem {
    Literal(String),
    Num(NumPP),
    Text {
        field: Field,
        style: TextStyle,
        standalone: bool,
    },
    /// `OffsetIdPrinterParser`: pattern type index into [`OFFSET_PATTERNS`].
    Offset {
        kind: usize,
        no_offset: String,
    },
    LocalizedOffset {
        full: bool,
    },
    /// `appendZoneId()` (VV) and `appendZoneOrOffsetId()`: same parser, print the zone id.
    ZoneId,
    ZoneText {
        full: bool,
    },
    Pad {
        width: usize,
        ch: char,
        inner: Box<Elem>,
    },
    Composite {
        elems: Vec<Elem>,
        optional: bool,
    },
    /// ES `EpochTime` parsers/printers: `-`? digits (`.` fraction)? as millis or seconds.
    Epoch {
        millis: bool,
    },
}

pub(crate) const OFFSET_PATTERNS: [&str; 11] = [
    "+HH",
    "+HHmm",
    "+HH:mm",
    "+HHMM",
    "+HH:MM",
    "+HHMMss",
    "+HH:MM:ss",
    "+HHMMSS",
    "+HH:MM:SS",
    "+HHmmss",
    "+HH:mm:ss",
];

pub(crate) fn offset_kind(pattern: &str) -> usize {
    OFFSET_PATTERNS
        .iter()
        .position(|p| *p == pattern)
        .unwrap_or(4)
}

// ------------------------------------------------------------------------------------------------
// Builder (DateTimeFormatterBuilder's bookkeeping for optional sections and adjacent values)
// ------------------------------------------------------------------------------------------------

struct Active {
    elems: Vec<Elem>,
    value_idx: Option<usize>,
    pad_next: Option<(usize, char)>,
}

pub(crate) struct Builder {
    stack: Vec<Active>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    pub fn new() -> Builder {
        Builder {
            stack: vec![Active {
                elems: Vec::new(),
                value_idx: None,
                pad_next: None,
            }],
        }
    }

    fn active(&mut self) -> &mut Active {
        self.stack.last_mut().expect("builder stack is never empty")
    }

    fn append_internal(&mut self, e: Elem) -> usize {
        let a = self.active();
        let e = match a.pad_next.take() {
            Some((width, ch)) => Elem::Pad {
                width,
                ch,
                inner: Box::new(e),
            },
            None => e,
        };
        a.elems.push(e);
        a.value_idx = None;
        a.elems.len() - 1
    }

    pub fn literal(&mut self, s: &str) -> &mut Self {
        if !s.is_empty() {
            self.append_internal(Elem::Literal(s.to_string()));
        }
        self
    }

    pub fn value(&mut self, field: Field, min: usize, max: usize, sign: SignStyle) -> &mut Self {
        self.append_value(NumPP {
            kind: NumKind::Plain(field),
            min,
            max,
            sign,
            subsequent: 0,
        });
        self
    }

    /// `appendValue(field)`.
    pub fn value1(&mut self, field: Field) -> &mut Self {
        self.value(field, 1, 19, SignStyle::Normal)
    }

    /// `appendValue(field, width)`.
    pub fn value_w(&mut self, field: Field, w: usize) -> &mut Self {
        self.value(field, w, w, SignStyle::NotNegative)
    }

    pub fn fraction(&mut self, min: usize, max: usize, decimal_point: bool) -> &mut Self {
        let pp = NumPP {
            kind: NumKind::Fraction { decimal_point },
            min,
            max,
            sign: SignStyle::NotNegative,
            subsequent: 0,
        };
        if min == max && !decimal_point {
            self.append_value(pp);
        } else {
            self.append_internal(Elem::Num(pp));
        }
        self
    }

    fn append_value(&mut self, pp: NumPP) {
        let a = self.active();
        let Some(base_idx) = a.value_idx else {
            let i = self.append_internal(Elem::Num(pp));
            self.active().value_idx = Some(i);
            return;
        };
        let fixed = pp.min == pp.max && pp.sign == SignStyle::NotNegative;
        let width = pp.max as i64;
        if fixed {
            let i_new = {
                let mut p = pp;
                p.subsequent = -1;
                self.append_internal(Elem::Num(p))
            };
            let _ = i_new;
            let a = self.active();
            if let Some(Elem::Num(base)) = a.elems.get_mut(base_idx) {
                base.subsequent += width;
            } else if let Some(Elem::Pad { inner, .. }) = a.elems.get_mut(base_idx) {
                if let Elem::Num(base) = inner.as_mut() {
                    base.subsequent += width;
                }
            }
            a.value_idx = Some(base_idx);
        } else {
            let a = self.active();
            if let Some(Elem::Num(base)) = a.elems.get_mut(base_idx) {
                if base.subsequent != -1 {
                    base.subsequent = -1;
                }
            }
            let i = self.append_internal(Elem::Num(pp));
            self.active().value_idx = Some(i);
        }
    }

    pub fn text(&mut self, field: Field, style: TextStyle, standalone: bool) -> &mut Self {
        self.append_internal(Elem::Text {
            field,
            style,
            standalone,
        });
        self
    }

    pub fn offset(&mut self, pattern: &str, no_offset: &str) -> &mut Self {
        self.append_internal(Elem::Offset {
            kind: offset_kind(pattern),
            no_offset: no_offset.to_string(),
        });
        self
    }

    pub fn zone_id(&mut self) -> &mut Self {
        self.append_internal(Elem::ZoneId);
        self
    }

    pub fn optional_start(&mut self) -> &mut Self {
        self.active().value_idx = None;
        self.stack.push(Active {
            elems: Vec::new(),
            value_idx: None,
            pad_next: None,
        });
        self
    }

    pub fn optional_end(&mut self) -> &mut Self {
        if self.stack.len() > 1 {
            let a = self.stack.pop().expect("checked");
            if !a.elems.is_empty() {
                self.append_internal(Elem::Composite {
                    elems: a.elems,
                    optional: true,
                });
            } else {
                self.active().value_idx = None;
            }
        }
        self
    }

    /// `append(DateTimeFormatter)`: the other formatter's printer-parsers as one composite.
    pub fn append(&mut self, elems: Vec<Elem>) -> &mut Self {
        self.append_internal(Elem::Composite {
            elems,
            optional: false,
        });
        self
    }

    pub fn build(mut self) -> Vec<Elem> {
        while self.stack.len() > 1 {
            self.optional_end();
        }
        self.stack.pop().map(|a| a.elems).unwrap_or_default()
    }

    /// `appendPattern(pattern)`, with Java's error messages.
    pub fn pattern(&mut self, pattern: &str) -> Result<&mut Self, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut pos = 0;
        while pos < chars.len() {
            let mut cur = chars[pos];
            if cur.is_ascii_alphabetic() {
                let mut start = pos;
                pos += 1;
                while pos < chars.len() && chars[pos] == cur {
                    pos += 1;
                }
                let mut count = pos - start;
                if cur == 'p' {
                    let mut pad = 0;
                    if pos < chars.len() {
                        let next = chars[pos];
                        if next.is_ascii_alphabetic() {
                            pad = count;
                            cur = next;
                            start = pos;
                            pos += 1;
                            while pos < chars.len() && chars[pos] == cur {
                                pos += 1;
                            }
                            count = pos - start;
                        }
                    }
                    if pad == 0 {
                        return Err(format!(
                            "Pad letter 'p' must be followed by valid pad pattern: {pattern}"
                        ));
                    }
                    self.active().pad_next = Some((pad, ' '));
                }
                self.letter(cur, count)?;
            } else if cur == '\'' {
                let start = pos;
                pos += 1;
                while pos < chars.len() {
                    if chars[pos] == '\'' {
                        if pos + 1 < chars.len() && chars[pos + 1] == '\'' {
                            pos += 1;
                        } else {
                            break;
                        }
                    }
                    pos += 1;
                }
                if pos >= chars.len() {
                    return Err(format!(
                        "Pattern ends with an incomplete string literal: {pattern}"
                    ));
                }
                let s: String = chars[start + 1..pos].iter().collect();
                if s.is_empty() {
                    self.append_internal(Elem::Literal("'".into()));
                } else {
                    self.append_internal(Elem::Literal(s.replace("''", "'")));
                }
                pos += 1;
            } else if cur == '[' {
                self.optional_start();
                pos += 1;
            } else if cur == ']' {
                if self.stack.len() == 1 {
                    return Err("Pattern invalid as it contains ] without previous [".into());
                }
                self.optional_end();
                pos += 1;
            } else if cur == '{' || cur == '}' || cur == '#' {
                return Err(format!("Pattern includes reserved character: '{cur}'"));
            } else {
                self.append_internal(Elem::Literal(cur.to_string()));
                pos += 1;
            }
        }
        Ok(self)
    }

    fn letter(&mut self, cur: char, count: usize) -> Result<(), String> {
        let too_many = || format!("Too many pattern letters: {cur}");
        let field = match cur {
            'G' => Some(Field::Era),
            'y' => Some(Field::YearOfEra),
            'u' => Some(Field::Year),
            'Q' | 'q' => Some(Field::QuarterOfYear),
            'M' | 'L' => Some(Field::MonthOfYear),
            'D' => Some(Field::DayOfYear),
            'd' => Some(Field::DayOfMonth),
            'F' => Some(Field::AlignedDayOfWeekInMonth),
            'E' | 'c' | 'e' => Some(Field::DayOfWeek),
            'a' => Some(Field::AmPmOfDay),
            'H' => Some(Field::HourOfDay),
            'k' => Some(Field::ClockHourOfDay),
            'K' => Some(Field::HourOfAmPm),
            'h' => Some(Field::ClockHourOfAmPm),
            'm' => Some(Field::MinuteOfHour),
            's' => Some(Field::SecondOfMinute),
            'S' | 'n' => Some(Field::NanoOfSecond),
            'A' => Some(Field::MilliOfDay),
            'N' => Some(Field::NanoOfDay),
            'g' => Some(Field::ModifiedJulianDay),
            _ => None,
        };
        if let Some(field) = field {
            match cur {
                'u' | 'y' => {
                    if count == 2 {
                        self.append_value(NumPP {
                            kind: NumKind::Reduced(field),
                            min: 2,
                            max: 2,
                            sign: SignStyle::NotNegative,
                            subsequent: 0,
                        });
                    } else if count < 4 {
                        self.value(field, count, 19, SignStyle::Normal);
                    } else {
                        self.value(field, count, 19, SignStyle::ExceedsPad);
                    }
                }
                'c' | 'L' | 'q' | 'M' | 'Q' | 'E' | 'e' => {
                    if cur == 'c' && count == 2 {
                        return Err("Invalid pattern \"cc\"".into());
                    }
                    let standalone = matches!(cur, 'c' | 'L' | 'q');
                    match count {
                        1 | 2 => {
                            if cur == 'c' || cur == 'e' {
                                self.week(cur, count, count, count);
                            } else if cur == 'E' {
                                self.text(field, TextStyle::Short, false);
                            } else if count == 1 {
                                self.value1(field);
                            } else {
                                self.value_w(field, 2);
                            }
                        }
                        3 => {
                            self.text(field, TextStyle::Short, standalone);
                        }
                        4 => {
                            self.text(field, TextStyle::Full, standalone);
                        }
                        5 => {
                            self.text(field, TextStyle::Narrow, standalone);
                        }
                        _ => return Err(too_many()),
                    }
                }
                'a' => {
                    if count == 1 {
                        self.text(field, TextStyle::Short, false);
                    } else {
                        return Err(too_many());
                    }
                }
                'G' => match count {
                    1..=3 => {
                        self.text(field, TextStyle::Short, false);
                    }
                    4 => {
                        self.text(field, TextStyle::Full, false);
                    }
                    5 => {
                        self.text(field, TextStyle::Narrow, false);
                    }
                    _ => return Err(too_many()),
                },
                'S' => {
                    self.fraction(count, count, false);
                }
                'F' => {
                    if count == 1 {
                        self.value1(field);
                    } else {
                        return Err(too_many());
                    }
                }
                'd' | 'h' | 'H' | 'k' | 'K' | 'm' | 's' => {
                    if count == 1 {
                        self.value1(field);
                    } else if count == 2 {
                        self.value_w(field, 2);
                    } else {
                        return Err(too_many());
                    }
                }
                'D' => {
                    if count == 1 {
                        self.value1(field);
                    } else if count <= 3 {
                        self.value(field, count, 3, SignStyle::NotNegative);
                    } else {
                        return Err(too_many());
                    }
                }
                'g' => {
                    self.value(field, count, 19, SignStyle::Normal);
                }
                'A' | 'n' | 'N' => {
                    self.value(field, count, 19, SignStyle::NotNegative);
                }
                _ => {
                    if count == 1 {
                        self.value1(field);
                    } else {
                        self.value_w(field, count);
                    }
                }
            }
            return Ok(());
        }
        match cur {
            'z' => {
                if count > 4 {
                    return Err(too_many());
                }
                self.append_internal(Elem::ZoneText { full: count == 4 });
            }
            'V' => {
                if count != 2 {
                    return Err(format!("Pattern letter count must be 2: {cur}"));
                }
                self.append_internal(Elem::ZoneId);
            }
            'v' => {
                if count == 1 || count == 4 {
                    self.append_internal(Elem::ZoneText { full: count == 4 });
                } else {
                    return Err(format!("Wrong number of pattern letters: {cur}"));
                }
            }
            'Z' => {
                if count < 4 {
                    self.offset("+HHMM", "+0000");
                } else if count == 4 {
                    self.append_internal(Elem::LocalizedOffset { full: true });
                } else if count == 5 {
                    self.offset("+HH:MM:ss", "Z");
                } else {
                    return Err(too_many());
                }
            }
            'O' => {
                if count == 1 {
                    self.append_internal(Elem::LocalizedOffset { full: false });
                } else if count == 4 {
                    self.append_internal(Elem::LocalizedOffset { full: true });
                } else {
                    return Err(format!("Pattern letter count must be 1 or 4: {cur}"));
                }
            }
            'X' | 'x' => {
                if count > 5 {
                    return Err(too_many());
                }
                let kind = count + usize::from(count != 1);
                let no_offset = if cur == 'X' {
                    "Z"
                } else if count == 1 {
                    "+00"
                } else if count.is_multiple_of(2) {
                    "+0000"
                } else {
                    "+00:00"
                };
                self.append_internal(Elem::Offset {
                    kind,
                    no_offset: no_offset.into(),
                });
            }
            'W' => {
                if count > 1 {
                    return Err(too_many());
                }
                self.week(cur, count, count, count);
            }
            'w' => {
                if count > 2 {
                    return Err(too_many());
                }
                self.week(cur, count, count, 2);
            }
            'Y' => {
                if count == 2 {
                    self.week(cur, count, count, 2);
                } else {
                    self.week(cur, count, count, 19);
                }
            }
            'B' => {
                return Err("pattern letter B (day period) is not supported by ingest-emu".into())
            }
            _ => return Err(format!("Unknown pattern letter: {cur}")),
        }
        Ok(())
    }

    fn week(&mut self, letter: char, count: usize, min: usize, max: usize) {
        self.append_value(NumPP {
            kind: NumKind::Week { letter, count },
            min,
            max,
            sign: SignStyle::NotNegative,
            subsequent: 0,
        });
    }
}

/// The effective number parser of a week letter for a week definition (`printerParser(locale)`).
fn week_pp(letter: char, count: usize, subsequent: i64, w: WeekDef) -> NumPP {
    let (kind, min, max, sign) = match letter {
        'Y' if count == 2 => (
            NumKind::Reduced(Field::WeekBasedYear(w)),
            2,
            2,
            SignStyle::NotNegative,
        ),
        'Y' => (
            NumKind::Plain(Field::WeekBasedYear(w)),
            count,
            19,
            if count < 4 {
                SignStyle::Normal
            } else {
                SignStyle::ExceedsPad
            },
        ),
        'w' => (
            NumKind::Plain(Field::WeekOfWeekBasedYear(w)),
            if count == 2 { 2 } else { 1 },
            2,
            SignStyle::NotNegative,
        ),
        'W' => (
            NumKind::Plain(Field::WeekOfMonth(w)),
            if count == 2 { 2 } else { 1 },
            2,
            SignStyle::NotNegative,
        ),
        _ => (
            NumKind::Plain(Field::LocalizedDayOfWeek(w)),
            if count == 2 { 2 } else { 1 },
            2,
            SignStyle::NotNegative,
        ),
    };
    NumPP {
        kind,
        min,
        max,
        sign,
        subsequent,
    }
}

// ------------------------------------------------------------------------------------------------
// Parsing
// ------------------------------------------------------------------------------------------------

/// The unresolved parse result (`java.time.format.Parsed` before `resolve`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Parsed {
    pub fields: Vec<(Field, i64)>,
    pub zone: Option<TimeZone>,
}

impl Parsed {
    pub fn get(&self, f: Field) -> Option<i64> {
        self.fields.iter().find(|(k, _)| *k == f).map(|(_, v)| *v)
    }

    pub fn remove(&mut self, f: Field) -> Option<i64> {
        let i = self.fields.iter().position(|(k, _)| *k == f)?;
        Some(self.fields.remove(i).1)
    }

    pub fn put(&mut self, f: Field, v: i64) -> Option<i64> {
        if let Some(e) = self.fields.iter_mut().find(|(k, _)| *k == f) {
            let old = e.1;
            e.1 = v;
            Some(old)
        } else {
            self.fields.push((f, v));
            None
        }
    }

    pub fn contains(&self, f: Field) -> bool {
        self.fields.iter().any(|(k, _)| *k == f)
    }
}

pub(crate) struct Ctx<'a> {
    pub text: &'a [char],
    pub locale: &'a Locale,
    pub week: WeekDef,
    pub parsed: Parsed,
}

type PResult = Result<usize, usize>;

impl Ctx<'_> {
    fn set_field(&mut self, f: Field, v: i64, err: usize, ok: usize) -> PResult {
        match self.parsed.put(f, v) {
            Some(old) if old != v => Err(err),
            _ => Ok(ok),
        }
    }
}

pub(crate) fn parse_elems(ctx: &mut Ctx, elems: &[Elem], pos: usize, text_len: usize) -> PResult {
    let mut pos = pos;
    for e in elems {
        pos = parse_elem(ctx, e, pos, text_len)?;
    }
    Ok(pos)
}

fn parse_elem(ctx: &mut Ctx, e: &Elem, pos: usize, len: usize) -> PResult {
    let text = ctx.text;
    match e {
        Elem::Literal(s) => {
            let mut p = pos;
            for c in s.chars() {
                if p >= len || text[p] != c {
                    return Err(pos);
                }
                p += 1;
            }
            Ok(p)
        }
        Elem::Num(pp) => parse_num(ctx, pp, pos, len),
        Elem::Text {
            field,
            style,
            standalone,
        } => parse_text(ctx, *field, *style, *standalone, pos, len),
        Elem::Offset { kind, no_offset } => parse_offset(ctx, *kind, no_offset, pos, len),
        Elem::LocalizedOffset { full } => parse_localized_offset(ctx, *full, pos, len),
        Elem::ZoneId => parse_zone_id(ctx, pos, len, None),
        Elem::ZoneText { full } => parse_zone_id(ctx, pos, len, Some(*full)),
        Elem::Pad { width, ch, inner } => {
            if pos >= len {
                return Err(pos);
            }
            let end = pos + width;
            if end > len {
                return Err(pos);
            }
            let mut p = pos;
            while p < end && text[p] == *ch {
                p += 1;
            }
            let r = parse_elem(ctx, inner, p, end)?;
            if r != end {
                // Java reports ~(position + pos) here
                return Err(pos + p);
            }
            Ok(r)
        }
        Elem::Composite { elems, optional } => {
            if *optional {
                let saved = ctx.parsed.clone();
                match parse_elems(ctx, elems, pos, len) {
                    Ok(p) => Ok(p),
                    Err(_) => {
                        ctx.parsed = saved;
                        Ok(pos)
                    }
                }
            } else {
                parse_elems(ctx, elems, pos, len)
            }
        }
        Elem::Epoch { millis } => parse_epoch(ctx, *millis, pos, len),
    }
}

fn digit(c: char) -> Option<i64> {
    c.to_digit(10).map(i64::from).filter(|_| c.is_ascii_digit())
}

fn sign_ok(sign: SignStyle, positive: bool) -> bool {
    match sign {
        SignStyle::Normal => !positive,
        SignStyle::Always | SignStyle::ExceedsPad => true,
        _ => false,
    }
}

fn parse_num(ctx: &mut Ctx, pp: &NumPP, position: usize, len: usize) -> PResult {
    match &pp.kind {
        NumKind::Fraction { decimal_point } => {
            return parse_fraction(ctx, pp, *decimal_point, position, len)
        }
        NumKind::Week { letter, count } => {
            let eff = week_pp(*letter, *count, pp.subsequent, ctx.week);
            return parse_num(ctx, &eff, position, len);
        }
        _ => {}
    }
    let text = ctx.text;
    if position == len {
        return Err(position);
    }
    let mut position = position;
    let sign_ch = text[position];
    let (mut negative, mut positive) = (false, false);
    let eff_min = pp.min;
    if sign_ch == '+' {
        if !sign_ok(pp.sign, true) {
            return Err(position);
        }
        positive = true;
        position += 1;
    } else if sign_ch == '-' {
        if !sign_ok(pp.sign, false) {
            return Err(position);
        }
        negative = true;
        position += 1;
    } else if pp.sign == SignStyle::Always {
        return Err(position);
    }
    if position + eff_min > len {
        return Err(position);
    }
    let mut eff_max = pp.max + pp.subsequent.max(0) as usize;
    let mut total: i128 = 0;
    let mut pos = position;
    for pass in 0..2 {
        let max_end = (pos + eff_max).min(len);
        while pos < max_end {
            let ch = text[pos];
            pos += 1;
            match digit(ch) {
                Some(d) => {
                    total = total
                        .checked_mul(10)
                        .and_then(|t| t.checked_add(i128::from(d)))
                        .ok_or(position)?;
                }
                None => {
                    pos -= 1;
                    if pos < position + eff_min {
                        return Err(position);
                    }
                    break;
                }
            }
        }
        if pp.subsequent > 0 && pass == 0 {
            let parse_len = pos - position;
            eff_max = eff_min.max(parse_len.saturating_sub(pp.subsequent as usize));
            pos = position;
            total = 0;
        } else {
            break;
        }
    }
    if negative {
        if total == 0 {
            return Err(position - 1);
        }
        total = -total;
    } else if pp.sign == SignStyle::ExceedsPad {
        let parse_len = pos - position;
        if positive {
            if parse_len <= pp.min {
                return Err(position - 1);
            }
        } else if parse_len > pp.min {
            return Err(position);
        }
    }
    if total > i128::from(i64::MAX) || total < i128::from(i64::MIN) {
        total /= 10;
        pos -= 1;
    }
    let mut value = total as i64;
    let field = match &pp.kind {
        NumKind::Plain(f) => *f,
        NumKind::Reduced(f) => {
            let parse_len = pos - position;
            if parse_len == pp.min && value >= 0 {
                // ReducedPrinterParser with base value 2000
                let range = 10i64.pow(pp.min as u32);
                let base = 2000i64;
                let last = base % range;
                let base_part = base - last;
                value += base_part;
                if value < base {
                    value += range;
                }
            }
            *f
        }
        _ => unreachable!("handled above"),
    };
    ctx.set_field(field, value, position, pos)
}

fn parse_fraction(
    ctx: &mut Ctx,
    pp: &NumPP,
    decimal_point: bool,
    position: usize,
    len: usize,
) -> PResult {
    let text = ctx.text;
    let mut position = position;
    let eff_min = pp.min;
    let eff_max = pp.max;
    if position == len {
        return if eff_min > 0 {
            Err(position)
        } else {
            Ok(position)
        };
    }
    if decimal_point {
        if text[position] != '.' {
            return if eff_min > 0 {
                Err(position)
            } else {
                Ok(position)
            };
        }
        position += 1;
    }
    let min_end = position + eff_min;
    if min_end > len {
        return Err(position);
    }
    let max_end = (position + eff_max).min(len);
    let mut total: i64 = 0;
    let mut pos = position;
    while pos < max_end {
        let ch = text[pos];
        pos += 1;
        match digit(ch) {
            Some(d) => total = total * 10 + d,
            None => {
                pos -= 1;
                if pos < min_end {
                    return Err(position);
                }
                break;
            }
        }
    }
    let digits = pos - position;
    let nanos = if digits == 0 {
        0
    } else {
        total * 10i64.pow(9 - digits.min(9) as u32)
    };
    ctx.set_field(Field::NanoOfSecond, nanos, position, pos)
}

/// Texts of a field in a style, longest first, duplicates resolved to the later value.
pub(crate) fn text_entries(
    locale: &Locale,
    field: Field,
    style: TextStyle,
    standalone: bool,
) -> Vec<(&'static str, i64)> {
    let d = locale.data;
    let si = match style {
        TextStyle::Short => 0,
        TextStyle::Full => 1,
        TextStyle::Narrow => 2,
    };
    let (list, first): (&[&str], i64) = match field {
        Field::MonthOfYear => (
            if standalone {
                d.months_standalone[si]
            } else {
                d.months[si]
            },
            1,
        ),
        Field::DayOfWeek => (
            if standalone {
                d.weekdays_standalone[si]
            } else {
                d.weekdays[si]
            },
            1,
        ),
        Field::QuarterOfYear => (
            if standalone {
                d.quarters_standalone[si]
            } else {
                d.quarters[si]
            },
            1,
        ),
        Field::AmPmOfDay => (d.ampm, 0),
        Field::Era => (d.eras[si], 0),
        _ => (&[], 0),
    };
    let mut out: Vec<(&'static str, i64)> = Vec::new();
    for (i, t) in list.iter().enumerate() {
        let v = first + i as i64;
        if let Some(e) = out.iter_mut().find(|(s, _)| s == t) {
            e.1 = v;
        } else {
            out.push((t, v));
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.0.chars().count()));
    out
}

fn parse_text(
    ctx: &mut Ctx,
    field: Field,
    style: TextStyle,
    standalone: bool,
    pos: usize,
    len: usize,
) -> PResult {
    if pos > len {
        return Err(pos);
    }
    let entries = text_entries(ctx.locale, field, style, standalone);
    if entries.is_empty() {
        let pp = NumPP {
            kind: NumKind::Plain(field),
            min: 1,
            max: 19,
            sign: SignStyle::Normal,
            subsequent: 0,
        };
        return parse_num(ctx, &pp, pos, len);
    }
    for (t, v) in entries {
        let n = t.chars().count();
        if pos + n <= len && ctx.text[pos..pos + n].iter().copied().eq(t.chars()) {
            return ctx.set_field(field, v, pos, pos + n);
        }
    }
    Err(pos)
}

fn two_digits(text: &[char], pos: usize) -> Option<i64> {
    if pos + 2 > text.len() {
        return None;
    }
    let (a, b) = (digit(text[pos])?, digit(text[pos + 1])?);
    Some(a * 10 + b)
}

/// `OffsetIdPrinterParser.parse` for the padded-hour types 0..=10.
pub(crate) fn parse_offset_into(
    text: &[char],
    len: usize,
    kind: usize,
    no_offset: &str,
    position: usize,
) -> Result<(i64, usize), usize> {
    let no_len = no_offset.chars().count();
    if no_len == 0 {
        if position == len {
            return Ok((0, position));
        }
    } else {
        if position == len {
            return Err(position);
        }
        if position + no_len <= len
            && text[position..position + no_len]
                .iter()
                .copied()
                .eq(no_offset.chars())
        {
            return Ok((0, position + no_len));
        }
    }
    let sign = text[position];
    if sign == '+' || sign == '-' {
        let negative: i64 = if sign == '-' { -1 } else { 1 };
        let colon = kind > 0 && kind.is_multiple_of(2);
        let text = &text[..len];
        // array[0] = position, [1] hour, [2] minute, [3] second; a failed mandatory part sets pos < 0
        let mut cur: Option<usize> = Some(position + 1);
        let mut hms = [0i64; 3];
        let digits = |cur: &mut Option<usize>, idx: usize, hms: &mut [i64; 3]| -> bool {
            let Some(mut p) = *cur else { return true };
            if colon && idx != 0 {
                if p + 1 > text.len() || text[p] != ':' {
                    return false;
                }
                p += 1;
            }
            match two_digits(text, p) {
                Some(v) if v <= 59 => {
                    hms[idx] = v;
                    *cur = Some(p + 2);
                    true
                }
                _ => false,
            }
        };
        // hour is always padded for these kinds
        if !digits(&mut cur, 0, &mut hms) {
            cur = None;
        }
        match kind {
            0 => {}
            1 | 2 => {
                digits(&mut cur, 1, &mut hms);
            }
            3 | 4 => {
                if !digits(&mut cur, 1, &mut hms) {
                    cur = None;
                }
            }
            5 | 6 => {
                if !digits(&mut cur, 1, &mut hms) {
                    cur = None;
                }
                digits(&mut cur, 2, &mut hms);
            }
            7 | 8 => {
                if !digits(&mut cur, 1, &mut hms) {
                    cur = None;
                }
                if !digits(&mut cur, 2, &mut hms) {
                    cur = None;
                }
            }
            _ => {
                if digits(&mut cur, 1, &mut hms) {
                    digits(&mut cur, 2, &mut hms);
                }
            }
        }
        if let Some(end) = cur {
            if hms[0] > 23 {
                return Err(position);
            }
            let secs = negative * (hms[0] * 3600 + hms[1] * 60 + hms[2]);
            return Ok((secs, end));
        }
    }
    if no_len == 0 {
        return Ok((0, position));
    }
    Err(position)
}

fn parse_offset(ctx: &mut Ctx, kind: usize, no_offset: &str, pos: usize, len: usize) -> PResult {
    let (secs, end) = parse_offset_into(ctx.text, len, kind, no_offset, pos)?;
    ctx.set_field(Field::OffsetSeconds, secs, pos, end)
}

fn gmt_prefix(locale: &Locale) -> &'static str {
    let z = locale.data.gmt_short[1];
    z.trim_end_matches(|c: char| !c.is_alphabetic())
}

fn parse_localized_offset(ctx: &mut Ctx, full: bool, position: usize, len: usize) -> PResult {
    let text = ctx.text;
    let gmt: Vec<char> = gmt_prefix(ctx.locale).chars().collect();
    let mut pos = position;
    if pos + gmt.len() > len || text[pos..pos + gmt.len()] != gmt[..] {
        return Err(position);
    }
    pos += gmt.len();
    if pos == len {
        return ctx.set_field(Field::OffsetSeconds, 0, position, pos);
    }
    let negative: i64 = match text[pos] {
        '+' => 1,
        '-' => -1,
        _ => return ctx.set_field(Field::OffsetSeconds, 0, position, pos),
    };
    pos += 1;
    let dig = |p: usize| -> Option<i64> {
        if p < len {
            digit(text[p])
        } else {
            None
        }
    };
    let h;
    let (mut m, mut s) = (0, 0);
    if full {
        let (Some(h1), Some(h2)) = (dig(pos), dig(pos + 1)) else {
            return Err(position);
        };
        pos += 2;
        if pos >= len || text[pos] != ':' {
            return Err(position);
        }
        pos += 1;
        h = h1 * 10 + h2;
        let (Some(m1), Some(m2)) = (dig(pos), dig(pos + 1)) else {
            return Err(position);
        };
        pos += 2;
        m = m1 * 10 + m2;
        if pos + 2 < len && text[pos] == ':' {
            if let (Some(s1), Some(s2)) = (dig(pos + 1), dig(pos + 2)) {
                s = s1 * 10 + s2;
                pos += 3;
            }
        }
    } else {
        let Some(h1) = dig(pos) else {
            return Err(position);
        };
        let mut hh = h1;
        pos += 1;
        if pos < len {
            if let Some(h2) = dig(pos) {
                hh = hh * 10 + h2;
                pos += 1;
            }
            if pos + 2 < len && text[pos] == ':' {
                if let (Some(m1), Some(m2)) = (dig(pos + 1), dig(pos + 2)) {
                    m = m1 * 10 + m2;
                    pos += 3;
                    if pos + 2 < len && text[pos] == ':' {
                        if let (Some(s1), Some(s2)) = (dig(pos + 1), dig(pos + 2)) {
                            s = s1 * 10 + s2;
                            pos += 3;
                        }
                    }
                }
            }
        }
        h = hh;
    }
    ctx.set_field(
        Field::OffsetSeconds,
        negative * (h * 3600 + m * 60 + s),
        position,
        pos,
    )
}

/// `ZoneIdPrinterParser.parse` (and the zone-text variant, which also knows zone names).
fn parse_zone_id(ctx: &mut Ctx, position: usize, len: usize, names: Option<bool>) -> PResult {
    let text = ctx.text;
    if position >= len {
        return Err(position);
    }
    let next = text[position];
    if next == '+' || next == '-' {
        return parse_offset_based(ctx, position, position, len, "Z");
    }
    if len >= position + 2 {
        let nn = text[position + 1];
        if next == 'U' && nn == 'T' {
            if len >= position + 3 && text[position + 2] == 'C' {
                if names.is_none() {
                    return parse_offset_based(ctx, position, position + 3, len, "0");
                }
            } else {
                return parse_offset_based(ctx, position, position + 2, len, "0");
            }
        } else if next == 'G' && len >= position + 3 && nn == 'M' && text[position + 2] == 'T' {
            if len >= position + 4 && text[position + 3] == '0' {
                ctx.parsed.zone = zone::zone_for_id("GMT0");
                return Ok(position + 4);
            }
            return parse_offset_based(ctx, position, position + 3, len, "0");
        }
    }
    // longest matching zone id (Java's PrefixTree over the available ids)
    let rest = &text[position..len];
    let mut best: Option<(usize, TimeZone)> = None;
    for (id, chars) in zone::zone_ids_starting_with(next) {
        let n = chars.len();
        if n <= rest.len() && rest[..n] == chars[..] {
            if let Some(tz) = zone::zone_for_id(id) {
                best = Some((n, tz));
                break;
            }
        }
    }
    if let Some(full) = names {
        // zones without a name in the locale are listed under their localized GMT format
        // (`UTC+09:00`, `UTC\u{2212}05:00` in French)
        let prefix: Vec<char> = gmt_prefix(ctx.locale).chars().collect();
        let pl = prefix.len();
        if rest.len() >= pl + 6
            && rest[..pl] == prefix[..]
            && rest[pl + 3] == zone_gmt_separator(ctx.locale)
        {
            let sign = match rest[pl] {
                '+' => Some(1),
                '-' | '\u{2212}' => Some(-1),
                _ => None,
            };
            if let (Some(sign), Some(h), Some(m)) =
                (sign, two_digits(rest, pl + 1), two_digits(rest, pl + 4))
            {
                if h <= 23 && m <= 59 {
                    let n = pl + 6;
                    if best.as_ref().is_none_or(|(b, _)| n > *b) {
                        if let Ok(off) = Offset::from_seconds((sign * (h * 3600 + m * 60)) as i32) {
                            best = Some((n, TimeZone::fixed(off)));
                        }
                    }
                }
            }
        }
        let table = if full {
            ctx.locale.zone_full_names()
        } else {
            ctx.locale.zone_short_names()
        };
        for (_, name, zid) in table {
            let n = name.chars().count();
            if n <= rest.len()
                && rest[..n].iter().copied().eq(name.chars())
                && best.as_ref().is_none_or(|(b, _)| n > *b)
            {
                if let Some(tz) = zone::zone_for_id(zid) {
                    best = Some((n, tz));
                }
            }
        }
    }
    match best {
        Some((n, tz)) => {
            ctx.parsed.zone = Some(tz);
            Ok(position + n)
        }
        None => {
            if next == 'Z' {
                ctx.parsed.zone = Some(TimeZone::UTC);
                return Ok(position + 1);
            }
            Err(position)
        }
    }
}

fn parse_offset_based(
    ctx: &mut Ctx,
    prefix_pos: usize,
    position: usize,
    len: usize,
    no_offset: &str,
) -> PResult {
    let text = ctx.text;
    let prefix: String = text[prefix_pos..position]
        .iter()
        .collect::<String>()
        .to_uppercase();
    if position >= len {
        ctx.parsed.zone = Some(zone::prefixed_zone(&prefix, Offset::UTC));
        return Ok(position);
    }
    if text[position] == '0' || text[position] == 'Z' {
        ctx.parsed.zone = Some(zone::prefixed_zone(&prefix, Offset::UTC));
        return Ok(position);
    }
    match parse_offset_into(text, len, offset_kind("+HH:MM:ss"), no_offset, position) {
        Err(_) => {
            if no_offset == "Z" {
                return Err(prefix_pos);
            }
            ctx.parsed.zone = Some(zone::prefixed_zone(&prefix, Offset::UTC));
            Ok(position)
        }
        Ok((secs, end)) => match Offset::from_seconds(secs as i32) {
            Ok(off) => {
                ctx.parsed.zone = Some(zone::prefixed_zone(&prefix, off));
                Ok(end)
            }
            Err(_) => Err(prefix_pos),
        },
    }
}

/// ES `EpochTime`: an optional `-`, 1-19 digits, then `.` and 1-6 (millis) or 1-9 (seconds) digits.
fn parse_epoch(ctx: &mut Ctx, millis: bool, position: usize, len: usize) -> PResult {
    let text = ctx.text;
    let mut pos = position;
    let negative = pos < len && text[pos] == '-';
    if negative {
        pos += 1;
    }
    let start = pos;
    let mut whole: i64 = 0;
    while pos < len && pos - start < 19 {
        match digit(text[pos]) {
            Some(d) => {
                whole = whole
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(d))
                    .ok_or(start)?;
                pos += 1;
            }
            None => break,
        }
    }
    if pos == start {
        return Err(start);
    }
    let mut frac_nanos: i64 = 0;
    if pos < len && text[pos] == '.' {
        let fstart = pos + 1;
        let max = if millis { 6 } else { 9 };
        let mut p = fstart;
        let mut v: i64 = 0;
        while p < len && p - fstart < max {
            match digit(text[p]) {
                Some(d) => {
                    v = v * 10 + d;
                    p += 1;
                }
                None => break,
            }
        }
        // "123." is accepted too (an empty fraction)
        pos = p;
        if p > fstart {
            let digits = (p - fstart) as u32;
            // millis: nanos of milli (6 digits) ; seconds: nanos of second (9 digits)
            frac_nanos = if millis {
                v * 10i64.pow(6 - digits)
            } else {
                v * 10i64.pow(9 - digits)
            };
            pos = p;
        }
    }
    let total_nanos: i128 = if millis {
        i128::from(whole) * 1_000_000 + i128::from(frac_nanos)
    } else {
        i128::from(whole) * 1_000_000_000 + i128::from(frac_nanos)
    };
    let total_nanos = if negative { -total_nanos } else { total_nanos };
    let secs = total_nanos.div_euclid(1_000_000_000) as i64;
    let nanos = total_nanos.rem_euclid(1_000_000_000) as i64;
    ctx.parsed.put(Field::InstantSeconds, secs);
    ctx.parsed.put(Field::NanoOfSecond, nanos);
    Ok(pos)
}

// ------------------------------------------------------------------------------------------------
// Printing
// ------------------------------------------------------------------------------------------------

/// What a printer reads: a zoned date-time broken into Java's fields.
pub(crate) struct PrintCtx<'a> {
    pub date: LDate,
    pub time: civil::LTime,
    pub offset: i32,
    pub zone: &'a TimeZone,
    pub instant_secs: i64,
    pub instant_nanos: i128,
    pub locale: &'a Locale,
    pub week: WeekDef,
}

impl PrintCtx<'_> {
    pub fn get(&self, f: Field) -> i64 {
        let d = self.date;
        let t = self.time;
        match f {
            Field::Era => i64::from(d.y >= 1),
            Field::YearOfEra => {
                if d.y >= 1 {
                    d.y
                } else {
                    1 - d.y
                }
            }
            Field::Year => d.y,
            Field::QuarterOfYear => (d.m - 1) / 3 + 1,
            Field::MonthOfYear => d.m,
            Field::DayOfYear => d.day_of_year(),
            Field::DayOfMonth => d.d,
            Field::AlignedDayOfWeekInMonth => (d.d - 1) % 7 + 1,
            Field::DayOfWeek => d.day_of_week(),
            Field::AmPmOfDay
            | Field::HourOfDay
            | Field::ClockHourOfDay
            | Field::HourOfAmPm
            | Field::ClockHourOfAmPm
            | Field::MinuteOfHour
            | Field::SecondOfMinute
            | Field::NanoOfSecond
            | Field::MicroOfSecond
            | Field::MilliOfSecond
            | Field::MilliOfDay
            | Field::NanoOfDay
            | Field::SecondOfDay
            | Field::MinuteOfDay => super::resolve::time_value(t, f),
            Field::ModifiedJulianDay => d.epoch_day() + 40587,
            Field::OffsetSeconds => i64::from(self.offset),
            Field::InstantSeconds => self.instant_secs,
            Field::WeekBasedYear(w) => civil::week_based_year(w, d),
            Field::WeekOfWeekBasedYear(w) => civil::week_of_week_based_year(w, d),
            Field::LocalizedDayOfWeek(w) => civil::localized_dow(w, d),
            Field::WeekOfMonth(w) => civil::week_of_month(w, d),
            Field::IsoWeekBasedYear => civil::iso_week_based_year(d),
            Field::IsoWeekOfWeekBasedYear => civil::iso_week_of_week_based_year(d),
        }
    }
}

pub(crate) fn print_elems(ctx: &PrintCtx, elems: &[Elem], out: &mut String) {
    for e in elems {
        print_elem(ctx, e, out);
    }
}

fn print_elem(ctx: &PrintCtx, e: &Elem, out: &mut String) {
    match e {
        Elem::Literal(s) => out.push_str(s),
        Elem::Num(pp) => print_num(ctx, pp, out),
        Elem::Text {
            field,
            style,
            standalone,
        } => {
            let v = ctx.get(*field);
            let entries = text_entries(ctx.locale, *field, *style, *standalone);
            let d = ctx.locale.data;
            let si = match style {
                TextStyle::Short => 0,
                TextStyle::Full => 1,
                TextStyle::Narrow => 2,
            };
            let text = match field {
                Field::MonthOfYear => (if *standalone {
                    d.months_standalone[si]
                } else {
                    d.months[si]
                })
                .get((v - 1) as usize),
                Field::DayOfWeek => (if *standalone {
                    d.weekdays_standalone[si]
                } else {
                    d.weekdays[si]
                })
                .get((v - 1) as usize),
                Field::QuarterOfYear => (if *standalone {
                    d.quarters_standalone[si]
                } else {
                    d.quarters[si]
                })
                .get((v - 1) as usize),
                Field::AmPmOfDay => d.ampm.get(v as usize),
                Field::Era => d.eras[si].get(v as usize),
                _ => None,
            };
            match text {
                Some(t) if !entries.is_empty() => out.push_str(t),
                _ => out.push_str(&v.to_string()),
            }
        }
        Elem::Offset { kind, no_offset } => print_offset(ctx.offset, *kind, no_offset, out),
        Elem::LocalizedOffset { full } => {
            out.push_str(gmt_prefix(ctx.locale));
            let total = ctx.offset;
            if total != 0 {
                let a = total.unsigned_abs();
                let (h, m, s) = (a / 3600 % 100, a / 60 % 60, a % 60);
                out.push(if total < 0 { '-' } else { '+' });
                if *full {
                    out.push_str(&format!("{h:02}:{m:02}"));
                    if s != 0 {
                        out.push_str(&format!(":{s:02}"));
                    }
                } else {
                    out.push_str(&h.to_string());
                    if m != 0 || s != 0 {
                        out.push_str(&format!(":{m:02}"));
                        if s != 0 {
                            out.push_str(&format!(":{s:02}"));
                        }
                    }
                }
            }
        }
        Elem::ZoneId => out.push_str(&zone::java_zone_id(ctx.zone)),
        Elem::ZoneText { full } => out.push_str(&zone_text(ctx, *full)),
        Elem::Pad { width, ch, inner } => {
            let mut s = String::new();
            print_elem(ctx, inner, &mut s);
            let n = s.chars().count();
            for _ in n..*width {
                out.push(*ch);
            }
            out.push_str(&s);
        }
        Elem::Composite { elems, .. } => print_elems(ctx, elems, out),
        Elem::Epoch { millis } => {
            // EpochTime prints a '-' and the magnitude, so -1.5 ms is "-1.5", not "-2.5"
            let nanos = ctx.instant_nanos;
            if nanos < 0 {
                out.push('-');
            }
            let abs = nanos.unsigned_abs();
            let (unit, width) = if *millis {
                (1_000_000u128, 6)
            } else {
                (1_000_000_000u128, 9)
            };
            out.push_str(&(abs / unit).to_string());
            let rem = abs % unit;
            if rem != 0 {
                out.push('.');
                out.push_str(format!("{rem:0width$}").trim_end_matches('0'));
            }
        }
    }
}

fn zone_text(ctx: &PrintCtx, full: bool) -> String {
    if zone::is_offset_zone(ctx.zone) {
        return zone::java_zone_id(ctx.zone);
    }
    let id = zone::java_zone_id(ctx.zone);
    let ts = jiff::Timestamp::from_second(ctx.instant_secs).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let abbr = ctx.zone.to_offset_info(ts).abbreviation().to_string();
    let utc_like = matches!(
        id.as_str(),
        "UTC" | "Etc/UTC" | "Etc/UCT" | "UCT" | "Universal" | "Etc/Universal" | "Zulu" | "Etc/Zulu"
    );
    // `ZoneId.of("GMT+3")` style regions have no display name: Java prints the id
    if ["GMT+", "GMT-", "UTC+", "UTC-", "UT+", "UT-"]
        .iter()
        .any(|p| id.starts_with(p))
    {
        return id;
    }
    let names = if full {
        ctx.locale.zone_full_names()
    } else {
        ctx.locale.zone_short_names()
    };
    if full && ctx.locale.is_root() {
        // CLDR root has no zone names: Java prints the exemplar city and whether DST applies
        if utc_like {
            return names
                .iter()
                .find(|(a, _, _)| *a == "UTC")
                .map_or("GMT".into(), |(_, n, _)| (*n).to_string());
        }
        let city = id.rsplit('/').next().unwrap_or(&id).replace('_', " ");
        let dst = ctx.zone.to_offset_info(ts).dst().is_dst();
        return format!("{city} (+{})", u8::from(dst));
    }
    if full && utc_like {
        if let Some((_, n, _)) = names.iter().find(|(a, _, _)| *a == "UTC") {
            return (*n).to_string();
        }
    }
    // CLDR (as ES configures the JDK) names only some zones in some locales; a name applies when
    // its reference zone has the same abbreviation and offset at this instant.
    let numeric = !abbr.chars().all(|c| c.is_ascii_alphabetic());
    for (a, name, reference) in names {
        if numeric && *a == id {
            return (*name).to_string();
        }
        if *a == abbr {
            if let Some(r) = zone::lookup_region(reference) {
                // the reference zone uses this abbreviation for the same offset (in some season)
                let day = jiff::SignedDuration::from_hours(24);
                let same = [0, 91, 182, 273].iter().any(|d| {
                    let at = ts.checked_add(day * *d).unwrap_or(ts);
                    let info = r.to_offset_info(at);
                    info.abbreviation() == abbr && info.offset().seconds() == ctx.offset
                });
                if same {
                    return (*name).to_string();
                }
            }
        }
    }
    if full {
        return id;
    }
    if utc_like {
        return "UTC".into();
    }
    let prefix = gmt_prefix(ctx.locale);
    let total = java_name_offset(ctx.zone, ts);
    if total == 0 {
        return prefix.to_string();
    }
    // CLDR's hourFormat decides the minus sign (U+2212 in e.g. French and Swedish)
    let minus = if ctx.locale.data.zone_gmt_negative.contains('\u{2212}') {
        '\u{2212}'
    } else {
        '-'
    };
    let a = total.unsigned_abs();
    let sep = zone_gmt_separator(ctx.locale);
    let mut out = format!(
        "{prefix}{}{:02}{sep}{:02}",
        if total < 0 { minus } else { '+' },
        a / 3600,
        a / 60 % 60
    );
    if !a.is_multiple_of(60) {
        out.push_str(&format!("{sep}{:02}", a % 60));
    }
    out
}

/// The offset Java shows in a zone's GMT-format name: `java.util.TimeZone`'s current raw offset,
/// plus its current DST saving when the instant is in daylight time (not the historical offset).
fn java_name_offset(tz: &TimeZone, ts: jiff::Timestamp) -> i32 {
    let year = jiff::Timestamp::now().to_zoned(TimeZone::UTC).year();
    let at = |m: i8| -> Option<i32> {
        let d = jiff::civil::date(year, m, 15)
            .at(12, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .ok()?;
        Some(tz.to_offset(d.timestamp()).seconds())
    };
    let (Some(jan), Some(jul)) = (at(1), at(7)) else {
        return tz.to_offset(ts).seconds();
    };
    let raw = jan.min(jul);
    let savings = (jan - jul).abs();
    if tz.to_offset_info(ts).dst().is_dst() {
        raw + savings
    } else {
        raw
    }
}

/// The hour/minute separator of the localized GMT format of zone names (`:` or `.`).
fn zone_gmt_separator(locale: &Locale) -> char {
    let sample: Vec<char> = locale.data.zone_gmt_negative.chars().collect();
    let at = gmt_prefix(locale).chars().count() + 3;
    match sample.get(at) {
        Some('.') => '.',
        _ => ':',
    }
}

pub(crate) fn print_offset(total: i32, kind: usize, no_offset: &str, out: &mut String) {
    if total == 0 {
        out.push_str(no_offset);
        return;
    }
    let a = total.unsigned_abs();
    let (h, m, s) = (a / 3600 % 100, a / 60 % 60, a % 60);
    let colon = kind > 0 && kind.is_multiple_of(2);
    let start = out.len();
    out.push(if total < 0 { '-' } else { '+' });
    out.push_str(&format!("{h:02}"));
    let mut output = h;
    if (3..=8).contains(&kind) || (kind >= 9 && s > 0) || (kind >= 1 && m > 0) {
        if colon {
            out.push(':');
        }
        out.push_str(&format!("{m:02}"));
        output += m;
        if kind == 7 || kind == 8 || (kind >= 5 && s > 0) {
            if colon {
                out.push(':');
            }
            out.push_str(&format!("{s:02}"));
            output += s;
        }
    }
    if output == 0 {
        out.truncate(start);
        out.push_str(no_offset);
    }
}

fn print_num(ctx: &PrintCtx, pp: &NumPP, out: &mut String) {
    match &pp.kind {
        NumKind::Fraction { decimal_point } => {
            let n = ctx.time.n;
            if n == 0 {
                if pp.min > 0 {
                    if *decimal_point {
                        out.push('.');
                    }
                    for _ in 0..pp.min {
                        out.push('0');
                    }
                }
                return;
            }
            let s = format!("{n:09}");
            let scale = s.trim_end_matches('0').len();
            let out_scale = scale.max(pp.min).min(pp.max);
            if *decimal_point {
                out.push('.');
            }
            out.push_str(&s[..out_scale]);
        }
        NumKind::Week { letter, count } => {
            let eff = week_pp(*letter, *count, pp.subsequent, ctx.week);
            print_num(ctx, &eff, out);
        }
        NumKind::Reduced(f) => {
            let v = ctx.get(*f);
            let v = (v % 100).abs();
            out.push_str(&format!("{v:02}"));
        }
        NumKind::Plain(f) => {
            let v = ctx.get(*f);
            let digits = v.unsigned_abs().to_string();
            if v >= 0 {
                match pp.sign {
                    SignStyle::ExceedsPad if pp.min < 19 && v >= 10i64.pow(pp.min as u32) => {
                        out.push('+')
                    }
                    SignStyle::Always => out.push('+'),
                    _ => {}
                }
            } else {
                match pp.sign {
                    SignStyle::Normal | SignStyle::ExceedsPad | SignStyle::Always => out.push('-'),
                    SignStyle::Never => {}
                    // Java throws here; print the sign rather than fail the document
                    _ => out.push('-'),
                }
            }
            for _ in digits.len()..pp.min {
                out.push('0');
            }
            out.push_str(&digits);
        }
    }
}
