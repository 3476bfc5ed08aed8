//! Reading pipeline files and compiling them (ES `Pipeline.create`, `ConfigurationUtils.readProcessor`).

use super::config::{json_class_name, Config};
use super::error::{ConfigError, Position};
use super::{Condition, Pipeline, Registry, Step};
use crate::painless;
use crate::value::{Map, Value};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Shared, load-time services: data sets processors look things up in. They are opened on first
/// use, so pipelines that do not need them load without the cost.
#[derive(Default)]
pub struct Services {
    /// Directory of MaxMind databases that override the embedded test databases.
    pub geoip_dir: Option<PathBuf>,
    /// A `regexes.yaml` that replaces the bundled user-agent database, or a directory of `*.yml`
    /// files that `regex_file` options name.
    pub user_agent_regexes: Option<PathBuf>,
    /// `check` mode: also reject what Elasticsearch only notices per document (e.g. invalid date
    /// formats, which ES compiles lazily).
    pub lint: bool,
    geoip: std::sync::OnceLock<Result<Arc<crate::geoip::GeoIpDatabases>, String>>,
    user_agents: std::sync::OnceLock<Result<UserAgentDatabases, String>>,
}

/// The default user-agent parser plus those that `regex_file` can name.
pub struct UserAgentDatabases {
    pub default: Arc<crate::useragent::UserAgentParser>,
    pub named: crate::useragent::UserAgentParsers,
}

impl Services {
    pub fn new(geoip_dir: Option<PathBuf>, user_agent_regexes: Option<PathBuf>) -> Services {
        Services {
            geoip_dir,
            user_agent_regexes,
            ..Services::default()
        }
    }

    /// Turns on `check`'s lint mode.
    pub fn with_lint(mut self) -> Services {
        self.lint = true;
        self
    }

    pub fn geoip(&self) -> Result<Arc<crate::geoip::GeoIpDatabases>, String> {
        self.geoip
            .get_or_init(|| match &self.geoip_dir {
                Some(dir) => crate::geoip::GeoIpDatabases::with_dir(dir),
                None => Ok(crate::geoip::GeoIpDatabases::embedded()),
            })
            .clone()
    }

