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

/// Engine cost without cache hits: every input is new to the parser (ES caches 1000 entries).
fn bench_uncached(c: &mut Criterion) {
    let parser = ingest_emu::useragent::UserAgentParser::bundled();
    let agents = [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:72.0) Gecko/20100101 Firefox/72.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "Okta Verify/8.2.0 (iPhone; iOS 16.5; Scale/3.00)",
        "curl/8.4.0",
    ];
    let mut i = 0;
    c.bench_function("user_agent parse (no cache)", |b| {
        b.iter(|| {
            i = (i + 1) % agents.len();
            parser.parse_uncached(agents[i])
        })
    });
    let dbs = ingest_emu::geoip::GeoIpDatabases::embedded();
    let city = dbs
        .get("GeoLite2-City.mmdb")
        .expect("embedded city database");
    let props = city.parse_properties(None).expect("default properties");
    // 65536 distinct addresses cycle through a 1000-entry cache, so it cannot answer.
    let mut n: u32 = 0;
    c.bench_function("geoip city lookup (no cache)", |b| {
        b.iter(|| {
            n = n.wrapping_add(1);
            let ip = format!("81.2.{}.{}", (n >> 8) % 256, n % 256);
            city.lookup(&ip, &props)
        })
    });
}

criterion_group!(benches, bench, bench_uncached);
criterion_main!(benches);
