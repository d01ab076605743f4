//! `rungs scan`: the maturity report and the gate. Settings come from the config file, then
//! flags: single values given as flags replace the config's, lists add to them.

use super::output::{self, ReportFormat};
use super::revision::ScanFlags;
use super::{
    eprint_text, fail, parse_key_level, print, print_report, EXIT_ERROR, EXIT_GATE_FAILED,
};
use clap::{ArgMatches, Args};
use rungs::config::{Named, Targets};
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
    pub flags: ScanFlags,
    #[command(flatten)]
    pub gate: GateArgs,
    /// Report format (repeatable). Each goes to the --output right after it, or to stdout.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Vec<ReportFormat>,
    /// File for the report of the --format just before it (repeatable).
    #[arg(long, value_name = "FILE")]
    pub output: Vec<PathBuf>,
    /// Trend JSON to chart in the HTML report: what `rungs trend --format json` writes.
    #[arg(long, value_name = "FILE")]
    pub trend: Option<PathBuf>,
    /// Waive the failures listed in this baseline (written by --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the current failures, levels and scores to FILE as a baseline (only that file is
    /// written).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Scan PATH as it is at this git revision, read from the repository without checking out.
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
    /// The repository's name in JSON and JSONL reports (default: `owner/name` from the `origin`
    /// remote, else the directory name).
    #[arg(long, value_name = "NAME")]
    pub repo_name: Option<String>,
    /// Fail (exit 1) when any level, or the program score, is below what the baseline
    /// recorded (needs --baseline or `baseline:` written by this version).
    #[arg(long)]
    pub fail_on_level_drop: bool,
    #[command(flatten)]
    pub verbosity: super::Verbosity,
    /// No source excerpts under the text report's problems.
    #[arg(long)]
    pub compact: bool,
    /// Report as usual, but exit 0 when the gate fails; usage, configuration and input errors
    /// still exit 2.
    #[arg(long)]
    pub soft_fail: bool,
}

/// Level targets: the gate of `scan`, the goals of `plan`.
#[derive(Args)]
pub struct GateArgs {
    /// Fail (exit 1) unless the program level is at least N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
    pub min_level: Option<u8>,
    /// Fail unless a domain reaches a level: DOMAIN=N, e.g. foundational=2 (repeatable).
    #[arg(long, value_name = "DOMAIN=N", value_parser = parse_key_level)]
    pub min_domain: Vec<(String, u8)>,
    /// Fail unless a category reaches a level: CATEGORY=N, e.g. IAM=3 (repeatable).
    #[arg(long, value_name = "CATEGORY=N", value_parser = parse_key_level)]
    pub min_category: Vec<(String, u8)>,
}

/// Config targets, with flags for the same id (case-insensitive) replacing them.
fn merge_targets(config: &[Named<u8>], flags: &[(String, u8)]) -> Vec<(String, u8)> {
    config
        .iter()
        .filter(|t| !flags.iter().any(|(id, _)| id.eq_ignore_ascii_case(&t.id)))
        .map(|t| (t.id.clone(), t.value))
        .chain(flags.iter().cloned())
        .collect()
}

/// The gate: the config's targets, flags replacing the same target.
pub fn requirements(args: &GateArgs, targets: &Targets) -> Vec<Requirement> {
    let mut out = Vec::new();
    if let Some(min) = args.min_level.or(targets.program) {
        out.push(Requirement::level(Target::Program, min));
    }
    for (id, min) in merge_targets(&targets.domains, &args.min_domain) {
        out.push(Requirement::level(Target::Domain(id), min));
    }
    out.extend(
        merge_targets(&targets.categories, &args.min_category)
            .into_iter()
            .map(|(id, min)| Requirement::level(Target::Category(id), min)),
    );
    out
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
        Some(path) => match rungs::read::text(path)
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

    let mut options = match args.flags.options(&args.path, &args.path) {
        Ok(options) => options,
        Err(code) => return code,
    };
    options.baseline = args.baseline.clone().or(options.baseline);
    let no_targets = Targets::default();
    let targets = options.config.as_ref().map_or(&no_targets, |c| &c.targets);
    let requirements = requirements(&args.gate, targets);
    options.targets = requirements.clone();

    let scanned = match &args.rev {
        Some(rev) => super::revision::scan_revision(rev, &args.path, &options),
        None => scan::run(&options).map_err(|d| fail(&d)),
    };
    let mut scan = match scanned {
        Ok(scan) => scan,
        Err(code) => return code,
    };
    if args.verbosity.verbose {
        scan.notes
            .iter()
            .for_each(|n| eprintln!("{}", rungs::report::visible(format!("note: {n}"))));
    }
    scan.provenance = rungs::scan::Provenance::of(&args.path, args.rev.as_deref(), options.today);
    if let Some(name) = &args.repo_name {
        scan.provenance.repository = name.clone();
    }
    if let Some(config) = &options.config {
        let unknown = config.unknown_targets(&scan.model);
        if !unknown.is_empty() {
            unknown.iter().for_each(|d| eprintln!("{d}"));
            return ExitCode::from(EXIT_ERROR);
        }
    }
    let mut requirements = requirements;
    if args.fail_on_level_drop {
        match scan.baseline.as_ref().filter(|b| !b.levels.is_empty()) {
            Some(b) => requirements.extend(scan::drop_requirements(&b.levels, &scan.scorecard)),
            None => {
                return usage_error("--fail-on-level-drop needs a baseline that records levels\n  help: write one with `rungs scan --write-baseline FILE` and pass it with --baseline FILE");
            }
        }
    }
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
    let text_options = report::text::Options {
        quiet: args.verbosity.quiet,
        compact: args.compact,
        verbose: args.verbosity.verbose,
    };
    let mut written = true;
    for destination in &destinations {
        let text = match destination.format {
            // Colour only on standard output.
            ReportFormat::Text if destination.path.is_none() => {
                print_report(report::text::render(&report, &text_options));
                continue;
            }
            ReportFormat::Text => report::visible(report::text::render(&report, &text_options)),
            ReportFormat::Json => report::json::render(&report),
            ReportFormat::Jsonl => report::jsonl::render(&report),
            ReportFormat::Sarif => report::sarif::render(&report),
            ReportFormat::Junit => report::junit::render(&report),
            ReportFormat::Markdown => report::visible(report::markdown::render(&report)),
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
    // The report went to files or is a machine format: a line for the log says how it went.
    let text_on_stdout = destinations
        .iter()
        .any(|d| d.format == ReportFormat::Text && d.path.is_none());
    if !text_on_stdout {
        let wrote: Vec<String> = destinations
            .iter()
            .map(|d| match &d.path {
                Some(path) => format!("{} to {}", d.format.name(), path.display()),
                None => format!("{} to standard output", d.format.name()),
            })
            .collect();
        eprint_text(format!(
            "{} · wrote {}",
            report.summary_line(),
            wrote.join(", ")
        ));
    }
    if let Some(path) = &args.write_baseline {
        let (text, count) = scan.baseline();
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write baseline {}: {e}", path.display());
            return ExitCode::from(EXIT_ERROR);
        }
        eprintln!("wrote {count} findings to baseline {}", path.display());
    }
    if scan.has_errors() || !written {
        ExitCode::from(EXIT_ERROR)
    } else if !report.gate_passed() && !args.soft_fail {
        ExitCode::from(EXIT_GATE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprint_text(format!("error: {message}"));
    ExitCode::from(EXIT_ERROR)
}
