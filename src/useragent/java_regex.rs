//! Java `java.util.regex` patterns, run on the `regex` crate where their meaning carries over, and on
//! Oniguruma (Java syntax) where it does not (possessive quantifiers, lookaround, atomic groups,
//! back-references).

use std::fmt::Write as _;

/// A compiled Java pattern.
#[derive(Debug)]
pub enum JavaRegex {
    Rust(regex::Regex),
    Onig(onig::Regex),
}

/// Why a pattern went to Oniguruma, or why it could not be compiled at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    pub pattern: String,
    pub reason: String,
}

impl JavaRegex {
    /// Compiles `pattern` as Java would (`Pattern.compile(pattern, case_insensitive ? CASE_INSENSITIVE : 0)`).
    /// The second value is set when the `regex` crate could not take the pattern and Oniguruma was used.
    pub fn compile(
        pattern: &str,
        case_insensitive: bool,
    ) -> Result<(JavaRegex, Option<Fallback>), String> {
        // Oniguruma first, on the translated (Java-faithful) text: it compiles a uap-core pattern
        // about 20x faster than the regex crate builds its automata, which dominates start-up and
        // the first documents; tests/useragent_java_oracle.rs checks the result against
        // java.util.regex. The regex crate remains for what Oniguruma rejects.
        {
            if let Ok(t) = translate(pattern) {
                let mut opts = onig::RegexOptions::REGEX_OPTION_NONE;
                if case_insensitive {
                    opts |= onig::RegexOptions::REGEX_OPTION_IGNORECASE;
                }
                if let Ok(re) = onig::Regex::with_options(&t, opts, onig::Syntax::ruby()) {
                    return Ok((JavaRegex::Onig(re), None));
                }
            }
        }
        let translated = translate(pattern).and_then(|t| {
            let mut b = regex::RegexBuilder::new(&t);
            b.case_insensitive(case_insensitive);
            // Some uap-core patterns are large once bounded repetitions are unrolled.
            b.size_limit(64 << 20);
            b.build().map_err(|e| e.to_string())
        });
        match translated {
            Ok(re) => Ok((JavaRegex::Rust(re), None)),
            Err(reason) => {
                let mut opts = onig::RegexOptions::REGEX_OPTION_NONE;
                if case_insensitive {
                    opts |= onig::RegexOptions::REGEX_OPTION_IGNORECASE;
                }
                match onig::Regex::with_options(pattern, opts, onig::Syntax::java()) {
                    Ok(re) => Ok((
                        JavaRegex::Onig(re),
                        Some(Fallback {
                            pattern: pattern.to_string(),
                            reason,
                        }),
                    )),
                    Err(e) => Err(format!(
                        "cannot compile regex [{pattern}]: regex crate: {reason}; oniguruma: {e}"
                    )),
                }
            }
        }
    }

    /// Java `Matcher.groupCount()`.
    pub fn group_count(&self) -> usize {
        match self {
            JavaRegex::Rust(re) => re.captures_len() - 1,
            JavaRegex::Onig(re) => re.captures_len(),
        }
    }

    /// `Matcher.find()` from the start; on success the groups 0..=group_count (None = did not take part).
    pub fn find_groups<'t>(&self, text: &'t str) -> Option<Vec<Option<&'t str>>> {
        match self {
            JavaRegex::Rust(re) => {
                // Most patterns do not match: answer that with the cheap search before the
                // capture engine runs.
                if !re.is_match(text) {
                    return None;
                }
                let caps = re.captures(text)?;
                Some(
                    (0..caps.len())
                        .map(|i| caps.get(i).map(|m| m.as_str()))
                        .collect(),
                )
            }
            JavaRegex::Onig(re) => {
                let caps = re.captures(text)?;
                Some((0..caps.len()).map(|i| caps.at(i)).collect())
            }
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        match self {
            JavaRegex::Rust(re) => re.is_match(text),
            JavaRegex::Onig(re) => re.find(text).is_some(),
        }
    }
}

// Java's predefined classes are ASCII-only unless UNICODE_CHARACTER_CLASS is set.
const DIGIT: &str = "[0-9]";
const NOT_DIGIT: &str = "[^0-9]";
const WORD: &str = "[0-9A-Za-z_]";
const NOT_WORD: &str = "[^0-9A-Za-z_]";
const SPACE: &str = r"[\t\n\x0B\x0C\r ]";
const NOT_SPACE: &str = r"[^\t\n\x0B\x0C\r ]";
// Java's `.` excludes every line terminator, not only `\n`.
const DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

