//! The ingest field API: `field(path)` (`WriteField`) and `$(path, default)`.
//!
//! Path resolution follows `WriteField.resolveDepthFlat`: walk maps segment by segment; when a
//! segment is not a map, the rest of the path is tried as one dotted key.
//!
//! Unlike `WriteField`, which caches the resolved container and leaf, every operation resolves
//! the path afresh (the same answers as long as the script does not restructure the document
//! behind a field's back).

use super::nested_document::{self, NestedObj};
use super::{not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::{get_index, Interp, R};
use crate::painless::rt::*;
use crate::value::CollectionKind;
use std::cell::RefCell;

/// A `WriteField`: a path and the map it is resolved from (`ctx`, or a `NestedDocument`'s map).
/// Both change when the field is moved (`move`/`overwrite` make it point at the destination).
pub struct FieldObj {
    root: RefCell<V>,
    path: RefCell<String>,
}

fn is_map(v: &V) -> bool {
    match v {
        V::Map(_) => true,
        V::Doc(d) => d.map().is_some(),
        _ => false,
    }
}

fn contains_key(m: &V, k: &str) -> bool {
    match m {
        V::Map(mm) => mm.borrow().get_str(k).is_some(),
        V::Doc(d) => d.map().map(|x| x.contains_key(k)).unwrap_or(false),
        _ => false,
    }
}

fn get(m: &V, k: &str) -> V {
    get_index(m, &V::str(k)).unwrap_or(V::Null)
}

fn put(m: &V, k: &str, v: V) -> R<()> {
    match m {
        V::Map(mm) => {
            mm.borrow_mut().put(V::str(k), v)?;
            Ok(())
        }
        _ => Err(Thrown::unsupported(Some(
            "Mutating ingest documents in conditionals is not supported".into(),
        ))),
    }
}

impl FieldObj {
    pub fn new(root: V, path: String) -> FieldObj {
        FieldObj {
            root: RefCell::new(root),
            path: RefCell::new(path),
        }
    }

    pub fn path(&self) -> String {
        self.path.borrow().clone()
    }

    fn root(&self) -> V {
        self.root.borrow().clone()
    }

    /// (container, leaf) if the path resolves.
    fn resolve(&self) -> Option<(V, String)> {
        let mut container = self.root();
        let path = &self.path();
        let mut last = 0;
        while let Some(rel) = path[last..].find('.') {
            let idx = last + rel;
            let seg = &path[last..idx];
            let value = get(&container, seg);
            if is_map(&value) {
                container = value;
                last = idx + 1;
            } else {
                let rest = &path[last..];
                if contains_key(&container, rest) {
                    return Some((container, rest.to_string()));
                }
                return None;
            }
        }
        Some((container, path[last..].to_string()))
    }

    /// `createDepth`: creates maps for missing segments.
    fn create(&self) -> R<(V, String)> {
        if let Some((c, leaf)) = self.resolve() {
            return Ok((c, leaf));
        }
        let mut container = self.root();
        let path = self.path();
        let mut segments: Vec<&str> = path.split('.').collect();
        while segments.len() > 1 && segments.last() == Some(&"") {
            segments.pop();
        }
        for (i, seg) in segments[..segments.len() - 1].iter().enumerate() {
            if !contains_key(&container, seg) {
                let next = V::new_map(CollectionKind::Hash);
                put(&container, seg, next.clone())?;
                container = next;
                continue;
            }
            let value = get(&container, seg);
            if is_map(&value) {
                container = value;
            } else {
                return Err(Thrown::iae(format!(
                    "Segment [{i}:'{seg}'] has value [{}] of type [{}]",
                    to_java_string(&value),
                    class_name(&value)
                )));
            }
        }
        Ok((container, segments[segments.len() - 1].to_string()))
    }

    fn lookup(&self) -> Option<V> {
        let (c, leaf) = self.resolve()?;
        if contains_key(&c, &leaf) {
            Some(get(&c, &leaf))
        } else {
            None
        }
    }

    /// Values at the path (a list's elements, or the single value).
    pub fn values(&self) -> R<Vec<V>> {
        match self.lookup() {
            None => Ok(Vec::new()),
            Some(v) => match as_seq(&v) {
                Some(seq) if seq.is_list => Ok(seq.items),
                _ => Ok(vec![v]),
            },
        }
    }

    /// `exists()`: the leaf is a key of its container (its value may be `null`).
    pub fn exists(&self) -> bool {
        self.resolve()
            .map(|(c, l)| contains_key(&c, &l))
            .unwrap_or(false)
    }

    /// `remove()`.
    pub fn remove(&self) -> R<()> {
        if let Some((c, leaf)) = self.resolve() {
            match &c {
                V::Map(m) => {
                    m.borrow_mut().remove(&V::str(&leaf))?;
                }
                _ => {
                    return Err(Thrown::unsupported(Some(
                        "Mutating ingest documents in conditionals is not supported".into(),
                    )))
                }
            }
        }
        Ok(())
    }

    /// `set(value)`: creates the path as needed; a `NestedDocument` cannot be a value.
    fn set(&self, value: V) -> R<()> {
        let (c, leaf) = self.create()?;
        if let Some(doc) = nested_document::doc_map(&value) {
            return Err(Thrown::iae(format!(
                "cannot set NestedDocument [{}] as path [{}]",
                to_java_string(&doc),
                self.path()
            )));
        }
        put(&c, &leaf, value)
    }

    /// `remove(Object)` (package-private, for `NestedDocument.remove()`): removes `doc` from the
    /// list at the path by reference, or the whole value if it is not a list. `WriteField`
    /// compares the current value with itself in the second case (`container.get(leaf) == value`),
    /// so a single value goes whatever it is.
    pub fn remove_ref(&self, it: &mut Interp, doc: &V) -> R<()> {
        let Some(value) = self.lookup() else {
            return Ok(());
        };
        match &value {
            V::List(l) => {
                let pos = l.borrow().items.iter().position(|x| same_ref(x, doc));
                if let Some(i) = pos {
                    super::collections::list_call(it, &value, "remove", vec![V::Int(i as i32)])?;
                }
                Ok(())
            }
            _ => self.remove(),
        }
    }

    /// `overwrite(String)` / `overwrite(WriteField)`: moves the value (or its absence) to
    /// `path`, resolved from `root` (the other field's root) or this field's root.
    fn overwrite(&self, path: String, root: Option<V>) -> R<()> {
        let value = self.lookup();
        self.remove()?;
        *self.path.borrow_mut() = path;
        if let Some(root) = root {
            *self.root.borrow_mut() = root;
        }
        match value {
            // a missing source removes the destination
            None => self.remove(),
            Some(v) => self.set(v),
        }
    }

    /// `getDocsAsList()`: the list of maps at the path (a map becomes a one-element list, written
    /// back), `None` if the path has no value.
    fn docs_as_list(&self) -> R<Option<V>> {
        match self.lookup() {
            None => Ok(None),
            Some(v) if is_java_list(&v) => Ok(Some(v)),
            Some(v @ V::Map(_)) => {
                let docs = V::new_list(vec![v]);
                self.set(docs.clone())?;
                Ok(Some(docs))
            }
            Some(v) => Err(Thrown::new(
                "IllegalStateException",
                format!(
                    "Unexpected value [{}] of type [{}] at path [{}], expected Map or List of Map",
                    to_java_string(&v),
                    type_name(&v),
                    self.path()
                ),
            )),
        }
    }
}

/// `WriteField.typeName`: the class name, `null` for null.
pub fn type_name(v: &V) -> String {
    if v.is_null() {
        "null".into()
    } else {
        class_name(v)
    }
}

/// `value instanceof List` (an `ArrayDeque` shares the list storage but is no `List`).
pub fn is_java_list(v: &V) -> bool {
    matches!(v, V::List(l) if l.borrow().kind != ListKind::ArrayDeque)
}

/// Reference equality (`==`) of two maps.
fn same_ref(a: &V, b: &V) -> bool {
    matches!((a, b), (V::Map(x), V::Map(y)) if std::rc::Rc::ptr_eq(x, y))
}

pub fn builtin(it: &mut Interp, name: &str, args: Vec<V>) -> R<V> {
    if name == "metadata" {
        return Ok(V::obj(Obj::Metadata(it.ctx.clone())));
    }
    let path = super::arg_str(&args[0])?.to_string();
    let f = FieldObj::new(it.ctx.clone(), path);
    match name {
        "field" => Ok(V::obj(Obj::Field(f))),
        _ => Ok(f.lookup().unwrap_or_else(|| args[1].clone())),
    }
}

/// `metadata()` (ingest `Metadata`): typed access to the `_index`, `_id`, ... keys of `ctx`.
pub fn metadata_call(ctx: &V, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let key = match name.get(3..).unwrap_or("") {
        "Index" => "_index",
        "Id" => "_id",
        "Routing" => "_routing",
        "Version" => "_version",
        "VersionType" => "_version_type",
        _ => {
            if name == "getNow" {
                return Err(Thrown::unsupported(Some(
                    "metadata().getNow() is not available: scripts have no clock access here"
                        .into(),
                )));
            }
            return Err(not_found(recv, name, args.len()));
        }
    };
    match (&name[..3], args.len()) {
        ("get", 0) => Ok(get(ctx, key)),
        ("set", 1) => {
            let v = args.into_iter().next().unwrap_or_default();
            if key == "_version" && !v.is_null() && !matches!(v, V::Int(_) | V::Long(_)) {
                return Err(Thrown::iae(format!(
                    "_version must be representable as a long without loss of precision or null, not [{}]",
                    to_java_string(&v)
                )));
            }
            if key != "_version" && !v.is_null() && str_of(&v).is_none() {
                return Err(Thrown::iae(format!(
                    "{key} must be null or a String but was [{}] with type [{}]",
                    to_java_string(&v),
                    class_name(&v)
                )));
            }
            put(ctx, key, v)?;
            Ok(V::Null)
        }
        _ => Err(not_found(recv, name, args.len())),
    }
}

pub fn call(it: &mut Interp, f: &FieldObj, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match (name, n) {
        ("getName", 0) => Ok(V::str(&f.path())),
        ("exists", 0) => Ok(V::Bool(f.exists())),
        ("get", 1) => Ok(f.lookup().unwrap_or_else(|| args[0].clone())),
        ("get", 2) => {
            let idx = super::arg_int(&args[0])?;
            match f.lookup() {
                None => Ok(args[1].clone()),
                Some(v) => match as_seq(&v) {
                    Some(seq) if seq.is_list => Ok(seq
                        .items
                        .get(idx.max(0) as usize)
                        .filter(|_| idx >= 0)
                        .cloned()
                        .unwrap_or_else(|| args[1].clone())),
                    _ if idx == 0 => Ok(v),
                    _ => Ok(args[1].clone()),
                },
            }
        }
        ("set", 1) => {
            f.set(args[0].clone())?;
            Ok(recv.clone())
        }
        ("append", 1) => {
            let (c, leaf) = f.create()?;
            if let Some(doc) = nested_document::doc_map(&args[0]) {
                return Err(Thrown::iae(format!(
                    "cannot append NestedDocument [{}] to path [{}]",
                    to_java_string(&doc),
                    f.path()
                )));
            }
            let cur = if contains_key(&c, &leaf) {
                Some(get(&c, &leaf))
            } else {
                None
            };
            match cur {
                Some(V::List(l)) => l.borrow_mut().items.push(args[0].clone()),
                Some(V::Null) | None => put(&c, &leaf, V::new_list(vec![args[0].clone()]))?,
                Some(other) => put(&c, &leaf, V::new_list(vec![other, args[0].clone()]))?,
            }
            Ok(recv.clone())
        }
        ("move" | "overwrite", 1) => {
            // `move(Object)` / `overwrite(Object)` dispatch on the argument's class
            let (path, root) = match &args[0] {
                V::Str(s) => (s.to_string(), None),
                V::Obj(o) if matches!(&**o, Obj::Field(_)) => {
                    let Obj::Field(dest) = &**o else {
                        unreachable!()
                    };
                    (dest.path(), Some(dest.root()))
                }
                other => {
                    return Err(Thrown::iae(format!(
                        "Cannot call {name} with [{}], must be String or WriteField, not [{}]",
                        to_java_string(other),
                        type_name(other)
                    )))
                }
            };
            if name == "move" {
                let dest = FieldObj::new(root.clone().unwrap_or_else(|| f.root()), path.clone());
                if !dest.values()?.is_empty() {
                    return Err(Thrown::iae(format!(
                        "Cannot move to non-empty destination [{path}]"
                    )));
                }
            }
            f.overwrite(path, root)?;
            Ok(recv.clone())
        }
        ("remove", 0) => {
            f.remove()?;
            Ok(V::Null)
        }
        ("doc", 0) => {
            let doc = V::new_map(CollectionKind::Hash);
            match f.docs_as_list()? {
                None => f.set(doc.clone())?,
                Some(docs) => {
                    super::collections::list_call(it, &docs, "add", vec![doc.clone()])?;
                }
            }
            Ok(nested_document::new_doc(recv, doc))
        }
        ("doc", 1) => {
            let index = super::arg_int(&args[0])?;
            let docs = match f.docs_as_list()? {
                Some(docs) => docs,
                None if index == 0 => {
                    let doc = V::new_map(CollectionKind::Hash);
                    f.set(doc.clone())?;
                    return Ok(nested_document::new_doc(recv, doc));
                }
                None => {
                    // `new ArrayList<>(index + 1)`
                    let capacity = index.wrapping_add(1);
                    if capacity < 0 {
                        return Err(Thrown::iae(format!("Illegal Capacity: {capacity}")));
                    }
                    let docs = V::new_list(Vec::new());
                    f.set(docs.clone())?;
                    docs
                }
            };
            let V::List(l) = &docs else {
                unreachable!("docs_as_list gives lists")
            };
            let len = l.borrow().items.len();
            if index < 0 {
                return Err(Thrown::new(
                    "IndexOutOfBoundsException",
                    format!("Index {index} out of bounds for length {len}"),
                ));
            }
            if (index as usize) < len {
                // `new NestedDocument(this, docs.get(index))`: the element is cast to Map, and
                // the constructor rejects null
                let item = l.borrow().items[index as usize].clone();
                return match item {
                    V::Map(_) => Ok(nested_document::new_doc(recv, item)),
                    V::Null => Err(Thrown::npe(None)),
                    other => {
                        let c = class_name(&other);
                        Err(Thrown::cce(format!(
                            "class {c} cannot be cast to class java.util.Map ({c} and java.util.Map are in module java.base of loader 'bootstrap')"
                        )))
                    }
                };
            }
            for _ in len..index as usize {
                let filler = V::new_map(CollectionKind::Hash);
                super::collections::list_call(it, &docs, "add", vec![filler])?;
            }
            let doc = V::new_map(CollectionKind::Hash);
            super::collections::list_call(it, &docs, "add", vec![doc.clone()])?;
            Ok(nested_document::new_doc(recv, doc))
        }
        ("docs", 0) => match f.lookup() {
            None => super::collections::empty_collection("emptyList"),
            Some(v) if matches!(v, V::Map(_)) || is_java_list(&v) => {
                Ok(V::obj(Obj::Nested(NestedObj::Docs {
                    field: recv.clone(),
                    value: v,
                })))
            }
            Some(v) => Err(Thrown::new(
                "IllegalStateException",
                format!(
                    "Unexpected value [{}] of type [{}] at [{}] for docs()",
                    to_java_string(&v),
                    type_name(&v),
                    f.path()
                ),
            )),
        },
        ("isEmpty", 0) => Ok(V::Bool(f.values()?.is_empty())),
        ("size", 0) => Ok(V::Int(f.values()?.len() as i32)),
        ("iterator", 0) => Ok(V::obj(Obj::Iterator(std::cell::RefCell::new(
            super::IterState {
                items: f.values()?,
                pos: 0,
                source: None,
            },
        )))),
        ("hasValue", 1) => {
            for v in f.values()? {
                if matches!(it.call_fn(&args[0], vec![v])?, V::Bool(true)) {
                    return Ok(V::Bool(true));
                }
            }
            Ok(V::Bool(false))
        }
        ("transform", 1) => {
            if let Some((c, leaf)) = f.resolve() {
                if contains_key(&c, &leaf) {
                    match get(&c, &leaf) {
                        V::List(l) => {
                            let items = l.borrow().items.clone();
                            let mut out = Vec::with_capacity(items.len());
                            for x in items {
                                out.push(it.call_fn(&args[0], vec![x])?);
                            }
                            l.borrow_mut().items = out;
                        }
                        v => {
                            let nv = it.call_fn(&args[0], vec![v])?;
                            put(&c, &leaf, nv)?;
                        }
                    }
                }
            }
            Ok(recv.clone())
        }
        ("removeValuesIf", 1) => {
            if let Some((c, leaf)) = f.resolve() {
                if contains_key(&c, &leaf) {
                    match get(&c, &leaf) {
                        V::List(l) => {
                            let items = l.borrow().items.clone();
                            let mut keep = Vec::new();
                            for x in items {
                                if !matches!(it.call_fn(&args[0], vec![x.clone()])?, V::Bool(true))
                                {
                                    keep.push(x);
                                }
                            }
                            l.borrow_mut().items = keep;
                        }
                        v => {
                            if matches!(it.call_fn(&args[0], vec![v])?, V::Bool(true)) {
                                if let V::Map(m) = &c {
                                    m.borrow_mut().remove(&V::str(&leaf))?;
                                }
                            }
                        }
                    }
                }
            }
            Ok(recv.clone())
        }
        ("deduplicate", 0) => {
            if let Some(V::List(l)) = f.lookup() {
                let items = l.borrow().items.clone();
                let set = V::new_set(CollectionKind::Hash);
                if let V::Set(s) = &set {
                    for x in items {
                        s.borrow_mut().add(x)?;
                    }
                    l.borrow_mut().items = set_items(&s.borrow());
                }
            }
            Ok(recv.clone())
        }
        ("removeValue", 1) => {
            let idx = super::arg_int(&args[0])?;
            if let Some((c, leaf)) = f.resolve() {
                if contains_key(&c, &leaf) {
                    match get(&c, &leaf) {
                        V::List(l) => {
                            let mut l = l.borrow_mut();
                            if idx >= 0 && (idx as usize) < l.items.len() {
                                l.items.remove(idx as usize);
                            }
                        }
                        _ if idx == 0 => {
                            if let V::Map(m) = &c {
                                m.borrow_mut().remove(&V::str(&leaf))?;
                            }
                        }
                        _ => {}
                    }
                }
            }
            Ok(recv.clone())
        }
        _ => Err(not_found(recv, name, n)),
    }
}
