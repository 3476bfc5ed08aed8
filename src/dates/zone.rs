//! `java.time.ZoneId` semantics on top of jiff time zones.
//!
//! Java distinguishes a `ZoneOffset` (`Z`, `+02:00`) from a region (`UTC`, `GMT+02:00`,
//! `Europe/Paris`); `ZonedDateTime.toString()` and the `VV` letter show the difference. The mapping:
//! - `ZoneOffset.UTC` is `TimeZone::UTC`, other offsets are `TimeZone::fixed`;
//! - regions are TZif zones carrying their Java id as name (the tz database, or a one-rule TZif
//!   built here for the prefix forms `UTC`, `GMT`, `UT`, `GMT+02:00`, ...).

use jiff::tz::{Offset, TimeZone};

/// `ZoneId.of(id)`: offsets (`Z`, `+2`, `+02:00`, `-0530`), prefixed offsets (`UTC`, `GMT+2`,
/// `UT-03:30`) and region ids (`Europe/Paris`, case-sensitive). Errors use Java's wording.
pub fn parse_timezone(id: &str) -> Result<TimeZone, String> {
    if id.chars().count() <= 1 || id.starts_with('+') || id.starts_with('-') {
        return parse_offset_id(id).map(TimeZone::fixed);
    }
    if id.starts_with("UTC") || id.starts_with("GMT") {
        return with_prefix(id, 3);
    }
    if id.starts_with("UT") {
        return with_prefix(id, 2);
    }
    region(id)
}

fn with_prefix(id: &str, len: usize) -> Result<TimeZone, String> {
    let prefix = &id[..len];
    if id.len() == len {
        return Ok(prefixed_zone(prefix, Offset::UTC));
    }
    let rest = &id[len..];
    if !rest.starts_with('+') && !rest.starts_with('-') {
        return region(id);
    }
    match parse_offset_id(rest) {
        Ok(off) => Ok(prefixed_zone(prefix, off)),
        Err(_) => Err(format!("Invalid ID for offset-based ZoneId: {id}")),
    }
}

/// `ZoneId.ofOffset(prefix, offset)`: a region named `prefix` (+ offset id when not zero).
pub(crate) fn prefixed_zone(prefix: &str, off: Offset) -> TimeZone {
    if prefix.is_empty() {
        return TimeZone::fixed(off);
    }
    let name = if off.seconds() == 0 {
        prefix.to_string()
    } else {
        format!("{prefix}{}", offset_id(off))
    };
    fixed_region(&name, off)
}

fn region(id: &str) -> Result<TimeZone, String> {
    // ZoneRegion.checkName: [A-Za-z][A-Za-z0-9~/._+-]+
    let b = id.as_bytes();
    let valid = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || b"~/._+-".contains(c));
    if !valid {
        return Err(format!(
            "Invalid ID for region-based ZoneId, invalid format: {id}"
        ));
    }
    lookup_region(id).ok_or_else(|| format!("Unknown time-zone ID: {id}"))
}

/// A tz database zone by its exact (case-sensitive) Java id.
pub(crate) fn lookup_region(id: &str) -> Option<TimeZone> {
    // old three-letter ids java.time only knows as SHORT_IDS aliases, not as regions
    if matches!(
        id,
        "EST" | "MST" | "HST" | "Factory" | "posixrules" | "localtime"
    ) {
        return None;
    }
    let tz = TimeZone::get(id).ok()?;
    // jiff looks names up case-insensitively; Java does not.
    if tz.iana_name() == Some(id) {
        return Some(tz);
    }
    if tz == TimeZone::UTC || tz.iana_name().is_some_and(|n| n.eq_ignore_ascii_case(id)) {
        // keep the requested spelling only when it is a real id (case-sensitive match below)
        let exact = jiff::tz::db().available().any(|n| n.as_str() == id);
        if exact {
            return Some(fixed_or_named(id, tz));
        }
    }
    None
}

fn fixed_or_named(id: &str, tz: TimeZone) -> TimeZone {
    if tz == TimeZone::UTC {
        fixed_region(id, Offset::UTC)
    } else {
        tz
    }
}

/// A region with one fixed offset and the given Java id (built as a one-type TZif, cached).
pub(crate) fn fixed_region(name: &str, off: Offset) -> TimeZone {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<(String, i32), TimeZone>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (name.to_string(), off.seconds());
    if let Ok(map) = cache.lock() {
        if let Some(tz) = map.get(&key) {
            return tz.clone();
        }
    }
    let tz = build_fixed_region(name, off);
    if let Ok(mut map) = cache.lock() {
        if map.len() < 4096 {
            map.insert(key, tz.clone());
        }
    }
    tz
}

