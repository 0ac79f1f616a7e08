//! Linking spans: making and removing relations (each one undo step), the linking
//! gesture the window drives (select a span, press R, pick the other end), checking
//! attribute values as they are entered, and changing the relation types. A quote
//! linked *attributed to* a span takes that span's text as its speaker in the same
//! step.

use super::Session;
use super::changes::speaker_name;
use crate::edit::{Edit, relations_of_type};
use crate::model::schema::FILLS;
use crate::model::{AttributeKind, Relation, RelationId, RelationType, SpanId};
use crate::shown::quoted;

/// Links between spans and their types: each change is one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum RelationCommand {
    /// Links `from` to `to` with type `kind`, or the first type their labels allow.
    Link {
        from: SpanId,
        to: SpanId,
        kind: Option<String>,
    },
    Remove(RelationId),
    /// Gives a link another type (one its ends' labels allow), keeping its id.
    SetType(RelationId, String),
    /// Starts linking from the selected span: the next span picked is the other end.
    Start,
    /// Ends the linking gesture at `to` (a click on a span, or Enter on the selected one).
    Finish(SpanId),
    Cancel,
    AddType(RelationType),
    /// Replaces relation type `name` (a new name retypes its relations).
    UpdateType {
        name: String,
        relation_type: RelationType,
    },
    /// Removes a relation type no relation has.
    RemoveType(String),
}

impl Session {
    /// The span a linking gesture started from, while one is under way.
    pub fn linking_from(&self) -> Option<SpanId> {
        self.linking_from
    }

    /// The relation types that may link `from` to `to` (by their labels), in order.
    pub fn types_between(&self, from: SpanId, to: SpanId) -> Vec<&RelationType> {
        let label = |id| self.project.find_span(id).map(|(_, s)| s.label.as_str());
        let (Some(from), Some(to)) = (label(from), label(to)) else {
            return Vec::new();
        };
        self.project
            .relation_types
            .iter()
            .filter(|t| t.allows(from, to))
            .collect()
    }

    pub(super) fn change_relations(&mut self, command: RelationCommand) -> Result<(), String> {
        match command {
            RelationCommand::Link { from, to, kind } => self.link(from, to, kind),
            RelationCommand::Remove(id) => {
                let Some((doc, _)) = self.project.find_relation(id) else {
                    return Err(format!("there is no relation {id}"));
                };
                let doc = doc.id;
                self.edit(Edit::RemoveRelation { doc, relation: id })?;
                self.notice = Some("Removed the link; Ctrl+Z undoes".to_owned());
                Ok(())
            }
            RelationCommand::SetType(id, kind) => self.retype(id, kind),
            RelationCommand::Start => {
                let Some(from) = self.selected_span else {
                    return Err("select the span to link from first".to_owned());
                };
                self.linking_from = Some(from);
                self.notice = Some(
                    "Linking: click the other span (or select it and press Enter); Esc cancels"
                        .to_owned(),
                );
                Ok(())
            }
            RelationCommand::Finish(to) => {
                let Some(from) = self.linking_from.take() else {
                    return Ok(());
                };
                self.link(from, to, None)
            }
            RelationCommand::Cancel => {
                if self.linking_from.take().is_some() {
                    self.notice = Some("Linking cancelled".to_owned());
                }
                Ok(())
            }
            RelationCommand::AddType(t) => {
                let name = t.name.clone();
                self.edit(Edit::AddRelationType {
                    index: usize::MAX,
                    relation_type: t,
                })?;
                self.notice = Some(format!(
                    "Added relation type {}; Ctrl+Z undoes",
                    quoted(&name)
                ));
                Ok(())
            }
            RelationCommand::UpdateType {
                name,
                relation_type,
            } => {
                if self.project.relation_type(&name) == Some(&relation_type) {
                    return Ok(());
                }
                let renamed = (relation_type.name != name).then(|| relation_type.name.clone());
                self.edit(Edit::UpdateRelationType {
                    name: name.clone(),
                    relation_type,
                })?;
                self.notice = Some(match renamed {
                    Some(new) => {
                        let n = self.relation_type_use(&new);
                        let s = if n == 1 { "" } else { "s" };
                        format!(
                            "Renamed relation type {} to {} ({n} relation{s}); Ctrl+Z undoes",
                            quoted(&name),
                            quoted(&new),
                        )
                    }
                    None => format!("Changed relation type {}; Ctrl+Z undoes", quoted(&name)),
                });
                Ok(())
            }
            RelationCommand::RemoveType(name) => {
                self.edit(Edit::RemoveRelationType { name: name.clone() })?;
                self.notice = Some(format!(
                    "Removed relation type {}; Ctrl+Z undoes",
                    quoted(&name)
                ));
                Ok(())
            }
        }
    }

