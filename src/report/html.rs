//! HTML: one self-contained page (inline CSS, JS and SVG; a Content-Security-Policy that forbids
//! every network load). The program verdict and scope, level and score bars, a trend chart when
//! given one, the plan ("next steps"), a findings table filtered by severity, category and
//! file, problems, the gate, and objectives with their evidence.

use super::markup::{escape, location, policy_categories, resource};
use super::svg::{self, Bar, Point};
use super::Report;
use crate::check::Outcome;
use crate::plan::{CategoryPlan, Step};
use crate::scan::Target;
use crate::scope::{Origin, Scope};
use crate::score::{Scorecard, Status};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write;

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// What `--trend FILE` reads: the JSON `rungs trend --format json` writes. Only the fields
/// charted are read; the others are ignored.
#[derive(Debug, Deserialize)]
pub struct Trend {
    pub schema_version: u32,
    pub commits: Vec<TrendCommit>,
}

#[derive(Debug, Deserialize)]
pub struct TrendCommit {
    pub commit: String,
    /// ISO 8601, as `rungs trend` writes it.
    pub date: String,
    /// Seconds since the epoch: the x-axis.
    pub time: i64,
    #[serde(default)]
    pub subject: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

impl TrendCommit {
    /// What hovering the commit shows: date, short commit and subject.
    fn label(&self) -> String {
        format!(
            "{} {} {}",
            &self.date[..10],
            self.commit.chars().take(7).collect::<String>(),
            self.subject
        )
    }
}

/// Parses and checks trend JSON; the error says what is wrong, for the user to fix the file.
pub fn parse_trend(text: &str) -> Result<Trend, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if value.get("points").is_some() && value.get("commits").is_none() {
        return Err(
            "this is the `{\"points\": [...]}` shape older versions read; --trend now reads what `rungs trend --format json` writes".into(),
        );
    }
    let trend: Trend = serde_json::from_value(value).map_err(|e| e.to_string())?;
    if trend.schema_version != crate::trend::render::SCHEMA_VERSION {
        return Err(format!(
            "schema_version {} is not the trend JSON this rungs reads ({})",
            trend.schema_version,
            crate::trend::render::SCHEMA_VERSION
        ));
    }
    for (i, c) in trend.commits.iter().enumerate() {
        if c.level.is_some_and(|l| l > crate::model::MAX_LEVEL) {
            return Err(format!("commits[{i}].level must be 0 to 5 or null"));
        }
        if c.score.is_some_and(|m| !(0.0..=5.0).contains(&m)) {
            return Err(format!("commits[{i}].score must be 0 to 5 or null"));
        }
        let day = c.date.get(..10).map(crate::trend::date::parse);
        if c.commit.is_empty() || !matches!(day, Some(Ok(_))) {
            return Err(format!(
                "commits[{i}] needs a commit id and an ISO 8601 date"
            ));
        }
    }
    Ok(trend)
}

/// The lowercase name an enum serializes to.
fn name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn level_text(level: Option<u8>) -> String {
    level.map_or_else(|| "n/a".to_string(), |l| l.to_string())
}

/// A data attribute holding several values, one per line.
fn values(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| escape(s))
        .collect::<Vec<_>>()
        .join("&#10;")
}

fn select(out: &mut String, filter: &str, label: &str, options: &[(String, String)]) {
    let _ = write!(
        out,
        r#"<label>{label}<select id="filter-{filter}" data-filter="{filter}"><option value="">all</option>"#
    );
    for (value, text) in options {
        let _ = write!(
            out,
            r#"<option value="{}">{}</option>"#,
            escape(value),
            escape(text)
        );
    }
    out.push_str("</select></label>");
}

