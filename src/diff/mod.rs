//! Diff: what a change does to findings and levels, between two finished scans.
//!
//! Findings are keyed by (policy id, root module, resource address), never by file or line, so
//! moving a block or editing above it changes nothing. A root module whose directory was renamed
//! is matched to its new name by the resources it holds. Levels are compared per category,
//! domain and program.

pub mod render;

use crate::check::{Check, Outcome};
use crate::policy::{Policy, Severity};
use crate::scan::Scan;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    New,
    Fixed,
    /// The resource (or its whole root module) is gone: nothing was fixed.
    Removed,
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    pub change: Change,
    pub policy: String,
    pub title: String,
    pub severity: Severity,
    /// Root module in the head scan (for fixed findings of a renamed root, its new name).
    pub root: String,
    pub resource: String,
    /// The outcome on the side the finding is shown from: head, or base for fixed findings.
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Same,
    Up,
    Down,
    /// No level in base (no evidence), one in head.
    Gained,
    /// A level in base, none in head: the evidence went away (resources deleted). Not a drop.
    Lost,
}

fn direction(base: Option<u8>, head: Option<u8>) -> Direction {
    match (base, head) {
        (Some(b), Some(h)) if h > b => Direction::Up,
        (Some(b), Some(h)) if h < b => Direction::Down,
        (None, Some(_)) => Direction::Gained,
        (Some(_), None) => Direction::Lost,
        _ => Direction::Same,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Program,
    Domain,
    Category,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelChange {
    pub scope: Scope,
    pub id: String,
    pub name: String,
    pub base: Option<u8>,
    pub head: Option<u8>,
    pub base_score: Option<f64>,
    pub head_score: Option<f64>,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaiverChange {
    /// `added` (waived in head only) or `removed` (waived in base only).
    pub change: &'static str,
    pub policy: String,
    pub root: String,
    pub resource: String,
    /// `inline`, `config` or `baseline`.
    pub source: String,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// Waived results on one side and not the other, keyed as findings are.
fn waivers(base: &Scan, head: &Scan, rename: &BTreeMap<&str, &str>) -> Vec<WaiverChange> {
    let waived =
        |scan: &Scan, rename: &BTreeMap<&str, &str>| -> BTreeMap<(String, String, String), Check> {
            scan.checks
                .iter()
                .filter(|c| c.outcome == Outcome::Waived)
                .map(|c| {
                    let root = rename.get(c.root.as_str()).copied().unwrap_or(&c.root);
                    (
                        (c.policy.clone(), root.to_string(), c.resource.clone()),
                        c.clone(),
                    )
                })
                .collect()
        };
    let (before, after) = (waived(base, rename), waived(head, &BTreeMap::new()));
    let entry = |change: &'static str, key: &(String, String, String), c: &Check| {
        let w = c.waiver.clone().unwrap_or(crate::check::Waiver {
            source: String::new(),
            reason: String::new(),
            expires: None,
            location: None,
        });
        WaiverChange {
            change,
            policy: key.0.clone(),
            root: key.1.clone(),
            resource: key.2.clone(),
            source: w.source,
            reason: w.reason,
            expires: w.expires,
        }
    };
    let mut out: Vec<WaiverChange> = after
        .iter()
        .filter(|(k, _)| !before.contains_key(*k))
        .map(|(k, c)| entry("added", k, c))
        .collect();
    out.extend(
        before
            .iter()
            .filter(|(k, _)| !after.contains_key(*k))
            .map(|(k, c)| entry("removed", k, c)),
    );
    out
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rename {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Program, then each domain followed by its categories, in model order.
    pub levels: Vec<LevelChange>,
    /// New, then fixed, removed and unchanged; most severe first within each.
    pub findings: Vec<FindingChange>,
    /// Failures waived on one side only: a waiver added or removed (inline comments are read
    /// from each revision; a baseline or suppression that stopped matching shows here too).
    pub waivers: Vec<WaiverChange>,
    pub renamed_roots: Vec<Rename>,
}

/// What `--fail-on-regression` fails on.
#[derive(Debug, Clone, PartialEq)]
pub struct Regressions<'a> {
    pub levels: Vec<&'a LevelChange>,
    pub findings: Vec<&'a FindingChange>,
}

impl Regressions<'_> {
    pub fn any(&self) -> bool {
        !self.levels.is_empty() || !self.findings.is_empty()
    }
}

impl Diff {
    pub fn new(base: &Scan, head: &Scan) -> Diff {
        let renamed_roots = renamed_roots(base, head);
        let rename: BTreeMap<&str, &str> = renamed_roots
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        let base_findings = findings(base, &rename);
        let head_findings = findings(head, &BTreeMap::new());
        let policy = |id: &str| {
            find_policy(&head.bundle.policies, id)
                .or_else(|| find_policy(&base.bundle.policies, id))
        };
        let change = |change: Change, key: &(&str, &str, &str), check: &Check| {
            let p = policy(&check.policy);
            FindingChange {
                change,
                policy: check.policy.clone(),
                title: p.map(|p| p.meta.title.clone()).unwrap_or_default(),
                severity: p.map_or(Severity::Info, |p| p.meta.severity),
                root: key.1.to_string(),
                resource: check.resource.clone(),
                outcome: check.outcome,
                file: check.file.clone(),
                line: check.line,
                message: check.message.clone().unwrap_or_default(),
            }
        };
        let mut out = Vec::new();
        for (key, check) in &head_findings {
            let kind = if base_findings.contains_key(key) {
                Change::Unchanged
            } else {
                Change::New
            };
            out.push(change(kind, key, check));
        }
        let head_resources: BTreeSet<(&str, &str)> = head
            .documents
            .iter()
            .flat_map(|d| {
                d.resources
                    .iter()
                    .map(|r| (d.root.as_str(), r.address.as_str()))
            })
            .collect();
        for (key, check) in &base_findings {
            if !head_findings.contains_key(key) {
                // Scan-wide results have no resource to lose: absent now means fixed.
                let still_there = key.1.is_empty() || head_resources.contains(&(key.1, key.2));
                let kind = if still_there {
                    Change::Fixed
                } else {
                    Change::Removed
                };
                out.push(change(kind, key, check));
            }
        }
        out.sort_by(|a, b| {
            (
                a.change,
                std::cmp::Reverse(a.severity),
                &a.policy,
                &a.root,
                &a.resource,
            )
                .cmp(&(
                    b.change,
                    std::cmp::Reverse(b.severity),
                    &b.policy,
                    &b.root,
                    &b.resource,
                ))
        });
        Diff {
            levels: levels(base, head),
            findings: out,
            waivers: waivers(base, head, &rename),
            renamed_roots,
        }
    }

    /// The program score went down, or any level dropped (`--fail-on-level-drop`).
    pub fn level_dropped(&self) -> bool {
        let program = &self.levels[0];
        self.levels.iter().any(|l| l.direction == Direction::Down)
            || matches!((program.base_score, program.head_score), (Some(b), Some(h)) if h < b)
    }

    /// The findings of one class, in report order.
    pub fn with_change(&self, change: Change) -> Vec<&FindingChange> {
        self.findings
            .iter()
            .filter(|f| f.change == change)
            .collect()
    }

    pub fn count(&self, change: Change) -> usize {
        self.findings.iter().filter(|f| f.change == change).count()
    }

    /// Levels that dropped, and new findings at or above `min` severity.
    pub fn regressions(&self, min: Severity) -> Regressions<'_> {
        Regressions {
            levels: self
                .levels
                .iter()
                .filter(|l| l.direction == Direction::Down)
                .collect(),
            findings: self
                .findings
                .iter()
                .filter(|f| f.change == Change::New && f.severity >= min)
                .collect(),
        }
    }
}

fn find_policy<'p>(policies: &'p [Policy], id: &str) -> Option<&'p Policy> {
    policies.iter().find(|p| p.meta.id == id)
}

