//! Unit tests of importing a spanmark export: ids too large for the allocator, spans
//! applied in order, problems on one short line, and documents matched by text and
//! name, each once.

use super::*;
use crate::edit::History;
use crate::formats::json::{ExportDocument, ExportSpan};
use std::borrow::Cow;

fn file(spans: Vec<ExportSpan<'static>>) -> ExportFile<'static> {
    let text = "Kyiv was hit by 270 drones.";
    ExportFile::imported(vec![ExportDocument {
        name: Cow::Borrowed("a.txt"),
        sha256: Cow::Owned(crate::model::sha256_hex(text)),
        text: Cow::Borrowed(text),
        spans,
    }])
}

fn span(id: u64, label: &str, start: usize, end: usize, text: &str) -> ExportSpan<'static> {
    ExportSpan::imported(id, label, CharRange::new(start, end), text, None)
}

#[test]
fn ids_too_large_for_the_allocator_get_fresh_ones() {
    let mut project = Project::new("p");
    let export = file(vec![
        span(u64::MAX, "claim", 0, 4, "Kyiv"),
        span(MAX_IMPORTED_ID, "figure", 16, 19, "270"),
        span(MAX_IMPORTED_ID - 1, "figure", 16, 26, "270 drones"),
        span(7, "quote", 5, 12, "was hit"),
    ]);
    let (edit, report) = plan(&project, &export);
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    History::new_unsaved().apply(&mut project, edit).unwrap();
    let mut ids: Vec<u64> = project.documents()[0]
        .spans()
        .iter()
        .map(|s| s.id.0)
        .collect();
    ids.sort();
    // The largest one kept is below the limit; the two above it are renumbered
    // after it, and the allocator has room left.
    assert_eq!(
        ids,
        [7, MAX_IMPORTED_ID - 1, MAX_IMPORTED_ID, MAX_IMPORTED_ID + 1]
    );
    assert!(project.next_span_id() <= MAX_IMPORTED_ID + 2);
    let small = file(vec![span(u64::MAX, "claim", 0, 4, "Kyiv")]);
    let mut project = Project::new("p");
    let (edit, _) = plan(&project, &small);
    edit.apply(&mut project).unwrap();
    assert_eq!(project.documents()[0].spans()[0].id, SpanId(1));
    assert_eq!(project.next_span_id(), 2);
}

#[test]
fn spans_come_sorted_so_applying_them_appends() {
    let project = Project::new("p");
    let export = file(vec![
        span(3, "figure", 16, 26, "270 drones"),
        span(1, "claim", 0, 4, "Kyiv"),
        span(2, "quote", 0, 27, "Kyiv was hit by 270 drones."),
    ]);
    let (Edit::Batch(edits), _) = plan(&project, &export) else {
        panic!("an import is a batch");
    };
    let ranges: Vec<(usize, usize)> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::AddSpan { span, .. } => Some((span.range.start.0, span.range.end.0)),
            _ => None,
        })
        .collect();
    assert_eq!(ranges, [(0, 4), (0, 27), (16, 26)]);
}

#[test]
fn problems_quote_values_on_one_short_line() {
    let project = Project::new("p");
    let long = format!("a\nlabel{}", "x".repeat(100_000));
    let export = file(vec![
        span(1, &long, 0, 4, "Kyiv"),
        span(2, "claim", 0, 4, &long),
        span(3, "claim", 0, 99, "Kyiv"),
    ]);
    let (_, report) = plan(&project, &export);
    assert_eq!(report.problems().len(), 3, "{:?}", report.problems());
    for problem in report.problems() {
        assert!(
            !problem.contains('\n') && problem.chars().count() < 300,
            "{problem}"
        );
    }
    let err =
        parse(format!("{{\"format\": {}}}", serde_json::to_string(&long).unwrap()).as_bytes())
            .unwrap_err()
            .to_string();
    assert!(!err.contains('\n') && err.chars().count() < 300, "{err}");
}

#[test]
fn documents_match_by_text_and_name_each_once() {
    let mut project = crate::fixture::project("p", &[("a.txt", "same"), ("b.txt", "same")]);
    let doc = |name: &str| ExportDocument {
        name: Cow::Owned(name.to_owned()),
        sha256: Cow::Owned(crate::model::sha256_hex("same")),
        text: Cow::Borrowed("same"),
        spans: vec![span(1, "claim", 0, 4, "same")],
    };
    // b.txt by text and name; c.txt by text (a.txt, the one left); d.txt is new.
    let export = ExportFile::imported(vec![doc("b.txt"), doc("c.txt"), doc("d.txt")]);
    let (edit, report) = plan(&project, &export);
    edit.apply(&mut project).unwrap();
    assert_eq!((report.documents_matched, report.documents_added), (2, 1));
    let counts: Vec<usize> = project
        .documents()
        .iter()
        .map(|d| d.spans().len())
        .collect();
    assert_eq!(counts, [1, 1, 1]);
}
