//! The project: a name, a label set, relation types and documents with their spans
//! and relations. Everything the
//! user annotates lives here; only [`crate::edit`] and the loader change it.

use super::document::{DocId, Document};
use super::label::LabelSet;
use super::relation::{Relation, RelationId};
use super::schema::RelationType;
use super::span::{Span, SpanId};
use std::collections::HashMap;

/// The largest span or document id: JavaScript's largest exact integer, so every
/// program reading an export reads the ids exactly.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// The largest id an import keeps (larger ones get fresh ids): it leaves the project
/// room for four billion more before [`MAX_ID`]. A project file may hold ids up to
/// [`MAX_ID`]; the allocator never wraps (an edit beyond [`MAX_ID`] is refused).
pub const MAX_IMPORTED_ID: u64 = MAX_ID - (1 << 32);

#[derive(Clone, Debug)]
pub struct Project {
    pub name: String,
    pub labels: LabelSet,
    /// The document shown when the project was last saved (a view setting, not an edit).
    pub open_document: Option<DocId>,
    /// Whose file this is, when it is one coder's share of a team's project
    /// (`spanmark assign` sets it).
    pub coder: Option<String>,
    /// The types a relation between two spans may have, with the labels allowed at
    /// each end.
    pub relation_types: Vec<RelationType>,
    /// The fact-check desk's settings: who publishes the checks, the numeric scale.
    pub desk: super::desk::Desk,
    pub(crate) documents: Vec<Document>,
    /// The id the next new span gets; ids are never reused, even after a delete.
    pub(crate) next_span_id: u64,
    pub(crate) next_doc_id: u64,
    /// The id the next new relation gets (a counter apart from span ids).
    pub(crate) next_relation_id: u64,
    /// Which document holds each relation.
    relation_docs: HashMap<RelationId, DocId>,
    /// Which document holds each span, so id lookups do not scan every document.
    span_docs: HashMap<SpanId, DocId>,
    /// Where each document is in `documents`.
    doc_index: HashMap<DocId, usize>,
}

