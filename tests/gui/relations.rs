//! Linking spans in the window: R on a selected span, then a click on the other span
//! (or Tab to it and Enter); Esc gives up. The inspector lists each link at both ends,
//! goes to the other end and deletes a link, and retypes it where more than one type
//! fits; deleting a span takes its links, and Ctrl+Z brings both back; the project file
//! keeps them. Alt+drag from a span to another links them too.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use spanmark::model::RelationType;

const ARTICLE: &str = "[quote:we lost drones], said [claim:Olena Ivanova] on Monday.";

/// The rows the inspector lists for the selected span's links.
const AT_QUOTE: &str = "→ attributed to “Olena Ivanova”";
const AT_NAME: &str = "← attributed to quote “we lost drones”";

fn click_on(w: &mut Window, needle: &str) {
    w.click_char(w.find(needle) + 1);
}

fn saved_relations(w: &Window) -> Vec<(String, String, String)> {
    let project = w.saved();
    let doc = &project.documents()[0];
    let text = |id| {
        let span = doc.span(id).unwrap();
        doc.slice(span.range).unwrap().to_owned()
    };
    doc.relations()
        .iter()
        .map(|r| (text(r.from), r.kind.clone(), text(r.to)))
        .collect()
}

#[test]
fn r_then_a_click_links_two_spans_and_both_ends_list_the_link() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    click_on(&mut w, "lost");
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    w.key(Key::R);
    assert!(
        w.shows_containing("Linking from quote “we lost drones”"),
        "a hint says how to finish"
    );
    click_on(&mut w, "Olena");
    assert!(!w.shows_containing("Linking from"), "the gesture ended");
    // The quote stays selected and lists its link; its speaker is the name.
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    assert!(w.shows(AT_QUOTE), "{:?}", w.texts());
    w.save();
    assert_eq!(
        saved_relations(&w),
        [(
            "we lost drones".to_owned(),
            "attributed to".to_owned(),
            "Olena Ivanova".to_owned()
        )]
    );
    assert_eq!(
        w.saved().documents()[0].spans()[0].attributes["speaker"],
        "Olena Ivanova"
    );
    let file = std::fs::read_to_string(&w.path).unwrap();
    assert!(file.contains("relations: ["), "{file}");

    // The row goes to the other end, which lists the link from its side.
    w.h.get_by_role_and_label(Role::Button, AT_QUOTE).click();
    w.h.run_steps(3);
    assert!(w.status().starts_with("Span 2: claim"), "{}", w.status());
    assert!(w.shows(AT_NAME), "{:?}", w.texts());

    // Its ✕ deletes the link; Ctrl+Z brings it back.
    w.button(&format!("Delete link {AT_NAME}"));
    assert!(!w.shows(AT_NAME));
    w.save();
    assert!(saved_relations(&w).is_empty());
    w.ctrl(Key::Z);
    click_on(&mut w, "Olena");
    assert!(w.shows(AT_NAME), "{:?}", w.texts());
}

#[test]
fn tab_r_tab_enter_links_from_the_keyboard_and_esc_gives_up() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    // Esc ends the gesture and keeps the selection.
    w.key(Key::R);
    assert!(w.shows_containing("Linking from"));
    w.key(Key::Escape);
    assert!(!w.shows_containing("Linking from"));
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());

    w.key(Key::R);
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 2: claim"), "{}", w.status());
    assert!(w.shows_containing("Linking from"), "Tab keeps the gesture");
    w.key(Key::Enter);
    assert!(!w.shows_containing("Linking from"));
    assert!(w.shows(AT_NAME), "{:?}", w.texts());
    w.save();
    assert_eq!(saved_relations(&w).len(), 1);
}

#[test]
fn deleting_a_linked_span_takes_its_link_and_undo_brings_both_back() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    click_on(&mut w, "lost");
    w.key(Key::R);
    click_on(&mut w, "Olena");
    w.save();
    assert_eq!(saved_relations(&w).len(), 1);

    // Select the name and delete it: the quote lists no link any more.
    click_on(&mut w, "Olena");
    assert!(w.status().starts_with("Span 2: claim"), "{}", w.status());
    w.key(Key::Delete);
    assert!(w.shows("1 of 1 spans"));
    click_on(&mut w, "lost");
    assert!(!w.shows(AT_QUOTE));
    w.save();
    assert!(saved_relations(&w).is_empty());
    assert_eq!(w.saved_spans().len(), 1);

    // One Ctrl+Z: the span and its link.
    w.ctrl(Key::Z);
    assert!(w.shows("2 of 2 spans"));
    click_on(&mut w, "lost");
    assert!(w.shows(AT_QUOTE), "{:?}", w.texts());
    w.save();
    assert_eq!(saved_relations(&w).len(), 1);
    let file = std::fs::read_to_string(&w.path).unwrap();
    assert!(file.contains("relations: ["), "{file}");
}

