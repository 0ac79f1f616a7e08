//! Drawing spans, the selection, find matches and suggestions over the paragraphs in
//! view. Where each span of a paragraph lies (its rectangles within the paragraph's
//! layout, its underline lane and colour) is kept per paragraph until the spans, the
//! labels or the layout change, so a frame that only moves or hovers draws from it.

use super::{ArticleView, DocRef, LANE_GAP, MAX_LANES};
use crate::model::{CharOffset, CharRange, SpanId};
use crate::session::Session;
use egui::{Color32, Galley, Rect, Stroke, Ui, vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// One span as drawn in one paragraph.
struct Mark {
    id: SpanId,
    color: Color32,
    lane: usize,
    /// Rectangles relative to the paragraph's origin.
    rects: Vec<Rect>,
}

/// The marks of a paragraph and what they were made for: the document's span
/// revision, the labels' colours and the paragraph's layout.
struct Marks {
    revision: u64,
    labels: u64,
    galley: Arc<Galley>,
    marks: Vec<Mark>,
}

#[derive(Default)]
pub struct MarkCache {
    by_paragraph: HashMap<usize, Marks>,
}

impl MarkCache {
    pub fn clear(&mut self) {
        self.by_paragraph.clear();
    }

    /// Keeps only the paragraphs in `keep`.
    pub fn retain(&mut self, keep: std::ops::RangeInclusive<usize>) {
        if self.by_paragraph.len() > keep.clone().count() {
            self.by_paragraph.retain(|i, _| keep.contains(i));
        }
    }
}

/// A fingerprint of the labels' names and colours.
fn labels_key(doc: &DocRef) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for label in doc.labels.iter() {
        label.name.hash(&mut hasher);
        label.color.hash(&mut hasher);
    }
    hasher.finish()
}

impl ArticleView {
    pub(super) fn paint_spans(
        &mut self,
        ui: &Ui,
        doc: &DocRef,
        session: &Session,
        highlights: &[CharRange],
    ) {
        let painter = ui.painter();
        // Fills and underlines (most of what is drawn) go into one mesh of plain
        // rectangles, which costs next to nothing to tessellate; it sits below the
        // outlines drawn after it.
        let mesh_at = painter.add(egui::Shape::Noop);
        let mut mesh = egui::Mesh::default();
        let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        let labels = labels_key(doc);
        let revision = doc.document.revision();
        for shown in &self.shown {
            let p = self.paragraphs[shown.index];
            let local = |r: CharRange| {
                let a = r.start.0.max(p.chars.start.0) - p.chars.start.0;
                let b = r.end.0.min(p.chars.end.0).saturating_sub(p.chars.start.0);
                (a, b)
            };
            let local_rects = |r: CharRange| {
                let (a, b) = local(r);
                super::geometry::range_rects(&shown.galley, a, b)
            };
            let rects = |r: CharRange| {
                local_rects(r)
                    .into_iter()
                    .map(|rect| rect.translate(shown.origin.to_vec2()))
            };
            let cached = self.marks.by_paragraph.get(&shown.index).filter(|m| {
                m.revision == revision
                    && m.labels == labels
                    && Arc::ptr_eq(&m.galley, &shown.galley)
            });
            if cached.is_none() {
                let marks = Marks {
                    revision,
                    labels,
                    galley: shown.galley.clone(),
                    marks: span_marks(doc, p.chars, &local_rects),
                };
                self.marks.by_paragraph.insert(shown.index, marks);
            }
            let Some(marks) = self.marks.by_paragraph.get(&shown.index) else {
                continue;
            };
            for mark in &marks.marks {
                let selected = session.selected_span() == Some(mark.id);
                for rect in &mark.rects {
                    let rect = rect.translate(shown.origin.to_vec2());
                    let alpha = if selected { 0.35 } else { 0.12 };
                    mesh.add_colored_rect(
                        rect.shrink2(vec2(0.0, 3.0)),
                        mark.color.gamma_multiply(alpha),
                    );
                    if selected {
                        painter.rect_stroke(
                            rect.shrink2(vec2(0.0, 2.0)),
                            2.0,
                            Stroke::new(1.5, mark.color),
                            egui::StrokeKind::Inside,
                        );
                    }
                    let y = rect.bottom() - 2.0 - mark.lane.min(MAX_LANES) as f32 * LANE_GAP;
                    mesh.add_colored_rect(
                        Rect::from_x_y_ranges(rect.x_range(), y - 1.0..=y + 1.0),
                        mark.color,
                    );
                }
            }
            if let Some(sel) = session
                .selection()
                .filter(|s| s.start < p.chars.end || (s.start == p.chars.start && s.end > s.start))
            {
                for rect in rects(sel) {
                    mesh.add_colored_rect(rect, selection_fill);
                }
            }
            // Matches are sorted and do not overlap: only those in this paragraph.
            let first = highlights.partition_point(|h| h.end <= p.chars.start);
            for h in highlights[first..]
                .iter()
                .take_while(|h| h.start < p.chars.end)
            {
                for rect in rects(*h) {
                    painter.rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(1.5, Color32::from_rgb(0xE6, 0x9F, 0x00)),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            // Suggestions: a dashed outline and no fill; the selected one solid.
            let selected = session.suggestions().selected();
            for s in session
                .suggestions()
                .list()
                .iter()
                .filter(|s| s.range.start < p.chars.end && s.range.end > p.chars.start)
            {
                let color = doc.label_color(&s.label).gamma_multiply(
                    if s.confidence >= crate::suggest::CONFIDENT {
                        1.0
                    } else {
                        0.5
                    },
                );
                let is_selected = selected.is_some_and(|(l, r)| *l == s.label && *r == s.range);
                for rect in rects(s.range) {
                    let rect = rect.shrink2(vec2(0.0, 1.0));
                    if is_selected {
                        painter.rect_stroke(
                            rect,
                            2.0,
                            Stroke::new(2.0, color),
                            egui::StrokeKind::Outside,
                        );
                    } else {
                        dashed_rect(painter, rect, Stroke::new(1.2, color));
                    }
                }
            }
        }
        painter.set(mesh_at, egui::Shape::mesh(mesh));
    }
}

/// The spans touching paragraph `chars`, each with its colour, underline lane (the
/// first lane free at the span's start, in span order) and rectangles.
fn span_marks(
    doc: &DocRef,
    chars: CharRange,
    local_rects: &dyn Fn(CharRange) -> Vec<Rect>,
) -> Vec<Mark> {
    // A line break alone still shows the spans running across it.
    let spans = doc.document.spans_overlapping(CharRange::new(
        chars.start.0,
        chars.end.0.max(chars.start.0 + 1),
    ));
    let mut lane_ends: Vec<CharOffset> = Vec::new();
    let mut marks = Vec::with_capacity(spans.len());
    for span in &spans {
        let lane = match lane_ends.iter().position(|end| *end <= span.range.start) {
            Some(l) => {
                lane_ends[l] = span.range.end;
                l
            }
            None => {
                lane_ends.push(span.range.end);
                lane_ends.len() - 1
            }
        };
        marks.push(Mark {
            id: span.id,
            color: doc.label_color(&span.label),
            lane,
            rects: local_rects(span.range),
        });
    }
    marks
}

fn dashed_rect(painter: &egui::Painter, rect: Rect, stroke: Stroke) {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(&corners, stroke, 4.0, 3.0));
}
