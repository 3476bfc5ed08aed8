//! Typed grok captures (`:int`, `:long`, `:float`, `:double`, `:boolean`) against the JDK's own parsers,
//! which Elasticsearch's `GrokCaptureType` calls. Skipped when `java` is absent.

mod oracle_support;

use std::io::Write;
use std::process::Stdio;

use ingest_emu::grok::{EcsCompatibility, Grok};
use ingest_emu::value::Value;

const INPUTS: &[&str] = &[
    "0",
    "-0",
    "+5",
    "007",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "",
    " ",
    "-",
    "+",
    "1.5",
    " 2.5f ",
    ".5",
    "5.",
    "-.5e1",
    "1e3",
    "1E-3",
    "1e+3",
    "-Infinity",
    "+Infinity",
    "Infinity",
    "NaN",
    "-NaN",
    "0x1.8p1",
    "0X10P0",
    "0x.8p1d",
    "abc",
    "inf",
    "infinity",
    "1e",
    "1,5",
    "3.4028235E38",
    "3.5e38",
    "1e-50",
    "1.4e-45",
    "0.1",
    "0.30000000000000004",
    "123456789012345678901234567890",
    "1_000",
    "12abc",
    "1.0d",
    "1.0F",
    " 7",
    "7 ",
    "\t3\t",
    "true",
    "TRUE",
    "True",
    "yes",
    "false",
    "1",
];

fn java_lines() -> Option<Vec<String>> {
    if !oracle_support::jdk_available() {
        return None;
    }
    let dir = oracle_support::compile(&["GrokNumbers.java"], &[]);
    let mut child = oracle_support::java(dir.path(), &[])
        .arg("GrokNumbers")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for input in INPUTS {
            writeln!(stdin, "{input}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

fn ours(kind: &str, input: &str) -> String {
    // An inline group named NAME:field:type goes through GrokCaptureConfig like %{NAME:field:type}.
    let pattern = format!(r"\A(?<X:v:{kind}>.*)\z");
    let g = Grok::compile(&[pattern], &[], EcsCompatibility::Disabled).unwrap();
    match g.try_match(input) {
        Err(e) => {
            assert_eq!(e.es_type, "number_format_exception");
            format!("NFE:{}", e.reason)
        }
        Ok(None) => panic!("no match for {input:?}"),
        Ok(Some(m)) => match &m.fields[0].1 {
            Value::Int(i) => i.to_string(),
            Value::Long(l) => l.to_string(),
            Value::Float(f) => (f.to_bits() as i32).to_string(),
            Value::Double(d) => (d.to_bits() as i64).to_string(),
            Value::Bool(b) => b.to_string(),
            other => panic!("unexpected {other:?}"),
        },
    }
}

fn canonical_nan(kind: &str, s: &str) -> String {
    // Java's floatToIntBits / doubleToLongBits collapse every NaN to one canonical pattern.
    match kind {
        "float" if f32::from_bits(s.parse::<i32>().map(|v| v as u32).unwrap_or(0)).is_nan() => {
            "NaN".into()
        }
        "double" if f64::from_bits(s.parse::<i64>().map(|v| v as u64).unwrap_or(0)).is_nan() => {
            "NaN".into()
        }
        _ => s.to_string(),
    }
}

#[test]
fn typed_captures_match_the_jdk() {
    let Some(lines) = java_lines() else { return };
    assert_eq!(lines.len(), INPUTS.len());
    let kinds = ["int", "long", "float", "double", "boolean"];
    let mut checked = 0;
    for (input, line) in INPUTS.iter().zip(&lines) {
        let java: Vec<&str> = line.split('\u{1}').collect();
        for (i, kind) in kinds.iter().enumerate() {
            let expected = canonical_nan(kind, java[i]);
            let got = canonical_nan(kind, &ours(kind, input));
            assert_eq!(got, expected, "{kind} of {input:?}");
            checked += 1;
        }
    }
    println!("{checked} conversions agree with the JDK");
}
