//! The sample project in `projects/` (the one the window opens the first time) is built
//! from the marked-up articles in `projects/demo-src/`, so its spans are reviewable as
//! text. This test rebuilds it and compares; `UPDATE_GOLDEN=1` rewrites
//! `projects/demo.ron` and the plain articles in `projects/articles/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::model::{Document, Project, Span};
use spanmark::store;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects")
}

fn build() -> (Project, Vec<(String, String)>) {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root().join("demo-src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.sort();
    let mut project = Project::new("Spanmark demo");
    let mut articles = Vec::new();
    for source in sources {
        let name = source.file_name().unwrap().to_string_lossy().into_owned();
        let markup = std::fs::read_to_string(&source).unwrap();
        let (text, spans) = fixture::parse(&markup).unwrap_or_else(|e| panic!("{name}: {e}"));
        let id = project.allocate_doc_id();
        let mut document = Document::new(id, &name, text.clone(), "UTF-8");
        document.source = Some(format!("articles/{name}"));
        let mut edits = vec![Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(document),
        }];
        for span in spans {
            let mut new = Span::new(project.allocate_span_id(), &span.label, span.range);
            new.attributes = span.attributes;
            edits.push(Edit::AddSpan { doc: id, span: new });
        }
        Edit::Batch(edits).apply(&mut project).unwrap();
        articles.push((name, text));
    }
    (project, articles)
}

#[test]
fn sample_project_matches_its_marked_up_articles() {
    let (project, articles) = build();
    let ron = store::to_ron(&project);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(root().join("demo.ron"), &ron).unwrap();
        std::fs::create_dir_all(root().join("articles")).unwrap();
        for (name, text) in &articles {
            std::fs::write(root().join("articles").join(name), text).unwrap();
        }
    }
    let saved = std::fs::read_to_string(root().join("demo.ron")).unwrap();
    assert_eq!(
        saved, ron,
        "projects/demo.ron is out of date (UPDATE_GOLDEN=1 rebuilds it)"
    );
    for (name, text) in &articles {
        let plain = std::fs::read(root().join("articles").join(name)).unwrap();
        assert_eq!(
            plain,
            text.as_bytes(),
            "projects/articles/{name} differs from its markup"
        );
    }
}

#[test]
fn sample_project_loads_and_has_overlapping_spans_of_every_label() {
    let project = store::load(&root().join("demo.ron")).unwrap();
    assert_eq!(project.documents().len(), 5);
    for label in ["quote", "claim", "figure"] {
        let count: usize = project
            .documents()
            .iter()
            .map(|d| d.count_label(label))
            .sum();
        assert!(count >= 24, "only {count} {label} spans");
    }
    let nested = project
        .documents()
        .iter()
        .flat_map(|d| d.spans().iter().map(move |s| (d, s)))
        .filter(|(d, s)| {
            d.spans().iter().any(|o| {
                o.id != s.id && o.range.start <= s.range.start && s.range.end <= o.range.end
            })
        })
        .count();
    assert!(nested >= 20, "{nested} nested spans");
    let quotes_with_speaker = project
        .documents()
        .iter()
        .flat_map(|d| d.spans())
        .filter(|s| s.label == "quote" && s.attributes.contains_key("speaker"))
        .count();
    assert_eq!(quotes_with_speaker, 26);
    let crlf = project
        .documents()
        .iter()
        .find(|d| d.name == "river-cleanup.txt")
        .unwrap();
    assert!(crlf.text().contains("\r\n"));
}
