//! The project file: round trips, determinism, atomic saves with backup, and every
//! kind of bad file refused with a message naming where the problem is.

use super::*;
use crate::edit::Edit;
use crate::fixture;
use crate::model::{CharRange, Status};

fn sample() -> Project {
    let mut p = fixture::project(
        "Security guarantees",
        &[
            (
                "a.txt",
                "👋🏽 Zelensky said [quote:\"[claim:it [figure:270] drones]\"]\r\n\r\nend",
            ),
            ("b.txt", "Кремль [quote:заявив]. 習近平 [figure:三]"),
        ],
    );
    let doc = p.documents()[0].id;
    let quote = p.documents()[0].spans()[0].id;
    Edit::Batch(vec![
        Edit::SetAttribute {
            doc,
            span: quote,
            key: "speaker".into(),
            value: Some("Zelensky".into()),
        },
        Edit::SetNote {
            doc,
            span: quote,
            note: Some("line \"two\"\nnext".into()),
        },
        Edit::SetStatus {
            doc,
            status: Status::InProgress,
        },
    ])
    .apply(&mut p)
    .unwrap();
    p
}

#[test]
fn round_trip_keeps_everything_and_is_deterministic() {
    let project = sample();
    let ron = to_ron(&project);
    let loaded = parse(&ron, "x.ron").unwrap();
    assert_eq!(loaded.name, project.name);
    assert_eq!(loaded.labels, project.labels);
    assert_eq!(loaded.documents(), project.documents());
    assert_eq!(loaded.next_span_id(), project.next_span_id());
    assert_eq!(
        to_ron(&loaded),
        ron,
        "saving a loaded project changes nothing"
    );
    // One line per span, so the file diffs well.
    assert!(
        ron.contains("(id: 3, label: \"quote\", start: 17,"),
        "{ron}"
    );
    assert!(
        ron.starts_with("(\n  format: \"spanmark-project\",\n  version: 2,\n"),
        "{ron}"
    );
}

#[test]
fn save_is_atomic_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = sample();
    save_new(&project, &path).unwrap();
    assert!(!dir.path().join("p.ron.bak").exists());
    let first = std::fs::read_to_string(&path).unwrap();
    project.name = "Renamed".into();
    save(&project, &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.ron.bak")).unwrap(),
        first
    );
    assert_eq!(load(&path).unwrap().name, "Renamed");
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(matches!(
        save_new(&project, &path),
        Err(StoreError::Exists { .. })
    ));
}

