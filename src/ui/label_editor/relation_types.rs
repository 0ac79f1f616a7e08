//! The label editor's second section, "Relation types": each type's name (renaming it
//! retypes its relations), the labels allowed at its "from" and "to" ends (a checkbox
//! per label; none ticked: any label), how many relations have it, Remove (refused
//! here, with the reason, while relations have it) and a row that adds a type. Every
//! change is one [`RelationCommand`], so one undo step.

use super::FIELD_HEIGHT;
use crate::model::label::is_valid_label_name;
use crate::model::{LabelSet, RelationType};
use crate::session::{Command, RelationCommand, Session};
use crate::shown::quoted;
use egui::{RichText, TextEdit, Ui};

/// The section's drafts: the names being typed, the new type's name.
#[derive(Default)]
pub(super) struct RelationTypes {
    /// Per type: its name as typed, and whether the user is typing it.
    names: Vec<(String, bool)>,
    new: String,
}

impl RelationTypes {
    /// The section; a refusal goes to `refusal`.
    pub(super) fn section_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        out: &mut Vec<Command>,
        refusal: &mut Option<String>,
    ) {
        let project = session.project();
        ui.label(RichText::new("Relation types").strong());
        ui.weak("The labels a link may start from and go to; none ticked: any label.");
        self.names
            .resize_with(project.relation_types.len(), Default::default);
        for (i, t) in project.relation_types.iter().enumerate() {
            let Some(name) = self.names.get_mut(i) else {
                break;
            };
            ui.push_id(("relation type", i), |ui| {
                if let Some(sent) = type_ui(ui, session, name, t, refusal) {
                    out.push(sent.into());
                }
            });
            ui.separator();
        }
        self.new_type_ui(ui, session, out, refusal);
    }

    fn new_type_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        out: &mut Vec<Command>,
        refusal: &mut Option<String>,
    ) {
        let mut add = false;
        ui.horizontal_wrapped(|ui| {
            let name = ui
                .add(
                    TextEdit::singleline(&mut self.new)
                        .hint_text("name, e.g. contradicts")
                        .desired_width(160.0),
                )
                .accessible_name("Name of the new relation type");
            add |= name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            add |= ui.button("Add relation type").clicked();
        });
        if !add {
            return;
        }
        let name = self.new.trim().to_owned();
        if !is_valid_label_name(&name) {
            *refusal = Some("give the new relation type a name".to_owned());
        } else if session.project().relation_type(&name).is_some() {
            *refusal = Some(format!(
                "there is already a relation type {}",
                quoted(&name)
            ));
        } else {
            *refusal = None;
            out.push(RelationCommand::AddType(RelationType::new(&name, &[], &[])).into());
            self.new.clear();
        }
    }
}

/// One type: name, relations, Remove, then its two ends. Returns the command the user
/// asked for.
fn type_ui(
    ui: &mut Ui,
    session: &Session,
    (name, editing): &mut (String, bool),
    t: &RelationType,
    refusal: &mut Option<String>,
) -> Option<RelationCommand> {
    let mut sent = None;
    if !*editing {
        name.clone_from(&t.name);
    }
    let used = session.relation_type_use(&t.name);
    ui.horizontal_wrapped(|ui| {
        let field = ui
            .add_sized([160.0, FIELD_HEIGHT], TextEdit::singleline(name))
            .accessible_name(format!("Name of relation type {}", t.name));
        if field.changed() {
            *editing = true;
        }
        if field.lost_focus() {
            *editing = false;
            let new = name.trim();
            if new != t.name {
                if !is_valid_label_name(new) {
                    *refusal = Some(format!("relation type {} needs a name", quoted(&t.name)));
                } else {
                    *refusal = None;
                    sent = Some(update(
                        t,
                        RelationType {
                            name: new.to_owned(),
                            ..t.clone()
                        },
                    ));
                }
            }
        }
        let s = if used == 1 { "" } else { "s" };
        ui.label(format!("{used} relation{s}"));
        let remove = ui
            .button("Remove")
            .accessible_name(format!("Remove relation type {}", t.name));
        if remove.clicked() {
            if used > 0 {
                *refusal = Some(format!(
                    "relation type {} is used by {used} relation{s}: remove those links first",
                    quoted(&t.name)
                ));
            } else {
                *refusal = None;
                sent = Some(RelationCommand::RemoveType(t.name.clone()));
            }
        }
    });
    let labels = &session.project().labels;
    ui.indent("ends", |ui| {
        for (end, allowed) in [("From", &t.from), ("To", &t.to)] {
            if let Some(ends) = end_ui(ui, labels, end, allowed, &t.name) {
                let changed = if end == "From" {
                    RelationType {
                        from: ends,
                        ..t.clone()
                    }
                } else {
                    RelationType {
                        to: ends,
                        ..t.clone()
                    }
                };
                *refusal = None;
                sent = Some(update(t, changed));
            }
        }
    });
    sent
}

fn update(t: &RelationType, relation_type: RelationType) -> RelationCommand {
    RelationCommand::UpdateType {
        name: t.name.clone(),
        relation_type,
    }
}

/// One end's checkboxes; returns the end's new labels (in the label bar's order) when
/// one is ticked or unticked.
fn end_ui(
    ui: &mut Ui,
    labels: &LabelSet,
    end: &str,
    allowed: &[String],
    type_name: &str,
) -> Option<Vec<String>> {
    let mut toggled = None;
    ui.horizontal_wrapped(|ui| {
        ui.add_sized([36.0, FIELD_HEIGHT], egui::Label::new(end));
        for label in labels.iter() {
            let mut ticked = allowed.contains(&label.name);
            let check = ui
                .checkbox(&mut ticked, label.name.as_str())
                .accessible_name(format!("{end} {} of relation type {type_name}", label.name));
            if check.changed() {
                toggled = Some(label.name.clone());
            }
        }
        if allowed.is_empty() {
            ui.weak("(any label)");
        }
    });
    toggled.map(|name| toggle(labels, allowed, &name))
}

/// `allowed` with `label` ticked or unticked, in the label bar's order.
fn toggle(labels: &LabelSet, allowed: &[String], label: &str) -> Vec<String> {
    labels
        .iter()
        .map(|l| &l.name)
        .filter(|n| (*n == label) != allowed.contains(n))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_keeps_the_label_bar_order() {
        let labels = LabelSet::default();
        let figure = ["figure".to_owned()];
        assert_eq!(toggle(&labels, &figure, "quote"), ["quote", "figure"]);
        assert_eq!(toggle(&labels, &figure, "figure"), Vec::<String>::new());
    }
}
