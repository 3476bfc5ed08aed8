//! `ingest-emu check`: every error, with file, line and processor position.

use std::process::Command;

fn check(args: &[&std::path::Path]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ingest-emu"))
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

#[test]
fn lists_every_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("default.yml"),
        "processors:\n  - set:\n      field: a\n  - rename:\n      field: b\n      target_field: c\n  - bogus:\n      field: x\n  - set:\n      field: a\n      value: 1\n      unknown_option: 2\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("other.json"),
        r#"{"processors": [{"convert": {"field": "x", "type": "nope"}}]}"#,
    )
    .unwrap();
    let (code, out) = check(&[dir.path()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("default.yml:2: pipeline [default] processor [0]"),
        "{out}"
    );
    assert!(
        out.contains("[value] required property is missing"),
        "{out}"
    );
    assert!(
        out.contains("default.yml:7: pipeline [default] processor [2]"),
        "{out}"
    );
    assert!(
        out.contains("No processor type exists with name [bogus]"),
        "{out}"
    );
    assert!(
        out.contains("default.yml:9: pipeline [default] processor [3]"),
        "{out}"
    );
    assert!(
        out.contains(
            "doesn't support one or more provided configuration parameters [unknown_option]"
        ),
        "{out}"
    );
    assert!(out.contains("pipeline [other] processor [0]"), "{out}");
    assert!(
        out.contains("[type] type [nope] not supported, cannot convert field."),
        "{out}"
    );
    assert!(out.contains("4 error(s) in 2 pipelines"), "{out}");
}

#[test]
fn clean_pipelines_pass() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("default.yml"),
        "processors:\n  - set:\n      field: a\n      value: 1\n",
    )
    .unwrap();
    let (code, out) = check(&[dir.path()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok: 1 pipelines compiled"));
}

#[test]
fn missing_paths_and_bad_yaml_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("default.yml"), "processors: [\n").unwrap();
    let (code, out) = check(&[dir.path(), &dir.path().join("nope")]);
    assert_eq!(code, 1);
    assert!(out.contains("invalid YAML"), "{out}");
    assert!(out.contains("no such file or directory"), "{out}");
}

#[test]
fn upstream_okta_pipelines_compile() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.exists() {
        println!("skipped: ../shared not found");
        return;
    }
    let dir = shared.join("conformance/okta/data_stream/system/elasticsearch/ingest_pipeline");
    let (code, out) = check(&[&dir]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok: 3 pipelines compiled"), "{out}");
}

#[test]
fn reports_bad_grok_dissect_and_date_formats_at_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("default.yml"),
        "processors:\n  - grok:\n      field: m\n      patterns: ['%{NOPE:x}']\n  - dissect:\n      field: m\n      pattern: '%{a'\n  - date:\n      field: t\n      formats: ['yyyy-MM-dd fff']\n",
    )
    .unwrap();
    let (code, out) = check(&[dir.path()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("default.yml:2: pipeline [default] processor [0]"),
        "{out}"
    );
    assert!(out.contains("Unable to find pattern [NOPE]"), "{out}");
    assert!(
        out.contains("default.yml:5: pipeline [default] processor [1]"),
        "{out}"
    );
    assert!(
        out.contains("default.yml:8: pipeline [default] processor [2]"),
        "{out}"
    );
    assert!(out.contains("[formats]"), "{out}");
    assert!(out.contains("3 error(s)"), "{out}");
}

#[test]
fn a_broken_file_does_not_hide_its_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-broken.yml"),
        "processors:\n  - set:\n      field: a\n      value: 1\n   - rename:\n      field: b\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-bad.yml"),
        "processors:\n  - bogus:\n      field: x\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-good.yml"),
        "processors:\n  - set:\n      field: a\n      value: 1\n",
    )
    .unwrap();
    let (code, out) = check(&[dir.path()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("a-broken.yml: pipeline [a-broken]: parse_exception: invalid YAML"),
        "{out}"
    );
    assert!(
        out.contains("b-bad.yml:2: pipeline [b-bad] processor [0]"),
        "{out}"
    );
    assert!(out.contains("2 error(s) in 2 pipelines"), "{out}");
}
