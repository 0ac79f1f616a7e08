//! One writer at a time: an advisory lock on a project, held by the window for as long
//! as the project is open and by the command line for the length of a command.
//!
//! The lock is the operating system's lock on a small file beside the project,
//! `.NAME.ron.lock`, so it ends with the process that holds it, even under `kill -9`;
//! the file's text names the holder (program, process, user, machine, since when) for
//! the message the next writer gets. The project itself cannot carry the lock: an
//! atomic save replaces its file.

use super::disk::{project_target, stale_temp_files};
use crate::shown;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// Who holds a project's lock, as its lock file says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holder {
    /// `spanmark window`, `spanmark import`, …
    pub program: String,
    pub pid: u32,
    pub user: String,
    pub host: String,
    /// UTC, as `2026-11-29 10:02:03 UTC`.
    pub since: String,
}

impl Holder {
    fn me(program: &str) -> Self {
        Self {
            program: program.to_owned(),
            pid: std::process::id(),
            user: user_name(),
            host: host_name(),
            since: shown::utc(SystemTime::now()),
        }
    }

    /// Is the holder a window (which holds the lock for as long as it is open)?
    pub fn is_window(&self) -> bool {
        self.program.ends_with("window")
    }

    fn to_text(&self) -> String {
        format!(
            "program: {}\npid: {}\nuser: {}\nhost: {}\nsince: {}\n",
            self.program, self.pid, self.user, self.host, self.since
        )
    }

    fn from_text(text: &str) -> Option<Self> {
        let mut holder = Holder::default();
        for line in text.lines() {
            let (key, value) = line.split_once(": ")?;
            match key {
                "program" => holder.program = value.to_owned(),
                "pid" => holder.pid = value.parse().ok()?,
                "user" => holder.user = value.to_owned(),
                "host" => holder.host = value.to_owned(),
                "since" => holder.since = value.to_owned(),
                _ => {}
            }
        }
        (!holder.program.is_empty()).then_some(holder)
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (process {}, user {} on {}, since {})",
            self.program, self.pid, self.user, self.host, self.since
        )
    }
}

/// Why a lock could not be had.
#[derive(Debug)]
pub enum LockFailure {
    /// Another process holds it; `None` when it has not yet said who it is.
    Held(Option<Holder>),
    /// The lock file cannot be made (a read-only folder, say).
    Io(std::io::Error),
}

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    lock_path: PathBuf,
    /// The project file the lock is for, symlinks followed.
    target: PathBuf,
}

/// The lock file of the project at `target` (symlinks already followed).
fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.lock"))
}

impl ProjectLock {
    /// Takes the lock of the project at `project` for `program`, or says who has it.
    /// Once held, removes temporary files that earlier saves of this project left
    /// behind when they were killed (no save of it can be running now).
    pub fn try_acquire(project: &Path, program: &str) -> Result<Self, LockFailure> {
        let target = project_target(project);
        let lock_path = lock_path(&target);
        // The file can be removed by its holder between our open and our lock: then the
        // lock we got is on a file nobody else will look at; open it again.
        for _ in 0..16 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(LockFailure::Io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = file.read_to_string(&mut text);
                    return Err(LockFailure::Held(Holder::from_text(&text)));
                }
                // A file system without locks (some network shares): carry on without;
                // the check for a changed file still guards every save.
                Err(TryLockError::Error(_)) => {}
            }
            if !same_file(&file, &lock_path) {
                continue;
            }
            let me = Holder::me(program);
            let _ = file.set_len(0);
            let _ = file.write_all(me.to_text().as_bytes());
            let _ = file.flush();
            for stale in stale_temp_files(&target) {
                let _ = std::fs::remove_file(stale);
            }
            return Ok(Self {
                file,
                lock_path,
                target,
            });
        }
        Err(LockFailure::Held(None))
    }

    /// Like [`try_acquire`](Self::try_acquire), waiting up to `wait` while another
    /// command holds the lock; `waiting` is told who, once, when the wait has lasted
    /// `tell_after`. A window holds its lock for as long as it is open, so for a window
    /// it does not wait.
    pub fn acquire_waiting(
        project: &Path,
        program: &str,
        wait: Duration,
        tell_after: Duration,
        mut waiting: impl FnMut(&Option<Holder>),
    ) -> Result<Self, LockFailure> {
        let started = Instant::now();
        let mut told = false;
        loop {
            match Self::try_acquire(project, program) {
                Err(LockFailure::Held(holder))
                    if started.elapsed() < wait
                        && !holder.as_ref().is_some_and(Holder::is_window) =>
                {
                    if !told && started.elapsed() >= tell_after {
                        waiting(&holder);
                        told = true;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// The project file this lock is for (symlinks followed).
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can take a lock on a file that is going
        // away unnoticed (they check the path still names their file).
        let _ = std::fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// Does `path` still name the open `file`?
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows does not let an open file be removed, so the path always names it.
#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// The user's login name, for the lock's holder.
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "someone".to_owned())
}

/// This machine's name.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_the_next_is_told_who() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let first = ProjectLock::try_acquire(&project, "spanmark window").unwrap();
        assert!(dir.path().join(".p.ron.lock").is_file());
        match ProjectLock::try_acquire(&project, "spanmark import") {
            Err(LockFailure::Held(Some(holder))) => {
                assert_eq!(holder.program, "spanmark window");
                assert_eq!(holder.pid, std::process::id());
                assert!(holder.is_window());
                assert!(holder.to_string().contains("process"), "{holder}");
            }
            other => panic!("not refused: {other:?}"),
        }
        // A window's lock is not waited for.
        let started = Instant::now();
        let waited = ProjectLock::acquire_waiting(
            &project,
            "spanmark import",
            Duration::from_secs(5),
            Duration::ZERO,
            |_| {},
        );
        assert!(matches!(waited, Err(LockFailure::Held(Some(_)))));
        assert!(started.elapsed() < Duration::from_secs(2));
        drop(first);
        assert!(
            !dir.path().join(".p.ron.lock").exists(),
            "released lock left"
        );
        let second = ProjectLock::try_acquire(&project, "spanmark import").unwrap();
        drop(second);
    }

    #[test]
    fn a_command_waits_for_another_command() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let first = ProjectLock::try_acquire(&project, "spanmark import").unwrap();
        let path = project.clone();
        let waiter = std::thread::spawn(move || {
            let mut told = 0;
            let lock = ProjectLock::acquire_waiting(
                &path,
                "spanmark add",
                Duration::from_secs(20),
                Duration::from_millis(50),
                |h| {
                    assert_eq!(h.as_ref().unwrap().program, "spanmark import");
                    told += 1;
                },
            );
            (lock.is_ok(), told)
        });
        std::thread::sleep(Duration::from_millis(200));
        drop(first);
        assert_eq!(waiter.join().unwrap(), (true, 1));
    }

    #[test]
    fn a_symlinked_project_shares_its_targets_lock() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "x").unwrap();
        let link = dir.path().join("link.ron");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&real, &link).unwrap();
        #[cfg(not(unix))]
        std::fs::copy(&real, &link).unwrap();
        let _held = ProjectLock::try_acquire(&real, "spanmark window").unwrap();
        #[cfg(unix)]
        assert!(matches!(
            ProjectLock::try_acquire(&link, "spanmark import"),
            Err(LockFailure::Held(_))
        ));
    }
}
