//! Relations: a directed, typed link from one span to another of the same document (a
//! quote *attributed to* the span naming its speaker). Their types and the labels
//! allowed at each end are in [`super::schema::RelationType`].

use super::span::SpanId;
use std::fmt;

/// A relation's id, unique within its project and never reused (a counter of its own,
/// apart from span ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(pub u64);

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Relation {
    pub id: RelationId,
    /// The relation type's name (`attributed to`).
    pub kind: String,
    pub from: SpanId,
    pub to: SpanId,
}

impl Relation {
    pub fn new(id: RelationId, kind: &str, from: SpanId, to: SpanId) -> Self {
        Self {
            id,
            kind: kind.to_owned(),
            from,
            to,
        }
    }

    /// Does the relation start or end at `span`?
    pub fn touches(&self, span: SpanId) -> bool {
        self.from == span || self.to == span
    }

    /// The other end, seen from `span`.
    pub fn other_end(&self, span: SpanId) -> SpanId {
        if self.from == span {
            self.to
        } else {
            self.from
        }
    }
}
