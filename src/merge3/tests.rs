//! The three-way merge by hand-made cases and by random edits on two branches.

use super::*;
use crate::fixture;

const TEXT: &str =
    "Kyiv was hit. [quote|speaker=Ann:We will win], Ann said. [figure:270 drones] fell.";

fn base() -> Project {
    fixture::project("p", &[("a.txt", TEXT)])
}

fn spans(p: &Project) -> Vec<(String, String)> {
    let doc = &p.documents()[0];
    doc.spans()
        .iter()
        .map(|s| (s.label.clone(), doc.slice(s.range).unwrap().to_owned()))
        .collect()
}

fn apply(p: &mut Project, edits: Vec<Edit>) {
    Edit::Batch(edits).apply(p).unwrap();
}

#[test]
fn additions_on_both_sides_are_kept_and_clashing_ids_renumbered() {
    let b = base();
    let doc = b.documents()[0].id;
    let (mut o, mut t) = (b.clone(), b.clone());
    let id = b.fresh_ids().span();
    apply(
        &mut o,
        vec![Edit::AddSpan {
            doc,
            span: Span::new(id, "claim", CharRange::new(0, 13)),
        }],
    );
    apply(
        &mut t,
        vec![Edit::AddSpan {
            doc,
            span: Span::new(id, "figure", CharRange::new(0, 4)),
        }],
    );
    let m = merge(&b, &o, &t).unwrap();
    let got = spans(&m.project);
    assert!(
        got.contains(&("claim".into(), "Kyiv was hit.".into())),
        "{got:?}"
    );
    assert!(got.contains(&("figure".into(), "Kyiv".into())), "{got:?}");
    assert_eq!(m.renumbered.len(), 1, "theirs' span 3 gets a fresh id");
    assert!(m.conflicts.is_empty());
    // The same addition on both sides: once.
    let m = merge(&b, &o, &o).unwrap();
    assert_eq!(spans(&m.project).len(), 3);
}

#[test]
fn ids_that_clash_across_documents_are_renumbered_too() {
    let b = fixture::project(
        "p",
        &[
            ("a.txt", "First text here."),
            ("b.txt", "Second text here."),
        ],
    );
    let (da, db) = (b.documents()[0].id, b.documents()[1].id);
    let (mut o, mut t) = (b.clone(), b.clone());
    let id = b.fresh_ids().span();
    apply(
        &mut o,
        vec![Edit::AddSpan {
            doc: da,
            span: Span::new(id, "claim", CharRange::new(0, 5)),
        }],
    );
    apply(
        &mut t,
        vec![Edit::AddSpan {
            doc: db,
            span: Span::new(id, "claim", CharRange::new(0, 6)),
        }],
    );
    let m = merge(&b, &o, &t).unwrap();
    assert_eq!(m.project.span_count(), 2);
    assert_eq!(m.renumbered.len(), 1);
}

