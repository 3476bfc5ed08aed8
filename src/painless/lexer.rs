//! Tokenizer for Painless source.
//!
//! Hand-written rather than generated: whether `/` starts a regex literal depends on the previous
//! token (Painless's lexer does the same with a semantic predicate, `SlashStrategy`).

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Ident(String),
    Int(String, u32),  // digits (without prefix) and radix; suffix handled by `IntL`
    IntL(String, u32), // long literal
    Float(String),     // float literal (f suffix)
    Double(String),    // double literal
    Str(String),       // decoded string literal
    Regex(String, String), // pattern, flags
    True,
    False,
    Null,
    Punct(&'static str),
    Eof,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

const PUNCTS: &[&str] = &[
    ">>>=", "===", "!==", "==~", ">>>", "<<=", ">>=", "?.", "?:", "::", "->", "==", "!=", "<=",
    ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "<<", ">>", "=~",
    "{", "}", "[", "]", "(", ")", ".", ",", ";", "?", ":", "=", "<", ">", "!", "~", "+", "-", "*",
    "/", "%", "&", "^", "|",
];

/// A lexing failure: offset and message (Painless reports these as compile errors).
#[derive(Debug)]
pub struct LexError {
    pub offset: usize,
    pub message: String,
}

fn slash_is_regex(prev: Option<&Tok>) -> bool {
    match prev {
        None => true,
        Some(t) => match t {
            Tok::Ident(k) => matches!(k.as_str(), "return" | "throw" | "in" | "else" | "do"),
            Tok::Int(..)
            | Tok::IntL(..)
            | Tok::Float(_)
            | Tok::Double(_)
            | Tok::Str(_)
            | Tok::Regex(..)
            | Tok::True
            | Tok::False
            | Tok::Null => false,
            Tok::Punct(p) => !matches!(*p, ")" | "]" | "}" | "++" | "--"),
            Tok::Eof => false,
        },
    }
}

pub fn tokenize(src: &str) -> Result<Vec<Token>, LexError> {
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut out: Vec<Token> = Vec::new();
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(
            out.last(),
            Some(Token {
                tok: Tok::Punct("." | "?."),
                ..
            })
        ) {
            // PainlessLexer's AFTER_DOT mode: only a list index or a name (keywords included)
            // may follow a dot, with nothing in between, so `x.0.1` is two indexes, not the
            // decimal `0.1`, and `m.true` reads key "true".
            let token = after_dot(src, i)?;
            i = token.end;
            out.push(token);
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && i + 1 < bytes.len() && bytes[i + 1] == b'/' {
            while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && i + 1 < bytes.len() && bytes[i + 1] == b'*' {
            let start = i;
            i += 2;
            loop {
                if i + 1 >= bytes.len() {
                    return Err(LexError {
                        offset: start,
                        message: "unterminated comment".into(),
                    });
                }
                if bytes[i] == b'*' && bytes[i + 1] == b'/' {
                    i += 2;
                    break;
                }
                i += 1;
            }
            continue;
        }
        let start = i;
        if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$')
            {
                i += 1;
            }
            let word = &src[start..i];
            let tok = match word {
                "true" => Tok::True,
                "false" => Tok::False,
                "null" => Tok::Null,
                _ => Tok::Ident(word.to_string()),
            };
            out.push(Token { tok, start, end: i });
            continue;
        }
        if c.is_ascii_digit() {
            let (tok, end) = lex_number(src, i)?;
            out.push(Token { tok, start, end });
            i = end;
            continue;
        }
        if c == b'"' || c == b'\'' {
            let quote = c;
            i += 1;
            let mut s = String::new();
            loop {
                if i >= bytes.len() {
                    return Err(LexError {
                        offset: start,
                        message: "unterminated string".into(),
                    });
                }
                let b = bytes[i];
                if b == quote {
                    i += 1;
                    break;
                }
                if b == b'\\' {
                    // Painless only knows the quote and backslash escapes.
                    match bytes.get(i + 1) {
                        Some(&n) if n == quote || n == b'\\' => {
                            s.push(n as char);
                            i += 2;
                            continue;
                        }
                        _ => {
                            return Err(LexError {
                                offset: i,
                                message: format!(
                                    "unexpected character [{}].",
                                    src[start..].chars().take(i - start + 2).collect::<String>()
                                ),
                            })
                        }
                    }
                }
                let ch = src[i..].chars().next().unwrap_or('\0');
                s.push(ch);
                i += ch.len_utf8();
            }
            out.push(Token {
                tok: Tok::Str(s),
                start,
                end: i,
            });
            continue;
        }
        if c == b'/' && slash_is_regex(out.last().map(|t| &t.tok)) {
            i += 1;
            let mut pat = String::new();
            loop {
                if i >= bytes.len() || bytes[i] == b'\n' {
                    return Err(LexError {
                        offset: start,
                        message: "unterminated regex".into(),
                    });
                }
                let b = bytes[i];
                if b == b'\\' && i + 1 < bytes.len() && bytes[i + 1] == b'/' {
                    pat.push('/');
                    i += 2;
                    continue;
                }
                if b == b'/' {
                    i += 1;
                    break;
                }
                let ch = src[i..].chars().next().unwrap_or('\0');
                pat.push(ch);
                i += ch.len_utf8();
                if ch == '\\' && i < bytes.len() {
                    let ch2 = src[i..].chars().next().unwrap_or('\0');
                    pat.push(ch2);
                    i += ch2.len_utf8();
                }
            }
            let fstart = i;
            while i < bytes.len() && b"cilmsUux".contains(&bytes[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Regex(pat, src[fstart..i].to_string()),
                start,
                end: i,
            });
            continue;
        }
        let rest = &src[i..];
        match PUNCTS.iter().find(|p| rest.starts_with(**p)) {
            Some(p) => {
                i += p.len();
                out.push(Token {
                    tok: Tok::Punct(p),
                    start,
                    end: i,
                });
            }
            None => {
                let ch = rest.chars().next().unwrap_or('\0');
                return Err(LexError {
                    offset: start,
                    message: format!("unexpected character [{ch}]."),
                });
            }
        }
    }
    out.push(Token {
        tok: Tok::Eof,
        start: src.len(),
        end: src.len(),
    });
    Ok(out)
}

/// The token after `.` or `?.`: `DOTINTEGER` (`0` or digits without a leading zero) or `DOTID`.
fn after_dot(src: &str, start: usize) -> Result<Token, LexError> {
    let b = src.as_bytes();
    let mut end = start;
    let tok = match b[start] {
        b'0' => {
            end += 1;
            Tok::Int("0".into(), 10)
        }
        b'1'..=b'9' => {
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            Tok::Int(src[start..end].to_string(), 10)
        }
        c if c.is_ascii_alphabetic() || c == b'_' => {
            while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
                end += 1;
            }
            Tok::Ident(src[start..end].to_string())
        }
        _ => {
            let ch = src[start..].chars().next().unwrap_or('\0');
            return Err(LexError {
                offset: start,
                message: format!("unexpected character [{ch}]."),
            });
        }
    };
    Ok(Token { tok, start, end })
}

