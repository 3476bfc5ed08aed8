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

#[test]
fn link_files_stand_for_the_pipeline_they_point_to() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("_dev/shared");
    let dir = root
        .path()
        .join("data_stream/ds/elasticsearch/ingest_pipeline");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        shared.join("common.yml"),
        "processors:\n  - set:\n      field: shared\n      value: yes\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("default.yml"),
        "processors:\n  - pipeline:\n      name: '{{ IngestPipeline \"common\" }}'\n",
    )
    .unwrap();
    // elastic-package's format: a path relative to the link's folder, then a checksum
    std::fs::write(
        dir.join("common.yml.link"),
        "../../../../_dev/shared/common.yml 5f0e\n",
    )
    .unwrap();
    let (code, out) = check(&[&dir]);
    assert_eq!((code, out.trim()), (0, "ok: 2 pipelines compiled"));

    std::fs::write(
        dir.join("default.yml.link"),
        "../../../../_dev/shared/common.yml 5f0e\n",
    )
    .unwrap();
    let (code, out) = check(&[&dir]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("pipeline [default] is defined twice"), "{out}");

    std::fs::write(dir.join("default.yml.link"), "missing.yml 5f0e\n").unwrap();
    let (code, out) = check(&[&dir]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("(linked from "), "{out}");
}

#[test]
fn a_call_to_a_pipeline_that_is_not_loaded_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("default.yml"),
        "processors:\n  - set:\n      field: a\n      value: 1\n  - foreach:\n      field: list\n      processor:\n        pipeline:\n          name: '{{ IngestPipeline \"gone\" }}'\n  - pipeline:\n      name: maybe\n      ignore_missing_pipeline: true\n  - pipeline:\n      name: '{{ dynamic }}'\n",
    )
    .unwrap();
    let (code, out) = check(&[dir.path()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("default.yml:5: pipeline [default] processor [1]: [pipeline] parse_exception: calls pipeline [gone]"),
        "{out}"
    );
    assert!(out.contains("1 error(s) in 1 pipelines"), "{out}");
}

#[test]
fn script_errors_say_which_script_where_and_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("default.yml"),
        "processors:\n  - set:\n      field: b\n      value: 2\n      if: \"ctx.a = = 1\"\n  - script:\n      source: |\n        def x = 1;\n        x +== 2;\n",
    )
    .unwrap();
    let (code, out) = check(&[dir.path()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "default.yml:2: pipeline [default] processor [0]: [set] script_exception: compile error \
             in [if] at script line 1, column 9: illegal_argument_exception: invalid sequence of tokens"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "default.yml:6: pipeline [default] processor [1]: [script] script_exception: compile error \
             in [source] at script line 2, column 5: illegal_argument_exception:"
        ),
        "{out}"
    );
}

#[test]
fn a_package_is_checked_for_its_ingest_pipelines_only() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    let stream = pkg.join("data_stream").join("logs");
    let pipelines = stream.join("elasticsearch").join("ingest_pipeline");
    std::fs::create_dir_all(&pipelines).unwrap();
    std::fs::create_dir_all(stream.join("fields")).unwrap();
    std::fs::write(
        pkg.join("manifest.yml"),
        "name: pkg\nformat_version: 3.0.0\n",
    )
    .unwrap();
    std::fs::write(pkg.join("changelog.yml"), "- version: 1.0.0\n").unwrap();
    std::fs::write(stream.join("manifest.yml"), "title: logs\n").unwrap();
    std::fs::write(stream.join("sample_event.json"), r#"{"a": 1}"#).unwrap();
    std::fs::write(
        stream.join("fields").join("fields.yml"),
        "- name: a\n  type: keyword\n",
    )
    .unwrap();
    std::fs::write(
        pipelines.join("default.yml"),
        "processors:\n  - set:\n      field: a\n      value: 1\n",
    )
    .unwrap();
    for path in [&pkg, &dir.path().to_path_buf(), &stream] {
        let (code, out) = check(&[path]);
        assert_eq!(code, 0, "{}: {out}", path.display());
        assert!(out.contains("ok: 1 pipelines compiled"), "{out}");
    }
}
