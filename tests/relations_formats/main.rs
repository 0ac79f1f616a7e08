//! Relations through every format that has them: export, then import into a fresh
//! project, gives the same spans and the same relations (types and ends); relations a
//! file cannot give (an end left out, an unknown type, a repeat) are counted in the
//! import report with their reason; formats without relations say what they dropped.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::formats::{self, ExportFormat, import};
use spanmark::model::{Project, Relation, RelationId};

const A: &str = "[claim:Olena Kovalenko] said “[quote:we will win]”.\r\n[claim:Kyiv was hit by [figure:270 drones] 👋🏽] today.";
const B: &str = "“[quote:Київ 🇺🇦 stands]”, said [claim:the mayor].";

/// Two documents, four relations of both default types, one span in two relations.
fn sample() -> Project {
    let mut p = fixture::project("Relations", &[("a.txt", A), ("b.txt", B)]);
    link(&mut p, 0, "attributed to", "we will win", "Olena Kovalenko");
    link(
        &mut p,
        0,
        "supported by",
        "Kyiv was hit by 270 drones 👋🏽",
        "270 drones",
    );
    link(
        &mut p,
        0,
        "supported by",
        "Kyiv was hit by 270 drones 👋🏽",
        "we will win",
    );
    link(&mut p, 1, "attributed to", "Київ 🇺🇦 stands", "the mayor");
    p
}

/// Links the spans of document `doc` whose texts are `from` and `to`.
fn link(p: &mut Project, doc: usize, kind: &str, from: &str, to: &str) {
    let document = &p.documents()[doc];
    let find = |text: &str| {
        document
            .spans()
            .iter()
            .find(|s| document.slice(s.range) == Some(text))
            .unwrap_or_else(|| panic!("a span {text:?}"))
            .id
    };
    let relation = Relation::new(RelationId(p.next_relation_id()), kind, find(from), find(to));
    Edit::AddRelation {
        doc: document.id,
        relation,
    }
    .apply(p)
    .unwrap();
}

type SpanKey = (String, String, String);

fn spans_of(p: &Project) -> Vec<SpanKey> {
    let mut out: Vec<SpanKey> = p
        .documents()
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
        .collect();
    out.sort();
    out
}

/// (document, type, (from label, from text), (to label, to text)), sorted.
/// A relation end: (label, text).
type End = (String, String);

fn relations_of(p: &Project) -> Vec<(String, String, End, End)> {
    let mut out = Vec::new();
    for d in p.documents() {
        let end = |id| {
            let s = d.span(id).unwrap();
            (s.label.clone(), d.slice(s.range).unwrap().to_owned())
        };
        for r in d.relations() {
            out.push((d.name.clone(), r.kind.clone(), end(r.from), end(r.to)));
        }
    }
    out.sort();
    out
}

/// The sample's documents without spans (W3C annotations carry no text).
fn texts_only() -> Project {
    let plain = |m: &str| fixture::parse(m).unwrap().0;
    fixture::project("Target", &[("a.txt", &plain(A)), ("b.txt", &plain(B))])
}

/// Exports the sample in `format` to a file (brat: a folder), imports it into `target`
/// and returns the project and the report.
fn export_import(
    project: &Project,
    format: ExportFormat,
    import_as: import::ImportFormat,
    mut target: Project,
) -> (Project, import::ImportReport) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(if format.is_folder() {
        "out"
    } else {
        "out.file"
    });
    formats::write_export(project, format, &path).unwrap();
    let read = import::read(import_as, &path, &target, &import::ReadOptions::default()).unwrap();
    let (edit, report) = import::plan_imported(&target, &read);
    edit.apply(&mut target).unwrap();
    (target, report)
}

