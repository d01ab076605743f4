//! The default policies and model are embedded with `include_dir!`/`include_str!`; rebuild
//! when they change (stable Rust cannot track files read by a proc macro).
//!
//! The `# METADATA` blocks of the embedded policies are parsed here, with the same code a run
//! uses, into `$OUT_DIR/metadata.json`: parsing 200 YAML blocks took about 9% of a small scan.

use std::collections::BTreeMap;
use std::path::Path;

// Only `parse` and the types are used here; the rest serves the crate.
#[allow(dead_code)]
mod read {
    include!("src/yaml_depth.rs");
}
#[allow(dead_code)]
#[path = "src/policy/metadata.rs"]
mod metadata;

fn main() {
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=model");
    println!("cargo:rerun-if-changed=src/policy/metadata.rs");
    println!("cargo:rerun-if-changed=src/yaml_depth.rs");
    let mut parsed = BTreeMap::new();
    collect(Path::new("policies"), Path::new("policies"), &mut parsed);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("metadata.json");
    let json = serde_json::to_string(&parsed).expect("metadata serializes");
    std::fs::write(out, json).expect("OUT_DIR is writable");
}

/// Policy files (not libraries, not tests) by path relative to `policies/`, with `/`. A file
/// whose METADATA does not parse is left out: the run parses it and reports the error.
fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, metadata::Metadata>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("policies/ is readable")
        .map(|e| e.expect("policies/ is readable").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
            continue;
        }
        let relative: Vec<String> = path
            .strip_prefix(root)
            .expect("under policies/")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = relative.last().map(String::as_str).unwrap_or("");
        let in_lib = relative[..relative.len() - 1].iter().any(|c| c == "lib");
        if !name.ends_with(".rego") || name.ends_with("_test.rego") || in_lib {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("policy files are UTF-8");
        if let Ok(meta) = metadata::parse(&source) {
            out.insert(relative.join("/"), meta);
        }
    }
}
