//! Agreement over project files: hand-computed cases, a project with itself, swapped
//! coders, documents only one coder has, and attributes.

use super::*;
use crate::agree::f1::Counts;
use crate::fixture;

fn coders<'a>(projects: &'a [(&str, &'a Project)]) -> Vec<Coder<'a>> {
    projects
        .iter()
        .map(|(name, project)| Coder {
            name: (*name).to_owned(),
            project,
        })
        .collect()
}

const TEXT_A: &str = "[quote|speaker=Anna Berger:We will rebuild], said Anna Berger. Officials counted [figure:270 drones].";
const TEXT_B: &str = "[quote|speaker=Berger:We will rebuild], said Anna Berger. Officials counted [figure:270] drones.";

#[test]
fn two_coders_by_hand() {
    let a = fixture::project("a", &[("news.txt", TEXT_A)]);
    let b = fixture::project("b", &[("news.txt", TEXT_B)]);
    let result = agree(&coders(&[("ann", &a), ("bob", &b)]), &[]);
    assert_eq!(result.documents.len(), 1);
    assert!(result.alone.is_empty() && result.other_text.is_empty());
    let quote = &result.overall.labels["quote"];
    assert_eq!(
        quote.exact.total(),
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
    assert_eq!(quote.alpha, Some(1.0));
    let figure = &result.overall.labels["figure"];
    // "270 drones" against "270": no exact match, one overlap match.
    assert_eq!(
        figure.exact.total(),
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
    assert_eq!(
        figure.overlap.total(),
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
    assert!(figure.alpha.unwrap() < 1.0);
    // All labels: 1 exact match of 2 + 2 spans.
    assert_eq!(result.overall.all.exact.mean(), Some(0.5));
    assert_eq!(result.overall.all.overlap.mean(), Some(1.0));
    // The speakers of the matched quote differ.
    assert_eq!(result.attributes["speaker"], Percent { agree: 0, total: 1 });
    assert_eq!(result.overall.all.spans, [2, 2]);
    assert_eq!(result.alpha_documents, 1);
}

#[test]
fn a_project_agrees_with_itself_on_every_label() {
    let p = fixture::generated_project(3, 2_000, 40);
    let result = agree(&coders(&[("x", &p), ("y", &p), ("z", &p)]), &[]);
    for (label, figures) in &result.overall.labels {
        assert_eq!(figures.exact.mean(), Some(1.0), "{label}");
        assert_eq!(figures.overlap.mean(), Some(1.0), "{label}");
        assert_eq!(figures.alpha, Some(1.0), "{label}");
    }
    assert_eq!(result.overall.all.alpha, Some(1.0));
    assert!(result.attributes.values().all(|p| p.share() == Some(1.0)));
}

#[test]
fn documents_only_one_coder_has_are_reported_not_dropped() {
    let a = fixture::project("a", &[("news.txt", TEXT_A), ("only-a.txt", "Alone.")]);
    let b = fixture::project(
        "b",
        &[
            ("news.txt", TEXT_B),
            ("only-a.txt", "Another text under the same name."),
        ],
    );
    let result = agree(&coders(&[("ann", &a), ("bob", &b)]), &[]);
    assert_eq!(result.documents.len(), 1);
    assert_eq!(
        result.other_text,
        [
            ("only-a.txt".to_owned(), "ann".to_owned()),
            ("only-a.txt".to_owned(), "bob".to_owned())
        ]
    );
    let c = fixture::project("c", &[("news.txt", TEXT_A), ("extra.txt", "More.")]);
    let result = agree(&coders(&[("ann", &a), ("cat", &c)]), &[]);
    assert!(
        result
            .alone
            .contains(&("extra.txt".to_owned(), "cat".to_owned()))
    );
}

#[test]
fn missing_labels_are_named() {
    let a = fixture::project("a", &[("news.txt", TEXT_A)]);
    let b = fixture::project("b", &[("news.txt", TEXT_B)]);
    let result = agree(
        &coders(&[("ann", &a), ("bob", &b)]),
        &["verdict".to_owned()],
    );
    assert_eq!(
        result.missing_labels,
        [
            ("ann".to_owned(), "verdict".to_owned()),
            ("bob".to_owned(), "verdict".to_owned())
        ]
    );
}

mod properties {
    use super::*;
    use crate::model::{DocId, Span, SpanId};
    use proptest::prelude::*;

    /// A project of one 120-character document with the given spans
    /// `(label index, start, length)`.
    fn project(spans: &[(usize, usize, usize)]) -> Project {
        let mut p = fixture::project("p", &[("news.txt", &"word ".repeat(24))]);
        let doc: DocId = p.documents()[0].id;
        let labels = ["quote", "claim", "figure"];
        let mut ids = p.fresh_ids();
        let mut seen = std::collections::HashSet::new();
        let mut edits = Vec::new();
        for &(label, start, len) in spans {
            let range = CharRange::new(start, (start + len).min(120));
            if range.is_empty() || !seen.insert((label, range)) {
                continue;
            }
            let span = Span::new(ids.span(), labels[label], range);
            edits.push(crate::edit::Edit::AddSpan { doc, span });
        }
        crate::edit::Edit::Batch(edits).apply(&mut p).unwrap();
        let _ = SpanId(0);
        p
    }

    fn spans() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
        prop::collection::vec((0usize..3, 0usize..119, 1usize..30), 0..12)
    }

    /// A label with its mean exact F1, mean overlap F1 and α_u.
    type Row = (String, Option<f64>, Option<f64>, Option<f64>);

    fn figures(result: &Agreement) -> Vec<Row> {
        let mut out: Vec<_> = result
            .overall
            .labels
            .iter()
            .map(|(l, f)| (l.clone(), f.exact.mean(), f.overlap.mean(), f.alpha))
            .collect();
        let all = &result.overall.all;
        out.push((
            "all".to_owned(),
            all.exact.mean(),
            all.overlap.mean(),
            all.alpha,
        ));
        out
    }

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
    }

    proptest! {
        #[test]
        fn agreement_with_itself_is_full_and_order_does_not_matter(
            a in spans(), b in spans(), c in spans()
        ) {
            let (pa, pb, pc) = (project(&a), project(&b), project(&c));
            let itself = agree(&coders(&[("x", &pa), ("y", &pa)]), &[]);
            for (label, f) in &itself.overall.labels {
                if f.spans[0] > 0 {
                    prop_assert_eq!(f.exact.mean(), Some(1.0), "{}", label);
                    prop_assert_eq!(f.overlap.mean(), Some(1.0), "{}", label);
                    prop_assert_eq!(f.alpha, Some(1.0), "{}", label);
                }
            }
            let forward = figures(&agree(&coders(&[("a", &pa), ("b", &pb), ("c", &pc)]), &[]));
            let backward = figures(&agree(&coders(&[("c", &pc), ("b", &pb), ("a", &pa)]), &[]));
            prop_assert_eq!(forward.len(), backward.len());
            for (f, g) in forward.iter().zip(&backward) {
                prop_assert_eq!(&f.0, &g.0);
                prop_assert!(same(f.1, g.1) && same(f.2, g.2) && same(f.3, g.3), "{:?} vs {:?}", f, g);
            }
        }
    }
}
