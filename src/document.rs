//! The ingest document, with Elasticsearch's field-path rules (`IngestDocument`, classic access pattern).
//!
//! `ctx` holds the source together with the metadata keys (`_index`, `_id`, …), exactly what a Painless
//! script sees as `ctx` (ES `IngestCtxMap`). `ingest` is the `_ingest` metadata map.

use crate::value::{CollectionKind, Map, Value};

/// Metadata keys that live beside the source in `ctx` (ES `IngestDocMetadata`).
pub const METADATA_KEYS: [&str; 8] = [
    "_index",
    "_id",
    "_routing",
    "_version",
    "_version_type",
    "_if_seq_no",
    "_if_primary_term",
    "_dynamic_templates",
];

pub fn is_metadata_key(key: &str) -> bool {
    METADATA_KEYS.contains(&key)
}

/// Entries of the root's source table: `ctx` less its metadata keys, which `IngestCtxMap` keeps
/// apart from the source `HashMap`.
pub fn source_len(ctx: &Map) -> usize {
    ctx.len() - METADATA_KEYS.iter().filter(|k| ctx.contains_key(k)).count()
}

/// A parsed field path. Parsing happens once, at pipeline load, for every path that is not a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    /// The path as written, for error messages.
    pub full: String,
    /// True for `_ingest.` paths, which address the ingest metadata.
    pub ingest: bool,
    pub parts: Vec<String>,
}

