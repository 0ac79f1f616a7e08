//! The window's file work: start-up, opening projects and articles, saving (with the
//! check for a file changed on disk), exporting, autosave to a recovery file and the
//! offer to restore it, and running the commands of a frame.

use super::App;
use super::command::Command;
use super::dialogs::{Picked, Purpose};
use super::loading::Loaded;
use super::modal::{Answer, Modal};
use super::session::{FileStamp, Session};
use crate::article::read_article;
use crate::formats::{self, ExportFormat};
use crate::store;
use std::path::{Path, PathBuf};

/// The sample project opened the first time (as an untitled copy, so saving it never
/// changes the one in the repository).
pub fn demo_project_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("projects")
        .join("demo.ron")
}

fn is_project(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

impl App {
    pub(super) fn start(&mut self, paths: Vec<PathBuf>, open_last: bool) {
        if !paths.is_empty() {
            self.open_paths(paths);
        } else if open_last {
            match self.prefs.last_project.clone().filter(|p| p.is_file()) {
                Some(last) => self.open_project(&last),
                None => self.open_demo(),
            }
        }
        if self.session.path.is_none() && self.modal.is_none() && self.loading.is_none() {
            self.offer_recovery();
        }
    }

    fn open_demo(&mut self) {
        match store::load(&demo_project_path()) {
            Ok(project) => self.session = Session::new(project, None, true),
            Err(err) => self.error(format!("The sample project could not be opened: {err}")),
        }
    }

    /// Runs one command of the frame.
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewProject => {
                if self.guard(&command) {
                    self.session = Session::untitled();
                }
            }
            Command::OpenArticles => self.ask(Purpose::OpenArticles),
            Command::OpenProject => {
                if self.guard(&command) {
                    self.ask(Purpose::OpenProject);
                }
            }
            Command::OpenPath(ref path) => {
                if self.guard(&command) {
                    self.open_project(&path.clone());
                }
            }
            Command::OpenPaths(ref paths) => {
                if !paths.iter().any(|p| is_project(p)) || self.guard(&command) {
                    self.open_paths(paths.clone());
                }
            }
            Command::Save => match self.session.path.clone() {
                Some(path) => self.save_to(&path, false),
                None => self.ask(Purpose::SaveProject),
            },
            Command::SaveAs => self.ask(Purpose::SaveProject),
            Command::Export(format) => self.ask(Purpose::Export(format)),
            Command::ExportBrat => self.ask(Purpose::ExportBrat),
            Command::Import(format) => self.ask(Purpose::Import(format)),
            Command::Quit => {
                if self.guard(&command) {
                    self.closing = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::Find => self.find.show(),
            Command::ClearSelection if self.find.open && self.session.selection.is_none() => {
                self.find.open = false;
            }
            other => {
                let history_step = matches!(other, Command::Undo | Command::Redo);
                if let Err(message) = self.session.apply(other) {
                    self.error(message);
                }
                if history_step {
                    self.spans.reset_drafts();
                }
            }
        }
    }

    /// May `command` drop unsaved work? If so, asks first and returns false.
    fn guard(&mut self, command: &Command) -> bool {
        if !self.session.is_dirty() || std::mem::take(&mut self.discard_ok) {
            return true;
        }
        self.modal = Some(Modal::Unsaved {
            project: self.session.display_name(),
            then: command.clone(),
        });
        false
    }

    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        match (modal, answer) {
            (Modal::Unsaved { then, .. }, Answer::Save) => {
                self.after_save = Some(then);
                self.run(ctx, Command::Save);
            }
            (Modal::Unsaved { then, .. }, Answer::Discard) => {
                if then == Command::Quit {
                    self.remove_recovery();
                }
                self.discard_ok = true;
                self.run(ctx, then);
            }
            (Modal::PathField { purpose, .. }, Answer::Paths(paths)) => self.picked(purpose, paths),
            (Modal::Recovery { recovery, .. }, Answer::Restore) => self.restore(&recovery),
            (Modal::Recovery { recovery, .. }, Answer::Discard) => {
                let _ = std::fs::remove_file(recovery);
            }
            (Modal::ChangedOnDisk { path }, Answer::Overwrite) => self.save_to(&path, true),
            _ => self.after_save = None,
        }
    }

    fn ask(&mut self, purpose: Purpose) {
        let suggested = match purpose {
            Purpose::SaveProject => format!("{}.ron", self.session.project.name),
            Purpose::Export(format) => {
                format!("{}.{}", self.session.project.name, format.extension())
            }
            _ => String::new(),
        };
        match self.dialogs.pick(purpose, &suggested) {
            Picked::Paths(paths) => self.picked(purpose, paths),
            Picked::Cancelled => self.after_save = None,
            Picked::Unavailable => {
                self.modal = Some(Modal::PathField {
                    purpose,
                    text: String::new(),
                })
            }
        }
    }

    fn picked(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        match purpose {
            Purpose::OpenArticles => self.add_articles(paths),
            Purpose::OpenProject => {
                if let Some(path) = paths.first() {
                    self.open_project(path);
                }
            }
            Purpose::SaveProject => {
                if let Some(path) = paths.first() {
                    let mut path = path.clone();
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    self.save_to(&path, false);
                }
            }
            Purpose::Export(format) => {
                if let Some(path) = paths.first() {
                    self.export_to(format, path);
                }
            }
            Purpose::ExportBrat => {
                if let Some(dir) = paths.first() {
                    self.export_brat_to(dir);
                }
            }
            Purpose::Import(format) => {
                if let Some(path) = paths.first() {
                    self.import_from(format, path);
                }
            }
        }
    }

    fn open_paths(&mut self, paths: Vec<PathBuf>) {
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| is_project(p));
        if let Some(project) = projects.first() {
            self.open_project(project);
            if projects.len() > 1 {
                self.error(
                    "Only one project can be open at a time; the first one dropped was opened.",
                );
            }
        }
        if !articles.is_empty() {
            self.add_articles(articles);
        }
    }

    pub(super) fn open_project(&mut self, path: &Path) {
        let paths = [path.to_path_buf()];
        if super::loading::is_large(&paths, self.background_bytes) {
            self.loading = Some(super::loading::Loading::project(
                path.to_path_buf(),
                self.load_throttle,
            ));
            return;
        }
        let loaded = store::load(path).map_err(|err| err.to_string());
        self.loaded(Loaded::Project(path.to_path_buf(), loaded));
    }

    fn add_articles(&mut self, paths: Vec<PathBuf>) {
        if super::loading::is_large(&paths, self.background_bytes) {
            self.loading = Some(super::loading::Loading::articles(paths, self.load_throttle));
            return;
        }
        let read = paths
            .into_iter()
            .map(|path| {
                let article = read_article(&path).map_err(|err| err.to_string());
                (path, article)
            })
            .collect();
        self.loaded(Loaded::Articles(read));
    }

    /// Takes in what was read, here or on a loading thread.
    pub(super) fn loaded(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Project(path, Ok(project)) => {
                self.session = Session::new(project, Some(path.clone()), true);
                self.recovered = None;
                self.prefs.remember(&path);
                self.offer_recovery();
            }
            Loaded::Project(_, Err(message)) => self.error(message),
            Loaded::Articles(read) => {
                let mut good = Vec::new();
                for (path, article) in read {
                    match article {
                        Ok(article) => good.push((path, article)),
                        Err(message) => self.error(message),
                    }
                }
                if !good.is_empty()
                    && let Err(message) = self.session.apply(Command::AddArticles(good))
                {
                    self.error(message);
                }
            }
        }
    }

    /// Saves to `path`; unless `overwrite`, first checks that the file is the one
    /// opened (not changed by another program since).
    fn save_to(&mut self, path: &Path, overwrite: bool) {
        let same_file = self.session.path.as_deref() == Some(path);
        if same_file && !overwrite && FileStamp::of(path) != self.session.stamp {
            self.modal = Some(Modal::ChangedOnDisk {
                path: path.to_path_buf(),
            });
            return;
        }
        match store::save(&self.session.project, path) {
            Ok(()) => {
                self.remove_recovery();
                self.session.path = Some(path.to_path_buf());
                self.session.stamp = FileStamp::of(path);
                self.session.history.mark_saved();
                self.recovered = None;
                self.prefs.remember(path);
                if let Some(then) = self.after_save.take() {
                    // Run next frame: the command may itself ask for a path.
                    self.queued.push(then);
                }
            }
            Err(err) => {
                self.after_save = None;
                self.error(err.to_string());
            }
        }
    }

    fn export_to(&mut self, format: ExportFormat, path: &Path) {
        let result = formats::export(&self.session.project, format)
            .map_err(|err| err.to_string())
            .and_then(|bytes| {
                store::write_atomic(path, &bytes, false)
                    .map_err(|err| format!("cannot write export ({err})"))
            });
        match result {
            Ok(()) => self.info(format!(
                "Exported {} spans of {} documents: {}",
                self.session.project.span_count(),
                self.session.project.documents().len(),
                path.display()
            )),
            Err(err) => self.error(format!("{err}: {}", path.display())),
        }
    }

    /// Where unsaved work of the open project is kept: beside its file, or in the data
    /// folder for an untitled project.
    pub fn recovery_path(&self) -> Option<PathBuf> {
        match &self.session.path {
            Some(path) => {
                let mut name = path.as_os_str().to_owned();
                name.push(".recovery");
                Some(PathBuf::from(name))
            }
            None => self
                .data_dir
                .as_ref()
                .map(|d| d.join("untitled.ron.recovery")),
        }
    }

    fn remove_recovery(&mut self) {
        if let Some(path) = self.recovery_path() {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Writes unsaved work to the recovery file every few seconds, in a pause of the
    /// user's input (a large project takes a moment to write), or after at most six
    /// intervals even without a pause.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let (now, active) = ctx.input(|i| (i.time, !i.events.is_empty()));
        if active {
            self.last_activity = now;
        }
        let state = self.session.history.state_id();
        if !self.session.is_dirty() || self.recovered == Some(state) {
            self.dirty_since = None;
            return;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let idle = self.autosave_seconds.min(1.0);
        let due = now - since >= self.autosave_seconds
            && (now - self.last_activity >= idle || now - since >= 6.0 * self.autosave_seconds);
        if !due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(idle.max(0.05)));
            return;
        }
        let Some(path) = self.recovery_path() else {
            return;
        };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let project = &self.session.project;
        match store::write_atomic_with(&path, false, |file| store::write_ron_to(project, file)) {
            Ok(()) => {
                self.recovered = Some(state);
                self.dirty_since = None;
            }
            Err(err) => {
                // Try again after another interval rather than every frame.
                self.dirty_since = Some(now);
                self.error(format!(
                    "Autosave failed ({err}); save your work: {}",
                    path.display()
                ));
            }
        }
    }

    /// Offers to restore a recovery file left by a session that did not end cleanly.
    fn offer_recovery(&mut self) {
        let Some(recovery) = self.recovery_path().filter(|p| p.is_file()) else {
            return;
        };
        let newer = match &self.session.path {
            Some(path) => std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .zip(std::fs::metadata(&recovery).and_then(|m| m.modified()).ok())
                .is_none_or(|(project, kept)| kept >= project),
            None => true,
        };
        if !newer {
            // The project was saved after the recovery file was written.
            let _ = std::fs::remove_file(&recovery);
            return;
        }
        let when = std::fs::metadata(&recovery)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .map_or("an earlier session".to_owned(), |age| {
                match age.as_secs() / 60 {
                    0 => "less than a minute ago".to_owned(),
                    1 => "a minute ago".to_owned(),
                    m if m < 120 => format!("{m} minutes ago"),
                    m => format!("{} hours ago", m / 60),
                }
            });
        self.modal = Some(Modal::Recovery { recovery, when });
    }

    fn restore(&mut self, recovery: &Path) {
        match store::load(recovery) {
            Ok(project) => {
                let path = self.session.path.clone();
                self.session = Session::new(project, path, false);
                self.session.stamp = self.session.path.as_deref().and_then(FileStamp::of);
                self.info("Unsaved work restored. Save to keep it.");
            }
            Err(err) => self.error(format!("The recovery file could not be read: {err}")),
        }
    }
}
