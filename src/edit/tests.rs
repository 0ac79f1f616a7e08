//! Every edit, applied through a [`History`], then undone and redone: the project must
//! return exactly to each state.

use super::*;
use crate::fixture;
use crate::model::{CharRange, Document, Label, Project, Span, SpanId};

/// A comparable picture of everything a user could see of a project.
fn snapshot(project: &Project) -> String {
    let mut out = format!("{} | ", project.name);
    for label in project.labels.iter() {
        out += &format!("{:?} ", label);
    }
    for doc in project.documents() {
        out += &format!("\n{} {} {:?}:", doc.id, doc.name, doc.status);
        for span in doc.spans() {
            out += &format!(" {:?}", span);
        }
    }
    out
}

fn sample() -> Project {
    fixture::project(
        "t",
        &[
            ("a.txt", "👋 He said [quote:we will [figure:20] win] today."),
            ("b.txt", "[claim:Prices rose.]\r\nNothing else."),
        ],
    )
}

/// Applies `edit`, then checks undo and redo restore the before and after states.
fn check_undo_redo(mut project: Project, edit: Edit) -> Project {
    let mut history = History::new_saved();
    let before = snapshot(&project);
    history.apply(&mut project, edit).expect("edit applies");
    let after = snapshot(&project);
    assert_ne!(before, after, "the edit changed nothing");
    assert!(history.is_dirty());
    assert!(history.undo(&mut project).unwrap().is_some());
    assert_eq!(snapshot(&project), before);
    assert!(!history.is_dirty(), "undo back to the saved state is clean");
    assert!(history.redo(&mut project).unwrap().is_some());
    assert_eq!(snapshot(&project), after);
    assert!(history.is_dirty());
    assert!(history.redo(&mut project).unwrap().is_none());
    project
}

fn ids(project: &Project) -> (DocId, SpanId, SpanId) {
    let doc = &project.documents()[0];
    (doc.id, doc.spans()[0].id, doc.spans()[1].id)
}

#[test]
fn add_span() {
    let mut p = sample();
    let doc = p.documents()[0].id;
    let span = Span::new(p.allocate_span_id(), "claim", CharRange::new(2, 6));
    let p = check_undo_redo(p, Edit::AddSpan { doc, span });
    assert_eq!(p.documents()[0].slice(CharRange::new(2, 6)), Some("He s"));
}

#[test]
fn remove_span() {
    let p = sample();
    let (doc, quote, _) = ids(&p);
    let p = check_undo_redo(p, Edit::RemoveSpan { doc, span: quote });
    assert_eq!(p.documents()[0].spans().len(), 1);
}

#[test]
fn relabel() {
    let p = sample();
    let (doc, quote, _) = ids(&p);
    let p = check_undo_redo(
        p,
        Edit::Relabel {
            doc,
            span: quote,
            label: "claim".into(),
        },
    );
    assert_eq!(p.documents()[0].span(quote).unwrap().label, "claim");
}

#[test]
fn resize_keeps_spans_sorted() {
    let p = sample();
    let (doc, quote, figure) = ids(&p);
    let p = check_undo_redo(
        p,
        Edit::Resize {
            doc,
            span: quote,
            range: CharRange::new(20, 22),
        },
    );
    let spans = p.documents()[0].spans();
    assert_eq!(spans[0].id, figure);
    assert_eq!(spans[1].id, quote);
}

#[test]
fn set_note_and_attribute() {
    let p = sample();
    let (doc, quote, _) = ids(&p);
    let p = check_undo_redo(
        p,
        Edit::SetNote {
            doc,
            span: quote,
            note: Some("check".into()),
        },
    );
    let p = check_undo_redo(
        p,
        Edit::SetAttribute {
            doc,
            span: quote,
            key: "speaker".into(),
            value: Some("Zelensky".into()),
        },
    );
    let span = p.documents()[0].span(quote).unwrap();
    assert_eq!(span.note.as_deref(), Some("check"));
    assert_eq!(span.attributes["speaker"], "Zelensky");
    let p = check_undo_redo(
        p,
        Edit::SetAttribute {
            doc,
            span: quote,
            key: "speaker".into(),
            value: None,
        },
    );
    assert!(p.documents()[0].span(quote).unwrap().attributes.is_empty());
}

