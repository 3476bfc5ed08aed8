//! Semantic comparison of documents as elastic-package does it (`go-cmp` over decoded JSON with
//! `compareJsonNumbers`): object key order is ignored, array order matters, numbers compare by
//! value, everything else exactly.

use crate::value::{json, Map, Value};

/// A step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

pub type FieldPath = Vec<Seg>;

/// `event.type[1]`; the empty path is the whole document.
pub fn render_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    if out.is_empty() {
        "(document)".into()
    } else {
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum DiffKind {
    Changed { expected: Value, actual: Value },
    Missing { expected: Value },
    Unexpected { actual: Value },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff {
    pub path: FieldPath,
    pub kind: DiffKind,
}

/// The document as a simulate response carries it: printed by Elasticsearch and parsed back,
/// so sets become arrays in `HashSet` order, floats become their Java text's value and
/// non-finite numbers become strings.
pub fn to_wire(v: &Value) -> Value {
    json::parse(&v.to_json(), json::Duplicates::LastWins).unwrap_or_else(|_| v.clone())
}

fn number(v: &Value) -> Option<Number> {
    match v {
        Value::Int(i) => Some(Number::Int(*i as i64)),
        Value::Long(l) => Some(Number::Int(*l)),
        Value::Float(f) => Some(Number::Float(
            crate::value::format_java_float(*f)
                .parse()
                .unwrap_or(*f as f64),
        )),
        Value::Double(d) => Some(Number::Float(*d)),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Number {
    Int(i64),
    Float(f64),
}

/// elastic-package `compareJsonNumbers`.
fn numbers_equal(a: Number, b: Number) -> bool {
    match (a, b) {
        (Number::Int(x), Number::Int(y)) => x == y,
        (Number::Int(x), Number::Float(y)) | (Number::Float(y), Number::Int(x)) => x as f64 == y,
        (Number::Float(x), Number::Float(y)) => x == y,
    }
}

fn items(v: &Value) -> Option<Vec<&Value>> {
    match v {
        Value::List(l) => Some(l.iter().collect()),
        Value::Set(s) => Some(s.hash_order_items()),
        _ => None,
    }
}

/// Semantic equality of two documents or values.
pub fn equal(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (number(a), number(b)) {
        return numbers_equal(x, y);
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => match (items(a), items(b)) {
            (Some(x), Some(y)) => x.len() == y.len() && x.iter().zip(&y).all(|(v, w)| equal(v, w)),
            _ => false,
        },
    }
}

/// Every differing leaf (or the first point where the shapes diverge), in sorted key order.
pub fn field_diffs(expected: &Value, actual: &Value) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    walk(expected, actual, &mut Vec::new(), &mut out);
    out
}

fn walk(expected: &Value, actual: &Value, path: &mut FieldPath, out: &mut Vec<FieldDiff>) {
    if equal(expected, actual) {
        return;
    }
    match (expected, actual) {
        (Value::Map(e), Value::Map(a)) => {
            let mut keys: Vec<&String> = e
                .keys()
                .chain(a.keys().filter(|k| !e.contains_key(k)))
                .collect();
            keys.sort_by(|x, y| x.as_bytes().cmp(y.as_bytes()));
            for key in keys {
                path.push(Seg::Key(key.clone()));
                match (e.get(key), a.get(key)) {
                    (Some(x), Some(y)) => walk(x, y, path, out),
                    (Some(x), None) => out.push(FieldDiff {
                        path: path.clone(),
                        kind: DiffKind::Missing {
                            expected: x.clone(),
                        },
                    }),
                    (None, Some(y)) => out.push(FieldDiff {
                        path: path.clone(),
                        kind: DiffKind::Unexpected { actual: y.clone() },
                    }),
                    (None, None) => {}
                }
                path.pop();
            }
        }
        _ => match (items(expected), items(actual)) {
            (Some(e), Some(a)) => {
                for i in 0..e.len().max(a.len()) {
                    path.push(Seg::Index(i));
                    match (e.get(i), a.get(i)) {
                        (Some(x), Some(y)) => walk(x, y, path, out),
                        (Some(x), None) => out.push(FieldDiff {
                            path: path.clone(),
                            kind: DiffKind::Missing {
                                expected: (*x).clone(),
                            },
                        }),
                        (None, Some(y)) => out.push(FieldDiff {
                            path: path.clone(),
                            kind: DiffKind::Unexpected {
                                actual: (*y).clone(),
                            },
                        }),
                        (None, None) => {}
                    }
                    path.pop();
                }
            }
            _ => out.push(FieldDiff {
                path: path.clone(),
                kind: DiffKind::Changed {
                    expected: expected.clone(),
                    actual: actual.clone(),
                },
            }),
        },
    }
}

/// Go `MapStr.Delete`: dotted path through nested objects; absent keys are fine.
pub fn delete_dotted(doc: &mut Value, key: &str) {
    let Value::Map(mut current) = std::mem::take(doc) else {
        return;
    };
    delete_in(&mut current, &key.split('.').collect::<Vec<_>>());
    *doc = Value::Map(current);
}

fn delete_in(map: &mut Map, parts: &[&str]) {
    match parts {
        [] => {}
        [last] => {
            map.remove(last);
        }
        [first, rest @ ..] => {
            if let Some(Value::Map(inner)) = map.get_mut(first) {
                delete_in(inner, rest);
            }
        }
    }
}

/// Go `MapStr.GetValue`: dotted path through nested objects.
pub fn get_dotted<'a>(doc: &'a Value, key: &str) -> Option<&'a Value> {
    let mut current = doc;
    for part in key.split('.') {
        current = current.as_map()?.get(part)?;
    }
    Some(current)
}

/// The value at a structured path.
pub fn get_path<'a>(doc: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let mut current = doc;
    for seg in path {
        current = match (seg, current) {
            (Seg::Key(k), Value::Map(m)) => m.get(k)?,
            (Seg::Index(i), Value::List(l)) => l.get(*i)?,
            (Seg::Index(i), Value::Set(s)) => *s.hash_order_items().get(*i)?,
            _ => return None,
        };
    }
    Some(current)
}

