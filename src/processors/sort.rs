//! `sort` (ES `SortProcessor`): `Collections.sort(copy)` or with `Collections.reverseOrder()`.
//!
//! Java sorts with (Comparable)TimSort, and a list that mixes types fails with the exception of the
//! first comparison that goes wrong (`ClassCastException`, `NullPointerException`). We replay
//! TimSort's comparison order for lists under 32 elements (`countRunAndMakeAscending` then
//! `binarySort`), which decides which pair fails first. Longer lists of mutually comparable values
//! are sorted stably (the same result TimSort gives); for longer mixed lists the reported pair is the
//! first one the same two steps meet, which may differ from Java's merge phase.

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::{java_double_cmp, java_string_cmp, Value};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Asc,
    Desc,
}

pub struct Sort {
    field: FieldPath,
    order: Order,
    target_field: FieldPath,
}

impl Sort {
    pub fn from_config(cfg: &mut Config) -> Result<Sort, ConfigError> {
        let field = cfg.required_path("field")?;
        let target_field = cfg
            .optional_path("target_field")?
            .unwrap_or_else(|| field.clone());
        let order = match cfg.string_or("order", "asc")?.as_str() {
            "asc" => Order::Asc,
            "desc" => Order::Desc,
            other => {
                return Err(cfg.error(
                    Some("order"),
                    format!(
                        "Sort direction [{other}] not recognized. Valid values are: [asc, desc]"
                    ),
                ))
            }
        };
        Ok(Sort {
            field,
            order,
            target_field,
        })
    }
}

impl Processor for Sort {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let field = &self.field.full;
        let mut copy = match doc
            .get(&self.field)
            .map_err(ProcessorError::illegal_argument)?
        {
            Value::Null => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] is null, cannot sort."
                )))
            }
            Value::List(items) => items.clone(),
            other => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{field}] of type [{}] cannot be cast to [java.util.List]",
                    other.java_class_name()
                )))
            }
        };
        java_sort(&mut copy, self.order)?;
        doc.set(&self.target_field, Value::List(copy))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

fn class_cast(from: &Value, to: &str) -> ProcessorError {
    let from = from.java_class_name();
    ProcessorError::new(
        "class_cast_exception",
        format!(
            "class {from} cannot be cast to class {to} ({from} and {to} are in module java.base of loader 'bootstrap')"
        ),
    )
}

fn npe(message: String) -> ProcessorError {
    ProcessorError::new("null_pointer_exception", message)
}

fn is_comparable(v: &Value) -> bool {
    !matches!(v, Value::List(_) | Value::Map(_) | Value::Set(_))
}

