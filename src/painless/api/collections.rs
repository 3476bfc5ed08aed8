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
/// The `Iterable`/`Collection` augmentations (`Augmentation` in Painless); `recv` is the
/// collection the items come from (`each` returns it, `asCollection` and `asList` may).
fn iterable_aug(it: &mut Interp, recv: &V, items: &[V], name: &str, args: &[V]) -> Option<R<V>> {
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
                // forEach is void; each returns its receiver
                if name == "each" {
                    recv.clone()
                } else {
                    V::Null
                }
            }
            ("eachWithIndex", 1) => {
                for (i, x) in items.iter().enumerate() {
                    it.call_fn(&args[0], vec![x.clone(), V::Int(i as i32)])?;
                }
                recv.clone()
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
            // `collect(Collection, Function)`: adds each result to the collection, returns it
            ("collect", 2) => {
                for x in items {
                    let r = it.call_fn(&args[1], vec![x.clone()])?;
                    super::call_method(it, &args[0], "add", vec![r])?;
                }
                args[0].clone()
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
                // Augmentation.groupBy: a LinkedHashMap
                let m = V::new_map(CollectionKind::Linked);
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
            // the receiver itself when it already is a List (or a Collection)
            ("asList", 0) if matches!(recv, V::List(l) if l.borrow().kind != ListKind::ArrayDeque) => {
                recv.clone()
            }
            ("asList", 0) => V::new_list(items.to_vec()),
            ("asCollection", 0) => recv.clone(),
            _ => return Ok(None),
        }))
    })();
    match r {
        Ok(Some(v)) => Some(Ok(v)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// A `List` argument that a static method modifies.
fn list_arg(v: &V) -> R<Rc<RefCell<ListObj>>> {
    match v {
        V::List(l) => Ok(l.clone()),
        V::Null => Err(Thrown::npe(None)),
        V::Doc(_) if as_seq(v).is_some_and(|s| s.is_list) => Err(readonly()),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [java.util.List].",
            class_name(other)
        ))),
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
    let kind = l.borrow().kind;
    if let ("getByPath", 1 | 2) = (name, args.len()) {
        if kind != ListKind::ArrayDeque {
            return get_by_path(recv, &args);
        }
    }
    let immutable = kind == ListKind::Immutable;
    if immutable && MUTATORS.contains(&name) {
        return Err(Thrown::unsupported(None));
    }
    // `Arrays.asList`: elements can be replaced, but the size is fixed. The bulk removals
    // (`AbstractCollection`'s, over the iterator) fail only once they find something to remove.
    if kind == ListKind::FixedSize
        && MUTATORS.contains(&name)
        && !matches!(name, "set" | "sort" | "replaceAll")
    {
        let items = l.borrow().items.clone();
        let removes_something = match (name, args.len()) {
            ("clear", 0) => !items.is_empty(),
            ("removeIf", 1) => {
                let mut found = false;
                for x in items {
                    let call = it.args1(x);
                    if truthy(it.call_fn(&args[0], call)?)? {
                        found = true;
                        break;
                    }
                }
                found
            }
            ("removeAll", 1) | ("retainAll", 1) => {
                let other = collection_items(it, &args[0])?;
                let keep = name == "retainAll";
                items
                    .iter()
                    .any(|x| other.iter().any(|o| java_equals(o, x)) != keep)
            }
            _ => true,
        };
        if removes_something {
            return Err(Thrown::unsupported(None));
        }
        return Ok(if name == "clear" {
            V::Null
        } else {
            V::Bool(false)
        });
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
        ("iterator", 0) => {
            let items = l.borrow().items.clone();
            return Ok(iter_obj(items, Some(recv.clone())));
        }
        ("listIterator", 0) | ("listIterator", 1) => {
            let idx = match args.first() {
                Some(a) => arg_int(a)?,
                None => 0,
            };
            let len = l.borrow().items.len();
            if idx < 0 || idx as usize > len {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("Index: {idx}, Size: {len}"),
                ));
            }
            return Ok(new_list_iter(l, idx as usize, false));
        }
        // `Deque` methods
        ("descendingIterator", 0)
            if matches!(l.borrow().kind, ListKind::LinkedList | ListKind::ArrayDeque) =>
        {
            let len = l.borrow().items.len();
            return Ok(new_list_iter(l, len, true));
        }
        ("removeFirstOccurrence", 1) | ("removeLastOccurrence", 1)
            if matches!(l.borrow().kind, ListKind::LinkedList | ListKind::ArrayDeque) =>
        {
            let mut l = l.borrow_mut();
            let pos = if name == "removeFirstOccurrence" {
                l.items.iter().position(|x| java_equals(x, &args[0]))
            } else {
                l.items.iter().rposition(|x| java_equals(x, &args[0]))
            };
            if let Some(i) = pos {
                l.items.remove(i);
            }
            return Ok(V::Bool(pos.is_some()));
        }
        ("clone", 0) if !immutable && kind != ListKind::FixedSize => {
            let (items, kind) = {
                let l = l.borrow();
                (l.items.clone(), l.kind)
            };
            return Ok(V::new_list_kind(items, kind));
        }
        ("trimToSize", 0) if l.borrow().kind == ListKind::ArrayList => return Ok(V::Null),
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
    match iterable_aug(it, recv, &items, name, &args) {
        Some(r) => r,
        None => Err(not_found(recv, name, args.len())),
    }
}

