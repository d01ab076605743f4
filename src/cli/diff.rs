//! `rungs diff BASE [HEAD]`: findings new, fixed and unchanged, and level changes, between two
//! revisions or directories; `--fail-on-regression` for pull-request gates.

use super::revision::{scan_side, ScanFlags};
use super::{print, print_report, EXIT_ERROR, EXIT_GATE_FAILED};
use clap::{Args, ValueEnum};
use rungs::diagnostics::Code;
use rungs::diff::render::{self, DiffReport};
use rungs::diff::Diff;
use rungs::policy::Severity;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
            SeverityArg::Critical => Severity::Critical,
        }
    }
}

#[derive(Args)]
pub struct DiffArgs {
    /// Base: a revision (branch, tag, commit id, HEAD~1), a directory or a plan JSON.
    pub base: String,
    /// Head: a revision, a directory or a plan JSON; the working tree at --path when omitted.
    pub head: Option<String>,
    /// Directory to scan; for revisions, the same directory inside the repository.
    #[arg(long, default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub flags: ScanFlags,
    /// Exit 1 when a level drops or a new finding at or above --severity appears.
    #[arg(long)]
    pub fail_on_regression: bool,
    /// Exit 1 when any level drops or the program score goes down (new findings alone do not
    /// fail it).
    #[arg(long)]
    pub fail_on_level_drop: bool,
    /// Lowest severity of a new finding that counts as a regression.
    #[arg(long, value_enum, default_value_t = SeverityArg::Info)]
    pub severity: SeverityArg,
    /// Output format; markdown suits a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub verbosity: super::Verbosity,
    /// Report as usual, but exit 0 when --fail-on-regression or --fail-on-level-drop fails
    /// (errors still exit 2).
    #[arg(long)]
    pub soft_fail: bool,
    /// Prefix for file links in Markdown, e.g. https://github.com/org/repo/blob/SHA/ (default:
    /// paths relative to the repository root).
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,
}

/// Diagnostics meaning files of a side were left out: unreadable, unparsable, skipped.
const UNREAD: &[Code] = &[
    Code::Unreadable,
    Code::InvalidUtf8,
    Code::HclSyntax,
    Code::JsonSyntax,
    Code::Walk,
    Code::NotRegularFile,
    Code::OutsideRoot,
    Code::FileTooLarge,
];

pub fn run(args: DiffArgs) -> ExitCode {
    let mut repo = None;
    let base = match scan_side(Some(&args.base), &args.path, &mut repo, &args.flags) {
        Ok(side) => side,
        Err(code) => return code,
    };
    let head = match scan_side(args.head.as_deref(), &args.path, &mut repo, &args.flags) {
        Ok(side) => side,
        Err(code) => return code,
    };
    // A head not read in full would show the findings of what it left out as fixed: no diff
    // then. A broken base is fine: fixing a broken file is a change worth reviewing.
    let unread: Vec<_> = head
        .scan
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && UNREAD.contains(&d.code))
        .collect();
    if !unread.is_empty() {
        for d in unread {
            super::eprint_text(d.to_string());
        }
        eprintln!(
                "error: {} could not be read in full, so no diff is reported (its findings would show as fixed)\n  help: fix the files above, or --exclude them",
                head.label
            );
        return ExitCode::from(EXIT_ERROR);
    }
    let diff = Diff::new(&base.scan, &head.scan);
    // Links are relative to the repository root: prefix the scanned directory's path in it.
    let link_base = args.link_base.clone().unwrap_or_else(|| match &repo {
        Some(r) if !r.subdir.is_empty() => format!("{}/", r.subdir),
        _ => String::new(),
    });
    let report = DiffReport {
        base_label: &base.label,
        head_label: &head.label,
        base: &base.scan,
        head: &head.scan,
        diff: &diff,
        severity: args.severity.into(),
        link_base: &link_base,
    };
    match args.format {
        DiffFormat::Text => print_report(render::text(
            &report,
            args.verbosity.quiet,
            args.verbosity.verbose,
        )),
        DiffFormat::Json => print(&render::json(&report)),
        DiffFormat::Markdown => print(&rungs::report::visible(render::markdown(&report))),
    }
    if head.scan.has_errors() {
        ExitCode::from(EXIT_ERROR)
    } else if !args.soft_fail
        && ((args.fail_on_regression && report.regressions().any())
            || (args.fail_on_level_drop && diff.level_dropped()))
    {
        ExitCode::from(EXIT_GATE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}
