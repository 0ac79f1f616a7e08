//! Selecting text with the mouse and tagging it: by key, label button and context menu;
//! word and grapheme snapping; drags across paragraphs; clicking spans.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const ARTICLE: &str = "Zelensky said we will win the war. Russia launched 270 drones overnight. Prices rose 40% in March.";

#[test]
fn drag_then_tag_by_key_by_label_button_and_by_context_menu() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    assert_eq!(w.status(), "Selected 14–25 (11 characters): we will win");
    w.key(Key::Q);
    assert!(
        w.status().starts_with("Span 1: quote 14–25"),
        "{}",
        w.status()
    );
    assert!(w.shows("we will win"), "the span list shows the new span");

    w.drag_over("270 drones");
    w.button("figure  F / 3");
    assert!(w.shows("270 drones"));

    w.drag_over("Prices rose 40%");
    let at = w.char_pos(w.find("rose")).center();
    w.h.hover_at(at);
    w.press_release(at, egui::PointerButton::Secondary);
    w.h.run_steps(2);
    w.h.get_by_role_and_label(Role::Button, "Tag as claim C / 2")
        .click();
    w.h.run_steps(2);
    assert!(w.shows("Prices rose 40%"));

    w.save();
    assert_eq!(
        w.saved_spans(),
        [
            ("quote".to_owned(), "we will win".to_owned()),
            ("figure".to_owned(), "270 drones".to_owned()),
            ("claim".to_owned(), "Prices rose 40%".to_owned()),
        ]
    );
}

#[test]
fn a_partial_drag_snaps_to_words_and_alt_keeps_it_exact() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    let start = w.find("elensky");
    w.drag_chars(start, start + 3, Modifiers::NONE);
    assert_eq!(w.status(), "Selected 0–8 (8 characters): Zelensky");
    w.key(Key::Escape);
    w.drag_chars(start, start + 3, Modifiers::ALT);
    assert_eq!(w.status(), "Selected 1–4 (3 characters): ele");
    w.key(Key::C);
    w.save();
    assert_eq!(w.saved_spans(), [("claim".to_owned(), "ele".to_owned())]);
}

#[test]
fn double_click_selects_a_word() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    let at = w.char_pos(w.find("launched") + 2).center();
    w.h.hover_at(at);
    w.h.run_steps(1);
    for _ in 0..2 {
        w.press_release(at, egui::PointerButton::Primary);
        w.h.run_steps(1);
    }
    w.h.run_steps(1);
    assert_eq!(w.status(), "Selected 42–50 (8 characters): launched");
}

#[test]
fn a_drag_across_two_paragraphs_keeps_the_line_breaks_between() {
    let mut w = Window::open(&[(
        "a.txt",
        "The first paragraph ends here.\r\n\r\nThe second one starts here.",
    )]);
    let start = w.find("ends");
    let end = w.find("second") + "second".len();
    w.drag_chars(start, end, Modifiers::NONE);
    w.key(Key::C);
    w.save();
    assert_eq!(
        w.saved_spans(),
        [(
            "claim".to_owned(),
            "ends here.\r\n\r\nThe second".to_owned()
        )]
    );
}

/// The span saved is exactly what the user dragged over, however many emoji, flags and
/// combining marks come before it.
#[test]
fn emoji_before_the_selection_do_not_shift_the_span() {
    let text = "👋🏽🇺🇦 Zoe\u{308} said: «we will win» 😀 — 習近平 🇬🇧 then “270 drones” fell.";
    let mut w = Window::open(&[("emoji.txt", text)]);
    for (needle, key, label) in [
        ("we will win", Key::Q, "quote"),
        ("270 drones", Key::F, "figure"),
    ] {
        let start = w.find(needle);
        let end = start + needle.chars().count();
        w.drag_chars(start, end, Modifiers::NONE);
        w.key(key);
        w.save();
        let project = w.saved();
        let doc = &project.documents()[0];
        let span = doc.spans().iter().find(|s| s.label == label).unwrap();
        // Python: text.index(needle) and len(needle), in code points.
        assert_eq!((span.range.start.0, span.range.end.0), (start, end));
        assert_eq!(doc.slice(span.range), Some(needle));
    }
    // Python's text.index: the code-point offsets the export promises.
    assert_eq!((w.find("we will win"), w.find("270 drones")), (17, 47));
}

