//! The spans panel: the current document's spans, filtered by label and text (a click
//! selects one and scrolls the article to it), and the inspector of the selected span
//! (label, text, note, attributes, delete). Text fields edit a draft that becomes one
//! undoable edit when the field loses focus or Enter is pressed.

use super::preview;
use super::text_mesh::{AtlasWatch, DeferredText};
use super::theme;
use crate::model::SpanId;
use crate::session::Session;
use crate::session::{Command, EditCommand, ViewCommand};
use egui::{Galley, RichText, TextEdit, Ui};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Default)]
pub struct SpansPanel {
    pub filter_text: String,
    pub filter_label: Option<String>,
    /// The selected span's note and attributes as being typed.
    draft: Option<Draft>,
    /// The filtered span ids and what they were computed for.
    /// Positions in the document's span list (valid for the revision in the key).
    rows: Option<(RowsKey, Vec<usize>)>,
    /// Row texts already made and laid out, by position in the document's span list
    /// (valid with `rows`; a row's text is only made once it scrolls into view), and
    /// what they were laid out for.
    previews: HashMap<usize, Arc<Galley>>,
    previews_for: (u32, u32),
    /// When egui's glyph atlas empties, the galleys' glyphs are gone.
    atlas: AtlasWatch,
    /// The rows' text, drawn as one mesh when the frame's layout is done.
    row_text: DeferredText,
}

/// Document id, text hash, span revision, text filter, label filter.
type RowsKey = (crate::model::DocId, String, u64, String, Option<String>);

struct Draft {
    span: SpanId,
    note: String,
    attributes: crate::model::Attributes,
}

