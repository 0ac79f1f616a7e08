//! The label editor (Ctrl+L): add a label with a key, tag with that key, rename the
//! label (the span follows, the label bar shows the new name), undo, refuse a key
//! that clashes, remove a label that has spans by relabelling them, save; give a label
//! typed fields (a choice and its values, a type changed, a field removed, each one
//! undo step, bad ones refused); add, restrict, rename and remove relation types.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use spanmark::model::{AttributeDef, AttributeKind, RelationType};

fn labels(w: &Window) -> Vec<(String, Option<char>)> {
    w.h.state()
        .session
        .project()
        .labels
        .iter()
        .map(|l| (l.name.clone(), l.key))
        .collect()
}

/// Presses button `label`, scrolled into view first as a user would: with the
/// default labels' fields the editor is taller than its window.
fn press(w: &mut Window, label: &str) {
    w.h.get_by_role_and_label(Role::Button, label)
        .scroll_to_me();
    w.h.run_steps(20);
    w.button(label);
}

fn type_into(w: &mut Window, field: &str, text: &str) {
    w.field(field).scroll_to_me();
    w.h.run_steps(20);
    w.field(field).click();
    w.h.run_steps(1);
    w.h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    w.h.run_steps(1);
    w.field(field).type_text(text);
    w.h.run_steps(1);
}

#[test]
fn define_tag_rename_undo_and_remove_labels_in_the_editor() {
    let mut w = Window::open(&[("a.txt", "He said [claim:we will win] today, Olena wrote.")]);
    w.ctrl(Key::L);
    assert!(w.shows("Name of the new label"), "the editor is open");

    // Add "person" with key P: one undo step, the next Okabe–Ito colour.
    type_into(&mut w, "Name of the new label", "person");
    type_into(&mut w, "Key of the new label", "p");
    press(&mut w, "Add label");
    let person = w.h.state().session.project().labels.get("person").cloned();
    let person = person.expect("person added");
    assert_eq!((person.key, person.color.as_str()), (Some('p'), "#CC79A7"));

    // A key the command table has is refused, with the reason.
    type_into(&mut w, "Key of label person", "n");
    assert!(
        w.shows_containing("the key N is taken by the command \"Next suggestion\""),
        "{:?}",
        w.texts()
    );
    assert_eq!(labels(&w)[3], ("person".to_owned(), Some('p')));

    // Close the editor, tag "Olena" with P.
    w.ctrl(Key::L);
    w.drag_over("Olena");
    w.key(Key::P);
    let spans = |w: &Window| -> Vec<(String, u64)> {
        let doc = w.h.state().session.document().unwrap();
        doc.spans()
            .iter()
            .map(|s| (s.label.clone(), s.id.0))
            .collect()
    };
    assert!(
        spans(&w).iter().any(|(l, _)| l == "person"),
        "{:?}",
        spans(&w)
    );

    // Rename it: the span follows, the label bar shows the new name.
    w.ctrl(Key::L);
    type_into(&mut w, "Name of label person", "speaker");
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert!(
        spans(&w).iter().any(|(l, _)| l == "speaker"),
        "{:?}",
        spans(&w)
    );
    assert!(
        w.shows_containing("speaker  P"),
        "label bar: {:?}",
        w.texts()
    );
    // Undo: back to "person", span and all.
    w.ctrl(Key::L);
    w.ctrl(Key::Z);
    assert!(
        spans(&w).iter().any(|(l, _)| l == "person"),
        "{:?}",
        spans(&w)
    );
    assert!(w.shows_containing("person  P"));
    assert!(!w.shows_containing("speaker  P"));

    // Remove "claim", which has a span: the editor asks, the span becomes a quote.
    w.ctrl(Key::L);
    let removes: Vec<_> =
        w.h.query_all_by_role_and_label(Role::Button, "Remove")
            .collect();
    removes[1].scroll_to_me();
    w.h.run_steps(20);
    let removes: Vec<_> =
        w.h.query_all_by_role_and_label(Role::Button, "Remove")
            .collect();
    removes[1].click();
    w.h.run_steps(2);
    assert!(
        w.shows_containing("Label \"claim\" has 1 span."),
        "{:?}",
        w.texts()
    );
    press(&mut w, "Relabel 1 span and remove");
    assert_eq!(
        labels(&w)
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["quote", "figure", "person"]
    );
    w.save();
    let saved = w.saved();
    assert!(!saved.labels.contains("claim"));
    assert_eq!(
        saved.labels.get("person").map(|l| (l.key, l.color.clone())),
        Some((Some('p'), "#CC79A7".to_owned()))
    );
    assert_eq!(
        w.saved_spans(),
        [
            ("quote".to_owned(), "we will win".to_owned()),
            ("person".to_owned(), "Olena".to_owned())
        ]
    );
    // One undo step brings the claim back.
    w.ctrl(Key::Z);
    assert!(spans(&w).iter().any(|(l, _)| l == "claim"));
}