fn summary(out: &mut String, report: &Report<'_>) {
    let scan = report.scan;
    let card = &scan.scorecard;
    let resources: usize = scan.documents.iter().map(|d| d.resources.len()).sum();
    let _ = write!(
        out,
        r#"<header><h1>rungs maturity report</h1><p class="meta">{} · {} · {} root modules, {} resources, {} policies · rungs {}</p><div class="cards">"#,
        escape(&scan.root),
        escape(&scan.model.model.title()),
        scan.documents.len(),
        resources,
        scan.bundle.policies.len(),
        env!("CARGO_PKG_VERSION")
    );
    let cards = [
        ("program level", level_text(card.level), false),
        (
            "score",
            card.score.map_or("n/a".into(), |m| format!("{m:.2}")),
            false,
        ),
        ("passed", report.count(Outcome::Pass).to_string(), false),
        (
            "failed",
            report.count(Outcome::Fail).to_string(),
            report.count(Outcome::Fail) > 0,
        ),
        (
            "errors",
            report.count(Outcome::Error).to_string(),
            report.count(Outcome::Error) > 0,
        ),
        ("waived", report.count(Outcome::Waived).to_string(), false),
        (
            "not judged",
            report.count(Outcome::Unknown).to_string(),
            false,
        ),
    ];
    for (name, value, bad) in cards {
        let _ = write!(
            out,
            r#"<div class="card{}"><b>{value}</b><span>{name}</span></div>"#,
            if bad { " bad" } else { "" }
        );
    }
    if !report.gate.is_empty() {
        let (class, text) = if report.gate_passed() {
            ("card", "passed")
        } else {
            ("card bad", "FAILED")
        };
        let _ = write!(
            out,
            r#"<div class="{class}"><b>{text}</b><span>gate</span></div>"#
        );
    }
    out.push_str("</div>");
    verdict(out, card);
    out.push_str("</header>");
}

