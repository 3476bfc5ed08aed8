//! `registered_domain` (ES `RegisteredDomainProcessor` over Apache httpclient 4.5's
//! `PublicSuffixMatcher`), with the public suffix list compiled in (data/publicsuffix/).

use super::field_access::{get_string, StrField};
use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

const LIST: &str = include_str!("../../data/publicsuffix/public_suffix_list.dat");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DomainType {
    Icann,
    Private,
}

struct Matcher {
    rules: HashMap<String, DomainType>,
    exceptions: HashMap<String, DomainType>,
}

/// httpclient `PublicSuffixListParser.parseByType`: rules of the ICANN and PRIVATE sections, each
/// line read up to its first whitespace, `!` marking exceptions.
fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut m = Matcher {
            rules: HashMap::new(),
            exceptions: HashMap::new(),
        };
        let mut kind: Option<DomainType> = None;
        for line in LIST.lines() {
            if line.starts_with("//") {
                if kind.is_none() {
                    if line.contains("===BEGIN ICANN DOMAINS===") {
                        kind = Some(DomainType::Icann);
                    } else if line.contains("===BEGIN PRIVATE DOMAINS===") {
                        kind = Some(DomainType::Private);
                    }
                } else if line.contains("===END ICANN DOMAINS===")
                    || line.contains("===END PRIVATE DOMAINS===")
                {
                    kind = None;
                }
                continue;
            }
            let rule = line.split(char::is_whitespace).next().unwrap_or("");
            let (Some(k), false) = (kind, rule.is_empty()) else {
                continue;
            };
            let rule = rule.strip_prefix('.').unwrap_or(rule);
            match rule.strip_prefix('!') {
                Some(exception) => m.exceptions.insert(exception.to_string(), k),
                None => m.rules.insert(rule.to_string(), k),
            };
        }
        m
    })
}

