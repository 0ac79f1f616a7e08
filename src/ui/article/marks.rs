//! What is drawn over one paragraph of the article, as plain data: the spans (their
//! rows, label colours and underline lanes, and which one is selected), the selected
//! text, find matches and suggestions, each as rectangles in the paragraph's own
//! coordinates. Computed from the paragraph's code points, the document's offsets
//! (re-based to the paragraph once, by [`Paragraph::local_range`]) and a [`RowRects`]
//! layout, so it is tested without a window; [`super::paint`] draws the list, each
//! mark as [`super::look`] says.

use crate::model::{CharRange, LabelSet, Span, SpanId};
use crate::suggest::{CONFIDENT, Suggestion};
use crate::ui::geometry::RowRects;
use crate::ui::paragraphs::Paragraph;
use crate::ui::theme;
use egui::{Color32, Rect};

/// One row's part of a span: where it lies, in its label's colour, and the underline
/// lane it takes (the first one free where it starts, in the document's span order;
/// overlapping spans never share one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct SpanPart {
    pub(super) id: SpanId,
    pub(super) color: Color32,
    pub(super) lane: usize,
    pub(super) rect: Rect,
}

/// One thing drawn over a paragraph; rectangles are in the paragraph's coordinates,
/// one per wrapped row. The list is in drawing order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Mark {
    /// A span's row: a light fill and an underline in its lane; a strong fill and a
    /// frame when it is the selected span.
    Span { part: SpanPart, selected: bool },
    /// The selected text.
    Selection { rect: Rect },
    /// A find match, outlined.
    Find { rect: Rect },
    /// A suggestion, outlined in its label's colour (fainter when unsure) with a dashed
    /// line; the selected one hatched inside a wider, denser dashed line.
    Suggestion {
        rect: Rect,
        color: Color32,
        selected: bool,
    },
    /// A coder's span (a layer's): a thin tick in its label's colour above the text,
    /// in the coder's own lane (`part.lane` is the coder's index).
    Coder { part: SpanPart },
    /// The disagreement selected in the Adjudicate tab, outlined.
    Focus { rect: Rect },
}

impl Mark {
    /// The row rectangle the mark covers, in the paragraph's coordinates.
    pub(super) fn rect(&self) -> Rect {
        match *self {
            Mark::Span { part, .. } | Mark::Coder { part } => part.rect,
            Mark::Selection { rect }
            | Mark::Find { rect }
            | Mark::Focus { rect }
            | Mark::Suggestion { rect, .. } => rect,
        }
    }
}

/// What the article shows over its text in one frame, in document code points.
pub(super) struct Scene<'a> {
    pub(super) labels: &'a LabelSet,
    pub(super) selected_span: Option<SpanId>,
    pub(super) selection: Option<CharRange>,
    /// Sorted and not overlapping, as the find bar gives them.
    pub(super) find: &'a [CharRange],
    pub(super) suggestions: &'a [Suggestion],
    /// The selected suggestion's label and range.
    pub(super) selected_suggestion: Option<(&'a str, CharRange)>,
    /// The selected disagreement's range.
    pub(super) focus: Option<CharRange>,
}

/// The code points whose spans a paragraph shows: its own, or for an empty paragraph
/// the line break after it, so a line break alone still shows the spans running
/// across it.
pub(super) fn spans_query(paragraph: &Paragraph) -> CharRange {
    let chars = paragraph.chars;
    CharRange::new(chars.start.0, chars.end.0.max(chars.start.0 + 1))
}

/// The rows of `spans` (those meeting [`spans_query`], in the document's order) over
/// `paragraph`, each with its colour and lane, appended to `out`. They depend on the
/// spans, the labels and the layout only, so the view keeps them between frames.
pub(super) fn span_parts<G: RowRects + ?Sized>(
    paragraph: &Paragraph,
    spans: &[&Span],
    labels: &LabelSet,
    rows: &G,
    out: &mut Vec<SpanPart>,
) {
    let mut lane_ends = Vec::new();
    for span in spans {
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
        let color = theme::label_color(labels, &span.label);
        rows.row_rects(paragraph.local_range(span.range), &mut |rect| {
            out.push(SpanPart {
                id: span.id,
                color,
                lane,
                rect,
            });
        });
    }
}

/// The rows of the coders' spans over `paragraph`: per coder (its lane), its spans
/// meeting [`spans_query`], appended to `out`.
pub(super) fn coder_parts<G: RowRects + ?Sized>(
    paragraph: &Paragraph,
    coders: &[(usize, Vec<&Span>)],
    labels: &LabelSet,
    rows: &G,
    out: &mut Vec<SpanPart>,
) {
    for (lane, spans) in coders {
        for span in spans {
            let color = theme::label_color(labels, &span.label);
            rows.row_rects(paragraph.local_range(span.range), &mut |rect| {
                out.push(SpanPart {
                    id: span.id,
                    color,
                    lane: *lane,
                    rect,
                });
            });
        }
    }
}

