//! Java regular expressions (`java.util.regex.Pattern`) on Rust engines.
//!
//! Elasticsearch compiles `gsub` patterns, `split` separators and `kv` splits with
//! `Pattern.compile`. We translate the Java syntax to the `regex` crate where it can express the
//! pattern, and to Oniguruma (Ruby syntax) for lookarounds, back-references, possessive quantifiers
//! and Java's `$`. Java semantics kept by the translation: `\d \w \s \b` and POSIX `\p{Alpha}`
//! classes are ASCII-only, `.` excludes every Java line terminator, `$` (without `MULTILINE`)
//! also matches before a final line terminator. Matching positions follow `Matcher.find` (an empty
//! match moves the next search one character on), and `split` follows `String.split`.
//!
//! `\b` is ASCII-based as in JDK 19+ (the JDKs recent Elasticsearch 8.x bundle; JDK 17 still used
//! Unicode letters there).
//!
//! `(?i)` folds ASCII letters only, as Java does without `UNICODE_CASE`; with it (`u`), the
//! engines' Unicode simple case folding stands in for Java's per-character folding.
//! `UNICODE_CHARACTER_CLASS` (`U`) makes `\w \d \s \b` and the common POSIX classes Unicode, with
//! the definitions of `java.util.regex.Pattern`'s `UnicodeProp`.
//!
//! Oniguruma runs under a backtracking budget: a pattern that exceeds it on some input is an error
//! ([`TooComplex`]), not a hang or a panic.
//!
//! Known differences: an empty
//! match moves on by one character where Java moves by one UTF-16 unit (splitting a surrogate pair,
//! which a Rust string cannot hold); the `d` inline flag, `CANON_EQ`, `\N{...}`, `{n,m}+` and Unicode
//! blocks (`\p{InGreek}`) are rejected with an error.

use std::collections::HashMap;

/// A compiled Java pattern.
#[derive(Debug)]
pub struct JavaRegex {
    source: String,
    engine: Engine,
    /// The translated pattern, kept to build the anchored variant `matches` needs.
    translated: String,
    /// `Matcher.matches()` engine (`\A(?:…)\z`), compiled on first use.
    anchored: std::sync::OnceLock<Option<Engine>>,
    group_count: usize,
    group_names: HashMap<String, usize>,
}

#[derive(Debug)]
enum Engine {
    Rust(regex::Regex),
    Onig(onig::Regex),
}

/// One match: group 0 is the whole match; `None` for groups that did not participate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JavaMatch {
    pub groups: Vec<Option<(usize, usize)>>,
}

impl JavaMatch {
    pub fn start(&self) -> usize {
        self.groups[0].map(|g| g.0).unwrap_or(0)
    }
    pub fn end(&self) -> usize {
        self.groups[0].map(|g| g.1).unwrap_or(0)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Rust,
    Onig,
}

/// `Pattern.compile` flags (the ones Painless regex literals spell `i`, `m`, `s`, `x`, `l`, `u`,
/// `U`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatternFlags {
    pub case_insensitive: bool,
    pub multiline: bool,
    pub dotall: bool,
    pub comments: bool,
    pub literal: bool,
    pub unicode_case: bool,
    pub unicode_classes: bool,
}

impl PatternFlags {
    /// Painless regex literal flags (`WriterConstants`/`Regex` in Painless: `c` is `CANON_EQ`,
    /// which we reject rather than ignore).
    pub fn from_letters(letters: &str) -> Result<PatternFlags, String> {
        let mut flags = PatternFlags::default();
        for c in letters.chars() {
            match c {
                'i' => flags.case_insensitive = true,
                'm' => flags.multiline = true,
                's' => flags.dotall = true,
                'x' => flags.comments = true,
                'l' => flags.literal = true,
                'u' => flags.unicode_case = true,
                // UNICODE_CHARACTER_CLASS implies UNICODE_CASE (`Pattern.compile`)
                'U' => {
                    flags.unicode_classes = true;
                    flags.unicode_case = true;
                }
                'c' => {
                    return Err(
                        "regex flag [c] (Pattern.CANON_EQ) is not supported by ingest-emu".into(),
                    )
                }
                other => return Err(format!("unknown regex flag [{other}]")),
            }
        }
        Ok(flags)
    }
}

/// A match needed more backtracking than the budget allows (Oniguruma's retry limit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooComplex;

impl std::fmt::Display for TooComplex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the regular expression backtracked more than {RETRY_LIMIT} steps on this input; simplify it (Elasticsearch would keep trying)"
        )
    }
}

/// Backtracking steps one Oniguruma match may take before it is abandoned as [`TooComplex`].
pub const RETRY_LIMIT: u32 = 1_000_000;

fn onig_param() -> onig::MatchParam {
    let mut p = onig::MatchParam::default();
    p.set_retry_limit_in_match(RETRY_LIMIT);
    p
}

fn build(text: &str, target: Target) -> Result<Engine, String> {
    match target {
        Target::Rust => regex::Regex::new(text)
            .map(Engine::Rust)
            .map_err(|e| e.to_string()),
        Target::Onig => onig::Regex::with_options(
            text,
            onig::RegexOptions::REGEX_OPTION_CAPTURE_GROUP,
            onig::Syntax::ruby(),
        )
        .map(Engine::Onig)
        .map_err(|e| e.description().to_string()),
    }
}

impl JavaRegex {
    /// `Pattern.compile(pattern)`. The error text is `PatternSyntaxException.getMessage()` where
    /// we know it, else the engine's description.
    pub fn compile(pattern: &str) -> Result<JavaRegex, String> {
        JavaRegex::compile_with_flags(pattern, PatternFlags::default())
    }

    /// `Pattern.compile(pattern, flags)`.
    pub fn compile_with_flags(pattern: &str, flags: PatternFlags) -> Result<JavaRegex, String> {
        JavaRegex::compile_on(pattern, flags, false)
    }

    /// [`JavaRegex::compile_with_flags`] on the backtracking engine whatever the pattern, so that
    /// a pattern that backtracks catastrophically in Java fails here too (with [`TooComplex`])
    /// instead of finishing on the regex crate's linear-time engine. Painless regexes need
    /// this: Elasticsearch aborts them once they read too many characters.
    pub fn compile_backtracking(pattern: &str, flags: PatternFlags) -> Result<JavaRegex, String> {
        JavaRegex::compile_on(pattern, flags, true)
    }

    fn compile_on(
        pattern: &str,
        flags: PatternFlags,
        force_onig: bool,
    ) -> Result<JavaRegex, String> {
        let rust = Translator::run(pattern, Target::Rust, flags)?;
        let (t, engine) = match (!rust.needs_onig && !force_onig)
            .then(|| build(&rust.out, Target::Rust).ok())
            .flatten()
        {
            Some(engine) => (rust, engine),
            None => {
                let t = Translator::run(pattern, Target::Onig, flags)?;
                let engine = build(&t.out, Target::Onig)
                    .map_err(|e| format!("{e} in pattern [{pattern}]"))?;
                (t, engine)
            }
        };
        Ok(JavaRegex {
            source: pattern.to_string(),
            engine,
            translated: t.out,
            anchored: std::sync::OnceLock::new(),
            group_count: t.group_count,
            group_names: t.group_names,
        })
    }

