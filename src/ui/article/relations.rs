//! Relations in the article view. Each relation with an end in view is drawn as an
//! arc from the top of its source span's first row to the top of its target's, rising
//! above the text (the wider it spans, the higher, so nested arcs stack), with an
//! arrowhead at the target and the type's name on a small plate at its top (left out
//! where it would cover another's). When only one end is in view, a plate at that end
//! says where the other is (↑ above, ↓ below) and which type; a click on it brings the
//! other end into view and selects it. While a link is being made, a dashed line runs
//! from the span it starts at to the pointer and a hint says how to finish it; when
//! more than one type fits the two spans clicked, a small menu asks which.
//!
//! Which relations have an end in view comes from [`RelationCache`]: their ends sorted
//! by where each starts, made again only when the document's revision changes, so a
//! frame looks at the few relations near the view whatever their number.

use super::{ArticleView, DocRef};
use crate::model::{CharOffset, CharRange, DocId, Document, SpanId};
use crate::session::{Command, RelationCommand, Session, ViewCommand};
use crate::ui::geometry::RowRects;
use crate::ui::preview;
use egui::{Align2, Color32, FontId, Galley, Pos2, Rect, Shape, Stroke, Ui, pos2, vec2};
use std::sync::Arc;

/// At most this many relations are drawn in a frame (the nearest the view's top).
const MAX_DRAWN: usize = 400;
/// How far below a row's top an arc ends, and how high above the higher end it rises
/// at least and at most.
const ARC_INSET: f32 = 3.0;
const ARC_MIN_LIFT: f32 = 9.0;
const ARC_MAX_LIFT: f32 = 34.0;
/// How much higher an arc rises per point of width it spans.
const ARC_LIFT_PER_POINT: f32 = 0.06;
const ARC_WIDTH: f32 = 1.2;
/// The arcs of the selected span: wider, and not faded.
const STRONG_ARC_WIDTH: f32 = 2.0;
const FADED_ALPHA: u8 = 170;
const ARROW_LENGTH: f32 = 7.0;
const ARROW_HALF_WIDTH: f32 = 3.5;
/// The size of the type names on arcs and plates.
const NAME_SIZE: f32 = 11.0;
const PLATE_PADDING: f32 = 2.0;

/// The arcs' colour: dark blue on light backgrounds, light blue on dark ones.
fn relation_color(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x8C, 0xC0, 0xFF)
    } else {
        Color32::from_rgb(0x1F, 0x4E, 0xA8)
    }
}

/// Where a text position is kept in the cache: 32 bits (a text of 4 billion code
/// points is far beyond what the view opens), half the size of a `CharOffset`.
fn offset32(at: CharOffset) -> u32 {
    u32::try_from(at.0).unwrap_or(u32::MAX)
}

/// A relation's two ends (the spans' ranges), start and end of each.
#[derive(Clone, Copy, Default)]
struct Ends {
    from: [u32; 2],
    to: [u32; 2],
}

impl Ends {
    fn range([start, end]: [u32; 2]) -> CharRange {
        CharRange {
            start: CharOffset(start as usize),
            end: CharOffset(end as usize),
        }
    }

    fn from(&self) -> CharRange {
        Self::range(self.from)
    }

    fn to(&self) -> CharRange {
        Self::range(self.to)
    }
}

/// The document's relations by where their ends start, for one revision: 24 bytes a
/// relation.
#[derive(Default)]
pub(super) struct RelationCache {
    key: Option<(DocId, u64, usize)>,
    /// The ends of each relation, by its place in the document's list (an end whose
    /// span is gone: in neither list below).
    ends: Vec<Ends>,
    /// The relations (places in `ends`) by where their source and their target start.
    by_from: Vec<u32>,
    by_to: Vec<u32>,
}

impl RelationCache {
    fn update(&mut self, doc: &Document) {
        let key = (doc.id, doc.revision(), doc.relations().len());
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let relations = doc.relations();
        // Made again in place: the lists keep their memory, so a new revision costs no
        // second copy of them.
        self.ends.clear();
        self.ends.reserve_exact(relations.len());
        self.by_from.clear();
        self.by_from.reserve_exact(relations.len());
        for (i, r) in relations.iter().enumerate() {
            let ends = match (doc.span(r.from), doc.span(r.to)) {
                (Some(from), Some(to)) => {
                    self.by_from.push(u32::try_from(i).unwrap_or(u32::MAX));
                    Ends {
                        from: [offset32(from.range.start), offset32(from.range.end)],
                        to: [offset32(to.range.start), offset32(to.range.end)],
                    }
                }
                _ => Ends::default(),
            };
            self.ends.push(ends);
        }
        self.by_to.clear();
        self.by_to.extend_from_slice(&self.by_from);
        let ends = &self.ends;
        let at = |k: u32| ends.get(k as usize).copied().unwrap_or_default();
        self.by_from.sort_by_key(|k| at(*k).from[0]);
        self.by_to.sort_by_key(|k| at(*k).to[0]);
    }

