//! Java iteration order of HashMap / HashSet, checked against a real JVM (skipped without `java`).

mod oracle_support;

use ingest_emu::value::{CollectionKind, Map, Set, Value};
use std::io::Write;
use std::process::Stdio;

/// Deterministic pseudo-random keys, including non-ASCII ones.
fn key_sets() -> Vec<Vec<String>> {
    let mut state: u64 = 0x9E3779B97F4A7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet: Vec<char> = "abcXYZ019 -_.éü日".chars().collect();
    (0..300)
        .map(|i| {
            let n = 1 + (i % 40);
            let mut keys: Vec<String> = Vec::new();
            while keys.len() < n {
                let len = 1 + (next() % 12) as usize;
                let k: String = (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect();
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            keys
        })
        .collect()
}

#[test]
fn hash_map_and_hash_set_copy_order_match_java() {
    if !oracle_support::jdk_available() {
        return;
    }
    let dir = oracle_support::compile(&["HashOrderOracle.java"], &[]);
    let sets = key_sets();
    let mut child = oracle_support::java(dir.path(), &[])
        .arg("HashOrderOracle")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for keys in &sets {
            writeln!(stdin, "{}", keys.join("\t")).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut mismatches = 0;
    for (keys, line) in sets.iter().zip(text.lines()) {
        let (map_order, set_order) = line.split_once('|').unwrap();
        let mut m = Map::new();
        let mut s = Set::new(CollectionKind::Tree);
        for k in keys {
            m.insert(k.clone(), Value::Int(1));
            s.add(Value::from(k.as_str()));
        }
        let ours_map: Vec<&str> = m.java_keys().into_iter().map(String::as_str).collect();
        let ours_set: Vec<String> = s
            .hash_order_items()
            .iter()
            .map(|v| v.to_java_string())
            .collect();
        if ours_map.join("\t") != map_order || ours_set.join("\t") != set_order {
            mismatches += 1;
            eprintln!("keys {keys:?}\n java map {map_order}\n ours {ours_map:?}\n java set {set_order}\n ours {ours_set:?}");
        }
    }
    assert_eq!(sets.len(), text.lines().count());
    assert_eq!(mismatches, 0);
}
