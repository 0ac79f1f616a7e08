//! Do brat and Label Studio read spanmark's relation exports as spanmark meant them?
//! `tests/fixtures/consumers-read/` (see its `NOTES.md`) holds a project, spanmark's
//! brat and Label Studio exports of it, and what the real programs returned and wrote
//! after reading them: brat's `getDocument` answer and the `.ann` its web editor wrote
//! back, Label Studio's API answer and its JSON export after its editor saved the
//! annotation again. These tests check, from those stored files only, that each program
//! read every span (text, offsets, label) and every relation (type, ends, direction)
//! exactly as spanmark wrote it, and that importing what each program wrote back into
//! the original project adds nothing and loses nothing.
//!
//! `same-pair/` records what Label Studio's editor does with two relations of
//! different types between the same two spans, as spanmark writes them today: it keeps
//! the first and drops the other (see `NOTES.md`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use serde_json::Value;
use spanmark::formats::import::{self, ImportFormat, ImportReport, ReadOptions};
use spanmark::formats::report::Skip;
use spanmark::formats::{self, ExportFormat};
use spanmark::model::{Document, Project};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/consumers-read")
        .join(path)
}

fn json(path: &str) -> Value {
    let bytes = std::fs::read(fixture(path)).unwrap();
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn project(path: &str) -> Project {
    spanmark::store::load(&fixture(path)).unwrap()
}

/// A span as `(label, start, end, text)`, offsets in code points.
type Span = (String, usize, usize, String);

/// A relation as `(type, from, to)`.
type Link = (String, Span, Span);

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

fn span_of(d: &Document, s: &spanmark::model::Span) -> Span {
    let (start, end) = (s.range.start.0, s.range.end.0);
    (s.label.clone(), start, end, slice(d.text(), start, end))
}

/// Every span of the document, sorted.
fn spans_of(d: &Document) -> Vec<Span> {
    sorted(d.spans().iter().map(|s| span_of(d, s)).collect())
}

/// Every relation of the document, its ends as spans, sorted.
fn links_of(d: &Document) -> Vec<Link> {
    let end = |id| span_of(d, d.span(id).unwrap());
    sorted(
        d.relations()
            .iter()
            .map(|r| (r.kind.clone(), end(r.from), end(r.to)))
            .collect(),
    )
}

/// Imports `file` into `project` (changed in place); the report.
fn import_into(project: &mut Project, file: &Path, format: ImportFormat) -> ImportReport {
    let imported = import::read(format, file, project, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let (edit, report) = import::plan_imported(project, &imported);
    edit.apply(project).unwrap();
    report
}

/// The report of importing into the project a file of the very same spans and
/// relations: every item a duplicate, nothing added, nothing else left out.
fn assert_nothing_new_nothing_lost(report: &ImportReport, spans: usize, relations: usize) {
    let problems = report.problems();
    assert_eq!(report.documents_added, 0, "{problems:?}");
    assert_eq!(report.documents_matched, 1, "{problems:?}");
    assert_eq!(report.labels_added, 0, "{problems:?}");
    assert_eq!(report.relation_types_added, 0, "{problems:?}");
    assert_eq!(
        (report.found.items, report.spans_added),
        (spans, 0),
        "{problems:?}"
    );
    assert_eq!(
        report.found.skipped_count(Skip::Duplicate),
        spans,
        "{problems:?}"
    );
    assert_eq!(report.found.skipped_total(), spans, "{problems:?}");
    assert_eq!(
        (report.found.relations, report.relations_added),
        (relations, 0),
        "{problems:?}"
    );
    assert_eq!(
        report.found.relations_skipped_count(Skip::Duplicate),
        relations,
        "{problems:?}"
    );
    assert_eq!(
        report.found.relations_skipped_total(),
        relations,
        "{problems:?}"
    );
    assert!(problems.is_empty(), "{problems:?}");
}

/// brat's name of a spanmark type: blanks become `_`.
fn brat_type(name: &str) -> String {
    name.replace(' ', "_")
}

/// The stored spanmark exports are what spanmark writes for `project.ron` today (else
/// the programs read something else: re-run them as `NOTES.md` says).
#[test]
fn the_files_brat_and_label_studio_read_are_todays_exports() {
    let project = project("project.ron");
    let dir = tempfile::tempdir().unwrap();
    formats::brat::write_files(&formats::json::build(&project), dir.path()).unwrap();
    for name in ["elvan.txt", "elvan.ann", "annotation.conf", "visual.conf"] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            std::fs::read_to_string(fixture(&format!("spanmark-brat/{name}"))).unwrap(),
            "{name}"
        );
    }
    let bytes = formats::export(&project, ExportFormat::LabelStudio).unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        std::fs::read_to_string(fixture("label-studio/tasks.json")).unwrap()
    );
    // The pair of spans with two relations: today's export is the merged form Label
    // Studio's editor kept (`tasks-merged.json`); `tasks.json` is the earlier export,
    // one result per relation, of which the editor dropped one.
    let bytes = formats::export(
        &self::project("same-pair/project.ron"),
        ExportFormat::LabelStudio,
    )
    .unwrap();
    let today: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(today, json("same-pair/tasks-merged.json"));
    assert_ne!(today, json("same-pair/tasks.json"));
}

