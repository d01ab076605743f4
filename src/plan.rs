//! Plan: for each category below its target, the smallest set of changes that lifts it there.
//!
//! The steps follow the level rule (docs/scoring.md): every failed objective up to the target
//! gets the fixes that make it met (all critical and high failures, then the fewest others
//! that bring its pass rate to the threshold), errors are fixed, and a level with nothing met
//! gets one piece of evidence (a compliant resource of a type its policies judge) or one
//! attestation. The level each plan promises is not argued but computed: the steps are applied
//! to the results and the model is scored again, so a plan never lists a change that changes
//! nothing, and never promises more than the score rules give.

use crate::attest::{Attestation, State};
use crate::check::{Check, Outcome};
use crate::model::{Evidence, Model, MAX_LEVEL};
use crate::policy::Policy;
use crate::scan::{Requirement, Target};
use crate::score::{self, CategoryScore, ObjectiveScore, Rules, Scorecard, Status};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One change the plan asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Step {
    /// Make a failing resource pass.
    Fix {
        objective: String,
        policy: String,
        severity: String,
        root: String,
        resource: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<usize>,
        message: String,
        remediation: String,
    },
    /// A policy failed to evaluate on a resource: fix the input or the policy.
    FixError {
        objective: String,
        policy: String,
        root: String,
        resource: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<usize>,
        message: String,
    },
    /// Nothing shows the level yet: add a compliant resource of one of these types.
    AddEvidence {
        objective: String,
        level: u8,
        title: String,
        resource_types: Vec<String>,
        policies: Vec<String>,
    },
    /// Only a person can evidence it: attest it in the config file.
    Attest {
        objective: String,
        level: u8,
        title: String,
        /// Its attestation expired: renew it.
        expired: bool,
    },
}

