//! `rungs aggregate` and the JSONL export: roll-ups of the bundled examples agree with each scan,
//! JSON and JSONL inputs give the same roll-up, the shipped DuckDB SQL gives exactly what rungs
//! gives, and bad inputs are listed, never silently dropped.

mod common;

use common::{rungs, rungs_on};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const TEAMS_YAML: &str =
    "teams:\n  cloud-a: [\"acme/aws-*\", \"acme/gcp-*\"]\n  cloud-b: [\"acme/azure-*\"]\n";
const TEAMS_CSV: &str =
    "ord,pattern,team\n1,acme/aws-*,cloud-a\n2,acme/gcp-*,cloud-a\n3,acme/azure-*,cloud-b\n";

/// The three bundled examples, scanned to `NAME.json` and `NAME.jsonl` in a fresh directory.
fn exports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["aws", "azure", "gcp"] {
        let example = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(format!("{name}-platform"));
        let json = dir.path().join(format!("{name}.json"));
        let jsonl = dir.path().join(format!("{name}.jsonl"));
        let run = rungs(&[
            "scan",
            example.to_str().unwrap(),
            "--repo-name",
            &format!("acme/{name}-platform"),
            "--format",
            "json",
            "--output",
            json.to_str().unwrap(),
            "--format",
            "jsonl",
            "--output",
            jsonl.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    fs::write(dir.path().join("teams.yaml"), TEAMS_YAML).unwrap();
    fs::write(dir.path().join("teams.csv"), TEAMS_CSV).unwrap();
    dir
}

fn paths(dir: &Path, ext: &str) -> Vec<String> {
    ["aws", "azure", "gcp"]
        .iter()
        .map(|n| dir.join(format!("{n}.{ext}")).to_str().unwrap().to_string())
        .collect()
}

fn aggregate(dir: &Path, inputs: &[String], extra: &[&str]) -> common::Run {
    let map = dir.join("teams.yaml");
    let mut args = vec![
        "aggregate",
        "--map",
        map.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend(inputs.iter().map(String::as_str));
    args.extend_from_slice(extra);
    rungs(&args)
}

/// (group, level, score, limiting, [(category, level, score)]) of a roll-up's JSON group.
type Group = (String, Value, Value, Value, Vec<(String, Value, Value)>);

fn group(g: &Value, name: &str) -> Group {
    let categories = g["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["level"].clone(),
                c["score"].clone(),
            )
        })
        .collect();
    (
        name.to_string(),
        g["level"].clone(),
        g["score"].clone(),
        g["limiting"].clone(),
        categories,
    )
}

fn groups(rollup: &Value) -> Vec<Group> {
    let mut out = vec![group(&rollup["organisation"], "organisation/organisation")];
    for t in rollup["teams"].as_array().unwrap() {
        out.push(group(t, &format!("team/{}", t["name"].as_str().unwrap())));
    }
    out
}

#[test]
fn rollups_of_the_examples_agree_with_each_scan_and_between_json_and_jsonl() {
    let dir = exports();
    let from_json = aggregate(dir.path(), &paths(dir.path(), "json"), &[]);
    assert_eq!(from_json.code, 0, "{}", from_json.stderr);
    let json_rollup = from_json.json();
    // A repository's own roll-up is its scan's program level and score.
    for name in ["aws", "azure", "gcp"] {
        let report: Value = serde_json::from_str(
            &fs::read_to_string(dir.path().join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        let repo = json_rollup["repositories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["repository"] == format!("acme/{name}-platform"))
            .unwrap();
        assert_eq!(
            (
                &repo["level"],
                &repo["score"],
                &repo["limiting"],
                &repo["scope"]
            ),
            (
                &report["summary"]["level"],
                &report["summary"]["score"],
                &report["summary"]["limiting"],
                &report["summary"]["scope"]["scope"]
            ),
            "{name}"
        );
        // And its categories are the scan's categories.
        let scanned: Vec<(Value, Value, Value)> = report["domains"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["categories"].as_array().unwrap())
            .map(|c| (c["id"].clone(), c["level"].clone(), c["score"].clone()))
            .collect();
        let rolled: Vec<(Value, Value, Value)> = repo["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["id"].clone(), c["level"].clone(), c["score"].clone()))
            .collect();
        assert_eq!(rolled, scanned, "{name}");
    }
    // Held back: each category the organisation has not completed lists exactly the
    // repositories at or below the organisation's level there, lowest first.
    let held = json_rollup["held_back"].as_array().unwrap();
    assert!(!held.is_empty());
    for h in held {
        let id = h["category"].as_str().unwrap();
        let org_level = h["level"].as_u64().unwrap();
        let org_category = json_rollup["organisation"]["domains"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["categories"].as_array().unwrap())
            .find(|c| c["id"] == id)
            .unwrap();
        assert_eq!(org_category["level"], json!(org_level), "{id}");
        let mut expected: Vec<(u64, f64, String)> = json_rollup["repositories"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| {
                let c = r["categories"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c["id"] == id)?;
                let level = c["level"].as_u64().filter(|&l| l <= org_level)?;
                Some((
                    level,
                    c["score"].as_f64().unwrap(),
                    r["repository"].as_str().unwrap().to_string(),
                ))
            })
            .collect();
        expected.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let listed: Vec<(u64, f64, String)> = h["repositories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["level"].as_u64().unwrap(),
                    r["score"].as_f64().unwrap(),
                    r["repository"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(listed, expected, "{id}");
    }
    // All three reports are of one day: no trend.
    assert_eq!(json_rollup["trend"], json!([]));
    let org = &json_rollup["organisation"];
    assert_eq!(
        (
            &org["repositories"],
            &org["level"],
            &org["score"],
            &org["limiting"]
        ),
        (&json!(3), &json!(0), &json!(0.91), &json!("VUL"))
    );
    let teams: Vec<(&str, &Value)> = json_rollup["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap(), &t["repositories"]))
        .collect();
    assert_eq!(teams, [("cloud-a", &json!(2)), ("cloud-b", &json!(1))]);
    assert!(json_rollup["left_out"].as_array().unwrap().is_empty());
    // The worst findings across the organisation: the three open SSH ports lead.
    let worst: Vec<&str> = json_rollup["worst_findings"].as_array().unwrap()[..3]
        .iter()
        .map(|f| f["policy"].as_str().unwrap())
        .collect();
    assert_eq!(
        worst,
        [
            "RUNGS-AWS-VPC-001",
            "RUNGS-AZURE-NETWORK-001",
            "RUNGS-GCP-NETWORK-001"
        ]
    );

    let from_jsonl = aggregate(dir.path(), &paths(dir.path(), "jsonl"), &[]);
    assert_eq!(from_jsonl.code, 0, "{}", from_jsonl.stderr);
    let jsonl_rollup = from_jsonl.json();
    assert_eq!(groups(&jsonl_rollup), groups(&json_rollup));
    assert_eq!(
        jsonl_rollup["worst_findings"],
        json_rollup["worst_findings"]
    );

    // Gates on the organisation and on a team.
    assert_eq!(
        aggregate(
            dir.path(),
            &paths(dir.path(), "json"),
            &["--min-level", "1"]
        )
        .code,
        1
    );
    let team = aggregate(
        dir.path(),
        &paths(dir.path(), "json"),
        &["--min-team", "cloud-b=0"],
    );
    assert_eq!(team.code, 0, "{}", team.stdout);
    assert_eq!(
        team.json()["gate"],
        json!({"passed": true, "requirements": [{"target": "cloud-b", "min": 0, "actual": 0, "passed": true}]})
    );
}

#[test]
fn the_shipped_duckdb_sql_gives_exactly_what_rungs_aggregate_gives() {
    let has_duckdb = Command::new("python3")
        .args(["-c", "import duckdb"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_duckdb {
        assert_ne!(
            std::env::var("RUNGS_DUCKDB_TEST").as_deref(),
            Ok("required"),
            "DuckDB is required (pip install duckdb)"
        );
        eprintln!("skipped: python3 with duckdb is not installed (pip install duckdb)");
        return;
    }
    let dir = exports();
    let rollup = aggregate(dir.path(), &paths(dir.path(), "jsonl"), &[]).json();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/warehouse/rollup.py");
    let glob = dir.path().join("*.jsonl");
    let out = Command::new("python3")
        .arg(&script)
        .arg(glob.to_str().unwrap())
        .arg(dir.path().join("teams.csv"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sql: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut expected: Vec<Group> = groups(&rollup);
    for r in rollup["repositories"].as_array().unwrap() {
        let name = format!("repository/{}", r["repository"].as_str().unwrap());
        let categories = r["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_string(),
                    c["level"].clone(),
                    c["score"].clone(),
                )
            })
            .collect();
        expected.push((
            name,
            r["level"].clone(),
            r["score"].clone(),
            r["limiting"].clone(),
            categories,
        ));
    }
    let mut compared = 0;
    for (name, level, score, limiting, categories) in expected {
        let g = &sql[&name];
        assert_eq!(
            (&g["level"], &g["score"], &g["limiting"]),
            (&level, &score, &limiting),
            "{name}"
        );
        for (id, level, score) in categories {
            // SQL has no row for a category without evidence; rungs says level null.
            let row = g["categories"]
                .get(&id)
                .cloned()
                .unwrap_or(json!([null, null]));
            assert_eq!(row, json!([level, score]), "{name} {id}");
            compared += 1;
        }
    }
    assert_eq!(compared, 12 * (1 + 2 + 3));
    // Domain levels and scores of the organisation and each team.
    let mut domains = 0;
    let named = std::iter::once((
        "organisation/organisation".to_string(),
        &rollup["organisation"],
    ))
    .chain(
        rollup["teams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (format!("team/{}", t["name"].as_str().unwrap()), t)),
    );
    for (name, group) in named {
        for d in group["domains"].as_array().unwrap() {
            let id = d["id"].as_str().unwrap();
            let row = sql[&name]["domains"]
                .get(id)
                .cloned()
                .unwrap_or(json!([null, null]));
            assert_eq!(row, json!([d["level"], d["score"]]), "{name} {id}");
            domains += 1;
        }
    }
    assert_eq!(domains, 3 * 3);
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

#[test]
fn bad_inputs_are_listed_with_their_reason_and_never_dropped_silently() {
    let dir = exports();
    let d = dir.path();
    let aws = fs::read_to_string(d.join("aws.json")).unwrap();
    let truncated = write(d, "truncated.json", &aws[..aws.len() / 2]);
    let foreign = write(d, "foreign.json", "{\"hello\": \"world\"}\n");
    let duplicate = write(d, "again.json", &aws);
    let other_model = write(
        d,
        "old-model.json",
        &aws.replace("\"version\": \"2.0\"", "\"version\": \"1.0\""),
    );
    let bundle = serde_json::from_str::<Value>(&aws).unwrap()["tool"]["bundle"]
        .as_str()
        .unwrap()
        .to_string();
    let other_bundle = write(
        d,
        "other-bundle.json",
        &aws.replace(&bundle, "0000000000000000000000000000000000000000")
            .replace("acme/aws-platform", "acme/forked-platform"),
    );
    let inputs: Vec<String> = [
        d.join("aws.json"),
        truncated,
        foreign,
        duplicate,
        other_model,
        other_bundle,
        d.join("missing.json"),
    ]
    .iter()
    .map(|p| p.to_str().unwrap().to_string())
    .collect();
    let run = aggregate(d, &inputs, &[]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let json = run.json();
    let reasons: Vec<(String, bool)> = json["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let file = l["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            let reason = l["reason"]
                .as_str()
                .unwrap()
                .replace(d.to_str().unwrap(), "D");
            (format!("{name}: {reason}"), l["error"].as_bool().unwrap())
        })
        .collect();
    // The truncated report is located at its last line: one past its newlines (a cut right
    // after a newline ends on an empty line, which `lines()` would not count).
    let line_count = aws[..aws.len() / 2].matches('\n').count() + 1;
    let located = format!("truncated.json: D/truncated.json:{line_count}:");
    assert!(
        reasons[1].0.starts_with(&located) && reasons[1].0.contains("EOF while parsing"),
        "{reasons:?}"
    );
    let mut reasons = reasons;
    reasons[1].0 = "truncated".into();
    assert_eq!(
        reasons,
        vec![
            ("missing.json: not a file or directory".to_string(), true),
            ("truncated".to_string(), true),
            ("foreign.json: not a rungs scan report (`rungs scan --format json`)".to_string(), true),
            (
                "again.json: duplicate: D/aws.json already holds this commit".to_string(),
                true
            ),
            (
                "old-model.json: made with model ians-securosis-csa-csmm@1.0, not ians-securosis-csa-csmm@2.0: levels are not comparable".to_string(),
                true
            ),
            (
                format!("other-bundle.json: made with policy bundle 0000000000000000000000000000000000000000, not {bundle} (the first report read)"),
                true
            ),
        ]
    );
    // What was read still rolls up.
    assert_eq!(json["organisation"]["repositories"], 1);

    // Stale reports are a warning: listed, left out, exit 0.
    let map = d.join("teams.yaml");
    let stale = rungs_on(
        "2027-06-01",
        &[
            "aggregate",
            "--map",
            map.to_str().unwrap(),
            "--max-age",
            "30",
            d.join("aws.json").to_str().unwrap(),
        ],
    );
    assert_eq!(stale.code, 0, "{}", stale.stdout);
    assert!(stale.stdout.contains("warning "), "{}", stale.stdout);
    assert!(stale.stdout.contains("stale: scanned "), "{}", stale.stdout);
}

#[test]
fn text_markdown_and_html_show_the_same_rollup() {
    let dir = exports();
    let map = dir.path().join("teams.yaml");
    let run = |format: &str| {
        let mut args = vec![
            "aggregate",
            "--map",
            map.to_str().unwrap(),
            "--format",
            format,
        ];
        let inputs = paths(dir.path(), "json");
        args.extend(inputs.iter().map(String::as_str));
        let out = rungs(&args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let text = run("text");
    assert!(
        text.contains("\norganisation                 3   0 (0.91)    -    4    0    1    0    0    -    0    4    0    2    -  limited by VUL\n"),
        "{text}"
    );
    let markdown = run("markdown");
    assert!(
        markdown.starts_with("## rungs · organisation level 0 (0.91) · 3 repositories\n"),
        "{markdown}"
    );
    let html = run("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in ["src=", "href=", "http:", "https:", "<script"] {
        assert!(!html.contains(needle), "found {needle}");
    }
    // One heat-map row for the organisation and each team, a cell per category.
    let heatmap = html
        .split("<table id=\"heatmap\">")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    assert_eq!(heatmap.matches("<tr>").count(), 4);
    assert!(
        heatmap.contains("<tr><td class=\"name\">cloud-b</td><td>1</td><td>0 (0.87)</td>"),
        "{heatmap}"
    );
    assert_eq!(html.matches("<td class=\"name\">acme/").count(), 3 + 20);
    // The categories held back: a line of text and a table row each, as many as in JSON.
    let json = run("json");
    let held = serde_json::from_str::<Value>(&json).unwrap()["held_back"]
        .as_array()
        .unwrap()
        .len();
    let section = text.split("\nHolding back").nth(1).unwrap();
    let lines = section.split("\n\n").next().unwrap().lines().count();
    assert_eq!(lines, 1 + held, "{section}");
    let table = html
        .split("<table id=\"held-back\">")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    assert_eq!(table.matches("<tr>").count(), 1 + held);
    assert!(!html.contains("id=\"trend-chart\""));
}

#[test]
fn a_bad_team_map_and_an_unknown_team_gate_are_usage_errors() {
    let dir = exports();
    let d = dir.path();
    let aws = d.join("aws.json");
    let bad = write(d, "bad-teams.yaml", "teams:\n  cloud-a: \"acme/*\"\n");
    let run = rungs(&[
        "aggregate",
        "--map",
        bad.to_str().unwrap(),
        aws.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("team cloud-a: expected a list of globs"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    let unknown = aggregate(
        d,
        &[aws.to_str().unwrap().to_string()],
        &["--min-team", "nobody=1"],
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("no repository belongs to team \"nobody\""),
        "{}",
        unknown.stderr
    );
}

#[test]
fn superseded_results_say_whether_they_still_count_in_the_trend() {
    let dir = exports();
    let d = dir.path();
    let mut report: Value =
        serde_json::from_str(&fs::read_to_string(d.join("aws.json")).unwrap()).unwrap();
    let newest = report["repository"]["commit_date"]
        .as_str()
        .unwrap()
        .to_string();
    let day = newest[..10].to_string();
    // An older commit of the same day, and one of an earlier day.
    let mut older = |name: &str, commit: &str, date: String| {
        report["repository"]["commit"] = commit.into();
        report["repository"]["commit_date"] = date.into();
        write(d, name, &report.to_string())
    };
    let same_day = older(
        "same-day.json",
        &"1".repeat(40),
        format!("{day}T00:00:00+00:00"),
    );
    let earlier = older(
        "earlier.json",
        &"2".repeat(40),
        "2020-01-01T00:00:00+00:00".into(),
    );
    let inputs: Vec<String> = [d.join("aws.json"), same_day, earlier]
        .iter()
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    let run = aggregate(d, &inputs, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    let reasons: Vec<(String, String, bool)> = json["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let file = l["file"]
                .as_str()
                .unwrap()
                .replace(d.to_str().unwrap(), "D");
            let reason = l["reason"]
                .as_str()
                .unwrap()
                .replace(d.to_str().unwrap(), "D");
            (file, reason, l["error"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            (
                "D/same-day.json".to_string(),
                format!("superseded by the newer result in D/aws.json; not in the trend either: a newer result stands for {day}"),
                false
            ),
            (
                "D/earlier.json".to_string(),
                "superseded by the newer result in D/aws.json; it still counts in the trend, for 2020-01-01".to_string(),
                false
            ),
        ]
    );
    // The trend has the earlier day's point and today's.
    let days: Vec<&str> = json["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2020-01-01", day.as_str()]);
}
