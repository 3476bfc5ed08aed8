//! Prepares an expanded grok expression for Oniguruma: renames its named groups and gives `\w`, `\d`, `\s`
//! (and their negations) Joni's ASCII meaning.
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

pub fn rename_groups(regex: &str) -> Result<Renamed, String> {
    let b = regex.as_bytes();
    let mut out = String::with_capacity(regex.len() + 16);
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
                            out.push_str(&regex[i..start]);
                            out.push_str(&synthetic_name(id));
                            out.push_str(level);
                            out.push(close);
                            i = start + off + 1;
                            continue;
                        }
                    }
                }
                i = copy_escape(regex, i, false, &mut out);
            }
            b'[' => {
                i = copy_class(regex, i, &mut out);
            }
            b'(' => {
                if b[i..].starts_with(b"(?#") {
                    // Comment group: runs to the first ')'.
                    let end = regex[i..]
                        .find(')')
                        .map(|off| i + off + 1)
                        .unwrap_or(b.len());
                    out.push_str(&regex[i..end]);
                    i = end;
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
                        check_group_name(name)?;
                        let id = id_of(name, &mut names);
                        out.push_str(&regex[i..start]);
                        out.push_str(&synthetic_name(id));
                        out.push(close);
                        i = start + off + 1;
                        continue;
                    }
                }
                out.push('(');
                i += 1;
            }
            b'{' => {
                check_interval(&regex[i..])?;
                out.push('{');
                i += 1;
            }
            _ => {
                let len = utf8_len(b[i]);
                out.push_str(&regex[i..i + len]);
                i += len;
            }
        }
    }
    Ok(Renamed { regex: out, names })
}

/// Joni's checks on a group name, which Oniguruma would not see once names are synthetic: any characters
/// are accepted except an empty name or a leading digit or sign.
fn check_group_name(name: &str) -> Result<(), String> {
    match name.bytes().next() {
        None => Err("group name is empty".to_string()),
        Some(b'0'..=b'9' | b'-' | b'+') => Err(format!("invalid group name <{name}>")),
        Some(_) => Ok(()),
    }
}

/// Joni rejects `{n,m}` with m < n; Oniguruma accepts it.
fn check_interval(s: &str) -> Result<(), String> {
    let Some(close) = s.find('}') else {
        return Ok(());
    };
    let inner = &s[1..close];
    if let Some((lo, hi)) = inner.split_once(',') {
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
        if digits(lo) && digits(hi) {
            if let (Ok(lo), Ok(hi)) = (lo.parse::<u64>(), hi.parse::<u64>()) {
                if hi < lo {
                    return Err("upper is smaller than lower in repeat range".to_string());
                }
            }
        }
    }
    Ok(())
}

/// Joni (Ruby syntax, as Elasticsearch compiles) takes `\w`, `\d` and `\s` as ASCII classes while Oniguruma
/// makes them Unicode; `\b`, POSIX brackets and `\p{..}` are Unicode in both. The ASCII meaning is spelled out.
fn ascii_shorthand(c: u8, in_class: bool) -> Option<&'static str> {
    Some(match (c, in_class) {
        // (?-i:..) keeps case folding from letting `ſ` or the Kelvin sign into the ASCII class, as in Joni.
        (b'w', false) => "(?-i:[a-zA-Z0-9_])",
        (b'w', true) => "a-zA-Z0-9_",
        (b'W', false) => "(?-i:[^a-zA-Z0-9_])",
        (b'W', true) => "[^a-zA-Z0-9_]",
        (b'd', false) => "[0-9]",
        (b'd', true) => "0-9",
        (b'D', _) => "[^0-9]",
        (b's', false) => r"[\t\n\x0B\f\r ]",
        (b's', true) => r"\t\n\x0B\f\r ",
        (b'S', _) => r"[^\t\n\x0B\f\r ]",
        _ => return None,
    })
}

