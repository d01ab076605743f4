//! Attestations: a person vouches for an `attested` or `either` objective (who, when, evidence,
//! until when), and the objectives that still need one to reach each category's target.
//!
//! How attestations count is a scoring rule (`score.rs`, docs/scoring.md). Here they are checked
//! against the model and today's date: an unknown or `automated` objective, a blank `by` or
//! `evidence`, a date in the future, an expiry before the date and a second attestation of one
//! objective are errors (R405) and do not count; an expired one is kept, flagged (R406) and
//! counts for nothing.

use crate::config;
use crate::date::Date;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::model::{Evidence, Model, MAX_LEVEL};
use crate::score::{Scorecard, Status};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Dated today or earlier and not past its expiry: the objective is met.
    Valid,
    /// Past its expiry: counts for nothing, flagged in every report.
    Expired,
}

/// A checked attestation, as scoring and reports see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attestation {
    pub by: String,
    pub date: String,
    pub evidence: String,
    pub expires: String,
    pub state: State,
    pub location: Location,
}

/// Checks the config's attestations: the usable ones by objective id, and the problems.
pub fn check(
    entries: &[config::Attestation],
    model: &Model,
    today: Date,
) -> (BTreeMap<String, Attestation>, Vec<Diagnostic>) {
    let mut out: BTreeMap<String, Attestation> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for a in entries {
        let error = |message: String, help: &str| {
            Diagnostic::error(Code::AttestationInvalid, message)
                .at(a.location.clone())
                .help(format!("{help}; this attestation does not count"))
        };
        let evidence = model
            .objectives()
            .find(|(_, _, o)| o.id == a.objective)
            .map(|(_, _, o)| o.evidence);
        let problem = match evidence {
            None => Some(error(
                format!("the model has no objective {}", a.objective),
                "check the id with `rungs scan --format json`",
            )),
            Some(Evidence::Automated) => Some(error(
                format!(
                    "objective {} is automated: only policy results can meet it",
                    a.objective
                ),
                "attest only `attested` and `either` objectives; fix the findings instead",
            )),
            Some(_) if a.by.trim().is_empty() || a.evidence.trim().is_empty() => Some(error(
                format!("attestation of {} needs `by` and `evidence`", a.objective),
                "say who attests and link the evidence",
            )),
            Some(_) if a.date > today => Some(error(
                format!(
                    "attestation of {} is dated {}, after today ({today})",
                    a.objective, a.date
                ),
                "date it when it was made",
            )),
            Some(_) if a.expires < a.date => Some(error(
                format!(
                    "attestation of {} expires ({}) before its date ({})",
                    a.objective, a.expires, a.date
                ),
                "set `expires` to the last day it holds",
            )),
            Some(_) => out.get(&a.objective).map(|first| {
                error(
                    format!(
                        "objective {} is attested twice (first at {})",
                        a.objective, first.location
                    ),
                    "keep one attestation per objective",
                )
            }),
        };
        if let Some(d) = problem {
            diagnostics.push(d);
            continue;
        }
        let state = if a.expires < today {
            diagnostics.push(
                Diagnostic::warning(
                    Code::AttestationExpired,
                    format!(
                        "attestation of {} expired on {}; the objective counts as unassessed again unless policy results meet it",
                        a.objective, a.expires
                    ),
                )
                .at(a.location.clone())
                .help("review the evidence and renew the attestation with a new date and expiry"),
            );
            State::Expired
        } else {
            State::Valid
        };
        out.insert(
            a.objective.clone(),
            Attestation {
                by: a.by.clone(),
                date: a.date.to_string(),
                evidence: a.evidence.clone(),
                expires: a.expires.to_string(),
                state,
                location: a.location.clone(),
            },
        );
    }
    (out, diagnostics)
}

/// A category below its target, and the objectives only an attestation can meet on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Need {
    pub category: String,
    pub level: Option<u8>,
    pub target: u8,
    /// `true` when the target comes from `targets` or `--min-category`, `false` for the next level.
    pub explicit: bool,
    pub objectives: Vec<NeededObjective>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeededObjective {
    pub id: String,
    pub level: u8,
    pub evidence: Evidence,
    pub status: Status,
    /// Its attestation expired.
    pub expired: bool,
}

