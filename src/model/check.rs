//! What a loaded project may hold that its schema does not allow, found without
//! changing anything: attribute values that do not fit their field (a value outside a
//! choice's list, a date that is not one, a link to a span that is gone), relations
//! whose ends carry labels their type does not allow. A file with these still loads
//! and keeps every value; `spanmark validate` and the window report them.

use super::project::Project;
use super::schema::AttributeKind;
use super::span::SpanId;
use crate::shown::quoted;

/// One value or link that does not fit the project's schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub document: String,
    /// The span the value is on, or the relation's id.
    pub at: At,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// The project's own settings (the desk's publisher); `document` is empty.
    Project,
    /// The document itself (its source fields).
    Document,
    Span(SpanId),
    Relation(super::RelationId),
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = match self.at {
            At::Project => return write!(f, "project settings: {}", self.message),
            At::Document => {
                return write!(f, "document {}: {}", quoted(&self.document), self.message);
            }
            At::Span(id) => format!("span {id}"),
            At::Relation(id) => format!("relation {id}"),
        };
        write!(
            f,
            "document {}, {at}: {}",
            quoted(&self.document),
            self.message
        )
    }
}

/// `1 value or link does not` / `3 values or links do not`, to begin a message.
pub fn count_phrase(n: usize) -> String {
    if n == 1 {
        "1 value or link does not".to_owned()
    } else {
        format!("{n} values or links do not")
    }
}

/// Every value and relation of the project that does not fit its schema, in file
/// order.
pub fn findings(project: &Project) -> Vec<Finding> {
    let mut out: Vec<Finding> = project
        .desk
        .problems()
        .into_iter()
        .map(|why| Finding {
            document: String::new(),
            at: At::Project,
            message: format!("desk: {why}"),
        })
        .collect();
    for doc in project.documents() {
        for why in doc.meta.problems() {
            out.push(Finding {
                document: doc.name.clone(),
                at: At::Document,
                message: why,
            });
        }
        for span in doc.spans() {
            let Some(label) = project.labels.get(&span.label) else {
                continue;
            };
            for (key, value) in span.attributes.iter() {
                let Some(field) = label.field(key) else {
                    continue;
                };
                let why = match field.kind.check(value) {
                    Err(why) => Some(why),
                    Ok(()) if field.kind == AttributeKind::Span => {
                        let target = value.parse().ok().map(SpanId);
                        match target {
                            Some(t) if t == span.id => Some("links the span to itself".to_owned()),
                            Some(t) if doc.span(t).is_some() => None,
                            _ => Some(format!(
                                "links to span {value}, which is not in this document"
                            )),
                        }
                    }
                    Ok(()) => None,
                };
                if let Some(why) = why {
                    out.push(Finding {
                        document: doc.name.clone(),
                        at: At::Span(span.id),
                        message: format!("{} {why}", quoted(key)),
                    });
                }
            }
        }
        for relation in doc.relations() {
            let (Some(from), Some(to), Some(t)) = (
                doc.span(relation.from),
                doc.span(relation.to),
                project.relation_type(&relation.kind),
            ) else {
                continue;
            };
            if let Some(why) = t.refusal(&from.label, &to.label) {
                out.push(Finding {
                    document: doc.name.clone(),
                    at: At::Relation(relation.id),
                    message: why,
                });
            }
        }
    }
    out
}
