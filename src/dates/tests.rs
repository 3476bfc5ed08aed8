use super::*;

fn utc() -> TimeZone {
    parse_timezone("UTC").unwrap()
}

fn z(tz: &str) -> TimeZone {
    parse_timezone(tz).unwrap()
}

/// Parse with the date processor rules (year 2026 for year-less patterns) and print with the
/// default output format.
fn run(format: &str, input: &str, tz: &str, locale: &str) -> Result<String, String> {
    let f = DateFormat::compile(format)?;
    let l = parse_locale(locale)?;
    let zoned = f
        .parse_with_year(input, &z(tz), &l, 2026)
        .map_err(|e| e.message)?;
    Ok(format_default_output(&zoned))
}

fn ok(format: &str, input: &str) -> String {
    run(format, input, "UTC", "ROOT").unwrap_or_else(|e| panic!("{format} on {input}: {e}"))
}

#[test]
fn iso8601_keeps_millis_and_zone() {
    assert_eq!(
        ok("ISO8601", "2020-02-14T22:18:51.843Z"),
        "2020-02-14T22:18:51.843Z"
    );
    assert_eq!(
        ok("ISO8601", "2020-02-14T22:18:51.843+02:00"),
        "2020-02-14T20:18:51.843Z"
    );
    assert_eq!(
        run("ISO8601", "2020-02-14T22:18:51.843+02:00", "+02:00", "ROOT").unwrap(),
        "2020-02-14T22:18:51.843+02:00"
    );
    assert_eq!(ok("ISO8601", "2020-02-14"), "2020-02-14T00:00:00.000Z");
    assert_eq!(
        ok("ISO8601", "2020-02-14T22:18:51,5+0100"),
        "2020-02-14T21:18:51.500Z"
    );
    assert_eq!(
        run("ISO8601", "2020-02-14T10:00:00", "Europe/Paris", "ROOT").unwrap(),
        "2020-02-14T10:00:00.000+01:00"
    );
    assert!(ok_err("ISO8601", "14/02/2020")
        .contains("failed to parse date field [14/02/2020] with format [iso8601]"));
}

fn ok_err(format: &str, input: &str) -> String {
    run(format, input, "UTC", "ROOT").unwrap_err()
}

#[test]
fn unix_kinds() {
    assert_eq!(ok("UNIX", "1588075678.123"), "2020-04-28T12:07:58.123Z");
    assert_eq!(ok("UNIX", "1588075678"), "2020-04-28T12:07:58.000Z");
    assert_eq!(ok("UNIX", " 1588075678.5 "), "2020-04-28T12:07:58.500Z");
    assert_eq!(ok("UNIX_MS", "1588075678123"), "2020-04-28T12:07:58.123Z");
    assert_eq!(
        ok_err("UNIX_MS", "1588075678.1"),
        "For input string: \"1588075678.1\""
    );
    assert_eq!(ok_err("UNIX", "abc"), "For input string: \"abc\"");
    // Double.parseDouble reads hexadecimal floating point; its message quotes the trimmed text.
    assert_eq!(ok("UNIX", "0x1.8p3"), "1970-01-01T00:00:12.000Z");
    assert_eq!(ok_err("UNIX", " 0x1p "), "For input string: \"0x1p\"");
    assert_eq!(
        ok("TAI64N", "4000000050d506482dbdf024"),
        "2012-12-22T01:00:46.767Z"
    );
    assert_eq!(
        ok("TAI64N", "@4000000050d506482dbdf024"),
        "2012-12-22T01:00:46.767Z"
    );
}

