//! User-agent parsing as Elasticsearch's `ingest-user-agent` module does it (`UserAgentParser`,
//! `UserAgentProcessor`, `DeviceTypeParser`, `UserAgentCache`), on uap-core's `regexes.yaml`.
//!
//! The bundled regex file is uap-core 0.10.0 (= revision e9fd8c6, the one Elasticsearch 8.x builds its
//! copy from); see `data/user-agent/PROVENANCE.md`.

pub mod cache;
pub mod java_regex;
mod literal;

use crate::value::{CollectionKind, Map, Value};
use cache::BoundedCache;
use java_regex::{Fallback, JavaRegex};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Name of the bundled parser (`IngestUserAgentPlugin.DEFAULT_PARSER_NAME`), the default `regex_file`.
pub const DEFAULT_PARSER_NAME: &str = "_default_";
/// `ingest.user_agent.cache_size` default.
pub const DEFAULT_CACHE_SIZE: usize = 1000;

/// The bundled data files, turned into JSON by `build.rs` (through `src/yaml.rs`): reading JSON at
/// start-up costs a tenth of parsing the YAML.
const BUNDLED_REGEXES: DataText =
    DataText::Json(include_str!(concat!(env!("OUT_DIR"), "/ua-regexes.json")));
const BUNDLED_DEVICE_TYPES: DataText = DataText::Json(include_str!(concat!(
    env!("OUT_DIR"),
    "/ua-device-types.json"
)));

/// The text of a regex or device-type file: YAML as users write it, or the bundled files as
/// `build.rs` converted them.
#[derive(Debug, Clone, Copy)]
enum DataText<'a> {
    Yaml(&'a str),
    Json(&'a str),
}

/// One matched part: browser, operating system or device (`UserAgentParser.VersionedName`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionedName {
    pub name: String,
    pub major: Option<String>,
    pub minor: Option<String>,
    pub patch: Option<String>,
    pub build: Option<String>,
}

/// What one user-agent string parses to (`UserAgentParser.Details`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub user_agent: Option<VersionedName>,
    pub os: Option<VersionedName>,
    pub device: Option<VersionedName>,
    /// Set whenever the parser has device-type rules (ours always has them); only written to the
    /// output with `extract_device_type`.
    pub device_type: Option<String>,
}

/// `UserAgentProcessor.Property`. The derived order is the enum order, which is the order Elasticsearch
/// writes the fields in (it iterates an `EnumSet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Property {
    Name,
    Os,
    Device,
    Original,
    Version,
}

impl Property {
    pub const ALL: [Property; 5] = [
        Property::Name,
        Property::Os,
        Property::Device,
        Property::Original,
        Property::Version,
    ];

    /// `Property.parseProperty`: case-insensitive; the error is Elasticsearch's message (the processor
    /// factory prefixes it with `[properties] `).
    pub fn parse(name: &str) -> Result<Property, String> {
        match name.to_uppercase().as_str() {
            "NAME" => Ok(Property::Name),
            "OS" => Ok(Property::Os),
            "DEVICE" => Ok(Property::Device),
            "ORIGINAL" => Ok(Property::Original),
            "VERSION" => Ok(Property::Version),
            _ => Err(format!(
                "illegal property value [{name}]. valid values are [NAME, OS, DEVICE, ORIGINAL, VERSION]"
            )),
        }
    }

