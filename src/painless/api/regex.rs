//! Regex literals (`/.../flags`), `Pattern`, `Matcher`, `=~` / `==~`, and the
//! `replaceAll(Pattern, Function)` augmentation, on [`crate::java_regex`] (the same translation
//! of `java.util.regex` the `gsub`, `split` and `kv` processors use); offsets reported to scripts
//! are UTF-16 indexes.

use super::{arg_int, arg_str, not_found, Obj};
use crate::java_regex::{JavaRegex, PatternFlags, TooComplex};
use crate::painless::ast::BinOp;
use crate::painless::error::Thrown;
use crate::painless::interp::{Interp, R};
use crate::painless::rt::*;
use std::cell::RefCell;
use std::sync::Arc;

pub struct CompiledRegex {
    pub source: String,
    re: JavaRegex,
}

impl std::fmt::Debug for CompiledRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}/", self.source)
    }
}

impl CompiledRegex {
    pub fn new(pattern: &str, flags: &str) -> Result<CompiledRegex, String> {
        let flags = PatternFlags::from_letters(flags)?;
        let re = JavaRegex::compile_backtracking(pattern, flags)
            .map_err(|e| format!("Error compiling regex: {e}"))?;
        Ok(CompiledRegex {
            source: pattern.to_string(),
            re,
        })
    }

    /// Finds the next match at or after byte offset `from`.
    pub fn find_at(&self, s: &str, from: usize) -> R<Option<Groups>> {
        self.outcome(self.re.find_at(s, from, true), s)
    }

    /// Anchored match at the start (`Matcher.lookingAt`): a backtracking search tries the start
    /// first, with the same preferences, so its match there is `lookingAt`'s.
    pub fn match_start(&self, s: &str) -> R<Option<Groups>> {
        let found = self
            .re
            .find_at(s, 0, true)
            .map(|m| m.filter(|m| m.start() == 0));
        self.outcome(found, s)
    }

    /// Whole-input match (`Matcher.matches`).
    pub fn full_match(&self, s: &str) -> R<Option<Groups>> {
        self.outcome(self.re.matches(s), s)
    }

    /// `Matcher.appendReplacement`'s reading of a replacement string for this pattern.
    pub fn parse_replacement(&self, replacement: &str) -> crate::java_regex::Replacement {
        self.re.parse_replacement(replacement)
    }

    /// The number of the group `(?<name>...)`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.re.group_index(name)
    }

    /// `Matcher.groupCount()`.
    pub fn group_count(&self) -> usize {
        self.re.group_count()
    }

    fn outcome(
        &self,
        r: Result<Option<crate::java_regex::JavaMatch>, TooComplex>,
        s: &str,
    ) -> R<Option<Groups>> {
        match r {
            Ok(found) => Ok(found.map(|m| m.groups)),
            Err(TooComplex) => Err(self.too_complex(s)),
        }
    }

    /// Backtracking ran away. Elasticsearch's `limited` regex mode reports this as a
    /// `CircuitBreakingException` (`LimitedCharSequence`); our budget is Oniguruma's retry limit,
    /// so the counts in the message are approximate.
    fn too_complex(&self, input: &str) -> Thrown {
        let len = input.encode_utf16().count();
        let snippet: String = if len <= 64 {
            input.to_string()
        } else {
            let mut s: String = input.chars().take(61).collect();
            s.push_str("...");
            s
        };
        Thrown::new(
            "CircuitBreakingException",
            format!(
                "[scripting] Regular expression considered too many characters, pattern: [{}], limit factor: [6], char limit: [{}], count: [{}], wrapped: [{snippet}], this limit can be changed by changed by the [script.painless.regex.limit-factor] setting",
                self.source,
                len * 6,
                len * 6 + 1
            ),
        )
    }
}

pub type Groups = Vec<Option<(usize, usize)>>;

pub struct MatcherState {
    pub re: Arc<CompiledRegex>,
    pub input: String,
    pub groups: Option<Vec<Option<(usize, usize)>>>,
    /// Byte offset where the next `find()` starts.
    pub next: usize,
}

fn utf16_index(s: &str, byte: usize) -> i32 {
    if s.is_ascii() {
        return byte as i32;
    }
    s[..byte.min(s.len())].encode_utf16().count() as i32
}

fn pattern_of(v: &V) -> R<Arc<CompiledRegex>> {
    if let V::Obj(o) = v {
        if let Obj::Pattern(p) = &**o {
            return Ok(p.clone());
        }
    }
    if v.is_null() {
        return Err(Thrown::npe(None));
    }
    Err(Thrown::cce(format!(
        "Cannot cast from [{}] to [java.util.regex.Pattern].",
        class_name(v)
    )))
}