impl Project {
    /// An empty project with the default labels.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            labels: LabelSet::default(),
            open_document: None,
            coder: None,
            relation_types: RelationType::defaults(),
            desk: super::desk::Desk::default(),
            documents: Vec::new(),
            next_span_id: 1,
            next_doc_id: 1,
            next_relation_id: 1,
            relation_docs: HashMap::new(),
            span_docs: HashMap::new(),
            doc_index: HashMap::new(),
        }
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.get(*self.doc_index.get(&id)?)
    }

    /// Where document `id` is in [`Project::documents`].
    pub fn document_index(&self, id: DocId) -> Option<usize> {
        self.doc_index.get(&id).copied()
    }

    fn reindex_documents(&mut self) {
        self.doc_index = self
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
    }

    /// Replaces all documents (the loader's path) and indexes their spans.
    pub(crate) fn set_documents(&mut self, documents: Vec<Document>) {
        self.documents = documents;
        self.span_docs = self
            .documents
            .iter()
            .flat_map(|d| d.spans().iter().map(move |s| (s.id, d.id)))
            .collect();
        self.relation_docs = self
            .documents
            .iter()
            .flat_map(|d| d.relations().iter().map(move |r| (r.id, d.id)))
            .collect();
        self.reindex_documents();
    }

    pub(crate) fn insert_document(&mut self, index: usize, document: Document) {
        for span in document.spans() {
            self.span_docs.insert(span.id, document.id);
        }
        for relation in document.relations() {
            self.relation_docs.insert(relation.id, document.id);
        }
        let index = index.min(self.documents.len());
        let id = document.id;
        self.documents.insert(index, document);
        // Added at the end (as imports and new articles are): no other index moves.
        if index + 1 == self.documents.len() {
            self.doc_index.insert(id, index);
        } else {
            self.reindex_documents();
        }
    }

    pub(crate) fn remove_document(&mut self, index: usize) -> Document {
        let document = self.documents.remove(index);
        for span in document.spans() {
            self.span_docs.remove(&span.id);
        }
        for relation in document.relations() {
            self.relation_docs.remove(&relation.id);
        }
        if index == self.documents.len() {
            self.doc_index.remove(&document.id);
        } else {
            self.reindex_documents();
        }
        document
    }

    /// Adds a span the caller has checked to document `doc`; false if there is no such
    /// document.
    pub(crate) fn insert_span(&mut self, doc: DocId, span: Span) -> bool {
        let id = span.id;
        let Some(document) = self.document_mut(doc) else {
            return false;
        };
        document.insert_span(span);
        self.span_docs.insert(id, doc);
        true
    }

    /// Adds spans the caller has checked to document `doc`, in one pass; false if
    /// there is no such document.
    pub(crate) fn insert_spans(&mut self, doc: DocId, spans: Vec<Span>) -> bool {
        for span in &spans {
            self.span_docs.insert(span.id, doc);
        }
        let Some(document) = self.document_mut(doc) else {
            return false;
        };
        document.insert_spans(spans);
        true
    }

    /// Removes the spans `ids` of document `doc` in one pass; returns those removed.
    pub(crate) fn remove_spans(
        &mut self,
        doc: DocId,
        ids: &std::collections::HashSet<SpanId>,
    ) -> Vec<Span> {
        let Some(document) = self.document_mut(doc) else {
            return Vec::new();
        };
        let removed = document.remove_spans(ids);
        for span in &removed {
            self.span_docs.remove(&span.id);
        }
        removed
    }

    pub(crate) fn remove_span(&mut self, doc: DocId, id: SpanId) -> Option<Span> {
        let span = self.document_mut(doc)?.remove_span(id)?;
        self.span_docs.remove(&id);
        Some(span)
    }

    /// Adds a relation the caller has checked to document `doc`.
    pub(crate) fn insert_relation(&mut self, doc: DocId, relation: Relation) -> bool {
        let id = relation.id;
        let Some(document) = self.document_mut(doc) else {
            return false;
        };
        document.insert_relation(relation);
        self.relation_docs.insert(id, doc);
        self.reserve_relation_id(id);
        true
    }

    pub(crate) fn remove_relation(&mut self, doc: DocId, id: RelationId) -> Option<Relation> {
        let relation = self.document_mut(doc)?.remove_relation(id)?;
        self.relation_docs.remove(&id);
        Some(relation)
    }

    /// The document holding relation `id`, and the relation.
    pub fn find_relation(&self, id: RelationId) -> Option<(&Document, &Relation)> {
        let document = self.document(*self.relation_docs.get(&id)?)?;
        Some((document, document.relation(id)?))
    }

    pub fn relation_count(&self) -> usize {
        self.relation_docs.len()
    }

    pub fn relation_type(&self, name: &str) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| t.name == name)
    }

    /// Is relation id `id` free?
    pub fn relation_id_is_free(&self, id: RelationId) -> bool {
        id.0 > 0 && !self.relation_docs.contains_key(&id)
    }

    pub(crate) fn reserve_relation_id(&mut self, id: RelationId) {
        self.next_relation_id = self.next_relation_id.max(id.0.saturating_add(1));
    }

    pub fn next_relation_id(&self) -> u64 {
        self.next_relation_id
    }

    pub(crate) fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        self.documents.get_mut(*self.doc_index.get(&id)?)
    }

    pub fn document_by_sha256(&self, sha256: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.sha256() == sha256)
    }

    pub fn document_by_name(&self, name: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.name == name)
    }

    /// The document holding span `id`, and the span.
    pub fn find_span(&self, id: SpanId) -> Option<(&Document, &Span)> {
        let document = self.document(*self.span_docs.get(&id)?)?;
        Some((document, document.span(id)?))
    }

    pub fn span_count(&self) -> usize {
        self.documents.iter().map(|d| d.spans().len()).sum()
    }

    /// A fresh span id, never handed out before in this project.
    pub fn allocate_span_id(&mut self) -> SpanId {
        let id = SpanId(self.next_span_id);
        self.next_span_id = self.next_span_id.saturating_add(1);
        id
    }

    /// A fresh document id.
    pub fn allocate_doc_id(&mut self) -> DocId {
        let id = DocId(self.next_doc_id);
        self.next_doc_id = self.next_doc_id.saturating_add(1);
        id
    }

    /// Is span id `id` free (not used and not ahead of the allocator)?
    pub fn span_id_is_free(&self, id: SpanId) -> bool {
        id.0 > 0 && !self.span_docs.contains_key(&id)
    }

    /// Marks `id` as used so the allocator never hands it out.
    pub(crate) fn reserve_span_id(&mut self, id: SpanId) {
        self.next_span_id = self.next_span_id.max(id.0.saturating_add(1));
    }

    pub(crate) fn reserve_doc_id(&mut self, id: DocId) {
        self.next_doc_id = self.next_doc_id.max(id.0.saturating_add(1));
    }

    /// Ids for new spans and documents, counted on from the allocators without
    /// advancing them: the edit that adds them does, so planning one changes nothing.
    pub fn fresh_ids(&self) -> FreshIds {
        FreshIds {
            next_span_id: self.next_span_id,
            next_doc_id: self.next_doc_id,
            next_relation_id: self.next_relation_id,
        }
    }

    pub fn next_span_id(&self) -> u64 {
        self.next_span_id
    }

    pub fn next_doc_id(&self) -> u64 {
        self.next_doc_id
    }
}

/// Ids for the spans and documents of an edit being planned: see
/// [`Project::fresh_ids`]. Two sources taken from one project hand out the same ids;
/// the second edit to apply is then refused, never merged into the first.
#[derive(Clone, Debug)]
pub struct FreshIds {
    next_span_id: u64,
    next_doc_id: u64,
    next_relation_id: u64,
}

impl FreshIds {
    pub fn span(&mut self) -> SpanId {
        let id = SpanId(self.next_span_id);
        self.next_span_id = self.next_span_id.saturating_add(1);
        id
    }

    /// Hands out only ids above `id` from now on (an id kept from elsewhere).
    pub fn reserve_span(&mut self, id: SpanId) {
        self.next_span_id = self.next_span_id.max(id.0.saturating_add(1));
    }

    pub fn relation(&mut self) -> RelationId {
        let id = RelationId(self.next_relation_id);
        self.next_relation_id = self.next_relation_id.saturating_add(1);
        id
    }

    /// Hands out only relation ids above `id` from now on.
    pub fn reserve_relation(&mut self, id: RelationId) {
        self.next_relation_id = self.next_relation_id.max(id.0.saturating_add(1));
    }

    pub fn doc(&mut self) -> DocId {
        let id = DocId(self.next_doc_id);
        self.next_doc_id = self.next_doc_id.saturating_add(1);
        id
    }
}
