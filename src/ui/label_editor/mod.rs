//! The label editor (Edit → Labels…, Ctrl+L): a window at the right, below the menu
//! bar, that scrolls. First the project's labels, each with its colour (a picker),
//! name, key, span count, ↑/↓ to reorder and Remove, and under it its attribute fields
//! ([`fields`]: name, type, a choice's values, ✖) and "Add field"; then a row that adds
//! a label (its colour the next Okabe–Ito one); then the relation types
//! ([`relation_types`]). Every change is one [`LabelCommand`] or `RelationCommand`, so
//! one undo step. Text fields commit when they lose the keyboard (Enter, Escape, a
//! click elsewhere), the key field at once, a colour when its picker closes. What the
//! editor can tell is wrong (a key that clashes, a field without a name, a choice
//! without values, a type still in use) is refused at the foot of the window, with
//! the reason, before any command; removing a label with spans asks which label they
//! go to, or cancel.

mod fields;
mod relation_types;

use crate::model::label::next_color;
use crate::model::{AttributeDef, Label, LabelSet};
use crate::session::labels::check_key;
use crate::session::{Command, LabelCommand, Session};
use crate::ui::theme::parse_color;
use egui::containers::Popup;
use egui::{Align, Align2, Color32, Layout, Rect, RichText, TextEdit, Ui, pos2};
use fields::{Adding, FieldRow};

/// The height of the editor's text fields.
const FIELD_HEIGHT: f32 = 20.0;
/// The editor's width at most: narrow enough to leave some of the article in view.
const WIDTH: f32 = 560.0;

/// What one label's widgets hold while the user edits them.
#[derive(Clone, Debug, Default)]
struct Row {
    name: String,
    key: String,
    color: [u8; 3],
    /// Fields the user has typed in and not yet committed (kept as typed).
    editing_name: bool,
    editing_color: bool,
    fields: Vec<FieldRow>,
}

impl Row {
    /// Takes the label's values into the fields not being edited.
    fn sync(&mut self, label: &Label) {
        if !self.editing_name {
            self.name.clone_from(&label.name);
        }
        if !self.editing_color {
            self.color = srgb(&label.color);
        }
        self.key = label.key.map(String::from).unwrap_or_default();
    }
}

/// The editor's state: open or not, the rows' drafts, the label being added, the
/// field being added (and to which label), a removal waiting for its answer, the
/// relation types' drafts, and the last refusal.
#[derive(Default)]
pub struct LabelEditor {
    open: bool,
    rows: Vec<Row>,
    new: Row,
    adding_field: Option<(String, FieldRow)>,
    /// A label with spans the user asked to remove, and the label its spans would get.
    removing: Option<(String, String)>,
    types: relation_types::RelationTypes,
    refusal: Option<String>,
}

impl LabelEditor {
    /// Opens the editor, or closes it if open (Ctrl+L, Edit → Labels…).
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.removing = None;
        self.adding_field = None;
        self.refusal = None;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows the editor, if open, below `menu_bottom` (the menu bar's).
    pub fn window_ui(
        &mut self,
        ctx: &egui::Context,
        menu_bottom: f32,
        session: &Session,
        out: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        let screen = ctx.content_rect();
        let inside = Rect::from_min_max(pos2(screen.left(), menu_bottom), screen.max).shrink(8.0);
        let mut open = true;
        let before = self.refusal.clone();
        egui::Window::new("Labels")
            .open(&mut open)
            .collapsible(false)
            .constrain_to(inside)
            .pivot(Align2::RIGHT_TOP)
            .default_pos(inside.right_top())
            .default_width(WIDTH.min(inside.width()))
            .default_height(inside.height().min(460.0))
            .max_width(inside.width())
            .max_height(inside.height())
            .show(ctx, |ui| {
                // The refusal stays in view below what scrolls, and nothing above it
                // moves when it comes or goes.
                ui.with_layout(Layout::bottom_up(Align::LEFT), |ui| {
                    if let Some(refusal) = &self.refusal {
                        ui.colored_label(ui.visuals().error_fg_color, refusal);
                    }
                    ui.with_layout(Layout::top_down(Align::LEFT), |ui| {
                        egui::ScrollArea::both()
                            .auto_shrink([false, false])
                            .show(ui, |ui| self.editor_ui(ui, session, out));
                    });
                });
            });
        if self.refusal != before {
            // The refusal is laid out before the row that made it: lay the frame out again.
            ctx.request_discard("a refusal of the label editor");
        }
        self.open = open;
    }

    fn editor_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let labels = &session.project().labels;
        self.rows.resize_with(labels.len(), Row::default);
        for (i, label) in labels.iter().enumerate() {
            ui.push_id(("label", i), |ui| self.label_ui(ui, session, i, label, out));
            ui.separator();
        }
        if let Some((name, to)) = self.removing.clone() {
            self.removing_ui(ui, session, &name, to, out);
            ui.separator();
        }
        self.new_label_ui(ui, labels, session, out);
        ui.add_space(4.0);
        ui.weak(
            "Renaming relabels every span of the label. Keys are letters; 1–9 tag by position. \
             Every change is one step of Ctrl+Z.",
        );
        ui.add_space(8.0);
        ui.separator();
        self.types.section_ui(ui, session, out, &mut self.refusal);
    }

