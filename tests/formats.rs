//! The report formats through the real binary: SARIF against the official 2.1.0 schema, JUnit
//! parsed as XML, the Markdown summary, the self-contained HTML page, and the rules pairing
//! `--format` with `--output`.

use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A temporary directory holding one Terraform tree in `repo/` (one flagged resource).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("repo")).unwrap();
    fs::write(
        dir.path().join("repo/main.tf"),
        "resource \"test_thing\" \"a\" {\n  flagged = false\n  size    = 1\n}\n\nresource \"test_thing\" \"b\" {\n  flagged = true\n  size    = 2\n}\n",
    )
    .unwrap();
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `rungs scan repo` run inside `cwd`, on the small test model with the test policies and a
/// presence policy (estate scope, so it runs), plus `extra` arguments.
fn scan(cwd: &Path, extra: &[&str]) -> Run {
    let fixtures = fixtures();
    let mut args: Vec<String> = [
        "scan",
        "repo",
        "--no-default-policies",
        "--policy",
        fixtures.join("user-policies/good").to_str().unwrap(),
        "--policy",
        fixtures.join("formats/presence").to_str().unwrap(),
        "--model",
        fixtures.join("gate/model.yaml").to_str().unwrap(),
        "--scope",
        "estate",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(&args)
        .current_dir(cwd)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn sarif_validates_against_the_official_schema_with_repo_relative_paths() {
    let dir = workspace();
    let run = scan(dir.path(), &["--format", "sarif", "--output", "out.sarif"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let log: Value = serde_json::from_str(&read(dir.path(), "out.sarif")).unwrap();
    let schema: Value =
        serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());

    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["TEST-001", "TEST-002", "TEST-003"]);
    let rule = &run["tool"]["driver"]["rules"][0];
    assert_eq!(
        rule["shortDescription"]["text"],
        "Test resources are not flagged"
    );
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert_eq!(rule["properties"]["security-severity"], "8.0");
    assert_eq!(
        run["tool"]["driver"]["rules"][2]["help"]["text"],
        "Passes when any root module declares a `test_plan`.\n\nRemediation: Declare a test_plan resource."
    );

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["ruleId"], "TEST-001");
    assert_eq!(results[0]["ruleIndex"], 0);
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[0]["message"]["text"], "thing is flagged");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"],
        json!({"artifactLocation": {"uri": "repo/main.tf", "uriBaseId": "%SRCROOT%"},
               "region": {"startLine": 6}})
    );
    assert_eq!(
        results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "test_thing.b"
    );
    // The presence policy judged the scan as a whole: reported at the scanned directory.
    assert_eq!(results[1]["ruleId"], "TEST-003");
    assert_eq!(results[1]["level"], "warning");
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"],
        json!({"artifactLocation": {"uri": "repo", "uriBaseId": "%SRCROOT%"}})
    );
    assert_eq!(run["properties"]["passed"], 3);
    assert_eq!(run["properties"]["failed"], 2);
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_reports_evaluation_errors_as_review_results_and_notifications() {
    let dir = workspace();
    fs::write(
        dir.path().join("repo/main.tf"),
        "variable \"size\" {}\nresource \"test_thing\" \"a\" {\n  flagged = false\n  size    = var.size\n}\n",
    )
    .unwrap();
    let run = scan(dir.path(), &["--format", "sarif"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let error = results.iter().find(|r| r["ruleId"] == "TEST-002").unwrap();
    assert_eq!(
        (&error["kind"], &error["level"]),
        (&json!("review"), &json!("none"))
    );
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["descriptor"]["id"],
        "R203"
    );
}

#[test]
fn junit_has_a_case_per_policy_and_resource() {
    let dir = workspace();
    let run = scan(
        dir.path(),
        &[
            "--format",
            "junit",
            "--output",
            "out.xml",
            "--min-level",
            "1",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let xml = read(dir.path(), "out.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let totals: Vec<&str> = ["tests", "failures", "errors", "skipped"]
        .iter()
        .map(|a| root.attribute(*a).unwrap())
        .collect();
    assert_eq!(totals, vec!["6", "3", "0", "0"]);
    let suites: Vec<(&str, &str)> = root
        .children()
        .filter(|n| n.is_element())
        .map(|n| (n.attribute("name").unwrap(), n.attribute("tests").unwrap()))
        .collect();
    assert_eq!(
        suites,
        vec![
            ("TEST-001 Test resources are not flagged", "2"),
            ("TEST-002 Sizes are small", "2"),
            ("TEST-003 A test plan exists", "1"),
            ("rungs gate", "1"),
        ]
    );
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    let case = failure.parent_element().unwrap();
    assert_eq!(
        (
            case.attribute("classname"),
            case.attribute("name"),
            case.attribute("file"),
            case.attribute("line")
        ),
        (
            Some("TEST-001"),
            Some("test_thing.b"),
            Some("main.tf"),
            Some("6")
        )
    );
    assert_eq!(failure.attribute("message"), Some("thing is flagged"));
    assert_eq!(failure.attribute("type"), Some("high"));
}

#[test]
fn markdown_summary_has_levels_counts_and_top_findings() {
    let dir = workspace();
    let run = scan(
        dir.path(),
        &["--format", "markdown", "--min-category", "DAT=1"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = "\
## rungs · program level 0 · gate **FAILED**

**3 passed · 2 failed · 0 errors · 0 waived** — 1 root module, 2 resources, 3 policies, Test model 1

Scope: **estate** (--scope estate)

| Area | Level (score) | Detail |
|---|---|---|
| **Program** | **0** (0.50) | limited by DAT |
| **Structural** | **0** (0.50) | |
| &nbsp;&nbsp;DAT Data | **0** (0.50) | coverage 100% |
| &nbsp;&nbsp;PROC Process | n/a | no evidence, 1 attestation pending |
| **Procedural** | n/a | |
| &nbsp;&nbsp;IR Incident response | n/a | no evidence, 1 attestation pending |

### Next steps

- **DAT** L0 (0.50) → L1: fix TEST-001 `test_thing.b` at `main.tf:6`
- **PROC** n/a → L1: attest PROC-1.1
- **IR** n/a → L1: attest IR-1.1

### Top findings (2 of 2)

| Severity | Policy | Location | Resource | Message |
|---|---|---|---|---|
| high | TEST-001 | `main.tf:6` | `test_thing.b` | thing is flagged |
| medium | TEST-003 | scan-wide | `<scan>` | nothing in the scan satisfies: A test plan exists |

### Gate

- ❌ category DAT: level 0 (needs 1)
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn html_is_one_self_contained_page_with_charts_objectives_and_filters() {
    let dir = workspace();
    // The shape `rungs trend --format json` writes (tests/git.rs feeds it the real output).
    fs::write(
        dir.path().join("trend.json"),
        r#"{"schema_version": 2, "notes": [], "commits": [
            {"commit": "1111111aaaa", "date": "2024-01-01T12:00:00+00:00", "time": 1704110400, "subject": "jan", "level": 0, "score": 0.5},
            {"commit": "2222222bbbb", "date": "2024-02-01T12:00:00+00:00", "time": 1706788800, "subject": "feb", "level": 1, "score": 1.25}]}"#,
    )
    .unwrap();
    let run = scan(
        dir.path(),
        &[
            "--format",
            "html",
            "--output",
            "r.html",
            "--trend",
            "trend.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(dir.path(), "r.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(
        r#"content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'""#
    ));
    // Nothing to fetch: no external scripts, styles, images, fonts or links.
    for needle in ["src=", "href=", "url(", "@import", "https:"] {
        assert!(!html.contains(needle), "found {needle}");
    }
    assert_eq!(
        html.matches("http:").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(html.contains(r#"<svg id="levels-chart""#));
    assert!(html.contains(r#"<svg id="trend-chart""#));
    // The verdict names the limiting category, and the scope says why it applies.
    assert!(html.contains(
        r#"<p id="verdict">Program <b>L0 (0.50)</b>, limited by <b>DAT</b> Data</p><p id="scope">Scope <b>estate</b> (--scope estate)</p>"#
    ));
    // One bar per assessed level: program, Structural and DAT (all level 0), each with its
    // numbers; the others say why there is no bar.
    assert_eq!(html.matches(r#"<rect class="bar l0"#).count(), 3);
    let values: Vec<&str> = html
        .split(r#"<text class="value""#)
        .skip(1)
        .map(|t| t.split_once('>').unwrap().1.split_once('<').unwrap().0)
        .collect();
    assert_eq!(
        values,
        ["L0 · 0.50 · limited by DAT", "L0 · 0.50", "L0 · 0.50"]
    );
    assert_eq!(
        html.matches(r#"<text class="na" x="306.0" y="88.0">1 attestation pending</text>"#)
            .count(),
        1
    );
    // The trend: one point per commit, with its date, commit, subject and numbers.
    assert_eq!(html.matches("<circle").count(), 2);
    assert!(html.contains("<title>2024-01-01 1111111 jan: L0 · 0.50</title>"));
    assert!(html.contains("<title>2024-02-01 2222222 feb: L1 · 1.25</title>"));
    // Next steps: the plan, with the fix at its file:line and the attestations.
    assert!(html.contains(
        r#"<details class="plan" open><summary>DAT Data: L0 · 0.50 → L1 · 1.66 in 1 change</summary>"#
    ));
    assert!(html.contains(
        r#"<tr class="step fix"><td>fix</td><td><code>main.tf:6</code></td><td><code>test_thing.b</code></td><td><code>TEST-001</code> <span class="sev high">high</span></td><td><code>DAT-1.1</code></td><td>thing is flagged</td></tr>"#
    ));
    assert_eq!(html.matches(r#"<tr class="step attest">"#).count(), 2);
    assert!(html.contains("<td><code>DAT-1.1</code></td><td class=\"num\">1</td><td>Nothing is flagged</td><td>automated</td><td class=\"status failed\">failed</td>"));
    assert_eq!(html.matches("<tr data-severity=").count(), 2);
    assert!(html.contains(r#"<tr data-severity="high" data-category="DAT" data-file="main.tf">"#));
    assert!(
        html.contains(r#"<tr data-severity="medium" data-category="DAT" data-file="(scan-wide)">"#)
    );
    for filter in ["severity", "category", "file"] {
        assert!(
            html.contains(&format!(r#"data-filter="{filter}""#)),
            "{filter}"
        );
    }

    // Without --trend there is no trend section.
    let run = scan(dir.path(), &["--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("trend-chart"));
    assert!(run.stdout.contains("levels-chart"));

    // The hand-written shape of earlier versions is refused with what to give instead.
    fs::write(
        dir.path().join("old.json"),
        r#"{"points": [{"label": "jan", "level": 0}]}"#,
    )
    .unwrap();
    let run = scan(dir.path(), &["--format", "html", "--trend", "old.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: cannot use --trend old.json: this is the `{\"points\": [...]}` shape older versions read; --trend now reads what `rungs trend --format json` writes"), "{}", run.stderr);
}

#[test]
fn several_formats_in_one_run_each_to_its_destination() {
    let dir = workspace();
    let run = scan(
        dir.path(),
        &[
            "--format", "sarif", "--output", "a.sarif", "--format", "json", "--format", "markdown",
            "--output", "b.md", "--format", "junit", "--output", "c.xml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // JSON, the one format without --output, is on stdout.
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["summary"]["failed"], 2);
    let sarif: Value = serde_json::from_str(&read(dir.path(), "a.sarif")).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    assert!(read(dir.path(), "b.md").starts_with("## rungs · program level 0\n"));
    let xml = read(dir.path(), "c.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().attribute("tests"), Some("5"));
}

#[test]
fn json_alone_still_goes_to_stdout() {
    let dir = workspace();
    let run = scan(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["summary"]["passed"], 3);
}

#[test]
fn bad_output_arguments_are_usage_errors_naming_the_problem() {
    let dir = workspace();
    let cases: [(&[&str], &str); 6] = [
        (
            &["--format", "sarif", "--output", "missing/out.sarif"],
            "error: cannot write --output missing/out.sarif: directory missing does not exist",
        ),
        (
            &["--format", "sarif", "--output", "repo"],
            "error: cannot write --output repo: it is a directory",
        ),
        (
            &["--output", "x.sarif", "--format", "sarif"],
            "error: --output x.sarif has no --format before it",
        ),
        (
            &["--format", "text", "--format", "json"],
            "error: only one report can go to standard output, but --format text, --format json have no --output",
        ),
        (
            &["--format", "json", "--trend", "trend.json"],
            "error: --trend is only drawn in the HTML report",
        ),
        (
            &["--format", "html", "--trend", "nope.json"],
            "error: cannot use --trend nope.json: No such file or directory",
        ),
    ];
    for (args, message) in cases {
        let run = scan(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.starts_with(message), "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
    }
    // Nothing was written anywhere.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["repo"]);
}

fn yaml(path: &str) -> Value {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Runs the `rungs scan` line of a shipped CI script with this build, in `cwd`.
fn run_script_line(script: &str, cwd: &Path) -> Run {
    let joined = script.replace("\\\n", " ");
    let line = joined
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("rungs scan") || l.starts_with(".rungs/bin/rungs scan"))
        .unwrap_or_else(|| panic!("no rungs scan line in {script}"));
    let args: Vec<&str> = line.split_whitespace().skip(1).collect();
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(&args)
        .current_dir(cwd)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn pre_commit_hook_runs_rungs_scan_on_the_repository() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hooks.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            &hook["id"],
            &hook["entry"],
            &hook["language"],
            &hook["pass_filenames"]
        ),
        (
            &json!("rungs"),
            &json!("rungs scan"),
            &json!("rust"),
            &json!(false)
        )
    );
    let dir = workspace();
    let run = run_script_line("rungs scan", &dir.path().join("repo"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The embedded library grows: compare with what `policy list` loads.
    let list = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(["policy", "list", "--format", "json"])
        .output()
        .expect("runs");
    let policies = serde_json::from_slice::<Value>(&list.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    let header = format!("· 1 root module, 2 resources, {policies} policies");
    assert!(
        run.stdout.lines().next().unwrap_or("").ends_with(&header),
        "{}",
        run.stdout
    );
}

/// A repository the CI examples run on: a copy of the AWS example's network module, with the
/// baseline the examples ask teams to commit once.
fn ci_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aws-platform/modules/network");
    for entry in fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let baseline = run_script_line(
        "rungs scan . --write-baseline .rungs-baseline.json",
        dir.path(),
    );
    assert_eq!(baseline.code, 0, "{}", baseline.stderr);
    dir
}

/// An open SSH port: the network level drops below the baseline.
fn open_ssh(dir: &Path) {
    fs::write(
        dir.join("debug.tf"),
        "resource \"aws_security_group\" \"debug\" {\n  vpc_id = aws_vpc.this.id\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n",
    )
    .unwrap();
}

#[test]
fn github_actions_example_writes_what_it_uploads() {
    let workflow = yaml("examples/ci/github-actions.yml");
    let steps = workflow["jobs"]["rungs"]["steps"].as_array().unwrap();
    let step = |uses: &str| {
        steps
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(uses)))
            .unwrap_or_else(|| panic!("no {uses} step"))
    };
    let sarif = step("github/codeql-action/upload-sarif")["with"]["sarif_file"]
        .as_str()
        .unwrap();
    let html = step("actions/upload-artifact")["with"]["path"]
        .as_str()
        .unwrap();
    let scan = steps.iter().find(|s| s["id"] == "scan").unwrap();
    assert_eq!(workflow["permissions"]["security-events"], "write");

    let dir = ci_repository();
    let cwd = dir.path().to_path_buf();
    // Unchanged since the baseline: the gate holds.
    let run = run_script_line(scan["run"].as_str().unwrap(), &cwd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Gate passed"), "{}", run.stdout);
    assert!(
        read(&cwd, "rungs-summary.md").starts_with("## rungs · program level 2 · gate passed\n")
    );
    // A change that opens SSH to the internet drops NET: the job fails.
    open_ssh(&cwd);
    let run = run_script_line(scan["run"].as_str().unwrap(), &cwd);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("Gate FAILED"), "{}", run.stdout);
    let log: Value = serde_json::from_str(&read(&cwd, sarif)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(read(&cwd, html).starts_with("<!DOCTYPE html>"));
    let summary = steps.iter().find(|s| s["name"] == "Job summary").unwrap();
    assert_eq!(
        summary["run"],
        "cat rungs-summary.md >> \"$GITHUB_STEP_SUMMARY\""
    );
    assert!(read(&cwd, "rungs-summary.md")
        .starts_with("## rungs · program level 0 · gate **FAILED**\n"));
}

#[test]
fn gitlab_example_writes_its_artifacts_and_junit_report() {
    let pipeline = yaml("examples/ci/gitlab-ci.yml");
    let job = &pipeline["rungs"];
    let script = job["script"].as_array().unwrap();
    let dir = ci_repository();
    let cwd = dir.path().to_path_buf();
    let run = run_script_line(script[1].as_str().unwrap(), &cwd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    open_ssh(&cwd);
    let run = run_script_line(script[1].as_str().unwrap(), &cwd);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for path in job["artifacts"]["paths"].as_array().unwrap() {
        let path = path.as_str().unwrap();
        assert!(cwd.join(path).is_file(), "{path}");
    }
    let junit = read(&cwd, job["artifacts"]["reports"]["junit"].as_str().unwrap());
    let doc = roxmltree::Document::parse(&junit).unwrap();
    // The gate suite names the requirements the open port broke.
    let failures: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase") && n.attribute("classname") == Some("rungs.gate"))
        .filter(|n| n.children().any(|c| c.has_tag_name("failure")))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(
        failures,
        [
            "program level >= 2",
            "domain structural level >= 2",
            "category NET level >= 3"
        ]
    );
}
