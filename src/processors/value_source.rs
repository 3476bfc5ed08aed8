//! ES `ValueSource`: option values that may contain mustache at any depth (`set`/`append` `value`).

use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError};
use crate::template::{Encoding, Template, TemplateError};
use crate::value::{Map, Value};
use serde_json::Value as Json;

#[derive(Debug, Clone)]
pub enum ValueSource {
    /// No template anywhere: cloned per document.
    Constant(Value),
    Template(Template),
    List(Vec<ValueSource>),
    /// Keys are templates too.
    Map(Vec<(Template, ValueSource)>),
}

impl ValueSource {
    pub fn compile(
        cfg: &Config,
        key: &str,
        v: &Json,
        encoding: Encoding,
    ) -> Result<ValueSource, ConfigError> {
        let compiled = match v {
            Json::String(s) => {
                let t = cfg.template(key, s, encoding)?;
                match t.as_constant() {
                    Some(c) => ValueSource::Constant(Value::String(c.to_string())),
                    None => ValueSource::Template(t),
                }
            }
            Json::Array(items) => ValueSource::List(
                items
                    .iter()
                    .map(|i| ValueSource::compile(cfg, key, i, encoding))
                    .collect::<Result<_, _>>()?,
            ),
            Json::Object(m) => {
                let mut entries = Vec::new();
                for (k, v) in m {
                    entries.push((
                        cfg.template(key, k, encoding)?,
                        ValueSource::compile(cfg, key, v, encoding)?,
                    ));
                }
                ValueSource::Map(entries)
            }
            other => ValueSource::Constant(Value::from_serde(other)),
        };
        Ok(compiled.fold_constants())
    }

    /// Collapses containers without templates into one constant.
    fn fold_constants(self) -> ValueSource {
        match self {
            ValueSource::List(items)
                if items.iter().all(|i| matches!(i, ValueSource::Constant(_))) =>
            {
                ValueSource::Constant(Value::List(
                    items
                        .into_iter()
                        .map(|i| match i {
                            ValueSource::Constant(v) => v,
                            _ => unreachable!("checked above"),
                        })
                        .collect(),
                ))
            }
            ValueSource::Map(entries)
                if entries.iter().all(|(k, v)| {
                    k.as_constant().is_some() && matches!(v, ValueSource::Constant(_))
                }) =>
            {
                let mut m = Map::new();
                for (k, v) in entries {
                    if let ValueSource::Constant(v) = v {
                        m.insert(k.source().to_string(), v);
                    }
                }
                ValueSource::Constant(Value::Map(m))
            }
            other => other,
        }
    }

    pub fn is_template(&self) -> bool {
        matches!(self, ValueSource::Template(_))
    }

    pub fn resolve(&self, doc: &IngestDocument) -> Result<Value, TemplateError> {
        Ok(match self {
            ValueSource::Constant(v) => v.clone(),
            ValueSource::Template(t) => Value::String(t.render(doc)?),
            ValueSource::List(items) => Value::List(
                items
                    .iter()
                    .map(|i| i.resolve(doc))
                    .collect::<Result<_, _>>()?,
            ),
            ValueSource::Map(entries) => {
                let mut m = Map::new();
                for (k, v) in entries {
                    m.insert(k.render(doc)?, v.resolve(doc)?);
                }
                Value::Map(m)
            }
        })
    }
}
