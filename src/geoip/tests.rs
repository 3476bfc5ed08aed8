use super::*;

fn db(name: &str) -> Arc<GeoIpDatabase> {
    GeoIpDatabases::embedded().get(name).unwrap()
}

fn all_props(d: &GeoIpDatabase) -> Vec<Property> {
    let names: Vec<String> = d
        .kind()
        .unwrap()
        .properties()
        .iter()
        .map(|p| p.constant_name().to_lowercase())
        .collect();
    d.parse_properties(Some(&names)).unwrap()
}

fn json(m: &Map) -> serde_json::Value {
    Value::Map(m.clone()).to_serde()
}

#[test]
fn city_default_properties_changchun() {
    let d = db("GeoLite2-City.mmdb");
    assert_eq!(d.database_type(), "GeoLite2-City");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("175.16.199.1", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"city_name": "Changchun", "continent_name": "Asia", "country_iso_code": "CN",
            "country_name": "China", "location": {"lat": 43.88, "lon": 125.3228},
            "region_iso_code": "CN-22", "region_name": "Jilin Sheng"})
    );
    let loc = m.get("location").unwrap().as_map().unwrap();
    assert!(matches!(loc.get("lat"), Some(Value::Double(_))));
    assert_eq!(m.kind, CollectionKind::Hash);
}

#[test]
fn city_london_and_bhutan() {
    let d = db("GeoLite2-City.mmdb");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("81.2.69.144", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"city_name": "London", "continent_name": "Europe", "country_iso_code": "GB",
            "country_name": "United Kingdom", "location": {"lat": 51.5142, "lon": -0.0931},
            "region_iso_code": "GB-ENG", "region_name": "England"})
    );
    let m = d.lookup("81.2.69.142", &props).unwrap().unwrap();
    assert_eq!(m.get("city_name").unwrap().as_str(), Some("London"));
    let m = d.lookup("67.43.156.14", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"continent_name": "Asia", "country_iso_code": "BT", "country_name": "Bhutan",
            "location": {"lat": 27.5, "lon": 90.5}})
    );
}

#[test]
fn city_all_properties_linkoping() {
    let d = db("GeoIP2-City.mmdb");
    let props = all_props(&d);
    let m = d.lookup("89.160.20.128", &props).unwrap().unwrap();
    let j = json(&m);
    assert_eq!(j["ip"], "89.160.20.128");
    assert_eq!(j["city_name"], "Linköping");
    assert_eq!(j["country_iso_code"], "SE");
    assert_eq!(j["country_in_european_union"], true);
    assert_eq!(j["continent_code"], "EU");
    assert_eq!(j["timezone"], "Europe/Stockholm");
    assert_eq!(j["accuracy_radius"], 76);
    assert_eq!(j["registered_country_iso_code"], "DE");
    assert_eq!(j["registered_country_name"], "Germany");
    assert_eq!(j["registered_country_in_european_union"], true);
    assert_eq!(j["region_iso_code"], "SE-E");
    assert_eq!(j["location"]["lat"], 58.4167);
    assert!(matches!(m.get("accuracy_radius"), Some(Value::Int(76))));
}

#[test]
fn country() {
    let d = db("GeoLite2-Country.mmdb");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("89.160.20.128", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"continent_name": "Europe", "country_iso_code": "SE", "country_name": "Sweden"})
    );
    let all = all_props(&d);
    let m = d.lookup("82.170.213.79", &all).unwrap();
    if let Some(m) = m {
        assert!(m.contains_key("ip"));
    }
}

#[test]
fn asn() {
    let d = db("GeoLite2-ASN.mmdb");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("1.128.0.0", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"ip": "1.128.0.0", "asn": 1221, "organization_name": "Telstra Pty Ltd",
            "network": "1.128.0.0/11"})
    );
    assert!(matches!(m.get("asn"), Some(Value::Long(1221))));
    // the Okta pipeline's properties
    let props = d
        .parse_properties(Some(&["asn".to_string(), "organization_name".to_string()]))
        .unwrap();
    let m = d.lookup("67.43.156.14", &props).unwrap().unwrap();
    assert_eq!(json(&m), serde_json::json!({"asn": 35908}));
    let m = d
        .lookup("2602:0:1::1", &d.parse_properties(None).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        m.get("network").unwrap().as_str(),
        Some("2602:0:0:0:0:0:0:0/24")
    );
    assert_eq!(m.get("ip").unwrap().as_str(), Some("2602:0:1::1"));
    assert_eq!(m.get("asn"), Some(&Value::Long(209)));
}

