//! The article view: the current document wrapped at a readable width, laid out one
//! paragraph at a time and only where visible, with spans drawn in label colours
//! (a light fill each, one underline lane per overlapping span, a strong fill and frame
//! for the selected one; suggestions dashed, the selected one hatched): what lies over
//! a paragraph is computed as plain data by `marks` (how each looks by `look`) and
//! drawn by `paint`. It turns drags, clicks and double-clicks into [`Command`]s; it
//! never changes the project itself. It scrolls to what the session asks to show only
//! when that is not in view (`reveal`), and gives screen readers the text, spans and
//! selection in view (`access`).

mod access;
mod input;
mod layouts;
mod look;
mod marks;
mod paint;
mod relations;
mod reveal;
mod shaper;

use super::geometry;
use super::heights::Heights;
use super::paragraphs::{self, Paragraph};
use super::theme::{FONT_SIZE, LINE_HEIGHT, MARGIN, MAX_WIDTH, MIN_WIDTH, PARAGRAPH_GAP};
use crate::model::{CharOffset, CharRange, DocId, Document, SpanId};
use crate::session::Command;
use crate::session::Session;
use egui::epaint::text::FontProvider;
use egui::{Galley, Pos2, Rect, Ui, pos2};
use layouts::Layouts;
use std::sync::Arc;

/// How far above and below the visible area paragraphs are laid out.
const OVERSCAN: f32 = 400.0;
/// How far above and below the visible area paragraphs are laid out ahead, on the
/// shaper thread, before they are needed.
const PREFETCH: f32 = 1600.0;
/// Within this distance of the view a paragraph not laid out yet is asked for at once.
const SOON: f32 = 800.0;

/// A paragraph as drawn in the last frame.
struct Shown {
    index: usize,
    origin: Pos2,
    galley: Arc<Galley>,
}

/// The view's memory between frames: the paragraph table with heights (estimated, then
/// measured), where things were drawn, and the gesture in progress.
pub struct ArticleView {
    /// The document the paragraph table was built for: its id and SHA-256 (ids repeat
    /// across projects, texts with the same hash are the same text).
    doc: Option<(DocId, String)>,
    paragraphs: Vec<Paragraph>,
    /// Each paragraph's height plus the gap after it, and where each starts.
    heights: Heights,
    width: f32,
    shown: Vec<Shown>,
    /// Laid-out paragraphs in and near view: a still frame lays out nothing, and
    /// scrolling finds the paragraphs coming into view laid out already.
    layouts: Layouts,
    /// Where each span lies in the paragraphs in and near view.
    marks: paint::MarkCache,
    /// The relations by where their ends are, and the plates drawn for them.
    relations: relations::Relations,
    viewport: Rect,
    scroll_y: f32,
    scroll_request: Option<f32>,
    /// A position to bring into view, re-aimed for a few frames while the heights of
    /// the paragraphs around it go from estimated to measured.
    jump: Option<(CharOffset, u8)>,
    drag_anchor: Option<CharOffset>,
    /// Where the last click landed and which span it selected, to cycle overlaps.
    last_click: Option<(CharOffset, SpanId)>,
    /// The nodes given to AccessKit last frame, for a screen reader's requests.
    access: access::Access,
    /// The suggestion the last click accepted, so that the second click of a
    /// double-click on it does not also select a word.
    accepted_at: Option<CharRange>,
}

impl ArticleView {
    /// `font_providers`: those the window's context was given (system fonts), so that
    /// text laid out off the UI thread uses the same fonts.
    pub fn new(font_providers: Vec<Arc<dyn FontProvider>>) -> Self {
        Self {
            doc: None,
            paragraphs: Vec::new(),
            heights: Heights::new(Vec::new()),
            width: 0.0,
            shown: Vec::new(),
            layouts: Layouts::new(font_providers),
            marks: paint::MarkCache::default(),
            relations: relations::Relations::default(),
            viewport: Rect::NOTHING,
            scroll_y: 0.0,
            scroll_request: None,
            jump: None,
            drag_anchor: None,
            last_click: None,
            accepted_at: None,
            access: access::Access::default(),
        }
    }
}

