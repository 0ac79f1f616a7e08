//! `--coder` on the commands that make spans: `import` records `imported` with the
//! format, `suggest --apply` records `suggested` with the rule and confidence, each with
//! the name given and the time (UTC, to the second); the JSON export carries it.

use crate::Dir;
use serde_json::Value;

fn provenances(d: &Dir) -> Vec<Value> {
    let out = d
        .run(&["export", "p.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    let export: Value = serde_json::from_slice(&out).unwrap();
    export["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|doc| doc["spans"].as_array().unwrap().clone())
        .map(|span| span["provenance"].clone())
        .collect()
}

fn is_utc_second(when: &Value) -> bool {
    spanmark::model::provenance::is_utc_second(when.as_str().unwrap())
}

#[test]
fn import_and_suggest_record_the_coder_given() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt", "cafe.md"]).success();
    d.write(
        "spans.json",
        crate::hand_written_export().to_string().as_bytes(),
    );
    d.run(&["import", "p.ron", "spans.json", "--coder", "  Ann   Lee "])
        .success();
    let made = provenances(&d);
    assert_eq!(made.len(), 5);
    for p in &made {
        assert_eq!(p["who"], "Ann Lee", "{p}");
        assert_eq!(
            (&p["how"], &p["format"]),
            (&"imported".into(), &"json".into())
        );
        assert!(is_utc_second(&p["when"]), "{p}");
    }

    // An article whose quote the detector is sure of (the quote of cafe.md names its
    // speaker only as "she" after "Café owner Zoë:", below Accept all's confidence).
    d.write(
        "mayor.txt",
        "“We will rebuild the bridge by spring,” said Mayor Olena Kovalenko.\n".as_bytes(),
    );
    d.run(&["add", "p.ron", "mayor.txt"]).success();
    d.run(&[
        "suggest", "p.ron", "--apply", "--labels", "quote", "--coder", "Bo",
    ])
    .success();
    let suggested: Vec<Value> = provenances(&d)
        .into_iter()
        .filter(|p| p["how"] == "suggested")
        .collect();
    assert!(!suggested.is_empty());
    for p in &suggested {
        assert_eq!(p["who"], "Bo");
        assert!(p["rule"].as_str().is_some_and(|r| !r.is_empty()), "{p}");
        assert!(
            p["confidence"]
                .as_f64()
                .is_some_and(|c| (0.5..=1.0).contains(&c))
        );
    }
    // The file's own provenance is kept: importing the export again adds nothing new
    // and changes no one's name.
    let out = d
        .run(&["export", "p.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    d.write("again.json", &out);
    d.run(&["import", "p.ron", "again.json", "--coder", "Cy"])
        .success();
    assert!(provenances(&d).iter().all(|p| p["who"] != "Cy"));
}

#[test]
fn a_blank_coder_is_refused() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    d.write(
        "spans.json",
        crate::hand_written_export().to_string().as_bytes(),
    );
    d.fails(
        &["import", "p.ron", "spans.json", "--coder", " "],
        "--coder needs a name",
    );
}
