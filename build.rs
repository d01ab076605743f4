//! The default policies and model are embedded with `include_str!`; rebuild when they change
//! (the list of policy files is generated here, so cargo must run this again). `--version` names
//! the commit built from: `RUNGS_COMMIT` (for builds without `.git`, such as the container's),
//! else git's HEAD when this directory is a repository's top level, else "unknown".
//!
//! The `# METADATA` blocks of the embedded policies are parsed here, with the same code a run
//! uses, into `$OUT_DIR/metadata.bin` (`postcard`, with each policy's package): parsing 200
//! YAML blocks took about 9% of a small scan, decoding them as JSON about 6%.

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
// The batch module, library selection and compilation a run uses.
#[allow(dead_code)]
#[path = "src/policy/program.rs"]
mod program;

/// `embedded::POLICY_PREFIX`: embedded files are named so in engines and programs.
const POLICY_PREFIX: &str = "<embedded>/policies";

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
    println!("cargo:rerun-if-changed=src/policy/program.rs");
    let mut parsed = BTreeMap::new();
    collect(Path::new("policies"), Path::new("policies"), &mut parsed);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("metadata.bin");
    // In policy id order, as `REGO_FILES` lists these files and a run sorts its policies: a
    // run takes the entries in turn and finds its policies already sorted.
    let mut with_packages: Vec<(&String, &metadata::Metadata, String)> = parsed
        .iter()
        .map(|(path, meta)| {
            let source = std::fs::read_to_string(Path::new("policies").join(path))
                .expect("policy files are UTF-8");
            let package = program::package_of(&source).expect("embedded policies have a package");
            (path, meta, package)
        })
        .collect();
    with_packages.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    // A run trusts the embedded policies to have distinct ids and packages (policy::build).
    for pair in with_packages.windows(2) {
        let ((a, meta, _), (b, ..)) = (&pair[0], &pair[1]);
        assert!(
            meta.id != pair[1].1.id,
            "{a} and {b} share the id {}",
            meta.id
        );
    }
    let mut packages = BTreeMap::new();
    for (path, _, package) in &with_packages {
        if let Some(other) = packages.insert(package.as_str(), path.as_str()) {
            panic!("{path} and {other} share the package {package}");
        }
    }
    // Each entry: path, summary, package, the details encoded on their own so a run decodes
    // them only when an output reads them (`metadata::Details`).
    let table: Vec<_> = with_packages
        .iter()
        .map(|(path, meta, package)| {
            let (summary, details) = meta.encode();
            (path, summary, package, details)
        })
        .collect();
    let bytes = postcard::to_allocvec(&table).expect("metadata serializes");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
    fingerprint(&parsed);
    programs(&parsed);
    let by_id: Vec<&str> = with_packages
        .iter()
        .map(|(path, ..)| path.as_str())
        .collect();
    rego_files(&by_id);
    model_json();
}

/// An embedded `.rego` file as a run names it.
struct File {
    path: String,
    source: String,
}

/// The embedded policies compiled for regorus' VM, as a run would compile them
/// (`evaluate::compile_chunk_program` with the whole embedded bundle): one program per provider
/// group, or per chunk of a group too large for one program. A run loads the programs of the
/// groups it needs instead of parsing, analysing and compiling the policies and libraries
/// (two thirds of a one-resource scan). Writes `$OUT_DIR/programs.bin`, the serialized programs
/// one after another, and `$OUT_DIR/programs.rs`, `PROGRAMS`: per program its group, policy ids
/// and byte range.
fn programs(parsed: &BTreeMap<String, metadata::Metadata>) {
    // The bundle's order: policies by id, libraries in the order of `REGO_FILES`.
    let mut policies: Vec<(&metadata::Metadata, File)> = parsed
        .iter()
        .map(|(path, meta)| {
            let source = std::fs::read_to_string(Path::new("policies").join(path))
                .expect("policy files are UTF-8");
            let path = format!("{POLICY_PREFIX}/{path}");
            (meta, File { path, source })
        })
        .collect();
    policies.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let libraries = embedded_library_files();
    let packages: Vec<String> = policies
        .iter()
        .map(|(_, f)| program::package_of(&f.source).expect("embedded policies have a package"))
        .collect();
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (meta, _)) in policies.iter().enumerate() {
        groups
            .entry(program::group(&meta.resource_types))
            .or_default()
            .push(i);
    }
    let mut bytes = Vec::new();
    let mut table = String::from("/// The programs of `programs.bin`, by provider group.\npub static PROGRAMS: &[Precompiled] = &[\n");
    for (group, members) in groups {
        for chunk in program::chunks(vec![members], program::max_policies(libraries.len())) {
            let modules: Vec<&str> = chunk
                .iter()
                .map(|&i| policies[i].1.source.as_str())
                .collect();
            let mut engine = regorus::Engine::new();
            engine.set_strict_builtin_errors(false);
            let needed = program::needed_libraries(&libraries, |l| &l.source, &modules);
            for file in needed
                .into_iter()
                .chain(chunk.iter().map(|&i| &policies[i].1))
            {
                engine
                    .add_policy(file.path.clone(), file.source.clone())
                    .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.path));
            }
            let members: Vec<program::Member> = chunk
                .iter()
                .map(|&i| program::Member {
                    index: i,
                    id: &policies[i].0.id,
                    kind: policies[i].0.kind,
                    resource_types: &policies[i].0.resource_types,
                    package: &packages[i],
                    source: &policies[i].1.source,
                })
                .collect();
            engine
                .add_policy(program::BATCH_PATH.into(), program::batch_module(&members))
                .expect("the batch module parses");
            let names: Vec<String> =
                std::iter::once(format!("data.{}.{group}", program::BATCH_PACKAGE))
                    .chain(chunk.iter().flat_map(|&i| {
                        program::entry_points(
                            policies[i].0.kind,
                            &packages[i],
                            &policies[i].1.source,
                        )
                    }))
                    .collect();
            let mut compiled = std::sync::Arc::unwrap_or_clone(
                program::compile(&mut engine, &names).unwrap_or_else(|e| {
                    panic!("the {group} policies do not compile for the VM: {e}")
                }),
            );
            program::packages_only(&mut compiled);
            let serialized = compiled.serialize_binary().expect("the program serializes");
            let ids: Vec<String> = chunk
                .iter()
                .map(|&i| serde_json::to_string(&policies[i].0.id).expect("ids serialize"))
                .collect();
            table.push_str(&format!(
                "    Precompiled {{ group: {group:?}, policies: &[{}], start: {}, end: {} }},\n",
                ids.join(", "),
                bytes.len(),
                bytes.len() + serialized.len()
            ));
            bytes.extend_from_slice(&serialized);
        }
    }
    table.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("programs.bin"), bytes).expect("OUT_DIR is writable");
    std::fs::write(out.join("programs.rs"), table).expect("OUT_DIR is writable");
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
/// come sorted by id, libraries in the order of `REGO_FILES` (files, then subdirectories, each
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
    let libraries: Vec<String> = embedded_library_files()
        .into_iter()
        .map(|f| f.source)
        .collect();
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

