//! An article's source in the window: typed into the document panel's "Source" fields
//! (Enter or leaving a field sets it, one undoable edit a field), shown in one line
//! over the article with the URL as a link, saved with the document; a date that is no
//! date is refused with a message and changes nothing; Ctrl+Z takes the fields back.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanmark::app::dialogs::NoDialogs;
use spanmark::app::{App, Config};
use spanmark::edit::Edit;
use spanmark::model::ArticleMeta;
use spanmark::{fixture, store};

const ARTICLE: &str = "“We will rebuild every bridge,” Mayor Anna Berger said on Tuesday.";

/// Clicks the field `name` and types `text` into it, then presses `end` (Enter or Tab).
fn type_into(w: &mut Window, name: &str, text: &str, end: Key) {
    w.field(name).click();
    w.h.run_steps(2);
    assert!(w.field(name).is_focused(), "{name} has no keyboard");
    w.field(name).type_text(text);
    w.h.run_steps(1);
    w.key(end);
}

/// Empties the field `name` (End, then Backspace over what it holds).
fn clear(w: &mut Window, name: &str) {
    let held = w.field(name).value().unwrap_or_default();
    w.field(name).click();
    w.h.run_steps(2);
    w.key(Key::End);
    for _ in 0..held.chars().count() {
        w.h.key_press(Key::Backspace);
    }
    w.h.run_steps(2);
}

fn open_source(w: &mut Window) {
    w.h.get_by_role_and_label(Role::Button, "Source").click();
    w.h.run_steps(4);
}

fn meta_of(w: &Window) -> ArticleMeta {
    w.h.state().session.document().unwrap().meta.clone()
}

#[test]
fn a_source_typed_in_the_fields_shows_over_the_article_saves_and_undoes() {
    let mut w = Window::open(&[("a.txt", ARTICLE)]);
    open_source(&mut w);
    type_into(
        &mut w,
        "URL of a.txt",
        "https://harbourpost.example/2026/02/bridges",
        Key::Enter,
    );
    type_into(&mut w, "Outlet of a.txt", "Harbour Post", Key::Tab);
    // Tab went on to the next field: what it holds is sent when it is left.
    assert!(w.field("Authors of a.txt").is_focused());
    w.field("Authors of a.txt").type_text("Ann Lee; Bo Chen");
    w.h.run_steps(1);
    w.key(Key::Enter);
    type_into(&mut w, "Date of a.txt", "2026-02-01", Key::Enter);

    let line = "Harbour Post · 2026-02-01 · Ann Lee, Bo Chen";
    assert!(w.shows(line), "{:?}", w.texts());
    let link =
        w.h.get_by_role_and_label(Role::Link, "harbourpost.example/2026/02/bridges");
    // Over the article's text, in its column.
    let first = w.char_pos(0);
    assert!(
        link.rect().bottom() <= first.top(),
        "{:?} {first:?}",
        link.rect()
    );
    assert!(w.messages().is_empty(), "{:?}", w.messages());

    w.save();
    let expected = ArticleMeta {
        url: Some("https://harbourpost.example/2026/02/bridges".into()),
        outlet: Some("Harbour Post".into()),
        authors: vec!["Ann Lee".into(), "Bo Chen".into()],
        published: Some("2026-02-01".into()),
        ..ArticleMeta::default()
    };
    assert_eq!(w.saved().documents()[0].meta, expected);

    // A date that is no date: refused, the message says why, nothing changes.
    clear(&mut w, "Date of a.txt");
    w.field("Date of a.txt").type_text("2026-02-30");
    w.h.run_steps(2);
    assert!(
        w.shows_containing("⚠ \"2026-02-30\" is not a date"),
        "{:?}",
        w.texts()
    );
    w.key(Key::Enter);
    assert!(
        w.messages()
            .iter()
            .any(|m| m.starts_with("date: \"2026-02-30\" is not a date")),
        "{:?}",
        w.messages()
    );
    assert_eq!(meta_of(&w), expected);
    assert!(!w.h.state().session.is_dirty());
    assert_eq!(
        w.field("Date of a.txt").value().as_deref(),
        Some("2026-02-01")
    );
    w.ctrl(Key::S);
    assert_eq!(w.saved().documents()[0].meta, expected);

    // Esc leaves a field as it was.
    clear(&mut w, "Outlet of a.txt");
    w.field("Outlet of a.txt").type_text("Other");
    w.h.run_steps(1);
    w.key(Key::Escape);
    assert_eq!(meta_of(&w), expected);
    assert_eq!(
        w.field("Outlet of a.txt").value().as_deref(),
        Some("Harbour Post")
    );

    // Ctrl+Z takes the fields back one at a time: the date first.
    w.ctrl(Key::Z);
    assert_eq!(meta_of(&w).published, None);
    assert!(
        w.shows("Harbour Post · Ann Lee, Bo Chen"),
        "{:?}",
        w.texts()
    );
    assert_eq!(w.field("Date of a.txt").value().as_deref(), Some(""));
    for _ in 0..3 {
        w.ctrl(Key::Z);
    }
    assert_eq!(meta_of(&w), ArticleMeta::default());
    assert!(!w.shows_containing("Harbour Post"), "{:?}", w.texts());
    assert!(w.h.query_by_role(Role::Link).is_none());
    w.ctrl_shift(Key::Z);
    assert_eq!(meta_of(&w).url, expected.url);
}

