//! `rungs input`: the documents policies receive, as JSON.

use super::{exit_for, print, LoadArgs, EXIT_ERROR};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct InputArgs {
    /// Directory to load.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub load: LoadArgs,
}

pub fn run(args: InputArgs) -> ExitCode {
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
        rungs::load::terraform::load(&args.path, &discovery, &args.load.options());
    // Exactly what the engine receives, `resources_by_type` included.
    let inputs: Vec<serde_json::Value> = documents
        .iter()
        .map(|d| serde_json::to_value(d.to_input()).expect("input serializes"))
        .collect();
    print(&(serde_json::to_string_pretty(&inputs).expect("documents serialize") + "\n"));
    let mut all = discovery.diagnostics;
    all.extend(diagnostics);
    for d in &all {
        eprintln!("{d}");
    }
    exit_for(&all)
}
