//! Evaluate: run every policy on the documents that hold its resource types, with regorus.
//!
//! The embedded policies come compiled for regorus' VM ([`crate::vm`]) by `build.rs`, one
//! program per provider group; user policies are compiled here. Each worker thread gets its own
//! VMs, and a clone of the interpreter engine when something needs it (built once, on first
//! use, unless user policies need it on every document). Each document is converted to a
//! regorus value once. Every applicable policy
//! runs on the VM within an instruction budget per (policy, document); the VM decides the
//! embedded policies, the interpreter decides user policies and what the VM could not evaluate.
//! A rule that fails at run time or runs out of budget yields `error` results, never passes.

use crate::check::{Check, Outcome, SCAN_ADDRESS};
use crate::diagnostics::{Code, Diagnostic};
use crate::embedded;
use crate::load::Document;
use crate::policy::program::{self, BATCH_PACKAGE};
use crate::policy::{lean_engine_for, locate_regorus_error, Bundle, Kind, Policy};
use crate::vm::{self, Failure, FailureKind};
use rayon::prelude::*;
use regorus::rvm::vm::RegoVM;
use regorus::rvm::Program;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

#[derive(Debug, Default)]
pub struct Evaluation {
    pub checks: Vec<Check>,
    pub diagnostics: Vec<Diagnostic>,
    /// Policies evaluated on the interpreter because the VM does not compile them, and why
    /// (shown with `--verbose`).
    pub notes: Vec<String>,
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
    pub errors: Vec<(usize, Failure)>,
}

/// The batch module ([`program::batch_module`]) of the embedded policies `keep` selects; user
/// policies run alone.
fn batch_module(bundle: &Bundle, keep: &impl Fn(&Policy) -> bool) -> String {
    let members: Vec<program::Member> = bundle
        .policies
        .iter()
        .enumerate()
        .filter(|(_, p)| !is_user(p) && keep(p))
        .map(|(index, p)| program::Member {
            index,
            id: &p.meta.id,
            kind: p.meta.kind,
            resource_types: &p.meta.resource_types,
            package: &p.package,
            source: &p.file.source,
        })
        .collect();
    program::batch_module(&members)
}

/// An engine with the libraries the kept policies need, the kept policies and their batch
/// module: what the interpreter evaluates, and what a chunk's program is compiled from.
fn engine_with_batch(
    bundle: &Bundle,
    keep: &impl Fn(&Policy) -> bool,
) -> Result<regorus::Engine, String> {
    let mut engine = lean_engine_for(bundle, keep)?;
    let batch = crate::policy::RegoFile {
        path: program::BATCH_PATH.into(),
        source: batch_module(bundle, keep).into(),
    };
    crate::policy::add(&mut engine, &batch)?;
    Ok(engine)
}

/// A policy from a `--policy` directory rather than the embedded library. User policies run
/// alone with strict builtin errors, so `1 / 0` or a failing conversion is an `error` result
/// instead of an undefined expression that would read as a pass.
fn is_user(policy: &Policy) -> bool {
    !policy.file.path.starts_with(crate::embedded::POLICY_PREFIX)
}

/// The batch rule a policy's result is collected in ([`program::group`]).
fn batch_group(policy: &Policy) -> String {
    program::group(&policy.meta.resource_types)
}

/// Whether a resource policy defines the optional `unknown` rule.
fn has_unknown(policy: &Policy) -> bool {
    policy.meta.kind == Kind::Resource && program::defines_unknown(&policy.file.source)
}

/// A bundle ready to evaluate: the interpreter engine and the VM programs of the policies.
/// Clone it freely; [`Prepared::worker`] gives each thread its own machines.
#[derive(Clone)]
pub struct Prepared {
    interpreter: Arc<Interpreter>,
    vm: Option<Arc<Compiled>>,
    /// Policies left to the interpreter, and why.
    pub notes: Vec<String>,
}

/// The interpreter engine of a prepared bundle ([`engine_with_batch`] of the kept policies).
/// Built at once when user policies need it on every document or when it compiles the
/// programs; with precompiled programs only, on first use: the VM decides the embedded
/// policies, and parsing and analysing the engine cost a fifth of a small scan.
struct Interpreter {
    engine: OnceLock<Result<regorus::Engine, String>>,
    /// Ids of the kept policies.
    kept: BTreeSet<String>,
}

impl Interpreter {
    fn engine(&self, bundle: &Bundle) -> Result<&regorus::Engine, String> {
        self.engine
            .get_or_init(|| engine_with_batch(bundle, &|p: &Policy| self.kept.contains(&p.meta.id)))
            .as_ref()
            .map_err(|e| format!("the policy bundle does not load: {e}"))
    }
}

/// The VM side of a prepared bundle: one program per chunk of policies that fits the VM's
/// limits (see [`chunks`]).
struct Compiled {
    programs: Vec<Arc<Program>>,
    /// Per program, its batch rules: provider group -> the policies the rule collects.
    batches: Vec<BTreeMap<String, Vec<usize>>>,
    /// Per policy of the bundle: the program that decides it, if one does.
    program_of: Vec<Option<usize>>,
}

impl Compiled {
    fn new(policies: usize) -> Compiled {
        Compiled {
            programs: Vec::new(),
            batches: Vec::new(),
            program_of: vec![None; policies],
        }
    }

    /// Adds the program that decides `chunk` (policy indices).
    fn push(&mut self, program: Arc<Program>, bundle: &Bundle, chunk: &[usize]) {
        let index = self.programs.len();
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in chunk {
            let policy = &bundle.policies[i];
            if !is_user(policy) {
                groups.entry(batch_group(policy)).or_default().push(i);
            }
            self.program_of[i] = Some(index);
        }
        self.programs.push(program);
        self.batches.push(groups);
    }

    /// One machine per program.
    fn machines(&self) -> Vec<RegoVM> {
        self.programs.iter().map(vm::machine).collect()
    }

    /// Whether a program decides policy `i`.
    fn on_vm(&self, i: usize) -> bool {
        self.program_of[i].is_some()
    }

    /// Runs a rule of policy `i` (which a program decides) on its program's machine.
    fn run(
        &self,
        machines: &mut [RegoVM],
        i: usize,
        entry: &str,
        budget: u64,
        strict: bool,
    ) -> Result<regorus::Value, Failure> {
        let program = self.program_of[i].expect("the policy is on the VM");
        vm::run(&mut machines[program], entry, budget, strict)
    }
}

/// One thread's machines; its interpreter engine is cloned on first use.
pub struct Worker {
    interpreter: Arc<Interpreter>,
    engine: Option<regorus::Engine>,
    vm: Option<(Vec<RegoVM>, Arc<Compiled>)>,
}

impl Prepared {
    pub fn worker(&self) -> Worker {
        Worker {
            interpreter: Arc::clone(&self.interpreter),
            engine: None,
            vm: self.vm.as_ref().map(|c| (c.machines(), Arc::clone(c))),
        }
    }

    /// How many VM programs the bundle was compiled to (0 when nothing runs on the VM).
    pub fn programs(&self) -> usize {
        self.vm.as_ref().map_or(0, |c| c.programs.len())
    }

    /// The same bundle without the VM: every policy on the interpreter.
    #[cfg(test)]
    fn interpreter_only(&self) -> Prepared {
        Prepared {
            vm: None,
            ..self.clone()
        }
    }
}

/// The prepared whole bundle.
pub fn prepare(bundle: &Bundle) -> Result<Prepared, Diagnostic> {
    prepare_for(bundle, |_| true)
}

