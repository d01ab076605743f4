//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (mapping in docs/formats.md).
//!
//! One rule per loaded policy; one result per failed, errored or waived check. Passing checks
//! are counted in the run's properties, not listed. Paths are relative to the directory rungs
//! ran in (the repository root in CI), under `%SRCROOT%`.

use super::markup::uri_path;
use super::Report;
use crate::check::{Check, Outcome, SCAN_ADDRESS};
use crate::diagnostics::{Diagnostic, Location, Severity as DiagnosticSeverity};
use crate::policy::{Policy, Severity};
use serde_json::{json, Map, Value};
use std::path::{Component, Path};

pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

/// SARIF level of a failed check.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub's `security-severity` score (critical 9.0+, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9);
/// none for `info`, which is no security finding.
pub fn security_severity(severity: Severity) -> Option<&'static str> {
    match severity {
        Severity::Critical => Some("9.5"),
        Severity::High => Some("8.0"),
        Severity::Medium => Some("5.5"),
        Severity::Low => Some("3.0"),
        Severity::Info => None,
    }
}

/// The scan root as a path relative to the working directory, `` when they are the same;
/// `None` when the root lies outside it (paths then stay relative to the scan root).
fn root_prefix(root: &str) -> Option<String> {
    let root = Path::new(root);
    let relative = if root.is_absolute() {
        let cwd = std::env::current_dir().ok()?;
        root.strip_prefix(cwd).ok()?.to_path_buf()
    } else {
        root.to_path_buf()
    };
    let mut parts = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(p) => parts.push(p.to_str()?.to_string()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

struct Paths {
    prefix: String,
}

impl Paths {
    fn artifact(&self, file: &str) -> Value {
        if Path::new(file).is_absolute() {
            return json!({"uri": format!("file://{}", uri_path(file))});
        }
        let path = if self.prefix.is_empty() {
            file.to_string()
        } else {
            format!("{}/{file}", self.prefix)
        };
        json!({"uri": uri_path(&path), "uriBaseId": SRCROOT})
    }

    /// The scan root itself, where scan-wide results are reported.
    fn root(&self) -> Value {
        let uri = if self.prefix.is_empty() {
            ".".to_string()
        } else {
            uri_path(&self.prefix)
        };
        json!({"uri": uri, "uriBaseId": SRCROOT})
    }

    fn physical(&self, location: &Location) -> Value {
        let mut physical = json!({"artifactLocation": self.artifact(&location.file)});
        if let Some(line) = location.line {
            let mut region = json!({"startLine": line});
            if let Some(column) = location.column {
                region["startColumn"] = json!(column);
            }
            physical["region"] = region;
        }
        physical
    }
}

fn rule(policy: &Policy) -> Value {
    let meta = &policy.meta;
    let details = meta.details();
    let mut help = details.description.clone();
    if !details.remediation.is_empty() {
        help = format!("{help}\n\nRemediation: {}", details.remediation)
            .trim()
            .to_string();
    }
    if help.is_empty() {
        help = meta.title.clone();
    }
    let mut tags = vec!["security".to_string(), "terraform".to_string()];
    tags.extend(meta.controls.iter().cloned());
    let mut rule = json!({
        "id": meta.id,
        "name": meta.id,
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": if details.description.is_empty() { &meta.title } else { &details.description }},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(meta.severity)},
        "properties": {
            "tags": tags,
            "severity": meta.severity.as_str(),
            "controls": meta.controls,
            "frameworks": details.frameworks,
            "resourceTypes": meta.resource_types,
            "kind": meta.kind,
        },
    });
    if let Some(score) = security_severity(meta.severity) {
        rule["properties"]["security-severity"] = json!(score);
    }
    rule
}

fn result(report: &Report<'_>, paths: &Paths, index: Option<usize>, check: &Check) -> Value {
    let policy = report.policy(&check.policy);
    let title = policy.map_or("", |p| p.meta.title.as_str());
    let text = match (check.outcome, check.message.as_deref()) {
        (Outcome::Error, m) => format!("The policy could not be evaluated: {}", m.unwrap_or("")),
        (_, Some(m)) if !m.is_empty() => m.to_string(),
        _ => title.to_string(),
    };
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(check.policy));
    if let Some(index) = index {
        result.insert("ruleIndex".into(), json!(index));
    }
    // An evaluation error is no verdict on the code: SARIF's `review` kind, whose level is `none`.
    let (kind, level) = match check.outcome {
        Outcome::Error => ("review", "none"),
        _ => ("fail", policy.map_or("warning", |p| level(p.meta.severity))),
    };
    result.insert("kind".into(), json!(kind));
    result.insert("level".into(), json!(level));
    result.insert("message".into(), json!({"text": text}));
    let physical = match &check.file {
        Some(file) => paths.physical(&Location {
            file: file.clone(),
            line: check.line,
            column: None,
        }),
        None => json!({"artifactLocation": paths.root()}),
    };
    let mut location = json!({"physicalLocation": physical});
    if check.resource != SCAN_ADDRESS {
        location["logicalLocations"] =
            json!([{"fullyQualifiedName": check.resource, "kind": "resource"}]);
    }
    result.insert("locations".into(), json!([location]));
    result.insert(
        "partialFingerprints".into(),
        json!({"rungsResource/v1": format!("{}|{}|{}", check.policy, check.root, check.resource)}),
    );
    if let Some(waiver) = &check.waiver {
        let kind = if waiver.source == "inline" {
            "inSource"
        } else {
            "external"
        };
        let mut suppression = json!({
            "kind": kind,
            "status": "accepted",
            "justification": waiver.reason,
            "properties": {"source": waiver.source},
        });
        if let Some(expires) = &waiver.expires {
            suppression["properties"]["expires"] = json!(expires);
        }
        if let Some(at) = &waiver.location {
            suppression["location"] = json!({"physicalLocation": paths.physical(at)});
        }
        result.insert("suppressions".into(), json!([suppression]));
    }
    let mut properties = json!({"outcome": check.outcome, "resource": check.resource});
    if !check.root.is_empty() {
        properties["root"] = json!(check.root);
    }
    result.insert("properties".into(), properties);
    Value::Object(result)
}

fn notification(paths: &Paths, d: &Diagnostic) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text = format!("{text} (help: {help})");
    }
    let mut n = json!({
        "level": match d.severity {
            DiagnosticSeverity::Error => "error",
            DiagnosticSeverity::Warning => "warning",
        },
        "message": {"text": text},
        "descriptor": {"id": d.code.as_str()},
    });
    if let Some(location) = &d.location {
        n["locations"] = json!([{"physicalLocation": paths.physical(location)}]);
    }
    n
}

