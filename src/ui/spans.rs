//! The Spans panel: the current document's spans, the project's statistics, or its
//! claims (the claims desk, [`super::desk`]), a tab each at its top. The list filters
//! by label and by text (a span's text, label, note or any attribute value: a
//! speaker's name finds their quotes), shows each quote's speaker, and can group the
//! spans by speaker (groups collapsible, with counts). A click on a row selects the
//! span and scrolls the article to it. Under the list (and under the claims desk), the
//! [`Inspector`] of the selected span; where the panel is too low for both (800×600 at
//! 150%, 1280×800 at 200%), the two take turns (`fold`). The rows are drawn in `row`.

mod fold;
mod row;

use super::desk::DeskView;
use super::inspector::Inspector;
use super::span_rows::{self, Row, Rows};
use super::speaker_menu::remember_selected_span;
use super::stats::{StatsCache, StatsView};
use super::text_mesh::{AtlasWatch, DeferredText};
use super::theme;
use crate::model::stats::speaker_of;
use crate::model::{DocId, Document, SpanId};
use crate::session::Session;
use crate::session::{Command, ViewCommand};
use egui::{Color32, TextEdit, Ui};
use fold::{Fold, Shown};
use row::{RowLook, RowText, SpanRowLook, group_row_ui, row_galley, span_row_ui};
use std::collections::{HashMap, HashSet};

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
    /// Where the panel is low: the list or the inspector.
    fold: Fold,
    stats: StatsCache,
    stats_view: StatsView,
    desk: DeskView,
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
        self.fold.show_inspector();
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
        if self.tab == Tab::Claims {
            self.claims_ui(ui, session, out);
        } else {
            self.spans_ui(ui, session, out);
        }
    }

    /// The Claims tab: the claims desk and the inspector.
    fn claims_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let (selected, room) = (session.selected_span(), ui.available_height());
        let shown = self.fold.shown(selected, room, fold::row_height(ui));
        if let Shown::Inspector(span) = shown {
            let list = self.desk.summary(session);
            self.folded_inspector_ui(ui, session, &list, span, out);
            return;
        }
        self.back_to_inspector_ui(ui, session, shown);
        if self.desk.desk_ui(ui, session, room_below(shown), out) {
            self.fold.show_inspector();
        }
        self.below_list_ui(ui, session, shown, out);
    }

    /// The Spans tab: the filters, the span list and the inspector.
    fn spans_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let (selected, room) = (session.selected_span(), ui.available_height());
        let shown = self.fold.shown(selected, room, fold::row_height(ui));
        if let (Shown::Inspector(span), Some(doc)) = (shown, session.document()) {
            self.refresh_rows(doc);
            let list = self.rows.as_ref().map(|(_, rows)| summary(rows, doc));
            self.folded_inspector_ui(ui, session, &list.unwrap_or_default(), span, out);
            return;
        }
        self.back_to_inspector_ui(ui, session, shown);
        self.filters_ui(ui, session);
        let Some(doc) = session.document() else {
            return;
        };
        self.refresh_rows(doc);
        if self.list_ui(ui, session, doc, room_below(shown), out) {
            self.fold.show_inspector();
        }
        self.below_list_ui(ui, session, shown, out);
    }

    /// Makes the rows again where the document, the filters or the groups changed.
    fn refresh_rows(&mut self, doc: &Document) {
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
    }

    /// The count of the spans and their list, leaving `room_below` points under it.
    /// Returns whether a span's row was clicked.
    fn list_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        doc: &Document,
        room_below: f32,
        out: &mut Vec<Command>,
    ) -> bool {
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
            return false;
        };
        ui.weak(format!("{} of {} spans", rows.matched, doc.spans().len()));
        let list_height = (ui.available_height() - room_below).max(theme::MIN_LIST_HEIGHT);
        let row_height = ui.spacing().interact_size.y;
        let previews = &mut self.previews;
        let row_text = &mut self.row_text;
        let mut toggled = None;
        let mut clicked = false;
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
                                clicked = true;
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
        clicked
    }

    /// Under the list, the inspector of the selected span (a panel with room).
    fn below_list_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        shown: Shown,
        out: &mut Vec<Command>,
    ) {
        match shown {
            Shown::List => self.inspector.reset(),
            Shown::Both => {
                ui.separator();
                self.inspector_scroll_ui(ui, session, false, out);
            }
            // Folded into a line over the list, or drawn in its place.
            Shown::ListFolded(_) | Shown::Inspector(_) => {}
        }
    }

    /// Over a list whose inspector is folded away (a low panel), the line back to it.
    fn back_to_inspector_ui(&mut self, ui: &mut Ui, session: &Session, shown: Shown) {
        if let Shown::ListFolded(span) = shown {
            let label = session
                .project()
                .find_span(span)
                .map_or("", |(_, s)| s.label.as_str());
            if fold::back_to_inspector_ui(ui, span, label) {
                self.fold.show_inspector();
            }
        }
    }

    /// The inspector of `span` in a low panel, where it takes the list's place: under
    /// a line with its heading and a button back to the list (`list`: what it holds).
    fn folded_inspector_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        list: &str,
        span: SpanId,
        out: &mut Vec<Command>,
    ) {
        if fold::back_to_list_ui(ui, list, span) {
            self.fold.show_list(span);
        }
        self.inspector_scroll_ui(ui, session, true, out);
    }

    /// The inspector (`folded`: in the list's place), scrolling where its fields are
    /// taller than the room left (a claim's form at a large zoom), so every field stays
    /// in reach of the pointer.
    fn inspector_scroll_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        folded: bool,
        out: &mut Vec<Command>,
    ) {
        egui::ScrollArea::vertical()
            .id_salt("inspector")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                self.inspector
                    .inspector_ui(ui, session, &mut self.stats, folded, out);
            });
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

/// The room a list leaves under it for the inspector of the selected span.
fn room_below(shown: Shown) -> f32 {
    match shown {
        Shown::Both => theme::INSPECTOR_HEIGHT,
        Shown::List | Shown::ListFolded(_) | Shown::Inspector(_) => 0.0,
    }
}

/// What the span list holds, said short: `12 spans`, `3 of 12 spans` (filtered).
fn summary(rows: &Rows, doc: &Document) -> String {
    let total = doc.spans().len();
    let spans = if total == 1 { "span" } else { "spans" };
    if rows.matched == total {
        format!("{total} {spans}")
    } else {
        format!("{} of {total} {spans}", rows.matched)
    }
}
