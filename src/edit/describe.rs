//! What an edit is about, for the window: the document it changes and a few words
//! saying what it does (`3 spans added, 1 status changed`).

use super::Edit;
use crate::model::DocId;

impl Edit {
    /// The document this edit changes, for a window that wants to show it. A batch
    /// reports the document of its first edit that has one.
    pub fn document(&self) -> Option<DocId> {
        match self {
            Edit::AddSpan { doc, .. }
            | Edit::RemoveSpan { doc, .. }
            | Edit::Relabel { doc, .. }
            | Edit::Resize { doc, .. }
            | Edit::SetNote { doc, .. }
            | Edit::SetAttribute { doc, .. }
            | Edit::RemoveDocument { doc }
            | Edit::SetStatus { doc, .. }
            | Edit::SetMeta { doc, .. }
            | Edit::RejectSuggestion { doc, .. }
            | Edit::UnrejectSuggestion { doc, .. }
            | Edit::RemoveConflict { doc, .. }
            | Edit::AddConflict { doc, .. }
            | Edit::AddRelation { doc, .. }
            | Edit::RemoveRelation { doc, .. } => Some(*doc),
            Edit::AddDocument { document, .. } => Some(document.id),
            Edit::Batch(edits) => edits.iter().find_map(Edit::document),
            Edit::AddLabel { .. }
            | Edit::RemoveLabel { .. }
            | Edit::UpdateLabel { .. }
            | Edit::MoveLabel { .. }
            | Edit::SetProjectName { .. }
            | Edit::SetDesk { .. }
            | Edit::AddRelationType { .. }
            | Edit::RemoveRelationType { .. }
            | Edit::UpdateRelationType { .. } => None,
        }
    }

    /// What the edit does, in a few words for a confirmation: `3 spans added, 1 status
    /// changed`. Counted by kind, in a fixed order.
    pub fn summary(&self) -> String {
        let mut counts = [0usize; 13];
        self.count(&mut counts);
        const KINDS: [(&str, &str); 13] = [
            ("span added", "spans added"),
            ("span removed", "spans removed"),
            ("span relabelled", "spans relabelled"),
            ("span resized", "spans resized"),
            ("note or attribute changed", "notes or attributes changed"),
            ("document added", "documents added"),
            ("document removed", "documents removed"),
            ("status changed", "statuses changed"),
            (
                "suggestion rejected or restored",
                "suggestions rejected or restored",
            ),
            ("label or name changed", "labels or names changed"),
            (
                "merge conflict settled or reopened",
                "merge conflicts settled or reopened",
            ),
            ("relation added or removed", "relations added or removed"),
            ("article source changed", "article sources changed"),
        ];
        let parts: Vec<String> = counts
            .iter()
            .zip(KINDS)
            .filter(|(n, _)| **n > 0)
            .map(|(n, (one, many))| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        if parts.is_empty() {
            "nothing".to_owned()
        } else {
            parts.join(", ")
        }
    }

    fn count(&self, counts: &mut [usize; 13]) {
        let kind = match self {
            Edit::AddSpan { .. } => 0,
            Edit::RemoveSpan { .. } => 1,
            Edit::Relabel { .. } => 2,
            Edit::Resize { .. } => 3,
            Edit::SetNote { .. } | Edit::SetAttribute { .. } => 4,
            Edit::AddDocument { .. } => 5,
            Edit::RemoveDocument { .. } => 6,
            Edit::SetStatus { .. } => 7,
            Edit::SetMeta { .. } => 12,
            Edit::RejectSuggestion { .. } | Edit::UnrejectSuggestion { .. } => 8,
            Edit::RemoveConflict { .. } | Edit::AddConflict { .. } => 10,
            Edit::AddLabel { .. }
            | Edit::RemoveLabel { .. }
            | Edit::UpdateLabel { .. }
            | Edit::MoveLabel { .. }
            | Edit::SetProjectName { .. }
            | Edit::SetDesk { .. }
            | Edit::AddRelationType { .. }
            | Edit::RemoveRelationType { .. }
            | Edit::UpdateRelationType { .. } => 9,
            Edit::AddRelation { .. } | Edit::RemoveRelation { .. } => 11,
            Edit::Batch(edits) => {
                for edit in edits {
                    edit.count(counts);
                }
                return;
            }
        };
        counts[kind] += 1;
    }
}
