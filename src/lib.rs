//! ingest-emu: Elasticsearch ingest pipelines, run offline.

pub mod dates;
pub mod geoip;
pub mod grok;
pub mod painless;
pub mod useragent;
pub mod value;