/// The space below a paragraph: none inside a long line cut for layout.
fn gap_after(p: &Paragraph) -> f32 {
    if p.continued { 0.0 } else { PARAGRAPH_GAP }
}

impl ArticleView {
    fn reset(&mut self, doc: &Document, width: f32) {
        self.doc = Some((doc.id, doc.sha256().to_owned()));
        self.paragraphs = paragraphs::split_indexed(doc.text(), doc.offsets());
        self.width = width;
        // A first guess from the number of characters; measured when first drawn.
        let chars_per_row = (width / (FONT_SIZE * 0.5)).max(10.0);
        self.heights = Heights::new(
            self.paragraphs
                .iter()
                .map(|p| {
                    (p.len_chars() as f32 / chars_per_row).ceil().max(1.0) * LINE_HEIGHT
                        + gap_after(p)
                })
                .collect(),
        );
        self.shown.clear();
        self.layouts.reset();
        self.marks.clear();
        self.relations.clear();
        self.drag_anchor = None;
        self.last_click = None;
        self.accepted_at = None;
        self.jump = None;
        self.access = access::Access::default();
    }

    /// The screen rectangle of code point `at` of the current document, if drawn.
    pub fn char_rect(&self, at: CharOffset) -> Option<Rect> {
        self.shown.iter().find_map(|s| {
            let p = self.paragraphs[s.index];
            p.local_char(at)
                .and_then(|i| geometry::char_rect(&s.galley, s.origin, i))
        })
    }

    /// How far the article is scrolled down, in points.
    pub fn scroll_offset(&self) -> f32 {
        self.scroll_y
    }

    /// The screen area the article occupies.
    pub fn viewport(&self) -> Rect {
        self.viewport
    }

    /// The caret position nearest the pointer, clamped to the drawn paragraphs.
    fn boundary_at(&self, pos: Pos2) -> Option<CharOffset> {
        let first = self.shown.first()?;
        if pos.y < first.origin.y {
            return Some(self.paragraphs[first.index].chars.start);
        }
        let mut best = first;
        for s in &self.shown {
            if s.origin.y <= pos.y {
                best = s;
            }
        }
        let p = self.paragraphs[best.index];
        if pos.y > best.origin.y + best.galley.rect.height() + PARAGRAPH_GAP {
            return Some(p.chars.end);
        }
        Some(p.global(geometry::boundary_at(&best.galley, pos - best.origin)))
    }

    /// The code point under the pointer, if it is on text.
    fn char_at(&self, pos: Pos2) -> Option<CharOffset> {
        self.shown.iter().find_map(|s| {
            let p = self.paragraphs[s.index];
            geometry::char_at(&s.galley, pos - s.origin).map(|i| p.global(i))
        })
    }

