//! The edits a user makes: tagging, relabelling, resizing, notes, attributes,
//! statuses, adding articles and importing another tool's annotations. Each is one
//! undo step through the session's one door; the command line adds articles and
//! imports through the same methods.

use super::Session;
use super::command::{Boundary, EditCommand};
use super::outcome::AddedArticles;
use crate::article::Article;
use crate::edit::Edit;
use crate::formats::import::{self, ImportReport, Imported};
use crate::model::segment::{step_grapheme, step_word};
use crate::model::{CharRange, DocId, Document, Span, SpanId, Status};
use crate::suggest::{CONFIDENT, Suggestion};
use std::collections::HashSet;
use std::path::PathBuf;

impl Session {
    pub(super) fn change(&mut self, command: EditCommand) -> Result<(), String> {
        match command {
            EditCommand::Tag(label) => self.tag(label),
            EditCommand::TagAll { label, ranges } => self.tag_all(&label, ranges),
            EditCommand::DeleteSelectedSpan => match self.selected_span {
                Some(span) => self.delete(span),
                None => Ok(()),
            },
            EditCommand::DeleteSpan(span) => self.delete(span),
            EditCommand::Relabel(span, label) => {
                let doc = self.doc_of(span)?;
                self.edit(Edit::Relabel { doc, span, label })
            }
            EditCommand::SetNote(span, note) => {
                let doc = self.doc_of(span)?;
                let note = Some(note).filter(|n| !n.is_empty());
                if self.project.find_span(span).map(|(_, s)| s.note.clone()) == Some(note.clone()) {
                    return Ok(());
                }
                self.edit(Edit::SetNote { doc, span, note })
            }
            EditCommand::SetAttribute(span, key, value) => {
                let doc = self.doc_of(span)?;
                let value = Some(value).filter(|v| !v.is_empty());
                let old = self
                    .project
                    .find_span(span)
                    .and_then(|(_, s)| s.attributes.get(&key).cloned());
                if old == value {
                    return Ok(());
                }
                self.edit(Edit::SetAttribute {
                    doc,
                    span,
                    key,
                    value,
                })
            }
            EditCommand::MoveBoundary(boundary) => self.move_boundary(boundary),
            EditCommand::SetStatus(doc, status) => {
                if self.project.document(doc).map(|d| d.status) == Some(status) {
                    return Ok(());
                }
                self.edit(Edit::SetStatus { doc, status })
            }
            EditCommand::ToggleDone => {
                let Some(doc) = self.document() else {
                    return Ok(());
                };
                let status = match doc.status {
                    Status::Done => Status::InProgress,
                    Status::New | Status::InProgress => Status::Done,
                };
                let doc = doc.id;
                self.edit(Edit::SetStatus { doc, status })
            }
            EditCommand::AddArticles(articles) => {
                let added = self.add_articles(articles)?;
                if added.skipped.is_empty() {
                    return Ok(());
                }
                let skipped: Vec<String> = added
                    .skipped
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                Err(format!(
                    "already in the project (same text), not added again: {}",
                    skipped.join(", ")
                ))
            }
        }
    }

    /// Adds read articles as documents, in one undo step, and shows the first added.
    /// An article whose text the project already has is skipped (and named).
    pub fn add_articles(
        &mut self,
        articles: Vec<(PathBuf, Article)>,
    ) -> Result<AddedArticles, String> {
        let mut ids = self.project.fresh_ids();
        let mut edits = Vec::new();
        let mut first = None;
        let mut skipped = Vec::new();
        let mut seen = HashSet::new();
        for (path, article) in articles {
            let mut document =
                Document::new(DocId(0), &article.name, article.text, &article.encoding);
            if self.project.document_by_sha256(document.sha256()).is_some()
                || !seen.insert(document.sha256().to_owned())
            {
                skipped.push(path);
                continue;
            }
            document.id = ids.doc();
            document.source = Some(crate::article::source_path(self.path.as_deref(), &path));
            first.get_or_insert(document.id);
            edits.push(Edit::AddDocument {
                index: usize::MAX,
                document: Box::new(document),
            });
        }
        let added = edits.len();
        if added > 0 {
            self.edit(Edit::Batch(edits))?;
        }
        if let Some(doc) = first {
            self.show_document(doc);
        }
        Ok(AddedArticles { added, skipped })
    }

    /// Merges what was read from another tool's file as one undo step, and offers its
    /// predictions as suggestions. A file of which no span can be used changes
    /// nothing. The report names the predictions that could not be offered.
    pub fn import(&mut self, imported: Imported) -> Result<ImportReport, String> {
        let (edit, mut report) = import::plan_imported(&self.project, &imported);
        let changes = !matches!(&edit, Edit::Batch(edits) if edits.is_empty());
        if changes && !report.nothing_usable() {
            self.edit(edit)?;
        }
        if self.document().is_none() {
            self.current = self.project.documents().first().map(|d| d.id);
        }
        for p in imported.predictions {
            let known_text = self.project.document_by_sha256(&p.sha256).is_some();
            if !known_text || !self.project.labels.contains(&p.label) {
                let at = format!(
                    "a {} prediction at {}",
                    crate::shown::quoted(&p.label),
                    p.range
                );
                report
                    .found
                    .remark(&at, "has no document or label here; not offered");
                continue;
            }
            let suggestion = Suggestion {
                label: p.label,
                range: p.range,
                attributes: Default::default(),
                // A prediction without a score is the model's answer.
                confidence: p.score.unwrap_or(CONFIDENT),
                rule: "imported prediction",
            };
            self.suggestions.add_imported(&p.sha256, suggestion);
        }
        self.refresh_suggestions();
        Ok(report)
    }

    fn tag(&mut self, label: String) -> Result<(), String> {
        let Some(doc) = self.current else {
            return Ok(());
        };
        if let Some(range) = self.selection {
            let id = self.project.fresh_ids().span();
            let add = Edit::AddSpan {
                doc,
                span: Span::new(id, &label, range),
            };
            self.edit(self.started(vec![add]))?;
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
        let mut ids = self.project.fresh_ids();
        let edits: Vec<Edit> = ranges
            .into_iter()
            .filter(|r| doc.duplicate_of(label, *r, SpanId(0)).is_none())
            .map(|range| Edit::AddSpan {
                doc: doc_id,
                span: Span::new(ids.span(), label, range),
            })
            .collect();
        if edits.is_empty() {
            return Ok(());
        }
        self.edit(self.started(edits))
    }

    /// `edits` (spans the user adds), with the documents they go to moved from new to
    /// in progress in the same undo step: a document's first span starts its work.
    pub(super) fn started(&self, mut edits: Vec<Edit>) -> Edit {
        let mut new_docs: Vec<DocId> = edits
            .iter()
            .filter_map(|e| match e {
                Edit::AddSpan { doc, .. } => Some(*doc),
                _ => None,
            })
            .filter(|d| {
                self.project
                    .document(*d)
                    .is_some_and(|d| d.status == Status::New)
            })
            .collect();
        new_docs.sort_unstable();
        new_docs.dedup();
        edits.extend(new_docs.into_iter().map(|doc| Edit::SetStatus {
            doc,
            status: Status::InProgress,
        }));
        match <[Edit; 1]>::try_from(edits) {
            Ok([one]) => one,
            Err(edits) => Edit::Batch(edits),
        }
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
}
