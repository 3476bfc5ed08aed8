//! The built-in pattern banks: logstash-patterns-core v4.3.1 (`legacy/` and `ecs-v1/`), embedded at build
//! time from `data/grok/`, turned into the banks Elasticsearch loads (`GrokBuiltinPatterns`).
//!
//! The files under `data/grok/` are unmodified upstream copies (see `data/grok/PROVENANCE.md`). Elasticsearch's
//! own copies differ from upstream in a few places; those differences are applied here, at load time, so that
//! the vendored data stays byte-identical to its source and every deviation is listed in one place:
//! - `ecs-v1`: field names are written dotted (`source.address`) where upstream writes `[source][address]`.
//! - the `ES_EDITS` table below: Elasticsearch-specific pattern text, including its conversion slips.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::EcsCompatibility;

/// `(file name, contents)` in the order `GrokBuiltinPatterns.loadLegacyPatterns` reads them.
const LEGACY_FILES: &[(&str, &str)] = &[
    ("aws", include_str!("../../data/grok/legacy/aws")),
    ("bacula", include_str!("../../data/grok/legacy/bacula")),
    ("bind", include_str!("../../data/grok/legacy/bind")),
    ("bro", include_str!("../../data/grok/legacy/bro")),
    ("exim", include_str!("../../data/grok/legacy/exim")),
    (
        "firewalls",
        include_str!("../../data/grok/legacy/firewalls"),
    ),
    (
        "grok-patterns",
        include_str!("../../data/grok/legacy/grok-patterns"),
    ),
    ("haproxy", include_str!("../../data/grok/legacy/haproxy")),
    ("httpd", include_str!("../../data/grok/legacy/httpd")),
    ("java", include_str!("../../data/grok/legacy/java")),
    ("junos", include_str!("../../data/grok/legacy/junos")),
    (
        "linux-syslog",
        include_str!("../../data/grok/legacy/linux-syslog"),
    ),
    ("maven", include_str!("../../data/grok/legacy/maven")),
    (
        "mcollective-patterns",
        include_str!("../../data/grok/legacy/mcollective-patterns"),
    ),
    ("mongodb", include_str!("../../data/grok/legacy/mongodb")),
    ("nagios", include_str!("../../data/grok/legacy/nagios")),
    (
        "postgresql",
        include_str!("../../data/grok/legacy/postgresql"),
    ),
    ("rails", include_str!("../../data/grok/legacy/rails")),
    ("redis", include_str!("../../data/grok/legacy/redis")),
    ("ruby", include_str!("../../data/grok/legacy/ruby")),
    ("squid", include_str!("../../data/grok/legacy/squid")),
];

/// Files of the legacy folder that Elasticsearch does not load (kept for completeness of the vendored copy).
pub const LEGACY_UNLOADED: &[(&str, &str)] = &[(
    "mcollective",
    include_str!("../../data/grok/legacy/mcollective"),
)];

