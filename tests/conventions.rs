//! The everyday command-line conventions: colour, --quiet, --compact, --soft-fail, --verbose,
//! collapsed diagnostics, --version, completions and the man page.

use std::path::Path;
use std::process::{Command, Output};

const REPORT: &[&str] = &[
    "scan",
    "tests/fixtures/report",
    "--no-default-policies",
    "--policy",
    "tests/fixtures/user-policies/good",
    "--model",
    "tests/fixtures/gate/model.yaml",
    "--min-level",
    "1",
];

/// Runs rungs from the repository root with no colour variables but those given. Standard
/// output is a pipe, as in CI.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = REPORT.to_vec();
    args.extend(extra);
    args
}

#[test]
fn color_always_paints_severities_diagnostics_bars_and_the_verdict() {
    let out = run(&with(&["--color", "always"]), &[]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    for painted in [
        "  TEST-001 \x1b[31m[high]\x1b[0m Test resources are not flagged\n",
        "  TEST-002 \x1b[36m[low]\x1b[0m Sizes are small\n",
        "    main.tf:5  \x1b[31mERROR\x1b[0m test_thing.clean  ",
        "  \x1b[1m\x1b[31merror[R203]\x1b[0m: tests/fixtures/user-policies/good/arith.rego:15:13: ",
        "  Program                                      \x1b[2m░░░░░\x1b[0m    0   0.66",
        "\n\x1b[1m\x1b[31mGate FAILED\x1b[0m\n  \x1b[1m\x1b[31mFAIL\x1b[0m program: level 0 (needs 1)\n",
    ] {
        assert!(text.contains(painted), "missing {painted:?} in\n{text}");
    }
    // Removing the styles gives back the plain report, byte for byte.
    let plain = stdout(&run(REPORT, &[]));
    let stripped = text
        .split('\x1b')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                &part[part.find('m').unwrap() + 1..]
            }
        })
        .collect::<String>();
    assert_eq!(stripped, plain);
}

