//! The relations half of a three-way merge: relation types as labels are merged (both
//! sides' additions; one side's change where the other left the type alone), and each
//! document's relations matched by id where the base has them and by (type, ends) where
//! a side added them. A relation goes when one side removed it; one both sides added is
//! kept once; theirs' ends follow theirs' renumbered spans, and theirs' relation ids
//! that ours or the base used get fresh ones. A relation whose end the merge removed
//! cannot stay: it is named in [`super::Merged::dropped`].

use crate::model::{Document, Project, Relation, RelationId, RelationType, SpanId};
use std::collections::{HashMap, HashSet};

/// Both sides' relation types: ours' version unless only theirs changed it.
pub(super) fn merge_types(base: &Project, ours: &Project, theirs: &Project) -> Vec<RelationType> {
    let find = |p: &Project, name: &str| p.relation_types.iter().find(|t| t.name == name).cloned();
    let mut names: Vec<&str> = ours
        .relation_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    for t in &theirs.relation_types {
        if !names.contains(&t.name.as_str()) {
            names.push(&t.name);
        }
    }
    names
        .into_iter()
        .filter_map(|name| {
            let (b, o, t) = (find(base, name), find(ours, name), find(theirs, name));
            // One side deleted a type the other left as it was: it goes.
            if b.is_some() && (o.is_none() && t == b || t.is_none() && o == b) {
                return None;
            }
            match (o, t) {
                (Some(o), Some(t)) if Some(&o) == b.as_ref() => Some(t),
                (Some(o), _) => Some(o),
                (None, t) => t,
            }
        })
        .collect()
}

fn list(d: Option<&Document>) -> &[Relation] {
    d.map_or(&[][..], Document::relations)
}

fn by_id(d: Option<&Document>) -> HashMap<RelationId, &Relation> {
    list(d).iter().map(|r| (r.id, r)).collect()
}

/// Where the merge keeps the relations' ids: every id a side or the base used.
pub(super) struct RelationIds {
    used: HashSet<RelationId>,
    next: u64,
}

impl RelationIds {
    pub(super) fn new(base: &Project, ours: &Project) -> Self {
        let used = ours
            .documents()
            .iter()
            .chain(base.documents())
            .flat_map(|d| d.relations().iter().map(|r| r.id))
            .collect();
        Self { used, next: 1 }
    }

    pub(super) fn reserve_after(&mut self, next: u64) {
        self.next = self.next.max(next);
    }

    /// `id`, or a fresh one when it is taken.
    fn keep_or_renew(&mut self, id: RelationId) -> RelationId {
        if self.used.insert(id) {
            return id;
        }
        let fresh = RelationId(self.next);
        self.next += 1;
        self.used.insert(fresh);
        fresh
    }
}

