//! No jumps, no lost clicks: the article scrolls only to bring into view what is not
//! in view (undo and redo, Tab, N, a row of the span list; Ctrl+Home/End still go to
//! the very top and bottom), and one click on a suggestion accepts it, as the
//! suggestions bar says.

use crate::Window;
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::kittest::Queryable;
use spanmark::model::CharOffset;

/// 200 lines, each "Line N says officials counted N drones overnight."
fn long_article() -> String {
    let mut text = String::new();
    for i in 0..200 {
        text += &format!("Line {i} says officials counted {i} drones overnight.\n");
    }
    text
}

/// Turns the wheel by `points` over the article and lets the view come to rest.
fn wheel(w: &mut Window, points: f32) {
    let middle = w.h.state().article.viewport().center();
    w.h.hover_at(middle);
    for _ in 0..(points / 100.0).ceil() as usize {
        w.h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -100.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        w.h.run_steps(1);
    }
    w.h.remove_cursor();
    w.h.run_steps(40);
}

fn offset(w: &Window) -> f32 {
    w.h.state().article.scroll_offset()
}

/// Is code point `at` drawn wholly inside the visible part of the article?
fn in_view(w: &Window, at: usize) -> bool {
    let article = &w.h.state().article;
    article
        .char_rect(CharOffset(at))
        .is_some_and(|r| article.viewport().contains_rect(r))
}

/// The first line "Line N says" drawn in view below the top `share` of the view.
fn line_in_view(w: &Window, share: f32) -> usize {
    let view = w.h.state().article.viewport();
    let below = view.top() + view.height() * share;
    (0..200)
        .find(|i| {
            let at = w.find(&format!("Line {i} says"));
            w.h.state()
                .article
                .char_rect(CharOffset(at))
                .is_some_and(|r| r.top() > below && view.contains_rect(r))
        })
        .expect("a line in view")
}

#[test]
fn undo_and_redo_of_a_span_in_view_leave_the_view_where_it_is() {
    let mut w = Window::open(&[("long.txt", &long_article())]);
    wheel(&mut w, 1500.0);
    let before = offset(&w);
    assert!(before > 1000.0, "scrolled down: {before}");
    // A span in the middle of the view, tagged, relabelled, deleted.
    let line = line_in_view(&w, 0.5);
    w.drag_over(&format!("{line} drones"));
    w.key(Key::F);
    w.key(Key::C);
    w.key(Key::Delete);
    assert_eq!(offset(&w), before);
    // Each undo brings back the span (and selects it) where it is: nothing moves.
    for step in ["delete", "relabel", "tag"] {
        w.ctrl(Key::Z);
        w.h.run_steps(6);
        assert_eq!(offset(&w), before, "undo of the {step} moved the view");
    }
    for step in ["tag", "relabel"] {
        w.ctrl_shift(Key::Z);
        w.h.run_steps(6);
        assert_eq!(offset(&w), before, "redo of the {step} moved the view");
    }
    // Tab to that span (the only one), in view: still nothing moves.
    w.key(Key::Escape);
    w.key(Key::Tab);
    w.h.run_steps(6);
    assert!(w.status().starts_with("Span "), "{}", w.status());
    assert_eq!(offset(&w), before);
    // Nor does a click on its row in the span list.
    w.h.get_all_by_label(&format!("{line} drones"))
        .next()
        .unwrap()
        .click();
    w.h.run_steps(6);
    assert_eq!(offset(&w), before);
}

#[test]
fn undo_far_from_the_view_scrolls_to_the_span_and_the_edges_are_reached() {
    let mut w = Window::open(&[("long.txt", &long_article())]);
    // A span near the top, relabelled; then to the end of the article.
    w.drag_over("3 drones");
    w.key(Key::F);
    w.key(Key::C);
    w.ctrl(Key::End);
    w.h.run_steps(6);
    let end = offset(&w);
    assert!(end > 3000.0, "at the end: {end}");
    let last = w.text().trim_end().chars().count() - 1;
    assert!(in_view(&w, last), "the last line is in view");
    // The very end: the wheel takes it no further.
    wheel(&mut w, 300.0);
    assert_eq!(offset(&w), end, "scrolled to the very end");

    // Undo of the relabel: the span is far away, so the view goes to it.
    w.ctrl(Key::Z);
    w.h.run_steps(8);
    let span = w.find("3 drones");
    assert!(in_view(&w, span), "the undone span is shown");
    assert!(offset(&w) < end);

    // Ctrl+Home goes to the very top even when the start is almost in view.
    wheel(&mut w, 30.0);
    assert!(offset(&w) > 0.0);
    w.ctrl(Key::Home);
    w.h.run_steps(6);
    assert_eq!(offset(&w), 0.0);

    // Tab from the top to a span far below: brought into view.
    w.ctrl(Key::End);
    w.h.run_steps(6);
    w.drag_over("195 drones");
    w.key(Key::F);
    w.ctrl(Key::Home);
    w.h.run_steps(6);
    w.key(Key::Escape);
    w.key(Key::Tab);
    w.key(Key::Tab);
    w.h.run_steps(8);
    assert!(w.status().starts_with("Span 2: figure"), "{}", w.status());
    assert!(in_view(&w, w.find("195 drones")));
}

