//! `java.util.StringTokenizer`, as allowlisted for Painless: the legacy splitter some integration
//! scripts still use (`new StringTokenizer(ip, '.')`). Positions are code points; Java counts
//! UTF-16 units, which gives the same tokens because a delimiter is never half a surrogate pair.

use super::super::error::Thrown;
use super::super::interp::R;
use super::super::rt::V;
use super::{arg_str, not_found, Obj};
use std::cell::RefCell;

/// `StringTokenizer(String)`'s delimiters.
const DEFAULT_DELIMITERS: &str = " \t\n\r\u{c}";

pub struct StringTokenizer {
    text: Vec<char>,
    /// `None`: constructed with a null delimiter string; using it throws, as in Java.
    delimiters: Option<Vec<char>>,
    return_delimiters: bool,
    position: usize,
    /// Where `hasMoreTokens` found the next token, reused by `nextToken` unless the delimiters
    /// changed in between.
    next_start: Option<usize>,
    delimiters_changed: bool,
}

/// `new StringTokenizer(str)`, `(str, delim)`, `(str, delim, returnDelims)`.
pub fn new(args: &[V]) -> R<V> {
    let (text, delimiters, return_delimiters) = match args {
        [text] => (text, Some(DEFAULT_DELIMITERS.chars().collect()), false),
        [text, delim] => (text, delimiters(delim)?, false),
        [text, delim, V::Bool(r)] => (text, delimiters(delim)?, *r),
        [_, _, other] => {
            return Err(Thrown::cce(format!(
                "Cannot cast from [{}] to [boolean].",
                super::super::rt::short_type_name(other)
            )))
        }
        _ => {
            return Err(Thrown::iae(format!(
                "constructor [StringTokenizer/{}] not found (not implemented or not allowlisted)",
                args.len()
            )))
        }
    };
    Ok(V::obj(Obj::StringTokenizer(RefCell::new(
        StringTokenizer {
            text: arg_str(text)?.chars().collect(),
            delimiters,
            return_delimiters,
            position: 0,
            next_start: None,
            delimiters_changed: false,
        },
    ))))
}

fn delimiters(v: &V) -> R<Option<Vec<char>>> {
    Ok(match v {
        V::Null => None,
        other => Some(arg_str(other)?.chars().collect()),
    })
}

pub fn call(recv: &V, cell: &RefCell<StringTokenizer>, name: &str, args: Vec<V>) -> R<V> {
    let mut t = cell.borrow_mut();
    match (name, args.as_slice()) {
        ("hasMoreTokens" | "hasMoreElements", []) => {
            let start = t.skip_delimiters(t.position)?;
            t.next_start = Some(start);
            Ok(V::Bool(start < t.text.len()))
        }
        ("nextToken" | "nextElement", []) => t.next_token(),
        ("nextToken", [delim]) => {
            t.delimiters = delimiters(delim)?;
            t.delimiters_changed = true;
            t.next_token()
        }
        ("countTokens", []) => {
            let mut count = 0;
            let mut at = t.position;
            loop {
                at = t.skip_delimiters(at)?;
                if at >= t.text.len() {
                    break;
                }
                at = t.scan_token(at)?;
                count += 1;
            }
            Ok(V::Int(count))
        }
        _ => Err(not_found(recv, name, args.len())),
    }
}

impl StringTokenizer {
    fn delimiters(&self) -> R<&[char]> {
        self.delimiters.as_deref().ok_or_else(|| Thrown::npe(None))
    }

    fn is_delimiter(&self, c: char) -> R<bool> {
        Ok(self.delimiters()?.contains(&c))
    }

    fn skip_delimiters(&self, mut at: usize) -> R<usize> {
        self.delimiters()?;
        while !self.return_delimiters && at < self.text.len() && self.is_delimiter(self.text[at])? {
            at += 1;
        }
        Ok(at)
    }

    fn scan_token(&self, start: usize) -> R<usize> {
        let mut at = start;
        while at < self.text.len() && !self.is_delimiter(self.text[at])? {
            at += 1;
        }
        // with returnDelims a delimiter is a token of its own
        if self.return_delimiters
            && at == start
            && at < self.text.len()
            && self.is_delimiter(self.text[at])?
        {
            at += 1;
        }
        Ok(at)
    }

    fn next_token(&mut self) -> R<V> {
        let start = match (self.next_start, self.delimiters_changed) {
            (Some(start), false) => start,
            _ => self.skip_delimiters(self.position)?,
        };
        self.delimiters_changed = false;
        self.next_start = None;
        if start >= self.text.len() {
            self.position = start;
            return Err(Thrown::bare("NoSuchElementException"));
        }
        let end = self.scan_token(start)?;
        self.position = end;
        Ok(V::string(self.text[start..end].iter().collect()))
    }
}

#[cfg(test)]
mod tests {
    use crate::painless::run_for_cli;
    use serde_json::{json, Value as J};

    fn run(src: &str) -> J {
        let got = run_for_cli(src, None, None);
        got.get("value").cloned().unwrap_or(got)
    }

    fn tokens(ctor_args: &str) -> J {
        run(&format!(
            "StringTokenizer t = new StringTokenizer({ctor_args}); List out = []; \
             while (t.hasMoreTokens()) {{ out.add(t.nextToken()) }} return out"
        ))
    }

    #[test]
    fn splits_like_java() {
        assert_eq!(tokens("'10.1.2.3', '.'"), json!(["10", "1", "2", "3"]));
        assert_eq!(tokens("'  a b\tc\n'"), json!(["a", "b", "c"]));
        assert_eq!(tokens("'a,,b,', ','"), json!(["a", "b"]));
        assert_eq!(tokens("'a,,b', ',', true"), json!(["a", ",", ",", "b"]));
        assert_eq!(tokens("'k=v;x=y', '=;'"), json!(["k", "v", "x", "y"]));
        assert_eq!(tokens("'', ','"), json!([]));
        assert_eq!(tokens("'héllo wörld'"), json!(["héllo", "wörld"]));
    }

    #[test]
    fn counts_and_changes_delimiters() {
        assert_eq!(
            run("def t = new StringTokenizer('a b c'); int n = t.countTokens(); t.nextToken(); return [n, t.countTokens()]"),
            json!([3, 2])
        );
        // nextToken(delim) switches the delimiters for this and later tokens
        assert_eq!(
            run("def t = new StringTokenizer('a b=c d'); return [t.nextToken(), t.nextToken('='), t.nextToken()]"),
            json!(["a", " b", "c d"])
        );
        assert_eq!(
            run("def t = new StringTokenizer('x'); t.nextToken(); try { t.nextToken(); return 'no' } catch (NoSuchElementException e) { return 'none left' }"),
            json!("none left")
        );
        assert_eq!(
            run("def t = new StringTokenizer('a', null); try { t.hasMoreTokens(); return 'no' } catch (NullPointerException e) { return 'npe' }"),
            json!("npe")
        );
        assert_eq!(
            run("return new StringTokenizer('a') instanceof StringTokenizer"),
            json!(true)
        );
    }
}
