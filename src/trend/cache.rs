//! The cached pipeline behind `rungs trend`: work scales with what changed between commits.
//!
//! - Parsed files are kept by (blob id, path): a file unchanged since the last commit is not
//!   read or parsed again.
//! - A root module's result (its load diagnostics and evaluation) is kept under a key hashed
//!   from the namespace (tool version, policy bundle, load options), the root's directory and
//!   the content id of every directory its load looked at (found or not): the root itself, each
//!   module it called, `.terraform/modules`. A content id covers the directory's Terraform,
//!   tfvars and module-manifest files, not its sub-directories. In memory, each root keeps the
//!   directory sets it was loaded with, so a commit that changed none of them skips the load.
//! - With a cache directory, results are also written to `DIR/rungs-VERSION/BUNDLE/KEY.json`
//!   and read back by later runs. The directory is safe to delete at any time.
//!
//! Commits are planned one after the other (listing, parsing and loading what changed), then
//! all new documents are evaluated at once in parallel, then each commit's results are joined,
//! waived and scored exactly as `scan` does it. Waiving reads the commit's files for inline
//! `# rungs:ignore` comments only when a file holds one or suppressions or a baseline are set.

use super::{Progress, Row};
use crate::attest::{self, Attestation};
use crate::baseline::{self, Baseline};
use crate::diagnostics::{self, Diagnostic};
use crate::evaluate::{self, DocResult};
use crate::load::terraform::{self, value::Val, Dirs, ParsedFile};
use crate::load::Document;
use crate::model::Model;
use crate::policy::{self, Bundle};
use crate::scan::{self, load_model};
use crate::scope;
use crate::score;
use crate::source::git::{CommitInfo, GitTree, Repo};
use crate::waive;
use git2::{ObjectType, Oid};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Bump when the meaning of a cached result changes without a version bump (development).
const CACHE_FORMAT: u32 = 3;

/// What one root module produced, as cached.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RootResult {
    pub providers: BTreeSet<String>,
    /// What the root tells about the scope, when none is given.
    pub scope: scope::Signal,
    pub diagnostics: Vec<Diagnostic>,
    pub evaluation: DocResult,
}

/// Counters, for `--timings`-style reporting and the benchmark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub files_parsed: usize,
    pub files_reused: usize,
    pub roots_loaded: usize,
    pub roots_reused: usize,
    pub roots_evaluated: usize,
    pub roots_from_disk: usize,
}

type Deps = Vec<(String, Option<Oid>)>;

/// One commit, planned: which root results make it up.
struct Plan {
    commit: CommitInfo,
    keys: Vec<String>,
    /// Files listed for this commit, and whether one holds an inline suppression.
    files: HashSet<String>,
    directives: bool,
    /// Walk diagnostics, then load diagnostics not tied to one root (parse failures, --var).
    discovery: Vec<Diagnostic>,
    load: Vec<Diagnostic>,
}

pub struct Pipeline<'o> {
    options: &'o scan::Options,
    bundle: Bundle,
    model: Model,
    /// Policy, config and attestation problems and unknown controls: the same for every commit.
    fixed_diagnostics: Vec<Diagnostic>,
    baseline: Option<Baseline>,
    attestations: BTreeMap<String, Attestation>,
    engine: Result<evaluate::Prepared, Diagnostic>,
    excluded: globset::GlobSet,
    overrides: Vec<(String, Val)>,
    overrides_error: Option<Diagnostic>,
    namespace: String,
    disk: Option<PathBuf>,
    parsed: HashMap<(Oid, String), Result<Arc<ParsedFile>, Diagnostic>>,
    /// Blobs holding `rungs:ignore`.
    directives: HashSet<Oid>,
    documents: HashMap<String, Arc<Document>>,
    dir_content: HashMap<Oid, Oid>,
    candidates: HashMap<String, Vec<(Deps, String)>>,
    results: HashMap<String, Arc<RootResult>>,
    pub stats: Stats,
}

fn hash(text: &str) -> String {
    Oid::hash_object(ObjectType::Blob, text.as_bytes())
        .map(|o| o.to_string())
        .unwrap_or_default()
}

