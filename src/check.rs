//! The plain data that flows from evaluation to waivers, scoring and reports: one policy's
//! verdict on one resource, and why a failure is waived. Its own home so that the later stages
//! depend on this data, not on the evaluator that produces it.

use crate::diagnostics::Location;
use serde::{Deserialize, Serialize};

/// The address results of `presence` policies carry: they judge the scan, not one resource.
pub const SCAN_ADDRESS: &str = "<scan>";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Fail,
    Error,
    /// A failure a suppression or baseline accepts: shown, counted apart, out of pass rates.
    Waived,
    /// The policy could not judge the resource (its `unknown` rule named it: a value the scan
    /// cannot know). Never a pass: counted apart and out of pass rates.
    Unknown,
}

/// Why a failure is waived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    /// `inline` (a `# rungs:ignore` comment), `config` (.rungs.yaml) or `baseline`.
    pub source: String,
    pub reason: String,
    /// Last day the waiver holds, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Where the waiver is written, when it is written somewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// One policy's verdict on one resource (or on the whole scan, for `presence` policies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub policy: String,
    pub resource: String,
    /// Root module of the document the resource belongs to; empty for presence results.
    pub root: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Set when `outcome` is `Waived`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
}
