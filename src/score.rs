//! Score: roll policy results up the model into objective, category, domain and program levels.
//!
//! The rules (docs/scoring.md is the user-facing statement; keep both in step):
//! - An objective's results are the checks of every policy citing it. Its pass rate is
//!   passed / (passed + failed); waived results count in neither. It is `error` when any policy
//!   citing it failed to evaluate; otherwise `met` when a valid attestation covers it (only
//!   `attested` and `either` objectives can be attested; automated results are still shown),
//!   or when it has results and the rate reaches the threshold; `failed` when it has results
//!   and does not; `unassessed` without results. Unassessed is never met; an expired
//!   attestation counts for nothing.
//! - A category's level is the highest L such that every level 1..=L has no failed or errored
//!   objective and at least one met objective. A category with no assessed objective has no
//!   level at all: zero evidence is never a level.
//! - A domain's level is the minimum over its assessed categories; the program's is the minimum
//!   over its assessed domains. Means (one decimal) are reported beside them for charts.

use crate::attest::{self, Attestation};
use crate::evaluate::{Check, Outcome};
use crate::model::{Evidence, Model, MAX_LEVEL};
use crate::policy::Policy;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Met,
    Failed,
    Error,
    Unassessed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveScore {
    pub id: String,
    pub level: u8,
    pub title: String,
    pub evidence: Evidence,
    pub status: Status,
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    /// Failures accepted by a suppression or baseline: counted apart, not in the rate.
    pub waived: usize,
    /// Resources the policies could not judge (unknown values): counted apart, not in the rate.
    pub unknown: usize,
    /// passed / (passed + failed), when there are results.
    pub rate: Option<f64>,
    /// Ids of the policies citing this objective.
    pub policies: Vec<String>,
    /// The attestation covering it, valid or expired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attestation: Option<Attestation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    pub id: String,
    pub name: String,
    pub provisional: bool,
    /// `None` when no objective has evidence.
    pub level: Option<u8>,
    /// Share of objectives with evidence, 0.0 to 1.0.
    pub coverage: f64,
    pub objectives: Vec<ObjectiveScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainScore {
    pub id: String,
    pub name: String,
    pub level: Option<u8>,
    pub mean: Option<f64>,
    pub categories: Vec<CategoryScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    pub threshold: f64,
    pub level: Option<u8>,
    pub mean: Option<f64>,
    pub domains: Vec<DomainScore>,
}

impl Scorecard {
    pub fn categories(&self) -> impl Iterator<Item = &CategoryScore> {
        self.domains.iter().flat_map(|d| d.categories.iter())
    }

    pub fn objectives(&self) -> impl Iterator<Item = &ObjectiveScore> {
        self.categories().flat_map(|c| c.objectives.iter())
    }
}

/// Rounds to one decimal, as reported.
fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn mean(levels: &[u8]) -> Option<f64> {
    if levels.is_empty() {
        None
    } else {
        let sum: f64 = levels.iter().map(|&l| f64::from(l)).sum();
        Some(one_decimal(sum / levels.len() as f64))
    }
}

/// Check counts of one policy or objective.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub waived: usize,
    pub unknown: usize,
}

/// Scores one objective from the checks of the policies citing it and its attestation.
fn score_objective(
    objective: &crate::model::Objective,
    policies: Vec<String>,
    counts: Counts,
    threshold: f64,
    attestation: Option<&Attestation>,
) -> ObjectiveScore {
    let Counts {
        passed,
        failed,
        errors,
        waived,
        unknown,
    } = counts;
    let rate = (passed + failed > 0).then(|| passed as f64 / (passed + failed) as f64);
    let attested = objective.evidence != Evidence::Automated
        && attestation.is_some_and(|a| a.state == attest::State::Valid);
    let status = match rate {
        _ if errors > 0 => Status::Error,
        _ if attested => Status::Met,
        None => Status::Unassessed,
        Some(r) if r >= threshold => Status::Met,
        Some(_) => Status::Failed,
    };
    ObjectiveScore {
        id: objective.id.clone(),
        level: objective.level,
        title: objective.title.clone(),
        evidence: objective.evidence,
        status,
        passed,
        failed,
        errors,
        waived,
        unknown,
        rate,
        policies,
        attestation: attestation.cloned(),
    }
}

