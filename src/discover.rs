//! Discover: find the Terraform files under the scan root.
//!
//! Skips `.git`, `.terraform` (modules fetched by `terraform init` are read on demand by the
//! loader, through `.terraform/modules/modules.json`) and `node_modules`, plus `--exclude` globs.
//! Walk errors such as symlink loops become diagnostics; the walk goes on.

use crate::diagnostics::{Code, Diagnostic, Location};
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

#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<SourceFile>,
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
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
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
                let message = if e.loop_ancestor().is_some() {
                    "symlink loop; the directory was skipped".to_string()
                } else {
                    format!(
                        "cannot read: {}",
                        e.io_error().map_or(e.to_string(), |io| io.to_string())
                    )
                };
                let mut d = Diagnostic::warning(Code::Walk, message);
                if let Some(p) = path {
                    d = d.at(Location::file(relative(root, &p)));
                }
                out.diagnostics.push(d);
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if let Some(syntax) = terraform_syntax(&name) {
            out.files.push(SourceFile {
                rel: relative(root, entry.path()),
                syntax,
            });
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
        assert_eq!(found.files[0].syntax, Syntax::Json);
        assert_eq!(found.files[0].dir(), "a");
        assert_eq!(found.files[2].dir(), ".");
        assert!(found.diagnostics.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_a_warning_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/main.tf"), "").unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("a/loop")).unwrap();
        let found = discover(root, &excludes(&[]).unwrap());
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.diagnostics.len(), 1);
        assert_eq!(found.diagnostics[0].code, Code::Walk);
        assert_eq!(
            found.diagnostics[0].location.as_ref().unwrap().file,
            "a/loop"
        );
    }

    #[test]
    fn bad_exclude_glob_is_an_error() {
        assert!(excludes(&["a[".into()]).is_err());
    }
}
