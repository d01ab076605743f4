//! End-to-end tests of the `rungs` binary: exact levels, findings, diagnostics and exit codes.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Writes a Terraform tree into a fresh temporary directory.
fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}\n{}", self.stdout))
    }
}

fn rungs(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `scan` on the small test model with only the test policies in `user-policies/good`.
fn scan_small(dir: &Path, extra: &[&str]) -> Run {
    let model = fixtures().join("gate/model.yaml");
    let policies = fixtures().join("user-policies/good");
    let mut args = vec![
        "scan",
        dir.to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    rungs(&args)
}

const CLEAN: &[u8] = b"resource \"test_thing\" \"a\" {\n  flagged = false\n  size    = 1\n}\n\nresource \"test_thing\" \"b\" {\n  flagged = false\n  size    = 2\n}\n";
const ONE_FLAGGED: &[u8] = b"resource \"test_thing\" \"a\" {\n  flagged = false\n  size    = 1\n}\n\nresource \"test_thing\" \"b\" {\n  flagged = true\n  size    = 2\n}\n";

fn category<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .find(|c| c["id"] == id)
        .unwrap()
}

fn domain<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

#[test]
fn clean_repository_levels_and_gates() {
    let dir = tree(&[("main.tf", CLEAN)]);
    let run = scan_small(dir.path(), &["--format", "json", "--min-level", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["summary"]["level"], 2);
    assert_eq!(json["summary"]["score"], 2.0);
    assert_eq!(json["summary"]["limiting"], "DAT");
    assert_eq!(json["summary"]["scope"]["scope"], "module");
    assert_eq!(json["summary"]["scope"]["origin"], "detected");
    assert_eq!(json["summary"]["passed"], 4);
    assert_eq!(json["summary"]["failed"], 0);
    assert_eq!(category(&json, "DAT")["level"], 2);
    assert_eq!(category(&json, "DAT")["coverage"], 1.0);
    // Attested-only categories have no evidence, so no level at all, and say what they need.
    assert_eq!(category(&json, "PROC")["level"], Value::Null);
    assert_eq!(category(&json, "PROC")["coverage"], 0.0);
    assert_eq!(
        category(&json, "PROC")["pending_attestations"],
        serde_json::json!(["PROC-1.1"])
    );
    assert_eq!(
        category(&json, "PROC")["objectives"][0]["status"],
        "needs_attestation"
    );
    assert_eq!(domain(&json, "structural")["level"], 2);
    assert_eq!(domain(&json, "procedural")["level"], Value::Null);
    assert_eq!(json["findings"], Value::Array(vec![]));
    assert_eq!(json["gate"]["passed"], true);
}

#[test]
fn gate_failures_exit_one() {
    let dir = tree(&[("main.tf", CLEAN)]);
    assert_eq!(scan_small(dir.path(), &["--min-level", "3"]).code, 1);
    assert_eq!(scan_small(dir.path(), &["--min-category", "DAT=2"]).code, 0);
    assert_eq!(scan_small(dir.path(), &["--min-category", "dat=3"]).code, 1);
    assert_eq!(
        scan_small(dir.path(), &["--min-domain", "structural=2"]).code,
        0
    );
    // No evidence never satisfies a gate, even a gate at level 0.
    let run = scan_small(dir.path(), &["--min-domain", "procedural=0"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("FAIL domain procedural: level n/a (needs 0)"),
        "{}",
        run.stdout
    );
}

#[test]
fn unknown_gate_target_and_bad_flags_are_usage_errors() {
    let dir = tree(&[("main.tf", CLEAN)]);
    let run = scan_small(dir.path(), &["--min-category", "NOPE=1"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no category \"NOPE\""),
        "{}",
        run.stderr
    );
    assert_eq!(scan_small(dir.path(), &["--min-level", "9"]).code, 2);
    assert_eq!(
        scan_small(dir.path(), &["--min-domain", "structural"]).code,
        2
    );
    assert_eq!(rungs(&["scan", "/definitely/not/here"]).code, 2);
    assert_eq!(rungs(&["frobnicate"]).code, 2);
}

#[test]
fn a_finding_drops_the_level_and_threshold_relaxes_it() {
    let dir = tree(&[("main.tf", ONE_FLAGGED)]);
    let run = scan_small(dir.path(), &["--format", "json", "--min-level", "1"]);
    assert_eq!(run.code, 1);
    let json = run.json();
    assert_eq!(category(&json, "DAT")["level"], 0);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(
        (
            f["policy"].as_str(),
            f["resource"].as_str(),
            f["file"].as_str(),
            f["line"].as_u64(),
            f["message"].as_str()
        ),
        (
            Some("TEST-001"),
            Some("test_thing.b"),
            Some("main.tf"),
            Some(6),
            Some("thing is flagged")
        )
    );
    let objective = &category(&json, "DAT")["objectives"][0];
    assert_eq!(
        (objective["status"].as_str(), objective["rate"].as_f64()),
        (Some("failed"), Some(0.5))
    );

    // TEST-001 is high: its failure fails the objective whatever the threshold.
    let relaxed = scan_small(dir.path(), &["--format", "json", "--threshold", "0.5"]).json();
    assert_eq!(category(&relaxed, "DAT")["level"], 0);
    assert_eq!(category(&relaxed, "DAT")["objectives"][0]["severe"], 1);
    // As a medium policy, one failure in two meets a 0.5 threshold but not the default 0.9.
    let config = dir.path().join("medium.yaml");
    fs::write(&config, "severity: {TEST-001: medium}\n").unwrap();
    let config = config.to_str().unwrap();
    let medium = scan_small(dir.path(), &["--format", "json", "--config", config]).json();
    assert_eq!(
        (
            category(&medium, "DAT")["level"].as_u64(),
            category(&medium, "DAT")["score"].as_f64()
        ),
        (Some(0), Some(0.5))
    );
    let relaxed = scan_small(
        dir.path(),
        &["--format", "json", "--config", config, "--threshold", "0.5"],
    )
    .json();
    assert_eq!(category(&relaxed, "DAT")["level"], 2);
}

#[test]
fn text_report_shows_levels_findings_and_locations() {
    let dir = tree(&[("main.tf", ONE_FLAGGED)]);
    let run = scan_small(dir.path(), &[]);
    assert_eq!(run.code, 0);
    let out = run.stdout;
    assert!(
        out.contains("checks: 3 passed, 1 failed, 0 errors"),
        "{out}"
    );
    assert!(out.contains("DAT Data"), "{out}");
    assert!(
        out.contains("TEST-001 [high] Test resources are not flagged"),
        "{out}"
    );
    assert!(
        out.contains("main.tf:6  test_thing.b  thing is flagged"),
        "{out}"
    );
    assert!(
        out.contains("scope: module (no provider configuration outside examples/ and tests/)"),
        "{out}"
    );
    assert!(
        out.contains(
            "    DAT Data                                   ░░░░░    0   0.50   coverage 100%"
        ),
        "{out}"
    );
    // The next step is the one fix that lifts DAT, with its place and policy.
    assert!(
        out.contains("  DAT Data: L0 (0.50) → L2 in 1 change\n    fix     main.tf:6  test_thing.b  TEST-001 [high] (DAT-1.1)\n            thing is flagged\n"),
        "{out}"
    );
}

#[test]
fn runtime_errors_are_their_own_outcome_never_a_pass() {
    let dir = tree(&[(
        "main.tf",
        b"variable \"size\" {}\nresource \"test_thing\" \"a\" {\n  flagged = false\n  size    = var.size\n}\n",
    )]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(json["summary"]["errors"], 1);
    let error = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["policy"] == "TEST-002")
        .unwrap();
    assert_eq!(error["outcome"], "error");
    assert_eq!(error["resource"], "test_thing.a");
    let objective = &category(&json, "DAT")["objectives"][1];
    assert_eq!(objective["status"], "error");
    // Level 1 is met; the errored level-2 objective blocks level 2.
    assert_eq!(category(&json, "DAT")["level"], 1);
    let codes: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["R203"]);
}

#[test]
fn bad_input_is_reported_with_locations_and_the_rest_is_scanned() {
    let dir = tree(&[
        ("app/main.tf", ONE_FLAGGED),
        ("app/broken.tf", b"resource \"test_thing\" \"hidden\" {\n  flagged = true\n"),
        ("app/empty.tf", b""),
        ("app/latin1.tf", b"resource \"test_thing\" \"latin\" {\n  name = \"caf\xe9\"\n}\n"),
        ("cycle/a/main.tf", b"module \"b\" {\n  source = \"../b\"\n}\n"),
        ("cycle/b/main.tf", b"module \"a\" {\n  source = \"../a\"\n}\nresource \"test_thing\" \"in_cycle\" {\n  flagged = true\n  size = 1\n}\n"),
    ]);
    let model = fixtures().join("gate/model.yaml");
    let good = fixtures().join("user-policies/good");
    let broken = fixtures().join("user-policies/broken");
    let run = rungs(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        good.to_str().unwrap(),
        "--policy",
        broken.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let diags: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let loc = &d["location"];
            let mut at = loc["file"].as_str().unwrap().to_string();
            at = at.rsplit("user-policies/").next().unwrap().to_string();
            if let Some(l) = loc["line"].as_u64() {
                at.push_str(&format!(":{l}:{}", loc["column"]));
            }
            (d["code"].as_str().unwrap().to_string(), at)
        })
        .collect();
    assert_eq!(
        diags,
        vec![
            // Policy paths are absolute here, so they sort first.
            ("R202".to_string(), "broken/nometa.rego:1:1".to_string()),
            ("R201".to_string(), "broken/syntax.rego:14:1".to_string()),
            ("R201".to_string(), "broken/unsafe.rego:13:5".to_string()),
            ("R003".to_string(), "app/broken.tf:2:18".to_string()),
            ("R002".to_string(), "app/latin1.tf:2:14".to_string()),
            ("R101".to_string(), "cycle/b/main.tf:1:1".to_string()),
        ]
    );
    // The good policies still ran on everything that loaded, including the cycle's module.
    let failing: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["resource"].as_str().unwrap())
        .collect();
    assert_eq!(
        failing,
        vec!["test_thing.b", "module.b.test_thing.in_cycle"]
    );
    assert_eq!(json["scan"]["policies"], 2);
}