#[test]
fn clicking_a_highlight_selects_it_and_repeated_clicks_cycle_overlaps() {
    let mut w = Window::open(&[(
        "a.txt",
        "He said [quote:we will see [figure:270 drones] fall] today.",
    )]);
    let inside = w.find("270") + 1;
    w.click_char(inside);
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());
    w.click_char(inside);
    assert!(w.status().starts_with("Span 2: quote"), "{}", w.status());
    w.click_char(inside);
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());
    // Clicking plain text clears the selection.
    w.click_char(1);
    assert!(w.status().starts_with("Drag over text"), "{}", w.status());
    // Tab and Shift+Tab walk the spans in order.
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 2: quote"), "{}", w.status());
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());
    w.h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    w.h.run_steps(2);
    assert!(w.status().starts_with("Span 2: quote"), "{}", w.status());
}

#[test]
fn hovering_lists_every_span_under_the_pointer() {
    let mut w = Window::open(&[(
        "a.txt",
        "He said [claim:[quote|speaker=Olena:we saw [figure:270 drones]]] today.",
    )]);
    let at = w.char_pos(w.find("270") + 1).center();
    w.h.hover_at(at);
    w.h.run_steps(90);
    // The tooltip's own texts: the labels and span texts are on screen elsewhere too
    // (the Suggest checkboxes, the span list).
    let tooltip = w.tooltip_texts();
    for text in [
        "claim",
        "quote",
        "figure",
        "we saw 270 drones",
        "270 drones",
        "— Olena",
    ] {
        assert!(
            tooltip.iter().any(|t| t == text),
            "{text:?} not in the hover list: {tooltip:?}"
        );
    }
    // Only what is under the pointer: "He said" is in no span there.
    assert!(
        !tooltip.iter().any(|t| t.contains("He said")),
        "{tooltip:?}"
    );
}

#[test]
fn dragging_past_the_bottom_edge_scrolls_and_extends_the_selection() {
    let mut article = String::new();
    for i in 0..80 {
        article += &format!("Line {i} of a long report about drones and ceasefires.\n");
    }
    let mut w = Window::open(&[("long.txt", &article)]);
    let start = w.find("Line 2 ");
    let from = w.char_pos(start);
    let viewport = w.h.state().article.viewport();
    let below = egui::pos2(from.center().x, viewport.bottom() + 30.0);
    w.h.hover_at(from.left_center());
    w.h.run_steps(1);
    w.h.event(egui::Event::PointerButton {
        pos: from.left_center(),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    w.h.run_steps(1);
    for _ in 0..40 {
        w.h.hover_at(below);
        w.h.run_steps(1);
    }
    w.h.event(egui::Event::PointerButton {
        pos: below,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    w.h.run_steps(2);
    let selection = w.h.state().session.selection().expect("a selection");
    let last_visible_before = w.find("Line 22 ");
    assert_eq!(selection.start.0, start);
    assert!(
        selection.end.0 > last_visible_before,
        "the view scrolled while dragging: {selection:?}"
    );
}

#[test]
fn a_drag_over_an_amount_keeps_its_currency_and_percent_signs() {
    let mut w = Window::open(&[(
        "a.txt",
        "Aid worth $90 billion arrived; prices rose 40% since.",
    )]);
    // From inside "90" to inside "billion", as a hand that starts a little late does.
    let start = w.find("90") + 1;
    w.drag_chars(start, w.find("billion") + 3, Modifiers::NONE);
    assert_eq!(w.status(), "Selected 10–21 (11 characters): $90 billion");
    w.key(Key::F);
    let start = w.find("40");
    w.drag_chars(start, start + 1, Modifiers::NONE);
    assert_eq!(w.status(), "Selected 43–46 (3 characters): 40%");
    w.key(Key::F);
    w.save();
    assert_eq!(
        w.saved_spans(),
        [
            ("figure".to_owned(), "$90 billion".to_owned()),
            ("figure".to_owned(), "40%".to_owned()),
        ]
    );
}
