//! Per-document cost of the date processor's parsing and printing.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ingest_emu::dates::{format_default_output, parse_locale, parse_timezone, DateFormat};

fn bench(c: &mut Criterion) {
    let utc = parse_timezone("UTC").unwrap();
    let paris = parse_timezone("Europe/Paris").unwrap();
    let root = parse_locale("ROOT").unwrap();
    let cases = [
        ("ISO8601", "2020-02-14T22:18:51.843Z", &utc),
        ("dd/MMM/yyyy:HH:mm:ss Z", "10/Oct/2000:13:55:36 -0700", &utc),
        ("MMM d HH:mm:ss", "Feb 5 12:01:02", &paris),
        ("yyyy-MM-dd HH:mm:ss,SSS", "2020-01-02 03:04:05,678", &paris),
        ("UNIX", "1588075678.123", &utc),
        (
            "strict_date_optional_time||epoch_millis",
            "1588075678123",
            &utc,
        ),
    ];
    for (format, input, tz) in cases {
        let f = DateFormat::compile(format).unwrap();
        c.bench_function(&format!("parse+format {format}"), |b| {
            b.iter(|| format_default_output(&f.parse(black_box(input), tz, &root).unwrap()))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
