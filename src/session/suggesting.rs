//! Working through suggestions: showing a label's, stepping through them, and
//! accepting or rejecting them as undoable edits. Accepting confident suggestions is
//! one method for the window's "Accept all" and `spanmark suggest --apply`.

use super::Session;
use super::command::SuggestionCommand;
use super::outcome::Accepted;
use crate::edit::Edit;
use crate::model::schema::ATTRIBUTED_TO;
use crate::model::{CharRange, Confidence, DocId, How, Relation, Span, SpanId};
use crate::suggest::{ACCEPT_ALL, Suggestion};

impl Session {
    pub(super) fn suggestion(&mut self, command: SuggestionCommand) -> Result<(), String> {
        match command {
            SuggestionCommand::Toggle(label) => {
                self.suggestions.toggle(label);
                self.refresh_suggestions();
            }
            SuggestionCommand::Step(forward) => self.step_suggestion(forward),
            SuggestionCommand::Accept(label, range) => self.accept_suggestion(&label, range)?,
            SuggestionCommand::AcceptSelected => {
                if let Some((label, range)) = self.suggestions.selected().cloned() {
                    self.accept_suggestion(&label, range)?;
                }
            }
            SuggestionCommand::RejectSelected => {
                if let Some((label, range)) = self.suggestions.selected().cloned() {
                    self.reject_suggestion(&label, range)?;
                }
            }
            SuggestionCommand::AcceptAll(label) => {
                let Some(doc) = self.current else {
                    return Ok(());
                };
                let chosen: Vec<Suggestion> = self
                    .suggestions
                    .list()
                    .iter()
                    .filter(|s| s.label == label)
                    .cloned()
                    .collect();
                let accepted = self.accept_confident(vec![(doc, chosen)])?;
                let s = if accepted.added == 1 { "" } else { "s" };
                self.notice = Some(format!(
                    "Accepted {} {label} suggestion{s}; Ctrl+Z undoes",
                    accepted.added
                ));
            }
            SuggestionCommand::Clear => {
                self.suggestions.clear();
                self.refresh_suggestions();
            }
        }
        Ok(())
    }

    /// Recomputes the current document's suggestions if its spans or the labels shown
    /// changed, and keeps a suggestion selected while any are shown.
    pub fn refresh_suggestions(&mut self) {
        let doc = self.current.and_then(|d| self.project.document(d));
        self.suggestions.refresh(doc, &self.project.labels);
    }

    /// Tags every suggestion of `found` at or above [`ACCEPT_ALL`] (suggestions per document) that is
    /// not tagged already, rejected before, or of a label the project lacks, as one
    /// undo step.
    pub fn accept_confident(
        &mut self,
        found: Vec<(DocId, Vec<Suggestion>)>,
    ) -> Result<Accepted, String> {
        let mut ids = self.project.fresh_ids();
        let mut accepted = Accepted::default();
        let mut edits = Vec::new();
        let mut links = Vec::new();
        for (doc_id, suggestions) in found {
            let Some(doc) = self.project.document(doc_id) else {
                continue;
            };
            for s in suggestions {
                if s.confidence < ACCEPT_ALL {
                    continue;
                }
                if doc.duplicate_of(&s.label, s.range, SpanId(0)).is_some()
                    || !self.project.labels.contains(&s.label)
                {
                    accepted.already_there += 1;
                } else if doc.is_rejected(&s.label, s.range) {
                    accepted.rejected += 1;
                } else {
                    let mut span = Span::new(ids.span(), &s.label, s.range)
                        .with_provenance(self.provenance(suggested(&s)));
                    let link = self.speaker_link(doc_id, span.id, &s, &mut ids);
                    span.attributes = s.attributes;
                    let span = self.with_values(doc, span);
                    edits.push(Edit::AddSpan { doc: doc_id, span });
                    links.extend(link);
                }
            }
        }
        accepted.added = edits.len();
        // The links after every span, so their ends are there.
        edits.extend(links);
        if !edits.is_empty() {
            self.edit(self.started(edits))?;
            self.refresh_suggestions();
        }
        Ok(accepted)
    }

