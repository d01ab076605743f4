//! Git revisions as a [`Source`]: trees and blobs read from the object database, nothing
//! checked out. Only local objects are read; git2 is built without any network transport.
//!
//! `Repository` is `Send` but not `Sync`, so one handle sits behind a mutex and every read
//! takes it for a few microseconds; parsing, the expensive part, runs outside it.

use super::Source;
use crate::diagnostics::{Code, Diagnostic, Location};
use crate::discover::{is_data_file, terraform_syntax, Discovery, SourceFile, SKIPPED_DIRS};
use git2::{ErrorCode, ObjectType, Oid, Repository, Tree};
use globset::GlobSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Git's file mode for a symbolic link.
const MODE_LINK: i32 = 0o120000;

/// A usage problem with the repository or a revision: shown as `error: ...` with what to try,
/// and the command exits 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub help: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}\n  help: {}", self.message, self.help)
    }
}

fn error(message: impl Into<String>, help: impl Into<String>) -> Error {
    Error {
        message: message.into(),
        help: help.into(),
    }
}

/// One commit, as trends and reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: Oid,
    /// Seconds since the Unix epoch, and the committer's offset from UTC in minutes.
    pub time: i64,
    pub offset_minutes: i32,
    pub subject: String,
    pub parents: usize,
    /// The tree of the scanned directory at this commit; `None` when it does not exist there.
    pub tree: Option<Oid>,
}

/// `org/repo` from a remote URL: its last two path segments, without `.git`.
fn remote_name(url: &str) -> String {
    let path = url.trim_end_matches('/').trim_end_matches(".git");
    let path = path.rsplit_once(':').map_or(path, |(_, p)| p);
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    parts[parts.len().saturating_sub(2)..].join("/")
}

impl CommitInfo {
    pub fn short(&self) -> String {
        self.id.to_string()[..7].to_string()
    }
}

/// An open repository and the directory to scan inside it.
pub struct Repo {
    repo: Mutex<Repository>,
    /// Where the repository is, for messages.
    pub location: PathBuf,
    /// The scanned directory relative to the repository root, `/`-separated; empty for the root.
    pub subdir: String,
    pub shallow: bool,
}

impl Repo {
    /// Opens the repository holding `path`; `path` becomes the scanned directory.
    pub fn open(path: &Path) -> Result<Repo, Error> {
        let repo = Repository::discover(path).map_err(|e| {
            error(
                format!("{} is not inside a git repository ({})", path.display(), e.message()),
                "run the command inside a clone, or point --path at one; to compare two directories pass both as BASE and HEAD",
            )
        })?;
        let location = repo.workdir().unwrap_or_else(|| repo.path()).to_path_buf();
        let subdir = match repo.workdir() {
            None => String::new(),
            Some(workdir) => {
                let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
                let full = canonical(path);
                let rel = full.strip_prefix(canonical(workdir)).map_err(|_| {
                    error(
                        format!(
                            "{} is outside the work tree of {}",
                            path.display(),
                            workdir.display()
                        ),
                        "pass a directory inside the repository",
                    )
                })?;
                let mut parts = Vec::new();
                for c in rel.components() {
                    parts.push(c.as_os_str().to_str().ok_or_else(|| {
                        error(
                            format!("{} is not a UTF-8 path", rel.display()),
                            "rename the directory, or scan its parent",
                        )
                    })?);
                }
                parts.join("/")
            }
        };
        Ok(Repo {
            shallow: repo.is_shallow(),
            repo: Mutex::new(repo),
            location,
            subdir,
        })
    }

