//! What `diff`, `trend` and `scan --rev` share: the flags that shape a scan, and turning a
//! command-line argument into a source (a directory, or a revision of the repository).

use super::{LoadArgs, PolicyArgs, EXIT_ERROR};
use clap::Args;
use rungs::scan::{self, Scan};
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
    /// Pass rate an objective needs to count as met (0 < RATE <= 1).
    #[arg(long, value_name = "RATE", default_value_t = 1.0)]
    pub threshold: f64,
}

impl ScanFlags {
    pub fn options(&self, root: &Path) -> scan::Options {
        let mut options = scan::Options::new(root);
        options.excludes = self.load.exclude.clone();
        options.policies = self.policies.sources();
        options.model = self.model.clone();
        options.load = self.load.options();
        options.threshold = self.threshold;
        options
    }
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
            let scan = scan::run(&flags.options(path)).map_err(|d| fail(&d))?;
            let label = if path == Path::new(".") {
                "working tree".to_string()
            } else {
                format!("working tree ({})", path.display())
            };
            Ok(Side { label, scan })
        }
        Some(dir) if Path::new(dir).is_dir() => {
            let scan = scan::run(&flags.options(Path::new(dir))).map_err(|d| fail(&d))?;
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
            let scan = scan::run_source(&source, &flags.options(path)).map_err(|d| fail(&d))?;
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
    scan::run_source(&repo.tree(&commit, shown), options).map_err(|d| super::fail(&d))
}
