//! Compares our bundled user-agent database with Elasticsearch's references in ../shared, and checks the
//! user_agent fields of the Okta conformance documents.

use ingest_emu::useragent::{build_output, Property, UserAgentParser};
use ingest_emu::value::Value;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: ../shared not found");
        None
    }
}

fn agents() -> Vec<String> {
    let text = include_str!("data/user_agents.txt");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn render(p: &UserAgentParser, ua: &str) -> String {
    let d = p.parse_uncached(ua);
    Value::Map(build_output(&d, ua, &Property::ALL, true)).to_json()
}

fn load(path: &Path) -> UserAgentParser {
    let text = std::fs::read_to_string(path).unwrap();
    let device_types = include_str!("../data/user-agent/device_types.yml");
    let p = UserAgentParser::from_yaml("cmp", &text, Some(device_types), 10).unwrap();
    println!(
        "{}: {} patterns needed the Oniguruma fallback",
        path.display(),
        p.fallbacks().len()
    );
    for f in p.fallbacks() {
        println!("  fallback: {} ({})", f.pattern, f.reason);
    }
    p
}

/// User agents where our bundled file may legitimately differ from uap-core e9fd8c6. Our file is
/// uap-core 0.10.0, byte-identical to e9fd8c6, so nothing is expected here.
const KNOWN_DIFFERENCES_E9FD8C6: &[&str] = &[];

#[test]
fn at_least_200_agents() {
    assert!(agents().len() >= 200);
}

#[test]
fn bundled_vs_uap_core_e9fd8c6() {
    let Some(shared) = shared() else { return };
    let theirs = load(&shared.join("data/elasticsearch/user-agent/uap-core-e9fd8c6-regexes.yaml"));
    let ours = UserAgentParser::bundled();
    let mut unexpected = Vec::new();
    for ua in agents() {
        let (a, b) = (render(&ours, &ua), render(&theirs, &ua));
        if a != b {
            println!("DIFF e9fd8c6 {ua}\n  ours:   {a}\n  theirs: {b}");
            if !KNOWN_DIFFERENCES_E9FD8C6.contains(&ua.as_str()) {
                unexpected.push(ua);
            }
        }
    }
    assert!(
        unexpected.is_empty(),
        "unexpected differences: {unexpected:#?}"
    );
}

#[test]
fn bundled_vs_es7_regexes_report() {
    let Some(shared) = shared() else { return };
    let es7 = load(&shared.join("data/elasticsearch/user-agent/regexes.yml"));
    let ours = UserAgentParser::bundled();
    let mut n = 0;
    for ua in agents() {
        let (a, b) = (render(&ours, &ua), render(&es7, &ua));
        if a != b {
            n += 1;
            println!("DIFF es7 {ua}\n  ours: {a}\n  es7:  {b}");
        }
    }
    println!(
        "{n} of {} agents differ between ours and ES 7.x regexes.yml",
        agents().len()
    );
}

#[test]
fn okta_conformance_user_agents() {
    let Some(shared) = shared() else { return };
    let path = shared.join(
        "conformance/okta/data_stream/system/_dev/test/pipeline/test-okta-system-yes-flattened-events.log-expected.json",
    );
    let doc = Value::from_json_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let expected = doc
        .as_map()
        .unwrap()
        .get("expected")
        .unwrap()
        .as_list()
        .unwrap();
    let ours = UserAgentParser::bundled();
    let mut checked = 0;
    for e in expected {
        let Some(ua) = e.as_map().and_then(|m| m.get("user_agent")) else {
            continue;
        };
        let original = ua
            .as_map()
            .unwrap()
            .get("original")
            .unwrap()
            .as_str()
            .unwrap();
        let d = ours.parse(original);
        let got = Value::Map(build_output(&d, original, &Property::ALL, false));
        assert_eq!(got, *ua, "user agent {original}: got {}", got.to_json());
        checked += 1;
    }
    assert!(checked >= 10, "{checked}");
}
