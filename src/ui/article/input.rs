//! The article view's pointer handling: drags select (snapped to words unless Alt is
//! held, scrolling past the edges), double-clicks select a word, Shift+click extends,
//! clicks select the span under the pointer (cycling through overlaps), right-click
//! opens the tag menu and hovering lists the spans under the pointer.

use super::{ArticleView, DocRef};
use crate::model::segment::{snap_to_graphemes, snap_to_words, word_at};
use crate::model::{CharOffset, CharRange, Document, Span, SpanId};
use crate::session::Session;
use crate::session::{Command, SuggestionCommand, ViewCommand};
use egui::{Pos2, Sense, Ui};

impl ArticleView {
    pub(super) fn interact(
        &mut self,
        ui: &mut Ui,
        doc: &DocRef,
        session: &Session,
        out: &mut Vec<Command>,
    ) {
        let id = egui::Id::unique(crate::ui::ARTICLE_ID);
        let response = ui.interact(self.viewport, id, Sense::click_and_drag());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text"));
        let pointer = response
            .interact_pointer_pos()
            .or_else(|| response.hover_pos());
        let modifiers = ui.input(|i| i.modifiers);
        let snap = |range: CharRange| {
            if modifiers.alt {
                snap_to_graphemes(doc.text, doc.offsets, range)
            } else {
                snap_to_words(doc.text, doc.offsets, range)
            }
        };

        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin()).or(pointer);
            self.drag_anchor = origin.and_then(|p| self.boundary_at(p));
            if modifiers.shift
                && let Some(sel) = session.selection()
            {
                self.drag_anchor = Some(sel.start);
            }
        }
        if response.dragged()
            && let (Some(anchor), Some(pos)) = (self.drag_anchor, pointer)
        {
            if let Some(focus) = self.boundary_at(pos) {
                let range = CharRange {
                    start: anchor.min(focus),
                    end: anchor.max(focus),
                };
                out.push(ViewCommand::Select(Some(snap(range)).filter(|r| !r.is_empty())).into());
            }
            // Scroll while the pointer is past the top or bottom edge.
            let edge = if pos.y < self.viewport.top() {
                pos.y - self.viewport.top()
            } else if pos.y > self.viewport.bottom() {
                pos.y - self.viewport.bottom()
            } else {
                0.0
            };
            if edge != 0.0 {
                let bottom = (self.heights.total() - self.viewport.height()).max(0.0);
                self.scroll_request =
                    Some((self.scroll_y + edge.clamp(-40.0, 40.0)).clamp(0.0, bottom));
                ui.ctx().request_repaint();
            }
        }
        if response.drag_stopped() {
            self.drag_anchor = None;
        }
        if response.double_clicked() {
            if let Some(word) = pointer
                .and_then(|p| self.char_at(p))
                .and_then(|c| word_at(doc.text, doc.offsets, c))
            {
                out.push(ViewCommand::Select(Some(word)).into());
            }
        } else if response.clicked() {
            self.click(pointer, modifiers.shift, doc, session, out, &snap);
        }
        if response.secondary_clicked()
            && session.selection().is_none()
            && let Some(span) = pointer
                .and_then(|p| self.char_at(p))
                .and_then(|c| innermost_at(doc.document, c))
        {
            out.push(ViewCommand::SelectSpan(Some(span)).into());
        }
        response.context_menu(|ui| crate::ui::context_menu_ui(ui, session, doc.labels, out));
        if let Some(pos) = response.hover_pos().filter(|_| !response.dragged())
            && let Some(at) = self.char_at(pos)
        {
            let under: Vec<&Span> = doc.document.spans_at(at);
            if !under.is_empty() {
                response.on_hover_ui_at_pointer(|ui| crate::ui::spans_tooltip_ui(ui, doc, &under));
            }
        }
    }

    fn click(
        &mut self,
        pointer: Option<Pos2>,
        shift: bool,
        doc: &DocRef,
        session: &Session,
        out: &mut Vec<Command>,
        snap: &dyn Fn(CharRange) -> CharRange,
    ) {
        let Some(pos) = pointer else { return };
        if shift && let (Some(sel), Some(focus)) = (session.selection(), self.boundary_at(pos)) {
            let range = CharRange {
                start: sel.start.min(focus),
                end: sel.end.max(focus),
            };
            out.push(ViewCommand::Select(Some(snap(range))).into());
            return;
        }
        let Some(at) = self.char_at(pos) else {
            out.push(ViewCommand::ClearSelection.into());
            return;
        };
        // A click on a suggestion accepts it (the shortest one there).
        if let Some(s) = session
            .suggestions()
            .list()
            .iter()
            .filter(|s| s.range.contains(at))
            .min_by_key(|s| s.range.len_chars())
        {
            out.push(SuggestionCommand::Accept(s.label.clone(), s.range).into());
            return;
        }
        // Spans under the click, innermost first; a repeated click moves to the next.
        let mut under: Vec<&Span> = doc.document.spans_at(at);
        under.sort_by_key(|s| (s.range.len_chars(), s.range.start, s.id));
        if under.is_empty() {
            self.last_click = None;
            out.push(ViewCommand::ClearSelection.into());
            return;
        }
        let next = match (self.last_click, session.selected_span()) {
            (Some((_, last)), Some(selected)) if last == selected => under
                .iter()
                .position(|s| s.id == selected)
                .map_or(0, |i| (i + 1) % under.len()),
            _ => 0,
        };
        let span = under[next].id;
        self.last_click = Some((at, span));
        out.push(ViewCommand::SelectSpan(Some(span)).into());
    }
}

/// The shortest span containing `at`.
fn innermost_at(doc: &Document, at: CharOffset) -> Option<SpanId> {
    doc.spans_at(at)
        .into_iter()
        .min_by_key(|s| (s.range.len_chars(), s.id))
        .map(|s| s.id)
}
