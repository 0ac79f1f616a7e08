//! The claims desk's settings, in a collapsing section under the list's filters: who
//! publishes the checks ("Published by": a name and an address) and how many of the
//! verdicts, best first, are on the numeric scale. A text field edits a draft (kept in
//! egui's memory while it has the keyboard); Enter or leaving it sends
//! `EditCommand::SetDesk` with the other settings as they are, one undoable edit; Esc
//! leaves it as it was. Picking a scale sends it at once. Under a field, in the error
//! colour, is why the session would refuse what is typed.

use crate::model::desk::Desk;
use crate::session::{Command, EditCommand};
use egui::{Id, Key, TextEdit, Ui};

/// One text field of the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Publisher,
    PublisherUrl,
}

impl Field {
    /// The field's accessible name (and the text beside it).
    fn name(self) -> &'static str {
        match self {
            Field::Publisher => "Published by",
            Field::PublisherUrl => "Publisher URL",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Field::Publisher => "organisation",
            Field::PublisherUrl => "https://…",
        }
    }

    fn hover(self) -> &'static str {
        match self {
            Field::Publisher => {
                "The organisation publishing the fact checks (ClaimReview's author)"
            }
            Field::PublisherUrl => "Its web address",
        }
    }

    fn get(self, desk: &Desk) -> &str {
        match self {
            Field::Publisher => &desk.publisher,
            Field::PublisherUrl => &desk.publisher_url,
        }
    }

    fn set(self, desk: &mut Desk, text: &str) {
        let value = text.to_owned();
        match self {
            Field::Publisher => desk.publisher = value,
            Field::PublisherUrl => desk.publisher_url = value,
        }
    }
}

/// The "Desk settings" section of the desk; `verdicts` is the project's scale.
pub(super) fn settings_ui(ui: &mut Ui, desk: &Desk, verdicts: &[String], out: &mut Vec<Command>) {
    let id = Id::unique("spanmark-desk-settings");
    let ctx = ui.ctx().clone();
    let state = egui::collapsing_header::CollapsingState::load_with_default_open(&ctx, id, false);
    let mut clicked = false;
    let mut header = state.show_header(ui, |ui| {
        let summary = if desk.publisher.is_empty() {
            "Desk settings".to_owned()
        } else {
            format!("Desk settings: {}", desk.publisher)
        };
        // The name opens and closes the section too, not only the arrow.
        clicked = ui
            .add(egui::Button::new(summary).frame(false).truncate())
            .on_hover_text("Who publishes the checks, and the numeric rating scale")
            .clicked();
    });
    // The arrow (its id is the section's) is a stop of the keyboard too: name it.
    ctx.accesskit_node_builder(id, |node| {
        node.set_role(egui::accesskit::Role::DisclosureTriangle);
        node.set_label("Show or hide the desk settings");
    });
    if clicked {
        header.toggle();
    }
    header.body(|ui| {
        for field in [Field::Publisher, Field::PublisherUrl] {
            ui.label(field.name());
            field_ui(ui, desk, field, out);
        }
        scale_ui(ui, desk, verdicts, out);
    });
}

/// One text field, as wide as there is room.
fn field_ui(ui: &mut Ui, desk: &Desk, field: Field, out: &mut Vec<Command>) {
    let draft_id = Id::unique(("spanmark-desk-draft", field));
    let stored = field.get(desk).to_owned();
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| stored.clone());
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .hint_text(field.hint())
                .desired_width(ui.available_width())
                .id_salt(("desk", field)),
        )
        .accessible_name(field.name())
        .on_hover_text(field.hover());
    if response.has_focus()
        && let Some(why) = problem(desk, field, &text)
    {
        crate::ui::attribute_field::problem_ui(ui, &why);
    }
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(draft_id));
        // Esc leaves the field as it was.
        let escaped = ui.input(|i| i.key_pressed(Key::Escape));
        if !escaped && text != stored {
            let mut changed = desk.clone();
            field.set(&mut changed, &text);
            out.push(EditCommand::SetDesk(changed).into());
        }
    } else if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    }
}

/// Why the session would refuse `text` in `field`, if it would.
fn problem(desk: &Desk, field: Field, text: &str) -> Option<String> {
    let mut desk = desk.clone();
    field.set(&mut desk, text);
    desk.cleaned().problems().into_iter().next()
}

/// How many verdicts, from the best, are rated: a drop-down of 0 to all of them.
fn scale_ui(ui: &mut Ui, desk: &Desk, verdicts: &[String], out: &mut Vec<Command>) {
    ui.label("Numeric scale");
    let rated = desk.rated_verdicts.min(verdicts.len());
    let mut picked = rated;
    egui::ComboBox::from_id_salt("desk-rated-verdicts")
        .selected_text(scale_name(verdicts, rated))
        .width(ui.available_width())
        .truncate()
        .show_ui(ui, |ui| {
            for n in (0..=verdicts.len()).rev() {
                ui.selectable_value(&mut picked, n, scale_name(verdicts, n));
            }
        })
        .response
        .on_hover_text(
            "How many verdicts, best first, get a rating number when checks are published; \
             the others are published by name only",
        )
        .accessible_name("Numeric scale");
    if picked != rated {
        out.push(
            EditCommand::SetDesk(Desk {
                rated_verdicts: picked,
                ..desk.clone()
            })
            .into(),
        );
    }
}

/// `first 5: true … false`, `none: verdicts by name only`.
fn scale_name(verdicts: &[String], rated: usize) -> String {
    match rated {
        0 => "none: verdicts by name only".to_owned(),
        1 => format!("first 1: {}", verdicts[0]),
        n => format!("first {n}: {} … {}", verdicts[0], verdicts[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_named_by_its_ends() {
        let verdicts: Vec<String> = ["true", "half true", "false", "misleading"]
            .map(String::from)
            .to_vec();
        assert_eq!(scale_name(&verdicts, 3), "first 3: true … false");
        assert_eq!(scale_name(&verdicts, 1), "first 1: true");
        assert_eq!(scale_name(&verdicts, 0), "none: verdicts by name only");
    }

    #[test]
    fn a_publisher_address_that_is_no_url_says_why() {
        let desk = Desk::default();
        assert!(problem(&desk, Field::PublisherUrl, "acme").is_some());
        assert!(problem(&desk, Field::PublisherUrl, " https://acme.example/ ").is_none());
        assert!(problem(&desk, Field::Publisher, "Acme Fact Check").is_none());
    }
}
