//! `network_direction` (ES `NetworkDirectionProcessor` with `CIDRUtils` and Java `InetAddress`
//! classification).

use super::field_access::cast_error;
use crate::document::{FieldPath, IngestDocument};
use crate::inet;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::template::{Encoding, Template};
use crate::value::Value;
use std::net::IpAddr;

enum Networks {
    Listed(Vec<Template>),
    Field(FieldPath),
}

pub struct NetworkDirection {
    source_ip: FieldPath,
    destination_ip: FieldPath,
    target_field: FieldPath,
    networks: Networks,
    ignore_missing: bool,
}

impl NetworkDirection {
    pub fn from_config(cfg: &mut Config) -> Result<NetworkDirection, ConfigError> {
        let path = |cfg: &mut Config, key: &str, default: &str| {
            let s = cfg.string_or(key, default)?;
            FieldPath::parse(&s).map_err(|e| cfg.error(Some(key), e))
        };
        let source_ip = path(cfg, "source_ip", "source.ip")?;
        let destination_ip = path(cfg, "destination_ip", "destination.ip")?;
        let target_field = path(cfg, "target_field", "network.direction")?;
        let ignore_missing = cfg.bool("ignore_missing", true)?;
        let listed = cfg.optional_list("internal_networks")?;
        let field = cfg.optional_string("internal_networks_field")?;
        let networks = match (listed, field) {
            (None, None) => {
                return Err(cfg.error(
                    Some("internal_networks"),
                    "or [internal_networks_field] must be specified",
                ))
            }
            (Some(_), Some(_)) => {
                return Err(cfg.error(
                    Some("internal_networks"),
                    "and [internal_networks_field] cannot both be used in the same processor",
                ))
            }
            (Some(list), None) => Networks::Listed(
                list.iter()
                    .map(|n| {
                        let text = match n {
                            serde_json::Value::String(s) => s.clone(),
                            other => Value::from_serde(other).to_java_string(),
                        };
                        cfg.template("internal_networks", &text, Encoding::Json)
                    })
                    .collect::<Result<_, _>>()?,
            ),
            (None, Some(f)) => Networks::Field(
                FieldPath::parse(&f).map_err(|e| cfg.error(Some("internal_networks_field"), e))?,
            ),
        };
        Ok(NetworkDirection {
            source_ip,
            destination_ip,
            target_field,
            networks,
            ignore_missing,
        })
    }

    fn string_field(
        &self,
        doc: &IngestDocument,
        path: &FieldPath,
    ) -> Result<Option<String>, ProcessorError> {
        match doc.get(path) {
            Ok(Value::Null) => Ok(None),
            Ok(Value::String(s)) => Ok(Some(s.clone())),
            Ok(other) => Err(cast_error(&path.full, other, "java.lang.String")),
            Err(_) if self.ignore_missing => Ok(None),
            Err(e) => Err(ProcessorError::illegal_argument(e)),
        }
    }

    /// ES `NetworkDirectionProcessor.getDirection`; None when a field is missing or null.
    fn direction(&self, doc: &IngestDocument) -> Result<Option<&'static str>, ProcessorError> {
        let networks: Vec<String> = match &self.networks {
            Networks::Listed(templates) => templates
                .iter()
                .map(|t| t.render(doc))
                .collect::<Result<_, _>>()?,
            Networks::Field(path) => match doc.get(path) {
                Ok(Value::Null) => return Ok(None),
                Err(_) if self.ignore_missing => return Ok(None),
                Err(e) => return Err(ProcessorError::illegal_argument(e)),
                Ok(Value::List(items)) => items
                    .iter()
                    .map(|v| match v {
                        Value::String(s) => Ok(s.clone()),
                        other => Err(ProcessorError::new(
                            "class_cast_exception",
                            format!(
                                "class {} cannot be cast to class java.lang.String",
                                other.java_class_name()
                            ),
                        )),
                    })
                    .collect::<Result<_, _>>()?,
                Ok(other) => return Err(cast_error(&path.full, other, "java.util.ArrayList")),
            },
        };
        let Some(source) = self.string_field(doc, &self.source_ip)? else {
            return Ok(None);
        };
        let Some(destination) = self.string_field(doc, &self.destination_ip)? else {
            return Ok(None);
        };
        let source_internal = is_internal(&networks, &source)?;
        let destination_internal = is_internal(&networks, &destination)?;
        Ok(Some(match (source_internal, destination_internal) {
            (true, true) => "internal",
            (true, false) => "outbound",
            (false, true) => "inbound",
            (false, false) => "external",
        }))
    }
}

