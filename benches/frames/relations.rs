//! The relations of the frame benchmark's corpus with relations: from each quote or
//! claim to a span a few to a few dozen spans further on (most cross one or more
//! paragraphs; the view draws arcs for them), and every tenth one to a span a
//! thousand spans away, out of view (the view draws a plate at the end in view). Only
//! pairs the default relation types allow: a quote *attributed to* any span, a claim
//! *supported by* a figure or a quote.

use spanmark::edit::Edit;
use spanmark::model::{Project, Relation};

/// Adds up to `count` relations to the first document of `project`.
pub(crate) fn add_relations(project: &mut Project, count: usize) {
    let Some(doc) = project.documents().first() else {
        return;
    };
    let doc_id = doc.id;
    let spans: Vec<_> = doc
        .spans()
        .iter()
        .map(|s| (s.id, s.label.clone()))
        .collect();
    let mut ids = project.fresh_ids();
    let mut made = 0;
    for (i, (from, label)) in spans.iter().enumerate() {
        if made == count {
            break;
        }
        let step = if i % 10 == 0 { 1000 } else { 1 + (i * 7) % 40 };
        let kind = match label.as_str() {
            "quote" => "attributed to",
            "claim" => "supported by",
            _ => continue,
        };
        // The first span from `step` on that the type allows.
        let target = spans[(i + step).min(spans.len())..]
            .iter()
            .find(|(_, l)| kind == "attributed to" || l == "figure" || l == "quote");
        let Some((to, _)) = target else {
            continue;
        };
        let relation = Relation::new(ids.relation(), kind, *from, *to);
        let edit = Edit::AddRelation {
            doc: doc_id,
            relation,
        };
        if edit.apply(project).is_ok() {
            made += 1;
        }
    }
}
