//! The Java class library as Painless allowlists it, one file per class family.

pub mod bits;
pub mod character;
pub mod cidr;
pub mod collections;
pub mod date;
pub mod fdlibm;
pub mod field;
pub mod nested_document;
pub mod normalizer;
pub mod numbers;
pub mod processors;
pub mod regex;
pub mod stream;
pub mod string;
pub mod string_tokenizer;
pub mod time;
pub mod time_adjust;
pub mod time_duration;
pub mod time_format;
pub mod time_local;

use super::error::Thrown;
use super::interp::{Interp, R};
use super::rt::*;
use crate::value::{CollectionKind, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Function values: lambdas (with captured values) and method references.
pub enum FnVal {
    Lambda(usize, Vec<V>),
    User(usize),
    Static(&'static str, Arc<str>),
    Bound(V, Arc<str>),
    Ctor(&'static str),
    /// `Comparator.naturalOrder()` (false) / `reverseOrder()` (true).
    Natural(bool),
    /// `Comparator.comparing(keyExtractor)`, optionally reversed.
    Comparing(V, bool),
    /// `Collections.reverseOrder(comparator)` / `comparator.reversed()`: the comparator with its
    /// arguments swapped.
    Reversed(V),
}

impl FnVal {
    /// `Collections.reverseOrder(c)`: natural orders flip, a reversed comparator gives back the
    /// one it reversed, anything else is wrapped.
    pub fn reverse_of(comparator: &V) -> V {
        let wrapped = || V::obj(Obj::Fn(FnVal::Reversed(comparator.clone())));
        let V::Obj(o) = comparator else {
            return wrapped();
        };
        match &**o {
            Obj::Fn(FnVal::Natural(r)) => V::obj(Obj::Fn(FnVal::Natural(!r))),
            Obj::Fn(FnVal::Comparing(k, r)) => V::obj(Obj::Fn(FnVal::Comparing(k.clone(), !r))),
            Obj::Fn(FnVal::Reversed(inner)) => inner.clone(),
            Obj::Fn(f @ FnVal::Bound(..)) => {
                collections::reversed_comparator(f).unwrap_or_else(wrapped)
            }
            _ => wrapped(),
        }
    }
}

/// Which live view of a map (`keySet()`, `values()`, `entrySet()`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Keys,
    Values,
    Entries,
}

pub enum Obj {
    Fn(FnVal),
    Exception(&'static str, Option<String>),
    Pattern(Arc<regex::CompiledRegex>),
    Matcher(RefCell<regex::MatcherState>),
    /// `Map.Entry`; `map` is set for entries of a mutable map so `setValue` writes through.
    Entry {
        key: V,
        value: RefCell<V>,
        map: Option<Rc<RefCell<MapObj>>>,
    },
    MapView(V, View),
    Iterator(RefCell<IterState>),
    Stream(RefCell<Vec<V>>),
    Optional(Option<V>),
    StringBuilder(RefCell<string::Builder>),
    Collector(stream::Collector),
    Field(field::FieldObj),
    /// `NestedDocument`, `WriteField.docs()` and its iterators.
    Nested(nested_document::NestedObj),
    Time(time::TimeVal),
    Json,
    /// `metadata()` of ingest scripts, over `ctx`.
    Metadata(V),
    /// `Base64.getEncoder()` & co.: (encoder?, url alphabet?)
    Base64(bool, bool),
    Cidr(cidr::Cidr),
    StringTokenizer(RefCell<string_tokenizer::StringTokenizer>),
    /// `Base64.getEncoder().withoutPadding()` & co.: (url alphabet?)
    Base64NoPad(bool),
    /// `Base64.getMimeDecoder()`: skips characters outside the alphabet (line breaks).
    Base64Mime,
    /// Sorted-collection views, list iterators, entry comparators (see `collections`).
    Coll(collections::CollObj),
    /// A `java.text.Normalizer.Form` constant.
    NormalizerForm(normalizer::Form),
}

pub struct IterState {
    pub items: Vec<V>,
    pub pos: usize,
    /// Container the iterator came from, for `remove()`.
    pub source: Option<V>,
}

impl Obj {
    pub fn class_name(&self) -> String {
        match self {
            Obj::Fn(_) => "org.elasticsearch.painless.lambda".into(),
            Obj::Exception(c, _) => super::error::java_exception_fqn(c),
            Obj::Pattern(_) => "java.util.regex.Pattern".into(),
            Obj::Matcher(_) => "java.util.regex.Matcher".into(),
            Obj::Entry { .. } => "java.util.HashMap$Node".into(),
            Obj::MapView(_, v) => match v {
                View::Keys => "java.util.HashMap$KeySet".into(),
                View::Values => "java.util.HashMap$Values".into(),
                View::Entries => "java.util.HashMap$EntrySet".into(),
            },
            Obj::Iterator(_) => "java.util.Iterator".into(),
            Obj::Stream(_) => "java.util.stream.ReferencePipeline".into(),
            Obj::Optional(_) => "java.util.Optional".into(),
            Obj::StringBuilder(b) => b.borrow().class_name().into(),
            Obj::Collector(_) => "java.util.stream.Collector".into(),
            Obj::Field(_) => "org.elasticsearch.script.field.WriteField".into(),
            Obj::Nested(n) => n.class_name(),
            Obj::Time(t) => t.class_name().into(),
            Obj::Json => "org.elasticsearch.painless.api.Json".into(),
            Obj::Metadata(_) => "org.elasticsearch.script.Metadata".into(),
            Obj::Base64(true, _) => "java.util.Base64$Encoder".into(),
            Obj::Base64(false, _) => "java.util.Base64$Decoder".into(),
            Obj::Cidr(_) => "org.elasticsearch.painless.api.CIDR".into(),
            Obj::StringTokenizer(_) => "java.util.StringTokenizer".into(),
            Obj::Base64NoPad(_) => "java.util.Base64$Encoder".into(),
            Obj::Base64Mime => "java.util.Base64$Decoder".into(),
            Obj::NormalizerForm(_) => "java.text.Normalizer$Form".into(),
            Obj::Coll(c) => c.class_name(),
        }
    }
    pub fn is_instance(&self, class: &str) -> bool {
        match (self, class) {
            (Obj::Exception(c, _), _) => {
                let mut cur: &str = c;
                loop {
                    if cur == class {
                        return true;
                    }
                    match super::error::super_class(cur) {
                        Some(s) => cur = s,
                        None => return false,
                    }
                }
            }
            (Obj::Pattern(_), "Pattern") => true,
            (Obj::Matcher(_), "Matcher") => true,
            (Obj::Entry { .. }, "Map.Entry") => true,
            (Obj::NormalizerForm(_), "Normalizer.Form") => true,
            (Obj::MapView(_, View::Values), "Collection" | "Iterable") => true,
            (Obj::MapView(_, _), "Set" | "Collection" | "Iterable") => true,
            (Obj::Iterator(_), "Iterator") => true,
            (Obj::Stream(_), "Stream") => true,
            (Obj::Optional(_), "Optional") => true,
            (Obj::StringBuilder(b), c) => b.borrow().is_instance(c),
            (Obj::Cidr(_), "CIDR") => true,
            (Obj::StringTokenizer(_), "StringTokenizer" | "Enumeration") => true,
            (
                Obj::Fn(_),
                "Function" | "BiFunction" | "Predicate" | "Consumer" | "BiConsumer" | "Supplier"
                | "Comparator",
            ) => true,
            (Obj::Time(t), c) => t.is_instance(c),
            (Obj::Coll(c), class) => c.is_instance(class),
            _ => false,
        }
    }
    pub fn is_collection(&self) -> bool {
        match self {
            Obj::Coll(c) => c.is_collection(),
            _ => matches!(self, Obj::MapView(..)),
        }
    }
    pub fn equals(&self, other: &Obj) -> bool {
        match (self, other) {
            (
                Obj::Entry {
                    key: k1, value: v1, ..
                },
                Obj::Entry {
                    key: k2, value: v2, ..
                },
            ) => java_equals(k1, k2) && java_equals(&v1.borrow(), &v2.borrow()),
            (Obj::Optional(a), Obj::Optional(b)) => match (a, b) {
                (None, None) => true,
                (Some(x), Some(y)) => java_equals(x, y),
                _ => false,
            },
            (Obj::Time(a), Obj::Time(b)) => a.equals(b),
            // enum constants are singletons
            (Obj::NormalizerForm(a), Obj::NormalizerForm(b)) => a == b,
            (Obj::Coll(_), _) | (_, Obj::Coll(_)) => collections::objs_equal(self, other),
            (Obj::MapView(..), Obj::MapView(..)) => {
                let a = view_items(self);
                let b = view_items(other);
                a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| java_equals(x, y)))
            }
            _ => std::ptr::eq(self, other),
        }
    }
    pub fn hash_code(&self) -> i32 {
        match self {
            Obj::Entry { key, value, .. } => hash_code(key) ^ hash_code(&value.borrow()),
            Obj::Time(t) => t.hash_code(),
            Obj::NormalizerForm(f) => crate::value::java_string_hash(f.name()),
            Obj::Coll(c) => c
                .hash_code()
                .unwrap_or((self as *const Obj as usize) as i32),
            _ => (self as *const Obj as usize) as i32,
        }
    }
    pub fn compare(&self, other: &Obj) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Obj::Time(a), Obj::Time(b)) => a.compare(b),
            _ => None,
        }
    }
    pub fn to_java_string(&self) -> String {
        match self {
            Obj::Exception(c, m) => match m {
                Some(m) => format!("{}: {m}", super::error::java_exception_fqn(c)),
                None => super::error::java_exception_fqn(c),
            },
            Obj::Pattern(p) => p.source.clone(),
            Obj::Entry { key, value, .. } => {
                format!(
                    "{}={}",
                    to_java_string(key),
                    to_java_string(&value.borrow())
                )
            }
            Obj::MapView(..) => {
                let items = view_items(self);
                to_java_string(&V::new_list(items))
            }
            Obj::Optional(o) => match o {
                Some(v) => format!("Optional[{}]", to_java_string(v)),
                None => "Optional.empty".into(),
            },
            Obj::StringBuilder(s) => s.borrow().to_string(),
            Obj::Time(t) => t.to_java_string(),
            Obj::NormalizerForm(f) => f.name().to_string(),
            Obj::Field(f) => format!("WriteField[{}]", f.path()),
            Obj::Coll(c) => c
                .to_java_string()
                .unwrap_or_else(|| format!("{}@{:x}", self.class_name(), self.hash_code())),
            other => format!("{}@{:x}", other.class_name(), other.hash_code()),
        }
    }
    pub fn get_field(&self, name: &str) -> Option<V> {
        match (self, name) {
            (Obj::Entry { key, .. }, "key") => Some(key.clone()),
            (Obj::Entry { value, .. }, "value") => Some(value.borrow().clone()),
            (Obj::MapView(..), "empty") => Some(V::Bool(view_items(self).is_empty())),
            (Obj::Field(f), "name") => Some(V::str(&f.path())),
            _ => None,
        }
    }
    pub fn set_field(&self, name: &str, v: V) -> R<()> {
        match (self, name) {
            (Obj::Entry { .. }, "value") => {
                entry_set_value(self, v)?;
                Ok(())
            }
            _ => Err(Thrown::iae(format!(
                "dynamic setter [{}, {name}] not found",
                self.class_name()
            ))),
        }
    }
    pub fn to_document_value(&self) -> Option<Value> {
        match self {
            // ZonedDateTime, Instant and Date stay objects in the document
            // (`IngestDocument.deepCopy` keeps them), printed as XContent prints them
            Obj::Time(
                t @ (time::TimeVal::Zdt(..) | time::TimeVal::Instant(_) | time::TimeVal::Date(_)),
            ) => Some(Value::Time(Box::new(t.clone()))),
            Obj::Time(t) => Some(Value::String(t.to_xcontent_string())),
            Obj::MapView(..) => {
                let items = view_items(self);
                to_value(&V::new_list(items)).ok()
            }
            Obj::StringBuilder(s) => Some(Value::String(s.borrow().to_string())),
            Obj::Coll(c) => c.to_document_value(),
            _ => None,
        }
    }
}