#[test]
fn add_and_remove_document() {
    let mut p = sample();
    let id = p.allocate_doc_id();
    let document = Box::new(Document::new(id, "c.txt", "Third 📰".into(), "UTF-8"));
    let p = check_undo_redo(p, Edit::AddDocument { index: 1, document });
    assert_eq!(p.documents()[1].name, "c.txt");
    let first = p.documents()[0].id;
    let p = check_undo_redo(p, Edit::RemoveDocument { doc: first });
    assert_eq!(p.documents()[0].name, "c.txt");
}

#[test]
fn set_status() {
    let p = sample();
    let doc = p.documents()[1].id;
    let p = check_undo_redo(
        p,
        Edit::SetStatus {
            doc,
            status: Status::Done,
        },
    );
    assert_eq!(p.documents()[1].status, Status::Done);
}

#[test]
fn label_edits() {
    let p = sample();
    let person = Label::new("person", "#E69F00", Some('p'), &[]);
    let p = check_undo_redo(
        p,
        Edit::AddLabel {
            index: 3,
            label: person,
        },
    );
    let p = check_undo_redo(
        p,
        Edit::RemoveLabel {
            name: "person".into(),
        },
    );
    let renamed = Label::new("citation", "#56B4E9", Some('q'), &["speaker"]);
    let p = check_undo_redo(
        p,
        Edit::UpdateLabel {
            name: "quote".into(),
            label: renamed,
        },
    );
    assert_eq!(p.documents()[0].spans()[0].label, "citation");
    assert!(p.labels.get("quote").is_none());
    let p = check_undo_redo(
        p,
        Edit::MoveLabel {
            name: "figure".into(),
            index: 0,
        },
    );
    assert_eq!(p.labels.as_slice()[0].name, "figure");
    let p = check_undo_redo(
        p,
        Edit::SetProjectName {
            name: "Renamed".into(),
        },
    );
    assert_eq!(p.name, "Renamed");
}

#[test]
fn batch_is_one_step() {
    let mut p = sample();
    let doc = p.documents()[0].id;
    let a = Span::new(p.allocate_span_id(), "claim", CharRange::new(2, 4));
    let b = Span::new(p.allocate_span_id(), "claim", CharRange::new(5, 9));
    let p = check_undo_redo(
        p,
        Edit::Batch(vec![
            Edit::AddSpan { doc, span: a },
            Edit::AddSpan { doc, span: b },
        ]),
    );
    assert_eq!(p.documents()[0].spans().len(), 4);
}

#[test]
fn failing_batch_changes_nothing() {
    let mut p = sample();
    let before = snapshot(&p);
    let doc = p.documents()[0].id;
    let good = Span::new(p.allocate_span_id(), "claim", CharRange::new(2, 4));
    let bad = Span::new(p.allocate_span_id(), "claim", CharRange::new(5, 500));
    let err = Edit::Batch(vec![
        Edit::AddSpan { doc, span: good },
        Edit::AddSpan { doc, span: bad },
    ])
    .apply(&mut p)
    .unwrap_err();
    assert!(matches!(err, EditError::OutOfRange { .. }));
    assert_eq!(snapshot(&p), before);
}

#[test]
fn invalid_edits_are_refused() {
    let mut p = sample();
    let (doc, quote, _) = ids(&p);
    let range = p.documents()[0].span(quote).unwrap().range;
    let id = p.allocate_span_id();
    let dup = Span::new(id, "quote", range);
    assert!(matches!(
        Edit::AddSpan { doc, span: dup }.apply(&mut p),
        Err(EditError::Duplicate { .. })
    ));
    let empty = Span::new(id, "quote", CharRange::new(3, 3));
    assert!(matches!(
        Edit::AddSpan { doc, span: empty }.apply(&mut p),
        Err(EditError::EmptySpan { .. })
    ));
    let unknown = Span::new(id, "person", CharRange::new(1, 3));
    assert_eq!(
        Edit::AddSpan { doc, span: unknown }.apply(&mut p),
        Err(EditError::NoLabel("person".into()))
    );
    let reused = Span::new(quote, "claim", CharRange::new(1, 3));
    assert_eq!(
        Edit::AddSpan { doc, span: reused }.apply(&mut p),
        Err(EditError::SpanIdInUse(quote))
    );
    assert!(matches!(
        Edit::RemoveLabel {
            name: "quote".into()
        }
        .apply(&mut p),
        Err(EditError::LabelInUse { .. })
    ));
    let bad = Label::new("x", "red", None, &[]);
    assert_eq!(
        Edit::AddLabel {
            index: 0,
            label: bad
        }
        .apply(&mut p),
        Err(EditError::BadColor("red".into()))
    );
    assert_eq!(
        Edit::RemoveSpan {
            doc: DocId(99),
            span: quote
        }
        .apply(&mut p),
        Err(EditError::NoDocument(DocId(99)))
    );
}

