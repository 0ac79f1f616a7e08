//! The RON project file: reading (with version check, migration and validation),
//! deterministic pretty writing, and atomic saving that keeps the previous version as
//! `NAME.ron.bak`. A broken file or one from a newer spanmark is refused with a clear
//! message and never overwritten; one writer at a time holds the project's lock, and a
//! save checks that the file is still the one that was read. Unsaved work of the
//! window is kept in recovery files (`recovery.rs`).

mod atomic;
pub mod disk;
mod fast;
pub mod file;
pub mod lock;
mod messages;
mod problem;
pub mod recovery;
mod save;
mod schema;
pub mod validate;
mod write;

pub use atomic::{write_atomic, write_atomic_if_changed, write_atomic_with};
pub use disk::FileStamp;
pub use lock::{Holder, LockFailure, ProjectLock};
pub use save::{save, save_expecting, save_new};
pub use validate::Problem;
pub use write::{to_ron, write_ron_to};

use crate::model::Project;
use crate::shown;
use file::{BASE_VERSION, CURRENT_VERSION, FORMAT, Header, ProjectFile};
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot read project ({}): {path}", shown::io_error(source))]
    Read {
        source: std::io::Error,
        path: String,
    },
    #[error("project file is not UTF-8 text ({why}): {path}")]
    NotText { why: String, path: String },
    #[error("project file is empty: {path}")]
    Empty { path: String },
    #[error("project file is broken at line {line}, column {column} ({message}): {path}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
        path: String,
    },
    #[error("not a spanmark project ({found}): {path}")]
    NotAProject { found: String, path: String },
    #[error(
        "project was written by a newer spanmark (file version {version}, this one reads up to {CURRENT_VERSION}); it was left untouched: {path}"
    )]
    Newer { version: u32, path: String },
    #[error("project is invalid, {}: {path}", summary(problems))]
    Invalid {
        problems: Vec<Problem>,
        path: String,
    },
    #[error("cannot save ({}): {path}", shown::io_error(source))]
    Write {
        source: std::io::Error,
        path: String,
    },
    #[error("refusing to overwrite an existing file: {path}")]
    Exists { path: String },
    #[error(
        "project file is read-only; nothing was saved (save under another name, or make it writable): {path}"
    )]
    ReadOnly { path: String },
    #[error(
        "another program changed the project since it was read; nothing was saved (run the command again): {path}"
    )]
    Changed { path: String },
    #[error("the project file was deleted or moved since it was read; nothing was saved: {path}")]
    Gone { path: String },
    #[error("{}: {path}", messages::locked(holder))]
    Locked {
        holder: Option<Box<Holder>>,
        path: String,
    },
    #[error(
        "cannot lock the project for changes ({}): {path}",
        shown::io_error(source)
    )]
    Lock {
        source: std::io::Error,
        path: String,
    },
}

fn summary(problems: &[Problem]) -> String {
    match problems {
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{} problems, first: {first}", rest.len() + 1),
        [] => "no details".to_owned(),
    }
}

/// Parses a project file's text. `path` only goes into error messages.
pub fn parse(text: &str, path: &str) -> Result<Project, StoreError> {
    parse_owned(text.to_owned(), path, &|| Ok(text.to_owned()))
}

/// Parses, dropping the file's text as early as it can (on the lean path, once the
/// texts are split out) so a large project never has its file, its parsed form and its
/// model in memory at once. `reread` gives the text again should the lean path fail
/// after letting go of it.
fn parse_owned(
    text: String,
    path: &str,
    reread: &dyn Fn() -> Result<String, StoreError>,
) -> Result<Project, StoreError> {
    let path = path.to_owned();
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err(StoreError::Empty { path });
    }
    // Every string of the wire structs is owned (none borrows from `text`).
    let file: ProjectFile<'static> = match parse_fast(text) {
        Ok(file) => file,
        Err(kept) => {
            let text = match kept {
                Some(text) => text,
                None => without_bom(reread()?),
            };
            match ron::from_str(&text) {
                Ok(file) => file,
                Err(err) => return Err(explain_parse_failure(&text, err, path)),
            }
        }
    };
    if file.format != FORMAT {
        let found = format!("its format is {}", shown::quoted(&file.format));
        return Err(StoreError::NotAProject { found, path });
    }
    let file = migrate(file, &path)?;
    validate::into_project(file).map_err(|problems| StoreError::Invalid { problems, path })
}

