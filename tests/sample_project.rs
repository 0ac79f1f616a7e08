//! The sample project in `projects/` (the one the window opens the first time) is built
//! from the marked-up articles in `projects/demo-src/`, so its spans are reviewable as
//! text. This test rebuilds it and compares; `UPDATE_GOLDEN=1` rewrites
//! `projects/demo.ron` and the plain articles in `projects/articles/`.
//!
//! The speakers' names are tagged `person`, and the project links each quote with a
//! speaker *attributed to* the mention of that name nearest it, and in each article
//! the first claim holding a figure *supported by* that figure, so a new user sees
//! links at the first start.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::model::desk::Desk;
use spanmark::model::{ArticleMeta, Document, Label, Project, Relation, Span};
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
    let person = Label::new("person", "#CC79A7", Some('p'), &[]);
    Edit::AddLabel {
        index: usize::MAX,
        label: person,
    }
    .apply(&mut project)
    .unwrap();
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
            // A figure shows its value and kind, as the window suggests them.
            let slice: String = text
                .chars()
                .skip(span.range.start.0)
                .take(span.range.end.0 - span.range.start.0)
                .collect();
            if let Some(v) = (span.label == "figure")
                .then(|| spanmark::model::value::read(&slice))
                .flatten()
            {
                new.attributes
                    .insert("value".to_owned(), spanmark::model::value::format(&v));
                if !new.attributes.contains_key("kind") {
                    new.attributes
                        .insert("kind".to_owned(), v.kind.name().to_owned());
                }
            }
            edits.push(Edit::AddSpan { doc: id, span: new });
        }
        Edit::Batch(edits).apply(&mut project).unwrap();
        link(&mut project, id);
        articles.push((name, text));
    }
    fact_check(&mut project);
    (project, articles)
}

/// The demo's fact-check desk: a (fictional) publisher, where each (fictional) article
/// appeared, and a few claims at each stage of a check, so the Claims tab, ClaimReview
/// and the report show something at the first start. Every address is example.org's.
fn fact_check(project: &mut Project) {
    project.desk = Desk {
        publisher: "Demo Fact Desk".to_owned(),
        publisher_url: "https://factcheck.example.org/".to_owned(),
        rated_verdicts: spanmark::model::desk::DEFAULT_RATED_VERDICTS,
    };
    let sources = [
        ("chip-factory.txt", "Demo Wire", "Anna Keller", "2026-03-05"),
        (
            "city-budget.txt",
            "Demo Courier",
            "Jonas Brandt",
            "2026-02-12",
        ),
        (
            "grain-corridor.txt",
            "Demo Wire",
            "Olha Marchenko",
            "2026-08-04",
        ),
        (
            "heatwave.txt",
            "Demo Daily",
            "Nikos Petrou; Sara Lind",
            "2026-06-21",
        ),
        (
            "river-cleanup.txt",
            "Demo Courier",
            "Iryna Bondar",
            "2026-04-18",
        ),
    ];
    let mut edits = Vec::new();
    for (name, outlet, authors, published) in sources {
        let doc = project.document_by_name(name).unwrap().id;
        let slug = name.trim_end_matches(".txt");
        let meta = ArticleMeta {
            url: Some(format!("https://news.example.org/{slug}")),
            outlet: Some(outlet.to_owned()),
            authors: spanmark::model::meta::split_authors(authors),
            published: Some(published.to_owned()),
            language: Some("en".to_owned()),
            ..ArticleMeta::default()
        };
        edits.push(Edit::SetMeta {
            doc,
            meta: Box::new(meta),
        });
    }
    // (article, the claim's first words, status, verdict, claimant, sources, reviewed)
    let checks = [
        (
            "chip-factory.txt",
            "it will build a second factory",
            "checked",
            "true",
            "TSMC",
            "https://example.org/tsmc/press-release the company's announcement",
            "2026-03-06",
        ),
        (
            "chip-factory.txt",
            "Each job costs the taxpayer",
            "checked",
            "mostly false",
            "Jonas Weber",
            "https://example.org/commission/state-aid the subsidy decision\nhttps://example.org/tsmc/jobs the hiring plan",
            "2026-03-09",
        ),
        (
            "city-budget.txt",
            "Fares have been frozen for",
            "checked",
            "half true",
            "",
            "https://example.org/city/fares the fares table since 2020",
            "2026-02-14",
        ),
        (
            "grain-corridor.txt",
            "Every ship that leaves Odesa",
            "checking",
            "",
            "Oleksandr Kubrakov",
            "https://example.org/fao/wheat-per-person consumption per person",
            "",
        ),
        (
            "grain-corridor.txt",
            "The grain story is a cover",
            "checked",
            "unverifiable",
            "Dmitry Peskov",
            "",
            "2026-08-06",
        ),
        (
            "heatwave.txt",
            "emergency admissions rose by",
            "checked",
            "mostly true",
            "the health ministry",
            "https://example.org/health/admissions weekly admissions",
            "2026-06-23",
        ),
    ];
    for (name, first_words, status, verdict, claimant, sources, reviewed) in checks {
        let doc = project.document_by_name(name).unwrap();
        let claim = doc
            .spans()
            .iter()
            .find(|s| s.label == "claim" && doc.slice(s.range).unwrap().starts_with(first_words))
            .unwrap_or_else(|| panic!("{name}: no claim starting {first_words:?}"));
        let fields = [
            ("status", status),
            ("verdict", verdict),
            ("claimant", claimant),
            ("sources", sources),
            ("reviewed", reviewed),
        ];
        for (key, value) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
            edits.push(Edit::SetAttribute {
                doc: doc.id,
                span: claim.id,
                key: key.to_owned(),
                value: Some(value.replace("\\n", "\n")),
            });
        }
        if status == "checked" {
            let slug = first_words.to_lowercase().replace(' ', "-");
            edits.push(Edit::SetAttribute {
                doc: doc.id,
                span: claim.id,
                key: "review url".to_owned(),
                value: Some(format!("https://factcheck.example.org/{slug}")),
            });
        }
    }
    Edit::Batch(edits).apply(project).unwrap();
}

