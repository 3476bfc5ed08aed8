//! `ingest-emu painless`: one script (argument or stdin) or `--batch` JSONL, one typed result per
//! script. Outside tooling relies on this output shape.

mod cli_support;

use serde_json::{json, Value as J};

fn painless(args: &[&str], stdin: &str) -> (i32, Vec<J>) {
    let out = cli_support::run_with_stdin(std::iter::once(&"painless").chain(args), stdin);
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    (out.status.code().unwrap_or(-1), lines)
}

#[test]
fn one_script_from_the_argument_or_stdin() {
    let two = json!({"type": "int", "value": 2});
    assert_eq!(painless(&["return 1 + 1"], ""), (0, vec![two.clone()]));
    assert_eq!(painless(&["-"], "return 1 + 1"), (0, vec![two.clone()]));
    assert_eq!(painless(&[], "return 1 + 1"), (0, vec![two]));
    assert_eq!(
        painless(
            &[
                "--params",
                r#"{"a": 2}"#,
                "--ctx",
                r#"{"b": 3}"#,
                "return params.a * ctx.b"
            ],
            ""
        ),
        (0, vec![json!({"type": "int", "value": 6})])
    );
    let (code, out) = painless(&["return x"], "");
    assert_eq!(code, 1);
    assert_eq!(
        out[0]["error"]["caused_by"]["reason"],
        json!("cannot resolve symbol [x]")
    );
}

#[test]
fn batch_answers_every_line_in_order() {
    let input = concat!(
        r#"{"script": "return params.a + ctx.b", "params": {"a": 1}, "ctx": {"b": 2}}"#,
        "\nnot json\n\n",
        r#"{"nope": 1}"#,
        "\n",
        r#"{"script": "return 'x'"}"#,
        "\n"
    );
    let (code, out) = painless(&["--batch"], input);
    assert_eq!(code, 0);
    assert_eq!(out.len(), 4, "{out:?}");
    assert_eq!(out[0], json!({"type": "int", "value": 3}));
    assert_eq!(out[1]["error"]["type"], json!("parse_exception"));
    assert_eq!(
        out[2]["error"]["reason"],
        json!("line 4: missing \"script\"")
    );
    assert_eq!(out[3], json!({"type": "String", "value": "x"}));
}