/// For each category below its target (given, matched case-insensitively, or else the next
/// level), the `attested` and `either` objectives above its level and up to the target that
/// are not met. Categories where no such objective exists are left out: what holds them back
/// is automated evidence, shown with the failing objectives.
pub fn needed(card: &Scorecard, targets: &[(String, u8)]) -> Vec<Need> {
    let mut out = Vec::new();
    for category in card.categories() {
        let given = targets
            .iter()
            .rev()
            .find(|(id, _)| id.eq_ignore_ascii_case(&category.id))
            .map(|(_, t)| *t);
        let current = category.level.unwrap_or(0);
        let target = given.unwrap_or(match category.level {
            None => 1,
            Some(l) => l + 1,
        });
        if target > MAX_LEVEL || category.level.is_some_and(|l| l >= target) {
            continue;
        }
        let objectives: Vec<NeededObjective> = category
            .objectives
            .iter()
            .filter(|o| o.level > current && o.level <= target)
            .filter(|o| o.evidence != Evidence::Automated && o.status != Status::Met)
            .map(|o| NeededObjective {
                id: o.id.clone(),
                level: o.level,
                evidence: o.evidence,
                status: o.status,
                expired: o
                    .attestation
                    .as_ref()
                    .is_some_and(|a| a.state == State::Expired),
            })
            .collect();
        if !objectives.is_empty() {
            out.push(Need {
                category: category.id.clone(),
                level: category.level,
                target,
                explicit: given.is_some(),
                objectives,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: &str = "model: {id: m, version: '1', name: M}\nlevels: []\ndomains:\n  - id: d\n    name: D\n    categories:\n      - id: C\n        name: C\n        objectives:\n          - {id: C-1, level: 1, title: t, evidence: automated}\n          - {id: C-2, level: 2, title: t, evidence: attested}\n          - {id: C-3, level: 3, title: t, evidence: either}\n";

    fn entry(objective: &str, date: &str, expires: &str) -> config::Attestation {
        config::Attestation {
            objective: objective.into(),
            by: "Jo".into(),
            date: Date::parse(date).unwrap(),
            evidence: "https://e".into(),
            expires: Date::parse(expires).unwrap(),
            location: Location::at(".rungs.yaml", 1, 1),
        }
    }

    fn today() -> Date {
        Date::parse("2026-01-15").unwrap()
    }

    #[test]
    fn valid_expired_and_invalid_attestations() {
        let model = crate::model::parse(MODEL, "m.yaml").unwrap();
        let entries = vec![
            entry("C-2", "2025-01-01", "2026-01-15"),
            entry("C-3", "2025-01-01", "2026-01-14"),
            entry("C-1", "2025-01-01", "2027-01-01"),
            entry("NOPE", "2025-01-01", "2027-01-01"),
            entry("C-2", "2025-02-01", "2027-01-01"),
        ];
        let (map, diags) = check(&entries, &model, today());
        assert_eq!(map["C-2"].state, State::Valid);
        assert_eq!(map["C-3"].state, State::Expired);
        assert_eq!(map.len(), 2);
        let got: Vec<(Code, &str)> = diags.iter().map(|d| (d.code, d.message.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (Code::AttestationExpired, "attestation of C-3 expired on 2026-01-14; the objective counts as unassessed again unless policy results meet it"),
                (Code::AttestationInvalid, "objective C-1 is automated: only policy results can meet it"),
                (Code::AttestationInvalid, "the model has no objective NOPE"),
                (Code::AttestationInvalid, "objective C-2 is attested twice (first at .rungs.yaml:1:1)"),
            ]
        );
    }

    #[test]
    fn future_dates_inverted_ranges_and_blank_fields_are_invalid() {
        let model = crate::model::parse(MODEL, "m.yaml").unwrap();
        let mut blank = entry("C-3", "2025-01-01", "2027-01-01");
        blank.evidence = " ".into();
        let entries = vec![
            entry("C-2", "2026-01-16", "2027-01-01"),
            entry("C-3", "2025-06-01", "2025-05-31"),
            blank,
        ];
        let (map, diags) = check(&entries, &model, today());
        assert!(map.is_empty());
        let got: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "attestation of C-2 is dated 2026-01-16, after today (2026-01-15)",
                "attestation of C-3 expires (2025-05-31) before its date (2025-06-01)",
                "attestation of C-3 needs `by` and `evidence`",
            ]
        );
    }

    #[test]
    fn needs_list_unmet_attestable_objectives_up_to_the_target() {
        let model = crate::model::parse(MODEL, "m.yaml").unwrap();
        let pass = crate::evaluate::Check {
            policy: "P".into(),
            resource: "r".into(),
            root: ".".into(),
            file: None,
            line: None,
            outcome: crate::evaluate::Outcome::Pass,
            message: None,
            waiver: None,
        };
        let source = "# METADATA\n# title: P\n# custom:\n#   id: P\n#   severity: low\n#   resource_types: [t]\n#   controls: [C-1]\npackage p\n";
        let policy = crate::policy::Policy {
            meta: crate::policy::metadata::parse(source).unwrap(),
            package: "p".into(),
            file: crate::policy::RegoFile {
                path: "p.rego".into(),
                source: source.into(),
            },
        };
        let card = crate::score::score(
            &model,
            &[policy],
            &[pass],
            &crate::score::Rules {
                threshold: 1.0,
                strict: false,
                scope: crate::scope::Scoping::given(
                    crate::scope::Scope::Estate,
                    crate::scope::Origin::Flag,
                ),
            },
            &BTreeMap::new(),
        );
        // Level 1 from C-1; the next level needs C-2.
        let next = needed(&card, &[]);
        assert_eq!(next.len(), 1);
        assert_eq!(
            (next[0].level, next[0].target, next[0].explicit),
            (Some(1), 2, false)
        );
        let ids: Vec<&str> = next[0].objectives.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, vec!["C-2"]);
        // A target of 3 needs C-2 and C-3; a target already reached needs nothing.
        let three = needed(&card, &[("c".into(), 3)]);
        let ids: Vec<&str> = three[0].objectives.iter().map(|o| o.id.as_str()).collect();
        assert_eq!((ids, three[0].explicit), (vec!["C-2", "C-3"], true));
        assert!(needed(&card, &[("C".into(), 1)]).is_empty());
    }
}
