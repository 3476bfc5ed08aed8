//! `NestedDocument` (what `WriteField.doc()` returns): a map inside the document, with its own
//! `field(path)` relative to it; and the `Iterable` that `WriteField.docs()` returns, with its
//! iterators.

use super::field::{type_name, FieldObj};
use super::{not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;
use std::cell::RefCell;

pub enum NestedObj {
    /// A `NestedDocument`: the `WriteField` it came from (a `V` holding `Obj::Field`) and its map.
    Doc { parent: V, doc: V },
    /// `docs()` of a field holding a map or a list: the field and the value it had then.
    Docs { field: V, value: V },
    /// An iterator of `docs()`.
    Iter(RefCell<DocsIter>),
}

pub struct DocsIter {
    field: V,
    value: V,
    /// Next list position.
    pos: usize,
    /// Maps returned so far (the index named in the error for a non-map element).
    index: usize,
    /// List position `next()` returned last, for `remove()`.
    last: Option<usize>,
    /// The one map has been returned.
    done: bool,
}

pub fn new_doc(parent: &V, doc: V) -> V {
    V::obj(Obj::Nested(NestedObj::Doc {
        parent: parent.clone(),
        doc,
    }))
}

/// The map of a `NestedDocument` value.
pub fn doc_map(v: &V) -> Option<V> {
    match v {
        V::Obj(o) => match &**o {
            Obj::Nested(NestedObj::Doc { doc, .. }) => Some(doc.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn field_of(v: &V) -> &FieldObj {
    match v {
        V::Obj(o) => match &**o {
            Obj::Field(f) => f,
            _ => unreachable!("a NestedDocument's parent is a WriteField"),
        },
        _ => unreachable!("a NestedDocument's parent is a WriteField"),
    }
}

impl NestedObj {
    pub fn class_name(&self) -> String {
        match self {
            NestedObj::Doc { .. } => "org.elasticsearch.script.field.NestedDocument".into(),
            NestedObj::Docs { .. } => "org.elasticsearch.script.field.WriteField$$Lambda".into(),
            // the anonymous iterator classes in `docs()`: the map's first, the list's second
            NestedObj::Iter(st) => match st.borrow().value {
                V::Map(_) => "org.elasticsearch.script.field.WriteField$1".into(),
                _ => "org.elasticsearch.script.field.WriteField$2".into(),
            },
        }
    }
}

impl DocsIter {
    fn new(field: &V, value: &V) -> DocsIter {
        DocsIter {
            field: field.clone(),
            value: value.clone(),
            pos: 0,
            index: 0,
            last: None,
            done: false,
        }
    }

    fn has_next(&self) -> bool {
        match &self.value {
            V::List(l) => self.pos < l.borrow().items.len(),
            _ => !self.done,
        }
    }

    fn next(&mut self) -> R<V> {
        let item = match &self.value {
            V::List(l) => {
                let Some(item) = l.borrow().items.get(self.pos).cloned() else {
                    return Err(Thrown::bare("NoSuchElementException"));
                };
                item
            }
            map => {
                if self.done {
                    return Err(Thrown::bare("NoSuchElementException"));
                }
                self.done = true;
                return Ok(new_doc(&self.field, map.clone()));
            }
        };
        self.last = Some(self.pos);
        self.pos += 1;
        if let V::Map(_) = item {
            self.index += 1;
            return Ok(new_doc(&self.field, item));
        }
        Err(Thrown::new(
            "IllegalStateException",
            format!(
                "Unexpected value [{}] of type [{}] at [{}] and index [{}] for docs() iterator",
                to_java_string(&item),
                type_name(&item),
                field_of(&self.field).path(),
                self.index
            ),
        ))
    }

    /// The map's iterator removes the field; the list's, the element `next()` returned.
    fn remove(&mut self, it: &mut Interp) -> R<()> {
        if !matches!(self.value, V::List(_)) {
            return field_of(&self.field).remove();
        }
        let Some(last) = self.last.take() else {
            return Err(Thrown::bare("IllegalStateException"));
        };
        super::collections::list_call(it, &self.value, "remove", vec![V::Int(last as i32)])?;
        self.pos = last;
        Ok(())
    }

    fn rest(&mut self) -> R<Vec<V>> {
        let mut out = Vec::new();
        while self.has_next() {
            out.push(self.next()?);
        }
        Ok(out)
    }
}

/// The elements `for (d : field.docs())` visits.
pub fn iterate(o: &NestedObj) -> Option<R<Vec<V>>> {
    match o {
        NestedObj::Docs { field, value } => Some(DocsIter::new(field, value).rest()),
        NestedObj::Iter(st) => Some(st.borrow_mut().rest()),
        NestedObj::Doc { .. } => None,
    }
}

/// The `Iterable` augmentations (`any`, `each`, ...) `docs()` has besides `iterator()` and
/// `forEach`; they run over the documents as a list.
const ITERABLE_AUGMENTATIONS: &[&str] = &[
    "any",
    "asCollection",
    "asList",
    "each",
    "eachWithIndex",
    "every",
    "findResults",
    "groupBy",
    "join",
    "sum",
];

pub fn call(it: &mut Interp, recv: &V, o: &NestedObj, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match o {
        NestedObj::Doc { parent, doc } => match (name, n) {
            ("field", 1) => {
                let path = super::arg_str(&args[0])?.to_string();
                Ok(V::obj(Obj::Field(FieldObj::new(doc.clone(), path))))
            }
            ("fields", 1) => {
                super::arg_str(&args[0])?;
                Err(Thrown::unsupported(Some("unimplemented".into())))
            }
            ("isEmpty", 0) | ("size", 0) => {
                let V::Map(m) = doc else {
                    unreachable!("a NestedDocument holds a map")
                };
                let size = m.borrow().map.len();
                Ok(if name == "size" {
                    V::Int(size as i32)
                } else {
                    V::Bool(size == 0)
                })
            }
            ("exists", 0) => Ok(V::Bool(field_of(parent).exists())),
            ("remove", 0) => {
                field_of(parent).remove_ref(it, doc)?;
                Ok(V::Null)
            }
            _ => Err(not_found(recv, name, n)),
        },
        NestedObj::Docs { field, value } => match (name, n) {
            ("iterator", 0) => Ok(V::obj(Obj::Nested(NestedObj::Iter(RefCell::new(
                DocsIter::new(field, value),
            ))))),
            ("forEach", 1) => {
                let mut iter = DocsIter::new(field, value);
                while iter.has_next() {
                    let doc = iter.next()?;
                    it.call_fn(&args[0], vec![doc])?;
                }
                Ok(V::Null)
            }
            _ if ITERABLE_AUGMENTATIONS.contains(&name) => {
                let docs = V::new_list(DocsIter::new(field, value).rest()?);
                let out = super::collections::list_call(it, &docs, name, args)?;
                // `each` and `eachWithIndex` return their receiver
                Ok(if matches!(name, "each" | "eachWithIndex") {
                    recv.clone()
                } else {
                    out
                })
            }
            _ => Err(not_found(recv, name, n)),
        },
        NestedObj::Iter(st) => match (name, n) {
            ("hasNext", 0) => Ok(V::Bool(st.borrow().has_next())),
            ("next", 0) => st.borrow_mut().next(),
            ("remove", 0) => {
                st.borrow_mut().remove(it)?;
                Ok(V::Null)
            }
            ("forEachRemaining", 1) => {
                while st.borrow().has_next() {
                    let doc = st.borrow_mut().next()?;
                    it.call_fn(&args[0], vec![doc])?;
                }
                Ok(V::Null)
            }
            _ => Err(not_found(recv, name, n)),
        },
    }
}
