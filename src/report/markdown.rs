//! Markdown: a pull-request summary (GitHub job summary or PR comment, GitLab MR note). Levels
//! for the program, domains and categories, counts, the top findings with file:line, problems
//! and the gate.

use super::markup::{location, resource};
use super::Report;
use crate::check::Outcome;
use crate::scan::Target;
use std::fmt::Write;

/// How many findings the summary lists; the rest are counted.
pub const TOP_FINDINGS: usize = 15;

/// How many categories of the plan the summary shows.
const NEXT_CATEGORIES: usize = 3;

/// One plan step, short.
fn step(step: &crate::plan::Step) -> String {
    use crate::plan::Step;
    match step {
        Step::Fix {
            policy,
            resource,
            file,
            line,
            ..
        } => match (file, line) {
            (Some(f), Some(l)) => format!(
                "fix {} {} at {}",
                cell(policy),
                code(resource),
                code(&format!("{f}:{l}"))
            ),
            _ => format!("fix {} {}", cell(policy), code(resource)),
        },
        Step::FixError {
            policy, resource, ..
        } => format!("fix the error of {} on {}", cell(policy), code(resource)),
        Step::AddEvidence { resource_types, .. } => {
            format!("add a compliant {}", code(&resource_types.join(" or ")))
        }
        Step::Attest {
            objective, expired, ..
        } => format!(
            "{} {}",
            if *expired {
                "renew the attestation of"
            } else {
                "attest"
            },
            cell(objective)
        ),
    }
}

/// Table cell text: pipes and line breaks would end the cell, markup would render.
pub(crate) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Inline code in a table cell: backticks cannot be escaped inside it, pipes must be.
fn code(text: &str) -> String {
    format!(
        "`{}`",
        text.replace('`', "'")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    )
}

fn level(level: Option<u8>, score: Option<f64>) -> String {
    match (level, score) {
        (Some(l), Some(s)) => format!("**{l}** ({s:.2})"),
        (Some(l), None) => format!("**{l}**"),
        _ => "n/a".to_string(),
    }
}

