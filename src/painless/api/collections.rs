//! `List`, `Map`, `Set`, map views and `Collections`/`Arrays`/`Objects`, plus Painless's
//! collection augmentations (`any`, `each`, `join`, `getLength`, ...).

use super::{
    arg_int, collection_items, iterate, not_found, view_items, FnVal, IterState, Obj, View,
};
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;
use crate::value::CollectionKind;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

const MUTATORS: &[&str] = &[
    "add",
    "addAll",
    "remove",
    "removeIf",
    "removeAll",
    "retainAll",
    "put",
    "putAll",
    "putIfAbsent",
    "clear",
    "set",
    "sort",
    "replaceAll",
    "compute",
    "computeIfAbsent",
    "computeIfPresent",
    "merge",
    "replace",
];

fn readonly() -> Thrown {
    Thrown::unsupported(Some(
        "Mutating ingest documents in conditionals is not supported".into(),
    ))
}

fn iter_obj(items: Vec<V>, source: Option<V>) -> V {
    V::obj(Obj::Iterator(RefCell::new(IterState {
        items,
        pos: 0,
        source,
    })))
}

fn stream_of(items: Vec<V>) -> V {
    V::obj(Obj::Stream(RefCell::new(items)))
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

/// Sorts with a comparator function (or natural order); stable like Java's TimSort.
pub fn sort_values(it: &mut Interp, items: &mut [V], cmp: Option<&V>) -> R<()> {
    let mut err: Option<Thrown> = None;
    let mut keyed: Vec<V> = items.to_vec();
    keyed.sort_by(|a, b| {
        if err.is_some() {
            return Ordering::Equal;
        }
        let r = match cmp {
            Some(f) if !f.is_null() => it
                .call_fn(f, vec![a.clone(), b.clone()])
                .and_then(|v| arg_int(&v))
                .map(|i| i.cmp(&0)),
            _ => compare_values(a, b),
        };
        match r {
            Ok(o) => o,
            Err(e) => {
                err = Some(e);
                Ordering::Equal
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    items.clone_from_slice(&keyed);
    Ok(())
}

/// Augmentation methods shared by every collection (operating on a snapshot of its elements).
fn iterable_aug(it: &mut Interp, items: &[V], name: &str, args: &[V]) -> Option<R<V>> {
    let r = (|| -> R<Option<V>> {
        Ok(Some(match (name, args.len()) {
            ("any", 1) => {
                for x in items {
                    if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                        return Ok(Some(V::Bool(true)));
                    }
                }
                V::Bool(false)
            }
            ("every", 1) => {
                for x in items {
                    if !truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                        return Ok(Some(V::Bool(false)));
                    }
                }
                V::Bool(true)
            }
            ("each", 1) | ("forEach", 1) => {
                for x in items {
                    it.call_fn(&args[0], vec![x.clone()])?;
                }
                V::Null
            }
            ("eachWithIndex", 1) => {
                for (i, x) in items.iter().enumerate() {
                    it.call_fn(&args[0], vec![x.clone(), V::Int(i as i32)])?;
                }
                V::Null
            }
            ("join", 1) => {
                let sep = to_java_string(&args[0]);
                let parts: Vec<String> = items.iter().map(to_java_string).collect();
                V::string(parts.join(&sep))
            }
            ("sum", 0) => {
                let mut total = 0.0;
                for x in items {
                    total += num_of(x)
                        .ok_or_else(|| {
                            Thrown::cce(format!(
                                "Cannot cast from [{}] to [java.lang.Number].",
                                class_name(x)
                            ))
                        })?
                        .as_f64();
                }
                V::Double(total)
            }
            ("sum", 1) => {
                let mut total = 0.0;
                for x in items {
                    let v = it.call_fn(&args[0], vec![x.clone()])?;
                    total += num_of(&v).map(|n| n.as_f64()).unwrap_or(0.0);
                }
                V::Double(total)
            }
            ("collect", 1) => {
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    out.push(it.call_fn(&args[0], vec![x.clone()])?);
                }
                V::new_list(out)
            }
            ("find", 1) => {
                for x in items {
                    if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                        return Ok(Some(x.clone()));
                    }
                }
                V::Null
            }
            ("findAll", 1) => {
                let mut out = Vec::new();
                for x in items {
                    if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                        out.push(x.clone());
                    }
                }
                V::new_list(out)
            }
            ("findResults", 1) => {
                let mut out = Vec::new();
                for x in items {
                    let r = it.call_fn(&args[0], vec![x.clone()])?;
                    if !r.is_null() {
                        out.push(r);
                    }
                }
                V::new_list(out)
            }
            ("findResult", 2) => {
                for x in items {
                    let r = it.call_fn(&args[1], vec![x.clone()])?;
                    if !r.is_null() {
                        return Ok(Some(r));
                    }
                }
                args[0].clone()
            }
            ("findResult", 1) => {
                for x in items {
                    let r = it.call_fn(&args[0], vec![x.clone()])?;
                    if !r.is_null() {
                        return Ok(Some(r));
                    }
                }
                V::Null
            }
            ("groupBy", 1) => {
                let m = V::new_map(CollectionKind::Hash);
                if let V::Map(mm) = &m {
                    for x in items {
                        let k = it.call_fn(&args[0], vec![x.clone()])?;
                        let existing = mm.borrow().get(&k).cloned();
                        match existing {
                            Some(V::List(l)) => l.borrow_mut().items.push(x.clone()),
                            _ => {
                                mm.borrow_mut().put(k, V::new_list(vec![x.clone()]))?;
                            }
                        }
                    }
                }
                m
            }
            ("stream", 0) => stream_of(items.to_vec()),
            ("iterator", 0) => iter_obj(items.to_vec(), None),
            ("size", 0) => V::Int(items.len() as i32),
            ("isEmpty", 0) => V::Bool(items.is_empty()),
            ("contains", 1) => V::Bool(items.iter().any(|x| java_equals(x, &args[0]))),
            ("containsAll", 1) => {
                let other = collection_items(it, &args[0])?;
                V::Bool(
                    other
                        .iter()
                        .all(|o| items.iter().any(|x| java_equals(x, o))),
                )
            }
            ("toArray", 0) => V::Array(Rc::new(RefCell::new(ArrayObj {
                elem: crate::painless::ast::Ty::Def,
                items: items.to_vec(),
            }))),
            // `Collection.toArray(T[])`: into the given array when it is long enough (with a
            // null after the last element when longer), else into a new one of its type
            ("toArray", 1) => match &args[0] {
                V::Array(given) => {
                    let mut arr = given.borrow_mut();
                    if arr.items.len() >= items.len() {
                        arr.items[..items.len()].clone_from_slice(items);
                        if let Some(slot) = arr.items.get_mut(items.len()) {
                            *slot = V::Null;
                        }
                        drop(arr);
                        V::Array(given.clone())
                    } else {
                        V::Array(Rc::new(RefCell::new(ArrayObj {
                            elem: arr.elem.clone(),
                            items: items.to_vec(),
                        })))
                    }
                }
                V::Null => return Err(Thrown::npe(None)),
                other => {
                    return Err(Thrown::cce(format!(
                        "Cannot cast from [{}] to [java.lang.Object[]].",
                        short_type_name(other)
                    )))
                }
            },
            ("asList", 0) => V::new_list(items.to_vec()),
            _ => return Ok(None),
        }))
    })();
    match r {
        Ok(Some(v)) => Some(Ok(v)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

fn check_index(idx: i32, len: usize) -> R<usize> {
    if idx < 0 || idx as usize >= len {
        return Err(Thrown::new(
            "IndexOutOfBoundsException",
            format!("Index {idx} out of bounds for length {len}"),
        ));
    }
    Ok(idx as usize)
}

pub fn list_call(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let V::List(l) = recv else {
        return Err(not_found(recv, name, args.len()));
    };
    let immutable = l.borrow().kind == ListKind::Immutable;
    if immutable && MUTATORS.contains(&name) {
        return Err(Thrown::unsupported(None));
    }
    match (name, args.len()) {
        ("add", 1) | ("addLast", 1) | ("offer", 1) | ("offerLast", 1) => {
            crate::painless::interp::check_elements(l.borrow().items.len() + 1)?;
            l.borrow_mut().items.push(args[0].clone());
            return Ok(V::Bool(true));
        }
        ("push", 1) | ("addFirst", 1) | ("offerFirst", 1) => {
            l.borrow_mut().items.insert(0, args[0].clone());
            return Ok(V::Null);
        }
        ("add", 2) => {
            let idx = arg_int(&args[0])?;
            let len = l.borrow().items.len();
            if idx < 0 || idx as usize > len {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("Index: {idx}, Size: {len}"),
                ));
            }
            l.borrow_mut().items.insert(idx as usize, args[1].clone());
            return Ok(V::Null);
        }
        ("addAll", 2) => {
            let idx = arg_int(&args[0])?;
            let items = collection_items(it, &args[1])?;
            let len = l.borrow().items.len();
            if idx < 0 || idx as usize > len {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("Index: {idx}, Size: {len}"),
                ));
            }
            crate::painless::interp::check_elements(len + items.len())?;
            let changed = !items.is_empty();
            let mut l = l.borrow_mut();
            let tail = l.items.split_off(idx as usize);
            l.items.extend(items);
            l.items.extend(tail);
            return Ok(V::Bool(changed));
        }
        ("addAll", 1) => {
            let items = collection_items(it, &args[0])?;
            crate::painless::interp::check_elements(l.borrow().items.len() + items.len())?;
            let changed = !items.is_empty();
            l.borrow_mut().items.extend(items);
            return Ok(V::Bool(changed));
        }
        ("get", 1) => {
            let idx = arg_int(&args[0])?;
            let l = l.borrow();
            let i = check_index(idx, l.items.len())?;
            return Ok(l.items[i].clone());
        }
        ("getLength", 0) => return Ok(V::Int(l.borrow().items.len() as i32)),
        ("set", 2) => {
            let idx = arg_int(&args[0])?;
            let mut l = l.borrow_mut();
            let i = check_index(idx, l.items.len())?;
            return Ok(std::mem::replace(&mut l.items[i], args[1].clone()));
        }
        ("remove", 1) => {
            let idx = match &args[0] {
                V::Int(_) | V::Short(_) | V::Byte(_) | V::Char(_) => arg_int(&args[0])?,
                V::Null => return Err(Thrown::npe(None)),
                other => {
                    // List.remove(int) shadows Collection.remove(Object) in Painless
                    return Err(Thrown::cce(format!(
                        "class {} cannot be cast to class java.lang.Integer ({} and java.lang.Integer are in module java.base of loader 'bootstrap')",
                        class_name(other),
                        class_name(other)
                    )));
                }
            };
            let mut l = l.borrow_mut();
            let i = check_index(idx, l.items.len())?;
            return Ok(l.items.remove(i));
        }
        ("poll", 0) | ("pollFirst", 0) | ("pop", 0) | ("removeFirst", 0) => {
            let mut l = l.borrow_mut();
            if l.items.is_empty() {
                return if name == "poll" || name == "pollFirst" {
                    Ok(V::Null)
                } else {
                    Err(Thrown::bare("NoSuchElementException"))
                };
            }
            return Ok(l.items.remove(0));
        }
        ("peek", 0) | ("peekFirst", 0) | ("getFirst", 0) | ("element", 0) => {
            let l = l.borrow();
            return match l.items.first() {
                Some(v) => Ok(v.clone()),
                None if name.starts_with("peek") => Ok(V::Null),
                None => Err(Thrown::bare("NoSuchElementException")),
            };
        }
        ("getLast", 0) | ("peekLast", 0) => {
            let l = l.borrow();
            return match l.items.last() {
                Some(v) => Ok(v.clone()),
                None if name == "peekLast" => Ok(V::Null),
                None => Err(Thrown::bare("NoSuchElementException")),
            };
        }
        ("removeLast", 0) | ("pollLast", 0) => {
            let mut l = l.borrow_mut();
            return match l.items.pop() {
                Some(v) => Ok(v),
                None if name == "pollLast" => Ok(V::Null),
                None => Err(Thrown::bare("NoSuchElementException")),
            };
        }
        ("indexOf", 1) => {
            let l = l.borrow();
            return Ok(V::Int(
                l.items
                    .iter()
                    .position(|x| java_equals(x, &args[0]))
                    .map(|i| i as i32)
                    .unwrap_or(-1),
            ));
        }
        ("lastIndexOf", 1) => {
            let l = l.borrow();
            return Ok(V::Int(
                l.items
                    .iter()
                    .rposition(|x| java_equals(x, &args[0]))
                    .map(|i| i as i32)
                    .unwrap_or(-1),
            ));
        }
        ("clear", 0) => {
            l.borrow_mut().items.clear();
            return Ok(V::Null);
        }
        ("sort", 1) => {
            let mut items = l.borrow().items.clone();
            sort_values(it, &mut items, Some(&args[0]))?;
            l.borrow_mut().items = items;
            return Ok(V::Null);
        }
        ("removeIf", 1) => {
            let items = l.borrow().items.clone();
            let mut keep = Vec::with_capacity(items.len());
            let mut removed = false;
            for x in items {
                if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                    removed = true;
                } else {
                    keep.push(x);
                }
            }
            l.borrow_mut().items = keep;
            return Ok(V::Bool(removed));
        }
        ("replaceAll", 1) => {
            let items = l.borrow().items.clone();
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(it.call_fn(&args[0], vec![x])?);
            }
            l.borrow_mut().items = out;
            return Ok(V::Null);
        }
        ("removeAll", 1) | ("retainAll", 1) => {
            let other = collection_items(it, &args[0])?;
            let retain = name == "retainAll";
            let mut l = l.borrow_mut();
            let before = l.items.len();
            l.items
                .retain(|x| other.iter().any(|o| java_equals(x, o)) == retain);
            return Ok(V::Bool(l.items.len() != before));
        }
        ("subList", 2) => {
            let (a, b) = (arg_int(&args[0])?, arg_int(&args[1])?);
            let l = l.borrow();
            if a < 0 || b as usize > l.items.len() || a > b {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("fromIndex: {a}, toIndex: {b}, size: {}", l.items.len()),
                ));
            }
            return Ok(V::new_list(l.items[a as usize..b as usize].to_vec()));
        }
        ("iterator", 0) | ("listIterator", 0) => {
            let items = l.borrow().items.clone();
            return Ok(iter_obj(items, Some(recv.clone())));
        }
        ("split", 1) => {
            let items = l.borrow().items.clone();
            let (mut yes, mut no) = (Vec::new(), Vec::new());
            for x in items {
                if truthy(it.call_fn(&args[0], vec![x.clone()])?)? {
                    yes.push(x);
                } else {
                    no.push(x);
                }
            }
            return Ok(V::new_list(vec![V::new_list(yes), V::new_list(no)]));
        }
        _ => {}
    }
    let items = l.borrow().items.clone();
    match iterable_aug(it, &items, name, &args) {
        Some(r) => r,
        None => Err(not_found(recv, name, args.len())),
    }
}