#[test]
fn undo_across_documents_and_saved_marker() {
    let mut p = sample();
    let mut history = History::new_unsaved();
    assert!(history.is_dirty());
    let a = p.documents()[0].id;
    let b = p.documents()[1].id;
    history
        .apply(
            &mut p,
            Edit::SetStatus {
                doc: a,
                status: Status::Done,
            },
        )
        .unwrap();
    history.mark_saved();
    assert!(!history.is_dirty());
    history
        .apply(
            &mut p,
            Edit::SetStatus {
                doc: b,
                status: Status::InProgress,
            },
        )
        .unwrap();
    assert!(history.is_dirty());
    let undone = history.undo(&mut p).unwrap().unwrap();
    assert_eq!(undone.document(), Some(b));
    assert!(!history.is_dirty());
    let undone = history.undo(&mut p).unwrap().unwrap();
    assert_eq!(undone.document(), Some(a));
    assert!(history.is_dirty());
    assert_eq!(p.documents()[0].status, Status::New);
    assert!(!history.can_undo());
    // A new edit after undo drops the redo stack.
    history
        .apply(&mut p, Edit::SetProjectName { name: "x".into() })
        .unwrap();
    assert!(!history.can_redo());
}

/// Runs of span additions and removals in one document are applied at once: the result,
/// the refusals and the undo must be those of applying them one by one.
#[test]
fn batches_of_span_edits_apply_at_once_exactly_as_one_by_one() {
    let project = sample();
    let doc = project.documents()[0].id;
    let other = project.documents()[1].id;
    let len = project.documents()[0].len_chars();
    // Spans in no particular order, some in another document between them.
    let mut next = project.next_span_id();
    let mut span = |label: &str, start: usize, end: usize| {
        next += 1;
        Span::new(SpanId(next), label, CharRange::new(start, end))
    };
    let adds = vec![
        Edit::AddSpan {
            doc,
            span: span("claim", 5, len),
        },
        Edit::AddSpan {
            doc,
            span: span("quote", 0, 2),
        },
        Edit::AddSpan {
            doc,
            span: span("figure", 3, 7),
        },
        Edit::AddSpan {
            doc: other,
            span: span("quote", 0, 6),
        },
        Edit::AddSpan {
            doc,
            span: span("figure", 1, 2),
        },
    ];
    let one_by_one = {
        let mut p = project.clone();
        for edit in adds.clone() {
            edit.apply(&mut p).unwrap();
        }
        snapshot(&p)
    };
    let batched = check_undo_redo(project.clone(), Edit::Batch(adds.clone()));
    assert_eq!(snapshot(&batched), one_by_one);
    for (d, s) in batched
        .documents()
        .iter()
        .flat_map(|d| d.spans().iter().map(move |s| (d, s)))
    {
        assert_eq!(batched.find_span(s.id).map(|(d, _)| d.id), Some(d.id));
    }

    // A twin inside the run, or an id used twice: refused, nothing changed.
    for bad in [
        Edit::AddSpan {
            doc,
            span: Span::new(SpanId(900), "quote", CharRange::new(0, 2)),
        },
        Edit::AddSpan {
            doc,
            span: Span::new(SpanId(next - 1), "claim", CharRange::new(0, 1)),
        },
    ] {
        let mut p = project.clone();
        let mut edits = adds.clone();
        edits.push(Edit::AddSpan {
            doc,
            span: Span::new(SpanId(901), "claim", CharRange::new(0, 3)),
        });
        edits.push(bad);
        let before = snapshot(&p);
        assert!(Edit::Batch(edits).apply(&mut p).is_err());
        assert_eq!(snapshot(&p), before);
    }

    // Removing them all at once, then one missing id: refused, nothing changed.
    let ids: Vec<SpanId> = batched.documents()[0]
        .spans()
        .iter()
        .map(|s| s.id)
        .collect();
    let removes: Vec<Edit> = ids
        .iter()
        .map(|&span| Edit::RemoveSpan { doc, span })
        .collect();
    let emptied = check_undo_redo(batched.clone(), Edit::Batch(removes.clone()));
    assert!(emptied.documents()[0].spans().is_empty());
    let mut p = batched.clone();
    let mut missing = removes;
    missing.push(Edit::RemoveSpan {
        doc,
        span: SpanId(12345),
    });
    assert!(Edit::Batch(missing).apply(&mut p).is_err());
    assert_eq!(snapshot(&p), snapshot(&batched));
}

