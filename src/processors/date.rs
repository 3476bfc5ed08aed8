//! `date` (ES `DateProcessor`): tries `formats` in order and writes the date in `output_format`.

use crate::dates::{parse_locale, parse_timezone, DateFormat, JavaFormatter, Locale};
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError, Services};
use crate::template::{Encoding, Template};
use crate::value::Value;

pub const DEFAULT_OUTPUT_FORMAT: &str = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

/// A `timezone` or `locale` option: parsed once when constant, per document when templated.
enum Setting<T> {
    Fixed(T),
    Templated(Template),
}

pub struct Date {
    field: FieldPath,
    target_field: FieldPath,
    formats: Vec<DateFormat>,
    timezone: Setting<jiff::tz::TimeZone>,
    locale: Setting<Locale>,
    output: JavaFormatter,
}

fn setting<T>(
    cfg: &Config,
    key: &str,
    text: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Setting<T>, ConfigError> {
    let t = cfg.template(key, text, Encoding::Json)?;
    match t.as_constant() {
        Some(c) => parse(c)
            .map(Setting::Fixed)
            .map_err(|e| cfg.error(Some(key), e)),
        None => Ok(Setting::Templated(t)),
    }
}

impl Date {
    pub fn from_config(cfg: &mut Config, services: &Services) -> Result<Date, ConfigError> {
        let field = cfg.required_path("field")?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| FieldPath::parse("@timestamp").expect("valid default path"));
        let formats = match cfg.optional_string_list("formats")? {
            None => return Err(cfg.error(Some("formats"), "required property is missing")),
            Some(f) => f,
        };
        let timezone = cfg.string_or("timezone", "UTC")?;
        let locale = cfg.optional_string("locale")?;
        let output_format = cfg.string_or("output_format", DEFAULT_OUTPUT_FORMAT)?;
        let timezone = setting(cfg, "timezone", &timezone, parse_timezone)?;
        // ES defaults to Locale.ENGLISH without parsing a name.
        let locale = match locale {
            Some(l) => setting(cfg, "locale", &l, parse_locale)?,
            None => Setting::Fixed(Locale::english()),
        };
        // ES DateProcessor builds its output formatter without a locale, i.e. Locale.ROOT.
        let output = JavaFormatter::compile(&output_format, &Locale::root()).map_err(|e| {
            cfg.error(
                Some("output_format"),
                format!("invalid output format [{output_format}]: {e}"),
            )
        })?;
        if services.lint {
            for f in &formats {
                DateFormat::compile(f).map_err(|e| {
                    cfg.error(
                        Some("formats"),
                        format!("{e} (Elasticsearch accepts the pipeline but fails every document this format is tried on)"),
                    )
                })?;
            }
        }
        Ok(Date {
            field,
            target_field,
            // ES compiles Java patterns when a document is parsed: a bad one fails documents, not the load.
            formats: formats
                .iter()
                .map(|f| DateFormat::compile_deferred(f))
                .collect(),
            timezone,
            locale,
            output,
        })
    }
}