/// Like [`prepare`], with only the policies `keep` selects (and the libraries they need).
/// Parsing, analysing and compiling all 400 policies cost most of a small scan; a policy left
/// out is never evaluated, and policies do not depend on each other, so the results of the
/// others do not change. The embedded policies run on the programs `build.rs` compiled when
/// the bundle's libraries are the embedded ones ([`precompiled`]); user policies, and every
/// policy beside a library from disk, are compiled here.
pub fn prepare_for(
    bundle: &Bundle,
    keep: impl Fn(&Policy) -> bool,
) -> Result<Prepared, Diagnostic> {
    let kept: BTreeSet<String> = bundle
        .policies
        .iter()
        .filter(|p| keep(p))
        .map(|p| p.meta.id.clone())
        .collect();
    let mut interpreter = Interpreter {
        engine: OnceLock::new(),
        kept,
    };
    let precompiled = precompiled(bundle, &keep);
    let user = |p: &Policy| is_user(p) && keep(p);
    if precompiled.is_none() || bundle.policies.iter().any(user) {
        let engine = engine_with_batch(bundle, &keep).map_err(|e| {
            Diagnostic::error(
                Code::PolicyCompile,
                format!("the policy bundle does not load: {e}"),
            )
            .help("run `rungs policy test` to find the broken file")
        })?;
        interpreter.engine = OnceLock::from(Ok(engine));
    }
    let (vm, notes) = match precompiled {
        Some(mut compiled) => {
            let mut notes = Vec::new();
            for chunk in chunks(bundle, &user) {
                compile_chunk(None, bundle, &chunk, &mut compiled, &mut notes);
            }
            let vm = (!compiled.programs.is_empty()).then(|| Arc::new(compiled));
            (vm, notes)
        }
        None => {
            let engine = interpreter.engine.get_mut().and_then(|e| e.as_mut().ok());
            compile(engine.expect("built above"), bundle, &keep)
        }
    };
    Ok(Prepared {
        interpreter: Arc::new(interpreter),
        vm,
        notes,
    })
}

/// Program `index` of [`embedded::PROGRAMS`], loaded on first use and kept until the process
/// exits: a scan or a trend prepares its bundle once, and freeing the AWS program when the scan
/// ended cost 3% of a one-resource scan for nothing. `None` when it does not load.
fn embedded_program(index: usize) -> Option<Arc<Program>> {
    static LOADED: OnceLock<Vec<OnceLock<Option<Arc<Program>>>>> = OnceLock::new();
    let slots = LOADED.get_or_init(|| embedded::PROGRAMS.iter().map(|_| OnceLock::new()).collect());
    let precompiled = embedded::PROGRAMS.get(index)?;
    slots
        .get(index)?
        .get_or_init(|| vm::load(&embedded::PROGRAM_BYTES[precompiled.start..precompiled.end]).ok())
        .clone()
}

/// The programs `build.rs` compiled ([`embedded::PROGRAMS`]) for the provider groups of the
/// kept embedded policies, or `None` when the bundle's libraries are not the embedded ones (a
/// library from disk may change what the policies compute) or a program does not load. Each
/// program holds a whole group: its other policies are in the bundle but not kept, or left out
/// by the configuration; they apply to no scanned document, so their entries in the group's
/// batch rule are never read.
fn precompiled(bundle: &Bundle, keep: &impl Fn(&Policy) -> bool) -> Option<Compiled> {
    if !bundle.has_embedded_libraries() {
        return None;
    }
    let index: BTreeMap<&str, usize> = bundle
        .policies
        .iter()
        .enumerate()
        .filter(|(_, p)| !is_user(p))
        .map(|(i, p)| (p.meta.id.as_str(), i))
        .collect();
    let groups: BTreeSet<String> = bundle
        .policies
        .iter()
        .filter(|p| !is_user(p) && keep(p))
        .map(batch_group)
        .collect();
    let mut compiled = Compiled::new(bundle.policies.len());
    for (i, precompiled) in embedded::PROGRAMS.iter().enumerate() {
        if !groups.contains(precompiled.group) {
            continue;
        }
        let program = embedded_program(i)?;
        let chunk: Vec<usize> = precompiled
            .policies
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
        compiled.push(program, bundle, &chunk);
    }
    // Every kept embedded policy has its program (build.rs compiles them all).
    let complete = bundle
        .policies
        .iter()
        .enumerate()
        .all(|(i, p)| is_user(p) || !keep(p) || compiled.on_vm(i));
    complete.then_some(compiled)
}

/// The entry points of a policy ([`program::entry_points`]).
fn entry_points(policy: &Policy) -> Vec<String> {
    program::entry_points(policy.meta.kind, &policy.package, &policy.file.source)
}

/// Compiles the kept policies for the VM, in as few programs as the VM's limits allow (see
/// [`chunks`]). A chunk that does not compile is split in two until each part compiles or holds
/// one policy, which then runs on the interpreter, with a note.
fn compile(
    engine: &mut regorus::Engine,
    bundle: &Bundle,
    keep: &impl Fn(&Policy) -> bool,
) -> (Option<Arc<Compiled>>, Vec<String>) {
    let mut notes = Vec::new();
    let mut compiled = Compiled::new(bundle.policies.len());
    let chunks = chunks(bundle, keep);
    // One chunk (any one-cloud scan): the engine that holds the kept policies compiles it, and
    // is analysed on the way, so the interpreter's clones of it start ready.
    let single = chunks.len() == 1;
    for chunk in chunks {
        compile_chunk(
            single.then_some(&mut *engine),
            bundle,
            &chunk,
            &mut compiled,
            &mut notes,
        );
    }
    if compiled.programs.is_empty() {
        return (None, notes);
    }
    (Some(Arc::new(compiled)), notes)
}

/// The names a chunk's program is compiled with: the batch rule of each provider group in it,
/// then each policy's entry points.
fn chunk_entry_points(bundle: &Bundle, chunk: &[usize]) -> Vec<String> {
    let groups: BTreeSet<String> = chunk
        .iter()
        .map(|&i| &bundle.policies[i])
        .filter(|p| !is_user(p))
        .map(batch_group)
        .collect();
    groups
        .iter()
        .map(|g| format!("data.{BATCH_PACKAGE}.{g}"))
        .chain(
            chunk
                .iter()
                .flat_map(|&i| entry_points(&bundle.policies[i])),
        )
        .collect()
}

/// Compiles `chunk` (policy indices) into one program, with an engine of its own unless
/// `engine` holds exactly the chunk's policies.
fn compile_chunk_program(
    engine: Option<&mut regorus::Engine>,
    bundle: &Bundle,
    chunk: &[usize],
) -> Result<Arc<Program>, String> {
    let names = chunk_entry_points(bundle, chunk);
    match engine {
        Some(engine) => vm::compile(engine, &names),
        None => {
            let paths: BTreeSet<&str> = chunk
                .iter()
                .map(|&i| bundle.policies[i].file.path.as_str())
                .collect();
            let keep = |p: &Policy| paths.contains(p.file.path.as_str());
            engine_with_batch(bundle, &keep).and_then(|mut engine| vm::compile(&mut engine, &names))
        }
    }
}

/// Compiles `chunk` into one program and adds it to `compiled`; splits the chunk when that
/// fails.
fn compile_chunk(
    engine: Option<&mut regorus::Engine>,
    bundle: &Bundle,
    chunk: &[usize],
    compiled: &mut Compiled,
    notes: &mut Vec<String>,
) {
    match compile_chunk_program(engine, bundle, chunk) {
        Ok(program) => compiled.push(program, bundle, chunk),
        Err(e) if chunk.len() == 1 => {
            let policy = &bundle.policies[chunk[0]];
            let (location, message) = locate_regorus_error(&policy.file.path, &e);
            notes.push(format!(
                "policy {} ({location}) runs on the interpreter, without the instruction budget: the VM does not compile it: {message}",
                policy.meta.id
            ));
        }
        Err(_) => {
            let (a, b) = chunk.split_at(chunk.len() / 2);
            compile_chunk(None, bundle, a, compiled, notes);
            compile_chunk(None, bundle, b, compiled, notes);
        }
    }
}

/// The kept policies in chunks that fit one VM program each ([`program::chunks`]): embedded
/// policies by provider group, each group whole in one chunk while it fits, then user policies
/// one by one.
fn chunks(bundle: &Bundle, keep: &impl Fn(&Policy) -> bool) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut user = Vec::new();
    for (i, policy) in bundle.policies.iter().enumerate() {
        if !keep(policy) {
            continue;
        }
        if is_user(policy) {
            user.push(vec![i]);
        } else {
            groups.entry(batch_group(policy)).or_default().push(i);
        }
    }
    let units = groups.into_values().chain(user).collect();
    program::chunks(units, program::max_policies(bundle.libraries.len()))
}