    pub fn user_agents(&self) -> Result<&UserAgentDatabases, String> {
        use crate::useragent::{UserAgentParser, UserAgentParsers};
        self.user_agents
            .get_or_init(|| match &self.user_agent_regexes {
                Some(p) if p.is_dir() => Ok(UserAgentDatabases {
                    default: UserAgentParser::bundled(),
                    named: UserAgentParsers::with_dir(p)?,
                }),
                Some(p) => Ok(UserAgentDatabases {
                    default: UserAgentParser::from_file(p)?,
                    named: UserAgentParsers::bundled_only(),
                }),
                None => Ok(UserAgentDatabases {
                    default: UserAgentParser::bundled(),
                    named: UserAgentParsers::bundled_only(),
                }),
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// One pipeline definition as read from disk (or from a simulate request).
#[derive(Debug, Clone)]
pub struct Definition {
    pub id: String,
    pub file: Option<String>,
    pub body: Json,
    /// 1-based line of each top-level processor, and of each pipeline-level on_failure processor.
    pub processor_lines: Vec<usize>,
    pub on_failure_lines: Vec<usize>,
}

impl Definition {
    /// Adds processors after the pipeline's own (elastic-package's reroutes from
    /// `routing_rules.yml`). A body without `processors` gets the list; a `processors` that is not
    /// a list is left for the compiler to reject.
    pub fn append_processors(&mut self, extra: &[Json]) {
        let Json::Object(body) = &mut self.body else {
            return;
        };
        let list = body
            .entry("processors")
            .or_insert_with(|| Json::Array(Vec::new()));
        if let Json::Array(items) = list {
            items.extend(extra.iter().cloned());
        }
    }

    pub fn from_text(id: &str, file: Option<&str>, text: &str) -> Result<Definition, ConfigError> {
        let text = substitute_ingest_pipeline_refs(text);
        let is_json = file.is_some_and(|f| f.ends_with(".json"));
        let body = crate::yaml::parse_document(&text, is_json)
            .map_err(|e| ConfigError::new(None, None, None, e).at(file_position(id, file)))?;
        let (processor_lines, on_failure_lines) = if is_json {
            (Vec::new(), Vec::new())
        } else {
            (
                yaml_item_lines(&text, "processors"),
                yaml_item_lines(&text, "on_failure"),
            )
        };
        Ok(Definition {
            id: id.to_string(),
            file: file.map(str::to_string),
            body,
            processor_lines,
            on_failure_lines,
        })
    }
}

fn file_position(id: &str, file: Option<&str>) -> Position {
    Position {
        pipeline: id.to_string(),
        path: String::new(),
        line: None,
        file: file.map(str::to_string),
    }
}

/// elastic-package replaces `{{ IngestPipeline "name" }}` with the installed name of sibling
/// pipeline `name`; here pipelines keep their file names, so the reference becomes `name`.
pub fn substitute_ingest_pipeline_refs(text: &str) -> String {
    if !text.contains("IngestPipeline") {
        return text.to_string();
    }
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"\{\{\s*IngestPipeline\s+"([^"]*)"\s*\}\}"#).expect("valid regex")
    });
    re.replace_all(text, "$1").into_owned()
}

/// Lines of the list items directly under a top-level YAML key (best effort, for messages).
fn yaml_item_lines(text: &str, key: &str) -> Vec<usize> {
    let mut lines = text.lines().enumerate();
    let header = format!("{key}:");
    for (_, line) in lines.by_ref() {
        if line.starts_with(&header) {
            break;
        }
    }
    let mut item_indent: Option<usize> = None;
    let mut out = Vec::new();
    for (i, line) in lines {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent == 0 && !trimmed.starts_with('-') {
            break;
        }
        if trimmed.starts_with("- ") || trimmed == "-" {
            match item_indent {
                None => {
                    item_indent = Some(indent);
                    out.push(i + 1);
                }
                Some(n) if n == indent => out.push(i + 1),
                _ => {}
            }
        }
    }
    out
}

/// Reads `path`: one pipeline file, or a directory whose `*.yml|*.yaml|*.json` files are pipelines
/// named after their base names.
pub fn load_definitions(path: &Path) -> Result<Vec<Definition>, ConfigError> {
    let defs = pipeline_files(path)?
        .iter()
        .map(|file| load_file(file))
        .collect::<Result<Vec<_>, _>>()?;
    match duplicate_ids(&defs).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(defs),
    }
}

/// [`load_definitions`] that goes on past a broken file: the definitions of the files that
/// parse, and one error per file that does not (`check` lists every problem at once).
pub fn load_definitions_lenient(path: &Path) -> (Vec<Definition>, Vec<ConfigError>) {
    let files = match pipeline_files(path) {
        Ok(files) => files,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let mut defs = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        match load_file(file) {
            Ok(def) => defs.push(def),
            Err(e) => errors.push(e),
        }
    }
    errors.extend(duplicate_ids(&defs));
    (defs, errors)
}

/// Two files that would install as the same pipeline (`default.yml` and `default.json`, or a
/// file and a link of the same name): one would silently replace the other.
fn duplicate_ids(defs: &[Definition]) -> Vec<ConfigError> {
    let mut seen: std::collections::HashMap<&str, &Definition> = Default::default();
    let mut errors = Vec::new();
    for def in defs {
        if let Some(first) = seen.insert(&def.id, def) {
            let name = |d: &Definition| d.file.clone().unwrap_or_else(|| d.id.clone());
            errors.push(ConfigError::new(
                None,
                None,
                None,
                format!(
                    "pipeline [{}] is defined twice: by {} and by {}",
                    def.id,
                    name(first),
                    name(def)
                ),
            ));
        }
    }
    errors
}

fn io_error(p: &Path, e: std::io::Error) -> ConfigError {
    ConfigError::new(
        None,
        None,
        None,
        format!("cannot read {}: {e}", p.display()),
    )
}

/// The pipeline files `path` names: itself, or the `*.yml`, `*.yaml` and `*.json` files of a
/// directory in name order.
fn pipeline_files(path: &Path) -> Result<Vec<PathBuf>, ConfigError> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    let entries = std::fs::read_dir(path).map_err(|e| io_error(path, e))?;
    for entry in entries {
        let p = entry.map_err(|e| io_error(path, e))?.path();
        if p.is_file() && is_pipeline_file(&p) {
            files.push(p);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(ConfigError::new(
            None,
            None,
            None,
            format!(
                "no pipeline files (*.yml, *.yaml, *.json) in directory {}",
                path.display()
            ),
        ));
    }
    Ok(files)
}

/// A pipeline file by its name: `*.yml`, `*.yaml`, `*.json`, or an elastic-package link to one.
pub fn is_pipeline_file(p: &Path) -> bool {
    let has_pipeline_extension = |p: &Path| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("yml" | "yaml" | "json")
        )
    };
    match p.extension().and_then(|e| e.to_str()) {
        Some("link") => p
            .file_stem()
            .is_some_and(|s| has_pipeline_extension(Path::new(s))),
        _ => has_pipeline_extension(p),
    }
}

