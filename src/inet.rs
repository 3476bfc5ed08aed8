//! IP literals and CIDR ranges as Elasticsearch reads them (`InetAddresses`, `CIDRUtils`): shared by
//! the `community_id` and `network_direction` processors and Painless's `CIDR`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// ES `InetAddresses.forString`: dotted-quad IPv4 (no leading zeros) or IPv6 (optionally with an
/// embedded IPv4 tail and a `%scope`); an IPv4-mapped IPv6 address becomes IPv4, as
/// `InetAddress.getByAddress` does.
pub fn for_string(s: &str) -> Result<IpAddr, String> {
    parse(s).ok_or_else(|| format!("'{s}' is not an IP string literal."))
}

fn parse(s: &str) -> Option<IpAddr> {
    if let Ok(v4) = s.parse::<Ipv4Addr>() {
        return Some(IpAddr::V4(v4));
    }
    if !s.contains(':') {
        return None;
    }
    let addr = match s.split_once('%') {
        Some((a, scope)) if !scope.is_empty() => a,
        Some(_) => return None,
        None => s,
    };
    let v6 = parse_v6(addr)?;
    Some(match v6.to_ipv4_mapped() {
        Some(v4) => IpAddr::V4(v4),
        None => IpAddr::V6(v6),
    })
}

/// IPv6 text as ES's `InetAddresses.textToNumericFormatV6` reads it. Unlike the standard library
/// it takes a group of any length whose value fits 16 bits (`00001::`), accumulating in Java's
/// wrapping `int` as ES does; a dotted quad may end it.
fn parse_v6(text: &str) -> Option<Ipv6Addr> {
    let (head, tail) = match text.rfind(':') {
        Some(last) if text[last..].contains('.') => {
            let quad: Ipv4Addr = text[last + 1..].parse().ok()?;
            let [a, b, c, d] = quad.octets();
            (
                &text[..=last],
                Some([u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d])]),
            )
        }
        _ => (text, None),
    };
    let bytes = head.as_bytes();
    let n = bytes.len();
    if n == 0 || !bytes.is_ascii() {
        return None;
    }
    // a colon that starts the text, or ends it (no quad follows), must be doubled
    if bytes[0] == b':' && bytes.get(1) != Some(&b':') {
        return None;
    }
    if tail.is_none() && bytes[n - 1] == b':' && (n < 2 || bytes[n - 2] != b':') {
        return None;
    }
    let mut groups: Vec<u16> = Vec::with_capacity(8);
    let mut compressed_at: Option<usize> = None;
    let mut group_start = 0;
    let mut group: i32 = 0;
    let put = |groups: &mut Vec<u16>, value: i32| {
        // `putHextet`: at most eight groups, each at most 0xffff (a Java int compare)
        if groups.len() >= 8 || value > 0xffff {
            return false;
        }
        groups.push(value as u16);
        true
    };
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b':' if group_start == i => {
                if compressed_at.is_some() && i != 1 {
                    return None;
                }
                compressed_at = Some(groups.len());
                group_start = i + 1;
            }
            b':' => {
                if !put(&mut groups, group) {
                    return None;
                }
                group = 0;
                group_start = i + 1;
            }
            _ => {
                let digit = (c as char).to_digit(16)? as i32;
                group = group.wrapping_mul(16).wrapping_add(digit);
            }
        }
    }
    if group_start < n && !put(&mut groups, group) {
        return None;
    }
    if let Some(pair) = tail {
        for g in pair {
            if !put(&mut groups, g as i32) {
                return None;
            }
        }
    }
    let mut full = [0u16; 8];
    match compressed_at {
        Some(at) if groups.len() < 8 => {
            let after = groups.len() - at;
            full[..at].copy_from_slice(&groups[..at]);
            full[8 - after..].copy_from_slice(&groups[at..]);
        }
        Some(_) => return None,
        None if groups.len() == 8 => full.copy_from_slice(&groups),
        None => return None,
    }
    Some(Ipv6Addr::from(full))
}

/// `InetAddress.getAddress()`: 4 or 16 bytes.
pub fn address_bytes(ip: &IpAddr) -> Vec<u8> {
    match ip {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    }
}

/// ES `InetAddresses.parseCidr`: the address and the prefix length.
pub fn parse_cidr(masked: &str) -> Result<(IpAddr, i32), (String, String)> {
    let iae = |m: String| ("illegal_argument_exception".to_string(), m);
    // String.split("/") drops trailing empty strings
    let mut fields: Vec<&str> = masked.split('/').collect();
    while fields.len() > 1 && fields.last() == Some(&"") {
        fields.pop();
    }
    if fields.len() != 2 {
        return Err(iae(format!("Expected [ip/prefix] but was [{masked}]")));
    }
    let address = for_string(fields[0]).map_err(iae)?;
    if fields[0].contains(':') && address.is_ipv4() {
        return Err(iae(format!(
            "CIDR notation is not allowed with IPv6-mapped IPv4 address [{} as it introduces ambiguity as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length",
            fields[0]
        )));
    }
    let prefix = crate::java::parse_int(fields[1]).ok_or_else(|| {
        (
            "number_format_exception".to_string(),
            format!("For input string: \"{}\"", fields[1]),
        )
    })?;
    Ok((address, prefix))
}

