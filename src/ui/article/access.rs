//! The article for screen readers (Orca, NVDA) through AccessKit, built only while an
//! assistive technology listens, and only for what is in view. Under the article's
//! node ("Article text", a document) each visible paragraph is a label holding its
//! text, with one text run per wrapped row, as egui's own labels give theirs; the runs
//! make the article's text, and its text selection is the selected text (or else the
//! selected span), clamped to what is in view. After each paragraph come the spans
//! and suggestions that start there in view: named "quote: we will win" ("suggested
//! quote: …"), described by their speaker, note and links (relations), selected when they are, and
//! activated (AccessKit's Click) to select the span or accept the suggestion. Setting
//! the text selection from the screen reader selects that text in the article.
//!
//! A screen reader's requests refer to the nodes of the frame before; the node ids and
//! what they stand for are kept from one frame to the next for that.

use super::{ArticleView, DocRef, Shown};
use crate::model::{CharOffset, CharRange, SpanId};
use crate::session::{Command, Session, SuggestionCommand, ViewCommand};
use crate::ui::ARTICLE_ID;
use crate::ui::geometry::RowRects;
use crate::ui::paragraphs::Paragraph;
use egui::accesskit::{self, Action, ActionData, NodeId, Role, TextPosition, TextSelection};
use egui::emath::GuiRounding;
use egui::{Galley, Id, Rect, Ui, UiBuilder};

/// AccessKit's word starts are `u8` indices: a run holds at most this many characters.
const MAX_RUN_CHARS: usize = 255;

/// A text run given to AccessKit: a row (or a piece of a long row) of a paragraph.
struct Run {
    id: Id,
    /// The paragraph (its index in the document's paragraph table).
    paragraph: usize,
    /// Its first code point, counted in the paragraph, and how many it holds (without
    /// a line break added at the end of the paragraph).
    start: usize,
    len: usize,
}

/// What a span or suggestion node stands for.
enum Marked {
    Span(SpanId),
    Suggestion(String, CharRange),
}

/// The nodes given to AccessKit in the last frame.
#[derive(Default)]
pub(super) struct Access {
    runs: Vec<Run>,
    marks: Vec<(NodeId, Marked)>,
}

/// The article's own node (the one its pointer response reports).
fn article_id() -> Id {
    Id::unique(ARTICLE_ID)
}

fn bounds(rect: Rect) -> accesskit::Rect {
    accesskit::Rect {
        x0: rect.min.x.into(),
        y0: rect.min.y.into(),
        x1: rect.max.x.into(),
        y1: rect.max.y.into(),
    }
}

/// Adds node `id` with `role` under `parent`, over `rect`, and fills it with `fill`.
/// Only egui knows which node is whose parent: a child `Ui` tells it.
fn add_node(
    ui: &mut Ui,
    id: Id,
    parent: Id,
    role: Role,
    rect: Rect,
    fill: impl FnOnce(&mut accesskit::Node),
) {
    let builder = UiBuilder::new()
        .scope_id(id)
        .max_rect(rect.round_ui())
        .accessibility_parent(parent)
        .accessibility_role(role);
    drop(ui.new_child(builder));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_bounds(bounds(rect));
        fill(node);
    });
}

