//! The default policies and model, compiled into the binary so it needs no files beside it.

// `REGO_FILES`: every `.rego` file under `policies/` as it was at build time, named under
// [`POLICY_PREFIX`]; `POLICIES_HASH`: a digest of every file under `policies/` (paths and
// contents), so two builds can be told apart by their policies. Both written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/rego_files.rs"));

/// `model/csmm.yaml` as it was at build time.
pub static MODEL: &str = include_str!("../model/csmm.yaml");

/// The same model as JSON, written by `build.rs` (what a run loads).
pub static MODEL_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/model.json"));

/// Display prefix for embedded files in diagnostics and reports.
pub const POLICY_PREFIX: &str = "<embedded>/policies";

/// The METADATA of the embedded policies, parsed by `build.rs` with [`crate::policy::metadata`]:
/// a map from the path under `policies/` to the metadata and the package, in `postcard`'s
/// encoding (decoding the JSON it replaced was a tenth of a small scan's instructions).
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
