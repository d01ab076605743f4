use super::*;

fn template(text: &str, params: &[(&str, &str)]) -> (Document, Vec<Diagnostic>) {
    let params: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    load("t.yaml", text, &params).expect("template loads")
}

fn config<'d>(doc: &'d Document, id: &str) -> &'d BTreeMap<String, Val> {
    &doc.resources
        .iter()
        .find(|r| r.address == id)
        .unwrap_or_else(|| panic!("{id} in {:?}", doc.resources))
        .config
}

fn s(v: &str) -> Val {
    Val::String(v.into())
}

const TEMPLATE: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: staging}
  Cidrs: {Type: CommaDelimitedList, Default: "10.0.0.0/8, 192.168.0.0/16"}
  Port: {Type: Number, Default: 22}
  Secret: {Type: String}
Mappings:
  Sizes: {staging: {Class: db.t3.micro}}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Either: !Or [!Condition IsProd, !Equals [!Ref Secret, x]]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Name: !Sub "data-${Env}-${AWS::Region}"
      Literal: !Sub "${!NotSubstituted}"
      Joined: !Join ["-", [a, !Ref Env]]
      Pick: !Select [1, !Ref Cidrs]
      Parts: !Split [",", "a,b"]
      Class: !FindInMap [Sizes, !Ref Env, Class]
      Arn: !GetAtt Key.Arn
      LongArn: {"Fn::GetAtt": ["Key", "Arn"]}
      Both: !If [IsProd, same, same]
      Maybe: !If [Either, 1, 2]
      Gone: !If [IsProd, 1, !Ref "AWS::NoValue"]
      Port: !Ref Port
      Imported: !ImportValue shared-vpc
      Flag: !Condition NotProd

  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties: {}
  Key:
    Type: AWS::KMS::Key
"#;

#[test]
fn intrinsics_resolve_where_the_template_decides_them() {
    let (doc, problems) = template(TEMPLATE, &[]);
    assert!(problems.is_empty(), "{problems:?}");
    let b = config(&doc, "Bucket");
    assert_eq!(
        b["Name"],
        Val::Unknown("data-staging-${AWS::Region}".into())
    );
    assert_eq!(b["Literal"], Val::Unknown("${NotSubstituted}".into()));
    assert_eq!(b["Joined"], s("a-staging"));
    assert_eq!(b["Pick"], s("192.168.0.0/16"));
    assert_eq!(b["Parts"], Val::List(vec![s("a"), s("b")]));
    assert_eq!(b["Class"], s("db.t3.micro"));
    assert_eq!(b["Arn"], Val::Unknown("${Key.Arn}".into()));
    assert_eq!(b["LongArn"], b["Arn"]);
    assert_eq!(b["Both"], s("same"));
    // `Either` needs the unknown `Secret`.
    assert_eq!(b["Maybe"], Val::Unknown("${Fn::If Either}".into()));
    assert!(!b.contains_key("Gone"));
    assert_eq!(b["Port"], Val::Number(22.0));
    assert_eq!(b["Imported"], Val::Unknown("${Fn::ImportValue}".into()));
    assert_eq!(b["Flag"], Val::Bool(true));
    // A resource whose condition is known false is left out.
    let ids: Vec<_> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(ids, vec!["Bucket", "Key"]);
    let bucket = &doc.resources[0];
    assert_eq!(
        (bucket.kind.as_str(), bucket.line, bucket.end_line),
        ("AWS::S3::Bucket", 14, 30)
    );
    assert_eq!(doc.resources[1].line, 36);
}

#[test]
fn cfn_params_override_defaults() {
    let (doc, _) = template(TEMPLATE, &[("Env", "prod"), ("Secret", "x")]);
    let ids: Vec<_> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(ids, vec!["Bucket", "Key", "ProdOnly"]);
    let b = config(&doc, "Bucket");
    assert_eq!(b["Gone"], Val::Number(1.0));
    assert_eq!(b["Maybe"], Val::Number(1.0));
    assert_eq!(b["Flag"], Val::Bool(false));
}

#[test]
fn json_templates_and_their_lines() {
    let text = "{\n  \"Resources\": {\n    \"Q\": {\n      \"Type\": \"AWS::SQS::Queue\",\n      \"Properties\": {\"KmsMasterKeyId\": {\"Ref\": \"K\"}}\n    },\n    \"K\": {\"Type\": \"AWS::KMS::Key\"}\n  }\n}\n";
    let (doc, problems) = load("t.json", text, &[]).unwrap();
    assert!(problems.is_empty());
    let lines: Vec<_> = doc
        .resources
        .iter()
        .map(|r| (r.address.as_str(), r.line, r.end_line))
        .collect();
    assert_eq!(lines, vec![("K", 7, 7), ("Q", 3, 6)]);
    assert_eq!(
        config(&doc, "Q")["KmsMasterKeyId"],
        Val::Unknown("${K}".into())
    );
}

