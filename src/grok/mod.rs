//! Grok, as Elasticsearch's ingest `grok` processor runs it (`libs/grok`: `Grok`, `PatternBank`,
//! `GrokCaptureConfig`, `GrokCaptureExtracter`, `GrokCaptureType`, `GrokBuiltinPatterns`; and
//! `modules/ingest-common` `GrokProcessor` for how several patterns are combined).
//!
//! Compile once: the patterns are expanded into one Oniguruma regex (Ruby syntax, as Joni uses) when the
//! processor is built; matching only runs the regex and converts the captures.
//!
//! What the processor glue has to add on top (it is not done here):
//! - `GrokProcessor.Factory` wraps a compile error as
//!   `[patterns] Invalid regex pattern found in: [<patterns>]. <message from compile>`;
//! - a non-match fails with `Provided Grok expressions do not match field value: [<value>]`;
//! - `trace_match` sets `_ingest._grok_match_index` to `GrokMatch::pattern_index` as a string.
//!
//! Field names are used exactly as written, as `GrokCaptureConfig` does: `%{WORD:[a][b]}` captures a field
//! literally named `[a][b]` (Elasticsearch's own ecs-v1 patterns are written dotted, `source.address`).
//!
//! Known differences from Elasticsearch (Joni):
//! - runaway matches stop after Oniguruma's retry limit (10,000,000 backtracks) instead of ES's 1 s watchdog;
//!   the error text is the watchdog's;
//! - Oniguruma accepts variable-length look-behind (`(?<=a+)`), which Joni rejects at compile time;
//! - `\uHHHH` escapes follow Oniguruma; under `(?i)`, `\w` inside a class (`[\w]`) also takes `ſ` and the
//!   Kelvin sign;
//! - `:int`/`:long` conversion accepts ASCII digits only (Java's `Character.digit` takes any Unicode digit;
//!   grok's `\d` is ASCII in Joni, so only captures like `%{DATA:x:int}` can tell).

pub mod builtin;
mod convert;
mod groups;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use onig::{MatchParam, Regex, RegexOptions, Region, SearchOptions, Syntax};

use crate::java;
use crate::value::Value;

pub use builtin::{
    builtin_pattern, builtin_pattern_files, builtin_pattern_names, parse_pattern_file,
};

/// `ecs_compatibility` of the grok processor: which built-in pattern set is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EcsCompatibility {
    /// `"disabled"` (the default): logstash-patterns-core `legacy/`.
    #[default]
    Disabled,
    /// `"v1"`: logstash-patterns-core `ecs-v1/` with dotted field names.
    V1,
}

impl EcsCompatibility {
    pub fn as_str(self) -> &'static str {
        match self {
            EcsCompatibility::Disabled => "disabled",
            EcsCompatibility::V1 => "v1",
        }
    }
}

impl FromStr for EcsCompatibility {
    type Err = String;

    /// The error is `GrokProcessor.Factory`'s text for the `ecs_compatibility` property (the glue prefixes
    /// the property name as `newConfigurationException` does: `[ecs_compatibility] unsupported mode 'x'`).
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "disabled" => Ok(EcsCompatibility::Disabled),
            "v1" => Ok(EcsCompatibility::V1),
            other => Err(format!("unsupported mode '{other}'")),
        }
    }
}

/// The result of a successful match.
#[derive(Debug, Clone, PartialEq)]
pub struct GrokMatch {
    /// Index of the pattern (in the `patterns` list) whose alternative matched.
    pub pattern_index: usize,
    /// Captured fields in Elasticsearch's order (order of first appearance of each capture name in the
    /// expanded expression). The name is the field path exactly as written in the pattern, e.g.
    /// `source.address`; a field captured by several groups with different pattern names holds a list.
    pub fields: Vec<(String, Value)>,
}

/// A failure while matching: a typed capture that does not parse (`NumberFormatException` in ES), or a match
/// that exceeded the backtracking budget (ES's `MatcherWatchdog` interrupt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchError {
    /// Elasticsearch's error type for the exception: `number_format_exception` or `runtime_exception`.
    pub es_type: &'static str,
    /// The exception message, e.g. `For input string: "abc"`.
    pub reason: String,
}

