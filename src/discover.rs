//! Discover: find the Terraform files under the scan root.
//!
//! Skips `.git`, `.terraform` (modules fetched by `terraform init` are read on demand by the
//! loader, through `.terraform/modules/modules.json`) and `node_modules`, plus `--exclude` globs.
//! Symbolic links are not followed out of the root: a link to a Terraform file inside the root is
//! read (a common way to share `providers.tf`), a link to a directory is not walked (a target
//! inside the root is scanned where it is), and a link leading outside is an error (R008), as
//! are Terraform names that are FIFOs, sockets or devices (R007) and unreadable directories
//! (R001). The walk goes on after each.

use crate::diagnostics::{Code, Diagnostic, Location};
use crate::read::{self, ReadError};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// Directories never walked, in the work tree or in a git revision.
pub const SKIPPED_DIRS: &[&str] = &[".git", ".terraform", "node_modules"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Syntax {
    Hcl,
    Json,
}

/// The syntax of a Terraform configuration file, by name; `None` for anything else.
pub fn terraform_syntax(name: &str) -> Option<Syntax> {
    if name.ends_with(".tf.json") || name.ends_with(".tofu.json") {
        Some(Syntax::Json)
    } else if name.ends_with(".tf") || name.ends_with(".tofu") {
        Some(Syntax::Hcl)
    } else {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the scan root, with `/` separators.
    pub rel: String,
    pub syntax: Syntax,
}

impl SourceFile {
    /// Repo-relative directory, `.` for the root.
    pub fn dir(&self) -> &str {
        match self.rel.rfind('/') {
            Some(i) => &self.rel[..i],
            None => ".",
        }
    }
}

/// Whether a file may hold a plan, a CloudFormation template or Kubernetes manifests; their
/// loaders decide by content (`crate::load::inputs`).
pub fn is_data_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    terraform_syntax(name).is_none()
        && !lower.ends_with(".tfvars.json")
        && [".json", ".yaml", ".yml", ".template"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<SourceFile>,
    /// Other files that may be inputs ([`is_data_file`]), repo-relative, in walk order.
    pub data_files: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the exclude matcher; `PATTERN` also excludes everything below a matching directory.
pub fn excludes(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let trimmed = p.trim_end_matches('/');
        for candidate in [trimmed.to_string(), format!("{trimmed}/**")] {
            let glob =
                Glob::new(&candidate).map_err(|e| format!("invalid --exclude {p:?}: {e}"))?;
            builder.add(glob);
        }
    }
    builder.build().map_err(|e| e.to_string())
}

/// Path of `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

pub fn discover(root: &Path, excluded: &GlobSet) -> Discovery {
    let mut out = Discovery::default();
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let name = e.file_name().to_string_lossy();
            if e.file_type().is_dir() && SKIPPED_DIRS.contains(&name.as_ref()) {
                return false;
            }
            !excluded.is_match(relative(root, e.path()))
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path: Option<PathBuf> = e.path().map(Path::to_path_buf);
                let message = format!(
                    "cannot read: {}; nothing under it was scanned",
                    e.io_error().map_or(e.to_string(), |io| io.to_string())
                );
                let mut d = Diagnostic::error(Code::Unreadable, message)
                    .help("give rungs read access to it, or --exclude it");
                if let Some(p) = path {
                    d = d.at(Location::file(relative(root, &p)));
                }
                out.diagnostics.push(d);
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let syntax = terraform_syntax(&name);
        let rel = relative(root, entry.path());
        let file_type = entry.file_type();
        let problem = if file_type.is_symlink() {
            match read::inside(&real_root, entry.path()) {
                Ok(target) => match std::fs::metadata(&target) {
                    Ok(meta) if meta.is_file() => None,
                    // Directories inside the root are walked at their own path.
                    Ok(meta) if meta.is_dir() => continue,
                    Ok(meta) => Some(ReadError::NotRegular(read::kind(&meta.file_type()))),
                    Err(e) => Some(ReadError::Io(e)),
                },
                Err(e @ ReadError::OutsideRoot(_)) => {
                    let is_dir = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir());
                    if syntax.is_none() && !is_dir {
                        continue;
                    }
                    Some(e)
                }
                Err(e) => Some(e),
            }
        } else if file_type.is_file() || file_type.is_dir() {
            None
        } else {
            Some(ReadError::NotRegular(read::kind(&file_type)))
        };
        if let Some(problem) = problem {
            if syntax.is_none() && !matches!(problem, ReadError::OutsideRoot(_)) {
                continue;
            }
            let mut d = Diagnostic::error(
                problem.code(Code::Unreadable),
                format!("not scanned: {problem}"),
            )
            .at(Location::file(rel));
            if let Some(help) = problem.help() {
                d = d.help(help);
            }
            out.diagnostics.push(d);
            continue;
        }
        if file_type.is_dir() {
            continue;
        }
        if let Some(syntax) = syntax {
            out.files.push(SourceFile { rel, syntax });
        } else if is_data_file(&name) {
            out.data_files.push(rel);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn finds_terraform_files_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "main.tf",
            "a/b.tf.json",
            "a/c.tofu",
            "a/readme.md",
            ".terraform/modules/x/main.tf",
            ".git/x.tf",
            "node_modules/y.tf",
            "legacy/old.tf",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "").unwrap();
        }
        let found = discover(root, &excludes(&["legacy".into()]).unwrap());
        let rels: Vec<_> = found.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, vec!["a/b.tf.json", "a/c.tofu", "main.tf"]);
        assert!(found.data_files.is_empty());
        assert_eq!(found.files[0].syntax, Syntax::Json);
        assert_eq!(found.files[0].dir(), "a");
        assert_eq!(found.files[2].dir(), ".");
        assert!(found.diagnostics.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_stay_inside_the_root() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/main.tf"), "").unwrap();
        fs::write(outside.path().join("secret"), "S3CR3T").unwrap();
        // A loop and a directory link inside the root: not walked, no diagnostic.
        symlink(root.join("a"), root.join("a/loop")).unwrap();
        // A file link inside the root is read; links out of it are errors.
        symlink("main.tf", root.join("a/shared.tf")).unwrap();
        symlink(outside.path().join("secret"), root.join("a/creds.tf")).unwrap();
        symlink(outside.path(), root.join("ext")).unwrap();
        symlink(outside.path().join("secret"), root.join("notes.md")).unwrap();
        symlink(root.join("gone"), root.join("dangling.tf")).unwrap();
        let found = discover(root, &excludes(&[]).unwrap());
        let rels: Vec<_> = found.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, vec!["a/main.tf", "a/shared.tf"]);
        let got: Vec<_> = found
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code,
                    d.location.as_ref().unwrap().file.as_str(),
                    d.is_error(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Code::OutsideRoot, "a/creds.tf", true),
                (Code::Unreadable, "dangling.tf", true),
                (Code::OutsideRoot, "ext", true),
            ]
        );
    }

    #[test]
    fn bad_exclude_glob_is_an_error() {
        assert!(excludes(&["a[".into()]).is_err());
    }
}
