//! Renderings of a roll-up: a terminal table, JSON (versioned, docs/json-output.md) and
//! Markdown. Categories run across, teams and the organisation down, so the weak spots line up.

use super::{GroupResult, HeldBack, Rollup};
use crate::date::Date;
use crate::report::svg;
use crate::score::Scorecard;
use serde::Serialize;
use std::fmt::Write;

pub const SCHEMA_VERSION: u32 = 1;

fn level(l: Option<u8>, s: Option<f64>) -> String {
    match (l, s) {
        (Some(l), Some(s)) => format!("{l} ({s:.2})"),
        (Some(l), None) => l.to_string(),
        _ => "n/a".into(),
    }
}

fn category_ids(card: &Scorecard) -> Vec<&str> {
    card.categories().map(|c| c.id.as_str()).collect()
}

fn cells(card: &Scorecard) -> Vec<String> {
    card.categories()
        .map(|c| c.level.map_or("-".into(), |l| l.to_string()))
        .collect()
}

/// A gate on the roll-up: the organisation or a team must reach a level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gate {
    /// `organisation` or a team name.
    pub target: String,
    pub min: u8,
    pub actual: Option<u8>,
    pub passed: bool,
}

pub fn text(r: &Rollup, gates: &[Gate]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "rungs aggregate · {} repositories · model {} · threshold {}{}",
        r.organisation.repositories,
        r.model,
        r.threshold,
        if r.strict { " · strict" } else { "" }
    );
    let ids = category_ids(&r.organisation.card);
    let _ = write!(s, "\n{:<24} {:>5} {:>10}", "", "repos", "level");
    for id in &ids {
        let _ = write!(s, " {id:>4}");
    }
    s.push('\n');
    let row = |s: &mut String, g: &GroupResult| {
        let _ = write!(
            s,
            "{:<24} {:>5} {:>10}",
            g.name,
            g.repositories,
            level(g.card.level, g.card.score)
        );
        for c in cells(&g.card) {
            let _ = write!(s, " {c:>4}");
        }
        if let Some(l) = &g.card.limiting {
            let _ = write!(s, "  limited by {l}");
        }
        s.push('\n');
    };
    row(&mut s, &r.organisation);
    for team in &r.teams {
        row(&mut s, team);
    }
    let _ = writeln!(s, "\nRepositories ({})", r.repositories.len());
    for repo in &r.repositories {
        let _ = writeln!(
            s,
            "  {:<32} {:<16} {:>10}  {:<8} {} {}{}",
            repo.repository,
            repo.team,
            level(repo.level, repo.score),
            repo.scope,
            repo.scanned,
            repo.commit
                .as_deref()
                .map_or("-".into(), |c| c[..c.len().min(7)].to_string()),
            repo.limiting
                .as_ref()
                .map_or(String::new(), |l| format!("  limited by {l}"))
        );
    }
    if !r.held_back.is_empty() {
        let _ = writeln!(s, "\nHolding back (at or below the organisation's level)");
        for h in &r.held_back {
            let _ = writeln!(s, "  {}", held_back_line(h));
        }
    }
    if !r.trend.is_empty() {
        let _ = writeln!(s, "\nTrend ({} days)", r.trend.len());
        for p in &r.trend {
            let _ = writeln!(
                s,
                "  {}  {:>5} repos  {}",
                p.date,
                p.repositories,
                level(p.level, p.score)
            );
        }
    }
    if !r.worst.is_empty() {
        let _ = writeln!(s, "\nWorst findings ({} shown)", r.worst.len());
        for f in &r.worst {
            let place = match (&f.file, f.line) {
                (Some(file), Some(line)) => format!("{file}:{line}"),
                (Some(file), None) => file.clone(),
                _ => "scan-wide".into(),
            };
            let _ = writeln!(
                s,
                "  [{}] {} {}  {place}  {}  {}",
                f.severity, f.repository, f.policy, f.address, f.message
            );
        }
    }
    if !r.left_out.is_empty() {
        let _ = writeln!(s, "\nLeft out of the roll-up ({})", r.left_out.len());
        for l in &r.left_out {
            let _ = writeln!(
                s,
                "  {} {}{}: {}",
                if l.error { "error  " } else { "warning" },
                l.file,
                l.repository
                    .as_ref()
                    .map_or(String::new(), |r| format!(" ({r})")),
                l.reason
            );
        }
    }
    if !gates.is_empty() {
        let passed = gates.iter().all(|g| g.passed);
        let _ = writeln!(s, "\nGate {}", if passed { "passed" } else { "FAILED" });
        for g in gates {
            let _ = writeln!(
                s,
                "  {} {}: level {} (needs {})",
                if g.passed { "ok  " } else { "FAIL" },
                g.target,
                g.actual.map_or("n/a".into(), |l| l.to_string()),
                g.min
            );
        }
    }
    s
}