    /// `Matcher.matches()`: the whole text matches (with backtracking into alternatives, unlike
    /// checking whether `find` happens to cover the text).
    pub fn matches(&self, text: &str) -> Result<Option<JavaMatch>, TooComplex> {
        let anchored = self.anchored.get_or_init(|| {
            let target = match self.engine {
                Engine::Rust(_) => Target::Rust,
                Engine::Onig(_) => Target::Onig,
            };
            build(&format!(r"\A(?:{})\z", self.translated), target).ok()
        });
        match anchored.as_ref() {
            Some(engine) => self.run(engine, text, 0, true),
            None => Ok(None),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Number of capturing groups (`Matcher.groupCount()`).
    pub fn group_count(&self) -> usize {
        self.group_count
    }

    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.group_names.get(name).copied()
    }

    /// True when the pattern runs on Oniguruma (for tests and diagnostics).
    pub fn uses_onig(&self) -> bool {
        matches!(self.engine, Engine::Onig(_))
    }

    /// The first match starting the search at byte `start`, with the whole text as context.
    pub fn find_at(
        &self,
        text: &str,
        start: usize,
        with_groups: bool,
    ) -> Result<Option<JavaMatch>, TooComplex> {
        self.run(&self.engine, text, start, with_groups)
    }

    fn run(
        &self,
        engine: &Engine,
        text: &str,
        start: usize,
        with_groups: bool,
    ) -> Result<Option<JavaMatch>, TooComplex> {
        Ok(match engine {
            Engine::Rust(re) => {
                if with_groups && self.group_count > 0 {
                    re.captures_at(text, start).map(|caps| JavaMatch {
                        groups: (0..caps.len())
                            .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                            .collect(),
                    })
                } else {
                    re.find_at(text, start).map(|m| JavaMatch {
                        groups: vec![Some((m.start(), m.end()))],
                    })
                }
            }
            Engine::Onig(re) => {
                let mut region = onig::Region::new();
                let found = re
                    .search_with_param(
                        text,
                        start,
                        text.len(),
                        onig::SearchOptions::SEARCH_OPTION_NONE,
                        Some(&mut region),
                        onig_param(),
                    )
                    .map_err(|_| TooComplex)?;
                found.map(|_| {
                    let n = if with_groups { region.len() } else { 1 };
                    JavaMatch {
                        groups: (0..n).map(|i| region.pos(i)).collect(),
                    }
                })
            }
        })
    }

    /// Every match as `Matcher.find()` loops over them: after an empty match the next search
    /// starts one character later; after a non-empty one, at its end.
    pub fn find_all(&self, text: &str, with_groups: bool) -> Result<Vec<JavaMatch>, TooComplex> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            let Some(m) = self.find_at(text, pos, with_groups)? else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            out.push(m);
            pos = if s == e {
                match text[e..].chars().next() {
                    Some(c) => e + c.len_utf8(),
                    None => break,
                }
            } else {
                e
            };
        }
        Ok(out)
    }

    pub fn is_match(&self, text: &str) -> Result<bool, TooComplex> {
        Ok(self.find_at(text, 0, false)?.is_some())
    }

    /// `String.split(regex, limit)` (Java 8+): a zero-width match at the very start gives no
    /// leading empty string; `limit == 0` drops trailing empty strings; no match gives the input.
    pub fn split(&self, text: &str, limit: i32) -> Result<Vec<String>, TooComplex> {
        let mut list: Vec<String> = Vec::new();
        let mut index = 0;
        let limited = limit > 0;
        let mut pos = 0;
        while pos <= text.len() {
            let Some(m) = self.find_at(text, pos, false)? else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            pos = if s == e {
                match text[e..].chars().next() {
                    Some(c) => e + c.len_utf8(),
                    None => text.len() + 1,
                }
            } else {
                e
            };
            if !limited || (list.len() as i64) < limit as i64 - 1 {
                if index == 0 && s == 0 && s == e {
                    continue;
                }
                list.push(text[index..s].to_string());
                index = e;
            } else {
                break;
            }
        }
        if index == 0 {
            return Ok(vec![text.to_string()]);
        }
        list.push(text[index..].to_string());
        if limit == 0 {
            while list.last().is_some_and(|s| s.is_empty()) {
                list.pop();
            }
        }
        Ok(list)
    }

    /// `Matcher.replaceAll(replacement)` with a pre-parsed replacement. The replacement's own
    /// error (Java throws it on the first match only) is returned when there is a match.
    pub fn replace_all(&self, text: &str, replacement: &Replacement) -> Result<String, String> {
        // capture groups only when the replacement refers to one
        let needs_groups = replacement.parts.as_ref().is_ok_and(|parts| {
            parts
                .iter()
                .any(|p| matches!(p, ReplacementPart::Group(g) if *g > 0))
        });
        let matches = self
            .find_all(text, needs_groups)
            .map_err(|e| e.to_string())?;
        if matches.is_empty() {
            return Ok(text.to_string());
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in &matches {
            out.push_str(&text[last..m.start()]);
            replacement
                .expand(text, &m.groups, &mut out)
                .map_err(|e| e.message)?;
            last = m.end();
        }
        out.push_str(&text[last..]);
        Ok(out)
    }

    /// Parses a `Matcher.appendReplacement` replacement string for this pattern.
    pub fn parse_replacement(&self, replacement: &str) -> Replacement {
        Replacement {
            parts: parse_replacement(replacement, self.group_count, &self.group_names),
        }
    }
}

/// A replacement string parsed once: literal text and group references, or the error Java's
/// `appendReplacement` throws for it.
#[derive(Debug, Clone)]
pub struct Replacement {
    parts: Result<Vec<ReplacementPart>, ReplacementError>,
}

/// Why `appendReplacement` rejects a replacement string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacementError {
    pub message: String,
    /// `$n` past the last group: `Matcher.start(int)`'s `IndexOutOfBoundsException`; every other
    /// error is an `IllegalArgumentException`.
    pub no_such_group: bool,
}