#[test]
fn no_colour_in_pipes_with_never_with_no_color_or_in_files() {
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(!esc(&run(REPORT, &[])), "piped output has no colour");
    assert!(!esc(&run(
        &with(&["--color", "never"]),
        &[("CLICOLOR_FORCE", "1")]
    )));
    // CLICOLOR_FORCE colours a pipe under `auto`, NO_COLOR wins over it.
    assert!(esc(&run(REPORT, &[("CLICOLOR_FORCE", "1")])));
    assert!(!esc(&run(
        REPORT,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    // An explicit --color always is the user's last word.
    assert!(esc(&run(
        &with(&["--color", "always"]),
        &[("NO_COLOR", "1")]
    )));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    let out = run(
        &with(&[
            "--color",
            "always",
            "--format",
            "text",
            "--output",
            file.to_str().unwrap(),
        ]),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("Gate FAILED") && !written.contains('\x1b'));
}

#[test]
fn a_report_written_elsewhere_leaves_one_summary_line_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let out = run(
        &with(&["--format", "json", "--output", file.to_str().unwrap()]),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let summary = &json["summary"];
    let errors = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    assert!(errors > 0);
    let n = |k: &str| summary[k].as_u64().unwrap();
    let expected = format!(
        "rungs: {} checks ({} passed, {} failed, {} unknown, {} waived, {} errors), {errors} error diagnostics · level {} ({:.2}), limited by {} · gate FAILED · wrote json to {}\n",
        n("passed") + n("failed") + n("unknown") + n("waived") + n("errors"),
        n("passed"),
        n("failed"),
        n("unknown"),
        n("waived"),
        n("errors"),
        n("level"),
        summary["score"].as_f64().unwrap(),
        summary["limiting"].as_str().unwrap(),
        file.display()
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), expected);
    // A machine format on standard output: the same line, naming standard output.
    let out = run(&with(&["--format", "sarif"]), &[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with(" · gate FAILED · wrote sarif to standard output\n"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    // The text report on standard output is its own summary: nothing on stderr.
    assert!(run(REPORT, &[]).stderr.is_empty());
}

#[test]
fn stderr_is_coloured_by_the_same_rules_as_stdout() {
    let bad = [
        "scan",
        "tests/fixtures/report",
        "--format",
        "text",
        "--output",
    ];
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/out.txt");
    let mut args = bad.to_vec();
    args.push(missing.to_str().unwrap());
    let plain = run(&args, &[]);
    assert_eq!(plain.status.code(), Some(2));
    let plain = String::from_utf8(plain.stderr).unwrap();
    assert!(plain.starts_with("error: "), "{plain}");
    let forced = String::from_utf8(run(&args, &[("CLICOLOR_FORCE", "1")]).stderr).unwrap();
    assert_eq!(
        forced,
        plain.replacen("error:", "\x1b[1m\x1b[31merror:\x1b[0m", 1)
    );
    let never = run(&args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert_eq!(String::from_utf8(never.stderr).unwrap(), plain);
}

#[test]
fn colour_leaves_escape_sequences_from_input_escaped() {
    // The scanned directory's name is input: its escape sequence stays visible text.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("a\x1b[2Jb");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(
        root.join("main.tf"),
        "resource \"null_resource\" \"x\" {}\n",
    )
    .unwrap();
    let out = run(&["--color", "always", "scan", root.to_str().unwrap()], &[]);
    let text = stdout(&out);
    assert!(text.contains("a\\u{1b}[2Jb"), "{text}");
    assert!(!text.contains("\x1b[2J"), "{text}");
}

/// A base and a head differing by one flagged resource, and the policy flagging it.
fn diff_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (side, flagged) in [("base", false), ("head", true)] {
        std::fs::create_dir(dir.path().join(side)).unwrap();
        std::fs::write(
            dir.path().join(side).join("main.tf"),
            format!("resource \"test_thing\" \"a\" {{\n  flagged = {flagged}\n}}\n"),
        )
        .unwrap();
    }
    std::fs::create_dir(dir.path().join("pol")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/user-policies/good/flagged.rego"),
        dir.path().join("pol/flagged.rego"),
    )
    .unwrap();
    dir
}

fn diff_args(dir: &Path) -> Vec<String> {
    let p = |s: &str| dir.join(s).to_str().unwrap().to_string();
    [
        "diff",
        &p("base"),
        &p("head"),
        "--no-default-policies",
        "--policy",
        &p("pol"),
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(
        [
            "--model",
            "tests/fixtures/gate/model.yaml",
            "--fail-on-regression",
        ]
        .map(String::from),
    )
    .collect()
}

#[test]
fn diff_and_plan_are_coloured_too() {
    let dir = diff_tree();
    let mut args = diff_args(dir.path());
    args.extend(["--color".into(), "always".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args, &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for painted in [
        "  category  DAT Data                               1 → 0   \x1b[1m\x1b[31m▼ down\x1b[0m\n",
        "New findings (1)\n  \x1b[31m[high]\x1b[0m TEST-001 Test resources are not flagged\n",
        "\x1b[1m\x1b[31mRegression: yes\x1b[0m (3 level(s) down, 1 new finding(s) at or above info)\n",
    ] {
        assert!(text.contains(painted), "missing {painted:?} in\n{text}");
    }

    let out = run(
        &[
            "--color",
            "always",
            "plan",
            "tests/fixtures/report",
            "--no-default-policies",
            "--policy",
            "tests/fixtures/user-policies/good",
            "--model",
            "tests/fixtures/gate/model.yaml",
        ],
        &[],
    );
    let text = stdout(&out);
    assert!(
        text.contains(
            "  fix     main.tf:10  test_thing.flagged  TEST-001 \x1b[31m[high]\x1b[0m (DAT-1.1)\n"
        ),
        "{text}"
    );
}

#[test]
fn quiet_shows_only_failures_and_the_verdict() {
    let out = run(&with(&["--quiet", "--compact"]), &[]);
    assert_eq!(out.status.code(), Some(2));
    let arith = "tests/fixtures/user-policies/good/arith.rego:15:13";
    let add = "`add` expects numeric argument. Got `\"${var.size}\"` instead";
    assert_eq!(
        stdout(&out),
        format!(
            "Findings (4)
  TEST-001 [high] Test resources are not flagged
    main.tf:10  test_thing.flagged  thing is flagged
  TEST-002 [low] Sizes are small
    main.tf:5  ERROR test_thing.clean  {arith}: {add}
    main.tf:10  ERROR test_thing.flagged  {arith}: {add}
    main.tf:15  ERROR test_thing.unknown_size  {arith}: {add}

Problems (1)
  error[R203]: {arith}: policy TEST-002 failed at evaluation: {add}
    help: its results are reported as errors, not passes; guard the rule against unknown or mistyped values

Gate FAILED
  FAIL program: level 0 (needs 1)
"
        )
    );
    // Without --compact the excerpt stays; --quiet and --verbose do not go together.
    assert!(stdout(&run(&with(&["-q"]), &[])).contains("  15 |     r.config.size + 1 > 10\n"));
    assert_eq!(run(&with(&["-q", "-v"]), &[]).status.code(), Some(2));
}

#[test]
fn soft_fail_reports_the_failed_gate_and_exits_zero_but_errors_still_exit_two() {
    let dir = diff_tree();
    let head = dir.path().join("head");
    let pol = dir.path().join("pol");
    let args = [
        "scan",
        head.to_str().unwrap(),
        "--no-default-policies",
        "--policy",
        pol.to_str().unwrap(),
        "--model",
        "tests/fixtures/gate/model.yaml",
        "--min-level",
        "1",
        "--quiet",
    ];
    let failed = run(&args, &[]);
    assert_eq!(failed.status.code(), Some(1));
    let soft = run(&[&args[..], &["--soft-fail"]].concat(), &[]);
    assert_eq!(soft.status.code(), Some(0));
    assert_eq!(stdout(&soft), stdout(&failed));
    assert!(stdout(&soft).ends_with("Gate FAILED\n  FAIL program: level 0 (needs 1)\n"));
    // A rule error (the report fixture) or a usage error is not softened.
    assert_eq!(run(&with(&["--soft-fail"]), &[]).status.code(), Some(2));
    assert_eq!(
        run(
            &[&args[..], &["--soft-fail", "--min-category", "NOPE=1"]].concat(),
            &[]
        )
        .status
        .code(),
        Some(2)
    );

    // diff: the same for --fail-on-regression; --quiet keeps what regressed and the verdict.
    let mut args = diff_args(dir.path());
    args.push("--quiet".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let regressed = run(&args, &[]);
    assert_eq!(regressed.status.code(), Some(1));
    let base = dir.path().join("base");
    assert_eq!(
        stdout(&regressed),
        format!(
            "rungs diff · {} → {}

Levels
  program   program Program                        1 → 0   ▼ down
  domain    structural Structural                  1 → 0   ▼ down
  category  DAT Data                               1 → 0   ▼ down

New findings (1)
  [high] TEST-001 Test resources are not flagged
    main.tf:1  . › test_thing.a  thing is flagged

Regression: yes (3 level(s) down, 1 new finding(s) at or above info)
",
            base.display(),
            head.display()
        )
    );
    let soft = run(&[&args[..], &["--soft-fail"]].concat(), &[]);
    assert_eq!(soft.status.code(), Some(0));
    assert_eq!(stdout(&soft), stdout(&regressed));
}

#[test]
fn many_diagnostics_of_one_code_collapse_unless_verbose() {
    let dir = tempfile::tempdir().unwrap();
    for i in 1..=7 {
        std::fs::write(
            dir.path().join(format!("m{i}.tf")),
            format!("module \"m{i}\" {{\n  source = \"terraform-aws-modules/vpc/aws\"\n}}\n"),
        )
        .unwrap();
    }
    let root = dir.path().to_str().unwrap();
    let args = [
        "scan",
        root,
        "--no-default-policies",
        "--model",
        "tests/fixtures/gate/model.yaml",
    ];
    let out = run(&args, &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let unfetched = |i: usize| {
        format!("module.m{i}: remote module \"terraform-aws-modules/vpc/aws\" is not available locally; its resources were not scanned")
    };
    let help = "help: run `terraform init` (or `tofu init`) before scanning so .terraform/modules holds it";
    let problems = &text[text.find("\nProblems").unwrap()..];
    assert_eq!(
        problems,
        format!(
            "
Problems (7)
  warning[R104]: 7 times, the first: m1.tf:1:1: {}
    also at m2.tf:1:1, m3.tf:1:1, m4.tf:1:1 and 3 more (--verbose lists each)
    {help}
",
            unfetched(1)
        )
    );
    let out = run(&[&args[..], &["--verbose", "--compact"]].concat(), &[]);
    let text = stdout(&out);
    let problems = &text[text.find("\nProblems").unwrap()..];
    let each: String = (1..=7)
        .map(|i| {
            format!(
                "  warning[R104]: m{i}.tf:1:1: {}\n    {help}\n",
                unfetched(i)
            )
        })
        .collect();
    assert_eq!(problems, format!("\nProblems (7)\n{each}"));
    // plan prints diagnostics to standard error, collapsed the same way; --quiet drops warnings.
    let plan = [
        "plan",
        root,
        "--no-default-policies",
        "--model",
        "tests/fixtures/gate/model.yaml",
    ];
    let stderr = String::from_utf8(run(&plan, &[]).stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "warning[R104]: 7 times, the first: m1.tf:1:1: {}\n  also at",
            unfetched(1)
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert_eq!(run(&[&plan[..], &["--quiet"]].concat(), &[]).stderr, b"");
}

#[test]
fn version_names_the_commit_the_policies_and_the_model() {
    let out = run(&["--version"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], format!("rungs {}", env!("CARGO_PKG_VERSION")));
    let commit = lines[1].strip_prefix("commit: ").unwrap();
    assert!(
        commit == "unknown"
            || (commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit())),
        "{commit}"
    );
    // The same count as `rungs policy list`, one line per policy under its header.
    let listed = stdout(&run(&["policy", "list"], &[])).lines().count() - 1;
    let policies = lines[2].strip_prefix("policies: ").unwrap();
    let (count, hash) = policies.split_once(" embedded, content hash ").unwrap();
    assert_eq!(count.parse::<usize>().unwrap(), listed);
    assert!(
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{hash}"
    );
    assert_eq!(lines[3], "model: ians-securosis-csa-csmm 2.0");
    // -V stays short.
    assert_eq!(
        stdout(&run(&["-V"], &[])),
        format!("rungs {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_and_man_pages() {
    let out = run(&["completions", "bash"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let bash = stdout(&out);
    assert!(bash.contains("_rungs()"), "{bash}");
    for command in [
        "scan",
        "plan",
        "diff",
        "trend",
        "policy",
        "completions",
        "man",
    ] {
        assert!(
            bash.contains(&format!("rungs,{command})")),
            "no {command} in\n{bash}"
        );
    }
    assert!(bash.contains("--soft-fail"));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert_eq!(
            run(&["completions", shell], &[]).status.code(),
            Some(0),
            "{shell}"
        );
    }
    assert_eq!(run(&["completions", "tcsh"], &[]).status.code(), Some(2));

    let top = stdout(&run(&["man"], &[]));
    assert!(top.contains(".SH NAME\nrungs \\- "), "{top}");
    assert!(top.contains("rungs\\-scan(1)"), "{top}");
    let out = run(&["man", "scan"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let scan = stdout(&out);
    assert!(
        scan.contains(&format!(
            "\n.TH rungs-scan 1  \"rungs {}\" \"rungs manual\"\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{scan}"
    );
    assert!(scan.starts_with(".ie "), "{scan}");
    assert!(
        scan.contains(".SH NAME\nrungs\\-scan \\- Scan a repository"),
        "{scan}"
    );
    for flag in [
        "min\\-level",
        "format",
        "output",
        "quiet",
        "compact",
        "soft\\-fail",
        "verbose",
        "color",
    ] {
        assert!(
            scan.contains(&format!("\\fB\\-\\-{flag}\\fR")),
            "no --{flag} in\n{scan}"
        );
    }
    assert!(
        stdout(&run(&["man", "policy", "list"], &[])).contains(".SH NAME\nrungs\\-policy\\-list")
    );
    let unknown = run(&["man", "nope"], &[]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(unknown.stderr).unwrap(),
        "error: rungs has no command \"nope\"\n  help: `rungs --help` lists them\n"
    );
}

#[test]
fn policy_list_has_a_header_and_aligned_columns() {
    let out = run(
        &[
            "policy",
            "list",
            "--no-default-policies",
            "--policy",
            "tests/fixtures/user-policies/good",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "ID        SEVERITY  OBJECTIVES  RESOURCE TYPES
TEST-001  high      DAT-1.1     test_thing
TEST-002  low       DAT-2.1     test_thing
"
    );
}

#[test]
fn gate_lines_use_the_models_ids_and_the_model_title_says_its_version_once() {
    let out = run(
        &with(&[
            "--quiet",
            "--compact",
            "--min-category",
            "dat=1",
            "--min-domain",
            "STRUCTURAL=1",
        ]),
        &[],
    );
    let text = stdout(&out);
    assert!(
        text.ends_with("Gate FAILED\n  FAIL program: level 0 (needs 1)\n  FAIL domain structural: level 0 (needs 1)\n  FAIL category DAT: level 0 (needs 1)\n"),
        "{text}"
    );
    let json = run(&with(&["--format", "json", "--min-category", "dat=1"]), &[]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["gate"]["requirements"][1]["id"], "DAT");

    let show = stdout(&run(&["model", "show"], &[]));
    assert_eq!(
        show.lines().next(),
        Some("Cloud Security Maturity Model 2.0 (CSMM-aligned objectives by rungs)")
    );
    let scan = stdout(&run(&["scan", "examples/aws-platform"], &[]));
    assert!(
        scan.contains(
            "\nMaturity · Cloud Security Maturity Model 2.0 (CSMM-aligned objectives by rungs)\n"
        ),
        "{scan}"
    );
}

#[test]
fn waived_lines_name_the_root_module_and_scan_wide_results_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("envs/a/main.tf", "module \"m\" {\n  source = \"../../modules/m\"\n}\n"),
        ("envs/b/main.tf", "module \"m\" {\n  source = \"../../modules/m\"\n}\n"),
        ("modules/m/main.tf", "resource \"test_thing\" \"x\" {\n  flagged = true\n}\n"),
        (
            ".rungs.yaml",
            "version: 1\nsuppressions:\n  - policy: TEST-001\n    resource: \"*\"\n    reason: reviewed\n  - policy: TEST-003\n    resource: \"*\"\n    reason: tracked elsewhere\n",
        ),
    ];
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = run(
        &[
            "scan",
            dir.path().to_str().unwrap(),
            "--no-default-policies",
            "--policy",
            "tests/fixtures/user-policies/good",
            "--policy",
            "tests/fixtures/formats/presence",
            "--model",
            "tests/fixtures/gate/model.yaml",
            "--scope",
            "estate",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let waived = &text[text.find("\nWaived").unwrap()..];
    assert_eq!(
        waived,
        "
Waived (3)
  TEST-001 modules/m/main.tf:1  envs/a › module.m.test_thing.x  [config] reviewed
  TEST-001 modules/m/main.tf:1  envs/b › module.m.test_thing.x  [config] reviewed
  TEST-003 scan-wide  [config] tracked elsewhere
"
    );
}

#[test]
fn an_empty_directory_says_no_terraform_was_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "not terraform\n").unwrap();
    let root = dir.path().to_str().unwrap();
    let out = run(&["scan", root], &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "rungs {} · {root} · 0 root modules, 0 resources, ",
            env!("CARGO_PKG_VERSION")
        )),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "\nProblems (1)\n  warning[R011]: no Terraform files (.tf, .tf.json, .tofu, .tofu.json) found in {root}\n    help: scan the directory holding the configuration; --exclude and the config's `exclude` leave paths out\n"
        )),
        "{text}"
    );
    let json = run(&["scan", root, "--format", "json"], &[]);
    assert_eq!(json.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "R011");
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
}

#[test]
fn formats_doc_quotes_the_current_figures_of_the_example() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/formats.md"))
            .unwrap();
    let list = run(&["policy", "list", "--format", "json"], &[]);
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let scan = run(&["scan", "examples/aws-platform", "--format", "json"], &[]);
    let scan: serde_json::Value = serde_json::from_slice(&scan.stdout).unwrap();
    let quoted = format!(
        "(`examples/aws-platform`: {} resources, {} policies, {} findings;",
        scan["scan"]["resources"],
        list.as_array().unwrap().len(),
        scan["findings"].as_array().unwrap().len()
    );
    assert!(doc.contains(&quoted), "docs/formats.md should say {quoted}");
}

/// The container image and the release workflow cannot be run here (no container runtime in
/// the test, no GitHub); `.ci/run` builds the image where docker works. These check their shape.
#[test]
fn dockerfile_and_release_workflow_have_the_promised_shape() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).unwrap();
    let instructions: Vec<&str> = dockerfile
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && !l.is_empty())
        .collect();
    let from: Vec<&&str> = instructions
        .iter()
        .filter(|l| l.starts_with("FROM "))
        .collect();
    assert_eq!(from.len(), 2, "multi-stage: {from:?}");
    assert!(from[1].contains("-slim"), "slim final image: {from:?}");
    let after_final = &instructions[instructions.iter().position(|l| l == from[1]).unwrap()..];
    assert!(after_final.contains(&"USER 10001:10001"));
    assert!(after_final.contains(&"WORKDIR /src"));
    assert!(after_final.contains(&"ENTRYPOINT [\"/usr/local/bin/rungs\"]"));
    let ignore = std::fs::read_to_string(root.join(".dockerignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "target"));

    let text = std::fs::read_to_string(root.join("examples/ci/release.yml")).unwrap();
    let workflow: serde_json::Value = yaml_serde::from_str(&text).unwrap();
    let targets: Vec<&str> = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-gnu",
            "aarch64-unknown-linux-gnu",
            "aarch64-apple-darwin",
            "x86_64-apple-darwin"
        ]
    );
    assert!(text.contains("shasum -a 256 \"$name.tar.gz\" > \"$name.tar.gz.sha256\""));
    assert!(text.contains("sha256sum --check ./*.sha256"));
    // The CI examples download what the release publishes.
    for example in ["github-actions.yml", "gitlab-ci.yml"] {
        let text = std::fs::read_to_string(root.join("examples/ci").join(example)).unwrap();
        assert!(
            text.contains("name=\"rungs-$RUNGS_VERSION-x86_64-unknown-linux-gnu\"")
                && text.contains("sha256sum --check \"$name.tar.gz.sha256\""),
            "{example}"
        );
    }
}

#[test]
fn trend_table_colours_the_status_column() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(dir.path())
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.invalid",
            ])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .env("GIT_AUTHOR_DATE", "1704110400 +0000")
            .env("GIT_COMMITTER_DATE", "1704110400 +0000")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q", "-b", "main"]);
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"test_thing\" \"a\" {\n  flagged = false\n}\n",
    )
    .unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "first"]);
    let path = dir.path().to_str().unwrap();
    let args = [
        "trend",
        "--path",
        path,
        "--no-cache",
        "--no-default-policies",
        "--model",
        "tests/fixtures/gate/model.yaml",
        "--quiet",
    ];
    let coloured = stdout(&run(&[&["--color", "always"], &args[..]].concat(), &[]));
    let plain = stdout(&run(&args, &[]));
    assert!(
        plain.lines().nth(1).unwrap().contains("  ok       first"),
        "{plain}"
    );
    assert_eq!(
        coloured,
        plain.replacen("  ok       first", "  \x1b[32mok\x1b[0m       first", 1)
    );
}
