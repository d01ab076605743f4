//! Trend: maturity levels commit by commit, read straight from git objects.
//!
//! Commits are chosen from a range (first parent by default), then scanned through
//! [`cache::Pipeline`], which reuses parsed files by blob id and evaluation results by the
//! content of each root module and the modules it loads, in memory and in a [`disk`] cache.
//! `--no-reuse` scans every commit from scratch through [`crate::scan::run_source`] instead;
//! both give the same rows.

pub mod axis;
pub mod cache;
pub mod chart;
pub mod date;
pub mod disk;
pub mod render;

use crate::check::{Check, Outcome};
use crate::diagnostics::{Code, Diagnostic};
use crate::report::jsonl::ObjectivePoint;
use crate::scan::{self, Scan};
use crate::score::Scorecard;
use crate::source::git::{CommitInfo, Error, Repo};
use serde::Serialize;

/// Which commits to scan.
#[derive(Debug, Clone)]
pub struct Selection {
    /// `A..B`, `A..` (up to HEAD), or one revision (its whole history); HEAD when `None`.
    pub range: Option<String>,
    /// Only commits at or after this time (seconds since the epoch).
    pub since: Option<i64>,
    /// Keep the newest N commits (after sampling).
    pub max_commits: Option<usize>,
    /// Follow only the first parent of merges.
    pub first_parent: bool,
    /// Keep every Nth commit counting from the newest, which is always kept.
    pub every: usize,
}

