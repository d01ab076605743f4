//! `rungs policy test`: runs the `test_` rules of `_test.rego` files, like `opa test`.

use super::{add, engine_for, package_of, Bundle};

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    /// The rule evaluated to something other than `true` (or was undefined).
    Fail,
    /// The rule or its file raised an error.
    Error(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TestResult {
    pub file: String,
    pub name: String,
    pub outcome: Outcome,
}

/// Names of the `test_` rules a file defines, in order of first appearance.
fn test_rules(source: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in source.lines() {
        if !line.starts_with("test_") {
            continue;
        }
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Runs every test file of the bundle against its libraries and valid policies. Each test file
/// gets its own engine, so one broken test file does not fail the others.
pub fn run(bundle: &Bundle) -> Vec<TestResult> {
    let base = match engine_for(bundle, |_| true) {
        Ok(engine) => engine,
        Err(e) => {
            return vec![TestResult {
                file: "<bundle>".into(),
                name: "load".into(),
                outcome: Outcome::Error(e),
            }]
        }
    };
    let mut results = Vec::new();
    for file in &bundle.tests {
        let names = test_rules(&file.source);
        let mut engine = base.clone();
        let loaded = add(&mut engine, file).and_then(|_| {
            package_of(&file.source).ok_or_else(|| "test file has no `package` line".to_string())
        });
        let package = match loaded {
            Ok(p) => p,
            Err(e) => {
                results.push(TestResult {
                    file: file.path.clone(),
                    name: "<file>".into(),
                    outcome: Outcome::Error(e),
                });
                continue;
            }
        };
        engine.set_input(regorus::Value::new_object());
        for name in names {
            let outcome = match engine.eval_rule(format!("data.{package}.{name}")) {
                Ok(v) if v == regorus::Value::from(true) => Outcome::Pass,
                Ok(_) => Outcome::Fail,
                Err(e) => Outcome::Error(e.to_string()),
            };
            results.push(TestResult {
                file: file.path.clone(),
                name,
                outcome,
            });
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::super::{build, RegoFile};
    use super::*;

    #[test]
    fn finds_test_rules_once_each() {
        let src = "package x\ntest_a if { true }\ntest_a if { false }\ntest_b := true\n  test_c if { true }\n";
        assert_eq!(test_rules(src), vec!["test_a", "test_b"]);
    }

    #[test]
    fn runs_pass_fail_and_error() {
        let policy = RegoFile {
            path: "p/a.rego".into(),
            source: "# METADATA\n# title: T\n# custom:\n#   id: A\n#   severity: low\n#   resource_types: [t]\n#   controls: [C-1.1]\npackage a\nimport rego.v1\ndeny contains r.address if { some r in input.rs; r.bad }\n".into(),
        };
        let test = RegoFile {
            path: "p/a_test.rego".into(),
            source: "package a_test\nimport rego.v1\nimport data.a\ntest_denies if { a.deny == {\"x\"} with input as {\"rs\": [{\"address\": \"x\", \"bad\": true}]} }\ntest_wrong if { a.deny == {\"y\"} with input as {\"rs\": [{\"address\": \"x\", \"bad\": true}]} }\ntest_errors if { 1 + \"a\" }\n".into(),
        };
        let (bundle, diags) = build(vec![policy, test]);
        assert!(diags.is_empty(), "{diags:?}");
        let results = run(&bundle);
        let outcomes: Vec<_> = results
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    matches!(r.outcome, Outcome::Error(_)),
                    r.outcome == Outcome::Pass,
                )
            })
            .collect();
        assert_eq!(
            outcomes,
            vec![
                ("test_denies", false, true),
                ("test_wrong", false, false),
                ("test_errors", true, false)
            ]
        );
    }
}
