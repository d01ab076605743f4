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

/// Fields every line carries.
fn common(scan: &Scan, kind: &str) -> Map<String, Value> {
    let p = &scan.provenance;
    let card = &scan.scorecard;
    let mut m = Map::new();
    m.insert("kind".into(), json!(kind));
    m.insert("schema_version".into(), json!(SCHEMA_VERSION));
    m.insert("repository".into(), json!(p.repository));
    m.insert("commit".into(), json!(p.commit));
    m.insert("commit_date".into(), json!(p.commit_date));
    m.insert("scanned".into(), json!(p.scanned));
    m.insert("scope".into(), json!(card.scope.scope));
    m.insert(
        "model".into(),
        json!(format!(
            "{}@{}",
            scan.model.model.id, scan.model.model.version
        )),
    );
    m.insert("bundle".into(), json!(scan.bundle.fingerprint()));
    m.insert("threshold".into(), json!(card.threshold));
    m.insert("strict".into(), json!(card.strict));
    m
}

fn line(out: &mut String, mut base: Map<String, Value>, fields: Value) {
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
    let mut out = String::new();
    for check in &scan.checks {
        let policy = report.policy(&check.policy);
        line(
            &mut out,
            common(scan, "check"),
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
    scores(&mut out, scan, &scan.scorecard);
    out
}

/// The objective, category, domain and program lines of a scorecard.
fn scores(out: &mut String, scan: &Scan, card: &Scorecard) {
    let mut position = 0;
    for domain in &card.domains {
        for category in &domain.categories {
            for o in &category.objectives {
                line(
                    out,
                    common(scan, "objective"),
                    json!({
                        "id": o.id,
                        "category": category.id,
                        "domain": domain.id,
                        "position": position,
                        "level": o.level,
                        "evidence": lower(o.evidence),
                        "in_scope": o.status != Status::OutOfScope,
                        "status": lower(o.status),
                        "passed": o.passed,
                        "failed": o.failed,
                        "severe": o.severe,
                        "errors": o.errors,
                        "waived": o.waived,
                        "unknown": o.unknown,
                        "attested": o.attestation.as_ref().is_some_and(|a| a.state == State::Valid),
                    }),
                );
                position += 1;
            }
        }
    }
    for (position, (domain, category)) in card
        .domains
        .iter()
        .flat_map(|d| d.categories.iter().map(move |c| (d, c)))
        .enumerate()
    {
        line(
            out,
            common(scan, "category"),
            json!({
                "id": category.id,
                "domain": domain.id,
                "position": position,
                "level": category.level,
                "score": category.score,
            }),
        );
    }
    for domain in &card.domains {
        line(
            out,
            common(scan, "domain"),
            json!({"id": domain.id, "level": domain.level, "score": domain.score}),
        );
    }
    line(
        out,
        common(scan, "program"),
        json!({"level": card.level, "score": card.score, "limiting": card.limiting}),
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
