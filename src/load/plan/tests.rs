use super::*;

fn plan(text: &str) -> (Document, Vec<Diagnostic>) {
    load("plan.json", text, None).expect("plan loads")
}

#[test]
fn strip_keys_removes_instance_keys_only() {
    assert_eq!(
        strip_keys(r#"module.a["x]y"].module.b[0].aws_s3_bucket.c["k"]"#),
        "module.a.module.b.aws_s3_bucket.c"
    );
    assert_eq!(strip_keys(""), "");
}
