//! The value type of ingest documents.
//!
//! Elasticsearch keeps document values as Java objects: `Integer`, `Long`, `Float`, `Double`, `String`,
//! `List`, `Map` and `Set`. Output depends on those distinctions (`1` vs `1.0`, `1.0E7`, set iteration
//! order), so we keep them instead of collapsing everything into JSON numbers.

use std::fmt::Write as _;

/// Storage of a [`Map`]: insertion order; Java order is computed from Java hash codes.
pub type MapEntries = crate::ordered_map::OrderedMap<Value>;

/// A map keeps insertion order for storage; `kind` says how Java would iterate it.
#[derive(Debug, Clone, Default)]
pub struct Map {
    pub entries: MapEntries,
    pub kind: CollectionKind,
    /// For a `HashMap`: the table size it was created with, as log2 + 1; 0 is `new HashMap<>()`,
    /// whose table of 16 is made on the first insert. Iteration order depends on the table,
    /// which grows from there as Java's does (see [`Map::table_capacity`]).
    pub initial_table: u8,
}

impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.kind == other.kind && self.entries == other.entries
    }
}

/// `HashMap.tableSizeFor`: the next power of two.
pub fn table_size_for(n: usize) -> usize {
    n.max(1).next_power_of_two()
}

/// The table `new HashMap<>(map)` (and `putAll` into an empty map) makes for `n` entries; 0
/// when `n` is 0 (no table yet).
pub fn presized_capacity(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        table_size_for((n as f32 / 0.75 + 1.0) as usize)
    }
}

/// The table of Elasticsearch's `Maps.newMapWithExpectedSize(n)` (`IngestDocument.deepCopy`).
pub fn expected_size_capacity(n: usize) -> usize {
    table_size_for(if n < 2 {
        n + 1
    } else {
        (n as f64 / 0.75 + 1.0) as usize
    })
}

/// Which Java collection class a map or set stands for. It decides iteration order where a script or
/// processor can observe it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum CollectionKind {
    /// `java.util.HashMap` / `HashSet`: what Jackson produces for parsed JSON in Elasticsearch
    /// (`XContentParser.map()`), and what `IngestDocument` creates for intermediate objects.
    #[default]
    Hash,
    /// `LinkedHashMap` / `LinkedHashSet`: insertion order.
    Linked,
    /// `TreeMap` / `TreeSet`: natural (sorted) order.
    Tree,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    /// Elements in insertion order (sorted for `Tree`).
    pub items: Vec<Value>,
    pub kind: CollectionKind,
}

#[derive(Debug, Clone, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    String(String),
    List(Vec<Value>),
    Map(Map),
    Set(Set),
    /// A `java.time` `ZonedDateTime` or `Instant` kept as the object it is: `_ingest.timestamp`,
    /// a copy of it, or one a script stored. Processors see the object (its `toString()` where
    /// they stringify, a cast error where they need a `String`); output prints it as XContent
    /// does.
    Time(Box<JavaTime>),
}

pub use crate::painless::api::time::TimeVal as JavaTime;

