//! Text that every match of a Java pattern must contain.
//!
//! User-agent parsing tries about a thousand patterns in order and stops at the first match, so
//! most patterns are tried on every agent and fail. A pattern whose required text is not in the
//! agent cannot match it, and is skipped without compiling or running it: the result is the
//! pattern's own, only cheaper.
//!
//! The requirement is a list of conditions that must all hold; each condition is a set of texts
//! of which the input must contain at least one (one text for a literal run, several for an
//! alternation whose every branch has a literal run).
//!
//! The analysis is conservative. It reads the pattern's sequence and the groups that sequence
//! must go through; anything it does not fully understand either only ends the current run (a
//! character class, `.`, `\d`, an optional part) or makes it give up on the whole pattern
//! (inline flags, `\Q`, unusual escapes).

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// At most this many texts in one condition (the largest uap-core alternation has a few hundred).
const MAX_ALTERNATIVES: usize = 1024;
/// Conditions with more texts than this are searched with one Aho-Corasick automaton instead of
/// one substring search per text.
const AUTOMATON_FROM: usize = 8;
/// At most this many conditions per pattern, the most selective ones.
const MAX_CONDITIONS: usize = 3;

/// What a pattern contributes to required text, in order: literal characters, breaks where the
/// matched text between two literals is not known, and alternations (one of several texts).
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Char(char),
    Break,
    AnyOf(Vec<String>),
}

/// One of these texts is in every match.
pub type Condition = Vec<String>;

/// The conditions every match of `pattern` meets; empty when the analysis cannot tell.
pub fn required_text(pattern: &str) -> Vec<Condition> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut scan = Scan { chars, pos: 0 };
    let Some(branches) = scan.sequence() else {
        return Vec::new();
    };
    if scan.pos != scan.chars.len() {
        return Vec::new();
    }
    let mut conditions = match branches.as_slice() {
        [only] => conditions_of(only),
        _ => alternation(&branches).into_iter().collect(),
    };
    conditions.sort_by_key(|c| std::cmp::Reverse(selectivity(c)));
    conditions.dedup();
    conditions.truncate(MAX_CONDITIONS);
    conditions
}

/// The conditions of a pattern, ready to check inputs against.
#[derive(Debug, Default)]
pub struct Requirement {
    checks: Vec<Check>,
}

#[derive(Debug)]
enum Check {
    Texts(Vec<String>),
    /// For many texts, or ASCII case-insensitive ones (Java's `CASE_INSENSITIVE` without
    /// `UNICODE_CASE`). Built on first use: most patterns are never reached.
    Automaton {
        texts: Vec<String>,
        case_insensitive: bool,
        automaton: OnceLock<Option<AhoCorasick>>,
    },
}

impl Requirement {
    pub fn of(pattern: &str, case_insensitive: bool) -> Requirement {
        let checks = required_text(pattern)
            .into_iter()
            .map(|texts| {
                if case_insensitive || texts.len() > AUTOMATON_FROM {
                    Check::Automaton {
                        texts,
                        case_insensitive,
                        automaton: OnceLock::new(),
                    }
                } else {
                    Check::Texts(texts)
                }
            })
            .collect();
        Requirement { checks }
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }

    /// Does `input` meet every condition? (Always, without conditions.)
    pub fn holds(&self, input: &str) -> bool {
        self.checks.iter().all(|check| match check {
            Check::Texts(texts) => texts.iter().any(|t| input.contains(t.as_str())),
            Check::Automaton {
                texts,
                case_insensitive,
                automaton,
            } => {
                let automaton = automaton.get_or_init(|| {
                    AhoCorasick::builder()
                        .kind(Some(AhoCorasickKind::ContiguousNFA))
                        .ascii_case_insensitive(*case_insensitive)
                        .build(texts)
                        .ok()
                });
                match automaton {
                    Some(ac) => ac.is_match(input),
                    // no automaton (cannot happen for these sizes): the check passes
                    None => true,
                }
            }
        })
    }
}

/// A condition is the more selective the longer its shortest text, and the fewer its texts.
fn selectivity(c: &Condition) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = c.iter().map(|t| t.chars().count()).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(c.len()))
}

/// The literal runs and alternations of one branch, each a condition.
fn conditions_of(pieces: &[Piece]) -> Vec<Condition> {
    let mut out = Vec::new();
    let mut run = String::new();
    for piece in pieces.iter().chain([&Piece::Break]) {
        match piece {
            Piece::Char(c) => run.push(*c),
            Piece::Break => {
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
            }
            Piece::AnyOf(texts) => {
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
                out.push(texts.clone());
            }
        }
    }
    out
}

