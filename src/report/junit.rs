//! JUnit XML, for CI test reports (GitLab, Jenkins, ...). Mapping in docs/formats.md.
//!
//! One test suite per policy that judged something, one test case per check: a failure is a
//! `<failure>`, an evaluation error an `<error>`, a waived failure `<skipped>`. Error
//! diagnostics and the gate get suites of their own, so neither can look like a clean pass.

use super::markup::{escape, location, resource};
use super::Report;
use crate::check::{Check, Outcome};
use crate::scan::Target;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One `<testcase>`: its name, attributes and the element inside it, if any.
struct Case {
    classname: String,
    name: String,
    file: Option<String>,
    line: Option<usize>,
    /// `(element, message, type, body)`; `None` for a passing case.
    verdict: Option<(&'static str, String, String, String)>,
}

struct Suite {
    name: String,
    cases: Vec<Case>,
}

impl Suite {
    fn count(&self, element: &str) -> usize {
        self.cases
            .iter()
            .filter(|c| c.verdict.as_ref().is_some_and(|v| v.0 == element))
            .count()
    }
}

fn check_case(report: &Report<'_>, check: &Check) -> Case {
    let policy = report.policy(&check.policy);
    let severity = policy.map_or("", |p| p.meta.severity.as_str()).to_string();
    let message = check.message.clone().unwrap_or_default();
    let place = location(check).unwrap_or_else(|| "scan-wide".to_string());
    let verdict = match check.outcome {
        Outcome::Pass => None,
        Outcome::Fail => {
            let mut body = format!("{place} {}\n{message}", check.resource);
            if let Some(p) = policy.filter(|p| !p.meta.details().remediation.is_empty()) {
                let _ = write!(body, "\nRemediation: {}", p.meta.details().remediation);
            }
            Some(("failure", message, severity, body))
        }
        Outcome::Error => Some((
            "error",
            format!("the policy could not be evaluated: {message}"),
            "evaluation".to_string(),
            format!("{place} {}", check.resource),
        )),
        Outcome::Waived => {
            let why = check.waiver.as_ref().map_or(String::new(), |w| {
                let until = w
                    .expires
                    .as_ref()
                    .map_or(String::new(), |e| format!(" until {e}"));
                format!("waived ({}{until}): {}", w.source, w.reason)
            });
            Some(("skipped", why, String::new(), String::new()))
        }
        Outcome::Unknown => Some((
            "skipped",
            format!("not judged, a value is unknown at scan time: {message}"),
            String::new(),
            String::new(),
        )),
    };
    Case {
        classname: check.policy.clone(),
        name: resource(check),
        file: check.file.clone(),
        line: check.line,
        verdict,
    }
}

fn suites(report: &Report<'_>) -> Vec<Suite> {
    let scan = report.scan;
    let mut by_policy: BTreeMap<&str, Vec<&Check>> = BTreeMap::new();
    for check in &scan.checks {
        by_policy.entry(&check.policy).or_default().push(check);
    }
    let mut out: Vec<Suite> = by_policy
        .into_iter()
        .map(|(id, mut checks)| {
            checks.sort_by(|a, b| {
                (&a.file, a.line, &a.resource).cmp(&(&b.file, b.line, &b.resource))
            });
            let title = report.policy(id).map_or("", |p| p.meta.title.as_str());
            Suite {
                name: format!("{id} {title}").trim().to_string(),
                cases: checks.into_iter().map(|c| check_case(report, c)).collect(),
            }
        })
        .collect();

    let errors: Vec<Case> = scan
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let at = d
                .location
                .as_ref()
                .map_or(String::new(), |l| format!(" {l}"));
            Case {
                classname: "rungs.diagnostics".into(),
                name: format!("{}{at}", d.code.as_str()),
                file: d.location.as_ref().map(|l| l.file.clone()),
                line: d.location.as_ref().and_then(|l| l.line),
                verdict: Some((
                    "error",
                    d.message.clone(),
                    d.code.as_str().to_string(),
                    d.help.clone().unwrap_or_default(),
                )),
            }
        })
        .collect();
    if !errors.is_empty() {
        out.push(Suite {
            name: "rungs diagnostics".into(),
            cases: errors,
        });
    }

    if !report.gate.is_empty() {
        let cases = report
            .gate
            .iter()
            .map(|g| {
                let what = match &g.requirement.target {
                    Target::Program => "program".to_string(),
                    Target::Domain(id) => format!("domain {id}"),
                    Target::Category(id) => format!("category {id}"),
                };
                Case {
                    classname: "rungs.gate".into(),
                    name: format!("{what} level >= {}", g.requirement.min),
                    file: None,
                    line: None,
                    verdict: (!g.passed)
                        .then(|| ("failure", g.describe(), "gate".to_string(), String::new())),
                }
            })
            .collect();
        out.push(Suite {
            name: "rungs gate".into(),
            cases,
        });
    }
    out
}

