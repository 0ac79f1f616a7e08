//! The relations of the current document by where their ends start (see
//! [`RelationCache`]), so a frame finds those near the view at once.

use super::MAX_DRAWN;
use crate::model::{CharOffset, CharRange, DocId, Document, SpanId};
use crate::ui::article::DocRef;
use crate::ui::preview;

/// Where a text position is kept in the cache: 32 bits (a text of 4 billion code
/// points is far beyond what the view opens), half the size of a `CharOffset`.
fn offset32(at: CharOffset) -> u32 {
    u32::try_from(at.0).unwrap_or(u32::MAX)
}

/// A relation's two ends (the spans' ranges), start and end of each.
#[derive(Clone, Copy, Default)]
pub(super) struct Ends {
    pub(super) from: [u32; 2],
    pub(super) to: [u32; 2],
}

impl Ends {
    fn range([start, end]: [u32; 2]) -> CharRange {
        CharRange {
            start: CharOffset(start as usize),
            end: CharOffset(end as usize),
        }
    }

    pub(super) fn from(&self) -> CharRange {
        Self::range(self.from)
    }

    pub(super) fn to(&self) -> CharRange {
        Self::range(self.to)
    }
}

/// The document's relations by where their ends start, for one revision: 24 bytes a
/// relation.
#[derive(Default)]
pub(in crate::ui::article) struct RelationCache {
    key: Option<(DocId, u64, usize)>,
    /// The ends of each relation, by its place in the document's list (an end whose
    /// span is gone: in neither list below).
    pub(super) ends: Vec<Ends>,
    /// The relations (places in `ends`) by where their source and their target start.
    by_from: Vec<u32>,
    by_to: Vec<u32>,
}

impl RelationCache {
    pub(super) fn update(&mut self, doc: &Document) {
        let key = (doc.id, doc.revision(), doc.relations().len());
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.rebuild(doc);
    }

    /// Makes the lists again for the document as it is now. One pass over the spans
    /// puts where each starts and ends in a table by id, so each relation's ends cost
    /// a look in it rather than two searches of the document; the two sorts are of
    /// plain numbers (where an end starts, and the relation's place, in one `u64`).
    fn rebuild(&mut self, doc: &Document) {
        let relations = doc.relations();
        let positions = SpanPositions::new(doc);
        // Made again in place: the lists keep their memory, so a new revision costs no
        // second copy of them.
        self.ends.clear();
        self.ends.reserve_exact(relations.len());
        let mut keys: Vec<u64> = Vec::with_capacity(relations.len());
        for r in relations {
            let ends = match (positions.get(r.from), positions.get(r.to)) {
                (Some(from), Some(to)) => {
                    let place = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
                    keys.push(u64::from(from[0]) << 32 | u64::from(place));
                    Ends { from, to }
                }
                _ => Ends::default(),
            };
            self.ends.push(ends);
        }
        drop(positions);
        let low = |k: &u64| (k & u64::from(u32::MAX)) as u32;
        keys.sort_unstable();
        self.by_from.clear();
        self.by_from.reserve_exact(keys.len());
        self.by_from.extend(keys.iter().map(low));
        let ends = &self.ends;
        for k in &mut keys {
            let place = low(k);
            let start = ends.get(place as usize).map_or(0, |e| e.to[0]);
            *k = u64::from(start) << 32 | u64::from(place);
        }
        keys.sort_unstable();
        self.by_to.clear();
        self.by_to.reserve_exact(keys.len());
        self.by_to.extend(keys.iter().map(low));
    }

    /// The relations (places in `ends`, the same as in the document's list) with an end
    /// starting in `range`, each once, in the document's order.
    pub(super) fn touching(&self, range: CharRange, out: &mut Vec<u32>) {
        out.clear();
        let (start, end) = (offset32(range.start), offset32(range.end));
        let at = |k: u32| self.ends.get(k as usize).copied().unwrap_or_default();
        for (list, side) in [
            (&self.by_from, (|e: Ends| e.from[0]) as fn(Ends) -> u32),
            (&self.by_to, |e: Ends| e.to[0]),
        ] {
            let first = list.partition_point(|k| side(at(*k)) < start);
            out.extend(list[first..].iter().take_while(|k| side(at(**k)) < end));
        }
        out.sort_unstable();
        out.dedup();
    }

    /// What the relations with an end starting in `range` say of each span there, for
    /// a screen reader: "attributed to claim “Olena Ivanova”", "quote “…” attributed to it".
    pub(in crate::ui::article) fn descriptions(
        &self,
        doc: &DocRef,
        range: CharRange,
    ) -> std::collections::HashMap<SpanId, Vec<String>> {
        let mut out: std::collections::HashMap<SpanId, Vec<String>> = Default::default();
        let mut picked = Vec::new();
        self.touching(range, &mut picked);
        let relations = doc.document.relations();
        let name = |id: SpanId| {
            doc.document.span(id).map_or_else(String::new, |s| {
                let text = doc.offsets.slice(doc.text, s.range).unwrap_or("");
                format!("{} “{}”", s.label, preview(text, 40))
            })
        };
        for k in picked.iter().take(MAX_DRAWN) {
            let Some(r) = relations.get(*k as usize) else {
                continue;
            };
            (out.entry(r.from).or_default()).push(format!("{} {}", r.kind, name(r.to)));
            (out.entry(r.to).or_default()).push(format!("{} {} it", name(r.from), r.kind));
        }
        out
    }
}

