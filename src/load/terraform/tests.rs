//! Loader and evaluator tests on small Terraform trees written to temporary directories.

use super::*;
use crate::diagnostics::Code;
use crate::discover;
use std::fs;

/// Writes `files` under a temporary root and loads it.
fn load_tree(files: &[(&str, &str)]) -> (Vec<Document>, Vec<Diagnostic>) {
    load_tree_with(files, &Options::default())
}

fn load_tree_with(files: &[(&str, &str)], options: &Options) -> (Vec<Document>, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    let discovery = discover::discover(dir.path(), &discover::excludes(&[]).unwrap());
    load(dir.path(), &discovery, options)
}

/// Evaluates `expr` in a root module with the given extra HCL (variables, locals).
fn eval_with(prelude: &str, expr: &str) -> Val {
    let src = format!("{prelude}\nresource \"t\" \"x\" {{\n  v = {expr}\n}}\n");
    let (docs, diags) = load_tree(&[("main.tf", &src)]);
    assert!(diags.is_empty(), "{diags:?}");
    docs[0].resources[0].config["v"].clone()
}

fn eval(expr: &str) -> Val {
    eval_with("", expr)
}

fn s(v: &str) -> Val {
    Val::String(v.into())
}

fn unknown(v: &str) -> Val {
    Val::Unknown(v.into())
}

#[test]
fn literals_operators_and_conditionals() {
    assert_eq!(eval("1 + 2 * 3"), Val::Number(7.0));
    assert_eq!(eval("\"a\" == \"a\" && !false"), Val::Bool(true));
    assert_eq!(eval("5 > 3 ? \"big\" : \"small\""), s("big"));
    assert_eq!(eval("-(2)"), Val::Number(-2.0));
    assert_eq!(eval("null"), Val::Null);
}

#[test]
fn variables_defaults_tfvars_and_cli_override_in_order() {
    let files = [
        ("main.tf", "variable \"a\" { default = \"default\" }\nvariable \"b\" { default = 1 }\nvariable \"c\" {}\nvariable \"d\" {}\nresource \"t\" \"x\" {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = var.d\n}\n"),
        ("terraform.tfvars", "a = \"tfvars\"\nb = 2\n"),
        ("z.auto.tfvars", "b = 3\n"),
    ];
    let options = Options {
        vars: vec![("d".into(), "[1, 2]".into())],
        ..Options::default()
    };
    let (docs, diags) = load_tree_with(&files, &options);
    assert!(diags.is_empty(), "{diags:?}");
    let config = &docs[0].resources[0].config;
    assert_eq!(config["a"], s("tfvars"));
    assert_eq!(config["b"], Val::Number(3.0));
    assert_eq!(config["c"], unknown("${var.c}"));
    assert_eq!(
        config["d"],
        Val::List(vec![Val::Number(1.0), Val::Number(2.0)])
    );
}

#[test]
fn locals_templates_and_references() {
    let prelude = "variable \"env\" { default = \"prod\" }\nvariable \"id\" {}\nlocals {\n  name = \"app-${var.env}\"\n  tags = { Env = var.env }\n}";
    assert_eq!(eval_with(prelude, "local.name"), s("app-prod"));
    assert_eq!(eval_with(prelude, "local.tags.Env"), s("prod"));
    assert_eq!(
        eval_with(prelude, "\"arn:${var.id}/*\""),
        unknown("arn:${var.id}/*")
    );
    assert_eq!(
        eval_with(prelude, "aws_s3_bucket.logs.id"),
        unknown("${aws_s3_bucket.logs.id}")
    );
    assert_eq!(
        eval_with(prelude, "aws_s3_bucket.logs[0].arn"),
        unknown("${aws_s3_bucket.logs[0].arn}")
    );
    assert_eq!(
        eval_with(prelude, "data.aws_caller_identity.me.account_id"),
        unknown("${data.aws_caller_identity.me.account_id}")
    );
    assert_eq!(
        eval_with(prelude, "var.id == \"x\" ? 1 : 2"),
        unknown("${var.id == \"x\" ? 1 : 2}")
    );
}

