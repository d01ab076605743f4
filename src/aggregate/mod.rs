//! Aggregate: many repositories' results rolled up per repository, per team and for the whole
//! organisation, with the same rules as one scan.
//!
//! Inputs are `rungs scan --format json` reports or `--format jsonl` exports (files, or
//! directories of them). Each repository counts once, with its newest result (by commit date,
//! then scan day). Its objective tallies (results, attestation, scope) are kept; a team's and the
//! organisation's tallies are their repositories' added up, and scored by `score::score_tallies`,
//! so a roll-up of one repository gives exactly that repository's levels. Memory grows with the
//! number of repositories (a few kilobytes each), not with the number or size of reports.
//!
//! When the results carry several days (a `rungs trend --format jsonl` export, or reports of
//! different days), the organisation's level is also replayed day by day: on each day, every
//! repository counts with its newest result of that day or before. For this the roll-up also
//! keeps the newest result of each earlier day per repository, a few kilobytes each.
//!
//! Nothing is silently left out: unreadable or foreign files, reports of another model, policy
//! bundle or rules than the first one read, stale reports (`--max-age`), duplicates and
//! superseded commits are all listed with the reason.

pub mod render;

use crate::attest::{Attestation, State};
use crate::config::Pattern;
use crate::date::Date;
use crate::diagnostics::Location;
use crate::model::Model;
use crate::scope::{Origin, Scope, Scoping};
use crate::score::{self, Counts, Rules, Scorecard, Tally};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// How many of the most severe findings the roll-up keeps.
pub const WORST: usize = 20;

/// Files parsed in parallel before their results are accepted in order.
const CHUNK: usize = 64;

/// One repository's result as the roll-up keeps it.
#[derive(Debug, Clone)]
struct Entry {
    commit: Option<String>,
    commit_date: Option<String>,
    scanned: String,
    scope: String,
    file: String,
    /// Tallies in model objective order.
    tallies: Vec<Compact>,
}

impl Entry {
    /// The day the result describes: its commit's, else its scan's.
    fn day(&self) -> String {
        let date = self.commit_date.as_deref().unwrap_or(&self.scanned);
        date.get(..10).unwrap_or(date).to_string()
    }
}