    /// One label: its row, then its fields.
    fn label_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        i: usize,
        label: &Label,
        out: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| self.row_ui(ui, session, i, label, out));
        let Some(row) = self.rows.get_mut(i) else {
            return;
        };
        let mut fields_changed = None;
        ui.indent("fields", |ui| {
            fields_changed = fields::fields_ui(ui, &mut row.fields, label);
            match &mut self.adding_field {
                Some((to, draft)) if *to == label.name => {
                    match fields::new_field_ui(ui, draft, label) {
                        Adding::Keep => {}
                        Adding::Cancel => self.adding_field = None,
                        Adding::Add(result) => {
                            if result.is_ok() {
                                self.adding_field = None;
                            }
                            fields_changed = Some(result);
                        }
                    }
                }
                _ => {
                    let add = ui
                        .small_button("Add field")
                        .accessible_name(format!("Add a field to label {}", label.name))
                        .on_hover_text("A value a span of this label can carry");
                    if add.clicked() {
                        self.adding_field = Some((label.name.clone(), FieldRow::default()));
                    }
                }
            }
        });
        match fields_changed {
            Some(Ok(fields)) => {
                self.refusal = None;
                out.push(update_fields(label, fields));
            }
            Some(Err(why)) => self.refusal = Some(format!("{}: {why}", label.name)),
            None => {}
        }
    }

    /// Colour, name, key, spans, ↑/↓ and Remove of one label.
    fn row_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        i: usize,
        label: &Label,
        out: &mut Vec<Command>,
    ) {
        let labels = &session.project().labels;
        let Some(row) = self.rows.get_mut(i) else {
            return;
        };
        row.sync(label);
        let update = |changed: Label| LabelCommand::Update {
            name: label.name.clone(),
            label: changed,
        };
        // Colour: committed when the picker closes, as one step.
        ui.push_id("colour", |ui| {
            let popup = ui.auto_id_with("popup");
            let response = egui::color_picker::color_edit_button_srgb(ui, &mut row.color)
                .on_hover_text(format!("Colour of {}", label.name));
            if response.changed() {
                row.editing_color = true;
            }
            if row.editing_color && !Popup::is_id_open(ui.ctx(), popup) {
                row.editing_color = false;
                let color = hex(row.color);
                if !color.eq_ignore_ascii_case(&label.color) {
                    out.push(
                        update(Label {
                            color,
                            ..label.clone()
                        })
                        .into(),
                    );
                }
            }
        });
        let name = ui
            .add_sized([140.0, FIELD_HEIGHT], TextEdit::singleline(&mut row.name))
            .accessible_name(format!("Name of label {}", label.name));
        if name.changed() {
            row.editing_name = true;
        }
        if name.lost_focus() {
            row.editing_name = false;
            let new = row.name.trim().to_owned();
            if new != label.name {
                out.push(
                    update(Label {
                        name: new,
                        ..label.clone()
                    })
                    .into(),
                );
            }
        }
        ui.label("Key");
        let key = ui
            .add_sized([28.0, FIELD_HEIGHT], TextEdit::singleline(&mut row.key))
            .accessible_name(format!("Key of label {}", label.name));
        if key.changed() {
            // The letter typed beside the old one replaces it; an empty field, no key.
            let typed = row
                .key
                .chars()
                .find(|c| Some(*c) != label.key)
                .or(label.key.filter(|_| !row.key.is_empty()));
            match check_key(labels, session.reserved_keys(), typed, &label.name) {
                Ok(key) => {
                    self.refusal = None;
                    out.push(
                        update(Label {
                            key,
                            ..label.clone()
                        })
                        .into(),
                    );
                }
                Err(why) => self.refusal = Some(format!("{}: {why}", label.name)),
            }
        }
        let count = session.label_use(&label.name);
        let s = if count == 1 { "" } else { "s" };
        ui.label(format!("{count} span{s}"));
        let mut to = |ui: &mut Ui, text: &str, enabled: bool, index: usize, what: &str| {
            let button = ui
                .add_enabled(enabled, egui::Button::new(text).small())
                .on_hover_text(what);
            if button.clicked() {
                out.push(
                    LabelCommand::Move {
                        name: label.name.clone(),
                        to: index,
                    }
                    .into(),
                );
            }
        };
        to(ui, "⏶", i > 0, i.saturating_sub(1), "Move up");
        to(ui, "⏷", i + 1 < labels.len(), i + 1, "Move down");
        let remove = ui
            .button("Remove")
            .on_hover_text(format!("Remove label {}", label.name));
        if remove.clicked() {
            if count == 0 {
                self.removing = None;
                out.push(
                    LabelCommand::Remove {
                        name: label.name.clone(),
                        relabel_to: None,
                    }
                    .into(),
                );
            } else {
                let other = labels
                    .iter()
                    .find(|l| l.name != label.name)
                    .map(|l| l.name.clone())
                    .unwrap_or_default();
                self.removing = Some((label.name.clone(), other));
            }
        }
    }

    /// The question a label with spans asks before it goes.
    fn removing_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        name: &str,
        mut to: String,
        out: &mut Vec<Command>,
    ) {
        let labels = &session.project().labels;
        if !labels.contains(name) {
            self.removing = None;
            return;
        }
        let count = session.label_use(name);
        let s = if count == 1 { "" } else { "s" };
        ui.label(format!(
            "Label \"{name}\" has {count} span{s}. Relabel them to another label and remove it?"
        ));
        ui.horizontal_wrapped(|ui| {
            ui.label("Relabel to");
            egui::ComboBox::from_id_salt("relabel-to")
                .selected_text(to.clone())
                .show_ui(ui, |ui| {
                    for other in labels.iter().filter(|l| l.name != name) {
                        ui.selectable_value(&mut to, other.name.clone(), &other.name);
                    }
                });
            let can = labels.contains(&to) && to != name;
            let relabel = format!("Relabel {count} span{s} and remove");
            if ui.add_enabled(can, egui::Button::new(relabel)).clicked() {
                out.push(
                    LabelCommand::Remove {
                        name: name.to_owned(),
                        relabel_to: Some(to.clone()),
                    }
                    .into(),
                );
                self.removing = None;
            } else if ui.button("Cancel").clicked() {
                self.removing = None;
            } else {
                self.removing = Some((name.to_owned(), to));
            }
        });
    }

    /// The row that adds a label (its fields are added in its own row after).
    fn new_label_ui(
        &mut self,
        ui: &mut Ui,
        labels: &LabelSet,
        session: &Session,
        out: &mut Vec<Command>,
    ) {
        ui.label(RichText::new("New label").strong());
        let new = &mut self.new;
        if !new.editing_color {
            new.color = srgb(next_color(labels));
        }
        let mut add = false;
        ui.horizontal_wrapped(|ui| {
            if egui::color_picker::color_edit_button_srgb(ui, &mut new.color).changed() {
                new.editing_color = true;
            }
            let name = ui
                .add(
                    TextEdit::singleline(&mut new.name)
                        .hint_text("name")
                        .desired_width(140.0),
                )
                .accessible_name("Name of the new label");
            add |= name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.label("Key");
            ui.add(
                TextEdit::singleline(&mut new.key)
                    .char_limit(1)
                    .desired_width(24.0),
            )
            .accessible_name("Key of the new label");
            add |= ui.button("Add label").clicked();
        });
        if !add {
            return;
        }
        let name = new.name.trim().to_owned();
        let checked = if !crate::model::label::is_valid_label_name(&name) {
            Err("give the new label a name".to_owned())
        } else if labels.contains(&name) {
            Err(format!("a label named \"{name}\" already exists"))
        } else {
            check_key(
                labels,
                session.reserved_keys(),
                new.key.chars().next(),
                &name,
            )
        };
        match checked {
            Ok(key) => {
                out.push(LabelCommand::Add(Label::new(&name, &hex(new.color), key, &[])).into());
                *new = Row::default();
                self.refusal = None;
            }
            Err(why) => self.refusal = Some(why),
        }
    }
}

/// The one command that gives `label` the fields `fields`.
fn update_fields(label: &Label, fields: Vec<AttributeDef>) -> Command {
    LabelCommand::Update {
        name: label.name.clone(),
        label: Label {
            attributes: fields,
            ..label.clone()
        },
    }
    .into()
}

fn srgb(color: &str) -> [u8; 3] {
    let c: Color32 = parse_color(color);
    [c.r(), c.g(), c.b()]
}

/// `#RRGGBB` of a picked colour.
fn hex(c: [u8; 3]) -> String {
    format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_round_trip() {
        assert_eq!(hex(srgb("#0072B2")), "#0072B2");
        assert_eq!(hex(srgb("#cc79a7")), "#CC79A7");
    }
}