#[test]
fn local_cycles_are_unknown_and_reported_with_the_cycle() {
    let src = "locals {\n  c = local.b\n  b = local.a\n  a = local.c\n  self = local.self\n}\nresource \"t\" \"x\" {\n  v = local.a\n  w = local.self\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert_eq!(docs[0].resources[0].config["v"], unknown("${local.a}"));
    assert_eq!(docs[0].resources[0].config["w"], unknown("${local.self}"));
    let found: Vec<(Code, &str, Option<usize>)> = diags
        .iter()
        .map(|d| {
            (
                d.code,
                d.message.as_str(),
                d.location.as_ref().and_then(|l| l.line),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (Code::LocalCycle, "local values refer to each other in a cycle: local.a -> local.c -> local.b -> local.a; they are unknown", Some(1)),
            (Code::LocalCycle, "local values refer to each other in a cycle: local.self -> local.self; they are unknown", Some(1)),
        ]
    );
}

#[test]
fn variable_values_are_checked_against_their_types() {
    let src = "variable \"port\" {\n  type = number\n}\nvariable \"ok\" {\n  type    = number\n  default = \"22\"\n}\nvariable \"own\" {\n  default = var.own\n}\nvariable \"cfg\" {\n  type    = object({ name = string })\n  default = { size = 1 }\n}\nresource \"t\" \"x\" {\n  port = var.port\n  ok   = var.ok\n  own  = var.own\n  cfg  = var.cfg\n}\n";
    let (docs, diags) = load_tree(&[
        ("main.tf", src),
        ("terraform.tfvars", "port = \"twenty-two\"\n"),
    ]);
    let config = &docs[0].resources[0].config;
    assert_eq!(config["port"], unknown("${var.port}"));
    assert_eq!(config["ok"], Val::Number(22.0));
    assert_eq!(config["own"], unknown("${var.own}"));
    assert_eq!(config["cfg"], unknown("${var.cfg}"));
    let found: Vec<(Code, &str, Option<usize>)> = diags
        .iter()
        .map(|d| {
            (
                d.code,
                d.message.as_str(),
                d.location.as_ref().and_then(|l| l.line),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (Code::VariableValue, "var.port does not match its type number: the string \"twenty-two\" is not a number; it is unknown", Some(1)),
            (Code::VariableValue, "the default of var.own is not a constant value (`${var.own}`); it is unknown", Some(8)),
            (Code::VariableValue, "var.cfg does not match its type object({ name = string }): attribute \"name\" is required; it is unknown", Some(11)),
        ]
    );
}

#[test]
fn invalid_count_and_for_each_leave_the_block_out_with_an_error() {
    let cases = [
        ("count = -1", "t.x: count must be a whole number of 0 or more, got -1 (count = -1); nothing in it was judged"),
        ("count = 1.5", "t.x: count must be a whole number of 0 or more, got 1.5 (count = 1.5); nothing in it was judged"),
        ("count = \"two\"", "t.x: count must be a number, got a string that is not one (count = \"two\"); nothing in it was judged"),
        ("for_each = [1, 2]", "t.x: for_each must be a map or a set of strings, got a collection holding a number (for_each = [ 1, 2 ]); nothing in it was judged"),
        ("for_each = \"a\"", "t.x: for_each must be a map or a set of strings, got a string (for_each = \"a\"); nothing in it was judged"),
    ];
    for (meta, message) in cases {
        let src = format!(
            "resource \"t\" \"x\" {{\n  {meta}\n}}\nresource \"t\" \"y\" {{\n  count = \"2\"\n}}\n"
        );
        let (docs, diags) = load_tree(&[("main.tf", &src)]);
        let addresses: Vec<&str> = docs[0]
            .resources
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(addresses, ["t.y[0]", "t.y[1]"], "{meta}");
        assert_eq!(diags.len(), 1, "{meta}: {diags:?}");
        assert_eq!(diags[0].code, Code::InvalidExpansion);
        assert!(diags[0].is_error());
        assert_eq!(diags[0].message, message);
        assert_eq!(diags[0].location, Some(Location::at("main.tf", 1, 1)));
    }
}

#[test]
fn for_expressions_and_splats() {
    assert_eq!(
        eval("[for x in [1, 2, 3] : x * 2 if x != 2]"),
        Val::List(vec![Val::Number(2.0), Val::Number(6.0)])
    );
    assert_eq!(
        eval("{for k, v in {a = 1, b = 2} : upper(k) => v}"),
        Val::Object(BTreeMap::from([
            ("A".into(), Val::Number(1.0)),
            ("B".into(), Val::Number(2.0))
        ]))
    );
    assert_eq!(
        eval("[{n = 1}, {n = 2}][*].n"),
        Val::List(vec![Val::Number(1.0), Val::Number(2.0)])
    );
    assert_eq!(
        eval("[for x in var.unset : x]"),
        unknown("${[for x in var.unset : x]}")
    );
}

#[test]
fn try_and_can_catch_errors_but_keep_unknowns() {
    assert_eq!(eval("try({a = 1}.b, \"fallback\")"), s("fallback"));
    assert_eq!(eval("can({a = 1}.b)"), Val::Bool(false));
    assert_eq!(eval("can({a = 1}.a)"), Val::Bool(true));
    assert_eq!(
        eval_with("variable \"x\" {}", "try(var.x, \"d\")"),
        unknown("${var.x}")
    );
}

#[test]
fn functions_fold_known_values_and_keep_unknown_parts() {
    assert_eq!(eval("merge({a = 1}, {b = 2})").to_tf_string(), None);
    assert_eq!(eval("lower(\"ABC\")"), s("abc"));
    assert_eq!(
        eval_with("variable \"x\" {}", "merge({a = 1}, {b = var.x})"),
        Val::Object(BTreeMap::from([
            ("a".into(), Val::Number(1.0)),
            ("b".into(), unknown("${var.x}"))
        ]))
    );
    assert_eq!(
        eval_with("variable \"x\" {}", "lower(var.x)"),
        unknown("${lower(var.x)}")
    );
    assert_eq!(
        eval("definitely_not_a_function(1)"),
        unknown("${definitely_not_a_function(1)}")
    );
    // Encoders keep unknown parts as text so policies can still read the known ones.
    assert_eq!(
        eval_with(
            "variable \"r\" {}",
            "jsonencode({Action = \"*\", Resource = var.r})"
        ),
        s("{\"Action\":\"*\",\"Resource\":\"${var.r}\"}")
    );
}

#[test]
fn nested_blocks_are_always_lists_and_never_merged() {
    let src = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n  }\n  egress {\n    from_port = 0\n  }\n}\n";
    let (docs, _) = load_tree(&[("main.tf", src)]);
    let config = &docs[0].resources[0].config;
    let Val::List(ingress) = &config["ingress"] else {
        panic!("{config:?}")
    };
    assert_eq!(ingress.len(), 2);
    let Val::List(egress) = &config["egress"] else {
        panic!("{config:?}")
    };
    assert_eq!(egress.len(), 1);
}

