//! Agreement on links: for each relation type, exact-match F1 between every pair of
//! coders, a link of one coder matching one of another when the type is the same and
//! both ends are the same (label and range), as INCEpTION compares relations. Links
//! whose ends the coders placed differently count as disagreement on the link, on top
//! of the span disagreement the span figures already show.

use super::f1::{Counts, PairF1};
use crate::model::{CharRange, Document};
use std::collections::{BTreeMap, HashSet};

/// A link by what two coders can both see: type and ends.
type Key = ((String, CharRange), (String, CharRange));

/// The links of `doc` per relation type.
fn links(doc: &Document) -> BTreeMap<String, HashSet<Key>> {
    let mut out: BTreeMap<String, HashSet<Key>> = BTreeMap::new();
    for r in doc.relations() {
        let (Some(from), Some(to)) = (doc.span(r.from), doc.span(r.to)) else {
            continue;
        };
        out.entry(r.kind.clone()).or_default().insert((
            (from.label.clone(), from.range),
            (to.label.clone(), to.range),
        ));
    }
    out
}

/// Adds the link counts of one document that coders `group` have (coder index,
/// document) to `per_type`.
pub(super) fn add_document(group: &[(usize, &Document)], per_type: &mut BTreeMap<String, PairF1>) {
    let per_coder: Vec<BTreeMap<String, HashSet<Key>>> =
        group.iter().map(|(_, d)| links(d)).collect();
    let types: HashSet<&String> = per_coder.iter().flat_map(|l| l.keys()).collect();
    let empty = HashSet::new();
    for kind in types {
        for a in 0..group.len() {
            for b in a + 1..group.len() {
                let la = per_coder[a].get(kind).unwrap_or(&empty);
                let lb = per_coder[b].get(kind).unwrap_or(&empty);
                let tp = la.intersection(lb).count();
                let counts = Counts {
                    tp,
                    fp: lb.len() - tp,
                    fn_: la.len() - tp,
                };
                per_type
                    .entry(kind.clone())
                    .or_default()
                    .add((group[a].0, group[b].0), counts);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::agree::study::{Coder, agree};
    use crate::edit::Edit;
    use crate::fixture;
    use crate::model::{Project, Relation, RelationId, SpanId};

    fn coder(links: &[(&str, u64, u64)]) -> Project {
        let mut p = fixture::project(
            "p",
            &[(
                "a.txt",
                "[quote:We win], said [claim:Ann]. [figure:270 drones] fell.",
            )],
        );
        let doc = p.documents()[0].id;
        let edits = links
            .iter()
            .enumerate()
            .map(|(i, (kind, from, to))| Edit::AddRelation {
                doc,
                relation: Relation::new(RelationId(i as u64 + 1), kind, SpanId(*from), SpanId(*to)),
            })
            .collect();
        Edit::Batch(edits).apply(&mut p).unwrap();
        p
    }

    #[test]
    fn links_agree_when_type_and_both_ends_agree() {
        // Span ids: 1 quote, 2 claim "Ann", 3 figure.
        let a = coder(&[("attributed to", 1, 2), ("supported by", 2, 3)]);
        let b = coder(&[("attributed to", 1, 2), ("supported by", 2, 1)]);
        let coders = [
            Coder {
                name: "a".into(),
                project: &a,
            },
            Coder {
                name: "b".into(),
                project: &b,
            },
        ];
        let r = agree(&coders, &[]);
        let said = &r.links["attributed to"];
        assert_eq!(said.mean(), Some(1.0));
        let support = r.links["supported by"].total();
        assert_eq!((support.tp, support.fp, support.fn_), (0, 1, 1));
        assert_eq!(r.links["supported by"].mean(), Some(0.0));
    }
}
