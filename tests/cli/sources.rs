//! Where articles come from: `spanmark add ARTICLE --url … --outlet … --date …`, and
//! corpus files (CSV, JSONL) added one article per row with `--text-column`, their other
//! columns kept as the article's source; saved in the project and in the JSON export,
//! and back through an import.

use crate::Dir;
use serde_json::Value;

fn export(d: &Dir) -> Value {
    let out = d
        .run(&["export", "p.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn one_article_with_its_source_is_saved_and_exported() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    d.run(&[
        "add",
        "p.ron",
        "kyiv.txt",
        "--url",
        "https://example.org/kyiv",
        "--outlet",
        "Kyiv Daily",
        "--author",
        "Ann Lee",
        "--author",
        "Bo Chen",
        "--date",
        "2026-02-01",
        "--language",
        "en",
    ])
    .success();
    let ron = d.read("p.ron");
    assert!(
        ron.contains("meta: (url: \"https://example.org/kyiv\", outlet: \"Kyiv Daily\", published: \"2026-02-01\", language: \"en\", authors: [\"Ann Lee\", \"Bo Chen\"]),"),
        "{ron}"
    );
    let doc = &export(&d)["documents"][0];
    assert_eq!(doc["meta"]["url"], "https://example.org/kyiv");
    assert_eq!(doc["meta"]["authors"][1], "Bo Chen");
    d.fails(
        &["add", "p.ron", "cafe.md", "--date", "1 Feb 2026"],
        "date: \"1 Feb 2026\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
    );
    d.fails(
        &["add", "p.ron", "cafe.md", "kyiv.txt", "--outlet", "X"],
        "describe one article file",
    );
}

#[test]
fn a_csv_and_a_jsonl_corpus_add_one_article_per_row_in_one_step() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    d.write(
        "news.csv",
        "title,body,url,source,author,date,lang,section\n\
         Port reopens,\"The port reopened after 9 days.\",https://ex.org/a,Harbour Post,Ann Lee,2026-02-01,en,World\n\
         Empty,,,,,,,\n\
         Floods,\"Rivers rose 2 metres.\nMore rain is due.\",https://ex.org/b,Harbour Post,Bo Chen,2026-02-03,en,Weather\n"
            .as_bytes(),
    );
    d.write(
        "news.jsonl",
        "{\"body\": \"Talks resumed in Geneva.\", \"url\": \"https://ex.org/c\", \"authors\": [\"Cy Diaz\"], \"published_at\": \"2026-02-04T08:00:00Z\", \"id\": 7}\n\
         {\"body\": \"The port reopened after 9 days.\"}\n"
            .as_bytes(),
    );
    let out = d
        .run(&[
            "add",
            "p.ron",
            "news.csv",
            "news.jsonl",
            "--text-column",
            "body",
        ])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("skipped row 3: empty body: "), "{stderr}");
    assert!(
        stderr.contains("skipped (its text is already in the project): "),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "added 3 documents to p.ron\n"
    );
    let e = export(&d);
    let names: Vec<&str> = e["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|doc| doc["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Port reopens", "Floods", "news.jsonl line 1"]);
    assert_eq!(
        e["documents"][1]["text"],
        "Rivers rose 2 metres.\nMore rain is due."
    );
    assert_eq!(e["documents"][1]["meta"]["extra"]["section"], "Weather");
    assert_eq!(e["documents"][2]["meta"]["published"], "2026-02-04");
    assert_eq!(e["documents"][2]["meta"]["extra"]["id"], "7");
    // The export's sources come back with its documents into a new project.
    d.write("e.json", e.to_string().as_bytes());
    d.run(&["new", "q.ron"]).success();
    d.run(&["import", "q.ron", "e.json"]).success();
    let again = d
        .run(&["export", "q.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    let again: Value = serde_json::from_slice(&again).unwrap();
    assert_eq!(again["documents"][0]["meta"], e["documents"][0]["meta"]);
    // A corpus without the column is refused and changes nothing.
    d.fails(
        &["add", "p.ron", "news.csv", "--text-column", "content"],
        "corpus has no column \"content\"",
    );
}

#[test]
fn sources_travel_in_doccano_spacy_and_label_studio_files() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    d.run(&[
        "add",
        "p.ron",
        "kyiv.txt",
        "--url",
        "https://example.org/kyiv",
        "--author",
        "Ann Lee",
        "--date",
        "2026-02-01",
    ])
    .success();
    for (export, import) in [
        ("doccano", "doccano"),
        ("spacy", "spacy"),
        ("label-studio", "label-studio"),
    ] {
        let out = d
            .run(&["export", "p.ron", "--format", export])
            .success()
            .get_output()
            .stdout
            .clone();
        d.write("e.out", &out);
        let q = format!("q-{export}.ron");
        d.run(&["new", &q]).success();
        d.run(&["import", &q, "e.out", "--format", import])
            .success();
        let doc = &export_of(&d, &q)["documents"][0];
        assert_eq!(doc["meta"]["url"], "https://example.org/kyiv", "{export}");
        assert_eq!(doc["meta"]["authors"][0], "Ann Lee", "{export}");
        assert_eq!(doc["meta"]["published"], "2026-02-01", "{export}");
    }
}

fn export_of(d: &Dir, project: &str) -> Value {
    let out = d
        .run(&["export", project])
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}
