//! `spanmark claims`: the fact-check desk's exports from the built binary, on a project
//! file written here as a fact-checker's would be (version 3, with the desk's
//! publisher, claims at every status, sources, figures inside and linked, the article's
//! source). What a user gets: the claims CSV, read back with a CSV reader, and the
//! ClaimReview JSON-LD with its notes on stderr.

use crate::{Dir, find};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// An article with an emoji, CRLFs, a comma and quotes inside a claim.
const TEXT: &str = "👋🏽 Minister Oleh Petrenko said: “Russia launched 270 drones at Kyiv overnight.”\r\n\
The ministry said aid reached $90 billion, up 40%.\r\n\
Prices rose, she said, \"a lot\".\r\n\
=1+1 is what the ministry will claim next.\r\n";

const SOURCES: &str =
    "https://mod.example/report the ministry's count, updated hourly\nhttps://un.example/drones";

/// A span of `TEXT` over `needle` as a RON line.
fn span(id: u64, label: &str, needle: &str, attributes: &[(&str, &str)]) -> String {
    let (start, end) = find(TEXT, needle);
    let attributes: BTreeMap<&str, &str> = attributes.iter().copied().collect();
    format!(
        "(id: {id}, label: {label:?}, start: {start}, end: {end}, attributes: {}),",
        ron::to_string(&attributes).unwrap()
    )
}

/// A folder with `p.ron`: four claims (two publishable, one without a verdict, one
/// being checked), three figures, a *supported by* link, the article's source and the
/// desk's publisher.
fn desk() -> Dir {
    let d = Dir::new();
    let spans = [
        span(
            1,
            "claim",
            "Russia launched 270 drones at Kyiv overnight",
            &[
                ("status", "checked"),
                ("verdict", "false"),
                ("claimant", "Oleh Petrenko"),
                ("type", "quantity"),
                ("sources", SOURCES),
                ("reviewed", "2026-03-02"),
                ("review url", "https://check.example/270-drones"),
            ],
        ),
        span(2, "figure", "270 drones", &[("value", "270 drone")]),
        span(
            3,
            "claim",
            "aid reached $90 billion",
            &[
                ("status", "checked"),
                ("verdict", "mostly true"),
                ("reviewed", "2026-03-03"),
                ("review url", "https://check.example/aid"),
            ],
        ),
        span(4, "figure", "$90 billion", &[("value", "90000000000 USD")]),
        span(5, "figure", "40%", &[]),
        span(
            6,
            "claim",
            "Prices rose, she said, \"a lot\"",
            &[
                ("status", "checked"),
                ("review url", "https://check.example/prices"),
            ],
        ),
        span(
            7,
            "claim",
            "=1+1 is what the ministry will claim next",
            &[("status", "checking"), ("claimant", "@ministry")],
        ),
    ];
    let ron = format!(
        r#"(
  format: "spanmark-project",
  version: 3,
  name: "Desk",
  next_span_id: 8,
  next_relation_id: 2,
  desk: (publisher: "Acme Fact Check", publisher_url: "https://check.example/", rated_verdicts: 5),
  documents: [(
    id: 1,
    name: "kyiv.txt",
    status: InProgress,
    meta: (url: "https://news.example/kyiv", outlet: "Kyiv Daily", authors: ["Ann Lee"], published: "2026-03-01", language: "en"),
    sha256: "{sha}",
    text: {text},
    spans: [
      {spans}
    ],
    relations: [(id: 1, type: "supported by", from: 3, to: 5)],
  )],
)
"#,
        sha = spanmark::model::sha256_hex(TEXT),
        text = ron::to_string(TEXT).unwrap(),
        spans = spans.join("\n      "),
    );
    d.write("p.ron", ron.as_bytes());
    d.run(&["validate", "p.ron"]).success();
    d
}

fn stdout_and_stderr(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

/// The CSV's rows by column name, read back with a CSV reader.
fn read_csv(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

#[test]
fn the_claims_csv_has_every_claim_and_reads_back_cell_for_cell() {
    let d = desk();
    let out = d.run(&["claims", "p.ron"]).success().get_output().clone();
    let (csv, stderr) = stdout_and_stderr(&out);
    assert_eq!(stderr, "", "the CSV has every claim: nothing to say");
    assert!(
        csv.starts_with(
            "document,doc_id,span_id,start,end,text,status,verdict,rating_value,claimant,type,sources,reviewed,review_url,figures,article_url,outlet,published\n"
        ),
        "{csv}"
    );
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), 4, "{csv}");
    let text_of = |row: &BTreeMap<String, String>| -> String {
        let (start, end): (usize, usize) =
            (row["start"].parse().unwrap(), row["end"].parse().unwrap());
        TEXT.chars().skip(start).take(end - start).collect()
    };
    let drones = &rows[0];
    assert_eq!(
        drones["text"],
        "Russia launched 270 drones at Kyiv overnight"
    );
    assert_eq!(
        text_of(drones),
        drones["text"],
        "code points, as Python counts"
    );
    assert_eq!(drones["start"], "33");
    assert_eq!(drones["rating_value"], "1");
    // A cell with a line break and a comma comes back whole.
    assert_eq!(drones["sources"], SOURCES);
    assert_eq!(drones["figures"], "270 drones = 270 drone");
    assert_eq!(drones["article_url"], "https://news.example/kyiv");
    assert_eq!(drones["outlet"], "Kyiv Daily");
    assert_eq!(drones["published"], "2026-03-01");
    // The figure inside, then the one linked from the claim.
    assert_eq!(rows[1]["figures"], "$90 billion = 90000000000 USD; 40%");
    assert_eq!(rows[1]["rating_value"], "4");
    let prices = &rows[2];
    assert_eq!(prices["text"], "Prices rose, she said, \"a lot\"");
    assert_eq!(text_of(prices), prices["text"]);
    assert_eq!(
        (prices["verdict"].as_str(), prices["rating_value"].as_str()),
        ("", "")
    );
    // What a spreadsheet would run is shown as text.
    let formula = &rows[3];
    assert_eq!(
        formula["text"],
        "'=1+1 is what the ministry will claim next"
    );
    assert_eq!(formula["claimant"], "'@ministry");
    assert_eq!(formula["status"], "checking");
    assert_eq!(
        text_of(formula),
        "=1+1 is what the ministry will claim next"
    );
}