/// Rewrites a Java pattern into `regex` crate syntax with the same meaning, or says why it cannot.
pub fn translate(pattern: &str) -> Result<String, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&n) = chars.get(i + 1) else {
                    return Err("trailing backslash".into());
                };
                i += 2;
                match n {
                    'd' => out.push_str(DIGIT),
                    'D' => out.push_str(NOT_DIGIT),
                    'w' => out.push_str(WORD),
                    'W' => out.push_str(NOT_WORD),
                    's' => out.push_str(SPACE),
                    'S' => out.push_str(NOT_SPACE),
                    'b' if class_depth == 0 => out.push_str(r"(?-u:\b)"),
                    'B' if class_depth == 0 => out.push_str(r"(?-u:\B)"),
                    'A' | 'z' | 't' | 'n' | 'r' | 'f' => {
                        out.push('\\');
                        out.push(n);
                    }
                    'e' => out.push_str(r"\x1B"),
                    'a' => out.push_str(r"\x07"),
                    'x' => {
                        // \xhh or \x{h...h}: same in both syntaxes
                        out.push_str("\\x");
                    }
                    'u' => {
                        let hex: String = chars.iter().skip(i).take(4).collect();
                        if hex.len() != 4 || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                            return Err("bad \\u escape".into());
                        }
                        write!(out, "\\x{{{hex}}}").unwrap();
                        i += 4;
                    }
                    'p' | 'P' => {
                        out.push('\\');
                        out.push(n);
                    }
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
                        push_literal(&mut out, &lit);
                    }
                    '0'..='9' => return Err("back-reference".into()),
                    c if c.is_ascii_alphanumeric() => {
                        return Err(format!("unsupported escape \\{c}"));
                    }
                    c => push_literal(&mut out, &c.to_string()),
                }
                continue;
            }
            '[' => {
                class_depth += 1;
                out.push('[');
                i += 1;
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                continue;
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(']');
            }
            _ if class_depth > 0 => {
                // `&&` is intersection in both; other characters are literal inside a class.
                if c == '&' && chars.get(i + 1) == Some(&'&') {
                    out.push_str("&&");
                    i += 2;
                    continue;
                }
                if c == '-' {
                    out.push('-');
                } else {
                    push_literal(&mut out, &c.to_string());
                }
            }
            '.' => out.push_str(DOT),
            '(' => {
                if chars.get(i + 1) == Some(&'?') {
                    match chars.get(i + 2) {
                        Some('=') | Some('!') => return Err("lookahead".into()),
                        Some('>') => return Err("atomic group".into()),
                        Some('<') if matches!(chars.get(i + 3), Some('=') | Some('!')) => {
                            return Err("lookbehind".into())
                        }
                        _ => {}
                    }
                }
                out.push('(');
            }
            '*' | '+' | '?' | '}' => {
                out.push(c);
                if chars.get(i + 1) == Some(&'+') {
                    return Err("possessive quantifier".into());
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Ok(out)
}

fn push_literal(out: &mut String, s: &str) {
    out.push_str(&regex::escape(s));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes() {
        let (re, fb) = JavaRegex::compile(r"(\d+)\.(\w+)", false).unwrap();
        assert!(fb.is_none());
        assert!(re.find_groups("٣.x").is_none());
        let g = re.find_groups("v 10.ab").unwrap();
        assert_eq!(g[1], Some("10"));
        assert_eq!(g[2], Some("ab"));
    }

    #[test]
    fn escapes_and_classes() {
        let t = translate(r"[\w\-]+\/\.\ ").unwrap();
        assert!(regex::Regex::new(&t).is_ok(), "{t}");
        let (re, _) = JavaRegex::compile(r"a[^\d]b", false).unwrap();
        assert!(re.is_match("axb"));
        assert!(!re.is_match("a1b"));
    }

    #[test]
    fn fallbacks() {
        for p in [
            r"a(?=b)", r"a(?!b)", r"(?<=a)b", r"a++", r"(a)\1", r"(?>ab)",
        ] {
            let (re, fb) = JavaRegex::compile(p, false).unwrap();
            assert!(fb.is_some(), "{p}");
            assert!(matches!(re, JavaRegex::Onig(_)));
        }
        let (re, _) = JavaRegex::compile(r"(a)(?!c)", false).unwrap();
        assert_eq!(re.group_count(), 1);
        assert_eq!(re.find_groups("ac ab").unwrap()[1], Some("a"));
    }

    #[test]
    fn optional_groups() {
        let (re, _) =
            JavaRegex::compile(r"(Firefox)/(\d+)\.(\d+)(pre|[ab]\d+[a-z]*|)", false).unwrap();
        let g = re.find_groups("Firefox/72.0").unwrap();
        assert_eq!(g[4], Some(""));
        let (re, _) = JavaRegex::compile(r"(a)(?:(b)|)", false).unwrap();
        assert_eq!(re.find_groups("a").unwrap()[2], None);
    }
}
