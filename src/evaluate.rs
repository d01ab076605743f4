//! Evaluate: run every policy on the documents that hold its resource types, with regorus.
//!
//! One engine holds the libraries and all valid policies; it is prepared once and cloned per
//! worker thread. Each document is converted to a regorus value once and every applicable policy
//! is evaluated against it. A rule that fails at run time yields `error` results, never passes.

use crate::check::{Check, Outcome, SCAN_ADDRESS};
use crate::diagnostics::{Code, Diagnostic};
use crate::load::Document;
use crate::policy::{engine_for, locate_regorus_error, Bundle, Kind, Policy};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default)]
pub struct Evaluation {
    pub checks: Vec<Check>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What one document produced for one presence policy, ordered so that the strongest wins
/// across documents: present anywhere passes; otherwise an error outranks absence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Presence {
    Absent,
    Error,
    Present,
}

/// What one document produced; policies are indices into the bundle's `policies`. Plain data,
/// so a cache can keep it per root module and [`combine`] results from several runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocResult {
    pub checks: Vec<Check>,
    pub presence: Vec<(usize, Presence, Option<String>)>,
    pub errors: Vec<(usize, String)>,
}

/// Package of the generated module that evaluates every policy in one pass.
const BATCH_PACKAGE: &str = "rungs_internal.batch";

/// Rules that collect every policy's result by id, one rule per provider group (the provider of
/// a policy's first resource type). Evaluating a group's rule once per document lets regorus
/// share rule values and builtin caches between policies instead of resetting them for each
/// policy, and a document only pays for the groups of the policies that apply to it. A group
/// that fails on a document falls back to one evaluation per policy, so an error stays with the
/// policy that raised it.
fn batch_module(bundle: &Bundle, keep: &impl Fn(&Policy) -> bool) -> String {
    let mut src = format!("package {BATCH_PACKAGE}\n\nimport rego.v1\n\n");
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, policy) in bundle.policies.iter().enumerate() {
        if is_user(policy) || !keep(policy) {
            continue;
        }
        // A policy runs only on documents holding one of its types; each result has a default
        // so an undefined rule cannot make the whole object undefined. One type per line keeps
        // lines short (regorus limits line length).
        let types: String = policy
            .meta
            .resource_types
            .iter()
            .map(|t| {
                format!(
                    "\t\t{},\n",
                    serde_json::to_string(t).expect("types serialize")
                )
            })
            .collect();
        let (default, value) = match policy.meta.kind {
            Kind::Resource => ("[]", format!("r{i} := {} if a{i}", policy.rule_path())),
            Kind::Presence => (
                "false",
                format!("r{i} := true if {{\n\ta{i}\n\t{}\n}}", policy.rule_path()),
            ),
        };
        src.push_str(&format!(
            "a{i} if {{\n\tsome t in [\n{types}\t]\n\tinput.resources_by_type[t]\n}}\n\ndefault r{i} := {default}\n\n{value}\n\n"
        ));
        let id = serde_json::to_string(&policy.meta.id).expect("ids serialize");
        // Only policies that define an `unknown` rule pay for evaluating it.
        let unknown = if policy.meta.kind == Kind::Resource && defines_unknown(&policy.file.source)
        {
            src.push_str(&format!(
                "default u{i} := []\n\nu{i} := data.{}.unknown if a{i}\n\n",
                policy.package
            ));
            format!("u{i}")
        } else {
            "[]".to_string()
        };
        groups
            .entry(batch_group(policy))
            .or_default()
            .push(format!("\t{id}: [r{i}, {unknown}],\n"));
    }
    for (group, entries) in groups {
        src.push_str(&format!("\n{group} := {{\n{}}}\n", entries.concat()));
    }
    src
}

/// A policy from a `--policy` directory rather than the embedded library. User policies run
/// alone with strict builtin errors, so `1 / 0` or a failing conversion is an `error` result
/// instead of an undefined expression that would read as a pass.
fn is_user(policy: &Policy) -> bool {
    !policy.file.path.starts_with(crate::embedded::POLICY_PREFIX)
}

/// The batch rule a policy's result is collected in: `results_` and its first provider.
fn batch_group(policy: &Policy) -> String {
    let provider = policy_providers(policy)
        .into_iter()
        .next()
        .unwrap_or_default();
    let safe: String = provider
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("results_{safe}")
}

/// Whether a policy defines the optional `unknown` rule (a line starting with its head).
fn defines_unknown(source: &str) -> bool {
    source.lines().any(|l| {
        ["unknown contains", "unknown[", "unknown :=", "unknown ="]
            .iter()
            .any(|head| l.starts_with(head))
    })
}

