//! JSON Lines: one self-describing object per line, for query engines (DuckDB, Spark, Trino)
//! reading many repositories' results at once. Every line carries the repository, commit, scope
//! and rules, so files can be concatenated or globbed without losing context. Lines come in a
//! fixed order: checks (as in the JSON report), then objectives, categories, domains and the
//! program in model order. docs/json-output.md#json-lines is the schema; `SCHEMA_VERSION` bumps
//! on any removal or change of meaning.

use super::Report;
use crate::attest::State;
use crate::scan::Scan;
use crate::score::{Scorecard, Status};
use serde::Serialize;
use serde_json::{json, Map, Value};

pub const SCHEMA_VERSION: u32 = 1;

/// What every line says about where it comes from and how it was scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub repository: String,
    pub commit: Option<String>,
    pub commit_date: Option<String>,
    pub scanned: String,
    pub scope: crate::scope::Scope,
    pub model: String,
    pub bundle: String,
    pub threshold: f64,
    pub strict: bool,
}

impl Context {
    pub fn of_scan(scan: &Scan) -> Context {
        let p = &scan.provenance;
        Context {
            repository: p.repository.clone(),
            commit: p.commit.clone(),
            commit_date: p.commit_date.clone(),
            scanned: p.scanned.clone(),
            scope: scan.scorecard.scope.scope,
            model: format!("{}@{}", scan.model.model.id, scan.model.model.version),
            bundle: scan.bundle.fingerprint(),
            threshold: scan.scorecard.threshold,
            strict: scan.scorecard.strict,
        }
    }

    fn line(&self, kind: &str) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("kind".into(), json!(kind));
        m.insert("schema_version".into(), json!(SCHEMA_VERSION));
        m.insert("repository".into(), json!(self.repository));
        m.insert("commit".into(), json!(self.commit));
        m.insert("commit_date".into(), json!(self.commit_date));
        m.insert("scanned".into(), json!(self.scanned));
        m.insert("scope".into(), json!(self.scope));
        m.insert("model".into(), json!(self.model));
        m.insert("bundle".into(), json!(self.bundle));
        m.insert("threshold".into(), json!(self.threshold));
        m.insert("strict".into(), json!(self.strict));
        m
    }
}

/// One objective's result, as its line carries it (kept per commit by `rungs trend`).
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectivePoint {
    pub id: String,
    pub category: String,
    pub domain: String,
    pub level: u8,
    pub evidence: crate::model::Evidence,
    pub status: Status,
    pub counts: crate::score::Counts,
    pub attested: bool,
}

/// The objective points of a scorecard, in model order.
pub fn objective_points(card: &Scorecard) -> Vec<ObjectivePoint> {
    card.domains
        .iter()
        .flat_map(|d| d.categories.iter().map(move |c| (d, c)))
        .flat_map(|(d, c)| {
            c.objectives.iter().map(move |o| ObjectivePoint {
                id: o.id.clone(),
                category: c.id.clone(),
                domain: d.id.clone(),
                level: o.level,
                evidence: o.evidence,
                status: o.status,
                counts: crate::score::Counts {
                    passed: o.passed,
                    failed: o.failed,
                    severe: o.severe,
                    errors: o.errors,
                    waived: o.waived,
                    unknown: o.unknown,
                },
                attested: o
                    .attestation
                    .as_ref()
                    .is_some_and(|a| a.state == State::Valid),
            })
        })
        .collect()
}

/// Levels and scores of a category, domain or the program, as their lines carry them.
pub struct Point<'a> {
    pub id: &'a str,
    pub domain: Option<&'a str>,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

fn push(out: &mut String, mut base: Map<String, Value>, fields: Value) {
    if let Value::Object(f) = fields {
        base.extend(f);
    }
    out.push_str(&Value::Object(base).to_string());
    out.push('\n');
}