#[test]
fn real_world_patterns() {
    assert_eq!(
        ok("dd/MMM/yyyy:HH:mm:ss Z", "10/Oct/2000:13:55:36 -0700"),
        "2000-10-10T20:55:36.000Z"
    );
    assert_eq!(
        ok("MMM d HH:mm:ss", "Feb 5 12:01:02"),
        "2026-02-05T12:01:02.000Z"
    );
    assert_eq!(
        ok("MMM  d HH:mm:ss", "Feb  5 12:01:02"),
        "2026-02-05T12:01:02.000Z"
    );
    assert_eq!(
        ok("MMM dd HH:mm:ss", "Feb 15 12:01:02"),
        "2026-02-15T12:01:02.000Z"
    );
    assert_eq!(
        ok("yyyy-MM-dd HH:mm:ss,SSS", "2020-01-02 03:04:05,678"),
        "2020-01-02T03:04:05.678Z"
    );
    assert_eq!(
        ok("EEE MMM dd HH:mm:ss yyyy", "Tue Feb 14 22:18:51 2020"),
        "2020-02-14T22:18:51.000Z"
    );
    assert_eq!(
        ok("yyyyMMddHHmmss", "20200214221851"),
        "2020-02-14T22:18:51.000Z"
    );
    assert_eq!(
        ok(
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSSZZZZZ",
            "2020-02-14T22:18:51.123456+01:00"
        ),
        "2020-02-14T21:18:51.123Z"
    );
    assert_eq!(
        run("dd/MM/yyyy", "14/02/2020", "Europe/Amsterdam", "ROOT").unwrap(),
        "2020-02-14T00:00:00.000+01:00"
    );
    assert_eq!(
        ok("yyyy-MM-dd||dd/MM/yyyy", "14/02/2020"),
        "2020-02-14T00:00:00.000Z"
    );
    assert_eq!(
        ok("epoch_millis", "1588075678123"),
        "2020-04-28T12:07:58.123Z"
    );
    assert_eq!(ok("epoch_second", "1588075678"), "2020-04-28T12:07:58.000Z");
    assert_eq!(
        ok("strict_date_optional_time", "2020-02-14T22:18:51.843Z"),
        "2020-02-14T22:18:51.843Z"
    );
    assert_eq!(
        ok("date_optional_time", "2020-2-4T2:1"),
        "2020-02-04T02:01:00.000Z"
    );
    assert_eq!(
        ok("hh:mm:ss a MM/dd/yyyy", "01:02:03 PM 02/14/2020"),
        "2020-02-14T13:02:03.000Z"
    );
}

#[test]
fn year_less_patterns_ignore_the_parsed_zone_and_clamp_days() {
    // DateFormat.Java copies fields onto the current year; the parsed zone is dropped
    assert_eq!(
        ok("MMM d HH:mm:ss Z", "Feb 5 12:01:02 +0200"),
        "2026-02-05T12:01:02.000Z"
    );
    assert_eq!(ok("MMM d", "Feb 30"), "2026-02-28T00:00:00.000Z");
    assert_eq!(
        run("MMM d HH:mm", "Mar 29 02:30", "Europe/Paris", "ROOT").unwrap(),
        "2026-03-29T03:30:00.000+02:00"
    );
}

#[test]
fn strict_resolution() {
    assert!(ok_err("yyyy-MM-dd", "2020-02-30").contains("Invalid date 'FEBRUARY 30'"));
    assert!(ok_err("uuuu-MM-dd", "2020-02-30").contains("failed to parse date field"));
    assert!(ok_err("yyyy-MM-dd HH:mm", "2020-02-03 24:00").contains("failed to parse"));
    // a wrong day name is not checked when the year is `yyyy` (java.time leaves it unresolved)
    assert_eq!(
        ok("EEE MMM dd HH:mm:ss yyyy", "Mon Feb 14 22:18:51 2020"),
        "2020-02-14T22:18:51.000Z"
    );
    assert!(
        ok_err("EEE MMM dd HH:mm:ss uuuu", "Mon Feb 14 22:18:51 2020").contains("failed to parse")
    );
}

