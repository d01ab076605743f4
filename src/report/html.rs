//! HTML: one self-contained page (inline CSS, JS and SVG; a Content-Security-Policy that forbids
//! every network load). Level charts, objectives with their evidence, a findings table filtered
//! by severity, category and file, problems, the gate, and a trend chart when given one.

use super::markup::{escape, location, policy_categories, resource};
use super::svg::{self, Bar, Point};
use super::Report;
use crate::evaluate::Outcome;
use crate::scan::Target;
use crate::score::Status;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write;

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// Trend data read with `--trend FILE` (shape in docs/formats.md).
#[derive(Debug, Deserialize)]
pub struct Trend {
    pub points: Vec<TrendPoint>,
}

#[derive(Debug, Deserialize)]
pub struct TrendPoint {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub commit: Option<String>,
    pub level: Option<u8>,
    #[serde(default)]
    pub score: Option<f64>,
}

impl TrendPoint {
    /// `label`, else the date and the short commit.
    fn label(&self) -> String {
        if let Some(label) = &self.label {
            return label.clone();
        }
        let commit = self.commit.as_deref().map(|c| &c[..c.len().min(7)]);
        [self.date.as_deref(), commit]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Parses and checks trend JSON; the error says what is wrong, for the user to fix the file.
pub fn parse_trend(text: &str) -> Result<Trend, String> {
    let trend: Trend = serde_json::from_str(text).map_err(|e| e.to_string())?;
    for (i, p) in trend.points.iter().enumerate() {
        if p.level.is_some_and(|l| l > crate::model::MAX_LEVEL) {
            return Err(format!("points[{i}].level must be 0 to 5 or null"));
        }
        if p.score.is_some_and(|m| !(0.0..=5.0).contains(&m)) {
            return Err(format!("points[{i}].score must be 0 to 5 or null"));
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
        escape(&format!(
            "{} {}",
            scan.model.model.name, scan.model.model.version
        )),
        scan.documents.len(),
        resources,
        scan.bundle.policies.len(),
        env!("CARGO_PKG_VERSION")
    );
    let cards = [
        ("program level", level_text(card.level), false),
        (
            "score",
            card.score.map_or("n/a".into(), |m| format!("{m:.1}")),
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
    out.push_str("</div></header>");
}

fn levels(out: &mut String, report: &Report<'_>) {
    let card = &report.scan.scorecard;
    let mut bars = vec![Bar {
        label: "Program".into(),
        level: card.level,
        heading: true,
    }];
    for domain in &card.domains {
        bars.push(Bar {
            label: domain.name.clone(),
            level: domain.level,
            heading: true,
        });
        for category in &domain.categories {
            bars.push(Bar {
                label: format!(
                    "{} {}{}",
                    category.id,
                    category.name,
                    if category.provisional { "*" } else { "" }
                ),
                level: category.level,
                heading: false,
            });
        }
    }
    out.push_str(r#"<section id="levels"><h2>Maturity levels</h2><div class="panel">"#);
    out.push_str(&svg::bars(
        "levels-chart",
        "Program, domain and category levels",
        &bars,
    ));
    out.push_str("</div></section>");
}

fn trend(out: &mut String, trend: &Trend) {
    let points: Vec<Point> = trend
        .points
        .iter()
        .map(|p| Point {
            label: p.label(),
            level: p.level,
            score: p.score,
        })
        .collect();
    out.push_str(r#"<section id="trend"><h2>Trend</h2><div class="panel">"#);
    out.push_str(&svg::trend("trend-chart", &points));
    out.push_str("</div></section>");
}

fn objectives(out: &mut String, report: &Report<'_>) {
    out.push_str(r#"<section id="objectives"><h2>Objectives and their evidence</h2>"#);
    for domain in &report.scan.scorecard.domains {
        let _ = write!(
            out,
            "<h3>{} · level {}</h3>",
            escape(&domain.name),
            level_text(domain.level)
        );
        for category in &domain.categories {
            let open = category
                .objectives
                .iter()
                .any(|o| matches!(o.status, Status::Failed | Status::Error));
            let _ = write!(
                out,
                r#"<details{}><summary>{} {} · level {} · coverage {:.0}%</summary><table><thead><tr><th>Objective</th><th>Level</th><th>Title</th><th>Evidence</th><th>Status</th><th>Passed</th><th>Failed</th><th>Errors</th><th>Waived</th><th>Rate</th><th>Policies</th></tr></thead><tbody>"#,
                if open { " open" } else { "" },
                escape(&category.id),
                escape(&category.name),
                level_text(category.level),
                category.coverage * 100.0
            );
            for o in &category.objectives {
                let (status, evidence) = (name(o.status), name(o.evidence));
                let _ = write!(
                    out,
                    r#"<tr><td><code>{}</code></td><td class="num">{}</td><td>{}</td><td>{evidence}</td><td class="status {status}">{status}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td></tr>"#,
                    escape(&o.id),
                    o.level,
                    escape(&o.title),
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
    let checks: Vec<_> = report
        .problems()
        .into_iter()
        .chain(report.waived())
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

    #[test]
    fn trend_labels_and_ranges() {
        let t = parse_trend(
            r#"{"points": [{"label": "v1", "level": 1, "score": 1.5},
                           {"date": "2024-05-01", "commit": "0123456789abcdef", "level": null}]}"#,
        )
        .unwrap();
        assert_eq!(t.points[0].label(), "v1");
        assert_eq!(t.points[1].label(), "2024-05-01 0123456");
        assert_eq!(
            parse_trend(r#"{"points": [{"level": 7}]}"#).unwrap_err(),
            "points[0].level must be 0 to 5 or null"
        );
        assert!(parse_trend(r#"{"point": []}"#)
            .unwrap_err()
            .contains("missing field `points`"));
    }
}
