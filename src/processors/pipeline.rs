//! `pipeline` (ES `PipelineProcessor`): runs another pipeline of the same load on this document.

use crate::document::IngestDocument;
use crate::pipeline::{
    execute_pipeline, Config, ConfigError, Env, Flow, Processor, ProcessorError,
};
use crate::template::{Encoding, Template};

pub struct PipelineProcessor {
    name: Template,
    ignore_missing_pipeline: bool,
}

impl PipelineProcessor {
    pub fn from_config(cfg: &mut Config) -> Result<PipelineProcessor, ConfigError> {
        let name = cfg.required_string("name")?;
        Ok(PipelineProcessor {
            name: cfg.template("name", &name, Encoding::Json)?,
            ignore_missing_pipeline: cfg.bool("ignore_missing_pipeline", false)?,
        })
    }
}

impl Processor for PipelineProcessor {
    fn execute(&self, doc: &mut IngestDocument, env: &Env) -> Result<Flow, ProcessorError> {
        let name = self.name.render(doc)?;
        let Some(pipeline) = env.registry.get(&name) else {
            if self.ignore_missing_pipeline {
                return Ok(Flow::Continue);
            }
            return Err(ProcessorError::illegal_state(format!(
                "Pipeline processor configured for non-existent pipeline [{name}]"
            )));
        };
        let pipeline = pipeline.clone();
        execute_pipeline(&pipeline, doc, env)
    }
}
