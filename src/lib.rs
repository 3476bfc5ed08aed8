//! ingest-emu: Elasticsearch ingest pipelines, run offline.

pub mod dates;
pub mod document;
pub mod geoip;
pub mod grok;
pub mod java;
pub mod java_regex;
pub mod painless;
pub mod pipeline;
pub mod processors;
pub mod template;
pub mod useragent;
pub mod value;
