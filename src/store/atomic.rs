//! Atomic file replacement: write a temporary file in the same folder, fsync it, keep
//! the old file as `NAME.bak` if asked, rename the new one into place, fsync the folder.
//! A crash at any moment leaves either the old file or the new one, never a mix; a
//! temporary file a crash leaves is removed by the next save of the project (see
//! [`super::ProjectLock`]). A symlink is followed: the file it names is replaced and
//! the link stays.

use super::disk::project_target;
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. With `keep_backup`, the file it replaces stays
/// beside it as `NAME.bak` (e.g. `project.ron.bak`).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> std::io::Result<()> {
    write_atomic_with(path, keep_backup, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the contents written by `write` as it goes.
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, keep_backup, false, write).map(|_| ())
}

/// Like [`write_atomic_with`], but leaves the file (and its backup) untouched when it
/// already holds exactly what would be written. Returns whether it wrote.
pub fn write_atomic_if_changed(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    replace(path, keep_backup, true, write)
}

fn replace(
    path: &Path,
    keep_backup: bool,
    skip_if_same: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let path = project_target(path);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(&dir)
        // tempfile names its random file in the message; the caller names the target.
        .map_err(|err| std::io::Error::from(err.kind()))?;
    write(tmp.as_file_mut())?;
    if skip_if_same && same_contents(tmp.as_file_mut(), &path)? {
        // Dropping the temporary file removes it.
        return Ok(false);
    }
    // The temporary file is private (0600); give the result the permissions of the file
    // it replaces, or the usual ones for a new document.
    match std::fs::metadata(&path) {
        Ok(old) => tmp.as_file().set_permissions(old.permissions())?,
        Err(_) => set_default_permissions(tmp.as_file())?,
    }
    tmp.as_file().sync_all()?;
    if keep_backup && path.is_file() {
        let mut backup = path.as_os_str().to_owned();
        backup.push(".bak");
        let backup = PathBuf::from(backup);
        // A hard link keeps the old contents for free; where links are not possible
        // (some network and FAT file systems) copy instead.
        let _ = std::fs::remove_file(&backup);
        if std::fs::hard_link(&path, &backup).is_err() {
            std::fs::copy(&path, &backup)?;
        }
    }
    tmp.persist(&path).map_err(|err| err.error)?;
    // Make the rename itself durable. Opening a folder is not possible everywhere
    // (Windows); the data is already synced, so that is not an error.
    if let Ok(dir) = std::fs::File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(true)
}

/// Does the file at `path` hold exactly what `written` holds? Compared in chunks, after
/// the lengths, so a changed file costs one `stat`.
fn same_contents(written: &mut std::fs::File, path: &Path) -> std::io::Result<bool> {
    let Ok(old) = std::fs::metadata(path) else {
        return Ok(false);
    };
    written.flush()?;
    if !old.is_file() || old.len() != written.metadata()?.len() {
        return Ok(false);
    }
    let Ok(mut old) = std::fs::File::open(path) else {
        return Ok(false);
    };
    written.rewind()?;
    let (mut a, mut b) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = written.read(&mut a)?;
        if n == 0 {
            return Ok(true);
        }
        if old.read_exact(&mut b[..n]).is_err() || a[..n] != b[..n] {
            return Ok(false);
        }
    }
}

#[cfg(unix)]
fn set_default_permissions(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