impl<'o> Pipeline<'o> {
    /// Loads the model and policies once. `Err` for what leaves nothing to report, as in
    /// `scan::run`.
    pub fn new(options: &'o scan::Options, cache_dir: Option<&Path>) -> Result<Self, Diagnostic> {
        scan::check_threshold(options.threshold)?;
        let model = load_model(options.model.as_ref())?;
        let excluded = crate::discover::excludes(&options.excludes).map_err(|e| {
            Diagnostic::error(diagnostics::Code::Walk, e).help("fix the --exclude pattern")
        })?;
        let baseline = options
            .baseline
            .as_deref()
            .map(baseline::read)
            .transpose()?;
        let (mut bundle, mut fixed_diagnostics) = policy::load(&options.policies);
        if let Some(config) = &options.config {
            fixed_diagnostics.extend(config.apply_to_policies(&mut bundle));
        }
        options.selection.apply(&mut bundle);
        fixed_diagnostics.extend(scan::unknown_controls(&bundle, &model));
        let (attestations, problems) = match &options.config {
            Some(c) => attest::check(&c.attestations, &model, options.today),
            None => Default::default(),
        };
        fixed_diagnostics.extend(problems);
        let (overrides, overrides_error) = match terraform::global_overrides(&options.load) {
            Ok(v) => (v, None),
            Err(d) => (Vec::new(), Some(d)),
        };
        let mut identity = format!(
            "rungs {} cache {CACHE_FORMAT}\nexclude {:?}\ndepth {}\noverrides {overrides:?}\ninstructions {}\n",
            env!("CARGO_PKG_VERSION"),
            options.excludes,
            options.load.max_module_depth,
            crate::vm::max_instructions()
        );
        for file in bundle
            .libraries
            .iter()
            .chain(bundle.policies.iter().map(|p| &p.file))
        {
            identity.push_str(&format!("{}\n{}\n", file.path, hash(&file.source)));
        }
        let namespace = hash(&identity);
        let disk = cache_dir.map(|d| {
            d.join(format!("rungs-{}", env!("CARGO_PKG_VERSION")))
                .join(&namespace[..16])
        });
        Ok(Pipeline {
            options,
            engine: evaluate::prepare(&bundle),
            bundle,
            model,
            fixed_diagnostics,
            baseline,
            attestations,
            excluded,
            overrides,
            overrides_error,
            namespace,
            disk,
            parsed: HashMap::new(),
            directives: HashSet::new(),
            documents: HashMap::new(),
            dir_content: HashMap::new(),
            candidates: HashMap::new(),
            results: HashMap::new(),
            stats: Stats::default(),
        })
    }

    /// Scans the commits (oldest first) and gives one row each.
    pub fn rows(
        &mut self,
        repo: &Repo,
        commits: &[CommitInfo],
        progress: &dyn Progress,
    ) -> Vec<Row> {
        let mut pending: HashMap<String, (Arc<Document>, Vec<Diagnostic>)> = HashMap::new();
        let mut plans = Vec::with_capacity(commits.len());
        for (i, commit) in commits.iter().enumerate() {
            progress.update("reading commits", i, commits.len());
            plans.push(self.plan(repo, commit, &mut pending));
        }
        progress.update("reading commits", commits.len(), commits.len());
        self.evaluate(pending, progress);
        plans.iter().map(|p| self.row(repo, p)).collect()
    }

    /// The content id of a directory at this commit; `None` when it does not exist.
    fn dir_id(&mut self, tree: &GitTree<'_>, dir: &str) -> Option<Oid> {
        let sub = tree.subtree(dir)?;
        if let Some(id) = self.dir_content.get(&sub) {
            return Some(*id);
        }
        let id = tree.dir_content(sub)?;
        self.dir_content.insert(sub, id);
        Some(id)
    }

