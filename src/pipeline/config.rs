//! Strict reading of processor options, with ES `ConfigurationUtils` wording. Every option read is
//! removed; `finish` rejects whatever is left, as ES does.

use super::error::{ConfigError, ProcessorError};
use crate::document::FieldPath;
use crate::template::{Encoding, Template};
use serde_json::{Map as JsonMap, Value as Json};

/// Java class name of a configuration value, for "property isn't a string, but of type [...]".
pub fn json_class_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "java.lang.Boolean",
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                if i32::try_from(i).is_ok() {
                    "java.lang.Integer"
                } else {
                    "java.lang.Long"
                }
            } else {
                "java.lang.Double"
            }
        }
        Json::String(_) => "java.lang.String",
        Json::Array(_) => "java.util.ArrayList",
        Json::Object(_) => "java.util.HashMap",
    }
}

pub struct Config {
    pub processor_type: String,
    pub tag: Option<String>,
    map: JsonMap<String, Json>,
}

impl Config {
    pub fn new(processor_type: &str, tag: Option<String>, map: JsonMap<String, Json>) -> Config {
        Config {
            processor_type: processor_type.to_string(),
            tag,
            map,
        }
    }

    pub fn error(&self, property: Option<&str>, reason: impl Into<String>) -> ConfigError {
        ConfigError::new(
            Some(&self.processor_type),
            self.tag.as_deref(),
            property,
            reason,
        )
    }