pub fn render(report: &Report<'_>) -> String {
    let scan = report.scan;
    let card = &scan.scorecard;
    let mut out = String::new();
    let verdict = match (report.gate.is_empty(), report.gate_passed()) {
        (true, _) => String::new(),
        (false, true) => " · gate passed".to_string(),
        (false, false) => " · gate **FAILED**".to_string(),
    };
    let _ = writeln!(
        out,
        "## rungs · program level {}{verdict}\n",
        card.level.map_or("n/a".to_string(), |l| l.to_string())
    );
    let resources: usize = scan.documents.iter().map(|d| d.resources.len()).sum();
    let _ = writeln!(
        out,
        "**{} passed · {} failed · {} errors · {} waived{}** — {} root module{}, {} resources, {} policies, {}\n",
        report.count(Outcome::Pass),
        report.count(Outcome::Fail),
        report.count(Outcome::Error),
        report.count(Outcome::Waived),
        match report.count(Outcome::Unknown) {
            0 => String::new(),
            n => format!(" · {n} not judged"),
        },
        scan.documents.len(),
        if scan.documents.len() == 1 { "" } else { "s" },
        resources,
        scan.bundle.policies.len(),
        cell(&scan.model.model.title()),
    );

    let _ = writeln!(
        out,
        "Scope: **{}** ({}){}\n",
        card.scope.scope,
        cell(&card.scope.reason),
        if card.strict { " · strict" } else { "" }
    );
    out.push_str("| Area | Level (score) | Detail |\n|---|---|---|\n");
    let _ = writeln!(
        out,
        "| **Program** | {} | {} |",
        level(card.level, card.score),
        card.limiting
            .as_ref()
            .map_or(String::new(), |c| format!("limited by {}", cell(c)))
    );
    for domain in &card.domains {
        let _ = writeln!(
            out,
            "| **{}** | {} | |",
            cell(&domain.name),
            level(domain.level, domain.score),
        );
        for category in &domain.categories {
            let pending = match category.pending_attestations.len() {
                0 => String::new(),
                n => format!(", {n} attestation{} pending", if n == 1 { "" } else { "s" }),
            };
            let detail = if category.out_of_scope {
                "out of scope".to_string()
            } else {
                match category.level {
                    None => format!("no evidence{pending}"),
                    Some(_) => format!("coverage {:.0}%{pending}", category.coverage * 100.0),
                }
            };
            let _ = writeln!(
                out,
                "| &nbsp;&nbsp;{} {}{} | {} | {detail} |",
                cell(&category.id),
                cell(&category.name),
                if category.provisional { "\\*" } else { "" },
                level(category.level, category.score),
            );
        }
    }
    if !scan.plan.is_empty() {
        let shown = scan.plan.len().min(NEXT_CATEGORIES);
        out.push_str("\n### Next steps\n\n");
        for plan in &scan.plan[..shown] {
            let reaches = plan.reaches.map_or("n/a".to_string(), |r| format!("L{r}"));
            let _ = writeln!(
                out,
                "- **{}** {} → {reaches}: {}",
                cell(&plan.category),
                match (plan.level, plan.score) {
                    (Some(l), Some(s)) => format!("L{l} ({s:.2})"),
                    _ => "n/a".to_string(),
                },
                plan.steps.iter().map(step).collect::<Vec<_>>().join("; ")
            );
        }
        if scan.plan.len() > shown {
            let _ = writeln!(
                out,
                "- …and {} more categories: `rungs plan`",
                scan.plan.len() - shown
            );
        }
    }

    let problems = report.problems();
    if problems.is_empty() {
        out.push_str("\nNo findings.\n");
    } else {
        let shown = problems.len().min(TOP_FINDINGS);
        let _ = writeln!(out, "\n### Top findings ({shown} of {})\n", problems.len());
        out.push_str(
            "| Severity | Policy | Location | Resource | Message |\n|---|---|---|---|---|\n",
        );
        for check in problems.iter().take(TOP_FINDINGS) {
            let severity = report
                .policy(&check.policy)
                .map_or("", |p| p.meta.severity.as_str());
            let message = match check.outcome {
                Outcome::Error => format!("ERROR {}", check.message.as_deref().unwrap_or("")),
                _ => check.message.clone().unwrap_or_default(),
            };
            let _ = writeln!(
                out,
                "| {severity} | {} | {} | {} | {} |",
                cell(&check.policy),
                location(check).map_or("scan-wide".to_string(), |l| code(&l)),
                code(&resource(check)),
                cell(&message),
            );
        }
        if problems.len() > TOP_FINDINGS {
            let _ = writeln!(
                out,
                "\n…and {} more in the full report.",
                problems.len() - TOP_FINDINGS
            );
        }
    }

    let errors: Vec<_> = scan.diagnostics.iter().filter(|d| d.is_error()).collect();
    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "\n### Problems ({})\n\nThe scan met errors; results may be incomplete.\n",
            errors.len()
        );
        for d in errors {
            let at = d
                .location
                .as_ref()
                .map_or(String::new(), |l| format!(" `{l}`"));
            let _ = writeln!(out, "- **{}**{at} {}", d.code.as_str(), cell(&d.message));
        }
    }

    if !report.gate.is_empty() {
        out.push_str("\n### Gate\n\n");
        for g in report.gate {
            let what = match &g.requirement.target {
                Target::Program => "program".to_string(),
                Target::Domain(id) => format!("domain {}", cell(id)),
                Target::Category(id) => format!("category {}", cell(id)),
            };
            let _ = writeln!(
                out,
                "- {} {what}: {}",
                if g.passed { "✅" } else { "❌" },
                g.describe()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cell, code};

    #[test]
    fn cells_escape_pipes_breaks_and_markup() {
        assert_eq!(cell("a|b\n<i>*x*`"), "a\\|b &lt;i&gt;\\*x\\*\\`");
        assert_eq!(code("a|`b`\nc"), "`a\\|'b' c`");
    }
}