impl fmt::Display for MatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for MatchError {}

/// `GrokCaptureType`: the third part of `%{NAME:field:type}`; anything but these names is a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaptureType {
    String,
    Int,
    Long,
    Float,
    Double,
    Boolean,
}

impl CaptureType {
    fn from_name(s: &str) -> CaptureType {
        match s {
            "int" => CaptureType::Int,
            "long" => CaptureType::Long,
            "float" => CaptureType::Float,
            "double" => CaptureType::Double,
            "boolean" => CaptureType::Boolean,
            // "string" and every unknown type name: GrokCaptureType.fromString's default branch.
            _ => CaptureType::String,
        }
    }

    fn convert(self, raw: &str) -> Result<Value, MatchError> {
        let nfe = |reason: String| MatchError {
            es_type: "number_format_exception",
            reason,
        };
        Ok(match self {
            CaptureType::String => Value::String(raw.to_string()),
            CaptureType::Int => Value::Int(convert::parse_java_int(raw).map_err(nfe)?),
            CaptureType::Long => {
                Value::Long(convert::parse_java_long(raw, i64::MIN, i64::MAX).map_err(nfe)?)
            }
            CaptureType::Float => {
                Value::Float(java::parse_float(raw).map_err(|e| nfe(e.message(raw)))?)
            }
            CaptureType::Double => {
                Value::Double(java::parse_double(raw).map_err(|e| nfe(e.message(raw)))?)
            }
            CaptureType::Boolean => Value::Bool(convert::parse_java_boolean(raw)),
        })
    }
}

/// One `GrokCaptureConfig`: a distinct group name of the expanded expression.
#[derive(Debug, Clone)]
struct Capture {
    /// The whole group name, e.g. `NUMBER:bytes:int`.
    group_name: String,
    field: String,
    kind: CaptureType,
    /// Group numbers sharing this name, ascending; the first that participated gives the value.
    groups: Vec<usize>,
}

/// Prefix of the group names `GrokProcessor.combinePatterns` gives each pattern when it traces matches.
const TRACE_PREFIX: &str = "_ingest._grok_match_index.";

/// Backtracking budget per match, standing in for ES's `MatcherWatchdog` (1 s by default). Oniguruma's own
/// default retry limit has the same value.
const RETRY_LIMIT_IN_MATCH: u32 = 10_000_000;

/// `Grok.MAX_TO_REGEX_ITERATIONS`.
const MAX_TO_REGEX_ITERATIONS: usize = 100_000;

/// A compiled grok processor expression.
pub struct Grok {
    regex: Regex,
    expression: String,
    captures: Vec<Capture>,
    /// Group number of each pattern's tracing group, indexed by pattern; empty for a single pattern.
    trace_groups: Vec<usize>,
    /// Used only when tracing groups could not be added (see `compile`): the patterns compiled one by one.
    fallback_patterns: Vec<Regex>,
}

impl fmt::Debug for Grok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Grok")
            .field("expression", &self.expression)
            .finish()
    }
}

impl Grok {
    /// Compiles `patterns` (tried as one alternation in order, as `GrokProcessor.combinePatterns` builds
    /// it) against the built-in set `ecs` extended with `pattern_definitions` (custom names override
    /// built-ins). Errors carry Elasticsearch's messages.
    pub fn compile(
        patterns: &[String],
        pattern_definitions: &[(String, String)],
        ecs: EcsCompatibility,
    ) -> Result<Grok, String> {
        if patterns.is_empty() {
            return Err("List of patterns must not be empty".to_string());
        }
        let bank = PatternBank::new(ecs, pattern_definitions)?;
        let trace = patterns.len() > 1;
        match Grok::build(&bank, patterns, trace) {
            Ok(grok) => Ok(grok),
            Err(e) if trace => {
                // Named tracing groups turn plain groups non-capturing, so a pattern that uses numbered
                // back-references compiles only without them (as in ES with trace_match off). The pattern
                // index is then found by matching the patterns one by one.
                let mut grok = Grok::build(&bank, patterns, false).map_err(|_| e)?;
                for p in patterns {
                    let expression = to_regex(&bank, p)?;
                    let renamed = groups::rename_groups(&expression)?;
                    grok.fallback_patterns.push(compile_regex(&renamed)?);
                }
                Ok(grok)
            }
            Err(e) => Err(e),
        }
    }

