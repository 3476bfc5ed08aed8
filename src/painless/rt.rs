//! Runtime values with Java reference semantics.
//!
//! Containers are shared (`Rc<RefCell<..>>`) so that aliases mutate the same object, as in Java.
//! Documents are converted into this form for script processors; conditions instead read the
//! document in place through [`DocRef`] (read-only, no copy).

use crate::value::{
    format_java_double, format_java_float, grown_capacity, java_string_cmp, java_string_hash,
    CollectionKind, Map as DocMap, Set as DocSet, Value,
};
use indexmap::{Equivalent, IndexMap, IndexSet};
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::Arc;

use super::ast::Ty;
use super::ctx_access::{Need, Reach};
use super::error::Thrown;

#[derive(Clone, Default)]
pub enum V {
    #[default]
    Null,
    Bool(bool),
    Byte(i8),
    Short(i16),
    Char(u16),
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    Str(Arc<str>),
    List(Rc<RefCell<ListObj>>),
    Map(Rc<RefCell<MapObj>>),
    Set(Rc<RefCell<SetObj>>),
    Array(Rc<RefCell<ArrayObj>>),
    /// Read-only view into the caller's document (conditions).
    Doc(DocRef),
    Obj(Rc<super::api::Obj>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    ArrayList,
    LinkedList,
    /// `ArrayDeque`: a `Deque`, not a `List` (kept in the same storage).
    ArrayDeque,
    /// `List.of`, `Collections.unmodifiableList` and friends.
    Immutable,
    /// `Arrays.asList`: fixed size, but `set`, `sort` and `replaceAll` work.
    FixedSize,
}

pub struct ListObj {
    pub items: Vec<V>,
    pub kind: ListKind,
}

pub struct MapObj {
    pub map: RtMap,
    pub kind: CollectionKind,
    pub immutable: bool,
    /// The ingest `ctx` itself: iterates like Elasticsearch's `CtxMap` (source, then metadata).
    pub ctx_root: bool,
    /// For `ctx`: the table its source map started with (see [`ctx_order`]).
    pub ctx_source_table: usize,
    /// `HashMap` table size (0 = not allocated yet). Tables never shrink, so iteration order
    /// depends on the map's history, not just its current size.
    pub cap: usize,
    /// Set on a copy of a document map that holds only the keys a script can reach
    /// ([`from_map_reach`]): the keys removed from it since, which the write-back must remove
    /// from the document (and move to the end, if the script wrote them again).
    pub removed_from_part: Option<Vec<String>>,
}

/// Metadata keys of an ingest document's `ctx` (`IngestDocMetadata`).
pub use crate::document::METADATA_KEYS;

/// `CtxMap` iteration: the source map's entries (a `HashMap` whose table started at
/// `source_table`: `IngestCtxMap` copies the source with `new HashMap<>(source)`), then the
/// metadata entries (also hash-ordered among themselves).
pub fn ctx_order<'a>(keys: impl Iterator<Item = &'a str>, source_table: usize) -> Vec<usize> {
    let keys: Vec<&str> = keys.collect();
    let (meta, source): (Vec<usize>, Vec<usize>) =
        (0..keys.len()).partition(|i| METADATA_KEYS.contains(&keys[*i]));
    let mut out: Vec<usize> = crate::value::java_hash_order_in_table(
        source.iter().map(|i| java_string_hash(keys[*i])),
        grown_capacity(source_table, source.len()),
    )
    .into_iter()
    .map(|j| source[j])
    .collect();
    out.extend(
        crate::value::java_hash_order(meta.iter().map(|i| java_string_hash(keys[*i])))
            .into_iter()
            .map(|j| meta[j]),
    );
    out
}

pub struct SetObj {
    pub set: RtSet,
    pub kind: CollectionKind,
    pub immutable: bool,
    /// Table size of the backing `HashMap` (see [`MapObj::cap`]).
    pub cap: usize,
}

pub use crate::value::{presized_capacity, table_size_for};

/// Iteration order of a hash table of the given capacity: by bucket, insertion order within.
pub fn hash_order_with_capacity(
    hashes: impl ExactSizeIterator<Item = i32>,
    cap: usize,
) -> Vec<usize> {
    let cap = grown_capacity(cap, hashes.len());
    crate::value::java_hash_order_in_table(hashes, cap)
}

pub struct ArrayObj {
    pub elem: Ty,
    pub items: Vec<V>,
}

/// A pointer into a document that outlives the script run that reads it.
///
/// Only `Script::execute_condition` creates these, from a `&Map` it holds for the whole run; no
/// `V` survives the run (the interpreter and its frames are dropped before it returns).
#[derive(Clone, Copy)]
pub enum DocRef {
    Map(*const DocMap),
    Val(*const Value),
}

pub enum DocNode<'a> {
    Map(&'a DocMap),
    Val(&'a Value),
}

impl DocRef {
    pub fn node(&self) -> DocNode<'_> {
        // SAFETY: see the type's documentation: the referent outlives every `V` of the run.
        unsafe {
            match self {
                DocRef::Map(m) => DocNode::Map(&**m),
                DocRef::Val(v) => DocNode::Val(&**v),
            }
        }
    }
    pub fn map(&self) -> Option<&DocMap> {
        match self.node() {
            DocNode::Map(m) => Some(m),
            DocNode::Val(Value::Map(m)) => Some(m),
            _ => None,
        }
    }
}

/// Wraps a borrowed document value as a runtime value without copying containers.
pub fn doc_value(v: &Value) -> V {
    match v {
        Value::Null => V::Null,
        Value::Bool(b) => V::Bool(*b),
        Value::Int(i) => V::Int(*i),
        Value::Long(l) => V::Long(*l),
        Value::Float(f) => V::Float(*f),
        Value::Double(d) => V::Double(*d),
        Value::Time(t) => V::obj(super::api::Obj::Time((**t).clone())),
        _ => V::Doc(DocRef::Val(v as *const Value)),
    }
}

/// Runtime map storage. Iteration order is the `IndexMap`'s insertion order (Java order is
/// computed separately), so the hasher only affects speed.
pub type RtMap = IndexMap<HKey, V, KeyHashBuild>;
/// Runtime set storage (see [`RtMap`]).
pub type RtSet = IndexSet<HKey, KeyHashBuild>;

/// Keys hash to their Java `hashCode` (one `i32`), so a keyed SipHash adds cost without adding
/// collision resistance: keys with equal Java hashes collide either way. This just spreads the
/// `i32` over the 64 bits the table uses.
#[derive(Clone, Copy, Default)]
pub struct KeyHashBuild;

impl std::hash::BuildHasher for KeyHashBuild {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_i32(&mut self, i: i32) {
        self.0 = (self.0.rotate_left(5) ^ i as u32 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// Map key with Java `hashCode`/`equals`. The hash is taken once, when the key is made, as
/// `java.util.HashMap.Node` keeps it: lookups and iteration order use the stored hash.
#[derive(Clone)]
pub struct HKey(pub V, pub i32);

impl HKey {
    pub fn new(v: V) -> HKey {
        let h = hash_code(&v);
        HKey(v, h)
    }
}

impl Hash for HKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i32(self.1);
    }
}
impl PartialEq for HKey {
    fn eq(&self, other: &Self) -> bool {
        java_equals(&self.0, &other.0)
    }
}
impl Eq for HKey {}

/// Borrowed string key for allocation-free lookups.
pub struct StrKey<'a>(pub &'a str);
impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i32(java_string_hash(self.0));
    }
}
impl Equivalent<HKey> for StrKey<'_> {
    fn equivalent(&self, key: &HKey) -> bool {
        str_of(&key.0) == Some(self.0)
    }
}

