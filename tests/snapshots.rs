//! Whole-output snapshots of the text and JSON reports on a fixed fixture. A deliberate change
//! to the report is recorded with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`; review the
//! diff of `tests/snapshots/` like code.

use std::path::Path;
use std::process::Command;

fn check(name: &str, args: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(root)
        .env("RUNGS_TODAY", "2026-03-15")
        .output()
        .expect("runs");
    let actual = without_commit(&String::from_utf8(out.stdout).unwrap());
    let path = root.join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    assert_eq!(
        actual, expected,
        "{name} changed; rerun with UPDATE_SNAPSHOTS=1 if intended"
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "the fixture holds a rule error: exit 2"
    );
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

#[test]
fn text_report() {
    check("report.txt", ARGS);
}

#[test]
fn json_report() {
    let mut args = ARGS.to_vec();
    args.extend(["--format", "json"]);
    check("report.json", &args);
}