    /// The relations (places in `ends`, the same as in the document's list) with an end
    /// starting in `range`, each once, in the document's order.
    fn touching(&self, range: CharRange, out: &mut Vec<u32>) {
        out.clear();
        let (start, end) = (offset32(range.start), offset32(range.end));
        let at = |k: u32| self.ends.get(k as usize).copied().unwrap_or_default();
        for (list, side) in [
            (&self.by_from, (|e: Ends| e.from[0]) as fn(Ends) -> u32),
            (&self.by_to, |e: Ends| e.to[0]),
        ] {
            let first = list.partition_point(|k| side(at(*k)) < start);
            out.extend(list[first..].iter().take_while(|k| side(at(**k)) < end));
        }
        out.sort_unstable();
        out.dedup();
    }

    /// What the relations with an end starting in `range` say of each span there, for
    /// a screen reader: "attributed to claim “Olena Ivanova”", "quote “…” attributed to it".
    pub(super) fn descriptions(
        &self,
        doc: &DocRef,
        range: CharRange,
    ) -> std::collections::HashMap<SpanId, Vec<String>> {
        let mut out: std::collections::HashMap<SpanId, Vec<String>> = Default::default();
        let mut picked = Vec::new();
        self.touching(range, &mut picked);
        let relations = doc.document.relations();
        let name = |id: SpanId| {
            doc.document.span(id).map_or_else(String::new, |s| {
                let text = doc.offsets.slice(doc.text, s.range).unwrap_or("");
                format!("{} “{}”", s.label, preview(text, 40))
            })
        };
        for k in picked.iter().take(MAX_DRAWN) {
            let Some(r) = relations.get(*k as usize) else {
                continue;
            };
            (out.entry(r.from).or_default()).push(format!("{} {}", r.kind, name(r.to)));
            (out.entry(r.to).or_default()).push(format!("{} {} it", name(r.from), r.kind));
        }
        out
    }
}

/// The view's relation state: the cache, the plates drawn last (for clicks) and the
/// type menu open after a click that more than one type fits.
#[derive(Default)]
pub(super) struct Relations {
    pub(super) cache: RelationCache,
    /// Plates of relations with one end out of view, and the span each leads to.
    markers: Vec<(Rect, SpanId)>,
    /// Lists a frame fills, kept for the next one's.
    picked: Vec<u32>,
    placed: Vec<Rect>,
    names: Names,
    /// From, to, and where the menu opens.
    choosing: Option<(SpanId, SpanId, Pos2)>,
}

impl Relations {
    /// The span the plate under `pos` leads to, if one is there.
    pub(super) fn marker_at(&self, pos: Pos2) -> Option<SpanId> {
        self.markers
            .iter()
            .rev()
            .find(|(r, _)| r.contains(pos))
            .map(|(_, s)| *s)
    }

    /// A click on span `to` while linking from `from`: the link, or the menu of types
    /// when more than one fits.
    pub(super) fn finish(
        &mut self,
        session: &Session,
        from: SpanId,
        to: SpanId,
        pos: Pos2,
        out: &mut Vec<Command>,
    ) {
        if session.types_between(from, to).len() > 1 {
            self.choosing = Some((from, to, pos));
        } else {
            out.push(RelationCommand::Finish(to).into());
        }
    }

    pub(super) fn clear(&mut self) {
        *self = Self::default();
    }
}

impl ArticleView {
    /// The rectangle of the first row of `range` as drawn, if its start was drawn.
    fn first_row(&self, range: CharRange) -> Option<Rect> {
        let k = self
            .shown
            .partition_point(|s| self.paragraphs[s.index].chars.end <= range.start);
        let s = self.shown.get(k)?;
        let p = self.paragraphs[s.index];
        if p.chars.start > range.start {
            return None;
        }
        let mut first = None;
        s.galley.row_rects(p.local_range(range), &mut |r| {
            first.get_or_insert(r);
        });
        first.map(|r| r.translate(s.origin.to_vec2()))
    }

