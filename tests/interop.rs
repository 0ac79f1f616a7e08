//! Other tools' formats (doccano and spaCy JSONL, brat, Label Studio, W3C): round trips
//! on text with emoji, CRLF and combining marks, hand-written files in each tool's
//! documented shape, and the real consumers of the offsets (Python's slicing and spaCy's
//! `Doc.char_span` for code points, Node's slicing for UTF-16 units) where they are
//! installed; where one is not, the test says so and skips it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::fixture;
use spanmark::formats::{self, ExportFormat, doccano, import, spacy};
use spanmark::model::{LabelSet, Project};

const ARTICLE: &str =
    "👋🏽 Zoe\u{308} said “[quote:we will win]”.\r\n\r\n[figure:270 drones] 🇺🇦 hit [claim:Київ].";

fn sample() -> Project {
    fixture::project(
        "Interop",
        &[("a.txt", ARTICLE), ("b.txt", "Plain [figure:40%] text.")],
    )
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

type Parse = fn(&[u8]) -> Result<import::Imported, String>;

fn round_trip(format: ExportFormat, parse: Parse) {
    let project = sample();
    let bytes = formats::export(&project, format).unwrap();
    let imported = parse(&bytes).unwrap();
    assert!(imported.found.problems.is_empty(), "{:?}", imported.found);
    let mut empty = Project::new("empty");
    let (edit, report) = import::plan_imported(&empty, &imported);
    edit.apply(&mut empty).unwrap();
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    assert_eq!(report.found.items, project.span_count());
    assert_eq!(
        spans_of(&empty),
        spans_of(&project),
        "every span back where it was"
    );
}

#[test]
fn doccano_round_trip_keeps_every_span() {
    round_trip(ExportFormat::Doccano, doccano::parse);
}

#[test]
fn spacy_round_trip_keeps_every_span() {
    round_trip(ExportFormat::Spacy, spacy::parse);
}

#[test]
fn hand_written_doccano_and_spacy_files_import() {
    // doccano's documented shapes, offsets in UTF-16 units: 😀 is two units.
    let doccano = "{\"text\": \"😀 Terrible customer service.\", \"label\": [[3, 11, \"claim\"]]}\n\
                   {\"text\": \"😀 Really great transaction.\", \"entities\": [{\"id\": 1, \"start_offset\": 10, \"end_offset\": 15, \"label\": \"figure\"}]}\n";
    let imported = doccano::parse(doccano.as_bytes()).unwrap();
    let (file, problems) = (imported.file, imported.found.problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(file.documents[0].spans[0].text, "Terrible");
    assert_eq!(
        (
            file.documents[0].spans[0].start,
            file.documents[0].spans[0].end
        ),
        (2, 10)
    );
    assert_eq!(file.documents[1].spans[0].text, "great");
    // spaCy's span groups, offsets in code points.
    let spacy = "{\"text\": \"😀 Kyiv was hit by 270 drones.\", \"spans\": {\"sc\": [[18, 28, \"figure\"]]}}\n";
    let file = spacy::parse(spacy.as_bytes()).unwrap().file;
    assert_eq!(file.documents[0].spans[0].text, "270 drones");
    // An offset inside a surrogate pair, or past the end, is reported and skipped.
    let bad = "{\"text\": \"😀 ok\", \"label\": [[1, 3, \"claim\"], [0, 99, \"claim\"]]}\n";
    let imported = doccano::parse(bad.as_bytes()).unwrap();
    assert_eq!(imported.file.documents[0].spans.len(), 0);
    assert_eq!(imported.found.problems.len(), 2, "{:?}", imported.found);
    assert_eq!(imported.found.items, 2);
}

/// The lines `program` prints, run with `args`. `None` (said, not silent) when the
/// program cannot be started here; a program that starts and then fails fails the test.
fn consumer(program: &str, args: &[&str]) -> Option<Vec<String>> {
    let Ok(out) = std::process::Command::new(program).args(args).output() else {
        println!("skipped the {program} check: {program} is not installed here");
        return None;
    };
    assert!(
        out.status.success(),
        "{program} refused the export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    Some(stdout.lines().map(str::to_owned).collect())
}

/// Lines of JSON values, parsed.
fn json_lines<T: serde::de::DeserializeOwned>(lines: &[String]) -> Vec<T> {
    lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn python_slices_the_spacy_export_and_node_the_doccano_export() {
    let project = sample();
    let dir = tempfile::tempdir().unwrap();
    let spacy = dir.path().join("spacy.jsonl");
    let doccano = dir.path().join("doccano.jsonl");
    std::fs::write(
        &spacy,
        formats::export(&project, ExportFormat::Spacy).unwrap(),
    )
    .unwrap();
    std::fs::write(
        &doccano,
        formats::export(&project, ExportFormat::Doccano).unwrap(),
    )
    .unwrap();
    let expected: Vec<String> = spans_of(&project).into_iter().map(|(_, _, t)| t).collect();

    let python = "import json,sys\nfor line in open(sys.argv[1], encoding='utf-8'):\n    d = json.loads(line)\n    for s, e, l in d['spans']['sc']:\n        print(json.dumps(d['text'][s:e], ensure_ascii=False))\n";
    if let Some(lines) = consumer("python3", &["-c", python, spacy.to_str().unwrap()]) {
        assert_eq!(
            json_lines::<String>(&lines),
            expected,
            "Python's text[start:end] on the spaCy export"
        );
    }

    let node = "const fs=require('fs');for(const line of fs.readFileSync(process.argv[1],'utf8').split('\\n')){if(!line)continue;const d=JSON.parse(line);for(const [s,e] of d.label)console.log(JSON.stringify(d.text.slice(s,e)));}";
    if let Some(lines) = consumer("node", &["-e", node, doccano.to_str().unwrap()]) {
        assert_eq!(
            json_lines::<String>(&lines),
            expected,
            "JavaScript's text.slice(start, end) on the doccano export"
        );
    }
}

/// The Python to use: `SPANMARK_PYTHON` (CI points it at a venv with spaCy), else
/// `python3`.
fn python() -> String {
    std::env::var("SPANMARK_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

#[test]
fn spacy_char_span_finds_every_span_of_the_spacy_export() {
    let project = sample();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spacy.jsonl");
    std::fs::write(
        &file,
        formats::export(&project, ExportFormat::Spacy).unwrap(),
    )
    .unwrap();
    // spaCy's blank English pipeline: Doc.char_span in strict mode gives None unless the
    // offsets fall on token boundaries of that very text.
    let script = "import json, sys\ntry:\n    import spacy\nexcept ImportError as e:\n    print('SKIP', e)\n    sys.exit(0)\nnlp = spacy.blank('en')\nfor line in open(sys.argv[1], encoding='utf-8'):\n    d = json.loads(line)\n    doc = nlp.make_doc(d['text'])\n    doc.spans['sc'] = [doc.char_span(s, e, label=l, alignment_mode='strict') for s, e, l in d['spans']['sc']]\n    for span in doc.spans['sc']:\n        print(json.dumps([span.label_, span.text], ensure_ascii=False))\n";
    let python = python();
    let Some(lines) = consumer(&python, &["-c", script, file.to_str().unwrap()]) else {
        return;
    };
    if let Some(reason) = lines.first().and_then(|l| l.strip_prefix("SKIP")) {
        println!("skipped the spaCy check: spaCy is not installed for {python} ({reason})");
        return;
    }
    let got: Vec<(String, String)> = json_lines(&lines);
    let expected: Vec<(String, String)> = spans_of(&project)
        .into_iter()
        .map(|(_, label, text)| (label, text))
        .collect();
    assert_eq!(got, expected, "spaCy's Doc.char_span on the spaCy export");
}

#[test]
fn brat_round_trip_keeps_spans_over_line_breaks_notes_and_speakers() {
    let mut project = fixture::project(
        "Brat",
        &[(
            "a.txt",
            "He said “[quote|speaker=Olena Kovalenko:we will\r\nwin]” and [figure|kind=date:2022].\r\n\r\n[claim:Київ 👋🏽 stands].",
        )],
    );
    let doc = project.documents()[0].id;
    let quote = project.documents()[0]
        .spans()
        .iter()
        .find(|s| s.label == "quote")
        .unwrap()
        .id;
    spanmark::edit::Edit::SetNote {
        doc,
        span: quote,
        note: Some("said twice".into()),
    }
    .apply(&mut project)
    .unwrap();
    let export = spanmark::formats::json::build(&project);
    let ann = spanmark::formats::brat::ann(&export.documents[0]);
    assert!(ann.contains("\tquote 9 16;18 21\twe will win\n"), "{ann}");
    assert!(ann.contains("\tAnnotatorNotes T"), "{ann}");
    assert!(ann.contains("A1\tkind T"), "{ann}");
    let (spans, found) =
        spanmark::formats::brat::read(&ann, project.documents()[0].text(), &project.labels, 0);
    assert!(found.problems.is_empty(), "{found:?}");
    let back: Vec<(String, String, Option<String>, Option<String>)> = spans
        .iter()
        .map(|s| {
            (
                s.label.to_string(),
                s.text.to_string(),
                s.note.as_deref().map(str::to_owned),
                s.attributes.get("speaker").cloned(),
            )
        })
        .collect();
    let quote_back = back.iter().find(|(l, ..)| l == "quote").unwrap();
    assert_eq!(
        quote_back.1, "we will\r\nwin",
        "one span again, line break included"
    );
    assert_eq!(quote_back.2.as_deref(), Some("said twice"));
    assert_eq!(quote_back.3.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(spans.len(), 3);
}

#[test]
fn hand_written_brat_annotations_import() {
    // From brat's standoff documentation: text-bound, discontinuous, note and attribute.
    let text = "Ukraine said Russia launched 270 drones at Kyiv overnight.";
    let ann = "T1\tclaim 0 58\tUkraine said Russia launched 270 drones at Kyiv overnight.\n\
               T2\tfigure 29 39\t270 drones\n\
               T3\tquote 13 19;43 47\tRussia Kyiv\n\
               #1\tAnnotatorNotes T2\tfrom the air force\n\
               A1\tConfirmed T1\n\
               R1\tCause Arg1:T1 Arg2:T2\n";
    let (spans, found) = spanmark::formats::brat::read(ann, text, &LabelSet::default(), 0);
    let problems = found.problems;
    assert_eq!(spans.len(), 4, "the discontinuous quote became two spans");
    assert_eq!(spans[1].note.as_deref(), Some("from the air force"));
    assert_eq!(
        spans[0].attributes.get("Confirmed").map(String::as_str),
        Some("true")
    );
    assert!(
        problems.iter().any(|p| p.contains("T3 is discontinuous")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("relation skipped")),
        "the relation line is reported by read, which has no relations: {problems:?}"
    );
    let (_, relations, _) =
        spanmark::formats::brat::read_with_relations(ann, text, &LabelSet::default(), &[], 0);
    assert_eq!(relations.len(), 1, "the R line is a relation");
    assert_eq!(
        (
            relations[0].kind.as_str(),
            relations[0].from,
            relations[0].to
        ),
        ("Cause", 1, 2)
    );

    // A `key: value` note becomes an attribute where the importing project's label
    // offers that key, and stays a note elsewhere.
    let labels = LabelSet::from_vec(vec![
        spanmark::model::Label::new("claim", "#D55E00", None, &["source"]),
        spanmark::model::Label::new("figure", "#009E73", None, &[]),
    ]);
    let ann = "T1\tclaim 0 58\tUkraine said Russia launched 270 drones at Kyiv overnight.\n\
               T2\tfigure 29 39\t270 drones\n\
               #1\tAnnotatorNotes T1\tsource: Ukrainian air force\n\
               #2\tAnnotatorNotes T2\tsource: Ukrainian air force\n";
    let (spans, _) = spanmark::formats::brat::read(ann, text, &labels, 0);
    assert_eq!(
        spans[0].attributes.get("source").map(String::as_str),
        Some("Ukrainian air force")
    );
    assert_eq!(spans[0].note, None);
    assert_eq!(
        spans[1].note.as_deref(),
        Some("source: Ukrainian air force")
    );
}

#[test]
fn label_studio_round_trip_and_hand_written_tasks() {
    let project = sample();
    let bytes = formats::export(&project, ExportFormat::LabelStudio).unwrap();
    let imported = spanmark::formats::label_studio::parse(&bytes, None).unwrap();
    let (file, problems) = (imported.file, imported.found.problems);
    assert!(problems.is_empty(), "{problems:?}");
    let mut empty = Project::new("empty");
    let (edit, _) = import::plan(&empty, &file);
    edit.apply(&mut empty).unwrap();
    assert_eq!(spans_of(&empty), spans_of(&project));

    // Label Studio's documented task shape, code points (😀 is one, as Label Studio's
    // editor counts), with a prediction, a result whose text disagrees, and two labels
    // on one result.
    let tasks = r#"[{"id": 7, "data": {"text": "😀 Kyiv was hit by 270 drones."},
        "annotations": [{"result": [
            {"value": {"start": 18, "end": 28, "text": "270 drones", "labels": ["figure", "claim"]}, "from_name": "label", "to_name": "text", "type": "labels"},
            {"value": {"start": 2, "end": 6, "text": "Lviv", "labels": ["quote"]}}
        ]}],
        "predictions": [{"score": 0.8, "result": [{"value": {"start": 2, "end": 6, "labels": ["quote"]}},
            {"value": {"start": 18, "end": 21, "labels": ["figure"]}, "score": 0.25}]}]}]"#;
    let imported = spanmark::formats::label_studio::parse(tasks.as_bytes(), None).unwrap();
    let (file, problems) = (&imported.file, &imported.found.problems);
    let spans: Vec<(&str, &str)> = file.documents[0]
        .spans
        .iter()
        .map(|s| (s.label.as_ref(), s.text.as_ref()))
        .collect();
    assert_eq!(spans, [("figure", "270 drones"), ("claim", "270 drones")]);
    assert!(
        problems.iter().any(|p| p.contains("says \"Lviv\"")),
        "{problems:?}"
    );
    // Predictions are suggestions, never spans: each result with its own score, else
    // its prediction's.
    let predicted: Vec<(&str, usize, usize, Option<f32>)> = imported
        .predictions
        .iter()
        .map(|p| (p.label.as_str(), p.range.start.0, p.range.end.0, p.score))
        .collect();
    assert_eq!(
        predicted,
        [("quote", 2, 6, Some(0.8)), ("figure", 18, 21, Some(0.25))]
    );
    assert_eq!(imported.predictions[0].sha256, file.documents[0].sha256);

    // JavaScript, splitting the text by code point as Label Studio's editor does,
    // slices the export with the same offsets.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ls.json");
    std::fs::write(&path, &bytes).unwrap();
    let node = "const t=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));for(const task of t)for(const r of task.annotations[0].result)console.log(JSON.stringify(Array.from(task.data.text).slice(r.value.start,r.value.end).join('')===r.value.text));";
    if let Some(lines) = consumer("node", &["-e", node, path.to_str().unwrap()]) {
        assert!(
            !lines.is_empty() && lines.iter().all(|l| l == "true"),
            "{lines:?}"
        );
    }
}

#[test]
fn w3c_annotations_round_trip_and_re_anchor_from_the_quote() {
    let project = sample();
    let bytes = formats::export(&project, ExportFormat::W3c).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    let first = &value["first"]["items"][0];
    assert_eq!(first["target"]["selector"][1]["type"], "TextQuoteSelector");
    // Into a project holding the same documents (annotations carry no text).
    let mut target = sample();
    let docs: Vec<_> = target.documents().iter().map(|d| d.id).collect();
    for doc in docs {
        let spans: Vec<_> = target
            .document(doc)
            .unwrap()
            .spans()
            .iter()
            .map(|s| s.id)
            .collect();
        for span in spans {
            spanmark::edit::Edit::RemoveSpan { doc, span }
                .apply(&mut target)
                .unwrap();
        }
    }
    let imported = spanmark::formats::w3c::parse(&bytes, &target).unwrap();
    let (file, problems) = (imported.file, imported.found.problems);
    assert!(problems.is_empty(), "{problems:?}");
    let (edit, _) = import::plan(&target, &file);
    edit.apply(&mut target).unwrap();
    assert_eq!(spans_of(&target), spans_of(&project));

    // A position that no longer matches is re-anchored from the quote and its context;
    // one whose quote is nowhere is reported.
    let text = project.documents()[1].text().to_owned();
    let hand = r#"[{"type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "figure"},
            "target": {"source": "b.txt", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 3},
                {"type": "TextQuoteSelector", "exact": "40%", "prefix": "Plain ", "suffix": " text."}]}},
           {"type": "Annotation", "body": [{"purpose": "tagging", "value": "quote"}],
            "target": {"source": "b.txt", "selector": {"type": "TextQuoteSelector", "exact": "not there"}}}]"#;
    let imported = spanmark::formats::w3c::parse(hand.as_bytes(), &project).unwrap();
    let (file, problems) = (imported.file, imported.found.problems);
    let span = &file.documents[0].spans[0];
    assert_eq!(
        (span.text.as_ref(), span.start),
        ("40%", text.find("40%").unwrap())
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
}
