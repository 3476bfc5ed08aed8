//! Cross-checks numeric promotion, overflow, number formatting, string methods and Java
//! collection iteration order against a real JVM. Each line of `tests/oracle/cases.txt` is run
//! as Painless and, wrapped in a `Supplier`, as Java.

mod oracle_support;

use ingest_emu::painless::Script;
use ingest_emu::value::Map;
use std::path::Path;
use std::process::Command;

fn cases() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/cases.txt"),
    )
    .expect("cases.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn java_source(cases: &[String]) -> String {
    let mut s = String::from(
        "import java.text.Normalizer;\nimport java.time.*;\nimport java.time.format.*;\nimport java.time.temporal.ChronoUnit;\nimport java.util.*;\nimport java.util.function.*;\n@SuppressWarnings({\"unchecked\", \"rawtypes\"})\npublic class Oracle {\n",
    );
    s.push_str(
        r#"  static String show(Object o) {
    if (o == null) return "null\tnull";
    String t = o.getClass().getSimpleName();
    switch (t) {
      case "Integer": t = "int"; break;
      case "Long": t = "long"; break;
      case "Double": t = "double"; break;
      case "Float": t = "float"; break;
      case "Boolean": t = "boolean"; break;
      case "Character": t = "char"; break;
      case "Short": t = "short"; break;
      case "Byte": t = "byte"; break;
      default: break;
    }
    return t + "\t" + String.valueOf(o).replace("\n", "\\n");
  }
  public static void main(String[] args) {
    List<Supplier<Object>> cases = new ArrayList<>();
"#,
    );
    for c in cases {
        s.push_str("    cases.add(() -> { ");
        s.push_str(c);
        s.push_str(" });\n");
    }
    s.push_str(
        r#"    for (Supplier<Object> c : cases) {
      try { System.out.println(show(c.get())); }
      catch (Throwable e) { System.out.println("EXC\t" + e.getClass().getSimpleName()); }
    }
  }
}
"#,
    );
    s
}

#[test]
fn painless_agrees_with_java() {
    if !oracle_support::jdk_available() {
        return;
    }
    let cases = cases();
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("Oracle.java"), java_source(&cases)).expect("write");
    let out = Command::new("javac")
        .arg("-nowarn")
        .arg("-d")
        .arg(dir.path())
        .arg(dir.path().join("Oracle.java"))
        .output()
        .expect("javac");
    assert!(
        out.status.success(),
        "javac: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = oracle_support::java(dir.path(), &[])
        // Elasticsearch's locale data (jvm.options), and the English default ofPattern assumes
        .arg("-Djava.locale.providers=SPI,CLDR")
        .arg("-Duser.language=en")
        .arg("-Duser.country=")
        // java.util.Date prints in the default zone; Elasticsearch's images run in UTC
        .arg("-Duser.timezone=UTC")
        .arg("Oracle")
        .output()
        .expect("java");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let java: Vec<&str> = stdout.lines().collect();
    assert_eq!(java.len(), cases.len(), "java output: {stdout}");
    let mut failures = Vec::new();
    for (case, want) in cases.iter().zip(java.iter()) {
        let got = match Script::compile(case, &Map::new()) {
            Err(e) => format!("COMPILE\t{}", e.message()),
            Ok(s) => match s.evaluate(&mut Map::new()) {
                Ok(ev) => format!(
                    "{}\t{}",
                    ev.type_name,
                    ev.value.to_java_string().replace('\n', "\\n")
                ),
                Err(e) => format!("EXC\t{}", e.cause_class),
            },
        };
        if got != *want {
            failures.push(format!("{case}\n   java:     {want}\n   painless: {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
