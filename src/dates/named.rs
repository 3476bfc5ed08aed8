//! ES's built-in named formats (`DateFormatters`), built from the same builder steps ES uses.

use super::engine::{Builder, Elem, ResolverStyle, SignStyle};
use super::fields::Field::*;
use super::fields::{Field, WeekDef};
use super::iso::{DecimalSep, IsoConfig, IsoField, TzPresence};
use super::Dtf;

use SignStyle::{ExceedsPad, NotNegative};

fn strict(elems: Vec<Elem>) -> Dtf {
    Dtf {
        elems,
        style: ResolverStyle::Strict,
        utc_zone: false,
        iso: None,
    }
}

fn smart(elems: Vec<Elem>) -> Dtf {
    Dtf {
        elems,
        style: ResolverStyle::Smart,
        utc_zone: false,
        iso: None,
    }
}

fn b() -> Builder {
    Builder::new()
}

fn pattern(p: &str) -> Vec<Elem> {
    let mut x = b();
    x.pattern(p).expect("built-in pattern");
    x.build()
}

fn tz_no_colon() -> Vec<Elem> {
    let mut x = b();
    x.offset("+HHmm", "Z");
    x.build()
}

fn offset_colon() -> Vec<Elem> {
    let mut x = b();
    x.offset("+HH:MM", "Z");
    x.build()
}

fn zone_or_offset() -> Vec<Elem> {
    let mut x = b();
    x.zone_id();
    x.build()
}

fn strict_ymd(max_year: usize) -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 4, max_year, ExceedsPad)
        .optional_start()
        .literal("-")
        .value(MonthOfYear, 2, 2, NotNegative)
        .optional_start()
        .literal("-")
        .value(DayOfMonth, 2, 2, NotNegative)
        .optional_end()
        .optional_end();
    x.build()
}

fn strict_hms() -> Vec<Elem> {
    let mut x = b();
    x.value(HourOfDay, 2, 2, NotNegative)
        .literal(":")
        .value(MinuteOfHour, 2, 2, NotNegative)
        .literal(":")
        .value(SecondOfMinute, 2, 2, NotNegative);
    x.build()
}

fn strict_date_optional_time_printer(frac_max: usize) -> Vec<Elem> {
    let mut x = b();
    x.append(strict_ymd(9))
        .literal("T")
        .optional_start()
        .value(HourOfDay, 2, 2, NotNegative)
        .optional_start()
        .literal(":")
        .value(MinuteOfHour, 2, 2, NotNegative)
        .optional_start()
        .literal(":")
        .value(SecondOfMinute, 2, 2, NotNegative)
        .optional_start()
        .fraction(3, frac_max, true)
        .optional_end()
        .optional_end()
        .optional_start()
        .offset("+HH:MM", "Z")
        .optional_end()
        .optional_end()
        .optional_end();
    x.build()
}

fn strict_date_optional_time_parser() -> Vec<Elem> {
    let mut x = b();
    x.append(strict_ymd(4))
        .optional_start()
        .literal("T")
        .optional_start()
        .value(HourOfDay, 2, 2, NotNegative)
        .optional_start()
        .literal(":")
        .value(MinuteOfHour, 2, 2, NotNegative)
        .optional_start()
        .literal(":")
        .value(SecondOfMinute, 2, 2, NotNegative)
        .optional_start()
        .fraction(1, 9, true)
        .optional_end()
        .optional_start()
        .literal(",")
        .fraction(1, 9, false)
        .optional_end()
        .optional_end()
        .optional_start()
        .zone_id()
        .optional_end()
        .optional_start()
        .append(tz_no_colon())
        .optional_end()
        .optional_end()
        .optional_end()
        .optional_end();
    x.build()
}

fn strict_date_optional_time_nanos_parser() -> Vec<Elem> {
    let mut x = b();
    x.append(strict_ymd(4))
        .optional_start()
        .literal("T")
        .append(strict_hms())
        .optional_start()
        .fraction(1, 9, true)
        .optional_end()
        .optional_start()
        .literal(",")
        .fraction(1, 9, false)
        .optional_end()
        .optional_start()
        .zone_id()
        .optional_end()
        .optional_start()
        .append(tz_no_colon())
        .optional_end()
        .optional_end();
    x.build()
}