pub fn set_call(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let V::Set(s) = recv else {
        return Err(not_found(recv, name, args.len()));
    };
    if s.borrow().kind == CollectionKind::Tree
        && !s.borrow().immutable
        && NAV_SET.contains(&(name, args.len()))
    {
        return sorted_call(
            it,
            recv,
            &SortedView::full(recv.clone(), Shape::Keys),
            name,
            args,
        );
    }
    match (name, args.len()) {
        // `HashSet`/`LinkedHashSet`/`TreeSet.clone()`: `HashMap.clone()` of the backing map
        ("clone", 0) if !s.borrow().immutable => {
            let (kind, items) = {
                let s = s.borrow();
                (s.kind, set_items(&s))
            };
            let c = V::new_set(kind);
            if let V::Set(cs) = &c {
                let mut cs = cs.borrow_mut();
                cs.cap = presized_capacity(items.len());
                for x in items {
                    cs.add(x)?;
                }
            }
            return Ok(c);
        }
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
    match iterable_aug(it, recv, &items, name, &args) {
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
    if m.borrow().kind == CollectionKind::Tree
        && !m.borrow().immutable
        && NAV_MAP.contains(&(name, args.len()))
    {
        return sorted_call(
            it,
            recv,
            &SortedView::full(recv.clone(), Shape::Map),
            name,
            args,
        );
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
            let entries = map_like_entries(&a0)?.ok_or_else(|| {
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
            Ok(if name == "each" {
                recv.clone()
            } else {
                V::Null
            })
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
        ("replace", 3) => {
            if m.borrow().kind == CollectionKind::Tree {
                tree_key_check(recv, &a0)?;
            }
            let cur = m.borrow().get(&a0).cloned();
            match cur {
                Some(v) if java_equals(&v, &args[1]) => {
                    m.borrow_mut().put(a0, args[2].clone())?;
                    Ok(V::Bool(true))
                }
                _ => Ok(V::Bool(false)),
            }
        }
        // `HashMap`/`LinkedHashMap`/`TreeMap.clone()`: a shallow copy (a `HashMap` copy's table
        // is sized for its entries, as `putMapEntries` does)
        ("clone", 0) if !m.borrow().immutable && !m.borrow().ctx_root => {
            let kind = m.borrow().kind;
            let entries = map_entries(recv).unwrap_or_default();
            let c = V::new_map(kind);
            if let V::Map(cm) = &c {
                let mut cm = cm.borrow_mut();
                cm.cap = presized_capacity(entries.len());
                for (k, v) in entries {
                    cm.put(k, v)?;
                }
            }
            Ok(c)
        }
        _ => match map_aug(
            it,
            map_entries(recv).unwrap_or_default(),
            similar_map_kind(recv),
            name,
            &args,
        ) {
            Some(r) => r,
            None => Err(not_found(recv, name, args.len())),
        },
    }
}

/// `Augmentation`'s maps for results built from a map: a `TreeMap` for a `TreeMap` receiver,
/// else a `LinkedHashMap`.
fn similar_map_kind(recv: &V) -> CollectionKind {
    match recv {
        V::Map(m) if m.borrow().kind == CollectionKind::Tree => CollectionKind::Tree,
        _ => CollectionKind::Linked,
    }
}

/// Painless's `Map` augmentations over a snapshot of the entries (`None`: no such method).
fn map_aug(
    it: &mut Interp,
    entries: Vec<(V, V)>,
    similar: CollectionKind,
    name: &str,
    args: &[V],
) -> Option<R<V>> {
    let f = match (name, args.len()) {
        ("collect", 1)
        | ("findAll", 1)
        | ("find", 1)
        | ("count", 1)
        | ("every", 1)
        | ("any", 1)
        | ("findResult", 1)
        | ("findResults", 1)
        | ("groupBy", 1) => &args[0],
        // `collect(Collection, BiFunction)`: adds each result to the collection, returns it
        ("collect", 2) => {
            return Some((|| {
                for (k, v) in entries {
                    let r = it.call_fn(&args[1], vec![k, v])?;
                    super::call_method(it, &args[0], "add", vec![r])?;
                }
                Ok(args[0].clone())
            })())
        }
        ("findResult", 2) => {
            return Some(
                map_aug1(it, entries, similar, "findResult", &args[1]).map(|v| {
                    if v.is_null() {
                        args[0].clone()
                    } else {
                        v
                    }
                }),
            )
        }
        _ => return None,
    };
    Some(map_aug1(it, entries, similar, name, f))
}

fn map_aug1(
    it: &mut Interp,
    entries: Vec<(V, V)>,
    similar: CollectionKind,
    name: &str,
    f: &V,
) -> R<V> {
    match name {
        "collect" => {
            let mut out = Vec::new();
            for (k, v) in entries {
                out.push(it.call_fn(f, vec![k, v])?);
            }
            Ok(V::new_list(out))
        }
        "findAll" => {
            let out = V::new_map(similar);
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
        "findResults" => {
            let mut out = Vec::new();
            for (k, v) in entries {
                let r = it.call_fn(f, vec![k, v])?;
                if !r.is_null() {
                    out.push(r);
                }
            }
            Ok(V::new_list(out))
        }
        _ => {
            // groupBy: a LinkedHashMap of maps like the receiver
            let out = V::new_map(CollectionKind::Linked);
            if let V::Map(o) = &out {
                for (k, v) in entries {
                    let g = it.call_fn(f, vec![k.clone(), v.clone()])?;
                    let existing = o.borrow().get(&g).cloned();
                    let inner = match existing {
                        Some(m @ V::Map(_)) => m,
                        _ => {
                            let nm = V::new_map(similar);
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

/// `Augmentation.getByPath(path[, default])` on maps and lists, with its errors: the default
/// only replaces a missing last element (a present `null` is returned), a missing element before
/// it fails, and a list index is `Integer.parseInt`ed and read with `List.get` (whose own
/// `IndexOutOfBoundsException` an index equal to the size or negative gets).
fn get_by_path(recv: &V, args: &[V]) -> R<V> {
    let path = super::arg_str(&args[0])?.to_string();
    if path.is_empty() {
        return Err(Thrown::iae("Missing path"));
    }
    if path.ends_with('.') {
        return Err(Thrown::iae(format!("Trailing '.' in path [{path}]")));
    }
    let elements: Vec<&str> = path.split('.').collect();
    let last = elements.len() - 1;
    let missing = |i: usize| -> R<V> {
        if i == last {
            return match args.get(1) {
                Some(default) => Ok(default.clone()),
                None => Err(Thrown::iae(format!(
                    "Could not find value at path [{path}]"
                ))),
            };
        }
        Err(Thrown::iae(format!(
            "Container does not have [{}], for non-terminal index [{i}] in path [{path}]",
            elements[i]
        )))
    };
    let mut cur = recv.clone();
    for (i, element) in elements.iter().enumerate() {
        if element.is_empty() {
            return Err(Thrown::iae(format!(
                "Extra '.' in path [{path}] at index [{i}]"
            )));
        }
        let is_map = match &cur {
            V::Map(_) => true,
            V::Doc(d) => d.map().is_some(),
            _ => false,
        };
        // a List's size (a Deque or a Set is no List)
        let list_len = match &cur {
            V::List(l) if l.borrow().kind != ListKind::ArrayDeque => Some(l.borrow().items.len()),
            V::Doc(d) => match d.node() {
                DocNode::Val(crate::value::Value::List(items)) => Some(items.len()),
                _ => None,
            },
            _ => None,
        };
        cur = if is_map {
            let key = V::str(element);
            // Map.containsKey, without copying the entries
            let has = match &cur {
                V::Map(m) => m.borrow().get(&key).is_some(),
                V::Doc(d) => d.map().is_some_and(|m| m.contains_key(element)),
                _ => false,
            };
            if !has {
                return missing(i);
            }
            crate::painless::interp::get_index(&cur, &key)?
        } else if let Some(len) = list_len {
            let Some(index) = crate::java::parse_int(element) else {
                return Err(Thrown::iae(format!(
                    "Could not parse [{element}] as a int index into list at path [{path}] and index [{i}]"
                )));
            };
            if index >= 0 && index as usize > len {
                return missing(i);
            }
            if index < 0 || index as usize == len {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("Index {index} out of bounds for length {len}"),
                ));
            }
            crate::painless::interp::get_index(&cur, &V::Int(index))?
        } else if cur.is_null() {
            return Err(Thrown::npe(Some(
                "Cannot invoke \"Object.getClass()\" because \"obj\" is null".into(),
            )));
        } else {
            return Err(Thrown::iae(format!(
                "Non-container [{}] at [{element}], index [{i}] in path [{path}]",
                class_name(&cur)
            )));
        };
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
        _ => match iterable_aug(it, recv, &items, name, &args) {
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
            Obj::Coll(CollObj::Sorted(sv)) => {
                let key = match (sv.shape, item) {
                    (Shape::Entries, V::Obj(e)) => match &**e {
                        Obj::Entry { key, .. } => key.clone(),
                        _ => return Ok(()),
                    },
                    (Shape::Values, v) => {
                        match sv.entries()?.into_iter().find(|(_, x)| java_equals(x, v)) {
                            Some((k, _)) => k,
                            None => return Ok(()),
                        }
                    }
                    (_, k) => k.clone(),
                };
                base_remove(&sv.base, &key).map(|_| ())
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
    if let ("getByPath", 1 | 2) = (name, args.len()) {
        return get_by_path(recv, &args);
    }
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
            ("forEach", 1) | ("each", 1) => {
                for (k, v) in map_entries(recv).unwrap_or_default() {
                    it.call_fn(&args[0], vec![k, v])?;
                }
                return Ok(if name == "each" {
                    recv.clone()
                } else {
                    V::Null
                });
            }
            ("containsValue", 1) => {
                let found = map_entries(recv)
                    .unwrap_or_default()
                    .iter()
                    .any(|(_, v)| java_equals(v, &args[0]));
                return Ok(V::Bool(found));
            }
            _ => {
                return match map_aug(
                    it,
                    map_entries(recv).unwrap_or_default(),
                    similar_map_kind(recv),
                    name,
                    &args,
                ) {
                    Some(r) => r,
                    None => Err(not_found(recv, name, args.len())),
                }
            }
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
        _ => match iterable_aug(it, recv, &seq.items, name, &args) {
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
                ListKind::FixedSize,
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
        ("Collections", "rotate") if n == 2 => {
            let l = list_arg(&args[0])?;
            let distance = arg_int(&args[1])?;
            let len = l.borrow().items.len();
            if len == 0 {
                return Ok(V::Null);
            }
            let d = (distance as i64).rem_euclid(len as i64) as usize;
            if d != 0 {
                if l.borrow().kind == ListKind::Immutable {
                    return Err(Thrown::unsupported(None));
                }
                l.borrow_mut().items.rotate_right(d);
            }
            Ok(V::Null)
        }
        ("Collections", "fill") if n == 2 => {
            let l = list_arg(&args[0])?;
            let mut l = l.borrow_mut();
            if !l.items.is_empty() && l.kind == ListKind::Immutable {
                return Err(Thrown::unsupported(None));
            }
            for x in l.items.iter_mut() {
                *x = args[1].clone();
            }
            Ok(V::Null)
        }
        // `indexedBinarySearch`: `midVal.compareTo(key)`, or the comparator (`null`: natural)
        ("Collections", "binarySearch") if n == 2 || n == 3 => {
            let items = match as_seq(&args[0]) {
                Some(s) if s.is_list => s.items,
                _ => {
                    list_arg(&args[0])?;
                    Vec::new()
                }
            };
            let cmp = args.get(2).filter(|c| !c.is_null()).cloned();
            let (mut low, mut high) = (0i64, items.len() as i64 - 1);
            while low <= high {
                let mid = ((low + high) as u64 >> 1) as i64;
                let mid_val = &items[mid as usize];
                let c = match &cmp {
                    Some(f) => {
                        let r = it.call_fn(f, vec![mid_val.clone(), args[1].clone()])?;
                        arg_int(&r)?.cmp(&0)
                    }
                    None => compare_values(mid_val, &args[1])?,
                };
                match c {
                    Ordering::Less => low = mid + 1,
                    Ordering::Greater => high = mid - 1,
                    Ordering::Equal => return Ok(V::Int(mid as i32)),
                }
            }
            Ok(V::Int(-(low as i32 + 1)))
        }
        ("Map.Entry", "comparingByKey") | ("Map.Entry", "comparingByValue") if n <= 1 => {
            let cmp = match args.first() {
                Some(V::Null) => return Err(Thrown::npe(None)),
                other => other.cloned(),
            };
            Ok(entry_cmp(CollObj::EntryCmp {
                by_value: name == "comparingByValue",
                cmp,
                reversed: false,
            }))
        }
        ("Collections", "emptyList" | "emptyMap" | "emptySet") if n == 0 => empty_collection(name),
        ("Collections", "reverseOrder") if n == 0 => Ok(V::obj(Obj::Fn(FnVal::Natural(true)))),
        ("Collections", "reverseOrder") if n == 1 => Ok(match &args[0] {
            V::Null => V::obj(Obj::Fn(FnVal::Natural(true))),
            comparator => FnVal::reverse_of(comparator),
        }),
        // addAll(Collection, def[]): Painless has no varargs
        ("Collections", "addAll") if n == 2 => {
            let items = super::array_items(&args[1], "def[]")?.ok_or_else(|| Thrown::npe(None))?;
            let mut changed = false;
            for item in items {
                changed |= truthy(it.call_method(args[0].clone(), "add", vec![item])?)?;
            }
            Ok(V::Bool(changed))
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
        ("Objects", "deepEquals") if n == 2 => Ok(V::Bool(deep_equals(&args[0], &args[1]))),
        // `a == b ? 0 : c.compare(a, b)`: only two nulls are the same object here
        ("Objects", "compare") if n == 3 => {
            if args[0].is_null() && args[1].is_null() {
                return Ok(V::Int(0));
            }
            let mut args = args;
            let comparator = args.pop().unwrap_or_default();
            it.call_fn(&comparator, args)
        }
        ("Objects", "isNull") if n == 1 => Ok(V::Bool(args[0].is_null())),
        ("Objects", "nonNull") if n == 1 => Ok(V::Bool(!args[0].is_null())),
        ("Objects", "hashCode") if n == 1 => Ok(V::Int(hash_code(&args[0]))),
        // `hash(Object[])` only: Painless has no varargs (java.util.txt)
        ("Objects", "hash") if n == 1 => {
            let Some(items) = super::array_items(&args[0], "Object[]")? else {
                // `Arrays.hashCode(null)`
                return Ok(V::Int(0));
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
        ("Objects", "requireNonNull") if n <= 2 => {
            if args[0].is_null() {
                return Err(Thrown::npe(args.get(1).map(to_java_string)));
            }
            Ok(args[0].clone())
        }
        ("Collections", "indexOfSubList" | "lastIndexOfSubList" | "replaceAll" | "copy")
        | ("Arrays", "deepEquals" | "deepHashCode") => more_statics(name, &args),
        _ => {
            let _ = iterate;
            let _ = FnVal::User(0);
            Err(super::no_such())
        }
    }
}

// ----- NavigableMap / NavigableSet views, ListIterator, Map.Entry comparators -----

/// Collection objects with no `V` variant of their own (`Obj::Coll`).
pub enum CollObj {
    /// A live view of a `TreeMap` or `TreeSet`: a key range (`headMap`, `subSet`, ...), the
    /// descending order, or a view's `keySet()` / `values()` / `entrySet()`.
    Sorted(SortedView),
    /// `List.listIterator([int])`, or a `Deque`'s `descendingIterator()`: works on the list
    /// itself, by index.
    ListIter(RefCell<ListIter>),
    /// `Map.Entry.comparingByKey([Comparator])` / `comparingByValue([Comparator])` (called
    /// through `FnVal::Bound(.., "compare")`).
    EntryCmp {
        by_value: bool,
        cmp: Option<V>,
        reversed: bool,
    },
    /// The other comparators of `Comparator`'s statics and default methods.
    Cmp(CmpObj),
}

/// `Comparator.comparingInt(f)` & co. (called through `FnVal::Bound(.., "compare")`).
pub enum CmpObj {
    /// `comparingInt` / `comparingLong` / `comparingDouble`: keys converted as the
    /// `ToIntFunction` & co. return them, compared by `Integer.compare` & co.
    KeyPrim(V, crate::painless::ast::Ty),
    /// `comparing(keyExtractor, keyComparator)`.
    KeyWith(V, V),
    /// `Comparators.NullComparator`: `nullsFirst` (true) / `nullsLast` (false) over a
    /// comparator, or none (`nullsFirst(null)`: non-null values are all equal).
    Nulls(bool, Option<V>),
    /// `first.thenComparing(then)`.
    Then(V, V),
}

/// One end of a view's key range.
#[derive(Clone)]
pub struct Bound {
    key: V,
    inclusive: bool,
}

/// What a sorted view shows of its range.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A `NavigableMap` (`TreeMap$AscendingSubMap` / `$DescendingSubMap`).
    Map,
    /// A `NavigableSet`: a `TreeSet` view of a `TreeSet`, or a `TreeMap$KeySet`.
    Keys,
    /// `values()` of a map view.
    Values,
    /// `entrySet()` of a map view.
    Entries,
}

/// `TreeMap.NavigableSubMap`: a key range of a `TreeMap`/`TreeSet`, read afresh from the
/// backing collection on every call so that both sides see each other's changes.
#[derive(Clone)]
pub struct SortedView {
    /// The `TreeMap` (`V::Map`) or `TreeSet` (`V::Set`) behind the view.
    base: V,
    /// Lowest key (`None`: from the start), in ascending terms even for descending views.
    lo: Option<Bound>,
    /// Highest key (`None`: to the end).
    hi: Option<Bound>,
    desc: bool,
    shape: Shape,
}

pub struct ListIter {
    list: Rc<RefCell<ListObj>>,
    /// Index of the element `next()` returns (for a descending iterator: one past it).
    cursor: usize,
    /// Index of the element last returned (`lastRet`), `None` after `remove`/`add`.
    last: Option<usize>,
    /// List size the iterator expects (stands in for `modCount`: changes of size behind the
    /// iterator's back are what scripts can cause).
    expected_len: usize,
    descending: bool,
}

fn base_len(b: &V) -> usize {
    match b {
        V::Map(m) => m.borrow().map.len(),
        V::Set(s) => s.borrow().set.len(),
        _ => 0,
    }
}

fn base_key(b: &V, i: usize) -> V {
    match b {
        V::Map(m) => m
            .borrow()
            .map
            .get_index(i)
            .map(|(k, _)| k.0.clone())
            .unwrap_or_default(),
        V::Set(s) => s
            .borrow()
            .set
            .get_index(i)
            .map(|k| k.0.clone())
            .unwrap_or_default(),
        _ => V::Null,
    }
}

fn base_value(b: &V, i: usize) -> V {
    match b {
        V::Map(m) => m
            .borrow()
            .map
            .get_index(i)
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
        _ => V::Null,
    }
}

/// First index whose key is not `below` (keys are stored sorted). A non-empty collection
/// compares at least once, as `TreeMap`'s tree walk does, so bad keys throw alike.
fn base_partition(b: &V, mut below: impl FnMut(&V) -> R<bool>) -> R<usize> {
    let (mut lo, mut hi) = (0usize, base_len(b));
    while lo < hi {
        let mid = (lo + hi) / 2;
        if below(&base_key(b, mid))? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// `TreeMap.getCeilingEntry` & co. over the whole backing collection (`compare(key, k)`).
fn get_ceiling(b: &V, key: &V) -> R<Option<usize>> {
    let p = base_partition(b, |k| Ok(compare_values(key, k)? == Ordering::Greater))?;
    Ok((p < base_len(b)).then_some(p))
}

fn get_higher(b: &V, key: &V) -> R<Option<usize>> {
    let p = base_partition(b, |k| Ok(compare_values(key, k)? != Ordering::Less))?;
    Ok((p < base_len(b)).then_some(p))
}

fn get_floor(b: &V, key: &V) -> R<Option<usize>> {
    let p = base_partition(b, |k| Ok(compare_values(key, k)? != Ordering::Less))?;
    Ok(p.checked_sub(1))
}

fn get_lower(b: &V, key: &V) -> R<Option<usize>> {
    let p = base_partition(b, |k| Ok(compare_values(key, k)? == Ordering::Greater))?;
    Ok(p.checked_sub(1))
}

/// `TreeMap.getEntry`'s checks: null keys and keys that cannot be compared with the stored
/// ones throw.
fn tree_key_check(b: &V, key: &V) -> R<()> {
    if key.is_null() {
        return Err(Thrown::npe(None));
    }
    compare_values(key, key)?;
    if base_len(b) > 0 {
        compare_values(key, &base_key(b, 0))?;
    }
    Ok(())
}

fn base_contains(b: &V, key: &V) -> bool {
    match b {
        V::Map(m) => m.borrow().get(key).is_some(),
        V::Set(s) => s.borrow().contains(key),
        _ => false,
    }
}

fn base_remove(b: &V, key: &V) -> R<bool> {
    match b {
        V::Map(m) => Ok(m.borrow_mut().remove(key)?.is_some()),
        V::Set(s) => s.borrow_mut().remove(key),
        _ => Ok(false),
    }
}

fn out_of_range() -> Thrown {
    Thrown::iae("key out of range")
}

fn arg_bool(v: &V) -> R<bool> {
    match v {
        V::Bool(b) => Ok(*b),
        V::Null => Err(Thrown::npe(None)),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [boolean].",
            short_type_name(other)
        ))),
    }
}

fn bound(key: &V, inclusive: bool) -> Option<Bound> {
    Some(Bound {
        key: key.clone(),
        inclusive,
    })
}

impl SortedView {
    fn full(base: V, shape: Shape) -> SortedView {
        SortedView {
            base,
            lo: None,
            hi: None,
            desc: false,
            shape,
        }
    }

    /// `NavigableSubMap`'s constructor checks.
    fn new(
        base: V,
        lo: Option<Bound>,
        hi: Option<Bound>,
        desc: bool,
        shape: Shape,
    ) -> R<SortedView> {
        match (&lo, &hi) {
            (Some(l), Some(h)) => {
                if compare_values(&l.key, &h.key)? == Ordering::Greater {
                    return Err(Thrown::iae("fromKey > toKey"));
                }
            }
            _ => {
                // type checks: compare(lo, lo), compare(hi, hi)
                for b in lo.iter().chain(hi.iter()) {
                    compare_values(&b.key, &b.key)?;
                }
            }
        }
        Ok(SortedView {
            base,
            lo,
            hi,
            desc,
            shape,
        })
    }

    fn with_shape(&self, shape: Shape) -> SortedView {
        SortedView {
            shape,
            ..self.clone()
        }
    }

    fn descending(&self) -> SortedView {
        SortedView {
            desc: !self.desc,
            ..self.clone()
        }
    }

    fn key(&self, i: usize) -> V {
        base_key(&self.base, i)
    }

    fn too_low(&self, k: &V) -> R<bool> {
        Ok(match &self.lo {
            Some(b) => {
                let c = compare_values(k, &b.key)?;
                c == Ordering::Less || (c == Ordering::Equal && !b.inclusive)
            }
            None => false,
        })
    }

    fn too_high(&self, k: &V) -> R<bool> {
        Ok(match &self.hi {
            Some(b) => {
                let c = compare_values(k, &b.key)?;
                c == Ordering::Greater || (c == Ordering::Equal && !b.inclusive)
            }
            None => false,
        })
    }

    fn in_range(&self, k: &V) -> R<bool> {
        Ok(!self.too_low(k)? && !self.too_high(k)?)
    }

    /// `inRange(key, inclusive)`: with `inclusive` false, the range's own ends count too.
    fn in_range_incl(&self, k: &V, inclusive: bool) -> R<bool> {
        if inclusive {
            return self.in_range(k);
        }
        if let Some(b) = &self.lo {
            if compare_values(k, &b.key)? == Ordering::Less {
                return Ok(false);
            }
        }
        if let Some(b) = &self.hi {
            if compare_values(&b.key, k)? == Ordering::Less {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn unless_too_high(&self, e: Option<usize>) -> R<Option<usize>> {
        match e {
            Some(i) if !self.too_high(&self.key(i))? => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    fn unless_too_low(&self, e: Option<usize>) -> R<Option<usize>> {
        match e {
            Some(i) if !self.too_low(&self.key(i))? => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    fn abs_lowest(&self) -> R<Option<usize>> {
        let e = match &self.lo {
            None => (base_len(&self.base) > 0).then_some(0),
            Some(b) if b.inclusive => get_ceiling(&self.base, &b.key)?,
            Some(b) => get_higher(&self.base, &b.key)?,
        };
        self.unless_too_high(e)
    }

    fn abs_highest(&self) -> R<Option<usize>> {
        let e = match &self.hi {
            None => base_len(&self.base).checked_sub(1),
            Some(b) if b.inclusive => get_floor(&self.base, &b.key)?,
            Some(b) => get_lower(&self.base, &b.key)?,
        };
        self.unless_too_low(e)
    }

    fn abs_ceiling(&self, k: &V) -> R<Option<usize>> {
        if self.too_low(k)? {
            return self.abs_lowest();
        }
        let e = get_ceiling(&self.base, k)?;
        self.unless_too_high(e)
    }

    fn abs_higher(&self, k: &V) -> R<Option<usize>> {
        if self.too_low(k)? {
            return self.abs_lowest();
        }
        let e = get_higher(&self.base, k)?;
        self.unless_too_high(e)
    }

    fn abs_floor(&self, k: &V) -> R<Option<usize>> {
        if self.too_high(k)? {
            return self.abs_highest();
        }
        let e = get_floor(&self.base, k)?;
        self.unless_too_low(e)
    }

    fn abs_lower(&self, k: &V) -> R<Option<usize>> {
        if self.too_high(k)? {
            return self.abs_highest();
        }
        let e = get_lower(&self.base, k)?;
        self.unless_too_low(e)
    }

    fn sub_lowest(&self) -> R<Option<usize>> {
        if self.desc {
            self.abs_highest()
        } else {
            self.abs_lowest()
        }
    }

    fn sub_highest(&self) -> R<Option<usize>> {
        if self.desc {
            self.abs_lowest()
        } else {
            self.abs_highest()
        }
    }

    fn sub_ceiling(&self, k: &V) -> R<Option<usize>> {
        if self.desc {
            self.abs_floor(k)
        } else {
            self.abs_ceiling(k)
        }
    }

    fn sub_higher(&self, k: &V) -> R<Option<usize>> {
        if self.desc {
            self.abs_lower(k)
        } else {
            self.abs_higher(k)
        }
    }

    fn sub_floor(&self, k: &V) -> R<Option<usize>> {
        if self.desc {
            self.abs_ceiling(k)
        } else {
            self.abs_floor(k)
        }
    }

    fn sub_lower(&self, k: &V) -> R<Option<usize>> {
        if self.desc {
            self.abs_higher(k)
        } else {
            self.abs_lower(k)
        }
    }

    /// Indexes (into the backing collection) of the view's keys, in the view's order: from the
    /// lowest key in range up to the fence (`absHighFence` / `absLowFence`).
    fn indexes(&self) -> R<Vec<usize>> {
        let len = base_len(&self.base);
        if !self.desc {
            let Some(first) = self.abs_lowest()? else {
                return Ok(Vec::new());
            };
            let fence = match &self.hi {
                None => None,
                Some(b) if b.inclusive => get_higher(&self.base, &b.key)?,
                Some(b) => get_ceiling(&self.base, &b.key)?,
            }
            .unwrap_or(len);
            Ok((first..fence.max(first)).collect())
        } else {
            let Some(first) = self.abs_highest()? else {
                return Ok(Vec::new());
            };
            let fence = match &self.lo {
                None => None,
                Some(b) if b.inclusive => get_lower(&self.base, &b.key)?,
                Some(b) => get_floor(&self.base, &b.key)?,
            };
            let stop = fence.map(|f| f + 1).unwrap_or(0);
            Ok((stop.min(first + 1)..first + 1).rev().collect())
        }
    }

    fn is_empty(&self) -> R<bool> {
        Ok(self.abs_lowest()?.is_none())
    }

    fn keys(&self) -> R<Vec<V>> {
        Ok(self.indexes()?.into_iter().map(|i| self.key(i)).collect())
    }

    fn entries(&self) -> R<Vec<(V, V)>> {
        Ok(self
            .indexes()?
            .into_iter()
            .map(|i| (self.key(i), base_value(&self.base, i)))
            .collect())
    }

    fn live_entry(&self, k: V, v: V) -> V {
        V::obj(Obj::Entry {
            key: k,
            value: RefCell::new(v),
            map: match &self.base {
                V::Map(m) => Some(m.clone()),
                _ => None,
            },
        })
    }

    /// Elements as a collection view iterates them.
    fn items(&self) -> R<Vec<V>> {
        Ok(match self.shape {
            Shape::Map | Shape::Keys => self.keys()?,
            Shape::Values => self.entries()?.into_iter().map(|(_, v)| v).collect(),
            Shape::Entries => self
                .entries()?
                .into_iter()
                .map(|(k, v)| self.live_entry(k, v))
                .collect(),
        })
    }

    /// `AbstractMap.SimpleImmutableEntry` of `firstEntry()` & co.
    fn export(&self, e: Option<usize>) -> V {
        match e {
            Some(i) => V::obj(Obj::Entry {
                key: self.key(i),
                value: RefCell::new(base_value(&self.base, i)),
                map: None,
            }),
            None => V::Null,
        }
    }

    fn key_or_null(&self, e: Option<usize>) -> V {
        e.map(|i| self.key(i)).unwrap_or(V::Null)
    }

    fn key_or_throw(&self, e: Option<usize>) -> R<V> {
        e.map(|i| self.key(i))
            .ok_or_else(|| Thrown::bare("NoSuchElementException"))
    }

    fn contains_key(&self, k: &V) -> R<bool> {
        if !self.in_range(k)? {
            return Ok(false);
        }
        tree_key_check(&self.base, k)?;
        Ok(base_contains(&self.base, k))
    }

    fn get(&self, k: &V) -> R<Option<V>> {
        if !self.in_range(k)? {
            return Ok(None);
        }
        tree_key_check(&self.base, k)?;
        Ok(match &self.base {
            V::Map(m) => m.borrow().get(k).cloned(),
            _ => None,
        })
    }

    fn remove_key(&self, k: &V) -> R<bool> {
        if !self.in_range(k)? {
            return Ok(false);
        }
        tree_key_check(&self.base, k)?;
        base_remove(&self.base, k)
    }

    /// `subMap(from, fi, to, ti)`; `headMap` has no `from`, `tailMap` no `to` (in the view's own
    /// direction).
    fn range_view(&self, from: Option<Bound>, to: Option<Bound>) -> R<SortedView> {
        if let Some(f) = &from {
            if !self.in_range_incl(&f.key, f.inclusive)? {
                return Err(Thrown::iae("fromKey out of range"));
            }
        }
        if let Some(t) = &to {
            if !self.in_range_incl(&t.key, t.inclusive)? {
                return Err(Thrown::iae("toKey out of range"));
            }
        }
        let (lo, hi) = if self.desc {
            (
                to.or_else(|| self.lo.clone()),
                from.or_else(|| self.hi.clone()),
            )
        } else {
            (
                from.or_else(|| self.lo.clone()),
                to.or_else(|| self.hi.clone()),
            )
        };
        SortedView::new(self.base.clone(), lo, hi, self.desc, self.shape)
    }

    /// `headMap`/`tailMap`/`subMap` (and the `Set` versions) with their argument lists.
    fn range_call(&self, name: &str, args: &[V]) -> R<Option<SortedView>> {
        let head = |args: &[V], incl: bool| bound(&args[0], incl);
        Ok(Some(match (name, args.len()) {
            ("headMap", 1) | ("headSet", 1) => self.range_view(None, head(args, false))?,
            ("headMap", 2) | ("headSet", 2) => {
                self.range_view(None, head(args, arg_bool(&args[1])?))?
            }
            ("tailMap", 1) | ("tailSet", 1) => self.range_view(head(args, true), None)?,
            ("tailMap", 2) | ("tailSet", 2) => {
                self.range_view(head(args, arg_bool(&args[1])?), None)?
            }
            ("subMap", 2) | ("subSet", 2) => {
                self.range_view(bound(&args[0], true), bound(&args[1], false))?
            }
            ("subMap", 4) | ("subSet", 4) => {
                let (fi, ti) = (arg_bool(&args[1])?, arg_bool(&args[3])?);
                self.range_view(bound(&args[0], fi), bound(&args[2], ti))?
            }
            _ => return Ok(None),
        }))
    }

    fn class_name(&self) -> &'static str {
        let set_base = matches!(self.base, V::Set(_));
        match (self.shape, self.desc) {
            (Shape::Keys, _) if set_base => "java.util.TreeSet",
            (Shape::Keys, _) => "java.util.TreeMap$KeySet",
            (Shape::Map, false) => "java.util.TreeMap$AscendingSubMap",
            (Shape::Map, true) => "java.util.TreeMap$DescendingSubMap",
            (Shape::Values, _) => "java.util.AbstractMap$2",
            (Shape::Entries, false) => "java.util.TreeMap$AscendingSubMap$AscendingEntrySetView",
            (Shape::Entries, true) => "java.util.TreeMap$DescendingSubMap$DescendingEntrySetView",
        }
    }
}

fn sorted(view: SortedView) -> V {
    V::obj(Obj::Coll(CollObj::Sorted(view)))
}

/// `comparator()`: natural order is `null`; a descending view has `Collections.reverseOrder()`.
fn view_comparator(desc: bool) -> V {
    if desc {
        V::obj(Obj::Fn(FnVal::Natural(true)))
    } else {
        V::Null
    }
}

const NAV_MAP: &[(&str, usize)] = &[
    ("ceilingEntry", 1),
    ("ceilingKey", 1),
    ("descendingKeySet", 0),
    ("descendingMap", 0),
    ("firstEntry", 0),
    ("floorEntry", 1),
    ("floorKey", 1),
    ("headMap", 1),
    ("headMap", 2),
    ("higherEntry", 1),
    ("higherKey", 1),
    ("lastEntry", 0),
    ("lowerEntry", 1),
    ("navigableKeySet", 0),
    ("pollFirstEntry", 0),
    ("pollLastEntry", 0),
    ("subMap", 2),
    ("subMap", 4),
    ("tailMap", 1),
    ("tailMap", 2),
    ("comparator", 0),
];

const NAV_SET: &[(&str, usize)] = &[
    ("ceiling", 1),
    ("descendingIterator", 0),
    ("descendingSet", 0),
    ("floor", 1),
    ("headSet", 1),
    ("headSet", 2),
    ("higher", 1),
    ("lower", 1),
    ("pollFirst", 0),
    ("pollLast", 0),
    ("subSet", 2),
    ("subSet", 4),
    ("tailSet", 1),
    ("tailSet", 2),
    ("comparator", 0),
];

/// Methods of a sorted view (or of a `TreeMap`/`TreeSet` seen as its own full-range view).
fn sorted_call(it: &mut Interp, recv: &V, sv: &SortedView, name: &str, args: Vec<V>) -> R<V> {
    if sv.shape == Shape::Map {
        sorted_map_call(it, recv, sv, name, args)
    } else {
        sorted_coll_call(it, recv, sv, name, args)
    }
}

fn sorted_map_call(it: &mut Interp, recv: &V, sv: &SortedView, name: &str, args: Vec<V>) -> R<V> {
    if let Some(view) = sv.range_call(name, &args)? {
        return Ok(sorted(view));
    }
    let a0 = args.first().cloned().unwrap_or(V::Null);
    match (name, args.len()) {
        ("size", 0) => Ok(V::Int(sv.indexes()?.len() as i32)),
        ("isEmpty", 0) => Ok(V::Bool(sv.is_empty()?)),
        ("containsKey", 1) => Ok(V::Bool(sv.contains_key(&a0)?)),
        ("get", 1) => Ok(sv.get(&a0)?.unwrap_or(V::Null)),
        ("getOrDefault", 2) => Ok(sv.get(&a0)?.unwrap_or_else(|| args[1].clone())),
        ("containsValue", 1) => Ok(V::Bool(
            sv.entries()?.iter().any(|(_, v)| java_equals(v, &a0)),
        )),
        ("put", 2) | ("putIfAbsent", 2) | ("merge", 3) => {
            if !sv.in_range(&a0)? {
                return Err(out_of_range());
            }
            map_call(it, &sv.base, name, args)
        }
        // out of range: an error only if the function makes a value to store
        ("computeIfAbsent", 2) | ("compute", 2) => {
            if !sv.in_range(&a0)? {
                let call = if name == "compute" {
                    vec![a0.clone(), V::Null]
                } else {
                    vec![a0.clone()]
                };
                return match it.call_fn(&args[1], call)? {
                    V::Null => Ok(V::Null),
                    _ => Err(out_of_range()),
                };
            }
            map_call(it, &sv.base, name, args)
        }
        ("computeIfPresent", 2) | ("replace", 2) | ("remove", 1) => {
            if !sv.in_range(&a0)? {
                return Ok(V::Null);
            }
            tree_key_check(&sv.base, &a0)?;
            map_call(it, &sv.base, name, args)
        }
        ("remove", 2) | ("replace", 3) => {
            if !sv.in_range(&a0)? {
                return Ok(V::Bool(false));
            }
            map_call(it, &sv.base, name, args)
        }
        ("replaceAll", 1) => {
            for (k, v) in sv.entries()? {
                let nv = it.call_fn(&a0, vec![k.clone(), v])?;
                if let V::Map(m) = &sv.base {
                    m.borrow_mut().put(k, nv)?;
                }
            }
            Ok(V::Null)
        }
        ("putAll", 1) => {
            let entries = map_like_entries(&a0)?.ok_or_else(|| {
                Thrown::cce(format!(
                    "Cannot cast from [{}] to [java.util.Map].",
                    class_name(&a0)
                ))
            })?;
            for (k, v) in entries {
                if !sv.in_range(&k)? {
                    return Err(out_of_range());
                }
                if let V::Map(m) = &sv.base {
                    m.borrow_mut().put(k, to_owned_v(&v))?;
                }
            }
            Ok(V::Null)
        }
        ("clear", 0) => {
            for k in sv.keys()? {
                base_remove(&sv.base, &k)?;
            }
            Ok(V::Null)
        }
        ("keySet", 0) | ("navigableKeySet", 0) => Ok(sorted(sv.with_shape(Shape::Keys))),
        ("descendingKeySet", 0) => Ok(sorted(sv.descending().with_shape(Shape::Keys))),
        ("values", 0) => Ok(sorted(sv.with_shape(Shape::Values))),
        ("entrySet", 0) => Ok(sorted(sv.with_shape(Shape::Entries))),
        ("descendingMap", 0) => Ok(sorted(sv.descending())),
        ("comparator", 0) => Ok(view_comparator(sv.desc)),
        ("firstKey", 0) => sv.key_or_throw(sv.sub_lowest()?),
        ("lastKey", 0) => sv.key_or_throw(sv.sub_highest()?),
        ("firstEntry", 0) => Ok(sv.export(sv.sub_lowest()?)),
        ("lastEntry", 0) => Ok(sv.export(sv.sub_highest()?)),
        ("ceilingEntry", 1) => Ok(sv.export(sv.sub_ceiling(&a0)?)),
        ("ceilingKey", 1) => Ok(sv.key_or_null(sv.sub_ceiling(&a0)?)),
        ("floorEntry", 1) => Ok(sv.export(sv.sub_floor(&a0)?)),
        ("floorKey", 1) => Ok(sv.key_or_null(sv.sub_floor(&a0)?)),
        ("higherEntry", 1) => Ok(sv.export(sv.sub_higher(&a0)?)),
        ("higherKey", 1) => Ok(sv.key_or_null(sv.sub_higher(&a0)?)),
        // (`lowerKey` is not in the allowlist)
        ("lowerEntry", 1) => Ok(sv.export(sv.sub_lower(&a0)?)),
        ("pollFirstEntry", 0) | ("pollLastEntry", 0) => {
            let e = if name == "pollFirstEntry" {
                sv.sub_lowest()?
            } else {
                sv.sub_highest()?
            };
            let out = sv.export(e);
            if let Some(i) = e {
                base_remove(&sv.base, &sv.key(i))?;
            }
            Ok(out)
        }
        ("forEach", 1) | ("each", 1) => {
            for (k, v) in sv.entries()? {
                it.call_fn(&a0, vec![k, v])?;
            }
            Ok(if name == "each" {
                recv.clone()
            } else {
                V::Null
            })
        }
        _ => match map_aug(it, sv.entries()?, CollectionKind::Linked, name, &args) {
            Some(r) => r,
            None => Err(not_found(recv, name, args.len())),
        },
    }
}

fn sorted_coll_call(it: &mut Interp, recv: &V, sv: &SortedView, name: &str, args: Vec<V>) -> R<V> {
    let keys = sv.shape == Shape::Keys;
    let set_base = matches!(sv.base, V::Set(_));
    if keys {
        if let Some(view) = sv.range_call(name, &args)? {
            return Ok(sorted(view));
        }
    }
    let a0 = args.first().cloned().unwrap_or(V::Null);
    match (name, args.len()) {
        ("size", 0) => return Ok(V::Int(sv.indexes()?.len() as i32)),
        ("isEmpty", 0) => return Ok(V::Bool(sv.is_empty()?)),
        ("contains", 1) | ("remove", 1) => {
            let remove = name == "remove";
            let found = match sv.shape {
                Shape::Map | Shape::Keys => {
                    return Ok(V::Bool(if remove {
                        sv.remove_key(&a0)?
                    } else {
                        sv.contains_key(&a0)?
                    }))
                }
                Shape::Entries => match &a0 {
                    V::Obj(o) => match &**o {
                        Obj::Entry { key, value, .. } => {
                            let want = value.borrow().clone();
                            match sv.get(key)? {
                                Some(v) if java_equals(&v, &want) => Some(key.clone()),
                                _ => None,
                            }
                        }
                        _ => None,
                    },
                    _ => None,
                },
                Shape::Values => sv
                    .entries()?
                    .into_iter()
                    .find(|(_, v)| java_equals(v, &a0))
                    .map(|(k, _)| k),
            };
            if let (true, Some(k)) = (remove, &found) {
                base_remove(&sv.base, k)?;
            }
            return Ok(V::Bool(found.is_some()));
        }
        ("add", 1) if set_base => {
            if !sv.in_range(&a0)? {
                return Err(out_of_range());
            }
            return set_call(it, &sv.base, "add", args);
        }
        ("addAll", 1) if set_base => {
            let mut changed = false;
            for x in collection_items(it, &a0)? {
                if !sv.in_range(&x)? {
                    return Err(out_of_range());
                }
                if let V::Set(s) = &sv.base {
                    changed |= s.borrow_mut().add(to_owned_v(&x))?;
                }
            }
            return Ok(V::Bool(changed));
        }
        ("add", 1) | ("addAll", 1) => return Err(Thrown::unsupported(None)),
        ("clear", 0) => {
            for k in sv.keys()? {
                base_remove(&sv.base, &k)?;
            }
            return Ok(V::Null);
        }
        ("removeIf", 1) | ("removeAll", 1) | ("retainAll", 1) => {
            let keys = sv.keys()?;
            let items = sv.items()?;
            let other = if name == "removeIf" {
                Vec::new()
            } else {
                collection_items(it, &a0)?
            };
            let mut removed = false;
            for (k, x) in keys.into_iter().zip(items) {
                let drop = match name {
                    "removeIf" => truthy(it.call_fn(&a0, vec![x])?)?,
                    "removeAll" => other.iter().any(|o| java_equals(o, &x)),
                    _ => !other.iter().any(|o| java_equals(o, &x)),
                };
                if drop {
                    base_remove(&sv.base, &k)?;
                    removed = true;
                }
            }
            return Ok(V::Bool(removed));
        }
        ("iterator", 0) => return Ok(iter_obj(sv.items()?, Some(recv.clone()))),
        _ => {}
    }
    if keys {
        match (name, args.len()) {
            ("descendingIterator", 0) => {
                let mut items = sv.items()?;
                items.reverse();
                return Ok(iter_obj(items, Some(recv.clone())));
            }
            ("descendingSet", 0) => return Ok(sorted(sv.descending())),
            ("comparator", 0) => return Ok(view_comparator(sv.desc)),
            ("first", 0) => return sv.key_or_throw(sv.sub_lowest()?),
            ("last", 0) => return sv.key_or_throw(sv.sub_highest()?),
            ("ceiling", 1) => return Ok(sv.key_or_null(sv.sub_ceiling(&a0)?)),
            ("floor", 1) => return Ok(sv.key_or_null(sv.sub_floor(&a0)?)),
            ("higher", 1) => return Ok(sv.key_or_null(sv.sub_higher(&a0)?)),
            ("lower", 1) => return Ok(sv.key_or_null(sv.sub_lower(&a0)?)),
            ("pollFirst", 0) | ("pollLast", 0) => {
                let e = if name == "pollFirst" {
                    sv.sub_lowest()?
                } else {
                    sv.sub_highest()?
                };
                let out = sv.key_or_null(e);
                if let Some(i) = e {
                    base_remove(&sv.base, &sv.key(i))?;
                }
                return Ok(out);
            }
            // a `TreeSet` view is a `TreeSet`: `clone()` copies it (a descending one would need
            // a reverse-order comparator)
            ("clone", 0) if set_base => {
                if sv.desc {
                    return Err(Thrown::unsupported(Some(
                        "TreeSet with a comparator is not supported".into(),
                    )));
                }
                let s = V::new_set(CollectionKind::Tree);
                if let V::Set(ss) = &s {
                    let mut ss = ss.borrow_mut();
                    for k in sv.keys()? {
                        ss.add(k)?;
                    }
                }
                return Ok(s);
            }
            _ => {}
        }
    }
    let items = sv.items()?;
    match iterable_aug(it, recv, &items, name, &args) {
        Some(r) => r,
        None => Err(not_found(recv, name, args.len())),
    }
}

/// Entries of a map argument: a map, a document map or a sorted map view.
pub fn map_like_entries(v: &V) -> R<Option<Vec<(V, V)>>> {
    if let Some(e) = map_entries(v) {
        return Ok(Some(e));
    }
    match v {
        V::Obj(o) => match &**o {
            Obj::Coll(CollObj::Sorted(sv)) if sv.shape == Shape::Map => Ok(Some(sv.entries()?)),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

fn list_iter_class(list: &ListObj, descending: bool) -> &'static str {
    match (list.kind, descending) {
        (_, true) => "java.util.LinkedList$DescendingIterator",
        (ListKind::ArrayList, _) => "java.util.ArrayList$ListItr",
        (ListKind::LinkedList | ListKind::ArrayDeque, _) => "java.util.LinkedList$ListItr",
        (ListKind::Immutable, _) => "java.util.ImmutableCollections$ListItr",
        (ListKind::FixedSize, _) => "java.util.AbstractList$ListItr",
    }
}

fn cme() -> Thrown {
    Thrown::bare("ConcurrentModificationException")
}

/// `ArrayList.ListItr` / `LinkedList.ListItr` / `LinkedList.DescendingIterator`. (`previous()`
/// is not in the allowlist: a script only moves forward.)
fn list_iter_call(
    it: &mut Interp,
    recv: &V,
    cell: &RefCell<ListIter>,
    name: &str,
    args: Vec<V>,
) -> R<V> {
    let (list, desc) = {
        let st = cell.borrow();
        (st.list.clone(), st.descending)
    };
    let kind = list.borrow().kind;
    let len = list.borrow().items.len();
    let check = |st: &ListIter| {
        if list.borrow().items.len() != st.expected_len {
            Err(cme())
        } else {
            Ok(())
        }
    };
    match (name, args.len(), desc) {
        ("hasNext", 0, false) => {
            let c = cell.borrow().cursor;
            Ok(V::Bool(if kind == ListKind::ArrayList {
                c != len
            } else {
                c < len
            }))
        }
        ("hasNext", 0, true) => Ok(V::Bool(cell.borrow().cursor > 0)),
        ("next", 0, _) => {
            let mut st = cell.borrow_mut();
            check(&st)?;
            let i = if desc {
                if st.cursor == 0 {
                    return Err(Thrown::bare("NoSuchElementException"));
                }
                st.cursor - 1
            } else {
                if st.cursor >= len {
                    return Err(Thrown::bare("NoSuchElementException"));
                }
                st.cursor
            };
            st.cursor = if desc { i } else { i + 1 };
            st.last = Some(i);
            Ok(list.borrow().items[i].clone())
        }
        ("hasPrevious", 0, false) => Ok(V::Bool(cell.borrow().cursor != 0)),
        ("nextIndex", 0, false) => Ok(V::Int(cell.borrow().cursor as i32)),
        ("previousIndex", 0, false) => Ok(V::Int(cell.borrow().cursor as i32 - 1)),
        ("remove", 0, _) | ("set", 1, false) => {
            if kind == ListKind::Immutable || (kind == ListKind::FixedSize && name == "remove") {
                return Err(Thrown::unsupported(None));
            }
            let mut st = cell.borrow_mut();
            // ArrayList checks the state first, LinkedList the modification count
            if kind == ListKind::LinkedList {
                check(&st)?;
            }
            let Some(i) = st.last else {
                return Err(Thrown::bare("IllegalStateException"));
            };
            check(&st)?;
            if name == "set" {
                list.borrow_mut().items[i] = args[0].clone();
                return Ok(V::Null);
            }
            list.borrow_mut().items.remove(i);
            if !desc {
                st.cursor = i;
            }
            st.last = None;
            st.expected_len = len - 1;
            Ok(V::Null)
        }
        ("add", 1, false) => {
            if matches!(kind, ListKind::Immutable | ListKind::FixedSize) {
                return Err(Thrown::unsupported(None));
            }
            let mut st = cell.borrow_mut();
            check(&st)?;
            crate::painless::interp::check_elements(len + 1)?;
            list.borrow_mut().items.insert(st.cursor, args[0].clone());
            st.cursor += 1;
            st.last = None;
            st.expected_len = len + 1;
            Ok(V::Null)
        }
        ("forEachRemaining", 1, _) => {
            loop {
                let x = {
                    let mut st = cell.borrow_mut();
                    let now = list.borrow().items.len();
                    if now != st.expected_len {
                        return Err(cme());
                    }
                    let i = match (desc, st.cursor) {
                        (true, 0) => break,
                        (true, c) => c - 1,
                        (false, c) if c >= now => break,
                        (false, c) => c,
                    };
                    st.cursor = if desc { i } else { i + 1 };
                    st.last = Some(i);
                    list.borrow().items[i].clone()
                };
                it.call_fn(&args[0], vec![x])?;
            }
            Ok(V::Null)
        }
        _ => Err(not_found(recv, name, args.len())),
    }
}

fn new_list_iter(l: &Rc<RefCell<ListObj>>, cursor: usize, descending: bool) -> V {
    let len = l.borrow().items.len();
    V::obj(Obj::Coll(CollObj::ListIter(RefCell::new(ListIter {
        list: l.clone(),
        cursor,
        last: None,
        expected_len: len,
        descending,
    }))))
}

/// `Comparable.compareTo` with the JDK's values (`String` and `Character` return differences,
/// the other boxes -1/0/1).
fn java_compare_to(a: &V, b: &V) -> R<i32> {
    if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
        for (p, q) in x.encode_utf16().zip(y.encode_utf16()) {
            if p != q {
                return Ok(p as i32 - q as i32);
            }
        }
        return Ok(x.encode_utf16().count() as i32 - y.encode_utf16().count() as i32);
    }
    match (a, b) {
        (V::Char(x), V::Char(y)) => Ok(*x as i32 - *y as i32),
        (V::Short(x), V::Short(y)) => Ok(*x as i32 - *y as i32),
        (V::Byte(x), V::Byte(y)) => Ok(*x as i32 - *y as i32),
        _ => Ok(compare_values(a, b)? as i32),
    }
}

fn entry_parts(v: &V) -> R<(V, V)> {
    if let V::Obj(o) = v {
        if let Obj::Entry { key, value, .. } = &**o {
            return Ok((key.clone(), value.borrow().clone()));
        }
    }
    if v.is_null() {
        return Err(Thrown::npe(None));
    }
    Err(Thrown::cce(format!(
        "class {} cannot be cast to class java.util.Map$Entry",
        class_name(v)
    )))
}

fn cmp_value(c: CmpObj) -> V {
    entry_cmp(CollObj::Cmp(c))
}

fn require_fn(v: &V) -> R<V> {
    if v.is_null() {
        return Err(Thrown::npe(None));
    }
    Ok(v.clone())
}

/// `Comparator`'s statics beyond `naturalOrder`/`reverseOrder`/`comparing(Function)`.
pub fn comparator_static(name: &str, args: &[V]) -> Option<R<V>> {
    use crate::painless::ast::Ty;
    let r = match (name, args.len()) {
        ("comparingInt", 1) => key_prim(&args[0], Ty::Int),
        ("comparingLong", 1) => key_prim(&args[0], Ty::Long),
        ("comparingDouble", 1) => key_prim(&args[0], Ty::Double),
        ("comparing", 2) => key_with(&args[0], &args[1]),
        ("nullsFirst", 1) | ("nullsLast", 1) => Ok(cmp_value(CmpObj::Nulls(
            name == "nullsFirst",
            Some(args[0].clone()).filter(|c| !c.is_null()),
        ))),
        _ => return None,
    };
    Some(r)
}

fn key_prim(key: &V, ty: crate::painless::ast::Ty) -> R<V> {
    Ok(cmp_value(CmpObj::KeyPrim(require_fn(key)?, ty)))
}

fn key_with(key: &V, cmp: &V) -> R<V> {
    Ok(cmp_value(CmpObj::KeyWith(
        require_fn(key)?,
        require_fn(cmp)?,
    )))
}

/// `thenComparing(Comparator)`, `thenComparing(Function, Comparator)` and
/// `thenComparingInt/Long/Double(f)` of any comparator.
pub fn then_comparing(recv: &V, name: &str, args: &[V]) -> R<V> {
    use crate::painless::ast::Ty;
    let other = match (name, args.len()) {
        ("thenComparing", 1) => require_fn(&args[0])?,
        ("thenComparing", 2) => key_with(&args[0], &args[1])?,
        ("thenComparingInt", 1) => key_prim(&args[0], Ty::Int)?,
        ("thenComparingLong", 1) => key_prim(&args[0], Ty::Long)?,
        ("thenComparingDouble", 1) => key_prim(&args[0], Ty::Double)?,
        _ => return Err(not_found(recv, name, args.len())),
    };
    Ok(then(recv, other))
}

/// `NullComparator` overrides `thenComparing`: the nulls stay where they are, and the
/// comparator for non-null values gets the tie-breaker.
fn then(first: &V, other: V) -> V {
    if let Some(CmpObj::Nulls(nulls_first, real)) = cmp_obj(first) {
        let real = match real {
            Some(r) => then(r, other),
            None => other,
        };
        return cmp_value(CmpObj::Nulls(*nulls_first, Some(real)));
    }
    cmp_value(CmpObj::Then(first.clone(), other))
}

fn cmp_obj(v: &V) -> Option<&CmpObj> {
    let V::Obj(o) = v else {
        return None;
    };
    let Obj::Fn(FnVal::Bound(V::Obj(inner), _)) = &**o else {
        return None;
    };
    match &**inner {
        Obj::Coll(CollObj::Cmp(c)) => Some(c),
        _ => None,
    }
}

fn compare_with(it: &mut Interp, cmp: &V, a: V, b: V) -> R<i32> {
    let r = it.call_fn(cmp, vec![a, b])?;
    arg_int(&r)
}

fn cmp_call(it: &mut Interp, c: &CmpObj, a: V, b: V) -> R<i32> {
    use crate::painless::ast::Ty;
    use crate::painless::interp::coerce;
    let sign = |o: Ordering| o as i32;
    match c {
        CmpObj::KeyPrim(key, ty) => {
            let ka = coerce(it.call_fn(key, vec![a])?, ty)?;
            let kb = coerce(it.call_fn(key, vec![b])?, ty)?;
            Ok(match (ty, &ka, &kb) {
                (Ty::Double, V::Double(x), V::Double(y)) => sign(java_double_cmp(*x, *y)),
                _ => sign(compare_values(&ka, &kb)?),
            })
        }
        CmpObj::KeyWith(key, cmp) => {
            let ka = it.call_fn(key, vec![a])?;
            let kb = it.call_fn(key, vec![b])?;
            compare_with(it, cmp, ka, kb)
        }
        CmpObj::Nulls(nulls_first, real) => {
            let first = if *nulls_first { -1 } else { 1 };
            Ok(match (a.is_null(), b.is_null()) {
                (true, true) => 0,
                (true, false) => first,
                (false, true) => -first,
                _ => match real {
                    Some(r) => compare_with(it, r, a, b)?,
                    None => 0,
                },
            })
        }
        CmpObj::Then(first, other) => {
            let r = compare_with(it, first, a.clone(), b.clone())?;
            if r != 0 {
                return Ok(r);
            }
            compare_with(it, other, a, b)
        }
    }
}

fn entry_cmp(v: CollObj) -> V {
    V::obj(Obj::Fn(FnVal::Bound(
        V::obj(Obj::Coll(v)),
        "compare".into(),
    )))
}

/// `reversed()` of a `Map.Entry` comparator (`FnVal::Bound` over `CollObj::EntryCmp`).
pub fn reversed_comparator(f: &FnVal) -> Option<V> {
    let FnVal::Bound(V::Obj(o), _) = f else {
        return None;
    };
    match &**o {
        Obj::Coll(CollObj::EntryCmp {
            by_value,
            cmp,
            reversed,
        }) => Some(entry_cmp(CollObj::EntryCmp {
            by_value: *by_value,
            cmp: cmp.clone(),
            reversed: !reversed,
        })),
        // `NullComparator.reversed()`: nulls go to the other end, the rest is reversed
        Obj::Coll(CollObj::Cmp(CmpObj::Nulls(nulls_first, real))) => Some(cmp_value(
            CmpObj::Nulls(!nulls_first, real.as_ref().map(FnVal::reverse_of)),
        )),
        _ => None,
    }
}

/// Methods of `Obj::Coll` objects.
pub fn coll_call(it: &mut Interp, recv: &V, c: &CollObj, name: &str, args: Vec<V>) -> R<V> {
    match c {
        CollObj::Sorted(sv) => sorted_call(it, recv, sv, name, args),
        CollObj::ListIter(cell) => list_iter_call(it, recv, cell, name, args),
        CollObj::EntryCmp {
            by_value,
            cmp,
            reversed,
        } => match (name, args.len()) {
            ("compare", 2) => {
                let (mut a, mut b) = (entry_parts(&args[0])?, entry_parts(&args[1])?);
                if *reversed {
                    std::mem::swap(&mut a, &mut b);
                }
                let (x, y) = if *by_value { (a.1, b.1) } else { (a.0, b.0) };
                match cmp {
                    Some(f) => {
                        let r = it.call_fn(f, vec![x, y])?;
                        Ok(V::Int(arg_int(&r)?))
                    }
                    None => {
                        if x.is_null() {
                            return Err(Thrown::npe(None));
                        }
                        Ok(V::Int(java_compare_to(&x, &y)?))
                    }
                }
            }
            _ => Err(not_found(recv, name, args.len())),
        },
        CollObj::Cmp(c) => match (name, args.len()) {
            ("compare", 2) => {
                let mut args = args.into_iter();
                let (a, b) = (
                    args.next().unwrap_or_default(),
                    args.next().unwrap_or_default(),
                );
                Ok(V::Int(cmp_call(it, c, a, b)?))
            }
            _ => Err(not_found(recv, name, args.len())),
        },
    }
}

/// Elements for `for (x : c)` and collection arguments.
pub fn coll_iterate(c: &CollObj) -> R<Vec<V>> {
    match c {
        CollObj::Sorted(sv) if sv.shape != Shape::Map => sv.items(),
        _ => Err(Thrown::iae(format!(
            "Cannot iterate over [{}]",
            c.class_name()
        ))),
    }
}

/// Contents compared by `equals`: a map's entries, a set's elements, or identity.
enum Snap {
    Map(Vec<(V, V)>),
    Set(Vec<V>),
    Other,
}

fn snap_obj(o: &Obj) -> Snap {
    match o {
        Obj::MapView(_, View::Values) => Snap::Other,
        Obj::MapView(..) => Snap::Set(view_items(o)),
        Obj::Coll(CollObj::Sorted(sv)) => match sv.shape {
            Shape::Map => sv.entries().map(Snap::Map).unwrap_or(Snap::Other),
            Shape::Values => Snap::Other,
            _ => sv.items().map(Snap::Set).unwrap_or(Snap::Other),
        },
        _ => Snap::Other,
    }
}

fn snap_v(v: &V) -> Snap {
    if let V::Obj(o) = v {
        return snap_obj(o);
    }
    if let Some(e) = map_entries(v) {
        return Snap::Map(e);
    }
    match as_seq(v) {
        Some(s) if s.is_set => Snap::Set(s.items),
        _ => Snap::Other,
    }
}

fn snaps_equal(a: Snap, b: Snap) -> bool {
    match (a, b) {
        (Snap::Map(x), Snap::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .any(|(k2, v2)| java_equals(k, k2) && java_equals(v, v2))
                })
        }
        (Snap::Set(x), Snap::Set(y)) => {
            x.len() == y.len() && y.iter().all(|p| x.iter().any(|q| java_equals(p, q)))
        }
        _ => false,
    }
}

fn is_sorted_view(v: &V) -> bool {
    matches!(v, V::Obj(o) if matches!(&**o, Obj::Coll(CollObj::Sorted(_))))
}

/// `equals` when either side is a sorted view (`AbstractMap`/`AbstractSet.equals`; a
/// `values()` view, like any other object here, is equal only to itself).
pub fn view_equals(a: &V, b: &V) -> Option<bool> {
    if !is_sorted_view(a) && !is_sorted_view(b) {
        return None;
    }
    if let (V::Obj(x), V::Obj(y)) = (a, b) {
        if Rc::ptr_eq(x, y) {
            return Some(true);
        }
    }
    Some(snaps_equal(snap_v(a), snap_v(b)))
}

/// `Obj::equals` for pairs involving an `Obj::Coll`.
pub fn objs_equal(a: &Obj, b: &Obj) -> bool {
    std::ptr::eq(a, b) || snaps_equal(snap_obj(a), snap_obj(b))
}

impl CollObj {
    pub fn class_name(&self) -> String {
        match self {
            CollObj::Sorted(sv) => sv.class_name().into(),
            CollObj::ListIter(st) => {
                let st = st.borrow();
                let l = st.list.borrow();
                list_iter_class(&l, st.descending).into()
            }
            CollObj::EntryCmp { .. } | CollObj::Cmp(_) => "java.util.Comparator".into(),
        }
    }

    pub fn is_instance(&self, class: &str) -> bool {
        match self {
            CollObj::Sorted(sv) => match sv.shape {
                Shape::Map => matches!(class, "Map" | "NavigableMap" | "SortedMap"),
                Shape::Keys => {
                    matches!(
                        class,
                        "Set" | "Collection" | "Iterable" | "NavigableSet" | "SortedSet"
                    ) || (class == "TreeSet" && matches!(sv.base, V::Set(_)))
                }
                Shape::Entries => matches!(class, "Set" | "Collection" | "Iterable"),
                Shape::Values => matches!(class, "Collection" | "Iterable"),
            },
            CollObj::ListIter(st) => {
                class == "Iterator" || (class == "ListIterator" && !st.borrow().descending)
            }
            CollObj::EntryCmp { .. } | CollObj::Cmp(_) => class == "Comparator",
        }
    }

    pub fn is_collection(&self) -> bool {
        matches!(self, CollObj::Sorted(sv) if sv.shape != Shape::Map)
    }

    /// `toString()`, or `None` for `Object.toString()`.
    pub fn to_java_string(&self) -> Option<String> {
        let CollObj::Sorted(sv) = self else {
            return None;
        };
        if sv.shape == Shape::Map {
            let parts: Vec<String> = sv
                .entries()
                .ok()?
                .iter()
                .map(|(k, v)| format!("{}={}", to_java_string(k), to_java_string(v)))
                .collect();
            return Some(format!("{{{}}}", parts.join(", ")));
        }
        let items = sv.items().ok()?;
        Some(to_java_string(&V::new_list(items)))
    }

    /// `hashCode()` of a map or set view, or `None` for identity.
    pub fn hash_code(&self) -> Option<i32> {
        let CollObj::Sorted(sv) = self else {
            return None;
        };
        match sv.shape {
            Shape::Map => Some(sv.entries().ok()?.iter().fold(0i32, |acc, (k, v)| {
                acc.wrapping_add(hash_code(k) ^ hash_code(v))
            })),
            Shape::Values => None,
            _ => Some(
                sv.items()
                    .ok()?
                    .iter()
                    .fold(0i32, |acc, x| acc.wrapping_add(hash_code(x))),
            ),
        }
    }

    /// A view stored into the document: a copy of what it shows.
    pub fn to_document_value(&self) -> Option<crate::value::Value> {
        let CollObj::Sorted(sv) = self else {
            return None;
        };
        if sv.shape == Shape::Map {
            let m = V::new_map(CollectionKind::Linked);
            if let V::Map(mm) = &m {
                let mut mm = mm.borrow_mut();
                for (k, v) in sv.entries().ok()? {
                    mm.put(k, v).ok()?;
                }
            }
            return to_value(&m).ok();
        }
        if sv.shape == Shape::Keys {
            // a set, as a `TreeSet` would be
            let s = V::new_set(CollectionKind::Linked);
            if let V::Set(ss) = &s {
                let mut ss = ss.borrow_mut();
                for k in sv.keys().ok()? {
                    ss.add(k).ok()?;
                }
            }
            return to_value(&s).ok();
        }
        to_value(&V::new_list(sv.items().ok()?)).ok()
    }
}

/// `Collections.emptyList()`, `emptyMap()`, `emptySet()` (and the `EMPTY_*` constants).
pub fn empty_collection(method: &str) -> R<V> {
    Ok(match method {
        "emptyList" => V::new_list_kind(Vec::new(), ListKind::Immutable),
        "emptyMap" => {
            let m = V::new_map(CollectionKind::Hash);
            if let V::Map(mm) = &m {
                mm.borrow_mut().immutable = true;
            }
            m
        }
        _ => {
            let s = V::new_set(CollectionKind::Hash);
            if let V::Set(ss) = &s {
                ss.borrow_mut().immutable = true;
            }
            s
        }
    })
}

/// The items of a `List` argument that is only read.
fn list_items(v: &V) -> R<Vec<V>> {
    match as_seq(v) {
        Some(s) if s.is_list => Ok(s.items),
        _ => list_arg(v).map(|l| l.borrow().items.clone()),
    }
}

/// `Collections.eq`: `o1 == null ? o2 == null : o1.equals(o2)`.
fn eq(a: &V, b: &V) -> bool {
    if a.is_null() || b.is_null() {
        return a.is_null() && b.is_null();
    }
    java_equals(a, b)
}

/// `Collections.indexOfSubList` & co. and `Arrays.deepEquals`/`deepHashCode`.
fn more_statics(name: &str, args: &[V]) -> R<V> {
    match (name, args.len()) {
        ("indexOfSubList", 2) | ("lastIndexOfSubList", 2) => {
            let (source, target) = (list_items(&args[0])?, list_items(&args[1])?);
            if target.len() > source.len() {
                return Ok(V::Int(-1));
            }
            let at = |c: &usize| {
                source[*c..*c + target.len()]
                    .iter()
                    .zip(&target)
                    .all(|(s, t)| eq(t, s))
            };
            let mut candidates = 0..=source.len() - target.len();
            let found = if name == "indexOfSubList" {
                candidates.find(at)
            } else {
                candidates.rev().find(at)
            };
            Ok(V::Int(found.map(|i| i as i32).unwrap_or(-1)))
        }
        ("replaceAll", 3) => {
            let l = list_arg(&args[0])?;
            let mut l = l.borrow_mut();
            let immutable = l.kind == ListKind::Immutable;
            let mut changed = false;
            for x in l.items.iter_mut() {
                if eq(x, &args[1]) {
                    if immutable {
                        return Err(Thrown::unsupported(None));
                    }
                    *x = args[2].clone();
                    changed = true;
                }
            }
            Ok(V::Bool(changed))
        }
        ("copy", 2) => {
            let dest = list_arg(&args[0])?;
            let src = list_items(&args[1])?;
            let mut dest = dest.borrow_mut();
            if src.len() > dest.items.len() {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    "Source does not fit in dest",
                ));
            }
            if !src.is_empty() && dest.kind == ListKind::Immutable {
                return Err(Thrown::unsupported(None));
            }
            for (d, x) in dest.items.iter_mut().zip(src) {
                *d = x;
            }
            Ok(V::Null)
        }
        ("deepEquals", 2) => {
            let (a, b) = (&args[0], &args[1]);
            Ok(V::Bool(match (a, b) {
                (V::Array(x), V::Array(y)) if Rc::ptr_eq(x, y) => true,
                (V::Null, V::Null) => true,
                (V::Null, _) | (_, V::Null) => false,
                _ => {
                    let x = super::array_items(a, "java.lang.Object[]")?.unwrap_or_default();
                    let y = super::array_items(b, "java.lang.Object[]")?.unwrap_or_default();
                    arrays_deep_equals(&x, &y)
                }
            }))
        }
        ("deepHashCode", 1) => {
            let items = super::array_items(&args[0], "java.lang.Object[]")?;
            Ok(V::Int(items.map(|x| deep_hash_code(&x)).unwrap_or(0)))
        }
        _ => Err(super::no_such()),
    }
}

/// `Arrays.deepEquals` of two arrays' elements (`deepEquals0` for each pair).
fn arrays_deep_equals(x: &[V], y: &[V]) -> bool {
    x.len() == y.len()
        && x.iter().zip(y).all(|(e1, e2)| match (e1, e2) {
            (V::Null, V::Null) => true,
            (V::Null, _) | (_, V::Null) => false,
            (V::Array(p), V::Array(q)) => {
                if Rc::ptr_eq(p, q) {
                    return true;
                }
                let (p, q) = (p.borrow(), q.borrow());
                // `int[]` only equals `int[]`; `Object[]`s of any class compare contents
                if (p.elem.is_primitive() || q.elem.is_primitive()) && p.elem != q.elem {
                    return false;
                }
                arrays_deep_equals(&p.items, &q.items)
            }
            _ => java_equals(e1, e2),
        })
}

/// `Arrays.deepHashCode`: `31 * h + element hash`, arrays hashed by content at any depth.
fn deep_hash_code(items: &[V]) -> i32 {
    items.iter().fold(1i32, |h, e| {
        let eh = match e {
            V::Array(a) => deep_hash_code(&a.borrow().items),
            other => hash_code(other),
        };
        h.wrapping_mul(31).wrapping_add(eh)
    })
}

/// `Objects.deepEquals`: arrays by their elements, at any depth; anything else by `equals`.
fn deep_equals(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Array(x), V::Array(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow(), y.borrow());
                x.items.len() == y.items.len()
                    && x.items.iter().zip(&y.items).all(|(p, q)| deep_equals(p, q))
            }
        }
        _ => java_equals(a, b),
    }
}

#[cfg(test)]
mod allowlist_tests {
    use crate::painless::run_for_cli;
    use serde_json::{json, Value as J};

    fn run(src: &str) -> J {
        run_for_cli(src, None, None)
    }

    fn value(src: &str) -> (J, J) {
        let got = run(src);
        assert!(got.get("error").is_none(), "{src}: {got}");
        (got["type"].clone(), got["value"].clone())
    }

    /// `(caused_by type, reason)` of a failing script.
    fn error_of(src: &str) -> (J, J) {
        let got = run(src);
        let cause = &got["error"]["caused_by"];
        assert!(!cause.is_null(), "{src}: {got}");
        (cause["type"].clone(), cause["reason"].clone())
    }

    #[test]
    fn collection_collect_into_a_collection() {
        let cases = [
            (
                "List l = [1,2,3,4]; return l.collect(new ArrayList(), x -> x + 1)",
                "ArrayList",
                json!([2, 3, 4, 5]),
            ),
            (
                "List out = ['z']; return [1,2].collect(out, x -> x * 2)",
                "ArrayList",
                json!(["z", 2, 4]),
            ),
            (
                "return [3,1,3].collect(new TreeSet(), x -> x * 2).toString()",
                "String",
                json!("[2, 6]"),
            ),
            (
                "List out = []; def r = [1].collect(out, x -> x); return r === out",
                "boolean",
                json!(true),
            ),
            (
                "return new ArrayList().collect(null, x -> x)",
                "null",
                json!(null),
            ),
            (
                "def s = new TreeSet([3,1,2]); return s.headSet(3).collect(new ArrayList(), x -> x * 10)",
                "ArrayList",
                json!([10, 20]),
            ),
            (
                "Map m = ['a':1,'b':2]; return m.keySet().collect(new ArrayList(), k -> k + '!')",
                "ArrayList",
                json!(["a!", "b!"]),
            ),
        ];
        for (src, ty, want) in cases {
            assert_eq!(value(src), (json!(ty), want), "{src}");
        }
        let npe = json!("null_pointer_exception");
        assert_eq!(error_of("return [1].collect(null, x -> x)").0, npe);
        // the target's own `add` runs: an immutable list refuses
        assert_eq!(
            error_of("return [1].collect(Collections.emptyList(), x -> x)").0,
            json!("unsupported_operation_exception")
        );
    }

    #[test]
    fn map_augmentations() {
        let cases = [
            (
                "Map m = ['a':1,'b':2]; return m.findResults((k,v) -> v > 1 ? k : null)",
                "ArrayList",
                json!(["b"]),
            ),
            (
                "Map m = [:]; return m.findResults((k,v) -> k)",
                "ArrayList",
                json!([]),
            ),
            (
                "Map m = ['a':1,'b':2]; return m.collect(new ArrayList(), (k,v) -> k + v)",
                "ArrayList",
                json!(["a1", "b2"]),
            ),
            (
                "Map m = ['a':1]; return m.findResult('none', (k,v) -> null)",
                "String",
                json!("none"),
            ),
            (
                "Map m = ['a':1]; return m.findResult('none', (k,v) -> v)",
                "int",
                json!(1),
            ),
            (
                "def m = new TreeMap(['c':3,'a':1,'b':2]); return m.headMap('c').findResults((k,v) -> k + v)",
                "ArrayList",
                json!(["a1", "b2"]),
            ),
            (
                "def m = new TreeMap(['c':3,'a':1,'b':2]); return m.descendingMap().collect((k,v) -> k)",
                "ArrayList",
                json!(["c", "b", "a"]),
            ),
        ];
        for (src, ty, want) in cases {
            assert_eq!(value(src), (json!(ty), want), "{src}");
        }
    }

    #[test]
    fn deque_clone_and_untyped_views() {
        assert_eq!(
            value("def d = new ArrayDeque([1,2]); def c = d.clone(); c.add(3); return d + ' ' + c"),
            (json!("String"), json!("[1, 2] [1, 2, 3]"))
        );
        assert_eq!(
            value("def m = new TreeMap(['b':1,'a':2]); def h = m.headMap('b'); m.put('0', 0); return h.size()"),
            (json!("int"), json!(2))
        );
        // a view stored as a value is a copy of what it shows, in its order
        assert_eq!(
            value("def m = new TreeMap(['b':1,'a':2,'c':3]); return m.descendingMap()"),
            (
                json!("TreeMap$DescendingSubMap"),
                json!({"c": 3, "b": 1, "a": 2})
            )
        );
    }

    #[test]
    fn jdk_messages() {
        let iae = json!("illegal_argument_exception");
        let cases = [
            (
                "def m = new TreeMap(['a':1]); return m.headMap('b').put('c', 1)",
                "key out of range",
            ),
            (
                "def m = new TreeMap(); return m.subMap('c', 'a')",
                "fromKey > toKey",
            ),
            (
                "def m = new TreeMap(); return m.headMap('c').headMap('d')",
                "toKey out of range",
            ),
            (
                "def m = new TreeMap(); return m.tailMap('c').tailMap('a')",
                "fromKey out of range",
            ),
        ];
        for (src, reason) in cases {
            assert_eq!(error_of(src), (iae.clone(), json!(reason)), "{src}");
        }
        assert_eq!(
            error_of("def l = [1]; return l.listIterator(2)"),
            (
                json!("index_out_of_bounds_exception"),
                json!("Index: 2, Size: 1")
            )
        );
    }

    #[test]
    fn methods_outside_the_allowlist_stay_missing() {
        let cases = [
            (
                "def m = new TreeMap(['a':1]); return m.lowerKey('b')",
                "java.util.TreeMap, lowerKey/1",
            ),
            (
                "def l = [1,2]; def it = l.listIterator(); it.next(); return it.previous()",
                "java.util.ArrayList$ListItr, previous/0",
            ),
            (
                "def l = new ArrayList(); l.ensureCapacity(5); return l",
                "java.util.ArrayList, ensureCapacity/1",
            ),
            (
                "def l = new LinkedList(); l.trimToSize(); return l",
                "java.util.LinkedList, trimToSize/0",
            ),
            (
                "def l = [1]; return l.descendingIterator()",
                "java.util.ArrayList, descendingIterator/0",
            ),
            (
                "def m = [:]; return m.headMap('a')",
                "java.util.HashMap, headMap/1",
            ),
            (
                "def s = new HashSet(); return s.ceiling(1)",
                "java.util.HashSet, ceiling/1",
            ),
            (
                "def m = new TreeMap(); return m.headMap('a').clone()",
                "java.util.TreeMap$AscendingSubMap, clone/0",
            ),
            (
                "return Base64.getDecoder().withoutPadding()",
                "java.util.Base64$Decoder, withoutPadding/0",
            ),
            (
                "def m = Collections.unmodifiableMap(new TreeMap(['a':1])); return m.firstEntry()",
                "java.util.TreeMap, firstEntry/0",
            ),
        ];
        for (src, method) in cases {
            assert_eq!(
                error_of(src),
                (
                    json!("illegal_argument_exception"),
                    json!(format!("dynamic method [{method}] not found"))
                ),
                "{src}"
            );
        }
        // a descending TreeSet copy would need a reverse-order comparator
        assert_eq!(
            error_of("def s = new TreeSet([1,2]); return s.descendingSet().clone()").0,
            json!("unsupported_operation_exception")
        );
    }
}