/// The non-test `.rego` files under a `lib` directory, in the order of `REGO_FILES`.
fn embedded_library_files() -> Vec<File> {
    let mut files = Vec::new();
    policy_files(Path::new("policies"), &mut files);
    files
        .into_iter()
        .filter(|(relative, _)| {
            let (dirs, name) = relative.rsplit_once('/').unwrap_or(("", relative));
            dirs.split('/').any(|d| d == "lib")
                && name.ends_with(".rego")
                && !name.ends_with("_test.rego")
        })
        .map(|(relative, absolute)| File {
            path: format!("{POLICY_PREFIX}/{relative}"),
            source: std::fs::read_to_string(absolute).expect("policy files are UTF-8"),
        })
        .collect()
}

/// Every file under `policies/`, each directory's files (sorted) before its subdirectories
/// (sorted): paths relative to `policies/` with `/` separators, and absolute paths.
fn policy_files(dir: &Path, out: &mut Vec<(String, std::path::PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("policies/ is readable")
        .map(|e| e.expect("policies/ is readable").path())
        .collect();
    entries.sort();
    for path in entries.iter().filter(|p| !p.is_dir()) {
        let relative: Vec<String> = path
            .strip_prefix("policies")
            .expect("under policies/")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let absolute =
            Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join(path);
        out.push((relative.join("/"), absolute));
    }
    for path in entries.iter().filter(|p| p.is_dir()) {
        policy_files(path, out);
    }
}

/// `$OUT_DIR/rego_files.rs`: `REGO_FILES`, every `.rego` file under `policies/` as a run names
/// it, with its text by `include_str!` (checked as UTF-8 by the compiler, not by every run:
/// walking and validating the embedded directory was a third of an empty scan's
/// instructions); and `POLICIES_HASH`, the git blob hash of a manifest of every file (path,
/// length, contents, sorted by path) that `--version` prints.
///
/// The policies with METADATA (`by_id`, their paths in id order) come last, in that order; the
/// other files keep the walk's order.
fn rego_files(by_id: &[&str]) {
    let mut files = Vec::new();
    policy_files(Path::new("policies"), &mut files);
    let rank = |relative: &str| by_id.iter().position(|p| *p == relative);
    files.sort_by_key(|(relative, _)| rank(relative).map_or(0, |i| i + 1));
    let mut table = String::from(
        "/// Every `.rego` file under `policies/`: its name in engines and reports, and its text.\n\
         pub static REGO_FILES: &[(&str, &str)] = &[\n",
    );
    for (relative, absolute) in files.iter().filter(|(r, _)| r.ends_with(".rego")) {
        let name = format!("{POLICY_PREFIX}/{relative}");
        let absolute = absolute.to_str().expect("the checkout's path is UTF-8");
        table.push_str(&format!("    ({name:?}, include_str!({absolute:?})),\n"));
    }
    table.push_str("];\n");
    let mut sorted: Vec<(&String, Vec<u8>)> = files
        .iter()
        .map(|(relative, absolute)| (relative, std::fs::read(absolute).expect("readable")))
        .collect();
    sorted.sort();
    let mut manifest = Vec::new();
    for (path, contents) in sorted {
        manifest.extend_from_slice(format!("{path}\0{}\0", contents.len()).as_bytes());
        manifest.extend_from_slice(&contents);
    }
    let mut blob = format!("blob {}\0", manifest.len()).into_bytes();
    blob.extend_from_slice(&manifest);
    let hex: String = sha1(&blob).iter().map(|b| format!("{b:02x}")).collect();
    table.push_str(&format!(
        "/// First 16 hex digits of the git blob hash of a manifest of every file under `policies/`.\n\
         pub const POLICIES_HASH: &str = \"{}\";\n",
        &hex[..16]
    ));
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rego_files.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
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
