//! One file per processor type. Each has `from_config` (strict option validation with ES's wording)
//! and an `execute` that works on one document.

mod field_access;
#[cfg(test)]
mod java_oracle;
mod value_source;

pub mod append;
pub mod bytes;
pub mod community_id;
pub mod convert;
pub mod csv;
pub mod date;
pub mod date_index_name;
pub mod dissect;
pub mod dot_expander;
pub mod drop;
pub mod fail;
pub mod fingerprint;
pub mod foreach;
pub mod geoip;
pub mod grok;
pub mod gsub;
pub mod html_strip;
pub mod join;
pub mod json;
pub mod kv;
pub mod lowercase;
pub mod network_direction;
pub mod pipeline;
pub mod redact;
pub mod registered_domain;
pub mod remove;
pub mod rename;
pub mod reroute;
pub mod script;
pub mod set;
pub mod sort;
pub mod split;
pub mod string_processor;
pub mod terminate;
pub mod trim;
pub mod uppercase;
pub mod uri_parts;
pub mod urldecode;
pub mod user_agent;

pub use value_source::ValueSource;

use crate::pipeline::{Config, ConfigError, Position, Processor, Services};

type Factory = fn(&mut Config, &Position, &Services) -> Result<Box<dyn Processor>, ConfigError>;

fn boxed<P: Processor + 'static>(
    r: Result<P, ConfigError>,
) -> Result<Box<dyn Processor>, ConfigError> {
    r.map(|p| Box::new(p) as Box<dyn Processor>)
}

/// The processor types this build implements.
fn factory(processor_type: &str) -> Option<Factory> {
    Some(match processor_type {
        "append" => |c, _, _| boxed(append::Append::from_config(c)),
        "bytes" => |c, _, _| boxed(bytes::from_config(c)),
        "community_id" => |c, _, _| boxed(community_id::CommunityId::from_config(c)),
        "convert" => |c, _, _| boxed(convert::Convert::from_config(c)),
        "csv" => |c, _, _| boxed(csv::Csv::from_config(c)),
        "date" => |c, _, s| boxed(date::Date::from_config(c, s)),
        "date_index_name" => |c, _, _| boxed(date_index_name::DateIndexName::from_config(c)),
        "dissect" => |c, _, _| boxed(dissect::Dissect::from_config(c)),
        "dot_expander" => |c, _, _| boxed(dot_expander::DotExpander::from_config(c)),
        "drop" => |c, _, _| boxed(drop::Drop::from_config(c)),
        "fail" => |c, _, _| boxed(fail::Fail::from_config(c)),
        "fingerprint" => |c, _, _| boxed(fingerprint::Fingerprint::from_config(c)),
        "foreach" => |c, p, s| boxed(foreach::Foreach::from_config(c, p, s)),
        "geoip" | "ip_location" => |c, _, s| boxed(geoip::GeoIp::from_config(c, s)),
        "grok" => |c, _, _| boxed(grok::Grok::from_config(c)),
        "gsub" => |c, _, _| boxed(gsub::from_config(c)),
        "html_strip" => |c, _, _| boxed(html_strip::from_config(c)),
        "join" => |c, _, _| boxed(join::Join::from_config(c)),
        "json" => |c, _, _| boxed(json::Json::from_config(c)),
        "kv" => |c, _, _| boxed(kv::Kv::from_config(c)),
        "lowercase" => |c, _, _| boxed(lowercase::from_config(c)),
        "network_direction" => |c, _, _| boxed(network_direction::NetworkDirection::from_config(c)),
        "pipeline" => |c, _, _| boxed(pipeline::PipelineProcessor::from_config(c)),
        "redact" => |c, _, _| boxed(redact::Redact::from_config(c)),
        "registered_domain" => |c, _, _| boxed(registered_domain::RegisteredDomain::from_config(c)),
        "remove" => |c, _, _| boxed(remove::Remove::from_config(c)),
        "rename" => |c, _, _| boxed(rename::Rename::from_config(c)),
        "reroute" => |c, _, _| boxed(reroute::Reroute::from_config(c)),
        "script" => |c, _, _| boxed(script::ScriptProcessor::from_config(c)),
        "set" => |c, _, _| boxed(set::Set::from_config(c)),
        "sort" => |c, _, _| boxed(sort::Sort::from_config(c)),
        "split" => |c, _, _| boxed(split::Split::from_config(c)),
        "terminate" => |c, _, _| boxed(terminate::Terminate::from_config(c)),
        "trim" => |c, _, _| boxed(trim::from_config(c)),
        "uppercase" => |c, _, _| boxed(uppercase::from_config(c)),
        "uri_parts" => |c, _, _| boxed(uri_parts::UriParts::from_config(c)),
        "urldecode" => |c, _, _| boxed(urldecode::from_config(c)),
        "user_agent" => |c, _, s| boxed(user_agent::UserAgent::from_config(c, s)),
        _ => return None,
    })
}

