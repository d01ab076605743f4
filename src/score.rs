//! Score: roll policy results up the model into objective, category, domain and program levels
//! and scores. docs/scoring.md is the user-facing statement of these rules; keep both in step.
//!
//! - An objective is `out_of_scope` when the model limits it to other scopes; `error` when a
//!   policy citing it failed to evaluate; `met` when a valid attestation covers it;
//!   `needs_attestation` when only a person can evidence it and nobody has; `unassessed` without
//!   results; `failed` when a critical or high policy failed on any resource or the pass rate is
//!   below the threshold; `met` otherwise. Waived and unknown results count in no rate.
//! - A category's level is the highest L that has a met objective and where no level 1..=L
//!   holds a failed or errored objective or lacks a met one. The climb steps over levels without
//!   evidence (only unassessed, out-of-scope or unattested objectives) but never lands on one.
//!   Strict mode steps over only levels with nothing in scope, and an objective awaiting
//!   attestation blocks its level. No evidence at all: no level.
//! - A score adds progress toward the next level: the mean credit (met 1, failed its pass
//!   rate, otherwise 0) of the next level's counted objectives. A domain's and the program's
//!   level is the minimum of their categories'; their score adds the mean progress of those
//!   categories toward the next level. Fixing a resource never lowers a level or score and
//!   breaking one never raises them (property tests below).

use crate::attest::{self, Attestation};
use crate::check::{Check, Outcome};
use crate::model::{Evidence, Model, MAX_LEVEL};
use crate::policy::metadata::Severity;
use crate::policy::Policy;
use crate::scope::Scoping;
use serde::Serialize;
use std::collections::BTreeMap;

/// The pass rate an objective needs when no critical or high policy failed.
pub const DEFAULT_THRESHOLD: f64 = 0.9;

/// How results become levels: the pass rate threshold, strict attestation and the scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub threshold: f64,
    /// Objectives only a person can evidence block their level until attested.
    pub strict: bool,
    pub scope: Scoping,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Failed,
    Error,
    Unassessed,
    /// An `attested` objective without a valid attestation.
    NeedsAttestation,
    /// The model limits the objective to other scopes.
    OutOfScope,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Failed => "failed",
            Status::Error => "error",
            Status::Unassessed => "unassessed",
            Status::NeedsAttestation => "needs attestation",
            Status::OutOfScope => "out of scope",
        }
    }

    /// Policy results or an attestation decided it.
    pub fn is_evidence(self) -> bool {
        matches!(self, Status::Met | Status::Failed | Status::Error)
    }

    /// It stops its level from being reached.
    pub fn blocks(self, strict: bool) -> bool {
        matches!(self, Status::Failed | Status::Error)
            || (strict && self == Status::NeedsAttestation)
    }
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
    /// Failures of critical and high policies: any one fails the objective.
    pub severe: usize,
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

impl ObjectiveScore {
    /// What it adds to progress toward its level: met 1, failed its pass rate, else nothing.
    pub fn credit(&self) -> f64 {
        match self.status {
            Status::Met => 1.0,
            Status::Failed => self.rate.unwrap_or(0.0),
            _ => 0.0,
        }
    }

    /// It takes part in its level (in scope, and not an unattested process outside strict mode).
    pub fn counts(&self, strict: bool) -> bool {
        match self.status {
            Status::OutOfScope => false,
            Status::NeedsAttestation => strict,
            _ => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    pub id: String,
    pub name: String,
    pub provisional: bool,
    /// `None` when no objective has evidence.
    pub level: Option<u8>,
    /// The level plus progress toward the next, 0.0 to 5.0; `None` without a level.
    pub score: Option<f64>,
    /// Share of in-scope objectives with evidence, 0.0 to 1.0.
    pub coverage: f64,
    /// Every objective is out of scope.
    pub out_of_scope: bool,
    /// Objectives up to the next level that only an attestation can meet and that have none.
    pub pending_attestations: Vec<String>,
    pub objectives: Vec<ObjectiveScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainScore {
    pub id: String,
    pub name: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
    pub categories: Vec<CategoryScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    pub threshold: f64,
    pub strict: bool,
    pub scope: Scoping,
    pub level: Option<u8>,
    pub score: Option<f64>,
    /// The category that sets the program level (lowest level, then lowest score).
    pub limiting: Option<String>,
    pub domains: Vec<DomainScore>,
}

impl Scorecard {
    pub fn categories(&self) -> impl Iterator<Item = &CategoryScore> {
        self.domains.iter().flat_map(|d| d.categories.iter())
    }

    pub fn objectives(&self) -> impl Iterator<Item = &ObjectiveScore> {
        self.categories().flat_map(|c| c.objectives.iter())
    }

    pub fn category(&self, id: &str) -> Option<&CategoryScore> {
        self.categories().find(|c| c.id.eq_ignore_ascii_case(id))
    }

    /// The rules this card was scored with, to score changed results the same way.
    pub fn rules(&self) -> Rules {
        Rules {
            threshold: self.threshold,
            strict: self.strict,
            scope: self.scope.clone(),
        }
    }

    /// The attestations (valid or expired) this card was scored with, by objective.
    pub fn attestations(&self) -> BTreeMap<String, Attestation> {
        self.objectives()
            .filter_map(|o| o.attestation.as_ref().map(|a| (o.id.clone(), a.clone())))
            .collect()
    }
}

/// Cuts a score to two decimals, never rounding up into the next level.
fn two_decimals(x: f64) -> f64 {
    (x * 100.0).floor() / 100.0
}

/// Check counts of one policy or objective.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub severe: usize,
    pub errors: usize,
    pub waived: usize,
    pub unknown: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.severe += other.severe;
        self.errors += other.errors;
        self.waived += other.waived;
        self.unknown += other.unknown;
    }
}

/// Everything one objective's status is decided from: its results, the policies citing it, its
/// attestation, and whether it is in scope. A scan tallies its checks; `rungs aggregate` adds up
/// the tallies of many repositories, then both score them with the same rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub counts: Counts,
    pub policies: Vec<String>,
    pub attestation: Option<Attestation>,
    pub in_scope: bool,
}

