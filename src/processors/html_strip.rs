//! `html_strip` (ES `HtmlStripProcessor`), which runs Lucene's `HTMLStripCharFilter`.
//!
//! Text without both `<` and `>` is returned unchanged (ES's shortcut, so entities stay encoded).
//! Otherwise this is a hand-written replay of the filter's JFlex lexer: start and end tags of the
//! inline elements (`b`, `span`, `img` …) disappear, every other tag becomes `"\n"`, `<br>` too;
//! `<script>`/`<style>` elements become one `"\n"`; comments, `<!…>` declarations and `<?…?>`
//! processing instructions disappear; CDATA content is kept; named (HTML 4) and numeric character
//! references are decoded when followed by `;` (or at the end of the input). Whatever the lexer
//! cannot match is copied through literally, as Lucene does. Rule choice follows JFlex: the
//! longest match wins, ties go to the earlier rule. `tests/html_strip_oracle.rs` compares this with
//! Lucene itself on 20,000 generated inputs. Known simplification: `Name` uses the XID_Start /
//! XID_Continue properties for Unicode `ID_Start`/`ID_Continue`, and `\s` is Rust's Unicode
//! `White_Space`.

use super::string_processor::StringProcessor;
use crate::pipeline::{Config, ConfigError};
use crate::value::Value;

pub fn from_config(cfg: &mut Config) -> Result<StringProcessor, ConfigError> {
    StringProcessor::from_config(cfg, |s: &str| Ok(Value::String(html_strip(s))))
}

/// `HtmlStripProcessor.process`.
pub fn html_strip(value: &str) -> String {
    if !value.contains('<') || !value.contains('>') {
        return value.to_string();
    }
    let chars: Vec<char> = value.chars().collect();
    let mut lexer = Lexer {
        c: &chars,
        out: String::with_capacity(value.len()),
    };
    let mut i = 0;
    while i < chars.len() {
        i = match chars[i] {
            '&' => lexer.ampersand(i),
            '<' => lexer.angle(i),
            ch => {
                lexer.out.push(ch);
                i + 1
            }
        };
    }
    lexer.out
}

const INLINE_ELEMENTS: [&str; 31] = [
    "a", "b", "i", "q", "s", "u", "abbr", "acronym", "basefont", "bdo", "big", "cite", "code",
    "dfn", "em", "font", "img", "input", "kbd", "label", "samp", "select", "small", "span",
    "strike", "strong", "sub", "sup", "textarea", "tt", "var",
];

struct Lexer<'a> {
    c: &'a [char],
    out: String,
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// `Name = [:_\p{ID_Start}] [-.:_\p{ID_Continue}]*` (XID properties, which differ from ID ones
/// only for a handful of compatibility characters).
fn is_name_start(c: char) -> bool {
    c == ':' || c == '_' || unicode_ident::is_xid_start(c)
}

fn is_name_char(c: char) -> bool {
    matches!(c, '-' | '.' | ':' | '_') || unicode_ident::is_xid_continue(c)
}

