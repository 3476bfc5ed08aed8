//! `fingerprint` (ES `FingerprintProcessor`): a digest over selected fields, walked in a fixed order.

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::{compare_natural, java_string_cmp, Value};
use base64::Engine as _;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};

#[derive(Debug, Clone, Copy)]
enum Method {
    Md5,
    Sha1,
    Sha256,
    Sha512,
    Murmur3,
}

pub struct Fingerprint {
    /// Sorted by name, as ES does before walking them.
    fields: Vec<(String, Result<FieldPath, String>)>,
    target_field: FieldPath,
    salt: Vec<u8>,
    method: Method,
    ignore_missing: bool,
}

const SUPPORTED: &str = "MD5,SHA-1,SHA-256,SHA-512,MurmurHash3";

impl Fingerprint {
    pub fn from_config(cfg: &mut Config) -> Result<Fingerprint, ConfigError> {
        let fields = cfg.required_list("fields")?;
        if fields.is_empty() {
            return Err(cfg.error(Some("fields"), "must specify at least one field"));
        }
        let target = cfg.string_or("target_field", "fingerprint")?;
        let target_field =
            FieldPath::parse(&target).map_err(|e| cfg.error(Some("target_field"), e))?;
        let salt = cfg.string_or("salt", "")?;
        // Strings.hasText: a blank salt counts as none
        let salt = if salt.chars().all(char::is_whitespace) {
            Vec::new()
        } else {
            salt.into_bytes()
        };
        let method_name = cfg.string_or("method", "SHA-1")?;
        let method = match method_name.as_str() {
            "MD5" => Method::Md5,
            "SHA-1" => Method::Sha1,
            "SHA-256" => Method::Sha256,
            "SHA-512" => Method::Sha512,
            "MurmurHash3" => Method::Murmur3,
            other => {
                return Err(cfg.error(
                    Some("method"),
                    format!("[{other}] must be one of the supported hash methods [{SUPPORTED}]"),
                ))
            }
        };
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let mut names: Vec<String> = fields
            .iter()
            .map(|f| Value::from_serde(f).to_java_string())
            .collect();
        names.sort_by(|a, b| java_string_cmp(a, b));
        let fields = names
            .into_iter()
            .map(|n| {
                let p = FieldPath::parse(&n);
                (n, p)
            })
            .collect();
        Ok(Fingerprint {
            fields,
            target_field,
            salt,
            method,
            ignore_missing,
        })
    }
}

enum Item<'a> {
    Value(&'a Value),
    Entry(&'a str, &'a Value),
}

/// ES `FingerprintProcessor.toBytes`.
fn to_bytes(v: &Value) -> Result<Vec<u8>, ProcessorError> {
    Ok(match v {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Int(i) => i.to_le_bytes().to_vec(),
        Value::Long(l) => l.to_le_bytes().to_vec(),
        Value::Float(f) => {
            let bits = if f.is_nan() { 0x7fc0_0000 } else { f.to_bits() };
            bits.to_le_bytes().to_vec()
        }
        Value::Double(d) => {
            let bits = if d.is_nan() {
                0x7ff8_0000_0000_0000
            } else {
                d.to_bits()
            };
            bits.to_le_bytes().to_vec()
        }
        Value::Bool(true) => vec![1],
        Value::Bool(false) => vec![2],
        Value::Null => Vec::new(),
        Value::Time(t) if t.zoned_fields().is_some() => {
            let (fields, zone_id) = t.zoned_fields().unwrap_or_default();
            let mut bytes: Vec<u8> = fields.iter().flat_map(|f| f.to_le_bytes()).collect();
            bytes.extend_from_slice(zone_id.as_bytes());
            bytes
        }
        other => {
            return Err(ProcessorError::illegal_argument(format!(
                "cannot convert object of type [{}] to bytes",
                other.java_class_name()
            )))
        }
    })
}