    /// The code points of the paragraphs in view.
    fn chars_in_view(&self) -> Option<CharRange> {
        let mut in_view = self
            .shown
            .iter()
            .filter(|s| (s.galley.rect.translate(s.origin.to_vec2())).intersects(self.viewport));
        let first = in_view.next()?;
        let last = in_view.next_back().unwrap_or(first);
        Some(CharRange {
            start: self.paragraphs[first.index].chars.start,
            end: CharOffset(self.paragraphs[last.index].chars.end.0 + 1),
        })
    }

    /// Draws the relations with an end in view, the linking gesture and its menu.
    pub(super) fn paint_relations(
        &mut self,
        ui: &Ui,
        doc: &DocRef,
        session: &Session,
        out: &mut Vec<Command>,
    ) {
        self.relations.cache.update(doc.document);
        let color = relation_color(ui.visuals());
        let faded = color.gamma_multiply(f32::from(FADED_ALPHA) / 255.0);
        // The lists of the last frame, emptied, so a frame allocates none.
        let mut markers = std::mem::take(&mut self.relations.markers);
        let mut picked = std::mem::take(&mut self.relations.picked);
        let mut placed = std::mem::take(&mut self.relations.placed);
        let mut names = std::mem::take(&mut self.relations.names);
        markers.clear();
        placed.clear();
        if let Some(in_view) = self.chars_in_view() {
            self.relations.cache.touching(in_view, &mut picked);
        } else {
            picked.clear();
        }
        let painter = ui.painter();
        let plate_fill = ui.visuals().extreme_bg_color.gamma_multiply(0.9);
        let selected = session.selected_span();
        let relations = doc.document.relations();
        let cache = &self.relations.cache;
        let in_view = |range| {
            self.first_row(range)
                .filter(|b| b.intersects(self.viewport))
        };
        for k in picked.iter().take(MAX_DRAWN) {
            let (Some(e), Some(r)) = (cache.ends.get(*k as usize), relations.get(*k as usize))
            else {
                continue;
            };
            let strong = selected.is_some_and(|s| r.touches(s));
            let plate = Plate {
                fill: plate_fill,
                color: if strong { color } else { faded },
            };
            match (in_view(e.from()), in_view(e.to())) {
                (Some(a), Some(b)) => {
                    let width = if strong { STRONG_ARC_WIDTH } else { ARC_WIDTH };
                    let top = arc(painter, a, b, Stroke::new(width, plate.color));
                    let galley = names.galley(painter, &r.kind, Way::Here);
                    plate.name(painter, top, galley, &mut placed);
                }
                (Some(a), None) => {
                    let way = if e.to[0] < e.from[0] {
                        Way::Up
                    } else {
                        Way::Down
                    };
                    let galley = names.galley(painter, &r.kind, way);
                    markers.push((plate.marker(painter, a, galley, &mut placed), r.to));
                }
                (None, Some(b)) => {
                    let way = if e.from[0] < e.to[0] {
                        Way::Up
                    } else {
                        Way::Down
                    };
                    let galley = names.galley(painter, &r.kind, way);
                    markers.push((plate.marker(painter, b, galley, &mut placed), r.from));
                }
                (None, None) => {}
            }
        }
        names.end_frame();
        self.relations.picked = picked;
        self.relations.markers = markers;
        self.relations.placed = placed;
        self.relations.names = names;
        self.linking_ui(ui, doc, session, color, out);
    }