    fn build(bank: &PatternBank, patterns: &[String], trace: bool) -> Result<Grok, String> {
        let combined = combine_patterns(patterns, trace);
        let expression = to_regex(bank, &combined)?;
        let renamed = groups::rename_groups(&expression)?;
        let regex = compile_regex(&renamed)?;

        let mut numbers: Vec<Vec<usize>> = vec![Vec::new(); renamed.names.len()];
        regex.foreach_name(|name, nums| {
            if let Some(i) = name.strip_prefix('g').and_then(|n| n.parse::<usize>().ok()) {
                if let Some(slot) = numbers.get_mut(i) {
                    slot.extend(nums.iter().map(|&n| n as usize));
                    slot.sort_unstable();
                }
            }
            true
        });

        let mut captures = Vec::new();
        let mut trace_groups = vec![usize::MAX; if trace { patterns.len() } else { 0 }];
        for (i, name) in renamed.names.iter().enumerate() {
            if trace {
                if let Some(idx) = name
                    .strip_prefix(TRACE_PREFIX)
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    if idx < trace_groups.len() && trace_groups[idx] == usize::MAX {
                        if let Some(&g) = numbers[i].first() {
                            trace_groups[idx] = g;
                        }
                        continue;
                    }
                }
            }
            let (field, kind) = split_group_name(name)?;
            captures.push(Capture {
                group_name: name.clone(),
                field,
                kind,
                groups: numbers[i].clone(),
            });
        }
        Ok(Grok {
            regex,
            expression,
            captures,
            trace_groups,
            fallback_patterns: Vec::new(),
        })
    }

    /// Matches `text`; a conversion or budget failure reads as no match. Processors should use `try_match`,
    /// which reports those failures the way Elasticsearch does.
    pub fn match_str(&self, text: &str) -> Option<GrokMatch> {
        self.try_match(text).ok().flatten()
    }

    /// Matches `text` (a search: the expression may match anywhere unless anchored). `Ok(None)` when it
    /// does not match.
    pub fn try_match(&self, text: &str) -> Result<Option<GrokMatch>, MatchError> {
        with_region(|region| self.match_with_region(text, region))
    }

    fn match_with_region(
        &self,
        text: &str,
        region: &mut Region,
    ) -> Result<Option<GrokMatch>, MatchError> {
        region.clear();
        if !search(&self.regex, text, region)? {
            return Ok(None);
        }
        let mut fields: Vec<(String, Value)> = Vec::with_capacity(self.captures.len());
        for cap in &self.captures {
            let Some((start, end)) = cap.groups.iter().find_map(|&g| region.pos(g)) else {
                continue;
            };
            let value = cap.kind.convert(&text[start..end])?;
            // GrokCaptureExtracter.MapExtracter: a field emitted again becomes a list of all its values.
            match fields.iter_mut().find(|(k, _)| *k == cap.field) {
                Some((_, Value::List(values))) => values.push(value),
                Some((_, existing)) => {
                    let first = std::mem::replace(existing, Value::Null);
                    *existing = Value::List(vec![first, value]);
                }
                None => fields.push((cap.field.clone(), value)),
            }
        }
        let pattern_index = if !self.trace_groups.is_empty() {
            self.trace_groups
                .iter()
                .position(|&g| g != usize::MAX && region.pos(g).is_some())
                .unwrap_or(0)
        } else if !self.fallback_patterns.is_empty() {
            let mut scratch = Region::new();
            let mut found = 0;
            for (i, r) in self.fallback_patterns.iter().enumerate() {
                if search(r, text, &mut scratch)? {
                    found = i;
                    break;
                }
            }
            found
        } else {
            0
        };
        Ok(Some(GrokMatch {
            pattern_index,
            fields,
        }))
    }

    /// Where the whole expression first matches `text` at or after byte `from` (Joni's
    /// `Matcher.search(from, end)`: anchors and look-behind still see the text before `from`).
    /// `Ok(None)` when nothing matches or `from` is past the end.
    pub fn find_from(&self, text: &str, from: usize) -> Result<Option<(usize, usize)>, MatchError> {
        if from > text.len() {
            return Ok(None);
        }
        with_region(|region| {
            region.clear();
            Ok(search_range(&self.regex, text, from, region)?
                .then(|| region.pos(0))
                .flatten())
        })
    }

    /// The expanded regular expression, with Elasticsearch's group names (`(?<NAME:field>...)`).
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// The fields this expression can capture with their group names (`NAME:field:type`), in order.
    pub fn capture_names(&self) -> Vec<(&str, &str)> {
        self.captures
            .iter()
            .map(|c| (c.field.as_str(), c.group_name.as_str()))
            .collect()
    }
}