impl Replacement {
    /// Appends the replacement for one match, whose groups are byte ranges of `text`.
    pub fn expand(
        &self,
        text: &str,
        groups: &[Option<(usize, usize)>],
        out: &mut String,
    ) -> Result<(), ReplacementError> {
        for part in self.parts.as_ref().map_err(Clone::clone)? {
            match part {
                ReplacementPart::Literal(s) => out.push_str(s),
                ReplacementPart::Group(g) => {
                    if let Some(Some((s, e))) = groups.get(*g) {
                        out.push_str(&text[*s..*e]);
                    }
                }
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
enum ReplacementPart {
    Literal(String),
    Group(usize),
}

/// `Matcher.appendExpandedReplacement`.
fn parse_replacement(
    r: &str,
    group_count: usize,
    names: &HashMap<String, usize>,
) -> Result<Vec<ReplacementPart>, ReplacementError> {
    let iae = |message: String| ReplacementError {
        message,
        no_such_group: false,
    };
    let chars: Vec<char> = r.chars().collect();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 1;
            if i == chars.len() {
                return Err(iae("character to be escaped is missing".into()));
            }
            lit.push(chars[i]);
            i += 1;
        } else if c == '$' {
            i += 1;
            if i == chars.len() {
                return Err(iae("Illegal group reference: group index is missing".into()));
            }
            let group;
            if chars[i] == '{' {
                i += 1;
                let mut name = String::new();
                while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                    name.push(chars[i]);
                    i += 1;
                }
                if name.is_empty() {
                    return Err(iae("named capturing group has 0 length name".into()));
                }
                if i >= chars.len() || chars[i] != '}' {
                    return Err(iae("named capturing group is missing trailing '}'".into()));
                }
                if name.starts_with(|c: char| c.is_ascii_digit()) {
                    return Err(iae(format!(
                        "capturing group name {{{name}}} starts with digit character"
                    )));
                }
                group = *names
                    .get(&name)
                    .ok_or_else(|| iae(format!("No group with name {{{name}}}")))?;
                i += 1;
            } else {
                let Some(d) = chars[i].to_digit(10) else {
                    return Err(iae("Illegal group reference".into()));
                };
                let mut n = d as usize;
                i += 1;
                while i < chars.len() {
                    let Some(d) = chars[i].to_digit(10) else {
                        break;
                    };
                    let next = n * 10 + d as usize;
                    if next > group_count {
                        break;
                    }
                    n = next;
                    i += 1;
                }
                if n > group_count {
                    // Matcher.start(int) throws IndexOutOfBoundsException
                    return Err(ReplacementError {
                        message: format!("No group {n}"),
                        no_such_group: true,
                    });
                }
                group = n;
            }
            if !lit.is_empty() {
                parts.push(ReplacementPart::Literal(std::mem::take(&mut lit)));
            }
            parts.push(ReplacementPart::Group(group));
        } else {
            lit.push(c);
            i += 1;
        }
    }
    if !lit.is_empty() {
        parts.push(ReplacementPart::Literal(lit));
    }
    Ok(parts)
}

/// `PatternSyntaxException.getMessage()`.
fn syntax_error(desc: &str, pattern: &str, index: isize) -> String {
    if index < 0 {
        return format!("{desc}\n{pattern}");
    }
    let mut msg = format!("{desc} near index {index}\n{pattern}");
    if (index as usize) < pattern.chars().count() {
        msg.push('\n');
        msg.push_str(&" ".repeat(index as usize));
        msg.push('^');
    }
    msg
}

const LINE_TERMINATORS: &str = r"\n\r\x{85}\x{2028}\x{2029}";
const SPACE: &str = r"\t\n\x{0B}\f\r ";
const HSPACE: &str = r" \t\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
const VSPACE: &str = r"\n\x{0B}\f\r\x{85}\x{2028}\x{2029}";
const WORD: &str = "a-zA-Z0-9_";
// UNICODE_CHARACTER_CLASS forms (`Pattern`'s `UnicodeProp`: WORD, DIGIT, WHITE_SPACE)
const UNICODE_WORD: &str = r"\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}";
const UNICODE_DIGIT: &str = r"\p{Nd}";
const UNICODE_SPACE: &str = r"\p{White_Space}";

#[derive(Clone, Copy)]
struct Flags {
    dotall: bool,
    multiline: bool,
    /// CASE_INSENSITIVE. Without UNICODE_CASE only ASCII letters fold, so we expand them
    /// (`a` → `[aA]`) instead of using the engines' Unicode `(?i)`.
    case_insensitive: bool,
    unicode_case: bool,
    /// UNICODE_CHARACTER_CLASS.
    unicode_classes: bool,
}

impl Flags {
    fn ascii_case_insensitive(self) -> bool {
        self.case_insensitive && !self.unicode_case
    }
    fn unicode_case_insensitive(self) -> bool {
        self.case_insensitive && self.unicode_case
    }
}

struct Translator<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    i: usize,
    target: Target,
    out: String,
    needs_onig: bool,
    group_count: usize,
    group_names: HashMap<String, usize>,
    /// Flags of each open group; the last entry is the current scope.
    stack: Vec<Flags>,
    /// Nesting of `[...]` at the current position.
    class_depth: usize,
}