    pub fn take(&mut self, key: &str) -> Option<Json> {
        self.map.remove(key)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    fn missing(&self, key: &str) -> ConfigError {
        self.error(Some(key), "required property is missing")
    }

    /// ES `readString`: strings pass; numbers and booleans are rejected like other types.
    fn as_string(&self, key: &str, v: Json) -> Result<String, ConfigError> {
        match v {
            Json::String(s) => Ok(s),
            other => Err(self.error(
                Some(key),
                format!(
                    "property isn't a string, but of type [{}]",
                    json_class_name(&other)
                ),
            )),
        }
    }

    pub fn required_string(&mut self, key: &str) -> Result<String, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Err(self.missing(key)),
            Some(v) => self.as_string(key, v),
        }
    }

    pub fn optional_string(&mut self, key: &str) -> Result<Option<String>, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => self.as_string(key, v).map(Some),
        }
    }

    pub fn string_or(&mut self, key: &str, default: &str) -> Result<String, ConfigError> {
        Ok(self
            .optional_string(key)?
            .unwrap_or_else(|| default.to_string()))
    }

    /// ES `readBooleanProperty`: a boolean, or the strings "true"/"false".
    pub fn bool(&mut self, key: &str, default: bool) -> Result<bool, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(default),
            Some(Json::Bool(b)) => Ok(b),
            Some(Json::String(s)) if s == "true" || s == "false" => Ok(s == "true"),
            Some(other) => Err(self.error(
                Some(key),
                format!(
                    "property isn't a boolean, but of type [{}]",
                    json_class_name(&other)
                ),
            )),
        }
    }

    /// ES `readIntProperty`.
    pub fn optional_int(&mut self, key: &str) -> Result<Option<i64>, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(Json::String(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| {
                self.error(
                    Some(key),
                    format!("property cannot be converted to an int [{s}]"),
                )
            }),
            Some(other) => Err(self.error(
                Some(key),
                format!(
                    "property cannot be converted to an int [{}]",
                    json_display(&other)
                ),
            )),
        }
    }

    /// ES `readOptionalList`.
    pub fn optional_list(&mut self, key: &str) -> Result<Option<Vec<Json>>, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Array(a)) => Ok(Some(a)),
            Some(other) => Err(self.error(
                Some(key),
                format!(
                    "property isn't a list, but of type [{}]",
                    json_class_name(&other)
                ),
            )),
        }
    }

    pub fn required_list(&mut self, key: &str) -> Result<Vec<Json>, ConfigError> {
        match self.optional_list(key)? {
            Some(l) => Ok(l),
            None => Err(self.missing(key)),
        }
    }

    /// A list whose elements must be strings.
    pub fn optional_string_list(&mut self, key: &str) -> Result<Option<Vec<String>>, ConfigError> {
        let Some(list) = self.optional_list(key)? else {
            return Ok(None);
        };
        list.into_iter()
            .map(|v| self.as_string(key, v))
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// ES `readOptionalStringOrList` / a `field` that may be a string or a list of strings.
    pub fn optional_string_or_list(
        &mut self,
        key: &str,
    ) -> Result<Option<Vec<String>>, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(Some(vec![s])),
            Some(Json::Array(a)) => a
                .into_iter()
                .map(|v| self.as_string(key, v))
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(other) => Err(self.error(
                Some(key),
                format!(
                    "property isn't a list or string, but of type [{}]",
                    json_class_name(&other)
                ),
            )),
        }
    }

    pub fn optional_map(
        &mut self,
        key: &str,
    ) -> Result<Option<JsonMap<String, Json>>, ConfigError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Object(m)) => Ok(Some(m)),
            Some(other) => Err(self.error(
                Some(key),
                format!(
                    "property isn't a map, but of type [{}]",
                    json_class_name(&other)
                ),
            )),
        }
    }

    /// A required field path that is not a template (most processors' `field`).
    pub fn required_path(&mut self, key: &str) -> Result<FieldPath, ConfigError> {
        let s = self.required_string(key)?;
        FieldPath::parse(&s).map_err(|e| self.error(Some(key), e))
    }

    pub fn optional_path(&mut self, key: &str) -> Result<Option<FieldPath>, ConfigError> {
        match self.optional_string(key)? {
            None => Ok(None),
            Some(s) => FieldPath::parse(&s)
                .map(Some)
                .map_err(|e| self.error(Some(key), e)),
        }
    }

    /// A field path that may contain mustache (`set`, `append`, `remove`, `rename` …).
    pub fn required_field_template(&mut self, key: &str) -> Result<FieldRef, ConfigError> {
        let s = self.required_string(key)?;
        self.field_ref(key, &s)
    }

    pub fn optional_field_template(&mut self, key: &str) -> Result<Option<FieldRef>, ConfigError> {
        match self.optional_string(key)? {
            None => Ok(None),
            Some(s) => self.field_ref(key, &s).map(Some),
        }
    }

    pub fn field_ref(&self, key: &str, s: &str) -> Result<FieldRef, ConfigError> {
        let template = self.template(key, s, Encoding::Json)?;
        match template.as_constant() {
            Some(c) => FieldPath::parse(c)
                .map(FieldRef::Path)
                .map_err(|e| self.error(Some(key), e)),
            None => Ok(FieldRef::Template(template)),
        }
    }

    /// Compiles a mustache template; invalid templates fail like ES (a script_exception).
    pub fn template(
        &self,
        key: &str,
        s: &str,
        encoding: Encoding,
    ) -> Result<Template, ConfigError> {
        Template::compile_with(s, encoding).map_err(|e| {
            let mut err = self.error(Some(key), e.clone());
            err.kind = "script_exception".into();
            err.reason = format!("Failed to compile inline script [{s}] using lang [mustache]");
            err.extra.insert(
                "caused_by".into(),
                serde_json::json!({"type": "mustache_exception", "reason": e}),
            );
            err
        })
    }

    /// ES: a processor config with unknown options is rejected.
    pub fn finish(self) -> Result<(), ConfigError> {
        if self.map.is_empty() {
            return Ok(());
        }
        let keys: Vec<&str> = self.map.keys().map(String::as_str).collect();
        Err(self.error(
            None,
            format!(
                "processor [{}] doesn't support one or more provided configuration parameters [{}]",
                self.processor_type,
                keys.join(", ")
            ),
        ))
    }
}

fn json_display(v: &Json) -> String {
    crate::value::Value::from_serde(v).to_java_string()
}

/// A field name: parsed once when constant, rendered per document when it contains mustache.
#[derive(Debug, Clone)]
pub enum FieldRef {
    Path(FieldPath),
    Template(Template),
}

/// A templated field name, rendered and parsed (out of line: most field names are constant).
#[inline(never)]
fn rendered_path(
    t: &Template,
    doc: &crate::document::IngestDocument,
) -> Result<FieldPath, ProcessorError> {
    FieldPath::parse(&t.render(doc)?).map_err(ProcessorError::illegal_argument)
}

impl FieldRef {
    #[inline]
    pub fn resolve(
        &self,
        doc: &crate::document::IngestDocument,
    ) -> Result<std::borrow::Cow<'_, FieldPath>, ProcessorError> {
        match self {
            FieldRef::Path(p) => Ok(std::borrow::Cow::Borrowed(p)),
            FieldRef::Template(t) => rendered_path(t, doc).map(std::borrow::Cow::Owned),
        }
    }

    pub fn source_text(&self) -> &str {
        match self {
            FieldRef::Path(p) => &p.full,
            FieldRef::Template(t) => t.source(),
        }
    }
}