    fn plan(
        &mut self,
        repo: &Repo,
        commit: &CommitInfo,
        pending: &mut HashMap<String, (Arc<Document>, Vec<Diagnostic>)>,
    ) -> Plan {
        let tree = repo.tree(commit, commit.short());
        let (discovery, ids) = tree.discover_ids(&self.excluded);

        // Parse what this commit changed: read blobs under the lock, parse in parallel.
        let mut fresh: Vec<(usize, std::io::Result<Vec<u8>>)> = Vec::new();
        for (i, (file, id)) in discovery.files.iter().zip(&ids).enumerate() {
            if !self.parsed.contains_key(&(*id, file.rel.clone())) {
                fresh.push((i, repo.blob(*id)));
            }
        }
        self.stats.files_parsed += fresh.len();
        self.stats.files_reused += discovery.files.len() - fresh.len();
        let parsed: Vec<_> = fresh
            .into_par_iter()
            .map(|(i, bytes)| {
                let f = &discovery.files[i];
                let marked = bytes.as_ref().is_ok_and(|b| {
                    b.windows(b"rungs:ignore".len())
                        .any(|w| w == b"rungs:ignore")
                });
                let parsed = terraform::parse_bytes(&f.rel, f.syntax, bytes).map(Arc::new);
                (i, marked, parsed)
            })
            .collect();
        for (i, marked, result) in parsed {
            if marked {
                self.directives.insert(ids[i]);
            }
            self.parsed
                .insert((ids[i], discovery.files[i].rel.clone()), result);
        }
        let (dirs, mut load) = terraform::group(
            discovery
                .files
                .iter()
                .zip(&ids)
                .map(|(f, id)| (f, self.parsed[&(*id, f.rel.clone())].clone())),
        );
        load.extend(self.overrides_error.clone());

        let roots = terraform::root_modules(&dirs);
        let mut keys = Vec::with_capacity(roots.len());
        let mut to_load = Vec::new();
        for root in &roots {
            match self.lookup(&tree, root) {
                Some(key) => {
                    self.stats.roots_reused += 1;
                    keys.push(Some(key));
                }
                None => {
                    keys.push(None);
                    to_load.push(root.as_str());
                }
            }
        }
        self.stats.roots_loaded += to_load.len();
        let loaded = self.load(&tree, &dirs, &to_load);
        let mut loaded = loaded.into_iter();
        let keys = keys
            .into_iter()
            .map(|k| {
                k.unwrap_or_else(|| {
                    let (root, result) = loaded.next().expect("one load per missing root");
                    let deps: Deps = result
                        .probed
                        .iter()
                        .map(|d| (d.clone(), self.dir_id(&tree, d)))
                        .collect();
                    let key = hash(&format!("{}\n{root}\n{deps:?}", self.namespace));
                    self.candidates
                        .entry(root)
                        .or_default()
                        .push((deps, key.clone()));
                    let document = Arc::new(result.document);
                    self.documents
                        .entry(key.clone())
                        .or_insert_with(|| document.clone());
                    if !self.results.contains_key(&key) {
                        pending
                            .entry(key.clone())
                            .or_insert((document, result.diagnostics));
                    }
                    key
                })
            })
            .collect();
        Plan {
            commit: commit.clone(),
            keys,
            directives: ids.iter().any(|id| self.directives.contains(id)),
            files: discovery.files.into_iter().map(|f| f.rel).collect(),
            discovery: discovery.diagnostics,
            load,
        }
    }

    /// The key of a root loaded before with the same content in every directory it looked at.
    fn lookup(&mut self, tree: &GitTree<'_>, root: &str) -> Option<String> {
        let candidates = self.candidates.get(root)?.clone();
        let mut seen: HashMap<String, Option<Oid>> = HashMap::new();
        candidates.into_iter().find_map(|(deps, key)| {
            let holds = deps.iter().all(|(dir, id)| {
                let now = match seen.get(dir) {
                    Some(now) => *now,
                    None => {
                        let now = self.dir_id(tree, dir);
                        seen.insert(dir.clone(), now);
                        now
                    }
                };
                now == *id
            });
            holds.then_some(key)
        })
    }

    fn load(
        &self,
        tree: &GitTree<'_>,
        dirs: &Dirs,
        roots: &[&str],
    ) -> Vec<(String, terraform::LoadedRoot)> {
        roots
            .par_iter()
            .map(|root| {
                (
                    root.to_string(),
                    terraform::load_root(tree, dirs, root, &self.overrides, &self.options.load),
                )
            })
            .collect()
    }

    fn disk_path(&self, key: &str) -> Option<PathBuf> {
        self.disk.as_ref().map(|d| d.join(format!("{key}.json")))
    }

