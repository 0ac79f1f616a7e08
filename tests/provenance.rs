//! Provenance through every file that carries it (issue 16, point 1): a project whose
//! spans record who made them, when and how (each kind) is saved, reopened, exported,
//! imported into an empty project and exported again: the two exports are the same
//! bytes, for JSON, JSONL and W3C Web Annotations. CSV carries it in columns after the
//! old ones (nothing reads CSV back); older exports without provenance are unchanged
//! (the golden files of `tests/formats.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::formats::import::{self, ImportFormat};
use spanmark::formats::{self, ExportFormat};
use spanmark::model::{Confidence, How, Project, Provenance};
use spanmark::session::Session;
use spanmark::store;

const ARTICLE: &str =
    "👋🏽 Zoe\u{308} said “[quote:we will win]”.\r\n\r\n[figure:270 drones] 🇺🇦 hit [claim:Київ].";

/// Each span of `project` given a provenance, the kinds in turn.
fn with_provenance(mut project: Project) -> Project {
    let kinds = [
        How::Manual,
        How::Suggested {
            rule: "curly quotes: “…”".into(),
            confidence: Confidence::from_f64(0.85),
        },
        How::Imported {
            format: "label-studio".into(),
        },
        How::Adjudicated {
            coders: vec!["Ann Lee".into(), "bo, the second".into()],
        },
    ];
    let mut edits = Vec::new();
    let mut n = 0;
    for doc in project.documents() {
        for span in doc.spans() {
            let mut made = span.clone();
            made.provenance = Some(Box::new(Provenance::new(
                if n % 2 == 0 { "Ann Lee" } else { "Zoë" },
                &format!("2026-03-0{}T09:15:{:02}Z", 1 + n % 9, n),
                kinds[n % kinds.len()].clone(),
            )));
            n += 1;
            edits.push(Edit::RemoveSpan {
                doc: doc.id,
                span: span.id,
            });
            edits.push(Edit::AddSpan {
                doc: doc.id,
                span: made,
            });
        }
    }
    Edit::Batch(edits).apply(&mut project).unwrap();
    project
}

fn sample() -> Project {
    let mut p = fixture::project(
        "Provenance",
        &[
            ("a.txt", ARTICLE),
            (
                "b b.txt",
                "Plain [figure:40%] and [claim:more [quote:text]].",
            ),
        ],
    );
    let doc = p.documents()[0].id;
    let quote = p.documents()[0].spans()[0].id;
    Edit::SetNote {
        doc,
        span: quote,
        note: Some("on TV".into()),
    }
    .apply(&mut p)
    .unwrap();
    with_provenance(p)
}

/// Saved and opened again.
fn reopened(project: &Project, dir: &std::path::Path) -> Project {
    let path = dir.join("project.ron");
    store::save(project, &path).unwrap();
    let back = store::load(&path).unwrap();
    assert_eq!(
        back.documents(),
        project.documents(),
        "the file keeps it all"
    );
    back
}

