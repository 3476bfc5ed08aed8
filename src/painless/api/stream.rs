//! `Stream` (evaluated eagerly: each step produces the next list), `Optional` and `Collectors`.

use super::{arg_int, collections::sort_values, not_found, Obj};
use crate::painless::ast::Ty;
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;
use crate::value::CollectionKind;
use std::cell::RefCell;

pub enum Collector {
    ToList,
    ToSet,
    Joining(String, String, String),
    ToMap(V, V, Option<V>),
    GroupingBy(V, Box<Collector>),
    Counting,
    Summing(V, bool),
    Mapping(V, Box<Collector>),
    /// `toMap(keyMapper, valueMapper, mergeFunction, mapFactory)`: `Map.merge` into the
    /// supplied map.
    ToMapInto(V, V, V, V),
    /// `groupingBy(classifier, mapFactory, downstream)`.
    GroupingByInto(V, V, Box<Collector>),
    /// `partitioningBy(predicate[, downstream])`.
    Partitioning(V, Box<Collector>),
    /// `averagingInt/Long/Double(mapper)` (the mapper's result type).
    Averaging(V, Ty),
    /// `summingDouble(mapper)`.
    SummingDouble(V),
    /// `collectingAndThen(downstream, finisher)`.
    AndThen(Box<Collector>, V),
    /// `reducing(op)`: an `Optional`.
    ReducingOpt(V),
    /// `reducing(identity, [mapper,] op)`.
    Reducing(V, Option<V>, V),
    /// `maxBy(comparator)` (true) / `minBy(comparator)`.
    MinMaxBy(V, bool),
    /// `toCollection(collectionFactory)`.
    ToCollection(V),
}

fn stream(items: Vec<V>) -> V {
    V::obj(Obj::Stream(RefCell::new(items)))
}

fn optional(v: Option<V>) -> V {
    V::obj(Obj::Optional(v))
}

fn truthy(v: V) -> R<bool> {
    match v {
        V::Bool(b) => Ok(b),
        V::Null => Err(Thrown::npe(None)),
        other => Err(crate::painless::interp::def_cast_error(
            &other,
            &crate::painless::ast::Ty::Bool,
            true,
        )),
    }
}

fn sum_values(items: &[V]) -> R<V> {
    let mut kind = NumKind::Int;
    let mut nums = Vec::with_capacity(items.len());
    for x in items {
        let n = num_of(x).ok_or_else(|| {
            Thrown::cce(format!(
                "Cannot cast from [{}] to [java.lang.Number].",
                class_name(x)
            ))
        })?;
        kind = kind.max(n.kind());
        nums.push(n);
    }
    Ok(match kind {
        NumKind::Int => V::Int(nums.iter().fold(0i32, |a, n| a.wrapping_add(n.as_i32()))),
        NumKind::Long => V::Long(nums.iter().fold(0i64, |a, n| a.wrapping_add(n.as_i64()))),
        _ => V::Double(nums.iter().map(|n| n.as_f64()).sum()),
    })
}

