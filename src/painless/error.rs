//! Java exceptions raised while running a script, and the `script_exception` Elasticsearch builds
//! from them.

use serde_json::json;

/// A Java exception in flight (boxed: every evaluation step returns a `Result<V, Thrown>`, and
/// a one-pointer error keeps that result small).
#[derive(Debug, Clone)]
pub struct Thrown(Box<ThrownInfo>);

/// What a [`Thrown`] carries. `class` is the simple class name (`NullPointerException`).
#[derive(Debug, Clone)]
pub struct ThrownInfo {
    pub class: &'static str,
    pub msg: Option<String>,
    /// Script offset where it surfaced (set by the innermost node that sees it).
    pub off: Option<usize>,
    /// `PainlessError` and JVM errors cannot be caught by scripts.
    pub catchable: bool,
}

impl std::ops::Deref for Thrown {
    type Target = ThrownInfo;
    fn deref(&self) -> &ThrownInfo {
        &self.0
    }
}

impl std::ops::DerefMut for Thrown {
    fn deref_mut(&mut self) -> &mut ThrownInfo {
        &mut self.0
    }
}

impl Thrown {
    pub fn raw(
        class: &'static str,
        msg: Option<String>,
        off: Option<usize>,
        catchable: bool,
    ) -> Thrown {
        Thrown(Box::new(ThrownInfo {
            class,
            msg,
            off,
            catchable,
        }))
    }
    pub fn new(class: &'static str, msg: impl Into<String>) -> Thrown {
        Thrown::raw(class, Some(msg.into()), None, true)
    }
    pub fn bare(class: &'static str) -> Thrown {
        Thrown::raw(class, None, None, true)
    }
    pub fn npe(msg: Option<String>) -> Thrown {
        Thrown::raw("NullPointerException", msg, None, true)
    }
    pub fn iae(msg: impl Into<String>) -> Thrown {
        Thrown::new("IllegalArgumentException", msg)
    }
    /// An ingest failure (ES exception type and message) as the Java exception a script sees
    /// when the processor code behind a helper throws it.
    pub fn from_es_type(es_type: &str, msg: impl Into<String>) -> Thrown {
        let class = match es_type {
            "number_format_exception" => "NumberFormatException",
            "parse_exception" => "ElasticsearchParseException",
            _ => "IllegalArgumentException",
        };
        Thrown::new(class, msg)
    }
    pub fn cce(msg: impl Into<String>) -> Thrown {
        Thrown::new("ClassCastException", msg)
    }
    pub fn unsupported(msg: Option<String>) -> Thrown {
        Thrown::raw("UnsupportedOperationException", msg, None, true)
    }
    pub fn painless_error(msg: impl Into<String>) -> Thrown {
        Thrown::raw("PainlessError", Some(msg.into()), None, false)
    }
    /// A JVM heap exhaustion stand-in: scripts asking for absurd amounts of memory fail
    /// instead of taking the process down.
    pub fn out_of_memory() -> Thrown {
        Thrown::raw(
            "OutOfMemoryError",
            Some("Java heap space".into()),
            None,
            false,
        )
    }

    pub fn at(mut self, off: usize) -> Thrown {
        if self.off.is_none() {
            self.off = Some(off);
        }
        self
    }
    /// Does `catch (class e)` catch this?
    pub fn caught_by(&self, class: &str) -> bool {
        if !self.catchable {
            return false;
        }
        let mut c = self.class;
        loop {
            if c == class {
                return true;
            }
            match super_class(c) {
                Some(s) => c = s,
                None => return false,
            }
        }
    }
}

pub fn super_class(c: &str) -> Option<&'static str> {
    Some(match c {
        "Exception" => return None,
        "RuntimeException" => "Exception",
        "NumberFormatException" => "IllegalArgumentException",
        "ArrayIndexOutOfBoundsException" | "StringIndexOutOfBoundsException" => {
            "IndexOutOfBoundsException"
        }
        "DateTimeParseException" => "DateTimeException",
        "PatternSyntaxException" => "IllegalArgumentException",
        "UnsupportedTemporalTypeException" => "DateTimeException",
        _ => "RuntimeException",
    })
}

/// Fully qualified Java name of an exception class.
pub fn java_exception_fqn(class: &str) -> String {
    let pkg = match class {
        "DateTimeException" => "java.time",
        "DateTimeParseException" => "java.time.format",
        "UnsupportedTemporalTypeException" => "java.time.temporal",
        "ConcurrentModificationException" | "NoSuchElementException" => "java.util",
        "PatternSyntaxException" => "java.util.regex",
        "PainlessError" => "org.elasticsearch.painless",
        "CircuitBreakingException" => "org.elasticsearch.common.breaker",
        _ => "java.lang",
    };
    format!("{pkg}.{class}")
}

/// `ElasticsearchException.getExceptionName`: CamelCase to snake_case.
pub fn es_exception_name(class: &str) -> String {
    // `ElasticsearchParseException` is `parse_exception`
    let class = class.strip_prefix("Elasticsearch").unwrap_or(class);
    let mut out = String::new();
    for (i, ch) in class.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Compile,
    Runtime,
}

