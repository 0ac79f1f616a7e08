//! The Spans panel: the current document's spans, the project's statistics, or its
//! claims (the claims desk, [`super::desk`]), a tab each at its top. The list filters
//! by label and by text (a span's text, label, note or any attribute value: a
//! speaker's name finds their quotes), shows each quote's speaker, and can group the
//! spans by speaker (groups collapsible, with counts). A click on a row selects the
//! span and scrolls the article to it. Under the list (and under the claims desk), the
//! [`Inspector`] of the selected span.

use super::inspector::Inspector;
use super::preview;
use super::span_rows::{self, Row, Rows};
use super::speaker_menu::remember_selected_span;
use super::stats::{StatsCache, StatsView};
use super::text_mesh::{AtlasWatch, DeferredText};
use super::theme;
use crate::model::stats::speaker_of;
use crate::model::{DocId, Document};
use crate::session::Session;
use crate::session::{Command, ViewCommand};
use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, TextEdit, Ui};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How much of a speaker's name a row shows before the span's text.
const ROW_SPEAKER_CHARS: usize = 24;
/// How much of a span's text a row shows.
const ROW_TEXT_CHARS: usize = 48;
/// How far the rows of a group are indented under its header.
const GROUP_INDENT: f32 = 10.0;

/// What the panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Spans,
    Statistics,
    /// The project's claims: the fact-check desk.
    Claims,
    /// Coders' layers: disagreements, versions, agreement.
    Adjudicate,
}

#[derive(Default)]
pub struct SpansPanel {
    filter_text: String,
    filter_label: Option<String>,
    /// Group the list by speaker.
    by_speaker: bool,
    tab: Tab,
    /// The groups closed by the user, by speaker (`None`: no speaker), and a count of
    /// changes to them (part of the rows' key).
    collapsed: HashSet<Option<String>>,
    collapsed_changes: u64,
    inspector: Inspector,
    stats: StatsCache,
    stats_view: StatsView,
    desk: super::desk::DeskView,
    /// The rows shown and what they were computed for.
    rows: Option<(RowsKey, Rows)>,
    /// Row texts already made and laid out, by row (valid with `rows`; a row's text is
    /// only made once it scrolls into view), and what they were laid out for.
    previews: HashMap<Row, RowText>,
    previews_for: (u32, u32, bool, u32),
    /// When egui's glyph atlas empties, the galleys' glyphs are gone.
    atlas: AtlasWatch,
    /// The rows' text, drawn as one mesh when the frame's layout is done.
    row_text: DeferredText,
}

/// Document id, text hash, span revision, text filter, label filter, grouping and the
/// changes to the collapsed groups.
#[derive(Clone, PartialEq, Eq)]
struct RowsKey {
    doc: DocId,
    sha256: String,
    revision: u64,
    text: String,
    label: Option<String>,
    by_speaker: bool,
    collapsed_changes: u64,
}

impl SpansPanel {
    /// Shows the Claims tab (the claims desk).
    pub fn show_claims(&mut self) {
        self.tab = Tab::Claims;
    }

    /// Is the claims desk shown?
    pub fn claims_shown(&self) -> bool {
        self.tab == Tab::Claims
    }

    /// Shows the Adjudicate tab (coders' files were added).
    pub fn show_adjudicate(&mut self) {
        self.tab = Tab::Adjudicate;
    }