impl FieldPath {
    /// ES `IngestDocument.FieldPath`: strips `_ingest.` / `_source.` and splits on dots.
    pub fn parse(path: &str) -> Result<FieldPath, String> {
        if path.is_empty() {
            return Err("path cannot be null nor empty".into());
        }
        let (ingest, rest) = if let Some(rest) = path.strip_prefix("_ingest.") {
            (true, rest)
        } else if let Some(rest) = path.strip_prefix("_source.") {
            (false, rest)
        } else {
            (false, path)
        };
        // Java's String.split drops trailing empty strings.
        let mut parts: Vec<String> = rest.split('.').map(str::to_string).collect();
        while parts.len() > 1 && parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop();
        }
        if parts.len() == 1 && parts[0].is_empty() {
            return Err(format!("path [{path}] is not valid"));
        }
        Ok(FieldPath {
            full: path.to_string(),
            ingest,
            parts,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct IngestDocument {
    pub ctx: Map,
    pub ingest: Map,
    /// Pipelines currently executing, outermost first (ES `executedPipelines`).
    pub pipeline_stack: Vec<String>,
    /// Set by the `terminate` processor; cleared when the current pipeline ends.
    pub terminate: bool,
    /// Set by the `reroute` processor (ES `IngestDocument.reroute`): unlike `terminate` it is not
    /// cleared when a pipeline ends, so every pipeline on the stack stops.
    pub reroute: bool,
}

fn type_name(v: &Value) -> &'static str {
    v.java_class_name()
}

fn parse_index(path: &str, key: &str, len: usize) -> Result<usize, String> {
    let index: i32 = key.parse().map_err(|_| {
        format!("[{key}] is not an integer, cannot be used as an index as part of path [{path}]")
    })?;
    if index < 0 || index as usize >= len {
        return Err(format!(
            "[{index}] is out of bounds for array with length [{len}] as part of path [{path}]"
        ));
    }
    Ok(index as usize)
}

/// Why [`IngestDocument::lookup`] found no value; [`LookupError::message`] gives ES's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError<'p> {
    /// A list index that is not an integer or out of bounds (message already built).
    Index(String),
    FromNull(&'p str),
    FromType(&'p str, &'static str),
    NotPresent(&'p str),
    Invalid,
}

impl LookupError<'_> {
    pub fn message(self, path: &FieldPath) -> String {
        let full = &path.full;
        match self {
            LookupError::Index(m) => m,
            LookupError::FromNull(key) => {
                format!("cannot resolve [{key}] from null as part of path [{full}]")
            }
            LookupError::FromType(key, ty) => {
                format!(
                    "cannot resolve [{key}] from object of type [{ty}] as part of path [{full}]"
                )
            }
            LookupError::NotPresent(key) => {
                format!("field [{key}] not present as part of path [{full}]")
            }
            LookupError::Invalid => format!("path [{full}] is not valid"),
        }
    }
}

impl IngestDocument {
    /// A new document whose `_ingest.timestamp` is `timestamp` (a `ZonedDateTime`: see
    /// [`now_timestamp`] and [`utc_timestamp`]).
    pub fn new(source: Map, metadata: Vec<(&str, Value)>, timestamp: Value) -> IngestDocument {
        // IngestCtxMap holds `new HashMap<>(source)`: a table sized for the source's keys
        let table = crate::value::presized_capacity(source.len());
        let mut ctx = source.with_initial_table(table);
        for (k, v) in metadata {
            if !v.is_null() {
                ctx.insert(k, v);
            }
        }
        let mut ingest = Map::new();
        ingest.insert("timestamp", timestamp);
        IngestDocument {
            ctx,
            ingest,
            pipeline_stack: Vec::new(),
            terminate: false,
            reroute: false,
        }
    }

    /// The source without metadata keys.
    pub fn source(&self) -> Map {
        let mut out = Map::with_kind(self.ctx.kind);
        for (k, v) in self.ctx.iter() {
            if !is_metadata_key(k) {
                out.insert(k.clone(), v.clone());
            }
        }
        out
    }

    pub fn metadata(&self, key: &str) -> Option<&Value> {
        self.ctx.get(key)
    }

    fn root(&self, path: &FieldPath) -> &Map {
        if path.ingest {
            &self.ingest
        } else {
            &self.ctx
        }
    }

    /// `getFieldValue`: the value at `path`, or ES's error for a missing or unreachable field.
    pub fn get(&self, path: &FieldPath) -> Result<&Value, String> {
        self.lookup(path).map_err(|e| e.message(path))
    }

    /// `get` without building the error message, for callers that only need to know a field is missing
    /// (`ignore_missing`, `hasField`): most documents lack most optional fields.
    pub fn lookup<'p>(&self, path: &'p FieldPath) -> Result<&Value, LookupError<'p>> {
        let mut current: Option<&Value> = None;
        let root = self.root(path);
        for key in path.parts.iter() {
            let next = match current {
                None => root.get(key),
                Some(Value::Map(m)) => m.get(key),
                Some(Value::List(l)) => {
                    Some(&l[parse_index(&path.full, key, l.len()).map_err(LookupError::Index)?])
                }
                Some(Value::Null) => return Err(LookupError::FromNull(key)),
                Some(other) => return Err(LookupError::FromType(key, type_name(other))),
            };
            match next {
                Some(v) => current = Some(v),
                None => return Err(LookupError::NotPresent(key)),
            }
        }
        current.ok_or(LookupError::Invalid)
    }

    /// The value, or None when missing (for `ignore_missing` handling). A present null is `Some(Null)`.
    pub fn get_opt(&self, path: &FieldPath) -> Option<&Value> {
        self.lookup(path).ok()
    }

    /// `hasField`: true when every segment resolves.
    pub fn has(&self, path: &FieldPath) -> bool {
        self.lookup(path).is_ok()
    }

    /// `setFieldValue`: creates missing intermediate objects, never list slots.
    pub fn set(&mut self, path: &FieldPath, value: Value) -> Result<(), String> {
        self.set_or_return(path, value).map_err(|(e, _)| e)
    }

    /// Like `set`, but a failed write hands the value back (so callers need not clone it first).
    pub fn set_or_return(&mut self, path: &FieldPath, value: Value) -> Result<(), (String, Value)> {
        self.write(path, value, None, false)
            .map_err(|r| r.into_message(&path.full))
    }

