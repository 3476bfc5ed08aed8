//! Reports: the human summary table, JUnit XML and JSON.

use super::diff::{render_problem, Style};
use super::runner::{CaseResult, Problem, Status, SuiteResult};
use serde_json::json;
use std::time::Duration;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub tests: usize,
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub errors: usize,
    /// Suites whose pipelines did not load.
    pub suite_errors: usize,
    pub documents: usize,
}

pub fn totals(results: &[SuiteResult]) -> Totals {
    let mut t = Totals::default();
    for s in results {
        if !s.errors.is_empty() {
            t.suite_errors += 1;
        }
        for c in &s.cases {
            t.tests += 1;
            t.documents += c.documents;
            match c.status {
                Status::Pass => t.passed += 1,
                Status::Fail => t.failed += 1,
                Status::Skip => t.skipped += 1,
                Status::Error => t.errors += 1,
            }
        }
    }
    t
}

pub fn format_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1000.0 {
        format!("{ms:.0}ms")
    } else {
        format!("{:.2}s", ms / 1000.0)
    }
}

/// Everything a failing case has to say, rendered.
pub fn case_details(c: &CaseResult, style: Style) -> String {
    let mut out = String::new();
    for p in &c.problems {
        out.push_str(&render_problem(p, style));
    }
    out
}

/// One-line reason for a failing or erroring case.
pub fn case_reason(c: &CaseResult) -> String {
    if let Some(skip) = &c.skip {
        return format!("{} ({})", skip.reason, skip.link);
    }
    let docs = c
        .problems
        .iter()
        .filter(|p| matches!(p, Problem::Doc(_)))
        .count();
    let first = c.problems.iter().find_map(|p| match p {
        Problem::Error(m) | Problem::Failure(m) => Some(m.clone()),
        Problem::Count { expected, actual } => Some(format!(
            "document count differs: expected {expected}, got {actual}"
        )),
        Problem::PipelineError { index, error, .. } => Some(format!(
            "document [{index}] failed in the pipeline: {}",
            error
                .get("reason")
                .and_then(|r| r.as_str())
                .unwrap_or("error")
        )),
        Problem::UnexpectedError { index, message, .. } => Some(format!(
            "document [{index}]: unexpected pipeline error: {message}"
        )),
        Problem::Dynamic { index, field, .. } => Some(format!(
            "document [{index}]: dynamic field \"{field}\" doesn't match its pattern"
        )),
        Problem::Doc(_) => None,
    });
    match (first, docs) {
        (Some(m), 0) => m,
        (Some(m), n) => format!("{m}; {n} document(s) differ"),
        (None, n) => {
            format!("Expected results are different from actual ones ({n} document(s) differ)")
        }
    }
}

