//! Renderings of the plan (`rungs plan`, and the scan report's "Next steps"): text, Markdown.

use crate::plan::{CategoryPlan, Step};
use std::fmt::Write;

fn level(l: Option<u8>, score: Option<f64>) -> String {
    match (l, score) {
        (Some(l), Some(s)) => format!("L{l} ({s:.2})"),
        (Some(l), None) => format!("L{l}"),
        _ => "n/a".into(),
    }
}

fn where_(file: &Option<String>, line: Option<usize>) -> String {
    match (file, line) {
        (Some(f), Some(l)) => format!("{f}:{l}"),
        (Some(f), None) => f.clone(),
        _ => "scan-wide".into(),
    }
}

fn resource(root: &str, resource: &str) -> String {
    if root.is_empty() || root == "." {
        resource.to_string()
    } else {
        format!("{root} › {resource}")
    }
}

fn changes(n: usize) -> String {
    format!("{n} change{}", if n == 1 { "" } else { "s" })
}

/// The heading line of one category's plan.
fn heading(plan: &CategoryPlan) -> String {
    let reaches = match plan.reaches {
        Some(r) if r >= plan.target => format!("L{r}"),
        Some(r) => format!("L{r} (target L{} needs more than this plan)", plan.target),
        None => "n/a".into(),
    };
    format!(
        "{} {}: {} → {} in {}{}",
        plan.category,
        plan.name,
        level(plan.level, plan.score),
        reaches,
        changes(plan.steps.len()),
        if plan.explicit { " (target)" } else { "" }
    )
}

/// One step on one or two lines, indented by `pad`.
fn step_text(out: &mut String, step: &Step, pad: &str, remediation: bool) {
    match step {
        Step::Fix {
            objective,
            policy,
            severity,
            root,
            resource: r,
            file,
            line,
            message,
            remediation: fix,
        } => {
            let _ = writeln!(
                out,
                "{pad}fix     {}  {}  {policy} [{severity}] ({objective})",
                where_(file, *line),
                resource(root, r)
            );
            if !message.is_empty() {
                let _ = writeln!(out, "{pad}        {message}");
            }
            if remediation && !fix.is_empty() {
                for (i, l) in fix.trim_end().lines().enumerate() {
                    let lead = if i == 0 { "how: " } else { "" };
                    let line = format!("{pad}        {lead}{l}");
                    let _ = writeln!(out, "{}", line.trim_end());
                }
            }
        }
        Step::FixError {
            objective,
            policy,
            root,
            resource: r,
            file,
            line,
            message,
        } => {
            let _ = writeln!(
                out,
                "{pad}error   {}  {}  {policy} failed to evaluate ({objective}): {message}",
                where_(file, *line),
                resource(root, r)
            );
        }
        Step::AddEvidence {
            objective,
            level,
            title,
            resource_types,
            ..
        } => {
            let _ = writeln!(
                out,
                "{pad}add     a compliant {} ({objective}, L{level}: {title})",
                resource_types.join(" or ")
            );
        }
        Step::Attest {
            objective,
            level,
            title,
            expired,
        } => {
            let what = if *expired { "renew" } else { "attest" };
            let _ = writeln!(out, "{pad}{what:<7} {objective} (L{level}): {title}");
        }
    }
}

/// The full plan, as `rungs plan` prints it.
pub fn text(plans: &[CategoryPlan]) -> String {
    let mut out = String::new();
    if plans.is_empty() {
        out.push_str("Every category in scope is at its target; nothing to plan.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "Plan: {} categories, best yield (levels per change) first",
        plans.len()
    );
    for plan in plans {
        let _ = writeln!(out, "\n{}", heading(plan));
        for step in &plan.steps {
            step_text(&mut out, step, "  ", true);
        }
    }
    out
}

/// The scan report's short version: the first categories and steps.
pub fn next_steps(out: &mut String, plans: &[CategoryPlan]) {
    const CATEGORIES: usize = 3;
    const STEPS: usize = 4;
    if plans.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nNext steps (best yield first; `rungs plan` lists them all)"
    );
    for plan in plans.iter().take(CATEGORIES) {
        let _ = writeln!(out, "  {}", heading(plan));
        for step in plan.steps.iter().take(STEPS) {
            step_text(out, step, "    ", false);
        }
        if plan.steps.len() > STEPS {
            let _ = writeln!(out, "    … and {} more", plan.steps.len() - STEPS);
        }
    }
    if plans.len() > CATEGORIES {
        let _ = writeln!(out, "  … and {} more categories", plans.len() - CATEGORIES);
    }
}

/// Markdown: one section per category, a table of steps. `link` turns `file:line` into a link.
pub fn markdown(plans: &[CategoryPlan], link: &dyn Fn(&str, Option<usize>) -> String) -> String {
    let mut out = String::new();
    if plans.is_empty() {
        out.push_str("Every category in scope is at its target; nothing to plan.\n");
        return out;
    }
    for plan in plans {
        let _ = writeln!(out, "### {}\n", super::markdown::cell(&heading(plan)));
        let _ = writeln!(out, "| change | where | what |\n|---|---|---|");
        for step in &plan.steps {
            let (change, place, what) = match step {
                Step::Fix {
                    objective,
                    policy,
                    severity,
                    root,
                    resource: r,
                    file,
                    line,
                    message,
                    remediation,
                } => (
                    format!("fix `{policy}` ({severity}, {objective})"),
                    match file {
                        Some(f) => format!("{} `{}`", link(f, *line), resource(root, r)),
                        None => format!("`{}`", resource(root, r)),
                    },
                    format!("{message} {remediation}"),
                ),
                Step::FixError {
                    objective,
                    policy,
                    root,
                    resource: r,
                    file,
                    line,
                    message,
                } => (
                    format!("fix error of `{policy}` ({objective})"),
                    match file {
                        Some(f) => format!("{} `{}`", link(f, *line), resource(root, r)),
                        None => format!("`{}`", resource(root, r)),
                    },
                    message.clone(),
                ),
                Step::AddEvidence {
                    objective,
                    level,
                    title,
                    resource_types,
                    ..
                } => (
                    format!("add evidence ({objective}, L{level})"),
                    String::new(),
                    format!("a compliant `{}`: {title}", resource_types.join("` or `")),
                ),
                Step::Attest {
                    objective,
                    level,
                    title,
                    expired,
                } => (
                    format!(
                        "{} `{objective}` (L{level})",
                        if *expired { "renew" } else { "attest" }
                    ),
                    "`.rungs.yaml`".into(),
                    title.clone(),
                ),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                super::markdown::cell(&change),
                place,
                super::markdown::cell(what.trim())
            );
        }
        out.push('\n');
    }
    out
}
