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
    /// The size of one file without reading it, when it is cheap to know.
    fn size(&self, _rel: &str) -> Option<u64> {
        None
    }
    /// Names of the files directly in a directory (sub-directories left out, special files
    /// kept); `None` when the directory does not exist.
    fn list(&self, dir: &str) -> Option<Vec<String>>;
}

/// A directory on disk. Reads never leave it: a symbolic link resolving outside is refused
/// (R008), and only regular files up to the size cap are read ([`crate::read`]).
#[derive(Debug, Clone)]
pub struct WorkTree {
    pub root: PathBuf,
    /// The root with symbolic links resolved; `None` when it does not exist.
    real: Option<PathBuf>,
}

impl WorkTree {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        let real = std::fs::canonicalize(&root).ok();
        WorkTree { root, real }
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
        let path = match &self.real {
            // Under the resolved root, so that a missing file is told from one outside it
            // when the root was given relative (`scan .`).
            Some(real) if rel != "." => crate::read::inside(real, &real.join(rel))?,
            Some(real) => crate::read::inside(real, real)?,
            None => self.path(rel),
        };
        Ok(crate::read::file(&path)?)
    }

    fn size(&self, rel: &str) -> Option<u64> {
        std::fs::metadata(self.path(rel))
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    }

    fn list(&self, dir: &str) -> Option<Vec<String>> {
        let path = self.path(dir);
        let mut names: Vec<String> = std::fs::read_dir(&path)
            .ok()?
            .filter_map(|e| e.ok())
            // FIFOs and devices are listed: reading them reports them (R007) instead of
            // leaving a `terraform.tfvars` out without a word.
            .filter(|e| !Path::is_dir(&e.path()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        Some(names)
    }
}

/// One file given instead of a directory (`rungs scan plan.json`): it is the only thing
/// discovered, named as given, and the only thing read.
#[derive(Debug, Clone)]
pub struct SingleFile {
    pub path: PathBuf,
}

impl SingleFile {
    /// How diagnostics and documents name the file.
    pub fn rel(&self) -> String {
        self.path.display().to_string()
    }
}

impl Source for SingleFile {
    fn describe(&self) -> String {
        self.rel()
    }

    fn discover(&self, _excluded: &GlobSet) -> Discovery {
        Discovery {
            data_files: vec![self.rel()],
            ..Discovery::default()
        }
    }

    fn read(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        if rel == self.rel() {
            Ok(crate::read::file(&self.path)?)
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{rel} is not part of a scan of {}", self.rel()),
            ))
        }
    }

    fn list(&self, _dir: &str) -> Option<Vec<String>> {
        None
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

    #[cfg(unix)]
    #[test]
    fn work_tree_refuses_links_out_of_the_root_and_special_files() {
        use crate::diagnostics::Code;
        use crate::read::ReadError;
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "S3CR3T").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("a.tf")).unwrap();
        std::fs::write(dir.path().join("real.tf"), "x").unwrap();
        std::os::unix::fs::symlink("real.tf", dir.path().join("b.tf")).unwrap();
        std::fs::create_dir(dir.path().join("d.tf")).unwrap();
        let source = WorkTree::new(dir.path());
        let code = |rel: &str| ReadError::code_of(&source.read(rel).unwrap_err(), Code::Unreadable);
        assert_eq!(code("a.tf"), Code::OutsideRoot);
        assert_eq!(code("../x.tf"), Code::OutsideRoot);
        assert_eq!(code("d.tf"), Code::NotRegularFile);
        assert_eq!(source.read("b.tf").unwrap(), b"x");
    }
}
