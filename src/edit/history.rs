//! Undo and redo over [`Edit`]s, one step per user gesture, across documents, with a
//! marker for the state last saved so the window can tell whether work is unsaved.

use super::{Edit, EditError};
use crate::model::Project;

/// One undoable step: the edit that reverts it and the states it connects.
#[derive(Debug)]
struct Step {
    edit: Edit,
    /// The state this step leads to when applied.
    to_state: u64,
}

/// The undo and redo stacks of one project.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Every state the project passes through gets a number; `0` is the opened state.
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
}

impl History {
    /// A history for a project that matches its file on disk.
    pub fn new_saved() -> Self {
        Self {
            next_state: 1,
            saved_state: Some(0),
            ..Self::default()
        }
    }

    /// A history for a project that has never been saved.
    pub fn new_unsaved() -> Self {
        Self {
            next_state: 1,
            saved_state: None,
            ..Self::default()
        }
    }

    /// Applies `edit` as one new undo step; clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.apply(project)?;
        let from_state = self.state;
        self.state = self.next_state;
        self.next_state += 1;
        self.undo.push(Step {
            edit: inverse,
            to_state: from_state,
        });
        self.redo.clear();
        Ok(())
    }

    /// Reverts the last step. Returns the edit that was undone (to show where), or
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<Edit>, EditError> {
        Self::transfer(project, &mut self.undo, &mut self.redo, &mut self.state)
    }

    /// Applies the last undone step again.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<Edit>, EditError> {
        Self::transfer(project, &mut self.redo, &mut self.undo, &mut self.state)
    }

    fn transfer(
        project: &mut Project,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        state: &mut u64,
    ) -> Result<Option<Edit>, EditError> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        let shown = step.edit.clone();
        match step.edit.apply(project) {
            Ok(inverse) => {
                to.push(Step {
                    edit: inverse,
                    to_state: *state,
                });
                *state = step.to_state;
                Ok(Some(shown))
            }
            Err(err) => {
                // The project no longer matches this step (it cannot happen when all
                // changes go through the history); drop it rather than loop on it.
                Err(err)
            }
        }
    }

    /// A number for the project's current state: equal numbers, equal projects.
    pub fn state_id(&self) -> u64 {
        self.state
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the project as it is now has been written to its file.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
    }

    /// Does the project differ from what was last saved (or was it never saved)?
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }
}
