//! `script` (ES `ScriptProcessor`): a Painless script in the ingest context.

use crate::document::IngestDocument;
use crate::painless::Script;
use crate::pipeline::{
    compile_painless, script_error, Config, ConfigError, Env, Flow, Processor, ProcessorError,
};
use crate::value::{Map, Value};

pub struct ScriptProcessor {
    script: Script,
}

impl ScriptProcessor {
    pub fn from_config(cfg: &mut Config) -> Result<ScriptProcessor, ConfigError> {
        let lang = cfg.string_or("lang", "painless")?;
        if cfg.contains("id") {
            let id = cfg.optional_string("id")?.unwrap_or_default();
            return Err(cfg.error(None, format!("stored scripts are not supported offline: script [{id}]; inline it with [source]")));
        }
        let source = match cfg.take("source").or_else(|| cfg.take("inline")) {
            Some(serde_json::Value::String(s)) => s,
            Some(other) => match other {
                serde_json::Value::Object(_) | serde_json::Value::Array(_) => other.to_string(),
                _ => return Err(cfg.error(
                    None,
                    "must specify either [source] for an inline script or [id] for a stored script",
                )),
            },
            None => {
                return Err(cfg.error(
                    None,
                    "must specify either [source] for an inline script or [id] for a stored script",
                ))
            }
        };
        if lang != "painless" {
            return Err(cfg.error(Some("lang"), format!("script_lang not supported [{lang}]")));
        }
        let params = match cfg.optional_map("params")? {
            Some(m) => match Value::from_serde(&serde_json::Value::Object(m)) {
                Value::Map(m) => m,
                _ => Map::new(),
            },
            None => Map::new(),
        };
        cfg.take("options");
        Ok(ScriptProcessor {
            script: compile_painless(cfg, "source", &source, &params)?,
        })
    }
}

impl Processor for ScriptProcessor {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        self.script
            .execute_ingest(&mut doc.ctx)
            .map_err(script_error)?;
        Ok(Flow::Continue)
    }
}