    /// Draws the current document, scrolled to `scroll_to` when given, and turns
    /// pointer gestures into commands.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        scroll_to: Option<CharOffset>,
        highlights: &[CharRange],
        out: &mut Vec<Command>,
    ) {
        let Some(doc) = session.document() else {
            ui.centered_and_justified(|ui| {
                ui.label("No article open. Open articles with Ctrl+O, or drop text files here.");
            });
            return;
        };
        let width = (ui.available_width() - 2.0 * MARGIN).clamp(MIN_WIDTH, MAX_WIDTH);
        // The article's source, in one line over its column.
        super::source_form::source_line_ui(ui, &doc.meta, width);
        let same_doc = self
            .doc
            .as_ref()
            .is_some_and(|(id, sha)| *id == doc.id && sha == doc.sha256());
        if !same_doc || self.paragraphs.is_empty() || (width - self.width).abs() > 0.5 {
            self.reset(doc, width);
        }
        self.follow(ui.ctx(), scroll_to, doc.len_chars());
        let mut area = egui::ScrollArea::vertical()
            .id_salt(("article", doc.id.0))
            .auto_shrink(false);
        if let Some(y) = self.scroll_request.take() {
            area = area.vertical_scroll_offset(y);
        }
        let doc = DocRef {
            text: doc.text(),
            offsets: doc.offsets(),
            document: doc,
            labels: &session.project().labels,
        };
        let output = area.show_viewport(ui, |ui, viewport| {
            self.draw(ui, viewport, &doc, session, highlights, out);
        });
        self.scroll_y = output.state.clamped_offset().y;
    }

    #[allow(clippy::too_many_arguments)]
    fn draw(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        doc: &DocRef,
        session: &Session,
        highlights: &[CharRange],
        out: &mut Vec<Command>,
    ) {
        let total = self.heights.total();
        let full_width = ui.available_width();
        ui.set_height(total);
        ui.set_width(full_width);
        let content_origin = ui.max_rect().min;
        let left = content_origin.x + ((full_width - self.width) / 2.0).max(MARGIN);
        self.viewport =
            Rect::from_min_size(content_origin + viewport.min.to_vec2(), viewport.size());

        // Lay out and draw the paragraphs in view, measuring their real heights.
        self.shown.clear();
        self.layouts.begin_frame(ui, self.width);
        let top = viewport.min.y - OVERSCAN;
        let bottom = viewport.max.y + OVERSCAN;
        let mut i = self.heights.index_at(top.max(0.0));
        let mut y = self.heights.top(i);
        let mut changed = false;
        while i < self.paragraphs.len() && y < bottom {
            let p = self.paragraphs[i];
            let galley = self.layouts.get(ui, i, p.text(doc.text));
            let h = galley.rect.height();
            let entry = h + gap_after(&p);
            if (entry - self.heights.get(i)).abs() > 0.5 {
                self.heights.set(i, entry);
                changed = true;
            }
            let origin = pos2(left, content_origin.y + y);
            self.layouts.paint(ui, i, origin);
            self.shown.push(Shown {
                index: i,
                origin,
                galley,
            });
            y += entry;
            i += 1;
        }
        self.layouts.end_frame(ui);
        if changed {
            ui.ctx().request_repaint();
        }
        self.prefetch(ui, doc.text);

        self.paint_spans(ui, doc, session, highlights);
        self.paint_relations(ui, doc, session, out);
        self.interact(ui, doc, session, out);
        self.access(ui, doc, session, out);
    }

    /// Asks for the paragraphs within [`PREFETCH`] of the view to be laid out ahead,
    /// nearest to the view first, and forgets those further away.
    fn prefetch(&mut self, ui: &Ui, text: &str) {
        // Walked from the paragraphs drawn (which reach OVERSCAN beyond the view).
        let (Some(drawn_first), Some(drawn_last)) = (
            self.shown.first().map(|s| s.index),
            self.shown.last().map(|s| s.index),
        ) else {
            return;
        };

        let first = self.heights.back_from(drawn_first, PREFETCH - OVERSCAN);
        let end = self.heights.forward_from(drawn_last, PREFETCH - OVERSCAN);
        let mut below = drawn_last + 1..=end;
        let mut above = (first..drawn_first).rev();
        let mut turn = false;
        let paragraphs = &self.paragraphs;
        let wanted = std::iter::from_fn(move || {
            turn = !turn;
            if turn {
                below.next().or_else(|| above.next())
            } else {
                above.next().or_else(|| below.next())
            }
        })
        .map(|i| (i, paragraphs[i].text(text)));
        // Needed within a screen or so of scrolling: asked for without waiting for a
        // full batch.
        let soon = self.heights.back_from(drawn_first, SOON - OVERSCAN)
            ..=self.heights.forward_from(drawn_last, SOON - OVERSCAN);
        self.layouts.prefetch(ui, wanted, soon);
        self.layouts.retain(first..=end);
        self.marks.retain(first..=end);
    }
}

/// The document's data the view needs for one frame, borrowed apart from the session.
pub struct DocRef<'a> {
    pub text: &'a str,
    pub offsets: &'a crate::model::OffsetIndex,
    pub document: &'a Document,
    pub labels: &'a crate::model::LabelSet,
}
