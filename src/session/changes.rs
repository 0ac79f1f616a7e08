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
use crate::model::stats::SPEAKER;
use crate::model::{CharRange, DocId, Document, How, Span, SpanId, Status};
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
                let value = Some(value).filter(|v| !v.is_empty());
                let old = self
                    .project
                    .find_span(span)
                    .and_then(|(_, s)| s.attributes.get(&key).cloned());
                if old == value {
                    return Ok(());
                }
                if let Some(value) = &value {
                    self.check_value(span, &key, value)?;
                }
                let edit = self.attribute_edit(span, key, value)?;
                self.edit(edit)
            }
            EditCommand::StepClaimStatus => self.step_claim_status(),
            EditCommand::SetVerdict(index) => self.set_verdict(index),
            EditCommand::SetDesk(desk) => {
                let desk = desk.cleaned();
                if let Some(why) = desk.problems().into_iter().next() {
                    return Err(why);
                }
                if self.project.desk == desk {
                    return Ok(());
                }
                self.edit(Edit::SetDesk {
                    desk: Box::new(desk),
                })
            }
            EditCommand::SpeakerFromSelection(span) => self.speaker_from_selection(span),
            EditCommand::SetMeta(doc, meta) => {
                let meta = meta.cleaned();
                if let Some(why) = meta.problems().into_iter().next() {
                    return Err(why);
                }
                let Some(d) = self.project.document(doc) else {
                    return Err(format!("there is no document {doc}"));
                };
                if d.meta == meta {
                    return Ok(());
                }
                self.edit(Edit::SetMeta {
                    doc,
                    meta: Box::new(meta),
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
            document.meta = article.meta;
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
        let (mut edit, mut report) = import::plan_imported(&self.project, &imported);
        // Spans whose file says nothing of their making were imported, now, by us.
        let made = self.provenance(How::Imported {
            format: imported.format.to_owned(),
        });
        stamp_unknown(&mut edit, &made);
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
                speaker_at: None,
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
            let span = Span::new(id, &label, range).with_provenance(self.provenance(How::Manual));
            let span = match self.project.document(doc) {
                Some(d) => self.with_values(d, span),
                None => span,
            };
            let add = Edit::AddSpan { doc, span };
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
        let matches = ranges.len();
        let made = self.provenance(How::Manual);
        let edits: Vec<Edit> = ranges
            .into_iter()
            .filter(|r| doc.duplicate_of(label, *r, SpanId(0)).is_none())
            .map(|range| Edit::AddSpan {
                doc: doc_id,
                span: self.with_values(
                    doc,
                    Span::new(ids.span(), label, range).with_provenance(made.clone()),
                ),
            })
            .collect();
        let tagged = edits.len();
        let already = matches - tagged;
        let already = if already > 0 {
            format!(" ({already} already were)")
        } else {
            String::new()
        };
        if edits.is_empty() {
            self.notice = Some(format!("No match to tag as {label}{already}"));
            return Ok(());
        }
        self.edit(self.started(edits))?;
        let s = if tagged == 1 { "" } else { "es" };
        self.notice = Some(format!(
            "Tagged {tagged} match{s} as {label}{already}; Ctrl+Z undoes"
        ));
        Ok(())
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

    /// The selected text becomes `span`'s speaker (one undo step); the span is then
    /// selected, so the inspector shows it with its new speaker.
    fn speaker_from_selection(&mut self, span: SpanId) -> Result<(), String> {
        let (Some(doc), Some(range)) = (self.document(), self.selection) else {
            return Err("select the speaker's name in the text first".to_owned());
        };
        let Some(target) = doc.span(span) else {
            return Err(format!("span {span} is not in this document"));
        };
        let name = speaker_name(doc.slice(range).unwrap_or(""));
        if name.is_empty() {
            return Err("the selection holds no name".to_owned());
        }
        let doc = doc.id;
        if target.attributes.get(SPEAKER) != Some(&name) {
            self.edit(Edit::SetAttribute {
                doc,
                span,
                key: SPEAKER.to_owned(),
                value: Some(name),
            })?;
        }
        self.selection = None;
        self.selected_span = Some(span);
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

/// Gives every span `edit` adds without a provenance `made`.
fn stamp_unknown(edit: &mut Edit, made: &crate::model::Provenance) {
    match edit {
        Edit::AddSpan { span, .. } if span.provenance.is_none() => {
            span.provenance = Some(Box::new(made.clone()));
        }
        Edit::Batch(edits) => edits.iter_mut().for_each(|e| stamp_unknown(e, made)),
        _ => {}
    }
}

/// A name as selected in the text: blanks (line breaks too) folded into one space, and
/// the quotation marks, brackets, dashes and punctuation around it dropped
/// (`“Zelensky,”` -> `Zelensky`); marks inside it stay (`Wei Che-chia`, `O’Brien`).
pub(super) fn speaker_name(selected: &str) -> String {
    let folded = selected.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut name = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    while let Some(last) = name.chars().last().filter(|c| !c.is_alphanumeric()) {
        // A bracket closing one opened inside the name stays: `Wei Che-chia (魏哲家)`.
        let opener = match last {
            ')' => Some('('),
            ']' => Some('['),
            _ => None,
        };
        if opener.is_some_and(|open| name.matches(open).count() >= name.matches(last).count()) {
            break;
        }
        name = &name[..name.len() - last.len_utf8()];
    }
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::speaker_name;
    use crate::model::{CharRange, SpanId};
    use crate::session::{EditCommand, Session, SessionCommand, ViewCommand};

    #[test]
    fn a_selected_name_becomes_the_quotes_speaker_in_one_undo_step() {
        let project = crate::fixture::project(
            "p",
            &[(
                "a.txt",
                "“[quote:We will win],” Zelensky said.\n[claim:Other.]",
            )],
        );
        let mut session = Session::new(project, None, true);
        let text = session
            .document()
            .map(|d| d.text().to_owned())
            .unwrap_or_default();
        let at = text.chars().take_while(|c| *c != 'Z').count();
        // The drag took the comma and the closing mark before the name.
        let select = CharRange::new(at - 3, at + "Zelensky".len());
        let run = |s: &mut Session, c: SessionCommand| s.apply(c);
        run(
            &mut session,
            SessionCommand::View(ViewCommand::Select(Some(select))),
        )
        .unwrap();
        let quote = SessionCommand::Edit(EditCommand::SpeakerFromSelection(SpanId(1)));
        run(&mut session, quote.clone()).unwrap();
        let speaker = |s: &Session| {
            s.project()
                .find_span(SpanId(1))
                .and_then(|(_, sp)| sp.attributes.get("speaker").cloned())
        };
        assert_eq!(speaker(&session).as_deref(), Some("Zelensky"));
        assert_eq!(
            (session.selected_span(), session.selection()),
            (Some(SpanId(1)), None)
        );
        assert!(session.is_dirty());
        session.apply(SessionCommand::Undo).unwrap();
        assert_eq!(speaker(&session), None);
        assert!(!session.is_dirty() && !session.history().can_undo());
        // Without a selected name, or for a span of no document shown: a message, no edit.
        assert!(run(&mut session, quote).is_err());
        run(
            &mut session,
            SessionCommand::View(ViewCommand::Select(Some(select))),
        )
        .unwrap();
        let gone = SessionCommand::Edit(EditCommand::SpeakerFromSelection(SpanId(99)));
        assert!(run(&mut session, gone).is_err());
        assert!(!session.history().can_undo());
    }

    #[test]
    fn a_selected_name_loses_blanks_and_marks_around_it() {
        assert_eq!(speaker_name(" «Zelensky», "), "Zelensky");
        assert_eq!(
            speaker_name("Wei Che-chia (魏哲家),"),
            "Wei Che-chia (魏哲家)"
        );
        assert_eq!(speaker_name("(Zelensky)"), "Zelensky");
        assert_eq!(
            speaker_name("Oleksandr\r\n  Kubrakov."),
            "Oleksandr Kubrakov"
        );
        assert_eq!(speaker_name("O’Brien’s"), "O’Brien’s");
        assert_eq!(speaker_name(" — , "), "");
    }
}
