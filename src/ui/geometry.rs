//! Where characters are in a laid-out paragraph. egui gives each `char` of a galley
//! one glyph (paragraphs hold no line breaks), so a glyph index is a code-point offset
//! within the paragraph, whatever font covers it — a missing glyph never shifts offsets.

use egui::{Galley, Pos2, Rect, Vec2, pos2};

/// The rectangles (in galley coordinates) covering code points `start..end` of the
/// paragraph, one per wrapped row.
pub fn range_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let count = row.glyphs.len();
        let row_end = row_start + count;
        let a = start.max(row_start);
        let b = end.min(row_end);
        if a < b || (start == end && start >= row_start && start <= row_end && count == 0) {
            let left = x_of(row, a - row_start);
            let right = x_of(row, b - row_start);
            rects.push(Rect::from_min_max(
                pos2(row.pos.x + left, row.pos.y),
                pos2(row.pos.x + right, row.pos.y + row.size.y),
            ));
        }
        row_start = row_end;
        if row_start >= end {
            break;
        }
    }
    rects
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

/// The number of code points the galley lays out.
pub fn char_count(galley: &Galley) -> usize {
    galley.rows.iter().map(|r| r.glyphs.len()).sum()
}

/// The screen rectangle of code point `at` of a paragraph drawn at `origin`.
pub fn char_rect(galley: &Galley, origin: Pos2, at: usize) -> Option<Rect> {
    range_rects(galley, at, at + 1)
        .first()
        .map(|r| r.translate(origin.to_vec2()))
}
