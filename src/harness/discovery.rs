//! Finding test suites on disk.
//!
//! Two layouts are understood:
//! - this project's: `pipelines/<suite>/` (entry pipeline `default`), inputs in `test_data/<suite>/`
//!   (`*.log`, `*.ndjson`, `*.json`, each with an optional `<input>-config.yml`, plus an optional
//!   `test-common-config.yml`), expected documents in `expected/<suite>/<input>-expected.json`;
//! - elastic-package's: `<pkg>/data_stream/<ds>/elasticsearch/ingest_pipeline/` with tests in
//!   `<pkg>/data_stream/<ds>/_dev/test/pipeline/`.

use super::config::Skip;
use super::generate::escape_html_for_format_version;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Project,
    Package,
}

/// A directory of pipelines and the test files that run through its entry pipeline.
#[derive(Debug, Clone)]
pub struct Suite {
    /// `suite` (project layout) or `package/data_stream`.
    pub name: String,
    pub layout: Layout,
    pub pipeline_dir: PathBuf,
    pub entry: String,
    /// `_index` given to every document.
    pub index: String,
    /// Whether generated files escape `<`, `>`, `&` (elastic-package: format_version < 2.12.0;
    /// project layout: never).
    pub escape_html: bool,
    pub cases: Vec<Case>,
    /// Package-level skip (`_dev/test/config.yml`, `pipeline.skip`).
    pub skip: Option<Skip>,
    /// Problems found while discovering (bad manifest, routing rules...): the suite errors.
    pub problems: Vec<String>,
    /// Processors appended to the `default` pipeline: the reroutes of `routing_rules.yml`.
    pub default_pipeline_additions: Vec<serde_json::Value>,
}

/// One test input file.
#[derive(Debug, Clone)]
pub struct Case {
    /// The input's file name, e.g. `test-foo.log`.
    pub name: String,
    pub input: PathBuf,
    pub expected: PathBuf,
}

/// Finds the suites for the given paths (the current directory when empty).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Suite>, String> {
    let mut suites: Vec<Suite> = Vec::new();
    let defaulted = paths.is_empty();
    let paths = if defaulted {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    for path in &paths {
        if !path.exists() {
            return Err(format!("path not found: {}", path.display()));
        }
        let mut found = discover_path(path)?;
        if found.is_empty() && path.is_dir() {
            // Inside a package or project (e.g. a data stream's sub-directory): use its root.
            if let Some(root) = path.canonicalize().ok().and_then(|abs| {
                abs.ancestors()
                    .skip(1)
                    .find(|a| is_package(a) || is_project(a))
                    .map(Path::to_path_buf)
            }) {
                if defaulted || is_package(&root) {
                    found = discover_path(&root)?;
                }
            }
        }
        if found.is_empty() {
            return Err(format!(
                "no test suites found in {} (expected a project with pipelines/ and test_data/, or an elastic-package package with data_stream/*/_dev/test/pipeline/)",
                path.display()
            ));
        }
        for suite in found {
            match suites
                .iter_mut()
                .find(|s| s.name == suite.name && s.pipeline_dir == suite.pipeline_dir)
            {
                Some(existing) => {
                    for case in suite.cases {
                        if !existing.cases.iter().any(|c| c.input == case.input) {
                            existing.cases.push(case);
                        }
                    }
                }
                None => suites.push(suite),
            }
        }
    }
    Ok(suites)
}

fn is_package(dir: &Path) -> bool {
    dir.join("manifest.yml").is_file() && dir.join("data_stream").is_dir()
}