pub fn set_call(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let V::Set(s) = recv else {
        return Err(not_found(recv, name, args.len()));
    };
    match (name, args.len()) {
        ("add", 1) => {
            let v = to_owned_v(&args[0]);
            return s.borrow_mut().add(v).map(V::Bool);
        }
        ("addAll", 1) => {
            let items = collection_items(it, &args[0])?;
            let mut changed = false;
            let mut s = s.borrow_mut();
            for i in items {
                changed |= s.add(to_owned_v(&i))?;
            }
            return Ok(V::Bool(changed));
        }
        ("remove", 1) => return s.borrow_mut().remove(&args[0]).map(V::Bool),
        ("contains", 1) => return Ok(V::Bool(s.borrow().contains(&args[0]))),
        ("size", 0) => return Ok(V::Int(s.borrow().set.len() as i32)),
        ("isEmpty", 0) => return Ok(V::Bool(s.borrow().set.is_empty())),
        ("clear", 0) => {
            if s.borrow().immutable {
                return Err(Thrown::unsupported(None));
            }
            s.borrow_mut().set.clear();
            return Ok(V::Null);
        }
        ("removeIf", 1) | ("removeAll", 1) | ("retainAll", 1) => {
            if s.borrow().immutable {
                return Err(Thrown::unsupported(None));
            }
            let items = set_items(&s.borrow());
            let other = if name == "removeIf" {
                Vec::new()
            } else {
                collection_items(it, &args[0])?
            };
            let mut removed = false;
            for x in items {
                let drop = match name {
                    "removeIf" => {
                        let call = it.args1(x.clone());
                        truthy(it.call_fn(&args[0], call)?)?
                    }
                    "removeAll" => other.iter().any(|o| java_equals(o, &x)),
                    _ => !other.iter().any(|o| java_equals(o, &x)),
                };
                if drop {
                    s.borrow_mut().remove(&x)?;
                    removed = true;
                }
            }
            return Ok(V::Bool(removed));
        }
        ("iterator", 0) => {
            let items = set_items(&s.borrow());
            return Ok(iter_obj(items, Some(recv.clone())));
        }
        ("first", 0) | ("last", 0) => {
            let s = s.borrow();
            let items = set_items(&s);
            let v = if name == "first" {
                items.first()
            } else {
                items.last()
            };
            return v
                .cloned()
                .ok_or_else(|| Thrown::bare("NoSuchElementException"));
        }
        _ => {}
    }
    let items = set_items(&s.borrow());
    match iterable_aug(it, &items, name, &args) {
        Some(r) => r,
        None => Err(not_found(recv, name, args.len())),
    }
}

