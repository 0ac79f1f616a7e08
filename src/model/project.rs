//! The project: a name, a label set and documents with their spans. Everything the
//! user annotates lives here; only [`crate::edit`] and the loader change it.

use super::document::{DocId, Document};
use super::label::LabelSet;
use super::span::{Span, SpanId};

#[derive(Clone, Debug)]
pub struct Project {
    pub name: String,
    pub labels: LabelSet,
    pub(crate) documents: Vec<Document>,
    /// The id the next new span gets; ids are never reused, even after a delete.
    pub(crate) next_span_id: u64,
    pub(crate) next_doc_id: u64,
}

impl Project {
    /// An empty project with the default labels.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            labels: LabelSet::default(),
            documents: Vec::new(),
            next_span_id: 1,
            next_doc_id: 1,
        }
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub(crate) fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        self.documents.iter_mut().find(|d| d.id == id)
    }

    pub fn document_by_sha256(&self, sha256: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.sha256() == sha256)
    }

    pub fn document_by_name(&self, name: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.name == name)
    }

    /// The document holding span `id`, and the span.
    pub fn find_span(&self, id: SpanId) -> Option<(&Document, &Span)> {
        self.documents
            .iter()
            .find_map(|d| d.span(id).map(|s| (d, s)))
    }

    pub fn span_count(&self) -> usize {
        self.documents.iter().map(|d| d.spans().len()).sum()
    }

    /// A fresh span id, never handed out before in this project.
    pub fn allocate_span_id(&mut self) -> SpanId {
        let id = SpanId(self.next_span_id);
        self.next_span_id += 1;
        id
    }

    /// A fresh document id.
    pub fn allocate_doc_id(&mut self) -> DocId {
        let id = DocId(self.next_doc_id);
        self.next_doc_id += 1;
        id
    }

    /// Is span id `id` free (not used and not ahead of the allocator)?
    pub fn span_id_is_free(&self, id: SpanId) -> bool {
        id.0 > 0 && self.find_span(id).is_none()
    }

    /// Marks `id` as used so the allocator never hands it out.
    pub(crate) fn reserve_span_id(&mut self, id: SpanId) {
        self.next_span_id = self.next_span_id.max(id.0 + 1);
    }

    pub(crate) fn reserve_doc_id(&mut self, id: DocId) {
        self.next_doc_id = self.next_doc_id.max(id.0 + 1);
    }

    pub fn next_span_id(&self) -> u64 {
        self.next_span_id
    }

    pub fn next_doc_id(&self) -> u64 {
        self.next_doc_id
    }
}