/// Picks `option` from the drop-down named `combo`.
fn pick(w: &mut Window, combo: &str, option: &str) {
    w.h.get_by_role_and_label(Role::ComboBox, combo)
        .scroll_to_me();
    w.h.run_steps(20);
    w.h.get_by_role_and_label(Role::ComboBox, combo).click();
    w.h.run_steps(2);
    w.h.get_by_label(option).click();
    w.h.run_steps(2);
}

#[test]
fn a_label_with_a_choice_field_tags_renames_and_undoes() {
    let mut w = Window::open(&[("a.txt", "He said [claim:we will win] today, Olena wrote.")]);
    w.ctrl(Key::L);
    type_into(&mut w, "Name of the new label", "person");
    type_into(&mut w, "Key of the new label", "p");
    press(&mut w, "Add label");

    // A field: "role", a choice. Without values, or without a name, it is refused.
    press(&mut w, "Add a field to label person");
    pick(&mut w, "Type of the new field of label person", "choice");
    type_into(&mut w, "Name of the new field of label person", "role");
    press(&mut w, "Add the new field to label person");
    assert!(
        w.shows_containing("person: field \"role\": a choice needs at least one value"),
        "{:?}",
        w.texts()
    );
    type_into(
        &mut w,
        "Values of the new field of label person",
        "speaker, subject,",
    );
    press(&mut w, "Add the new field to label person");
    let person = w.h.state().session.project().labels.get("person").cloned();
    let person = person.expect("person added");
    assert_eq!(person.key, Some('p'));
    assert_eq!(
        person.attributes,
        [AttributeDef::choice("role", &["speaker", "subject"])]
    );
    // The field is a row of its own now, its type a drop-down.
    let kind = w.h.get_by_label("Type of field role of label person");
    assert_eq!(kind.accesskit_node().value().as_deref(), Some("choice"));
    assert!(w.shows("speaker, subject"), "{:?}", w.texts());

    // Tag "Olena" by the key.
    w.ctrl(Key::L);
    w.drag_over("Olena");
    w.key(Key::P);
    let spans = |w: &Window| -> Vec<String> {
        let doc = w.h.state().session.document().unwrap();
        doc.spans().iter().map(|s| s.label.clone()).collect()
    };
    assert_eq!(spans(&w), ["claim", "person"]);

    // Rename the label: the span follows, the label bar and the saved file say so.
    w.ctrl(Key::L);
    type_into(&mut w, "Name of label person", "source");
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert_eq!(spans(&w), ["claim", "source"]);
    assert!(w.shows_containing("source  P"), "{:?}", w.texts());
    assert!(w.shows("Name of field role of label source"));
    w.save();
    assert_eq!(
        w.saved_spans(),
        [
            ("claim".to_owned(), "we will win".to_owned()),
            ("source".to_owned(), "Olena".to_owned())
        ]
    );
    let saved = w.saved();
    assert_eq!(
        saved.labels.get("source").map(|l| l.attributes.clone()),
        Some(vec![AttributeDef::choice("role", &["speaker", "subject"])])
    );

    // Ctrl+Z undoes the rename only: "person" again, with its field and its span.
    w.ctrl(Key::L);
    w.ctrl(Key::Z);
    assert_eq!(spans(&w), ["claim", "person"]);
    assert!(w.shows_containing("person  P"));
    assert!(!w.shows_containing("source  P"));
    w.save();
    assert_eq!(
        w.saved_spans()[1],
        ("person".to_owned(), "Olena".to_owned())
    );
    assert_eq!(
        w.saved().labels.get("person").map(|l| l.attributes.len()),
        Some(1)
    );
}