#[test]
fn newer_files_are_refused_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ron");
    let newer = to_ron(&sample()).replace("version: 2,", "version: 7,\n  shiny_field: (a: 1),");
    std::fs::write(&path, &newer).unwrap();
    let err = load(&path).unwrap_err();
    assert!(matches!(err, StoreError::Newer { version: 7, .. }), "{err}");
    assert!(err.to_string().contains("newer spanmark"));
    assert!(err.to_string().ends_with(&path.display().to_string()));
    assert!(matches!(
        save(&sample(), &path),
        Err(StoreError::Newer { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn broken_and_foreign_files_are_refused() {
    let err = parse(
        "(format: \"spanmark-project\", version: 1, name: \"x\", documents: [(id: ",
        "p.ron",
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::Syntax { line: 1, .. }), "{err}");
    let err = parse("(format: \"other-tool\", version: 1)", "p.ron").unwrap_err();
    assert!(err.to_string().contains("not a spanmark project"), "{err}");
    assert!(matches!(
        parse("  \n", "p.ron"),
        Err(StoreError::Empty { .. })
    ));
    assert!(matches!(
        parse("{\"json\": true}", "p.ron"),
        Err(StoreError::NotAProject { .. } | StoreError::Syntax { .. })
    ));
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("notes.ron");
    std::fs::write(&foreign, "(some: \"other file\")").unwrap();
    assert!(matches!(
        save(&sample(), &foreign),
        Err(StoreError::NotAProject { .. })
    ));
    assert!(matches!(
        load(&dir.path().join("missing.ron")),
        Err(StoreError::Read { .. })
    ));
    std::fs::write(&foreign, b"\xff\xfe(").unwrap();
    assert!(matches!(load(&foreign), Err(StoreError::NotText { .. })));
}

#[test]
fn validation_names_document_and_span() {
    let ron = to_ron(&sample());
    let bad = ron
        .replace("start: 17, end: 32", "start: 17, end: 4000")
        .replacen("label: \"figure\"", "label: \"person\"", 1);
    let Err(StoreError::Invalid { problems, .. }) = parse(&bad, "p.ron") else {
        panic!("not refused: {bad}");
    };
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("document \"a.txt\", span 3: end 4000 is past the end")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.contains("label \"person\" is not in the project's label set")),
        "{shown:?}"
    );

    let changed_text = ron.replace("Кремль", "Kremlin");
    let err = parse(&changed_text, "p.ron").unwrap_err();
    assert!(
        err.to_string()
            .contains("document \"b.txt\": the text does not match its sha256"),
        "{err}"
    );

    let twice = ron.replace("(id: 4,", "(id: 1,");
    let err = parse(&twice, "p.ron").unwrap_err();
    assert!(err.to_string().contains("span id 1 is used twice"), "{err}");

    let empty = ron.replace("start: 17, end: 32", "start: 17, end: 17");
    assert!(
        parse(&empty, "p.ron")
            .unwrap_err()
            .to_string()
            .contains("is not before end")
    );
}

#[test]
fn missing_optional_fields_get_defaults() {
    let text = "Hi there";
    let ron = format!(
        "(format: \"spanmark-project\", version: 1, name: \"min\", documents: [(id: 3, name: \"d\", sha256: \"{}\", text: \"{text}\", spans: [(id: 9, label: \"claim\", start: 0, end: 2)])])",
        crate::model::sha256_hex(text)
    );
    let project = parse(&ron, "min.ron").unwrap();
    assert_eq!(project.labels.len(), 3);
    let doc = &project.documents()[0];
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.slice(doc.spans()[0].range), Some("Hi"));
    assert_eq!(project.next_span_id(), 10, "ids after the largest are free");
    assert_eq!(project.next_doc_id(), 4);
    assert_eq!(doc.spans()[0].range, CharRange::new(0, 2));
}

#[test]
fn awkward_names_keys_and_notes_round_trip() {
    let mut project = sample();
    project.name = "The \"big\" one \\ 2026\r\n\u{2028}".into();
    for (i, key) in ['\'', '"', '\\'].into_iter().enumerate() {
        let label = crate::model::Label::new(
            &format!("l{i} \"x\" \\"),
            "#000000",
            Some(key),
            &["a\"b", "ü\t"],
        );
        Edit::AddLabel { index: 9, label }
            .apply(&mut project)
            .unwrap();
    }
    let ron = to_ron(&project);
    let loaded = parse(&ron, "x.ron").unwrap();
    assert_eq!(loaded.name, project.name);
    assert_eq!(loaded.labels, project.labels);
    assert_eq!(to_ron(&loaded), ron);
    assert!(
        !ron.contains('\r') && !ron.contains('\u{2028}'),
        "line breaks stay escaped: {ron}"
    );
}

#[test]
fn the_open_document_is_remembered() {
    let mut project = sample();
    project.open_document = Some(project.documents()[1].id);
    let ron = to_ron(&project);
    assert!(ron.contains("  open_document: Some(2),\n"), "{ron}");
    assert_eq!(
        parse(&ron, "p.ron").unwrap().open_document,
        project.open_document
    );
    // A file naming a document it does not have opens on the first one.
    let gone = ron.replace("open_document: Some(2)", "open_document: Some(99)");
    assert_eq!(parse(&gone, "p.ron").unwrap().open_document, None);
}