#[test]
fn bad_templates_give_located_errors() {
    let err = load("t.yaml", "Resources:\n  A:\n    Type: [\n", &[]).unwrap_err();
    assert_eq!(err.code, Code::TemplateInvalid);
    assert_eq!(err.location.as_ref().unwrap().line, Some(4));
    let err = load("t.json", "{\"Resources\": {", &[]).unwrap_err();
    assert_eq!(err.code, Code::JsonSyntax);
    assert_eq!(
        load("t.yaml", "Description: x\n", &[]).unwrap_err().code,
        Code::TemplateInvalid
    );
    // An unknown intrinsic and a resource without a type: reported, the rest loaded.
    let (doc, problems) = load(
        "t.yaml",
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Bogus 1\n  B:\n    Properties: {}\n",
        &[],
    )
    .unwrap();
    assert_eq!(doc.resources.len(), 1);
    assert_eq!(config(&doc, "A")["X"], Val::Unknown("${Fn::Bogus}".into()));
    let got: Vec<_> = problems
        .iter()
        .map(|d| (d.code, d.location.as_ref().unwrap().line))
        .collect();
    assert_eq!(
        got,
        vec![
            (Code::TemplateInvalid, Some(2)),
            (Code::TemplateInvalid, Some(6))
        ]
    );
}

#[test]
fn aliases_cannot_blow_up_and_conditions_cannot_loop() {
    let mut laughs = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        laughs.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    laughs.push_str("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: *i\n");
    let err = load("t.yaml", &laughs, &[]).unwrap_err();
    assert_eq!(err.code, Code::TemplateInvalid);
    let looped = "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Condition: A\n    Properties:\n      X: !If [B, 1, 2]\n";
    let (doc, _) = load("t.yaml", looped, &[]).unwrap();
    assert_eq!(config(&doc, "R")["X"], Val::Unknown("${Fn::If B}".into()));
}

#[test]
fn sniff_wants_template_signs() {
    assert!(sniff("AWSTemplateFormatVersion: 2010-09-09\n"));
    assert!(sniff("Resources:\n  A:\n    Type: AWS::S3::Bucket\n"));
    assert!(!sniff("name: ci\non: push\n"));
}

#[test]
fn sam_resources_become_what_they_deploy_with_globals_under_their_own() {
    let text = r#"AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage: {Type: String, Default: prod}
Globals:
  Function:
    Runtime: python3.12
    Environment:
      Variables: {STAGE: !Ref Stage, LOG_LEVEL: info}
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Environment:
        Variables: {LOG_LEVEL: debug}
      FunctionUrlConfig:
        AuthType: NONE
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Dlq.Arn}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref Stage
  Table:
    Type: AWS::Serverless::SimpleTable
  Machine:
    Type: AWS::Serverless::StateMachine
  Dlq:
    Type: AWS::SQS::Queue
"#;
    let (doc, problems) = template(text, &[]);
    assert!(problems.is_empty(), "{problems:?}");
    let kinds: Vec<(&str, &str)> = doc
        .resources
        .iter()
        .map(|r| (r.address.as_str(), r.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Api", "AWS::ApiGateway::Stage"),
            ("Dlq", "AWS::SQS::Queue"),
            ("Handler", "AWS::Lambda::Function"),
            ("HandlerUrl", "AWS::Lambda::Url"),
            ("Machine", "AWS::Serverless::StateMachine"),
            ("Table", "AWS::DynamoDB::Table"),
        ]
    );
    let f = config(&doc, "Handler");
    assert_eq!(f["Runtime"], s("python3.12"));
    assert_eq!(
        f["Environment"],
        Val::Object(BTreeMap::from([(
            "Variables".to_string(),
            Val::Object(BTreeMap::from([
                ("LOG_LEVEL".to_string(), s("debug")),
                ("STAGE".to_string(), s("prod")),
            ]))
        )]))
    );
    assert!(f.contains_key("DeadLetterConfig") && !f.contains_key("FunctionUrlConfig"));
    assert_eq!(config(&doc, "HandlerUrl")["AuthType"], s("NONE"));
    assert_eq!(config(&doc, "Api")["StageName"], s("prod"));
    // The url sits at its function's lines.
    let line = |id: &str| doc.resources.iter().find(|r| r.address == id).unwrap().line;
    assert_eq!(line("HandlerUrl"), line("Handler"));
}

#[test]
fn nested_paths_stay_inside_the_scan_root() {
    assert_eq!(
        resolve_path("a/p.yaml", "./c/d.yaml"),
        Some("a/c/d.yaml".into())
    );
    assert_eq!(resolve_path("a/p.yaml", "../x.yaml"), Some("x.yaml".into()));
    assert_eq!(
        resolve_path("p.yaml", "file://c.json"),
        Some("c.json".into())
    );
    assert_eq!(resolve_path("a/p.yaml", "../../x.yaml"), None);
    assert_eq!(resolve_path("p.yaml", "/etc/hosts"), None);
    assert_eq!(resolve_path("p.yaml", "C:\\t.yaml"), None);
    assert_eq!(resolve_path("p.yaml", "."), None);
}

