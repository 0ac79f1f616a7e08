//! The claims desk, a tab of the Spans panel: every claim of the project, a block
//! each (status · verdict · claimant, the claim's text, the figures inside it or linked
//! from it with their values, the article), with the counts by status over the list.
//! It filters by status, by verdict and by text (claim, claimant, article) and sorts by
//! article order, status, verdict or claimant. A click on a claim, or Enter on a
//! focused one, opens it in its article (`ViewCommand::JumpToSpan`: the document
//! switches, the claim is selected and scrolled to); the claim selected anywhere is
//! marked in the list and scrolled into view. Under the filters, the desk's
//! settings (`settings`).
//!
//! The rows (`rows`) are made again only when the project changes (its
//! [`fingerprint`]) and picked again only when the filters change; a frame lays out
//! only the blocks in view.

mod rows;
mod settings;

use super::theme;
use crate::model::stats::fingerprint;
use crate::model::{LabelSet, Project, SpanId};
use crate::session::{Command, Session, ViewCommand};
use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Rect, Response, Sense, TextEdit, TextFormat, Ui};
use rows::{ClaimRow, Filter, Rows, Sort, VerdictFilter};

/// A block lists this many figures at most, then how many more there are.
const MAX_FIGURE_LINES: usize = 4;
/// Room above and below a block's lines, and between two blocks.
const BLOCK_PADDING: f32 = 3.0;
const BLOCK_GAP: f32 = 2.0;
/// How far a block's figure lines are indented under its text.
const FIGURE_INDENT: f32 = 10.0;
/// How much of a claim's text the tooltip shows.
const TOOLTIP_CHARS: usize = 600;
/// The filters, counts and settings keep at least this height where the panel is low.
const MIN_HEADER_HEIGHT: f32 = 40.0;
/// The filters' drop-downs are never narrower than this.
const MIN_COMBO_WIDTH: f32 = 64.0;

/// The desk's state: filters, sort, and the rows made for the project as it was.
#[derive(Default)]
pub struct DeskView {
    filter: Filter,
    /// The rows and the project fingerprint they were made for.
    rows: Option<(u64, Rows)>,
    /// The rows shown (positions in `rows`) and the filter and fingerprint they were
    /// picked for.
    shown: Option<((u64, Filter), Shown)>,
    /// The span selected when the list last looked; a new one is scrolled to.
    last_selected: Option<SpanId>,
}

/// The rows shown, in order, and where each block starts, in lines.
struct Shown {
    order: Vec<usize>,
    /// `line_starts[i]`: the lines above block `i`; one more entry: all the lines.
    line_starts: Vec<usize>,
}

impl Shown {
    fn pick(rows: &Rows, filter: &Filter) -> Self {
        let order = rows::shown(rows, filter);
        let mut line_starts = Vec::with_capacity(order.len() + 1);
        let mut lines = 0;
        line_starts.push(0);
        for &i in &order {
            lines += block_lines(&rows.rows[i]);
            line_starts.push(lines);
        }
        Self { order, line_starts }
    }