fn apply_collector(it: &mut Interp, c: &Collector, items: Vec<V>) -> R<V> {
    match c {
        Collector::ToList => Ok(V::new_list(items)),
        Collector::ToSet => {
            let s = V::new_set(CollectionKind::Hash);
            if let V::Set(ss) = &s {
                for i in items {
                    ss.borrow_mut().add(i)?;
                }
            }
            Ok(s)
        }
        Collector::Joining(sep, pre, suf) => {
            let mut parts = Vec::with_capacity(items.len());
            for i in &items {
                match str_of(i) {
                    Some(s) => parts.push(s.to_string()),
                    None => {
                        return Err(Thrown::cce(format!(
                            "class {} cannot be cast to class java.lang.CharSequence",
                            class_name(i)
                        )))
                    }
                }
            }
            Ok(V::string(format!("{pre}{}{suf}", parts.join(sep))))
        }
        Collector::ToMap(kf, vf, merge) => {
            let m = V::new_map(CollectionKind::Hash);
            if let V::Map(mm) = &m {
                for i in items {
                    let k = it.call_fn(kf, vec![i.clone()])?;
                    let v = it.call_fn(vf, vec![i])?;
                    if v.is_null() {
                        return Err(Thrown::npe(None));
                    }
                    let existing = mm.borrow().get(&k).cloned();
                    match (existing, merge) {
                        (Some(old), Some(f)) => {
                            // `HashMap.merge`: a null result removes the key
                            let nv = it.call_fn(f, vec![old, v])?;
                            if nv.is_null() {
                                mm.borrow_mut().remove(&k)?;
                            } else {
                                mm.borrow_mut().put(k, nv)?;
                            }
                        }
                        (Some(old), None) => {
                            return Err(Thrown::new(
                                "IllegalStateException",
                                format!(
                                    "Duplicate key {} (attempted merging values {} and {})",
                                    to_java_string(&k),
                                    to_java_string(&old),
                                    to_java_string(&v)
                                ),
                            ))
                        }
                        (None, _) => {
                            mm.borrow_mut().put(k, v)?;
                        }
                    }
                }
            }
            Ok(m)
        }
        Collector::GroupingBy(kf, down) => {
            let m = V::new_map(CollectionKind::Hash);
            let mut groups: Vec<(V, Vec<V>)> = Vec::new();
            for i in items {
                let k = it.call_fn(kf, vec![i.clone()])?;
                if k.is_null() {
                    return Err(Thrown::npe(Some(
                        "element cannot be mapped to a null key".into(),
                    )));
                }
                match groups.iter_mut().find(|(g, _)| java_equals(g, &k)) {
                    Some((_, v)) => v.push(i),
                    None => groups.push((k, vec![i])),
                }
            }
            if let V::Map(mm) = &m {
                for (k, vs) in groups {
                    let v = apply_collector(it, down, vs)?;
                    mm.borrow_mut().put(k, v)?;
                }
            }
            Ok(m)
        }
        Collector::Counting => Ok(V::Long(items.len() as i64)),
        Collector::Summing(f, long) => {
            let mut mapped = Vec::with_capacity(items.len());
            for i in items {
                mapped.push(it.call_fn(f, vec![i])?);
            }
            let s = sum_values(&mapped)?;
            Ok(if *long {
                V::Long(num_of(&s).map(|n| n.as_i64()).unwrap_or(0))
            } else {
                s
            })
        }
        Collector::Mapping(f, down) => {
            let mut mapped = Vec::with_capacity(items.len());
            for i in items {
                mapped.push(it.call_fn(f, vec![i])?);
            }
            apply_collector(it, down, mapped)
        }
        _ => apply_more(it, c, items),
    }
}

/// `Collectors.sumWithCompensation`: Kahan summation, `sum[1]` holding the negated low bits.
fn sum_with_compensation(sum: &mut [f64], value: f64) {
    let tmp = value - sum[1];
    let velvel = sum[0] + tmp;
    sum[1] = (velvel - sum[0]) - tmp;
    sum[0] = velvel;
}

/// `Collectors.computeFinalSum`: the compensated sum, or the simple sum (last slot) when
/// infinities of one sign made the compensated one NaN.
fn compute_final_sum(sum: &[f64]) -> f64 {
    let tmp = sum[0] - sum[1];
    let simple = sum[sum.len() - 1];
    if tmp.is_nan() && simple.is_infinite() {
        simple
    } else {
        tmp
    }
}

fn as_f64(v: &V) -> f64 {
    num_of(v).map(|n| n.as_f64()).unwrap_or(0.0)
}

fn as_i64(v: &V) -> i64 {
    num_of(v).map(|n| n.as_i64()).unwrap_or(0)
}

