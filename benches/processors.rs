//! Per-document throughput of the parsing processors (grok, dissect, kv, date, user_agent, geoip) as a
//! pipeline runs them: compiled once, executed on realistic inputs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ingest_emu::pipeline::{new_document, Definition, Registry, Services};
use ingest_emu::value::{Map, Value};
use std::sync::Arc;

fn registry(yaml: &str) -> Registry {
    let def = Definition::from_text("bench", None, yaml).expect("valid pipeline");
    let (registry, errors) = Registry::build(&[def], Arc::new(Services::default()));
    assert!(errors.is_empty(), "{errors:?}");
    registry
}

fn source(field: &str, text: &str) -> Map {
    let mut m = Map::new();
    m.insert(field, Value::String(text.to_string()));
    m
}

fn bench_one(c: &mut Criterion, name: &str, yaml: &str, input: &str) {
    let registry = registry(yaml);
    let template = source("message", input);
    let mut group = c.benchmark_group("processor");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut doc = new_document(template.clone(), vec![("_index", "i".into())]);
            registry.execute("bench", &mut doc).expect("processes")
        })
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    bench_one(
        c,
        "grok COMBINEDAPACHELOG",
        "processors:\n  - grok:\n      field: message\n      patterns: ['%{COMBINEDAPACHELOG}']\n",
        r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)""#,
    );
    bench_one(
        c,
        "dissect syslog-like",
        "processors:\n  - dissect:\n      field: message\n      pattern: '%{ts->} %{+ts} %{+ts} %{host} %{proc}[%{pid}]: %{msg}'\n",
        "Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8",
    );
    bench_one(
        c,
        "kv okta behaviors",
        "processors:\n  - kv:\n      field: message\n      field_split: ', '\n      value_split: '='\n      target_field: b\n",
        "New Geo-Location=NEGATIVE, New Device=POSITIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, Velocity=POSITIVE, New City=NEGATIVE",
    );
    bench_one(
        c,
        "date ISO8601",
        "processors:\n  - date:\n      field: message\n      formats: [ISO8601]\n",
        "2020-02-14T22:18:51.843Z",
    );
    bench_one(
        c,
        "date java pattern",
        "processors:\n  - date:\n      field: message\n      formats: ['dd/MMM/yyyy:HH:mm:ss Z']\n",
        "10/Oct/2000:13:55:36 -0700",
    );
    bench_one(
        c,
        "user_agent (cache hit)",
        "processors:\n  - user_agent:\n      field: message\n",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:72.0) Gecko/20100101 Firefox/72.0",
    );
    bench_one(
        c,
        "geoip city (cache hit)",
        "processors:\n  - geoip:\n      field: message\n",
        "175.16.199.1",
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
