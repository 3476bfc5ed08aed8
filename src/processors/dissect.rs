//! `dissect` (ES `DissectProcessor` over the `libs/dissect` parser: `DissectParser`, `DissectKey`,
//! `DissectMatch`).

use super::field_access::{get_string, StrField};
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::{java_string_hash, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    AppendWithOrder,
    Append,
    FieldName,
    FieldValue,
    NamedSkip,
}

#[derive(Debug, Clone)]
struct Key {
    modifier: Modifier,
    skip: bool,
    skip_right_padding: bool,
    append_position: i32,
    name: String,
}

/// A pattern error, rendered like ES's `DissectException` subclasses.
#[derive(Debug, Clone, PartialEq)]
pub struct DissectError {
    /// Java simple class name (`PatternParse`, `KeyParse`, `FindMatch`).
    pub class: &'static str,
    pub message: String,
}

fn pattern_parse(pattern: &str, reason: &str) -> DissectError {
    DissectError {
        class: "PatternParse",
        message: format!("Unable to parse pattern: {pattern} Reason: {reason}"),
    }
}

fn key_parse(key: &str, reason: &str) -> DissectError {
    DissectError {
        class: "KeyParse",
        message: format!("Unable to parse key: {key} Reason: {reason}"),
    }
}

/// Positions where Java's `$` (no MULTILINE) matches in `s`: the end, or before a final line terminator.
fn java_dollar_at(s: &str, pos: usize) -> bool {
    let len = s.len();
    if pos == len {
        return true;
    }
    let rest = &s[pos..];
    if rest == "\r\n" {
        return true;
    }
    match rest {
        "\n" => !s[..pos].ends_with('\r'),
        "\r" | "\u{85}" | "\u{2028}" | "\u{2029}" => true,
        _ => false,
    }
}

/// Java `.` without DOTALL does not match line terminators.
fn is_java_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `(.*?)(->)?$` on `rest` (DOTALL): the name and whether `->` was present.
fn lazy_name_padding(rest: &str) -> Option<(String, bool)> {
    for (n, _) in rest
        .char_indices()
        .chain(std::iter::once((rest.len(), ' ')))
    {
        if rest[n..].starts_with("->") && java_dollar_at(rest, n + 2) {
            return Some((rest[..n].to_string(), true));
        }
        if java_dollar_at(rest, n) {
            return Some((rest[..n].to_string(), false));
        }
    }
    None
}

impl Key {
    /// ES `DissectKey(String)`.
    fn parse(key: &str) -> Result<Key, DissectError> {
        let modifier = find_modifier(key)?;
        let mut name: Option<String> = None;
        let mut skip = key.is_empty();
        let mut skip_right_padding = false;
        let mut append_position = 0;
        match modifier {
            Modifier::None => {
                // RIGHT_PADDING_PATTERN `^(.*?)(->)?$`
                if let Some((n, p)) = lazy_name_padding(key) {
                    skip = n.is_empty();
                    name = Some(n);
                    skip_right_padding = p;
                }
            }
            Modifier::NamedSkip | Modifier::Append | Modifier::FieldName | Modifier::FieldValue => {
                // LEFT_MODIFIER_PATTERN `([+*&?])(.*?)(->)?$`, found anywhere in the key
                if let Some(i) = key.find(['+', '*', '&', '?']) {
                    if let Some((n, p)) = lazy_name_padding(&key[i + 1..]) {
                        name = Some(n);
                        skip_right_padding = p;
                    }
                }
                if modifier == Modifier::NamedSkip {
                    skip = true;
                }
            }
            Modifier::AppendWithOrder => {
                // APPEND_WITH_ORDER_PATTERN `[+](.*?)(/)([0-9]+)(->)?$`
                if let Some(plus) = key.find('+') {
                    let rest = &key[plus + 1..];
                    for (n, c) in rest.char_indices() {
                        if c != '/' {
                            continue;
                        }
                        let after = &rest[n + 1..];
                        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                        if digits == 0 {
                            continue;
                        }
                        let end = n + 1 + digits;
                        let padded = rest[end..].starts_with("->") && java_dollar_at(rest, end + 2);
                        if padded || java_dollar_at(rest, end) {
                            name = Some(rest[..n].to_string());
                            append_position = parse_short(&after[..digits])?;
                            skip_right_padding = padded;
                            break;
                        }
                    }
                }
            }
        }
        match name {
            Some(name) if !name.is_empty() || skip => Ok(Key {
                modifier,
                skip,
                skip_right_padding,
                append_position,
                name,
            }),
            _ => Err(key_parse(key, "The key name could not be determined")),
        }
    }
}

/// `Short.valueOf` on ASCII digits, with Java's `NumberFormatException` messages.
fn parse_short(digits: &str) -> Result<i32, DissectError> {
    let class = "NumberFormatException";
    match digits.parse::<i32>() {
        Ok(v) if v <= i16::MAX as i32 => Ok(v),
        Ok(_) => Err(DissectError {
            class,
            message: format!("Value out of range. Value:\"{digits}\" Radix:10"),
        }),
        Err(_) => Err(DissectError {
            class,
            message: format!("For input string: \"{digits}\""),
        }),
    }
}

