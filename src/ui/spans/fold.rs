//! A low Spans panel (800×600 at 150%, 1280×800 at 200%): where the list at its least
//! would leave the inspector under it too little room to show its first fields
//! without scrolling, the two take turns while a span is selected rather than share
//! the height. The room is counted in rows of the panel (a control's height or a line
//! of text's, whichever is higher, and the space under it), so the rule follows the
//! style: the list at its least is [`theme::MIN_LIST_HEIGHT`] and
//! [`theme::FOLD_LIST_ROWS`] rows (its filters, count and separators), and the
//! inspector needs [`theme::FOLD_INSPECTOR_ROWS`] of what is left (its heading, the
//! label, the span's text, offsets and maker, the first fields).
//! The inspector shows first, under a line with a button back to the list
//! (`◂ 12 spans`) and the span's heading; on the list, a button in the same place
//! brings the inspector back. A span newly selected (a row clicked, a span in the
//! article, a jump) and F2 show the inspector; with no span selected (Esc) the list
//! has the tab to itself. A taller tab shows the list with the inspector under it,
//! as it always did.

use crate::model::SpanId;
use crate::ui::theme;
use egui::{RichText, TextStyle, Ui};

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
    /// What a tab `room` points high shows, its rows `row` points high ([`row_height`]).
    pub(super) fn shown(&mut self, selected: Option<SpanId>, room: f32, row: f32) -> Shown {
        if self.list_for != selected {
            self.list_for = None;
        }
        match selected {
            None => Shown::List,
            Some(_) if room_for_both(room, row) => Shown::Both,
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

/// The height of a row of the panel: a control's or a line of body text's, whichever
/// is higher, and the space under it.
pub(super) fn row_height(ui: &Ui) -> f32 {
    let spacing = ui.spacing();
    let line = ui.text_style_height(&TextStyle::Body);
    spacing.interact_size.y.max(line) + spacing.item_spacing.y
}

/// Does a tab `room` points high, its rows `row` points high, hold the list at its
/// least and under it an inspector showing its first fields?
fn room_for_both(room: f32, row: f32) -> bool {
    let list = theme::MIN_LIST_HEIGHT + theme::FOLD_LIST_ROWS * row;
    room - list >= theme::FOLD_INSPECTOR_ROWS * row
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A row at egui's sizes: a control 20 points high and 3 under it.
    const ROW: f32 = 23.0;

    /// What a tab `room` high shows, `row` its rows' height, a span selected.
    fn shown(room: f32, row: f32) -> Shown {
        Fold::default().shown(Some(SpanId(2)), room, row)
    }

    #[test]
    fn a_tab_shows_both_where_the_inspector_keeps_its_rows_under_the_list_at_its_least() {
        // 1280×800 at 100%, at 150%: the list and the inspector.
        assert_eq!(shown(695.0, ROW), Shown::Both);
        assert_eq!(shown(401.0, ROW), Shown::Both);
        // 1280×800 at 200%, 800×600 at 160%: taller than the old 200 points, but
        // the inspector would get its heading and two rows.
        assert_eq!(shown(268.0, ROW), Shown::Inspector(SpanId(2)));
        assert_eq!(shown(220.0, ROW), Shown::Inspector(SpanId(2)));
        // The list at its least (80 points and four rows) and eight rows, exactly.
        assert_eq!(shown(80.0 + 12.0 * ROW, ROW), Shown::Both);
        assert_eq!(
            shown(80.0 + 12.0 * ROW - 1.0, ROW),
            Shown::Inspector(SpanId(2))
        );
    }

    #[test]
    fn larger_rows_need_a_taller_tab() {
        // Body text larger than the controls: its lines make the rows.
        assert_eq!(shown(380.0, ROW), Shown::Both);
        assert_eq!(shown(380.0, 26.0), Shown::Inspector(SpanId(2)));
        assert_eq!(shown(80.0 + 12.0 * 26.0, 26.0), Shown::Both);
    }

    #[test]
    fn no_span_selected_shows_the_list_and_a_list_asked_for_stays() {
        let mut fold = Fold::default();
        assert_eq!(fold.shown(None, 150.0, ROW), Shown::List);
        fold.show_list(SpanId(2));
        assert_eq!(
            fold.shown(Some(SpanId(2)), 150.0, ROW),
            Shown::ListFolded(SpanId(2))
        );
        // Another span selected: its inspector.
        assert_eq!(
            fold.shown(Some(SpanId(3)), 150.0, ROW),
            Shown::Inspector(SpanId(3))
        );
    }
}