fn build_fixed_region(name: &str, off: Offset) -> TimeZone {
    let secs = off.seconds();
    let abbr = if secs == 0 {
        "UTC".to_string()
    } else {
        posix_abbr(secs)
    };
    let footer = format!("\n<{abbr}>{}\n", posix_offset(-secs));
    let mut data = Vec::new();
    for version in [0u8, 2] {
        data.extend_from_slice(b"TZif");
        data.push(b'2');
        data.extend_from_slice(&[0u8; 15]);
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        for n in [0u32, 0, 0, 0, 1, abbr.len() as u32 + 1] {
            data.extend_from_slice(&n.to_be_bytes());
        }
        data.extend_from_slice(&secs.to_be_bytes());
        data.push(0); // isdst
        data.push(0); // desigidx
        data.extend_from_slice(abbr.as_bytes());
        data.push(0);
        let _ = version;
    }
    data.extend_from_slice(footer.as_bytes());
    TimeZone::tzif(name, &data).unwrap_or_else(|_| TimeZone::fixed(off))
}

fn posix_abbr(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    if s != 0 {
        format!("{sign}{h:02}{m:02}{s:02}")
    } else if m != 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}")
    }
}

fn posix_offset(secs: i32) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    if s != 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else if m != 0 {
        format!("{sign}{h}:{m:02}")
    } else {
        format!("{sign}{h}")
    }
}

/// `ZoneOffset.of(id)`.
pub(crate) fn parse_offset_id(id: &str) -> Result<Offset, String> {
    if id == "Z" {
        return Ok(Offset::UTC);
    }
    let invalid = || format!("Invalid ID for ZoneOffset, invalid format: {id}");
    let b = id.as_bytes();
    let (h, m, s) = match b.len() {
        2 => (num(id, 1, false)?, 0, 0),
        3 => (num(id, 1, false)?, 0, 0),
        5 => (num(id, 1, false)?, num(id, 3, false)?, 0),
        6 => (num(id, 1, false)?, num(id, 4, true)?, 0),
        7 => (num(id, 1, false)?, num(id, 3, false)?, num(id, 5, false)?),
        9 => (num(id, 1, false)?, num(id, 4, true)?, num(id, 7, true)?),
        _ => return Err(invalid()),
    };
    let first = b[0];
    if first != b'+' && first != b'-' {
        return Err(format!(
            "Invalid ID for ZoneOffset, plus/minus not found when expected: {id}"
        ));
    }
    let (h, m, s) = if b.len() == 2 {
        (i32::from(b[1] - b'0'), m, s)
    } else {
        (h, m, s)
    };
    if !(0..=18).contains(&h) {
        return Err(format!(
            "Zone offset hours not in valid range: value {h} is not in the range -18 to 18"
        ));
    }
    if !(0..=59).contains(&m) {
        return Err(format!(
            "Zone offset minutes not in valid range: value {m} is not in the range -59 to 59"
        ));
    }
    if !(0..=59).contains(&s) {
        return Err(format!(
            "Zone offset seconds not in valid range: value {s} is not in the range -59 to 59"
        ));
    }
    if h == 18 && (m != 0 || s != 0) {
        return Err("Zone offset not in valid range: -18:00 to +18:00".to_string());
    }
    let total = h * 3600 + m * 60 + s;
    let total = if first == b'-' { -total } else { total };
    Offset::from_seconds(total).map_err(|_| invalid())
}

/// Two digits at `pos` of a `ZoneOffset` id (one digit for the `+h` form), optionally after a ':'.
fn num(id: &str, pos: usize, colon: bool) -> Result<i32, String> {
    let b = id.as_bytes();
    if b.len() == 2 {
        return if b[1].is_ascii_digit() {
            Ok(i32::from(b[1] - b'0'))
        } else {
            Err(format!(
                "Invalid ID for ZoneOffset, non numeric characters found: {id}"
            ))
        };
    }
    if colon && b[pos - 1] != b':' {
        return Err(format!(
            "Invalid ID for ZoneOffset, colon not found when expected: {id}"
        ));
    }
    let (c1, c2) = (b[pos], b[pos + 1]);
    if !c1.is_ascii_digit() || !c2.is_ascii_digit() {
        return Err(format!(
            "Invalid ID for ZoneOffset, non numeric characters found: {id}"
        ));
    }
    Ok(i32::from(c1 - b'0') * 10 + i32::from(c2 - b'0'))
}

/// `ZoneOffset.getId()`: `Z`, `+02:00`, `-05:30`, `+01:02:03`.
pub fn offset_id(off: Offset) -> String {
    offset_id_seconds(off.seconds())
}

