//! The look of the window in one place: every colour and size the panels draw with
//! (the article's text size and width, how spans, the selection, find matches and
//! suggestions are marked, the span list's rows), and the one way a label's colour is
//! found ([`label_color`]) and a `#RRGGBB` string is read ([`parse_color`]). Panels take
//! their numbers from here rather than writing them where they draw.

use crate::model::LabelSet;
use egui::{Color32, Visuals};

// The article's text.

/// Body text size in points (Ctrl+plus/minus scales everything).
pub const FONT_SIZE: f32 = 16.0;
/// The height of a line of the article.
pub const LINE_HEIGHT: f32 = FONT_SIZE * 1.75;
/// The widest the text runs, in points: about 75 characters.
pub const MAX_WIDTH: f32 = 680.0;
/// The narrowest the text runs, however narrow the window.
pub const MIN_WIDTH: f32 = 120.0;
/// The space left and right of the text, at least.
pub const MARGIN: f32 = 24.0;
/// The space below a paragraph (none inside a long line cut for layout).
pub const PARAGRAPH_GAP: f32 = 6.0;

// Spans over the article.

/// How strongly a span's label colour fills its text.
pub const SPAN_FILL_ALPHA: f32 = 0.12;
/// The same for the selected span.
pub const SELECTED_SPAN_FILL_ALPHA: f32 = 0.35;
/// How much of a text row's height a span's fill leaves out, above and below.
pub const SPAN_FILL_INSET: f32 = 3.0;
/// The selected span's frame: inset from the row above and below, width and rounding.
pub const SELECTED_FRAME_INSET: f32 = 2.0;
pub const SELECTED_FRAME_WIDTH: f32 = 1.5;
pub const FRAME_ROUNDING: f32 = 2.0;
/// The underline of lane 0: its middle this far above the row's bottom.
pub const UNDERLINE_BOTTOM: f32 = 2.0;
pub const UNDERLINE_THICKNESS: f32 = 2.0;
/// The distance between two underline lanes.
pub const LANE_GAP: f32 = 3.0;
/// Lanes beyond this one are drawn on it.
pub const MAX_LANES: usize = 4;

/// Coders' ticks (layers): lane 0's top this far below the row's top, each next
/// coder's this much lower, this thick; coders beyond [`MAX_CODER_LANES`] share the last.
pub const CODER_TICK_TOP: f32 = 0.5;
pub const CODER_LANE_GAP: f32 = 2.5;
pub const CODER_TICK_THICKNESS: f32 = 1.5;
pub const MAX_CODER_LANES: usize = 4;
/// The selected disagreement's outline (a neutral grey, apart from the labels).
pub const FOCUS_COLOR: Color32 = Color32::from_rgb(0x70, 0x70, 0x70);
pub const FOCUS_WIDTH: f32 = 1.5;

// The selection, find matches and suggestions over the article.

/// How strongly the theme's selection colour fills the selected text.
pub const SELECTION_ALPHA: f32 = 0.6;
/// Find matches: an amber outline (Okabe–Ito orange, apart from the label colours).
pub const FIND_COLOR: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
pub const FIND_WIDTH: f32 = 1.5;
/// How much of a row's height a suggestion's outline leaves out, above and below.
pub const SUGGESTION_INSET: f32 = 1.0;
/// A suggestion's outline: dashed; wider, with longer dashes and shorter gaps, when it
/// is the selected one.
pub const SUGGESTION_WIDTH: f32 = 1.2;
pub const SELECTED_SUGGESTION_WIDTH: f32 = 2.0;
pub const SUGGESTION_DASH: f32 = 4.0;
pub const SUGGESTION_GAP: f32 = 3.0;
pub const SELECTED_SUGGESTION_DASH: f32 = 7.0;
pub const SELECTED_SUGGESTION_GAP: f32 = 2.0;
/// The selected suggestion is hatched inside its outline: diagonal stripes in its
/// outline's colour, this strong, this far apart and this wide. A selected span is
/// filled flat and framed with a solid line; the two never look alike.
pub const SELECTED_SUGGESTION_HATCH_ALPHA: f32 = 0.7;
pub const SELECTED_SUGGESTION_HATCH_GAP: f32 = 6.0;
pub const SELECTED_SUGGESTION_HATCH_WIDTH: f32 = 1.5;
/// How strongly a suggestion below [`crate::suggest::CONFIDENT`] is outlined.
pub const UNSURE_SUGGESTION_ALPHA: f32 = 0.5;

