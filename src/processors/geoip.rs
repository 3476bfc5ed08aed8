//! `geoip` and its 8.16+ alias `ip_location` (ES `GeoIpProcessor`, module ingest-geoip).

use crate::document::{FieldPath, IngestDocument};
use crate::geoip::{lookup_list, GeoIpDatabase, Property, DEFAULT_DATABASE_FILE};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError, Services};
use crate::value::Value;
use std::sync::Arc;

pub struct GeoIp {
    field: FieldPath,
    target_field: FieldPath,
    database: Arc<GeoIpDatabase>,
    properties: Vec<Property>,
    first_only: bool,
    ignore_missing: bool,
}

impl GeoIp {
    pub fn from_config(cfg: &mut Config, services: &Services) -> Result<GeoIp, ConfigError> {
        let default_target = if cfg.processor_type == "ip_location" {
            "ip_location"
        } else {
            "geoip"
        };
        let field = cfg.required_path("field")?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| FieldPath::parse(default_target).expect("valid default path"));
        let database_file = cfg.string_or("database_file", DEFAULT_DATABASE_FILE)?;
        let properties = cfg.optional_string_list("properties")?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let first_only = cfg.bool("first_only", true)?;
        // Accepted for compatibility; databases are local here.
        cfg.bool("download_database_on_pipeline_creation", true)?;
        let databases = services
            .geoip()
            .map_err(|e| cfg.error(Some("database_file"), e))?;
        let database = databases.get(&database_file).ok_or_else(|| {
            cfg.error(
                Some("database_file"),
                crate::geoip::unknown_database_error(&database_file),
            )
        })?;
        let properties = database
            .parse_properties(properties.as_deref())
            .map_err(|e| cfg.error(Some("properties"), e))?;
        Ok(GeoIp {
            field,
            target_field,
            database,
            properties,
            first_only,
            ignore_missing,
        })
    }
}

impl Processor for GeoIp {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let result = match doc.lookup(&self.field) {
            Ok(Value::Null) | Err(_) if self.ignore_missing => return Ok(Flow::Continue),
            Ok(Value::Null) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{}] is null, cannot extract geoip information.",
                    self.field.full
                )))
            }
            Ok(Value::String(ip)) => self
                .database
                .lookup(ip, &self.properties)
                .map_err(ProcessorError::illegal_argument)?
                .map(Value::Map),
            Ok(Value::List(ips)) => lookup_list(
                &self.database,
                ips,
                &self.field.full,
                &self.properties,
                self.first_only,
            )
            .map_err(ProcessorError::illegal_argument)?,
            Ok(_) => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{}] should contain only string or array of strings",
                    self.field.full
                )))
            }
            Err(e) => return Err(ProcessorError::illegal_argument(e.message(&self.field))),
        };
        if let Some(data) = result {
            doc.set(&self.target_field, data)
                .map_err(ProcessorError::illegal_argument)?;
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn city_and_asn_from_the_test_databases() {
        let d = run(
            "geoip",
            json!({"field": "ip", "target_field": "geo"}),
            r#"{"ip":"175.16.199.1"}"#,
        )
        .unwrap();
        let out: serde_json::Value = serde_json::from_str(&source_json(&d)).unwrap();
        assert_eq!(out["geo"]["city_name"], "Changchun");
        assert_eq!(out["geo"]["region_iso_code"], "CN-22");
        let d = run("geoip", json!({"field": "ip", "database_file": "GeoLite2-ASN.mmdb", "properties": ["asn", "organization_name"]}), r#"{"ip":"1.128.0.0"}"#).unwrap();
        let out: serde_json::Value = serde_json::from_str(&source_json(&d)).unwrap();
        assert_eq!(out["geoip"]["asn"], 1221);
    }

    #[test]
    fn private_ips_add_nothing_and_invalid_ips_fail() {
        let d = run("geoip", json!({"field": "ip"}), r#"{"ip":"10.0.0.1"}"#).unwrap();
        assert_eq!(source_json(&d), r#"{"ip":"10.0.0.1"}"#);
        let e = run("geoip", json!({"field": "ip"}), r#"{"ip":"not-an-ip"}"#).unwrap_err();
        assert_eq!(e.reason, "'not-an-ip' is not an IP string literal.");
    }

    #[test]
    fn config_errors() {
        assert_eq!(
            config_error(
                "geoip",
                json!({"field": "ip", "database_file": "nope.mmdb"})
            ),
            "[database_file] database file [nope.mmdb] doesn't exist"
        );
        assert!(
            config_error("geoip", json!({"field": "ip", "properties": ["bogus"]}))
                .starts_with("[properties] illegal property value [bogus]")
        );
    }
}
