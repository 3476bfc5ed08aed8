//! `uri_parts` (ES `UriPartsProcessor`): `java.net.URI`, falling back to `java.net.URL`.

pub mod java_uri;

use super::field_access::{get_string, StrField};
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::{Map, Value};

pub struct UriParts {
    field: FieldPath,
    target_field: FieldPath,
    remove_if_successful: bool,
    keep_original: bool,
    ignore_missing: bool,
}

impl UriParts {
    pub fn from_config(cfg: &mut Config) -> Result<UriParts, ConfigError> {
        let field = cfg.required_path("field")?;
        let target = cfg.string_or("target_field", "url")?;
        let target_field =
            FieldPath::parse(&target).map_err(|e| cfg.error(Some("target_field"), e))?;
        Ok(UriParts {
            field,
            target_field,
            remove_if_successful: cfg.bool("remove_if_successful", false)?,
            keep_original: cfg.bool("keep_original", true)?,
            ignore_missing: cfg.bool("ignore_missing", false)?,
        })
    }
}

fn opt(v: Option<String>) -> Value {
    v.map(Value::String).unwrap_or(Value::Null)
}

/// ES `UriPartsProcessor.apply`: the `url.*` object (a `HashMap`).
pub fn uri_parts(text: &str) -> Result<Map, ProcessorError> {
    let parts = java_uri::parse_uri(text)
        .or_else(|| java_uri::parse_url(text))
        .ok_or_else(|| ProcessorError::illegal_argument(format!("unable to parse URI [{text}]")))?;
    let mut m = Map::new();
    m.insert("domain", opt(parts.host));
    if let Some(f) = parts.fragment {
        m.insert("fragment", Value::String(f));
    }
    if let Some(path) = parts.path {
        // the extension comes from the last path segment only
        if let Some(slash) = path.rfind('/') {
            let last = &path[slash..];
            if let Some(dot) = last.rfind('.') {
                m.insert("extension", Value::String(last[dot + 1..].to_string()));
            }
        }
        m.insert("path", Value::String(path));
    }
    if parts.port != -1 {
        m.insert("port", Value::Int(parts.port));
    }
    if let Some(q) = parts.query {
        m.insert("query", Value::String(q));
    }
    m.insert("scheme", opt(parts.scheme));
    if let Some(ui) = parts.user_info {
        if let Some((user, password)) = ui.split_once(':') {
            m.insert("username", Value::String(user.to_string()));
            m.insert("password", Value::String(password.to_string()));
        }
        m.insert("user_info", Value::String(ui));
    }
    Ok(m)
}

impl Processor for UriParts {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let value = match get_string(doc, &self.field, self.ignore_missing)? {
            StrField::Missing => return Ok(Flow::Continue),
            StrField::Null if self.ignore_missing => return Ok(Flow::Continue),
            StrField::Null => {
                // new URI(null)
                return Err(ProcessorError::new(
                    "null_pointer_exception",
                    "Cannot invoke \"String.length()\" because \"this.input\" is null",
                ));
            }
            StrField::Str(s) => s.to_string(),
        };
        let mut parts = uri_parts(&value)?;
        if self.keep_original {
            parts.insert("original", Value::String(value));
        }
        if self.remove_if_successful && self.target_field.full != self.field.full {
            doc.remove(&self.field)
                .map_err(ProcessorError::illegal_argument)?;
        }
        doc.set(&self.target_field, Value::Map(parts))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use crate::value::Value;
    use serde_json::{json, Value as Json};

    fn parts(uri: &str) -> Json {
        let d = run(
            "uri_parts",
            json!({"field": "f", "keep_original": false}),
            &json!({ "f": uri }).to_string(),
        )
        .unwrap();
        d.get_str_path("url").unwrap().to_serde()
    }