impl<'a> Translator<'a> {
    fn run(
        pattern: &'a str,
        target: Target,
        flags: PatternFlags,
    ) -> Result<Translator<'a>, String> {
        let mut t = Translator {
            pattern,
            chars: pattern.chars().collect(),
            i: 0,
            target,
            out: String::new(),
            needs_onig: false,
            group_count: 0,
            group_names: HashMap::new(),
            stack: vec![Flags {
                dotall: flags.dotall,
                multiline: flags.multiline,
                case_insensitive: flags.case_insensitive,
                unicode_case: flags.unicode_case,
                unicode_classes: flags.unicode_classes,
            }],
            class_depth: 0,
        };
        if flags.literal {
            for c in pattern.chars() {
                t.push_literal(c);
            }
            return Ok(t);
        }
        if flags.comments {
            t.out.push_str("(?x)");
        }
        t.translate()?;
        Ok(t)
    }

    fn err(&self, desc: &str, index: usize) -> String {
        syntax_error(desc, self.pattern, index as isize)
    }

    fn flags(&self) -> Flags {
        *self.stack.last().expect("flag stack is never empty")
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn push_literal(&mut self, c: char) {
        if self.flags().unicode_case_insensitive() && c.is_alphabetic() {
            let hex = |c: char| format!("\\x{{{:X}}}", c as u32);
            if self.class_depth > 0 {
                // the enclosing class is already wrapped in `(?i:...)` (see `class`)
                self.out.push_str(&hex(c));
            } else {
                self.out.push_str(&format!("(?i:{})", hex(c)));
            }
        } else if c.is_ascii_alphabetic() && self.flags().ascii_case_insensitive() {
            let (lower, upper) = (c.to_ascii_lowercase(), c.to_ascii_uppercase());
            if self.class_depth > 0 {
                self.out.push(lower);
                self.out.push(upper);
            } else {
                self.out.push_str(&format!("[{lower}{upper}]"));
            }
        } else if c.is_alphanumeric() || c == ' ' || c == '_' {
            self.out.push(c);
        } else {
            self.out.push_str(&format!("\\x{{{:X}}}", c as u32));
        }
    }

    fn translate(&mut self) -> Result<(), String> {
        // What the previous item was: a quantifier needs an atom (Java: "Dangling meta
        // character"); Java accepts a counted closure after another quantifier (`a{1}{2}`).
        #[derive(PartialEq)]
        enum Last {
            Nothing,
            Atom,
            Quantifier,
        }
        let mut last = Last::Nothing;
        while self.i < self.chars.len() {
            let c = self.chars[self.i];
            match c {
                '\\' => {
                    self.escape(false)?;
                    last = Last::Atom;
                }
                '[' => {
                    self.class()?;
                    last = Last::Atom;
                }
                '(' => {
                    self.open_group()?;
                    last = Last::Nothing;
                }
                ')' => {
                    if self.stack.len() == 1 {
                        return Err(syntax_error(
                            "Unmatched closing ')'",
                            self.pattern,
                            self.i as isize - 1,
                        ));
                    }
                    self.stack.pop();
                    self.out.push(')');
                    self.i += 1;
                    last = Last::Atom;
                }
                '.' => {
                    let dotall = self.flags().dotall;
                    match (dotall, self.target) {
                        (true, Target::Rust) => self.out.push_str("(?s:.)"),
                        (true, Target::Onig) => self.out.push_str("(?m:.)"),
                        (false, _) => self.out.push_str(&format!("[^{LINE_TERMINATORS}]")),
                    }
                    self.i += 1;
                    last = Last::Atom;
                }
                '^' => {
                    if self.flags().multiline {
                        // Java: after any line terminator (CR LF as one), never at the end
                        self.needs_onig = true;
                        self.out.push_str(
                            r"(?!\z)(?:\A|(?<=[\n\x{85}\x{2028}\x{2029}])|(?<=\r)(?!\n))",
                        );
                    } else {
                        self.out.push_str(r"\A");
                    }
                    self.i += 1;
                    last = Last::Atom;
                }
                '$' => {
                    if self.flags().multiline {
                        // Java: before any line terminator (not between CR and LF), or at the end
                        self.needs_onig = true;
                        self.out
                            .push_str(r"(?:\z|(?=[\r\x{85}\x{2028}\x{2029}])|(?<!\r)(?=\n))");
                    } else {
                        self.end_anchor();
                    }
                    self.i += 1;
                    last = Last::Atom;
                }
                '*' | '+' | '?' => {
                    if last != Last::Atom {
                        return Err(self.err(&format!("Dangling meta character '{c}'"), self.i));
                    }
                    self.out.push(c);
                    self.i += 1;
                    self.quantifier_suffix(false)?;
                    last = Last::Quantifier;
                }
                '{' => {
                    if last != Last::Atom {
                        // Java repeats an empty expression here: `{1}` matches the empty string
                        // and `a{1}{2}` matches one `a`
                        self.out.push_str("(?:)");
                    }
                    self.counted_closure()?;
                    self.quantifier_suffix(true)?;
                    last = Last::Quantifier;
                }
                '|' => {
                    self.out.push('|');
                    self.i += 1;
                    last = Last::Nothing;
                }
                _ => {
                    if c.is_alphabetic() && self.flags().case_insensitive {
                        self.push_literal(c);
                    } else {
                        self.out.push(c);
                    }
                    self.i += 1;
                    last = Last::Atom;
                }
            }
        }
        if self.stack.len() > 1 {
            return Err(self.err("Unclosed group", self.chars.len()));
        }
        Ok(())
    }

    /// `{n}`, `{n,}`, `{n,m}` with Java's errors (`Pattern.closure`).
    fn counted_closure(&mut self) -> Result<(), String> {
        let open = self.i;
        let digits = |t: &Translator, mut k: usize| {
            while t.chars.get(k).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
            }
            k
        };
        if !self.peek(1).is_some_and(|c| c.is_ascii_digit()) {
            return Err(self.err("Illegal repetition", open + 1));
        }
        let min_end = digits(self, open + 1);
        let min: String = self.chars[open + 1..min_end].iter().collect();
        let mut k = min_end;
        let mut max = None;
        if self.chars.get(k) == Some(&',') {
            let max_end = digits(self, k + 1);
            if max_end > k + 1 {
                max = Some(self.chars[k + 1..max_end].iter().collect::<String>());
            }
            k = max_end;
        }
        if self.chars.get(k) != Some(&'}') {
            return Err(self.err("Unclosed counted closure", k));
        }
        if let Some(max) = &max {
            let (lo, hi) = (min.parse::<u64>(), max.parse::<u64>());
            if let (Ok(lo), Ok(hi)) = (lo, hi) {
                if hi < lo {
                    return Err(self.err("Illegal repetition range", k));
                }
            }
        }
        let text: String = self.chars[open..=k].iter().collect();
        self.out.push_str(&text);
        self.i = k + 1;
        Ok(())
    }

    /// `lo-hi` inside a class; with ASCII case folding also the other case of its ASCII letters.
    fn push_range(&mut self, lo: char, hi: char) {
        let hex = |c: char| format!("\\x{{{:X}}}", c as u32);
        self.out.push_str(&format!("{}-{}", hex(lo), hex(hi)));
        if self.flags().ascii_case_insensitive() {
            for (from, to, shift_up) in [('a', 'z', true), ('A', 'Z', false)] {
                let (a, b) = (lo.max(from), hi.min(to));
                if a <= b {
                    let (a, b) = if shift_up {
                        (a.to_ascii_uppercase(), b.to_ascii_uppercase())
                    } else {
                        (a.to_ascii_lowercase(), b.to_ascii_lowercase())
                    };
                    self.out.push_str(&format!("{}-{}", hex(a), hex(b)));
                }
            }
        }
    }

    /// Java's `$` without MULTILINE: end of input, or before a final line terminator.
    fn end_anchor(&mut self) {
        self.needs_onig = true;
        self.out
            .push_str(r"(?:\z|(?=\r\n\z)|(?<!\r)(?=\n\z)|(?=[\r\x{85}\x{2028}\x{2029}]\z))");
    }

    /// Lazy `?` is shared by both engines; possessive `+` needs Oniguruma.
    fn quantifier_suffix(&mut self, after_brace: bool) -> Result<(), String> {
        match self.peek(0) {
            Some('?') => {
                self.out.push('?');
                self.i += 1;
            }
            Some('+') => {
                if after_brace {
                    return Err(format!(
                        "unsupported Java regex construct (possessive {{n,m}}+) in [{}]",
                        self.pattern
                    ));
                }
                self.needs_onig = true;
                self.out.push('+');
                self.i += 1;
            }
            _ => {}
        }
        Ok(())
    }

    fn open_group(&mut self) -> Result<(), String> {
        let current = self.flags();
        if self.peek(1) != Some('?') {
            self.group_count += 1;
            self.stack.push(current);
            self.out.push('(');
            self.i += 1;
            return Ok(());
        }
        let kind = self.peek(2);
        match kind {
            Some(':') => {
                self.stack.push(current);
                self.out.push_str("(?:");
                self.i += 3;
            }
            Some('=') | Some('!') | Some('>') => {
                self.needs_onig = true;
                self.stack.push(current);
                self.out.push_str("(?");
                self.out.push(kind.unwrap_or(':'));
                self.i += 3;
            }
            Some('<') if matches!(self.peek(3), Some('=') | Some('!')) => {
                self.needs_onig = true;
                self.stack.push(current);
                self.out.push_str("(?<");
                self.out.push(self.peek(3).unwrap_or('='));
                self.i += 4;
            }
            Some('<') => {
                let mut j = self.i + 3;
                let mut name = String::new();
                while j < self.chars.len() && self.chars[j].is_ascii_alphanumeric() {
                    name.push(self.chars[j]);
                    j += 1;
                }
                if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    return Err(self.err(
                        "capturing group name does not start with a Latin letter",
                        self.i + 3,
                    ));
                }
                if j >= self.chars.len() || self.chars[j] != '>' {
                    return Err(self.err(
                        "named capturing group is missing trailing '>'",
                        j.min(self.chars.len()),
                    ));
                }
                self.group_count += 1;
                if self
                    .group_names
                    .insert(name.clone(), self.group_count)
                    .is_some()
                {
                    return Err(self.err(
                        &format!("Named capturing group <{name}> is already defined"),
                        j,
                    ));
                }
                self.stack.push(current);
                self.out.push_str(&format!("(?<{name}>"));
                self.i = j + 1;
            }
            _ => {
                // inline flags: (?idmsuxU-idmsuxU) or (?flags:X)
                let mut j = self.i + 2;
                let mut on = true;
                let mut flags = current;
                let mut emit_on = String::new();
                let mut emit_off = String::new();
                loop {
                    let Some(&f) = self.chars.get(j) else {
                        return Err(self.err("Unknown inline modifier", j));
                    };
                    match f {
                        '-' => on = false,
                        'i' => flags.case_insensitive = on,
                        'u' => flags.unicode_case = on,
                        'U' => {
                            flags.unicode_classes = on;
                            if on {
                                flags.unicode_case = true;
                            }
                        }
                        'x' => {
                            if on {
                                emit_on.push(f);
                            } else {
                                emit_off.push(f);
                            }
                        }
                        'm' => {
                            flags.multiline = on;
                        }
                        's' => flags.dotall = on,
                        'd' => {
                            return Err(format!(
                                "unsupported Java regex flag ({f}) in [{}]",
                                self.pattern
                            ))
                        }
                        ')' | ':' => break,
                        _ => return Err(self.err("Unknown inline modifier", j)),
                    }
                    j += 1;
                }
                let closing = self.chars[j];
                let mut group = String::from("(?");
                group.push_str(&emit_on);
                if !emit_off.is_empty() {
                    group.push('-');
                    group.push_str(&emit_off);
                }
                if closing == ')' {
                    *self.stack.last_mut().expect("non-empty") = flags;
                    if group.len() > 2 {
                        group.push(')');
                        self.out.push_str(&group);
                    }
                } else {
                    self.stack.push(flags);
                    group.push(':');
                    self.out.push_str(&group);
                }
                self.i = j + 1;
            }
        }
        Ok(())
    }

    /// A backslash escape at `self.i`; `in_class` selects the forms valid inside `[...]`.
    fn escape(&mut self, in_class: bool) -> Result<(), String> {
        let at = self.i;
        let Some(c) = self.peek(1) else {
            return Err(self.err("Unexpected internal error", self.chars.len()));
        };
        self.i += 2;
        let class = |t: &mut Translator, body: &str, negated: bool| match (in_class, negated) {
            (true, false) => t.out.push_str(body),
            (_, true) => t.out.push_str(&format!("[^{body}]")),
            (false, false) => t.out.push_str(&format!("[{body}]")),
        };
        let unicode = self.flags().unicode_classes;
        let (digit, word, space) = if unicode {
            (UNICODE_DIGIT, UNICODE_WORD, UNICODE_SPACE)
        } else {
            ("0-9", WORD, SPACE)
        };
        match c {
            'd' => class(self, digit, false),
            'D' => class(self, digit, true),
            'w' => class(self, word, false),
            'W' => class(self, word, true),
            's' => class(self, space, false),
            'S' => class(self, space, true),
            'h' => class(self, HSPACE, false),
            'H' => class(self, HSPACE, true),
            'v' => class(self, VSPACE, false),
            'V' => class(self, VSPACE, true),
            't' => self.out.push_str(r"\x{9}"),
            'n' => self.out.push_str(r"\x{A}"),
            'r' => self.out.push_str(r"\x{D}"),
            'f' => self.out.push_str(r"\x{C}"),
            'a' => self.out.push_str(r"\x{7}"),
            'e' => self.out.push_str(r"\x{1B}"),
            'c' => {
                let Some(x) = self.peek(0) else {
                    return Err(self.err("Illegal control escape sequence", self.i));
                };
                self.i += 1;
                self.push_literal(char::from_u32(x as u32 ^ 64).unwrap_or(x));
            }
            '0' => {
                // octal: \0n, \0nn, \0mnn (m <= 3)
                let mut value = 0u32;
                let mut digits = 0;
                let max = if self.peek(0).is_some_and(|d| ('0'..='3').contains(&d)) {
                    3
                } else {
                    2
                };
                while digits < max {
                    match self.peek(0).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            self.i += 1;
                            digits += 1;
                        }
                        None => break,
                    }
                }
                if digits == 0 {
                    return Err(self.err("Illegal octal escape sequence", self.i));
                }
                self.push_literal(char::from_u32(value).unwrap_or('\0'));
            }
            'x' => {
                let value = if self.peek(0) == Some('{') {
                    let mut j = self.i + 1;
                    let mut hex = String::new();
                    while j < self.chars.len() && self.chars[j] != '}' {
                        hex.push(self.chars[j]);
                        j += 1;
                    }
                    if j >= self.chars.len() {
                        return Err(self.err("Unclosed hexadecimal escape sequence", j));
                    }
                    self.i = j + 1;
                    u32::from_str_radix(&hex, 16).ok()
                } else {
                    let hex: String = self.chars.iter().skip(self.i).take(2).collect();
                    self.i += 2;
                    if hex.len() == 2 {
                        u32::from_str_radix(&hex, 16).ok()
                    } else {
                        None
                    }
                };
                match value.and_then(char::from_u32) {
                    Some(ch) => self.push_literal(ch),
                    None => return Err(self.err("Illegal hexadecimal escape sequence", self.i - 1)),
                }
            }
            'u' => {
                let read4 = |t: &mut Translator| -> Option<u32> {
                    let hex: String = t.chars.iter().skip(t.i).take(4).collect();
                    if hex.len() != 4 {
                        return None;
                    }
                    t.i += 4;
                    u32::from_str_radix(&hex, 16).ok()
                };
                let Some(hi) = read4(self) else {
                    return Err(self.err("Illegal Unicode escape sequence", self.i));
                };
                let mut cp = hi;
                if (0xD800..0xDC00).contains(&hi)
                    && self.peek(0) == Some('\\')
                    && self.peek(1) == Some('u')
                {
                    let save = self.i;
                    self.i += 2;
                    match read4(self) {
                        Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                            cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        }
                        _ => self.i = save,
                    }
                }
                match char::from_u32(cp) {
                    Some(ch) => self.push_literal(ch),
                    None => {
                        return Err(format!(
                            "unsupported lone surrogate escape in [{}]",
                            self.pattern
                        ))
                    }
                }
            }
            'b' if !in_class && self.chars[self.i..].starts_with(&['{', 'g', '}']) => {
                return Err(format!(
                    "unsupported Java regex construct (grapheme boundary \\b{{g}}) in [{}]",
                    self.pattern
                ));
            }
            'b' | 'B' if !in_class => match self.target {
                Target::Rust if unicode => self.out.push_str(if c == 'b' { r"\b" } else { r"\B" }),
                Target::Rust => self
                    .out
                    .push_str(if c == 'b' { r"(?-u:\b)" } else { r"(?-u:\B)" }),
                Target::Onig => {
                    let w = format!("[{word}]");
                    if c == 'b' {
                        self.out
                            .push_str(&format!("(?:(?<={w})(?!{w})|(?<!{w})(?={w}))"));
                    } else {
                        self.out
                            .push_str(&format!("(?:(?<={w})(?={w})|(?<!{w})(?!{w}))"));
                    }
                }
            },
            'A' if !in_class => self.out.push_str(r"\A"),
            'z' if !in_class => self.out.push_str(r"\z"),
            'Z' if !in_class => self.end_anchor(),
            'G' if !in_class => {
                self.needs_onig = true;
                self.out.push_str(r"\G");
            }
            'R' if !in_class => self.out.push_str(&format!("(?:\\r\\n|[{VSPACE}])")),
            'X' if !in_class => {
                self.needs_onig = true;
                self.out.push_str(r"\X");
            }
            'k' if !in_class => {
                if self.peek(0) != Some('<') {
                    return Err(self.err(
                        "\\k is not followed by '<' for named capturing group",
                        self.i,
                    ));
                }
                let mut j = self.i + 1;
                let mut name = String::new();
                while j < self.chars.len() && self.chars[j].is_ascii_alphanumeric() {
                    name.push(self.chars[j]);
                    j += 1;
                }
                if self.chars.get(j) != Some(&'>') {
                    return Err(self.err("named capturing group is missing trailing '>'", j));
                }
                if !self.group_names.contains_key(&name) {
                    return Err(
                        self.err(&format!("named capturing group <{name}> does not exist"), j)
                    );
                }
                self.needs_onig = true;
                self.out.push_str(&format!(r"\k<{name}>"));
                self.i = j + 1;
            }
            '1'..='9' if !in_class => {
                // Java takes the longest group number that exists so far.
                let mut n = c.to_digit(10).unwrap_or(0) as usize;
                while let Some(d) = self.peek(0).and_then(|d| d.to_digit(10)) {
                    let next = n * 10 + d as usize;
                    if next > self.group_count {
                        break;
                    }
                    n = next;
                    self.i += 1;
                }
                self.needs_onig = true;
                if n > self.group_count {
                    // Java accepts it; the group cannot have matched, so this never matches
                    self.out.push_str("(?!)");
                } else if self.flags().case_insensitive {
                    self.out.push_str(&format!(r"(?i:\{n})"));
                } else {
                    self.out.push_str(&format!(r"(?:\{n})"));
                }
            }
            'p' | 'P' => {
                let name = if self.peek(0) == Some('{') {
                    let mut j = self.i + 1;
                    let mut name = String::new();
                    while j < self.chars.len() && self.chars[j] != '}' {
                        name.push(self.chars[j]);
                        j += 1;
                    }
                    if j >= self.chars.len() {
                        return Err(self.err("Unclosed character family", j));
                    }
                    self.i = j + 1;
                    name
                } else {
                    let Some(n) = self.peek(0) else {
                        return Err(self.err("Illegal character family", self.i));
                    };
                    self.i += 1;
                    n.to_string()
                };
                let negated = c == 'P';
                let posix = if unicode {
                    unicode_posix_class(&name).map_err(|m| self.err(&m, self.i - 1))?
                } else {
                    posix_class(&name)
                };
                match posix {
                    Some(body) => class(self, body, negated),
                    None => {
                        let prop = unicode_property(&name).ok_or_else(|| {
                            self.err(
                                &format!("Unknown character property name {{{name}}}"),
                                self.i - 1,
                            )
                        })?;
                        self.out
                            .push_str(&format!("\\{}{{{prop}}}", if negated { 'P' } else { 'p' }));
                    }
                }
            }
            'Q' => {
                let mut j = self.i;
                while j < self.chars.len() {
                    if self.chars[j] == '\\' && self.chars.get(j + 1) == Some(&'E') {
                        break;
                    }
                    let ch = self.chars[j];
                    self.push_literal(ch);
                    j += 1;
                }
                self.i = (j + 2).min(self.chars.len());
            }
            'E' => {}
            c if c.is_ascii_alphabetic() || (in_class && c.is_ascii_digit()) => {
                return Err(self.err("Illegal/unsupported escape sequence", at + 1));
            }
            c => self.push_literal(c),
        }
        Ok(())
    }

    /// A character class starting at `[`, with nested classes and `&&`.
    fn class(&mut self) -> Result<(), String> {
        // Unicode case folding applies to the whole class, ranges included
        let fold = self.class_depth == 0 && self.flags().unicode_case_insensitive();
        if fold {
            self.out.push_str("(?i:");
        }
        self.class_depth += 1;
        let result = self.class_body();
        self.class_depth -= 1;
        if fold {
            self.out.push(')');
        }
        result
    }

    fn class_body(&mut self) -> Result<(), String> {
        self.i += 1;
        self.out.push('[');
        if self.peek(0) == Some('^') {
            self.out.push('^');
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.err("Unclosed character class", self.chars.len() - 1));
            };
            match c {
                ']' if !first => {
                    self.out.push(']');
                    self.i += 1;
                    return Ok(());
                }
                '[' => self.class()?,
                '\\' => self.escape(true)?,
                '&' if self.peek(1) == Some('&') => {
                    self.out.push_str("&&");
                    self.i += 2;
                }
                '-' => {
                    self.out.push('-');
                    self.i += 1;
                }
                _ => {
                    // a literal range: Java rejects a reversed one
                    let range_end = if self.peek(1) == Some('-') {
                        self.peek(2).filter(|h| !matches!(h, ']' | '[' | '\\'))
                    } else {
                        None
                    };
                    match range_end {
                        Some(hi) if hi < c => {
                            return Err(self.err("Illegal character range", self.i + 2));
                        }
                        Some(hi) => {
                            self.push_range(c, hi);
                            self.i += 3;
                        }
                        None => {
                            self.push_literal(c);
                            self.i += 1;
                        }
                    }
                }
            }
            first = false;
        }
    }
}

