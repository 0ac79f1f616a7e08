//! Documents: one article's text, immutable once added, with its SHA-256, the encoding
//! it was decoded from, a status and its spans kept in file order.

use super::interval::IntervalIndex;
use super::offsets::{CharOffset, CharRange, OffsetIndex};
use super::relation::{Relation, RelationId};
use super::span::{Span, SpanId};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// A document's id, unique within its project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u64);

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// How far the annotator has got with a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    New,
    InProgress,
    Done,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in progress",
            Status::Done => "done",
        }
    }
}

/// The lowercase hex SHA-256 of a text's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

#[derive(Clone, Debug)]
pub struct Document {
    pub id: DocId,
    /// What the user sees in the document list: usually the file name.
    pub name: String,
    /// Where the text was read from, relative to the project's folder when it lies
    /// inside it.
    pub source: Option<String>,
    /// The encoding the file was decoded from (`UTF-8`, `UTF-16LE`, `windows-1251`, ...).
    pub encoding: String,
    pub status: Status,
    /// Where the article comes from (URL, outlet, authors, date, language).
    pub meta: super::meta::ArticleMeta,
    text: String,
    sha256: String,
    offsets: OffsetIndex,
    /// Sorted by (start, end, label, id): the file order.
    spans: Vec<Span>,
    /// The same spans for overlap queries, kept up to date span by span.
    index: IntervalIndex,
    by_id: HashMap<SpanId, CharRange>,
    label_counts: BTreeMap<String, usize>,
    /// Changes whenever a span is added, removed or changed, for views that cache.
    revision: u64,
    /// Suggestions the user rejected, as (label, range): they do not come back.
    rejected: std::collections::BTreeSet<(String, CharRange)>,
    /// Spans two branches changed differently, left by a three-way merge.
    conflicts: Vec<MergeConflict>,
    /// Links between this document's spans, sorted by id.
    relations: Vec<Relation>,
}

/// A span two branches of a project changed in different ways (or one changed and the
/// other deleted), as `spanmark merge-driver` leaves it: every version, for a person
/// to choose from. Meanwhile the document keeps one of them as a span (ours, or theirs
/// where ours deleted it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeConflict {
    /// The span as the common ancestor had it (`None`: both branches added here).
    pub base: Option<Span>,
    pub ours: Option<Span>,
    pub theirs: Option<Span>,
}

/// Documents are equal when everything a user or a file sees is equal (the indexes
/// are derived from the spans).
impl PartialEq for Document {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.source == other.source
            && self.encoding == other.encoding
            && self.status == other.status
            && self.meta == other.meta
            && self.sha256 == other.sha256
            && self.text == other.text
            && self.spans == other.spans
            && self.rejected == other.rejected
            && self.conflicts == other.conflicts
            && self.relations == other.relations
    }
}

impl Eq for Document {}

impl Document {
    /// A document without spans. The text is kept exactly as given.
    pub fn new(id: DocId, name: &str, text: String, encoding: &str) -> Self {
        let sha256 = sha256_hex(&text);
        let offsets = OffsetIndex::new(&text);
        Self {
            id,
            name: name.to_owned(),
            source: None,
            encoding: encoding.to_owned(),
            status: Status::New,
            meta: Default::default(),
            text,
            sha256,
            offsets,
            spans: Vec::new(),
            index: IntervalIndex::default(),
            by_id: HashMap::new(),
            label_counts: BTreeMap::new(),
            revision: 0,
            rejected: std::collections::BTreeSet::new(),
            conflicts: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// The relations between this document's spans, sorted by id.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        let at = self.relations.binary_search_by_key(&id, |r| r.id).ok()?;
        Some(&self.relations[at])
    }

    /// The relations starting or ending at `span`, by id.
    pub fn relations_of(&self, span: SpanId) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(move |r| r.touches(span))
    }

    /// A relation other than `except` of this type between these ends, if any.
    pub fn duplicate_relation(
        &self,
        kind: &str,
        from: SpanId,
        to: SpanId,
        except: RelationId,
    ) -> Option<&Relation> {
        self.relations
            .iter()
            .find(|r| r.id != except && r.from == from && r.to == to && r.kind == kind)
    }

    /// Inserts a relation the caller has checked, keeping the list sorted by id.
    pub(crate) fn insert_relation(&mut self, relation: Relation) {
        let at = self.relations.partition_point(|r| r.id < relation.id);
        self.relations.insert(at, relation);
        self.revision += 1;
    }