/// An objective's tally without its policy list: what scoring needs, in a few bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Compact {
    counts: Counts,
    attested: bool,
    in_scope: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    pub reason: String,
    /// An error (the roll-up is incomplete: exit 2) or a warning (stale, superseded).
    pub error: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub repository: String,
    pub policy: String,
    pub severity: String,
    pub address: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepositoryResult {
    pub repository: String,
    pub team: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    pub scanned: String,
    pub scope: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
    pub limiting: Option<String>,
    pub file: String,
    /// The repository's own level and score in each category, in model order.
    pub categories: Vec<CategoryLevel>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryLevel {
    pub id: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

/// A category the organisation has not completed, and the repositories at or below the
/// organisation's level in it: until they climb, the pooled results cannot reach the next level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeldBack {
    pub category: String,
    pub level: Option<u8>,
    /// Lowest first (level, then score, then name).
    pub repositories: Vec<Holder>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holder {
    pub repository: String,
    pub team: String,
    pub level: u8,
    pub score: Option<f64>,
}

/// The organisation on one day of the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// `YYYY-MM-DD`: the commit day, or the scan day when a result has no commit date.
    pub date: String,
    pub repositories: usize,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResult {
    /// The team, or `organisation`.
    pub name: String,
    pub repositories: usize,
    pub card: Scorecard,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    pub model: String,
    pub bundle: Option<String>,
    pub threshold: f64,
    pub strict: bool,
    pub organisation: GroupResult,
    pub teams: Vec<GroupResult>,
    pub repositories: Vec<RepositoryResult>,
    pub left_out: Vec<LeftOut>,
    pub worst: Vec<Finding>,
    /// Per category the organisation has not completed, who holds it back.
    pub held_back: Vec<HeldBack>,
    /// The organisation day by day; empty when all results are of one day.
    pub trend: Vec<TrendPoint>,
}

/// Team mapping: `teams: {NAME: [GLOB, ...]}`; a repository belongs to the first team (in file
/// order) with a matching glob, else to `(unassigned)`.
#[derive(Debug, Default)]
pub struct Teams {
    teams: Vec<(String, Vec<Pattern>)>,
}

pub const UNASSIGNED: &str = "(unassigned)";

impl Teams {
    pub fn parse(text: &str, shown: &str) -> Result<Teams, String> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            teams: yaml_serde::Mapping,
        }
        let raw: Raw = yaml_serde::from_str(text).map_err(|e| match e.location() {
            Some(l) => format!("{shown}:{}:{}: {e}", l.line(), l.column()),
            None => format!("{shown}: {e}"),
        })?;
        let mut teams = Vec::new();
        for (name, globs) in raw.teams {
            let name = name
                .as_str()
                .ok_or_else(|| format!("{shown}: team names are strings"))?
                .to_string();
            let globs: Vec<String> = yaml_serde::from_value(globs)
                .map_err(|e| format!("{shown}: team {name}: expected a list of globs: {e}"))?;
            let patterns = globs
                .iter()
                .map(|g| Pattern::new(g).map_err(|e| format!("{shown}: team {name}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            teams.push((name, patterns));
        }
        Ok(Teams { teams })
    }

    pub fn team_of(&self, repository: &str) -> &str {
        self.teams
            .iter()
            .find(|(_, globs)| globs.iter().any(|g| g.is_match(repository)))
            .map_or(UNASSIGNED, |(name, _)| name.as_str())
    }
}

/// What the roll-up accepts; the first input read sets bundle, threshold and strictness.
pub struct Options<'a> {
    pub model: &'a Model,
    pub teams: &'a Teams,
    /// Reports scanned more than this many days before `today` are left out.
    pub max_age: Option<u32>,
    pub today: Date,
}

/// The rules and bundle the first accepted input set.
#[derive(Debug, Clone, PartialEq)]
struct Basis {
    bundle: Option<String>,
    threshold: f64,
    strict: bool,
}

/// One repository's result as read from one report or one (repository, commit) of an export.
struct Input {
    repository: String,
    entry: Entry,
    bundle: Option<String>,
    model: String,
    threshold: f64,
    strict: bool,
    findings: Vec<Finding>,
}

struct Rolling<'a> {
    options: &'a Options<'a>,
    positions: BTreeMap<String, usize>,
    basis: Option<Basis>,
    entries: BTreeMap<String, Entry>,
    /// Per repository, the newest result of each earlier day than its newest: the trend's.
    history: BTreeMap<String, BTreeMap<String, Entry>>,
    left_out: Vec<LeftOut>,
    /// Superseded results: (index in `left_out`, repository, day, commit, scan time), to say in
    /// the end whether each still counts in the trend.
    superseded: Vec<(usize, String, String, Option<String>, String)>,
    worst: Vec<Finding>,
}

/// Input files: the files given, and the `.json`/`.jsonl` files under given directories, sorted.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LeftOut>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(false)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "jsonl"))
                .collect();
            found.sort();
            out.extend(found);
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            problems.push(LeftOut {
                file: path.display().to_string(),
                repository: None,
                reason: "not a file or directory".into(),
                error: true,
            });
        }
    }
    (out, problems)
}

