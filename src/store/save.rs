//! Saving a project: what may be replaced (a spanmark project this build reads, not a
//! newer one or another program's file, not a read-only file), the check that the file
//! is still the one that was read, and the atomic write that leaves an unchanged file
//! (and its backup) alone.

use super::disk::{FileStamp, is_read_only, project_target};
use super::file::{CURRENT_VERSION, FORMAT, Header};
use super::{StoreError, write_atomic_if_changed, write_ron_to};
use crate::model::Project;
use std::path::Path;

/// Saves `project` to `path` atomically, keeping the file it replaces as
/// `NAME.ron.bak`. Refuses to replace a file that is not a spanmark project this build
/// can read (a newer version, another program's file) or that is read-only. A symlink
/// is followed. Writes nothing when the file already holds the project.
pub fn save(project: &Project, path: &Path) -> Result<(), StoreError> {
    save_file(project, path, None).map(|_| ())
}

/// Like [`save`], but only if the file is still the one stamped `expected` when it was
/// read (no other program changed, replaced or removed it since). Returns the stamp of
/// the file as saved.
pub fn save_expecting(
    project: &Project,
    path: &Path,
    expected: &FileStamp,
) -> Result<FileStamp, StoreError> {
    save_file(project, path, Some(expected))
}

fn save_file(
    project: &Project,
    path: &Path,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, StoreError> {
    let target = project_target(path);
    let shown = path.display().to_string();
    if let Some(expected) = expected {
        match FileStamp::of(&target) {
            None => return Err(StoreError::Gone { path: shown }),
            Some(now) if now != *expected => return Err(StoreError::Changed { path: shown }),
            Some(_) => {}
        }
    }
    if is_read_only(&target) {
        return Err(StoreError::ReadOnly { path: shown });
    }
    check_overwritable(&target, &shown)?;
    write_atomic_if_changed(&target, true, |file| write_ron_to(project, file)).map_err(
        |source| StoreError::Write {
            source,
            path: shown.clone(),
        },
    )?;
    FileStamp::of(&target).ok_or_else(|| StoreError::Write {
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
        path: shown,
    })
}

/// Saves `project` to a new file; refuses if `path` exists.
pub fn save_new(project: &Project, path: &Path) -> Result<(), StoreError> {
    if path.exists() {
        return Err(StoreError::Exists {
            path: path.display().to_string(),
        });
    }
    save(project, path)
}

/// May a save replace what is at `target`? Yes when nothing is there or it is a
/// spanmark project of a version this build reads.
fn check_overwritable(target: &Path, shown: &str) -> Result<(), StoreError> {
    let bytes = match std::fs::read(target) {
        Ok(bytes) => bytes,
        // Nothing there: the write itself will say why if the folder is unusable.
        Err(err)
            if matches!(
                err.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(());
        }
        Err(source) => {
            return Err(StoreError::Read {
                source,
                path: shown.to_owned(),
            });
        }
    };
    let not_project = |found: &str| StoreError::NotAProject {
        found: found.to_owned(),
        path: shown.to_owned(),
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| not_project("it is not UTF-8 text"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(());
    }
    match sniff_header(text).or_else(|| ron::from_str::<Header>(text).ok()) {
        Some(Header { format, version }) if format == FORMAT => {
            if version > CURRENT_VERSION {
                Err(StoreError::Newer {
                    version,
                    path: shown.to_owned(),
                })
            } else {
                Ok(())
            }
        }
        _ => Err(not_project("it has no spanmark-project header")),
    }
}

/// Reads `format` and `version` from the first lines of a file spanmark wrote, without
/// parsing the (possibly large) rest.
fn sniff_header(text: &str) -> Option<Header> {
    let head: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
    let format_at = head.find(&format!("format: \"{FORMAT}\""))?;
    let version_at = head[format_at..].find("version: ")? + format_at + "version: ".len();
    let digits: String = head[version_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some(Header {
        format: FORMAT.to_owned(),
        version: digits.parse().ok()?,
    })
}