    pub(crate) fn remove_relation(&mut self, id: RelationId) -> Option<Relation> {
        let at = self.relations.binary_search_by_key(&id, |r| r.id).ok()?;
        self.revision += 1;
        Some(self.relations.remove(at))
    }

    /// Sets all relations at once (the loader's path; they are checked there).
    pub(crate) fn set_relations(&mut self, mut relations: Vec<Relation>) {
        relations.sort_by_key(|r| r.id);
        self.relations = relations;
        self.revision += 1;
    }

    /// Gives every relation of type `from` the type `to` (a renamed relation type).
    pub(crate) fn rename_relation_type(&mut self, from: &str, to: &str) -> usize {
        let mut count = 0;
        for relation in self.relations.iter_mut().filter(|r| r.kind == from) {
            relation.kind = to.to_owned();
            count += 1;
        }
        if count > 0 {
            self.revision += 1;
        }
        count
    }

    /// The merge conflicts left in this document, in the order the merge found them.
    pub fn conflicts(&self) -> &[MergeConflict] {
        &self.conflicts
    }

    pub(crate) fn set_conflicts(&mut self, conflicts: Vec<MergeConflict>) {
        self.conflicts = conflicts;
    }

    /// Takes merge conflict `index` out of the list (settled).
    pub(crate) fn remove_conflict(&mut self, index: usize) -> Option<MergeConflict> {
        (index < self.conflicts.len()).then(|| self.conflicts.remove(index))
    }

    /// Puts a merge conflict back at `index` (an undone settlement).
    pub(crate) fn insert_conflict(&mut self, index: usize, conflict: MergeConflict) {
        let index = index.min(self.conflicts.len());
        self.conflicts.insert(index, conflict);
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn offsets(&self) -> &OffsetIndex {
        &self.offsets
    }

    pub fn len_chars(&self) -> usize {
        self.offsets.len_chars()
    }

    /// The text of `range`, or `None` if it is not inside the text.
    pub fn slice(&self, range: CharRange) -> Option<&str> {
        self.offsets.slice(&self.text, range)
    }

    /// The spans, sorted by (start, end, label, id).
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    fn position(&self, id: SpanId) -> Option<usize> {
        let range = *self.by_id.get(&id)?;
        let first = self.spans.partition_point(|s| s.range < range);
        self.spans[first..]
            .iter()
            .take_while(|s| s.range == range)
            .position(|s| s.id == id)
            .map(|i| first + i)
    }

    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.position(id).map(|i| &self.spans[i])
    }

    /// The spans overlapping `range`, in file order; O(log n + k). Spans starting inside
    /// the range are one run of the sorted list; only those that began before it (few)
    /// come from the interval index.
    pub fn spans_overlapping(&self, range: CharRange) -> Vec<&Span> {
        let first = self.spans.partition_point(|s| s.range.start < range.start);
        let last = self.spans.partition_point(|s| s.range.start < range.end);
        let mut out: Vec<&Span> = self
            .index
            .at(range.start)
            .into_iter()
            .filter(|(r, _)| r.start < range.start)
            .filter_map(|(_, id)| self.span(id))
            .collect();
        out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out.extend(&self.spans[first..last]);
        out
    }

    /// The spans containing code point `at`.
    pub fn spans_at(&self, at: CharOffset) -> Vec<&Span> {
        self.spans_overlapping(CharRange::new(at.0, at.0 + 1))
    }