/// How many repositories a category's line names before "and N more".
const HOLDERS_SHOWN: usize = 5;

/// `IAM level 1: acme/a 0, acme/b 1 (+3 more)`, or that no repository is below.
fn held_back_line(h: &HeldBack) -> String {
    let names: Vec<String> = h
        .repositories
        .iter()
        .take(HOLDERS_SHOWN)
        .map(|r| format!("{} {}", r.repository, level(Some(r.level), r.score)))
        .collect();
    let more = h.repositories.len().saturating_sub(HOLDERS_SHOWN);
    format!(
        "{} level {}: {}{}",
        h.category,
        h.level.map_or("n/a".into(), |l| l.to_string()),
        if names.is_empty() {
            "no single repository (the pooled results fall short)".to_string()
        } else {
            names.join(", ")
        },
        if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        }
    )
}

#[derive(Serialize)]
struct Group<'a> {
    name: &'a str,
    repositories: usize,
    level: Option<u8>,
    score: Option<f64>,
    limiting: Option<&'a str>,
    domains: Vec<Domain<'a>>,
}

#[derive(Serialize)]
struct Domain<'a> {
    id: &'a str,
    level: Option<u8>,
    score: Option<f64>,
    categories: Vec<Category<'a>>,
}

#[derive(Serialize)]
struct Category<'a> {
    id: &'a str,
    level: Option<u8>,
    score: Option<f64>,
}

