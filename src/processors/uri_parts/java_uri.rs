//! The parts of `java.net.URI` (RFC 2396 with Java's deviations) and of the `java.net.URL` fallback
//! that ES `UriPartsProcessor` reads. Positions are UTF-16-free: every delimiter is ASCII, so byte
//! offsets select the same substrings Java's char indexes would.

/// What the getters return (`URI.getHost()`, `getPath()`, … or the `URL` equivalents).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    pub scheme: Option<String>,
    pub host: Option<String>,
    pub port: i32,
    pub user_info: Option<String>,
    pub path: Option<String>,
    pub query: Option<String>,
    pub fragment: Option<String>,
}

const MARK: &str = "-_.!~*'()";
const RESERVED: &str = ";/?:@&=+$,[]";

fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic()
}
fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}
fn is_unreserved(c: char) -> bool {
    is_alnum(c) || MARK.contains(c)
}

#[derive(Clone, Copy)]
enum Class {
    Uric,
    Path,
    UserInfo,
    RegName,
    Server,
    ServerPercent,
    Scheme,
    Digit,
    ScopeId,
}

impl Class {
    fn matches(self, c: char) -> bool {
        match self {
            Class::Uric => RESERVED.contains(c) || is_unreserved(c),
            Class::Path => is_unreserved(c) || ":@&=+$,;/".contains(c),
            Class::UserInfo => is_unreserved(c) || ";:&=+$,".contains(c),
            Class::RegName => is_unreserved(c) || "$,;:@&=+".contains(c),
            Class::Server => Class::UserInfo.matches(c) || is_alnum(c) || "-.:@[]".contains(c),
            Class::ServerPercent => Class::Server.matches(c) || c == '%',
            Class::Scheme => is_alnum(c) || "+-.".contains(c),
            Class::Digit => c.is_ascii_digit(),
            Class::ScopeId => is_alnum(c) || "_.".contains(c),
        }
    }
    /// Classes that include `escaped` (and so Java's "other" characters).
    fn escaped(self) -> bool {
        matches!(
            self,
            Class::Uric
                | Class::Path
                | Class::UserInfo
                | Class::RegName
                | Class::Server
                | Class::ServerPercent
        )
    }
}

struct Fail;

struct Parser<'a> {
    s: &'a str,
    parts: Parts,
    authority: Option<String>,
}