/// Rolls up the given files.
pub fn run(paths: &[PathBuf], options: &Options<'_>) -> Rollup {
    let (inputs, problems) = files(paths);
    let positions = options
        .model
        .objectives()
        .enumerate()
        .map(|(i, (_, _, o))| (o.id.clone(), i))
        .collect();
    let mut rolling = Rolling {
        options,
        positions,
        basis: None,
        entries: BTreeMap::new(),
        history: BTreeMap::new(),
        left_out: problems,
        superseded: Vec::new(),
        worst: Vec::new(),
    };
    // Files are parsed in parallel a chunk at a time and accepted in path order, so the result
    // does not depend on the thread count and memory holds one chunk of parsed reports.
    for chunk in inputs.chunks(CHUNK) {
        let parsed: Vec<(String, Result<Vec<Input>, String>)> = chunk
            .par_iter()
            .map(|path| (path.display().to_string(), rolling.parse(path)))
            .collect();
        for (file, result) in parsed {
            match result {
                Ok(inputs) => inputs.into_iter().for_each(|i| rolling.accept(i)),
                Err(reason) => rolling.error(&file, None, reason),
            }
        }
    }
    rolling.finish()
}

fn model_name(model: &Model) -> String {
    format!("{}@{}", model.model.id, model.model.version)
}

/// `file:line:col: message` for a JSON syntax error.
fn located(file: &str, line: usize, e: &serde_json::Error) -> String {
    let at = Location::at(file, line.max(1) + e.line().saturating_sub(1), e.column());
    format!("{at}: {e}")
}