/// One pipeline file; its id is the file name without extension. An elastic-package link file
/// (`name.yml.link`, one line: a path relative to the link's folder, then a checksum) stands for
/// the file it points to, under the link's name, as `elastic-package build` copies it.
fn load_file(file: &Path) -> Result<Definition, ConfigError> {
    let (source, name) = if file.extension().is_some_and(|e| e == "link") {
        let link = std::fs::read_to_string(file).map_err(|e| io_error(file, e))?;
        let target = link.split_whitespace().next().unwrap_or_default();
        let dir = file.parent().unwrap_or(Path::new("."));
        (
            dir.join(target),
            PathBuf::from(file.file_stem().unwrap_or_default()),
        )
    } else {
        (file.to_path_buf(), file.to_path_buf())
    };
    let text = std::fs::read_to_string(&source).map_err(|e| {
        if source == file {
            io_error(file, e)
        } else {
            ConfigError::new(
                None,
                None,
                None,
                format!(
                    "cannot read {} (linked from {}): {e}",
                    source.display(),
                    file.display()
                ),
            )
        }
    })?;
    let id = name
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("pipeline")
        .to_string();
    Definition::from_text(&id, Some(&source.display().to_string()), &text)
}

impl Registry {
    /// Compiles every definition. All errors are returned (for `check`); the registry holds the
    /// pipelines that compiled.
    pub fn build(defs: &[Definition], services: Arc<Services>) -> (Registry, Vec<ConfigError>) {
        let mut registry = Registry::new(services.clone());
        let mut errors = Vec::new();
        for def in defs {
            match compile_pipeline(def, &services) {
                Ok(p) => registry.insert(p),
                Err(mut errs) => errors.append(&mut errs),
            }
        }
        (registry, errors)
    }
}