fn group(g: &GroupResult) -> Group<'_> {
    Group {
        name: &g.name,
        repositories: g.repositories,
        level: g.card.level,
        score: g.card.score,
        limiting: g.card.limiting.as_deref(),
        domains: g
            .card
            .domains
            .iter()
            .map(|d| Domain {
                id: &d.id,
                level: d.level,
                score: d.score,
                categories: d
                    .categories
                    .iter()
                    .map(|c| Category {
                        id: &c.id,
                        level: c.level,
                        score: c.score,
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn json(r: &Rollup, gates: &[Gate]) -> String {
    let value = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "model": r.model,
        "bundle": r.bundle,
        "threshold": r.threshold,
        "strict": r.strict,
        "organisation": group(&r.organisation),
        "teams": r.teams.iter().map(group).collect::<Vec<_>>(),
        "repositories": r.repositories,
        "held_back": r.held_back,
        "trend": r.trend,
        "worst_findings": r.worst,
        "left_out": r.left_out,
        "gate": {"passed": gates.iter().all(|g| g.passed), "requirements": gates},
    });
    let mut s = serde_json::to_string_pretty(&value).expect("roll-up serializes");
    s.push('\n');
    s
}

pub fn markdown(r: &Rollup, gates: &[Gate]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## rungs · organisation level {} · {} repositories\n",
        level(r.organisation.card.level, r.organisation.card.score),
        r.organisation.repositories
    );
    let ids = category_ids(&r.organisation.card);
    let _ = writeln!(s, "| | repos | level | {} |", ids.join(" | "));
    let _ = writeln!(s, "|---|---:|---|{}", "---:|".repeat(ids.len()));
    for g in std::iter::once(&r.organisation).chain(&r.teams) {
        let _ = writeln!(
            s,
            "| **{}** | {} | {} | {} |",
            g.name.replace('|', "\\|"),
            g.repositories,
            level(g.card.level, g.card.score),
            cells(&g.card).join(" | ")
        );
    }
    if !r.held_back.is_empty() {
        s.push_str("\n### Holding back\n\n");
        for h in &r.held_back {
            let _ = writeln!(s, "- {}", held_back_line(h).replace('|', "\\|"));
        }
    }
    if !r.trend.is_empty() {
        s.push_str("\n### Trend\n\n| date | repos | level |\n|---|---:|---|\n");
        for p in &r.trend {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                p.date,
                p.repositories,
                level(p.level, p.score)
            );
        }
    }
    if !r.left_out.is_empty() {
        let _ = writeln!(s, "\n### Left out ({})\n", r.left_out.len());
        for l in &r.left_out {
            let _ = writeln!(s, "- `{}`: {}", l.file, l.reason.replace('|', "\\|"));
        }
    }
    if !gates.is_empty() {
        s.push_str("\n### Gate\n\n");
        for g in gates {
            let _ = writeln!(
                s,
                "- {} {}: level {} (needs {})",
                if g.passed { "✅" } else { "❌" },
                g.target,
                g.actual.map_or("n/a".into(), |l| l.to_string()),
                g.min
            );
        }
    }
    s
}

/// One self-contained page (no script, font or link to fetch): categories across, the
/// organisation and teams down as a heat map of levels, then the repositories, the worst
/// findings and what was left out.
pub fn html(r: &Rollup, gates: &[Gate]) -> String {
    use crate::report::markup::escape;
    let mut s = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>rungs organisation roll-up</title><style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:center}th.name,td.name{text-align:left}.l0{background:#f8d0cc}.l1{background:#fbe3c5}.l2{background:#fdf3c4}.l3{background:#e6f2c8}.l4{background:#cfe9cf}.l5{background:#b5dcb5}.na{color:#999}.error{color:#b00}svg.chart{display:block;max-width:100%;height:auto}svg .grid{stroke:#d9e2ec}svg .axis{fill:#616e7c;font-size:11px}svg .tick{stroke:#9aa5b1}svg path.level,svg path.score{fill:none;stroke-width:2.5}svg path.level{stroke:#2f6fb3}svg path.score{stroke:#9aa5b1;stroke-dasharray:6 4}svg .point{fill:#2f6fb3}svg .legend{font-size:12px}svg .legend.level{fill:#2f6fb3}svg .legend.score{fill:#616e7c}</style></head><body>",
    );
    let _ = write!(
        s,
        "<h1>Organisation level {}</h1><p>{} repositories · model {} · threshold {}{}</p>",
        escape(&level(r.organisation.card.level, r.organisation.card.score)),
        r.organisation.repositories,
        escape(&r.model),
        r.threshold,
        if r.strict { " · strict" } else { "" }
    );
    let ids = category_ids(&r.organisation.card);
    s.push_str("<table id=\"heatmap\"><tr><th class=\"name\"></th><th>repos</th><th>level</th>");
    for id in &ids {
        let _ = write!(s, "<th>{}</th>", escape(id));
    }
    s.push_str("</tr>");
    for g in std::iter::once(&r.organisation).chain(&r.teams) {
        let _ = write!(
            s,
            "<tr><td class=\"name\">{}</td><td>{}</td><td>{}</td>",
            escape(&g.name),
            g.repositories,
            escape(&level(g.card.level, g.card.score))
        );
        for c in g.card.categories() {
            match (c.level, c.score) {
                (Some(l), Some(sc)) => {
                    let _ = write!(s, "<td class=\"l{l}\" title=\"{sc:.2}\">{l}</td>");
                }
                _ => s.push_str("<td class=\"na\">n/a</td>"),
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    if !r.trend.is_empty() {
        let points: Vec<svg::Point> = r
            .trend
            .iter()
            .filter_map(|p| {
                let day = Date::parse(&p.date).ok()?;
                Some(svg::Point {
                    time: day.days_since(Date::EPOCH) * 86_400,
                    label: format!(
                        "{} · {} repositories · level {}",
                        p.date,
                        p.repositories,
                        level(p.level, p.score)
                    ),
                    level: p.level,
                    score: p.score,
                })
            })
            .collect();
        s.push_str("<h2>Trend</h2>");
        s.push_str(&svg::trend("trend-chart", &points));
        s.push_str("<table id=\"trend\"><tr><th>date</th><th>repos</th><th>level</th></tr>");
        for p in &r.trend {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&p.date),
                p.repositories,
                escape(&level(p.level, p.score))
            );
        }
        s.push_str("</table>");
    }
    if !r.held_back.is_empty() {
        s.push_str("<h2>Holding back</h2><p>Per category, the repositories at or below the organisation's level: until they climb, the organisation cannot.</p><table id=\"held-back\"><tr><th>category</th><th>level</th><th class=\"name\">repositories (lowest first)</th></tr>");
        for h in &r.held_back {
            let names: Vec<String> = h
                .repositories
                .iter()
                .take(HOLDERS_SHOWN)
                .map(|r| {
                    format!(
                        "<span class=\"l{}\">{} {}</span>",
                        r.level,
                        escape(&r.repository),
                        escape(&level(Some(r.level), r.score))
                    )
                })
                .collect();
            let more = h.repositories.len().saturating_sub(HOLDERS_SHOWN);
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"name\">{}{}</td></tr>",
                escape(&h.category),
                h.level.map_or("n/a".into(), |l| l.to_string()),
                if names.is_empty() {
                    "no single repository: the pooled results fall short".to_string()
                } else {
                    names.join(", ")
                },
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
        s.push_str("</table>");
    }
    s.push_str("<h2>Repositories</h2><table id=\"repositories\"><tr><th class=\"name\">repository</th><th>team</th><th>level</th><th>scope</th><th>scanned</th><th>limited by</th></tr>");
    for repo in &r.repositories {
        let _ = write!(
            s,
            "<tr><td class=\"name\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&repo.repository),
            escape(&repo.team),
            escape(&level(repo.level, repo.score)),
            escape(&repo.scope),
            escape(&repo.scanned),
            escape(repo.limiting.as_deref().unwrap_or(""))
        );
    }
    s.push_str("</table>");
    if !r.worst.is_empty() {
        s.push_str("<h2>Worst findings</h2><table id=\"worst\"><tr><th>severity</th><th class=\"name\">repository</th><th>policy</th><th class=\"name\">resource</th><th class=\"name\">message</th></tr>");
        for f in &r.worst {
            let _ = write!(
                s,
                "<tr><td>{}</td><td class=\"name\">{}</td><td>{}</td><td class=\"name\">{}</td><td class=\"name\">{}</td></tr>",
                escape(&f.severity),
                escape(&f.repository),
                escape(&f.policy),
                escape(&f.address),
                escape(&f.message)
            );
        }
        s.push_str("</table>");
    }
    if !r.left_out.is_empty() {
        s.push_str("<h2>Left out of the roll-up</h2><ul id=\"left-out\">");
        for l in &r.left_out {
            let _ = write!(
                s,
                "<li class=\"{}\">{}: {}</li>",
                if l.error { "error" } else { "warning" },
                escape(&l.file),
                escape(&l.reason)
            );
        }
        s.push_str("</ul>");
    }
    if !gates.is_empty() {
        s.push_str("<h2>Gate</h2><ul id=\"gate\">");
        for g in gates {
            let _ = write!(
                s,
                "<li>{} {}: level {} (needs {})</li>",
                if g.passed { "ok" } else { "FAIL" },
                escape(&g.target),
                g.actual.map_or("n/a".into(), |l| l.to_string()),
                g.min
            );
        }
        s.push_str("</ul>");
    }
    s.push_str("</body></html>\n");
    s
}
