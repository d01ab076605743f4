//! Whole-output snapshots: the text and JSON reports on a fixed fixture, and the reports of every
//! bundled example and test fixture tree, byte for byte, so that work on speed (or anything else)
//! cannot change an output unnoticed; and the README's and docs' samples of output checked
//! against what the binary prints. A deliberate change to the output is recorded with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` (snapshots under `tests/snapshots/`, and
//! `docs/trend-example.*`); review the diff like code.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `rungs ARGS` in the repository root and compares its standard output with the snapshot
/// `name` (under `tests/snapshots/`) and its exit code with `code`. Returns the difference, if any,
/// so that one test can check many snapshots and name every one that changed.
fn compare(name: &str, args: &[&str], code: i32) -> Option<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(root())
        .env("RUNGS_TODAY", "2026-03-15")
        .output()
        .expect("runs");
    let actual = without_commit(&String::from_utf8(out.stdout).unwrap());
    let Some(expected) = kept(&root().join("tests/snapshots").join(name), &actual) else {
        return Some(format!("{name}: missing, run with UPDATE_SNAPSHOTS=1"));
    };
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        return Some(format!(
            "{name}: output changed from line {}; rerun with UPDATE_SNAPSHOTS=1 if intended",
            line + 1
        ));
    }
    (out.status.code() != Some(code)).then(|| {
        format!(
            "{name}: exit code {:?}, expected {code}\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The kept copy at `path`, first replaced by `actual` when `UPDATE_SNAPSHOTS` is set; `None`
/// when there is none.
fn kept(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
    }
    std::fs::read_to_string(path).ok()
}

fn check(name: &str, args: &[&str], code: i32) {
    if let Some(difference) = compare(name, args, code) {
        panic!("{difference}");
    }
}

/// The directories directly under `dir` (relative to the repository root), sorted.
fn subdirectories(dir: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|path| path.strip_prefix(root()).unwrap().to_path_buf())
        .collect();
    dirs.sort();
    dirs
}

/// Fails on a snapshot under `tests/snapshots/{dir}/` that no test writes any more (its example
/// or fixture was removed or renamed): a stale snapshot would otherwise sit there unchecked.
fn assert_no_stale_snapshots(dir: &str, checked: &[String]) {
    for entry in std::fs::read_dir(root().join("tests/snapshots").join(dir)).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        let name = format!("{dir}/{file}");
        assert!(
            checked.contains(&name),
            "tests/snapshots/{name} belongs to no example or fixture: delete it"
        );
    }
}

