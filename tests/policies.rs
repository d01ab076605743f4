//! The shipped policy library, checked three ways: its Rego unit tests pass, each policy flags
//! exactly the expected addresses in its `fail` fixture and nothing in its `pass` fixture (run
//! through the real binary), and the model and the policies cite each other completely.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn rungs(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policies")
}

#[test]
fn rego_unit_tests_pass() {
    let (code, stdout, stderr) = rungs(&["policy", "test"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or_default();
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 75, "expected at least 3 tests per policy: {last}");
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
}

fn policy_list() -> Vec<Value> {
    let (code, stdout, stderr) = rungs(&["policy", "list", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str::<Value>(&stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Scans one fixture directory and returns (failing addresses, passed count) for `policy`.
fn scan_fixture(dir: &Path, policy: &str) -> (Vec<String>, u64, Value) {
    // Estate scope runs every policy, presence ones included, whatever the fixture declares;
    // `--check` evaluates only the policy under test.
    let (code, stdout, stderr) = rungs(&[
        "scan",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--scope",
        "estate",
        "--check",
        policy,
    ]);
    assert!(
        code == 0 || code == 1,
        "{}: exit {code}\n{stderr}\n{stdout}",
        dir.display()
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();
    // Fixtures may switch a block off on purpose (`count = 0`) to show it is not judged; the
    // loader reports that (R106). Any other diagnostic is a broken fixture.
    let problems: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] != "R106")
        .collect();
    assert!(problems.is_empty(), "{}: {problems:?}", dir.display());
    let mut failing: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["policy"] == policy)
        // A policy may mark resources it cannot judge (`unknown`); those are not failures. An
        // error or a waiver in a fixture is a broken fixture.
        .filter(|f| f["outcome"] != "unknown")
        .map(|f| {
            assert_eq!(f["outcome"], "fail", "{}: {f}", dir.display());
            f["resource"].as_str().unwrap().to_string()
        })
        .collect();
    failing.sort();
    let summary = json["policies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == policy)
        .unwrap_or_else(|| panic!("{policy} not in the bundle"))
        .clone();
    (failing, summary["passed"].as_u64().unwrap(), summary)
}

#[test]
fn every_policy_flags_exactly_its_fixture_failures() {
    let ids: BTreeSet<String> = policy_list()
        .iter()
        .map(|p| p["metadata"]["id"].as_str().unwrap().to_string())
        .collect();
    let mut problems = Vec::new();
    for id in &ids {
        let dir = fixture_root().join(id);
        let expected: Value = match std::fs::read_to_string(dir.join("expected.json")) {
            Ok(text) => serde_json::from_str(&text).unwrap(),
            Err(_) => {
                problems.push(format!("{id}: no fixtures in {}", dir.display()));
                continue;
            }
        };
        let mut want: Vec<String> = expected["fail"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        want.sort();
        let (failing, _, _) = scan_fixture(&dir.join("fail"), id);
        if failing != want {
            problems.push(format!(
                "{id}: fail/ flagged {failing:?}, expected {want:?}"
            ));
        }
        let (failing, passed, summary) = scan_fixture(&dir.join("pass"), id);
        if !failing.is_empty() {
            problems.push(format!("{id}: pass/ flagged {failing:?}"));
        }
        // A pass fixture must actually exercise the policy: passes, not silence.
        if passed == 0 {
            problems.push(format!(
                "{id}: pass/ produced no passing result ({summary})"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn model_and_policies_cite_each_other() {
    let model: Value = {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("model/csmm.yaml"))
                .unwrap();
        yaml_serde::from_str(&text).unwrap()
    };
    let mut evidence: BTreeMap<String, String> = BTreeMap::new();
    for domain in model["domains"].as_array().unwrap() {
        for category in domain["categories"].as_array().unwrap() {
            for objective in category["objectives"].as_array().unwrap() {
                evidence.insert(
                    objective["id"].as_str().unwrap().to_string(),
                    objective["evidence"].as_str().unwrap().to_string(),
                );
            }
        }
    }
    let mut cited = BTreeSet::new();
    let mut problems = Vec::new();
    for policy in policy_list() {
        let meta = &policy["metadata"];
        for control in meta["controls"].as_array().unwrap() {
            let control = control.as_str().unwrap();
            match evidence.get(control).map(String::as_str) {
                None => problems.push(format!("{} cites unknown objective {control}", meta["id"])),
                Some("attested") => problems.push(format!(
                    "{} cites attested-only objective {control}",
                    meta["id"]
                )),
                Some(_) => {
                    cited.insert(control.to_string());
                }
            }
        }
    }
    for (id, kind) in &evidence {
        if kind != "attested" && !cited.contains(id) {
            problems.push(format!("objective {id} ({kind}) is cited by no policy"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Credentials written in provider blocks are reported by argument name only: no report format
/// shows the value (the fixtures hold AWS's documented example keys and fake Azure/GCP secrets).
#[test]
fn provider_credentials_are_never_shown_in_reports() {
    let cases = [
        (
            "RUNGS-AWS-SECRETS-003",
            &[
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI",
                "FwoGZXIvYXdzEXAMPLETOKEN",
            ][..],
            2,
        ),
        ("RUNGS-AZURE-SECRETS-001", &["s3cr3t~EXAMPLE"][..], 1),
        (
            "RUNGS-GCP-SECRETS-001",
            &["BEGIN PRIVATE KEY", "ya29.EXAMPLE"][..],
            2,
        ),
    ];
    for (id, secrets, failures) in cases {
        let dir = fixture_root().join(id).join("fail");
        let (failing, _, _) = scan_fixture(&dir, id);
        assert_eq!(failing.len(), failures, "{id}: {failing:?}");
        for format in [
            "text", "json", "jsonl", "sarif", "junit", "markdown", "html",
        ] {
            let (code, stdout, stderr) = rungs(&[
                "scan",
                dir.to_str().unwrap(),
                "--scope",
                "estate",
                "--format",
                format,
            ]);
            // No gate is set: findings alone do not fail the run.
            assert_eq!(code, 0, "{id} {format}: {stderr}");
            assert!(stdout.contains("(value not shown)"), "{id} {format}");
            for secret in secrets {
                assert!(
                    !stdout.contains(secret) && !stderr.contains(secret),
                    "{id}: {format} shows {secret}"
                );
            }
        }
    }
}
