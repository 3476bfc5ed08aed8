//! `date_index_name` (ES `DateIndexNameProcessor`): sets `_index` to a date-math index name such as
//! `<events-{2016-04-25||/d{yyyy-MM-dd|UTC}}>`, which Elasticsearch resolves when indexing.

use crate::dates::{
    java_zone_id, parse_language_tag, parse_timezone, DateFormat, JavaFormatter, Locale,
};
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::template::{Encoding, Template};
use crate::value::Value;

pub struct DateIndexName {
    field: FieldPath,
    prefix: Template,
    rounding: Template,
    index_name_format: Template,
    formats: Vec<DateFormat>,
    timezone: jiff::tz::TimeZone,
    zone_name: String,
    locale: Locale,
}

impl DateIndexName {
    pub fn from_config(cfg: &mut Config) -> Result<DateIndexName, ConfigError> {
        let field = cfg.required_path("field")?;
        let prefix = cfg.string_or("index_name_prefix", "")?;
        let rounding = cfg.required_string("date_rounding")?;
        let index_name_format = cfg.string_or("index_name_format", "yyyy-MM-dd")?;
        let formats = cfg
            .optional_string_list("date_formats")?
            .unwrap_or_else(|| vec!["yyyy-MM-dd'T'HH:mm:ss.SSSXX".to_string()]);
        let timezone_name = cfg.string_or("timezone", "UTC")?;
        let locale = match cfg.optional_string("locale")? {
            Some(l) => parse_language_tag(&l).map_err(|e| cfg.error(Some("locale"), e))?,
            None => Locale::english(),
        };
        let timezone =
            parse_timezone(&timezone_name).map_err(|e| cfg.error(Some("timezone"), e))?;
        // ES writes "UTC" for the UTC offset so that 6.x and 7.x names agree.
        let zone_name = match java_zone_id(&timezone).as_str() {
            "Z" => "UTC".to_string(),
            other => other.to_string(),
        };
        let _ = timezone_name;
        let formats = formats
            .iter()
            .map(|f| DateFormat::compile(f).map_err(|e| cfg.error(Some("date_formats"), e)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DateIndexName {
            field,
            prefix: cfg.template("index_name_prefix", &prefix, Encoding::Json)?,
            rounding: cfg.template("date_rounding", &rounding, Encoding::Json)?,
            index_name_format: cfg.template(
                "index_name_format",
                &index_name_format,
                Encoding::Json,
            )?,
            formats,
            timezone,
            zone_name,
            locale,
        })
    }
}

impl Processor for DateIndexName {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let value = doc
            .get(&self.field)
            .map_err(ProcessorError::illegal_argument)?;
        let text = match value {
            Value::Null => "null".to_string(),
            other => other.to_java_string(),
        };
        // DateIndexNameProcessor tries every format (its loop has no `break`): the last one that
        // parses wins, and the first failure is the cause (`useOrSuppress`)
        let mut first_error = None;
        let mut date = None;
        for format in &self.formats {
            match format.parse(&text, &self.timezone, &self.locale) {
                Ok(z) => date = Some(z),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        let Some(date) = date else {
            let mut err =
                ProcessorError::illegal_argument(format!("unable to parse date [{text}]"));
            if let Some(e) = first_error {
                err.root_cause_message = e.root;
            }
            return Err(err);
        };
        let format = self.index_name_format.render(doc)?;
        let formatter = JavaFormatter::compile(&format, &self.locale)
            .map_err(ProcessorError::illegal_argument)?;
        let name = format!(
            "<{}{{{}||/{}{{{}|{}}}}}>",
            self.prefix.render(doc)?,
            formatter.format(&date),
            self.rounding.render(doc)?,
            format,
            self.zone_name
        );
        doc.ctx.insert("_index", Value::String(name));
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn builds_a_date_math_index_name() {
        // The example of ES's date_index_name documentation.
        let d = run(
            "date_index_name",
            json!({"field": "date1", "index_name_prefix": "my-index-", "date_rounding": "M"}),
            r#"{"date1":"2016-04-25T12:02:01.789Z"}"#,
        )
        .unwrap();
        assert_eq!(
            d.metadata("_index").unwrap().as_str(),
            Some("<my-index-{2016-04-25||/M{yyyy-MM-dd|UTC}}>")
        );
    }

    #[test]
    fn formats_timezone_and_failures() {
        let d = run(
            "date_index_name",
            json!({"field": "t", "date_rounding": "d", "date_formats": ["UNIX_MS"], "timezone": "Europe/Amsterdam", "index_name_format": "yyyy-MM-dd-HH"}),
            r#"{"t":1461585721789}"#,
        )
        .unwrap();
        assert_eq!(
            d.metadata("_index").unwrap().as_str(),
            Some("<{2016-04-25-14||/d{yyyy-MM-dd-HH|Europe/Amsterdam}}>")
        );
        let e = run(
            "date_index_name",
            json!({"field": "t", "date_rounding": "d"}),
            r#"{"t":"nope"}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "unable to parse date [nope]");
        assert_eq!(
            config_error("date_index_name", json!({"field": "t"})),
            "[date_rounding] required property is missing"
        );
    }
}
