//! Reading input files safely: only regular files, never more than the size cap, and (for files
//! inside a scanned tree) never through a symbolic link that leads out of the tree.
//!
//! The file type is checked before the file is opened, so a FIFO or a device never blocks the
//! run, and checked again on the opened handle (opened non-blocking), so swapping the file in
//! between does not help either. See docs/security.md.

use crate::diagnostics::{Code, Diagnostic, Location};
use std::fmt;
use std::fs::{File, FileType, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Default per-file size cap: far above any real Terraform, policy or config file.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

/// The per-file size cap in bytes (`--max-file-size`).
pub fn max_file_size() -> u64 {
    MAX_FILE_SIZE.load(Ordering::Relaxed)
}

/// Sets the per-file size cap for the whole process; the command line does it once at start.
pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes, Ordering::Relaxed);
}

/// Parses a size: bytes, or a number with `K`, `M`, `G` (`KiB`, `MiB`, `GiB` alike, powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("expected a size like 16MiB, got {s:?}")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("expected a size like 16MiB, got {s:?}"))
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A directory, FIFO, socket or device: never opened.
    NotRegular(&'static str),
    /// Larger than the cap: not read.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// A symbolic link (or `..`) that leads out of the scanned tree: not followed.
    OutsideRoot(PathBuf),
    Io(io::Error),
}

impl ReadError {
    /// The diagnostic code for this failure; `other` for plain I/O errors.
    pub fn code(&self, other: Code) -> Code {
        match self {
            ReadError::NotRegular(_) => Code::NotRegularFile,
            ReadError::TooLarge { .. } => Code::FileTooLarge,
            ReadError::OutsideRoot(_) => Code::OutsideRoot,
            ReadError::Io(_) => other,
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> Option<String> {
        match self {
            ReadError::NotRegular(_) => {
                Some("replace it with a regular file, or --exclude it".into())
            }
            ReadError::TooLarge { .. } => Some(format!(
                "raise the limit with --max-file-size (now {}), or --exclude the file",
                human(max_file_size())
            )),
            ReadError::OutsideRoot(_) => Some(
                "rungs does not follow links out of the scanned directory: scan a directory that holds the target, or --exclude the link".into(),
            ),
            ReadError::Io(_) => None,
        }
    }

    /// The code of an I/O error that wraps a [`ReadError`] (as [`crate::source::Source::read`]
    /// returns them), else `other`.
    pub fn code_of(e: &io::Error, other: Code) -> Code {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<ReadError>())
            .map_or(other, |r| r.code(other))
    }

    /// The help of an I/O error that wraps a [`ReadError`].
    pub fn help_of(e: &io::Error) -> Option<String> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<ReadError>())
            .and_then(ReadError::help)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular(kind) => {
                write!(f, "it is {kind}, not a regular file; not opened")
            }
            ReadError::TooLarge { size, limit } => write!(
                f,
                "it is {} ({size} bytes), over the {} limit of --max-file-size; not read",
                human(*size),
                human(*limit)
            ),
            ReadError::OutsideRoot(target) => write!(
                f,
                "it leads outside the scanned directory (to {}); not followed",
                target.display()
            ),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> io::Error {
        match e {
            ReadError::Io(e) => e,
            other => io::Error::other(other),
        }
    }
}

/// A size for messages: `16 MiB`, `1.5 KiB`, `12 bytes`.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = "bytes";
    for u in UNITS {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = u;
    }
    if unit == "bytes" {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value} {unit}")
    } else {
        format!("{value:.1} {unit}")
    }
}

/// What a file type is, for messages.
pub fn kind(t: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

fn check(meta: &Metadata) -> Result<(), ReadError> {
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(kind(&meta.file_type())));
    }
    let limit = max_file_size();
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok(())
}

