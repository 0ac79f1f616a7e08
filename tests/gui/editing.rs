//! Working with spans: overlaps, the inspector (relabel, note, speaker, delete), undo
//! and redo of each, boundary keys, the span list's filter and jump, find and tag all.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_figure_inside_a_quote_is_kept_and_listed_with_it() {
    let mut w = Window::open(&[(
        "a.txt",
        "Officials said Russia launched 270 drones overnight.",
    )]);
    w.drag_over("Russia launched 270 drones overnight");
    w.key(Key::Num1);
    w.drag_over("270 drones");
    w.key(Key::Num3);
    assert!(w.shows("Russia launched 270 drones overnight") && w.shows("270 drones"));
    assert!(w.shows("2 of 2 spans"));
    w.save();
    assert_eq!(
        w.saved_spans(),
        [
            (
                "quote".to_owned(),
                "Russia launched 270 drones overnight".to_owned()
            ),
            ("figure".to_owned(), "270 drones".to_owned())
        ]
    );
}

fn select_quote(w: &mut Window) {
    w.click_char(w.find("we will win") + 3);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
}

#[test]
fn relabel_note_speaker_and_delete_in_the_inspector_each_undo_and_redo() {
    let mut w = Window::open(&[("a.txt", "Zelensky said [quote:we will win] today.")]);
    select_quote(&mut w);

    // Relabel through the inspector's label box.
    w.h.get_by_label("Label of the span").click();
    w.h.run_steps(2);
    w.h.get_by_role_and_label(Role::Button, "claim").click();
    w.h.run_steps(2);
    assert!(w.status().starts_with("Span 1: claim"), "{}", w.status());
    w.ctrl(Key::Z);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    w.ctrl_shift(Key::Z);
    assert!(w.status().starts_with("Span 1: claim"), "{}", w.status());
    w.ctrl(Key::Z);

    // Speaker: type, then Enter: one edit.
    w.field("speaker").click();
    w.h.run_steps(1);
    w.field("speaker").type_text("Volodymyr Zelensky");
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.save();
    let span = w.saved().documents()[0].spans()[0].clone();
    assert_eq!(span.attributes["speaker"], "Volodymyr Zelensky");

    // Note: type, then Escape leaves the field: one edit.
    w.field("note").click();
    w.h.run_steps(1);
    w.field("note").type_text("Said on TV");
    w.h.run_steps(1);
    w.key(Key::Escape);
    w.h.run_steps(2);
    w.save();
    assert_eq!(
        w.saved().documents()[0].spans()[0].note.as_deref(),
        Some("Said on TV")
    );
    assert!(
        w.shows("Said on TV"),
        "the inspector shows the note: {:?}",
        w.texts()
            .iter()
            .filter(|t| t.contains("Said"))
            .collect::<Vec<_>>()
    );

    // Undo the note, then the speaker; redo both.
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(w.saved().documents()[0].spans()[0].note, None);
    w.ctrl(Key::Z);
    w.save();
    assert!(w.saved().documents()[0].spans()[0].attributes.is_empty());
    w.ctrl(Key::Y);
    w.ctrl(Key::Y);
    w.save();
    let span = w.saved().documents()[0].spans()[0].clone();
    assert_eq!(
        (span.note.as_deref(), span.attributes["speaker"].as_str()),
        (Some("Said on TV"), "Volodymyr Zelensky")
    );

    // Delete by key and by button; undo brings the span back each time.
    select_quote(&mut w);
    w.key(Key::Delete);
    assert!(w.shows("0 of 0 spans"));
    w.ctrl(Key::Z);
    assert!(w.shows("1 of 1 spans"));
    select_quote(&mut w);
    w.button("Delete span");
    assert!(w.shows("0 of 0 spans"));
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "we will win".to_owned())]
    );
}

#[test]
fn arrow_keys_move_the_selected_spans_ends() {
    let mut w = Window::open(&[("a.txt", "He said “[quote:we will] win” 🇺🇦 today.")]);
    select_quote(&mut w);
    w.h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    w.h.run_steps(2);
    w.h.key_press(Key::ArrowLeft);
    w.h.run_steps(2);
    w.save();
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "“we will win".to_owned())]
    );
    w.ctrl(Key::Z);
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "we will".to_owned())]
    );
}

#[test]
fn the_span_list_filters_and_jumps_to_a_span_far_down() {
    let mut article = String::new();
    for i in 0..120 {
        article +=
            &format!("Paragraph {i} says nothing much at all, [figure:{i} drones] or so.\n\n");
    }
    article += "The end: [quote:we will win].";
    let mut w = Window::open(&[("long.txt", &article)]);
    assert!(w.shows("121 of 121 spans"));
    w.h.get_by_label("Filter spans by text").click();
    w.h.run_steps(1);
    w.h.get_by_label("Filter spans by text").type_text("will");
    w.h.run_steps(2);
    assert!(w.shows("1 of 121 spans"));
    let win = w.find("we will win");
    assert!(
        w.h.state()
            .article
            .char_rect(spanmark::model::CharOffset(win))
            .is_none(),
        "not in view yet"
    );
    w.h.get_all_by_label("we will win").next().unwrap().click();
    w.h.run_steps(6);
    let rect = w.char_pos(win);
    assert!(
        w.h.state().article.viewport().contains(rect.center()),
        "scrolled into view"
    );
    assert!(w.status().starts_with("Span 121: quote"), "{}", w.status());
    // And the highlight there is exact: clicking it selects that span.
    w.click_char(win + 4);
    assert!(w.status().starts_with("Span 121: quote"), "{}", w.status());
}

