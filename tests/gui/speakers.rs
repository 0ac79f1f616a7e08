//! Reviewing who said what: the span list shows each quote's speaker and finds quotes
//! by their speaker's name, groups them by speaker; the speaker field completes from
//! the project's speakers; a name selected in the text becomes a quote's speaker from
//! the context menu; the statistics show what `spanmark stats` prints.

use crate::{Window, harness_with};
use egui::accesskit::Role;
use egui::{Key, PointerButton};
use egui_kittest::kittest::{NodeT, Queryable};
use spanmark::model::stats::ProjectStats;

const ARTICLE: &str = "Kyiv said [quote|speaker=Anna Berger:we will rebuild the bridge]. \
    Critics replied [quote|speaker=Jonas Weber:the money is gone] while \
    [quote|speaker=Anna Berger:prices will fall] after [figure:270 drones] and \
    [quote:nobody knows why].";

/// How many widgets are named exactly `label`.
fn count(w: &Window, label: &str) -> usize {
    w.h.query_all_by_label(label).count()
}

fn type_into(w: &mut Window, field: &str, text: &str) {
    w.field(field).click();
    w.h.run_steps(1);
    w.field(field).type_text(text);
    w.h.run_steps(2);
}

/// The row of the span list labelled `text`.
fn row<'a>(w: &'a Window, text: &'a str) -> egui_kittest::Node<'a> {
    w.h.query_all_by_label(text)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .unwrap_or_else(|| panic!("no row {text:?}"))
}

/// What a screen reader says after the row labelled `text`: the speaker shown before
/// its text.
fn row_speaker(w: &Window, text: &str) -> Option<String> {
    row(w, text).accesskit_node().description()
}

#[test]
fn rows_show_the_speaker_and_the_filter_finds_quotes_by_speaker() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    assert!(w.shows("5 of 5 spans"));
    assert_eq!(
        row_speaker(&w, "we will rebuild the bridge").as_deref(),
        Some("said by Anna Berger")
    );
    assert_eq!(
        row_speaker(&w, "the money is gone").as_deref(),
        Some("said by Jonas Weber")
    );
    assert_eq!(row_speaker(&w, "nobody knows why"), None);

    type_into(&mut w, "Filter spans by text", "berger");
    assert!(w.shows("2 of 5 spans"), "{:?}", w.texts());
    let rows = |w: &Window| -> Vec<String> {
        w.h.query_all(egui_kittest::kittest::By::new().role(Role::Button))
            .filter(|n| {
                n.accesskit_node()
                    .description()
                    .is_some_and(|d| d.starts_with("said by"))
            })
            .filter_map(|n| n.accesskit_node().label())
            .collect()
    };
    assert_eq!(rows(&w), ["we will rebuild the bridge", "prices will fall"]);

    // A click on a row found so selects that quote.
    row(&w, "prices will fall").click();
    w.h.run_steps(3);
    assert!(w.status().starts_with("Span 3: quote"), "{}", w.status());
}

#[test]
fn the_list_groups_by_speaker_with_counts_and_groups_close() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.h.get_by_label("Group by speaker").click();
    w.h.run_steps(2);
    for header in ["Anna Berger (2)", "Jonas Weber (1)", "no speaker (2)"] {
        assert!(w.shows(header), "{header}: {:?}", w.texts());
    }
    let rows = count(&w, "prices will fall");
    assert!(rows >= 1);
    let headers: Vec<String> = w
        .texts()
        .into_iter()
        .filter(|t| t.ends_with(')') && t.contains(" ("))
        .collect();
    assert_eq!(
        headers,
        ["Anna Berger (2)", "Jonas Weber (1)", "no speaker (2)"],
        "alphabetical, no speaker last"
    );

    // Closing a group hides its rows, not its header; opening brings them back.
    w.h.get_by_label("Anna Berger (2)").click();
    w.h.run_steps(2);
    assert_eq!(count(&w, "prices will fall"), rows - 1);
    assert!(w.shows("Anna Berger (2)") && w.shows("Jonas Weber (1)"));
    w.h.get_by_label("Anna Berger (2)").click();
    w.h.run_steps(2);
    assert_eq!(count(&w, "prices will fall"), rows);

    // The filter works inside the groups.
    type_into(&mut w, "Filter spans by text", "bridge");
    assert!(w.shows("Anna Berger (1)") && !w.shows("Jonas Weber (1)"));
}

