//! Every change to a project is an [`Edit`]. Applying an edit checks it against the
//! project, changes the project and returns the edit that undoes it; [`History`] keeps
//! those inverses for undo and redo and knows whether the project differs from what was
//! last saved. The window and the command line change projects only through here.

mod bulk;
mod describe;
mod error;
mod history;
mod relations;

pub use error::EditError;
pub use history::History;
pub use relations::relations_of_type;

use crate::model::{
    CharRange, DocId, Document, Label, Project, Relation, RelationId, RelationType, Span, SpanId,
    Status,
};
use std::collections::HashSet;

/// One change to a project. [`Edit::Batch`] groups the changes of one user gesture
/// (tag all matches, an import) into one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddSpan {
        doc: DocId,
        span: Span,
    },
    RemoveSpan {
        doc: DocId,
        span: SpanId,
    },
    Relabel {
        doc: DocId,
        span: SpanId,
        label: String,
    },
    Resize {
        doc: DocId,
        span: SpanId,
        range: CharRange,
    },
    SetNote {
        doc: DocId,
        span: SpanId,
        note: Option<String>,
    },
    /// Sets (`Some`) or removes (`None`) one attribute of a span.
    SetAttribute {
        doc: DocId,
        span: SpanId,
        key: String,
        value: Option<String>,
    },
    /// Inserts a document (with any spans it carries) at `index` in the list.
    AddDocument {
        index: usize,
        document: Box<Document>,
    },
    RemoveDocument {
        doc: DocId,
    },
    SetStatus {
        doc: DocId,
        status: Status,
    },
    /// Replaces where a document's article comes from (URL, outlet, authors, …).
    SetMeta {
        doc: DocId,
        meta: Box<crate::model::ArticleMeta>,
    },
    AddLabel {
        index: usize,
        label: Label,
    },
    /// Removes an unused label.
    RemoveLabel {
        name: String,
    },
    /// Replaces label `name` by `label`; a new name relabels every span that had it.
    UpdateLabel {
        name: String,
        label: Label,
    },
    /// Moves label `name` to `index` in the label bar's order.
    MoveLabel {
        name: String,
        index: usize,
    },
    SetProjectName {
        name: String,
    },
    /// Replaces the fact-check desk's settings (publisher, numeric scale).
    SetDesk {
        desk: Box<crate::model::desk::Desk>,
    },
    /// Records that the user rejected a suggestion, so it does not come back.
    RejectSuggestion {
        doc: DocId,
        label: String,
        range: CharRange,
    },
    UnrejectSuggestion {
        doc: DocId,
        label: String,
        range: CharRange,
    },
    /// Takes merge conflict `index` of a document out of its list (it is settled).
    RemoveConflict {
        doc: DocId,
        index: usize,
    },
    /// Puts a merge conflict back (an undone settlement).
    AddConflict {
        doc: DocId,
        index: usize,
        conflict: Box<crate::model::MergeConflict>,
    },
    /// Links two spans of a document.
    AddRelation {
        doc: DocId,
        relation: Relation,
    },
    RemoveRelation {
        doc: DocId,
        relation: RelationId,
    },
    AddRelationType {
        index: usize,
        relation_type: RelationType,
    },
    /// Removes a relation type no relation has.
    RemoveRelationType {
        name: String,
    },
    /// Replaces relation type `name`; a new name retypes every relation of it.
    UpdateRelationType {
        name: String,
        relation_type: RelationType,
    },
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit and returns its inverse. On error the project is unchanged
    /// (a failing batch rolls back the part it had applied).
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::AddSpan { doc, span } => add_span(project, doc, span),
            Edit::RemoveSpan { doc, span } => {
                existing_span(project, doc, span)?;
                let detached = relations::detach(project, doc, &HashSet::from([span]));
                let removed = project
                    .remove_span(doc, span)
                    .ok_or(EditError::NoSpan { doc, span })?;
                let add = Edit::AddSpan { doc, span: removed };
                if detached.is_empty() {
                    Ok(add)
                } else {
                    Ok(Edit::Batch(std::iter::once(add).chain(detached).collect()))
                }
            }
            Edit::Relabel { doc, span, label } => {
                if !project.labels.contains(&label) {
                    return Err(EditError::NoLabel(label));
                }
                let range = existing_span(project, doc, span)?.range;
                check_no_duplicate(project, doc, &label, range, span)?;
                let old = update(project, doc, span, |s| {
                    std::mem::replace(&mut s.label, label)
                })?;
                Ok(Edit::Relabel {
                    doc,
                    span,
                    label: old,
                })
            }
            Edit::Resize { doc, span, range } => {
                let label = existing_span(project, doc, span)?.label.clone();
                check_range(project, doc, span, range)?;
                check_no_duplicate(project, doc, &label, range, span)?;
                let old = update(project, doc, span, |s| {
                    std::mem::replace(&mut s.range, range)
                })?;
                Ok(Edit::Resize {
                    doc,
                    span,
                    range: old,
                })
            }
            Edit::SetNote { doc, span, note } => {
                let note = note.filter(|n| !n.is_empty());
                let old = update(project, doc, span, |s| std::mem::replace(&mut s.note, note))?;
                Ok(Edit::SetNote {
                    doc,
                    span,
                    note: old,
                })
            }
            Edit::SetAttribute {
                doc,
                span,
                key,
                value,
            } => {
                let value = value.filter(|v| !v.is_empty());
                let old = update(project, doc, span, |s| match value {
                    Some(v) => s.attributes.insert(key.clone(), v),
                    None => s.attributes.remove(&key),
                })?;
                Ok(Edit::SetAttribute {
                    doc,
                    span,
                    key,
                    value: old,
                })
            }
            Edit::AddDocument { index, document } => add_document(project, index, *document),
            Edit::RemoveDocument { doc } => {
                let index = project
                    .document_index(doc)
                    .ok_or(EditError::NoDocument(doc))?;
                let document = Box::new(project.remove_document(index));
                Ok(Edit::AddDocument { index, document })
            }
            Edit::SetStatus { doc, status } => {
                let d = document_mut(project, doc)?;
                let old = std::mem::replace(&mut d.status, status);
                Ok(Edit::SetStatus { doc, status: old })
            }
            Edit::SetDesk { desk } => {
                let old = std::mem::replace(&mut project.desk, *desk);
                Ok(Edit::SetDesk {
                    desk: Box::new(old),
                })
            }
            Edit::SetMeta { doc, meta } => {
                let d = document_mut(project, doc)?;
                let old = std::mem::replace(&mut d.meta, *meta);
                Ok(Edit::SetMeta {
                    doc,
                    meta: Box::new(old),
                })
            }
            Edit::AddLabel { index, label } => {
                check_label(&label)?;
                if project.labels.contains(&label.name) {
                    return Err(EditError::LabelExists(label.name));
                }
                let name = label.name.clone();
                project.labels.insert(index, label);
                Ok(Edit::RemoveLabel { name })
            }
            Edit::RemoveLabel { name } => {
                let count: usize = project.documents.iter().map(|d| d.count_label(&name)).sum();
                if count > 0 {
                    return Err(EditError::LabelInUse { name, count });
                }
                if let Some(t) = project
                    .relation_types
                    .iter()
                    .find(|t| t.from.iter().chain(&t.to).any(|l| *l == name))
                {
                    return Err(EditError::LabelInRelationType {
                        relation_type: t.name.clone(),
                        label: name,
                    });
                }
                let (index, label) = project
                    .labels
                    .remove(&name)
                    .ok_or(EditError::NoLabel(name))?;
                Ok(Edit::AddLabel { index, label })
            }
            Edit::UpdateLabel { name, label } => update_label(project, name, label),
            Edit::MoveLabel { name, index } => {
                let from = project
                    .labels
                    .move_to(&name, index)
                    .ok_or_else(|| EditError::NoLabel(name.clone()))?;
                Ok(Edit::MoveLabel { name, index: from })
            }
            Edit::RejectSuggestion { doc, label, range } => {
                document_mut(project, doc)?.reject(&label, range);
                Ok(Edit::UnrejectSuggestion { doc, label, range })
            }
            Edit::UnrejectSuggestion { doc, label, range } => {
                document_mut(project, doc)?.unreject(&label, range);
                Ok(Edit::RejectSuggestion { doc, label, range })
            }
            Edit::RemoveConflict { doc, index } => {
                let conflict = document_mut(project, doc)?
                    .remove_conflict(index)
                    .ok_or(EditError::NoConflict { doc, index })?;
                Ok(Edit::AddConflict {
                    doc,
                    index,
                    conflict: Box::new(conflict),
                })
            }
            Edit::AddConflict {
                doc,
                index,
                conflict,
            } => {
                document_mut(project, doc)?.insert_conflict(index, *conflict);
                Ok(Edit::RemoveConflict { doc, index })
            }
            Edit::SetProjectName { name } => {
                let old = std::mem::replace(&mut project.name, name);
                Ok(Edit::SetProjectName { name: old })
            }
            Edit::AddRelation { doc, relation } => relations::add_relation(project, doc, relation),
            Edit::RemoveRelation { doc, relation } => {
                relations::remove_relation(project, doc, relation)
            }
            Edit::AddRelationType {
                index,
                relation_type,
            } => relations::add_relation_type(project, index, relation_type),
            Edit::RemoveRelationType { name } => relations::remove_relation_type(project, name),
            Edit::UpdateRelationType {
                name,
                relation_type,
            } => relations::update_relation_type(project, name, relation_type),
            Edit::Batch(edits) => bulk::apply_batch(project, edits),
        }
    }
}

