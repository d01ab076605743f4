//! Suppressions (inline and config) and baselines, end to end on the binary: exact waived
//! addresses, counts, levels, diagnostics with locations, and exit codes. Today is 2026-03-15.

mod common;

use common::*;
use serde_json::{json, Value};
use std::fs;

fn s(parts: &[&str]) -> String {
    parts.concat()
}

#[test]
fn inline_suppressions_waive_failures_until_they_expire() {
    let main = s(&[
        &thing("a", false),
        "\n# rungs:ignore TEST-001 reason=\"known flagged thing\" expires=2027-01-31\n",
        &thing("b", true),
        "\n# owned by team x\n# rungs:ignore TEST-001 reason=\"last day today\" expires=2026-03-15\n",
        &thing("e", true),
        "\n# rungs:ignore TEST-001 reason=\"old\" expires=2026-03-14\n",
        &thing("c", true),
        "\n// rungs:ignore TEST-001, TEST-002 reason=\"vendored module\"\nmodule \"m\" {\n  source = \"./m\"\n}\n",
    ]);
    let inner = thing("inner", true);
    let dir = tree(&[("main.tf", &main), ("m/main.tf", &inner)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![
            ("fail".into(), "test_thing.c".into(), "".into()),
            (
                "waived".into(),
                "module.m.test_thing.inner".into(),
                "inline".into()
            ),
            ("waived".into(), "test_thing.b".into(), "inline".into()),
            ("waived".into(), "test_thing.e".into(), "inline".into()),
        ]
    );
    let b = &json["findings"][2];
    assert_eq!(
        b["waiver"],
        json!({"source": "inline", "reason": "known flagged thing", "expires": "2027-01-31",
               "location": {"file": "main.tf", "line": 6, "column": 3}})
    );
    assert_eq!(
        json["findings"][1]["waiver"]["location"],
        json!({"file": "main.tf", "line": 25, "column": 4})
    );
    assert_eq!(
        (
            &json["summary"]["passed"],
            &json["summary"]["failed"],
            &json["summary"]["waived"]
        ),
        (&json!(6), &json!(1), &json!(3))
    );
    // Waived results stay out of the pass rate: 1 passed, 1 failed.
    let dat1 = objective(&json, "DAT-1.1");
    assert_eq!(
        (&dat1["status"], &dat1["rate"], &dat1["waived"]),
        (&json!("failed"), &json!(0.5), &json!(3))
    );
    assert_eq!(
        diagnostics(&json),
        vec![
            (
                "R402".into(),
                "main.tf:19:3".into(),
                "suppression of TEST-001 expired on 2026-03-14; it no longer applies".into()
            ),
            (
                "R403".into(),
                "main.tf:25:4".into(),
                "suppression of TEST-002 waived nothing: no failing result matches it".into()
            ),
        ]
    );

    let text = scan_small(dir.path(), &[]).stdout;
    assert!(
        text.contains("checks: 6 passed, 1 failed, 0 errors, 3 waived"),
        "{text}"
    );
    assert!(
        text.contains(
            "TEST-001 main.tf:7  test_thing.b  [inline until 2027-01-31] known flagged thing"
        ),
        "{text}"
    );
    assert!(text.contains("warning[R402]: main.tf:19:3"), "{text}");
}

#[test]
fn waived_failures_let_the_level_and_the_gate_pass() {
    let main = s(&[
        &thing("a", false),
        "# rungs:ignore TEST-001 reason=\"demo fixture\"\n",
        &thing("b", true),
    ]);
    let dir = tree(&[("main.tf", &main)]);
    let run = scan_small(dir.path(), &["--format", "json", "--min-category", "DAT=2"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    assert_eq!(category(&json, "DAT")["level"], 2);
    let dat1 = objective(&json, "DAT-1.1");
    assert_eq!(
        (
            &dat1["passed"],
            &dat1["failed"],
            &dat1["waived"],
            &dat1["rate"]
        ),
        (&json!(1), &json!(0), &json!(1), &json!(1.0))
    );
    // Without the comment the same tree fails the gate.
    let dir = tree(&[("main.tf", &s(&[&thing("a", false), &thing("b", true)]))]);
    assert_eq!(scan_small(dir.path(), &["--min-category", "DAT=2"]).code, 1);
}

#[test]
fn a_suppression_without_reason_is_an_error_and_does_not_apply() {
    let main = s(&["# rungs:ignore TEST-001\n", &thing("b", true)]);
    let dir = tree(&[("main.tf", &main)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![("fail".into(), "test_thing.b".into(), "".into())]
    );
    assert_eq!(
        diagnostics(&json),
        vec![(
            "R404".into(),
            "main.tf:1:3".into(),
            "suppression of TEST-001 has no reason: a reason is required".into()
        )]
    );
}

#[test]
fn malformed_inline_suppressions_are_errors_at_the_token() {
    let main = s(&[
        "# rungs:ignore TEST-001 reason=x expires=2026-02-30\n",
        &thing("b", true),
        "# rungs:ignore TEST-001 reason=x until=2027-01-01\n",
        &thing("c", true),
    ]);
    let dir = tree(&[("main.tf", &main)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(json["summary"]["failed"], 2);
    assert_eq!(
        diagnostics(&json),
        vec![
            (
                "R404".into(),
                "main.tf:1:34".into(),
                "expires: 2026-02-30 is not a calendar date".into()
            ),
            (
                "R404".into(),
                "main.tf:6:34".into(),
                "unknown option \"until\"; the options are reason and expires".into()
            ),
        ]
    );
}

#[test]
fn errors_are_never_waived() {
    let main = "variable \"size\" {}\n# rungs:ignore TEST-002 reason=\"size comes from CI\"\nresource \"test_thing\" \"a\" {\n  flagged = false\n  size    = var.size\n}\n";
    let dir = tree(&[("main.tf", main)]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![("error".into(), "test_thing.a".into(), "".into())]
    );
    let codes: Vec<String> = diagnostics(&json).into_iter().map(|d| d.0).collect();
    // The rule error, and the suppression that waived nothing.
    assert_eq!(codes, vec!["R203", "R403"]);
}

#[test]
fn misplaced_inline_suppressions_are_reported() {
    let main = s(&[
        "# rungs:ignore TEST-001 reason=\"blank line below\"\n\n",
        &thing("b", true),
        "resource \"test_thing\" \"c\" { # rungs:ignore TEST-001 reason=\"same line\"\n  flagged = true\n  size = 1\n}\n",
    ]);
    let dir = tree(&[("main.tf", &main)]);
    let json = scan_small(dir.path(), &["--format", "json"]).json();
    assert_eq!(json["summary"]["failed"], 2);
    assert_eq!(
        diagnostics(&json),
        vec![
            (
                "R403".into(),
                "main.tf:1:3".into(),
                "suppression of TEST-001 is not directly above a resource, data or module block of this scan, so it applies to nothing".into()
            ),
            (
                "R403".into(),
                "main.tf:7:31".into(),
                "`rungs:ignore` after code on the same line applies to nothing".into()
            ),
        ]
    );
}

const PROD_AND_STAGING: &str =
    "resource \"test_thing\" \"b\" {\n  flagged = true\n  size    = 1\n}\n";

#[test]
fn config_suppressions_match_policy_resource_and_root_globs() {
    let config = "suppressions:\n  - policy: TEST-*\n    resource: test_thing.b\n    root: envs/prod\n    reason: prod exception, ticket SEC-12\n    expires: 2027-01-31\n  - policy: TEST-001\n    resource: module.gone.*\n    reason: old module\n  - policy: TEST-002\n    reason: expired exception\n    expires: 2026-03-14\n";
    let dir = tree(&[
        ("envs/prod/main.tf", PROD_AND_STAGING),
        ("envs/staging/main.tf", PROD_AND_STAGING),
        (".rungs.yaml", config),
    ]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["scan"]["config"], ".rungs.yaml");
    let found: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["outcome"].as_str().unwrap().into(),
                f["root"].as_str().unwrap().into(),
                f["waiver"]["source"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("fail".into(), "envs/staging".into(), "".into()),
            ("waived".into(), "envs/prod".into(), "config".into()),
        ]
    );
    assert_eq!(
        json["findings"][1]["waiver"],
        json!({"source": "config", "reason": "prod exception, ticket SEC-12", "expires": "2027-01-31",
               "location": {"file": ".rungs.yaml", "line": 2, "column": 5}})
    );
    assert_eq!(
        diagnostics(&json),
        vec![
            (
                "R403".into(),
                ".rungs.yaml:7:5".into(),
                "suppression of TEST-001 waived nothing: no failing result matches it".into()
            ),
            (
                "R402".into(),
                ".rungs.yaml:10:5".into(),
                "suppression of TEST-002 expired on 2026-03-14; it no longer applies".into()
            ),
        ]
    );
}

#[test]
fn a_config_suppression_without_reason_is_an_error() {
    let dir = tree(&[
        ("main.tf", PROD_AND_STAGING),
        (
            ".rungs.yaml",
            "suppressions:\n  - policy: TEST-001\n    resource: test_thing.b\n",
        ),
    ]);
    let run = scan_small(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![("fail".into(), "test_thing.b".into(), "".into())]
    );
    assert_eq!(
        diagnostics(&json),
        vec![(
            "R404".into(),
            ".rungs.yaml:2:5".into(),
            "suppression of TEST-001 has no reason: a reason is required".into()
        )]
    );
}

fn baseline_entries(path: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn baselines_waive_known_findings_so_only_new_ones_fail() {
    let out = tempfile::tempdir().unwrap();
    let base = out.path().join("base.json");
    let base = base.to_str().unwrap();
    let dir = tree(&[
        (
            "main.tf",
            &s(&[&thing("a", false), &thing("b", true), &thing("c", true)]),
        ),
        ("envs/staging/main.tf", &thing("x", false)),
    ]);
    let run = scan_small(dir.path(), &["--write-baseline", base, "--min-level", "1"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, format!("wrote 2 findings to baseline {base}\n"));
    // The findings, and the levels this scan has once they are waived.
    assert_eq!(
        baseline_entries(std::path::Path::new(base)),
        json!({"version": 2,
               "findings": [{"policy": "TEST-001", "root": ".", "resource": "test_thing.b"},
                            {"policy": "TEST-001", "root": ".", "resource": "test_thing.c"}],
               "levels": [{"id": "program", "level": 2, "score": 2.0},
                          {"id": "structural", "level": 2, "score": 2.0},
                          {"id": "procedural", "level": null, "score": null},
                          {"id": "DAT", "level": 2, "score": 2.0},
                          {"id": "PROC", "level": null, "score": null},
                          {"id": "IR", "level": null, "score": null}]})
    );

    // With the baseline, the same findings pass the gate, even after the code moved.
    write(
        dir.path(),
        &[(
            "main.tf",
            &s(&[
                "\n\n\n",
                &thing("c", true),
                &thing("a", false),
                &thing("b", true),
            ]),
        )],
    );
    let run = scan_small(
        dir.path(),
        &["--baseline", base, "--min-level", "1", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    // c now comes first in the file.
    assert_eq!(
        findings(&json),
        vec![
            ("waived".into(), "test_thing.c".into(), "baseline".into()),
            ("waived".into(), "test_thing.b".into(), "baseline".into()),
        ]
    );
    assert_eq!(
        json["findings"][0]["waiver"],
        json!({"source": "baseline", "reason": "accepted when the baseline was written",
               "location": {"file": base}})
    );

    // Fix c, add d, and flag x in another root with the same policy: only d and x fail.
    write(
        dir.path(),
        &[
            (
                "main.tf",
                &s(&[
                    &thing("a", false),
                    &thing("b", true),
                    &thing("c", false),
                    &thing("d", true),
                ]),
            ),
            ("envs/staging/main.tf", &thing("b", true)),
        ],
    );
    let run = scan_small(
        dir.path(),
        &["--baseline", base, "--min-level", "1", "--format", "json"],
    );
    assert_eq!(run.code, 1);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![
            ("fail".into(), "test_thing.b".into(), "".into()),
            ("fail".into(), "test_thing.d".into(), "".into()),
            ("waived".into(), "test_thing.b".into(), "baseline".into()),
        ]
    );
    assert_eq!(json["findings"][0]["root"], "envs/staging");
    assert_eq!(
        json["baseline"],
        json!({"file": base, "entries": 2, "present": 1,
               "fixed": [{"policy": "TEST-001", "root": ".", "resource": "test_thing.c"}],
               "levels": baseline_entries(std::path::Path::new(base))["levels"]})
    );
    let text = scan_small(dir.path(), &["--baseline", base]).stdout;
    assert!(
        text.contains(&format!("Baseline {base}: 2 entries, 1 still failing (waived unless suppressed), 1 fixed\n  fixed  TEST-001  . › test_thing.c\n")),
        "{text}"
    );

    // Rewriting the baseline keeps what it still waives and adds the new findings.
    let run = scan_small(dir.path(), &["--baseline", base, "--write-baseline", base]);
    assert_eq!(run.stderr, format!("wrote 3 findings to baseline {base}\n"));
    let resources: Vec<(String, String)> = baseline_entries(std::path::Path::new(base))["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["root"].as_str().unwrap().into(),
                e["resource"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        resources,
        vec![
            (".".into(), "test_thing.b".into()),
            (".".into(), "test_thing.d".into()),
            ("envs/staging".into(), "test_thing.b".into()),
        ]
    );
    // Only the baseline file was written.
    let mut names: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["base.json"]);
}

#[test]
fn fail_on_level_drop_holds_a_team_to_its_baseline_levels() {
    let out = tempfile::tempdir().unwrap();
    let base = out.path().join("base.json");
    let base = base.to_str().unwrap();
    let dir = tree(&[("main.tf", &s(&[&thing("a", false), &thing("b", true)]))]);
    // Adopting: everything known is baselined; the levels it records are met as they stand.
    assert_eq!(scan_small(dir.path(), &["--write-baseline", base]).code, 0);
    let run = scan_small(
        dir.path(),
        &[
            "--baseline",
            base,
            "--fail-on-level-drop",
            "--min-level",
            "1",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("  ok   program: level 2, score 2.00 (needs 2 and 2.00)\n"),
        "{}",
        run.stdout
    );
    // A new flagged thing is a new failure: DAT and the program drop below the baseline.
    write(
        dir.path(),
        &[(
            "main.tf",
            &s(&[&thing("a", false), &thing("b", true), &thing("c", true)]),
        )],
    );
    let run = scan_small(
        dir.path(),
        &[
            "--baseline",
            base,
            "--fail-on-level-drop",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let failed: Vec<(String, String, Value, Value)> = run.json()["gate"]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["passed"] == false)
        .map(|r| {
            (
                r["scope"].as_str().unwrap().to_string(),
                r["id"].as_str().unwrap_or("").to_string(),
                r["actual"].clone(),
                r["actual_score"].clone(),
            )
        })
        .collect();
    assert_eq!(
        failed,
        vec![
            // TEST-001: a passes, b is waived, c fails: 1/2.
            ("program".into(), "".into(), json!(0), json!(0.5)),
            ("domain".into(), "structural".into(), json!(0), Value::Null),
            ("category".into(), "DAT".into(), json!(0), Value::Null),
        ]
    );
    // A version 1 baseline records no levels: the flag cannot work and says so.
    fs::write(base, "{\"version\": 1, \"findings\": []}").unwrap();
    let run = scan_small(dir.path(), &["--baseline", base, "--fail-on-level-drop"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--fail-on-level-drop needs a baseline that records levels"),
        "{}",
        run.stderr
    );
}

#[test]
fn suppressions_come_before_the_baseline_and_the_config_can_name_it() {
    let dir = tree(&[
        ("main.tf", &s(&["# rungs:ignore TEST-001 reason=\"accepted risk\"\n", &thing("b", true), &thing("c", true)])),
        ("ci/base.json", "{\"version\": 1, \"findings\": [{\"policy\": \"TEST-001\", \"root\": \".\", \"resource\": \"test_thing.b\"}, {\"policy\": \"TEST-001\", \"root\": \".\", \"resource\": \"test_thing.c\"}]}"),
        ("ci/rungs.yaml", "baseline: base.json\n"),
    ]);
    let config = dir.path().join("ci/rungs.yaml");
    let run = scan_small(
        dir.path(),
        &["--config", config.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![
            ("waived".into(), "test_thing.b".into(), "inline".into()),
            ("waived".into(), "test_thing.c".into(), "baseline".into()),
        ]
    );
    // b is still failing underneath its suppression: not fixed.
    assert_eq!(
        (&json["baseline"]["present"], &json["baseline"]["fixed"]),
        (&json!(2), &json!([]))
    );
}

#[test]
fn invalid_baselines_are_errors_with_positions() {
    let dir = tree(&[
        ("main.tf", &thing("a", false)),
        ("syntax.json", "{\"version\": 1,\n \"findings\": [}\n"),
        ("v3.json", "{\"version\": 3, \"findings\": []}"),
        ("extra.json", "{\"version\": 1, \"findings\": [{\"policy\": \"P\", \"root\": \".\", \"resource\": \"r\", \"line\": 3}]}"),
    ]);
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let cases = [
        ("syntax.json", format!("error[R407]: {}:2:15: invalid baseline: expected value", path("syntax.json"))),
        ("v3.json", format!("error[R407]: {}: baseline version 3 is not supported; this rungs reads versions 1 to 2", path("v3.json"))),
        ("extra.json", format!("error[R407]: {}:1:80: invalid baseline: unknown field `line`, expected one of `policy`, `root`, `resource`", path("extra.json"))),
    ];
    for (name, first_line) in cases {
        let run = scan_small(dir.path(), &["--baseline", &path(name)]);
        assert_eq!(run.code, 2, "{name}");
        assert_eq!(run.stdout, "", "{name}");
        assert_eq!(
            run.stderr.lines().next(),
            Some(first_line.as_str()),
            "{name}"
        );
    }
    let run = scan_small(dir.path(), &["--baseline", &path("missing.json")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(&format!(
            "error[R407]: {}: cannot read baseline:",
            path("missing.json")
        )),
        "{}",
        run.stderr
    );
    // --write-baseline into a missing directory is an error, and nothing else is written.
    let run = scan_small(
        dir.path(),
        &["--write-baseline", &path("no/such/dir/base.json")],
    );
    assert_eq!(run.code, 2);
    assert!(!dir.path().join("no").exists());
}

#[test]
fn a_module_call_suppression_covers_nested_modules_in_every_root_that_calls_it() {
    let call = |name: &str| format!("module \"{name}\" {{\n  source = \"../../modules/app\"\n}}\n");
    let dir = tree(&[
        ("envs/prod/main.tf", &call("app")),
        ("envs/dev/main.tf", &call("app")),
        (
            "modules/app/main.tf",
            &s(&[
                &thing("top", true),
                "# rungs:ignore TEST-001 reason=\"inner library, patched upstream\"\nmodule \"lib\" {\n  source = \"../lib\"\n}\n",
            ]),
        ),
        ("modules/lib/main.tf", &s(&[&thing("deep", true), "module \"deeper\" {\n  source = \"../leaf\"\n}\n"])),
        ("modules/leaf/main.tf", &thing("leaf", true)),
    ]);
    let json = scan_small(dir.path(), &["--format", "json"]).json();
    let outcomes: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["outcome"].as_str().unwrap().into(),
                format!(
                    "{} {}",
                    f["root"].as_str().unwrap(),
                    f["resource"].as_str().unwrap()
                ),
                f["waiver"]["source"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        vec![
            (
                "fail".into(),
                "envs/dev module.app.test_thing.top".into(),
                "".into()
            ),
            (
                "fail".into(),
                "envs/prod module.app.test_thing.top".into(),
                "".into()
            ),
            (
                "waived".into(),
                "envs/dev module.app.module.lib.module.deeper.test_thing.leaf".into(),
                "inline".into()
            ),
            (
                "waived".into(),
                "envs/prod module.app.module.lib.module.deeper.test_thing.leaf".into(),
                "inline".into()
            ),
            (
                "waived".into(),
                "envs/dev module.app.module.lib.test_thing.deep".into(),
                "inline".into()
            ),
            (
                "waived".into(),
                "envs/prod module.app.module.lib.test_thing.deep".into(),
                "inline".into()
            ),
        ]
    );
    assert_eq!(json["diagnostics"], json!([]));
}

#[test]
fn diff_shows_waivers_added_and_removed_and_fails_on_a_level_drop() {
    let model = common::fixtures().join("gate/model.yaml");
    let policies = common::fixtures().join("user-policies/good");
    let ignore = "\n# rungs:ignore TEST-001 reason=\"known flagged thing\" expires=2027-01-31\n";
    let base = tree(&[(
        "main.tf",
        &s(&[&thing("a", false), ignore, &thing("b", true)]),
    )]);
    // The head drops the inline waiver of b and waives a new flagged c instead.
    let head = tree(&[(
        "main.tf",
        &s(&[
            &thing("a", false),
            &thing("b", true),
            ignore,
            &thing("c", true),
        ]),
    )]);
    let diff = |extra: &[&str]| {
        let mut args = vec![
            "diff",
            base.path().to_str().unwrap(),
            head.path().to_str().unwrap(),
            "--no-default-policies",
            "--policy",
            policies.to_str().unwrap(),
            "--model",
            model.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        rungs(&args)
    };
    let run = diff(&["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let waivers: Vec<(String, String, String)> = json["waivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["change"].as_str().unwrap().into(),
                w["resource"].as_str().unwrap().into(),
                w["source"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        waivers,
        vec![
            ("added".into(), "test_thing.c".into(), "inline".into()),
            ("removed".into(), "test_thing.b".into(), "inline".into()),
        ]
    );
    let text = diff(&[]).stdout;
    assert!(
        text.contains("Waivers changed (2)\n  added    TEST-001 . › test_thing.c  (inline: known flagged thing, until 2027-01-31)\n  removed  TEST-001 . › test_thing.b  (inline: known flagged thing, until 2027-01-31)\n"),
        "{text}"
    );
    // b fails again: DAT drops from 2 to 0. The other way round, it is a rise.
    assert_eq!(diff(&["--fail-on-level-drop"]).code, 1);
    let reverse = rungs(&[
        "diff",
        head.path().to_str().unwrap(),
        base.path().to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        policies.to_str().unwrap(),
        "--model",
        model.to_str().unwrap(),
        "--fail-on-level-drop",
    ]);
    assert_eq!(reverse.code, 0, "{}", reverse.stdout);
}
