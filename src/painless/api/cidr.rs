//! `org.elasticsearch.painless.api.CIDR`: an address range parsed once, then tested against many
//! addresses (`new CIDR('10.0.0.0/8').contains(ip)`).

use super::super::error::Thrown;
use super::super::interp::R;
use super::super::rt::V;
use super::{arg_str, not_found, Obj};
use crate::inet;

pub struct Cidr {
    lower: Vec<u8>,
    upper: Vec<u8>,
}

/// `new CIDR(String)`: a range with a `/prefix`, else a single address.
pub fn new(args: &[V]) -> R<V> {
    let [text] = args else {
        return Err(Thrown::iae(format!(
            "constructor [CIDR/{}] not found (not implemented or not allowlisted)",
            args.len()
        )));
    };
    let (lower, upper) = inet::cidr_bounds(arg_str(text)?).map_err(java_error)?;
    Ok(V::obj(Obj::Cidr(Cidr { lower, upper })))
}

pub fn call(recv: &V, cidr: &Cidr, name: &str, args: Vec<V>) -> R<V> {
    match (name, args.as_slice()) {
        ("contains", [address]) => {
            // CIDR.contains: null and "" are outside every range; anything else must parse
            let text = match address {
                V::Null => return Ok(V::Bool(false)),
                other => arg_str(other)?,
            };
            if text.is_empty() {
                return Ok(V::Bool(false));
            }
            let ip = inet::for_string(text).map_err(Thrown::iae)?;
            Ok(V::Bool(inet::is_between(
                &inet::address_bytes(&ip),
                &cidr.lower,
                &cidr.upper,
            )))
        }
        _ => Err(not_found(recv, name, args.len())),
    }
}

/// `inet`'s (ES exception type, message) as the Java exception Painless sees.
fn java_error((kind, message): (String, String)) -> Thrown {
    Thrown::from_es_type(&kind, message)
}

#[cfg(test)]
mod tests {
    use crate::painless::run_for_cli;
    use serde_json::{json, Value as J};

    fn run(src: &str) -> J {
        let got = run_for_cli(src, None, None);
        got.get("value").cloned().unwrap_or(got)
    }

    #[test]
    fn ranges_and_single_addresses() {
        let cases = [
            (
                "CIDR c = new CIDR('10.0.0.0/8'); return [c.contains('10.1.2.3'), c.contains('11.0.0.1'), c.contains(null), c.contains('')]",
                json!([true, false, false, false]),
            ),
            (
                "CIDR c = new CIDR('192.168.8.0/24'); return [c.contains('192.168.8.0'), c.contains('192.168.8.255'), c.contains('192.168.9.0')]",
                json!([true, true, false]),
            ),
            (
                "CIDR c = new CIDR('10.1.2.3'); return [c.contains('10.1.2.3'), c.contains('10.1.2.4')]",
                json!([true, false]),
            ),
            (
                "def c = new CIDR('2001:db8::/32'); return [c.contains('2001:db8::1'), c.contains('2001:db9::1'), c.contains('10.0.0.1')]",
                json!([true, false, false]),
            ),
            // mixed families compare in the IPv4-mapped IPv6 form
            ("return new CIDR('::/0').contains('1.2.3.4')", json!(true)),
            ("return new CIDR('10.0.0.0/8').contains('::1')", json!(false)),
            ("return new CIDR('10.0.0.0/8').contains('::ffff:10.0.0.1')", json!(true)),
            ("return new CIDR('10.0.0.0/8') instanceof CIDR", json!(true)),
        ];
        for (src, want) in cases {
            assert_eq!(run(src), want, "{src}");
        }
    }

    #[test]
    fn bad_input_throws_like_elasticsearch() {
        let cases = [
            (
                "try { new CIDR('10.0.0.0/33'); return 'no' } catch (IllegalArgumentException e) { return e.getMessage() }",
                "illegal prefixLength '33'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges",
            ),
            (
                "try { new CIDR('10.0.0/8'); return 'no' } catch (IllegalArgumentException e) { return e.getMessage() }",
                "'10.0.0' is not an IP string literal.",
            ),
            (
                "try { new CIDR('10.0.0.0/x'); return 'no' } catch (NumberFormatException e) { return e.getMessage() }",
                "For input string: \"x\"",
            ),
            (
                "try { new CIDR('::ffff:0:0/96'); return 'no' } catch (IllegalArgumentException e) { return e.getMessage() }",
                "CIDR notation is not allowed with IPv6-mapped IPv4 address [::ffff:0:0 as it introduces ambiguity as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length",
            ),
            (
                "try { new CIDR('10.0.0.0/8').contains('nope'); return 'no' } catch (IllegalArgumentException e) { return e.getMessage() }",
                "'nope' is not an IP string literal.",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(run(src), json!(want), "{src}");
        }
    }
}