/// ES `DissectKey.Modifier.findModifier`.
fn find_modifier(key: &str) -> Result<Modifier, DissectError> {
    let mut modifier = Modifier::None;
    let mut matches = 0;
    for c in key.chars() {
        let next = match c {
            '/' => Modifier::AppendWithOrder,
            '+' => Modifier::Append,
            '*' => Modifier::FieldName,
            '&' => Modifier::FieldValue,
            '?' => Modifier::NamedSkip,
            _ => continue,
        };
        let prior = modifier;
        modifier = next;
        matches += 1;
        if matches > 1 && !(prior == Modifier::Append && modifier == Modifier::AppendWithOrder) {
            return Err(key_parse(key, "multiple modifiers are not allowed."));
        }
    }
    Ok(modifier)
}

/// A compiled dissect pattern (ES `DissectParser`).
#[derive(Debug, Clone)]
pub struct DissectParser {
    pattern: String,
    leading: String,
    pairs: Vec<(Key, Vec<u8>)>,
    append_separator: String,
    max_results: usize,
}

impl DissectParser {
    pub fn new(pattern: &str, append_separator: &str) -> Result<DissectParser, DissectError> {
        // LEADING_DELIMITER_PATTERN `^(.*?)%\{` (no DOTALL)
        let leading = match pattern.find("%{") {
            Some(i) if !pattern[..i].chars().any(is_java_line_terminator) => &pattern[..i],
            _ => "",
        };
        let body = &pattern[leading.len()..];
        let mut pairs = Vec::new();
        // KEY_DELIMITER_FIELD_PATTERN `%\{([^}]*?)}(.+?(?=%\{)|.*$)` (DOTALL), applied with find()
        let mut pos = 0;
        while let Some(rel) = body[pos..].find("%{") {
            let start = pos + rel;
            let key_start = start + 2;
            let Some(close_rel) = body[key_start..].find('}') else {
                pos = start + 1;
                continue;
            };
            let close = key_start + close_rel;
            let key = &body[key_start..close];
            let after = close + 1;
            // `.+?` needs one character before the next `%{`
            let next = body
                .get(after..)
                .and_then(|rest| rest.char_indices().nth(1).map(|(i, _)| after + i))
                .and_then(|from| body[from..].find("%{").map(|r| from + r));
            let (delimiter, end) = match next {
                Some(t) => (&body[after..t], t),
                None => (&body[after..], body.len()),
            };
            pairs.push((Key::parse(key)?, delimiter.as_bytes().to_vec()));
            pos = end;
            if pos >= body.len() {
                break;
            }
        }
        let mut names: Vec<&str> = Vec::new();
        for (k, _) in &pairs {
            if !k.skip && !names.contains(&k.name.as_str()) {
                names.push(&k.name);
            }
        }
        let max_results = names.len();
        if pairs.is_empty() || max_results == 0 {
            return Err(pattern_parse(
                pattern,
                "Unable to find any keys or delimiters.",
            ));
        }
        // keys named like an append key join the append
        let append_names: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| matches!(k.modifier, Modifier::Append | Modifier::AppendWithOrder))
            .map(|(k, _)| k.name.clone())
            .collect();
        for (k, _) in pairs.iter_mut() {
            if k.modifier == Modifier::None && append_names.contains(&k.name) {
                k.modifier = Modifier::Append;
            }
        }
        // '*' and '&' must come in pairs; ES reports the first bad group in HashMap order
        let mut groups: Vec<(String, usize)> = Vec::new();
        for (k, _) in &pairs {
            if matches!(k.modifier, Modifier::FieldName | Modifier::FieldValue) {
                match groups.iter_mut().find(|(n, _)| n == &k.name) {
                    Some(g) => g.1 += 1,
                    None => groups.push((k.name.clone(), 1)),
                }
            }
        }
        for i in hash_order(groups.iter().map(|(n, _)| n.as_str()), 16) {
            let (name, count) = &groups[i];
            if *count != 2 {
                let names = vec![name.as_str(); *count].join(",");
                return Err(pattern_parse(
                    pattern,
                    &format!(
                        "Found invalid key/reference associations: '{names}' Please ensure each '*<key>' is matched with a matching '&<key>"
                    ),
                ));
            }
        }
        Ok(DissectParser {
            pattern: pattern.to_string(),
            leading: leading.to_string(),
            pairs,
            append_separator: append_separator.to_string(),
            max_results,
        })
    }

    /// ES `DissectParser.parse`: the results in `HashMap` iteration order, or None when the input does
    /// not match.
    pub fn parse(&self, input: &str) -> Option<Vec<(String, String)>> {
        let mut m = Match::default();
        let lead_len16 = self.leading.encode_utf16().count();
        if input.encode_utf16().count() > lead_len16 && input.starts_with(&self.leading) {
            let bytes = input.as_bytes();
            let n = bytes.len();
            let mut it = self.pairs.iter().peekable();
            let (mut key, mut delim) = match it.next() {
                Some((k, d)) => (k, d.as_slice()),
                None => return None,
            };
            // ES indexes bytes with the UTF-16 length of the leading delimiter
            let mut i = lead_len16;
            let mut value_start = i;
            let full_at = |i: usize, d: &[u8]| {
                d.iter()
                    .enumerate()
                    .all(|(j, b)| bytes.get(i + j) == Some(b))
            };
            while i < n {
                if !delim.is_empty() && bytes[i] == delim[0] && full_at(i, delim) {
                    m.add(key, lossy(&bytes[value_start..i]), &self.append_separator);
                    i += delim.len();
                    // Consecutive delimiters (ES after elasticsearch#119264): a `->` key skips
                    // repeats of its own delimiter; otherwise, while the *next* key's delimiter
                    // follows at once, that key gets an empty value.
                    while i < n {
                        if key.skip_right_padding {
                            if full_at(i, delim) {
                                i += delim.len();
                                continue;
                            }
                            break;
                        }
                        match it.peek() {
                            Some((k, d)) if !d.is_empty() && full_at(i, d) => {
                                key = k;
                                delim = d;
                                i += d.len();
                                it.next();
                                m.add(key, String::new(), &self.append_separator);
                            }
                            _ => break,
                        }
                    }
                    let Some((k, d)) = it.next() else { break };
                    key = k;
                    delim = d;
                    value_start = i;
                } else {
                    i += 1;
                }
            }
            if m.matches != self.pairs.len() && delim.is_empty() {
                let start = value_start.min(n);
                m.add(key, lossy(&bytes[start..]), &self.append_separator);
            }
        }
        let results = m.results(&self.append_separator, self.max_results);
        if m.matches == self.pairs.len() && results.len() == self.max_results {
            Some(results)
        } else {
            None
        }
    }

    pub fn pattern(&self) -> &str {
        &self.pattern
    }
}

