//! Exports pinned by golden files, their self-check, and import back into projects.
//! Set `UPDATE_GOLDEN=1` to rewrite the golden files after an intended change (then
//! read the diff: the JSON schema is a contract).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::formats::{self, ExportFormat, import, json};
use spanmark::model::{CharRange, Project, Span};
use std::path::Path;

/// Texts with everything that makes other tools drift: astral emoji (with skin tone and
/// flags), combining marks, CJK, CRLF, tabs and blank runs.
fn sample() -> Project {
    let mut p = fixture::project(
        "Security guarantees",
        &[
            (
                "kyiv.txt",
                "👋🏽 Zelensky said peace must be “[quote:lasting]”.\r\n\r\n[claim:Russia launched [figure:270 drones] 🇺🇦]\r\n",
            ),
            (
                "cafe.md",
                "Cafe\u{301} owner: \"[quote:[claim:prices rose [figure:40%]]]\"\t— Zoë\n\n\n",
            ),
            ("asia.txt", "習近平說：「[quote:我們會贏]」。[figure:三] 年"),
        ],
    );
    let doc = p.documents()[0].id;
    let quote = p.documents()[0]
        .spans()
        .iter()
        .find(|s| s.label == "quote")
        .unwrap()
        .id;
    Edit::Batch(vec![
        Edit::SetAttribute {
            doc,
            span: quote,
            key: "speaker".into(),
            value: Some("Zelensky".into()),
        },
        Edit::SetNote {
            doc,
            span: quote,
            note: Some("said \"before\" Monday,\nper AP".into()),
        },
    ])
    .apply(&mut p)
    .unwrap();
    p
}

fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read(&path).expect("golden file exists (UPDATE_GOLDEN=1 writes it)");
    assert_eq!(
        String::from_utf8_lossy(actual),
        String::from_utf8_lossy(&expected),
        "export differs from {}",
        path.display()
    );
}

#[test]
fn json_export_matches_golden_schema() {
    golden(
        "export.json",
        &formats::export(&sample(), ExportFormat::Json).unwrap(),
    );
}

#[test]
fn jsonl_export_matches_golden() {
    golden(
        "export.jsonl",
        &formats::export(&sample(), ExportFormat::Jsonl).unwrap(),
    );
}

#[test]
fn csv_export_matches_golden() {
    golden(
        "export.csv",
        &formats::export(&sample(), ExportFormat::Csv).unwrap(),
    );
}