/// The relations of one merged document. `theirs_ids` maps theirs' span ids to the
/// merged document's where they differ; `spans` are the ids the merged document has.
/// Returns the relations and those that had to go (an end is gone).
pub(super) fn merge_relations(
    b: Option<&Document>,
    o: Option<&Document>,
    t: Option<&Document>,
    theirs_ids: &HashMap<SpanId, SpanId>,
    spans: &HashSet<SpanId>,
    ids: &mut RelationIds,
) -> (Vec<Relation>, Vec<Relation>) {
    let (bm, om, tm) = (by_id(b), by_id(o), by_id(t));
    let mut out: Vec<Relation> = Vec::new();
    for was in list(b) {
        match (om.get(&was.id), tm.get(&was.id)) {
            (Some(x), Some(y)) if *x == was => out.push((*y).clone()),
            (Some(x), Some(_)) => out.push((*x).clone()),
            // Removed on one side (or both): it goes.
            _ => {}
        }
    }
    let key = |r: &Relation| (r.kind.clone(), r.from, r.to);
    let mut seen: HashSet<(String, SpanId, SpanId)> = out.iter().map(key).collect();
    for r in list(o).iter().filter(|r| !bm.contains_key(&r.id)) {
        if seen.insert(key(r)) {
            out.push(r.clone());
        }
    }
    for r in list(t).iter().filter(|r| !bm.contains_key(&r.id)) {
        let end = |id: SpanId| theirs_ids.get(&id).copied().unwrap_or(id);
        let mut r = r.clone();
        r.from = end(r.from);
        r.to = end(r.to);
        if seen.insert(key(&r)) {
            // An id ours or the base used: a fresh one.
            r.id = ids.keep_or_renew(r.id);
            out.push(r);
        }
    }
    let (kept, dropped): (Vec<Relation>, Vec<Relation>) = out
        .into_iter()
        .partition(|r| spans.contains(&r.from) && spans.contains(&r.to) && r.from != r.to);
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::fixture;
    use crate::merge3::merge;
    use crate::model::{CharRange, Project, Relation, RelationId, Span, SpanId};

    const TEXT: &str = "Kyiv was hit. [quote:We will win], Ann said. [figure:270 drones] fell.";

    fn apply(p: &mut Project, edits: Vec<Edit>) {
        Edit::Batch(edits).apply(p).unwrap();
    }

    /// (type, from text, to text) of the first document's relations.
    fn links(p: &Project) -> Vec<(String, String, String)> {
        let doc = &p.documents()[0];
        let text = |id| doc.slice(doc.span(id).unwrap().range).unwrap().to_owned();
        doc.relations()
            .iter()
            .map(|r| (r.kind.clone(), text(r.from), text(r.to)))
            .collect()
    }

    #[test]
    fn both_sides_links_are_kept_with_their_ends_and_fresh_ids() {
        let b = fixture::project("p", &[("a.txt", TEXT)]);
        let doc = b.documents()[0].id;
        let (quote, figure) = (SpanId(1), SpanId(2));
        assert_eq!(b.documents()[0].span(quote).unwrap().label, "quote");
        let (mut o, mut t) = (b.clone(), b.clone());
        let id = b.fresh_ids().span();
        apply(
            &mut o,
            vec![
                Edit::AddSpan {
                    doc,
                    span: Span::new(id, "claim", CharRange::new(0, 13)),
                },
                Edit::AddRelation {
                    doc,
                    relation: Relation::new(RelationId(1), "supported by", id, figure),
                },
            ],
        );
        // Theirs took the same span id and the same relation id for something else.
        apply(
            &mut t,
            vec![
                Edit::AddSpan {
                    doc,
                    span: Span::new(id, "claim", CharRange::new(27, 30)),
                },
                Edit::AddRelation {
                    doc,
                    relation: Relation::new(RelationId(1), "attributed to", quote, id),
                },
            ],
        );
        let m = merge(&b, &o, &t).unwrap();
        let mut got = links(&m.project);
        got.sort();
        assert_eq!(
            got,
            [
                (
                    "attributed to".to_owned(),
                    "We will win".to_owned(),
                    "Ann".to_owned()
                ),
                (
                    "supported by".to_owned(),
                    "Kyiv was hit.".to_owned(),
                    "270 drones".to_owned()
                ),
            ]
        );
        assert_eq!(m.project.relation_count(), 2);
        assert!(m.project.next_relation_id() > 2);
        assert!(m.dropped.is_empty());
        // The merged file loads: ids unique, ends there.
        crate::store::parse(&crate::store::to_ron(&m.project), "m.ron").unwrap();
    }

    #[test]
    fn a_link_one_side_removed_goes_and_one_to_a_removed_span_is_named() {
        let mut b = fixture::project("p", &[("a.txt", TEXT)]);
        let doc = b.documents()[0].id;
        let link = Relation::new(RelationId(1), "attributed to", SpanId(1), SpanId(2));
        apply(
            &mut b,
            vec![Edit::AddRelation {
                doc,
                relation: link,
            }],
        );
        let (mut o, t) = (b.clone(), b.clone());
        apply(
            &mut o,
            vec![Edit::RemoveRelation {
                doc,
                relation: RelationId(1),
            }],
        );
        let m = merge(&b, &o, &t).unwrap();
        assert!(
            links(&m.project).is_empty(),
            "ours removed it, theirs left it"
        );
        let m = merge(&b, &t, &o).unwrap();
        assert!(links(&m.project).is_empty(), "the same, sides swapped");

        // Ours removes the figure (and with it the base link); theirs links the quote to
        // it again under another type.
        let (mut o, mut t) = (b.clone(), b.clone());
        apply(
            &mut o,
            vec![Edit::RemoveSpan {
                doc,
                span: SpanId(2),
            }],
        );
        apply(
            &mut t,
            vec![Edit::AddRelation {
                doc,
                relation: Relation::new(RelationId(2), "supported by", SpanId(1), SpanId(2)),
            }],
        );
        let m = merge(&b, &o, &t).unwrap();
        assert!(m.project.documents()[0].relations().is_empty());
        assert_eq!(m.dropped.len(), 1);
        assert_eq!(m.dropped[0].1.kind, "supported by");
    }
}