#[test]
fn locales() {
    assert_eq!(
        run("dd MMMM yyyy", "14 février 2020", "UTC", "fr").unwrap(),
        "2020-02-14T00:00:00.000Z"
    );
    assert_eq!(
        run("dd MMM yyyy", "14 Feb 2020", "UTC", "en").unwrap(),
        "2020-02-14T00:00:00.000Z"
    );
    assert_eq!(
        run(
            "EEEE, dd MMMM yyyy",
            "Friday, 14 February 2020",
            "UTC",
            "en-US"
        )
        .unwrap(),
        "2020-02-14T00:00:00.000Z"
    );
}

#[test]
fn compile_errors() {
    assert_eq!(
        DateFormat::compile("yyyy-MM-dd f").unwrap_err(),
        "Invalid format: [yyyy-MM-dd f]: Unknown pattern letter: f"
    );
    assert_eq!(
        DateFormat::compile("").unwrap_err(),
        "No date pattern provided"
    );
    assert_eq!(
        DateFormat::compile("yyyy||").unwrap_err(),
        "Cannot have empty element in multi date format pattern: yyyy||"
    );
    assert_eq!(
        DateFormat::compile("HHH").unwrap_err(),
        "Invalid format: [HHH]: Too many pattern letters: H"
    );
    assert_eq!(
        DateFormat::compile("yyyy'T").unwrap_err(),
        "Invalid format: [yyyy'T]: Pattern ends with an incomplete string literal: yyyy'T"
    );
    assert!(matches!(
        DateFormat::compile_deferred("ff"),
        DateFormat::Invalid(_)
    ));
}

#[test]
fn printing() {
    let zoned: Zoned = "2020-02-14T22:18:51.843+02:00[Europe/Paris]"
        .parse::<Zoned>()
        .unwrap_or_else(|_| {
            jiff::Timestamp::from_millisecond(1_581_711_531_843)
                .unwrap()
                .to_zoned(z("Europe/Paris"))
        });
    let paris = jiff::Timestamp::from_millisecond(1_581_711_531_843)
        .unwrap()
        .to_zoned(z("Europe/Paris"));
    let _ = zoned;
    assert_eq!(
        format_default_output(&paris),
        "2020-02-14T21:18:51.843+01:00"
    );
    assert_eq!(
        zoned_to_java_string(&paris),
        "2020-02-14T21:18:51.843+01:00[Europe/Paris]"
    );
    let u = jiff::Timestamp::from_millisecond(1_581_711_480_000)
        .unwrap()
        .to_zoned(utc());
    assert_eq!(zoned_to_java_string(&u), "2020-02-14T20:18Z[UTC]");
    let zz = jiff::Timestamp::from_millisecond(1_581_711_480_000)
        .unwrap()
        .to_zoned(z("Z"));
    assert_eq!(zoned_to_java_string(&zz), "2020-02-14T20:18Z");
    assert_eq!(
        format_strict_date_optional_time(&zz),
        "2020-02-14T20:18:00.000Z"
    );
    let f = JavaFormatter::compile("yyyy.MM.dd EEE MMM a hh 'o''clock' VV xx", &Locale::root())
        .unwrap();
    assert_eq!(
        f.format(&paris),
        "2020.02.14 Fri Feb PM 09 o'clock Europe/Paris +0100"
    );
    let f = JavaFormatter::compile("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS", &Locale::root()).unwrap();
    assert_eq!(f.format(&paris), "2020-02-14T21:18:51.843000000");
}

fn at(ms: i64, tz: &str) -> Zoned {
    jiff::Timestamp::from_millisecond(ms)
        .unwrap()
        .to_zoned(z(tz))
}

fn fmt(pattern: &str, ms: i64, tz: &str) -> String {
    JavaFormatter::compile(pattern, &Locale::root())
        .unwrap()
        .format(&at(ms, tz))
}

