//! Honest evaluation (issue 9): per-instance values of `count`/`for_each` and `dynamic` blocks
//! are judged, unknown values are never passed, blocks switched off are reported, and joins
//! see through locals and module outputs. Each fixture in `tests/fixtures/honest/` is scanned by
//! the real binary and the exact outcomes of the policy it exercises are asserted.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Scans a fixture; returns the JSON report.
fn scan(fixture: &str, extra: &[&str]) -> Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/honest")
        .join(fixture);
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("scan")
        .arg(&dir)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{fixture}: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).unwrap()
}

/// Every non-passing check of `policy`: (resource, outcome), in report order.
fn outcomes(report: &Value, policy: &str) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["policy"] == policy)
        .map(|f| {
            (
                f["resource"].as_str().unwrap().to_string(),
                f["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The policy's summary counts: (passed, failed, unknown, waived).
fn counts(report: &Value, policy: &str) -> (u64, u64, u64, u64) {
    let p = report["policies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == policy)
        .unwrap();
    let n = |k: &str| p[k].as_u64().unwrap();
    (n("passed"), n("failed"), n("unknown"), n("waived"))
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const SG: &str = "RUNGS-AWS-VPC-001";

#[test]
fn ssh_from_a_variable_without_value_is_unknown_not_passed() {
    let report = scan("sg-unknown-cidrs", &[]);
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[("aws_security_group.admin", "unknown")])
    );
    assert_eq!(counts(&report, SG), (0, 0, 1, 0));
    // Given a value, the same rule is judged.
    let report = scan(
        "sg-unknown-cidrs",
        &["--var", r#"admin_cidrs=["0.0.0.0/0"]"#],
    );
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[("aws_security_group.admin", "fail")])
    );
}

#[test]
fn for_each_and_count_rules_fail_with_their_instance_addresses() {
    let report = scan("sg-rule-instances", &[]);
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[
            (r#"aws_security_group_rule.ssh["0.0.0.0/0"]"#, "fail"),
            ("aws_security_group_rule.rdp[1]", "fail"),
        ])
    );
    // rdp[0] (10.0.0.0/8) passes.
    assert_eq!(counts(&report, SG), (1, 2, 0, 0));
}

#[test]
fn iam_action_from_each_value_is_judged_per_instance() {
    let report = scan("iam-each-value", &[]);
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-IAM-004"),
        pairs(&[(r#"aws_iam_policy.p["admin"]"#, "fail")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-IAM-004"), (1, 1, 0, 0));
}

#[test]
fn bucket_policy_through_a_local_and_a_module_output_is_joined() {
    let report = scan("bucket-policy-local", &[]);
    // plain: "${local.policy}" is a document without a TLS deny; the module's bucket gets the
    // same document through `module.store.bucket_id`; secure's document denies plaintext.
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-S3-006"),
        pairs(&[
            ("aws_s3_bucket.plain", "fail"),
            ("module.store.aws_s3_bucket.this", "fail"),
        ])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-S3-006"), (1, 2, 0, 0));
}

#[test]
fn dynamic_ingress_over_a_known_list_fails() {
    let report = scan("dynamic-ingress", &[]);
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[("aws_security_group.web", "fail")])
    );
    let message = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["policy"] == SG)
        .unwrap()["message"]
        .clone();
    assert_eq!(
        message,
        "Ingress from 0.0.0.0/0 reaches remote administration port(s) [22]"
    );
}

#[test]
fn a_block_switched_off_is_reported_and_var_switches_it_on() {
    let report = scan("count-create-false", &[]);
    assert_eq!(outcomes(&report, SG), pairs(&[]));
    assert_eq!(counts(&report, SG), (0, 0, 0, 0));
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(
        (&d["code"], &d["severity"], &d["location"]),
        (
            &Value::from("R106"),
            &Value::from("warning"),
            &serde_json::json!({"file": "main.tf", "line": 5, "column": 1})
        )
    );
    assert_eq!(
        d["message"],
        "aws_security_group.bastion creates nothing (count is 0: count = var.create ? 1 : 0), so nothing in it was judged"
    );

    let report = scan("count-create-false", &["--var", "create=true"]);
    assert_eq!(report["diagnostics"], Value::Array(vec![]));
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[("aws_security_group.bastion[0]", "fail")])
    );
}

#[test]
fn an_inline_suppression_on_the_block_covers_every_instance() {
    let report = scan("suppressed-instances", &[]);
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[
            (r#"aws_security_group_rule.ssh["0.0.0.0/0"]"#, "waived"),
            (r#"aws_security_group_rule.ssh["::/0"]"#, "waived"),
        ])
    );
    assert_eq!(counts(&report, SG), (0, 0, 0, 2));
    assert_eq!(report["diagnostics"], Value::Array(vec![]));
}