    /// `appendFieldValue`: turns a scalar into a list and appends (`allow_duplicates` false skips values
    /// already present).
    pub fn append(
        &mut self,
        path: &FieldPath,
        value: Value,
        allow_duplicates: bool,
    ) -> Result<(), String> {
        self.write(path, value, Some(allow_duplicates), false)
            .map_err(|r| r.into_message(&path.full).0)
    }

    fn write(
        &mut self,
        path: &FieldPath,
        value: Value,
        append: Option<bool>,
        if_absent: bool,
    ) -> Result<(), Refusal> {
        if !path.ingest && path.parts.len() == 1 {
            // an existing field is reported before a metadata type error, as `hasField` runs first
            if if_absent && self.ctx.contains_key(&path.parts[0]) {
                return Err(Refusal::Exists(value));
            }
            if let Err(e) = validate_metadata(&path.parts[0], &value) {
                return Err(Refusal::Failed(e, value));
            }
        }
        let root = if path.ingest {
            &mut self.ingest
        } else {
            &mut self.ctx
        };
        write_in_map(root, &path.parts, &path.full, value, append, if_absent)
    }

    /// `hasField` then `setFieldValue` in one walk: a field that is already there is left alone.
    pub fn set_if_absent(&mut self, path: &FieldPath, value: Value) -> Result<(), Refusal> {
        self.write(path, value, None, true)
    }

    /// `removeField`.
    pub fn remove(&mut self, path: &FieldPath) -> Result<Value, String> {
        if !path.ingest && path.parts.len() == 1 && path.parts[0] == "_version" {
            return Err("_version cannot be removed".into());
        }
        if path.ingest {
            return remove_from_map(&mut self.ingest, &path.parts, &path.full, Map::len);
        }
        remove_from_map(&mut self.ctx, &path.parts, &path.full, source_len)
    }

    /// `removeField` for a field that may be absent: `None` exactly when [`IngestDocument::has`]
    /// is false, in one walk instead of two. Removal fails exactly where lookup does (a missing
    /// key, a null or scalar parent, a bad list index), and then no message is built.
    pub fn take(&mut self, path: &FieldPath) -> Result<Option<Value>, String> {
        Ok(self.take_with_place(path)?.map(|(value, _)| value))
    }

    /// [`IngestDocument::take`] that also gives the field's place in its map or list, for
    /// [`IngestDocument::put_back`]. `None` exactly where a lookup fails (a missing key, a null
    /// or scalar parent, a bad list index).
    pub fn take_with_place(&mut self, path: &FieldPath) -> Result<Option<(Value, usize)>, String> {
        if !path.ingest && path.parts.len() == 1 && path.parts[0] == "_version" {
            if !self.ctx.contains_key("_version") {
                return Ok(None);
            }
            return Err("_version cannot be removed".into());
        }
        let Some(last) = path.parts.last() else {
            return Ok(None);
        };
        let at_root = !path.ingest && path.parts.len() == 1;
        Ok(match self.parent_mut(path) {
            Some(Parent::Map(m)) => m.index_of(last).and_then(|i| {
                let counted = if at_root { source_len } else { Map::len };
                m.remove_index(i, counted).map(|(_, v)| (v, i))
            }),
            Some(Parent::List(l)) => match parse_index(&path.full, last, l.len()) {
                Ok(i) => Some((l.remove(i), i)),
                Err(_) => None,
            },
            None => None,
        })
    }

    /// Undoes [`IngestDocument::take_with_place`]: the field goes back where it was, as if it had
    /// never been removed.
    pub fn put_back(&mut self, path: &FieldPath, value: Value, place: usize) {
        let Some(last) = path.parts.last() else {
            return;
        };
        match self.parent_mut(path) {
            Some(Parent::Map(m)) => {
                let place = place.min(m.len());
                m.entries.shift_insert(place, last.clone(), value);
            }
            Some(Parent::List(l)) => l.insert(place.min(l.len()), value),
            None => {}
        }
    }

