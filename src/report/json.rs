//! The JSON report. Its shape is versioned by `schema_version` and documented in
//! docs/json-output.md; additions keep the version, removals and renames bump it.

use super::Report;
use crate::check::Outcome;
use crate::diagnostics::Diagnostic;
use crate::scan::GateResult;
use crate::score::DomainScore;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct Output<'a> {
    schema_version: u32,
    tool: Tool,
    repository: &'a crate::scan::Provenance,
    model: ModelRef<'a>,
    scan: ScanInfo<'a>,
    summary: Summary<'a>,
    domains: &'a [DomainScore],
    policies: Vec<PolicySummary<'a>>,
    findings: Vec<Finding<'a>>,
    plan: &'a [crate::plan::CategoryPlan],
    baseline: Option<&'a crate::baseline::Status>,
    diagnostics: &'a [Diagnostic],
    gate: Gate<'a>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
    /// Fingerprint of the policy bundle: reports to roll up together share it.
    bundle: String,
}

#[derive(Serialize)]
struct ModelRef<'a> {
    id: &'a str,
    version: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ScanInfo<'a> {
    root: &'a str,
    config: Option<&'a str>,
    documents: Vec<DocumentInfo<'a>>,
    policies: usize,
    resources: usize,
}

#[derive(Serialize)]
struct DocumentInfo<'a> {
    root: &'a str,
    files: &'a [String],
    resources: usize,
}

#[derive(Serialize)]
struct Summary<'a> {
    level: Option<u8>,
    score: Option<f64>,
    /// The category that sets the program level.
    limiting: Option<&'a str>,
    scope: &'a crate::scope::Scoping,
    strict: bool,
    threshold: f64,
    passed: usize,
    failed: usize,
    errors: usize,
    waived: usize,
    unknown: usize,
}

#[derive(Serialize)]
struct PolicySummary<'a> {
    id: &'a str,
    title: &'a str,
    severity: &'a str,
    kind: crate::policy::Kind,
    controls: &'a [String],
    passed: usize,
    failed: usize,
    errors: usize,
    waived: usize,
    unknown: usize,
}

#[derive(Serialize)]
struct Finding<'a> {
    policy: &'a str,
    title: &'a str,
    severity: &'a str,
    outcome: Outcome,
    resource: &'a str,
    root: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    message: &'a str,
    controls: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    waiver: Option<&'a crate::check::Waiver>,
}

#[derive(Serialize)]
struct Gate<'a> {
    passed: bool,
    requirements: &'a [GateResult],
}

pub fn render(report: &Report<'_>) -> String {
    let scan = report.scan;
    let findings = report
        .problems()
        .into_iter()
        .chain(report.waived())
        .chain(report.unjudged())
        .map(|c| {
            let policy = report.policy(&c.policy);
            Finding {
                policy: &c.policy,
                title: policy.map_or("", |p| p.meta.title.as_str()),
                severity: policy.map_or("", |p| p.meta.severity.as_str()),
                outcome: c.outcome,
                resource: &c.resource,
                root: &c.root,
                file: c.file.as_deref(),
                line: c.line,
                message: c.message.as_deref().unwrap_or(""),
                controls: policy.map_or(&[], |p| p.meta.controls.as_slice()),
                waiver: c.waiver.as_ref(),
            }
        })
        .collect();
    let mut counts: std::collections::HashMap<&str, [usize; 5]> = std::collections::HashMap::new();
    for c in &scan.checks {
        counts.entry(c.policy.as_str()).or_default()[c.outcome as usize] += 1;
    }
    let policies = scan
        .bundle
        .policies
        .iter()
        .map(|p| {
            let [passed, failed, errors, waived, unknown] =
                counts.get(p.meta.id.as_str()).copied().unwrap_or_default();
            PolicySummary {
                id: &p.meta.id,
                title: &p.meta.title,
                severity: p.meta.severity.as_str(),
                kind: p.meta.kind,
                controls: &p.meta.controls,
                passed,
                failed,
                errors,
                waived,
                unknown,
            }
        })
        .collect();
    let output = Output {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "rungs",
            version: env!("CARGO_PKG_VERSION"),
            bundle: scan.bundle.fingerprint(),
        },
        repository: &scan.provenance,
        model: ModelRef {
            id: &scan.model.model.id,
            version: &scan.model.model.version,
            name: &scan.model.model.name,
        },
        scan: ScanInfo {
            root: &scan.root,
            config: scan.config.as_deref(),
            documents: scan
                .documents
                .iter()
                .map(|d| DocumentInfo {
                    root: &d.root,
                    files: &d.files,
                    resources: d.resources.len(),
                })
                .collect(),
            policies: scan.bundle.policies.len(),
            resources: scan.documents.iter().map(|d| d.resources.len()).sum(),
        },
        summary: Summary {
            level: scan.scorecard.level,
            score: scan.scorecard.score,
            limiting: scan.scorecard.limiting.as_deref(),
            scope: &scan.scorecard.scope,
            strict: scan.scorecard.strict,
            threshold: scan.scorecard.threshold,
            passed: report.count(Outcome::Pass),
            failed: report.count(Outcome::Fail),
            errors: report.count(Outcome::Error),
            waived: report.count(Outcome::Waived),
            unknown: report.count(Outcome::Unknown),
        },
        domains: &scan.scorecard.domains,
        policies,
        findings,
        plan: &scan.plan,
        baseline: scan.baseline.as_ref(),
        diagnostics: &scan.diagnostics,
        gate: Gate {
            passed: report.gate_passed(),
            requirements: report.gate,
        },
    };
    let mut s = super::pretty::to_string_pretty(&output);
    s.push('\n');
    s
}