impl ArticleView {
    /// Gives AccessKit the paragraphs, spans and suggestions in view and the selection,
    /// and turns a screen reader's requests into commands. Does nothing (and costs one
    /// look-up) when no assistive technology listens. Called after the article's own
    /// node is made (by [`Self::interact`]).
    pub(super) fn access(
        &mut self,
        ui: &mut Ui,
        doc: &DocRef,
        session: &Session,
        out: &mut Vec<Command>,
    ) {
        let article = article_id();
        if !ui.ctx().has_accesskit_node(article) {
            self.access = Access::default();
            return;
        }
        self.requests(ui, out);
        self.access.runs.clear();
        self.access.marks.clear();
        ui.ctx().accesskit_node_builder(article, |node| {
            node.add_action(Action::SetTextSelection);
        });

        let viewport = self.viewport;
        let lines: Vec<usize> = (0..self.shown.len())
            .filter(|&k| {
                let s = &self.shown[k];
                s.galley
                    .rect
                    .translate(s.origin.to_vec2())
                    .intersects(viewport)
                    && !self.paragraphs[s.index].chars.is_empty()
            })
            .collect();
        let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
            return;
        };
        let in_view = CharRange {
            start: self.paragraphs[self.shown[first].index].chars.start,
            end: self.paragraphs[self.shown[last].index].chars.end,
        };
        // Each after the line it starts on in view: in the order they start.
        let mut spans = doc.document.spans_overlapping(in_view);
        spans.sort_by_key(|s| s.range.start);
        let mut suggestions: Vec<_> = session
            .suggestions()
            .list()
            .iter()
            .filter(|s| s.range.start < in_view.end && s.range.end > in_view.start)
            .collect();
        suggestions.sort_by_key(|s| s.range.start);
        let links = self.relations.cache.descriptions(doc, in_view);
        let (mut next_span, mut next_suggestion) = (0, 0);
        for (n, &k) in lines.iter().enumerate() {
            self.add_line(ui, article, k);
            // The spans and suggestions whose part in view starts before the next line.
            let before = lines.get(n + 1).map_or(CharOffset(usize::MAX), |&k| {
                self.paragraphs[self.shown[k].index].chars.start
            });
            let starts_here = |range: CharRange| range.start.max(in_view.start) < before;
            while let Some(span) = spans.get(next_span).filter(|s| starts_here(s.range)) {
                let selected = session.selected_span() == Some(span.id);
                let text = doc.offsets.slice(doc.text, span.range).unwrap_or("");
                let name = format!("{}: {text}", span.label);
                let mut about = describe(&span.attributes, span.note.as_deref(), "");
                if let Some(links) = links.get(&span.id) {
                    let sep = if about.is_empty() { "" } else { "; " };
                    about = format!("{about}{sep}links: {}", links.join(", "));
                }
                self.add_mark(ui, span.range, name, about, selected, Marked::Span(span.id));
                next_span += 1;
            }
            while let Some(s) = suggestions
                .get(next_suggestion)
                .filter(|s| starts_here(s.range))
            {
                let selected = session
                    .suggestions()
                    .selected()
                    .is_some_and(|(label, range)| *label == s.label && *range == s.range);
                let text = doc.offsets.slice(doc.text, s.range).unwrap_or("");
                let name = format!("suggested {}: {text}", s.label);
                let about = describe(&s.attributes, None, "a click accepts it");
                let marked = Marked::Suggestion(s.label.clone(), s.range);
                self.add_mark(ui, s.range, name, about, selected, marked);
                next_suggestion += 1;
            }
        }