/// Evaluates the policies that apply to some document: each document then gets the same
/// results as with [`evaluate_with`] and the whole bundle.
pub fn evaluate(bundle: &Bundle, documents: &[Document]) -> Evaluation {
    evaluate_with(bundle, documents, prepare_applicable(bundle, documents))
}

/// [`prepare_for`] the policies with a resource type that occurs in `documents`, as a scan
/// prepares them.
pub fn prepare_applicable(bundle: &Bundle, documents: &[Document]) -> Result<Prepared, Diagnostic> {
    let types: BTreeSet<String> = documents.iter().flat_map(Document::type_keys).collect();
    prepare_for(bundle, |p| {
        p.meta.resource_types.iter().any(|t| types.contains(t))
    })
}

/// Evaluates `documents` with a prepared engine, which must hold every policy that applies to
/// one of them.
pub fn evaluate_with(
    bundle: &Bundle,
    documents: &[Document],
    prepared: Result<Prepared, Diagnostic>,
) -> Evaluation {
    let prepared = match prepared {
        Ok(prepared) => prepared,
        Err(d) => {
            return Evaluation {
                diagnostics: vec![d],
                ..Evaluation::default()
            }
        }
    };
    let sizes: Vec<usize> = documents.iter().map(|d| d.resources.len()).collect();
    let per_doc = evaluate_documents(&prepared, bundle, documents, worth_sharing(&sizes));
    let providers: BTreeSet<String> = documents.iter().flat_map(providers).collect();
    let mut evaluation = combine(bundle, per_doc.into_iter().map(Cow::Owned), &providers);
    evaluation.notes = prepared.notes;
    evaluation
}

/// Whether spreading documents of `sizes` resources over threads pays: a thread that joins in spends about 2 ms
/// warming up on its first document, and sharing cannot finish sooner than the largest
/// document alone, so the documents besides the largest must hold [`SHARED_EVALUATION`]
/// resources. Below, sharing cost 2-4 ms of CPU for a millisecond of wall time or less
/// (docs/performance.md, thirteenth and fifteenth sessions).
fn worth_sharing(sizes: &[usize]) -> bool {
    let largest = sizes.iter().max().copied().unwrap_or(0);
    sizes.iter().sum::<usize>() - largest >= SHARED_EVALUATION
}

/// Fewest resources, outside the largest document, whose evaluation is spread over threads.
const SHARED_EVALUATION: usize = 200;

/// The documents' results in their order, evaluated on rayon's threads when `shared`, one after
/// the other in the calling thread otherwise; the same results either way.
fn evaluate_documents(
    prepared: &Prepared,
    bundle: &Bundle,
    documents: &[Document],
    shared: bool,
) -> Vec<DocResult> {
    if shared {
        documents
            .par_iter()
            .map_init(
                || prepared.worker(),
                |worker, doc| evaluate_document(worker, bundle, doc),
            )
            .collect()
    } else {
        let mut worker = prepared.worker();
        documents
            .iter()
            .map(|doc| evaluate_document(&mut worker, bundle, doc))
            .collect()
    }
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
/// judged over all documents, given the providers the scan covers. Owned results give up their
/// checks; borrowed ones (a cache's) are copied.
pub fn combine<'a>(
    bundle: &Bundle,
    per_doc: impl IntoIterator<Item = Cow<'a, DocResult>>,
    providers: &BTreeSet<String>,
) -> Evaluation {
    let mut out = Evaluation::default();
    let mut presence: BTreeMap<usize, (Presence, Option<String>)> = BTreeMap::new();
    let mut runtime_errors: BTreeMap<usize, Failure> = BTreeMap::new();
    for mut result in per_doc {
        match result {
            Cow::Owned(ref mut owned) => out.checks.append(&mut owned.checks),
            Cow::Borrowed(borrowed) => out.checks.extend(borrowed.checks.iter().cloned()),
        }
        for (i, state, message) in &result.presence {
            let entry = presence.entry(*i).or_insert((Presence::Absent, None));
            if *state > entry.0 {
                *entry = (*state, message.clone());
            }
        }
        for (i, failure) in &result.errors {
            runtime_errors.entry(*i).or_insert_with(|| failure.clone());
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
            _ if program::providers(&policy.meta.resource_types)
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

    for (i, failure) in runtime_errors {
        out.diagnostics
            .push(failure_diagnostic(&bundle.policies[i], failure));
    }
    out.checks = sorted(std::mem::take(&mut out.checks));
    out
}

/// Checks by policy, root, resource and outcome, equal ones in their order. The positions are
/// sorted, not the checks: moving checks of some 200 bytes was most of a sort's work. They are
/// then put in that order in place, each moved once, not copied into a second vector.
fn sorted(mut checks: Vec<Check>) -> Vec<Check> {
    fn key(c: &Check) -> (&str, &str, &str, Outcome) {
        (&c.policy, &c.root, &c.resource, c.outcome)
    }
    let mut order: Vec<usize> = (0..checks.len()).collect();
    order.sort_by(|&a, &b| key(&checks[a]).cmp(&key(&checks[b])));
    // Position k takes the check at order[k]: follow each cycle of the permutation, swapping
    // the check due at each position into it.
    let mut placed = vec![false; checks.len()];
    for start in 0..checks.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            checks.swap(k, from);
            k = from;
        }
    }
    checks
}

/// The diagnostic for a policy whose evaluation failed on some document.
fn failure_diagnostic(policy: &Policy, failure: Failure) -> Diagnostic {
    let id = &policy.meta.id;
    let (code, message, help) = match failure.kind {
        FailureKind::Runtime => (
            Code::PolicyRuntime,
            format!("policy {id} failed at evaluation: {}", failure.message),
            "its results are reported as errors, not passes; guard the rule against unknown or mistyped values".to_string(),
        ),
        FailureKind::Instructions => (
            Code::PolicyBudget,
            format!(
                "policy {id} stopped here: it used its whole budget of {} Rego instructions on one document",
                vm::max_instructions()
            ),
            "its results are reported as errors, not passes; if the policy needs that much work, raise the budget with --max-rego-instructions".to_string(),
        ),
        FailureKind::Time => (
            Code::PolicyTimeout,
            format!(
                "policy {id} was stopped by the {}-second wall-clock backstop on one document",
                vm::max_seconds()
            ),
            "its results are reported as errors, not passes; the backstop catches work the instruction budget does not count, such as a builtin over a huge range; simplify the policy, or raise the backstop with --max-rego-seconds".to_string(),
        ),
        FailureKind::Elements => (
            Code::PolicyElements,
            format!("policy {id} stopped: {}", failure.message),
            "its results are reported as errors, not passes; if the policy needs values that large, raise the budget with --max-rego-elements".to_string(),
        ),
    };
    // The engine does not say which instruction called the builtin: the policy file is named.
    let location = match failure.kind {
        FailureKind::Elements => crate::diagnostics::Location::file(&policy.file.path),
        _ => failure.location,
    };
    Diagnostic::error(code, message).at(location).help(help)
}

/// A failure as one line, `file:line:col: message`, for results and reports.
fn one_line(failure: &Failure) -> String {
    format!("{}: {}", failure.location, failure.message)
}

/// A worker's interpreter engine for one document: cloned from the prepared one and given the
/// document on first use.
struct DocEngine<'a> {
    engine: &'a mut Option<regorus::Engine>,
    interpreter: &'a Interpreter,
    bundle: &'a Bundle,
    /// The document, until the engine has it.
    input: Option<regorus::Value>,
}

impl DocEngine<'_> {
    fn get(&mut self) -> Result<&mut regorus::Engine, String> {
        if self.engine.is_none() {
            *self.engine = Some(self.interpreter.engine(self.bundle)?.clone());
        }
        let engine = self.engine.as_mut().expect("set above");
        if let Some(input) = self.input.take() {
            engine.set_input(input);
        }
        Ok(engine)
    }
}

