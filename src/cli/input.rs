//! `rungs input`: the documents policies receive, as JSON.

use super::{exit_for, print, LoadArgs, EXIT_ERROR};
use clap::Args;
use rungs::source::{SingleFile, Source, WorkTree};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct InputArgs {
    /// Directory (or plan JSON) to load.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub load: LoadArgs,
}

pub fn run(args: InputArgs) -> ExitCode {
    if !args.path.is_dir() && !args.path.is_file() {
        eprintln!(
            "error: {} is neither a directory nor a file",
            args.path.display()
        );
        return ExitCode::from(EXIT_ERROR);
    }
    let excluded = match rungs::discover::excludes(&args.load.exclude) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let mut inputs = args.load.inputs();
    let source: Box<dyn Source> = if args.path.is_file() {
        let file = SingleFile {
            path: args.path.clone(),
        };
        inputs.explicit = Some(file.rel());
        Box::new(file)
    } else {
        inputs.root = Some(args.path.clone());
        Box::new(WorkTree::new(&args.path))
    };
    let discovery = source.discover(&excluded);
    let (documents, diagnostics) =
        rungs::load::inputs::load(source.as_ref(), &discovery, &args.load.options(), &inputs);
    // Exactly what the engine receives, `resources_by_type` included.
    let inputs: Vec<serde_json::Value> = documents
        .iter()
        .map(|d| serde_json::to_value(d.to_input()).expect("input serializes"))
        .collect();
    print(&(rungs::report::pretty::to_string_pretty(&inputs) + "\n"));
    let mut all = discovery.diagnostics;
    all.extend(diagnostics);
    for d in &all {
        eprintln!("{d}");
    }
    exit_for(&all)
}
