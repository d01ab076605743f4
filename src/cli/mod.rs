//! The `rungs` command line: one module per command. Exit codes: 0 passed, 1 gate failed,
//! 2 usage, configuration, policy or input error (the report is still printed in full first).

pub mod aggregate;
pub mod color;
pub mod diff;
pub mod init;
pub mod input;
pub mod meta;
pub mod model;
pub mod output;
pub mod plan;
pub mod policy;
pub mod progress;
pub mod revision;
pub mod scan;
pub mod trend;

use clap::{ArgMatches, Args, Parser, Subcommand, ValueEnum};
use rungs::diagnostics::Diagnostic;
use rungs::policy::Sources;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXIT_GATE_FAILED: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "rungs",
    version,
    about = "Scan Terraform with Rego policies and report cloud security maturity levels (CSMM-aligned)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Largest input file read, e.g. 64MiB; bigger files are reported (R009) and skipped.
    #[arg(long, global = true, value_name = "SIZE", value_parser = rungs::read::parse_size, default_value = "16MiB")]
    pub max_file_size: u64,
    /// Rego instructions one policy may run on one document; a policy that needs more gets
    /// `error` results there (R206).
    #[arg(long, global = true, value_name = "COUNT", default_value_t = rungs::vm::DEFAULT_MAX_INSTRUCTIONS, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rego_instructions: u64,
    /// Largest value one Rego builtin call may build (`numbers.range`, `array.concat`, `concat`),
    /// in elements: items or string bytes; a policy that asks for more gets `error` results there
    /// (R208).
    #[arg(long, global = true, value_name = "COUNT", default_value_t = rungs::vm::DEFAULT_MAX_ELEMENTS, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rego_elements: u64,
    /// Wall-clock seconds one Rego evaluation may take, a backstop for work the instruction
    /// budget does not count (a builtin runs inside one instruction); a policy stopped by it gets
    /// `error` results there (R207).
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = rungs::vm::DEFAULT_MAX_SECONDS, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rego_seconds: u64,
    /// Colour in text reports on standard output: auto (a terminal, unless NO_COLOR is set;
    /// CLICOLOR_FORCE forces it), always or never. Files never get colour.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    pub color: color::When,
}

#[derive(Subcommand)]
pub enum Command {
    /// Scan a repository and report maturity levels, optionally gating on them.
    Scan(Box<scan::ScanArgs>),
    /// The roadmap: for each category below its target, the changes that lift it.
    Plan(plan::PlanArgs),
    /// Roll many repositories' reports up per repository, team and organisation.
    Aggregate(aggregate::AggregateArgs),
    /// Write a commented `.rungs.yaml` with every key and its default.
    Init(init::InitArgs),
    /// Compare two revisions or directories: new and fixed findings, level changes.
    Diff(diff::DiffArgs),
    /// Print the documents policies receive, one per root module (JSON).
    Input(input::InputArgs),
    /// Work with policies.
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    /// Work with the maturity model.
    #[command(subcommand)]
    Model(model::ModelCommand),
    /// Maturity levels commit by commit over git history (table, CSV, JSON, SVG chart).
    Trend(trend::TrendArgs),
    /// Print a shell completion script, e.g. `rungs completions bash > /etc/bash_completion.d/rungs`.
    Completions(meta::CompletionsArgs),
    /// Print a man page (roff): rungs(1), or a command's, e.g. `rungs man scan | man -l -`.
    Man(meta::ManArgs),
}

impl Command {
    /// Runs the command; `matches` give the order of repeated options.
    pub fn run(self, matches: &ArgMatches) -> ExitCode {
        match self {
            Command::Scan(args) => scan::run(*args, matches.subcommand_matches("scan")),
            Command::Plan(args) => plan::run(args),
            Command::Aggregate(args) => aggregate::run(args),
            Command::Init(args) => init::run(args),
            Command::Diff(args) => diff::run(args),
            Command::Input(args) => input::run(args),
            Command::Policy(command) => policy::run(command),
            Command::Trend(args) => trend::run(args),
            Command::Model(command) => model::run(command),
            Command::Completions(args) => meta::completions(args),
            Command::Man(args) => meta::man(args),
        }
    }
}

/// How much a text report says; `scan`, `diff` and `plan` share these flags.
#[derive(Args, Clone, Copy)]
pub struct Verbosity {
    /// Only failures and the verdict: findings, errors and failed gate requirements (scan),
    /// what regressed (diff), no warnings (plan).
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Every diagnostic on its own; more than 5 of one code are otherwise collapsed into one
    /// entry with the count and the first locations.
    #[arg(long, short)]
    pub verbose: bool,
}

impl Verbosity {
    /// Diagnostics for standard error: warnings left out when quiet, collapsed unless verbose.
    pub fn eprint(&self, diagnostics: &[Diagnostic]) {
        let shown: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.is_error() || !self.quiet)
            .cloned()
            .collect();
        let texts: Vec<String> = if self.verbose {
            shown.iter().map(Diagnostic::to_string).collect()
        } else {
            rungs::diagnostics::collapse(&shown)
                .into_iter()
                .map(|(text, _)| text)
                .collect()
        };
        for text in texts {
            eprint_text(text);
        }
    }
}