/// Evaluates one rule of a policy on the interpreter (strict builtin errors for user policies).
fn interpret(
    engine: &mut DocEngine,
    policy: &Policy,
    rule: &str,
) -> Result<regorus::Value, Failure> {
    let engine = engine.get().map_err(|message| Failure {
        kind: FailureKind::Runtime,
        location: crate::diagnostics::Location::file(&policy.file.path),
        message,
    })?;
    let strict = is_user(policy);
    engine.set_strict_builtin_errors(strict);
    let value = engine.eval_rule(rule.to_string());
    engine.set_strict_builtin_errors(false);
    value.map_err(|e| {
        let kind = if is_time_limit(&e) {
            FailureKind::Time
        } else {
            FailureKind::Runtime
        };
        let (location, message) = locate_regorus_error(&policy.file.path, &e.to_string());
        Failure {
            kind,
            location,
            message,
        }
    })
}

/// What the VM decided on one document: batch results by provider group, the results of
/// embedded policies it ran one at a time (their rule and `unknown` values, by index), and the
/// policies it stopped (budget or backstop), by index.
#[derive(Default)]
struct VmDecisions {
    groups: BTreeMap<String, BatchResults>,
    singles: BTreeMap<usize, (regorus::Value, regorus::Value)>,
    stopped: BTreeMap<usize, Failure>,
}

/// Whether the interpreter stopped on the wall-clock backstop. regorus keeps the error's type
/// only when the limit is met outside a function call: a function's errors are turned into
/// plain messages (0.14.1, `Interpreter::eval_call_impl`), so its text counts too.
fn is_time_limit(error: &anyhow::Error) -> bool {
    matches!(
        error.downcast_ref::<regorus::LimitError>(),
        Some(regorus::LimitError::TimeLimitExceeded { .. })
    ) || error.to_string().contains("execution exceeded time limit")
}

/// Runs the applicable policies on the VM within the instruction budget. Returns the batch
/// results of the provider groups it evaluated (embedded policies, decided by the VM), the
/// embedded policies it ran alone and the policies it stopped (see [`VmDecisions`]). Embedded
/// policies run together per group within one budget (the most any of them needs on a real document is far below it); a
/// group that runs out, and every user policy, runs one policy at a time, each rule with the
/// whole budget, so only a policy that needs more than the budget alone is stopped. A group
/// split over several programs is decided only when every part that applies gave its results.
fn vm_gate(
    machines: &mut [RegoVM],
    compiled: &Compiled,
    bundle: &Bundle,
    applicable: &[usize],
) -> VmDecisions {
    let budget = vm::max_instructions();
    let mut over: BTreeSet<usize> = BTreeSet::new();
    let mut parts: BTreeMap<&str, Option<BatchResults>> = BTreeMap::new();
    for (program, batches) in compiled.batches.iter().enumerate() {
        for (group, policies) in batches {
            if !policies.iter().any(|i| applicable.binary_search(i).is_ok()) {
                continue;
            }
            let entry = format!("data.{BATCH_PACKAGE}.{group}");
            let result = vm::run(&mut machines[program], &entry, budget, false);
            let slot = parts
                .entry(group.as_str())
                .or_insert_with(|| Some(BTreeMap::new()));
            match (result, slot.as_mut()) {
                (Ok(value), Some(all)) => match batch_results(&value) {
                    Some(results) => all.extend(results),
                    None => *slot = None,
                },
                (Err(f), _) if f.kind != FailureKind::Runtime => {
                    over.extend(policies);
                    *slot = None;
                }
                _ => *slot = None,
            }
        }
    }
    let decided = parts
        .into_iter()
        .filter_map(|(group, results)| Some((group.to_string(), results?)))
        .collect();
    let mut stopped = BTreeMap::new();
    let mut singles = BTreeMap::new();
    for &i in applicable {
        let policy = &bundle.policies[i];
        let user = is_user(policy);
        if !compiled.on_vm(i) || !(user || over.contains(&i)) {
            continue;
        }
        let mut values = Vec::new();
        for rule in entry_points(policy) {
            match compiled.run(machines, i, &rule, budget, user) {
                Err(f) if f.kind != FailureKind::Runtime => {
                    stopped.insert(i, f);
                    break;
                }
                result => values.push(result.ok()),
            }
        }
        // An embedded policy the VM ran alone is decided by the VM, as in its group; running
        // it again on the (slower) interpreter could meet the wall-clock backstop the VM did
        // not. User policies are decided by the interpreter (it keeps errors in rule bodies).
        if user || stopped.contains_key(&i) {
            continue;
        }
        // The rule's value, then its `unknown` set if it has one; a runtime error in either
        // leaves the policy to the interpreter.
        if let Some(values) = values.into_iter().collect::<Option<Vec<_>>>() {
            let mut values = values.into_iter();
            if let Some(value) = values.next() {
                let unknown = values.next().unwrap_or(regorus::Value::Undefined);
                singles.insert(i, (value, unknown));
            }
        }
    }
    VmDecisions {
        groups: decided,
        singles,
        stopped,
    }
}

/// A batch rule's value by policy id: (result, unknown set).
type BatchResults = BTreeMap<String, (regorus::Value, regorus::Value)>;

