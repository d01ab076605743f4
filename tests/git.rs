//! `scan --rev`, `diff` and `trend` on real git repositories built in temporary directories
//! with the git command line: exact classifications, levels, rows and exit codes.

mod common;

use common::{fixtures, rungs_in, Repo, Run};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The small test model and the two test policies (TEST-001 high: `flagged`; TEST-002 low:
/// `size` above 9), so levels are easy to reason about: DAT is 2 when nothing fails, 1 when a
/// size is big, 0 when something is flagged.
fn small() -> Vec<String> {
    vec![
        "--no-default-policies".into(),
        "--policy".into(),
        fixtures().join("user-policies/good").display().to_string(),
        "--model".into(),
        fixtures().join("gate/model.yaml").display().to_string(),
    ]
}

/// `rungs ARGS... <small model and policies>` run inside `dir`.
fn small_run(dir: &Path, args: &[&str]) -> Run {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend(small());
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    rungs_in(dir, &refs)
}

fn root_main(a_flagged: bool, b_size: u32) -> String {
    format!(
        "module \"box\" {{\n  source = \"../../modules/box\"\n  flag   = false\n}}\n\nresource \"test_thing\" \"a\" {{\n  flagged = {a_flagged}\n  size    = 1\n}}\n\nresource \"test_thing\" \"b\" {{\n  flagged = false\n  size    = {b_size}\n}}\n"
    )
}

fn module_box(size: u32) -> String {
    format!("variable \"flag\" {{}}\n\nresource \"test_thing\" \"inner\" {{\n  flagged = var.flag\n  size    = {size}\n}}\n")
}

/// Eight commits that add, break, fix, rename and delete Terraform, tagged t1..t8:
/// 1 add things · 2 grow b (TEST-002 on b) · 3 flag a (TEST-001 on a) · 4 shrink b (fixed) ·
/// 5 module grows (TEST-002 on module.box.test_thing.inner, the root unchanged) · 6 rename
/// envs/prod to envs/production · 7 an unparsable file · 8 clean up (broken file and a
/// deleted, module shrunk).
fn history() -> Repo {
    let mut repo = Repo::new();
    repo.write("envs/prod/main.tf", &root_main(false, 1));
    repo.write("modules/box/main.tf", &module_box(1));
    repo.commit("add things");
    repo.write("envs/prod/main.tf", &root_main(false, 20));
    repo.commit("grow b");
    repo.write("envs/prod/main.tf", &root_main(true, 20));
    repo.commit("flag a");
    repo.write("envs/prod/main.tf", &root_main(true, 3));
    repo.commit("shrink b");
    repo.write("modules/box/main.tf", &module_box(50));
    repo.commit("module grows");
    repo.git(&["mv", "envs/prod", "envs/production"]);
    repo.commit("rename prod");
    repo.write(
        "envs/production/broken.tf",
        "resource \"test_thing\" \"x\" {\n",
    );
    repo.commit("broken file");
    fs::remove_file(repo.path().join("envs/production/broken.tf")).unwrap();
    let without_a = root_main(false, 3).replace(
        "resource \"test_thing\" \"a\" {\n  flagged = false\n  size    = 1\n}\n\n",
        "",
    );
    repo.write("envs/production/main.tf", &without_a);
    repo.write("modules/box/main.tf", &module_box(1));
    repo.commit("clean up");
    repo
}

/// (change, policy, root, resource) of every finding in a JSON diff.
fn findings(json: &Value) -> Vec<(String, String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["change"].as_str().unwrap().to_string(),
                f["policy"].as_str().unwrap().to_string(),
                f["root"].as_str().unwrap().to_string(),
                f["resource"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// (scope, id, base, head, direction) of every level that moved.
fn moved(json: &Value) -> Vec<(String, String, Value, Value, String)> {
    json["levels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["direction"] != "same")
        .map(|l| {
            (
                l["scope"].as_str().unwrap().to_string(),
                l["id"].as_str().unwrap().to_string(),
                l["base"].clone(),
                l["head"].clone(),
                l["direction"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn f(change: &str, policy: &str, root: &str, resource: &str) -> (String, String, String, String) {
    (change.into(), policy.into(), root.into(), resource.into())
}

fn lv(
    scope: &str,
    id: &str,
    base: Value,
    head: Value,
    dir: &str,
) -> (String, String, Value, Value, String) {
    (scope.into(), id.into(), base, head, dir.into())
}

#[test]
fn diff_classifies_findings_and_level_changes_between_revisions() {
    let repo = history();
    let run = small_run(repo.path(), &["diff", "t1", "t3", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![
            f("new", "TEST-001", "envs/prod", "test_thing.a"),
            f("new", "TEST-002", "envs/prod", "test_thing.b"),
        ]
    );
    assert_eq!(
        moved(&json),
        vec![
            lv("program", "program", 2.into(), 0.into(), "down"),
            lv("domain", "structural", 2.into(), 0.into(), "down"),
            lv("category", "DAT", 2.into(), 0.into(), "down"),
        ]
    );
    let t1 = repo.git(&["rev-parse", "--short=7", "t1"]);
    assert_eq!(json["base"]["label"], format!("t1 ({})", t1.trim()));
    assert_eq!(
        json["summary"],
        serde_json::json!({"new": 2, "fixed": 0, "removed": 0, "unchanged": 0})
    );
    assert_eq!(
        json["regression"]["levels_down"],
        serde_json::json!(["program", "structural", "DAT"])
    );

    // Fixing b: one fixed finding, one unchanged; DAT stays 0 because a is still flagged.
    let json = small_run(repo.path(), &["diff", "t3", "t4", "--format", "json"]).json();
    assert_eq!(
        findings(&json),
        vec![
            f("fixed", "TEST-002", "envs/prod", "test_thing.b"),
            f("unchanged", "TEST-001", "envs/prod", "test_thing.a"),
        ]
    );
    assert!(moved(&json).is_empty());

    // A change in the called module only: the root's findings follow it.
    let json = small_run(repo.path(), &["diff", "t4", "t5", "--format", "json"]).json();
    assert_eq!(
        findings(&json),
        vec![
            f(
                "new",
                "TEST-002",
                "envs/prod",
                "module.box.test_thing.inner"
            ),
            f("unchanged", "TEST-001", "envs/prod", "test_thing.a"),
        ]
    );
}

#[test]
fn renamed_root_keeps_its_findings_and_deleted_resources_are_removed_not_fixed() {
    let repo = history();
    let json = small_run(repo.path(), &["diff", "t5", "t6", "--format", "json"]).json();
    assert_eq!(
        json["renamed_roots"],
        serde_json::json!([{"from": "envs/prod", "to": "envs/production"}])
    );
    assert_eq!(
        findings(&json),
        vec![
            f("unchanged", "TEST-001", "envs/production", "test_thing.a"),
            f(
                "unchanged",
                "TEST-002",
                "envs/production",
                "module.box.test_thing.inner"
            ),
        ]
    );
    // Across the rename and the clean-up: a deleted (removed, not a fix), the module's thing
    // shrunk (fixed); DAT back to 2.
    let json = small_run(repo.path(), &["diff", "t5", "t8", "--format", "json"]).json();
    assert_eq!(
        findings(&json),
        vec![
            f(
                "fixed",
                "TEST-002",
                "envs/production",
                "module.box.test_thing.inner"
            ),
            f("removed", "TEST-001", "envs/production", "test_thing.a"),
        ]
    );
    assert_eq!(
        moved(&json),
        vec![
            lv("program", "program", 0.into(), 2.into(), "up"),
            lv("domain", "structural", 0.into(), 2.into(), "up"),
            lv("category", "DAT", 0.into(), 2.into(), "up"),
        ]
    );
}

#[test]
fn fail_on_regression_exit_codes_follow_levels_and_severity() {
    let repo = history();
    let code = |args: &[&str]| {
        let mut all = vec!["diff"];
        all.extend_from_slice(args);
        small_run(repo.path(), &all).code
    };
    // Levels drop and findings appear.
    assert_eq!(code(&["t1", "t3", "--fail-on-regression"]), 1);
    // Without the flag the diff only reports.
    assert_eq!(code(&["t1", "t3"]), 0);
    // Only a fix.
    assert_eq!(code(&["t3", "t4", "--fail-on-regression"]), 0);
    // A new low finding, no level change: a regression at the default severity, not at high.
    assert_eq!(code(&["t4", "t5", "--fail-on-regression"]), 1);
    assert_eq!(
        code(&["t4", "t5", "--fail-on-regression", "--severity", "low"]),
        1
    );
    assert_eq!(
        code(&["t4", "t5", "--fail-on-regression", "--severity", "high"]),
        0
    );
    // The head does not parse: an error, whatever the flags.
    assert_eq!(code(&["t6", "t7"]), 2);
    // The base did not parse but the head does: the diff stands.
    assert_eq!(code(&["t7", "t8", "--fail-on-regression"]), 0);
}

#[test]
fn head_defaults_to_the_working_tree_and_markdown_links_files() {
    let repo = history();
    repo.write(
        "envs/production/main.tf",
        &root_main(false, 3)
            .replace(
                "resource \"test_thing\" \"a\" {\n  flagged = false\n  size    = 1\n}\n\n",
                "",
            )
            .replace(
                "flagged = false\n  size    = 3",
                "flagged = true\n  size    = 3",
            ),
    );
    let run = small_run(repo.path(), &["diff", "HEAD", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["head"]["label"], "working tree");
    assert_eq!(
        findings(&json),
        vec![f("new", "TEST-001", "envs/production", "test_thing.b")]
    );
    let run = small_run(
        repo.path(),
        &[
            "diff",
            "HEAD",
            "--format",
            "markdown",
            "--fail-on-regression",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("| high | `TEST-001` Test resources are not flagged | `envs/production` › `test_thing.b` | [envs/production/main.tf:6](envs/production/main.tf#L6) |"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("| program | program Program | 2 | 0 | ▼ down |"),
        "{}",
        run.stdout
    );
    let run = small_run(
        repo.path(),
        &[
            "diff",
            "HEAD",
            "--format",
            "markdown",
            "--link-base",
            "https://example.invalid/blob/abc/",
        ],
    );
    assert!(
        run.stdout
            .contains("(https://example.invalid/blob/abc/envs/production/main.tf#L6)"),
        "{}",
        run.stdout
    );
}

#[test]
fn scanning_a_subdirectory_links_from_the_repository_root() {
    let mut repo = Repo::new();
    repo.write(
        "infra/main.tf",
        "resource \"test_thing\" \"a\" {\n  flagged = false\n}\n",
    );
    repo.commit("one");
    repo.write(
        "infra/main.tf",
        "resource \"test_thing\" \"a\" {\n  flagged = true\n}\n",
    );
    let infra = repo.path().join("infra");
    let run = small_run(
        repo.path(),
        &[
            "diff",
            "HEAD",
            "--path",
            infra.to_str().unwrap(),
            "--format",
            "markdown",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("[main.tf:1](infra/main.tf#L1)"),
        "{}",
        run.stdout
    );
}

#[test]
fn two_directories_compare_without_git() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    fs::write(
        a.path().join("main.tf"),
        "resource \"test_thing\" \"a\" {\n  flagged = true\n}\n",
    )
    .unwrap();
    fs::write(
        b.path().join("main.tf"),
        "resource \"test_thing\" \"a\" {\n  flagged = false\n}\n",
    )
    .unwrap();
    let run = small_run(
        a.path(),
        &[
            "diff",
            a.path().to_str().unwrap(),
            b.path().to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        findings(&json),
        vec![f("fixed", "TEST-001", ".", "test_thing.a")]
    );
    assert_eq!(
        moved(&json),
        vec![
            lv("program", "program", 0.into(), 2.into(), "up"),
            lv("domain", "structural", 0.into(), 2.into(), "up"),
            lv("category", "DAT", 0.into(), 2.into(), "up"),
        ]
    );
}

#[test]
fn bad_revisions_and_missing_repositories_are_usage_errors() {
    let repo = history();
    for args in [
        vec!["diff", "nosuch"],
        vec!["diff", "t1", "nosuch"],
        vec!["scan", ".", "--rev", "nosuch"],
        vec!["trend", "--rev-range", "nosuch..t3"],
    ] {
        let run = small_run(repo.path(), &args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr
                .contains("`nosuch` is not a revision of this repository"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("help: name a branch, a tag or a commit id"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
    let plain = tempfile::tempdir().unwrap();
    let run = small_run(plain.path(), &["diff", "main"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not inside a git repository"),
        "{}",
        run.stderr
    );
    let run = small_run(repo.path(), &["trend", "--rev-range", "t1...t3"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("symmetric ranges"), "{}", run.stderr);
    let run = small_run(repo.path(), &["trend", "--since", "last week"]);
    assert_eq!(run.code, 2);
}

#[test]
fn scan_rev_reads_the_revision_not_the_working_tree() {
    let repo = history();
    // The working tree is at t8 (level 2); t3 has two failures and level 0.
    let json = small_run(
        repo.path(),
        &["scan", ".", "--rev", "t3", "--format", "json"],
    )
    .json();
    assert_eq!(json["summary"]["level"], 0);
    assert_eq!(
        (
            json["summary"]["passed"].clone(),
            json["summary"]["failed"].clone()
        ),
        (4.into(), 2.into())
    );
    assert!(json["scan"]["root"]
        .as_str()
        .unwrap()
        .starts_with(". @ t3 ("));
    let run = small_run(repo.path(), &["scan", ".", "--rev", "t7"]);
    assert_eq!(
        run.code, 2,
        "an unparsable file at the revision is an error"
    );
    assert!(
        run.stdout.contains("envs/production/broken.tf"),
        "{}",
        run.stdout
    );
}

/// (subject, program level, passed, failed, status) per row.
fn rows(json: &Value) -> Vec<(String, Value, u64, u64, String)> {
    json["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["subject"].as_str().unwrap().to_string(),
                r["level"].clone(),
                r["passed"].as_u64().unwrap(),
                r["failed"].as_u64().unwrap(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn trend_gives_one_row_per_commit_and_marks_unparsable_commits() {
    let repo = history();
    let run = small_run(repo.path(), &["trend", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let row = |s: &str, l: i64, p: u64, f: u64, st: &str| {
        (s.to_string(), Value::from(l), p, f, st.to_string())
    };
    assert_eq!(
        rows(&json),
        vec![
            row("add things", 2, 6, 0, "ok"),
            row("grow b", 1, 5, 1, "ok"),
            row("flag a", 0, 4, 2, "ok"),
            row("shrink b", 0, 5, 1, "ok"),
            row("module grows", 0, 4, 2, "ok"),
            row("rename prod", 0, 4, 2, "ok"),
            row("broken file", 0, 4, 2, "unparsed"),
            row("clean up", 2, 4, 0, "ok"),
        ]
    );
    let broken = &json["commits"][6];
    assert_eq!(
        broken["unparsed"],
        serde_json::json!(["envs/production/broken.tf"])
    );
    assert_eq!(broken["error_count"], 1);
    assert_eq!(broken["date"], "2024-01-07T12:00:00+00:00");
    assert_eq!(
        json["commits"][1]["domains"],
        serde_json::json!([
            // DAT at 1, and 2 of 3 things small toward level 2.
            {"id": "structural", "level": 1, "score": 1.66},
            {"id": "procedural", "level": null, "score": null}
        ])
    );
    let tags = repo.git(&["rev-parse", "t1"]);
    assert_eq!(json["commits"][0]["commit"], tags.trim());

    let table = small_run(repo.path(), &["trend"]).stdout;
    assert_eq!(table.lines().count(), 9, "{table}");
    assert!(
        table
            .lines()
            .nth(7)
            .unwrap()
            .contains("unparsed broken file"),
        "{table}"
    );
    let csv = small_run(repo.path(), &["trend", "--format", "csv"]).stdout;
    assert_eq!(
        csv.lines().next().unwrap(),
        "commit,date,subject,program_level,program_score,structural_level,structural_score,procedural_level,procedural_score,DAT_level,DAT_score,PROC_level,PROC_score,IR_level,IR_score,roots,passed,failed,errors,waived,status,unparsed"
    );
    assert!(
        csv.lines().nth(7).unwrap().ends_with(
            ",2024-01-07T12:00:00+00:00,broken file,0,0.66,0,0.66,,,0,0.66,,,,,1,4,2,0,0,unparsed,envs/production/broken.tf"
        ),
        "{csv}"
    );
}

#[test]
fn trend_selection_flags() {
    let repo = history();
    let subjects = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["trend", "--format", "json"];
        all.extend_from_slice(args);
        let run = small_run(repo.path(), &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        rows(&run.json()).into_iter().map(|r| r.0).collect()
    };
    assert_eq!(
        subjects(&["--max-commits", "2"]),
        vec!["broken file", "clean up"]
    );
    assert_eq!(
        subjects(&["--every", "3"]),
        vec!["grow b", "module grows", "clean up"]
    );
    assert_eq!(
        subjects(&["--rev-range", "t2..t4"]),
        vec!["flag a", "shrink b"]
    );
    assert_eq!(
        subjects(&["--rev-range", "t6.."]),
        vec!["broken file", "clean up"]
    );
    assert_eq!(
        subjects(&["--rev-range", "t2"]),
        vec!["add things", "grow b"]
    );
    assert_eq!(
        subjects(&["--since", "2024-01-07"]),
        vec!["broken file", "clean up"]
    );
    assert_eq!(
        subjects(&["--since", "2024-01-06T12:00:01Z"]),
        vec!["broken file", "clean up"]
    );
}

#[test]
fn trend_is_identical_with_and_without_caches() {
    let repo = history();
    let cache = tempfile::tempdir().unwrap();
    let cache_arg = cache.path().to_str().unwrap();
    let reference = small_run(repo.path(), &["trend", "--format", "json", "--no-reuse"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    for args in [
        vec!["trend", "--format", "json"],
        vec!["trend", "--format", "json", "--cache", cache_arg],
        vec!["trend", "--format", "json", "--cache", cache_arg],
    ] {
        let run = small_run(repo.path(), &args);
        assert_eq!(run.stdout, reference.stdout, "{args:?}");
    }
    // Results sit under the tool version; one file per distinct root module content.
    let ns = cache
        .path()
        .join(format!("rungs-{}", env!("CARGO_PKG_VERSION")));
    let bundles: Vec<_> = fs::read_dir(&ns).unwrap().collect();
    assert_eq!(bundles.len(), 1);
    let entries = fs::read_dir(bundles[0].as_ref().unwrap().path())
        .unwrap()
        .count();
    // t1..t5 each change the root's content; t6 renames it (a new root directory); t7 adds a
    // file to it; t8 changes it again. Eight distinct results.
    assert_eq!(entries, 8);
    // Another policy bundle gets its own namespace: it never reuses these results.
    let run = rungs_in(
        repo.path(),
        &["trend", "--format", "json", "--cache", cache_arg],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_ne!(run.stdout, reference.stdout);
    assert_eq!(fs::read_dir(&ns).unwrap().count(), 2);
}

/// Every path under `dir` except the git directory, sorted.
fn work_tree(dir: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path == dir.join(".git") {
                continue;
            }
            if path.is_dir() {
                stack.push(path.clone());
            }
            paths.push(path);
        }
    }
    paths.sort();
    paths
}

/// The result files of a trend cache directory, sorted.
fn cached_results(cache: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for version in fs::read_dir(cache).unwrap() {
        for bundle in fs::read_dir(version.unwrap().path()).unwrap() {
            for file in fs::read_dir(bundle.unwrap().path()).unwrap() {
                files.push(file.unwrap().path());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn trend_keeps_its_disk_cache_in_the_git_dir_by_default_and_reads_it_back() {
    let repo = history();
    let reference = small_run(repo.path(), &["trend", "--format", "json", "--no-reuse"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    let tree = work_tree(repo.path());
    let cache = repo.path().join(".git/rungs/cache");

    let first = small_run(repo.path(), &["trend", "--format", "json"]);
    assert_eq!((first.code, first.stderr.as_str()), (0, ""));
    assert_eq!(first.stdout, reference.stdout);
    // Eight distinct root results (see `trend_is_identical_with_and_without_caches`), all in
    // the git directory; nothing new in the work tree.
    let files = cached_results(&cache);
    assert_eq!(files.len(), 8, "{files:?}");
    assert!(files.iter().all(|f| f.extension().unwrap() == "json"));
    assert_eq!(work_tree(repo.path()), tree);
    assert_eq!(repo.git(&["status", "--porcelain", "--ignored"]), "");

    // The second run reads the results instead of evaluating: results altered on disk show.
    for file in &files {
        let mut result: Value = serde_json::from_slice(&fs::read(file).unwrap()).unwrap();
        assert!(!result["evaluation"]["checks"]
            .as_array()
            .unwrap()
            .is_empty());
        result["evaluation"]["checks"] = json!([]);
        fs::write(file, serde_json::to_vec(&result).unwrap()).unwrap();
    }
    let second = small_run(repo.path(), &["trend", "--format", "json"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let counts: Vec<(u64, u64)> = rows(&second.json())
        .into_iter()
        .map(|r| (r.2, r.3))
        .collect();
    assert_eq!(counts, vec![(0, 0); 8]);
    // `--no-cache` leaves the disk alone: the true results again.
    let memory_only = small_run(repo.path(), &["trend", "--format", "json", "--no-cache"]);
    assert_eq!(memory_only.stdout, reference.stdout);

    // Unreadable results are misses: evaluated again and rewritten.
    for file in &files {
        fs::write(file, "{ not json").unwrap();
    }
    let third = small_run(repo.path(), &["trend", "--format", "json"]);
    assert_eq!(third.stdout, reference.stdout);
    assert!(files
        .iter()
        .all(|f| serde_json::from_slice::<Value>(&fs::read(f).unwrap()).is_ok()));
    // Safe to delete.
    fs::remove_dir_all(repo.path().join(".git/rungs")).unwrap();
    let fourth = small_run(repo.path(), &["trend", "--format", "json"]);
    assert_eq!(fourth.stdout, reference.stdout);
    assert_eq!(cached_results(&cache).len(), 8);
}

#[test]
fn trend_without_a_writable_cache_warns_and_gives_the_same_rows() {
    let repo = history();
    let reference = small_run(repo.path(), &["trend", "--format", "json", "--no-reuse"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    // A file where the cache directory goes: unwritable for every user, root included.
    fs::write(repo.path().join(".git/rungs"), "").unwrap();
    let blocked = tempfile::tempdir().unwrap();
    fs::write(blocked.path().join("file"), "").unwrap();
    let elsewhere = blocked.path().join("file/cache");
    let version = format!("rungs-{}", env!("CARGO_PKG_VERSION"));
    for (args, dir) in [
        (
            vec!["trend", "--format", "json"],
            format!(".git/rungs/cache/{version}/"),
        ),
        (
            vec![
                "trend",
                "--format",
                "json",
                "--cache",
                elsewhere.to_str().unwrap(),
            ],
            format!("{}/{version}/", elsewhere.display()),
        ),
    ] {
        let run = small_run(repo.path(), &args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, reference.stdout, "{args:?}");
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{}", run.stderr);
        assert!(
            lines[0].starts_with("warning: cannot write the trend cache in ")
                && lines[0].contains(&dir)
                && lines[0].ends_with("; continuing without a disk cache"),
            "{}",
            run.stderr
        );
        assert_eq!(
            lines[1],
            "  help: pass --cache DIR with a writable directory, or --no-cache"
        );
    }
    assert!(repo.path().join(".git/rungs").is_file());
    assert_eq!(fs::read_dir(blocked.path()).unwrap().count(), 1);
}

/// The disk cache is on by default, so results cached under one setting must not be read
/// under another: a file over `--max-file-size` is unparsed in one run, read in the next.
/// The first row of `rungs trend --format json` with `extra` arguments, which must exit 0.
fn first_trend_row(path: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["trend", "--format", "json"];
    args.extend_from_slice(extra);
    let run = small_run(path, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["commits"][0].clone()
}

#[test]
fn trend_disk_cache_never_reuses_results_across_load_settings() {
    let mut repo = Repo::new();
    let padding = "# padding\n".repeat(300);
    repo.write(
        "main.tf",
        &format!("{padding}resource \"test_thing\" \"a\" {{\n  flagged = true\n}}\n"),
    );
    // A second file keeps the root module in both settings, so its result would be reused.
    repo.write(
        "small.tf",
        "resource \"test_thing\" \"b\" {\n  flagged = false\n}\n",
    );
    repo.commit("big file");
    let summary = |extra: &[&str]| {
        let row = first_trend_row(repo.path(), extra);
        (row["failed"].clone(), row["unparsed"].clone())
    };
    let capped = (json!(0), json!(["main.tf"]));
    let read = (json!(1), json!([]));
    assert_eq!(summary(&["--max-file-size", "2KiB"]), capped);
    assert_eq!(summary(&[]), read);
    assert_eq!(summary(&["--max-file-size", "2KiB"]), capped);
    assert_eq!(summary(&[]), read);
}

#[test]
fn trend_disk_cache_never_reuses_results_across_evaluation_limits() {
    let mut repo = Repo::new();
    // A list of 1,000 strings: over a 1 KiB value limit, so `flagged` is unknown there.
    repo.write(
        "main.tf",
        "locals {\n  big = join(\"\", [for i in range(1000) : \"x\"])\n}\nresource \"test_thing\" \"a\" {\n  flagged = length(local.big) > 10\n}\n",
    );
    repo.commit("big value");
    let failed = |extra: &[&str]| first_trend_row(repo.path(), extra)["failed"].clone();
    let limited = ["--max-value-size", "1KiB"];
    assert_eq!(failed(&[]), json!(1));
    assert_eq!(failed(&limited), json!(0));
    assert_eq!(failed(&[]), json!(1));
    assert_eq!(failed(&limited), json!(0));
}

#[test]
fn trend_does_not_keep_results_the_wall_clock_stopped() {
    let mut repo = Repo::new();
    repo.write(
        "main.tf",
        "resource \"test_thing\" \"a\" {\n  flagged = false\n}\n",
    );
    repo.commit("one thing");
    // Ten billion iterations under an instruction budget that never runs out: the one-second
    // backstop stops them, which a quieter machine might not; nothing of that root is kept.
    let policies = tempfile::tempdir().unwrap();
    fs::write(
        policies.path().join("u_wall.rego"),
        "# METADATA\n# title: T\n# custom:\n#   id: U-WALL\n#   severity: low\n#   resource_types: [test_thing]\n#   controls: [DAT-1.1]\npackage user.u_wall\n\nimport rego.v1\n\ndeny contains {\"resource\": r.address, \"message\": \"m\"} if {\n\tsome r in input.resources_by_type.test_thing\n\tcount([x | some x in numbers.range(1, 100000); some y in numbers.range(1, 100000); x == y]) > 0\n}\n",
    )
    .unwrap();
    let policy = policies.path().to_str().unwrap();
    let model = fixtures().join("gate/model.yaml");
    let args = [
        "trend",
        "--format",
        "json",
        "--no-default-policies",
        "--policy",
        policy,
        "--model",
        model.to_str().unwrap(),
        "--max-rego-instructions",
        "1000000000000000000",
        "--max-rego-seconds",
        "1",
    ];
    let run = rungs_in(repo.path(), &args);
    assert_eq!(
        run.json()["commits"][0]["errors"],
        json!(1),
        "{}",
        run.stderr
    );
    let cache = repo.path().join(".git/rungs/cache");
    let kept = if cache.exists() {
        cached_results(&cache)
    } else {
        Vec::new()
    };
    assert_eq!(kept, Vec::<PathBuf>::new());
}

#[test]
fn merges_follow_the_first_parent_unless_asked() {
    let mut repo = Repo::new();
    repo.write(
        "main.tf",
        "resource \"test_thing\" \"a\" {\n  flagged = false\n}\n",
    );
    repo.commit("base");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write(
        "feature.tf",
        "resource \"test_thing\" \"f\" {\n  flagged = true\n}\n",
    );
    repo.commit("feature work");
    repo.git(&["checkout", "-q", "main"]);
    repo.write(
        "other.tf",
        "resource \"test_thing\" \"o\" {\n  flagged = false\n}\n",
    );
    repo.commit("main work");
    repo.git(&["merge", "-q", "--no-ff", "-m", "merge feature", "feature"]);
    repo.commits += 1;
    let subjects = |extra: &[&str]| -> Vec<(String, u64)> {
        let mut all = vec!["trend", "--format", "json"];
        all.extend_from_slice(extra);
        let json = small_run(repo.path(), &all).json();
        rows(&json).into_iter().map(|r| (r.0, r.3)).collect()
    };
    assert_eq!(
        subjects(&[]),
        vec![
            ("base".into(), 0),
            ("main work".into(), 0),
            ("merge feature".into(), 1)
        ]
    );
    let all = subjects(&["--all-parents"]);
    assert_eq!(all.len(), 4);
    assert_eq!(all[0], ("base".into(), 0));
    assert_eq!(all[3], ("merge feature".into(), 1));
    assert!(all.contains(&("feature work".into(), 1)));
}

#[test]
fn shallow_clones_trend_what_they_have_and_say_so() {
    let repo = history();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    let out = Command::new("git")
        .args(["clone", "-q", "--depth", "2", &url])
        .arg(clone.path().join("c"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = clone.path().join("c");
    let run = small_run(&dir, &["trend"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(run.stderr.contains("note: shallow clone"), "{}", run.stderr);
    let json = small_run(&dir, &["trend", "--format", "json"]).json();
    assert!(json["notes"][0]
        .as_str()
        .unwrap()
        .starts_with("shallow clone"));
    let run = small_run(&dir, &["diff", "HEAD~5"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("shallow clone"), "{}", run.stderr);
}

#[test]
fn svg_chart_is_self_contained() {
    let repo = history();
    let run = small_run(
        repo.path(),
        &["trend", "--format", "svg", "--category", "DAT"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let svg = &run.stdout;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("http").count(), 1, "only the namespace");
    for banned in [
        "<script",
        "href",
        "url(",
        "@import",
        "<image",
        "<foreignObject",
    ] {
        assert!(!svg.contains(banned), "{banned}");
    }
    assert!(svg.contains("category DAT"));
    assert!(svg.contains("2024-01-01"));
    // One hover area per commit, and the unparsable commit marked.
    assert_eq!(svg.matches("<rect x=").count(), 8);
    assert!(svg.contains("unparsed: envs/production/broken.tf"));
    let run = small_run(
        repo.path(),
        &["trend", "--format", "svg", "--category", "NOPE"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no category \"NOPE\""),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn submodules_symlinks_and_non_utf8_paths_are_reported_and_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let mut repo = Repo::new();
    repo.write(
        "main.tf",
        "resource \"test_thing\" \"a\" {\n  flagged = true\n}\n",
    );
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.tf");
    fs::write(
        repo.path().join(odd),
        "resource \"test_thing\" \"odd\" {\n  flagged = true\n}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("main.tf", repo.path().join("link.tf")).unwrap();
    repo.commit("content");
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("160000,{},vendor/sub", head.trim()),
    ]);
    repo.git(&["commit", "-q", "-m", "submodule"]);
    let run = small_run(
        repo.path(),
        &["scan", ".", "--rev", "HEAD", "--format", "json"],
    );
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    let json = run.json();
    let skipped: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "R501")
        .map(|d| {
            (
                d["location"]["file"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("caf\u{fffd}.tf".to_string(), "warning".to_string()),
            ("link.tf".to_string(), "warning".to_string()),
            ("vendor/sub".to_string(), "warning".to_string()),
        ]
    );
    // main.tf is still scanned, once.
    assert_eq!(json["summary"]["failed"], 1);
}

#[test]
fn generated_history_trend_is_identical_with_and_without_caches() {
    // Three roots sharing a module; each commit changes one root, the module, or nothing
    // Terraform, from a fixed sequence. Caches must never change a row.
    let mut repo = Repo::new();
    let mut sizes = [1u32, 2, 3];
    let mut flags = [false, false, false];
    let mut module_size = 1;
    // Root r1 waives TEST-002 inline, so waived results must survive the caches too.
    let write_root = |repo: &Repo, i: usize, size: u32, flagged: bool| {
        let waiver = if i == 1 {
            "# rungs:ignore TEST-002 reason=\"accepted for the test\"\n"
        } else {
            ""
        };
        repo.write(
            &format!("envs/r{i}/main.tf"),
            &format!("module \"box\" {{\n  source = \"../../modules/box\"\n  flag   = {flagged}\n}}\n\n{waiver}resource \"test_thing\" \"t\" {{\n  flagged = false\n  size    = {size}\n}}\n"),
        );
    };
    for i in 0..3 {
        write_root(&repo, i, sizes[i], flags[i]);
    }
    repo.write("modules/box/main.tf", &module_box(module_size));
    repo.commit("start");
    for n in 1..40usize {
        let i = n % 3;
        match n % 7 {
            0 => {
                module_size = if module_size == 1 { 30 } else { 1 };
                repo.write("modules/box/main.tf", &module_box(module_size));
            }
            3 => repo.write("README.md", &format!("revision {n}\n")),
            5 => flags[i] = !flags[i],
            _ => sizes[i] = if sizes[i] > 9 { 1 } else { sizes[i] + 4 },
        }
        write_root(&repo, i, sizes[i], flags[i]);
        repo.commit(&format!("change {n}"));
    }
    let cache = tempfile::tempdir().unwrap();
    let cache_arg = cache.path().to_str().unwrap();
    let reference = small_run(repo.path(), &["trend", "--format", "json", "--no-reuse"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    assert_eq!(reference.json()["commits"].as_array().unwrap().len(), 40);
    let levels: std::collections::BTreeSet<String> = reference.json()["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["level"].to_string())
        .collect();
    assert!(
        levels.len() >= 2,
        "the history should move levels: {levels:?}"
    );
    for args in [
        vec!["trend", "--format", "json"],
        vec!["trend", "--format", "json", "--cache", cache_arg],
        vec!["trend", "--format", "json", "--cache", cache_arg],
    ] {
        assert_eq!(
            small_run(repo.path(), &args).stdout,
            reference.stdout,
            "{args:?}"
        );
    }
}

/// `diff` and `trend` read `.rungs.yaml` from the working tree like `scan` does, and apply it to
/// every side and commit: here a config suppression waives the flagged resource everywhere.
#[test]
fn diff_and_trend_apply_the_working_tree_config() {
    let thing = |flagged: bool| {
        format!("resource \"test_thing\" \"a\" {{\n  flagged = {flagged}\n  size    = 1\n}}\n")
    };
    let mut repo = Repo::new();
    repo.write("main.tf", &thing(false));
    repo.commit("clean");
    repo.write("main.tf", &thing(true));
    repo.commit("flag a");
    let args = ["diff", "t1", "t2", "--format", "json"];
    let before = small_run(repo.path(), &args).json();
    assert_eq!(
        findings(&before),
        vec![f("new", "TEST-001", ".", "test_thing.a")]
    );

    repo.write(
        ".rungs.yaml",
        "version: 1\nsuppressions:\n  - policy: TEST-001\n    resource: test_thing.a\n    reason: accepted for the test\n",
    );
    let after = small_run(repo.path(), &args).json();
    assert_eq!(findings(&after), Vec::new());

    let trend = small_run(repo.path(), &["trend", "--format", "json", "--quiet"]);
    assert_eq!(trend.code, 0, "{}", trend.stderr);
    let rows = rows(&trend.json());
    let fails: Vec<u64> = rows.iter().map(|r| r.3).collect();
    assert_eq!(
        fails,
        vec![0, 0],
        "the waived failure counts in no row: {rows:?}"
    );

    let bad = small_run(
        repo.path(),
        &["diff", "t1", "t2", "--config", "missing.yaml"],
    );
    assert_eq!(bad.code, 2);
}

#[test]
fn html_report_charts_the_json_of_rungs_trend() {
    let repo = history();
    let trend = small_run(repo.path(), &["trend", "--format", "json"]);
    assert_eq!(trend.code, 0, "{}", trend.stderr);
    fs::write(repo.path().join("trend.json"), &trend.stdout).unwrap();
    let run = small_run(
        repo.path(),
        &[
            "scan",
            ".",
            "--format",
            "html",
            "--output",
            "report.html",
            "--trend",
            "trend.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = fs::read_to_string(repo.path().join("report.html")).unwrap();
    let chart = html
        .split_once(r#"<svg id="trend-chart""#)
        .unwrap()
        .1
        .split_once("</svg>")
        .unwrap()
        .0;
    // One point per commit (every commit has a level), titled with its date, commit, subject
    // and numbers, in order.
    let titles: Vec<&str> = chart
        .split(r#"<circle class="point""#)
        .skip(1)
        .map(|c| {
            c.split_once("<title>")
                .unwrap()
                .1
                .split_once("</title>")
                .unwrap()
                .0
        })
        .collect();
    let expected: Vec<String> = trend.json()["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {}: L{} · {:.2}",
                &c["date"].as_str().unwrap()[..10],
                &c["commit"].as_str().unwrap()[..7],
                c["subject"].as_str().unwrap(),
                c["level"],
                c["score"].as_f64().unwrap()
            )
        })
        .collect();
    assert_eq!(titles.len(), 8);
    assert_eq!(titles, expected);
    // One commit a day from 2024-01-01 12:00: the axis ticks each midnight between.
    let ticks: Vec<&str> = chart
        .split(r#"<text class="axis x""#)
        .skip(1)
        .map(|t| t.split_once('>').unwrap().1.split_once('<').unwrap().0)
        .collect();
    assert_eq!(
        ticks,
        [
            "2024-01-02",
            "2024-01-03",
            "2024-01-04",
            "2024-01-05",
            "2024-01-06",
            "2024-01-07",
            "2024-01-08"
        ]
    );
}

#[test]
fn trend_jsonl_has_every_commits_scores_and_aggregate_keeps_the_newest_and_charts_each_day() {
    let repo = history();
    let run = small_run(
        repo.path(),
        &["trend", "--format", "jsonl", "--repo-name", "acme/history"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let programs: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "program").collect();
    let table = small_run(repo.path(), &["trend", "--format", "json"]).json();
    let commits = table["commits"].as_array().unwrap();
    assert_eq!(programs.len(), commits.len());
    for (line, row) in programs.iter().zip(commits) {
        assert_eq!(
            (
                &line["commit"],
                &line["level"],
                &line["score"],
                &line["repository"]
            ),
            (
                &row["commit"],
                &row["level"],
                &row["score"],
                &json!("acme/history")
            )
        );
    }
    assert!(lines.iter().all(|l| l["kind"] != "check"));
    // The newest commit's lines are the ones a scan of it writes (the scan day aside).
    let newest = commits.last().unwrap()["commit"].as_str().unwrap();
    let scan = small_run(
        repo.path(),
        &[
            "scan",
            ".",
            "--rev",
            newest,
            "--format",
            "jsonl",
            "--repo-name",
            "acme/history",
        ],
    );
    let strip = |l: &Value| {
        let mut l = l.clone();
        l.as_object_mut().unwrap().remove("scanned");
        l.as_object_mut().unwrap().remove("commit_date");
        l
    };
    let from_scan: Vec<Value> = scan
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|l| l["kind"] != "check")
        .map(|l| strip(&l))
        .collect();
    let from_trend: Vec<Value> = lines
        .iter()
        .filter(|l| l["commit"] == newest)
        .map(strip)
        .collect();
    assert_eq!(from_trend, from_scan);
    // Rolled up, the history counts once, with its newest commit; the others are listed.
    let export = repo.path().join("history.jsonl");
    std::fs::write(&export, &run.stdout).unwrap();
    let model = fixtures().join("gate/model.yaml");
    let rollup = rungs_in(
        repo.path(),
        &[
            "aggregate",
            "history.jsonl",
            "--model",
            model.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(rollup.code, 0, "{}", rollup.stdout);
    let rollup = rollup.json();
    assert_eq!(rollup["repositories"][0]["commit"], json!(newest));
    assert_eq!(
        rollup["left_out"].as_array().unwrap().len(),
        commits.len() - 1
    );
    assert!(rollup["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["error"] == false
            && l["reason"].as_str().unwrap().starts_with("superseded")
            // One commit a day: each superseded one is its day's point in the trend.
            && l["reason"].as_str().unwrap().contains("; it still counts in the trend, for 2024-01-")));
    // Superseded commits still count in the roll-up's trend: one point per commit day, each the
    // level and score `rungs trend` gives that commit.
    let trend = rollup["trend"].as_array().unwrap();
    assert_eq!(trend.len(), commits.len());
    for (point, row) in trend.iter().zip(commits) {
        assert_eq!(
            (&point["level"], &point["score"], &point["repositories"]),
            (&row["level"], &row["score"], &json!(1))
        );
        assert_eq!(
            point["date"].as_str().unwrap(),
            &row["date"].as_str().unwrap()[..10]
        );
    }
    let html = rungs_in(
        repo.path(),
        &[
            "aggregate",
            "history.jsonl",
            "--model",
            model.to_str().unwrap(),
            "--format",
            "html",
        ],
    )
    .stdout;
    assert_eq!(html.matches("id=\"trend-chart\"").count(), 1);
    let table = html.split("<table id=\"trend\">").nth(1).unwrap();
    let table = table.split("</table>").next().unwrap();
    assert_eq!(table.matches("<tr>").count(), 1 + commits.len());
}