#[test]
fn the_allocator_never_wraps_and_an_edit_past_the_limit_is_refused() {
    let mut project = sample();
    project.next_span_id = u64::MAX;
    let id = project.allocate_span_id();
    assert_eq!((id.0, project.next_span_id()), (u64::MAX, u64::MAX));
    let doc = project.documents()[0].id;
    let err = Edit::AddSpan {
        doc,
        span: Span::new(id, "claim", CharRange::new(0, 1)),
    }
    .apply(&mut project)
    .unwrap_err();
    assert!(err.to_string().contains("used up its span ids"), "{err}");
}

#[test]
fn an_edit_says_what_it_does_in_a_few_words() {
    let doc = DocId(1);
    let span = |id| Span::new(SpanId(id), "claim", CharRange::new(0, 2));
    let batch = Edit::Batch(vec![
        Edit::AddSpan { doc, span: span(1) },
        Edit::AddSpan { doc, span: span(2) },
        Edit::SetStatus {
            doc,
            status: crate::model::Status::InProgress,
        },
    ]);
    assert_eq!(batch.summary(), "2 spans added, 1 status changed");
    assert_eq!(
        Edit::RemoveSpan {
            doc,
            span: SpanId(1)
        }
        .summary(),
        "1 span removed"
    );
    assert_eq!(Edit::Batch(Vec::new()).summary(), "nothing");
}

/// Renaming relabels every span in one pass per document (not a shift of the span
/// list per span): 100,000 spans, half of them the renamed label, sharing ranges with
/// the other half so the order among them changes.
#[test]
fn renaming_a_label_of_100k_spans_is_linear_and_keeps_the_file_order() {
    let mut doc = Document::new(
        crate::model::DocId(1),
        "big.txt",
        "x".repeat(60_000),
        "UTF-8",
    );
    let spans: Vec<Span> = (0..100_000u64)
        .map(|i| {
            let start = (i / 2) as usize;
            let label = if i % 2 == 0 { "quote" } else { "claim" };
            Span::new(SpanId(i + 1), label, CharRange::new(start, start + 3))
        })
        .collect();
    doc.set_spans(spans);
    let mut p = Project::new("big");
    Edit::AddDocument {
        index: 0,
        document: Box::new(doc),
    }
    .apply(&mut p)
    .expect("adds");
    let mut renamed = p.labels.get("quote").expect("quote").clone();
    renamed.name = "citation".into();
    let started = std::time::Instant::now();
    let undo = Edit::UpdateLabel {
        name: "quote".into(),
        label: renamed,
    }
    .apply(&mut p)
    .expect("renames");
    eprintln!("renamed 50,000 of 100,000 spans in {:?}", started.elapsed());
    let d = &p.documents()[0];
    assert_eq!(
        (d.count_label("citation"), d.count_label("quote")),
        (50_000, 0)
    );
    assert!(d.spans().is_sorted_by(|a, b| a.sort_key() <= b.sort_key()));
    // "citation" now sorts before "claim" at each range.
    assert_eq!(d.spans()[0].label, "citation");
    assert_eq!(
        d.span(SpanId(1)).map(|s| s.label.as_str()),
        Some("citation")
    );
    undo.apply(&mut p).expect("undoes");
    let d = &p.documents()[0];
    assert_eq!(d.count_label("quote"), 50_000);
    assert_eq!(d.spans()[0].label, "claim");
}
