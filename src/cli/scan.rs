//! `rungs scan`: the maturity report and the gate.

use super::{
    fail, parse_key_level, print, Format, LoadArgs, PolicyArgs, EXIT_ERROR, EXIT_GATE_FAILED,
};
use clap::Args;
use rungs::report::{self, Report};
use rungs::scan::{self, Requirement, Target};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ScanArgs {
    /// Directory to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Maturity model YAML to use instead of the embedded CSMM-aligned model.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Pass rate an objective needs to count as met (0 < RATE <= 1).
    #[arg(long, value_name = "RATE", default_value_t = 1.0)]
    pub threshold: f64,
    /// Fail (exit 1) unless the program level is at least N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
    pub min_level: Option<u8>,
    /// Fail unless a domain reaches a level: DOMAIN=N, e.g. foundational=2 (repeatable).
    #[arg(long, value_name = "DOMAIN=N", value_parser = parse_key_level)]
    pub min_domain: Vec<(String, u8)>,
    /// Fail unless a category reaches a level: CATEGORY=N, e.g. IAM=3 (repeatable).
    #[arg(long, value_name = "CATEGORY=N", value_parser = parse_key_level)]
    pub min_category: Vec<(String, u8)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Scan PATH as it is at this git revision, read from the repository without checking out.
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

pub fn run(args: ScanArgs) -> ExitCode {
    let mut options = scan::Options::new(&args.path);
    options.excludes = args.load.exclude.clone();
    options.policies = args.policies.sources();
    options.model = args.model.clone();
    options.load = args.load.options();
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

    let scanned = match &args.rev {
        Some(rev) => super::revision::scan_revision(rev, &args.path, &options),
        None => scan::run(&options).map_err(|d| fail(&d)),
    };
    let scan = match scanned {
        Ok(scan) => scan,
        Err(code) => return code,
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
