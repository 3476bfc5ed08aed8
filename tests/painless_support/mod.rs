//! What the table-driven Painless tests share: running a case list and reporting every failing
//! case at once.

#![allow(dead_code)] // each test binary uses a part

use serde_json::{json, Value as J};

/// Checks every case; `failure` describes a failing one. All failures are reported together.
pub fn assert_cases<C>(cases: &[C], failure: impl Fn(&C) -> Option<String>) {
    let failures: Vec<String> = cases.iter().filter_map(failure).collect();
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// (script, type, value as JSON text), against what `run` (a `run_for_cli` answer) returns.
pub fn check_values(run: impl Fn(&str) -> J, cases: &[(&str, &str, &str)]) {
    assert_cases(cases, |(script, ty, value)| {
        let got = run(script);
        let want: J =
            serde_json::from_str(value).unwrap_or_else(|e| panic!("bad expectation {value}: {e}"));
        (got.get("type") != Some(&json!(ty)) || got.get("value") != Some(&want))
            .then(|| format!("{script}\n   want: {ty} {value}\n   got:  {got}"))
    });
}

/// (script, `caused_by` type, reason) of the error `run` reports.
pub fn check_errors(run: impl Fn(&str) -> J, cases: &[(&str, &str, &str)]) {
    assert_cases(cases, |(script, ty, reason)| {
        let got = run(script);
        let cause = &got["error"]["caused_by"];
        (cause["type"] != json!(ty) || cause["reason"] != json!(reason))
            .then(|| format!("{script}\n   want: {ty}: {reason}\n   got:  {got}"))
    });
}
