//! Suggestions in the window: shown per label, accepted with Enter or a click, rejected
//! with Backspace (and not shown again), an accept undone, and the saved project.

use crate::Window;
use egui::Key;
use egui_kittest::kittest::Queryable;
use spanmark::model::CharRange;

const ARTICLE: &str = "“We will rebuild every bridge,” Mayor Anna Berger said. Officials counted 270 drones and 40% of roads were hit.";

#[test]
fn suggestions_are_accepted_rejected_and_undone() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.h.get_by_label("quote").click();
    w.h.run_steps(2);
    assert!(w.shows("1 suggestion"), "{:?}", w.texts());
    // Enter accepts the selected suggestion: the quote, with its speaker.
    w.key(Key::Enter);
    assert!(w.shows("We will rebuild every bridge"), "listed as a span");
    assert!(w.shows("0 suggestions"));

    // Figures too; the first is selected; Backspace rejects it.
    w.h.get_by_label("figure").click();
    w.h.run_steps(2);
    assert!(
        w.shows("2 suggestions"),
        "{:?}",
        w.texts()
            .iter()
            .filter(|t| t.contains("suggest"))
            .collect::<Vec<_>>()
    );
    w.key(Key::Backspace);
    assert!(w.shows("1 suggestion"), "the rejected one is gone");

    // A click on the other accepts it; Ctrl+Z takes that back.
    w.click_char(w.find("40%") + 1);
    assert!(w.shows("40%"));
    assert!(w.shows("0 suggestions"));
    w.ctrl(Key::Z);
    assert!(
        w.shows("1 suggestion"),
        "the undone accept is a suggestion again"
    );

    w.save();
    let project = w.saved();
    let doc = &project.documents()[0];
    let spans: Vec<(&str, &str, Option<&String>)> = doc
        .spans()
        .iter()
        .map(|s| {
            (
                s.label.as_str(),
                doc.slice(s.range).unwrap(),
                s.attributes.get("speaker"),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [(
            "quote",
            "We will rebuild every bridge",
            Some(&"Anna Berger".to_owned())
        )]
    );
    let drones = w.find("270 drones");
    assert!(
        doc.is_rejected("figure", CharRange::new(drones, drones + 10)),
        "the rejection is saved"
    );

    // Reopened, the rejected figure does not come back.
    let mut again = w.restart().h;
    again.get_by_label("figure").click();
    again.run_steps(2);
    let texts: Vec<String> = again
        .query_all(egui_kittest::kittest::By::new())
        .filter_map(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node().value()
        })
        .collect();
    assert!(texts.iter().any(|t| t == "1 suggestion"), "{texts:?}");
}

/// eframe's storage, in memory: what the window keeps between runs.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// The labels ticked under "Suggest" are ticked again at the next start (issue 14,
/// point 7).
#[test]
fn the_suggested_labels_are_remembered_between_runs() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.h.get_by_label("quote").click();
    w.h.run_steps(2);
    assert!(w.shows("1 suggestion"));
    // The window closes: eframe asks it to save its preferences.
    let mut storage = Memory::default();
    eframe::App::save(w.h.state_mut(), &mut storage);
    let prefs: spanmark::app::Prefs = eframe::get_value(&storage, "spanmark-prefs").unwrap();
    assert_eq!(prefs.suggested, ["quote"]);
    let h = crate::harness_with(&w.path, w.dir.path().join("data"), |config| {
        config.prefs = Some(prefs);
    });
    let again = Window {
        h,
        dir: w.dir,
        path: w.path,
    };
    assert!(again.shows("1 suggestion"), "{:?}", again.texts());
}