impl Processor for Fingerprint {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let mut stack: Vec<Item> = Vec::new();
        for (name, path) in self.fields.iter().rev() {
            let value = path
                .as_ref()
                .ok()
                .and_then(|p| doc.get_opt(p))
                .filter(|v| !v.is_null());
            match value {
                Some(v) => stack.push(Item::Value(v)),
                None if self.ignore_missing => continue,
                None => {
                    return Err(ProcessorError::illegal_argument(format!(
                        "missing field [{name}] when calculating fingerprint"
                    )))
                }
            }
        }
        if stack.is_empty() {
            return Ok(Flow::Continue);
        }
        let mut bytes = self.salt.clone();
        while let Some(item) = stack.pop() {
            match item {
                Item::Entry(k, v) => {
                    bytes.push(0);
                    bytes.extend_from_slice(k.as_bytes());
                    stack.push(Item::Value(v));
                }
                Item::Value(Value::List(l)) => stack.extend(l.iter().rev().map(Item::Value)),
                Item::Value(Value::Set(s)) => {
                    let mut items: Vec<&Value> = s.items.iter().collect();
                    let mut incomparable = false;
                    items.sort_by(|a, b| {
                        compare_natural(a, b).unwrap_or_else(|| {
                            incomparable = true;
                            std::cmp::Ordering::Equal
                        })
                    });
                    if incomparable {
                        return Err(ProcessorError::new(
                            "class_cast_exception",
                            "set elements are not mutually comparable",
                        ));
                    }
                    stack.extend(items.into_iter().rev().map(Item::Value));
                }
                Item::Value(Value::Map(m)) => {
                    let mut entries: Vec<(&String, &Value)> = m.iter().collect();
                    entries.sort_by(|a, b| java_string_cmp(a.0, b.0));
                    stack.extend(entries.into_iter().rev().map(|(k, v)| Item::Entry(k, v)));
                }
                Item::Value(v) => {
                    bytes.push(0);
                    bytes.extend(to_bytes(v)?);
                }
            }
        }
        let digest: Vec<u8> = match self.method {
            Method::Md5 => Md5::digest(&bytes).to_vec(),
            Method::Sha1 => Sha1::digest(&bytes).to_vec(),
            Method::Sha256 => Sha256::digest(&bytes).to_vec(),
            Method::Sha512 => Sha512::digest(&bytes).to_vec(),
            Method::Murmur3 => {
                let (h1, h2) = murmur3_x64_128(&bytes, 0);
                let mut out = h1.to_be_bytes().to_vec();
                out.extend(h2.to_be_bytes());
                out
            }
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
        doc.set(&self.target_field, Value::String(encoded))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// MurmurHash3 x64 128-bit (ES `MurmurHash3` / `Murmur3Hasher`); returns (h1, h2).
pub fn murmur3_x64_128(data: &[u8], seed: u64) -> (u64, u64) {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let (mut h1, mut h2) = (seed, seed);
    let blocks = data.len() / 16;
    for i in 0..blocks {
        let b = &data[i * 16..i * 16 + 16];
        let mut k1 = u64::from_le_bytes(b[0..8].try_into().unwrap_or_default());
        let mut k2 = u64::from_le_bytes(b[8..16].try_into().unwrap_or_default());
        k1 = k1.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
        h1 ^= k1;
        h1 = h1
            .rotate_left(27)
            .wrapping_add(h2)
            .wrapping_mul(5)
            .wrapping_add(0x52dc_e729);
        k2 = k2.wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
        h2 ^= k2;
        h2 = h2
            .rotate_left(31)
            .wrapping_add(h1)
            .wrapping_mul(5)
            .wrapping_add(0x3849_5ab5);
    }
    let tail = &data[blocks * 16..];
    let (mut k1, mut k2) = (0u64, 0u64);
    for (i, &b) in tail.iter().enumerate() {
        if i < 8 {
            k1 |= (b as u64) << (8 * i);
        } else {
            k2 |= (b as u64) << (8 * (i - 8));
        }
    }
    if tail.len() > 8 {
        k2 = k2.wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
        h2 ^= k2;
    }
    if !tail.is_empty() {
        k1 = k1.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
        h1 ^= k1;
    }
    let len = data.len() as u64;
    h1 ^= len;
    h2 ^= len;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    (h1, h2)
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn fp(config: serde_json::Value, doc: &str) -> Result<String, String> {
        run("fingerprint", config, doc)
            .map(|d| {
                d.get_str_path("fingerprint")
                    .map(|v| v.to_java_string())
                    .unwrap_or_else(|_| "<none>".into())
            })
            .map_err(|e| e.reason)
    }

    // Vectors from ES FingerprintProcessorTests.
    #[test]
    fn basic_and_salt() {
        assert_eq!(
            fp(
                json!({"fields": ["foo", "bar"]}),
                r#"{"foo":"fooValue","bar":"barValue"}"#
            )
            .unwrap(),
            "IgxzmZVknx4+Og/eUpvIlqH9PdI="
        );
        assert_eq!(
            fp(
                json!({"fields": ["foo"], "salt": "salt"}),
                r#"{"foo":"foo"}"#
            )
            .unwrap(),
            "rWTTCYvRPQAzKXydmKwyC+//dmM="
        );
    }

    #[test]
    fn ignore_missing() {
        let cfg = json!({"fields": ["foo", "bar", "baz"], "ignore_missing": true});
        assert_eq!(
            fp(cfg.clone(), r#"{"foo":"foo"}"#).unwrap(),
            "WoyqQDn9vALAGmScjA9Z2yg7sos="
        );
        assert_eq!(
            fp(cfg.clone(), r#"{"foo":"foo","bar":"foo"}"#).unwrap(),
            "vjq2RyU5UA8vzeM5gIbfrOGir7w="
        );
        assert_eq!(
            fp(cfg.clone(), r#"{"foo":"foo","bar":"foo","baz":"foo"}"#).unwrap(),
            "2Ozd89kaee2AnbrjU8zB6QGn9Wo="
        );
        assert_eq!(fp(cfg, "{}").unwrap(), "<none>");
        assert_eq!(
            fp(
                json!({"fields": ["foo", "bar", "baz"]}),
                r#"{"foo":"foo","bar":"foo"}"#
            )
            .unwrap_err(),
            "missing field [baz] when calculating fingerprint"
        );
        assert_eq!(
            fp(json!({"fields": ["foo"]}), r#"{"foo":null}"#).unwrap_err(),
            "missing field [foo] when calculating fingerprint"
        );
    }

    #[test]
    fn methods() {
        let expected = [
            ("MD5", "b+3QyaPYdnUF1lb5IKE+1g=="),
            ("SHA-1", "SX/93t223OurJvgMUOCtSl9hcpg="),
            ("SHA-256", "zDQYTy34tBlmNedlDdn++N7NN+wBY15mCoPDINmUxXc="),
            (
                "SHA-512",
                "xNIpYyJzRmg5R0T44ZORC2tgh8N4tVtTFzD5AdBqxmdOuRUjibQQ64lgefkbuZFl8Hv9ze9U6PAmrlgJPcRPGA==",
            ),
            ("MurmurHash3", "yjfaOoy2UQ3EHZRAzFK9sw=="),
        ];
        for (method, hash) in expected {
            assert_eq!(
                fp(
                    json!({"fields": ["foo", "bar"], "method": method}),
                    r#"{"foo":"foo","bar":"bar"}"#
                )
                .unwrap(),
                hash,
                "{method}"
            );
        }
        assert_eq!(
            config_error("fingerprint", json!({"fields": ["a"], "method": "SHA-3"})),
            "[method] [SHA-3] must be one of the supported hash methods [MD5,SHA-1,SHA-256,SHA-512,MurmurHash3]"
        );
        assert_eq!(
            config_error("fingerprint", json!({"fields": []})),
            "[fields] must specify at least one field"
        );
    }

    #[test]
    fn traversal_matches_the_flattened_byte_layout() {
        // ES testObjectTraversalWithMaps/Lists: nested values become a flat sequence of
        // 0-delimited items with map keys sorted; the same sequence given flat yields the same hash.
        let nested = fp(
            json!({"fields": ["foo", "bar"]}),
            r#"{"foo":{"foo-sub2":"foo2","foo-sub1":"foo3"},"bar":["x",["y",1,1.5,true,null]]}"#,
        )
        .unwrap();
        use sha1::{Digest, Sha1};
        let mut bytes = Vec::new();
        for part in [
            b"x".to_vec(),
            b"y".to_vec(),
            1i32.to_le_bytes().to_vec(),
            1.5f64.to_bits().to_le_bytes().to_vec(),
            vec![1],
            vec![],
            b"foo-sub1".to_vec(),
            b"foo3".to_vec(),
            b"foo-sub2".to_vec(),
            b"foo2".to_vec(),
        ] {
            bytes.push(0);
            bytes.extend(part);
        }
        use base64::Engine as _;
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha1::digest(&bytes));
        assert_eq!(nested, expected);
    }
}

#[cfg(test)]
mod zoned_date_time_tests {
    use super::to_bytes;

    #[test]
    fn a_zoned_date_time_hashes_its_fields_and_zone_id() {
        // 2020-02-14T22:18:51.843Z: eight little-endian ints, then the zone id "Z"
        let ts = crate::document::utc_timestamp(1_581_718_731, 843_000_000);
        let bytes = to_bytes(&ts).expect("a ZonedDateTime converts");
        let ints: Vec<i32> = bytes[..32]
            .chunks(4)
            .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        assert_eq!(ints, [2020, 2, 14, 22, 18, 51, 843_000_000, 0]);
        assert_eq!(&bytes[32..], b"Z");
    }
}
