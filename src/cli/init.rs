//! `rungs init`: write a commented `.rungs.yaml` into a directory, and nowhere else.

use super::EXIT_ERROR;
use clap::Args;
use rungs::config::{FILE_NAME, TEMPLATE};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct InitArgs {
    /// Directory to write `.rungs.yaml` into (the scan root).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Overwrite an existing `.rungs.yaml`.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> ExitCode {
    let error = |message: String, help: &str| {
        eprintln!("error: {message}\n  help: {help}");
        ExitCode::from(EXIT_ERROR)
    };
    if !args.path.is_dir() {
        return error(
            format!("{} is not a directory", args.path.display()),
            "pass the directory you scan, e.g. `rungs init infra/`",
        );
    }
    let file = args.path.join(FILE_NAME);
    let existing = std::fs::symlink_metadata(&file).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.file_type().is_symlink())
    {
        // Writing through a link could land outside the directory.
        return error(
            format!("{} is a symbolic link", file.display()),
            "remove the link first; rungs only writes the file itself",
        );
    }
    if let Some(meta) = existing.as_ref().filter(|m| !m.file_type().is_file()) {
        // Opening a FIFO for writing would block; a directory cannot be replaced.
        return error(
            format!(
                "{} is {}, not a regular file",
                file.display(),
                rungs::read::kind(&meta.file_type())
            ),
            "remove it first; rungs only writes a regular file",
        );
    }
    if existing.is_some() && !args.force {
        return error(
            format!("{} already exists", file.display()),
            "pass --force to overwrite it",
        );
    }
    let opened = if args.force {
        std::fs::File::create(&file)
    } else {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file)
    };
    match opened.and_then(|mut f| f.write_all(TEMPLATE.as_bytes())) {
        Ok(()) => {
            super::print(&format!("wrote {}\n", file.display()));
            ExitCode::SUCCESS
        }
        Err(e) => error(
            format!("cannot write {}: {e}", file.display()),
            "check the directory's permissions",
        ),
    }
}
