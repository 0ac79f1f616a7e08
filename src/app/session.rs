//! The open project and what the user is doing with it: the current document, the text
//! selection, the selected span, the undo history and the file it belongs to.
//! [`Session::apply`] is the one place where the window changes a project: every edit
//! goes through the [`History`] as one undo step.

use super::command::{Boundary, Command};
use crate::article::Article;
use crate::edit::{Edit, History};
use crate::model::segment::{step_grapheme, step_word};
use crate::model::{CharOffset, CharRange, DocId, Document, Project, Span, SpanId};
use crate::store::{self, FileStamp, ProjectLock};
use std::path::PathBuf;

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
    pub project: Project,
    /// The project file, `None` for an untitled project.
    pub path: Option<PathBuf>,
    pub history: History,
    /// The project file as this session last read or wrote it, to notice another
    /// program changing it.
    pub stamp: Option<FileStamp>,
    /// The project's lock, held while this session may save to its file.
    pub lock: Option<ProjectLock>,
    /// Why the session may not save to its file, if it may not.
    pub read_only: Option<ReadOnly>,
    pub current: Option<DocId>,
    /// The text selected in the current document, not yet a span.
    pub selection: Option<CharRange>,
    pub selected_span: Option<SpanId>,
    /// A position the article view should scroll to (taken by the view).
    pub scroll_to: Option<CharOffset>,
    /// Suggestions shown for the current document.
    pub suggestions: super::suggestions::Suggestions,
}