#[test]
fn deletions_changes_and_conflicts() {
    let b = base();
    let doc = b.documents()[0].id;
    let ids: Vec<SpanId> = b.documents()[0].spans().iter().map(|s| s.id).collect();
    let relabel = |id, label: &str| Edit::Relabel {
        doc,
        span: id,
        label: label.into(),
    };
    // Ours deletes the quote; theirs leaves it: it goes.
    let (mut o, t) = (b.clone(), b.clone());
    apply(&mut o, vec![Edit::RemoveSpan { doc, span: ids[0] }]);
    let m = merge(&b, &o, &t).unwrap();
    assert_eq!(spans(&m.project), [("figure".into(), "270 drones".into())]);
    // The same relabel on both sides: taken once, no conflict.
    let (mut o, mut t) = (b.clone(), b.clone());
    apply(&mut o, vec![relabel(ids[1], "claim")]);
    apply(&mut t, vec![relabel(ids[1], "claim")]);
    let m = merge(&b, &o, &t).unwrap();
    assert!(m.conflicts.is_empty());
    assert!(spans(&m.project).contains(&("claim".into(), "270 drones".into())));
    // Different relabels: a conflict, ours kept, both listed.
    let (mut o, mut t) = (b.clone(), b.clone());
    apply(&mut o, vec![relabel(ids[1], "claim")]);
    apply(&mut t, vec![relabel(ids[1], "quote")]);
    let m = merge(&b, &o, &t).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].ours.as_ref().unwrap().label, "claim");
    assert_eq!(m.conflicts[0].theirs.as_ref().unwrap().label, "quote");
    // The file keeps both versions, and loads back with them.
    let ron = crate::store::to_ron(&m.project);
    assert!(
        ron.contains("      conflicts: [\n        (base: Some((id: "),
        "{ron}"
    );
    let back = crate::store::parse(&ron, "m.ron").unwrap();
    let kept = &back.documents()[0].conflicts()[0];
    assert_eq!(kept.theirs.as_ref().unwrap().label, "quote");
    assert_eq!(
        crate::store::to_ron(&back),
        ron,
        "written the same way again"
    );
    // Changed on one side, deleted on the other: a conflict, the change kept.
    let (mut o, mut t) = (b.clone(), b.clone());
    apply(&mut o, vec![relabel(ids[1], "claim")]);
    apply(&mut t, vec![Edit::RemoveSpan { doc, span: ids[1] }]);
    let m = merge(&b, &o, &t).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.conflicts[0].theirs.is_none());
    assert!(spans(&m.project).contains(&("claim".into(), "270 drones".into())));
}

#[test]
fn two_spans_moved_onto_one_place_stay_one_with_a_conflict() {
    let b = fixture::project("p", &[("a.txt", "[quote:[claim:Kyiv]] was hit.")]);
    let doc = b.documents()[0].id;
    let ids: Vec<SpanId> = b.documents()[0].spans().iter().map(|s| s.id).collect();
    let (mut o, mut t) = (b.clone(), b.clone());
    apply(
        &mut o,
        vec![Edit::Relabel {
            doc,
            span: ids[0],
            label: "figure".into(),
        }],
    );
    apply(
        &mut t,
        vec![Edit::Relabel {
            doc,
            span: ids[1],
            label: "figure".into(),
        }],
    );
    let m = merge(&b, &o, &t).unwrap();
    let figures = spans(&m.project)
        .iter()
        .filter(|(l, _)| l == "figure")
        .count();
    assert_eq!(figures, 1, "{:?}", spans(&m.project));
    assert_eq!(m.conflicts.len(), 1);
    // The merged project loads back.
    let ron = crate::store::to_ron(&m.project);
    assert!(crate::store::parse(&ron, "m.ron").is_ok());
}