fn entry_set_value(e: &Obj, v: V) -> R<V> {
    let Obj::Entry { key, value, map } = e else {
        return Err(Thrown::unsupported(None));
    };
    match map {
        Some(m) => {
            m.borrow_mut().put(key.clone(), v.clone())?;
        }
        None => {
            return Err(Thrown::unsupported(Some(
                "Mutating ingest documents in conditionals is not supported".into(),
            )))
        }
    }
    Ok(std::mem::replace(&mut *value.borrow_mut(), v))
}

/// Elements of a map view, in the map's iteration order.
pub fn view_items(o: &Obj) -> Vec<V> {
    let Obj::MapView(m, which) = o else {
        return Vec::new();
    };
    let entries = map_entries(m).unwrap_or_default();
    let rc = match m {
        V::Map(rc) => Some(rc.clone()),
        _ => None,
    };
    entries
        .into_iter()
        .map(|(k, v)| match which {
            View::Keys => k,
            View::Values => v,
            View::Entries => V::obj(Obj::Entry {
                key: k,
                value: RefCell::new(v),
                map: rc.clone(),
            }),
        })
        .collect()
}

/// Fully qualified name for a Painless class name (error messages).
pub fn class_fqn(c: &str) -> String {
    match c {
        "Object" | "String" | "CharSequence" | "Number" | "Integer" | "Long" | "Double"
        | "Float" | "Short" | "Byte" | "Character" | "Boolean" | "Math" | "StringBuilder"
        | "StringBuffer" | "Iterable" => format!("java.lang.{c}"),
        "Map.Entry" => "java.util.Map$Entry".into(),
        "Normalizer" => "java.text.Normalizer".into(),
        "Normalizer.Form" => "java.text.Normalizer$Form".into(),
        "Pattern" | "Matcher" => format!("java.util.regex.{c}"),
        "Stream" | "Collectors" => format!("java.util.stream.{c}"),
        "Function" | "BiFunction" | "Predicate" | "Consumer" | "BiConsumer" | "Supplier" => {
            format!("java.util.function.{c}")
        }
        "ZonedDateTime" | "Instant" | "LocalDateTime" | "LocalDate" | "ZoneId" | "ZoneOffset"
        | "Duration" | "DayOfWeek" | "Month" => format!("java.time.{c}"),
        "DateTimeFormatter" => "java.time.format.DateTimeFormatter".into(),
        "ChronoUnit" => "java.time.temporal.ChronoUnit".into(),
        "CIDR" => "org.elasticsearch.painless.api.CIDR".into(),
        c if c.ends_with("Exception") => super::error::java_exception_fqn(c),
        _ => format!("java.util.{c}"),
    }
}