        // The selected text, or else the selected span, as far as it is in view.
        let selected = session.selection().or_else(|| {
            let span = session.selected_span()?;
            doc.document.span(span).map(|s| s.range)
        });
        if let Some(selection) = selected.and_then(|r| self.text_selection(r)) {
            ui.ctx().accesskit_node_builder(article, |node| {
                node.set_text_selection(selection);
            });
        }
    }

    /// Paragraph `self.shown[k]` as a label under the article, with its text runs.
    fn add_line(&mut self, ui: &mut Ui, article: Id, k: usize) {
        let Shown {
            index,
            origin,
            ref galley,
        } = self.shown[k];
        let galley = galley.clone();
        let p = self.paragraphs[index];
        let id = article.with(("line", index));
        let text = galley.text().to_owned();
        add_node(
            ui,
            id,
            article,
            Role::Label,
            galley.rect.translate(origin.to_vec2()),
            |node| {
                node.set_value(text);
            },
        );
        // A paragraph ends with its line break, unless its line goes on in the next.
        add_runs(ui, id, &galley, origin.to_vec2(), !p.continued, |run| {
            self.access.runs.push(Run {
                paragraph: index,
                ..run
            });
        });
    }

    /// A node for a span or suggestion over `range` (after the line made last),
    /// covering its rows in view.
    fn add_mark(
        &mut self,
        ui: &mut Ui,
        range: CharRange,
        name: String,
        about: String,
        selected: bool,
        marked: Marked,
    ) {
        let article = article_id();
        let id = match &marked {
            Marked::Span(span) => article.with(("span", span.0)),
            Marked::Suggestion(label, r) => article.with(("suggestion", label, r.start.0, r.end.0)),
        };
        let mut rect = Rect::NOTHING;
        for s in &self.shown {
            let p: Paragraph = self.paragraphs[s.index];
            // Only the paragraphs it covers text of (an empty one would give its row).
            if p.chars.start >= range.end || p.chars.end <= range.start {
                continue;
            }
            s.galley.row_rects(p.local_range(range), &mut |r| {
                rect = rect.union(r.translate(s.origin.to_vec2()));
            });
        }
        let rect = rect.intersect(self.viewport);
        if !rect.is_positive() {
            return;
        }
        add_node(ui, id, article, Role::Mark, rect, |node| {
            node.set_label(name);
            if !about.is_empty() {
                node.set_description(about);
            }
            node.set_selected(selected);
            node.add_action(Action::Click);
        });
        self.access.marks.push((id.accesskit_id(), marked));
    }

    /// `range` (document code points), as far as it is in view, as positions in the
    /// text runs.
    fn text_selection(&self, range: CharRange) -> Option<TextSelection> {
        let runs = &self.access.runs;
        let start = runs
            .iter()
            .find(|r| self.paragraphs[r.paragraph].chars.end >= range.start)?;
        let end = runs
            .iter()
            .rev()
            .find(|r| self.paragraphs[r.paragraph].chars.start <= range.end)?;
        let anchor = self.position(start.paragraph, range.start)?;
        let focus = self.position(end.paragraph, range.end)?;
        let order = |p: &TextPosition| {
            let i = runs.iter().position(|r| r.id.accesskit_id() == p.node);
            (i, p.character_index)
        };
        (order(&anchor) <= order(&focus)).then_some(TextSelection { anchor, focus })
    }

    /// Code point `at`, clamped to paragraph `paragraph`, as a position in its runs.
    fn position(&self, paragraph: usize, at: CharOffset) -> Option<TextPosition> {
        let p = self.paragraphs[paragraph];
        let local = at.0.clamp(p.chars.start.0, p.chars.end.0) - p.chars.start.0;
        self.access
            .runs
            .iter()
            .find(|r| r.paragraph == paragraph && r.start <= local && local <= r.start + r.len)
            .map(|r| TextPosition {
                node: r.id.accesskit_id(),
                character_index: local - r.start,
            })
    }

    /// The document code point at `position` in last frame's runs.
    fn offset_of(&self, position: &TextPosition) -> Option<CharOffset> {
        let run = self
            .access
            .runs
            .iter()
            .find(|r| r.id.accesskit_id() == position.node)?;
        let p = self.paragraphs.get(run.paragraph)?;
        Some(p.global(run.start + position.character_index.min(run.len)))
    }

    /// A screen reader's requests on last frame's nodes, as commands: Click on a span
    /// selects it, on a suggestion accepts it; a text selection set on the article
    /// selects that text.
    fn requests(&self, ui: &Ui, out: &mut Vec<Command>) {
        let article = article_id().accesskit_id();
        let requests: Vec<accesskit::ActionRequest> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::AccessKitActionRequest(r) => Some(r.clone()),
                    _ => None,
                })
                .collect()
        });
        for request in requests {
            if request.target_tree != accesskit::TreeId::ROOT {
                continue;
            }
            match (request.action, &request.data) {
                (Action::SetTextSelection, Some(ActionData::SetTextSelection(sel)))
                    if request.target_node == article =>
                {
                    if let (Some(a), Some(b)) =
                        (self.offset_of(&sel.anchor), self.offset_of(&sel.focus))
                    {
                        let range = CharRange {
                            start: a.min(b),
                            end: a.max(b),
                        };
                        out.push(ViewCommand::Select(Some(range).filter(|r| !r.is_empty())).into());
                    }
                }
                (Action::Click, _) => {
                    let marked = self
                        .access
                        .marks
                        .iter()
                        .find(|(id, _)| *id == request.target_node);
                    match marked.map(|(_, m)| m) {
                        Some(Marked::Span(span)) => {
                            out.push(ViewCommand::SelectSpan(Some(*span)).into());
                        }
                        Some(Marked::Suggestion(label, range)) => {
                            out.push(SuggestionCommand::Accept(label.clone(), *range).into());
                        }
                        None => {}
                    }
                }
                _ => {}
            }
        }
    }
}

