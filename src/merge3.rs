//! A three-way merge of project files, for git: `base` (the common ancestor), `ours`
//! and `theirs`. Documents are matched by their text; spans by id where the base has
//! them, and by label and range where a side added them.
//!
//! - What one side added is kept; what both sides added the same way is kept once.
//! - A span one side deleted goes when the other left it as it was.
//! - A span both sides changed the same way is taken once; one side changed it and the
//!   other did not: the change is taken.
//! - The same span changed differently (label, range, note, an attribute), or changed
//!   on one side and deleted on the other, is a [`Conflict`]: our version stays in the
//!   project (or theirs, where we deleted it) and both versions are listed.
//! - Two sides that added different spans under one id (both took the next id): ours
//!   keep theirs' ids, theirs get fresh ones, listed in [`Merged::renumbered`]; an id
//!   quoted on a branch still names its span on that branch.
//! - Labels added on either side are kept; a label deleted on one side and unused in the
//!   result goes. Documents added on both sides are kept once.
//! - Relations and their types merge the same way ([`relations`]).

mod relations;

use crate::edit::Edit;
use crate::model::{CharRange, DocId, Document, Label, Project, Span, SpanId};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A span both sides changed in different ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The document, by name.
    pub document: String,
    /// The span as the base had it (`None`: both sides added something here).
    pub base: Option<Span>,
    pub ours: Option<Span>,
    pub theirs: Option<Span>,
}

pub struct Merged {
    pub project: Project,
    pub conflicts: Vec<Conflict>,
    /// Spans of theirs that got a new id: (document, id on their branch, id here).
    pub renumbered: Vec<(String, SpanId, SpanId)>,
    /// Relations that could not stay because the merge removed an end: (document, the
    /// relation as its side had it).
    pub dropped: Vec<(String, crate::model::Relation)>,
}

/// The same span apart from its id.
fn same(a: &Span, b: &Span) -> bool {
    a.label == b.label
        && a.range == b.range
        && a.note == b.note
        && a.attributes == b.attributes
        && a.provenance == b.provenance
}