/// An Elasticsearch `script_exception` (boxed: errors travel through `Result`s a lot).
#[derive(Debug, Clone)]
pub struct PainlessError(Box<ErrorData>);

impl std::ops::Deref for PainlessError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

#[derive(Debug, Clone)]
pub struct ErrorData {
    pub kind: ErrorKind,
    pub script: String,
    pub script_stack: Vec<String>,
    /// (offset, start, end)
    pub position: Option<(usize, usize, usize)>,
    /// Simple Java class name of the cause (`NullPointerException`).
    pub cause_class: String,
    pub cause_message: Option<String>,
}

impl std::fmt::Display for PainlessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            ErrorKind::Compile => "compile error",
            ErrorKind::Runtime => "runtime error",
        };
        match self.line_col() {
            Some((line, col)) => write!(
                f,
                "{kind} at line {line}, column {col}: {}: {}",
                es_exception_name(&self.cause_class),
                self.cause_message.as_deref().unwrap_or("null")
            ),
            None => write!(
                f,
                "{kind}: {}: {}",
                es_exception_name(&self.cause_class),
                self.cause_message.as_deref().unwrap_or("null")
            ),
        }
    }
}

impl std::error::Error for PainlessError {}

impl PainlessError {
    /// ES type name of the cause, e.g. `null_pointer_exception`.
    pub fn cause_type(&self) -> String {
        es_exception_name(&self.cause_class)
    }

    /// 1-based line and column of the error position (for humans; Elasticsearch only reports
    /// character offsets).
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (offset, _, _) = self.position?;
        let mut line = 1;
        let mut col = 1;
        for ch in self.script.chars().take(offset) {
            if ch == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        Some((line, col))
    }

    /// What Elasticsearch puts in `_ingest.on_failure_message`: the root cause's message.
    pub fn message(&self) -> String {
        self.cause_message.clone().unwrap_or_default()
    }

    pub fn to_es_json(&self) -> serde_json::Value {
        let mut v = json!({
            "type": "script_exception",
            "reason": match self.kind { ErrorKind::Compile => "compile error", ErrorKind::Runtime => "runtime error" },
            "script_stack": self.script_stack,
            "script": self.script,
            "lang": "painless",
        });
        if let Some((offset, start, end)) = self.position {
            v["position"] = json!({"offset": offset, "start": start, "end": end});
        }
        let mut cause = json!({ "type": self.cause_type() });
        cause["reason"] = match &self.cause_message {
            Some(m) => json!(m),
            None => serde_json::Value::Null,
        };
        v["caused_by"] = cause;
        v
    }

    /// Compile error: snippet of 25 characters either side of the offset
    /// (`PainlessScriptEngine.convertToScriptException`).
    pub fn compile(source: &str, offset: usize, message: String) -> PainlessError {
        let chars: Vec<(usize, char)> = source.char_indices().collect();
        // Java offsets are UTF-16 indexes; scripts are nearly always ASCII, so use char indexes.
        let char_off = chars.iter().take_while(|(b, _)| *b < offset).count();
        let start = char_off.saturating_sub(25);
        let end = (char_off + 25).min(chars.len());
        let snippet: String = chars[start..end].iter().map(|(_, c)| c).collect();
        let pointer = format!("{}^---- HERE", " ".repeat(char_off - start));
        PainlessError(Box::new(ErrorData {
            kind: ErrorKind::Compile,
            script: source.to_string(),
            script_stack: vec![snippet, pointer],
            position: Some((char_off, start, end)),
            cause_class: "IllegalArgumentException".into(),
            cause_message: Some(message),
        }))
    }

    /// Runtime error: snippet is the statement containing the offset
    /// (`PainlessScript.convertToScriptException`).
    pub fn runtime(source: &str, statement_starts: &[usize], t: &Thrown) -> PainlessError {
        let (stack, position) = match t.off {
            Some(off) => {
                let start = statement_starts
                    .iter()
                    .copied()
                    .filter(|s| *s <= off)
                    .max()
                    .unwrap_or(0);
                let end = statement_starts
                    .iter()
                    .copied()
                    .filter(|s| *s > start)
                    .min()
                    .unwrap_or(source.len());
                let snippet = source.get(start..end).unwrap_or("").to_string();
                let to_chars = |b: usize| source.get(..b).map(|s| s.chars().count()).unwrap_or(b);
                let pointer = format!(
                    "{}^---- HERE",
                    " ".repeat(to_chars(off).saturating_sub(to_chars(start)))
                );
                (
                    vec![snippet, pointer],
                    Some((to_chars(off), to_chars(start), to_chars(end))),
                )
            }
            None => (vec!["<<< unknown portion of script >>>".to_string()], None),
        };
        PainlessError(Box::new(ErrorData {
            kind: ErrorKind::Runtime,
            script: source.to_string(),
            script_stack: stack,
            position,
            cause_class: t.class.to_string(),
            cause_message: t.msg.clone(),
        }))
    }
}