/// `Character.isSpaceChar` / `isISOControl` for the "other" characters URI accepts unescaped.
fn is_other(c: char) -> bool {
    (c as u32) > 128
        && !c.is_control()
        && !matches!(
            c,
            '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        )
}

impl Parser<'_> {
    fn at(&self, p: usize, c: char) -> bool {
        self.s[p..].starts_with(c)
    }

    fn char_at(&self, p: usize) -> Option<char> {
        self.s.get(p..).and_then(|r| r.chars().next())
    }

    /// `scan(start, n, lowMask, highMask)`, with escape pairs where the class allows them.
    fn scan_class(&self, start: usize, n: usize, class: Class) -> Result<usize, Fail> {
        let mut p = start;
        while p < n {
            let Some(c) = self.char_at(p) else { break };
            if class.matches(c) {
                p += c.len_utf8();
                continue;
            }
            if class.escaped() {
                if c == '%' {
                    let b = self.s.as_bytes();
                    if p + 3 <= n && b[p + 1].is_ascii_hexdigit() && b[p + 2].is_ascii_hexdigit() {
                        p += 3;
                        continue;
                    }
                    return Err(Fail); // Malformed escape pair
                } else if is_other(c) {
                    p += c.len_utf8();
                    continue;
                }
            }
            break;
        }
        Ok(p)
    }

    fn check(&self, start: usize, end: usize, class: Class) -> Result<(), Fail> {
        if self.scan_class(start, end, class)? < end {
            return Err(Fail);
        }
        Ok(())
    }

    /// `scan(start, end, err, stop)`: index of the first stop char, or None when an err char comes first.
    fn scan_stop(&self, start: usize, end: usize, err: &str, stop: &str) -> Option<usize> {
        for (i, c) in self.s[start..end].char_indices() {
            if err.contains(c) {
                return None;
            }
            if stop.contains(c) {
                return Some(start + i);
            }
        }
        Some(end)
    }

    fn parse(&mut self) -> Result<(), Fail> {
        let n = self.s.len();
        let mut p;
        match self.scan_stop(0, n, "/?#", ":") {
            Some(q) if self.at(q, ':') && q < n => {
                if q == 0 {
                    return Err(Fail);
                }
                let first = self.char_at(0).unwrap_or(' ');
                if !is_alpha(first) {
                    return Err(Fail);
                }
                self.check(1, q, Class::Scheme)?;
                self.parts.scheme = Some(self.s[..q].to_string());
                p = q + 1;
                if self.at(p, '/') {
                    p = self.hierarchical(p, n)?;
                } else {
                    let q = self.s[p..].find('#').map(|i| p + i).unwrap_or(n);
                    if q <= p {
                        return Err(Fail);
                    }
                    self.check(p, q, Class::Uric)?;
                    p = q;
                }
            }
            _ => p = self.hierarchical(0, n)?,
        }
        if self.at(p, '#') {
            self.check(p + 1, n, Class::Uric)?;
            self.parts.fragment = Some(self.s[p + 1..].to_string());
            p = n;
        }
        if p < n {
            return Err(Fail);
        }
        Ok(())
    }

    fn hierarchical(&mut self, start: usize, n: usize) -> Result<usize, Fail> {
        let mut p = start;
        if self.s[p..].starts_with("//") {
            p += 2;
            let q = self.s[p..]
                .find(['/', '?', '#'])
                .map(|i| p + i)
                .unwrap_or(n);
            if q > p {
                p = self.authority(p, q)?;
            } else if q >= n {
                return Err(Fail);
            }
        }
        let q = self.s[p..].find(['?', '#']).map(|i| p + i).unwrap_or(n);
        self.check(p, q, Class::Path)?;
        self.parts.path = Some(self.s[p..q].to_string());
        p = q;
        if self.at(p, '?') {
            p += 1;
            let q = self.s[p..].find('#').map(|i| p + i).unwrap_or(n);
            self.check(p, q, Class::Uric)?;
            self.parts.query = Some(self.s[p..q].to_string());
            p = q;
        }
        Ok(p)
    }

    fn authority(&mut self, p: usize, n: usize) -> Result<usize, Fail> {
        let bracket = self.s[p..n].find(']').map(|i| p + i).unwrap_or(n) > p;
        let server_class = if bracket {
            Class::ServerPercent
        } else {
            Class::Server
        };
        let server_chars = self.scan_class(p, n, server_class)? == n;
        let reg_chars = self.scan_class(p, n, Class::RegName)? == n;
        if reg_chars && !server_chars {
            self.authority = Some(self.s[p..n].to_string());
            return Ok(n);
        }
        let mut q = p;
        if server_chars {
            match self.server(p, n) {
                Ok(end) if end >= n => {
                    q = n;
                    self.authority = Some(self.s[p..n].to_string());
                }
                _ => {
                    // undo the failed server-based parse
                    self.parts.user_info = None;
                    self.parts.host = None;
                    self.parts.port = -1;
                }
            }
        }
        if q < n {
            if reg_chars {
                self.authority = Some(self.s[p..n].to_string());
            } else {
                return Err(Fail);
            }
        }
        Ok(n)
    }

    fn server(&mut self, start: usize, n: usize) -> Result<usize, Fail> {
        let mut p = start;
        if let Some(q) = self.scan_stop(p, n, "/?#", "@") {
            if self.at(q, '@') && q < n {
                self.check(p, q, Class::UserInfo)?;
                self.parts.user_info = Some(self.s[p..q].to_string());
                p = q + 1;
            }
        }
        if self.at(p, '[') {
            p += 1;
            match self.scan_stop(p, n, "/?#", "]") {
                Some(q) if q > p && self.at(q, ']') && q < n => {
                    let inner = &self.s[p..q];
                    let (addr, scope) = match inner.find('%') {
                        Some(r) if r > 0 => (&inner[..r], Some(&inner[r + 1..])),
                        _ => (inner, None),
                    };
                    if addr.parse::<std::net::Ipv6Addr>().is_err() {
                        return Err(Fail);
                    }
                    if let Some(scope) = scope {
                        if scope.is_empty() || !scope.chars().all(|c| Class::ScopeId.matches(c)) {
                            return Err(Fail);
                        }
                    }
                    self.parts.host = Some(self.s[p - 1..q + 1].to_string());
                    p = q + 1;
                }
                _ => return Err(Fail),
            }
        } else {
            let q = match self.ipv4(p, n) {
                Some(q) if q > p => q,
                _ => self.hostname(p, n)?,
            };
            if q > p && self.parts.host.is_none() {
                self.parts.host = Some(self.s[p..q].to_string());
            }
            p = q;
        }
        if self.at(p, ':') {
            p += 1;
            let q = self.scan_class(p, n, Class::Digit)?;
            if q > p {
                self.parts.port = self.s[p..q].parse::<i32>().map_err(|_| Fail)?;
                p = q;
            }
        }
        if p < n {
            return Err(Fail);
        }
        Ok(p)
    }

    fn scan_byte(&self, p: usize, m: usize) -> usize {
        let q = self.s[p..m]
            .find(|c: char| !c.is_ascii_digit())
            .map(|i| p + i)
            .unwrap_or(m);
        if q <= p {
            return q;
        }
        match self.s[p..q].parse::<i64>() {
            Ok(v) if v <= 255 => q,
            _ => p,
        }
    }

    /// `parseIPv4Address`: the end of a dotted quad, or None.
    fn ipv4(&mut self, start: usize, n: usize) -> Option<usize> {
        let m = self.s[start..n]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|i| start + i)
            .unwrap_or(n);
        if m <= start {
            return None;
        }
        let mut p = start;
        for i in 0..4 {
            let q = self.scan_byte(p, m);
            if q <= p {
                return None;
            }
            p = q;
            if i < 3 {
                if !self.at(p, '.') || p >= m {
                    return None;
                }
                p += 1;
            }
        }
        if p < m {
            return None;
        }
        if p < n && !self.at(p, ':') {
            return None;
        }
        Some(p)
    }

    fn hostname(&mut self, start: usize, n: usize) -> Result<usize, Fail> {
        let mut p = start;
        let mut last: Option<usize> = None;
        let b = self.s.as_bytes();
        loop {
            let mut q = p;
            while q < n && b[q].is_ascii_alphanumeric() {
                q += 1;
            }
            if q <= p {
                break;
            }
            last = Some(p);
            p = q;
            while q < n && (b[q].is_ascii_alphanumeric() || b[q] == b'-') {
                q += 1;
            }
            if q > p {
                if b[q - 1] == b'-' {
                    return Err(Fail);
                }
                p = q;
            }
            if p < n && b[p] == b'.' {
                p += 1;
            } else {
                break;
            }
            if p >= n {
                break;
            }
        }
        if p < n && b[p] != b':' {
            return Err(Fail);
        }
        let Some(l) = last else { return Err(Fail) };
        if l > start && !b[l].is_ascii_alphabetic() {
            return Err(Fail);
        }
        self.parts.host = Some(self.s[start..p].to_string());
        Ok(p)
    }
}

