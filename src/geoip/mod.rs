//! IP geolocation as Elasticsearch's `ingest-geoip` module computes it for MaxMind databases
//! (`Database`, `IpDataLookupFactories`, `MaxmindIpDataLookups`, `GeoIpCache`), on the `maxminddb` crate.
//!
//! MaxMind's public test databases are embedded under the file names pipelines use, mapped like
//! Elasticsearch's own tests and elastic-package's test stack (`GeoLite2-City.mmdb` is
//! `GeoLite2-City-Test.mmdb`, ...); see `data/geoip/PROVENANCE.md`. Real databases can be loaded from a
//! directory and override the embedded ones by file name.

use crate::useragent::cache::BoundedCache;
use crate::value::{CollectionKind, Map, Value};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// `ingest.geoip.cache_size` default.
pub const DEFAULT_CACHE_SIZE: usize = 1000;
/// `database_file` default of the geoip processor.
pub const DEFAULT_DATABASE_FILE: &str = "GeoLite2-City.mmdb";

/// (file name pipelines use, embedded test file). The `-Test` names are there too because
/// Elasticsearch's own tests refer to them directly.
const EMBEDDED: &[(&str, &[u8])] = &[
    (
        "GeoLite2-City.mmdb",
        include_bytes!("../../data/geoip/GeoLite2-City-Test.mmdb"),
    ),
    (
        "GeoLite2-Country.mmdb",
        include_bytes!("../../data/geoip/GeoLite2-Country-Test.mmdb"),
    ),
    (
        "GeoLite2-ASN.mmdb",
        include_bytes!("../../data/geoip/GeoLite2-ASN-Test.mmdb"),
    ),
    (
        "GeoIP2-City.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-City-Test.mmdb"),
    ),
    (
        "GeoIP2-Country.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-Country-Test.mmdb"),
    ),
    (
        "GeoIP2-Anonymous-IP.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-Anonymous-IP-Test.mmdb"),
    ),
    (
        "GeoIP2-ISP.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-ISP-Test.mmdb"),
    ),
    (
        "GeoIP2-Enterprise.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-Enterprise-Test.mmdb"),
    ),
    (
        "GeoIP2-Domain.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-Domain-Test.mmdb"),
    ),
    (
        "GeoIP2-Connection-Type.mmdb",
        include_bytes!("../../data/geoip/GeoIP2-Connection-Type-Test.mmdb"),
    ),
];

/// `Database`: the kinds of MaxMind database Elasticsearch supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatabaseKind {
    City,
    Country,
    Asn,
    AnonymousIp,
    ConnectionType,
    Domain,
    Enterprise,
    Isp,
}

impl DatabaseKind {
    /// `IpDataLookupFactories.getMaxmindDatabase`: dispatch on the (case-sensitive) suffix of the
    /// metadata's database type.
    pub fn from_database_type(t: &str) -> Option<DatabaseKind> {
        if t.trim().is_empty() {
            return None;
        }
        let kinds = [
            ("-City", DatabaseKind::City),
            ("-Country", DatabaseKind::Country),
            ("-ASN", DatabaseKind::Asn),
            ("-Anonymous-IP", DatabaseKind::AnonymousIp),
            ("-Connection-Type", DatabaseKind::ConnectionType),
            ("-Domain", DatabaseKind::Domain),
            ("-Enterprise", DatabaseKind::Enterprise),
            ("-ISP", DatabaseKind::Isp),
        ];
        kinds
            .iter()
            .find(|(suffix, _)| t.ends_with(suffix))
            .map(|(_, k)| *k)
    }