#[test]
fn n_steps_to_a_suggestion_in_view_without_moving_and_to_one_below_by_a_little() {
    let mut w = Window::open(&[("long.txt", &long_article())]);
    w.h.get_by_label("figure").click();
    w.h.run_steps(4);
    // The first suggestion ("0 drones") is selected; N selects the next ones, line by
    // line. One well inside the view moves nothing; one below it comes in by a line.
    let (mut stayed, mut moved) = (0, 0);
    for n in 1..60 {
        // The suggestion N goes to: the one after the selected one.
        let target = {
            let suggestions = w.h.state().session.suggestions();
            let list = suggestions.list();
            let (label, range) = suggestions.selected().unwrap();
            let at = list
                .iter()
                .position(|s| s.label == *label && s.range == *range);
            list[at.unwrap() + 1].range.start.0
        };
        let inside = {
            let article = &w.h.state().article;
            let view = article.viewport().shrink2(egui::vec2(0.0, 60.0));
            article
                .char_rect(CharOffset(target))
                .is_some_and(|r| view.contains_rect(r))
        };
        let before = offset(&w);
        w.key(Key::N);
        w.h.run_steps(6);
        assert!(in_view(&w, target), "suggestion {n} is shown");
        let by = offset(&w) - before;
        if inside {
            assert_eq!(by, 0.0, "N to suggestion {n}, in view, moved the view");
            stayed += 1;
        } else if by != 0.0 {
            assert!(by > 0.0 && by < 100.0, "N to suggestion {n} moved by {by}");
            moved += 1;
        }
    }
    assert!(stayed > 10 && moved > 10, "{stayed} stayed, {moved} moved");
}

#[test]
fn one_click_on_a_suggestion_accepts_it_as_the_bar_says() {
    let text = "Officials counted 270 drones and 40 missiles. Later 12 more came.";
    let mut w = Window::open(&[("a.txt", text)]);
    w.h.get_by_label("figure").click();
    w.h.run_steps(4);
    assert!(w.shows("3 suggestions"), "{:?}", w.texts());
    assert!(w.shows_containing("a click accepts"), "the bar says so");

    // A hand's click on the one that is not selected: press, a frame, release.
    let at = w.char_pos(w.find("40 missiles") + 3).center();
    w.h.hover_at(at);
    w.h.run_steps(3);
    w.h.event(Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    w.h.run_steps(1);
    w.h.event(Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    w.h.run_steps(3);
    assert!(w.shows("2 suggestions"), "accepted at once");
    assert!(w.shows("40 missiles"), "listed as a span");
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());

    // A double-click on another accepts it once and selects no word.
    let at = w.char_pos(w.find("12 more") + 1).center();
    w.h.hover_at(at);
    w.h.run_steps(3);
    w.press_release(at, PointerButton::Primary);
    w.h.run_steps(1);
    w.press_release(at, PointerButton::Primary);
    w.h.run_steps(3);
    assert!(w.shows("1 suggestion"), "{:?}", w.texts());
    assert!(w.status().starts_with("Span 2: figure"), "{}", w.status());
    w.h.remove_cursor();
    w.h.run_steps(20);
    w.save();
    let spans = w.saved_spans();
    assert_eq!(
        spans,
        [
            ("figure".to_owned(), "40 missiles".to_owned()),
            ("figure".to_owned(), "12".to_owned()),
        ]
    );
}

#[test]
fn a_click_on_a_span_inside_a_suggestion_selects_the_span_and_elsewhere_accepts() {
    let mut w = Window::open(&[(
        "a.txt",
        "The council voted 31 to 24, with [figure:three] abstentions.",
    )]);
    w.h.get_by_label("figure").click();
    w.h.run_steps(4);
    let suggested: Vec<String> = {
        let session = &w.h.state().session;
        let doc = session.document().unwrap();
        let list = session.suggestions().list();
        list.iter()
            .map(|s| doc.slice(s.range).unwrap().to_owned())
            .collect()
    };
    assert!(
        suggested.iter().any(|s| s == "three abstentions"),
        "{suggested:?}"
    );
    // On the tagged "three": the span, the innermost thing there, is selected.
    w.click_char(w.find("three") + 1);
    assert!(w.status().starts_with("Span 1: figure"), "{}", w.status());
    assert_eq!(
        w.h.state().session.project().documents()[0].spans().len(),
        1
    );
    // On "abstentions", only in the suggestion: accepted.
    w.click_char(w.find("abstentions") + 2);
    w.save();
    let spans = w.saved_spans();
    assert!(
        spans.contains(&("figure".to_owned(), "three abstentions".to_owned())),
        "{spans:?}"
    );
}

/// Typing in Find brings the first match into view (issue 14, point 6); a match
/// already in view leaves the view where it is.
#[test]
fn typing_in_find_brings_the_first_match_into_view() {
    let mut article = long_article();
    article += "The needle is here at the very end.\n";
    let mut w = Window::open(&[("long.txt", &article)]);
    let needle = w.find("needle");
    assert!(!in_view(&w, needle));
    w.ctrl(Key::F);
    w.h.get_by_label("Find").type_text("needle");
    w.h.run_steps(30);
    assert!(in_view(&w, needle), "the match came into view");
    assert!(
        w.h.state().session.selection().is_none(),
        "typing selects nothing"
    );
    // A match already in view: the view stays.
    let mut w = Window::open(&[("long.txt", &article)]);
    let before = offset(&w);
    w.ctrl(Key::F);
    w.h.get_by_label("Find").type_text("Line 3 says");
    w.h.run_steps(30);
    assert!(in_view(&w, w.find("Line 3 says")));
    assert_eq!(offset(&w), before);
}