#[test]
fn find_then_tag_all_matches_is_one_undo_step() {
    let mut w = Window::open(&[(
        "a.txt",
        "Drones hit Kyiv. More drones came. The DRONES were shot down.",
    )]);
    w.ctrl(Key::F);
    w.h.get_by_label("Find").type_text("drones");
    w.h.run_steps(2);
    assert!(w.shows("1 of 3"));
    w.h.get_by_label("Label for the matches").click();
    w.h.run_steps(2);
    w.h.get_by_role_and_label(Role::Button, "figure").click();
    w.h.run_steps(2);
    w.button("Tag all 3 matches");
    w.save();
    let spans = w.saved_spans();
    assert_eq!(spans.len(), 3);
    assert!(
        spans
            .iter()
            .all(|(l, t)| l == "figure" && t.eq_ignore_ascii_case("drones")),
        "{spans:?}"
    );
    w.h.get_by_label("Find").click();
    w.key(Key::Escape);
    w.ctrl(Key::Z);
    w.save();
    assert!(w.saved_spans().is_empty(), "one undo removes all three");
}

#[test]
fn the_document_status_is_set_from_the_list_and_undone() {
    let mut w = Window::open(&[("a.txt", "One [quote:two] three.")]);
    w.h.get_by_label("Status of a.txt").click();
    w.h.run_steps(2);
    w.h.get_by_role_and_label(Role::Button, "done").click();
    w.h.run_steps(2);
    w.save();
    assert_eq!(
        w.saved().documents()[0].status,
        spanmark::model::Status::Done
    );
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(
        w.saved().documents()[0].status,
        spanmark::model::Status::New
    );
}

/// A document's first span starts its work; Ctrl+D marks it done, and again takes it
/// back to in progress (issue 14, point 10).
#[test]
fn the_first_span_starts_a_document_and_ctrl_d_marks_it_done() {
    use spanmark::model::Status;
    let mut w = Window::open(&[("a.txt", "Officials said Russia launched 270 drones.")]);
    let status = |w: &Window| w.h.state().session.document().unwrap().status;
    assert_eq!(status(&w), Status::New);
    w.drag_over("270 drones");
    w.key(Key::F);
    assert_eq!(status(&w), Status::InProgress);
    w.ctrl(Key::Z);
    assert_eq!(
        status(&w),
        Status::New,
        "one undo takes the span and the status"
    );
    assert!(!w.h.state().session.is_dirty());
    w.ctrl(Key::Y);
    assert_eq!(status(&w), Status::InProgress);
    w.ctrl(Key::D);
    assert_eq!(status(&w), Status::Done);
    w.save();
    assert_eq!(w.saved().documents()[0].status, Status::Done);
    w.ctrl(Key::D);
    assert_eq!(status(&w), Status::InProgress);
}

/// The clipboard text a frame asked for.
fn copied(w: &Window) -> Option<String> {
    w.h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

/// Ctrl+C and the context menu copy the selection, or the selected span's text (issue
/// 14, point 10).
#[test]
fn ctrl_c_and_the_context_menu_copy_the_selected_text() {
    let mut w = Window::open(&[("a.txt", "Officials said Russia launched 270 drones.")]);
    w.drag_over("Russia launched");
    // What the platform sends for Ctrl+C.
    w.h.event(egui::Event::Copy);
    w.h.step();
    assert_eq!(copied(&w).as_deref(), Some("Russia launched"));
    w.key(Key::C);
    // The span is selected now: the context menu copies its text.
    let at = w.char_pos(w.find("launched")).center();
    w.h.hover_at(at);
    w.press_release(at, egui::PointerButton::Secondary);
    w.h.run_steps(2);
    w.h.get_by_role_and_label(Role::Button, "Copy Ctrl+C")
        .click();
    w.h.step();
    assert_eq!(copied(&w).as_deref(), Some("Russia launched"));
}

/// Tag all and undo say what they did, for a few seconds (issue 14, point 10).
#[test]
fn tag_all_and_undo_are_confirmed_for_a_moment() {
    let mut w = Window::open(&[("a.txt", "Drones hit Kyiv. More drones came.")]);
    w.ctrl(Key::F);
    w.h.get_by_label("Find").type_text("drones");
    w.h.run_steps(2);
    w.button("Tag all 2 matches");
    assert!(
        w.shows_containing("Tagged 2 matches as quote; Ctrl+Z undoes"),
        "{:?}",
        w.messages()
    );
    w.h.get_by_label("Find").click();
    w.key(Key::Escape);
    w.ctrl(Key::Z);
    assert!(
        w.shows_containing("Undone: 2 spans removed, 1 status changed; Ctrl+Y redoes"),
        "{:?}",
        w.messages()
    );
    assert!(
        !w.shows_containing("Tagged 2 matches"),
        "the newest confirmation replaces the one before"
    );
    // Six seconds later it is gone.
    w.h.run_steps(6 * 60);
    assert!(!w.shows_containing("Undone:"), "{:?}", w.messages());
}
