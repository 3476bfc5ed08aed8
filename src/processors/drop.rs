//! `drop` (ES `DropProcessor`): the document is not indexed.

use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};

pub struct Drop;

impl Drop {
    pub fn from_config(_cfg: &mut Config) -> Result<Drop, ConfigError> {
        Ok(Drop)
    }
}

impl Processor for Drop {
    fn execute(&self, _doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        Ok(Flow::Drop)
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Flow;
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn drops_the_document() {
        let mut d = doc("{}");
        assert_eq!(run_on("drop", json!({}), &mut d).unwrap(), Flow::Drop);
    }
}
