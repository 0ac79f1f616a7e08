//! The ClaimReview export of a small desk project: what a checked claim becomes, what
//! is left out and why, and what is omitted when the project does not know it. The
//! project is shared with the claims CSV's tests.

use super::*;
use crate::edit::Edit;
use crate::model::{ArticleMeta, DocId, Project};
use serde_json::{Value, json};

/// The article: six claims, two figures (one with a value), an emoji before them all.
const ARTICLE: &str = "👋🏽 Minister Oleh Petrenko said: “[claim|status=checked|verdict=false|claimant=Oleh Petrenko:Russia launched [figure|value=270 drone:270 drones] at Kyiv overnight].” \
The ministry added that [claim|status=checked|verdict=misleading:aid reached [figure:$90 billion]]. \
[claim|status=checked:Prices rose 40% since 2022]. \
[claim|status=checked|verdict=true:=SUM(A1) is, they said, a formula]. \
[claim|status=checking|verdict=true:The war ends this year]. \
[claim:Nobody was hurt].";

/// The review URLs, sources and dates (values with `:` the fixture markup cannot
/// hold), by the start of the claim's text.
const FIELDS: [(&str, &str, &str); 6] = [
    (
        "Russia launched",
        "review url",
        "https://check.example/270-drones",
    ),
    ("Russia launched", "reviewed", "2026-03-02"),
    (
        "Russia launched",
        "sources",
        "https://mod.example/report the ministry's count\nhttps://un.example/drones, UN data",
    ),
    ("aid reached", "review url", "https://check.example/aid"),
    ("Prices rose", "review url", "https://check.example/prices"),
    ("The war ends", "review url", "https://check.example/war"),
];

/// The desk's project: the article with its source, its claims' fields, a publisher.
pub(crate) fn desk_project() -> Project {
    let mut project = crate::fixture::project("Desk", &[("kyiv.txt", ARTICLE)]);
    let doc = project.documents()[0].id;
    set_fields(&mut project, doc, &FIELDS);
    Edit::SetMeta {
        doc,
        meta: Box::new(ArticleMeta {
            url: Some("https://news.example/kyiv".to_owned()),
            outlet: Some("Kyiv Daily".to_owned()),
            authors: vec!["Ann Lee".to_owned(), "Bo Chen".to_owned()],
            published: Some("2026-03-01".to_owned()),
            language: Some("en".to_owned()),
            ..ArticleMeta::default()
        }),
    }
    .apply(&mut project)
    .unwrap();
    project.desk.publisher = "Acme Fact Check".to_owned();
    project.desk.publisher_url = "https://check.example/".to_owned();
    project
}

/// Sets `(claim text start, field, value)` on the claims of document `doc`.
pub(crate) fn set_fields(project: &mut Project, doc: DocId, fields: &[(&str, &str, &str)]) {
    for (start, key, value) in fields {
        let document = project.document(doc).unwrap();
        let span = document
            .spans()
            .iter()
            .find(|s| s.label == "claim" && document.slice(s.range).unwrap().starts_with(start))
            .unwrap()
            .id;
        Edit::SetAttribute {
            doc,
            span,
            key: (*key).to_owned(),
            value: Some((*value).to_owned()),
        }
        .apply(project)
        .unwrap();
    }
}

fn parsed(project: &Project) -> Value {
    serde_json::from_str(&to_json(project)).unwrap()
}

#[test]
fn a_checked_claim_becomes_a_claim_review_with_all_the_project_knows() {
    let graph = parsed(&desk_project());
    assert_eq!(graph["@context"], "https://schema.org");
    let reviews = graph["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 2, "{graph:#}");
    assert_eq!(
        reviews[0],
        json!({
            "@type": "ClaimReview",
            "claimReviewed": "Russia launched 270 drones at Kyiv overnight",
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 1,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": "false"
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Oleh Petrenko"},
                "datePublished": "2026-03-01",
                "appearance": {
                    "@type": "CreativeWork",
                    "url": "https://news.example/kyiv",
                    "author": [
                        {"@type": "Person", "name": "Ann Lee"},
                        {"@type": "Person", "name": "Bo Chen"}
                    ],
                    "publisher": {"@type": "Organization", "name": "Kyiv Daily"}
                }
            },
            "author": {
                "@type": "Organization",
                "name": "Acme Fact Check",
                "url": "https://check.example/"
            },
            "datePublished": "2026-03-02",
            "url": "https://check.example/270-drones"
        })
    );
    // A verdict off the numeric scale goes by name only; no claimant, no review date:
    // left out, not written empty.
    let second = &reviews[1];
    assert_eq!(
        second["reviewRating"],
        json!({"@type": "Rating", "alternateName": "misleading"})
    );
    assert_eq!(second["claimReviewed"], "aid reached $90 billion");
    assert!(second["itemReviewed"].get("author").is_none(), "{second:#}");
    assert!(second.get("datePublished").is_none(), "{second:#}");
}

#[test]
fn claims_left_out_are_counted_once_each_with_a_note_a_user_can_act_on() {
    let project = desk_project();
    let export = claim_review(&project);
    assert_eq!(
        export.left_out,
        LeftOut {
            not_checked: 2,
            no_verdict: 1,
            no_review_url: 1,
        }
    );
    assert_eq!(
        export.notes(),
        [
            "2 claims not exported: not checked yet (only claims with status \"checked\" are)",
            "1 checked claim left out: no verdict (ClaimReview requires a rating)",
            "1 checked claim left out: no review URL (ClaimReview requires url, the address of the published fact check)",
            "1 review without a review date: no datePublished",
        ]
    );
    // The formula-looking claim had a verdict but no review URL: it is not there.
    assert!(!export.to_json().contains("SUM(A1)"));
}

#[test]
fn without_publisher_or_article_source_those_fields_are_omitted_never_empty() {
    let mut project = crate::fixture::project(
        "Bare",
        &[(
            "a.txt",
            "[claim|status=checked|verdict=true|claimant= :It rained].",
        )],
    );
    let doc = project.documents()[0].id;
    set_fields(
        &mut project,
        doc,
        &[
            ("It rained", "review url", "https://check.example/rain"),
            ("It rained", "reviewed", "not a date"),
        ],
    );
    let export = claim_review(&project);
    let graph: Value = serde_json::from_str(&export.to_json()).unwrap();
    assert_eq!(
        graph["@graph"][0],
        json!({
            "@type": "ClaimReview",
            "claimReviewed": "It rained",
            "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5,
                             "worstRating": 1, "alternateName": "true"},
            "url": "https://check.example/rain"
        })
    );
    assert!(!export.to_json().contains("\"\""), "no empty strings");
    assert_eq!(
        export.notes(),
        [
            "the desk has no publisher set: the reviews have no author (set it in the desk's settings)",
            "1 review without a review date: no datePublished",
        ]
    );
    // A review URL that is not a URL is as good as none.
    set_fields(
        &mut project,
        doc,
        &[("It rained", "review url", "check.example/rain")],
    );
    let export = claim_review(&project);
    assert_eq!(export.exported(), 0);
    assert_eq!(export.left_out.no_review_url, 1);
}

#[test]
fn the_same_project_gives_the_same_bytes_ending_in_a_newline() {
    let project = desk_project();
    let first = to_json(&project);
    assert_eq!(first, to_json(&project.clone()));
    assert!(first.ends_with("}\n"));
    assert!(first.starts_with("{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": ["));
    let empty = to_json(&Project::new("Empty"));
    assert_eq!(
        empty,
        "{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": []\n}\n"
    );
}