#[test]
fn anonymous_ip() {
    let d = db("GeoIP2-Anonymous-IP.mmdb");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("81.2.69.0", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"hosting_provider": true, "tor_exit_node": true, "anonymous_vpn": true,
            "anonymous": true, "public_proxy": true, "residential_proxy": true})
    );
    let m = d.lookup("186.30.236.0", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"hosting_provider": false, "tor_exit_node": false, "anonymous_vpn": false,
            "anonymous": true, "public_proxy": true, "residential_proxy": false})
    );
}

#[test]
fn isp() {
    let d = db("GeoIP2-ISP.mmdb");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("149.101.100.0", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"ip": "149.101.100.0", "asn": 6167, "organization_name": "CELLCO-PART",
            "network": "149.101.100.0/28", "isp": "Verizon Wireless", "isp_organization_name": "Verizon Wireless",
            "mobile_country_code": "310", "mobile_network_code": "004"})
    );
}

#[test]
fn domain_and_connection_type() {
    let d = db("GeoIP2-Domain.mmdb");
    let m = d
        .lookup("69.219.32.0", &d.parse_properties(None).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(json(&m), serde_json::json!({"domain": "ameritech.net"}));
    let d = db("GeoIP2-Connection-Type.mmdb");
    let props = d.parse_properties(None).unwrap();
    let m = d.lookup("214.78.120.0", &props).unwrap().unwrap();
    assert_eq!(
        json(&m),
        serde_json::json!({"connection_type": "Satellite"})
    );
    let m = d.lookup("80.214.0.0", &props).unwrap().unwrap();
    assert_eq!(json(&m), serde_json::json!({"connection_type": "Cellular"}));
}

#[test]
fn enterprise() {
    let d = db("GeoIP2-Enterprise.mmdb");
    let m = d
        .lookup("74.209.24.0", &d.parse_properties(None).unwrap())
        .unwrap()
        .unwrap();
    let j = json(&m);
    assert_eq!(j["city_name"], "Chatham");
    assert_eq!(j["country_iso_code"], "US");
    assert_eq!(j["region_iso_code"], "US-NY");
    let m = d.lookup("74.209.24.0", &all_props(&d)).unwrap().unwrap();
    let j = json(&m);
    assert_eq!(j["city_confidence"], 11);
    assert_eq!(j["country_confidence"], 99);
    assert_eq!(j["postal_code"], "12037");
    assert_eq!(j["postal_confidence"], 11);
    assert_eq!(j["accuracy_radius"], 27);
    assert_eq!(j["network"], "74.209.16.0/20");
    assert_eq!(j["hosting_provider"], false);
    eprintln!("{j}");
}

#[test]
fn not_found_and_invalid() {
    let d = db("GeoLite2-City.mmdb");
    let props = d.parse_properties(None).unwrap();
    assert_eq!(d.lookup("127.0.0.1", &props).unwrap(), None);
    assert_eq!(d.lookup("192.168.1.10", &props).unwrap(), None);
    assert_eq!(d.lookup("::1", &props).unwrap(), None);
    assert_eq!(
        d.lookup("www.google.com", &props).unwrap_err(),
        "'www.google.com' is not an IP string literal."
    );
    assert_eq!(
        d.lookup("", &props).unwrap_err(),
        "'' is not an IP string literal."
    );
    // IPv4-mapped IPv6 is looked up as IPv4
    let m = d.lookup("::ffff:175.16.199.1", &props).unwrap().unwrap();
    assert_eq!(m.get("city_name").unwrap().as_str(), Some("Changchun"));
}

#[test]
fn property_errors() {
    let d = db("GeoLite2-ASN.mmdb");
    assert_eq!(
        d.parse_properties(Some(&["city_name".to_string()])).unwrap_err(),
        "illegal property value [city_name]. valid values are [IP, ASN, ORGANIZATION_NAME, NETWORK]"
    );
    let d = db("GeoLite2-Country.mmdb");
    assert_eq!(
        d.parse_properties(Some(&["foo".to_string()])).unwrap_err(),
        "illegal property value [foo]. valid values are [IP, COUNTRY_IN_EUROPEAN_UNION, COUNTRY_ISO_CODE, \
         COUNTRY_NAME, CONTINENT_CODE, CONTINENT_NAME, REGISTERED_COUNTRY_IN_EUROPEAN_UNION, \
         REGISTERED_COUNTRY_ISO_CODE, REGISTERED_COUNTRY_NAME]"
    );
    assert_eq!(
        d.parse_properties(Some(&["COUNTRY_NAME".to_string(), "ip".to_string()]))
            .unwrap(),
        vec![Property::Ip, Property::CountryName]
    );
}

#[test]
fn database_names_and_errors() {
    let dbs = GeoIpDatabases::embedded();
    for n in [
        "GeoLite2-City.mmdb",
        "GeoLite2-Country.mmdb",
        "GeoLite2-ASN.mmdb",
        "GeoIP2-City.mmdb",
        "GeoIP2-Country.mmdb",
        "GeoIP2-Anonymous-IP.mmdb",
        "GeoIP2-ISP.mmdb",
        "GeoIP2-Enterprise.mmdb",
        "GeoIP2-Domain.mmdb",
        "GeoIP2-Connection-Type.mmdb",
        "GeoIP2-City-Test.mmdb",
        "GeoLite2-ASN-Test.mmdb",
    ] {
        let d = dbs.get(n).unwrap_or_else(|| panic!("{n}"));
        assert!(d.kind().is_ok(), "{n}");
    }
    assert!(dbs.get("nope.mmdb").is_none());
    assert_eq!(
        unknown_database_error("nope.mmdb"),
        "database file [nope.mmdb] doesn't exist"
    );
    assert_eq!(
        database_unavailable_tag("geoip", "nope.mmdb"),
        "_geoip_database_unavailable_nope.mmdb"
    );
    assert_eq!(
        DatabaseKind::from_database_type("GeoIP2-Precision-City"),
        Some(DatabaseKind::City)
    );
    assert_eq!(
        DatabaseKind::from_database_type("ipinfo standard_asn"),
        None
    );
}

#[test]
fn from_dir_overrides() {
    let dir = tempfile::tempdir().unwrap();
    // a Country database under the City file name: the override wins
    std::fs::write(
        dir.path().join("GeoLite2-City.mmdb"),
        include_bytes!("../../data/geoip/GeoLite2-Country-Test.mmdb"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("Custom.mmdb"),
        include_bytes!("../../data/geoip/GeoLite2-ASN-Test.mmdb"),
    )
    .unwrap();
    let dbs = GeoIpDatabases::from_dir(dir.path()).unwrap();
    assert_eq!(
        dbs.get("GeoLite2-City.mmdb").unwrap().database_type(),
        "GeoLite2-Country"
    );
    assert_eq!(
        dbs.get("Custom.mmdb").unwrap().database_type(),
        "GeoLite2-ASN"
    );
    assert_eq!(
        dbs.get("GeoLite2-ASN.mmdb").unwrap().database_type(),
        "GeoLite2-ASN"
    );
    std::fs::write(dir.path().join("Broken.mmdb"), b"not a database").unwrap();
    assert!(GeoIpDatabases::from_dir(dir.path()).is_err());
}

#[test]
fn lists_and_first_only() {
    let d = db("GeoLite2-City.mmdb");
    let props = d
        .parse_properties(Some(&["city_name".to_string()]))
        .unwrap();
    let ips = vec![
        Value::from("127.0.0.1"),
        Value::from("175.16.199.1"),
        Value::from("81.2.69.142"),
    ];
    let first = lookup_list(&d, &ips, "f", &props, true).unwrap().unwrap();
    assert_eq!(
        Value::Map(first.as_map().unwrap().clone()).to_json(),
        r#"{"city_name":"Changchun"}"#
    );
    let all = lookup_list(&d, &ips, "f", &props, false).unwrap().unwrap();
    assert_eq!(
        all.to_json(),
        r#"[null,{"city_name":"Changchun"},{"city_name":"London"}]"#
    );
    let none = lookup_list(&d, &[Value::from("10.0.0.1")], "f", &props, false).unwrap();
    assert!(none.is_none());
    assert_eq!(
        lookup_list(&d, &[Value::Int(1)], "f", &props, false).unwrap_err(),
        "array in field [f] should only contain strings"
    );
}

#[test]
fn threads_share_cache() {
    let d = db("GeoLite2-City.mmdb");
    let props = d.parse_properties(None).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            let d = d.clone();
            let props = props.clone();
            s.spawn(move || {
                for _ in 0..100 {
                    let m = d.lookup("175.16.199.1", &props).unwrap().unwrap();
                    assert_eq!(m.get("city_name").unwrap().as_str(), Some("Changchun"));
                }
            });
        }
    });
}