/// The document of `project` with `sha256`, if any.
fn by_text<'a>(project: &'a Project, sha256: &str) -> Option<&'a Document> {
    project.document_by_sha256(sha256)
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> Result<Merged, String> {
    let mut project = Project::new(if ours.name != base.name {
        &ours.name
    } else {
        &theirs.name
    });
    project.coder = ours.coder.clone();
    project.labels = merge_labels(base, ours, theirs);
    project.relation_types = relations::merge_types(base, ours, theirs);
    let mut relation_ids = relations::RelationIds::new(base, ours);
    relation_ids.reserve_after(
        base.next_relation_id()
            .max(ours.next_relation_id())
            .max(theirs.next_relation_id()),
    );
    let mut dropped = Vec::new();
    let mut conflicts = Vec::new();
    let mut renumbered = Vec::new();
    // Every id either side or the base used stays taken, so fresh ids never meet one.
    let mut next = base
        .next_span_id()
        .max(ours.next_span_id())
        .max(theirs.next_span_id());
    // The ids ours and the base use, in every document: a span theirs added under one
    // of them gets a fresh id, wherever it is.
    let mut used: HashSet<SpanId> = ours
        .documents()
        .iter()
        .chain(base.documents())
        .flat_map(|d| d.spans().iter().map(|s| s.id))
        .collect();
    let mut documents: Vec<Document> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    // Ours' order first, then theirs' additions.
    for doc in ours.documents().iter().chain(theirs.documents()) {
        let sha = doc.sha256();
        if !seen.insert(sha) {
            continue;
        }
        let (b, o, t) = (by_text(base, sha), by_text(ours, sha), by_text(theirs, sha));
        let deleted_by_theirs = b.is_some() && o.is_some() && t.is_none();
        let deleted_by_ours = b.is_some() && o.is_none() && t.is_some();
        // A document one side deleted goes, unless the other changed its spans.
        if deleted_by_theirs && o.map(Document::spans) == b.map(Document::spans) {
            continue;
        }
        if deleted_by_ours && t.map(Document::spans) == b.map(Document::spans) {
            continue;
        }
        let kept = o.or(t).unwrap_or(doc);
        let mut out = Document::new(kept.id, &kept.name, kept.text().to_owned(), &kept.encoding);
        out.source.clone_from(&kept.source);
        out.status = merge_status(b, o, t);
        let found_before = conflicts.len();
        let mut theirs_ids = HashMap::new();
        let spans = merge_spans(
            b.map_or(&[][..], Document::spans),
            o.map_or(&[][..], Document::spans),
            t.map_or(&[][..], Document::spans),
            &kept.name,
            &mut next,
            &mut used,
            &mut conflicts,
            &mut renumbered,
            &mut theirs_ids,
        );
        for (label, range) in rejections(o, t) {
            out.reject(&label, range);
        }
        let span_ids: HashSet<SpanId> = spans.iter().map(|s| s.id).collect();
        out.set_spans(spans);
        let (kept_relations, gone) =
            relations::merge_relations(b, o, t, &theirs_ids, &span_ids, &mut relation_ids);
        out.set_relations(kept_relations);
        dropped.extend(gone.into_iter().map(|r| (kept.name.clone(), r)));
        // The file keeps them, so the window and `validate` can name them.
        out.set_conflicts(
            conflicts[found_before..]
                .iter()
                .map(|c| crate::model::MergeConflict {
                    base: c.base.clone(),
                    ours: c.ours.clone(),
                    theirs: c.theirs.clone(),
                })
                .collect(),
        );
        documents.push(out);
    }
    // Document ids: ours keep theirs; one theirs added under an id ours used gets a
    // fresh one.
    let mut doc_ids: HashSet<DocId> = HashSet::new();
    let mut next_doc = base
        .next_doc_id()
        .max(ours.next_doc_id())
        .max(theirs.next_doc_id());
    for doc in &mut documents {
        if !doc_ids.insert(doc.id) {
            doc.id = DocId(next_doc);
            next_doc += 1;
            doc_ids.insert(doc.id);
        }
    }
    let edits = documents
        .into_iter()
        .map(|document| Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(document),
        })
        .collect();
    Edit::Batch(edits)
        .apply(&mut project)
        .map_err(|e| format!("the merged project would be invalid ({e})"))?;
    drop_unused_deleted_labels(base, ours, theirs, &mut project);
    Ok(Merged {
        project,
        conflicts,
        renumbered,
        dropped,
    })
}

fn merge_status(
    b: Option<&Document>,
    o: Option<&Document>,
    t: Option<&Document>,
) -> crate::model::Status {
    let (bs, os, ts) = (
        b.map(|d| d.status),
        o.map(|d| d.status),
        t.map(|d| d.status),
    );
    match (os, ts) {
        (Some(o), Some(t)) if Some(o) == bs => t,
        (Some(o), _) => o,
        (None, Some(t)) => t,
        (None, None) => crate::model::Status::New,
    }
}

/// Rejected suggestions: both sides' (a rejection is never undone by a merge).
fn rejections(o: Option<&Document>, t: Option<&Document>) -> Vec<(String, CharRange)> {
    let mut all: Vec<(String, CharRange)> = o
        .into_iter()
        .chain(t)
        .flat_map(|d| d.rejected().cloned())
        .collect();
    all.sort();
    all.dedup();
    all
}

