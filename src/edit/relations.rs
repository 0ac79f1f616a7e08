//! Edits of relations and relation types, and what removing a span takes with it: the
//! relations at either end and the span-link attributes pointing at it, restored by the
//! same undo step.

use super::{Edit, EditError, document_mut};
use crate::model::{AttributeKind, DocId, Project, Relation, RelationId, RelationType, SpanId};
use std::collections::HashSet;

pub(super) fn add_relation(
    project: &mut Project,
    doc: DocId,
    relation: Relation,
) -> Result<Edit, EditError> {
    let document = project.document(doc).ok_or(EditError::NoDocument(doc))?;
    if relation.id.0 == 0 || relation.id.0 > crate::model::MAX_ID {
        return Err(EditError::RelationIdTooLarge(relation.id));
    }
    if !project.relation_id_is_free(relation.id) {
        return Err(EditError::RelationIdInUse(relation.id));
    }
    if project.relation_type(&relation.kind).is_none() {
        return Err(EditError::NoRelationType(relation.kind));
    }
    for end in [relation.from, relation.to] {
        if document.span(end).is_none() {
            return Err(EditError::NoSpan { doc, span: end });
        }
    }
    if relation.from == relation.to {
        return Err(EditError::RelationToItself(relation.from));
    }
    if let Some(existing) =
        document.duplicate_relation(&relation.kind, relation.from, relation.to, relation.id)
    {
        return Err(EditError::DuplicateRelation {
            kind: relation.kind.clone(),
            existing: existing.id,
        });
    }
    let id = relation.id;
    project.insert_relation(doc, relation);
    Ok(Edit::RemoveRelation { doc, relation: id })
}

pub(super) fn remove_relation(
    project: &mut Project,
    doc: DocId,
    id: RelationId,
) -> Result<Edit, EditError> {
    project.document(doc).ok_or(EditError::NoDocument(doc))?;
    let relation = project
        .remove_relation(doc, id)
        .ok_or(EditError::NoRelation { doc, relation: id })?;
    Ok(Edit::AddRelation { doc, relation })
}

/// Takes away what points at the spans `ids` of `doc` before they go: the relations
/// at either end, and span-link attribute values naming them on the spans that stay.
/// Returns the inverses, to apply after the spans are back.
pub(super) fn detach(project: &mut Project, doc: DocId, ids: &HashSet<SpanId>) -> Vec<Edit> {
    let Some(document) = project.document(doc) else {
        return Vec::new();
    };
    let relations: Vec<RelationId> = document
        .relations()
        .iter()
        .filter(|r| ids.contains(&r.from) || ids.contains(&r.to))
        .map(|r| r.id)
        .collect();
    let links: Vec<(SpanId, String, String)> = document
        .spans()
        .iter()
        .filter(|s| !ids.contains(&s.id) && !s.attributes.is_empty())
        .flat_map(|s| {
            let label = project.labels.get(&s.label);
            s.attributes.iter().filter_map(move |(key, value)| {
                let is_link = label
                    .and_then(|l| l.field(key))
                    .is_some_and(|f| f.kind == AttributeKind::Span);
                let target = value.parse().ok().map(SpanId);
                (is_link && target.is_some_and(|t| ids.contains(&t)))
                    .then(|| (s.id, key.clone(), value.clone()))
            })
        })
        .collect();
    let mut inverses = Vec::with_capacity(relations.len() + links.len());
    for id in relations {
        if let Some(relation) = project.remove_relation(doc, id) {
            inverses.push(Edit::AddRelation { doc, relation });
        }
    }
    for (span, key, value) in links {
        let cleared = document_mut(project, doc)
            .ok()
            .and_then(|d| d.update_span(span, |s| s.attributes.remove(&key)));
        if cleared.is_some() {
            inverses.push(Edit::SetAttribute {
                doc,
                span,
                key,
                value: Some(value),
            });
        }
    }
    inverses
}

fn check_type(project: &Project, t: &RelationType) -> Result<(), EditError> {
    if !crate::model::label::is_valid_label_name(&t.name) {
        return Err(EditError::BadLabelName(t.name.clone()));
    }
    match t
        .from
        .iter()
        .chain(&t.to)
        .find(|l| !project.labels.contains(l))
    {
        Some(label) => Err(EditError::NoLabel(label.clone())),
        None => Ok(()),
    }
}

pub(super) fn add_relation_type(
    project: &mut Project,
    index: usize,
    relation_type: RelationType,
) -> Result<Edit, EditError> {
    check_type(project, &relation_type)?;
    if project.relation_type(&relation_type.name).is_some() {
        return Err(EditError::RelationTypeExists(relation_type.name));
    }
    let name = relation_type.name.clone();
    let index = index.min(project.relation_types.len());
    project.relation_types.insert(index, relation_type);
    Ok(Edit::RemoveRelationType { name })
}

pub(super) fn remove_relation_type(project: &mut Project, name: String) -> Result<Edit, EditError> {
    let count = relations_of_type(project, &name);
    if count > 0 {
        return Err(EditError::RelationTypeInUse { name, count });
    }
    let index = project
        .relation_types
        .iter()
        .position(|t| t.name == name)
        .ok_or(EditError::NoRelationType(name))?;
    let relation_type = project.relation_types.remove(index);
    Ok(Edit::AddRelationType {
        index,
        relation_type,
    })
}

/// Replaces type `name`; a new name retypes every relation of it.
pub(super) fn update_relation_type(
    project: &mut Project,
    name: String,
    relation_type: RelationType,
) -> Result<Edit, EditError> {
    check_type(project, &relation_type)?;
    let index = project
        .relation_types
        .iter()
        .position(|t| t.name == name)
        .ok_or_else(|| EditError::NoRelationType(name.clone()))?;
    let renamed = relation_type.name != name;
    if renamed && project.relation_type(&relation_type.name).is_some() {
        return Err(EditError::RelationTypeExists(relation_type.name));
    }
    let new_name = relation_type.name.clone();
    let old = std::mem::replace(&mut project.relation_types[index], relation_type);
    if renamed {
        for document in &mut project.documents {
            document.rename_relation_type(&name, &new_name);
        }
    }
    Ok(Edit::UpdateRelationType {
        name: new_name,
        relation_type: old,
    })
}

/// How many relations of the project have type `name`.
pub fn relations_of_type(project: &Project, name: &str) -> usize {
    project
        .documents()
        .iter()
        .map(|d| d.relations().iter().filter(|r| r.kind == name).count())
        .sum()
}

/// Renames label `from` to `to` in every relation type's ends.
pub(super) fn rename_label_in_types(project: &mut Project, from: &str, to: &str) {
    for t in &mut project.relation_types {
        for label in t.from.iter_mut().chain(t.to.iter_mut()) {
            if label == from {
                to.clone_into(label);
            }
        }
    }
}