/// Scores one objective from its tally.
fn score_objective(
    objective: &crate::model::Objective,
    tally: Tally,
    rules: &Rules,
) -> ObjectiveScore {
    let Tally {
        counts,
        policies,
        attestation,
        in_scope,
    } = tally;
    let attestation = attestation.as_ref();
    let counts = if in_scope { counts } else { Counts::default() };
    let rate = (counts.passed + counts.failed > 0)
        .then(|| counts.passed as f64 / (counts.passed + counts.failed) as f64);
    let attested = objective.evidence != Evidence::Automated
        && attestation.is_some_and(|a| a.state == attest::State::Valid);
    let status = match rate {
        _ if !in_scope => Status::OutOfScope,
        _ if counts.errors > 0 => Status::Error,
        _ if attested => Status::Met,
        _ if objective.evidence == Evidence::Attested => Status::NeedsAttestation,
        None => Status::Unassessed,
        Some(_) if counts.severe > 0 => Status::Failed,
        Some(r) if r >= rules.threshold => Status::Met,
        Some(_) => Status::Failed,
    };
    ObjectiveScore {
        id: objective.id.clone(),
        level: objective.level,
        title: objective.title.clone(),
        evidence: objective.evidence,
        status,
        passed: counts.passed,
        failed: counts.failed,
        severe: counts.severe,
        errors: counts.errors,
        waived: counts.waived,
        unknown: counts.unknown,
        rate,
        policies,
        attestation: attestation.cloned(),
    }
}

/// Whether the climb steps over a level: it has no counted objective, or (outside strict mode)
/// none with evidence. Stepping over never lands on a level: the level reached is met.
fn steps_over(at: &[&ObjectiveScore], strict: bool) -> bool {
    if strict {
        at.is_empty()
    } else {
        !at.iter().any(|o| o.status.is_evidence())
    }
}

fn counted_at(objectives: &[ObjectiveScore], level: u8, strict: bool) -> Vec<&ObjectiveScore> {
    objectives
        .iter()
        .filter(|o| o.level == level && o.counts(strict))
        .collect()
}

/// The category level rule.
pub fn category_level(objectives: &[ObjectiveScore], strict: bool) -> Option<u8> {
    if !objectives.iter().any(|o| o.status.is_evidence()) {
        return None;
    }
    let mut level = 0;
    for l in 1..=MAX_LEVEL {
        let at = counted_at(objectives, l, strict);
        if steps_over(&at, strict) {
            continue;
        }
        let blocked = at.iter().any(|o| o.status.blocks(strict));
        let met = at.iter().any(|o| o.status == Status::Met);
        if blocked || !met {
            break;
        }
        level = l;
    }
    Some(level)
}

/// Progress from `level` toward the next level a category can reach: the mean credit of the
/// counted objectives of the first level above it that the climb does not step over.
fn progress(objectives: &[ObjectiveScore], level: u8, strict: bool) -> f64 {
    for l in level + 1..=MAX_LEVEL {
        let at = counted_at(objectives, l, strict);
        if !steps_over(&at, strict) {
            return at.iter().map(|o| o.credit()).sum::<f64>() / at.len() as f64;
        }
    }
    0.0
}

/// A level plus a progress below 1, cut to two decimals.
fn level_score(level: u8, progress: f64) -> f64 {
    two_decimals(f64::from(level) + progress.clamp(0.0, 0.99))
}

/// Level and score of a group of categories: the minimum level, plus the mean progress of the
/// categories toward the level above it (a category already past it counts as complete).
fn group_score(categories: &[&CategoryScore]) -> (Option<u8>, Option<f64>) {
    let assessed: Vec<(u8, f64)> = categories
        .iter()
        .filter_map(|c| Some((c.level?, c.score?)))
        .collect();
    let Some(level) = assessed.iter().map(|(l, _)| *l).min() else {
        return (None, None);
    };
    let progress = assessed
        .iter()
        .map(|(_, s)| (s - f64::from(level)).min(1.0))
        .sum::<f64>()
        / assessed.len() as f64;
    (Some(level), Some(level_score(level, progress)))
}

