//! Drawing what [`super::marks`] computes over the paragraphs in view: spans, the
//! selection, find matches and suggestions, each as its [`look::Look`] says, in the
//! sizes and colours of [`crate::ui::theme`]. The span rows of a paragraph (their rectangles within its
//! layout, lanes and colours) are kept per paragraph until the spans, the labels or the
//! layout change, so a frame that only moves or hovers draws from them.

use super::look;
use super::marks::{self, Mark, Scene, SpanPart};
use super::{ArticleView, DocRef};
use crate::model::CharRange;
use crate::session::Session;
use crate::ui::theme;
use egui::{Color32, Galley, Mesh, Painter, Pos2, Rect, Stroke, Ui, Vec2, pos2, vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// The span rows of a paragraph and what they were made for: the document's span
/// revision, the labels' colours and the paragraph's layout.
struct Parts {
    revision: u64,
    labels: u64,
    /// The layers' generation the coders' rows were made for.
    layers: u64,
    galley: Arc<Galley>,
    parts: Vec<SpanPart>,
    /// The coders' span rows (lane: the coder's index).
    coders: Vec<SpanPart>,
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
            focus: session.layers().selected().and_then(|i| {
                let units = session.layers().units()?;
                Some(units.disagreement(i)?.range)
            }),
        };
        let layers = session.layers().generation();
        let coder_docs = if session.layers().is_empty() {
            Vec::new()
        } else {
            session.layers().documents(doc.document.sha256())
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
                    && m.layers == layers
                    && Arc::ptr_eq(&m.galley, &shown.galley)
            });
            if !cached {
                let spans = doc.document.spans_overlapping(marks::spans_query(&p));
                let mut parts = Vec::with_capacity(spans.len());
                marks::span_parts(&p, &spans, doc.labels, &*shown.galley, &mut parts);
                let query = marks::spans_query(&p);
                let coders: Vec<(usize, Vec<&crate::model::Span>)> = coder_docs
                    .iter()
                    .enumerate()
                    .filter_map(|(k, d)| Some((k, d.as_ref()?.spans_overlapping(query))))
                    .collect();
                let mut coder_parts = Vec::new();
                marks::coder_parts(&p, &coders, doc.labels, &*shown.galley, &mut coder_parts);
                let entry = Parts {
                    revision,
                    labels,
                    layers,
                    galley: shown.galley.clone(),
                    parts,
                    coders: coder_parts,
                };
                by_paragraph.insert(shown.index, entry);
            }
            let Some(parts) = by_paragraph.get(&shown.index) else {
                continue;
            };
            frame.clear();
            marks::paragraph_marks(&p, &parts.parts, &scene, &*shown.galley, frame);
            frame.extend(parts.coders.iter().map(|part| Mark::Coder { part: *part }));
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

/// Draws `marks` of a paragraph whose origin is at `origin`, each as its [`look::look`]
/// says: flat fills and underlines into `mesh`, hatching and outlines with `painter`
/// (above the mesh). `selection_fill` is the selected text's colour in the theme in use.
fn paint_marks(
    painter: &Painter,
    mesh: &mut Mesh,
    marks: &[Mark],
    origin: Vec2,
    selection_fill: Color32,
) {
    for mark in marks {
        let look = look::look(mark, selection_fill);
        let rect = mark.rect().translate(origin);
        if let Some(fill) = look.fill {
            let inner = rect.shrink2(vec2(0.0, fill.inset));
            if fill.hatched {
                let stroke = Stroke::new(theme::SELECTED_SUGGESTION_HATCH_WIDTH, fill.color);
                for segment in hatch(inner, theme::SELECTED_SUGGESTION_HATCH_GAP) {
                    painter.line_segment(segment, stroke);
                }
            } else {
                mesh.add_colored_rect(inner, fill.color);
            }
        }
        if let Some((color, lane)) = look.underline {
            let lane = lane.min(theme::MAX_LANES) as f32;
            let y = rect.bottom() - theme::UNDERLINE_BOTTOM - lane * theme::LANE_GAP;
            let half = theme::UNDERLINE_THICKNESS / 2.0;
            mesh.add_colored_rect(
                Rect::from_x_y_ranges(rect.x_range(), y - half..=y + half),
                color,
            );
        }
        if let Some((color, lane)) = look.tick {
            let lane = lane.min(theme::MAX_CODER_LANES - 1) as f32;
            let y = rect.top() + theme::CODER_TICK_TOP + lane * theme::CODER_LANE_GAP;
            mesh.add_colored_rect(
                Rect::from_x_y_ranges(
                    rect.left() + 0.5..=rect.right() - 0.5,
                    y..=y + theme::CODER_TICK_THICKNESS,
                ),
                color,
            );
        }
        if let Some(outline) = look.outline {
            let frame = rect.shrink2(vec2(0.0, outline.inset));
            let stroke = Stroke::new(outline.width, outline.color);
            match outline.dash {
                None => {
                    painter.rect_stroke(frame, theme::FRAME_ROUNDING, stroke, outline.kind);
                }
                Some((dash, gap)) => dashed_rect(painter, frame, stroke, dash, gap),
            }
        }
    }
}

fn dashed_rect(painter: &Painter, rect: Rect, stroke: Stroke, dash: f32, gap: f32) {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(&corners, stroke, dash, gap));
}

/// Diagonal stripes (rising to the right) `gap` apart that fill `rect`, each cut to it.
fn hatch(rect: Rect, gap: f32) -> impl Iterator<Item = [Pos2; 2]> {
    let height = rect.height();
    let count = if gap > 0.0 && rect.is_positive() {
        ((rect.width() + height) / gap).ceil() as usize
    } else {
        0
    };
    // Stripe `i` runs from (x, bottom) up to (x + height, top), x = left - height + i·gap.
    (1..count).map(move |i| {
        let x = rect.left() - height + i as f32 * gap;
        let (x0, x1) = (x.max(rect.left()), (x + height).min(rect.right()));
        [
            pos2(x0, rect.bottom() - (x0 - x)),
            pos2(x1, rect.bottom() - (x1 - x)),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_stays_inside_its_rectangle_and_covers_it() {
        let rect = Rect::from_min_max(pos2(100.0, 20.0), pos2(160.0, 44.0));
        let stripes: Vec<[Pos2; 2]> = hatch(rect, 6.0).collect();
        assert!(stripes.len() >= 12, "{}", stripes.len());
        for [a, b] in &stripes {
            assert!(rect.expand(0.01).contains(*a) && rect.expand(0.01).contains(*b));
            // At 45°, rising to the right.
            assert!((b.x - a.x - (a.y - b.y)).abs() < 0.01 && b.x >= a.x);
        }
        // From the left edge to the right one.
        let xs = stripes.iter().flat_map(|s| [s[0].x, s[1].x]);
        let (min, max) = xs.fold((f32::MAX, f32::MIN), |(l, r), x| (l.min(x), r.max(x)));
        assert!(min - rect.left() < 0.01 && rect.right() - max < 0.01);
        assert_eq!(hatch(Rect::NOTHING, 6.0).count(), 0);
    }
}