fn document_mut(project: &mut Project, doc: DocId) -> Result<&mut Document, EditError> {
    project.document_mut(doc).ok_or(EditError::NoDocument(doc))
}

fn existing_span(project: &Project, doc: DocId, span: SpanId) -> Result<&Span, EditError> {
    project
        .document(doc)
        .ok_or(EditError::NoDocument(doc))?
        .span(span)
        .ok_or(EditError::NoSpan { doc, span })
}

fn update<R>(
    project: &mut Project,
    doc: DocId,
    span: SpanId,
    change: impl FnOnce(&mut Span) -> R,
) -> Result<R, EditError> {
    document_mut(project, doc)?
        .update_span(span, change)
        .ok_or(EditError::NoSpan { doc, span })
}

fn check_range(
    project: &Project,
    doc: DocId,
    span: SpanId,
    range: CharRange,
) -> Result<(), EditError> {
    let d = project.document(doc).ok_or(EditError::NoDocument(doc))?;
    if range.is_empty() {
        return Err(EditError::EmptySpan { span, range });
    }
    if range.end.0 > d.len_chars() {
        return Err(EditError::OutOfRange {
            span,
            range,
            len_chars: d.len_chars(),
        });
    }
    Ok(())
}

fn check_no_duplicate(
    project: &Project,
    doc: DocId,
    label: &str,
    range: CharRange,
    except: SpanId,
) -> Result<(), EditError> {
    let d = project.document(doc).ok_or(EditError::NoDocument(doc))?;
    match d.duplicate_of(label, range, except) {
        Some(existing) => Err(EditError::Duplicate {
            label: label.to_owned(),
            range,
            existing: existing.id,
        }),
        None => Ok(()),
    }
}

