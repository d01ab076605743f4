//! `rungs trend`: maturity levels commit by commit, read from git objects, as a table, CSV,
//! JSON or an SVG chart.

use super::progress::Bar;
use super::revision::{usage, ScanFlags};
use super::{fail, print, print_report, EXIT_ERROR};
use clap::{Args, ValueEnum};
use rungs::source::git::Repo;
use rungs::trend::{self, cache::Pipeline, chart, date, disk, render, Progress, Selection, Silent};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum TrendFormat {
    Table,
    Csv,
    Json,
    /// JSON Lines: the objective, category, domain and program lines of each commit.
    Jsonl,
    Svg,
}

#[derive(Args)]
pub struct TrendArgs {
    /// Directory to follow, inside a git repository.
    #[arg(long, default_value = ".")]
    pub path: PathBuf,
    /// Commits to scan: A..B (reachable from B, not from A), A.. (up to HEAD), or REV (its
    /// history). Default: the history of HEAD.
    #[arg(long, value_name = "RANGE")]
    pub rev_range: Option<String>,
    /// Only commits made on or after this date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep only the newest N commits (after --every).
    #[arg(long, value_name = "N")]
    pub max_commits: Option<usize>,
    /// Follow only the first parent of merge commits (the default).
    #[arg(long, overrides_with = "all_parents")]
    pub first_parent: bool,
    /// Follow every parent of merge commits: all commits of merged branches too.
    #[arg(long)]
    pub all_parents: bool,
    /// Scan every Nth commit, counting from the newest (always scanned).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    pub every: u64,
    /// Show this category: a table column, or the chart's lines (the category and its domain).
    #[arg(long, value_name = "ID")]
    pub category: Option<String>,
    #[arg(long, value_enum, default_value_t = TrendFormat::Table)]
    pub format: TrendFormat,
    /// The repository's name in `--format jsonl` (default: `owner/name` from the `origin`
    /// remote, else the directory name).
    #[arg(long, value_name = "NAME")]
    pub repo_name: Option<String>,
    /// Keep evaluation results in DIR for later runs (safe to delete). Default: `rungs/cache`
    /// in the repository's git directory.
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Keep no results on disk (caches stay in memory for this run).
    #[arg(long, conflicts_with = "cache")]
    pub no_cache: bool,
    /// Scan every commit from scratch, reusing nothing, on disk or in memory (slow; for
    /// checking the caches).
    #[arg(long, conflicts_with_all = ["cache", "no_cache"])]
    pub no_reuse: bool,
    /// No progress display.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub flags: ScanFlags,
}

pub fn run(args: TrendArgs) -> ExitCode {
    let since = match args.since.as_deref().map(date::parse).transpose() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: --since: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let repo = match Repo::open(&args.path) {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let selection = Selection {
        range: args.rev_range.clone(),
        since,
        max_commits: args.max_commits,
        first_parent: !args.all_parents,
        every: args.every as usize,
    };
    let (commits, notes) = match trend::select(&repo, &selection) {
        Ok(c) => c,
        Err(e) => return usage(&e),
    };
    let options = match args.flags.options(&args.path, &args.path) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let bar = Bar::new(args.quiet);
    let progress: &dyn Progress = match &bar {
        Some(bar) => bar,
        None => &Silent,
    };
    let cache = (!args.no_cache).then(|| disk::Settings {
        dir: args
            .cache
            .clone()
            .unwrap_or_else(|| disk::default_dir(&repo.git_dir())),
        max_bytes: disk::DEFAULT_MAX_BYTES,
    });
    let rows = if args.no_reuse {
        trend::rows_uncached(&repo, &commits, &options, progress)
    } else {
        Pipeline::new(&options, cache.as_ref()).map(|mut pipeline| {
            pipeline.objectives = args.format == TrendFormat::Jsonl;
            for warning in &pipeline.warnings {
                eprintln!(
                    "warning: {warning}; continuing without a disk cache\n  help: pass --cache DIR with a writable directory, or --no-cache"
                );
            }
            pipeline.rows(&repo, &commits, progress)
        })
    };
    if let Some(bar) = &bar {
        bar.finish();
    }
    let rows = match rows {
        Ok(rows) => rows,
        Err(d) => return fail(&d),
    };
    if let (Some(id), Some(first)) = (&args.category, rows.first()) {
        if !first.categories.iter().any(|c| &c.id == id) {
            let known: Vec<&str> = first.categories.iter().map(|c| c.id.as_str()).collect();
            eprintln!(
                "error: the model has no category {id:?}\n  help: use one of {}",
                known.join(", ")
            );
            return ExitCode::from(EXIT_ERROR);
        }
    }
    if !matches!(args.format, TrendFormat::Json | TrendFormat::Jsonl) {
        for note in &notes {
            eprintln!("note: {note}");
        }
    }
    let category = args.category.as_deref();
    match args.format {
        TrendFormat::Table => print_report(render::table(&rows, category)),
        TrendFormat::Csv => print(&render::csv(&rows)),
        TrendFormat::Json => print(&render::json(&rows, &notes)),
        TrendFormat::Jsonl => {
            let (model, bundle) = match rungs::scan::identity(&options) {
                Ok(identity) => identity,
                Err(d) => return fail(&d),
            };
            let name = args.repo_name.clone().unwrap_or_else(|| repo.name());
            print(&render::jsonl(
                &rows,
                &name,
                &model,
                &bundle,
                &options.today.to_string(),
            ))
        }
        TrendFormat::Svg => print(&chart::svg(&rows, category)),
    }
    ExitCode::SUCCESS
}
