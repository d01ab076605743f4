//! `rungs policy ...`: test, list and show policies.

use super::{exit_for, fail, print, Format, PolicyArgs, EXIT_ERROR, EXIT_GATE_FAILED};
use clap::Subcommand;
use rungs::diagnostics::Diagnostic;
use rungs::policy::testing::Outcome as TestOutcome;
use rungs::policy::{self, Sources};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Run the `test_` rules of `_test.rego` files, like `opa test`.
    Test {
        /// Policy directories to test; the embedded library when none are given.
        dirs: Vec<PathBuf>,
    },
    /// List the policies of the bundle.
    List {
        #[command(flatten)]
        policies: PolicyArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show one policy: metadata, remediation, and the objectives and levels it feeds.
    Show {
        /// Policy id, e.g. RUNGS-AWS-S3-001.
        id: String,
        #[command(flatten)]
        policies: PolicyArgs,
        /// Maturity model to map the policy onto (default: the embedded one).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

pub fn run(command: PolicyCommand) -> ExitCode {
    match command {
        PolicyCommand::Test { dirs } => test(dirs),
        PolicyCommand::List { policies, format } => list(policies, format),
        PolicyCommand::Show {
            id,
            policies,
            model,
            format,
        } => show(&id, policies, model, format),
    }
}

/// `rungs policy show ID`.
pub fn show(id: &str, args: PolicyArgs, model: Option<PathBuf>, format: Format) -> ExitCode {
    let (bundle, diagnostics) = policy::load(&args.sources());
    for d in &diagnostics {
        eprintln!("{d}");
    }
    let model = match rungs::scan::load_model(model.as_ref()) {
        Ok(m) => m,
        Err(d) => return fail(&d),
    };
    let Some(p) = bundle
        .policies
        .iter()
        .find(|p| p.meta.id.eq_ignore_ascii_case(id))
    else {
        eprintln!("error: no policy with id {id:?}\n  help: `rungs policy list` shows the ids");
        return ExitCode::from(EXIT_ERROR);
    };
    let feeds: Vec<_> = model
        .objectives()
        .filter(|(_, _, o)| p.meta.controls.contains(&o.id))
        .collect();
    match format {
        Format::Json => {
            let objectives: Vec<_> = feeds
                .iter()
                .map(|(d, c, o)| serde_json::json!({"id": o.id, "level": o.level, "title": o.title, "evidence": o.evidence, "category": c.id, "domain": d.id}))
                .collect();
            let out = serde_json::json!({"file": p.file.path, "package": p.package, "metadata": p.meta, "objectives": objectives});
            print(&(rungs::report::pretty::to_string_pretty(&out) + "\n"));
        }
        Format::Text => {
            let m = &p.meta;
            let mut out = format!(
                "{} [{}] {}\n\n{}\n\nkind: {}\nresource types: {}\nfile: {}\n",
                m.id,
                m.severity.as_str(),
                m.title,
                m.details().description.trim(),
                m.kind.as_str(),
                m.resource_types.join(", "),
                p.file.path
            );
            out.push_str("\nFeeds objectives:\n");
            for (d, c, o) in &feeds {
                out.push_str(&format!(
                    "  {:<8} L{} {} / {}: {}\n",
                    o.id, o.level, d.name, c.name, o.title
                ));
            }
            for missing in m
                .controls
                .iter()
                .filter(|c| !feeds.iter().any(|(_, _, o)| &&o.id == c))
            {
                out.push_str(&format!("  {missing:<8} (not in the model)\n"));
            }
            if !m.details().frameworks.is_empty() {
                out.push_str("\nFrameworks:\n");
                for (framework, ids) in &m.details().frameworks {
                    out.push_str(&format!("  {framework}: {}\n", ids.join(", ")));
                }
            }
            if !m.details().remediation.trim().is_empty() {
                out.push_str(&format!(
                    "\nRemediation:\n{}\n",
                    indent(m.details().remediation.trim_end())
                ));
            }
            print(&rungs::report::visible(out));
        }
    }
    exit_for(&diagnostics)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn test(dirs: Vec<PathBuf>) -> ExitCode {
    let sources = Sources {
        defaults: dirs.is_empty(),
        dirs,
        embedded_tests: true,
    };
    let (bundle, diagnostics) = policy::load(&sources);
    for d in &diagnostics {
        eprintln!("{d}");
    }
    let results = policy::testing::run(&bundle);
    let mut out = String::new();
    let mut current = "";
    let (mut passed, mut failed) = (0, 0);
    for r in &results {
        if r.file != current {
            current = &r.file;
            out.push_str(&format!("{current}\n"));
        }
        match &r.outcome {
            TestOutcome::Pass => {
                passed += 1;
                out.push_str(&format!("  ok    {}\n", r.name));
            }
            TestOutcome::Fail => {
                failed += 1;
                out.push_str(&format!("  FAIL  {}\n", r.name));
            }
            TestOutcome::Error(e) => {
                failed += 1;
                out.push_str(&format!(
                    "  ERROR {}: {}\n",
                    r.name,
                    e.replace('\n', "\n        ")
                ));
            }
        }
    }
    out.push_str(&format!("{passed} passed, {failed} failed\n"));
    print(&rungs::report::visible(out));
    if failed > 0 || diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::from(EXIT_GATE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn list(args: PolicyArgs, format: Format) -> ExitCode {
    let (bundle, diagnostics) = policy::load(&args.sources());
    for d in &diagnostics {
        eprintln!("{d}");
    }
    match format {
        Format::Json => {
            let list: Vec<_> = bundle
                .policies
                .iter()
                .map(|p| serde_json::json!({"file": p.file.path, "package": p.package, "metadata": p.meta}))
                .collect();
            print(&(rungs::report::pretty::to_string_pretty(&list) + "\n"));
        }
        Format::Text => {
            // Resource types last: a policy may list dozens, which would push the rest off
            // screen. Columns as wide as their widest cell.
            let rows: Vec<[String; 4]> = bundle
                .policies
                .iter()
                .map(|p| {
                    [
                        p.meta.id.clone(),
                        p.meta.severity.as_str().to_string(),
                        p.meta.controls.join(","),
                        p.meta.resource_types.join(","),
                    ]
                })
                .collect();
            let header = ["ID", "SEVERITY", "OBJECTIVES", "RESOURCE TYPES"].map(String::from);
            let width = |i: usize| {
                std::iter::once(&header)
                    .chain(&rows)
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            };
            let (id, severity, controls) = (width(0), width(1), width(2));
            let mut out = String::new();
            for [a, b, c, d] in std::iter::once(&header).chain(&rows) {
                let line = format!("{a:<id$}  {b:<severity$}  {c:<controls$}  {d}");
                out.push_str(line.trim_end());
                out.push('\n');
            }
            print(&rungs::report::visible(out));
        }
    }
    exit_for(&diagnostics)
}