fn add_span(project: &mut Project, doc: DocId, span: Span) -> Result<Edit, EditError> {
    check_range(project, doc, span.id, span.range)?;
    if !project.labels.contains(&span.label) {
        return Err(EditError::NoLabel(span.label));
    }
    check_no_duplicate(project, doc, &span.label, span.range, span.id)?;
    if span.id.0 > crate::model::MAX_ID {
        return Err(EditError::SpanIdTooLarge(span.id));
    }
    if !project.span_id_is_free(span.id) {
        return Err(EditError::SpanIdInUse(span.id));
    }
    let id = span.id;
    project.reserve_span_id(id);
    project.insert_span(doc, span);
    Ok(Edit::RemoveSpan { doc, span: id })
}

fn add_document(
    project: &mut Project,
    index: usize,
    document: Document,
) -> Result<Edit, EditError> {
    if project.document(document.id).is_some() {
        return Err(EditError::DocIdInUse(document.id));
    }
    for span in document.spans() {
        if !project.labels.contains(&span.label) {
            return Err(EditError::NoLabel(span.label.clone()));
        }
        if !project.span_id_is_free(span.id) {
            return Err(EditError::SpanIdInUse(span.id));
        }
    }
    for relation in document.relations() {
        if !project.relation_id_is_free(relation.id) {
            return Err(EditError::RelationIdInUse(relation.id));
        }
    }
    let doc = document.id;
    project.reserve_doc_id(doc);
    if let Some(max) = document.spans().iter().map(|s| s.id).max() {
        project.reserve_span_id(max);
    }
    if let Some(last) = document.relations().last() {
        project.reserve_relation_id(last.id);
    }
    project.insert_document(index, document);
    Ok(Edit::RemoveDocument { doc })
}

fn check_label(label: &Label) -> Result<(), EditError> {
    if !crate::model::label::is_valid_label_name(&label.name) {
        return Err(EditError::BadLabelName(label.name.clone()));
    }
    if !crate::model::label::is_valid_color(&label.color) {
        return Err(EditError::BadColor(label.color.clone()));
    }
    Ok(())
}

fn update_label(project: &mut Project, name: String, label: Label) -> Result<Edit, EditError> {
    check_label(&label)?;
    let index = project
        .labels
        .position(&name)
        .ok_or_else(|| EditError::NoLabel(name.clone()))?;
    let renamed = label.name != name;
    if renamed && project.labels.contains(&label.name) {
        return Err(EditError::LabelExists(label.name));
    }
    let new_name = label.name.clone();
    let old = project.labels.replace(index, label);
    if renamed {
        // One pass and one re-sort per document: 100,000 spans rename in milliseconds.
        for document in &mut project.documents {
            document.rename_label(&name, &new_name);
        }
        relations::rename_label_in_types(project, &name, &new_name);
    }
    Ok(Edit::UpdateLabel {
        name: new_name,
        label: old,
    })
}

#[cfg(test)]
mod tests;
