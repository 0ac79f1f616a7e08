//! Selection and navigation: which document is shown, what is selected, where the
//! article scrolls, and what undo and redo show. None of it changes the project.

use super::Session;
use super::command::ViewCommand;
use crate::edit::Edit;
use crate::model::{CharOffset, DocId};

impl Session {
    pub(super) fn view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::ShowDocument(doc) => self.show_document(doc),
            ViewCommand::Select(range) => {
                self.selection = range.filter(|r| !r.is_empty());
                if self.selection.is_some() {
                    self.selected_span = None;
                }
            }
            ViewCommand::SelectSpan(span) => {
                self.selected_span = span;
                self.selection = None;
            }
            ViewCommand::JumpToSpan(span) => {
                if let Some((doc, s)) = self.project.find_span(span) {
                    let (doc, start) = (doc.id, s.range.start);
                    self.show_document(doc);
                    self.selected_span = Some(span);
                    self.scroll_to = Some(start);
                }
            }
            ViewCommand::NextSpan => self.step_span(true),
            ViewCommand::PrevSpan => self.step_span(false),
            ViewCommand::ClearSelection => {
                self.selection = None;
                self.selected_span = None;
            }
            ViewCommand::Reveal(at) => self.scroll_to = Some(at),
            ViewCommand::GoToEdge(end) => {
                let len = self.document().map_or(0, |d| d.len_chars());
                self.scroll_to = Some(CharOffset(if end { len } else { 0 }));
            }
        }
    }

    /// Shows document `doc`. The document shown is saved with the project as a view
    /// setting (`open_document`), not as an edit: it neither marks the project unsaved
    /// nor takes an undo step.
    pub(super) fn show_document(&mut self, doc: DocId) {
        if self.current != Some(doc) && self.project.document(doc).is_some() {
            self.current = Some(doc);
            self.project.open_document = Some(doc);
            self.selection = None;
            self.selected_span = None;
        }
    }

    /// After undo or redo: show the document the edit touched, and its span if any.
    pub(super) fn after_history(&mut self, edit: &Edit) {
        if let Some(doc) = edit
            .document()
            .filter(|d| self.project.document(*d).is_some())
        {
            self.show_document(doc);
        }
        let touched = match edit {
            Edit::AddSpan { span, .. } => Some(span.id),
            Edit::RemoveSpan { span, .. }
            | Edit::Relabel { span, .. }
            | Edit::Resize { span, .. }
            | Edit::SetNote { span, .. }
            | Edit::SetAttribute { span, .. } => Some(*span),
            _ => None,
        };
        // The edit shown is the one that was reverted; the span it names may now be
        // gone (an undone add) or back (an undone delete).
        self.selected_span = touched.filter(|s| self.project.find_span(*s).is_some());
        if let Some((_, s)) = self.selected_span.and_then(|s| self.project.find_span(s)) {
            self.scroll_to = Some(s.range.start);
        }
        if self.selected_span.is_none() && self.selection.is_some_and(|_| touched.is_some()) {
            self.selection = None;
        }
        // An undone import or article addition may have taken the document shown.
        if self.document().is_none()
            && let Some(first) = self.project.documents().first().map(|d| d.id)
        {
            self.show_document(first);
        }
    }

    /// Selects the next or previous span of the current document (after or before the
    /// selected one, in file order) and scrolls to it.
    fn step_span(&mut self, forward: bool) {
        let Some(doc) = self.document() else {
            return;
        };
        let spans = doc.spans();
        if spans.is_empty() {
            return;
        }
        let at = self
            .selected_span
            .and_then(|id| spans.iter().position(|s| s.id == id));
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % spans.len(),
            (Some(i), false) => (i + spans.len() - 1) % spans.len(),
            (None, true) => 0,
            (None, false) => spans.len() - 1,
        };
        let (start, id) = (spans[next].range.start, spans[next].id);
        self.scroll_to = Some(start);
        self.selected_span = Some(id);
        self.selection = None;
    }
}