fn compile_regex(renamed: &groups::Renamed) -> Result<Regex, String> {
    Regex::with_options(
        &renamed.regex,
        RegexOptions::REGEX_OPTION_NONE,
        Syntax::ruby(),
    )
    .map_err(|e| original_names_in_message(e.description(), &renamed.names))
}

/// Oniguruma quotes group names in some messages (`undefined name <g0> reference`); show the user's names.
fn original_names_in_message(message: &str, names: &[String]) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("<g") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match (
            index.and_then(|i| names.get(i)),
            after[digits..].starts_with('>'),
        ) {
            (Some(name), true) if digits > 0 => {
                out.push('<');
                out.push_str(name);
                out.push('>');
                rest = &after[digits + 1..];
            }
            _ => {
                out.push_str("<g");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs `f` with this thread's match region, so that a match does not allocate a fresh one.
fn with_region<T>(f: impl FnOnce(&mut Region) -> T) -> T {
    thread_local! {
        static REGION: std::cell::RefCell<Region> = std::cell::RefCell::new(Region::new());
    }
    REGION.with(|cell| match cell.try_borrow_mut() {
        Ok(mut region) => f(&mut region),
        Err(_) => f(&mut Region::new()),
    })
}

fn search(regex: &Regex, text: &str, region: &mut Region) -> Result<bool, MatchError> {
    search_range(regex, text, 0, region)
}

fn search_range(
    regex: &Regex,
    text: &str,
    from: usize,
    region: &mut Region,
) -> Result<bool, MatchError> {
    let mut param = MatchParam::default();
    param.set_retry_limit_in_match(RETRY_LIMIT_IN_MATCH);
    match regex.search_with_param(
        text,
        from,
        text.len(),
        SearchOptions::SEARCH_OPTION_NONE,
        Some(region),
        param,
    ) {
        Ok(found) => Ok(found.is_some()),
        // Grok.match: the watchdog interrupt becomes this RuntimeException (default max_execution 1000 ms).
        Err(_) => Err(MatchError {
            es_type: "runtime_exception",
            reason: "grok pattern matching was interrupted after [1000] ms".to_string(),
        }),
    }
}

/// `GrokCaptureConfig`: the group name split on ':' as Java's `String.split(":")` does (trailing empty parts
/// dropped); the field is the second part when there are two or more, the type the third when there are
/// exactly three.
fn split_group_name(name: &str) -> Result<(String, CaptureType), String> {
    let mut parts: Vec<&str> = name.split(':').collect();
    while parts.last() == Some(&"") && !(parts.len() == 1 && name.is_empty()) {
        parts.pop();
    }
    if parts.is_empty() {
        // A name made only of ':' splits to nothing in Java and GrokCaptureConfig fails on parts[0].
        return Err("Index 0 out of bounds for length 0".to_string());
    }
    let field = if parts.len() >= 2 { parts[1] } else { parts[0] };
    let kind = if parts.len() == 3 {
        CaptureType::from_name(parts[2])
    } else {
        CaptureType::String
    };
    Ok((field.to_string(), kind))
}

/// `GrokProcessor.combinePatterns`: one pattern is used as is; several become an alternation, each wrapped
/// in a group (named `_ingest._grok_match_index.N` when tracing).
fn combine_patterns(patterns: &[String], trace: bool) -> String {
    if patterns.len() == 1 {
        return patterns[0].clone();
    }
    let mut out = String::new();
    for (i, p) in patterns.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        if trace {
            out.push_str(&format!("(?<{TRACE_PREFIX}{i}>{p})"));
        } else {
            out.push_str(&format!("(?:{p})"));
        }
    }
    out
}

/// `Grok.GROK_PATTERN`, compiled once (Ruby syntax, like Joni's `Syntax.DEFAULT`).
fn grok_reference_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let text = concat!(
            r"%\{",
            r"(?<name>",
            r"(?<pattern>[A-z0-9]+)",
            r"(?::(?<subname>[[:alnum:]@\[\]_:.-]+))?",
            r")",
            r"(?:=(?<definition>",
            r"(?:[^{}]+|\.+)+",
            r")",
            r")?",
            r"\}"
        );
        Regex::with_options(text, RegexOptions::REGEX_OPTION_NONE, Syntax::ruby())
            .expect("grok reference regex")
    })
}

