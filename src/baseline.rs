//! Baselines: the failures a team accepts when it adopts the gate, so only new ones fail it.
//!
//! `rungs scan --write-baseline FILE` writes the current failures as a small versioned JSON
//! document; `--baseline FILE` waives the failures it lists (source `baseline`). Entries are keyed
//! on (policy id, root module, resource address), never on lines, so edits that move code do
//! not turn old findings into new ones. The root module is part of the key because the same
//! address in two roots (`envs/prod`, `envs/staging`) names two different resources.

use crate::check::{Check, Outcome};
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::score::Scorecard;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The baseline format version this build writes; it reads 1 (findings only) and 2.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub policy: String,
    /// Root module directory; empty for scan-wide (presence) results.
    pub root: String,
    /// Terraform address, or `<scan>` for scan-wide results.
    pub resource: String,
}

/// A level and score as they were when the baseline was written, with its failures waived:
/// what a scan with this baseline gives while nothing changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    /// `program`, or the domain or category id.
    pub id: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

/// The file's shape.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
    /// Program, domains, then categories; absent in version 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    levels: Vec<Recorded>,
}

#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file as given, for reports.
    pub file: String,
    pub entries: BTreeSet<Entry>,
    pub levels: Vec<Recorded>,
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
    /// The levels and scores the baseline recorded (empty for a version 1 file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Recorded>,
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
            levels: self.levels.clone(),
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
    if !(1..=VERSION).contains(&file.version) {
        return Err(Diagnostic::error(
            Code::Baseline,
            format!(
                "baseline version {} is not supported; this rungs reads versions 1 to {VERSION}",
                file.version
            ),
        )
        .at(Location::file(&shown))
        .help(help));
    }
    Ok(Baseline {
        file: shown,
        entries: file.findings.into_iter().collect(),
        levels: file.levels,
    })
}

/// Whether a result goes into a baseline: failures, and those the baseline in use already
/// waived, so rewriting a baseline keeps what is still there. Failures waived by a suppression
/// are left out: they have their own reason and expiry.
pub fn recorded(check: &Check) -> bool {
    check.outcome == Outcome::Fail
        || check
            .waiver
            .as_ref()
            .is_some_and(|w| w.source == "baseline")
}

/// The levels and scores of a scorecard, in the order a baseline records them.
pub fn levels(card: &Scorecard) -> Vec<Recorded> {
    let mut out = vec![Recorded {
        id: "program".into(),
        level: card.level,
        score: card.score,
    }];
    out.extend(card.domains.iter().map(|d| Recorded {
        id: d.id.clone(),
        level: d.level,
        score: d.score,
    }));
    out.extend(card.categories().map(|c| Recorded {
        id: c.id.clone(),
        level: c.level,
        score: c.score,
    }));
    out
}

/// The baseline of a scan: its recorded failures, and `levels` (those of the scan with these
/// failures waived).
pub fn render(checks: &[Check], levels: Vec<Recorded>) -> (String, usize) {
    let findings: BTreeSet<Entry> = checks
        .iter()
        .filter(|c| recorded(c))
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
        levels,
    };
    let mut text = serde_json::to_string_pretty(&file).expect("baseline serializes");
    text.push('\n');
    (text, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Waiver;

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
        let levels = vec![Recorded {
            id: "program".into(),
            level: Some(1),
            score: Some(1.5),
        }];
        let (text, count) = render(&checks, levels);
        assert_eq!(count, 2);
        assert_eq!(
            text,
            "{\n  \"version\": 2,\n  \"findings\": [\n    {\n      \"policy\": \"A-1\",\n      \"root\": \"envs/prod\",\n      \"resource\": \"aws_s3_bucket.a\"\n    },\n    {\n      \"policy\": \"B-1\",\n      \"root\": \"envs/prod\",\n      \"resource\": \"aws_s3_bucket.b\"\n    }\n  ],\n  \"levels\": [\n    {\n      \"id\": \"program\",\n      \"level\": 1,\n      \"score\": 1.5\n    }\n  ]\n}\n"
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
            levels: Vec::new(),
        };
        let present = [entry("y")].into_iter().collect();
        let status = baseline.status(&present);
        assert_eq!((status.entries, status.present), (2, 1));
        assert_eq!(status.fixed, vec![entry("x")]);
    }
}