impl PartialEq for Value {
    /// Java `equals` semantics: `Integer(1).equals(Long(1))` is false.
    fn eq(&self, other: &Self) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Long(a), Long(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits() || a == b && *a != 0.0,
            (Double(a), Double(b)) => a.to_bits() == b.to_bits() || a == b && *a != 0.0,
            (String(a), String(b)) => a == b,
            (Time(a), Time(b)) => a.equals(b),
            (List(a), List(b)) => a == b,
            (Map(a), Map(b)) => {
                a.entries.len() == b.entries.len()
                    && a.entries.iter().all(|(k, v)| b.entries.get(k) == Some(v))
            }
            (Set(a), Set(b)) => {
                a.items.len() == b.items.len() && a.items.iter().all(|v| b.items.contains(v))
            }
            _ => false,
        }
    }
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }
    pub fn with_kind(kind: CollectionKind) -> Map {
        Map {
            entries: MapEntries::default(),
            kind,
            initial_table: 0,
        }
    }
    /// A `HashMap` created with a table of `capacity` buckets (0: the default, made on first
    /// insert).
    pub fn with_initial_table(mut self, capacity: usize) -> Map {
        self.set_table(capacity);
        self
    }
    fn set_table(&mut self, capacity: usize) {
        self.initial_table = if capacity == 0 {
            0
        } else {
            capacity.next_power_of_two().trailing_zeros() as u8 + 1
        };
    }
    /// The table the map was created with (0: made on first insert, of 16).
    pub fn initial_capacity(&self) -> usize {
        match self.initial_table {
            0 => 0,
            n => 1usize << (n - 1),
        }
    }
    /// The table a `HashMap` holding these entries has now: its initial table, grown as
    /// entries were added. Removals keep the table they found (see [`Map::keep_table`]).
    pub fn table_capacity(&self) -> usize {
        grown_capacity(self.initial_capacity(), self.len())
    }
    /// Java's tables never shrink: before entries go, the table the map has now (holding the
    /// entries `counted` counts) becomes the one it keeps, as if it had been created with it.
    /// The document root counts only its source keys (`IngestCtxMap` keeps metadata apart), so
    /// the count is asked for only when the table could have grown at all.
    pub fn keep_table(&mut self, counted: impl FnOnce(&Map) -> usize) {
        let initial = self.initial_capacity();
        if self.kind != CollectionKind::Hash || grown_capacity(initial, self.len()) <= initial {
            return;
        }
        let n = counted(self);
        if n > 0 {
            let now = grown_capacity(initial, n);
            if now > initial {
                self.set_table(now);
            }
        }
    }
    /// Index of `key` (small maps are scanned, big ones hashed: see [`crate::ordered_map`]).
    #[inline]
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.entries.get_index_of(key)
    }
    #[inline]
    pub fn get(&self, key: &str) -> Option<&Value> {
        let i = self.index_of(key)?;
        self.entries.get_index(i).map(|(_, v)| v)
    }
    #[inline]
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        let i = self.index_of(key)?;
        self.entries.get_index_mut(i).map(|(_, v)| v)
    }
    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.index_of(key).is_some()
    }
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        let key = key.into();
        if let Some(slot) = self.entries.get_mut(&key) {
            return Some(std::mem::replace(slot, value));
        }
        self.insert_new(key, value);
        None
    }
    /// [`Map::insert`] of a key the caller has just looked up and not found: no second search.
    /// Returns the entry's index.
    pub fn insert_new(&mut self, key: String, value: Value) -> usize {
        if self.kind == CollectionKind::Tree {
            // Keep TreeMap storage sorted so iteration needs no work.
            let pos = self
                .entries
                .keys()
                .position(|k| k.as_str() > key.as_str())
                .unwrap_or(self.entries.len());
            self.entries.shift_insert(pos, key, value);
            return pos;
        }
        self.entries.push_new(key, value)
    }
    /// Removes a key keeping the order of the others (and the table: see [`Map::keep_table`]).
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.index_of(key)?;
        self.remove_index(i, Map::len).map(|(_, v)| v)
    }
    /// Removes the entry at `i`, keeping the table (see [`Map::keep_table`]).
    pub fn remove_index(
        &mut self,
        i: usize,
        counted: impl FnOnce(&Map) -> usize,
    ) -> Option<(String, Value)> {
        self.keep_table(counted);
        self.entries.shift_remove_index(i)
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// Storage order (insertion order; sorted for tree maps).
    pub fn iter(&self) -> crate::ordered_map::Iter<'_, Value> {
        self.entries.iter()
    }
    pub fn iter_mut(&mut self) -> crate::ordered_map::IterMut<'_, Value> {
        self.entries.iter_mut()
    }
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator + Clone {
        self.entries.keys()
    }
    /// Entry indexes in the order Java would iterate this map.
    pub fn java_order(&self) -> Vec<usize> {
        match self.kind {
            CollectionKind::Hash => java_hash_order_in_table(
                self.entries.keys().map(|k| java_string_hash(k)),
                self.table_capacity(),
            ),
            CollectionKind::Linked | CollectionKind::Tree => (0..self.entries.len()).collect(),
        }
    }
    /// Keys in Java iteration order.
    pub fn java_keys(&self) -> Vec<&String> {
        let keys: Vec<&String> = self.entries.keys().collect();
        self.java_order().into_iter().map(|i| keys[i]).collect()
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<T: IntoIterator<Item = (String, Value)>>(iter: T) -> Self {
        Map {
            entries: iter.into_iter().collect(),
            kind: CollectionKind::Hash,
            initial_table: 0,
        }
    }
}

impl Set {
    pub fn new(kind: CollectionKind) -> Set {
        Set {
            items: Vec::new(),
            kind,
        }
    }
    /// `Set.add`: returns false when the element was already present.
    pub fn add(&mut self, v: Value) -> bool {
        if self.items.contains(&v) {
            return false;
        }
        if self.kind == CollectionKind::Tree {
            let pos = self
                .items
                .iter()
                .position(|x| compare_natural(x, &v) == Some(std::cmp::Ordering::Greater))
                .unwrap_or(self.items.len());
            self.items.insert(pos, v);
        } else {
            self.items.push(v);
        }
        true
    }
    /// Element indexes in Java iteration order.
    pub fn java_order(&self) -> Vec<usize> {
        match self.kind {
            CollectionKind::Hash => java_hash_order(self.items.iter().map(java_hash_code)),
            _ => (0..self.items.len()).collect(),
        }
    }
    /// Elements in the order a `HashSet` copy of this set iterates. Elasticsearch's
    /// `IngestDocument.deepCopy` turns every set into `Sets.newHashSetWithExpectedSize(size)`, which
    /// is what simulate returns; the copy is filled in this set's own iteration order.
    pub fn hash_order_items(&self) -> Vec<&Value> {
        let source_order = self.java_order();
        let table = es_expected_size_table(self.items.len());
        let hashes = source_order.iter().map(|&i| java_hash_code(&self.items[i]));
        java_hash_order_in_table(hashes, table)
            .into_iter()
            .map(|pos| &self.items[source_order[pos]])
            .collect()
    }
}

/// Table size of `new HashMap<>(Maps.capacity(n))` (ES `Maps.newMapWithExpectedSize`), grown as
/// `n` inserts require.
pub fn es_expected_size_table(n: usize) -> usize {
    let initial = if n < 2 {
        n + 1
    } else {
        (n as f32 / 0.75f32 + 1.0f32) as usize
    };
    let mut table = initial.max(1).next_power_of_two();
    while n as f64 > table as f64 * 0.75 {
        table *= 2;
    }
    table
}

