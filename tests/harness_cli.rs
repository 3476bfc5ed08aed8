//! Integration tests of `ingest-emu test` and `ingest-emu diff`, driving the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harness")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A scratch copy of a fixture (tests may modify or regenerate files).
fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    copy_dir(&fixtures().join(name), &root);
    (dir, root)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(cwd: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ingest-emu"));
    cmd.args(args).env_remove("NO_COLOR");
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("binary runs");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(None, args)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn project_layout_passes() {
    let (_tmp, root) = scratch("project");
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for row in [
        "web",
        "access.log",
        "stack.log",
        "events.json",
        "events.ndjson",
        "dropper",
    ] {
        assert!(r.stdout.contains(row), "{row} missing:\n{}", r.stdout);
    }
    assert!(r.stdout.contains("SKIP"), "{}", r.stdout);
    assert!(
        r.stdout.contains("6 tests: 5 passed, 0 failed, 1 skipped"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains('\x1b'),
        "no colours when stdout is not a terminal"
    );
}

#[test]
fn package_layout_passes() {
    let (_tmp, root) = scratch("package");
    let r = run(&["test", s(&root.join("acme"))]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("acme/audit"), "{}", r.stdout);
    assert!(r.stdout.contains("acme/metrics"), "{}", r.stdout);
    assert!(r.stdout.contains("3 tests: 3 passed"), "{}", r.stdout);
}

/// elastic-package appends `routing_rules.yml` to the `default` pipeline as reroute processors;
/// the expected file was checked by hand against ES's `RerouteProcessor`.
#[test]
fn routing_rules_reroute_at_the_end_of_the_default_pipeline() {
    let (_tmp, root) = scratch("routing");
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("router/mixed"), "{}", r.stdout);
    assert!(r.stdout.contains("3/3"), "{}", r.stdout);

    let rules = root.join("router/data_stream/mixed/routing_rules.yml");
    edit(
        &rules,
        "target_dataset: router.alerts",
        "target_dataset: {a: b}",
    );
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(
            "target_dataset in routing_rules.yml has to be a string or an array of strings"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn discovery_accepts_roots_packages_data_streams_and_files() {
    let (_tmp, root) = scratch("package");
    let pkg = root.join("acme");
    let ds = pkg.join("data_stream/audit");
    let tests = ds.join("_dev/test/pipeline");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![s(&root).into()], "2 suites, 3 test files, 5 documents"),
        (vec![s(&pkg).into()], "2 suites, 3 test files, 5 documents"),
        (vec![s(&ds).into()], "1 suite, 2 test files, 3 documents"),
        (vec![s(&tests).into()], "1 suite, 2 test files, 3 documents"),
        (
            vec![s(&tests.join("test-audit.log")).into()],
            "1 suite, 1 test file, 2 documents",
        ),
        (
            vec![s(&tests.join("test-audit.log-expected.json")).into()],
            "1 suite, 1 test file, 2 documents",
        ),
    ];
    for (paths, want) in cases {
        let mut args = vec!["test", "--list"];
        args.extend(paths.iter().map(String::as_str));
        let r = run(&args);
        assert_eq!(r.code, 0, "{paths:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stdout.contains(want),
            "{paths:?}: want {want}\n{}",
            r.stdout
        );
    }
    // Entry pipeline and index come from the data stream manifest.
    let r = run(&["test", "--list", s(&pkg)]);
    assert!(r.stdout.contains("entry pipeline `custom`"), "{}", r.stdout);
    assert!(
        r.stdout.contains("_index metrics-acme.metrics-default"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("_index logs-acme.audit-default"),
        "{}",
        r.stdout
    );
    // No PATH: the current directory's package, also from inside it.
    let r = run_in(Some(&pkg), &["test", "--list"]);
    assert!(
        r.stdout.contains("2 suites, 3 test files, 5 documents"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    // Inside a data stream: that data stream.
    let r = run_in(Some(&ds), &["test"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("2 tests: 2 passed"), "{}", r.stdout);
    // Deeper inside a package: the whole package.
    let r = run_in(Some(&ds.join("elasticsearch")), &["test"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("3 tests: 3 passed"), "{}", r.stdout);
}

#[test]
fn discovery_of_the_project_layout() {
    let (_tmp, root) = scratch("project");
    let r = run(&["test", "--list", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("access.log: 3 documents"), "{}", r.stdout);
    // multiline.first_line_pattern joins 6 lines into 3 documents
    assert!(r.stdout.contains("stack.log: 3 documents"), "{}", r.stdout);
    assert!(
        r.stdout.contains("events.json: 2 documents"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("events.ndjson: 2 documents"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("skipped.log: 0 documents (skipped: the upstream format changed)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("2 suites, 6 test files, 12 documents"),
        "{}",
        r.stdout
    );
    let r = run(&["test", "--list", s(&root.join("test_data/web"))]);
    assert!(
        r.stdout.contains("1 suite, 5 test files, 10 documents"),
        "{}",
        r.stdout
    );
    let r = run(&["test", "--list", s(&root.join("pipelines/dropper"))]);
    assert!(
        r.stdout.contains("1 suite, 1 test file, 2 documents"),
        "{}",
        r.stdout
    );
    let r = run_in(Some(&root), &["test"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn generate_round_trip_in_both_layouts() {
    let (_tmp, root) = scratch("project");
    std::fs::remove_dir_all(root.join("expected")).unwrap();
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 1, "missing expected files fail:\n{}", r.stdout);
    assert!(r.stdout.contains("run with --generate"), "{}", r.stdout);
    // nothing was compared, so the table claims no matches
    assert!(!r.stdout.contains(" 2/2 "), "{}", r.stdout);
    let r = run(&["test", "--generate", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("generated "), "{}", r.stdout);
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let text = std::fs::read_to_string(root.join("expected/web/access.log-expected.json")).unwrap();
    assert!(text.starts_with("{\n    \"expected\": [\n        {\n            \"@timestamp\""));
    assert!(text.ends_with("\n    ]\n}\n"));
    // project layout: no HTML escaping; YAML 1.0 reaches Elasticsearch as 1 (Go JSON encoding)
    assert!(text.contains(r#""path": "/a?x=<b>&y=1""#), "{text}");
    assert!(text.contains("\"ratio\": 1,"), "{text}");
    assert!(text.contains("\"env\": \"test\""), "{text}");
    let dropped =
        std::fs::read_to_string(root.join("expected/dropper/one.ndjson-expected.json")).unwrap();
    assert_eq!(
        dropped,
        "{\n    \"expected\": [\n        null,\n        null\n    ]\n}\n"
    );

    let (_tmp2, root) = scratch("package");
    let tests = root.join("acme/data_stream/audit/_dev/test/pipeline");
    std::fs::remove_file(tests.join("test-audit.log-expected.json")).unwrap();
    let r = run(&["test", "--generate", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let text = std::fs::read_to_string(tests.join("test-audit.log-expected.json")).unwrap();
    // format_version 2.11.0 < 2.12.0: <, > and & are escaped
    assert!(
        text.contains(r#""note": "a\u003cb \u0026 c\u003ed""#),
        "{text}"
    );
    assert_eq!(
        text,
        std::fs::read_to_string(fixtures().join(
            "package/acme/data_stream/audit/_dev/test/pipeline/test-audit.log-expected.json"
        ))
        .unwrap()
    );
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn broken_pipeline_diff_names_field_and_processor() {
    let (_tmp, root) = scratch("project");
    edit(
        &root.join("pipelines/web/default.yml"),
        "      value: event\n",
        "      value: alert\n",
    );
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("document [0] (input line 1):"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains(r#"event.kind: expected "event", got "alert""#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("last changed by [set] tag=set_kind at ")
            && r.stdout
                .contains("pipelines/web/default.yml:8: pipeline [default] processor [1]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("-        \"kind\": \"event\","),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("+        \"kind\": \"alert\","),
        "{}",
        r.stdout
    );
    let normalized = r
        .stdout
        .replace(s(&root), "[ROOT]")
        .lines()
        .map(|l| {
            let l = l.trim_end();
            // the TIME column and the total time vary
            match l.rfind("  ") {
                Some(i) if l.starts_with("web ") => format!("{}  [TIME]", &l[..i]),
                _ => match l.find(" documents, ") {
                    Some(i) => format!("{} documents, [TIME])", &l[..i]),
                    None => l.to_string(),
                },
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("broken_pipeline_output", normalized);

    // Colours on demand; never when NO_COLOR is set and output is piped.
    let r = run(&[
        "test",
        "--color",
        "always",
        s(&root.join("test_data/web/access.log")),
    ]);
    assert!(
        r.stdout
            .contains("\x1b[31m-        \"kind\": \"event\",\x1b[0m"),
        "{}",
        r.stdout
    );
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ingest-emu"));
    let out = cmd
        .args(["test", s(&root.join("test_data/web/access.log"))])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn removed_field_names_the_remove_processor() {
    let (_tmp, root) = scratch("project");
    edit(
        &root.join("pipelines/web/default.yml"),
        "field: web.secret",
        "field: web.path",
    );
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains(r#"web.path: missing (expected "/missing")"#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("removed by [remove] tag=remove_secret"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains(r#"web.secret: unexpected (got "s3cr3t")"#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("last changed by [json] tag=parse_message"),
        "{}",
        r.stdout
    );
}

#[test]
fn array_order_matters_and_numbers_compare_by_value() {
    let (_tmp, root) = scratch("project");
    let expected = root.join("expected/web/access.log-expected.json");
    // 200 -> 200.0 is the same number
    edit(&expected, "\"status\": 200", "\"status\": 200.0");
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    edit(
        &root.join("pipelines/web/default.yml"),
        "        - info\n        - access\n",
        "        - access\n        - info\n",
    );
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(r#"event.type[0]: expected "info", got "access""#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("last changed by [append] tag=append_type"),
        "{}",
        r.stdout
    );
}

#[test]
fn dynamic_fields_are_removed_and_checked() {
    let (_tmp, root) = scratch("project");
    let common = root.join("test_data/web/test-common-config.yml");
    edit(&common, r"'^\d{4}-\d{2}-\d{2}T'", "'^nomatch'");
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(r#"dynamic field "event.ingested" doesn't match the pattern (^nomatch): "#),
        "{}",
        r.stdout
    );
    // Without dynamic_fields the timestamps differ.
    std::fs::write(&common, "").unwrap();
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("event.ingested: expected \""),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("last changed by [set] tag=set_ingested"),
        "{}",
        r.stdout
    );
}

#[test]
fn fields_document_count_and_order() {
    let (_tmp, root) = scratch("project");
    edit(
        &root.join("test_data/web/access.log-config.yml"),
        "labels.env: test",
        "labels.env: prod",
    );
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains(r#"labels.env: expected "test", got "prod""#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("not changed by any processor (the value comes from the input document)"),
        "{}",
        r.stdout
    );
    let (_tmp, root) = scratch("project");
    let input = root.join("test_data/web/events.ndjson");
    std::fs::write(&input, "{\"message\":\"plain\",\"tags\":[\"a\",\"b\"]}\n").unwrap();
    let r = run(&["test", s(&input)]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("document count differs: expected 2, got 1"),
        "{}",
        r.stdout
    );
}

#[test]
fn dropped_documents_are_null_and_explained() {
    let (_tmp, root) = scratch("project");
    std::fs::write(
        root.join("expected/dropper/one.ndjson-expected.json"),
        "{\"expected\": [null, {\"a\": 2, \"seen\": true}]}",
    )
    .unwrap();
    let r = run(&["test", s(&root.join("test_data/dropper"))]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("document [1] (input line 2):"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("(document): expected {\"a\":2,\"seen\":true}, got null"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("document dropped by [drop] tag=drop_all at "),
        "{}",
        r.stdout
    );
}

#[test]
fn skip_is_reported() {
    let (_tmp, root) = scratch("project");
    let report = root.join("report.json");
    let r = run(&[
        "test",
        s(&root.join("test_data/web/skipped.log")),
        "--report",
        &format!("json={}", s(&report)),
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("SKIP"), "{}", r.stdout);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let test = &json["suites"][0]["tests"][0];
    assert_eq!(test["status"], "skip");
    assert_eq!(test["skip"]["reason"], "the upstream format changed");
    assert_eq!(test["skip"]["link"], "https://example.com/issues/1");
}

#[test]
fn package_level_skip() {
    let (_tmp, root) = scratch("package");
    let dir = root.join("acme/_dev/test");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.yml"),
        "pipeline:\n  skip:\n    reason: not today\n    link: https://example.com/2\n",
    )
    .unwrap();
    // even broken pipelines are not loaded when skipped
    std::fs::write(
        root.join("acme/data_stream/audit/elasticsearch/ingest_pipeline/default.yml"),
        "processors: [{nope: {}}]\n",
    )
    .unwrap();
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("3 tests: 0 passed, 0 failed, 3 skipped"),
        "{}",
        r.stdout
    );
}

#[test]
fn pipeline_errors_and_error_message_fail() {
    let (_tmp, root) = scratch("errors");
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    // expected file contains the same error.message document: still a failure
    assert!(
        r.stdout
            .contains("document [0] (input line 1): unexpected pipeline error: cannot handle boom"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("document [1] (input line 2): pipeline error"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains(r#""reason": "unable to convert [not a number] to integer""#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("failed in [convert] tag=to_int at "),
        "{}",
        r.stdout
    );
}

#[test]
fn load_errors_exit_2_with_clear_messages() {
    let (_tmp, root) = scratch("broken");
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("ERROR suite bad: the pipelines in "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("default.yml:6: pipeline [default] processor [1]: [bogus_proc] parse_exception: No processor type exists with name [bogus_proc]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("[rename] parse_exception: [field] required property is missing"),
        "{}",
        r.stdout
    );
    // Invalid YAML in a pipeline file
    std::fs::write(root.join("pipelines/bad/default.yml"), "processors: [\n").unwrap();
    let r = run(&["test", s(&root)]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stdout.contains("default.yml"), "{}", r.stdout);
    // Invalid test config
    let (_tmp, root) = scratch("project");
    std::fs::write(
        root.join("test_data/web/access.log-config.yml"),
        "dynamic_fields:\n  a: '('\n",
    )
    .unwrap();
    let r = run(&["test", s(&root.join("test_data/web/access.log"))]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stdout.contains("dynamic_fields.a: invalid regex"),
        "{}",
        r.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let r = run(&["test", "/definitely/not/here"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("path not found: /definitely/not/here"),
        "{}",
        r.stderr
    );
    let r = run(&["test", "--report", "xml", s(&fixtures().join("project"))]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("expected FORMAT=FILE"), "{}", r.stderr);
    let r = run(&["test", "--no-such-flag"]);
    assert_eq!(r.code, 2);
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(Some(tmp.path()), &["test"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no test suites found"), "{}", r.stderr);
}

fn parse_junit(path: &Path) -> (String, Vec<(String, String, Option<String>)>) {
    let text = std::fs::read_to_string(path).unwrap();
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("invalid XML: {e}\n{text}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let mut cases = Vec::new();
    for case in root.descendants().filter(|n| n.has_tag_name("testcase")) {
        let outcome = case.children().find(|c| c.is_element());
        cases.push((
            case.attribute("name").unwrap().to_string(),
            outcome
                .map(|o| o.tag_name().name().to_string())
                .unwrap_or_else(|| "pass".into()),
            outcome.and_then(|o| o.text()).map(str::to_string),
        ));
    }
    (
        format!(
            "tests={} failures={} errors={} skipped={}",
            root.attribute("tests").unwrap(),
            root.attribute("failures").unwrap(),
            root.attribute("errors").unwrap(),
            root.attribute("skipped").unwrap()
        ),
        cases,
    )
}

#[test]
fn junit_and_json_reports_are_valid() {
    let (_tmp, root) = scratch("project");
    let xml = root.join("junit.xml");
    let js = root.join("report.json");
    let r = run(&[
        "test",
        s(&root),
        "--report",
        &format!("junit={}", s(&xml)),
        "--report",
        &format!("json={}", s(&js)),
    ]);
    assert_eq!(r.code, 0);
    let (totals, cases) = parse_junit(&xml);
    assert_eq!(totals, "tests=6 failures=0 errors=0 skipped=1");
    assert_eq!(cases.len(), 6);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&js).unwrap()).unwrap();
    assert_eq!(json["summary"]["passed"], 5);
    assert_eq!(json["summary"]["documents"], 12);

    // A failure whose details contain markup and a control character.
    edit(
        &root.join("pipelines/web/default.yml"),
        "      value: event\n",
        "      value: \"<a & \\x01>\"\n",
    );
    let r = run(&[
        "test",
        s(&root),
        "--report",
        &format!("junit={}", s(&xml)),
        "--report",
        &format!("json={}", s(&js)),
    ]);
    assert_eq!(r.code, 1);
    let (totals, cases) = parse_junit(&xml);
    assert_eq!(totals, "tests=6 failures=4 errors=0 skipped=1");
    let failure = cases.iter().find(|c| c.0 == "access.log").unwrap();
    assert_eq!(failure.1, "failure");
    let text = failure.2.as_deref().unwrap();
    assert!(
        text.contains(r#"event.kind: expected "event", got "<a & \u0001>""#),
        "{text}"
    );
    assert!(
        text.contains("last changed by [set] tag=set_kind"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&js).unwrap()).unwrap();
    let access = json["suites"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["tests"].as_array().unwrap())
        .find(|t| t["test"] == "access.log")
        .unwrap();
    assert_eq!(access["status"], "fail");
    let field = &access["problems"][0]["fields"][0];
    assert_eq!(field["path"], "event.kind");
    assert_eq!(field["expected"], "event");
    assert_eq!(field["actual"], "<a & \u{1}>");
    assert!(field["provenance"]
        .as_str()
        .unwrap()
        .contains("tag=set_kind"));

    // Load errors are <error> elements.
    let (_tmp, root) = scratch("broken");
    let xml = root.join("junit.xml");
    let r = run(&["test", s(&root), "--report", &format!("junit={}", s(&xml))]);
    assert_eq!(r.code, 2);
    let (totals, cases) = parse_junit(&xml);
    assert_eq!(totals, "tests=1 failures=0 errors=1 skipped=0");
    assert_eq!(cases[0].1, "error");
    assert!(cases[0].2.as_deref().unwrap().contains("bogus_proc"));
}

#[test]
fn diff_subcommand() {
    let tmp = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| {
        let p = tmp.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let a = w(
        "a.json",
        r#"{"a":1,"b":{"c":["x","y"]},"t":"2024-01-01T00:00:00Z"}"#,
    );
    let b = w(
        "b.json",
        r#"{"b":{"c":["x","y"]},"a":1.0,"t":"2025-06-01T00:00:00Z"}"#,
    );
    let r = run(&["diff", s(&a), s(&b)]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(r#"t: expected "2024-01-01T00:00:00Z", got "2025-06-01T00:00:00Z""#),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("a: expected"),
        "numbers compare by value:\n{}",
        r.stdout
    );
    assert_eq!(run(&["diff", s(&a), s(&b), "--ignore", "t"]).code, 0);
    assert_eq!(
        run(&["diff", s(&a), s(&b), "--dynamic", r"t=^\d{4}-"]).code,
        0
    );
    let r = run(&["diff", s(&a), s(&b), "--dynamic", "t=^2024"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(
            r#"dynamic field "t" doesn't match the pattern (^2024): 2025-06-01T00:00:00Z"#
        ),
        "{}",
        r.stdout
    );

    let nd = w("a.ndjson", "{\"x\":[1,2]}\n{\"y\":\"z\"}\n");
    let ex = w(
        "b-expected.json",
        "{\"expected\": [{\"x\":[2,1]}, {\"y\":\"z\"}, null]}",
    );
    let r = run(&["diff", s(&ex), s(&nd)]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("document count differs: expected 3, got 2"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("x[0]: expected 2, got 1"), "{}", r.stdout);
    assert!(r.stdout.contains("2 of 3 documents differ"), "{}", r.stdout);
    let same = w(
        "same-expected.json",
        "{\"expected\": [{\"x\":[1,2]}, {\"y\":\"z\"}]}",
    );
    let r = run(&["diff", s(&same), s(&nd)]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let bad = w("bad.json", "{not json\n");
    assert_eq!(run(&["diff", s(&bad), s(&nd)]).code, 2);
    assert_eq!(run(&["diff", s(&a), s(&b), "--dynamic", "t"]).code, 2);
}

#[test]
fn okta_conformance_discovery() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.exists() {
        println!("skipped: ../shared not found");
        return;
    }
    let okta = shared.join("conformance/okta");
    let r = run(&["test", "--list", s(&okta)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("okta/system (elastic-package layout"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("_index logs-okta.system-default"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("1 suite, 1 test file, 25 documents"),
        "{}",
        r.stdout
    );
    // Elastic's own pipeline test passes unmodified: 25 of 25 documents.
    let r = run(&["test", s(&okta)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 passed, 0 failed"), "{}", r.stdout);
    assert!(r.stdout.contains("25 documents"), "{}", r.stdout);
}
