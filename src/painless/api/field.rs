//! The ingest field API: `field(path)` (`WriteField`) and `$(path, default)`.
//!
//! Path resolution follows `WriteField.resolveDepthFlat`: walk maps segment by segment; when a
//! segment is not a map, the rest of the path is tried as one dotted key.

use super::{not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::{get_index, Interp, R};
use crate::painless::rt::*;
use crate::value::CollectionKind;

pub struct FieldObj {
    pub root: V,
    pub path: String,
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
    /// (container, leaf) if the path resolves.
    fn resolve(&self) -> Option<(V, String)> {
        let mut container = self.root.clone();
        let path = &self.path;
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
        let mut container = self.root.clone();
        let mut segments: Vec<&str> = self.path.split('.').collect();
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
}

pub fn builtin(it: &mut Interp, name: &str, args: Vec<V>) -> R<V> {
    if name == "metadata" {
        return Ok(V::obj(Obj::Metadata(it.ctx.clone())));
    }
    let path = super::arg_str(&args[0])?.to_string();
    let f = FieldObj {
        root: it.ctx.clone(),
        path,
    };
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
        ("getName", 0) => Ok(V::str(&f.path)),
        ("exists", 0) => Ok(V::Bool(
            f.resolve()
                .map(|(c, l)| contains_key(&c, &l))
                .unwrap_or(false),
        )),
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
            let (c, leaf) = f.create()?;
            put(&c, &leaf, args[0].clone())?;
            Ok(recv.clone())
        }
        ("append", 1) => {
            let (c, leaf) = f.create()?;
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
        ("remove", 0) => {
            if let Some((c, leaf)) = f.resolve() {
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
            Ok(V::Null)
        }
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