/// A figure's `kind` is a drop-down in the inspector: a pick is saved at once, one undo
/// step.
#[test]
fn a_figures_kind_is_picked_from_a_drop_down_and_saved() {
    let mut w = Window::open(&[("a.txt", "They lost [figure:270 drones] on Monday.")]);
    click_on(&mut w, "drones");
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());
    w.h.get_by_role_and_label(Role::ComboBox, "kind").click();
    w.h.run_steps(2);
    w.h.get_by_label("count").click();
    w.h.run_steps(2);
    w.save();
    let saved = w.saved();
    assert_eq!(saved.documents()[0].spans()[0].attributes["kind"], "count");
    w.ctrl(Key::Z);
    w.save();
    assert!(
        w.saved().documents()[0].spans()[0]
            .attributes
            .get("kind")
            .is_none()
    );
}

/// A window on `ARTICLE` whose project has a third relation type, *contradicts*, from
/// any span to any span: a quote → claim link may then be either of two types.
fn open_with_contradicts() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    let mut project = spanmark::fixture::project("Test project", &[("a.txt", ARTICLE)]);
    project
        .relation_types
        .push(RelationType::new("contradicts", &[], &[]));
    spanmark::store::save(&project, &path).unwrap();
    let h = crate::harness_with(&path, dir.path().join("data"), |_| {});
    Window { h, dir, path }
}

#[test]
fn a_links_type_is_changed_from_a_drop_down_where_more_than_one_fits() {
    let mut w = open_with_contradicts();
    click_on(&mut w, "lost");
    w.key(Key::R);
    click_on(&mut w, "Olena");
    // Two types fit: a menu asks which.
    w.h.get_by_label("attributed to").click();
    w.h.run_steps(3);
    w.save();
    assert_eq!(saved_relations(&w)[0].1, "attributed to");

    // The row's type is a drop-down; a pick retypes the link, one undo step.
    click_on(&mut w, "lost");
    w.h.get_by_role_and_label(Role::ComboBox, &format!("Type of link {AT_QUOTE}"))
        .click();
    w.h.run_steps(2);
    w.h.get_by_label("contradicts").click();
    w.h.run_steps(3);
    assert!(w.shows("→ contradicts “Olena Ivanova”"), "{:?}", w.texts());
    w.save();
    assert_eq!(
        saved_relations(&w),
        [(
            "we lost drones".to_owned(),
            "contradicts".to_owned(),
            "Olena Ivanova".to_owned()
        )]
    );
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(saved_relations(&w)[0].1, "attributed to");

    // With the default types only one fits a quote → claim link: no drop-down.
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    click_on(&mut w, "lost");
    w.key(Key::R);
    click_on(&mut w, "Olena");
    assert!(w.shows(AT_QUOTE));
    assert!(
        w.h.query_by_role_and_label(Role::ComboBox, &format!("Type of link {AT_QUOTE}"))
            .is_none()
    );
}

#[test]
fn alt_drag_from_a_span_to_another_links_them_and_elsewhere_selects_exactly() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    // From inside the quote to inside the name, Alt held: a link, and no selection.
    let (from, to) = (w.find("lost"), w.find("Ivanova"));
    w.drag_chars(from, to + 2, Modifiers::ALT);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    assert!(w.shows(AT_QUOTE), "{:?}", w.texts());
    w.save();
    assert_eq!(
        saved_relations(&w),
        [(
            "we lost drones".to_owned(),
            "attributed to".to_owned(),
            "Olena Ivanova".to_owned()
        )]
    );
    assert_eq!(w.saved_spans().len(), 2, "nothing was tagged");

    // Ending outside any span, it stays a selection of exactly the characters.
    let start = w.find("lost");
    let end = w.find(", said") + 3;
    w.drag_chars(start, end, Modifiers::ALT);
    let selected = w.h.state().session.selection().unwrap();
    assert_eq!((selected.start.0, selected.end.0), (start, end));
    // Without Alt a drag from span to span selects words, as always.
    w.drag_chars(w.find("lost"), w.find("Olena") + 2, Modifiers::NONE);
    assert!(w.h.state().session.selection().is_some());
    w.save();
    assert_eq!(saved_relations(&w).len(), 1);
}

/// A value a file holds that its field does not allow is kept, said on opening, and
/// shown marked in the inspector.
#[test]
fn a_value_outside_its_field_is_kept_and_said_on_opening() {
    let mut w = Window::open(&[(
        "a.txt",
        "They lost [figure|kind=lots:270 drones] on Monday.",
    )]);
    let said = w.messages();
    assert!(
        said.iter().any(
            |m| m.starts_with("1 value or link does not fit the project's labels")
                && m.contains("\"kind\" \"lots\" is not one of")
        ),
        "{said:?}"
    );
    click_on(&mut w, "drones");
    assert!(w.shows_containing("lots (not a choice)"), "{:?}", w.texts());
    w.ctrl(Key::S);
    assert_eq!(
        w.saved().documents()[0].spans()[0].attributes["kind"],
        "lots"
    );
}
