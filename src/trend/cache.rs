//! The cached pipeline behind `rungs trend`: work scales with what changed between commits,
//! memory with what one chunk of commits needs.
//!
//! - Parsed files are kept by (blob id, path) for the commit just planned: a file unchanged
//!   since the previous commit is not read or parsed again.
//! - A root module's result (its load diagnostics and evaluation) is kept under a key hashed
//!   from the namespace (tool version, policy bundle, load options), the root's directory and
//!   the content id of every directory its load looked at (found or not): the root itself, each
//!   module it called, `.terraform/modules`. A content id covers the directory's Terraform,
//!   tfvars and module-manifest files, not its sub-directories. In memory, each root keeps the
//!   directory sets it was loaded with, so a commit that changed none of them skips the load.
//! - With a disk cache ([`super::disk`]), results are also written there and read back by
//!   later runs.
//!
//! Commits go through in chunks: planned one after the other (listing, parsing and loading
//! what changed) until the chunk holds [`CHUNK_DOCUMENTS`] new documents or [`CHUNK_COMMITS`]
//! commits; then the chunk's new documents are evaluated at once in parallel, each commit's
//! results are joined, waived and scored exactly as `scan` does it, and the caches are cut
//! back to the newest commit's roots plus the [`KEPT_RESULTS`] most recently used others.
//! Chunking changes what is held, never a row. Waiving reads the commit's files for inline
//! `# rungs:ignore` comments only when a file holds one or suppressions or a baseline are set.

use super::disk::{self, Disk};
use super::{Progress, Row};
use crate::attest::{self, Attestation};
use crate::baseline::{self, Baseline};
use crate::diagnostics::{self, Diagnostic};
use crate::evaluate::{self, DocResult};
use crate::load::terraform::{self, value::Val, Dirs, ParsedFile};
use crate::load::{inputs, Document};
use crate::model::Model;
use crate::policy::{self, Bundle};
use crate::scan::{self, load_model};
use crate::scope;
use crate::score;
use crate::source::git::{CommitInfo, GitTree, Repo};
use crate::source::Source;
use crate::waive;
use git2::{ObjectType, Oid};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Bump when the meaning of a cached result changes without a version bump (development).
const CACHE_FORMAT: u32 = 3;
/// A chunk is evaluated once it holds this many new documents ...
pub const CHUNK_DOCUMENTS: usize = 64;
/// ... or this many commits.
pub const CHUNK_COMMITS: usize = 256;
/// Root results (with their documents) kept between chunks besides the newest commit's.
pub const KEPT_RESULTS: usize = 64;
/// Directory content ids remembered (by tree id) before the memo is emptied.
const KEPT_DIR_IDS: usize = 65_536;

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
    /// The most root results (with documents) held at once, and the most parsed files.
    pub peak_results: usize,
    pub peak_files: usize,
}

type Deps = Vec<(String, Option<Oid>)>;

/// One commit, planned: which root results make it up.
struct Plan {
    commit: CommitInfo,
    keys: Vec<String>,
    /// Whether waiving may change something without suppressions or a baseline: a listed file
    /// holds an inline suppression, or a document read a file outside the listing.
    directives: bool,
    /// Walk diagnostics, then load diagnostics not tied to one root (parse failures, --var).
    discovery: Vec<Diagnostic>,
    load: Vec<Diagnostic>,
}

/// A parsed file, and whether it holds `rungs:ignore`.
type Parsed = (Result<Arc<ParsedFile>, Diagnostic>, bool);

/// A root module's document and, once evaluated, its result.
struct Entry {
    document: Arc<Document>,
    result: Option<Arc<RootResult>>,
    /// The index (in this pipeline's commits) of the last commit that used it.
    used: usize,
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
    disk: Option<Disk>,
    /// Why the disk cache is off although one was asked for.
    pub warnings: Vec<String>,
    /// Whether rows keep each objective's result (`Row::objectives`, for `--format jsonl`):
    /// about 20 KB per commit with the default model. On by default.
    pub objectives: bool,
    /// The files of the commit planned last.
    parsed: HashMap<(Oid, String), Parsed>,
    entries: HashMap<String, Entry>,
    dir_content: HashMap<Oid, Oid>,
    candidates: HashMap<String, Vec<(Deps, String)>>,
    /// Commits planned so far, to order entries by use.
    planned: usize,
    pub stats: Stats,
}

fn hash(text: &str) -> String {
    Oid::hash_object(ObjectType::Blob, text.as_bytes())
        .map(|o| o.to_string())
        .unwrap_or_default()
}

