//! The terminal report: levels and scores as bars, the next steps of the plan, findings grouped
//! by policy with file:line, problems met on the way, and the gate.

use super::Report;
use crate::check::{Check, Outcome, SCAN_ADDRESS};
use crate::diagnostics::Diagnostic;
use crate::model::MAX_LEVEL;
use std::fmt::Write;
use std::path::Path;

/// How many unjudged resources the summary lists.
const TOP_UNJUDGED: usize = 10;

fn bar(level: Option<u8>) -> String {
    match level {
        None => format!("{:<width$}", "", width = MAX_LEVEL as usize),
        Some(l) => {
            let l = l.min(MAX_LEVEL) as usize;
            format!("{}{}", "█".repeat(l), "░".repeat(MAX_LEVEL as usize - l))
        }
    }
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(String::new, |s| format!("{s:.2}"))
}

fn level_text(level: Option<u8>) -> String {
    level.map_or_else(|| "n/a".to_string(), |l| l.to_string())
}

fn location(check: &Check) -> String {
    super::markup::location(check).unwrap_or_else(|| "?".to_string())
}

/// `file:line  resource`, naming the root module where several share the resource's module
/// (else their lines read the same), or `scan-wide` for a result about the whole scan.
fn subject(check: &Check) -> String {
    if check.resource == SCAN_ADDRESS {
        "scan-wide".to_string()
    } else {
        format!("{}  {}", location(check), super::markup::resource(check))
    }
}

/// The source line a diagnostic points at, with a caret under its column, rustc style.
fn excerpt(scan: &crate::scan::Scan, d: &Diagnostic) -> Option<String> {
    let location = d.location.as_ref()?;
    let (line, column) = (location.line?, location.column.unwrap_or(1));
    if let Some(text) = scan.excerpts.get(&(location.file.clone(), line)) {
        return Some(caret(text, line, column));
    }
    let root = &scan.root;
    // Files in the scan are relative to its root; policy files as given on the command line.
    let path = Path::new(&location.file);
    // Bounded reads of regular files only: a FIFO must not block the report.
    // Only policy files fall back to the working directory: a `scan --rev` root is not a
    // directory, and the working tree's copy of a Terraform file is not the revision's.
    let bytes = crate::read::file(&Path::new(root).join(path))
        .or_else(|e| match path.extension() {
            Some(ext) if ext == "rego" => crate::read::file(path),
            _ => Err(e),
        })
        .ok()?;
    let text = String::from_utf8_lossy(&bytes);
    Some(caret(text.lines().nth(line.checked_sub(1)?)?, line, column))
}

/// A source line cut to a window around `column`, with a caret under it.
fn caret(text: &str, line: usize, column: usize) -> String {
    let chars: Vec<char> = text.replace('\t', "    ").chars().collect();
    // A long line is cut to a window around the column, so the caret stays on screen.
    let col = column.saturating_sub(1).min(chars.len());
    let start = col.saturating_sub(EXCERPT_WIDTH / 2);
    let end = (start + EXCERPT_WIDTH).min(chars.len());
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    let source: String = chars[start..end].iter().collect();
    let gutter = " ".repeat(line.to_string().len());
    let caret = " ".repeat(col - start + lead.chars().count());
    format!("\n{gutter} |\n{line} | {lead}{source}{tail}\n{gutter} | {caret}^")
}

/// Widest source excerpt shown under a problem, in characters.
const EXCERPT_WIDTH: usize = 100;

/// What the report leaves out (`scan --quiet`, `--compact`) or spells out (`--verbose`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Only failures and the verdict: findings, error diagnostics, failed gate requirements.
    pub quiet: bool,
    /// No source excerpts under diagnostics.
    pub compact: bool,
    /// Every diagnostic on its own, none collapsed.
    pub verbose: bool,
}

pub fn render(report: &Report<'_>, options: &Options) -> String {
    let mut out = String::new();
    if !options.quiet {
        overview(&mut out, report);
    }
    findings(&mut out, report);
    if !options.quiet {
        others(&mut out, report);
    }
    problems(&mut out, report, options);
    gate(&mut out, report, options.quiet);
    if options.quiet && out.starts_with('\n') {
        out.remove(0);
    }
    out
}