#[test]
fn named_formats() {
    assert_eq!(
        ok("strict_date_time", "2020-02-14T22:18:51.8+01:00"),
        "2020-02-14T21:18:51.800Z"
    );
    assert!(ok_err("strict_date_time", "2020-02-14T22:18:51").contains("failed to parse"));
    assert_eq!(
        ok("date_time", "2020-2-14T2:18:51.8Z"),
        "2020-02-14T02:18:51.800Z"
    );
    assert_eq!(
        ok("basic_date_time", "20200214T221851.843+0100"),
        "2020-02-14T21:18:51.843Z"
    );
    assert_eq!(
        ok("basic_date_time_no_millis", "20200214T221851Z"),
        "2020-02-14T22:18:51.000Z"
    );
    // basic_date parses in UTC whatever the processor zone says
    assert_eq!(
        run("basic_date", "20200214", "Europe/Paris", "ROOT").unwrap(),
        "2020-02-14T01:00:00.000+01:00"
    );
    // strict_date resolves leniently (ISO_LOCAL_DATE with LENIENT)
    assert_eq!(ok("strict_date", "2020-02-30"), "2020-03-01T00:00:00.000Z");
    // ofPattern-based formats resolve SMART: 24:00 is the next midnight
    assert_eq!(
        ok("strict_date_hour_minute_second", "2020-02-14T24:00:00"),
        "2020-02-15T00:00:00.000Z"
    );
    assert_eq!(ok("epoch_millis", "-1.5"), "1969-12-31T23:59:59.998Z");
    assert_eq!(
        ok("epoch_second", "1588075678.5"),
        "2020-04-28T12:07:58.500Z"
    );
    assert_eq!(
        ok("strictDateOptionalTime", "2020-02-14"),
        "2020-02-14T00:00:00.000Z"
    );
    assert_eq!(
        ok("basic_week_date", "2020W075"),
        "2020-02-14T00:00:00.000Z"
    );
    assert_eq!(
        ok("strict_basic_week_date_time", "2020W075T221851.843Z"),
        "2020-02-14T22:18:51.843Z"
    );
    assert_eq!(
        fmt("basic_week_date_time", 1_581_718_731_843, "UTC"),
        "2020W075T221851.843Z"
    );
    assert_eq!(ok("week_date", "2020-W07-5"), "2020-02-14T00:00:00.000Z");
    let ms = 1_581_718_731_843; // 2020-02-14T22:18:51.843Z
    assert_eq!(
        fmt("strict_date_optional_time", ms, "+05:30"),
        "2020-02-15T03:48:51.843+05:30"
    );
    assert_eq!(
        fmt("strict_date_time", ms, "UTC"),
        "2020-02-14T22:18:51.843Z"
    );
    assert_eq!(fmt("basic_date_time", ms, "UTC"), "20200214T221851.843Z");
    assert_eq!(fmt("epoch_millis", ms, "UTC"), "1581718731843");
    assert_eq!(fmt("epoch_second", ms, "UTC"), "1581718731.843");
    assert_eq!(
        fmt("date_time_no_millis", ms, "Europe/Paris"),
        "2020-02-14T23:18:51Europe/Paris"
    );
}