    /// The gesture under way: the dashed line to the pointer, the hint, the type menu.
    fn linking_ui(
        &mut self,
        ui: &Ui,
        doc: &DocRef,
        session: &Session,
        color: Color32,
        out: &mut Vec<Command>,
    ) {
        let Some(from) = session.linking_from() else {
            self.relations.choosing = None;
            return;
        };
        let Some(span) = doc.document.span(from) else {
            return;
        };
        if let (Some(a), Some(pointer)) = (self.first_row(span.range), ui.ctx().pointer_hover_pos())
            && self.viewport.contains(pointer)
            && self.relations.choosing.is_none()
        {
            let start = pos2(a.center().x, a.top() + ARC_INSET);
            let stroke = Stroke::new(STRONG_ARC_WIDTH, color);
            ui.painter()
                .extend(Shape::dashed_line(&[start, pointer], stroke, 6.0, 4.0));
            ui.painter().circle_filled(pointer, 3.0, color);
        }
        let text = doc.offsets.slice(doc.text, span.range).unwrap_or("");
        let hint = format!(
            "Linking from {} “{}”: click the other span (or Tab to it and press Enter); Esc cancels",
            span.label,
            preview(text, 30)
        );
        egui::Area::new(egui::Id::unique("spanmark-linking-hint"))
            .order(egui::Order::Foreground)
            .interactable(false)
            .pivot(Align2::LEFT_BOTTOM)
            .fixed_pos(self.viewport.left_bottom() + vec2(8.0, -8.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(self.viewport.width() - 40.0);
                    ui.label(hint);
                });
            });
        let Some((from, to, pos)) = self.relations.choosing else {
            return;
        };
        if from != span.id {
            self.relations.choosing = None;
            return;
        }
        egui::Area::new(egui::Id::unique("spanmark-relation-type-menu"))
            .order(egui::Order::Foreground)
            .fixed_pos(pos + vec2(4.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::menu(ui.style()).show(ui, |ui| {
                    ui.label("Link as");
                    for t in session.types_between(from, to) {
                        if ui.button(&t.name).clicked() {
                            out.push(
                                RelationCommand::Link {
                                    from,
                                    to,
                                    kind: Some(t.name.clone()),
                                }
                                .into(),
                            );
                            out.push(RelationCommand::Cancel.into());
                            self.relations.choosing = None;
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        out.push(RelationCommand::Cancel.into());
                        self.relations.choosing = None;
                    }
                });
            });
    }

    /// A click on a plate: the other end comes into view, selected.
    pub(super) fn click_marker(&self, pos: Pos2, out: &mut Vec<Command>) -> bool {
        let Some(span) = self.relations.marker_at(pos) else {
            return false;
        };
        out.push(ViewCommand::JumpToSpan(span).into());
        true
    }
}

/// How many straight pieces an arc is drawn with: at most a few tenths of a point
/// off the true curve at the sizes arcs have, and far fewer than the tessellator makes
/// of a Bézier curve a few points wide.
const ARC_PIECES: usize = 16;