/// Commits to scan, oldest first, and notes for the user (shallow history, ...).
pub fn select(repo: &Repo, selection: &Selection) -> Result<(Vec<CommitInfo>, Vec<String>), Error> {
    let range = selection.range.as_deref().unwrap_or("HEAD");
    if range.contains("...") {
        return Err(Error {
            message: format!("`{range}`: symmetric ranges (A...B) are not supported"),
            help: "use A..B: the commits reachable from B and not from A".into(),
        });
    }
    let (hide, head) = match range.split_once("..") {
        Some((a, b)) => (
            Some(if a.is_empty() { "HEAD" } else { a }),
            if b.is_empty() { "HEAD" } else { b },
        ),
        None => (None, range),
    };
    let head = repo.resolve(head)?;
    let hide = hide.map(|h| repo.resolve(h)).transpose()?;
    let ids = repo.walk(head.id, hide.map(|h| h.id), selection.first_parent)?;
    let mut commits = Vec::with_capacity(ids.len());
    for id in ids {
        let commit = repo.commit(id)?;
        if selection.since.is_some_and(|since| commit.time < since) {
            continue;
        }
        commits.push(commit);
    }
    let every = selection.every.max(1);
    let mut chosen: Vec<CommitInfo> = commits
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(_, c)| c)
        .collect();
    if let Some(max) = selection.max_commits {
        chosen.truncate(max);
    }
    chosen.reverse();
    let mut notes = Vec::new();
    if repo.shallow {
        notes.push(format!(
            "shallow clone: history is cut{}; `git fetch --unshallow` fetches the rest",
            chosen
                .first()
                .map(|c| format!(" (the oldest commit here is {})", c.short()))
                .unwrap_or_default()
        ));
    }
    Ok((chosen, notes))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainPoint {
    pub id: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryPoint {
    pub id: String,
    pub domain: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

/// One commit's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub commit: String,
    /// Committer date, ISO 8601 with the committer's offset.
    pub date: String,
    pub time: i64,
    pub subject: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
    /// The category that sets the program level.
    pub limiting: Option<String>,
    /// The scope the commit was judged in (given, or detected from that commit's code).
    pub scope: crate::scope::Scope,
    pub domains: Vec<DomainPoint>,
    pub categories: Vec<CategoryPoint>,
    pub roots: usize,
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub waived: usize,
    /// `ok`, `errors` (the scan met errors) or `unparsed` (files failed to read or parse;
    /// nothing in them counted).
    pub status: &'static str,
    /// Files that failed to read or parse.
    pub unparsed: Vec<String>,
    /// Error diagnostics of the scan, parse failures included.
    pub error_count: usize,
    /// Each objective's result, for `--format jsonl` (not in the JSON rows).
    #[serde(skip)]
    pub objectives: Vec<ObjectivePoint>,
    /// The threshold and strictness the commit was scored with.
    #[serde(skip)]
    pub rules: (f64, bool),
}

impl Row {
    pub fn short(&self) -> &str {
        &self.commit[..7.min(self.commit.len())]
    }

    pub fn new(
        commit: &CommitInfo,
        roots: usize,
        checks: &[Check],
        scorecard: &Scorecard,
        diagnostics: &[Diagnostic],
    ) -> Row {
        let count = |o: Outcome| checks.iter().filter(|c| c.outcome == o).count();
        let mut unparsed: Vec<String> = diagnostics
            .iter()
            .filter(|d| {
                d.is_error()
                    && matches!(
                        d.code,
                        Code::Unreadable
                            | Code::InvalidUtf8
                            | Code::HclSyntax
                            | Code::JsonSyntax
                            | Code::FileTooLarge
                    )
            })
            .filter_map(|d| d.location.as_ref().map(|l| l.file.clone()))
            .collect();
        unparsed.sort();
        unparsed.dedup();
        let error_count = diagnostics.iter().filter(|d| d.is_error()).count();
        Row {
            commit: commit.id.to_string(),
            date: date::iso8601(commit.time, commit.offset_minutes),
            time: commit.time,
            subject: commit.subject.clone(),
            level: scorecard.level,
            score: scorecard.score,
            limiting: scorecard.limiting.clone(),
            scope: scorecard.scope.scope,
            domains: scorecard
                .domains
                .iter()
                .map(|d| DomainPoint {
                    id: d.id.clone(),
                    level: d.level,
                    score: d.score,
                })
                .collect(),
            categories: scorecard
                .domains
                .iter()
                .flat_map(|d| {
                    d.categories.iter().map(|c| CategoryPoint {
                        id: c.id.clone(),
                        domain: d.id.clone(),
                        level: c.level,
                        score: c.score,
                    })
                })
                .collect(),
            roots,
            passed: count(Outcome::Pass),
            failed: count(Outcome::Fail),
            errors: count(Outcome::Error),
            waived: count(Outcome::Waived),
            status: if !unparsed.is_empty() {
                "unparsed"
            } else if error_count > 0 {
                "errors"
            } else {
                "ok"
            },
            unparsed,
            error_count,
            objectives: crate::report::jsonl::objective_points(scorecard),
            rules: (scorecard.threshold, scorecard.strict),
        }
    }

    fn from_scan(commit: &CommitInfo, scan: &Scan) -> Row {
        Row::new(
            commit,
            scan.documents.len(),
            &scan.checks,
            &scan.scorecard,
            &scan.diagnostics,
        )
    }
}

/// Reports progress of a long run: `done` of `total` in a named stage.
pub trait Progress: Sync {
    fn update(&self, stage: &'static str, done: usize, total: usize);
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {
    fn update(&self, _: &'static str, _: usize, _: usize) {}
}

/// Scans each commit from scratch (no reuse between commits): the reference the cached
/// pipeline must match, and the baseline of the benchmark.
pub fn rows_uncached(
    repo: &Repo,
    commits: &[CommitInfo],
    options: &scan::Options,
    progress: &dyn Progress,
) -> Result<Vec<Row>, Diagnostic> {
    let mut rows = Vec::with_capacity(commits.len());
    for (i, commit) in commits.iter().enumerate() {
        progress.update("scanning", i, commits.len());
        let scan = scan::run_source(&repo.tree(commit, commit.short()), options)?;
        rows.push(Row::from_scan(commit, &scan));
    }
    progress.update("scanning", commits.len(), commits.len());
    Ok(rows)
}