/// `receiver.compareTo(arg)`; `receiver_name` is the Java expression helpful NPE messages name.
fn compare_to(
    receiver: &Value,
    arg: &Value,
    receiver_name: &str,
) -> Result<Ordering, ProcessorError> {
    let arg_name = match receiver {
        Value::Null => {
            return Err(npe(format!(
                "Cannot invoke \"java.lang.Comparable.compareTo(Object)\" because \"{receiver_name}\" is null"
            )))
        }
        Value::String(_) => "anotherString",
        Value::Int(_) => "anotherInteger",
        Value::Long(_) => "anotherLong",
        Value::Double(_) => "anotherDouble",
        Value::Float(_) => "anotherFloat",
        Value::Bool(_) => "b",
        other => return Err(class_cast(other, "java.lang.Comparable")),
    };
    if arg.is_null() {
        return Err(npe(format!(
            "Cannot read field \"value\" because \"{arg_name}\" is null"
        )));
    }
    Ok(match (receiver, arg) {
        (Value::String(a), Value::String(b)) => java_string_cmp(a, b),
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        (Value::Long(a), Value::Long(b)) => a.cmp(b),
        (Value::Double(a), Value::Double(b)) => java_double_cmp(*a, *b),
        (Value::Float(a), Value::Float(b)) => java_double_cmp(*a as f64, *b as f64),
        (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
        _ => return Err(class_cast(arg, receiver.java_class_name())),
    })
}

/// The comparator TimSort calls with `(a[i], a[j])`; `site` names `a[i]` for NPE messages.
fn compare(order: Order, a: &Value, b: &Value, site: &str) -> Result<Ordering, ProcessorError> {
    match order {
        Order::Asc => {
            if !is_comparable(a) {
                return Err(class_cast(a, "java.lang.Comparable"));
            }
            compare_to(a, b, site)
        }
        // Collections.ReverseComparator.compare(c1, c2) = c2.compareTo(c1), both cast first
        Order::Desc => {
            if !is_comparable(a) {
                return Err(class_cast(a, "java.lang.Comparable"));
            }
            if !is_comparable(b) {
                return Err(class_cast(b, "java.lang.Comparable"));
            }
            compare_to(b, a, "c2")
        }
    }
}

const MIN_MERGE: usize = 32;

/// `Collections.sort(list)` (`descending`: with `Collections.reverseOrder()`), failing like Java on
/// values that do not compare.
pub fn collections_sort(a: &mut [Value], descending: bool) -> Result<(), ProcessorError> {
    java_sort(a, if descending { Order::Desc } else { Order::Asc })
}

fn java_sort(a: &mut [Value], order: Order) -> Result<(), ProcessorError> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    if n < MIN_MERGE {
        let run = count_run_and_make_ascending(a, 0, n, order)?;
        return binary_sort(a, 0, n, run, order);
    }
    let homogeneous = a.iter().all(|v| {
        !v.is_null()
            && is_comparable(v)
            && std::mem::discriminant(v) == std::mem::discriminant(&a[0])
    });
    if !homogeneous {
        // Locate the failing comparison in TimSort's first steps, chunk by chunk.
        let min_run = min_run_length(n);
        let mut scratch = a.to_vec();
        let mut lo = 0;
        while lo < n {
            let run = count_run_and_make_ascending(&mut scratch, lo, n, order)?;
            let force = (n - lo).min(min_run).max(run);
            binary_sort(&mut scratch, lo, lo + force, lo + run, order)?;
            lo += force;
        }
        // every chunk compared fine: report the first incompatible pair against the first element
        for v in a.iter().skip(1) {
            compare(order, v, &a[0], "a[runHi]")?;
        }
    }
    a.sort_by(|x, y| compare(order, x, y, "").unwrap_or(Ordering::Equal));
    Ok(())
}

