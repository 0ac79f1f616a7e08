//! Two writers in the window (issue 11): a second window opens read-only, recovery
//! survives a command-line import and a second window, and a file that was deleted,
//! made read-only or left with temporary files is handled without losing anything.
//! Messages repeat as one with a count, and every message can be reached.

use crate::{Window, harness_with};
use egui::Key;
use egui_kittest::kittest::Queryable;

const ARTICLE: &str = "👋 Zelensky said “we will win” as 270 drones fell.\r\n\r\nPrices rose 40%.";

/// A spanmark JSON export with one claim over "Prices rose 40%".
fn claim_export() -> String {
    let text = ARTICLE;
    let byte = text.find("Prices rose 40%").unwrap();
    let start = text[..byte].chars().count();
    serde_json::json!({
        "format": "spanmark-export", "version": 1, "offsets": "unicode-codepoints",
        "project": "p", "labels": [],
        "documents": [{"name": "a.txt", "sha256": "", "text": text, "spans": [
            {"id": 1, "label": "claim", "start": start, "end": start + 15,
             "text": "Prices rose 40%", "utf16_start": 0, "utf16_end": 0,
             "byte_start": 0, "byte_end": 0, "note": null, "attributes": {}}
        ]}]
    })
    .to_string()
}

/// A folder with `project.ron` holding the article, not open anywhere.
fn saved_project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    spanmark::store::save(
        &spanmark::fixture::project("P", &[("a.txt", ARTICLE)]),
        &path,
    )
    .unwrap();
    (dir, path)
}

fn cli_import(project: &std::path::Path, json: &std::path::Path) -> std::process::Output {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("spanmark"))
        .args(["import"])
        .arg(project)
        .arg(json)
        .output()
        .unwrap()
}

fn labels_and_texts(project: &spanmark::model::Project) -> Vec<String> {
    let doc = &project.documents()[0];
    doc.spans()
        .iter()
        .map(|s| format!("{} {}", s.label, doc.slice(s.range).unwrap()))
        .collect()
}

#[test]
fn a_second_window_opens_read_only_and_saves_elsewhere() {
    let w = Window::open(&[("a.txt", ARTICLE)]);
    let mut second = w.second_window();
    assert!(
        second.h.state().title().contains("(read-only)"),
        "{}",
        second.h.state().title()
    );
    assert!(second.shows_containing("Opened read-only: it is open in spanmark window (process"));
    second.drag_over("we will win");
    second.key(Key::Q);
    second.ctrl(Key::S);
    assert!(
        second.shows("Cannot save to this file"),
        "{:?}",
        second.texts()
    );
    second.button("Save as…");
    let elsewhere = w.dir.path().join("mine.ron");
    second
        .h
        .get_by_label("Path")
        .type_text(&elsewhere.display().to_string());
    second.h.run_steps(1);
    second.key(Key::Enter);
    assert!(
        !second.h.state().session.is_dirty(),
        "{:?}",
        second.messages()
    );
    assert!(!second.h.state().title().contains("read-only"));
    let mine = spanmark::store::load(&elsewhere).unwrap();
    assert_eq!(labels_and_texts(&mine), ["quote we will win"]);
    assert!(
        w.saved_spans().is_empty(),
        "the first window's file is untouched"
    );
}

#[test]
fn when_the_other_window_closes_save_goes_to_the_file() {
    let w = Window::open(&[("a.txt", ARTICLE)]);
    let mut second = w.second_window();
    assert!(second.h.state().title().contains("(read-only)"));
    drop(w.h);
    second.drag_over("270 drones");
    second.key(Key::F);
    second.save();
    assert_eq!(
        labels_and_texts(&second.saved()),
        ["figure 270 drones"],
        "saved to the project file"
    );
}