/// [`offset_id`] of an offset given in seconds (`ZoneOffset.ofTotalSeconds(secs).getId()`).
pub fn offset_id_seconds(secs: i32) -> String {
    if secs == 0 {
        return "Z".to_string();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    if s != 0 {
        format!("{sign}{h:02}:{m:02}:{s:02}")
    } else {
        format!("{sign}{h:02}:{m:02}")
    }
}

/// Whether the zone is a Java `ZoneOffset` rather than a region.
pub fn is_offset_zone(tz: &TimeZone) -> bool {
    tz.iana_name().is_none() || *tz == TimeZone::UTC
}

/// `ZoneId.getId()` of a zone made by this module.
pub fn java_zone_id(tz: &TimeZone) -> String {
    if *tz == TimeZone::UTC {
        return "Z".to_string();
    }
    match tz.iana_name() {
        Some(name) => name.to_string(),
        None => match tz.to_fixed_offset() {
            Ok(off) => offset_id(off),
            Err(_) => "Z".to_string(),
        },
    }
}

/// All tz database ids as chars, grouped by first character, longest first, for greedy prefix
/// matching like Java's `PrefixTree`.
type ZoneIdIndex = std::collections::HashMap<char, Vec<(String, Vec<char>)>>;

pub(crate) fn zone_ids_starting_with(c: char) -> &'static [(String, Vec<char>)] {
    use std::sync::OnceLock;
    static IDS: OnceLock<ZoneIdIndex> = OnceLock::new();
    let map = IDS.get_or_init(|| {
        let mut map = ZoneIdIndex::new();
        for n in jiff::tz::db().available() {
            let n = n.as_str().to_string();
            if matches!(
                n.as_str(),
                "Factory" | "posixrules" | "localtime" | "EST" | "MST" | "HST"
            ) {
                continue;
            }
            let chars: Vec<char> = n.chars().collect();
            if let Some(first) = chars.first() {
                map.entry(*first).or_default().push((n, chars));
            }
        }
        for v in map.values_mut() {
            v.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        }
        map
    });
    map.get(&c).map(Vec::as_slice).unwrap_or(&[])
}

/// Zone id for a parsed zone name: a tz id, or a short/full name from [`ZONE_NAMES`].
pub(crate) fn zone_for_id(id: &str) -> Option<TimeZone> {
    match id {
        "UTC" | "GMT" | "UT" => Some(fixed_region(id, Offset::UTC)),
        "GMT0" => Some(fixed_region("GMT0", Offset::UTC)),
        _ => lookup_region(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_id_of() {
        assert_eq!(java_zone_id(&parse_timezone("Z").unwrap()), "Z");
        assert_eq!(java_zone_id(&parse_timezone("+02:00").unwrap()), "+02:00");
        assert_eq!(java_zone_id(&parse_timezone("+2").unwrap()), "+02:00");
        assert_eq!(java_zone_id(&parse_timezone("-0530").unwrap()), "-05:30");
        assert_eq!(java_zone_id(&parse_timezone("UTC").unwrap()), "UTC");
        assert_eq!(java_zone_id(&parse_timezone("GMT").unwrap()), "GMT");
        assert_eq!(java_zone_id(&parse_timezone("GMT+2").unwrap()), "GMT+02:00");
        assert_eq!(
            java_zone_id(&parse_timezone("UTC-03:30").unwrap()),
            "UTC-03:30"
        );
        assert_eq!(
            java_zone_id(&parse_timezone("Europe/Paris").unwrap()),
            "Europe/Paris"
        );
        assert_eq!(java_zone_id(&parse_timezone("Etc/UTC").unwrap()), "Etc/UTC");
        assert_eq!(
            parse_timezone("EST").unwrap_err(),
            "Unknown time-zone ID: EST"
        );
        assert!(!is_offset_zone(&parse_timezone("UTC").unwrap()));
        assert!(is_offset_zone(&parse_timezone("Z").unwrap()));
        let gmt2 = parse_timezone("GMT+2").unwrap();
        let ts: jiff::Timestamp = "2020-01-01T00:00:00Z".parse().unwrap();
        assert_eq!(gmt2.to_offset(ts).seconds(), 7200);
        assert_eq!(
            parse_timezone("europe/paris").unwrap_err(),
            "Unknown time-zone ID: europe/paris"
        );
        assert_eq!(
            parse_timezone("PST").unwrap_err(),
            "Unknown time-zone ID: PST"
        );
        assert_eq!(
            parse_timezone("+25:00").unwrap_err(),
            "Zone offset hours not in valid range: value 25 is not in the range -18 to 18"
        );
        assert_eq!(
            parse_timezone("GMT+x").unwrap_err(),
            "Invalid ID for offset-based ZoneId: GMT+x"
        );
        assert_eq!(
            parse_timezone("1abc").unwrap_err(),
            "Invalid ID for region-based ZoneId, invalid format: 1abc"
        );
        assert_eq!(
            parse_timezone("").unwrap_err(),
            "Invalid ID for ZoneOffset, invalid format: "
        );
    }
}