// The span list.

/// The room kept below the list for the inspector of the selected span.
pub const INSPECTOR_HEIGHT: f32 = 310.0;
/// The list is never lower than this, however little room the inspector leaves.
pub const MIN_LIST_HEIGHT: f32 = 80.0;
/// While a span is selected, a tab of the spans panel shows the list with the
/// inspector under it only where, the list at its least, the inspector keeps
/// [`FOLD_INSPECTOR_ROWS`] rows of the panel; elsewhere the two take turns
/// (`spans::fold`). The list at its least is [`MIN_LIST_HEIGHT`] and
/// [`FOLD_LIST_ROWS`] rows: the filters over it (the Claims tab's header at its least),
/// its count and the separators. The inspector's rows: its heading, the label, the
/// span's text, offsets and maker, and the first two fields (a claim's status and
/// verdict), with a row to spare for the text and the maker where a narrow panel wraps
/// them. At egui's sizes a row is 23 points and the tab needs 356 under the tabs:
/// 1280×800 at 150% (401) and 800×600 at 120% (367) keep both; 1280×800 at 200% (268)
/// and 800×600 at 160% (220) take turns.
pub const FOLD_LIST_ROWS: f32 = 4.0;
pub const FOLD_INSPECTOR_ROWS: f32 = 8.0;
/// A row's colour mark: its distance from the row's left, its width, and where it
/// starts and how high it is, as shares of the row's height.
pub const ROW_MARK_LEFT: f32 = 2.0;
pub const ROW_MARK_WIDTH: f32 = 4.0;
pub const ROW_MARK_TOP: f32 = 0.1;
pub const ROW_MARK_HEIGHT: f32 = 0.8;
/// Where a row's text starts, from the row's left.
pub const ROW_TEXT_LEFT: f32 = 12.0;
pub const ROW_ROUNDING: f32 = 2.0;

// The document list.

/// The width of a document's status box.
pub const STATUS_BOX_WIDTH: f32 = 90.0;

/// The colour of a label not in the label set.
pub const UNKNOWN_LABEL: Color32 = Color32::GRAY;

/// A `#RRGGBB` colour; a channel that cannot be read is 128.
pub fn parse_color(hex: &str) -> Color32 {
    let channel =
        |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    Color32::from_rgb(channel(1), channel(3), channel(5))
}

/// The colour of label `name`: its own, or [`UNKNOWN_LABEL`] when `labels` has none
/// of that name.
pub fn label_color(labels: &LabelSet, name: &str) -> Color32 {
    labels
        .get(name)
        .map_or(UNKNOWN_LABEL, |l| parse_color(&l.color))
}

/// A span's fill in its label colour `color`.
pub fn span_fill(color: Color32, selected: bool) -> Color32 {
    color.gamma_multiply(if selected {
        SELECTED_SPAN_FILL_ALPHA
    } else {
        SPAN_FILL_ALPHA
    })
}

/// A suggestion's outline in its label colour `color`, fainter when unsure.
pub fn suggestion_color(color: Color32, confident: bool) -> Color32 {
    color.gamma_multiply(if confident {
        1.0
    } else {
        UNSURE_SUGGESTION_ALPHA
    })
}

/// The fill of the selected text, from the light or dark theme in use.
pub fn selection_fill(visuals: &Visuals) -> Color32 {
    visuals.selection.bg_fill.gamma_multiply(SELECTION_ALPHA)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_colours_come_from_the_label_set_and_unknown_ones_are_grey() {
        let labels = LabelSet::default();
        assert_eq!(
            label_color(&labels, "quote"),
            Color32::from_rgb(0x00, 0x72, 0xB2)
        );
        assert_eq!(
            label_color(&labels, "claim"),
            Color32::from_rgb(0xD5, 0x5E, 0x00)
        );
        assert_eq!(label_color(&labels, "nope"), UNKNOWN_LABEL);
        assert_eq!(parse_color("#zz10"), Color32::from_rgb(128, 0x10, 128));
        assert_eq!(parse_color(""), Color32::from_rgb(128, 128, 128));
    }
}