fn round_trip(format: ExportFormat, import_as: import::ImportFormat, target: Project) {
    let project = sample();
    assert_eq!(project.relation_count(), 4);
    let (back, report) = export_import(&project, format, import_as, target);
    assert!(
        report.problems().is_empty(),
        "{format:?}: {:?}",
        report.problems()
    );
    assert_eq!(spans_of(&back), spans_of(&project), "{format:?}: spans");
    assert_eq!(
        relations_of(&back),
        relations_of(&project),
        "{format:?}: relations"
    );
    assert_eq!(report.relations_added, 4, "{format:?}");
    assert_eq!(report.found.relations, 4, "{format:?}");
}

#[test]
fn json_round_trip_keeps_relations() {
    round_trip(
        ExportFormat::Json,
        import::ImportFormat::Json,
        Project::new("x"),
    );
}

#[test]
fn jsonl_round_trip_keeps_relations() {
    round_trip(
        ExportFormat::Jsonl,
        import::ImportFormat::Json,
        Project::new("x"),
    );
}

#[test]
fn json_writes_relations_types_and_typed_fields() {
    let bytes = formats::export(&sample(), ExportFormat::Json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let doc = &value["documents"][1];
    let relation = &doc["relations"][0];
    assert_eq!(relation["type"], "attributed to");
    let id_of = |text: &str| {
        doc["spans"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["text"] == text)
            .unwrap()["id"]
            .clone()
    };
    assert_eq!(relation["from"], id_of("Київ 🇺🇦 stands"));
    assert_eq!(relation["to"], id_of("the mayor"));
    assert_eq!(value["relation_types"][1]["name"], "supported by");
    assert_eq!(value["relation_types"][1]["to"][0], "figure");
    let figure = &value["labels"][2];
    assert_eq!(figure["attributes"][0]["type"], "choice");
    assert_eq!(figure["attributes"][0]["values"][1], "money");
}

#[test]
fn json_relation_types_and_fields_come_with_the_import() {
    let mut project = sample();
    // A type and a field of the file's own.
    let mut person = spanmark::model::Label::new("person", "#cc79a7", None, &[]);
    person.attributes.push(spanmark::model::AttributeDef {
        name: "born".into(),
        kind: spanmark::model::AttributeKind::Date,
    });
    Edit::AddLabel {
        index: 9,
        label: person,
    }
    .apply(&mut project)
    .unwrap();
    Edit::AddRelationType {
        index: 9,
        relation_type: spanmark::model::RelationType::new("said by", &["quote"], &["person"]),
    }
    .apply(&mut project)
    .unwrap();
    let bytes = formats::export(&project, ExportFormat::Json).unwrap();
    // Into a project with documents (nothing adopted): the type is added.
    let mut target = texts_only();
    let file = import::parse(&bytes).unwrap();
    let (edit, report) = import::plan(&target, &file);
    edit.apply(&mut target).unwrap();
    assert_eq!(report.relation_types_added, 1);
    assert!(target.relation_type("said by").is_some());
    assert_eq!(relations_of(&target), relations_of(&project));
    // Into an empty project: labels with their typed fields and all types.
    let mut empty = Project::new("empty");
    let (edit, _) = import::plan(&empty, &file);
    edit.apply(&mut empty).unwrap();
    let born = &empty.labels.get("person").unwrap().attributes[0];
    assert_eq!(born.kind, spanmark::model::AttributeKind::Date);
    assert_eq!(empty.relation_types, project.relation_types);
    assert_eq!(
        formats::export(&empty, ExportFormat::Json).unwrap(),
        bytes,
        "export, import, export gives the same file"
    );
}

#[test]
fn older_json_labels_with_field_names_or_none_still_import() {
    let text = "We will win, she said.";
    let sha = spanmark::model::sha256_hex(text);
    let file = format!(
        r##"{{"format":"spanmark-export","version":1,"offsets":"unicode-codepoints","project":"Old",
        "labels":[{{"name":"quote","color":"#0072B2","attributes":["speaker"]}},{{"name":"claim","color":"#D55E00"}}],
        "documents":[{{"name":"a.txt","sha256":"{sha}","text":"{text}","spans":[
          {{"id":1,"label":"quote","start":0,"end":11,"text":"We will win","utf16_start":0,"utf16_end":11,"byte_start":0,"byte_end":11,"note":null,"attributes":{{}}}}]}}]}}"##
    );
    let file = import::parse(file.as_bytes()).unwrap();
    let mut empty = Project::new("empty");
    let (edit, report) = import::plan(&empty, &file);
    edit.apply(&mut empty).unwrap();
    assert_eq!(report.spans_added, 1);
    let quote = empty.labels.get("quote").unwrap();
    assert_eq!(quote.attributes[0].name, "speaker");
    assert_eq!(
        quote.attributes[0].kind,
        spanmark::model::AttributeKind::Text
    );
    assert_eq!(report.found.relations, 0);
    assert!(
        !report.summary().contains("relations"),
        "{}",
        report.summary()
    );
}