    /// Valid properties (`Database.properties()`).
    pub fn properties(self) -> &'static [Property] {
        use Property::*;
        match self {
            DatabaseKind::City => &[
                Ip,
                CountryInEuropeanUnion,
                CountryIsoCode,
                ContinentCode,
                CountryName,
                ContinentName,
                RegionIsoCode,
                RegionName,
                CityName,
                Timezone,
                Location,
                PostalCode,
                AccuracyRadius,
                RegisteredCountryInEuropeanUnion,
                RegisteredCountryIsoCode,
                RegisteredCountryName,
            ],
            DatabaseKind::Country => &[
                Ip,
                ContinentCode,
                ContinentName,
                CountryName,
                CountryInEuropeanUnion,
                CountryIsoCode,
                RegisteredCountryInEuropeanUnion,
                RegisteredCountryIsoCode,
                RegisteredCountryName,
            ],
            DatabaseKind::Asn => &[Ip, Asn, OrganizationName, Network],
            DatabaseKind::AnonymousIp => &[
                Ip,
                HostingProvider,
                TorExitNode,
                AnonymousVpn,
                Anonymous,
                PublicProxy,
                ResidentialProxy,
            ],
            DatabaseKind::ConnectionType => &[Ip, ConnectionType],
            DatabaseKind::Domain => &[Ip, Domain],
            DatabaseKind::Enterprise => &[
                Ip,
                CountryConfidence,
                CountryInEuropeanUnion,
                CountryIsoCode,
                CountryName,
                ContinentCode,
                ContinentName,
                RegionIsoCode,
                RegionName,
                CityConfidence,
                CityName,
                Timezone,
                Location,
                Asn,
                OrganizationName,
                Network,
                HostingProvider,
                TorExitNode,
                AnonymousVpn,
                Anonymous,
                PublicProxy,
                ResidentialProxy,
                Domain,
                Isp,
                IspOrganizationName,
                MobileCountryCode,
                MobileNetworkCode,
                UserType,
                ConnectionType,
                PostalCode,
                PostalConfidence,
                AccuracyRadius,
                RegisteredCountryInEuropeanUnion,
                RegisteredCountryIsoCode,
                RegisteredCountryName,
            ],
            DatabaseKind::Isp => &[
                Ip,
                Asn,
                OrganizationName,
                Network,
                Isp,
                IspOrganizationName,
                MobileCountryCode,
                MobileNetworkCode,
            ],
        }
    }

    /// Properties used when the processor has no `properties` option (`Database.defaultProperties()`).
    pub fn default_properties(self) -> &'static [Property] {
        use Property::*;
        const CITY: &[Property] = &[
            CountryIsoCode,
            CountryName,
            ContinentName,
            RegionIsoCode,
            RegionName,
            CityName,
            Location,
        ];
        match self {
            DatabaseKind::City | DatabaseKind::Enterprise => CITY,
            DatabaseKind::Country => &[ContinentName, CountryName, CountryIsoCode],
            DatabaseKind::Asn => &[Ip, Asn, OrganizationName, Network],
            DatabaseKind::AnonymousIp => &[
                HostingProvider,
                TorExitNode,
                AnonymousVpn,
                Anonymous,
                PublicProxy,
                ResidentialProxy,
            ],
            DatabaseKind::ConnectionType => &[ConnectionType],
            DatabaseKind::Domain => &[Domain],
            DatabaseKind::Isp => self.properties(),
        }
    }
}

macro_rules! properties {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// `Database.Property`, in its declaration order (which is what error messages sort by).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Property { $($variant),* }
        impl Property {
            pub const ALL: &'static [Property] = &[$(Property::$variant),*];
            /// The enum constant name, e.g. `COUNTRY_ISO_CODE`.
            pub fn constant_name(self) -> &'static str {
                match self { $(Property::$variant => $name),* }
            }
        }
    };
}