    /// The first block whose bottom is below `y` (points below the list's top).
    fn first_reaching(&self, y: f32, line_height: f32) -> usize {
        let (mut low, mut high) = (0, self.order.len());
        while low < high {
            let middle = (low + high) / 2;
            if self.top(middle + 1, line_height) <= y {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Where block `i` starts below the list's top, in points.
    fn top(&self, i: usize, line_height: f32) -> f32 {
        let lines = self.line_starts.get(i).copied().unwrap_or(0);
        lines as f32 * line_height + i as f32 * (2.0 * BLOCK_PADDING + BLOCK_GAP)
    }
}

/// Status · verdict · claimant, the text, the figures (at most
/// [`MAX_FIGURE_LINES`], then a line saying how many more) and the article.
fn block_lines(row: &ClaimRow) -> usize {
    let figures = row.figures.len();
    3 + figures.min(MAX_FIGURE_LINES) + usize::from(figures > MAX_FIGURE_LINES)
}

impl DeskView {
    /// What the list holds, said short: `3 claims`, `1 of 3 claims` (filtered).
    pub fn summary(&mut self, session: &Session) -> String {
        let project = session.project();
        let key = fingerprint(project);
        self.refresh_rows(key, project);
        let Some((_, rows)) = &self.rows else {
            return String::new();
        };
        let total = rows.rows.len();
        let shown_key = (key, self.filter.clone());
        if self.shown.as_ref().is_none_or(|(k, _)| *k != shown_key) {
            self.shown = Some((shown_key, Shown::pick(rows, &self.filter)));
        }
        let shown = self.shown.as_ref().map_or(total, |(_, s)| s.order.len());
        let claims = if total == 1 { "claim" } else { "claims" };
        if shown == total {
            format!("{total} {claims}")
        } else {
            format!("{shown} of {total} {claims}")
        }
    }

    /// Makes the rows again where the project changed (`key`: its fingerprint).
    fn refresh_rows(&mut self, key: u64, project: &Project) {
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            self.rows = Some((key, Rows::of(project)));
        }
    }

    /// The desk, leaving `room_below` points under the list (for the inspector).
    /// Returns whether a claim was opened (clicked, or Enter on it).
    pub fn desk_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        room_below: f32,
        out: &mut Vec<Command>,
    ) -> bool {
        let project = session.project();
        let key = fingerprint(project);
        self.refresh_rows(key, project);
        let Some((_, rows)) = &self.rows else {
            return false;
        };
        // Filters, counts and settings above the list; where the panel is low they
        // scroll, so that the list keeps room.
        let room = ui.available_height() - room_below;
        let header_height = (room - theme::MIN_LIST_HEIGHT)
            .max(room / 2.0)
            .max(MIN_HEADER_HEIGHT);
        let (filter, shown) = (&mut self.filter, &mut self.shown);
        egui::ScrollArea::vertical()
            .id_salt("claims-desk-header")
            .max_height(header_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                filters_ui(ui, rows, filter);
                let shown_key = (key, filter.clone());
                if shown.as_ref().is_none_or(|(k, _)| *k != shown_key) {
                    *shown = Some((shown_key, Shown::pick(rows, filter)));
                }
                let mut counts = rows.counts.clone();
                if let Some((_, shown)) = shown
                    && filter.filters()
                {
                    counts += &format!(" — {} shown", shown.order.len());
                }
                ui.add(egui::Label::new(egui::RichText::new(counts).weak()).wrap());
                settings::settings_ui(ui, &project.desk, &rows.verdicts, out);
            });
        ui.separator();
        let Some((_, shown)) = &self.shown else {
            return false;
        };
        if rows.rows.is_empty() {
            ui.add(
                egui::Label::new("No claims yet: select a sentence and tag it as a claim.").wrap(),
            );
            return false;
        }
        if shown.order.is_empty() {
            ui.add(egui::Label::new("No claim matches the filters.").wrap());
            return false;
        }
        let selected = session.selected_span();
        let reveal = (selected != self.last_selected)
            .then_some(selected)
            .flatten();
        self.last_selected = selected;
        let list = List {
            rows,
            shown,
            labels: &project.labels,
            selected,
            reveal,
        };
        let height = (ui.available_height() - room_below).max(theme::MIN_LIST_HEIGHT);
        list.list_ui(ui, height, out)
    }
}

