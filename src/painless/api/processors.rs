//! `Processors`: the static helpers ingest-common allowlists for ingest scripts
//! (`processors_whitelist.txt`). Each calls the static `apply` of its processor, so each goes
//! through the same code as the processor here.

use super::string::{java_lower, java_upper};
use super::{arg_int, arg_str};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;
use crate::pipeline::ProcessorError;
use crate::processors;
use crate::value::json::Duplicates;
use crate::value::Value;

pub fn call(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.len()) {
        ("lowercase", 1) => Ok(V::string(java_lower(arg_str(&args[0])?))),
        ("uppercase", 1) => Ok(V::string(java_upper(arg_str(&args[0])?))),
        ("urlDecode", 1) => processors::urldecode::url_decode(arg_str(&args[0])?)
            .map(V::string)
            .map_err(Thrown::iae),
        ("bytes", 1) => processors::bytes::parse_bytes(arg_str(&args[0])?)
            .map(V::Long)
            .map_err(thrown),
        // `json` is strict (`strict_json_parsing`), `jsonLenient` reads the first value only
        ("json", 1) => parse_json(&args[0], true).map(|v| from_value(&v)),
        ("jsonLenient", 1) => parse_json(&args[0], false).map(|v| from_value(&v)),
        ("json", 2) => json_into_map(&args[0], &args[1], true),
        ("jsonLenient", 2) => json_into_map(&args[0], &args[1], false),
        ("uriParts", 1) => processors::uri_parts::uri_parts(arg_str(&args[0])?)
            .map(|m| from_value(&Value::Map(m)))
            .map_err(thrown),
        ("communityId", 8) | ("communityId", 9) => community_id(&args),
        _ => Err(super::no_such()),
    }
}

/// A processor's failure as the Java exception its static `apply` throws.
fn thrown(e: ProcessorError) -> Thrown {
    Thrown::from_es_type(&e.kind, e.reason)
}

/// `JsonProcessor.apply(fieldValue, false, strict)`: the text is the value's `toString()`.
fn parse_json(v: &V, strict: bool) -> R<Value> {
    let text = if v.is_null() {
        "null".to_string()
    } else {
        to_java_string(v)
    };
    processors::json::parse_json_value(&text, Duplicates::Reject, strict).map_err(Thrown::iae)
}

/// `JsonProcessor.apply(map, field, false, REPLACE, strict)`: the parsed object's entries go
/// into `map` itself (`putAll`), as `add_to_root` does with the document.
fn json_into_map(map: &V, field: &V, strict: bool) -> R<V> {
    let V::Map(m) = map else {
        return Err(Thrown::new(
            "ClassCastException",
            format!(
                "class {} cannot be cast to class java.util.Map",
                class_name(map)
            ),
        ));
    };
    let key = arg_str(field)?.to_string();
    let value = m.borrow().get_str(&key).cloned().unwrap_or(V::Null);
    let Value::Map(parsed) = parse_json(&value, strict)? else {
        return Err(Thrown::iae("cannot add non-map fields to root of document"));
    };
    let entries: Vec<(&String, &Value)> = parsed.iter().collect();
    for i in parsed.java_order() {
        let (k, v) = entries[i];
        m.borrow_mut().put(V::str(k), from_value(v))?;
    }
    Ok(V::Null)
}

/// `CommunityIdProcessor.apply(sourceIp, destinationIp, ianaNumber, transport, sourcePort,
/// destinationPort, icmpType, icmpCode[, seed])`.
fn community_id(args: &[V]) -> R<V> {
    let ip = |v: &V| -> R<Option<String>> {
        if v.is_null() {
            Ok(None)
        } else {
            arg_str(v).map(|s| Some(s.to_string()))
        }
    };
    let object = |v: &V| -> R<Option<Value>> {
        if v.is_null() {
            Ok(None)
        } else {
            to_value(v).map(Some).map_err(Thrown::iae)
        }
    };
    let seed = match args.get(8) {
        Some(seed) => arg_int(seed)?,
        None => 0,
    };
    let (source, destination) = (ip(&args[0])?, ip(&args[1])?);
    processors::community_id::community_id_of(
        source.as_deref(),
        destination.as_deref(),
        object(&args[2])?,
        object(&args[3])?,
        object(&args[4])?,
        object(&args[5])?,
        object(&args[6])?,
        object(&args[7])?,
        seed,
    )
    .map(V::string)
    .map_err(thrown)
}

#[cfg(test)]
mod tests {
    use crate::painless::run_for_cli;
    use serde_json::{json, Value as J};

    fn run(script: &str) -> J {
        run_for_cli(script, None, Some(&json!({})))
    }

    fn value(script: &str) -> J {
        let got = run(script);
        got.get("value").cloned().unwrap_or(got)
    }

    fn error(script: &str) -> (J, J) {
        let got = run(script);
        let cause = &got["error"]["caused_by"];
        (cause["type"].clone(), cause["reason"].clone())
    }

    /// Each helper answers as its processor does (ES `Processors`).
    #[test]
    fn helpers_reuse_the_processors() {
        assert_eq!(value("Processors.bytes('1kb')"), json!(1024));
        assert_eq!(
            error("Processors.bytes('junk')"),
            (
                json!("parse_exception"),
                json!("failed to parse setting [Ingest Field] with value [junk]")
            )
        );
        assert_eq!(
            error("Processors.urlDecode('abc%2')").1,
            json!("URLDecoder: Incomplete trailing escape (%) pattern")
        );
        assert_eq!(
            value("Processors.uriParts('http://u:p@a.com:80/x/y.z?q=1#f').path"),
            json!("/x/y.z")
        );
        assert_eq!(
            value(
                "Processors.communityId('1.2.3.4', '5.6.7.8', null, 'tcp', 1000, 80, null, null)"
            ),
            json!("1:4zhBeModcPH6GDlFh3XY3Cf/zQU=")
        );
        assert_eq!(
            value("Processors.communityId('1.2.3.4', '5.6.7.8', 6, null, 1000, 80, null, null, 7)"),
            value("Processors.communityId('1.2.3.4', '5.6.7.8', null, 'TCP', 1000, 80, null, null, 7)")
        );
        assert_eq!(
            error("Processors.communityId(null, '5.6.7.8', 6, null, 1, 2, null, null)").1,
            json!("unable to construct flow from document")
        );
    }

    /// `json` is strict, `jsonLenient` takes the first value; the map forms add the parsed
    /// object's entries to the map itself (`add_to_root`).
    #[test]
    fn json_helpers() {
        assert_eq!(
            value("Processors.jsonLenient('{\"a\":1} trailing').a"),
            json!(1)
        );
        assert_eq!(
            error("Processors.json('{\"a\":1} {\"b\":2}')").1,
            json!("The input {\"a\":1} {\"b\":2} is not valid JSON and the strict_json_parsing parameter is true")
        );
        assert_eq!(
            value("Map m = ['j': '{\"a\":1}']; Processors.json(m, 'j'); return m.a + ':' + m.j"),
            json!("1:{\"a\":1}")
        );
        assert_eq!(
            error("Map m = ['j': '[1]']; Processors.json(m, 'j')").1,
            json!("cannot add non-map fields to root of document")
        );
    }
}
