//! The label editor (Edit → Labels…, Ctrl+L): a scrolling window below the menu bar
//! listing the project's labels, each with its colour (a picker), name, key, attribute
//! names, span count, ↑/↓ to reorder and Remove; under them a row that adds a label
//! (its colour the next Okabe–Ito one). Every change is one [`LabelCommand`], so one
//! undo step. Text fields commit when they lose the keyboard (Enter, Escape, a click
//! elsewhere), the key field at once, a colour when its picker closes. A key that
//! clashes is refused here, with the reason, before any command; removing a label with
//! spans asks which label they go to, or cancel.

use crate::model::label::next_color;
use crate::model::schema::{describe_fields, parse_fields};
use crate::model::{Label, LabelSet};
use crate::session::labels::check_key;
use crate::session::{Command, LabelCommand, Session};
use crate::ui::bars::help::help_window;
use crate::ui::theme::parse_color;
use egui::containers::Popup;
use egui::{Color32, Rect, RichText, TextEdit, Ui, pos2};

/// The height of the editor's text fields.
const FIELD_HEIGHT: f32 = 20.0;

/// What one row's fields hold while the user edits them.
#[derive(Clone, Debug, Default)]
struct Row {
    name: String,
    key: String,
    attributes: String,
    color: [u8; 3],
    /// Fields the user has typed in and not yet committed (kept as typed).
    editing_name: bool,
    editing_attributes: bool,
    editing_color: bool,
}

impl Row {
    /// Takes the label's values into the fields not being edited.
    fn sync(&mut self, label: &Label) {
        if !self.editing_name {
            self.name.clone_from(&label.name);
        }
        if !self.editing_attributes {
            self.attributes = describe_fields(&label.attributes);
        }
        if !self.editing_color {
            self.color = srgb(&label.color);
        }
        self.key = label.key.map(String::from).unwrap_or_default();
    }
}

/// The editor's state: open or not, the rows' drafts, the label being added, a
/// removal waiting for its answer, and the last refusal.
#[derive(Default)]
pub struct LabelEditor {
    open: bool,
    rows: Vec<Row>,
    new: Row,
    /// A label with spans the user asked to remove, and the label its spans would get.
    removing: Option<(String, String)>,
    refusal: Option<String>,
}

impl LabelEditor {
    /// Opens the editor, or closes it if open (Ctrl+L, Edit → Labels…).
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.removing = None;
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
        let area = Rect::from_min_max(pos2(screen.left(), menu_bottom), screen.max);
        let mut open = true;
        help_window("Labels", &mut open, area, 720.0)
            .default_height(area.height().min(420.0))
            .show(ctx, |ui| self.editor_ui(ui, session, out));
        self.open = open;
    }

    fn editor_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let labels = &session.project().labels;
        self.rows.resize_with(labels.len(), Row::default);
        egui::Grid::new("labels")
            .striped(true)
            .num_columns(7)
            .show(ui, |ui| {
                for heading in ["Colour", "Name", "Key", "Attributes", "Spans", "", ""] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for (i, label) in labels.iter().enumerate() {
                    self.row_ui(ui, session, i, label, out);
                    ui.end_row();
                }
            });
        if let Some((name, to)) = self.removing.clone() {
            self.removing_ui(ui, session, &name, to, out);
        }
        ui.separator();
        self.new_label_ui(ui, labels, session, out);
        if let Some(refusal) = &self.refusal {
            ui.colored_label(ui.visuals().error_fg_color, refusal);
        }
        ui.add_space(4.0);
        ui.weak(
            "Renaming relabels every span of the label. Keys are letters; 1–9 tag by position. \
             Every change is one step of Ctrl+Z.",
        );
    }

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
        ui.push_id(("colour", i), |ui| {
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
        let attributes = ui
            .add_sized(
                [180.0, FIELD_HEIGHT],
                TextEdit::singleline(&mut row.attributes).hint_text("none"),
            )
            .accessible_name(format!("Attributes of label {}", label.name))
            .on_hover_text("The attribute fields a span of this label offers, comma-separated");
        if attributes.changed() {
            row.editing_attributes = true;
        }
        if attributes.lost_focus() {
            row.editing_attributes = false;
            match parse_fields(&row.attributes) {
                Ok(fields) if fields != label.attributes => out.push(
                    update(Label {
                        attributes: fields,
                        ..label.clone()
                    })
                    .into(),
                ),
                Ok(_) => {}
                Err(why) => self.refusal = Some(format!("{}: {why}", label.name)),
            }
        }
        ui.label(session.label_use(&label.name).to_string());
        ui.horizontal(|ui| {
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
        });
        let remove = ui
            .button("Remove")
            .on_hover_text(format!("Remove label {}", label.name));
        if remove.clicked() {
            if session.label_use(&label.name) == 0 {
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
        ui.separator();
        let s = if count == 1 { "" } else { "s" };
        ui.label(format!(
            "Label \"{name}\" has {count} span{s}. Relabel them to another label and remove it?"
        ));
        ui.horizontal(|ui| {
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

    /// The row that adds a label.
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
            ui.add(
                TextEdit::singleline(&mut new.attributes)
                    .hint_text("attributes, comma-separated")
                    .desired_width(180.0),
            )
            .accessible_name("Attributes of the new label");
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
        let checked = checked.and_then(|key| Ok((key, parse_fields(&new.attributes)?)));
        match checked {
            Ok((key, fields)) => {
                let mut label = Label::new(&name, &hex(new.color), key, &[]);
                label.attributes = fields;
                out.push(LabelCommand::Add(label).into());
                *new = Row::default();
                self.refusal = None;
            }
            Err(why) => self.refusal = Some(why),
        }
    }
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
    fn colours_and_names_round_trip() {
        assert_eq!(hex(srgb("#0072B2")), "#0072B2");
        assert_eq!(hex(srgb("#cc79a7")), "#CC79A7");
        let fields = parse_fields(" speaker, ,kind: choice(a|b),").unwrap();
        assert_eq!(describe_fields(&fields), "speaker, kind: choice(a|b)");
    }
}
