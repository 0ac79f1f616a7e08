//! One row of the span list, drawn: a span's colour mark and its text (the speaker
//! first, in a quieter colour, unless the list is grouped by speaker), or a group's
//! header with its open or closed triangle. A row's text is laid out once
//! ([`row_galley`]) and drawn with the others as one mesh; the rows are drawn directly
//! rather than from nested widgets, since the list is on screen every frame.

use crate::model::Document;
use crate::model::stats::speaker_of;
use crate::ui::preview;
use crate::ui::text_mesh::DeferredText;
use crate::ui::theme;
use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, Ui};
use std::sync::Arc;

/// How much of a speaker's name a row shows before the span's text.
const ROW_SPEAKER_CHARS: usize = 24;
/// How much of a span's text a row shows.
const ROW_TEXT_CHARS: usize = 48;

/// How span rows are laid out.
pub(super) struct RowLook<'a> {
    pub(super) font: &'a FontId,
    pub(super) speaker_color: Color32,
    /// Show the speaker before the text (not when the list is grouped by speaker).
    pub(super) with_speaker: bool,
    /// Where a row's text is cut with "…".
    pub(super) text_width: f32,
}

/// A row's text, laid out, and where in it the part read out begins (after the
/// speaker shown before a span's text).
pub(super) struct RowText {
    pub(super) galley: Arc<Galley>,
    pub(super) text_start: usize,
}

impl RowText {
    /// What a screen reader reads: the span's text, or the group's header.
    fn label(&self) -> &str {
        self.galley.text().get(self.text_start..).unwrap_or("")
    }
}

/// A span row's text: its speaker (if shown) in a quieter colour, then its text, in
/// the colour of the row's state (left to the painter).
pub(super) fn row_galley(ui: &Ui, doc: &Document, i: usize, look: &RowLook) -> RowText {
    let text = doc
        .spans()
        .get(i)
        .map(|s| preview(doc.slice(s.range).unwrap_or(""), ROW_TEXT_CHARS))
        .unwrap_or_default();
    let mut job = LayoutJob::default();
    if let Some(speaker) = doc
        .spans()
        .get(i)
        .and_then(speaker_of)
        .filter(|_| look.with_speaker)
    {
        let format = egui::TextFormat::simple(look.font.clone(), look.speaker_color);
        job.append(
            &format!("{}: ", preview(speaker, ROW_SPEAKER_CHARS)),
            0.0,
            format,
        );
    }
    let text_start = job.text.len();
    let format = egui::TextFormat::simple(look.font.clone(), Color32::PLACEHOLDER);
    job.append(&text, 0.0, format);
    job.wrap = egui::text::TextWrapping::truncate_at_width(look.text_width);
    RowText {
        galley: ui.painter().layout_job(job),
        text_start,
    }
}

/// A group's header: a triangle (open or closed) and `Speaker (count)`; a click opens
/// or closes the group.
pub(super) fn group_row_ui(
    ui: &mut Ui,
    height: f32,
    text: &RowText,
    open: bool,
    row_text: &mut DeferredText,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::DisclosureTriangle, true, text.label())
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        if response.hovered() {
            ui.painter()
                .rect_filled(rect, theme::ROW_ROUNDING, visuals.weak_bg_fill);
        }
        let side = height * 0.4;
        let center = rect.left_center() + egui::vec2(theme::ROW_MARK_LEFT + side / 2.0, 0.0);
        let points = if open {
            vec![
                center + egui::vec2(-side / 2.0, -side / 3.0),
                center + egui::vec2(side / 2.0, -side / 3.0),
                center + egui::vec2(0.0, side / 2.0),
            ]
        } else {
            vec![
                center + egui::vec2(-side / 3.0, -side / 2.0),
                center + egui::vec2(side / 2.0, 0.0),
                center + egui::vec2(-side / 3.0, side / 2.0),
            ]
        };
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            visuals.fg_stroke.color,
            egui::Stroke::NONE,
        ));
        let top_left =
            rect.left_center() + egui::vec2(theme::ROW_TEXT_LEFT, -text.galley.size().y / 2.0);
        row_text.push(text.galley.clone(), top_left, visuals.text_color());
    }
    response
}

/// How a span row is drawn.
pub(super) struct SpanRowLook<'a> {
    pub(super) height: f32,
    /// Room left of the row (under a group's header).
    pub(super) indent: f32,
    /// The label's colour, for the mark.
    pub(super) color: Color32,
    pub(super) selected: bool,
    /// Read out after the span's text.
    pub(super) speaker: Option<&'a str>,
}

/// One row of the span list: a colour mark and the span's text, clickable. Drawn
/// directly rather than from nested widgets: the list is on screen every frame. The
/// mark and the text go to `row_text`, drawn above the rows' backgrounds as one mesh.
pub(super) fn span_row_ui(
    ui: &mut Ui,
    text: &RowText,
    look: &SpanRowLook,
    row_text: &mut DeferredText,
) -> egui::Response {
    let (height, indent, selected) = (look.height, look.indent, look.selected);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, text.label())
    });
    if let Some(speaker) = look.speaker {
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_description(format!("said by {speaker}"));
        });
    }
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter()
                .rect_filled(rect, theme::ROW_ROUNDING, visuals.weak_bg_fill);
        }
        let mark = egui::Rect::from_min_size(
            rect.left_top()
                + egui::vec2(indent + theme::ROW_MARK_LEFT, height * theme::ROW_MARK_TOP),
            egui::vec2(theme::ROW_MARK_WIDTH, height * theme::ROW_MARK_HEIGHT),
        );
        row_text.push_rect(mark, look.color);
        let galley = &text.galley;
        let top_left =
            rect.left_center() + egui::vec2(indent + theme::ROW_TEXT_LEFT, -galley.size().y / 2.0);
        row_text.push(galley.clone(), top_left, visuals.text_color());
    }
    response
}
