//! Every built-in pattern of both sets compiles through our compiler, and a sample of them matches real
//! inputs with the field names and types Elasticsearch produces (legacy names vs ecs-v1 dotted names).

use ingest_emu::grok::{builtin_pattern_names, EcsCompatibility, Grok};
use ingest_emu::value::Value;

const SETS: [EcsCompatibility; 2] = [EcsCompatibility::Disabled, EcsCompatibility::V1];

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn grok(pattern: &str, ecs: EcsCompatibility) -> Grok {
    Grok::compile(&[pattern.to_string()], &[], ecs)
        .unwrap_or_else(|e| panic!("{ecs:?} {pattern}: {e}"))
}

fn fields(pattern: &str, ecs: EcsCompatibility, text: &str) -> Vec<(String, Value)> {
    grok(pattern, ecs)
        .try_match(text)
        .unwrap_or_else(|e| panic!("{ecs:?} {pattern}: {e}"))
        .unwrap_or_else(|| panic!("{ecs:?} {pattern} does not match {text:?}"))
        .fields
}

fn f(list: &[(&str, Value)]) -> Vec<(String, Value)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// Built-ins that do not compile in Elasticsearch either: its ecs-v1 dotted-name conversion damaged their
/// regex brackets (`ES_EDITS` in `src/grok/builtin.rs`), e.g. `\%{HTTPDATE:timestamp}\ ` expands to an
/// escaped `\(` followed by an unmatched `)`.
const BROKEN_IN_ES: &[(&str, &str)] = &[
    ("S3_ACCESS_LOG", "unmatched close parenthesis"),
    ("EXIM_REMOTE_HOST", "unmatched close parenthesis"),
    ("EXIM_NAMED_FIELDS", "unmatched close parenthesis"),
    ("EXIM_MESSAGE_ARRIVAL", "unmatched close parenthesis"),
    ("EXIM", "unmatched close parenthesis"),
    ("CISCOFW106023", "premature end of char-class"),
    ("CISCOFW106100_2_3", "premature end of char-class"),
    ("CISCOFW106100", "premature end of char-class"),
];

#[test]
fn every_builtin_pattern_compiles_in_both_sets() {
    let mut count = 0;
    for ecs in SETS {
        let names = builtin_pattern_names(ecs);
        assert!(names.len() > 300, "{ecs:?}: only {} patterns", names.len());
        let mut broken = Vec::new();
        for name in names {
            match Grok::compile(&[format!("%{{{name}}}")], &[], ecs) {
                Ok(_) => {
                    grok(&format!("%{{{name}:field}}"), ecs);
                    count += 1;
                }
                Err(e) => broken.push((name, e)),
            }
        }
        let expected: Vec<(&str, String)> = match ecs {
            EcsCompatibility::Disabled => Vec::new(),
            EcsCompatibility::V1 => BROKEN_IN_ES
                .iter()
                .map(|(n, e)| (*n, e.to_string()))
                .collect(),
        };
        let mut broken_sorted = broken.clone();
        broken_sorted.sort();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort();
        assert_eq!(broken_sorted, expected_sorted, "{ecs:?}");
    }
    eprintln!("compiled {count} built-in patterns");
}

#[test]
fn ecs_v1_cisco_burst_object_field_keeps_es_bracket() {
    // ES ecs-v1/firewalls CISCOFW733100 reads `\\s*%{DATA:[cisco.asa.burst.object}\s*\]`.
    let line = r"\ Some-Obj ] drop rate-1 exceeded. Current burst rate is 5 per second, max configured rate is 4; Current average rate is 3 per second, max configured rate is 2; Cumulative total count is 1";
    let got = fields("%{CISCOFW733100}", EcsCompatibility::V1, line);
    assert_eq!(
        got[0],
        ("[cisco.asa.burst.object".to_string(), s(" Some-Obj"))
    );
}

#[test]
fn ecs_v1_squid_bytes_is_long() {
    let line = "1525344856.899 16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT logs.example.com:443 - HIER_DIRECT/10.0.0.1 -";
    let got = fields("%{SQUID3}", EcsCompatibility::V1, line);
    assert!(
        got.contains(&("http.response.bytes".to_string(), Value::Long(6256))),
        "{got:?}"
    );
    assert!(
        got.contains(&("squid.request.duration".to_string(), Value::Int(16867))),
        "{got:?}"
    );
}

