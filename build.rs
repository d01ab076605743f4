//! The default policies and model are embedded with `include_dir!`/`include_str!`; rebuild
//! when they change (stable Rust cannot track files read by a proc macro). `--version` names
//! the commit built from: `RUNGS_COMMIT` (for builds without `.git`, such as the container's),
//! else git's HEAD when this directory is a repository's top level, else "unknown".
//!
//! The `# METADATA` blocks of the embedded policies are parsed here, with the same code a run
//! uses, into `$OUT_DIR/metadata.json`: parsing 200 YAML blocks took about 9% of a small scan.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

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
    println!("cargo:rerun-if-env-changed=RUNGS_COMMIT");
    let commit = std::env::var("RUNGS_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=RUNGS_COMMIT={commit}");
    println!("cargo:rerun-if-changed=src/policy/metadata.rs");
    println!("cargo:rerun-if-changed=src/yaml_depth.rs");
    let mut parsed = BTreeMap::new();
    collect(Path::new("policies"), Path::new("policies"), &mut parsed);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("metadata.json");
    let json = serde_json::to_string(&parsed).expect("metadata serializes");
    std::fs::write(out, json).expect("OUT_DIR is writable");
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn git_commit() -> Option<String> {
    // Not the commit of an enclosing repository that merely holds this source (vendored).
    let top = std::path::PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    let manifest = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").ok()?);
    if top.canonicalize().ok()? != manifest.canonicalize().ok()? {
        return None;
    }
    let commit = git(&["rev-parse", "HEAD"])?;
    // Rebuild when HEAD moves: a checkout changes HEAD, a commit the branch's ref.
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        if let Some(path) = git(&["rev-parse", "--git-path", &name]) {
            if std::path::Path::new(&path).exists() {
                println!("cargo:rerun-if-changed={path}");
            }
        }
    }
    Some(commit)
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