#[test]
fn fields_change_type_and_go_one_step_each() {
    let mut w = Window::open(&[("a.txt", "Prices rose [figure:12%].")]);
    w.ctrl(Key::L);
    let kind = |w: &Window| {
        let labels = &w.h.state().session.project().labels;
        labels.get("figure").map(|l| l.attributes.clone()).unwrap()
    };
    // A duplicate name is refused and the row shows the field's name again.
    press(&mut w, "Add a field to label figure");
    type_into(&mut w, "Name of the new field of label figure", "kind");
    press(&mut w, "Add the new field to label figure");
    assert!(w.shows_containing("there is already a field \"kind\""));
    press(&mut w, "Cancel");
    // The type: choice → number, one step; a blank name is refused.
    pick(&mut w, "Type of field kind of label figure", "number");
    assert_eq!(kind(&w)[0].kind, AttributeKind::Number);
    assert!(!w.shows("Values of field kind of label figure"));
    type_into(&mut w, "Name of field kind of label figure", " ");
    w.key(Key::Enter);
    assert!(
        w.shows_containing("figure: a field needs a name"),
        "{:?}",
        w.texts()
    );
    assert_eq!(kind(&w)[0].name, "kind");
    press(&mut w, "Remove field kind of label figure");
    // Only the figure's value field is left.
    let left: Vec<String> = kind(&w).into_iter().map(|f| f.name).collect();
    assert_eq!(left, ["value"]);
    w.ctrl(Key::L);
    w.ctrl(Key::Z);
    assert_eq!(kind(&w)[0].kind, AttributeKind::Number);
    w.ctrl(Key::Z);
    assert_eq!(kind(&w)[0].kind.name(), "choice");
}

/// Ticks (or unticks) the checkbox named `name`.
fn tick(w: &mut Window, name: &str) {
    wheel_to(w, name);
    w.h.get_by_label(name).click();
    w.h.run_steps(2);
}

/// Turns the wheel over the editor until the widget named `name` is in its view.
fn wheel_to(w: &mut Window, name: &str) {
    for _ in 0..30 {
        let bottom = w.h.get_by_label("Resize window bottom edge").rect();
        let target = w.h.get_by_label(name).rect();
        if target.bottom() < bottom.top() - 4.0 {
            break;
        }
        w.h.hover_at(egui::pos2(bottom.center().x, bottom.top() - 60.0));
        w.h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -100.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        w.h.run_steps(4);
    }
    w.h.remove_cursor();
    w.h.run_steps(20);
}

#[test]
fn relation_types_are_added_restricted_renamed_and_removed_in_the_editor() {
    let mut w = Window::open(&[("a.txt", "He said [claim:we will win] today.")]);
    let types = |w: &Window| w.h.state().session.project().relation_types.clone();
    w.ctrl(Key::L);
    assert!(w.shows("Relation types"));
    wheel_to(&mut w, "Add relation type");
    type_into(&mut w, "Name of the new relation type", "contradicts");
    press(&mut w, "Add relation type");
    assert_eq!(types(&w)[3], RelationType::new("contradicts", &[], &[]));
    tick(&mut w, "From claim of relation type contradicts");
    tick(&mut w, "To quote of relation type contradicts");
    tick(&mut w, "To claim of relation type contradicts");
    assert_eq!(
        types(&w)[3],
        RelationType::new("contradicts", &["claim"], &["quote", "claim"])
    );
    type_into(&mut w, "Name of relation type contradicts", "disputes");
    w.key(Key::Enter);
    assert_eq!(types(&w)[3].name, "disputes");
    press(&mut w, "Remove relation type disputes");
    assert_eq!(types(&w).len(), 3);
    w.save();
    assert_eq!(w.saved().relation_types, RelationType::defaults());
}
