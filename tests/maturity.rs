//! Levels that carry signal, on the bundled examples: exact levels per category, levels that
//! move when one resource is fixed or broken, plans whose promised levels a rescan confirms,
//! and scopes that keep account-level checks out of module and workload repositories.

mod common;

use common::{category, rungs};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A private copy of an example, to edit.
fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&example(name), dir.path());
    dir
}

fn scan(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["scan", dir.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let run = rungs(&args);
    assert!(
        run.code == 0 || run.code == 1,
        "{}\n{}",
        run.stderr,
        run.stdout
    );
    run.json()
}

fn categories(json: &Value) -> Vec<(String, Option<u64>)> {
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .map(|c| (c["id"].as_str().unwrap().to_string(), c["level"].as_u64()))
        .collect()
}

fn levels(pairs: &[(&str, Option<u64>)]) -> Vec<(String, Option<u64>)> {
    pairs.iter().map(|(id, l)| (id.to_string(), *l)).collect()
}

/// Replaces exactly one occurrence of `from` in a file.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} in {}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn example_levels_differ_across_categories() {
    let aws = scan(&example("aws-platform"), &[]);
    assert_eq!(aws["summary"]["scope"]["scope"], "estate");
    assert_eq!(
        categories(&aws),
        levels(&[
            ("GOV", None),
            ("ORG", Some(4)),
            ("IAM", Some(0)),
            ("LOG", Some(1)),
            ("NET", Some(0)),
            ("WKL", Some(0)),
            ("APP", None),
            ("DAT", Some(1)),
            ("IR", Some(4)),
            // ECR repositories without scan on push, one of them only visible per for_each
            // instance.
            ("VUL", Some(0)),
            ("CMP", Some(4)),
            ("AUT", None),
        ])
    );
    assert_eq!(
        (
            &aws["summary"]["level"],
            &aws["summary"]["score"],
            &aws["summary"]["limiting"]
        ),
        // The workloads category holds the program at 0 (IMDSv1, an unencrypted volume).
        (&Value::from(0), &Value::from(0.93), &Value::from("WKL"))
    );
    for name in ["azure-platform", "gcp-platform"] {
        let json = scan(&example(name), &[]);
        let distinct: std::collections::BTreeSet<Option<u64>> =
            categories(&json).into_iter().map(|(_, l)| l).collect();
        assert!(distinct.len() >= 4, "{name}: {distinct:?}");
    }
}

