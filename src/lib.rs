//! ingest-emu: Elasticsearch ingest pipelines, run offline.

// Errors carry ES's full exception body (type, reason, headers, script details); they are built on
// cold paths only, so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod allocator;
pub mod check;
pub mod collect;
pub mod dates;
pub mod document;
pub mod gen;
pub mod geoip;
pub mod grok;
pub mod harness;
pub mod inet;
pub mod java;
pub mod java_regex;
pub mod ordered_map;
pub mod painless;
pub mod pipeline;
pub mod processors;
pub mod run;
pub mod simulate;
pub mod template;
pub mod useragent;
pub mod value;
pub mod yaml;