#[test]
fn documents_and_labels_from_either_side() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let add = |p: &mut Project, name: &str, text: &str| {
        let id = p.fresh_ids().doc();
        let doc = Document::new(id, name, text.to_owned(), "UTF-8");
        apply(
            p,
            vec![Edit::AddDocument {
                index: usize::MAX,
                document: Box::new(doc),
            }],
        );
    };
    add(&mut o, "b.txt", "Both added this.");
    add(&mut t, "b.txt", "Both added this.");
    add(&mut t, "c.txt", "Only theirs.");
    apply(
        &mut t,
        vec![Edit::AddLabel {
            index: usize::MAX,
            label: Label::new("verdict", "#CC79A7", None, &[]),
        }],
    );
    let m = merge(&b, &o, &t).unwrap();
    let names: Vec<&str> = m
        .project
        .documents()
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);
    let ids: HashSet<DocId> = m.project.documents().iter().map(|d| d.id).collect();
    assert_eq!(ids.len(), 3, "document ids are unique");
    assert!(m.project.labels.contains("verdict"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// An edit on a branch: add a span (label, start, length), delete the n-th span,
    /// or relabel the n-th span.
    #[derive(Clone, Debug)]
    enum Step {
        Add(usize, usize, usize),
        Delete(usize),
        Relabel(usize, usize),
    }

    fn steps() -> impl Strategy<Value = Vec<Step>> {
        prop::collection::vec(
            prop_oneof![
                (0usize..3, 0usize..70, 1usize..10).prop_map(|(l, s, n)| Step::Add(l, s, n)),
                (0usize..8).prop_map(Step::Delete),
                (0usize..8, 0usize..3).prop_map(|(i, l)| Step::Relabel(i, l)),
            ],
            0..8,
        )
    }

    const LABELS: [&str; 3] = ["quote", "claim", "figure"];

    fn branch(base: &Project, steps: &[Step]) -> Project {
        let mut p = base.clone();
        let doc = p.documents()[0].id;
        for step in steps {
            let spans: Vec<Span> = p.documents()[0].spans().to_vec();
            let edit = match step {
                Step::Add(l, s, n) => {
                    let id = p.fresh_ids().span();
                    let range = CharRange::new(*s, (s + n).min(78));
                    Edit::AddSpan {
                        doc,
                        span: Span::new(id, LABELS[*l], range),
                    }
                }
                Step::Delete(i) if !spans.is_empty() => Edit::RemoveSpan {
                    doc,
                    span: spans[i % spans.len()].id,
                },
                Step::Relabel(i, l) if !spans.is_empty() => Edit::Relabel {
                    doc,
                    span: spans[i % spans.len()].id,
                    label: LABELS[*l].into(),
                },
                _ => continue,
            };
            let _ = edit.apply(&mut p);
        }
        p
    }

    /// (label, range) of every span.
    fn places(p: &Project) -> HashSet<(String, CharRange)> {
        p.documents()[0]
            .spans()
            .iter()
            .map(|s| (s.label.clone(), s.range))
            .collect()
    }

    proptest! {
        #[test]
        fn merge_keeps_one_sided_additions_drops_one_sided_deletions_and_is_symmetric(
            a in steps(), b in steps()
        ) {
            let base = base();
            let (o, t) = (branch(&base, &a), branch(&base, &b));
            let m = merge(&base, &o, &t).unwrap();
            let merged = places(&m.project);
            // The merged project is valid: it loads back from its file.
            let ron = crate::store::to_ron(&m.project);
            prop_assert!(crate::store::parse(&ron, "m.ron").is_ok(), "{}", ron);
            let base_ids: HashSet<SpanId> = base.documents()[0].spans().iter().map(|s| s.id).collect();
            let base_places = places(&base);
            // Every span only one side added is there.
            for side in [&o, &t] {
                for s in side.documents()[0].spans().iter().filter(|s| !base_ids.contains(&s.id)) {
                    prop_assert!(merged.contains(&(s.label.clone(), s.range)), "{:?} lost", s);
                }
            }
            // No span one side deleted and the other left alone.
            for was in base.documents()[0].spans() {
                let in_o = o.documents()[0].span(was.id);
                let in_t = t.documents()[0].span(was.id);
                let untouched = |x: Option<&Span>| x.is_some_and(|x| same(x, was));
                if (in_o.is_none() && untouched(in_t)) || (in_t.is_none() && untouched(in_o)) {
                    let again_added = |p: &Project| p.documents()[0].spans().iter()
                        .any(|s| !base_ids.contains(&s.id) && s.label == was.label && s.range == was.range);
                    if !again_added(&o) && !again_added(&t) {
                        prop_assert!(!merged.contains(&(was.label.clone(), was.range)) || base_places.iter().filter(|p| **p == (was.label.clone(), was.range)).count() > 1, "{:?} came back", was);
                    }
                }
            }
            // Symmetric up to which side's version of a conflict stays.
            let n = merge(&base, &t, &o).unwrap();
            prop_assert_eq!(m.conflicts.len(), n.conflicts.len());
            if m.conflicts.is_empty() {
                prop_assert_eq!(merged, places(&n.project));
            }
        }
    }
}