impl SpansPanel {
    pub fn ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        ui.set_max_width(ui.available_width());
        let inspector_height = if session.selected_span().is_some() {
            theme::INSPECTOR_HEIGHT
        } else {
            0.0
        };
        ui.heading("Spans");
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
                    .hint_text("filter text")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name("Filter spans by text");
        });
        let Some(doc) = session.document() else {
            return;
        };
        let key = (
            doc.id,
            doc.sha256().to_owned(),
            doc.revision(),
            self.filter_text.clone(),
            self.filter_label.clone(),
        );
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            let needle = self.filter_text.to_lowercase();
            let ids = doc
                .spans()
                .iter()
                .enumerate()
                .filter(|(_, s)| self.filter_label.as_ref().is_none_or(|l| *l == s.label))
                .filter(|(_, s)| {
                    needle.is_empty()
                        || doc
                            .slice(s.range)
                            .unwrap_or("")
                            .to_lowercase()
                            .contains(&needle)
                })
                .map(|(i, _)| i)
                .collect();
            self.rows = Some((key, ids));
            self.previews.clear();
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let previews_for = (ui.ctx().pixels_per_point().to_bits(), font.size.to_bits());
        if self.atlas.emptied(ui.ctx()) || previews_for != self.previews_for {
            self.previews.clear();
            self.previews_for = previews_for;
        }
        let ids: &[usize] = self.rows.as_ref().map_or(&[], |(_, ids)| ids);
        let previews = &mut self.previews;
        let row_text = &mut self.row_text;
        let count = ids.len();
        ui.weak(format!("{count} of {} spans", doc.spans().len()));
        let list_height = (ui.available_height() - inspector_height).max(theme::MIN_LIST_HEIGHT);
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .id_salt("span-list")
            .max_height(list_height)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, count, |ui, visible| {
                // Scrolling through a long list: forget the rows far behind.
                if previews.len() > 4096 {
                    previews.clear();
                }
                for &i in &ids[visible] {
                    let Some(span) = doc.spans().get(i) else {
                        continue;
                    };
                    // Laid out once, in the colour of the row's state when drawn.
                    let text = previews.entry(i).or_insert_with(|| {
                        ui.painter().layout_no_wrap(
                            preview(doc.slice(span.range).unwrap_or(""), 48),
                            font.clone(),
                            egui::Color32::PLACEHOLDER,
                        )
                    });
                    let color = theme::label_color(&session.project().labels, &span.label);
                    let selected = session.selected_span() == Some(span.id);
                    let mut response = span_row_ui(ui, row_height, color, text, selected, row_text);
                    // The tooltip is only looked at for the row under the pointer.
                    if response.hovered() {
                        response = response.on_hover_ui(|ui| {
                            ui.label(format!("{}, span {}", span.label, span.id));
                        });
                    }
                    if response.clicked() {
                        out.push(ViewCommand::JumpToSpan(span.id).into());
                    }
                }
                row_text.place(ui.painter());
            });

        if session.selected_span().is_some() {
            ui.separator();
            self.inspector_ui(ui, session, out);
        } else {
            self.draft = None;
        }
    }

    fn inspector_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let Some((doc, span)) = session
            .selected_span()
            .and_then(|s| session.project().find_span(s))
        else {
            return;
        };
        if self.draft.as_ref().is_none_or(|d| d.span != span.id) {
            self.draft = Some(Draft {
                span: span.id,
                note: span.note.clone().unwrap_or_default(),
                attributes: span.attributes.clone(),
            });
        }
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        ui.heading(format!("Span {}", span.id));
        egui::Grid::new("inspector").num_columns(2).show(ui, |ui| {
            ui.label("Label");
            let mut label = span.label.clone();
            egui::ComboBox::from_id_salt("relabel")
                .selected_text(&label)
                .show_ui(ui, |ui| {
                    for l in session.project().labels.iter() {
                        ui.selectable_value(
                            &mut label,
                            l.name.clone(),
                            RichText::new(&l.name)
                                .color(theme::label_color(&session.project().labels, &l.name)),
                        );
                    }
                })
                .response
                .accessible_name("Label of the span");
            if label != span.label {
                out.push(EditCommand::Relabel(span.id, label).into());
            }
            ui.end_row();

            ui.label("Text");
            // Wrapped, so a long span never widens the panel and reflows the article.
            let text = preview(doc.slice(span.range).unwrap_or(""), 300);
            ui.add(egui::Label::new(text).wrap());
            ui.end_row();
            ui.label("Offsets");
            ui.weak(format!(
                "{}–{} (code points)",
                span.range.start, span.range.end
            ));
            ui.end_row();

            let fields = session
                .project()
                .labels
                .get(&span.label)
                .map(|l| l.attributes.clone())
                .unwrap_or_default();
            for key in fields
                .iter()
                .chain(span.attributes.keys().filter(|k| !fields.contains(k)))
            {
                ui.label(key);
                if !draft.attributes.contains_key(key) {
                    draft.attributes.insert(key.clone(), String::new());
                }
                let Some(value) = draft.attributes.get_mut(key) else {
                    continue;
                };
                let response = ui
                    .add(
                        TextEdit::singleline(value)
                            .hint_text(format!("{key}…"))
                            .id_salt(("attr", key)),
                    )
                    .accessible_name(key.clone());
                let stored = span.attributes.get(key).cloned().unwrap_or_default();
                // Never ask the response inside `ui.input`: both take egui's context lock.
                let enter = response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (response.lost_focus() || enter) && *value != stored {
                    out.push(EditCommand::SetAttribute(span.id, key.clone(), value.clone()).into());
                }
                ui.end_row();
            }

            ui.label("Note");
            let response = ui
                .add(
                    TextEdit::multiline(&mut draft.note)
                        .desired_rows(3)
                        .hint_text("note…")
                        .id_salt("note"),
                )
                .accessible_name("note");
            if response.lost_focus() && draft.note != span.note.clone().unwrap_or_default() {
                out.push(EditCommand::SetNote(span.id, draft.note.clone()).into());
            }
            ui.end_row();
        });
        if ui.button("Delete span").clicked() {
            out.push(EditCommand::DeleteSpan(span.id).into());
        }
    }

    /// Draws the rows' text: call once a frame, after everything else is laid out.
    pub fn finish_frame(&mut self, ctx: &egui::Context) {
        self.row_text.finish(ctx);
    }

    /// Forgets typed drafts (after undo/redo changed the span under them).
    pub fn reset_drafts(&mut self) {
        self.draft = None;
    }
}

/// One row of the span list: a colour mark and the span's text, clickable. Drawn
/// directly rather than from nested widgets: the list is on screen every frame. The
/// mark and the text go to `row_text`, drawn above the rows' backgrounds as one mesh.
fn span_row_ui(
    ui: &mut Ui,
    height: f32,
    color: egui::Color32,
    text: &Arc<Galley>,
    selected: bool,
    row_text: &mut DeferredText,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, text.text())
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter()
                .rect_filled(rect, theme::ROW_ROUNDING, visuals.weak_bg_fill);
        }
        let mark = egui::Rect::from_min_size(
            rect.left_top() + egui::vec2(theme::ROW_MARK_LEFT, height * theme::ROW_MARK_TOP),
            egui::vec2(theme::ROW_MARK_WIDTH, height * theme::ROW_MARK_HEIGHT),
        );
        row_text.push_rect(mark, color);
        let top_left = rect.left_center() + egui::vec2(theme::ROW_TEXT_LEFT, -text.size().y / 2.0);
        row_text.push(text.clone(), top_left, visuals.text_color());
    }
    response
}
