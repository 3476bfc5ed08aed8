//! The geo and AS fields of the Okta conformance documents, reproduced with the embedded databases
//! the way the Okta pipeline asks for them (default City lookup; ASN with `asn` and
//! `organization_name`, then renamed to `number` / `organization.name`).

use ingest_emu::geoip::GeoIpDatabases;
use ingest_emu::value::{Map, Value};
use std::path::Path;

fn as_ecs(m: Map) -> Value {
    let mut out = Map::new();
    if let Some(n) = m.get("asn") {
        out.insert("number", n.clone());
    }
    if let Some(o) = m.get("organization_name") {
        let mut org = Map::new();
        org.insert("name", o.clone());
        out.insert("organization", Value::Map(org));
    }
    Value::Map(out)
}

#[test]
fn okta_source_geo_and_as() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.is_dir() {
        println!("skipped: ../shared not found");
        return;
    }
    let path = shared.join(
        "conformance/okta/data_stream/system/_dev/test/pipeline/test-okta-system-yes-flattened-events.log-expected.json",
    );
    let doc = Value::from_json_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let expected = doc
        .as_map()
        .unwrap()
        .get("expected")
        .unwrap()
        .as_list()
        .unwrap();
    let dbs = GeoIpDatabases::embedded();
    let city = dbs.get("GeoLite2-City.mmdb").unwrap();
    let asn = dbs.get("GeoLite2-ASN.mmdb").unwrap();
    let city_props = city.parse_properties(None).unwrap();
    let asn_props = asn
        .parse_properties(Some(&["asn".to_string(), "organization_name".to_string()]))
        .unwrap();
    let mut checked = 0;
    for e in expected {
        let e = e.as_map().unwrap();
        for side in ["source", "destination"] {
            let Some(s) = e.get(side).and_then(Value::as_map) else {
                continue;
            };
            let Some(ip) = s.get("ip").and_then(Value::as_str) else {
                continue;
            };
            let geo = city.lookup(ip, &city_props).unwrap().map(Value::Map);
            // compared as JSON: the expected file does not carry Java number types (ES writes a Long asn)
            let j = |v: Option<&Value>| v.map(Value::to_serde);
            assert_eq!(j(geo.as_ref()), j(s.get("geo")), "{side}.geo for {ip}");
            let as_ = asn.lookup(ip, &asn_props).unwrap().map(as_ecs);
            assert_eq!(j(as_.as_ref()), j(s.get("as")), "{side}.as for {ip}");
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
}