impl Lexer<'_> {
    fn n(&self) -> usize {
        self.c.len()
    }

    fn at(&self, i: usize) -> Option<char> {
        self.c.get(i).copied()
    }

    fn starts_with(&self, i: usize, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, ch)| self.at(i + k) == Some(ch))
    }

    fn starts_with_ignore_case(&self, i: usize, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, ch)| self.at(i + k).is_some_and(|x| x.eq_ignore_ascii_case(&ch)))
    }

    fn literal(&mut self, from: usize, to: usize) -> usize {
        self.out.extend(&self.c[from..to]);
        to
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_space) {
            i += 1;
        }
        i
    }

    /// Length of the `Name` at `i`, if one starts there.
    fn name_len(&self, i: usize) -> Option<usize> {
        if !self.at(i).is_some_and(is_name_start) {
            return None;
        }
        let mut k = i + 1;
        while self.at(k).is_some_and(is_name_char) {
            k += 1;
        }
        Some(k - i)
    }

    // ---- character references ----

    fn ampersand(&mut self, i: usize) -> usize {
        let j = i + 1;
        if self.at(j) == Some('#') {
            return self.numeric(i, j);
        }
        // longest entity name
        let best = ENTITIES
            .iter()
            .filter(|(name, _)| self.starts_with(j, name))
            .max_by_key(|(name, _)| name.len());
        match best {
            Some((name, value)) => {
                let k = j + name.chars().count();
                self.reference_tail(i, k, &value.to_string())
            }
            None => self.literal(i, j),
        }
    }

    /// `CHARACTER_REFERENCE_TAIL`: a `;` (or the end of input) completes the reference.
    fn reference_tail(&mut self, start: usize, k: usize, value: &str) -> usize {
        if k == self.n() {
            self.out.push_str(value);
            return k;
        }
        if self.at(k) == Some(';') {
            self.out.push_str(value);
            return k + 1;
        }
        self.literal(start, k)
    }

    fn numeric(&mut self, i: usize, hash: usize) -> usize {
        if let Some((ch, end)) = self.surrogate_pair(hash) {
            self.out.push(ch);
            return end;
        }
        let p = hash + 1;
        let (digits_start, radix) = match self.at(p) {
            Some('x') | Some('X') if self.at(p + 1).is_some_and(|c| c.is_ascii_hexdigit()) => {
                (p + 1, 16)
            }
            Some(c) if c.is_ascii_digit() => (p, 10),
            _ => return self.literal(i, p),
        };
        let mut k = digits_start;
        while self.at(k).is_some_and(|c| c.is_digit(radix)) {
            k += 1;
        }
        let max_len = if radix == 16 { 6 } else { 7 };
        if k - p > max_len {
            return self.literal(i, k);
        }
        let digits: String = self.c[digits_start..k].iter().collect();
        let code = u32::from_str_radix(&digits, radix).unwrap_or(u32::MAX);
        if code > 0x10FFFF {
            return self.literal(i, k);
        }
        let ch = char::from_u32(code).unwrap_or('\u{FFFD}');
        self.reference_tail(i, k, &ch.to_string())
    }

    /// The surrogate-pair rules: `&#xD83D;&#xDE00;` (hex or decimal halves) → one character.
    fn surrogate_pair(&self, hash: usize) -> Option<(char, usize)> {
        let half = |k: usize, high: bool| -> Option<(u32, usize)> {
            if matches!(self.at(k), Some('x') | Some('X')) {
                let hex: String = self.c.get(k + 1..k + 5)?.iter().collect();
                if hex.len() != 4 || !hex.starts_with(['d', 'D']) {
                    return None;
                }
                let v = u32::from_str_radix(&hex, 16).ok()?;
                let ok = if high {
                    (0xD800..0xDC00).contains(&v)
                } else {
                    (0xDC00..0xE000).contains(&v)
                };
                ok.then_some((v, k + 5))
            } else {
                let dec: String = self.c.get(k..k + 5)?.iter().collect();
                if !dec.chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                let second = dec.as_bytes()[1];
                let pattern_ok = dec.starts_with('5')
                    && if high {
                        matches!(second, b'5' | b'6')
                    } else {
                        matches!(second, b'6' | b'7')
                    };
                let v: u32 = dec.parse().ok()?;
                let in_range = if high {
                    (0xD800..0xDC00).contains(&v)
                } else {
                    (0xDC00..0xE000).contains(&v)
                };
                (pattern_ok && in_range).then_some((v, k + 5))
            }
        };
        let (hi, k) = half(hash + 1, true)?;
        if !self.starts_with(k, ";&#") {
            return None;
        }
        let (lo, k) = half(k + 3, false)?;
        if self.at(k) != Some(';') {
            return None;
        }
        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        Some((char::from_u32(cp)?, k + 1))
    }

    // ---- tags ----

    fn angle(&mut self, i: usize) -> usize {
        let j = i + 1;
        let n = self.n();
        if j == n {
            return self.literal(i, n);
        }
        // Candidate rules of LEFT_ANGLE_BRACKET as (length, rule); longest wins, ties to the first.
        #[derive(Clone, Copy, PartialEq)]
        enum Rule {
            Bang,
            Slash,
            Spaces,
            Pi,
            Br,
            Script,
            Style,
            Tag,
        }
        let mut candidates: Vec<(usize, Rule)> = Vec::new();
        match self.at(j) {
            Some('!') => candidates.push((1, Rule::Bang)),
            Some('/') => candidates.push((1, Rule::Slash)),
            _ => {}
        }
        let ws_end = self.skip_spaces(j);
        if ws_end > j {
            candidates.push((ws_end - j, Rule::Spaces));
        }
        if self.at(j) == Some('?') {
            if let Some(gt) = (j + 1..n).find(|&k| self.c[k] == '>') {
                if gt >= j + 2 && matches!(self.c[gt - 1], '/' | '?') {
                    candidates.push((gt + 1 - j, Rule::Pi));
                }
            }
        }
        for (word, rule) in [
            ("br", Rule::Br),
            ("script", Rule::Script),
            ("style", Rule::Style),
        ] {
            if self.starts_with_ignore_case(ws_end, word) {
                let after = ws_end + word.len();
                if let Some(len) = self.tag_tail(after) {
                    candidates.push((after + len - j, rule));
                }
            }
        }
        if let Some(len) = self.name_len(j) {
            candidates.push((len, Rule::Tag));
        }
        let mut best: Option<(usize, Rule)> = None;
        for cand in candidates {
            if best.is_none_or(|b| cand.0 > b.0) {
                best = Some(cand);
            }
        }
        let Some((len, rule)) = best else {
            return self.literal(i, j);
        };
        let end = j + len;
        match rule {
            Rule::Bang => self.bang(i, end),
            Rule::Slash => self.end_tag(i, end),
            Rule::Spaces => match self.name_len(end) {
                Some(name) => self.start_tag(i, end, name),
                None if end == n => self.literal(i, n),
                None => self.literal(i, end),
            },
            Rule::Pi => end,
            Rule::Br => {
                self.out.push('\n');
                end
            }
            Rule::Script => self.raw_text(end, "script"),
            Rule::Style => self.raw_text(end, "style"),
            Rule::Tag => self.start_tag(i, j, len),
        }
    }

    fn is_inline(&self, from: usize, len: usize) -> bool {
        let name: String = self.c[from..from + len]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        INLINE_ELEMENTS.contains(&name.as_str())
    }

    /// `START_TAG_TAIL_*` after the element name.
    fn start_tag(&mut self, i: usize, name_at: usize, name_len: usize) -> usize {
        let q = name_at + name_len;
        if q == self.n() {
            return q; // end of input inside a tag: dropped
        }
        match self.tag_tail(q) {
            Some(len) => {
                if !self.is_inline(name_at, name_len) {
                    self.out.push('\n');
                }
                q + len
            }
            None => self.literal(i, q),
        }
    }

    /// `LEFT_ANGLE_BRACKET_SLASH` and `END_TAG_TAIL_*`: `</name \s*>`.
    fn end_tag(&mut self, i: usize, p: usize) -> usize {
        let n = self.n();
        let p = self.skip_spaces(p);
        if p == n {
            return self.literal(i, n);
        }
        // `br \s* >` is longer than the name `br` when it matches
        if self.starts_with_ignore_case(p, "br") {
            let k = self.skip_spaces(p + 2);
            if self.at(k) == Some('>') {
                self.out.push('\n');
                return k + 1;
            }
        }
        let Some(len) = self.name_len(p) else {
            return self.literal(i, p);
        };
        let q = p + len;
        if q == n {
            return n;
        }
        let k = self.skip_spaces(q);
        if self.at(k) == Some('>') {
            if !self.is_inline(p, len) {
                self.out.push('\n');
            }
            return k + 1;
        }
        self.literal(i, q)
    }

    /// `BANG`: comments, CDATA sections and `<!...>` declarations.
    fn bang(&mut self, i: usize, p: usize) -> usize {
        let n = self.n();
        if self.starts_with(p, "--") {
            return self.comment(p + 2);
        }
        if self.starts_with(p, "[CDATA[") {
            let mut k = p + 7;
            while k < n {
                if self.starts_with(k, "]]>") {
                    return k + 3;
                }
                self.out.push(self.c[k]);
                k += 1;
            }
            return n;
        }
        match (p..n).find(|&k| self.c[k] == '>') {
            Some(gt) => gt + 1,
            None => self.literal(i, n),
        }
    }

    /// `COMMENT` (with server-side includes inside); an unclosed comment drops the rest.
    fn comment(&mut self, mut k: usize) -> usize {
        let n = self.n();
        while k < n {
            if self.starts_with(k, "<!--#") {
                k = self.server_side_include(k + 5);
            } else if self.starts_with(k, "-->") {
                return k + 3;
            } else {
                k += 1;
            }
        }
        n
    }

    /// `SERVER_SIDE_INCLUDE`: up to `-->`, skipping quoted strings.
    fn server_side_include(&self, mut k: usize) -> usize {
        let n = self.n();
        while k < n {
            if self.starts_with(k, "-->") {
                return k + 3;
            }
            match self.c[k] {
                '\'' | '"' => k = self.quoted_string(k),
                _ => k += 1,
            }
        }
        n
    }

    /// `SINGLE_QUOTED_STRING` / `DOUBLE_QUOTED_STRING` from the opening quote; backslash escapes.
    fn quoted_string(&self, open: usize) -> usize {
        let quote = self.c[open];
        let mut k = open + 1;
        while k < self.n() {
            match self.c[k] {
                '\\' => k += 2,
                c if c == quote => return k + 1,
                _ => k += 1,
            }
        }
        self.n()
    }

    /// `SCRIPT` / `STYLE`: everything up to the closing tag becomes one `"\n"`; unclosed, the rest
    /// of the input is dropped.
    fn raw_text(&mut self, mut k: usize, element: &str) -> usize {
        let n = self.n();
        while k < n {
            if self.starts_with(k, "<!--") {
                // SCRIPT_COMMENT / STYLE_COMMENT
                k += 4;
                loop {
                    if k >= n {
                        return n;
                    }
                    if self.starts_with(k, "<!--#") {
                        k = self.server_side_include(k + 5);
                    } else if matches!(self.c[k], '\'' | '"') {
                        k = self.quoted_string(k);
                    } else if self.starts_with(k, "-->") {
                        k += 3;
                        break;
                    } else {
                        k += 1;
                    }
                }
                continue;
            }
            if self.starts_with(k, "</") {
                let p = self.skip_spaces(k + 2);
                if self.starts_with_ignore_case(p, element) {
                    let q = self.skip_spaces(p + element.len());
                    if self.at(q) == Some('>') {
                        self.out.push('\n');
                        return q + 1;
                    }
                }
            }
            k += 1;
        }
        n
    }

    /// Longest match of the start-tag tail `( "=" \s* OTC | OTC )? \s* "/"? ">"` at `p`, where
    /// `OTC` (open tag content) is any run of characters other than `<` `>`, quoted attribute
    /// values (which may contain them) and server-side includes. Returns the length through `>`.
    /// (The script/style rules have no `"/"?`, which makes no difference: `/` is open tag content.)
    fn tag_tail(&self, p: usize) -> Option<usize> {
        let n = self.n();
        let mut reachable = vec![false; n + 1];
        reachable[p] = true;
        let mut best = None;
        for k in p..n {
            if !reachable[k] {
                continue;
            }
            let c = self.c[k];
            if c == '>' {
                best = Some(k + 1 - p);
            }
            if c != '<' && c != '>' {
                reachable[k + 1] = true;
            }
            if is_space(c) {
                for end in self.attribute_ends(k) {
                    reachable[end] = true;
                }
            }
            if self.starts_with(k, "<!--#") {
                let end = self.server_side_include(k + 5);
                if end <= n && self.c[..end].ends_with(&['-', '-', '>']) {
                    reachable[end] = true;
                }
            }
        }
        best
    }

    /// Ends of `\s+ Name \s* "=" \s* (SingleQuoted | DoubleQuoted)` starting at `k`.
    fn attribute_ends(&self, k: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        let p = self.skip_spaces(k);
        let Some(len) = self.name_len(p) else {
            return ends;
        };
        let p = self.skip_spaces(p + len);
        if self.at(p) != Some('=') {
            return ends;
        }
        let p = self.skip_spaces(p + 1);
        let Some(quote) = self.at(p).filter(|c| *c == '\'' || *c == '"') else {
            return ends;
        };
        // ( "\\" quote | [^quote]* )* quote: every quote may close; an escaped one may also not
        let mut x = p + 1;
        while x < self.n() {
            if self.c[x] == quote {
                ends.push(x + 1);
                if self.c[x - 1] != '\\' || x - 1 == p {
                    break;
                }
            }
            x += 1;
        }
        ends
    }
}