/// `URI.decode`: `%XX` runs become UTF-8 bytes, decoded with replacement.
fn decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let mut out = String::new();
    let b = s.as_bytes();
    let mut i = 0;
    let mut pending: Vec<u8> = Vec::new();
    while i < b.len() {
        if b[i] == b'%' && i + 3 <= b.len() {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                pending.push(v);
                i += 3;
                continue;
            }
        }
        if !pending.is_empty() {
            out.push_str(&crate::java::utf8_to_string_lossy(&pending));
            pending.clear();
        }
        let c = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        i += c.len_utf8();
    }
    if !pending.is_empty() {
        out.push_str(&crate::java::utf8_to_string_lossy(&pending));
    }
    out
}

/// `new URI(s)` and its decoded getters, or None on `URISyntaxException`.
pub fn parse_uri(s: &str) -> Option<Parts> {
    let mut p = Parser {
        s,
        parts: Parts {
            port: -1,
            ..Parts::default()
        },
        authority: None,
    };
    p.parse().ok()?;
    let mut parts = p.parts;
    parts.user_info = parts.user_info.map(|u| decode(&u));
    parts.path = parts.path.map(|u| decode(&u));
    parts.query = parts.query.map(|u| decode(&u));
    parts.fragment = parts.fragment.map(|u| decode(&u));
    Some(parts)
}