/// Scores the model from the checks and the checked attestations (by objective id).
pub fn score(
    model: &Model,
    policies: &[Policy],
    checks: &[Check],
    rules: &Rules,
    attestations: &BTreeMap<String, Attestation>,
) -> Scorecard {
    let index = PolicyIndex::new(policies, rules);
    let per_policy = index.count(checks);
    score_tallies(
        model,
        &tally(model, &index, &per_policy, rules, attestations),
        rules,
    )
}

/// One category's score from results already counted per policy ([`PolicyIndex::count`]),
/// with the policies indexed once (with the same `rules`): what a plan's what-if reads, so the
/// rest of the model is not scored again. `category` as [`Scorecard::category`] finds it.
pub fn score_category_indexed(
    model: &Model,
    index: &PolicyIndex<'_>,
    per_policy: &PolicyCounts<'_>,
    rules: &Rules,
    attestations: &BTreeMap<String, Attestation>,
    category: &str,
) -> Option<CategoryScore> {
    let category = model
        .domains
        .iter()
        .flat_map(|d| &d.categories)
        .find(|c| c.id.eq_ignore_ascii_case(category))?;
    let objectives = category
        .objectives
        .iter()
        .map(|o| {
            let tally = tally_objective(o, index, per_policy, rules, attestations);
            score_objective(o, tally, rules)
        })
        .collect();
    Some(score_category(category, objectives, rules.strict))
}

/// Results counted per policy id: all that tallying reads of the checks.
pub type PolicyCounts<'a> = BTreeMap<&'a str, Counts>;

/// What tallying needs from the policies, proportional to the library: built once per plan
/// rather than for each of its what-ifs (they were 7% of a one-resource scan).
pub struct PolicyIndex<'a> {
    /// Each policy by id (the last of a repeated id).
    by_id: BTreeMap<&'a str, &'a Policy>,
    /// The policies `rules` run, by the control they cite.
    citing: BTreeMap<&'a str, Vec<&'a Policy>>,
}

impl<'a> PolicyIndex<'a> {
    pub fn new(policies: &'a [Policy], rules: &Rules) -> Self {
        let by_id = policies.iter().map(|p| (p.meta.id.as_str(), p)).collect();
        let mut citing: BTreeMap<&str, Vec<&Policy>> = BTreeMap::new();
        for policy in policies.iter().filter(|p| rules.scope.scope.runs(p)) {
            for control in &policy.meta.controls {
                citing.entry(control.as_str()).or_default().push(policy);
            }
        }
        PolicyIndex { by_id, citing }
    }

    /// The policy with this id.
    pub fn policy(&self, id: &str) -> Option<&'a Policy> {
        self.by_id.get(id).copied()
    }

    /// Each check's result counted against its policy.
    pub fn count<'c>(&self, checks: &'c [Check]) -> PolicyCounts<'c> {
        let mut per_policy = PolicyCounts::new();
        for check in checks {
            let counts = per_policy.entry(check.policy.as_str()).or_default();
            self.record(counts, &check.policy, check.outcome);
        }
        per_policy
    }

    /// Adds one result of `policy` to its counts (a failure of a high or critical policy is
    /// also severe).
    pub fn record(&self, counts: &mut Counts, policy: &str, outcome: Outcome) {
        self.adjust(counts, policy, outcome, 1);
    }

    /// Turns one recorded result of `policy` into a pass (what a fix does).
    pub fn record_as_passed(&self, counts: &mut Counts, policy: &str, was: Outcome) {
        self.adjust(counts, policy, was, -1);
        self.adjust(counts, policy, Outcome::Pass, 1);
    }

    fn adjust(&self, counts: &mut Counts, policy: &str, outcome: Outcome, by: isize) {
        let severe = outcome == Outcome::Fail
            && self
                .policy(policy)
                .is_some_and(|p| p.meta.severity >= Severity::High);
        let add = |n: &mut usize| {
            *n = n
                .checked_add_signed(by)
                .expect("only recorded results are taken back");
        };
        if severe {
            add(&mut counts.severe);
        }
        add(match outcome {
            Outcome::Pass => &mut counts.passed,
            Outcome::Fail => &mut counts.failed,
            Outcome::Error => &mut counts.errors,
            Outcome::Waived => &mut counts.waived,
            Outcome::Unknown => &mut counts.unknown,
        });
    }
}

/// The tally of every objective of the model: results per policy, then per objective through
/// the policies' `controls`.
fn tally(
    model: &Model,
    index: &PolicyIndex<'_>,
    per_policy: &PolicyCounts<'_>,
    rules: &Rules,
    attestations: &BTreeMap<String, Attestation>,
) -> BTreeMap<String, Tally> {
    model
        .objectives()
        .map(|(_, _, o)| {
            let tally = tally_objective(o, index, per_policy, rules, attestations);
            (o.id.clone(), tally)
        })
        .collect()
}