fn iso8601_parser() -> Vec<Elem> {
    let mut x = b();
    x.append(strict_ymd(4))
        .optional_start()
        .literal("T")
        .optional_start()
        .value(HourOfDay, 2, 2, NotNegative)
        .optional_start()
        .literal(":")
        .value(MinuteOfHour, 2, 2, NotNegative)
        .optional_start()
        .literal(":")
        .value(SecondOfMinute, 2, 2, NotNegative)
        .optional_start()
        .fraction(1, 9, true)
        .optional_end()
        .optional_start()
        .literal(",")
        .fraction(1, 9, false)
        .optional_end()
        .optional_end()
        .optional_end()
        .optional_end()
        .optional_start()
        .zone_id()
        .optional_end()
        .optional_start()
        .append(tz_no_colon())
        .optional_end()
        .optional_end();
    x.build()
}

fn time_no_millis_lenient() -> Vec<Elem> {
    let mut x = b();
    x.value(HourOfDay, 1, 2, NotNegative)
        .literal(":")
        .value(MinuteOfHour, 1, 2, NotNegative)
        .literal(":")
        .value(SecondOfMinute, 1, 2, NotNegative);
    x.build()
}

fn time_prefix() -> Vec<Elem> {
    let mut x = b();
    x.append(time_no_millis_lenient()).fraction(1, 9, true);
    x.build()
}

fn ordinal_date_lenient() -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 4, 10, ExceedsPad)
        .literal("-")
        .value(DayOfYear, 1, 3, NotNegative);
    x.build()
}

/// STRICT_ORDINAL_DATE_TIME_PRINTER (fraction 3..9) / _FORMATTER_BASE (fraction 1..9).
fn strict_ordinal_date_time(frac_min: usize) -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 4, 4, ExceedsPad)
        .literal("-")
        .value(DayOfYear, 3, 3, NotNegative)
        .literal("T")
        .pattern("HH:mm")
        .expect("built-in")
        .optional_start()
        .literal(":")
        .value(SecondOfMinute, 2, 2, NotNegative)
        .fraction(frac_min, 9, true)
        .optional_end();
    x.build()
}

fn strict_ordinal_no_millis() -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 4, 4, ExceedsPad)
        .literal("-")
        .value(DayOfYear, 3, 3, NotNegative)
        .literal("T")
        .append(strict_hms());
    x.build()
}

fn strict_weekyear_week() -> Vec<Elem> {
    let mut x = b();
    x.value(Field::WeekBasedYear(WeekDef::ISO), 4, 10, ExceedsPad)
        .literal("-W")
        .value(Field::WeekOfWeekBasedYear(WeekDef::ISO), 2, 2, NotNegative);
    x.build()
}

fn iso_week_date() -> Vec<Elem> {
    let mut x = b();
    x.value(Field::IsoWeekBasedYear, 4, 10, ExceedsPad)
        .literal("-W")
        .value_w(Field::IsoWeekOfWeekBasedYear, 2)
        .literal("-")
        .value_w(DayOfWeek, 1);
    x.build()
}

fn basic_week_date_printer() -> Vec<Elem> {
    let mut x = b();
    x.value(Field::IsoWeekBasedYear, 4, 10, SignStyle::Normal)
        .literal("W")
        .value(Field::IsoWeekOfWeekBasedYear, 2, 2, SignStyle::Never)
        .value1(DayOfWeek);
    x.build()
}

fn basic_week_date_parser(strict_year: bool) -> Vec<Elem> {
    let mut x = b();
    if strict_year {
        x.value_w(Field::IsoWeekBasedYear, 4);
    } else {
        x.value1(Field::IsoWeekBasedYear);
    }
    x.literal("W")
        .value(Field::IsoWeekOfWeekBasedYear, 1, 2, SignStyle::Never)
        .value1(DayOfWeek);
    x.build()
}

fn week_date_lenient() -> Vec<Elem> {
    let mut x = b();
    x.value(Field::IsoWeekBasedYear, 4, 10, ExceedsPad)
        .literal("-W")
        .value(Field::IsoWeekOfWeekBasedYear, 1, 2, NotNegative)
        .literal("-")
        .value_w(DayOfWeek, 1);
    x.build()
}

/// Lenient `DATE_FORMATTER`.
fn date_lenient() -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 1, 9, SignStyle::Normal)
        .optional_start()
        .literal("-")
        .value(MonthOfYear, 1, 2, NotNegative)
        .optional_start()
        .literal("-")
        .value(DayOfMonth, 1, 2, NotNegative)
        .optional_end()
        .optional_end();
    x.build()
}

fn hour_minute_lenient() -> Vec<Elem> {
    let mut x = b();
    x.value(HourOfDay, 1, 2, NotNegative)
        .literal(":")
        .value(MinuteOfHour, 1, 2, NotNegative);
    x.build()
}

