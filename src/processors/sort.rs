//! `sort` (ES `SortProcessor`): `Collections.sort(copy)` or with `Collections.reverseOrder()`.
//!
//! Java sorts with (Comparable)TimSort, and a list that mixes types fails with the exception of the
//! first comparison that goes wrong (`ClassCastException`, `NullPointerException`). We port TimSort
//! itself so that the comparisons, and so the failing pair, are Java's.

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

/// `ZonedDateTime.compareTo` (`ChronoZonedDateTime`'s) and `Instant.compareTo`.
fn compare_time(t: &crate::value::JavaTime, arg: &Value) -> Result<Ordering, ProcessorError> {
    let zoned = t.class_name() == "java.time.ZonedDateTime";
    match arg {
        Value::Null if zoned => Err(npe(
            "Cannot invoke \"java.time.chrono.ChronoZonedDateTime.toEpochSecond()\" because \"other\" is null".into(),
        )),
        Value::Null => Err(npe(
            "Cannot read field \"seconds\" because \"otherInstant\" is null".into(),
        )),
        Value::Time(other) => t.compare(other).ok_or_else(|| {
            class_cast(arg, if zoned { "java.time.chrono.ChronoZonedDateTime" } else { "java.time.Instant" })
        }),
        _ if zoned => Err(class_cast(arg, "java.time.chrono.ChronoZonedDateTime")),
        _ => Err(class_cast(arg, "java.time.Instant")),
    }
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
    if let Value::Time(t) = receiver {
        return compare_time(t, arg);
    }
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
const MIN_GALLOP: usize = 7;

/// `Collections.sort(list)` (`descending`: with `Collections.reverseOrder()`), failing like Java on
/// values that do not compare.
pub fn collections_sort(a: &mut [Value], descending: bool) -> Result<(), ProcessorError> {
    java_sort(a, if descending { Order::Desc } else { Order::Asc })
}

/// A port of the JDK's (Comparable)TimSort: the same comparisons in the same order, so the first
/// failing comparison (and so the exception) is the one Java meets.
fn java_sort(a: &mut [Value], order: Order) -> Result<(), ProcessorError> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    let cmp = |x: &Value, y: &Value, site: &str| compare(order, x, y, site);
    if n < MIN_MERGE {
        let run = count_run_and_make_ascending(a, 0, n, &cmp)?;
        return binary_sort(a, 0, n, run, &cmp);
    }
    let mut ts = TimSort {
        min_gallop: MIN_GALLOP,
        runs: Vec::new(),
    };
    let min_run = min_run_length(n);
    let (mut lo, mut remaining) = (0, n);
    while remaining != 0 {
        let mut run = count_run_and_make_ascending(a, lo, n, &cmp)?;
        if run < min_run {
            let force = remaining.min(min_run);
            binary_sort(a, lo, lo + force, lo + run, &cmp)?;
            run = force;
        }
        ts.runs.push((lo, run));
        ts.merge_collapse(a, &cmp)?;
        lo += run;
        remaining -= run;
    }
    ts.merge_force_collapse(a, &cmp)
}

