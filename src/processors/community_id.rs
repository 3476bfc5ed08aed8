//! `community_id` (ES `CommunityIdProcessor`, Community ID v1 flow hashes).

use super::field_access::cast_error;
use crate::document::{FieldPath, IngestDocument};
use crate::inet;
use crate::pipeline::{Config, ConfigError, Env, Flow, Processor, ProcessorError};
use crate::value::Value;
use base64::Engine as _;
use sha1::{Digest, Sha1};
use std::net::IpAddr;

pub struct CommunityId {
    source_ip: FieldPath,
    source_port: FieldPath,
    destination_ip: FieldPath,
    destination_port: FieldPath,
    iana_number: FieldPath,
    transport: FieldPath,
    icmp_type: FieldPath,
    icmp_code: FieldPath,
    target_field: FieldPath,
    seed: [u8; 2],
    ignore_missing: bool,
}

impl CommunityId {
    pub fn from_config(cfg: &mut Config) -> Result<CommunityId, ConfigError> {
        let path = |cfg: &mut Config, key: &str, default: &str| {
            let s = cfg.string_or(key, default)?;
            FieldPath::parse(&s).map_err(|e| cfg.error(Some(key), e))
        };
        let source_ip = path(cfg, "source_ip", "source.ip")?;
        let source_port = path(cfg, "source_port", "source.port")?;
        let destination_ip = path(cfg, "destination_ip", "destination.ip")?;
        let destination_port = path(cfg, "destination_port", "destination.port")?;
        let iana_number = path(cfg, "iana_number", "network.iana_number")?;
        let transport = path(cfg, "transport", "network.transport")?;
        let icmp_type = path(cfg, "icmp_type", "icmp.type")?;
        let icmp_code = path(cfg, "icmp_code", "icmp.code")?;
        let target_field = path(cfg, "target_field", "network.community_id")?;
        let seed = cfg.optional_int("seed")?.unwrap_or(0);
        if !(0..=65535).contains(&seed) {
            return Err(cfg.error(Some("seed"), "must be a value between 0 and 65535"));
        }
        let ignore_missing = cfg.bool("ignore_missing", true)?;
        Ok(CommunityId {
            source_ip,
            source_port,
            destination_ip,
            destination_port,
            iana_number,
            transport,
            icmp_type,
            icmp_code,
            target_field,
            seed: (seed as u16).to_be_bytes(),
            ignore_missing,
        })
    }
}

/// `getFieldValue(path, Object.class, ignoreMissing)`: None for a missing field when ignoring, or for null.
fn get_object(
    doc: &IngestDocument,
    path: &FieldPath,
    ignore_missing: bool,
) -> Result<Option<Value>, ProcessorError> {
    match doc.get(path) {
        Ok(Value::Null) => Ok(None),
        Ok(v) => Ok(Some(v.clone())),
        Err(_) if ignore_missing => Ok(None),
        Err(e) => Err(ProcessorError::illegal_argument(e)),
    }
}

fn get_ip_string(
    doc: &IngestDocument,
    path: &FieldPath,
    ignore_missing: bool,
) -> Result<Option<String>, ProcessorError> {
    match get_object(doc, path, ignore_missing)? {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(cast_error(&path.full, &other, "java.lang.String")),
    }
}

/// `String.valueOf` of a possibly-null object.
fn show(v: &Option<Value>) -> String {
    match v {
        None => "null".into(),
        Some(v) => v.to_java_string(),
    }
}

/// `Number.intValue()`.
fn int_value(v: &Value) -> Option<i32> {
    Some(match v {
        Value::Int(i) => *i,
        Value::Long(l) => *l as i32,
        Value::Float(f) => *f as i32,
        Value::Double(d) => *d as i32,
        _ => return None,
    })
}

/// ES `CommunityIdProcessor.parseIntFromObjectOrString`.
fn parse_int(v: &Option<Value>, name: &str) -> Result<i32, ProcessorError> {
    match v {
        None => return Ok(0),
        Some(Value::String(s)) => {
            if let Some(i) = crate::java::parse_int(s) {
                return Ok(i);
            }
        }
        Some(other) => {
            if let Some(i) = int_value(other) {
                return Ok(i);
            }
        }
    }
    Err(ProcessorError::illegal_argument(format!(
        "unable to parse {name} [{}]",
        show(v)
    )))
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unknown,
    Icmp,
    IcmpV6,
    PortBased,
    Other,
}

