//! The W3C export read by a real JSON-LD processor (pyld, issue 12): expanded with a
//! base IRI and compacted again, as a linked-data store would, it must import back with
//! nothing left out. Also an export of spanmark 0.1, whose `source` was a bare file
//! name: after the processor made it an IRI against the base, it still finds its
//! document. Skipped, with a printed reason, where pyld is not installed (`.ci/run`
//! installs it into its venv; `SPANMARK_PYTHON` names the Python to use).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::fixture;
use spanmark::formats::{self, ExportFormat, import, w3c};
use spanmark::model::Project;
use std::path::Path;

#[path = "consumers/pyld.rs"]
mod pyld;

const ARTICLE: &str =
    "👋🏽 Zoe\u{308} said “[quote:we will win]”.\r\n\r\n[figure:270 drones] 🇺🇦 hit [claim:Київ].";

/// `input` through pyld into `output`; false (said) when pyld is not there.
fn through_pyld(input: &Path, output: &Path) -> bool {
    pyld::run("jsonld_round_trip.py", input, output)
}

fn spans_of(p: &Project) -> Vec<(String, String, String)> {
    p.documents()
        .iter()
        .flat_map(|d| {
            d.spans().iter().map(move |s| {
                (
                    d.name.clone(),
                    s.label.clone(),
                    d.slice(s.range).unwrap().to_owned(),
                )
            })
        })
        .collect()
}