/// The condition an alternation meets: each branch's most selective condition, together.
/// `None` when a branch has none, or there are too many texts.
fn alternation(branches: &[Vec<Piece>]) -> Option<Condition> {
    let mut texts = Vec::new();
    for branch in branches {
        let best = conditions_of(branch).into_iter().max_by_key(selectivity)?;
        texts.extend(best);
    }
    texts.sort();
    texts.dedup();
    (texts.len() <= MAX_ALTERNATIVES).then_some(texts)
}

struct Scan {
    chars: Vec<char>,
    pos: usize,
}

impl Scan {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    /// A sequence up to `)` or the end, as its `|`-separated branches. `None`: give up on the
    /// pattern.
    fn sequence(&mut self) -> Option<Vec<Vec<Piece>>> {
        let mut branches = Vec::new();
        let mut pieces = Vec::new();
        // where the last atom's pieces start, for a quantifier that follows it
        let mut last_atom: Option<usize> = None;
        while let Some(c) = self.peek() {
            match c {
                ')' => break,
                '|' => {
                    self.pos += 1;
                    branches.push(std::mem::take(&mut pieces));
                    last_atom = None;
                }
                '*' | '+' | '?' | '{' => {
                    let start = last_atom.take()?;
                    let min = self.quantifier()?;
                    if min == 0 {
                        pieces.truncate(start);
                    }
                    // repeated or optional text breaks the run after the atom
                    pieces.push(Piece::Break);
                }
                _ => {
                    last_atom = Some(pieces.len());
                    self.atom(&mut pieces)?;
                }
            }
        }
        branches.push(pieces);
        Some(branches)
    }

    /// One atom: its pieces are appended.
    fn atom(&mut self, pieces: &mut Vec<Piece>) -> Option<()> {
        let c = self.peek()?;
        self.pos += 1;
        match c {
            '.' | '^' | '$' => pieces.push(Piece::Break),
            '[' => {
                self.skip_class()?;
                pieces.push(Piece::Break);
            }
            '\\' => {
                let e = self.peek()?;
                self.pos += 1;
                if !e.is_ascii_alphanumeric() {
                    pieces.push(Piece::Char(e));
                } else if matches!(e, 'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'b' | 'B') {
                    pieces.push(Piece::Break);
                } else {
                    return None;
                }
            }
            '(' => self.group(pieces)?,
            _ => pieces.push(Piece::Char(c)),
        }
        Some(())
    }

    /// After `(`: the group's pieces when every match goes through all of its text.
    fn group(&mut self, pieces: &mut Vec<Piece>) -> Option<()> {
        let mut required = true;
        if self.peek() == Some('?') {
            match (self.peek_at(1), self.peek_at(2)) {
                (Some(':' | '>'), _) => self.pos += 2,
                (Some('=' | '!'), _) => {
                    self.pos += 2;
                    required = false;
                }
                (Some('<'), Some('=' | '!')) => {
                    self.pos += 3;
                    required = false;
                }
                (Some('<'), Some(n)) if n.is_ascii_alphabetic() => {
                    self.pos += 2;
                    while self.peek()?.is_ascii_alphanumeric() {
                        self.pos += 1;
                    }
                    if self.peek()? != '>' {
                        return None;
                    }
                    self.pos += 1;
                }
                // inline flags change how the rest matches
                _ => return None,
            }
        }
        let branches = self.sequence()?;
        if self.peek()? != ')' {
            return None;
        }
        self.pos += 1;
        match branches.as_slice() {
            // the group's text is matched in place: it joins the text around it
            [only] if required => pieces.extend(only.iter().cloned()),
            _ if required => match alternation(&branches) {
                Some(texts) => pieces.push(Piece::AnyOf(texts)),
                None => pieces.push(Piece::Break),
            },
            _ => pieces.push(Piece::Break),
        }
        Some(())
    }

