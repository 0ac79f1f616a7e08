//! Recovery files: the window's unsaved work, written every few seconds so a crash
//! loses nothing. Each window session has a slot of its own in the user's data folder,
//! `recovery/<when>-<pid>-<random>/`, never shared: `project.ron` (the work),
//! `about.json` (which project file it belongs to, and that file's stamp when the
//! session read it) and `lock`, locked while the session runs. A slot whose lock is
//! free belongs to a session that ended without cleaning up: its work is offered
//! the next time its project (or, for untitled work, the window) opens, whatever its
//! age, and it stays until the user restores or discards it.

use super::disk::{FileStamp, project_target};
use super::{StoreError, write_atomic_with, write_ron_to};
use crate::model::Project;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const WORK: &str = "project.ron";
const ABOUT: &str = "about.json";
const LOCK: &str = "lock";

/// What a slot says about its work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// The project file the work belongs to (symlinks followed); `None` when untitled.
    pub project: Option<PathBuf>,
    /// That file as the session read or last saved it.
    pub base: Option<FileStamp>,
    pub pid: u32,
    /// When the work was written, UTC.
    pub written: String,
    /// The same, in nanoseconds since 1970, set by [`RecoverySlot::write`]: two slots
    /// written within a file system's timestamp granularity still sort by age.
    #[serde(default)]
    pub written_ns: Option<u64>,
}

/// One window session's slot, locked while the session runs.
#[derive(Debug)]
pub struct RecoverySlot {
    dir: PathBuf,
    _lock: File,
}

impl RecoverySlot {
    /// A new slot under `root` (made if missing).
    pub fn create(root: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(root)?;
        let name = format!(
            "{}-{}-",
            crate::shown::utc_compact(SystemTime::now()),
            std::process::id()
        );
        let dir = tempfile::Builder::new()
            .prefix(&name)
            .tempdir_in(root)
            .map_err(|err| std::io::Error::from(err.kind()))?
            .keep();
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK))?;
        // Where the file system has no locks, a slot is still this session's own.
        let _ = lock.try_lock();
        Ok(Self { dir, _lock: lock })
    }

    /// Writes the work and what it belongs to, each file atomically (the work first,
    /// so an `about.json` never describes work that is not there yet).
    pub fn write(&self, project: &Project, info: &RecoveryInfo) -> Result<(), StoreError> {
        let error = |source, file: &str| StoreError::Write {
            source,
            path: self.dir.join(file).display().to_string(),
        };
        let work = self.dir.join(WORK);
        write_atomic_with(&work, false, |file| write_ron_to(project, file))
            .map_err(|e| error(e, WORK))?;
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()
            .and_then(|d| u64::try_from(d.as_nanos()).ok());
        let info = RecoveryInfo {
            written_ns: now,
            ..info.clone()
        };
        let about = serde_json::to_vec_pretty(&info).map_err(|e| error(e.into(), ABOUT))?;
        super::write_atomic(&self.dir.join(ABOUT), &about, false).map_err(|e| error(e, ABOUT))
    }

    /// Empties the slot: the work was saved (or discarded by the user).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.dir.join(ABOUT));
        let _ = std::fs::remove_file(self.dir.join(WORK));
    }

    /// Removes the slot: the session ends with nothing unsaved.
    pub fn close(self) {
        self.clear();
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Work left by a session that ended without saving it.
#[derive(Clone, Debug)]
pub struct FoundRecovery {
    /// The slot, or for a file of spanmark 0.1 (`NAME.ron.recovery`), that file.
    pub location: PathBuf,
    pub work: PathBuf,
    pub info: RecoveryInfo,
    /// When the work was written.
    pub written: Option<SystemTime>,
}

impl FoundRecovery {
    /// Removes the work for good (the user restored or discarded it).
    pub fn remove(&self) {
        if self.location.is_dir() {
            let _ = std::fs::remove_dir_all(&self.location);
        } else {
            let _ = std::fs::remove_file(&self.location);
        }
    }

    /// Has the project file changed since the session that left this work read it?
    pub fn project_changed_since(&self) -> bool {
        match &self.info.project {
            Some(project) => FileStamp::of(project) != self.info.base,
            None => false,
        }
    }
}

/// The work left under `root` for `project` (`None`: untitled work) by sessions that
/// are no longer running, newest first; also spanmark 0.1's `NAME.ron.recovery`
/// beside the project (or `untitled.ron.recovery` in `data_dir`). Slots that hold
/// nothing are removed on the way.
pub fn find(root: &Path, data_dir: Option<&Path>, project: Option<&Path>) -> Vec<FoundRecovery> {
    let wanted = project.map(project_target);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let dir = entry.path();
        if !dir.is_dir() || is_running(&dir) {
            continue;
        }
        let work = dir.join(WORK);
        let about: Option<RecoveryInfo> = std::fs::read(dir.join(ABOUT))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        let Some(info) = about.filter(|_| work.is_file()) else {
            // Nothing kept: a session that ended cleanly enough, or one that had only
            // just begun (left alone for a minute so a starting one is not disturbed).
            if modified_before(&dir, Duration::from_secs(60)) {
                let _ = std::fs::remove_dir_all(&dir);
            }
            continue;
        };
        if info.project != wanted {
            continue;
        }
        let written = info
            .written_ns
            .map(|ns| SystemTime::UNIX_EPOCH + Duration::from_nanos(ns))
            .or_else(|| modified(&work));
        found.push(FoundRecovery {
            written,
            location: dir,
            work,
            info,
        });
    }
    let legacy = match &wanted {
        Some(target) => {
            let mut name = target.as_os_str().to_owned();
            name.push(".recovery");
            Some(PathBuf::from(name))
        }
        None => data_dir.map(|d| d.join("untitled.ron.recovery")),
    };
    if let Some(legacy) = legacy.filter(|p| p.is_file()) {
        found.push(FoundRecovery {
            written: modified(&legacy),
            location: legacy.clone(),
            work: legacy,
            info: RecoveryInfo {
                project: wanted.clone(),
                // Unknown: the old file did not say which version of the project it
                // started from, so a save after restoring asks before replacing.
                base: None,
                pid: 0,
                written: String::new(),
                written_ns: None,
            },
        });
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.written));
    found
}

