//! `terminate` (ES `TerminateProcessor`, 8.12): ends the current pipeline; callers continue.

use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};

pub struct Terminate;

impl Terminate {
    pub fn from_config(_cfg: &mut Config) -> Result<Terminate, ConfigError> {
        Ok(Terminate)
    }
}

impl Processor for Terminate {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        doc.terminate = true;
        Ok(Flow::Continue)
    }
}
