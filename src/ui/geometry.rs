//! Where characters are in a laid-out paragraph. egui gives each `char` of a galley
//! one glyph (paragraphs hold no line breaks), so a glyph index is a code-point offset
//! within the paragraph, whatever font covers it — a missing glyph never shifts offsets.
//! [`RowRects`] is what drawing needs of a layout: a galley is one, and tests use a
//! plain grid.

use egui::{Galley, Pos2, Rect, Vec2, pos2};
use std::ops::Range;

/// The rectangles covering a range of a paragraph's code points, in the paragraph's
/// own coordinates.
pub trait RowRects {
    /// Calls `each` with the rectangle covering code points `range` (counted within
    /// the paragraph) in each wrapped row the range meets, top to bottom. An empty
    /// range covers nothing, except on the empty row of an empty paragraph, which it
    /// gives with no width.
    fn row_rects(&self, range: Range<usize>, each: &mut dyn FnMut(Rect));
}

impl RowRects for Galley {
    fn row_rects(&self, range: Range<usize>, each: &mut dyn FnMut(Rect)) {
        let (start, end) = (range.start, range.end);
        let mut row_start = 0;
        for row in &self.rows {
            let count = row.glyphs.len();
            let row_end = row_start + count;
            let a = start.max(row_start);
            let b = end.min(row_end);
            if a < b || (start == end && start >= row_start && start <= row_end && count == 0) {
                let left = x_of(row, a - row_start);
                let right = x_of(row, b - row_start);
                each(Rect::from_min_max(
                    pos2(row.pos.x + left, row.pos.y),
                    pos2(row.pos.x + right, row.pos.y + row.size.y),
                ));
            }
            row_start = row_end;
            if row_start >= end {
                break;
            }
        }
    }
}

fn x_of(row: &egui::epaint::text::PlacedRow, column: usize) -> f32 {
    match row.glyphs.get(column) {
        Some(glyph) => glyph.pos.x,
        None => row.glyphs.last().map_or(0.0, |g| g.max_x()),
    }
}

/// The code point under `pos` (galley coordinates), if the pointer is on a glyph.
pub fn char_at(galley: &Galley, pos: Vec2) -> Option<usize> {
    let mut row_start = 0;
    for row in &galley.rows {
        let top = row.pos.y;
        let bottom = top + row.size.y;
        if pos.y >= top && pos.y < bottom {
            let x = pos.x - row.pos.x;
            return row
                .glyphs
                .iter()
                .position(|g| g.pos.x <= x && x < g.max_x())
                .map(|i| row_start + i);
        }
        row_start += row.glyphs.len();
    }
    None
}

/// The caret position nearest to `pos` (galley coordinates), as a code point offset.
pub fn boundary_at(galley: &Galley, pos: Vec2) -> usize {
    galley.cursor_from_pos(pos).index.0
}

/// The screen rectangle of code point `at` of a paragraph drawn at `origin`.
pub fn char_rect(galley: &Galley, origin: Pos2, at: usize) -> Option<Rect> {
    let mut first = None;
    galley.row_rects(at..at + 1, &mut |r| {
        first.get_or_insert(r.translate(origin.to_vec2()));
    });
    first
}