#[test]
fn dynamic_blocks_expand_when_known() {
    let src = "variable \"ports\" { default = [22, 443] }\nvariable \"other\" {}\nresource \"aws_security_group\" \"web\" {\n  dynamic \"ingress\" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n    }\n  }\n  dynamic \"egress\" {\n    for_each = var.other\n    iterator = e\n    content {\n      to_port = e.value.port\n      protocol = \"tcp\"\n    }\n  }\n}\n";
    let (docs, _) = load_tree(&[("main.tf", src)]);
    let config = &docs[0].resources[0].config;
    let from = |i: usize| match &config["ingress"] {
        Val::List(items) => match &items[i] {
            Val::Object(o) => o["from_port"].clone(),
            _ => Val::Null,
        },
        _ => Val::Null,
    };
    assert_eq!((from(0), from(1)), (Val::Number(22.0), Val::Number(443.0)));
    let Val::List(egress) = &config["egress"] else {
        panic!()
    };
    let Val::Object(e) = &egress[0] else { panic!() };
    assert_eq!(e["to_port"], unknown("${e.value.port}"));
    assert_eq!(e["protocol"], s("tcp"));
    assert_eq!(e["_for_each"], unknown("${var.other}"));
}

#[test]
fn resource_fields_count_instances_and_count_zero() {
    let src = "resource \"aws_s3_bucket\" \"logs\" {\n  count = 2\n  bucket = \"logs-${count.index}\"\n}\nresource \"aws_s3_bucket\" \"off\" {\n  count = 0\n}\ndata \"aws_iam_policy_document\" \"p\" {\n  for_each = toset([])\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    let addresses: Vec<_> = docs[0]
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(
        addresses,
        vec!["aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]"]
    );
    let r = &docs[0].resources[1];
    assert_eq!(
        (
            r.reference.as_str(),
            r.provider.as_str(),
            r.mode,
            r.line,
            r.end_line
        ),
        ("aws_s3_bucket.logs", "aws", Mode::Managed, 1, 4)
    );
    assert_eq!(r.index, Some(Val::Number(1.0)));
    assert_eq!(r.count, Some(Val::Number(2.0)));
    assert_eq!(r.config["bucket"], s("logs-1"));
    assert!(!r.config.contains_key("count"));
    // Blocks switched off are reported where they are, with the expression that switched them off.
    let off: Vec<_> = diags
        .iter()
        .map(|d| {
            (
                d.code,
                d.location.as_ref().unwrap().line,
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        off,
        vec![
            (
                Code::Disabled,
                Some(5),
                "aws_s3_bucket.off creates nothing (count is 0: count = 0), so nothing in it was judged"
            ),
            (
                Code::Disabled,
                Some(8),
                "data.aws_iam_policy_document.p creates nothing (for_each is empty: for_each = toset([])), so nothing in it was judged"
            ),
        ]
    );
}

#[test]
fn local_modules_bind_inputs_and_return_outputs() {
    let files = [
        ("envs/prod/main.tf", "variable \"env\" { default = \"prod\" }\nmodule \"net\" {\n  source = \"../../modules/net\"\n  name = \"vpc-${var.env}\"\n}\nresource \"aws_flow_log\" \"f\" {\n  vpc_id = module.net.vpc_id\n  name = module.net.name\n}\n"),
        ("modules/net/main.tf", "variable \"name\" {}\nresource \"aws_vpc\" \"this\" {\n  tags = { Name = var.name }\n}\ndata \"aws_region\" \"current\" {}\noutput \"vpc_id\" { value = aws_vpc.this.id }\noutput \"name\" { value = var.name }\n"),
    ];
    let (docs, diags) = load_tree(&files);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        docs.len(),
        1,
        "modules/net is called, so only envs/prod is a root"
    );
    let doc = &docs[0];
    assert_eq!(doc.root, "envs/prod");
    let addresses: Vec<_> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addresses,
        vec![
            "aws_flow_log.f",
            "module.net.aws_vpc.this",
            "module.net.data.aws_region.current"
        ]
    );
    let vpc = &doc.resources[1];
    assert_eq!(
        (vpc.module.as_str(), vpc.file.as_str()),
        ("module.net", "modules/net/main.tf")
    );
    assert_eq!(
        vpc.config["tags"],
        Val::Object(BTreeMap::from([("Name".into(), s("vpc-prod"))]))
    );
    let flow = &doc.resources[0];
    // The output keeps the module's reference, qualified as the caller would write it.
    assert_eq!(
        flow.config["vpc_id"],
        unknown("${module.net.aws_vpc.this.id}")
    );
    assert_eq!(flow.config["name"], s("vpc-prod"));
    assert_eq!(doc.files, vec!["envs/prod/main.tf", "modules/net/main.tf"]);
    assert_eq!(doc.module_calls[0].dir.as_deref(), Some("modules/net"));
}

