//! The config file, `.rungs.yaml`: found at the scan root, or named with `--config FILE`.
//! docs/config.md documents every key; keep both in step.
//!
//! Parsing is strict: an unknown key, a wrong type or a malformed value (level, rate, glob, date)
//! stops the run with the file, line and column (R401). Entries that parse but are wrong in
//! context, such as a suppression without a reason or an attestation of an automated objective,
//! are reported at their position by the stage that uses them, and the rest of the file applies.
//! Paths are relative to the config file's directory; globs match paths relative to the scan root.

pub mod locate;

use crate::date::Date;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::model::{Model, MAX_LEVEL};
use crate::policy::{Bundle, Severity};
use crate::scope::Scope;
use locate::{locate, locate_items, Step};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The name looked for at the scan root.
pub const FILE_NAME: &str = ".rungs.yaml";

/// The config format version this build reads and writes.
pub const VERSION: u64 = 1;

/// What `rungs init` writes: every key, with its default and a comment.
pub const TEMPLATE: &str = include_str!("init.yaml");

const HELP: &str = "see docs/config.md for every key; `rungs init` writes a commented example";

/// A glob, checked when the file is read, with its source text.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: String,
    matcher: globset::GlobMatcher,
}

impl Pattern {
    pub fn new(text: &str) -> Result<Pattern, String> {
        let glob =
            globset::Glob::new(text).map_err(|e| format!("invalid glob {text:?}: {}", e.kind()))?;
        Ok(Pattern {
            text: text.to_string(),
            matcher: glob.compile_matcher(),
        })
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.matcher.is_match(s)
    }
}

/// `--check` and `--skip-check`: the policies to run, by id or glob.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Run only policies matching one of these; all when empty.
    pub only: Vec<Pattern>,
    pub skip: Vec<Pattern>,
}

impl Selection {
    pub fn apply(&self, bundle: &mut Bundle) {
        bundle.policies.retain(|p| {
            let id = p.meta.id.as_str();
            (self.only.is_empty() || self.only.iter().any(|g| g.is_match(id)))
                && !self.skip.iter().any(|g| g.is_match(id))
        });
    }
}

/// A map entry or list item that names something (a policy, a category), with its position.
#[derive(Debug, Clone)]
pub struct Named<T> {
    pub id: String,
    pub value: T,
    pub location: Location,
}

#[derive(Debug, Clone, Default)]
pub struct Targets {
    pub program: Option<u8>,
    pub domains: Vec<Named<u8>>,
    pub categories: Vec<Named<u8>>,
}

/// A `suppressions` entry: waives failures of matching policies on matching resources.
#[derive(Debug, Clone)]
pub struct Suppression {
    pub policy: Pattern,
    /// Resource address glob; every resource (and `<scan>`) when absent.
    pub resource: Option<Pattern>,
    /// Root module glob; every root when absent.
    pub root: Option<Pattern>,
    /// Required; `None` or blank is an error (R404) and the entry does not apply.
    pub reason: Option<String>,
    /// Last day the entry applies.
    pub expires: Option<Date>,
    pub location: Location,
}

impl Suppression {
    pub fn matches(&self, policy: &str, root: &str, resource: &str) -> bool {
        self.policy.is_match(policy)
            && self.resource.as_ref().is_none_or(|p| p.is_match(resource))
            && self.root.as_ref().is_none_or(|p| p.is_match(root))
    }
}

/// An `attestations` entry: a person vouches for an objective until a date.
#[derive(Debug, Clone)]
pub struct Attestation {
    pub objective: String,
    pub by: String,
    pub date: Date,
    pub evidence: String,
    pub expires: Date,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The file as diagnostics show it: relative to the scan root when inside it.
    pub shown: String,
    pub policies: Vec<PathBuf>,
    pub default_policies: bool,
    pub model: Option<PathBuf>,
    pub exclude: Vec<String>,
    pub threshold: Option<f64>,
    pub targets: Targets,
    pub severity: Vec<Named<Severity>>,
    /// Policy ids or globs left out of the scan.
    pub disabled: Vec<Named<Pattern>>,
    /// `scope:`: estate, workload or module; detected from the code when absent.
    pub scope: Option<Scope>,
    /// `strict:`: objectives only a person can evidence block their level until attested.
    pub strict: Option<bool>,
    pub baseline: Option<PathBuf>,
    pub suppressions: Vec<Suppression>,
    pub attestations: Vec<Attestation>,
}