/// HTML 4 character entity names (case-sensitive, plus the upper-case variants Lucene accepts).
const ENTITIES: [(&str, char); 259] = [
    ("AElig", '\u{C6}'),
    ("Aacute", '\u{C1}'),
    ("Acirc", '\u{C2}'),
    ("Agrave", '\u{C0}'),
    ("Alpha", '\u{391}'),
    ("Aring", '\u{C5}'),
    ("Atilde", '\u{C3}'),
    ("Auml", '\u{C4}'),
    ("Beta", '\u{392}'),
    ("Ccedil", '\u{C7}'),
    ("Chi", '\u{3A7}'),
    ("Dagger", '\u{2021}'),
    ("Delta", '\u{394}'),
    ("ETH", '\u{D0}'),
    ("Eacute", '\u{C9}'),
    ("Ecirc", '\u{CA}'),
    ("Egrave", '\u{C8}'),
    ("Epsilon", '\u{395}'),
    ("Eta", '\u{397}'),
    ("Euml", '\u{CB}'),
    ("Gamma", '\u{393}'),
    ("Iacute", '\u{CD}'),
    ("Icirc", '\u{CE}'),
    ("Igrave", '\u{CC}'),
    ("Iota", '\u{399}'),
    ("Iuml", '\u{CF}'),
    ("Kappa", '\u{39A}'),
    ("Lambda", '\u{39B}'),
    ("Mu", '\u{39C}'),
    ("Ntilde", '\u{D1}'),
    ("Nu", '\u{39D}'),
    ("OElig", '\u{152}'),
    ("Oacute", '\u{D3}'),
    ("Ocirc", '\u{D4}'),
    ("Ograve", '\u{D2}'),
    ("Omega", '\u{3A9}'),
    ("Omicron", '\u{39F}'),
    ("Oslash", '\u{D8}'),
    ("Otilde", '\u{D5}'),
    ("Ouml", '\u{D6}'),
    ("Phi", '\u{3A6}'),
    ("Pi", '\u{3A0}'),
    ("Prime", '\u{2033}'),
    ("Psi", '\u{3A8}'),
    ("Rho", '\u{3A1}'),
    ("Scaron", '\u{160}'),
    ("Sigma", '\u{3A3}'),
    ("THORN", '\u{DE}'),
    ("Tau", '\u{3A4}'),
    ("Theta", '\u{398}'),
    ("Uacute", '\u{DA}'),
    ("Ucirc", '\u{DB}'),
    ("Ugrave", '\u{D9}'),
    ("Upsilon", '\u{3A5}'),
    ("Uuml", '\u{DC}'),
    ("Xi", '\u{39E}'),
    ("Yacute", '\u{DD}'),
    ("Yuml", '\u{178}'),
    ("Zeta", '\u{396}'),
    ("aacute", '\u{E1}'),
    ("acirc", '\u{E2}'),
    ("acute", '\u{B4}'),
    ("aelig", '\u{E6}'),
    ("agrave", '\u{E0}'),
    ("alefsym", '\u{2135}'),
    ("alpha", '\u{3B1}'),
    ("amp", '&'),
    ("AMP", '&'),
    ("and", '\u{2227}'),
    ("ang", '\u{2220}'),
    ("apos", '\''),
    ("aring", '\u{E5}'),
    ("asymp", '\u{2248}'),
    ("atilde", '\u{E3}'),
    ("auml", '\u{E4}'),
    ("bdquo", '\u{201E}'),
    ("beta", '\u{3B2}'),
    ("brvbar", '\u{A6}'),
    ("bull", '\u{2022}'),
    ("cap", '\u{2229}'),
    ("ccedil", '\u{E7}'),
    ("cedil", '\u{B8}'),
    ("cent", '\u{A2}'),
    ("chi", '\u{3C7}'),
    ("circ", '\u{2C6}'),
    ("clubs", '\u{2663}'),
    ("cong", '\u{2245}'),
    ("copy", '\u{A9}'),
    ("COPY", '\u{A9}'),
    ("crarr", '\u{21B5}'),
    ("cup", '\u{222A}'),
    ("curren", '\u{A4}'),
    ("dArr", '\u{21D3}'),
    ("dagger", '\u{2020}'),
    ("darr", '\u{2193}'),
    ("deg", '\u{B0}'),
    ("delta", '\u{3B4}'),
    ("diams", '\u{2666}'),
    ("divide", '\u{F7}'),
    ("eacute", '\u{E9}'),
    ("ecirc", '\u{EA}'),
    ("egrave", '\u{E8}'),
    ("empty", '\u{2205}'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", '\u{3B5}'),
    ("equiv", '\u{2261}'),
    ("eta", '\u{3B7}'),
    ("eth", '\u{F0}'),
    ("euml", '\u{EB}'),
    ("euro", '\u{20AC}'),
    ("exist", '\u{2203}'),
    ("fnof", '\u{192}'),
    ("forall", '\u{2200}'),
    ("frac12", '\u{BD}'),
    ("frac14", '\u{BC}'),
    ("frac34", '\u{BE}'),
    ("frasl", '\u{2044}'),
    ("gamma", '\u{3B3}'),
    ("ge", '\u{2265}'),
    ("gt", '>'),
    ("GT", '>'),
    ("hArr", '\u{21D4}'),
    ("harr", '\u{2194}'),
    ("hearts", '\u{2665}'),
    ("hellip", '\u{2026}'),
    ("iacute", '\u{ED}'),
    ("icirc", '\u{EE}'),
    ("iexcl", '\u{A1}'),
    ("igrave", '\u{EC}'),
    ("image", '\u{2111}'),
    ("infin", '\u{221E}'),
    ("int", '\u{222B}'),
    ("iota", '\u{3B9}'),
    ("iquest", '\u{BF}'),
    ("isin", '\u{2208}'),
    ("iuml", '\u{EF}'),
    ("kappa", '\u{3BA}'),
    ("lArr", '\u{21D0}'),
    ("lambda", '\u{3BB}'),
    ("lang", '\u{2329}'),
    ("laquo", '\u{AB}'),
    ("larr", '\u{2190}'),
    ("lceil", '\u{2308}'),
    ("ldquo", '\u{201C}'),
    ("le", '\u{2264}'),
    ("lfloor", '\u{230A}'),
    ("lowast", '\u{2217}'),
    ("loz", '\u{25CA}'),
    ("lrm", '\u{200E}'),
    ("lsaquo", '\u{2039}'),
    ("lsquo", '\u{2018}'),
    ("lt", '<'),
    ("LT", '<'),
    ("macr", '\u{AF}'),
    ("mdash", '\u{2014}'),
    ("micro", '\u{B5}'),
    ("middot", '\u{B7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{3BC}'),
    ("nabla", '\u{2207}'),
    ("nbsp", ' '),
    ("ndash", '\u{2013}'),
    ("ne", '\u{2260}'),
    ("ni", '\u{220B}'),
    ("not", '\u{AC}'),
    ("notin", '\u{2209}'),
    ("nsub", '\u{2284}'),
    ("ntilde", '\u{F1}'),
    ("nu", '\u{3BD}'),
    ("oacute", '\u{F3}'),
    ("ocirc", '\u{F4}'),
    ("oelig", '\u{153}'),
    ("ograve", '\u{F2}'),
    ("oline", '\u{203E}'),
    ("omega", '\u{3C9}'),
    ("omicron", '\u{3BF}'),
    ("oplus", '\u{2295}'),
    ("or", '\u{2228}'),
    ("ordf", '\u{AA}'),
    ("ordm", '\u{BA}'),
    ("oslash", '\u{F8}'),
    ("otilde", '\u{F5}'),
    ("otimes", '\u{2297}'),
    ("ouml", '\u{F6}'),
    ("para", '\u{B6}'),
    ("part", '\u{2202}'),
    ("permil", '\u{2030}'),
    ("perp", '\u{22A5}'),
    ("phi", '\u{3C6}'),
    ("pi", '\u{3C0}'),
    ("piv", '\u{3D6}'),
    ("plusmn", '\u{B1}'),
    ("pound", '\u{A3}'),
    ("prime", '\u{2032}'),
    ("prod", '\u{220F}'),
    ("prop", '\u{221D}'),
    ("psi", '\u{3C8}'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("rArr", '\u{21D2}'),
    ("radic", '\u{221A}'),
    ("rang", '\u{232A}'),
    ("raquo", '\u{BB}'),
    ("rarr", '\u{2192}'),
    ("rceil", '\u{2309}'),
    ("rdquo", '\u{201D}'),
    ("real", '\u{211C}'),
    ("reg", '\u{AE}'),
    ("REG", '\u{AE}'),
    ("rfloor", '\u{230B}'),
    ("rho", '\u{3C1}'),
    ("rlm", '\u{200F}'),
    ("rsaquo", '\u{203A}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201A}'),
    ("scaron", '\u{161}'),
    ("sdot", '\u{22C5}'),
    ("sect", '\u{A7}'),
    ("shy", '\u{AD}'),
    ("sigma", '\u{3C3}'),
    ("sigmaf", '\u{3C2}'),
    ("sim", '\u{223C}'),
    ("spades", '\u{2660}'),
    ("sub", '\u{2282}'),
    ("sube", '\u{2286}'),
    ("sum", '\u{2211}'),
    ("sup", '\u{2283}'),
    ("sup1", '\u{B9}'),
    ("sup2", '\u{B2}'),
    ("sup3", '\u{B3}'),
    ("supe", '\u{2287}'),
    ("szlig", '\u{DF}'),
    ("tau", '\u{3C4}'),
    ("there4", '\u{2234}'),
    ("theta", '\u{3B8}'),
    ("thetasym", '\u{3D1}'),
    ("thinsp", '\u{2009}'),
    ("thorn", '\u{FE}'),
    ("tilde", '\u{2DC}'),
    ("times", '\u{D7}'),
    ("trade", '\u{2122}'),
    ("uArr", '\u{21D1}'),
    ("uacute", '\u{FA}'),
    ("uarr", '\u{2191}'),
    ("ucirc", '\u{FB}'),
    ("ugrave", '\u{F9}'),
    ("uml", '\u{A8}'),
    ("upsih", '\u{3D2}'),
    ("upsilon", '\u{3C5}'),
    ("uuml", '\u{FC}'),
    ("weierp", '\u{2118}'),
    ("xi", '\u{3BE}'),
    ("yacute", '\u{FD}'),
    ("yen", '\u{A5}'),
    ("yuml", '\u{FF}'),
    ("zeta", '\u{3B6}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

#[cfg(test)]
mod tests {
    use super::html_strip;
    use crate::processors::test_support::*;
    use serde_json::json;

    #[test]
    fn es_documented_cases() {
        // 40_mutate.yml
        assert_eq!(
            html_strip("<p>this <title>is</title> a <b>test</b>"),
            "\nthis \nis\n a test"
        );
        // HtmlStripProcessorTests: inline tags vanish
        assert_eq!(html_strip("<p><b>test</b></p>"), "\ntest\n");
        assert_eq!(html_strip("<html>test</html>"), "\ntest\n");
    }

    #[test]
    fn shortcut_without_both_brackets() {
        assert_eq!(html_strip("a &amp; b"), "a &amp; b");
        assert_eq!(html_strip("a < b"), "a < b");
    }

    #[test]
    fn tags_and_attributes() {
        assert_eq!(html_strip("a<br>b<br/>c</br>d"), "a\nb\nc\nd");
        assert_eq!(html_strip("<span class=\"x>y\">t</span>"), "t");
        assert_eq!(html_strip("<div id='a'>t</div >"), "\nt\n");
        assert_eq!(html_strip("<a href=\"x\" onclick=\"f()\">link</a>"), "link");
        // `<` + spaces + a name is still a tag (LEFT_ANGLE_BRACKET_SPACE)
        assert_eq!(html_strip("x < y > z"), "x \n z");
        assert_eq!(html_strip("x <  > z"), "x <  > z");
        assert_eq!(html_strip("1<2 and 3>2"), "1<2 and 3>2");
        assert_eq!(html_strip("< p>x"), "\nx");
        assert_eq!(html_strip("</p foo>x"), "</p foo>x");
        assert_eq!(html_strip("<custom-tag>x"), "\nx");
    }

    #[test]
    fn comments_scripts_and_declarations() {
        assert_eq!(html_strip("a<!-- c > d -->b"), "ab");
        assert_eq!(html_strip("<!DOCTYPE html><p>x"), "\nx");
        assert_eq!(html_strip("a<?xml version='1.0'?>b"), "ab");
        assert_eq!(html_strip("a<script>if (a < b) {}</script>b"), "a\nb");
        assert_eq!(html_strip("a<style>p > b {}</style>b"), "a\nb");
        assert_eq!(html_strip("<![CDATA[<x>]]>"), "<x>");
        assert_eq!(html_strip("a<!-- unclosed > x"), "a");
    }

    #[test]
    fn character_references() {
        // Lucene decodes &nbsp; to a plain space (checked against HTMLStripCharFilter)
        assert_eq!(html_strip("<b>&lt;&amp;&gt;&nbsp;&eacute;</b>"), "<&> é");
        assert_eq!(html_strip("<b>&#65;&#x42;&#X43;</b>"), "ABC");
        assert_eq!(html_strip("<b>&#xD83D;&#xDE00;</b>"), "😀");
        assert_eq!(html_strip("<b>&#xD800;</b>"), "\u{FFFD}");
        assert_eq!(html_strip("<b>&amp x &foo; &#;</b>"), "&amp x &foo; &#;");
        assert_eq!(html_strip("<b>&notin; &notx;</b>"), "\u{2209} &notx;");
        // at the end of input a reference needs no semicolon
        assert_eq!(html_strip("<b></b>&amp"), "&");
    }

    #[test]
    fn processor() {
        let d = run(
            "html_strip",
            json!({"field": "f", "target_field": "t"}),
            r#"{"f":["<p>a</p>","b"]}"#,
        )
        .unwrap();
        assert_eq!(
            source_json(&d),
            r#"{"f":["<p>a</p>","b"],"t":["\na\n","b"]}"#
        );
    }
}
