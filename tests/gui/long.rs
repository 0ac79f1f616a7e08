//! Long documents: selection, hover, click-to-select and jumps stay exact far from the
//! top, and a line too long to lay out at once is selected across its pieces.

use crate::Window;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn long_article(paragraphs: usize) -> String {
    let mut text = String::new();
    for i in 0..paragraphs {
        text += &format!(
            "Paragraph {i}: officials said 👋🏽 drones hit {i} targets near Київ overnight.\r\n\r\n"
        );
    }
    text += "At the very end, the minister said [quote|speaker=Olena:we will rebuild every bridge] and left.";
    text
}

#[test]
fn selection_hover_click_and_jumps_stay_exact_far_from_the_top() {
    let mut w = Window::open(&[("long.txt", &long_article(3000))]);
    assert!(w.text().chars().count() > 200_000);
    // Jump to the end with the keyboard.
    w.ctrl(Key::End);
    w.h.run_steps(6);
    let bridge = w.find("every bridge");
    let rect = w.char_pos(bridge);
    assert!(
        w.h.state().article.viewport().contains(rect.center()),
        "the end is in view"
    );

    // Hover lists the span there, with its speaker.
    w.h.hover_at(rect.center());
    w.h.run_steps(60);
    assert!(
        w.shows("we will rebuild every bridge") && w.shows("— Olena"),
        "{:?}",
        w.texts().iter().rev().take(8).collect::<Vec<_>>()
    );
    w.h.remove_cursor();
    w.h.run_steps(2);

    // A click selects it.
    w.click_char(bridge + 2);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());

    // A drag over words two paragraphs up tags exactly them.
    let target = "2998 targets";
    let start = w.find(target);
    w.drag_chars(start, start + target.chars().count(), Modifiers::NONE);
    w.key(Key::F);
    w.save();
    let project = w.saved();
    let doc = &project.documents()[0];
    let figure = doc.spans().iter().find(|s| s.label == "figure").unwrap();
    assert_eq!(doc.slice(figure.range), Some(target));
    assert_eq!(figure.range.start.0, start, "Python's text.index");

    // Back to the top and to the span again through the span list.
    w.ctrl(Key::Home);
    w.h.run_steps(6);
    assert!(
        w.h.state()
            .article
            .char_rect(spanmark::model::CharOffset(0))
            .is_some()
    );
    w.h.get_all_by_label("we will rebuild every bridge")
        .next()
        .unwrap()
        .click();
    w.h.run_steps(6);
    let again = w.char_pos(bridge);
    assert!(w.h.state().article.viewport().contains(again.center()));
}

#[test]
fn a_line_too_long_for_one_layout_is_selected_across_its_pieces() {
    // One line of 30,000 code points: laid out in pieces of at most 2,000.
    let mut line = String::new();
    let mut i = 0;
    while line.chars().count() < 30_000 {
        line += &format!("word{i} 🇺🇦 ");
        i += 1;
    }
    let mut w = Window::open(&[("line.txt", &line)]);
    let pieces = spanmark::ui::paragraphs::split(&line);
    assert!(
        pieces.len() >= 15 && pieces[0].continued,
        "{} pieces",
        pieces.len()
    );
    let cut = pieces[0].chars.end.0;
    // Scroll the cut to the middle of the view with the wheel, as a reader would.
    let middle = w.h.state().article.viewport().center();
    w.h.hover_at(middle);
    for _ in 0..5 {
        w.h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -100.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        w.h.run_steps(1);
    }
    // egui spreads a wheel turn over a few frames: let the view come to rest.
    w.h.run_steps(40);
    // From a word well before the cut to one well after it.
    let text = w.text();
    let word_start = |at: usize| {
        text.chars()
            .take(at)
            .collect::<String>()
            .rfind("word")
            .map(|b| text[..b].chars().count())
            .unwrap()
    };
    let before = word_start(cut - 40);
    let after = word_start(cut + 40) + 4;
    assert!(before < cut && after > cut, "{before} {cut} {after}");
    w.drag_chars(before, after, Modifiers::NONE);
    w.key(Key::C);
    w.save();
    let project = w.saved();
    let doc = &project.documents()[0];
    let span = &doc.spans()[0];
    // Snapped to whole words at both ends, exactly across the cut.
    assert_eq!(span.range.start.0, before);
    let slice = doc.slice(span.range).unwrap();
    assert!(
        slice.starts_with("word") && slice.contains(" 🇺🇦 "),
        "{slice}"
    );
    assert!(span.range.end.0 > cut + 4);
    let expected: String = line
        .chars()
        .skip(before)
        .take(span.range.len_chars())
        .collect();
    assert_eq!(slice, expected);
}

/// A large project opens on a thread: the window shows progress, stays responsive, and
/// Cancel leaves the open project as it was.
#[test]
fn a_large_project_opens_with_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    spanmark::store::save(
        &spanmark::fixture::project("Big", &[("big.txt", &long_article(2000))]),
        &big,
    )
    .unwrap();
    let slow = |c: &mut spanmark::app::Config| {
        c.background_bytes = 10_000;
        c.load_throttle = std::time::Duration::from_millis(1000);
    };
    // Opened at start-up: progress first, then the article.
    let mut h = crate::harness_with(&big, dir.path().join("data"), slow);
    let texts = |h: &egui_kittest::Harness<'static, spanmark::app::App>| {
        h.query_all(egui_kittest::kittest::By::new())
            .flat_map(|n| {
                use egui_kittest::kittest::NodeT;
                let node = n.accesskit_node();
                [node.label(), node.value()]
            })
            .flatten()
            .collect::<Vec<_>>()
    };
    assert!(
        texts(&h).iter().any(|t| t.starts_with("Opening ")),
        "{:?}",
        texts(&h)
    );
    assert!(h.query_by_label("Cancel").is_some());
    for _ in 0..1000 {
        if h.state().session.path().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(1);
    }
    assert_eq!(h.state().session.project().name, "Big");
    h.run_steps(2);
    assert!(
        texts(&h)
            .iter()
            .any(|t| t == "we will rebuild every bridge")
    );

    // Opening it again from a window on another project, then cancelling.
    let small = dir.path().join("small.ron");
    spanmark::store::save(
        &spanmark::fixture::project("Small", &[("s.txt", "[quote:Small] text.")]),
        &small,
    )
    .unwrap();
    let mut h = crate::harness_with(&small, dir.path().join("data"), slow);
    assert_eq!(
        h.state().session.project().name,
        "Small",
        "a small file opens at once"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run_steps(2);
    h.get_by_label("Path").type_text(&big.display().to_string());
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(texts(&h).iter().any(|t| t.starts_with("Opening ")));
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    std::thread::sleep(std::time::Duration::from_millis(600));
    h.run_steps(3);
    assert_eq!(
        h.state().session.project().name,
        "Small",
        "nothing replaced after Cancel"
    );
    assert!(texts(&h).iter().any(|t| t.contains("Opening cancelled")));
}
