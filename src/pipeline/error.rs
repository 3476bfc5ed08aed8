//! Errors shaped like Elasticsearch's: a snake_case exception type, a reason, and the headers the
//! ingest service attaches (`processor_type`, `processor_tag`, `pipeline_origin`).

use serde_json::{json, Map as JsonMap, Value as Json};

/// A failure while executing a processor on one document.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessorError {
    /// ES exception name, e.g. `illegal_argument_exception`.
    pub kind: String,
    pub reason: String,
    /// Extra fields of the exception body (e.g. `script_stack`, `caused_by` for scripts).
    pub extra: JsonMap<String, Json>,
    /// What `getRootCause().getMessage()` yields; it becomes `_ingest.on_failure_message`.
    pub root_cause_message: String,
    pub processor_type: Option<String>,
    pub processor_tag: Option<String>,
    /// Pipeline stack (innermost first) when the failure happened inside a nested pipeline.
    pub pipeline_origin: Option<Vec<String>>,
}

impl ProcessorError {
    pub fn new(kind: &str, reason: impl Into<String>) -> ProcessorError {
        let reason = reason.into();
        ProcessorError {
            kind: kind.to_string(),
            root_cause_message: reason.clone(),
            reason,
            extra: JsonMap::new(),
            processor_type: None,
            processor_tag: None,
            pipeline_origin: None,
        }
    }

    /// `IllegalArgumentException`, the most common processor failure.
    pub fn illegal_argument(reason: impl Into<String>) -> ProcessorError {
        ProcessorError::new("illegal_argument_exception", reason)
    }

    pub fn illegal_state(reason: impl Into<String>) -> ProcessorError {
        ProcessorError::new("illegal_state_exception", reason)
    }

    pub fn has_headers(&self) -> bool {
        self.processor_type.is_some()
    }

    /// The exception body as ES renders it (`type`, `reason`, extra fields).
    pub fn body(&self) -> Json {
        let mut body = JsonMap::new();
        body.insert("type".into(), Json::String(self.kind.clone()));
        body.insert("reason".into(), Json::String(self.reason.clone()));
        for (k, v) in &self.extra {
            body.insert(k.clone(), v.clone());
        }
        Json::Object(body)
    }

    /// `{"root_cause": [...], "type": ..., "reason": ..., ...}` as in a simulate response.
    pub fn to_es_json(&self) -> Json {
        let body = self.body();
        let mut root = body.clone();
        if let Json::Object(m) = &mut root {
            m.remove("caused_by");
        }
        let mut out = JsonMap::new();
        out.insert("root_cause".into(), json!([root]));
        if let Json::Object(m) = body {
            out.extend(m);
        }
        Json::Object(out)
    }
}

/// A template that failed to render fails its processor as ES's template script does:
/// `GeneralScriptException("Error running " + template, cause)`. (ES names the template by its
/// object identity, `DefaultMustache@1b2c3d4e`, which no other run reproduces.)
impl From<crate::template::TemplateError> for ProcessorError {
    fn from(e: crate::template::TemplateError) -> ProcessorError {
        let mut err = ProcessorError::new(
            "general_script_exception",
            "Error running com.github.mustachejava.codes.DefaultMustache",
        );
        err.extra.insert(
            "caused_by".into(),
            json!({"type": e.exception, "reason": e.message}),
        );
        err.root_cause_message = e.message;
        err
    }
}

impl std::fmt::Display for ProcessorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.reason)?;
        if let Some(t) = &self.processor_type {
            write!(f, " (processor [{t}]")?;
            if let Some(tag) = &self.processor_tag {
                write!(f, " tag [{tag}]")?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

/// Where a processor sits: used for `check` output and field provenance.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub pipeline: String,
    /// Path of indexes, e.g. `[3]` or `[3, on_failure 0]` rendered by `Display`.
    pub path: String,
    /// 1-based line in the pipeline file, when known.
    pub line: Option<usize>,
    pub file: Option<String>,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            _ => {}
        }
        write!(f, "pipeline [{}]", self.pipeline)?;
        // an error in the file itself (invalid YAML) has no processor to point at
        if !self.path.is_empty() {
            write!(f, " processor {}", self.path)?;
        }
        Ok(())
    }
}

