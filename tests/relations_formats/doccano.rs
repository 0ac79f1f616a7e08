//! doccano: entities and relations, both offset units, and what is reported.

use super::*;

#[test]
fn doccano_round_trip_keeps_relations() {
    round_trip(
        ExportFormat::Doccano,
        import::ImportFormat::Doccano,
        Project::new("x"),
    );
}

#[test]
fn doccano_graphemes_round_trip_keeps_relations() {
    round_trip(
        ExportFormat::DoccanoGraphemes,
        import::ImportFormat::DoccanoGraphemes,
        Project::new("x"),
    );
}

#[test]
fn doccano_writes_entities_and_relations_only_where_a_document_has_relations() {
    let mut project = sample();
    project = {
        // A third document without relations keeps the `label` triples.
        let mut with_plain = fixture::project("p", &[("c.txt", "[quote:plain]")]);
        std::mem::swap(&mut with_plain, &mut project);
        let (edit, _) = import::plan(&project, &formats::json::build(&with_plain));
        edit.apply(&mut project).unwrap();
        project
    };
    let bytes = formats::export(&project, ExportFormat::Doccano).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let b = lines.iter().find(|l| l["meta"]["name"] == "b.txt").unwrap();
    assert!(b.get("label").is_none());
    let relation = &b["relations"][0];
    assert_eq!(relation["type"], "attributed to");
    let entity = |id: &serde_json::Value| {
        b["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| &e["id"] == id)
            .unwrap()
            .clone()
    };
    let from = entity(&relation["from_id"]);
    assert_eq!(from["label"], "quote");
    // UTF-16: the flag is four units, the opening quote one.
    assert_eq!(
        (&from["start_offset"], &from["end_offset"]),
        (&1.into(), &17.into())
    );
    assert_eq!(entity(&relation["to_id"])["label"], "claim");
    let c = lines.iter().find(|l| l["meta"]["name"] == "c.txt").unwrap();
    assert_eq!(c["label"], serde_json::json!([[0, 5, "quote"]]));
    assert!(c.get("relations").is_none());
}

#[test]
fn doccano_relations_with_a_missing_end_are_reported() {
    // doccano's own example shape: relations without ids, entity ids from 0.
    let line = r#"{"text": "Kyiv was hit, said the mayor.", "entities": [{"id": 0, "start_offset": 0, "end_offset": 12, "label": "quote"}, {"id": 1, "start_offset": 19, "end_offset": 28, "label": "claim"}, {"id": 2, "start_offset": 40, "end_offset": 50, "label": "claim"}], "relations": [{"from_id": 0, "to_id": 1, "type": "attributed to"}, {"from_id": 0, "to_id": 2, "type": "attributed to"}, {"from_id": 0, "to_id": 7, "type": "attributed to"}, {"from_id": 1, "to_id": 0, "type": "contradicts"}]}"#;
    let read = formats::doccano::parse(line.as_bytes()).unwrap();
    let mut target = Project::new("t");
    let (edit, report) = import::plan_imported(&target, &read);
    edit.apply(&mut target).unwrap();
    assert_eq!(report.relations_added, 1);
    assert_eq!(report.found.relations, 4);
    assert_eq!(
        report
            .found
            .relations_skipped_count(import::Skip::MissingEnd),
        2,
        "the entity out of range, and one not there"
    );
    assert_eq!(
        report
            .found
            .relations_skipped_count(import::Skip::UnknownRelationType),
        1
    );
    let relations = target.documents()[0].relations();
    assert_eq!(relations[0].kind, "attributed to");
}