/// The status, verdict and sort drop-downs, and the text filter.
fn filters_ui(ui: &mut Ui, rows: &Rows, filter: &mut Filter) {
    let spacing = ui.spacing().item_spacing.x;
    let combo_width = ((ui.available_width() - 2.0 * spacing) / 3.0 - ui.spacing().icon_width)
        .floor()
        .max(MIN_COMBO_WIDTH);
    ui.horizontal_wrapped(|ui| {
        let shown = filter
            .status
            .as_deref()
            .unwrap_or("all statuses")
            .to_owned();
        egui::ComboBox::from_id_salt("desk-status")
            .selected_text(shown)
            .width(combo_width)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.status, None, "all statuses");
                for status in &rows.statuses {
                    ui.selectable_value(&mut filter.status, Some(status.clone()), status);
                }
            })
            .response
            .on_hover_text("Show the claims of one check status")
            .accessible_name("Filter claims by status");
        let shown = match &filter.verdict {
            VerdictFilter::Any => "any verdict",
            VerdictFilter::Is(v) => v.as_str(),
            VerdictFilter::None => "no verdict",
        }
        .to_owned();
        egui::ComboBox::from_id_salt("desk-verdict")
            .selected_text(shown)
            .width(combo_width)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.verdict, VerdictFilter::Any, "any verdict");
                for verdict in &rows.verdicts {
                    let value = VerdictFilter::Is(verdict.clone());
                    ui.selectable_value(&mut filter.verdict, value, verdict);
                }
                ui.selectable_value(&mut filter.verdict, VerdictFilter::None, "no verdict");
            })
            .response
            .on_hover_text("Show the claims with one verdict, or none yet")
            .accessible_name("Filter claims by verdict");
        egui::ComboBox::from_id_salt("desk-sort")
            .selected_text(filter.sort.name())
            .width(combo_width)
            .truncate()
            .show_ui(ui, |ui| {
                for sort in Sort::ALL {
                    ui.selectable_value(&mut filter.sort, sort, sort.name());
                }
            })
            .response
            .on_hover_text(
                "The order of the list: article order, status, verdict (best first) or claimant",
            )
            .accessible_name("Sort claims");
    });
    ui.add(
        TextEdit::singleline(&mut filter.text)
            .hint_text("filter: claim, claimant, article")
            .desired_width(f32::INFINITY),
    )
    .accessible_name("Filter claims by text");
}

/// The list as one frame draws it.
struct List<'a> {
    rows: &'a Rows,
    shown: &'a Shown,
    labels: &'a LabelSet,
    selected: Option<SpanId>,
    /// A claim to scroll into view (newly selected).
    reveal: Option<SpanId>,
}

/// How a block's lines are laid out.
struct Look {
    font: FontId,
    line_height: f32,
    /// Where the lines are cut with "…".
    text_width: f32,
    strong: Color32,
    weak: Color32,
}