    /// Skips a character class after its `[` (Java classes nest: `[a-z&&[^x]]`).
    fn skip_class(&mut self) -> Option<()> {
        let mut depth = 1;
        if self.peek() == Some('^') {
            self.pos += 1;
        }
        // a `]` right after the opening is a literal member, as in Java
        if self.peek() == Some(']') {
            self.pos += 1;
        }
        while depth > 0 {
            match self.peek()? {
                '\\' => {
                    let e = self.peek_at(1)?;
                    if e == 'Q' || (matches!(e, 'p' | 'P' | 'x' | 'u') && self.peek_at(2)? == '{') {
                        return None;
                    }
                    self.pos += 2;
                }
                '[' => {
                    depth += 1;
                    self.pos += 1;
                }
                ']' => {
                    depth -= 1;
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
        Some(())
    }

    /// A quantifier and its lazy or possessive mark. Returns its minimum count.
    fn quantifier(&mut self) -> Option<u32> {
        let c = self.peek()?;
        self.pos += 1;
        let min = match c {
            '*' | '?' => 0,
            '+' => 1,
            '{' => {
                let min = self.number()?;
                match self.peek()? {
                    '}' => {}
                    ',' => {
                        self.pos += 1;
                        if self.peek()? != '}' {
                            self.number()?;
                        }
                        if self.peek()? != '}' {
                            return None;
                        }
                    }
                    _ => return None,
                }
                self.pos += 1;
                min
            }
            _ => return None,
        };
        if matches!(self.peek(), Some('?' | '+')) {
            self.pos += 1;
        }
        Some(min)
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if start == self.pos {
            return None;
        }
        self.chars[start..self.pos]
            .iter()
            .collect::<String>()
            .parse()
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::{required_text, Requirement};

    #[test]
    fn finds_required_text() {
        let cases: &[(&str, &[&[&str]])] = &[
            (
                "(GeoEvent Server) (\\d+)(?:\\.(\\d+)(?:\\.(\\d+)|)|)",
                &[&["GeoEvent Server "]],
            ),
            (
                "(ArcGIS Pro)(?: (\\d+)\\.(\\d+)\\.([^ ]+)|)",
                &[&["ArcGIS Pro"]],
            ),
            (
                "com.esri.(earth).phone/(\\d+)",
                &[&["phone/"], &["earth"], &["esri"]],
            ),
            (
                "arcgis-(collector|aurora)/(\\d+)",
                &[&["arcgis-"], &["aurora", "collector"], &["/"]],
            ),
            (
                "^(Podcast ?Addict)/v(\\d+) ",
                &[&["Addict/v"], &["Podcast"], &[" "]],
            ),
            (
                "; *((?:Aquila|Clanga|Rapax)[^;/]+?)(?: Build|\\) AppleWebKit)",
                &[
                    &[" Build", ") AppleWebKit"],
                    &["Aquila", "Clanga", "Rapax"],
                    &[";"],
                ],
            ),
            (
                "(Windows|Android|WeTab)",
                &[&["Android", "WeTab", "Windows"]],
            ),
            ("Foo|Bar", &[&["Bar", "Foo"]]),
            ("ab+c", &[&["ab"], &["c"]]),
            ("abc{0,2}def", &[&["def"], &["ab"]]),
            ("x(?:abc)+y", &[&["xabc"], &["y"]]),
            ("x(?:abc)?yz", &[&["yz"], &["x"]]),
            ("(?=Foo)Ba", &[&["Ba"]]),
            ("(?<name>Named) group", &[&["Named group"]]),
            ("[]x]yz", &[&["yz"]]),
            ("[a-z&&[^q]]rest", &[&["rest"]]),
            ("a\\.b\\/c", &[&["a.b/c"]]),
        ];
        for (pattern, want) in cases {
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|c| c.iter().map(|t| t.to_string()).collect())
                .collect();
            assert_eq!(required_text(pattern), want, "{pattern}");
        }
    }

    #[test]
    fn gives_up_where_it_cannot_be_sure() {
        for pattern in [
            "Foo|.*",
            "(?:a|[bc])",
            "(?i)firefox",
            "(?i:fire)fox",
            "\\Qa.b\\E",
            "\\x41BC",
            "\\p{L}",
            "[\\p{L}]x",
            "*a",
            "a{x}",
            "(unclosed",
            "",
            ".*",
        ] {
            assert!(required_text(pattern).is_empty(), "{pattern}");
        }
    }

    #[test]
    fn every_condition_must_hold() {
        let r = Requirement::of(
            "; *((?:Aquila|Clanga|Rapax)[^;/]+?)(?: Build|\\) AppleWebKit)",
            false,
        );
        assert!(r.holds("Linux; Android 9; Rapax 5 Build/x"));
        assert!(!r.holds("Linux; Android 9; Pixel 5 Build/x"));
        assert!(Requirement::of(".*", false).holds("anything"));
        let many = Requirement::of("(?:a1|b2|c3|d4|e5|f6|g7|h8|i9|j0)x", false);
        assert!(matches!(many.checks[0], super::Check::Automaton { .. }));
        assert!(many.holds("..e5..x"));
        assert!(!many.holds("..e6..x"));
        // Java's CASE_INSENSITIVE folds ASCII letters only
        let folded = Requirement::of("Rapax", true);
        assert!(folded.holds("rAPAX 5"));
        assert!(!folded.holds("R\u{0}pax"));
        let exact = Requirement::of("Ébène", true);
        assert!(exact.holds("xÉBèNE"));
        assert!(!exact.holds("xÉBÈNE"));
    }
}