/// A pipeline definition that Elasticsearch would refuse at PUT time.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// `parse_exception` for configuration problems; `script_exception` for scripts that do not compile.
    pub kind: String,
    pub reason: String,
    pub property_name: Option<String>,
    pub processor_type: Option<String>,
    pub processor_tag: Option<String>,
    pub extra: JsonMap<String, Json>,
    pub position: Option<Position>,
}

impl ConfigError {
    /// ES `ConfigurationUtils.newConfigurationException`.
    pub fn new(
        processor_type: Option<&str>,
        tag: Option<&str>,
        property: Option<&str>,
        reason: impl Into<String>,
    ) -> ConfigError {
        let reason = reason.into();
        ConfigError {
            kind: "parse_exception".into(),
            reason: match property {
                Some(p) => format!("[{p}] {reason}"),
                None => reason,
            },
            property_name: property.map(str::to_string),
            processor_type: processor_type.map(str::to_string),
            processor_tag: tag.map(str::to_string),
            extra: JsonMap::new(),
            position: None,
        }
    }

    pub fn at(mut self, position: Position) -> ConfigError {
        if self.position.is_none() {
            self.position = Some(position);
        }
        self
    }

    pub fn body(&self) -> Json {
        let mut body = JsonMap::new();
        body.insert("type".into(), Json::String(self.kind.clone()));
        body.insert("reason".into(), Json::String(self.reason.clone()));
        if let Some(p) = &self.property_name {
            body.insert("property_name".into(), Json::String(p.clone()));
        }
        if let Some(t) = &self.processor_type {
            body.insert("processor_type".into(), Json::String(t.clone()));
        }
        if let Some(t) = &self.processor_tag {
            body.insert("processor_tag".into(), Json::String(t.clone()));
        }
        for (k, v) in &self.extra {
            body.insert(k.clone(), v.clone());
        }
        Json::Object(body)
    }

    /// The full error response ES returns for a rejected pipeline (HTTP 400).
    pub fn to_es_response(&self) -> Json {
        let body = self.body();
        let mut root = body.clone();
        if let Json::Object(m) = &mut root {
            m.remove("caused_by");
        }
        let mut error = JsonMap::new();
        error.insert("root_cause".into(), json!([root]));
        if let Json::Object(m) = body {
            error.extend(m);
        }
        json!({"error": Json::Object(error), "status": 400})
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(pos) = &self.position {
            write!(f, "{pos}: ")?;
        }
        if let Some(t) = &self.processor_type {
            write!(f, "[{t}")?;
            if let Some(tag) = &self.processor_tag {
                write!(f, " tag={tag}")?;
            }
            write!(f, "] ")?;
        }
        write!(f, "{}: {}", self.kind, self.reason)?;
        self.fmt_script_cause(f)
    }
}

impl ConfigError {
    /// For a script that does not compile, where in the script and why (the `caused_by` of
    /// ES's body): `compile error` alone does not tell the user what to fix.
    fn fmt_script_cause(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(Json::Object(cause)) = self.extra.get("caused_by") else {
            return Ok(());
        };
        write!(f, " in")?;
        if let Some(p) = &self.property_name {
            write!(f, " [{p}]")?;
        }
        let offset = self.extra.get("position").and_then(|p| p.get("offset"));
        let script = self.extra.get("script").and_then(Json::as_str);
        if let (Some(offset), Some(script)) = (offset.and_then(Json::as_u64), script) {
            let before: String = script.chars().take(offset as usize).collect();
            let line = before.matches('\n').count() + 1;
            let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
            write!(f, " at script line {line}, column {column}")?;
        }
        let kind = cause
            .get("type")
            .and_then(Json::as_str)
            .unwrap_or("exception");
        let reason = cause.get("reason").and_then(Json::as_str).unwrap_or("null");
        write!(f, ": {kind}: {reason}")
    }
}

impl std::error::Error for ConfigError {}
impl std::error::Error for ProcessorError {}