/// The category level rule.
pub fn category_level(objectives: &[ObjectiveScore]) -> Option<u8> {
    if objectives.iter().all(|o| o.status == Status::Unassessed) {
        return None;
    }
    let mut level = 0;
    for l in 1..=MAX_LEVEL {
        let at: Vec<&ObjectiveScore> = objectives.iter().filter(|o| o.level == l).collect();
        let blocked = at
            .iter()
            .any(|o| matches!(o.status, Status::Failed | Status::Error));
        let met = at.iter().any(|o| o.status == Status::Met);
        if blocked || !met {
            break;
        }
        level = l;
    }
    Some(level)
}

/// Scores the model from the checks and the checked attestations (by objective id).
pub fn score(
    model: &Model,
    policies: &[Policy],
    checks: &[Check],
    threshold: f64,
    attestations: &BTreeMap<String, Attestation>,
) -> Scorecard {
    // Results per policy, then per objective through the policies' `controls`.
    let mut per_policy: BTreeMap<&str, Counts> = BTreeMap::new();
    for check in checks {
        let entry = per_policy.entry(check.policy.as_str()).or_default();
        match check.outcome {
            Outcome::Pass => entry.passed += 1,
            Outcome::Fail => entry.failed += 1,
            Outcome::Error => entry.errors += 1,
            Outcome::Waived => entry.waived += 1,
            Outcome::Unknown => entry.unknown += 1,
        }
    }
    let mut citing: BTreeMap<&str, Vec<&Policy>> = BTreeMap::new();
    for policy in policies {
        for control in &policy.meta.controls {
            citing.entry(control.as_str()).or_default().push(policy);
        }
    }

    let mut domains = Vec::new();
    let mut all_levels = Vec::new();
    let mut domain_levels = Vec::new();
    for domain in &model.domains {
        let mut categories = Vec::new();
        let mut levels = Vec::new();
        for category in &domain.categories {
            let objectives: Vec<ObjectiveScore> = category
                .objectives
                .iter()
                .map(|o| {
                    let cited = citing.get(o.id.as_str()).cloned().unwrap_or_default();
                    let mut counts = Counts::default();
                    for p in &cited {
                        if let Some(c) = per_policy.get(p.meta.id.as_str()) {
                            counts.passed += c.passed;
                            counts.failed += c.failed;
                            counts.errors += c.errors;
                            counts.waived += c.waived;
                            counts.unknown += c.unknown;
                        }
                    }
                    let ids = cited.iter().map(|p| p.meta.id.clone()).collect();
                    score_objective(o, ids, counts, threshold, attestations.get(&o.id))
                })
                .collect();
            let level = category_level(&objectives);
            let assessed = objectives
                .iter()
                .filter(|o| o.status != Status::Unassessed)
                .count();
            let coverage = if objectives.is_empty() {
                0.0
            } else {
                assessed as f64 / objectives.len() as f64
            };
            if let Some(l) = level {
                levels.push(l);
            }
            categories.push(CategoryScore {
                id: category.id.clone(),
                name: category.name.clone(),
                provisional: category.provisional,
                level,
                coverage,
                objectives,
            });
        }
        let level = levels.iter().copied().min();
        if let Some(l) = level {
            domain_levels.push(l);
        }
        domains.push(DomainScore {
            id: domain.id.clone(),
            name: domain.name.clone(),
            level,
            mean: mean(&levels),
            categories,
        });
        all_levels.extend(levels);
    }
    Scorecard {
        threshold,
        level: domain_levels.iter().copied().min(),
        mean: mean(&all_levels),
        domains,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Objective;

    fn objective(level: u8, status: Status) -> ObjectiveScore {
        ObjectiveScore {
            id: format!("X-{level}"),
            level,
            title: String::new(),
            evidence: Evidence::Automated,
            status,
            passed: 0,
            failed: 0,
            errors: 0,
            waived: 0,
            unknown: 0,
            rate: None,
            policies: Vec::new(),
            attestation: None,
        }
    }

    fn counts(passed: usize, failed: usize, errors: usize) -> Counts {
        Counts {
            passed,
            failed,
            errors,
            waived: 0,
            unknown: 0,
        }
    }

    #[test]
    fn waived_and_unknown_results_stay_out_of_the_rate() {
        let o = model_objective(1);
        let c = Counts {
            passed: 2,
            failed: 0,
            errors: 0,
            waived: 3,
            unknown: 1,
        };
        let s = score_objective(&o, vec![], c, 1.0, None);
        assert_eq!(
            (s.status, s.rate, s.waived, s.unknown),
            (Status::Met, Some(1.0), 3, 1)
        );
    }

    fn model_objective(level: u8) -> Objective {
        Objective {
            id: "O".into(),
            level,
            title: "t".into(),
            evidence: Evidence::Automated,
            provisional: false,
        }
    }

    fn attestation(state: attest::State) -> Attestation {
        Attestation {
            by: "Jo".into(),
            date: "2025-01-01".into(),
            evidence: "https://e".into(),
            expires: "2026-01-01".into(),
            state,
            location: crate::diagnostics::Location::file(".rungs.yaml"),
        }
    }

    #[test]
    fn a_valid_attestation_meets_attested_and_either_objectives() {
        let valid = attestation(attest::State::Valid);
        let mut o = model_objective(1);
        o.evidence = Evidence::Attested;
        let s = score_objective(&o, vec![], counts(0, 0, 0), 1.0, Some(&valid));
        assert_eq!((s.status, s.rate), (Status::Met, None));
        assert_eq!(s.attestation, Some(valid.clone()));
        // `either`: the attestation overrides failing automated results, which stay visible.
        o.evidence = Evidence::Either;
        let s = score_objective(&o, vec![], counts(1, 3, 0), 1.0, Some(&valid));
        assert_eq!((s.status, s.rate, s.failed), (Status::Met, Some(0.25), 3));
        // An error is never hidden, attested or not.
        let s = score_objective(&o, vec![], counts(1, 0, 1), 1.0, Some(&valid));
        assert_eq!(s.status, Status::Error);
    }

    #[test]
    fn expired_attestations_and_attested_automated_objectives_count_for_nothing() {
        let expired = attestation(attest::State::Expired);
        let mut o = model_objective(1);
        o.evidence = Evidence::Attested;
        let s = score_objective(&o, vec![], counts(0, 0, 0), 1.0, Some(&expired));
        assert_eq!(s.status, Status::Unassessed);
        assert_eq!(s.attestation.map(|a| a.state), Some(attest::State::Expired));
        o.evidence = Evidence::Either;
        let s = score_objective(&o, vec![], counts(1, 1, 0), 1.0, Some(&expired));
        assert_eq!(s.status, Status::Failed);
        o.evidence = Evidence::Automated;
        let valid = attestation(attest::State::Valid);
        let s = score_objective(&o, vec![], counts(0, 2, 0), 1.0, Some(&valid));
        assert_eq!(s.status, Status::Failed);
    }

    #[test]
    fn rate_at_threshold_is_met_below_is_failed() {
        let o = model_objective(1);
        assert_eq!(
            score_objective(&o, vec![], counts(3, 1, 0), 0.75, None).status,
            Status::Met
        );
        assert_eq!(
            score_objective(&o, vec![], counts(3, 1, 0), 0.76, None).status,
            Status::Failed
        );
        assert_eq!(
            score_objective(&o, vec![], counts(3, 1, 0), 0.75, None).rate,
            Some(0.75)
        );
    }

    #[test]
    fn no_results_is_unassessed_and_any_error_is_error() {
        let o = model_objective(1);
        let none = score_objective(&o, vec![], counts(0, 0, 0), 1.0, None);
        assert_eq!((none.status, none.rate), (Status::Unassessed, None));
        assert_eq!(
            score_objective(&o, vec![], counts(9, 0, 1), 1.0, None).status,
            Status::Error
        );
    }

    #[test]
    fn level_stops_at_first_failed_level() {
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::Met),
            objective(3, Status::Failed),
            objective(4, Status::Met),
        ];
        assert_eq!(category_level(&objectives), Some(2));
    }

    #[test]
    fn level_needs_a_met_objective_at_each_level() {
        // Level 2 has only an unassessed objective, so level 3's success does not count.
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::Unassessed),
            objective(3, Status::Met),
        ];
        assert_eq!(category_level(&objectives), Some(1));
    }

    #[test]
    fn unassessed_objectives_beside_a_met_one_do_not_block() {
        let objectives = vec![
            objective(1, Status::Met),
            objective(1, Status::Unassessed),
            objective(2, Status::Met),
        ];
        assert_eq!(category_level(&objectives), Some(2));
    }

    #[test]
    fn error_blocks_like_failure() {
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::Error),
            objective(2, Status::Met),
        ];
        assert_eq!(category_level(&objectives), Some(1));
    }

    #[test]
    fn failing_level_one_is_level_zero_but_no_evidence_is_no_level() {
        assert_eq!(category_level(&[objective(1, Status::Failed)]), Some(0));
        assert_eq!(category_level(&[objective(1, Status::Unassessed)]), None);
        assert_eq!(category_level(&[]), None);
    }

    #[test]
    fn all_five_levels_met() {
        let objectives: Vec<_> = (1..=5).map(|l| objective(l, Status::Met)).collect();
        assert_eq!(category_level(&objectives), Some(5));
    }

    fn policy(id: &str, controls: &[&str]) -> Policy {
        let source = format!("# METADATA\n# title: {id}\n# custom:\n#   id: {id}\n#   severity: low\n#   resource_types: [t]\n#   controls: {controls:?}\npackage p\n");
        Policy {
            meta: crate::policy::metadata::parse(&source).unwrap(),
            package: "p".into(),
            file: crate::policy::RegoFile {
                path: "p.rego".into(),
                source,
            },
        }
    }

    fn check(policy: &str, outcome: Outcome) -> Check {
        Check {
            policy: policy.into(),
            resource: "r".into(),
            root: ".".into(),
            file: None,
            line: None,
            outcome,
            message: None,
            waiver: None,
        }
    }

    #[test]
    fn domains_take_the_minimum_of_assessed_categories_and_program_of_domains() {
        let model = crate::model::parse(
            "model: {id: m, version: '1', name: M}\nlevels: []\ndomains:\n  - id: d1\n    name: D1\n    categories:\n      - {id: A, name: A, objectives: [{id: A-1, level: 1, title: t, evidence: automated}, {id: A-2, level: 2, title: t, evidence: automated}]}\n      - {id: B, name: B, objectives: [{id: B-1, level: 1, title: t, evidence: automated}]}\n      - {id: C, name: C, objectives: [{id: C-1, level: 1, title: t, evidence: attested}]}\n  - id: d2\n    name: D2\n    categories:\n      - {id: E, name: E, objectives: [{id: E-1, level: 1, title: t, evidence: attested}]}\n",
            "m.yaml",
        )
        .unwrap();
        let policies = vec![policy("P1", &["A-1", "B-1"]), policy("P2", &["A-2"])];
        let checks = vec![
            check("P1", Outcome::Pass),
            check("P1", Outcome::Pass),
            check("P2", Outcome::Pass),
        ];
        let card = score(&model, &policies, &checks, 1.0, &BTreeMap::new());
        let levels: Vec<_> = card
            .categories()
            .map(|c| (c.id.as_str(), c.level))
            .collect();
        assert_eq!(
            levels,
            vec![("A", Some(2)), ("B", Some(1)), ("C", None), ("E", None)]
        );
        assert_eq!(
            (card.domains[0].level, card.domains[0].mean),
            (Some(1), Some(1.5))
        );
        assert_eq!((card.domains[1].level, card.domains[1].mean), (None, None));
        assert_eq!((card.level, card.mean), (Some(1), Some(1.5)));
        assert_eq!(card.domains[0].categories[0].objectives[0].passed, 2);
        assert_eq!(card.domains[0].categories[0].coverage, 1.0);

        // One failure on a policy cited by two objectives fails both.
        let checks = vec![
            check("P1", Outcome::Pass),
            check("P1", Outcome::Fail),
            check("P2", Outcome::Pass),
        ];
        let card = score(&model, &policies, &checks, 1.0, &BTreeMap::new());
        let levels: Vec<_> = card.categories().map(|c| c.level).collect();
        assert_eq!(levels, vec![Some(0), Some(0), None, None]);
        assert_eq!(card.level, Some(0));
    }

    #[test]
    fn mean_rounds_to_one_decimal() {
        assert_eq!(mean(&[1, 2, 2]), Some(1.7));
        assert_eq!(mean(&[]), None);
    }
}