    /// Parses a `properties` option into the set Elasticsearch uses (deduplicated, enum order). `None`
    /// means all properties.
    pub fn parse_list(names: Option<&[String]>) -> Result<Vec<Property>, String> {
        let Some(names) = names else {
            return Ok(Property::ALL.to_vec());
        };
        let mut out = Vec::new();
        for n in names {
            let p = Property::parse(n)?;
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// How `version` and `os.version` are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VersionFormat {
    /// Elasticsearch before 8.16.2: a component that matched the empty string still gets its dot,
    /// e.g. `Firefox/72.0` gives `72.0.` (the patch group of uap-core's Firefox regex matches "").
    #[default]
    Legacy,
    /// Elasticsearch 8.16.2 and later (PR 117213): empty components count as missing, giving `72.0`.
    Fixed,
}

type Compiled = Result<(JavaRegex, Option<Fallback>), String>;

/// A pattern compiled on first use (the bundled database: most user agents match one of the first
/// patterns, so compiling all ~600 at load would dominate startup), or at load (custom files, which
/// Elasticsearch validates at node startup).
#[derive(Debug)]
struct LazyRegex {
    source: String,
    case_insensitive: bool,
    /// Text every match contains ([`literal::required_text`]); an input without it is not
    /// tried. Worked out on first use, like the compiled pattern, to keep it out of start-up.
    required: OnceLock<literal::Requirement>,
    compiled: OnceLock<Compiled>,
}

impl LazyRegex {
    fn lazy(source: &str, case_insensitive: bool) -> LazyRegex {
        LazyRegex {
            source: source.to_string(),
            case_insensitive,
            required: OnceLock::new(),
            compiled: OnceLock::new(),
        }
    }

    /// Compiles now; a failure is returned instead of being kept.
    fn eager(source: &str, case_insensitive: bool) -> Result<LazyRegex, String> {
        let me = LazyRegex::lazy(source, case_insensitive);
        me.force()?;
        Ok(me)
    }

    fn force(&self) -> Result<&JavaRegex, String> {
        match self
            .compiled
            .get_or_init(|| JavaRegex::compile(&self.source, self.case_insensitive))
        {
            Ok((re, _)) => Ok(re),
            Err(e) => Err(e.clone()),
        }
    }

    /// The compiled pattern; `None` only for a lazily compiled pattern that does not compile, which
    /// the bundled database never has (`UserAgentParser::compile_all` is tested), so it is skipped
    /// like a pattern that does not match rather than failing the document.
    fn get(&self) -> Option<&JavaRegex> {
        self.force().ok()
    }

    /// `Matcher.find()` on `input`: the compiled pattern and the groups of its first match. An
    /// input without the pattern's required text is turned down before the pattern is compiled
    /// or run.
    fn find<'t>(&self, input: &'t str) -> Option<(&JavaRegex, Vec<Option<&'t str>>)> {
        if !self.requirement().holds(input) {
            return None;
        }
        let regex = self.get()?;
        Some((regex, regex.find_groups(input)?))
    }

    fn requirement(&self) -> &literal::Requirement {
        self.required
            .get_or_init(|| literal::Requirement::of(&self.source, self.case_insensitive))
    }

    fn fallback(&self) -> Option<&Fallback> {
        match self.compiled.get() {
            Some(Ok((_, fb))) => fb.as_ref(),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct SubPattern {
    regex: LazyRegex,
    name_replacement: Option<String>,
    v1: Option<String>,
    v2: Option<String>,
    v3: Option<String>,
    v4: Option<String>,
}

impl SubPattern {
    /// `UserAgentSubpattern.match`.
    fn matches(&self, agent: &str) -> Option<VersionedName> {
        let (regex, groups) = self.regex.find(agent)?;
        let group_count = regex.group_count();
        let group = |i: usize| -> Option<String> {
            if group_count >= i {
                groups.get(i).copied().flatten().map(str::to_string)
            } else {
                None
            }
        };
        let name = match &self.name_replacement {
            Some(rep) => match group(1) {
                // Only the first `$1` is substituted, and only in the name (String.replaceFirst).
                Some(g1) if rep.contains("$1") => Some(rep.replacen("$1", &g1, 1)),
                _ => Some(rep.clone()),
            },
            None => group(1),
        }?;
        let pick = |rep: &Option<String>, i: usize| rep.clone().or_else(|| group(i));
        Some(VersionedName {
            name,
            major: pick(&self.v1, 2),
            minor: pick(&self.v2, 3),
            patch: pick(&self.v3, 4),
            build: pick(&self.v4, 5),
        })
    }
}

#[derive(Debug)]
struct DeviceTypeRule {
    regex: LazyRegex,
    replacement: Option<String>,
}

impl DeviceTypeRule {
    fn matches(&self, s: &str) -> Option<String> {
        let (regex, groups) = self.regex.find(s)?;
        let rep = self.replacement.as_ref()?;
        match groups.get(1).copied().flatten() {
            Some(g1) if rep.contains("$1") && regex.group_count() >= 1 => {
                Some(rep.replacen("$1", g1, 1))
            }
            _ => Some(rep.clone()),
        }
    }
}

/// `DeviceTypeParser`.
#[derive(Debug)]
struct DeviceTypeParser {
    os: Vec<DeviceTypeRule>,
    browser: Vec<DeviceTypeRule>,
    device: Vec<DeviceTypeRule>,
    agent_string: Vec<DeviceTypeRule>,
}

fn first_match(rules: &[DeviceTypeRule], s: &str) -> Option<String> {
    rules.iter().find_map(|r| r.matches(s))
}

impl DeviceTypeParser {
    fn from_text(text: DataText, lazy: bool) -> Result<DeviceTypeParser, String> {
        let doc = load_lists(text)?;
        let mut sections: HashMap<&str, Vec<DeviceTypeRule>> = HashMap::new();
        for key in [
            "os_parsers",
            "browser_parsers",
            "device_parsers",
            "agent_string_parsers",
        ] {
            if let Some(list) = doc.get(key) {
                let mut rules = Vec::new();
                for entry in list {
                    let regex = entry
                        .get("regex")
                        .ok_or("malformed device type file: entry without regex")?;
                    let regex = if lazy {
                        LazyRegex::lazy(regex, false)
                    } else {
                        LazyRegex::eager(regex, false)?
                    };
                    rules.push(DeviceTypeRule {
                        regex,
                        replacement: entry.get("replacement").cloned(),
                    });
                }
                sections.insert(key, rules);
            }
        }
        if sections.len() != 4 {
            return Err("not a valid regular expression file".into());
        }
        Ok(DeviceTypeParser {
            os: sections.remove("os_parsers").unwrap_or_default(),
            browser: sections.remove("browser_parsers").unwrap_or_default(),
            device: sections.remove("device_parsers").unwrap_or_default(),
            agent_string: sections.remove("agent_string_parsers").unwrap_or_default(),
        })
    }

    fn find(
        &self,
        agent: &str,
        ua: Option<&VersionedName>,
        os: Option<&VersionedName>,
        device: Option<&VersionedName>,
    ) -> String {
        if let Some(t) = first_match(&self.agent_string, agent) {
            return t;
        }
        let found: Vec<String> = [
            os.and_then(|v| first_match(&self.os, &v.name)),
            ua.and_then(|v| first_match(&self.browser, &v.name)),
            device.and_then(|v| first_match(&self.device, &v.name)),
        ]
        .into_iter()
        .flatten()
        .collect();
        for t in ["Robot", "Tablet", "Phone", "Desktop"] {
            if found.iter().any(|f| f == t) {
                return t.to_string();
            }
        }
        "Other".to_string()
    }
}

/// A regex or device-type file: its top-level lists of `{key: scalar text}` entries.
type Lists = HashMap<String, Vec<HashMap<String, String>>>;

/// Reads the top-level `name: [ {key: scalar, ...}, ... ]` lists the way `readParserConfigurations`
/// does (every scalar as its text).
fn load_lists(text: DataText) -> Result<Lists, String> {
    let doc = match text {
        DataText::Yaml(text) => crate::yaml::parse_yaml_value(text),
        DataText::Json(text) => serde_json::from_str(text).map_err(|e| e.to_string()),
    }
    .map_err(|e| format!("error parsing regular expression file: {e}"))?;
    let mut out = HashMap::new();
    let Some(top) = doc.as_object() else {
        return Ok(out);
    };
    for (k, v) in top {
        let Some(seq) = v.as_array() else {
            return Err(
                "malformed regular expression file, should continue with 'array' after 'object'"
                    .into(),
            );
        };
        let mut list = Vec::new();
        for item in seq {
            let Some(m) = item.as_object() else {
                return Err("malformed regular expression file, expecting 'object'".into());
            };
            let mut entry = HashMap::new();
            for (key, val) in m {
                if let Some(val) = scalar_text(val) {
                    entry.insert(key.clone(), val);
                }
            }
            list.push(entry);
        }
        out.insert(k.clone(), list);
    }
    Ok(out)
}

fn scalar_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A compiled regex database (`UserAgentParser`) with its result cache.
#[derive(Debug)]
pub struct UserAgentParser {
    name: String,
    ua: Vec<SubPattern>,
    os: Vec<SubPattern>,
    device: Vec<SubPattern>,
    device_types: Option<DeviceTypeParser>,
    cache: BoundedCache<String, Arc<Details>>,
}

impl UserAgentParser {
    /// The bundled uap-core database with the bundled device-type rules, compiled once per process.
    pub fn bundled() -> Arc<UserAgentParser> {
        static BUNDLED: OnceLock<Arc<UserAgentParser>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                Arc::new(
                    UserAgentParser::from_text(
                        DEFAULT_PARSER_NAME,
                        BUNDLED_REGEXES,
                        Some(BUNDLED_DEVICE_TYPES),
                        DEFAULT_CACHE_SIZE,
                        true,
                    )
                    .expect("bundled regexes.yaml compiles"),
                )
            })
            .clone()
    }

    /// A custom regex file (what ES loads from `config/ingest-user-agent/*.yml`); it gets the bundled
    /// device-type rules as in Elasticsearch. The parser name is the file name.
    pub fn from_file(path: &Path) -> Result<Arc<UserAgentParser>, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read regex file [{}]: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        UserAgentParser::from_text(
            &name,
            DataText::Yaml(&text),
            Some(BUNDLED_DEVICE_TYPES),
            DEFAULT_CACHE_SIZE,
            false,
        )
        .map(Arc::new)
    }

    /// Builds a parser from regex-file text, optionally with device-type rules (ES's four-section format).
    /// Every pattern is compiled here, so a bad file is rejected at load as in Elasticsearch.
    pub fn from_yaml(
        name: &str,
        regexes: &str,
        device_types: Option<&str>,
        cache_size: usize,
    ) -> Result<UserAgentParser, String> {
        UserAgentParser::from_text(
            name,
            DataText::Yaml(regexes),
            device_types.map(DataText::Yaml),
            cache_size,
            false,
        )
    }

    /// `lazy`: compile each pattern on first use (only for text known to compile, i.e. the bundled files).
    fn from_text(
        name: &str,
        regexes: DataText,
        device_types: Option<DataText>,
        cache_size: usize,
        lazy: bool,
    ) -> Result<UserAgentParser, String> {
        let doc = load_lists(regexes)?;
        let compile = |key: &str,
                       name_key: &str,
                       vkeys: [Option<&str>; 4]|
         -> Result<Vec<SubPattern>, String> {
            let mut out = Vec::new();
            for entry in doc.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(regex) = entry.get("regex") else {
                    return Err(format!("[{key}] entry without a regex"));
                };
                let ci = entry.get("regex_flag").map(String::as_str) == Some("i");
                let regex = if lazy {
                    LazyRegex::lazy(regex, ci)
                } else {
                    LazyRegex::eager(regex, ci)?
                };
                let v = |i: usize| vkeys[i].and_then(|k| entry.get(k).cloned());
                out.push(SubPattern {
                    regex,
                    name_replacement: entry.get(name_key).cloned(),
                    v1: v(0),
                    v2: v(1),
                    v3: v(2),
                    v4: v(3),
                });
            }
            Ok(out)
        };
        let ua = compile(
            "user_agent_parsers",
            "family_replacement",
            [
                Some("v1_replacement"),
                Some("v2_replacement"),
                Some("v3_replacement"),
                Some("v4_replacement"),
            ],
        )?;
        let os = compile(
            "os_parsers",
            "os_replacement",
            [
                Some("os_v1_replacement"),
                Some("os_v2_replacement"),
                Some("os_v3_replacement"),
                Some("os_v4_replacement"),
            ],
        )?;
        let device = compile("device_parsers", "device_replacement", [None; 4])?;
        if ua.is_empty() && os.is_empty() && device.is_empty() {
            return Err("not a valid regular expression file".into());
        }
        let device_types = device_types
            .map(|t| DeviceTypeParser::from_text(t, lazy))
            .transpose()?;
        Ok(UserAgentParser {
            name: name.to_string(),
            ua,
            os,
            device,
            device_types,
            cache: BoundedCache::new(cache_size),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Patterns the `regex` crate could not take, now run on Oniguruma (Java syntax). Compiles every
    /// pattern not compiled yet; a pattern that does not compile is left out (see [`Self::compile_all`]).
    pub fn fallbacks(&self) -> Vec<Fallback> {
        self.all_patterns()
            .filter_map(|r| {
                let _ = r.force();
                r.fallback().cloned()
            })
            .collect()
    }

    /// Compiles every pattern not compiled yet (the bundled database compiles lazily), failing on the
    /// first that does not compile.
    pub fn compile_all(&self) -> Result<(), String> {
        self.all_patterns().try_for_each(|r| r.force().map(|_| ()))
    }

    fn all_patterns(&self) -> impl Iterator<Item = &LazyRegex> {
        let dt = self.device_types.iter().flat_map(|d| {
            [&d.os, &d.browser, &d.device, &d.agent_string]
                .into_iter()
                .flatten()
                .map(|r| &r.regex)
        });
        [&self.ua, &self.os, &self.device]
            .into_iter()
            .flatten()
            .map(|p| &p.regex)
            .chain(dt)
    }

    pub fn has_device_types(&self) -> bool {
        self.device_types.is_some()
    }

    /// `UserAgentParser.parse`, cached. The device type is always computed (when there are rules) so a
    /// cached entry serves processors with and without `extract_device_type` alike.
    pub fn parse(&self, agent: &str) -> Arc<Details> {
        self.cache
            .get_or_insert_with(agent, || Arc::new(self.parse_uncached(agent)))
    }

    /// The patterns of one section (`user_agent_parsers`, `os_parsers`, `device_parsers`) as written in
    /// the file, with their case-insensitive flag; for checking the translation against Java.
    pub fn section_patterns(&self, section: &str) -> Vec<(String, bool)> {
        self.section(section)
            .iter()
            .map(|p| (p.regex.source.clone(), p.regex.case_insensitive))
            .collect()
    }

    /// Index of the first pattern of `section` that finds a match in `agent`, with all its groups.
    pub fn first_match_groups(
        &self,
        section: &str,
        agent: &str,
    ) -> Option<(usize, Vec<Option<String>>)> {
        self.section(section).iter().enumerate().find_map(|(i, p)| {
            let (_, g) = p.regex.find(agent)?;
            Some((i, g.into_iter().map(|x| x.map(str::to_string)).collect()))
        })
    }

    fn section(&self, section: &str) -> &[SubPattern] {
        match section {
            "user_agent_parsers" => &self.ua,
            "os_parsers" => &self.os,
            "device_parsers" => &self.device,
            _ => &[],
        }
    }

    pub fn parse_uncached(&self, agent: &str) -> Details {
        let find = |list: &[SubPattern]| list.iter().find_map(|p| p.matches(agent));
        let user_agent = find(&self.ua);
        let os = find(&self.os);
        let device = find(&self.device);
        let device_type = self
            .device_types
            .as_ref()
            .map(|d| d.find(agent, user_agent.as_ref(), os.as_ref(), device.as_ref()));
        Details {
            user_agent,
            os,
            device,
            device_type,
        }
    }
}

/// The parsers a node has: the bundled one under [`DEFAULT_PARSER_NAME`] plus every `*.yml` in the
/// user-agent config directory, by file name (`IngestUserAgentPlugin.createUserAgentParsers`).
#[derive(Debug, Clone)]
pub struct UserAgentParsers {
    parsers: HashMap<String, Arc<UserAgentParser>>,
}

impl UserAgentParsers {
    pub fn bundled_only() -> UserAgentParsers {
        let mut parsers = HashMap::new();
        parsers.insert(DEFAULT_PARSER_NAME.to_string(), UserAgentParser::bundled());
        UserAgentParsers { parsers }
    }

    pub fn with_dir(dir: &Path) -> Result<UserAgentParsers, String> {
        let mut me = UserAgentParsers::bundled_only();
        let entries = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read user agent directory [{}]: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() && path.extension().and_then(|e| e.to_str()) == Some("yml") {
                let parser = UserAgentParser::from_file(&path)?;
                me.parsers.insert(parser.name().to_string(), parser);
            }
        }
        Ok(me)
    }

    /// The parser for a `regex_file` option; the error is Elasticsearch's (the factory prefixes
    /// `[regex_file] `).
    pub fn get(&self, regex_file: &str) -> Result<Arc<UserAgentParser>, String> {
        self.parsers.get(regex_file).cloned().ok_or_else(|| {
            format!("regex file [{regex_file}] doesn't exist (has to exist at node startup)")
        })
    }
}

fn join_version(v: &VersionedName, format: VersionFormat) -> Option<String> {
    let present = |c: &Option<String>| match format {
        VersionFormat::Legacy => c.is_some(),
        VersionFormat::Fixed => c.as_deref().is_some_and(|s| !s.is_empty()),
    };
    if !present(&v.major) {
        return None;
    }
    let mut s = v.major.clone().unwrap_or_default();
    for part in [&v.minor, &v.patch, &v.build] {
        if !present(part) {
            break;
        }
        s.push('.');
        s.push_str(part.as_deref().unwrap_or_default());
    }
    Some(s)
}

/// The object `UserAgentProcessor.execute` stores at `target_field`, with the legacy version format.
pub fn build_output(
    details: &Details,
    original: &str,
    properties: &[Property],
    extract_device_type: bool,
) -> Map {
    build_output_with(
        details,
        original,
        properties,
        extract_device_type,
        VersionFormat::Legacy,
    )
}

/// [`build_output`] with a choice of version format.
pub fn build_output_with(
    details: &Details,
    original: &str,
    properties: &[Property],
    extract_device_type: bool,
    format: VersionFormat,
) -> Map {
    let mut props: Vec<Property> = properties.to_vec();
    props.sort();
    props.dedup();
    let mut out = Map::with_kind(CollectionKind::Hash);
    for p in props {
        match p {
            Property::Original => {
                out.insert("original", Value::String(original.to_string()));
            }
            Property::Name => {
                let name = details
                    .user_agent
                    .as_ref()
                    .map(|u| u.name.clone())
                    .unwrap_or_else(|| "Other".to_string());
                out.insert("name", Value::String(name));
            }
            Property::Version => {
                if let Some(v) = details
                    .user_agent
                    .as_ref()
                    .and_then(|u| join_version(u, format))
                {
                    out.insert("version", Value::String(v));
                }
            }
            Property::Os => {
                if let Some(os) = &details.os {
                    let mut m = Map::with_kind(CollectionKind::Hash);
                    m.insert("name", Value::String(os.name.clone()));
                    if let Some(v) = join_version(os, format) {
                        m.insert("version", Value::String(v.clone()));
                        m.insert("full", Value::String(format!("{} {}", os.name, v)));
                    }
                    out.insert("os", Value::Map(m));
                }
            }
            Property::Device => {
                let mut m = Map::with_kind(CollectionKind::Hash);
                let type_value = |t: &Option<String>| match t {
                    Some(t) => Value::String(t.clone()),
                    None => Value::Null,
                };
                match &details.device {
                    Some(d) => {
                        m.insert("name", Value::String(d.name.clone()));
                        if extract_device_type {
                            m.insert("type", type_value(&details.device_type));
                        }
                    }
                    None => {
                        m.insert("name", Value::String("Other".into()));
                        if extract_device_type {
                            let t = details
                                .device_type
                                .clone()
                                .unwrap_or_else(|| "Other".to_string());
                            m.insert("type", Value::String(t));
                        }
                    }
                }
                out.insert("device", Value::Map(m));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