/// Natural ordering (`Comparable`) for the types that have one.
pub fn compare_natural(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    use Value::*;
    match (a, b) {
        (String(x), String(y)) => Some(java_string_cmp(x, y)),
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Long(x), Long(y)) => Some(x.cmp(y)),
        (Double(x), Double(y)) => Some(java_double_cmp(*x, *y)),
        (Float(x), Float(y)) => Some(java_double_cmp(*x as f64, *y as f64)),
        (Bool(x), Bool(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// `String.compareTo`: compares UTF-16 code units.
pub fn java_string_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// `Double.compare`: -0.0 < 0.0 and NaN is greatest.
pub fn java_double_cmp(a: f64, b: f64) -> std::cmp::Ordering {
    a.partial_cmp(&b)
        .unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
        .then_with(|| {
            // distinguish -0.0 and 0.0 the way Double.compare does
            let (ba, bb) = (a.to_bits() as i64, b.to_bits() as i64);
            if a == b {
                ba.cmp(&bb)
            } else {
                std::cmp::Ordering::Equal
            }
        })
}

/// `String.hashCode()` over UTF-16 code units.
pub fn java_string_hash(s: &str) -> i32 {
    // One UTF-16 unit per byte while the text is ASCII (map keys nearly always are): no decoder,
    // and one pass instead of an ASCII check followed by the hash.
    let mut h: i32 = 0;
    for &b in s.as_bytes() {
        if b >= 0x80 {
            return s
                .encode_utf16()
                .fold(0i32, |h, unit| h.wrapping_mul(31).wrapping_add(unit as i32));
        }
        h = h.wrapping_mul(31).wrapping_add(b as i32);
    }
    h
}

/// `Object.hashCode()` for the value types Java would hold.
pub fn java_hash_code(v: &Value) -> i32 {
    match v {
        Value::Null => 0,
        Value::Bool(b) => {
            if *b {
                1231
            } else {
                1237
            }
        }
        Value::Int(i) => *i,
        Value::Long(l) => (*l ^ ((*l as u64) >> 32) as i64) as i32,
        Value::Float(f) => {
            let bits = if f.is_nan() { 0x7fc0_0000 } else { f.to_bits() };
            bits as i32
        }
        Value::Double(d) => {
            let bits = if d.is_nan() {
                0x7ff8_0000_0000_0000u64
            } else {
                d.to_bits()
            };
            (bits ^ (bits >> 32)) as i32
        }
        Value::String(s) => java_string_hash(s),
        Value::Time(t) => t.hash_code(),
        Value::List(items) => {
            // AbstractList.hashCode
            let mut h: i32 = 1;
            for item in items {
                h = h.wrapping_mul(31).wrapping_add(java_hash_code(item));
            }
            h
        }
        Value::Map(m) => {
            // AbstractMap.hashCode: sum of key.hashCode() ^ value.hashCode()
            m.iter().fold(0i32, |acc, (k, v)| {
                acc.wrapping_add(java_string_hash(k) ^ java_hash_code(v))
            })
        }
        Value::Set(s) => s
            .items
            .iter()
            .fold(0i32, |acc, v| acc.wrapping_add(java_hash_code(v))),
    }
}

/// Iteration order of a `java.util.HashMap` holding keys with the given hash codes, inserted in
/// order into a map with default capacity. Entries iterate by bucket, and in insertion order inside a
/// bucket; the table doubles when size exceeds 0.75 × capacity.
pub fn java_hash_order(hashes: impl ExactSizeIterator<Item = i32>) -> Vec<usize> {
    let capacity = grown_capacity(0, hashes.len());
    java_hash_order_in_table(hashes, capacity)
}

/// `HashMap` table size after growing to hold `len` entries from `cap` (0: not allocated yet,
/// which starts at 16); the table doubles when size exceeds 0.75 × capacity.
pub fn grown_capacity(cap: usize, len: usize) -> usize {
    let mut c = if cap == 0 { 16 } else { cap };
    while len as f64 > c as f64 * 0.75 {
        c *= 2;
    }
    c
}

/// Iteration order of a hash table of `capacity` buckets filled with keys of these hash codes in order.
pub fn java_hash_order_in_table(
    hashes: impl IntoIterator<Item = i32>,
    capacity: usize,
) -> Vec<usize> {
    let bucket = |h: i32| {
        let h = h as u32;
        ((h ^ (h >> 16)) as u64) & (capacity as u64 - 1)
    };
    // bucket in the high half, insertion index in the low half: one plain integer sort keeps
    // insertion order within a bucket
    let mut keys: Vec<u64> = hashes
        .into_iter()
        .enumerate()
        .map(|(i, h)| (bucket(h) << 32) | i as u64)
        .collect();
    keys.sort_unstable();
    // same size and alignment: the collect reuses the allocation
    keys.into_iter()
        .map(|k| (k & 0xffff_ffff) as usize)
        .collect()
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_map_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_list(&self) -> Option<&Vec<Value>> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The Java class name Elasticsearch shows in error messages, e.g. `java.lang.Integer`.
    pub fn java_class_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "java.lang.Boolean",
            Value::Int(_) => "java.lang.Integer",
            Value::Long(_) => "java.lang.Long",
            Value::Float(_) => "java.lang.Float",
            Value::Double(_) => "java.lang.Double",
            Value::String(_) => "java.lang.String",
            Value::Time(t) => t.class_name(),
            Value::List(_) => "java.util.ArrayList",
            Value::Map(m) => match m.kind {
                CollectionKind::Hash => "java.util.HashMap",
                CollectionKind::Linked => "java.util.LinkedHashMap",
                CollectionKind::Tree => "java.util.TreeMap",
            },
            Value::Set(s) => match s.kind {
                CollectionKind::Hash => "java.util.HashSet",
                CollectionKind::Linked => "java.util.LinkedHashSet",
                CollectionKind::Tree => "java.util.TreeSet",
            },
        }
    }

    /// ES `IngestDocument.deepCopy`: maps become `HashMap`s and sets `HashSet`s.
    pub fn deep_copy_es(&self) -> Value {
        match self {
            // `Maps.newMapWithExpectedSize`, filled in the source's iteration order
            Value::Map(m) => {
                let entries: Vec<(&String, &Value)> = m.iter().collect();
                Value::Map(
                    Map {
                        entries: m
                            .java_order()
                            .into_iter()
                            .map(|i| (entries[i].0.clone(), entries[i].1.deep_copy_es()))
                            .collect(),
                        kind: CollectionKind::Hash,
                        initial_table: 0,
                    }
                    .with_initial_table(expected_size_capacity(m.len())),
                )
            }
            Value::List(l) => Value::List(l.iter().map(Value::deep_copy_es).collect()),
            Value::Set(s) => Value::Set(Set {
                items: s.items.iter().map(Value::deep_copy_es).collect(),
                kind: CollectionKind::Hash,
            }),
            other => other.clone(),
        }
    }

    /// `String.valueOf(value)` / `Object.toString()` as Java renders it.
    pub fn to_java_string(&self) -> String {
        let mut out = String::new();
        write_java_string(self, &mut out);
        out
    }

    /// Parses JSON as Elasticsearch's XContent parser would: integers become `Int` when they fit,
    /// else `Long`; decimals become `Double`. Duplicate keys are an error, as with Elasticsearch's
    /// strict duplicate detection.
    pub fn from_json_str(text: &str) -> Result<Value, String> {
        crate::value::json::parse(text, json::Duplicates::Reject)
    }

    /// Compact JSON with Java number formatting, as Elasticsearch's XContent writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        json::write(self, &mut out, None, 0, json::SetOrder::Hash);
        out
    }

    /// Indented JSON (two spaces), as the simulate API prints it with `?pretty`.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        json::write(self, &mut out, Some(2), 0, json::SetOrder::Hash);
        out
    }

    /// Converts to a `serde_json::Value` (numbers by value; sets in `HashSet` order).
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Long(l) => J::from(*l),
            Value::Float(f) => serde_json::Number::from_f64(
                format_java_float(*f).parse::<f64>().unwrap_or(*f as f64),
            )
            .map(J::Number)
            .unwrap_or(J::Null),
            Value::Double(d) => serde_json::Number::from_f64(*d)
                .map(J::Number)
                .unwrap_or(J::Null),
            Value::String(s) => J::String(s.clone()),
            Value::Time(t) => J::String(t.to_xcontent_string()),
            Value::List(l) => J::Array(l.iter().map(Value::to_serde).collect()),
            Value::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), v.to_serde())).collect()),
            Value::Set(s) => J::Array(
                s.hash_order_items()
                    .into_iter()
                    .map(Value::to_serde)
                    .collect(),
            ),
        }
    }

    /// Converts from a `serde_json::Value` using Jackson's number rules.
    pub fn from_serde(v: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match v {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => number_from_serde(n),
            J::String(s) => Value::String(s.clone()),
            J::Array(a) => Value::List(a.iter().map(Value::from_serde).collect()),
            J::Object(o) => Value::Map(
                o.iter()
                    .map(|(k, v)| (k.clone(), Value::from_serde(v)))
                    .collect(),
            ),
        }
    }
}

