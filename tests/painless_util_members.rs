//! Allowlisted `java.util` / `java.util.stream` members: `Comparator` statics and default
//! methods, `Collectors`, `Stream.concat`/`reduce`/`collect`, `Collections` and `Arrays`
//! statics. Expectations are JDK 17's output for the same expressions (scripts return
//! `toString()`-style text; `!type` is the `caused_by` type of an error).

use ingest_emu::painless::run_for_cli;
use serde_json::Value as J;

fn check(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (script, want) in cases {
        let got = run_for_cli(script, None, None);
        let ok = match want.strip_prefix('!') {
            Some(ty) => got["error"]["caused_by"]["type"] == J::String(ty.to_string()),
            None => match &got["value"] {
                J::String(s) => s == want,
                J::Null => false,
                other => want.eq(&other.to_string().as_str()),
            },
        };
        if !ok {
            failures.push(format!("{script}\n   want: {want}\n   got:  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn comparator_statics_and_defaults() {
    check(&[
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparingInt(s -> s.length()).reversed()); return a.toString()", "[ccc, bb, dd, a]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.add(null); a.sort(Comparator.nullsFirst(Comparator.naturalOrder())); return a.toString()", "[null, a, bb, ccc, dd]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparing(s -> s.length(), Comparator.reverseOrder())); return a.toString()", "[ccc, bb, dd, a]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.add(null); a.sort(Comparator.nullsLast(Comparator.naturalOrder()).reversed()); return a.toString()", "[null, dd, ccc, bb, a]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.add(null); a.add(1, null); a.sort(Comparator.nullsLast(null)); return a.toString()", "[ccc, bb, dd, a, null, null]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparingLong(s -> s.length()).thenComparing(Comparator.reverseOrder())); return a.toString()", "[a, dd, bb, ccc]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.naturalOrder().thenComparingInt(s -> s.length())); return a.toString()", "[a, bb, ccc, dd]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparingDouble(s -> -s.length()).thenComparing(s -> s.charAt(0), Comparator.reverseOrder())); return a.toString()", "[ccc, dd, bb, a]"),
        ("return Comparator.comparingDouble(d -> d).compare(-0.0, 0.0)", "-1"),
        ("return Comparator.comparingDouble(d -> d).compare(Double.NaN, 1.0)", "1"),
        ("return Comparator.comparingInt(i -> i).compare(5, 3)", "1"),
        ("return Comparator.comparing(s -> s, (a, b) -> 42).compare('x', 'y')", "42"),
        ("List a = new ArrayList(['b', null, 'a', null, 'c']); a.sort(Comparator.nullsFirst(Comparator.naturalOrder()).thenComparing(Comparator.reverseOrder())); return a.toString()", "[null, null, a, b, c]"),
        ("List a = new ArrayList(['bb', null, 'a', 'cc', null]); a.sort(Comparator.nullsLast(Comparator.comparingInt(s -> s.length())).thenComparingLong(s -> s.charAt(0)).reversed()); return a.toString()", "[null, null, cc, bb, a]"),
        ("return Comparator.comparingInt(null)", "!null_pointer_exception"),
        ("return Comparator.naturalOrder().thenComparing(null)", "!null_pointer_exception"),
        ("return Comparator.nullsFirst(Comparator.naturalOrder()).compare(null, null)", "0"),
        ("return Comparator.nullsFirst(null).compare('a', 'b')", "0"),
        ("List a = new ArrayList([3, 1, 2]); a.sort(Comparator.comparingLong(i -> i * 1L).thenComparingDouble(i -> i).reversed()); return a.toString()", "[3, 2, 1]"),
        ("return Comparator.comparingInt(s -> s.length()).thenComparingInt(s -> s.charAt(0)).compare('ab', 'ac')", "0"),
    ]);
}