impl List<'_> {
    /// Returns whether a claim was opened.
    fn list_ui(&self, ui: &mut Ui, height: f32, out: &mut Vec<Command>) -> bool {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let line_height = (ui.text_style_height(&egui::TextStyle::Body) + 2.0).round();
        let count = self.shown.order.len();
        let total = self.shown.top(count, line_height) - BLOCK_GAP;
        let mut opened = false;
        egui::ScrollArea::vertical()
            .id_salt("claims-desk")
            .max_height(height)
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                ui.set_height(total);
                let width = ui.available_width();
                let look = Look {
                    font,
                    line_height,
                    text_width: (width - theme::ROW_TEXT_LEFT - FIGURE_INDENT)
                        .max(40.0)
                        .round(),
                    strong: ui.visuals().strong_text_color(),
                    weak: ui.visuals().weak_text_color(),
                };
                let origin = ui.max_rect().left_top();
                let block = |i: usize| {
                    let top = self.shown.top(i, line_height);
                    let bottom = self.shown.top(i + 1, line_height) - BLOCK_GAP;
                    Rect::from_min_max(
                        origin + egui::vec2(0.0, top),
                        origin + egui::vec2(width, bottom),
                    )
                };
                if let Some(i) = self.reveal.and_then(|s| {
                    self.shown
                        .order
                        .iter()
                        .position(|&r| self.rows.rows[r].span == s)
                }) {
                    ui.scroll_to_rect(block(i), None);
                }
                // The first block reaching into view, then on while they are in it.
                let first = self.shown.first_reaching(viewport.min.y, line_height);
                for i in first..count {
                    if self.shown.top(i, line_height) > viewport.max.y {
                        break;
                    }
                    let row = &self.rows.rows[self.shown.order[i]];
                    let response = self.block_ui(ui, block(i), row, &look);
                    if response.clicked() {
                        out.push(ViewCommand::JumpToSpan(row.span).into());
                        opened = true;
                    }
                }
            });
        opened
    }

    /// One claim's block: a mark in the claim label's colour and its lines; clickable
    /// and focusable, read out whole.
    fn block_ui(&self, ui: &mut Ui, rect: Rect, row: &ClaimRow, look: &Look) -> Response {
        let selected = self.selected == Some(row.span);
        let id = ui.scope_id().with(("claim", row.span.0));
        let mut response = ui.interact(rect, id, Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, row.spoken())
        });
        if response.gained_focus() {
            response.scroll_to_me(None);
        }
        if ui.is_rect_visible(rect) {
            let visuals = ui.style().interact_selectable(&response, selected);
            let painter = ui.painter_at(rect);
            if selected || response.hovered() || response.has_focus() {
                painter.rect_filled(rect, theme::ROW_ROUNDING, visuals.weak_bg_fill);
            }
            if response.has_focus() {
                painter.rect_stroke(
                    rect.shrink(1.0),
                    theme::ROW_ROUNDING,
                    ui.visuals().selection.stroke,
                    egui::StrokeKind::Inside,
                );
            }
            let mark = Rect::from_min_size(
                rect.left_top() + egui::vec2(theme::ROW_MARK_LEFT, BLOCK_PADDING),
                egui::vec2(theme::ROW_MARK_WIDTH, rect.height() - 2.0 * BLOCK_PADDING),
            );
            painter.rect_filled(mark, 0.0, theme::label_color(self.labels, &row.label));
            let text = visuals.text_color();
            let mut y = rect.top() + BLOCK_PADDING;
            let mut line = |indent: f32, parts: &[(&str, Color32)]| {
                let galley = ui.painter().layout_job(line_job(parts, look, indent));
                let x = rect.left() + theme::ROW_TEXT_LEFT + indent;
                let top = y + (look.line_height - galley.size().y) / 2.0;
                painter.galley(egui::pos2(x, top), galley, text);
                y += look.line_height;
            };
            let verdict = if row.verdict.is_empty() {
                ("no verdict", look.weak)
            } else {
                (row.verdict.as_str(), text)
            };
            let mut heading = vec![
                (row.status.as_str(), look.strong),
                (" · ", look.weak),
                verdict,
            ];
            if !row.claimant.is_empty() {
                heading.extend([(" · ", look.weak), (row.claimant.as_str(), look.weak)]);
            }
            line(0.0, &heading);
            line(0.0, &[(&format!("“{}”", row.text), text)]);
            for figure in row.figures.iter().take(MAX_FIGURE_LINES) {
                line(FIGURE_INDENT, &[(figure, look.weak)]);
            }
            if row.figures.len() > MAX_FIGURE_LINES {
                let more = format!("and {} more figures", row.figures.len() - MAX_FIGURE_LINES);
                line(FIGURE_INDENT, &[(&more, look.weak)]);
            }
            line(0.0, &[(&row.article, look.weak)]);
        }
        if response.hovered() {
            response = response.on_hover_ui(|ui| {
                ui.set_max_width(ui.spacing().tooltip_width);
                ui.label(super::preview(&row.text, TOOLTIP_CHARS));
                for figure in &row.figures {
                    ui.weak(figure);
                }
                ui.weak(format!(
                    "{} · click to open it in {}",
                    row.heading(),
                    row.article
                ));
            });
        }
        response
    }
}

/// One line of a block: its parts in their colours, cut with "…" at the block's width.
fn line_job(parts: &[(&str, Color32)], look: &Look, indent: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    for (text, color) in parts {
        job.append(text, 0.0, TextFormat::simple(look.font.clone(), *color));
    }
    job.wrap = TextWrapping::truncate_at_width(look.text_width + FIGURE_INDENT - indent);
    job
}