/// Lucene's IPv4-in-IPv6 encoding used when comparing mixed families.
fn encode16(b: &[u8]) -> Vec<u8> {
    if b.len() == 4 {
        let mut v = vec![0u8; 10];
        v.extend([0xff, 0xff]);
        v.extend_from_slice(b);
        v
    } else {
        b.to_vec()
    }
}

/// ES `CIDRUtils.isInRange(byte[], String)`: a CIDR range or a single address. Errors are
/// (exception type, message).
pub fn in_range(addr: &IpAddr, cidr: &str) -> Result<bool, (String, String)> {
    let (lower, upper) = cidr_bounds(cidr)?;
    Ok(is_between(&address_bytes(addr), &lower, &upper))
}

/// The lowest and highest address of a CIDR range, or a single address twice (what
/// `CIDRUtils.isInRange` and Painless's `CIDR` constructor compute). Errors are (exception
/// type, message).
pub fn cidr_bounds(cidr: &str) -> Result<(Vec<u8>, Vec<u8>), (String, String)> {
    if !cidr.contains('/') {
        let b = address_bytes(
            &for_string(cidr).map_err(|m| ("illegal_argument_exception".to_string(), m))?,
        );
        return Ok((b.clone(), b));
    }
    let (value, prefix) = parse_cidr(cidr)?;
    let mut lower = address_bytes(&value);
    let mut upper = lower.clone();
    let bits = 8 * lower.len() as i32;
    if prefix < 0 || prefix > bits {
        return Err((
            "illegal_argument_exception".into(),
            format!("illegal prefixLength '{prefix}'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges"),
        ));
    }
    for i in prefix as usize..bits as usize {
        let m = 1u8 << (7 - (i & 7));
        lower[i >> 3] &= !m;
        upper[i >> 3] |= m;
    }
    Ok((lower, upper))
}

/// `CIDRUtils.isBetween`: unsigned byte order, IPv4 compared with IPv6 through Lucene's
/// IPv4-mapped encoding.
pub fn is_between(addr: &[u8], lower: &[u8], upper: &[u8]) -> bool {
    if addr.len() != lower.len() {
        let (a, l, u) = (encode16(addr), encode16(lower), encode16(upper));
        return l <= a && u >= a;
    }
    lower <= addr && upper >= addr
}

#[cfg(test)]
mod tests {
    use super::for_string;

    #[test]
    fn literals() {
        assert!(for_string("10.1.2.3").unwrap().is_ipv4());
        assert!(for_string("::ffff:10.1.2.3").unwrap().is_ipv4());
        assert!(for_string("fe80::1%eth0").unwrap().is_ipv6());
        assert_eq!(
            for_string("308.111.1.2.3").unwrap_err(),
            "'308.111.1.2.3' is not an IP string literal."
        );
        assert!(for_string("01.2.3.4").is_err());
        assert!(for_string("").is_err());
    }

    /// IPv6 as ES's `InetAddresses` reads it (checked against a port of ES main's code and its
    /// older Guava-derived copy): a group of any length whose value fits 16 bits.
    #[test]
    fn ipv6_groups() {
        let v6 = |s: &str| for_string(s).map(|ip| ip.to_string());
        assert_eq!(v6("00001::").unwrap(), "1::");
        assert_eq!(v6("0:0:0:0:0:0:0:00001").unwrap(), "::1");
        assert_eq!(v6("2001:0db8:0:0:0:0:0:000001").unwrap(), "2001:db8::1");
        assert_eq!(v6("::1.2.3.4").unwrap(), "::102:304");
        assert_eq!(v6("1::1.2.3.4").unwrap(), "1::102:304");
        assert_eq!(v6("1:2:3:4:5:6:1.2.3.4").unwrap(), "1:2:3:4:5:6:102:304");
        assert_eq!(v6("::").unwrap(), "::");
        assert_eq!(v6("1::").unwrap(), "1::");
        assert_eq!(v6("fe80::1%eth0").unwrap(), "fe80::1");
        for bad in [
            "10000::",
            ":1::",
            "1::2::3",
            ":::",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "1::2:3:4:5:6:7:8",
            ":1.2.3.4",
            "1.2::3",
            "::1.2.3",
            "::01.2.3.4",
            "g::",
            "1:",
            "::ü",
        ] {
            assert!(for_string(bad).is_err(), "{bad}");
        }
    }
}