    /// A number that changes whenever the spans change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn indexed(&mut self, span: &Span) {
        self.index.insert(span.range, span.id);
        self.by_id.insert(span.id, span.range);
        *self.label_counts.entry(span.label.clone()).or_default() += 1;
        self.revision += 1;
    }

    fn unindexed(&mut self, span: &Span) {
        self.index.remove(span.range, span.id);
        self.by_id.remove(&span.id);
        if let Some(n) = self.label_counts.get_mut(&span.label) {
            *n -= 1;
            if *n == 0 {
                self.label_counts.remove(&span.label);
            }
        }
        self.revision += 1;
    }

    /// A span other than `except` with this label and range, if any.
    pub fn duplicate_of(&self, label: &str, range: CharRange, except: SpanId) -> Option<&Span> {
        let first = self.spans.partition_point(|s| s.range < range);
        self.spans[first..]
            .iter()
            .take_while(|s| s.range == range)
            .find(|s| s.label == label && s.id != except)
    }

    /// Inserts `span` in sort order. Callers (edits, the loader) check it first.
    pub(crate) fn insert_span(&mut self, span: Span) {
        self.indexed(&span);
        let at = self
            .spans
            .partition_point(|s| s.sort_key() < span.sort_key());
        self.spans.insert(at, span);
    }

    /// Inserts spans the caller has checked, all at once: one merge of the sorted list
    /// (O(n + k log k)) instead of a shift of it per span.
    pub(crate) fn insert_spans(&mut self, mut spans: Vec<Span>) {
        for span in &spans {
            self.indexed(span);
        }
        spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let old = std::mem::take(&mut self.spans);
        let mut merged = Vec::with_capacity(old.len() + spans.len());
        let (mut old, mut new) = (old.into_iter().peekable(), spans.into_iter().peekable());
        loop {
            let from_old = match (old.peek(), new.peek()) {
                (Some(a), Some(b)) => a.sort_key() <= b.sort_key(),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            merged.extend(if from_old { old.next() } else { new.next() });
        }
        self.spans = merged;
    }

    /// Removes the spans `ids` (those there are) in one pass; returns them in file
    /// order.
    pub(crate) fn remove_spans(&mut self, ids: &std::collections::HashSet<SpanId>) -> Vec<Span> {
        let (removed, kept): (Vec<Span>, Vec<Span>) = std::mem::take(&mut self.spans)
            .into_iter()
            .partition(|s| ids.contains(&s.id));
        self.spans = kept;
        for span in &removed {
            self.unindexed(span);
        }
        removed
    }

    pub(crate) fn remove_span(&mut self, id: SpanId) -> Option<Span> {
        let at = self.position(id)?;
        let span = self.spans.remove(at);
        self.unindexed(&span);
        Some(span)
    }

    /// Changes one span through `change`, keeping the spans sorted.
    pub(crate) fn update_span<R>(
        &mut self,
        id: SpanId,
        change: impl FnOnce(&mut Span) -> R,
    ) -> Option<R> {
        let mut span = self.remove_span(id)?;
        let result = change(&mut span);
        self.insert_span(span);
        Some(result)
    }

    /// Gives every span labelled `from` the label `to` (a renamed label) in one pass
    /// and one re-sort: O(n log n) for the document, not a shift of the list per span.
    /// Returns how many spans changed.
    pub(crate) fn rename_label(&mut self, from: &str, to: &str) -> usize {
        let Some(count) = self.label_counts.remove(from) else {
            return 0;
        };
        for span in self.spans.iter_mut().filter(|s| s.label == from) {
            span.label = to.to_owned();
        }
        // Stable and adaptive: the list is sorted but for runs of equal ranges.
        self.spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        *self.label_counts.entry(to.to_owned()).or_default() += count;
        self.revision += 1;
        count
    }

    /// Appends spans that are already sorted (the loader's fast path), else sorts.
    pub(crate) fn set_spans(&mut self, mut spans: Vec<Span>) {
        if !spans.is_sorted_by(|a, b| a.sort_key() <= b.sort_key()) {
            spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        // Room for an eighth more, so the first spans added to a large document do not
        // double every table at once.
        let room = spans.len() + spans.len() / 8;
        spans.reserve_exact(room - spans.len());
        self.index = IntervalIndex::with_capacity(room);
        self.by_id = HashMap::with_capacity(room);
        self.label_counts.clear();
        for span in &spans {
            self.indexed(span);
        }
        self.spans = spans;
    }

    /// Has the user rejected a suggestion of `label` at `range`?
    pub fn is_rejected(&self, label: &str, range: CharRange) -> bool {
        self.rejected.contains(&(label.to_owned(), range))
    }

    /// The rejected suggestions, sorted.
    pub fn rejected(&self) -> impl Iterator<Item = &(String, CharRange)> {
        self.rejected.iter()
    }

    /// Records a rejection; false if it was already recorded.
    pub(crate) fn reject(&mut self, label: &str, range: CharRange) -> bool {
        self.revision += 1;
        self.rejected.insert((label.to_owned(), range))
    }

    pub(crate) fn unreject(&mut self, label: &str, range: CharRange) -> bool {
        self.revision += 1;
        self.rejected.remove(&(label.to_owned(), range))
    }

    /// Number of spans carrying `label`.
    pub fn count_label(&self, label: &str) -> usize {
        self.label_counts.get(label).copied().unwrap_or(0)
    }
}