#[test]
fn input_prints_the_policy_documents() {
    let dir = tree(&[(
        "main.tf",
        b"variable \"name\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n  tags = { team = \"x\" }\n}\nprovider \"aws\" {\n  alias = \"replica\"\n}\n",
    )]);
    let run = rungs(&["input", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs: Value = serde_json::from_str(&run.stdout).unwrap();
    let r = &docs[0]["resources"][0];
    assert_eq!(r["address"], "aws_s3_bucket.b");
    assert_eq!(r["config"]["bucket"], "${var.name}");
    assert_eq!(r["config"]["tags"]["team"], "x");
    assert_eq!(docs[0]["root"], ".");
    assert_eq!(docs[0]["schema_version"], 1);
    assert_eq!(
        docs[0]["providers"],
        serde_json::json!([{"name": "aws", "alias": "replica", "file": "main.tf", "line": 6,
            "config": {"alias": "replica"}}])
    );
    assert_eq!(
        docs[0]["resources_by_type"]["aws_s3_bucket"][0]["address"],
        "aws_s3_bucket.b"
    );
}

#[test]
fn policy_test_reports_counts_and_fails_on_failure() {
    let dir = tree(&[
        ("p/a.rego", b"# METADATA\n# title: A\n# custom:\n#   id: A-1\n#   severity: low\n#   resource_types: [t]\n#   controls: [DAT-1.1]\npackage a\nimport rego.v1\ndeny contains {\"resource\": r.address, \"message\": \"bad\"} if { some r in input.resources; r.bad }\n"),
        ("p/a_test.rego", b"package a_test\nimport rego.v1\nimport data.a\ntest_flags_bad if { count(a.deny) == 1 with input as {\"resources\": [{\"address\": \"x\", \"bad\": true}]} }\ntest_wrong if { count(a.deny) == 2 with input as {\"resources\": []} }\n"),
    ]);
    let run = rungs(&["policy", "test", dir.path().join("p").to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("  ok    test_flags_bad"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("  FAIL  test_wrong"), "{}", run.stdout);
    assert!(
        run.stdout.ends_with("1 passed, 1 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn policy_show_maps_a_policy_onto_the_model() {
    let good = fixtures().join("user-policies/good");
    let model = fixtures().join("gate/model.yaml");
    let args = [
        "policy",
        "show",
        "test-002",
        "--no-default-policies",
        "--policy",
        good.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ];
    let run = rungs(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("TEST-002 [low] Sizes are small\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("kind: resource\nresource types: test_thing\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  DAT-2.1  L2 Structural / Data: Sizes are small\n"),
        "{}",
        run.stdout
    );

    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json: Value = serde_json::from_str(&rungs(&json_args).stdout).unwrap();
    assert_eq!(json["metadata"]["id"], "TEST-002");
    assert_eq!(json["objectives"][0]["id"], "DAT-2.1");
    assert_eq!(json["objectives"][0]["domain"], "structural");

    let missing = rungs(&["policy", "show", "NOPE-1"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no policy with id \"NOPE-1\""),
        "{}",
        missing.stderr
    );
}

#[test]
fn model_show_lists_objectives_with_their_policies() {
    let good = fixtures().join("user-policies/good");
    let model = fixtures().join("gate/model.yaml");
    let run = rungs(&[
        "model",
        "show",
        "--no-default-policies",
        "--policy",
        good.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("    DAT-1.1  L1 automated Nothing is flagged\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("<- TEST-001\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("    PROC-1.1 L1 attested  People follow a process\n"),
        "{}",
        run.stdout
    );

    let json: Value = serde_json::from_str(
        &rungs(&[
            "model",
            "show",
            "--no-default-policies",
            "--policy",
            good.to_str().unwrap(),
            "--model",
            model.to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(
        json["domains"][0]["categories"][0]["objectives"][1]["policies"],
        serde_json::json!(["TEST-002"])
    );
}

/// The worked example of docs/writing-policies.md, end to end.
#[test]
fn worked_example_policy_tests_and_scans() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-policy");
    let policies = root.join("policies");
    let test = rungs(&["policy", "test", policies.to_str().unwrap()]);
    assert_eq!(test.code, 0, "{}", test.stdout);
    assert!(
        test.stdout.ends_with("4 passed, 0 failed\n"),
        "{}",
        test.stdout
    );

    let scan = rungs(&[
        "scan",
        root.join("terraform").to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(scan.code, 0, "{}", scan.stderr);
    let json = scan.json();
    let listed: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["resource"].as_str().unwrap(),
                f["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("aws_dynamodb_table.sessions", "fail"),
            ("aws_dynamodb_table.audit", "unknown")
        ]
    );
    let policy = &json["policies"][0];
    let counts = (
        policy["passed"].as_u64(),
        policy["failed"].as_u64(),
        policy["unknown"].as_u64(),
    );
    assert_eq!(counts, (Some(1), Some(1), Some(1)));
    assert_eq!(json["summary"]["unknown"], 1);
    // The unknown result stays out of the rate: 1 passed of 2 judged.
    let objective = &category(&json, "DAT")["objectives"];
    let cited: Vec<_> = objective
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["policies"] == serde_json::json!(["ACME-DDB-001"]))
        .collect();
    assert_eq!(cited[0]["rate"], 0.5);
}

#[test]
fn unreadable_var_files_and_broken_tfvars_are_located_errors() {
    let dir = tree(&[("main.tf", CLEAN), ("terraform.tfvars", b"size = \n")]);
    let missing = dir.path().join("nope.tfvars");
    let run = scan_small(
        dir.path(),
        &["--var-file", missing.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let diags: Vec<(String, String, Option<u64>)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["location"]["file"].as_str().unwrap();
            let file = file.rsplit('/').next().unwrap().to_string();
            (
                d["code"].as_str().unwrap().to_string(),
                file,
                d["location"]["line"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        diags,
        vec![
            ("R006".to_string(), "nope.tfvars".to_string(), None),
            ("R003".to_string(), "terraform.tfvars".to_string(), Some(1)),
        ]
    );
    // Both resources were still scanned.
    assert_eq!(json["summary"]["passed"], 4);
}