pub fn map_call(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let V::Map(m) = recv else {
        return Err(not_found(recv, name, args.len()));
    };
    if m.borrow().immutable && MUTATORS.contains(&name) {
        return Err(Thrown::unsupported(None));
    }
    let a0 = args.first().cloned().unwrap_or(V::Null);
    match (name, args.len()) {
        ("get", 1) => Ok(m.borrow().get(&a0).cloned().unwrap_or(V::Null)),
        ("getOrDefault", 2) => Ok(m
            .borrow()
            .get(&a0)
            .cloned()
            .unwrap_or_else(|| args[1].clone())),
        ("put", 2) => Ok(m.borrow_mut().put(a0, args[1].clone())?.unwrap_or(V::Null)),
        ("putIfAbsent", 2) => {
            let cur = m.borrow().get(&a0).cloned();
            match cur {
                Some(v) if !v.is_null() => Ok(v),
                _ => {
                    m.borrow_mut().put(a0, args[1].clone())?;
                    Ok(V::Null)
                }
            }
        }
        ("remove", 1) => Ok(m.borrow_mut().remove(&a0)?.unwrap_or(V::Null)),
        ("remove", 2) => {
            let cur = m.borrow().get(&a0).cloned();
            match cur {
                Some(v) if java_equals(&v, &args[1]) => {
                    m.borrow_mut().remove(&a0)?;
                    Ok(V::Bool(true))
                }
                _ => Ok(V::Bool(false)),
            }
        }
        ("replaceAll", 1) => {
            for (k, v) in map_entries(recv).unwrap_or_default() {
                let nv = it.call_fn(&a0, vec![k.clone(), v])?;
                m.borrow_mut().put(k, nv)?;
            }
            Ok(V::Null)
        }
        ("containsKey", 1) => Ok(V::Bool(m.borrow().get(&a0).is_some())),
        ("containsValue", 1) => Ok(V::Bool(
            m.borrow().map.values().any(|v| java_equals(v, &a0)),
        )),
        ("size", 0) => Ok(V::Int(m.borrow().map.len() as i32)),
        ("isEmpty", 0) => Ok(V::Bool(m.borrow().map.is_empty())),
        ("clear", 0) => {
            m.borrow_mut().map.clear();
            Ok(V::Null)
        }
        ("keySet", 0) => Ok(V::obj(Obj::MapView(recv.clone(), View::Keys))),
        ("values", 0) => Ok(V::obj(Obj::MapView(recv.clone(), View::Values))),
        ("entrySet", 0) => Ok(V::obj(Obj::MapView(recv.clone(), View::Entries))),
        ("putAll", 1) => {
            let entries = map_entries(&a0).ok_or_else(|| {
                Thrown::cce(format!(
                    "Cannot cast from [{}] to [java.util.Map].",
                    class_name(&a0)
                ))
            })?;
            let mut mm = m.borrow_mut();
            if mm.cap == 0 {
                // putAll into a table not yet allocated sizes it for the source
                mm.cap = presized_capacity(entries.len());
            } else if entries.len() as f64 > mm.cap as f64 * 0.75 {
                mm.cap *= 2;
            }
            for (k, v) in entries {
                mm.put(k, to_owned_v(&v))?;
            }
            Ok(V::Null)
        }
        ("forEach", 1) | ("each", 1) => {
            for (k, v) in map_entries(recv).unwrap_or_default() {
                it.call_fn(&a0, vec![k, v])?;
            }
            Ok(V::Null)
        }
        ("computeIfAbsent", 2) => {
            let cur = m.borrow().get(&a0).cloned();
            match cur {
                Some(v) if !v.is_null() => Ok(v),
                _ => {
                    let v = it.call_fn(&args[1], vec![a0.clone()])?;
                    if !v.is_null() {
                        m.borrow_mut().put(a0, v.clone())?;
                    }
                    Ok(v)
                }
            }
        }
        ("computeIfPresent", 2) => {
            let cur = m.borrow().get(&a0).cloned();
            match cur {
                Some(old) if !old.is_null() => {
                    let v = it.call_fn(&args[1], vec![a0.clone(), old])?;
                    if v.is_null() {
                        m.borrow_mut().remove(&a0)?;
                    } else {
                        m.borrow_mut().put(a0, v.clone())?;
                    }
                    Ok(v)
                }
                _ => Ok(V::Null),
            }
        }
        ("compute", 2) => {
            let old = m.borrow().get(&a0).cloned().unwrap_or(V::Null);
            let v = it.call_fn(&args[1], vec![a0.clone(), old])?;
            if v.is_null() {
                m.borrow_mut().remove(&a0)?;
            } else {
                m.borrow_mut().put(a0, v.clone())?;
            }
            Ok(v)
        }
        ("merge", 3) => {
            let old = m.borrow().get(&a0).cloned();
            let v = match old {
                Some(o) if !o.is_null() => it.call_fn(&args[2], vec![o, args[1].clone()])?,
                _ => args[1].clone(),
            };
            if v.is_null() {
                m.borrow_mut().remove(&a0)?;
            } else {
                m.borrow_mut().put(a0, v.clone())?;
            }
            Ok(v)
        }
        ("replace", 2) => {
            let present = m.borrow().get(&a0).is_some();
            if present {
                Ok(m.borrow_mut().put(a0, args[1].clone())?.unwrap_or(V::Null))
            } else {
                Ok(V::Null)
            }
        }
        ("getByPath", 1) | ("getByPath", 2) => get_by_path(recv, &args),
        ("firstKey", 0) | ("lastKey", 0) => {
            let m = m.borrow();
            let e = if name == "firstKey" {
                m.map.first()
            } else {
                m.map.last()
            };
            e.map(|(k, _)| k.0.clone())
                .ok_or_else(|| Thrown::bare("NoSuchElementException"))
        }
        ("collect", 1)
        | ("findAll", 1)
        | ("find", 1)
        | ("count", 1)
        | ("every", 1)
        | ("any", 1)
        | ("findResult", 1)
        | ("groupBy", 1) => map_aug(it, recv, name, &a0),
        _ => Err(not_found(recv, name, args.len())),
    }
}