fn is_internal(networks: &[String], ip: &str) -> Result<bool, ProcessorError> {
    for network in networks {
        if in_network(ip, network)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn to_error((kind, message): (String, String)) -> ProcessorError {
    ProcessorError::new(&kind, message)
}

const BROADCAST_IP4: [u8; 4] = [255, 255, 255, 255];

fn in_network(ip: &str, network: &str) -> Result<bool, ProcessorError> {
    let address = inet::for_string(ip).map_err(ProcessorError::illegal_argument)?;
    Ok(match network {
        "loopback" => is_loopback(&address),
        "global_unicast" | "unicast" => is_unicast(&address),
        "link_local_unicast" => is_link_local(&address),
        "interface_local_multicast" => is_mc_node_local(&address),
        "link_local_multicast" => is_mc_link_local(&address),
        "multicast" => is_multicast(&address),
        "unspecified" => is_unspecified(&address),
        "private" => is_private(&address)?,
        "public" => !is_local_or_private(&address)?,
        cidr => inet::in_range(&address, cidr).map_err(to_error)?,
    })
}

/// `InetAddress.isLoopbackAddress`: 127/8 for IPv4, only `::1` for IPv6.
fn is_loopback(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => a.octets()[0] == 127,
        IpAddr::V6(a) => a.is_loopback(),
    }
}

fn is_link_local(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => a.octets()[0] == 169 && a.octets()[1] == 254,
        IpAddr::V6(a) => a.octets()[0] == 0xfe && a.octets()[1] & 0xc0 == 0x80,
    }
}

fn is_mc_node_local(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(_) => false,
        IpAddr::V6(a) => a.octets()[0] == 0xff && a.octets()[1] & 0x0f == 0x01,
    }
}

fn is_mc_link_local(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => {
            let o = a.octets();
            o[0] == 224 && o[1] == 0 && o[2] == 0
        }
        IpAddr::V6(a) => a.octets()[0] == 0xff && a.octets()[1] & 0x0f == 0x02,
    }
}

fn is_multicast(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => a.octets()[0] & 0xf0 == 0xe0,
        IpAddr::V6(a) => a.octets()[0] == 0xff,
    }
}

fn is_unspecified(ip: &IpAddr) -> bool {
    inet::address_bytes(ip).iter().all(|&b| b == 0)
}

fn is_broadcast(ip: &IpAddr) -> bool {
    inet::address_bytes(ip) == BROADCAST_IP4
}

fn is_unicast(ip: &IpAddr) -> bool {
    !is_broadcast(ip)
        && !is_unspecified(ip)
        && !is_loopback(ip)
        && !is_multicast(ip)
        && !is_link_local(ip)
}

