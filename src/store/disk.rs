//! What the store knows of a project file on disk besides its contents: a stamp to
//! notice another program changing it, the file a symlink names, the temporary files a
//! killed save left behind, and the dated copy kept of another program's version
//! before it is overwritten.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a project file looked like when it was last read or written, to notice another
/// program changing it. Every spanmark save replaces the file, so its identity (device
/// and inode) changes too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub len: u64,
    /// Nanoseconds since 1970, where the file system keeps times.
    pub modified_ns: Option<u128>,
    /// Device and inode (Unix), which an atomic save always changes.
    pub identity: Option<(u64, u64)>,
}

impl FileStamp {
    /// The stamp of the file at `path` now (symlinks followed), `None` if there is none.
    pub fn of(path: &Path) -> Option<Self> {
        std::fs::metadata(path)
            .ok()
            .map(|m| Self::from_metadata(&m))
    }

    pub fn from_metadata(meta: &std::fs::Metadata) -> Self {
        Self {
            len: meta.len(),
            modified_ns: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos()),
            identity: identity(meta),
        }
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The file a save of `path` must replace: the end of its chain of symlinks (so the
/// link stays a link and the real file changes), else `path` made absolute.
pub fn project_target(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        if let Ok(target) = std::fs::canonicalize(path) {
            return target;
        }
        // A dangling link: save where it points.
        if let Ok(pointed) = std::fs::read_link(path) {
            return match path.parent() {
                Some(dir) if pointed.is_relative() => dir.join(pointed),
                _ => pointed,
            };
        }
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Temporary files that saves of `target` left behind when they were stopped
/// (`.NAME.ron.XXXXXX.tmp`, as [`super::write_atomic_with`] names them).
pub fn stale_temp_files(target: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix)
                && n.ends_with(".tmp")
                // Only the random part between the name and `.tmp`.
                && n.len() > prefix.len() + 4
                && !n[prefix.len()..n.len() - 4].contains('.')
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect()
}

/// Is the file at `path` marked read-only (0444, or the read-only attribute)?
pub fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// Keeps the file at `target` as `NAME.theirs-YYYY-MM-DD-HHMMSS.ron` beside it (a copy
/// that no later save replaces) and returns that path.
pub fn keep_copy(target: &Path) -> std::io::Result<PathBuf> {
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_owned());
    let stamp = crate::shown::utc_compact(SystemTime::now());
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let copy = target.with_file_name(format!("{stem}.theirs-{stamp}{suffix}.ron"));
        if !copy.exists() {
            std::fs::copy(target, &copy)?;
            return Ok(copy);
        }
        n += 1;
    }
}