/// `Grok.toRegex`: replaces the first `%{NAME}` / `%{NAME:sub}` reference with the named pattern (as a
/// `(?<NAME:sub>...)` group when it has a sub-name, as `(?:...)` otherwise) and scans again from there, until
/// no reference is left.
fn to_regex(bank: &PatternBank, grok_pattern: &str) -> Result<String, String> {
    let re = grok_reference_regex();
    let group = |n: &str| -> usize {
        let mut found = 0;
        re.foreach_name(|name, nums| {
            if name == n {
                found = nums[0] as usize;
                false
            } else {
                true
            }
        });
        found
    };
    let (g_name, g_pattern, g_subname) = (group("name"), group("pattern"), group("subname"));

    let mut res = String::new();
    let mut rest = grok_pattern.to_string();
    let mut region = Region::new();
    for _ in 0..MAX_TO_REGEX_ITERATIONS {
        region.clear();
        let found = re
            .search_with_options(
                &rest,
                0,
                rest.len(),
                SearchOptions::SEARCH_OPTION_NONE,
                Some(&mut region),
            )
            .is_some();
        if !found {
            res.push_str(&rest);
            return Ok(res);
        }
        let (m_start, m_end) = region.pos(0).unwrap_or((0, 0));
        let name_ref = region.pos(g_name).map(|(s, e)| &rest[s..e]).unwrap_or("");
        let subname = region.pos(g_subname).map(|(s, e)| &rest[s..e]);
        let pattern_name = region
            .pos(g_pattern)
            .map(|(s, e)| &rest[s..e])
            .unwrap_or("");
        let Some(pattern) = bank.get(pattern_name) else {
            return Err(format!(
                "Unable to find pattern [{pattern_name}] in Grok's pattern dictionary"
            ));
        };
        if pattern.contains(&format!("%{{{pattern_name}}}"))
            || pattern.contains(&format!("%{{{pattern_name}:"))
        {
            return Err(format!(
                "circular reference in pattern back [{pattern_name}]"
            ));
        }
        let part = match subname {
            Some(_) => format!("(?<{name_ref}>{pattern})"),
            None => format!("(?:{pattern})"),
        };
        res.push_str(&rest[..m_start]);
        let mut next = part;
        next.push_str(&rest[m_end..]);
        rest = next;
    }
    Err("Can not convert grok patterns to regular expression".to_string())
}

/// `PatternBank`: the built-ins of a set extended with custom definitions, checked for circular and dangling
/// references when built.
struct PatternBank {
    builtin: &'static builtin::Bank,
    custom: HashMap<String, String>,
    /// `LinkedHashMap` key order: built-ins in load order, then custom names not already built in.
    order: Vec<String>,
}