#[test]
fn a_companion_over_another_block_is_joined_per_instance() {
    let report = scan("versioning-over-buckets", &[]);
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-S3-003"),
        pairs(&[(r#"aws_s3_bucket.b["data"]"#, "fail")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-S3-003"), (1, 1, 0, 0));
}

#[test]
fn an_inline_suppression_on_a_module_call_covers_every_module_instance() {
    let report = scan("suppressed-module-instances", &[]);
    assert_eq!(
        outcomes(&report, SG),
        pairs(&[
            (r#"module.jump["a"].aws_security_group_rule.ssh"#, "waived"),
            (r#"module.jump["b"].aws_security_group_rule.ssh"#, "waived"),
        ])
    );
    assert_eq!(report["diagnostics"], Value::Array(vec![]));
}

#[test]
fn a_bucket_policy_in_a_sibling_module_is_joined_through_the_root() {
    // module.policy gets "${module.store.aws_s3_bucket.this.id}" from the root; its policy has
    // no TLS deny, so the bucket of module.store fails (an unjoined policy would be ambiguous,
    // and the bucket would pass).
    let report = scan("bucket-policy-sibling-module", &[]);
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-S3-006"),
        pairs(&[("module.store.aws_s3_bucket.this", "fail")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-S3-006"), (0, 1, 0, 0));
}

#[test]
fn an_unknown_imds_token_setting_is_not_judged_until_it_is_known() {
    let report = scan("imds-unknown", &[]);
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-EC2-001"),
        pairs(&[("aws_instance.app", "unknown")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-EC2-001"), (1, 0, 1, 0));
    let optional = scan("imds-unknown", &["--var", "tokens=optional"]);
    assert_eq!(
        outcomes(&optional, "RUNGS-AWS-EC2-001"),
        pairs(&[("aws_instance.app", "fail")])
    );
}

#[test]
fn an_instance_is_judged_by_the_launch_template_it_names() {
    let report = scan("imds-launch-template", &[]);
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-EC2-001"),
        pairs(&[
            ("aws_launch_template.bad", "fail"),
            ("aws_instance.from_bad", "fail"),
            ("aws_launch_configuration.legacy", "fail"),
            ("aws_instance.from_var", "unknown"),
        ])
    );
    // aws_instance.from_good and aws_launch_template.good pass.
    assert_eq!(counts(&report, "RUNGS-AWS-EC2-001"), (2, 3, 1, 0));
}

#[test]
fn encryption_by_default_covers_only_its_provider_configuration() {
    let report = scan("ebs-default-per-provider", &[]);
    // module.disk gets aws.replica through its call's providers map: covered, passes with
    // aws_ebs_volume.replica. module.inherited inherits the default configuration: not covered.
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-EC2-002"),
        pairs(&[
            ("aws_ebs_volume.primary", "fail"),
            ("module.inherited.aws_ebs_volume.this", "fail"),
            ("module.unmapped.aws_ebs_volume.this", "unknown"),
            ("module.legacy.aws_ebs_volume.this", "unknown"),
        ])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-EC2-002"), (2, 2, 2, 0));
}

#[test]
fn module_calls_carry_their_providers_map_and_own_provider_blocks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/honest/ebs-default-per-provider");
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("input")
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let calls: Vec<(String, Value, Value)> = docs[0]["module_calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["address"].as_str().unwrap().to_string(),
                c["providers"].clone(),
                c["own_providers"].clone(),
            )
        })
        .collect();
    assert_eq!(
        calls,
        vec![
            (
                "module.disk".to_string(),
                serde_json::json!({"aws": "aws.replica"}),
                Value::Null
            ),
            ("module.inherited".to_string(), Value::Null, Value::Null),
            (
                "module.legacy".to_string(),
                Value::Null,
                serde_json::json!(["aws"])
            ),
            (
                "module.unmapped".to_string(),
                serde_json::json!({"aws.other": "aws.replica"}),
                Value::Null
            ),
        ]
    );
}

#[test]
fn required_providers_reach_the_input() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/honest/azurerm-2");
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("input")
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        docs[0]["required_providers"],
        serde_json::json!({"azurerm": {"source": "hashicorp/azurerm", "version": "~> 2.99", "file": "main.tf", "line": 1}})
    );
}

#[test]
fn a_vpc_without_a_managed_default_group_keeps_the_aws_rules() {
    const DSG: &str = "RUNGS-AWS-VPC-002";
    let report = scan("default-sg-implicit", &[]);
    assert_eq!(outcomes(&report, DSG), pairs(&[("aws_vpc.bare", "fail")]));
    // aws_vpc.managed[0] and [1] and their two closed default groups pass.
    assert_eq!(counts(&report, DSG), (4, 1, 0, 0));
    // A default group whose vpc_id is unknown may be the VPC's: not judged.
    let report = scan("default-sg-unknown-vpc", &[]);
    assert_eq!(
        outcomes(&report, DSG),
        pairs(&[("aws_vpc.main", "unknown")])
    );
    assert_eq!(counts(&report, DSG), (1, 0, 1, 0));
}

#[test]
fn subnet_flow_logs_count_for_their_vpc() {
    const FLOW: &str = "RUNGS-AWS-VPC-003";
    let report = scan("flow-logs-subnets", &[]);
    // logged: aws_flow_log.logged[0] and [1] name aws_subnet.logged[0] and [1]. partial: only
    // subnet "a" is logged. eni: a network interface's flow log does not count.
    assert_eq!(
        outcomes(&report, FLOW),
        pairs(&[("aws_vpc.partial", "fail"), ("aws_vpc.eni", "fail")])
    );
    assert_eq!(counts(&report, FLOW), (1, 2, 0, 0));
    let report = scan("flow-logs-unresolved", &[]);
    assert_eq!(
        outcomes(&report, FLOW),
        pairs(&[("aws_vpc.unresolved", "unknown")])
    );
    assert_eq!(counts(&report, FLOW), (0, 0, 1, 0));
}

#[test]
fn s3_and_sqs_encryption_must_be_declared_alike() {
    let report = scan("encryption-declared", &[]);
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-S3-001"),
        pairs(&[("aws_s3_bucket.implicit", "fail")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-S3-001"), (1, 1, 0, 0));
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-SQS-001"),
        pairs(&[
            ("aws_sqs_queue.implicit", "fail"),
            ("aws_sqs_queue.off", "fail"),
            ("aws_sqs_queue.orders", "unknown"),
        ])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-SQS-001"), (2, 2, 1, 0));
}

#[test]
fn azurerm_defaults_follow_the_required_providers_constraint() {
    const TLS: &str = "RUNGS-AZURE-STORAGE-001";
    // "~> 2.99": the unset min_tls_version is TLS1_0.
    let report = scan("azurerm-2", &[]);
    assert_eq!(
        outcomes(&report, TLS),
        pairs(&[("azurerm_storage_account.data", "fail")])
    );
    assert_eq!(counts(&report, TLS), (1, 1, 0, 0));
    // ">= 3.0, < 5.0": TLS1_2.
    let report = scan("azurerm-3", &[]);
    assert_eq!(outcomes(&report, TLS), pairs(&[]));
    assert_eq!(counts(&report, TLS), (2, 0, 0, 0));
    // No constraint: either default may apply.
    let report = scan("azurerm-unpinned", &[]);
    assert_eq!(
        outcomes(&report, TLS),
        pairs(&[("azurerm_storage_account.data", "unknown")])
    );
    assert_eq!(counts(&report, TLS), (1, 0, 1, 0));
}

#[test]
fn gcp_org_policies_cover_only_the_projects_they_are_attached_to() {
    let report = scan("gcp-org-policy-scope", &[]);
    // Project-level policy on acme-app: the bucket of acme-web is judged, the one of an unknown
    // project is not.
    assert_eq!(
        outcomes(&report, "RUNGS-GCP-STORAGE-001"),
        pairs(&[
            ("google_storage_bucket.web", "fail"),
            ("google_storage_bucket.external", "unknown"),
        ])
    );
    assert_eq!(counts(&report, "RUNGS-GCP-STORAGE-001"), (1, 1, 1, 0));
    // Folder-level policy: acme-app is declared under the folder; acme-web's folder is not known.
    assert_eq!(
        outcomes(&report, "RUNGS-GCP-STORAGE-002"),
        pairs(&[
            ("google_storage_bucket.web", "unknown"),
            ("google_storage_bucket.external", "unknown"),
        ])
    );
    assert_eq!(counts(&report, "RUNGS-GCP-STORAGE-002"), (1, 0, 2, 0));
}

#[test]
fn provider_semantics_decide_results() {
    let report = scan("semantics", &[]);
    // Object Lock implies versioning.
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-S3-003"),
        pairs(&[("aws_s3_bucket.plain", "fail")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-S3-003"), (1, 1, 0, 0));
    // A cluster without engine is Aurora MySQL and judged.
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-RDS-005"),
        pairs(&[("aws_rds_cluster.default_engine", "fail")])
    );
    // kms:* to the account root is the default key policy; to a role it is a finding.
    assert_eq!(
        outcomes(&report, "RUNGS-AWS-IAM-007"),
        pairs(&[("data.aws_iam_policy_document.ops", "fail")])
    );
    assert_eq!(counts(&report, "RUNGS-AWS-IAM-007"), (1, 1, 0, 0));
}
