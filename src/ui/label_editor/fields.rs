//! The attribute fields of one label in the label editor: a row per field (its name, a
//! drop-down of its type, a choice's values as one comma-separated line, ✖ to remove
//! it) and a row that adds one. A row gives back the label's whole new field list,
//! checked by [`check_fields`] (a blank name, a name twice, a choice without values
//! are refused with the reason), for one `LabelCommand::Update`: one undo step.

use super::FIELD_HEIGHT;
use crate::model::{AttributeDef, AttributeKind, Label};
use crate::shown::quoted;
use egui::{Response, TextEdit, Ui};

/// The types a field may have: the name files use, the name the editor shows.
/// Every kind of [`AttributeKind::NAMES`] is here: a kind missing would show as text
/// and become text when any field of its label is edited.
pub(super) const KINDS: [(&str, &str); 8] = [
    ("text", "text"),
    ("choice", "choice"),
    ("number", "number"),
    ("date", "date"),
    ("url", "URL"),
    ("span", "span link"),
    ("quantity", "quantity (figure value)"),
    ("sources", "sources (URL + note a line)"),
];
const CHOICE: usize = 1;

/// What one field's widgets hold while the user edits them.
#[derive(Clone, Debug, Default)]
pub(super) struct FieldRow {
    pub(super) name: String,
    /// An index into [`KINDS`].
    pub(super) kind: usize,
    /// A choice's values, comma-separated.
    pub(super) values: String,
    editing_name: bool,
    editing_values: bool,
    /// Choice picked, its values not yet typed: nothing is sent until they are.
    pending_choice: bool,
}

impl FieldRow {
    /// Takes the field's values into the widgets not being edited.
    fn sync(&mut self, def: &AttributeDef) {
        if !self.editing_name {
            self.name.clone_from(&def.name);
        }
        if !self.pending_choice {
            self.kind = kind_index(&def.kind);
            if !self.editing_values {
                self.values = def.kind.values().join(", ");
            }
        }
    }

    /// The field the row describes, or why it is none.
    fn def(&self) -> Result<AttributeDef, String> {
        let name = self.name.trim();
        let values = if self.kind == CHOICE {
            parse_values(&self.values)
        } else {
            Vec::new()
        };
        let kind_name = KINDS.get(self.kind).map_or("text", |k| k.0);
        let kind = AttributeKind::from_name(kind_name, values)
            .map_err(|why| format!("field {}: {why}", quoted(name)))?;
        Ok(AttributeDef {
            name: name.to_owned(),
            kind,
        })
    }
}

fn kind_index(kind: &AttributeKind) -> usize {
    KINDS.iter().position(|k| k.0 == kind.name()).unwrap_or(0)
}

/// A choice's values as typed, `a, b , c`: trimmed, blank ones and repeats dropped.
pub(super) fn parse_values(text: &str) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for value in text.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        if !values.iter().any(|v| v == value) {
            values.push(value.to_owned());
        }
    }
    values
}

/// Why `fields` cannot be a label's fields: a blank name, a name twice, a choice
/// without values.
pub(super) fn check_fields(fields: &[AttributeDef]) -> Result<(), String> {
    for (i, field) in fields.iter().enumerate() {
        if field.name.trim().is_empty() {
            return Err("a field needs a name (✖ removes it)".to_owned());
        }
        if fields[..i].iter().any(|f| f.name == field.name) {
            return Err(format!("there is already a field {}", quoted(&field.name)));
        }
        if let AttributeKind::Choice(values) = &field.kind
            && values.is_empty()
        {
            return Err(format!(
                "choice {} needs at least one value",
                quoted(&field.name)
            ));
        }
    }
    Ok(())
}

/// The drop-down of field types; `changed()` when the user picks one.
fn kind_combo_ui(ui: &mut Ui, kind: &mut usize, id_salt: impl egui::AsIdSalt) -> Response {
    let mut changed = false;
    let shown = KINDS.get(*kind).map_or("text", |k| k.1);
    let mut response = egui::ComboBox::from_id_salt(id_salt)
        .width(96.0)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (i, (_, title)) in KINDS.iter().enumerate() {
                if ui.selectable_label(*kind == i, *title).clicked() {
                    *kind = i;
                    changed = true;
                }
            }
        })
        .response;
    if changed {
        response.mark_changed();
    }
    response
}

/// One row's widgets after the name: type, a choice's values. Returns whether the
/// row wants its field sent (a type picked, values committed).
fn kind_and_values_ui(ui: &mut Ui, row: &mut FieldRow, of: &str) -> bool {
    let mut send = false;
    let kind = kind_combo_ui(ui, &mut row.kind, "kind")
        .accessible_name(format!("Type of {of}"))
        .on_hover_text("What the field's values are: a choice offers a fixed list");
    if kind.changed() {
        row.pending_choice = row.kind == CHOICE && parse_values(&row.values).is_empty();
        send = !row.pending_choice;
    }
    if row.kind == CHOICE {
        let values = ui
            .add_sized(
                [170.0, FIELD_HEIGHT],
                TextEdit::singleline(&mut row.values).hint_text("values, comma-separated"),
            )
            .accessible_name(format!("Values of {of}"))
            .on_hover_text("The values the drop-down offers, comma-separated");
        if values.changed() {
            row.editing_values = true;
        }
        if values.lost_focus() {
            row.editing_values = false;
            send = true;
        }
    }
    send
}