fn map_aug(it: &mut Interp, recv: &V, name: &str, f: &V) -> R<V> {
    let entries = map_entries(recv).unwrap_or_default();
    match name {
        "collect" => {
            let mut out = Vec::new();
            for (k, v) in entries {
                out.push(it.call_fn(f, vec![k, v])?);
            }
            Ok(V::new_list(out))
        }
        "findAll" => {
            let out = V::new_map(CollectionKind::Hash);
            if let V::Map(o) = &out {
                for (k, v) in entries {
                    if truthy(it.call_fn(f, vec![k.clone(), v.clone()])?)? {
                        o.borrow_mut().put(k, v)?;
                    }
                }
            }
            Ok(out)
        }
        "find" => {
            for (k, v) in entries {
                if truthy(it.call_fn(f, vec![k.clone(), v.clone()])?)? {
                    return Ok(V::obj(Obj::Entry {
                        key: k,
                        value: RefCell::new(v),
                        map: None,
                    }));
                }
            }
            Ok(V::Null)
        }
        "count" => {
            let mut n = 0;
            for (k, v) in entries {
                if truthy(it.call_fn(f, vec![k, v])?)? {
                    n += 1;
                }
            }
            Ok(V::Int(n))
        }
        "every" | "any" => {
            let want = name == "any";
            for (k, v) in entries {
                if truthy(it.call_fn(f, vec![k, v])?)? == want {
                    return Ok(V::Bool(want));
                }
            }
            Ok(V::Bool(!want))
        }
        "findResult" => {
            for (k, v) in entries {
                let r = it.call_fn(f, vec![k, v])?;
                if !r.is_null() {
                    return Ok(r);
                }
            }
            Ok(V::Null)
        }
        _ => {
            let out = V::new_map(CollectionKind::Hash);
            if let V::Map(o) = &out {
                for (k, v) in entries {
                    let g = it.call_fn(f, vec![k.clone(), v.clone()])?;
                    let existing = o.borrow().get(&g).cloned();
                    let inner = match existing {
                        Some(m @ V::Map(_)) => m,
                        _ => {
                            let nm = V::new_map(CollectionKind::Hash);
                            o.borrow_mut().put(g, nm.clone())?;
                            nm
                        }
                    };
                    if let V::Map(im) = inner {
                        im.borrow_mut().put(k, v)?;
                    }
                }
            }
            Ok(out)
        }
    }
}