/// The header, levels and next steps.
fn overview(out: &mut String, report: &Report<'_>) {
    let scan = report.scan;
    let card = &scan.scorecard;
    let resources: usize = scan.documents.iter().map(|d| d.resources.len()).sum();
    let _ = writeln!(
        out,
        "rungs {} · {} · {} root module{}, {} resources, {} policies{}",
        env!("CARGO_PKG_VERSION"),
        scan.root,
        scan.documents.len(),
        if scan.documents.len() == 1 { "" } else { "s" },
        resources,
        scan.bundle.policies.len(),
        scan.config
            .as_ref()
            .map_or(String::new(), |c| format!(" · config {c}"))
    );
    let _ = writeln!(
        out,
        "checks: {} passed, {} failed, {} errors{}{}",
        report.count(Outcome::Pass),
        report.count(Outcome::Fail),
        report.count(Outcome::Error),
        match report.count(Outcome::Waived) {
            0 => String::new(),
            n => format!(", {n} waived"),
        },
        match report.count(Outcome::Unknown) {
            0 => String::new(),
            n => format!(", {n} not judged (unknown values)"),
        }
    );

    let _ = writeln!(
        out,
        "scope: {} ({}){}",
        card.scope.scope,
        card.scope.reason,
        if card.strict {
            " · strict: attestations count"
        } else {
            ""
        }
    );

    let _ = writeln!(out, "\nMaturity · {}", scan.model.model.title());
    let _ = writeln!(
        out,
        "  {:<44} {}  {:>3}  {:>5}   {}",
        "Program",
        bar(card.level),
        level_text(card.level),
        score_text(card.score),
        card.limiting
            .as_ref()
            .map_or(String::new(), |c| format!("limited by {c}"))
    );
    for domain in &card.domains {
        let line = format!(
            "  {:<44} {}  {:>3}  {:>5}",
            domain.name,
            bar(domain.level),
            level_text(domain.level),
            score_text(domain.score),
        );
        let _ = writeln!(out, "{}", line.trim_end());
        for category in &domain.categories {
            let name = format!(
                "{} {}{}",
                category.id,
                category.name,
                if category.provisional { "*" } else { "" }
            );
            let pending = match category.pending_attestations.len() {
                0 => String::new(),
                n => format!(", {n} attestation{} pending", if n == 1 { "" } else { "s" }),
            };
            let detail = if category.out_of_scope {
                format!("out of scope for a {}", card.scope.scope)
            } else {
                match category.level {
                    None if pending.is_empty() => "no evidence".to_string(),
                    None => format!("no evidence from code{pending}"),
                    Some(_) => format!("coverage {:.0}%{pending}", category.coverage * 100.0),
                }
            };
            let _ = writeln!(
                out,
                "    {:<42} {}  {:>3}  {:>5}   {}",
                name,
                bar(category.level),
                level_text(category.level),
                score_text(category.score),
                detail
            );
        }
    }
    if card.categories().any(|c| c.provisional) {
        let _ = writeln!(
            out,
            "  * category name not confirmed by public CSMM sources"
        );
    }

    super::plan::next_steps(out, &scan.plan);
}

/// Failed and errored checks, by policy.
fn findings(out: &mut String, report: &Report<'_>) {
    let problems = report.problems();
    if !problems.is_empty() {
        let _ = writeln!(out, "\nFindings ({})", problems.len());
        let mut current = "";
        for check in problems {
            if check.policy != current {
                current = &check.policy;
                let (severity, title) = report.policy(current).map_or(("", ""), |p| {
                    (p.meta.severity.as_str(), p.meta.title.as_str())
                });
                let _ = writeln!(out, "  {current} [{severity}] {title}");
            }
            let tag = if check.outcome == Outcome::Error {
                "ERROR "
            } else {
                ""
            };
            if check.resource == SCAN_ADDRESS {
                let message = check.message.as_deref().unwrap_or("");
                let _ = writeln!(out, "    scan-wide  {tag}{message}");
                continue;
            }
            let _ = writeln!(
                out,
                "    {}  {}{}  {}",
                location(check),
                tag,
                super::markup::resource(check),
                check.message.as_deref().unwrap_or("")
            );
        }
    }
}