/// Draws the arc from row `a` to row `b` (an arrowhead at `b`); returns its top point.
fn arc(painter: &egui::Painter, a: Rect, b: Rect, stroke: Stroke) -> Pos2 {
    let p0 = pos2(a.center().x, a.top() + ARC_INSET);
    let p3 = pos2(b.center().x, b.top() + ARC_INSET);
    let dx = (p3.x - p0.x).abs();
    let lift = (ARC_MIN_LIFT + ARC_LIFT_PER_POINT * (dx + (p3.y - p0.y).abs())).min(ARC_MAX_LIFT);
    let top = p0.y.min(p3.y) - lift;
    // Ends one above the other: the arc bows out to the left.
    let bow = if dx < 12.0 { -24.0 } else { 0.0 };
    let p1 = pos2(p0.x + bow, top);
    let p2 = pos2(p3.x + bow, top);
    // The cubic Bézier curve through p0..p3, as a line through points along it.
    let at = |t: f32| {
        let u = 1.0 - t;
        let (w0, w1, w2, w3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        pos2(
            w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x,
            w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y,
        )
    };
    let points = (0..=ARC_PIECES)
        .map(|i| at(i as f32 / ARC_PIECES as f32))
        .collect();
    painter.add(egui::epaint::PathShape::line(points, stroke));
    let dir = (p3 - p2).normalized();
    let side = vec2(-dir.y, dir.x) * ARROW_HALF_WIDTH;
    let back = p3 - dir * ARROW_LENGTH;
    painter.add(Shape::convex_polygon(
        vec![p3, back + side, back - side],
        stroke.color,
        Stroke::NONE,
    ));
    // The curve's middle (t = 1/2).
    at(0.5)
}

/// Which text a relation type's plate has: the name alone (on an arc), or with where
/// the other end is.
#[derive(Clone, Copy)]
enum Way {
    Here,
    Up,
    Down,
}

/// The type names laid out in this frame, each once however many plates show it (in
/// the placeholder colour, which each plate replaces by its own). Kept only for the
/// frame: egui may drop the glyphs they point to between frames.
#[derive(Default)]
struct Names {
    /// The types met so far, and per type the galleys of this frame by [`Way`].
    kinds: Vec<(String, [Option<Arc<Galley>>; 3])>,
}

impl Names {
    /// At most this many types are remembered between frames.
    const KEPT: usize = 32;

    fn galley(&mut self, painter: &egui::Painter, kind: &str, way: Way) -> Arc<Galley> {
        let i = match self.kinds.iter().position(|(k, _)| k == kind) {
            Some(i) => i,
            None => {
                self.kinds.push((kind.to_owned(), Default::default()));
                self.kinds.len() - 1
            }
        };
        let slot = &mut self.kinds[i].1[way as usize];
        slot.get_or_insert_with(|| {
            let text = match way {
                Way::Here => kind.to_owned(),
                Way::Up => format!("↑ {kind}"),
                Way::Down => format!("↓ {kind}"),
            };
            painter.layout_no_wrap(text, FontId::proportional(NAME_SIZE), Color32::PLACEHOLDER)
        })
        .clone()
    }

    /// Lets go of the frame's galleys (and of the types, when there are many).
    fn end_frame(&mut self) {
        if self.kinds.len() > Self::KEPT {
            self.kinds.clear();
        }
        for (_, galleys) in &mut self.kinds {
            *galleys = Default::default();
        }
    }
}

/// How names are drawn on a plate.
struct Plate {
    fill: Color32,
    color: Color32,
}

impl Plate {
    /// A plate with `galley` whose rectangle `at` returns, drawn unless it covers one of
    /// `placed`.
    fn draw(
        &self,
        painter: &egui::Painter,
        galley: Arc<Galley>,
        at: impl Fn(egui::Vec2, usize) -> Rect,
        outline: bool,
        placed: &mut Vec<Rect>,
    ) -> Option<Rect> {
        let size = galley.size() + vec2(2.0 * PLATE_PADDING, 0.0);
        let rect = (0..4)
            .map(|attempt| at(size, attempt))
            .find(|r| !placed.iter().any(|p| p.intersects(*r)))?;
        placed.push(rect);
        let stroke = if outline {
            Stroke::new(1.0, self.color)
        } else {
            Stroke::NONE
        };
        painter.rect(rect, 3.0, self.fill, stroke, egui::StrokeKind::Inside);
        painter.galley(rect.min + vec2(PLATE_PADDING, 0.0), galley, self.color);
        Some(rect)
    }

    /// The type's name at an arc's top, or a little above when that place is taken.
    fn name(
        &self,
        painter: &egui::Painter,
        top: Pos2,
        galley: Arc<Galley>,
        placed: &mut Vec<Rect>,
    ) {
        let at = |size: egui::Vec2, attempt: usize| {
            let y = top.y - (size.y + 1.0) * attempt as f32;
            Rect::from_center_size(pos2(top.x, y), size)
        };
        self.draw(painter, galley, at, false, placed);
    }

    /// A plate over row `row` saying where a relation's other end is; to its right
    /// when that place is taken. Returns where it is (nowhere: nothing to click).
    fn marker(
        &self,
        painter: &egui::Painter,
        row: Rect,
        galley: Arc<Galley>,
        placed: &mut Vec<Rect>,
    ) -> Rect {
        let at = |size: egui::Vec2, attempt: usize| {
            let x = row.left() + (size.x + 2.0) * attempt as f32;
            Rect::from_min_size(pos2(x, row.top() - size.y + ARC_INSET), size)
        };
        self.draw(painter, galley, at, true, placed)
            .unwrap_or(Rect::NOTHING)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_cache_finds_the_relations_with_an_end_in_a_range() {
        let mut p = fixture::project(
            "p",
            &[(
                "a.txt",
                "[quote:We lost] said [claim:Olena] and [figure:270] more.",
            )],
        );
        let doc = &p.documents()[0];
        let id = |l: &str| {
            doc.spans()
                .iter()
                .find(|s| s.label == l)
                .map(|s| s.id)
                .unwrap()
        };
        let (quote, claim, figure) = (id("quote"), id("claim"), id("figure"));
        let relations = vec![
            crate::model::Relation::new(crate::model::RelationId(1), "attributed to", quote, claim),
            crate::model::Relation::new(crate::model::RelationId(2), "supported by", claim, figure),
        ];
        let doc_id = p.documents()[0].id;
        p.document_mut(doc_id).unwrap().set_relations(relations);
        let doc = &p.documents()[0];
        let mut cache = RelationCache::default();
        cache.update(doc);
        let range = |a: usize, b: usize| CharRange {
            start: CharOffset(a),
            end: CharOffset(b),
        };
        let mut out = Vec::new();
        // "We lost" only: the first relation.
        cache.touching(range(0, 3), &mut out);
        assert_eq!(out, [0]);
        // "Olena": both.
        let olena = doc.text().find("Olena").unwrap();
        cache.touching(range(olena, olena + 1), &mut out);
        assert_eq!(out, [0, 1]);
        cache.touching(range(doc.len_chars() - 3, doc.len_chars()), &mut out);
        assert!(out.is_empty());
    }
}