fn counts(suites: &[Suite]) -> String {
    let tests: usize = suites.iter().map(|s| s.cases.len()).sum();
    let [failures, errors, skipped] =
        ["failure", "error", "skipped"].map(|e| suites.iter().map(|s| s.count(e)).sum::<usize>());
    format!(r#"tests="{tests}" failures="{failures}" errors="{errors}" skipped="{skipped}""#)
}

pub fn render(report: &Report<'_>) -> String {
    let suites = suites(report);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<testsuites name=\"rungs\" {}>", counts(&suites));
    for suite in &suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" {}>",
            escape(&suite.name),
            counts(std::slice::from_ref(suite))
        );
        for case in &suite.cases {
            let mut attrs = format!(
                "classname=\"{}\" name=\"{}\"",
                escape(&case.classname),
                escape(&case.name)
            );
            if let Some(file) = &case.file {
                let _ = write!(attrs, " file=\"{}\"", escape(file));
            }
            if let Some(line) = case.line {
                let _ = write!(attrs, " line=\"{line}\"");
            }
            match &case.verdict {
                None => {
                    let _ = writeln!(out, "    <testcase {attrs}/>");
                }
                Some((element, message, kind, body)) => {
                    let _ = writeln!(out, "    <testcase {attrs}>");
                    let mut open = format!("<{element} message=\"{}\"", escape(message));
                    if !kind.is_empty() {
                        let _ = write!(open, " type=\"{}\"", escape(kind));
                    }
                    if body.is_empty() {
                        let _ = writeln!(out, "      {open}/>");
                    } else {
                        let _ = writeln!(out, "      {open}>{}</{element}>", escape(body));
                    }
                    let _ = writeln!(out, "    </testcase>");
                }
            }
        }
        let _ = writeln!(out, "  </testsuite>");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_map_to_failure_error_and_skipped() {
        let scan = crate::report::fixture::scan();
        let gate = crate::scan::gate(
            &scan.scorecard,
            &[crate::scan::Requirement::level(Target::Program, 1)],
        )
        .unwrap();
        let xml = render(&Report {
            scan: &scan,
            gate: &gate,
        });
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        let attrs: Vec<_> = ["tests", "failures", "errors", "skipped"]
            .iter()
            .map(|a| root.attribute(*a).unwrap())
            .collect();
        assert_eq!(attrs, vec!["8", "3", "2", "2"]);
        let cases: Vec<(String, String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .map(|n| {
                let verdict = n.first_element_child().map_or(String::new(), |c| {
                    format!(
                        "{} {}",
                        c.tag_name().name(),
                        c.attribute("message").unwrap_or("")
                    )
                });
                (
                    n.attribute("classname").unwrap().to_string(),
                    n.attribute("name").unwrap().to_string(),
                    verdict,
                )
            })
            .collect();
        let expected = [
            ("P-HIGH", "t.ok", ""),
            ("P-HIGH", "t.bad", "failure t.bad message"),
            (
                "P-HIGH",
                "t.inline",
                "skipped waived (inline): accepted risk",
            ),
            ("P-LOW", "<scan>", "failure <scan> message"),
            (
                "P-LOW",
                "t.err",
                "error the policy could not be evaluated: t.err message",
            ),
            (
                "P-LOW",
                "t.config",
                "skipped waived (config until 2030-01-01): legacy",
            ),
            ("rungs.diagnostics", "R203 main.tf:7:1", "error rule failed"),
            (
                "rungs.gate",
                "program level >= 1",
                "failure level 0 (needs 1)",
            ),
        ];
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(cases, expected);
    }
}