fn hour_minute_second_lenient() -> Vec<Elem> {
    let mut x = b();
    x.append(hour_minute_lenient())
        .literal(":")
        .value(SecondOfMinute, 1, 2, NotNegative);
    x.build()
}

fn hms_fraction_lenient(max: usize) -> Vec<Elem> {
    let mut x = b();
    x.value(HourOfDay, 1, 2, NotNegative)
        .literal(":")
        .value(MinuteOfHour, 1, 2, NotNegative)
        .literal(":")
        .value(SecondOfMinute, 1, 2, NotNegative)
        .fraction(1, max, true);
    x.build()
}

fn strict_hms_millis_printer() -> Vec<Elem> {
    let mut x = b();
    x.append(strict_hms()).fraction(3, 3, true);
    x.build()
}

fn strict_hms_fraction_parser() -> Vec<Elem> {
    let mut x = b();
    x.append(strict_hms()).fraction(1, 9, true);
    x.build()
}

fn iso_local_date() -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 4, 10, ExceedsPad)
        .literal("-")
        .value_w(MonthOfYear, 2)
        .literal("-")
        .value_w(DayOfMonth, 2);
    x.build()
}

fn concat(parts: &[Vec<Elem>]) -> Vec<Elem> {
    let mut x = b();
    for p in parts {
        x.append(p.clone());
    }
    x.build()
}

fn with_lit(a: Vec<Elem>, lit: &str, c: Vec<Elem>) -> Vec<Elem> {
    let mut x = b();
    x.append(a).literal(lit).append(c);
    x.build()
}

fn basic_ymd(max_year: usize) -> Vec<Elem> {
    let mut x = b();
    x.value(Year, 4, max_year, SignStyle::Normal)
        .value(MonthOfYear, 2, 2, NotNegative)
        .value(DayOfMonth, 2, 2, NotNegative);
    x.build()
}

fn basic_time_no_millis_base() -> Vec<Elem> {
    let mut x = b();
    x.value(HourOfDay, 2, 2, NotNegative)
        .value(MinuteOfHour, 2, 2, NotNegative)
        .value(SecondOfMinute, 2, 2, NotNegative);
    x.build()
}

fn basic_time(printer: bool) -> Vec<Elem> {
    let mut x = b();
    x.value(HourOfDay, 2, 2, NotNegative)
        .value(MinuteOfHour, 2, 2, NotNegative)
        .value(SecondOfMinute, 2, 2, NotNegative);
    if printer {
        x.fraction(3, 3, true);
    } else {
        x.fraction(1, 9, true);
    }
    x.build()
}

fn t_then(e: Vec<Elem>) -> Vec<Elem> {
    let mut x = b();
    x.literal("T").append(e);
    x.build()
}

/// ES's `Iso8601DateTimeParser`, tried before the java.time parsers of some formats.
fn iso(
    mandatory: &[IsoField],
    optional_time: bool,
    max: Option<IsoField>,
    decimal: DecimalSep,
    tz: TzPresence,
) -> Dtf {
    let mut mandatory = mandatory.to_vec();
    mandatory.push(IsoField::Year);
    Dtf {
        elems: Vec::new(),
        style: ResolverStyle::Strict,
        utc_zone: false,
        iso: Some(IsoConfig {
            mandatory,
            optional_time,
            max_allowed: max,
            decimal,
            tz,
        }),
    }
}

const MDHMS: [IsoField; 5] = [
    IsoField::Month,
    IsoField::Day,
    IsoField::Hour,
    IsoField::Minute,
    IsoField::Second,
];

/// A named format: (printer, parsers).
pub(crate) type Named = (Dtf, Vec<Dtf>);

/// Three zone variants ES uses for most `*_time` formats: printer + `+HH:MM`, parsers with a zone
/// id or offset, and with `+HHmm`.
fn tz3(printer_base: Vec<Elem>, parser_base: Vec<Elem>) -> Named {
    (
        strict(concat(&[printer_base, offset_colon()])),
        vec![
            strict(concat(&[parser_base.clone(), zone_or_offset()])),
            strict(concat(&[parser_base, tz_no_colon()])),
        ],
    )
}