properties! {
    Ip => "IP",
    CountryConfidence => "COUNTRY_CONFIDENCE",
    CountryInEuropeanUnion => "COUNTRY_IN_EUROPEAN_UNION",
    CountryIsoCode => "COUNTRY_ISO_CODE",
    CountryName => "COUNTRY_NAME",
    ContinentCode => "CONTINENT_CODE",
    ContinentName => "CONTINENT_NAME",
    RegionIsoCode => "REGION_ISO_CODE",
    RegionName => "REGION_NAME",
    CityConfidence => "CITY_CONFIDENCE",
    CityName => "CITY_NAME",
    Timezone => "TIMEZONE",
    Location => "LOCATION",
    Asn => "ASN",
    OrganizationName => "ORGANIZATION_NAME",
    Network => "NETWORK",
    HostingProvider => "HOSTING_PROVIDER",
    TorExitNode => "TOR_EXIT_NODE",
    AnonymousVpn => "ANONYMOUS_VPN",
    Anonymous => "ANONYMOUS",
    PublicProxy => "PUBLIC_PROXY",
    ResidentialProxy => "RESIDENTIAL_PROXY",
    Domain => "DOMAIN",
    Isp => "ISP",
    IspOrganizationName => "ISP_ORGANIZATION_NAME",
    MobileCountryCode => "MOBILE_COUNTRY_CODE",
    MobileNetworkCode => "MOBILE_NETWORK_CODE",
    ConnectionType => "CONNECTION_TYPE",
    UserType => "USER_TYPE",
    Type => "TYPE",
    PostalCode => "POSTAL_CODE",
    PostalConfidence => "POSTAL_CONFIDENCE",
    AccuracyRadius => "ACCURACY_RADIUS",
    Hosting => "HOSTING",
    Tor => "TOR",
    Proxy => "PROXY",
    Relay => "RELAY",
    Vpn => "VPN",
    Service => "SERVICE",
    RegisteredCountryInEuropeanUnion => "REGISTERED_COUNTRY_IN_EUROPEAN_UNION",
    RegisteredCountryIsoCode => "REGISTERED_COUNTRY_ISO_CODE",
    RegisteredCountryName => "REGISTERED_COUNTRY_NAME",
}

impl Property {
    /// `Property.parseProperty`: case-insensitive, validated against the database kind. The error is
    /// Elasticsearch's (the processor factory prefixes `[properties] `).
    pub fn parse(kind: DatabaseKind, name: &str) -> Result<Property, String> {
        let upper = name.to_uppercase();
        let valid = kind.properties();
        match Property::ALL.iter().find(|p| p.constant_name() == upper) {
            Some(p) if valid.contains(p) => Ok(*p),
            _ => {
                let mut sorted = valid.to_vec();
                sorted.sort();
                let names: Vec<&str> = sorted.iter().map(|p| p.constant_name()).collect();
                Err(format!(
                    "illegal property value [{name}]. valid values are [{}]",
                    names.join(", ")
                ))
            }
        }
    }
}

/// The error for a `database_file` that no loaded database has, as Elasticsearch 7.x raised it at
/// pipeline creation. Elasticsearch 8.x instead creates a processor that tags documents, see
/// [`database_unavailable_tag`].
pub fn unknown_database_error(file: &str) -> String {
    format!("database file [{file}] doesn't exist")
}

/// The tag Elasticsearch 8.x appends to `tags` when the database file is not available
/// (`GeoIpProcessor.DatabaseUnavailableProcessor`), for processor type `geoip` or `ip_location`.
pub fn database_unavailable_tag(processor_type: &str, file: &str) -> String {
    format!("_{processor_type}_database_unavailable_{file}")
}

/// `NetworkAddress.format`: IPv6 in RFC 5952 compressed form, IPv4 dotted.
fn format_ip(ip: IpAddr) -> String {
    ip.to_string()
}

/// `InetAddress.getHostAddress()`, used by MaxMind's `Network.toString()`: IPv6 uncompressed, each
/// group in lowercase hex without leading zeros.
fn java_host_address(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => v6
            .segments()
            .iter()
            .map(|s| format!("{s:x}"))
            .collect::<Vec<_>>()
            .join(":"),
    }
}

fn network_of(ip: IpAddr, prefix: usize) -> String {
    let masked = match ip {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let mask = if prefix == 0 {
                0
            } else {
                u32::MAX << (32 - prefix.min(32))
            };
            IpAddr::V4(Ipv4Addr::from(bits & mask))
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let mask = if prefix == 0 {
                0
            } else {
                u128::MAX << (128 - prefix.min(128))
            };
            IpAddr::V6(Ipv6Addr::from(bits & mask))
        }
    };
    format!("{}/{}", java_host_address(masked), prefix)
}