#[test]
fn the_lean_reader_gives_way_to_ron_when_a_file_is_unusual() {
    let project = sample();
    let ron = to_ron(&project);
    // As written: the lean path reads it, and the result equals ron's.
    assert!(parse_fast(ron.clone()).is_ok());
    assert_eq!(
        parse(&ron, "p.ron").unwrap().documents(),
        project.documents()
    );
    // A hand-edited raw string spanning lines, one of which looks like a text field.
    let edited = ron.replace(
        "  name: \"Security guarantees\",",
        "  name: r#\"Security\n      text: \"guarantees\"#,",
    );
    assert!(parse_fast(edited.clone()).is_err());
    let loaded = parse(&edited, "p.ron").unwrap();
    assert_eq!(loaded.name, "Security\n      text: \"guarantees");
    assert_eq!(loaded.documents(), project.documents());
}

#[test]
fn rejected_suggestions_are_kept_and_undone() {
    let mut project = sample();
    let doc = project.documents()[0].id;
    let range = CharRange::new(2, 5);
    let mut history = crate::edit::History::new_saved();
    history
        .apply(
            &mut project,
            Edit::RejectSuggestion {
                doc,
                label: "figure".into(),
                range,
            },
        )
        .unwrap();
    let ron = to_ron(&project);
    assert!(
        ron.contains(
            "      rejected: [\n        (label: \"figure\", start: 2, end: 5),\n      ],\n"
        ),
        "{ron}"
    );
    assert!(parse(&ron, "p.ron").unwrap().documents()[0].is_rejected("figure", range));
    history.undo(&mut project).unwrap();
    assert!(!project.documents()[0].is_rejected("figure", range));
    assert!(
        !to_ron(&project).contains("rejected"),
        "nothing written when none"
    );
}

#[test]
fn a_coders_name_is_kept_and_older_files_have_none() {
    let mut project = crate::fixture::project("p", &[("a.txt", "Text.")]);
    assert_eq!(parse(&to_ron(&project), "p.ron").unwrap().coder, None);
    assert!(!to_ron(&project).contains("coder"), "written only when set");
    project.coder = Some("Olena K.".to_owned());
    let ron = to_ron(&project);
    assert!(ron.contains("  coder: Some(\"Olena K.\"),\n"), "{ron}");
    assert_eq!(
        parse(&ron, "p.ron").unwrap().coder.as_deref(),
        Some("Olena K.")
    );
    let bad = ron.replace("Olena K.", "a\\nb");
    assert!(parse(&bad, "p.ron").is_err());
}