/// Copies the escape at `i` (`regex[i] == '\\'`), translating ASCII shorthands; returns the next index.
fn copy_escape(regex: &str, i: usize, in_class: bool, out: &mut String) -> usize {
    let b = regex.as_bytes();
    if i + 1 >= b.len() {
        out.push('\\');
        return b.len();
    }
    if let Some(rep) = ascii_shorthand(b[i + 1], in_class) {
        out.push_str(rep);
        return i + 2;
    }
    let end = i + 1 + utf8_len(b[i + 1]);
    out.push_str(&regex[i..end]);
    end
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

/// Copies the character class starting at `start` (`regex[start] == '['`) and returns the index past it,
/// following Oniguruma's rules: a `]` right after `[` or `[^` is literal, classes nest, escapes are skipped
/// (and ASCII shorthands translated).
fn copy_class(regex: &str, start: usize, out: &mut String) -> usize {
    let b = regex.as_bytes();
    out.push('[');
    let mut i = start + 1;
    let mut depth = 1;
    let mut at_class_start = true;
    while i < b.len() {
        let c = b[i];
        if at_class_start && c == b'^' {
            out.push('^');
            i += 1;
            at_class_start = false;
            // A ']' right after '[^' is literal too.
            if i < b.len() && b[i] == b']' {
                out.push(']');
                i += 1;
            }
            continue;
        }
        if at_class_start && c == b']' {
            out.push(']');
            i += 1;
            at_class_start = false;
            continue;
        }
        at_class_start = false;
        match c {
            b'\\' => {
                i = copy_escape(regex, i, true, out);
                continue;
            }
            b'[' => {
                depth += 1;
                at_class_start = true;
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    out.push(']');
                    return i + 1;
                }
            }
            _ => {}
        }
        let len = utf8_len(c);
        out.push_str(&regex[i..i + len]);
        i += len;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_named_groups_and_backrefs() {
        let r = rename_groups(
            r"(?<WORD:a.b>x+)[(?<x>](?<=y)(?<!z)(?'c'q)\k<WORD:a.b>\\(?<WORD:a.b>\.)",
        )
        .unwrap();
        assert_eq!(
            r.regex,
            r"(?<g0>x+)[(?<x>](?<=y)(?<!z)(?'g1'q)\k<g0>\\(?<g0>\.)"
        );
        assert_eq!(r.names, vec!["WORD:a.b".to_string(), "c".to_string()]);
    }

    #[test]
    fn classes_with_posix_brackets_and_literal_close() {
        let r = rename_groups(r"(/[[[:alnum:]]_%!$@:.,+~-]*)+[]a](?<n>x)[^]](?<m>y)").unwrap();
        assert_eq!(
            r.regex,
            r"(/[[[:alnum:]]_%!$@:.,+~-]*)+[]a](?<g0>x)[^]](?<g1>y)"
        );
    }

    #[test]
    fn joni_group_name_and_interval_checks() {
        assert_eq!(
            rename_groups("(?<>x)").err().unwrap(),
            "group name is empty"
        );
        assert_eq!(
            rename_groups("(?<1a>x)").err().unwrap(),
            "invalid group name <1a>"
        );
        assert_eq!(
            rename_groups("(?<-a>x)").err().unwrap(),
            "invalid group name <-a>"
        );
        assert!(rename_groups("(?<a b!>x)").is_ok());
        assert_eq!(
            rename_groups("a{2,1}").err().unwrap(),
            "upper is smaller than lower in repeat range"
        );
        assert!(rename_groups("a{1,2}b{,3}c{2,}[{3,1}]").is_ok());
    }

    #[test]
    fn ascii_shorthands_like_joni() {
        let r = rename_groups(r"\w\W\d\D\s\S\b\\w[\w\d\s%-][^\w][\W]é\p{Alpha}").unwrap();
        assert_eq!(
            r.regex,
            r"(?-i:[a-zA-Z0-9_])(?-i:[^a-zA-Z0-9_])[0-9][^0-9][\t\n\x0B\f\r ][^\t\n\x0B\f\r ]\b\\w[a-zA-Z0-9_0-9\t\n\x0B\f\r %-][^a-zA-Z0-9_][[^a-zA-Z0-9_]]é\p{Alpha}"
        );
    }
}