    /// Evaluates every new document once: from the disk cache when it has it, else in parallel.
    fn evaluate(
        &mut self,
        pending: HashMap<String, (Arc<Document>, Vec<Diagnostic>)>,
        progress: &dyn Progress,
    ) {
        let mut todo = Vec::new();
        for (key, doc) in pending {
            let cached = self
                .disk_path(&key)
                .and_then(|p| std::fs::read(p).ok())
                .and_then(|bytes| serde_json::from_slice::<RootResult>(&bytes).ok());
            match cached {
                Some(result) => {
                    self.stats.roots_from_disk += 1;
                    self.results.insert(key, Arc::new(result));
                }
                None => todo.push((key, doc)),
            }
        }
        todo.sort_by(|a, b| a.0.cmp(&b.0));
        self.stats.roots_evaluated += todo.len();
        let Ok(engine) = &self.engine else {
            // The bundle does not load: keep the load diagnostics; `row` reports the bundle.
            for (key, (document, diagnostics)) in todo {
                let result = RootResult {
                    providers: evaluate::providers(&document),
                    scope: scope::signal(&document),
                    diagnostics,
                    evaluation: DocResult::default(),
                };
                self.results.insert(key, Arc::new(result));
            }
            return;
        };
        let done = AtomicUsize::new(0);
        let total = todo.len();
        let bundle = &self.bundle;
        let evaluated: Vec<(String, RootResult)> = todo
            .into_par_iter()
            .map_init(
                || engine.worker(),
                |worker, (key, (document, diagnostics))| {
                    let result = RootResult {
                        providers: evaluate::providers(&document),
                        scope: scope::signal(&document),
                        diagnostics,
                        evaluation: evaluate::evaluate_document(worker, bundle, &document),
                    };
                    progress.update(
                        "evaluating",
                        done.fetch_add(1, Ordering::Relaxed) + 1,
                        total,
                    );
                    (key, result)
                },
            )
            .collect();
        if let Some(dir) = &self.disk {
            let _ = std::fs::create_dir_all(dir);
        }
        for (key, result) in evaluated {
            if let Some(path) = self.disk_path(&key) {
                write_atomically(&path, &result);
            }
            self.results.insert(key, Arc::new(result));
        }
    }

    /// Joins, waives and scores one commit as `scan::run_source` does.
    fn row(&self, repo: &Repo, plan: &Plan) -> Row {
        let results: Vec<&RootResult> = plan
            .keys
            .iter()
            .filter_map(|k| self.results.get(k).map(|r| r.as_ref()))
            .collect();
        let mut load = plan.load.clone();
        for r in &results {
            load.extend(r.diagnostics.iter().cloned());
        }
        terraform::sort_dedup(&mut load);
        let mut evaluation = match &self.engine {
            Ok(_) => {
                let providers: BTreeSet<String> = results
                    .iter()
                    .flat_map(|r| r.providers.iter().cloned())
                    .collect();
                evaluate::combine(
                    &self.bundle,
                    results.iter().map(|r| &r.evaluation),
                    &providers,
                )
            }
            Err(d) => evaluate::Evaluation {
                diagnostics: vec![d.clone()],
                ..evaluate::Evaluation::default()
            },
        };
        let scoping = self
            .options
            .scope
            .clone()
            .unwrap_or_else(|| scope::detect(results.iter().map(|r| &r.scope)));
        scope::retain_in_scope(&mut evaluation.checks, &self.bundle.policies, scoping.scope);
        let documents: Vec<&Document> = plan
            .keys
            .iter()
            .filter_map(|k| self.documents.get(k).map(|d| d.as_ref()))
            .collect();
        let suppressions = self
            .options
            .config
            .as_ref()
            .map_or(&[][..], |c| c.suppressions.as_slice());
        // Without inline comments, suppressions or a baseline, waiving changes nothing; files
        // read on demand (outside the listing) may hold comments, so they count as marked.
        let waive = plan.directives
            || !suppressions.is_empty()
            || self.baseline.is_some()
            || documents
                .iter()
                .any(|d| d.files.iter().any(|f| !plan.files.contains(f)));
        let waived = if waive {
            waive::apply(
                &repo.tree(&plan.commit, plan.commit.short()),
                &documents,
                &mut evaluation.checks,
                suppressions,
                self.baseline.as_ref(),
                self.options.today,
            )
            .diagnostics
        } else {
            Vec::new()
        };
        let rules = score::Rules {
            threshold: self.options.threshold,
            strict: self.options.strict,
            scope: scoping,
        };
        let scorecard = score::score(
            &self.model,
            &self.bundle.policies,
            &evaluation.checks,
            &rules,
            &self.attestations,
        );
        let mut all = plan.discovery.clone();
        all.extend(load);
        all.extend(self.fixed_diagnostics.iter().cloned());
        all.extend(evaluation.diagnostics);
        all.extend(waived);
        diagnostics::sort(&mut all);
        Row::new(
            &plan.commit,
            plan.keys.len(),
            &evaluation.checks,
            &scorecard,
            &all,
        )
    }
}

/// Writes through a temporary file and a rename, so a reader never sees half a result; a
/// failed write only costs the reuse.
fn write_atomically(path: &Path, result: &RootResult) {
    let Ok(bytes) = serde_json::to_vec(result) else {
        return;
    };
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
