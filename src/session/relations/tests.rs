//! Linking spans through the session: the gesture, the refusals, the cascade on delete,
//! the checks on entry, retyping, and the link an accepted suggestion brings.

use super::*;
use crate::fixture;
use crate::model::schema::ATTRIBUTED_TO;
use crate::model::stats::SPEAKER;
use crate::session::{EditCommand, SessionCommand, ViewCommand};

/// A quote, the name of its speaker (tagged claim, for want of a person label) and
/// a figure.
fn session() -> (Session, [SpanId; 3]) {
    let p = fixture::project(
        "p",
        &[(
            "a.txt",
            "[quote:“We lost [figure:270] drones”], said [claim:Olena Ivanova].",
        )],
    );
    let spans = p.documents()[0].spans();
    let id = |l: &str| spans.iter().find(|s| s.label == l).map(|s| s.id).unwrap();
    let ids = [id("quote"), id("claim"), id("figure")];
    (Session::new(p, None, true), ids)
}

fn run(s: &mut Session, c: impl Into<crate::session::Command>) -> Result<(), String> {
    match c.into() {
        crate::session::Command::Session(c) => s.apply(c),
        other => panic!("not a session command: {other:?}"),
    }
}

#[test]
fn linking_a_quote_to_a_name_sets_its_speaker_in_one_undo_step() {
    let (mut s, [quote, name, _]) = session();
    run(&mut s, ViewCommand::SelectSpan(Some(quote))).unwrap();
    run(&mut s, RelationCommand::Start).unwrap();
    assert_eq!(s.linking_from(), Some(quote));
    run(&mut s, RelationCommand::Finish(name)).unwrap();
    assert_eq!(s.linking_from(), None);
    let doc = &s.project().documents()[0];
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(doc.relations()[0].kind, ATTRIBUTED_TO);
    assert_eq!(
        doc.span(quote)
            .unwrap()
            .attributes
            .get(SPEAKER)
            .map(String::as_str),
        Some("Olena Ivanova")
    );
    assert!(s.is_dirty());
    assert!(
        s.take_notice()
            .unwrap()
            .contains("speaker \"Olena Ivanova\"")
    );
    run(&mut s, SessionCommand::Undo).unwrap();
    let doc = &s.project().documents()[0];
    assert!(doc.relations().is_empty());
    assert_eq!(doc.span(quote).unwrap().attributes.get(SPEAKER), None);
}

#[test]
fn links_the_types_do_not_allow_are_refused() {
    let (mut s, [quote, name, figure]) = session();
    // Nothing links a figure to anything.
    let err = run(
        &mut s,
        RelationCommand::Link {
            from: figure,
            to: quote,
            kind: None,
        },
    )
    .unwrap_err();
    assert!(
        err.contains("no relation type links a \"figure\" span to a \"quote\" span"),
        "{err}"
    );
    let err = run(
        &mut s,
        RelationCommand::Link {
            from: name,
            to: figure,
            kind: Some("attributed to".into()),
        },
    )
    .unwrap_err();
    assert!(
        err.contains("links from a \"quote\" span, not a \"claim\""),
        "{err}"
    );
    run(
        &mut s,
        RelationCommand::Link {
            from: quote,
            to: name,
            kind: None,
        },
    )
    .unwrap();
    let err = run(
        &mut s,
        RelationCommand::Link {
            from: quote,
            to: name,
            kind: None,
        },
    )
    .unwrap_err();
    assert!(err.contains("already linked"), "{err}");
    assert_eq!(s.project().relation_count(), 1);
}

#[test]
fn deleting_a_span_takes_its_links_and_undo_brings_both_back() {
    let (mut s, [quote, name, figure]) = session();
    run(
        &mut s,
        RelationCommand::Link {
            from: quote,
            to: name,
            kind: None,
        },
    )
    .unwrap();
    run(
        &mut s,
        RelationCommand::Link {
            from: name,
            to: figure,
            kind: None,
        },
    )
    .unwrap();
    assert_eq!(s.project().relation_count(), 2);
    run(&mut s, EditCommand::DeleteSpan(name)).unwrap();
    assert_eq!(s.project().relation_count(), 0);
    assert!(s.project().find_span(name).is_none());
    run(&mut s, SessionCommand::Undo).unwrap();
    assert_eq!(s.project().relation_count(), 2);
    assert!(s.project().find_span(name).is_some());
    run(&mut s, SessionCommand::Redo).unwrap();
    assert_eq!(s.project().relation_count(), 0);
}