/// The collectors that are rarer in scripts (kept out of `apply_collector`'s main match).
fn apply_more(it: &mut Interp, c: &Collector, items: Vec<V>) -> R<V> {
    use crate::painless::interp::coerce;
    match c {
        Collector::ToMapInto(kf, vf, merge, factory) => {
            let m = it.call_fn(factory, vec![])?;
            for i in items {
                let k = it.call_fn(kf, vec![i.clone()])?;
                let v = it.call_fn(vf, vec![i])?;
                if v.is_null() {
                    return Err(Thrown::npe(None));
                }
                it.call_method(m.clone(), "merge", vec![k, v, merge.clone()])?;
            }
            Ok(m)
        }
        Collector::GroupingByInto(kf, factory, down) => {
            // the map holds each key's group number until the downstream results replace
            // them, so keys are matched (and ordered) as the supplied map does it
            let m = it.call_fn(factory, vec![])?;
            let mut groups: Vec<Vec<V>> = Vec::new();
            for i in items {
                let k = it.call_fn(kf, vec![i.clone()])?;
                if k.is_null() {
                    return Err(Thrown::npe(Some(
                        "element cannot be mapped to a null key".into(),
                    )));
                }
                match it.call_method(m.clone(), "get", vec![k.clone()])? {
                    V::Int(g) => groups[g as usize].push(i),
                    _ => {
                        it.call_method(m.clone(), "put", vec![k, V::Int(groups.len() as i32)])?;
                        groups.push(vec![i]);
                    }
                }
            }
            let keys = it.call_method(m.clone(), "keySet", vec![])?;
            for k in super::collection_items(it, &keys)? {
                if let V::Int(g) = it.call_method(m.clone(), "get", vec![k.clone()])? {
                    let group = std::mem::take(&mut groups[g as usize]);
                    let v = apply_collector(it, down, group)?;
                    it.call_method(m.clone(), "put", vec![k, v])?;
                }
            }
            Ok(m)
        }
        Collector::Partitioning(pred, down) => {
            let (mut yes, mut no) = (Vec::new(), Vec::new());
            for i in items {
                if truthy(it.call_fn(pred, vec![i.clone()])?)? {
                    yes.push(i);
                } else {
                    no.push(i);
                }
            }
            // `new Partition<>(finisher.apply(forTrue), finisher.apply(forFalse))`, which
            // iterates false first and cannot be changed
            let yes = apply_collector(it, down, yes)?;
            let no = apply_collector(it, down, no)?;
            let m = V::new_map(CollectionKind::Linked);
            if let V::Map(mm) = &m {
                let mut mm = mm.borrow_mut();
                mm.put(V::Bool(false), no)?;
                mm.put(V::Bool(true), yes)?;
                mm.immutable = true;
            }
            Ok(m)
        }
        Collector::Averaging(f, ty) => {
            let count = items.len();
            if matches!(ty, Ty::Double) {
                let mut sum = [0.0f64; 3];
                for i in items {
                    let v = as_f64(&coerce(it.call_fn(f, vec![i])?, ty)?);
                    sum_with_compensation(&mut sum, v);
                    sum[2] += v;
                }
                return Ok(V::Double(if count == 0 {
                    0.0
                } else {
                    compute_final_sum(&sum) / count as f64
                }));
            }
            let mut sum = 0i64;
            for i in items {
                sum = sum.wrapping_add(as_i64(&coerce(it.call_fn(f, vec![i])?, ty)?));
            }
            Ok(V::Double(if count == 0 {
                0.0
            } else {
                sum as f64 / count as f64
            }))
        }
        Collector::SummingDouble(f) => {
            let mut sum = [0.0f64; 3];
            for i in items {
                let v = as_f64(&coerce(it.call_fn(f, vec![i])?, &Ty::Double)?);
                sum_with_compensation(&mut sum, v);
                sum[2] += v;
            }
            Ok(V::Double(compute_final_sum(&sum)))
        }
        Collector::AndThen(down, f) => {
            let r = apply_collector(it, down, items)?;
            it.call_fn(f, vec![r])
        }
        Collector::ReducingOpt(op) => {
            let mut acc: Option<V> = None;
            for x in items {
                acc = Some(match acc {
                    None => x,
                    Some(a) => it.call_fn(op, vec![a, x])?,
                });
            }
            // `Optional.ofNullable(a.value)`
            Ok(optional(acc.filter(|v| !v.is_null())))
        }
        Collector::Reducing(identity, mapper, op) => {
            let mut acc = identity.clone();
            for x in items {
                let x = match mapper {
                    Some(f) => it.call_fn(f, vec![x])?,
                    None => x,
                };
                acc = it.call_fn(op, vec![acc, x])?;
            }
            Ok(acc)
        }
        Collector::MinMaxBy(cmp, max) => {
            // `BinaryOperator.maxBy`: `compare(a, b) >= 0 ? a : b`; `minBy`: `<= 0`
            let mut acc: Option<V> = None;
            for x in items {
                acc = Some(match acc {
                    None => x,
                    Some(a) => {
                        let r = it.call_fn(cmp, vec![a.clone(), x.clone()])?;
                        let r = arg_int(&r)?;
                        if (*max && r >= 0) || (!*max && r <= 0) {
                            a
                        } else {
                            x
                        }
                    }
                });
            }
            Ok(optional(acc.filter(|v| !v.is_null())))
        }
        Collector::ToCollection(factory) => {
            let coll = it.call_fn(factory, vec![])?;
            for x in items {
                it.call_method(coll.clone(), "add", vec![x])?;
            }
            Ok(coll)
        }
        _ => Err(Thrown::unsupported(None)),
    }
}