#[test]
fn relations_the_import_cannot_make_are_counted_with_their_reason() {
    let project = sample();
    let mut export = formats::json::build(&project);
    // The quote of b.txt is left out (its text disagrees), so is the relation to it; one
    // relation has a type nobody defines; one is there twice.
    export.documents[1].spans[0].text = "something else".into();
    export.relations[0][0].kind = "contradicts".into();
    let twice = export.relations[0][1].clone();
    export.relations[0].push(formats::json::ExportRelation { id: 99, ..twice });
    let mut target = Project::new("t");
    let (edit, report) = import::plan(&target, &export);
    edit.apply(&mut target).unwrap();
    let found = &report.found;
    assert_eq!(found.relations, 5);
    assert_eq!(report.relations_added, 2);
    assert_eq!(found.relations_skipped_count(import::Skip::MissingEnd), 1);
    assert_eq!(
        found.relations_skipped_count(import::Skip::UnknownRelationType),
        1
    );
    assert_eq!(found.relations_skipped_count(import::Skip::Duplicate), 1);
    assert_eq!(
        found.relations,
        report.relations_added + found.relations_skipped_total()
    );
    let problems = report.problems().join("\n");
    assert!(
        problems.contains("\"contradicts\" is not in the project"),
        "{problems}"
    );
    assert!(
        problems.contains("was not imported; relation skipped"),
        "{problems}"
    );
    assert!(
        report.summary().contains(
            "imported 2 of 5 relations (1 duplicate, 1 missing end, 1 unknown relation type)"
        ),
        "{}",
        report.summary()
    );
    // Importing the same file again adds the two left out before; the rest are
    // duplicates, on the spans already there.
    let (edit, again) = import::plan(&target, &formats::json::build(&project));
    assert_eq!(
        again.relations_added, 2,
        "those of the missing end and the unknown type"
    );
    assert_eq!(
        again.found.relations_skipped_count(import::Skip::Duplicate),
        2
    );
    edit.apply(&mut target).unwrap();
    assert_eq!(target.relation_count(), 4);
}

#[test]
fn an_import_is_one_undo_step_with_its_relations() {
    let project = sample();
    let mut target = Project::new("t");
    let (edit, _) = import::plan(&target, &formats::json::build(&project));
    let mut history = spanmark::edit::History::new_unsaved();
    history.apply(&mut target, edit).unwrap();
    assert_eq!(target.relation_count(), 4);
    history.undo(&mut target).unwrap();
    assert_eq!(target.relation_count(), 0);
    assert_eq!(target.span_count(), 0);
}

#[test]
fn verify_refuses_a_relation_whose_end_is_not_in_the_document() {
    let project = sample();
    let mut export = formats::json::build(&project);
    export.relations[1][0].to = 12345;
    let err = formats::json::verify(&export).unwrap_err().to_string();
    assert!(err.contains("span 12345, is not in the document"), "{err}");
}

#[test]
fn brat_round_trip_keeps_relations() {
    round_trip(
        ExportFormat::Brat,
        import::ImportFormat::Brat,
        Project::new("x"),
    );
}

