//! Source: where a scan reads Terraform from. A directory on disk ([`WorkTree`]) or a git
//! revision read straight from the object database without checking it out ([`git::GitTree`]).
//!
//! Both list the same files (the skips and `--exclude` of [`crate::discover`]) and serve reads
//! by path relative to the scan root, with `/` separators, so the loader never touches `std::fs`.

pub mod git;

use crate::discover::{self, Discovery};
use globset::GlobSet;
use std::path::{Path, PathBuf};

pub trait Source: Sync {
    /// How reports name this source: a directory, or `REV (short id)`.
    fn describe(&self) -> String;
    /// The Terraform files under the root, sorted as a directory walk by name would give them.
    fn discover(&self, excluded: &GlobSet) -> Discovery;
    /// The bytes of one file.
    fn read(&self, rel: &str) -> std::io::Result<Vec<u8>>;
    /// Names of the files directly in a directory (sub-directories left out); `None` when the
    /// directory does not exist.
    fn list(&self, dir: &str) -> Option<Vec<String>>;
}

/// A directory on disk.
#[derive(Debug, Clone)]
pub struct WorkTree {
    pub root: PathBuf,
}

impl WorkTree {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        WorkTree { root: root.into() }
    }

    fn path(&self, rel: &str) -> PathBuf {
        if rel == "." {
            self.root.clone()
        } else {
            self.root.join(rel)
        }
    }
}

impl Source for WorkTree {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn discover(&self, excluded: &GlobSet) -> Discovery {
        discover::discover(&self.root, excluded)
    }

    fn read(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.path(rel))
    }

    fn list(&self, dir: &str) -> Option<Vec<String>> {
        let path = self.path(dir);
        let mut names: Vec<String> = std::fs::read_dir(&path)
            .ok()?
            .filter_map(|e| e.ok())
            .filter(|e| Path::is_file(&e.path()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        Some(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_tree_lists_files_only_and_reads_by_relative_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/sub")).unwrap();
        std::fs::write(dir.path().join("a/main.tf"), "x").unwrap();
        std::fs::write(dir.path().join("a/b.tfvars"), "y").unwrap();
        let source = WorkTree::new(dir.path());
        assert_eq!(
            source.list("a"),
            Some(vec!["b.tfvars".to_string(), "main.tf".to_string()])
        );
        assert_eq!(source.list("missing"), None);
        assert_eq!(source.read("a/main.tf").unwrap(), b"x");
        assert!(source.read("a/none.tf").is_err());
    }
}