/// The engine holding the whole bundle and the batch rules, analysed once; clone it per worker.
pub fn prepare(bundle: &Bundle) -> Result<regorus::Engine, Diagnostic> {
    prepare_for(bundle, |_| true)
}

/// Like [`prepare`], with only the policies `keep` selects (and every library). Parsing and
/// analysing all 200 policies cost most of a small scan; a policy left out is never evaluated,
/// and policies do not depend on each other, so the results of the others do not change.
pub fn prepare_for(
    bundle: &Bundle,
    keep: impl Fn(&Policy) -> bool,
) -> Result<regorus::Engine, Diagnostic> {
    let prepared = engine_for(bundle, &keep).and_then(|mut engine| {
        let batch = crate::policy::RegoFile {
            path: "<rungs>/batch.rego".into(),
            source: batch_module(bundle, &keep),
        };
        crate::policy::add(&mut engine, &batch)?;
        Ok(engine)
    });
    let mut base = prepared.map_err(|e| {
        Diagnostic::error(
            Code::PolicyCompile,
            format!("the policy bundle does not load: {e}"),
        )
        .help("run `rungs policy test` to find the broken file")
    })?;
    // The first evaluation runs regorus' analysis; do it once before cloning per worker.
    base.set_input(regorus::Value::new_object());
    if let Some(policy) = bundle.policies.iter().find(|p| keep(p)) {
        let _ = base.eval_rule(format!("data.{BATCH_PACKAGE}.{}", batch_group(policy)));
    }
    Ok(base)
}

/// Evaluates the policies that apply to some document: each document then gets the same
/// results as with [`evaluate_with`] and the whole bundle.
pub fn evaluate(bundle: &Bundle, documents: &[Document]) -> Evaluation {
    let types: BTreeSet<String> = documents.iter().flat_map(Document::type_keys).collect();
    evaluate_with(
        bundle,
        documents,
        prepare_for(bundle, |p| {
            p.meta.resource_types.iter().any(|t| types.contains(t))
        }),
    )
}

/// Evaluates `documents` with a prepared engine, which must hold every policy that applies to
/// one of them.
pub fn evaluate_with(
    bundle: &Bundle,
    documents: &[Document],
    prepared: Result<regorus::Engine, Diagnostic>,
) -> Evaluation {
    let base = match prepared {
        Ok(engine) => engine,
        Err(d) => {
            return Evaluation {
                checks: Vec::new(),
                diagnostics: vec![d],
            }
        }
    };
    let per_doc: Vec<DocResult> = documents
        .par_iter()
        .map_init(
            || base.clone(),
            |engine, doc| evaluate_document(engine, bundle, doc),
        )
        .collect();
    let providers: BTreeSet<String> = documents.iter().flat_map(providers).collect();
    combine(bundle, &per_doc, &providers)
}

/// Providers of a document's resources (`aws_s3_bucket` -> `aws`).
pub fn providers(document: &Document) -> BTreeSet<String> {
    document
        .resources
        .iter()
        .map(|r| r.provider.clone())
        .collect()
}

/// Joins per-document results, in document order, into one evaluation: presence policies are
/// judged over all documents, given the providers the scan covers.
pub fn combine<'a>(
    bundle: &Bundle,
    per_doc: impl IntoIterator<Item = &'a DocResult>,
    providers: &BTreeSet<String>,
) -> Evaluation {
    let mut out = Evaluation::default();
    let mut presence: BTreeMap<usize, (Presence, Option<String>)> = BTreeMap::new();
    let mut runtime_errors: BTreeMap<usize, String> = BTreeMap::new();
    for result in per_doc {
        out.checks.extend(result.checks.iter().cloned());
        for (i, state, message) in &result.presence {
            let entry = presence.entry(*i).or_insert((Presence::Absent, None));
            if *state > entry.0 {
                *entry = (*state, message.clone());
            }
        }
        for (i, message) in &result.errors {
            runtime_errors.entry(*i).or_insert_with(|| message.clone());
        }
    }
    for (i, policy) in bundle.policies.iter().enumerate() {
        if policy.meta.kind != Kind::Presence {
            continue;
        }
        let (outcome, message) = match presence.get(&i) {
            Some((Presence::Present, _)) => (Outcome::Pass, None),
            Some((Presence::Error, message)) => (Outcome::Error, message.clone()),
            // Absent everywhere, or no document had its types: fail only when the scan covers
            // the policy's provider at all, so an Azure-only repository is not failed on AWS.
            _ if policy_providers(policy)
                .iter()
                .any(|p| providers.contains(p.as_str())) =>
            {
                (
                    Outcome::Fail,
                    Some(format!(
                        "nothing in the scan satisfies: {}",
                        policy.meta.title
                    )),
                )
            }
            _ => continue,
        };
        out.checks.push(Check {
            policy: policy.meta.id.clone(),
            resource: SCAN_ADDRESS.into(),
            root: String::new(),
            file: None,
            line: None,
            outcome,
            message,
            waiver: None,
        });
    }

    for (i, message) in runtime_errors {
        let policy = &bundle.policies[i];
        let (location, message) = locate_regorus_error(&policy.file.path, &message);
        out.diagnostics.push(
            Diagnostic::error(
                Code::PolicyRuntime,
                format!("policy {} failed at evaluation: {message}", policy.meta.id),
            )
            .at(location)
            .help("its results are reported as errors, not passes; guard the rule against unknown or mistyped values"),
        );
    }
    out.checks.sort_by(|a, b| {
        (&a.policy, &a.root, &a.resource, a.outcome).cmp(&(
            &b.policy,
            &b.root,
            &b.resource,
            b.outcome,
        ))
    });
    out
}

