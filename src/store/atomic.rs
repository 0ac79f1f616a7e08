//! Atomic file replacement: write a temporary file in the same folder, fsync it, keep
//! the old file as `NAME.bak` if asked, rename the new one into place, fsync the folder.
//! A crash at any moment leaves either the old file or the new one, never a mix.

use std::io::Write as _;
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
    // The temporary file is private (0600); give the result the permissions of the file
    // it replaces, or the usual ones for a new document.
    match std::fs::metadata(path) {
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
        if std::fs::hard_link(path, &backup).is_err() {
            std::fs::copy(path, &backup)?;
        }
    }
    tmp.persist(path).map_err(|err| err.error)?;
    // Make the rename itself durable. Opening a folder is not possible everywhere
    // (Windows); the data is already synced, so that is not an error.
    if let Ok(dir) = std::fs::File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
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
