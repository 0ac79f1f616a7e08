//! Drawing what [`super::marks`] computes over the paragraphs in view: spans, the
//! selection, find matches and suggestions, in the sizes and colours of
//! [`crate::ui::theme`]. The span rows of a paragraph (their rectangles within its
//! layout, lanes and colours) are kept per paragraph until the spans, the labels or the
//! layout change, so a frame that only moves or hovers draws from them.

use super::marks::{self, Mark, Scene, SpanPart};
use super::{ArticleView, DocRef};
use crate::model::CharRange;
use crate::session::Session;
use crate::ui::theme;
use egui::{Color32, Galley, Mesh, Painter, Rect, Stroke, StrokeKind, Ui, Vec2, vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// The span rows of a paragraph and what they were made for: the document's span
/// revision, the labels' colours and the paragraph's layout.
struct Parts {
    revision: u64,
    labels: u64,
    galley: Arc<Galley>,
    parts: Vec<SpanPart>,
}

#[derive(Default)]
pub(super) struct MarkCache {
    by_paragraph: HashMap<usize, Parts>,
    /// The marks of the paragraph being drawn, kept to reuse its memory.
    frame: Vec<Mark>,
}

impl MarkCache {
    pub(super) fn clear(&mut self) {
        self.by_paragraph.clear();
    }

    /// Keeps only the paragraphs in `keep`.
    pub(super) fn retain(&mut self, keep: std::ops::RangeInclusive<usize>) {
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
        let mut mesh = Mesh::default();
        let selection_fill = theme::selection_fill(ui.visuals());
        let labels = labels_key(doc);
        let revision = doc.document.revision();
        let scene = Scene {
            labels: doc.labels,
            selected_span: session.selected_span(),
            selection: session.selection(),
            find: highlights,
            suggestions: session.suggestions().list(),
            selected_suggestion: session
                .suggestions()
                .selected()
                .map(|(label, range)| (label.as_str(), *range)),
        };
        let MarkCache {
            by_paragraph,
            frame,
        } = &mut self.marks;
        for shown in &self.shown {
            let p = self.paragraphs[shown.index];
            let cached = by_paragraph.get(&shown.index).is_some_and(|m| {
                m.revision == revision
                    && m.labels == labels
                    && Arc::ptr_eq(&m.galley, &shown.galley)
            });
            if !cached {
                let spans = doc.document.spans_overlapping(marks::spans_query(&p));
                let mut parts = Vec::with_capacity(spans.len());
                marks::span_parts(&p, &spans, doc.labels, &*shown.galley, &mut parts);
                let entry = Parts {
                    revision,
                    labels,
                    galley: shown.galley.clone(),
                    parts,
                };
                by_paragraph.insert(shown.index, entry);
            }
            let Some(parts) = by_paragraph.get(&shown.index) else {
                continue;
            };
            frame.clear();
            marks::paragraph_marks(&p, &parts.parts, &scene, &*shown.galley, frame);
            paint_marks(
                painter,
                &mut mesh,
                frame,
                shown.origin.to_vec2(),
                selection_fill,
            );
        }
        painter.set(mesh_at, egui::Shape::mesh(mesh));
    }
}

/// Draws `marks` of a paragraph whose origin is at `origin`: fills and underlines into
/// `mesh`, outlines with `painter` (above the mesh). `selection_fill` is the selected
/// text's colour in the theme in use.
fn paint_marks(
    painter: &Painter,
    mesh: &mut Mesh,
    marks: &[Mark],
    origin: Vec2,
    selection_fill: Color32,
) {
    for mark in marks {
        match *mark {
            Mark::Span { part, selected } => {
                let rect = part.rect.translate(origin);
                mesh.add_colored_rect(
                    rect.shrink2(vec2(0.0, theme::SPAN_FILL_INSET)),
                    theme::span_fill(part.color, selected),
                );
                if selected {
                    painter.rect_stroke(
                        rect.shrink2(vec2(0.0, theme::SELECTED_FRAME_INSET)),
                        theme::FRAME_ROUNDING,
                        Stroke::new(theme::SELECTED_FRAME_WIDTH, part.color),
                        StrokeKind::Inside,
                    );
                }
                let lane = part.lane.min(theme::MAX_LANES) as f32;
                let y = rect.bottom() - theme::UNDERLINE_BOTTOM - lane * theme::LANE_GAP;
                let half = theme::UNDERLINE_THICKNESS / 2.0;
                mesh.add_colored_rect(
                    Rect::from_x_y_ranges(rect.x_range(), y - half..=y + half),
                    part.color,
                );
            }
            Mark::Selection { rect } => {
                mesh.add_colored_rect(rect.translate(origin), selection_fill);
            }
            Mark::Find { rect } => {
                painter.rect_stroke(
                    rect.translate(origin),
                    theme::FRAME_ROUNDING,
                    Stroke::new(theme::FIND_WIDTH, theme::FIND_COLOR),
                    StrokeKind::Outside,
                );
            }
            Mark::Suggestion {
                rect,
                color,
                selected,
            } => {
                let rect = rect
                    .translate(origin)
                    .shrink2(vec2(0.0, theme::SUGGESTION_INSET));
                if selected {
                    painter.rect_stroke(
                        rect,
                        theme::FRAME_ROUNDING,
                        Stroke::new(theme::SELECTED_SUGGESTION_WIDTH, color),
                        StrokeKind::Outside,
                    );
                } else {
                    dashed_rect(painter, rect, Stroke::new(theme::SUGGESTION_WIDTH, color));
                }
            }
        }
    }
}

fn dashed_rect(painter: &Painter, rect: Rect, stroke: Stroke) {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(
        &corners,
        stroke,
        theme::SUGGESTION_DASH,
        theme::SUGGESTION_GAP,
    ));
}