#[test]
fn engine_details() {
    // adjacent value parsing: the year leaves room for the fixed-width fields after it
    assert_eq!(
        ok("yyyyMMddHHmmssSSS", "20200214221851123"),
        "2020-02-14T22:18:51.123Z"
    );
    assert!(ok_err("yyyyMMdd", "2020214").contains("failed to parse"));
    // padding and optional sections
    assert_eq!(ok("ppd/MM/yyyy", " 5/02/2020"), "2020-02-05T00:00:00.000Z");
    assert_eq!(
        ok("yyyy-MM-dd[ HH:mm[:ss]]", "2020-01-02 10:11"),
        "2020-01-02T10:11:00.000Z"
    );
    // a fixed-width fraction needs all its digits
    assert!(
        ok_err("yyyy-MM-dd HH:mm:ss.SSSX", "2020-01-01 10:00:00.12Z").contains("failed to parse")
    );
    assert!(ok_err("yyyy-MM-dd HH:mm:ss.SSS", "2020-01-01 10:00:00.12").contains("failed to parse"));
    // year without month falls back to 1970-01-01 when a time is present (ES's getLocalDate)
    assert_eq!(ok("yyyy HH:mm", "2020 10:00"), "1970-01-01T10:00:00.000Z");
    // zone names and ids in the text
    assert_eq!(
        ok("yyyy-MM-dd HH:mm:ss VV", "2020-07-01 10:00:00 Europe/Paris"),
        "2020-07-01T08:00:00.000Z"
    );
    assert_eq!(
        ok("yyyy-MM-dd HH:mm:ss VV", "2020-07-01 10:00:00 GMT+02:00"),
        "2020-07-01T08:00:00.000Z"
    );
    assert_eq!(
        run(
            "yyyy-MM-dd HH:mm:ss z",
            "2020-07-01 10:00:00 PDT",
            "UTC",
            "en"
        )
        .unwrap(),
        "2020-07-01T17:00:00.000Z"
    );
    assert_eq!(
        run(
            "yyyy-MM-dd HH:mm:ss z",
            "2020-07-01 10:00:00 EST",
            "UTC",
            "en"
        )
        .unwrap(),
        "2020-07-01T14:00:00.000Z"
    );
    assert!(ok_err("yyyy-MM-dd HH:mm:ss z", "2020-07-01 10:00:00 PDT").contains("failed to parse"));
    assert_eq!(
        ok("yyyy-MM-dd HH:mm:ss O", "2020-07-01 10:00:00 GMT-5:30"),
        "2020-07-01T15:30:00.000Z"
    );
    // DST gap moves forward, overlap takes the earlier offset (ZonedDateTime.ofLocal)
    assert_eq!(
        run(
            "yyyy-MM-dd HH:mm:ss",
            "2020-03-08 02:30:00",
            "America/New_York",
            "ROOT"
        )
        .unwrap(),
        "2020-03-08T03:30:00.000-04:00"
    );
    assert_eq!(
        run(
            "yyyy-MM-dd HH:mm:ss",
            "2020-11-01 01:30:00",
            "America/New_York",
            "ROOT"
        )
        .unwrap(),
        "2020-11-01T01:30:00.000-04:00"
    );
}

#[test]
fn printing_letters() {
    let ms = 1_581_718_731_843; // Friday 2020-02-14T22:18:51.843Z
    assert_eq!(
        fmt("G GGGG yy y D Q QQQ e c W w Y", ms, "UTC"),
        "CE CE 20 2020 45 1 Q1 5 5 2 7 2020"
    );
    assert_eq!(fmt("h hh K k a", ms, "UTC"), "10 10 10 22 PM");
    assert_eq!(
        fmt("S SS SSSS n N A", ms, "UTC"),
        "8 84 8430 843000000 80331843000000 80331843"
    );
    assert_eq!(
        fmt("X XX XXX XXXX XXXXX", ms, "+05:30"),
        "+0530 +0530 +05:30 +0530 +05:30"
    );
    assert_eq!(fmt("X XX XXX", ms, "UTC"), "Z Z Z");
    assert_eq!(
        fmt("x xx xxx Z ZZZZ ZZZZZ O OOOO", ms, "UTC"),
        "+00 +0000 +00:00 +0000 GMT Z GMT GMT"
    );
    assert_eq!(fmt("Z ZZZZ O", ms, "-03:30"), "-0330 GMT-03:30 GMT-3:30");
    assert_eq!(
        fmt("VV z", ms, "America/New_York"),
        "America/New_York GMT-05:00"
    );
    let en = JavaFormatter::compile("z zzzz EEEE MMMM", &parse_locale("en-US").unwrap()).unwrap();
    assert_eq!(
        en.format(&at(ms, "America/New_York")),
        "EST Eastern Standard Time Friday February"
    );
    let de =
        JavaFormatter::compile("EEEE, d. MMMM yyyy z", &parse_locale("de-DE").unwrap()).unwrap();
    assert_eq!(
        de.format(&at(ms, "Europe/Berlin")),
        "Freitag, 14. Februar 2020 MEZ"
    );
    assert_eq!(fmt("yyyyy uuuu", 253_402_207_199_999, "UTC"), "09999 9999");
}

