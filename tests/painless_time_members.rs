//! `java.time` members against JDK 17: each case is a Painless expression and what
//! `String.valueOf(expr)` gives in Java (`OK <text>`), or the exception it throws
//! (`EXC <SimpleClassName>: <message>`). The expectations come from running the same
//! expressions as a Java program on JDK 17.0.15.

mod painless_support;

use ingest_emu::painless::run_for_cli;

fn run(expr: &str) -> String {
    let got = run_for_cli(&format!("return String.valueOf({expr})"), None, None);
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

fn check(cases: &[(&str, &str)]) {
    painless_support::assert_cases(cases, |(expr, want)| {
        let got = run(expr);
        (got != *want).then(|| format!("{expr}\n   want: {want}\n   got:  {got}"))
    });
}

/// The `DateTimeFormatter` constants' `withZone` / `getZone` (qualys_gav parses with
/// `ISO_INSTANT.withZone(ZoneId.of("Z"))`).
#[test]
fn formatter_constants_with_zone() {
    check(&[
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12.000Z\", DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"Z\"))).toInstant().toEpochMilli()", "OK 1752070872000"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12.5Z\", DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"Europe/Paris\")))", "OK 2025-07-09T16:21:12.500+02:00[Europe/Paris]"),
    ("DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"Z\")).toString()", "OK ParseCaseSensitive(false)Instant()"),
    ("DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"UTC\")).format(Instant.ofEpochMilli(1752070872000L))", "OK 2025-07-09T14:21:12"),
    ("DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(\"Europe/Paris\")).format(Instant.ofEpochMilli(1752070872000L))", "OK 2025-07-09T16:21:12+02:00"),
    ("DateTimeFormatter.ISO_ZONED_DATE_TIME.withZone(ZoneId.of(\"Europe/Paris\")).format(Instant.ofEpochMilli(1752070872000L))", "OK 2025-07-09T16:21:12+02:00[Europe/Paris]"),
    ("DateTimeFormatter.ISO_ZONED_DATE_TIME.withZone(ZoneId.of(\"Asia/Tokyo\")).format(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 2025-07-09T23:21:12+09:00[Asia/Tokyo]"),
    ("DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"Asia/Tokyo\")).format(ZonedDateTime.parse(\"2025-07-09T14:21:12+02:00\"))", "OK 2025-07-09T12:21:12Z"),
    ("DateTimeFormatter.ISO_INSTANT.getZone()", "OK null"),
    ("DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"UTC\")).getZone()", "OK UTC"),
    ("DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.ofHours(2)).getZone()", "OK +02:00"),
    ("DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"UTC\")).withZone(null).getZone()", "OK null"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12\", DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"UTC\")))", "OK 2025-07-09T14:21:12Z[UTC]"),
    ("ZonedDateTime.parse(\"2025-03-30T02:30:00\", DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"Europe/Paris\")))", "OK 2025-03-30T03:30+02:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-10-26T02:30:00\", DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"Europe/Paris\")))", "OK 2025-10-26T02:30+02:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12+05:00\", DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(\"Europe/Paris\")))", "OK 2025-07-09T11:21:12+02:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12+05:00[Asia/Tokyo]\", DateTimeFormatter.ISO_ZONED_DATE_TIME.withZone(ZoneId.of(\"Europe/Paris\")))", "OK 2025-07-09T18:21:12+09:00[Asia/Tokyo]"),
    ("ZonedDateTime.parse(\"2025-07-09\", DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of(\"UTC\")))", "EXC DateTimeParseException: Text '2025-07-09' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {},ISO,UTC resolved to 2025-07-09 of type java.time.format.Parsed"),
    ("LocalDateTime.parse(\"2025-07-09T14:21:12\", DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"UTC\")))", "OK 2025-07-09T14:21:12"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12.000Z\", DateTimeFormatter.ISO_INSTANT)", "EXC DateTimeParseException: Text '2025-07-09T14:21:12.000Z' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: {InstantSeconds=1752070872, MicroOfSecond=0, NanoOfSecond=0, MilliOfSecond=0},ISO of type java.time.format.Parsed"),
    ("DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of(\"UTC\")).format(Instant.ofEpochMilli(1752070872000L))", "OK 2025-07-09"),
    ("DateTimeFormatter.ISO_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(1752070872123L))", "OK 2025-07-09T14:21:12.123Z"),
    ("DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneId.of(\"America/New_York\")).format(Instant.ofEpochMilli(1752070872123L))", "OK Wed, 9 Jul 2025 10:21:12 -0400"),
    ("DateTimeFormatter.BASIC_ISO_DATE.withZone(ZoneId.of(\"Asia/Tokyo\")).format(Instant.ofEpochMilli(1752070872123L))", "OK 20250709+0900"),
    ("DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"UTC\")).format(LocalDateTime.of(2025, 7, 9, 14, 21))", "OK 2025-07-09T14:21:00"),
    ("DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(\"UTC\")).format(LocalDateTime.of(2025, 7, 9, 14, 21))", "EXC UnsupportedTemporalTypeException: Unsupported field: OffsetSeconds"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(\"Asia/Kolkata\")))", "OK 2025-07-09T19:51:12+05:30"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneId.of(\"Asia/Kolkata\")))", "OK 2025-07-09T14:21:00"),
    ("DateTimeFormatter.ISO_INSTANT.withZone(ZoneId.of(\"Z\")).format(Instant.ofEpochSecond(1L, 5L))", "OK 1970-01-01T00:00:01.000000005Z"),
    ]);
}

/// `ChronoZonedDateTime.compareTo` and the natural ordering that sorts by it.
#[test]
fn zoned_date_time_compare_to() {
    check(&[
    ("ZonedDateTime.parse(\"2025-07-09T16:21:12+02:00\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 1"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").compareTo(ZonedDateTime.parse(\"2025-07-09T16:21:12+02:00\"))", "OK -1"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z[UTC]\"))", "OK 5"),
    ("ZonedDateTime.parse(\"2025-07-09T16:21:12+02:00[Europe/Paris]\").compareTo(ZonedDateTime.parse(\"2025-07-09T16:21:12+02:00\"))", "OK 26"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12.5Z\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 500000000"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12.000000001Z\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12.5Z\"))", "OK -499999999"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:13Z\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 1"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").compareTo(ZonedDateTime.parse(\"2026-07-09T14:21:12Z\"))", "OK -1"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 0"),
    ("ZonedDateTime.parse(\"2025-07-09T22:21:12+08:00\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 1"),
    ("ZonedDateTime.parse(\"2025-07-10T00:21:12+10:00\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z\"))", "OK 1"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z[Etc/UTC]\").compareTo(ZonedDateTime.parse(\"2025-07-09T14:21:12Z[UTC]\"))", "OK -16"),
    ]);
}

/// Sorting by natural order: instants first, then local date-times, then zone ids (JDK 17:
/// `[2025-07-09T14:21:12Z[UTC], 2025-07-09T14:21:12Z, 2025-07-09T16:21:12+02:00,
/// 2025-07-09T16:21:12+02:00[Europe/Paris]]`).
#[test]
fn zoned_date_time_natural_order() {
    let want = "[2025-07-09T14:21:12Z[UTC], 2025-07-09T14:21:12Z, 2025-07-09T16:21:12+02:00, 2025-07-09T16:21:12+02:00[Europe/Paris]]";
    let list = r#"List l = new ArrayList(); for (String s : ['2025-07-09T16:21:12+02:00[Europe/Paris]', '2025-07-09T14:21:12Z[UTC]', '2025-07-09T14:21:12Z', '2025-07-09T16:21:12+02:00']) { l.add(ZonedDateTime.parse(s)); }"#;
    for sort in [
        "l.sort(null); return l.toString();",
        "Collections.sort(l); return l.toString();",
        "return l.stream().sorted().collect(Collectors.toList()).toString();",
    ] {
        let got = run_for_cli(&format!("{list} {sort}"), None, None);
        assert_eq!(got["value"].as_str(), Some(want), "{sort}: {got}");
    }
}

/// `plus`/`minus(long, ChronoUnit)` and `plus`/`minus(Duration)`: the units each type supports and
/// the JDK's wording (`ChronoUnit.toString()`).
#[test]
fn plus_minus_units() {
    check(&[
    ("Instant.ofEpochMilli(1000).plus(2, ChronoUnit.WEEKS)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Weeks"),
    ("Instant.ofEpochMilli(1000).plus(2, ChronoUnit.YEARS)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Years"),
    ("Instant.ofEpochMilli(1000).minus(2, ChronoUnit.MONTHS)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Months"),
    ("Instant.ofEpochMilli(1000).plus(2, ChronoUnit.HALF_DAYS)", "OK 1970-01-02T00:00:01Z"),
    ("Instant.ofEpochMilli(1000).plus(2, ChronoUnit.DAYS)", "OK 1970-01-03T00:00:01Z"),
    ("Instant.ofEpochMilli(1000).plus(1, ChronoUnit.FOREVER)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Forever"),
    ("Instant.ofEpochMilli(1000).plus(1, ChronoUnit.ERAS)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Eras"),
    ("Instant.ofEpochMilli(1000).minus(3, ChronoUnit.MICROS)", "OK 1970-01-01T00:00:00.999997Z"),
    ("Instant.ofEpochMilli(1000).plus(Duration.ofMillis(-1500))", "OK 1969-12-31T23:59:59.500Z"),
    ("Instant.ofEpochMilli(1000).minus(Duration.ofHours(25))", "OK 1969-12-30T23:00:01Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(1, ChronoUnit.FOREVER)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Forever"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(1, ChronoUnit.ERAS)", "EXC DateTimeException: Invalid value for Era (valid values 0 - 1): 2"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").minus(1, ChronoUnit.ERAS)", "OK -2024-07-09T14:21:12Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(0, ChronoUnit.ERAS)", "OK 2025-07-09T14:21:12Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(1, ChronoUnit.HALF_DAYS)", "OK 2025-07-10T02:21:12Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").minus(3, ChronoUnit.HALF_DAYS)", "OK 2025-07-08T02:21:12Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(1, ChronoUnit.MILLENNIA)", "OK 3025-07-09T14:21:12Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").minus(2, ChronoUnit.CENTURIES)", "OK 1825-07-09T14:21:12Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(3, ChronoUnit.DECADES)", "OK 2055-07-09T14:21:12Z"),
    ("ZonedDateTime.parse(\"2024-02-29T14:21:12Z\").plus(1, ChronoUnit.YEARS)", "OK 2025-02-28T14:21:12Z"),
    ("ZonedDateTime.parse(\"2025-01-31T14:21:12+01:00[Europe/Paris]\").plus(1, ChronoUnit.MONTHS)", "OK 2025-02-28T14:21:12+01:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-03-29T02:30:00+01:00[Europe/Paris]\").plus(1, ChronoUnit.DAYS)", "OK 2025-03-30T03:30+02:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-10-25T02:30:00+02:00[Europe/Paris]\").plus(1, ChronoUnit.DAYS)", "OK 2025-10-26T02:30+02:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-10-27T02:30:00+01:00[Europe/Paris]\").minus(1, ChronoUnit.DAYS)", "OK 2025-10-26T02:30+01:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-10-26T02:30:00+02:00[Europe/Paris]\").plus(1, ChronoUnit.HOURS)", "OK 2025-10-26T02:30+01:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-10-26T01:30:00+02:00[Europe/Paris]\").plus(2, ChronoUnit.HALF_DAYS)", "OK 2025-10-27T00:30+01:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-10-26T02:30:00+01:00[Europe/Paris]\").plusWeeks(1)", "OK 2025-11-02T02:30+01:00[Europe/Paris]"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(Duration.ofSeconds(90))", "OK 2025-07-09T14:22:42Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").minus(Duration.ofMillis(1))", "OK 2025-07-09T14:21:11.999Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(7, ChronoUnit.NANOS)", "OK 2025-07-09T14:21:12.000000007Z"),
    ("ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").plus(Long.MAX_VALUE, ChronoUnit.WEEKS)", "EXC ArithmeticException: long overflow"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).plus(1, ChronoUnit.FOREVER)", "EXC UnsupportedTemporalTypeException: Unsupported unit: Forever"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).plus(1, ChronoUnit.ERAS)", "EXC DateTimeException: Invalid value for Era (valid values 0 - 1): 2"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).minus(1, ChronoUnit.ERAS)", "OK -2024-07-09T14:21"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).plus(3, ChronoUnit.HALF_DAYS)", "OK 2025-07-11T02:21"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).plus(2, ChronoUnit.MILLENNIA)", "OK 4025-07-09T14:21"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).minus(1, ChronoUnit.WEEKS)", "OK 2025-07-02T14:21"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).plus(-90061001, ChronoUnit.MILLIS)", "OK 2025-07-08T13:19:58.999"),
    ("LocalDateTime.of(2025, 7, 9, 14, 21).plus(Long.MAX_VALUE, ChronoUnit.WEEKS)", "EXC ArithmeticException: long overflow"),
    ]);
}