    /// The repository's git directory, shared by its linked work trees (`.git` of a clone, the
    /// repository itself when bare); never inside the work tree's files.
    pub fn git_dir(&self) -> PathBuf {
        self.lock().commondir().to_path_buf()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Repository> {
        // A panic while holding the lock cannot leave a read half done: reuse the handle.
        self.repo.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Resolves a revision (branch, tag, commit id, `HEAD~2`, ...) to a commit.
    /// The repository's name for org-wide roll-ups: `owner/name` from the `origin` remote's URL
    /// (`git@host:org/repo.git`, `https://host/org/repo`), else the work tree's directory name.
    pub fn name(&self) -> String {
        let repo = self.repo.lock().expect("repository lock");
        let from_remote = repo
            .find_remote("origin")
            .ok()
            .and_then(|r| r.url().ok().map(remote_name));
        from_remote.unwrap_or_else(|| {
            self.location
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }

    pub fn resolve(&self, rev: &str) -> Result<CommitInfo, Error> {
        let id = {
            let repo = self.lock();
            let object = repo
                .revparse_single(rev)
                .map_err(|e| self.bad_revision(rev, &e))?;
            let commit = object.peel_to_commit().map_err(|_| {
                error(
                    format!(
                        "revision `{rev}` is a {}, not a commit",
                        object.kind().map_or("object", |k| k.str())
                    ),
                    "name a branch, a tag or a commit id",
                )
            })?;
            commit.id()
        };
        self.commit(id)
    }

    fn bad_revision(&self, rev: &str, e: &git2::Error) -> Error {
        let mut help = String::from(
            "name a branch, a tag or a commit id (`git branch -a`, `git tag`, `git log --oneline` list them); a remote branch needs its remote, e.g. origin/main",
        );
        if self.shallow {
            help.push_str("; this is a shallow clone, so older commits may be missing: `git fetch --unshallow`");
        }
        let what = match e.code() {
            ErrorCode::Ambiguous => "is ambiguous",
            ErrorCode::UnbornBranch => "has no commits yet",
            _ => "is not a revision of this repository",
        };
        error(
            format!("`{rev}` {what} ({})", self.location.display()),
            help,
        )
    }

    /// Details of one commit.
    pub fn commit(&self, id: Oid) -> Result<CommitInfo, Error> {
        let repo = self.lock();
        let commit = repo.find_commit(id).map_err(|e| {
            error(
                format!("cannot read commit {id}: {}", e.message()),
                "the repository may be shallow or damaged; try `git fsck`",
            )
        })?;
        let root = commit.tree().map_err(|e| {
            error(
                format!("cannot read the tree of {id}: {}", e.message()),
                "try `git fsck`",
            )
        })?;
        let tree = if self.subdir.is_empty() {
            Some(root.id())
        } else {
            root.get_path(Path::new(&self.subdir))
                .ok()
                .filter(|e| e.kind() == Some(ObjectType::Tree))
                .map(|e| e.id())
        };
        Ok(CommitInfo {
            id,
            time: commit.time().seconds(),
            offset_minutes: commit.time().offset_minutes(),
            subject: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default())
                .into_owned(),
            parents: commit.parent_count(),
            tree,
        })
    }

    /// Commits reachable from `head` and not from `hide`, newest first.
    pub fn walk(
        &self,
        head: Oid,
        hide: Option<Oid>,
        first_parent: bool,
    ) -> Result<Vec<Oid>, Error> {
        let repo = self.lock();
        let fail = |e: git2::Error| {
            error(
                format!("cannot walk the history: {}", e.message()),
                "try `git fsck`; a shallow clone ends where it was cut",
            )
        };
        let mut walk = repo.revwalk().map_err(fail)?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
            .map_err(fail)?;
        if first_parent {
            walk.simplify_first_parent().map_err(fail)?;
        }
        walk.push(head).map_err(fail)?;
        if let Some(hide) = hide {
            walk.hide(hide).map_err(fail)?;
        }
        walk.map(|id| id.map_err(fail)).collect()
    }

    /// The revision at `commit`, as a source.
    pub fn tree(&self, commit: &CommitInfo, label: impl Into<String>) -> GitTree<'_> {
        GitTree {
            repo: self,
            tree: commit.tree,
            label: label.into(),
        }
    }
}

/// Names whose content can change what the loader produces for a directory: Terraform files,
/// variable files and the `terraform init` module manifest.
pub fn is_relevant(name: &str) -> bool {
    terraform_syntax(name).is_some()
        || name.ends_with(".tfvars")
        || name.ends_with(".tfvars.json")
        || name == "modules.json"
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() || prefix == "." {
        name.to_string()
    } else {
        format!("{prefix}/{name}")
    }
}

/// The scanned directory at one commit.
pub struct GitTree<'r> {
    repo: &'r Repo,
    tree: Option<Oid>,
    label: String,
}

impl GitTree<'_> {
    /// Runs `f` on the tree at `dir` (`.` for the root), under the repository lock.
    fn at_dir<T>(&self, dir: &str, f: impl FnOnce(&Repository, &Tree<'_>) -> T) -> Option<T> {
        let repo = self.repo.lock();
        let root = repo.find_tree(self.tree?).ok()?;
        if dir == "." || dir.is_empty() {
            return Some(f(&repo, &root));
        }
        let entry = root.get_path(Path::new(dir)).ok()?;
        if entry.kind() != Some(ObjectType::Tree) {
            return None;
        }
        let tree = repo.find_tree(entry.id()).ok()?;
        Some(f(&repo, &tree))
    }

    /// The id of the tree at `dir`, when it exists.
    pub fn subtree(&self, dir: &str) -> Option<Oid> {
        self.at_dir(dir, |_, t| t.id())
    }

    /// A content id for the files of one directory that the loader reads (see [`is_relevant`]):
    /// the hash of their names, modes and blob ids. Sub-directories do not count, so a change
    /// below a directory leaves its id alone.
    pub fn dir_content(&self, tree: Oid) -> Option<Oid> {
        let repo = self.repo.lock();
        let tree = repo.find_tree(tree).ok()?;
        let mut text = String::new();
        for entry in tree.iter() {
            let Ok(name) = std::str::from_utf8(entry.name_bytes()) else {
                continue;
            };
            if entry.kind() == Some(ObjectType::Blob) && is_relevant(name) {
                text.push_str(&format!("{:o} {} {name}\n", entry.filemode(), entry.id()));
            }
        }
        Oid::hash_object(ObjectType::Blob, text.as_bytes()).ok()
    }

    /// [`Source::discover`], with the blob id of each file (same order as `files`).
    pub fn discover_ids(&self, excluded: &GlobSet) -> (Discovery, Vec<Oid>) {
        let mut out = Discovery::default();
        let mut ids = Vec::new();
        let repo = self.repo.lock();
        if let Some(tree) = self.tree.and_then(|t| repo.find_tree(t).ok()) {
            walk(&repo, &tree, "", excluded, &mut out, &mut ids);
        }
        (out, ids)
    }
}

/// Depth-first in name order, as `discover` walks a directory.
fn walk(
    repo: &Repository,
    tree: &Tree<'_>,
    prefix: &str,
    excluded: &GlobSet,
    out: &mut Discovery,
    ids: &mut Vec<Oid>,
) {
    let mut entries: Vec<_> = tree.iter().collect();
    entries.sort_by(|a, b| a.name_bytes().cmp(b.name_bytes()));
    for entry in entries {
        let Ok(name) = std::str::from_utf8(entry.name_bytes()) else {
            let shown = join(prefix, &String::from_utf8_lossy(entry.name_bytes()));
            out.diagnostics.push(
                Diagnostic::warning(Code::GitEntrySkipped, "path is not UTF-8; it was skipped")
                    .at(Location::file(shown))
                    .help("rename it to UTF-8 to have it scanned"),
            );
            continue;
        };
        let rel = join(prefix, name);
        match entry.kind() {
            Some(ObjectType::Tree) => {
                if SKIPPED_DIRS.contains(&name) || excluded.is_match(&rel) {
                    continue;
                }
                if let Ok(sub) = repo.find_tree(entry.id()) {
                    walk(repo, &sub, &rel, excluded, out, ids);
                }
            }
            Some(ObjectType::Commit) if !excluded.is_match(&rel) => {
                out.diagnostics.push(
                    Diagnostic::warning(
                        Code::GitEntrySkipped,
                        "submodule: a revision holds only its commit id, so its files were not scanned",
                    )
                    .at(Location::file(rel))
                    .help("scan the submodule's own repository, or exclude it with --exclude to silence this"),
                );
            }
            Some(ObjectType::Blob) => {
                let Some(syntax) = terraform_syntax(name) else {
                    if is_data_file(name)
                        && !excluded.is_match(&rel)
                        && entry.filemode() != MODE_LINK
                    {
                        out.data_files.push(rel);
                    }
                    continue;
                };
                if excluded.is_match(&rel) {
                    continue;
                }
                if entry.filemode() == MODE_LINK {
                    out.diagnostics.push(
                        Diagnostic::warning(
                            Code::GitEntrySkipped,
                            "symbolic link: links are not followed in git revisions",
                        )
                        .at(Location::file(rel))
                        .help("scan the working tree to follow it"),
                    );
                    continue;
                }
                out.files.push(SourceFile { rel, syntax });
                ids.push(entry.id());
            }
            _ => {}
        }
    }
}

impl Source for GitTree<'_> {
    fn describe(&self) -> String {
        self.label.clone()
    }