/// Is the session of slot `dir` still running (its lock held)?
fn is_running(dir: &Path) -> bool {
    let Ok(file) = OpenOptions::new().write(true).open(dir.join(LOCK)) else {
        return false;
    };
    matches!(file.try_lock(), Err(TryLockError::WouldBlock))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn modified_before(path: &Path, age: Duration) -> bool {
    modified(path)
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|a| a >= age)
}

/// What recovered work changes against `on_disk` (the project file as it is now, or
/// nothing for untitled work), in a few words: documents added and removed, spans
/// added, removed and changed, and in which documents. Spans are matched by label and
/// range (ids cannot be trusted across writers: another may have used the same
/// ones); a matched span whose note or attributes differ is changed.
pub fn describe_changes(recovered: &Project, on_disk: Option<&Project>) -> String {
    let Some(disk) = on_disk else {
        return format!(
            "{}, {}",
            count(recovered.documents().len(), "document"),
            count(recovered.span_count(), "span")
        );
    };
    let (mut added_docs, mut removed_docs) = (0, 0);
    let (mut added, mut removed, mut changed) = (0, 0, 0);
    let mut touched = Vec::new();
    for doc in recovered.documents() {
        let Some(old) = disk.document_by_sha256(doc.sha256()) else {
            added_docs += 1;
            added += doc.spans().len();
            continue;
        };
        let key = |s: &crate::model::Span| (s.label.clone(), s.range);
        let before: HashMap<_, _> = old.spans().iter().map(|s| (key(s), s)).collect();
        let after: HashMap<_, _> = doc.spans().iter().map(|s| (key(s), s)).collect();
        let was = (added, removed, changed);
        for (k, span) in &after {
            match before.get(k) {
                None => added += 1,
                Some(o) if o.note != span.note || o.attributes != span.attributes => changed += 1,
                Some(_) => {}
            }
        }
        removed += before.keys().filter(|k| !after.contains_key(*k)).count();
        if (added, removed, changed) != was || old.status != doc.status {
            touched.push(crate::shown::quoted(&doc.name));
        }
    }
    for doc in disk.documents() {
        if recovered.document_by_sha256(doc.sha256()).is_none() {
            removed_docs += 1;
        }
    }
    let mut parts = Vec::new();
    if added + removed + changed > 0 {
        parts.push(format!(
            "{} added, {removed} removed, {changed} changed",
            count(added, "span")
        ));
    }
    if !touched.is_empty() {
        let listed: Vec<String> = touched.iter().take(3).cloned().collect();
        let more = touched.len().saturating_sub(3);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        parts.push(format!("in {}{tail}", listed.join(", ")));
    }
    if added_docs > 0 {
        parts.push(format!("{} added", count(added_docs, "document")));
    }
    if removed_docs > 0 {
        parts.push(format!("{} removed", count(removed_docs, "document")));
    }
    if recovered.name != disk.name || recovered.labels != disk.labels {
        parts.push("the project's name or labels changed".to_owned());
    }
    if parts.is_empty() {
        "the same spans as the project file".to_owned()
    } else {
        parts.join(", ")
    }
}

/// "1 span", "2 spans".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests;