/// "Program L1 (1.45), limited by NET Network security", and the scope with its reason.
fn verdict(out: &mut String, card: &Scorecard) {
    let program = match card.level {
        Some(l) => match card.score {
            Some(s) => format!("L{l} ({s:.2})"),
            None => format!("L{l}"),
        },
        None => "n/a (no evidence)".into(),
    };
    let _ = write!(out, r#"<p id="verdict">Program <b>{program}</b>"#);
    if let Some(id) = &card.limiting {
        let name = card.category(id).map_or("", |c| c.name.as_str());
        let _ = write!(out, ", limited by <b>{}</b> {}", escape(id), escape(name));
    }
    let scope = &card.scope;
    let why = match scope.origin {
        Origin::Detected => format!("detected: {}", scope.reason),
        Origin::Flag | Origin::Config => scope.reason.clone(),
    };
    let _ = write!(
        out,
        r#"</p><p id="scope">Scope <b>{}</b> ({}){}</p>"#,
        scope.scope.as_str(),
        escape(&why),
        if scope.scope == Scope::Estate {
            ""
        } else {
            "; account- and organisation-level objectives are out of scope"
        }
    );
}

fn levels(out: &mut String, report: &Report<'_>) {
    let card = &report.scan.scorecard;
    let mut bars = vec![Bar {
        label: "Program".into(),
        level: card.level,
        score: card.score,
        note: card.limiting.as_ref().map(|id| format!("limited by {id}")),
        heading: true,
    }];
    for domain in &card.domains {
        bars.push(Bar {
            label: domain.name.clone(),
            level: domain.level,
            score: domain.score,
            note: None,
            heading: true,
        });
        for category in &domain.categories {
            let pending = category.pending_attestations.len();
            let note = if category.out_of_scope {
                Some("out of scope".to_string())
            } else if pending > 0 {
                Some(format!(
                    "{pending} attestation{} pending",
                    if pending == 1 { "" } else { "s" }
                ))
            } else {
                None
            };
            bars.push(Bar {
                label: format!(
                    "{} {}{}",
                    category.id,
                    category.name,
                    if category.provisional { "*" } else { "" }
                ),
                level: category.level,
                score: category.score,
                note,
                heading: false,
            });
        }
    }
    out.push_str(r#"<section id="levels"><h2>Maturity levels</h2><div class="panel">"#);
    out.push_str(&svg::bars(
        "levels-chart",
        "Program, domain and category levels and scores",
        &bars,
    ));
    out.push_str(r#"<p class="note">Solid: the level; pale: progress toward the next level (the score).</p></div></section>"#);
}

fn trend(out: &mut String, trend: &Trend) {
    let points: Vec<Point> = trend
        .commits
        .iter()
        .map(|c| Point {
            time: c.time,
            label: c.label(),
            level: c.level,
            score: c.score,
        })
        .collect();
    out.push_str(r#"<section id="trend"><h2>Trend</h2><div class="panel">"#);
    out.push_str(&svg::trend("trend-chart", &points));
    out.push_str("</div></section>");
}

fn level_score(level: Option<u8>, score: Option<f64>) -> String {
    match level {
        Some(l) => svg::numbers(l, score),
        None => "n/a".into(),
    }
}

/// `file:line`, the file, or scan-wide.
fn place(file: &Option<String>, line: Option<usize>) -> String {
    match (file, line) {
        (Some(f), Some(l)) => format!("{f}:{l}"),
        (Some(f), None) => f.clone(),
        (None, _) => SCAN_WIDE.into(),
    }
}

/// One row of a category's plan: action, location, resource, policy, objective, what to do.
fn step_row(out: &mut String, step: &Step) {
    let code = |s: &str| format!("<code>{}</code>", escape(s));
    let within = |root: &str, r: &str| {
        if root.is_empty() || root == "." {
            code(r)
        } else {
            format!("{} › {}", code(root), code(r))
        }
    };
    let (action, location, resource, policy, what) = match step {
        Step::Fix {
            policy,
            severity,
            root,
            resource,
            file,
            line,
            message,
            remediation,
            ..
        } => (
            "fix",
            code(&place(file, *line)),
            within(root, resource),
            format!(
                r#"{} <span class="sev {}">{}</span>"#,
                code(policy),
                escape(severity),
                escape(severity)
            ),
            if remediation.is_empty() {
                escape(message)
            } else {
                format!("{}<br><em>how:</em> {}", escape(message), escape(remediation))
            },
        ),
        Step::FixError {
            policy,
            root,
            resource,
            file,
            line,
            message,
            ..
        } => (
            "fix error",
            code(&place(file, *line)),
            within(root, resource),
            code(policy),
            format!("failed to evaluate: {}", escape(message)),
        ),
        Step::AddEvidence {
            level,
            title,
            resource_types,
            policies,
            ..
        } => (
            "add",
            "–".into(),
            format!(
                "a compliant {}",
                resource_types
                    .iter()
                    .map(|t| code(t))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            policies.iter().map(|p| code(p)).collect::<Vec<_>>().join(" "),
            format!("L{level}: {} (nothing evidences it yet)", escape(title)),
        ),
        Step::Attest {
            level,
            title,
            expired,
            ..
        } => (
            if *expired { "renew" } else { "attest" },
            "–".into(),
            "–".into(),
            "–".into(),
            format!(
                "L{level}: {} (only a person can evidence it: {} its attestation in the config file)",
                escape(title),
                if *expired { "renew" } else { "add" }
            ),
        ),
    };
    let _ = write!(
        out,
        r#"<tr class="step {}"><td>{action}</td><td>{location}</td><td>{resource}</td><td>{policy}</td><td><code>{}</code></td><td>{what}</td></tr>"#,
        action.replace(' ', "-"),
        escape(step.objective())
    );
}

/// The plan: per category below its target, the changes that lift it, best yield first.
fn next_steps(out: &mut String, plans: &[CategoryPlan]) {
    let _ = write!(
        out,
        r#"<section id="next-steps"><h2>Next steps ({} categor{} below target, best yield first)</h2>"#,
        plans.len(),
        if plans.len() == 1 { "y" } else { "ies" }
    );
    if plans.is_empty() {
        out.push_str("<p>Every category in scope is at its target; nothing to plan.</p></section>");
        return;
    }
    for (i, plan) in plans.iter().enumerate() {
        let reaches = match plan.reaches {
            Some(r) if r >= plan.target => level_score(Some(r), plan.score_after),
            Some(r) => format!(
                "{} (target L{} needs more than these steps)",
                level_score(Some(r), plan.score_after),
                plan.target
            ),
            None => "n/a".into(),
        };
        let n = plan.steps.len();
        let _ = write!(
            out,
            r#"<details class="plan"{}><summary>{} {}: {} → {reaches} in {n} change{}{}</summary><table><thead><tr><th>Action</th><th>Location</th><th>Resource</th><th>Policy</th><th>Objective</th><th>What to do</th></tr></thead><tbody>"#,
            if i < 3 { " open" } else { "" },
            escape(&plan.category),
            escape(&plan.name),
            level_score(plan.level, plan.score),
            if n == 1 { "" } else { "s" },
            if plan.explicit { " (target)" } else { "" }
        );
        for step in &plan.steps {
            step_row(out, step);
        }
        out.push_str("</tbody></table></details>");
    }
    out.push_str("</section>");
}

fn objectives(out: &mut String, report: &Report<'_>) {
    out.push_str(r#"<section id="objectives"><h2>Objectives and their evidence</h2>"#);
    for domain in &report.scan.scorecard.domains {
        let _ = write!(
            out,
            "<h3>{} · {}</h3>",
            escape(&domain.name),
            level_score(domain.level, domain.score)
        );
        for category in &domain.categories {
            let open = category
                .objectives
                .iter()
                .any(|o| matches!(o.status, Status::Failed | Status::Error));
            let _ = write!(
                out,
                r#"<details{}><summary>{} {} · {} · coverage {:.0}%</summary><table><thead><tr><th>Objective</th><th>Level</th><th>Title</th><th>Evidence</th><th>Status</th><th>Passed</th><th>Failed</th><th>Errors</th><th>Waived</th><th>Rate</th><th>Policies</th></tr></thead><tbody>"#,
                if open { " open" } else { "" },
                escape(&category.id),
                escape(&category.name),
                if category.out_of_scope {
                    "out of scope".to_string()
                } else {
                    level_score(category.level, category.score)
                },
                category.coverage * 100.0
            );
            for o in &category.objectives {
                let (status, evidence) = (name(o.status), name(o.evidence));
                let _ = write!(
                    out,
                    r#"<tr><td><code>{}</code></td><td class="num">{}</td><td>{}</td><td>{evidence}</td><td class="status {status}">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td></tr>"#,
                    escape(&o.id),
                    o.level,
                    escape(&o.title),
                    o.status.as_str(),
                    o.passed,
                    o.failed,
                    o.errors,
                    o.waived,
                    o.rate.map_or("–".into(), |r| format!("{:.0}%", r * 100.0)),
                    o.policies
                        .iter()
                        .map(|p| format!("<code>{}</code>", escape(p)))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
            out.push_str("</tbody></table></details>");
        }
    }
    out.push_str("</section>");
}

const SCAN_WIDE: &str = "(scan-wide)";

fn findings(out: &mut String, report: &Report<'_>) {
    let categories = policy_categories(report.scan);
    // Unknown (not judged) results are listed too: never a pass, so never hidden.
    let checks: Vec<_> = report
        .problems()
        .into_iter()
        .chain(report.waived())
        .chain(report.unjudged())
        .collect();
    let _ = write!(
        out,
        r#"<section id="findings"><h2>Findings ({})</h2>"#,
        checks.len()
    );
    if checks.is_empty() {
        out.push_str("<p>No failed, errored or waived checks.</p></section>");
        return;
    }
    let mut severities = BTreeSet::new();
    let mut files = BTreeSet::new();
    let mut used_categories: BTreeSet<&str> = BTreeSet::new();
    for c in &checks {
        if let Some(p) = report.policy(&c.policy) {
            severities.insert(std::cmp::Reverse(p.meta.severity));
        }
        files.insert(c.file.as_deref().unwrap_or(SCAN_WIDE));
        used_categories.extend(
            categories
                .get(c.policy.as_str())
                .into_iter()
                .flatten()
                .copied(),
        );
    }
    out.push_str(r#"<div class="filters">"#);
    let options = |items: Vec<String>| {
        items
            .into_iter()
            .map(|s| (s.clone(), s))
            .collect::<Vec<_>>()
    };
    select(
        out,
        "severity",
        "Severity",
        &options(
            severities
                .iter()
                .map(|s| s.0.as_str().to_string())
                .collect(),
        ),
    );
    let category_options: Vec<(String, String)> = report
        .scan
        .scorecard
        .categories()
        .filter(|c| used_categories.contains(&c.id.as_str()))
        .map(|c| (c.id.clone(), format!("{} {}", c.id, c.name)))
        .collect();
    select(out, "category", "Category", &category_options);
    select(
        out,
        "file",
        "File",
        &options(files.iter().map(|f| f.to_string()).collect()),
    );
    out.push_str(r#"<span id="findings-count"></span></div><div class="panel"><table id="findings-table"><thead><tr><th>Severity</th><th>Outcome</th><th>Policy</th><th>Categories</th><th>Location</th><th>Resource</th><th>Message</th></tr></thead><tbody>"#);
    for c in checks {
        let severity = report
            .policy(&c.policy)
            .map_or("", |p| p.meta.severity.as_str());
        let title = report
            .policy(&c.policy)
            .map_or("", |p| p.meta.title.as_str());
        let cats: &[&str] = categories.get(c.policy.as_str()).map_or(&[], Vec::as_slice);
        let outcome = name(c.outcome);
        let mut message = escape(c.message.as_deref().unwrap_or(""));
        if let Some(w) = &c.waiver {
            let until = w
                .expires
                .as_ref()
                .map_or(String::new(), |e| format!(" until {e}"));
            let _ = write!(
                message,
                " <em>(waived: {}{}: {})</em>",
                escape(&w.source),
                escape(&until),
                escape(&w.reason)
            );
        }
        let _ = write!(
            out,
            r#"<tr data-severity="{severity}" data-category="{}" data-file="{}"><td><span class="sev {severity}">{severity}</span></td><td class="outcome {outcome}">{outcome}</td><td><code title="{}">{}</code></td><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{message}</td></tr>"#,
            values(cats),
            escape(c.file.as_deref().unwrap_or(SCAN_WIDE)),
            escape(title),
            escape(&c.policy),
            escape(&cats.join(", ")),
            escape(&location(c).unwrap_or_else(|| SCAN_WIDE.to_string())),
            escape(&resource(c)),
        );
    }
    out.push_str("</tbody></table></div></section>");
}

fn problems_and_gate(out: &mut String, report: &Report<'_>) {
    let diagnostics = &report.scan.diagnostics;
    if !diagnostics.is_empty() {
        let _ = write!(
            out,
            r#"<section id="problems"><h2>Problems ({})</h2><div class="panel"><table><thead><tr><th>Code</th><th>Severity</th><th>Location</th><th>Message</th></tr></thead><tbody>"#,
            diagnostics.len()
        );
        for d in diagnostics {
            let severity = if d.is_error() { "error" } else { "warning" };
            let help = d.help.as_ref().map_or(String::new(), |h| {
                format!("<br><em>help: {}</em>", escape(h))
            });
            let _ = write!(
                out,
                r#"<tr><td><code>{}</code></td><td class="outcome {severity}">{severity}</td><td><code>{}</code></td><td>{}{help}</td></tr>"#,
                d.code.as_str(),
                d.location
                    .as_ref()
                    .map_or(String::new(), |l| escape(&l.to_string())),
                escape(&d.message)
            );
        }
        out.push_str("</tbody></table></div></section>");
    }
    if !report.gate.is_empty() {
        out.push_str(r#"<section id="gate"><h2>Gate</h2><ul>"#);
        for g in report.gate {
            let what = match &g.requirement.target {
                Target::Program => "program".to_string(),
                Target::Domain(id) => format!("domain {id}"),
                Target::Category(id) => format!("category {id}"),
            };
            let _ = write!(
                out,
                r#"<li class="{}">{} {}: {}</li>"#,
                if g.passed { "ok" } else { "fail" },
                if g.passed { "ok" } else { "FAIL" },
                escape(&what),
                escape(&g.describe())
            );
        }
        out.push_str("</ul></section>");
    }
}

pub fn render(report: &Report<'_>, trend_data: Option<&Trend>) -> String {
    let mut out = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>rungs · {}</title><style>{CSS}</style></head><body>"#,
        escape(&report.scan.root)
    );
    summary(&mut out, report);
    levels(&mut out, report);
    if let Some(t) = trend_data {
        trend(&mut out, t);
    }
    next_steps(&mut out, &report.scan.plan);
    findings(&mut out, report);
    problems_and_gate(&mut out, report);
    objectives(&mut out, report);
    let _ = writeln!(
        out,
        "<footer>Generated by rungs {} from local files; this page loads nothing from the network.</footer><script>{JS}</script></body></html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trend::{render, Row};

    fn row(commit: &str, time: i64, level: Option<u8>, score: Option<f64>) -> Row {
        Row {
            commit: commit.into(),
            date: crate::trend::date::iso8601(time, 60),
            time,
            subject: "fix <it>".into(),
            level,
            score,
            limiting: None,
            scope: crate::scope::Scope::Workload,
            domains: Vec::new(),
            categories: Vec::new(),
            roots: 1,
            passed: 0,
            failed: 0,
            errors: 0,
            waived: 0,
            status: "ok",
            unparsed: Vec::new(),
            error_count: 0,
            objectives: Vec::new(),
            rules: (0.9, false),
        }
    }

    #[test]
    fn trend_reads_what_rungs_trend_writes() {
        let rows = [
            row("0123456789abcdef", 1_714_521_600, Some(1), Some(1.45)),
            row("fedcba9876543210", 1_714_608_000, None, None),
        ];
        let t = parse_trend(&render::json(&rows, &["a note".into()])).unwrap();
        assert_eq!(t.commits.len(), 2);
        assert_eq!(t.commits[0].label(), "2024-05-01 0123456 fix <it>");
        assert_eq!(t.commits[0].time, 1_714_521_600);
        assert_eq!(
            (t.commits[0].level, t.commits[0].score),
            (Some(1), Some(1.45))
        );
        assert_eq!((t.commits[1].level, t.commits[1].score), (None, None));
    }

    #[test]
    fn trend_errors_say_what_is_wrong() {
        let commit = |fields: &str| {
            format!(
                r#"{{"schema_version": 2, "commits": [{{"commit": "abc", "date": "2024-05-01T00:00:00+00:00", "time": 1, {fields}}}]}}"#
            )
        };
        let cases = [
            (commit(r#""level": 7, "score": null"#), "commits[0].level must be 0 to 5 or null"),
            (commit(r#""level": 1, "score": 5.5"#), "commits[0].score must be 0 to 5 or null"),
            (
                r#"{"points": [{"label": "v1", "level": 1}]}"#.into(),
                "this is the `{\"points\": [...]}` shape older versions read; --trend now reads what `rungs trend --format json` writes",
            ),
            (
                r#"{"schema_version": 1, "commits": []}"#.into(),
                "schema_version 1 is not the trend JSON this rungs reads (2)",
            ),
            (r#"{"commits": []}"#.into(), "missing field `schema_version`"),
        ];
        for (text, message) in cases {
            assert_eq!(parse_trend(&text).unwrap_err(), message, "{text}");
        }
        let bad_date = r#"{"schema_version": 2, "commits": [{"commit": "abc", "date": "May 1st, 2024", "time": 1, "level": 1, "score": 1.0}]}"#;
        assert_eq!(
            parse_trend(bad_date).unwrap_err(),
            "commits[0] needs a commit id and an ISO 8601 date"
        );
    }

    #[test]
    fn plan_steps_are_rows_with_everything_escaped() {
        let mut out = String::new();
        let steps = [
            Step::Fix {
                objective: "NET-1.1".into(),
                policy: "P-1".into(),
                severity: "critical".into(),
                root: "envs/prod".into(),
                resource: "aws_security_group.a".into(),
                file: Some("envs/prod/sg.tf".into()),
                line: Some(12),
                message: "opens <22>".into(),
                remediation: "use \"10.0.0.0/8\" & a VPN".into(),
            },
            Step::FixError {
                objective: "NET-1.2".into(),
                policy: "P-2".into(),
                root: ".".into(),
                resource: "x.y".into(),
                file: None,
                line: None,
                message: "boom".into(),
            },
            Step::AddEvidence {
                objective: "LOG-2.1".into(),
                level: 2,
                title: "Flow logs".into(),
                resource_types: vec!["aws_flow_log".into(), "aws_vpc".into()],
                policies: vec!["P-3".into()],
            },
            Step::Attest {
                objective: "GOV-1.1".into(),
                level: 1,
                title: "An owner".into(),
                expired: true,
            },
        ];
        for step in &steps {
            step_row(&mut out, step);
        }
        let rows: Vec<&str> = out.split_inclusive("</tr>").collect();
        assert_eq!(
            rows,
            [
                r#"<tr class="step fix"><td>fix</td><td><code>envs/prod/sg.tf:12</code></td><td><code>envs/prod</code> › <code>aws_security_group.a</code></td><td><code>P-1</code> <span class="sev critical">critical</span></td><td><code>NET-1.1</code></td><td>opens &lt;22&gt;<br><em>how:</em> use &quot;10.0.0.0/8&quot; &amp; a VPN</td></tr>"#,
                r#"<tr class="step fix-error"><td>fix error</td><td><code>(scan-wide)</code></td><td><code>x.y</code></td><td><code>P-2</code></td><td><code>NET-1.2</code></td><td>failed to evaluate: boom</td></tr>"#,
                r#"<tr class="step add"><td>add</td><td>–</td><td>a compliant <code>aws_flow_log</code> or <code>aws_vpc</code></td><td><code>P-3</code></td><td><code>LOG-2.1</code></td><td>L2: Flow logs (nothing evidences it yet)</td></tr>"#,
                r#"<tr class="step renew"><td>renew</td><td>–</td><td>–</td><td>–</td><td><code>GOV-1.1</code></td><td>L1: An owner (only a person can evidence it: renew its attestation in the config file)</td></tr>"#,
            ]
        );
    }
}