pub fn render(report: &Report<'_>) -> String {
    let scan = report.scan;
    let paths = Paths {
        prefix: root_prefix(&scan.root).unwrap_or_default(),
    };
    let policies = &scan.bundle.policies;
    let results: Vec<Value> = report
        .problems()
        .into_iter()
        .chain(report.waived())
        .map(|c| {
            let index = policies.iter().position(|p| p.meta.id == c.policy);
            result(report, &paths, index, c)
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "rungs",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": policies.iter().map(rule).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": !scan.has_errors(),
                "toolExecutionNotifications":
                    scan.diagnostics.iter().map(|d| notification(&paths, d)).collect::<Vec<_>>(),
            }],
            "results": results,
            "properties": {
                "model": scan.model.model.id,
                "level": scan.scorecard.level,
                "score": scan.scorecard.score,
                "passed": report.count(Outcome::Pass),
                "failed": report.count(Outcome::Fail),
                "errors": report.count(Outcome::Error),
                "waived": report.count(Outcome::Waived),
                "unknown": report.count(Outcome::Unknown),
                "gatePassed": report.gate_passed(),
            },
        }],
    });
    let mut s = super::pretty::to_string_pretty(&log);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Validates against the vendored OASIS schema and returns the run's results.
    fn validated(log: &str) -> Vec<Value> {
        let schema: Value =
            serde_json::from_str(include_str!("../../tests/schemas/sarif-schema-2.1.0.json"))
                .unwrap();
        let log: Value = serde_json::from_str(log).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert_eq!(errors, Vec::<String>::new());
        log["runs"][0]["results"].as_array().unwrap().clone()
    }

    #[test]
    fn every_outcome_maps_to_a_valid_result() {
        let scan = crate::report::fixture::scan();
        let report = Report {
            scan: &scan,
            gate: &[],
        };
        let results = validated(&render(&report));
        let summary: Vec<(&str, &str, &str, &str)> = results
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap(),
                    r["kind"].as_str().unwrap(),
                    r["level"].as_str().unwrap(),
                    r["properties"]["resource"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("P-HIGH", "fail", "error", "t.bad"),
                ("P-LOW", "fail", "note", "<scan>"),
                ("P-LOW", "review", "none", "t.err"),
                ("P-HIGH", "fail", "error", "t.inline"),
                ("P-LOW", "fail", "note", "t.config"),
            ]
        );
        assert_eq!(
            results[1]["locations"][0]["physicalLocation"],
            json!({"artifactLocation": {"uri": ".", "uriBaseId": "%SRCROOT%"}})
        );
        assert_eq!(
            results[3]["suppressions"],
            json!([{"kind": "inSource", "status": "accepted", "justification": "accepted risk",
                    "properties": {"source": "inline"},
                    "location": {"physicalLocation": {
                        "artifactLocation": {"uri": "main.tf", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 8, "startColumn": 3}}}}])
        );
        assert_eq!(
            results[4]["suppressions"],
            json!([{"kind": "external", "status": "accepted", "justification": "legacy",
                    "properties": {"source": "config", "expires": "2030-01-01"}}])
        );
        assert_eq!(results[0].get("suppressions"), None);
    }

    #[test]
    fn the_schema_rejects_a_level_sarif_does_not_define() {
        let scan = crate::report::fixture::scan();
        let report = Report {
            scan: &scan,
            gate: &[],
        };
        let mut log: Value = serde_json::from_str(&render(&report)).unwrap();
        log["runs"][0]["results"][0]["level"] = json!("critical");
        let schema: Value =
            serde_json::from_str(include_str!("../../tests/schemas/sarif-schema-2.1.0.json"))
                .unwrap();
        assert!(!jsonschema::validator_for(&schema).unwrap().is_valid(&log));
    }

    #[test]
    fn root_prefix_is_relative_to_the_working_directory() {
        assert_eq!(root_prefix(".").as_deref(), Some(""));
        assert_eq!(root_prefix("./infra/").as_deref(), Some("infra"));
        assert_eq!(root_prefix("infra/aws").as_deref(), Some("infra/aws"));
        assert_eq!(root_prefix("../elsewhere"), None);
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("envs").display().to_string();
        assert_eq!(root_prefix(&inside).as_deref(), Some("envs"));
        assert_eq!(root_prefix("/definitely/not/here"), None);
    }

    #[test]
    fn severities_map_to_levels_and_scores() {
        assert_eq!(
            (
                level(Severity::Critical),
                security_severity(Severity::Critical)
            ),
            ("error", Some("9.5"))
        );
        assert_eq!(
            (level(Severity::Medium), security_severity(Severity::Medium)),
            ("warning", Some("5.5"))
        );
        assert_eq!(
            (level(Severity::Low), security_severity(Severity::Low)),
            ("note", Some("3.0"))
        );
        assert_eq!(security_severity(Severity::Info), None);
    }
}
