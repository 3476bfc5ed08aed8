//! Renames the named groups of an expanded grok expression.
//!
//! Elasticsearch names each `%{NAME:field}` group `NAME:field` and lets Joni accept it; Oniguruma only takes
//! word characters in group names. Every distinct name is therefore replaced by a synthetic one (`g0`, `g1`,
//! ...), keeping equal names equal so that Oniguruma groups them under one name exactly as Joni's name table
//! does. Back-references and subexpression calls by name (`\k<name>`, `\g<name>`) are renamed too.

use std::collections::HashMap;

pub struct Renamed {
    /// The regex with synthetic group names.
    pub regex: String,
    /// Original names, indexed by the number in the synthetic name, in order of first appearance (which is
    /// the insertion order of Joni's name table, and so the order of `Grok.captureConfig()`).
    pub names: Vec<String>,
}

pub fn synthetic_name(index: usize) -> String {
    format!("g{index}")
}

pub fn rename_groups(regex: &str) -> Renamed {
    let b = regex.as_bytes();
    let mut out = String::with_capacity(regex.len());
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut id_of = |name: &str, names: &mut Vec<String>| -> usize {
        if let Some(&i) = index.get(name) {
            return i;
        }
        let i = names.len();
        names.push(name.to_string());
        index.insert(name.to_string(), i);
        i
    };
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                // \k<name> \k'name' \g<name> \g'name' (not numeric / relative references)
                if i + 2 < b.len()
                    && (b[i + 1] == b'k' || b[i + 1] == b'g')
                    && (b[i + 2] == b'<' || b[i + 2] == b'\'')
                {
                    let close = if b[i + 2] == b'<' { '>' } else { '\'' };
                    let start = i + 3;
                    if let Some(off) = regex[start..].find(close) {
                        let name = &regex[start..start + off];
                        let first = name.as_bytes().first().copied();
                        let numeric = matches!(first, Some(b'0'..=b'9' | b'-' | b'+'));
                        if !name.is_empty() && !numeric {
                            // Level suffix of \k<name+1> / \k<name-1> stays as is.
                            let (base, level) = split_level(name);
                            let id = id_of(base, &mut names);
                            out.push_str(&regex[copied..start]);
                            out.push_str(&synthetic_name(id));
                            out.push_str(level);
                            copied = start + off;
                            i = start + off + 1;
                            continue;
                        }
                    }
                }
                // Skip the escaped character (whole UTF-8 sequence).
                i += 1;
                if i < b.len() {
                    i += utf8_len(b[i]);
                }
            }
            b'[' => {
                i = skip_class(b, i);
            }
            b'(' => {
                if b[i..].starts_with(b"(?#") {
                    // Comment group: runs to the first ')'.
                    match regex[i..].find(')') {
                        Some(off) => i += off + 1,
                        None => i = b.len(),
                    }
                    continue;
                }
                let named = if b[i..].starts_with(b"(?<")
                    && i + 3 < b.len()
                    && b[i + 3] != b'='
                    && b[i + 3] != b'!'
                {
                    Some('>')
                } else if b[i..].starts_with(b"(?'") {
                    Some('\'')
                } else {
                    None
                };
                if let Some(close) = named {
                    let start = i + 3;
                    if let Some(off) = regex[start..].find(close) {
                        let name = &regex[start..start + off];
                        let id = id_of(name, &mut names);
                        out.push_str(&regex[copied..start]);
                        out.push_str(&synthetic_name(id));
                        copied = start + off;
                        i = start + off + 1;
                        continue;
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out.push_str(&regex[copied..]);
    Renamed { regex: out, names }
}

fn split_level(name: &str) -> (&str, &str) {
    match name.rfind(['+', '-']) {
        Some(p)
            if p > 0 && name[p + 1..].bytes().all(|c| c.is_ascii_digit()) && p + 1 < name.len() =>
        {
            (&name[..p], &name[p..])
        }
        _ => (name, ""),
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Returns the index just past the character class starting at `start` (`b[start] == b'['`), following
/// Oniguruma's rules: a `]` right after `[` or `[^` is literal, classes nest, escapes are skipped.
fn skip_class(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut depth = 1;
    let mut at_class_start = true;
    while i < b.len() {
        let c = b[i];
        if at_class_start && c == b'^' {
            i += 1;
            at_class_start = false;
            // A ']' right after '[^' is literal too.
            if i < b.len() && b[i] == b']' {
                i += 1;
            }
            continue;
        }
        if at_class_start && c == b']' {
            i += 1;
            at_class_start = false;
            continue;
        }
        at_class_start = false;
        match c {
            b'\\' => {
                i += 1;
                if i < b.len() {
                    i += utf8_len(b[i]);
                }
                continue;
            }
            b'[' => {
                depth += 1;
                at_class_start = true;
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_named_groups_and_backrefs() {
        let r = rename_groups(
            r"(?<WORD:a.b>\w+)[(?<x>](?<=y)(?<!z)(?'c'q)\k<WORD:a.b>\\(?<WORD:a.b>\d)",
        );
        assert_eq!(
            r.regex,
            r"(?<g0>\w+)[(?<x>](?<=y)(?<!z)(?'g1'q)\k<g0>\\(?<g0>\d)"
        );
        assert_eq!(r.names, vec!["WORD:a.b".to_string(), "c".to_string()]);
    }

    #[test]
    fn classes_with_posix_brackets_and_literal_close() {
        let r = rename_groups(r"(/[[[:alnum:]]_%!$@:.,+~-]*)+[]a](?<n>x)[^]](?<m>y)");
        assert_eq!(
            r.regex,
            r"(/[[[:alnum:]]_%!$@:.,+~-]*)+[]a](?<g0>x)[^]](?<g1>y)"
        );
    }
}