fn lex_number(src: &str, start: usize) -> Result<(Tok, usize), LexError> {
    let b = src.as_bytes();
    let mut i = start;
    if b[i] == b'0' && i + 1 < b.len() && (b[i + 1] == b'x' || b[i + 1] == b'X') {
        i += 2;
        let ds = i;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            i += 1;
        }
        let digits = src[ds..i].to_string();
        if i < b.len() && (b[i] == b'l' || b[i] == b'L') {
            return Ok((Tok::IntL(digits, 16), i + 1));
        }
        return Ok((Tok::Int(digits, 16), i));
    }
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut is_float = false;
    if i < b.len() && b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
        is_float = true;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            is_float = true;
            i = j;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    let text = src[start..i].to_string();
    if i < b.len() {
        match b[i] {
            b'f' | b'F' => return Ok((Tok::Float(text), i + 1)),
            b'd' | b'D' => return Ok((Tok::Double(text), i + 1)),
            b'l' | b'L' if !is_float => {
                let (digits, radix) = octal(&text);
                return Ok((Tok::IntL(digits, radix), i + 1));
            }
            _ => {}
        }
    }
    if is_float {
        return Ok((Tok::Double(text), i));
    }
    let (digits, radix) = octal(&text);
    Ok((Tok::Int(digits, radix), i))
}

fn octal(text: &str) -> (String, u32) {
    if text.len() > 1 && text.starts_with('0') {
        (text[1..].to_string(), 8)
    } else {
        (text.to_string(), 10)
    }
}