#[test]
fn brat_r_lines_with_a_missing_end_or_equivalences_are_reported() {
    let text = "She said we will win.";
    let ann = "T1\tquote 9 20\twe will win\nT2\tclaim 0 3\tShe\nR1\tattributed_to Arg1:T1 Arg2:T2\nR2\tattributed_to Arg1:T1 Arg2:T9\n*\tEquiv T1 T2\n";
    let project = Project::new("p");
    let (spans, relations, found) =
        formats::brat::read_with_relations(ann, text, &project.labels, &project.relation_types, 0);
    assert_eq!(spans.len(), 2);
    assert_eq!(relations.len(), 1);
    assert_eq!(
        relations[0].kind, "attributed to",
        "brat's name mapped back"
    );
    assert_eq!(
        (relations[0].from, relations[0].to),
        (spans[0].id, spans[1].id)
    );
    assert_eq!(found.relations, 2);
    assert_eq!(found.relations_skipped_count(import::Skip::MissingEnd), 1);
    assert_eq!(found.relations_skipped_count(import::Skip::Unsupported), 1);
}

#[test]
fn formats_without_relations_say_what_they_dropped() {
    let project = sample();
    for format in ExportFormat::ALL {
        let notes = formats::export_notes(&project, format).join("\n");
        let said = notes.contains("4 relations were not exported");
        assert_eq!(said, !format.has_relations(), "{format:?}: {notes}");
    }
    let spacy = formats::export_notes(&project, ExportFormat::Spacy).join("\n");
    assert!(spacy.contains("spaCy JSONL has no relations"), "{spacy}");
    assert!(
        formats::export_notes(
            &fixture::project("p", &[("a", "[quote:x]")]),
            ExportFormat::Spacy
        )
        .is_empty()
    );
}

#[test]
fn label_studio_round_trip_keeps_relations() {
    round_trip(
        ExportFormat::LabelStudio,
        import::ImportFormat::LabelStudio,
        Project::new("x"),
    );
}

#[test]
fn label_studio_relations_without_labels_take_a_type_that_fits() {
    let tasks = r#"[{"data": {"text": "Kyiv was hit, said the mayor."}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 12, "labels": ["quote"]}},
        {"id": "b", "type": "labels", "value": {"start": 19, "end": 28, "labels": ["claim"]}},
        {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right", "labels": []},
        {"type": "relation", "from_id": "b", "to_id": "a", "direction": "right", "labels": []},
        {"id": "c", "type": "labels", "value": {"start": 0, "end": 4, "labels": ["figure"]}},
        {"type": "relation", "from_id": "c", "to_id": "b", "direction": "right", "labels": []},
        {"type": "relation", "from_id": "a", "to_id": "zz", "direction": "right", "labels": ["attributed to"]}
    ]}]}]"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ls.json");
    std::fs::write(&path, tasks).unwrap();
    let mut target = Project::new("t");
    let read = import::read(
        import::ImportFormat::LabelStudio,
        &path,
        &target,
        &import::ReadOptions::default(),
    )
    .unwrap();
    let (edit, report) = import::plan_imported(&target, &read);
    edit.apply(&mut target).unwrap();
    assert_eq!(report.relations_added, 2);
    let kinds: Vec<&str> = target.documents()[0]
        .relations()
        .iter()
        .map(|r| r.kind.as_str())
        .collect();
    assert_eq!(kinds, ["attributed to", "supported by"]);
    assert_eq!(report.found.relations, 4);
    assert_eq!(
        report
            .found
            .relations_skipped_count(import::Skip::MissingEnd),
        1
    );
    assert_eq!(
        report
            .found
            .relations_skipped_count(import::Skip::UnknownRelationType),
        1,
        "figure -> claim: no type allows it"
    );
}

/// `project`'s documents without their spans.
fn texts_only_of(project: &Project) -> Project {
    let docs: Vec<(String, String)> = project
        .documents()
        .iter()
        .map(|d| (d.name.clone(), d.text().to_owned()))
        .collect();
    let docs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    fixture::project("Target", &docs)
}

mod csv;
mod doccano;
mod w3c;
