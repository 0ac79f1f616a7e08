//! Links come with the spans taken from coders' layers: when a decision adds spans to
//! the curated document, the links the chosen coders made from or to those spans come
//! too, wherever the other end is (or is being made) in the curated document, matched by
//! label and range. Only types the curated project defines are brought; a link it already
//! has is not repeated.

use super::layers::Layer;
use crate::edit::Edit;
use crate::model::{CharRange, Document, FreshIds, Relation, SpanId};
use std::collections::{HashMap, HashSet};

/// Which coders' links come along.
pub(super) enum From {
    /// One coder's (a layer's index).
    Coder(usize),
    /// Any coder's.
    Any,
    /// Only links every coder who has the text made.
    Every,
}

type Place = (String, CharRange);

/// The link edits that go with `edits` (a decision about the curated `doc`), to append
/// after them. `types` are the curated project's relation type names.
pub(super) fn link_edits(
    layers: &[Layer],
    from: From,
    doc: &Document,
    edits: &[Edit],
    types: &HashSet<&str>,
    ids: &mut FreshIds,
) -> Vec<Edit> {
    let mut places: HashMap<Place, SpanId> = doc
        .spans()
        .iter()
        .map(|s| ((s.label.clone(), s.range), s.id))
        .collect();
    let mut added: HashSet<SpanId> = HashSet::new();
    for edit in edits {
        match edit {
            Edit::RemoveSpan { span, .. } => places.retain(|_, id| id != span),
            Edit::AddSpan { span, .. } => {
                places.insert((span.label.clone(), span.range), span.id);
                added.insert(span.id);
            }
            _ => {}
        }
    }
    if added.is_empty() {
        return Vec::new();
    }
    // Per coder who has the text: their links as (type, from place, to place).
    let mut per_coder: Vec<HashSet<(String, Place, Place)>> = Vec::new();
    for (k, layer) in layers.iter().enumerate() {
        let wanted = match from {
            From::Coder(c) => c == k,
            From::Any | From::Every => true,
        };
        let Some(theirs) = layer.project.document_by_sha256(doc.sha256()) else {
            continue;
        };
        if !wanted {
            continue;
        }
        let place = |id| theirs.span(id).map(|s| (s.label.clone(), s.range));
        per_coder.push(
            theirs
                .relations()
                .iter()
                .filter_map(|r| Some((r.kind.clone(), place(r.from)?, place(r.to)?)))
                .collect(),
        );
    }
    let chosen: HashSet<(String, Place, Place)> = match from {
        From::Every => {
            let mut sets = per_coder.into_iter();
            let first = sets.next().unwrap_or_default();
            sets.fold(first, |acc, s| acc.intersection(&s).cloned().collect())
        }
        From::Coder(_) | From::Any => per_coder.into_iter().flatten().collect(),
    };
    let mut chosen: Vec<_> = chosen.into_iter().collect();
    chosen.sort();
    let mut out = Vec::new();
    for (kind, a, b) in chosen {
        let (Some(&f), Some(&t)) = (places.get(&a), places.get(&b)) else {
            continue;
        };
        let new_end = added.contains(&f) || added.contains(&t);
        let known = doc
            .duplicate_relation(&kind, f, t, crate::model::RelationId(0))
            .is_some();
        if new_end && !known && f != t && types.contains(kind.as_str()) {
            out.push(Edit::AddRelation {
                doc: doc.id,
                relation: Relation::new(ids.relation(), &kind, f, t),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::fixture;
    use crate::model::{Project, Relation, RelationId, SpanId};
    use crate::session::layers::{Layer, Take};
    use crate::session::{AdjudicateCommand, Session, SessionCommand};
    use std::sync::Arc;

    const TEXT: &str = "“We lost them,” said Olena Ivanova. Kyiv was hit.";

    /// A coder's file: the quote (span 1) and the name (span 2, all of it or the
    /// surname), linked when `linked`.
    fn coder(name: &str, speaker_span: &str, linked: bool) -> Layer {
        let markup = match speaker_span {
            "Ivanova" => "“[quote:We lost them],” said Olena [claim:Ivanova]. Kyiv was hit.",
            _ => "“[quote:We lost them],” said [claim:Olena Ivanova]. Kyiv was hit.",
        };
        let mut p: Project = fixture::project(name, &[("a.txt", markup)]);
        if linked {
            let doc = p.documents()[0].id;
            let relation = Relation::new(RelationId(1), "attributed to", SpanId(1), SpanId(2));
            Edit::AddRelation { doc, relation }.apply(&mut p).unwrap();
        }
        Layer {
            name: name.to_owned(),
            path: None,
            project: Arc::new(p),
        }
    }

    fn adjudicate(s: &mut Session, c: AdjudicateCommand) {
        s.apply(SessionCommand::Adjudicate(c)).unwrap();
    }

    fn links(s: &Session) -> Vec<(String, String, String)> {
        let doc = &s.project().documents()[0];
        let text = |id| doc.slice(doc.span(id).unwrap().range).unwrap().to_owned();
        doc.relations()
            .iter()
            .map(|r| (text(r.from), r.kind.clone(), text(r.to)))
            .collect()
    }

    #[test]
    fn agreed_spans_bring_the_links_every_coder_made() {
        let mut s = Session::new(fixture::project("c", &[("a.txt", TEXT)]), None, true);
        adjudicate(
            &mut s,
            AdjudicateCommand::AddLayers(vec![
                coder("ann", "Olena Ivanova", true),
                coder("bo", "Olena Ivanova", true),
            ]),
        );
        adjudicate(&mut s, AdjudicateCommand::AcceptAgreed);
        assert_eq!(
            links(&s),
            [(
                "We lost them".to_owned(),
                "attributed to".to_owned(),
                "Olena Ivanova".to_owned()
            )]
        );
        s.apply(SessionCommand::Undo).unwrap();
        assert_eq!(s.project().relation_count(), 0);
        assert_eq!(s.project().span_count(), 0);
    }

    #[test]
    fn a_link_only_one_coder_made_comes_with_that_coders_version_only() {
        let mut s = Session::new(fixture::project("c", &[("a.txt", TEXT)]), None, true);
        adjudicate(
            &mut s,
            AdjudicateCommand::AddLayers(vec![
                coder("ann", "Olena Ivanova", true),
                coder("bo", "Olena Ivanova", false),
            ]),
        );
        // Spans agree, links do not: accepting what all agree on brings no link.
        adjudicate(&mut s, AdjudicateCommand::AcceptAgreed);
        assert_eq!(s.project().span_count(), 2);
        assert!(links(&s).is_empty());
        // Ann's version of a span she linked, taken anew, brings her link.
        let mut s = Session::new(fixture::project("c", &[("a.txt", TEXT)]), None, true);
        adjudicate(
            &mut s,
            AdjudicateCommand::AddLayers(vec![
                coder("ann", "Olena Ivanova", true),
                coder("bo", "Ivanova", false),
            ]),
        );
        let name = s
            .layers()
            .units()
            .and_then(|u| {
                u.disagreements
                    .iter()
                    .position(|&i| u.all[i].range.start.0 > 15)
            })
            .unwrap();
        adjudicate(&mut s, AdjudicateCommand::AcceptAgreed);
        assert!(links(&s).is_empty(), "only the quote is agreed");
        adjudicate(&mut s, AdjudicateCommand::TakeAt(name, Take::Coder(0)));
        assert_eq!(links(&s).len(), 1, "Ann's name comes with her link");
    }
}