#[test]
fn provenance_of_every_kind_survives_save_and_load_and_bad_ones_are_named() {
    use crate::model::{Confidence, How, Provenance};
    let mut p = sample();
    let when = "2026-03-01T09:15:00Z";
    let kinds = [
        How::Manual,
        How::Suggested {
            rule: "curly \"quotes\"\n".into(),
            confidence: Confidence::from_f64(1.0),
        },
        How::Imported {
            format: "label-studio".into(),
        },
        How::Adjudicated {
            coders: vec!["Zoë".into(), "a, b".into()],
        },
    ];
    let doc = p.documents()[0].id;
    let ids: Vec<_> = p.documents()[0].spans().iter().map(|s| s.id).collect();
    for (id, how) in ids.iter().zip(kinds.iter().cycle()) {
        let mut span = p.remove_span(doc, *id).unwrap();
        span.provenance = Some(Box::new(Provenance::new("Ann Lee", when, how.clone())));
        p.insert_span(doc, span);
    }
    let ron = to_ron(&p);
    assert!(
        ron.contains(
            r#"provenance: Some((who: "Ann Lee", when: "2026-03-01T09:15:00Z", how: Manual))"#
        ),
        "{ron}"
    );
    let back = parse(&ron, "p.ron").unwrap();
    assert_eq!(back.documents(), p.documents());
    assert_eq!(to_ron(&back), ron);
    // Spans without provenance write none: older files stay as they were.
    assert!(!to_ron(&sample()).contains("provenance"));
    for (bad, says) in [
        (r#"when: "2026-03-01 09:15""#, "not UTC to the second"),
        (r#"who: """#, "not a usable coder name"),
        ("confidence: 1.0", "confidence 2 is not between 0 and 1"),
    ] {
        let (field, _) = bad.split_once(':').unwrap();
        let good = match field {
            "when" => format!(r#"when: "{when}""#),
            "who" => r#"who: "Ann Lee""#.to_owned(),
            _ => bad.to_owned(),
        };
        let broken = if field == "confidence" {
            ron.replacen(&good, "confidence: 2.0", 1)
        } else {
            ron.replacen(&good, bad, 1)
        };
        assert_ne!(broken, ron, "{bad}");
        let err = parse(&broken, "p.ron").unwrap_err().to_string();
        assert!(err.contains(says), "{err}");
        assert!(err.contains("span "), "names the span: {err}");
    }
}

#[test]
fn article_sources_round_trip_and_bad_ones_load_and_are_reported() {
    let mut p = sample();
    let doc = p.documents()[0].id;
    let meta = crate::model::ArticleMeta {
        url: Some("https://example.org/a?b=\"c\"".into()),
        outlet: Some("Kyiv Daily".into()),
        authors: vec!["Ann Lee".into(), "Zoë K.".into()],
        published: Some("2026-02-01".into()),
        language: Some("uk".into()),
        extra: [("section".to_owned(), "World\nnews".to_owned())].into(),
    };
    Edit::SetMeta {
        doc,
        meta: Box::new(meta.clone()),
    }
    .apply(&mut p)
    .unwrap();
    let ron = to_ron(&p);
    let back = parse(&ron, "x.ron").unwrap();
    assert_eq!(back.documents()[0].meta, meta);
    assert_eq!(to_ron(&back), ron);
    let bad = ron.replace("published: \"2026-02-01\"", "published: \"soon\"");
    let loaded = parse(&bad, "x.ron").unwrap();
    assert_eq!(
        loaded.documents()[0].meta.published.as_deref(),
        Some("soon")
    );
    let found = crate::model::check::findings(&loaded);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].to_string(),
        "document \"a.txt\": date: \"soon\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"
    );
}

#[test]
fn desk_settings_round_trip_and_only_they_make_a_file_version_3() {
    let mut project = fixture::project("p", &[("a.txt", "Text.")]);
    let plain = to_ron(&project);
    assert!(plain.contains("  version: 2,\n"), "{plain}");
    assert!(!plain.contains("desk"), "written only when set");
    project.desk = crate::model::desk::Desk {
        publisher: "Acme \"Fact\" Check".to_owned(),
        publisher_url: "https://acme.example/".to_owned(),
        rated_verdicts: 4,
    };
    let ron = to_ron(&project);
    assert!(ron.contains("  version: 3,\n"), "{ron}");
    assert!(
        ron.contains(
            "  desk: (publisher: \"Acme \\\"Fact\\\" Check\", publisher_url: \"https://acme.example/\", rated_verdicts: 4),\n"
        ),
        "{ron}"
    );
    let back = parse(&ron, "p.ron").unwrap();
    assert_eq!(back.desk, project.desk);
    assert_eq!(to_ron(&back), ron, "deterministic");
    // A publisher address that is not one loads, is kept and is reported.
    let odd = ron.replace("https://acme.example/", "acme.example");
    let loaded = parse(&odd, "p.ron").unwrap();
    assert_eq!(loaded.desk.publisher_url, "acme.example");
    let findings = crate::model::check::findings(&loaded);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0]
            .to_string()
            .starts_with("project settings: desk: publisher URL")
    );
    // A version 4 file is refused as newer, never read in part.
    let newer = ron.replace("version: 3,", "version: 4,");
    assert!(matches!(
        parse(&newer, "p.ron"),
        Err(StoreError::Newer { version: 4, .. })
    ));
}