/// `(file name, contents)` in the order `GrokBuiltinPatterns.loadEcsPatterns` reads them.
const ECS_V1_FILES: &[(&str, &str)] = &[
    ("aws", include_str!("../../data/grok/ecs-v1/aws")),
    ("bacula", include_str!("../../data/grok/ecs-v1/bacula")),
    ("bind", include_str!("../../data/grok/ecs-v1/bind")),
    ("bro", include_str!("../../data/grok/ecs-v1/bro")),
    ("exim", include_str!("../../data/grok/ecs-v1/exim")),
    (
        "firewalls",
        include_str!("../../data/grok/ecs-v1/firewalls"),
    ),
    (
        "grok-patterns",
        include_str!("../../data/grok/ecs-v1/grok-patterns"),
    ),
    ("haproxy", include_str!("../../data/grok/ecs-v1/haproxy")),
    ("httpd", include_str!("../../data/grok/ecs-v1/httpd")),
    ("java", include_str!("../../data/grok/ecs-v1/java")),
    ("junos", include_str!("../../data/grok/ecs-v1/junos")),
    (
        "linux-syslog",
        include_str!("../../data/grok/ecs-v1/linux-syslog"),
    ),
    ("maven", include_str!("../../data/grok/ecs-v1/maven")),
    (
        "mcollective",
        include_str!("../../data/grok/ecs-v1/mcollective"),
    ),
    ("mongodb", include_str!("../../data/grok/ecs-v1/mongodb")),
    ("nagios", include_str!("../../data/grok/ecs-v1/nagios")),
    (
        "postgresql",
        include_str!("../../data/grok/ecs-v1/postgresql"),
    ),
    ("rails", include_str!("../../data/grok/ecs-v1/rails")),
    ("redis", include_str!("../../data/grok/ecs-v1/redis")),
    ("ruby", include_str!("../../data/grok/ecs-v1/ruby")),
    ("squid", include_str!("../../data/grok/ecs-v1/squid")),
    ("zeek", include_str!("../../data/grok/ecs-v1/zeek")),
];

/// One Elasticsearch-specific change to a built-in pattern: in `set`, the pattern `name` has `from` replaced
/// by `to` (after the dotted rewrite for ecs-v1), or is added with text `to` when `from` is empty and the
/// pattern does not exist yet. Each `from` must occur exactly once; a unit test checks that.
pub struct EsEdit {
    pub set: EcsCompatibility,
    pub name: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub why: &'static str,
}