#[test]
fn claim_review_json_ld_has_the_checked_claims_and_says_what_was_left_out() {
    let d = desk();
    let out = d
        .run(&["claims", "p.ron", "--format", "claimreview"])
        .success()
        .get_output()
        .clone();
    let (json_ld, stderr) = stdout_and_stderr(&out);
    assert_eq!(
        stderr,
        "note: 1 claim not exported: not checked yet (only claims with status \"checked\" are)\n\
         note: 1 checked claim left out: no verdict (ClaimReview requires a rating)\n"
    );
    let graph: Value = serde_json::from_str(&json_ld).unwrap();
    assert_eq!(graph["@context"], "https://schema.org");
    let reviews = graph["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 2, "{json_ld}");
    assert_eq!(
        reviews[0],
        json!({
            "@type": "ClaimReview",
            "claimReviewed": "Russia launched 270 drones at Kyiv overnight",
            "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                             "worstRating": 1, "alternateName": "false"},
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Oleh Petrenko"},
                "datePublished": "2026-03-01",
                "appearance": {
                    "@type": "CreativeWork",
                    "url": "https://news.example/kyiv",
                    "author": [{"@type": "Person", "name": "Ann Lee"}],
                    "publisher": {"@type": "Organization", "name": "Kyiv Daily"}
                }
            },
            "author": {"@type": "Organization", "name": "Acme Fact Check",
                       "url": "https://check.example/"},
            "datePublished": "2026-03-02",
            "url": "https://check.example/270-drones"
        })
    );
    assert_eq!(reviews[1]["reviewRating"]["alternateName"], "mostly true");
    assert_eq!(reviews[1]["reviewRating"]["ratingValue"], 4);
    assert!(reviews[1]["itemReviewed"].get("author").is_none());
}

#[test]
fn claims_to_a_file_are_written_whole_and_the_same_each_time() {
    let d = desk();
    d.run(&[
        "claims",
        "p.ron",
        "--format",
        "claimreview",
        "-o",
        "reviews.json",
    ])
    .success()
    .stdout("")
    .stderr(predicates::str::ends_with(
        "wrote 2 ClaimReviews to reviews.json\n",
    ));
    let first = d.read("reviews.json");
    assert!(first.ends_with("}\n"));
    let stdout = d
        .run(&["claims", "p.ron", "--format", "claimreview"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        first,
        "file and stdout alike"
    );
    d.run(&["claims", "p.ron", "-o", "claims.csv"])
        .success()
        .stderr("wrote 4 claims to claims.csv\n");
    assert_eq!(read_csv(&d.read("claims.csv")).len(), 4);
    d.run(&[
        "claims",
        "p.ron",
        "-o",
        "reviews.json",
        "--format",
        "claimreview",
    ])
    .success();
    assert_eq!(d.read("reviews.json"), first, "deterministic");
}

#[test]
fn claims_refusals() {
    let d = desk();
    d.fails(
        &["claims", "p.ron", "-o", "p.ron"],
        "refusing to overwrite the project with its claims: p.ron",
    );
    d.fails(
        &["claims", "p.ron", "-o", "kyiv.txt/claims.csv"],
        "cannot write the claims (a part of the path is not a folder): kyiv.txt/claims.csv",
    );
    d.fails(
        &["claims", "missing.ron"],
        "cannot read project (no such file or folder): missing.ron",
    );
    d.run(&["claims", "p.ron", "--format", "json"])
        .code(2)
        .stderr(predicates::str::contains("invalid value 'json'"));
}

/// `export -o` says how many relations it wrote, and says nothing of them for a format
/// without any (spaCy, which notes what it dropped).
#[test]
fn export_says_how_many_relations_it_wrote() {
    let d = desk();
    let out = d
        .run(&["export", "p.ron", "-o", "out.json"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("spans and 1 relation to out.json"),
        "{stderr}"
    );
    let out = d
        .run(&["export", "p.ron", "--format", "spacy", "-o", "out.jsonl"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("relation to"), "{stderr}");
    assert!(stderr.contains("1 relation was not exported"), "{stderr}");
}