#[test]
fn nested_parameters_pass_known_values_as_text_and_unknown_ones_as_unknown() {
    assert_eq!(param_text(&Val::Number(22.0)), Some("22".into()));
    assert_eq!(
        param_text(&Val::List(vec![s("a"), s("b")])),
        Some("a,b".into())
    );
    assert_eq!(param_text(&Val::Unknown("${X}".into())), None);
    assert_eq!(
        param_text(&Val::List(vec![s("a"), Val::Unknown("${X}".into())])),
        None
    );
}

const PARENT: &str = "Resources:\n  Net:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      Parameters: {Port: 443, Cidrs: [a, b]}\n      TemplateURL: net/child.json\n  Repo:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: {ApplicationId: arn:aws:serverlessrepo:x, SemanticVersion: 1.0.0}\n";

const CHILD: &str = "{\n  \"Parameters\": {\n    \"Port\": {\"Type\": \"Number\"},\n    \"Cidrs\": {\"Type\": \"CommaDelimitedList\"}\n  },\n  \"Resources\": {\n    \"Sg\": {\n      \"Type\": \"AWS::EC2::SecurityGroup\",\n      \"Properties\": {\"FromPort\": {\"Ref\": \"Port\"}, \"Cidrs\": {\"Ref\": \"Cidrs\"}, \"Vpc\": {\"Ref\": \"Vpc\"}, \"Arn\": {\"Fn::Sub\": \"${Log.Arn}:${AWS::Region}\"}}\n    }\n  }\n}\n";

#[test]
fn nested_stack_resources_take_their_parents_parameters_and_their_own_lines() {
    let read = |rel: &str| -> std::io::Result<Vec<u8>> {
        match rel {
            "net/child.json" => Ok(CHILD.as_bytes().to_vec()),
            _ => Err(std::io::ErrorKind::NotFound.into()),
        }
    };
    let (doc, problems, included) =
        load_nested("p.yaml", PARENT, &[], Some(&read), &Templates::default()).unwrap();
    let sg = doc
        .resources
        .iter()
        .find(|r| r.address == "Net.Sg")
        .unwrap();
    assert_eq!(
        (sg.file.as_str(), sg.line, sg.end_line),
        ("net/child.json", 7, 10)
    );
    assert_eq!(sg.config["FromPort"], Val::Number(443.0));
    assert_eq!(sg.config["Cidrs"], Val::List(vec![s("a"), s("b")]));
    // References inside the child name its resources as they are addressed.
    assert_eq!(sg.config["Vpc"], Val::Unknown("${Net.Vpc}".into()));
    assert_eq!(
        sg.config["Arn"],
        Val::Unknown("${Net.Log.Arn}:${AWS::Region}".into())
    );
    assert_eq!(
        doc.files,
        vec!["p.yaml".to_string(), "net/child.json".to_string()]
    );
    assert_eq!(included, BTreeSet::from(["net/child.json".to_string()]));
    // The application from the Serverless Application Repository is not fetched: a warning
    // at its `Location`.
    let got: Vec<_> = problems
        .iter()
        .map(|d| {
            (
                d.severity,
                d.location.as_ref().map(|l| (l.file.clone(), l.line)),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![(
            crate::diagnostics::Severity::Warning,
            Some(("p.yaml".to_string(), Some(10)))
        )]
    );
    // Scanned alone (no reader), the child is not read and a warning says so.
    let (doc, problems) = load("p.yaml", PARENT, &[]).unwrap();
    assert!(doc.resources.iter().all(|r| !r.address.contains('.')));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0]
        .message
        .contains("not read when one template is scanned"));
}

#[test]
fn a_nested_template_is_read_and_parsed_once_for_all_its_uses() {
    let reads = std::cell::Cell::new(0);
    let read = |rel: &str| -> std::io::Result<Vec<u8>> {
        assert_eq!(rel, "net/child.json");
        reads.set(reads.get() + 1);
        Ok(CHILD.as_bytes().to_vec())
    };
    let twice = "Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: net/child.json\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: net/child.json\n";
    let templates = Templates::default();
    let (doc, _, _) = load_nested("p.yaml", twice, &[], Some(&read), &templates).unwrap();
    let addresses: Vec<&str> = doc.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(addresses, ["A", "A.Sg", "B", "B.Sg"]);
    // The child judged on its own, as a scan does with every data file, reuses the parse.
    let (alone, _, _) = load_nested("net/child.json", CHILD, &[], Some(&read), &templates).unwrap();
    assert_eq!(alone.resources.len(), 1);
    assert_eq!(reads.get(), 1);
    assert_eq!(templates.0.borrow().len(), 2);
}