    /// Selects the next (or previous) suggestion and scrolls to it.
    fn step_suggestion(&mut self, forward: bool) {
        let list = self.suggestions.list();
        if list.is_empty() {
            return;
        }
        let at = self
            .suggestions
            .selected()
            .and_then(|(l, r)| self.suggestions.position(l, *r));
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
            (None, _) => 0,
        };
        let s = &list[next];
        let (start, selected) = (s.range.start, (s.label.clone(), s.range));
        self.scroll_to = Some(start);
        self.suggestions.select(Some(selected));
    }

    /// After an accept or reject, the suggestion that followed it is selected.
    fn select_after(&mut self, range: CharRange) {
        self.refresh_suggestions();
        let list = self.suggestions.list();
        let next = list.iter().find(|s| s.range >= range).or(list.first());
        let next = next.map(|s| (s.label.clone(), s.range));
        self.suggestions.select(next);
    }

    fn accept_suggestion(&mut self, label: &str, range: CharRange) -> Result<(), String> {
        let (Some(doc), Some(i)) = (self.current, self.suggestions.position(label, range)) else {
            return Ok(());
        };
        let suggestion = &self.suggestions.list()[i];
        let made = self.provenance(suggested(suggestion));
        let mut ids = self.project.fresh_ids();
        let mut span = Span::new(ids.span(), label, range).with_provenance(made);
        span.attributes = suggestion.attributes.clone();
        let span = match self.project.document(doc) {
            Some(d) => self.with_values(d, span),
            None => span,
        };
        let id = span.id;
        let link = self.speaker_link(doc, id, suggestion, &mut ids);
        let edits = std::iter::once(Edit::AddSpan { doc, span })
            .chain(link)
            .collect();
        self.edit(self.started(edits))?;
        self.selected_span = Some(id);
        self.selection = None;
        self.select_after(range);
        Ok(())
    }

    fn reject_suggestion(&mut self, label: &str, range: CharRange) -> Result<(), String> {
        let Some(doc) = self.current else {
            return Ok(());
        };
        self.edit(Edit::RejectSuggestion {
            doc,
            label: label.to_owned(),
            range,
        })?;
        self.select_after(range);
        Ok(())
    }
}

impl Session {
    /// The *attributed to* link a quote suggestion proposes: from the new quote `quote`
    /// to the span nearest the quote that tags a mention of its speaker (a span whose
    /// text is the speaker's name, or one no longer than a name around the mention the
    /// detector found), when the project's types allow it.
    fn speaker_link(
        &self,
        doc: DocId,
        quote: SpanId,
        s: &Suggestion,
        ids: &mut crate::model::FreshIds,
    ) -> Option<Edit> {
        const REACH: usize = 2_000;
        let at = s.speaker_at?;
        let name = s.attributes.get(crate::model::stats::SPEAKER)?;
        let kind = self.project.relation_type(ATTRIBUTED_TO)?;
        let document = self.project.document(doc)?;
        let near = CharRange::new(
            s.range.start.0.saturating_sub(REACH),
            (s.range.end.0 + REACH).min(document.len_chars()),
        );
        let distance = |r: CharRange| {
            r.start.0.saturating_sub(s.range.end.0) + s.range.start.0.saturating_sub(r.end.0)
        };
        let target = document
            .spans_overlapping(near)
            .into_iter()
            .filter(|t| t.range != s.range && kind.allows(&s.label, &t.label))
            .filter(|t| {
                let names = document.slice(t.range).map(super::changes::speaker_name);
                let around = t.range.start <= at.start
                    && at.end <= t.range.end
                    && t.range.len_chars() <= at.len_chars() * 2 + 10;
                around || names.as_deref() == Some(name.as_str())
            })
            .min_by_key(|t| distance(t.range))?;
        Some(Edit::AddRelation {
            doc,
            relation: Relation::new(ids.relation(), ATTRIBUTED_TO, quote, target.id),
        })
    }
}

/// How a span made from `s` was made: its rule and confidence.
fn suggested(s: &Suggestion) -> How {
    How::Suggested {
        rule: s.rule.to_owned(),
        confidence: Confidence::from_f64(f64::from(s.confidence)),
    }
}