/// Waived and unjudged checks, and attestations.
fn others(out: &mut String, report: &Report<'_>) {
    let scan = report.scan;
    let waived = report.waived();
    if !waived.is_empty() {
        let _ = writeln!(out, "\nWaived ({})", waived.len());
        for check in waived {
            let (source, reason, expires) = check.waiver.as_ref().map_or(("", "", None), |w| {
                (w.source.as_str(), w.reason.as_str(), w.expires.as_deref())
            });
            let until = expires.map_or(String::new(), |e| format!(" until {e}"));
            let _ = writeln!(
                out,
                "  {} {}  [{source}{until}] {reason}",
                check.policy,
                subject(check)
            );
        }
    }

    let unjudged = report.unjudged();
    if !unjudged.is_empty() {
        let _ = writeln!(
            out,
            "\nNot judged: values unknown at scan time ({})",
            unjudged.len()
        );
        for check in unjudged.iter().take(TOP_UNJUDGED) {
            let _ = writeln!(
                out,
                "  {} {}  {}",
                check.policy,
                subject(check),
                check.message.as_deref().unwrap_or("")
            );
        }
        if unjudged.len() > TOP_UNJUDGED {
            let _ = writeln!(
                out,
                "  … and {} more (see --format json)",
                unjudged.len() - TOP_UNJUDGED
            );
        }
    }

    super::evidence::text(out, scan);
}

/// Diagnostics: errors only when quiet, many of one code collapsed unless verbose.
fn problems(out: &mut String, report: &Report<'_>, options: &Options) {
    let scan = report.scan;
    let shown: Vec<Diagnostic> = scan
        .diagnostics
        .iter()
        .filter(|d| d.is_error() || !options.quiet)
        .cloned()
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nProblems ({})", shown.len());
    // A collapsed entry stands for many places: it gets no excerpt.
    let entries = if options.verbose {
        shown.iter().map(|d| (d.to_string(), Some(d))).collect()
    } else {
        crate::diagnostics::collapse(&shown)
    };
    for (mut text, d) in entries {
        if let Some(excerpt) = d
            .filter(|_| !options.compact)
            .and_then(|d| excerpt(scan, d))
        {
            // Put the source excerpt between the message and the help line.
            match text.find("\n  help:") {
                Some(i) => text.insert_str(i, &excerpt),
                None => text.push_str(&excerpt),
            }
        }
        let _ = writeln!(out, "  {}", text.replace('\n', "\n  "));
    }
}

/// The gate's verdict and requirements; only the failed ones when quiet.
fn gate(out: &mut String, report: &Report<'_>, quiet: bool) {
    if !report.gate.is_empty() {
        let verdict = if report.gate_passed() {
            "passed"
        } else {
            "FAILED"
        };
        let _ = writeln!(out, "\nGate {verdict}");
        for g in report.gate.iter().filter(|g| !(quiet && g.passed)) {
            let what = match &g.requirement.target {
                crate::scan::Target::Program => "program".to_string(),
                crate::scan::Target::Domain(id) => format!("domain {id}"),
                crate::scan::Target::Category(id) => format!("category {id}"),
            };
            let _ = writeln!(
                out,
                "  {} {what}: {}",
                if g.passed { "ok  " } else { "FAIL" },
                g.describe()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Location};

    #[test]
    fn excerpt_puts_the_caret_under_the_column_and_cuts_long_lines() {
        let dir = tempfile::tempdir().unwrap();
        // Neighbouring characters differ, so an off-by-one caret is caught.
        let long: String = (0..600)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        std::fs::write(dir.path().join("a.tf"), format!("a = 1\n{long}\n")).unwrap();
        let mut scan = crate::report::fixture::scan();
        scan.root = dir.path().to_str().unwrap().to_string();
        let root = &scan;
        let at = |line, column| {
            Diagnostic::error(Code::HclSyntax, "bad").at(Location::at("a.tf", line, column))
        };

        assert_eq!(
            excerpt(root, &at(1, 3)).unwrap(),
            "\n  |\n1 | a = 1\n  |   ^"
        );

        let cut = excerpt(root, &at(2, 200)).unwrap();
        let lines: Vec<&str> = cut.lines().collect();
        assert!(
            lines[2].starts_with("2 | …") && lines[2].ends_with('…'),
            "{cut}"
        );
        assert_eq!(lines[2].chars().count(), "2 | ".len() + EXCERPT_WIDTH + 2);
        // The caret points at character 200 of the line, shown after the leading ellipsis.
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        let shown: Vec<char> = lines[2].chars().collect();
        let original: Vec<char> = long.chars().collect();
        assert_eq!(shown[caret], original[199]);
        // Lines read from a revision come first; the file on disk is not looked at.
        scan.excerpts
            .insert(("a.tf".to_string(), 1), "from the revision".to_string());
        assert_eq!(
            excerpt(&scan, &at(1, 6)).unwrap(),
            "\n  |\n1 | from the revision\n  |      ^"
        );
    }
}