/// The rows of `label`'s fields. Returns the label's new field list (or why there is
/// none) when the user changed one.
pub(super) fn fields_ui(
    ui: &mut Ui,
    rows: &mut Vec<FieldRow>,
    label: &Label,
) -> Option<Result<Vec<AttributeDef>, String>> {
    rows.resize_with(label.attributes.len(), FieldRow::default);
    let mut changed: Option<usize> = None;
    let mut removed: Option<usize> = None;
    for (j, (row, def)) in rows.iter_mut().zip(&label.attributes).enumerate() {
        row.sync(def);
        let of = format!("field {} of label {}", def.name, label.name);
        ui.push_id(("field", j), |ui| {
            ui.horizontal(|ui| {
                let name = ui
                    .add_sized([120.0, FIELD_HEIGHT], TextEdit::singleline(&mut row.name))
                    .accessible_name(format!("Name of {of}"));
                if name.changed() {
                    row.editing_name = true;
                }
                if name.lost_focus() {
                    row.editing_name = false;
                    if row.name.trim() != def.name {
                        changed = Some(j);
                    }
                }
                if kind_and_values_ui(ui, row, &of) {
                    changed = Some(j);
                }
                let remove = ui
                    .small_button("✖")
                    .on_hover_text(format!("Remove field {}", def.name))
                    .accessible_name(format!("Remove {of}"));
                if remove.clicked() {
                    removed = Some(j);
                }
            });
        });
    }
    if let Some(j) = removed {
        rows.remove(j);
        let mut fields = label.attributes.clone();
        fields.remove(j);
        return Some(Ok(fields));
    }
    let j = changed?;
    let row = rows.get_mut(j)?;
    let mut fields = label.attributes.clone();
    let result = row.def().and_then(|def| {
        fields[j] = def;
        check_fields(&fields).map(|()| fields)
    });
    match &result {
        // The row shows the label's field again.
        Err(_) => row.editing_name = false,
        Ok(_) => row.pending_choice = false,
    }
    (result.as_ref().ok() != Some(&label.attributes)).then_some(result)
}

/// What the row adding a field asks for.
pub(super) enum Adding {
    Keep,
    Cancel,
    /// The label's new field list, or why there is none.
    Add(Result<Vec<AttributeDef>, String>),
}

/// The row that adds a field to `label`: name, type, a choice's values, Add, Cancel.
pub(super) fn new_field_ui(ui: &mut Ui, row: &mut FieldRow, label: &Label) -> Adding {
    let mut adding = Adding::Keep;
    ui.push_id("new field", |ui| {
        ui.horizontal(|ui| {
            let name = ui
                .add_sized(
                    [120.0, FIELD_HEIGHT],
                    TextEdit::singleline(&mut row.name).hint_text("field name"),
                )
                .accessible_name(format!("Name of the new field of label {}", label.name));
            let of = format!("the new field of label {}", label.name);
            // Enter in the name or the values adds the field.
            let left = kind_and_values_ui(ui, row, &of) || name.lost_focus();
            let entered = left && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui
                .button("Add")
                .accessible_name(format!("Add the new field to label {}", label.name));
            if add.clicked() || entered {
                let mut fields = label.attributes.clone();
                adding = Adding::Add(row.def().and_then(|def| {
                    fields.push(def);
                    check_fields(&fields).map(|()| fields)
                }));
            } else if ui.button("Cancel").clicked() {
                adding = Adding::Cancel;
            }
        });
    });
    adding
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_field_keeps_its_kind_through_a_row() {
        for name in AttributeKind::NAMES {
            let values = if name == "choice" {
                vec!["a".to_owned()]
            } else {
                vec![]
            };
            let def = AttributeDef {
                name: "f".into(),
                kind: AttributeKind::from_name(name, values).unwrap(),
            };
            let mut row = FieldRow::default();
            row.sync(&def);
            assert_eq!(row.def(), Ok(def), "{name}");
        }
    }

    #[test]
    fn rows_make_fields_and_refuse_bad_ones() {
        let row = FieldRow {
            name: " kind ".into(),
            kind: CHOICE,
            values: "count, money,, count ,percent".into(),
            ..FieldRow::default()
        };
        assert_eq!(
            row.def(),
            Ok(AttributeDef::choice("kind", &["count", "money", "percent"]))
        );
        let empty = FieldRow {
            values: " , ".into(),
            ..row.clone()
        };
        assert!(empty.def().unwrap_err().contains("at least one value"));
        let date = FieldRow {
            name: "when".into(),
            kind: 3,
            values: "left over".into(),
            ..FieldRow::default()
        };
        assert_eq!(date.def().unwrap().kind, AttributeKind::Date);
        assert!(check_fields(&[AttributeDef::text(" ")]).is_err());
        let twice = [AttributeDef::text("a"), AttributeDef::choice("a", &["x"])];
        assert_eq!(
            check_fields(&twice),
            Err("there is already a field \"a\"".to_owned())
        );
        assert!(check_fields(&[AttributeDef::choice("k", &[])]).is_err());
        assert_eq!(check_fields(&twice[..1]), Ok(()));
        for (i, (name, _)) in KINDS.iter().enumerate() {
            let values = if *name == "choice" {
                vec!["a".into()]
            } else {
                Vec::new()
            };
            let kind = AttributeKind::from_name(name, values).unwrap();
            assert_eq!(kind_index(&kind), i);
        }
    }
}
