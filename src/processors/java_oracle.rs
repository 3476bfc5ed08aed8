//! Runs the small Java programs under `tests/oracle/` as oracles for Java library behaviour
//! (`java.net.URI`, `java.util.regex`). Tests skip when no JDK is installed.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Compiles `tests/oracle/<class>.java` into a temp dir, runs it with `input` on stdin and returns
/// its stdout; None (after printing "skipped: java not found") without a JDK.
pub fn run(class: &str, input: &str) -> Option<String> {
    let have = |tool: &str| {
        Command::new(tool)
            .arg("-version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    };
    if !have("java") || !have("javac") {
        println!("skipped: java not found");
        return None;
    }
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/oracle/{class}.java"));
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new("javac")
        .arg("-d")
        .arg(dir.path())
        .arg(&source)
        .status()
        .expect("javac runs");
    assert!(status.success(), "javac failed for {}", source.display());
    let mut child = Command::new("java")
        // many exceptions from one hot site would otherwise lose their messages
        .arg("-XX:-OmitStackTraceInFastThrow")
        .arg("-cp")
        .arg(dir.path())
        .arg(class)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("java runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write input");
    let out = child.wait_with_output().expect("java output");
    assert!(out.status.success(), "oracle {class} failed");
    Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
}