    /// Shows the span list and puts the keyboard in the selected span's first field
    /// in the inspector (F2).
    pub fn edit_fields(&mut self) {
        self.tab = Tab::Spans;
        self.inspector.focus_first_field();
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        ui.set_max_width(ui.available_width());
        remember_selected_span(ui.ctx(), session);
        let layers = !session.layers().is_empty() || self.tab == Tab::Adjudicate;
        ui.horizontal_wrapped(|ui| {
            let tabs = [
                (Tab::Spans, "Spans"),
                (Tab::Statistics, "Statistics"),
                (Tab::Claims, "Claims"),
                (Tab::Adjudicate, "Adjudicate"),
            ];
            for (tab, name) in tabs.into_iter().take(if layers { 4 } else { 3 }) {
                let text = egui::RichText::new(name).heading();
                if ui.selectable_label(self.tab == tab, text).clicked() {
                    self.tab = tab;
                }
            }
        });
        if self.tab == Tab::Statistics {
            self.stats_view
                .stats_ui(ui, session.project(), &mut self.stats);
            return;
        }
        if self.tab == Tab::Adjudicate {
            // Wider than a narrow panel (800×600): it scrolls sideways, never past the
            // panel's edges.
            egui::ScrollArea::horizontal()
                .id_salt("adjudicate")
                .show(ui, |ui| super::adjudicate::adjudicate_ui(ui, session, out));
            return;
        }
        let inspector_height = if session.selected_span().is_some() {
            theme::INSPECTOR_HEIGHT
        } else {
            0.0
        };
        if self.tab == Tab::Claims {
            self.desk.desk_ui(ui, session, inspector_height, out);
            self.inspector_below_ui(ui, session, out);
            return;
        }
        self.filters_ui(ui, session);
        let Some(doc) = session.document() else {
            return;
        };
        let key = RowsKey {
            doc: doc.id,
            sha256: doc.sha256().to_owned(),
            revision: doc.revision(),
            text: self.filter_text.clone(),
            label: self.filter_label.clone(),
            by_speaker: self.by_speaker,
            collapsed_changes: self.collapsed_changes,
        };
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            let filter = span_rows::Filter {
                text: &self.filter_text,
                label: self.filter_label.as_deref(),
                by_speaker: self.by_speaker,
                collapsed: &self.collapsed,
            };
            self.rows = Some((key, span_rows::rows(doc, &filter)));
            self.previews.clear();
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        // A row's text ends in "…" where the list is too narrow for it (whole points, so
        // resizing the panel lays the rows out again only point by point).
        let text_width = (ui.available_width()
            - theme::ROW_TEXT_LEFT
            - GROUP_INDENT
            - ui.spacing().scroll.bar_width
            - ui.spacing().item_spacing.x)
            .max(40.0)
            .round();
        let previews_for = (
            ui.ctx().pixels_per_point().to_bits(),
            font.size.to_bits(),
            ui.visuals().dark_mode,
            text_width.to_bits(),
        );
        if self.atlas.emptied(ui.ctx()) || previews_for != self.previews_for {
            self.previews.clear();
            self.previews_for = previews_for;
        }
        let Some((_, rows)) = self.rows.as_ref() else {
            return;
        };
        ui.weak(format!("{} of {} spans", rows.matched, doc.spans().len()));
        let list_height = (ui.available_height() - inspector_height).max(theme::MIN_LIST_HEIGHT);
        let row_height = ui.spacing().interact_size.y;
        let previews = &mut self.previews;
        let row_text = &mut self.row_text;
        let mut toggled = None;
        let speaker_color = ui.visuals().weak_text_color();
        let look = RowLook {
            font: &font,
            speaker_color,
            with_speaker: !self.by_speaker,
            text_width,
        };
        egui::ScrollArea::vertical()
            .id_salt("span-list")
            .max_height(list_height)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, rows.rows.len(), |ui, visible| {
                // Scrolling through a long list: forget the rows far behind.
                if previews.len() > 4096 {
                    previews.clear();
                }
                for &row in &rows.rows[visible] {
                    match row {
                        Row::Group(g) => {
                            let Some(group) = rows.groups.get(g as usize) else {
                                continue;
                            };
                            let text = previews.entry(row).or_insert_with(|| RowText {
                                galley: ui.painter().layout_no_wrap(
                                    group.title(),
                                    font.clone(),
                                    Color32::PLACEHOLDER,
                                ),
                                text_start: 0,
                            });
                            let header = group_row_ui(ui, row_height, text, group.open, row_text);
                            if header.clicked() {
                                toggled = Some(group.speaker.clone());
                            }
                        }
                        Row::Span(i) => {
                            let Some(span) = doc.spans().get(i as usize) else {
                                continue;
                            };
                            // Laid out once, in the colour of the row's state when drawn.
                            let text = previews
                                .entry(row)
                                .or_insert_with(|| row_galley(ui, doc, i as usize, &look));
                            let color = theme::label_color(&session.project().labels, &span.label);
                            let selected = session.selected_span() == Some(span.id);
                            let indent = if look.with_speaker { 0.0 } else { GROUP_INDENT };
                            let look = SpanRowLook {
                                height: row_height,
                                indent,
                                color,
                                selected,
                                speaker: speaker_of(span),
                            };
                            let mut response = span_row_ui(ui, text, &look, row_text);
                            // The tooltip is only looked at for the row under the pointer.
                            if response.hovered() {
                                response = response.on_hover_ui(|ui| {
                                    ui.label(format!("{}, span {}", span.label, span.id));
                                    if let Some(speaker) = look.speaker {
                                        ui.label(format!("said by {speaker}"));
                                    }
                                    if let Some(p) = &span.provenance {
                                        ui.label(format!("made: {}", p.describe()));
                                    }
                                });
                            }
                            if response.clicked() {
                                out.push(ViewCommand::JumpToSpan(span.id).into());
                            }
                        }
                    }
                }
                row_text.place(ui.painter());
            });
        if let Some(speaker) = toggled {
            if !self.collapsed.remove(&speaker) {
                self.collapsed.insert(speaker);
            }
            self.collapsed_changes += 1;
        }