/// ES `CommunityIdProcessor.Transport.fromNumber`.
fn transport_from_number(n: i32) -> Result<(i32, Kind), ProcessorError> {
    if !(0..255).contains(&n) {
        return Err(ProcessorError::illegal_argument(format!(
            "invalid transport protocol number [{n}]"
        )));
    }
    let kind = match n {
        1 => Kind::Icmp,
        58 => Kind::IcmpV6,
        6 | 17 | 132 => Kind::PortBased,
        2 | 47 | 88 | 89 | 103 => Kind::Other,
        _ => Kind::Unknown,
    };
    Ok((n, kind))
}

/// ES `CommunityIdProcessor.Transport.fromObject`.
fn transport_from_object(v: &Value) -> Result<(i32, Kind), ProcessorError> {
    if let Value::String(s) = v {
        let number = match s.to_lowercase().as_str() {
            "icmp" => Some(1),
            "igmp" => Some(2),
            "tcp" => Some(6),
            "udp" => Some(17),
            "gre" => Some(47),
            "ipv6-icmp" | "icmpv6" => Some(58),
            "eigrp" => Some(88),
            "ospf" => Some(89),
            "pim" => Some(103),
            "sctp" => Some(132),
            _ => None,
        };
        if let Some(n) = number.or_else(|| crate::java::parse_int(s)) {
            return transport_from_number(n);
        }
        return Err(ProcessorError::illegal_argument(format!(
            "could not convert string [{s}] to transport protocol"
        )));
    }
    match int_value(v) {
        Some(n) => transport_from_number(n),
        None => Err(ProcessorError::illegal_argument(format!(
            "could not convert value of type [{}] to transport protocol",
            v.java_class_name()
        ))),
    }
}

/// ES `CommunityIdProcessor.IcmpType.codeEquivalent` (note: 15 maps to 16 but not back).
fn icmp_code_equivalent(icmp_type: i32, v6: bool) -> Option<i32> {
    if v6 {
        match icmp_type {
            128 => Some(129),
            129 => Some(128),
            133 => Some(134),
            134 => Some(133),
            136 => Some(135),
            135 => Some(136),
            130 => Some(131),
            139 => Some(140),
            140 => Some(139),
            144 => Some(145),
            145 => Some(144),
            _ => None,
        }
    } else {
        match icmp_type {
            8 => Some(0),
            0 => Some(8),
            13 => Some(14),
            14 => Some(13),
            15 => Some(16),
            10 => Some(9),
            9 => Some(10),
            17 => Some(18),
            18 => Some(17),
            _ => None,
        }
    }
}

fn uint16(n: i32) -> Result<[u8; 2], ProcessorError> {
    if !(0..=65535).contains(&n) {
        return Err(ProcessorError::illegal_state(format!(
            "number [{n}] must be a value between 0 and 65535"
        )));
    }
    Ok((n as u16).to_be_bytes())
}

fn numeric(ip: &IpAddr) -> u128 {
    match ip {
        IpAddr::V4(a) => u32::from(*a) as u128,
        IpAddr::V6(a) => u128::from(*a),
    }
}

/// ES `CommunityIdProcessor.Flow`.
struct FlowData {
    source: IpAddr,
    destination: IpAddr,
    protocol: (i32, Kind),
    source_port: i32,
    destination_port: i32,
    icmp_type: i32,
    icmp_code: i32,
}

impl FlowData {
    /// `Flow.toCommunityId`: `1:` and the Base64 SHA-1 of the seed and the flow.
    fn community_id(mut self, seed: [u8; 2]) -> Result<String, ProcessorError> {
        let mut hasher = Sha1::new();
        hasher.update(seed);
        hasher.update(self.encode()?);
        Ok(format!(
            "1:{}",
            base64::engine::general_purpose::STANDARD.encode(hasher.finalize())
        ))
    }