/// The scanned commit is this repository's HEAD, which every commit changes, and the bundle
/// fingerprint changes with every edit of the policy library: they are masked (tests/git.rs
/// checks commits on a repository of its own; tests/aggregate.rs checks bundles).
fn without_commit(text: &str) -> String {
    text.lines()
        .map(|l| match l.trim_start().split_once(": ") {
            Some(("\"commit\"", _)) => l.split(':').next().unwrap().to_string() + ": \"<commit>\",",
            Some(("\"commit_date\"", _)) => {
                l.split(':').next().unwrap().to_string() + ": \"<commit date>\","
            }
            Some(("\"bundle\"", _)) => l.split(':').next().unwrap().to_string() + ": \"<bundle>\"",
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

const ARGS: &[&str] = &[
    "scan",
    "tests/fixtures/report",
    "--no-default-policies",
    "--policy",
    "tests/fixtures/user-policies/good",
    "--model",
    "tests/fixtures/gate/model.yaml",
    "--min-level",
    "1",
    "--repo-name",
    "example/report",
];

/// The fixture holds a rule error: exit 2.
#[test]
fn text_report() {
    check("report.txt", ARGS, 2);
}

#[test]
fn json_report() {
    let mut args = ARGS.to_vec();
    args.extend(["--format", "json"]);
    check("report.json", &args, 2);
}

/// Every bundled example on the embedded defaults: the JSON report (all the data) and the text
/// report, exit 0 (no gate is configured). The repository's name is given: it would otherwise
/// come from the checkout's remote or directory.
#[test]
fn every_bundled_example_gives_the_same_reports() {
    let examples = subdirectories("examples");
    assert!(examples.len() >= 7, "{examples:?}");
    let (mut differences, mut checked) = (Vec::new(), Vec::new());
    for example in &examples {
        let dir = example.to_str().unwrap();
        let name = example.file_name().unwrap().to_str().unwrap();
        let text = ["scan", dir, "--repo-name", "rungs"];
        let json = [&text[..], &["--format", "json"]].concat();
        let (json_snapshot, text_snapshot) = (
            format!("examples/{name}.json"),
            format!("examples/{name}.txt"),
        );
        differences.extend(compare(&json_snapshot, &json, 0));
        differences.extend(compare(&text_snapshot, &text, 0));
        checked.extend([json_snapshot, text_snapshot]);
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert_no_stale_snapshots("examples", &checked);
}

/// Every fixture tree of the honest-evaluation and format tests, and the clean repository, on
/// the embedded defaults: the text report (findings, unknowns, levels), exit 0.
#[test]
fn every_fixture_tree_gives_the_same_report() {
    let mut trees = subdirectories("tests/fixtures/honest");
    trees.extend(subdirectories("tests/fixtures/formats"));
    trees.push(PathBuf::from("tests/fixtures/clean-repo"));
    assert!(trees.len() >= 25, "{trees:?}");
    let (mut differences, mut checked) = (Vec::new(), Vec::new());
    for tree in &trees {
        let dir = tree.to_str().unwrap();
        let name = tree
            .strip_prefix("tests/fixtures")
            .unwrap()
            .to_str()
            .unwrap();
        let snapshot = format!("fixtures/{}.txt", name.replace('/', "-"));
        let args = ["scan", dir, "--repo-name", "rungs"];
        differences.extend(compare(&snapshot, &args, 0));
        checked.push(snapshot);
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert_no_stale_snapshots("fixtures", &checked);
}

/// The embedded library's listing.
#[test]
fn policy_list() {
    check("policy-list.txt", &["policy", "list"], 0);
}

/// The README's code block that follows the paragraph ending in `intro`.
fn readme_block(intro: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let (_, after) = readme
        .split_once(&format!("{intro}\n\n```\n"))
        .unwrap_or_else(|| panic!("the README has a code block after {intro:?}"));
    after.split_once("\n```").unwrap().0.to_string()
}

/// The README's code block after `intro`: its lines, but for the `...` that mark cuts, appear in
/// `whole` in the same order.
fn assert_readme_excerpt(intro: &str, whole: &str) {
    let mut lines = whole.lines();
    for wanted in readme_block(intro)
        .lines()
        .filter(|line| line.trim() != "...")
    {
        assert!(
            lines.any(|line| line == wanted),
            "README line not in the output (or out of order): {wanted:?}"
        );
    }
}

/// The README's `rungs --version` sample counts the embedded policies as the binary does (the
/// content hash and the commit change with every edit: not compared).
#[test]
fn readme_version_sample_counts_the_embedded_policies() {
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("--version")
        .output()
        .expect("runs");
    let count = |text: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix("policies: "))
            .and_then(|rest| rest.split_once(','))
            .map(|(count, _)| count.to_string())
    };
    let sample = readme_block("(policy count and a content hash) and the model:");
    let actual = count(&String::from_utf8(out.stdout).unwrap());
    assert!(actual.is_some());
    assert_eq!(count(&sample), actual);
}

/// The README's abridged report of `examples/aws-platform` is that report.
#[test]
fn readme_quick_start_report_is_the_examples_report() {
    let report =
        std::fs::read_to_string(root().join("tests/snapshots/examples/aws-platform.txt")).unwrap();
    assert_readme_excerpt("Its report looks like this (abridged):", &report);
}

/// `docs/trend-example.txt` and `.svg` are what `docs/trend-example.sh` makes with this build (a
/// git history of `examples/aws-platform` with fixed dates, so fixed commit ids), and the
/// README's excerpt of the table is that table.
#[test]
fn trend_example_in_the_docs_is_current() {
    let out = tempfile::tempdir().unwrap();
    let run = Command::new("bash")
        .arg(root().join("docs/trend-example.sh"))
        .env("RUNGS", env!("CARGO_BIN_EXE_rungs"))
        .env("OUT", out.path())
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    for name in ["trend-example.txt", "trend-example.svg"] {
        let made = std::fs::read_to_string(out.path().join(name)).unwrap();
        let docs = kept(&root().join("docs").join(name), &made);
        assert!(
            docs.as_ref() == Some(&made),
            "docs/{name} is stale; rerun with UPDATE_SNAPSHOTS=1"
        );
    }
    let table = std::fs::read_to_string(root().join("docs/trend-example.txt")).unwrap();
    assert_readme_excerpt(
        "lines are scores, which move before a level does. The same history as a table\n\
         ([docs/trend-example.txt](docs/trend-example.txt)):",
        &table,
    );
}

/// The README's count of the embedded library, in all and per provider, is `rungs policy list`'s
/// (its snapshot, checked above), counted by the provider part of each policy id.
#[test]
fn readme_library_counts_are_the_policy_lists() {
    let list = std::fs::read_to_string(root().join("tests/snapshots/policy-list.txt")).unwrap();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for line in list.lines().skip(1) {
        *counts.entry(line.split('-').nth(1).unwrap()).or_default() += 1;
    }
    let total: usize = counts.values().sum();
    let expected = format!(
        "embedded library holds {total} policies: {} AWS (Terraform), {} AWS CloudFormation, {} \
         Azure, {} GCP, {} Kubernetes",
        counts["AWS"], counts["CFN"], counts["AZURE"], counts["GCP"], counts["K8S"]
    );
    assert_eq!(
        counts.len(),
        5,
        "a provider the README does not count: {counts:?}"
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        readme.contains(&expected),
        "the README should say: {expected}"
    );
}

/// Each example's README tells what its scan finds: the first "N failed checks" it states is the
/// report's count, and every row of its tables that names policies names findings of that
/// report, on a resource the row names in backquotes (or the scan-wide `<scan>`).
#[test]
fn example_readmes_describe_their_reports() {
    let id = regex::Regex::new(r"RUNGS-[A-Z0-9]+-[A-Z0-9]+-\d{3}").unwrap();
    let count = regex::Regex::new(r"(\d+) failed checks").unwrap();
    let quoted = regex::Regex::new(r"`([^`]+)`").unwrap();
    let mut described = 0;
    for example in subdirectories("examples") {
        let Ok(readme) = std::fs::read_to_string(root().join(&example).join("README.md")) else {
            continue;
        };
        let name = example.file_name().unwrap().to_str().unwrap();
        let snapshot = root().join(format!("tests/snapshots/examples/{name}.json"));
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(snapshot).unwrap()).unwrap();
        let findings = report["findings"].as_array().unwrap();
        if let Some(stated) = count.captures(&readme) {
            assert_eq!(
                stated[1].parse::<u64>().unwrap(),
                report["summary"]["failed"].as_u64().unwrap(),
                "{name}/README.md: {}",
                &stated[0]
            );
            described += 1;
        }
        for row in readme.lines().filter(|l| l.starts_with('|')) {
            let ids: Vec<&str> = id.find_iter(row).map(|m| m.as_str()).collect();
            if ids.is_empty() {
                continue;
            }
            let named: Vec<&str> = quoted
                .captures_iter(row)
                .map(|c| c.get(1).unwrap().as_str())
                .collect();
            for policy in &ids {
                assert!(
                    findings.iter().any(|f| f["policy"] == *policy),
                    "{name}/README.md names {policy}, which its scan does not report: {row}"
                );
            }
            assert!(
                findings.iter().any(|f| {
                    let resource = f["resource"].as_str().unwrap();
                    ids.contains(&f["policy"].as_str().unwrap())
                        && (resource == "<scan>" || named.contains(&resource))
                }),
                "{name}/README.md: no finding of {ids:?} on a resource of: {row}"
            );
        }
    }
    assert!(
        described >= 4,
        "examples whose README states a count: {described}"
    );
}