/// A regorus error as one line, `file:line:col: message`, for results and reports.
fn one_line(policy: &Policy, raw: &str) -> String {
    let (location, message) = locate_regorus_error(&policy.file.path, raw);
    format!("{location}: {message}")
}

/// Providers a policy is about, from its resource types (`aws_s3_bucket` -> `aws`).
fn policy_providers(policy: &Policy) -> Vec<String> {
    policy
        .meta
        .resource_types
        .iter()
        .map(|t| {
            let t = t.strip_prefix("data.").unwrap_or(t);
            t.split('_').next().unwrap_or(t).to_string()
        })
        .collect()
}

/// Evaluates every applicable policy on one document with a prepared engine.
pub fn evaluate_document(
    engine: &mut regorus::Engine,
    bundle: &Bundle,
    doc: &Document,
) -> DocResult {
    let mut result = DocResult {
        checks: Vec::new(),
        presence: Vec::new(),
        errors: Vec::new(),
    };
    let types = doc.type_keys();
    let applicable: Vec<usize> = bundle
        .policies
        .iter()
        .enumerate()
        .filter(|(_, p)| p.meta.resource_types.iter().any(|t| types.contains(t)))
        .map(|(i, _)| i)
        .collect();
    if applicable.is_empty() {
        return result;
    }
    engine.set_input(doc.to_input());
    // The batch rules of the groups that apply; `None` for a group that failed to evaluate.
    let mut batches: BTreeMap<String, Option<regorus::Value>> = BTreeMap::new();
    for &i in applicable
        .iter()
        .filter(|&&i| !is_user(&bundle.policies[i]))
    {
        let group = batch_group(&bundle.policies[i]);
        if let std::collections::btree_map::Entry::Vacant(slot) = batches.entry(group) {
            let value = engine
                .eval_rule(format!("data.{BATCH_PACKAGE}.{}", slot.key()))
                .ok()
                .filter(|v| v.as_object().is_ok());
            slot.insert(value);
        }
    }
    for i in applicable {
        let policy = &bundle.policies[i];
        let user = is_user(policy);
        let batch = batches
            .get(&batch_group(policy))
            .filter(|_| !user)
            .and_then(|b| b.as_ref())
            .and_then(|v| v.as_object().ok());
        // Each batch entry is [result, unknown set]; without a batch, evaluate the rules alone.
        let (value, unknown) = match batch {
            Some(results) => {
                let entry = results
                    .get(&regorus::Value::from(policy.meta.id.as_str()))
                    .cloned()
                    .unwrap_or(regorus::Value::Undefined);
                let part = |n: usize| match &entry {
                    regorus::Value::Array(parts) => {
                        parts.get(n).cloned().unwrap_or(regorus::Value::Undefined)
                    }
                    _ => regorus::Value::Undefined,
                };
                (Ok(part(0)), Ok(part(1)))
            }
            None => {
                engine.set_strict_builtin_errors(user);
                let value = engine.eval_rule(policy.rule_path());
                let unknown =
                    if policy.meta.kind == Kind::Resource && defines_unknown(&policy.file.source) {
                        engine.eval_rule(format!("data.{}.unknown", policy.package))
                    } else {
                        Ok(regorus::Value::Undefined)
                    };
                engine.set_strict_builtin_errors(false);
                (value, unknown)
            }
        };
        match policy.meta.kind {
            Kind::Presence => {
                let state = match value {
                    Ok(v) if v == regorus::Value::from(true) => (Presence::Present, None),
                    Ok(_) => (Presence::Absent, None),
                    Err(e) => {
                        result.errors.push((i, e.to_string()));
                        (Presence::Error, Some(one_line(policy, &e.to_string())))
                    }
                };
                result.presence.push((i, state.0, state.1));
            }
            Kind::Resource => {
                // The diagnostic keeps the engine's full message; results get one line.
                let denied = match value {
                    Ok(v) => findings(&v).inspect_err(|m| result.errors.push((i, m.clone()))),
                    Err(e) => {
                        result.errors.push((i, e.to_string()));
                        Err(one_line(policy, &e.to_string()))
                    }
                };
                // An `unknown` rule that fails only loses the unknown marks, never the verdicts.
                let unjudged = unknown
                    .map_err(|e| e.to_string())
                    .and_then(|v| findings(&v))
                    .unwrap_or_default();
                judge_resources(policy, doc, denied, unjudged, &mut result.checks);
            }
        }
    }
    result
}