impl Processor for Date {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let value = doc
            .get(&self.field)
            .map_err(ProcessorError::illegal_argument)?;
        let text = match value {
            Value::Null => "null".to_string(),
            other => other.to_java_string(),
        };
        let tz_owned;
        let timezone = match &self.timezone {
            Setting::Fixed(tz) => tz,
            Setting::Templated(t) => {
                tz_owned =
                    parse_timezone(&t.render(doc)?).map_err(ProcessorError::illegal_argument)?;
                &tz_owned
            }
        };
        let locale_owned;
        let locale = match &self.locale {
            Setting::Fixed(l) => l,
            Setting::Templated(t) => {
                locale_owned =
                    parse_locale(&t.render(doc)?).map_err(ProcessorError::illegal_argument)?;
                &locale_owned
            }
        };
        let mut first_error = None;
        let mut parsed = None;
        for format in &self.formats {
            match format.parse(&text, timezone, locale) {
                Ok(z) => {
                    parsed = Some(z);
                    break;
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        let Some(date) = parsed else {
            let mut err =
                ProcessorError::illegal_argument(format!("unable to parse date [{text}]"));
            // DateProcessor keeps the first parser's exception as the cause (`useOrSuppress`);
            // on_failure sees the innermost message of that chain
            if let Some(e) = first_error {
                err.root_cause_message = e.root;
            }
            return Err(err);
        };
        let formatted = self.output.format(&date);
        doc.set(&self.target_field, Value::String(formatted))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn iso8601_to_default_output() {
        let d = run(
            "date",
            json!({"field": "t", "formats": ["ISO8601"]}),
            r#"{"t":"2020-02-14T22:18:51.843Z"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"t":"2020-02-14T22:18:51.843Z","@timestamp":"2020-02-14T22:18:51.843Z"}"#
        );
    }

    #[test]
    fn formats_are_tried_in_order_with_timezone() {
        let d = run(
            "date",
            json!({"field": "t", "target_field": "o", "formats": ["UNIX", "dd/MM/yyyy HH:mm:ss"], "timezone": "Europe/Amsterdam"}),
            r#"{"t":"14/02/2020 10:00:00"}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"t":"14/02/2020 10:00:00","o":"2020-02-14T10:00:00.000+01:00"}"#
        );
        let d = run(
            "date",
            json!({"field": "t", "formats": ["UNIX_MS"], "output_format": "yyyy-MM-dd"}),
            r#"{"t":1581718731843}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"t":1581718731843,"@timestamp":"2020-02-14"}"#
        );
    }

    #[test]
    fn templated_timezone() {
        let d = run(
            "date",
            json!({"field": "t", "formats": ["ISO8601"], "timezone": "{{tz}}"}),
            r#"{"t":"2020-02-14T22:18:51Z","tz":"+02:00"}"#,
        )
        .unwrap();
        assert!(
            source_json(&d).contains(r#""@timestamp":"2020-02-15T00:18:51.000+02:00""#),
            "{}",
            source_json(&d)
        );
    }

    #[test]
    fn invalid_formats_fail_documents_but_not_the_load() {
        let e = run(
            "date",
            json!({"field": "t", "formats": ["yyyy-MM-dd fff"]}),
            r#"{"t":"x"}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "unable to parse date [x]");
        let lint = crate::pipeline::Services::default().with_lint();
        let err = crate::pipeline::compile_step(
            "date",
            json!({"field": "t", "formats": ["yyyy-MM-dd fff"]}),
            Default::default(),
            &lint,
        )
        .err()
        .expect("check rejects the format");
        assert!(err[0].reason.starts_with("[formats] "), "{}", err[0].reason);
    }

    /// `_ingest.on_failure_message` is the innermost cause of the first format's failure
    /// (`DateProcessor`: `useOrSuppress`; `CompoundProcessor`: `getRootCause()`).
    #[test]
    fn on_failure_sees_the_first_formats_root_cause() {
        let cases = [
            (
                json!(["dd/MM/yyyy", "yyyy/MM/dd"]),
                "Text '2020-01-02x' could not be parsed at index 2",
            ),
            (
                json!(["yyyy-MM-dd{"]),
                "Pattern includes reserved character: '{'",
            ),
            (
                json!(["UNIX", "dd/MM/yyyy"]),
                "For input string: \"2020-01-02x\"",
            ),
        ];
        for (formats, root) in cases {
            let e = run(
                "date",
                json!({"field": "t", "formats": formats}),
                r#"{"t":"2020-01-02x"}"#,
            )
            .unwrap_err();
            assert_eq!(e.reason, "unable to parse date [2020-01-02x]");
            assert_eq!(e.root_cause_message, root);
        }
    }

    #[test]
    fn failures() {
        let e = run(
            "date",
            json!({"field": "t", "formats": ["ISO8601"]}),
            r#"{"t":"nope"}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "unable to parse date [nope]");
        let e = run("date", json!({"field": "x", "formats": ["ISO8601"]}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [x] not present as part of path [x]");
        assert_eq!(
            config_error("date", json!({"field": "t"})),
            "[formats] required property is missing"
        );
        assert!(config_error(
            "date",
            json!({"field": "t", "formats": ["ISO8601"], "timezone": "Mars/Base"})
        )
        .starts_with("[timezone]"));
    }
}
