//! Report: render a finished scan for people (text, Markdown, HTML) or programs (JSON, SARIF,
//! JUnit XML). docs/formats.md describes each format.

mod evidence;
#[cfg(test)]
mod fixture;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub(crate) mod markup;
pub use markup::visible;
pub mod plan;
pub mod pretty;
pub mod sarif;
pub(crate) mod svg;
pub mod text;

use crate::check::{Check, Outcome};
use crate::policy::Policy;
use crate::scan::{GateResult, Scan};

/// Everything a report shows.
pub struct Report<'a> {
    pub scan: &'a Scan,
    pub gate: &'a [GateResult],
}

impl Report<'_> {
    pub fn gate_passed(&self) -> bool {
        self.gate.iter().all(|g| g.passed)
    }

    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.scan
            .bundle
            .policies
            .binary_search_by(|p| p.meta.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.scan.bundle.policies[i])
    }

    pub fn count(&self, outcome: Outcome) -> usize {
        self.scan
            .checks
            .iter()
            .filter(|c| c.outcome == outcome)
            .count()
    }

    /// One line for a CI log when the report itself goes elsewhere (a file, or a machine
    /// format on standard output): the outcomes, the program level and the gate.
    pub fn summary_line(&self) -> String {
        let card = &self.scan.scorecard;
        let level = match (card.level, card.score) {
            (Some(l), Some(s)) => format!("level {l} ({s:.2})"),
            (Some(l), None) => format!("level {l}"),
            _ => "no level (no evidence)".to_string(),
        };
        let limiting = card
            .limiting
            .as_ref()
            .map_or(String::new(), |c| format!(", limited by {c}"));
        let errors = self
            .scan
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count();
        format!(
            "rungs: {} checks ({} passed, {} failed, {} unknown, {} waived, {} errors), {} error diagnostics · {level}{limiting} · gate {}",
            self.scan.checks.len(),
            self.count(Outcome::Pass),
            self.count(Outcome::Fail),
            self.count(Outcome::Unknown),
            self.count(Outcome::Waived),
            self.count(Outcome::Error),
            errors,
            if self.gate_passed() { "passed" } else { "FAILED" }
        )
    }

    /// Failed and errored checks, most severe policy first, then by policy, file and line.
    pub fn problems(&self) -> Vec<&Check> {
        self.sorted(|c| matches!(c.outcome, Outcome::Fail | Outcome::Error))
    }

    /// Waived checks, in the same order as problems.
    pub fn waived(&self) -> Vec<&Check> {
        self.sorted(|c| c.outcome == Outcome::Waived)
    }

    /// Checks a policy could not judge for unknown values, in the same order.
    pub fn unjudged(&self) -> Vec<&Check> {
        self.sorted(|c| c.outcome == Outcome::Unknown)
    }

    fn sorted(&self, keep: impl Fn(&Check) -> bool) -> Vec<&Check> {
        // Each check's severity looked up once, not in every comparison (a binary search by id:
        // with it, sorting 17,500 failed checks took 236 M instructions).
        let mut out: Vec<_> = self
            .scan
            .checks
            .iter()
            .filter(|c| keep(c))
            .map(|c| {
                let severity = self.policy(&c.policy).map(|p| p.meta.severity);
                (std::cmp::Reverse(severity), c)
            })
            .collect();
        out.sort_by(|(sa, a), (sb, b)| {
            (sa, &a.policy, &a.file, a.line, &a.resource).cmp(&(
                sb,
                &b.policy,
                &b.file,
                b.line,
                &b.resource,
            ))
        });
        out.into_iter().map(|(_, c)| c).collect()
    }
}
