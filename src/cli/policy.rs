//! `rungs policy ...`: test and list policies.

use super::{exit_for, print, Format, PolicyArgs, EXIT_GATE_FAILED};
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
}

pub fn run(command: PolicyCommand) -> ExitCode {
    match command {
        PolicyCommand::Test { dirs } => test(dirs),
        PolicyCommand::List { policies, format } => list(policies, format),
    }
}

pub fn test(dirs: Vec<PathBuf>) -> ExitCode {
    let sources = Sources {
        defaults: dirs.is_empty(),
        dirs,
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
    print(&out);
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
            print(&(serde_json::to_string_pretty(&list).expect("policies serialize") + "\n"));
        }
        Format::Text => {
            let mut out = String::new();
            for p in &bundle.policies {
                out.push_str(&format!(
                    "{:<20} {:<8} {:<40} {}\n",
                    p.meta.id,
                    p.meta.severity.as_str(),
                    p.meta.resource_types.join(","),
                    p.meta.controls.join(",")
                ));
            }
            print(&out);
        }
    }
    exit_for(&diagnostics)
}