/// Reads a batch rule's `[id, result, unknown set]` entries; `None` if it is anything else.
fn batch_results(value: &regorus::Value) -> Option<BatchResults> {
    let mut out = BTreeMap::new();
    for entry in value.as_set().ok()?.iter() {
        match entry.as_array().ok()?.as_slice() {
            [id, result, unknown] => {
                out.insert(
                    id.as_string().ok()?.to_string(),
                    (result.clone(), unknown.clone()),
                );
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Evaluates every applicable policy on one document with a worker's machines.
pub fn evaluate_document(worker: &mut Worker, bundle: &Bundle, doc: &Document) -> DocResult {
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
    let input = doc.to_input();
    // The VM decides the embedded policies' groups it evaluates and enforces the budget of
    // every policy; the interpreter decides user policies (the VM drops errors inside rule
    // bodies, see `vm::tests`) and whatever the VM did not evaluate.
    let VmDecisions {
        groups: decided,
        mut singles,
        mut stopped,
    } = match &mut worker.vm {
        Some((machines, compiled)) => {
            for machine in machines.iter_mut() {
                machine.set_input(input.clone());
            }
            vm_gate(machines, compiled, bundle, &applicable)
        }
        None => VmDecisions::default(),
    };
    let mut engine = DocEngine {
        engine: &mut worker.engine,
        interpreter: &worker.interpreter,
        bundle,
        input: Some(input),
    };
    // The batch rules of the groups that apply, except groups with a stopped policy or run
    // policy by policy; `None` for a group that failed to evaluate.
    let mut batches: BTreeMap<String, Option<BatchResults>> = decided
        .into_iter()
        .map(|(group, results)| (group, Some(results)))
        .collect();
    let held: BTreeSet<String> = stopped
        .keys()
        .chain(singles.keys())
        .map(|&i| batch_group(&bundle.policies[i]))
        .collect();
    for &i in applicable
        .iter()
        .filter(|&&i| !is_user(&bundle.policies[i]))
    {
        let group = batch_group(&bundle.policies[i]);
        if held.contains(&group) {
            continue;
        }
        if let std::collections::btree_map::Entry::Vacant(slot) = batches.entry(group) {
            let rule = format!("data.{BATCH_PACKAGE}.{}", slot.key());
            let value = engine.get().ok().and_then(|e| e.eval_rule(rule).ok());
            slot.insert(value.as_ref().and_then(batch_results));
        }
    }
    for i in applicable {
        let policy = &bundle.policies[i];
        // The policy's entry in its group's batch; a policy the VM does not decide has none
        // in a group the VM decided.
        let batched = batches
            .get(&batch_group(policy))
            .filter(|_| !is_user(policy))
            .and_then(|b| b.as_ref())
            .and_then(|results| results.get(&policy.meta.id));
        // Without a batch, evaluate the rules alone.
        let (value, unknown) = match (stopped.remove(&i), batched, singles.remove(&i)) {
            (Some(failure), _, _) => (Err(failure), Ok(regorus::Value::Undefined)),
            (None, Some((value, unknown)), _) => (Ok(value.clone()), Ok(unknown.clone())),
            (None, None, Some((value, unknown))) => (Ok(value), Ok(unknown)),
            (None, None, None) => {
                let value = interpret(&mut engine, policy, &policy.rule_path());
                let unknown = if has_unknown(policy) {
                    interpret(
                        &mut engine,
                        policy,
                        &format!("data.{}.unknown", policy.package),
                    )
                } else {
                    Ok(regorus::Value::Undefined)
                };
                (value, unknown)
            }
        };
        match policy.meta.kind {
            Kind::Presence => {
                let state = match value {
                    Ok(v) if v == regorus::Value::from(true) => (Presence::Present, None),
                    Ok(_) => (Presence::Absent, None),
                    Err(failure) => {
                        let line = one_line(&failure);
                        result.errors.push((i, failure));
                        (Presence::Error, Some(line))
                    }
                };
                result.presence.push((i, state.0, state.1));
            }
            Kind::Resource => {
                // The diagnostic keeps the engine's full message; results get one line.
                let denied = match value {
                    Ok(v) => findings(&v).inspect_err(|m| {
                        let failure = Failure {
                            kind: FailureKind::Runtime,
                            location: crate::diagnostics::Location::file(&policy.file.path),
                            message: m.clone(),
                        };
                        result.errors.push((i, failure));
                    }),
                    Err(failure) => {
                        let line = one_line(&failure);
                        result.errors.push((i, failure));
                        Err(line)
                    }
                };
                // An `unknown` rule that fails only loses the unknown marks, never the verdicts.
                let unjudged = unknown
                    .map_err(|f| f.message)
                    .and_then(|v| findings(&v))
                    .unwrap_or_default();
                judge_resources(policy, doc, denied, unjudged, &mut result.checks);
            }
        }
    }
    result
}

/// The fewest instructions each applicable policy on the VM needs on `doc`: each of its rules
/// alone, the larger, found by bisecting the budget up to the current one (`u64::MAX` when even
/// that is not enough). For the benchmark that measures the default budget's headroom.
///
/// A policy whose rules all fit in `floor - 1` instructions is left out after one run, without
/// bisecting: a search for the most, passing the most found so far, bisects only the policies
/// that need at least as many (a bisection is some 28 runs).
pub fn instructions_needed(
    prepared: &Prepared,
    bundle: &Bundle,
    doc: &Document,
    floor: u64,
) -> Vec<(usize, u64)> {
    let Some(compiled) = &prepared.vm else {
        return Vec::new();
    };
    let mut machines = compiled.machines();
    let input = doc.to_input();
    for machine in &mut machines {
        machine.set_input(input.clone());
    }
    let types = doc.type_keys();
    let mut out = Vec::new();
    for (i, policy) in bundle.policies.iter().enumerate() {
        if !compiled.on_vm(i) || !policy.meta.resource_types.iter().any(|t| types.contains(t)) {
            continue;
        }
        let mut most = 0;
        for rule in entry_points(policy) {
            let mut fits = |budget: u64| {
                !matches!(compiled.run(&mut machines, i, &rule, budget, is_user(policy)),
                    Err(f) if f.kind == FailureKind::Instructions)
            };
            // `low` does not fit, `high` does.
            let (mut low, mut high) = (0, vm::max_instructions());
            if floor > 0 {
                let below = (floor - 1).min(high);
                if fits(below) {
                    continue;
                }
                low = below;
            }
            if !fits(high) {
                most = u64::MAX;
                continue;
            }
            while high - low > 1 {
                let mid = low + (high - low) / 2;
                if fits(mid) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            most = most.max(high);
        }
        if most >= floor {
            out.push((i, most));
        }
    }
    out
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
    // Root `provider` blocks are judged like resources when the policy names `provider.<name>`.
    let providers = doc
        .providers
        .iter()
        .filter(|p| types.contains(&p.type_key()))
        .map(|p| (p.address(), p.file.clone(), p.line));
    for (address, file, line) in doc
        .resources
        .iter()
        .filter(|r| types.iter().any(|t| r.has_type_key(t)))
        .map(|r| (r.address.clone(), r.file.clone(), r.line))
        .chain(providers)
    {
        let (outcome, message) = match &mut denied {
            Err(e) => (Outcome::Error, Some(e.clone())),
            Ok(map) => match map.remove(&address) {
                Some(mut messages) => {
                    messages.sort();
                    messages.dedup();
                    (Outcome::Fail, Some(messages.join("; ")))
                }
                None => match unjudged.get(&address) {
                    Some(messages) => (Outcome::Unknown, Some(messages.join("; "))),
                    None => (Outcome::Pass, None),
                },
            },
        };
        checks.push(Check {
            policy: policy.meta.id.clone(),
            resource: address,
            root: doc.root.clone(),
            file: Some(file),
            line: Some(line),
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

    #[test]
    fn the_backstop_is_recognised_typed_or_flattened_to_text() {
        let limit = regorus::LimitError::TimeLimitExceeded {
            elapsed: std::time::Duration::from_millis(1001),
            limit: std::time::Duration::from_secs(1),
        };
        // As the interpreter returns it outside a function call, and inside one (its text).
        let flattened = anyhow::anyhow!(limit.to_string());
        assert!(is_time_limit(&anyhow::Error::new(limit)));
        assert!(is_time_limit(&flattened));
        assert!(!is_time_limit(&anyhow::anyhow!("divide by zero")));
    }

    /// `sorted` gives the order of a stable sort by policy, root, resource and outcome, with
    /// checks of equal keys in their first order (told apart by their messages here).
    #[test]
    fn sorted_orders_checks_stably_in_place() {
        let check = |policy: &str, resource: &str, outcome, n: usize| Check {
            policy: policy.into(),
            resource: resource.into(),
            root: String::new(),
            file: None,
            line: None,
            outcome,
            message: Some(n.to_string()),
            waiver: None,
        };
        let mut checks = Vec::new();
        for n in 0..60 {
            let policy = ["b", "a", "c"][n * 7 % 3];
            let resource = ["r2", "r1"][n * 5 % 2];
            let outcome = [Outcome::Fail, Outcome::Pass][n / 7 % 2];
            checks.push(check(policy, resource, outcome, n));
        }
        let mut expected = checks.clone();
        expected.sort_by(|a, b| {
            (&a.policy, &a.root, &a.resource, a.outcome).cmp(&(
                &b.policy,
                &b.root,
                &b.resource,
                b.outcome,
            ))
        });
        assert_eq!(sorted(checks), expected);
        assert_eq!(sorted(Vec::new()), Vec::new());
    }

    fn subdirs(dir: &Path) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        out.sort();
        out
    }

    fn embedded() -> Bundle {
        let (bundle, diagnostics) = crate::policy::load(&crate::policy::Sources {
            defaults: true,
            dirs: Vec::new(),
            embedded_tests: false,
        });
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        bundle
    }

    /// Every bundled example and fixture tree, with its documents.
    fn fixture_documents() -> Vec<(PathBuf, Vec<Document>)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut trees = subdirs(&root.join("examples"));
        for fixture in subdirs(&root.join("tests/fixtures/policies")) {
            trees.extend(subdirs(&fixture));
        }
        for dir in ["clean-repo", "formats/presence", "report"] {
            trees.push(root.join("tests/fixtures").join(dir));
        }
        assert!(trees.len() > 400, "{} trees", trees.len());
        trees
            .into_iter()
            .map(|tree| {
                let documents = documents_of(&tree);
                (tree, documents)
            })
            .collect()
    }

    fn documents_of(tree: &Path) -> Vec<Document> {
        let source = WorkTree::new(tree);
        let discovery = source.discover(&globset::GlobSet::empty());
        crate::load::terraform::load_from(&source, &discovery, &Default::default()).0
    }

    /// Documents evaluated one after the other on one worker give what rayon's threads give:
    /// nothing of one document's evaluation leaks into the next (all examples and fixtures in
    /// one run, every provider).
    #[test]
    fn shared_and_sequential_evaluations_agree() {
        let bundle = embedded();
        let documents: Vec<Document> = fixture_documents()
            .into_iter()
            .flat_map(|(_, documents)| documents)
            .collect();
        assert!(documents.len() > 400, "{} documents", documents.len());
        let prepared = prepare_applicable(&bundle, &documents).unwrap();
        let shared = evaluate_documents(&prepared, &bundle, &documents, true);
        let sequential = evaluate_documents(&prepared, &bundle, &documents, false);
        assert_eq!(shared.len(), documents.len());
        assert!(shared.iter().map(|r| r.checks.len()).sum::<usize>() > 1000);
        for ((doc, a), b) in documents.iter().zip(&shared).zip(&sequential) {
            assert_eq!(a, b, "{}", doc.root);
        }
    }

    /// Sharing needs 200 resources outside the largest document: one big document, or a
    /// small one beside it, stays in one thread.
    #[test]
    fn documents_are_shared_from_200_resources_beside_the_largest() {
        assert!(!worth_sharing(&[]));
        assert!(!worth_sharing(&[5000]));
        assert!(!worth_sharing(&[110, 86, 90]));
        assert!(!worth_sharing(&[5000, 199]));
        assert!(worth_sharing(&[5000, 199, 1]));
        assert!(worth_sharing(&[25; 10]));
    }

    /// The VM and the interpreter alone give the same checks and diagnostics; returns the VM's.
    fn assert_vm_decides_as_interpreter(
        bundle: &Bundle,
        documents: &[Document],
        prepared: &Prepared,
        what: &str,
    ) -> Evaluation {
        let on_vm = evaluate_with(bundle, documents, Ok(prepared.clone()));
        let alone = evaluate_with(bundle, documents, Ok(prepared.interpreter_only()));
        assert_same_checks(&on_vm, &alone, &format!("{what} (VM, interpreter)"));
        on_vm
    }

    /// The same checks in the same order and the same diagnostics; on failure, the checks
    /// only one side has.
    fn assert_same_checks(a: &Evaluation, b: &Evaluation, what: &str) {
        let only = |a: &Evaluation, b: &Evaluation| -> Vec<String> {
            a.checks
                .iter()
                .filter(|c| !b.checks.contains(c))
                .map(|c| {
                    format!(
                        "{} {} {:?} {:?}",
                        c.policy, c.resource, c.outcome, c.message
                    )
                })
                .collect()
        };
        assert_eq!(
            (only(a, b), only(b, a)),
            (Vec::new(), Vec::new()),
            "{what}: (only in the first, only in the second)"
        );
        assert_eq!(a.checks, b.checks, "{what}");
        assert_eq!(a.diagnostics, b.diagnostics, "{what}");
    }

    /// `doc` with 21 `terraform_data` resources more: past the gate of
    /// `data.rungs.lib.indexed`, so its joins go through the library's indexes.
    fn padded(doc: &Document) -> Document {
        let mut doc = doc.clone();
        for i in 0..21 {
            let reference = format!("terraform_data.pad{i}");
            doc.resources.push(crate::load::document::Resource {
                address: reference.clone(),
                reference,
                kind: "terraform_data".into(),
                name: format!("pad{i}"),
                provider: "terraform".into(),
                mode: crate::load::document::Mode::Managed,
                module: String::new(),
                file: "pad.tf".into(),
                line: 1,
                end_line: 1,
                index: None,
                count: None,
                for_each: None,
                config: Default::default(),
            });
        }
        doc
    }

    fn indexed(bundle: &Bundle, doc: &Document) -> bool {
        let mut engine = regorus::Engine::new();
        for lib in &bundle.libraries {
            engine
                .add_policy(lib.path.clone(), lib.source.to_string())
                .unwrap();
        }
        engine.set_input(doc.to_input());
        engine.eval_rule("data.rungs.lib.indexed".into()).unwrap() == regorus::Value::Bool(true)
    }

    /// Joins take the library's indexes in documents with more than 20 resources of one
    /// type, and compare every pair below that. Every example and fixture tree, padded past
    /// the gate, gives the checks it gives unpadded, on the VM as on the interpreter. (The
    /// VM once dropped the key of `index[k] contains v` rules, so every indexed join found
    /// nothing and 21 encrypted buckets failed the encryption policy.)
    #[test]
    fn joins_through_the_indexes_give_what_pairwise_joins_give() {
        let bundle = embedded();
        let mut compared = 0;
        for (tree, documents) in fixture_documents() {
            let prepared = prepare_applicable(&bundle, &documents).unwrap();
            let pairwise = evaluate_with(&bundle, &documents, Ok(prepared.clone()));
            let padded: Vec<Document> = documents.iter().map(padded).collect();
            if compared == 0 {
                assert!(!indexed(&bundle, &documents[0]));
                assert!(padded.iter().all(|d| indexed(&bundle, d)));
            }
            let what = format!("{} padded", tree.display());
            // The VM's checks, once the interpreter agrees with them.
            let through_indexes =
                assert_vm_decides_as_interpreter(&bundle, &padded, &prepared, &what);
            assert_same_checks(
                &through_indexes,
                &pairwise,
                &format!("{what} (indexed, pairwise)"),
            );
            compared += through_indexes.checks.len();
        }
        assert!(compared > 1000, "{compared} checks compared");
    }

    /// A padded document whose resources hold awkward argument texts: several references, a
    /// non-ASCII character, empty dot-separated parts, lists mixing known and unknown items,
    /// literal names known and unknown, values that are no strings.
    fn awkward() -> Document {
        use crate::load::terraform::value::Val;
        let mut doc = padded(
            &documents_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aws-platform"))[0],
        );
        let texts = [
            Val::Unknown("${aws_s3_bucket.logs[0].id}-x ${module.m.aws_s3_bucket.y.arn}".into()),
            Val::Unknown("é${a..b}.c ${data.aws_iam_policy_document.p.json}".into()),
            Val::String("bucket-é".into()),
            Val::List(vec![
                Val::Unknown("${aws_kms_key.k.arn}".into()),
                Val::String("known".into()),
                Val::Number(3.0),
            ]),
            Val::Object([("k".to_string(), Val::Unknown("${var.v}".into()))].into()),
            Val::Bool(true),
            Val::Null,
        ];
        for (i, text) in texts.iter().enumerate() {
            let mut r = doc.resources[doc.resources.len() - 1].clone();
            r.kind = "aws_s3_bucket_policy".into();
            r.reference = format!("aws_s3_bucket_policy.p{i}");
            r.address = r.reference.clone();
            r.config = [
                ("bucket".to_string(), text.clone()),
                ("name".to_string(), texts[(i + 1) % texts.len()].clone()),
                ("policy".to_string(), texts[(i + 2) % texts.len()].clone()),
            ]
            .into();
            doc.resources.push(r);
        }
        doc
    }

    /// A padded document of buckets in nested modules, with instance keys, and bucket policies
    /// in every module naming them every way `designates` tells apart: same module, enclosing
    /// module, shadowed by a declaration, module-qualified, instance keys (`[1]`, `[*]`,
    /// unknown, a string with a character beyond UTF-16's first plane) and near misses.
    fn designations() -> Document {
        use crate::load::terraform::value::Val;
        let mut doc = padded(&Document {
            schema_version: crate::load::document::SCHEMA_VERSION,
            root: ".".into(),
            files: vec!["main.tf".into()],
            waiver_files: Vec::new(),
            resources: Vec::new(),
            module_calls: Vec::new(),
            providers: Vec::new(),
            required_providers: Default::default(),
        });
        let template = doc.resources[0].clone();
        let mut push = |kind: &str, name: &str, module: &str, index: Option<Val>, config: Val| {
            let mut r = template.clone();
            r.kind = kind.into();
            r.name = name.into();
            r.reference = format!("{kind}.{name}");
            r.address = match &index {
                Some(Val::Number(n)) => format!("{}[{n}]", r.reference),
                Some(Val::String(k)) => format!("{}[{k:?}]", r.reference),
                _ => r.reference.clone(),
            };
            if !module.is_empty() {
                r.address = format!("{module}.{}", r.address);
            }
            r.module = module.into();
            r.index = index;
            r.config = match config {
                Val::Object(c) => c,
                _ => unreachable!(),
            };
            doc.resources.push(r);
        };
        let bucket =
            |name: &str| Val::Object([("bucket".to_string(), Val::String(name.into()))].into());
        push("aws_s3_bucket", "b", "", None, bucket("module"));
        // Literal names equal to a prefix of module-qualified texts make these candidates.
        push("aws_s3_bucket", "b", "module.m", None, bucket("module"));
        push(
            "aws_s3_bucket",
            "b",
            "module.e[\"😀\"]",
            None,
            bucket("module"),
        );
        push(
            "aws_s3_bucket",
            "c",
            "module.m.module.n",
            None,
            bucket("module"),
        );
        // Shadows the root's aws_s3_bucket.i[1] in module.m without being [1] itself.
        push(
            "aws_s3_bucket",
            "i",
            "module.m",
            Some(Val::Number(0.0)),
            bucket("mi0"),
        );
        push(
            "aws_s3_bucket",
            "i",
            "",
            Some(Val::Number(0.0)),
            bucket("i0"),
        );
        push(
            "aws_s3_bucket",
            "i",
            "",
            Some(Val::Number(1.0)),
            bucket("i1"),
        );
        push(
            "aws_s3_bucket",
            "k",
            "",
            Some(Val::String("é😀".into())),
            bucket("k"),
        );
        let texts = [
            "${aws_s3_bucket.b.id}",
            "${module.m.aws_s3_bucket.b.arn}",
            "${module.n.aws_s3_bucket.c.arn}",
            "${module.m.module.n.aws_s3_bucket.c.id}",
            "${aws_s3_bucket.i[1].id}",
            "${aws_s3_bucket.i[*].id}",
            "${aws_s3_bucket.i[var.x].id}",
            "${aws_s3_bucket.i.id}",
            "${aws_s3_bucket.k[\"é😀\"].id}",
            "${aws_s3_bucket.k[\"x\"].id}",
            "x${aws_s3_bucket.bb.id} ${data.aws_s3_bucket.b.id} ${xaws_s3_bucket.b}",
            "😀${aws_s3_bucket.i[0]}😀${aws_s3_bucket.b}",
            "${module}",
            "${var.x} 😀 aws_s3_bucket.b",
            "${module.e[\"😀\"].aws_s3_bucket.b.id}",
        ];
        for (n, text) in texts.iter().enumerate() {
            for module in ["", "module.m", "module.m.module.n", "module.z"] {
                let config =
                    Val::Object([("bucket".to_string(), Val::Unknown(text.to_string()))].into());
                push(
                    "aws_s3_bucket_policy",
                    &format!("p{n}"),
                    module,
                    None,
                    config,
                );
            }
        }
        doc
    }

    /// rungs' precomputed `input.index` (src/load/index.rs) is exactly what the library builds
    /// for an input without it, on every example and fixture document padded past the gate of
    /// `data.rungs.lib.indexed`, on a document of awkward argument texts and on one of every way
    /// a text designates a resource. It survives JSON (`rungs input`) unchanged.
    #[test]
    fn the_input_index_is_what_the_library_builds() {
        let bundle = embedded();
        let mut engine = regorus::Engine::new();
        for lib in &bundle.libraries {
            engine
                .add_policy(lib.path.clone(), lib.source.to_string())
                .unwrap();
        }
        let mut documents: Vec<(String, Document)> = vec![
            ("awkward".into(), awkward()),
            ("designations".into(), designations()),
        ];
        for (tree, docs) in fixture_documents() {
            documents.extend(docs.iter().map(|d| (tree.display().to_string(), padded(d))));
        }
        let mut compared = 0;
        for (what, doc) in &documents {
            let input = doc.to_input();
            let index = input["index"].clone();
            assert!(index.as_object().is_ok(), "{what}: no index");
            // As `rungs input` prints it: JSON keeps every key a string.
            let json = serde_json::to_string(&input).unwrap();
            assert_eq!(
                regorus::Value::from_json_str(&json).unwrap(),
                input,
                "{what}"
            );
            let mut without = input.as_object().unwrap().clone();
            without.remove(&regorus::Value::from("index"));
            engine.set_input(regorus::Value::from(without));
            for (name, rule) in [
                ("by_key", "by_key"),
                ("unknown_arg", "unknown_arg"),
                ("known_arg", "known_arg"),
                ("designating_arg", "designating_arg"),
                ("companions", "companion_index"),
            ] {
                let built = engine.eval_rule(format!("data.rungs.lib.{rule}")).unwrap();
                // The first type whose entries differ, not both whole indexes.
                let types = built.as_object().unwrap();
                let differ = index[name]
                    .as_object()
                    .unwrap()
                    .iter()
                    .chain(types.iter())
                    .find(|(t, v)| index[name][*t] != **v || built[*t] != **v);
                assert_eq!(differ, None, "{what}: {name}: (type, one side)");
                assert_eq!(index[name], built, "{what}: {name}");
                compared += 1;
            }
        }
        assert!(compared > 2400, "{compared} indexes compared");
    }

    /// The embedded bundle with its libraries renamed, as if given from disk: nothing comes
    /// precompiled, so preparing it compiles at run time.
    fn compiled_at_run_time(bundle: &Bundle) -> Bundle {
        let mut bundle = bundle.clone();
        for library in &mut bundle.libraries {
            library.path = library.path.replace("<embedded>", "<disk>");
        }
        assert!(!bundle.has_embedded_libraries());
        bundle
    }

    /// The three clouds' examples in one scan run on several programs (precompiled ones per
    /// provider group, or compiled at run time in chunks the sources limit allows); every
    /// policy stays on the VM and it decides as the interpreter does.
    #[test]
    fn a_multi_cloud_scan_runs_on_the_vm() {
        let embedded = embedded();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let documents: Vec<Document> = ["aws-platform", "azure-platform", "gcp-platform"]
            .iter()
            .flat_map(|name| documents_of(&examples.join(name)))
            .collect();
        let types: BTreeSet<String> = documents.iter().flat_map(Document::type_keys).collect();
        let applies = |p: &Policy| p.meta.resource_types.iter().any(|t| types.contains(t));
        for (bundle, programs) in [(embedded.clone(), 3), (compiled_at_run_time(&embedded), 1)] {
            let kept: Vec<usize> = (0..bundle.policies.len())
                .filter(|&i| applies(&bundle.policies[i]))
                .collect();
            let prepared = prepare_for(&bundle, applies).unwrap();
            assert_eq!(prepared.notes, Vec::<String>::new());
            assert_eq!(prepared.programs(), programs);
            let compiled = prepared.vm.as_ref().unwrap();
            let off: Vec<&str> = kept
                .iter()
                .filter(|&&i| !compiled.on_vm(i))
                .map(|&i| bundle.policies[i].meta.id.as_str())
                .collect();
            assert_eq!(off, Vec::<&str>::new());
            let checks =
                assert_vm_decides_as_interpreter(&bundle, &documents, &prepared, "three examples")
                    .checks
                    .len();
            assert!(checks > 500, "{checks} checks");
        }
    }

    /// Embedded programs load with their rule infos and rule tree encoded (regorus patch 16):
    /// written back unchanged before decoding, and decoded, every rule and the tree encode to
    /// the same bytes again.
    #[test]
    fn embedded_programs_decode_on_first_use_to_what_was_encoded() {
        for precompiled in embedded::PROGRAMS {
            let bytes = &embedded::PROGRAM_BYTES[precompiled.start..precompiled.end];
            let program = vm::load(bytes).unwrap();
            // Loaded, nothing decoded yet: the sections are written back as they were read.
            assert!(
                program.serialize_binary().unwrap() == bytes,
                "{}",
                precompiled.group
            );
            program.rule_infos.decode_all().unwrap();
            assert!(program.rule_tree.get().is_some(), "{}", precompiled.group);
            // Decoded: encoded again from the values, the same bytes.
            assert!(
                program.serialize_binary().unwrap() == bytes,
                "{} decodes to another program",
                precompiled.group
            );
        }
    }

    /// A rule or rule tree that does not decode is missing, never a default: `get` is `None`,
    /// `decode_all` names the rule, and non-empty data cannot be checked against the tree.
    #[test]
    fn rule_tables_that_do_not_decode_are_missing() {
        use regorus::rvm::program::{RuleInfos, RuleTree};
        let precompiled = &embedded::PROGRAMS[0];
        let program =
            vm::load(&embedded::PROGRAM_BYTES[precompiled.start..precompiled.end]).unwrap();
        let rule = program.rule_infos.get(0).unwrap().clone();
        let mut section = RuleInfos::from(vec![rule.clone(), rule]).encode().unwrap();
        // The table's second end offset (bytes 8..12) now points past the section.
        section[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        let infos = RuleInfos::encoded(Cow::Owned(section)).unwrap();
        assert_eq!(infos.len(), 2);
        assert!(infos.get(0).is_some());
        assert!(infos.get(1).is_none());
        assert_eq!(
            infos.decode_all().unwrap_err(),
            "Rule info 1 does not decode"
        );

        let mut program = Arc::unwrap_or_clone(program);
        program.rule_tree = RuleTree::encoded(&[0xff, 0xff, 0xff]);
        assert!(program
            .check_rule_data_conflicts(&regorus::Value::new_object())
            .is_ok());
        let data = regorus::Value::from_json_str(r#"{"p": 1}"#).unwrap();
        assert!(program.rule_tree.get().is_none());
        assert!(program.check_rule_data_conflicts(&data).is_err());
    }

    /// The programs `build.rs` compiled are byte for byte what a run compiles for the same
    /// provider group (with the sources cut to their packages), and split a group as a run
    /// would.
    #[test]
    fn precompiled_programs_are_what_a_run_compiles() {
        let bundle = embedded();
        let index: BTreeMap<&str, usize> = bundle
            .policies
            .iter()
            .enumerate()
            .map(|(i, p)| (p.meta.id.as_str(), i))
            .collect();
        let mut by_group: BTreeMap<&str, Vec<Vec<usize>>> = BTreeMap::new();
        for precompiled in embedded::PROGRAMS {
            let chunk: Vec<usize> = precompiled.policies.iter().map(|id| index[id]).collect();
            let mut program =
                Arc::unwrap_or_clone(compile_chunk_program(None, &bundle, &chunk).unwrap());
            program::packages_only(&mut program);
            assert!(
                program.serialize_binary().unwrap()
                    == embedded::PROGRAM_BYTES[precompiled.start..precompiled.end],
                "{} differs",
                precompiled.group
            );
            by_group.entry(precompiled.group).or_default().push(chunk);
        }
        let groups: BTreeSet<String> = bundle.policies.iter().map(batch_group).collect();
        assert_eq!(groups.len(), by_group.len());
        for (group, precompiled) in by_group {
            let run = chunks(&bundle, &|p: &Policy| batch_group(p) == group);
            assert_eq!(run, precompiled, "{group}");
        }
    }

    /// The embedded bundle, the documents of the RUNGS-AWS-S3-002 `fail` fixture and the
    /// policies that apply to them, prepared as a scan prepares them.
    fn s3_fixture() -> (Bundle, Vec<Document>, Prepared) {
        let bundle = embedded();
        let tree = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/policies/RUNGS-AWS-S3-002/fail");
        let documents = documents_of(&tree);
        let prepared = prepare_applicable(&bundle, &documents).unwrap();
        (bundle, documents, prepared)
    }

    /// A scan of only embedded policies loads programs and parses no policy: the interpreter
    /// engine is built only when something needs it, and then holds the kept policies.
    #[test]
    fn precompiled_programs_leave_the_interpreter_unbuilt_until_needed() {
        let (bundle, documents, prepared) = s3_fixture();
        assert!(prepared.interpreter.engine.get().is_none());
        let on_vm = evaluate_with(&bundle, &documents, Ok(prepared.clone()));
        assert!(prepared.interpreter.engine.get().is_none());
        let interpreted = evaluate_with(&bundle, &documents, Ok(prepared.interpreter_only()));
        assert!(prepared.interpreter.engine.get().is_some_and(|e| e.is_ok()));
        assert_eq!(on_vm.checks, interpreted.checks);
        assert!(on_vm
            .checks
            .iter()
            .any(|c| c.policy == "RUNGS-AWS-S3-002" && c.outcome == Outcome::Fail));
    }

    /// A floor leaves out exactly the policies that need fewer instructions, and bisects the
    /// others to the counts a search without floor finds.
    #[test]
    fn a_floor_keeps_the_counts_at_or_above_it() {
        let (bundle, documents, prepared) = s3_fixture();
        let all = instructions_needed(&prepared, &bundle, &documents[0], 0);
        assert!(all.len() > 1, "{all:?}");
        let mut counts: Vec<u64> = all.iter().map(|(_, n)| *n).collect();
        counts.sort();
        assert!(
            counts[0] > 0 && counts[0] < counts[counts.len() - 1],
            "{counts:?}"
        );
        for floor in [
            counts[0],
            counts[counts.len() / 2],
            counts[counts.len() - 1],
            counts[counts.len() - 1] + 1,
        ] {
            let kept: Vec<(usize, u64)> =
                all.iter().copied().filter(|(_, n)| *n >= floor).collect();
            assert_eq!(
                instructions_needed(&prepared, &bundle, &documents[0], floor),
                kept,
                "floor {floor}"
            );
        }
    }

    /// The whole library (every provider) compiles for the VM, in several programs.
    #[test]
    fn the_whole_library_runs_on_the_vm() {
        let bundle = embedded();
        let prepared = prepare(&bundle).unwrap();
        assert_eq!(prepared.notes, Vec::<String>::new());
        let compiled = prepared.vm.as_ref().unwrap();
        assert!(compiled.program_of.iter().all(Option::is_some));
        assert_eq!(compiled.programs.len(), embedded::PROGRAMS.len());
        let whole = prepare_for(&compiled_at_run_time(&bundle), |_| true).unwrap();
        assert_eq!(whole.notes, Vec::<String>::new());
        assert!(whole
            .vm
            .as_ref()
            .unwrap()
            .program_of
            .iter()
            .all(Option::is_some));
        assert_eq!(whole.programs(), 3);
    }

    /// `evaluate` builds an engine with only the policies that apply to the scanned documents:
    /// on every bundled example and fixture tree it must give what the whole bundle gives.
    #[test]
    fn applicable_policies_alone_give_what_the_whole_bundle_gives() {
        let bundle = embedded();
        let whole = prepare(&bundle).unwrap();
        for (tree, documents) in fixture_documents() {
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

    /// The VM (batch rules per provider group, within the budget) decides as the interpreter
    /// (each policy alone) does, on every bundled example and fixture tree: the same findings,
    /// unknowns and errors.
    #[test]
    fn the_vm_decides_as_the_interpreter_does() {
        let bundle = embedded();
        let mut compared = 0;
        for (tree, documents) in fixture_documents() {
            // As a scan does: the policies that apply to the tree, which must compile.
            let whole = prepare_applicable(&bundle, &documents).unwrap();
            assert!(
                whole.notes.is_empty(),
                "{}: {:?}",
                tree.display(),
                whole.notes
            );
            compared += assert_vm_decides_as_interpreter(
                &bundle,
                &documents,
                &whole,
                &tree.display().to_string(),
            )
            .checks
            .len();
        }
        assert!(compared > 1000, "{compared} checks compared");
    }
}