/// The demo's links in document `id`: each quote with a speaker *attributed to* the
/// `person` span of that name nearest it; the first claim holding a figure *supported
/// by* the first figure in it.
fn link(project: &mut Project, id: spanmark::model::DocId) {
    let doc = project.document(id).unwrap();
    let text = |s: &Span| doc.slice(s.range).unwrap();
    let distance = |a: &Span, b: &Span| {
        let (a, b) = (
            (a.range.start.0, a.range.end.0),
            (b.range.start.0, b.range.end.0),
        );
        a.0.abs_diff(b.1).min(b.0.abs_diff(a.1))
    };
    let mut links = Vec::new();
    for quote in doc.spans().iter().filter(|s| s.label == "quote") {
        let Some(speaker) = quote.attributes.get("speaker") else {
            continue;
        };
        let name = doc
            .spans()
            .iter()
            .filter(|s| s.label == "person" && text(s) == speaker)
            .min_by_key(|s| distance(quote, s))
            .unwrap_or_else(|| panic!("{}: no person span for {speaker}", doc.name));
        links.push(("attributed to", quote.id, name.id));
    }
    let inside = |outer: &Span, inner: &Span| {
        outer.range.start <= inner.range.start && inner.range.end <= outer.range.end
    };
    let supported = doc
        .spans()
        .iter()
        .filter(|s| s.label == "claim")
        .find_map(|claim| {
            let figure = doc
                .spans()
                .iter()
                .find(|s| s.label == "figure" && inside(claim, s))?;
            Some(("supported by", claim.id, figure.id))
        });
    links.extend(supported);
    let mut ids = project.fresh_ids();
    for (kind, from, to) in links {
        let relation = Relation::new(ids.relation(), kind, from, to);
        Edit::AddRelation { doc: id, relation }
            .apply(project)
            .unwrap();
    }
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
    // Every quote with a speaker is linked to the name, and each article has a claim
    // supported by a figure.
    let kinds: Vec<&str> = project
        .documents()
        .iter()
        .flat_map(|d| d.relations())
        .map(|r| r.kind.as_str())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "attributed to").count(), 26);
    assert_eq!(kinds.iter().filter(|k| **k == "supported by").count(), 5);
    let crlf = project
        .documents()
        .iter()
        .find(|d| d.name == "river-cleanup.txt")
        .unwrap();
    assert!(crlf.text().contains("\r\n"));
}
