//! The ClaimReview export read by a real JSON-LD processor (pyld, issue 19): expanded
//! against schema.org's context, every property and type it writes must come out as a
//! schema.org IRI with its value, nothing dropped, and every term must be one of
//! schema.org's own (an expansion that knows only schema.org's terms, not its
//! catch-all `@vocab`, gives the same graph). schema.org's context is answered from a
//! copy of its relevant terms in `tests/consumers/claim_review_expand.py` (there is no
//! network here). Skipped, with a printed reason, where pyld is not installed
//! (`.ci/run` installs it into its venv; `SPANMARK_PYTHON` names the Python to use).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use serde_json::{Value, json};
use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::formats::claim_review;
use spanmark::model::{ArticleMeta, Project};
use std::path::Path;

#[path = "consumers/pyld.rs"]
mod pyld;

const SCHEMA: &str = "http://schema.org/";

/// Two publishable claims (one rated, one by name only), with an emoji and a CRLF.
const ARTICLE: &str = "👋🏽 Oleh Petrenko said “[claim|status=checked|verdict=false|claimant=Oleh Petrenko:Russia launched [figure|value=270 drone:270 drones] overnight]”.\r\n\
[claim|status=checked|verdict=misleading:Aid reached $90 billion].\r\n\
[claim|status=checking:Not checked yet].";

fn project() -> Project {
    let mut project = fixture::project("Desk", &[("kyiv.txt", ARTICLE)]);
    let doc = project.documents()[0].id;
    let claim = |project: &Project, start: &str| {
        let d = project.document(doc).unwrap();
        d.spans()
            .iter()
            .find(|s| s.label == "claim" && d.slice(s.range).unwrap().starts_with(start))
            .unwrap()
            .id
    };
    for (start, key, value) in [
        ("Russia", "review url", "https://check.example/270-drones"),
        ("Russia", "reviewed", "2026-03-02"),
        ("Aid", "review url", "https://check.example/aid"),
        ("Aid", "reviewed", "2026-03-03"),
    ] {
        let span = claim(&project, start);
        Edit::SetAttribute {
            doc,
            span,
            key: key.to_owned(),
            value: Some(value.to_owned()),
        }
        .apply(&mut project)
        .unwrap();
    }
    Edit::SetMeta {
        doc,
        meta: Box::new(ArticleMeta {
            url: Some("https://news.example/kyiv".to_owned()),
            outlet: Some("Kyiv Daily".to_owned()),
            authors: vec!["Ann Lee".to_owned(), "Bo Chen".to_owned()],
            published: Some("2026-03-01".to_owned()),
            ..ArticleMeta::default()
        }),
    }
    .apply(&mut project)
    .unwrap();
    project.desk.publisher = "Acme Fact Check".to_owned();
    project.desk.publisher_url = "https://check.example/".to_owned();
    project
}

/// `input` expanded by pyld (`{"expanded", "strict"}`); `None` (said) without pyld.
fn through_pyld(input: &Path, output: &Path) -> Option<Value> {
    pyld::run("claim_review_expand.py", input, output)
        .then(|| serde_json::from_slice(&std::fs::read(output).unwrap()).unwrap())
}

