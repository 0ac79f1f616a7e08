//! CLI tests of the later subcommands and formats: suggest, doccano and spaCy JSONL,
//! folders of articles.

use crate::{Dir, check_spans_are_their_slices};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn suggest_prints_and_applies_without_duplicates() {
    let d = Dir::new();
    d.write(
        "news.txt",
        "“We will rebuild every bridge,” Mayor Anna Berger said. Officials counted 270 drones."
            .as_bytes(),
    );
    d.run(&["new", "p.ron", "news.txt"]).success();
    let out = d
        .run(&["suggest", "p.ron", "--labels", "quote,figure"])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("news.txt\tquote\t1\t29\t0.90\tquotation marks + attribution\t\"We will rebuild every bridge\"\tAnna Berger"), "{out}");
    assert!(
        out.contains("\tfigure\t") && out.contains("\"270 drones\""),
        "{out}"
    );
    assert!(
        !out.contains("\tclaim\t"),
        "only the labels asked for: {out}"
    );
    d.run(&["suggest", "p.ron", "--apply"])
        .success()
        .stdout(predicate::str::starts_with(
            "added 2 suggested spans (0 already there)",
        ));
    d.run(&["suggest", "p.ron", "--apply"])
        .success()
        .stdout(predicate::str::starts_with(
            "added 0 suggested spans (2 already there)",
        ));
    let export: Value =
        serde_json::from_slice(&d.run(&["export", "p.ron"]).get_output().stdout).unwrap();
    let quote = &export["documents"][0]["spans"][0];
    assert_eq!(
        (
            quote["text"].as_str(),
            quote["attributes"]["speaker"].as_str()
        ),
        (Some("We will rebuild every bridge"), Some("Anna Berger"))
    );
    d.fails(
        &["suggest", "p.ron", "--labels", "person"],
        "no detector for label \"person\"",
    );
}

#[test]
fn doccano_and_spacy_exports_import_back() {
    let d = Dir::annotated();
    for format in ["doccano", "spacy"] {
        let out = d
            .run(&["export", "p.ron", "--format", format])
            .success()
            .get_output()
            .stdout
            .clone();
        d.write(&format!("{format}.jsonl"), &out);
        let target = format!("{format}.ron");
        d.run(&["new", &target]).success();
        d.run(&[
            "import",
            &target,
            &format!("{format}.jsonl"),
            "--format",
            format,
        ])
        .success()
        .stdout(predicate::str::starts_with(
            "imported 5 of 5 spans, 2 documents added",
        ));
        let export: Value =
            serde_json::from_slice(&d.run(&["export", &target]).get_output().stdout).unwrap();
        assert_eq!(check_spans_are_their_slices(&export), 5);
    }
}

#[test]
fn add_takes_a_folder_sorted_and_skips_what_is_not_text() {
    let d = Dir::new();
    std::fs::create_dir(d.path("inbox")).unwrap();
    d.write("inbox/b-second.txt", "Second article 👋.".as_bytes());
    d.write("inbox/a-first.md", "# First\r\n\r\nText.".as_bytes());
    d.write("inbox/photo.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00");
    d.write("inbox/empty.txt", b"");
    d.run(&["new", "p.ron"]).success();
    d.run(&["add", "p.ron", "inbox"])
        .success()
        .stdout("added 2 documents to p.ron\n")
        .stderr(
            predicate::str::contains("skipped: article is empty")
                .and(predicate::str::contains("skipped: not a text file")),
        );
    let ron = d.read("p.ron");
    let first = ron.find("name: \"a-first.md\"").unwrap();
    let second = ron.find("name: \"b-second.txt\"").unwrap();
    assert!(first < second, "sorted by file name");
    assert!(ron.contains("source: Some(\"inbox/a-first.md\")"), "{ron}");
}

#[test]
fn brat_exports_to_a_folder_and_imports_back() {
    let d = Dir::annotated();
    d.fails(
        &["export", "p.ron", "--format", "brat"],
        "give a folder with -o",
    );
    d.run(&["export", "p.ron", "--format", "brat", "-o", "brat"])
        .success();
    assert!(
        d.path("brat/kyiv.txt").is_file()
            && d.path("brat/kyiv.ann").is_file()
            && d.path("brat/cafe.ann").is_file()
    );
    assert_eq!(
        std::fs::read(d.path("brat/kyiv.txt")).unwrap(),
        std::fs::read(d.path("kyiv.txt")).unwrap(),
        "the text as stored"
    );
    d.run(&["new", "b.ron"]).success();
    d.run(&["import", "b.ron", "brat", "--format", "brat"])
        .success()
        .stdout(predicate::str::starts_with(
            "imported 5 of 5 spans, 2 documents added",
        ));
    let export: Value =
        serde_json::from_slice(&d.run(&["export", "b.ron"]).get_output().stdout).unwrap();
    assert_eq!(check_spans_are_their_slices(&export), 5);
    let speakers: Vec<&str> = export["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|doc| doc["spans"].as_array().unwrap().iter())
        .filter_map(|s| s["attributes"]["speaker"].as_str())
        .collect();
    assert_eq!(speakers, ["Zoë", "Zoë"], "speakers travel as attributes");
}

#[test]
fn suggest_apply_leaves_alone_what_the_user_rejected() {
    let d = Dir::new();
    d.write(
        "news.txt",
        "Officials counted 270 drones and 40 missiles.".as_bytes(),
    );
    d.run(&["new", "p.ron", "news.txt"]).success();
    // Rejected in the window: "270 drones" (code points 18..28).
    let mut project = spanmark::store::load(&d.path("p.ron")).unwrap();
    let doc = project.documents()[0].id;
    spanmark::edit::Edit::RejectSuggestion {
        doc,
        label: "figure".to_owned(),
        range: spanmark::model::CharRange::new(18, 28),
    }
    .apply(&mut project)
    .unwrap();
    spanmark::store::save(&project, &d.path("p.ron")).unwrap();
    d.run(&["suggest", "p.ron", "--labels", "figure", "--apply"])
        .success()
        .stdout(predicate::str::starts_with(
            "added 1 suggested spans (0 already there, 1 rejected before)",
        ));
    let export: Value =
        serde_json::from_slice(&d.run(&["export", "p.ron"]).get_output().stdout).unwrap();
    let spans = export["documents"][0]["spans"].as_array().unwrap();
    let texts: Vec<&str> = spans.iter().filter_map(|s| s["text"].as_str()).collect();
    assert_eq!(texts, ["40 missiles"]);
}