pub(crate) fn named(name: &str) -> Option<Result<Named, String>> {
    let n = canonical(name)?;
    let f: Named = match n {
        "iso8601" => (
            strict(strict_date_optional_time_printer(3)),
            vec![
                iso(&[], false, None, DecimalSep::Both, TzPresence::Optional),
                strict(iso8601_parser()),
            ],
        ),
        "strict_date_optional_time" => (
            strict(strict_date_optional_time_printer(3)),
            vec![
                iso(&[], false, None, DecimalSep::Both, TzPresence::Optional),
                strict(strict_date_optional_time_parser()),
            ],
        ),
        "strict_date_optional_time_nanos" => (
            strict(strict_date_optional_time_printer(9)),
            vec![
                iso(
                    &[IsoField::Hour, IsoField::Minute, IsoField::Second],
                    true,
                    None,
                    DecimalSep::Both,
                    TzPresence::Optional,
                ),
                strict(strict_date_optional_time_nanos_parser()),
            ],
        ),
        "date_optional_time" => {
            let mut x = b();
            x.append(date_lenient())
                .optional_start()
                .literal("T")
                .optional_start()
                .value(HourOfDay, 1, 2, NotNegative)
                .optional_start()
                .literal(":")
                .value(MinuteOfHour, 1, 2, NotNegative)
                .optional_start()
                .literal(":")
                .value(SecondOfMinute, 1, 2, NotNegative)
                .optional_end()
                .optional_start()
                .fraction(1, 9, true)
                .optional_end()
                .optional_start()
                .literal(",")
                .fraction(1, 9, false)
                .optional_end()
                .optional_start()
                .zone_id()
                .optional_end()
                .optional_start()
                .offset("+HHmm", "Z")
                .optional_end()
                .optional_end()
                .optional_end()
                .optional_end();
            (
                strict(strict_date_optional_time_printer(3)),
                vec![strict(x.build())],
            )
        }
        "epoch_millis" => {
            let e = vec![Elem::Epoch { millis: true }];
            (strict(e.clone()), vec![strict(e)])
        }
        "epoch_second" => {
            let e = vec![Elem::Epoch { millis: false }];
            (strict(e.clone()), vec![strict(e)])
        }
        "basic_date" => {
            let mut p = b();
            p.value(Year, 1, 4, SignStyle::Normal)
                .value(MonthOfYear, 1, 2, NotNegative)
                .value(DayOfMonth, 1, 2, NotNegative);
            let mut pr = strict(basic_ymd(10));
            pr.utc_zone = true;
            let mut pa = strict(p.build());
            pa.utc_zone = true;
            (pr, vec![pa])
        }
        "basic_date_time" => {
            let printer = concat(&[basic_ymd(10), t_then(basic_time(true))]);
            let parser = concat(&[basic_ymd(4), t_then(basic_time(false))]);
            tz3(printer, parser)
        }
        "basic_date_time_no_millis" => {
            let printer = concat(&[
                with_lit(basic_ymd(10), "T", vec![]),
                basic_time_no_millis_base(),
            ]);
            let parser = concat(&[
                with_lit(basic_ymd(4), "T", vec![]),
                basic_time_no_millis_base(),
            ]);
            tz3(printer, parser)
        }
        "basic_time" => tz3(basic_time(true), basic_time(false)),
        "basic_time_no_millis" => tz3(basic_time_no_millis_base(), basic_time_no_millis_base()),
        "basic_t_time" => tz3(t_then(basic_time(true)), t_then(basic_time(false))),
        "basic_t_time_no_millis" => tz3(
            t_then(basic_time_no_millis_base()),
            t_then(basic_time_no_millis_base()),
        ),
        "basic_ordinal_date" => {
            let p = smart(pattern("uuuuDDD"));
            (p.clone(), vec![p])
        }
        "strict_date_time" => {
            let mut printer = b();
            printer
                .append(strict_ymd(4))
                .literal("T")
                .append(strict_hms())
                .fraction(3, 9, true)
                .offset("+HH:MM", "Z");
            let mut parser = b();
            parser
                .append(strict_ymd(4))
                .literal("T")
                .append(strict_hms())
                .optional_start()
                .fraction(1, 9, true)
                .optional_end();
            let parser = parser.build();
            (
                strict(printer.build()),
                vec![
                    strict(concat(&[parser.clone(), zone_or_offset()])),
                    strict(concat(&[parser, tz_no_colon()])),
                ],
            )
        }
        "strict_date_time_no_millis" => {
            let base = with_lit(strict_ymd(4), "T", strict_hms());
            tz3(base.clone(), base)
        }
        "date_time" => {
            let mut x = b();
            x.append(date_lenient())
                .literal("T")
                .append(hour_minute_lenient())
                .optional_start()
                .literal(":")
                .value(SecondOfMinute, 1, 2, NotNegative)
                .fraction(1, 9, true)
                .optional_end();
            let base = x.build();
            (
                strict(strict_date_optional_time_printer(3)),
                vec![
                    strict(concat(&[base.clone(), offset_colon()])),
                    strict(concat(&[base, tz_no_colon()])),
                ],
            )
        }
        "date_time_no_millis" => {
            let mut pr = b();
            pr.append(iso_local_date())
                .literal("T")
                .pattern("HH:mm")
                .expect("built-in")
                .literal(":")
                .value(SecondOfMinute, 2, 2, NotNegative)
                .zone_id();
            let mut prefix = b();
            prefix
                .append(date_lenient())
                .literal("T")
                .append(hour_minute_lenient())
                .optional_start()
                .literal(":")
                .value(SecondOfMinute, 1, 2, NotNegative)
                .optional_end();
            let prefix = prefix.build();
            let mut p3 = b();
            p3.append(prefix.clone())
                .optional_start()
                .zone_id()
                .optional_end();
            let mut p4 = b();
            p4.append(prefix.clone())
                .optional_start()
                .append(tz_no_colon())
                .optional_end();
            (
                strict(pr.build()),
                vec![
                    strict(concat(&[prefix.clone(), offset_colon()])),
                    strict(concat(&[prefix, tz_no_colon()])),
                    strict(p3.build()),
                    strict(p4.build()),
                ],
            )
        }
        "strict_date" => {
            let p = Dtf {
                elems: iso_local_date(),
                style: ResolverStyle::Lenient,
                utc_zone: false,
                iso: None,
            };
            (p.clone(), vec![p])
        }
        "date" => (strict(iso_local_date()), vec![strict(date_lenient())]),
        "strict_year_month_day" => {
            let p = strict(strict_ymd(4));
            (p.clone(), vec![p])
        }
        "year_month_day" => {
            let mut x = b();
            x.value1(Year)
                .literal("-")
                .value1(MonthOfYear)
                .literal("-")
                .value1(DayOfMonth);
            (strict(strict_ymd(4)), vec![strict(x.build())])
        }
        "strict_year_month" => {
            let mut x = b();
            x.value(Year, 4, 4, ExceedsPad)
                .literal("-")
                .value(MonthOfYear, 2, 2, NotNegative);
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        "year_month" => {
            let mut pr = b();
            pr.value(Year, 4, 10, ExceedsPad)
                .literal("-")
                .value(MonthOfYear, 2, 2, NotNegative);
            let mut pa = b();
            pa.value1(Year).literal("-").value1(MonthOfYear);
            (strict(pr.build()), vec![strict(pa.build())])
        }
        "strict_year" => {
            let mut x = b();
            x.value(Year, 4, 4, ExceedsPad);
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        "year" => {
            let mut x = b();
            x.value1(Year);
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        "strict_hour_minute_second" => {
            let p = strict(strict_hms());
            (p.clone(), vec![p])
        }
        "hour_minute_second" => (
            strict(strict_hms()),
            vec![strict(hour_minute_second_lenient())],
        ),
        "strict_hour_minute" => {
            let p = smart(pattern("HH:mm"));
            (p.clone(), vec![p])
        }
        "hour_minute" => (smart(pattern("HH:mm")), vec![strict(hour_minute_lenient())]),
        "strict_hour" => {
            let p = smart(pattern("HH"));
            (p.clone(), vec![p])
        }
        "hour" => {
            let mut x = b();
            x.value(HourOfDay, 1, 2, NotNegative);
            (smart(pattern("HH")), vec![strict(x.build())])
        }
        "strict_hour_minute_second_millis" | "strict_hour_minute_second_fraction" => (
            strict(strict_hms_millis_printer()),
            vec![strict(strict_hms_fraction_parser())],
        ),
        "hour_minute_second_millis" => (
            strict(strict_hms_millis_printer()),
            vec![strict(hms_fraction_lenient(3))],
        ),
        "hour_minute_second_fraction" => (
            strict(strict_hms_millis_printer()),
            vec![strict(hms_fraction_lenient(9))],
        ),
        "strict_date_hour_minute_second" => {
            let p = smart(pattern("uuuu-MM-dd'T'HH:mm:ss"));
            (p.clone(), vec![p])
        }
        "date_hour_minute_second" => (
            smart(pattern("uuuu-MM-dd'T'HH:mm:ss")),
            vec![strict(with_lit(
                date_lenient(),
                "T",
                hour_minute_second_lenient(),
            ))],
        ),
        "strict_date_hour_minute_second_millis" | "strict_date_hour_minute_second_fraction" => (
            strict(with_lit(strict_ymd(4), "T", strict_hms_millis_printer())),
            vec![strict(with_lit(
                strict_ymd(4),
                "T",
                strict_hms_fraction_parser(),
            ))],
        ),
        "date_hour_minute_second_millis" => (
            strict(with_lit(strict_ymd(4), "T", strict_hms_millis_printer())),
            vec![strict(with_lit(
                date_lenient(),
                "T",
                hms_fraction_lenient(3),
            ))],
        ),
        "date_hour_minute_second_fraction" => (
            strict(with_lit(strict_ymd(4), "T", strict_hms_millis_printer())),
            vec![strict(with_lit(
                date_lenient(),
                "T",
                hms_fraction_lenient(9),
            ))],
        ),
        "strict_date_hour_minute" => {
            let p = smart(pattern("uuuu-MM-dd'T'HH:mm"));
            (p.clone(), vec![p])
        }
        "date_hour_minute" => (
            smart(pattern("uuuu-MM-dd'T'HH:mm")),
            vec![strict(with_lit(date_lenient(), "T", hour_minute_lenient()))],
        ),
        "strict_date_hour" => {
            let p = smart(pattern("uuuu-MM-dd'T'HH"));
            (p.clone(), vec![p])
        }
        "date_hour" => {
            let mut h = b();
            h.value(HourOfDay, 1, 2, NotNegative);
            (
                smart(pattern("uuuu-MM-dd'T'HH")),
                vec![strict(with_lit(date_lenient(), "T", h.build()))],
            )
        }
        "strict_time" => {
            let mut base = b();
            base.append(strict_hms()).fraction(1, 9, true);
            tz3(strict_hms_millis_printer(), base.build())
        }
        "strict_time_no_millis" => tz3(strict_hms(), strict_hms()),
        "strict_t_time" => {
            let mut base = b();
            base.append(strict_hms()).fraction(1, 9, true);
            tz3(t_then(strict_hms_millis_printer()), t_then(base.build()))
        }
        "strict_t_time_no_millis" => tz3(t_then(strict_hms()), t_then(strict_hms())),
        "time" => tz3(strict_hms_millis_printer(), time_prefix()),
        "time_no_millis" => tz3(strict_hms(), time_no_millis_lenient()),
        "t_time" => tz3(t_then(strict_hms_millis_printer()), t_then(time_prefix())),
        "t_time_no_millis" => tz3(t_then(strict_hms()), t_then(time_no_millis_lenient())),
        "ordinal_date" => {
            let mut pr = b();
            pr.value(Year, 4, 10, ExceedsPad)
                .literal("-")
                .value(DayOfYear, 3, 3, NotNegative);
            (strict(pr.build()), vec![strict(ordinal_date_lenient())])
        }
        "strict_ordinal_date" => {
            let mut x = b();
            x.value(Year, 4, 4, ExceedsPad)
                .literal("-")
                .value_w(DayOfYear, 3);
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        "ordinal_date_time" => {
            let mut base = b();
            base.append(ordinal_date_lenient())
                .literal("T")
                .append(hour_minute_lenient())
                .optional_start()
                .literal(":")
                .value(SecondOfMinute, 1, 2, NotNegative)
                .fraction(1, 9, true)
                .optional_end();
            tz3(strict_ordinal_date_time(3), base.build())
        }
        "strict_ordinal_date_time" => tz3(strict_ordinal_date_time(3), strict_ordinal_date_time(1)),
        "ordinal_date_time_no_millis" => {
            let mut base = b();
            base.append(ordinal_date_lenient())
                .literal("T")
                .append(hour_minute_second_lenient());
            tz3(strict_ordinal_no_millis(), base.build())
        }
        "strict_ordinal_date_time_no_millis" => {
            tz3(strict_ordinal_no_millis(), strict_ordinal_no_millis())
        }
        "basic_ordinal_date_time" => {
            let printer = concat(&[pattern("yyyyDDD"), t_then(basic_time(true))]);
            let parser = concat(&[pattern("yyyyDDD"), t_then(basic_time(false))]);
            tz3(printer, parser)
        }
        "basic_ordinal_date_time_no_millis" => {
            let base = concat(&[pattern("uuuuDDD"), t_then(basic_time_no_millis_base())]);
            tz3(base.clone(), base)
        }
        "weekyear_week" => {
            let mut x = b();
            x.value1(Field::WeekBasedYear(WeekDef::ISO))
                .literal("-W")
                .value1(Field::WeekOfWeekBasedYear(WeekDef::ISO));
            (strict(strict_weekyear_week()), vec![strict(x.build())])
        }
        "weekyear_week_day" => {
            let mut pr = b();
            pr.append(strict_weekyear_week())
                .literal("-")
                .value1(Field::LocalizedDayOfWeek(WeekDef::ISO));
            let mut x = b();
            x.value1(Field::WeekBasedYear(WeekDef::ISO))
                .literal("-W")
                .value1(Field::WeekOfWeekBasedYear(WeekDef::ISO))
                .literal("-")
                .value1(Field::LocalizedDayOfWeek(WeekDef::ISO));
            (strict(pr.build()), vec![strict(x.build())])
        }
        "strict_weekyear_week_day" => {
            let mut pr = b();
            pr.append(strict_weekyear_week())
                .literal("-")
                .value1(Field::LocalizedDayOfWeek(WeekDef::ISO));
            let p = strict(pr.build());
            (p.clone(), vec![p])
        }
        "strict_week_date" => {
            let p = strict(iso_week_date());
            (p.clone(), vec![p])
        }
        "week_date" => (strict(iso_week_date()), vec![strict(week_date_lenient())]),
        "week_date_time" => {
            let printer = concat(&[
                with_lit(iso_week_date(), "T", vec![]),
                strict_hms_millis_printer(),
            ]);
            let parser = concat(&[week_date_lenient(), t_then(time_prefix())]);
            tz3(printer, parser)
        }
        "week_date_time_no_millis" => {
            let printer = concat(&[with_lit(iso_week_date(), "T", vec![]), strict_hms()]);
            let parser = concat(&[week_date_lenient(), t_then(time_no_millis_lenient())]);
            tz3(printer, parser)
        }
        "strict_week_date_time" => {
            let printer = concat(&[
                with_lit(iso_week_date(), "T", vec![]),
                strict_hms_millis_printer(),
            ]);
            let parser = concat(&[
                with_lit(iso_week_date(), "T", vec![]),
                strict_hms_fraction_parser(),
            ]);
            tz3(printer, parser)
        }
        "strict_week_date_time_no_millis" => {
            let base = concat(&[with_lit(iso_week_date(), "T", vec![]), strict_hms()]);
            tz3(base.clone(), base)
        }
        "strict_basic_week_date" => (
            strict(basic_week_date_printer()),
            vec![strict(basic_week_date_parser(true))],
        ),
        "basic_week_date" => (
            strict(basic_week_date_printer()),
            vec![strict(basic_week_date_parser(false))],
        ),
        "strict_basic_week_date_time_no_millis" => {
            let base = concat(&[
                basic_week_date_printer(),
                t_then(basic_time_no_millis_base()),
            ]);
            tz3(base.clone(), base)
        }
        "strict_basic_week_date_time" => {
            let printer = concat(&[basic_week_date_printer(), pattern("'T'HHmmss.SSSX")]);
            let parser = concat(&[basic_week_date_parser(true), t_then(basic_time(false))]);
            let (_, parsers) = tz3(parser.clone(), parser);
            (strict(printer), parsers)
        }
        "basic_week_date_time" => {
            let printer = concat(&[basic_week_date_printer(), pattern("'T'HHmmss.SSSX")]);
            let parser = concat(&[basic_week_date_parser(false), t_then(basic_time(false))]);
            let (_, parsers) = tz3(parser.clone(), parser);
            (strict(printer), parsers)
        }
        "basic_week_date_time_no_millis" => {
            let printer = concat(&[basic_week_date_printer(), pattern("'T'HHmmssX")]);
            let parser = concat(&[
                basic_week_date_parser(false),
                t_then(basic_time_no_millis_base()),
            ]);
            let (_, parsers) = tz3(parser.clone(), parser);
            (strict(printer), parsers)
        }
        "strict_weekyear" => {
            let mut x = b();
            x.value(Field::WeekBasedYear(WeekDef::ISO), 4, 10, ExceedsPad);
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        "weekyear" => {
            let mut x = b();
            x.value1(Field::WeekBasedYear(WeekDef::ISO));
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        "strict_weekyear_week" => {
            let mut x = b();
            x.value(Field::WeekBasedYear(WeekDef::ISO), 4, 10, ExceedsPad)
                .literal("-W")
                .value(Field::WeekOfWeekBasedYear(WeekDef::ISO), 2, 2, NotNegative);
            let p = strict(x.build());
            (p.clone(), vec![p])
        }
        _ => {
            return Some(Err(format!(
                "named date format [{name}] is not supported by ingest-emu"
            )));
        }
    };
    let (printer, mut parsers) = f;
    let mdhmsn = [
        IsoField::Month,
        IsoField::Day,
        IsoField::Hour,
        IsoField::Minute,
        IsoField::Second,
        IsoField::Nano,
    ];
    let iso_first = match n {
        "strict_date_time" => Some(iso(
            &MDHMS,
            false,
            None,
            DecimalSep::Dot,
            TzPresence::Mandatory,
        )),
        "strict_date_time_no_millis" => Some(iso(
            &MDHMS,
            false,
            Some(IsoField::Second),
            DecimalSep::Both,
            TzPresence::Mandatory,
        )),
        "strict_year_month" => Some(iso(
            &[IsoField::Month],
            false,
            Some(IsoField::Month),
            DecimalSep::Both,
            TzPresence::Forbidden,
        )),
        "strict_year" => Some(iso(
            &[],
            false,
            Some(IsoField::Year),
            DecimalSep::Both,
            TzPresence::Forbidden,
        )),
        "strict_date_hour_minute_second" => Some(iso(
            &MDHMS,
            false,
            Some(IsoField::Second),
            DecimalSep::Both,
            TzPresence::Forbidden,
        )),
        "strict_date_hour_minute_second_millis" | "strict_date_hour_minute_second_fraction" => {
            Some(iso(
                &mdhmsn,
                false,
                None,
                DecimalSep::Dot,
                TzPresence::Forbidden,
            ))
        }
        _ => None,
    };
    if let Some(p) = iso_first {
        parsers.insert(0, p);
    }
    Some(Ok((printer, parsers)))
}

/// All of ES's `FormatNames` (snake case); camelCase spellings map onto them.
const NAMES: &[&str] = &[
    "iso8601",
    "basic_date",
    "basic_date_time",
    "basic_date_time_no_millis",
    "basic_ordinal_date",
    "basic_ordinal_date_time",
    "basic_ordinal_date_time_no_millis",
    "basic_time",
    "basic_time_no_millis",
    "basic_t_time",
    "basic_t_time_no_millis",
    "basic_week_date",
    "basic_week_date_time",
    "basic_week_date_time_no_millis",
    "date",
    "date_hour",
    "date_hour_minute",
    "date_hour_minute_second",
    "date_hour_minute_second_fraction",
    "date_hour_minute_second_millis",
    "date_optional_time",
    "date_time",
    "date_time_no_millis",
    "hour",
    "hour_minute",
    "hour_minute_second",
    "hour_minute_second_fraction",
    "hour_minute_second_millis",
    "ordinal_date",
    "ordinal_date_time",
    "ordinal_date_time_no_millis",
    "time",
    "time_no_millis",
    "t_time",
    "t_time_no_millis",
    "week_date",
    "week_date_time",
    "week_date_time_no_millis",
    "weekyear",
    "weekyear_week",
    "weekyear_week_day",
    "year",
    "year_month",
    "year_month_day",
    "epoch_second",
    "epoch_millis",
    "strict_basic_week_date",
    "strict_basic_week_date_time",
    "strict_basic_week_date_time_no_millis",
    "strict_date",
    "strict_date_hour",
    "strict_date_hour_minute",
    "strict_date_hour_minute_second",
    "strict_date_hour_minute_second_fraction",
    "strict_date_hour_minute_second_millis",
    "strict_date_optional_time",
    "strict_date_optional_time_nanos",
    "strict_date_time",
    "strict_date_time_no_millis",
    "strict_hour",
    "strict_hour_minute",
    "strict_hour_minute_second",
    "strict_hour_minute_second_fraction",
    "strict_hour_minute_second_millis",
    "strict_ordinal_date",
    "strict_ordinal_date_time",
    "strict_ordinal_date_time_no_millis",
    "strict_time",
    "strict_time_no_millis",
    "strict_t_time",
    "strict_t_time_no_millis",
    "strict_week_date",
    "strict_week_date_time",
    "strict_week_date_time_no_millis",
    "strict_weekyear",
    "strict_weekyear_week",
    "strict_weekyear_week_day",
    "strict_year",
    "strict_year_month",
    "strict_year_month_day",
];

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.push(c.to_ascii_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn canonical(name: &str) -> Option<&'static str> {
    NAMES.iter().copied().find(|n| {
        *n == name
            || (!n.starts_with("epoch_") && *n != "weekyear_week" && camel(n) == name)
            || (*n == "weekyear_week" && name == "weekyearWeek")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_es_format_name_is_built() {
        for n in NAMES {
            assert!(matches!(named(n), Some(Ok(_))), "{n}");
            if !n.starts_with("epoch_") {
                assert!(named(&camel(n)).is_some(), "{n} as camelCase");
            }
        }
        assert!(named("epochMillis").is_none());
        assert!(named("yyyy").is_none());
    }
}
