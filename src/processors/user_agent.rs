//! `user_agent` (ES `UserAgentProcessor`, module ingest-user-agent).

use super::field_access::string_input;
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError, Services};
use crate::useragent::{build_output, Property, UserAgentParser};
use crate::value::Value;
use std::sync::Arc;

pub struct UserAgent {
    field: FieldPath,
    target_field: FieldPath,
    parser: Arc<UserAgentParser>,
    properties: Vec<Property>,
    extract_device_type: bool,
    ignore_missing: bool,
}

impl UserAgent {
    pub fn from_config(cfg: &mut Config, services: &Services) -> Result<UserAgent, ConfigError> {
        let field = cfg.required_path("field")?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| FieldPath::parse("user_agent").expect("valid default path"));
        let regex_file = cfg.optional_string("regex_file")?;
        let properties = cfg.optional_string_list("properties")?;
        let extract_device_type = cfg.bool("extract_device_type", false)?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let properties = Property::parse_list(properties.as_deref())
            .map_err(|e| cfg.error(Some("properties"), e))?;
        let databases = services
            .user_agents()
            .map_err(|e| cfg.error(Some("regex_file"), e))?;
        let parser = match regex_file {
            None => databases.default.clone(),
            Some(name) => databases
                .named
                .get(&name)
                .map_err(|e| cfg.error(Some("regex_file"), e))?,
        };
        Ok(UserAgent {
            field,
            target_field,
            parser,
            properties,
            extract_device_type,
            ignore_missing,
        })
    }
}

impl Processor for UserAgent {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let Some(agent) = string_input(doc, &self.field, self.ignore_missing, || {
            format!(
                "field [{}] is null, cannot parse user-agent.",
                self.field.full
            )
        })?
        else {
            return Ok(Flow::Continue);
        };
        let details = self.parser.parse(&agent);
        let output = build_output(&details, &agent, &self.properties, self.extract_device_type);
        doc.set(&self.target_field, Value::Map(output))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn parses_firefox_like_elasticsearch() {
        let d = run(
            "user_agent",
            json!({"field": "ua"}),
            r#"{"ua":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:72.0) Gecko/20100101 Firefox/72.0"}"#,
        )
        .unwrap();
        let out = serde_json::from_str::<serde_json::Value>(&source_json(&d)).unwrap();
        assert_eq!(out["user_agent"]["name"], "Firefox");
        assert_eq!(out["user_agent"]["version"], "72.0.");
        assert_eq!(out["user_agent"]["os"]["full"], "Mac OS X 10.15");
    }

    #[test]
    fn missing_and_options() {
        assert!(run(
            "user_agent",
            json!({"field": "ua", "ignore_missing": true}),
            "{}"
        )
        .is_ok());
        let e = run("user_agent", json!({"field": "ua"}), r#"{"ua":null}"#).unwrap_err();
        assert_eq!(e.reason, "field [ua] is null, cannot parse user-agent.");
        let d = run(
            "user_agent",
            json!({"field": "ua", "target_field": "x", "properties": ["name"]}),
            r#"{"ua":"curl/7.1"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"ua":"curl/7.1","x":{"name":"curl"}}"#);
        assert!(config_error(
            "user_agent",
            json!({"field": "ua", "properties": ["bogus"]})
        )
        .starts_with("[properties] illegal property value [bogus]"));
        assert!(config_error(
            "user_agent",
            json!({"field": "ua", "regex_file": "nope.yml"})
        )
        .contains("doesn't exist"));
    }
}
