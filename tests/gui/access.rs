//! The article through the accessibility tree, as a screen reader gets it: the text in
//! view (a document of labelled lines), a named node per span in view, and the
//! selection; and a screen reader's own requests (activate a span, set the selection).

use crate::Window;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

const ARTICLE: &str = "Drones over Kyiv\n\nHe said [quote|speaker=Olena:we will win] and [figure:270 drones] fell.\nThe mayor disagreed.\n";

#[test]
fn the_accessibility_tree_holds_the_article_text_its_spans_and_the_selection() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);

    // The article is a document whose text is the lines in view, each ending its line.
    let text = {
        let article = w.h.get_by_role_and_label(Role::Document, "Article text");
        article.accesskit_node().document_range().text()
    };
    assert_eq!(
        text,
        "Drones over Kyiv\nHe said we will win and 270 drones fell.\nThe mayor disagreed.\n"
    );
    // Each line is a label of its own, as egui's labels are.
    let line = w.h.get_by_label("He said we will win and 270 drones fell.");
    assert_eq!(line.accesskit_node().role(), Role::Label);

    // A node per span, named by label and text; a quote's speaker describes it.
    let quote = w.h.get_by_role_and_label(Role::Mark, "quote: we will win");
    assert_eq!(
        quote.accesskit_node().description().as_deref(),
        Some("speaker: Olena")
    );
    assert_eq!(quote.accesskit_node().is_selected(), Some(false));
    let figure = w.h.get_by_role_and_label(Role::Mark, "figure: 270 drones");
    let (rect, drawn) = (figure.rect(), w.char_pos(w.find("270 drones")));
    assert!(rect.width() > 10.0, "placed over its text: {rect:?}");
    assert_eq!((rect.top(), rect.bottom()), (drawn.top(), drawn.bottom()));

    // The selection: dragged over text, it is the article's text selection.
    w.drag_over("The mayor");
    let selected = |w: &Window| {
        let article = w.h.get_by_role_and_label(Role::Document, "Article text");
        article
            .accesskit_node()
            .text_selection()
            .map(|range| range.text())
    };
    assert_eq!(selected(&w).as_deref(), Some("The mayor"));
    // Tab selects the first span: its node is selected, and so is its text.
    w.key(Key::Escape);
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    let quote = w.h.get_by_role_and_label(Role::Mark, "quote: we will win");
    assert_eq!(quote.accesskit_node().is_selected(), Some(true));
    assert_eq!(selected(&w).as_deref(), Some("we will win"));

    // Activating a span's node, as a screen reader does, selects that span.
    w.h.get_by_role_and_label(Role::Mark, "figure: 270 drones")
        .click_accesskit();
    w.h.run_steps(2);
    assert!(w.status().starts_with("Span 2: figure"), "{}", w.status());
    assert_eq!(selected(&w).as_deref(), Some("270 drones"));
}

#[test]
fn only_the_lines_in_view_are_given_and_suggestions_are_named_as_such() {
    let mut article = String::new();
    for i in 0..300 {
        article += &format!("Line {i} says officials counted {i} drones overnight.\n");
    }
    let mut w = Window::open(&[("long.txt", &article)]);
    let text = {
        let node = w.h.get_by_role_and_label(Role::Document, "Article text");
        node.accesskit_node().document_range().text()
    };
    assert!(text.starts_with("Line 0 says"), "{text:.80}");
    let lines = text.lines().count();
    assert!((10..60).contains(&lines), "{lines} lines given");
    assert!(!text.contains("Line 299 "));

    // The end, after Ctrl+End: its lines, and not the first ones.
    w.ctrl(Key::End);
    w.h.run_steps(6);
    let text = {
        let node = w.h.get_by_role_and_label(Role::Document, "Article text");
        node.accesskit_node().document_range().text()
    };
    assert!(text.contains("Line 299 says"), "{text:.80}");
    assert!(!text.contains("Line 0 says"));

    // Suggestions in view are nodes too, the selected one selected.
    w.h.get_by_label("figure").click();
    w.h.run_steps(4);
    let named: Vec<(String, Option<bool>)> =
        w.h.query_all_by_role(Role::Mark)
            .filter_map(|n| {
                let node = n.accesskit_node();
                Some((node.label()?, node.is_selected()))
            })
            .filter(|(label, _)| label.starts_with("suggested figure: "))
            .collect();
    assert!(
        named
            .iter()
            .any(|(l, _)| l == "suggested figure: 299 drones"),
        "{named:?}"
    );
}
