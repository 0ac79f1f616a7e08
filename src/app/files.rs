//! The window's file work: start-up, opening projects (taking their lock) and
//! articles, exporting, the answers to the prompts, and running the commands of a
//! frame. Saving is in `saving.rs`, autosave and recovery in `recovery.rs`.

use super::App;
use super::dialogs::{Picked, Purpose};
use super::loading::{Loaded, Locking};
use super::modal::{Answer, Modal};
use crate::article::read_article;
use crate::formats::{self, ExportFormat};
use crate::session::{
    Command, EditCommand, FileCommand, ReadOnly, Session, SessionCommand, ViewCommand,
    WindowCommand,
};
use crate::store::{self, LockFailure, ProjectLock};
use std::path::{Path, PathBuf};

/// The sample project opened the first time (as an untitled copy, so saving it never
/// changes the one in the repository).
fn demo_project_path() -> PathBuf {
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
        if self.session.path().is_none() && self.modal.is_none() && self.loading.is_none() {
            self.offer_recovery();
        }
    }

    fn open_demo(&mut self) {
        match store::load(&demo_project_path()) {
            Ok(project) => self.set_session(Session::new(project, None, true)),
            Err(err) => self.error(format!("The sample project could not be opened: {err}")),
        }
    }

    /// Runs one command of the frame.
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::File(file) => self.run_file(file),
            Command::Window(WindowCommand::Find) => self.find.show(),
            Command::Window(WindowCommand::Toggle(part)) => self.toggle(part),
            Command::Window(WindowCommand::Copy) => {
                if let Some(text) = self.session.selected_text() {
                    ctx.copy_text(text.to_owned());
                }
            }
            Command::Window(WindowCommand::EditFields) => {
                if self.session.selected_span().is_some() {
                    self.panels.show_spans();
                    self.spans.edit_fields();
                }
            }
            Command::Window(WindowCommand::Quit) => {
                if self.guard(&command) {
                    self.closing = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::Session(SessionCommand::View(ViewCommand::ClearSelection))
                if self.find.open && self.session.selection().is_none() =>
            {
                self.find.open = false;
            }
            Command::Session(command) => {
                let history_step = matches!(command, SessionCommand::Undo | SessionCommand::Redo);
                if let SessionCommand::SetCoder(name) = &command {
                    self.prefs.coder = name.as_deref().and_then(crate::session::cleaned_coder);
                }
                if let Err(message) = self.session.apply(command) {
                    self.error(message);
                }
                if let Some(notice) = self.session.take_notice() {
                    self.notice(notice);
                }
                if history_step {
                    self.spans.reset_drafts();
                }
            }
        }
    }

    fn run_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::NewProject => {
                if self.guard(&command.into()) {
                    self.set_session(Session::untitled());
                }
            }
            FileCommand::OpenArticles => self.ask(Purpose::OpenArticles),
            FileCommand::OpenProject => {
                if self.guard(&command.into()) {
                    self.ask(Purpose::OpenProject);
                }
            }
            FileCommand::OpenPath(ref path) => {
                if self.guard(&command.clone().into()) {
                    self.open_project(&path.clone());
                }
            }
            FileCommand::OpenPaths(ref paths) => {
                if !paths.iter().any(|p| is_project(p)) || self.guard(&command.clone().into()) {
                    self.open_paths(paths.clone());
                }
            }
            FileCommand::Save => match self.session.path().map(Path::to_path_buf) {
                Some(path) => self.save_to(&path, super::saving::How::Checked),
                None => self.ask(Purpose::SaveProject),
            },
            FileCommand::AddLayers => self.ask(Purpose::AddLayers),
            FileCommand::AddLayerPaths(paths) => self.add_layer_paths(&paths),
            FileCommand::SaveAs => self.ask(Purpose::SaveProject),
            FileCommand::Export(format) => self.ask(Purpose::Export(format)),
            FileCommand::ExportDesk(export) => self.ask(Purpose::ExportDesk(export)),
            FileCommand::Import(format) => self.ask(Purpose::Import(format)),
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
                self.run(ctx, FileCommand::Save.into());
            }
            (Modal::Unsaved { then, .. }, Answer::Discard) => {
                if then == Command::Window(WindowCommand::Quit) {
                    self.end_recovery();
                }
                self.discard_ok = true;
                self.run(ctx, then);
            }
            (Modal::PathField { purpose, .. }, Answer::Paths(paths)) => self.picked(purpose, paths),
            (Modal::Recovery(offer), answer) => self.recovery_answer(*offer, answer),
            (Modal::ChangedOnDisk { path }, Answer::Overwrite) => {
                self.save_to(&path, super::saving::How::KeepTheirs)
            }
            (Modal::ChangedOnDisk { path }, Answer::Reload) => {
                self.after_save = None;
                self.discard_ok = true;
                self.run(ctx, FileCommand::OpenPath(path).into());
            }
            (Modal::Gone { path }, Answer::SaveHere) => {
                self.save_to(&path, super::saving::How::Anyway)
            }
            (
                Modal::ChangedOnDisk { .. } | Modal::Gone { .. } | Modal::ReadOnly { .. },
                Answer::SaveAs,
            ) => self.ask(Purpose::SaveProject),
            _ => self.after_save = None,
        }
    }

    pub(super) fn ask(&mut self, purpose: Purpose) {
        let suggested = match purpose {
            Purpose::SaveProject => format!("{}.ron", self.session.project().name),
            Purpose::Export(format) if format.is_folder() => self.session.project().name.clone(),
            Purpose::Export(format) => {
                format!("{}.{}", self.session.project().name, format.extension())
            }
            Purpose::ExportDesk(export) => export.suggested_name(&self.session.project().name),
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
            // A project among them opens as a project (asking about unsaved work
            // first), never as an article of RON text.
            Purpose::OpenArticles => self.run_file(FileCommand::OpenPaths(paths)),
            Purpose::OpenProject => {
                if let Some(path) = paths.first() {
                    self.open_project(path);
                }
            }
            Purpose::AddLayers => self.add_layer_paths(&paths),
            Purpose::SaveProject => {
                if let Some(path) = paths.first() {
                    let mut path = path.clone();
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    self.save_to(&path, super::saving::How::Checked);
                }
            }
            Purpose::Export(format) => {
                if let Some(path) = paths.first() {
                    self.export_to(format, path);
                }
            }
            Purpose::ExportDesk(export) => {
                if let Some(path) = paths.first() {
                    self.export_desk_to(export, path);
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
        let locking = self.lock_for(path);
        let paths = [path.to_path_buf()];
        if super::loading::is_large(&paths, self.background_bytes) {
            self.loading = Some(super::loading::Loading::project(
                path.to_path_buf(),
                locking,
                self.load_throttle,
            ));
            return;
        }
        let loaded = store::load_stamped(path)
            .map(Box::new)
            .map_err(|err| err.to_string());
        self.loaded(Loaded::Project(path.to_path_buf(), loaded, locking));
    }

    /// The lock of the project at `path` for this window: the one the open session
    /// holds when it is the same file, else taken now; or why the window may not save.
    pub(super) fn lock_for(&mut self, path: &Path) -> Locking {
        let target = store::disk::project_target(path);
        if self.session.lock().is_some_and(|l| l.target() == target)
            && let Some(lock) = self.session.take_lock()
        {
            return Ok(lock);
        }
        match ProjectLock::try_acquire(path, "spanmark window") {
            Ok(lock) => Ok(lock),
            Err(LockFailure::Held(holder)) => Err(ReadOnly::Locked(holder)),
            // No lock can be made (a read-only folder): the file cannot be saved either.
            Err(LockFailure::Io(err)) => Err(ReadOnly::Folder(crate::shown::io_error(&err))),
        }
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
            Loaded::Project(path, Ok(read), locking) => {
                let (project, stamp) = *read;
                let mut session = Session::new(project, Some(path.clone()), true);
                session.set_stamp(Some(stamp));
                match locking {
                    Ok(lock) => session.set_lock(Some(lock)),
                    Err(why) => session.set_read_only(Some(why)),
                }
                if session.read_only().is_none() && store::disk::is_read_only(&path) {
                    session.set_read_only(Some(ReadOnly::File));
                }
                let read_only = session.read_only().map(ReadOnly::reason);
                let findings = crate::model::check::findings(session.project());
                self.set_session(session);
                if let Some(first) = findings.first() {
                    self.info(format!(
                        "{} fit the project's labels and were kept as they are (first: {first}); spanmark validate lists them: {}",
                        crate::model::check::count_phrase(findings.len()),
                        path.display()
                    ));
                }
                if let Some(why) = read_only {
                    self.info(format!(
                        "Opened read-only: {why}. Save your changes under another name (Save as): {}",
                        path.display()
                    ));
                }
                self.prefs.remember(&path);
                self.offer_recovery();
            }
            Loaded::Project(_, Err(message), locking) => {
                // The open project stays; so does its lock, if opening took it over.
                if let Ok(lock) = locking
                    && self.session.path().map(store::disk::project_target)
                        == Some(lock.target().to_path_buf())
                {
                    self.session.set_lock(Some(lock));
                }
                self.error(message);
            }
            Loaded::Import(path, imported) => self.imported(&path, imported),
            Loaded::Articles(read) => {
                let mut good = Vec::new();
                for (path, article) in read {
                    match article {
                        Ok(article) => good.push((path, article)),
                        Err(message) => self.error(message),
                    }
                }
                if !good.is_empty()
                    && let Err(message) = self
                        .session
                        .apply(SessionCommand::Edit(EditCommand::AddArticles(good)))
                {
                    self.error(message);
                }
            }
        }
    }

    fn export_to(&mut self, format: ExportFormat, path: &Path) {
        match formats::write_export(self.session.project(), format, path) {
            Ok(written) => {
                let folder = if format.is_folder() {
                    " as brat files"
                } else {
                    ""
                };
                let relations = match written.relations {
                    0 => String::new(),
                    1 => " and 1 relation".to_owned(),
                    n => format!(" and {n} relations"),
                };
                self.info(format!(
                    "Exported {} spans{relations} of {} documents{folder}: {}",
                    written.spans,
                    written.documents,
                    path.display()
                ));
                for note in written.notes {
                    self.info(note);
                }
            }
            Err(err) => self.error(err.to_string()),
        }
    }
}
