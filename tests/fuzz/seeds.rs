//! The seeds: the project the seed files are exported from (emoji, CJK, CRLF, nested
//! spans, notes and attributes), its documents without spans, and hand-written files
//! shaped like what doccano, spaCy, brat, Label Studio and W3C tools write, and a
//! project file written by hand; [`seeds`] gives the valid files each target starts
//! from.

use crate::{Input, Target};
use spanmark::edit::Edit;
use spanmark::formats::{self, ExportFormat, brat, json};
use spanmark::model::{Label, Project, sha256_hex};
use spanmark::store;

/// The project the seeds are exported from, and W3C annotations anchor in: emoji, a
/// flag, CJK, combining marks, CRLF, tabs, spans over line breaks, nested and
/// overlapping spans, notes (one with a line break) and attributes.
pub(crate) fn seed_project() -> Project {
    let mut project = spanmark::fixture::project(
        "Fuzz “seeds” 🌱",
        &[
            (
                "kyiv.txt",
                "[claim:Ukraine said [quote|speaker=Volodymyr Zelensky:“we will win 🇺🇦”]] after [figure:270 drones] hit Kyiv.\r\nThen 👋🏽 [quote:here], [claim:[figure:40%] of [quote|speaker=Olena:people]] agree.",
            ),
            (
                "beijing.txt",
                "習近平說：「[quote|speaker=習近平:我們會贏]」。[figure:三百]架無人機。[claim:天氣很好]",
            ),
            (
                "mixed.txt",
                "Cafe\u{301} [quote:na\u{308}ive]\tتم [claim:الاتفاق] \r\n\r\n[quote:first line\r\n\r\nsecond line] [figure:12\u{a0}000] end",
            ),
            (
                "my \"odd\" name.txt",
                "[quote:[claim:[figure:deep]]] and [quote:deep] again\n\n[figure:\u{1F600}]",
            ),
        ],
    );
    let notes = [
        (0, 0, "checked against the video"),
        (1, 0, "two lines:\nsecond"),
        (2, 1, "ملاحظة"),
    ];
    for (doc, span, note) in notes {
        let d = &project.documents()[doc];
        let edit = Edit::SetNote {
            doc: d.id,
            span: d.spans()[span].id,
            note: Some(note.to_owned()),
        };
        edit.apply(&mut project).expect("the note sets");
    }
    let label = Label::new("person", "#56B4E9", Some('p'), &["role"]);
    Edit::AddLabel {
        index: usize::MAX,
        label,
    }
    .apply(&mut project)
    .expect("the label adds");
    project
}

/// The seed project without its spans (the documents W3C annotations anchor in).
pub(crate) fn without_spans(project: &Project) -> Project {
    let mut bare = project.clone();
    for doc in project.documents() {
        for span in doc.spans() {
            Edit::RemoveSpan {
                doc: doc.id,
                span: span.id,
            }
            .apply(&mut bare)
            .expect("the span removes");
        }
    }
    bare
}

const HAND_DOCCANO: &str = r#"{"id": 1, "text": "😀 Terrible customer service.", "label": [[3, 11, "claim"], [12, 28, "quote"]], "Comments": []}
{"id": 2, "text": "😀 Really great transaction.", "entities": [{"id": 1, "start_offset": 10, "end_offset": 15, "label": "figure"}, {"id": 2, "start_offset": 3, "end_offset": 27, "label": "claim"}], "relations": []}
{"text": "Kyiv\r\nwas hit", "label": [], "meta": {"name": "k.txt"}}
"#;

const HAND_SPACY: &str = r#"{"text": "😀 Kyiv was hit by 270 drones.", "spans": {"sc": [[18, 28, "figure"]], "ents": [[2, 6, "claim"], [2, 6, "quote"]]}}
{"text": "習近平說：「我們會贏」", "spans": {"sc": [[6, 10, "quote"], [0, 3, "claim"]]}, "meta": {"name": "cjk.txt", "sha256": "0000"}}
"#;

const HAND_LABEL_STUDIO: &str = r#"[{"id": 1, "data": {"text": "Kyiv was hit by 270 drones 🇺🇦 overnight."},
  "annotations": [{"id": 7, "completed_by": 1, "result": [
    {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["claim"]}},
    {"id": "a2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 16, "end": 26, "labels": ["figure", "quote"]}}]}],
  "predictions": [{"model_version": "v1", "score": 0.87, "result": [
    {"id": "p1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 27, "end": 29, "text": "🇺🇦", "labels": ["claim"]}, "score": 0.5},
    {"id": "p2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 12, "text": "Kyiv was hit", "labels": ["quote"]}}]}]},
 {"id": 2, "data": {"text": "Second task, no annotations.", "url": "https://example.org/a"}, "annotations": [], "meta": {"name": "second.txt"}}]
"#;

const HAND_W3C: &str = r#"[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
  "body": {"type": "TextualBody", "purpose": "tagging", "value": "figure"},
  "target": {"source": "kyiv.txt", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 3},
    {"type": "TextQuoteSelector", "exact": "270 drones", "prefix": "after ", "suffix": " hit"}]}},
 {"type": "Annotation", "body": [{"purpose": "tagging", "value": "quote"}, {"purpose": "commenting", "value": "a note"}],
  "target": {"source": "beijing.txt", "selector": {"type": "TextQuoteSelector", "exact": "我們會贏"}}},
 {"type": "Annotation", "body": [{"purpose": "tagging", "value": "claim"}],
  "target": {"source": "mixed.txt", "selector": {"type": "TextPositionSelector", "start": 4, "end": 6}}}]
"#;

const HAND_W3C_PAGE: &str = r#"{"type": "AnnotationPage", "items": [{"type": "Annotation",
  "body": {"purpose": "tagging", "value": "claim"},
  "target": {"source": "my \"odd\" name.txt", "selector": [{"type": "TextQuoteSelector", "exact": "deep", "prefix": "and ", "suffix": " again"}]}}]}
