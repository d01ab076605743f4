//! `rungs aggregate`: many repositories' reports rolled up per repository, per team and for the
//! organisation, with the same rules as one scan.

use super::{parse_key_level, print, EXIT_ERROR, EXIT_GATE_FAILED};
use clap::{Args, ValueEnum};
use rungs::aggregate::{self, render, Teams};
use rungs::date::Date;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum AggregateFormat {
    Text,
    Json,
    Markdown,
    /// One self-contained page: a heat map of levels by team and category.
    Html,
}

#[derive(Args)]
pub struct AggregateArgs {
    /// `rungs scan --format json` reports, `--format jsonl` exports, or directories of them.
    #[arg(required = true, value_name = "REPORT")]
    pub inputs: Vec<PathBuf>,
    /// Teams: `teams: {NAME: [GLOB, ...]}` over repository names (first match wins).
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Leave out (and list) reports scanned more than DAYS days ago.
    #[arg(long, value_name = "DAYS")]
    pub max_age: Option<u32>,
    /// Maturity model the reports were made with (default: the embedded one).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Fail (exit 1) unless the organisation reaches level N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
    pub min_level: Option<u8>,
    /// Fail unless a team reaches a level: TEAM=N (repeatable).
    #[arg(long, value_name = "TEAM=N", value_parser = parse_key_level)]
    pub min_team: Vec<(String, u8)>,
    #[arg(long, value_enum, default_value_t = AggregateFormat::Text)]
    pub format: AggregateFormat,
}

pub fn run(args: AggregateArgs) -> ExitCode {
    let usage = |message: String| {
        eprintln!("error: {message}");
        ExitCode::from(EXIT_ERROR)
    };
    let model = match rungs::scan::load_model(args.model.as_ref()) {
        Ok(m) => m,
        Err(d) => return super::fail(&d),
    };
    let teams = match &args.map {
        None => Teams::default(),
        Some(path) => match rungs::read::text(path) {
            Ok(text) => match Teams::parse(&text, &path.display().to_string()) {
                Ok(t) => t,
                Err(e) => return usage(format!("invalid team map {e}")),
            },
            Err(e) => return usage(format!("cannot read {}: {e}", path.display())),
        },
    };
    let today = match Date::today() {
        Ok(d) => d,
        Err(e) => return usage(e),
    };
    let options = aggregate::Options {
        model: &model,
        teams: &teams,
        max_age: args.max_age,
        today,
    };
    let rollup = aggregate::run(&args.inputs, &options);
    let mut gates = Vec::new();
    if let Some(min) = args.min_level {
        let actual = rollup.organisation.card.level;
        gates.push(render::Gate {
            target: "organisation".into(),
            min,
            actual,
            passed: actual.is_some_and(|a| a >= min),
        });
    }
    for (team, min) in &args.min_team {
        let Some(group) = rollup.teams.iter().find(|t| &t.name == team) else {
            return usage(format!(
                "no repository belongs to team {team:?}\n  help: check --map and the repository names (`rungs aggregate` lists them)"
            ));
        };
        let actual = group.card.level;
        gates.push(render::Gate {
            target: team.clone(),
            min: *min,
            actual,
            passed: actual.is_some_and(|a| a >= *min),
        });
    }
    print(&match args.format {
        AggregateFormat::Text => render::text(&rollup, &gates),
        AggregateFormat::Json => render::json(&rollup, &gates),
        AggregateFormat::Markdown => render::markdown(&rollup, &gates),
        AggregateFormat::Html => render::html(&rollup, &gates),
    });
    if rollup.left_out.iter().any(|l| l.error) {
        ExitCode::from(EXIT_ERROR)
    } else if gates.iter().any(|g| !g.passed) {
        ExitCode::from(EXIT_GATE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}
