//! Relations in files written by the real programs (`tests/fixtures/brat-relations/` and
//! `tests/fixtures/label-studio-relations/`, each with a `NOTES.md` on how it was made):
//! every span must come back at the text the person selected in that program's editor,
//! and every relation must come back with its type and its two ends, the right way round.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::formats::import::{self, ImportFormat, ReadOptions};
use spanmark::model::{Document, Project};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// Imports `file` in `format` into a new project (which has spanmark's default relation
/// types, `attributed to` and `supported by`); the project, the report and what was read.
fn import_into_new(
    file: &Path,
    format: ImportFormat,
) -> (Project, import::ImportReport, import::Imported) {
    let mut project = Project::new("real");
    let imported = import::read(format, file, &project, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let (edit, report) = import::plan_imported(&project, &imported);
    edit.apply(&mut project).unwrap();
    (project, report, imported)
}

/// A span as `(label, text)`.
type End = (String, String);

/// `(label, text)` of every span of the document, sorted.
fn spans_of(d: &Document) -> Vec<End> {
    let mut spans: Vec<End> = d
        .spans()
        .iter()
        .map(|s| (s.label.clone(), d.slice(s.range).unwrap().to_owned()))
        .collect();
    spans.sort();
    spans
}

/// `(type, from, to)` of every relation of the document, its ends as `(label, text)`, sorted.
fn relations_of(d: &Document) -> Vec<(String, End, End)> {
    let end = |id| {
        let s = d
            .span(id)
            .unwrap_or_else(|| panic!("relation end {id:?} is not a span"));
        (s.label.clone(), d.slice(s.range).unwrap().to_owned())
    };
    let mut relations: Vec<_> = d
        .relations()
        .iter()
        .map(|r| (r.kind.clone(), end(r.from), end(r.to)))
        .collect();
    relations.sort();
    relations
}

/// The same, from what the importer read, before the merge: the relations of document
/// `i` of the imported file, by the file's span ids.
fn read_relations_of(imported: &import::Imported, i: usize) -> Vec<(String, End, End)> {
    let doc = &imported.file.documents[i];
    let end = |id: u64| {
        let s = doc
            .spans
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("relation end {id} is not a span of the file"));
        let text: String = doc
            .text
            .chars()
            .skip(s.start)
            .take(s.end - s.start)
            .collect();
        (s.label.to_string(), text)
    };
    let mut relations: Vec<_> = imported
        .file
        .relations_of(i)
        .iter()
        .map(|r| (r.kind.clone(), end(r.from), end(r.to)))
        .collect();
    relations.sort();
    relations
}

fn span(label: &str, text: &str) -> End {
    (label.to_owned(), text.to_owned())
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// No two spans of the document share a label and a text, so `(label, text)` names each
/// end of a relation without doubt.
fn assert_ends_unambiguous(spans: &[End]) {
    let mut seen = spans.to_vec();
    seen.dedup();
    assert_eq!(seen.len(), spans.len(), "{spans:?}");
}

/// brat (commit 44ecd82, Python 3.10): seven spans and four relations made in brat's own
/// web editor, spans after curly quotes and after an emoji (brat counts code points);
/// `R` lines `R1<TAB>attributed_to Arg1:T2 Arg2:T3<TAB>` with an empty text field.
#[test]
fn brat_relations_come_back_with_their_types_and_ends() {
    let (project, report, imported) =
        import_into_new(&fixture("brat-relations/harbour.ann"), ImportFormat::Brat);
    assert_eq!(project.documents().len(), 1, "{:?}", report.problems());
    let doc = &project.documents()[0];

    let quote1 = span(
        "quote",
        "We expect the new crane line to reverse that by spring",
    );
    let mira = span("person", "Mira Okonjo");
    let claim = span("claim", "the decline is temporary");
    let containers = span("figure", "2,400 containers");
    let okonjo = span("person", "Okonjo");
    let quote2 = span("quote", "No jobs will be cut");
    let spans = spans_of(doc);
    assert_eq!(
        spans,
        sorted(vec![
            span("figure", "18%"),
            quote1.clone(),
            mira.clone(),
            claim.clone(),
            containers.clone(),
            okonjo.clone(),
            quote2.clone(),
        ]),
        "{:?}",
        report.problems()
    );
    assert_ends_unambiguous(&spans);

    // brat writes its types as one token (`attributed_to`); the project's types of that
    // brat name are `attributed to` and `supported by`.
    let want = sorted(vec![
        ("attributed to".to_owned(), quote1.clone(), mira),
        ("supported by".to_owned(), claim.clone(), containers),
        ("attributed to".to_owned(), quote2, okonjo),
        ("supported by".to_owned(), claim, quote1),
    ]);
    assert_eq!(read_relations_of(&imported, 0), want, "as read");
    assert_eq!(relations_of(doc), want, "{:?}", report.problems());
    assert_eq!(report.found.skipped_total(), 0, "{:?}", report.problems());
}

/// Label Studio 1.23.2: seven spans and four relations made in its own editor. Three
/// relations carry a label; one was left without (no `labels` key at all) and takes the
/// project's first type that allows a claim → figure. One relation was drawn from the
/// person to the quote and then turned to `"direction": "left"`, so the quote is its
/// start. Result ids are the editor's random strings (`hZ3oyo-uUn`).
#[test]
fn label_studio_relations_come_back_with_their_types_and_ends() {
    let (project, report, imported) = import_into_new(
        &fixture("label-studio-relations/export.json"),
        ImportFormat::LabelStudio,
    );
    assert_eq!(project.documents().len(), 1, "{:?}", report.problems());
    let doc = &project.documents()[0];

    let twelve = span("figure", "12%");
    let quote1 = span("quote", "The new timetable brought people back");
    let anja = span("person", "Anja Brenner");
    let claim = span("claim", "the growth will not last");
    let passes = span("figure", "3,100 cancelled season passes");
    let brenner = span("person", "Brenner");
    let quote2 = span("quote", "Every route stays open");
    let spans = spans_of(doc);
    assert_eq!(
        spans,
        sorted(vec![
            twelve.clone(),
            quote1.clone(),
            anja.clone(),
            claim.clone(),
            passes.clone(),
            brenner.clone(),
            quote2.clone(),
        ]),
        "{:?}",
        report.problems()
    );
    assert_ends_unambiguous(&spans);

    let want = sorted(vec![
        ("attributed to".to_owned(), quote1, anja),
        ("supported by".to_owned(), claim.clone(), passes),
        // Written `from_id` Brenner, `to_id` the quote, `direction` "left".
        ("attributed to".to_owned(), quote2, brenner),
        // Written with no labels: the type comes from the project.
        ("supported by".to_owned(), claim, twelve),
    ]);
    assert_eq!(read_relations_of(&imported, 0), want, "as read");
    assert_eq!(relations_of(doc), want, "{:?}", report.problems());
    assert_eq!(report.found.skipped_total(), 0, "{:?}", report.problems());
}
