//! Property-based fuzzing on stable Rust (issue 10): every parser of untrusted input gets
//! mutated versions of valid inputs and raw bytes, from a fixed seed and with a small budget, so
//! `cargo test` stays deterministic and quick. Each case asserts that nothing panics and that every
//! diagnostic about the input points inside it (a line that exists, or the file as a whole).
//! The loader cases run the whole Terraform loader (parse, evaluate, modules) on an in-memory
//! source. Longer runs: `RUNGS_FUZZ_CASES=20000 cargo test --test fuzz`.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rungs::fuzzing;
use std::path::Path;

/// Cases per target: small by default, more with `RUNGS_FUZZ_CASES`.
fn cases() -> u32 {
    std::env::var("RUNGS_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// A runner with a fixed seed: the same inputs on every run and machine.
fn runner(seed: u8) -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 200,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    )
}

/// One of `seeds`, with up to 12 edits: a token inserted, a few characters deleted, or a
/// character replaced by a token.
fn mutated(
    seeds: &'static [&'static str],
    tokens: &'static [&'static str],
) -> BoxedStrategy<String> {
    (
        0..seeds.len(),
        prop::collection::vec((any::<Index>(), 0..3u8, 0..tokens.len(), 1..6usize), 0..12),
    )
        .prop_map(move |(seed, edits)| {
            let mut text = seeds[seed].to_string();
            for (at, op, token, len) in edits {
                let mut i = at.index(text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                match op {
                    0 => text.insert_str(i, tokens[token]),
                    1 => {
                        let mut end = (i + len).min(text.len());
                        while !text.is_char_boundary(end) {
                            end -= 1;
                        }
                        text.replace_range(i..end, "");
                    }
                    _ => {
                        let end = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                        text.replace_range(i..end, tokens[token]);
                    }
                }
            }
            text
        })
        .boxed()
}

/// Loads the files with the whole Terraform loader and checks every diagnostic's position.
fn load(files: &[(&str, &[u8])]) -> Result<(), TestCaseError> {
    fuzzing::load(files).map_err(TestCaseError::fail)
}

const HCL_SEEDS: &[&str] = &[
    "variable \"n\" {\n  type    = number\n  default = 2\n}\nlocals {\n  names = [for i in range(var.n) : \"b-${i}\"]\n  tags  = merge({ a = 1 }, { b = \"x\" })\n}\nresource \"aws_s3_bucket\" \"b\" {\n  for_each = toset(local.names)\n  bucket   = each.key\n  tags     = local.tags\n  dynamic \"rule\" {\n    for_each = { x = 1 }\n    content {\n      id = rule.key\n    }\n  }\n}\n",
    "resource \"test_thing\" \"a\" {\n  count   = 2\n  flagged = count.index == 1 ? true : false\n  size    = length(\"%{for x in [1, 2]}${x}%{endfor}\")\n  text    = <<-EOT\n    hello ${upper(\"x\")}\n  EOT\n}\noutput \"o\" {\n  value = test_thing.a[*].size\n}\n",
    "locals {\n  a = local.b\n  b = try(local.a, \"x\")\n  c = jsondecode(\"{\\\"k\\\": [1, 2]}\")\n  d = formatlist(\"%s-%03d\", [\"a\", \"b\"], [1, 2])\n  e = { for k, v in local.c : k => v... }\n}\n",
];

const HCL_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "\"",
    "${",
    "%{",
    "=",
    ",",
    ":",
    "?",
    "...",
    "\n",
    " ",
    "local.a",
    "var.n",
    "count.index",
    "each.value",
    "for x in ",
    "if ",
    "=> ",
    "1e400",
    "-1",
    "0.5",
    "null",
    "true",
    "range(1024)",
    "concat(local.names, local.names)",
    "format(\"%999999s\", 1)",
    "toset([1, \"a\"])",
    "module \"m\" {\n  source = \"./m\"\n}\n",
    "\u{1b}[31m",
    "é",
    "\\",
    "#",
    "/*",
    "*/",
    "<<EOT\n",
    "EOT\n",
];

#[test]
fn hcl_loader_never_panics_and_locates_its_diagnostics() {
    runner(1)
        .run(&mutated(HCL_SEEDS, HCL_TOKENS), |text| {
            load(&[("main.tf", text.as_bytes())])
        })
        .unwrap();
}

#[test]
fn hcl_loader_takes_raw_bytes() {
    runner(2)
        .run(&prop::collection::vec(any::<u8>(), 0..300), |bytes| {
            load(&[("main.tf", &bytes)])
        })
        .unwrap();
}

const JSON_SEEDS: &[&str] = &[
    "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"${var.name}\", \"tags\": {\"a\": 1}}}}, \"variable\": {\"name\": {\"default\": \"x\"}}}",
    "{\"resource\": [{\"test_thing\": {\"a\": [{\"count\": 2, \"flagged\": true}]}}], \"//\": \"comment\", \"locals\": {\"x\": [1, 2]}}",
];

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "5",
    "null",
    "true",
    "\"${\"",
    "\"%{for\"",
    "1e400",
    "\"resource\"",
    "\"module\"",
    "\"data\"",
    "\\u0000",
    "é",
];

#[test]
fn tf_json_loader_never_panics_and_locates_its_diagnostics() {
    runner(3)
        .run(&mutated(JSON_SEEDS, JSON_TOKENS), |text| {
            load(&[("main.tf.json", text.as_bytes())])
        })
        .unwrap();
}