#[test]
fn recovery_survives_a_command_line_import_and_a_second_window() {
    let mut a = Window::open(&[("a.txt", ARTICLE)]);
    let json = a.dir.path().join("claim.json");
    std::fs::write(&json, claim_export()).unwrap();
    a.drag_over("we will win");
    a.key(Key::Q);
    a.h.run_steps(3);
    assert!(a.h.state().recovery_dir().is_some(), "autosaved");
    // The command line is refused while the window has the project.
    let out = cli_import(&a.path, &json);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in spanmark window"));
    // A second window, read-only, autosaves work of its own.
    let mut b = a.second_window();
    b.drag_over("270 drones");
    b.key(Key::F);
    b.h.run_steps(3);
    assert_ne!(
        b.h.state().recovery_dir(),
        a.h.state().recovery_dir(),
        "slots shared"
    );
    // A is killed; now the import goes through (B holds no lock) and B is killed too.
    let Window { h, dir, path } = a;
    drop(h);
    let out = cli_import(&path, &json);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    drop(b);
    let mut c = Window {
        h: crate::harness(&path, dir.path().join("data")),
        dir,
        path,
    };
    // Both windows' work is offered, the newest (B's) first, though older than the file.
    assert!(c.shows("Restore unsaved work?"), "{:?}", c.texts());
    assert!(c.shows_containing("The project file has changed since"));
    // B's work against the file as the import left it: B's figure is not in the file,
    // the import's claim is not in B's work.
    assert!(
        c.shows_containing("1 span added, 1 removed, 0 changed, in \"a.txt\""),
        "{:?}",
        c.texts()
    );
    c.button("Later");
    assert!(c.shows("Restore unsaved work?"), "A's work is offered next");
    c.button("Restore");
    assert_eq!(
        labels_and_texts(c.h.state().session.project()),
        ["quote we will win"],
        "A's work is back"
    );
    // Saving over the file the import changed asks; Overwrite keeps the import's
    // version beside it.
    c.ctrl(Key::S);
    assert!(c.shows("Project changed on disk"));
    c.button("Overwrite (keep theirs as a copy)");
    assert_eq!(labels_and_texts(&c.saved()), ["quote we will win"]);
    let theirs = std::fs::read_dir(c.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".theirs-"))
        .expect("their version kept");
    assert_eq!(
        labels_and_texts(&spanmark::store::load(&theirs).unwrap()),
        ["claim Prices rose 40%"]
    );
    // B's work was put off, not lost: it is offered again after a restart.
    let c = c.restart();
    assert!(c.shows("Restore unsaved work?"));
    assert!(c.shows_containing("in \"a.txt\""), "{:?}", c.texts());
}

#[test]
fn a_deleted_project_can_be_saved_where_it_was() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    std::fs::remove_file(&w.path).unwrap();
    w.ctrl(Key::S);
    assert!(w.shows("Project file is gone"), "{:?}", w.texts());
    w.button("Save here again");
    assert_eq!(labels_and_texts(&w.saved()), ["quote we will win"]);
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let (dir, path) = saved_project();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut w = Window {
        h: crate::harness(&path, dir.path().join("data")),
        dir,
        path,
    };
    assert!(w.h.state().title().contains("(read-only)"));
    assert!(w.shows_containing("the file is read-only"));
    w.drag_over("we will win");
    w.key(Key::Q);
    w.ctrl(Key::S);
    assert!(w.shows("Cannot save to this file"));
    w.button("Cancel");
    assert_eq!(std::fs::read(&w.path).unwrap(), before);
}

#[test]
fn temporary_files_of_a_killed_save_are_removed_on_open() {
    let (dir, path) = saved_project();
    let stale = dir.path().join(".project.ron.Xy12ab.tmp");
    std::fs::copy(&path, &stale).unwrap();
    let _w = crate::harness(&path, dir.path().join("data"));
    assert!(!stale.exists());
}

#[test]
fn a_failing_autosave_is_one_message_with_a_count() {
    let (dir, path) = saved_project();
    // A data folder under a file: nothing can be written there, whoever runs the test.
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "x").unwrap();
    let h = harness_with(&path, blocked.join("data"), |_| {});
    let mut w = Window { h, dir, path };
    w.drag_over("we will win");
    w.key(Key::Q);
    w.h.run_steps(10);
    let failed: Vec<_> =
        w.h.state()
            .messages
            .iter()
            .filter(|m| m.text.starts_with("Autosave failed"))
            .map(|m| m.count)
            .collect();
    assert_eq!(failed.len(), 1, "{:?}", w.messages());
    assert!(failed[0] > 1);
    assert!(w.shows_containing("Autosave failed; save your work"));
    assert!(w.shows_containing("(×"), "the count is shown");
}

#[test]
fn every_message_can_be_reached() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.ctrl(Key::O);
    let missing: Vec<String> = (1..=6).map(|n| format!("/missing/{n}.txt")).collect();
    w.h.get_by_label("Path").type_text(&missing.join("; "));
    w.h.run_steps(1);
    w.key(Key::Enter);
    assert!(w.shows_containing("6.txt") && !w.shows_containing("/missing/1.txt"));
    w.button("2 more messages");
    for n in 1..=6 {
        assert!(
            w.shows_containing(&format!("/missing/{n}.txt")),
            "message {n}"
        );
    }
    w.button("Dismiss all");
    assert!(w.messages().is_empty(), "{:?}", w.messages());
}

