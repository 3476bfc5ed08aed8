//! Compares `html_strip` with Lucene's `HTMLStripCharFilter`. Lucene is not a dependency of this
//! project: the test runs when `HTML_STRIP_ORACLE_CP` names the lucene-core and
//! lucene-analysis-common jars (class path syntax), with `HTML_STRIP_ORACLE_JAVA_HOME` for a JDK
//! that can run them; otherwise it is skipped.

use ingest_emu::processors::html_strip::html_strip;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unhex(h: &str) -> String {
    let bytes: Vec<u8> = (0..h.len() / 2)
        .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

const SNIPPETS: &[&str] = &[
    "<p>this <title>is</title> a test",
    "<p><b>test</b></p>",
    "a<br>b<br/>c</br>d<BR >e< br>",
    "<span class=\"x>y\">t</span>",
    "<div id='a'>t</div >",
    "<a href=\"x\" onclick=\"f()\">link</a>",
    "x < y > z",
    "x <  > z",
    "1<2 and 3>2",
    "</p foo>x",
    "<custom-tag>x</custom-tag>",
    "a<!-- c > d -->b",
    "<!DOCTYPE html><p>x",
    "a<?xml version='1.0'?>b",
    "a<script>if (a < b) {}</script>b",
    "a<script type=\"t\"><!-- '</script>' --></script>b",
    "a<style>p > b {}</style>b",
    "<![CDATA[<x>]]>",
    "a<!-- unclosed > x",
    "<b>&lt;&amp;&gt;&nbsp;&eacute;&AMP;&Eacute;</b>",
    "<b>&#65;&#x42;&#X43;&#0;&#1114111;&#1114112;&#x110000;</b>",
    "<b>&#xD83D;&#xDE00;&#55357;&#56832;&#xD800;&#55296;</b>",
    "<b>&amp x &foo; &#; &#x; &</b>",
    "<b>&notin; &notx; &not</b>",
    "<b></b>&amp",
    "<p",
    "x> <p",
    "x> </p",
    "x> <",
    "x> &#65",
    "<a b='c\\'d'>e</a>",
    "<a b=\"c\\\"d\">e</a>",
    "<scripts>x</scripts>y",
    "<brx>y",
    "<img src=x onerror=alert(1)>y",
    "<p>a</p><p>b</p>",
    "<ul><li>one<li>two</ul>",
    "<table><tr><td>1</td></tr></table>",
    "<!--#include file=\"x\" -->y<p>",
    "<a <!--# x --> >y",
    "<:x>y</_z>",
    "<é>y</é>",
    "<1>y</1>",
    "<!>y",
    "<!x--y>z",
    "<![CDATA[a]]b]]>c",
    "&lt;p&gt; no tags > <",
];

const TOKENS: &[&str] = &[
    "<", ">", "/", "p", "b", "br", "script", "style", "&", "amp", ";", "#", "x41", "65", "!--",
    "-->", "'", "\"", " ", "=", "a", "?", "[CDATA[", "]]>", "!", "\\", "span", "é", "\n", "-",
    "id", "lt", "#x", "D83D", "<!--#", "\t", "img", "title", "0", "\u{301}", "·", "١", "\u{a0}",
    "\u{2028}", "_", ":", ".",
];

fn cases() -> Vec<String> {
    let mut out: Vec<String> = SNIPPETS.iter().map(|s| s.to_string()).collect();
    // deterministic pseudo-random token soup
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20000 {
        let mut s = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = 1 + (seed % 24) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
        }
        out.push(s);
    }
    out
}

#[test]
fn html_strip_matches_lucene() {
    let Ok(class_path) = std::env::var("HTML_STRIP_ORACLE_CP") else {
        println!("skipped: HTML_STRIP_ORACLE_CP not set");
        return;
    };
    let bin = |tool: &str| match std::env::var("HTML_STRIP_ORACLE_JAVA_HOME") {
        Ok(home) => Path::new(&home).join("bin").join(tool),
        Err(_) => tool.into(),
    };
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/HtmlStripOracle.java");
    let status = Command::new(bin("javac"))
        .args(["-cp", &class_path, "-d"])
        .arg(dir.path())
        .arg(&src)
        .status()
        .expect("javac");
    assert!(status.success());
    let cp = format!("{}:{class_path}", dir.path().display());
    let mut child = Command::new(bin("java"))
        .args(["-cp", &cp, "HtmlStripOracle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("java");
    let cases = cases();
    let input: String = cases.iter().map(|c| hex(c) + "\n").collect();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let answers: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(unhex)
        .collect();
    assert_eq!(answers.len(), cases.len());
    let mut failures = Vec::new();
    for (case, theirs) in cases.iter().zip(&answers) {
        let ours = html_strip(case);
        if &ours != theirs {
            failures.push(format!(
                "{case:?}\n  ours:   {ours:?}\n  theirs: {theirs:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
