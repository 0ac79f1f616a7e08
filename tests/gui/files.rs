//! Files from the window: save and reopen, export, the unsaved-changes prompt, recovery
//! after a crash, a project changed on disk, and the path field where no file dialog
//! exists.

use crate::Window;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

const ARTICLE: &str = "👋 Zelensky said “we will win” as 270 drones fell.\r\n\r\nPrices rose 40%.";

#[test]
fn save_then_reopen_in_a_new_window_shows_the_same_spans() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    w.drag_over("270 drones");
    w.key(Key::F);
    assert!(
        w.h.state().title().contains('•'),
        "unsaved marker: {}",
        w.h.state().title()
    );
    w.save();
    assert_eq!(w.h.state().title(), "Test project — spanmark");
    let again = w.restart().h;
    assert!(again.query_all_by_label("we will win").next().is_some());
    assert!(again.query_all_by_label("270 drones").next().is_some());
    assert!(again.query_all_by_label("2 of 2 spans").next().is_some());
    assert_eq!(again.state().title(), "Test project — spanmark");
}

#[test]
fn export_json_through_the_path_field_has_offsets_that_match_the_text() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    w.drag_over("Prices rose 40%");
    w.key(Key::C);
    w.ctrl(Key::E);
    assert!(w.shows_containing("No file dialog is available"));
    let out = w.dir.path().join("export.json");
    w.h.get_by_label("Path")
        .type_text(&out.display().to_string());
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert!(
        w.shows_containing("Exported 2 spans of 1 documents"),
        "{:?}",
        w.messages()
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let doc = &json["documents"][0];
    let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let mut seen = Vec::new();
    for span in doc["spans"].as_array().unwrap() {
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(span["text"], slice.as_str());
        seen.push(slice);
    }
    assert_eq!(seen, ["we will win", "Prices rose 40%"]);
}

#[test]
fn unsaved_changes_are_asked_about_before_quitting() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    w.ctrl(Key::Q);
    assert!(w.shows("Save changes?"));
    w.h.get_by_role_and_label(Role::Button, "Cancel").click();
    assert!(!w.closes_within(3) && !w.shows_containing("has changes that are not saved"));
    // The window's close button asks too.
    w.h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    w.h.run_steps(2);
    assert!(w.shows_containing("has changes that are not saved"));
    w.h.get_by_role_and_label(Role::Button, "Save").click();
    assert!(w.closes_within(4), "saved, then closed");
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "we will win".to_owned())]
    );
}

#[test]
fn discarding_changes_quits_without_saving() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    w.ctrl(Key::Q);
    w.h.get_by_role_and_label(Role::Button, "Discard changes")
        .click();
    assert!(w.closes_within(3));
    assert!(w.saved_spans().is_empty());
}

#[test]
fn work_survives_a_crash_through_the_recovery_file() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    w.h.run_steps(3);
    let slot = w.h.state().recovery_dir().expect("a recovery slot");
    let recovery = slot.join("project.ron");
    assert!(recovery.is_file(), "autosaved");
    assert!(
        slot.starts_with(w.dir.path().join("data")),
        "in the data folder"
    );
    // The crash: the window goes away without saving.
    let mut w = w.restart();
    assert!(w.shows("Restore unsaved work?"));
    assert!(
        w.shows_containing("1 span added, 0 removed, 0 changed, in \"a.txt\""),
        "{:?}",
        w.texts()
    );
    w.button("Restore");
    assert!(w.shows("we will win"), "the span is back");
    assert!(
        w.h.state().title().contains('•'),
        "restored work is unsaved"
    );
    assert!(w.shows_containing("Unsaved work restored"));
    w.save();
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "we will win".to_owned())]
    );
    assert!(!recovery.exists(), "saving removes the recovery file");
    // What the banner reported is over (issue 14, point 5).
    assert!(
        !w.shows_containing("Unsaved work restored"),
        "{:?}",
        w.messages()
    );
}

#[test]
fn a_project_changed_on_disk_is_not_overwritten_silently() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    let other = spanmark::fixture::project("Changed elsewhere", &[("b.txt", "Other text")]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    spanmark::store::save(&other, &w.path).unwrap();
    w.ctrl(Key::S);
    assert!(w.shows("Project changed on disk"));
    w.button("Cancel");
    assert_eq!(w.saved().name, "Changed elsewhere", "left alone");
    w.ctrl(Key::S);
    w.button("Overwrite (keep theirs as a copy)");
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "we will win".to_owned())]
    );
    // Their version is kept beside it under a dated name, not only in the backup.
    let kept: Vec<_> = std::fs::read_dir(w.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("project.theirs-") && n.ends_with(".ron"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let theirs = spanmark::store::load(&w.dir.path().join(&kept[0])).unwrap();
    assert_eq!(theirs.name, "Changed elsewhere");
    assert!(w.shows_containing(&kept[0]), "{:?}", w.messages());
}

#[test]
fn articles_open_through_the_path_field_and_bad_ones_are_reported() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    let good = w.dir.path().join("new article.txt");
    std::fs::write(&good, "Київ said “no” 🇺🇦.").unwrap();
    let empty = w.dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    w.ctrl(Key::O);
    w.h.get_by_label("Path")
        .type_text(&format!("{}; {}", good.display(), empty.display()));
    w.h.run_steps(1);
    w.key(Key::Enter);
    assert!(w.shows("new article.txt"), "added to the document list");
    assert!(w.shows_containing("article is empty"), "{:?}", w.messages());
    w.drag_over("Київ");
    w.key(Key::Q);
    w.save();
    let project = w.saved();
    let doc = &project.documents()[1];
    assert_eq!(doc.slice(doc.spans()[0].range), Some("Київ"));
}

