//! Imports as the user sees them (issue 12): Label Studio in code points both ways,
//! its JSON-MIN export and its escaped line breaks; one report for every format whose
//! counts add up to the items of the file, every item left out said with where it is;
//! a file of which nothing can be used fails; brat's byte-order-mark shift corrected.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use assert_cmd::Command;
use serde_json::{Value, json};
use spanmark::fixture;
use spanmark::formats::{self, ExportFormat, import, label_studio};
use std::path::Path;

/// The README's example article.
const README_ARTICLE: &str = "👋 Zelensky said “we will win” today.\n";

fn spanmark(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("spanmark")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// A folder with `p.ron` holding `text` as `a.txt`.
fn project_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = spanmark(dir.path(), &["new", "p.ron", "a.txt"]);
    assert!(out.status.success());
    dir
}

#[test]
fn the_readme_label_studio_example_is_17_to_28() {
    let project = fixture::project(
        "p",
        &[(
            "a.txt",
            &README_ARTICLE.replace("we will win", "[quote:we will win]"),
        )],
    );
    let bytes = formats::export(&project, ExportFormat::LabelStudio).unwrap();
    let tasks: Value = serde_json::from_slice(&bytes).unwrap();
    let value = &tasks[0]["annotations"][0]["result"][0]["value"];
    assert_eq!(
        (value["start"].as_u64(), value["end"].as_u64()),
        (Some(17), Some(28))
    );
    assert_eq!(value["text"], "we will win");
}

#[test]
fn label_studio_line_breaks_written_as_backslash_n_match() {
    let text = "Second line, period!\nThird: 270 drones.";
    let tasks = json!([{"id": 4, "data": {"text": text}, "annotations": [{"result": [
        {"value": {"start": 13, "end": 26, "text": "period!\\nThird", "labels": ["claim"]}}
    ]}]}]);
    let imported = label_studio::parse(tasks.to_string().as_bytes(), None).unwrap();
    assert_eq!(imported.found.problems, Vec::<String>::new());
    assert_eq!(imported.file.documents[0].spans[0].text, "period!\nThird");
    // Over a CRLF, Label Studio 1.23.2 writes each of CR and LF as a backslash and an n
    // (seen in its export of a span over "one.\r\nBeta" at 6..16 of its text).
    let text = "Line one.\r\nBeta two.";
    let tasks = json!([{"data": {"text": text}, "annotations": [{"result": [
        {"value": {"start": 5, "end": 15, "text": "one.\\n\\nBeta", "labels": ["claim"]}},
        {"value": {"start": 5, "end": 15, "text": "one.\\nBeta", "labels": ["quote"]}}
    ]}]}]);
    let imported = label_studio::parse(tasks.to_string().as_bytes(), None).unwrap();
    let spans = &imported.file.documents[0].spans;
    assert_eq!(spans.len(), 1, "{:?}", imported.found);
    assert_eq!(spans[0].text, "one.\r\nBeta");
    assert_eq!(imported.found.skipped_count(import::Skip::TextMismatch), 1);
}