/// `java.net.IDN.toUnicode` for the labels that are punycode (`xn--`); others pass unchanged.
fn idn_to_unicode(domain: &str) -> String {
    domain
        .split('.')
        .map(|label| {
            let ace = label
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("xn--"));
            if ace && label.len() > 4 {
                punycode_decode(&label[4..]).unwrap_or_else(|| label.to_string())
            } else {
                label.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// RFC 3492 decoding.
fn punycode_decode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    let adapt = |mut delta: u32, numpoints: u32, first: bool| {
        delta = if first { delta / DAMP } else { delta / 2 };
        delta += delta / numpoints;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + SKEW)
    };
    let (basic, rest) = match input.rfind('-') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut chars = rest.bytes().peekable();
    while chars.peek().is_some() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let c = chars.next()?;
            let digit = match c {
                b'a'..=b'z' => c - b'a',
                b'A'..=b'Z' => c - b'A',
                b'0'..=b'9' => c - b'0' + 26,
                _ => return None,
            } as u32;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = output.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        output.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

/// httpclient 4.5 `PublicSuffixMatcher.getDomainRoot(domain, null)`. A matching PRIVATE rule makes
/// the matched segment itself the root.
fn domain_root(domain: &str) -> Option<String> {
    if domain.starts_with('.') {
        return None;
    }
    let m = matcher();
    // DnsUtils.normalize lowercases ASCII only
    let mut segment: Option<String> = Some(domain.to_ascii_lowercase());
    let mut result: Option<String> = None;
    while let Some(seg) = segment {
        let key = idn_to_unicode(&seg);
        if m.exceptions.contains_key(&key) {
            return Some(seg);
        }
        if let Some(t) = m.rules.get(&key) {
            return if *t == DomainType::Private {
                Some(seg)
            } else {
                result
            };
        }
        let next = seg.find('.').map(|i| seg[i + 1..].to_string());
        if let Some(next) = &next {
            if let Some(t) = m.rules.get(&format!("*.{}", idn_to_unicode(next))) {
                return if *t == DomainType::Private {
                    Some(seg)
                } else {
                    result
                };
            }
        }
        result = Some(seg);
        segment = next;
    }
    // an unknown TLD counts as a public suffix
    result
}

/// `PublicSuffixMatcher.matches(domain)`: the domain is itself a public suffix.
fn is_public_suffix(domain: &str) -> bool {
    domain_root(domain.strip_prefix('.').unwrap_or(domain)).is_none()
}

/// ES `RegisteredDomainProcessor.DomainInfo`.
#[derive(Debug, Default, PartialEq)]
pub struct DomainInfo {
    pub domain: Option<String>,
    pub registered_domain: Option<String>,
    pub top_level_domain: Option<String>,
    pub subdomain: Option<String>,
}

/// ES `RegisteredDomainProcessor.getRegisteredDomain` for one name; None when nothing can be said.
pub fn domain_info(name: &str) -> Option<DomainInfo> {
    let Some(registered) = domain_root(name) else {
        if is_public_suffix(name) {
            return Some(DomainInfo {
                domain: Some(name.to_string()),
                top_level_domain: Some(name.to_string()),
                ..DomainInfo::default()
            });
        }
        return None;
    };
    // a root without a dot: no matching public suffix
    let dot = registered.find('.')?;
    let index = dot + 1;
    if index >= registered.len() {
        return Some(DomainInfo::default());
    }
    let subdomain = name
        .rfind(&format!(".{registered}"))
        .filter(|&i| i > 0)
        .map(|i| name[..i].to_string());
    Some(DomainInfo {
        domain: Some(name.to_string()),
        top_level_domain: Some(registered[index..].to_string()),
        registered_domain: Some(registered),
        subdomain,
    })
}

pub struct RegisteredDomain {
    field: FieldPath,
    targets: [Result<FieldPath, String>; 4],
    ignore_missing: bool,
}

impl RegisteredDomain {
    pub fn from_config(cfg: &mut Config) -> Result<RegisteredDomain, ConfigError> {
        let field = cfg.required_path("field")?;
        let target = cfg.string_or("target_field", "")?;
        let ignore_missing = cfg.bool("ignore_missing", true)?;
        let prefix = if target.is_empty() {
            String::new()
        } else {
            format!("{target}.")
        };
        let path = |name: &str| FieldPath::parse(&format!("{prefix}{name}"));
        Ok(RegisteredDomain {
            field,
            targets: [
                path("domain"),
                path("registered_domain"),
                path("top_level_domain"),
                path("subdomain"),
            ],
            ignore_missing,
        })
    }
}

impl Processor for RegisteredDomain {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let info = match get_string(doc, &self.field, self.ignore_missing)? {
            StrField::Str(s) => domain_info(s),
            StrField::Missing | StrField::Null => None,
        };
        let Some(info) = info else {
            if self.ignore_missing {
                return Ok(Flow::Continue);
            }
            return Err(ProcessorError::illegal_argument(
                "unable to set domain information for document",
            ));
        };
        let values = [
            info.domain,
            info.registered_domain,
            info.top_level_domain,
            info.subdomain,
        ];
        for (target, value) in self.targets.iter().zip(values) {
            if let Some(v) = value {
                let path = target
                    .as_ref()
                    .map_err(|e| ProcessorError::illegal_argument(e.clone()))?;
                doc.set(path, Value::String(v))
                    .map_err(ProcessorError::illegal_argument)?;
            }
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use super::{domain_info, punycode_decode, DomainInfo};
    use crate::processors::test_support::*;
    use serde_json::json;

    fn info(
        d: Option<&str>,
        r: Option<&str>,
        t: Option<&str>,
        s: Option<&str>,
    ) -> Option<DomainInfo> {
        let o = |v: Option<&str>| v.map(str::to_string);
        Some(DomainInfo {
            domain: o(d),
            registered_domain: o(r),
            top_level_domain: o(t),
            subdomain: o(s),
        })
    }

    // Cases from ES RegisteredDomainProcessorTests.
    #[test]
    fn es_cases() {
        assert_eq!(
            domain_info("www.google.com"),
            info(
                Some("www.google.com"),
                Some("google.com"),
                Some("com"),
                Some("www")
            )
        );
        assert_eq!(
            domain_info("google.com"),
            info(Some("google.com"), Some("google.com"), Some("com"), None)
        );
        assert_eq!(domain_info(""), None);
        assert_eq!(domain_info("."), None);
        assert_eq!(domain_info("$"), None);
        assert_eq!(domain_info("foo.bar.baz"), None);
        assert_eq!(
            domain_info("www.books.amazon.co.uk"),
            info(
                Some("www.books.amazon.co.uk"),
                Some("amazon.co.uk"),
                Some("co.uk"),
                Some("www.books")
            )
        );
        assert_eq!(
            domain_info("com"),
            info(Some("com"), None, Some("com"), None)
        );
        assert_eq!(
            domain_info("googleapis.com"),
            info(
                Some("googleapis.com"),
                Some("googleapis.com"),
                Some("com"),
                None
            )
        );
        assert_eq!(
            domain_info("content-autofill.googleapis.com"),
            info(
                Some("content-autofill.googleapis.com"),
                Some("googleapis.com"),
                Some("com"),
                Some("content-autofill")
            )
        );
        assert_eq!(
            domain_info("global.ssl.fastly.net"),
            info(
                Some("global.ssl.fastly.net"),
                Some("global.ssl.fastly.net"),
                Some("ssl.fastly.net"),
                None
            )
        );
        assert_eq!(
            domain_info("1.www.global.ssl.fastly.net"),
            info(
                Some("1.www.global.ssl.fastly.net"),
                Some("global.ssl.fastly.net"),
                Some("ssl.fastly.net"),
                Some("1.www")
            )
        );
        assert_eq!(
            domain_info("www.google.co.uk"),
            info(
                Some("www.google.co.uk"),
                Some("google.co.uk"),
                Some("co.uk"),
                Some("www")
            )
        );
    }

    #[test]
    fn idn_and_case() {
        assert_eq!(punycode_decode("fiqs8s").as_deref(), Some("中国"));
        // punycode labels are looked up in Unicode and reported as written
        assert_eq!(
            domain_info("www.example.xn--fiqs8s"),
            info(
                Some("www.example.xn--fiqs8s"),
                Some("example.xn--fiqs8s"),
                Some("xn--fiqs8s"),
                Some("www")
            )
        );
        assert_eq!(
            domain_info("www.example.中国"),
            info(
                Some("www.example.中国"),
                Some("example.中国"),
                Some("中国"),
                Some("www")
            )
        );
        // the root is lowercased, the subdomain search runs on the original text
        assert_eq!(
            domain_info("WWW.Google.COM"),
            info(
                Some("WWW.Google.COM"),
                Some("google.com"),
                Some("com"),
                None
            )
        );
    }

    #[test]
    fn processor() {
        let d = run(
            "registered_domain",
            json!({"field": "d", "target_field": "url"}),
            r#"{"d":"www.google.co.uk"}"#,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("url").unwrap().to_serde(),
            json!({"domain": "www.google.co.uk", "registered_domain": "google.co.uk",
                   "top_level_domain": "co.uk", "subdomain": "www"})
        );
        let d = run(
            "registered_domain",
            json!({"field": "d"}),
            r#"{"d":"www.google.co.uk"}"#,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("registered_domain")
                .unwrap()
                .to_java_string(),
            "google.co.uk"
        );
        assert_eq!(
            d.get_str_path("domain").unwrap().to_java_string(),
            "www.google.co.uk"
        );
        // ignore_missing defaults to true
        let d = run(
            "registered_domain",
            json!({"field": "d"}),
            r#"{"d":"foo.bar.baz"}"#,
        )
        .unwrap();
        assert_eq!(source_json(&d), r#"{"d":"foo.bar.baz"}"#);
        assert!(run("registered_domain", json!({"field": "d"}), "{}").is_ok());
        let e = run(
            "registered_domain",
            json!({"field": "d", "ignore_missing": false}),
            r#"{"d":"$"}"#,
        )
        .unwrap_err();
        assert_eq!(e.reason, "unable to set domain information for document");
        let e = run(
            "registered_domain",
            json!({"field": "d", "ignore_missing": false}),
            "{}",
        )
        .unwrap_err();
        assert_eq!(e.reason, "field [d] not present as part of path [d]");
    }
}
