//! A low Spans panel (800×600 at 200%): in a tab lower than [`theme::FOLD_HEIGHT`],
//! the list at its least would leave the inspector under it too little room to be of
//! use, so while a span is selected the two take turns rather than share the height.
//! The inspector shows first, under a line with a button back to the list
//! (`◂ 12 spans`) and the span's heading; on the list, a button in the same place
//! brings the inspector back. A span newly selected (a row clicked, a span in the
//! article, a jump) and F2 show the inspector; with no span selected (Esc) the list
//! has the tab to itself. A taller tab shows the list with the inspector under it,
//! as it always did.

use crate::model::SpanId;
use crate::ui::theme;
use egui::{RichText, Ui};

/// What a tab of the Spans panel shows in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shown {
    /// The list alone: no span is selected.
    List,
    /// The list, and under it the inspector of the selected span.
    Both,
    /// The list, under a line back to the selected span's inspector.
    ListFolded(SpanId),
    /// The selected span's inspector, under a line back to the list.
    Inspector(SpanId),
}

/// Which of the two a low panel shows.
#[derive(Default)]
pub(super) struct Fold {
    /// The span that was selected when the user went back to the list: while it stays
    /// selected, the list shows.
    list_for: Option<SpanId>,
}

impl Fold {
    /// What a tab `room` points high shows.
    pub(super) fn shown(&mut self, selected: Option<SpanId>, room: f32) -> Shown {
        if self.list_for != selected {
            self.list_for = None;
        }
        match selected {
            None => Shown::List,
            Some(_) if room >= theme::FOLD_HEIGHT => Shown::Both,
            Some(span) if self.list_for == Some(span) => Shown::ListFolded(span),
            Some(span) => Shown::Inspector(span),
        }
    }

    /// The list shows while `span` stays selected.
    pub(super) fn show_list(&mut self, span: SpanId) {
        self.list_for = Some(span);
    }

    /// The inspector shows (a row clicked, F2).
    pub(super) fn show_inspector(&mut self) {
        self.list_for = None;
    }
}

/// The line over a folded inspector: a button back to the list (`list`: what it
/// holds, `12 spans`) and the span's heading. Returns whether the button was clicked.
pub(super) fn back_to_list_ui(ui: &mut Ui, list: &str, span: SpanId) -> bool {
    let clicked = ui
        .horizontal(|ui| {
            let clicked = ui
                .button(format!("◂ {list}"))
                .on_hover_text("Show the list; the inspector folds into a line over it")
                .clicked();
            ui.label(RichText::new(format!("Span {span}")).heading());
            clicked
        })
        .inner;
    ui.separator();
    clicked
}

/// The line over a list whose inspector is folded away, in the same place: a button
/// back to the inspector of `span` (labelled `label`). Returns whether it was clicked.
pub(super) fn back_to_inspector_ui(ui: &mut Ui, span: SpanId, label: &str) -> bool {
    let clicked = ui
        .button(format!("Span {span} ({label}) ▸"))
        .on_hover_text("Show the inspector of the selected span")
        .clicked();
    ui.separator();
    clicked
}