#[test]
fn label_studio_json_min_and_the_text_field() {
    // JSON-MIN: one flat object per task, the labeling control's results under its name.
    let min = json!([{"id": 9, "article": README_ARTICLE, "annotator": 1,
        "label": [{"start": 17, "end": 28, "text": "we will win", "labels": ["quote"]}]}]);
    let dir = project_with(README_ARTICLE);
    std::fs::write(dir.path().join("min.json"), min.to_string()).unwrap();
    let args = ["import", "p.ron", "min.json", "--format", "label-studio"];
    // Without --text-field the task has no `text`: refused, never guessed.
    let out = spanmark(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("task 9 has no text field \"text\" (text fields \"article\")")
            && stderr.contains("--text-field"),
        "{stderr}"
    );
    let out = spanmark(
        dir.path(),
        &[&args[..], &["--text-field", "article"]].concat(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("imported 1 of 1 spans, 0 documents added, 1 matched"),
        "{stdout}"
    );
}

#[test]
fn bad_entries_are_counted_and_said_where_they_are() {
    // doccano entries of every bad kind, and two good ones.
    let doccano = concat!(
        r#"{"text": "😀 Kyiv was hit by 270 drones.", "label": [[3, 7, "claim"], [3.5, 7, "claim"], ["3", 7, "claim"], [null, 7, "claim"], [-1, 7, "claim"], [3, 7], [3, 7, 5], [20, 30, "figure"]]}"#,
        "\n",
        r#"{"text": "Other.", "entities": [{"start_offset": 0, "end_offset": 5, "label": "claim"}, {"start_offset": 0, "label": "claim"}]}"#,
        "\n"
    );
    let imported = formats::doccano::parse(doccano.as_bytes()).unwrap();
    let project = spanmark::model::Project::new("p");
    let (_, report) = import::plan_imported(&project, &imported);
    assert_eq!(report.found.items, 10);
    assert_eq!(report.spans_added, 3);
    assert_eq!(report.found.skipped_count(import::Skip::Malformed), 7);
    assert_eq!(
        report.found.items,
        report.spans_added + report.found.skipped_total()
    );
    let problems = report.problems().join("\n");
    for expected in [
        "line 1, label[1]: the start 3.5 is not a whole number; skipped",
        "line 1, label[2]: the start \"3\" is a text, not a number; skipped",
        "line 1, label[3]: the start is missing; skipped",
        "line 1, label[4]: the start -1 is negative; skipped",
        "line 1, label[5]: \"[3,7]\" has 2 of the 3 parts [start, end, label]; skipped",
        "line 1, label[6]: the label \"5\" is not a text; skipped",
        "line 2, entities[1]: the end is missing; skipped",
    ] {
        assert!(problems.contains(expected), "{expected}\n{problems}");
    }
    // spaCy `spans` given as a list, not in groups.
    let spacy = r#"{"text": "Kyiv.", "spans": [[0, 4, "claim"]]}"#;
    let imported = formats::spacy::parse(spacy.as_bytes()).unwrap();
    assert_eq!(imported.found.skipped_count(import::Skip::Malformed), 1);
    assert!(
        imported.found.problems[0].contains("named groups"),
        "{:?}",
        imported.found
    );
    // Label Studio results with empty or missing labels.
    let tasks = json!([{"data": {"text": "Kyiv."}, "annotations": [{"result": [
        {"value": {"start": 0, "end": 4, "labels": []}},
        {"value": {"start": 0, "end": 4}},
        {"value": {"start": "0", "end": 4, "labels": ["claim"]}}
    ]}]}]);
    let imported = label_studio::parse(tasks.to_string().as_bytes(), None).unwrap();
    assert_eq!(imported.found.skipped_count(import::Skip::Malformed), 3);
    assert!(
        imported.found.problems[0]
            .starts_with("task 1, annotations[0].result[0]: value.labels is empty"),
        "{:?}",
        imported.found
    );
}

#[test]
fn a_file_of_which_nothing_can_be_used_fails_and_says_why() {
    let dir = project_with("Kyiv was hit.");
    let w3c = json!([
        {"type": "Annotation", "body": {"purpose": "tagging", "value": "claim"},
         "target": {"source": "nowhere.txt", "selector": {"type": "TextQuoteSelector", "exact": "Kyiv"}}},
        {"type": "Annotation", "body": {"purpose": "tagging", "value": "claim"},
         "target": {"source": "a.txt", "selector": {"type": "TextQuoteSelector", "exact": "Lviv"}}}
    ]);
    std::fs::write(dir.path().join("w3c.json"), w3c.to_string()).unwrap();
    let before = std::fs::read(dir.path().join("p.ron")).unwrap();
    let out = spanmark(
        dir.path(),
        &["import", "p.ron", "w3c.json", "--format", "w3c"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap();
    assert!(
        last.starts_with("error: nothing imported, every span of the file was left out (imported 0 of 2 spans (1 text mismatch, 1 unknown document)"),
        "{stderr}"
    );
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .count(),
        2,
        "{stderr}"
    );
    assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), before);
    // A re-import of what is all there already is no failure.
    let project = spanmark::store::load(&dir.path().join("p.ron")).unwrap();
    let json = formats::export(&project, ExportFormat::Json).unwrap();
    std::fs::write(dir.path().join("same.json"), json).unwrap();
    assert!(
        spanmark(dir.path(), &["import", "p.ron", "same.json"])
            .status
            .success()
    );
}