/// Elements to loop over for `for (x : v)` and for collection arguments.
pub fn iterate(_it: &mut Interp, v: &V) -> R<Vec<V>> {
    if let Some(seq) = as_seq(v) {
        return Ok(seq.items);
    }
    match v {
        V::Obj(o) => match &**o {
            Obj::MapView(..) => Ok(view_items(o)),
            Obj::Iterator(st) => {
                let mut st = st.borrow_mut();
                let rest = st.items[st.pos..].to_vec();
                st.pos = st.items.len();
                Ok(rest)
            }
            Obj::Stream(s) => Ok(s.borrow().clone()),
            Obj::Field(f) => f.values(),
            Obj::Nested(n) => nested_document::iterate(n).unwrap_or_else(|| Err(cannot_iterate(v))),
            Obj::Coll(c) => collections::coll_iterate(c),
            _ => Err(cannot_iterate(v)),
        },
        V::Null => Err(Thrown::npe(Some(
            "cannot access method/field [iterator] from a null def reference".into(),
        ))),
        _ => Err(cannot_iterate(v)),
    }
}

fn cannot_iterate(v: &V) -> Thrown {
    Thrown::iae(format!("Cannot iterate over [{}]", class_name(v)))
}

/// Collection argument (`addAll(c)`, `new ArrayList(c)`).
pub fn collection_items(it: &mut Interp, v: &V) -> R<Vec<V>> {
    if v.is_null() {
        return Err(Thrown::npe(None));
    }
    iterate(it, v)
}

