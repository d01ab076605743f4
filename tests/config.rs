//! The config file, `rungs init` and attestations, end to end on the binary: exact levels,
//! gates, diagnostics with locations, and exit codes. Today is 2026-03-15.

mod common;

use common::*;
use serde_json::json;
use std::fs;

fn policy_files() -> Vec<(String, String)> {
    ["flagged.rego", "arith.rego"]
        .iter()
        .map(|name| {
            let text =
                fs::read_to_string(fixtures().join("user-policies/good").join(name)).unwrap();
            (format!("rules/{name}"), text)
        })
        .collect()
}

/// A tree holding its own policies and model, so the config can name them by relative path.
fn self_contained(config: &str, main: &str) -> tempfile::TempDir {
    let model = fs::read_to_string(fixtures().join("gate/model.yaml")).unwrap();
    let dir = tree(&[
        ("infra/main.tf", main),
        ("infra/.rungs.yaml", config),
        ("infra/model.yaml", &model),
    ]);
    for (path, text) in policy_files() {
        write(&dir.path().join("infra"), &[(&path, &text)]);
    }
    dir
}

fn scan(dir: &std::path::Path, extra: &[&str]) -> Run {
    let mut args = vec!["scan", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    rungs(&args)
}

fn one_flagged() -> String {
    [thing("a", false), thing("b", true)].concat()
}

fn gate(json: &serde_json::Value) -> Vec<(String, String, u64, serde_json::Value)> {
    json["gate"]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["scope"].as_str().unwrap().into(),
                r["id"].as_str().unwrap_or("").into(),
                r["min"].as_u64().unwrap(),
                r["actual"].clone(),
            )
        })
        .collect()
}

#[test]
fn the_config_at_the_scan_root_sets_policies_model_threshold_and_gate() {
    // TEST-001 made medium: a high failure would fail its objective whatever the threshold.
    let config = "version: 1\npolicies: [rules]\ndefault_policies: false\nmodel: model.yaml\nthreshold: 0.5\nseverity: {TEST-001: medium}\ntargets:\n  program: 1\n  domains: {structural: 2}\n  categories: {DAT: 2}\n";
    let dir = self_contained(config, &one_flagged());
    let root = dir.path().join("infra");
    let run = scan(&root, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["scan"]["config"], ".rungs.yaml");
    assert_eq!(
        (
            json["scan"]["policies"].as_u64(),
            json["summary"]["threshold"].as_f64()
        ),
        (Some(2), Some(0.5))
    );
    assert_eq!(category(&json, "DAT")["level"], 2);
    assert_eq!(
        gate(&json),
        vec![
            ("program".into(), "".into(), 1, json!(2)),
            ("domain".into(), "structural".into(), 2, json!(2)),
            ("category".into(), "DAT".into(), 2, json!(2)),
        ]
    );
    // Flags replace single values: the threshold drops DAT to 0 and the gate fails...
    let run = scan(&root, &["--format", "json", "--threshold", "1.0"]);
    assert_eq!(run.code, 1);
    assert_eq!(category(&run.json(), "DAT")["level"], 0);
    // ...unless the flags also replace the targets of the same ids (case-insensitive).
    let run = scan(
        &root,
        &[
            "--format",
            "json",
            "--threshold",
            "1",
            "--min-level",
            "0",
            "--min-domain",
            "STRUCTURAL=0",
            "--min-category",
            "dat=0",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        gate(&run.json()),
        vec![
            // The model's ids, whatever the flags' spelling.
            ("program".into(), "".into(), 0, json!(0)),
            ("domain".into(), "structural".into(), 0, json!(0)),
            ("category".into(), "DAT".into(), 0, json!(0)),
        ]
    );
    // The text report names the config.
    let text = scan(&root, &[]).stdout;
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(" · config .rungs.yaml"),
        "{text}"
    );
}

