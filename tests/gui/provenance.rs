//! Provenance in the window: a span tagged by hand records the coder's name, the time
//! (a fixed clock here) and "manual"; the inspector shows them, and so does it after the
//! project is saved and opened again. "Your name" changes what later spans record, and
//! the list's filter finds spans by who made them.

use crate::{Window, harness_with};
use egui::Key;
use egui_kittest::kittest::NodeT;
use spanmark::app::Prefs;
use spanmark::model::How;
use spanmark::{fixture, store};

const ARTICLE: &str = "“We will win,” Zelensky said as 270 drones fell.";
const WHEN: &str = "2026-03-01T09:15:00Z";

fn window_as(coder: Option<&str>) -> Window {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    store::save(&fixture::project("Test", &[("a.txt", ARTICLE)]), &path).unwrap();
    let coder = coder.map(str::to_owned);
    let h = harness_with(&path, dir.path().join("data"), move |config| {
        config.prefs = Some(Prefs {
            coder,
            ..Prefs::default()
        });
        config.clock = Some(WHEN.to_owned());
    });
    Window { h, dir, path }
}

#[test]
fn a_tagged_span_shows_manual_and_its_coder_and_keeps_them_through_save_and_reopen() {
    let mut w = window_as(Some("Ann Lee"));
    w.drag_over("We will win");
    w.key(Key::Q);
    let made = format!("manual, by Ann Lee, {WHEN}");
    assert!(w.shows(&made), "{:?}", w.texts());
    w.save();
    let span = w.saved().documents()[0].spans()[0].clone();
    let p = span.provenance.expect("saved with its provenance");
    assert_eq!(
        (p.who.as_str(), p.when.as_str(), &p.how),
        ("Ann Lee", WHEN, &How::Manual)
    );

    // Opened again (by someone else): the span still says who made it.
    let mut w = w.restart();
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 1: quote"), "{}", w.status());
    assert!(w.shows(&made), "{:?}", w.texts());
}

#[test]
fn your_name_changes_what_later_spans_record() {
    let mut w = window_as(Some("Ann Lee"));
    w.drag_over("270 drones");
    w.key(Key::F);
    assert!(w.field("Your name").accesskit_node().value().as_deref() == Some("Ann Lee"));
    w.field("Your name").click();
    w.h.run_steps(1);
    w.key(Key::End);
    for _ in 0.."Ann Lee".len() {
        w.key(Key::Backspace);
    }
    w.field("Your name").type_text("Bo");
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert_eq!(w.h.state().session.coder(), "Bo");
    w.key(Key::Escape);
    w.drag_over("Zelensky");
    w.key(Key::C);
    assert!(
        w.shows(&format!("manual, by Bo, {WHEN}")),
        "{:?}",
        w.texts()
    );
    // The list's filter finds spans by who made them.
    w.field("Filter spans by text").click();
    w.h.run_steps(1);
    w.field("Filter spans by text").type_text("ann lee");
    w.h.run_steps(2);
    assert!(w.shows("1 of 2 spans"), "{:?}", w.texts());
    // The figure keeps the name it was made with.
    w.save();
    let saved = w.saved();
    let who: Vec<String> = saved.documents()[0]
        .spans()
        .iter()
        .map(|s| s.provenance.as_ref().unwrap().who.clone())
        .collect();
    assert_eq!(who, ["Bo", "Ann Lee"]);
}
