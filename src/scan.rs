//! One scan end to end: discover -> load -> evaluate -> waive -> score, plus the gate on the result.

use crate::attest;
use crate::baseline;
use crate::check::Check;
use crate::config::{self, Config};
use crate::date::Date;
use crate::diagnostics::{self, Code, Diagnostic, Location};
use crate::discover;
use crate::evaluate;
use crate::load::{inputs, terraform, Document};
use crate::model::{self, Model};
use crate::plan;
use crate::policy::{self, Bundle};
use crate::scope::{self, Scoping};
use crate::score::{self, Scorecard};
use crate::source::{Source, WorkTree};
use crate::waive;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub excludes: Vec<String>,
    pub policies: policy::Sources,
    /// `--model FILE`; the embedded model when `None`.
    pub model: Option<PathBuf>,
    pub load: terraform::Options,
    /// `--plan`, and the file of a file scan.
    pub inputs: inputs::Options,
    /// Pass rate an objective needs to be met.
    pub threshold: f64,
    /// Objectives only a person can evidence block their level until attested.
    pub strict: bool,
    /// `--scope` or the config's `scope:`; detected from the code when `None`.
    pub scope: Option<Scoping>,
    /// `--check` / `--skip-check`.
    pub selection: config::Selection,
    /// The config file's severity overrides, disabled policies, suppressions and attestations.
    pub config: Option<Config>,
    /// `--baseline FILE`: the failures it lists are waived.
    pub baseline: Option<PathBuf>,
    /// Gate requirements (config `targets`, `--min-*`): the plan lifts categories to them.
    pub targets: Vec<Requirement>,
    /// The date expiry dates are compared with.
    pub today: Date,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Options {
            root: root.into(),
            excludes: Vec::new(),
            policies: policy::Sources {
                defaults: true,
                dirs: Vec::new(),
                embedded_tests: false,
            },
            model: None,
            load: terraform::Options::default(),
            inputs: inputs::Options::default(),
            threshold: score::DEFAULT_THRESHOLD,
            strict: false,
            scope: None,
            selection: config::Selection::default(),
            config: None,
            baseline: None,
            targets: Vec::new(),
            today: Date::system_today(),
        }
    }
}

/// Wall time of each stage, for benchmarks and `--timings`.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub discover: std::time::Duration,
    pub load: std::time::Duration,
    pub policies: std::time::Duration,
    pub evaluate: std::time::Duration,
    pub waive: std::time::Duration,
    pub score: std::time::Duration,
}

#[derive(Debug)]
pub struct Scan {
    pub root: String,
    pub documents: Vec<Document>,
    pub bundle: Bundle,
    pub model: Model,
    pub checks: Vec<Check>,
    pub scorecard: Scorecard,
    /// The config file used, as shown in diagnostics.
    pub config: Option<String>,
    /// What became of the baseline's entries.
    pub baseline: Option<baseline::Status>,
    /// Categories below their target (or next level) and the changes that lift them.
    pub plan: Vec<plan::CategoryPlan>,
    /// Which repository and commit this is, and when it was scanned: what org-wide roll-ups key on.
    pub provenance: Provenance,
    pub diagnostics: Vec<Diagnostic>,
    /// How policies were evaluated, for `--verbose` (policies the VM left to the interpreter).
    pub notes: Vec<String>,
    pub timings: Timings,
    /// Source lines the diagnostics point at, by file and line, when the files are not in the
    /// working tree (`scan --rev` reads them from the revision): the text report's excerpts.
    pub excerpts: BTreeMap<(String, usize), String>,
}