/// Where each span of a document starts and ends, by id, for one rebuild of the
/// cache: a table indexed by id (less its smallest) when the ids are dense enough (a
/// project's ids come from one counter, so a document's mostly are), else a list sorted
/// by id.
enum SpanPositions {
    Dense {
        first: u64,
        at: Vec<Option<[u32; 2]>>,
    },
    Sorted(Vec<(u64, [u32; 2])>),
}

impl SpanPositions {
    fn new(doc: &Document) -> Self {
        let spans = doc.spans();
        let ends = |s: &crate::model::Span| [offset32(s.range.start), offset32(s.range.end)];
        let (min, max) = spans.iter().fold((u64::MAX, 0), |(lo, hi), s| {
            (lo.min(s.id.0), hi.max(s.id.0))
        });
        let width = max.saturating_sub(min).saturating_add(1);
        if spans.is_empty() || width > 4 * spans.len() as u64 + 1024 {
            let mut list: Vec<(u64, [u32; 2])> = spans.iter().map(|s| (s.id.0, ends(s))).collect();
            list.sort_unstable_by_key(|(id, _)| *id);
            return Self::Sorted(list);
        }
        let mut at = vec![None; usize::try_from(width).unwrap_or(0)];
        for s in spans {
            if let Some(slot) = at.get_mut((s.id.0 - min) as usize) {
                *slot = Some(ends(s));
            }
        }
        Self::Dense { first: min, at }
    }

    fn get(&self, id: SpanId) -> Option<[u32; 2]> {
        match self {
            Self::Dense { first, at } => {
                let i = usize::try_from(id.0.checked_sub(*first)?).ok()?;
                at.get(i).copied().flatten()
            }
            Self::Sorted(list) => {
                let i = list.binary_search_by_key(&id.0, |(id, _)| *id).ok()?;
                list.get(i).map(|(_, e)| *e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_cache_finds_the_relations_with_an_end_in_a_range() {
        let mut p = fixture::project(
            "p",
            &[(
                "a.txt",
                "[quote:We lost] said [claim:Olena] and [figure:270] more.",
            )],
        );
        let doc = &p.documents()[0];
        let id = |l: &str| {
            doc.spans()
                .iter()
                .find(|s| s.label == l)
                .map(|s| s.id)
                .unwrap()
        };
        let (quote, claim, figure) = (id("quote"), id("claim"), id("figure"));
        let relations = vec![
            crate::model::Relation::new(crate::model::RelationId(1), "attributed to", quote, claim),
            crate::model::Relation::new(crate::model::RelationId(2), "supported by", claim, figure),
        ];
        let doc_id = p.documents()[0].id;
        p.document_mut(doc_id).unwrap().set_relations(relations);
        let doc = &p.documents()[0];
        let mut cache = RelationCache::default();
        cache.update(doc);
        let range = |a: usize, b: usize| CharRange {
            start: CharOffset(a),
            end: CharOffset(b),
        };
        let mut out = Vec::new();
        // "We lost" only: the first relation.
        cache.touching(range(0, 3), &mut out);
        assert_eq!(out, [0]);
        // "Olena": both.
        let olena = doc.text().find("Olena").unwrap();
        cache.touching(range(olena, olena + 1), &mut out);
        assert_eq!(out, [0, 1]);
        cache.touching(range(doc.len_chars() - 3, doc.len_chars()), &mut out);
        assert!(out.is_empty());
    }

    /// Ids far apart (a span added long after the others): the positions come from a
    /// list sorted by id instead of a table, with the same answers.
    #[test]
    fn span_positions_are_found_by_id_whether_ids_are_dense_or_not() {
        let mut p = fixture::project("p", &[("a.txt", "[quote:We lost] said Olena.")]);
        let doc_id = p.documents()[0].id;
        let far = crate::model::Span::new(SpanId(1_000_000), "claim", CharRange::new(13, 18));
        crate::edit::Edit::AddSpan {
            doc: doc_id,
            span: far,
        }
        .apply(&mut p)
        .unwrap();
        let doc = &p.documents()[0];
        let positions = SpanPositions::new(doc);
        assert!(matches!(positions, SpanPositions::Sorted(_)));
        for span in doc.spans() {
            let [start, end] = positions.get(span.id).unwrap();
            assert_eq!(Ends::range([start, end]), span.range);
        }
        assert_eq!(positions.get(SpanId(999_999)), None);
    }
}