pub fn regex_op(op: BinOp, a: &V, b: &V) -> R<V> {
    let re = pattern_of(b)?;
    let s = match str_of(a) {
        Some(s) => s.to_string(),
        None if a.is_null() => return Err(Thrown::npe(None)),
        None => to_java_string(a),
    };
    Ok(V::Bool(match op {
        BinOp::Find => re.find_at(&s, 0)?.is_some(),
        _ => re.full_match(&s)?.is_some(),
    }))
}

fn new_matcher(re: Arc<CompiledRegex>, input: String) -> V {
    V::obj(Obj::Matcher(RefCell::new(MatcherState {
        re,
        input,
        groups: None,
        next: 0,
    })))
}

fn group_value(st: &MatcherState, idx: usize) -> R<V> {
    let Some(groups) = &st.groups else {
        return Err(Thrown::new("IllegalStateException", "No match found"));
    };
    match groups.get(idx) {
        None => Err(Thrown::new(
            "IndexOutOfBoundsException",
            format!("No group {idx}"),
        )),
        Some(None) => Ok(V::Null),
        Some(Some((a, b))) => Ok(V::str(&st.input[*a..*b])),
    }
}

/// A replacement string's error as `Matcher.appendReplacement` throws it.
fn replacement_error(e: crate::java_regex::ReplacementError) -> Thrown {
    if e.no_such_group {
        Thrown::new("IndexOutOfBoundsException", e.message)
    } else {
        Thrown::iae(e.message)
    }
}

fn next_from(s: &str, a: usize, b: usize) -> usize {
    if a == b {
        // empty match: step one character forward
        b + s[b..].chars().next().map(|c| c.len_utf8()).unwrap_or(1)
    } else {
        b
    }
}

pub fn replace_all(
    re: &CompiledRegex,
    s: &str,
    all: bool,
    mut rep: impl FnMut(&[Option<(usize, usize)>]) -> R<String>,
) -> R<String> {
    let mut out = String::new();
    let mut last = 0;
    let mut from = 0;
    while from <= s.len() {
        let Some(groups) = re.find_at(s, from)? else {
            break;
        };
        let Some((a, b)) = groups[0] else {
            break;
        };
        out.push_str(&s[last..a]);
        out.push_str(&rep(&groups)?);
        last = b;
        from = next_from(s, a, b);
        if a == b && a < s.len() {
            // keep the skipped character
        }
        if !all {
            break;
        }
    }
    if last <= s.len() {
        out.push_str(&s[last..]);
    }
    Ok(out)
}

/// `CharSequence.replaceAll(Pattern, Function<Matcher, String>)` augmentation.
pub fn replace_with_fn(it: &mut Interp, s: &str, pat: &V, f: &V, all: bool) -> R<V> {
    let re = match pat {
        V::Obj(o) if matches!(&**o, Obj::Pattern(_)) => pattern_of(pat)?,
        _ => {
            return Err(Thrown::iae(
                "dynamic method [java.lang.String, replaceAll/2] not found (only replaceAll(Pattern, Function) is allowlisted)",
            ))
        }
    };
    let input = s.to_string();
    let r = replace_all(&re, s, all, |groups| {
        let m = V::obj(Obj::Matcher(RefCell::new(MatcherState {
            re: re.clone(),
            input: input.clone(),
            groups: Some(groups.to_vec()),
            next: 0,
        })));
        let v = it.call_fn(f, vec![m])?;
        Ok(to_java_string(&v))
    })?;
    Ok(V::string(r))
}