// ---- the record, as far as Elasticsearch reads it -------------------------------------------------

#[derive(Debug, Clone, Default, Deserialize)]
struct Named {
    #[serde(default)]
    names: BTreeMap<String, String>,
    #[serde(default)]
    iso_code: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    confidence: Option<u64>,
    #[serde(default)]
    is_in_european_union: Option<bool>,
}

impl Named {
    /// Names are read with locale list `["en"]`.
    fn name(&self) -> Option<&str> {
        self.names.get("en").map(String::as_str)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
struct LocationRec {
    #[serde(default)]
    latitude: Option<f64>,
    #[serde(default)]
    longitude: Option<f64>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    accuracy_radius: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct PostalRec {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    confidence: Option<u64>,
}

/// Fields that sit at the top level in ASN/ISP/Anonymous-IP/Domain/Connection-Type databases and under
/// `traits` in Enterprise ones.
#[derive(Debug, Clone, Default, Deserialize)]
struct Traits {
    #[serde(default)]
    autonomous_system_number: Option<u64>,
    #[serde(default)]
    autonomous_system_organization: Option<String>,
    #[serde(default)]
    isp: Option<String>,
    #[serde(default)]
    organization: Option<String>,
    #[serde(default)]
    mobile_country_code: Option<String>,
    #[serde(default)]
    mobile_network_code: Option<String>,
    #[serde(default)]
    is_hosting_provider: Option<bool>,
    #[serde(default)]
    is_tor_exit_node: Option<bool>,
    #[serde(default)]
    is_anonymous_vpn: Option<bool>,
    #[serde(default)]
    is_anonymous: Option<bool>,
    #[serde(default)]
    is_public_proxy: Option<bool>,
    #[serde(default)]
    is_residential_proxy: Option<bool>,
    #[serde(default)]
    user_type: Option<String>,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    connection_type: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct Record {
    #[serde(default)]
    city: Option<Named>,
    #[serde(default)]
    continent: Option<Named>,
    #[serde(default)]
    country: Option<Named>,
    #[serde(default)]
    registered_country: Option<Named>,
    #[serde(default)]
    location: Option<LocationRec>,
    #[serde(default)]
    postal: Option<PostalRec>,
    #[serde(default)]
    subdivisions: Option<Vec<Named>>,
    #[serde(default)]
    traits: Option<Traits>,
    #[serde(flatten)]
    flat: Traits,
}

/// A record found for an address, with the prefix length of its network.
#[derive(Debug, Clone)]
struct Found {
    record: Record,
    prefix_len: usize,
}

/// GeoIP2's `ConnectionType.fromString`: unknown values are dropped.
fn connection_type_name(s: &str) -> Option<&'static str> {
    ["Dialup", "Cable/DSL", "Corporate", "Cellular", "Satellite"]
        .into_iter()
        .find(|c| *c == s)
}

/// One loaded database with its lookup cache.
pub struct GeoIpDatabase {
    file_name: String,
    database_type: String,
    kind: Option<DatabaseKind>,
    reader: maxminddb::Reader<Vec<u8>>,
    cache: BoundedCache<IpAddr, Option<Arc<Found>>>,
}

impl std::fmt::Debug for GeoIpDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeoIpDatabase")
            .field("file_name", &self.file_name)
            .field("database_type", &self.database_type)
            .finish()
    }
}

impl GeoIpDatabase {
    pub fn from_bytes(file_name: &str, bytes: Vec<u8>) -> Result<GeoIpDatabase, String> {
        let reader = maxminddb::Reader::from_source(bytes)
            .map_err(|e| format!("cannot read geoip database [{file_name}]: {e}"))?;
        let database_type = reader.metadata.database_type.clone();
        Ok(GeoIpDatabase {
            file_name: file_name.to_string(),
            kind: DatabaseKind::from_database_type(&database_type),
            database_type,
            reader,
            cache: BoundedCache::new(DEFAULT_CACHE_SIZE),
        })
    }

    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The metadata's database type, e.g. `GeoLite2-City`.
    pub fn database_type(&self) -> &str {
        &self.database_type
    }