pub fn call(it: &mut Interp, recv: &V, o: &Obj, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match o {
        Obj::Stream(items) => {
            let items = items.borrow().clone();
            match (name, n) {
                ("filter", 1) => {
                    let mut out = Vec::new();
                    for x in items {
                        if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                            out.push(x);
                        }
                    }
                    Ok(stream(out))
                }
                ("map", 1)
                | ("mapToInt", 1)
                | ("mapToLong", 1)
                | ("mapToDouble", 1)
                | ("mapToObj", 1) => {
                    let mut out = Vec::with_capacity(items.len());
                    for x in items {
                        let v = it.call_fn(&args[0], vec![x])?;
                        let v = match name {
                            "mapToInt" => {
                                crate::painless::interp::coerce(v, &crate::painless::ast::Ty::Int)?
                            }
                            "mapToLong" => {
                                crate::painless::interp::coerce(v, &crate::painless::ast::Ty::Long)?
                            }
                            "mapToDouble" => crate::painless::interp::coerce(
                                v,
                                &crate::painless::ast::Ty::Double,
                            )?,
                            _ => v,
                        };
                        out.push(v);
                    }
                    Ok(stream(out))
                }
                ("flatMap", 1) => {
                    let mut out = Vec::new();
                    for x in items {
                        let s = it.call_fn(&args[0], vec![x])?;
                        out.extend(super::iterate(it, &s)?);
                    }
                    Ok(stream(out))
                }
                ("peek", 1) => {
                    for x in &items {
                        it.call_fn(&args[0], vec![x.clone()])?;
                    }
                    Ok(stream(items))
                }
                ("forEach", 1) | ("forEachOrdered", 1) => {
                    for x in items {
                        it.call_fn(&args[0], vec![x])?;
                    }
                    Ok(V::Null)
                }
                ("collect", 1) => {
                    let V::Obj(c) = &args[0] else {
                        return Err(Thrown::npe(None));
                    };
                    let Obj::Collector(c) = &**c else {
                        return Err(not_found(recv, name, n));
                    };
                    apply_collector(it, c, items)
                }
                ("toList", 0) => Ok(V::new_list_kind(items, ListKind::Immutable)),
                ("count", 0) => Ok(V::Long(items.len() as i64)),
                ("sum", 0) => sum_values(&items),
                ("average", 0) => {
                    if items.is_empty() {
                        return Ok(optional(None));
                    }
                    let s = sum_values(&items)?;
                    let total = num_of(&s).map(|n| n.as_f64()).unwrap_or(0.0);
                    Ok(optional(Some(V::Double(total / items.len() as f64))))
                }
                ("min", 0) | ("max", 0) | ("min", 1) | ("max", 1) => {
                    if items.is_empty() {
                        return Ok(optional(None));
                    }
                    let mut sorted = items;
                    sort_values(it, &mut sorted, args.first())?;
                    Ok(optional(if name == "max" {
                        sorted.pop()
                    } else {
                        Some(sorted.swap_remove(0))
                    }))
                }
                ("sorted", 0) | ("sorted", 1) => {
                    let mut sorted = items;
                    sort_values(it, &mut sorted, args.first())?;
                    Ok(stream(sorted))
                }
                ("distinct", 0) => {
                    let mut out: Vec<V> = Vec::new();
                    for x in items {
                        if !out.iter().any(|y| java_equals(y, &x)) {
                            out.push(x);
                        }
                    }
                    Ok(stream(out))
                }
                ("limit", 1) => {
                    let k = num_of(&args[0]).map(|n| n.as_i64()).unwrap_or(0).max(0) as usize;
                    Ok(stream(items.into_iter().take(k).collect()))
                }
                ("skip", 1) => {
                    let k = num_of(&args[0]).map(|n| n.as_i64()).unwrap_or(0).max(0) as usize;
                    Ok(stream(items.into_iter().skip(k).collect()))
                }
                ("anyMatch", 1) | ("allMatch", 1) | ("noneMatch", 1) => {
                    for x in items {
                        let t = truthy(it.call_fn(&args[0], vec![x])?)?;
                        match name {
                            "anyMatch" if t => return Ok(V::Bool(true)),
                            "allMatch" if !t => return Ok(V::Bool(false)),
                            "noneMatch" if t => return Ok(V::Bool(false)),
                            _ => {}
                        }
                    }
                    Ok(V::Bool(name != "anyMatch"))
                }
                ("findFirst", 0) | ("findAny", 0) => Ok(optional(items.into_iter().next())),
                ("toArray", 0) => Ok(V::Array(std::rc::Rc::new(RefCell::new(ArrayObj {
                    elem: crate::painless::ast::Ty::Def,
                    items,
                })))),
                ("reduce", 1) => {
                    let mut acc: Option<V> = None;
                    for x in items {
                        acc = Some(match acc {
                            None => x,
                            Some(a) => it.call_fn(&args[0], vec![a, x])?,
                        });
                    }
                    Ok(optional(acc))
                }
                // `reduce(identity, accumulator, combiner)`: sequential, so no combining
                ("reduce", 2) | ("reduce", 3) => {
                    let mut acc = args[0].clone();
                    for x in items {
                        acc = it.call_fn(&args[1], vec![acc, x])?;
                    }
                    Ok(acc)
                }
                // `collect(supplier, accumulator, combiner)`
                ("collect", 3) => {
                    let container = it.call_fn(&args[0], vec![])?;
                    for x in items {
                        it.call_fn(&args[1], vec![container.clone(), x])?;
                    }
                    Ok(container)
                }
                ("boxed", 0)
                | ("asDoubleStream", 0)
                | ("asLongStream", 0)
                | ("parallel", 0)
                | ("sequential", 0)
                | ("unordered", 0) => {
                    let items = match name {
                        "asDoubleStream" => items
                            .into_iter()
                            .map(|v| {
                                crate::painless::interp::coerce(
                                    v,
                                    &crate::painless::ast::Ty::Double,
                                )
                            })
                            .collect::<R<Vec<V>>>()?,
                        "asLongStream" => items
                            .into_iter()
                            .map(|v| {
                                crate::painless::interp::coerce(v, &crate::painless::ast::Ty::Long)
                            })
                            .collect::<R<Vec<V>>>()?,
                        _ => items,
                    };
                    Ok(stream(items))
                }
                ("iterator", 0) => Ok(V::obj(Obj::Iterator(RefCell::new(super::IterState {
                    items,
                    pos: 0,
                    source: None,
                })))),
                _ => Err(not_found(recv, name, n)),
            }
        }
        Obj::Optional(v) => match (name, n) {
            ("isPresent", 0) => Ok(V::Bool(v.is_some())),
            ("isEmpty", 0) => Ok(V::Bool(v.is_none())),
            ("get", 0)
            | ("getAsInt", 0)
            | ("getAsLong", 0)
            | ("getAsDouble", 0)
            | ("orElseThrow", 0) => v
                .clone()
                .ok_or_else(|| Thrown::new("NoSuchElementException", "No value present")),
            ("orElse", 1) => Ok(v.clone().unwrap_or_else(|| args[0].clone())),
            ("orElseThrow", 1) => match v {
                Some(x) => Ok(x.clone()),
                None => {
                    let e = it.call_fn(&args[0], vec![])?;
                    match &e {
                        V::Obj(o) => match &**o {
                            Obj::Exception(class, msg) => {
                                Err(Thrown::raw(class, msg.clone(), None, true))
                            }
                            _ => Err(Thrown::cce("orElseThrow supplier must return an exception")),
                        },
                        _ => Err(Thrown::npe(None)),
                    }
                }
            },
            ("orElseGet", 1) => match v {
                Some(x) => Ok(x.clone()),
                None => it.call_fn(&args[0], vec![]),
            },
            ("ifPresent", 1) => {
                if let Some(x) = v {
                    it.call_fn(&args[0], vec![x.clone()])?;
                }
                Ok(V::Null)
            }
            ("map", 1) => match v {
                Some(x) => {
                    let r = it.call_fn(&args[0], vec![x.clone()])?;
                    Ok(optional(if r.is_null() { None } else { Some(r) }))
                }
                None => Ok(optional(None)),
            },
            ("filter", 1) => match v {
                Some(x) => {
                    if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                        Ok(recv.clone())
                    } else {
                        Ok(optional(None))
                    }
                }
                None => Ok(recv.clone()),
            },
            _ => Err(not_found(recv, name, n)),
        },
        _ => Err(not_found(recv, name, n)),
    }
}