#[test]
fn zoned_date_time_to_string() {
    assert_eq!(
        zoned_to_java_string(&at(1_581_718_731_000, "UTC")),
        "2020-02-14T22:18:51Z[UTC]"
    );
    assert_eq!(
        zoned_to_java_string(&at(1_581_718_731_843, "GMT+2")),
        "2020-02-15T00:18:51.843+02:00[GMT+02:00]"
    );
    assert_eq!(
        zoned_to_java_string(&at(1_581_718_731_843, "+05:30")),
        "2020-02-15T03:48:51.843+05:30"
    );
    let micros = jiff::Timestamp::new(1_581_718_731, 123_456_000)
        .unwrap()
        .to_zoned(z("Z"));
    assert_eq!(zoned_to_java_string(&micros), "2020-02-14T22:18:51.123456Z");
    let nanos = jiff::Timestamp::new(1_581_718_731, 123_456_789)
        .unwrap()
        .to_zoned(z("Z"));
    assert_eq!(
        zoned_to_java_string(&nanos),
        "2020-02-14T22:18:51.123456789Z"
    );
    assert_eq!(
        zoned_to_java_string(&at(-62_135_596_800_000 - 86_400_000, "Z")),
        "0000-12-31T00:00Z"
    );
}

#[test]
fn es_iso8601_parser_first() {
    // ES's Iso8601Parser reads any ZoneId.of text as the zone, java.time would not
    assert_eq!(
        ok("ISO8601", "2020-02-14T22:18:51GMT+1"),
        "2020-02-14T21:18:51.000Z"
    );
    assert_eq!(
        ok("strict_date_optional_time", "2020-02-14T22:18:51.5UTC-0130"),
        "2020-02-14T23:48:51.500Z"
    );
    // java.time would read `GMT` as the zone and ignore the `+0100` offset it also parsed
    assert_eq!(
        ok("ISO8601", "2020-02-14T22:18:51GMT+0100"),
        "2020-02-14T21:18:51.000Z"
    );
    assert_eq!(
        ok("ISO8601", "2020-02-14T22:18:51.123456789+01"),
        "2020-02-14T21:18:51.123Z"
    );
    assert_eq!(
        ok("ISO8601", "-0001-02-14T22:18:51Z"),
        "0002-02-14T22:18:51.000Z" /* year -1 printed as year-of-era */
    );
    assert!(
        ok_err("ISO8601", "2020-02-30T22:18:51Z").contains("Invalid date")
            || ok_err("ISO8601", "2020-02-30T22:18:51Z").contains("failed")
    );
    assert!(ok_err("strict_date_time", "2020-02-14T22:18:51").contains("failed to parse"));
    assert!(
        ok_err("strict_date_hour_minute_second", "2020-02-14T22:18:51Z")
            .contains("failed to parse")
    );
    assert_eq!(
        ok(
            "strict_date_time_no_millis",
            "2020-02-14T22:18:51Europe/Paris"
        ),
        "2020-02-14T21:18:51.000Z"
    );
}

#[test]
fn epoch_formats() {
    assert_eq!(ok("epoch_millis", "-0"), "1970-01-01T00:00:00.000Z");
    assert_eq!(ok("epoch_millis", "123."), "1970-01-01T00:00:00.123Z");
    assert!(ok_err("epoch_millis", "+5").contains("failed to parse"));
    assert!(ok_err("epoch_millis", "-").contains("failed to parse"));
    assert!(ok_err("epoch_millis", "1.1234567").contains("failed to parse"));
    assert_eq!(ok("epoch_second", "-1.25"), "1969-12-31T23:59:58.750Z");
    let neg = jiff::Timestamp::new(-1, 998_500_000)
        .unwrap()
        .to_zoned(z("Z"));
    let millis = JavaFormatter::compile("epoch_millis", &Locale::root()).unwrap();
    let seconds = JavaFormatter::compile("epoch_second", &Locale::root()).unwrap();
    assert_eq!(millis.format(&neg), "-1.5");
    assert_eq!(seconds.format(&neg), "-0.0015");
    assert_eq!(millis.format(&at(-1000, "Z")), "-1000");
    assert_eq!(millis.format(&at(1_588_075_678_123, "Z")), "1588075678123");
}