#[allow(clippy::too_many_arguments)]
fn merge_spans(
    base: &[Span],
    ours: &[Span],
    theirs: &[Span],
    document: &str,
    next: &mut u64,
    used: &mut HashSet<SpanId>,
    conflicts: &mut Vec<Conflict>,
    renumbered: &mut Vec<(String, SpanId, SpanId)>,
    theirs_ids: &mut HashMap<SpanId, SpanId>,
) -> Vec<Span> {
    let by_id = |spans: &[Span]| -> HashMap<SpanId, Span> {
        spans.iter().map(|s| (s.id, s.clone())).collect()
    };
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let mut out: Vec<Span> = Vec::new();
    let mut conflict = |base: Option<&Span>, ours: Option<&Span>, theirs: Option<&Span>| {
        conflicts.push(Conflict {
            document: document.to_owned(),
            base: base.cloned(),
            ours: ours.cloned(),
            theirs: theirs.cloned(),
        });
    };
    // The base's spans, in its order.
    for was in base {
        match (o.get(&was.id), t.get(&was.id)) {
            (Some(x), Some(y)) if same(x, y) => out.push(x.clone()),
            (Some(x), Some(y)) if same(x, was) => out.push(y.clone()),
            (Some(x), Some(y)) if same(y, was) => out.push(x.clone()),
            (Some(x), Some(y)) => {
                conflict(Some(was), Some(x), Some(y));
                out.push(x.clone());
            }
            (Some(x), None) if same(x, was) => {}
            (None, Some(y)) if same(y, was) => {}
            (Some(x), None) => {
                conflict(Some(was), Some(x), None);
                out.push(x.clone());
            }
            (None, Some(y)) => {
                conflict(Some(was), None, Some(y));
                out.push(y.clone());
            }
            (None, None) => {}
        }
    }
    // Two base spans both sides moved onto one label and range: one stays, a conflict.
    let mut seen_places: HashSet<(String, CharRange)> = HashSet::new();
    let mut kept = Vec::with_capacity(out.len());
    for span in out {
        if seen_places.insert((span.label.clone(), span.range)) {
            kept.push(span);
        } else {
            let first = kept
                .iter()
                .find(|k: &&Span| k.label == span.label && k.range == span.range);
            conflict(b.get(&span.id), first, Some(&span));
        }
    }
    let mut out = kept;
    // What each side added (ids the base does not have).
    let ours_added: Vec<&Span> = ours.iter().filter(|s| !b.contains_key(&s.id)).collect();
    let theirs_added: Vec<&Span> = theirs.iter().filter(|s| !b.contains_key(&s.id)).collect();
    let mut places: BTreeMap<(String, CharRange), usize> = out
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.label.clone(), s.range), i))
        .collect();
    for s in ours_added {
        places.insert((s.label.clone(), s.range), out.len());
        out.push(s.clone());
    }
    for s in theirs_added {
        match places.get(&(s.label.clone(), s.range)) {
            // Added on both sides: once; differently (note, attributes): a conflict.
            Some(&i) => {
                if out[i].id != s.id {
                    theirs_ids.insert(s.id, out[i].id);
                }
                if !same(&out[i], s) && o.get(&out[i].id).is_some_and(|x| !b.contains_key(&x.id)) {
                    conflict(None, Some(&out[i]), Some(s));
                } else if !same(&out[i], s) {
                    conflict(b.get(&out[i].id), Some(&out[i]), Some(s));
                }
            }
            None => {
                let mut span = s.clone();
                if !used.insert(span.id) {
                    let id = SpanId(*next);
                    *next += 1;
                    renumbered.push((document.to_owned(), span.id, id));
                    theirs_ids.insert(span.id, id);
                    span.id = id;
                    used.insert(id);
                }
                places.insert((span.label.clone(), span.range), out.len());
                out.push(span);
            }
        }
    }
    out
}

/// Labels: both sides' additions, and changes where one side changed a label.
fn merge_labels(base: &Project, ours: &Project, theirs: &Project) -> crate::model::LabelSet {
    let mut names: Vec<&Label> = ours.labels.iter().collect();
    for l in theirs.labels.iter() {
        if !names.iter().any(|n| n.name == l.name) {
            names.push(l);
        }
    }
    let chosen = names
        .into_iter()
        .map(|l| {
            let name = l.name.as_str();
            let (b, o, t) = (
                base.labels.get(name),
                ours.labels.get(name),
                theirs.labels.get(name),
            );
            match (o, t) {
                (Some(o), Some(t)) if Some(o) == b => t.clone(),
                (Some(o), _) => o.clone(),
                (None, Some(t)) => t.clone(),
                (None, None) => l.clone(),
            }
        })
        .collect();
    crate::model::LabelSet::from_vec(chosen)
}

/// A label one side deleted (the base had it) goes when no span of the result uses it.
fn drop_unused_deleted_labels(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    project: &mut Project,
) {
    for label in base.labels.iter() {
        let deleted = !ours.labels.contains(&label.name) || !theirs.labels.contains(&label.name);
        let used = project
            .documents()
            .iter()
            .any(|d| d.count_label(&label.name) > 0);
        if deleted && !used && project.labels.contains(&label.name) {
            let _ = Edit::RemoveLabel {
                name: label.name.clone(),
            }
            .apply(project);
        }
    }
}

#[cfg(test)]
mod tests;
