//! Files written by the real programs, kept in `tests/fixtures/` with a `NOTES.md` each
//! on how they were made (issue 12): every span they hold must come back at the text
//! the person selected in that program's own editor.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::formats::import::{self, ImportFormat, ReadOptions};
use spanmark::model::Project;
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// `(label, text)` of every span of the project, document by document.
fn spans_of(p: &Project) -> Vec<(String, String)> {
    p.documents()
        .iter()
        .flat_map(|d| {
            d.spans()
                .iter()
                .map(move |s| (s.label.clone(), d.slice(s.range).unwrap().to_owned()))
        })
        .collect()
}

/// Imports `file` in `format` into a new project; the project and the report.
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

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
        .collect()
}

/// Label Studio 1.23.2: spans drawn in its editor after an emoji, after a flag and over a
/// line break (which it writes into `value.text` as a backslash and an `n`).
#[test]
fn label_studio_exports_give_every_span_its_text() {
    let expected = owned(&[
        ("quote", "we will win"),
        ("figure", "flag"),
        ("claim", "period!\nThird"),
        ("figure", "270 drones"),
    ]);
    for file in [
        "export.json",
        "export-min.json",
        "export-with-predictions.json",
    ] {
        let path = fixture(&format!("label-studio/{file}"));
        let (project, report, imported) = import_into_new(&path, ImportFormat::LabelStudio);
        let mut spans = spans_of(&project);
        spans.sort();
        let mut want = expected.clone();
        want.sort();
        assert_eq!(spans, want, "{file}: {:?}", report.problems());
        assert_eq!(report.found.skipped_total(), 0, "{file}");
        assert_eq!(report.found.items, 4, "{file}");
        if file == "export-with-predictions.json" {
            // The model's prediction, offered as a suggestion at "Second line".
            let p = &imported.predictions;
            assert_eq!(p.len(), 1, "{file}");
            let doc = project.document_by_sha256(&p[0].sha256).unwrap();
            assert_eq!(doc.slice(p[0].range), Some("Second line"));
            assert_eq!(p[0].score, Some(0.8));
        }
        if file == "export.json" {
            // The usual export names predictions by id only: said, not silent.
            assert!(
                report
                    .problems()
                    .iter()
                    .any(|p| p.contains("predictions are ids only")),
                "{:?}",
                report.problems()
            );
        }
    }
    // The CSV export is refused with what to use instead.
    let err = import::read(
        ImportFormat::LabelStudio,
        &fixture("label-studio/export.csv"),
        &Project::new("p"),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(err.contains("export JSON or JSON-MIN"), "{err}");
}

/// brat: spans drawn in brat's own editor over a `.txt` that begins with a byte order
/// mark, which brat counts as character 0 and spanmark does not keep.
#[test]
fn brat_annotations_over_a_text_with_a_byte_order_mark_land_on_their_text() {
    let (project, report, _) = import_into_new(&fixture("brat/bom.ann"), ImportFormat::Brat);
    assert_eq!(
        spans_of(&project),
        owned(&[
            ("quote", "we will win"),
            ("figure", "270 drones"),
            ("claim", "peace must be lasting"),
        ]),
        "{:?}",
        report.problems()
    );
    assert_eq!(report.found.skipped_total(), 0);
    assert!(
        report
            .problems()
            .iter()
            .any(|p| p.contains("byte order mark")),
        "the shift is said: {:?}",
        report.problems()
    );
}

/// doccano 1.8: the same spans drawn in three projects, one counting UTF-16 units with
/// overlaps allowed, one with overlaps off (it kept no figure inside the claim), one
/// counting grapheme clusters (emoji and CRLF one each).
#[test]
fn doccano_exports_give_every_span_its_text_in_either_unit() {
    let all = owned(&[
        ("quote", "we will win"),
        ("claim", "Prices rose 40%"),
        ("figure", "40%"),
    ]);
    for (file, format, want) in [
        ("overlap-on.jsonl", ImportFormat::Doccano, &all[..]),
        ("overlap-off.jsonl", ImportFormat::Doccano, &all[..2]),
        ("graphemes.jsonl", ImportFormat::DoccanoGraphemes, &all[..]),
    ] {
        let (project, report, _) = import_into_new(&fixture(&format!("doccano/{file}")), format);
        let mut spans = spans_of(&project);
        spans.sort();
        let mut want = want.to_vec();
        want.sort();
        assert_eq!(spans, want, "{file}: {:?}", report.problems());
        assert_eq!(report.found.skipped_total(), 0, "{file}");
    }
}
