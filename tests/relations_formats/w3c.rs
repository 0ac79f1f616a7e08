//! W3C: linking annotations, their order, and what is reported.

use super::*;

#[test]
fn w3c_round_trip_keeps_relations() {
    round_trip(ExportFormat::W3c, import::ImportFormat::W3c, texts_only());
}

#[test]
fn w3c_writes_a_linking_annotation_from_then_to() {
    let bytes = formats::export(&sample(), ExportFormat::W3c).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let items = value["first"]["items"].as_array().unwrap();
    let links: Vec<_> = items
        .iter()
        .filter(|i| i["motivation"] == "linking")
        .collect();
    assert_eq!(links.len(), 4);
    assert_eq!(value["total"], items.len());
    let link = links
        .iter()
        .find(|l| {
            l["target"][0]
                .as_str()
                .unwrap()
                .contains(&spanmark::model::sha256_hex(&fixture::parse(B).unwrap().0))
        })
        .unwrap();
    assert_eq!(link["body"]["purpose"], "tagging");
    assert_eq!(link["body"]["value"], "attributed to");
    let quote_of = |id: &serde_json::Value| {
        items.iter().find(|i| &i["id"] == id).unwrap()["target"]["selector"][1]["exact"].clone()
    };
    assert_eq!(quote_of(&link["target"][0]), "Київ 🇺🇦 stands");
    assert_eq!(quote_of(&link["target"][1]), "the mayor");
}

#[test]
fn w3c_links_that_are_no_relation_are_reported() {
    let project = fixture::project(
        "p",
        &[("a.txt", "[quote:Kyiv was hit], said [claim:the mayor].")],
    );
    let bytes = formats::export(&project, ExportFormat::W3c).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let items = value["first"]["items"].as_array_mut().unwrap();
    let (quote, claim) = (items[0]["id"].clone(), items[1]["id"].clone());
    let link = |targets: serde_json::Value, kind: &str| {
        serde_json::json!({"type": "Annotation", "motivation": "linking",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": kind},
            "target": targets})
    };
    items.push(link(serde_json::json!([quote, claim]), "attributed to"));
    items.push(link(
        serde_json::json!([quote, "urn:nowhere"]),
        "attributed to",
    ));
    items.push(link(
        serde_json::json!([quote, claim, claim]),
        "attributed to",
    ));
    items.push(link(quote.clone(), "attributed to"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w3c.json");
    std::fs::write(&path, serde_json::to_vec(&value).unwrap()).unwrap();
    let mut target = texts_only_of(&project);
    let read = import::read(
        import::ImportFormat::W3c,
        &path,
        &target,
        &import::ReadOptions::default(),
    )
    .unwrap();
    let (edit, report) = import::plan_imported(&target, &read);
    edit.apply(&mut target).unwrap();
    assert_eq!(report.spans_added, 2);
    assert_eq!(report.relations_added, 1);
    assert_eq!(report.found.relations, 4);
    let found = &report.found;
    assert_eq!(found.relations_skipped_count(import::Skip::MissingEnd), 1);
    assert_eq!(found.relations_skipped_count(import::Skip::Unsupported), 2);
    assert_eq!(report.found.skipped_total(), 0, "no span was skipped");
}