    /// The supported kind, or Elasticsearch's error for an unsupported database type.
    pub fn kind(&self) -> Result<DatabaseKind, String> {
        self.kind.ok_or_else(|| {
            format!(
                "Unsupported database type [{}] for file [{}]",
                self.database_type, self.file_name
            )
        })
    }

    /// `Database.parseProperties`: `None` gives the default properties. Errors are Elasticsearch's.
    pub fn parse_properties(&self, props: Option<&[String]>) -> Result<Vec<Property>, String> {
        let kind = self.kind()?;
        let mut out = match props {
            None => kind.default_properties().to_vec(),
            Some(names) => {
                let mut v = Vec::new();
                for n in names {
                    let p = Property::parse(kind, n)?;
                    if !v.contains(&p) {
                        v.push(p);
                    }
                }
                v
            }
        };
        out.sort();
        Ok(out)
    }

    fn find(&self, ip: IpAddr) -> Result<Option<Arc<Found>>, String> {
        if let Some(hit) = self.cache.get(&ip) {
            return Ok(hit);
        }
        let found = match self.reader.lookup_prefix::<Record>(ip) {
            Ok((record, prefix_len)) => Some(Arc::new(Found { record, prefix_len })),
            Err(maxminddb::MaxMindDBError::AddressNotFoundError(_)) => None,
            Err(e) => return Err(format!("geoip lookup of [{ip}] failed: {e}")),
        };
        self.cache.put(ip, found.clone());
        Ok(found)
    }