pub fn not_found(recv: &V, name: &str, arity: usize) -> Thrown {
    Thrown::iae(format!(
        "dynamic method [{}, {name}/{arity}] not found",
        class_name(recv)
    ))
}

/// Marker error: the static method does not exist (lets method references fall back to
/// instance methods).
pub fn no_such() -> Thrown {
    Thrown::bare("NoSuchMethod")
}

/// The elements of an array argument (`def[]`, `Object[]`: Painless has no varargs, so these
/// methods take one array); `None` for `null`. `ty` names the parameter in the cast error.
pub fn array_items(v: &V, ty: &str) -> R<Option<Vec<V>>> {
    match v {
        V::Array(a) => Ok(Some(a.borrow().items.clone())),
        V::Null => Ok(None),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [{ty}].",
            short_type_name(other)
        ))),
    }
}

pub fn arg_int(v: &V) -> R<i32> {
    match v {
        V::Int(i) => Ok(*i),
        V::Short(s) => Ok(*s as i32),
        V::Byte(b) => Ok(*b as i32),
        V::Char(c) => Ok(*c as i32),
        V::Null => Err(Thrown::npe(None)),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [int].",
            short_type_name(other)
        ))),
    }
}

pub fn arg_str(v: &V) -> R<&str> {
    match str_of(v) {
        Some(s) => Ok(s),
        None if v.is_null() => Err(Thrown::npe(None)),
        None => Err(Thrown::cce(format!(
            "class {} cannot be cast to class java.lang.String ({} and java.lang.String are in module java.base of loader 'bootstrap')",
            class_name(v),
            class_name(v)
        ))),
    }
}