/// Failed and errored checks by (policy, root, resource), roots renamed to their head names.
fn findings<'s>(
    scan: &'s Scan,
    rename: &BTreeMap<&'s str, &'s str>,
) -> BTreeMap<(&'s str, &'s str, &'s str), &'s Check> {
    let mut out = BTreeMap::new();
    for check in &scan.checks {
        if matches!(check.outcome, Outcome::Fail | Outcome::Error) {
            let root = rename
                .get(check.root.as_str())
                .copied()
                .unwrap_or(check.root.as_str());
            out.entry((check.policy.as_str(), root, check.resource.as_str()))
                .or_insert(check);
        }
    }
    out
}

/// Pairs each root module only in base with the root only in head holding most of the same
/// resource addresses (at least half of both together), so a renamed directory keeps its
/// findings instead of showing them all as fixed and new.
fn renamed_roots(base: &Scan, head: &Scan) -> Vec<Rename> {
    let addresses = |scan: &Scan| -> BTreeMap<String, BTreeSet<String>> {
        scan.documents
            .iter()
            .map(|d| {
                (
                    d.root.clone(),
                    d.resources.iter().map(|r| r.address.clone()).collect(),
                )
            })
            .collect()
    };
    let (before, after) = (addresses(base), addresses(head));
    let gone: Vec<_> = before
        .iter()
        .filter(|(r, _)| !after.contains_key(*r))
        .collect();
    let came: Vec<_> = after
        .iter()
        .filter(|(r, _)| !before.contains_key(*r))
        .collect();
    let mut pairs = Vec::new();
    for (from, a) in &gone {
        for (to, b) in &came {
            let shared = a.intersection(b).count();
            let all = a.union(b).count();
            if all > 0 && shared * 2 >= all {
                // Highest overlap first; names break ties so the result does not depend on order.
                pairs.push((std::cmp::Reverse(shared * 1000 / all), *from, *to));
            }
        }
    }
    pairs.sort();
    let mut used_from = BTreeSet::new();
    let mut used_to = BTreeSet::new();
    let mut out = Vec::new();
    for (_, from, to) in pairs {
        if !used_from.contains(from) && !used_to.contains(to) {
            used_from.insert(from);
            used_to.insert(to);
            out.push(Rename {
                from: from.clone(),
                to: to.clone(),
            });
        }
    }
    out.sort_by(|a, b| a.from.cmp(&b.from));
    out
}

fn levels(base: &Scan, head: &Scan) -> Vec<LevelChange> {
    let (b, h) = (&base.scorecard, &head.scorecard);
    let mut out = vec![LevelChange {
        scope: Scope::Program,
        id: "program".into(),
        name: "Program".into(),
        base: b.level,
        head: h.level,
        base_score: b.score,
        head_score: h.score,
        direction: direction(b.level, h.level),
    }];
    for domain in &h.domains {
        let before = b.domains.iter().find(|d| d.id == domain.id);
        let base_level = before.and_then(|d| d.level);
        out.push(LevelChange {
            scope: Scope::Domain,
            id: domain.id.clone(),
            name: domain.name.clone(),
            base: base_level,
            head: domain.level,
            base_score: before.and_then(|d| d.score),
            head_score: domain.score,
            direction: direction(base_level, domain.level),
        });
        for category in &domain.categories {
            let before = b.categories().find(|c| c.id == category.id);
            let base_level = before.and_then(|c| c.level);
            out.push(LevelChange {
                scope: Scope::Category,
                id: category.id.clone(),
                name: category.name.clone(),
                base: base_level,
                head: category.level,
                base_score: before.and_then(|c| c.score),
                head_score: category.score,
                direction: direction(base_level, category.level),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions() {
        assert_eq!(direction(Some(2), Some(1)), Direction::Down);
        assert_eq!(direction(Some(1), Some(3)), Direction::Up);
        assert_eq!(direction(Some(0), Some(0)), Direction::Same);
        assert_eq!(direction(None, Some(0)), Direction::Gained);
        assert_eq!(direction(Some(4), None), Direction::Lost);
        assert_eq!(direction(None, None), Direction::Same);
    }
}
