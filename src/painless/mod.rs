//! Placeholder until the Painless interpreter lands: every script fails to compile with a clear error.

use crate::value::Map;

#[derive(Debug, Clone)]
pub struct PainlessError {
    message: String,
}

impl PainlessError {
    pub fn message(&self) -> String {
        self.message.clone()
    }
    pub fn to_es_json(&self) -> serde_json::Value {
        serde_json::json!({"type": "script_exception", "reason": self.message})
    }
}

#[derive(Debug)]
pub struct Script;

impl Script {
    pub fn compile(_source: &str, _params: &Map) -> Result<Script, PainlessError> {
        Err(PainlessError {
            message: "painless scripts are not supported yet".into(),
        })
    }
    pub fn execute_ingest(&self, _ctx: &mut Map) -> Result<(), PainlessError> {
        unreachable!("no script compiles")
    }
    pub fn execute_condition(&self, _ctx: &Map) -> Result<bool, PainlessError> {
        unreachable!("no script compiles")
    }
}