impl Rolling<'_> {
    fn parse(&self, path: &Path) -> Result<Vec<Input>, String> {
        let file = path.display().to_string();
        let bytes = crate::read::file(path).map_err(|e| format!("cannot read: {e}"))?;
        if file.ends_with(".jsonl") {
            self.parse_jsonl(&file, &bytes)
        } else {
            self.parse_report(&file, &bytes).map(|i| vec![i])
        }
    }

    fn error(&mut self, file: &str, repository: Option<String>, reason: String) {
        self.left_out.push(LeftOut {
            file: file.to_string(),
            repository,
            reason,
            error: true,
        });
    }

    fn warn(&mut self, file: &str, repository: Option<String>, reason: String) {
        self.left_out.push(LeftOut {
            file: file.to_string(),
            repository,
            reason,
            error: false,
        });
    }

    /// A `rungs scan --format json` report, read into just the fields a roll-up needs (serde
    /// skips the rest without building it, several times faster than a `Value`).
    fn parse_report(&self, file: &str, bytes: &[u8]) -> Result<Input, String> {
        let r: RawReport = serde_json::from_slice(bytes).map_err(|e| located(file, 1, &e))?;
        let (Some(tool), Some(domains)) = (r.tool.filter(|t| t.name == "rungs"), r.domains) else {
            return Err("not a rungs scan report (`rungs scan --format json`)".into());
        };
        if r.schema_version != Some(u64::from(crate::report::json::SCHEMA_VERSION)) {
            return Err(format!(
                "report schema_version {} is not the one this rungs reads ({})",
                r.schema_version.map_or("none".into(), |v| v.to_string()),
                crate::report::json::SCHEMA_VERSION
            ));
        }
        let mut tallies = vec![Compact::default(); self.positions.len()];
        for o in domains
            .into_iter()
            .flat_map(|d| d.categories)
            .flat_map(|c| c.objectives)
        {
            if let Some(&i) = self.positions.get(&o.id) {
                tallies[i] = Compact {
                    counts: Counts {
                        passed: o.passed,
                        failed: o.failed,
                        severe: o.severe,
                        errors: o.errors,
                        waived: o.waived,
                        unknown: o.unknown,
                    },
                    attested: o.attestation.is_some_and(|a| a.state == "valid"),
                    in_scope: o.status != "out_of_scope",
                };
            }
        }
        let repo = r.repository;
        let findings = r
            .findings
            .into_iter()
            .filter(|f| f.outcome == "fail")
            .map(|f| Finding {
                repository: repo.repository.clone(),
                policy: f.policy,
                severity: f.severity,
                address: f.resource,
                file: f.file,
                line: f.line,
                message: f.message.unwrap_or_default(),
            })
            .collect();
        let summary = r.summary.unwrap_or_default();
        let model = r.model.unwrap_or_default();
        Ok(Input {
            entry: Entry {
                commit: repo.commit,
                commit_date: repo.commit_date,
                scanned: repo.scanned,
                scope: summary.scope.scope,
                file: file.to_string(),
                tallies,
            },
            repository: repo.repository,
            bundle: tool.bundle,
            model: format!("{}@{}", model.id, model.version),
            threshold: summary.threshold.unwrap_or(f64::NAN),
            strict: summary.strict,
            findings,
        })
    }

    /// A `--format jsonl` export: one input per (repository, commit) it holds.
    fn parse_jsonl(&self, file: &str, bytes: &[u8]) -> Result<Vec<Input>, String> {
        let mut inputs: BTreeMap<(String, Option<String>), Input> = BTreeMap::new();
        for (n, line) in bytes.lines().enumerate() {
            let line = line.map_err(|e| format!("{file}:{}: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(&line).map_err(|e| located(file, n + 1, &e))?;
            if v["schema_version"] != crate::report::jsonl::SCHEMA_VERSION {
                return Err(format!(
                    "{file}:{}: not a rungs JSONL line of schema_version {}",
                    n + 1,
                    crate::report::jsonl::SCHEMA_VERSION
                ));
            }
            let repository = text(&v["repository"]);
            let commit = v["commit"].as_str().map(String::from);
            let input = inputs
                .entry((repository.clone(), commit.clone()))
                .or_insert_with(|| Input {
                    repository: repository.clone(),
                    entry: Entry {
                        commit,
                        commit_date: v["commit_date"].as_str().map(String::from),
                        scanned: text(&v["scanned"]),
                        scope: text(&v["scope"]),
                        file: file.to_string(),
                        tallies: vec![Compact::default(); self.positions.len()],
                    },
                    bundle: v["bundle"].as_str().map(String::from),
                    model: text(&v["model"]),
                    threshold: v["threshold"].as_f64().unwrap_or(f64::NAN),
                    strict: v["strict"].as_bool().unwrap_or(false),
                    findings: Vec::new(),
                });
            match v["kind"].as_str() {
                Some("objective") => {
                    if let Some(&i) = v["id"].as_str().and_then(|id| self.positions.get(id)) {
                        input.entry.tallies[i] = Compact {
                            counts: counts(&v),
                            attested: v["attested"] == true,
                            in_scope: v["in_scope"] == true,
                        };
                    }
                }
                Some("check") if v["outcome"] == "fail" => input.findings.push(Finding {
                    repository,
                    policy: text(&v["policy"]),
                    severity: text(&v["severity"]),
                    address: text(&v["address"]),
                    file: v["file"].as_str().map(String::from),
                    line: v["line"].as_u64(),
                    message: text(&v["message"]),
                }),
                _ => {}
            }
        }
        if inputs.is_empty() {
            return Err("no rungs JSONL lines".into());
        }
        Ok(inputs.into_values().collect())
    }

    fn accept(&mut self, input: Input) {
        let file = input.entry.file.clone();
        let repo = Some(input.repository.clone());
        let model = model_name(self.options.model);
        if input.repository.is_empty() {
            return self.error(&file, None, "the report names no repository".into());
        }
        if input.model != model {
            return self.error(
                &file,
                repo,
                format!(
                    "made with model {}, not {model}: levels are not comparable",
                    input.model
                ),
            );
        }
        let basis = Basis {
            bundle: input.bundle.clone(),
            threshold: input.threshold,
            strict: input.strict,
        };
        match &self.basis {
            None => self.basis = Some(basis),
            Some(b) if *b != basis => {
                let reason = if b.bundle != basis.bundle {
                    format!(
                        "made with policy bundle {}, not {} (the first report read)",
                        basis.bundle.as_deref().unwrap_or("unknown"),
                        b.bundle.as_deref().unwrap_or("unknown")
                    )
                } else {
                    format!(
                        "scored with threshold {} strict {}, not {} strict {} (the first report read)",
                        basis.threshold, basis.strict, b.threshold, b.strict
                    )
                };
                return self.error(&file, repo, reason);
            }
            Some(_) => {}
        }
        if let Some(days) = self.options.max_age {
            match Date::parse(&input.entry.scanned) {
                Ok(scanned) if self.options.today.days_since(scanned) <= i64::from(days) => {}
                Ok(_) => {
                    return self.warn(
                        &file,
                        repo,
                        format!(
                            "stale: scanned {}, more than {days} days before {}",
                            input.entry.scanned, self.options.today
                        ),
                    )
                }
                Err(_) => {
                    return self.error(&file, repo, "the report has no scan date".into());
                }
            }
        }
        let key = |e: &Entry| (e.commit_date.clone(), e.scanned.clone());
        let previous = self.entries.get(&input.repository);
        match previous {
            Some(p) if p.commit.is_some() && p.commit == input.entry.commit => {
                let reason = format!("duplicate: {} already holds this commit", p.file);
                self.error(&file, repo, reason);
            }
            Some(p) if key(p) >= key(&input.entry) => {
                let reason = format!("superseded by the newer result in {}", p.file);
                let current_day = p.day();
                self.warn(&file, repo, reason);
                self.note_superseded(&input.repository, &input.entry);
                self.keep_for_trend(&input.repository, input.entry, &current_day);
            }
            _ => {
                let day = input.entry.day();
                if let Some(p) = self.entries.remove(&input.repository) {
                    self.warn(
                        &p.file,
                        repo.clone(),
                        format!("superseded by the newer result in {file}"),
                    );
                    self.note_superseded(&input.repository, &p);
                    self.worst.retain(|f| f.repository != input.repository);
                    self.keep_for_trend(&input.repository, p, &day);
                }
                // The new result is the newest of its day too.
                if let Some(days) = self.history.get_mut(&input.repository) {
                    days.remove(&day);
                }
                self.worst.extend(input.findings);
                self.worst.sort_by(|a, b| {
                    severity_rank(&b.severity)
                        .cmp(&severity_rank(&a.severity))
                        .then_with(|| {
                            (&a.repository, &a.policy, &a.address).cmp(&(
                                &b.repository,
                                &b.policy,
                                &b.address,
                            ))
                        })
                });
                self.worst.truncate(WORST);
                self.entries.insert(input.repository, input.entry);
            }
        }
    }

    /// Keeps a result that is not its repository's newest for the trend, when it is the newest
    /// of a day other than the current result's.
    /// Records that the warning just pushed is about `entry`, superseded.
    fn note_superseded(&mut self, repository: &str, entry: &Entry) {
        self.superseded.push((
            self.left_out.len() - 1,
            repository.to_string(),
            entry.day(),
            entry.commit.clone(),
            entry.scanned.clone(),
        ));
    }

    fn keep_for_trend(&mut self, repository: &str, entry: Entry, current_day: &str) {
        let day = entry.day();
        if day == current_day {
            return;
        }
        let key = |e: &Entry| (e.commit_date.clone(), e.scanned.clone());
        let days = self.history.entry(repository.to_string()).or_default();
        if days.get(&day).is_none_or(|e| key(e) < key(&entry)) {
            days.insert(day, entry);
        }
    }

    fn finish(self) -> Rollup {
        let basis = self.basis.clone().unwrap_or(Basis {
            bundle: None,
            threshold: score::DEFAULT_THRESHOLD,
            strict: false,
        });
        let model = self.options.model;
        let ids: Vec<String> = model.objectives().map(|(_, _, o)| o.id.clone()).collect();
        let rules = |n: usize| {
            Rules {
            threshold: basis.threshold,
            strict: basis.strict,
            scope: Scoping {
                scope: Scope::Estate,
                origin: Origin::Detected,
                reason: format!(
                    "roll-up of {n} repositor{}: an objective counts where a repository's scope includes it",
                    if n == 1 { "y" } else { "ies" }
                ),
            },
        }
        };
        let card = |entries: &[&Entry]| -> Scorecard {
            let mut sum = vec![Compact::default(); ids.len()];
            for e in entries {
                for (s, t) in sum.iter_mut().zip(&e.tallies) {
                    if t.in_scope {
                        s.counts.add(&t.counts);
                        s.in_scope = true;
                        s.attested |= t.attested;
                    }
                }
            }
            let tallies = ids
                .iter()
                .zip(sum)
                .map(|(id, c)| (id.clone(), expand(c, entries.len())))
                .collect();
            score::score_tallies(model, &tallies, &rules(entries.len()))
        };
        let mut repositories = Vec::new();
        let mut by_team: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
        for (name, entry) in &self.entries {
            let team = self.options.teams.team_of(name).to_string();
            let one = card(&[entry]);
            repositories.push(RepositoryResult {
                repository: name.clone(),
                team: team.clone(),
                commit: entry.commit.clone(),
                scanned: entry.scanned.clone(),
                scope: entry.scope.clone(),
                level: one.level,
                score: one.score,
                limiting: one.limiting.clone(),
                file: entry.file.clone(),
                categories: one
                    .categories()
                    .map(|c| CategoryLevel {
                        id: c.id.clone(),
                        level: c.level,
                        score: c.score,
                    })
                    .collect(),
            });
            by_team.entry(team).or_default().push(entry);
        }
        let all: Vec<&Entry> = self.entries.values().collect();
        let organisation = GroupResult {
            name: "organisation".into(),
            repositories: all.len(),
            card: card(&all),
        };
        let teams = by_team
            .into_iter()
            .map(|(name, entries)| GroupResult {
                name,
                repositories: entries.len(),
                card: card(&entries),
            })
            .collect();
        let held_back = held_back(model, &organisation.card, &repositories);
        let days: std::collections::BTreeSet<String> = self
            .history
            .values()
            .flat_map(|d| d.keys().cloned())
            .chain(self.entries.values().map(Entry::day))
            .collect();
        let trend = if days.len() < 2 {
            Vec::new()
        } else {
            days.iter()
                .map(|day| {
                    // Each repository's newest result of this day or before.
                    let current: Vec<&Entry> = self
                        .entries
                        .iter()
                        .filter_map(|(name, newest)| {
                            if newest.day() <= *day {
                                return Some(newest);
                            }
                            let older = self.history.get(name)?;
                            older.range(..=day.clone()).next_back().map(|(_, e)| e)
                        })
                        .collect();
                    let c = card(&current);
                    TrendPoint {
                        date: day.clone(),
                        repositories: current.len(),
                        level: c.level,
                        score: c.score,
                    }
                })
                .collect()
        };
        // A superseded result is out of the current roll-up but may still be its day's point in
        // the trend: say which, so the warning does not read as "not counted at all".
        let mut left_out = self.left_out;
        for (i, repository, day, commit, scanned) in &self.superseded {
            let counted = self
                .history
                .get(repository)
                .and_then(|days| days.get(day))
                .is_some_and(|e| &e.commit == commit && &e.scanned == scanned);
            left_out[*i].reason.push_str(&if counted {
                format!("; it still counts in the trend, for {day}")
            } else {
                format!("; not in the trend either: a newer result stands for {day}")
            });
        }
        Rollup {
            model: model_name(model),
            bundle: basis.bundle,
            threshold: basis.threshold,
            strict: basis.strict,
            organisation,
            teams,
            repositories,
            left_out,
            worst: self.worst,
            held_back,
            trend,
        }
    }
}

/// For each category below its highest level in the organisation, the repositories whose own
/// level there is at or below the organisation's.
fn held_back(model: &Model, org: &Scorecard, repositories: &[RepositoryResult]) -> Vec<HeldBack> {
    let mut out = Vec::new();
    for category in model.domains.iter().flat_map(|d| &d.categories) {
        let top = category
            .objectives
            .iter()
            .map(|o| o.level)
            .max()
            .unwrap_or(0);
        let Some(org_level) = org.category(&category.id).and_then(|c| c.level) else {
            continue;
        };
        if org_level >= top {
            continue;
        }
        let mut holders: Vec<Holder> = repositories
            .iter()
            .filter_map(|r| {
                let c = r.categories.iter().find(|c| c.id == category.id)?;
                let level = c.level.filter(|&l| l <= org_level)?;
                Some(Holder {
                    repository: r.repository.clone(),
                    team: r.team.clone(),
                    level,
                    score: c.score,
                })
            })
            .collect();
        holders.sort_by(|a, b| {
            (a.level, a.score.unwrap_or(0.0))
                .partial_cmp(&(b.level, b.score.unwrap_or(0.0)))
                .expect("scores are finite")
                .then_with(|| a.repository.cmp(&b.repository))
        });
        out.push(HeldBack {
            category: category.id.clone(),
            level: Some(org_level),
            repositories: holders,
        });
    }
    out
}

/// The fields of a `rungs scan --format json` report a roll-up reads; serde skips the others.
#[derive(Deserialize)]
struct RawReport {
    schema_version: Option<u64>,
    tool: Option<RawTool>,
    #[serde(default)]
    repository: RawRepository,
    model: Option<RawModel>,
    summary: Option<RawSummary>,
    domains: Option<Vec<RawDomain>>,
    #[serde(default)]
    findings: Vec<RawFinding>,
}

#[derive(Deserialize)]
struct RawTool {
    name: String,
    bundle: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawRepository {
    repository: String,
    commit: Option<String>,
    commit_date: Option<String>,
    scanned: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawModel {
    id: String,
    version: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawSummary {
    threshold: Option<f64>,
    strict: bool,
    scope: RawScope,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawScope {
    scope: String,
}

#[derive(Deserialize)]
struct RawDomain {
    categories: Vec<RawCategory>,
}

#[derive(Deserialize)]
struct RawCategory {
    objectives: Vec<RawObjective>,
}

#[derive(Deserialize)]
struct RawObjective {
    id: String,
    status: String,
    #[serde(default)]
    passed: usize,
    #[serde(default)]
    failed: usize,
    #[serde(default)]
    severe: usize,
    #[serde(default)]
    errors: usize,
    #[serde(default)]
    waived: usize,
    #[serde(default)]
    unknown: usize,
    attestation: Option<RawAttestation>,
}

#[derive(Deserialize)]
struct RawAttestation {
    state: String,
}

#[derive(Deserialize)]
struct RawFinding {
    policy: String,
    #[serde(default)]
    severity: String,
    outcome: String,
    resource: String,
    file: Option<String>,
    line: Option<u64>,
    message: Option<String>,
}

/// A summed tally as scoring takes it: an attestation where any repository had a valid one.
fn expand(c: Compact, repositories: usize) -> Tally {
    Tally {
        counts: c.counts,
        policies: Vec::new(),
        attestation: c.attested.then(|| Attestation {
            by: format!("{repositories} repositories' attestations"),
            date: String::new(),
            evidence: String::new(),
            expires: String::new(),
            state: State::Valid,
            location: Location::file("<roll-up>"),
        }),
        in_scope: c.in_scope,
    }
}

fn counts(v: &Value) -> Counts {
    let n = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
    Counts {
        passed: n("passed"),
        failed: n("failed"),
        severe: n("severe"),
        errors: n("errors"),
        waived: n("waived"),
        unknown: n("unknown"),
    }
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn severity_rank(s: &str) -> u8 {
    match s {
        "critical" => 4,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    }
}