#[test]
fn module_cycles_are_reported_and_everything_else_loads() {
    let files = [
        (
            "root/main.tf",
            "module \"a\" {\n  source = \"../a\"\n}\nresource \"t\" \"root\" {}\n",
        ),
        (
            "a/main.tf",
            "module \"b\" {\n  source = \"../b\"\n}\nresource \"t\" \"a\" {}\n",
        ),
        (
            "b/main.tf",
            "module \"a\" {\n  source = \"../a\"\n}\nresource \"t\" \"b\" {}\n",
        ),
    ];
    let (docs, diags) = load_tree(&files);
    assert_eq!(docs.len(), 1);
    let addresses: Vec<_> = docs[0]
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(
        addresses,
        vec!["module.a.module.b.t.b", "module.a.t.a", "t.root"]
    );
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, Code::ModuleCycle);
    assert_eq!(
        diags[0].location.as_ref().unwrap().to_string(),
        "b/main.tf:1:1"
    );
}

#[test]
fn a_cycle_with_no_caller_is_still_scanned() {
    let files = [
        ("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n"),
        (
            "b/main.tf",
            "module \"a\" {\n  source = \"../a\"\n}\nresource \"t\" \"b\" {}\n",
        ),
    ];
    let (docs, diags) = load_tree(&files);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].root, "a");
    assert_eq!(docs[0].resources[0].address, "module.b.t.b");
    assert_eq!(diags[0].code, Code::ModuleCycle);
}

#[test]
fn module_depth_is_capped() {
    let files = [
        ("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n"),
        (
            "m/main.tf",
            "module \"m\" {\n  source = \"./m\"\n}\nresource \"t\" \"x\" {}\n",
        ),
        (
            "m/m/main.tf",
            "module \"m\" {\n  source = \"./m\"\n}\nresource \"t\" \"x\" {}\n",
        ),
        ("m/m/m/main.tf", "resource \"t\" \"x\" {}\n"),
    ];
    let options = Options {
        max_module_depth: 2,
        ..Options::default()
    };
    let (docs, diags) = load_tree_with(&files, &options);
    assert_eq!(docs[0].resources.len(), 2);
    assert_eq!(diags[0].code, Code::ModuleDepth);
}

#[test]
fn sources_outside_the_root_and_remote_modules() {
    let files = [(
        "main.tf",
        "module \"escape\" {\n  source = \"../../etc\"\n}\nmodule \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\nmodule \"gone\" {\n  source = \"./missing\"\n}\n",
    )];
    let (docs, diags) = load_tree(&files);
    let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        vec![
            Code::ModuleOutsideRoot,
            Code::ModuleUnresolved,
            Code::ModuleMissing
        ]
    );
    assert!(docs[0].module_calls.iter().all(|c| !c.resolved));
}

#[test]
fn fetched_remote_modules_are_read_from_modules_json() {
    let files = [
        ("main.tf", "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n  cidr = \"10.0.0.0/16\"\n}\n"),
        (".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},{\"Key\":\"vpc\",\"Source\":\"registry.terraform.io/terraform-aws-modules/vpc/aws\",\"Dir\":\".terraform/modules/vpc\"}]}"),
        (".terraform/modules/vpc/main.tf", "variable \"cidr\" {}\nresource \"aws_vpc\" \"this\" {\n  cidr_block = var.cidr\n}\n"),
    ];
    let (docs, diags) = load_tree(&files);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs[0].resources[0].address, "module.vpc.aws_vpc.this");
    assert_eq!(docs[0].resources[0].config["cidr_block"], s("10.0.0.0/16"));
}