impl Step {
    pub fn objective(&self) -> &str {
        match self {
            Step::Fix { objective, .. }
            | Step::FixError { objective, .. }
            | Step::AddEvidence { objective, .. }
            | Step::Attest { objective, .. } => objective,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryPlan {
    pub category: String,
    pub name: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
    pub target: u8,
    /// The target comes from the config or a gate flag, not "the next level".
    pub explicit: bool,
    /// The level the category has once every step is done (computed, not estimated).
    pub reaches: Option<u8>,
    pub score_after: Option<f64>,
    pub steps: Vec<Step>,
}

impl CategoryPlan {
    /// Levels gained per change, for ordering.
    fn yield_per_step(&self) -> f64 {
        let gained = f64::from(self.reaches.unwrap_or(0)) - f64::from(self.level.unwrap_or(0));
        gained / self.steps.len().max(1) as f64
    }
}

/// What a plan is computed from: the results of a scan and how they were scored.
pub struct Inputs<'a> {
    pub model: &'a Model,
    pub policies: &'a [Policy],
    pub checks: &'a [Check],
    pub card: &'a Scorecard,
    /// Gate requirements and config targets; without one, a category's target is its next level.
    pub requirements: &'a [Requirement],
    /// Providers of the scanned resources (`aws`, `azurerm`...): evidence to add is suggested
    /// in their resource types first.
    pub providers: &'a BTreeSet<String>,
}

/// Plans every category below its target, the best yield (levels per change) first.
pub fn build(inputs: &Inputs<'_>) -> Vec<CategoryPlan> {
    let rules = inputs.card.rules();
    let index = score::PolicyIndex::new(inputs.policies, &rules);
    let results = Results::new(inputs, &index);
    let attestations = inputs.card.attestations();
    let mut plans: Vec<CategoryPlan> = Vec::new();
    for domain in &inputs.card.domains {
        for category in &domain.categories {
            if category.out_of_scope {
                continue;
            }
            let (target, explicit) = target(inputs.requirements, &domain.id, category);
            if target > MAX_LEVEL || category.level.is_some_and(|l| l >= target) {
                continue;
            }
            let steps = steps(inputs, &results, &rules, category, target);
            if steps.is_empty() {
                continue;
            }
            let (reaches, score_after) = simulate(
                inputs,
                &results,
                &rules,
                &attestations,
                &category.id,
                &steps,
            );
            plans.push(CategoryPlan {
                category: category.id.clone(),
                name: category.name.clone(),
                level: category.level,
                score: category.score,
                target,
                explicit,
                reaches,
                score_after,
                steps,
            });
        }
    }
    // Stable: equal yields keep the model's order.
    plans.sort_by(|a, b| {
        b.yield_per_step()
            .partial_cmp(&a.yield_per_step())
            .expect("finite yields")
    });
    plans
}

/// The highest target that applies to a category (program, its domain, itself), or the next
/// level when none is set.
fn target(requirements: &[Requirement], domain: &str, category: &CategoryScore) -> (u8, bool) {
    let given = requirements
        .iter()
        .filter(|r| match &r.target {
            Target::Program => true,
            Target::Domain(id) => id.eq_ignore_ascii_case(domain),
            Target::Category(id) => id.eq_ignore_ascii_case(&category.id),
        })
        .map(|r| r.min)
        .max();
    match given {
        Some(t) => (t, true),
        None => (category.level.map_or(1, |l| l + 1), false),
    }
}

fn steps(
    inputs: &Inputs<'_>,
    results: &Results<'_>,
    rules: &Rules,
    category: &CategoryScore,
    target: u8,
) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut fixed: BTreeSet<(String, String, String)> = BTreeSet::new();
    for level in 1..=target {
        let at: Vec<&ObjectiveScore> = category
            .objectives
            .iter()
            .filter(|o| o.level == level && o.status != Status::OutOfScope)
            .collect();
        let mut will_meet = false;
        for o in &at {
            match o.status {
                Status::Met => will_meet = true,
                Status::Failed => {
                    out.extend(fixes(results, rules, o, &mut fixed));
                    will_meet = true;
                }
                Status::Error => {
                    out.extend(error_fixes(results, o, &mut fixed));
                    out.extend(fixes(results, rules, o, &mut fixed));
                    will_meet = true;
                }
                Status::NeedsAttestation if rules.strict => {
                    out.push(attest(o));
                    will_meet = true;
                }
                _ => {}
            }
        }
        let evidenced = at.iter().any(|o| o.status.is_evidence());
        // A level with nothing met needs one piece of evidence: always at the target (the level
        // reached must be met), and below it in strict mode or where evidence exists but none
        // of it is met.
        let needs_evidence = !will_meet && (level == target || rules.strict || evidenced);
        if needs_evidence {
            if let Some(step) = evidence(inputs, &at) {
                out.push(step);
            }
        }
    }
    out
}

/// The fixes that meet a failed objective: every critical and high failure, then the fewest
/// others that bring the pass rate to the threshold, in file order.
fn fixes(
    results: &Results<'_>,
    rules: &Rules,
    objective: &ObjectiveScore,
    fixed: &mut BTreeSet<(String, String, String)>,
) -> Vec<Step> {
    let mut failing: Vec<(&Check, &Policy)> = results.citing(objective, Outcome::Fail);
    failing.sort_by(|(a, pa), (b, pb)| {
        pb.meta
            .severity
            .cmp(&pa.meta.severity)
            .then_with(|| (&a.file, a.line, &a.resource).cmp(&(&b.file, b.line, &b.resource)))
    });
    let total = (objective.passed + objective.failed) as f64;
    let severe = objective.severe;
    let for_rate = (rules.threshold * total - objective.passed as f64 - 1e-9).ceil();
    let needed = severe.max(for_rate.max(0.0) as usize);
    failing
        .into_iter()
        .take(needed)
        .filter(|(c, _)| fixed.insert(key(c)))
        .map(|(c, p)| Step::Fix {
            objective: objective.id.clone(),
            policy: p.meta.id.clone(),
            severity: p.meta.severity.as_str().to_string(),
            root: c.root.clone(),
            resource: c.resource.clone(),
            file: c.file.clone(),
            line: c.line,
            message: c.message.clone().unwrap_or_default(),
            remediation: p.meta.details().remediation.clone(),
        })
        .collect()
}

fn error_fixes(
    results: &Results<'_>,
    objective: &ObjectiveScore,
    fixed: &mut BTreeSet<(String, String, String)>,
) -> Vec<Step> {
    results
        .citing(objective, Outcome::Error)
        .into_iter()
        .filter(|(c, _)| fixed.insert(key(c)))
        .map(|(c, p)| Step::FixError {
            objective: objective.id.clone(),
            policy: p.meta.id.clone(),
            root: c.root.clone(),
            resource: c.resource.clone(),
            file: c.file.clone(),
            line: c.line,
            message: c.message.clone().unwrap_or_default(),
        })
        .collect()
}

fn key(c: &Check) -> (String, String, String) {
    (c.policy.clone(), c.root.clone(), c.resource.clone())
}

/// The checks indexed once per plan: each category's steps and what-if look results up here
/// instead of passing over every check (a plan over 25,000 checks spent more time in those
/// passes, and in copying the checks per what-if, than in scoring).
struct Results<'a> {
    index: &'a score::PolicyIndex<'a>,
    /// Each policy's checks with their positions in the scan's order.
    by_policy: HashMap<&'a str, Vec<(usize, &'a Check)>>,
    /// The checks of one resource under one policy, which a fix makes pass together.
    by_key: HashMap<(&'a str, &'a str, &'a str), Vec<&'a Check>>,
    /// The scan's results per policy, which each what-if adjusts.
    counts: score::PolicyCounts<'a>,
}