    fn encode(&mut self) -> Result<Vec<u8>, ProcessorError> {
        let kind = self.protocol.1;
        let is_icmp = matches!(kind, Kind::Icmp | Kind::IcmpV6);
        let has_port = is_icmp || kind == Kind::PortBased;
        let mut one_way = false;
        if is_icmp {
            let equivalent = icmp_code_equivalent(self.icmp_type, kind == Kind::IcmpV6);
            one_way = equivalent.is_none();
            self.source_port = self.icmp_type;
            self.destination_port = equivalent.unwrap_or(self.icmp_code);
        }
        let (s, d) = (numeric(&self.source), numeric(&self.destination));
        let ordered = s < d || (s == d && self.source_port < self.destination_port);
        let keep = ordered || (is_icmp && one_way);
        let (first, second) = if keep {
            (&self.source, &self.destination)
        } else {
            (&self.destination, &self.source)
        };
        let mut bytes = inet::address_bytes(first);
        bytes.extend(inet::address_bytes(second));
        bytes.extend(uint16(self.protocol.0 << 8)?);
        if has_port {
            let (p1, p2) = if keep {
                (self.source_port, self.destination_port)
            } else {
                (self.destination_port, self.source_port)
            };
            bytes.extend(uint16(p1)?);
            bytes.extend(uint16(p2)?);
        }
        Ok(bytes)
    }
}

impl Processor for CommunityId {
    fn execute(&self, doc: &mut IngestDocument, _env: &Env) -> Result<Flow, ProcessorError> {
        let im = self.ignore_missing;
        let source_ip = get_ip_string(doc, &self.source_ip, im)?;
        let destination_ip = get_ip_string(doc, &self.destination_ip, im)?;
        let iana = get_object(doc, &self.iana_number, true)?;
        let icmp_type = get_object(doc, &self.icmp_type, true)?;
        let icmp_code = get_object(doc, &self.icmp_code, true)?;
        let flow = build_flow(
            source_ip.as_deref(),
            destination_ip.as_deref(),
            iana,
            || get_object(doc, &self.transport, im),
            || get_object(doc, &self.source_port, im),
            || get_object(doc, &self.destination_port, im),
            icmp_type,
            icmp_code,
        )?;
        let Some(flow) = flow else {
            if im {
                return Ok(Flow::Continue);
            }
            return Err(ProcessorError::illegal_argument(
                "unable to construct flow from document",
            ));
        };
        let id = flow.community_id(self.seed)?;
        doc.set(&self.target_field, Value::String(id))
            .map_err(ProcessorError::illegal_argument)?;
        Ok(Flow::Continue)
    }
}

/// ES `CommunityIdProcessor.apply(...)`, the static form Painless's `Processors.communityId`
/// calls: the flow of the given values, or `unable to construct flow from document`.
#[allow(clippy::too_many_arguments)]
pub fn community_id_of(
    source_ip: Option<&str>,
    destination_ip: Option<&str>,
    iana_number: Option<Value>,
    transport: Option<Value>,
    source_port: Option<Value>,
    destination_port: Option<Value>,
    icmp_type: Option<Value>,
    icmp_code: Option<Value>,
    seed: i32,
) -> Result<String, ProcessorError> {
    let flow = build_flow(
        source_ip,
        destination_ip,
        iana_number,
        || Ok(transport),
        || Ok(source_port),
        || Ok(destination_port),
        icmp_type,
        icmp_code,
    )?;
    let flow = flow.ok_or_else(|| {
        ProcessorError::illegal_argument("unable to construct flow from document")
    })?;
    flow.community_id(uint16(seed)?)
}