/// `Map.getByPath` augmentation: dotted path through maps and lists.
fn get_by_path(recv: &V, args: &[V]) -> R<V> {
    let path = super::arg_str(&args[0])?.to_string();
    let mut cur = recv.clone();
    for (i, seg) in path.split('.').enumerate() {
        let next = match &cur {
            V::Map(_) | V::Doc(_) if map_entries(&cur).is_some() => {
                crate::painless::interp::get_index(&cur, &V::str(seg))?
            }
            V::List(_) | V::Doc(_) => match seg.parse::<i32>() {
                Ok(idx) => {
                    let len = as_seq(&cur).map(|s| s.items.len()).unwrap_or(0);
                    if idx < 0 || idx as usize >= len {
                        if args.len() == 2 {
                            return Ok(args[1].clone());
                        }
                        return Err(Thrown::iae(format!(
                            "Could not get element at index [{idx}] in path [{path}]"
                        )));
                    }
                    crate::painless::interp::get_index(&cur, &V::Int(idx))?
                }
                Err(_) => {
                    return Err(Thrown::iae(format!(
                    "Could not parse [{seg}] as a int index into list at path [{}] and index [{i}]",
                    path
                )))
                }
            },
            _ => {
                if args.len() == 2 {
                    return Ok(args[1].clone());
                }
                return Err(Thrown::iae(format!(
                    "Non-container [{}] at [{}], index [{i}] in path [{path}]",
                    class_name(&cur),
                    seg
                )));
            }
        };
        if next.is_null() && args.len() == 2 {
            return Ok(args[1].clone());
        }
        cur = next;
    }
    Ok(cur)
}

