//! Batches, with runs of span additions or removals in one document applied at once:
//! an import of 20,000 spans, or its undo, merges them into the sorted span list in
//! one pass instead of shifting the list 20,000 times. The checks and the result are
//! those of applying the edits one by one; only the cost differs.

use super::{Edit, EditError, check_range};
use crate::model::{DocId, MAX_ID, Project, Span, SpanId};
use std::collections::HashSet;

/// Applies the edits of a batch in order and returns the batch that undoes them; on
/// an error, what was applied is undone and the project is as it was.
pub(super) fn apply_batch(project: &mut Project, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses: Vec<Edit> = Vec::with_capacity(edits.len());
    let mut edits = edits.into_iter().peekable();
    while let Some(edit) = edits.next() {
        let applied = match edit {
            Edit::AddSpan { doc, span } => {
                let mut spans = vec![span];
                while let Some(Edit::AddSpan { span, .. }) =
                    edits.next_if(|e| matches!(e, Edit::AddSpan { doc: d, .. } if *d == doc))
                {
                    spans.push(span);
                }
                add_spans(project, doc, spans)
            }
            Edit::RemoveSpan { doc, span } => {
                let mut ids = vec![span];
                while let Some(Edit::RemoveSpan { span, .. }) =
                    edits.next_if(|e| matches!(e, Edit::RemoveSpan { doc: d, .. } if *d == doc))
                {
                    ids.push(span);
                }
                remove_spans(project, doc, ids)
            }
            other => other.apply(project).map(|inverse| vec![inverse]),
        };
        match applied {
            Ok(undo) => inverses.extend(undo),
            Err(err) => {
                inverses.reverse();
                // The inverses of edits that just applied always apply.
                let _ = apply_batch(project, inverses);
                return Err(err);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

/// Adds `spans` to `doc` after checking each as [`super::add_span`] would, in order
/// (a later one may not repeat an earlier one's id, or its label and range). Returns
/// the inverses, one `RemoveSpan` per span in the order given.
fn add_spans(
    project: &mut Project,
    doc: DocId,
    mut spans: Vec<Span>,
) -> Result<Vec<Edit>, EditError> {
    if spans.len() == 1
        && let Some(span) = spans.pop()
    {
        return super::add_span(project, doc, span).map(|inverse| vec![inverse]);
    }
    let document = project.document(doc).ok_or(EditError::NoDocument(doc))?;
    let mut ids = HashSet::with_capacity(spans.len());
    let mut here: HashSet<(&str, _)> = HashSet::with_capacity(spans.len());
    for span in &spans {
        check_range(project, doc, span.id, span.range)?;
        if !project.labels.contains(&span.label) {
            return Err(EditError::NoLabel(span.label.clone()));
        }
        let earlier = (!here.insert((span.label.as_str(), span.range)))
            .then(|| {
                spans
                    .iter()
                    .find(|s| s.label == span.label && s.range == span.range)
            })
            .flatten()
            .map(|s| s.id);
        if let Some(existing) = document
            .duplicate_of(&span.label, span.range, span.id)
            .map(|s| s.id)
            .or(earlier)
        {
            return Err(EditError::Duplicate {
                label: span.label.clone(),
                range: span.range,
                existing,
            });
        }
        if span.id.0 > MAX_ID {
            return Err(EditError::SpanIdTooLarge(span.id));
        }
        if !project.span_id_is_free(span.id) || !ids.insert(span.id) {
            return Err(EditError::SpanIdInUse(span.id));
        }
    }
    let inverses = spans
        .iter()
        .map(|s| Edit::RemoveSpan { doc, span: s.id })
        .collect();
    if let Some(max) = spans.iter().map(|s| s.id).max() {
        project.reserve_span_id(max);
    }
    project.insert_spans(doc, spans);
    Ok(inverses)
}

/// Removes the spans `ids` from `doc`, all or (if one is missing, or named twice)
/// none. Returns the inverses, one `AddSpan` per span in the order given.
fn remove_spans(
    project: &mut Project,
    doc: DocId,
    ids: Vec<SpanId>,
) -> Result<Vec<Edit>, EditError> {
    let document = project.document(doc).ok_or(EditError::NoDocument(doc))?;
    let mut set = HashSet::with_capacity(ids.len());
    for &span in &ids {
        if document.span(span).is_none() || !set.insert(span) {
            return Err(EditError::NoSpan { doc, span });
        }
    }
    let detached = super::relations::detach(project, doc, &set);
    let mut removed = project.remove_spans(doc, &set);
    // In the order they were named, so undoing gives back the same order.
    let order: std::collections::HashMap<SpanId, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    removed.sort_by_key(|s| order.get(&s.id).copied().unwrap_or(usize::MAX));
    // The batch's inverses are reversed at its end: what points at the spans goes
    // first here, so that it comes back after them.
    Ok(detached
        .into_iter()
        .rev()
        .chain(removed.into_iter().map(|span| Edit::AddSpan { doc, span }))
        .collect())
}