/// Checks that `expanded` is `compact` expanded with nothing dropped: every key a
/// schema.org IRI holding the same values (strings as values or, for `url`, IRIs),
/// every `@type` a schema.org class, and no key more. Adds the properties met to `seen`.
fn same_graph(compact: &Value, expanded: &Value, at: &str, seen: &mut Vec<String>) {
    let (Some(compact), Some(expanded)) = (compact.as_object(), expanded.as_object()) else {
        panic!("{at}: not an object: {compact} / {expanded}");
    };
    let dropped: Vec<&String> = compact
        .keys()
        .filter(|k| *k != "@context" && *k != "@type")
        .filter(|k| !expanded.contains_key(&format!("{SCHEMA}{k}")))
        .collect();
    assert!(
        dropped.is_empty(),
        "{at}: dropped by the processor: {dropped:?}"
    );
    let keys = compact.keys().filter(|k| *k != "@context").count();
    assert_eq!(expanded.len(), keys, "{at}: keys added: {expanded:?}");
    for (key, value) in compact {
        match key.as_str() {
            "@context" => {}
            "@type" => assert_eq!(
                expanded["@type"],
                json!([format!("{SCHEMA}{}", value.as_str().unwrap())]),
                "{at}"
            ),
            property => {
                let iri = format!("{SCHEMA}{property}");
                let values = expanded[&iri]
                    .as_array()
                    .unwrap_or_else(|| panic!("{at}: {property} is not {iri} in {expanded:?}"));
                seen.push(property.to_owned());
                let items = match value {
                    Value::Array(items) => items.clone(),
                    one => vec![one.clone()],
                };
                assert_eq!(values.len(), items.len(), "{at}.{property}");
                for (n, (item, got)) in items.iter().zip(values).enumerate() {
                    let at = format!("{at}.{property}[{n}]");
                    match item {
                        Value::Object(_) => same_graph(item, got, &at, seen),
                        Value::String(s) if property == "url" => {
                            assert_eq!(got, &json!({"@id": s}), "{at}: an IRI")
                        }
                        Value::String(s) if property == "datePublished" => assert_eq!(
                            got,
                            &json!({"@type": format!("{SCHEMA}Date"), "@value": s}),
                            "{at}: a schema:Date"
                        ),
                        scalar => assert_eq!(got, &json!({"@value": scalar}), "{at}"),
                    }
                }
            }
        }
    }
}

#[test]
fn claim_review_expands_to_schema_org_terms_with_nothing_dropped() {
    let project = project();
    let json_ld = claim_review::to_json(&project);
    let dir = tempfile::tempdir().unwrap();
    let (input, output) = (dir.path().join("reviews.json"), dir.path().join("out.json"));
    std::fs::write(&input, &json_ld).unwrap();
    let Some(result) = through_pyld(&input, &output) else {
        return;
    };
    let compact: Value = serde_json::from_str(&json_ld).unwrap();
    let reviews = compact["@graph"].as_array().unwrap();
    let expanded = result["expanded"].as_array().unwrap();
    assert_eq!(reviews.len(), 2, "{json_ld}");
    assert_eq!(expanded.len(), reviews.len(), "{result:#}");
    let mut seen = Vec::new();
    for (n, (review, node)) in reviews.iter().zip(expanded).enumerate() {
        same_graph(review, node, &format!("@graph[{n}]"), &mut seen);
    }
    // Every term the export uses was met (the rated review carries them all) …
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen,
        [
            "alternateName",
            "appearance",
            "author",
            "bestRating",
            "claimReviewed",
            "datePublished",
            "itemReviewed",
            "name",
            "publisher",
            "ratingValue",
            "reviewRating",
            "url",
            "worstRating"
        ]
    );
    // … and each is one of schema.org's terms: knowing only those, without the
    // catch-all vocabulary, the processor keeps every one.
    let strict = result["strict"].as_array().unwrap();
    assert_eq!(strict.len(), reviews.len());
    for (n, (review, node)) in reviews.iter().zip(strict).enumerate() {
        same_graph(
            review,
            node,
            &format!("schema.org terms only: @graph[{n}]"),
            &mut Vec::new(),
        );
    }
    assert_eq!(result["strict"], result["expanded"]);
    let claim = &expanded[0][format!("{SCHEMA}claimReviewed")][0]["@value"];
    assert_eq!(claim, "Russia launched 270 drones overnight");
}

#[test]
fn a_term_schema_org_does_not_have_is_caught() {
    // The check above can fail: a misspelt property survives the catch-all vocabulary
    // but not the expansion that knows only schema.org's terms.
    let bad = json!({"@context": "https://schema.org", "@graph": [
        {"@type": "ClaimReview", "claimReviewed": "x", "reviewRatng": {"@type": "Rating"}}
    ]});
    let dir = tempfile::tempdir().unwrap();
    let (input, output) = (dir.path().join("bad.json"), dir.path().join("out.json"));
    std::fs::write(&input, bad.to_string()).unwrap();
    let Some(result) = through_pyld(&input, &output) else {
        return;
    };
    assert_ne!(result["strict"], result["expanded"]);
    assert!(
        result["strict"][0]
            .get(format!("{SCHEMA}reviewRatng"))
            .is_none()
    );
}