#[test]
fn bad_files_are_reported_and_the_rest_loads() {
    let files: [(&str, &str); 3] = [
        ("good.tf", "resource \"t\" \"ok\" {}\n"),
        ("broken.tf", "resource \"t\" \"bad\" {\n  x = \n"),
        ("empty.tf", ""),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (p, t) in files {
        fs::write(dir.path().join(p), t).unwrap();
    }
    fs::write(
        dir.path().join("latin1.tf"),
        b"resource \"t\" \"x\" {\n  name = \"caf\xe9\"\n}\n",
    )
    .unwrap();
    let discovery = discover::discover(dir.path(), &discover::excludes(&[]).unwrap());
    let (docs, diags) = load(dir.path(), &discovery, &Options::default());
    assert_eq!(docs[0].resources.len(), 1);
    assert_eq!(docs[0].resources[0].address, "t.ok");
    let found: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.location.as_ref().unwrap().to_string()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Code::HclSyntax, "broken.tf:2:7".to_string()),
            (Code::InvalidUtf8, "latin1.tf:2:14".to_string())
        ]
    );
}

/// The waive stage reads again only the files that may hold `rungs:ignore`: those whose text
/// holds it (in the root or a module it calls), and those that did not load.
#[test]
fn waiver_files_are_the_marked_and_the_unloaded_files() {
    let files = [
        ("envs/prod/main.tf", "# rungs:ignore RUNGS-X reason=\"r\"\nmodule \"m\" {\n  source = \"../../modules/m\"\n}\n"),
        ("envs/prod/plain.tf", "resource \"t\" \"a\" {}\n"),
        ("envs/prod/broken.tf", "resource \"t\" \"b\" {\n  x = \n"),
        ("modules/m/main.tf", "resource \"t\" \"c\" {}\n"),
        ("modules/m/note.tf", "# a comment naming rungs:ignore in passing\nresource \"t\" \"d\" {}\n"),
    ];
    let (docs, _) = load_tree(&files);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].waiver_files,
        [
            "envs/prod/broken.tf",
            "envs/prod/main.tf",
            "modules/m/note.tf"
        ]
    );
    assert_eq!(docs[0].files.len(), 5);
}

#[test]
fn json_syntax_files_load_like_hcl() {
    let files = [(
        "main.tf.json",
        "{\"variable\": {\"n\": {\"default\": \"x\"}}, \"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"${var.n}-logs\"}}}}",
    )];
    let (docs, diags) = load_tree(&files);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs[0].resources[0].config["bucket"], s("x-logs"));
}

#[test]
fn normalize_refuses_to_leave_the_root() {
    assert_eq!(
        normalize("envs/prod", "../../modules/x"),
        Some("modules/x".into())
    );
    assert_eq!(normalize(".", "./m"), Some("m".into()));
    assert_eq!(normalize("a", "../../b"), None);
}

fn addresses(doc: &Document) -> Vec<&str> {
    doc.resources.iter().map(|r| r.address.as_str()).collect()
}

#[test]
fn for_each_instances_bind_each_key_and_value() {
    let src = "resource \"aws_security_group_rule\" \"open\" {\n  for_each = toset([\"0.0.0.0/0\", \"10.0.0.0/8\"])\n  cidr_blocks = [each.value]\n  description = \"rule ${each.key}\"\n}\nresource \"aws_iam_policy\" \"p\" {\n  for_each = { admin = \"*\" }\n  name = each.key\n  action = each.value\n  bucket = aws_s3_bucket.b[each.key].id\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = &docs[0];
    assert_eq!(
        addresses(doc),
        vec![
            "aws_iam_policy.p[\"admin\"]",
            "aws_security_group_rule.open[\"0.0.0.0/0\"]",
            "aws_security_group_rule.open[\"10.0.0.0/8\"]"
        ]
    );
    let p = &doc.resources[0];
    assert_eq!(
        (&p.index, &p.config["name"], &p.config["action"]),
        (&Some(s("admin")), &s("admin"), &s("*"))
    );
    // A known key is written into the reference, so joins can tell instances apart.
    assert_eq!(
        p.config["bucket"],
        unknown("${aws_s3_bucket.b[\"admin\"].id}")
    );
    let open = &doc.resources[1];
    assert_eq!(open.config["cidr_blocks"], Val::List(vec![s("0.0.0.0/0")]));
    assert_eq!(open.config["description"], s("rule 0.0.0.0/0"));
    assert!(!open.config.contains_key("for_each"));
}

#[test]
fn unknown_collections_give_one_instance_with_unknown_values() {
    let src = "variable \"n\" {}\nvariable \"names\" {}\nresource \"t\" \"c\" {\n  count = var.n\n  i = count.index\n}\nresource \"t\" \"e\" {\n  for_each = var.names\n  v = each.value\n}\nresource \"t\" \"mixed\" {\n  for_each = toset([\"a\", var.n])\n  v = each.key\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = &docs[0];
    assert_eq!(addresses(doc), vec!["t.c", "t.e", "t.mixed"]);
    assert_eq!(doc.resources[0].config["i"], unknown("${count.index}"));
    assert_eq!(doc.resources[0].count, Some(unknown("${var.n}")));
    assert_eq!(doc.resources[0].index, None);
    assert_eq!(doc.resources[1].config["v"], unknown("${each.value}"));
    assert_eq!(doc.resources[2].config["v"], unknown("${each.key}"));
}

