//! The diff in text (terminal), JSON (programs) and Markdown (a pull-request comment).

use super::{Change, Diff, Direction, FindingChange, LevelChange, Regressions, Scope};
use crate::diagnostics::Diagnostic;
use crate::policy::Severity;
use crate::scan::Scan;
use serde::Serialize;
use std::fmt::Write;

/// Version of the JSON diff shape; additions keep it, removals and renames bump it.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything a diff report shows.
pub struct DiffReport<'a> {
    pub base_label: &'a str,
    pub head_label: &'a str,
    pub base: &'a Scan,
    pub head: &'a Scan,
    pub diff: &'a Diff,
    /// New findings at or above this severity count as regressions.
    pub severity: Severity,
    /// Prefix for Markdown links to files: the scanned directory's path in the repository
    /// (`infra/`), or a URL such as `https://host/org/repo/blob/SHA/`.
    pub link_base: &'a str,
}

impl DiffReport<'_> {
    pub fn regressions(&self) -> Regressions<'_> {
        self.diff.regressions(self.severity)
    }
}

fn level(l: Option<u8>) -> String {
    l.map_or_else(|| "n/a".to_string(), |l| l.to_string())
}

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Same => "=",
        Direction::Up => "▲ up",
        Direction::Down => "▼ down",
        Direction::Gained => "+ new evidence",
        Direction::Lost => "- no evidence",
    }
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Program => "program",
        Scope::Domain => "domain",
        Scope::Category => "category",
    }
}

fn changed(diff: &Diff) -> Vec<&LevelChange> {
    diff.levels
        .iter()
        .filter(|l| l.direction != Direction::Same)
        .collect()
}

fn place(f: &FindingChange) -> String {
    match (&f.file, f.line) {
        (Some(file), Some(line)) => format!("{file}:{line}"),
        (Some(file), None) => file.clone(),
        _ => "(whole scan)".to_string(),
    }
}

fn errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| d.is_error()).count()
}

/// The terminal diff. `quiet`: only what regressed (levels down or without evidence, new
/// findings, errors) and the verdict. Many errors of one code are collapsed unless `verbose`.
pub fn text(r: &DiffReport<'_>, quiet: bool, verbose: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "rungs diff · {} → {}", r.base_label, r.head_label);
    for rename in r.diff.renamed_roots.iter().filter(|_| !quiet) {
        let _ = writeln!(s, "root module renamed: {} → {}", rename.from, rename.to);
    }
    let moved: Vec<_> = changed(r.diff)
        .into_iter()
        .filter(|l| !quiet || matches!(l.direction, Direction::Down | Direction::Lost))
        .collect();
    if !quiet || !moved.is_empty() {
        let _ = writeln!(s, "\nLevels");
    }
    if moved.is_empty() && !quiet {
        let program = &r.diff.levels[0];
        let _ = writeln!(s, "  no level changed (program {})", level(program.head));
    }
    for l in moved {
        let _ = writeln!(
            s,
            "  {:<9} {:<36} {:>3} → {:<3} {}",
            scope_name(l.scope),
            format!("{} {}", l.id, l.name),
            level(l.base),
            level(l.head),
            arrow(l.direction)
        );
    }
    for (change, title) in [
        (Change::New, "New findings"),
        (Change::Fixed, "Fixed findings"),
        (
            Change::Removed,
            "Removed with their resource or root module (not fixes)",
        ),
    ] {
        let list = r.diff.with_change(change);
        if (change == Change::Removed && list.is_empty())
            || (quiet && (change != Change::New || list.is_empty()))
        {
            continue;
        }
        let _ = writeln!(s, "\n{title} ({})", list.len());
        for f in list {
            let _ = writeln!(
                s,
                "  [{}] {} {}\n    {}  {} › {}  {}",
                f.severity.as_str(),
                f.policy,
                f.title,
                place(f),
                if f.root.is_empty() { "." } else { &f.root },
                f.resource,
                f.message
            );
        }
    }
    if !r.diff.waivers.is_empty() && !quiet {
        let _ = writeln!(s, "\nWaivers changed ({})", r.diff.waivers.len());
        for w in &r.diff.waivers {
            let _ = writeln!(
                s,
                "  {:<8} {} {} › {}  ({}: {}{})",
                w.change,
                w.policy,
                if w.root.is_empty() { "." } else { &w.root },
                w.resource,
                w.source,
                w.reason,
                w.expires
                    .as_ref()
                    .map_or(String::new(), |e| format!(", until {e}"))
            );
        }
    }
    if !quiet {
        let _ = writeln!(
            s,
            "\nUnchanged findings: {}",
            r.diff.count(Change::Unchanged)
        );
    }
    for (label, scan) in [(r.base_label, r.base), (r.head_label, r.head)] {
        let n = errors(&scan.diagnostics);
        if n > 0 {
            let _ = writeln!(
                s,
                "\n{n} error(s) scanning {label}; its results are incomplete:"
            );
            let shown: Vec<Diagnostic> = scan
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            let entries = if verbose {
                shown.iter().map(|d| d.to_string()).collect()
            } else {
                crate::diagnostics::collapse(&shown)
                    .into_iter()
                    .map(|(text, _)| text)
                    .collect::<Vec<_>>()
            };
            for text in entries {
                let _ = writeln!(s, "  {text}");
            }
        }
    }
    let reg = r.regressions();
    let _ = writeln!(
        s,
        "\nRegression: {} ({} level(s) down, {} new finding(s) at or above {})",
        if reg.any() { "yes" } else { "no" },
        reg.levels.len(),
        reg.findings.len(),
        r.severity.as_str()
    );
    s
}