/// brat 44ecd82's `getDocument` for spanmark's `.txt`/`.ann`: the same text, every T
/// line as an entity at spanmark's code-point offsets (after 🚢, curly quotes and 📦,
/// where UTF-16 would be 1–2 more), every R line as a relation with the same type
/// (brat's one-token name) and the same Arg1/Arg2; the note and attribute too.
#[test]
fn brat_reads_every_span_and_relation_as_spanmark_wrote_them() {
    let project = project("project.ron");
    let doc = &project.documents()[0];
    let got = json("brat/getDocument.json");
    assert_eq!(got["action"], "getDocument");
    assert!(got.get("exception").is_none(), "{got}");
    let text = got["text"].as_str().unwrap();
    assert_eq!(text, doc.text(), "brat serves the text spanmark wrote");

    // brat's entities: [id, type, [[start, end]]], one fragment each.
    let mut by_id = std::collections::HashMap::new();
    let mut spans = Vec::new();
    for e in got["entities"].as_array().unwrap() {
        let fragments = e[2].as_array().unwrap();
        assert_eq!(fragments.len(), 1, "{e}");
        let (s, t) = (
            fragments[0][0].as_u64().unwrap() as usize,
            fragments[0][1].as_u64().unwrap() as usize,
        );
        let span: Span = (e[1].as_str().unwrap().to_owned(), s, t, slice(text, s, t));
        by_id.insert(e[0].as_str().unwrap().to_owned(), span.clone());
        spans.push(span);
    }
    let want = spans_of(doc);
    assert_eq!(sorted(spans), want);
    assert_eq!(want.len(), 9);
    // Spans after the emoji: code points, not UTF-16 units.
    assert!(want.contains(&("person".to_owned(), 360, 370, "José Ñúñez".to_owned())));

    // brat's relations: [id, type, [["Arg1", T], ["Arg2", T]]].
    let links: Vec<Link> = got["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(
                (r[2][0][0].as_str(), r[2][1][0].as_str()),
                (Some("Arg1"), Some("Arg2"))
            );
            let end = |i: usize| by_id[r[2][i][1].as_str().unwrap()].clone();
            (r[1].as_str().unwrap().to_owned(), end(0), end(1))
        })
        .collect();
    let want: Vec<Link> = links_of(doc)
        .into_iter()
        .map(|(kind, from, to)| (brat_type(&kind), from, to))
        .collect();
    assert_eq!(sorted(links), want);
    assert_eq!(want.len(), 5);

    // The note and the one-token attribute spanmark wrote as `#` and `A` lines.
    let comments: Vec<(String, String)> = got["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c[1], "AnnotatorNotes");
            let span = &by_id[c[0].as_str().unwrap()];
            (span.3.clone(), c[2].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(
        comments,
        [
            (
                "We expect the new crane line to reverse that by spring".to_owned(),
                "speaker: Mira Okonjo".to_owned()
            ),
            (
                "the decline is temporary".to_owned(),
                "traders, not the authority".to_owned()
            ),
        ]
    );
    let attributes = got["attributes"].as_array().unwrap();
    assert_eq!(attributes.len(), 1);
    assert_eq!(
        (
            attributes[0][1].as_str(),
            by_id[attributes[0][2].as_str().unwrap()].3.as_str(),
            attributes[0][3].as_str()
        ),
        (Some("kind"), "18%", Some("percent"))
    );
}

/// The `.ann` brat's web editor wrote after a span was added and deleted and a relation
/// was deleted and drawn again: spanmark's lines kept as they were, the redrawn relation
/// as brat writes its own (`R5<TAB>attributed_to Arg1:T9 Arg2:T8<TAB>`). Imported into the
/// project it came from, it adds nothing and loses nothing; into a new project, it
/// brings back every span and relation.
#[test]
fn brats_own_write_reimports_with_nothing_added_or_lost() {
    let ann = std::fs::read_to_string(fixture("brat/elvan.ann")).unwrap();
    let ours = std::fs::read_to_string(fixture("spanmark-brat/elvan.ann")).unwrap();
    assert_eq!(
        ann,
        ours.replace(
            "R5\tattributed_to Arg1:T9 Arg2:T8\n",
            "R5\tattributed_to Arg1:T9 Arg2:T8\t\n"
        ),
        "brat rewrote only the relation it made"
    );
    assert_ne!(ann, ours);

    let mut project = project("project.ron");
    let before = (
        spans_of(&project.documents()[0]),
        links_of(&project.documents()[0]),
    );
    let report = import_into(&mut project, &fixture("brat/elvan.ann"), ImportFormat::Brat);
    assert_nothing_new_nothing_lost(&report, 9, 5);
    let doc = &project.documents()[0];
    assert_eq!((spans_of(doc), links_of(doc)), before);

    // Into a project that has the text and nothing else (default labels and types).
    let original = self::project("project.ron");
    let mut fresh = Project::new("fresh");
    let report = import_into(&mut fresh, &fixture("brat/elvan.ann"), ImportFormat::Brat);
    assert_eq!(
        (report.spans_added, report.relations_added),
        (9, 5),
        "{:?}",
        report.problems()
    );
    let doc = &fresh.documents()[0];
    assert_eq!(doc.text(), original.documents()[0].text());
    assert_eq!(spans_of(doc), spans_of(&original.documents()[0]));
    assert_eq!(links_of(doc), links_of(&original.documents()[0]));
}

/// A span result of Label Studio's JSON as `(label, start, end, text)`, checked against
/// the task's text.
fn ls_span(result: &Value, text: &str) -> Span {
    let v = &result["value"];
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(v["labels"].as_array().unwrap().len(), 1, "{result}");
    let at = slice(text, s, e);
    assert_eq!(
        v["text"].as_str(),
        Some(at.as_str()),
        "value.text is the text at its offsets"
    );
    (v["labels"][0].as_str().unwrap().to_owned(), s, e, at)
}

/// The spans and relations of one annotation's `result`, relations with each label as
/// one relation, their ends the span results they name (`direction: left` swapped).
fn ls_read(results: &[Value], text: &str) -> (Vec<Span>, Vec<Link>) {
    let mut by_id = std::collections::HashMap::new();
    let mut spans = Vec::new();
    for r in results.iter().filter(|r| r["type"] == "labels") {
        let span = ls_span(r, text);
        by_id.insert(r["id"].as_str().unwrap().to_owned(), span.clone());
        spans.push(span);
    }
    let mut links = Vec::new();
    for r in results.iter().filter(|r| r["type"] == "relation") {
        let (mut from, mut to) = (
            by_id[r["from_id"].as_str().unwrap()].clone(),
            by_id[r["to_id"].as_str().unwrap()].clone(),
        );
        assert_ne!(r["direction"], "bi", "{r}");
        if r["direction"] == "left" {
            std::mem::swap(&mut from, &mut to);
        }
        for label in r["labels"].as_array().unwrap() {
            links.push((label.as_str().unwrap().to_owned(), from.clone(), to.clone()));
        }
    }
    (sorted(spans), sorted(links))
}

/// Label Studio 1.23.2 after importing spanmark's tasks through its API: its answer for
/// the task's annotations holds every span and relation result as spanmark wrote it;
/// and after its web editor opened the annotation and saved it again (Update), the
/// export holds the editor's own serialization: the same results, the span results
/// with `"origin": "manual"` added and nothing else changed.
#[test]
fn label_studio_reads_every_span_and_relation_as_spanmark_wrote_them() {
    let project = project("project.ron");
    let doc = &project.documents()[0];
    let tasks = json("label-studio/tasks.json");
    let ours = tasks[0]["annotations"][0]["result"].as_array().unwrap();

    let api = json("label-studio/annotations.json");
    assert_eq!(api.as_array().unwrap().len(), 1);
    let stored = api[0]["result"].as_array().unwrap();
    assert_eq!(
        stored, ours,
        "Label Studio stored spanmark's results unchanged"
    );

    let export = json("label-studio/export.json");
    assert_eq!(export.as_array().unwrap().len(), 1);
    let task = &export[0];
    let text = task["data"]["text"].as_str().unwrap();
    assert_eq!(text, doc.text());
    assert_eq!(task["meta"], tasks[0]["meta"], "the task's meta is kept");
    let annotations = task["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1);
    let written = annotations[0]["result"].as_array().unwrap();
    assert_eq!(written.len(), ours.len());
    for (w, o) in written.iter().zip(ours) {
        let mut w = w.clone();
        if o["type"] == "labels" {
            assert_eq!(w["origin"], "manual", "{w}");
            w.as_object_mut().unwrap().remove("origin");
        }
        assert_eq!(&w, o, "the editor wrote back what it read");
    }

    let (spans, links) = ls_read(written, text);
    assert_eq!(spans, spans_of(doc));
    assert_eq!(links, links_of(doc));
    assert_eq!((spans.len(), links.len()), (9, 5));
    // Every relation kept its direction: from the quote to the person, also where the
    // person comes first in the text.
    assert!(
        written
            .iter()
            .filter(|r| r["type"] == "relation")
            .all(|r| r["direction"] == "right")
    );
}

/// Label Studio's export, imported into the project it came from, adds nothing and
/// loses nothing; into a new project it brings back every span and relation.
#[test]
fn label_studios_own_write_reimports_with_nothing_added_or_lost() {
    let mut project = project("project.ron");
    let before = (
        spans_of(&project.documents()[0]),
        links_of(&project.documents()[0]),
    );
    let file = fixture("label-studio/export.json");
    let report = import_into(&mut project, &file, ImportFormat::LabelStudio);
    assert_nothing_new_nothing_lost(&report, 9, 5);
    let doc = &project.documents()[0];
    assert_eq!((spans_of(doc), links_of(doc)), before);

    let original = self::project("project.ron");
    let mut fresh = Project::new("fresh");
    let report = import_into(&mut fresh, &file, ImportFormat::LabelStudio);
    assert_eq!(
        (report.spans_added, report.relations_added),
        (9, 5),
        "{:?}",
        report.problems()
    );
    let doc = &fresh.documents()[0];
    assert_eq!(spans_of(doc), spans_of(&original.documents()[0]));
    assert_eq!(links_of(doc), links_of(&original.documents()[0]));
}

/// Two relations of different types between the same two spans, the same way round
/// (a claim *supported by* and *claimed by* a quote). spanmark writes them as two
/// relation results; Label Studio's editor keeps one relation per ordered pair of
/// regions, so it showed "Relations (2)" and its next save dropped `claimed by`.
/// Written as one result with both labels (`tasks-merged.json`, the same file merged by
/// hand), the editor kept both, and spanmark reads both back. brat reads the two R
/// lines as two relations.
#[test]
fn label_studio_keeps_one_relation_per_pair_of_spans() {
    let project = project("same-pair/project.ron");
    let doc = &project.documents()[0];
    let want = links_of(doc);
    assert_eq!(want.len(), 3);

    let tasks = json("same-pair/tasks.json");
    let text = tasks[0]["data"]["text"].as_str().unwrap();
    let (_, ours) = ls_read(
        tasks[0]["annotations"][0]["result"].as_array().unwrap(),
        text,
    );
    assert_eq!(ours, want, "spanmark wrote all three");

    // After the editor's save: `claimed by` is gone.
    let export = json("same-pair/export.json");
    let (spans, links) = ls_read(
        export[0]["annotations"][0]["result"].as_array().unwrap(),
        text,
    );
    assert_eq!(spans, spans_of(doc));
    let lost: Vec<&Link> = want.iter().filter(|l| !links.contains(l)).collect();
    assert_eq!(lost.len(), 1, "{links:?}");
    assert_eq!(lost[0].0, "claimed by");
    assert_eq!(links.len(), 2);
    let mut fresh = Project::new("fresh");
    let report = import_into(
        &mut fresh,
        &fixture("same-pair/export.json"),
        ImportFormat::LabelStudio,
    );
    assert_eq!(report.relations_added, 2, "{:?}", report.problems());

    // One result per pair, with both labels: kept by the editor, read back whole.
    let export = json("same-pair/export-merged.json");
    let (_, links) = ls_read(
        export[0]["annotations"][0]["result"].as_array().unwrap(),
        text,
    );
    assert_eq!(links, want);
    let mut fresh = Project::new("fresh");
    let report = import_into(
        &mut fresh,
        &fixture("same-pair/export-merged.json"),
        ImportFormat::LabelStudio,
    );
    assert_eq!(report.relations_added, 3, "{:?}", report.problems());
    assert_eq!(links_of(&fresh.documents()[0]), want);

    // brat: three R lines, three relations.
    let got = json("same-pair/brat-getDocument.json");
    let kinds: Vec<&str> = got["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["attributed_to", "supported_by", "claimed_by"]);
}

/// What spanmark's Label Studio export does so that the editor keeps every relation:
/// one relation result per ordered pair of spans, with every type in its `labels`
/// (which spanmark's importer reads as one relation per label).
#[test]
fn label_studio_export_writes_one_result_per_pair_of_spans() {
    let bytes =
        formats::export(&project("same-pair/project.ron"), ExportFormat::LabelStudio).unwrap();
    let tasks: Value = serde_json::from_slice(&bytes).unwrap();
    let mut pairs: Vec<(String, String)> = tasks[0]["annotations"][0]["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "relation")
        .map(|r| (r["from_id"].to_string(), r["to_id"].to_string()))
        .collect();
    let all = pairs.len();
    pairs.sort();
    pairs.dedup();
    assert_eq!(
        pairs.len(),
        all,
        "two relation results name the same two spans"
    );
}
