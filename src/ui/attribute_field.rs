//! The widget that takes one attribute value of a span, shaped by the field its label
//! offers: a drop-down for a choice (an empty entry clears the value; a value that is
//! not one of the choices, say from an older file, stays shown and is marked as not
//! fitting), a one-line text field with a hint of the form for the other kinds, and
//! under it, in the error colour, why the value does not fit the field. An empty value
//! means "no value" and always fits. Sources take several lines (a source each). The widget only edits the string: the caller
//! sends `EditCommand::SetAttribute`, which checks the value again.

use crate::model::{AttributeDef, AttributeKind};
use egui::{AsIdSalt, Response, RichText, TextEdit, Ui};

/// What the drop-down shows for no value.
const NONE: &str = "—";

/// The hint an empty field shows for a value of `kind`.
pub fn value_hint(kind: &AttributeKind) -> &'static str {
    match kind {
        AttributeKind::Text => "text",
        AttributeKind::Choice(_) => "pick one",
        AttributeKind::Number => "a number",
        AttributeKind::Date => "YYYY-MM-DD",
        AttributeKind::Url => "https://…",
        AttributeKind::Span => "span id",
        AttributeKind::Quantity => "90000000000 USD",
        AttributeKind::Sources => "https://… a note",
    }
}

/// Why `value` does not fit `field`, if it does not. No field (the label does not
/// offer this name) takes any text; an empty value is no value.
pub fn value_problem(field: Option<&AttributeDef>, value: &str) -> Option<String> {
    let field = field?;
    if value.is_empty() {
        return None;
    }
    field.kind.check(value).err()
}

/// The widget for `value`, the value of `field` (`None`: a name the label does not
/// offer, plain text). `changed()` on the response when the value changed: a choice
/// changes only when one is picked (send it at once); a text field at each keystroke
/// (send it when the response `lost_focus()`). Name it for screen readers with
/// `.accessible_name(…)` on the response.
pub fn attribute_value_ui(
    ui: &mut Ui,
    field: Option<&AttributeDef>,
    value: &mut String,
    id_salt: impl AsIdSalt,
) -> Response {
    let kind = field.map_or(&AttributeKind::Text, |f| &f.kind);
    ui.vertical(|ui| {
        let response = match kind {
            AttributeKind::Choice(values) => choice_ui(ui, values, value, id_salt),
            // A line per source: Enter starts the next one, leaving the field ends it.
            AttributeKind::Sources => {
                ui.push_id(id_salt, |ui| {
                    ui.add(
                        TextEdit::multiline(value)
                            .hint_text("https://… what it shows (a line each)")
                            .desired_rows(2)
                            .desired_width(ui.available_width().min(240.0)),
                    )
                })
                .inner
            }
            kind => {
                ui.push_id(id_salt, |ui| {
                    ui.add(
                        TextEdit::singleline(value)
                            .hint_text(value_hint(kind))
                            .desired_width(ui.available_width().min(240.0)),
                    )
                })
                .inner
            }
        };
        if let Some(why) = value_problem(field, value) {
            problem_ui(ui, &why);
        }
        response
    })
    .inner
}

/// Why a value being typed does not fit, under its field: small, in the error colour,
/// wrapped.
pub fn problem_ui(ui: &mut Ui, why: &str) {
    ui.add(
        egui::Label::new(
            RichText::new(format!("⚠ {why}"))
                .small()
                .color(ui.visuals().error_fg_color),
        )
        .wrap(),
    );
}

/// The drop-down of a choice: no value, the values, and the current value when it is
/// not one of them.
fn choice_ui(
    ui: &mut Ui,
    values: &[String],
    value: &mut String,
    id_salt: impl AsIdSalt,
) -> Response {
    let fits = value.is_empty() || values.contains(value);
    let shown = if value.is_empty() {
        RichText::new(NONE)
    } else if fits {
        RichText::new(value.as_str())
    } else {
        RichText::new(format!("{value} (not a choice)")).color(ui.visuals().error_fg_color)
    };
    let mut picked = None;
    let mut response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_empty(), NONE).clicked() {
                picked = Some(String::new());
            }
            for v in values {
                if ui.selectable_label(v == value, v.as_str()).clicked() {
                    picked = Some(v.clone());
                }
            }
            if !fits {
                let text = RichText::new(format!("{value} (not a choice)"))
                    .color(ui.visuals().error_fg_color);
                ui.add_enabled(false, egui::Button::selectable(true, text));
            }
        })
        .response;
    if let Some(picked) = picked
        && picked != *value
    {
        *value = picked;
        response.mark_changed();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    #[test]
    fn values_are_judged_by_their_field() {
        let date = AttributeDef {
            name: "when".into(),
            kind: AttributeKind::Date,
        };
        assert_eq!(value_problem(Some(&date), ""), None);
        assert_eq!(value_problem(Some(&date), "2026-02-28"), None);
        assert!(
            value_problem(Some(&date), "soon")
                .unwrap()
                .contains("not a date")
        );
        assert_eq!(value_problem(None, "anything"), None);
        assert_eq!(value_hint(&AttributeKind::Url), "https://…");
        assert_eq!(value_hint(&AttributeKind::Date), "YYYY-MM-DD");
    }

    /// The state of the test window: the value, and whether the widget said it changed.
    type State = (String, bool);

    fn harness(field: AttributeDef, value: &str) -> Harness<'static, State> {
        Harness::new_ui_state(
            move |ui, (value, changed): &mut State| {
                let response =
                    attribute_value_ui(ui, Some(&field), value, "value").accessible_name("Kind");
                *changed |= response.changed();
            },
            (value.to_owned(), false),
        )
    }

    #[test]
    fn a_choice_is_picked_from_its_drop_down() {
        let mut h = harness(AttributeDef::choice("kind", &["count", "money"]), "");
        h.get_by_label("Kind").click();
        h.run();
        h.get_by_label("money").click();
        h.run();
        assert_eq!(h.state(), &("money".to_owned(), true));
    }

    #[test]
    fn a_value_that_is_no_choice_stays_and_is_marked() {
        let mut h = harness(AttributeDef::choice("kind", &["count"]), "lots");
        h.run();
        let combo = h.get_by_label("Kind");
        assert_eq!(
            combo.accesskit_node().value().as_deref(),
            Some("lots (not a choice)")
        );
        assert!(h.query_by_label_contains("is not one of").is_some());
        assert_eq!(h.state(), &("lots".to_owned(), false));
    }

    #[test]
    fn a_date_field_says_what_is_wrong_under_it() {
        let field = AttributeDef {
            name: "when".into(),
            kind: AttributeKind::Date,
        };
        let mut h = harness(field, "");
        h.get_by_label("Kind").click();
        h.run();
        h.get_by_label("Kind").type_text("soon");
        h.run();
        assert_eq!(h.state(), &("soon".to_owned(), true));
        assert!(h.query_by_label_contains("not a date").is_some());
    }
}