#[test]
fn a_conditional_count_switched_off_is_reported_and_var_switches_it_on() {
    let src = "variable \"create\" { default = false }\nresource \"aws_s3_bucket\" \"b\" {\n  count = var.create ? 1 : 0\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(docs[0].resources.is_empty());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].to_string(), "warning[R106]: main.tf:2:1: aws_s3_bucket.b creates nothing (count is 0: count = var.create ? 1 : 0), so nothing in it was judged\n  help: if other environments switch it on, scan with their values (`--var NAME=VALUE`, `--var-file FILE`, `terraform.tfvars` or `*.auto.tfvars`) to judge it");
    let options = Options {
        vars: vec![("create".into(), "true".into())],
        ..Options::default()
    };
    let (docs, diags) = load_tree_with(&[("main.tf", src)], &options);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(addresses(&docs[0]), vec!["aws_s3_bucket.b[0]"]);
}

#[test]
fn instances_past_the_cap_are_reported() {
    let src = "resource \"t\" \"many\" {\n  count = 100000000000\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert_eq!(docs[0].resources.len(), MAX_INSTANCES);
    let has = |a: &str| docs[0].resources.iter().any(|r| r.address == a);
    assert!(has("t.many[999]") && !has("t.many[1000]"));
    assert_eq!(diags.len(), 1);
    assert_eq!(
        (
            diags[0].code,
            diags[0].is_error(),
            diags[0].location.clone()
        ),
        (Code::InstanceCap, true, Some(Location::at("main.tf", 1, 1)))
    );
    assert_eq!(
        diags[0].message,
        "t.many has 100000000000 instances (count = 100000000000); only the first 1000 were judged"
    );
}

#[test]
fn module_instances_carry_their_key_in_addresses_and_outputs() {
    let files = [
        ("main.tf", "module \"store\" {\n  source = \"./store\"\n  for_each = { a = \"alpha\", b = \"beta\" }\n  name = each.value\n}\nmodule \"one\" {\n  source = \"./store\"\n  count = 1\n  name = \"one-${count.index}\"\n}\nmodule \"off\" {\n  source = \"./store\"\n  count = 0\n  name = \"off\"\n}\nresource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = module.store[\"a\"].id\n  other = module.one[0].name\n}\n"),
        ("store/main.tf", "variable \"name\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\noutput \"id\" { value = aws_s3_bucket.b.id }\noutput \"name\" { value = var.name }\n"),
    ];
    let (docs, diags) = load_tree(&files);
    let doc = &docs[0];
    assert_eq!(
        addresses(doc),
        vec![
            "aws_s3_bucket_policy.p",
            "module.one[0].aws_s3_bucket.b",
            "module.store[\"a\"].aws_s3_bucket.b",
            "module.store[\"b\"].aws_s3_bucket.b"
        ]
    );
    assert_eq!(doc.resources[3].module, "module.store[\"b\"]");
    assert_eq!(doc.resources[3].config["bucket"], s("beta"));
    assert_eq!(
        doc.resources[0].config["bucket"],
        unknown("${module.store[\"a\"].aws_s3_bucket.b.id}")
    );
    assert_eq!(doc.resources[0].config["other"], s("one-0"));
    let calls: Vec<_> = doc
        .module_calls
        .iter()
        .map(|c| c.address.as_str())
        .collect();
    assert_eq!(
        calls,
        vec![
            "module.one[0]",
            "module.store[\"a\"]",
            "module.store[\"b\"]"
        ]
    );
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        (diags[0].code, diags[0].location.clone()),
        (Code::Disabled, Some(Location::at("main.tf", 11, 1)))
    );
}

#[test]
fn locals_keep_the_reference_behind_them() {
    let prelude = "locals {\n  policy = data.aws_iam_policy_document.tls.json\n  bucket = aws_s3_bucket.b\n  arn = \"arn:aws:s3:::${aws_s3_bucket.b.id}/*\"\n  doc = jsonencode({ Resource = aws_s3_bucket.b.arn })\n}";
    assert_eq!(
        eval_with(prelude, "local.policy"),
        unknown("${data.aws_iam_policy_document.tls.json}")
    );
    assert_eq!(
        eval_with(prelude, "local.bucket.arn"),
        unknown("${aws_s3_bucket.b.arn}")
    );
    assert_eq!(
        eval_with(prelude, "local.arn"),
        unknown("arn:aws:s3:::${aws_s3_bucket.b.id}/*")
    );
    assert_eq!(
        eval_with(prelude, "\"${local.policy}\""),
        unknown("${data.aws_iam_policy_document.tls.json}")
    );
    assert_eq!(
        eval_with(
            "variable \"p\" { default = \"aws\" }\nlocals {\n  id = aws_s3_bucket.b.id\n}",
            "\"arn:${var.p}:s3:::${local.id}/*\""
        ),
        unknown("arn:aws:s3:::${aws_s3_bucket.b.id}/*")
    );
    assert_eq!(
        eval_with(prelude, "local.doc"),
        s("{\"Resource\":\"${aws_s3_bucket.b.arn}\"}")
    );
}