#[test]
fn values_are_checked_as_they_are_entered() {
    let (mut s, [_, _, figure]) = session();
    let set = |v: &str| EditCommand::SetAttribute(figure, "kind".into(), v.into());
    let err = run(&mut s, set("lots")).unwrap_err();
    assert!(
        err.contains("\"kind\": \"lots\" is not one of \"count\""),
        "{err}"
    );
    run(&mut s, set("count")).unwrap();
    let doc = &s.project().documents()[0];
    assert_eq!(
        doc.span(figure)
            .unwrap()
            .attributes
            .get("kind")
            .map(String::as_str),
        Some("count")
    );
}

#[test]
fn an_accepted_quote_suggestion_links_to_the_span_naming_its_speaker() {
    let p = fixture::project(
        "p",
        &[(
            "a.txt",
            "[claim:Olena Ivanova] spoke. “We lost them all,” said Olena Ivanova.",
        )],
    );
    let mut s = Session::new(p, None, true);
    run(
        &mut s,
        crate::session::SuggestionCommand::Toggle("quote".into()),
    )
    .unwrap();
    run(&mut s, crate::session::SuggestionCommand::AcceptSelected).unwrap();
    let doc = &s.project().documents()[0];
    let quote = doc.spans().iter().find(|x| x.label == "quote").unwrap();
    assert_eq!(
        quote.attributes.get(SPEAKER).map(String::as_str),
        Some("Olena Ivanova")
    );
    let links: Vec<_> = doc.relations_of(quote.id).collect();
    assert_eq!(links.len(), 1, "the suggestion proposes the link");
    assert_eq!(links[0].kind, ATTRIBUTED_TO);
    let target = doc.span(links[0].to).unwrap();
    assert_eq!(doc.slice(target.range), Some("Olena Ivanova"));
    // One undo step takes the quote and its link.
    run(&mut s, SessionCommand::Undo).unwrap();
    assert_eq!(s.project().relation_count(), 0);
    assert_eq!(s.project().span_count(), 1);
}

#[test]
fn a_link_changes_type_in_one_undo_step_keeping_its_id() {
    let (mut s, [quote, name, _]) = session();
    // A quote may be "attributed to" anything; "supported by" needs a claim at its start.
    run(
        &mut s,
        RelationCommand::Link {
            from: quote,
            to: name,
            kind: None,
        },
    )
    .unwrap();
    let id = s.project().documents()[0].relations()[0].id;
    let err = run(&mut s, RelationCommand::SetType(id, "supported by".into())).unwrap_err();
    assert!(err.contains("links from a \"claim\" span"), "{err}");
    run(
        &mut s,
        RelationCommand::AddType(RelationType::new("quotes", &["quote"], &[])),
    )
    .unwrap();
    run(&mut s, RelationCommand::SetType(id, "quotes".into())).unwrap();
    let doc = &s.project().documents()[0];
    assert_eq!(
        (doc.relations()[0].id, doc.relations()[0].kind.as_str()),
        (id, "quotes")
    );
    run(&mut s, SessionCommand::Undo).unwrap();
    assert_eq!(
        s.project().documents()[0].relations()[0].kind,
        ATTRIBUTED_TO
    );
}

#[test]
fn linking_a_claim_to_who_made_it_names_its_claimant() {
    let p = fixture::project(
        "p",
        &[(
            "a.txt",
            "[claim:Prices fell 5%], said [quote:Finance Minister Ivo Horvat].",
        )],
    );
    let spans = p.documents()[0].spans();
    let id = |l: &str| spans.iter().find(|s| s.label == l).map(|s| s.id).unwrap();
    let (claim, who) = (id("claim"), id("quote"));
    let mut s = Session::new(p, None, true);
    // claim → quote: "supported by" comes first; name the type to say who claimed it.
    run(
        &mut s,
        RelationCommand::Link {
            from: claim,
            to: who,
            kind: Some(crate::model::schema::CLAIMED_BY.into()),
        },
    )
    .unwrap();
    let doc = &s.project().documents()[0];
    assert_eq!(
        doc.span(claim)
            .unwrap()
            .attributes
            .get("claimant")
            .map(String::as_str),
        Some("Finance Minister Ivo Horvat")
    );
    assert!(
        s.take_notice()
            .unwrap()
            .contains("claimant \"Finance Minister Ivo Horvat\"")
    );
}

#[test]
fn sources_are_urls_with_a_note_one_per_line() {
    let p = fixture::project("p", &[("a.txt", "[claim:Prices fell 5%].")]);
    let claim = p.documents()[0].spans()[0].id;
    let mut s = Session::new(p, None, true);
    let set = |v: &str| EditCommand::SetAttribute(claim, "sources".into(), v.into());
    run(
        &mut s,
        set("https://stat.example/cpi the statistics office\nhttps://example.org"),
    )
    .unwrap();
    let err = run(&mut s, set("https://a.example\nthe minister's office")).unwrap_err();
    assert!(err.contains("line 2 does not start with a URL"), "{err}");
}