    fn link(&mut self, from: SpanId, to: SpanId, kind: Option<String>) -> Result<(), String> {
        let (Some((from_doc, from_span)), Some((to_doc, to_span))) =
            (self.project.find_span(from), self.project.find_span(to))
        else {
            return Err("a link needs two spans that exist".to_owned());
        };
        if from_doc.id != to_doc.id {
            return Err("a link joins two spans of the same document".to_owned());
        }
        if from == to {
            return Err("a span cannot be linked to itself".to_owned());
        }
        let kind = match kind {
            Some(kind) => {
                let t = self
                    .project
                    .relation_type(&kind)
                    .ok_or_else(|| format!("there is no relation type {}", quoted(&kind)))?;
                if let Some(why) = t.refusal(&from_span.label, &to_span.label) {
                    return Err(why);
                }
                kind
            }
            None => self
                .types_between(from, to)
                .first()
                .map(|t| t.name.clone())
                .ok_or_else(|| {
                    format!(
                        "no relation type links a {} span to a {} span (add one in the label editor)",
                        quoted(&from_span.label),
                        quoted(&to_span.label)
                    )
                })?,
        };
        let doc = from_doc.id;
        if let Some(existing) = from_doc.duplicate_relation(&kind, from, to, RelationId(0)) {
            return Err(format!(
                "these spans are already linked by {} (relation {})",
                quoted(&kind),
                existing.id
            ));
        }
        let mut edits = vec![Edit::AddRelation {
            doc,
            relation: Relation::new(self.project.fresh_ids().relation(), &kind, from, to),
        }];
        // Linking a quote to the mention of a person names its speaker (a claim, its
        // claimant): the field the type fills, where the label offers it.
        let mut filled = None;
        let field = FILLS
            .iter()
            .find(|(t, _)| *t == kind)
            .map(|(_, field)| *field)
            .filter(|field| {
                self.project
                    .labels
                    .get(&from_span.label)
                    .is_some_and(|l| l.field(field).is_some())
            });
        if let Some(field) = field {
            let name = speaker_name(from_doc.slice(to_span.range).unwrap_or(""));
            if !name.is_empty() && from_span.attributes.get(field) != Some(&name) {
                filled = Some((field, name.clone()));
                edits.push(Edit::SetAttribute {
                    doc,
                    span: from,
                    key: field.to_owned(),
                    value: Some(name),
                });
            }
        }
        self.edit(Edit::Batch(edits))?;
        self.notice = Some(match filled {
            Some((field, name)) => {
                format!("Linked: {kind}; {field} {}; Ctrl+Z undoes", quoted(&name))
            }
            None => format!("Linked: {kind}; Ctrl+Z undoes"),
        });
        Ok(())
    }

    fn retype(&mut self, id: RelationId, kind: String) -> Result<(), String> {
        let Some((doc, relation)) = self.project.find_relation(id) else {
            return Err(format!("there is no relation {id}"));
        };
        if relation.kind == kind {
            return Ok(());
        }
        let label = |span| doc.span(span).map(|s| s.label.clone()).unwrap_or_default();
        let t = self
            .project
            .relation_type(&kind)
            .ok_or_else(|| format!("there is no relation type {}", quoted(&kind)))?;
        if let Some(why) = t.refusal(&label(relation.from), &label(relation.to)) {
            return Err(why);
        }
        if let Some(existing) = doc.duplicate_relation(&kind, relation.from, relation.to, id) {
            return Err(format!(
                "these spans are already linked by {} (relation {})",
                quoted(&kind),
                existing.id
            ));
        }
        let doc = doc.id;
        let retyped = Relation::new(id, &kind, relation.from, relation.to);
        self.edit(Edit::Batch(vec![
            Edit::RemoveRelation { doc, relation: id },
            Edit::AddRelation {
                doc,
                relation: retyped,
            },
        ]))?;
        self.notice = Some(format!("The link is now {}; Ctrl+Z undoes", quoted(&kind)));
        Ok(())
    }

    /// Why `value` may not be entered for attribute `key` of span `span`, if it may
    /// not: it must fit the field the span's label offers (a link must name another
    /// span of the same document). Fields the label does not offer take any text.
    pub(super) fn check_value(&self, span: SpanId, key: &str, value: &str) -> Result<(), String> {
        let Some((doc, s)) = self.project.find_span(span) else {
            return Err(format!("there is no span {span}"));
        };
        let Some(field) = self.project.labels.get(&s.label).and_then(|l| l.field(key)) else {
            return Ok(());
        };
        field
            .kind
            .check(value)
            .map_err(|why| format!("{}: {why}", quoted(key)))?;
        if field.kind == AttributeKind::Span {
            let target = value
                .parse()
                .map(SpanId)
                .map_err(|_| format!("{} is not a span id", quoted(value)))?;
            if target == span || doc.span(target).is_none() {
                return Err(format!(
                    "{}: span {value} is not another span of this document",
                    quoted(key)
                ));
            }
        }
        Ok(())
    }

    /// How many relations have type `name`.
    pub fn relation_type_use(&self, name: &str) -> usize {
        relations_of_type(&self.project, name)
    }
}

#[cfg(test)]
mod tests;