/// Whole-value matches of simple patterns: the same in both sets.
#[test]
fn simple_patterns_match_whole_values() {
    let cases: &[(&str, &str)] = &[
        ("IP", "10.1.2.3"),
        ("IPV4", "192.168.0.255"),
        ("IPV6", "2001:db8::1"),
        ("IPV6", "fe80::1ff:fe23:4567:890a%eth0"),
        ("IPV6", "::ffff:10.0.0.1"),
        ("HOSTNAME", "www.elastic.co"),
        ("IPORHOST", "localhost"),
        ("TIMESTAMP_ISO8601", "2024-03-01T12:34:56.789+01:00"),
        ("TIMESTAMP_ISO8601", "2024-03-01 12:34:56,789Z"),
        ("HTTPDATE", "10/Oct/2000:13:55:36 -0700"),
        ("SYSLOGTIMESTAMP", "Oct  1 22:14:15"),
        ("DATESTAMP", "11/10/2023 22:14:15"),
        ("INT", "-42"),
        ("NUMBER", "3.14"),
        ("BASE16NUM", "0xdeadBEEF"),
        ("WORD", "hello_1"),
        ("USERNAME", "john.doe-1"),
        ("EMAILADDRESS", "john.doe@example.com"),
        ("UUID", "123e4567-e89b-12d3-a456-426614174000"),
        ("MAC", "00:1A:2b:3c:4D:5e"),
        ("MAC", "0012.3456.789a"),
        ("PATH", "/var/log/messages"),
        ("PATH", r"C:\Windows\system32"),
        ("LOGLEVEL", "WARNING"),
        ("QS", r#""a \"quoted\" string""#),
        ("MONTH", "September"),
        ("DAY", "Tuesday"),
        ("TZ", "UTC"),
        ("URN", "urn:isbn:0451450523"),
    ];
    for ecs in SETS {
        for (name, text) in cases {
            let got = fields(&format!("^%{{{name}:v}}$"), ecs, text);
            assert_eq!(got, f(&[("v", s(text))]), "{ecs:?} {name}");
        }
    }
}

#[test]
fn uri_legacy_captures_port_ecs_v1_does_not() {
    let uri = "https://user:pw@example.com:8443/a/b.html?x=1&y=2";
    // legacy URIHOST is %{IPORHOST}(?::%{POSINT:port})?; ecs-v1 drops the capture.
    assert_eq!(
        fields("^%{URI:v}$", EcsCompatibility::Disabled, uri),
        f(&[("v", s(uri)), ("port", s("8443"))])
    );
    assert_eq!(
        fields("^%{URI:v}$", EcsCompatibility::V1, uri),
        f(&[("v", s(uri))])
    );
}

#[test]
fn simple_patterns_reject_bad_values() {
    let cases: &[(&str, &str)] = &[
        ("IPV4", "256.1.1.1"),
        ("IP", "1.2.3"),
        ("INT", "abc"),
        ("UUID", "123e4567-e89b-12d3-a456"),
        ("TIMESTAMP_ISO8601", "2024-13-01T00:00:00Z"),
    ];
    for ecs in SETS {
        for (name, text) in cases {
            let g = grok(&format!("^%{{{name}:v}}$"), ecs);
            assert!(
                g.try_match(text).unwrap().is_none(),
                "{ecs:?} {name} should not match {text}"
            );
        }
    }
}

const APACHE_COMBINED: &str = r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)""#;
const APACHE_COMMON: &str =
    r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326"#;
const SYSLOG: &str =
    "Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8";

#[test]
fn combinedapachelog_legacy() {
    assert_eq!(
        fields(
            "%{COMBINEDAPACHELOG}",
            EcsCompatibility::Disabled,
            APACHE_COMBINED
        ),
        f(&[
            ("clientip", s("127.0.0.1")),
            ("ident", s("-")),
            ("auth", s("frank")),
            ("timestamp", s("10/Oct/2000:13:55:36 -0700")),
            ("verb", s("GET")),
            ("request", s("/apache_pb.gif")),
            ("httpversion", s("1.0")),
            ("response", s("200")),
            ("bytes", s("2326")),
            ("referrer", s("\"http://www.example.com/start.html\"")),
            ("agent", s("\"Mozilla/4.08 [en] (Win98; I ;Nav)\"")),
        ])
    );
}

