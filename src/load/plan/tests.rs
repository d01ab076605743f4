use super::*;

fn plan(text: &str) -> (Document, Vec<Diagnostic>) {
    load("plan.json", text).expect("plan loads")
}

#[test]
fn strip_keys_removes_instance_keys_only() {
    assert_eq!(
        strip_keys(r#"module.a["x]y"].module.b[0].aws_s3_bucket.c["k"]"#),
        "module.a.module.b.aws_s3_bucket.c"
    );
    assert_eq!(strip_keys(""), "");
}

fn config<'d>(doc: &'d Document, address: &str) -> &'d BTreeMap<String, Val> {
    &doc.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("{address} in {:?}", doc.resources))
        .config
}

#[test]
fn format_0_1_plan_with_planned_values_only_and_prior_state_data_sources() {
    let (doc, problems) = plan(
        r#"{"format_version":"0.1","planned_values":{"root_module":{"resources":[
          {"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k",
           "values":{"enable_key_rotation":false}}],
          "child_modules":[{"address":"module.m","resources":[
          {"address":"module.m.aws_s3_bucket.b[\"x\"]","mode":"managed","type":"aws_s3_bucket","name":"b","index":"x",
           "values":{"bucket":"x","tags":null}}]}]}},
          "prior_state":{"values":{"root_module":{"resources":[
          {"address":"data.aws_iam_policy_document.p","mode":"data","type":"aws_iam_policy_document","name":"p",
           "values":{"json":"{}"},"sensitive_values":{}},
          {"address":"aws_s3_bucket.gone","mode":"managed","type":"aws_s3_bucket","name":"gone","values":{}}]}}}}"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let addresses: Vec<_> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addresses,
        vec![
            "aws_kms_key.k",
            "data.aws_iam_policy_document.p",
            "module.m.aws_s3_bucket.b[\"x\"]"
        ]
    );
    let bucket = &doc.resources[2];
    assert_eq!(
        (bucket.module.as_str(), bucket.reference.as_str()),
        ("module.m", "aws_s3_bucket.b")
    );
    assert_eq!(bucket.index, Some(Val::String("x".into())));
    assert_eq!(
        config(&doc, "module.m.aws_s3_bucket.b[\"x\"]").get("tags"),
        None
    );
    assert_eq!(doc.resources[1].mode, Mode::Data);
    assert_eq!(
        config(&doc, "aws_kms_key.k")["enable_key_rotation"],
        Val::Bool(false)
    );
}

#[test]
fn unknown_and_sensitive_leaves_are_masked_without_configuration() {
    let (doc, _) = plan(
        r#"{"format_version":"1.2","planned_values":{},"resource_changes":[
          {"address":"aws_db_instance.d","mode":"managed","type":"aws_db_instance","name":"d",
           "change":{"actions":["create"],
             "after":{"password":"s3cr3t","tags":{"a":"1","b":"2"},"list":["p",null]},
             "after_unknown":{"kms_key_id":true,"list":[false,true]},
             "after_sensitive":{"password":true,"tags":{"b":true}}}},
          {"address":"aws_s3_bucket.r","mode":"managed","type":"aws_s3_bucket","name":"r",
           "change":{"actions":["delete","create"],"after":{"bucket":"r"}}},
          {"address":"aws_s3_bucket.f","mode":"managed","type":"aws_s3_bucket","name":"f",
           "change":{"actions":["forget"],"after":null}}]}"#,
    );
    let db = config(&doc, "aws_db_instance.d");
    assert_eq!(db["password"], Val::Unknown(SENSITIVE.into()));
    assert_eq!(db["kms_key_id"], Val::Unknown(UNKNOWN.into()));
    assert_eq!(
        db["tags"],
        Val::Object(BTreeMap::from([
            ("a".to_string(), Val::String("1".into())),
            ("b".to_string(), Val::Unknown(SENSITIVE.into())),
        ]))
    );
    assert_eq!(
        db["list"],
        Val::List(vec![Val::String("p".into()), Val::Unknown(UNKNOWN.into())])
    );
    // A replacement is judged by what it becomes; a forgotten resource is not judged.
    let addresses: Vec<_> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(addresses, vec!["aws_db_instance.d", "aws_s3_bucket.r"]);
}

#[test]
fn not_a_plan_and_bad_versions_are_errors() {
    let err = |text: &str| load("p.json", text).unwrap_err();
    assert_eq!(err("[]").code, Code::PlanInvalid);
    assert_eq!(err(r#"{"format_version":"1.0"}"#).code, Code::PlanInvalid);
    let future = err("{\"format_version\": \"3.1\", \"planned_values\": {}}");
    assert_eq!(future.location, Some(Location::at("p.json", 1, 2)));
    assert!(future.message.contains("\"3.1\""), "{}", future.message);
    let truncated = err("{\n  \"format_version\": \"1.0\",\n  \"planned_");
    assert_eq!(truncated.code, Code::JsonSyntax);
    assert_eq!(truncated.location, Some(Location::at("p.json", 3, 11)));
}

#[test]
fn sniff_needs_a_version_and_a_plan_field() {
    assert!(sniff("{\"format_version\":\"1.0\",\"planned_values\":"));
    assert!(!sniff("{\"format_version\":\"1.0\",\"values\":{}}"));
    // A plan cut before `planned_values`; a state (`terraform show -json` without a plan) is not.
    assert!(sniff(
        "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"var"
    ));
    assert!(!sniff(
        "{\"format_version\":\"1.0\",\"terraform_version\":\"1.9.5\",\"values\":{}}"
    ));
    assert!(!sniff("{\"name\":\"package\"}"));
    assert!(!sniff("[\"format_version\",\"planned_values\"]"));
}

#[test]
fn root_provider_configs_carry_literals_and_references() {
    let (doc, problems) = plan(
        r#"{"format_version":"1.2","planned_values":{"root_module":{}},
          "configuration":{"provider_config":{
            "aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{
              "region":{"constant_value":"eu-west-1"},
              "access_key":{"references":["var.access_key"]},
              "skip_metadata_api_check":{"constant_value":true},
              "assume_role":[{"role_arn":{"constant_value":"arn:aws:iam::1:role/t"}}]}},
            "aws.replica":{"name":"aws","alias":"replica","expressions":{"region":{"constant_value":"us-east-1"}}},
            "module.m:google":{"name":"google","module_address":"module.m","expressions":{}}}}}"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let addresses: Vec<_> = doc.providers.iter().map(|p| p.address()).collect();
    assert_eq!(addresses, vec!["provider.aws", "provider.aws.replica"]);
    let aws = &doc.providers[0].config;
    assert_eq!(aws["region"], Val::String("eu-west-1".into()));
    assert_eq!(aws["access_key"], Val::Unknown("${var.access_key}".into()));
    assert_eq!(aws["skip_metadata_api_check"], Val::Bool(true));
    // Nested blocks are left out.
    assert_eq!(aws.get("assume_role"), None);
    assert_eq!(
        doc.providers[1].config["region"],
        Val::String("us-east-1".into())
    );
}
