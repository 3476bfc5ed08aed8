//! Golden-file test harness: discovers pipeline test suites (this project's layout and
//! elastic-package's), runs their inputs through the pipelines like a non-verbose `_simulate`, and
//! compares the resulting `_source`s with `-expected.json` files the way `elastic-package test
//! pipeline` does.

pub mod cli;
pub mod compare;
pub mod config;
pub mod diff;
pub mod discovery;
pub mod generate;
pub mod inputs;
pub mod provenance;
pub mod report;
pub mod runner;

pub use cli::{run_diff, run_test, DiffArgs, TestArgs};
