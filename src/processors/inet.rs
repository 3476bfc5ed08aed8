//! IP literals as Elasticsearch's `InetAddresses.forString` reads them.

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
    let v6: Ipv6Addr = addr.parse().ok()?;
    Some(match v6.to_ipv4_mapped() {
        Some(v4) => IpAddr::V4(v4),
        None => IpAddr::V6(v6),
    })
}

/// `InetAddress.getAddress()`: 4 or 16 bytes.
pub fn address_bytes(ip: &IpAddr) -> Vec<u8> {
    match ip {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    }
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
}
