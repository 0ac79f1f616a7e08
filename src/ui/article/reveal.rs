//! Where the article scrolls when the session asks it to show a code point (undo and
//! redo, Tab to a span, N to a suggestion, a row of the span list, Ctrl+Home/End): the
//! view scrolls only to bring into view what is not in view. A target already in view
//! leaves the text where it is; one just out of view comes in by the least scroll,
//! keeping a margin from the edge; one further away is put a third of the way down,
//! re-aimed for a few frames while the heights of the paragraphs around it go from
//! estimated to measured. The start and the end of the document go to the very top
//! and bottom. [`decide`] makes the choice from rectangles alone, so it is tested
//! without a window.

use super::ArticleView;
use crate::model::CharOffset;
use crate::ui::geometry;
use crate::ui::paragraphs;
use crate::ui::theme::LINE_HEIGHT;
use egui::{Pos2, Rect};

/// How far inside the view's top and bottom edges a target must lie to count as in
/// view, and where one brought in by the least scroll ends up.
pub(super) const REVEAL_MARGIN: f32 = LINE_HEIGHT * 0.75;
/// Where a far target is put: this share of the view's height from its top.
const FAR_TARGET_SHARE: f32 = 0.3;
/// For how many frames a far jump is re-aimed.
const JUMP_FRAMES: u8 = 4;

/// What to do to show a target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Reveal {
    /// It is in view: no scrolling.
    Stay,
    /// Scroll to this offset (the least scroll that brings it in).
    To(f32),
    /// It is far away or not laid out: jump and re-aim.
    Far,
}

/// How to show `target` (a character's rectangle as last drawn, if it was) in `view`
/// (the visible area, same coordinates), the view being scrolled by `scroll_y` of at
/// most `max_scroll`.
pub(super) fn decide(target: Option<Rect>, view: Rect, scroll_y: f32, max_scroll: f32) -> Reveal {
    let Some(target) = target else {
        return Reveal::Far;
    };
    if !view.is_positive() {
        return Reveal::Far;
    }
    let (top, bottom) = (view.top() + REVEAL_MARGIN, view.bottom() - REVEAL_MARGIN);
    let delta = if target.top() < top {
        target.top() - top
    } else if target.bottom() > bottom {
        // A row taller than the room between the margins shows its top.
        (target.bottom() - bottom).min(target.top() - top)
    } else {
        0.0
    };
    if delta.abs() > view.height() {
        return Reveal::Far;
    }
    let to = (scroll_y + delta).clamp(0.0, max_scroll.max(0.0));
    // Near the top or bottom of the document the margin cannot always be kept.
    if (to - scroll_y).abs() < 0.5 {
        Reveal::Stay
    } else {
        Reveal::To(to)
    }
}

impl ArticleView {
    /// The height of the visible area as last drawn (0 before the first frame).
    fn view_height(&self) -> f32 {
        if self.viewport.is_positive() {
            self.viewport.height()
        } else {
            0.0
        }
    }

    /// The largest scroll offset.
    pub(super) fn max_scroll(&self) -> f32 {
        (self.heights.total() - self.view_height()).max(0.0)
    }

    /// Takes the session's request to show code point `at` of a document of `len` code
    /// points, and carries out a far jump in progress: sets what this frame scrolls to.
    pub(super) fn follow(&mut self, ctx: &egui::Context, request: Option<CharOffset>, len: usize) {
        if let Some(at) = request {
            self.jump = None;
            let edge = at.0 == 0 || at.0 >= len;
            let target = if edge { None } else { self.char_rect(at) };
            match decide(target, self.viewport, self.scroll_y, self.max_scroll()) {
                Reveal::Stay => {}
                Reveal::To(y) => self.scroll_request = Some(y),
                Reveal::Far => self.jump = Some((at, JUMP_FRAMES)),
            }
        }
        if let Some((at, frames)) = self.jump {
            self.scroll_request = Some(self.aim(at, len));
            self.jump = frames
                .checked_sub(1)
                .map(|f| (at, f))
                .filter(|(_, f)| *f > 0);
            ctx.request_repaint();
        }
    }

    /// The scroll offset that shows code point `at` a third of the way down (the start
    /// and the end of the document: the very top and bottom), from the heights known
    /// now and, when its paragraph is laid out, the row it is on.
    fn aim(&self, at: CharOffset, len: usize) -> f32 {
        let bottom = self.max_scroll();
        if at.0 == 0 {
            return 0.0;
        }
        if at.0 >= len {
            return bottom;
        }
        let i = paragraphs::index_of(&self.paragraphs, at);
        let row_y = self
            .layouts
            .laid_out(i)
            .and_then(|galley| {
                let local = self.paragraphs[i].local_char(at)?;
                geometry::char_rect(galley, Pos2::ZERO, local)
            })
            .map_or(0.0, |r| r.top());
        (self.heights.top(i) + row_y - self.view_height() * FAR_TARGET_SHARE).clamp(0.0, bottom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    /// A view 500 high scrolled by 1000 of at most 3000; a row of text at `y` (screen).
    fn at(y: f32) -> Reveal {
        let view = Rect::from_min_max(pos2(0.0, 100.0), pos2(600.0, 600.0));
        let row = Rect::from_min_max(pos2(50.0, y), pos2(60.0, y + LINE_HEIGHT));
        decide(Some(row), view, 1000.0, 3000.0)
    }

    #[test]
    fn a_target_in_view_stays_and_one_just_out_comes_in_by_the_least_scroll() {
        assert_eq!(at(300.0), Reveal::Stay);
        assert_eq!(at(100.0 + REVEAL_MARGIN), Reveal::Stay);
        assert_eq!(at(600.0 - REVEAL_MARGIN - LINE_HEIGHT), Reveal::Stay);
        // Half hidden under the bottom edge: up by just enough, with the margin.
        let y = 590.0;
        assert_eq!(
            at(y),
            Reveal::To(1000.0 + y + LINE_HEIGHT - (600.0 - REVEAL_MARGIN))
        );
        // Just above the top.
        assert_eq!(
            at(60.0),
            Reveal::To(1000.0 - (100.0 + REVEAL_MARGIN - 60.0))
        );
        // More than a view away, or not drawn: a jump.
        assert_eq!(at(1200.0), Reveal::Far);
        assert_eq!(at(-600.0), Reveal::Far);
        let view = Rect::from_min_max(pos2(0.0, 100.0), pos2(600.0, 600.0));
        assert_eq!(decide(None, view, 0.0, 100.0), Reveal::Far);
    }

    #[test]
    fn near_the_ends_of_the_document_the_margin_gives_way() {
        let view = Rect::from_min_max(pos2(0.0, 100.0), pos2(600.0, 600.0));
        // The first row, at the very top of an unscrolled view.
        let first = Rect::from_min_max(pos2(0.0, 100.0), pos2(10.0, 100.0 + LINE_HEIGHT));
        assert_eq!(decide(Some(first), view, 0.0, 3000.0), Reveal::Stay);
        // The last row, at the very bottom of a view scrolled to the end.
        let last = Rect::from_min_max(pos2(0.0, 600.0 - LINE_HEIGHT), pos2(10.0, 600.0));
        assert_eq!(decide(Some(last), view, 3000.0, 3000.0), Reveal::Stay);
    }
}
