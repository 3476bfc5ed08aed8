//! `ingest-emu check`: loads and compiles pipelines (Painless, grok, dissect, dates included) and
//! lists every error with its file and processor position.

use crate::pipeline::{load_definitions_lenient, ConfigError, Registry, Services};
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
    let has_pipeline_files = std::fs::read_dir(path)
        .map(|entries| {
            entries.flatten().any(|e| {
                let p = e.path();
                p.is_file()
                    && matches!(
                        p.extension().and_then(|x| x.to_str()),
                        Some("yml" | "yaml" | "json")
                    )
            })
        })
        .unwrap_or(false);
    let mut out = Vec::new();
    if has_pipeline_files {
        out.push(path.to_path_buf());
    }
    if let Ok(entries) = std::fs::read_dir(path) {
        let mut dirs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for d in dirs {
            let name = d.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name == "target" || name == "_dev" {
                continue;
            }
            out.extend(pipeline_sources(&d));
        }
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
            }
        }
    }
    report
}
