//! The session: the open project and what the user is doing with it — the current
//! document, the text selection, the selected span, the suggestions shown, the undo
//! history, and the file the project belongs to (its stamp, its lock, whether it may
//! be saved). It sits below the window's panels: they read it (`&Session`) and emit
//! [`Command`]s; [`Session::apply`] runs them.
//!
//! One door: every change to what is saved goes through the private `Session::edit`,
//! the only caller of [`History::apply`], as one undoable step that marks the project
//! unsaved. Views (selection, scrolling, the document shown) are never edits. The
//! command line changes projects through a session too, so adding articles, importing
//! and accepting suggestions are written once.

mod adjudicating;
mod changes;
mod claims;
mod coder;
pub mod command;
mod conflicts;
pub mod labels;
mod layer_links;
pub mod layers;
mod navigate;
mod outcome;
pub mod relations;
mod suggesting;
pub mod suggestions;
mod values;

pub use coder::{cleaned_coder, default_coder};
pub use command::{
    AdjudicateCommand, Boundary, Command, ConflictCommand, EditCommand, FileCommand, LabelCommand,
    SessionCommand, SuggestionCommand, ViewCommand, WindowCommand, WindowPart,
};
pub use outcome::{Accepted, AddedArticles};
pub use relations::RelationCommand;

use crate::edit::{Edit, History};
use crate::model::{CharOffset, CharRange, DocId, Document, Project, SpanId};
use crate::store::{self, FileStamp, ProjectLock};
use std::path::{Path, PathBuf};

/// Why the open project cannot be saved to its own file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another window or command holds the project's lock.
    Locked(Option<store::Holder>),
    /// The file itself is marked read-only.
    File,
    /// No lock file can be made beside it (a read-only folder or medium).
    Folder(String),
}

impl ReadOnly {
    /// Why, in a sentence for the window.
    pub fn reason(&self) -> String {
        match self {
            ReadOnly::Locked(Some(holder)) => format!("it is open in {holder}"),
            ReadOnly::Locked(None) => "another spanmark has it open".to_owned(),
            ReadOnly::File => "the file is read-only".to_owned(),
            ReadOnly::Folder(why) => format!("its folder cannot be written ({why})"),
        }
    }
}

pub struct Session {
    project: Project,
    /// The project file, `None` for an untitled project.
    path: Option<PathBuf>,
    history: History,
    /// The project file as this session last read or wrote it, to notice another
    /// program changing it.
    stamp: Option<FileStamp>,
    /// The project's lock, held while this session may save to its file.
    lock: Option<ProjectLock>,
    /// Why the session may not save to its file, if it may not.
    read_only: Option<ReadOnly>,
    current: Option<DocId>,
    /// The text selected in the current document, not yet a span.
    selection: Option<CharRange>,
    selected_span: Option<SpanId>,
    /// A position the article view should scroll to (taken by the window).
    scroll_to: Option<CharOffset>,
    /// Suggestions shown for the current document.
    suggestions: suggestions::Suggestions,
    /// A short confirmation of what the last command did (a bulk edit, an undo),
    /// taken by the window.
    notice: Option<String>,
    /// Coders' files shown as read-only layers, and what they disagree on.
    layers: layers::Layers,
    /// Who makes spans here, and the clock that says when.
    stamper: coder::Stamper,
    /// Letters the window's command table takes, which no label may have as its key:
    /// (letter, what the key does).
    reserved_keys: Vec<(char, String)>,
    /// The span a linking gesture started from (R pressed on it), until the other end
    /// is picked.
    linking_from: Option<SpanId>,
}

impl Session {
    /// A session on `project`, read from `path` (or untitled); `saved` says whether
    /// the project matches that file.
    pub fn new(project: Project, path: Option<PathBuf>, saved: bool) -> Self {
        let current = project
            .open_document
            .or_else(|| project.documents().first().map(|d| d.id));
        let stamp = path.as_deref().and_then(FileStamp::of);
        Self {
            project,
            path,
            history: if saved {
                History::new_saved()
            } else {
                History::new_unsaved()
            },
            stamp,
            lock: None,
            read_only: None,
            current,
            selection: None,
            selected_span: None,
            scroll_to: None,
            suggestions: Default::default(),
            notice: None,
            layers: Default::default(),
            stamper: Default::default(),
            reserved_keys: Vec::new(),
            linking_from: None,
        }
    }