#[test]
fn combinedapachelog_ecs_v1() {
    assert_eq!(
        fields(
            "%{COMBINEDAPACHELOG}",
            EcsCompatibility::V1,
            APACHE_COMBINED
        ),
        f(&[
            ("source.address", s("127.0.0.1")),
            ("user.name", s("frank")),
            ("timestamp", s("10/Oct/2000:13:55:36 -0700")),
            ("http.request.method", s("GET")),
            ("url.original", s("/apache_pb.gif")),
            ("http.version", s("1.0")),
            ("http.response.status_code", Value::Int(200)),
            ("http.response.body.bytes", Value::Int(2326)),
            (
                "http.request.referrer",
                s("http://www.example.com/start.html")
            ),
            (
                "user_agent.original",
                s("Mozilla/4.08 [en] (Win98; I ;Nav)")
            ),
        ])
    );
}

#[test]
fn httpd_commonlog_both_sets() {
    assert_eq!(
        fields(
            "%{HTTPD_COMMONLOG}",
            EcsCompatibility::Disabled,
            APACHE_COMMON
        ),
        f(&[
            ("clientip", s("127.0.0.1")),
            ("ident", s("-")),
            ("auth", s("frank")),
            ("timestamp", s("10/Oct/2000:13:55:36 -0700")),
            ("verb", s("GET")),
            ("request", s("/apache_pb.gif")),
            ("httpversion", s("1.0")),
            ("response", s("200")),
            ("bytes", s("2326")),
        ])
    );
    assert_eq!(
        fields("%{HTTPD_COMMONLOG}", EcsCompatibility::V1, APACHE_COMMON),
        f(&[
            ("source.address", s("127.0.0.1")),
            ("user.name", s("frank")),
            ("timestamp", s("10/Oct/2000:13:55:36 -0700")),
            ("http.request.method", s("GET")),
            ("url.original", s("/apache_pb.gif")),
            ("http.version", s("1.0")),
            ("http.response.status_code", Value::Int(200)),
            ("http.response.body.bytes", Value::Int(2326)),
        ])
    );
}

#[test]
fn syslogline_both_sets() {
    let msg = s("'su root' failed for lonvick on /dev/pts/8");
    assert_eq!(
        fields("%{SYSLOGLINE}", EcsCompatibility::Disabled, SYSLOG),
        f(&[
            ("timestamp", s("Oct 11 22:14:15")),
            ("logsource", s("mymachine")),
            ("program", s("su")),
            ("pid", s("123")),
            ("message", msg.clone()),
        ])
    );
    assert_eq!(
        fields("%{SYSLOGLINE}", EcsCompatibility::V1, SYSLOG),
        f(&[
            ("timestamp", s("Oct 11 22:14:15")),
            ("host.hostname", s("mymachine")),
            ("process.name", s("su")),
            ("process.pid", Value::Int(123)),
            ("message", msg),
        ])
    );
}

#[test]
fn syslog5424_ecs_v1() {
    let line = "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su 77 ID47 - 'su root' failed";
    assert_eq!(
        fields("%{SYSLOG5424LINE}", EcsCompatibility::V1, line),
        f(&[
            ("log.syslog.priority", Value::Int(34)),
            ("system.syslog.version", s("1")),
            ("timestamp", s("2003-10-11T22:14:15.003Z")),
            ("host.hostname", s("mymachine.example.com")),
            ("process.name", s("su")),
            ("process.pid", Value::Int(77)),
            ("event.code", s("ID47")),
            ("message", s("'su root' failed")),
        ])
    );
}

#[test]
fn httpd_error_log_ecs_v1() {
    let line = "[Wed Oct 11 14:32:52 2000] [error] [client 127.0.0.1] client denied by server configuration: /export/home/live/ap/htdocs/test";
    assert_eq!(
        fields("%{HTTPD_ERRORLOG}", EcsCompatibility::V1, line),
        f(&[
            ("timestamp", s("Wed Oct 11 14:32:52 2000")),
            ("log.level", s("error")),
            ("source.address", s("127.0.0.1")),
            (
                "message",
                s("client denied by server configuration: /export/home/live/ap/htdocs/test")
            ),
        ])
    );
}

#[test]
fn java_stacktrace_part_legacy() {
    let line = "  at org.elasticsearch.grok.Grok.toRegex(Grok.java:123)";
    assert_eq!(
        fields("%{JAVASTACKTRACEPART}", EcsCompatibility::Disabled, line),
        f(&[
            ("class", s("org.elasticsearch.grok.Grok")),
            ("method", s("toRegex")),
            ("file", s("Grok.java")),
            ("line", s("123")),
        ])
    );
}