impl V {
    pub fn str(s: &str) -> V {
        V::Str(Arc::from(s))
    }
    pub fn string(s: String) -> V {
        V::Str(Arc::from(s))
    }
    pub fn is_null(&self) -> bool {
        matches!(self, V::Null)
    }
    pub fn new_list(items: Vec<V>) -> V {
        V::List(Rc::new(RefCell::new(ListObj {
            items,
            kind: ListKind::ArrayList,
        })))
    }
    pub fn new_list_kind(items: Vec<V>, kind: ListKind) -> V {
        V::List(Rc::new(RefCell::new(ListObj { items, kind })))
    }
    pub fn new_map(kind: CollectionKind) -> V {
        V::Map(Rc::new(RefCell::new(MapObj {
            map: RtMap::default(),
            kind,
            immutable: false,
            ctx_root: false,
            ctx_source_table: 0,
            cap: 0,
            removed_from_part: None,
        })))
    }
    pub fn new_set(kind: CollectionKind) -> V {
        V::Set(Rc::new(RefCell::new(SetObj {
            set: RtSet::default(),
            kind,
            immutable: false,
            cap: 0,
        })))
    }
    pub fn obj(o: super::api::Obj) -> V {
        V::Obj(Rc::new(o))
    }

    /// Is this a Java `Number` (boxed numeric)?
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            V::Byte(_) | V::Short(_) | V::Int(_) | V::Long(_) | V::Float(_) | V::Double(_)
        )
    }
}

