//! `rungs plan`: the roadmap. For every category below its target (config targets, `--min-*`,
//! or else the next level), the changes that lift it, best yield first.

use super::revision::ScanFlags;
use super::scan::{requirements, GateArgs};
use super::{fail, EXIT_ERROR};
use super::{print, print_report};
use clap::{Args, ValueEnum};
use rungs::config::Targets;
use rungs::report;
use rungs::scan;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Args)]
pub struct PlanArgs {
    /// Directory to plan for.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub flags: ScanFlags,
    #[command(flatten)]
    pub gate: GateArgs,
    #[command(flatten)]
    pub verbosity: super::Verbosity,
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// Prefix for file links in Markdown, e.g. https://github.com/org/repo/blob/SHA/.
    #[arg(long, value_name = "URL", default_value = "")]
    pub link_base: String,
}

pub fn run(args: PlanArgs) -> ExitCode {
    let mut options = match args.flags.options(&args.path, &args.path) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let no_targets = Targets::default();
    let targets = options.config.as_ref().map_or(&no_targets, |c| &c.targets);
    options.targets = requirements(&args.gate, targets);
    let scan = match scan::run(&options) {
        Ok(scan) => scan,
        Err(d) => return fail(&d),
    };
    args.verbosity.eprint(&scan.diagnostics);
    let link = |file: &str, line: Option<usize>| match line {
        Some(l) => format!("[{file}:{l}]({}{file}#L{l})", args.link_base),
        None => format!("[{file}]({}{file})", args.link_base),
    };
    match args.format {
        PlanFormat::Text => print_report(report::plan::text(&scan.plan)),
        PlanFormat::Markdown => print(&report::visible(report::plan::markdown(&scan.plan, &link))),
        PlanFormat::Json => {
            let mut s = report::pretty::to_string_pretty(&serde_json::json!({
                "schema_version": report::json::SCHEMA_VERSION,
                "scope": scan.scorecard.scope,
                "level": scan.scorecard.level,
                "score": scan.scorecard.score,
                "plan": scan.plan,
            }));
            s.push('\n');
            print(&s);
        }
    }
    if scan.has_errors() {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}
