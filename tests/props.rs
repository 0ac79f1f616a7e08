//! Property tests: random Unicode texts (emoji, flags, skin tones, CJK, combining marks,
//! CRLF, any code point) with random spans go through save -> load -> export JSON ->
//! parse, and every span must come out as the slice at its offsets in code points,
//! UTF-16 units and UTF-8 bytes, exactly as Python and JavaScript would slice it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use proptest::prelude::*;
use spanmark::edit::Edit;
use spanmark::formats::{self, ExportFormat, import};
use spanmark::model::{CharOffset, CharRange, Document, OffsetIndex, Project, Span, Utf16Offset};
use spanmark::store;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.\"]{1,6}",
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("👋🏽".to_owned()),
        Just("🇺🇦".to_owned()),
        Just("😀".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{5d0}\u{5b8}".to_owned()),
        Just("習近平".to_owned()),
        Just("Київ".to_owned()),
        Just("“”—\t".to_owned()),
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..40).prop_map(|pieces| pieces.concat())
}

/// Two positions as fractions of the text's length, and a label index.
type SpanRequest = (f64, f64, usize);

/// A text and raw span requests.
fn document() -> impl Strategy<Value = (String, Vec<SpanRequest>)> {
    (
        text(),
        prop::collection::vec((0.0..=1.0f64, 0.0..=1.0f64, 0..3usize), 0..25),
    )
}

fn build(docs: Vec<(String, Vec<SpanRequest>)>) -> Project {
    let mut project = Project::new("props");
    let labels = ["quote", "claim", "figure"];
    for (i, (text, requests)) in docs.into_iter().enumerate() {
        let id = project.allocate_doc_id();
        let len = text.chars().count();
        let document = Document::new(id, &format!("doc-{i}.txt"), text, "UTF-8");
        Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(document),
        }
        .apply(&mut project)
        .unwrap();
        for (a, b, label) in requests {
            let a = (a * len as f64) as usize;
            let b = (b * len as f64) as usize;
            let range = CharRange::new(a.min(b), a.max(b));
            if range.is_empty() {
                continue;
            }
            let span = Span::new(project.allocate_span_id(), labels[label], range);
            // Duplicates (same label and range) are refused; that is fine here.
            let _ = Edit::AddSpan { doc: id, span }.apply(&mut project);
        }
    }
    project
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn save_load_export_parse_keeps_every_span(docs in prop::collection::vec(document(), 1..4)) {
        let project = build(docs);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        store::save(&project, &path).unwrap();
        let loaded = store::load(&path).unwrap();
        prop_assert_eq!(loaded.documents(), project.documents());

        let bytes = formats::export(&loaded, ExportFormat::Json).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let mut seen = 0;
        for (doc, model) in value["documents"].as_array().unwrap().iter().zip(project.documents()) {
            let text = doc["text"].as_str().unwrap();
            prop_assert_eq!(text, model.text());
            let chars: Vec<char> = text.chars().collect();
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for span in doc["spans"].as_array().unwrap() {
                let n = |k: &str| span[k].as_u64().unwrap() as usize;
                let expected: String = chars[n("start")..n("end")].iter().collect();
                prop_assert_eq!(span["text"].as_str().unwrap(), expected.as_str());
                let from_utf16 = String::from_utf16(&utf16[n("utf16_start")..n("utf16_end")]).unwrap();
                prop_assert_eq!(from_utf16.as_str(), expected.as_str());
                prop_assert_eq!(&text[n("byte_start")..n("byte_end")], expected.as_str());
                seen += 1;
            }
        }
        prop_assert_eq!(seen, project.span_count());

        // And back: import into an empty project and export again, byte for byte.
        let export = import::parse(&bytes).unwrap();
        let mut empty = Project::new("empty");
        let (edit, report) = import::plan(&empty, &export);
        edit.apply(&mut empty).unwrap();
        prop_assert!(report.problems().is_empty());
        prop_assert_eq!(formats::export(&empty, ExportFormat::Json).unwrap(), bytes);
    }

    #[test]
    fn offset_index_agrees_with_utf16_strings(text in text(), at in 0.0..=1.0f64) {
        let index = OffsetIndex::new(&text);
        let chars = (at * index.len_chars() as f64) as usize;
        let utf16: usize = text.chars().take(chars).map(char::len_utf16).sum();
        let byte: usize = text.chars().take(chars).map(char::len_utf8).sum();
        let (b, u) = index.locate(&text, CharOffset(chars)).unwrap();
        prop_assert_eq!((b.0, u.0), (byte, utf16));
        prop_assert_eq!(index.from_utf16(&text, Utf16Offset(utf16)), Some(CharOffset(chars)));
        prop_assert_eq!(index.from_byte(&text, b), Some(CharOffset(chars)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The span index stays exact through every kind of edit, undo included.
    #[test]
    fn the_span_index_agrees_with_a_scan_through_edits(
        ops in prop::collection::vec((0usize..4, 0usize..200, 1usize..60, 0usize..3), 1..120),
        queries in prop::collection::vec((0usize..260, 0usize..40), 1..20),
    ) {
        use spanmark::edit::History;
        let labels = ["quote", "claim", "figure"];
        let mut project = Project::new("index");
        let doc = project.allocate_doc_id();
        let text = "Київ 👋🏽 said “we will win” 270 drones. ".repeat(8);
        let document = Document::new(doc, "a.txt", text, "UTF-8");
        Edit::AddDocument { index: 0, document: Box::new(document) }.apply(&mut project).unwrap();
        let mut history = History::new_saved();
        for (kind, start, len, label) in ops {
            let ids: Vec<_> = project.documents()[0].spans().iter().map(|s| s.id).collect();
            let range = CharRange::new(start, start + len);
            let edit = match (kind, ids.is_empty()) {
                (0, _) | (_, true) => Edit::AddSpan { doc, span: Span::new(project.allocate_span_id(), labels[label], range) },
                (1, false) => Edit::RemoveSpan { doc, span: ids[start % ids.len()] },
                (2, false) => Edit::Resize { doc, span: ids[start % ids.len()], range },
                _ => {
                    let _ = history.undo(&mut project);
                    continue;
                }
            };
            let _ = history.apply(&mut project, edit);
        }
        let d = &project.documents()[0];
        for (start, len) in queries {
            let q = CharRange::new(start, start + len.max(1));
            let fast: Vec<_> = d.spans_overlapping(q).iter().map(|s| s.id).collect();
            let mut slow: Vec<_> = d.spans().iter().filter(|s| s.range.start < q.end && s.range.end > q.start).collect::<Vec<_>>();
            slow.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            let slow: Vec<_> = slow.iter().map(|s| s.id).collect();
            prop_assert_eq!(fast, slow);
        }
        for label in labels {
            prop_assert_eq!(d.count_label(label), d.spans().iter().filter(|s| s.label == label).count());
        }
    }
}