    pub fn untitled() -> Self {
        Self::new(Project::new("Untitled"), None, true)
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn current(&self) -> Option<DocId> {
        self.current
    }

    pub fn document(&self) -> Option<&Document> {
        self.project.document(self.current?)
    }

    pub fn selection(&self) -> Option<CharRange> {
        self.selection
    }

    pub fn selected_span(&self) -> Option<SpanId> {
        self.selected_span
    }

    /// The selected text, or else the selected span's text.
    pub fn selected_text(&self) -> Option<&str> {
        let doc = self.document()?;
        match (self.selection, self.selected_span) {
            (Some(range), _) => doc.slice(range),
            (None, Some(span)) => doc.slice(doc.span(span)?.range),
            (None, None) => None,
        }
    }

    pub fn suggestions(&self) -> &suggestions::Suggestions {
        &self.suggestions
    }

    /// A confirmation of what the last command did, once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// The position the article should scroll to, once.
    pub fn take_scroll_to(&mut self) -> Option<CharOffset> {
        self.scroll_to.take()
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The name for the title bar and prompts.
    pub fn display_name(&self) -> String {
        self.project.name.clone()
    }

    // The file the project belongs to: bookkeeping of the app's saving, never an edit.

    pub fn stamp(&self) -> Option<FileStamp> {
        self.stamp
    }

    pub fn set_stamp(&mut self, stamp: Option<FileStamp>) {
        self.stamp = stamp;
    }

    pub fn lock(&self) -> Option<&ProjectLock> {
        self.lock.as_ref()
    }

    pub fn take_lock(&mut self) -> Option<ProjectLock> {
        self.lock.take()
    }

    pub fn set_lock(&mut self, lock: Option<ProjectLock>) {
        self.lock = lock;
    }

    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn set_read_only(&mut self, why: Option<ReadOnly>) {
        self.read_only = why;
    }

    /// The project as it is now was written to `path`, which this session now holds.
    pub fn saved_to(&mut self, path: &Path, stamp: FileStamp, lock: Option<ProjectLock>) {
        self.path = Some(path.to_path_buf());
        self.stamp = Some(stamp);
        if lock.is_some() {
            self.lock = lock;
        }
        self.read_only = None;
        self.history.mark_saved();
    }

    /// The one door: applies `edit` as one undo step (which marks the project
    /// unsaved). Errors come back as a message; the project is then unchanged.
    fn edit(&mut self, edit: Edit) -> Result<(), String> {
        self.history
            .apply(&mut self.project, edit)
            .map_err(|err| err.to_string())
    }

    /// Runs a command of the session. Errors come back as a message for the user; the
    /// project is then unchanged.
    pub fn apply(&mut self, command: SessionCommand) -> Result<(), String> {
        // A link half made does not survive another document, an undo or a redo.
        if matches!(
            command,
            SessionCommand::View(ViewCommand::ShowDocument(_))
                | SessionCommand::Undo
                | SessionCommand::Redo
        ) {
            self.linking_from = None;
        }
        match command {
            SessionCommand::View(view) => {
                self.view(view);
                Ok(())
            }
            SessionCommand::Suggestion(suggestion) => self.suggestion(suggestion),
            SessionCommand::Edit(edit) => self.change(edit),
            SessionCommand::SetCoder(name) => {
                self.set_coder(name.as_deref());
                self.notice = Some(format!("Spans you make now record {}", self.coder()));
                Ok(())
            }
            SessionCommand::Adjudicate(command) => self.adjudicate(command),
            SessionCommand::Conflict(command) => self.settle(command),
            SessionCommand::Label(command) => self.change_labels(command),
            SessionCommand::Relation(command) => self.change_relations(command),
            SessionCommand::Undo => {
                let edit = self
                    .history
                    .undo(&mut self.project)
                    .map_err(|e| e.to_string())?;
                match edit {
                    Some(edit) => {
                        self.notice = Some(format!("Undone: {}; Ctrl+Y redoes", edit.summary()));
                        self.after_history(&edit);
                    }
                    None => self.notice = Some("Nothing to undo".to_owned()),
                }
                Ok(())
            }
            SessionCommand::Redo => {
                let edit = self
                    .history
                    .redo(&mut self.project)
                    .map_err(|e| e.to_string())?;
                match edit {
                    Some(edit) => {
                        self.notice = Some(format!("Redone: {}", edit.summary()));
                        self.after_history(&edit);
                    }
                    None => self.notice = Some("Nothing to redo".to_owned()),
                }
                Ok(())
            }
        }
    }

    fn doc_of(&self, span: SpanId) -> Result<DocId, String> {
        self.project
            .find_span(span)
            .map(|(d, _)| d.id)
            .ok_or_else(|| format!("span {span} no longer exists"))
    }
}

#[cfg(test)]
mod tests;