#[test]
fn a_large_import_runs_on_a_thread_with_progress_and_cancel() {
    use crate::interop::{give_path, menu};
    let (dir, path) = saved_project();
    // W3C annotations of "270 drones", written by spanmark for a copy with the span.
    let tagged = spanmark::fixture::project(
        "P",
        &[(
            "a.txt",
            &ARTICLE.replace("270 drones", "[figure:270 drones]"),
        )],
    );
    let w3c = dir.path().join("w3c.json");
    std::fs::write(
        &w3c,
        spanmark::formats::export(&tagged, spanmark::formats::ExportFormat::W3c).unwrap(),
    )
    .unwrap();
    let h = harness_with(&path, dir.path().join("data"), |c| {
        c.background_bytes = 100;
        c.load_throttle = std::time::Duration::from_millis(300);
    });
    let mut w = Window { h, dir, path };
    // The project itself is "large" here too: it opens on the thread first.
    for _ in 0..200 {
        if w.h.state().session.path().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        w.h.run_steps(1);
    }
    menu(&mut w, &["Import", "W3C Web Annotations…"]);
    give_path(&mut w, &w3c);
    assert!(w.shows_containing("Importing "), "{:?}", w.texts());
    w.button("Cancel");
    std::thread::sleep(std::time::Duration::from_millis(700));
    w.h.run_steps(3);
    assert!(
        w.shows_containing("Import cancelled; nothing was changed."),
        "{:?}",
        w.messages()
    );
    assert_eq!(w.h.state().session.project().span_count(), 0);
    assert!(!w.h.state().session.is_dirty());
    // Again, to the end: merged as one undo step.
    menu(&mut w, &["Import", "W3C Web Annotations…"]);
    give_path(&mut w, &w3c);
    for _ in 0..200 {
        if w.h.state().session.project().span_count() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        w.h.run_steps(1);
    }
    assert_eq!(
        labels_and_texts(w.h.state().session.project()),
        ["figure 270 drones"]
    );
    w.ctrl(Key::Z);
    assert_eq!(
        w.h.state().session.project().span_count(),
        0,
        "one undo step"
    );
}

#[test]
fn reload_shows_the_other_programs_version() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    w.drag_over("we will win");
    w.key(Key::Q);
    let other = spanmark::fixture::project("Changed elsewhere", &[("b.txt", "Other text")]);
    spanmark::store::save(&other, &w.path).unwrap();
    w.ctrl(Key::S);
    assert!(w.shows("Project changed on disk"));
    w.button("Reload (drop my changes)");
    w.h.run_steps(2);
    assert!(w.shows("b.txt"), "{:?}", w.texts());
    assert!(!w.h.state().session.is_dirty());
    assert!(
        !w.h.state().title().contains("read-only"),
        "the lock was kept"
    );
    assert_eq!(w.saved().name, "Changed elsewhere");
}

/// A window on nothing but an article (an untitled project), with `data` as its data
/// folder.
fn untitled_window(article: &std::path::Path, data: &std::path::Path) -> Window {
    Window {
        h: crate::harness_on(vec![article.to_path_buf()], data.to_path_buf(), |_| {}),
        dir: tempfile::tempdir().unwrap(),
        path: article.to_path_buf(),
    }
}

#[test]
fn two_untitled_windows_keep_their_work_apart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (one, two) = (dir.path().join("one.txt"), dir.path().join("two.txt"));
    std::fs::write(&one, "First article, “quoted” here.").unwrap();
    std::fs::write(&two, "Second article with 270 drones.").unwrap();
    let mut a = untitled_window(&one, &data);
    let mut b = untitled_window(&two, &data);
    a.drag_over("quoted");
    a.key(Key::Q);
    b.drag_over("270 drones");
    b.key(Key::F);
    a.h.run_steps(3);
    b.h.run_steps(3);
    let (slot_a, slot_b) = (a.h.state().recovery_dir(), b.h.state().recovery_dir());
    assert!(
        slot_a.is_some() && slot_b.is_some() && slot_a != slot_b,
        "{slot_a:?} {slot_b:?}"
    );
    // Both killed; a window started on nothing offers both, one after the other.
    drop(a);
    drop(b);
    let h = crate::harness_on(Vec::new(), data.clone(), |_| {});
    let mut c = Window { h, dir, path: data };
    // B's work is the newer: offered first; put off, A's comes next.
    assert!(c.shows("Restore unsaved work?"), "{:?}", c.texts());
    assert!(c.shows_containing("1 document, 1 span"), "{:?}", c.texts());
    c.button("Later");
    assert!(c.shows("Restore unsaved work?"), "{:?}", c.texts());
    c.button("Restore");
    assert_eq!(
        labels_and_texts(c.h.state().session.project()),
        ["quote quoted"]
    );
    // B's is still kept for later.
    let slot_b = slot_b.unwrap().join("project.ron");
    let kept = spanmark::store::load(&slot_b).unwrap();
    assert_eq!(labels_and_texts(&kept), ["figure 270 drones"]);
}
