//! Other tools' files from the window: a Label Studio file imported through the File
//! menu (annotations merged as one undo step, predictions offered as suggestions), and
//! the project exported as a folder of brat files.

use crate::Window;
use egui::Key;
use egui_kittest::kittest::Queryable;

/// 👋 is one code point and two UTF-16 units: Label Studio, which counts code points,
/// agrees with spanmark here; a tool counting UTF-16 units would be one off.
const ARTICLE: &str = "👋 Zelensky said “we will win” as 270 drones fell.";

/// Opens File → `item`, or File → `submenu` → `item`.
pub(crate) fn menu(w: &mut Window, path: &[&str]) {
    w.h.get_by_label("File").click();
    w.h.run_steps(2);
    for label in path {
        w.h.get_by_label(label).click();
        w.h.run_steps(2);
    }
    // The menu closes, then the app asks for a path.
    w.h.run_steps(3);
}

/// Types `path` into the path field (no file dialog in tests) and confirms.
pub(crate) fn give_path(w: &mut Window, path: &std::path::Path) {
    assert!(w.shows_containing("No file dialog is available"));
    w.h.get_by_label("Path")
        .type_text(&path.display().to_string());
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.h.run_steps(2);
}

#[test]
fn label_studio_import_merges_annotations_and_offers_predictions() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    // Written by hand from Label Studio's task format: "270 drones" is code points
    // 33..43 (UTF-16 units 34..44); "we will win" is 17..28 (18..29).
    let tasks = serde_json::json!([{
        "data": {"text": ARTICLE},
        "annotations": [{"result": [{
            "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 33, "end": 43, "text": "270 drones", "labels": ["figure"]}
        }]}],
        "predictions": [{"score": 0.9, "result": [{
            "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 17, "end": 28, "text": "we will win", "labels": ["quote"]}
        }]}]
    }]);
    let file = w.dir.path().join("tasks.json");
    std::fs::write(&file, tasks.to_string()).unwrap();

    menu(&mut w, &["Import", "Label Studio JSON…"]);
    give_path(&mut w, &file);
    assert!(
        w.shows_containing("Imported 1 of 1 spans, 0 documents added, 1 matched"),
        "{:?}",
        w.messages()
    );
    assert!(w.shows("270 drones"), "the annotation is a span");
    assert!(w.shows("1 suggestion"), "the prediction is offered");
    assert!(!w.shows("we will win"), "but not a span");

    // Enter accepts the prediction; Ctrl+Z twice takes back the accept and the import.
    w.key(Key::Enter);
    assert!(w.shows("we will win"));
    w.save();
    let mut spans = w.saved_spans();
    spans.sort();
    assert_eq!(
        spans,
        [
            ("figure".to_owned(), "270 drones".to_owned()),
            ("quote".to_owned(), "we will win".to_owned())
        ]
    );
    w.ctrl(Key::Z);
    w.ctrl(Key::Z);
    assert!(w.shows("0 of 0 spans"), "{:?}", w.texts());
}

#[test]
fn brat_export_writes_a_folder_that_imports_back() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("270 drones");
    w.key(Key::F);
    let dir = w.dir.path().join("brat");
    menu(&mut w, &["Export", "Export brat standoff (folder)…"]);
    give_path(&mut w, &dir);
    assert!(
        w.shows_containing("Exported 1 spans of 1 documents as brat files"),
        "{:?}",
        w.messages()
    );
    let ann = std::fs::read_to_string(dir.join("a.ann")).unwrap();
    // The figure's kind and value, read from its text when it was tagged, come along.
    assert_eq!(
        ann,
        "T1\tfigure 33 43\t270 drones\nA1\tkind T1 count\n#1\tAnnotatorNotes T1\tvalue: 270 drone\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("a.txt")).unwrap(), ARTICLE);

    // Deleted, then imported back from the folder through the menu.
    w.click_char(w.find("270") + 1);
    w.key(Key::Delete);
    assert!(w.shows("0 of 0 spans"));
    menu(&mut w, &["Import", "brat standoff…"]);
    give_path(&mut w, &dir);
    assert!(w.shows("270 drones"), "{:?}", w.messages());
}

#[test]
fn a_file_that_is_not_the_format_is_reported_and_changes_nothing() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    let file = w.dir.path().join("notes.json");
    std::fs::write(&file, "these are notes, not tasks").unwrap();
    menu(&mut w, &["Import", "Label Studio JSON…"]);
    give_path(&mut w, &file);
    let messages = w.messages();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("cannot import (not JSON")
            && messages[0].ends_with(&file.display().to_string()),
        "one message, path last: {messages:?}"
    );
    assert!(!w.h.state().session.is_dirty(), "nothing changed");
    assert!(w.shows("0 of 0 spans"));
}

#[test]
fn a_file_of_which_nothing_can_be_used_changes_nothing_and_says_why() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    // Label Studio results of which none fits: a wrong text, offsets past the end.
    let tasks = serde_json::json!([{"data": {"text": "Another article."}, "annotations": [{"result": [
        {"value": {"start": 0, "end": 7, "text": "Nothing", "labels": ["claim"]}},
        {"value": {"start": 0, "end": 99, "labels": ["claim"]}}
    ]}]}]);
    let file = w.dir.path().join("bad.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    menu(&mut w, &["Import", "Label Studio JSON…"]);
    give_path(&mut w, &file);
    assert!(
        w.shows_containing("Imported 0 of 2 spans (1 out of range, 1 text mismatch)"),
        "{:?}",
        w.messages()
    );
    assert!(
        w.shows_containing("2 skipped or changed on import"),
        "{:?}",
        w.messages()
    );
    assert!(!w.h.state().session.is_dirty(), "nothing changed");
    assert!(!w.shows("task-1.txt"), "no document added");
}