impl PatternBank {
    fn new(ecs: EcsCompatibility, definitions: &[(String, String)]) -> Result<PatternBank, String> {
        let builtin = builtin::bank(ecs);
        let mut custom = HashMap::new();
        let mut order: Vec<String> = builtin.order.iter().map(|s| s.to_string()).collect();
        for (name, pattern) in definitions {
            if !builtin.map.contains_key(name.as_str()) && !custom.contains_key(name) {
                order.push(name.clone());
            }
            custom.insert(name.clone(), pattern.clone());
        }
        let bank = PatternBank {
            builtin,
            custom,
            order,
        };
        if !definitions.is_empty() {
            bank.forbid_circular_references()?;
        }
        Ok(bank)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.custom
            .get(name)
            .map(String::as_str)
            .or_else(|| self.builtin.map.get(name).map(String::as_str))
    }

    /// `PatternBank.getPatternNamesForPattern`: names referenced by `%{NAME...}` in the pattern called
    /// `name`, first appearance first; a reference ends at the first '}' or ':' after `%{`.
    fn references(&self, name: &str) -> Result<Vec<String>, String> {
        let pattern = self.get(name).unwrap_or("");
        let b = pattern.as_bytes();
        let mut refs: Vec<String> = Vec::new();
        let mut from = 0;
        while let Some(off) = pattern[from..].find("%{") {
            let i = from + off;
            let begin = i + 2;
            let bracket = b[begin..]
                .iter()
                .position(|&c| c == b'}')
                .map(|p| p + begin);
            let colon = b[begin..]
                .iter()
                .position(|&c| c == b':')
                .map(|p| p + begin);
            let end = match (bracket, colon) {
                (Some(x), Some(y)) => x.min(y),
                (Some(x), None) | (None, Some(x)) => x,
                (None, None) => return Err(format!("pattern [{pattern}] has an invalid syntax")),
            };
            let other = &pattern[begin..end];
            if !refs.iter().any(|r| r == other) {
                if self.get(other).is_none() {
                    return Err(format!(
                        "pattern [{name}] is referencing a non-existent pattern [{other}]"
                    ));
                }
                refs.push(other.to_string());
            }
            from = i + 1;
        }
        Ok(refs)
    }

    /// `PatternBank.forbidCircularReferences`: a depth-first walk from every pattern; reaching the start
    /// again reports the path. Only runs when custom definitions exist: the built-in banks are acyclic (a
    /// unit test checks that).
    fn forbid_circular_references(&self) -> Result<(), String> {
        let mut all_visited: HashSet<String> = HashSet::new();
        let mut visited_more_than_once: HashSet<String> = HashSet::new();
        for start in &self.order {
            if !visited_more_than_once.contains(start) && all_visited.contains(start) {
                continue;
            }
            let mut visited_here: Vec<String> = Vec::new();
            let mut visited_here_set: HashSet<String> = HashSet::new();
            let mut stack: Vec<Vec<Option<String>>> = vec![vec![Some(start.clone())]];
            let mut last_parent: Option<String> = None;
            while let Some(level) = stack.last() {
                let idx = level.iter().position(Option::is_some).unwrap_or(0);
                let node = level[idx].clone().unwrap_or_default();
                let mut end_of_path = false;
                if &node == start && stack.len() > 1 {
                    let path: Vec<String> = stack
                        .iter()
                        .filter_map(|l| l.iter().find_map(|n| n.clone()))
                        .collect();
                    return Err(format!("circular reference detected: {}", path.join("->")));
                } else if last_parent.as_deref() == Some(node.as_str()) {
                    end_of_path = true;
                } else if visited_here_set.contains(&node) {
                    visited_more_than_once.insert(node.clone());
                    end_of_path = true;
                } else {
                    visited_here_set.insert(node.clone());
                    visited_here.push(node.clone());
                    let neighbours = self.references(&node)?;
                    if neighbours.is_empty() {
                        end_of_path = true;
                    } else {
                        stack.push(neighbours.into_iter().map(Some).collect());
                    }
                }
                if end_of_path {
                    let level = stack.last_mut().expect("non-empty stack");
                    level[idx] = None;
                    if idx == level.len() - 1 {
                        stack.pop();
                        last_parent = stack.last().and_then(|l| l.iter().find_map(|n| n.clone()));
                    }
                }
            }
            all_visited.extend(visited_here);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