/// The file's shape. Every struct denies unknown keys, so a typo is an error with its position.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// Checked while parsing; nothing else depends on it yet.
    #[serde(default, rename = "version")]
    _version: Option<Version>,
    #[serde(default, deserialize_with = "nullable")]
    policies: Vec<String>,
    #[serde(default)]
    default_policies: Option<bool>,
    #[serde(default)]
    model: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    exclude: Vec<Pattern>,
    #[serde(default)]
    threshold: Option<Rate>,
    #[serde(default, deserialize_with = "nullable")]
    targets: RawTargets,
    #[serde(default, deserialize_with = "nullable")]
    severity: BTreeMap<String, Severity>,
    #[serde(default, deserialize_with = "nullable")]
    disabled: Vec<Pattern>,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    strict: Option<bool>,
    #[serde(default)]
    baseline: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    suppressions: Vec<RawSuppression>,
    #[serde(default, deserialize_with = "nullable")]
    attestations: Vec<RawAttestation>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    #[serde(default)]
    program: Option<Level>,
    #[serde(default, deserialize_with = "nullable")]
    domains: BTreeMap<String, Level>,
    #[serde(default, deserialize_with = "nullable")]
    categories: BTreeMap<String, Level>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppression {
    policy: Pattern,
    #[serde(default)]
    resource: Option<Pattern>,
    #[serde(default)]
    root: Option<Pattern>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    expires: Option<Date>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttestation {
    objective: String,
    by: String,
    date: Date,
    evidence: String,
    expires: Date,
}

/// A missing key and an explicit `null` (a key with every entry commented out) both mean empty.
fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Values checked inside their visitor, so a bad one is reported at its own line and column.
macro_rules! checked_number {
    ($name:ident, $inner:ty, $expecting:literal, |$v:ident| $check:expr) => {
        #[derive(Debug, Clone, Copy)]
        struct $name($inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_f64<E: de::Error>(self, $v: f64) -> Result<$name, E> {
                        $check.map($name).map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        self.visit_f64(v as f64)
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$name, E> {
                        self.visit_f64(v as f64)
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

checked_number!(Level, u8, "a level from 0 to 5", |v| {
    if v.fract() == 0.0 && (0.0..=f64::from(MAX_LEVEL)).contains(&v) {
        Ok(v as u8)
    } else {
        Err(format!(
            "level must be a whole number from 0 to {MAX_LEVEL}, got {v}"
        ))
    }
});

checked_number!(Rate, f64, "a pass rate above 0 and at most 1", |v| {
    if v > 0.0 && v <= 1.0 {
        Ok(v)
    } else {
        Err(format!("threshold must be above 0 and at most 1, got {v}"))
    }
});

/// The `version` key: only [`VERSION`] is accepted.
#[derive(Debug)]
struct Version;

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Version;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "the config version, {VERSION}")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Version, E> {
                if v == VERSION {
                    Ok(Version)
                } else {
                    Err(E::custom(format!(
                        "config version {v} is not supported; this rungs reads version {VERSION}"
                    )))
                }
            }
        }
        d.deserialize_u64(V)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Pattern;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a glob pattern")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Pattern, E> {
                Pattern::new(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

/// The config for a scan of `root`: `explicit` (`--config FILE`) when given, otherwise
/// `root/.rungs.yaml` when it exists, otherwise none. The repository's own file must be a regular
/// file inside `root`, and the paths it names (model, baseline, policies) must resolve inside
/// `root`; a `--config` file is trusted like any other command-line path.
pub fn find(root: &Path, explicit: Option<&Path>) -> Result<Option<Config>, Diagnostic> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => {
            let path = root.join(FILE_NAME);
            // A link, directory or FIFO named `.rungs.yaml` is an error, never a missing gate.
            if std::fs::symlink_metadata(&path).is_err() {
                return Ok(None);
            }
            path
        }
    };
    let shown = shown_path(root, &path);
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let checked = match explicit {
        Some(_) => Ok(path.clone()),
        None => crate::read::inside(&real_root, &path),
    };
    let text = checked.and_then(|p| crate::read::text(&p)).map_err(|e| {
        let mut d = Diagnostic::error(e.code(Code::Config), format!("cannot read config: {e}"))
            .at(Location::file(&shown));
        d = d.help(e.help().unwrap_or_else(|| {
            "check the path given to --config, or run `rungs init` to write one".into()
        }));
        d
    })?;
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let config = parse(&text, &shown, &dir)?;
    if explicit.is_none() {
        check_inside(&config, &text, &real_root)?;
    }
    Ok(Some(config))
}

/// The repository's config may only name files inside the repository: a pull request must not
/// make rungs read (and echo) `/etc/passwd` as a model.
fn check_inside(config: &Config, text: &str, root: &Path) -> Result<(), Diagnostic> {
    let named = config
        .model
        .iter()
        .map(|p| (p, Step::Value("model"), None))
        .chain(
            config
                .baseline
                .iter()
                .map(|p| (p, Step::Value("baseline"), None)),
        )
        .chain(
            config
                .policies
                .iter()
                .enumerate()
                .map(|(i, p)| (p, Step::Value("policies"), Some(i))),
        );
    for (path, key, index) in named {
        if let Err(e @ crate::read::ReadError::OutsideRoot(_)) = crate::read::inside(root, path) {
            let mut steps = vec![key];
            steps.extend(index.map(Step::Index));
            let location = match locate(text, &steps) {
                Some((line, column)) => Location::at(&config.shown, line, column),
                None => Location::file(&config.shown),
            };
            return Err(Diagnostic::error(
                Code::OutsideRoot,
                format!("{} names {}: {e}", key_name(key), path.display()),
            )
            .at(location)
            .help("a repository's .rungs.yaml may only name files inside the repository; give files elsewhere on the command line (--model, --baseline, --policy, --config)"));
        }
    }
    Ok(())
}

fn key_name(step: Step<'_>) -> &str {
    match step {
        Step::Value(k) | Step::Key(k) => k,
        Step::Index(_) => "",
    }
}

/// Relative to the scan root when the file is inside it (like every scanned file), else as given.
fn shown_path(root: &Path, path: &Path) -> String {
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    match (canonical(root), canonical(path)) {
        (Some(root), Some(file)) if file.starts_with(&root) => {
            crate::discover::relative(&root, &file)
        }
        (_, Some(file)) => file.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// A parser's message without its trailing ` at line N column M`, which the location carries.
pub(crate) fn without_position(message: &str) -> &str {
    let Some(i) = message.rfind(" at line ") else {
        return message;
    };
    let position = message[i + " at line ".len()..].split_once(" column ");
    match position {
        Some((line, column))
            if [line, column]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            &message[..i]
        }
        _ => message,
    }
}

/// Parses and validates a config; `shown` names it in diagnostics, `dir` anchors relative paths.
pub fn parse(text: &str, shown: &str, dir: &Path) -> Result<Config, Diagnostic> {
    // A file holding only comments is an empty document, which means all defaults.
    let empty = text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    crate::read::check_yaml_nesting(shown, text, Code::Config, "invalid config:", "")
        .map_err(|d| d.help(HELP))?;
    let raw: Raw = yaml_serde::from_str(if empty { "{}" } else { text }).map_err(|e| {
        let message = crate::diagnostics::cut_echo(&e.to_string());
        let message = without_position(&message);
        let location = match e.location() {
            Some(l) => Location::at(shown, l.line(), l.column()),
            None => Location::file(shown),
        };
        Diagnostic::error(Code::Config, format!("invalid config: {message}"))
            .at(location)
            .help(HELP)
    })?;
    let at = |path: &[Step<'_>]| match locate(text, path) {
        Some((line, column)) => Location::at(shown, line, column),
        None => Location::file(shown),
    };
    let named = |section: &str, map: BTreeMap<String, Level>| {
        map.into_iter()
            .map(|(id, level)| Named {
                location: at(&[Step::Value("targets"), Step::Value(section), Step::Key(&id)]),
                id,
                value: level.0,
            })
            .collect()
    };
    let items = |key: &str, count: usize| -> Vec<Location> {
        locate_items(text, &[Step::Value(key)], count)
            .into_iter()
            .map(|at| match at {
                Some((line, column)) => Location::at(shown, line, column),
                None => Location::file(shown),
            })
            .collect()
    };
    let disabled_at = items("disabled", raw.disabled.len());
    let suppressions_at = items("suppressions", raw.suppressions.len());
    let attestations_at = items("attestations", raw.attestations.len());
    Ok(Config {
        shown: shown.to_string(),
        policies: raw.policies.iter().map(|p| dir.join(p)).collect(),
        default_policies: raw.default_policies.unwrap_or(true),
        model: raw.model.map(|m| dir.join(m)),
        exclude: raw.exclude.into_iter().map(|p| p.text).collect(),
        threshold: raw.threshold.map(|r| r.0),
        targets: Targets {
            program: raw.targets.program.map(|l| l.0),
            domains: named("domains", raw.targets.domains),
            categories: named("categories", raw.targets.categories),
        },
        severity: raw
            .severity
            .into_iter()
            .map(|(id, value)| Named {
                location: at(&[Step::Value("severity"), Step::Key(&id)]),
                id,
                value,
            })
            .collect(),
        disabled: raw
            .disabled
            .into_iter()
            .zip(disabled_at)
            .map(|(pattern, location)| Named {
                location,
                id: pattern.text.clone(),
                value: pattern,
            })
            .collect(),
        scope: raw.scope,
        strict: raw.strict,
        baseline: raw.baseline.map(|b| dir.join(b)),
        suppressions: raw
            .suppressions
            .into_iter()
            .zip(suppressions_at)
            .map(|(s, location)| Suppression {
                policy: s.policy,
                resource: s.resource,
                root: s.root,
                reason: s.reason,
                expires: s.expires,
                location,
            })
            .collect(),
        attestations: raw
            .attestations
            .into_iter()
            .zip(attestations_at)
            .map(|(a, location)| Attestation {
                objective: a.objective,
                by: a.by,
                date: a.date,
                evidence: a.evidence,
                expires: a.expires,
                location,
            })
            .collect(),
    })
}

impl Config {
    /// Applies `severity` and `disabled` to the loaded policies. Ids no loaded policy has are
    /// reported (R408): the entry is a typo, or its policy directory is not part of this run.
    pub fn apply_to_policies(&self, bundle: &mut Bundle) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let unknown = |key: &str, entry: &Location, id: &str| {
            Diagnostic::warning(
                Code::ConfigUnknownPolicy,
                format!("`{key}` names policy {id}, which is not loaded"),
            )
            .at(entry.clone())
            .help("check the id with `rungs policy list`; the entry has no effect")
        };
        for entry in &self.severity {
            match bundle.policies.iter_mut().find(|p| p.meta.id == entry.id) {
                Some(policy) => policy.meta.severity = entry.value,
                None => diagnostics.push(unknown("severity", &entry.location, &entry.id)),
            }
        }
        for entry in &self.disabled {
            let before = bundle.policies.len();
            bundle
                .policies
                .retain(|p| !entry.value.is_match(&p.meta.id));
            if bundle.policies.len() == before {
                diagnostics.push(unknown("disabled", &entry.location, &entry.id));
            }
        }
        diagnostics
    }

    /// Domain and category targets the model does not define (R401).
    pub fn unknown_targets(&self, model: &Model) -> Vec<Diagnostic> {
        let domains = self.targets.domains.iter().filter(|t| {
            !model
                .domains
                .iter()
                .any(|d| d.id.eq_ignore_ascii_case(&t.id))
        });
        let categories = self.targets.categories.iter().filter(|t| {
            !model
                .domains
                .iter()
                .flat_map(|d| &d.categories)
                .any(|c| c.id.eq_ignore_ascii_case(&t.id))
        });
        domains
            .map(|t| ("domain", t))
            .chain(categories.map(|t| ("category", t)))
            .map(|(kind, t)| {
                Diagnostic::error(
                    Code::Config,
                    format!("targets: the model has no {kind} {:?}", t.id),
                )
                .at(t.location.clone())
                .help("`rungs scan --format json` lists the model's domain and category ids")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        parse(text, ".rungs.yaml", Path::new("cfg")).unwrap()
    }

    fn parse_err(text: &str) -> (String, Option<usize>, Option<usize>) {
        let d = parse(text, ".rungs.yaml", Path::new("cfg")).unwrap_err();
        assert_eq!(d.code, Code::Config);
        let l = d.location.unwrap();
        (d.message, l.line, l.column)
    }

    #[test]
    fn template_is_a_valid_config_with_the_defaults() {
        let c = parse_ok(TEMPLATE);
        assert!(c.policies.is_empty() && c.default_policies && c.model.is_none());
        assert!(c.exclude.is_empty() && c.baseline.is_none());
        assert_eq!(c.threshold, Some(0.9));
        assert!(c.targets.program.is_none() && c.targets.categories.is_empty());
        assert!(c.severity.is_empty() && c.disabled.is_empty());
        assert!(c.suppressions.is_empty() && c.attestations.is_empty());
        assert_eq!((c.scope, c.strict), (None, Some(false)));
    }

    #[test]
    fn empty_and_comment_only_files_are_defaults() {
        assert!(parse_ok("").default_policies);
        assert!(parse_ok("# nothing yet\n").suppressions.is_empty());
        assert!(parse_ok("suppressions:\nattestations:\n")
            .suppressions
            .is_empty());
    }

    #[test]
    fn every_key_is_read_and_paths_are_relative_to_the_config() {
        let c = parse_ok(
            "version: 1\npolicies: [extra]\ndefault_policies: false\nmodel: m.yaml\nexclude: ['examples/**']\nthreshold: 0.9\ntargets:\n  program: 1\n  domains: {foundational: 2}\n  categories: {IAM: 3}\nseverity: {X-1: low}\ndisabled: [X-2, 'RUNGS-GCP-*']\nscope: module\nstrict: true\nbaseline: base.json\nsuppressions:\n  - policy: X-*\n    resource: module.a.*\n    root: envs/*\n    reason: legacy\n    expires: 2027-01-31\nattestations:\n  - objective: GOV-1.1\n    by: Jo\n    date: 2025-01-01\n    evidence: https://example.com/e\n    expires: 2026-01-01\n",
        );
        assert_eq!(c.policies, vec![PathBuf::from("cfg/extra")]);
        assert_eq!(c.model, Some(PathBuf::from("cfg/m.yaml")));
        assert_eq!(c.baseline, Some(PathBuf::from("cfg/base.json")));
        assert_eq!((c.default_policies, c.threshold), (false, Some(0.9)));
        assert_eq!(c.exclude, vec!["examples/**"]);
        assert_eq!(c.targets.program, Some(1));
        let t = &c.targets.categories[0];
        assert_eq!(
            (t.id.as_str(), t.value, t.location.line),
            ("IAM", 3, Some(10))
        );
        assert_eq!(c.severity[0].value, Severity::Low);
        assert_eq!(
            (c.disabled[0].location.line, c.disabled[0].location.column),
            (Some(12), Some(12))
        );
        assert!(c.disabled[1].value.is_match("RUNGS-GCP-IAM-001"));
        assert_eq!((c.scope, c.strict), (Some(Scope::Module), Some(true)));
        let s = &c.suppressions[0];
        assert!(s.matches("X-9", "envs/prod", "module.a.x.y"));
        assert!(!s.matches("Y-9", "envs/prod", "module.a.x.y"));
        assert!(!s.matches("X-9", "org", "module.a.x.y"));
        assert!(!s.matches("X-9", "envs/prod", "module.b.x"));
        assert_eq!(s.expires.unwrap().to_string(), "2027-01-31");
        assert_eq!((s.location.line, s.location.column), (Some(17), Some(5)));
        let a = &c.attestations[0];
        assert_eq!(
            (a.objective.as_str(), a.location.line),
            ("GOV-1.1", Some(23))
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_their_position() {
        let (message, line, column) = parse_err("version: 1\nsupressions: []\n");
        assert!(
            message.starts_with("invalid config: unknown field `supressions`, expected one of"),
            "{message}"
        );
        assert_eq!((line, column), (Some(2), Some(1)));
        let (message, line, column) =
            parse_err("suppressions:\n  - policy: X\n    reason: r\n    expiry: 2027-01-01\n");
        assert!(
            message.starts_with("invalid config: suppressions[0]: unknown field `expiry`"),
            "{message}"
        );
        assert_eq!((line, column), (Some(4), Some(5)));
    }

    #[test]
    fn wrong_types_and_bad_values_are_errors_with_their_position() {
        let cases: &[(&str, &str, usize, usize)] = &[
            (
                "threshold: high\n",
                "invalid config: threshold: invalid type: string \"high\", expected a pass rate above 0 and at most 1",
                1,
                12,
            ),
            (
                "threshold: 1.5\n",
                "invalid config: threshold: threshold must be above 0 and at most 1, got 1.5",
                1,
                12,
            ),
            (
                "targets:\n  categories:\n    IAM: 6\n",
                "invalid config: targets.categories.IAM: level must be a whole number from 0 to 5, got 6",
                3,
                10,
            ),
            (
                "exclude: ['a/[']\n",
                "invalid config: exclude[0]: invalid glob \"a/[\": unclosed character class; missing ']'",
                1,
                11,
            ),
            (
                "severity: {X-1: urgent}\n",
                "invalid config: severity.X-1: unknown variant `urgent`, expected one of `info`, `low`, `medium`, `high`, `critical`",
                1,
                17,
            ),
            (
                "suppressions:\n  - policy: X\n    reason: r\n    expires: 2027-02-30\n",
                "invalid config: suppressions[0].expires: 2027-02-30 is not a calendar date",
                4,
                14,
            ),
            (
                "attestations:\n  - {objective: A-1, by: me, date: 2025-01-01, evidence: x}\n",
                "invalid config: attestations[0]: missing field `expires`",
                2,
                5,
            ),
            (
                "version: 2\n",
                "invalid config: version: config version 2 is not supported; this rungs reads version 1",
                1,
                10,
            ),
            ("policies: dir\n", "invalid config: policies: invalid type: string \"dir\", expected a sequence", 1, 11),
        ];
        for (text, message, line, column) in cases {
            assert_eq!(
                parse_err(text),
                (message.to_string(), Some(*line), Some(*column)),
                "{text}"
            );
        }
    }

    #[test]
    fn only_a_trailing_position_is_cut() {
        assert_eq!(without_position("bad at line 3 column 4"), "bad");
        assert_eq!(
            without_position("bad at line 2 column 1, while x at line 1 column 5"),
            "bad at line 2 column 1, while x"
        );
        assert_eq!(without_position("seen at line x"), "seen at line x");
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let (message, line, _) = parse_err("targets: {program: 1\n");
        assert!(message.starts_with("invalid config: "), "{message}");
        assert_eq!(line, Some(2));
    }
}
