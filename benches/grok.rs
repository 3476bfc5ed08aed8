//! Grok matching throughput on typical log lines (compile once, match many).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ingest_emu::grok::{EcsCompatibility, Grok};

const APACHE: &str = r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)""#;
const SYSLOG: &str =
    "Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8";

fn compile(pattern: &str, ecs: EcsCompatibility) -> Grok {
    Grok::compile(&[pattern.to_string()], &[], ecs).unwrap()
}

fn bench(c: &mut Criterion) {
    let apache_v1 = compile("%{COMBINEDAPACHELOG}", EcsCompatibility::V1);
    let apache_legacy = compile("%{COMBINEDAPACHELOG}", EcsCompatibility::Disabled);
    let syslog_v1 = compile("%{SYSLOGLINE}", EcsCompatibility::V1);
    let okta = Grok::compile(
        &[
            "reasons=%{DATA:_risk_object.reasons}, %{KEY}".to_string(),
            "reasons=%{DATA:_risk_object.reasons}$".to_string(),
        ],
        &[("KEY".to_string(), "%{NOTSPACE}=".to_string())],
        EcsCompatibility::Disabled,
    )
    .unwrap();
    c.bench_function("grok compile COMBINEDAPACHELOG ecs-v1", |b| {
        b.iter(|| compile(black_box("%{COMBINEDAPACHELOG}"), EcsCompatibility::V1))
    });
    c.bench_function("grok match COMBINEDAPACHELOG ecs-v1", |b| {
        b.iter(|| apache_v1.try_match(black_box(APACHE)))
    });
    c.bench_function("grok match COMBINEDAPACHELOG legacy", |b| {
        b.iter(|| apache_legacy.try_match(black_box(APACHE)))
    });
    c.bench_function("grok match SYSLOGLINE ecs-v1", |b| {
        b.iter(|| syslog_v1.try_match(black_box(SYSLOG)))
    });
    c.bench_function("grok match okta reasons", |b| {
        b.iter(|| {
            okta.try_match(black_box(
                "{reasons=Anomalous Device, Anomalous Location, level=HIGH}",
            ))
        })
    });
    c.bench_function("grok no match SYSLOGLINE", |b| {
        b.iter(|| syslog_v1.try_match(black_box(APACHE)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