/// The lines `diagnostics` point at, read once per file through `source` (bounded reads;
/// files it cannot read, such as policies given by absolute path, are left out).
pub fn excerpt_lines(
    source: &dyn Source,
    diagnostics: &[Diagnostic],
) -> BTreeMap<(String, usize), String> {
    let mut wanted: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for location in diagnostics.iter().filter_map(|d| d.location.as_ref()) {
        if let Some(line) = location.line {
            wanted.entry(&location.file).or_default().insert(line);
        }
    }
    let mut out = BTreeMap::new();
    for (file, lines) in wanted {
        let Ok(bytes) = source.read(file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for (i, line) in text.lines().enumerate() {
            if lines.contains(&(i + 1)) {
                out.insert((file.to_string(), i + 1), line.to_string());
            }
        }
    }
    out
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Provenance {
    /// `owner/name` from the `origin` remote, the directory name, or `--repo-name`.
    pub repository: String,
    /// The commit scanned (`--rev`, else HEAD of the work tree); `None` outside git.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// The commit's date, ISO 8601 with its offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit_date: Option<String>,
    /// The day of the scan (`YYYY-MM-DD`, UTC, or `RUNGS_TODAY`).
    pub scanned: String,
}

impl Provenance {
    /// Where `root` comes from: its git repository and `rev` (HEAD when `None`) when it is in
    /// one, else just its directory name. Nothing is read beyond git's own metadata.
    pub fn of(root: &std::path::Path, rev: Option<&str>, today: Date) -> Provenance {
        let scanned = today.to_string();
        match crate::source::git::Repo::open(root) {
            Ok(repo) => {
                let commit = repo.resolve(rev.unwrap_or("HEAD")).ok();
                Provenance {
                    repository: repo.name(),
                    commit: commit.as_ref().map(|c| c.id.to_string()),
                    commit_date: commit
                        .as_ref()
                        .map(|c| crate::trend::date::iso8601(c.time, c.offset_minutes)),
                    scanned,
                }
            }
            Err(_) => Provenance {
                repository: root
                    .canonicalize()
                    .ok()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .unwrap_or_else(|| root.display().to_string()),
                commit: None,
                commit_date: None,
                scanned,
            },
        }
    }
}

impl Scan {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// This scan as a baseline file: its failures, and the levels and scores it has once they
    /// are waived (what a scan with the baseline gives until something changes).
    pub fn baseline(&self) -> (String, usize) {
        let mut waived = self.checks.clone();
        for check in waived.iter_mut().filter(|c| baseline::recorded(c)) {
            check.outcome = crate::check::Outcome::Waived;
        }
        let card = score::score(
            &self.model,
            &self.bundle.policies,
            &waived,
            &self.scorecard.rules(),
            &self.scorecard.attestations(),
        );
        baseline::render(&self.checks, baseline::levels(&card))
    }
}

/// The model (`id@version`) and the policy bundle's fingerprint a scan with `options` reports,
/// for outputs that name them without scanning (`rungs trend --format jsonl`).
pub fn identity(options: &Options) -> Result<(String, String), Diagnostic> {
    let model = load_model(options.model.as_ref())?;
    let (mut bundle, _) = policy::load(&options.policies);
    if let Some(config) = &options.config {
        config.apply_to_policies(&mut bundle);
    }
    options.selection.apply(&mut bundle);
    Ok((
        format!("{}@{}", model.model.id, model.model.version),
        bundle.fingerprint(),
    ))
}

/// Loads the model named by the options, or the embedded one.
pub fn load_model(path: Option<&PathBuf>) -> Result<Model, Diagnostic> {
    match path {
        None => Model::embedded(),
        Some(path) => {
            let shown = path.display().to_string();
            let text = crate::read::text(path).map_err(|e| {
                Diagnostic::error(e.code(Code::Model), format!("cannot read model: {e}"))
                    .at(Location::file(&shown))
            })?;
            crate::read::check_yaml_nesting(&shown, &text, Code::Model, "invalid model:", "")?;
            // A file that is not a model (a path pointing at a secret) is not echoed back.
            model::parse(&text, &shown).map_err(|mut d| {
                d.message = diagnostics::cut_echo(&d.message);
                d
            })
        }
    }
}

/// Runs a scan. `Err` only for problems that leave nothing to report (a missing root, an
/// invalid model, exclude pattern or baseline); everything else is a diagnostic in the result.
pub fn run(options: &Options) -> Result<Scan, Diagnostic> {
    if options.root.is_file() {
        let source = crate::source::SingleFile {
            path: options.root.clone(),
        };
        let mut options = options.clone();
        options.inputs.explicit = Some(source.rel());
        return run_source(&source, &options);
    }
    if !options.root.is_dir() {
        return Err(Diagnostic::error(
            Code::Unreadable,
            format!(
                "{} is neither a directory nor a file",
                options.root.display()
            ),
        )
        .help(
            "pass the directory holding your Terraform, e.g. `rungs scan infra/`, or a plan JSON",
        ));
    }
    let mut options = options.clone();
    options.inputs.root = Some(options.root.clone());
    run_source(&WorkTree::new(&options.root), &options)
}

/// Runs a scan of any source (a directory or a git revision); `options.root` is not read.
pub fn run_source(source: &dyn Source, options: &Options) -> Result<Scan, Diagnostic> {
    check_threshold(options.threshold)?;
    let model = load_model(options.model.as_ref())?;
    let baseline = options
        .baseline
        .as_deref()
        .map(baseline::read)
        .transpose()?;
    let excluded = discover::excludes(&options.excludes)
        .map_err(|e| Diagnostic::error(Code::Walk, e).help("fix the --exclude pattern"))?;

    let mut timings = Timings::default();
    let clock = std::time::Instant::now();
    let discovery = source.discover(&excluded);
    timings.discover = clock.elapsed();
    let clock = std::time::Instant::now();
    let (documents, load_diagnostics) =
        inputs::load(source, &discovery, &options.load, &options.inputs);
    timings.load = clock.elapsed();
    let clock = std::time::Instant::now();
    let (mut bundle, mut policy_diagnostics) = policy::load(&options.policies);
    if let Some(config) = &options.config {
        policy_diagnostics.extend(config.apply_to_policies(&mut bundle));
    }
    options.selection.apply(&mut bundle);
    timings.policies = clock.elapsed();
    let clock = std::time::Instant::now();
    let mut evaluation = evaluate::evaluate(&bundle, &documents);
    timings.evaluate = clock.elapsed();
    let scoping = options.scope.clone().unwrap_or_else(|| {
        let signals: Vec<scope::Signal> = documents.iter().map(scope::signal).collect();
        scope::detect(&signals)
    });
    scope::retain_in_scope(&mut evaluation.checks, &bundle.policies, scoping.scope);
    let clock = std::time::Instant::now();
    let no_suppressions = Vec::new();
    let config = options.config.as_ref();
    let waived = waive::apply(
        source,
        &documents.iter().collect::<Vec<_>>(),
        &mut evaluation.checks,
        config.map_or(&no_suppressions, |c| &c.suppressions),
        baseline.as_ref(),
        options.today,
    );
    timings.waive = clock.elapsed();
    let clock = std::time::Instant::now();
    let (attestations, attestation_diagnostics) = match config {
        Some(c) => attest::check(&c.attestations, &model, options.today),
        None => Default::default(),
    };
    let rules = score::Rules {
        threshold: options.threshold,
        strict: options.strict,
        scope: scoping,
    };
    let scorecard = score::score(
        &model,
        &bundle.policies,
        &evaluation.checks,
        &rules,
        &attestations,
    );
    let plan = plan::build(&plan::Inputs {
        model: &model,
        policies: &bundle.policies,
        checks: &evaluation.checks,
        card: &scorecard,
        requirements: &options.targets,
        providers: &documents.iter().flat_map(evaluate::providers).collect(),
    });
    timings.score = clock.elapsed();

    let mut diagnostics = discovery.diagnostics;
    // An empty report would read as a clean one.
    // A plan that failed to load has its own error.
    if discovery.files.is_empty()
        && documents.is_empty()
        && options.inputs.explicit.is_none()
        && !load_diagnostics.iter().any(Diagnostic::is_error)
    {
        diagnostics.push(
            Diagnostic::warning(
                Code::NoTerraform,
                format!(
                    "no Terraform files (.tf, .tf.json, .tofu, .tofu.json) found in {}",
                    source.describe()
                ),
            )
            .help("scan the directory holding the configuration; --exclude and the config's `exclude` leave paths out"),
        );
    }
    diagnostics.extend(load_diagnostics);
    diagnostics.extend(policy_diagnostics);
    diagnostics.extend(unknown_controls(&bundle, &model));
    diagnostics.extend(evaluation.diagnostics);
    diagnostics.extend(waived.diagnostics);
    diagnostics.extend(attestation_diagnostics);
    diagnostics::sort(&mut diagnostics);

    Ok(Scan {
        root: source.describe(),
        documents,
        bundle,
        model,
        checks: evaluation.checks,
        scorecard,
        config: config.map(|c| c.shown.clone()),
        baseline: waived.baseline,
        plan,
        provenance: Provenance {
            repository: source.describe(),
            scanned: options.today.to_string(),
            ..Provenance::default()
        },
        diagnostics,
        notes: evaluation.notes,
        timings,
        excerpts: BTreeMap::new(),
    })
}

/// A pass rate above 0 and at most 1.
pub fn check_threshold(threshold: f64) -> Result<(), Diagnostic> {
    if threshold > 0.0 && threshold <= 1.0 {
        Ok(())
    } else {
        Err(Diagnostic::error(
            Code::Model,
            format!("threshold {threshold} is out of range"),
        )
        .help("use a pass rate above 0 and at most 1, e.g. --threshold 0.9"))
    }
}

/// Policies citing objectives the model does not have: their results count for nothing there.
pub fn unknown_controls(bundle: &Bundle, model: &Model) -> Vec<Diagnostic> {
    let known: BTreeSet<&str> = model.objectives().map(|(_, _, o)| o.id.as_str()).collect();
    bundle
        .policies
        .iter()
        .flat_map(|p| {
            p.meta
                .controls
                .iter()
                .filter(|c| !known.contains(c.as_str()))
                .map(move |c| {
                    Diagnostic::warning(
                        Code::PolicyUnknownControl,
                        format!("policy {} cites objective {c}, which the model does not define", p.meta.id),
                    )
                    .at(Location::file(&p.file.path))
                    .help("fix custom.controls or use a model that defines it; these results do not count toward that objective")
                })
        })
        .collect()
}

/// What a gate requirement applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "scope", content = "id", rename_all = "lowercase")]
pub enum Target {
    Program,
    Domain(String),
    Category(String),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirement {
    #[serde(flatten)]
    pub target: Target,
    pub min: u8,
    /// A score the target must keep as well (`--fail-on-level-drop`: the baseline's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_score: Option<f64>,
}

impl Requirement {
    pub fn level(target: Target, min: u8) -> Requirement {
        Requirement {
            target,
            min,
            min_score: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateResult {
    #[serde(flatten)]
    pub requirement: Requirement,
    /// `None` when the target has no level (no evidence): that never satisfies a gate.
    pub actual: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_score: Option<f64>,
    pub passed: bool,
}

impl GateResult {
    /// What the target has and needs, e.g. `level 1 (needs 2)` or `level 1, score 1.40 (needs
    /// 1 and 1.45)`.
    pub fn describe(&self) -> String {
        let level = self
            .actual
            .map_or_else(|| "n/a".to_string(), |l| l.to_string());
        match self.requirement.min_score {
            None => format!("level {level} (needs {})", self.requirement.min),
            Some(min) => format!(
                "level {level}, score {} (needs {} and {min:.2})",
                self.actual_score
                    .map_or_else(|| "n/a".to_string(), |s| format!("{s:.2}")),
                self.requirement.min
            ),
        }
    }
}

/// `--fail-on-level-drop`: every level and the program score a baseline recorded become
/// requirements. Levels the baseline recorded as `n/a` ask for nothing.
pub fn drop_requirements(recorded: &[baseline::Recorded], card: &Scorecard) -> Vec<Requirement> {
    recorded
        .iter()
        .filter_map(|r| {
            let target = if r.id == "program" {
                Target::Program
            } else if card.domains.iter().any(|d| d.id == r.id) {
                Target::Domain(r.id.clone())
            } else {
                Target::Category(r.id.clone())
            };
            let min_score = if target == Target::Program {
                r.score
            } else {
                None
            };
            Some(Requirement {
                target,
                min: r.level?,
                min_score,
            })
        })
        .collect()
}

/// Checks each requirement; an id the model does not know is an error.
pub fn gate(
    scorecard: &Scorecard,
    requirements: &[Requirement],
) -> Result<Vec<GateResult>, String> {
    requirements
        .iter()
        .map(|req| {
            let (target, actual, actual_score) = match &req.target {
                Target::Program => (Target::Program, scorecard.level, scorecard.score),
                Target::Domain(id) => {
                    let d = scorecard
                        .domains
                        .iter()
                        .find(|d| d.id.eq_ignore_ascii_case(id))
                        .ok_or_else(|| format!("the model has no domain {id:?}"))?;
                    (Target::Domain(d.id.clone()), d.level, d.score)
                }
                Target::Category(id) => {
                    let c = scorecard
                        .categories()
                        .find(|c| c.id.eq_ignore_ascii_case(id))
                        .ok_or_else(|| format!("the model has no category {id:?}"))?;
                    (Target::Category(c.id.clone()), c.level, c.score)
                }
            };
            let score_ok = match req.min_score {
                None => true,
                Some(min) => actual_score.is_some_and(|s| s >= min),
            };
            Ok(GateResult {
                // The model's id, as the model spells it (`ORG` for `--min-category org=5`).
                requirement: Requirement {
                    target,
                    ..req.clone()
                },
                actual,
                actual_score: req.min_score.and(actual_score),
                passed: actual.is_some_and(|a| a >= req.min) && score_ok,
            })
        })
        .collect()
}
