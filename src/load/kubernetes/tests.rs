use super::*;

fn objects(text: &str) -> (Vec<Resource>, Vec<Diagnostic>) {
    let (objects, diagnostics) = load("k8s/app.yaml", text).expect("read");
    (
        objects.into_iter().map(|o| o.resource).collect(),
        diagnostics,
    )
}

fn at(d: &Diagnostic) -> (String, Option<usize>, Option<usize>) {
    let l = d.location.clone().expect("located");
    (l.file, l.line, l.column)
}

#[test]
fn sniffs_manifests_by_content_only() {
    assert!(sniff("apiVersion: v1\nkind: Pod\n"));
    assert!(sniff(
        "# c\n---\napiVersion: apps/v1\nmetadata:\n  name: x\n"
    ));
    assert!(sniff(
        "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}"
    ));
    // A Helm Chart.yaml, a compose file, a workflow, a CloudFormation template, a config.
    assert!(!sniff("apiVersion: v2\nname: chart\nversion: 1.0.0\n"));
    assert!(!sniff("services:\n  web:\n    image: nginx\n"));
    assert!(!sniff(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
    ));
    assert!(!sniff(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"
    ));
    assert!(!sniff("scope: workload\nseverity: {}\n"));
    // Nested keys are not top-level ones.
    assert!(!sniff("spec:\n  apiVersion: v1\n  kind: Pod\n"));
}

#[test]
fn multi_document_files_give_one_resource_each_at_its_lines() {
    let text = "# leading comment\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n--- # trailing marker comment\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n...\n";
    let (rs, diagnostics) = objects(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let got: Vec<(&str, &str, &str, usize, usize)> = rs
        .iter()
        .map(|r| {
            (
                r.address.as_str(),
                r.kind.as_str(),
                r.name.as_str(),
                r.line,
                r.end_line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Namespace.shop", "Namespace", "shop", 3, 6),
            ("Deployment.shop.web", "Deployment", "web", 9, 15),
            ("Pod.default.debug", "Pod", "debug", 17, 20),
        ]
    );
    // The default namespace is written into the object, as the API server would.
    let Val::Object(meta) = &rs[2].config["metadata"] else {
        panic!()
    };
    assert_eq!(meta["namespace"], Val::String("default".into()));
    assert_eq!(
        rs[1].config["spec"],
        Val::Object(BTreeMap::from([("replicas".into(), Val::Number(2.0))]))
    );
    assert_eq!(rs[1].provider, "kubernetes");
}

#[test]
fn list_items_are_objects_with_their_own_lines() {
    let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: a\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata:\n    name: reader\n  rules:\n  - verbs: [get]\n    resources: [pods]\n";
    let (rs, diagnostics) = objects(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let got: Vec<(&str, usize, usize)> = rs
        .iter()
        .map(|r| (r.address.as_str(), r.line, r.end_line))
        .collect();
    assert_eq!(
        got,
        vec![
            ("ServiceAccount.default.a", 4, 7),
            ("ClusterRole.reader", 8, 14)
        ]
    );
}

#[test]
fn json_manifests_are_read() {
    let text = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"lb\", \"namespace\": \"shop\"},\n  \"spec\": {\"type\": \"LoadBalancer\"}\n}\n";
    let (rs, diagnostics) = objects(text);
    assert!(diagnostics.is_empty());
    assert_eq!(
        (rs[0].address.as_str(), rs[0].line, rs[0].end_line),
        ("Service.shop.lb", 1, 6)
    );
    let err = load("x.json", "{\"apiVersion\": \"v1\", \"kind\": ").unwrap_err();
    assert_eq!(err.code, Code::JsonSyntax);
    assert_eq!(at(&err).1, Some(1));
}

#[test]
fn bad_documents_are_located_and_the_others_still_read() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nmetadata:\n  name: nokind\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n---\nkind: Pod\nmetadata:\n  name: noapi\n---\napiVersion: v1\nkind: Pod\nmetadata: {}\n---\n- just\n- a list\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: last\n";
    let (rs, diagnostics) = objects(text);
    let addresses: Vec<&str> = rs.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addresses,
        vec!["ConfigMap.default.ok", "Secret.default.last"]
    );
    let got: Vec<(Code, Option<usize>, bool)> = diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                at(d).1,
                d.severity == crate::diagnostics::Severity::Error,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Code::ManifestInvalid, Some(6), true),
            (Code::ManifestInvalid, Some(14), true),
            (Code::ManifestInvalid, Some(15), true),
            (Code::ManifestInvalid, Some(19), false),
            (Code::ManifestInvalid, Some(23), true),
        ],
        "{diagnostics:?}"
    );
    assert!(diagnostics[0].message.contains("no string `kind`"));
    assert!(diagnostics[1].message.contains("invalid manifest YAML"));
    // The reader's own position counts from the document's start: left out.
    assert!(
        !diagnostics[1].message.contains(" at line "),
        "{}",
        diagnostics[1].message
    );
}

#[test]
fn templated_strings_are_unknown() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: \"{{ .Values.image }}\"\n    env:\n    - name: HOME\n      value: ${HOME}\n";
    let (rs, _) = objects(text);
    let Val::Object(spec) = &rs[0].config["spec"] else {
        panic!()
    };
    let Val::List(cs) = &spec["containers"] else {
        panic!()
    };
    let Val::Object(c) = &cs[0] else { panic!() };
    assert_eq!(
        c["image"],
        Val::Unknown("${template {{ .Values.image }}}".into())
    );
    let Val::List(env) = &c["env"] else { panic!() };
    let Val::Object(e) = &env[0] else { panic!() };
    assert_eq!(e["value"], Val::Unknown("${HOME}".into()));
}

#[test]
fn a_directory_document_warns_on_duplicates() {
    let (a, _) = load(
        "k/a.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n",
    )
    .unwrap();
    let (b, _) = load(
        "k/b.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n",
    )
    .unwrap();
    let (doc, diagnostics) = document(
        "k",
        vec!["k/a.yaml".into(), "k/b.yaml".into()],
        [a, b].concat(),
    );
    assert_eq!(doc.root, "k");
    assert_eq!(doc.resources.len(), 2);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(at(&diagnostics[0]), ("k/b.yaml".into(), Some(1), Some(1)));
}

#[test]
fn yaml_positions_are_cut_from_messages() {
    assert_eq!(
        without_position(
            "expected ',' at line 6 column 1, while parsing a flow sequence at line 5 column 9"
        ),
        "expected ',', while parsing a flow sequence"
    );
    assert_eq!(without_position("no position"), "no position");
}

#[test]
fn kustomizations_are_named_not_judged() {
    let (rs, diagnostics) = objects("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n");
    assert!(rs.is_empty());
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        diagnostics[0].severity,
        crate::diagnostics::Severity::Warning
    );
    assert!(diagnostics[0]
        .message
        .starts_with("Kustomization: rungs does not build Kustomize overlays"));
}

#[test]
fn truncated_manifests_never_panic_and_never_invent_objects() {
    let full = include_str!("../../../examples/mixed/kubernetes/shop.yaml");
    let whole = load("shop.yaml", full).unwrap().0.len();
    assert_eq!(whole, 5);
    for cut in (0..full.len())
        .step_by(7)
        .filter(|i| full.is_char_boundary(*i))
    {
        // A cut document may lose its name or kind (a diagnostic), never gain an object.
        if let Ok((objects, _)) = load("shop.yaml", &full[..cut]) {
            assert!(objects.len() <= whole, "{cut}");
        }
    }
}