/// `URL.isValidProtocol`.
fn valid_protocol(p: &str) -> bool {
    let mut chars = p.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// `new URL(spec)` with the JDK's built-in handlers (`URLStreamHandler.parseURL`), or None on
/// `MalformedURLException`.
pub fn parse_url(spec: &str) -> Option<Parts> {
    let chars_le_space = |c: char| c <= ' ';
    let trimmed_end = spec.trim_end_matches(chars_le_space);
    let mut start = trimmed_end.len() - trimmed_end.trim_start_matches(chars_le_space).len();
    let mut limit = trimmed_end.len();
    if spec.len() >= start + 4
        && spec[start..]
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("url:"))
    {
        start += 4;
    }
    if spec[start..].starts_with('#') {
        return None;
    }
    let mut protocol = None;
    for (i, c) in spec[start..limit].char_indices() {
        if c == '/' {
            break;
        }
        if c == ':' {
            let candidate = spec[start..start + i].to_lowercase();
            if valid_protocol(&candidate) {
                protocol = Some(candidate);
                start += i + 1;
            }
            break;
        }
    }
    let protocol = protocol?;
    if !matches!(
        protocol.as_str(),
        "http" | "https" | "ftp" | "file" | "mailto" | "jar" | "jrt" | "jmod"
    ) {
        return None;
    }
    let mut parts = Parts {
        scheme: Some(protocol.clone()),
        port: -1,
        ..Parts::default()
    };
    if let Some(i) = spec[start..].find('#').map(|i| start + i) {
        parts.fragment = Some(spec[i + 1..limit.max(i + 1)].to_string());
        limit = i;
    }
    if protocol == "mailto" {
        // the mailto handler: the address must not be blank, the query follows the last `?`,
        // and the fragment is dropped (it sets the URL without one)
        let file = &spec[start..limit];
        if file.chars().all(crate::java::is_whitespace) {
            return None;
        }
        parts.host = Some(String::new());
        parts.fragment = None;
        match file.rfind('?') {
            Some(q) => {
                parts.path = Some(file[..q].to_string());
                parts.query = Some(file[q + 1..].to_string());
            }
            None => parts.path = Some(file.to_string()),
        }
        return Some(parts);
    }
    if protocol == "jar" && !spec[start..limit].contains("!/") {
        return None;
    }
    let mut work = &spec[..limit];
    let query_start = work.find('?');
    if let Some(qs) = query_start {
        if qs < limit {
            parts.query = Some(spec[qs + 1..limit].to_string());
            limit = qs;
            work = &spec[..qs];
        }
    }
    let mut host: Option<String> = None;
    let mut authority: Option<String> = None;
    let mut path: Option<String> = None;
    let w = work.as_bytes();
    let unc = start + 4 <= limit && &w[start..start + 4] == b"////";
    if !unc && start + 2 <= limit && &w[start..start + 2] == b"//" {
        start += 2;
        let i = match work[start..].find('/').map(|i| start + i) {
            Some(i) if i <= limit => i,
            _ => match work[start..].find('?').map(|i| start + i) {
                Some(i) if i <= limit => i,
                _ => limit,
            },
        };
        let auth = work[start..i].to_string();
        let mut h = Some(auth.clone());
        if let Some(at) = auth.find('@') {
            if Some(at) != auth.rfind('@') {
                h = None;
            } else {
                parts.user_info = Some(auth[..at].to_string());
                h = Some(auth[at + 1..].to_string());
            }
        }
        match h {
            Some(mut hs) => {
                if hs.starts_with('[') {
                    let ind = hs.find(']').filter(|&i| i > 2)?;
                    let rest = hs[ind + 1..].to_string();
                    hs = hs[..ind + 1].to_string();
                    // `IPAddressUtil.isIPv6LiteralAddress`: a `%scope` may follow, not empty
                    let literal = &hs[1..ind];
                    let address = match literal.find('%') {
                        Some(pc) if pc + 1 == literal.len() => return None,
                        Some(pc) => &literal[..pc],
                        None => literal,
                    };
                    address.parse::<std::net::Ipv6Addr>().ok()?;
                    if !rest.is_empty() {
                        let port = rest.strip_prefix(':')?;
                        if !port.is_empty() {
                            parts.port = java_parse_int(port)?;
                        }
                    }
                } else if let Some(ind) = hs.find(':') {
                    if hs.len() > ind + 1 {
                        parts.port = java_parse_int(&hs[ind + 1..])?;
                    }
                    hs.truncate(ind);
                }
                host = Some(hs);
            }
            None => host = Some(String::new()),
        }
        if parts.port < -1 {
            return None;
        }
        start = i;
        if !auth.is_empty() {
            path = Some(String::new());
        }
        authority = Some(auth);
    }
    if start < limit {
        if w[start] == b'/' {
            path = Some(work[start..limit].to_string());
        } else {
            let sep = if authority.is_some() { "/" } else { "" };
            path = Some(format!("{sep}{}", &work[start..limit]));
        }
    }
    parts.host = Some(host.unwrap_or_default());
    parts.path = Some(path.unwrap_or_default());
    Some(parts)
}

