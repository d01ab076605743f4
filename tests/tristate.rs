//! Tri-state by default (issue 9, item 2): no embedded resource policy passes a resource it
//! cannot judge.
//!
//! For every resource policy of the embedded library and every resource type it lists, the test
//! builds a document holding one resource of that type whose arguments are all unknown, evaluates
//! it with the embedded bundle, and asserts the outcome is `unknown` or `fail`, never `pass` (nor
//! `error`).
//!
//! Which arguments to make unknown: **every identifier-like string literal of the policy's
//! source and of the libraries it imports** (`"storage_encrypted"`, `"metadata_options"`,
//! `"http_tokens"`, `"cidr_ipv4"` read by `lib.sg_ingress_rules`, ...). This over-covers on
//! purpose (a string that is not an argument name, such as `"Enabled"`, only adds a harmless
//! extra argument) and needs no Rego parser, so a new way of reading an argument cannot escape it
//! as long as the argument's name is written in the policy or its helpers. Two documents per
//! (policy, type):
//!
//! - **flat**: every such name set to the loader's unknown marker (`"${var.unknown}"`, see
//!   docs/policy-input.md), so whole blocks are unknown too;
//! - **nested**: names the policy reads as nested blocks (the name argument of `lib.blocks`,
//!   `lib.sub_blocks`, `azure.nested`, `gcp.nested`, `gcp.present_blocks`) hold one block, two
//!   levels deep, whose every name is unknown; the other names are unknown.
//!
//! The exceptions below are resources for which passing is right whatever the arguments are,
//! each with its reason.
use rungs::check::Outcome;
use rungs::load::document::{Document, Mode, Resource};
use rungs::load::terraform::value::Val;
use rungs::policy::{Kind, Sources};
use std::collections::{BTreeMap, BTreeSet};

const UNKNOWN: &str = "${var.unknown}";

/// Policies that judge only literal values written in the code: an unknown value is by
/// definition not a literal, so it is rightly passed.
const NOT_A_LITERAL: &str = "judges literal values in code only; an unknown value is not a literal";

/// (policy id, resource type, reason): a resource whose arguments are all unknown may pass.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("RUNGS-AWS-SECRETS-001", "aws_instance", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_launch_template", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_launch_configuration", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_lambda_function", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_ecs_task_definition", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_codebuild_project", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_batch_job_definition", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_ssm_parameter", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-001", "aws_elastic_beanstalk_environment", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_db_instance", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_rds_cluster", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_redshift_cluster", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_redshiftserverless_namespace", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_docdb_cluster", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_elasticache_replication_group", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_dms_endpoint", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_directory_service_directory", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_mq_broker", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_opensearch_domain", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-002", "aws_elasticsearch_domain", NOT_A_LITERAL),
    ("RUNGS-AWS-SECRETS-003", "provider.aws", NOT_A_LITERAL),
    ("RUNGS-AZURE-SECRETS-001", "provider.azurerm", NOT_A_LITERAL),
    ("RUNGS-GCP-SECRETS-001", "provider.google", NOT_A_LITERAL),
    ("RUNGS-GCP-SECRETS-001", "provider.google-beta", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "Pod", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "Deployment", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "StatefulSet", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "DaemonSet", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "ReplicaSet", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "ReplicationController", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "Job", NOT_A_LITERAL),
    ("RUNGS-K8S-SECRET-001", "CronJob", NOT_A_LITERAL),
    (
        "RUNGS-AWS-KINESIS-003",
        "aws_kinesis_firehose_delivery_stream",
        "a kinesis_source_configuration block makes the source stream's encryption the one that applies",
    ),
];

/// Identifier-like string literals of a Rego source (`"x"` and `` `x` ``).
fn names(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in source.lines() {
        // Comments (METADATA included) name no argument the policy reads.
        let code = line.trim_start();
        if code.starts_with('#') {
            continue;
        }
        for quote in ['"', '`'] {
            let mut parts = code.split(quote);
            parts.next();
            while let (Some(inside), _) = (parts.next(), parts.next()) {
                if is_name(inside) {
                    out.insert(inside.to_string());
                }
            }
        }
    }
    out
}

