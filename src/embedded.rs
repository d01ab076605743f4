//! The default policies and model, compiled into the binary so it needs no files beside it.

use include_dir::{include_dir, Dir};

/// `policies/` as it was at build time.
pub static POLICIES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/policies");

/// `model/csmm.yaml` as it was at build time.
pub static MODEL: &str = include_str!("../model/csmm.yaml");

/// Display prefix for embedded files in diagnostics and reports.
pub const POLICY_PREFIX: &str = "<embedded>/policies";

/// The METADATA of the embedded policies, parsed by `build.rs` with [`crate::policy::metadata`]:
/// a JSON object from the path under `policies/` to the metadata.
pub static METADATA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/metadata.json"));
