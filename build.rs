//! Turns the bundled user-agent data files into JSON, which loads far faster than YAML at start-up.
//! The YAML is read by `src/yaml.rs`, the crate's one YAML module, included here as it is.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/yaml.rs"]
mod yaml;

fn main() {
    println!("cargo:rerun-if-changed=src/yaml.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (source, target) in [
        ("data/user-agent/regexes.yaml", "ua-regexes.json"),
        ("data/user-agent/device_types.yml", "ua-device-types.json"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let value = yaml::parse_yaml(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
        let json = serde_json::to_string(&value).expect("a JSON value serialises");
        std::fs::write(Path::new(&out_dir).join(target), json)
            .unwrap_or_else(|e| panic!("{target}: {e}"));
    }
}