fn min_run_length(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MIN_MERGE {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

fn count_run_and_make_ascending(
    a: &mut [Value],
    lo: usize,
    hi: usize,
    order: Order,
) -> Result<usize, ProcessorError> {
    let mut run_hi = lo + 1;
    if run_hi == hi {
        return Ok(1);
    }
    let descending = compare(order, &a[run_hi], &a[lo], "a[runHi]")? == Ordering::Less;
    run_hi += 1;
    if descending {
        while run_hi < hi
            && compare(order, &a[run_hi], &a[run_hi - 1], "a[runHi]")? == Ordering::Less
        {
            run_hi += 1;
        }
        a[lo..run_hi].reverse();
    } else {
        while run_hi < hi
            && compare(order, &a[run_hi], &a[run_hi - 1], "a[runHi]")? != Ordering::Less
        {
            run_hi += 1;
        }
    }
    Ok(run_hi - lo)
}

fn binary_sort(
    a: &mut [Value],
    lo: usize,
    hi: usize,
    start: usize,
    order: Order,
) -> Result<(), ProcessorError> {
    let mut start = if start == lo { start + 1 } else { start };
    while start < hi {
        let (mut left, mut right) = (lo, start);
        while left < right {
            let mid = (left + right) / 2;
            if compare(order, &a[start], &a[mid], "pivot")? == Ordering::Less {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        a[left..=start].rotate_right(1);
        start += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::json;

    fn sort(config: serde_json::Value, input: &str) -> Result<String, (String, String)> {
        run("sort", config, &format!(r#"{{"f":{input}}}"#))
            .map(|d| source_json(&d))
            .map_err(|e| (e.kind, e.reason))
    }

    #[test]
    fn sort_yaml_test() {
        // 110_sort.yml
        let d = run(
            "sort",
            json!({"field": "values"}),
            r#"{"values":["foo","bar","baz"]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"values":["bar","baz","foo"]}"#);
    }

    #[test]
    fn sorts_ascending_and_descending() {
        assert_eq!(
            sort(json!({"field": "f"}), r#"["c","a","B","b"]"#).unwrap(),
            r#"{"f":["B","a","b","c"]}"#
        );
        assert_eq!(
            sort(json!({"field": "f", "order": "desc"}), "[3,1,2]").unwrap(),
            r#"{"f":[3,2,1]}"#
        );
        assert_eq!(
            sort(json!({"field": "f"}), "[2.5,-1.0,0.0,-0.0]").unwrap(),
            r#"{"f":[-1.0,-0.0,0.0,2.5]}"#
        );
        assert_eq!(
            sort(json!({"field": "f"}), "[true,false]").unwrap(),
            r#"{"f":[false,true]}"#
        );
        let long: Vec<i32> = (0..100).rev().collect();
        let sorted: Vec<i32> = (0..100).collect();
        assert_eq!(
            sort(
                json!({"field": "f"}),
                &serde_json::to_string(&long).unwrap()
            )
            .unwrap(),
            format!(r#"{{"f":{}}}"#, serde_json::to_string(&sorted).unwrap())
        );
        // single elements and empty lists need no comparison
        assert_eq!(
            sort(json!({"field": "f"}), r#"[{"a":1}]"#).unwrap(),
            r#"{"f":[{"a":1}]}"#
        );
        assert_eq!(sort(json!({"field": "f"}), "[]").unwrap(), r#"{"f":[]}"#);
    }

    #[test]
    fn target_field_keeps_the_source() {
        let d = run(
            "sort",
            json!({"field": "f", "target_field": "t"}),
            r#"{"f":[2,1]}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"f":[2,1],"t":[1,2]}"#);
    }

    #[test]
    fn mixed_types_fail_like_java() {
        // Checked with JDK 17: Collections.sort([1, "a"])
        assert_eq!(
            sort(json!({"field": "f"}), r#"[1,"a"]"#).unwrap_err(),
            (
                "class_cast_exception".to_string(),
                "class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')".to_string()
            )
        );
        // integers and doubles do not compare in Java
        assert_eq!(
            sort(json!({"field": "f"}), "[1,2.5]").unwrap_err().0,
            "class_cast_exception"
        );
        assert_eq!(
            sort(json!({"field": "f"}), "[1,null]").unwrap_err().1,
            "Cannot invoke \"java.lang.Comparable.compareTo(Object)\" because \"a[runHi]\" is null"
        );
        assert_eq!(
            sort(json!({"field": "f", "order": "desc"}), r#"["b",null]"#)
                .unwrap_err()
                .1,
            "Cannot read field \"value\" because \"anotherString\" is null"
        );
        assert_eq!(
            sort(json!({"field": "f"}), "[{},{}]").unwrap_err().1,
            "class java.util.HashMap cannot be cast to class java.lang.Comparable (java.util.HashMap and java.lang.Comparable are in module java.base of loader 'bootstrap')"
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            sort(json!({"field": "f"}), r#""abc""#).unwrap_err().1,
            "field [f] of type [java.lang.String] cannot be cast to [java.util.List]"
        );
        assert_eq!(
            sort(json!({"field": "f"}), "null").unwrap_err().1,
            "field [f] is null, cannot sort."
        );
        assert_eq!(
            config_error("sort", json!({"field": "f", "order": "up"})),
            "[order] Sort direction [up] not recognized. Valid values are: [asc, desc]"
        );
    }
}