/// `Duration`'s allowlisted factories and arithmetic, its `toString`, and `Instant.from`.
#[test]
fn duration_members() {
    check(&[
    ("Duration.parse(\"P2DT3H4M\")", "OK PT51H4M"),
    ("Duration.parse(\"PT-0.5S\")", "OK PT-0.5S"),
    ("Duration.parse(\"-PT-0.5S\")", "OK PT0.5S"),
    ("Duration.parse(\"pt1,25s\")", "OK PT1.25S"),
    ("Duration.parse(\"+P-1DT+2H-3M4.000000001S\")", "OK PT-22H-2M-55.999999999S"),
    ("Duration.parse(\"PT\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration"),
    ("Duration.parse(\"P\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration"),
    ("Duration.parse(\"PT1.1234567891S\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration"),
    ("Duration.parse(\"P1D2H\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration"),
    ("Duration.parse(\"P1DT\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration"),
    ("Duration.parse(\"PT9223372036854775807S\")", "OK PT2562047788015215H30M7S"),
    ("Duration.parse(\"P106751991167301D\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration: days"),
    ("Duration.parse(\"PT1.S\")", "OK PT1S"),
    ("Duration.parse(\"PT99999999999999999999S\")", "EXC DateTimeParseException: Text cannot be parsed to a Duration: seconds"),
    ("Duration.ofHours(1).minusMillis(2)", "OK PT59M59.998S"),
    ("Duration.ofSeconds(-1, 1)", "OK PT-0.999999999S"),
    ("Duration.ofSeconds(-3600, 500000000)", "OK PT-59M-59.5S"),
    ("Duration.ofSeconds(3, -1)", "OK PT2.999999999S"),
    ("Duration.ofSeconds(Long.MAX_VALUE, 1000000000)", "EXC ArithmeticException: long overflow"),
    ("Duration.ofSeconds(-61, -1)", "OK PT-1M-1.000000001S"),
    ("Duration.of(3, ChronoUnit.HALF_DAYS)", "OK PT36H"),
    ("Duration.of(2, ChronoUnit.DAYS)", "OK PT48H"),
    ("Duration.of(2, ChronoUnit.WEEKS)", "EXC UnsupportedTemporalTypeException: Unit must not have an estimated duration"),
    ("Duration.of(-5, ChronoUnit.MICROS)", "OK PT-0.000005S"),
    ("Duration.ofDays(Long.MAX_VALUE)", "EXC ArithmeticException: long overflow"),
    ("Duration.from(Duration.ofMinutes(90))", "OK PT1H30M"),
    ("Duration.ofMillis(-1500).abs()", "OK PT1.5S"),
    ("Duration.ofMillis(1500).negated()", "OK PT-1.5S"),
    ("Duration.ofSeconds(Long.MIN_VALUE).negated()", "EXC ArithmeticException: Exceeds capacity of Duration: 9223372036854775808000000000"),
    ("Duration.ofSeconds(7).dividedBy(2)", "OK PT3.5S"),
    ("Duration.ofSeconds(-7).dividedBy(2)", "OK PT-3.5S"),
    ("Duration.ofNanos(-7).dividedBy(-2)", "OK PT0.000000003S"),
    ("Duration.ofSeconds(7).dividedBy(0)", "EXC ArithmeticException: Cannot divide by zero"),
    ("Duration.ofSeconds(7).multipliedBy(-3)", "OK PT-21S"),
    ("Duration.ofSeconds(Long.MAX_VALUE).multipliedBy(2)", "EXC ArithmeticException: Exceeds capacity of Duration: 18446744073709551614000000000"),
    ("Duration.ofHours(1).plus(Duration.ofMillis(-1))", "OK PT59M59.999S"),
    ("Duration.ofHours(1).minus(Duration.ofMinutes(90))", "OK PT-30M"),
    ("Duration.ofSeconds(Long.MAX_VALUE).plus(Duration.ofSeconds(1))", "EXC ArithmeticException: long overflow"),
    ("Duration.ZERO.plus(5, ChronoUnit.MINUTES).minus(2, ChronoUnit.MILLIS)", "OK PT4M59.998S"),
    ("Duration.ZERO.minus(1, ChronoUnit.MONTHS)", "EXC UnsupportedTemporalTypeException: Unit must not have an estimated duration"),
    ("Duration.ZERO.plusDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5).plusNanos(6)", "OK PT26H3M4.005000006S"),
    ("Duration.ZERO.minusDays(1).minusHours(2).minusMinutes(3).minusSeconds(4).minusMillis(5).minusNanos(6)", "OK PT-26H-3M-4.005000006S"),
    ("Duration.ofMillis(1500).withSeconds(-3)", "OK PT-2.5S"),
    ("Duration.ofMillis(-1500).withNanos(7)", "OK PT-1.999999993S"),
    ("Duration.ofMillis(1500).withNanos(1000000000)", "EXC DateTimeException: Invalid value for NanoOfSecond (valid values 0 - 999999999): 1000000000"),
    ("Duration.ofMillis(-1).toString()", "OK PT-0.001S"),
    ("Duration.ofMillis(-59999).toString()", "OK PT-59.999S"),
    ("Duration.ofSeconds(-3661).toString()", "OK PT-1H-1M-1S"),
    ("Duration.ofNanos(-3600000000001L).toString()", "OK PT-1H-0.000000001S"),
    ("Duration.ofMillis(1500).compareTo(Duration.ofMillis(1200))", "OK 300000000"),
    ("Duration.ofMillis(-1500).compareTo(Duration.ofMillis(1200))", "OK -1"),
    ("Duration.ofSeconds(Long.MAX_VALUE).toNanos()", "EXC ArithmeticException: long overflow"),
    ("Instant.from(ZonedDateTime.parse(\"2025-07-09T16:21:12+02:00[Europe/Paris]\"))", "OK 2025-07-09T14:21:12Z"),
    ("Instant.from(Instant.ofEpochMilli(5))", "OK 1970-01-01T00:00:00.005Z"),
    ("Instant.from(LocalDateTime.of(2025, 7, 9, 14, 21))", "EXC DateTimeException: Unable to obtain Instant from TemporalAccessor: 2025-07-09T14:21 of type java.time.LocalDateTime"),
    ]);
}