    /// The map or list holding the last segment of `path`, when every segment before it resolves.
    fn parent_mut(&mut self, path: &FieldPath) -> Option<Parent<'_>> {
        let root = if path.ingest {
            &mut self.ingest
        } else {
            &mut self.ctx
        };
        let (_, init) = path.parts.split_last()?;
        let mut parent = Parent::Map(root);
        for key in init {
            let next = match parent {
                Parent::Map(m) => m.get_mut(key)?,
                Parent::List(l) => {
                    let i = parse_index(&path.full, key, l.len()).ok()?;
                    &mut l[i]
                }
            };
            parent = match next {
                Value::Map(m) => Parent::Map(m),
                Value::List(l) => Parent::List(l),
                _ => return None,
            };
        }
        Some(parent)
    }

    /// Convenience for string paths (parsed on the spot; hot paths use pre-parsed `FieldPath`s).
    pub fn get_str_path(&self, path: &str) -> Result<&Value, String> {
        self.get(&FieldPath::parse(path)?)
    }
    pub fn set_str_path(&mut self, path: &str, value: Value) -> Result<(), String> {
        self.set(&FieldPath::parse(path)?, value)
    }

    /// A copy of `ctx` that iterates as ES's `IngestCtxMap` does (the source in its `HashMap`
    /// order, then the metadata): what a template sees as `_source` (`IngestDocument`'s template
    /// model maps `_source` to the ctx map itself).
    pub fn ctx_in_java_order(&self) -> Map {
        let entries: Vec<(&String, &Value)> = self.ctx.iter().collect();
        let order = crate::painless::rt::ctx_order(
            entries.iter().map(|(k, _)| k.as_str()),
            self.ctx.initial_capacity(),
        );
        let mut out = Map::with_kind(CollectionKind::Linked);
        for i in order {
            out.insert(entries[i].0.clone(), entries[i].1.clone());
        }
        out
    }

    /// Where a template name starts in the document (ES's template model: ctx, with `_source` and
    /// `_ingest` overrides): the value its first key names (two keys under `_source.` and
    /// `_ingest.`), and the rest of the name, which [`crate::template`] walks.
    pub fn template_base<'n>(&self, name: &'n str) -> Option<(&Value, Option<&'n str>)> {
        let (first, rest) = match name.split_once('.') {
            Some((first, rest)) => (first, Some(rest)),
            None => (name, None),
        };
        let (map, key, rest) = match first {
            "_ingest" | "_source" => {
                let rest = rest?;
                let (key, rest) = match rest.split_once('.') {
                    Some((key, rest)) => (key, Some(rest)),
                    None => (rest, None),
                };
                let map = if first == "_ingest" {
                    &self.ingest
                } else {
                    &self.ctx
                };
                (map, key, rest)
            }
            _ => (&self.ctx, first, rest),
        };
        Some((map.get(key)?, rest))
    }
}