fn collector(c: Collector) -> V {
    V::obj(Obj::Collector(c))
}

fn take_collector(v: &V) -> R<Collector> {
    if let V::Obj(o) = v {
        if let Obj::Collector(c) = &**o {
            return Ok(clone_collector(c));
        }
    }
    Err(Thrown::cce(format!(
        "Cannot cast from [{}] to [java.util.stream.Collector].",
        class_name(v)
    )))
}

fn clone_collector(c: &Collector) -> Collector {
    match c {
        Collector::ToList => Collector::ToList,
        Collector::ToSet => Collector::ToSet,
        Collector::Joining(a, b, c) => Collector::Joining(a.clone(), b.clone(), c.clone()),
        Collector::ToMap(a, b, c) => Collector::ToMap(a.clone(), b.clone(), c.clone()),
        Collector::GroupingBy(a, b) => {
            Collector::GroupingBy(a.clone(), Box::new(clone_collector(b)))
        }
        Collector::Counting => Collector::Counting,
        Collector::Summing(a, b) => Collector::Summing(a.clone(), *b),
        Collector::Mapping(a, b) => Collector::Mapping(a.clone(), Box::new(clone_collector(b))),
        Collector::ToMapInto(a, b, c, d) => {
            Collector::ToMapInto(a.clone(), b.clone(), c.clone(), d.clone())
        }
        Collector::GroupingByInto(a, b, c) => {
            Collector::GroupingByInto(a.clone(), b.clone(), Box::new(clone_collector(c)))
        }
        Collector::Partitioning(a, b) => {
            Collector::Partitioning(a.clone(), Box::new(clone_collector(b)))
        }
        Collector::Averaging(a, t) => Collector::Averaging(a.clone(), t.clone()),
        Collector::SummingDouble(a) => Collector::SummingDouble(a.clone()),
        Collector::AndThen(a, b) => Collector::AndThen(Box::new(clone_collector(a)), b.clone()),
        Collector::ReducingOpt(a) => Collector::ReducingOpt(a.clone()),
        Collector::Reducing(a, b, c) => Collector::Reducing(a.clone(), b.clone(), c.clone()),
        Collector::MinMaxBy(a, b) => Collector::MinMaxBy(a.clone(), *b),
        Collector::ToCollection(a) => Collector::ToCollection(a.clone()),
    }
}

