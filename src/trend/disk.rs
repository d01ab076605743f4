//! The trend's results on disk, for later runs: `DIR/rungs-VERSION/BUNDLE/KEY.json`, one file
//! per root module result (see [`super::cache`] for the key). By default `DIR` is
//! `<git dir>/rungs/cache`, outside the work tree. The directory is safe to delete at any time;
//! its size is bounded by evicting the least recently used files (a read refreshes a file's
//! modification time) after each run that wrote to it.

use super::cache::RootResult;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Default size bound of a cache directory.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The default cache directory of a repository, inside its git directory.
pub fn default_dir(git_dir: &Path) -> PathBuf {
    git_dir.join("rungs").join("cache")
}

/// Where to keep results, and how much.
#[derive(Debug, Clone)]
pub struct Settings {
    pub dir: PathBuf,
    pub max_bytes: u64,
}

/// An open, writable cache directory for one namespace (tool version and policy bundle).
#[derive(Debug)]
pub struct Disk {
    top: PathBuf,
    dir: PathBuf,
    max_bytes: u64,
    wrote: bool,
}

impl Disk {
    /// Creates the namespace directory and checks it takes a file; `Err` says why not.
    pub fn open(settings: &Settings, namespace: &str) -> Result<Disk, String> {
        let dir = settings
            .dir
            .join(format!("rungs-{}", env!("CARGO_PKG_VERSION")))
            .join(namespace);
        let probe = dir.join(format!(".probe{}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&probe, b""))
            .and_then(|()| std::fs::remove_file(&probe))
            .map_err(|e| format!("cannot write the trend cache in {}: {e}", dir.display()))?;
        Ok(Disk {
            top: settings.dir.clone(),
            dir,
            max_bytes: settings.max_bytes,
            wrote: false,
        })
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// A stored result; a missing, unreadable or invalid file is a miss (only a regular file
    /// within the size cap is read). A hit counts as a use.
    pub fn read(&self, key: &str) -> Option<RootResult> {
        let path = self.path(key);
        let result = serde_json::from_slice(&crate::read::file(&path).ok()?).ok()?;
        if let Ok(file) = std::fs::File::options().write(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(result)
    }

    /// Writes through a temporary file and a rename, so a reader never sees half a result; a
    /// failed write only costs the reuse.
    pub fn write(&mut self, key: &str, result: &RootResult) {
        let Ok(bytes) = serde_json::to_vec(result) else {
            return;
        };
        let path = self.path(key);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        self.wrote = true;
    }

    /// After a run that wrote: keeps the whole directory within its bound.
    pub fn finish(&mut self) {
        if std::mem::take(&mut self.wrote) {
            prune(&self.top, self.max_bytes);
        }
    }
}

/// Deletes the least recently used result files under `top` (every version and bundle) until
/// they take at most `max_bytes`; returns how many were deleted. Errors skip a file.
pub fn prune(top: &Path, max_bytes: u64) -> usize {
    let mut files = Vec::new();
    for version in read_dirs(top) {
        for bundle in read_dirs(&version) {
            let Ok(entries) = std::fs::read_dir(&bundle) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "json") {
                    if let Ok(meta) = entry.metadata() {
                        let time = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                        files.push((time, path, meta.len()));
                    }
                }
            }
        }
    }
    let mut total: u64 = files.iter().map(|f| f.2).sum();
    files.sort();
    let mut removed = 0;
    for (_, path, len) in files {
        if total <= max_bytes {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
            removed += 1;
        }
    }
    removed
}

fn read_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn file(path: &Path, len: usize, age_seconds: u64) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, vec![b'x'; len]).unwrap();
        let time = SystemTime::now() - Duration::from_secs(age_seconds);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    #[test]
    fn prune_deletes_the_oldest_results_until_the_bound_holds() {
        let top = tempfile::tempdir().unwrap();
        let a = top.path().join("rungs-0.0.1/aaaa/old.json");
        let b = top.path().join("rungs-0.1.0/bbbb/middle.json");
        let c = top.path().join("rungs-0.1.0/bbbb/new.json");
        let other = top.path().join("rungs-0.1.0/bbbb/notes.txt");
        file(&a, 100, 300);
        file(&b, 100, 200);
        file(&c, 100, 100);
        file(&other, 1000, 400);
        assert_eq!(prune(top.path(), 300), 0);
        assert_eq!(prune(top.path(), 250), 1);
        assert!(!a.exists() && b.exists() && c.exists() && other.exists());
        assert_eq!(prune(top.path(), 100), 1);
        assert!(!b.exists() && c.exists());
        assert_eq!(prune(top.path(), 0), 1);
        assert!(!c.exists() && other.exists());
        // A directory that does not exist holds nothing to prune.
        assert_eq!(prune(&top.path().join("missing"), 0), 0);
    }

    #[test]
    fn a_read_refreshes_a_result_so_it_outlives_older_ones() {
        let top = tempfile::tempdir().unwrap();
        let settings = Settings {
            dir: top.path().to_path_buf(),
            max_bytes: u64::MAX,
        };
        let mut disk = Disk::open(&settings, "ns").unwrap();
        let result = RootResult {
            providers: ["aws".to_string()].into(),
            scope: Default::default(),
            diagnostics: Vec::new(),
            evaluation: Default::default(),
        };
        disk.write("first", &result);
        disk.write("second", &result);
        let first = disk.path("first");
        let second = disk.path("second");
        let len = std::fs::metadata(&first).unwrap().len();
        let age = |p: &Path, s| {
            std::fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(SystemTime::now() - Duration::from_secs(s))
                .unwrap()
        };
        age(&first, 200);
        age(&second, 100);
        let read = disk.read("first").unwrap();
        assert_eq!(read.providers, result.providers);
        assert_eq!(disk.read("missing").map(|r| r.providers), None);
        // `first` was just used: `second` is now the oldest and goes first.
        assert_eq!(prune(top.path(), len), 1);
        assert!(first.exists() && !second.exists());
        // No probe or temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(&disk.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["first.json".to_string()]);
    }

    #[test]
    fn a_fifo_or_directory_in_place_of_a_result_is_a_miss_without_a_hang() {
        let top = tempfile::tempdir().unwrap();
        let settings = Settings {
            dir: top.path().to_path_buf(),
            max_bytes: DEFAULT_MAX_BYTES,
        };
        let disk = Disk::open(&settings, "ns").unwrap();
        let fifo = std::ffi::CString::new(disk.path("fifo").to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        std::fs::create_dir(disk.path("dir")).unwrap();
        assert!(disk.read("fifo").is_none());
        assert!(disk.read("dir").is_none());
    }

    #[test]
    fn an_unwritable_directory_is_an_error_not_a_panic() {
        let top = tempfile::tempdir().unwrap();
        // A file where the directory should be: fails even for root.
        std::fs::write(top.path().join("blocked"), b"").unwrap();
        let settings = Settings {
            dir: top.path().join("blocked/cache"),
            max_bytes: DEFAULT_MAX_BYTES,
        };
        let error = Disk::open(&settings, "ns").unwrap_err();
        assert!(
            error.starts_with(&format!(
                "cannot write the trend cache in {}",
                top.path().join("blocked/cache").display()
            )),
            "{error}"
        );
    }
}