/// Python's `text[start:end]`, the UTF-16 index JavaScript would use and the UTF-8 byte
/// index, each computed the slow, obvious way.
fn python_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn utf16_index(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

#[test]
fn every_exported_span_is_its_slice_in_every_unit() {
    let bytes = formats::export(&sample(), ExportFormat::Json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(value["offsets"], "unicode-codepoints");
    let mut checked = 0;
    for doc in value["documents"].as_array().unwrap() {
        let text = doc["text"].as_str().unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for span in doc["spans"].as_array().unwrap() {
            let n = |k: &str| span[k].as_u64().unwrap() as usize;
            let span_text = span["text"].as_str().unwrap();
            assert_eq!(python_slice(text, n("start"), n("end")), span_text);
            assert_eq!(n("utf16_start"), utf16_index(text, n("start")));
            assert_eq!(
                String::from_utf16(&utf16[n("utf16_start")..n("utf16_end")]).unwrap(),
                span_text
            );
            assert_eq!(&text[n("byte_start")..n("byte_end")], span_text);
            checked += 1;
        }
    }
    assert_eq!(checked, 8);
}

#[test]
fn the_self_check_refuses_a_span_that_is_not_its_slice() {
    let project = sample();
    let mut export = json::build(&project);
    export.documents[0].spans[0].text = "lasting!".into();
    let err = json::verify(&export).unwrap_err();
    assert!(err.to_string().contains("its text differs"), "{err}");

    let mut export = json::build(&project);
    export.documents[0].spans[1].utf16_start += 1;
    let err = json::verify(&export).unwrap_err();
    assert!(
        err.to_string().starts_with("document \"kyiv.txt\", span"),
        "{err}"
    );

    let mut export = json::build(&project);
    export.documents[2].spans[0].end = 999;
    assert!(
        json::verify(&export)
            .unwrap_err()
            .to_string()
            .contains("past the end")
    );
}

#[test]
fn export_then_import_into_an_empty_project_gives_the_same_file() {
    let original = formats::export(&sample(), ExportFormat::Json).unwrap();
    let mut empty = Project::new("something else");
    let export = import::parse(&original).unwrap();
    let (edit, report) = import::plan(&empty, &export);
    edit.apply(&mut empty).unwrap();
    assert_eq!(report.spans_added, 8);
    assert_eq!(report.documents_added, 3);
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    let again = formats::export(&empty, ExportFormat::Json).unwrap();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(original).unwrap()
    );
}

#[test]
fn the_same_text_under_two_names_stays_two_documents() {
    // Found by the property test: a project holding one article twice.
    let project = fixture::project(
        "Twice",
        &[
            ("a.txt", "e\u{301} [figure:40%]"),
            ("b.txt", "e\u{301} [figure:40%]"),
        ],
    );
    let original = formats::export(&project, ExportFormat::Json).unwrap();
    let mut empty = Project::new("empty");
    let (edit, report) = import::plan(&empty, &import::parse(&original).unwrap());
    edit.apply(&mut empty).unwrap();
    assert_eq!(report.documents_added, 2);
    assert_eq!(empty.span_count(), 2);
    assert_eq!(
        formats::export(&empty, ExportFormat::Json).unwrap(),
        original
    );

    // Imported again, each matches its own document: nothing new, nothing moved.
    let (edit, report) = import::plan(&empty, &import::parse(&original).unwrap());
    edit.apply(&mut empty).unwrap();
    assert_eq!(
        (report.documents_matched, report.duplicates_skipped()),
        (2, 2)
    );
    assert_eq!(
        formats::export(&empty, ExportFormat::Json).unwrap(),
        original
    );
}

#[test]
fn import_merges_without_duplicates_and_skips_spans_that_do_not_match() {
    let source = sample();
    let bytes = formats::export(&source, ExportFormat::Json).unwrap();
    let mut text = String::from_utf8(bytes).unwrap();
    // One span claims a text its document does not have there.
    text = text.replacen("\"text\":\"lasting\"", "\"text\":\"lasting peace\"", 1);
    let export = import::parse(text.as_bytes()).unwrap();

    // The target already has the first document with one of the spans and another of
    // its own, and a label of a different colour.
    let mut target = fixture::project("target", &[("renamed.txt", "x")]);
    let doc = target.documents()[0].clone();
    let kyiv = source.documents()[0].clone();
    Edit::RemoveDocument { doc: doc.id }
        .apply(&mut target)
        .unwrap();
    let kept =
        spanmark::model::Document::new(doc.id, "kyiv-local.txt", kyiv.text().to_owned(), "UTF-8");
    Edit::AddDocument {
        index: 0,
        document: Box::new(kept),
    }
    .apply(&mut target)
    .unwrap();
    let figure = kyiv.spans().iter().find(|s| s.label == "figure").unwrap();
    let id = target.allocate_span_id();
    let local = Span::new(id, "figure", figure.range);
    Edit::AddSpan {
        doc: doc.id,
        span: local,
    }
    .apply(&mut target)
    .unwrap();

    let (edit, report) = import::plan(&target, &export);
    edit.apply(&mut target).unwrap();
    assert_eq!(
        report.documents_matched, 1,
        "matched by sha256 despite another name"
    );
    assert_eq!(report.documents_added, 2);
    assert_eq!(report.duplicates_skipped(), 1);
    assert_eq!(report.spans_added, 6);
    assert_eq!(report.problems().len(), 1, "{:?}", report.problems());
    assert!(report.problems()[0].contains("\"lasting peace\" is not the document's \"lasting\""));
    let merged = &target.documents()[0];
    assert_eq!(merged.name, "kyiv-local.txt");
    assert_eq!(merged.spans().len(), 2);
    // Importing the same file again adds nothing.
    let (edit, report) = import::plan(&target, &export);
    edit.apply(&mut target).unwrap();
    assert_eq!(report.spans_added, 0);
    assert_eq!(report.duplicates_skipped(), 7);
    assert_eq!(target.span_count(), 7);
}

#[test]
fn import_keeps_free_ids_and_renumbers_taken_ones() {
    let mut source = fixture::project("s", &[("a.txt", "[quote:one] [claim:two]")]);
    let bytes = formats::export(&source, ExportFormat::Json).unwrap();
    let export = import::parse(&bytes).unwrap();
    // In the target, id 1 is taken by another document's span.
    let mut target = fixture::project("t", &[("other.txt", "[figure:9]")]);
    let (edit, _) = import::plan(&target, &export);
    edit.apply(&mut target).unwrap();
    let ids: Vec<u64> = target.documents()[1]
        .spans()
        .iter()
        .map(|s| s.id.0)
        .collect();
    assert_eq!(ids, [3, 2], "2 kept, 1 renumbered above every kept id");
    let next = source.allocate_span_id();
    assert_eq!(next.0, 3);
    assert_eq!(
        target.documents()[1].slice(CharRange::new(0, 3)),
        Some("one")
    );
}

#[test]
fn import_refuses_what_is_not_an_export() {
    let err = import::parse(b"{\"format\": \"doccano\", \"version\": 1, \"offsets\": \"x\", \"project\": \"p\", \"labels\": [], \"documents\": []}")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a spanmark export (format is \"doccano\")"
    );
    let newer = b"{\"format\": \"spanmark-export\", \"version\": 9, \"offsets\": \"unicode-codepoints\", \"project\": \"p\", \"labels\": [], \"documents\": []}";
    assert!(
        import::parse(newer)
            .unwrap_err()
            .to_string()
            .contains("newer")
    );
    assert!(
        import::parse(b"[1, 2")
            .unwrap_err()
            .to_string()
            .starts_with("not valid JSON")
    );
}
