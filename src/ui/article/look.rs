//! How each mark over the article looks, as plain data: a flat or hatched fill, a solid
//! or dashed outline, an underline in a lane. A selected span is filled flat and
//! framed with a solid line; the selected suggestion is hatched inside a wider, denser
//! dashed line than the other suggestions, so a suggestion waiting for a decision never
//! looks like a span. [`super::paint`] draws by it; the sizes and colours come from
//! [`crate::ui::theme`].

use super::marks::Mark;
use crate::ui::theme;
use egui::{Color32, StrokeKind};

/// How a mark is drawn over its row rectangle, as data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Look {
    pub(super) fill: Option<Fill>,
    pub(super) outline: Option<Outline>,
    /// An underline in a label colour, in an underline lane (spans).
    pub(super) underline: Option<(Color32, usize)>,
    /// A thin tick above the text in a label colour, in a coder's lane (layers).
    pub(super) tick: Option<(Color32, usize)>,
}

/// A mark's fill: flat, or hatched with diagonal stripes; `inset` is how much of the
/// row's height it leaves out above and below.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Fill {
    pub(super) color: Color32,
    pub(super) hatched: bool,
    pub(super) inset: f32,
}

/// A mark's outline: solid (drawn inside or outside the rectangle) or dashed (dash and
/// gap lengths); `inset` as for [`Fill`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Outline {
    pub(super) color: Color32,
    pub(super) width: f32,
    pub(super) dash: Option<(f32, f32)>,
    pub(super) kind: StrokeKind,
    pub(super) inset: f32,
}

/// How `mark` is drawn; `selection_fill` is the selected text's colour in the theme in
/// use. A selected span is filled flat and framed with a solid line; the selected
/// suggestion is hatched inside a dashed line, so the two never look alike.
pub(super) fn look(mark: &Mark, selection_fill: Color32) -> Look {
    let none = Look {
        fill: None,
        outline: None,
        underline: None,
        tick: None,
    };
    match *mark {
        Mark::Span { part, selected } => Look {
            fill: Some(Fill {
                color: theme::span_fill(part.color, selected),
                hatched: false,
                inset: theme::SPAN_FILL_INSET,
            }),
            outline: selected.then_some(Outline {
                color: part.color,
                width: theme::SELECTED_FRAME_WIDTH,
                dash: None,
                kind: StrokeKind::Inside,
                inset: theme::SELECTED_FRAME_INSET,
            }),
            underline: Some((part.color, part.lane)),
            tick: None,
        },
        Mark::Coder { part } => Look {
            tick: Some((part.color, part.lane)),
            ..none
        },
        Mark::Focus { .. } => Look {
            outline: Some(Outline {
                color: theme::FOCUS_COLOR,
                width: theme::FOCUS_WIDTH,
                dash: None,
                kind: StrokeKind::Outside,
                inset: 0.0,
            }),
            ..none
        },
        Mark::Selection { .. } => Look {
            fill: Some(Fill {
                color: selection_fill,
                hatched: false,
                inset: 0.0,
            }),
            ..none
        },
        Mark::Find { .. } => Look {
            outline: Some(Outline {
                color: theme::FIND_COLOR,
                width: theme::FIND_WIDTH,
                dash: None,
                kind: StrokeKind::Outside,
                inset: 0.0,
            }),
            ..none
        },
        Mark::Suggestion {
            color,
            selected: false,
            ..
        } => Look {
            outline: Some(Outline {
                color,
                width: theme::SUGGESTION_WIDTH,
                dash: Some((theme::SUGGESTION_DASH, theme::SUGGESTION_GAP)),
                kind: StrokeKind::Middle,
                inset: theme::SUGGESTION_INSET,
            }),
            ..none
        },
        Mark::Suggestion {
            color,
            selected: true,
            ..
        } => Look {
            fill: Some(Fill {
                color: color.gamma_multiply(theme::SELECTED_SUGGESTION_HATCH_ALPHA),
                hatched: true,
                inset: theme::SUGGESTION_INSET,
            }),
            outline: Some(Outline {
                color,
                width: theme::SELECTED_SUGGESTION_WIDTH,
                dash: Some((
                    theme::SELECTED_SUGGESTION_DASH,
                    theme::SELECTED_SUGGESTION_GAP,
                )),
                kind: StrokeKind::Middle,
                inset: theme::SUGGESTION_INSET,
            }),
            underline: None,
            tick: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::marks::SpanPart;
    use super::*;
    use crate::model::{LabelSet, SpanId};
    use egui::{Rect, pos2};

    const H: f32 = 20.0;

    #[test]
    fn the_selected_suggestion_looks_unlike_a_selected_span_and_the_other_suggestions() {
        let labels = LabelSet::default();
        let selection_fill = Color32::from_rgb(0x90, 0xD1, 0xFF);
        let color = theme::label_color(&labels, "quote");
        let rect = Rect::from_min_max(pos2(10.0, 0.0), pos2(90.0, H));
        let part = SpanPart {
            id: SpanId(1),
            color,
            lane: 0,
            rect,
        };
        let span = look(
            &Mark::Span {
                part,
                selected: true,
            },
            selection_fill,
        );
        let suggestion = |selected| {
            let mark = Mark::Suggestion {
                rect,
                color,
                selected,
            };
            look(&mark, selection_fill)
        };
        let (chosen, other) = (suggestion(true), suggestion(false));
        assert_ne!(chosen, span);
        // A selected span: a flat fill, a solid frame and its underline.
        assert!(span.fill.is_some_and(|f| !f.hatched));
        assert!(span.outline.is_some_and(|o| o.dash.is_none()));
        assert!(span.underline.is_some());
        // The selected suggestion: hatched, inside a dashed line, no underline.
        let (fill, outline) = (chosen.fill.unwrap(), chosen.outline.unwrap());
        assert!(fill.hatched && fill.color != span.fill.unwrap().color);
        assert!(outline.dash.is_some() && chosen.underline.is_none());
        // Apart from the others: they are neither filled nor as wide, nor as dense.
        let plain = other.outline.unwrap();
        assert!(other.fill.is_none() && plain.dash.is_some());
        assert!(outline.width > plain.width && outline.dash != plain.dash);
        // Both keep the label's colour; the other marks are as they were.
        assert_eq!((outline.color, plain.color), (color, color));
        let unselected = look(
            &Mark::Span {
                part,
                selected: false,
            },
            selection_fill,
        );
        assert!(unselected.outline.is_none());
        assert_eq!(
            look(&Mark::Selection { rect }, selection_fill)
                .fill
                .unwrap()
                .color,
            selection_fill
        );
    }
}
