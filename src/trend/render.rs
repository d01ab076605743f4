//! Trend rows as a terminal table, CSV (one line per commit, a column per domain and category)
//! and JSON.

use super::Row;
use serde::Serialize;
use std::fmt::Write;

/// Version of the JSON trend shape; additions keep it, removals and renames bump it.
pub const SCHEMA_VERSION: u32 = 2;

fn level(l: Option<u8>) -> String {
    l.map_or_else(|| "n/a".to_string(), |l| l.to_string())
}

/// Two decimals, as scores are computed: one would round 0.97 up to "1.0" beside level 0.
fn score(m: Option<f64>) -> String {
    m.map_or_else(String::new, |m| format!("{m:.2}"))
}

/// `1 (1.45)`: the level and, in brackets, the score (level plus progress to the next).
fn level_score(l: Option<u8>, m: Option<f64>) -> String {
    match m {
        Some(m) => format!("{} ({m:.2})", level(l)),
        None => level(l),
    }
}

/// Oldest first; one column per domain, plus one category when `category` is given.
pub fn table(rows: &[Row], category: Option<&str>) -> String {
    let mut s = String::new();
    let Some(first) = rows.first() else {
        return "no commits selected\n".to_string();
    };
    let _ = write!(s, "{:<8} {:<10} {:>9}", "commit", "date", "program");
    for d in &first.domains {
        let _ = write!(s, " {:>12.12}", d.id);
    }
    if let Some(c) = category {
        let _ = write!(s, " {:>9.9}", c);
    }
    let _ = writeln!(
        s,
        " {:>6} {:>6} {:>6}  {:<8} subject",
        "pass", "fail", "error", "status"
    );
    for row in rows {
        let program = level_score(row.level, row.score);
        let _ = write!(
            s,
            "{:<8} {:<10} {:>9}",
            row.short(),
            &row.date[..10],
            program
        );
        for d in &row.domains {
            let _ = write!(s, " {:>12}", level_score(d.level, d.score));
        }
        if let Some(c) = category {
            let point = row.categories.iter().find(|x| x.id == c);
            let _ = write!(
                s,
                " {:>9}",
                level_score(point.and_then(|x| x.level), point.and_then(|x| x.score))
            );
        }
        let _ = writeln!(
            s,
            " {:>6} {:>6} {:>6}  {:<8} {}",
            row.passed, row.failed, row.errors, row.status, row.subject
        );
    }
    s
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// RFC 4180 CSV; an empty cell is "no level" (no evidence).
pub fn csv(rows: &[Row]) -> String {
    let mut s = String::new();
    let mut header = vec![
        "commit",
        "date",
        "subject",
        "program_level",
        "program_score",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    if let Some(first) = rows.first() {
        for d in &first.domains {
            header.push(format!("{}_level", d.id));
            header.push(format!("{}_score", d.id));
        }
        for c in &first.categories {
            header.push(format!("{}_level", c.id));
            header.push(format!("{}_score", c.id));
        }
    }
    header.extend(
        [
            "roots", "passed", "failed", "errors", "waived", "status", "unparsed",
        ]
        .into_iter()
        .map(String::from),
    );
    let _ = writeln!(s, "{}", header.join(","));
    for row in rows {
        let mut cells = vec![
            row.commit.clone(),
            row.date.clone(),
            csv_field(&row.subject),
            opt(row.level),
            score(row.score),
        ];
        for d in &row.domains {
            cells.push(opt(d.level));
            cells.push(score(d.score));
        }
        for c in &row.categories {
            cells.push(opt(c.level));
            cells.push(score(c.score));
        }
        cells.extend([
            row.roots.to_string(),
            row.passed.to_string(),
            row.failed.to_string(),
            row.errors.to_string(),
            row.waived.to_string(),
            row.status.to_string(),
            csv_field(&row.unparsed.join(" ")),
        ]);
        let _ = writeln!(s, "{}", cells.join(","));
    }
    s
}

#[derive(Serialize)]
struct Output<'a> {
    schema_version: u32,
    notes: &'a [String],
    commits: &'a [Row],
}

pub fn json(rows: &[Row], notes: &[String]) -> String {
    let out = Output {
        schema_version: SCHEMA_VERSION,
        notes,
        commits: rows,
    };
    let mut s = serde_json::to_string_pretty(&out).expect("trend serializes");
    s.push('\n');
    s
}

/// JSON Lines: per commit, the objective, category, domain and program lines of a scan export
/// (no check lines), so warehouses chart history with the same schema they roll up.
pub fn jsonl(rows: &[Row], repository: &str, model: &str, bundle: &str, scanned: &str) -> String {
    use crate::report::jsonl::{scores, Context, Point};
    let mut out = String::new();
    for row in rows {
        let ctx = Context {
            repository: repository.to_string(),
            commit: Some(row.commit.clone()),
            commit_date: Some(row.date.clone()),
            scanned: scanned.to_string(),
            scope: row.scope,
            model: model.to_string(),
            bundle: bundle.to_string(),
            threshold: row.rules.0,
            strict: row.rules.1,
        };
        let categories: Vec<Point<'_>> = row
            .categories
            .iter()
            .map(|c| Point {
                id: &c.id,
                domain: Some(&c.domain),
                level: c.level,
                score: c.score,
            })
            .collect();
        let domains: Vec<Point<'_>> = row
            .domains
            .iter()
            .map(|d| Point {
                id: &d.id,
                domain: None,
                level: d.level,
                score: d.score,
            })
            .collect();
        scores(
            &mut out,
            &ctx,
            &row.objectives,
            &categories,
            &domains,
            (row.level, row.score, row.limiting.as_deref()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        assert_eq!(csv_field("plain subject"), "plain subject");
        assert_eq!(csv_field("fix: a, b"), "\"fix: a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
