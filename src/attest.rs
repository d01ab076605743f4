//! Attestations: a person vouches for an `attested` or `either` objective (who, when, evidence,
//! until when). Which ones a category still needs is the plan's business (`plan.rs`).
//!
//! How attestations count is a scoring rule (`score.rs`, docs/scoring.md). Here they are checked
//! against the model and today's date: an unknown or `automated` objective, a blank `by` or
//! `evidence`, a date in the future, an expiry before the date and a second attestation of one
//! objective are errors (R405) and do not count; an expired one is kept, flagged (R406) and
//! counts for nothing.

use crate::config;
use crate::date::Date;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::model::{Evidence, Model};
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
}