/// Random inputs through every parse path: errors are fine, panics are not.
#[test]
fn no_panics_on_garbage() {
    let formats = [
        "ISO8601",
        "UNIX",
        "UNIX_MS",
        "TAI64N",
        "strict_date_optional_time||epoch_millis",
        "date_optional_time",
        "basic_date_time",
        "strict_date_time",
        "epoch_second",
        "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        "dd/MMM/yyyy:HH:mm:ss Z",
        "EEE MMM d HH:mm:ss z yyyy",
        "ppH:mm[:ss][.SSS] VV",
        "YYYY-ww-e O x",
        "yyMMddHHmmssSSS G a",
        "uuuu-DDD kk:KK:hh A n N g",
    ];
    let alphabet: Vec<char> = "0123456789-+:.,TZWzUTCGMTEurope/Paris AMPMJanFéb\u{2212}日 \t'[]"
        .chars()
        .collect();
    let mut seed: u64 = 42;
    let mut next = |n: usize| -> usize {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let compiled: Vec<DateFormat> = formats
        .iter()
        .map(|f| DateFormat::compile(f).unwrap())
        .collect();
    let tzs = [z("UTC"), z("Europe/Paris"), z("-05:30")];
    let locales = [
        Locale::root(),
        parse_locale("fr").unwrap(),
        parse_locale("en-US").unwrap(),
    ];
    for i in 0..20_000 {
        let len = next(30);
        let s: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
        let f = &compiled[i % compiled.len()];
        let _ = f.parse_with_year(&s, &tzs[i % 3], &locales[i % 3], 2026);
    }
    // mutations of valid inputs reach deeper
    let seeds = [
        "2020-02-14T22:18:51.843Z",
        "1588075678.123",
        "1588075678123",
        "4000000050d506482dbdf024",
        "2020-02-14T22:18:51.843+01:00",
        "2020-2-4T2:1:3,5GMT+01",
        "20200214T221851.843+0100",
        "2020-02-14T22:18:51.8Europe/Paris",
        "-1.5",
        "2020-02-14T22:18:51.843-05:30",
        "10/Oct/2000:13:55:36 -0700",
        "Fri Feb 14 22:18:51 CET 2020",
        " 9:05:06.123 Europe/Paris",
        "2020-05-3 GMT+5:30 +01",
        "200214221851123 AD PM",
        "2020-045 24:11:11 3600000 5 86399999999999 58000",
    ];
    for i in 0..60_000 {
        let k = i % compiled.len();
        let mut chars: Vec<char> = seeds[k].chars().collect();
        for _ in 0..1 + next(3) {
            let at = next(chars.len() + 1);
            match next(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 if at < chars.len() => chars[at] = alphabet[next(alphabet.len())],
                _ => chars.insert(at, alphabet[next(alphabet.len())]),
            }
        }
        let s: String = chars.into_iter().collect();
        let _ = compiled[k].parse_with_year(&s, &tzs[i % 3], &locales[i % 3], 2026);
    }
    // extreme numbers
    let g = DateFormat::compile("g HH").unwrap();
    for s in [
        "-9223372036854775808 10",
        "9223372036854775807 10",
        "-999999999999 10",
    ] {
        let _ = g.parse_with_year(s, &tzs[0], &locales[0], 2026);
    }
    for s in [
        "99999999999999999999",
        "-9223372036854775808",
        "9223372036854775807",
        "1e400",
        "-1e400",
        "@",
        "@4",
    ] {
        for f in &compiled {
            let _ = f.parse_with_year(s, &tzs[0], &locales[0], 2026);
        }
    }
}