/// `project`'s documents without their spans.
fn bare(project: &Project) -> Project {
    let articles: Vec<(String, String)> = project
        .documents()
        .iter()
        .map(|d| {
            (
                d.name.clone(),
                d.text().replace('[', "\\[").replace(']', "\\]"),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = articles
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    fixture::project("bare", &docs)
}

#[test]
fn a_w3c_export_through_a_json_ld_processor_imports_back_whole() {
    let project = fixture::project(
        "JSON-LD",
        &[("a.txt", ARTICLE), ("b b.txt", "Plain [figure:40%] text.")],
    );
    let dir = tempfile::tempdir().unwrap();
    let (export, processed) = (
        dir.path().join("w3c.json"),
        dir.path().join("processed.json"),
    );
    std::fs::write(
        &export,
        formats::export(&project, ExportFormat::W3c).unwrap(),
    )
    .unwrap();
    if !through_pyld(&export, &processed) {
        return;
    }
    let mut target = bare(&project);
    let imported = w3c::parse(&std::fs::read(&processed).unwrap(), &target).unwrap();
    let (edit, report) = import::plan_imported(&target, &imported);
    assert_eq!(report.found.skipped_total(), 0, "{:?}", report.problems());
    assert_eq!(report.spans_added, project.span_count());
    edit.apply(&mut target).unwrap();
    assert_eq!(spans_of(&target), spans_of(&project));
}

#[test]
fn a_bare_file_name_made_an_iri_by_the_processor_still_finds_its_document() {
    let project = fixture::project("p", &[("b b.txt", "Plain [figure:40%] text.")]);
    // As spanmark 0.1 wrote it: `source` the document's name.
    let old = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [{"type": "Annotation",
          "body": [{"type": "TextualBody", "purpose": "tagging", "value": "figure"}],
          "target": {"source": "b%20b.txt", "selector": [
            {"type": "TextPositionSelector", "start": 6, "end": 9},
            {"type": "TextQuoteSelector", "exact": "40%", "prefix": "Plain ", "suffix": " text."}]}}]}}"#;
    let dir = tempfile::tempdir().unwrap();
    let (input, processed) = (
        dir.path().join("old.json"),
        dir.path().join("processed.json"),
    );
    std::fs::write(&input, old).unwrap();
    if !through_pyld(&input, &processed) {
        return;
    }
    let text = std::fs::read_to_string(&processed).unwrap();
    assert!(
        text.contains("http://example.org/articles/b%20b.txt"),
        "{text}"
    );
    let target = bare(&project);
    let imported = w3c::parse(text.as_bytes(), &target).unwrap();
    let (_, report) = import::plan_imported(&target, &imported);
    assert_eq!(
        (report.spans_added, report.found.skipped_total()),
        (1, 0),
        "{:?}",
        report.problems()
    );
}

/// Who made each span, when and how (W3C `creator`, `created`, `generator`) survives a
/// JSON-LD processor too (issue 16).
#[test]
fn provenance_survives_a_json_ld_processor() {
    use spanmark::edit::Edit;
    use spanmark::model::{How, Provenance};
    let mut project = fixture::project("JSON-LD", &[("a.txt", ARTICLE)]);
    let doc = project.documents()[0].id;
    let hows = [
        How::Manual,
        How::Suggested {
            rule: "curly quotes".into(),
            confidence: spanmark::model::Confidence::from_f64(0.9),
        },
        How::Imported {
            format: "brat".into(),
        },
    ];
    let spans: Vec<_> = project.documents()[0].spans().to_vec();
    let mut edits = Vec::new();
    for (span, how) in spans.into_iter().zip(hows) {
        let mut made = span.clone();
        made.provenance = Some(Box::new(Provenance::new(
            "Zoë K.",
            "2026-03-01T09:15:00Z",
            how,
        )));
        edits.push(Edit::RemoveSpan { doc, span: span.id });
        edits.push(Edit::AddSpan { doc, span: made });
    }
    Edit::Batch(edits).apply(&mut project).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (export, processed) = (
        dir.path().join("w3c.json"),
        dir.path().join("processed.json"),
    );
    std::fs::write(
        &export,
        formats::export(&project, ExportFormat::W3c).unwrap(),
    )
    .unwrap();
    if !through_pyld(&export, &processed) {
        return;
    }
    let mut target = bare(&project);
    let imported = w3c::parse(&std::fs::read(&processed).unwrap(), &target).unwrap();
    let (edit, report) = import::plan_imported(&target, &imported);
    assert_eq!(report.found.skipped_total(), 0, "{:?}", report.problems());
    edit.apply(&mut target).unwrap();
    let made = |p: &Project| -> Vec<Option<Provenance>> {
        p.documents()[0]
            .spans()
            .iter()
            .map(|s| s.provenance.as_deref().cloned())
            .collect()
    };
    assert_eq!(made(&target), made(&project));
}

/// Relations (linking annotations, targets from then to) survive a JSON-LD processor:
/// it keeps the order of the targets.
#[test]
fn relations_survive_a_json_ld_processor() {
    use spanmark::edit::Edit;
    use spanmark::model::{Relation, RelationId};
    let mut project = fixture::project("JSON-LD", &[("a.txt", ARTICLE)]);
    let doc = &project.documents()[0];
    let id = |label: &str| doc.spans().iter().find(|s| s.label == label).unwrap().id;
    let links = [
        ("supported by", id("claim"), id("figure")),
        ("attributed to", id("quote"), id("claim")),
    ];
    let doc = doc.id;
    for (kind, from, to) in links {
        let relation = Relation::new(RelationId(project.next_relation_id()), kind, from, to);
        Edit::AddRelation { doc, relation }
            .apply(&mut project)
            .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let (export, processed) = (
        dir.path().join("w3c.json"),
        dir.path().join("processed.json"),
    );
    std::fs::write(
        &export,
        formats::export(&project, ExportFormat::W3c).unwrap(),
    )
    .unwrap();
    if !through_pyld(&export, &processed) {
        return;
    }
    let mut target = bare(&project);
    let imported = w3c::parse(&std::fs::read(&processed).unwrap(), &target).unwrap();
    let (edit, report) = import::plan_imported(&target, &imported);
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    assert_eq!(report.relations_added, 2);
    edit.apply(&mut target).unwrap();
    let relations = |p: &Project| -> Vec<(String, String, String)> {
        let d = &p.documents()[0];
        let label = |id| d.span(id).unwrap().label.clone();
        let mut out: Vec<_> = d
            .relations()
            .iter()
            .map(|r| (r.kind.clone(), label(r.from), label(r.to)))
            .collect();
        out.sort();
        out
    };
    assert_eq!(relations(&target), relations(&project));
}