/// ES `CommunityIdProcessor.buildFlow`: the transport and the ports are read only when needed
/// (they are suppliers there; the processor's read of a missing field fails only then).
#[allow(clippy::too_many_arguments)]
fn build_flow(
    source_ip: Option<&str>,
    destination_ip: Option<&str>,
    iana: Option<Value>,
    transport: impl FnOnce() -> Result<Option<Value>, ProcessorError>,
    source_port: impl FnOnce() -> Result<Option<Value>, ProcessorError>,
    destination_port: impl FnOnce() -> Result<Option<Value>, ProcessorError>,
    icmp_type: Option<Value>,
    icmp_code: Option<Value>,
) -> Result<Option<FlowData>, ProcessorError> {
    let (Some(source_ip), Some(destination_ip)) = (source_ip, destination_ip) else {
        return Ok(None);
    };
    let source = inet::for_string(source_ip).map_err(ProcessorError::illegal_argument)?;
    let destination = inet::for_string(destination_ip).map_err(ProcessorError::illegal_argument)?;
    let protocol = match iana {
        Some(p) => p,
        None => match transport()? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let protocol = transport_from_object(&protocol)?;
    let mut flow = FlowData {
        source,
        destination,
        protocol,
        source_port: 0,
        destination_port: 0,
        icmp_type: 0,
        icmp_code: 0,
    };
    match protocol.1 {
        Kind::PortBased => {
            let sp = source_port()?;
            flow.source_port = parse_int(&sp, "source port")?;
            // ES 8.x rejects port 0 as well (`< 1`); a missing port parses to 0 and fails here too
            if !(1..=65535).contains(&flow.source_port) {
                return Err(ProcessorError::illegal_argument(format!(
                    "invalid source port [{}]",
                    show(&sp)
                )));
            }
            let dp = destination_port()?;
            flow.destination_port = parse_int(&dp, "destination port")?;
            if !(1..=65535).contains(&flow.destination_port) {
                return Err(ProcessorError::illegal_argument(format!(
                    "invalid destination port [{}]",
                    show(&dp)
                )));
            }
        }
        Kind::Icmp | Kind::IcmpV6 => {
            flow.icmp_type = parse_int(&icmp_type, "icmp type")?;
            flow.icmp_code = parse_int(&icmp_code, "icmp code")?;
        }
        Kind::Unknown | Kind::Other => {}
    }
    Ok(Some(flow))
}

#[cfg(test)]
mod tests {
    use crate::processors::test_support::*;
    use serde_json::{json, Value as Json};

    fn event() -> Json {
        json!({
            "source": {"ip": "128.232.110.120", "port": 34855},
            "destination": {"ip": "66.35.250.204", "port": 80},
            "network": {"transport": "TCP"}
        })
    }

    fn id(doc: &Json, config: Json) -> Result<String, String> {
        let mut cfg = json!({"ignore_missing": false});
        for (k, v) in config.as_object().unwrap() {
            cfg[k] = v.clone();
        }
        run("community_id", cfg, &doc.to_string())
            .map(|d| {
                d.get_str_path("network.community_id")
                    .map(|v| v.to_java_string())
                    .unwrap_or_else(|_| "<none>".into())
            })
            .map_err(|e| e.reason)
    }

    // Vectors from ES CommunityIdProcessorTests (mirroring the Beats processor's tests).
    #[test]
    fn beats_vectors() {
        let e = event();
        assert_eq!(id(&e, json!({})).unwrap(), "1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
        assert_eq!(
            id(&e, json!({"seed": 123})).unwrap(),
            "1:hTSGlFQnR58UCk+NfKRZzA32dPg="
        );

        let mut icmp = event();
        icmp["network"]["transport"] = json!("icmp");
        assert_eq!(
            id(&icmp, json!({})).unwrap(),
            "1:PAE85ZfR4SbNXl5URZwWYyDehwU="
        );
        icmp["icmp"] = json!({"type": 3, "code": 3});
        assert_eq!(
            id(&icmp, json!({})).unwrap(),
            "1:KF3iG9XD24nhlSy4r1TcYIr5mfE="
        );
        icmp["icmp"] = json!({"type": "3", "code": "3"});
        assert_eq!(
            id(&icmp, json!({})).unwrap(),
            "1:KF3iG9XD24nhlSy4r1TcYIr5mfE="
        );
        icmp["icmp"] = json!({"type": 10, "code": 3});
        assert_eq!(
            id(&icmp, json!({})).unwrap(),
            "1:L8wnzpmRHIESLqLBy+zTqW3Pmqs="
        );

        let mut igmp = event();
        igmp["source"].as_object_mut().unwrap().remove("port");
        igmp["destination"].as_object_mut().unwrap().remove("port");
        for t in [json!("igmp"), json!("2"), json!(2)] {
            igmp["network"]["transport"] = t;
            assert_eq!(
                id(&igmp, json!({})).unwrap(),
                "1:D3t8Q1aFA6Ev0A/AO4i9PnU3AeI="
            );
        }

        let mut iana = event();
        iana["network"] = json!({"iana_number": 6});
        assert_eq!(
            id(&iana, json!({})).unwrap(),
            "1:LQU9qZlK+B5F3KDmev6m5PMibrg="
        );
        iana["network"] = json!({"iana_number": "6"});
        assert_eq!(
            id(&iana, json!({})).unwrap(),
            "1:LQU9qZlK+B5F3KDmev6m5PMibrg="
        );

        let ipv4 = json!({"source": {"ip": "192.168.1.2"}, "destination": {"ip": "10.1.2.3"},
                          "network": {"iana_number": "4"}});
        assert_eq!(
            id(&ipv4, json!({})).unwrap(),
            "1:KXQzmk3bdsvD6UXj7dvQ4bM6Zvw="
        );

        let mut v6 = event();
        v6["source"]["ip"] = json!("2001:0db8:85a3:0000:0000:8a2e:0370:7334");
        v6["destination"]["ip"] = json!("2001:0:9d38:6ab8:1c48:3a1c:a95a:b1c2");
        assert_eq!(
            id(&v6, json!({})).unwrap(),
            "1:YC1+javPJ2LpK5xVyw1udfT83Qs="
        );

        let mut ports = event();
        for p in [json!("34855"), json!(34855.0), json!(34855_i64)] {
            ports["source"]["port"] = p;
            assert_eq!(
                id(&ports, json!({})).unwrap(),
                "1:LQU9qZlK+B5F3KDmev6m5PMibrg="
            );
        }
    }

    #[test]
    fn failures() {
        let mut e = event();
        e["source"]["ip"] = json!(2162716280_i64);
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "field [source.ip] of type [java.lang.Long] cannot be cast to [java.lang.String]"
        );
        for (field, value, msg) in [
            ("source", json!(0), "invalid source port [0]"),
            ("source", json!(65536), "invalid source port [65536]"),
            ("destination", json!(0), "invalid destination port [0]"),
            (
                "destination",
                json!(null),
                "invalid destination port [null]",
            ),
            (
                "destination",
                json!("x"),
                "unable to parse destination port [x]",
            ),
        ] {
            let mut e = event();
            e[field]["port"] = value;
            assert_eq!(id(&e, json!({})).unwrap_err(), msg);
        }
        let mut e = event();
        e["destination"]["ip"] = json!("308.111.1.2.3");
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "'308.111.1.2.3' is not an IP string literal."
        );
        let mut e = event();
        e["network"]["transport"] = json!("xyz");
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "could not convert string [xyz] to transport protocol"
        );
        e["network"]["transport"] = json!(true);
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "could not convert value of type [java.lang.Boolean] to transport protocol"
        );
        e["network"]["transport"] = json!(300);
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "invalid transport protocol number [300]"
        );
        let mut e = event();
        e["source"].as_object_mut().unwrap().remove("ip");
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "field [ip] not present as part of path [source.ip]"
        );
        // ignore_missing (the default) leaves the document alone
        let mut e = event();
        e["network"].as_object_mut().unwrap().remove("transport");
        assert_eq!(id(&e, json!({"ignore_missing": true})).unwrap(), "<none>");
        assert_eq!(
            id(&e, json!({})).unwrap_err(),
            "field [transport] not present as part of path [network.transport]"
        );
        assert_eq!(
            config_error("community_id", json!({"seed": 65536})),
            "[seed] must be a value between 0 and 65535"
        );
    }

    #[test]
    fn custom_fields() {
        let doc =
            json!({"a": "128.232.110.120", "b": "66.35.250.204", "p": 34855, "q": 80, "t": 6});
        let d = run(
            "community_id",
            json!({"source_ip": "a", "destination_ip": "b", "source_port": "p",
                   "destination_port": "q", "iana_number": "t", "target_field": "cid"}),
            &doc.to_string(),
        )
        .unwrap();
        assert_eq!(
            d.get_str_path("cid").unwrap().to_java_string(),
            "1:LQU9qZlK+B5F3KDmev6m5PMibrg="
        );
    }
}
