//! Our bundled pattern sets against the reference copies of logstash-patterns-core v4.3.1 in
//! `../shared/data/elasticsearch/grok/` (skipped when `../shared` is absent): every pattern name defined
//! there is defined here with the same regex text, modulo ecs-v1's dotted field names and the listed
//! Elasticsearch edits (`ingest_emu::grok::builtin::ES_EDITS`, see `data/grok/PROVENANCE.md`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ingest_emu::grok::builtin::{ES_EDITS, LEGACY_UNLOADED};
use ingest_emu::grok::{
    builtin_pattern, builtin_pattern_files, builtin_pattern_names, parse_pattern_file,
    EcsCompatibility,
};

fn shared_grok_dir() -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.exists() {
        println!("skipped: ../shared not found");
        return None;
    }
    Some(shared.join("data/elasticsearch/grok"))
}

fn folder(ecs: EcsCompatibility) -> &'static str {
    match ecs {
        EcsCompatibility::Disabled => "legacy",
        EcsCompatibility::V1 => "ecs-v1",
    }
}

/// Independent of `builtin::dotted_field_names`: `%{X:[a][b]...` and `(?<[a][b]>` become `a.b`.
fn dotted(text: &str) -> String {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"(%\{\w+:|\(\?<)((?:\[[^\[\]]+\])+)").unwrap());
    re.replace_all(text, |c: &regex::Captures| {
        let inner = &c[2];
        format!("{}{}", &c[1], inner[1..inner.len() - 1].replace("][", "."))
    })
    .into_owned()
}

#[test]
fn vendored_files_are_the_reference_files() {
    let Some(dir) = shared_grok_dir() else { return };
    let mut compared = 0;
    for ecs in [EcsCompatibility::Disabled, EcsCompatibility::V1] {
        let mut ours: HashMap<&str, &str> = builtin_pattern_files(ecs).iter().copied().collect();
        if ecs == EcsCompatibility::Disabled {
            ours.extend(LEGACY_UNLOADED.iter().copied());
        }
        let sub = dir.join(folder(ecs));
        let mut names: Vec<String> = std::fs::read_dir(&sub)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let reference = std::fs::read_to_string(sub.join(&name)).unwrap();
            let Some(mine) = ours.get(name.as_str()) else {
                panic!("{}/{name} is not bundled", folder(ecs));
            };
            if ecs == EcsCompatibility::V1 && name == "bind" {
                // Our registry copy has the later upstream fix of 4.3.1's `[bing]` typo (put back at load).
                assert_eq!(
                    mine.replace("[bind][log][category]", "[bing][log][category]"),
                    reference
                );
                assert_ne!(*mine, reference);
            } else {
                assert_eq!(*mine, reference, "{}/{name}", folder(ecs));
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 44);
}

#[test]
fn every_reference_pattern_is_defined_with_the_same_regex() {
    let Some(dir) = shared_grok_dir() else { return };
    for ecs in [EcsCompatibility::Disabled, EcsCompatibility::V1] {
        // The reference bank, loaded in Elasticsearch's file order (later definitions win).
        let mut expected: HashMap<String, String> = HashMap::new();
        let mut all_reference_names: Vec<String> = Vec::new();
        let sub = dir.join(folder(ecs));
        for entry in std::fs::read_dir(&sub).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for (name, _) in parse_pattern_file(&text) {
                all_reference_names.push(name.to_string());
            }
        }
        for (file, _) in builtin_pattern_files(ecs) {
            let text = std::fs::read_to_string(sub.join(file)).unwrap();
            for (name, pattern) in parse_pattern_file(&text) {
                let pattern = if ecs == EcsCompatibility::V1 {
                    dotted(pattern)
                } else {
                    pattern.to_string()
                };
                expected.insert(name.to_string(), pattern);
            }
        }
        for edit in ES_EDITS.iter().filter(|e| e.set == ecs) {
            let text = expected.entry(edit.name.to_string()).or_default();
            if edit.from.is_empty() {
                *text = edit.to.to_string();
            } else if !text.contains(edit.to) {
                *text = text.replacen(edit.from, edit.to, 1);
            }
        }
        for name in &all_reference_names {
            assert!(
                builtin_pattern(ecs, name).is_some(),
                "{}: {name} missing",
                folder(ecs)
            );
        }
        for (name, text) in &expected {
            assert_eq!(
                builtin_pattern(ecs, name),
                Some(text.as_str()),
                "{}: {name}",
                folder(ecs)
            );
        }
        // Nothing extra either.
        assert_eq!(
            builtin_pattern_names(ecs).len(),
            expected.len(),
            "{}",
            folder(ecs)
        );
    }
}

#[test]
fn dotted_rewrite_leaves_no_bracketed_field_names_in_ecs_v1() {
    // A complete `[segment]` right after the name; ES's damaged `[@metadata.cisco...` (no closing bracket
    // before the next '}') is an ES edit, not a missed rewrite.
    let re = regex::Regex::new(r"(%\{\w+:|\(\?<)\[[^\[\]{}]+\]").unwrap();
    for name in builtin_pattern_names(EcsCompatibility::V1) {
        let p = builtin_pattern(EcsCompatibility::V1, name).unwrap();
        assert!(!re.is_match(p), "{name}: {p}");
    }
}
