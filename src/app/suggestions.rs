//! Suggestions in the window: which labels are shown, the suggestions of the current
//! document (computed once per change of its spans, without those already tagged or
//! rejected, together with those an imported file predicted), the one selected, and
//! accepting or rejecting them as undoable edits.

use super::session::Session;
use crate::edit::Edit;
use crate::model::{CharRange, DocId, Span};
use crate::suggest::{self, CONFIDENT, Suggestion};
use std::collections::{BTreeSet, HashMap};

/// Document, its text hash, its revision, the labels shown and the imports made.
type Key = (DocId, String, u64, BTreeSet<String>, u64);

#[derive(Default)]
pub struct Suggestions {
    /// Labels whose suggestions are shown.
    pub labels: BTreeSet<String>,
    cache: Option<(Key, Vec<Suggestion>)>,
    pub selected: Option<(String, CharRange)>,
    /// Suggestions from imported files (Label Studio predictions), by the SHA-256 of
    /// the text they belong to; shown whatever labels are on, kept for the session.
    imported: HashMap<String, Vec<Suggestion>>,
    /// Counts imports, so the list is remade after one.
    imports: u64,
}

impl Suggestions {
    /// The suggestions shown for the current document, in text order.
    pub fn list(&self) -> &[Suggestion] {
        self.cache.as_ref().map_or(&[], |(_, list)| list)
    }

    pub fn is_on(&self) -> bool {
        !self.labels.is_empty() || !self.imported.is_empty()
    }

    /// Drops the suggestions imported files made.
    pub fn clear_imported(&mut self) {
        self.imported.clear();
        self.imports += 1;
    }

    /// Offers `suggestion` for the text with hash `sha256` (unless it is offered).
    pub fn add_imported(&mut self, sha256: &str, suggestion: Suggestion) {
        let list = self.imported.entry(sha256.to_owned()).or_default();
        if !list
            .iter()
            .any(|s| s.label == suggestion.label && s.range == suggestion.range)
        {
            list.push(suggestion);
        }
        self.imports += 1;
    }

    fn position(&self, label: &str, range: CharRange) -> Option<usize> {
        self.list()
            .iter()
            .position(|s| s.label == label && s.range == range)
    }
}

impl Session {
    /// Recomputes the current document's suggestions if its spans or the labels shown
    /// changed, and keeps a suggestion selected while any are shown.
    pub fn refresh_suggestions(&mut self) {
        let Some(doc) = self.document() else {
            self.suggestions.cache = None;
            return;
        };
        if !self.suggestions.is_on() {
            self.suggestions.cache = None;
            self.suggestions.selected = None;
            return;
        }
        let key = (
            doc.id,
            doc.sha256().to_owned(),
            doc.revision(),
            self.suggestions.labels.clone(),
            self.suggestions.imports,
        );
        if self
            .suggestions
            .cache
            .as_ref()
            .is_none_or(|(k, _)| *k != key)
        {
            let labels: Vec<&str> = self.suggestions.labels.iter().map(String::as_str).collect();
            let detected = if labels.is_empty() {
                Vec::new()
            } else {
                suggest::suggest(doc.text(), &labels)
            };
            let imported = self.suggestions.imported.get(doc.sha256());
            let mut list: Vec<Suggestion> = detected
                .into_iter()
                .chain(imported.into_iter().flatten().cloned())
                .filter(|s| self.project.labels.contains(&s.label))
                .filter(|s| {
                    doc.duplicate_of(&s.label, s.range, crate::model::SpanId(0))
                        .is_none()
                })
                .filter(|s| !doc.is_rejected(&s.label, s.range))
                .collect();
            // In text order; where a detector and an import offer the same span, the
            // more confident one stays.
            list.sort_by(|a, b| {
                (a.range, &a.label)
                    .cmp(&(b.range, &b.label))
                    .then(b.confidence.total_cmp(&a.confidence))
            });
            list.dedup_by(|later, kept| later.label == kept.label && later.range == kept.range);
            self.suggestions.cache = Some((key, list));
        }
        let selected_exists = self
            .suggestions
            .selected
            .as_ref()
            .is_some_and(|(l, r)| self.suggestions.position(l, *r).is_some());
        if !selected_exists {
            self.suggestions.selected = self
                .suggestions
                .list()
                .first()
                .map(|s| (s.label.clone(), s.range));
        }
    }

    pub(super) fn toggle_suggestions(&mut self, label: String) {
        if !self.suggestions.labels.remove(&label) {
            self.suggestions.labels.insert(label);
        }
        self.refresh_suggestions();
    }

    /// Selects the next (or previous) suggestion and scrolls to it.
    pub(super) fn step_suggestion(&mut self, forward: bool) {
        let list = self.suggestions.list();
        if list.is_empty() {
            return;
        }
        let at = self
            .suggestions
            .selected
            .as_ref()
            .and_then(|(l, r)| self.suggestions.position(l, *r));
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
            (None, _) => 0,
        };
        let s = &list[next];
        self.scroll_to = Some(s.range.start);
        self.suggestions.selected = Some((s.label.clone(), s.range));
    }

    /// After an accept or reject, the suggestion that followed it is selected.
    fn select_after(&mut self, range: CharRange) {
        self.refresh_suggestions();
        let next = self
            .suggestions
            .list()
            .iter()
            .find(|s| s.range >= range)
            .or(self.suggestions.list().first());
        self.suggestions.selected = next.map(|s| (s.label.clone(), s.range));
    }

    pub(super) fn accept_suggestion(
        &mut self,
        label: &str,
        range: CharRange,
    ) -> Result<(), String> {
        let (Some(doc), Some(i)) = (self.current, self.suggestions.position(label, range)) else {
            return Ok(());
        };
        let mut span = Span::new(self.project.allocate_span_id(), label, range);
        span.attributes = self.suggestions.list()[i].attributes.clone();
        let id = span.id;
        self.history
            .apply(&mut self.project, Edit::AddSpan { doc, span })
            .map_err(|e| e.to_string())?;
        self.selected_span = Some(id);
        self.selection = None;
        self.select_after(range);
        Ok(())
    }

    pub(super) fn reject_suggestion(
        &mut self,
        label: &str,
        range: CharRange,
    ) -> Result<(), String> {
        let Some(doc) = self.current else {
            return Ok(());
        };
        let edit = Edit::RejectSuggestion {
            doc,
            label: label.to_owned(),
            range,
        };
        self.history
            .apply(&mut self.project, edit)
            .map_err(|e| e.to_string())?;
        self.select_after(range);
        Ok(())
    }

    /// Accepts every confident suggestion of `label` in one undo step.
    pub(super) fn accept_all(&mut self, label: &str) -> Result<(), String> {
        let Some(doc) = self.current else {
            return Ok(());
        };
        let chosen: Vec<Suggestion> = self
            .suggestions
            .list()
            .iter()
            .filter(|s| s.label == label && s.confidence >= CONFIDENT)
            .cloned()
            .collect();
        if chosen.is_empty() {
            return Ok(());
        }
        let edits = chosen
            .into_iter()
            .map(|s| {
                let mut span = Span::new(self.project.allocate_span_id(), &s.label, s.range);
                span.attributes = s.attributes;
                Edit::AddSpan { doc, span }
            })
            .collect();
        self.history
            .apply(&mut self.project, Edit::Batch(edits))
            .map_err(|e| e.to_string())?;
        self.refresh_suggestions();
        Ok(())
    }
}