pub fn call_method(it: &mut Interp, recv: &V, name: &str, args: Vec<V>) -> R<V> {
    // Object methods every receiver has
    match (name, args.len()) {
        ("equals", 1) => {
            return Ok(V::Bool(
                collections::view_equals(recv, &args[0])
                    .unwrap_or_else(|| java_equals(recv, &args[0])),
            ))
        }
        ("hashCode", 0) => return Ok(V::Int(hash_code(recv))),
        ("toString", 0) if !matches!(recv, V::Obj(_)) || !is_time(recv) => {
            return Ok(V::string(to_java_string(recv)))
        }
        _ => {}
    }
    if str_of(recv).is_some() {
        return string::call(it, recv, name, args);
    }
    match recv {
        V::List(_) => collections::list_call(it, recv, name, args),
        V::Map(_) => collections::map_call(it, recv, name, args),
        V::Set(_) => collections::set_call(it, recv, name, args),
        V::Doc(_) => collections::doc_call(it, recv, name, args),
        V::Array(_) => Err(not_found(recv, name, args.len())),
        V::Bool(_)
        | V::Byte(_)
        | V::Short(_)
        | V::Char(_)
        | V::Int(_)
        | V::Long(_)
        | V::Float(_)
        | V::Double(_) => numbers::boxed_call(recv, name, args),
        V::Obj(o) => match &**o {
            Obj::Fn(_) => {
                // functional interface methods
                match name {
                    "apply" | "accept" | "test" | "get" | "compare" | "applyAsInt"
                    | "applyAsLong" | "applyAsDouble" => it.call_fn(recv, args),
                    "reversed" if args.is_empty() => Ok(FnVal::reverse_of(recv)),
                    "thenComparing"
                    | "thenComparingInt"
                    | "thenComparingLong"
                    | "thenComparingDouble" => collections::then_comparing(recv, name, &args),
                    _ => Err(not_found(recv, name, args.len())),
                }
            }
            Obj::Exception(_, m) => match name {
                "getMessage" | "getLocalizedMessage" => {
                    Ok(m.as_ref().map(|s| V::str(s)).unwrap_or(V::Null))
                }
                _ => Err(not_found(recv, name, args.len())),
            },
            Obj::Pattern(_) | Obj::Matcher(_) => regex::call(it, recv, o, name, args),
            Obj::Entry { key, value, .. } => match (name, args.len()) {
                ("getKey", 0) => Ok(key.clone()),
                ("getValue", 0) => Ok(value.borrow().clone()),
                ("setValue", 1) => entry_set_value(o, args.into_iter().next().unwrap_or(V::Null)),
                _ => Err(not_found(recv, name, args.len())),
            },
            Obj::MapView(..) => collections::view_call(it, recv, o, name, args),
            Obj::Cidr(c) => cidr::call(recv, c, name, args),
            Obj::StringTokenizer(t) => string_tokenizer::call(recv, t, name, args),
            Obj::Iterator(st) => match (name, args.len()) {
                ("hasNext", 0) => {
                    let st = st.borrow();
                    Ok(V::Bool(st.pos < st.items.len()))
                }
                ("next", 0) => {
                    let mut st = st.borrow_mut();
                    if st.pos >= st.items.len() {
                        return Err(Thrown::bare("NoSuchElementException"));
                    }
                    st.pos += 1;
                    Ok(st.items[st.pos - 1].clone())
                }
                ("forEachRemaining", 1) => {
                    let rest = {
                        let mut st = st.borrow_mut();
                        let rest = st.items[st.pos..].to_vec();
                        st.pos = st.items.len();
                        rest
                    };
                    for x in rest {
                        it.call_fn(&args[0], vec![x])?;
                    }
                    Ok(V::Null)
                }
                ("remove", 0) => {
                    let (src, item) = {
                        let st = st.borrow();
                        if st.pos == 0 {
                            return Err(Thrown::bare("IllegalStateException"));
                        }
                        (st.source.clone(), st.items[st.pos - 1].clone())
                    };
                    match src {
                        Some(s) => {
                            collections::remove_element(it, &s, &item)?;
                            Ok(V::Null)
                        }
                        None => Err(Thrown::unsupported(Some("remove".into()))),
                    }
                }
                _ => Err(not_found(recv, name, args.len())),
            },
            Obj::Stream(_) | Obj::Optional(_) | Obj::Collector(_) => {
                stream::call(it, recv, o, name, args)
            }
            Obj::StringBuilder(_) => string::builder_call(it, recv, o, name, args),
            Obj::Field(f) => field::call(it, f, recv, name, args),
            Obj::Nested(n) => nested_document::call(it, recv, n, name, args),
            Obj::Time(_) => time::call(it, recv, o, name, args),
            Obj::Json => Err(not_found(recv, name, args.len())),
            Obj::Metadata(ctx) => field::metadata_call(ctx, recv, name, args),
            Obj::Base64(true, url) if name == "withoutPadding" && args.is_empty() => {
                Ok(V::obj(Obj::Base64NoPad(*url)))
            }
            Obj::Base64(enc, url) => string::base64_call(recv, *enc, *url, false, name, args),
            Obj::Base64Mime => string::base64_call(recv, false, false, true, name, args),
            Obj::NormalizerForm(f) => normalizer::call(recv, *f, name, &args),
            Obj::Base64NoPad(_) if name == "withoutPadding" && args.is_empty() => Ok(recv.clone()),
            // the padded encoding without its trailing '='s
            Obj::Base64NoPad(url) => {
                match string::base64_call(recv, true, *url, false, name, args)? {
                    V::Str(s) => Ok(V::str(s.trim_end_matches('='))),
                    V::Array(a) => {
                        while matches!(a.borrow().items.last(), Some(V::Byte(61))) {
                            a.borrow_mut().items.pop();
                        }
                        Ok(V::Array(a))
                    }
                    other => Ok(other),
                }
            }
            Obj::Coll(c) => collections::coll_call(it, recv, c, name, args),
        },
        V::Null => Err(Thrown::npe(Some(format!(
            "cannot access method/field [{name}] from a null def reference"
        )))),
        V::Str(_) => Err(not_found(recv, name, args.len())),
    }
}

