//! `fail` (ES `FailProcessor`).

use crate::document::IngestDocument;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::template::{Encoding, Template};

pub struct Fail {
    message: Template,
}

impl Fail {
    pub fn from_config(cfg: &mut Config) -> Result<Fail, ConfigError> {
        let message = cfg.required_string("message")?;
        Ok(Fail {
            message: cfg.template("message", &message, Encoding::Json)?,
        })
    }
}

impl Processor for Fail {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        Err(ProcessorError::new(
            "fail_processor_exception",
            self.message.render(doc)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn fails_with_rendered_message() {
        let e = run("fail", json!({"message": "bad {{a}}"}), r#"{"a":"x"}"#).unwrap_err();
        assert_eq!(e.kind, "fail_processor_exception");
        assert_eq!(e.reason, "bad x");
        assert_eq!(e.processor_type.as_deref(), Some("fail"));
    }
}
