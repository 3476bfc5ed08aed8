//! Java (`java.util.regex`) patterns on Rust engines, for every processor whose options are Java
//! regexes (`kv`, and `split`/`gsub`-like processors).
//!
//! A Java pattern is translated to the `regex` crate's syntax where the meaning can be kept (ASCII
//! `\d \s \w`, POSIX `\p{Alpha}` classes, `.` excluding all Java line terminators, `\Q…\E`, `\h \v
//! \R`, octal/control escapes). Constructs the `regex` crate lacks (lookaround, backreferences,
//! possessive quantifiers, atomic groups, Java's `$` that also matches before a final line
//! terminator, `\G`, `\Z`, inline flags other than `i`/`m`) make the pattern fall back to Oniguruma
//! with its Java syntax.
//!
//! API: `JavaRegex::new(pattern)` (compile once, at load), then per document `find_at`, `find_all`
//! (`Matcher.find` iteration), `split(input, limit)` (`Pattern.split` / `String.split`),
//! `matches` (`Matcher.matches`), `replace_all_literal`, and `replacement(text)` +
//! `replace_all(input, &replacement)` for `Matcher.replaceAll` with Java's `$n` / `${name}` / `\x`
//! syntax and its exceptions. `tests/oracle/RegexSplit.java` checks all of these against the JDK.
//!
//! Known differences: `(?i)` folds Unicode case (Java folds ASCII only unless `(?u)`); Unicode
//! block properties (`\p{InGreek}`) are rejected; compile errors carry the engine's message, not
//! Java's `PatternSyntaxException` text.

use std::fmt::Write as _;

#[derive(Debug, Clone)]
enum Engine {
    Std(regex::Regex),
    Onig(std::sync::Arc<onig::Regex>),
}

/// A compiled Java regular expression.
#[derive(Debug, Clone)]
pub struct JavaRegex {
    source: String,
    engine: Engine,
    /// `\A(?:pattern)\z`, built on first use by `matches`.
    anchored: std::sync::Arc<std::sync::OnceLock<Option<Box<JavaRegex>>>>,
}