/// Reads the `deny` set: address -> messages.
fn findings(value: &regorus::Value) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let items: Vec<&regorus::Value> = match value {
        regorus::Value::Undefined => return Ok(out),
        regorus::Value::Set(set) => set.iter().collect(),
        regorus::Value::Array(items) => items.iter().collect(),
        other => return Err(format!("`deny` must be a set, got {other}")),
    };
    for item in items {
        let field = |name: &str| match item {
            regorus::Value::Object(obj) => obj
                .get(&regorus::Value::from(name))
                .and_then(|v| v.as_string().ok())
                .map(|s| s.to_string()),
            _ => None,
        };
        let resource = field("resource")
            .ok_or_else(|| format!("a `deny` entry has no string `resource` field: {item}"))?;
        let message = field("message").unwrap_or_default();
        out.entry(resource).or_default().push(message);
    }
    Ok(out)
}

fn judge_resources(
    policy: &Policy,
    doc: &Document,
    denied: Result<BTreeMap<String, Vec<String>>, String>,
    unjudged: BTreeMap<String, Vec<String>>,
    checks: &mut Vec<Check>,
) {
    let types = &policy.meta.resource_types;
    let mut denied = denied;
    for resource in doc
        .resources
        .iter()
        .filter(|r| types.iter().any(|t| r.has_type_key(t)))
    {
        let (outcome, message) = match &mut denied {
            Err(e) => (Outcome::Error, Some(e.clone())),
            Ok(map) => match map.remove(&resource.address) {
                Some(mut messages) => {
                    messages.sort();
                    messages.dedup();
                    (Outcome::Fail, Some(messages.join("; ")))
                }
                None => match unjudged.get(&resource.address) {
                    Some(messages) => (Outcome::Unknown, Some(messages.join("; "))),
                    None => (Outcome::Pass, None),
                },
            },
        };
        checks.push(Check {
            policy: policy.meta.id.clone(),
            resource: resource.address.clone(),
            root: doc.root.clone(),
            file: Some(resource.file.clone()),
            line: Some(resource.line),
            outcome,
            message,
            waiver: None,
        });
    }
    // Findings on addresses outside the policy's types still count as failures.
    if let Ok(rest) = denied {
        for (address, messages) in rest {
            let at = doc.resources.iter().find(|r| r.address == address);
            checks.push(Check {
                policy: policy.meta.id.clone(),
                resource: address,
                root: doc.root.clone(),
                file: at.map(|r| r.file.clone()),
                line: at.map(|r| r.line),
                outcome: Outcome::Fail,
                message: Some(messages.join("; ")),
                waiver: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Source, WorkTree};
    use std::path::{Path, PathBuf};

    fn subdirs(dir: &Path) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        out.sort();
        out
    }

    /// `evaluate` builds an engine with only the policies that apply to the scanned documents:
    /// on every bundled example and fixture tree it must give what the whole bundle gives.
    #[test]
    fn applicable_policies_alone_give_what_the_whole_bundle_gives() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (bundle, diagnostics) = crate::policy::load(&crate::policy::Sources {
            defaults: true,
            dirs: Vec::new(),
        });
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let whole = prepare(&bundle).unwrap();
        let mut trees = subdirs(&root.join("examples"));
        for fixture in subdirs(&root.join("tests/fixtures/policies")) {
            trees.extend(subdirs(&fixture));
        }
        for dir in ["clean-repo", "formats/presence", "report"] {
            trees.push(root.join("tests/fixtures").join(dir));
        }
        assert!(trees.len() > 400, "{} trees", trees.len());
        let excluded = globset::GlobSet::empty();
        for tree in trees {
            let source = WorkTree::new(&tree);
            let discovery = source.discover(&excluded);
            let (documents, _) =
                crate::load::terraform::load_from(&source, &discovery, &Default::default());
            let lazy = evaluate(&bundle, &documents);
            let full = evaluate_with(&bundle, &documents, Ok(whole.clone()));
            assert_eq!(lazy.checks, full.checks, "{}", tree.display());
            assert_eq!(
                format!("{:?}", lazy.diagnostics),
                format!("{:?}", full.diagnostics),
                "{}",
                tree.display()
            );
        }
    }
}