/// Every processor type a default Elasticsearch 8.x distribution registers.
const ELASTICSEARCH_PROCESSORS: [&str; 45] = [
    "append",
    "attachment",
    "bytes",
    "circle",
    "community_id",
    "convert",
    "csv",
    "date",
    "date_index_name",
    "dissect",
    "dot_expander",
    "drop",
    "enrich",
    "fail",
    "fingerprint",
    "foreach",
    "geo_grid",
    "geoip",
    "grok",
    "gsub",
    "html_strip",
    "inference",
    "ip_location",
    "join",
    "json",
    "kv",
    "lowercase",
    "network_direction",
    "pipeline",
    "redact",
    "registered_domain",
    "remove",
    "rename",
    "reroute",
    "script",
    "set",
    "set_security_user",
    "sort",
    "split",
    "terminate",
    "trim",
    "uppercase",
    "uri_parts",
    "urldecode",
    "user_agent",
];

/// The Elasticsearch processor types this build implements.
pub fn supported_types() -> Vec<&'static str> {
    ELASTICSEARCH_PROCESSORS
        .iter()
        .copied()
        .filter(|t| exists(t))
        .collect()
}

pub fn exists(processor_type: &str) -> bool {
    factory(processor_type).is_some()
}

/// A real Elasticsearch processor that this build does not implement (yet).
pub fn is_known_unsupported(processor_type: &str) -> bool {
    ELASTICSEARCH_PROCESSORS.contains(&processor_type) && !exists(processor_type)
}

pub fn create(
    processor_type: &str,
    config: &mut Config,
    position: &Position,
    services: &Services,
) -> Result<Box<dyn Processor>, ConfigError> {
    match factory(processor_type) {
        Some(f) => f(config, position, services),
        None => Err(config.error(
            None,
            format!("No processor type exists with name [{processor_type}]"),
        )),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Builds single processors and documents for unit tests.
    use crate::document::IngestDocument;
    use crate::pipeline::{compile_step, Env, Flow, Pipeline, ProcessorError, Registry, Services};
    use crate::value::Value;
    use std::sync::Arc;

    pub fn doc(json: &str) -> IngestDocument {
        let Value::Map(source) = Value::from_json_str(json).expect("valid JSON") else {
            panic!("test documents are objects")
        };
        IngestDocument::new(
            source,
            vec![
                ("_index", "index".into()),
                ("_id", "id".into()),
                ("_version", Value::Long(-3)),
            ],
            crate::document::utc_timestamp(1_704_067_200, 0),
        )
    }

    /// Compiles `{type: config}` and returns the config error text, if any.
    pub fn config_error(ptype: &str, config: serde_json::Value) -> String {
        match compile_step(ptype, config, Default::default(), &Services::default()) {
            Ok(_) => panic!("expected a configuration error"),
            Err(errors) => errors[0].reason.clone(),
        }
    }

    /// Runs one processor (with its common options) on `json`; returns the document or the error.
    pub fn run(
        ptype: &str,
        config: serde_json::Value,
        json: &str,
    ) -> Result<IngestDocument, ProcessorError> {
        let mut d = doc(json);
        run_on(ptype, config, &mut d).map(|_| d)
    }

    pub fn run_on(
        ptype: &str,
        config: serde_json::Value,
        d: &mut IngestDocument,
    ) -> Result<Flow, ProcessorError> {
        let step = compile_step(ptype, config, Default::default(), &Services::default())
            .unwrap_or_else(|e| panic!("config error: {}", e[0]));
        let mut registry = Registry::new(Arc::new(Services::default()));
        registry.insert(Pipeline {
            id: "test".into(),
            description: None,
            version: None,
            steps: vec![step],
            on_failure: vec![],
            file: None,
        });
        let env = Env {
            registry: &registry,
            trace: None,
            stats: None,
        };
        let pipeline = registry.get("test").unwrap().clone();
        crate::pipeline::execute_pipeline(&pipeline, d, &env)
    }

    /// The document's source as compact JSON.
    pub fn source_json(d: &IngestDocument) -> String {
        Value::Map(d.source()).to_json()
    }
}