    fn discover(&self, excluded: &GlobSet) -> Discovery {
        self.discover_ids(excluded).0
    }

    fn read(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        let missing = || {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{rel} is not a file in {}", self.label),
            )
        };
        let repo = self.repo.lock();
        let root = repo
            .find_tree(self.tree.ok_or_else(missing)?)
            .map_err(|_| missing())?;
        let entry = root.get_path(Path::new(rel)).map_err(|_| missing())?;
        if entry.kind() != Some(ObjectType::Blob) || entry.filemode() == MODE_LINK {
            return Err(missing());
        }
        read_blob(&repo, entry.id())
    }

    fn size(&self, rel: &str) -> Option<u64> {
        let repo = self.repo.lock();
        let entry = repo
            .find_tree(self.tree?)
            .ok()?
            .get_path(Path::new(rel))
            .ok()?;
        let (size, _) = repo.odb().ok()?.read_header(entry.id()).ok()?;
        Some(size as u64)
    }

    fn list(&self, dir: &str) -> Option<Vec<String>> {
        self.at_dir(dir, |_, tree| {
            let mut names: Vec<String> = tree
                .iter()
                .filter(|e| e.kind() == Some(ObjectType::Blob) && e.filemode() != MODE_LINK)
                .filter_map(|e| std::str::from_utf8(e.name_bytes()).ok().map(str::to_string))
                .collect();
            names.sort();
            names
        })
    }
}

/// Reads a blob by id, for callers that keep ids (the trend cache).
impl Repo {
    pub fn blob(&self, id: Oid) -> std::io::Result<Vec<u8>> {
        read_blob(&self.lock(), id)
    }
}

/// A blob's bytes, when its size (read from the object header first) is within the cap.
fn read_blob(repo: &git2::Repository, id: Oid) -> std::io::Result<Vec<u8>> {
    let git = |e: git2::Error| std::io::Error::other(e.message().to_string());
    let (size, _) = repo.odb().map_err(git)?.read_header(id).map_err(git)?;
    let limit = crate::read::max_file_size();
    if size as u64 > limit {
        return Err(crate::read::ReadError::TooLarge {
            size: size as u64,
            limit,
        }
        .into());
    }
    Ok(repo.find_blob(id).map_err(git)?.content().to_vec())
}