impl Session {
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
        }
    }

    pub fn untitled() -> Self {
        Self::new(Project::new("Untitled"), None, true)
    }

    pub fn document(&self) -> Option<&Document> {
        self.project.document(self.current?)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The name for the title bar and prompts.
    pub fn display_name(&self) -> String {
        self.project.name.clone()
    }

    fn edit(&mut self, edit: Edit) -> Result<(), String> {
        self.history
            .apply(&mut self.project, edit)
            .map_err(|err| err.to_string())
    }

    /// Runs a selection, navigation or edit command. File commands are the app's.
    /// Errors come back as a message for the user; the project is then unchanged.
    pub fn apply(&mut self, command: Command) -> Result<(), String> {
        match command {
            Command::ShowDocument(doc) => self.show_document(doc),
            Command::Select(range) => {
                self.selection = range.filter(|r| !r.is_empty());
                if self.selection.is_some() {
                    self.selected_span = None;
                }
            }
            Command::SelectSpan(span) => {
                self.selected_span = span;
                self.selection = None;
            }
            Command::JumpToSpan(span) => {
                if let Some((doc, s)) = self.project.find_span(span) {
                    let (doc, start) = (doc.id, s.range.start);
                    self.show_document(doc);
                    self.selected_span = Some(span);
                    self.scroll_to = Some(start);
                }
            }
            Command::Reveal(at) => self.scroll_to = Some(at),
            Command::ToggleSuggestions(label) => self.toggle_suggestions(label),
            Command::SelectSuggestion(s) => self.suggestions.selected = s,
            Command::NextSuggestion(forward) => self.step_suggestion(forward),
            Command::AcceptSuggestion(label, range) => self.accept_suggestion(&label, range)?,
            Command::RejectSuggestion(label, range) => self.reject_suggestion(&label, range)?,
            Command::AcceptSelectedSuggestion => {
                if let Some((label, range)) = self.suggestions.selected.clone() {
                    self.accept_suggestion(&label, range)?;
                }
            }
            Command::RejectSelectedSuggestion => {
                if let Some((label, range)) = self.suggestions.selected.clone() {
                    self.reject_suggestion(&label, range)?;
                }
            }
            Command::AcceptAllSuggestions(label) => self.accept_all(&label)?,
            Command::ClearSuggestions => {
                self.suggestions.labels.clear();
                self.suggestions.clear_imported();
                self.refresh_suggestions();
            }
            Command::GoToEdge(end) => {
                let len = self.document().map_or(0, |d| d.len_chars());
                self.scroll_to = Some(CharOffset(if end { len } else { 0 }));
            }
            Command::AddArticles(articles) => self.add_articles(articles)?,
            Command::NextSpan => self.step_span(true),
            Command::PrevSpan => self.step_span(false),
            Command::ClearSelection => {
                self.selection = None;
                self.selected_span = None;
            }
            Command::Tag(label) => self.tag(label)?,
            Command::TagAll { label, ranges } => self.tag_all(&label, ranges)?,
            Command::DeleteSelectedSpan => {
                if let Some(span) = self.selected_span {
                    self.delete(span)?;
                }
            }
            Command::DeleteSpan(span) => self.delete(span)?,
            Command::Relabel(span, label) => {
                let doc = self.doc_of(span)?;
                self.edit(Edit::Relabel { doc, span, label })?;
            }
            Command::SetNote(span, note) => {
                let doc = self.doc_of(span)?;
                let note = Some(note).filter(|n| !n.is_empty());
                if self.project.find_span(span).map(|(_, s)| s.note.clone()) != Some(note.clone()) {
                    self.edit(Edit::SetNote { doc, span, note })?;
                }
            }
            Command::SetAttribute(span, key, value) => {
                let doc = self.doc_of(span)?;
                let value = Some(value).filter(|v| !v.is_empty());
                let old = self
                    .project
                    .find_span(span)
                    .and_then(|(_, s)| s.attributes.get(&key).cloned());
                if old != value {
                    self.edit(Edit::SetAttribute {
                        doc,
                        span,
                        key,
                        value,
                    })?;
                }
            }
            Command::MoveBoundary(boundary) => self.move_boundary(boundary)?,
            Command::SetStatus(doc, status)
                if self.project.document(doc).map(|d| d.status) != Some(status) =>
            {
                self.edit(Edit::SetStatus { doc, status })?;
            }
            Command::Undo => {
                if let Some(edit) = self
                    .history
                    .undo(&mut self.project)
                    .map_err(|e| e.to_string())?
                {
                    self.after_history(&edit);
                }
            }
            Command::Redo => {
                if let Some(edit) = self
                    .history
                    .redo(&mut self.project)
                    .map_err(|e| e.to_string())?
                {
                    self.after_history(&edit);
                }
            }
            // File commands and Find are handled by the app.
            _ => {}
        }
        Ok(())
    }

    fn show_document(&mut self, doc: DocId) {
        if self.current != Some(doc) && self.project.document(doc).is_some() {
            self.current = Some(doc);
            self.project.open_document = Some(doc);
            self.selection = None;
            self.selected_span = None;
        }
    }

    fn doc_of(&self, span: SpanId) -> Result<DocId, String> {
        self.project
            .find_span(span)
            .map(|(d, _)| d.id)
            .ok_or_else(|| format!("span {span} no longer exists"))
    }

    /// After undo or redo: show the document the edit touched, and its span if any.
    fn after_history(&mut self, edit: &Edit) {
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
    }

    fn add_articles(&mut self, articles: Vec<(PathBuf, Article)>) -> Result<(), String> {
        let mut edits = Vec::new();
        let mut first = None;
        let mut skipped = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (path, article) in articles {
            let mut document =
                Document::new(DocId(0), &article.name, article.text, &article.encoding);
            if self.project.document_by_sha256(document.sha256()).is_some()
                || !seen.insert(document.sha256().to_owned())
            {
                skipped.push(path.display().to_string());
                continue;
            }
            document.id = self.project.allocate_doc_id();
            document.source = Some(crate::article::source_path(self.path.as_deref(), &path));
            first.get_or_insert(document.id);
            edits.push(Edit::AddDocument {
                index: usize::MAX,
                document: Box::new(document),
            });
        }
        if !edits.is_empty() {
            self.edit(Edit::Batch(edits))?;
        }
        if let Some(doc) = first {
            self.show_document(doc);
        }
        if skipped.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "already in the project (same text), not added again: {}",
                skipped.join(", ")
            ))
        }
    }

    fn tag(&mut self, label: String) -> Result<(), String> {
        let Some(doc) = self.current else {
            return Ok(());
        };
        if let Some(range) = self.selection {
            let id = self.project.allocate_span_id();
            self.edit(Edit::AddSpan {
                doc,
                span: Span::new(id, &label, range),
            })?;
            self.selection = None;
            self.selected_span = Some(id);
        } else if let Some(span) = self.selected_span {
            let same = self
                .project
                .find_span(span)
                .is_some_and(|(_, s)| s.label == label);
            if !same {
                let doc = self.doc_of(span)?;
                self.edit(Edit::Relabel { doc, span, label })?;
            }
        }
        Ok(())
    }

    fn tag_all(&mut self, label: &str, ranges: Vec<CharRange>) -> Result<(), String> {
        let Some(doc) = self.document() else {
            return Ok(());
        };
        let doc_id = doc.id;
        let fresh: Vec<CharRange> = ranges
            .into_iter()
            .filter(|r| doc.duplicate_of(label, *r, SpanId(0)).is_none())
            .collect();
        let edits: Vec<Edit> = fresh
            .into_iter()
            .map(|range| Edit::AddSpan {
                doc: doc_id,
                span: Span::new(self.project.allocate_span_id(), label, range),
            })
            .collect();
        if !edits.is_empty() {
            self.edit(Edit::Batch(edits))?;
        }
        Ok(())
    }

    fn delete(&mut self, span: SpanId) -> Result<(), String> {
        let doc = self.doc_of(span)?;
        self.edit(Edit::RemoveSpan { doc, span })?;
        if self.selected_span == Some(span) {
            self.selected_span = None;
        }
        Ok(())
    }

    fn move_boundary(&mut self, b: Boundary) -> Result<(), String> {
        let Some(span) = self.selected_span else {
            return Ok(());
        };
        let Some((doc, s)) = self.project.find_span(span) else {
            return Ok(());
        };
        let (text, index) = (doc.text(), doc.offsets());
        let at = if b.end { s.range.end } else { s.range.start };
        let moved = if b.word {
            step_word(text, index, at, b.forward)
        } else {
            step_grapheme(text, index, at, b.forward)
        };
        let range = if b.end {
            CharRange {
                start: s.range.start,
                end: moved,
            }
        } else {
            CharRange {
                start: moved,
                end: s.range.end,
            }
        };
        if range == s.range || range.is_empty() {
            return Ok(());
        }
        let doc = doc.id;
        self.edit(Edit::Resize { doc, span, range })
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
