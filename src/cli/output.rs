//! `rungs scan` reports: which formats go where, and writing them.
//!
//! The rule (README, docs/formats.md): `--format` and `--output` pair up in command-line order.
//! Each `--output FILE` takes the report of the `--format` just before it; a `--format` that no
//! `--output` follows goes to standard output, and only one may. No `--format`: text on stdout.

use clap::{ArgMatches, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    /// JSON Lines for query engines: a line per check result, objective, category, domain and
    /// the program.
    Jsonl,
    Sarif,
    Junit,
    Markdown,
    Html,
}

impl ReportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Text => "text",
            ReportFormat::Json => "json",
            ReportFormat::Jsonl => "jsonl",
            ReportFormat::Sarif => "sarif",
            ReportFormat::Junit => "junit",
            ReportFormat::Markdown => "markdown",
            ReportFormat::Html => "html",
        }
    }
}

/// One report to write: a format and its file, or standard output.
#[derive(Debug, PartialEq, Eq)]
pub struct Destination {
    pub format: ReportFormat,
    pub path: Option<PathBuf>,
}

/// Where each value of an option sits on the command line.
pub fn positions(matches: Option<&ArgMatches>, id: &str, count: usize) -> Vec<usize> {
    matches
        .and_then(|m| m.indices_of(id))
        .map_or_else(|| (0..count).collect(), Iterator::collect)
}

/// Pairs formats and outputs by their command-line positions.
pub fn plan(
    formats: &[(usize, ReportFormat)],
    outputs: &[(usize, PathBuf)],
) -> Result<Vec<Destination>, String> {
    if formats.is_empty() {
        if let Some((_, path)) = outputs.first() {
            return Err(format!(
                "--output {} has no --format before it\n  help: name the format first, e.g. `--format sarif --output {0}`",
                path.display()
            ));
        }
        return Ok(vec![Destination {
            format: ReportFormat::Text,
            path: None,
        }]);
    }
    let mut plan: Vec<(usize, Destination)> = formats
        .iter()
        .map(|&(at, format)| (at, Destination { format, path: None }))
        .collect();
    for (at, path) in outputs {
        if plan
            .iter()
            .any(|(_, d)| d.path.as_deref() == Some(path.as_path()))
        {
            return Err(format!("--output {} is given twice", path.display()));
        }
        let Some((_, target)) = plan.iter_mut().rev().find(|(f, _)| f < at) else {
            return Err(format!(
                "--output {} has no --format before it\n  help: name the format first, e.g. `--format sarif --output {0}`",
                path.display()
            ));
        };
        if let Some(taken) = &target.path {
            return Err(format!(
                "--format {} already writes to {}; --output {} needs a --format of its own before it",
                target.format.name(),
                taken.display(),
                path.display()
            ));
        }
        target.path = Some(path.clone());
    }
    let stdout: Vec<&str> = plan
        .iter()
        .filter(|(_, d)| d.path.is_none())
        .map(|(_, d)| d.format.name())
        .collect();
    if stdout.len() > 1 {
        return Err(format!(
            "only one report can go to standard output, but --format {} have no --output\n  help: put `--output FILE` right after each --format that should go to a file",
            stdout.join(", --format ")
        ));
    }
    Ok(plan.into_iter().map(|(_, d)| d).collect())
}

/// Checks before scanning that a file can be created at `path`: not a directory, and its parent
/// directory exists. Writing can still fail later (permissions), and is reported then.
pub fn check_writable(path: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!(
            "cannot write --output {}: it is a directory\n  help: give a file path, e.g. {}",
            path.display(),
            path.join("rungs-report").display()
        ));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(format!(
            "cannot write --output {}: directory {} does not exist\n  help: create it first (rungs writes only the files it is given)",
            path.display(),
            parent.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportFormat::*;

    fn dest(format: ReportFormat, path: Option<&str>) -> Destination {
        Destination {
            format,
            path: path.map(PathBuf::from),
        }
    }

    #[test]
    fn outputs_follow_their_format_and_the_rest_goes_to_stdout() {
        let plan = plan(
            &[(1, Sarif), (5, Markdown), (9, Text)],
            &[(3, "a.sarif".into()), (7, "b.md".into())],
        )
        .unwrap();
        assert_eq!(
            plan,
            vec![
                dest(Sarif, Some("a.sarif")),
                dest(Markdown, Some("b.md")),
                dest(Text, None)
            ]
        );
        assert_eq!(super::plan(&[], &[]).unwrap(), vec![dest(Text, None)]);
        assert_eq!(
            super::plan(&[(1, Json)], &[]).unwrap(),
            vec![dest(Json, None)]
        );
    }

    #[test]
    fn ambiguous_pairings_are_errors() {
        let e = plan(&[], &[(1, "x".into())]).unwrap_err();
        assert!(e.starts_with("--output x has no --format before it"), "{e}");
        let e = plan(&[(3, Json)], &[(1, "x".into())]).unwrap_err();
        assert!(e.starts_with("--output x has no --format before it"), "{e}");
        let e = plan(&[(1, Json)], &[(3, "a".into()), (5, "b".into())]).unwrap_err();
        assert!(e.starts_with("--format json already writes to a;"), "{e}");
        let e = plan(&[(1, Json), (5, Html)], &[(3, "a".into()), (7, "a".into())]).unwrap_err();
        assert_eq!(e, "--output a is given twice");
        let e = plan(&[(1, Json), (3, Text)], &[]).unwrap_err();
        assert!(
            e.starts_with("only one report can go to standard output, but --format json, --format text have no --output"),
            "{e}"
        );
    }
}