#[test]
fn brat_over_a_text_with_a_byte_order_mark_is_shifted_back_and_mismatches_are_said() {
    let dir = project_with("Kyiv was hit by 270 drones.");
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    // brat counts the byte order mark as character 0: everything is one further on.
    std::fs::write(brat.join("a.txt"), "\u{feff}Kyiv was hit by 270 drones.").unwrap();
    std::fs::write(
        brat.join("a.ann"),
        "T1\tfigure 17 27\t270 drones\nT2\tclaim 1 5\tLviv\n",
    )
    .unwrap();
    let out = spanmark(dir.path(), &["import", "p.ron", "brat", "--format", "brat"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("begins with a byte order mark"), "{stderr}");
    assert!(
        stderr.contains("T2 says \"Lviv\", the text has \"Kyiv\""),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("imported 1 of 2 spans (1 text mismatch)"),
        "{stdout}"
    );
    let project = spanmark::store::load(&dir.path().join("p.ron")).unwrap();
    let doc = &project.documents()[0];
    assert_eq!(doc.slice(doc.spans()[0].range), Some("270 drones"));
}

#[test]
fn doccano_in_grapheme_clusters_for_projects_that_count_them() {
    let article = "👋🏽 Zoe\u{308} said “[quote:we will win]”.\r\n[figure:270]";
    let project = fixture::project("p", &[("a.txt", article)]);
    let bytes = formats::export(&project, ExportFormat::DoccanoGraphemes).unwrap();
    let line: Value = serde_json::from_slice(&bytes).unwrap();
    // 👋🏽, Zoë and CRLF are one cluster each.
    assert_eq!(
        line["label"],
        json!([[12, 23, "quote"], [26, 29, "figure"]])
    );
    let imported = formats::doccano::parse_graphemes(&bytes).unwrap();
    let spans: Vec<(&str, &str)> = imported.file.documents[0]
        .spans
        .iter()
        .map(|s| (s.label.as_ref(), s.text.as_ref()))
        .collect();
    assert_eq!(spans, [("quote", "we will win"), ("figure", "270")]);
    // A span inside a cluster cannot be said in clusters: refused, nothing written.
    let split = fixture::project("p", &[("a.txt", "Zo[claim:e]\u{308} said.")]);
    let err = formats::export(&split, ExportFormat::DoccanoGraphemes).unwrap_err();
    assert!(
        err.to_string().contains("inside a grapheme cluster"),
        "{err}"
    );
}

#[test]
fn a_doccano_export_with_overlaps_says_which_setting_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture::project(
        "p",
        &[
            ("a.txt", "[claim:[quote:We will] win] today."),
            ("b.txt", "[claim:No] [figure:overlap]."),
        ],
    );
    spanmark::store::save(&project, &dir.path().join("p.ron")).unwrap();
    let out = spanmark(
        dir.path(),
        &["export", "p.ron", "--format", "doccano", "-o", "d.jsonl"],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: document \"a.txt\": 1 spans overlap others; a doccano project drops them on import unless \"Allow overlapping spans\" is on in its settings"),
        "{stderr}"
    );
    assert!(!stderr.contains("b.txt"), "{stderr}");
}

#[test]
fn every_importer_fails_on_a_file_of_which_nothing_can_be_used() {
    let text = "Kyiv was hit.";
    let dir = project_with(text);
    std::fs::create_dir(dir.path().join("brat")).unwrap();
    std::fs::write(dir.path().join("brat/a.txt"), text).unwrap();
    std::fs::write(
        dir.path().join("brat/a.ann"),
        "T1\tclaim 0 4\tLviv\nT2\tclaim 0 99\tKyiv\n",
    )
    .unwrap();
    let files: [(&str, &str, String); 6] = [
        (
            "json",
            "a.json",
            json!({"format": "spanmark-export", "version": 1, "offsets": "unicode-codepoints",
                "project": "p", "labels": [], "documents": [{"name": "a.txt", "sha256": "", "text": text,
                "spans": [{"id": 1, "label": "claim", "start": 0, "end": 4, "text": "Lviv",
                "utf16_start": 0, "utf16_end": 4, "byte_start": 0, "byte_end": 4, "note": null, "attributes": {}}]}]})
            .to_string(),
        ),
        (
            "doccano",
            "a.jsonl",
            json!({"text": text, "label": [[0.5, 4, "claim"], [0, 99, "claim"]]}).to_string(),
        ),
        (
            "spacy",
            "s.jsonl",
            json!({"text": text, "spans": {"sc": [[0, 4]]}}).to_string(),
        ),
        (
            "label-studio",
            "ls.json",
            json!([{"data": {"text": text}, "annotations": [{"result": [
                {"value": {"start": 0, "end": 4, "text": "Lviv", "labels": ["claim"]}}]}]}])
            .to_string(),
        ),
        (
            "w3c",
            "w.json",
            json!([{"type": "Annotation", "body": {"purpose": "tagging", "value": "claim"},
                "target": {"source": "a.txt", "selector": {"type": "TextQuoteSelector", "exact": "Lviv"}}}])
            .to_string(),
        ),
        ("brat", "brat", String::new()),
    ];
    let before = std::fs::read(dir.path().join("p.ron")).unwrap();
    for (format, file, contents) in files {
        if !contents.is_empty() {
            std::fs::write(dir.path().join(file), contents).unwrap();
        }
        let out = spanmark(dir.path(), &["import", "p.ron", file, "--format", format]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(
            last.starts_with(
                "error: nothing imported, every span of the file was left out (imported 0 of "
            ),
            "{format}: {stderr}"
        );
        // The counts add up: as many warnings as items left out (none is a duplicate).
        let items: usize = last
            .split("imported 0 of ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        let warnings = stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .count();
        assert_eq!(warnings, items, "{format}: {stderr}");
        assert_eq!(
            std::fs::read(dir.path().join("p.ron")).unwrap(),
            before,
            "{format}"
        );
    }
}
