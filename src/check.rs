//! `ingest-emu check`: loads and compiles pipelines (Painless, grok, dissect, dates included) and
//! lists every error with its file and processor position.

use crate::pipeline::{
    is_pipeline_file, load_definitions_lenient, ConfigError, Definition, Position, Registry,
    Services,
};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct CheckReport {
    pub pipelines: usize,
    pub errors: Vec<ConfigError>,
}

/// Pipeline folders below `path` (itself, or any `ingest_pipeline` / pipeline folder inside).
fn pipeline_sources(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    if path.join("manifest.yml").is_file() {
        return package_pipeline_sources(path);
    }
    let has_pipeline_files = std::fs::read_dir(path)
        .map(|entries| {
            entries.flatten().any(|e| {
                let p = e.path();
                p.is_file() && is_pipeline_file(&p)
            })
        })
        .unwrap_or(false);
    let mut out = Vec::new();
    if has_pipeline_files {
        out.push(path.to_path_buf());
    }
    for d in subdirectories(path) {
        let name = d.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "_dev" {
            continue;
        }
        out.extend(pipeline_sources(&d));
    }
    out
}

/// The folders in `dir`, in name order (none when it cannot be read).
fn subdirectories(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// An elastic-package package or data stream (it has a `manifest.yml`): its pipelines are in
/// `elasticsearch/ingest_pipeline`, its data streams' in theirs; the rest of its YAML and JSON
/// (manifests, `fields/`, dashboards, sample events) is not pipelines.
fn package_pipeline_sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let own = dir.join("elasticsearch").join("ingest_pipeline");
    if own.is_dir() {
        out.push(own);
    }
    for stream in subdirectories(&dir.join("data_stream")) {
        out.extend(package_pipeline_sources(&stream));
    }
    out
}

pub fn check_paths(paths: &[PathBuf], services: Arc<Services>) -> CheckReport {
    let mut report = CheckReport {
        pipelines: 0,
        errors: Vec::new(),
    };
    for path in paths {
        if !path.exists() {
            report.errors.push(ConfigError::new(
                None,
                None,
                None,
                format!("{}: no such file or directory", path.display()),
            ));
            continue;
        }
        let sources = pipeline_sources(path);
        if sources.is_empty() {
            report.errors.push(ConfigError::new(
                None,
                None,
                None,
                format!("{}: no pipeline files found", path.display()),
            ));
        }
        for source in sources {
            // a broken file does not hide the problems of its neighbours
            let (defs, mut load_errors) = load_definitions_lenient(&source);
            report.pipelines += defs.len();
            report.errors.append(&mut load_errors);
            if !defs.is_empty() {
                let (_, mut errors) = Registry::build(&defs, services.clone());
                report.errors.append(&mut errors);
                report.errors.extend(missing_pipeline_calls(&defs));
            }
        }
    }
    report
}

/// `pipeline` processors whose (template-free) `name` is none of the pipelines loaded with them.
/// Elasticsearch accepts such a pipeline and fails each document that reaches the call
/// (`Pipeline processor configured for non-existent pipeline`), so, like the other lint findings,
/// it is reported here; `ignore_missing_pipeline: true` makes the call optional.
fn missing_pipeline_calls(defs: &[Definition]) -> Vec<ConfigError> {
    let loaded: std::collections::HashSet<&str> = defs.iter().map(|d| d.id.as_str()).collect();
    let mut errors = Vec::new();
    for def in defs {
        let top_level = def.body.get("processors").and_then(Json::as_array);
        for (index, processor) in top_level.into_iter().flatten().enumerate() {
            let mut names = Vec::new();
            called_pipelines(processor, &mut names);
            for name in names {
                if loaded.contains(name.as_str()) {
                    continue;
                }
                errors.push(
                    ConfigError::new(
                        Some("pipeline"),
                        None,
                        None,
                        format!(
                            "calls pipeline [{name}], which is not among the pipelines loaded with it: \
                             Elasticsearch fails every document that reaches this call \
                             (set ignore_missing_pipeline to make it optional)"
                        ),
                    )
                    .at(Position {
                        pipeline: def.id.clone(),
                        path: format!("[{index}]"),
                        line: def.processor_lines.get(index).copied(),
                        file: def.file.clone(),
                    }),
                );
            }
        }
    }
    errors
}

/// Names of the pipelines a processor (and the processors nested in it) calls.
fn called_pipelines(node: &Json, names: &mut Vec<String>) {
    match node {
        Json::Object(map) => {
            if let Some(Json::Object(call)) = map.get("pipeline") {
                let optional = call.get("ignore_missing_pipeline") == Some(&Json::Bool(true));
                if let (Some(Json::String(name)), false) = (call.get("name"), optional) {
                    if !name.contains("{{") {
                        names.push(name.clone());
                    }
                }
            }
            map.values().for_each(|v| called_pipelines(v, names));
        }
        Json::Array(items) => items.iter().for_each(|v| called_pipelines(v, names)),
        _ => {}
    }
}