fn java_parse_int(s: &str) -> Option<i32> {
    crate::java::parse_int(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_hosts() {
        assert_eq!(parse_uri("http://my_host.com/x").unwrap().host, None);
        assert_eq!(parse_uri("http://1.2.3/x").unwrap().host, None);
        assert_eq!(
            parse_uri("http://1.2.3.4:80/x").unwrap().host.as_deref(),
            Some("1.2.3.4")
        );
        assert_eq!(
            parse_uri("http://a-b.c/x").unwrap().host.as_deref(),
            Some("a-b.c")
        );
        assert_eq!(parse_uri("http://[::1]:9/").unwrap().port, 9);
        assert!(parse_uri("http://a b/").is_none());
        assert!(parse_uri("http://x/%zz").is_none());
        assert_eq!(
            parse_uri("http://x/a%20b").unwrap().path.as_deref(),
            Some("/a b")
        );
        assert_eq!(
            parse_uri("http://x/caf%C3%A9").unwrap().path.as_deref(),
            Some("/café")
        );
        let m = parse_uri("mailto:a@b.c").unwrap();
        assert_eq!(
            (m.scheme.as_deref(), m.host, m.path),
            (Some("mailto"), None, None)
        );
        assert!(parse_uri("not:\\/_a_valid_uri").is_none());
        assert!(parse_url("not:\\/_a_valid_uri").is_none());
    }

    #[test]
    fn url_fallback() {
        let u = parse_url("http://www.google.com/path with spaces").unwrap();
        assert_eq!(u.host.as_deref(), Some("www.google.com"));
        assert_eq!(u.path.as_deref(), Some("/path with spaces"));
        let u = parse_url("https://u:p@h:8080/a b/../c?q=1#f").unwrap();
        assert_eq!(u.path.as_deref(), Some("/a b/../c"));
        assert_eq!(u.port, 8080);
        assert_eq!(u.query.as_deref(), Some("q=1"));
        assert_eq!(u.fragment.as_deref(), Some("f"));
        assert_eq!(u.user_info.as_deref(), Some("u:p"));
        assert!(parse_url("foo://x y").is_none());
        assert!(parse_url("http://h:xx/").is_none());
    }
}

#[cfg(test)]
mod oracle {
    use super::{parse_uri, parse_url, Parts};

    const INPUTS: &[&str] = &[
        "http://www.google.com",
        "http://www.google.com:88/google.png",
        "https://user:pw@testing.google.com:8080/foo/bar?foo1=bar1&foo2=bar2#anchorVal",
        "ftp://ftp.is.co.za/rfc/rfc1808.txt",
        "telnet://192.0.2.16:80/",
        "ldap://[2001:db8::7]/c=GB?objectClass?one",
        "http://www.google.com/path with spaces",
        "https://user:pw@testing.google.com:8080/foo with space/bar?foo1=bar1&foo2=bar2#anchorVal",
        "not:\\/_a_valid_uri",
        "mailto:John.Doe@example.com",
        "news:comp.infosystems.www.servers.unix",
        "tel:+1-816-555-1212",
        "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
        "foo/bar.txt",
        "/a/b.c/d",
        "",
        "#frag",
        "?q=1",
        "http://my_host.example.com/x",
        "http://1.2.3/x",
        "http://1.2.3.4.5/x",
        "http://256.1.1.1/x",
        "http://01.02.03.004:8/x",
        "http://a-.b.com/",
        "http://-a.b.com/",
        "http://a.b-c.com./x",
        "http://a.1com/",
        "http://host:/x",
        "http://host:99999999999/x",
        "http://host:80a/x",
        "http://[::1]:9/",
        "http://[::1%eth0]/",
        "http://[fe80::1%25eth0]/",
        "http://[zz::1]/",
        "http://u@h@x.com/",
        "http://u:p:q@x.com/a",
        "http://x.com/a%20b/c%C3%A9.txt?q=%41%zz#%42",
        "http://x.com/a%2",
        "http://x.com/caf\u{e9}?\u{e9}=1#\u{e9}",
        "http://x.com/a|b",
        "http://x.com/a^b",
        "http://x.com/a\"b",
        "http://x.com/a<b>",
        "http://x.com/a{b}",
        "http://x.com/a`b",
        "http://x.com/a\\b",
        "http://x.com/a#b#c",
        "http://x.com/./a/../b/./c",
        "http://x y.com/",
        "HTTP://X.COM/A",
        "hTtP://x.com/",
        "1http://x.com/",
        "ht_tp://x.com/",
        "http:",
        "http:/",
        "http://",
        "http:///x",
        "http:x",
        "file:///etc/hosts",
        "file:/C:/x y.txt",
        "http://x.com:80?q",
        "http://x.com?q=1/2",
        "http://x.com#f?g",
        "  http://x.com/  ",
        "url:http://x.com/a b",
        "jar:file:/x.jar!/a b",
        "http://[::1]x/ y",
        "http://x.com/a b?c d#e f",
        "https://user:p w@x.com/",
        "//host/path",
        "//host",
        "///x",
        "a:b:c",
        ":x",
        "x:",
        "http://h.com/%",
        "http://h.com/\u{a0}",
        "http://\u{e9}x.com/",
        "http://x.com/a\tb",
        // URL fallback paths keep their `.` and `..` segments (`URLStreamHandler.parseURL`
        // removes them only from a path resolved against a context URL)
        "http://example.com/a/../b c",
        "https://h/static/../../etc/passwd|id",
        "http://h/a/./b c",
        "http://h/./x y",
        "mailto:a@b.c?subject=hi there#frag",
        "mailto:a b?x?y z#f",
        "mailto: #x",
        "http://[fe80::1%]/a b",
        "http://[fe80::1%eth0]/a b",
    ];

    fn show(kind: &str, p: &Parts) -> String {
        let s = |v: &Option<String>| v.clone().unwrap_or_else(|| "<null>".into());
        [
            kind.to_string(),
            s(&p.scheme),
            s(&p.host),
            p.port.to_string(),
            s(&p.user_info),
            s(&p.path),
            s(&p.query),
            s(&p.fragment),
        ]
        .join("\t")
    }

    #[test]
    fn matches_java_net_uri_and_url() {
        let inputs: Vec<&str> = INPUTS
            .iter()
            .copied()
            .filter(|i| !i.contains('\t'))
            .collect();
        let Some(out) =
            crate::processors::java_oracle::run("UriParts", &(inputs.join("\n") + "\n"))
        else {
            return;
        };
        assert_eq!(out.lines().count(), inputs.len());
        let mut failures = Vec::new();
        for (input, expected) in inputs.iter().zip(out.lines()) {
            let ours = match parse_uri(input) {
                Some(p) => show("URI", &p),
                None => match parse_url(input) {
                    Some(p) => show("URL", &p),
                    None => "ERR".into(),
                },
            };
            if ours != expected {
                failures.push(format!("{input:?}\n  java: {expected}\n  ours: {ours}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