pub const ES_EDITS: &[EsEdit] = &[
    // legacy/grok-patterns: Elasticsearch kept its own older UNIXPATH, LOGLEVEL and the ISO8601_HOUR helper
    // when it adopted the 4.3.1 files (ES PR #76885); its file is 5,383 characters against upstream's 5,401.
    EsEdit {
        set: EcsCompatibility::Disabled,
        name: "UNIXPATH",
        from: "(/[[[:alnum:]]_%!$@:.,+~-]*)+",
        to: r"(/([\w_%!$@:.,+~-]+|\\.)*)+",
        why: "ES legacy/grok-patterns keeps the pre-4.3 UNIXPATH",
    },
    EsEdit {
        set: EcsCompatibility::Disabled,
        name: "LOGLEVEL",
        from: "[Ii]nfo?(?:rmation)?|INFO?(?:RMATION)?",
        to: "[Ii]nfo|INFO",
        why: "ES legacy/grok-patterns keeps the pre-4.3 LOGLEVEL",
    },
    EsEdit {
        set: EcsCompatibility::Disabled,
        name: "ISO8601_HOUR",
        from: "",
        to: "(?:2[0123]|[01][0-9])",
        why: "ES legacy/grok-patterns defines ISO8601_HOUR",
    },
    EsEdit {
        set: EcsCompatibility::Disabled,
        name: "TIMESTAMP_ISO8601",
        from: "[T ]%{HOUR}:?",
        to: "[T ]%{ISO8601_HOUR}:?",
        why: "ES legacy/grok-patterns uses ISO8601_HOUR in TIMESTAMP_ISO8601",
    },
    // ecs-v1: Elasticsearch's bracket-to-dot conversion also removed a few brackets that were regex syntax.
    EsEdit {
        set: EcsCompatibility::V1,
        name: "S3_ACCESS_LOG",
        from: r"\[%{HTTPDATE:timestamp}\]",
        to: r"\%{HTTPDATE:timestamp}\",
        why: "ES ecs-v1/aws lost the brackets around the S3 timestamp",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "ELB_URI",
        from: "(?::[^@]*)?@",
        to: "(?::^@*)?@",
        why: "ES ecs-v1/aws lost the brackets of [^@]",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "IPTABLES",
        from: "(?::[A-Fa-f0-9]{2}:[A-Fa-f0-9]{2})?",
        to: "(?::A-Fa-f0-9{2}:A-Fa-f0-9{2})?",
        why: "ES ecs-v1/firewalls lost the brackets of the MAC tail",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "CISCOFW106023",
        from: r"\[%{DATA:@metadata.cisco.asa.hashcode1}",
        to: r"\%{DATA:[@metadata.cisco.asa.hashcode1}",
        why: "ES ecs-v1/firewalls moved the bracket of the hashcode capture (the pattern no longer compiles)",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "CISCOFW106100_2_3",
        from: r"\[%{DATA:@metadata.cisco.asa.hashcode1}",
        to: r"\%{DATA:[@metadata.cisco.asa.hashcode1}",
        why: "ES ecs-v1/firewalls moved the bracket of the hashcode capture (the pattern no longer compiles)",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "CISCOFW106100",
        from: r"\[%{DATA:@metadata.cisco.asa.hashcode1}",
        to: r"\%{DATA:[@metadata.cisco.asa.hashcode1}",
        why: "ES ecs-v1/firewalls moved the bracket of the hashcode capture (the pattern no longer compiles)",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "CISCOFW733100",
        from: r"\[\s*%{DATA:cisco.asa.burst.object}",
        to: r"\\s*%{DATA:[cisco.asa.burst.object}",
        why: "ES ecs-v1/firewalls moved the bracket into the field name ([cisco.asa.burst.object)",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "ZEEK_FILES_TX_HOSTS",
        from: r"(?:[\s,]%{IP})+",
        to: r"(?:\s,%{IP})+",
        why: r"ES ecs-v1/zeek lost the brackets of [\s,]",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "ZEEK_FILES_RX_HOSTS",
        from: r"(?:[\s,]%{IP})+",
        to: r"(?:\s,%{IP})+",
        why: r"ES ecs-v1/zeek lost the brackets of [\s,]",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "EXIM_REMOTE_HOST",
        from: r"\[%{IP:source.ip}\]",
        to: r"\%{IP:source.ip}\]",
        why: "ES ecs-v1/exim lost the opening bracket (EXIM_REMOTE_HOST and the patterns using it no longer compile)",
    },
    EsEdit {
        set: EcsCompatibility::V1,
        name: "SQUID3",
        from: "%{INT:http.response.bytes:int}",
        to: "%{INT:http.response.bytes:long}",
        why: "ES ecs-v1/squid captures http.response.bytes as a long",
    },
    // ecs-v1/bind: 4.3.1 (and so Elasticsearch) has the `[bing]` typo that later upstream releases fixed; the
    // registry copy we vendor carries the fix, so the typo is put back.
    EsEdit {
        set: EcsCompatibility::V1,
        name: "BIND9_QUERYLOG",
        from: "%{BIND9_CATEGORY:bind.log.category}",
        to: "%{BIND9_CATEGORY:bing.log.category}",
        why: "logstash-patterns-core 4.3.1 / ES ecs-v1/bind capture bing.log.category",
    },
];

/// A built-in bank: pattern names in Elasticsearch's `LinkedHashMap` order, with their regex text.
pub(crate) struct Bank {
    pub order: Vec<&'static str>,
    pub map: HashMap<&'static str, String>,
}

static LEGACY: OnceLock<Bank> = OnceLock::new();
static ECS_V1: OnceLock<Bank> = OnceLock::new();

pub(crate) fn bank(ecs: EcsCompatibility) -> &'static Bank {
    match ecs {
        EcsCompatibility::Disabled => LEGACY.get_or_init(|| build(ecs)),
        EcsCompatibility::V1 => ECS_V1.get_or_init(|| build(ecs)),
    }
}

