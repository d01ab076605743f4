//! Waive: turn failures that a suppression or the baseline accepts into `waived` results.
//!
//! Sources, first match wins: inline `# rungs:ignore` comments (on the resource block, then on
//! the module calls containing it, innermost first), config `suppressions` in file order, then
//! the baseline. Only failures are waived: errors stay errors and passes stay passes.
//! An expired suppression does not apply and is reported (R402); one that matches no failure is
//! reported (R403); one without a reason, or otherwise malformed, is an error and does not
//! apply (R404).

pub mod inline;

use crate::baseline::{self, Baseline};
use crate::check::{Check, Outcome, Waiver};
use crate::config::Suppression;
use crate::date::Date;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::discover::{terraform_syntax, Syntax};
use crate::load::Document;
use crate::source::Source;
use inline::Directive;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Default)]
pub struct Waived {
    pub diagnostics: Vec<Diagnostic>,
    /// What became of the baseline's entries, when one was given.
    pub baseline: Option<baseline::Status>,
}

/// Applies every waiver source to `checks`. Inline comments are read from the documents' HCL
/// files in `source` (the scanned directory or git revision) that may hold them
/// (`Document::waiver_files`).
pub fn apply(
    source: &dyn Source,
    documents: &[&Document],
    checks: &mut [Check],
    suppressions: &[Suppression],
    baseline: Option<&Baseline>,
    today: Date,
) -> Waived {
    let mut diagnostics = Vec::new();
    let (directives, mut found) = read_directives(source, documents);
    diagnostics.append(&mut found);

    let expired = |expires: Option<Date>| expires.filter(|e| *e < today);
    let blocks: BTreeSet<(&str, usize)> = documents
        .iter()
        .flat_map(|d| {
            let resources = d.resources.iter().map(|r| (r.file.as_str(), r.line));
            let calls = d.module_calls.iter().map(|c| (c.file.as_str(), c.line));
            resources.chain(calls)
        })
        .collect();
    // Directives that apply, by the block line they sit on.
    let mut attached: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    for (i, d) in directives.iter().enumerate() {
        if let Some(date) = expired(d.expires) {
            diagnostics.push(expired_diagnostic(&d.ids.join(", "), date, &d.location));
            continue;
        }
        let file = d.location.file.as_str();
        match d.target.filter(|line| blocks.contains(&(file, *line))) {
            Some(line) => attached.entry((file, line)).or_default().push(i),
            None => diagnostics.push(
                Diagnostic::warning(
                    Code::SuppressionUnused,
                    format!(
                        "suppression of {} is not directly above a resource, data or module block of this scan, so it applies to nothing",
                        d.ids.join(", ")
                    ),
                )
                .at(d.location.clone())
                .help("put it on the comment lines right above the block (no blank line between), or remove it"),
            ),
        }
    }

    let mut active = Vec::new();
    for (i, s) in suppressions.iter().enumerate() {
        if s.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            diagnostics.push(
                Diagnostic::error(
                    Code::SuppressionInvalid,
                    format!("suppression of {} has no reason: a reason is required", s.policy.text),
                )
                .at(s.location.clone())
                .help("add `reason:` saying why the finding is accepted; this suppression does not apply"),
            );
        } else if let Some(date) = expired(s.expires) {
            diagnostics.push(expired_diagnostic(&s.policy.text, date, &s.location));
        } else {
            active.push(i);
        }
    }

    let calls: HashMap<&str, Vec<(&str, &str, usize)>> = documents
        .iter()
        .map(|d| {
            let mut calls: Vec<_> = d
                .module_calls
                .iter()
                .map(|c| (c.address.as_str(), c.file.as_str(), c.line))
                .collect();
            // Innermost (longest address) first.
            calls.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
            (d.root.as_str(), calls)
        })
        .collect();
    let mut used_ids: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut used_config = BTreeSet::new();
    let mut present: BTreeSet<baseline::Entry> = BTreeSet::new();
    for check in checks.iter_mut().filter(|c| c.outcome == Outcome::Fail) {
        let mut waiver = None;
        // Blocks whose comments may waive this check: the resource, then its module calls.
        let mut lines: Vec<(&str, usize)> = Vec::new();
        if let (Some(file), Some(line)) = (check.file.as_deref(), check.line) {
            lines.push((file, line));
        }
        for (address, file, line) in calls.get(check.root.as_str()).into_iter().flatten() {
            if check
                .resource
                .strip_prefix(address)
                .is_some_and(|rest| rest.starts_with('.'))
            {
                lines.push((file, *line));
            }
        }
        for key in lines {
            for &i in attached.get(&key).into_iter().flatten() {
                let d = &directives[i];
                if d.ids.contains(&check.policy) {
                    used_ids.insert((i, check.policy.clone()));
                    waiver.get_or_insert_with(|| Waiver {
                        source: "inline".into(),
                        reason: d.reason.clone(),
                        expires: d.expires.map(|e| e.to_string()),
                        location: Some(d.location.clone()),
                    });
                }
            }
        }
        for &i in &active {
            let s = &suppressions[i];
            if s.matches(&check.policy, &check.root, &check.resource) {
                used_config.insert(i);
                waiver.get_or_insert_with(|| Waiver {
                    source: "config".into(),
                    reason: s.reason.clone().unwrap_or_default(),
                    expires: s.expires.map(|e| e.to_string()),
                    location: Some(s.location.clone()),
                });
            }
        }
        if let Some(b) = baseline {
            let entry = baseline::Entry {
                policy: check.policy.clone(),
                root: check.root.clone(),
                resource: check.resource.clone(),
            };
            if b.entries.contains(&entry) {
                present.insert(entry);
                waiver.get_or_insert_with(|| Waiver {
                    source: "baseline".into(),
                    reason: "accepted when the baseline was written".into(),
                    expires: None,
                    location: Some(Location::file(&b.file)),
                });
            }
        }
        if let Some(w) = waiver {
            check.outcome = Outcome::Waived;
            check.waiver = Some(w);
        }
    }

    for list in attached.values() {
        for &i in list {
            let d = &directives[i];
            for id in d
                .ids
                .iter()
                .filter(|id| !used_ids.contains(&(i, id.to_string())))
            {
                diagnostics.push(unused_diagnostic(id, &d.location));
            }
        }
    }
    for i in active.into_iter().filter(|i| !used_config.contains(i)) {
        let s = &suppressions[i];
        diagnostics.push(unused_diagnostic(&s.policy.text, &s.location));
    }

    Waived {
        diagnostics,
        baseline: baseline.map(|b| b.status(&present)),
    }
}