        self.inspector_below_ui(ui, session, out);
    }

    /// The inspector of the selected span, under the list.
    fn inspector_below_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        if session.selected_span().is_some() {
            ui.separator();
            // Scrolls where its fields are taller than the room left (a claim's form
            // at a large zoom), so every field stays in reach of the pointer.
            egui::ScrollArea::vertical()
                .id_salt("inspector")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    self.inspector
                        .inspector_ui(ui, session, &mut self.stats, out);
                });
        } else {
            self.inspector.reset();
        }
    }

    /// The label filter, the text filter and the grouping switch.
    fn filters_ui(&mut self, ui: &mut Ui, session: &Session) {
        ui.horizontal(|ui| {
            let shown = self
                .filter_label
                .clone()
                .unwrap_or_else(|| "all labels".to_owned());
            egui::ComboBox::from_id_salt("label-filter")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter_label, None, "all labels");
                    for label in session.project().labels.iter() {
                        ui.selectable_value(
                            &mut self.filter_label,
                            Some(label.name.clone()),
                            &label.name,
                        );
                    }
                })
                .response
                .accessible_name("Filter spans by label");
            ui.add(
                TextEdit::singleline(&mut self.filter_text)
                    .hint_text("filter: text, speaker, note, coder")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name("Filter spans by text");
        });
        ui.checkbox(&mut self.by_speaker, "Group by speaker")
            .on_hover_text("One collapsible group per speaker; spans without one last");
    }

    /// Draws the rows' text: call once a frame, after everything else is laid out.
    pub fn finish_frame(&mut self, ctx: &egui::Context) {
        self.row_text.finish(ctx);
    }

    /// Forgets typed drafts (after undo/redo changed the span under them).
    pub fn reset_drafts(&mut self) {
        self.inspector.reset();
    }

    /// Is the statistics tab shown (rather than the span list)?
    pub fn statistics_shown(&self) -> bool {
        self.tab == Tab::Statistics
    }

    /// Shows the statistics tab (`true`) or the span list (for a menu entry or a key).
    pub fn show_statistics(&mut self, shown: bool) {
        self.tab = if shown { Tab::Statistics } else { Tab::Spans };
    }
}

/// How span rows are laid out.
struct RowLook<'a> {
    font: &'a FontId,
    speaker_color: Color32,
    /// Show the speaker before the text (not when the list is grouped by speaker).
    with_speaker: bool,
    /// Where a row's text is cut with "…".
    text_width: f32,
}

/// A row's text, laid out, and where in it the part read out begins (after the
/// speaker shown before a span's text).
struct RowText {
    galley: Arc<Galley>,
    text_start: usize,
}

impl RowText {
    /// What a screen reader reads: the span's text, or the group's header.
    fn label(&self) -> &str {
        self.galley.text().get(self.text_start..).unwrap_or("")
    }
}

