//! Inputs other than Terraform source (issue 13): plan JSON given alone, with `--plan`, found in
//! the tree and diffed; CloudFormation templates; Kubernetes manifests; and hostile plans,
//! templates and manifests. Each run is killed after a timeout: a hang fails.

mod common;

use common::{rungs_in, Repo, Run};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn mixed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed")
}

fn rungs(args: &[&str]) -> Run {
    rungs_in(&mixed(), args)
}

/// Findings as (outcome, policy, resource, file, line).
fn findings(json: &Value) -> Vec<(String, String, String, String, u64)> {
    let mut out: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["outcome"].as_str().unwrap().to_string(),
                f["policy"].as_str().unwrap().to_string(),
                f["resource"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    out.sort();
    out
}

/// Diagnostics as (code, "file:line:col").
fn diagnostics(json: &Value) -> Vec<(String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let loc = &d["location"];
            let mut at = loc["file"].as_str().unwrap_or("").to_string();
            if let Some(l) = loc["line"].as_u64() {
                at.push_str(&format!(":{l}:{}", loc["column"]));
            }
            (d["code"].as_str().unwrap().to_string(), at)
        })
        .collect()
}

fn levels(json: &Value) -> Vec<(String, Value)> {
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["categories"].as_array().unwrap())
        .map(|c| (c["id"].as_str().unwrap().to_string(), c["level"].clone()))
        .collect()
}

fn f(policy: &str, resource: &str, file: &str, line: u64) -> (String, String, String, String, u64) {
    (
        "fail".into(),
        policy.into(),
        resource.into(),
        file.into(),
        line,
    )
}

const PLAN: &str = "plans/terraform.json";

#[test]
fn hcl_and_its_plan_give_the_same_findings_and_levels() {
    let hcl = rungs(&["scan", "terraform", "--format", "json"]);
    let plan = rungs(&["scan", PLAN, "--format", "json"]);
    let both = rungs(&["scan", "terraform", "--plan", PLAN, "--format", "json"]);
    assert_eq!(
        (hcl.code, plan.code, both.code),
        (0, 0, 0),
        "{}",
        plan.stderr
    );
    let (hcl, plan, both) = (hcl.json(), plan.json(), both.json());
    let expected_hcl = vec![
        f(
            "RUNGS-AWS-RDS-001",
            "module.db.aws_db_instance.main",
            "modules/db/main.tf",
            6,
        ),
        f(
            "RUNGS-AWS-RDS-006",
            "module.db.aws_db_instance.main",
            "modules/db/main.tf",
            6,
        ),
        f(
            "RUNGS-AWS-RDS-007",
            "module.db.aws_db_instance.main",
            "modules/db/main.tf",
            6,
        ),
        f("RUNGS-AWS-S3-003", "aws_s3_bucket.logs", "main.tf", 24),
        f("RUNGS-AWS-S3-004", "aws_s3_bucket.logs", "main.tf", 24),
        f("RUNGS-AWS-S3-006", "aws_s3_bucket.logs", "main.tf", 24),
        f(
            "RUNGS-AWS-VPC-001",
            "aws_security_group.admin[0]",
            "main.tf",
            46,
        ),
        f(
            "RUNGS-AWS-VPC-001",
            "aws_security_group.admin[1]",
            "main.tf",
            46,
        ),
    ];
    assert_eq!(findings(&hcl), expected_hcl);
    // `--plan` keeps the source's files and lines.
    assert_eq!(findings(&both), expected_hcl);
    // Alone, a plan locates resources at their address in the plan file.
    assert_eq!(
        findings(&plan),
        vec![
            f(
                "RUNGS-AWS-RDS-001",
                "module.db.aws_db_instance.main",
                PLAN,
                208
            ),
            f(
                "RUNGS-AWS-RDS-006",
                "module.db.aws_db_instance.main",
                PLAN,
                208
            ),
            f(
                "RUNGS-AWS-RDS-007",
                "module.db.aws_db_instance.main",
                PLAN,
                208
            ),
            f("RUNGS-AWS-S3-003", "aws_s3_bucket.logs", PLAN, 38),
            f("RUNGS-AWS-S3-004", "aws_s3_bucket.logs", PLAN, 38),
            f("RUNGS-AWS-S3-006", "aws_s3_bucket.logs", PLAN, 38),
            f(
                "RUNGS-AWS-VPC-001",
                "aws_security_group.admin[0]",
                PLAN,
                109
            ),
            f(
                "RUNGS-AWS-VPC-001",
                "aws_security_group.admin[1]",
                PLAN,
                156
            ),
        ]
    );
    assert_eq!(levels(&hcl), levels(&plan));
    assert_eq!(levels(&hcl), levels(&both));
    assert_eq!(plan["diagnostics"], serde_json::json!([]));
    // The passes match too: every (policy, resource) judged is the same.
    let judged = |j: &Value| {
        ["level", "score", "passed", "failed", "errors", "unknown"].map(|k| j["summary"][k].clone())
    };
    assert_eq!(judged(&hcl), judged(&plan));
}

