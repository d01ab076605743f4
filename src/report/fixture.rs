//! A small finished scan with every outcome, including waivers (which only suppressions and
//! baselines produce), for the renderers' unit tests.

use crate::check::{Check, Outcome, Waiver};
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::policy::{Bundle, Policy, RegoFile};
use crate::scan::{Scan, Timings};

fn policy(id: &str, severity: &str, control: &str) -> Policy {
    let source = format!("# METADATA\n# title: Title of {id}\n# description: Why {id} matters.\n# custom:\n#   id: {id}\n#   severity: {severity}\n#   resource_types: [t]\n#   controls: [{control}]\n#   remediation: Fix {id}.\npackage p\n");
    Policy {
        meta: crate::policy::metadata::parse(&source).expect("fixture metadata"),
        package: "p".into(),
        file: RegoFile {
            path: format!("{id}.rego"),
            source: source.into(),
        },
    }
}

fn check(policy: &str, resource: &str, line: usize, outcome: Outcome) -> Check {
    Check {
        policy: policy.into(),
        resource: resource.into(),
        root: ".".into(),
        file: Some("main.tf".into()),
        line: Some(line),
        outcome,
        message: Some(format!("{resource} message")),
        waiver: None,
    }
}

/// Checks: P-HIGH passes on `t.ok`, fails on `t.bad`, is waived inline on `t.inline`; P-LOW
/// errors on `t.err`, is waived by config on `t.config`, and fails scan-wide.
pub fn scan() -> Scan {
    let model = crate::model::parse(
        "model: {id: m, version: '1', name: M}\nlevels: []\ndomains:\n  - id: d\n    name: D\n    categories:\n      - {id: A, name: Alpha, objectives: [{id: A-1, level: 1, title: First, evidence: automated}]}\n      - {id: B, name: Beta, objectives: [{id: B-1, level: 1, title: Second, evidence: automated}]}\n",
        "m.yaml",
    )
    .expect("fixture model");
    let policies = vec![
        policy("P-HIGH", "high", "A-1"),
        policy("P-LOW", "low", "B-1"),
    ];
    let mut inline = check("P-HIGH", "t.inline", 9, Outcome::Waived);
    inline.waiver = Some(Waiver {
        source: "inline".into(),
        reason: "accepted risk".into(),
        expires: None,
        location: Some(Location::at("main.tf", 8, 3)),
    });
    let mut config = check("P-LOW", "t.config", 12, Outcome::Waived);
    config.waiver = Some(Waiver {
        source: "config".into(),
        reason: "legacy".into(),
        expires: Some("2030-01-01".into()),
        location: None,
    });
    let mut scan_wide = check("P-LOW", crate::check::SCAN_ADDRESS, 0, Outcome::Fail);
    (scan_wide.file, scan_wide.line, scan_wide.root) = (None, None, String::new());
    let checks = vec![
        check("P-HIGH", "t.ok", 1, Outcome::Pass),
        check("P-HIGH", "t.bad", 5, Outcome::Fail),
        inline,
        check("P-LOW", "t.err", 7, Outcome::Error),
        config,
        scan_wide,
    ];
    let scorecard = crate::score::score(
        &model,
        &policies,
        &checks,
        &crate::score::Rules {
            threshold: 1.0,
            strict: false,
            scope: crate::scope::Scoping::given(
                crate::scope::Scope::Estate,
                crate::scope::Origin::Flag,
            ),
        },
        &Default::default(),
    );
    Scan {
        excerpts: Default::default(),
        root: ".".into(),
        documents: Vec::new(),
        bundle: Bundle {
            policies,
            ..Bundle::default()
        },
        model,
        checks,
        scorecard,
        config: None,
        baseline: None,
        plan: Vec::new(),
        provenance: crate::scan::Provenance {
            repository: "example/repo".into(),
            commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
            commit_date: Some("2026-03-14T09:00:00+00:00".into()),
            scanned: "2026-03-15".into(),
        },
        diagnostics: vec![Diagnostic::error(Code::PolicyRuntime, "rule failed")
            .at(Location::at("main.tf", 7, 1))
            .help("guard the input")],
        notes: Vec::new(),
        timings: Timings::default(),
    }
}