/// Everything drawn over `paragraph` in this frame, in drawing order, appended to
/// `out`: its span rows `parts` (from [`span_parts`]), the selection, find matches and
/// suggestions.
pub(super) fn paragraph_marks<G: RowRects + ?Sized>(
    paragraph: &Paragraph,
    parts: &[SpanPart],
    scene: &Scene,
    rows: &G,
    out: &mut Vec<Mark>,
) {
    let chars = paragraph.chars;
    out.extend(parts.iter().map(|part| Mark::Span {
        part: *part,
        selected: scene.selected_span == Some(part.id),
    }));
    if let Some(sel) = scene
        .selection
        .filter(|s| s.start < chars.end || (s.start == chars.start && s.end > s.start))
    {
        rows.row_rects(paragraph.local_range(sel), &mut |rect| {
            out.push(Mark::Selection { rect });
        });
    }
    if let Some(focus) = scene
        .focus
        .filter(|f| f.start < chars.end && f.end > chars.start)
    {
        rows.row_rects(paragraph.local_range(focus), &mut |rect| {
            out.push(Mark::Focus { rect });
        });
    }
    let first = scene.find.partition_point(|h| h.end <= chars.start);
    for found in scene.find[first..]
        .iter()
        .take_while(|h| h.start < chars.end)
    {
        rows.row_rects(paragraph.local_range(*found), &mut |rect| {
            out.push(Mark::Find { rect });
        });
    }
    for s in scene
        .suggestions
        .iter()
        .filter(|s| s.range.start < chars.end && s.range.end > chars.start)
    {
        let color = theme::suggestion_color(
            theme::label_color(scene.labels, &s.label),
            s.confidence >= CONFIDENT,
        );
        let selected = scene
            .selected_suggestion
            .is_some_and(|(label, range)| label == s.label && range == s.range);
        rows.row_rects(paragraph.local_range(s.range), &mut |rect| {
            out.push(Mark::Suggestion {
                rect,
                color,
                selected,
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attributes, CharOffset};
    use crate::ui::paragraphs;
    use egui::pos2;
    use std::ops::Range;

    /// A layout of fixed-width cells: `per_row` code points a row, each `W` wide and
    /// `H` high.
    struct Grid {
        per_row: usize,
        len: usize,
    }

    const W: f32 = 10.0;
    const H: f32 = 20.0;

    impl RowRects for Grid {
        fn row_rects(&self, range: Range<usize>, each: &mut dyn FnMut(Rect)) {
            let end = range.end.min(self.len);
            let mut start = range.start;
            while start < end {
                let row = start / self.per_row;
                let row_end = end.min((row + 1) * self.per_row);
                let column = |c: usize| (c - row * self.per_row) as f32 * W;
                each(Rect::from_min_max(
                    pos2(column(start), row as f32 * H),
                    pos2(column(row_end), (row + 1) as f32 * H),
                ));
                start = row_end;
            }
        }
    }

    /// The text of `markup` (the fixture language), its paragraphs and its spans
    /// (ids 1, 2, … in the document's order).
    fn article(markup: &str) -> (String, Vec<Paragraph>, Vec<Span>) {
        let (text, fixture) = crate::fixture::parse(markup).expect("valid fixture");
        let mut spans: Vec<Span> = fixture
            .iter()
            .map(|f| Span::new(SpanId(0), &f.label, f.range))
            .collect();
        spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        for (i, span) in spans.iter_mut().enumerate() {
            span.id = SpanId(i as u64 + 1);
        }
        let paragraphs = paragraphs::split(&text);
        (text, paragraphs, spans)
    }

    fn scene<'a>(labels: &'a LabelSet) -> Scene<'a> {
        Scene {
            labels,
            selected_span: None,
            selection: None,
            find: &[],
            suggestions: &[],
            selected_suggestion: None,
            focus: None,
        }
    }

    /// Every mark over `p`, on a grid wide enough for one row.
    fn marks(p: &Paragraph, spans: &[Span], scene: &Scene) -> Vec<Mark> {
        let grid = Grid {
            per_row: 1000,
            len: p.len_chars(),
        };
        let meeting: Vec<&Span> = spans
            .iter()
            .filter(|s| {
                let q = spans_query(p);
                s.range.start < q.end && s.range.end > q.start
            })
            .collect();
        let mut parts = Vec::new();
        span_parts(p, &meeting, scene.labels, &grid, &mut parts);
        let mut out = Vec::new();
        paragraph_marks(p, &parts, scene, &grid, &mut out);
        out
    }

    /// The columns (code points of the paragraph) a one-row rectangle covers.
    fn columns(rect: &Rect) -> Range<usize> {
        (rect.left() / W) as usize..(rect.right() / W) as usize
    }

    fn span_marks(marks: &[Mark]) -> Vec<(SpanId, usize, Range<usize>, bool)> {
        marks
            .iter()
            .filter_map(|m| match m {
                Mark::Span { part, selected } => {
                    Some((part.id, part.lane, columns(&part.rect), *selected))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn overlapping_spans_take_different_lanes_and_the_selected_one_is_marked() {
        let labels = LabelSet::default();
        let (_, paras, spans) = article("He said [claim:[quote:we] will win] and [figure:3] did.");
        let mut scene = scene(&labels);
        scene.selected_span = Some(SpanId(2));
        let found = span_marks(&marks(&paras[0], &spans, &scene));
        assert_eq!(
            found,
            [
                (SpanId(1), 0, 8..10, false),
                (SpanId(2), 1, 8..19, true),
                // Not overlapping the others: back in the first lane.
                (SpanId(3), 0, 24..25, false),
            ]
        );
        let colors: Vec<Color32> = marks(&paras[0], &spans, &scene)
            .iter()
            .filter_map(|m| match m {
                Mark::Span { part, .. } => Some(part.color),
                _ => None,
            })
            .collect();
        assert_eq!(
            colors,
            [
                theme::parse_color("#0072B2"),
                theme::parse_color("#D55E00"),
                theme::parse_color("#009E73"),
            ]
        );
    }

    #[test]
    fn a_span_over_wrapped_rows_gives_one_part_a_row_in_its_lane() {
        let labels = LabelSet::default();
        let (_, paras, spans) = article("[quote:abcdefghij] [claim:klm]");
        let grid = Grid {
            per_row: 4,
            len: paras[0].len_chars(),
        };
        let spans: Vec<&Span> = spans.iter().collect();
        let mut parts = Vec::new();
        span_parts(&paras[0], &spans, &labels, &grid, &mut parts);
        let rows: Vec<(SpanId, usize, Rect)> =
            parts.iter().map(|p| (p.id, p.lane, p.rect)).collect();
        let cell = |row: f32, a: f32, b: f32| {
            Rect::from_min_max(pos2(a * W, row * H), pos2(b * W, (row + 1.0) * H))
        };
        assert_eq!(
            rows,
            [
                (SpanId(1), 0, cell(0.0, 0.0, 4.0)),
                (SpanId(1), 0, cell(1.0, 0.0, 4.0)),
                (SpanId(1), 0, cell(2.0, 0.0, 2.0)),
                (SpanId(2), 0, cell(2.0, 3.0, 4.0)),
                (SpanId(2), 0, cell(3.0, 0.0, 2.0)),
            ]
        );
    }

    #[test]
    fn coders_spans_take_their_coders_lanes_and_the_focus_is_outlined() {
        let labels = LabelSet::default();
        let (_, paragraphs, spans) = article("[quote:We win] and [figure:270].");
        let p = &paragraphs[0];
        let grid = Grid {
            per_row: 1000,
            len: p.chars.len_chars(),
        };
        // Coder 0 gave the quote, coder 2 the quote and the figure; coder 1 nothing.
        let coders = vec![(0, vec![&spans[0]]), (2, vec![&spans[0], &spans[1]])];
        let mut parts = Vec::new();
        coder_parts(p, &coders, &labels, &grid, &mut parts);
        let lanes: Vec<(usize, Range<usize>)> =
            parts.iter().map(|q| (q.lane, columns(&q.rect))).collect();
        assert_eq!(lanes, [(0, 0..6), (2, 0..6), (2, 11..14)]);
        let mut scene = scene(&labels);
        scene.focus = Some(CharRange::new(11, 14));
        let mut out = Vec::new();
        paragraph_marks(p, &[], &scene, &grid, &mut out);
        assert!(matches!(&out[..], [Mark::Focus { rect }] if columns(rect) == (11..14)));
    }

    #[test]
    fn a_find_match_is_marked_over_exactly_its_code_points() {
        let labels = LabelSet::default();
        let (text, paras, _) = article("Київ 👋🏽\nDrones 🇺🇦 over drones\nend");
        let find = crate::ui::find::find_all(&text, "drones", false);
        let mut scene = scene(&labels);
        scene.find = &find;
        let finds = |p: &Paragraph| -> Vec<Range<usize>> {
            marks(p, &[], &scene)
                .iter()
                .filter_map(|m| match m {
                    Mark::Find { rect } => Some(columns(rect)),
                    _ => None,
                })
                .collect()
        };
        assert!(finds(&paras[0]).is_empty());
        // "Drones 🇺🇦 over drones": the flag is two code points.
        assert_eq!(finds(&paras[1]), [0..6, 15..21]);
        assert!(finds(&paras[2]).is_empty());
    }

    #[test]
    fn the_selected_suggestion_is_marked_apart_from_the_others() {
        let labels = LabelSet::default();
        let (_, paras, _) = article("He said “we will win” and 3 drones fell.");
        let suggestion = |label: &str, range: CharRange, confidence: f32| Suggestion {
            label: label.to_owned(),
            range,
            attributes: Attributes::new(),
            confidence,
            rule: "test",
            speaker_at: None,
        };
        let quote = CharRange::new(8, 21);
        let figure = CharRange::new(26, 34);
        let suggestions = [
            suggestion("quote", quote, 0.9),
            suggestion("figure", figure, 0.1),
        ];
        let mut scene = scene(&labels);
        scene.suggestions = &suggestions;
        scene.selected_suggestion = Some(("quote", quote));
        let found: Vec<(Range<usize>, Color32, bool)> = marks(&paras[0], &[], &scene)
            .iter()
            .filter_map(|m| match m {
                Mark::Suggestion {
                    rect,
                    color,
                    selected,
                } => Some((columns(rect), *color, *selected)),
                _ => None,
            })
            .collect();
        let quote_color = theme::label_color(&labels, "quote");
        let figure_color = theme::label_color(&labels, "figure");
        assert_eq!(
            found,
            [
                (8..21, theme::suggestion_color(quote_color, true), true),
                (26..34, theme::suggestion_color(figure_color, false), false),
            ]
        );
        assert_ne!(found[1].1, figure_color, "an unsure one is fainter");
        // Another label over the same text is not the selected one.
        let other = [suggestion("claim", quote, 0.9)];
        scene.suggestions = &other;
        assert!(matches!(
            marks(&paras[0], &[], &scene)[..],
            [Mark::Suggestion {
                selected: false,
                ..
            }]
        ));
    }

    #[test]
    fn marks_are_rebased_to_a_paragraph_that_does_not_start_at_zero() {
        let labels = LabelSet::default();
        let (text, paras, spans) =
            article("Intro 🇺🇦 line\r\n👋🏽 北京 [quote:said “so”], [claim:北京 agreed]\n");
        let p = paras[1];
        assert!(p.chars.start > CharOffset(0) && p.byte_start.0 > p.chars.start.0);
        let local = p.text(&text);
        let column_of = |needle: &str| {
            let byte = local.find(needle).expect("in the paragraph");
            local[..byte].chars().count()
        };
        let said = column_of("said");
        let agreed = column_of("北京 agreed");
        // The selection runs from the line before into "said".
        let mut scene = scene(&labels);
        scene.selection = Some(CharRange::new(3, spans[0].range.start.0 + 2));
        scene.selected_span = Some(spans[1].id);
        let found = marks(&p, &spans, &scene);
        assert_eq!(
            span_marks(&found),
            [
                (spans[0].id, 0, said..said + 9, false),
                (spans[1].id, 0, agreed..agreed + 9, true),
            ]
        );
        let selection: Vec<Range<usize>> = found
            .iter()
            .filter_map(|m| match m {
                Mark::Selection { rect } => Some(columns(rect)),
                _ => None,
            })
            .collect();
        assert_eq!(selection, vec![0..said + 2]);
        // The first paragraph sees neither span, only its part of the selection.
        let first = marks(&paras[0], &spans, &scene);
        assert!(span_marks(&first).is_empty());
        assert!(
            matches!(first[..], [Mark::Selection { rect }] if columns(&rect) == (3..paras[0].len_chars()))
        );
    }

    #[test]
    fn marks_on_a_real_layout_start_at_the_glyphs_of_their_code_points() {
        let ctx = egui::Context::default();
        // A first frame makes the fonts.
        ctx.run_ui(Default::default(), |_| {})
            .textures_delta
            .clear();
        let labels = LabelSet::default();
        let (text, paras, spans) = article("First 🇺🇦\n中文 👋🏽 Київ [quote:мир 和平] end");
        let p = paras[1];
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                p.text(&text).to_owned(),
                egui::FontId::proportional(16.0),
                Color32::WHITE,
            )
        });
        let spans: Vec<&Span> = spans.iter().collect();
        let mut parts = Vec::new();
        span_parts(&p, &spans, &labels, &*galley, &mut parts);
        let glyphs = &galley.rows[0].glyphs;
        let start = p.local_range(spans[0].range).start;
        assert_eq!(glyphs[start].chr, 'м');
        assert_eq!(parts.len(), 1);
        let row_x = galley.rows[0].pos.x;
        assert_eq!(parts[0].rect.left(), row_x + glyphs[start].pos.x);
        assert_eq!(parts[0].rect.right(), row_x + glyphs[start + 6].pos.x);
    }
}