fn lossy(b: &[u8]) -> String {
    crate::java::utf8_to_string_lossy(b)
}

/// ES `DissectMatch`.
#[derive(Default)]
struct Match {
    matches: usize,
    simple: Vec<(String, String)>,
    /// name -> (key, value)
    references: Vec<(String, Option<String>, Option<String>)>,
    /// name -> [(value, order)]
    appends: Vec<(String, Vec<(String, i32)>)>,
    implicit_order: i32,
}

impl Match {
    fn add(&mut self, key: &Key, value: String, _sep: &str) {
        self.matches += 1;
        if key.skip {
            return;
        }
        match key.modifier {
            Modifier::None => put(&mut self.simple, key.name.clone(), value),
            Modifier::Append | Modifier::AppendWithOrder => {
                let order = if key.modifier == Modifier::Append {
                    let o = self.implicit_order - 1000;
                    self.implicit_order += 1;
                    o
                } else {
                    key.append_position
                };
                match self.appends.iter_mut().find(|(n, _)| n == &key.name) {
                    Some((_, vals)) => vals.push((value, order)),
                    None => self.appends.push((key.name.clone(), vec![(value, order)])),
                }
            }
            Modifier::FieldName | Modifier::FieldValue => {
                let slot = match self.references.iter().position(|(n, _, _)| n == &key.name) {
                    Some(p) => p,
                    None => {
                        self.references.push((key.name.clone(), None, None));
                        self.references.len() - 1
                    }
                };
                if key.modifier == Modifier::FieldName {
                    self.references[slot].1 = Some(value);
                } else {
                    self.references[slot].2 = Some(value);
                }
            }
            Modifier::NamedSkip => {}
        }
    }

    /// ES `DissectMatch.getResults`: simple results, then references, then appends, into one
    /// `HashMap` created with capacity `max_results`.
    fn results(&self, sep: &str, max_results: usize) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self.simple.clone();
        let refs = &self.references;
        for i in hash_order(refs.iter().map(|r| r.0.as_str()), 16) {
            let (_, k, v) = &refs[i];
            // a null key or value cannot be set in a valid match; ES would need both sides
            put(
                &mut out,
                k.clone().unwrap_or_default(),
                v.clone().unwrap_or_default(),
            );
        }
        for i in hash_order(self.appends.iter().map(|a| a.0.as_str()), 16) {
            let (name, vals) = &self.appends[i];
            let mut vals = vals.clone();
            vals.sort_by_key(|(_, o)| *o);
            let joined: Vec<&str> = vals.iter().map(|(v, _)| v.as_str()).collect();
            put(&mut out, name.clone(), joined.join(sep));
        }
        let order = hash_order(out.iter().map(|(k, _)| k.as_str()), max_results);
        order.into_iter().map(|i| out[i].clone()).collect()
    }
}

fn put(list: &mut Vec<(String, String)>, k: String, v: String) {
    match list.iter_mut().find(|(n, _)| *n == k) {
        Some(slot) => slot.1 = v,
        None => list.push((k, v)),
    }
}

