//! Pure data, no I/O and no GUI: text offsets and their conversions, labels, spans,
//! documents, relations and the project that holds them.

pub mod attributes;
pub mod check;
pub mod claims;
pub mod desk;
pub mod document;
pub mod interval;
pub mod label;
pub mod meta;
pub mod offsets;
pub mod project;
pub mod provenance;
pub mod relation;
pub mod schema;
pub mod segment;
pub mod span;
pub mod stats;
pub mod value;

pub use attributes::Attributes;
pub use document::{DocId, Document, MergeConflict, Status, sha256_hex};
pub use label::{Label, LabelSet};
pub use meta::ArticleMeta;
pub use offsets::{ByteOffset, CharOffset, CharRange, OffsetIndex, Utf16Offset};
pub use project::{FreshIds, MAX_ID, MAX_IMPORTED_ID, Project};
pub use provenance::{Confidence, How, Provenance};
pub use relation::{Relation, RelationId};
pub use schema::{AttributeDef, AttributeKind, RelationType};
pub use span::{Span, SpanId};