/// `Instant.parse` is `DateTimeFormatter.ISO_INSTANT` (JDK 17).
#[test]
fn instant_parse() {
    check(&[
    ("Instant.parse(\"2025-07-09T24:00:00Z\")", "OK 2025-07-10T00:00:00Z"),
    ("Instant.parse(\"2025-07-09T24:00:01Z\")", "EXC DateTimeParseException: Text '2025-07-09T24:00:01Z' could not be parsed at index 0"),
    ("Instant.parse(\"2025-07-09T14:21:60Z\")", "EXC DateTimeParseException: Text '2025-07-09T14:21:60Z' could not be parsed at index 0"),
    ("Instant.parse(\"2025-07-09T14:21Z\")", "EXC DateTimeParseException: Text '2025-07-09T14:21Z' could not be parsed at index 16"),
    ("Instant.parse(\"2025-07-09T14:21:12,5Z\")", "EXC DateTimeParseException: Text '2025-07-09T14:21:12,5Z' could not be parsed at index 19"),
    ("Instant.parse(\"2025-07-09T14:21:12+0530\")", "EXC DateTimeParseException: Text '2025-07-09T14:21:12+0530' could not be parsed at index 19"),
    ("Instant.parse(\"2025-07-09T14:21:12+05:30\")", "OK 2025-07-09T08:51:12Z"),
    ("Instant.parse(\"2025-07-09T14:21:12\")", "EXC DateTimeParseException: Text '2025-07-09T14:21:12' could not be parsed at index 19"),
    ("Instant.parse(\"2025-7-09T14:21:12Z\")", "EXC DateTimeParseException: Text '2025-7-09T14:21:12Z' could not be parsed at index 5"),
    ("Instant.parse(\"2025-07-09T23:59:60Z\")", "OK 2025-07-09T23:59:59Z"),
    ("Instant.parse(\"2025-07-09t14:21:12.123456789z\")", "OK 2025-07-09T14:21:12.123456789Z"),
    ("Instant.parse(\"2025-07-09T14:21:12.1234567891Z\")", "EXC DateTimeParseException: Text '2025-07-09T14:21:12.1234567891Z' could not be parsed at index 29"),
    ("Instant.parse(\"2025-02-30T14:21:12Z\")", "EXC DateTimeParseException: Text '2025-02-30T14:21:12Z' could not be parsed at index 0"),
    ("Instant.parse(\"2025-07-09T14:21:12Zjunk\")", "EXC DateTimeParseException: Text '2025-07-09T14:21:12Zjunk' could not be parsed, unparsed text found at index 20"),
    ("Instant.parse(\"+2025-07-09T14:21:12Z\")", "EXC DateTimeParseException: Text '+2025-07-09T14:21:12Z' could not be parsed at index 0"),
    ("Instant.parse(\"2025-07-09T14:21:12.Z\")", "OK 2025-07-09T14:21:12Z"),
    ("Instant.parse(\"\")", "EXC DateTimeParseException: Text '' could not be parsed at index 0"),
    ]);
}