impl JavaRegex {
    /// Compiles `pattern` with Java semantics. The error text is the engine's, not Java's
    /// `PatternSyntaxException` message.
    pub fn new(pattern: &str) -> Result<JavaRegex, String> {
        if let Ok(Some(translated)) = translate(pattern) {
            if let Ok(re) = regex::Regex::new(&translated) {
                return Ok(JavaRegex {
                    source: pattern.to_string(),
                    engine: Engine::Std(re),
                    anchored: Default::default(),
                });
            }
        }
        let re = onig::Regex::with_options(
            pattern,
            onig::RegexOptions::REGEX_OPTION_NONE,
            onig::Syntax::java(),
        )
        .map_err(|e| format!("{} near index 0\n{pattern}", e.description()))?;
        Ok(JavaRegex {
            source: pattern.to_string(),
            engine: Engine::Onig(std::sync::Arc::new(re)),
            anchored: Default::default(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// True when the pattern needed the Oniguruma fallback.
    pub fn uses_onig(&self) -> bool {
        matches!(self.engine, Engine::Onig(_))
    }

    /// The first match at or after byte offset `start` (anchors see the whole string).
    pub fn find_at(&self, s: &str, start: usize) -> Option<(usize, usize)> {
        match &self.engine {
            Engine::Std(re) => re.find_at(s, start).map(|m| (m.start(), m.end())),
            Engine::Onig(re) => {
                let mut region = onig::Region::new();
                re.search_with_options(
                    s,
                    start,
                    s.len(),
                    onig::SearchOptions::SEARCH_OPTION_NONE,
                    Some(&mut region),
                )?;
                region.pos(0)
            }
        }
    }

    /// Whether the whole string matches (`Matcher.matches`).
    pub fn matches(&self, s: &str) -> bool {
        let anchored = self.anchored.get_or_init(|| {
            JavaRegex::new(&format!("\\A(?:{})\\z", self.source))
                .ok()
                .map(Box::new)
        });
        anchored.as_ref().is_some_and(|a| a.find_at(s, 0).is_some())
    }

    /// Number of capturing groups (`Matcher.groupCount`).
    pub fn group_count(&self) -> usize {
        match &self.engine {
            Engine::Std(re) => re.captures_len() - 1,
            Engine::Onig(re) => re.captures_len(),
        }
    }

    /// Group index of a named group.
    fn group_index(&self, name: &str) -> Option<usize> {
        match &self.engine {
            Engine::Std(re) => re.capture_names().position(|n| n == Some(name)),
            Engine::Onig(re) => {
                let mut found = None;
                re.foreach_name(|n, indices| {
                    if n == name {
                        found = indices.last().map(|&i| i as usize);
                        false
                    } else {
                        true
                    }
                });
                found
            }
        }
    }

    /// Group spans of the first match at or after `start`.
    fn captures_at(&self, s: &str, start: usize) -> Option<Vec<Option<(usize, usize)>>> {
        match &self.engine {
            Engine::Std(re) => re.captures_at(s, start).map(|c| {
                (0..c.len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            }),
            Engine::Onig(re) => {
                let mut region = onig::Region::new();
                re.search_with_options(
                    s,
                    start,
                    s.len(),
                    onig::SearchOptions::SEARCH_OPTION_NONE,
                    Some(&mut region),
                )?;
                Some((0..region.len()).map(|i| region.pos(i)).collect())
            }
        }
    }

    /// Compiles a `Matcher.replaceAll` replacement (`$n`, `${name}`, `\x`) against this pattern.
    /// Java only reports a bad replacement when something matched; so does `replace_all`.
    pub fn replacement(&self, text: &str) -> Replacement {
        Replacement(parse_replacement(self, text))
    }

    /// `Matcher.replaceAll(replacement)`. Errors are (Java exception type, message).
    pub fn replace_all(&self, s: &str, rep: &Replacement) -> Result<String, (String, String)> {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        let mut from = 0;
        let mut prev: Option<(usize, usize)> = None;
        loop {
            let mut next = from;
            if let Some((a, b)) = prev {
                if a == b {
                    match s[b..].chars().next() {
                        Some(c) => next = b + c.len_utf8(),
                        None => break,
                    }
                }
            }
            let Some(groups) = self.captures_at(s, next) else {
                break;
            };
            let Some((a, b)) = groups[0] else { break };
            let parts = rep.0.as_ref().map_err(Clone::clone)?;
            out.push_str(&s[last..a]);
            for part in parts {
                match part {
                    RepPart::Literal(l) => out.push_str(l),
                    RepPart::Group(g) => {
                        if let Some(Some((x, y))) = groups.get(*g) {
                            out.push_str(&s[*x..*y]);
                        }
                    }
                }
            }
            last = b;
            prev = Some((a, b));
            from = b;
        }
        out.push_str(&s[last..]);
        Ok(out)
    }

    /// All matches as `Matcher.find()` reports them: after an empty match the next search starts
    /// one character later.
    pub fn find_all(&self, s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        let mut prev: Option<(usize, usize)> = None;
        loop {
            let mut next = from;
            if let Some((a, b)) = prev {
                if a == b {
                    match s[b..].chars().next() {
                        Some(c) => next = b + c.len_utf8(),
                        None => break,
                    }
                }
            }
            if next > s.len() {
                break;
            }
            let Some(m) = self.find_at(s, next) else {
                break;
            };
            out.push(m);
            prev = Some(m);
            from = m.1;
        }
        out
    }

    /// `Pattern.split(input, limit)`.
    pub fn split(&self, input: &str, limit: i32) -> Vec<String> {
        let limited = limit > 0;
        let mut index = 0;
        let mut list: Vec<String> = Vec::new();
        for (start, end) in self.find_all(input) {
            if !limited || (list.len() as i64) < limit as i64 - 1 {
                if index == 0 && start == 0 && start == end {
                    // no empty leading substring for a zero-width match at the beginning
                    continue;
                }
                list.push(input[index..start].to_string());
                index = end;
            } else {
                break;
            }
        }
        if index == 0 {
            return vec![input.to_string()];
        }
        if !limited || (list.len() as i64) < limit as i64 {
            list.push(input[index..].to_string());
        }
        if limit == 0 {
            while list.last().is_some_and(String::is_empty) {
                list.pop();
            }
        }
        list
    }

    /// `Matcher.replaceAll(Matcher.quoteReplacement(replacement))`.
    pub fn replace_all_literal(&self, s: &str, replacement: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for (a, b) in self.find_all(s) {
            out.push_str(&s[last..a]);
            out.push_str(replacement);
            last = b;
        }
        out.push_str(&s[last..]);
        out
    }
}

#[derive(Debug, Clone)]
enum RepPart {
    Literal(String),
    Group(usize),
}

/// A parsed replacement, or the exception Java throws on its first use.
#[derive(Debug, Clone)]
pub struct Replacement(Result<Vec<RepPart>, (String, String)>);

/// `Matcher.appendExpandedReplacement`.
fn parse_replacement(re: &JavaRegex, text: &str) -> Result<Vec<RepPart>, (String, String)> {
    let iae = |m: &str| ("illegal_argument_exception".to_string(), m.to_string());
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let groups = re.group_count();
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 1;
            let Some(&e) = chars.get(i) else {
                return Err(iae("character to be escaped is missing"));
            };
            lit.push(e);
            i += 1;
        } else if c == '$' {
            i += 1;
            let Some(&n) = chars.get(i) else {
                return Err(iae("Illegal group reference: group index is missing"));
            };
            let group = if n == '{' {
                i += 1;
                let mut name = String::new();
                while let Some(&ch) = chars.get(i) {
                    if ch.is_ascii_alphanumeric() {
                        name.push(ch);
                        i += 1;
                    } else {
                        break;
                    }
                }
                if name.is_empty() {
                    return Err(iae("named capturing group has 0 length name"));
                }
                if chars.get(i) != Some(&'}') {
                    return Err(iae("named capturing group is missing trailing '}'"));
                }
                if name.starts_with(|ch: char| ch.is_ascii_digit()) {
                    return Err(iae(&format!(
                        "capturing group name {{{name}}} starts with digit character"
                    )));
                }
                i += 1;
                re.group_index(&name)
                    .ok_or_else(|| iae(&format!("No group with name {{{name}}}")))?
            } else {
                let Some(mut g) = n.to_digit(10).map(|d| d as usize) else {
                    return Err(iae("Illegal group reference"));
                };
                i += 1;
                while let Some(d) = chars.get(i).and_then(|ch| ch.to_digit(10)) {
                    let longer = g * 10 + d as usize;
                    if longer > groups {
                        break;
                    }
                    g = longer;
                    i += 1;
                }
                if g > groups {
                    return Err((
                        "index_out_of_bounds_exception".to_string(),
                        format!("No group {g}"),
                    ));
                }
                g
            };
            if !lit.is_empty() {
                parts.push(RepPart::Literal(std::mem::take(&mut lit)));
            }
            parts.push(RepPart::Group(group));
        } else {
            lit.push(c);
            i += 1;
        }
    }
    if !lit.is_empty() {
        parts.push(RepPart::Literal(lit));
    }
    Ok(parts)
}

const LINE_TERMINATORS: &str = r"\n\r\x{85}\x{2028}\x{2029}";
const SPACE: &str = r"\t\n\x0B\x0C\r ";
const HSPACE: &str = r" \t\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
const VSPACE: &str = r"\n\x0B\x0C\r\x{85}\x{2028}\x{2029}";

/// Translates a Java pattern to `regex` syntax. `Ok(None)`: needs Oniguruma. `Err`: a Java syntax
/// error we detect ourselves.
pub fn translate(p: &str) -> Result<Option<String>, String> {
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut class_depth = 0usize;
    // whether the previous token can take a quantifier that may be followed by a possessive '+'
    while i < chars.len() {
        let c = chars[i];
        let in_class = class_depth > 0;
        match c {
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err("Unexpected internal error".into());
                };
                i += 2;
                match e {
                    'Q' => {
                        let mut lit = String::new();
                        while i < chars.len() {
                            if chars[i] == '\\' && chars.get(i + 1) == Some(&'E') {
                                i += 2;
                                break;
                            }
                            lit.push(chars[i]);
                            i += 1;
                        }
                        for ch in lit.chars() {
                            push_literal(&mut out, ch, in_class);
                        }
                        continue;
                    }
                    'd' => out.push_str(if in_class { "0-9" } else { "[0-9]" }),
                    'D' => out.push_str("[^0-9]"),
                    'w' => out.push_str(if in_class {
                        "a-zA-Z0-9_"
                    } else {
                        "[a-zA-Z0-9_]"
                    }),
                    'W' => out.push_str("[^a-zA-Z0-9_]"),
                    's' => class_or_set(&mut out, SPACE, in_class, false),
                    'S' => class_or_set(&mut out, SPACE, in_class, true),
                    'h' => class_or_set(&mut out, HSPACE, in_class, false),
                    'H' => class_or_set(&mut out, HSPACE, in_class, true),
                    'v' => class_or_set(&mut out, VSPACE, in_class, false),
                    'V' => class_or_set(&mut out, VSPACE, in_class, true),
                    'R' if !in_class => {
                        out.push_str(r"(?:\r\n|[\n\x0B\x0C\r\x{85}\x{2028}\x{2029}])")
                    }
                    't' | 'n' | 'r' | 'f' => {
                        out.push('\\');
                        out.push(e);
                    }
                    'a' => out.push_str(r"\x07"),
                    'e' => out.push_str(r"\x1B"),
                    'A' | 'z' | 'b' | 'B' if !in_class => {
                        out.push('\\');
                        out.push(e);
                    }
                    'x' => {
                        if chars.get(i) == Some(&'{') {
                            let end = chars[i..].iter().position(|&x| x == '}');
                            let Some(end) = end else { return Ok(None) };
                            let hex: String = chars[i + 1..i + end].iter().collect();
                            let v = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                            let Some(ch) = v else { return Ok(None) };
                            push_literal(&mut out, ch, in_class);
                            i += end + 1;
                        } else {
                            let hex: String = chars.get(i..i + 2).unwrap_or(&[]).iter().collect();
                            let Some(ch) =
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                            else {
                                return Ok(None);
                            };
                            push_literal(&mut out, ch, in_class);
                            i += 2;
                        }
                    }
                    'u' => {
                        let hex: String = chars.get(i..i + 4).unwrap_or(&[]).iter().collect();
                        let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        else {
                            return Ok(None);
                        };
                        push_literal(&mut out, ch, in_class);
                        i += 4;
                    }
                    '0' => {
                        // octal: \0n, \0nn, \0mnn (m <= 3)
                        let mut v = 0u32;
                        let mut n = 0;
                        while n < 3 {
                            match chars.get(i + n).and_then(|d| d.to_digit(8)) {
                                Some(d) if n < 2 || v <= 0o37 => {
                                    v = v * 8 + d;
                                    n += 1;
                                }
                                _ => break,
                            }
                        }
                        if n == 0 {
                            return Err("Illegal octal escape sequence".into());
                        }
                        i += n;
                        push_literal(&mut out, char::from_u32(v).unwrap_or('\0'), in_class);
                    }
                    'c' => {
                        let Some(&x) = chars.get(i) else {
                            return Err("Illegal control escape sequence".into());
                        };
                        i += 1;
                        push_literal(
                            &mut out,
                            char::from_u32(x as u32 ^ 64).unwrap_or('\0'),
                            in_class,
                        );
                    }
                    'p' | 'P' => {
                        let (name, used) = if chars.get(i) == Some(&'{') {
                            let Some(end) = chars[i..].iter().position(|&x| x == '}') else {
                                return Err("Unclosed character family".into());
                            };
                            (chars[i + 1..i + end].iter().collect::<String>(), end + 1)
                        } else {
                            match chars.get(i) {
                                Some(ch) => (ch.to_string(), 1),
                                None => return Err("Illegal character family".into()),
                            }
                        };
                        i += used;
                        let Some(set) = property(&name) else {
                            return Ok(None);
                        };
                        let negate = e == 'P';
                        if let Some(inner) = set.strip_prefix('[').and_then(|s| s.strip_suffix(']'))
                        {
                            class_or_set(&mut out, inner, in_class, negate);
                        } else {
                            // a \p{..} expression
                            if negate {
                                out.push_str(&set.replacen(r"\p", r"\P", 1));
                            } else {
                                out.push_str(&set);
                            }
                        }
                    }
                    e if e.is_ascii_alphanumeric() => {
                        // backreferences, \G, \Z, \X, \N, \k and Java's errors: leave to Oniguruma
                        return Ok(None);
                    }
                    other => push_literal(&mut out, other, in_class),
                }
                continue;
            }
            '[' => {
                out.push('[');
                class_depth += 1;
                i += 1;
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                continue;
            }
            ']' if in_class => {
                class_depth -= 1;
                out.push(']');
            }
            '~' if in_class => out.push_str(r"\~"),
            '-' if in_class && chars.get(i + 1) == Some(&'-') => out.push_str(r"\-"),
            '&' if in_class => {
                if chars.get(i + 1) == Some(&'&') {
                    out.push_str("&&");
                    i += 2;
                    continue;
                }
                out.push_str(r"\&");
            }
            _ if in_class => out.push(c),
            '.' => {
                let _ = write!(out, "[^{LINE_TERMINATORS}]");
            }
            '$' => return Ok(None),
            '(' => {
                if chars.get(i + 1) == Some(&'?') {
                    let rest: String = chars[i + 2..].iter().take(2).collect();
                    if rest.starts_with('=')
                        || rest.starts_with('!')
                        || rest.starts_with('>')
                        || rest == "<="
                        || rest == "<!"
                    {
                        return Ok(None);
                    }
                    if rest.starts_with('<') || rest.starts_with(':') {
                        out.push_str("(?");
                        i += 2;
                        continue;
                    }
                    // inline flags: only i and m keep their meaning
                    let mut j = i + 2;
                    while j < chars.len() && (chars[j].is_ascii_alphabetic() || chars[j] == '-') {
                        if !matches!(chars[j], 'i' | 'm' | '-') {
                            return Ok(None);
                        }
                        j += 1;
                    }
                }
                out.push('(');
            }
            '*' | '+' | '?' | '}' => {
                out.push(c);
                let next = chars.get(i + 1);
                if next == Some(&'+') {
                    return Ok(None);
                }
                if next == Some(&'?') {
                    out.push('?');
                    i += 2;
                    if chars.get(i) == Some(&'+') {
                        return Ok(None);
                    }
                    continue;
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Ok(Some(out))
}

fn class_or_set(out: &mut String, items: &str, in_class: bool, negate: bool) {
    match (in_class, negate) {
        (true, false) => out.push_str(items),
        (_, true) => {
            let _ = write!(out, "[^{items}]");
        }
        (false, false) => {
            let _ = write!(out, "[{items}]");
        }
    }
}

fn push_literal(out: &mut String, c: char, in_class: bool) {
    if in_class {
        push_literal_raw(out, c);
    } else {
        out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
    }
}

/// A literal inside a class: escape everything that is special there for the `regex` crate.
fn push_literal_raw(out: &mut String, c: char) {
    if matches!(c, '[' | ']' | '\\' | '^' | '-' | '&' | '~') {
        out.push('\\');
        out.push(c);
    } else if c.is_ascii_control() || c == ' ' {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// Java `\p{name}` as a `regex` class body in brackets, or a `\p{..}` expression; None when unknown.
fn property(name: &str) -> Option<String> {
    let ascii = |s: &str| Some(format!("[{s}]"));
    match name {
        "Lower" => ascii("a-z"),
        "Upper" => ascii("A-Z"),
        "ASCII" => ascii(r"\x00-\x7F"),
        "Alpha" => ascii("a-zA-Z"),
        "Digit" => ascii("0-9"),
        "Alnum" => ascii("a-zA-Z0-9"),
        "Punct" => ascii(r"!-/:-@\[-`{-\~"),
        "Graph" => ascii(r"!-\~"),
        "Print" => ascii(r"\x20-\~"),
        "Blank" => ascii(r" \t"),
        "Cntrl" => ascii(r"\x00-\x1F\x7F"),
        "XDigit" => ascii("0-9a-fA-F"),
        "Space" => ascii(SPACE),
        "javaLowerCase" => Some(r"\p{Lowercase}".into()),
        "javaUpperCase" => Some(r"\p{Uppercase}".into()),
        _ if name.starts_with("In") || name.starts_with("java") => None,
        _ => {
            let n = name.strip_prefix("Is").unwrap_or(name);
            if n.is_empty()
                || !n
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '=')
            {
                return None;
            }
            Some(format!(r"\p{{{n}}}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JavaRegex;

    fn split(re: &str, s: &str, limit: i32) -> Vec<String> {
        JavaRegex::new(re).unwrap().split(s, limit)
    }

    #[test]
    fn split_like_java() {
        // String.split / Pattern.split examples from the Javadoc
        assert_eq!(split(":", "boo:and:foo", 2), ["boo", "and:foo"]);
        assert_eq!(split(":", "boo:and:foo", 5), ["boo", "and", "foo"]);
        assert_eq!(split("o", "boo:and:foo", -2), ["b", "", ":and:f", "", ""]);
        assert_eq!(split("o", "boo:and:foo", 0), ["b", "", ":and:f"]);
        assert_eq!(split(",", "", 0), [""]);
        assert_eq!(split(",", ",,", 0), Vec::<String>::new());
        assert_eq!(split("", "abc", 0), ["a", "b", "c"]);
        assert_eq!(split("=", "a=", 2), ["a", ""]);
        assert_eq!(split("=", "=a", 2), ["", "a"]);
        assert_eq!(split(".", "abc", 0), Vec::<String>::new());
        assert_eq!(split(r"\s", "a b\tc", 0), ["a", "b", "c"]);
        assert_eq!(split(", ", "a=1, b=2", 0), ["a=1", "b=2"]);
        assert_eq!(split("(?<=a)", "xaxa", 0), ["xa", "xa"]);
        assert_eq!(split(r"\Q.\E", "a.b", 0), ["a", "b"]);
    }

    #[test]
    fn translation() {
        let re = JavaRegex::new(r"\d+").unwrap();
        assert!(!re.uses_onig());
        assert_eq!(re.find_at("x٣12", 0), Some((3, 5)));
        let re = JavaRegex::new(r"\p{Alpha}+").unwrap();
        assert_eq!(re.find_at("éab", 0), Some((2, 4)));
        let re = JavaRegex::new(r"a.b").unwrap();
        assert!(re.find_at("a\rb", 0).is_none());
        let re = JavaRegex::new(r"[\s,]+").unwrap();
        assert_eq!(re.replace_all_literal("a ,b", "-"), "a-b");
        assert!(JavaRegex::new(r"(a)\1").unwrap().uses_onig());
        assert!(JavaRegex::new("(").is_err());
    }

    #[test]
    fn dollar_before_final_newline() {
        let re = JavaRegex::new("(^([ ]+))|([ ]+$)").unwrap();
        assert_eq!(re.replace_all_literal("  a  ", ""), "a");
        assert_eq!(re.replace_all_literal("a  \n", ""), "a\n");
    }
}

#[cfg(test)]
mod oracle {
    use super::JavaRegex;

    /// Exercises group references in `replace_all`.
    const REPLACEMENT: &str = "<$0\\$>";

    /// (pattern, input, replacement): group references and replacement errors.
    const REPLACE_CASES: &[(&str, &str, &str)] = &[
        ("(a)(b)?", "xaby a", "[$2$1]"),
        ("(\\w)(\\d)", "a1b2", "$21$1"),
        ("(?<first>\\w)x", "ax bx", "${first}!"),
        ("(a)", "a", "$12"),
        ("(a)", "a", "\\$1\\\\"),
        ("a", "a", "$1"),
        ("a", "b", "$1"),
        ("a", "a", "${nope}"),
        ("a", "a", "${}"),
        ("a", "a", "${1a}"),
        ("a", "a", "$x"),
        ("a", "a", "x$"),
        ("a", "a", "x\\"),
        ("((a)|b)+", "ab", "<$1,$2>"),
    ];

    /// (pattern, input, limit)
    const CASES: &[(&str, &str, i32)] = &[
        (",", "a,b,,c,,", 0),
        (",", "a,b,,c,,", -1),
        (",", "a,b,,c,,", 2),
        ("=", "a=b=c", 2),
        ("=", "=", 2),
        ("=", "", 2),
        ("=", "abc", 2),
        (
            ", ",
            "New Geo-Location=NEGATIVE, New Device=POSITIVE, Velocity=NEGATIVE",
            0,
        ),
        (" ", " a  b ", 0),
        ("\\s+", " a \u{a0} b\u{2003}c ", 0),
        ("\\s", "a\u{b}b\u{c}c", 0),
        ("&|\\s", "a=1 b=2&c=3", 0),
        ("[,;]", "a,b;c", 0),
        ("", "abc", 0),
        ("", "abc", 2),
        ("x*", "axxbxc", 0),
        ("\\b", "ab cd", 0),
        ("(?<=,)", "a,b,c", 0),
        ("(?=,)", "a,b,c", 0),
        ("(?!a)", "aab", 0),
        ("\\d", "a1b٣c", 0),
        ("\\w+", "héllo wörld_1", 0),
        ("\\p{Alpha}", "aé1", 0),
        ("\\p{Punct}", "a!b,c~d", 0),
        ("\\p{Lu}", "aÉbC", 0),
        ("\\p{IsLatin}", "aЖb", 0),
        ("\\p{javaLowerCase}", "AbC", 0),
        (".", "a\u{85}b\rc", 0),
        ("(?s).", "a\nb", 0),
        ("\\Q.*\\E", "a.*b", 0),
        ("[^a-c]", "abcdabc", 0),
        ("[a-z&&[^aeiou]]", "abecid", 0),
        ("[\\d&&[^5]]", "152535", 0),
        ("a++", "aaab", 0),
        ("(a)\\1", "xaax", 0),
        ("(?i)B", "abAB", 0),
        ("$", "ab\n", 0),
        ("b$", "ab\nab", 0),
        ("^a", "aa", 0),
        ("\\t", "a\tb", 0),
        ("\\x41", "zAz", 0),
        ("\\u00e9", "zéz", 0),
        ("\\0101", "zAz", 0),
        ("\\cI", "a\tb", 0),
        ("[\\s\\S]", "ab", 0),
        ("\\h", "a\u{a0}b c", 0),
        ("\\v", "a\u{b}b\nc", 0),
        ("\\R", "a\r\nb\nc", 0),
        ("a{2}", "aaaa", 0),
        ("a{2,}?", "aaaaa", 0),
        ("[-a]", "x-a", 0),
        ("[a-]", "x-a", 0),
        ("[~]", "a~b", 0),
        ("[a~~b]", "x~a", 0),
        ("[\\[\\]]", "a[b]c", 0),
        ("\\.", "a.b", 0),
        ("\\-", "a-b", 0),
        ("\\/", "a/b", 0),
        ("\\\"", "a\"b", 0),
        ("é", "aéb", 0),
        ("(^([ \"]+))|([ \"]+$)", " \"ab\" ", 0),
    ];

    fn hex(s: &str) -> String {
        s.bytes().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(h: &str) -> String {
        let bytes: Vec<u8> = (0..h.len() / 2)
            .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn matches_java_util_regex() {
        let all: Vec<(&str, &str, i32, &str)> = CASES
            .iter()
            .map(|(p, s, l)| (*p, *s, *l, REPLACEMENT))
            .chain(REPLACE_CASES.iter().map(|(p, s, r)| (*p, *s, 0, *r)))
            .collect();
        let input: String = all
            .iter()
            .map(|(p, s, l, r)| format!("{}\t{}\t{l}\t{}\n", hex(p), hex(s), hex(r)))
            .collect();
        let Some(out) = crate::processors::java_oracle::run("RegexSplit", &input) else {
            return;
        };
        assert_eq!(out.lines().count(), all.len());
        let mut failures = Vec::new();
        for ((p, s, l, r), expected) in all.iter().zip(out.lines()) {
            let expected = unhex(expected);
            let ours = match JavaRegex::new(p) {
                Ok(re) => {
                    let parts = re.split(s, *l);
                    let replaced = match re.replace_all(s, &re.replacement(r)) {
                        Ok(r) => r,
                        Err((kind, msg)) => format!("ERR:{kind}:{msg}"),
                    };
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        parts.join("\u{1}"),
                        re.replace_all_literal(s, "_"),
                        parts.len(),
                        re.matches(s),
                        replaced
                    )
                }
                Err(e) => format!("compile error: {e}"),
            };
            // Java names exception classes; we give ES's snake_case type
            let expected = expected
                .replace(
                    "ERR:IllegalArgumentException:",
                    "ERR:illegal_argument_exception:",
                )
                .replace(
                    "ERR:IndexOutOfBoundsException:",
                    "ERR:index_out_of_bounds_exception:",
                );
            if ours != expected {
                failures.push(format!(
                    "{p:?} on {s:?} ({l}, {r:?})\n  java: {expected:?}\n  ours: {ours:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