/// `error.message` as elastic-package's `checkErrorMessage` finds it (Go matches the struct
/// fields `Error` and `Message` case-insensitively).
pub fn error_message(doc: &Value) -> Option<&Value> {
    fn find<'a>(m: &'a Map, name: &str) -> Option<&'a Value> {
        m.get(name).or_else(|| {
            m.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        })
    }
    let error = find(doc.as_map()?, "error")?;
    let message = find(error.as_map()?, "message")?;
    (!message.is_null()).then_some(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Value {
        Value::from_json_str(s).unwrap()
    }

    #[test]
    fn numbers_compare_by_value_and_keys_by_set() {
        assert!(equal(
            &v(r#"{"a":1,"b":[1,2]}"#),
            &v(r#"{"b":[1.0,2],"a":1.0}"#)
        ));
        assert!(!equal(&v(r#"[1,2]"#), &v(r#"[2,1]"#)));
        assert!(!equal(&v(r#"{"a":"1"}"#), &v(r#"{"a":1}"#)));
        assert!(equal(&Value::Float(3.3), &v("3.3")));
    }

    #[test]
    fn diffs_name_paths() {
        let d = field_diffs(
            &v(r#"{"event":{"type":["a","change"]},"x":1,"z":[1]}"#),
            &v(r#"{"event":{"type":["a","info"]},"y":2,"z":[1,2]}"#),
        );
        let rendered: Vec<String> = d.iter().map(|d| render_path(&d.path)).collect();
        assert_eq!(rendered, vec!["event.type[1]", "x", "y", "z[1]"]);
        assert!(matches!(d[1].kind, DiffKind::Missing { .. }));
        assert!(matches!(d[2].kind, DiffKind::Unexpected { .. }));
    }

    #[test]
    fn dotted_helpers() {
        let mut doc = v(r#"{"a":{"b":1,"c":2},"d":{"e":"x"}}"#);
        delete_dotted(&mut doc, "a.b");
        delete_dotted(&mut doc, "nope.x");
        assert_eq!(doc.to_json(), r#"{"a":{"c":2},"d":{"e":"x"}}"#);
        assert_eq!(get_dotted(&doc, "d.e").and_then(Value::as_str), Some("x"));
        assert!(error_message(&v(r#"{"error":{"message":"boom"}}"#)).is_some());
        assert!(error_message(&v(r#"{"error":{"message":null}}"#)).is_none());
    }
}
