//! `spanmark agree` on coders' files: the table, JSON and CSV carry the same figures,
//! computed by hand here; what is not compared is said.

use crate::Dir;
use predicates::prelude::*;
use serde_json::Value;

const ANN: &str = "[quote|speaker=Anna Berger:We will rebuild], said Anna Berger. Officials counted [figure:270 drones].";
const BOB: &str = "[quote|speaker=Berger:We will rebuild], said Anna Berger. Officials counted [figure:270] drones.";

fn coders(d: &Dir) {
    for (file, markup, extra) in [
        ("ann.ron", ANN, ("only-ann.txt", "Ann alone.")),
        ("bob.ron", BOB, ("bob-extra.txt", "Bob alone.")),
    ] {
        let project = spanmark::fixture::project("p", &[("news.txt", markup), extra]);
        spanmark::store::save(&project, &d.path(file)).unwrap();
    }
}

#[test]
fn agree_prints_a_table_json_and_csv_with_the_same_figures() {
    let d = Dir::new();
    coders(&d);
    let out = d
        .run(&["agree", "ann.ron", "bob.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).unwrap();
    // quote: one exact match, same range; figure: "270 drones" against "270".
    assert!(
        table.contains("quote   1/1              1.000     1/0/0     1.000       1/0/0     1.000"),
        "{table}"
    );
    assert!(
        table.contains("figure  1/1              0.000     0/1/1     1.000       1/0/0"),
        "{table}"
    );
    assert!(
        table.contains("attribute speaker on exactly matched spans: 0 of 1 agree (0.0%)"),
        "{table}"
    );
    assert!(
        table.contains("only ann has only-ann.txt; not compared"),
        "{table}"
    );
    assert!(
        table.contains("only bob has bob-extra.txt; not compared"),
        "{table}"
    );

    let out = d
        .run(&["agree", "ann.ron", "bob.ron", "--format", "json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let figure = &json["overall"]["labels"]["figure"];
    assert_eq!(figure["exact"]["mean_f1"], 0.0);
    assert_eq!(figure["overlap"]["mean_f1"], 1.0);
    assert_eq!(json["overall"]["all"]["exact"]["mean_f1"], 0.5);
    assert_eq!(json["overall"]["labels"]["quote"]["alpha_u"], 1.0);
    assert!(figure["alpha_u"].as_f64().unwrap() < 1.0);
    assert_eq!(json["documents"][0]["document"], "news.txt");
    assert_eq!(json["attributes"]["speaker"]["total"], 1);

    let out = d
        .run(&[
            "agree", "ann.ron", "bob.ron", "--format", "csv", "--labels", "figure",
        ])
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.starts_with("scope,document,label,measure,coder_a,coder_b,value,tp,fp,fn\n"));
    assert!(
        csv.contains("all,,figure,exact_f1,ann,bob,0,0,1,1\n"),
        "{csv}"
    );
    assert!(
        csv.contains("all,,figure,overlap_f1,ann,bob,1,1,0,0\n"),
        "{csv}"
    );
    assert!(!csv.contains(",quote,"), "only the labels asked for: {csv}");
}

#[test]
fn agree_needs_two_coders_who_share_a_document() {
    let d = Dir::new();
    coders(&d);
    d.run(&["agree", "ann.ron"]).code(2);
    let other = spanmark::fixture::project("o", &[("x.txt", "Nothing in common.")]);
    spanmark::store::save(&other, &d.path("other.ron")).unwrap();
    d.run(&["agree", "ann.ron", "other.ron"])
        .code(1)
        .stderr(predicate::str::contains("the files share no document"));
}

#[test]
fn assign_shares_every_document_with_one_sample_for_all_and_a_seed() {
    let d = Dir::new();
    let docs: Vec<(String, String)> = (0..10)
        .map(|i| (format!("d{i}.txt"), format!("Article {i} text.")))
        .collect();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let project = spanmark::fixture::project("News", &refs);
    spanmark::store::save(&project, &d.path("news.ron")).unwrap();
    let args = [
        "assign",
        "news.ron",
        "--coders",
        "ann,bob,cat",
        "--overlap",
        "20%",
        "--seed",
        "42",
        "-o",
    ];
    let run = |dir: &str| {
        let mut all = args.to_vec();
        all.push(dir);
        d.run(&all).success();
        ["ann", "bob", "cat"].map(|c| {
            let p = spanmark::store::load(&d.path(&format!("{dir}/{c}.ron"))).unwrap();
            assert_eq!(p.coder.as_deref(), Some(c), "the coder is recorded");
            p.documents()
                .iter()
                .map(|x| x.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let files = run("team");
    let shared: Vec<&String> = files[0]
        .iter()
        .filter(|n| files.iter().all(|f| f.contains(n)))
        .collect();
    assert_eq!(shared.len(), 2, "20% of 10 documents in every file");
    let mut all: Vec<&String> = files.iter().flatten().collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 10, "every document is someone's");
    let total: usize = files.iter().map(Vec::len).sum();
    assert_eq!(total, 8 + 3 * 2, "the rest dealt out once each");
    assert_eq!(run("again"), files, "the same seed, the same shares");
    // Files already there are never overwritten.
    let mut again = args.to_vec();
    again.push("team");
    d.run(&again).code(1).stderr(predicate::str::contains(
        "refusing to overwrite an existing file",
    ));
}

#[test]
fn merge_keeps_what_enough_coders_gave_and_lists_the_rest() {
    let d = Dir::new();
    coders(&d);
    let out = d
        .run(&["merge", "ann.ron", "bob.ron", "-o", "curated.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("wrote curated.ron: 1 spans that at least 2 coders gave, in 3 documents; 3 left for adjudication\n"),
        "{out}"
    );
    assert!(out.contains("news.txt\tfigure\t"), "{out}");
    assert!(out.contains("\"270 drones\"\tann\t1 of 2 coders"), "{out}");
    assert!(
        out.contains("merged without speaker: the coders differ"),
        "{out}"
    );
    let curated = spanmark::store::load(&d.path("curated.ron")).unwrap();
    assert_eq!(curated.span_count(), 1);
    d.run(&["merge", "ann.ron", "bob.ron", "-o", "curated.ron"])
        .code(1)
        .stderr(predicate::str::contains("refusing to overwrite"));
    d.run(&[
        "merge",
        "ann.ron",
        "bob.ron",
        "-o",
        "c2.ron",
        "--min-coders",
        "3",
    ])
    .code(1)
    .stderr(predicate::str::contains(
        "--min-coders must be between 1 and",
    ));
}