/// Java's POSIX classes (`\p{Alpha}` …, ASCII-only) and `\p{javaXxx}` classes, as class bodies.
fn posix_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x{0}-\x{7F}",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "a-zA-Z0-9",
        "Punct" => r"\x{21}-\x{2F}\x{3A}-\x{40}\x{5B}-\x{60}\x{7B}-\x{7E}",
        "Graph" => r"\x{21}-\x{7E}",
        "Print" => r"\x{20}-\x{7E}",
        "Blank" => r" \t",
        "Cntrl" => r"\x{0}-\x{1F}\x{7F}",
        "XDigit" => "0-9a-fA-F",
        "Space" => r"\t\n\x{0B}\f\r ",
        // java.lang.Character predicates
        "javaLowerCase" => r"\p{Lowercase}",
        "javaUpperCase" => r"\p{Uppercase}",
        "javaAlphabetic" => r"\p{Alphabetic}",
        "javaDigit" => r"\p{Nd}",
        "javaLetter" => r"\p{L}",
        "javaLetterOrDigit" => r"\p{L}\p{Nd}",
        "javaWhitespace" => {
            r"\t\n\x{0B}\f\r\x{1C}-\x{20}\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}"
        }
        "javaSpaceChar" => r"\p{Zs}\p{Zl}\p{Zp}",
        _ => return None,
    })
}