/// `project`'s documents without spans, under its name (a W3C annotation carries no
/// text: it is anchored in documents the project has).
fn bare(project: &Project) -> Project {
    let escaped: Vec<(String, String)> = project
        .documents()
        .iter()
        .map(|d| {
            (
                d.name.clone(),
                d.text().replace('[', "\\[").replace(']', "\\]"),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = escaped
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    fixture::project(&project.name, &docs)
}

/// Export -> import into `empty` (through a session, as `spanmark import` does) ->
/// export: the same bytes.
fn round_trip(format: ExportFormat, read_as: ImportFormat, empty: Project) {
    let dir = tempfile::tempdir().unwrap();
    let project = reopened(&sample(), dir.path());
    let first = formats::export(&project, format).unwrap();
    let file = dir.path().join(format!("export.{}", format.extension()));
    std::fs::write(&file, &first).unwrap();
    let mut session = Session::new(empty, None, true);
    session.set_coder(Some("importer"));
    let imported = import::read(read_as, &file, session.project(), &Default::default()).unwrap();
    let report = session.import(imported).unwrap();
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    assert_eq!(report.spans_added, project.span_count());
    let again = formats::export(session.project(), format).unwrap();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(first).unwrap(),
        "{} after import",
        format.name()
    );
    // Every span kept who made it, not the importer.
    let imported = reopened(session.project(), dir.path());
    assert!(
        imported
            .documents()
            .iter()
            .flat_map(|d| d.spans())
            .all(|s| s.provenance.as_ref().is_some_and(|p| p.who != "importer"))
    );
}

#[test]
fn json_keeps_provenance_through_save_reopen_export_import_export() {
    round_trip(
        ExportFormat::Json,
        ImportFormat::Json,
        Project::new("empty"),
    );
}

#[test]
fn jsonl_keeps_provenance_through_save_reopen_export_import_export() {
    round_trip(
        ExportFormat::Jsonl,
        ImportFormat::Json,
        Project::new("empty"),
    );
}

#[test]
fn w3c_keeps_provenance_through_save_reopen_export_import_export() {
    round_trip(ExportFormat::W3c, ImportFormat::W3c, bare(&sample()));
}

#[test]
fn json_writes_a_provenance_object_per_span() {
    let export = formats::export(&sample(), ExportFormat::Json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&export).unwrap();
    let spans = value["documents"][0]["spans"].as_array().unwrap();
    assert_eq!(
        spans[0]["provenance"],
        serde_json::json!({"who": "Ann Lee", "when": "2026-03-01T09:15:00Z", "how": "manual"})
    );
    assert_eq!(
        spans[1]["provenance"],
        serde_json::json!({"who": "Zoë", "when": "2026-03-02T09:15:01Z", "how": "suggested",
                           "rule": "curly quotes: “…”", "confidence": 0.85})
    );
    // A span of unknown provenance has no field at all.
    let old = formats::export(
        &fixture::project("p", &[("a.txt", ARTICLE)]),
        ExportFormat::Json,
    );
    assert!(
        !String::from_utf8(old.unwrap())
            .unwrap()
            .contains("provenance")
    );
}

#[test]
fn csv_adds_provenance_columns_after_the_others() {
    let csv = String::from_utf8(formats::export(&sample(), ExportFormat::Csv).unwrap()).unwrap();
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let old = formats::csv::HEADER.len();
    assert_eq!(header[..old], formats::csv::HEADER.map(str::to_owned));
    assert_eq!(header[old..], ["who", "when", "how", "how_details"]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(
        rows[0][old..],
        ["Ann Lee", "2026-03-01T09:15:00Z", "manual", ""]
    );
    assert_eq!(
        rows[3][old..],
        [
            "Zoë",
            "2026-03-04T09:15:03Z",
            "adjudicated",
            r#"{"coders":["Ann Lee","bo, the second"]}"#
        ]
    );
    // Without provenance: the columns as they always were.
    let plain = formats::export(
        &fixture::project("p", &[("a.txt", ARTICLE)]),
        ExportFormat::Csv,
    );
    let plain = String::from_utf8(plain.unwrap()).unwrap();
    assert_eq!(
        plain.lines().next().unwrap(),
        formats::csv::HEADER.join(",")
    );
}

#[test]
fn w3c_says_who_when_and_how_in_its_own_terms() {
    let export = formats::export(&sample(), ExportFormat::W3c).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&export).unwrap();
    let items = value["first"]["items"].as_array().unwrap();
    assert_eq!(
        items[0]["creator"],
        serde_json::json!({"type": "Person", "name": "Ann Lee"})
    );
    assert_eq!(items[0]["created"], "2026-03-01T09:15:00Z");
    assert_eq!(items[0]["generator"]["id"], "urn:spanmark:how:manual");
    assert_eq!(items[0]["generator"]["type"], "Software");
    assert_eq!(
        items[1]["generator"]["id"],
        "urn:spanmark:how:suggested:0.85:curly%20quotes%3A%20%E2%80%9C%E2%80%A6%E2%80%9D"
    );
}

#[test]
fn formats_without_room_for_it_import_as_imported_by_the_coder() {
    // doccano carries no provenance: its spans come in as imported, now, by the coder.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doccano.jsonl");
    std::fs::write(
        &file,
        formats::export(&sample(), ExportFormat::Doccano).unwrap(),
    )
    .unwrap();
    let mut session = Session::new(bare(&sample()), None, true);
    session.set_coder(Some("importer"));
    session.set_clock(Some("2026-04-01T00:00:00Z"));
    let imported = import::read(
        ImportFormat::Doccano,
        &file,
        session.project(),
        &Default::default(),
    );
    session.import(imported.unwrap()).unwrap();
    let expected = Provenance::new(
        "importer",
        "2026-04-01T00:00:00Z",
        How::Imported {
            format: "doccano".into(),
        },
    );
    let spans: Vec<_> = session
        .project()
        .documents()
        .iter()
        .flat_map(|d| d.spans())
        .collect();
    assert_eq!(spans.len(), sample().span_count());
    assert!(
        spans
            .iter()
            .all(|s| s.provenance.as_deref() == Some(&expected))
    );
}