/// Whether `policy` imports the package of `library` (`import data.rungs.lib` imports
/// `rungs.lib`, and `rungs.lib.azure` is imported by name).
fn imports(policy: &str, library: &str) -> bool {
    let Some(package) = library
        .lines()
        .find_map(|l| l.strip_prefix("package "))
        .map(str::trim)
    else {
        return false;
    };
    policy
        .lines()
        .filter_map(|l| l.trim().strip_prefix("import data."))
        .any(|i| i.split_whitespace().next() == Some(package))
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Names the source reads as nested blocks: string arguments of the block helpers.
fn block_names(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for helper in ["blocks(", "nested(", "present_blocks("] {
        for (at, _) in source.match_indices(helper) {
            let args = &source[at + helper.len()..];
            let end = args.find(')').unwrap_or(args.len());
            for part in args[..end].split(',') {
                let part = part.trim().trim_matches('"');
                if is_name(part) && args[..end].contains(&format!("\"{part}\"")) {
                    out.insert(part.to_string());
                }
            }
        }
    }
    out
}

fn unknown() -> Val {
    Val::Unknown(UNKNOWN.to_string())
}

/// Every name unknown; block names hold one block like this one, `depth` levels down.
fn nested_config(names: &BTreeSet<String>, blocks: &BTreeSet<String>, depth: usize) -> Val {
    Val::Object(
        names
            .iter()
            .map(|n| {
                let v = if depth > 0 && blocks.contains(n) {
                    Val::List(vec![nested_config(names, blocks, depth - 1)])
                } else {
                    unknown()
                };
                (n.clone(), v)
            })
            .collect(),
    )
}

fn document(type_key: &str, config: BTreeMap<String, Val>) -> Document {
    let (mode, kind) = match type_key.strip_prefix("data.") {
        Some(t) => (Mode::Data, t.to_string()),
        None => (Mode::Managed, type_key.to_string()),
    };
    let reference = format!("{type_key}.x");
    Document {
        schema_version: 1,
        root: ".".into(),
        files: vec!["main.tf".into()],
        waiver_files: Vec::new(),
        resources: vec![Resource {
            address: reference.clone(),
            reference,
            provider: kind.split('_').next().unwrap_or_default().to_string(),
            kind,
            name: "x".into(),
            mode,
            module: String::new(),
            file: "main.tf".into(),
            line: 1,
            end_line: 2,
            index: None,
            count: None,
            for_each: None,
            config,
        }],
        module_calls: Vec::new(),
        providers: Vec::new(),
        required_providers: BTreeMap::new(),
    }
}

#[test]
fn no_resource_policy_passes_a_resource_whose_arguments_are_unknown() {
    let (bundle, diagnostics) = rungs::policy::load(&Sources {
        defaults: true,
        dirs: Vec::new(),
        embedded_tests: false,
    });
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let base = rungs::evaluate::prepare(&bundle).expect("the embedded bundle compiles");
    let mut checked = 0;
    let mut passed = Vec::new();
    for policy in bundle
        .policies
        .iter()
        .filter(|p| p.meta.kind == Kind::Resource)
    {
        // The policy's own names and those of the libraries it imports, which read arguments
        // for it (`lib.sg_ingress_rules` reads `cidr_ipv4`, ...).
        let sources: Vec<&str> = std::iter::once(&*policy.file.source)
            .chain(
                bundle
                    .libraries
                    .iter()
                    .filter(|l| !l.path.ends_with("_test.rego"))
                    .filter(|l| imports(&policy.file.source, &l.source))
                    .map(|l| &*l.source),
            )
            .collect();
        let names: BTreeSet<String> = sources.iter().flat_map(|s| names(s)).collect();
        let blocks: BTreeSet<String> = sources.iter().flat_map(|s| block_names(s)).collect();
        let flat: BTreeMap<String, Val> = names.iter().map(|n| (n.clone(), unknown())).collect();
        let Val::Object(nested) = nested_config(&names, &blocks, 2) else {
            unreachable!()
        };
        for t in &policy.meta.resource_types {
            if EXCEPTIONS
                .iter()
                .any(|(id, ty, _)| *id == policy.meta.id && ty == t)
            {
                continue;
            }
            for (variant, config) in [("flat", &flat), ("nested", &nested)] {
                let doc = document(t, config.clone());
                let eval = rungs::evaluate::evaluate_document(&mut base.worker(), &bundle, &doc);
                let own: Vec<_> = eval
                    .checks
                    .iter()
                    .filter(|c| {
                        c.policy == policy.meta.id && c.resource == doc.resources[0].address
                    })
                    .collect();
                assert_eq!(own.len(), 1, "{} on {t}: {:?}", policy.meta.id, eval.checks);
                checked += 1;
                match own[0].outcome {
                    Outcome::Fail | Outcome::Unknown => {}
                    other => passed.push(format!(
                        "{} {} ({variant}): {other:?} {}",
                        policy.meta.id, t, policy.file.path
                    )),
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} checks");
    assert!(
        passed.is_empty(),
        "{} of {checked} judged an unknown resource as not fail/unknown:\n{}",
        passed.len(),
        passed.join("\n")
    );
}
