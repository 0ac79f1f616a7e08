//! Drawing relations: the arcs, and the plates with the types' names (on an arc's top,
//! or at the end in view saying where the other is).

use super::{
    ARC_INSET, ARC_LIFT_PER_POINT, ARC_MAX_LIFT, ARC_MIN_LIFT, ARROW_HALF_WIDTH, ARROW_LENGTH,
    NAME_SIZE, PLATE_PADDING,
};
use egui::{Color32, FontId, Galley, Pos2, Rect, Shape, Stroke, pos2, vec2};
use std::sync::Arc;

/// How many straight pieces an arc is drawn with: at most a few tenths of a point
/// off the true curve at the sizes arcs have, and far fewer than the tessellator makes
/// of a Bézier curve a few points wide.
const ARC_PIECES: usize = 16;

/// Draws the arc from row `a` to row `b` (an arrowhead at `b`); returns its top point.
pub(super) fn arc(painter: &egui::Painter, a: Rect, b: Rect, stroke: Stroke) -> Pos2 {
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
pub(super) enum Way {
    Here,
    Up,
    Down,
}

/// The type names laid out in this frame, each once however many plates show it (in
/// the placeholder colour, which each plate replaces by its own). Kept only for the
/// frame: egui may drop the glyphs they point to between frames.
#[derive(Default)]
pub(super) struct Names {
    /// The types met so far, and per type the galleys of this frame by [`Way`].
    kinds: Vec<(String, [Option<Arc<Galley>>; 3])>,
}

impl Names {
    /// At most this many types are remembered between frames.
    const KEPT: usize = 32;

    pub(super) fn galley(&mut self, painter: &egui::Painter, kind: &str, way: Way) -> Arc<Galley> {
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
    pub(super) fn end_frame(&mut self) {
        if self.kinds.len() > Self::KEPT {
            self.kinds.clear();
        }
        for (_, galleys) in &mut self.kinds {
            *galleys = Default::default();
        }
    }
}

/// How names are drawn on a plate.
pub(super) struct Plate {
    pub(super) fill: Color32,
    pub(super) color: Color32,
}

impl Plate {
    /// A plate with `galley` whose rectangle `at` returns, drawn unless it covers one of
    /// `placed`.
    fn draw(
        &self,
        painter: &egui::Painter,
        galley: Arc<Galley>,
        at: impl Fn(egui::Vec2, usize) -> Rect,
        places: usize,
        outline: bool,
        placed: &mut Vec<Rect>,
    ) -> Option<Rect> {
        let size = galley.size() + vec2(2.0 * PLATE_PADDING, 0.0);
        let rect = (0..places)
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
    pub(super) fn name(
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
        self.draw(painter, galley, at, 4, false, placed);
    }

    /// A plate over row `row` saying where a relation's other end is, kept inside
    /// `bounds` (moved left from the right edge, down from the top); stacked above the
    /// first when that place is taken, then to its left (never right, where the scroll
    /// bar is). Returns where it is (nowhere:
    /// nothing to click).
    pub(super) fn marker(
        &self,
        painter: &egui::Painter,
        row: Rect,
        galley: Arc<Galley>,
        bounds: Rect,
        placed: &mut Vec<Rect>,
    ) -> Rect {
        let at = |size: egui::Vec2, attempt: usize| {
            let (up, left) = ((attempt % 4) as f32, (attempt / 4) as f32);
            let first = pos2(row.left(), row.top() - size.y + ARC_INSET);
            let min = first - vec2((size.x + 2.0) * left, (size.y + 1.0) * up);
            inside(Rect::from_min_size(min, size), bounds)
        };
        self.draw(painter, galley, at, MARKER_PLACES, true, placed)
            .unwrap_or(Rect::NOTHING)
    }
}

/// Places tried for a marker: four stacked up, then the same to the left, twice.
const MARKER_PLACES: usize = 12;

/// `rect` moved the least so that it lies inside `bounds` (its top left corner inside,
/// when it is the larger).
fn inside(rect: Rect, bounds: Rect) -> Rect {
    let dx = (bounds.right() - rect.right()).min(0.0);
    let dy = (bounds.bottom() - rect.bottom()).min(0.0);
    let moved = rect.translate(vec2(dx, dy));
    moved.translate(vec2(
        (bounds.left() - moved.left()).max(0.0),
        (bounds.top() - moved.top()).max(0.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plate_is_moved_into_its_bounds_left_from_the_right_edge_and_down_from_the_top() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        let at = |x: f32, y: f32| Rect::from_min_size(pos2(x, y), vec2(40.0, 10.0));
        assert_eq!(inside(at(10.0, 10.0), bounds), at(10.0, 10.0));
        assert_eq!(inside(at(80.0, 10.0), bounds), at(60.0, 10.0));
        assert_eq!(inside(at(80.0, -5.0), bounds), at(60.0, 0.0));
        assert_eq!(inside(at(-3.0, 95.0), bounds), at(0.0, 90.0));
    }
}