fn number_from_serde(n: &serde_json::Number) -> Value {
    if let Some(i) = n.as_i64() {
        if let Ok(i) = i32::try_from(i) {
            Value::Int(i)
        } else {
            Value::Long(i)
        }
    } else {
        Value::Double(n.as_f64().unwrap_or(f64::NAN))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Int(i)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Long(i)
    }
}
impl From<f64> for Value {
    fn from(d: f64) -> Value {
        Value::Double(d)
    }
}
impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Map(m)
    }
}
impl From<Vec<Value>> for Value {
    fn from(l: Vec<Value>) -> Value {
        Value::List(l)
    }
}

/// Renders like Java's `toString()`: `{a=1, b=[x, y]}` for maps, `[1, 2]` for lists.
pub(crate) fn write_java_string(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Long(l) => {
            let _ = write!(out, "{l}");
        }
        Value::Float(f) => out.push_str(&format_java_float(*f)),
        Value::Double(d) => out.push_str(&format_java_double(*d)),
        Value::String(s) => out.push_str(s),
        Value::Time(t) => out.push_str(&t.to_java_string()),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java_string(item, out);
            }
            out.push(']');
        }
        Value::Set(s) => {
            out.push('[');
            for (i, idx) in s.java_order().into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java_string(&s.items[idx], out);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            let keys: Vec<(&String, &Value)> = m.iter().collect();
            for (i, idx) in m.java_order().into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let (k, v) = keys[idx];
                out.push_str(k);
                out.push('=');
                write_java_string(v, out);
            }
            out.push('}');
        }
    }
}

