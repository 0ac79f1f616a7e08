//! Every kind of change a user makes to what is saved marks the project unsaved and
//! undoes in one step; views never do. Driven through the session's public door, as
//! the window and the command line drive it.

use super::*;
use crate::article::Article;
use crate::formats::import::Imported;
use crate::formats::json;
use crate::model::{CharRange, Project};
use crate::store::to_ron;

const TEXT: &str = "Kyiv was hit. “We will win,” Zelensky said as 270 drones fell.";

/// The project as saved, without what undo leaves alone by design: the id counter
/// (ids are never handed out twice, even after an undo) and the document shown (a view
/// setting).
fn saved_content(project: &Project) -> String {
    to_ron(project)
        .lines()
        .filter(|l| !l.starts_with("  next_span_id:") && !l.starts_with("  open_document:"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn saved_session() -> Session {
    let project = crate::fixture::project(
        "p",
        &[(
            "a.txt",
            "Kyiv was hit. “We will win,” Zelensky said as [figure:270 drones] fell.",
        )],
    );
    Session::new(project, None, true)
}

/// Runs `change` on a saved session: afterwards the project differs and is unsaved;
/// one undo brings back the saved project exactly, and one redo the change.
fn one_undoable_step(what: &str, change: impl FnOnce(&mut Session)) {
    let mut session = saved_session();
    session.refresh_suggestions();
    let before = saved_content(session.project());
    change(&mut session);
    let after = saved_content(session.project());
    assert_ne!(before, after, "{what}: the project changed");
    assert!(session.is_dirty(), "{what}: marked unsaved");
    session.apply(SessionCommand::Undo).unwrap();
    assert_eq!(
        saved_content(session.project()),
        before,
        "{what}: one undo reverts it"
    );
    assert!(!session.is_dirty(), "{what}: back to the saved state");
    assert!(!session.history().can_undo(), "{what}: it was one step");
    session.apply(SessionCommand::Redo).unwrap();
    assert_eq!(
        saved_content(session.project()),
        after,
        "{what}: redo makes it again"
    );
}

fn quote_suggestion(session: &mut Session) -> (String, CharRange) {
    session
        .apply(SessionCommand::Suggestion(SuggestionCommand::Toggle(
            "quote".to_owned(),
        )))
        .unwrap();
    let s = session
        .suggestions()
        .list()
        .iter()
        .find(|s| s.label == "quote")
        .expect("the detector finds the quote");
    (s.label.clone(), s.range)
}

#[test]
fn accepting_a_suggestion_is_one_undoable_step() {
    one_undoable_step("accept", |session| {
        let (label, range) = quote_suggestion(session);
        assert!(!session.is_dirty(), "showing suggestions is a view");
        let accept = SuggestionCommand::Accept(label, range);
        session.apply(SessionCommand::Suggestion(accept)).unwrap();
        let doc = session.document().unwrap();
        assert!(doc.spans().iter().any(|s| s.range == range));
    });
}

#[test]
fn accepting_all_confident_suggestions_is_one_undoable_step() {
    one_undoable_step("accept all", |session| {
        quote_suggestion(session);
        let all = SuggestionCommand::AcceptAll("quote".to_owned());
        session.apply(SessionCommand::Suggestion(all)).unwrap();
    });
}

#[test]
fn rejecting_a_suggestion_is_one_undoable_step() {
    one_undoable_step("reject", |session| {
        let (label, range) = quote_suggestion(session);
        assert_eq!(
            session.suggestions().selected(),
            Some(&(label.clone(), range))
        );
        let reject = SuggestionCommand::RejectSelected;
        session.apply(SessionCommand::Suggestion(reject)).unwrap();
        assert!(session.document().unwrap().is_rejected(&label, range));
        assert!(session.suggestions().position(&label, range).is_none());
    });
}

#[test]
fn importing_is_one_undoable_step() {
    one_undoable_step("import", |session| {
        let spans = crate::fixture::project(
            "x",
            &[(
                "a.txt",
                "[claim:Kyiv was hit.] “We will win,” Zelensky said as 270 drones fell.",
            )],
        );
        let file = json::render(&json::build(&spans));
        let parsed = crate::formats::import::parse(&file).unwrap();
        let report = session.import(Imported::clean(parsed)).unwrap();
        assert_eq!(report.spans_added, 1);
        assert_eq!(report.documents_matched, 1);
    });
}

#[test]
fn adding_articles_is_one_undoable_step() {
    one_undoable_step("add articles", |session| {
        let article = |name: &str, text: &str| {
            let article = Article {
                name: name.to_owned(),
                text: text.to_owned(),
                encoding: "UTF-8".to_owned(),
                meta: Default::default(),
            };
            (std::path::PathBuf::from(name), article)
        };
        let added = session
            .add_articles(vec![
                article("b.txt", "Second article."),
                article("c.txt", "Third article."),
                article("again.txt", TEXT),
            ])
            .unwrap();
        assert_eq!(added.added, 2);
        assert_eq!(added.skipped, [std::path::PathBuf::from("again.txt")]);
        assert_eq!(
            session.document().unwrap().name,
            "b.txt",
            "the first is shown"
        );
    });
}

#[test]
fn relabelling_is_one_undoable_step() {
    one_undoable_step("relabel", |session| {
        let span = session.document().unwrap().spans()[0].id;
        let relabel = EditCommand::Relabel(span, "claim".to_owned());
        session.apply(SessionCommand::Edit(relabel)).unwrap();
    });
}

#[test]
fn tagging_a_selection_is_one_undoable_step() {
    one_undoable_step("tag", |session| {
        let select = ViewCommand::Select(Some(CharRange::new(0, 4)));
        session.apply(SessionCommand::View(select)).unwrap();
        assert!(!session.is_dirty(), "selecting is a view");
        let tag = EditCommand::Tag("claim".to_owned());
        session.apply(SessionCommand::Edit(tag)).unwrap();
        assert_eq!(session.selection(), None);
        assert!(session.selected_span().is_some());
    });
}

#[test]
fn views_change_nothing_that_is_saved() {
    let mut session = saved_session();
    let span = session.document().unwrap().spans()[0].id;
    for view in [
        ViewCommand::Select(Some(CharRange::new(2, 5))),
        ViewCommand::SelectSpan(Some(span)),
        ViewCommand::JumpToSpan(span),
        ViewCommand::NextSpan,
        ViewCommand::PrevSpan,
        ViewCommand::GoToEdge(true),
        ViewCommand::Reveal(crate::model::CharOffset(3)),
        ViewCommand::ClearSelection,
    ] {
        session.apply(SessionCommand::View(view.clone())).unwrap();
        assert!(!session.is_dirty(), "{view:?} is not an edit");
    }
    assert!(!session.history().can_undo());
}

#[test]
fn planning_ids_changes_nothing_until_the_edit_is_applied() {
    let mut session = saved_session();
    let next = session.project().next_span_id();
    let select = ViewCommand::Select(Some(CharRange::new(0, 4)));
    session.apply(SessionCommand::View(select)).unwrap();
    // A tag the project refuses (no such label) leaves the counter where it was.
    let tag = EditCommand::Tag("no such label".to_owned());
    assert!(session.apply(SessionCommand::Edit(tag)).is_err());
    assert_eq!(session.project().next_span_id(), next);
    assert!(!session.is_dirty());
}