#[test]
fn qualify_prefixes_only_whole_references_inside_interpolations() {
    let names = vec!["aws_s3_bucket.b".to_string(), "module.inner".to_string()];
    assert_eq!(
        qualify_text(
            "aws_s3_bucket.b ${aws_s3_bucket.b.id}-${aws_s3_bucket.bb.id}-${data.aws_s3_bucket.b.id}-${module.inner.x}",
            "module.m[\"k\"].",
            &names
        ),
        "aws_s3_bucket.b ${module.m[\"k\"].aws_s3_bucket.b.id}-${aws_s3_bucket.bb.id}-${data.aws_s3_bucket.b.id}-${module.m[\"k\"].module.inner.x}"
    );
}

#[test]
fn fetched_module_instances_resolve_and_their_outputs_keep_references() {
    let files = [
        ("main.tf", "module \"bucket\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n  for_each = toset([\"logs\"])\n  name = each.key\n}\nresource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = module.bucket[\"logs\"].id\n}\n"),
        (".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},{\"Key\":\"bucket\",\"Source\":\"registry.terraform.io/terraform-aws-modules/s3-bucket/aws\",\"Dir\":\".terraform/modules/bucket\"}]}"),
        (".terraform/modules/bucket/main.tf", "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\noutput \"id\" { value = aws_s3_bucket.this.id }\n"),
    ];
    let (docs, diags) = load_tree(&files);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = &docs[0];
    assert_eq!(
        addresses(doc),
        vec![
            "aws_s3_bucket_policy.p",
            "module.bucket[\"logs\"].aws_s3_bucket.this"
        ]
    );
    assert_eq!(doc.resources[1].config["bucket"], s("logs"));
    assert_eq!(
        doc.resources[0].config["bucket"],
        unknown("${module.bucket[\"logs\"].aws_s3_bucket.this.id}")
    );
}

#[test]
fn for_each_over_another_block_takes_its_instance_keys() {
    let src = "resource \"aws_s3_bucket\" \"b\" {\n  for_each = toset([\"logs\", \"data\"])\n  bucket = each.key\n}\nresource \"aws_s3_bucket_versioning\" \"v\" {\n  for_each = aws_s3_bucket.b\n  bucket = each.value.id\n  name = each.key\n}\nresource \"aws_s3_bucket_versioning\" \"unknown\" {\n  for_each = aws_s3_bucket.other\n  bucket = each.value.id\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = &docs[0];
    assert_eq!(
        addresses(doc),
        vec![
            "aws_s3_bucket.b[\"data\"]",
            "aws_s3_bucket.b[\"logs\"]",
            "aws_s3_bucket_versioning.unknown",
            "aws_s3_bucket_versioning.v[\"data\"]",
            "aws_s3_bucket_versioning.v[\"logs\"]"
        ]
    );
    let v = &doc.resources[4];
    assert_eq!(
        (&v.config["bucket"], &v.config["name"]),
        (&unknown("${aws_s3_bucket.b[\"logs\"].id}"), &s("logs"))
    );
    assert_eq!(
        doc.resources[2].config["bucket"],
        unknown("${each.value.id}")
    );
}

#[test]
fn nested_module_instances_stop_at_the_root_budget() {
    let files = [
        (
            "main.tf",
            "module \"outer\" {\n  source = \"./outer\"\n  count = 100\n}\n",
        ),
        (
            "outer/main.tf",
            "module \"inner\" {\n  source = \"../inner\"\n  count = 100\n}\n",
        ),
        (
            "inner/main.tf",
            "resource \"t\" \"x\" {\n  count = 100\n}\n",
        ),
    ];
    let options = Options {
        max_root_instances: 500,
        ..Options::default()
    };
    let (docs, diags) = load_tree_with(&files, &options);
    // The 100 outer and the 100 inner instances of outer[0] are granted first, then 100
    // resources each for inner[0..3]: 500 spent, inner[3] gets none.
    let doc = &docs[0];
    assert_eq!((doc.module_calls.len(), doc.resources.len()), (200, 300));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        (diags[0].code, diags[0].location.clone()),
        (Code::InstanceCap, Some(Location::at("inner/main.tf", 1, 1)))
    );
    assert!(
        diags[0].message.starts_with("module.outer[0].module.inner[3].t.x: the root module . reached 500 resource and module instances"),
        "{}",
        diags[0].message
    );
}

#[test]
fn dynamic_blocks_inside_instances_see_each_value() {
    let src = "variable \"groups\" {\n  default = {\n    web = [443]\n    admin = [22, 3389]\n  }\n}\nresource \"aws_security_group\" \"g\" {\n  for_each = var.groups\n  dynamic \"ingress\" {\n    for_each = each.value\n    content {\n      from_port = ingress.value\n      description = \"${each.key}-${ingress.key}\"\n    }\n  }\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = &docs[0];
    assert_eq!(
        addresses(doc),
        vec![
            "aws_security_group.g[\"admin\"]",
            "aws_security_group.g[\"web\"]"
        ]
    );
    let rule = |from: f64, description: &str| {
        Val::Object(BTreeMap::from([
            ("from_port".to_string(), Val::Number(from)),
            ("description".to_string(), s(description)),
        ]))
    };
    assert_eq!(
        doc.resources[0].config["ingress"],
        Val::List(vec![rule(22.0, "admin-0"), rule(3389.0, "admin-1")])
    );
    assert_eq!(
        doc.resources[1].config["ingress"],
        Val::List(vec![rule(443.0, "web-0")])
    );
}