/// The text without the byte order mark Notepad and other editors put before UTF-8.
fn without_bom(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

/// The lean path for files as spanmark writes them: texts decoded by [`fast`], the
/// rest by ron. Fails whenever anything is unusual (the caller then parses the whole
/// file with ron), including a text that does not match its SHA-256, so a mistaken
/// split can never pass for a project. On failure it hands the text back if it still
/// has it.
fn parse_fast(text: String) -> Result<ProjectFile<'static>, Option<String>> {
    let Some((skeleton, texts)) = fast::split_texts(&text) else {
        return Err(Some(text));
    };
    drop(text);
    let mut file: ProjectFile<'static> = ron::from_str(&skeleton).map_err(|_| None)?;
    drop(skeleton);
    if file.format != FORMAT
        || !(BASE_VERSION..=CURRENT_VERSION).contains(&file.version)
        || file.documents.len() != texts.len()
    {
        return Err(None);
    }
    for (doc, text) in file.documents.iter_mut().zip(texts) {
        if !doc.text.is_empty() || crate::model::sha256_hex(&text) != doc.sha256 {
            return Err(None);
        }
        doc.text = std::borrow::Cow::Owned(text);
    }
    Ok(file)
}

/// A file that did not parse as the current version: is it a project at all, a newer
/// one, or a broken one?
fn explain_parse_failure(text: &str, err: ron::error::SpannedError, path: String) -> StoreError {
    match ron::from_str::<Header>(text) {
        Ok(Header { format, version }) if format == FORMAT => {
            if version > CURRENT_VERSION {
                StoreError::Newer { version, path }
            } else {
                syntax(err, path)
            }
        }
        Ok(Header { format, .. }) if format.is_empty() => StoreError::NotAProject {
            found: "it has no \"format\" field".to_owned(),
            path,
        },
        Ok(Header { format, .. }) => StoreError::NotAProject {
            found: format!("its format is {}", shown::quoted(&format)),
            path,
        },
        Err(_) => syntax(err, path),
    }
}

fn syntax(err: ron::error::SpannedError, path: String) -> StoreError {
    StoreError::Syntax {
        line: err.span.start.line,
        column: err.span.start.col,
        message: messages::explain_ron(&err.code),
        path,
    }
}

/// Brings an older file up to [`CURRENT_VERSION`], one version step at a time.
/// Version 1 is the first; each new version adds its step here, with a test that loads a
/// file of the version before it.
fn migrate<'a>(file: ProjectFile<'a>, path: &str) -> Result<ProjectFile<'a>, StoreError> {
    match file.version {
        CURRENT_VERSION => Ok(file),
        // Version 2 added typed attribute fields, relation types and relations, all
        // read with defaults: bare field names are text fields, and the file gets the
        // default relation types its labels allow.
        1 => Ok(ProjectFile { version: 2, ..file }),
        // Version 3 added the desk's settings, read with defaults.
        2 => Ok(ProjectFile { version: 3, ..file }),
        v if v > CURRENT_VERSION => Err(StoreError::Newer {
            version: v,
            path: path.to_owned(),
        }),
        v => Err(StoreError::NotAProject {
            found: format!("it claims file version {v}, which never existed"),
            path: path.to_owned(),
        }),
    }
}

/// Reads, migrates and validates the project at `path`.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    load_stamped(path).map(|(project, _)| project)
}

/// Like [`load`], with the stamp of the file that was read, for
/// [`save_expecting`] to check that nothing changed it meanwhile.
pub fn load_stamped(path: &Path) -> Result<(Project, FileStamp), StoreError> {
    // A progress callback that never cancels: the result is always there.
    load_with_progress(path, &mut |_, _| true)?.ok_or_else(|| StoreError::Read {
        source: std::io::Error::other("cancelled"),
        path: path.display().to_string(),
    })
}

/// Like [`load_stamped`], reading in chunks and telling `progress` the bytes read so
/// far and the file's size; `Ok(None)` when `progress` returns false (the user
/// cancelled).
pub fn load_with_progress(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<Option<(Project, FileStamp)>, StoreError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let read_error = |source| StoreError::Read {
        source,
        path: shown.clone(),
    };
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    let stamp = FileStamp::from_metadata(&metadata);
    let total = metadata.len();
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut chunk).map_err(read_error)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        if !progress(bytes.len() as u64, total) {
            return Ok(None);
        }
    }
    drop(chunk);
    let text = utf8(bytes, &shown)?;
    let reread = || {
        let bytes = std::fs::read(path).map_err(|source| StoreError::Read {
            source,
            path: shown.clone(),
        })?;
        utf8(bytes, &shown)
    };
    parse_owned(text, &shown, &reread).map(|project| Some((project, stamp)))
}

/// The file's bytes as text, or why they are not UTF-8.
fn utf8(bytes: Vec<u8>, path: &str) -> Result<String, StoreError> {
    String::from_utf8(bytes).map_err(|err| StoreError::NotText {
        why: messages::not_utf8(err.as_bytes()),
        path: path.to_owned(),
    })
}

#[cfg(test)]
mod tests;
