//! Baselines: the failures a team accepts when it adopts the gate, so only new ones fail it.
//!
//! `rungs scan --write-baseline FILE` writes the current failures as a small versioned JSON
//! document; `--baseline FILE` waives the failures it lists (source `baseline`). Entries are keyed
//! on (policy id, root module, resource address), never on lines, so edits that move code do
//! not turn old findings into new ones. The root module is part of the key because the same
//! address in two roots (`envs/prod`, `envs/staging`) names two different resources.

use crate::diagnostics::{Code, Diagnostic, Location};
use crate::evaluate::{Check, Outcome};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The baseline format version this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub policy: String,
    /// Root module directory; empty for scan-wide (presence) results.
    pub root: String,
    /// Terraform address, or `<scan>` for scan-wide results.
    pub resource: String,
}

/// The file's shape.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file as given, for reports.
    pub file: String,
    pub entries: BTreeSet<Entry>,
}

/// What became of a baseline's entries in this scan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub file: String,
    pub entries: usize,
    /// Entries whose failure is still there (and waived, unless a suppression came first).
    pub present: usize,
    /// Entries with no failure any more: fixed, or the resource or policy is gone.
    pub fixed: Vec<Entry>,
}

impl Baseline {
    /// The status given the entries whose failure is still there.
    pub fn status(&self, present: &BTreeSet<Entry>) -> Status {
        let fixed: Vec<Entry> = self.entries.difference(present).cloned().collect();
        Status {
            file: self.file.clone(),
            entries: self.entries.len(),
            present: self.entries.len() - fixed.len(),
            fixed,
        }
    }
}

/// Reads a baseline; any problem is an error (R407) with the position serde_json reports.
pub fn read(path: &Path) -> Result<Baseline, Diagnostic> {
    let shown = path.display().to_string();
    let help = "write a new one with `rungs scan --write-baseline FILE`";
    let text = crate::read::text(path).map_err(|e| {
        Diagnostic::error(e.code(Code::Baseline), format!("cannot read baseline: {e}"))
            .at(Location::file(&shown))
            .help(help)
    })?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        let message = crate::diagnostics::cut_echo(&e.to_string());
        let message = crate::config::without_position(&message);
        Diagnostic::error(Code::Baseline, format!("invalid baseline: {message}"))
            .at(Location::at(&shown, e.line(), e.column()))
            .help(help)
    })?;
    if file.version != VERSION {
        return Err(Diagnostic::error(
            Code::Baseline,
            format!(
                "baseline version {} is not supported; this rungs reads version {VERSION}",
                file.version
            ),
        )
        .at(Location::file(&shown))
        .help(help));
    }
    Ok(Baseline {
        file: shown,
        entries: file.findings.into_iter().collect(),
    })
}

/// The baseline of a scan: every failure, including those the baseline in use already waived,
/// so rewriting a baseline keeps what is still there. Failures waived by a suppression are left
/// out: they have their own reason and expiry.
pub fn render(checks: &[Check]) -> (String, usize) {
    let findings: BTreeSet<Entry> = checks
        .iter()
        .filter(|c| {
            c.outcome == Outcome::Fail || c.waiver.as_ref().is_some_and(|w| w.source == "baseline")
        })
        .map(|c| Entry {
            policy: c.policy.clone(),
            root: c.root.clone(),
            resource: c.resource.clone(),
        })
        .collect();
    let count = findings.len();
    let file = File {
        version: VERSION,
        findings: findings.into_iter().collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("baseline serializes");
    text.push('\n');
    (text, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::Waiver;

    fn check(policy: &str, resource: &str, outcome: Outcome, source: Option<&str>) -> Check {
        Check {
            policy: policy.into(),
            resource: resource.into(),
            root: "envs/prod".into(),
            file: Some("envs/prod/main.tf".into()),
            line: Some(3),
            outcome,
            message: None,
            waiver: source.map(|s| Waiver {
                source: s.into(),
                reason: "r".into(),
                expires: None,
                location: None,
            }),
        }
    }

    #[test]
    fn renders_failures_and_baseline_waivers_sorted_without_lines() {
        let checks = vec![
            check("B-1", "aws_s3_bucket.b", Outcome::Fail, None),
            check("A-1", "aws_s3_bucket.a", Outcome::Waived, Some("baseline")),
            check("A-1", "aws_s3_bucket.z", Outcome::Waived, Some("inline")),
            check("A-1", "aws_s3_bucket.p", Outcome::Pass, None),
            check("A-1", "aws_s3_bucket.e", Outcome::Error, None),
            check("B-1", "aws_s3_bucket.b", Outcome::Fail, None),
        ];
        let (text, count) = render(&checks);
        assert_eq!(count, 2);
        assert_eq!(
            text,
            "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"policy\": \"A-1\",\n      \"root\": \"envs/prod\",\n      \"resource\": \"aws_s3_bucket.a\"\n    },\n    {\n      \"policy\": \"B-1\",\n      \"root\": \"envs/prod\",\n      \"resource\": \"aws_s3_bucket.b\"\n    }\n  ]\n}\n"
        );
    }

    #[test]
    fn status_lists_fixed_entries() {
        let entry = |r: &str| Entry {
            policy: "A-1".into(),
            root: ".".into(),
            resource: r.into(),
        };
        let baseline = Baseline {
            file: "b.json".into(),
            entries: [entry("x"), entry("y")].into_iter().collect(),
        };
        let present = [entry("y")].into_iter().collect();
        let status = baseline.status(&present);
        assert_eq!((status.entries, status.present), (2, 1));
        assert_eq!(status.fixed, vec![entry("x")]);
    }
}