/// `Double.toString(d)` (JDK 19+ shortest-repr algorithm, as Elasticsearch 8.x's bundled JDK uses).
pub fn format_java_double(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(d);
    if d.abs() < f64::MIN_POSITIVE {
        if let Some(t) = two_digits(text, d.abs(), |s| s.parse::<f64>() == Ok(d.abs())) {
            let t = if d < 0.0 { format!("-{t}") } else { t };
            return java_layout(&t, false);
        }
    }
    java_layout(text, d.abs() >= 1e-3 && d.abs() < 1e7)
}

/// JDK 19+'s `Double.toString` prints at least two digits: when the shortest decimal that reads
/// back as the value has one digit, the two-digit decimal closest to the value replaces it
/// (`4.9E-324`, not `5.0E-324`). Only subnormal values are far enough from their one-digit
/// decimal for that to differ. `text` is ryu's shortest form of `abs`.
fn two_digits(text: &str, abs: f64, reads_back: impl Fn(&str) -> bool) -> Option<String> {
    let text = text.trim_start_matches('-');
    let (mantissa, _) = text.split_once(['e', 'E'])?;
    if mantissa.len() != 1 {
        return None;
    }
    // the value as k × 10^(exp-1) with k in [10, 100): its own two leading digits (in two
    // steps, so that neither factor leaves the double range)
    let scaled_by = |exp: i32| (abs * 1e300) * 10f64.powi(1 - exp - 300);
    let mut exp = abs.log10().floor() as i32;
    if scaled_by(exp) >= 100.0 {
        exp += 1;
    } else if scaled_by(exp) < 10.0 {
        exp -= 1;
    }
    let k = scaled_by(exp).round() as i64;
    if !(10..100).contains(&k) || k % 10 == 0 {
        return None;
    }
    let candidate = format!("{}.{}e{exp}", k / 10, k % 10);
    reads_back(&candidate).then_some(candidate)
}

/// `Float.toString(f)`.
pub fn format_java_float(f: f32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(f);
    if f.abs() < f32::MIN_POSITIVE {
        let abs = f.abs();
        if let Some(t) = two_digits(text, f64::from(abs), |s| s.parse::<f32>() == Ok(abs)) {
            let t = if f < 0.0 { format!("-{t}") } else { t };
            return java_layout(&t, false);
        }
    }
    java_layout(text, f.abs() >= 1e-3 && f.abs() < 1e7)
}

