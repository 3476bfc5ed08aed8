//! Our matching (Oniguruma) against Joni, the regex engine Elasticsearch's grok uses: the expanded
//! expression of every built-in pattern of both sets, and of the unit-test patterns, is run through
//! `tests/oracle/JoniGrok.java` on sample lines, and the matches, captured fields (order, values, types,
//! lists) and conversion errors must agree. Skipped when `java` or Debian's joni/jcodings jars are absent
//! (`apt-get install libjruby-joni-java`).

mod oracle_support;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use ingest_emu::grok::{builtin_pattern_names, EcsCompatibility, Grok};
use ingest_emu::value::Value;

const JARS: [&str; 2] = ["/usr/share/java/joni.jar", "/usr/share/java/jcodings.jar"];
const TRACE: &str = "_ingest._grok_match_index.";

const TEXTS: &[&str] = &[
    r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)""#,
    "Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8",
    "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su 77 ID47 - 'su root' failed",
    "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/ HTTP/1.1\"",
    "  at org.elasticsearch.grok.Grok.toRegex(Grok.java:123)",
    "fe80::1ff:fe23:4567:890a user=alice@example.com id=123e4567-e89b-12d3-a456-426614174000 took 3.5ms",
    "[Wed Oct 11 14:32:52 2000] [error] [client 127.0.0.1] client denied by server configuration",
    "Feb  3 12:34:56 fw1 kernel: IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=10.0.0.1 DST=10.0.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=TCP SPT=1234 DPT=80 WINDOW=29200 RES=0x00 SYN URGP=0",
    "héllo wörld ✓ 42",
];

fn java_available() -> bool {
    if !oracle_support::jdk_available() {
        return false;
    }
    if !JARS.iter().all(|j| Path::new(j).exists()) {
        println!("skipped: joni not found (apt-get install libjruby-joni-java)");
        return false;
    }
    true
}

