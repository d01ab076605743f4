//! Every input of a scan: Terraform root modules, plans (`--plan`, or found in the tree by
//! content) and the file given instead of a directory (`rungs scan plan.json`).

use super::cloudformation;
use super::kubernetes;
use super::plan;
use super::terraform;
use super::Document;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::discover::Discovery;
use crate::read::ReadError;
use crate::source::Source;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--plan FILE`: the plan of the scanned directory; it replaces the HCL document of the
    /// root it was made from, whose files and lines it takes.
    pub plan: Option<PathBuf>,
    /// The one data file of a file scan (`rungs scan plan.json`): not recognising it is an
    /// error instead of a skip.
    pub explicit: Option<String>,
    /// The scanned directory, when it is one: a `--plan` inside it is not judged twice.
    pub root: Option<PathBuf>,
    /// `--cfn-param NAME=VALUE`: CloudFormation parameter values, over their defaults.
    pub cfn_params: Vec<(String, String)>,
}

/// Loads Terraform, then the plan and the data files that are plans.
pub fn load(
    source: &dyn Source,
    discovery: &Discovery,
    terraform: &terraform::Options,
    options: &Options,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let (mut documents, mut diagnostics) = terraform::load_from(source, discovery, terraform);
    if let Some(path) = &options.plan {
        let shown = path.display().to_string();
        match crate::read::text(path) {
            Err(e) => diagnostics.push(
                Diagnostic::error(e.code(Code::Unreadable), format!("cannot read --plan: {e}"))
                    .at(Location::file(&shown))
                    .help(e.help().unwrap_or_else(|| {
                        "give the JSON of `terraform show -json PLANFILE`".into()
                    })),
            ),
            Ok(text) => with_source(&shown, &text, &mut documents, &mut diagnostics),
        }
    }
    let given = options.plan.as_ref().and_then(|p| p.canonicalize().ok());
    let rels: Vec<String> = discovery
        .data_files
        .iter()
        .filter(|rel| {
            let inside = options.root.as_ref().map(|r| r.join(rel));
            given.is_none() || inside.and_then(|p| p.canonicalize().ok()) != given
        })
        .cloned()
        .collect();
    for (document, mut problems) in data_files(&rels, &|rel| source.read(rel), options) {
        documents.extend(document);
        diagnostics.append(&mut problems);
    }
    (documents, diagnostics)
}

/// What one data file holds.
enum Loaded {
    Document(Document),
    /// A template, and the templates it nests (read into it).
    Template(Document, BTreeSet<String>),
    Manifests(Vec<kubernetes::Object>),
    Nothing,
}

/// The data files of a scan (`rels`, repo-relative, read with `read`): one document per plan
/// or template, then one per directory holding Kubernetes manifests; each with its problems.
/// Entries without a document carry the problems of files that gave nothing.
pub fn data_files(
    rels: &[String],
    read: &dyn Fn(&str) -> std::io::Result<Vec<u8>>,
    options: &Options,
) -> Vec<(Option<Document>, Vec<Diagnostic>)> {
    let mut out = Vec::new();
    let charts = helm_charts(rels);
    let mut warned = std::collections::BTreeSet::new();
    // Directory -> (manifest files, objects, problems).
    type Set = (Vec<String>, Vec<kubernetes::Object>, Vec<Diagnostic>);
    let mut manifests: BTreeMap<String, Set> = BTreeMap::new();
    let mut templates = Vec::new();
    // Nested templates are also data files: each is parsed once, for all its uses.
    let parsed = cloudformation::Templates::default();
    for rel in rels {
        if let Some(chart) = charts.iter().find(|c| in_templates(c, rel)) {
            if warned.insert(chart.clone()) {
                out.push((
                    None,
                    vec![Diagnostic::warning(
                        Code::ManifestInvalid,
                        "Helm chart: rungs does not render templates, so the chart's templates/ were not judged",
                    )
                    .at(Location::file(chart_file(chart)))
                    .help("scan the rendered manifests instead: `helm template NAME CHART > rendered.yaml`")],
                ));
            }
            continue;
        }
        let (loaded, problems) = data_file(rel, read(rel), read, &parsed, options);
        match loaded {
            Loaded::Document(d) => out.push((Some(d), problems)),
            Loaded::Template(d, nested) => templates.push((rel.clone(), d, problems, nested)),
            Loaded::Manifests(objects) => {
                let dir = if options.explicit.as_deref() == Some(rel.as_str()) {
                    ".".to_string()
                } else {
                    rel.rfind('/').map_or(".".into(), |i| rel[..i].to_string())
                };
                let set = manifests.entry(dir).or_default();
                set.0.push(rel.clone());
                set.1.extend(objects);
                set.2.extend(problems);
            }
            Loaded::Nothing => out.push((None, problems)),
        }
    }
    out.extend(top_templates(templates));
    for (dir, (files, objects, mut problems)) in manifests {
        if objects.is_empty() {
            out.push((None, problems));
            continue;
        }
        let (document, mut more) = kubernetes::document(&dir, files, objects);
        problems.append(&mut more);
        out.push((Some(document), problems));
    }
    out
}

/// The templates judged on their own: those no other template of the scan nests (a nested
/// one is judged inside each template that nests it, with the parameters it passes). Among
/// templates that only nest each other (a cycle), the one nesting the most, first by path,
/// is judged and holds the others. Problems repeated by a template nested twice are kept once.
fn top_templates(
    mut templates: Vec<(String, Document, Vec<Diagnostic>, BTreeSet<String>)>,
) -> Vec<(Option<Document>, Vec<Diagnostic>)> {
    let nested: BTreeSet<&String> = templates.iter().flat_map(|t| &t.3).collect();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let mut keep = vec![false; templates.len()];
    for (i, t) in templates.iter().enumerate() {
        if !nested.contains(&t.0) {
            keep[i] = true;
            covered.extend(t.3.iter().cloned());
        }
    }
    let mut rest: Vec<usize> = (0..templates.len()).filter(|i| !keep[*i]).collect();
    rest.sort_by_key(|i| {
        (
            std::cmp::Reverse(templates[*i].3.len()),
            templates[*i].0.clone(),
        )
    });
    for i in rest {
        if covered.insert(templates[i].0.clone()) {
            keep[i] = true;
            covered.extend(templates[i].3.iter().cloned());
        }
    }
    let mut seen: Vec<Diagnostic> = Vec::new();
    let mut out = Vec::new();
    for (i, (_, document, problems, _)) in templates.drain(..).enumerate() {
        if keep[i] {
            let problems: Vec<Diagnostic> = problems
                .into_iter()
                .filter(|d| {
                    let new = !seen.contains(d);
                    if new {
                        seen.push(d.clone());
                    }
                    new
                })
                .collect();
            out.push((Some(document), problems));
        }
    }
    out
}

/// Directories holding a Helm `Chart.yaml` among the data files (`.` for the scan root).
fn helm_charts(rels: &[String]) -> Vec<String> {
    rels.iter()
        .filter_map(|rel| match rel.rsplit_once('/') {
            Some((dir, "Chart.yaml")) => Some(dir.to_string()),
            None if rel == "Chart.yaml" => Some(".".to_string()),
            _ => None,
        })
        .collect()
}

fn chart_file(chart: &str) -> String {
    if chart == "." {
        "Chart.yaml".into()
    } else {
        format!("{chart}/Chart.yaml")
    }
}

/// Whether `rel` is under the `templates/` directory of the chart in `chart`.
fn in_templates(chart: &str, rel: &str) -> bool {
    let prefix = if chart == "." {
        "templates/".to_string()
    } else {
        format!("{chart}/templates/")
    };
    rel.starts_with(&prefix)
}

/// One data file: the document it holds when it is a plan or a template, the objects when it
/// holds manifests, and its problems. `read` is the result of reading it; only what is known
/// to be an input is an error.
fn data_file(
    rel: &str,
    read: std::io::Result<Vec<u8>>,
    read_other: &dyn Fn(&str) -> std::io::Result<Vec<u8>>,
    templates: &cloudformation::Templates,
    options: &Options,
) -> (Loaded, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(e) => {
            let code = ReadError::code_of(&e, Code::Unreadable);
            // Only what is known to be an input is an error; an unreadable file could be
            // anything, but one too large to look at is named (it may be a plan).
            let explicit = options.explicit.as_deref() == Some(rel);
            if explicit || code == Code::FileTooLarge {
                let message = format!("not scanned: {e}");
                let mut d = if explicit {
                    Diagnostic::error(code, message)
                } else {
                    Diagnostic::warning(
                        code,
                        format!("{message}; if it is a plan or a template, it was not judged"),
                    )
                }
                .at(Location::file(rel));
                if let Some(help) = ReadError::help_of(&e) {
                    d = d.help(help);
                }
                diagnostics.push(d);
            }
            return (Loaded::Nothing, diagnostics);
        }
    };
    let explicit = options.explicit.as_deref() == Some(rel);
    let Ok(text) = String::from_utf8(bytes) else {
        if explicit {
            diagnostics.push(
                Diagnostic::error(Code::InvalidUtf8, "not valid UTF-8; not scanned")
                    .at(Location::file(rel)),
            );
        }
        return (Loaded::Nothing, diagnostics);
    };
    if plan::sniff(&text) || (explicit && rel.to_ascii_lowercase().ends_with(".json")) {
        match plan::load(rel, &text) {
            Ok((mut document, problems)) => {
                // A plan given alone is the root module, as its directory would be.
                if explicit {
                    document.root = ".".into();
                }
                return (Loaded::Document(document), problems);
            }
            Err(d) => diagnostics.push(d),
        }
    } else if kubernetes::sniff(&text) && !looks_like_template(&text) {
        match kubernetes::load(rel, &text) {
            Ok((objects, problems)) => return (Loaded::Manifests(objects), problems),
            Err(d) => diagnostics.push(d),
        }
    } else if cloudformation::sniff(&text) {
        // A template scanned alone reads no other file.
        let nested = (!explicit).then_some(read_other);
        match cloudformation::load_nested(rel, &text, &options.cfn_params, nested, templates) {
            Ok((mut document, problems, included)) => {
                if explicit {
                    document.root = ".".into();
                }
                return (Loaded::Template(document, included), problems);
            }
            // In a tree, a YAML file that mentions `AWS::` and does not parse may be
            // anything; given alone, or once it parsed as a template, it is an error.
            Err(d) if explicit || d.code != Code::TemplateInvalid || looks_like_template(&text) => {
                diagnostics.push(d)
            }
            Err(_) => {}
        }
    } else if explicit {
        diagnostics.push(
            Diagnostic::error(
                    Code::PlanInvalid,
                    "neither a Terraform plan (`format_version` and `planned_values`), a CloudFormation template (`AWSTemplateFormatVersion`, or `Resources` of `AWS::` types) nor Kubernetes manifests (`apiVersion` and `kind`); nothing was judged",
                )
                .at(Location::file(rel))
                .help("give the JSON of `terraform show -json PLANFILE`, a template, manifests, or a directory"),
            );
    }
    (Loaded::Nothing, diagnostics)
}

/// Strong signs of a template: its version key, or a `Resources` key at the start of a line.
fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || text
            .lines()
            .any(|l| l.starts_with("Resources:") || l.trim_start().starts_with("\"Resources\""))
}

/// `--plan`: the plan takes the place of the HCL document it was made from, the one with the
/// most of its resources (the scan root's on a tie), or joins the documents when none matches.
fn with_source(
    shown: &str,
    text: &str,
    documents: &mut Vec<Document>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (mut plan, mut problems) = match plan::load(shown, text) {
        Ok(loaded) => loaded,
        Err(d) => {
            diagnostics.push(d);
            return;
        }
    };
    diagnostics.append(&mut problems);
    let best = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (plan::Source::of(d), d.root == ".", i))
        .map(|(s, root, i)| (s.matches(&plan), root, i, s))
        .filter(|(n, _, _, _)| *n > 0)
        .max_by_key(|(n, root, i, _)| (*n, *root, std::cmp::Reverse(*i)));
    match best {
        Some((_, _, i, source)) => {
            source.apply(&mut plan);
            documents[i] = plan;
        }
        None => documents.push(plan),
    }
}