pub fn view_call(it: &mut Interp, recv: &V, o: &Obj, name: &str, args: Vec<V>) -> R<V> {
    let Obj::MapView(map, which) = o else {
        return Err(not_found(recv, name, args.len()));
    };
    if let V::Doc(_) = map {
        if MUTATORS.contains(&name) {
            return Err(readonly());
        }
    }
    if let ("removeIf", 1) | ("removeAll", 1) | ("retainAll", 1) | ("remove", 1) =
        (name, args.len())
    {
        let V::Map(m) = map else {
            return Err(readonly());
        };
        let entries = map_entries(map).unwrap_or_default();
        let other = if matches!(name, "removeAll" | "retainAll") {
            collection_items(it, &args[0])?
        } else {
            Vec::new()
        };
        let mut removed = false;
        for (k, v) in entries {
            let item = match which {
                View::Keys => k.clone(),
                View::Values => v,
                View::Entries => V::obj(Obj::Entry {
                    key: k.clone(),
                    value: RefCell::new(v),
                    map: Some(m.clone()),
                }),
            };
            let drop = match name {
                "removeIf" => {
                    let call = it.args1(item);
                    truthy(it.call_fn(&args[0], call)?)?
                }
                "removeAll" => other.iter().any(|x| java_equals(x, &item)),
                "retainAll" => !other.iter().any(|x| java_equals(x, &item)),
                _ => !removed && java_equals(&args[0], &item),
            };
            if drop {
                m.borrow_mut().remove(&k)?;
                removed = true;
            }
        }
        return Ok(V::Bool(removed));
    }
    let items = view_items(o);
    match (name, args.len()) {
        ("clear", 0) => {
            let V::Map(m) = map else {
                return Err(readonly());
            };
            m.borrow_mut().map.clear();
            Ok(V::Null)
        }
        ("add", _) | ("addAll", _) => Err(Thrown::unsupported(None)),
        ("iterator", 0) => Ok(iter_obj(
            items,
            Some(V::obj(Obj::MapView(map.clone(), *which))),
        )),
        _ => match iterable_aug(it, &items, name, &args) {
            Some(r) => r,
            None => Err(not_found(recv, name, args.len())),
        },
    }
}

/// Removes `item` from a list, set or map view (iterator `remove()`).
pub fn remove_element(_it: &mut Interp, container: &V, item: &V) -> R<()> {
    match container {
        V::List(l) => {
            let mut l = l.borrow_mut();
            if let Some(pos) = l.items.iter().position(|x| java_equals(x, item)) {
                l.items.remove(pos);
            }
            Ok(())
        }
        V::Set(s) => s.borrow_mut().remove(item).map(|_| ()),
        V::Obj(o) => match &**o {
            Obj::MapView(V::Map(m), which) => {
                let key = match (which, item) {
                    (View::Keys, k) => k.clone(),
                    (View::Entries, V::Obj(e)) => match &**e {
                        Obj::Entry { key, .. } => key.clone(),
                        _ => return Ok(()),
                    },
                    (View::Values, v) => {
                        let found = map_entries(&V::Map(m.clone()))
                            .unwrap_or_default()
                            .into_iter()
                            .find(|(_, x)| java_equals(x, v));
                        match found {
                            Some((k, _)) => k,
                            None => return Ok(()),
                        }
                    }
                    _ => return Ok(()),
                };
                m.borrow_mut().remove(&key).map(|_| ())
            }
            _ => Err(readonly()),
        },
        _ => Err(readonly()),
    }
}