fn run_joni(lines: &[String]) -> Vec<String> {
    let dir = oracle_support::compile(&["JoniGrok.java"], &JARS);
    let mut child = oracle_support::java(dir.path(), &JARS)
        .arg("JoniGrok")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn encode(v: &Value) -> String {
    match v {
        Value::String(s) => format!("S:{}", s.replace('\n', "\u{4}").replace('\r', "\u{5}")),
        Value::Int(i) => format!("I:{i}"),
        Value::Long(l) => format!("L:{l}"),
        Value::Float(f) => format!(
            "F:{}",
            if f.is_nan() {
                0x7fc0_0000
            } else {
                f.to_bits() as i32
            }
        ),
        Value::Double(d) => format!(
            "D:{}",
            if d.is_nan() {
                0x7ff8_0000_0000_0000
            } else {
                d.to_bits() as i64
            }
        ),
        Value::Bool(b) => format!("B:{b}"),
        Value::List(items) => format!(
            "[{}]",
            items.iter().map(encode).collect::<Vec<_>>().join("\u{3}")
        ),
        other => panic!("unexpected {other:?}"),
    }
}

/// Our result in the oracle's format, plus the pattern index when several patterns are combined.
fn ours(g: &Grok, text: &str) -> (String, Option<usize>) {
    match g.try_match(text) {
        Err(e) => (format!("X:{}", e.reason), None),
        Ok(None) => ("NOMATCH".to_string(), None),
        Ok(Some(m)) => {
            let mut s = "MATCH".to_string();
            for (k, v) in &m.fields {
                s.push('\u{1}');
                s.push_str(k);
                s.push('\u{2}');
                s.push_str(&encode(v));
            }
            (s, Some(m.pattern_index))
        }
    }
}

/// Joni's line with the tracing entry taken out (it is `pattern_index` on our side).
fn split_trace(line: &str) -> (String, Option<usize>) {
    let mut index = None;
    let kept: Vec<&str> = line
        .split('\u{1}')
        .filter(|part| match part.strip_prefix(TRACE) {
            Some(rest) => {
                index = rest.split('\u{2}').next().and_then(|n| n.parse().ok());
                false
            }
            None => true,
        })
        .collect();
    (kept.join("\u{1}"), index)
}

struct Case {
    label: String,
    grok: Grok,
    texts: Vec<String>,
}

fn case(
    label: &str,
    patterns: &[&str],
    defs: &[(&str, &str)],
    ecs: EcsCompatibility,
    texts: &[&str],
) -> Case {
    let p: Vec<String> = patterns.iter().map(|s| s.to_string()).collect();
    let d: Vec<(String, String)> = defs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let grok = Grok::compile(&p, &d, ecs).unwrap_or_else(|e| panic!("{label}: {e}"));
    Case {
        label: label.to_string(),
        grok,
        texts: texts.iter().map(|s| s.to_string()).collect(),
    }
}

fn compare(cases: &[Case]) -> usize {
    let mut lines = Vec::new();
    for c in cases {
        for t in &c.texts {
            lines.push(format!(
                "{}\u{1}{}",
                c.grok.expression(),
                t.replace('\n', "\u{4}").replace('\r', "\u{5}")
            ));
        }
    }
    let joni = run_joni(&lines);
    assert_eq!(joni.len(), lines.len());
    let mut n = 0;
    for c in cases {
        for t in &c.texts {
            let (theirs, their_index) = split_trace(&joni[n]);
            let (mine, my_index) = ours(&c.grok, t);
            assert_eq!(
                mine,
                theirs,
                "{} on {t:?}\nexpression: {}",
                c.label,
                c.grok.expression()
            );
            if their_index.is_some() {
                assert_eq!(my_index, their_index, "{} pattern index on {t:?}", c.label);
            }
            n += 1;
        }
    }
    n
}

#[test]
fn every_builtin_pattern_matches_like_joni() {
    if !java_available() {
        return;
    }
    let mut cases = Vec::new();
    for ecs in [EcsCompatibility::Disabled, EcsCompatibility::V1] {
        for name in builtin_pattern_names(ecs) {
            let label = format!("{ecs:?} {name}");
            let p = vec![format!("%{{{name}:field}}")];
            // S3_ACCESS_LOG does not compile in ecs-v1 (as in Elasticsearch); grok_builtins.rs covers it.
            let Ok(grok) = Grok::compile(&p, &[], ecs) else {
                continue;
            };
            cases.push(Case {
                label,
                grok,
                texts: TEXTS.iter().map(|s| s.to_string()).collect(),
            });
        }
    }
    let n = compare(&cases);
    println!("{n} built-in pattern matches agree with Joni");
}

#[test]
fn capture_rules_match_like_joni() {
    if !java_available() {
        return;
    }
    use EcsCompatibility::{Disabled, V1};
    let cases = vec![
        case(
            "okta user",
            &["%{USER:user.name}"],
            &[],
            Disabled,
            &["username@elastic.co"],
        ),
        case(
            "okta level",
            &["level=%{NOTSPACE:_risk_object.level}"],
            &[],
            Disabled,
            &["{level=LOW}"],
        ),
        case(
            "okta reasons",
            &[
                "reasons=%{DATA:_risk_object.reasons}, %{KEY}",
                "reasons=%{DATA:_risk_object.reasons}$",
            ],
            &[("KEY", "%{NOTSPACE}=")],
            Disabled,
            &[
                "{reasons=Anomalous Device, Anomalous Location, level=HIGH}",
                "reasons=Anomalous Device",
                "x",
            ],
        ),
        case(
            "types",
            &["%{INT:i:int} %{INT:l:long} %{NUMBER:f:float} %{NUMBER:d:double} %{WORD:b:boolean}"],
            &[],
            Disabled,
            &[
                "12 9000000000 1.5 2.25 TRUE",
                "3000000000 1 1 1 x",
                "1 2 3e5 0.1 true",
            ],
        ),
        case("bad int", &["%{WORD:n:int}"], &[], Disabled, &["abc", "12"]),
        case(
            "same name",
            &["%{WORD:a} %{WORD:a}"],
            &[],
            Disabled,
            &["x y"],
        ),
        case(
            "list",
            &["%{WORD:a} %{INT:a} %{NUMBER:a:int}"],
            &[],
            Disabled,
            &["x 1 2"],
        ),
        case(
            "optional list",
            &["%{D1:name}(%{D2:name})?"],
            &[("D1", "[0-9]"), ("D2", "[0-9]")],
            Disabled,
            &["1", "12"],
        ),
        case(
            "order",
            &["(?:%{INT:z}|%{WORD:a}) %{WORD:m}"],
            &[],
            Disabled,
            &["abc def", "12 def"],
        ),
        case(
            "inline",
            &[r"(?<user.id>\d+)-(?<x:n:int>\d+)"],
            &[],
            Disabled,
            &["42-7"],
        ),
        case(
            "leftmost",
            &["b%{INT:n}", "a%{INT:n}"],
            &[],
            Disabled,
            &["a1 b2", "b2 a1", "zz"],
        ),
        case(
            "backref",
            &[r"(?<q>['\x22])%{WORD:w}\k<q>"],
            &[],
            Disabled,
            &["'abc'", "\"abc'"],
        ),
        case(
            "utf8",
            &["%{WORD:w} %{GREEDYDATA:rest}"],
            &[],
            Disabled,
            &["héllo wörld ✓"],
        ),
        case("ecs syslog", &["%{SYSLOGLINE}"], &[], V1, &[TEXTS[1]]),
        case(
            "ecs apache",
            &["%{COMBINEDAPACHELOG}"],
            &[],
            V1,
            &[TEXTS[0]],
        ),
        case(
            "legacy apache",
            &["%{COMBINEDAPACHELOG}"],
            &[],
            Disabled,
            &[TEXTS[0]],
        ),
        case("ecs iptables", &["%{IPTABLES}"], &[], V1, &[TEXTS[7]]),
    ];
    let n = compare(&cases);
    println!("{n} matches agree with Joni");
}

#[test]
fn regex_dialect_matches_like_joni() {
    if !java_available() {
        return;
    }
    use EcsCompatibility::Disabled;
    const MULTI: &str = "first line\nsecond 42\nthird";
    let cases: Vec<(&str, &[&str])> = vec![
        (r"^(?<x>second.*)$", &[MULTI]),
        (r"(?<x>line$)", &[MULTI]),
        (r"\A(?<x>\w+)", &[MULTI]),
        (r"(?<x>\w+)\z", &[MULTI, "a\n"]),
        (r"(?<x>\w+)\Z", &["abc\n", "abc"]),
        (r"(?<x>.+)", &[MULTI]),
        (r"(?m)(?<x>.+)", &[MULTI]),
        (r"(?i)(?<x>SECOND)", &[MULTI]),
        (r"(?i)(?<x>straße)", &["STRASSE", "Straße"]),
        (r"(?<x>\h+)", &["zz 0aF9 zz"]),
        (r"(?<x>[[:alpha:]]+)", &["123 héllo"]),
        (r"(?<x>\p{Alpha}+)", &["123 héllo"]),
        (r"(?<x>\p{Greek}+)", &["abc αβγ"]),
        (r"(?<x>\w+)", &["héllo", "ſK"]),
        (r"(?i)(?<x>\w+)", &["ſK\u{212a}k"]),
        (r"(?i)(?<x>\W+)", &["aſ\u{212a}b"]),
        // Not compared: `(?i)` with `\w` inside a class (`[\w]`), where Oniguruma folds `ſ`/Kelvin in.
        (r"(?<x>\d+)", &["١٢ 34"]),
        (r"(?<x>\s+)", &["a\u{a0}b c"]),
        (r"\b(?<x>\w+)\b", &["é1 ab"]),
        (r"(?<x>a*+a)", &["aaa"]),
        (r"(?<x>(?>a+)b)", &["aaab"]),
        (r"(?<=\$)(?<x>\d+)", &["cost $42"]),
        (r"(?<x>a.*?b)", &["a1b2b"]),
        (r"(?<x>\R)", &["a\r\nb"]),
        (r"(?<x>\X)", &["e\u{301}x"]),
        (r"(?<x>[a-c&&[^b]]+)", &["abcabc"]),
        (r"(?<x>x|)", &["y"]),
        (r"(?<x>\Gab)", &["abab"]),
        (r"(?<y>a)(?<x>\g<y>)", &["aa"]),
        // Not compared: `\uHHHH` (Debian's Joni 2.1 takes it as a literal `u`; Oniguruma as a code point).
        (r"(?<x>\x41\x{42})", &["AB"]),
        (r"(?<x>[\x{4e00}-\x{9fff}]+)", &["abc 中文"]),
    ];
    let mut built = Vec::new();
    for (p, texts) in &cases {
        built.push(case(p, &[p], &[], Disabled, texts));
    }
    let n = compare(&built);
    println!("{n} dialect matches agree with Joni");
}

#[test]
fn regex_compile_errors_like_joni() {
    if !java_available() {
        return;
    }
    // Not compared: variable-length look-behind such as `(?<=a+)b` (Joni rejects it, Oniguruma 6.9 accepts it).
    let patterns = [
        "(a",
        "a)",
        "[a",
        "a{2,1}",
        r"\k<nope>",
        "(?<n>a)\\1",
        "*a",
        "a**",
        "(?~abc)",
        "(?(1)a|b)",
        r"\p{NoSuchProperty}",
        "[b-a]",
        "(?<1a>x)",
        r"[\w-.]",
        "(?<n>a)(?<n>b)\\k<n>",
    ];
    let lines: Vec<String> = patterns.iter().map(|p| format!("{p}\u{1}x")).collect();
    let joni = run_joni(&lines);
    let mut mismatches = Vec::new();
    for (p, j) in patterns.iter().zip(&joni) {
        let ours = Grok::compile(&[p.to_string()], &[], EcsCompatibility::Disabled);
        if ours.is_err() != j.starts_with("ERR:") {
            mismatches.push(format!("{p}: ours {:?}, joni {j}", ours.err()));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