fn lower(value: impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

pub fn render(report: &Report<'_>) -> String {
    let scan = report.scan;
    let ctx = Context::of_scan(scan);
    let mut out = String::new();
    for check in &scan.checks {
        let policy = report.policy(&check.policy);
        push(
            &mut out,
            ctx.line("check"),
            json!({
                "root": check.root,
                "policy": check.policy,
                "severity": policy.map(|p| p.meta.severity.as_str()),
                "objectives": policy.map(|p| p.meta.controls.clone()).unwrap_or_default(),
                "outcome": lower(check.outcome),
                "address": check.resource,
                "file": check.file,
                "line": check.line,
                "message": check.message,
            }),
        );
    }
    let card = &scan.scorecard;
    let categories: Vec<Point<'_>> = card
        .domains
        .iter()
        .flat_map(|d| {
            d.categories.iter().map(move |c| Point {
                id: &c.id,
                domain: Some(&d.id),
                level: c.level,
                score: c.score,
            })
        })
        .collect();
    let domains: Vec<Point<'_>> = card
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
        &objective_points(card),
        &categories,
        &domains,
        (card.level, card.score, card.limiting.as_deref()),
    );
    out
}

/// The objective, category, domain and program lines of one scan or commit.
pub fn scores(
    out: &mut String,
    ctx: &Context,
    objectives: &[ObjectivePoint],
    categories: &[Point<'_>],
    domains: &[Point<'_>],
    program: (Option<u8>, Option<f64>, Option<&str>),
) {
    for (position, o) in objectives.iter().enumerate() {
        push(
            out,
            ctx.line("objective"),
            json!({
                "id": o.id,
                "category": o.category,
                "domain": o.domain,
                "position": position,
                "level": o.level,
                "evidence": lower(o.evidence),
                "in_scope": o.status != Status::OutOfScope,
                "status": lower(o.status),
                "passed": o.counts.passed,
                "failed": o.counts.failed,
                "severe": o.counts.severe,
                "errors": o.counts.errors,
                "waived": o.counts.waived,
                "unknown": o.counts.unknown,
                "attested": o.attested,
            }),
        );
    }
    for (position, c) in categories.iter().enumerate() {
        push(
            out,
            ctx.line("category"),
            json!({"id": c.id, "domain": c.domain, "position": position, "level": c.level, "score": c.score}),
        );
    }
    for d in domains {
        push(
            out,
            ctx.line("domain"),
            json!({"id": d.id, "level": d.level, "score": d.score}),
        );
    }
    push(
        out,
        ctx.line("program"),
        json!({"level": program.0, "score": program.1, "limiting": program.2}),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_one_object_with_its_context() {
        let scan = crate::report::fixture::scan();
        let report = Report {
            scan: &scan,
            gate: &[],
        };
        let text = render(&report);
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
        let count = |k: &str| kinds.iter().filter(|x| **x == k).count();
        let objectives = scan.scorecard.objectives().count();
        assert_eq!(
            (
                count("check"),
                count("objective"),
                count("category"),
                count("domain"),
                count("program")
            ),
            (scan.checks.len(), objectives, 2, 1, 1)
        );
        // Checks first, the program last.
        assert_eq!((kinds[0], kinds[kinds.len() - 1]), ("check", "program"));
        for l in &lines {
            assert_eq!(
                (
                    &l["schema_version"],
                    &l["repository"],
                    &l["commit"],
                    &l["scanned"]
                ),
                (
                    &json!(1),
                    &json!("example/repo"),
                    &json!("0123456789abcdef0123456789abcdef01234567"),
                    &json!("2026-03-15")
                )
            );
        }
        assert_eq!(
            lines[1],
            json!({"kind": "check", "schema_version": 1, "repository": "example/repo",
                   "commit": "0123456789abcdef0123456789abcdef01234567",
                   "commit_date": "2026-03-14T09:00:00+00:00", "scanned": "2026-03-15",
                   "scope": "estate", "model": "m@1", "bundle": scan.bundle.fingerprint(),
                   "threshold": 1.0, "strict": false,
                   "root": ".", "policy": "P-HIGH", "severity": "high", "objectives": ["A-1"],
                   "outcome": "fail", "address": "t.bad", "file": "main.tf", "line": 5,
                   "message": "t.bad message"})
        );
    }
}