/// Writes `value` at `parts` below `map`. A loop rather than recursion: the value and the error
/// (which hands the value back) are not moved through one frame per segment.
fn write_in_map(
    mut map: &mut Map,
    mut parts: &[String],
    full: &str,
    value: Value,
    append: Option<bool>,
    if_absent: bool,
) -> Result<(), Refusal> {
    let exists = |value| Err(Refusal::Exists(value));
    loop {
        let key = &parts[0];
        if parts.len() == 1 {
            match map.get_mut(key) {
                Some(_) if if_absent => return exists(value),
                Some(slot) => store(slot, value, append),
                // A new field needs the key string; overwriting an existing one does not.
                None => {
                    let new = match append {
                        Some(allow_dups) => {
                            append_values(Value::List(Vec::new()), value, allow_dups)
                        }
                        None => value,
                    };
                    map.insert_new(key.clone(), new);
                }
            }
            return Ok(());
        }
        let mut container = match map.index_of(key) {
            Some(i) => &mut map.entries[i],
            None => {
                // Objects created on the way usually receive several fields.
                let mut m = Map::new();
                m.entries.reserve(7);
                let i = map.insert_new(key.clone(), Value::Map(m));
                &mut map.entries[i]
            }
        };
        parts = &parts[1..];
        // Lists are walked here; reaching a map continues the outer loop.
        loop {
            let key = &parts[0];
            match container {
                Value::Map(m) => {
                    map = m;
                    break;
                }
                Value::List(l) => {
                    let idx = match parse_index(full, key, l.len()) {
                        Ok(i) => i,
                        Err(e) => return Err(Refusal::Failed(e, value)),
                    };
                    let slot = &mut l[idx];
                    if parts.len() == 1 {
                        if if_absent {
                            return exists(value);
                        }
                        store(slot, value, append);
                        return Ok(());
                    }
                    container = slot;
                    parts = &parts[1..];
                }
                Value::Null if parts.len() == 1 => {
                    return Err(Refusal::Failed(
                        format!("cannot set [{key}] with null parent as part of path [{full}]"),
                        value,
                    ))
                }
                Value::Null => {
                    return Err(Refusal::Failed(
                        format!("cannot resolve [{key}] from null as part of path [{full}]"),
                        value,
                    ))
                }
                other if parts.len() == 1 => {
                    return Err(Refusal::Failed(
                        format!(
                            "cannot set [{key}] with parent object of type [{}] as part of path [{full}]",
                            type_name(other)
                        ),
                        value,
                    ))
                }
                other => {
                    return Err(Refusal::Failed(
                        format!(
                            "cannot resolve [{key}] from object of type [{}] as part of path [{full}]",
                            type_name(other)
                        ),
                        value,
                    ))
                }
            }
        }
    }
}

/// Why [`IngestDocument::set_if_absent`] did not write; the value comes back either way.
pub enum Refusal {
    Exists(Value),
    Failed(String, Value),
}

impl Refusal {
    /// The refusal as an error message for `full`, with the value handed back.
    fn into_message(self, full: &str) -> (String, Value) {
        match self {
            Refusal::Exists(value) => (format!("field [{full}] already exists"), value),
            Refusal::Failed(message, value) => (message, value),
        }
    }
}