/// Iteration order of a `java.util.HashMap` created with `new HashMap<>(initial)` holding these keys
/// (inserted in order).
fn hash_order<'a>(keys: impl Iterator<Item = &'a str>, initial: usize) -> Vec<usize> {
    let hashes: Vec<i32> = keys.map(java_string_hash).collect();
    let mut capacity = initial.max(1).next_power_of_two();
    while hashes.len() as f64 > capacity as f64 * 0.75 {
        capacity *= 2;
    }
    let mut order: Vec<usize> = (0..hashes.len()).collect();
    let bucket = |h: i32| {
        let h = h as u32;
        ((h ^ (h >> 16)) as usize) & (capacity - 1)
    };
    order.sort_by_key(|&i| bucket(hashes[i]));
    order
}

pub struct Dissect {
    field: FieldPath,
    parser: DissectParser,
    ignore_missing: bool,
    /// Paths of the key names the pattern spells out, parsed at load; only names taken from the
    /// input (`%{*k}` / `%{&k}` pairs) are parsed per document.
    paths: std::collections::HashMap<String, FieldPath>,
}

impl Dissect {
    pub fn from_config(cfg: &mut Config) -> Result<Dissect, ConfigError> {
        let field = cfg.required_path("field")?;
        let pattern = cfg.required_string("pattern")?;
        let append_separator = cfg.string_or("append_separator", "")?;
        let ignore_missing = cfg.bool("ignore_missing", false)?;
        let parser = DissectParser::new(&pattern, &append_separator).map_err(|e| {
            // ConfigurationUtils.newConfigurationException wraps a non-ES exception in an
            // ElasticsearchException whose message is the cause's toString().
            let class_name = if e.class == "NumberFormatException" {
                "java.lang.NumberFormatException".to_string()
            } else {
                format!("org.elasticsearch.dissect.DissectException${}", e.class)
            };
            let mut err = cfg.error(None, format!("{class_name}: {}", e.message));
            err.kind = "exception".into();
            err.extra.insert(
                "caused_by".into(),
                serde_json::json!({"type": snake_case(e.class), "reason": e.message}),
            );
            err
        })?;
        let paths = parser
            .pairs
            .iter()
            .filter(|(k, _)| {
                !k.skip && !matches!(k.modifier, Modifier::FieldName | Modifier::FieldValue)
            })
            .filter_map(|(k, _)| Some((k.name.clone(), FieldPath::parse(&k.name).ok()?)))
            .collect();
        Ok(Dissect {
            field,
            parser,
            ignore_missing,
            paths,
        })
    }
}

