//! The relations of an import: each gets a fresh relation id, its ends are the spans
//! the import added for the file's span ids, or the identical spans already in the
//! document when the file's were duplicates. A relation whose end was left out, whose
//! type the project will not have, that links a span to itself or repeats one already
//! there is counted in the report with its reason, never dropped unsaid.

use super::{ImportReport, Skip};
use crate::edit::Edit;
use crate::formats::json::ExportRelation;
use crate::model::{DocId, Document, FreshIds, Relation, SpanId};
use crate::shown::quoted;
use std::collections::{HashMap, HashSet};

/// Relations planned so far, document by document.
pub(super) struct Planner {
    /// The relation types the project will have.
    types: HashSet<String>,
    ids: FreshIds,
    /// (type, from, to) per document, there already or planned, to skip repeats.
    seen: HashMap<DocId, HashSet<(String, SpanId, SpanId)>>,
    edits: Vec<Edit>,
}

impl Planner {
    pub(super) fn new(types: HashSet<String>, ids: FreshIds) -> Self {
        Self {
            types,
            ids,
            seen: HashMap::new(),
            edits: Vec::new(),
        }
    }

    /// Plans the file's `relations` of document `name`, merged into `target`;
    /// `span_of` maps a span id of the file to the project span it became.
    pub(super) fn plan_document(
        &mut self,
        target: &Document,
        name: &str,
        relations: &[ExportRelation],
        span_of: impl Fn(u64) -> Option<SpanId>,
        report: &mut ImportReport,
    ) {
        if relations.is_empty() {
            return;
        }
        let seen = self.seen.entry(target.id).or_insert_with(|| {
            target
                .relations()
                .iter()
                .map(|r| (r.kind.clone(), r.from, r.to))
                .collect()
        });
        for relation in relations {
            report.found.relations += 1;
            let at = format!("document {}, relation {}", quoted(name), relation.id);
            let found = &mut report.found;
            if !self.types.contains(&relation.kind) {
                let what = if relation.kind.is_empty() {
                    "it has no type, and no relation type of the project allows its ends".to_owned()
                } else {
                    format!(
                        "relation type {} is not in the project",
                        quoted(&relation.kind)
                    )
                };
                found.relation_skip(Skip::UnknownRelationType, &at, &what);
                continue;
            }
            let (Some(from), Some(to)) = (span_of(relation.from), span_of(relation.to)) else {
                let missing = if span_of(relation.from).is_none() {
                    relation.from
                } else {
                    relation.to
                };
                let what = format!("its end, span {missing}, was not imported");
                found.relation_skip(Skip::MissingEnd, &at, &what);
                continue;
            };
            if from == to {
                found.relation_skip(Skip::Malformed, &at, "it links a span to itself");
                continue;
            }
            if !seen.insert((relation.kind.clone(), from, to)) {
                found.relation_skip(Skip::Duplicate, &at, "duplicate");
                continue;
            }
            report.relations_added += 1;
            self.edits.push(Edit::AddRelation {
                doc: target.id,
                relation: Relation::new(self.ids.relation(), &relation.kind, from, to),
            });
        }
    }

    pub(super) fn into_edits(self) -> Vec<Edit> {
        self.edits
    }
}