fn is_time(v: &V) -> bool {
    matches!(v, V::Obj(o) if matches!(&**o, Obj::Time(_)))
}

pub fn call_static(it: &mut Interp, class: &str, name: &str, args: Vec<V>) -> R<V> {
    match class {
        "Math" | "StrictMath" | "Integer" | "Long" | "Double" | "Float" | "Short" | "Byte"
        | "Boolean" => numbers::call_static(class, name, args),
        "Character" => character::call_static(name, args),
        "String" => string::call_static(name, args),
        "Collections" | "Arrays" | "List" | "Map" | "Set" | "Objects" | "Map.Entry" => {
            collections::call_static(it, class, name, args)
        }
        "Pattern" => regex::call_static(name, args),
        "Date" => date::call_static(name, args),
        "Collectors" | "Stream" | "Optional" | "Comparator" => {
            stream::call_static(it, class, name, args)
        }
        "ZonedDateTime" | "Instant" | "LocalDateTime" | "LocalDate" | "ZoneId" | "ZoneOffset"
        | "DateTimeFormatter" | "ChronoUnit" | "Duration" | "DayOfWeek" | "Month" => {
            time::call_static(class, name, args)
        }
        "Processors" => processors::call(name, args),
        "Json" => string::json_api(name, args),
        "Normalizer" | "Normalizer.Form" => normalizer::call_static(class, name, args),
        "Base64" => match (name, args.len()) {
            ("getEncoder", 0) => Ok(V::obj(Obj::Base64(true, false))),
            ("getDecoder", 0) => Ok(V::obj(Obj::Base64(false, false))),
            ("getMimeDecoder", 0) => Ok(V::obj(Obj::Base64Mime)),
            ("getUrlEncoder", 0) => Ok(V::obj(Obj::Base64(true, true))),
            ("getUrlDecoder", 0) => Ok(V::obj(Obj::Base64(false, true))),
            _ => Err(no_such()),
        },
        _ => Err(no_such()),
    }
}