"#;

/// A brat `.ann` as brat's documentation shows it: text-bound, discontinuous, notes,
/// attributes (with and without a value), a relation, an event and a comment.
const HAND_BRAT_TXT: &str =
    "Ukraine said Russia launched 270 drones at Kyiv overnight.\r\nА потім 👋🏽 ще.";
const HAND_BRAT_ANN: &str = "T1\tclaim 0 58\tUkraine said Russia launched 270 drones at Kyiv overnight.\n\
T2\tfigure 29 39\t270 drones\n\
T3\tquote 13 19;43 47\tRussia Kyiv\n\
T4\tquote 0 5;7 9\tUkrai d \n\
T5\tclaim 58 60;60 62\t\n\
T6\tquote 62 75\tА потім 👋🏽 ще\n\
#1\tAnnotatorNotes T2\tfrom the air force\n\
#2\tAnnotatorNotes T6\tspeaker: Олена\n\
A1\tConfirmed T1\n\
A2\trole T6 minister\n\
R1\tCause Arg1:T1 Arg2:T2\n\
E1\tAttack:T1 Target:T2\n\
*\tEquiv T1 T2\n";

/// A project file as a person might write it: one line per document, fields in
/// another order, defaults left out, a comment, a rejected suggestion (so the loader
/// takes its slow path, not the one for files spanmark wrote).
fn hand_written_ron() -> String {
    // As RON writes it (escaped), and as it is.
    let text = r#"Kyiv was hit by 270 drones 🇺🇦.\r\nSecond \"line\"."#;
    let sha = sha256_hex("Kyiv was hit by 270 drones 🇺🇦.\r\nSecond \"line\".");
    format!(
        r##"// written by hand
(format: "spanmark-project", version: 1, name: "by hand",
 labels: [(name: "quote", color: "#0072B2", key: Some('q'), attributes: ["speaker"]), (name: "claim", color: "#D55E00")],
 documents: [(id: 3, name: "k.txt", status: Done, sha256: "{sha}", text: "{text}",
   spans: [(id: 9, label: "claim", start: 0, end: 4, note: Some("n"), attributes: {{"speaker": "x"}}), (id: 2, label: "quote", start: 16, end: 26)],
   rejected: [(label: "quote", start: 0, end: 4)])],
 open_document: Some(3))
"##
    )
}

/// The valid files each target starts from.
pub(crate) fn seeds(target: Target, project: &Project) -> Vec<Input> {
    let export = |format| formats::export(project, format).expect("the seed project exports");
    let small = {
        let mut p = project.clone();
        let last = p.documents()[p.documents().len() - 1].id;
        Edit::RemoveDocument { doc: last }
            .apply(&mut p)
            .expect("removes");
        p
    };
    match target {
        Target::Store => vec![
            Input::file(hand_written_ron()),
            Input::file(store::to_ron(project)),
            Input::file(store::to_ron(&small)),
            Input::file(store::to_ron(&without_spans(project))),
            Input::file(store::to_ron(&Project::new("empty"))),
        ],
        Target::Json => vec![
            Input::file(export(ExportFormat::Json)),
            Input::file(formats::export(&small, ExportFormat::Json).expect("exports")),
        ],
        Target::Doccano => vec![
            Input::file(export(ExportFormat::Doccano)),
            Input::file(HAND_DOCCANO),
        ],
        Target::Spacy => vec![
            Input::file(export(ExportFormat::Spacy)),
            Input::file(HAND_SPACY),
        ],
        Target::LabelStudio => vec![
            Input::file(export(ExportFormat::LabelStudio)),
            Input::file(HAND_LABEL_STUDIO),
        ],
        Target::W3c => vec![
            Input::file(export(ExportFormat::W3c)),
            Input::file(HAND_W3C),
            Input::file(HAND_W3C_PAGE),
        ],
        Target::Brat => {
            let mut inputs: Vec<Input> = json::build(project)
                .documents
                .iter()
                .map(|doc| Input::brat(brat::ann(doc), doc.text.as_bytes()))
                .collect();
            inputs.push(Input::brat(HAND_BRAT_ANN, HAND_BRAT_TXT));
            inputs
        }
    }
}
