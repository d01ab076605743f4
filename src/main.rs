//! The `rungs` binary; see `cli` for the commands.

mod cli;

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

rungs::use_allocator!();

fn main() -> ExitCode {
    #[cfg(not(target_os = "linux"))]
    rungs::allocator::tune();
    // Before any thread exists: setting the environment is only sound in a single thread.
    if let Some(value) = library_backtraces(std::env::var_os("RUST_LIB_BACKTRACE").as_deref()) {
        std::env::set_var("RUST_LIB_BACKTRACE", value);
    }
    let mut command = cli::Cli::command();
    // The full version loads the embedded policies: only when it is asked for. clap keeps a
    // `&'static str` (no "string" feature); leaking one string once per run is fine.
    if std::env::args_os().any(|a| a == "--version") {
        command = command.long_version(&*cli::meta::long_version().leak());
    }
    let parsed = command
        .try_get_matches()
        .and_then(|matches| cli::Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let code = if e.use_stderr() { cli::EXIT_ERROR } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    rungs::read::set_max_file_size(cli.max_file_size);
    rungs::vm::set_max_instructions(cli.max_rego_instructions);
    rungs::vm::set_max_elements(cli.max_rego_elements);
    rungs::vm::set_max_seconds(cli.max_rego_seconds);
    cli::color::set(cli.color);
    // Deeply nested input recurses deeply (HCL expressions, Rego rules); a big stack turns what
    // would abort the process into the depth-cap diagnostics. The stack is reserved, not touched.
    // The command runs on one of the pool's threads, so work it shares starts on a thread whose
    // caches and heap parsing already warmed, and a one-thread pool does everything there.
    let pool = match rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("error: cannot start worker threads: {e}");
            return ExitCode::from(cli::EXIT_ERROR);
        }
    };
    let run = std::panic::AssertUnwindSafe(|| pool.install(|| cli.command.run(&matches)));
    let code = std::panic::catch_unwind(run).unwrap_or(ExitCode::from(cli::EXIT_ERROR));
    rungs::allocator::before_exit();
    if let Some(e) = cli::stdout_error() {
        eprintln!("error: cannot write to standard output: {e}");
        return ExitCode::from(cli::EXIT_ERROR);
    }
    code
}

/// Stack of the thread running the command: 256 MiB of address space.
const STACK_SIZE: usize = 256 * 1024 * 1024;

/// The `RUST_LIB_BACKTRACE` to set, given its current value: "0" when unset. Without it,
/// `RUST_BACKTRACE=1` (common on CI and developer machines) makes anyhow capture a backtrace for
/// every error it builds, and regorus' parser builds one per backtracking step: a third of a
/// small scan's instructions (docs/performance.md). rungs never shows those backtraces; panic
/// backtraces still follow `RUST_BACKTRACE`, and a value the user set is kept.
fn library_backtraces(current: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    current.is_none().then_some("0")
}

#[cfg(test)]
mod tests {
    use super::library_backtraces;
    use std::ffi::OsStr;

    #[test]
    fn library_backtraces_are_off_unless_asked_for() {
        assert_eq!(library_backtraces(None), Some("0"));
        assert_eq!(library_backtraces(Some(OsStr::new("1"))), None);
        assert_eq!(library_backtraces(Some(OsStr::new("0"))), None);
        assert_eq!(library_backtraces(Some(OsStr::new(""))), None);
    }
}