/// Methods on read-only document views (conditions).
pub fn doc_call(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    if MUTATORS.contains(&name) {
        return Err(readonly());
    }
    let V::Doc(d) = recv else {
        return Err(not_found(recv, name, args.len()));
    };
    if let Some(m) = d.map() {
        match (name, args.len()) {
            ("get", 1) => {
                return Ok(str_of(&args[0])
                    .and_then(|k| m.get(k))
                    .map(doc_value)
                    .unwrap_or(V::Null))
            }
            ("getOrDefault", 2) => {
                return Ok(str_of(&args[0])
                    .and_then(|k| m.get(k))
                    .map(doc_value)
                    .unwrap_or_else(|| args[1].clone()))
            }
            ("containsKey", 1) => {
                return Ok(V::Bool(
                    str_of(&args[0]).map(|k| m.contains_key(k)).unwrap_or(false),
                ))
            }
            ("size", 0) => return Ok(V::Int(m.len() as i32)),
            ("isEmpty", 0) => return Ok(V::Bool(m.is_empty())),
            ("keySet", 0) => return Ok(V::obj(Obj::MapView(recv.clone(), View::Keys))),
            ("values", 0) => return Ok(V::obj(Obj::MapView(recv.clone(), View::Values))),
            ("entrySet", 0) => return Ok(V::obj(Obj::MapView(recv.clone(), View::Entries))),
            ("getByPath", _) => return get_by_path(recv, &args),
            ("forEach", 1) | ("each", 1) => {
                for (k, v) in map_entries(recv).unwrap_or_default() {
                    it.call_fn(&args[0], vec![k, v])?;
                }
                return Ok(V::Null);
            }
            ("containsValue", 1)
            | ("collect", 1)
            | ("findAll", 1)
            | ("find", 1)
            | ("count", 1)
            | ("every", 1)
            | ("any", 1)
            | ("findResult", 1)
            | ("groupBy", 1) => {
                if name == "containsValue" {
                    let found = map_entries(recv)
                        .unwrap_or_default()
                        .iter()
                        .any(|(_, v)| java_equals(v, &args[0]));
                    return Ok(V::Bool(found));
                }
                return map_aug(it, recv, name, &args[0]);
            }
            _ => return Err(not_found(recv, name, args.len())),
        }
    }
    let Some(seq) = as_seq(recv) else {
        return Err(not_found(recv, name, args.len()));
    };
    match (name, args.len()) {
        ("get", 1) if seq.is_list => {
            let idx = arg_int(&args[0])?;
            let i = check_index(idx, seq.items.len())?;
            Ok(seq.items[i].clone())
        }
        ("getLength", 0) => Ok(V::Int(seq.items.len() as i32)),
        ("indexOf", 1) => Ok(V::Int(
            seq.items
                .iter()
                .position(|x| java_equals(x, &args[0]))
                .map(|i| i as i32)
                .unwrap_or(-1),
        )),
        ("subList", 2) => {
            let (a, b) = (arg_int(&args[0])?, arg_int(&args[1])?);
            if a < 0 || b as usize > seq.items.len() || a > b {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("fromIndex: {a}, toIndex: {b}, size: {}", seq.items.len()),
                ));
            }
            Ok(V::new_list_kind(
                seq.items[a as usize..b as usize].to_vec(),
                ListKind::Immutable,
            ))
        }
        _ => match iterable_aug(it, &seq.items, name, &args) {
            Some(r) => r,
            None => Err(not_found(recv, name, args.len())),
        },
    }
}

