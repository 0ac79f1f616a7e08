//! Opening large files off the UI thread: a project, articles or another tool's
//! annotations bigger than a frame's work are read on a thread while the window shows
//! progress and a Cancel button. A cancelled load is dropped when it ends; the open
//! project is never touched by it.

use crate::article::{Article, read_article};
use crate::formats::import::{self, ImportFormat, Imported};
use crate::model::Project;
use crate::session::ReadOnly;
use crate::store::{self, FileStamp, ProjectLock};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A project read from its file, with the file's stamp as read.
pub type ReadProject = Result<Box<(Project, FileStamp)>, String>;

/// The project's lock as opening it found it: held, or why the window may not save.
pub type Locking = Result<ProjectLock, ReadOnly>;

/// What a finished load brings.
pub enum Loaded {
    Project(PathBuf, ReadProject, Locking),
    Articles(Vec<(PathBuf, Result<Article, String>)>),
    /// Annotations of another tool, read for `File → Import`.
    Import(PathBuf, Result<Imported, String>),
}

pub enum Poll {
    Pending,
    Done(Box<Loaded>),
    Abandoned,
}

pub struct Loading {
    what: String,
    started: Instant,
    cancelled: Arc<AtomicBool>,
    done_bytes: Arc<AtomicU64>,
    total_bytes: u64,
    rx: Receiver<Loaded>,
}

/// Files at least this large are opened on a thread.
pub const BACKGROUND_BYTES: u64 = 4 * 1024 * 1024;

/// The bytes of `paths`; a folder counts the files in it (brat's folders).
fn size_of(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                std::fs::read_dir(p)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            } else {
                std::fs::metadata(p).map_or(0, |m| m.len())
            }
        })
        .sum()
}

/// Is loading `paths` big enough to go to a thread?
pub fn is_large(paths: &[PathBuf], threshold: u64) -> bool {
    size_of(paths) >= threshold
}

impl Loading {
    fn spawn(
        what: String,
        total_bytes: u64,
        work: impl FnOnce(&LoadControl) -> Option<Loaded> + Send + 'static,
    ) -> Self {
        let cancelled = Arc::new(AtomicBool::new(false));
        let done_bytes = Arc::new(AtomicU64::new(0));
        let (tx, rx) = std::sync::mpsc::channel();
        let control = LoadControl {
            cancelled: cancelled.clone(),
            done_bytes: done_bytes.clone(),
        };
        std::thread::spawn(move || {
            if let Some(loaded) = work(&control) {
                // The window may have gone (cancelled and dropped): nothing to tell.
                let _ = tx.send(loaded);
            }
        });
        Self {
            what,
            started: Instant::now(),
            cancelled,
            done_bytes,
            total_bytes,
            rx,
        }
    }

    /// Reads a project on a thread, carrying its lock. `throttle` slows reading down
    /// (for tests).
    pub fn project(path: PathBuf, locking: Locking, throttle: Duration) -> Self {
        let what = format!("Opening {}", path.display());
        let total = size_of(std::slice::from_ref(&path));
        Self::spawn(what, total, move |control| {
            let result = store::load_with_progress(&path, &mut |read, _| {
                control.done_bytes.store(read, Ordering::Relaxed);
                std::thread::sleep(throttle);
                !control.is_cancelled()
            });
            match result {
                Ok(None) => None,
                Ok(Some(read)) => Some(Loaded::Project(path, Ok(Box::new(read)), locking)),
                Err(err) => Some(Loaded::Project(path, Err(err.to_string()), locking)),
            }
        })
    }

    /// Reads another tool's annotations on a thread, anchored in `project` (a copy of
    /// the open one; the merge itself happens in the window, as one undo step).
    pub fn import(
        format: ImportFormat,
        path: PathBuf,
        project: Project,
        throttle: Duration,
    ) -> Self {
        let what = format!("Importing {}", path.display());
        let total = size_of(std::slice::from_ref(&path));
        Self::spawn(what, total, move |control| {
            std::thread::sleep(throttle);
            let read = import::read(format, &path, &project, &Default::default());
            control.done_bytes.store(total, Ordering::Relaxed);
            std::thread::sleep(throttle);
            (!control.is_cancelled()).then_some(Loaded::Import(path, read))
        })
    }

    /// Reads and decodes articles on a thread.
    pub fn articles(paths: Vec<PathBuf>, throttle: Duration) -> Self {
        let what = format!("Reading {} articles", paths.len());
        let total = size_of(&paths);
        Self::spawn(what, total, move |control| {
            let mut out = Vec::new();
            for path in paths {
                if control.is_cancelled() {
                    return None;
                }
                let size = size_of(std::slice::from_ref(&path));
                std::thread::sleep(throttle);
                let article = read_article(&path).map_err(|e| e.to_string());
                control.done_bytes.fetch_add(size, Ordering::Relaxed);
                out.push((path, article));
            }
            (!control.is_cancelled()).then_some(Loaded::Articles(out))
        })
    }

    /// Where the load is: still working, done with a result, or ended without one
    /// (cancelled, or the thread died).
    pub fn poll(&self) -> Poll {
        if self.cancelled.load(Ordering::Relaxed) {
            return Poll::Abandoned;
        }
        match self.rx.try_recv() {
            Ok(loaded) => Poll::Done(Box::new(loaded)),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Abandoned,
        }
    }

    /// What the load does, for "… cancelled": `Opening` or `Import`.
    pub fn kind(&self) -> &'static str {
        if self.what.starts_with("Importing") {
            "Import"
        } else {
            "Opening"
        }
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// The progress window; true when the user pressed Cancel.
    pub fn ui(&self, ctx: &egui::Context) -> bool {
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("spanmark-loading")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.heading(&self.what);
            let done = self.done_bytes.load(Ordering::Relaxed);
            let fraction = if self.total_bytes == 0 {
                0.0
            } else {
                done as f32 / self.total_bytes as f32
            };
            let stage = match (fraction < 1.0, self.kind()) {
                (true, _) => "Reading",
                (false, "Import") => "Matching annotations to the text",
                (false, _) => "Checking offsets and spans",
            };
            ui.add(
                egui::ProgressBar::new(fraction.min(1.0))
                    .show_percentage()
                    .animate(true),
            );
            ui.label(format!(
                "{stage}… {:.1} s",
                self.started.elapsed().as_secs_f32()
            ));
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        ctx.request_repaint_after(Duration::from_millis(100));
        cancel
    }
}

/// What the loading thread sees of the window.
pub struct LoadControl {
    cancelled: Arc<AtomicBool>,
    done_bytes: Arc<AtomicU64>,
}

impl LoadControl {
    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}
