//! CSV: relations in a second file beside the first, from the library and the command line.

use super::*;

/// The rows of a CSV file, header first.
fn csv_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_writes_relations_to_a_second_file_beside_the_first() {
    let project = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spans.csv");
    let written = formats::write_export(&project, ExportFormat::Csv, &path).unwrap();
    let beside = dir.path().join("spans.relations.csv");
    let notes = written.notes.join("\n");
    assert!(
        notes.contains(&format!("4 relations written to {}", beside.display())),
        "{notes}"
    );
    let rows = csv_rows(&beside);
    assert_eq!(
        rows[0],
        [
            "document",
            "relation_id",
            "type",
            "from_span_id",
            "from_text",
            "to_span_id",
            "to_text"
        ]
    );
    assert_eq!(rows.len(), 5);
    // Each end is a span of the first file, by its id, with its text.
    let spans = csv_rows(&path);
    let span = |doc: &str, id: &str| {
        spans
            .iter()
            .find(|s| s[0] == doc && s[1] == id)
            .unwrap_or_else(|| panic!("span {id} of {doc}"))[5]
            .clone()
    };
    for row in &rows[1..] {
        assert_eq!(span(&row[0], &row[3]), row[4]);
        assert_eq!(span(&row[0], &row[5]), row[6]);
    }
    let mut got: Vec<(&str, &str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[4].as_str(), r[6].as_str()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("a.txt", "attributed to", "we will win", "Olena Kovalenko"),
            (
                "a.txt",
                "supported by",
                "Kyiv was hit by 270 drones 👋🏽",
                "270 drones"
            ),
            (
                "a.txt",
                "supported by",
                "Kyiv was hit by 270 drones 👋🏽",
                "we will win"
            ),
            ("b.txt", "attributed to", "Київ 🇺🇦 stands", "the mayor"),
        ]
    );
    // Without relations, no second file.
    let plain = dir.path().join("plain.csv");
    let written = formats::write_export(
        &fixture::project("p", &[("a", "[quote:x]")]),
        ExportFormat::Csv,
        &plain,
    )
    .unwrap();
    assert!(written.notes.is_empty(), "{:?}", written.notes);
    assert!(!dir.path().join("plain.relations.csv").exists());
}

#[test]
fn csv_relations_file_names() {
    use formats::csv::relations_path;
    use std::path::Path;
    assert_eq!(
        relations_path(Path::new("out/spans.csv")),
        Path::new("out/spans.relations.csv")
    );
    assert_eq!(
        relations_path(Path::new("Spans.CSV")),
        Path::new("Spans.relations.csv")
    );
    assert_eq!(
        relations_path(Path::new("export")),
        Path::new("export.relations.csv")
    );
}

#[test]
fn the_command_line_writes_csv_relations_beside_and_says_so_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    spanmark::store::save(&sample(), &project).unwrap();
    let out = dir.path().join("spans.csv");
    let run = assert_cmd::Command::cargo_bin("spanmark")
        .unwrap()
        .arg("export")
        .arg(&project)
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("4 relations written to"), "{stderr}");
    assert_eq!(csv_rows(&dir.path().join("spans.relations.csv")).len(), 5);
    // To stdout: the spans, and a note that relations need -o.
    let run = assert_cmd::Command::cargo_bin("spanmark")
        .unwrap()
        .arg("export")
        .arg(&project)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("4 relations are not in the CSV on stdout: give -o"),
        "{stderr}"
    );
}