/// `ElasticsearchException.getExceptionName` of a Java simple class name.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl Processor for Dissect {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let input = match get_string(doc, &self.field, self.ignore_missing)? {
            StrField::Missing => return Ok(Flow::Continue),
            StrField::Null if self.ignore_missing => return Ok(Flow::Continue),
            StrField::Null => {
                return Err(ProcessorError::illegal_argument(format!(
                    "field [{}] is null, cannot process it.",
                    self.field.full
                )))
            }
            StrField::Str(s) => s.to_string(),
        };
        let Some(results) = self.parser.parse(&input) else {
            return Err(ProcessorError::new(
                "find_match",
                format!(
                    "Unable to find match for dissect pattern: {} against source: {input}",
                    self.parser.pattern
                ),
            ));
        };
        for (k, v) in results {
            let parsed;
            let path = match self.paths.get(&k) {
                Some(path) => path,
                None => {
                    parsed = FieldPath::parse(&k).map_err(ProcessorError::illegal_argument)?;
                    &parsed
                }
            };
            doc.set(path, Value::String(v))
                .map_err(ProcessorError::illegal_argument)?;
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use super::DissectParser;
    use crate::processors::test_support::*;
    use serde_json::json;

    fn parse(pattern: &str, input: &str) -> Option<Vec<(String, String)>> {
        parse_sep(pattern, input, "")
    }

    fn parse_sep(pattern: &str, input: &str, sep: &str) -> Option<Vec<(String, String)>> {
        let mut r = DissectParser::new(pattern, sep).unwrap().parse(input)?;
        r.sort();
        Some(r)
    }

    fn kv(pairs: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
        let mut v: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        v.sort();
        Some(v)
    }

    fn pattern_error(pattern: &str) -> String {
        DissectParser::new(pattern, "").unwrap_err().message
    }

    // Cases from ES DissectParserTests.
    #[test]
    fn simple_and_delimiters() {
        assert_eq!(
            parse("%{a} %{b},%{c}", "foo bar,baz"),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(parse("%{a} %{b},%{c}", "foo bar baz"), None);
        assert_eq!(parse("%{a}:%{b}", "foo:"), kv(&[("a", "foo"), ("b", "")]));
        assert_eq!(
            parse("%{a},%{b},%{c},%{d}", "foo,,,"),
            kv(&[("a", "foo"), ("b", ""), ("c", ""), ("d", "")])
        );
        assert_eq!(parse("[%{a}]", "[foo]"), kv(&[("a", "foo")]));
        assert_eq!(parse("[%{a}]", "foo]"), None);
        assert_eq!(
            parse("%{a} %{b}", "foo bar baz"),
            kv(&[("a", "foo"), ("b", "bar baz")])
        );
        assert_eq!(
            parse("%{a}  %{b}", "foo  bar"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
    }

    #[test]
    fn right_padding() {
        assert_eq!(
            parse("%{a->} %{b} %{c}", "foo         bar baz"),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(
            parse("%{a->},%{b}", "foo,,,,,,bar"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
        assert_eq!(parse("%{->} %{b}", "foo     bar"), kv(&[("b", "bar")]));
    }

    #[test]
    fn append_and_order() {
        assert_eq!(
            parse("%{a} %{+a} %{+a}", "foo bar baz"),
            kv(&[("a", "foobarbaz")])
        );
        assert_eq!(
            parse_sep("%{a} %{+a} %{+a}", "foo bar baz", "::"),
            kv(&[("a", "foo::bar::baz")])
        );
        assert_eq!(
            parse("%{a} %{+a/2} %{+a/1}", "foo bar baz"),
            kv(&[("a", "foobazbar")])
        );
        assert_eq!(
            parse("%{+a/3} %{+a/1} %{+a/2}", "foo bar baz"),
            kv(&[("a", "barbazfoo")])
        );
        // a plain key named like an append key joins it
        assert_eq!(
            parse("%{a} %{b} %{+a}", "foo bar baz"),
            kv(&[("a", "foobaz"), ("b", "bar")])
        );
    }

    #[test]
    fn references_and_skips() {
        assert_eq!(
            parse("%{*a} %{b} %{&a}", "foo bar baz"),
            kv(&[("foo", "baz"), ("b", "bar")])
        );
        assert_eq!(
            parse("%{a} %{?skipme} %{c}", "foo bar baz"),
            kv(&[("a", "foo"), ("c", "baz")])
        );
        assert_eq!(
            parse("%{a} %{} %{c}", "foo bar baz"),
            kv(&[("a", "foo"), ("c", "baz")])
        );
        assert_eq!(
            parse("%{*a} %{&a} %{*b} %{&b}", "x 1 y 2"),
            kv(&[("x", "1"), ("y", "2")])
        );
    }

    // Cases of the dissect specification suite shipped with ES (libs/dissect tests.json).
    #[test]
    fn specification_cases() {
        assert_eq!(
            parse(
                "level=%{level} ts=%{timestamp} caller=%{caller} msg=\"%{message}\"",
                "level=info ts=2018-06-27T17:19:13.036579993Z caller=main.go:222 msg=\"Starting OK\" version=\"(version=2.3.1)\"}"
            ),
            kv(&[
                ("level", "info"),
                ("timestamp", "2018-06-27T17:19:13.036579993Z"),
                ("caller", "main.go:222"),
                ("message", "Starting OK")
            ])
        );
        assert_eq!(
            parse(
                "%{day}-%{month}-%{year} %{hour} %{severity} [%{thread_id}] %{origin} %{message}",
                "18-Apr-2018 06:53:20.411 INFO [http-nio-8080-exec-1] org.apache.Foo.service Error\n at x\n at y"
            ),
            kv(&[
                ("day", "18"),
                ("month", "Apr"),
                ("year", "2018"),
                ("hour", "06:53:20.411"),
                ("severity", "INFO"),
                ("thread_id", "http-nio-8080-exec-1"),
                ("origin", "org.apache.Foo.service"),
                ("message", "Error\n at x\n at y")
            ])
        );
        assert_eq!(
            parse("/var/log/%{key}.log", "/var/log/foobar.log"),
            kv(&[("key", "foobar")])
        );
        assert_eq!(parse("/var/log/%{key}.log", "foobar"), None);
        assert_eq!(parse("/var/log/%{key}.log", "/var/log/foobar"), None);
        assert_eq!(parse("%{key1} %{key2} %{key3}", "foo bar"), None);
        assert_eq!(
            parse("/var/%{key}", "/var/foobar/log"),
            kv(&[("key", "foobar/log")])
        );
        assert_eq!(
            parse("%{+key/3} %{+key/1->} %{+key/2}", "1 2              3"),
            kv(&[("key", "231")])
        );
        assert_eq!(
            parse_sep("%{key}-%{+key}-%{+key}", "1-2-3", ","),
            kv(&[("key", "1,2,3")])
        );
        assert_eq!(
            parse("%{&key} %{*key}", "hello world"),
            kv(&[("world", "hello")])
        );
        assert!(DissectParser::new("%{key} %{&key}", "").is_err());
        assert_eq!(
            parse(
                "%{name},%{addr1},%{addr2},%{addr3},%{city},%{zip}",
                "Jane Doe,4321 Fifth Avenue,,,New York,87432"
            ),
            kv(&[
                ("name", "Jane Doe"),
                ("addr1", "4321 Fifth Avenue"),
                ("addr2", ""),
                ("addr3", ""),
                ("city", "New York"),
                ("zip", "87432")
            ])
        );
        assert_eq!(
            parse(
                "%{name},%{addr1->},%{city},%{zip}",
                "Jane Doe,4321 Fifth Avenue,,,New York,87432"
            ),
            kv(&[
                ("name", "Jane Doe"),
                ("addr1", "4321 Fifth Avenue"),
                ("city", "New York"),
                ("zip", "87432")
            ])
        );
        assert_eq!(
            parse(
                "%{id} %{function} %{server->} ",
                "00000043 ViewReceive machine-321    "
            ),
            kv(&[
                ("id", "00000043"),
                ("function", "ViewReceive"),
                ("server", "machine-321")
            ])
        );
        assert_eq!(
            parse(
                "%{id->} %{function} %{server}",
                "00000043    ViewReceive machine-321"
            ),
            kv(&[
                ("id", "00000043"),
                ("function", "ViewReceive"),
                ("server", "machine-321")
            ])
        );
        assert_eq!(
            parse("{%{a}}{%{b}} %{rest}", "{c}{d} anything"),
            kv(&[("a", "c"), ("b", "d"), ("rest", "anything")])
        );
        assert!(DissectParser::new("anything", "").is_err());
        assert!(DissectParser::new("%{some?thing}", "").is_err());
        assert_eq!(
            parse(
                "%{a}\u{fcf}%{b} %{c}",
                "\u{27f3}\u{f12}\u{fcf}\u{f12}\u{27f2} \u{5b50}"
            ),
            kv(&[
                ("a", "\u{27f3}\u{f12}"),
                ("b", "\u{f12}\u{27f2}"),
                ("c", "\u{5b50}")
            ])
        );
    }

    // Cases of ES DissectParserTests (Logstash specs, consecutive delimiters, misses).
    #[test]
    fn es_parser_cases() {
        let sp = |p: &str, i: &str| parse_sep(p, i, " ");
        assert_eq!(
            parse("%{a} %{b->} %{c}", "foo bar   baz"),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(parse("%{a} %{b}%{c} %{d}", "foo bar baz"), None);
        assert_eq!(parse("%{a} %{b} %{c}%{d}", "foo bar baz quux"), None);
        assert_eq!(
            sp("%{a} %{b} %{+b} %{z}", "foo bar baz quux"),
            kv(&[("a", "foo"), ("b", "bar baz"), ("z", "quux")])
        );
        assert_eq!(
            parse("%{a}------->%{b}", "foo------->bar baz quux"),
            kv(&[("a", "foo"), ("b", "bar baz quux")])
        );
        assert_eq!(
            parse("%{a}------->%{}", "foo------->bar baz quux"),
            kv(&[("a", "foo")])
        );
        assert_eq!(
            parse(
                "%{a} \u{bb} %{b}\u{bb}%{c}\u{20ac}%{d}",
                "foo \u{bb} bar\u{bb}baz\u{20ac}quux"
            ),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz"), ("d", "quux")])
        );
        assert_eq!(
            sp("%{a} %{b} %{+a}", "foo bar baz quux"),
            kv(&[("a", "foo baz quux"), ("b", "bar")])
        );
        assert_eq!(
            sp("%{+a} %{a} %{+a} %{b}", "December 31 1999 quux"),
            kv(&[("a", "December 31 1999"), ("b", "quux")])
        );
        assert_eq!(
            sp("%{+a/1} %{a} %{+a/2} %{b}", "December 31 1999 quux"),
            kv(&[("a", "31 December 1999"), ("b", "quux")])
        );
        assert_eq!(
            sp("%{+a/2} %{+a/4} %{+a/1} %{+a/3}", "bar quux foo baz"),
            kv(&[("a", "foo bar baz quux")])
        );
        assert_eq!(
            sp("%{+a} %{b} %{+a} %{c}", "foo bar baz quux"),
            kv(&[("a", "foo baz"), ("b", "bar"), ("c", "quux")])
        );
        assert!(DissectParser::new("%{+/2}", "")
            .unwrap_err()
            .message
            .starts_with("Unable to parse key: +/2"));
        assert!(DissectParser::new("%{&+a_field}", "")
            .unwrap_err()
            .message
            .starts_with("Unable to parse key: &+a_field"));
        assert!(DissectParser::new("%{*}", "")
            .unwrap_err()
            .message
            .starts_with("Unable to parse key: *"));
        assert!(DissectParser::new("%{++}", "")
            .unwrap_err()
            .message
            .starts_with("Unable to parse key: ++"));
        assert!(DissectParser::new("{}", "")
            .unwrap_err()
            .message
            .starts_with("Unable to parse pattern: {}"));
        assert!(DissectParser::new("%{*a} %{&b}", "").is_err());
        assert_eq!(
            parse(
                "%{a->}   %{b->}---%{c}",
                "foo            bar------------baz"
            ),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(parse("%{->}-%{a}", "-----666"), kv(&[("a", "666")]));
        assert_eq!(parse("%{?skipme->}-%{a}", "-----666"), kv(&[("a", "666")]));
        assert_eq!(
            parse("%{a},%{b},%{c},%{d},%{e},%{f}", "111,,333,,555,666"),
            kv(&[
                ("a", "111"),
                ("b", ""),
                ("c", "333"),
                ("d", ""),
                ("e", "555"),
                ("f", "666")
            ])
        );
        assert_eq!(
            parse("%{a}{\n}%{b}", "aaa{\n}bbb"),
            kv(&[("a", "aaa"), ("b", "bbb")])
        );
        assert_eq!(
            parse("MACHINE[%{a}] %{b}", "1234567890 MACHINE[foo] bar"),
            None
        );
        assert_eq!(parse("%{a} %{b} %{c}", "foo:bar:baz"), None);
        // partial key definitions
        assert_eq!(
            parse("%{a} %%{b},%{c}", "foo %bar,baz"),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(
            parse("%{a} %{b},%%{c}", "foo bar,%baz"),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(
            parse("%%{a} %{b},%{c}", "%foo bar,baz"),
            kv(&[("a", "foo"), ("b", "bar"), ("c", "baz")])
        );
        assert_eq!(parse("%foo %{bar}", "%foo test"), kv(&[("bar", "test")]));
        // remainder, empty and named skip keys
        assert_eq!(
            parse("%{a} %{b->}", "foo bar the rest"),
            kv(&[("a", "foo"), ("b", "bar the rest")])
        );
        assert_eq!(
            parse("%{*a} %{&a}", "foo bar the rest"),
            kv(&[("foo", "bar the rest")])
        );
        assert_eq!(parse("%{->} %{b}", "        bar"), kv(&[("b", "bar")]));
        assert_eq!(parse("%{a} %{->}", "foo  bar       "), kv(&[("a", "foo")]));
        assert_eq!(
            parse("%{a} %{->?bar}", "foo  bar       "),
            kv(&[("a", "foo")])
        );
        assert_eq!(parse("%{?foo->} %{b}", "        bar"), kv(&[("b", "bar")]));
        assert_eq!(
            parse("%{a} %{?} %{?}", "foo  bar  baz"),
            kv(&[("a", "foo")])
        );
        // consecutive delimiters
        assert_eq!(parse("%{->},%{a}", ",,,,,foo"), kv(&[("a", "foo")]));
        assert_eq!(
            parse("%{a->},%{b}", ",,,,,foo"),
            kv(&[("a", ""), ("b", "foo")])
        );
        assert_eq!(parse("%{a->},", "foo,,,,,"), kv(&[("a", "foo")]));
        assert_eq!(
            parse("%{a} %{b},", "foo bar,,,,,"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
        assert_eq!(
            parse("%{a} %{b->},", "foo bar,,,,,"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
        assert_eq!(
            parse("%{a->}x%{b}", "fooxxxxxbar"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
        assert_eq!(
            parse("%{a->} xyz%{b}", "foo xyz xyz xyz xyz xyzbar"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
        assert_eq!(
            parse("%{a},%{b},%{c},%{d}", "foo,,bar,baz"),
            kv(&[("a", "foo"), ("b", ""), ("c", "bar"), ("d", "baz")])
        );
        assert_eq!(
            parse("%{a},%{b},%{c},%{d}", "foo,,,baz"),
            kv(&[("a", "foo"), ("b", ""), ("c", ""), ("d", "baz")])
        );
        assert_eq!(
            parse("%{a},%{b},%{c},%{d}", ",bar,,baz"),
            kv(&[("a", ""), ("b", "bar"), ("c", ""), ("d", "baz")])
        );
        assert_eq!(
            parse("%{->},%{a->},%{b}", ",,,bar,,baz"),
            kv(&[("a", "bar"), ("b", "baz")])
        );
        assert_eq!(
            parse("%{+a/1},%{+a/3}-%{+a/2} %{b}", "foo,bar----baz lol"),
            kv(&[("a", "foo---bazbar"), ("b", "lol")])
        );
        assert_eq!(
            parse("%{+a/1},%{+a/3->}-%{+a/2} %{b}", "foo,bar----baz lol"),
            kv(&[("a", "foobazbar"), ("b", "lol")])
        );
        assert_eq!(
            parse(
                "%{a->} %{+a->} %{*b->} %{&b->} %{c}",
                "foo       bar    baz  lol    x"
            ),
            kv(&[("a", "foobar"), ("baz", "lol"), ("c", "x")])
        );
        assert_eq!(
            parse("%{a} %{b->}", "foo bar,,,,,,"),
            kv(&[("a", "foo"), ("b", "bar,,,,,,")])
        );
        assert_eq!(
            parse(",,,%{a} %{b}", ",,,foo bar"),
            kv(&[("a", "foo"), ("b", "bar")])
        );
        assert_eq!(
            parse(",%{a} %{b}", ",,foo bar"),
            kv(&[("a", ",foo"), ("b", "bar")])
        );
        assert_eq!(
            parse("(%{a}) [%{b}] -[%{c}]", "(foo) [] -[bar]"),
            kv(&[("a", "foo"), ("b", ""), ("c", "bar")])
        );
        assert_eq!(parse("[%{a}] [%{b}]", "[] []"), kv(&[("a", ""), ("b", "")]));
        // elasticsearch#119264
        assert_eq!(
            parse("%{a}-%{b}", "foo------bar"),
            kv(&[("a", "foo"), ("b", "-----bar")])
        );
        assert_eq!(
            parse("%{}|%{}|foo=%{field}", "||foo=bar"),
            kv(&[("field", "bar")])
        );
        // misses
        for (p, i) in [
            ("%{a}%{b}", "foo"),
            ("%{a},%{b}", "foo bar"),
            ("%{a}, %{b}", "foo,bar"),
            ("x%{a},%{b}", "foo,bar"),
            ("x%{},%{b}", "foo,bar"),
            ("leading_delimiter_long%{a}", "foo"),
            ("%{a}trailing_delimiter_long", "foo"),
            ("%{a}x", "foo"),
            ("%{a},%{b}x", "foo,bar"),
        ] {
            assert_eq!(parse(p, i), None, "{p}");
        }
        assert_eq!(
            sp(
                "%{timestamp} %{+timestamp} %{+timestamp} %{logsource} %{program}[%{pid}]: %{message}",
                "Mar 16 00:01:25 evita postfix/smtpd[1713]: connect from camomile.cloud9.net[168.100.1.3]"
            ),
            kv(&[
                ("timestamp", "Mar 16 00:01:25"),
                ("logsource", "evita"),
                ("program", "postfix/smtpd"),
                ("pid", "1713"),
                ("message", "connect from camomile.cloud9.net[168.100.1.3]")
            ])
        );
    }

    #[test]
    fn okta_braces() {
        assert_eq!(
            parse("{%{x}}", "{New Geo-Location=NEGATIVE, New Device=POSITIVE}"),
            kv(&[("x", "New Geo-Location=NEGATIVE, New Device=POSITIVE")])
        );
        assert_eq!(parse("{%{x}}", "New Device=POSITIVE"), None);
        // the input must be longer than the leading delimiter
        assert_eq!(parse("{%{x}}", "{"), None);
    }

    #[test]
    fn unicode() {
        assert_eq!(
            parse("%{a}→%{b}", "föö→bär"),
            kv(&[("a", "föö"), ("b", "bär")])
        );
    }

    #[test]
    fn pattern_errors() {
        assert_eq!(
            pattern_error(""),
            "Unable to parse pattern:  Reason: Unable to find any keys or delimiters."
        );
        assert_eq!(
            pattern_error("%{?a} %{}"),
            "Unable to parse pattern: %{?a} %{} Reason: Unable to find any keys or delimiters."
        );
        assert_eq!(
            pattern_error("%{*a} %{b}"),
            "Unable to parse pattern: %{*a} %{b} Reason: Found invalid key/reference associations: 'a' Please ensure each '*<key>' is matched with a matching '&<key>"
        );
        assert_eq!(
            pattern_error("%{+?a}"),
            "Unable to parse key: +?a Reason: multiple modifiers are not allowed."
        );
        assert_eq!(
            pattern_error("%{+}"),
            "Unable to parse key: + Reason: The key name could not be determined"
        );
        assert_eq!(
            pattern_error("%{a/1}"),
            "Unable to parse key: a/1 Reason: The key name could not be determined"
        );
    }

    #[test]
    fn processor() {
        let d = run(
            "dissect",
            json!({"field": "m", "pattern": "%{a.b} %{c}"}),
            r#"{"m":"x y"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":"x y","a":{"b":"x"},"c":"y"}"#);
        let e = run(
            "dissect",
            json!({"field": "m", "pattern": "%{a},%{b}"}),
            r#"{"m":"x y"}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "Unable to find match for dissect pattern: %{a},%{b} against source: x y"
        );
        let e = run(
            "dissect",
            json!({"field": "m", "pattern": "%{a}"}),
            r#"{"m":1}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [m] of type [java.lang.Integer] cannot be cast to [java.lang.String]"
        );
        let e = run(
            "dissect",
            json!({"field": "m", "pattern": "%{a}"}),
            r#"{"m":null}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [m] is null, cannot process it.");
        let e = run("dissect", json!({"field": "m", "pattern": "%{a}"}), "{}").unwrap_err();
        assert_eq!(e.reason, "field [m] not present as part of path [m]");
        for doc in ["{}", r#"{"m":null}"#] {
            let d = run(
                "dissect",
                json!({"field": "m", "pattern": "%{a}", "ignore_missing": true}),
                doc,
            )
            .unwrap();
            assert!(!source_json(&d).contains("\"a\""));
        }
        let d = run(
            "dissect",
            json!({"field": "m", "pattern": "%{a} %{+a}", "append_separator": "-"}),
            r#"{"m":"x y"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"m":"x y","a":"x-y"}"#);
    }

    #[test]
    fn config_errors() {
        let e = config_error("dissect", json!({"field": "m", "pattern": "foo"}));
        assert_eq!(
            e,
            "org.elasticsearch.dissect.DissectException$PatternParse: Unable to parse pattern: foo Reason: Unable to find any keys or delimiters."
        );
        assert_eq!(
            config_error("dissect", json!({"field": "m"})),
            "[pattern] required property is missing"
        );
    }
}