/// A span row's text: its speaker (if shown) in a quieter colour, then its text, in
/// the colour of the row's state (left to the painter).
fn row_galley(ui: &Ui, doc: &Document, i: usize, look: &RowLook) -> RowText {
    let text = doc
        .spans()
        .get(i)
        .map(|s| preview(doc.slice(s.range).unwrap_or(""), ROW_TEXT_CHARS))
        .unwrap_or_default();
    let mut job = LayoutJob::default();
    if let Some(speaker) = doc
        .spans()
        .get(i)
        .and_then(speaker_of)
        .filter(|_| look.with_speaker)
    {
        let format = egui::TextFormat::simple(look.font.clone(), look.speaker_color);
        job.append(
            &format!("{}: ", preview(speaker, ROW_SPEAKER_CHARS)),
            0.0,
            format,
        );
    }
    let text_start = job.text.len();
    let format = egui::TextFormat::simple(look.font.clone(), Color32::PLACEHOLDER);
    job.append(&text, 0.0, format);
    job.wrap = egui::text::TextWrapping::truncate_at_width(look.text_width);
    RowText {
        galley: ui.painter().layout_job(job),
        text_start,
    }
}

/// A group's header: a triangle (open or closed) and `Speaker (count)`; a click opens
/// or closes the group.
fn group_row_ui(
    ui: &mut Ui,
    height: f32,
    text: &RowText,
    open: bool,
    row_text: &mut DeferredText,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::DisclosureTriangle, true, text.label())
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        if response.hovered() {
            ui.painter()
                .rect_filled(rect, theme::ROW_ROUNDING, visuals.weak_bg_fill);
        }
        let side = height * 0.4;
        let center = rect.left_center() + egui::vec2(theme::ROW_MARK_LEFT + side / 2.0, 0.0);
        let points = if open {
            vec![
                center + egui::vec2(-side / 2.0, -side / 3.0),
                center + egui::vec2(side / 2.0, -side / 3.0),
                center + egui::vec2(0.0, side / 2.0),
            ]
        } else {
            vec![
                center + egui::vec2(-side / 3.0, -side / 2.0),
                center + egui::vec2(side / 2.0, 0.0),
                center + egui::vec2(-side / 3.0, side / 2.0),
            ]
        };
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            visuals.fg_stroke.color,
            egui::Stroke::NONE,
        ));
        let top_left =
            rect.left_center() + egui::vec2(theme::ROW_TEXT_LEFT, -text.galley.size().y / 2.0);
        row_text.push(text.galley.clone(), top_left, visuals.text_color());
    }
    response
}

/// How a span row is drawn.
struct SpanRowLook<'a> {
    height: f32,
    /// Room left of the row (under a group's header).
    indent: f32,
    /// The label's colour, for the mark.
    color: Color32,
    selected: bool,
    /// Read out after the span's text.
    speaker: Option<&'a str>,
}

/// One row of the span list: a colour mark and the span's text, clickable. Drawn
/// directly rather than from nested widgets: the list is on screen every frame. The
/// mark and the text go to `row_text`, drawn above the rows' backgrounds as one mesh.
fn span_row_ui(
    ui: &mut Ui,
    text: &RowText,
    look: &SpanRowLook,
    row_text: &mut DeferredText,
) -> egui::Response {
    let (height, indent, selected) = (look.height, look.indent, look.selected);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, text.label())
    });
    if let Some(speaker) = look.speaker {
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_description(format!("said by {speaker}"));
        });
    }
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter()
                .rect_filled(rect, theme::ROW_ROUNDING, visuals.weak_bg_fill);
        }
        let mark = egui::Rect::from_min_size(
            rect.left_top()
                + egui::vec2(indent + theme::ROW_MARK_LEFT, height * theme::ROW_MARK_TOP),
            egui::vec2(theme::ROW_MARK_WIDTH, height * theme::ROW_MARK_HEIGHT),
        );
        row_text.push_rect(mark, look.color);
        let galley = &text.galley;
        let top_left =
            rect.left_center() + egui::vec2(indent + theme::ROW_TEXT_LEFT, -galley.size().y / 2.0);
        row_text.push(galley.clone(), top_left, visuals.text_color());
    }
    response
}
