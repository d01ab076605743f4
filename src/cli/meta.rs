//! What describes the binary: `--version` in full, shell completions, man pages.

use super::{print, Cli, EXIT_ERROR};
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::process::ExitCode;

/// `--version`: the version, the commit built from, the embedded policies and the model.
pub fn long_version() -> String {
    let (bundle, _) = rungs::policy::load(&rungs::policy::Sources {
        defaults: true,
        dirs: Vec::new(),
        embedded_tests: false,
    });
    let model = rungs::model::Model::embedded().map_or_else(
        |_| "invalid".to_string(),
        |m| format!("{} {}", m.model.id, m.model.version),
    );
    format!(
        "{}\ncommit: {}\npolicies: {} embedded, content hash {}\nmodel: {model}",
        env!("CARGO_PKG_VERSION"),
        env!("RUNGS_COMMIT"),
        bundle.policies.len(),
        rungs::embedded::POLICIES_HASH,
    )
}

#[derive(Args)]
pub struct CompletionsArgs {
    /// Shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// `rungs completions SHELL`: the completion script on standard output.
pub fn completions(args: CompletionsArgs) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "rungs", &mut out);
    print(&String::from_utf8_lossy(&out));
    ExitCode::SUCCESS
}

#[derive(Args)]
pub struct ManArgs {
    /// Command whose page to print, e.g. `scan` or `policy list`; rungs(1) when omitted.
    pub command: Vec<String>,
}

/// `rungs man [COMMAND...]`: a roff man page on standard output, one per command as git does
/// (`rungs man scan` is rungs-scan(1)).
pub fn man(args: ManArgs) -> ExitCode {
    let mut cmd = Cli::command();
    // Names subcommands `rungs-scan` and gives them the global options.
    cmd.build();
    let mut page = &cmd;
    for name in &args.command {
        match page.find_subcommand(name) {
            Some(sub) => page = sub,
            None => {
                eprintln!(
                    "error: rungs has no command {:?}\n  help: `rungs --help` lists them",
                    args.command.join(" ")
                );
                return ExitCode::from(EXIT_ERROR);
            }
        }
    }
    let mut out = Vec::new();
    let manual = clap_mangen::Man::new(page.clone())
        .source(format!("rungs {}", env!("CARGO_PKG_VERSION")))
        .manual("rungs manual");
    if let Err(e) = manual.render(&mut out) {
        eprintln!("error: cannot render the man page: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    print(&String::from_utf8_lossy(&out));
    ExitCode::SUCCESS
}