pub fn call_static(it: &mut Interp, class: &str, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    let _ = it;
    match (class, name, n) {
        ("Collectors", "toList", 0) => Ok(collector(Collector::ToList)),
        ("Collectors", "toSet", 0) => Ok(collector(Collector::ToSet)),
        ("Collectors", "joining", 0) => Ok(collector(Collector::Joining(
            String::new(),
            String::new(),
            String::new(),
        ))),
        ("Collectors", "joining", 1) => Ok(collector(Collector::Joining(
            to_java_string(&args[0]),
            String::new(),
            String::new(),
        ))),
        ("Collectors", "joining", 3) => Ok(collector(Collector::Joining(
            to_java_string(&args[0]),
            to_java_string(&args[1]),
            to_java_string(&args[2]),
        ))),
        ("Collectors", "toMap", 2) => Ok(collector(Collector::ToMap(
            args[0].clone(),
            args[1].clone(),
            None,
        ))),
        ("Collectors", "toMap", 3) => Ok(collector(Collector::ToMap(
            args[0].clone(),
            args[1].clone(),
            Some(args[2].clone()),
        ))),
        ("Collectors", "groupingBy", 1) => Ok(collector(Collector::GroupingBy(
            args[0].clone(),
            Box::new(Collector::ToList),
        ))),
        ("Collectors", "groupingBy", 2) => Ok(collector(Collector::GroupingBy(
            args[0].clone(),
            Box::new(take_collector(&args[1])?),
        ))),
        ("Collectors", "counting", 0) => Ok(collector(Collector::Counting)),
        ("Collectors", "summingInt", 1) => {
            Ok(collector(Collector::Summing(args[0].clone(), false)))
        }
        ("Collectors", "summingLong", 1) => {
            Ok(collector(Collector::Summing(args[0].clone(), true)))
        }
        ("Collectors", "mapping", 2) => Ok(collector(Collector::Mapping(
            args[0].clone(),
            Box::new(take_collector(&args[1])?),
        ))),
        ("Collectors", _, _) => more_collectors(name, &args),
        ("Stream", "of", _) => {
            let items = if n == 1 {
                match &args[0] {
                    V::Array(a) => a.borrow().items.clone(),
                    _ => args,
                }
            } else {
                args
            };
            Ok(stream(items))
        }
        ("Stream", "empty", 0) => Ok(stream(Vec::new())),
        ("Stream", "concat", 2) => {
            let mut items = Vec::new();
            for s in &args {
                match s {
                    V::Obj(o) if matches!(&**o, Obj::Stream(_)) => {
                        if let Obj::Stream(xs) = &**o {
                            items.extend(xs.borrow().iter().cloned());
                        }
                    }
                    V::Null => return Err(Thrown::npe(None)),
                    other => {
                        return Err(Thrown::cce(format!(
                            "Cannot cast from [{}] to [java.util.stream.Stream].",
                            class_name(other)
                        )))
                    }
                }
            }
            Ok(stream(items))
        }
        ("Optional", "of", 1) => {
            if args[0].is_null() {
                return Err(Thrown::npe(None));
            }
            Ok(optional(Some(args[0].clone())))
        }
        ("Optional", "ofNullable", 1) => Ok(optional(if args[0].is_null() {
            None
        } else {
            Some(args[0].clone())
        })),
        ("Optional", "empty", 0) => Ok(optional(None)),
        ("Comparator", "naturalOrder", 0) | ("Comparator", "reverseOrder", 0) => {
            let _ = arg_int;
            Ok(V::obj(Obj::Fn(super::FnVal::Natural(
                name == "reverseOrder",
            ))))
        }
        ("Comparator", "comparing", 1) => Ok(V::obj(Obj::Fn(super::FnVal::Comparing(
            args[0].clone(),
            false,
        )))),
        ("Comparator", _, _) => super::collections::comparator_static(name, &args)
            .unwrap_or_else(|| Err(super::no_such())),
        _ => Err(super::no_such()),
    }
}