/// `hashCode()` of the java.time values, as the JDK computes it.
#[test]
fn hash_codes() {
    check(&[
        ("Instant.EPOCH.hashCode()", "OK 0"),
        ("Instant.ofEpochSecond(-1L, 5L).hashCode()", "OK 255"),
        (
            "Instant.parse(\"2025-07-09T14:21:12.123456789Z\").hashCode()",
            "OK -541567481",
        ),
        (
            "Instant.parse(\"9000-12-31T23:59:59Z\").hashCode()",
            "OK -1461371444",
        ),
        (
            "ZonedDateTime.parse(\"2025-07-09T14:21:12Z\").hashCode()",
            "OK -754247881",
        ),
        (
            "ZonedDateTime.parse(\"2025-07-09T16:21:12.5+02:00[Europe/Paris]\").hashCode()",
            "OK -318651500",
        ),
        (
            "ZonedDateTime.parse(\"2025-07-09T14:21:12Z[UTC]\").hashCode()",
            "OK -754885865",
        ),
        (
            "ZonedDateTime.parse(\"-0044-03-15T12:00:00-05:00\").hashCode()",
            "OK 1218743218",
        ),
        ("Duration.ofMillis(-1500).hashCode()", "OK -269803775"),
        (
            "Duration.ofSeconds(Long.MAX_VALUE, 999999999).hashCode()",
            "OK 1607876045",
        ),
        ("Duration.ZERO.hashCode()", "OK 0"),
        ("ZoneOffset.ofHours(2).hashCode()", "OK 7200"),
        ("ZoneOffset.ofHoursMinutes(-5, -30).hashCode()", "OK -19800"),
        ("ZoneId.of(\"Europe/Paris\").hashCode()", "OK -672549154"),
        ("ZoneId.of(\"GMT+01:00\").hashCode()", "OK 89959036"),
        (
            "LocalDateTime.of(2025, 7, 9, 14, 21, 12, 123).hashCode()",
            "OK -754247860",
        ),
        (
            "LocalDateTime.of(-2024, 1, 31, 23, 59, 59, 999999999).hashCode()",
            "OK -1854830284",
        ),
    ]);
}