#[test]
fn root_provider_blocks_carry_their_evaluated_arguments() {
    let files = [
        ("main.tf", "variable \"region\" { default = \"eu-west-1\" }\nvariable \"key\" {}\nlocals { profile = \"prod\" }\nprovider \"aws\" {\n  region     = var.region\n  access_key = var.key\n  assume_role {\n    role_arn = \"arn:aws:iam::1:role/t\"\n  }\n}\nprovider \"aws\" {\n  alias   = \"replica\"\n  profile = local.profile\n}\nmodule \"m\" { source = \"./m\" }\n"),
        // A module's own provider block is not the root's.
        ("m/main.tf", "provider \"google\" {\n  project = \"p\"\n}\nresource \"t\" \"x\" {}\n"),
        ("terraform.tfvars", "region = \"us-east-1\"\n"),
    ];
    let (docs, diags) = load_tree(&files);
    assert!(diags.is_empty(), "{diags:?}");
    let providers = &docs[0].providers;
    assert_eq!(providers.len(), 2, "{providers:?}");
    let default = &providers[0];
    assert_eq!((default.alias.as_deref(), default.line), (None, 4));
    assert_eq!(default.address(), "provider.aws");
    assert_eq!(default.config["region"], s("us-east-1"));
    assert_eq!(default.config["access_key"], unknown("${var.key}"));
    assert_eq!(
        default.config["assume_role"],
        Val::List(vec![Val::Object(
            [("role_arn".to_string(), s("arn:aws:iam::1:role/t"))].into()
        )])
    );
    let replica = &providers[1];
    assert_eq!(replica.address(), "provider.aws.replica");
    assert_eq!(replica.config["profile"], s("prod"));
    assert!(docs[0].type_keys().contains("provider.aws"));
    assert!(!docs[0].type_keys().contains("provider.google"));
}

/// Parsed templates are shared by text (eval::parsed_template): a template met again, in a
/// `for` or another attribute, evaluates with the bindings of where it is; indented and plain
/// heredocs and quoted strings keep their own layout.
#[test]
fn templates_met_again_evaluate_with_their_own_bindings() {
    let src = "locals {\n  items = [\"a\", \"b\"]\n}\nresource \"t\" \"x\" {\n  indented = <<-EOT\n\tv ${local.items[0]}\n  EOT\n  plain = <<EOT\n\tv ${local.items[0]}\n  EOT\n  quoted = \"    v ${local.items[0]}\\n  \"\n  each = [for i in local.items : \"<${i}>\"]\n  again = [for i in [\"c\"] : \"<${i}>\"]\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(diags.is_empty(), "{diags:?}");
    let config = &docs[0].resources[0].config;
    assert_eq!(config["indented"], s("v a\n"));
    assert_eq!(config["plain"], s("\tv a\n"));
    assert_eq!(config["quoted"], s("    v a\n  "));
    assert_eq!(config["each"], Val::List(vec![s("<a>"), s("<b>")]));
    assert_eq!(config["again"], Val::List(vec![s("<c>")]));
}

/// `<<-` heredocs strip what hclsyntax strips (vendor/hcl-edit/RUNGS-PATCH.md, fix 5): the
/// least indentation of the lines that are not blank; a blank line (only whitespace) neither
/// counts nor is stripped, and is never dropped. rungs stripped the text a second time and
/// lost such lines ("a\nb\n").
#[test]
fn indented_heredocs_strip_as_terraform_does() {
    let src = "resource \"t\" \"x\" {\n  blank = <<-EOT\n      a\n  \n      b\n    EOT\n  empty = <<-EOT\n    a\n\n      b\n    EOT\n  deep_blank = <<-EOT\n    a\n          \n    b\n    EOT\n  tabs = <<-EOT\n\t\tx\n\t\t  y\n\tEOT\n  interpolated = <<-EOT\n      p ${\"q\"}\n        r\n    EOT\n}\n";
    let (docs, diags) = load_tree(&[("main.tf", src)]);
    assert!(diags.is_empty(), "{diags:?}");
    let config = &docs[0].resources[0].config;
    assert_eq!(config["blank"], s("a\n  \nb\n"));
    assert_eq!(config["empty"], s("a\n\n  b\n"));
    assert_eq!(config["deep_blank"], s("a\n          \nb\n"));
    assert_eq!(config["tabs"], s("x\n  y\n"));
    assert_eq!(config["interpolated"], s("p q\n  r\n"));
}