/// Where a field lives: the container of its last path segment.
enum Parent<'a> {
    Map(&'a mut Map),
    List(&'a mut Vec<Value>),
}

/// The last step of a write into an existing slot: replace, or append (`appendFieldValue`).
fn store(slot: &mut Value, value: Value, append: Option<bool>) {
    match append {
        Some(allow_dups) => {
            let old = std::mem::take(slot);
            *slot = append_values(old, value, allow_dups);
        }
        None => *slot = value,
    }
}

/// The removal behind `removeField`, with ES's message for a path that does not resolve.
/// ([`IngestDocument::take`] removes optional fields without building messages.)
/// `counted` counts the entries of `map`'s hash table (the root's source keys: see
/// [`Map::keep_table`]).
fn remove_from_map(
    map: &mut Map,
    parts: &[String],
    full: &str,
    counted: fn(&Map) -> usize,
) -> Result<Value, String> {
    let key = &parts[0];
    let found = if parts.len() == 1 {
        map.index_of(key)
            .and_then(|i| map.remove_index(i, counted))
            .map(|(_, v)| v)
    } else {
        match map.get_mut(key) {
            Some(child) => return remove_from_value(child, &parts[1..], full),
            None => None,
        }
    };
    found.ok_or_else(|| format!("field [{key}] not present as part of path [{full}]"))
}

fn remove_from_value(container: &mut Value, parts: &[String], full: &str) -> Result<Value, String> {
    let key = &parts[0];
    let last = parts.len() == 1;
    let (verb, parent) = match container {
        Value::Map(m) => return remove_from_map(m, parts, full, Map::len),
        Value::List(l) => {
            let idx = parse_index(full, key, l.len())?;
            if last {
                return Ok(l.remove(idx));
            }
            return remove_from_value(&mut l[idx], &parts[1..], full);
        }
        Value::Null => (if last { "remove" } else { "resolve" }, None),
        other => (
            if last { "remove" } else { "resolve" },
            Some(type_name(other)),
        ),
    };
    Err(match parent {
        None => format!("cannot {verb} [{key}] from null as part of path [{full}]"),
        Some(ty) => {
            format!("cannot {verb} [{key}] from object of type [{ty}] as part of path [{full}]")
        }
    })
}

/// ES `IngestDocument.appendValues`. Without duplicates, a value that gains nothing is left as it
/// was: a scalar stays a scalar ("so the ingest document remains unmodified").
fn append_values(existing: Value, value: Value, allow_duplicates: bool) -> Value {
    let was_scalar = !matches!(existing, Value::List(_));
    let mut list = match existing {
        Value::List(l) => l,
        other => vec![other],
    };
    let mut appended = false;
    let mut add = |v: Value| {
        if allow_duplicates || !list.contains(&v) {
            list.push(v);
            appended = true;
        }
    };
    match value {
        Value::List(l) => l.into_iter().for_each(&mut add),
        other => add(other),
    }
    if was_scalar && !allow_duplicates && !appended {
        if let Some(scalar) = list.pop() {
            return scalar;
        }
    }
    Value::List(list)
}

/// Type rules of ES `IngestDocMetadata` for the metadata keys.
fn validate_metadata(key: &str, value: &Value) -> Result<(), String> {
    let ok = match key {
        "_index" | "_id" | "_routing" | "_version_type" => {
            matches!(value, Value::Null | Value::String(_))
        }
        "_version" => matches!(value, Value::Int(_) | Value::Long(_)),
        "_if_seq_no" | "_if_primary_term" => {
            matches!(value, Value::Null | Value::Int(_) | Value::Long(_))
        }
        "_dynamic_templates" => matches!(value, Value::Null | Value::Map(_)),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    let expected = match key {
        "_version" => "a Number",
        "_if_seq_no" | "_if_primary_term" => "null or a Number",
        "_dynamic_templates" => "null or a Map",
        _ => "null or a String",
    };
    if key == "_version" && value.is_null() {
        return Err("_version cannot be null".into());
    }
    Err(format!(
        "{key} must be {expected} but was [{}] with type [{}]",
        value.to_java_string(),
        value.java_class_name()
    ))
}

/// `ZonedDateTime.now(ZoneOffset.UTC)`: `_ingest.timestamp`, a `ZonedDateTime` object (scripts
/// see one; `set` with `copy_from` copies the object; output prints it as XContent does).
pub fn now_timestamp() -> Value {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // Java's system clock ticks in microseconds on Linux.
    utc_timestamp(now.as_secs() as i64, now.subsec_micros() * 1000)
}

/// A UTC `ZonedDateTime` document value for an instant (seconds since the epoch and nanoseconds).
pub fn utc_timestamp(epoch_seconds: i64, nanos: u32) -> Value {
    let ts =
        jiff::Timestamp::new(epoch_seconds, nanos as i32).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    Value::Time(Box::new(crate::value::JavaTime::utc(ts)))
}

/// An empty HashMap value (ES creates intermediate objects as `HashMap`).
pub fn new_object() -> Value {
    Value::Map(Map::with_kind(CollectionKind::Hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> IngestDocument {
        let Value::Map(source) = Value::from_json_str(json).unwrap() else {
            panic!("not an object")
        };
        IngestDocument::new(
            source,
            vec![
                ("_index", "idx".into()),
                ("_id", "1".into()),
                ("_version", Value::Long(-3)),
            ],
            "2024-01-01T00:00:00Z".into(),
        )
    }

    fn p(s: &str) -> FieldPath {
        FieldPath::parse(s).unwrap()
    }

    /// A tree map (a script's `TreeMap` stored in the document) stays sorted when a write adds a
    /// field or an intermediate object to it.
    #[test]
    fn writes_keep_tree_maps_sorted() {
        let mut d = doc("{}");
        let mut tree = Map::with_kind(CollectionKind::Tree);
        tree.insert("b", Value::Int(1));
        tree.insert("d", Value::Int(2));
        d.set(&p("t"), Value::Map(tree)).unwrap();
        d.set(&p("t.c"), Value::Int(3)).unwrap();
        d.set(&p("t.a.x"), Value::Int(4)).unwrap();
        d.set(&p("t.e"), Value::Int(5)).unwrap();
        let Ok(Value::Map(t)) = d.get(&p("t")) else {
            panic!("t is a map")
        };
        let keys: Vec<&str> = t.entries.keys().map(|k| k.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c", "d", "e"]);
        assert_eq!(d.get(&p("t.a.x")).unwrap(), &Value::Int(4));
    }

    /// `take` must agree with `has` on every path shape, and remove what `remove` removes.
    #[test]
    fn take_is_has_then_remove() {
        let json = r#"{"a":{"b":[{"c":1},{"c":2}],"n":null,"s":"x"},"t":[1]}"#;
        for path in [
            "a",
            "a.b",
            "a.b.1",
            "a.b.1.c",
            "a.b.2",
            "a.b.x",
            "a.b.-1",
            "a.n",
            "a.n.z",
            "a.s.z",
            "a.s",
            "a.zz",
            "zz.y",
            "t.0",
            "t.0.q",
            "_index",
            "_id",
            "_ingest.timestamp",
            "_source.a.s",
            "_version",
        ] {
            let path = p(path);
            let mut taken = doc(json);
            let mut removed = doc(json);
            let present = taken.has(&path);
            match taken.take(&path) {
                Ok(Some(v)) => {
                    assert!(present, "{}", path.full);
                    assert_eq!(removed.remove(&path), Ok(v), "{}", path.full);
                }
                Ok(None) => assert!(!present, "{}", path.full),
                Err(e) => assert_eq!(removed.remove(&path), Err(e), "{}", path.full),
            }
            assert_eq!(taken.ctx, removed.ctx, "{}", path.full);
        }
    }

    #[test]
    fn reads_nested_and_list_paths() {
        let d = doc(r#"{"a":{"b":[{"c":1},{"c":2}]}}"#);
        assert_eq!(d.get(&p("a.b.1.c")).unwrap(), &Value::Int(2));
        assert_eq!(d.get(&p("_source.a.b.0.c")).unwrap(), &Value::Int(1));
        assert_eq!(d.get(&p("_index")).unwrap(), &Value::from("idx"));
    }

    #[test]
    fn read_errors_use_es_wording() {
        let d = doc(r#"{"a":{"b":[1],"s":"x","n":null}}"#);
        assert_eq!(
            d.get(&p("a.x")).unwrap_err(),
            "field [x] not present as part of path [a.x]"
        );
        assert_eq!(
            d.get(&p("a.s.t")).unwrap_err(),
            "cannot resolve [t] from object of type [java.lang.String] as part of path [a.s.t]"
        );
        assert_eq!(
            d.get(&p("a.b.3")).unwrap_err(),
            "[3] is out of bounds for array with length [1] as part of path [a.b.3]"
        );
        assert_eq!(
            d.get(&p("a.b.x")).unwrap_err(),
            "[x] is not an integer, cannot be used as an index as part of path [a.b.x]"
        );
        assert_eq!(
            d.get(&p("a.n.x")).unwrap_err(),
            "cannot resolve [x] from null as part of path [a.n.x]"
        );
    }

    #[test]
    fn set_creates_intermediate_objects() {
        let mut d = doc(r#"{}"#);
        d.set(&p("a.b.c"), Value::Int(1)).unwrap();
        assert_eq!(d.source().get("a").unwrap().to_json(), r#"{"b":{"c":1}}"#);
        d.set(&p("_ingest.x"), Value::Int(2)).unwrap();
        assert_eq!(d.ingest.get("x"), Some(&Value::Int(2)));
    }

    #[test]
    fn set_through_scalar_fails() {
        let mut d = doc(r#"{"a":"s"}"#);
        assert_eq!(
            d.set(&p("a.b"), Value::Int(1)).unwrap_err(),
            "cannot set [b] with parent object of type [java.lang.String] as part of path [a.b]"
        );
        assert_eq!(
            d.set(&p("a.b.c"), Value::Int(1)).unwrap_err(),
            "cannot resolve [b] from object of type [java.lang.String] as part of path [a.b.c]"
        );
    }

    #[test]
    fn append_turns_scalars_into_lists() {
        let mut d = doc(r#"{"a":"x","l":[1]}"#);
        d.append(&p("a"), "y".into(), true).unwrap();
        d.append(&p("new"), Value::List(vec![1.into(), 1.into()]), false)
            .unwrap();
        d.append(&p("l"), Value::List(vec![1.into(), 2.into()]), false)
            .unwrap();
        assert_eq!(
            d.source().to_json_value(),
            r#"{"a":["x","y"],"l":[1,2],"new":[1]}"#
        );
    }

    #[test]
    fn remove_fields_and_list_elements() {
        let mut d = doc(r#"{"a":{"b":1},"l":[1,2]}"#);
        d.remove(&p("a.b")).unwrap();
        d.remove(&p("l.0")).unwrap();
        assert_eq!(d.source().to_json_value(), r#"{"a":{},"l":[2]}"#);
        assert_eq!(
            d.remove(&p("a.z")).unwrap_err(),
            "field [z] not present as part of path [a.z]"
        );
    }

    #[test]
    fn metadata_types_are_validated() {
        let mut d = doc("{}");
        assert!(d.set(&p("_index"), Value::Int(1)).is_err());
        d.set(&p("_index"), "other".into()).unwrap();
        assert_eq!(d.metadata("_index"), Some(&Value::from("other")));
    }

    #[test]
    fn timestamps_print_as_java_and_xcontent_do() {
        let text = |secs, nanos| utc_timestamp(secs, nanos).to_java_string();
        assert_eq!(text(0, 0), "1970-01-01T00:00Z");
        assert_eq!(text(1581718731, 843_000_000), "2020-02-14T22:18:51.843Z");
        assert_eq!(text(1581718731, 843_100_000), "2020-02-14T22:18:51.843100Z");
        assert_eq!(
            text(1581718731, 843_100_001),
            "2020-02-14T22:18:51.843100001Z"
        );
        assert_eq!(text(1581718740, 0), "2020-02-14T22:19Z");
        assert_eq!(text(1581718741, 0), "2020-02-14T22:19:01Z");
        assert_eq!(text(-62135596800 - 86_400, 0), "0000-12-31T00:00Z");
        let json = |secs, nanos| utc_timestamp(secs, nanos).to_json();
        assert_eq!(json(1581718740, 0), r#""2020-02-14T22:19:00.000Z""#);
        assert_eq!(
            json(1581718731, 843_100_000),
            r#""2020-02-14T22:18:51.8431Z""#
        );
        assert_eq!(
            utc_timestamp(0, 0).java_class_name(),
            "java.time.ZonedDateTime"
        );
    }

    #[test]
    fn invalid_paths() {
        assert_eq!(
            FieldPath::parse("").unwrap_err(),
            "path cannot be null nor empty"
        );
        assert_eq!(
            FieldPath::parse("_ingest.").unwrap_err(),
            "path [_ingest.] is not valid"
        );
    }

    trait ToJsonValue {
        fn to_json_value(&self) -> String;
    }
    impl ToJsonValue for Map {
        fn to_json_value(&self) -> String {
            Value::Map(self.clone()).to_json()
        }
    }
}