fn tally_objective(
    objective: &crate::model::Objective,
    index: &PolicyIndex<'_>,
    per_policy: &PolicyCounts<'_>,
    rules: &Rules,
    attestations: &BTreeMap<String, Attestation>,
) -> Tally {
    let cited = index
        .citing
        .get(objective.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    let mut counts = Counts::default();
    for p in cited {
        if let Some(c) = per_policy.get(p.meta.id.as_str()) {
            counts.add(c);
        }
    }
    Tally {
        counts,
        policies: cited.iter().map(|p| p.meta.id.clone()).collect(),
        attestation: attestations.get(&objective.id).cloned(),
        in_scope: objective.applies_to(rules.scope.scope),
    }
}

/// Scores the model from each objective's tally (objectives without one have no evidence).
pub fn score_tallies(model: &Model, tallies: &BTreeMap<String, Tally>, rules: &Rules) -> Scorecard {
    let mut domains = Vec::new();
    for domain in &model.domains {
        let categories: Vec<CategoryScore> = domain
            .categories
            .iter()
            .map(|category| {
                let objectives: Vec<ObjectiveScore> = category
                    .objectives
                    .iter()
                    .map(|o| {
                        let tally = tallies.get(&o.id).cloned().unwrap_or_default();
                        score_objective(o, tally, rules)
                    })
                    .collect();
                score_category(category, objectives, rules.strict)
            })
            .collect();
        let (level, score) = group_score(&categories.iter().collect::<Vec<_>>());
        domains.push(DomainScore {
            id: domain.id.clone(),
            name: domain.name.clone(),
            level,
            score,
            categories,
        });
    }
    let all: Vec<&CategoryScore> = domains.iter().flat_map(|d| &d.categories).collect();
    let (level, score) = group_score(&all);
    let limiting = all
        .iter()
        .filter(|c| c.level.is_some() && c.level == level)
        .min_by(|a, b| a.score.partial_cmp(&b.score).expect("scores are finite"))
        .map(|c| c.id.clone());
    Scorecard {
        threshold: rules.threshold,
        strict: rules.strict,
        scope: rules.scope.clone(),
        level,
        score,
        limiting,
        domains,
    }
}

fn score_category(
    category: &crate::model::Category,
    objectives: Vec<ObjectiveScore>,
    strict: bool,
) -> CategoryScore {
    let level = category_level(&objectives, strict);
    let score = level.map(|l| level_score(l, progress(&objectives, l, strict)));
    let in_scope = objectives
        .iter()
        .filter(|o| o.status != Status::OutOfScope)
        .count();
    let assessed = objectives.iter().filter(|o| o.status.is_evidence()).count();
    let coverage = if in_scope == 0 {
        0.0
    } else {
        assessed as f64 / in_scope as f64
    };
    let next = level.unwrap_or(0) + 1;
    let pending_attestations = objectives
        .iter()
        .filter(|o| o.status == Status::NeedsAttestation && o.level <= next)
        .map(|o| o.id.clone())
        .collect();
    CategoryScore {
        id: category.id.clone(),
        name: category.name.clone(),
        provisional: category.provisional,
        level,
        score,
        coverage,
        out_of_scope: in_scope == 0,
        pending_attestations,
        objectives,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Objective;
    use crate::scope::{Origin, Scope};

    fn rules(threshold: f64, strict: bool, scope: Scope) -> Rules {
        Rules {
            threshold,
            strict,
            scope: Scoping::given(scope, Origin::Flag),
        }
    }

    fn estate() -> Rules {
        rules(DEFAULT_THRESHOLD, false, Scope::Estate)
    }

    fn objective(level: u8, status: Status) -> ObjectiveScore {
        ObjectiveScore {
            id: format!("X-{level}"),
            level,
            title: String::new(),
            evidence: Evidence::Automated,
            status,
            passed: 0,
            failed: 0,
            severe: 0,
            errors: 0,
            waived: 0,
            unknown: 0,
            rate: None,
            policies: Vec::new(),
            attestation: None,
        }
    }

    /// Scores an objective from counts, in scope as the rules say.
    fn judge(
        o: &Objective,
        counts: Counts,
        rules: &Rules,
        attestation: Option<&Attestation>,
    ) -> ObjectiveScore {
        let tally = Tally {
            counts,
            policies: Vec::new(),
            attestation: attestation.cloned(),
            in_scope: o.applies_to(rules.scope.scope),
        };
        score_objective(o, tally, rules)
    }

    fn counts(passed: usize, failed: usize, errors: usize) -> Counts {
        Counts {
            passed,
            failed,
            errors,
            ..Counts::default()
        }
    }

    fn model_objective(level: u8) -> Objective {
        Objective {
            id: "O".into(),
            level,
            title: "t".into(),
            evidence: Evidence::Automated,
            provisional: false,
            scopes: Vec::new(),
        }
    }

    #[test]
    fn waived_and_unknown_results_stay_out_of_the_rate() {
        let o = model_objective(1);
        let c = Counts {
            passed: 2,
            waived: 3,
            unknown: 1,
            ..Counts::default()
        };
        let s = judge(&o, c, &estate(), None);
        assert_eq!(
            (s.status, s.rate, s.waived, s.unknown),
            (Status::Met, Some(1.0), 3, 1)
        );
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
        let s = judge(&o, counts(0, 0, 0), &estate(), Some(&valid));
        assert_eq!((s.status, s.rate), (Status::Met, None));
        assert_eq!(s.attestation, Some(valid.clone()));
        // `either`: the attestation overrides failing automated results, which stay visible.
        o.evidence = Evidence::Either;
        let s = judge(&o, counts(1, 3, 0), &estate(), Some(&valid));
        assert_eq!((s.status, s.rate, s.failed), (Status::Met, Some(0.25), 3));
        // An error is never hidden, attested or not.
        let s = judge(&o, counts(1, 0, 1), &estate(), Some(&valid));
        assert_eq!(s.status, Status::Error);
    }

    #[test]
    fn expired_attestations_and_attested_automated_objectives_count_for_nothing() {
        let expired = attestation(attest::State::Expired);
        let mut o = model_objective(1);
        o.evidence = Evidence::Attested;
        let s = judge(&o, counts(0, 0, 0), &estate(), Some(&expired));
        assert_eq!(s.status, Status::NeedsAttestation);
        assert_eq!(s.attestation.map(|a| a.state), Some(attest::State::Expired));
        o.evidence = Evidence::Either;
        let s = judge(&o, counts(1, 1, 0), &estate(), Some(&expired));
        assert_eq!(s.status, Status::Failed);
        o.evidence = Evidence::Automated;
        let valid = attestation(attest::State::Valid);
        let s = judge(&o, counts(0, 2, 0), &estate(), Some(&valid));
        assert_eq!(s.status, Status::Failed);
    }

    #[test]
    fn rate_at_threshold_is_met_below_is_failed() {
        let o = model_objective(1);
        let at = |t| judge(&o, counts(3, 1, 0), &rules(t, false, Scope::Estate), None);
        assert_eq!((at(0.75).status, at(0.75).rate), (Status::Met, Some(0.75)));
        assert_eq!(at(0.76).status, Status::Failed);
    }

    #[test]
    fn a_few_medium_failures_among_many_passes_are_tolerated_but_one_severe_is_not() {
        let o = model_objective(1);
        let medium = judge(&o, counts(95, 5, 0), &estate(), None);
        assert_eq!(medium.status, Status::Met);
        let severe = Counts {
            severe: 1,
            ..counts(99, 1, 0)
        };
        let s = judge(&o, severe, &estate(), None);
        assert_eq!((s.status, s.credit()), (Status::Failed, 0.99));
    }

    #[test]
    fn no_results_is_unassessed_and_any_error_is_error() {
        let o = model_objective(1);
        let none = judge(&o, counts(0, 0, 0), &estate(), None);
        assert_eq!((none.status, none.rate), (Status::Unassessed, None));
        assert_eq!(
            judge(&o, counts(9, 0, 1), &estate(), None).status,
            Status::Error
        );
    }

    #[test]
    fn objectives_of_other_scopes_are_out_of_scope_whatever_their_results() {
        let mut o = model_objective(1);
        o.scopes = vec![Scope::Estate];
        let workload = rules(DEFAULT_THRESHOLD, false, Scope::Workload);
        let s = judge(&o, counts(0, 4, 1), &workload, None);
        assert_eq!((s.status, s.failed, s.errors), (Status::OutOfScope, 0, 0));
        let s = judge(&o, counts(0, 4, 0), &estate(), None);
        assert_eq!(s.status, Status::Failed);
    }

    #[test]
    fn level_stops_at_first_failed_level() {
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::Met),
            objective(3, Status::Failed),
            objective(4, Status::Met),
        ];
        assert_eq!(category_level(&objectives, false), Some(2));
    }

    #[test]
    fn levels_without_evidence_are_stepped_over_unless_strict() {
        // Level 2 has only an unassessed objective: the code shows nothing there either way.
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::Unassessed),
            objective(3, Status::Met),
            objective(4, Status::Unassessed),
        ];
        assert_eq!(category_level(&objectives, false), Some(3));
        assert_eq!(category_level(&objectives, true), Some(1));
    }

    #[test]
    fn unassessed_objectives_beside_a_met_one_do_not_block() {
        let objectives = vec![
            objective(1, Status::Met),
            objective(1, Status::Unassessed),
            objective(2, Status::Met),
        ];
        assert_eq!(category_level(&objectives, false), Some(2));
    }

    #[test]
    fn error_blocks_like_failure() {
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::Error),
            objective(2, Status::Met),
        ];
        assert_eq!(category_level(&objectives, false), Some(1));
    }

    #[test]
    fn failing_level_one_is_level_zero_but_no_evidence_is_no_level() {
        assert_eq!(
            category_level(&[objective(1, Status::Failed)], false),
            Some(0)
        );
        assert_eq!(
            category_level(&[objective(1, Status::Unassessed)], false),
            None
        );
        assert_eq!(
            category_level(&[objective(1, Status::NeedsAttestation)], true),
            None
        );
        assert_eq!(category_level(&[], false), None);
    }

    #[test]
    fn all_five_levels_met() {
        let objectives: Vec<_> = (1..=5).map(|l| objective(l, Status::Met)).collect();
        assert_eq!(category_level(&objectives, false), Some(5));
    }

    #[test]
    fn unattested_process_levels_are_stepped_over_unless_strict() {
        // Level 1 holds only a process objective nobody attested; level 2 is met from code.
        let objectives = vec![
            objective(1, Status::NeedsAttestation),
            objective(2, Status::Met),
            objective(3, Status::NeedsAttestation),
        ];
        assert_eq!(category_level(&objectives, false), Some(2));
        assert_eq!(category_level(&objectives, true), Some(0));
        // Stepping over never climbs past the last level met from evidence.
        let objectives = vec![
            objective(1, Status::Met),
            objective(2, Status::OutOfScope),
            objective(3, Status::NeedsAttestation),
        ];
        assert_eq!(category_level(&objectives, false), Some(1));
    }

    fn graded(level: u8, status: Status, rate: Option<f64>) -> ObjectiveScore {
        ObjectiveScore {
            rate,
            ..objective(level, status)
        }
    }

    #[test]
    fn score_adds_the_mean_credit_of_the_next_level() {
        let objectives = vec![
            graded(1, Status::Met, Some(1.0)),
            graded(2, Status::Unassessed, None),
            graded(3, Status::Met, Some(1.0)),
            graded(3, Status::Failed, Some(0.5)),
            graded(3, Status::Unassessed, None),
        ];
        let level = category_level(&objectives, false).unwrap();
        assert_eq!(level, 1);
        // Level 2 shows nothing; level 3: (1 + 0.5 + 0) / 3 = 0.5
        assert_eq!(level_score(level, progress(&objectives, level, false)), 1.5);
        // Strict: level 2 is next, and its only objective has no credit.
        assert_eq!(category_level(&objectives, true), Some(1));
        assert_eq!(progress(&objectives, 1, true), 0.0);
        assert_eq!(level_score(4, 0.999), 4.99);
        assert_eq!(level_score(5, progress(&[], 5, false)), 5.0);
    }

    fn policy(id: &str, severity: &str, kind: &str, controls: &[&str]) -> Policy {
        let source = format!("# METADATA\n# title: {id}\n# custom:\n#   id: {id}\n#   severity: {severity}\n#   kind: {kind}\n#   resource_types: [t]\n#   controls: {controls:?}\npackage p\n");
        Policy {
            meta: crate::policy::metadata::parse(&source).unwrap(),
            package: "p".into(),
            file: crate::policy::RegoFile {
                path: "p.rego".into(),
                source: source.into(),
            },
        }
    }

    fn check(policy: &str, resource: &str, outcome: Outcome) -> Check {
        Check {
            policy: policy.into(),
            resource: resource.into(),
            root: ".".into(),
            file: None,
            line: None,
            outcome,
            message: None,
            waiver: None,
        }
    }

    const MODEL: &str = "model: {id: m, version: '1', name: M}\nlevels: []\ndomains:\n  - id: d1\n    name: D1\n    categories:\n      - {id: A, name: A, objectives: [{id: A-1, level: 1, title: t, evidence: automated}, {id: A-2, level: 2, title: t, evidence: automated}]}\n      - {id: B, name: B, objectives: [{id: B-1, level: 1, title: t, evidence: automated}]}\n      - {id: C, name: C, objectives: [{id: C-1, level: 1, title: t, evidence: attested}]}\n  - id: d2\n    name: D2\n    categories:\n      - {id: E, name: E, objectives: [{id: E-1, level: 1, title: t, evidence: either, scopes: [estate]}]}\n";

    #[test]
    fn domains_and_program_take_the_minimum_and_name_the_limiting_category() {
        let model = crate::model::parse(MODEL, "m.yaml").unwrap();
        let policies = vec![
            policy("P1", "medium", "resource", &["A-1", "B-1"]),
            policy("P2", "high", "resource", &["A-2"]),
            policy("P3", "low", "presence", &["E-1"]),
        ];
        let checks = vec![
            check("P1", "r1", Outcome::Pass),
            check("P1", "r2", Outcome::Pass),
            check("P2", "r1", Outcome::Pass),
            check("P3", "<scan>", Outcome::Pass),
        ];
        let card = score(&model, &policies, &checks, &estate(), &BTreeMap::new());
        let levels: Vec<_> = card
            .categories()
            .map(|c| (c.id.as_str(), c.level, c.score))
            .collect();
        assert_eq!(
            levels,
            vec![
                ("A", Some(2), Some(2.0)),
                ("B", Some(1), Some(1.0)),
                ("C", None, None),
                ("E", Some(1), Some(1.0))
            ]
        );
        assert_eq!(
            (card.domains[0].level, card.domains[0].score),
            (Some(1), Some(1.5))
        );
        assert_eq!((card.level, card.score), (Some(1), Some(1.33)));
        assert_eq!(card.limiting.as_deref(), Some("B"));
        assert_eq!(
            card.categories().nth(2).unwrap().pending_attestations,
            ["C-1"]
        );

        // In a workload, the estate-only objective and the presence policy drop out.
        let workload = rules(DEFAULT_THRESHOLD, false, Scope::Workload);
        let card = score(&model, &policies, &checks, &workload, &BTreeMap::new());
        let e = card.category("E").unwrap();
        assert_eq!(
            (
                e.level,
                e.out_of_scope,
                e.objectives[0].status,
                e.objectives[0].policies.len()
            ),
            (None, true, Status::OutOfScope, 0)
        );
        assert_eq!((card.domains[1].level, card.level), (None, Some(1)));

        // One high failure on the level-2 policy drops A to 1; the medium one among two passes
        // of P1 (rate 2/3) fails A-1 and B-1.
        let mut broken = checks.clone();
        broken.push(check("P2", "r2", Outcome::Fail));
        let card = score(&model, &policies, &broken, &estate(), &BTreeMap::new());
        assert_eq!(
            (
                card.category("A").unwrap().level,
                card.category("A").unwrap().score
            ),
            (Some(1), Some(1.5))
        );
        broken.push(check("P1", "r3", Outcome::Fail));
        let card = score(&model, &policies, &broken, &estate(), &BTreeMap::new());
        let levels: Vec<_> = card.categories().map(|c| c.level).collect();
        assert_eq!(levels, vec![Some(0), Some(0), None, Some(1)]);
        assert_eq!((card.level, card.score), (Some(0), Some(0.77)));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A random model of two categories over five levels, policies citing its objectives
        /// with random severities, and results on random resources.
        #[derive(Debug, Clone)]
        struct Case {
            objectives: Vec<(u8, u8, u8)>, // (category, level, evidence 0 automated/1 either/2 attested)
            policies: Vec<(u8, Vec<usize>)>, // (severity 0..=4, cited objectives)
            checks: Vec<(usize, u8, Outcome)>, // (policy, resource, outcome)
            strict: bool,
            threshold: f64,
        }

        fn case() -> impl Strategy<Value = Case> {
            (
                prop::collection::vec((0u8..2, 1u8..=5, 0u8..3), 1..14),
                any::<bool>(),
                prop::sample::select(vec![0.5, 0.9, 1.0]),
            )
                .prop_flat_map(|(objectives, strict, threshold)| {
                    let n = objectives.len();
                    let policies =
                        prop::collection::vec((0u8..5, prop::collection::vec(0..n, 1..3)), 1..6);
                    (Just(objectives), policies, Just(strict), Just(threshold))
                })
                .prop_flat_map(|(objectives, policies, strict, threshold)| {
                    let p = policies.len();
                    let outcome = prop::sample::select(vec![
                        Outcome::Pass,
                        Outcome::Pass,
                        Outcome::Fail,
                        Outcome::Error,
                        Outcome::Waived,
                        Outcome::Unknown,
                    ]);
                    let checks = prop::collection::vec((0..p, 0u8..20, outcome), 0..40);
                    (
                        Just(objectives),
                        Just(policies),
                        checks,
                        Just(strict),
                        Just(threshold),
                    )
                })
                .prop_map(|(objectives, policies, checks, strict, threshold)| Case {
                    objectives,
                    policies,
                    checks,
                    strict,
                    threshold,
                })
        }

        const SEVERITIES: [&str; 5] = ["info", "low", "medium", "high", "critical"];

        fn build(case: &Case) -> (Model, Vec<Policy>) {
            let mut yaml = String::from(
                "model: {id: m, version: '1', name: M}\nlevels: []\ndomains:\n  - id: d\n    name: D\n    categories:\n",
            );
            for c in 0..2u8 {
                let lines: Vec<String> = case
                    .objectives
                    .iter()
                    .enumerate()
                    .filter(|(_, (cat, _, _))| *cat == c)
                    .map(|(i, (_, level, evidence))| {
                        let evidence = ["automated", "either", "attested"][*evidence as usize];
                        format!("{{id: O{i}, level: {level}, title: t, evidence: {evidence}}}")
                    })
                    .collect();
                yaml.push_str(&format!(
                    "      - {{id: C{c}, name: C{c}, objectives: [{}]}}\n",
                    lines.join(", ")
                ));
            }
            let model = crate::model::parse(&yaml, "m.yaml").expect(&yaml);
            let policies = case
                .policies
                .iter()
                .enumerate()
                .map(|(i, (severity, cited))| {
                    let controls: Vec<String> = cited.iter().map(|o| format!("O{o}")).collect();
                    let controls: Vec<&str> = controls.iter().map(String::as_str).collect();
                    policy(
                        &format!("P{i}"),
                        SEVERITIES[*severity as usize],
                        "resource",
                        &controls,
                    )
                })
                .collect();
            (model, policies)
        }

        fn checks(case: &Case) -> Vec<Check> {
            // One result per (policy, resource): the last one drawn.
            let mut by_key: BTreeMap<(usize, u8), Outcome> = BTreeMap::new();
            for (p, r, o) in &case.checks {
                by_key.insert((*p, *r), *o);
            }
            by_key
                .into_iter()
                .map(|((p, r), o)| check(&format!("P{p}"), &format!("r{r}"), o))
                .collect()
        }

        fn card(case: &Case, checks: &[Check]) -> Scorecard {
            let (model, policies) = build(case);
            let rules = rules(case.threshold, case.strict, Scope::Estate);
            score(&model, &policies, checks, &rules, &BTreeMap::new())
        }

        /// Every (level, score) pair of the card: categories, domains, program.
        fn points(card: &Scorecard) -> Vec<(Option<u8>, Option<f64>)> {
            let mut out: Vec<_> = card.categories().map(|c| (c.level, c.score)).collect();
            out.extend(card.domains.iter().map(|d| (d.level, d.score)));
            out.push((card.level, card.score));
            out
        }

        fn consistent(card: &Scorecard) {
            for (level, score) in points(card) {
                match (level, score) {
                    (Some(l), Some(s)) => {
                        assert!(s >= f64::from(l) && s < f64::from(l) + 1.0, "{l} {s}")
                    }
                    (None, None) => {}
                    other => panic!("level and score disagree: {other:?}"),
                }
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn fixing_a_failing_resource_never_lowers_a_level_or_score(case in case(), pick in any::<prop::sample::Index>()) {
                let before_checks = checks(&case);
                let failing: Vec<usize> = before_checks.iter().enumerate().filter(|(_, c)| c.outcome == Outcome::Fail).map(|(i, _)| i).collect();
                prop_assume!(!failing.is_empty());
                let mut after_checks = before_checks.clone();
                after_checks[failing[pick.index(failing.len())]].outcome = Outcome::Pass;
                let (before, after) = (card(&case, &before_checks), card(&case, &after_checks));
                consistent(&before);
                consistent(&after);
                for ((lb, sb), (la, sa)) in points(&before).into_iter().zip(points(&after)) {
                    prop_assert_eq!(lb.is_some(), la.is_some());
                    prop_assert!(la >= lb && sa >= sb, "{:?} {:?} -> {:?} {:?}", lb, sb, la, sa);
                }
            }

            #[test]
            fn adding_a_failing_resource_never_raises_a_level_or_score(case in case(), policy in any::<prop::sample::Index>()) {
                let before_checks = checks(&case);
                let mut after_checks = before_checks.clone();
                let p = policy.index(case.policies.len());
                after_checks.push(check(&format!("P{p}"), "new", Outcome::Fail));
                let (before, after) = (card(&case, &before_checks), card(&case, &after_checks));
                consistent(&after);
                for ((lb, sb), (la, sa)) in points(&before).into_iter().zip(points(&after)) {
                    match (lb, la) {
                        // Evidence where there was none: the lowest possible start.
                        (None, Some(l)) => prop_assert_eq!((l, sa), (0, Some(0.0))),
                        _ => prop_assert!(la <= lb && sa <= sb, "{:?} {:?} -> {:?} {:?}", lb, sb, la, sa),
                    }
                }
            }

            #[test]
            fn a_severe_failure_lowers_the_category_below_the_objective_it_fails(case in case(), severity in 3u8..5) {
                let mut case = case;
                let base = checks(&case);
                let before = card(&case, &base);
                // A met objective at the level of a category at level >= 1.
                let target = before.categories().find_map(|c| {
                    let l = c.level.filter(|l| *l >= 1)?;
                    c.objectives.iter().find(|o| o.level == l && o.status == Status::Met && o.evidence != Evidence::Attested).map(|o| (c.id.clone(), l, o.id.clone()))
                });
                prop_assume!(target.is_some());
                let (category, level, objective) = target.unwrap();
                let cited: usize = objective[1..].parse().unwrap();
                case.policies.push((severity, vec![cited]));
                let mut broken = base;
                broken.push(check(&format!("P{}", case.policies.len() - 1), "new", Outcome::Fail));
                let after = card(&case, &broken);
                let now = after.category(&category).unwrap();
                prop_assert!(now.level.unwrap() < level, "{} stayed at {:?}", category, now.level);
                prop_assert!(after.score.unwrap() <= before.score.unwrap());
            }
        }
    }
}