pub fn call_static(it: &mut Interp, class: &str, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match (class, name) {
        // only asList(Object[]) is allowlisted (List.of / Set.of / Map.of are not)
        ("Arrays", "asList") if n == 1 => match &args[0] {
            V::Array(a) => Ok(V::new_list_kind(
                a.borrow().items.clone(),
                ListKind::Immutable,
            )),
            V::Null => Err(Thrown::npe(None)),
            other => Err(Thrown::cce(format!(
                "Cannot cast from [{}] to [java.lang.Object[]].",
                class_name(other)
            ))),
        },
        ("Collections", "singletonMap") if n == 2 => {
            let m = V::new_map(CollectionKind::Hash);
            if let V::Map(mm) = &m {
                mm.borrow_mut().put(args[0].clone(), args[1].clone())?;
                mm.borrow_mut().immutable = true;
            }
            Ok(m)
        }
        ("Collections", "nCopies") if n == 2 => {
            let k = arg_int(&args[0])?;
            if k < 0 {
                return Err(Thrown::iae(format!("List length = {k}")));
            }
            crate::painless::interp::check_elements(k as usize)?;
            Ok(V::new_list_kind(
                vec![args[1].clone(); k as usize],
                ListKind::Immutable,
            ))
        }
        ("Collections", "disjoint") if n == 2 => {
            let a = collection_items(it, &args[0])?;
            let b = collection_items(it, &args[1])?;
            Ok(V::Bool(
                !a.iter().any(|x| b.iter().any(|y| java_equals(x, y))),
            ))
        }
        ("Collections", "swap") if n == 3 => {
            let V::List(l) = &args[0] else {
                return Err(Thrown::npe(None));
            };
            let (i, j) = (arg_int(&args[1])?, arg_int(&args[2])?);
            let mut l = l.borrow_mut();
            let len = l.items.len();
            let i = check_index(i, len)?;
            let j = check_index(j, len)?;
            l.items.swap(i, j);
            Ok(V::Null)
        }
        ("Collections", "emptyList") => Ok(V::new_list_kind(Vec::new(), ListKind::Immutable)),
        ("Collections", "emptyMap") => {
            let m = V::new_map(CollectionKind::Hash);
            if let V::Map(mm) = &m {
                mm.borrow_mut().immutable = true;
            }
            Ok(m)
        }
        ("Collections", "emptySet") => {
            let s = V::new_set(CollectionKind::Hash);
            if let V::Set(ss) = &s {
                ss.borrow_mut().immutable = true;
            }
            Ok(s)
        }
        ("Collections", "singletonList") if n == 1 => {
            Ok(V::new_list_kind(args, ListKind::Immutable))
        }
        ("Collections", "singleton") if n == 1 => {
            let s = V::new_set(CollectionKind::Hash);
            if let V::Set(ss) = &s {
                ss.borrow_mut().add(args[0].clone())?;
                ss.borrow_mut().immutable = true;
            }
            Ok(s)
        }
        ("Collections", "sort") => {
            let V::List(l) = &args[0] else {
                return Err(Thrown::npe(None));
            };
            let mut items = l.borrow().items.clone();
            sort_values(it, &mut items, args.get(1))?;
            l.borrow_mut().items = items;
            Ok(V::Null)
        }
        ("Collections", "reverse") => {
            if let V::List(l) = &args[0] {
                l.borrow_mut().items.reverse();
            }
            Ok(V::Null)
        }
        ("Collections", "max") | ("Collections", "min") => {
            let mut items = collection_items(it, &args[0])?;
            if items.is_empty() {
                return Err(Thrown::bare("NoSuchElementException"));
            }
            sort_values(it, &mut items, args.get(1))?;
            Ok(if name == "max" {
                items.pop().unwrap_or(V::Null)
            } else {
                items.swap_remove(0)
            })
        }
        ("Collections", "frequency") => {
            let items = collection_items(it, &args[0])?;
            Ok(V::Int(
                items.iter().filter(|x| java_equals(x, &args[1])).count() as i32,
            ))
        }
        ("Collections", "unmodifiableList") => {
            let items = collection_items(it, &args[0])?;
            Ok(V::new_list_kind(items, ListKind::Immutable))
        }
        ("Collections", "unmodifiableMap") | ("Collections", "unmodifiableSet") => {
            // a read-only copy (Java returns a view; scripts rarely observe the difference)
            let copy = match &args[0] {
                V::Map(m) => {
                    let c = V::new_map(m.borrow().kind);
                    if let V::Map(cm) = &c {
                        let mut cm = cm.borrow_mut();
                        for (k, v) in map_entries(&args[0]).unwrap_or_default() {
                            cm.put(k, v)?;
                        }
                        cm.immutable = true;
                    }
                    c
                }
                V::Set(s) => {
                    let c = V::new_set(s.borrow().kind);
                    if let V::Set(cs) = &c {
                        let mut cs = cs.borrow_mut();
                        for i in set_items(&s.borrow()) {
                            cs.add(i)?;
                        }
                        cs.immutable = true;
                    }
                    c
                }
                other => other.clone(),
            };
            Ok(copy)
        }
        ("Arrays", "toString") => match &args[0] {
            V::Null => Ok(V::str("null")),
            V::Array(a) => Ok(V::string(to_java_string(&V::new_list(
                a.borrow().items.clone(),
            )))),
            other => Ok(V::string(to_java_string(other))),
        },
        ("Arrays", "sort") => {
            if let V::Array(a) = &args[0] {
                let mut items = a.borrow().items.clone();
                sort_values(it, &mut items, args.get(1))?;
                a.borrow_mut().items = items;
            }
            Ok(V::Null)
        }
        ("Arrays", "stream") => match &args[0] {
            V::Array(a) => Ok(stream_of(a.borrow().items.clone())),
            _ => Err(Thrown::npe(None)),
        },
        ("Objects", "equals") if n == 2 => Ok(V::Bool(java_equals(&args[0], &args[1]))),
        ("Objects", "isNull") if n == 1 => Ok(V::Bool(args[0].is_null())),
        ("Objects", "nonNull") if n == 1 => Ok(V::Bool(!args[0].is_null())),
        ("Objects", "hashCode") if n == 1 => Ok(V::Int(hash_code(&args[0]))),
        ("Objects", "hash") => {
            let items = match args.as_slice() {
                [V::Array(a)] => a.borrow().items.clone(),
                _ => args,
            };
            let mut h: i32 = 1;
            for a in &items {
                h = h.wrapping_mul(31).wrapping_add(hash_code(a));
            }
            Ok(V::Int(h))
        }
        ("Objects", "toString") => match (args.first(), args.get(1)) {
            (Some(V::Null), Some(d)) => Ok(d.clone()),
            (Some(v), _) => Ok(V::string(to_java_string(v))),
            _ => Err(super::no_such()),
        },
        ("Objects", "requireNonNull") => {
            if args[0].is_null() {
                return Err(Thrown::npe(args.get(1).map(to_java_string)));
            }
            Ok(args[0].clone())
        }
        ("Objects", "requireNonNullElse") if n == 2 => Ok(if args[0].is_null() {
            args[1].clone()
        } else {
            args[0].clone()
        }),
        _ => {
            let _ = iterate;
            let _ = FnVal::User(0);
            Err(super::no_such())
        }
    }
}