impl<'a> Results<'a> {
    fn new(inputs: &Inputs<'a>, index: &'a score::PolicyIndex<'a>) -> Self {
        let mut by_policy: HashMap<&str, Vec<(usize, &Check)>> = HashMap::new();
        let mut by_key: HashMap<(&str, &str, &str), Vec<&Check>> = HashMap::new();
        for (position, c) in inputs.checks.iter().enumerate() {
            by_policy
                .entry(c.policy.as_str())
                .or_default()
                .push((position, c));
            by_key
                .entry((c.policy.as_str(), c.root.as_str(), c.resource.as_str()))
                .or_default()
                .push(c);
        }
        Results {
            index,
            by_policy,
            by_key,
            counts: index.count(inputs.checks),
        }
    }

    /// Results with `outcome` of the policies citing an objective, in the scan's order.
    fn citing(&self, objective: &ObjectiveScore, outcome: Outcome) -> Vec<(&'a Check, &'a Policy)> {
        let ids: BTreeSet<&str> = objective.policies.iter().map(String::as_str).collect();
        let mut found: Vec<(usize, &Check, &Policy)> = Vec::new();
        for id in ids {
            let (Some(policy), Some(checks)) = (self.index.policy(id), self.by_policy.get(id))
            else {
                continue;
            };
            found.extend(
                checks
                    .iter()
                    .filter(|(_, c)| c.outcome == outcome)
                    .map(|(position, c)| (*position, *c, policy)),
            );
        }
        found.sort_by_key(|(position, _, _)| *position);
        found.into_iter().map(|(_, c, p)| (c, p)).collect()
    }
}

fn attest(o: &ObjectiveScore) -> Step {
    Step::Attest {
        objective: o.id.clone(),
        level: o.level,
        title: o.title.clone(),
        expired: o
            .attestation
            .as_ref()
            .is_some_and(|a| a.state == State::Expired),
    }
}