/// The plan for one category: (file:line, resource) of each step, and the promised level.
fn plan_for(dir: &Path, id: &str) -> (Vec<(String, String, String)>, u64) {
    let run = rungs(&["plan", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let plan = json["plan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["category"] == id)
        .unwrap_or_else(|| panic!("no plan for {id}: {json}"));
    let steps = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["action"].as_str().unwrap().to_string(),
                format!("{}:{}", s["file"].as_str().unwrap_or("-"), s["line"]),
                s["resource"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    (steps, plan["reaches"].as_u64().unwrap())
}

#[test]
fn applying_the_plan_for_network_security_reaches_the_promised_level_on_every_example() {
    // (example, the one fix the plan lists, the edit that makes it, the level before)
    let cases = [
        (
            "aws-platform",
            (
                "modules/network/security_groups.tf:96",
                "module.network.aws_security_group.bastion",
            ),
            (
                "modules/network/security_groups.tf",
                "cidr_blocks = var.ssh_allowed_cidrs",
                "cidr_blocks = [\"10.20.0.0/16\"]",
            ),
        ),
        (
            "azure-platform",
            (
                "modules/network/security_groups.tf:65",
                "module.network.azurerm_network_security_rule.admin_ssh",
            ),
            (
                "modules/network/security_groups.tf",
                "source_address_prefixes     = var.admin_source_cidrs",
                "source_address_prefixes     = [\"10.20.0.0/16\"]",
            ),
        ),
        (
            "gcp-platform",
            (
                "modules/network/main.tf:87",
                "module.network.google_compute_firewall.ssh",
            ),
            (
                "modules/network/main.tf",
                "source_ranges = var.ssh_source_ranges",
                "source_ranges = [\"35.235.240.0/20\"]",
            ),
        ),
    ];
    for (name, (at, resource), (file, from, to)) in cases {
        let dir = copy_of(name);
        let before = scan(dir.path(), &[]);
        assert_eq!(category(&before, "NET")["level"], 0, "{name}");
        let (steps, reaches) = plan_for(dir.path(), "NET");
        assert_eq!(
            steps,
            vec![("fix".to_string(), at.to_string(), resource.to_string())],
            "{name}"
        );
        assert!(reaches >= 1, "{name}");
        // The Markdown plan (for a pull-request comment) links the same fix.
        let markdown = rungs(&[
            "plan",
            dir.path().to_str().unwrap(),
            "--format",
            "markdown",
            "--link-base",
            "https://example.invalid/blob/main/",
        ]);
        let link = format!(
            "[{at}](https://example.invalid/blob/main/{}#L{})",
            at.split(':').next().unwrap(),
            at.split(':').nth(1).unwrap()
        );
        assert!(
            markdown.stdout.contains(&link),
            "{name}: {}",
            markdown.stdout
        );
        edit(&dir.path().join(file), from, to);
        let after = scan(dir.path(), &[]);
        assert_eq!(
            category(&after, "NET")["level"].as_u64(),
            Some(reaches),
            "{name}"
        );
        assert!(
            after["summary"]["score"].as_f64() > before["summary"]["score"].as_f64(),
            "{name}: program score {} -> {}",
            before["summary"]["score"],
            after["summary"]["score"]
        );
    }
}

#[test]
fn one_open_admin_port_drops_a_module_from_its_network_level_and_diff_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (base, head) = (dir.path().join("base"), dir.path().join("head"));
    for side in [&base, &head] {
        fs::create_dir_all(side).unwrap();
        copy_tree(&example("aws-platform/modules/network"), side);
    }
    fs::write(
        head.join("open.tf"),
        "resource \"aws_security_group\" \"debug\" {\n  vpc_id = aws_vpc.this.id\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n",
    )
    .unwrap();
    let (before, after) = (scan(&base, &[]), scan(&head, &[]));
    assert_eq!(
        (
            &category(&before, "NET")["level"],
            &category(&after, "NET")["level"]
        ),
        (&Value::from(3), &Value::from(0))
    );
    assert!(after["summary"]["score"].as_f64() < before["summary"]["score"].as_f64());
    let diff = rungs(&[
        "diff",
        base.to_str().unwrap(),
        head.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on-regression",
    ]);
    assert_eq!(diff.code, 1, "{}", diff.stdout);
    let json = diff.json();
    let net = json["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "NET")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(
        (&net["base"], &net["head"], &net["direction"]),
        (&Value::from(3), &Value::from(0), &Value::from("down"))
    );
    assert!(
        net["head_score"].as_f64() < net["base_score"].as_f64(),
        "{net}"
    );
}

/// A workload repository: the AWS example's environments and modules, without its `org/`.
fn workload(name: &str) -> tempfile::TempDir {
    let dir = copy_of(name);
    fs::remove_dir_all(dir.path().join(match name {
        "azure-platform" => "platform",
        _ => "org",
    }))
    .unwrap();
    dir
}

#[test]
fn module_and_workload_repositories_get_no_account_level_results() {
    let (aws, gcp) = (workload("aws-platform"), workload("gcp-platform"));
    for (path, scope) in [
        (example("aws-platform/modules/network"), "module"),
        (aws.path().to_path_buf(), "workload"),
        (gcp.path().to_path_buf(), "workload"),
    ] {
        let path = path.as_path();
        let json = scan(path, &[]);
        assert_eq!(
            json["summary"]["scope"]["scope"],
            scope,
            "{}",
            path.display()
        );
        let scan_wide: Vec<&Value> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["resource"] == "<scan>")
            .collect();
        assert!(scan_wide.is_empty(), "{}: {scan_wide:?}", path.display());
        let org = category(&json, "ORG");
        assert_eq!(
            (&org["out_of_scope"], &org["level"]),
            (&Value::from(true), &Value::Null),
            "{}",
            path.display()
        );
        // The same code judged as an estate fails the organisation-level checks.
        let estate = scan(path, &["--scope", "estate"]);
        assert!(
            estate["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["resource"] == "<scan>"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn strict_mode_counts_missing_attestations() {
    let module = example("aws-platform/modules/network");
    let relaxed = scan(&module, &[]);
    let strict = scan(&module, &["--strict"]);
    // NET-1.2 (entry points documented) is attested-only: the code shows level 3, strict mode
    // stops at 0 until someone attests it.
    assert_eq!(category(&relaxed, "NET")["level"], 3);
    assert_eq!(category(&strict, "NET")["level"], 0);
    assert_eq!(
        category(&relaxed, "NET")["pending_attestations"],
        serde_json::json!(["NET-1.2", "NET-4.2"])
    );
    assert_eq!(
        (&relaxed["summary"]["score"], &strict["summary"]["score"]),
        (&Value::from(2.5), &Value::from(0.25))
    );
    assert!(strict["summary"]["score"].as_f64() < relaxed["summary"]["score"].as_f64());
}