const VARIABLES: &str = "variable \"a\" {\n  type = number\n}\nvariable \"b\" {\n  type = object({ x = optional(list(string), []) })\n  default = { x = [\"1\"] }\n}\nresource \"test_thing\" \"t\" {\n  count = var.a\n  size  = var.b.x\n}\n";

const TFVARS_SEEDS: &[&str] = &[
    "a = 2\nb = { x = [\"a\", \"b\"] }\n",
    "a = \"two\"\nb = { y = 1 }\n",
];

const TFVARS_TOKENS: &[&str] = &[
    "=",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\n",
    "-1",
    "1.5",
    "1e400",
    "null",
    "var.a",
    "local.x",
    "range(2000)",
    "a = ",
    "b = ",
    ",",
    "é",
];

#[test]
fn tfvars_never_panic_and_locate_their_diagnostics() {
    runner(4)
        .run(&mutated(TFVARS_SEEDS, TFVARS_TOKENS), |text| {
            load(&[
                ("main.tf", VARIABLES.as_bytes()),
                ("terraform.tfvars", text.as_bytes()),
            ])
        })
        .unwrap();
}

#[test]
fn tfvars_json_never_panic() {
    let seeds: &'static [&'static str] = &["{\"a\": 2, \"b\": {\"x\": [\"1\"]}}", "[1, 2]"];
    runner(5)
        .run(&mutated(seeds, JSON_TOKENS), |text| {
            load(&[
                ("main.tf", VARIABLES.as_bytes()),
                ("terraform.tfvars.json", text.as_bytes()),
            ])
        })
        .unwrap();
}

const MODULE_CALL: &str = "module \"remote\" {\n  source = \"registry.example/x/y\"\n  for_each = toset([\"a\", \"b\"])\n  name = each.key\n}\n";
const MODULE: &str = "variable \"name\" {}\nresource \"test_thing\" \"m\" {\n  size = var.name\n}\nmodule \"inner\" {\n  source = \"./inner\"\n}\n";

#[test]
fn modules_json_never_panics() {
    let seeds: &'static [&'static str] = &[
        "{\"Modules\": [{\"Key\": \"\", \"Source\": \"\", \"Dir\": \".\"}, {\"Key\": \"remote\", \"Source\": \"registry.example/x/y\", \"Dir\": \".terraform/modules/remote\"}]}",
        "{\"Modules\": [{\"Key\": \"remote\", \"Dir\": \"../../etc\"}, {\"Key\": \"remote.inner\", \"Dir\": \".\"}]}",
    ];
    runner(6)
        .run(&mutated(seeds, JSON_TOKENS), |text| {
            load(&[
                ("main.tf", MODULE_CALL.as_bytes()),
                (".terraform/modules/modules.json", text.as_bytes()),
                (".terraform/modules/remote/main.tf", MODULE.as_bytes()),
                (".terraform/modules/remote/inner/main.tf", MODULE.as_bytes()),
            ])
        })
        .unwrap();
}

#[test]
fn rungs_yaml_never_panics_and_locates_its_errors() {
    let seeds: &'static [&'static str] = &[
        "version: 1\nthreshold: 0.9\ntargets:\n  program: 2\n  categories:\n    IAM: 3\nseverity:\n  TEST-001: low\ndisabled:\n  - TEST-002\nsuppressions:\n  - policy: TEST-001\n    resource: test_thing.a*\n    reason: reviewed\n    expires: 2027-01-01\nattestations:\n  - objective: GOV-1.1\n    by: Jo\n    date: 2026-01-01\n    evidence: https://example.com\n",
        "exclude: [a, \"b/**\"]\nscope: module\nstrict: true\nmodel: model.yaml\npolicies: [p]\n",
    ];
    let tokens: &'static [&'static str] = &[
        ":",
        "- ",
        "\n",
        "  ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!binary ",
        "? ",
        "|\n",
        ">\n",
        "'",
        "\"",
        "#",
        "~",
        "2027-02-30",
        "1e400",
        "- policy: X\n    reason: r\n",
        "\t",
        "é",
    ];
    runner(7)
        .run(&mutated(seeds, tokens), |text| {
            if let Err(d) = rungs::config::parse(&text, ".rungs.yaml", Path::new(".")) {
                let misplaced =
                    fuzzing::misplaced(&d, |f| (f == ".rungs.yaml").then_some(text.as_bytes()));
                prop_assert!(misplaced.is_none(), "{}", misplaced.unwrap_or_default());
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn policy_metadata_never_panics_and_locates_its_errors() {
    let seeds: &'static [&'static str] = &[
        "# METADATA\n# title: Buckets are encrypted\n# description: x\n# custom:\n#   id: TEST-001\n#   severity: high\n#   resource_types: [aws_s3_bucket]\n#   controls: [DAT-1.1]\npackage user.x\n\nimport rego.v1\n",
    ];
    let tokens: &'static [&'static str] = &[
        "# ",
        "\n",
        ":",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "  ",
        "#   ",
        "id: ",
        "severity: ",
        "&a ",
        "*a",
        "'",
        "\"",
        "é",
        "\t",
    ];
    runner(8)
        .run(&mutated(seeds, tokens), |text| {
            if let Err(e) = rungs::policy::metadata::parse(&text) {
                let lines = fuzzing::line_count(text.as_bytes()) + 1;
                prop_assert!(
                    (1..=lines).contains(&e.line),
                    "line {} of {lines}: {}",
                    e.line,
                    e.message
                );
            }
            Ok(())
        })
        .unwrap();
}
