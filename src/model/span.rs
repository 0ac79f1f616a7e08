//! Spans: a labelled half-open code-point range of a document, with an id that never
//! changes, an optional note, label-specific attributes and its provenance.

use super::attributes::Attributes;
use super::offsets::CharRange;
use super::provenance::Provenance;
use std::fmt;

/// A span's id, unique within its project and never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanId(pub u64);

impl fmt::Display for SpanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub id: SpanId,
    pub label: String,
    pub range: CharRange,
    pub note: Option<String>,
    /// Attribute name -> value (a quote's `speaker`), sorted by name.
    pub attributes: Attributes,
    /// Who made the span, when and how; `None` when unknown (spans of older files).
    pub provenance: Option<Box<Provenance>>,
}

impl Span {
    pub fn new(id: SpanId, label: &str, range: CharRange) -> Self {
        Self {
            id,
            label: label.to_owned(),
            range,
            note: None,
            attributes: Attributes::new(),
            provenance: None,
        }
    }

    pub fn with_attribute(mut self, key: &str, value: &str) -> Self {
        self.attributes.insert(key.to_owned(), value.to_owned());
        self
    }

    pub fn with_note(mut self, note: &str) -> Self {
        self.note = Some(note.to_owned());
        self
    }

    pub fn with_provenance(mut self, provenance: Provenance) -> Self {
        self.provenance = Some(Box::new(provenance));
        self
    }

    /// The order spans are kept and written in: (start, end, label), then id.
    pub fn sort_key(&self) -> (CharRange, &str, SpanId) {
        (self.range, self.label.as_str(), self.id)
    }
}
