//! Merge conflicts git left in a project, settled in the window: both versions are
//! listed above the article; Keep ours / Take theirs are one undo step each; the saved
//! file has no conflict left (issue 16, point 3).

use crate::Window;
use egui::Key;
use spanmark::edit::Edit;
use spanmark::model::Project;

/// A project whose "270 drones" figure ours relabelled as a quote and theirs as a claim.
fn merged() -> Project {
    let base = spanmark::fixture::project(
        "News",
        &[("a.txt", "Kyiv was hit. [figure:270 drones] fell overnight.")],
    );
    let doc = base.documents()[0].id;
    let span = base.documents()[0].spans()[0].id;
    let relabel = |label: &str| {
        let mut p = base.clone();
        Edit::Relabel {
            doc,
            span,
            label: label.into(),
        }
        .apply(&mut p)
        .unwrap();
        p
    };
    let m = spanmark::merge3::merge(&base, &relabel("quote"), &relabel("claim")).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    m.project
}

fn window() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.ron");
    spanmark::store::save(&merged(), &path).unwrap();
    let h = crate::harness_with(&path, dir.path().join("data"), |_| {});
    Window { h, dir, path }
}

#[test]
fn a_conflict_is_listed_and_settled_with_their_version_in_one_undo_step() {
    let mut w = window();
    assert!(
        w.shows_containing("1 merge conflict from git"),
        "{:?}",
        w.texts()
    );
    assert!(w.shows_containing("ours: quote 14..24 “270 drones”"));
    assert!(w.shows_containing("theirs: claim 14..24 “270 drones”"));
    w.button("Take theirs");
    assert!(!w.shows_containing("merge conflict from git"), "settled");
    w.save();
    let saved = w.saved();
    assert!(saved.documents()[0].conflicts().is_empty());
    assert_eq!(saved.documents()[0].spans()[0].label, "claim");
    // One undo brings the conflict and our version back.
    w.ctrl(Key::Z);
    assert!(w.shows_containing("1 merge conflict from git"));
    w.button("Keep ours");
    w.save();
    let saved = w.saved();
    assert!(saved.documents()[0].conflicts().is_empty());
    assert_eq!(saved.documents()[0].spans()[0].label, "quote");
}