#[test]
fn the_speaker_field_completes_from_the_projects_speakers_in_one_edit() {
    let mut w = Window::open(&[
        ("a.txt", ARTICLE),
        (
            "b.txt",
            "Later [quote|speaker=Annika Holm:it works]. Then [quote:no one came].",
        ),
    ]);
    // The quote without a speaker.
    w.click_char(w.find("nobody knows") + 2);
    assert!(w.status().starts_with("Span 5: quote"), "{}", w.status());
    type_into(&mut w, "speaker", "An");
    // Speakers of every document, those starting so first; none typed is stored yet.
    assert!(
        w.shows("Anna Berger") && w.shows("Annika Holm"),
        "{:?}",
        w.texts()
    );
    assert!(!w.shows("Jonas Weber"));
    type_into(&mut w, "speaker", "n");
    assert!(w.shows("Anna Berger") && w.shows("Annika Holm"));
    w.h.get_by_role_and_label(Role::Button, "Anna Berger")
        .click();
    w.h.run_steps(4);
    assert!(!w.shows("Annika Holm"), "the list closed");
    w.save();
    let speaker = |w: &Window| {
        let project = w.saved();
        let doc = &project.documents()[0];
        let span = doc
            .spans()
            .iter()
            .find(|s| doc.slice(s.range) == Some("nobody knows why"))
            .unwrap()
            .clone();
        span.attributes.get("speaker").cloned()
    };
    assert_eq!(speaker(&w).as_deref(), Some("Anna Berger"));
    // One edit: one undo takes it back to no speaker, not to the letters typed.
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(speaker(&w), None);

    // The keyboard: ↓ picks the first completion, Enter takes it.
    w.click_char(w.find("nobody knows") + 2);
    type_into(&mut w, "speaker", "jo");
    w.key(Key::ArrowDown);
    w.key(Key::Enter);
    w.save();
    assert_eq!(speaker(&w).as_deref(), Some("Jonas Weber"));
}

#[test]
fn a_name_selected_in_the_text_becomes_the_speaker_from_the_context_menu() {
    let mut w = Window::open(&[(
        "a.txt",
        "“[quote:We will win],” said Olena Kovalenko on Monday. \
         Nobody else spoke. “[quote:Prices will fall],” Jonas Weber wrote.",
    )]);
    let speakers = |w: &Window| -> Vec<Option<String>> {
        w.saved().documents()[0]
            .spans()
            .iter()
            .map(|s| s.attributes.get("speaker").cloned())
            .collect()
    };
    let menu_on = |w: &mut Window, needle: &str| {
        let at = w.char_pos(w.find(needle) + 1).center();
        w.h.hover_at(at);
        w.press_release(at, PointerButton::Secondary);
        w.h.run_steps(2);
    };
    // Reviewing the first quote: select it, then the name it leaves out.
    w.click_char(w.find("will win"));
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    w.drag_over("Olena Kovalenko");
    menu_on(&mut w, "Kovalenko");
    w.button("Use as speaker of “We will win”");
    // The quote is selected again, with its new speaker.
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    assert_eq!(
        w.field("speaker").value().as_deref(),
        Some("Olena Kovalenko")
    );
    w.save();
    assert_eq!(speakers(&w), [Some("Olena Kovalenko".to_owned()), None]);

    // Another name, with no quote selected: the quote selected last and the nearest.
    w.key(Key::Escape);
    w.drag_over("Jonas Weber");
    menu_on(&mut w, "Weber");
    assert!(w.shows("Use as speaker of “We will win”"));
    w.button("Use as speaker of “Prices will fall”");
    w.save();
    assert_eq!(
        speakers(&w),
        [
            Some("Olena Kovalenko".to_owned()),
            Some("Jonas Weber".to_owned())
        ]
    );
    // Each is one undo step.
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(speakers(&w), [Some("Olena Kovalenko".to_owned()), None]);
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(speakers(&w), [None, None]);
}

/// The cells of an aligned text table (columns are two blanks or more apart).
fn cells(table: &str) -> Vec<String> {
    table
        .lines()
        .flat_map(|line| line.split("  ").map(str::trim).filter(|c| !c.is_empty()))
        .map(str::to_owned)
        .collect()
}

/// The texts of the window's labels, in order.
fn label_texts(w: &Window) -> Vec<String> {
    w.h.query_all(egui_kittest::kittest::By::new().role(Role::Label))
        .filter_map(|n| n.accesskit_node().value())
        .collect()
}

/// Does the window show the labels `wanted` one after the other?
fn in_order(w: &Window, wanted: &[String]) -> bool {
    label_texts(w).windows(wanted.len()).any(|w| w == wanted)
}

#[test]
fn the_statistics_show_what_spanmark_stats_prints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/demo.ron"),
        &path,
    )
    .unwrap();
    let h = harness_with(&path, dir.path().join("data"), |_| {});
    let mut w = Window { h, dir, path };
    w.h.set_size(egui::vec2(1280.0, 1000.0));
    w.h.run_steps(2);
    w.button("Statistics");
    w.h.run_steps(2);
    let project = w.saved();
    let documents = cells(&spanmark::cli::stats_table(&project));
    assert!(documents.contains(&"total (5 documents)".to_owned()));
    assert!(
        in_order(&w, &documents),
        "{documents:?} in {:?}",
        label_texts(&w)
    );
    let speakers = cells(&ProjectStats::of(&project).speakers_table());
    assert!(speakers.contains(&"Anna Berger".to_owned()));
    assert!(
        in_order(&w, &speakers),
        "{speakers:?} in {:?}",
        label_texts(&w)
    );

    // Ctrl+I (View → Statistics) hides the tab again and shows it.
    w.ctrl(egui::Key::I);
    assert!(!w.shows("total (5 documents)"), "back to the span list");
    w.ctrl(egui::Key::I);
    assert!(w.shows("total (5 documents)"));

    // A new span counts at once (the demo has 121 spans, 14 of them persons).
    w.button("Spans");
    w.drag_over("Chipmaker");
    w.key(Key::C);
    w.button("Statistics");
    let project = w.h.state().session.project().clone();
    let documents = cells(&spanmark::cli::stats_table(&project));
    assert!(documents.contains(&"122".to_owned()), "{documents:?}");
    assert!(in_order(&w, &documents));
}
