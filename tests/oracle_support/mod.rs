//! What the JDK oracle tests share: finding the JDK, compiling a program from `tests/oracle/`,
//! and starting it.

#![allow(dead_code)] // each test binary uses a part

use std::path::Path;
use std::process::{Command, Stdio};

fn runs(tool: &str) -> bool {
    Command::new(tool)
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether `java` and `javac` both run; prints the skip line when they do not.
pub fn jdk_available() -> bool {
    let found = runs("java") && runs("javac");
    if !found {
        println!("skipped: java not found");
    }
    found
}

/// Compiles `sources` (file names in `tests/oracle/`) against the jars of `classpath` into a
/// fresh directory.
pub fn compile(sources: &[&str], classpath: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let oracle = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle");
    let mut javac = Command::new("javac");
    if !classpath.is_empty() {
        javac.arg("-cp").arg(classpath.join(":"));
    }
    javac.arg("-d").arg(dir.path());
    for source in sources {
        javac.arg(oracle.join(source));
    }
    let out = javac.output().expect("run javac");
    assert!(
        out.status.success(),
        "javac failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// `java` ready to run a class compiled into `dir` (with the jars of `classpath`); the caller
/// adds JVM options, the class and its arguments.
pub fn java(dir: &Path, classpath: &[&str]) -> Command {
    let mut cp = dir.display().to_string();
    for jar in classpath {
        cp.push(':');
        cp.push_str(jar);
    }
    let mut java = Command::new("java");
    // many exceptions from one hot site would otherwise lose their messages
    java.arg("-XX:-OmitStackTraceInFastThrow")
        .arg("-cp")
        .arg(cp);
    java
}
