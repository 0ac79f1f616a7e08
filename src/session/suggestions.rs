//! The suggestions of the window: which labels are shown, the suggestions of the
//! current document (computed once per change of its spans, without those already
//! tagged or rejected, together with those an imported file predicted), and the one
//! selected. Pure state; the session acts on it in `suggesting.rs`.

use crate::model::{CharRange, Document, LabelSet, SpanId};
use crate::suggest::{self, Suggestion};
use std::collections::{BTreeSet, HashMap};

/// Document, its text hash, its revision, the labels shown and the imports made.
type Key = (crate::model::DocId, String, u64, BTreeSet<String>, u64);

#[derive(Default)]
pub struct Suggestions {
    /// Labels whose suggestions are shown.
    labels: BTreeSet<String>,
    cache: Option<(Key, Vec<Suggestion>)>,
    selected: Option<(String, CharRange)>,
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

    /// The labels whose suggestions are shown.
    pub fn labels(&self) -> &BTreeSet<String> {
        &self.labels
    }

    /// The suggestion selected (label and range), if any.
    pub fn selected(&self) -> Option<&(String, CharRange)> {
        self.selected.as_ref()
    }

    pub fn is_on(&self) -> bool {
        !self.labels.is_empty() || !self.imported.is_empty()
    }

    pub(super) fn select(&mut self, selected: Option<(String, CharRange)>) {
        self.selected = selected;
    }

    pub(super) fn toggle(&mut self, label: String) {
        if !self.labels.remove(&label) {
            self.labels.insert(label);
        }
    }

    /// Hides every label's suggestions and drops those imported files made.
    pub(super) fn clear(&mut self) {
        self.labels.clear();
        self.imported.clear();
        self.imports += 1;
    }

    /// Offers `suggestion` for the text with hash `sha256` (unless it is offered).
    pub(super) fn add_imported(&mut self, sha256: &str, suggestion: Suggestion) {
        let list = self.imported.entry(sha256.to_owned()).or_default();
        if !list
            .iter()
            .any(|s| s.label == suggestion.label && s.range == suggestion.range)
        {
            list.push(suggestion);
        }
        self.imports += 1;
    }

    pub(super) fn position(&self, label: &str, range: CharRange) -> Option<usize> {
        self.list()
            .iter()
            .position(|s| s.label == label && s.range == range)
    }

    /// Recomputes the list for `doc` if its spans or the labels shown changed, and
    /// keeps a suggestion selected while any are shown.
    pub(super) fn refresh(&mut self, doc: Option<&Document>, labels: &LabelSet) {
        let Some(doc) = doc else {
            self.cache = None;
            return;
        };
        if !self.is_on() {
            self.cache = None;
            self.selected = None;
            return;
        }
        let key = (
            doc.id,
            doc.sha256().to_owned(),
            doc.revision(),
            self.labels.clone(),
            self.imports,
        );
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let list = self.compute(doc, labels);
            self.cache = Some((key, list));
        }
        let selected_exists = self
            .selected
            .as_ref()
            .is_some_and(|(l, r)| self.position(l, *r).is_some());
        if !selected_exists {
            self.selected = self.list().first().map(|s| (s.label.clone(), s.range));
        }
    }

    fn compute(&self, doc: &Document, labels: &LabelSet) -> Vec<Suggestion> {
        let shown: Vec<&str> = self.labels.iter().map(String::as_str).collect();
        let detected = if shown.is_empty() {
            Vec::new()
        } else {
            suggest::suggest(doc.text(), &shown)
        };
        let imported = self.imported.get(doc.sha256());
        let mut list: Vec<Suggestion> = detected
            .into_iter()
            .chain(imported.into_iter().flatten().cloned())
            .filter(|s| labels.contains(&s.label))
            .filter(|s| doc.duplicate_of(&s.label, s.range, SpanId(0)).is_none())
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
        list
    }
}