/// `Collectors` statics beyond the common ones above.
fn more_collectors(name: &str, args: &[V]) -> R<V> {
    let f = |i: usize| -> R<V> {
        if args[i].is_null() {
            return Err(Thrown::npe(None));
        }
        Ok(args[i].clone())
    };
    let c = match (name, args.len()) {
        ("toMap", 4) => Collector::ToMapInto(f(0)?, f(1)?, f(2)?, f(3)?),
        ("groupingBy", 3) => {
            Collector::GroupingByInto(f(0)?, f(1)?, Box::new(take_collector(&args[2])?))
        }
        ("partitioningBy", 1) => Collector::Partitioning(f(0)?, Box::new(Collector::ToList)),
        ("partitioningBy", 2) => {
            Collector::Partitioning(f(0)?, Box::new(take_collector(&args[1])?))
        }
        ("averagingInt", 1) => Collector::Averaging(f(0)?, Ty::Int),
        ("averagingLong", 1) => Collector::Averaging(f(0)?, Ty::Long),
        ("averagingDouble", 1) => Collector::Averaging(f(0)?, Ty::Double),
        ("summingDouble", 1) => Collector::SummingDouble(f(0)?),
        ("collectingAndThen", 2) => Collector::AndThen(Box::new(take_collector(&args[0])?), f(1)?),
        ("reducing", 1) => Collector::ReducingOpt(f(0)?),
        ("reducing", 2) => Collector::Reducing(args[0].clone(), None, f(1)?),
        ("reducing", 3) => Collector::Reducing(args[0].clone(), Some(f(1)?), f(2)?),
        ("maxBy", 1) | ("minBy", 1) => Collector::MinMaxBy(f(0)?, name == "maxBy"),
        ("toCollection", 1) => Collector::ToCollection(f(0)?),
        _ => return Err(super::no_such()),
    };
    Ok(collector(c))
}
