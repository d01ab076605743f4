//! `rungs scan`: the maturity report and the gate.

use super::output::{self, ReportFormat};
use super::{fail, parse_key_level, print, LoadArgs, PolicyArgs, EXIT_ERROR, EXIT_GATE_FAILED};
use clap::{ArgMatches, Args};
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
    /// Report format (repeatable). Each goes to the --output right after it, or to stdout.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Vec<ReportFormat>,
    /// File for the report of the --format just before it (repeatable).
    #[arg(long, value_name = "FILE")]
    pub output: Vec<PathBuf>,
    /// Trend JSON to chart in the HTML report (shape in docs/formats.md).
    #[arg(long, value_name = "FILE")]
    pub trend: Option<PathBuf>,
}

pub fn run(args: ScanArgs, matches: Option<&ArgMatches>) -> ExitCode {
    let formats = output::positions(matches, "format", args.format.len());
    let outputs = output::positions(matches, "output", args.output.len());
    let destinations = match output::plan(
        &formats
            .into_iter()
            .zip(args.format.iter().copied())
            .collect::<Vec<_>>(),
        &outputs
            .into_iter()
            .zip(args.output.iter().cloned())
            .collect::<Vec<_>>(),
    ) {
        Ok(plan) => plan,
        Err(message) => return usage_error(&message),
    };
    for path in destinations.iter().filter_map(|d| d.path.as_deref()) {
        if let Err(message) = output::check_writable(path) {
            return usage_error(&message);
        }
    }
    let trend = match &args.trend {
        None => None,
        Some(_) if !destinations.iter().any(|d| d.format == ReportFormat::Html) => {
            return usage_error("--trend is only drawn in the HTML report\n  help: add `--format html --output FILE`");
        }
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| report::html::parse_trend(&text))
        {
            Ok(trend) => Some(trend),
            Err(e) => {
                return usage_error(&format!(
                "cannot use --trend {}: {e}\n  help: give the JSON of `rungs trend --format json`",
                path.display()
            ))
            }
        },
    };

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
    let mut written = true;
    for destination in &destinations {
        let text = match destination.format {
            ReportFormat::Text => report::text::render(&report),
            ReportFormat::Json => report::json::render(&report),
            ReportFormat::Sarif => report::sarif::render(&report),
            ReportFormat::Junit => report::junit::render(&report),
            ReportFormat::Markdown => report::markdown::render(&report),
            ReportFormat::Html => report::html::render(&report, trend.as_ref()),
        };
        match &destination.path {
            None => print(&text),
            Some(path) => {
                if let Err(e) = std::fs::write(path, text) {
                    eprintln!(
                        "error: cannot write --output {}: {e}\n  help: check the path and its permissions",
                        path.display()
                    );
                    written = false;
                }
            }
        }
    }
    if scan.has_errors() || !written {
        ExitCode::from(EXIT_ERROR)
    } else if !report.gate_passed() {
        ExitCode::from(EXIT_GATE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_ERROR)
}