/// The human summary table.
pub fn table(results: &[SuiteResult], style: Style) -> String {
    let mut rows: Vec<[String; 5]> = vec![[
        "SUITE".into(),
        "TEST".into(),
        "MATCHED".into(),
        "RESULT".into(),
        "TIME".into(),
    ]];
    let mut statuses = vec![None];
    for s in results {
        for c in &s.cases {
            rows.push([
                c.suite.clone(),
                c.test.clone(),
                match (c.status, c.matched()) {
                    (Status::Skip, _) | (_, None) => format!("-/{}", c.documents),
                    (_, Some(m)) => format!("{m}/{}", c.documents),
                },
                c.status.as_str().into(),
                format_duration(c.time),
            ]);
            statuses.push(Some(c.status));
        }
    }
    let mut widths = [0usize; 5];
    for r in &rows {
        for (i, cell) in r.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for (r, status) in rows.iter().zip(statuses) {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            let text = if i == 3 {
                match status {
                    Some(Status::Pass) => style.green(cell),
                    Some(Status::Fail) | Some(Status::Error) => style.red(cell),
                    Some(Status::Skip) => style.yellow(cell),
                    None => style.bold(cell),
                }
            } else if status.is_none() {
                style.bold(cell)
            } else {
                cell.clone()
            };
            if i == 2 {
                line.push_str(&" ".repeat(pad));
                line.push_str(&text);
            } else {
                line.push_str(&text);
                if i < 4 {
                    line.push_str(&" ".repeat(pad));
                }
            }
            if i < 4 {
                line.push_str("  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn summary_line(t: &Totals, elapsed: Duration) -> String {
    let mut s = format!(
        "{} test{}: {} passed, {} failed, {} skipped",
        t.tests,
        if t.tests == 1 { "" } else { "s" },
        t.passed,
        t.failed,
        t.skipped
    );
    if t.errors > 0 {
        s.push_str(&format!(
            ", {} error{}",
            t.errors,
            if t.errors == 1 { "" } else { "s" }
        ));
    }
    s.push_str(&format!(
        " ({} documents, {})",
        t.documents,
        format_duration(elapsed)
    ));
    s
}

/// XML 1.0 text: escapes markup and replaces characters XML cannot carry.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("\\u{{{:04x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

pub fn junit(results: &[SuiteResult]) -> String {
    let t = totals(results);
    let total_time: Duration = results
        .iter()
        .flat_map(|s| s.cases.iter().map(|c| c.time))
        .sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"ingest-emu\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{}\">\n",
        t.tests,
        t.failed,
        t.errors,
        t.skipped,
        secs(total_time)
    ));
    let plain = Style::plain();
    for s in results {
        let count = |st: Status| s.cases.iter().filter(|c| c.status == st).count();
        let time: Duration = s.cases.iter().map(|c| c.time).sum();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{}\">\n",
            xml_escape(&s.name),
            s.cases.len(),
            count(Status::Fail),
            count(Status::Error),
            count(Status::Skip),
            secs(time)
        ));
        if !s.errors.is_empty() {
            out.push_str(&format!(
                "    <system-err>{}</system-err>\n",
                xml_escape(&s.errors.join("\n"))
            ));
        }
        for c in &s.cases {
            out.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" time=\"{}\"",
                xml_escape(&c.suite),
                xml_escape(&c.test),
                xml_escape(&c.input.display().to_string()),
                secs(c.time)
            ));
            let reason = xml_escape(&case_reason(c));
            let mut details = case_details(c, plain);
            if c.status == Status::Error && !s.errors.is_empty() {
                details.push_str(&s.errors.join("\n"));
                details.push('\n');
            }
            let details = xml_escape(&details);
            match c.status {
                Status::Pass => out.push_str("/>\n"),
                Status::Skip => out.push_str(&format!(
                    ">\n      <skipped message=\"{reason}\"/>\n    </testcase>\n"
                )),
                Status::Fail => out.push_str(&format!(
                    ">\n      <failure message=\"{reason}\" type=\"failure\">{details}</failure>\n    </testcase>\n"
                )),
                Status::Error => out.push_str(&format!(
                    ">\n      <error message=\"{reason}\" type=\"error\">{details}</error>\n    </testcase>\n"
                )),
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

pub fn json_report(results: &[SuiteResult], elapsed: Duration) -> String {
    let t = totals(results);
    let plain = Style::plain();
    let suites: Vec<serde_json::Value> = results
        .iter()
        .map(|s| {
            json!({
                "suite": s.name,
                "errors": s.errors,
                "tests": s.cases.iter().map(|c| {
                    let failures: Vec<serde_json::Value> = c.problems.iter().map(|p| problem_json(p, plain)).collect();
                    json!({
                        "test": c.test,
                        "input": c.input.display().to_string(),
                        "documents": c.documents,
                        "status": c.status.as_str().to_lowercase(),
                        "time_ms": c.time.as_secs_f64() * 1000.0,
                        "reason": if c.status == Status::Pass { serde_json::Value::Null } else { json!(case_reason(c)) },
                        "skip": c.skip.as_ref().map(|s| json!({"reason": s.reason, "link": s.link})),
                        "warnings": c.warnings,
                        "problems": failures,
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "summary": {
            "tests": t.tests,
            "passed": t.passed,
            "failed": t.failed,
            "skipped": t.skipped,
            "errors": t.errors,
            "suite_errors": t.suite_errors,
            "documents": t.documents,
            "time_ms": elapsed.as_secs_f64() * 1000.0,
        },
        "suites": suites,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn problem_json(p: &Problem, plain: Style) -> serde_json::Value {
    use super::compare::{render_path, DiffKind};
    let text = render_problem(p, plain);
    match p {
        Problem::Doc(f) => json!({
            "kind": "document",
            "index": f.index,
            "line": f.line,
            "fields": f.fields.iter().map(|ff| {
                let (kind, expected, actual) = match &ff.diff.kind {
                    DiffKind::Changed { expected, actual } => ("changed", Some(expected), Some(actual)),
                    DiffKind::Missing { expected } => ("missing", Some(expected), None),
                    DiffKind::Unexpected { actual } => ("unexpected", None, Some(actual)),
                };
                json!({
                    "path": render_path(&ff.diff.path),
                    "kind": kind,
                    "expected": expected.map(|v| v.to_serde()),
                    "actual": actual.map(|v| v.to_serde()),
                    "provenance": ff.provenance,
                })
            }).collect::<Vec<_>>(),
            "text": text,
        }),
        Problem::PipelineError {
            index,
            line,
            error,
            at,
        } => json!({
            "kind": "pipeline_error", "index": index, "line": line, "error": error, "at": at, "text": text,
        }),
        Problem::UnexpectedError {
            index,
            line,
            message,
        } => json!({
            "kind": "unexpected_pipeline_error", "index": index, "line": line, "message": message, "text": text,
        }),
        Problem::Dynamic {
            index,
            line,
            field,
            pattern,
            value,
        } => json!({
            "kind": "dynamic_field", "index": index, "line": line, "field": field, "pattern": pattern, "value": value, "text": text,
        }),
        Problem::Count { expected, actual } => json!({
            "kind": "count", "expected": expected, "actual": actual, "text": text,
        }),
        Problem::Error(m) => json!({"kind": "error", "text": m}),
        Problem::Failure(m) => json!({"kind": "failure", "text": m}),
    }
}