/// Inline directives of every HCL file in the documents, and problems with them.
fn read_directives(
    source: &dyn Source,
    documents: &[&Document],
) -> (Vec<Directive>, Vec<Diagnostic>) {
    let files: BTreeSet<&str> = documents
        .iter()
        .flat_map(|d| d.waiver_files.iter().map(String::as_str))
        .filter(|f| terraform_syntax(f) == Some(Syntax::Hcl))
        .collect();
    let mut directives = Vec::new();
    let mut diagnostics = Vec::new();
    for file in files {
        // Unreadable files were reported when loading.
        let Some(text) = source
            .read(file)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        else {
            continue;
        };
        let (mut d, mut problems) = inline::parse_file(file, &text);
        directives.append(&mut d);
        diagnostics.append(&mut problems);
    }
    (directives, diagnostics)
}

fn expired_diagnostic(what: &str, date: Date, at: &Location) -> Diagnostic {
    Diagnostic::warning(
        Code::SuppressionExpired,
        format!("suppression of {what} expired on {date}; it no longer applies"),
    )
    .at(at.clone())
    .help("fix the finding, or renew the suppression with a new expiry date and a current reason")
}

fn unused_diagnostic(what: &str, at: &Location) -> Diagnostic {
    Diagnostic::warning(
        Code::SuppressionUnused,
        format!("suppression of {what} waived nothing: no failing result matches it"),
    )
    .at(at.clone())
    .help("the finding is fixed or the id, address or root is wrong; remove or correct it")
}