fn is_private(ip: &IpAddr) -> Result<bool, ProcessorError> {
    for range in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fd00::/8"] {
        if inet::in_range(ip, range).map_err(to_error)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn is_local_or_private(ip: &IpAddr) -> Result<bool, ProcessorError> {
    Ok(is_private(ip)?
        || is_loopback(ip)
        || is_unspecified(ip)
        || is_link_local(ip)
        || is_mc_link_local(ip)
        || is_mc_node_local(ip)
        || is_broadcast(ip))
}

impl Processor for NetworkDirection {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        match self.direction(doc)? {
            Some(d) => {
                doc.set(&self.target_field, Value::String(d.to_string()))
                    .map_err(ProcessorError::illegal_argument)?;
                Ok(Flow::Continue)
            }
            None if self.ignore_missing => Ok(Flow::Continue),
            None => Err(ProcessorError::illegal_argument(
                "unable to calculate network direction from document",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::{json, Value as Json};

    fn direction(networks: Json, source: &str, destination: &str) -> Result<String, String> {
        let doc = json!({"source": {"ip": source}, "destination": {"ip": destination}});
        run(
            "network_direction",
            json!({"internal_networks": networks}),
            &doc.to_string(),
        )
        .map(|d| {
            d.get_str_path("network.direction")
                .map(|v| v.to_java_string())
                .unwrap_or_else(|_| "<none>".into())
        })
        .map_err(|e| e.reason)
    }

    // Cases follow ES NetworkDirectionProcessorTests.
    #[test]
    fn directions() {
        let private = json!(["10.0.0.0/8"]);
        assert_eq!(
            direction(private.clone(), "10.0.1.1", "10.0.1.2").unwrap(),
            "internal"
        );
        assert_eq!(
            direction(private.clone(), "10.0.1.1", "192.168.1.2").unwrap(),
            "outbound"
        );
        assert_eq!(
            direction(private.clone(), "192.168.1.1", "10.0.1.2").unwrap(),
            "inbound"
        );
        assert_eq!(
            direction(private, "192.168.1.1", "192.168.1.2").unwrap(),
            "external"
        );
        assert_eq!(
            direction(json!(["10.0.0.0/8", "::1/128"]), "::1", "10.0.0.1").unwrap(),
            "internal"
        );
        assert_eq!(
            direction(json!(["10.0.1.1"]), "10.0.1.1", "10.0.1.2").unwrap(),
            "outbound"
        );
    }

    #[test]
    fn named_networks() {
        let cases = [
            ("loopback", "127.0.0.1", true),
            ("loopback", "::1", true),
            ("loopback", "::2", false),
            ("unicast", "10.0.0.1", true),
            ("global_unicast", "255.255.255.255", false),
            ("global_unicast", "169.254.0.1", false),
            ("link_local_unicast", "169.254.0.1", true),
            ("link_local_unicast", "fe80::1", true),
            ("interface_local_multicast", "ff01::1", true),
            ("interface_local_multicast", "224.0.0.1", false),
            ("link_local_multicast", "224.0.0.1", true),
            ("link_local_multicast", "ff02::1", true),
            ("multicast", "239.1.1.1", true),
            ("multicast", "ff05::1", true),
            ("unspecified", "0.0.0.0", true),
            ("unspecified", "::", true),
            ("private", "172.16.0.1", true),
            ("private", "fd12::1", true),
            ("private", "8.8.8.8", false),
            ("public", "8.8.8.8", true),
            ("public", "192.168.1.1", false),
            ("public", "127.0.0.1", false),
        ];
        for (network, ip, internal) in cases {
            let expected = if internal { "outbound" } else { "external" };
            // a destination that is never in the named network
            let other = match network {
                "unicast" | "global_unicast" | "public" => "0.0.0.0",
                _ => "100.64.0.1",
            };
            assert_eq!(
                direction(json!([network]), ip, other).unwrap(),
                expected,
                "{network} {ip}"
            );
        }
        // IPv4 ranges match IPv4-mapped forms and vice versa (Lucene encoding)
        assert_eq!(direction(json!(["::ffff:10.0.0.0/104"]), "10.1.1.1", "8.8.8.8").unwrap_err(),
            "CIDR notation is not allowed with IPv6-mapped IPv4 address [::ffff:10.0.0.0 as it introduces ambiguity as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length");
    }

    #[test]
    fn failures_and_missing() {
        assert_eq!(
            direction(json!(["10.0.0.0/8"]), "10.0.0.0.1", "8.8.8.8").unwrap_err(),
            "'10.0.0.0.1' is not an IP string literal."
        );
        assert_eq!(
            direction(json!(["10.0.0.0/33"]), "10.0.0.1", "8.8.8.8").unwrap_err(),
            "illegal prefixLength '33'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges"
        );
        assert_eq!(
            direction(json!(["10.0.0.0/"]), "10.0.0.1", "8.8.8.8").unwrap_err(),
            "Expected [ip/prefix] but was [10.0.0.0/]"
        );
        assert_eq!(
            direction(json!(["foo"]), "10.0.0.1", "8.8.8.8").unwrap_err(),
            "'foo' is not an IP string literal."
        );
        // default ignore_missing is true
        let d = run(
            "network_direction",
            json!({"internal_networks": ["private"]}),
            "{}",
        )
        .unwrap();
        assert_eq!(source_json(&d), "{}");
        let e = run(
            "network_direction",
            json!({"internal_networks": ["private"], "ignore_missing": false}),
            r#"{"source":{"ip":"10.0.0.1"}}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [destination] not present as part of path [destination.ip]"
        );
        let e = run(
            "network_direction",
            json!({"internal_networks": ["private"], "ignore_missing": false}),
            r#"{"source":{"ip":"10.0.0.1"},"destination":{"ip":null}}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "unable to calculate network direction from document"
        );
        assert_eq!(
            config_error("network_direction", json!({})),
            "[internal_networks] or [internal_networks_field] must be specified"
        );
        assert_eq!(
            config_error(
                "network_direction",
                json!({"internal_networks": ["a"], "internal_networks_field": "b"})
            ),
            "[internal_networks] and [internal_networks_field] cannot both be used in the same processor"
        );
    }

    #[test]
    fn networks_from_a_field_and_templates() {
        let d = run(
            "network_direction",
            json!({"internal_networks_field": "nets", "target_field": "dir"}),
            r#"{"nets":["192.168.0.0/16"],"source":{"ip":"192.168.1.1"},"destination":{"ip":"8.8.8.8"}}"#,
        )
        .unwrap();
        assert_eq!(d.get_str_path("dir").unwrap().to_java_string(), "outbound");
        let e = run(
            "network_direction",
            json!({"internal_networks_field": "nets"}),
            r#"{"nets":"private","source":{"ip":"192.168.1.1"},"destination":{"ip":"8.8.8.8"}}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.reason,
            "field [nets] of type [java.lang.String] cannot be cast to [java.util.ArrayList]"
        );
        let d = run(
            "network_direction",
            json!({"internal_networks": ["{{net}}"]}),
            r#"{"net":"private","source":{"ip":"8.8.8.8"},"destination":{"ip":"10.1.1.1"}}"#,
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("network.direction")
                .unwrap()
                .to_java_string(),
            "inbound"
        );
    }
}