    /// Looks `ip` up and builds the object Elasticsearch stores at `target_field`. `Ok(None)` when the
    /// address is not in the database (private, reserved, unknown): Elasticsearch then writes nothing.
    pub fn lookup(&self, ip: &str, props: &[Property]) -> Result<Option<Map>, String> {
        let kind = self.kind()?;
        let addr = crate::inet::for_string(ip)?;
        let Some(found) = self.find(addr)? else {
            return Ok(None);
        };
        let data = transform(kind, &found, addr, props);
        Ok(if data.is_empty() { None } else { Some(data) })
    }
}

fn transform(kind: DatabaseKind, found: &Found, addr: IpAddr, props: &[Property]) -> Map {
    let r = &found.record;
    let empty = Named::default();
    let country = r.country.as_ref().unwrap_or(&empty);
    let registered = r.registered_country.as_ref().unwrap_or(&empty);
    let continent = r.continent.as_ref().unwrap_or(&empty);
    let city = r.city.as_ref().unwrap_or(&empty);
    // getMostSpecificSubdivision: the last one, or an empty record
    let subdivision = r
        .subdivisions
        .as_ref()
        .and_then(|s| s.last())
        .unwrap_or(&empty);
    let no_location = LocationRec::default();
    let location = r.location.as_ref().unwrap_or(&no_location);
    let traits: &Traits = match kind {
        DatabaseKind::Enterprise | DatabaseKind::City | DatabaseKind::Country => {
            static NONE: OnceLock<Traits> = OnceLock::new();
            r.traits
                .as_ref()
                .unwrap_or_else(|| NONE.get_or_init(Traits::default))
        }
        _ => &r.flat,
    };
    let s = |v: &str| Value::String(v.to_string());
    let mut data = Map::with_kind(CollectionKind::Hash);
    for p in props {
        let (key, value): (&str, Option<Value>) = match p {
            Property::Ip => ("ip", Some(Value::String(format_ip(addr)))),
            Property::CountryInEuropeanUnion => (
                "country_in_european_union",
                country
                    .iso_code
                    .as_ref()
                    .map(|_| Value::Bool(country.is_in_european_union.unwrap_or(false))),
            ),
            Property::CountryIsoCode => ("country_iso_code", country.iso_code.as_deref().map(s)),
            Property::CountryName => ("country_name", country.name().map(s)),
            Property::CountryConfidence => (
                "country_confidence",
                country.confidence.map(|c| Value::Int(c as i32)),
            ),
            Property::ContinentCode => ("continent_code", continent.code.as_deref().map(s)),
            Property::ContinentName => ("continent_name", continent.name().map(s)),
            Property::RegionIsoCode => (
                "region_iso_code",
                match (&country.iso_code, &subdivision.iso_code) {
                    (Some(c), Some(sub)) => Some(Value::String(format!("{c}-{sub}"))),
                    _ => None,
                },
            ),
            Property::RegionName => ("region_name", subdivision.name().map(s)),
            Property::CityName => ("city_name", city.name().map(s)),
            Property::CityConfidence => (
                "city_confidence",
                city.confidence.map(|c| Value::Int(c as i32)),
            ),
            Property::Timezone => ("timezone", location.time_zone.as_deref().map(s)),
            Property::Location => (
                "location",
                match (location.latitude, location.longitude) {
                    (Some(lat), Some(lon)) => {
                        let mut m = Map::with_kind(CollectionKind::Hash);
                        m.insert("lat", Value::Double(lat));
                        m.insert("lon", Value::Double(lon));
                        Some(Value::Map(m))
                    }
                    _ => None,
                },
            ),
            Property::AccuracyRadius => (
                "accuracy_radius",
                location.accuracy_radius.map(|a| Value::Int(a as i32)),
            ),
            Property::PostalCode => (
                "postal_code",
                r.postal.as_ref().and_then(|p| p.code.as_deref()).map(s),
            ),
            Property::PostalConfidence => (
                "postal_confidence",
                r.postal
                    .as_ref()
                    .and_then(|p| p.confidence)
                    .map(|c| Value::Int(c as i32)),
            ),
            Property::RegisteredCountryInEuropeanUnion => (
                "registered_country_in_european_union",
                registered
                    .iso_code
                    .as_ref()
                    .map(|_| Value::Bool(registered.is_in_european_union.unwrap_or(false))),
            ),
            Property::RegisteredCountryIsoCode => (
                "registered_country_iso_code",
                registered.iso_code.as_deref().map(s),
            ),
            Property::RegisteredCountryName => {
                ("registered_country_name", registered.name().map(s))
            }
            Property::Asn => (
                "asn",
                traits
                    .autonomous_system_number
                    .map(|a| Value::Long(a as i64)),
            ),
            Property::OrganizationName => (
                "organization_name",
                traits.autonomous_system_organization.as_deref().map(s),
            ),
            Property::Network => (
                "network",
                // Enterprise reads the network from traits, which MaxMind fills in for every record.
                Some(Value::String(network_of(addr, found.prefix_len))),
            ),
            Property::HostingProvider => (
                "hosting_provider",
                Some(Value::Bool(traits.is_hosting_provider.unwrap_or(false))),
            ),
            Property::TorExitNode => (
                "tor_exit_node",
                Some(Value::Bool(traits.is_tor_exit_node.unwrap_or(false))),
            ),
            Property::AnonymousVpn => (
                "anonymous_vpn",
                Some(Value::Bool(traits.is_anonymous_vpn.unwrap_or(false))),
            ),
            Property::Anonymous => (
                "anonymous",
                Some(Value::Bool(traits.is_anonymous.unwrap_or(false))),
            ),
            Property::PublicProxy => (
                "public_proxy",
                Some(Value::Bool(traits.is_public_proxy.unwrap_or(false))),
            ),
            Property::ResidentialProxy => (
                "residential_proxy",
                Some(Value::Bool(traits.is_residential_proxy.unwrap_or(false))),
            ),
            Property::Domain => ("domain", traits.domain.as_deref().map(s)),
            Property::Isp => ("isp", traits.isp.as_deref().map(s)),
            Property::IspOrganizationName => (
                "isp_organization_name",
                traits.organization.as_deref().map(s),
            ),
            Property::MobileCountryCode => (
                "mobile_country_code",
                traits.mobile_country_code.as_deref().map(s),
            ),
            Property::MobileNetworkCode => (
                "mobile_network_code",
                traits.mobile_network_code.as_deref().map(s),
            ),
            Property::UserType => ("user_type", traits.user_type.as_deref().map(s)),
            Property::ConnectionType => (
                "connection_type",
                traits
                    .connection_type
                    .as_deref()
                    .and_then(connection_type_name)
                    .map(s),
            ),
            // ipinfo-only properties; never valid for a MaxMind database kind.
            Property::Type
            | Property::Hosting
            | Property::Tor
            | Property::Proxy
            | Property::Relay
            | Property::Vpn
            | Property::Service => ("", None),
        };
        if let Some(v) = value {
            data.insert(key, v);
        }
    }
    data
}

/// The databases a node has, by file name.
#[derive(Debug, Clone)]
pub struct GeoIpDatabases {
    by_file: HashMap<String, Arc<GeoIpDatabase>>,
}

impl GeoIpDatabases {
    /// The embedded MaxMind test databases under the names pipelines use (loaded once per process).
    pub fn embedded() -> Arc<GeoIpDatabases> {
        static EMBEDDED_DBS: OnceLock<Arc<GeoIpDatabases>> = OnceLock::new();
        EMBEDDED_DBS
            .get_or_init(|| {
                let mut by_file = HashMap::new();
                for (name, bytes) in EMBEDDED {
                    let db = GeoIpDatabase::from_bytes(name, bytes.to_vec())
                        .expect("embedded test database loads");
                    let db = Arc::new(db);
                    by_file.insert(name.to_string(), db.clone());
                    by_file.insert(name.replace(".mmdb", "-Test.mmdb"), db);
                }
                Arc::new(GeoIpDatabases { by_file })
            })
            .clone()
    }