#[test]
fn the_link_opens_the_browser_and_other_fields_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    let mut project = fixture::project("Test", &[("a.txt", ARTICLE)]);
    let doc = project.documents()[0].id;
    let meta = ArticleMeta {
        url: Some("https://harbourpost.example/a".into()),
        outlet: Some("Harbour Post".into()),
        language: Some("en".into()),
        extra: [("section".to_owned(), "City".to_owned())].into(),
        ..ArticleMeta::default()
    };
    let meta = Box::new(meta);
    Edit::SetMeta { doc, meta }.apply(&mut project).unwrap();
    store::save(&project, &path).unwrap();
    let h = crate::harness(&path, dir.path().join("data"));
    let mut w = Window { h, dir, path };
    w.h.get_by_role_and_label(Role::Button, "Source").click();
    w.h.run_steps(4);
    assert!(w.shows("section: City"), "{:?}", w.texts());
    assert_eq!(w.field("Language of a.txt").value().as_deref(), Some("en"));

    w.h.get_by_role_and_label(Role::Link, "harbourpost.example/a")
        .click();
    w.h.step();
    let opened: Vec<String> =
        w.h.output()
            .platform_output
            .commands
            .iter()
            .filter_map(|c| match c {
                egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
                _ => None,
            })
            .collect();
    assert_eq!(opened, ["https://harbourpost.example/a"]);

    // A changed language keeps the other fields, the corpus's ones too.
    clear(&mut w, "Language of a.txt");
    w.field("Language of a.txt").type_text("uk");
    w.h.run_steps(1);
    w.key(Key::Enter);
    let meta = meta_of(&w);
    assert_eq!(meta.language.as_deref(), Some("uk"));
    assert_eq!(meta.extra["section"], "City");
    assert_eq!(meta.outlet.as_deref(), Some("Harbour Post"));
}

#[test]
fn the_fields_fit_a_narrow_window_at_200_percent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.ron");
    store::save(&fixture::project("Test", &[("a.txt", ARTICLE)]), &path).unwrap();
    let mut config = Config::new(vec![path.clone()]);
    config.dialogs = Box::new(NoDialogs);
    config.data_dir = Some(dir.path().join("data"));
    config.autosave_seconds = 0.0;
    config.open_last = false;
    let h = Harness::builder()
        .with_size([400.0, 300.0])
        .with_step_dt(1.0 / 60.0)
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            cc.egui_ctx.set_zoom_factor(2.0);
            App::new(cc, config)
        });
    let mut w = Window { h, dir, path };
    w.h.run_steps(4);
    // Too narrow for the documents panel until asked for.
    w.ctrl(Key::B);
    assert!(w.shows("Documents"));
    open_source(&mut w);
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(400.0, 300.0));
    let article = w.h.state().article.viewport();
    for name in ["URL", "Outlet", "Authors", "Date", "Language"] {
        let field = format!("{name} of a.txt");
        let rect = w.field(&field).rect();
        assert!(
            rect.left() >= 0.0 && rect.right() <= article.left(),
            "{field} {rect:?} beside the article {article:?}"
        );
        assert!(
            rect.width() >= 100.0,
            "{field} {rect:?} too narrow to type in"
        );
    }
    type_into(
        &mut w,
        "URL of a.txt",
        "https://harbourpost.example/a",
        Key::Enter,
    );
    assert_eq!(
        meta_of(&w).url.as_deref(),
        Some("https://harbourpost.example/a")
    );
    // The source line keeps inside the article's column.
    let link =
        w.h.get_by_role_and_label(Role::Link, "harbourpost.example/a")
            .rect();
    assert!(
        screen.contains_rect(link) && link.left() >= article.left(),
        "{link:?} {article:?}"
    );
}