    // Cases from ES UriPartsProcessorTests.
    #[test]
    fn es_cases() {
        assert_eq!(
            parts("http://www.google.com"),
            json!({"scheme": "http", "domain": "www.google.com", "path": ""})
        );
        assert_eq!(
            parts("http://www.google.com:88"),
            json!({"scheme": "http", "domain": "www.google.com", "path": "", "port": 88})
        );
        assert_eq!(
            parts("http://www.google.com:88/google.png"),
            json!({"scheme": "http", "domain": "www.google.com", "extension": "png", "path": "/google.png", "port": 88})
        );
        assert_eq!(
            parts("https://www.google.com:88/foo#bar"),
            json!({"scheme": "https", "domain": "www.google.com", "fragment": "bar", "path": "/foo", "port": 88})
        );
        assert_eq!(
            parts("https://www.google.com:88/foo?key=val"),
            json!({"scheme": "https", "domain": "www.google.com", "path": "/foo", "query": "key=val", "port": 88})
        );
        assert_eq!(
            parts("https://user:pw@www.google.com:88/foo"),
            json!({"scheme": "https", "domain": "www.google.com", "path": "/foo", "port": 88,
                   "user_info": "user:pw", "username": "user", "password": "pw"})
        );
        assert_eq!(
            parts("https://user:@www.google.com:88/foo"),
            json!({"scheme": "https", "domain": "www.google.com", "path": "/foo", "port": 88,
                   "user_info": "user:", "username": "user", "password": ""})
        );
        assert_eq!(
            parts("https://user:pw@testing.google.com:8080/foo/bar?foo1=bar1&foo2=bar2#anchorVal"),
            json!({"scheme": "https", "domain": "testing.google.com", "fragment": "anchorVal", "path": "/foo/bar",
                   "port": 8080, "username": "user", "password": "pw", "user_info": "user:pw",
                   "query": "foo1=bar1&foo2=bar2"})
        );
        assert_eq!(
            parts("ftp://ftp.is.co.za/rfc/rfc1808.txt"),
            json!({"scheme": "ftp", "path": "/rfc/rfc1808.txt", "extension": "txt", "domain": "ftp.is.co.za"})
        );
        assert_eq!(
            parts("telnet://192.0.2.16:80/"),
            json!({"scheme": "telnet", "path": "/", "port": 80, "domain": "192.0.2.16"})
        );
        assert_eq!(
            parts("ldap://[2001:db8::7]/c=GB?objectClass?one"),
            json!({"scheme": "ldap", "path": "/c=GB", "query": "objectClass?one", "domain": "[2001:db8::7]"})
        );
        // URL fallback for characters URI rejects
        assert_eq!(
            parts("http://www.google.com/path with spaces"),
            json!({"scheme": "http", "domain": "www.google.com", "path": "/path with spaces"})
        );
        assert_eq!(
            parts("https://user:pw@testing.google.com:8080/foo with space/bar?foo1=bar1&foo2=bar2#anchorVal"),
            json!({"scheme": "https", "domain": "testing.google.com", "fragment": "anchorVal",
                   "path": "/foo with space/bar", "port": 8080, "username": "user", "password": "pw",
                   "user_info": "user:pw", "query": "foo1=bar1&foo2=bar2"})
        );
        // decoded getters; opaque and relative URIs
        assert_eq!(
            parts("http://x.org/a%20b.tar.gz?q=%41"),
            json!({"scheme": "http", "domain": "x.org", "path": "/a b.tar.gz", "extension": "gz", "query": "q=A"})
        );
        assert_eq!(
            parts("mailto:a@b.c"),
            json!({"scheme": "mailto", "domain": null})
        );
        assert_eq!(
            parts("foo/bar.txt"),
            json!({"scheme": null, "domain": null, "path": "foo/bar.txt", "extension": "txt"})
        );
    }

    #[test]
    fn options_and_failures() {
        let d = run(
            "uri_parts",
            json!({"field": "f"}),
            r#"{"f":"http://www.google.com:88/foo#bar"}"#,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("url.original").unwrap(),
            &Value::String("http://www.google.com:88/foo#bar".into())
        );
        let d = run(
            "uri_parts",
            json!({"field": "f", "remove_if_successful": true}),
            r#"{"f":"http://www.google.com"}"#,
        )
        .unwrap();
        assert!(d.get_str_path("f").is_err());
        let d = run(
            "uri_parts",
            json!({"field": "f", "target_field": "f", "remove_if_successful": true, "keep_original": false}),
            r#"{"f":"http://www.google.com"}"#,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("f").unwrap().to_serde(),
            json!({"scheme": "http", "domain": "www.google.com", "path": ""})
        );
        let e = run(
            "uri_parts",
            json!({"field": "f"}),
            r#"{"f":"not:\\/_a_valid_uri"}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "unable to parse URI [not:\\/_a_valid_uri]");
        let e = run("uri_parts", json!({"field": "f"}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [f] not present as part of path [f]");
        assert!(run(
            "uri_parts",
            json!({"field": "f", "ignore_missing": true}),
            "{}"
        )
        .is_ok());
        let e = run("uri_parts", json!({"field": "f"}), r#"{"f":3}"#).unwrap_err();
        assert_eq!(
            e.reason,
            "field [f] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
    }
}