/// Re-lays ryu's shortest digits the way Java prints them: plain notation with at least one
/// fractional digit in [1e-3, 1e7), otherwise `d.dddE±n`.
fn java_layout(ryu_text: &str, plain: bool) -> String {
    let (negative, text) = match ryu_text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, ryu_text),
    };
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(pos) => (&text[..pos], text[pos + 1..].parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(pos) => (&mantissa[..pos], &mantissa[pos + 1..]),
        None => (mantissa, ""),
    };
    // The digits are gathered on the stack: documents print many doubles (coordinates).
    let (int_part, frac_part) = (int_part.as_bytes(), frac_part.as_bytes());
    let total = int_part.len() + frac_part.len();
    let mut stack = [0u8; 32];
    let mut heap = Vec::new();
    let all: &mut [u8] = if total <= stack.len() {
        &mut stack[..total]
    } else {
        heap.resize(total, 0);
        &mut heap
    };
    all[..int_part.len()].copy_from_slice(int_part);
    all[int_part.len()..].copy_from_slice(frac_part);
    let mut point = int_part.len() as i32 + exp; // position of the decimal point in `digits`
    let leading = all.iter().take_while(|&&b| b == b'0').count();
    point -= leading as i32;
    let rest = &all[leading..];
    let trimmed = rest.len() - rest.iter().rev().take_while(|&&b| b == b'0').count();
    let rest = &rest[..trimmed.max(1).min(rest.len())];
    // ryu writes ASCII digits only.
    let digits = std::str::from_utf8(rest).unwrap_or_default();
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    if plain {
        if point <= 0 {
            out.push_str("0.");
            for _ in 0..(-point) {
                out.push('0');
            }
            out.push_str(digits);
        } else if point as usize >= digits.len() {
            out.push_str(digits);
            for _ in 0..(point as usize - digits.len()) {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        out.push('.');
        if digits.len() > 1 {
            out.push_str(&digits[1..]);
        } else {
            out.push('0');
        }
        let _ = write!(out, "E{}", point - 1);
    }
    out
}

pub mod json {
    //! JSON reading and writing with Jackson's number conventions.

    use super::{format_java_double, format_java_float, Map, Value};
    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub enum Duplicates {
        /// Elasticsearch's default strict duplicate detection.
        Reject,
        /// The last value wins (`json` processor with `allow_duplicate_keys`).
        LastWins,
    }

    /// How to order the elements of a `Set` when writing.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub enum SetOrder {
        /// The order of a `HashSet` copy (simulate responses deep-copy the document).
        Hash,
        /// The set's own iteration order (what indexing would serialise).
        Native,
    }

    /// Maximum nesting accepted, as a guard against stack exhaustion on hostile input.
    pub const MAX_DEPTH: usize = 1000;

    pub fn parse(text: &str, duplicates: Duplicates) -> Result<Value, String> {
        parse_whole(text, duplicates).or_else(|e| match without_comments(text) {
            Some(stripped) => parse_whole(&stripped, duplicates),
            None => Err(e),
        })
    }

    fn parse_whole(text: &str, duplicates: Duplicates) -> Result<Value, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let v = Seed {
            duplicates,
            depth: 0,
        }
        .deserialize(&mut de)
        .map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(v)
    }

    /// Parses the first JSON value of `text` and ignores what follows (Jackson's lenient mode).
    pub fn parse_first(text: &str, duplicates: Duplicates) -> Result<Value, String> {
        parse_first_value(text, duplicates).or_else(|e| match without_comments(text) {
            Some(stripped) => parse_first_value(&stripped, duplicates),
            None => Err(e),
        })
    }

    fn parse_first_value(text: &str, duplicates: Duplicates) -> Result<Value, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        Seed {
            duplicates,
            depth: 0,
        }
        .deserialize(&mut de)
        .map_err(|e| e.to_string())
    }

    /// `text` with its `/* ... */` and `// ...` comments blanked out (newlines kept, so error
    /// positions stay right), or `None` when it has none, or an unterminated one. Elasticsearch's
    /// JSON parser allows comments (`JsonXContentImpl` enables Jackson's `ALLOW_COMMENTS`); they are
    /// rare, so the parsers try without this first.
    pub fn without_comments(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out = bytes.to_vec();
        let (mut i, mut found, mut in_string) = (0, false, false);
        while i < bytes.len() {
            let b = bytes[i];
            if in_string {
                match b {
                    b'\\' => i += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            match (b, bytes.get(i + 1)) {
                (b'"', _) => in_string = true,
                (b'/', Some(b'/')) => {
                    found = true;
                    while i < bytes.len() && bytes[i] != b'\n' {
                        out[i] = b' ';
                        i += 1;
                    }
                    continue;
                }
                (b'/', Some(b'*')) => {
                    found = true;
                    let end = text[i + 2..].find("*/")? + i + 4;
                    for slot in &mut out[i..end] {
                        if *slot != b'\n' {
                            *slot = b' ';
                        }
                    }
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        // comments are blanked byte by byte, whole characters at a time, so this is still UTF-8
        found.then(|| String::from_utf8(out).ok()).flatten()
    }

    #[derive(Clone, Copy)]
    struct Seed {
        duplicates: Duplicates,
        depth: usize,
    }

    impl<'de> DeserializeSeed<'de> for Seed {
        type Value = Value;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            if self.depth > MAX_DEPTH {
                return Err(de::Error::custom(format!(
                    "document nesting exceeds {MAX_DEPTH} levels"
                )));
            }
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Seed {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(match i32::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::Long(v),
            })
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(match i32::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => match i64::try_from(v) {
                    Ok(l) => Value::Long(l),
                    // Jackson would produce a BigInteger; a double is the closest we keep.
                    Err(_) => Value::Double(v as f64),
                },
            })
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::Double(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let inner = Seed {
                depth: self.depth + 1,
                ..self
            };
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(v) = seq.next_element_seed(inner)? {
                items.push(v);
            }
            Ok(Value::List(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
            let inner = Seed {
                depth: self.depth + 1,
                ..self
            };
            // This loop dominates parsing: one key search per entry, and room for a typical object
            // reserved at its first key (a document's top level is usually the biggest object).
            let mut map = Map::new();
            let mut reserve = if self.depth == 0 { 28 } else { 7 };
            while let Some(key) = access.next_key::<String>()? {
                if reserve > 0 {
                    map.entries.reserve(reserve);
                    reserve = 0;
                }
                let value = access.next_value_seed(inner)?;
                match map.entries.get_index_of(&key) {
                    Some(_) if self.duplicates == Duplicates::Reject => {
                        return Err(de::Error::custom(format!("Duplicate field '{key}'")));
                    }
                    Some(i) => map.entries[i] = value,
                    None => {
                        map.entries.push_new(key, value);
                    }
                }
            }
            Ok(Value::Map(map))
        }
    }

    /// Writes JSON. `indent` = None for compact output.
    pub fn write(v: &Value, out: &mut String, indent: Option<usize>, level: usize, sets: SetOrder) {
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => write_i64(*i as i64, out),
            Value::Long(l) => write_i64(*l, out),
            Value::Float(f) => write_float_token(&format_java_float(*f), f.is_finite(), out),
            Value::Double(d) => write_float_token(&format_java_double(*d), d.is_finite(), out),
            Value::String(s) => write_string(s, out),
            Value::Time(t) => write_string(&t.to_xcontent_string(), out),
            Value::List(items) => write_seq(items.iter(), items.len(), out, indent, level, sets),
            Value::Set(s) => match sets {
                SetOrder::Hash => {
                    let items = s.hash_order_items();
                    write_seq(items.into_iter(), s.items.len(), out, indent, level, sets)
                }
                SetOrder::Native => {
                    let order = s.java_order();
                    write_seq(
                        order.iter().map(|&i| &s.items[i]),
                        s.items.len(),
                        out,
                        indent,
                        level,
                        sets,
                    )
                }
            },
            Value::Map(m) => {
                if m.is_empty() {
                    out.push_str("{}");
                    return;
                }
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent, level + 1);
                    write_string(k, out);
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    write(v, out, indent, level + 1, sets);
                }
                newline(out, indent, level);
                out.push('}');
            }
        }
    }

    fn write_seq<'a>(
        items: impl Iterator<Item = &'a Value>,
        len: usize,
        out: &mut String,
        indent: Option<usize>,
        level: usize,
        sets: SetOrder,
    ) {
        if len == 0 {
            out.push_str("[]");
            return;
        }
        out.push('[');
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.push(',');
            }
            newline(out, indent, level + 1);
            write(item, out, indent, level + 1, sets);
        }
        newline(out, indent, level);
        out.push(']');
    }

    fn newline(out: &mut String, indent: Option<usize>, level: usize) {
        if let Some(width) = indent {
            out.push('\n');
            for _ in 0..width * level {
                out.push(' ');
            }
        }
    }

    /// Jackson quotes non-finite numbers (`"NaN"`), since JSON has no token for them.
    fn write_float_token(text: &str, finite: bool, out: &mut String) {
        if finite {
            out.push_str(text);
        } else {
            out.push('"');
            out.push_str(text);
            out.push('"');
        }
    }

    /// Decimal digits of `v`, written straight into `out` (no `String` per number).
    fn write_i64(v: i64, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{v}");
    }

    /// What follows the backslash for each byte that needs escaping; 0 for bytes written verbatim,
    /// `u` for `\u00XX`. A table keeps the scan to one load and compare per byte: `run` spends most of
    /// its floor time here.
    const ESCAPES: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = b'u';
            i += 1;
        }
        t[b'"' as usize] = b'"';
        t[b'\\' as usize] = b'\\';
        t[b'\n' as usize] = b'n';
        t[b'\r' as usize] = b'r';
        t[b'\t' as usize] = b't';
        t[0x08] = b'b';
        t[0x0c] = b'f';
        t
    };

    /// True when some byte of `w` is below 0x20, `"` or `\\` (may also report a clean word whose
    /// bytes borrow into each other; the caller then checks byte by byte, so that is harmless).
    #[inline]
    fn needs_escape(w: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        (control | has_zero(w ^ (ONES * b'"' as u64)) | has_zero(w ^ (ONES * b'\\' as u64))) != 0
    }

    /// JSON string escaping as Jackson does it: the two mandatory escapes, short forms for the
    /// common control characters, `\u00XX` for the others; everything else verbatim.
    pub fn write_string(s: &str, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.reserve(s.len() + 2);
        out.push('"');
        let bytes = s.as_bytes();
        // Most strings need no escape at all: test eight bytes at a time for a control
        // character, a quote or a backslash, and copy the clean prefix in one go.
        let mut clean = 0;
        while clean + 8 <= bytes.len() {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[clean..clean + 8]);
            if needs_escape(u64::from_le_bytes(word)) {
                break;
            }
            clean += 8;
        }
        let tail = bytes.len() - clean;
        if tail < 8 {
            // The last few bytes, padded with spaces (which need no escape), in one more test.
            let mut word = [b' '; 8];
            word[..tail].copy_from_slice(&bytes[clean..]);
            if !needs_escape(u64::from_le_bytes(word)) {
                out.push_str(s);
                out.push('"');
                return;
            }
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate().skip(clean) {
            let escape = ESCAPES[b as usize];
            if escape == 0 {
                continue;
            }
            // Escaped bytes are ASCII, so `start..i` always falls on char boundaries.
            out.push_str(&s[start..i]);
            out.push('\\');
            if escape == b'u' {
                out.push_str("u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 0xf) as usize] as char);
            } else {
                out.push(escape as char);
            }
            start = i + 1;
        }
        out.push_str(&s[start..]);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_double_formatting() {
        assert_eq!(format_java_double(1.0), "1.0");
        assert_eq!(format_java_double(1e7), "1.0E7");
        assert_eq!(format_java_double(9999999.0), "9999999.0");
        // JDK 19+: at least two digits, the closest two-digit decimal (JDK 25 checked; JDK 17
        // printed 1.0E-323 for the second)
        assert_eq!(format_java_double(f64::from_bits(1)), "4.9E-324");
        assert_eq!(format_java_double(f64::from_bits(2)), "9.9E-324");
        assert_eq!(format_java_double(-f64::from_bits(3)), "-1.5E-323");
        assert_eq!(format_java_float(f32::from_bits(1)), "1.4E-45");
        assert_eq!(format_java_double(0.001), "0.001");
        assert_eq!(format_java_double(0.0001), "1.0E-4");
        assert_eq!(format_java_double(-121.919), "-121.919");
        assert_eq!(format_java_double(1.2345e-10), "1.2345E-10");
        assert_eq!(format_java_double(123456789.0), "1.23456789E8");
        assert_eq!(format_java_double(100.0), "100.0");
        assert_eq!(format_java_float(3.3), "3.3");
        assert_eq!(format_java_float(1.1e10), "1.1E10");
    }

    #[test]
    fn json_numbers_follow_jackson() {
        let v = Value::from_json_str(r#"{"a":1,"b":3000000000,"c":1.0,"d":1e3}"#).unwrap();
        let m = v.as_map().unwrap();
        assert!(matches!(m.get("a"), Some(Value::Int(1))));
        assert!(matches!(m.get("b"), Some(Value::Long(3000000000))));
        assert!(matches!(m.get("c"), Some(Value::Double(_))));
        assert_eq!(v.to_json(), r#"{"a":1,"b":3000000000,"c":1.0,"d":1000.0}"#);
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let err = Value::from_json_str(r#"{"a":1,"a":2}"#).unwrap_err();
        assert!(err.contains("Duplicate field 'a'"), "{err}");
        let v = json::parse(r#"{"a":1,"a":2}"#, json::Duplicates::LastWins).unwrap();
        assert_eq!(v.to_json(), r#"{"a":2}"#);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(Value::from_json_str(&text).is_err());
    }

    #[test]
    fn string_hash_matches_java() {
        assert_eq!(java_string_hash("hello"), 99162322);
        assert_eq!(java_string_hash(""), 0);
        // String.hashCode() on JDK 17: UTF-16 units, a surrogate pair counting as two
        assert_eq!(java_string_hash("héllo"), 103094734);
        assert_eq!(java_string_hash("日本"), 835047);
        assert_eq!(java_string_hash("a😀b"), 57849694);
        assert_eq!(
            java_string_hash("New Geo-Location"),
            java_string_hash("New Geo-Location")
        );
    }

    #[test]
    fn hash_order_follows_buckets() {
        // "b" (98) and "a" (97) land in buckets 2 and 1 of a 16-slot table.
        let mut m = Map::new();
        m.insert("b", Value::Int(1));
        m.insert("a", Value::Int(2));
        assert_eq!(m.java_keys(), vec!["a", "b"]);
    }

    #[test]
    fn simulate_copies_sets_into_expected_size_hash_sets() {
        // Checked against Java: a TreeSet copied by ES's deepCopy iterates in this order.
        let mut set = Set::new(CollectionKind::Tree);
        for s in [
            "00p1abvweGGDW10Ur4x6",
            "xxxxxx@elastic.co",
            "0pr1abvwfqGFI4n064x6",
            "00u1abvz4pYqdM8ms4x6",
        ] {
            set.add(Value::from(s));
        }
        let order: Vec<String> = set
            .hash_order_items()
            .iter()
            .map(|v| v.to_java_string())
            .collect();
        assert_eq!(
            order,
            [
                "00p1abvweGGDW10Ur4x6",
                "xxxxxx@elastic.co",
                "0pr1abvwfqGFI4n064x6",
                "00u1abvz4pYqdM8ms4x6"
            ]
        );
        let mut two = Set::new(CollectionKind::Tree);
        two.add(Value::from("username@elastic.co"));
        two.add(Value::from("00u1abvz4pYqdM8ms4x6"));
        let order: Vec<String> = two
            .hash_order_items()
            .iter()
            .map(|v| v.to_java_string())
            .collect();
        assert_eq!(order, ["00u1abvz4pYqdM8ms4x6", "username@elastic.co"]);
        assert_eq!(es_expected_size_table(3), 8);
        assert_eq!(es_expected_size_table(12), 32);
    }

    #[test]
    fn escapes_found_past_the_word_scan() {
        for (input, expected) in [
            ("abcdefgh", r#""abcdefgh""#),
            ("abcdefgh\"", r#""abcdefgh\"""#),
            ("ééééééééé\u{7f}\u{1f}x", "\"ééééééééé\u{7f}\\u001Fx\""),
            ("0123456789abcdef\\", r#""0123456789abcdef\\""#),
            ("", r#""""#),
            ("ab\"c", r#""ab\"c""#),
            ("abcdefghij\tk", r#""abcdefghij\tk""#),
            ("short", r#""short""#),
        ] {
            let mut out = String::new();
            json::write_string(input, &mut out);
            assert_eq!(out, expected, "{input:?}");
        }
    }

    #[test]
    fn escaping_matches_a_char_by_char_escaper_on_mixed_strings() {
        fn reference(s: &str) -> String {
            let mut out = String::from('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        // runs of every length between escapes, multi-byte characters on word boundaries
        let palette = [
            "a", "\"", "\\", "\n", "\u{1f}", "é", "€", "😀", "xyzxyzx", "\u{7f}",
        ];
        let mut seed = 0x2545_f491_u64;
        for len in 0..400 {
            let mut s = String::new();
            for _ in 0..len % 40 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(palette[(seed >> 33) as usize % palette.len()]);
            }
            let mut out = String::from("prefix");
            json::write_string(&s, &mut out);
            assert_eq!(out, format!("prefix{}", reference(&s)), "{s:?}");
        }
    }

    #[test]
    fn escapes_like_jackson() {
        let mut out = String::new();
        json::write_string("a\"b\\c\n\u{1}é/", &mut out);
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001é/\"");
    }

    #[test]
    fn comments_are_allowed_as_jackson_allows_them() {
        let parse = |t: &str| json::parse(t, json::Duplicates::Reject).map(|v| v.to_json());
        let ok = |t: &str, want: &str| assert_eq!(parse(t).as_deref(), Ok(want), "{t}");
        ok(r#"{"a":1 /* c */, "b":2}"#, r#"{"a":1,"b":2}"#);
        ok("// lc\n{\"a\":1}", r#"{"a":1}"#);
        ok(r#"{"a":1} /* trailing comment */"#, r#"{"a":1}"#);
        ok(r#"{"a":1} // trailing line comment"#, r#"{"a":1}"#);
        ok("/* é\n */ {\"a\": \"//x/*y*/\"}", r#"{"a":"//x/*y*/"}"#);
        ok(r#"{"a\"//":1}"#, r#"{"a\"//":1}"#);
        // still errors: an unterminated comment, YAML-style comments, a comment inside a token
        assert!(parse(r#"{"a":1} /* open"#).is_err());
        assert!(parse("# y\n{}").is_err());
        assert!(parse("{\"a\":1/**/2}").is_err());
        assert_eq!(
            json::parse_first("// x\n{\"a\":1} 2", json::Duplicates::Reject).map(|v| v.to_json()),
            Ok(r#"{"a":1}"#.to_string())
        );
    }
}
