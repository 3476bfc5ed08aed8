//! Golden-file test harness: discovers pipeline test suites (this project's layout and
//! elastic-package's), runs their inputs through the pipelines like a non-verbose `_simulate`, and
//! compares the resulting `_source`s with `-expected.json` files the way `elastic-package test
//! pipeline` does (see `../shared/docs/elastic-package-pipeline-tests.md`).
//!
//! Choices where elastic-package has no rule (or where we depart from it on purpose):
//! - Project layout (`pipelines/<suite>/`, `test_data/<suite>/`, `expected/<suite>/`): documents get
//!   `_index: logs-<suite>-default`; generated files never HTML-escape `<`, `>`, `&` (the modern
//!   elastic-package behaviour, format_version >= 2.12.0); `*.ndjson` inputs are accepted besides
//!   `*.log` and `*.json`; dotfiles and `*.md` in `test_data/<suite>/` are ignored.
//! - Every document also gets `_id: "_id"` and `_version: -3`, the simulate API's defaults.
//! - A document that fails in the pipeline comes back from simulate with an error instead of a
//!   `doc`; elastic-package then sees `null`. We write `null` for it with `--generate` too, but the
//!   test always fails with the Elasticsearch-style error and the failing processor's position.
//! - A missing expected file fails the test (exit 1) with a hint to use `--generate`; a malformed
//!   one, a bad test config, unreadable inputs and pipelines that do not load are errors (exit 2).
//! - All problems of a test are reported together (elastic-package stops at the first kind).
//! - Field validation against `fields/*.yml` and ECS is not done; `numeric_keyword_fields` and
//!   `string_number_fields` are accepted and have no effect. `routing_rules.yml` becomes reroute
//!   processors at the end of the `default` pipeline, as elastic-package installs it.

pub mod cli;
pub mod compare;
pub mod config;
pub mod diff;
pub mod discovery;
pub mod generate;
pub mod inputs;
pub mod provenance;
pub mod report;
pub mod routing_rules;
pub mod runner;

pub use cli::{run_diff, run_test, DiffArgs, TestArgs};