/// Opening another project whose document has the same id but another text must show
/// (and tag) the new text, not the old one's layout.
#[test]
fn opening_another_project_lays_out_its_own_text() {
    let mut w = Window::open(&[("a.txt", "Short first article.")]);
    let other = w.dir.path().join("other.ron");
    let project = spanmark::fixture::project(
        "Other",
        &[(
            "b.txt",
            "A much longer text: “the second article is here” and more.\r\nSecond line.",
        )],
    );
    spanmark::store::save(&project, &other).unwrap();
    w.ctrl_shift(Key::O);
    w.h.get_by_label("Path")
        .type_text(&other.display().to_string());
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert!(w.shows("b.txt"));
    w.path = other;
    w.drag_over("second article");
    w.key(Key::Q);
    w.save();
    assert_eq!(
        w.saved_spans(),
        [("quote".to_owned(), "second article".to_owned())]
    );
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_articles_are_added_and_a_dropped_project_asks_about_unsaved_work() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    let article = w.dir.path().join("dropped.md");
    std::fs::write(&article, "# Dropped\r\n\r\nIt said “yes” 👍.").unwrap();
    w.h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(article)));
    w.h.run_steps(2);
    assert!(w.shows("dropped.md"));
    assert!(
        w.h.state().title().contains('•'),
        "adding a document is an edit"
    );
    // A dropped project while work is unsaved: asked first; Cancel keeps everything.
    let other = w.dir.path().join("other.ron");
    spanmark::store::save(
        &spanmark::fixture::project("Other", &[("b.txt", "Other")]),
        &other,
    )
    .unwrap();
    w.h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(other)));
    w.h.run_steps(3);
    assert!(w.shows_containing("has changes that are not saved"));
    w.button("Cancel");
    assert!(w.shows("dropped.md") && !w.shows("b.txt"));
    // Undo removes the dropped article again.
    w.ctrl(Key::Z);
    assert!(!w.shows("dropped.md"));
}

/// A project given to "Open articles" opens as a project, never as an article whose
/// text is its RON (issue 14, point 4).
#[test]
fn a_project_given_to_open_articles_opens_as_a_project() {
    let mut w = Window::open(&[("a.txt", "Short first article.")]);
    let other = w.dir.path().join("news.ron");
    let project = spanmark::fixture::project("Other", &[("b.txt", "The other project's text.")]);
    spanmark::store::save(&project, &other).unwrap();
    w.ctrl(Key::O);
    w.h.get_by_label("Path")
        .type_text(&other.display().to_string());
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert!(w.shows("b.txt"), "the project's document is listed");
    assert!(
        !w.shows("news.ron"),
        "no article named after the project file"
    );
    assert!(!w.shows("a.txt"), "the other project is open instead");
    assert!(
        w.h.state().title().starts_with("Other"),
        "{}",
        w.h.state().title()
    );
    assert!(!w.h.state().session.is_dirty());
}

/// A message goes when what it reports is over: an error about a file that could not
/// be opened, once another project opens fine (issue 14, point 5).
#[test]
fn an_error_goes_when_another_project_opens_fine() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    let broken = w.dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: \"spanmark-project\", version: 1, name: ").unwrap();
    let good = w.dir.path().join("good.ron");
    let project = spanmark::fixture::project("Good", &[("b.txt", "Another text.")]);
    spanmark::store::save(&project, &good).unwrap();
    for path in [&broken, &good] {
        w.ctrl_shift(Key::O);
        w.h.get_by_label("Path")
            .type_text(&path.display().to_string());
        w.h.run_steps(1);
        w.key(Key::Enter);
        w.h.run_steps(2);
        if path == &broken {
            assert!(w.shows_containing("broken.ron"), "{:?}", w.messages());
        }
    }
    assert!(w.shows("b.txt"), "the good project is open");
    assert!(
        !w.messages().iter().any(|m| m.contains("broken.ron")),
        "{:?}",
        w.messages()
    );
}

/// A coder's file says whose it is (issue 15: spanmark assign records the coder).
#[test]
fn a_coders_file_says_whose_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ann.ron");
    let mut project = spanmark::fixture::project("News — ann", &[("a.txt", "Text.")]);
    project.coder = Some("ann".to_owned());
    spanmark::store::save(&project, &path).unwrap();
    let h = crate::harness_with(&path, dir.path().join("data"), |_| {});
    let w = Window { h, dir, path };
    assert!(w.shows("Coder: ann"), "{:?}", w.texts());
}
