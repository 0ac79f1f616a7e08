//! Autosave and recovery in the window: unsaved work goes every few seconds into this
//! window session's own recovery slot (see [`crate::store::recovery`]), never shared
//! with another window; work that a session left behind is offered when its project
//! (or, for untitled work, the window) opens, whatever its age, said what it holds,
//! and kept until the user restores or discards it.

use super::App;
use super::modal::{Answer, Modal, RecoveryOffer};
use crate::session::{Session, SessionCommand, SuggestionCommand};
use crate::store::recovery::{self, RecoveryInfo, RecoverySlot};
use crate::store::{self, disk};
use std::path::PathBuf;

impl App {
    /// Where recovery slots live: `recovery/` in the user's data folder.
    pub fn recovery_root(&self) -> PathBuf {
        match &self.data_dir {
            Some(dir) => dir.join("recovery"),
            None => std::env::temp_dir().join(format!(
                "spanmark-recovery-{}",
                crate::store::lock::user_name()
            )),
        }
    }

    /// This session's recovery slot, if it has written one.
    pub fn recovery_dir(&self) -> Option<PathBuf> {
        self.recovery.as_ref().map(|s| s.dir().to_path_buf())
    }

    /// Replaces the session (another project, a new one, restored work): what the
    /// slot held belonged to the old one, which the user saved or chose to drop.
    /// Messages about the old one go too.
    /// The labels suggested before are suggested again (a view, not an edit).
    pub(super) fn set_session(&mut self, session: Session) {
        let mut old = std::mem::replace(&mut self.session, session);
        self.session.keep_layers(&mut old);
        self.session.keep_coder(&old);
        self.session.keep_reserved_keys(&old);
        for label in self.prefs.suggested.clone() {
            if self.session.project().labels.contains(&label) {
                let show = SuggestionCommand::Toggle(label);
                // Showing suggestions cannot fail: it changes no project.
                let _ = self.session.apply(SessionCommand::Suggestion(show));
            }
        }
        self.saved_recovery();
        self.resolved(super::Lasts::ThisProject);
    }

    /// The work is saved (or dropped by the user): the slot empties, and the messages
    /// about unsaved work go.
    pub(super) fn saved_recovery(&mut self) {
        self.resolved(super::Lasts::Unsaved);
        if let Some(slot) = &self.recovery {
            slot.clear();
        }
        self.recovered = None;
        self.dirty_since = None;
    }

    /// The window closes with nothing unsaved: the slot goes.
    pub(super) fn end_recovery(&mut self) {
        if let Some(slot) = self.recovery.take() {
            slot.close();
        }
        self.recovered = None;
    }

    /// Writes unsaved work to the recovery slot every few seconds, in a pause of the
    /// user's input (a large project takes a moment to write), or after at most six
    /// intervals even without a pause.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let (now, active) = ctx.input(|i| (i.time, !i.events.is_empty()));
        if active {
            self.last_activity = now;
        }
        let state = self.session.history().state_id();
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
        match self.write_recovery() {
            Ok(()) => {
                self.recovered = Some(state);
                self.dirty_since = None;
            }
            Err(message) => {
                // Try again after another interval rather than every frame; the same
                // message is shown once, with a count.
                self.dirty_since = Some(now);
                self.until_saved(format!("Autosave failed; save your work ({message})"), true);
            }
        }
    }

    fn write_recovery(&mut self) -> Result<(), String> {
        if self.recovery.is_none() {
            let root = self.recovery_root();
            let slot = RecoverySlot::create(&root)
                .map_err(|err| format!("{}: {}", crate::shown::io_error(&err), root.display()))?;
            self.recovery = Some(slot);
        }
        let info = RecoveryInfo {
            project: self.session.path().map(disk::project_target),
            base: self.session.stamp(),
            pid: std::process::id(),
            written: crate::shown::utc(std::time::SystemTime::now()),
            written_ns: None,
        };
        let slot = self.recovery.as_ref().ok_or("no recovery slot")?;
        slot.write(self.session.project(), &info)
            .map_err(|err| err.to_string())
    }

    /// Offers the newest work a finished session left for the open project (or, with
    /// no project file, untitled work). Work the user put off (Later) or that cannot be
    /// read is not offered again in this run, and is kept.
    pub(super) fn offer_recovery(&mut self) {
        if self.modal.is_some() || self.session.is_dirty() {
            return;
        }
        let root = self.recovery_root();
        let found = recovery::find(&root, self.data_dir.as_deref(), self.session.path());
        for found in found {
            if self.recovery_put_off.contains(&found.location) {
                continue;
            }
            let project = match store::load(&found.work) {
                Ok(project) => project,
                Err(err) => {
                    self.recovery_put_off.push(found.location.clone());
                    self.error(format!(
                        "Unsaved work could not be read; it was kept ({err})"
                    ));
                    continue;
                }
            };
            let on_disk = self
                .session
                .path()
                .is_some()
                .then_some(self.session.project());
            let holds = recovery::describe_changes(&project, on_disk);
            let when = when(found.written);
            self.modal = Some(Modal::Recovery(Box::new(RecoveryOffer {
                found,
                project,
                when,
                holds,
            })));
            return;
        }
    }

    pub(super) fn recovery_answer(&mut self, offer: RecoveryOffer, answer: Answer) {
        match answer {
            Answer::Restore => self.restore(offer),
            Answer::Discard => {
                offer.found.remove();
                self.offer_recovery();
            }
            _ => {
                self.recovery_put_off.push(offer.found.location);
                self.offer_recovery();
            }
        }
    }

    /// Takes the work into the window, unsaved, as a session on the file it came from
    /// (as that session had read it, so saving over a file changed since asks first).
    /// It is written to this window's own slot before the old one is removed.
    fn restore(&mut self, offer: RecoveryOffer) {
        let RecoveryOffer { found, project, .. } = offer;
        let path = self.session.path().map(std::path::Path::to_path_buf);
        let mut session = Session::new(project, path, false);
        session.set_stamp(found.info.base);
        session.set_lock(self.session.take_lock());
        session.set_read_only(self.session.read_only().cloned());
        self.set_session(session);
        match self.write_recovery() {
            Ok(()) => {
                self.recovered = Some(self.session.history().state_id());
                found.remove();
            }
            // The old file stays until this work is safe elsewhere.
            Err(message) => {
                self.until_saved(format!("Autosave failed; save your work ({message})"), true)
            }
        }
        self.until_saved("Unsaved work restored. Save to keep it.", false);
    }
}

/// "5 minutes ago", for the recovery prompt.
fn when(written: Option<std::time::SystemTime>) -> String {
    let Some(age) = written.and_then(|t| t.elapsed().ok()) else {
        return "an earlier session".to_owned();
    };
    match age.as_secs() / 60 {
        0 => "less than a minute ago".to_owned(),
        1 => "a minute ago".to_owned(),
        m if m < 120 => format!("{m} minutes ago"),
        m if m < 48 * 60 => format!("{} hours ago", m / 60),
        m => format!("{} days ago", m / 60 / 24),
    }
}