#[derive(Serialize)]
struct Side<'a> {
    label: &'a str,
    level: Option<u8>,
    score: Option<f64>,
    errors: usize,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct JsonRegression<'a> {
    regressed: bool,
    severity: &'static str,
    levels_down: Vec<&'a str>,
    new_findings: usize,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    schema_version: u32,
    base: Side<'a>,
    head: Side<'a>,
    renamed_roots: &'a [super::Rename],
    summary: Summary,
    levels: &'a [LevelChange],
    findings: &'a [FindingChange],
    waivers: &'a [super::WaiverChange],
    regression: JsonRegression<'a>,
}

#[derive(Serialize)]
struct Summary {
    new: usize,
    fixed: usize,
    removed: usize,
    unchanged: usize,
}

fn side<'a>(label: &'a str, scan: &'a Scan) -> Side<'a> {
    Side {
        label,
        level: scan.scorecard.level,
        score: scan.scorecard.score,
        errors: errors(&scan.diagnostics),
        diagnostics: &scan.diagnostics,
    }
}

pub fn json(r: &DiffReport<'_>) -> String {
    let reg = r.regressions();
    let out = JsonDiff {
        schema_version: SCHEMA_VERSION,
        base: side(r.base_label, r.base),
        head: side(r.head_label, r.head),
        renamed_roots: &r.diff.renamed_roots,
        summary: Summary {
            new: r.diff.count(Change::New),
            fixed: r.diff.count(Change::Fixed),
            removed: r.diff.count(Change::Removed),
            unchanged: r.diff.count(Change::Unchanged),
        },
        waivers: &r.diff.waivers,
        levels: &r.diff.levels,
        findings: &r.diff.findings,
        regression: JsonRegression {
            regressed: reg.any(),
            severity: r.severity.as_str(),
            levels_down: reg.levels.iter().map(|l| l.id.as_str()).collect(),
            new_findings: reg.findings.len(),
        },
    };
    let mut s = serde_json::to_string_pretty(&out).expect("diff serializes");
    s.push('\n');
    s
}

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// How many findings of each kind the Markdown comment lists before folding the rest.
const MARKDOWN_LIST: usize = 50;

pub fn markdown(r: &DiffReport<'_>) -> String {
    let mut s = String::new();
    let program = &r.diff.levels[0];
    let reg = r.regressions();
    let _ = writeln!(
        s,
        "### rungs: {} → {}\n",
        cell(r.base_label),
        cell(r.head_label)
    );
    let _ = writeln!(
        s,
        "Program level **{} → {}** · **{}** new, {} fixed, {} unchanged finding(s){}\n",
        level(program.base),
        level(program.head),
        r.diff.count(Change::New),
        r.diff.count(Change::Fixed),
        r.diff.count(Change::Unchanged),
        if reg.any() {
            " · :warning: regression"
        } else {
            ""
        }
    );
    for rename in &r.diff.renamed_roots {
        let _ = writeln!(
            s,
            "Root module renamed: `{}` → `{}`\n",
            rename.from, rename.to
        );
    }
    let moved = changed(r.diff);
    if moved.is_empty() {
        let _ = writeln!(s, "No level changed.\n");
    } else {
        let _ = writeln!(s, "| | | base | head | |\n|---|---|---:|---:|---|");
        for l in moved {
            let _ = writeln!(
                s,
                "| {} | {} {} | {} | {} | {} |",
                scope_name(l.scope),
                cell(&l.id),
                cell(&l.name),
                level(l.base),
                level(l.head),
                arrow(l.direction)
            );
        }
        s.push('\n');
    }
    for (change, title) in [
        (Change::New, "New findings"),
        (Change::Fixed, "Fixed findings"),
        (Change::Removed, "Removed with their resource (not fixes)"),
    ] {
        let list = r.diff.with_change(change);
        if list.is_empty() {
            continue;
        }
        if change != Change::New {
            let _ = writeln!(s, "<details><summary>{title} ({})</summary>\n", list.len());
        } else {
            let _ = writeln!(s, "#### {title} ({})\n", list.len());
        }
        let _ = writeln!(
            s,
            "| severity | policy | resource | where |\n|---|---|---|---|"
        );
        for f in list.iter().take(MARKDOWN_LIST) {
            let place = match (&f.file, f.line) {
                (Some(file), Some(line)) => {
                    format!("[{file}:{line}]({}{file}#L{line})", r.link_base)
                }
                (Some(file), None) => format!("[{file}]({}{file})", r.link_base),
                _ => "whole scan".to_string(),
            };
            let root = if f.root.is_empty() { "." } else { &f.root };
            let _ = writeln!(
                s,
                "| {} | `{}` {} | `{}` › `{}` | {} |",
                f.severity.as_str(),
                f.policy,
                cell(&f.title),
                cell(root),
                cell(&f.resource),
                place
            );
        }
        if list.len() > MARKDOWN_LIST {
            let _ = writeln!(
                s,
                "\n…and {} more (`rungs diff --format json` lists them all)",
                list.len() - MARKDOWN_LIST
            );
        }
        if change != Change::New {
            s.push_str("\n</details>\n");
        }
        s.push('\n');
    }
    for (label, scan) in [(r.base_label, r.base), (r.head_label, r.head)] {
        let n = errors(&scan.diagnostics);
        if n > 0 {
            let _ = writeln!(
                s,
                ":x: {n} error(s) scanning {}; its results are incomplete (`rungs scan` shows them).\n",
                cell(label)
            );
        }
    }
    s
}