/// A span's or suggestion's description: its attributes (a quote's speaker), its note,
/// and `then`.
fn describe(attributes: &crate::model::Attributes, note: Option<&str>, then: &str) -> String {
    let mut parts: Vec<String> = attributes
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}: {value}"))
        .collect();
    if let Some(note) = note.filter(|n| !n.is_empty()) {
        parts.push(format!("note: {note}"));
    }
    if !then.is_empty() {
        parts.push(then.to_owned());
    }
    parts.join("; ")
}

/// Adds the text runs of `galley` (drawn at `offset`) under node `parent`: one per
/// row, or per [`MAX_RUN_CHARS`] of a longer row, each with its characters, their
/// positions and widths and where words start. With `line_break` the last run ends
/// with one, so paragraphs do not run together in the article's text. Calls `each`
/// with every run made (`paragraph` left 0).
fn add_runs(
    ui: &mut Ui,
    parent: Id,
    galley: &Galley,
    offset: egui::Vec2,
    line_break: bool,
    mut each: impl FnMut(Run),
) {
    let mut row_start = 0;
    let last_row = galley.rows.len().saturating_sub(1);
    for (r, row) in galley.rows.iter().enumerate() {
        let glyphs = &row.glyphs;
        let newline = line_break && r == last_row;
        let total = glyphs.len() + usize::from(newline);
        let chunks = total.div_ceil(MAX_RUN_CHARS);
        for chunk in 0..chunks {
            let (a, b) = (
                chunk * MAX_RUN_CHARS,
                ((chunk + 1) * MAX_RUN_CHARS).min(total),
            );
            let id = parent.with((r, chunk));
            let mut value = String::new();
            let (mut lengths, mut xs, mut widths, mut words) = (vec![], vec![], vec![], vec![]);
            // A row that goes on from the one before starts a word anew (the first one
            // starts one anyway, for AccessKit).
            let mut after_word = r > 0 || chunk > 0;
            let left = glyphs.get(a).map_or(row.size.x, |g| g.pos.x);
            for i in a..b {
                let (c, x, width) = match glyphs.get(i) {
                    Some(g) => (g.chr, g.pos.x, g.advance_width),
                    None => ('\n', row.size.x, 0.0),
                };
                let word_char = c.is_alphanumeric() || c == '_';
                if word_char && after_word {
                    words.push((i - a) as u8);
                }
                after_word = !word_char;
                let before = value.len();
                value.push(c);
                lengths.push((value.len() - before) as u8);
                xs.push(x - left);
                widths.push(width);
            }
            let rect = row.rect_without_leading_space();
            let right = xs
                .last()
                .zip(widths.last())
                .map_or(left, |(x, w)| left + x + w);
            let rect = Rect::from_x_y_ranges(
                row.pos.x + left..=(row.pos.x + right).max(row.pos.x + left + 1.0),
                rect.y_range(),
            )
            .translate(offset);
            add_node(ui, id, parent, Role::TextRun, rect, |node| {
                node.set_text_direction(accesskit::TextDirection::LeftToRight);
                node.set_value(value);
                node.set_character_lengths(lengths);
                node.set_character_positions(xs);
                node.set_character_widths(widths);
                node.set_word_starts(words);
                if chunk > 0 {
                    node.set_previous_on_line(parent.with((r, chunk - 1)).accesskit_id());
                }
                if chunk + 1 < chunks {
                    node.set_next_on_line(parent.with((r, chunk + 1)).accesskit_id());
                }
            });
            each(Run {
                id,
                paragraph: 0,
                start: row_start + a,
                len: b.min(glyphs.len()) - a.min(glyphs.len()),
            });
        }
        row_start += glyphs.len();
    }
}