/// ES `Pipeline.create`.
pub fn compile_pipeline(
    def: &Definition,
    services: &Services,
) -> Result<Pipeline, Vec<ConfigError>> {
    let id = &def.id;
    let fail = |reason: String| {
        vec![ConfigError::new(None, None, None, reason).at(file_position(id, def.file.as_deref()))]
    };
    let Json::Object(mut body) = def.body.clone() else {
        return Err(fail(format!(
            "pipeline [{id}] must be an object, but is of type [{}]",
            json_class_name(&def.body)
        )));
    };
    let mut errors = Vec::new();
    let description = match body.remove("description") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(s),
        Some(other) => {
            errors.push(ConfigError::new(
                None,
                None,
                Some("description"),
                format!(
                    "property isn't a string, but of type [{}]",
                    json_class_name(&other)
                ),
            ));
            None
        }
    };
    let version = match body.remove("version") {
        None | Some(Json::Null) => None,
        Some(Json::Number(n)) if n.as_i64().is_some() => n.as_i64(),
        Some(other) => {
            errors.push(ConfigError::new(
                None,
                None,
                Some("version"),
                format!("property cannot be converted to an int [{other}]"),
            ));
            None
        }
    };
    match body.remove("_meta") {
        None | Some(Json::Null) | Some(Json::Object(_)) => {}
        Some(other) => errors.push(ConfigError::new(
            None,
            None,
            Some("_meta"),
            format!(
                "property isn't a map, but of type [{}]",
                json_class_name(&other)
            ),
        )),
    }
    match body.remove("deprecated") {
        None | Some(Json::Null) | Some(Json::Bool(_)) => {}
        Some(other) => errors.push(ConfigError::new(
            None,
            None,
            Some("deprecated"),
            format!(
                "property isn't a boolean, but of type [{}]",
                json_class_name(&other)
            ),
        )),
    }
    let pos = |kind: &str, i: usize, lines: &[usize]| Position {
        pipeline: id.clone(),
        path: if kind.is_empty() {
            format!("[{i}]")
        } else {
            format!("[{kind} {i}]")
        },
        line: lines.get(i).copied(),
        file: def.file.clone(),
    };
    let mut steps = Vec::new();
    match body.remove("processors") {
        None | Some(Json::Null) => errors.push(ConfigError::new(
            None,
            None,
            Some("processors"),
            "required property is missing",
        )),
        Some(Json::Array(list)) => {
            for (i, entry) in list.into_iter().enumerate() {
                match compile_entry(entry, pos("", i, &def.processor_lines), services) {
                    Ok(mut s) => steps.append(&mut s),
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
        Some(other) => errors.push(ConfigError::new(
            None,
            None,
            Some("processors"),
            format!(
                "property isn't a list, but of type [{}]",
                json_class_name(&other)
            ),
        )),
    }
    let mut on_failure = Vec::new();
    match body.remove("on_failure") {
        None | Some(Json::Null) => {}
        Some(Json::Array(list)) => {
            if list.is_empty() {
                errors.push(ConfigError::new(
                    None,
                    None,
                    None,
                    format!("pipeline [{id}] cannot have an empty on_failure option defined"),
                ));
            }
            for (i, entry) in list.into_iter().enumerate() {
                match compile_entry(entry, pos("on_failure", i, &def.on_failure_lines), services) {
                    Ok(mut s) => on_failure.append(&mut s),
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
        Some(other) => errors.push(ConfigError::new(
            None,
            None,
            Some("on_failure"),
            format!(
                "property isn't a list, but of type [{}]",
                json_class_name(&other)
            ),
        )),
    }
    if !body.is_empty() {
        let keys: Vec<&str> = body.keys().map(String::as_str).collect();
        errors.push(ConfigError::new(None, None, None, format!("pipeline [{id}] doesn't support one or more provided configuration parameters [{}]", keys.join(", "))));
    }
    if !errors.is_empty() {
        let position = file_position(id, def.file.as_deref());
        return Err(errors.into_iter().map(|e| e.at(position.clone())).collect());
    }
    Ok(Pipeline {
        id: id.clone(),
        description,
        version,
        steps,
        on_failure,
        file: def.file.clone(),
    })
}

/// One element of a `processors` list: a single-entry object `{type: config}`.
fn compile_entry(
    entry: Json,
    position: Position,
    services: &Services,
) -> Result<Vec<Step>, Vec<ConfigError>> {
    match entry {
        Json::Object(map) => {
            if map.len() > 1 {
                return Err(vec![ConfigError::new(None, None, None, "[processors] contains nested objects but should be a list of single-entry objects").at(position)]);
            }
            let mut steps = Vec::new();
            for (ptype, config) in map {
                steps.push(compile_step(&ptype, config, position.clone(), services)?);
            }
            Ok(steps)
        }
        other => Err(vec![ConfigError::new(
            None,
            None,
            None,
            format!(
                "[processors] element isn't a map, but of type [{}]",
                json_class_name(&other)
            ),
        )
        .at(position)]),
    }
}

/// ES `ConfigurationUtils.readProcessor`: the common options, then the processor's own factory.
pub fn compile_step(
    ptype: &str,
    config: Json,
    position: Position,
    services: &Services,
) -> Result<Step, Vec<ConfigError>> {
    let config = match config {
        Json::Object(m) => m,
        // ES accepts `script: "source"` as shorthand for `script: {source: ...}`.
        Json::String(s) if ptype == "script" => {
            let mut m = serde_json::Map::new();
            m.insert("source".into(), Json::String(s));
            m
        }
        other => {
            return Err(vec![ConfigError::new(
                Some(ptype),
                None,
                None,
                format!(
                    "property isn't a map, but of type [{}]",
                    json_class_name(&other)
                ),
            )
            .at(position)])
        }
    };
    if !crate::processors::exists(ptype) {
        let reason = if crate::processors::is_known_unsupported(ptype) {
            format!("processor [{ptype}] is not supported yet")
        } else {
            format!("No processor type exists with name [{ptype}]")
        };
        return Err(vec![
            ConfigError::new(Some(ptype), None, None, reason).at(position)
        ]);
    }
    let mut cfg = Config::new(ptype, None, config);
    let at = |e: ConfigError| vec![e.at(position.clone())];
    let ignore_failure = cfg.bool("ignore_failure", false).map_err(at)?;
    let on_failure_configs = cfg.optional_list("on_failure").map_err(at)?;
    let tag = cfg.optional_string("tag").map_err(at)?;
    cfg.tag = tag.clone();
    let description = cfg.optional_string("description").map_err(at)?;
    let mut errors = Vec::new();
    let mut on_failure = Vec::new();
    if let Some(list) = on_failure_configs {
        if list.is_empty() {
            errors.push(
                cfg.error(Some("on_failure"), "processors list cannot be empty")
                    .at(position.clone()),
            );
        }
        for (i, entry) in list.into_iter().enumerate() {
            let inner_pos = Position {
                path: format!("{} > on_failure[{i}]", position.path),
                ..position.clone()
            };
            match compile_entry(entry, inner_pos, services) {
                Ok(mut s) => on_failure.append(&mut s),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    let condition = match cfg.take("if") {
        None | Some(Json::Null) => None,
        Some(v) => match compile_condition(&cfg, v) {
            Ok(c) => Some(c),
            Err(e) => {
                errors.push(e.at(position.clone()));
                None
            }
        },
    };
    let processor = match crate::processors::create(ptype, &mut cfg, &position, services) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push(e.at(position.clone()));
            None
        }
    };
    if processor.is_some() {
        if let Err(e) = cfg.finish() {
            errors.push(e.at(position.clone()));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Step {
        processor_type: ptype.to_string(),
        tag,
        description,
        condition,
        ignore_failure,
        on_failure,
        processor: processor.expect("no errors means the processor compiled"),
        position,
    })
}

/// `if` is Painless: a string, or a script object `{source, lang, params}`.
fn compile_condition(cfg: &Config, v: Json) -> Result<Condition, ConfigError> {
    let (source, params) = match v {
        Json::String(s) => (s, Map::new()),
        Json::Object(mut m) => {
            let source = match m.remove("source") {
                Some(Json::String(s)) => s,
                _ => return Err(cfg.error(
                    Some("if"),
                    "must specify either [source] for an inline script or [id] for a stored script",
                )),
            };
            match m.remove("lang") {
                None => {}
                Some(Json::String(l)) if l == "painless" => {}
                Some(other) => {
                    return Err(cfg.error(
                        Some("if"),
                        format!(
                            "script_lang not supported [{}]",
                            other.as_str().unwrap_or("?")
                        ),
                    ))
                }
            }
            let params = match m.remove("params") {
                Some(p @ Json::Object(_)) => match Value::from_serde(&p) {
                    Value::Map(m) => m,
                    _ => Map::new(),
                },
                _ => Map::new(),
            };
            (source, params)
        }
        other => {
            return Err(cfg.error(
                Some("if"),
                format!(
                    "property isn't a string or map, but of type [{}]",
                    json_class_name(&other)
                ),
            ))
        }
    };
    compile_painless(cfg, "if", &source, &params).map(|script| Condition { source, script })
}

/// Compiles Painless at load time; a compile error is a `script_exception` as ES reports it.
pub fn compile_painless(
    cfg: &Config,
    property: &str,
    source: &str,
    params: &Map,
) -> Result<painless::Script, ConfigError> {
    painless::Script::compile(source, params).map_err(|e| {
        let body = e.to_es_json();
        let mut err = cfg.error(Some(property), e.message());
        err.kind = body
            .get("type")
            .and_then(|t| t.as_str())
            .unwrap_or("script_exception")
            .to_string();
        err.reason = body
            .get("reason")
            .and_then(|t| t.as_str())
            .unwrap_or("compile error")
            .to_string();
        if let Json::Object(m) = body {
            for (k, v) in m {
                if k != "type" && k != "reason" {
                    err.extra.insert(k, v);
                }
            }
        }
        err
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingest_pipeline_references_resolve_to_ids() {
        assert_eq!(
            substitute_ingest_pipeline_refs(
                r#"name: '{{ IngestPipeline "use_flattened_debug" }}'"#
            ),
            "name: 'use_flattened_debug'"
        );
    }

    #[test]
    fn yaml_item_lines_follow_top_level_lists() {
        let text = "description: x\nprocessors:\n  - set:\n      field: a\n  # c\n  - remove:\n      field: b\non_failure:\n  - set: {}\n";
        assert_eq!(yaml_item_lines(text, "processors"), vec![3, 6]);
        assert_eq!(yaml_item_lines(text, "on_failure"), vec![9]);
    }
}