type Cmp<'a> = dyn Fn(&Value, &Value, &str) -> Result<Ordering, ProcessorError> + 'a;

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
    cmp: &Cmp,
) -> Result<usize, ProcessorError> {
    let mut run_hi = lo + 1;
    if run_hi == hi {
        return Ok(1);
    }
    let descending = cmp(&a[run_hi], &a[lo], "a[runHi]")? == Ordering::Less;
    run_hi += 1;
    if descending {
        while run_hi < hi && cmp(&a[run_hi], &a[run_hi - 1], "a[runHi]")? == Ordering::Less {
            run_hi += 1;
        }
        a[lo..run_hi].reverse();
    } else {
        while run_hi < hi && cmp(&a[run_hi], &a[run_hi - 1], "a[runHi]")? != Ordering::Less {
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
    cmp: &Cmp,
) -> Result<(), ProcessorError> {
    let mut start = if start == lo { start + 1 } else { start };
    while start < hi {
        let (mut left, mut right) = (lo, start);
        while left < right {
            let mid = (left + right) / 2;
            if cmp(&a[start], &a[mid], "pivot")? == Ordering::Less {
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

/// `gallopLeft`: where `key` goes in `run[base..base+len]`, before equal elements.
fn gallop_left(
    key: &Value,
    run: &[Value],
    base: usize,
    len: usize,
    hint: usize,
    cmp: &Cmp,
) -> Result<usize, ProcessorError> {
    let (mut last_ofs, mut ofs): (usize, usize) = (0, 1);
    if cmp(key, &run[base + hint], "key")? == Ordering::Greater {
        let max_ofs = len - hint;
        while ofs < max_ofs && cmp(key, &run[base + hint + ofs], "key")? == Ordering::Greater {
            last_ofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max_ofs);
        last_ofs += hint;
        ofs += hint;
    } else {
        let max_ofs = hint + 1;
        while ofs < max_ofs && cmp(key, &run[base + hint - ofs], "key")? != Ordering::Greater {
            last_ofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max_ofs);
        let tmp = last_ofs;
        // Java's lastOfs may be -1 here; keep it shifted by one
        last_ofs = hint + 1 - ofs;
        ofs = hint - tmp;
        return binary_gallop(key, run, base, last_ofs, ofs, cmp, true);
    }
    binary_gallop(key, run, base, last_ofs + 1, ofs, cmp, true)
}

/// `gallopRight`: where `key` goes in `run[base..base+len]`, after equal elements.
fn gallop_right(
    key: &Value,
    run: &[Value],
    base: usize,
    len: usize,
    hint: usize,
    cmp: &Cmp,
) -> Result<usize, ProcessorError> {
    let (mut last_ofs, mut ofs): (usize, usize) = (0, 1);
    if cmp(key, &run[base + hint], "key")? == Ordering::Less {
        let max_ofs = hint + 1;
        while ofs < max_ofs && cmp(key, &run[base + hint - ofs], "key")? == Ordering::Less {
            last_ofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max_ofs);
        let tmp = last_ofs;
        last_ofs = hint + 1 - ofs;
        ofs = hint - tmp;
        return binary_gallop(key, run, base, last_ofs, ofs, cmp, false);
    }
    let max_ofs = len - hint;
    while ofs < max_ofs && cmp(key, &run[base + hint + ofs], "key")? != Ordering::Less {
        last_ofs = ofs;
        ofs = (ofs << 1) + 1;
    }
    ofs = ofs.min(max_ofs);
    last_ofs += hint;
    ofs += hint;
    binary_gallop(key, run, base, last_ofs + 1, ofs, cmp, false)
}

/// The binary search ending both gallops, over `lo..ofs` (Java's `lastOfs + 1`).
fn binary_gallop(
    key: &Value,
    run: &[Value],
    base: usize,
    mut lo: usize,
    mut ofs: usize,
    cmp: &Cmp,
    left: bool,
) -> Result<usize, ProcessorError> {
    while lo < ofs {
        let m = lo + (ofs - lo) / 2;
        let c = cmp(key, &run[base + m], "key")?;
        let go_right = if left {
            c == Ordering::Greater
        } else {
            c != Ordering::Less
        };
        if go_right {
            lo = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs)
}

struct TimSort {
    min_gallop: usize,
    /// (base, len) of the pending runs.
    runs: Vec<(usize, usize)>,
}

impl TimSort {
    fn merge_collapse(&mut self, a: &mut [Value], cmp: &Cmp) -> Result<(), ProcessorError> {
        while self.runs.len() > 1 {
            let mut n = self.runs.len() - 2;
            let len = |i: usize| self.runs[i].1;
            if n > 0 && len(n - 1) <= len(n) + len(n + 1)
                || n > 1 && len(n - 2) <= len(n) + len(n - 1)
            {
                if len(n - 1) < len(n + 1) {
                    n -= 1;
                }
            } else if len(n) > len(n + 1) {
                break;
            }
            self.merge_at(a, n, cmp)?;
        }
        Ok(())
    }

    fn merge_force_collapse(&mut self, a: &mut [Value], cmp: &Cmp) -> Result<(), ProcessorError> {
        while self.runs.len() > 1 {
            let mut n = self.runs.len() - 2;
            if n > 0 && self.runs[n - 1].1 < self.runs[n + 1].1 {
                n -= 1;
            }
            self.merge_at(a, n, cmp)?;
        }
        Ok(())
    }

    fn merge_at(&mut self, a: &mut [Value], i: usize, cmp: &Cmp) -> Result<(), ProcessorError> {
        let (mut base1, mut len1) = self.runs[i];
        let (base2, mut len2) = self.runs[i + 1];
        self.runs[i].1 = len1 + len2;
        self.runs.remove(i + 1);
        let k = gallop_right(&a[base2], a, base1, len1, 0, cmp)?;
        base1 += k;
        len1 -= k;
        if len1 == 0 {
            return Ok(());
        }
        len2 = gallop_left(&a[base1 + len1 - 1], a, base2, len2, len2 - 1, cmp)?;
        if len2 == 0 {
            return Ok(());
        }
        if len1 <= len2 {
            self.merge_lo(a, base1, len1, base2, len2, cmp)
        } else {
            self.merge_hi(a, base1, len1, base2, len2, cmp)
        }
    }

    fn merge_lo(
        &mut self,
        a: &mut [Value],
        base1: usize,
        mut len1: usize,
        base2: usize,
        mut len2: usize,
        cmp: &Cmp,
    ) -> Result<(), ProcessorError> {
        let tmp: Vec<Value> = a[base1..base1 + len1].to_vec();
        let (mut cursor1, mut cursor2, mut dest) = (0, base2, base1);
        a[dest] = a[cursor2].clone();
        dest += 1;
        cursor2 += 1;
        len2 -= 1;
        if len2 == 0 {
            a[dest..dest + len1].clone_from_slice(&tmp[cursor1..cursor1 + len1]);
            return Ok(());
        }
        if len1 == 1 {
            for k in 0..len2 {
                a[dest + k] = a[cursor2 + k].clone();
            }
            a[dest + len2] = tmp[cursor1].clone();
            return Ok(());
        }
        let mut min_gallop = self.min_gallop;
        'outer: loop {
            let (mut count1, mut count2) = (0usize, 0usize);
            loop {
                if cmp(&a[cursor2], &tmp[cursor1], "a[cursor2]")? == Ordering::Less {
                    a[dest] = a[cursor2].clone();
                    dest += 1;
                    cursor2 += 1;
                    count2 += 1;
                    count1 = 0;
                    len2 -= 1;
                    if len2 == 0 {
                        break 'outer;
                    }
                } else {
                    a[dest] = tmp[cursor1].clone();
                    dest += 1;
                    cursor1 += 1;
                    count1 += 1;
                    count2 = 0;
                    len1 -= 1;
                    if len1 == 1 {
                        break 'outer;
                    }
                }
                if (count1 | count2) >= min_gallop {
                    break;
                }
            }
            loop {
                count1 = gallop_right(&a[cursor2], &tmp, cursor1, len1, 0, cmp)?;
                if count1 != 0 {
                    a[dest..dest + count1].clone_from_slice(&tmp[cursor1..cursor1 + count1]);
                    dest += count1;
                    cursor1 += count1;
                    len1 -= count1;
                    if len1 <= 1 {
                        break 'outer;
                    }
                }
                a[dest] = a[cursor2].clone();
                dest += 1;
                cursor2 += 1;
                len2 -= 1;
                if len2 == 0 {
                    break 'outer;
                }
                count2 = gallop_left(&tmp[cursor1], a, cursor2, len2, 0, cmp)?;
                if count2 != 0 {
                    for k in 0..count2 {
                        a[dest + k] = a[cursor2 + k].clone();
                    }
                    dest += count2;
                    cursor2 += count2;
                    len2 -= count2;
                    if len2 == 0 {
                        break 'outer;
                    }
                }
                a[dest] = tmp[cursor1].clone();
                dest += 1;
                cursor1 += 1;
                len1 -= 1;
                if len1 == 1 {
                    break 'outer;
                }
                min_gallop = min_gallop.saturating_sub(1);
                if !(count1 >= MIN_GALLOP || count2 >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 2;
        }
        self.min_gallop = min_gallop.max(1);
        if len1 == 1 {
            for k in 0..len2 {
                a[dest + k] = a[cursor2 + k].clone();
            }
            a[dest + len2] = tmp[cursor1].clone();
        } else if len1 > 0 {
            a[dest..dest + len1].clone_from_slice(&tmp[cursor1..cursor1 + len1]);
        }
        Ok(())
    }

    fn merge_hi(
        &mut self,
        a: &mut [Value],
        base1: usize,
        mut len1: usize,
        base2: usize,
        mut len2: usize,
        cmp: &Cmp,
    ) -> Result<(), ProcessorError> {
        let tmp: Vec<Value> = a[base2..base2 + len2].to_vec();
        // cursors are kept one past Java's (which may reach -1)
        let mut cursor1 = base1 + len1; // Java cursor1 + 1
        let mut cursor2 = len2; // Java cursor2 + 1 (tmpBase 0)
        let mut dest = base2 + len2; // Java dest + 1
        a[dest - 1] = a[cursor1 - 1].clone();
        dest -= 1;
        cursor1 -= 1;
        len1 -= 1;
        if len1 == 0 {
            a[dest - len2..dest].clone_from_slice(&tmp[..len2]);
            return Ok(());
        }
        if len2 == 1 {
            dest -= len1;
            cursor1 -= len1;
            for k in (0..len1).rev() {
                a[dest + k] = a[cursor1 + k].clone();
            }
            a[dest - 1] = tmp[cursor2 - 1].clone();
            return Ok(());
        }
        let mut min_gallop = self.min_gallop;
        'outer: loop {
            let (mut count1, mut count2) = (0usize, 0usize);
            loop {
                if cmp(&tmp[cursor2 - 1], &a[cursor1 - 1], "tmp[cursor2]")? == Ordering::Less {
                    a[dest - 1] = a[cursor1 - 1].clone();
                    dest -= 1;
                    cursor1 -= 1;
                    count1 += 1;
                    count2 = 0;
                    len1 -= 1;
                    if len1 == 0 {
                        break 'outer;
                    }
                } else {
                    a[dest - 1] = tmp[cursor2 - 1].clone();
                    dest -= 1;
                    cursor2 -= 1;
                    count2 += 1;
                    count1 = 0;
                    len2 -= 1;
                    if len2 == 1 {
                        break 'outer;
                    }
                }
                if (count1 | count2) >= min_gallop {
                    break;
                }
            }
            loop {
                count1 = len1 - gallop_right(&tmp[cursor2 - 1], a, base1, len1, len1 - 1, cmp)?;
                if count1 != 0 {
                    dest -= count1;
                    cursor1 -= count1;
                    len1 -= count1;
                    for k in (0..count1).rev() {
                        a[dest + k] = a[cursor1 + k].clone();
                    }
                    if len1 == 0 {
                        break 'outer;
                    }
                }
                a[dest - 1] = tmp[cursor2 - 1].clone();
                dest -= 1;
                cursor2 -= 1;
                len2 -= 1;
                if len2 == 1 {
                    break 'outer;
                }
                count2 = len2 - gallop_left(&a[cursor1 - 1], &tmp, 0, len2, len2 - 1, cmp)?;
                if count2 != 0 {
                    dest -= count2;
                    cursor2 -= count2;
                    len2 -= count2;
                    a[dest..dest + count2].clone_from_slice(&tmp[cursor2..cursor2 + count2]);
                    if len2 <= 1 {
                        break 'outer;
                    }
                }
                a[dest - 1] = a[cursor1 - 1].clone();
                dest -= 1;
                cursor1 -= 1;
                len1 -= 1;
                if len1 == 0 {
                    break 'outer;
                }
                min_gallop = min_gallop.saturating_sub(1);
                if !(count1 >= MIN_GALLOP || count2 >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 2;
        }
        self.min_gallop = min_gallop.max(1);
        if len2 == 1 {
            dest -= len1;
            cursor1 -= len1;
            for k in (0..len1).rev() {
                a[dest + k] = a[cursor1 + k].clone();
            }
            a[dest - 1] = tmp[cursor2 - 1].clone();
        } else if len2 > 0 {
            a[dest - len2..dest].clone_from_slice(&tmp[..len2]);
        }
        Ok(())
    }
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

#[cfg(test)]
mod time_tests {
    use crate::document::{utc_timestamp, FieldPath};
    use crate::processors::test_support::*;
    use crate::value::Value;
    use serde_json::json;

    #[test]
    fn zoned_date_times_sort_by_instant_and_do_not_mix_with_strings() {
        let mut d = doc("{}");
        let times = vec![
            utc_timestamp(30, 0),
            utc_timestamp(10, 0),
            utc_timestamp(20, 5),
        ];
        d.set(&FieldPath::parse("f").unwrap(), Value::List(times))
            .unwrap();
        run_on("sort", json!({"field": "f"}), &mut d).unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"f":["1970-01-01T00:00:10.000Z","1970-01-01T00:00:20.000000005Z","1970-01-01T00:00:30.000Z"]}"#
        );
        let mut d = doc("{}");
        // TimSort compares the second element with the first: zdt.compareTo("x")
        let mixed = vec![Value::from("x"), utc_timestamp(30, 0)];
        d.set(&FieldPath::parse("f").unwrap(), Value::List(mixed))
            .unwrap();
        let e = run_on("sort", json!({"field": "f"}), &mut d).unwrap_err();
        assert_eq!(e.kind, "class_cast_exception");
        assert!(
            e.reason.contains("java.time.chrono.ChronoZonedDateTime"),
            "{}",
            e.reason
        );
    }
}