/// Writes a line (or lines) to standard error: input escaped, then coloured when standard error
/// takes colour (the same tokens and rules as reports on standard output).
pub fn eprint_text(text: String) {
    let text = rungs::report::visible(text);
    if color::stderr() {
        eprintln!("{}", color::report(&text));
    } else {
        eprintln!("{text}");
    }
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Args, Clone)]
pub struct PolicyArgs {
    /// Extra policy directory, or one `.rego` file (repeatable), evaluated with the embedded
    /// library.
    #[arg(long = "policy", value_name = "PATH")]
    pub policy: Vec<PathBuf>,
    /// Leave out the embedded policy library (use only --policy directories).
    #[arg(long)]
    pub no_default_policies: bool,
}

impl PolicyArgs {
    pub fn sources(&self) -> Sources {
        Sources {
            defaults: !self.no_default_policies,
            dirs: self.policy.clone(),
            embedded_tests: false,
        }
    }
}

#[derive(Args, Clone)]
pub struct LoadArgs {
    /// Skip paths matching this glob, relative to the scan root (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Variable definitions file applied to every root module (repeatable).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
    /// Set a variable in every root module: NAME=VALUE (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_key_value)]
    pub var: Vec<(String, String)>,
    /// Largest value the Terraform evaluator builds (a string, list or object), e.g. 64MiB;
    /// a bigger one is unknown and reported (R012).
    #[arg(long, value_name = "SIZE", value_parser = rungs::read::parse_size, default_value = "8MiB")]
    pub max_value_size: u64,
    /// Bytes of values evaluated per root module, modules included; past it the rest is
    /// unknown and reported (R013).
    #[arg(long, value_name = "SIZE", value_parser = rungs::read::parse_size, default_value = "256MiB")]
    pub max_eval_size: u64,
    /// Module instances loaded per root module; the calls past it are reported (R108).
    #[arg(long, value_name = "N", default_value_t = rungs::load::terraform::DEFAULT_MAX_MODULE_CALLS)]
    pub max_module_calls: usize,
    /// Bytes of Terraform files read per scan; the files past it are reported (R014).
    #[arg(long, value_name = "SIZE", value_parser = rungs::read::parse_size, default_value = "1GiB")]
    pub max_scan_size: u64,
    /// Judge this plan (`terraform show -json PLANFILE`) instead of the HCL of the root module
    /// it was made from; findings keep that HCL's files and lines.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// Set a CloudFormation parameter in every template judged on its own (nested stacks take
    /// their parent's): NAME=VALUE (repeatable; a list parameter takes comma-separated values).
    #[arg(long = "cfn-param", value_name = "NAME=VALUE", value_parser = parse_key_value)]
    pub cfn_param: Vec<(String, String)>,
}

impl LoadArgs {
    pub fn options(&self) -> rungs::load::terraform::Options {
        rungs::load::terraform::Options {
            var_files: self.var_file.clone(),
            vars: self.var.clone(),
            max_module_calls: self.max_module_calls,
            max_scan_size: self.max_scan_size,
            limits: rungs::load::terraform::budget::Limits {
                max_value: usize::try_from(self.max_value_size).unwrap_or(usize::MAX),
                max_total: usize::try_from(self.max_eval_size).unwrap_or(usize::MAX),
            },
            ..Default::default()
        }
    }

    pub fn inputs(&self) -> rungs::load::inputs::Options {
        rungs::load::inputs::Options {
            plan: self.plan.clone(),
            explicit: None,
            root: None,
            cfn_params: self.cfn_param.clone(),
        }
    }
}

pub fn parse_key_value(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    if k.is_empty() {
        return Err(format!("expected NAME=VALUE, got {s:?}"));
    }
    Ok((k.to_string(), v.to_string()))
}

pub fn parse_key_level(s: &str) -> Result<(String, u8), String> {
    let (k, v) = parse_key_value(s)?;
    let level: u8 = v
        .parse()
        .ok()
        .filter(|l| *l <= 5)
        .ok_or_else(|| format!("level must be 0 to 5, got {v:?}"))?;
    Ok((k, level))
}

/// The first error writing standard output, other than a closed pipe; `main` makes it exit 2.
static STDOUT_ERROR: std::sync::OnceLock<std::io::Error> = std::sync::OnceLock::new();

/// Writes to standard output. A closed pipe (`rungs scan | head`) ends output quietly and keeps
/// the run's exit code; any other error (a full disk) is kept for [`stdout_error`].
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = STDOUT_ERROR.set(e);
        }
    }
}

/// Prints a text report: input escaped by [`rungs::report::visible`], then coloured when
/// standard output takes colour.
pub fn print_report(text: String) {
    let text = rungs::report::visible(text);
    if color::stdout() {
        print(&color::report(&text));
    } else {
        print(&text);
    }
}

/// The error met writing standard output, if any.
pub fn stdout_error() -> Option<&'static std::io::Error> {
    STDOUT_ERROR.get()
}

pub fn fail(d: &Diagnostic) -> ExitCode {
    eprint_text(d.to_string());
    ExitCode::from(EXIT_ERROR)
}

/// Exit 2 when any diagnostic is an error, 0 otherwise.
pub fn exit_for(diagnostics: &[Diagnostic]) -> ExitCode {
    if diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}