/// The POSIX classes under UNICODE_CHARACTER_CLASS (`Pattern.CharPredicates`' Unicode forms);
/// the others keep their meaning.
fn unicode_posix_class(name: &str) -> Result<Option<&'static str>, String> {
    Ok(Some(match name {
        "Lower" => r"\p{Lowercase}",
        "Upper" => r"\p{Uppercase}",
        "Alpha" => r"\p{Alphabetic}",
        "Digit" => UNICODE_DIGIT,
        "Alnum" => r"\p{Alphabetic}\p{Nd}",
        "Punct" => r"\p{P}",
        "Cntrl" => r"\p{Cc}",
        "XDigit" => r"\p{Nd}\p{Hex_Digit}",
        "Space" => UNICODE_SPACE,
        "Blank" => r"\p{Zs}\t",
        "Graph" | "Print" => {
            return Err(format!(
                "\\p{{{name}}} with UNICODE_CHARACTER_CLASS is not supported by ingest-emu"
            ))
        }
        _ => return Ok(posix_class(name)),
    }))
}

/// Unicode categories and scripts in the form both engines accept.
fn unicode_property(name: &str) -> Option<String> {
    let name = name
        .strip_prefix("Is")
        .or_else(|| name.strip_prefix("general_category="))
        .or_else(|| name.strip_prefix("gc="))
        .or_else(|| name.strip_prefix("script="))
        .or_else(|| name.strip_prefix("sc="))
        .unwrap_or(name);
    if name.starts_with("In") || name.starts_with("java") || name.starts_with("block=") {
        return None;
    }
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str, s: &str, limit: i32) -> Vec<String> {
        JavaRegex::compile(p).unwrap().split(s, limit).unwrap()
    }

    fn gsub(p: &str, s: &str, r: &str) -> Result<String, String> {
        let re = JavaRegex::compile(p).unwrap();
        let rep = re.parse_replacement(r);
        re.replace_all(s, &rep)
    }

    #[test]
    fn split_semantics_match_java() {
        assert_eq!(split(",", "a,b,,c,,", 0), ["a", "b", "", "c"]);
        assert_eq!(split(",", "a,b,,c,,", -1), ["a", "b", "", "c", "", ""]);
        assert_eq!(split(",", ",a", 0), ["", "a"]);
        assert_eq!(split(",", "", 0), [""]);
        assert_eq!(split(",", ",", 0), Vec::<String>::new());
        assert_eq!(split("", "a*b*", 0), ["a", "*", "b", "*"]);
        assert_eq!(split("a*", "baaa", -1), ["b", "", ""]);
        assert_eq!(split("x", "abc", 0), ["abc"]);
        assert_eq!(split(",", "a,b,c", 2), ["a", "b,c"]);
        assert_eq!(split("\\s+", " a  b ", 0), ["", "a", "b"]);
        assert_eq!(split("\\|", "a|b", 0), ["a", "b"]);
    }

    #[test]
    fn replace_semantics_match_java() {
        assert_eq!(gsub("a*", "baaa", "X").unwrap(), "XbXX");
        assert_eq!(
            gsub("(\\w+)@(\\w+)", "me@host", "$2 at $1").unwrap(),
            "host at me"
        );
        assert_eq!(gsub("(?<u>\\w+)@", "me@host", "${u}!").unwrap(), "me!host");
        assert_eq!(gsub("\\.", "a.b", "\\$").unwrap(), "a$b");
        assert_eq!(gsub("(a)", "a", "$12").unwrap(), "a2");
        assert_eq!(
            gsub("a", "a", "$").unwrap_err(),
            "Illegal group reference: group index is missing"
        );
        assert_eq!(gsub("a", "a", "$x").unwrap_err(), "Illegal group reference");
        assert_eq!(gsub("a", "a", "$1").unwrap_err(), "No group 1");
        assert_eq!(
            gsub("a", "a", "\\").unwrap_err(),
            "character to be escaped is missing"
        );
        // errors only surface when something matches
        assert_eq!(gsub("z", "a", "$1").unwrap(), "a");
    }

    #[test]
    fn java_specific_syntax() {
        // \d and \w are ASCII-only in Java
        assert_eq!(gsub("\\d", "1٣", "#").unwrap(), "#٣");
        assert_eq!(gsub("\\w+", "héllo", "#").unwrap(), "#é#");
        // . excludes \r as well as \n
        assert_eq!(gsub(".", "a\rb", "#").unwrap(), "#\r#");
        assert_eq!(gsub("(?s).", "a\rb", "#").unwrap(), "###");
        // $ matches before a final line terminator
        assert_eq!(gsub("$", "a\n", "X").unwrap(), "aX\nX");
        assert_eq!(gsub("$", "a\r\n", "X").unwrap(), "aX\r\nX");
        // escaped punctuation is literal, \< is not a word boundary
        assert_eq!(gsub("\\<\\>", "a<>b", "").unwrap(), "ab");
        assert_eq!(gsub("\\Qa.b\\E", "a.b axb", "#").unwrap(), "# axb");
        assert_eq!(gsub("\\p{Alpha}+", "abc1é", "#").unwrap(), "#1é");
        assert_eq!(gsub("\\p{javaLowerCase}+", "abcÉé", "#").unwrap(), "#É#");
        assert_eq!(
            gsub("\\p{javaWhitespace}", "a b\u{a0}c\u{3000}", "#").unwrap(),
            "a#b\u{a0}c#"
        );
        assert_eq!(gsub("[\\w&&[^b]]+", "abc", "#").unwrap(), "#b#");
        assert_eq!(gsub("\\bis\\b", "this is", "X").unwrap(), "this X");
        assert_eq!(gsub("\\u0041\\x42\\0103", "ABC", "#").unwrap(), "#");
    }

    #[test]
    fn case_insensitivity_is_ascii_only() {
        assert_eq!(gsub("(?i)ab", "AB aB ab", "#").unwrap(), "# # #");
        assert_eq!(gsub("(?i)é", "é É", "#").unwrap(), "# É");
        assert_eq!(gsub("(?i)[b-d]+", "aBcDe", "#").unwrap(), "a#e");
        assert_eq!(gsub("(?i)[^x]", "xX1", "#").unwrap(), "xX#");
        assert_eq!(gsub("a(?i:b)c", "aBc ABc", "#").unwrap(), "# ABc");
        assert_eq!(gsub("(?i)\\x41", "a", "#").unwrap(), "#");
    }

    #[test]
    fn flags_and_full_matches() {
        let flags = PatternFlags::from_letters("im").unwrap();
        let re = JavaRegex::compile_with_flags("^AB$", flags).unwrap();
        assert_eq!(re.find_all("x\nab\nAb", false).unwrap().len(), 2);
        let re =
            JavaRegex::compile_with_flags("a.b", PatternFlags::from_letters("l").unwrap()).unwrap();
        assert!(re.is_match("xa.b").unwrap());
        assert!(!re.is_match("axb").unwrap());
        // matches() backtracks into later alternatives
        let re = JavaRegex::compile("a|ab").unwrap();
        assert!(re.matches("ab").unwrap().is_some());
        assert!(re.matches("abc").unwrap().is_none());
        assert_eq!(re.find_at("ab", 0, false).unwrap().unwrap().end(), 1);
        assert!(PatternFlags::from_letters("c").is_err());
        // Java 9's grapheme boundary is refused by name, not read as a repetition
        let e = JavaRegex::compile(r"\b{g}").unwrap_err();
        assert!(e.contains("grapheme boundary"), "{e}");
    }

    fn with_flags(p: &str, letters: &str) -> JavaRegex {
        JavaRegex::compile_with_flags(p, PatternFlags::from_letters(letters).unwrap()).unwrap()
    }

    /// Each answer checked against JDK 17's `java.util.regex`, but for `\b` before a non-ASCII
    /// letter, which follows JDK 19+ (see the module comment).
    #[test]
    fn unicode_case_and_unicode_classes() {
        // without UNICODE_CASE only ASCII folds
        assert!(!with_flags("\u{e9}", "i").is_match("\u{c9}").unwrap());
        assert!(with_flags("\u{e9}", "iu").is_match("\u{c9}").unwrap());
        assert!(with_flags("[\u{e0}-\u{ff}]", "iu")
            .is_match("\u{c9}")
            .unwrap());
        assert!(with_flags("(?iu)stra\u{df}e", "")
            .is_match("STRA\u{df}E")
            .unwrap());
        // UNICODE_CHARACTER_CLASS: \w \d \s \b and POSIX classes follow Unicode
        let word = |letters: &str| {
            with_flags("\\w+", letters)
                .replace_all("h\u{e9}llo", &with_flags("x", "").parse_replacement("X"))
                .unwrap()
        };
        assert_eq!(word(""), "X\u{e9}X");
        assert_eq!(word("U"), "X");
        assert!(!with_flags("\\d", "").is_match("\u{663}").unwrap());
        assert!(with_flags("\\d", "U").is_match("\u{663}").unwrap());
        assert!(with_flags("(?U)\\s", "").is_match("\u{a0}").unwrap());
        assert!(!with_flags("\\bt", "U").is_match("\u{e9}t").unwrap());
        assert!(with_flags("\\bt", "").is_match("\u{e9}t").unwrap());
        assert!(with_flags("^\\p{Alpha}+$", "U")
            .is_match("\u{e9}t\u{e9}")
            .unwrap());
        // the Oniguruma path (a lookahead forces it) agrees
        let re = with_flags("\\w+(?=!)", "U");
        assert!(re.uses_onig());
        assert_eq!(
            re.find_at("\u{e9}t\u{e9}!", 0, false)
                .unwrap()
                .unwrap()
                .start(),
            0
        );
    }

    #[test]
    fn runaway_backtracking_is_an_error_not_a_hang() {
        // a lookahead forces Oniguruma; the alternation backtracks exponentially before `!`
        let re = JavaRegex::compile("(?=a)(a|aa)+$").unwrap();
        assert!(re.uses_onig());
        let input = format!("{}!", "a".repeat(60));
        assert_eq!(re.find_at(&input, 0, false), Err(TooComplex));
        assert!(re.split(&input, 0).is_err());
    }

    #[test]
    fn onig_fallback() {
        let re = JavaRegex::compile("(?<=a)b").unwrap();
        assert!(re.uses_onig());
        assert_eq!(gsub("(?<=a)b", "abcb", "X").unwrap(), "aXcb");
        assert_eq!(gsub("(a)\\1", "aab", "X").unwrap(), "Xb");
        assert_eq!(gsub("a++", "aaab", "X").unwrap(), "Xb");
        assert_eq!(gsub("\\bx", "x ax x", "Y").unwrap(), "Y ax Y");
        assert!(!JavaRegex::compile("a+b").unwrap().uses_onig());
    }

    #[test]
    fn never_panics_on_odd_patterns() {
        const TOKENS: &[&str] = &[
            "(", ")", "[", "]", "{", "}", "1", ",", "*", "+", "?", "|", "^", "$", ".", "\\", "a",
            "é", "-", "&&", "(?", "<", ">", "=", "!", "i", "s", "m", "x", ":", "\\Q", "\\E", "\\p",
            "\\x", "\\u", "\\0", "\\k", "\\1", "\\b", "#", " ", "'",
        ];
        let mut seed: u64 = 0xDEAD_BEEF_CAFE_F00D;
        for _ in 0..5000 {
            let mut p = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for _ in 0..(seed % 10) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                p.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
            }
            if let Ok(re) = JavaRegex::compile(&p) {
                let rep = re.parse_replacement("$0-$1");
                let _ = re.replace_all("aé(1)[x] \n", &rep);
                let _ = re.split("a,é 1", 0);
                let _ = re.matches("a");
            }
        }
    }

    #[test]
    fn syntax_errors_use_java_wording() {
        assert_eq!(
            JavaRegex::compile("(ab").unwrap_err(),
            "Unclosed group near index 3\n(ab"
        );
        assert_eq!(
            JavaRegex::compile("*a").unwrap_err(),
            "Dangling meta character '*' near index 0\n*a\n^"
        );
        assert_eq!(
            JavaRegex::compile("[ab").unwrap_err(),
            "Unclosed character class near index 2\n[ab\n  ^"
        );
        assert_eq!(
            JavaRegex::compile("ab)").unwrap_err(),
            "Unmatched closing ')' near index 1\nab)\n ^"
        );
        assert_eq!(
            JavaRegex::compile("a{").unwrap_err(),
            "Illegal repetition near index 2\na{"
        );
        assert_eq!(
            JavaRegex::compile(")").unwrap_err(),
            "Unmatched closing ')'\n)"
        );
        assert_eq!(
            JavaRegex::compile("\\y").unwrap_err(),
            "Illegal/unsupported escape sequence near index 1\n\\y\n ^"
        );
    }
}