pub fn str_of(v: &V) -> Option<&str> {
    match v {
        V::Str(s) => Some(s),
        V::Doc(d) => match d.node() {
            DocNode::Val(Value::String(s)) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

// ----- Java class names -----

/// Fully qualified Java class name of the runtime value (`getClass().getName()`).
pub fn class_name(v: &V) -> String {
    match v {
        V::Null => "null".into(),
        V::Bool(_) => "java.lang.Boolean".into(),
        V::Byte(_) => "java.lang.Byte".into(),
        V::Short(_) => "java.lang.Short".into(),
        V::Char(_) => "java.lang.Character".into(),
        V::Int(_) => "java.lang.Integer".into(),
        V::Long(_) => "java.lang.Long".into(),
        V::Float(_) => "java.lang.Float".into(),
        V::Double(_) => "java.lang.Double".into(),
        V::Str(_) => "java.lang.String".into(),
        V::List(l) => match l.borrow().kind {
            ListKind::ArrayList => "java.util.ArrayList".into(),
            ListKind::LinkedList => "java.util.LinkedList".into(),
            ListKind::ArrayDeque => "java.util.ArrayDeque".into(),
            ListKind::Immutable => "java.util.ImmutableCollections$ListN".into(),
            ListKind::FixedSize => "java.util.Arrays$ArrayList".into(),
        },
        V::Map(m) => map_class(m.borrow().kind).into(),
        V::Set(s) => set_class(s.borrow().kind).into(),
        V::Array(a) => format!("{}[]", a.borrow().elem.name()),
        V::Doc(d) => match d.node() {
            DocNode::Map(_) => {
                "org.elasticsearch.ingest.ConditionalProcessor$UnmodifiableIngestData".into()
            }
            DocNode::Val(v) => match v {
                Value::Map(_) => {
                    "org.elasticsearch.ingest.ConditionalProcessor$UnmodifiableIngestData".into()
                }
                Value::List(_) => {
                    "org.elasticsearch.ingest.ConditionalProcessor$UnmodifiableIngestList".into()
                }
                other => other.java_class_name().into(),
            },
        },
        V::Obj(o) => o.class_name(),
    }
}

/// Short type name used by the CLI (`int`, `String`, `ArrayList`, ...): primitives for boxed
/// numbers, simple class names otherwise.
pub fn short_type_name(v: &V) -> String {
    match v {
        V::Null => "null".into(),
        V::Bool(_) => "boolean".into(),
        V::Byte(_) => "byte".into(),
        V::Short(_) => "short".into(),
        V::Char(_) => "char".into(),
        V::Int(_) => "int".into(),
        V::Long(_) => "long".into(),
        V::Float(_) => "float".into(),
        V::Double(_) => "double".into(),
        V::Str(_) => "String".into(),
        V::Array(a) => format!("{}[]", a.borrow().elem.name()),
        _ => {
            let full = class_name(v);
            let simple = full.rsplit('.').next().unwrap_or(&full).to_string();
            match simple.as_str() {
                "ImmutableCollections$ListN" | "Arrays$ArrayList" => "List".into(),
                "ConditionalProcessor$UnmodifiableIngestData" => "Map".into(),
                "ConditionalProcessor$UnmodifiableIngestList" => "List".into(),
                _ => simple,
            }
        }
    }
}

pub fn map_class(kind: CollectionKind) -> &'static str {
    match kind {
        CollectionKind::Hash => "java.util.HashMap",
        CollectionKind::Linked => "java.util.LinkedHashMap",
        CollectionKind::Tree => "java.util.TreeMap",
    }
}
pub fn set_class(kind: CollectionKind) -> &'static str {
    match kind {
        CollectionKind::Hash => "java.util.HashSet",
        CollectionKind::Linked => "java.util.LinkedHashSet",
        CollectionKind::Tree => "java.util.TreeSet",
    }
}

/// `instanceof` / cast check against a Painless reference type name.
pub fn is_instance(v: &V, class: &str) -> bool {
    if v.is_null() {
        return false;
    }
    let doc_kind = |d: &DocRef| -> u8 {
        match d.node() {
            DocNode::Map(_) => 1,
            DocNode::Val(Value::Map(_)) => 1,
            DocNode::Val(Value::List(_)) => 2,
            DocNode::Val(Value::Set(_)) => 3,
            DocNode::Val(Value::String(_)) => 4,
            _ => 0,
        }
    };
    match class {
        "Object" => true,
        "def" => true,
        "String" | "CharSequence" => match v {
            V::Str(_) => true,
            V::Doc(d) => doc_kind(d) == 4,
            V::Obj(o) if class == "CharSequence" => o.is_instance("CharSequence"),
            _ => false,
        },
        "Number" => v.is_number(),
        "Integer" => matches!(v, V::Int(_)),
        "Long" => matches!(v, V::Long(_)),
        "Double" => matches!(v, V::Double(_)),
        "Float" => matches!(v, V::Float(_)),
        "Short" => matches!(v, V::Short(_)),
        "Byte" => matches!(v, V::Byte(_)),
        "Character" => matches!(v, V::Char(_)),
        "Boolean" => matches!(v, V::Bool(_)),
        "Map" => match v {
            V::Map(_) => true,
            V::Doc(d) => doc_kind(d) == 1,
            // a sorted map's headMap/tailMap/... view
            V::Obj(o) => o.is_instance(class),
            _ => false,
        },
        "HashMap" => matches!(v, V::Map(m) if m.borrow().kind != CollectionKind::Tree),
        "LinkedHashMap" => matches!(v, V::Map(m) if m.borrow().kind == CollectionKind::Linked),
        "TreeMap" => matches!(v, V::Map(m) if m.borrow().kind == CollectionKind::Tree),
        "List" => match v {
            V::List(l) => l.borrow().kind != ListKind::ArrayDeque,
            V::Doc(d) => doc_kind(d) == 2,
            _ => false,
        },
        "ArrayList" => matches!(v, V::List(l) if l.borrow().kind == ListKind::ArrayList),
        "LinkedList" => matches!(v, V::List(l) if l.borrow().kind == ListKind::LinkedList),
        "ArrayDeque" => matches!(v, V::List(l) if l.borrow().kind == ListKind::ArrayDeque),
        "Deque" | "Queue" => matches!(
            v,
            V::List(l) if matches!(l.borrow().kind, ListKind::LinkedList | ListKind::ArrayDeque)
        ),
        "Set" => match v {
            V::Set(_) => true,
            V::Doc(d) => doc_kind(d) == 3,
            // keySet()/entrySet() and a sorted set's views
            V::Obj(o) => o.is_instance(class),
            _ => false,
        },
        "HashSet" => matches!(v, V::Set(s) if s.borrow().kind != CollectionKind::Tree),
        "LinkedHashSet" => matches!(v, V::Set(s) if s.borrow().kind == CollectionKind::Linked),
        "TreeSet" => matches!(v, V::Set(s) if s.borrow().kind == CollectionKind::Tree),
        // the java.util skeleton classes: the JDK collections that extend them (the unmodifiable
        // and `List.of` lists, and the read-only views conditions see, do not)
        "AbstractCollection" => match v {
            V::List(l) => l.borrow().kind != ListKind::Immutable,
            V::Set(_) => true,
            _ => false,
        },
        "AbstractList" => matches!(
            v,
            V::List(l) if matches!(
                l.borrow().kind,
                ListKind::ArrayList | ListKind::LinkedList | ListKind::FixedSize
            )
        ),
        "AbstractSequentialList" => {
            matches!(v, V::List(l) if l.borrow().kind == ListKind::LinkedList)
        }
        "AbstractSet" => matches!(v, V::Set(_)),
        "AbstractMap" => matches!(v, V::Map(_)),
        "AbstractQueue" => false,
        "Collection" | "Iterable" => match v {
            V::List(_) | V::Set(_) => true,
            V::Doc(d) => matches!(doc_kind(d), 2 | 3),
            V::Obj(o) => o.is_collection(),
            _ => false,
        },
        _ => match v {
            V::Obj(o) => o.is_instance(class),
            _ => false,
        },
    }
}

pub fn is_instance_ty(v: &V, ty: &Ty) -> bool {
    match ty {
        Ty::Def => !v.is_null(),
        Ty::Class(c) => is_instance(v, c),
        // reference arrays are covariant (String[] is an Object[])
        Ty::Array(e) => matches!(v, V::Array(a) if {
            let have = &a.borrow().elem;
            have == &**e
                || (!have.is_primitive()
                    && matches!(**e, Ty::Def | Ty::Class("Object")))
        }),
        Ty::Bool => matches!(v, V::Bool(_)),
        Ty::Byte => matches!(v, V::Byte(_)),
        Ty::Short => matches!(v, V::Short(_)),
        Ty::Char => matches!(v, V::Char(_)),
        Ty::Int => matches!(v, V::Int(_)),
        Ty::Long => matches!(v, V::Long(_)),
        Ty::Float => matches!(v, V::Float(_)),
        Ty::Double => matches!(v, V::Double(_)),
        Ty::Void => false,
    }
}

// ----- equality, hashing, ordering -----

/// `Object.equals` (no numeric promotion: `Integer(1).equals(Long(1))` is false).
pub fn java_equals(a: &V, b: &V) -> bool {
    use V::*;
    match (a, b) {
        (Null, Null) => true,
        (Null, _) | (_, Null) => false,
        (Bool(x), Bool(y)) => x == y,
        (Byte(x), Byte(y)) => x == y,
        (Short(x), Short(y)) => x == y,
        (Char(x), Char(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Long(x), Long(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits() || (x == y && *x != 0.0),
        (Double(x), Double(y)) => x.to_bits() == y.to_bits() || (x == y && *x != 0.0),
        _ => {
            let kind = equality_kind(a);
            if kind != equality_kind(b) {
                return false;
            }
            if kind == EqKind::Str {
                return str_of(a) == str_of(b);
            }
            if let (Some(x), Some(y)) = (as_seq(a), as_seq(b)) {
                if x.is_list && y.is_list {
                    return x.items.len() == y.items.len()
                        && x.items
                            .iter()
                            .zip(y.items.iter())
                            .all(|(p, q)| java_equals(p, q));
                }
                if x.is_set && y.is_set {
                    return x.items.len() == y.items.len()
                        && x.items
                            .iter()
                            .all(|p| y.items.iter().any(|q| java_equals(p, q)));
                }
                return false;
            }
            if let (Some(x), Some(y)) = (map_entries(a), map_entries(b)) {
                return x.len() == y.len()
                    && x.iter().all(|(k, v)| {
                        y.iter()
                            .any(|(k2, v2)| java_equals(k, k2) && java_equals(v, v2))
                    });
            }
            match (a, b) {
                (V::Obj(x), V::Obj(y)) => x.equals(y),
                (V::Array(x), V::Array(y)) => Rc::ptr_eq(x, y),
                _ => false,
            }
        }
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum EqKind {
    Str,
    /// Lists, sets and arrays (compared by `as_seq`).
    Seq,
    Map,
    Other,
}

/// Which `equals` family a value belongs to: values of different families are never equal, so
/// `v == ''` on a map decides without snapshotting the map.
fn equality_kind(v: &V) -> EqKind {
    match v {
        V::Str(_) => EqKind::Str,
        V::List(_) | V::Set(_) | V::Array(_) => EqKind::Seq,
        V::Map(_) => EqKind::Map,
        V::Doc(d) => match d.node() {
            DocNode::Map(_) | DocNode::Val(Value::Map(_)) => EqKind::Map,
            DocNode::Val(Value::String(_)) => EqKind::Str,
            DocNode::Val(Value::List(_)) | DocNode::Val(Value::Set(_)) => EqKind::Seq,
            DocNode::Val(_) => EqKind::Other,
        },
        _ => EqKind::Other,
    }
}

/// Painless `==`: numbers compare by promoted value, everything else by `equals`
/// (`Def.eq` / the static equivalents).
pub fn painless_eq(a: &V, b: &V) -> bool {
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return match promote(&x, &y) {
            NumKind::Double | NumKind::Float => x.as_f64() == y.as_f64(),
            _ => x.as_i64() == y.as_i64(),
        };
    }
    java_equals(a, b)
}

/// Painless `===`: reference identity. Boxed values are compared by value and type, which is
/// what the JVM's caches give for common small values.
pub fn identity_eq(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Str(x), V::Str(y)) => Arc::ptr_eq(x, y) || **x == **y,
        (V::List(x), V::List(y)) => Rc::ptr_eq(x, y),
        (V::Map(x), V::Map(y)) => Rc::ptr_eq(x, y),
        (V::Set(x), V::Set(y)) => Rc::ptr_eq(x, y),
        (V::Array(x), V::Array(y)) => Rc::ptr_eq(x, y),
        (V::Obj(x), V::Obj(y)) => Rc::ptr_eq(x, y),
        (V::Doc(x), V::Doc(y)) => match (x, y) {
            (DocRef::Map(p), DocRef::Map(q)) => p == q,
            (DocRef::Val(p), DocRef::Val(q)) => p == q,
            _ => false,
        },
        _ => {
            if a.is_number() || matches!(a, V::Char(_)) {
                java_equals(a, b)
            } else {
                matches!((a, b), (V::Null, V::Null))
                    || matches!((a, b), (V::Bool(x), V::Bool(y)) if x == y)
            }
        }
    }
}

pub fn hash_code(v: &V) -> i32 {
    match v {
        V::Null => 0,
        V::Bool(b) => {
            if *b {
                1231
            } else {
                1237
            }
        }
        V::Byte(b) => *b as i32,
        V::Short(s) => *s as i32,
        V::Char(c) => *c as i32,
        V::Int(i) => *i,
        V::Long(l) => (*l ^ ((*l as u64) >> 32) as i64) as i32,
        V::Float(f) => crate::value::java_hash_code(&Value::Float(*f)),
        V::Double(d) => crate::value::java_hash_code(&Value::Double(*d)),
        V::Str(s) => java_string_hash(s),
        V::List(l) => {
            let mut h: i32 = 1;
            for item in l.borrow().items.iter() {
                h = h.wrapping_mul(31).wrapping_add(hash_code(item));
            }
            h
        }
        V::Set(s) => s
            .borrow()
            .set
            .iter()
            .fold(0i32, |acc, k| acc.wrapping_add(hash_code(&k.0))),
        V::Map(m) => m.borrow().map.iter().fold(0i32, |acc, (k, v)| {
            acc.wrapping_add(hash_code(&k.0) ^ hash_code(v))
        }),
        V::Doc(d) => match d.node() {
            DocNode::Map(m) => crate::value::java_hash_code(&Value::Map(m.clone())),
            DocNode::Val(v) => crate::value::java_hash_code(v),
        },
        V::Array(a) => Rc::as_ptr(a) as usize as i32,
        V::Obj(o) => o.hash_code(),
    }
}

/// `Comparable.compareTo` for naturally ordered values.
pub fn compare_values(a: &V, b: &V) -> Result<std::cmp::Ordering, Thrown> {
    if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
        return Ok(java_string_cmp(x, y));
    }
    match (a, b) {
        (V::Int(x), V::Int(y)) => return Ok(x.cmp(y)),
        (V::Long(x), V::Long(y)) => return Ok(x.cmp(y)),
        (V::Double(x), V::Double(y)) => return Ok(java_double_cmp(*x, *y)),
        (V::Float(x), V::Float(y)) => return Ok(java_double_cmp(*x as f64, *y as f64)),
        (V::Short(x), V::Short(y)) => return Ok(x.cmp(y)),
        (V::Byte(x), V::Byte(y)) => return Ok(x.cmp(y)),
        (V::Char(x), V::Char(y)) => return Ok(x.cmp(y)),
        (V::Bool(x), V::Bool(y)) => return Ok(x.cmp(y)),
        (V::Obj(x), V::Obj(y)) => {
            if let Some(o) = x.compare(y) {
                return Ok(o);
            }
        }
        _ => {}
    }
    // `((Comparable) a).compareTo(b)`: the cast of `a`, then the `compareTo` bridge method's cast
    // of `b` to `a`'s class, then its read of `b`'s value
    if a.is_null() {
        return Err(Thrown::npe(None));
    }
    let comparable = str_of(a).is_some()
        || a.is_number()
        || matches!(a, V::Bool(_) | V::Char(_))
        || matches!(a, V::Obj(o) if matches!(&**o, super::api::Obj::Time(_)));
    if !comparable {
        return Err(cast_error(&class_name(a), "java.lang.Comparable"));
    }
    if b.is_null() {
        let parameter = match a {
            V::Int(_) => "anotherInteger",
            V::Long(_) => "anotherLong",
            V::Double(_) => "anotherDouble",
            V::Float(_) => "anotherFloat",
            V::Short(_) => "anotherShort",
            V::Byte(_) => "anotherByte",
            V::Char(_) => "anotherCharacter",
            V::Bool(_) => "b",
            _ if str_of(a).is_some() => "anotherString",
            _ => return Err(Thrown::npe(None)),
        };
        return Err(Thrown::npe(Some(format!(
            "Cannot read field \"value\" because \"{parameter}\" is null"
        ))));
    }
    Err(cast_error(&class_name(b), &class_name(a)))
}

/// `TreeMap.put(null, v)`: an empty map compares the key with itself (`compare(k1, k2)`), a
/// non-empty one calls `Objects.requireNonNull` (no message).
fn tree_null_key(empty: bool) -> Thrown {
    Thrown::npe(empty.then(|| {
        "Cannot invoke \"java.lang.Comparable.compareTo(Object)\" because \"k1\" is null"
            .to_string()
    }))
}

/// The JDK's `ClassCastException` text; the module note is there when both classes are the
/// JDK's own.
fn cast_error(from: &str, to: &str) -> Thrown {
    let note = if from.starts_with("java.") && to.starts_with("java.") {
        format!(" ({from} and {to} are in module java.base of loader 'bootstrap')")
    } else {
        String::new()
    };
    Thrown::new(
        "ClassCastException",
        format!("class {from} cannot be cast to class {to}{note}"),
    )
}

/// `Double.compare`: orders by `doubleToLongBits` for equal values, so -0.0 < 0.0, and NaN is
/// greatest. (Own copy: `value::java_double_cmp` orders zeros the other way round.)
pub fn java_double_cmp(a: f64, b: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    if a < b {
        return Ordering::Less;
    }
    if a > b {
        return Ordering::Greater;
    }
    let bits = |x: f64| {
        if x.is_nan() {
            0x7ff8_0000_0000_0000i64
        } else {
            x.to_bits() as i64
        }
    };
    bits(a).cmp(&bits(b))
}

// ----- numbers -----

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumKind {
    Int,
    Long,
    Float,
    Double,
}

#[derive(Debug, Clone, Copy)]
pub enum Num {
    I(i32),
    L(i64),
    F(f32),
    D(f64),
}

impl Num {
    pub fn kind(&self) -> NumKind {
        match self {
            Num::I(_) => NumKind::Int,
            Num::L(_) => NumKind::Long,
            Num::F(_) => NumKind::Float,
            Num::D(_) => NumKind::Double,
        }
    }
    pub fn as_f64(&self) -> f64 {
        match *self {
            Num::I(i) => i as f64,
            Num::L(l) => l as f64,
            Num::F(f) => f as f64,
            Num::D(d) => d,
        }
    }
    pub fn as_f32(&self) -> f32 {
        match *self {
            Num::I(i) => i as f32,
            Num::L(l) => l as f32,
            Num::F(f) => f,
            Num::D(d) => d as f32,
        }
    }
    pub fn as_i64(&self) -> i64 {
        match *self {
            Num::I(i) => i as i64,
            Num::L(l) => l,
            Num::F(f) => f as i64,
            Num::D(d) => d as i64,
        }
    }
    pub fn as_i32(&self) -> i32 {
        match *self {
            Num::I(i) => i,
            Num::L(l) => l as i32,
            Num::F(f) => f as i32,
            Num::D(d) => d as i32,
        }
    }
    pub fn to_v(self) -> V {
        match self {
            Num::I(i) => V::Int(i),
            Num::L(l) => V::Long(l),
            Num::F(f) => V::Float(f),
            Num::D(d) => V::Double(d),
        }
    }
}

/// Numeric view after unary promotion (byte/short/char widen to int).
pub fn num_of(v: &V) -> Option<Num> {
    Some(match v {
        V::Byte(b) => Num::I(*b as i32),
        V::Short(s) => Num::I(*s as i32),
        V::Char(c) => Num::I(*c as i32),
        V::Int(i) => Num::I(*i),
        V::Long(l) => Num::L(*l),
        V::Float(f) => Num::F(*f),
        V::Double(d) => Num::D(*d),
        _ => return None,
    })
}

pub fn promote(a: &Num, b: &Num) -> NumKind {
    a.kind().max(b.kind())
}

// ----- sequences and maps (read access shared by owned and document values) -----

pub struct Seq {
    pub items: Vec<V>,
    pub is_list: bool,
    pub is_set: bool,
}

/// Snapshot of a list, set or array's elements in iteration order.
pub fn as_seq(v: &V) -> Option<Seq> {
    match v {
        V::List(l) => Some(Seq {
            items: l.borrow().items.clone(),
            is_list: true,
            is_set: false,
        }),
        V::Set(s) => Some(Seq {
            items: set_items(&s.borrow()),
            is_list: false,
            is_set: true,
        }),
        V::Array(a) => Some(Seq {
            items: a.borrow().items.clone(),
            is_list: false,
            is_set: false,
        }),
        V::Doc(d) => match d.node() {
            DocNode::Val(Value::List(items)) => Some(Seq {
                items: items.iter().map(doc_value).collect(),
                is_list: true,
                is_set: false,
            }),
            DocNode::Val(Value::Set(s)) => Some(Seq {
                items: s
                    .java_order()
                    .into_iter()
                    .map(|i| doc_value(&s.items[i]))
                    .collect(),
                is_list: false,
                is_set: true,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Elements of a set in Java iteration order.
pub fn set_items(s: &SetObj) -> Vec<V> {
    match s.kind {
        CollectionKind::Hash => hash_order_with_capacity(s.set.iter().map(|k| k.1), s.cap)
            .into_iter()
            .filter_map(|i| s.set.get_index(i))
            .map(|k| k.0.clone())
            .collect(),
        _ => s.set.iter().map(|k| k.0.clone()).collect(),
    }
}

/// Indexes of a map's entries in Java iteration order.
pub fn map_order(m: &MapObj) -> Vec<usize> {
    if m.ctx_root {
        return ctx_order(
            m.map.keys().map(|k| str_of(&k.0).unwrap_or("")),
            m.ctx_source_table,
        );
    }
    match m.kind {
        CollectionKind::Hash => hash_order_with_capacity(m.map.keys().map(|k| k.1), m.cap),
        _ => (0..m.map.len()).collect(),
    }
}

/// Snapshot of a map's entries in Java iteration order.
pub fn map_entries(v: &V) -> Option<Vec<(V, V)>> {
    match v {
        V::Map(m) => {
            let m = m.borrow();
            Some(
                map_order(&m)
                    .into_iter()
                    .filter_map(|i| m.map.get_index(i))
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect(),
            )
        }
        V::Doc(d) => d.map().map(|m| {
            let keys: Vec<(&String, &Value)> = m.iter().collect();
            let order = match d {
                DocRef::Map(_) => ctx_order(m.keys().map(|k| k.as_str()), m.initial_capacity()),
                DocRef::Val(_) => m.java_order(),
            };
            order
                .into_iter()
                .map(|i| (V::str(keys[i].0), doc_value(keys[i].1)))
                .collect()
        }),
        _ => None,
    }
}

pub fn tree_insert_pos(set: &RtSet, v: &V) -> Result<usize, Thrown> {
    // binary search over sorted storage
    let (mut lo, mut hi) = (0usize, set.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let k = set.get_index(mid).map(|k| &k.0).unwrap_or(&V::Null);
        // TreeMap.put: the new key's compareTo, with the existing key as argument
        if compare_values(v, k)? == std::cmp::Ordering::Greater {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

impl SetObj {
    pub fn add(&mut self, v: V) -> Result<bool, Thrown> {
        if self.immutable {
            return Err(Thrown::unsupported(None));
        }
        if self.kind == CollectionKind::Tree {
            if v.is_null() {
                return Err(tree_null_key(self.set.is_empty()));
            }
            let key = HKey::new(v.clone());
            if self.set.contains(&key) {
                return Ok(false);
            }
            if self.set.is_empty() {
                // TreeMap.put compares the first key with itself: the type check
                compare_values(&v, &v)?;
            }
            let pos = tree_insert_pos(&self.set, &v)?;
            self.set.shift_insert(pos, key);
            self.cap = grown_capacity(self.cap, self.set.len());
            return Ok(true);
        }
        let added = self.set.insert(HKey::new(v));
        self.cap = grown_capacity(self.cap, self.set.len());
        Ok(added)
    }
    pub fn contains(&self, v: &V) -> bool {
        if let Some(s) = str_of(v) {
            return self.set.contains(&StrKey(s));
        }
        self.set.contains(&HKey::new(v.clone()))
    }
    pub fn remove(&mut self, v: &V) -> Result<bool, Thrown> {
        if self.immutable {
            return Err(Thrown::unsupported(None));
        }
        Ok(self.set.shift_remove(&HKey::new(v.clone())))
    }
}

/// `IngestDocMetadata` validation of writes to `ctx` metadata keys (`Metadata.FieldProperty`).
fn check_metadata(key: &str, value: Option<&V>) -> Result<(), Thrown> {
    enum T {
        Str,
        Num,
        Map,
    }
    let (ty, nullable, writable) = match key {
        "_index" | "_id" | "_routing" | "_version_type" => (T::Str, true, true),
        "_version" => (T::Num, false, true),
        "_type" => (T::Str, true, false),
        "_if_seq_no" | "_if_primary_term" => (T::Num, true, true),
        "_dynamic_templates" => (T::Map, true, true),
        _ => return Ok(()),
    };
    let Some(value) = value else {
        if !writable || !nullable {
            return Err(Thrown::iae(format!("{key} cannot be removed")));
        }
        return Ok(());
    };
    if !writable {
        return Err(Thrown::iae(format!("{key} cannot be updated")));
    }
    if value.is_null() {
        if !nullable {
            return Err(Thrown::iae(format!("{key} cannot be null")));
        }
        return Ok(());
    }
    let (ok, expected) = match ty {
        T::Str => (str_of(value).is_some(), "java.lang.String"),
        T::Num => (value.is_number(), "java.lang.Number"),
        T::Map => (map_entries(value).is_some(), "java.util.Map"),
    };
    if !ok {
        return Err(Thrown::iae(format!(
            "{key} [{}] is wrong type, expected assignable to [{expected}], not [{}]",
            to_java_string(value),
            class_name(value)
        )));
    }
    if let (T::Num, Some(n)) = (&ty, num_of(value)) {
        if n.as_f64() != n.as_i64() as f64 {
            return Err(Thrown::iae(format!(
                "{key} may only be set to an int or a long but was [{}] with type [{}]",
                to_java_string(value),
                class_name(value)
            )));
        }
    }
    if key == "_version_type" {
        let v = str_of(value).unwrap_or("");
        if !matches!(v, "internal" | "external" | "external_gte") {
            return Err(Thrown::iae(format!(
                "{key} must be a null or one of [internal, external, external_gte] but was [{v}] with type [java.lang.String]"
            )));
        }
    }
    Ok(())
}

impl MapObj {
    pub fn get(&self, k: &V) -> Option<&V> {
        if let Some(s) = str_of(k) {
            return self.map.get(&StrKey(s));
        }
        self.map.get(&HKey::new(k.clone()))
    }
    pub fn get_str(&self, k: &str) -> Option<&V> {
        self.map.get(&StrKey(k))
    }
    pub fn put(&mut self, k: V, v: V) -> Result<Option<V>, Thrown> {
        if self.immutable {
            return Err(Thrown::unsupported(None));
        }
        if self.ctx_root {
            if let Some(key) = str_of(&k) {
                check_metadata(key, Some(&v))?;
            }
        }
        let k = match k {
            V::Doc(_) => to_owned_v(&k),
            other => other,
        };
        if self.kind == CollectionKind::Tree {
            if k.is_null() {
                return Err(tree_null_key(self.map.is_empty()));
            }
            let key = HKey::new(k.clone());
            if let Some(slot) = self.map.get_mut(&key) {
                return Ok(Some(std::mem::replace(slot, v)));
            }
            if self.map.is_empty() {
                // TreeMap.put compares the first key with itself: the type check
                compare_values(&k, &k)?;
            }
            let (mut lo, mut hi) = (0usize, self.map.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                let mk = &self.map.get_index(mid).map(|e| e.0).expect("index").0;
                // the new key's compareTo, with the existing key as argument
                if compare_values(&k, mk)? == std::cmp::Ordering::Greater {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            self.map.shift_insert(lo, key, v);
            return Ok(None);
        }
        let old = self.map.insert(HKey::new(k), v);
        self.cap = grown_capacity(self.cap, self.map.len());
        Ok(old)
    }
    pub fn remove(&mut self, k: &V) -> Result<Option<V>, Thrown> {
        if self.immutable {
            return Err(Thrown::unsupported(None));
        }
        if self.ctx_root {
            if let Some(key) = str_of(k) {
                if self.map.contains_key(&StrKey(key)) {
                    check_metadata(key, None)?;
                }
            }
        }
        let removed = match str_of(k) {
            Some(s) => self.map.shift_remove(&StrKey(s)),
            None => self.map.shift_remove(&HKey::new(k.clone())),
        };
        if let (Some(keys), Some(_)) = (&mut self.removed_from_part, &removed) {
            keys.push(to_java_string(k));
        }
        Ok(removed)
    }
}

// ----- conversion from/to document values -----

pub fn from_value(v: &Value) -> V {
    match v {
        Value::Null => V::Null,
        Value::Bool(b) => V::Bool(*b),
        Value::Int(i) => V::Int(*i),
        Value::Long(l) => V::Long(*l),
        Value::Float(f) => V::Float(*f),
        Value::Double(d) => V::Double(*d),
        Value::String(s) => V::str(s),
        Value::Time(t) => V::obj(super::api::Obj::Time((**t).clone())),
        Value::List(items) => V::new_list(items.iter().map(from_value).collect()),
        Value::Map(m) => from_map(m),
        Value::Set(s) => from_set(s),
    }
}

pub fn from_map(m: &DocMap) -> V {
    let mut map = RtMap::with_capacity_and_hasher(m.len(), Default::default());
    for (k, v) in m.iter() {
        map.insert(HKey::new(V::str(k)), from_value(v));
    }
    copied_map(map, m)
}

/// A runtime map holding a document map's entries: the same object to the script, so the same
/// `HashMap` table.
fn copied_map(map: RtMap, from: &DocMap) -> V {
    let cap = if map.is_empty() && from.initial_table == 0 {
        0
    } else {
        from.table_capacity()
    };
    V::Map(Rc::new(RefCell::new(MapObj {
        map,
        kind: from.kind,
        immutable: false,
        ctx_root: false,
        ctx_source_table: 0,
        cap,
        removed_from_part: None,
    })))
}

/// [`from_map`] restricted to what `reach` names (the keys present, in the map's order; the maps
/// below them restricted in turn): the part of `ctx` a script with
/// [`super::ctx_access::ctx_reach`] can reach.
pub fn from_map_reach(m: &DocMap, reach: &Reach) -> V {
    let mut present: Vec<(usize, &String, &Value, &Need)> = reach
        .keys
        .iter()
        .filter_map(|(k, need)| m.entries.get_full(k).map(|(i, k, v)| (i, k, v, need)))
        .collect();
    present.sort_unstable_by_key(|(i, ..)| *i);
    let mut map = RtMap::with_capacity_and_hasher(present.len(), Default::default());
    for (_, k, v, need) in present {
        let x = match (need, v) {
            (Need::Keys(inner), Value::Map(child)) => from_map_reach(child, inner),
            _ => from_value(v),
        };
        map.insert(HKey::new(V::str(k)), x);
    }
    let part = copied_map(map, m);
    if let V::Map(pm) = &part {
        pm.borrow_mut().removed_from_part = Some(Vec::new());
    }
    part
}

fn from_set(s: &DocSet) -> V {
    let mut set = RtSet::with_capacity_and_hasher(s.items.len(), Default::default());
    for item in &s.items {
        set.insert(HKey::new(from_value(item)));
    }
    let cap = if set.is_empty() {
        0
    } else {
        grown_capacity(16, set.len())
    };
    V::Set(Rc::new(RefCell::new(SetObj {
        set,
        kind: s.kind,
        immutable: false,
        cap,
    })))
}

/// Copies a document view into owned runtime values.
pub fn to_owned_v(v: &V) -> V {
    match v {
        V::Doc(d) => match d.node() {
            DocNode::Map(m) => from_map(m),
            DocNode::Val(v) => from_value(v),
        },
        other => other.clone(),
    }
}

/// Converts back to a document value. Values Elasticsearch could not store in a document become
/// an error naming their class.
pub fn to_value(v: &V) -> Result<Value, String> {
    to_value_depth(v, 0)
}

fn to_value_depth(v: &V, depth: usize) -> Result<Value, String> {
    if depth > 1000 {
        return Err("document nesting too deep (a container contains itself?)".into());
    }
    Ok(match v {
        V::Null => Value::Null,
        V::Bool(b) => Value::Bool(*b),
        V::Byte(b) => Value::Int(*b as i32),
        V::Short(s) => Value::Int(*s as i32),
        V::Char(c) => Value::String(String::from_utf16_lossy(&[*c])),
        V::Int(i) => Value::Int(*i),
        V::Long(l) => Value::Long(*l),
        V::Float(f) => Value::Float(*f),
        V::Double(d) => Value::Double(*d),
        V::Str(s) => Value::String(s.to_string()),
        V::List(l) => Value::List(
            l.borrow()
                .items
                .iter()
                .map(|x| to_value_depth(x, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        V::Array(a) => Value::List(
            a.borrow()
                .items
                .iter()
                .map(|x| to_value_depth(x, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        V::Map(m) => {
            let m = m.borrow();
            let mut out = DocMap::with_kind(m.kind).with_initial_table(m.cap);
            for (k, v) in m.map.iter() {
                let key = match &k.0 {
                    V::Str(s) => s.to_string(),
                    other => to_java_string(other),
                };
                out.entries.insert(key, to_value_depth(v, depth + 1)?);
            }
            Value::Map(out)
        }
        V::Set(s) => {
            let s = s.borrow();
            let mut out = DocSet::new(s.kind);
            for k in s.set.iter() {
                out.items.push(to_value_depth(&k.0, depth + 1)?);
            }
            Value::Set(out)
        }
        V::Doc(d) => match d.node() {
            DocNode::Map(m) => Value::Map(m.clone()),
            DocNode::Val(v) => v.clone(),
        },
        V::Obj(o) => match o.to_document_value() {
            Some(v) => v,
            None => {
                return Err(format!(
                    "cannot write xcontent for unknown value of type {}",
                    o.class_name()
                ))
            }
        },
    })
}

/// Makes `dst` equal to what [`to_value`] would return for `v`, reusing `dst`'s allocations for
/// everything the script left as it was (write-back after a script processor). On error `dst`
/// is left untouched, like a failed [`to_value`].
pub fn patch_value(dst: &mut Value, v: &V) -> Result<(), String> {
    check_convertible(v, 0)?;
    patch_depth(dst, v, 0);
    Ok(())
}

/// Map-level [`patch_value`]: `dst` becomes the map [`to_value`] makes of `m`.
pub fn patch_map(dst: &mut DocMap, m: &RefCell<MapObj>) -> Result<(), String> {
    // same traversal (and so the same first error) as `to_value_depth` on the map
    for (_, x) in m.borrow().map.iter() {
        check_convertible(x, 1)?;
    }
    patch_map_depth(dst, &m.borrow(), 0);
    Ok(())
}

/// Write-back for [`from_map_reach`]: the keys the runtime map holds are patched in place or
/// appended (in the runtime map's order, as [`patch_map`] would append them); every other key of
/// `dst` was out of the script's reach and stays as it is.
pub fn patch_map_reach(dst: &mut DocMap, m: &RefCell<MapObj>, reach: &Reach) -> Result<(), String> {
    // every check before any write, as `patch_map` does
    for (_, x) in m.borrow().map.iter() {
        check_convertible(x, 1)?;
    }
    patch_reach_depth(dst, &m.borrow(), reach, 0);
    Ok(())
}

fn patch_reach_depth(dst: &mut DocMap, m: &MapObj, reach: &Reach, depth: usize) {
    // A full copy would hold the removed keys nowhere, and a key written again at its end:
    // without them, the document's remaining keys keep their order, and those written again
    // are appended below in the copy's order.
    if m.removed_from_part
        .as_ref()
        .is_some_and(|keys| !keys.is_empty())
    {
        if m.ctx_root {
            dst.keep_table(crate::document::source_len);
        } else {
            dst.keep_table(DocMap::len);
        }
        for key in m.removed_from_part.iter().flatten() {
            dst.entries.shift_remove(key.as_str());
        }
    }
    for (k, x) in m.map.iter() {
        let key = key_text(k);
        match dst.entries.get_mut(&key) {
            Some(slot) => match (reach.need(&key), &mut *slot, x) {
                // still the part copied from this map (a script can replace it only through
                // the field API's `set`; assigning to its path makes it reachable whole)
                (Some(Need::Keys(inner)), Value::Map(child), V::Map(xm))
                    if xm.borrow().removed_from_part.is_some() =>
                {
                    patch_reach_depth(child, &xm.borrow(), inner, depth + 1)
                }
                _ => patch_depth(slot, x, depth + 1),
            },
            None => {
                dst.entries
                    .insert(key.into_owned(), convert_checked(x, depth + 1));
            }
        }
    }
}

/// The errors `to_value_depth` would raise, in the same traversal order, without building
/// anything.
fn check_convertible(v: &V, depth: usize) -> Result<(), String> {
    if depth > 1000 {
        return Err("document nesting too deep (a container contains itself?)".into());
    }
    match v {
        V::List(l) => {
            for x in l.borrow().items.iter() {
                check_convertible(x, depth + 1)?;
            }
        }
        V::Array(a) => {
            for x in a.borrow().items.iter() {
                check_convertible(x, depth + 1)?;
            }
        }
        V::Map(m) => {
            for (_, x) in m.borrow().map.iter() {
                check_convertible(x, depth + 1)?;
            }
        }
        V::Set(s) => {
            for k in s.borrow().set.iter() {
                check_convertible(&k.0, depth + 1)?;
            }
        }
        V::Obj(o) if o.to_document_value().is_none() => {
            return Err(format!(
                "cannot write xcontent for unknown value of type {}",
                o.class_name()
            ));
        }
        _ => {}
    }
    Ok(())
}

/// Only called after `check_convertible` succeeded, so conversions cannot fail.
fn convert_checked(v: &V, depth: usize) -> Value {
    to_value_depth(v, depth).unwrap_or(Value::Null)
}

fn patch_seq(dst: &mut Vec<Value>, items: &[V], depth: usize) {
    dst.truncate(items.len());
    for (i, x) in items.iter().enumerate() {
        match dst.get_mut(i) {
            Some(slot) => patch_depth(slot, x, depth + 1),
            None => dst.push(convert_checked(x, depth + 1)),
        }
    }
}

/// A runtime map key as a document key (its `toString()`, as XContent writes map keys).
fn key_text(k: &HKey) -> std::borrow::Cow<'_, str> {
    match &k.0 {
        V::Str(s) => std::borrow::Cow::Borrowed(&**s),
        other => std::borrow::Cow::Owned(to_java_string(other)),
    }
}

/// Are the runtime map's keys all strings found in `dst`, in `dst`'s order?
fn keys_are_subsequence(m: &MapObj, dst: &DocMap) -> bool {
    let mut doc_keys = dst.entries.keys();
    m.map.keys().all(|k| match &k.0 {
        V::Str(s) => doc_keys.any(|d| d.as_str() == &**s),
        _ => false,
    })
}

fn patch_map_depth(dst: &mut DocMap, m: &MapObj, depth: usize) {
    dst.kind = m.kind;
    if m.ctx_root {
        // ctx keeps its source table (see ctx_order), which removals do not shrink
        dst.keep_table(crate::document::source_len);
    } else {
        // the table the script's map has now
        dst.initial_table = DocMap::new().with_initial_table(m.cap).initial_table;
    }
    let same_keys = dst.entries.len() == m.map.len()
        && dst
            .entries
            .keys()
            .zip(m.map.keys())
            .all(|(a, b)| match &b.0 {
                V::Str(s) => a.as_str() == &**s,
                _ => false,
            });
    if same_keys {
        for ((_, slot), (_, x)) in dst.entries.iter_mut().zip(m.map.iter()) {
            patch_depth(slot, x, depth + 1);
        }
        return;
    }
    if keys_are_subsequence(m, dst) {
        // only removals (the common pruning script): drop the gone entries in place
        let mut kept = m.map.values();
        let mut next_key = m
            .map
            .keys()
            .map(|k| str_of(&k.0).unwrap_or_default())
            .peekable();
        dst.entries.retain(|k, slot| {
            if next_key.peek() == Some(&k.as_str()) {
                next_key.next();
                if let Some(x) = kept.next() {
                    patch_depth(slot, x, depth + 1);
                }
                true
            } else {
                false
            }
        });
        return;
    }
    let mut old = std::mem::take(&mut dst.entries);
    let mut out = crate::value::MapEntries::with_capacity(m.map.len());
    for (k, x) in m.map.iter() {
        let key = key_text(k);
        if let Some(slot) = out.get_mut(&key) {
            // two runtime keys with the same string form: the later value wins, first position
            *slot = convert_checked(x, depth + 1);
            continue;
        }
        let val = match old.swap_remove(&key) {
            Some(mut prev) => {
                patch_depth(&mut prev, x, depth + 1);
                prev
            }
            None => convert_checked(x, depth + 1),
        };
        out.insert(key.into_owned(), val);
    }
    dst.entries = out;
}

fn patch_depth(dst: &mut Value, v: &V, depth: usize) {
    match (&mut *dst, v) {
        (Value::String(d), V::Str(s)) => {
            if d.as_str() != &**s {
                d.clear();
                d.push_str(s);
            }
        }
        (Value::List(d), V::List(l)) => patch_seq(d, &l.borrow().items, depth),
        (Value::List(d), V::Array(a)) => patch_seq(d, &a.borrow().items, depth),
        (Value::Map(d), V::Map(m)) => patch_map_depth(d, &m.borrow(), depth),
        (Value::Set(d), V::Set(s)) => {
            let s = s.borrow();
            d.kind = s.kind;
            d.items.truncate(s.set.len());
            for (i, k) in s.set.iter().enumerate() {
                match d.items.get_mut(i) {
                    Some(slot) => patch_depth(slot, &k.0, depth + 1),
                    None => d.items.push(convert_checked(&k.0, depth + 1)),
                }
            }
        }
        _ => *dst = convert_checked(v, depth),
    }
}

// ----- string conversion -----

/// `String.valueOf(v)`.
pub fn to_java_string(v: &V) -> String {
    let mut out = String::new();
    write_java_string(v, &mut out, 0);
    out
}

fn write_java_string(v: &V, out: &mut String, depth: usize) {
    use std::fmt::Write;
    if depth > 100 {
        out.push_str("(this Collection)");
        return;
    }
    match v {
        V::Null => out.push_str("null"),
        V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        V::Byte(b) => {
            let _ = write!(out, "{b}");
        }
        V::Short(s) => {
            let _ = write!(out, "{s}");
        }
        V::Char(c) => out.push_str(&String::from_utf16_lossy(&[*c])),
        V::Int(i) => {
            let _ = write!(out, "{i}");
        }
        V::Long(l) => {
            let _ = write!(out, "{l}");
        }
        V::Float(f) => out.push_str(&format_java_float(*f)),
        V::Double(d) => out.push_str(&format_java_double(*d)),
        V::Str(s) => out.push_str(s),
        V::List(_) | V::Set(_) => {
            let seq = as_seq(v).map(|s| s.items).unwrap_or_default();
            out.push('[');
            for (i, item) in seq.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java_string(item, out, depth + 1);
            }
            out.push(']');
        }
        V::Map(_) => {
            out.push('{');
            for (i, (k, val)) in map_entries(v).unwrap_or_default().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java_string(k, out, depth + 1);
                out.push('=');
                write_java_string(val, out, depth + 1);
            }
            out.push('}');
        }
        V::Array(a) => {
            // Object.toString of an array: type code and identity hash
            let code = match a.borrow().elem {
                Ty::Int => "[I".to_string(),
                Ty::Long => "[J".to_string(),
                Ty::Double => "[D".to_string(),
                Ty::Float => "[F".to_string(),
                Ty::Bool => "[Z".to_string(),
                Ty::Byte => "[B".to_string(),
                Ty::Char => "[C".to_string(),
                Ty::Short => "[S".to_string(),
                _ => "[Ljava.lang.Object;".to_string(),
            };
            let _ = write!(out, "{code}@{:x}", Rc::as_ptr(a) as usize & 0xffff_ffff);
        }
        V::Doc(d) => match d.node() {
            DocNode::Map(m) => out.push_str(&Value::Map(m.clone()).to_java_string()),
            DocNode::Val(v) => out.push_str(&v.to_java_string()),
        },
        V::Obj(o) => out.push_str(&o.to_java_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Value {
        Value::from_serde(&serde_json::from_str(s).expect("json"))
    }

    /// `patch_value` must leave exactly what `to_value` builds: same entry order, kinds, types.
    fn assert_patch_matches(start: &Value, v: &V) {
        let mut dst = start.clone();
        patch_value(&mut dst, v).expect("patch");
        let want = to_value(v).expect("to_value");
        assert_eq!(format!("{dst:?}"), format!("{want:?}"));
        if let (Value::Map(start), V::Map(m)) = (start, v) {
            let mut dst = start.clone();
            patch_map(&mut dst, m).expect("patch_map");
            assert_eq!(format!("{:?}", Value::Map(dst)), format!("{want:?}"));
        }
    }

    #[test]
    fn patch_equals_full_conversion() {
        let doc = json(r#"{"a":1,"b":{"c":"x","d":[1,2,{"e":null}]},"f":"s","g":[true]}"#);
        let shapes = [
            r#"{"a":1,"b":{"c":"x","d":[1,2,{"e":null}]},"f":"s","g":[true]}"#,
            r#"{"b":{"d":[1,2,{"e":null}],"c":"y"},"a":1,"f":"s","g":[true]}"#,
            r#"{"a":1.5,"b":{"c":"x","d":[1]},"h":{"i":"j"}}"#,
            r#"{"a":{"x":1},"b":"now a string","f":["s"],"g":[true,false,1]}"#,
            r#"{}"#,
            // only removals, at the top and inside (write-back drops entries in place)
            r#"{"b":{"d":[1,2,{}]},"g":[true]}"#,
            r#"{"a":1,"f":"s"}"#,
        ];
        for start in [&doc, &json("{}"), &json(r#"{"b":[1,2,3]}"#)] {
            for shape in shapes {
                let v = from_value(&json(shape));
                assert_patch_matches(start, &v);
                // mutate the runtime tree: kinds, sets, non-string keys, removed keys
                if let V::Map(m) = &v {
                    let mut m = m.borrow_mut();
                    m.kind = CollectionKind::Tree;
                    m.map.insert(HKey::new(V::Int(7)), V::Long(3));
                    m.map.insert(HKey::new(V::str("7")), V::Float(2.0));
                    let s = V::new_set(CollectionKind::Hash);
                    if let V::Set(so) = &s {
                        so.borrow_mut().set.insert(HKey::new(V::str("z")));
                    }
                    m.map.insert(HKey::new(V::str("set")), s);
                    m.map.shift_remove(&StrKey("a"));
                }
                assert_patch_matches(start, &v);
            }
        }
    }

    #[test]
    fn failed_patch_leaves_document_untouched() {
        // 1000 nested frames need more than a test thread's default stack in debug builds
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(failed_patch_body)
            .expect("spawn")
            .join()
            .expect("join");
    }

    fn failed_patch_body() {
        let start = json(r#"{"a":1,"b":{"c":"x"}}"#);
        let v = from_value(&json(r#"{"a":2,"b":{"c":"y"}}"#));
        // a self-containing map cannot be converted
        if let V::Map(m) = &v {
            let inner = m.borrow().map.get(&StrKey("b")).cloned().expect("b");
            if let V::Map(im) = &inner {
                im.borrow_mut()
                    .map
                    .insert(HKey::new(V::str("self")), inner.clone());
            }
        }
        let mut dst = start.clone();
        let err = patch_value(&mut dst, &v).expect_err("cycle");
        assert_eq!(Err(err), to_value(&v).map(|_| ()));
        assert_eq!(format!("{dst:?}"), format!("{start:?}"));
        if let V::Map(m) = &v {
            // break the cycle so the test does not leak
            if let Some(V::Map(im)) = m.borrow().map.get(&StrKey("b")) {
                im.borrow_mut().map.clear();
            }
        }
    }
}
