//! `reroute` (ES `RerouteProcessor`, 8.8+): sends the document to `destination`, or in data stream
//! mode to `<type>-<dataset>-<namespace>` built from field references / static values with
//! fallbacks to the current `_index`, and updates `data_stream.*` (and `event.dataset` when
//! present). Like ES's `IngestDocument.reroute`, it stops every pipeline currently running, not just
//! the current one (`doc.reroute`).

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;

const MAX_LENGTH: usize = 100;
const DISALLOWED_IN_DATASET: &[char] = &[
    '\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':', '-',
];
const DISALLOWED_IN_NAMESPACE: &[char] =
    &['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':'];

/// ES `DataStreamValueSource`: `{{field}}` / `{{{field}}}` or a static value.
#[derive(Debug)]
enum ValueSource {
    Static(String),
    /// The path, or the error `FieldPath` raises for it at run time.
    Field(Result<FieldPath, String>),
}

#[derive(Clone, Copy)]
enum Part {
    Dataset,
    Namespace,
}

impl Part {
    fn disallowed(self) -> &'static [char] {
        match self {
            Part::Dataset => DISALLOWED_IN_DATASET,
            Part::Namespace => DISALLOWED_IN_NAMESPACE,
        }
    }

    /// `sanitizeDataStreamField`: lower case, at most 100 UTF-16 units, disallowed chars → `_`.
    fn sanitize(self, s: &str) -> String {
        let lower = s.to_lowercase();
        let mut units = 0;
        let mut out = String::with_capacity(lower.len());
        for c in lower.chars() {
            units += c.len_utf16();
            if units > MAX_LENGTH {
                break;
            }
            out.push(if self.disallowed().contains(&c) {
                '_'
            } else {
                c
            });
        }
        out
    }
}

impl ValueSource {
    fn parse(value: &str, part: Part) -> Result<ValueSource, String> {
        if value.contains("{{") || value.contains("}}") {
            let invalid = || format!("'{value}' is not a valid field reference");
            if !value.starts_with("{{") || !value.ends_with("}}") || value.len() < 4 {
                return Err(invalid());
            }
            let mut reference = &value[2..value.len() - 2];
            if reference.starts_with('{') && reference.ends_with('}') && reference.len() >= 2 {
                reference = &reference[1..reference.len() - 1];
            }
            if reference.contains('{') || reference.contains('}') {
                return Err(invalid());
            }
            return Ok(ValueSource::Field(FieldPath::parse(reference)));
        }
        if part.sanitize(value) != value {
            return Err(format!("'{value}' contains disallowed characters"));
        }
        Ok(ValueSource::Static(value.to_string()))
    }

    /// `resolve`: a missing or null field gives None; a non-string value is an error.
    fn resolve(&self, doc: &IngestDocument, part: Part) -> Result<Option<String>, ProcessorError> {
        match self {
            ValueSource::Static(v) => Ok(Some(v.clone())),
            ValueSource::Field(Err(e)) => Err(ProcessorError::illegal_argument(e.clone())),
            ValueSource::Field(Ok(path)) => match doc.get_opt(path) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(part.sanitize(s))),
                Some(other) => Err(ProcessorError::illegal_argument(format!(
                    "field [{}] of type [{}] cannot be cast to [java.lang.String]",
                    path.full,
                    other.java_class_name()
                ))),
            },
        }
    }
}

pub struct Reroute {
    dataset: Vec<ValueSource>,
    namespace: Vec<ValueSource>,
    destination: Option<String>,
}

/// The configured sources (the `data_stream.*` default when none), and whether any were given.
fn read_sources(
    cfg: &mut Config,
    key: &str,
    part: Part,
) -> Result<(Vec<ValueSource>, bool), ConfigError> {
    // ES readOptionalListOrString: a string, or a list (of strings)
    let values: Vec<String> = match cfg.take(key) {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::String(s)) => vec![s],
        Some(serde_json::Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                serde_json::Value::String(s) => Ok(s),
                other => Err(cfg.error(
                    Some(key),
                    format!(
                        "property isn't a string, but of type [{}]",
                        crate::pipeline::config::json_class_name(&other)
                    ),
                )),
            })
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(cfg.error(
                Some(key),
                format!(
                    "property isn't a list, but of type [{}]",
                    crate::pipeline::config::json_class_name(&other)
                ),
            ))
        }
    };
    let mut sources = values
        .iter()
        .map(|v| ValueSource::parse(v, part))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| cfg.error(Some(key), e))?;
    let given = !sources.is_empty();
    if !given {
        let default = match part {
            Part::Dataset => "data_stream.dataset",
            Part::Namespace => "data_stream.namespace",
        };
        sources.push(ValueSource::Field(FieldPath::parse(default)));
    }
    Ok((sources, given))
}

impl Reroute {
    pub fn from_config(cfg: &mut Config) -> Result<Reroute, ConfigError> {
        let (dataset, dataset_given) = read_sources(cfg, "dataset", Part::Dataset)?;
        let (namespace, namespace_given) = read_sources(cfg, "namespace", Part::Namespace)?;
        let destination = cfg.optional_string("destination")?;
        if destination.is_some() && (dataset_given || namespace_given) {
            return Err(cfg.error(
                Some("destination"),
                "can only be set if dataset and namespace are not set",
            ));
        }
        Ok(Reroute {
            dataset,
            namespace,
            destination,
        })
    }