pub fn call(_it: &mut Interp, recv: &V, o: &Obj, name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    match o {
        Obj::Pattern(p) => match (name, n) {
            ("matcher", 1) => {
                let Some(s) = super::string::char_sequence_text(&args[0])? else {
                    return Err(Thrown::npe(None));
                };
                Ok(new_matcher(p.clone(), s))
            }
            ("pattern", 0) | ("toString", 0) => Ok(V::str(&p.source)),
            ("split", 1) | ("split", 2) => {
                let s = arg_str(&args[0])?.to_string();
                let limit = if n == 2 { arg_int(&args[1])? } else { 0 };
                let mut parts: Vec<String> = Vec::new();
                let mut last = 0;
                let mut from = 0;
                while from <= s.len() {
                    if limit > 0 && parts.len() as i32 == limit - 1 {
                        break;
                    }
                    let Some(g) = p.find_at(&s, from)? else { break };
                    let Some((a, b)) = g[0] else { break };
                    if b == 0 && a == 0 {
                        // a zero-width match at the beginning never produces a leading empty string
                        from = next_from(&s, a, b);
                        continue;
                    }
                    parts.push(s[last..a].to_string());
                    last = b;
                    from = next_from(&s, a, b);
                }
                parts.push(s[last..].to_string());
                // `Pattern.split`: without a match the input comes back whole; otherwise a zero
                // limit drops every trailing empty string, down to none (`"..".split(/\./)`)
                if limit == 0 && last > 0 {
                    while parts.last().is_some_and(|x| x.is_empty()) {
                        parts.pop();
                    }
                }
                Ok(V::Array(std::rc::Rc::new(RefCell::new(ArrayObj {
                    elem: crate::painless::ast::Ty::Class("String"),
                    items: parts.into_iter().map(V::string).collect(),
                }))))
            }
            ("splitAsStream", 1) => Err(not_found(recv, name, n)),
            _ => Err(not_found(recv, name, n)),
        },
        Obj::Matcher(st) => {
            let mut st = st.borrow_mut();
            match (name, n) {
                ("matches", 0) => {
                    st.groups = st.re.full_match(&st.input)?;
                    Ok(V::Bool(st.groups.is_some()))
                }
                ("lookingAt", 0) => {
                    st.groups = st.re.match_start(&st.input)?;
                    Ok(V::Bool(st.groups.is_some()))
                }
                ("find", 0) | ("find", 1) => {
                    let from = if n == 1 {
                        let i = arg_int(&args[0])?;
                        if i < 0 || i > utf16_index(&st.input, st.input.len()) {
                            return Err(Thrown::new(
                                "IndexOutOfBoundsException",
                                "Illegal start index",
                            ));
                        }
                        // UTF-16 index to byte offset
                        let mut count = 0;
                        let mut byte = st.input.len();
                        for (b, c) in st.input.char_indices() {
                            if count >= i {
                                byte = b;
                                break;
                            }
                            count += c.len_utf16() as i32;
                        }
                        byte
                    } else {
                        st.next
                    };
                    if from > st.input.len() {
                        st.groups = None;
                        return Ok(V::Bool(false));
                    }
                    let found = st.re.find_at(&st.input, from)?;
                    match found {
                        Some(g) => {
                            let (a, b) = g[0].unwrap_or((0, 0));
                            st.next = next_from(&st.input, a, b);
                            st.groups = Some(g);
                            Ok(V::Bool(true))
                        }
                        None => {
                            st.groups = None;
                            st.next = st.input.len() + 1;
                            Ok(V::Bool(false))
                        }
                    }
                }
                ("group", 0) => group_value(&st, 0),
                // the allowlist has `group(int)` only; names go through `namedGroup`
                ("group", 1) => group_value(&st, arg_int(&args[0])? as usize),
                ("namedGroup", 1) => {
                    let name = arg_str(&args[0])?;
                    match st.re.group_index(name) {
                        Some(i) => group_value(&st, i),
                        None => Err(Thrown::iae(format!("No group with name <{name}>"))),
                    }
                }
                ("groupCount", 0) => Ok(V::Int(st.re.group_count() as i32)),
                ("start", 0) | ("end", 0) | ("start", 1) | ("end", 1) => {
                    let idx = if n == 1 {
                        arg_int(&args[0])? as usize
                    } else {
                        0
                    };
                    let Some(groups) = &st.groups else {
                        return Err(Thrown::new("IllegalStateException", "No match available"));
                    };
                    match groups.get(idx) {
                        Some(Some((a, b))) => Ok(V::Int(utf16_index(
                            &st.input,
                            if name == "start" { *a } else { *b },
                        ))),
                        Some(None) => Ok(V::Int(-1)),
                        None => Err(Thrown::new(
                            "IndexOutOfBoundsException",
                            format!("No group {idx}"),
                        )),
                    }
                }
                ("replaceAll", 1) | ("replaceFirst", 1) => {
                    let rep = arg_str(&args[0])?.to_string();
                    let re = st.re.clone();
                    let input = st.input.clone();
                    let replacement = re.parse_replacement(&rep);
                    let out = replace_all(&re, &input, name == "replaceAll", |g| {
                        let mut expanded = String::new();
                        replacement
                            .expand(&input, g, &mut expanded)
                            .map_err(replacement_error)?;
                        Ok(expanded)
                    })?;
                    Ok(V::string(out))
                }
                ("pattern", 0) => Ok(V::obj(Obj::Pattern(st.re.clone()))),
                ("hitEnd", 0) => Ok(V::Bool(st.next >= st.input.len())),
                ("reset", 0) => {
                    st.next = 0;
                    st.groups = None;
                    Ok(recv.clone())
                }
                _ => Err(not_found(recv, name, n)),
            }
        }
        _ => Err(not_found(recv, name, n)),
    }
}

pub fn call_static(name: &str, args: Vec<V>) -> R<V> {
    match (name, args.len()) {
        ("quote", 1) => Ok(V::string(format!("\\Q{}\\E", arg_str(&args[0])?))),
        _ => Err(super::no_such()),
    }
}