#[test]
fn a_config_elsewhere_resolves_paths_from_its_own_directory() {
    let dir = self_contained(
        "policies: [rules]\ndefault_policies: false\nmodel: model.yaml\n",
        &one_flagged(),
    );
    let scanned = tree(&[("main.tf", &thing("b", true))]);
    let config = dir.path().join("infra/.rungs.yaml");
    let run = scan(
        scanned.path(),
        &["--config", config.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let shown = fs::canonicalize(&config).unwrap();
    assert_eq!(json["scan"]["config"], shown.to_str().unwrap());
    assert_eq!(json["model"]["id"], "test-model");
    assert_eq!(
        findings(&json),
        vec![("fail".into(), "test_thing.b".into(), "".into())]
    );
    // --policy adds to the config's directories and --no-default-policies stays off.
    let extra = tree(&[("p/x.rego", "# METADATA\n# title: X\n# custom:\n#   id: X-1\n#   severity: low\n#   resource_types: [test_thing]\n#   controls: [DAT-1.1]\npackage x\nimport rego.v1\ndeny contains {\"resource\": \"none\", \"message\": \"m\"} if false\n")]);
    let p = extra.path().join("p");
    let run = scan(
        scanned.path(),
        &[
            "--config",
            config.to_str().unwrap(),
            "--policy",
            p.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.json()["scan"]["policies"], 3);
}

#[test]
fn excludes_from_the_config_and_flags_add_up() {
    let dir = tree(&[
        ("a/main.tf", &thing("a", true)),
        ("b/main.tf", &thing("b", true)),
        ("c/main.tf", &thing("c", false)),
        (".rungs.yaml", "exclude: [a]\n"),
    ]);
    let json = scan_small(dir.path(), &["--exclude", "b", "--format", "json"]).json();
    let roots: Vec<&str> = json["scan"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["root"].as_str().unwrap())
        .collect();
    assert_eq!(roots, vec!["c"]);
}

#[test]
fn severity_overrides_and_disabled_policies() {
    let dir = tree(&[
        ("main.tf", &one_flagged()),
        (
            ".rungs.yaml",
            "severity:\n  TEST-001: low\n  NOPE-1: high\ndisabled:\n  - TEST-002\n  - NOPE-2\n",
        ),
    ]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let policies: Vec<(&str, &str)> = json["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(policies, vec![("TEST-001", "low")]);
    assert_eq!(json["findings"][0]["severity"], "low");
    // DAT-2.1's only policy is disabled, so it has no evidence.
    assert_eq!(objective(&json, "DAT-2.1")["status"], "unassessed");
    assert_eq!(
        diagnostics(&json),
        vec![
            (
                "R408".into(),
                ".rungs.yaml:3:3".into(),
                "`severity` names policy NOPE-1, which is not loaded".into()
            ),
            (
                "R408".into(),
                ".rungs.yaml:6:5".into(),
                "`disabled` names policy NOPE-2, which is not loaded".into()
            ),
        ]
    );
}

#[test]
fn invalid_configs_stop_before_scanning_with_their_position() {
    let cases = [
        ("targets:\n  program: 1\n  categroies: {DAT: 2}\n", "error[R401]: .rungs.yaml:3:3: invalid config: targets: unknown field `categroies`, expected one of `program`, `domains`, `categories`"),
        ("threshold: [1]\n", "error[R401]: .rungs.yaml:1:12: invalid config: threshold: invalid type: sequence, expected a pass rate above 0 and at most 1"),
        ("targets: {program: 9}\n", "error[R401]: .rungs.yaml:1:20: invalid config: targets.program: level must be a whole number from 0 to 5, got 9"),
        ("default_policies: maybe\n", "error[R401]: .rungs.yaml:1:19: invalid config: default_policies: invalid type: string \"maybe\", expected a boolean"),
        ("suppressions:\n  - policy: TEST-001\n    reason: r\n    expires: 31.01.2027\n", "error[R401]: .rungs.yaml:4:14: invalid config: suppressions[0].expires: expected a date as YYYY-MM-DD, got \"31.01.2027\""),
        ("suppressions:\n  - resource: x\n    reason: r\n", "error[R401]: .rungs.yaml:2:5: invalid config: suppressions[0]: missing field `policy`"),
        ("attestations:\n  - objective: PROC-1.1\n    by: Jo\n    date: 2025-01-01\n    evidence: e\n    expires: 2027-01-01\n    approved: yes\n", "error[R401]: .rungs.yaml:7:5: invalid config: attestations[0]: unknown field `approved`, expected one of `objective`, `by`, `date`, `evidence`, `expires`"),
        ("suppressions: [\n", "error[R401]: .rungs.yaml:2:1: invalid config: did not find expected node content at line 2 column 1, while parsing a flow node"),
    ];
    for (config, first_line) in cases {
        let dir = tree(&[("main.tf", &thing("a", false)), (".rungs.yaml", config)]);
        let run = scan_small(dir.path(), &[]);
        assert_eq!(run.code, 2, "{config}");
        assert_eq!(run.stdout, "", "{config}");
        assert_eq!(run.stderr.lines().next(), Some(first_line), "{config}");
        assert!(
            run.stderr.contains("help: see docs/config.md"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn unknown_targets_and_missing_config_files_are_errors() {
    let dir = tree(&[
        ("main.tf", &thing("a", false)),
        (
            ".rungs.yaml",
            "targets:\n  domains: {structural: 1}\n  categories:\n    DAT: 1\n    NOPE: 2\n",
        ),
    ]);
    let run = scan_small(dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.lines().next(),
        Some("error[R401]: .rungs.yaml:5:5: targets: the model has no category \"NOPE\"")
    );
    let missing = dir.path().join("nope.yaml");
    let run = scan_small(dir.path(), &["--config", missing.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(&format!(
            "error[R401]: {}: cannot read config:",
            missing.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_today_override_is_a_usage_error() {
    let dir = tree(&[("main.tf", &thing("a", false))]);
    let run = rungs_on("2026-3-15", &["scan", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.lines().next(),
        Some("error: RUNGS_TODAY: expected a date as YYYY-MM-DD, got \"2026-3-15\"")
    );
}

#[test]
fn init_writes_a_commented_config_once() {
    let dir = tree(&[("main.tf", &one_flagged())]);
    let path = dir.path().to_str().unwrap();
    let file = dir.path().join(".rungs.yaml");
    let run = rungs(&["init", path]);
    assert_eq!(
        (run.code, run.stdout.clone()),
        (0, format!("wrote {}\n", file.display()))
    );
    let written = fs::read_to_string(&file).unwrap();
    for key in [
        "version: 1",
        "policies: []",
        "default_policies: true",
        "# model:",
        "exclude:",
        "threshold: 0.9",
        "strict: false",
        "targets:",
        "severity:",
        "disabled:",
        "# baseline:",
        "suppressions:",
        "attestations:",
        "# rungs:ignore",
    ] {
        assert!(written.contains(key), "{key} missing:\n{written}");
    }
    // The written defaults change nothing.
    let with = scan_small(dir.path(), &["--format", "json"]).json();
    fs::rename(&file, dir.path().join("aside")).unwrap();
    let without = scan_small(dir.path(), &["--format", "json"]).json();
    fs::rename(dir.path().join("aside"), &file).unwrap();
    assert_eq!(
        (&with["summary"], &with["domains"]),
        (&without["summary"], &without["domains"])
    );
    assert_eq!(with["scan"]["config"], ".rungs.yaml");

    // Never overwritten without --force.
    fs::write(&file, "version: 1\n# mine\n").unwrap();
    let run = rungs(&["init", path]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: {} already exists\n  help: pass --force to overwrite it\n",
            file.display()
        )
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "version: 1\n# mine\n");
    assert_eq!(rungs(&["init", path, "--force"]).code, 0);
    assert_eq!(fs::read_to_string(&file).unwrap(), written);

    let missing = dir.path().join("missing");
    assert_eq!(rungs(&["init", missing.to_str().unwrap()]).code, 2);
    assert!(!missing.exists());
}

#[cfg(unix)]
#[test]
fn init_never_writes_through_a_link() {
    let dir = tree(&[("target.txt", "keep\n")]);
    let inner = dir.path().join("repo");
    fs::create_dir(&inner).unwrap();
    std::os::unix::fs::symlink(dir.path().join("target.txt"), inner.join(".rungs.yaml")).unwrap();
    let run = rungs(&["init", inner.to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("target.txt")).unwrap(),
        "keep\n"
    );
}

const ATTESTED: &str = "attestations:\n  - objective: PROC-1.1\n    by: Jane Doe <jane@example.com>\n    date: 2025-03-15\n    evidence: https://wiki.example.com/process\n    expires: 2026-03-15\n  - objective: IR-1.1\n    by: Sam\n    date: 2025-01-10\n    evidence: https://wiki.example.com/ir-plan\n    expires: 2026-03-14\n";

#[test]
fn attestations_meet_attested_objectives_until_they_expire() {
    let dir = tree(&[("main.tf", &thing("a", false)), (".rungs.yaml", ATTESTED)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    // PROC-1.1 expires today: still valid. IR-1.1 expired yesterday: unassessed again.
    let proc = objective(&json, "PROC-1.1");
    assert_eq!(
        (&proc["status"], &proc["passed"], &proc["rate"]),
        (&json!("met"), &json!(0), &json!(null))
    );
    assert_eq!(
        proc["attestation"],
        json!({"by": "Jane Doe <jane@example.com>", "date": "2025-03-15", "evidence": "https://wiki.example.com/process",
               "expires": "2026-03-15", "state": "valid", "location": {"file": ".rungs.yaml", "line": 2, "column": 5}})
    );
    let ir = objective(&json, "IR-1.1");
    assert_eq!(
        (&ir["status"], &ir["attestation"]["state"]),
        (&json!("needs_attestation"), &json!("expired"))
    );
    assert_eq!(category(&json, "PROC")["level"], 1);
    assert_eq!(category(&json, "IR")["level"], json!(null));
    assert_eq!(json["summary"]["level"], 1);
    assert_eq!(
        diagnostics(&json),
        vec![(
            "R406".into(),
            ".rungs.yaml:7:5".into(),
            "attestation of IR-1.1 expired on 2026-03-14; the objective counts as unassessed again unless policy results meet it".into()
        )]
    );
    let text = scan_small(dir.path(), &[]).stdout;
    assert!(text.contains("Attestations (2)\n  PROC-1.1 L1  attested  valid until 2026-03-15  by Jane Doe <jane@example.com>, 2025-03-15  https://wiki.example.com/process\n  IR-1.1   L1  attested  EXPIRED 2026-03-14 (counts for nothing)  by Sam, 2025-01-10  https://wiki.example.com/ir-plan\n"), "{text}");
    assert!(text.contains("warning[R406]: .rungs.yaml:7:5"), "{text}");

    // A day later PROC-1.1 has expired too, and PROC has no level again.
    let (policies, model) = (
        fixtures().join("user-policies/good"),
        fixtures().join("gate/model.yaml"),
    );
    let args = [
        "scan",
        dir.path().to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--format",
        "json",
    ];
    let later = rungs_on("2026-03-16", &args).json();
    assert_eq!(category(&later, "PROC")["level"], json!(null));
    let codes: Vec<String> = diagnostics(&later).into_iter().map(|d| d.0).collect();
    assert_eq!(codes, vec!["R406", "R406"]);
}

#[test]
fn an_attestation_overrides_failing_automated_results_of_an_either_objective() {
    let model = fs::read_to_string(fixtures().join("gate/model.yaml"))
        .unwrap()
        .replace(
            "{id: DAT-1.1, level: 1, title: Nothing is flagged, evidence: automated}",
            "{id: DAT-1.1, level: 1, title: Nothing is flagged, evidence: either}",
        );
    let config = "attestations:\n  - {objective: DAT-1.1, by: Jo, date: 2026-01-01, evidence: https://e/flag-review, expires: 2026-12-31}\n";
    let dir = tree(&[
        ("main.tf", &one_flagged()),
        ("model.yaml", &model),
        (".rungs.yaml", config),
    ]);
    let policies = fixtures().join("user-policies/good");
    let model = dir.path().join("model.yaml");
    let args = [
        "scan",
        dir.path().to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
    ];
    let run = rungs(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    // Met by the attestation; the automated results and the finding are still reported.
    let dat1 = objective(&json, "DAT-1.1");
    assert_eq!(
        (
            &dat1["status"],
            &dat1["passed"],
            &dat1["failed"],
            &dat1["rate"],
            &dat1["attestation"]["state"]
        ),
        (
            &json!("met"),
            &json!(1),
            &json!(1),
            &json!(0.5),
            &json!("valid")
        )
    );
    assert_eq!(category(&json, "DAT")["level"], 2);
    assert_eq!(
        findings(&json),
        vec![("fail".into(), "test_thing.b".into(), "".into())]
    );
    let text = rungs(&args).stdout;
    assert!(text.contains("DAT-1.1  L1  either    valid until 2026-12-31  by Jo, 2026-01-01  https://e/flag-review  automated 1/2 passed"), "{text}");
    // Without the attestation, automated evidence decides.
    fs::write(dir.path().join(".rungs.yaml"), "").unwrap();
    assert_eq!(
        category(
            &rungs(&[&args[..], &["--format", "json"]].concat()).json(),
            "DAT"
        )["level"],
        0
    );
}

#[test]
fn invalid_attestations_are_errors_and_do_not_count() {
    let config = "attestations:\n  - {objective: DAT-1.1, by: Jo, date: 2026-01-01, evidence: e, expires: 2027-01-01}\n  - {objective: GOV-9.9, by: Jo, date: 2026-01-01, evidence: e, expires: 2027-01-01}\n  - {objective: PROC-1.1, by: Jo, date: 2026-03-16, evidence: e, expires: 2027-01-01}\n  - {objective: IR-1.1, by: Jo, date: 2026-01-01, evidence: e, expires: 2025-12-31}\n  - {objective: IR-1.1, by: '', date: 2026-01-01, evidence: e, expires: 2027-01-01}\n";
    let dir = tree(&[("main.tf", &thing("a", false)), (".rungs.yaml", config)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(
        diagnostics(&json),
        vec![
            (
                "R405".into(),
                ".rungs.yaml:2:5".into(),
                "objective DAT-1.1 is automated: only policy results can meet it".into()
            ),
            (
                "R405".into(),
                ".rungs.yaml:3:5".into(),
                "the model has no objective GOV-9.9".into()
            ),
            (
                "R405".into(),
                ".rungs.yaml:4:5".into(),
                "attestation of PROC-1.1 is dated 2026-03-16, after today (2026-03-15)".into()
            ),
            (
                "R405".into(),
                ".rungs.yaml:5:5".into(),
                "attestation of IR-1.1 expires (2025-12-31) before its date (2026-01-01)".into()
            ),
            (
                "R405".into(),
                ".rungs.yaml:6:5".into(),
                "attestation of IR-1.1 needs `by` and `evidence`".into()
            ),
        ]
    );
    for id in ["PROC-1.1", "IR-1.1"] {
        assert_eq!(
            (
                &objective(&json, id)["status"],
                &objective(&json, id)["attestation"]
            ),
            (&json!("needs_attestation"), &json!(null))
        );
    }
}

#[test]
fn the_plan_lists_attestations_needed_for_each_target() {
    let config = "targets:\n  categories: {PROC: 1}\nattestations:\n  - {objective: IR-1.1, by: Sam, date: 2025-01-01, evidence: e, expires: 2026-01-01}\n";
    let dir = tree(&[("main.tf", &thing("a", false)), (".rungs.yaml", config)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 1, "the PROC target is a gate");
    let json = run.json();
    // DAT is at 2 and nothing above it has evidence or an attestable objective: not listed.
    assert_eq!(
        json["plan"],
        json!([
            {"category": "PROC", "name": "Process", "level": null, "score": null, "target": 1,
             "explicit": true, "reaches": 1, "score_after": 1.0,
             "steps": [{"action": "attest", "objective": "PROC-1.1", "level": 1,
                        "title": "People follow a process", "expired": false}]},
            {"category": "IR", "name": "Incident response", "level": null, "score": null,
             "target": 1, "explicit": false, "reaches": 1, "score_after": 1.0,
             "steps": [{"action": "attest", "objective": "IR-1.1", "level": 1,
                        "title": "A plan exists", "expired": true}]}
        ])
    );
    let text = scan_small(dir.path(), &[]).stdout;
    assert!(text.contains("Next steps (best yield first; `rungs plan` lists them all)\n  PROC Process: n/a → L1 in 1 change (target)\n    attest  PROC-1.1 (L1): People follow a process\n  IR Incident response: n/a → L1 in 1 change\n    renew   IR-1.1 (L1): A plan exists\n"), "{text}");
    // --min-category sets the target as well.
    let json = scan_small(
        dir.path(),
        &["--format", "json", "--min-category", "proc=0"],
    )
    .json();
    assert_eq!(json["plan"][0]["category"], "IR");
}