/// Reads a regular file (following symbolic links: for paths given on the command line), up to
/// the size cap.
pub fn file(path: &Path) -> Result<Vec<u8>, ReadError> {
    check(&std::fs::metadata(path).map_err(ReadError::Io)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never blocks on a FIFO put there after the check above.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file: File = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check(&meta)?;
    let limit = max_file_size();
    // Sized from the handle (`take` hides the size from `read_to_end`, which then read a 4 KiB
    // file 32 bytes first and doubled: nine reads instead of two); the extra byte sees growth.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit) + 1).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    // The file grew after the check.
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a regular UTF-8 file; see [`file`].
pub fn text(path: &Path) -> Result<String, ReadError> {
    String::from_utf8(file(path)?).map_err(|_| {
        ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// `path` resolved (symbolic links followed), when it lies inside `root` (already canonical).
/// A path that does not exist is judged by its text: no `..` may climb out and it must be relative.
pub fn inside(root: &Path, path: &Path) -> Result<PathBuf, ReadError> {
    match std::fs::canonicalize(path) {
        Ok(real) if real.starts_with(root) => Ok(real),
        Ok(real) => Err(ReadError::OutsideRoot(real)),
        Err(e) => {
            let rel = path
                .strip_prefix(root)
                .map_err(|_| ReadError::OutsideRoot(path.to_path_buf()))?;
            let mut depth = 0i32;
            for c in rel.components() {
                match c {
                    std::path::Component::Normal(_) => depth += 1,
                    std::path::Component::ParentDir => depth -= 1,
                    std::path::Component::CurDir => {}
                    _ => return Err(ReadError::OutsideRoot(path.to_path_buf())),
                }
                if depth < 0 {
                    return Err(ReadError::OutsideRoot(path.to_path_buf()));
                }
            }
            Err(ReadError::Io(e))
        }
    }
}

include!("yaml_depth.rs");

/// [`yaml_nesting`] as an error of `code` located in `shown`.
pub fn check_yaml_nesting(
    shown: &str,
    text: &str,
    code: Code,
    what: &str,
    then: &str,
) -> Result<(), Diagnostic> {
    match yaml_nesting(text, what, then) {
        Some((line, column, message)) => {
            Err(Diagnostic::error(code, message).at(Location::at(shown, line, column)))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_lines_count_as_the_yaml_parser_counts_them() {
        let deep = "[".repeat(MAX_YAML_NESTING + 1);
        assert_eq!(yaml_too_deep(&format!("a: 1\r\nb: {deep}")), Some((2, 260)));
        assert_eq!(
            yaml_too_deep(&format!("a: 1\rb: 2\u{85}c: {deep}")),
            Some((3, 260))
        );
    }

    #[test]
    fn deep_yaml_flow_nesting_is_found_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(300), "]".repeat(300));
        assert_eq!(yaml_too_deep(&deep), Some((1, 260)));
        let fine = format!(
            "# {}\nb: \"{}\"\nc: [[1], {{d: 2}}]\n",
            "[".repeat(300),
            "{".repeat(300)
        );
        assert_eq!(yaml_too_deep(&fine), None);
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("100").unwrap(), 100);
        assert_eq!(parse_size("16MiB").unwrap(), 16 << 20);
        assert_eq!(parse_size("2k").unwrap(), 2048);
        assert_eq!(parse_size("1G").unwrap(), 1 << 30);
        assert!(parse_size("0").is_err());
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("").is_err());
        assert_eq!(human(16 << 20), "16 MiB");
        assert_eq!(human(1536), "1.5 KiB");
        assert_eq!(human(12), "12 bytes");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_before_opening() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            file(dir.path()),
            Err(ReadError::NotRegular("a directory"))
        ));
        assert!(matches!(
            file(Path::new("/dev/null")),
            Err(ReadError::NotRegular("a character device"))
        ));
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(file(&fifo), Err(ReadError::NotRegular("a FIFO"))));
    }

    #[test]
    fn paths_outside_the_root_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(root.join("a.tf"), "").unwrap();
        assert!(inside(&root, &root.join("a.tf")).is_ok());
        assert!(matches!(
            inside(&root, &root.join("../x/none")),
            Err(ReadError::OutsideRoot(_))
        ));
        assert!(matches!(
            inside(&root, &root.join("none")),
            Err(ReadError::Io(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", root.join("l.tf")).unwrap();
            assert!(matches!(
                inside(&root, &root.join("l.tf")),
                Err(ReadError::OutsideRoot(_))
            ));
        }
    }
}
