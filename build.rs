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
    fingerprint(&parsed);
    model_json();
}

/// The embedded model as JSON, which a run deserializes into the same `Model` several times
/// faster than the YAML (parsing the YAML was 7.5% of a one-resource scan); the test
/// `embedded_model_json_is_the_yaml` holds the two to the same model.
fn model_json() {
    let yaml = std::fs::read_to_string("model/csmm.yaml").expect("model/csmm.yaml is readable");
    let value: serde_json::Value = yaml_serde::from_str(&yaml).expect("model/csmm.yaml is YAML");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("model.json");
    std::fs::write(
        out,
        serde_json::to_string(&value).expect("the model serializes"),
    )
    .expect("OUT_DIR is writable");
}

/// `Bundle::fingerprint` of the whole embedded bundle (hashing 2 MB took a fifth of a
/// `--format json` run), with the counts that tell that bundle apart at run time. Policies
/// come sorted by id, libraries in `include_dir!`'s order (files, then subdirectories, each
/// sorted); the test `embedded_fingerprint_matches_runtime` holds this to the runtime value.
fn fingerprint(parsed: &BTreeMap<String, metadata::Metadata>) {
    let mut policies: Vec<(&str, String)> = parsed
        .iter()
        .map(|(path, meta)| {
            let source = std::fs::read_to_string(Path::new("policies").join(path))
                .expect("policy files are UTF-8");
            (meta.id.as_str(), source)
        })
        .collect();
    policies.sort_by(|a, b| a.0.cmp(b.0));
    let mut libraries = Vec::new();
    embedded_libraries(Path::new("policies"), false, &mut libraries);
    let mut text = Vec::new();
    for (id, source) in &policies {
        text.extend_from_slice(id.as_bytes());
        text.push(0);
        text.extend_from_slice(source.as_bytes());
        text.push(0);
    }
    for source in &libraries {
        text.extend_from_slice(source.as_bytes());
        text.push(0);
    }
    let mut blob = format!("blob {}\0", text.len()).into_bytes();
    blob.extend_from_slice(&text);
    let hex: String = sha1(&blob).iter().map(|b| format!("{b:02x}")).collect();
    let consts = format!(
        "/// `Bundle::fingerprint` of the whole embedded bundle.\n\
         pub const FINGERPRINT: &str = \"{hex}\";\n\
         /// Policies in that bundle.\n\
         pub const POLICY_COUNT: usize = {};\n\
         /// Libraries in that bundle.\n\
         pub const LIBRARY_COUNT: usize = {};\n",
        policies.len(),
        libraries.len()
    );
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fingerprint.rs");
    std::fs::write(out, consts).expect("OUT_DIR is writable");
}

/// Sources of the non-test `.rego` files under a `lib` directory, in `include_dir!`'s order.
fn embedded_libraries(dir: &Path, in_lib: bool, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("policies/ is readable")
        .map(|e| e.expect("policies/ is readable").path())
        .collect();
    entries.sort();
    for path in entries.iter().filter(|p| !p.is_dir()) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if in_lib && name.ends_with(".rego") && !name.ends_with("_test.rego") {
            out.push(std::fs::read_to_string(path).expect("policy files are UTF-8"));
        }
    }
    for path in entries.iter().filter(|p| p.is_dir()) {
        let lib = in_lib || path.file_name().is_some_and(|n| n == "lib");
        embedded_libraries(path, lib, out);
    }
}

/// SHA-1 (FIPS 180-4), as git names a blob; a build dependency on a hashing crate would
/// compile for this one value.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
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
