//! The `rungs` command line. Exit codes: 0 passed, 1 gate failed, 2 usage, configuration, policy
//! or input error (the report is still printed in full first).

use clap::{Args, Parser, Subcommand, ValueEnum};
use rungs::diagnostics::Diagnostic;
use rungs::policy::testing::Outcome as TestOutcome;
use rungs::policy::{self, Sources};
use rungs::report::{self, Report};
use rungs::scan::{self, Requirement, Target};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_GATE_FAILED: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "rungs",
    version,
    about = "Scan Terraform with Rego policies and report cloud security maturity levels (CSMM-aligned)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan a repository and report maturity levels, optionally gating on them.
    Scan(ScanArgs),
    /// Print the documents policies receive, one per root module (JSON).
    Input(InputArgs),
    /// Work with policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
}

#[derive(Subcommand)]
enum PolicyCommand {
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

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Args, Clone)]
struct PolicyArgs {
    /// Extra policy directory (repeatable), evaluated with the embedded library.
    #[arg(long = "policy", value_name = "DIR")]
    policy: Vec<PathBuf>,
    /// Leave out the embedded policy library (use only --policy directories).
    #[arg(long)]
    no_default_policies: bool,
}

impl PolicyArgs {
    fn sources(&self) -> Sources {
        Sources {
            defaults: !self.no_default_policies,
            dirs: self.policy.clone(),
        }
    }
}

#[derive(Args, Clone)]
struct LoadArgs {
    /// Skip paths matching this glob, relative to the scan root (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Variable definitions file applied to every root module (repeatable).
    #[arg(long = "var-file", value_name = "FILE")]
    var_file: Vec<PathBuf>,
    /// Set a variable in every root module: NAME=VALUE (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_key_value)]
    var: Vec<(String, String)>,
}

#[derive(Args)]
struct InputArgs {
    /// Directory to load.
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    load: LoadArgs,
}

#[derive(Args)]
struct ScanArgs {
    /// Directory to scan.
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    load: LoadArgs,
    #[command(flatten)]
    policies: PolicyArgs,
    /// Maturity model YAML to use instead of the embedded CSMM-aligned model.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Pass rate an objective needs to count as met (0 < RATE <= 1).
    #[arg(long, value_name = "RATE", default_value_t = 1.0)]
    threshold: f64,
    /// Fail (exit 1) unless the program level is at least N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
    min_level: Option<u8>,
    /// Fail unless a domain reaches a level: DOMAIN=N, e.g. foundational=2 (repeatable).
    #[arg(long, value_name = "DOMAIN=N", value_parser = parse_key_level)]
    min_domain: Vec<(String, u8)>,
    /// Fail unless a category reaches a level: CATEGORY=N, e.g. IAM=3 (repeatable).
    #[arg(long, value_name = "CATEGORY=N", value_parser = parse_key_level)]
    min_category: Vec<(String, u8)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

fn parse_key_value(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    if k.is_empty() {
        return Err(format!("expected NAME=VALUE, got {s:?}"));
    }
    Ok((k.to_string(), v.to_string()))
}

fn parse_key_level(s: &str) -> Result<(String, u8), String> {
    let (k, v) = parse_key_value(s)?;
    let level: u8 = v
        .parse()
        .ok()
        .filter(|l| *l <= 5)
        .ok_or_else(|| format!("level must be 0 to 5, got {v:?}"))?;
    Ok((k, level))
}

fn load_options(args: &LoadArgs) -> rungs::load::terraform::Options {
    rungs::load::terraform::Options {
        var_files: args.var_file.clone(),
        vars: args.var.clone(),
        ..Default::default()
    }
}

fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`rungs scan | head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
}

fn fail(d: &Diagnostic) -> ExitCode {
    eprintln!("{d}");
    ExitCode::from(EXIT_ERROR)
}

fn run_scan(args: ScanArgs) -> ExitCode {
    let mut options = scan::Options::new(&args.path);
    options.excludes = args.load.exclude.clone();
    options.policies = args.policies.sources();
    options.model = args.model.clone();
    options.load = load_options(&args.load);
    options.threshold = args.threshold;

    let mut requirements = Vec::new();
    if let Some(min) = args.min_level {
        requirements.push(Requirement {
            target: Target::Program,
            min,
        });
    }
    for (id, min) in &args.min_domain {
        requirements.push(Requirement {
            target: Target::Domain(id.clone()),
            min: *min,
        });
    }
    for (id, min) in &args.min_category {
        requirements.push(Requirement {
            target: Target::Category(id.clone()),
            min: *min,
        });
    }

    let scan = match scan::run(&options) {
        Ok(scan) => scan,
        Err(d) => return fail(&d),
    };
    let gate = match scan::gate(&scan.scorecard, &requirements) {
        Ok(gate) => gate,
        Err(message) => {
            eprintln!("error: {message}\n  help: `rungs scan --format json` lists the model's domain and category ids");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let report = Report {
        scan: &scan,
        gate: &gate,
    };
    match args.format {
        Format::Text => print(&report::text::render(&report)),
        Format::Json => print(&report::json::render(&report)),
    }
    if scan.has_errors() {
        ExitCode::from(EXIT_ERROR)
    } else if !report.gate_passed() {
        ExitCode::from(EXIT_GATE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_input(args: InputArgs) -> ExitCode {
    if !args.path.is_dir() {
        eprintln!("error: {} is not a directory", args.path.display());
        return ExitCode::from(EXIT_ERROR);
    }
    let excluded = match rungs::discover::excludes(&args.load.exclude) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let discovery = rungs::discover::discover(&args.path, &excluded);
    let (documents, diagnostics) =
        rungs::load::terraform::load(&args.path, &discovery, &load_options(&args.load));
    print(&(serde_json::to_string_pretty(&documents).expect("documents serialize") + "\n"));
    let mut all = discovery.diagnostics;
    all.extend(diagnostics);
    for d in &all {
        eprintln!("{d}");
    }
    if all.iter().any(Diagnostic::is_error) {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_policy_test(dirs: Vec<PathBuf>) -> ExitCode {
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

fn run_policy_list(args: PolicyArgs, format: Format) -> ExitCode {
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
    if diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Scan(args) => run_scan(args),
        Command::Input(args) => run_input(args),
        Command::Policy(PolicyCommand::Test { dirs }) => run_policy_test(dirs),
        Command::Policy(PolicyCommand::List { policies, format }) => {
            run_policy_list(policies, format)
        }
    }
}
