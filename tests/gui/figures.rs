//! A figure tagged in the window shows the value and kind read from its text in the
//! inspector, and the value can be corrected there (one undo step); a value the reader
//! cannot read is refused as typed.

use crate::Window;
use egui::{Key, Modifiers};

fn value_of(w: &Window) -> Option<String> {
    w.saved().documents()[0].spans()[0]
        .attributes
        .get("value")
        .cloned()
}

#[test]
fn a_figures_suggested_value_is_shown_and_can_be_corrected() {
    let mut w = Window::open(&[("a.txt", "Officials counted 270 drones overnight.")]);
    w.drag_over("270 drones");
    w.key(Key::F);
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());
    // The value and kind the text says, in the inspector.
    let shown = w.field("value").value().unwrap_or_default();
    assert_eq!(shown, "270 drone");
    w.save();
    assert_eq!(value_of(&w).as_deref(), Some("270 drone"));
    assert_eq!(
        w.saved().documents()[0].spans()[0].attributes["kind"],
        "count"
    );
    // Corrected by hand: Enter stores it.
    w.field("value").click();
    w.h.run_steps(1);
    w.h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    w.field("value").type_text("280 drone");
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.save();
    assert_eq!(value_of(&w).as_deref(), Some("280 drone"));
    // Something the reader cannot read is refused, and the stored value stays.
    w.field("value").click();
    w.h.run_steps(1);
    w.h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    w.field("value").type_text("lots of drones");
    w.h.run_steps(1);
    w.key(Key::Enter);
    assert!(
        w.messages()
            .iter()
            .any(|m| m.contains("is not a figure value")),
        "{:?}",
        w.messages()
    );
    w.save();
    assert_eq!(value_of(&w).as_deref(), Some("280 drone"));
    // One undo step brings the read value back.
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(value_of(&w).as_deref(), Some("270 drone"));
}