fn build(ecs: EcsCompatibility) -> Bank {
    let files = match ecs {
        EcsCompatibility::Disabled => LEGACY_FILES,
        EcsCompatibility::V1 => ECS_V1_FILES,
    };
    let mut bank = Bank {
        order: Vec::new(),
        map: HashMap::new(),
    };
    for (_, text) in files {
        for (name, pattern) in parse_pattern_file(text) {
            let pattern = match ecs {
                EcsCompatibility::V1 => dotted_field_names(pattern),
                EcsCompatibility::Disabled => pattern.to_string(),
            };
            if bank.map.insert(name, pattern).is_none() {
                bank.order.push(name);
            }
        }
    }
    for edit in ES_EDITS.iter().filter(|e| e.set == ecs) {
        match bank.map.get_mut(edit.name) {
            Some(text) if !edit.from.is_empty() => {
                // A missing `from` is caught by a unit test; at run time the pattern is left as it is.
                if let Some(at) = text.find(edit.from) {
                    text.replace_range(at..at + edit.from.len(), edit.to);
                }
            }
            None if edit.from.is_empty() => {
                bank.map.insert(edit.name, edit.to.to_string());
                bank.order.push(edit.name);
            }
            _ => {}
        }
    }
    bank
}

/// Reads a pattern file the way `GrokBuiltinPatterns.loadPatternsFromFile` does: leading whitespace is
/// stripped, `#` lines and blank lines are skipped, the name ends at the first whitespace run and the rest
/// of the line (trailing whitespace included) is the pattern; a line with no pattern text is ignored.
pub fn parse_pattern_file(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim_start_matches(is_java_space);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(name_end) = line.find(is_java_space) else {
            continue;
        };
        let name = &line[..name_end];
        let rest = line[name_end..].trim_start_matches(is_java_space);
        // Java's split("\\s+", 2) yields two parts even when the rest is empty ("NAME " -> ["NAME", ""]).
        out.push((name, rest));
    }
    out
}

/// Java regex `\s`: `[ \t\n\x0B\f\r]`.
fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// Rewrites bracketed field references (`%{IP:[source][ip]}`, `%{INT:[a][b]:int}`, `(?<[a][b]>...)`) to the
/// dotted form Elasticsearch's ecs-v1 files use (`source.ip`, `a.b`).
pub fn dotted_field_names(pattern: &str) -> String {
    let bytes = pattern.as_bytes();
    let mut out = String::with_capacity(pattern.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let start_of_field = if bytes[i..].starts_with(b"(?<[") {
            Some(i + 3)
        } else if bytes[i..].starts_with(b"%{") {
            // %{NAME:[...]
            let mut j = i + 2;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            if j > i + 2 && bytes[j..].starts_with(b":[") {
                Some(j + 1)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(f) = start_of_field {
            // Parse consecutive [segment] groups.
            let mut k = f;
            let mut segments = Vec::new();
            while k < bytes.len() && bytes[k] == b'[' {
                match pattern[k + 1..].find(['[', ']']) {
                    Some(off) if bytes[k + 1 + off] == b']' && off > 0 => {
                        segments.push(&pattern[k + 1..k + 1 + off]);
                        k = k + 1 + off + 1;
                    }
                    _ => break,
                }
            }
            if !segments.is_empty() {
                out.push_str(&pattern[copied..f]);
                out.push_str(&segments.join("."));
                copied = k;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&pattern[copied..]);
    out
}

/// Names of the built-in patterns of a set, in Elasticsearch's load order.
pub fn builtin_pattern_names(ecs: EcsCompatibility) -> Vec<&'static str> {
    bank(ecs).order.clone()
}

/// The regex text of a built-in pattern, as Elasticsearch holds it (ecs-v1 names dotted, ES edits applied).
pub fn builtin_pattern(ecs: EcsCompatibility, name: &str) -> Option<&'static str> {
    bank(ecs).map.get(name).map(String::as_str)
}

/// The vendored files of a set, unmodified: `(file name, contents)`.
pub fn builtin_pattern_files(ecs: EcsCompatibility) -> &'static [(&'static str, &'static str)] {
    match ecs {
        EcsCompatibility::Disabled => LEGACY_FILES,
        EcsCompatibility::V1 => ECS_V1_FILES,
    }
}