/// One piece of evidence for a level: a compliant resource for an unassessed objective that
/// policies judge, else an attestation of one that a person may vouch for.
fn evidence(inputs: &Inputs<'_>, at: &[&ObjectiveScore]) -> Option<Step> {
    let by_code = at
        .iter()
        .find(|o| o.status == Status::Unassessed && !o.policies.is_empty());
    if let Some(o) = by_code {
        let mut types: Vec<String> = inputs
            .policies
            .iter()
            .filter(|p| o.policies.contains(&p.meta.id))
            .flat_map(|p| p.meta.resource_types.iter().cloned())
            .collect();
        types.sort();
        types.dedup();
        let provider = |t: &String| t.split('_').next().unwrap_or_default().to_string();
        if types
            .iter()
            .any(|t| inputs.providers.contains(&provider(t)))
        {
            types.retain(|t| inputs.providers.contains(&provider(t)));
        }
        return Some(Step::AddEvidence {
            objective: o.id.clone(),
            level: o.level,
            title: o.title.clone(),
            resource_types: types,
            policies: o.policies.clone(),
        });
    }
    at.iter()
        .find(|o| o.evidence != Evidence::Automated && o.status != Status::Met)
        .map(|o| attest(o))
}

/// Applies the steps to the results and scores again: the category's level and score after.
fn simulate(
    inputs: &Inputs<'_>,
    results: &Results<'_>,
    rules: &Rules,
    attestations: &BTreeMap<String, Attestation>,
    category: &str,
    steps: &[Step],
) -> (Option<u8>, Option<f64>) {
    let index = results.index;
    let mut counts = results.counts.clone();
    let mut attestations = attestations.clone();
    // A fix makes all the resource's results under the policy pass, once.
    let mut fixed: HashSet<(&str, &str, &str)> = HashSet::new();
    for step in steps {
        match step {
            Step::Fix {
                policy,
                root,
                resource,
                ..
            }
            | Step::FixError {
                policy,
                root,
                resource,
                ..
            } => {
                let key = (policy.as_str(), root.as_str(), resource.as_str());
                if !fixed.insert(key) {
                    continue;
                }
                for c in results.by_key.get(&key).into_iter().flatten() {
                    let policy_counts = counts.entry(c.policy.as_str()).or_default();
                    index.record_as_passed(policy_counts, &c.policy, c.outcome);
                }
            }
            Step::AddEvidence { policies, .. } => {
                if let Some(policy) = policies.first() {
                    let policy_counts = counts.entry(policy.as_str()).or_default();
                    index.record(policy_counts, policy, Outcome::Pass);
                }
            }
            Step::Attest { objective, .. } => {
                attestations.insert(
                    objective.clone(),
                    Attestation {
                        by: "planned".into(),
                        date: String::new(),
                        evidence: String::new(),
                        expires: String::new(),
                        state: State::Valid,
                        location: crate::diagnostics::Location::file("<planned>"),
                    },
                );
            }
        }
    }
    score::score_category_indexed(inputs.model, index, &counts, rules, &attestations, category)
        .map_or((None, None), |c| (c.level, c.score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::{Origin, Scope, Scoping};

    const MODEL: &str = "model: {id: m, version: '1', name: M}\nlevels: []\ndomains:\n  - id: d\n    name: D\n    categories:\n      - id: A\n        name: A\n        objectives:\n          - {id: A-1, level: 1, title: one, evidence: automated}\n          - {id: A-2, level: 2, title: two, evidence: automated}\n          - {id: A-3, level: 3, title: three, evidence: attested}\n";

    fn policy(id: &str, severity: &str, controls: &[&str]) -> Policy {
        let source = format!("# METADATA\n# title: {id}\n# custom:\n#   id: {id}\n#   severity: {severity}\n#   resource_types: [t_{id}]\n#   controls: {controls:?}\n#   remediation: do {id}\npackage p\n");
        Policy {
            meta: crate::policy::metadata::parse(&source).unwrap(),
            package: "p".into(),
            file: crate::policy::RegoFile {
                path: "p.rego".into(),
                source: source.into(),
            },
        }
    }

    fn check(policy: &str, resource: &str, line: usize, outcome: Outcome) -> Check {
        Check {
            policy: policy.into(),
            resource: resource.into(),
            root: ".".into(),
            file: Some("main.tf".into()),
            line: Some(line),
            outcome,
            message: Some(format!("{resource} is bad")),
            waiver: None,
        }
    }

    fn plan(checks: &[Check], strict: bool, requirements: &[Requirement]) -> Vec<CategoryPlan> {
        let model = crate::model::parse(MODEL, "m.yaml").unwrap();
        let policies = vec![
            policy("HIGH", "high", &["A-1"]),
            policy("LOW", "low", &["A-1"]),
            policy("TWO", "medium", &["A-2"]),
        ];
        let rules = Rules {
            threshold: 0.9,
            strict,
            scope: Scoping::given(Scope::Workload, Origin::Flag),
        };
        let card = score::score(&model, &policies, checks, &rules, &BTreeMap::new());
        build(&Inputs {
            model: &model,
            policies: &policies,
            checks,
            card: &card,
            requirements,
            providers: &BTreeSet::new(),
        })
    }

    /// (level, target, reaches, steps) per category.
    type Summary = (Option<u8>, u8, Option<u8>, Vec<String>);

    fn summary(plans: &[CategoryPlan]) -> Vec<Summary> {
        plans
            .iter()
            .map(|p| {
                let steps = p
                    .steps
                    .iter()
                    .map(|s| match s {
                        Step::Fix {
                            policy, resource, ..
                        } => format!("fix {policy} {resource}"),
                        Step::FixError { resource, .. } => format!("error {resource}"),
                        Step::AddEvidence { resource_types, .. } => {
                            format!("add {}", resource_types.join(","))
                        }
                        Step::Attest { objective, .. } => format!("attest {objective}"),
                    })
                    .collect();
                (p.level, p.target, p.reaches, steps)
            })
            .collect()
    }

    #[test]
    fn lists_every_severe_failure_then_the_fewest_others_for_the_threshold() {
        // 20 results, 1 high and 3 low failures: the high one and one low one bring it
        // to 18/20 = 0.9. A-2 has no results: level 2 needs evidence.
        let mut checks: Vec<Check> = (0..16)
            .map(|i| check("LOW", &format!("ok{i}"), 100 + i, Outcome::Pass))
            .collect();
        checks.push(check("HIGH", "h", 9, Outcome::Fail));
        checks.push(check("LOW", "l3", 3, Outcome::Fail));
        checks.push(check("LOW", "l1", 1, Outcome::Fail));
        checks.push(check("LOW", "l2", 2, Outcome::Fail));
        assert_eq!(
            summary(&plan(&checks, false, &[])),
            vec![(
                Some(0),
                1,
                Some(1),
                vec!["fix HIGH h".into(), "fix LOW l1".into()]
            )]
        );
        let program_two = [Requirement::level(Target::Program, 2)];
        assert_eq!(
            summary(&plan(&checks, false, &program_two)),
            vec![(
                Some(0),
                2,
                Some(2),
                vec!["fix HIGH h".into(), "fix LOW l1".into(), "add t_TWO".into()]
            )]
        );
    }

    #[test]
    fn strict_mode_plans_the_attestations_and_nothing_is_planned_at_target() {
        let checks = vec![
            check("HIGH", "a", 1, Outcome::Pass),
            check("TWO", "b", 2, Outcome::Pass),
        ];
        // Level 2 from code; level 3 holds only the attested objective.
        let to_three = [Requirement::level(Target::Category("a".into()), 3)];
        assert_eq!(
            summary(&plan(&checks, false, &to_three)),
            vec![(Some(2), 3, Some(3), vec!["attest A-3".into()])]
        );
        assert_eq!(
            summary(&plan(&checks, true, &to_three)),
            vec![(Some(2), 3, Some(3), vec!["attest A-3".into()])]
        );
        let to_two = [Requirement::level(Target::Category("A".into()), 2)];
        assert!(plan(&checks, false, &to_two).is_empty());
    }
}