#[test]
fn a_plan_given_with_plan_inside_the_tree_is_judged_once() {
    let run = rungs(&[
        "scan",
        ".",
        "--plan",
        PLAN,
        "--exclude",
        "cloudformation",
        "--exclude",
        "kubernetes",
        "--exclude",
        "serverless",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    // The plan replaces the HCL root it was made from and takes its lines; it is not a second
    // document of its own.
    let got = findings(&json);
    assert_eq!(got.len(), 8, "{got:?}");
    assert!(got.iter().all(|x| x.3.starts_with("terraform/")), "{got:?}");
}

#[test]
fn a_plan_in_the_tree_is_its_own_document() {
    let run = rungs(&["scan", ".", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got = findings(&run.json());
    let in_plan = got.iter().filter(|x| x.3 == PLAN).count();
    let in_hcl = got.iter().filter(|x| x.3.starts_with("terraform/")).count();
    let in_template = got
        .iter()
        .filter(|x| x.3 == "cloudformation/storage.yaml")
        .count();
    let in_sam = got
        .iter()
        .filter(|x| x.3.starts_with("serverless/"))
        .count();
    let in_manifests = got
        .iter()
        .filter(|x| x.3.starts_with("kubernetes/"))
        .count();
    assert_eq!(
        (
            in_plan,
            in_hcl,
            in_template,
            in_sam,
            in_manifests,
            got.len()
        ),
        (8, 8, 10, 5, 12, 43)
    );
}

#[test]
fn sensitive_values_never_leave_the_plan() {
    const SECRET: &str = "hunter2-NOT-A-REAL-SECRET";
    let text = fs::read_to_string(mixed().join(PLAN)).unwrap();
    assert!(text.contains(SECRET), "the fixture holds the secret");
    let input = rungs(&["input", PLAN]);
    assert_eq!(input.code, 0, "{}", input.stderr);
    let documents: Value = serde_json::from_str(&input.stdout).unwrap();
    let db = documents[0]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["address"] == "module.db.aws_db_instance.main")
        .unwrap();
    // Masked with the configuration's reference: unknown to policies, like HCL's var.password.
    assert_eq!(db["config"]["password"], "${var.password}");
    for format in [
        "json", "sarif", "text", "markdown", "html", "junit", "jsonl",
    ] {
        let run = rungs(&["scan", PLAN, "--format", format]);
        assert_eq!(run.code, 0);
        assert!(!run.stdout.contains(SECRET), "{format}");
        assert!(!run.stderr.contains(SECRET), "{format}");
    }
    assert!(!input.stdout.contains(SECRET));
}

#[test]
fn plan_documents_deleted_resources_are_not_judged_and_unknowns_are_marked() {
    let input = rungs(&["input", PLAN]);
    let documents: Value = serde_json::from_str(&input.stdout).unwrap();
    assert_eq!(documents.as_array().unwrap().len(), 1);
    let doc = &documents[0];
    assert_eq!(doc["root"], ".");
    let addresses: Vec<&str> = doc["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["address"].as_str().unwrap())
        .collect();
    // aws_s3_bucket.old is being deleted.
    assert_eq!(
        addresses,
        vec![
            "aws_kms_key.data",
            "aws_s3_bucket.logs",
            "aws_s3_bucket_public_access_block.logs",
            "aws_s3_bucket_server_side_encryption_configuration.logs",
            "aws_security_group.admin[0]",
            "aws_security_group.admin[1]",
            "module.db.aws_db_instance.main",
        ]
    );
    let sse = &doc["resources_by_type"]["aws_s3_bucket_server_side_encryption_configuration"][0];
    // after_unknown leaves take the configuration's reference, so companions join.
    assert_eq!(sse["config"]["bucket"], "${aws_s3_bucket.logs.id}");
    assert_eq!(
        sse["config"]["rule"][0]["apply_server_side_encryption_by_default"][0]["kms_master_key_id"],
        "${aws_kms_key.data.arn}"
    );
    let sg = &doc["resources_by_type"]["aws_security_group"][1];
    assert_eq!(sg["index"], 1);
    assert_eq!(sg["ref"], "aws_security_group.admin");
    // Computed attributes the configuration does not set are left out when unknown or empty.
    let bucket = &doc["resources_by_type"]["aws_s3_bucket"][0];
    assert_eq!(
        bucket["config"],
        serde_json::json!({"bucket": "mixed-logs", "force_destroy": false})
    );
    assert_eq!(doc["module_calls"][0]["address"], "module.db");
    assert_eq!(doc["providers"][0]["name"], "aws");
}

#[test]
fn diff_between_two_plans() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: Value =
        serde_json::from_str(&fs::read_to_string(mixed().join(PLAN)).unwrap()).unwrap();
    for rc in plan["resource_changes"].as_array_mut().unwrap() {
        if rc["address"] == "aws_security_group.admin[1]" {
            rc["change"]["after"]["ingress"][0]["cidr_blocks"] = serde_json::json!(["10.0.0.0/8"]);
        }
    }
    fs::write(dir.path().join("new.json"), plan.to_string()).unwrap();
    fs::copy(mixed().join(PLAN), dir.path().join("old.json")).unwrap();
    let run = rungs_in(
        dir.path(),
        &["diff", "old.json", "new.json", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        json["summary"],
        serde_json::json!({"new": 0, "fixed": 1, "removed": 0, "unchanged": 7})
    );
    assert_eq!(json["renamed_roots"], serde_json::json!([]));
    assert_eq!(json["findings"][0]["change"], "fixed");
    assert_eq!(
        json["findings"][0]["resource"],
        "aws_security_group.admin[1]"
    );
}

/// A scan of `dir` holding `files`, as JSON.
fn scan_tree(files: &[(&str, &str)]) -> (Run, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    let run = rungs_in(dir.path(), &["scan", ".", "--format", "json"]);
    (run, dir)
}

const BUCKET_TF: &str = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n";

#[test]
fn truncated_plan_is_a_located_error_and_the_rest_is_scanned() {
    let text = fs::read_to_string(mixed().join(PLAN)).unwrap();
    let cut = &text[..text.find("\"resource_changes\"").unwrap() + 40];
    let (run, _dir) = scan_tree(&[("plan.json", cut), ("tf/main.tf", BUCKET_TF)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let lines = cut.lines().count();
    let last = cut.lines().last().unwrap().len();
    assert_eq!(
        diagnostics(&json),
        vec![("R004".to_string(), format!("plan.json:{lines}:{last}"))]
    );
    // The Terraform beside it was judged.
    assert!(findings(&json)
        .iter()
        .any(|x| x.2 == "aws_s3_bucket.b" && x.3 == "tf/main.tf"));
}

#[test]
fn hostile_plans_give_located_errors() {
    let deep = format!(
        "{{\"format_version\":\"1.2\",\"planned_values\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("deep", deep, "R004", "plan.json:1:"),
        (
            "future version",
            "{\n  \"format_version\": \"2.0\",\n  \"planned_values\": {}\n}\n".into(),
            "R601",
            "plan.json:2:3",
        ),
        (
            "wrong types",
            "{\"format_version\":\"1.0\",\"planned_values\":{},\"resource_changes\":{\"a\":1}}".into(),
            "R601",
            "plan.json:1:45",
        ),
        (
            "entry without type",
            "{\"format_version\":\"1.0\",\"planned_values\":{},\n\"resource_changes\":[{\"address\":\"aws_x.y\",\"mode\":\"managed\",\"name\":\"y\"}]}".into(),
            "R601",
            "plan.json:2:1",
        ),
    ];
    for (name, text, code, at) in cases {
        let (run, _dir) = scan_tree(&[("plan.json", &text)]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        let got = diagnostics(&run.json());
        assert_eq!(got.len(), 1, "{name}: {got:?}");
        assert_eq!(got[0].0, code, "{name}");
        assert!(got[0].1.starts_with(at), "{name}: {got:?}");
    }
}

#[test]
fn a_file_that_is_not_a_plan_is_an_error_when_given_but_skipped_in_a_tree() {
    let (run, dir) = scan_tree(&[
        ("package.json", "{\"name\": \"x\"}"),
        ("broken.json", "{\"name\": "),
        ("main.tf", BUCKET_TF),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(diagnostics(&run.json()), vec![]);
    let given = rungs_in(dir.path(), &["scan", "package.json", "--format", "json"]);
    assert_eq!(given.code, 2);
    assert_eq!(
        diagnostics(&given.json()),
        vec![("R601".to_string(), "package.json".to_string())]
    );
    let missing = rungs_in(
        dir.path(),
        &["scan", "--plan", "none.json", ".", "--format", "json"],
    );
    assert_eq!(missing.code, 2);
    assert_eq!(diagnostics(&missing.json())[0].0, "R001");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_plan_is_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), BUCKET_TF).unwrap();
    let fifo = dir.path().join("plan.json");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let run = rungs_in(dir.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

const TEMPLATE: &str = "cloudformation/storage.yaml";

#[test]
fn cloudformation_template_findings_and_levels() {
    let run = rungs(&["scan", "cloudformation", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let file = "storage.yaml";
    assert_eq!(
        findings(&json),
        vec![
            f("RUNGS-CFN-CLOUDTRAIL-002", "AuditTrail", file, 122),
            f("RUNGS-CFN-EC2-001", "AdminSecurityGroup", file, 87),
            f("RUNGS-CFN-IAM-001", "DeployRole", file, 138),
            f("RUNGS-CFN-RDS-001", "ReportsDatabase", file, 98),
            f("RUNGS-CFN-RDS-006", "ReportsDatabase", file, 98),
            f("RUNGS-CFN-S3-001", "ExportBucket", file, 77),
            f("RUNGS-CFN-S3-002", "ExportBucket", file, 77),
            f("RUNGS-CFN-S3-003", "ExportBucket", file, 77),
            f("RUNGS-CFN-S3-004", "ExportBucket", file, 77),
            f("RUNGS-CFN-S3-005", "ExportBucket", file, 77),
        ]
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    let level = |id: &str| {
        levels(&json)
            .into_iter()
            .find(|(c, _)| c == id)
            .map(|(_, l)| l)
            .unwrap()
    };
    assert_eq!(
        [level("IAM"), level("NET"), level("DAT"), level("LOG")],
        [0, 0, 0, 1].map(Value::from)
    );
    // A gate sees the template's levels.
    let gated = rungs(&["scan", TEMPLATE, "--min-category", "NET=1"]);
    assert_eq!(gated.code, 1, "{}", gated.stderr);
}

#[test]
fn sam_resources_are_judged_as_what_they_deploy() {
    let run = rungs(&["scan", "serverless/template.yaml", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let got: Vec<(String, String, u64)> = findings(&json)
        .into_iter()
        .map(|x| {
            assert_eq!(x.0, "fail");
            (x.1, x.2, x.4)
        })
        .collect();
    let g = |p: &str, r: &str, l: u64| (p.to_string(), r.to_string(), l);
    // An API stage without access logs, a table (SimpleTable) without point-in-time recovery
    // or a customer key, a function URL without IAM auth (`<id>Url`, at its function), and
    // variables from `Globals` without a customer key; OrdersFunction has its key.
    assert_eq!(
        got,
        vec![
            g("RUNGS-CFN-APIGATEWAY-001", "AdminApi", 46),
            g("RUNGS-CFN-DYNAMODB-001", "Orders", 51),
            g("RUNGS-CFN-DYNAMODB-002", "Orders", 51),
            g("RUNGS-CFN-LAMBDA-002", "WebhookFunctionUrl", 30),
            g("RUNGS-CFN-LAMBDA-003", "WebhookFunction", 30),
        ]
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["summary"]["passed"], 4);
}

#[test]
fn cfn_params_decide_conditions_and_values() {
    let run = rungs(&[
        "scan",
        TEMPLATE,
        "--cfn-param",
        "Env=prod",
        "--cfn-param",
        "AdminCidr=10.0.0.0/8",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Vec<(String, String)> = findings(&run.json())
        .into_iter()
        .map(|x| (x.1, x.2))
        .collect();
    // Prod encrypts the database and blocks the export bucket's policies; the prod-only
    // replica appears, publicly accessible; SSH is open to the VPN range only.
    assert_eq!(
        got,
        vec![
            ("RUNGS-CFN-CLOUDTRAIL-002".into(), "AuditTrail".into()),
            ("RUNGS-CFN-IAM-001".into(), "DeployRole".into()),
            ("RUNGS-CFN-RDS-002".into(), "ProdOnlyReplica".into()),
            ("RUNGS-CFN-S3-001".into(), "ExportBucket".into()),
            ("RUNGS-CFN-S3-003".into(), "ExportBucket".into()),
            ("RUNGS-CFN-S3-004".into(), "ExportBucket".into()),
            ("RUNGS-CFN-S3-005".into(), "ExportBucket".into()),
        ]
    );
}

#[test]
fn template_unknowns_are_not_judged() {
    let (run, _dir) = scan_tree(&[(
        "t.yaml",
        "Parameters:\n  Cidr:\n    Type: String\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr}\n",
    )]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let outcomes: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["policy"].as_str().unwrap(),
                f["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(outcomes, vec![("RUNGS-CFN-EC2-001", "unknown")]);
}

#[test]
fn broken_templates_are_located_and_other_yaml_is_left_alone() {
    let laughs = {
        let mut t = String::from("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for w in names.windows(2) {
            let p = w[0];
            t.push_str(&format!(
                "{}: &{} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n",
                w[1], w[1]
            ));
        }
        t + "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {X: *i}\n"
    };
    let deep = format!(
        "AWSTemplateFormatVersion: 2010-09-09\nResources: {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let (run, _dir) = scan_tree(&[
        ("a/broken.yaml", "AWSTemplateFormatVersion: 2010-09-09\nResources:\n  A:\n    Type: [\n"),
        ("b/laughs.yaml", &laughs),
        ("c/deep.yaml", &deep),
        ("d/intrinsic.yaml", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: {\"Fn::Nope\": 1}\n"),
        (".github/workflows/ci.yml", "name: ci\non: push\njobs: {}\n"),
        ("docker-compose.yaml", "services: {web: {image: x}}\n"),
        ("main.tf", BUCKET_TF),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let got = diagnostics(&json);
    let codes: Vec<(&str, &str)> = got
        .iter()
        .map(|(c, at)| (c.as_str(), at.split(':').next().unwrap()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("R602", "a/broken.yaml"),
            ("R602", "b/laughs.yaml"),
            ("R602", "c/deep.yaml"),
            ("R602", "d/intrinsic.yaml"),
        ]
    );
    assert!(got[0].1.starts_with("a/broken.yaml:5:"), "{got:?}");
    assert_eq!(got[3].1, "d/intrinsic.yaml:2:1");
    // The Terraform and the readable template were still judged.
    let judged = findings(&json);
    assert!(judged.iter().any(|x| x.2 == "aws_s3_bucket.b"));
    assert!(judged
        .iter()
        .any(|x| x.2 == "A" && x.3 == "d/intrinsic.yaml"));
}

const OPEN_SG: &str = "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: admin\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n";

#[test]
fn trend_judges_plans_and_templates_in_history_with_and_without_caches() {
    let mut repo = Repo::new();
    let plan = fs::read_to_string(mixed().join(PLAN)).unwrap();
    let closed = OPEN_SG.replace("0.0.0.0/0", "10.0.0.0/8");
    let steps: Vec<(&str, &str)> = vec![
        ("main.tf", BUCKET_TF),
        ("stack.yaml", OPEN_SG),
        ("stack.yaml", &closed),
        ("plans/prod.json", &plan),
        ("plans/prod.json", &plan[..100]),
    ];
    for (day, (rel, text)) in steps.iter().enumerate() {
        repo.write(rel, text);
        repo.commit(&format!("step {day}"));
    }
    let cache = tempfile::tempdir().unwrap();
    let reference = rungs_in(repo.path(), &["trend", "--format", "json", "--no-cache"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    for args in [
        vec!["trend", "--format", "json"],
        vec![
            "trend",
            "--format",
            "json",
            "--cache",
            cache.path().to_str().unwrap(),
        ],
    ] {
        let run = rungs_in(repo.path(), &args);
        assert_eq!(run.stdout, reference.stdout, "{args:?}");
    }
    let json = reference.json();
    let rows: Vec<(u64, u64, u64, u64)> = json["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap();
            (n("roots"), n("failed"), n("passed"), n("error_count"))
        })
        .collect();
    // (documents, failed, passed, errors): the Terraform root; the template open, then closed
    // (its group passes RUNGS-CFN-EC2-006 and -007 throughout, -001 once closed); the plan (8
    // failures, its passes, its aws provider block among them); the plan truncated, an error and
    // no document.
    assert_eq!(
        rows,
        vec![
            (1, 5, 0, 0),
            (2, 6, 2, 0),
            (2, 5, 3, 0),
            (3, 13, 19, 0),
            (2, 5, 3, 1)
        ]
    );
}

#[test]
fn a_json_file_too_large_to_look_at_is_a_warning_not_a_silent_skip() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), BUCKET_TF).unwrap();
    fs::write(
        dir.path().join("package-lock.json"),
        format!("{{\"x\": \"{}\"}}", "a".repeat(4096)),
    )
    .unwrap();
    let run = rungs_in(
        dir.path(),
        &["scan", ".", "--max-file-size", "2KiB", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        diagnostics(&json),
        vec![("R009".to_string(), "package-lock.json".to_string())]
    );
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    // Given alone, it is an error.
    let given = rungs_in(
        dir.path(),
        &[
            "scan",
            "package-lock.json",
            "--max-file-size",
            "2KiB",
            "--format",
            "json",
        ],
    );
    assert_eq!(given.code, 2);
}

// Kubernetes manifests (examples/mixed/kubernetes and hostile trees).

#[test]
fn kubernetes_manifest_findings_and_levels() {
    let run = rungs(&["scan", "kubernetes", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let (ds, shop, rbac) = ("log-agent.json", "shop.yaml", "rbac.yaml");
    assert_eq!(
        findings(&json),
        vec![
            f("RUNGS-K8S-IMAGE-001", "Deployment.shop.web", shop, 63),
            f("RUNGS-K8S-IMAGE-002", "Deployment.shop.web", shop, 63),
            f(
                "RUNGS-K8S-NET-001",
                "Namespace.tools",
                "namespaces.yaml",
                32
            ),
            f("RUNGS-K8S-NET-002", "Service.shop.web", shop, 111),
            f("RUNGS-K8S-NET-003", "Ingress.shop.web", shop, 125),
            f("RUNGS-K8S-POD-001", "DaemonSet.tools.log-agent", ds, 1),
            f("RUNGS-K8S-POD-002", "DaemonSet.tools.log-agent", ds, 1),
            f("RUNGS-K8S-POD-005", "DaemonSet.tools.log-agent", ds, 1),
            f("RUNGS-K8S-POD-019", "DaemonSet.tools.log-agent", ds, 1),
            f("RUNGS-K8S-RBAC-003", "Role.shop.config-reader", rbac, 18),
            f("RUNGS-K8S-RBAC-006", "ClusterRoleBinding.ci-admin", rbac, 5),
            f("RUNGS-K8S-SECRET-001", "Deployment.shop.web", shop, 63),
        ]
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    // One document for the directory: four files, every object judged, the hardened
    // Deployment.shop.api passing everything.
    let summary = &json["summary"];
    assert_eq!(
        [&summary["passed"], &summary["failed"], &summary["unknown"]],
        [91, 12, 0].map(Value::from).each_ref()
    );
    let level = |id: &str| {
        levels(&json)
            .into_iter()
            .find(|(c, _)| c == id)
            .map(|(_, l)| l)
            .unwrap()
    };
    assert_eq!(
        [level("IAM"), level("NET"), level("WKL")],
        [0, 0, 0].map(Value::from)
    );
    // Given alone, a manifest file is its own document, with its own paths.
    let alone = rungs(&["scan", "kubernetes/rbac.yaml", "--format", "json"]);
    assert_eq!(alone.code, 0, "{}", alone.stderr);
    let file = "kubernetes/rbac.yaml";
    assert_eq!(
        findings(&alone.json()),
        vec![
            f("RUNGS-K8S-RBAC-003", "Role.shop.config-reader", file, 18),
            f("RUNGS-K8S-RBAC-006", "ClusterRoleBinding.ci-admin", file, 5),
        ]
    );
}

#[test]
fn broken_manifests_are_located_and_other_yaml_is_left_alone() {
    let (run, _dir) = scan_tree(&[
        (
            "k8s/app.yaml",
            "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n---\napiVersion: v1\nmetadata:\n  name: nokind\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: still-read\n",
        ),
        ("k8s/bad.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n"),
        ("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n"),
        (
            "chart/templates/deployment.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"shop.fullname\" . }}\n",
        ),
        (".github/workflows/ci.yml", "name: ci\non: push\njobs: {}\n"),
        ("docker-compose.yaml", "services: {web: {image: x}}\n"),
        ("cfn/t.yaml", "AWSTemplateFormatVersion: 2010-09-09\nResources:\n  A:\n    Type: AWS::S3::Bucket\n"),
        ("main.tf", BUCKET_TF),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        diagnostics(&json),
        vec![
            ("R603".to_string(), "chart/Chart.yaml".to_string()),
            ("R603".to_string(), "k8s/app.yaml:10:1".to_string()),
            ("R603".to_string(), "k8s/app.yaml:11:1".to_string()),
            ("R004".to_string(), "k8s/bad.json:2:1".to_string()),
        ]
    );
    let severities: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["warning", "error", "error", "error"]);
    assert!(
        json["diagnostics"][1]["message"]
            .as_str()
            .unwrap()
            .starts_with("invalid manifest YAML"),
        "{}",
        json["diagnostics"][1]
    );
    // The readable objects, the template and the Terraform were judged; the chart's template,
    // the workflow and the compose file are not resources.
    let judged = findings(&json);
    let resources: std::collections::BTreeSet<&str> = judged.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(
        resources.into_iter().collect::<Vec<_>>(),
        vec!["A", "Namespace.still-read", "aws_s3_bucket.b"]
    );
    let inputs = rungs_in(_dir.path(), &["input", "."]);
    let documents: Value = serde_json::from_str(&inputs.stdout).unwrap();
    let addresses: Vec<&str> = documents
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["root"] == "k8s")
        .flat_map(|d| d["resources"].as_array().unwrap())
        .map(|r| r["address"].as_str().unwrap())
        .collect();
    assert_eq!(
        addresses,
        ["Namespace.still-read", "ServiceAccount.default.ok"]
    );
}

#[test]
fn templated_manifest_values_are_not_judged() {
    let (run, _dir) = scan_tree(&[(
        "deploy.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: ${HOST_NETWORK}\n  containers:\n  - name: app\n    image: \"{{ .Values.image }}\"\n",
    )]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let mut unknown: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["outcome"] == "unknown")
        .map(|f| f["policy"].as_str().unwrap())
        .collect();
    unknown.sort();
    assert_eq!(
        unknown,
        [
            "RUNGS-K8S-IMAGE-001",
            "RUNGS-K8S-IMAGE-002",
            "RUNGS-K8S-IMAGE-003",
            "RUNGS-K8S-POD-002"
        ]
    );
}

const NESTED_PARENT: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SshCidr: {Type: String, Default: 0.0.0.0/0}
  Unset: {Type: String}
Resources:
  Open:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./child/sg.yaml
      Parameters:
        Cidr: !Ref SshCidr
  Closed:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: child/sg.yaml
      Parameters:
        Cidr: 10.0.0.0/8
  Unknown:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./child/sg.yaml
      Parameters:
        Cidr: !Ref Unset
  Defaulted:
    Type: AWS::Serverless::Application
    Properties:
      Location: ./child/../child/sg.yaml
"#;

const NESTED_CHILD: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Cidr: {Type: String, Default: 10.1.0.0/16}
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr}
"#;

#[test]
fn nested_stacks_are_judged_with_the_parameters_their_parent_passes() {
    let (run, _dir) = scan_tree(&[
        ("stacks/parent.yaml", NESTED_PARENT),
        ("stacks/child/sg.yaml", NESTED_CHILD),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let child = "stacks/child/sg.yaml";
    let o = |outcome: &str, resource: &str| {
        (
            outcome.to_string(),
            "RUNGS-CFN-EC2-001".to_string(),
            resource.to_string(),
            child.to_string(),
            5,
        )
    };
    // The child is judged once per stack that nests it, under each stack's id, at its own
    // file and line, and not on its own (no bare `Sg`): open with the parent's default
    // 0.0.0.0/0, unknown with a parameter nobody set; Closed.Sg (a literal) and Defaulted.Sg
    // (the child's own default) pass. 12 checks = 3 security-group policies x 4 copies; a
    // fifth, unnested copy would make 15.
    assert_eq!(
        findings(&json),
        vec![o("fail", "Open.Sg"), o("unknown", "Unknown.Sg")]
    );
    let counts =
        |j: &Value| ["passed", "failed", "unknown"].map(|k| j["summary"][k].as_u64().unwrap());
    assert_eq!(counts(&json), [10, 1, 1]);
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    // Another value given to the parent passes the child.
    let run = rungs_in(
        _dir.path(),
        &[
            "scan",
            ".",
            "--cfn-param",
            "SshCidr=10.0.0.0/8",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(findings(&json), vec![o("unknown", "Unknown.Sg")]);
    assert_eq!(counts(&json), [11, 0, 1]);
}

fn stack(id: &str, url: &str) -> String {
    format!("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  {id}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: {url}\n")
}

#[test]
fn nested_stacks_not_read_are_located() {
    let chain: Vec<(String, String)> = (0..11)
        .map(|i| {
            (
                format!("deep/d{i}.yaml"),
                stack("Next", &format!("d{}.yaml", i + 1)),
            )
        })
        .collect();
    let mut files: Vec<(String, String)> = vec![
        (
            "remote/t.yaml".into(),
            stack("Net", "https://s3.amazonaws.com/bucket/net.yaml"),
        ),
        ("cycle/a.yaml".into(), stack("B", "./b.yaml")),
        ("cycle/b.yaml".into(), stack("A", "./a.yaml")),
        ("missing/t.yaml".into(), stack("Db", "./db.yaml")),
        ("escape/t.yaml".into(), stack("Up", "../../outside.yaml")),
        ("absolute/t.yaml".into(), stack("Abs", "/etc/hosts")),
    ];
    files.extend(chain.into_iter().filter(|(p, _)| p != "deep/d10.yaml"));
    files.push(("deep/d10.yaml".into(), NESTED_CHILD.into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (run, dir) = scan_tree(&refs);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let mut got: Vec<(String, String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let loc = &d["location"];
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                format!("{}:{}", loc["file"].as_str().unwrap(), loc["line"]),
            )
        })
        .collect();
    got.sort();
    let d = |code: &str, severity: &str, at: &str| {
        (code.to_string(), severity.to_string(), at.to_string())
    };
    // One cycle error (cycle/a.yaml holds b.yaml, which is not judged again on its own), the
    // depth bound at the eighth nested stack, a missing child, paths outside the root, and a
    // remote template noted as not judged.
    assert_eq!(
        got,
        vec![
            d("R602", "error", "absolute/t.yaml:6"),
            d("R602", "error", "cycle/b.yaml:6"),
            d("R602", "error", "deep/d8.yaml:6"),
            d("R602", "error", "escape/t.yaml:6"),
            d("R602", "error", "missing/t.yaml:6"),
            d("R602", "warning", "remote/t.yaml:6"),
        ]
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"nested stacks form a cycle (cycle/a.yaml includes cycle/b.yaml includes cycle/a.yaml); B.A was not read again"),
        "{messages:?}"
    );
    // d9 was not read inside d0 (past the bound), so it is judged on its own with d10 in it:
    // d10's security group, once, by the 3 security-group policies.
    assert_eq!(findings(&json), vec![]);
    assert_eq!(
        ["passed", "failed", "unknown"].map(|k| json["summary"][k].as_u64().unwrap()),
        [3, 0, 0]
    );
    // A symbolic link out of the scan root is refused, not followed.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("sg.yaml"), NESTED_CHILD).unwrap();
        let root = dir.path().join("link");
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("t.yaml"), stack("Out", "./sg.yaml")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("sg.yaml"), root.join("sg.yaml")).unwrap();
        let run = rungs_in(&root, &["scan", ".", "--format", "json"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        let json = run.json();
        assert_eq!(
            diagnostics(&json),
            vec![("R008".to_string(), "t.yaml:6:1".to_string())]
        );
        assert_eq!(findings(&json), vec![]);
    }
}

#[test]
fn nested_stacks_multiplying_at_every_level_stop_at_the_read_budget() {
    // 10 stacks of b in a, 10 of c in each b...: 11,110 templates; 1,000 are read, in a's
    // document only (b to e are nested, so not judged on their own).
    let wide = |id: &str, url: &str| {
        let mut t = String::from("Resources:\n");
        for i in 0..10 {
            t.push_str(&format!(
                "  {id}{i}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: {url}\n"
            ));
        }
        t
    };
    let (run, _dir) = scan_tree(&[
        ("w/a.yaml", &wide("B", "b.yaml")),
        ("w/b.yaml", &wide("C", "c.yaml")),
        ("w/c.yaml", &wide("D", "d.yaml")),
        ("w/d.yaml", &wide("E", "e.yaml")),
        ("w/e.yaml", NESTED_CHILD),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let got: Vec<(String, String)> = diagnostics(&json)
        .into_iter()
        .map(|(code, at)| (code, at.split(':').next().unwrap().to_string()))
        .collect();
    // Depth first: B0 (1 read) and C0..C8 in b.yaml (111 each) make 1,000, so C9 in b.yaml is
    // the first stack not read.
    assert_eq!(got, vec![("R602".to_string(), "w/b.yaml".to_string())]);
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("more than 1000 nested stacks in w/a.yaml"),
        "{message}"
    );
}
