//! The default policies and model, compiled into the binary so it needs no files beside it.

use include_dir::{include_dir, Dir};

/// `policies/` as it was at build time.
pub static POLICIES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/policies");

/// `model/csmm.yaml` as it was at build time.
pub static MODEL: &str = include_str!("../model/csmm.yaml");

/// The same model as JSON, written by `build.rs` (what a run loads).
pub static MODEL_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/model.json"));

/// Display prefix for embedded files in diagnostics and reports.
pub const POLICY_PREFIX: &str = "<embedded>/policies";

/// A digest of every file under `policies/` (paths and contents), so two builds can be told
/// apart by their policies: the first 16 hex digits of a git blob hash of a manifest.
pub fn policies_hash() -> String {
    fn collect(dir: &Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for file in dir.files() {
            out.push((file.path().display().to_string(), file.contents()));
        }
        for sub in dir.dirs() {
            collect(sub, out);
        }
    }
    let mut files = Vec::new();
    collect(&POLICIES, &mut files);
    files.sort();
    let mut manifest = Vec::new();
    for (path, contents) in files {
        manifest.extend_from_slice(format!("{path}\0{}\0", contents.len()).as_bytes());
        manifest.extend_from_slice(contents);
    }
    git2::Oid::hash_object(git2::ObjectType::Blob, &manifest).map_or_else(
        |_| "unknown".to_string(),
        |oid| oid.to_string()[..16].to_string(),
    )
}

/// The METADATA of the embedded policies, parsed by `build.rs` with [`crate::policy::metadata`]:
/// a map from the path under `policies/` to the metadata and the package, in `postcard`'s encoding (decoding
/// the JSON it replaced was a tenth of a small scan's instructions).
pub static METADATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/metadata.bin"));

// `FINGERPRINT`, `POLICY_COUNT` and `LIBRARY_COUNT`: `Bundle::fingerprint` of the whole
// embedded bundle and what it holds, computed by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/fingerprint.rs"));

/// A program `build.rs` compiled from the embedded policies of one provider group (or of a
/// chunk of it, when the group is too large for one program).
pub struct Precompiled {
    /// The group's batch rule (`results_aws`).
    pub group: &'static str,
    /// Ids of the policies the program decides.
    pub policies: &'static [&'static str],
    /// Where its serialized bytes are in [`PROGRAM_BYTES`].
    pub start: usize,
    pub end: usize,
}

// `PROGRAMS`: the precompiled programs, written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/programs.rs"));

/// The serialized programs of [`PROGRAMS`], one after another.
pub static PROGRAM_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/programs.bin"));
