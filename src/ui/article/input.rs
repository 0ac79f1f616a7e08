//! The article view's pointer handling: drags select (snapped to words unless Alt is
//! held, scrolling past the edges), double-clicks select a word, Shift+click extends,
//! clicks select the span under the pointer (cycling through overlaps) or accept the
//! suggestion there, right-click opens the tag menu and hovering lists the spans under
//! the pointer (and the suggestion, with what a click does). While a link is being
//! made (R), a click on another span ends it there, and a click beside the text gives
//! it up; a click on a relation's plate goes to its other end. An Alt+drag from a span
//! that ends on another span links the two (over the other span a line shows it, and
//! no text is selected); one that does not stays an Alt selection.

use super::{ArticleView, DocRef};
use crate::model::segment::{snap_to_graphemes, snap_to_words, word_at};
use crate::model::{CharOffset, CharRange, Document, Span, SpanId};
use crate::session::Session;
use crate::session::{Command, RelationCommand, SuggestionCommand, ViewCommand};
use crate::suggest::Suggestion;
use egui::{Pos2, RichText, Sense, Ui};

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
            // Alt on a span: a link, if the drag ends on another span.
            self.relations.alt_drag = origin
                .filter(|_| modifiers.alt && session.linking_from().is_none())
                .and_then(|p| self.char_at(p))
                .and_then(|c| innermost_at(doc.document, c))
                .map(|from| (from, None));
            if modifiers.shift
                && let Some(sel) = session.selection()
            {
                self.drag_anchor = Some(sel.start);
            }
        }
        if let Some((from, _)) = self.relations.alt_drag {
            let to = pointer
                .and_then(|p| self.char_at(p))
                .and_then(|c| innermost_at(doc.document, c))
                .filter(|s| *s != from);
            self.relations.alt_drag = Some((from, to));
        }
        let linking_to = self.relations.alt_drag.and_then(|(_, to)| to);
        if response.dragged()
            && let (Some(anchor), Some(pos)) = (self.drag_anchor, pointer)
        {
            if linking_to.is_some() {
                // Over the other end the line shows what a release does, not a selection.
                out.push(ViewCommand::Select(None).into());
            } else if let Some(focus) = self.boundary_at(pos) {
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
                self.scroll_request =
                    Some((self.scroll_y + edge.clamp(-40.0, 40.0)).clamp(0.0, self.max_scroll()));
                ui.ctx().request_repaint();
            }
        }
        if response.drag_stopped() {
            self.drag_anchor = None;
            if let Some((from, Some(to))) = self.relations.alt_drag {
                out.push(
                    RelationCommand::Link {
                        from,
                        to,
                        kind: None,
                    }
                    .into(),
                );
                out.push(ViewCommand::SelectSpan(Some(from)).into());
            }
        }
        if !response.dragged() {
            self.relations.alt_drag = None;
        }
        if response.double_clicked() {
            // The second click of a double-click on a suggestion: its first accepted it.
            let at = pointer.and_then(|p| self.char_at(p));
            let accepted = self
                .accepted_at
                .take()
                .is_some_and(|range| at.is_some_and(|c| range.contains(c)));
            if !accepted && let Some(word) = at.and_then(|c| word_at(doc.text, doc.offsets, c)) {
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
        if let Some(pos) = response.hover_pos()
            && self.relations.marker_at(pos).is_some()
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if let Some(pos) = response.hover_pos().filter(|_| !response.dragged())
            && let Some(at) = self.char_at(pos)
        {
            // Over a suggestion the pointer is a hand, and the list says what a click does.
            let suggestion = suggestion_at(session, doc, at);
            if suggestion.is_some() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
            let under: Vec<&Span> = doc.document.spans_at(at);
            let coders: Vec<(&str, Vec<&Span>)> = if session.layers().is_empty() {
                Vec::new()
            } else {
                let docs = session.layers().documents(doc.document.sha256());
                session
                    .layers()
                    .coders()
                    .iter()
                    .zip(docs)
                    .map(|(layer, d)| {
                        (
                            layer.name.as_str(),
                            d.map(|d| d.spans_at(at)).unwrap_or_default(),
                        )
                    })
                    .collect()
            };
            let any_coder = coders.iter().any(|(_, s)| !s.is_empty());
            if !under.is_empty() || suggestion.is_some() || any_coder {
                response.on_hover_ui_at_pointer(|ui| {
                    if let Some(s) = suggestion {
                        suggestion_tooltip_ui(ui, doc, s);
                    }
                    crate::ui::spans_tooltip_ui(ui, doc, &under);
                    if any_coder {
                        crate::ui::coders_tooltip_ui(ui, doc, &coders);
                    }
                });
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
        if self.click_marker(pos, out) {
            return;
        }
        if shift && let (Some(sel), Some(focus)) = (session.selection(), self.boundary_at(pos)) {
            let range = CharRange {
                start: sel.start.min(focus),
                end: sel.end.max(focus),
            };
            out.push(ViewCommand::Select(Some(snap(range))).into());
            return;
        }
        let Some(at) = self.char_at(pos) else {
            if session.linking_from().is_some() {
                out.push(RelationCommand::Cancel.into());
            }
            out.push(ViewCommand::ClearSelection.into());
            return;
        };
        // While linking, a click on another span ends the link there (the innermost
        // span under the pointer that is not where the link starts).
        if let Some(from) = session.linking_from() {
            let mut under: Vec<&Span> = doc.document.spans_at(at);
            under.sort_by_key(|s| (s.range.len_chars(), s.range.start, s.id));
            match under.iter().find(|s| s.id != from) {
                Some(to) => self.relations.finish(session, from, to.id, pos, out),
                None => out.push(RelationCommand::Cancel.into()),
            }
            return;
        }
        // A click on a suggestion accepts it at once, as the suggestions bar says,
        // whether it is the selected one or not.
        self.accepted_at = None;
        if let Some(s) = suggestion_at(session, doc, at) {
            out.push(SuggestionCommand::Accept(s.label.clone(), s.range).into());
            self.accepted_at = Some(s.range);
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

/// The suggestion a click at `at` accepts: the shortest one containing it, unless a
/// span there is shorter still (a span inside a suggestion is selected by a click on
/// it, as the innermost thing under the pointer).
fn suggestion_at<'s>(session: &'s Session, doc: &DocRef, at: CharOffset) -> Option<&'s Suggestion> {
    let suggestion = session
        .suggestions()
        .list()
        .iter()
        .filter(|s| s.range.contains(at))
        .min_by_key(|s| s.range.len_chars())?;
    let inner_span = doc
        .document
        .spans_at(at)
        .iter()
        .any(|span| span.range.len_chars() < suggestion.range.len_chars());
    (!inner_span).then_some(suggestion)
}

/// The first line of the hover list over a suggestion: its label and what a click does.
fn suggestion_tooltip_ui(ui: &mut Ui, doc: &DocRef, s: &Suggestion) {
    ui.horizontal(|ui| {
        let color = crate::ui::theme::label_color(doc.labels, &s.label);
        ui.label(RichText::new(format!("Suggested {}", s.label)).color(color));
        if let Some(speaker) = s.attributes.get("speaker") {
            ui.weak(format!("— {speaker}"));
        }
        ui.label("· a click accepts it");
    });
}

/// The shortest span containing `at`.
fn innermost_at(doc: &Document, at: CharOffset) -> Option<SpanId> {
    doc.spans_at(at)
        .into_iter()
        .min_by_key(|s| (s.range.len_chars(), s.id))
        .map(|s| s.id)
}
