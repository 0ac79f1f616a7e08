//! Why an edit was refused: each names what it concerns, for a message the user reads.

use crate::model::{CharRange, DocId, RelationId, SpanId};
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("there is no document with id {0}")]
    NoDocument(DocId),
    #[error("document {doc} has no span with id {span}")]
    NoSpan { doc: DocId, span: SpanId },
    #[error("span {span}: range {range} is outside the text ({len_chars} characters)")]
    OutOfRange {
        span: SpanId,
        range: CharRange,
        len_chars: usize,
    },
    #[error("span {span}: range {range} is empty")]
    EmptySpan { span: SpanId, range: CharRange },
    #[error("there is no label {}", crate::shown::quoted(.0))]
    NoLabel(String),
    #[error(
        "a {} span already covers {range} (span {existing})",
        crate::shown::quoted(label)
    )]
    Duplicate {
        label: String,
        range: CharRange,
        existing: SpanId,
    },
    #[error("span id {0} is already in use")]
    SpanIdInUse(SpanId),
    #[error(
        "span id {0} is beyond the largest id ({max}): this project has used up its span ids",
        max = crate::model::MAX_ID
    )]
    SpanIdTooLarge(SpanId),
    #[error("document id {0} is already in use")]
    DocIdInUse(DocId),
    #[error("a label named {} already exists", crate::shown::quoted(.0))]
    LabelExists(String),
    #[error("label {} is still used by {count} spans", crate::shown::quoted(name))]
    LabelInUse { name: String, count: usize },
    #[error("{} is not a usable label name", crate::shown::quoted(.0))]
    BadLabelName(String),
    #[error("\"{0}\" is not a colour of the form #RRGGBB")]
    BadColor(String),
    #[error("document {doc} has no merge conflict {index}")]
    NoConflict { doc: DocId, index: usize },
    #[error(
        "label {} is an end of relation type {}; change the type first",
        crate::shown::quoted(label),
        crate::shown::quoted(relation_type)
    )]
    LabelInRelationType {
        label: String,
        relation_type: String,
    },
    #[error("document {doc} has no relation with id {relation}")]
    NoRelation { doc: DocId, relation: RelationId },
    #[error("relation id {0} is already in use")]
    RelationIdInUse(RelationId),
    #[error("relation id {0} is not between 1 and the largest id")]
    RelationIdTooLarge(RelationId),
    #[error("there is no relation type {}", crate::shown::quoted(.0))]
    NoRelationType(String),
    #[error("a relation type named {} already exists", crate::shown::quoted(.0))]
    RelationTypeExists(String),
    #[error(
        "relation type {} is still used by {count} relations",
        crate::shown::quoted(name)
    )]
    RelationTypeInUse { name: String, count: usize },
    #[error("span {0} cannot be linked to itself")]
    RelationToItself(SpanId),
    #[error(
        "these spans are already linked by {} (relation {existing})",
        crate::shown::quoted(kind)
    )]
    DuplicateRelation { kind: String, existing: RelationId },
}