    /// The embedded databases, overridden and extended by every `*.mmdb` file in `dir` (by file name).
    pub fn with_dir(dir: &Path) -> Result<Arc<GeoIpDatabases>, String> {
        let mut me = (*GeoIpDatabases::embedded()).clone();
        let entries = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read geoip directory [{}]: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() && path.extension().and_then(|e| e.to_str()) == Some("mmdb") {
                let name = entry.file_name().to_string_lossy().into_owned();
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read geoip database [{}]: {e}", path.display()))?;
                me.by_file.insert(
                    name.clone(),
                    Arc::new(GeoIpDatabase::from_bytes(&name, bytes)?),
                );
            }
        }
        Ok(Arc::new(me))
    }

    /// Alias of [`GeoIpDatabases::with_dir`].
    pub fn from_dir(dir: &Path) -> Result<Arc<GeoIpDatabases>, String> {
        GeoIpDatabases::with_dir(dir)
    }

    pub fn get(&self, file_name: &str) -> Option<Arc<GeoIpDatabase>> {
        self.by_file.get(file_name).cloned()
    }

    pub fn file_names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.by_file.keys().map(String::as_str).collect();
        v.sort();
        v
    }
}

/// What the geoip processor stores for a list of IPs (`GeoIpProcessor.execute`): with `first_only`
/// the first found object; otherwise a list with `null` for addresses not found, or nothing at all
/// when none was found.
pub fn lookup_list(
    db: &GeoIpDatabase,
    ips: &[Value],
    field: &str,
    props: &[Property],
    first_only: bool,
) -> Result<Option<Value>, String> {
    let mut out = Vec::with_capacity(ips.len());
    let mut matched = false;
    for ip in ips {
        let Some(ip) = ip.as_str() else {
            return Err(format!(
                "array in field [{field}] should only contain strings"
            ));
        };
        match db.lookup(ip, props)? {
            None => out.push(Value::Null),
            Some(m) => {
                if first_only {
                    return Ok(Some(Value::Map(m)));
                }
                matched = true;
                out.push(Value::Map(m));
            }
        }
    }
    Ok(if matched {
        Some(Value::List(out))
    } else {
        None
    })
}

#[cfg(test)]
mod tests;
