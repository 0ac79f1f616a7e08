//! Settling the merge conflicts git left in a document (see [`crate::merge3`]): keep
//! our version, or take theirs; each is one undo step that also takes the conflict off
//! the document's list.

use super::Session;
use super::command::ConflictCommand;
use crate::edit::Edit;

impl Session {
    pub(super) fn settle(&mut self, command: ConflictCommand) -> Result<(), String> {
        let Some(doc) = self.document() else {
            return Ok(());
        };
        let (index, take_theirs) = match command {
            ConflictCommand::KeepOurs(i) => (i, false),
            ConflictCommand::TakeTheirs(i) => (i, true),
        };
        let Some(conflict) = doc.conflicts().get(index) else {
            return Err(format!("there is no merge conflict {} here", index + 1));
        };
        let doc_id = doc.id;
        let mut edits = Vec::new();
        if take_theirs {
            // The span the project holds meanwhile (ours, or theirs where we deleted it).
            let held = conflict
                .ours
                .as_ref()
                .or(conflict.theirs.as_ref())
                .map(|s| s.id)
                .filter(|id| doc.span(*id).is_some());
            if let Some(span) = held {
                edits.push(Edit::RemoveSpan { doc: doc_id, span });
            }
            if let Some(theirs) = &conflict.theirs {
                let mut span = theirs.clone();
                // The span keeps the id it has here; a new one where none is held.
                span.id = held.unwrap_or_else(|| self.project.fresh_ids().span());
                edits.push(Edit::AddSpan { doc: doc_id, span });
            }
        }
        edits.push(Edit::RemoveConflict { doc: doc_id, index });
        self.edit(Edit::Batch(edits))?;
        let which = if take_theirs { "their" } else { "our" };
        self.notice = Some(format!(
            "Merge conflict settled with {which} version; Ctrl+Z undoes"
        ));
        Ok(())
    }
}