impl<'o> Pipeline<'o> {
    /// Loads the model and policies once. `Err` for what leaves nothing to report, as in
    /// `scan::run`. A disk cache that cannot be written is left off, with a warning.
    pub fn new(
        options: &'o scan::Options,
        cache: Option<&disk::Settings>,
    ) -> Result<Self, Diagnostic> {
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
        // Everything besides the files that changes a root's result: a result cached under
        // other settings is never read back.
        let mut identity = format!(
            "rungs {} cache {CACHE_FORMAT}\nexclude {:?}\ndepth {}\ninstances {}\nfile size {}\nscan size {}\nmodule calls {}\nvalue size {}\neval size {}\noverrides {overrides:?}\ncfn {:?}\ninstructions {}\nelements {}\nseconds {}\n",
            env!("CARGO_PKG_VERSION"),
            options.excludes,
            options.load.max_module_depth,
            options.load.max_root_instances,
            crate::read::max_file_size(),
            options.load.max_scan_size,
            options.load.max_module_calls,
            options.load.limits.max_value,
            options.load.limits.max_total,
            options.inputs.cfn_params,
            crate::vm::max_instructions(),
            crate::vm::max_elements(),
            crate::vm::max_seconds()
        );
        for file in bundle
            .libraries
            .iter()
            .chain(bundle.policies.iter().map(|p| &p.file))
        {
            identity.push_str(&format!("{}\n{}\n", file.path, hash(&file.source)));
        }
        let namespace = hash(&identity);
        let mut warnings = Vec::new();
        let disk = cache.and_then(|settings| {
            Disk::open(settings, &namespace[..16])
                .map_err(|e| warnings.push(e))
                .ok()
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
            warnings,
            objectives: true,
            parsed: HashMap::new(),
            entries: HashMap::new(),
            dir_content: HashMap::new(),
            candidates: HashMap::new(),
            planned: 0,
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
        let mut rows = Vec::with_capacity(commits.len());
        let mut plans = Vec::new();
        let mut pending: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for (i, commit) in commits.iter().enumerate() {
            progress.update("scanning commits", i, commits.len());
            plans.push(self.plan(repo, commit, &mut pending));
            let last = i + 1 == commits.len();
            if last || pending.len() >= CHUNK_DOCUMENTS || plans.len() >= CHUNK_COMMITS {
                self.evaluate(std::mem::take(&mut pending));
                rows.extend(plans.iter().map(|p| self.row(repo, p)));
                self.evict(&plans[plans.len() - 1]);
                plans.clear();
            }
        }
        progress.update("scanning commits", commits.len(), commits.len());
        if let Some(disk) = &mut self.disk {
            disk.finish();
        }
        rows
    }

    /// Keeps the newest commit's results and the most recently used others, and the
    /// candidates that lead to them.
    fn evict(&mut self, newest: &Plan) {
        if self.entries.len() > KEPT_RESULTS {
            let newest: HashSet<&String> = newest.keys.iter().collect();
            let mut others: Vec<(usize, &String)> = self
                .entries
                .iter()
                .filter(|(k, _)| !newest.contains(k))
                .map(|(k, e)| (e.used, k))
                .collect();
            others.sort_by(|a, b| b.cmp(a));
            let dropped: Vec<String> = others
                .into_iter()
                .skip(KEPT_RESULTS)
                .map(|(_, k)| k.clone())
                .collect();
            for key in &dropped {
                self.entries.remove(key);
            }
            let entries = &self.entries;
            self.candidates.retain(|_, list| {
                list.retain(|(_, key)| entries.contains_key(key));
                !list.is_empty()
            });
        }
        if self.dir_content.len() > KEPT_DIR_IDS {
            self.dir_content.clear();
        }
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
        pending: &mut BTreeMap<String, Vec<Diagnostic>>,
    ) -> Plan {
        let index = self.planned;
        self.planned += 1;
        let tree = repo.tree(commit, commit.short());
        let (discovery, ids) = tree.discover_ids(&self.excluded);

        // Keep the parsed files this commit still has; read the others' blobs under the lock
        // and parse them in parallel.
        let mut previous = std::mem::take(&mut self.parsed);
        let mut current: HashMap<(Oid, String), Parsed> = HashMap::new();
        let mut fresh: Vec<(usize, std::io::Result<Vec<u8>>)> = Vec::new();
        for (i, (file, id)) in discovery.files.iter().zip(&ids).enumerate() {
            let key = (*id, file.rel.clone());
            match previous.remove(&key) {
                Some(parsed) => {
                    current.insert(key, parsed);
                }
                None if current.contains_key(&key) => {}
                None => fresh.push((i, repo.blob(*id))),
            }
        }
        drop(previous);
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
                (i, (parsed, marked))
            })
            .collect();
        for (i, parsed) in parsed {
            current.insert((ids[i], discovery.files[i].rel.clone()), parsed);
        }
        self.parsed = current;
        self.stats.peak_files = self.stats.peak_files.max(self.parsed.len());
        let (dirs, mut load) = terraform::group(
            discovery
                .files
                .iter()
                .zip(&ids)
                .map(|(f, id)| (f, self.parsed[&(*id, f.rel.clone())].0.clone())),
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
        drop(dirs);
        let mut loaded = loaded.into_iter();
        let mut keys: Vec<String> = keys
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
                    if !self.entries.contains_key(&key) {
                        self.entries.insert(
                            key.clone(),
                            Entry {
                                document: Arc::new(result.document),
                                result: None,
                                used: index,
                            },
                        );
                        pending.insert(key.clone(), result.diagnostics);
                    }
                    key
                })
            })
            .collect();
        // Plans and templates (one document each) and manifest directories, keyed by what was
        // loaded from them.
        let read = |rel: &str| tree.read(rel);
        for (document, problems) in
            inputs::data_files(&discovery.data_files, &read, &self.options.inputs)
        {
            let Some(document) = document else {
                load.extend(problems);
                continue;
            };
            let loaded = serde_json::to_string(&(&document, &problems)).unwrap_or_default();
            let key = hash(&format!(
                "{}\ndata {}\n{loaded}",
                self.namespace, document.root
            ));
            if !self.entries.contains_key(&key) {
                self.entries.insert(
                    key.clone(),
                    Entry {
                        document: Arc::new(document),
                        result: None,
                        used: index,
                    },
                );
                pending.insert(key.clone(), problems);
            }
            keys.push(key);
        }
        self.stats.peak_results = self.stats.peak_results.max(self.entries.len());
        let listed: HashSet<&str> = discovery.files.iter().map(|f| f.rel.as_str()).collect();
        let mut directives = self.parsed.values().any(|(_, marked)| *marked);
        for key in &keys {
            let entry = self
                .entries
                .get_mut(key)
                .expect("planned keys have entries");
            entry.used = index;
            directives |= entry
                .document
                .files
                .iter()
                .any(|f| !listed.contains(f.as_str()));
        }
        Plan {
            commit: commit.clone(),
            keys,
            directives,
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

    /// Evaluates every new document once: from the disk cache when it has it, else in parallel.
    fn evaluate(&mut self, pending: BTreeMap<String, Vec<Diagnostic>>) {
        let mut todo = Vec::new();
        for (key, diagnostics) in pending {
            match self.disk.as_ref().and_then(|d| d.read(&key)) {
                Some(result) => {
                    self.stats.roots_from_disk += 1;
                    self.set_result(&key, result);
                }
                None => {
                    let document = self.entries[&key].document.clone();
                    todo.push((key, document, diagnostics));
                }
            }
        }
        self.stats.roots_evaluated += todo.len();
        let Ok(engine) = &self.engine else {
            // The bundle does not load: keep the load diagnostics; `row` reports the bundle.
            for (key, document, diagnostics) in todo {
                let result = RootResult {
                    providers: evaluate::providers(&document),
                    scope: scope::signal(&document),
                    diagnostics,
                    evaluation: DocResult::default(),
                };
                self.set_result(&key, result);
            }
            return;
        };
        let bundle = &self.bundle;
        let evaluated: Vec<(String, RootResult)> = todo
            .into_par_iter()
            .map_init(
                || engine.worker(),
                |worker, (key, document, diagnostics)| {
                    let result = RootResult {
                        providers: evaluate::providers(&document),
                        scope: scope::signal(&document),
                        diagnostics,
                        evaluation: evaluate::evaluate_document(worker, bundle, &document),
                    };
                    (key, result)
                },
            )
            .collect();
        for (key, result) in evaluated {
            // A policy the wall-clock backstop stopped might finish on a quieter machine: such
            // a result is not kept for later runs.
            let timed_out = result
                .evaluation
                .errors
                .iter()
                .any(|(_, f)| f.kind == crate::vm::FailureKind::Time);
            if let Some(disk) = self.disk.as_mut().filter(|_| !timed_out) {
                disk.write(&key, &result);
            }
            self.set_result(&key, result);
        }
    }

    fn set_result(&mut self, key: &str, result: RootResult) {
        if let Some(entry) = self.entries.get_mut(key) {
            entry.result = Some(Arc::new(result));
        }
    }

    /// Joins, waives and scores one commit as `scan::run_source` does.
    fn row(&self, repo: &Repo, plan: &Plan) -> Row {
        let entries: Vec<&Entry> = plan.keys.iter().map(|k| &self.entries[k]).collect();
        let results: Vec<&RootResult> = entries
            .iter()
            .map(|e| {
                e.result
                    .as_deref()
                    .expect("a chunk is evaluated before its rows")
            })
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
                    results.iter().map(|r| Cow::Borrowed(&r.evaluation)),
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
        let documents: Vec<&Document> = entries.iter().map(|e| e.document.as_ref()).collect();
        let suppressions = self
            .options
            .config
            .as_ref()
            .map_or(&[][..], |c| c.suppressions.as_slice());
        // Without inline comments (see `Plan::directives`), suppressions or a baseline,
        // waiving changes nothing.
        let waive = plan.directives || !suppressions.is_empty() || self.baseline.is_some();
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
        let mut row = Row::new(
            &plan.commit,
            plan.keys.len(),
            &evaluation.checks,
            &scorecard,
            &all,
        );
        if !self.objectives {
            row.objectives = Vec::new();
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trend::{rows_uncached, Silent};
    use git2::{IndexAddOption, Repository, Signature, Time};
    use std::path::Path;

    fn fixture(rel: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel)
    }

    fn write_root(dir: &Path, root: usize, size: usize) {
        let path = dir.join(format!("envs/r{root}/main.tf"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let waiver = if root == 1 {
            "# rungs:ignore TEST-002 reason=\"accepted for the test\"\n"
        } else {
            ""
        };
        let text = format!(
            "{waiver}resource \"test_thing\" \"t\" {{\n  flagged = {}\n  size    = {size}\n}}\n",
            size % 7 == 0
        );
        std::fs::write(path, text).unwrap();
    }

    fn commit(repo: &Repository, n: usize) {
        let mut index = repo.index().unwrap();
        index.add_all(["*"], IndexAddOption::DEFAULT, None).unwrap();
        index.write().unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let time = Time::new(1_704_110_400 + n as i64 * 86_400, 0);
        let sig = Signature::new("Test", "test@example.invalid", &time).unwrap();
        let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
        repo.commit(Some("HEAD"), &sig, &sig, &format!("c{n}"), &tree, &parents)
            .unwrap();
    }

    /// Three roots; each commit gives one of them a new size, and sizes come back after 60
    /// changes of a root (180 commits), when the earlier result has been evicted.
    #[test]
    fn memory_is_bounded_by_a_chunk_and_rows_match_scanning_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let git = Repository::init(dir.path()).unwrap();
        for root in 0..3 {
            write_root(dir.path(), root, 0);
        }
        commit(&git, 0);
        let commits = 300;
        for n in 1..commits {
            write_root(dir.path(), n % 3, (n / 3) % 60 + 1);
            commit(&git, n);
        }
        let repo = Repo::open(dir.path()).unwrap();
        let selection = crate::trend::Selection {
            range: None,
            since: None,
            max_commits: None,
            first_parent: true,
            every: 1,
        };
        let (list, _) = crate::trend::select(&repo, &selection).unwrap();
        assert_eq!(list.len(), commits);
        let mut options = scan::Options::new(dir.path());
        options.policies = policy::Sources {
            defaults: false,
            dirs: vec![fixture("user-policies/good")],
            embedded_tests: false,
        };
        options.model = Some(fixture("gate/model.yaml"));

        let mut pipeline = Pipeline::new(&options, None).unwrap();
        let rows = pipeline.rows(&repo, &list, &Silent);
        assert!(rows.iter().any(|r| r.waived > 0) && rows.iter().any(|r| r.failed > 0));
        assert_eq!(rows.len(), commits);
        // Every third commit scanned from scratch, as `--no-reuse` does.
        for (row, commit) in rows.iter().zip(&list).step_by(3) {
            let reference = rows_uncached(&repo, std::slice::from_ref(commit), &options, &Silent);
            assert_eq!(row, &reference.unwrap()[0]);
        }

        let stats = &pipeline.stats;
        // Three files per commit; one new root document per commit after the first.
        assert_eq!(stats.peak_files, 3);
        assert_eq!(stats.files_parsed, commits + 2);
        assert_eq!(stats.roots_loaded + stats.roots_reused, 3 * commits);
        // A root loaded again is one whose result was evicted: it is evaluated again.
        assert_eq!(stats.roots_evaluated, stats.roots_loaded);
        // Without eviction only the 183 distinct contents would be evaluated; contents come
        // back after about 178 other results, evicted by then.
        assert!(
            stats.roots_evaluated > 183 && stats.roots_evaluated <= commits + 2,
            "{stats:?}"
        );
        assert!(
            stats.peak_results > KEPT_RESULTS
                && stats.peak_results <= KEPT_RESULTS + CHUNK_DOCUMENTS + 3,
            "{stats:?}"
        );
        assert!(pipeline.entries.len() <= KEPT_RESULTS + 3);
        assert!(pipeline
            .candidates
            .values()
            .flatten()
            .all(|(_, key)| pipeline.entries.contains_key(key)));
    }
}
