//! `rungs model show`: the model tree, with the policies that evidence each objective.

use super::{exit_for, fail, print, Format, PolicyArgs};
use clap::{Args, Subcommand};
use rungs::model::Evidence;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ModelCommand {
    /// Print domains, categories and objectives, with the policies citing each objective.
    Show(ShowArgs),
}

#[derive(Args)]
pub struct ShowArgs {
    /// Maturity model to show (default: the embedded one).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    #[command(flatten)]
    pub policies: PolicyArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(command: ModelCommand) -> ExitCode {
    match command {
        ModelCommand::Show(args) => show(args),
    }
}

fn show(args: ShowArgs) -> ExitCode {
    let model = match rungs::scan::load_model(args.model.as_ref()) {
        Ok(m) => m,
        Err(d) => return fail(&d),
    };
    let (bundle, diagnostics) = rungs::policy::load(&args.policies.sources());
    for d in &diagnostics {
        eprintln!("{d}");
    }
    let mut citing: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in &bundle.policies {
        for c in &p.meta.controls {
            citing
                .entry(c.as_str())
                .or_default()
                .push(p.meta.id.as_str());
        }
    }
    match args.format {
        Format::Json => {
            let domains: Vec<_> = model
                .domains
                .iter()
                .map(|d| {
                    let categories: Vec<_> = d
                        .categories
                        .iter()
                        .map(|c| {
                            let objectives: Vec<_> = c
                                .objectives
                                .iter()
                                .map(|o| serde_json::json!({"id": o.id, "level": o.level, "title": o.title, "evidence": o.evidence, "policies": citing.get(o.id.as_str()).cloned().unwrap_or_default()}))
                                .collect();
                            serde_json::json!({"id": c.id, "name": c.name, "provisional": c.provisional, "objectives": objectives})
                        })
                        .collect();
                    serde_json::json!({"id": d.id, "name": d.name, "categories": categories})
                })
                .collect();
            let out = serde_json::json!({"model": model.model, "levels": model.levels, "domains": domains});
            print(&(rungs::report::pretty::to_string_pretty(&out) + "\n"));
        }
        Format::Text => {
            let mut out = format!("{}\n", model.model.title());
            for d in &model.domains {
                out.push_str(&format!("\n{}\n", d.name));
                for c in &d.categories {
                    let mark = if c.provisional { " (provisional)" } else { "" };
                    out.push_str(&format!("  {} {}{mark}\n", c.id, c.name));
                    for o in &c.objectives {
                        let evidence = match o.evidence {
                            Evidence::Automated => "automated",
                            Evidence::Attested => "attested",
                            Evidence::Either => "either",
                        };
                        let policies = citing
                            .get(o.id.as_str())
                            .map_or(String::new(), |p| p.join(", "));
                        out.push_str(&format!(
                            "    {:<8} L{} {:<9} {}\n",
                            o.id, o.level, evidence, o.title
                        ));
                        if !policies.is_empty() {
                            out.push_str(&format!("{:<25}<- {policies}\n", ""));
                        }
                    }
                }
            }
            print(&rungs::report::visible(out));
        }
    }
    exit_for(&diagnostics)
}
