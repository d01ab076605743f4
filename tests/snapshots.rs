//! Whole-output snapshots: the text and JSON reports on a fixed fixture, and the reports of every
//! bundled example and test fixture tree, byte for byte, so that work on speed (or anything else)
//! cannot change an output unnoticed. A deliberate change to the output is recorded with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`; review the diff of `tests/snapshots/` like
//! code.

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
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
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
    let mut differences = Vec::new();
    for example in &examples {
        let dir = example.to_str().unwrap();
        let name = example.file_name().unwrap().to_str().unwrap();
        let text = ["scan", dir, "--repo-name", "rungs"];
        let json = [&text[..], &["--format", "json"]].concat();
        differences.extend(compare(&format!("examples/{name}.json"), &json, 0));
        differences.extend(compare(&format!("examples/{name}.txt"), &text, 0));
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Every fixture tree of the honest-evaluation and format tests, and the clean repository, on
/// the embedded defaults: the text report (findings, unknowns, levels), exit 0.
#[test]
fn every_fixture_tree_gives_the_same_report() {
    let mut trees = subdirectories("tests/fixtures/honest");
    trees.extend(subdirectories("tests/fixtures/formats"));
    trees.push(PathBuf::from("tests/fixtures/clean-repo"));
    assert!(trees.len() >= 25, "{trees:?}");
    let mut differences = Vec::new();
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
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The embedded library's listing.
#[test]
fn policy_list() {
    check("policy-list.txt", &["policy", "list"], 0);
}