    fn determine(
        &self,
        doc: &IngestDocument,
        sources: &[ValueSource],
        part: Part,
        fallback: &str,
    ) -> Result<String, ProcessorError> {
        for source in sources {
            if let Some(v) = source.resolve(doc, part)? {
                return Ok(v);
            }
        }
        Ok(fallback.to_string())
    }
}

/// The fields reroute writes, parsed once rather than per document.
struct Targets {
    index: FieldPath,
    data_stream_type: FieldPath,
    data_stream_dataset: FieldPath,
    data_stream_namespace: FieldPath,
    event_dataset: FieldPath,
}

static TARGETS: std::sync::LazyLock<Targets> = std::sync::LazyLock::new(|| {
    let path = |p: &str| FieldPath::parse(p).expect("constant paths are valid");
    Targets {
        index: path("_index"),
        data_stream_type: path("data_stream.type"),
        data_stream_dataset: path("data_stream.dataset"),
        data_stream_namespace: path("data_stream.namespace"),
        event_dataset: path("event.dataset"),
    }
});

fn set(doc: &mut IngestDocument, path: &FieldPath, value: String) -> Result<(), ProcessorError> {
    doc.set(path, Value::String(value))
        .map_err(ProcessorError::illegal_argument)
}

impl Processor for Reroute {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        if let Some(destination) = &self.destination {
            set(doc, &TARGETS.index, destination.clone())?;
            doc.reroute = true;
            return Ok(Flow::Continue);
        }
        let index = match doc.ctx.get("_index") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [_index] of type [{}] cannot be cast to [java.lang.String]",
                    other.java_class_name()
                )))
            }
            None => {
                return Err(ProcessorError::illegal_argument(
                    "field [_index] not present as part of path [_index]",
                ))
            }
        };
        let invalid = || {
            ProcessorError::illegal_argument(format!(
                "invalid data stream name: [{index}]; must follow naming scheme <type>-<dataset>-<namespace>"
            ))
        };
        let first = index.find('-').ok_or_else(invalid)?;
        let second = index[first + 1..]
            .find('-')
            .map(|i| i + first + 1)
            .ok_or_else(invalid)?;
        let data_type = index[..first].to_string();
        let dataset =
            self.determine(doc, &self.dataset, Part::Dataset, &index[first + 1..second])?;
        let namespace =
            self.determine(doc, &self.namespace, Part::Namespace, &index[second + 1..])?;
        let targets = &*TARGETS;
        set(
            doc,
            &targets.index,
            format!("{data_type}-{dataset}-{namespace}"),
        )?;
        doc.reroute = true;
        set(doc, &targets.data_stream_type, data_type)?;
        set(doc, &targets.data_stream_dataset, dataset.clone())?;
        set(doc, &targets.data_stream_namespace, namespace)?;
        if doc.has(&targets.event_dataset) {
            set(doc, &targets.event_dataset, dataset)?;
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::document::IngestDocument;
    use crate::processors::test_support::*;
    use crate::value::Value;
    use serde_json::json;

    fn doc_in(index: &str, source: &str) -> IngestDocument {
        let mut d = doc(source);
        d.ctx.insert("_index", Value::String(index.into()));
        d
    }

    fn reroute(
        config: serde_json::Value,
        index: &str,
        source: &str,
    ) -> Result<IngestDocument, String> {
        let mut d = doc_in(index, source);
        run_on("reroute", config, &mut d).map_err(|e| e.reason)?;
        Ok(d)
    }

    fn index(d: &IngestDocument) -> &str {
        d.ctx.get("_index").and_then(Value::as_str).unwrap()
    }

    #[test]
    fn defaults_keep_the_current_target() {
        // RerouteProcessorTests.testDefaults
        let d = reroute(json!({}), "logs-generic-default", "{}").unwrap();
        assert_eq!(index(&d), "logs-generic-default");
        assert_eq!(
            source_json(&d),
            r#"{"data_stream":{"type":"logs","dataset":"generic","namespace":"default"}}"#
        );
        assert!(d.reroute);
    }

    #[test]
    fn data_stream_fields_from_document_are_sanitized() {
        // testInvalidDataStreamFieldsFromDocument
        let d = reroute(
            json!({}),
            "logs-generic-default",
            r#"{"data_stream":{"dataset":"Foo-Bar","namespace":"baz#qux"}}"#,
        )
        .unwrap();
        assert_eq!(index(&d), "logs-foo_bar-baz_qux");
    }

    #[test]
    fn field_references_static_values_and_fallbacks() {
        // testFieldReference
        let d = reroute(
            json!({"dataset": "{{service.name}}", "namespace": ["{{{service.environment}}}"]}),
            "logs-generic-default",
            r#"{"service":{"name":"opbeans-java","environment":"dev"}}"#,
        )
        .unwrap();
        assert_eq!(index(&d), "logs-opbeans_java-dev");
        // testDatasetFieldReferenceMissingValue
        let d = reroute(
            json!({"dataset": ["{{data_stream.dataset}}", "fallback"], "namespace": ["{{x}}", "fallback"]}),
            "logs-generic-default",
            "{}",
        )
        .unwrap();
        assert_eq!(index(&d), "logs-fallback-fallback");
        // testFallbackToValuesFrom_index: explicit references replace the data_stream defaults
        let d = reroute(
            json!({"dataset": "{{foo}}", "namespace": "{{bar}}"}),
            "logs-generic-default",
            r#"{"data_stream":{"dataset":"foo","namespace":"bar"}}"#,
        )
        .unwrap();
        assert_eq!(index(&d), "logs-generic-default");
        // a long dataset is cut to 100 characters
        let long = "a".repeat(150);
        let d = reroute(
            json!({"dataset": "{{d}}"}),
            "logs-generic-default",
            &format!(r#"{{"d":"{long}"}}"#),
        )
        .unwrap();
        assert_eq!(index(&d), format!("logs-{}-default", "a".repeat(100)));
    }

    #[test]
    fn event_dataset_follows_when_present() {
        let d = reroute(
            json!({"dataset": "{{event.dataset}}"}),
            "logs-generic-default",
            r#"{"event":{"dataset":"foo"}}"#,
        )
        .unwrap();
        assert_eq!(index(&d), "logs-foo-default");
        assert_eq!(
            d.get_str_path("event.dataset").unwrap(),
            &Value::String("foo".into())
        );
        let d = reroute(
            json!({"dataset": "x"}),
            "logs-generic-default",
            r#"{"event":{"dataset":"y"}}"#,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("event.dataset").unwrap(),
            &Value::String("x".into())
        );
    }

    #[test]
    fn destination() {
        // testDestination / testInvalidDataStreamName
        let d = reroute(json!({"destination": "foo", "dataset": []}), "x", "{}").unwrap();
        assert_eq!(index(&d), "foo");
        assert_eq!(source_json(&d), "{}");
        assert!(d.reroute);
    }

    #[test]
    fn runtime_errors() {
        assert_eq!(
            reroute(json!({}), "foo", "{}").unwrap_err(),
            "invalid data stream name: [foo]; must follow naming scheme <type>-<dataset>-<namespace>"
        );
        assert_eq!(
            reroute(json!({}), "logs-foo", "{}").unwrap_err(),
            "invalid data stream name: [logs-foo]; must follow naming scheme <type>-<dataset>-<namespace>"
        );
        // testRouteOnNonStringFieldFails
        assert_eq!(
            reroute(
                json!({"dataset": "{{n}}"}),
                "logs-generic-default",
                r#"{"n":42}"#
            )
            .unwrap_err(),
            "field [n] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
    }

    #[test]
    fn ends_every_running_pipeline() {
        use crate::pipeline::{
            compile_pipeline, execute_pipeline, Definition, Env, Registry, Services,
        };
        use std::sync::Arc;
        let services = Services::default();
        let compile = |id: &str, body: serde_json::Value| {
            let def = Definition {
                id: id.into(),
                file: None,
                body,
                processor_lines: vec![],
                on_failure_lines: vec![],
            };
            compile_pipeline(&def, &services).unwrap_or_else(|e| panic!("{}", e[0]))
        };
        let inner = compile(
            "inner",
            json!({"processors": [{"reroute": {"destination": "elsewhere"}}, {"set": {"field": "inner_after", "value": 1}}]}),
        );
        let outer = compile(
            "outer",
            json!({"processors": [{"pipeline": {"name": "inner"}}, {"set": {"field": "outer_after", "value": 1}}]}),
        );
        let mut registry = Registry::new(Arc::new(Services::default()));
        registry.insert(inner);
        registry.insert(outer);
        let env = Env {
            registry: &registry,
            trace: None,
            stats: None,
        };
        let mut d = doc("{}");
        let outer = registry.get("outer").unwrap().clone();
        execute_pipeline(&outer, &mut d, &env).unwrap();
        assert_eq!(source_json(&d), "{}");
        assert_eq!(index(&d), "elsewhere");
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error("reroute", json!({"destination": "x", "dataset": "y"})),
            "[destination] can only be set if dataset and namespace are not set"
        );
        assert_eq!(
            config_error("reroute", json!({"dataset": "Foo"})),
            "[dataset] 'Foo' contains disallowed characters"
        );
        assert_eq!(
            config_error("reroute", json!({"dataset": "a-b"})),
            "[dataset] 'a-b' contains disallowed characters"
        );
        assert_eq!(
            config_error("reroute", json!({"namespace": "{{a}}-{{b}}"})),
            "[namespace] '{{a}}-{{b}}' is not a valid field reference"
        );
        assert_eq!(
            config_error("reroute", json!({"dataset": 1})),
            "[dataset] property isn't a list, but of type [java.lang.Integer]"
        );
        assert_eq!(
            config_error("reroute", json!({"namespace": "x{{a}}"})),
            "[namespace] 'x{{a}}' is not a valid field reference"
        );
    }
}
