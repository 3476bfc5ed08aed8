//! Rendering failures: per document the index and input line, each differing field with the
//! processor that last changed it, then a unified diff of the canonical JSON.

use super::compare::{render_path, DiffKind};
use super::runner::{DocFailure, Problem};
use crate::value::Value;
use std::io::IsTerminal;

/// ANSI styling, off unless enabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colours when stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl Style {
    pub fn plain() -> Style {
        Style { color: false }
    }

    pub fn for_stdout(choice: ColorChoice) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Style { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn red(&self, t: &str) -> String {
        self.paint("31", t)
    }
    pub fn green(&self, t: &str) -> String {
        self.paint("32", t)
    }
    pub fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
    pub fn cyan(&self, t: &str) -> String {
        self.paint("36", t)
    }
    pub fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    pub fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
}

const MAX_VALUE: usize = 200;

/// A value on one line, shortened when long.
pub fn short_value(v: &Value) -> String {
    let text = v.to_json();
    if text.chars().count() <= MAX_VALUE {
        return text;
    }
    let cut: String = text.chars().take(MAX_VALUE).collect();
    format!("{cut}…")
}

fn doc_label(index: usize, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("document [{index}] (input line {l})"),
        None => format!("document [{index}]"),
    }
}

/// Unified diff (3 lines of context) from `expected` to `actual`.
pub fn unified(expected: &str, actual: &str, style: Style) -> String {
    let diff = similar::TextDiff::from_lines(expected, actual);
    let mut out = String::new();
    out.push_str(&style.red("--- expected"));
    out.push('\n');
    out.push_str(&style.green("+++ actual"));
    out.push('\n');
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        out.push_str(&style.cyan(&hunk.header().to_string()));
        out.push('\n');
        for change in hunk.iter_changes() {
            let text = change.value().trim_end_matches('\n');
            let line = match change.tag() {
                similar::ChangeTag::Delete => style.red(&format!("-{text}")),
                similar::ChangeTag::Insert => style.green(&format!("+{text}")),
                similar::ChangeTag::Equal => format!(" {text}"),
            };
            out.push_str(&line);
            out.push('\n');
            if change.missing_newline() {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

pub fn render_doc_failure(f: &DocFailure, style: Style) -> String {
    let mut out = format!("{}:\n", style.bold(&doc_label(f.index, f.line)));
    for field in &f.fields {
        let path = style.bold(&render_path(&field.diff.path));
        let line = match &field.diff.kind {
            DiffKind::Changed { expected, actual } => format!(
                "  {path}: expected {}, got {}",
                style.red(&short_value(expected)),
                style.green(&short_value(actual))
            ),
            DiffKind::Missing { expected } => format!(
                "  {path}: missing (expected {})",
                style.red(&short_value(expected))
            ),
            DiffKind::Unexpected { actual } => format!(
                "  {path}: unexpected (got {})",
                style.green(&short_value(actual))
            ),
        };
        out.push_str(&line);
        out.push('\n');
        if let Some(p) = &field.provenance {
            out.push_str(&style.dim(&format!("      {p}")));
            out.push('\n');
        }
    }
    out.push_str(&unified(&f.expected_json, &f.actual_json, style));
    out
}

pub fn render_problem(p: &Problem, style: Style) -> String {
    match p {
        Problem::Error(msg) => format!("{} {msg}\n", style.red("error:")),
        Problem::Failure(msg) => format!("{msg}\n"),
        Problem::Count { expected, actual } => format!(
            "document count differs: expected {}, got {}\n",
            style.red(&expected.to_string()),
            style.green(&actual.to_string())
        ),
        Problem::Doc(f) => render_doc_failure(f, style),
        Problem::PipelineError {
            index,
            line,
            error,
            at,
        } => {
            let mut out = format!(
                "{}: {}\n",
                style.bold(&doc_label(*index, *line)),
                style.red("pipeline error")
            );
            let pretty = serde_json::to_string_pretty(error).unwrap_or_default();
            for l in pretty.lines() {
                out.push_str("    ");
                out.push_str(l);
                out.push('\n');
            }
            if let Some(at) = at {
                out.push_str(&style.dim(&format!("      failed in {at}")));
                out.push('\n');
            }
            out
        }
        Problem::UnexpectedError {
            index,
            line,
            message,
        } => format!(
            "{}: unexpected pipeline error: {}\n",
            style.bold(&doc_label(*index, *line)),
            style.red(message)
        ),
        Problem::Dynamic {
            index,
            line,
            field,
            pattern,
            value,
        } => format!(
            "{}: dynamic field \"{field}\" doesn't match the pattern ({pattern}): {}\n",
            style.bold(&doc_label(*index, *line)),
            style.red(value)
        ),
    }
}

/// Removes ANSI escape sequences (for reports written to files).
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::compare::field_diffs;
    use crate::harness::runner::{canonical, FieldFailure};

    fn failure() -> DocFailure {
        let expected = Value::from_json_str(
            r#"{"event":{"kind":"event","type":["info","change"]},"user":{"name":"a"},"gone":1}"#,
        )
        .unwrap();
        let actual = Value::from_json_str(
            r#"{"event":{"kind":"event","type":["info","info"]},"user":{"name":"a"},"extra":"x<y"}"#,
        )
        .unwrap();
        DocFailure {
            index: 3,
            line: Some(7),
            fields: field_diffs(&expected, &actual)
                .into_iter()
                .enumerate()
                .map(|(i, diff)| FieldFailure {
                    diff,
                    provenance: (i == 0).then(|| {
                        "last changed by [append] tag=t at p.yml:4: pipeline [default] processor [2]"
                            .to_string()
                    }),
                })
                .collect(),
            expected_json: canonical(&expected),
            actual_json: canonical(&actual),
        }
    }

    #[test]
    fn plain_rendering() {
        insta::assert_snapshot!(render_doc_failure(&failure(), Style::plain()));
    }

    #[test]
    fn coloured_rendering() {
        let text = render_doc_failure(&failure(), Style { color: true });
        assert!(
            text.contains("\x1b[31m-            \"change\"\x1b[0m"),
            "{text}"
        );
        assert!(
            text.contains("\x1b[32m+            \"info\"\x1b[0m"),
            "{text}"
        );
        assert_eq!(
            strip_ansi(&text),
            render_doc_failure(&failure(), Style::plain())
        );
        insta::assert_snapshot!(text.replace('\x1b', "<ESC>"));
    }
}