pub fn static_field(class: &str, name: &str) -> R<V> {
    match class {
        "Integer" | "Long" | "Double" | "Float" | "Short" | "Byte" | "Math" | "StrictMath"
        | "Boolean" => numbers::static_field(class, name),
        "Character" => character::static_field(name),
        // the immutable empties, as `emptyList()` and friends make them
        "Collections" if matches!(name, "EMPTY_LIST" | "EMPTY_MAP" | "EMPTY_SET") => {
            let method = match name {
                "EMPTY_LIST" => "emptyList",
                "EMPTY_MAP" => "emptyMap",
                _ => "emptySet",
            };
            collections::empty_collection(method)
        }
        "ChronoUnit" | "DateTimeFormatter" | "ZoneId" | "ZoneOffset" | "Duration" | "Instant"
        | "DayOfWeek" | "Month" => time::static_field(class, name),
        "Normalizer.Form" => normalizer::static_field(name),
        // Locale only matters to case mapping, which is locale-independent here (ROOT)
        "Locale" if matches!(name, "ROOT" | "ENGLISH" | "US" | "UK") => Ok(V::str(name)),
        _ => Err(Thrown::iae(format!(
            "unknown static field [{name}] for class [{class}]"
        ))),
    }
}

pub fn new_object(it: &mut Interp, class: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match class {
        "ArrayList" | "LinkedList" | "ArrayDeque" => {
            let kind = match class {
                "ArrayList" => ListKind::ArrayList,
                "LinkedList" => ListKind::LinkedList,
                _ => ListKind::ArrayDeque,
            };
            let items = match args.first() {
                None => Vec::new(),
                // only () and (Collection) constructors are allowlisted
                Some(c) if c.is_number() => {
                    return Err(Thrown::cce(format!(
                        "Cannot cast from [{}] to [java.util.Collection].",
                        short_type_name(c)
                    )))
                }
                Some(c) => collection_items(it, c)?.iter().map(to_owned_v).collect(),
            };
            Ok(V::new_list_kind(items, kind))
        }
        "HashMap" | "LinkedHashMap" | "TreeMap" => {
            let kind = match class {
                "HashMap" => CollectionKind::Hash,
                "LinkedHashMap" => CollectionKind::Linked,
                _ => CollectionKind::Tree,
            };
            let m = V::new_map(kind);
            if let Some(src) = args.first() {
                // (a sorted map view's entries too)
                if let Some(entries) = collections::map_like_entries(src)? {
                    if let V::Map(mm) = &m {
                        let mut mm = mm.borrow_mut();
                        // HashMap(Map) sizes its table for the source (HashMap.putMapEntries)
                        mm.cap = presized_capacity(entries.len());
                        for (k, v) in entries {
                            mm.put(k, to_owned_v(&v))?;
                        }
                    }
                } else if let (Some(n), "HashMap" | "LinkedHashMap") = (num_of(src), class) {
                    // HashMap(int): the table is the capacity's next power of two
                    if let V::Map(mm) = &m {
                        mm.borrow_mut().cap = initial_table(n.as_i64())?;
                    }
                } else if !src.is_number() {
                    if let (V::Obj(_), "TreeMap") = (src, class) {
                        // TreeMap(Comparator) is not supported
                        return Err(Thrown::unsupported(Some(
                            "TreeMap with a comparator is not supported".into(),
                        )));
                    }
                    return Err(Thrown::cce(format!(
                        "Cannot cast from [{}] to [java.util.Map].",
                        class_name(src)
                    )));
                }
            }
            Ok(m)
        }
        "HashSet" | "LinkedHashSet" | "TreeSet" => {
            let kind = match class {
                "HashSet" => CollectionKind::Hash,
                "LinkedHashSet" => CollectionKind::Linked,
                _ => CollectionKind::Tree,
            };
            let s = V::new_set(kind);
            if let Some(src) = args.first() {
                if let (Some(n), "HashSet" | "LinkedHashSet") = (num_of(src), class) {
                    if let V::Set(ss) = &s {
                        ss.borrow_mut().cap = initial_table(n.as_i64())?;
                    }
                } else if !src.is_number() {
                    if let (V::Obj(o), "TreeSet") = (src, class) {
                        if matches!(&**o, Obj::Fn(_)) {
                            return Err(Thrown::unsupported(Some(
                                "TreeSet with a comparator is not supported".into(),
                            )));
                        }
                    }
                    let items = collection_items(it, src)?;
                    if let V::Set(ss) = &s {
                        // HashSet(Collection): HashMap(max(size / .75 + 1, 16))
                        ss.borrow_mut().cap =
                            table_size_for(((items.len() as f32 / 0.75) as usize + 1).max(16));
                        let mut ss = ss.borrow_mut();
                        for i in items {
                            ss.add(to_owned_v(&i))?;
                        }
                    }
                }
            }
            Ok(s)
        }
        "CIDR" => cidr::new(&args),
        "StringTokenizer" => string_tokenizer::new(&args),
        "StringBuilder" | "StringBuffer" => string::new_builder(class, &args),
        c if c.ends_with("Exception") => {
            let msg = match args.first() {
                Some(v) if !v.is_null() => Some(to_java_string(v)),
                _ => None,
            };
            let class = super::parser::lookup_class(c).unwrap_or("RuntimeException");
            Ok(V::obj(Obj::Exception(class, msg)))
        }
        "Object" if n == 0 => Ok(V::new_map(CollectionKind::Hash)).and(Err(Thrown::unsupported(
            Some("new Object() is not supported".into()),
        ))),
        // String has only the no-argument constructor in the allowlist
        "String" if n == 0 => Ok(V::str("")),
        "Date" => date::new_date(&args),
        _ => Err(Thrown::iae(format!(
            "constructor [{class}/{n}] not found (not implemented or not allowlisted)"
        ))),
    }
}

/// `new HashMap(initialCapacity)`: `tableSizeFor(initialCapacity)`, or the JDK's error.
fn initial_table(capacity: i64) -> R<usize> {
    if capacity < 0 {
        return Err(Thrown::iae(format!("Illegal initial capacity: {capacity}")));
    }
    Ok(table_size_for(capacity.min(1 << 30) as usize))
}
