//! What `diff`, `trend` and `scan --rev` share: the flags that shape a scan, and turning a
//! command-line argument into a source (a directory, or a revision of the repository).

use super::{LoadArgs, PolicyArgs, EXIT_ERROR};
use clap::Args;
use rungs::config::{self, Pattern, Selection};
use rungs::date::Date;
use rungs::scan::{self, Scan};
use rungs::scope::{Origin, Scope, Scoping};
use rungs::source::git::{CommitInfo, Repo};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Clone)]
pub struct ScanFlags {
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Maturity model YAML to use instead of the embedded CSMM-aligned model.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Pass rate an objective needs to count as met (0 < RATE <= 1) when no critical or high
    /// policy fails it [default: config, else 0.9].
    #[arg(long, value_name = "RATE")]
    pub threshold: Option<f64>,
    /// What the repository is: estate, workload or module [default: config, else detected].
    #[arg(long, value_name = "SCOPE", value_parser = parse_scope)]
    pub scope: Option<Scope>,
    /// Objectives only a person can evidence block their level until attested.
    #[arg(long)]
    pub strict: bool,
    /// Run only the policies matching this id or glob (repeatable).
    #[arg(long = "check", value_name = "ID|GLOB", value_parser = Pattern::new)]
    pub check: Vec<Pattern>,
    /// Leave out the policies matching this id or glob (repeatable).
    #[arg(long = "skip-check", value_name = "ID|GLOB", value_parser = Pattern::new)]
    pub skip_check: Vec<Pattern>,
    /// Config file to use instead of `.rungs.yaml` in the scanned directory (of the working tree).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl ScanFlags {
    /// Scan options for `root`, with the config found in the working tree at `config_dir` (or
    /// `--config`). Single values given as flags replace the config's, lists add to them. For
    /// `diff` and `trend`, both sides and every commit are judged by the same policies, model,
    /// suppressions and attestations, so only the Terraform changes.
    pub fn options(&self, root: &Path, config_dir: &Path) -> Result<scan::Options, ExitCode> {
        let today = Date::today().map_err(|message| {
            eprintln!("error: {message}\n  help: unset it to use the system date");
            ExitCode::from(EXIT_ERROR)
        })?;
        let config =
            config::find(config_dir, self.config.as_deref()).map_err(|d| super::fail(&d))?;
        let mut options = scan::Options::new(root);
        if let Some(c) = &config {
            options.policies.dirs = c.policies.clone();
            options.policies.defaults = c.default_policies;
            options.model = c.model.clone();
            options.excludes = c.exclude.clone();
            options.threshold = c.threshold.unwrap_or(options.threshold);
            options.baseline = c.baseline.clone();
        }
        options.excludes.extend(self.load.exclude.iter().cloned());
        let flags = self.policies.sources();
        options.policies.dirs.extend(flags.dirs);
        options.policies.defaults &= flags.defaults;
        options.model = self.model.clone().or(options.model);
        options.threshold = self.threshold.unwrap_or(options.threshold);
        let configured = config
            .as_ref()
            .and_then(|c| c.scope)
            .map(|s| Scoping::given(s, Origin::Config));
        options.scope = match self.scope {
            Some(s) => Some(Scoping::given(s, Origin::Flag)),
            None => configured,
        };
        options.strict = self.strict || config.as_ref().and_then(|c| c.strict).unwrap_or(false);
        options.selection = Selection {
            only: self.check.clone(),
            skip: self.skip_check.clone(),
        };
        options.load = self.load.options();
        options.inputs = self.load.inputs();
        options.today = today;
        options.config = config;
        Ok(options)
    }
}

fn parse_scope(text: &str) -> Result<Scope, String> {
    Scope::parse(text).ok_or_else(|| format!("expected estate, workload or module, got {text:?}"))
}

/// Prints a repository or revision problem and gives the usage exit code.
pub fn usage(e: &rungs::source::git::Error) -> ExitCode {
    eprintln!("{e}");
    ExitCode::from(EXIT_ERROR)
}

/// `REV (abc1234)`, or just the id when the revision is one.
pub fn label(rev: &str, commit: &CommitInfo) -> String {
    let short = commit.short();
    if commit.id.to_string().starts_with(rev) {
        short
    } else {
        format!("{rev} ({short})")
    }
}

/// One side of a comparison, scanned.
pub struct Side {
    pub label: String,
    pub scan: Scan,
}

/// Scans `arg`: an existing directory, else a revision of the repository holding `path`
/// (scanning `path` inside it). `None` scans the working tree at `path`.
pub fn scan_side(
    arg: Option<&str>,
    path: &Path,
    repo: &mut Option<Repo>,
    flags: &ScanFlags,
) -> Result<Side, ExitCode> {
    let fail = |d: &rungs::diagnostics::Diagnostic| super::fail(d);
    match arg {
        None => {
            let scan = scan::run(&flags.options(path, path)?).map_err(|d| fail(&d))?;
            let label = if path == Path::new(".") {
                "working tree".to_string()
            } else {
                format!("working tree ({})", path.display())
            };
            Ok(Side { label, scan })
        }
        Some(dir) if Path::new(dir).is_dir() || Path::new(dir).is_file() => {
            let dir_path = Path::new(dir);
            let scan = scan::run(&flags.options(dir_path, dir_path)?).map_err(|d| fail(&d))?;
            Ok(Side {
                label: dir.to_string(),
                scan,
            })
        }
        Some(rev) => {
            if repo.is_none() {
                *repo = Some(Repo::open(path).map_err(|e| usage(&e))?);
            }
            let repo = repo.as_ref().expect("opened above");
            let commit = repo.resolve(rev).map_err(|e| usage(&e))?;
            let label = label(rev, &commit);
            if commit.tree.is_none() {
                eprintln!(
                    "note: {} does not exist at {label}; it counts as empty",
                    display_subdir(repo)
                );
            }
            let source = repo.tree(&commit, label.clone());
            let scan =
                scan::run_source(&source, &flags.options(path, path)?).map_err(|d| fail(&d))?;
            Ok(Side { label, scan })
        }
    }
}

fn display_subdir(repo: &Repo) -> String {
    if repo.subdir.is_empty() {
        "the repository root".to_string()
    } else {
        format!("{}/", repo.subdir)
    }
}

/// Scans `path` at `rev` for `rungs scan --rev`.
pub fn scan_revision(rev: &str, path: &Path, options: &scan::Options) -> Result<Scan, ExitCode> {
    let repo = Repo::open(path).map_err(|e| usage(&e))?;
    let commit = repo.resolve(rev).map_err(|e| usage(&e))?;
    let label = label(rev, &commit);
    if commit.tree.is_none() {
        eprintln!(
            "error: {} does not exist at {label}\n  help: pick a revision where it exists, or scan another --path",
            display_subdir(&repo)
        );
        return Err(ExitCode::from(EXIT_ERROR));
    }
    let shown = format!("{} @ {label}", path.display());
    let tree = repo.tree(&commit, shown);
    let mut scanned = scan::run_source(&tree, options).map_err(|d| super::fail(&d))?;
    // The text report's excerpts come from the revision, never from the working tree.
    scanned.excerpts = scan::excerpt_lines(&tree, &scanned.diagnostics);
    Ok(scanned)
}