fn is_project(dir: &Path) -> bool {
    dir.join("pipelines").is_dir() && dir.join("test_data").is_dir()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The parent of `p`, treating a bare relative name's parent as `.`.
fn parent(p: &Path) -> PathBuf {
    match p.parent() {
        Some(x) if !x.as_os_str().is_empty() => x.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `a/b/c` -> name of the component `up` levels above `p` (0 = `p` itself), resolving `..`.
fn ancestor(p: &Path, up: usize) -> Option<PathBuf> {
    let abs = p.canonicalize().ok()?;
    abs.ancestors().nth(up).map(Path::to_path_buf)
}

fn discover_path(path: &Path) -> Result<Vec<Suite>, String> {
    if path.is_file() {
        return discover_file(path).map(|s| vec![s]);
    }
    if is_package(path) {
        return package_suites(path);
    }
    if is_project(path) {
        return project_suites(path, None);
    }
    let name = ancestor(path, 0).map(|p| file_name(&p)).unwrap_or_default();
    // A data stream.
    if let Some(parent_dir) = ancestor(path, 1) {
        if file_name(&parent_dir) == "data_stream" {
            let pkg = parent(&parent_dir);
            return Ok(data_stream_suite(&pkg, path)?.into_iter().collect());
        }
        // pipelines/<suite> or test_data/<suite> of a project.
        let root = parent(&parent_dir);
        let kind = file_name(&parent_dir);
        if (kind == "pipelines" || kind == "test_data" || kind == "expected") && is_project(&root) {
            return project_suites(&root, Some(&name));
        }
    }
    // `_dev/test/pipeline` of a data stream.
    if name == "pipeline" {
        if let Some(ds) = ancestor(path, 3) {
            if ancestor(path, 4).is_some_and(|d| file_name(&d) == "data_stream") {
                let pkg = parent(&parent(&ds));
                return Ok(data_stream_suite(&pkg, &ds)?.into_iter().collect());
            }
        }
    }
    // A directory holding packages or projects (e.g. `packages/`), a few levels deep.
    let mut out = Vec::new();
    scan(path, 3, &mut out)?;
    Ok(out)
}

fn scan(dir: &Path, depth: usize, out: &mut Vec<Suite>) -> Result<(), String> {
    if depth == 0 {
        return Ok(());
    }
    for child in sorted_entries(dir)? {
        if !child.is_dir() || file_name(&child).starts_with('.') || file_name(&child) == "target" {
            continue;
        }
        if is_package(&child) {
            out.extend(package_suites(&child)?);
        } else if is_project(&child) {
            out.extend(project_suites(&child, None)?);
        } else {
            scan(&child, depth - 1, out)?;
        }
    }
    Ok(())
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

/// A single input file (or its `-expected.json` / `-config.yml` companion).
fn discover_file(path: &Path) -> Result<Suite, String> {
    let fname = file_name(path);
    let dir = parent(path);
    let input_name = fname
        .strip_suffix("-expected.json")
        .or_else(|| fname.strip_suffix("-config.yml"))
        .unwrap_or(&fname)
        .to_string();
    let dir_name = ancestor(&dir, 0).map(|p| file_name(&p)).unwrap_or_default();
    // elastic-package: <ds>/_dev/test/pipeline/<file>
    if dir_name == "pipeline" {
        if let (Some(ds), Some(dsp)) = (ancestor(&dir, 3), ancestor(&dir, 4)) {
            if file_name(&dsp) == "data_stream" {
                let pkg = parent(&dsp);
                let input = dir.join(&input_name);
                let mut suite = data_stream_suite(&pkg, &ds)?.ok_or_else(|| {
                    format!("{} is not in a pipeline test folder", path.display())
                })?;
                suite.cases.retain(|c| same_file(&c.input, &input));
                if suite.cases.is_empty() {
                    return Err(format!("{} is not a pipeline test input", input.display()));
                }
                return Ok(suite);
            }
        }
    }
    // Project: <root>/test_data/<suite>/<file> or <root>/expected/<suite>/<file>-expected.json
    if let Some(kind_dir) = ancestor(&dir, 1) {
        let kind = file_name(&kind_dir);
        let root = parent(&kind_dir);
        if (kind == "test_data" || kind == "expected") && is_project(&root) {
            let input = root.join("test_data").join(&dir_name).join(&input_name);
            let mut suites = project_suites(&root, Some(&dir_name))?;
            let mut suite = suites
                .pop()
                .ok_or_else(|| format!("no suite for {}", path.display()))?;
            suite.cases.retain(|c| same_file(&c.input, &input));
            if suite.cases.is_empty() {
                return Err(format!("{} is not a test input", input.display()));
            }
            return Ok(suite);
        }
    }
    Err(format!(
        "{} is not a test input: expected <project>/test_data/<suite>/<file> or <package>/data_stream/<ds>/_dev/test/pipeline/<file>",
        path.display()
    ))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn project_suites(root: &Path, only: Option<&str>) -> Result<Vec<Suite>, String> {
    let mut out = Vec::new();
    let test_data = root.join("test_data");
    for dir in sorted_entries(&test_data)? {
        if !dir.is_dir() {
            continue;
        }
        let name = file_name(&dir);
        if name.starts_with('.') || only.is_some_and(|o| o != name) {
            continue;
        }
        let pipeline_dir = root.join("pipelines").join(&name);
        let mut problems = Vec::new();
        if !pipeline_dir.is_dir() {
            problems.push(format!(
                "test_data/{name} has no pipelines: {} does not exist",
                pipeline_dir.display()
            ));
        }
        let mut cases = Vec::new();
        for file in sorted_entries(&dir)? {
            let fname = file_name(&file);
            if !file.is_file()
                || fname.starts_with('.')
                || fname.ends_with("-config.yml")
                || fname.ends_with("-expected.json")
                || fname.ends_with(".md")
            {
                continue;
            }
            cases.push(Case {
                expected: root
                    .join("expected")
                    .join(&name)
                    .join(format!("{fname}-expected.json")),
                name: fname,
                input: file,
            });
        }
        out.push(Suite {
            index: format!("logs-{name}-default"),
            name,
            layout: Layout::Project,
            pipeline_dir,
            entry: "default".into(),
            escape_html: false,
            cases,
            skip: None,
            problems,
            default_pipeline_additions: Vec::new(),
        });
    }
    if let Some(o) = only {
        if out.is_empty() {
            return Err(format!("no suite {o} in {}", test_data.display()));
        }
    }
    Ok(out)
}

fn package_suites(pkg: &Path) -> Result<Vec<Suite>, String> {
    let mut out = Vec::new();
    for ds in sorted_entries(&pkg.join("data_stream"))? {
        if ds.is_dir() {
            if let Some(s) = data_stream_suite(pkg, &ds)? {
                out.push(s);
            }
        }
    }
    Ok(out)
}

fn read_yaml(path: &Path, problems: &mut Vec<String>) -> serde_json::Value {
    match std::fs::read_to_string(path) {
        Err(_) => serde_json::Value::Null,
        Ok(text) => match crate::yaml::parse_yaml_value(&text) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("invalid YAML in {}: {e}", path.display()));
                serde_json::Value::Null
            }
        },
    }
}

fn yaml_str<'a>(v: &'a serde_json::Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for key in path {
        cur = cur.get(*key)?;
    }
    cur.as_str()
}

/// The suite of one data stream, or None when it has no pipeline tests.
fn data_stream_suite(pkg: &Path, ds: &Path) -> Result<Option<Suite>, String> {
    let tests = ds.join("_dev").join("test").join("pipeline");
    if !tests.is_dir() {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let manifest = read_yaml(&pkg.join("manifest.yml"), &mut problems);
    let ds_manifest = read_yaml(&ds.join("manifest.yml"), &mut problems);
    let pkg_dir_name = ancestor(pkg, 0).map(|p| file_name(&p)).unwrap_or_default();
    let pkg_name = yaml_str(&manifest, &["name"])
        .map(str::to_string)
        .unwrap_or(pkg_dir_name);
    let ds_name = ancestor(ds, 0).map(|p| file_name(&p)).unwrap_or_default();
    let format_version = yaml_str(&manifest, &["format_version"]).unwrap_or("");
    if format_version.is_empty() {
        problems.push(format!(
            "{}: format_version is missing",
            pkg.join("manifest.yml").display()
        ));
    }
    let ds_type = yaml_str(&ds_manifest, &["type"]).unwrap_or("logs");
    let entry = yaml_str(&ds_manifest, &["elasticsearch", "ingest_pipeline", "name"])
        .unwrap_or("default")
        .to_string();
    let routing = ds.join(super::routing_rules::FILE_NAME);
    let default_pipeline_additions = if routing.is_file() {
        super::routing_rules::reroute_processors(&routing).unwrap_or_else(|e| {
            problems.push(e);
            Vec::new()
        })
    } else {
        Vec::new()
    };
    // Package-level `_dev/test/config.yml`: `pipeline: {skip: {reason, link}}`.
    let global = read_yaml(
        &pkg.join("_dev").join("test").join("config.yml"),
        &mut problems,
    );
    let skip = global
        .get("pipeline")
        .and_then(|p| p.get("skip"))
        .map(|s| Skip {
            reason: yaml_str(s, &["reason"]).unwrap_or("").to_string(),
            link: yaml_str(s, &["link"]).unwrap_or("").to_string(),
        });
    let mut cases = Vec::new();
    for file in sorted_entries(&tests)? {
        let fname = file_name(&file);
        // elastic-package `listTestCaseFiles`: everything but expected files and configs.
        if !file.is_file() || fname.ends_with("-expected.json") || fname.ends_with("-config.yml") {
            continue;
        }
        cases.push(Case {
            expected: tests.join(format!("{fname}-expected.json")),
            name: fname,
            input: file,
        });
    }
    Ok(Some(Suite {
        name: format!("{pkg_name}/{ds_name}"),
        layout: Layout::Package,
        pipeline_dir: ds.join("elasticsearch").join("ingest_pipeline"),
        entry,
        index: format!("{ds_type}-{pkg_name}.{ds_name}-default"),
        escape_html: escape_html_for_format_version(format_version),
        cases,
        skip,
        problems,
        default_pipeline_additions,
    }))
}
