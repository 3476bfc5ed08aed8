//! `painless::api::fdlibm` against the JVM's `StrictMath`, bit for bit (skipped without `java`).
//! tests/oracle/FdlibmOracle.java prints, per function, deterministic inputs and the raw bits of
//! StrictMath's result; every result must have the same bits (any NaN equals any NaN).

mod oracle_support;

use ingest_emu::painless::api::fdlibm;
use std::collections::BTreeMap;

fn unary(name: &str) -> Option<fn(f64) -> f64> {
    Some(match name {
        "asin" => fdlibm::asin,
        "acos" => fdlibm::acos,
        "atan" => fdlibm::atan,
        "exp" => fdlibm::exp,
        "expm1" => fdlibm::expm1,
        "tan" => fdlibm::tan,
        "sin" => fdlibm::sin,
        "cos" => fdlibm::cos,
        "cbrt" => fdlibm::cbrt,
        "sinh" => fdlibm::sinh,
        "cosh" => fdlibm::cosh,
        "tanh" => fdlibm::tanh,
        "log" => fdlibm::log,
        "log10" => fdlibm::log10,
        "log1p" => fdlibm::log1p,
        _ => return None,
    })
}

fn binary(name: &str) -> Option<fn(f64, f64) -> f64> {
    Some(match name {
        "atan2" => fdlibm::atan2,
        "hypot" => fdlibm::hypot,
        "pow" => fdlibm::pow,
        _ => return None,
    })
}

fn bits(hex: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(hex, 16).unwrap())
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

#[test]
fn strict_math_functions_match_java_bit_for_bit() {
    if !oracle_support::jdk_available() {
        return;
    }
    let dir = oracle_support::compile(&["FdlibmOracle.java"], &[]);
    let out = oracle_support::java(dir.path(), &[])
        .arg("FdlibmOracle")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();

    // name -> (cases, differences, first few differences)
    let mut stats: BTreeMap<String, (usize, usize, Vec<String>)> = BTreeMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        let name = parts[0];
        let (got, want, input) = if let Some(f) = unary(name) {
            let x = bits(parts[1]);
            (f(x), bits(parts[2]), format!("{x:e}"))
        } else if let Some(f) = binary(name) {
            let (x, y) = (bits(parts[1]), bits(parts[2]));
            (f(x, y), bits(parts[3]), format!("{x:e}, {y:e}"))
        } else {
            panic!("unknown function in oracle output: {line}");
        };
        let entry = stats.entry(name.to_string()).or_default();
        entry.0 += 1;
        if !same(got, want) {
            entry.1 += 1;
            if entry.2.len() < 5 {
                entry.2.push(format!(
                    "{name}({input}) = {got:e} ({:016x}), java {want:e} ({:016x})",
                    got.to_bits(),
                    want.to_bits()
                ));
            }
        }
    }
    assert_eq!(stats.len(), 18, "functions in the oracle output");
    let mut failed = false;
    for (name, (cases, diffs, examples)) in &stats {
        println!("{name:6} {cases:6} cases, {diffs} differences");
        for e in examples {
            println!("    {e}");
        }
        assert!(*cases >= 20_000, "{name}: only {cases} cases");
        failed |= *diffs > 0;
    }
    assert!(!failed, "results differ from StrictMath (see above)");
}
