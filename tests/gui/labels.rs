//! The label editor (Ctrl+L): add a label with a key, tag with that key, rename the
//! label (the span follows, the label bar shows the new name), undo, refuse a key
//! that clashes, remove a label that has spans by relabelling them, save.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn labels(w: &Window) -> Vec<(String, Option<char>)> {
    w.h.state()
        .session
        .project()
        .labels
        .iter()
        .map(|l| (l.name.clone(), l.key))
        .collect()
}

fn type_into(w: &mut Window, field: &str, text: &str) {
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
    w.button("Add label");
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
    removes[1].click();
    w.h.run_steps(2);
    assert!(
        w.shows_containing("Label \"claim\" has 1 span."),
        "{:?}",
        w.texts()
    );
    w.button("Relabel 1 span and remove");
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
