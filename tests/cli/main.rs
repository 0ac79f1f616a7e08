//! The built `spanmark` binary on temporary folders: every subcommand, every bad input
//! with its exit status and its one-line message, and a whole round trip through the
//! command line on articles full of emoji.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

mod agree;
mod claims;
mod git;
mod labels;
mod more;
mod provenance;
mod report;
mod sources;
mod version;
mod writers;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn spanmark() -> Command {
    Command::cargo_bin("spanmark").unwrap()
}

const KYIV: &str =
    "👋🏽 Zelensky said peace must be “lasting”.\r\n\r\nRussia launched 270 drones 🇺🇦 overnight.\r\n";
const CAFE: &str = "Café owner Zoë: \"Prices rose 40% since 2022,\" she said. 😀\n\n\nEnd.";

pub struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Self {
        let dir = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        dir.write("kyiv.txt", KYIV.as_bytes());
        dir.write("cafe.md", CAFE.as_bytes());
        dir
    }

    /// A folder with `p.ron` holding both articles and the hand-written spans.
    fn annotated() -> Self {
        let d = Self::new();
        d.run(&["new", "p.ron", "kyiv.txt", "cafe.md"]).success();
        d.write("spans.json", hand_written_export().to_string().as_bytes());
        d.run(&["import", "p.ron", "spans.json"]).success();
        d
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        spanmark().current_dir(self.dir.path()).args(args).assert()
    }

    /// Runs a command that must fail with exit 1 and exactly one stderr line containing
    /// `message`, leaving `project` byte for byte as it was.
    fn fails(&self, args: &[&str], message: &str) {
        let before = std::fs::read(self.path("p.ron")).ok();
        let out = self.run(args).code(1).get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(message), "{message:?} not in {stderr}");
        assert_eq!(
            std::fs::read(self.path("p.ron")).ok(),
            before,
            "the project changed"
        );
    }
}

/// Python's `text.index(needle)` in code points, and the end of the match.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// A JSON export written by hand (not by spanmark) with spans over the two articles.
pub fn hand_written_export() -> Value {
    let span = |id: u64, label: &str, text: &str, needle: &str| {
        let (start, end) = find(text, needle);
        json!({"id": id, "label": label, "start": start, "end": end, "text": needle,
               "utf16_start": 0, "utf16_end": 0, "byte_start": 0, "byte_end": 0,
               "note": null, "attributes": if label == "quote" { json!({"speaker": "Zoë"}) } else { json!({}) }})
    };
    json!({
        "format": "spanmark-export", "version": 1, "offsets": "unicode-codepoints",
        "project": "Round trip", "labels": [],
        "documents": [
            {"name": "kyiv.txt", "sha256": "", "text": KYIV, "spans": [
                span(10, "quote", KYIV, "lasting"),
                span(11, "figure", KYIV, "270 drones"),
                span(12, "claim", KYIV, "Russia launched 270 drones 🇺🇦 overnight."),
            ]},
            {"name": "cafe.md", "sha256": "", "text": CAFE, "spans": [
                span(20, "quote", CAFE, "Prices rose 40% since 2022,"),
                span(21, "figure", CAFE, "40%"),
            ]}
        ]
    })
}

pub fn check_spans_are_their_slices(export: &Value) -> usize {
    let mut n = 0;
    for doc in export["documents"].as_array().unwrap() {
        let text = doc["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        for span in doc["spans"].as_array().unwrap() {
            let at = |k: &str| span[k].as_u64().unwrap() as usize;
            let slice: String = chars[at("start")..at("end")].iter().collect();
            assert_eq!(span["text"].as_str().unwrap(), slice);
            n += 1;
        }
    }
    n
}

#[test]
fn round_trip_through_the_command_line_moves_no_span() {
    let d = Dir::new();
    d.run(&[
        "new",
        "p.ron",
        "--name",
        "Round trip",
        "kyiv.txt",
        "cafe.md",
    ])
    .success()
    .stdout("created p.ron with 2 documents\n");
    d.write("spans.json", hand_written_export().to_string().as_bytes());
    d.run(&["import", "p.ron", "spans.json"])
        .success()
        .stdout(predicate::str::starts_with(
            "imported 5 of 5 spans, 0 documents added, 2 matched",
        ));
    d.run(&["validate", "p.ron"])
        .success()
        .stdout(predicate::str::starts_with("ok: 2 documents, 5 spans"));

    let first = d
        .run(&["export", "p.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    let export: Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(check_spans_are_their_slices(&export), 5);
    let quote = &export["documents"][0]["spans"][0];
    assert_eq!(
        (quote["start"].as_u64(), quote["utf16_start"].as_u64()),
        (Some(32), Some(34))
    );
    assert_eq!(quote["attributes"]["speaker"], "Zoë");

    // Export -> import into an empty project -> export: the same bytes.
    d.write("export.json", &first);
    d.run(&["new", "empty.ron"]).success();
    d.run(&["import", "empty.ron", "export.json"]).success();
    let again = d
        .run(&["export", "empty.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(first.clone()).unwrap()
    );

    // Importing twice adds nothing.
    d.run(&["import", "p.ron", "export.json"])
        .success()
        .stdout(predicate::str::starts_with(
            "imported 0 of 5 spans (5 duplicates)",
        ));

    // -o writes the same bytes to a file.
    d.run(&["export", "p.ron", "-o", "out.json"]).success();
    assert_eq!(d.read("out.json").as_bytes(), first.as_slice());
}

#[test]
fn new_and_add() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    assert!(d.read("p.ron").contains("name: \"p\""));
    d.run(&["add", "p.ron", "kyiv.txt", "cafe.md"])
        .success()
        .stdout("added 2 documents to p.ron\n");
    d.run(&["add", "p.ron", "kyiv.txt"])
        .success()
        .stderr(predicate::str::contains("already in the project"))
        .stdout("added 0 documents to p.ron\n");
    let ron = d.read("p.ron");
    assert!(ron.contains("source: Some(\"kyiv.txt\")"), "{ron}");
    assert!(ron.contains("\\r\\n\\r\\n"), "CRLF kept: {ron}");
    assert!(d.path("p.ron.bak").exists());
    d.fails(
        &["new", "p.ron"],
        "refusing to overwrite an existing file: p.ron",
    );
}

#[test]
fn add_decodes_other_encodings() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    let text = "Президент заявив: «Мир має бути тривалим». Україна не погодиться на поступки.";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    d.write("cyr.txt", &cp1251);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in KYIV.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    d.write("utf16.txt", &utf16);
    d.write(
        "bom.txt",
        &[b"\xEF\xBB\xBF".as_slice(), CAFE.as_bytes()].concat(),
    );
    d.run(&["add", "p.ron", "cyr.txt", "utf16.txt", "bom.txt"])
        .success();
    let export: Value =
        serde_json::from_slice(&d.run(&["export", "p.ron"]).get_output().stdout).unwrap();
    assert_eq!(export["documents"][0]["text"], text);
    assert_eq!(export["documents"][1]["text"], KYIV);
    assert_eq!(export["documents"][2]["text"], CAFE, "BOM removed");
    let ron = d.read("p.ron");
    assert!(
        ron.contains("encoding: \"windows-1251\"") && ron.contains("encoding: \"UTF-16LE\""),
        "{ron}"
    );
}

#[test]
fn bad_articles_are_refused_and_nothing_is_added() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    d.write("empty.txt", b"");
    d.write("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    std::fs::create_dir(d.path("folder")).unwrap();
    d.fails(
        &["add", "p.ron", "kyiv.txt", "missing.txt"],
        "cannot read article (no such file or folder): missing.txt",
    );
    d.fails(
        &["add", "p.ron", "empty.txt"],
        "article is empty: empty.txt",
    );
    d.fails(
        &["add", "p.ron", "binary.bin"],
        "not a text file (it looks binary: a NUL byte at offset 8): binary.bin",
    );
    d.fails(
        &["add", "p.ron", "folder"],
        "no text files in the folder: folder",
    );
    // A failed `new` creates no file.
    d.run(&["new", "q.ron", "kyiv.txt", "empty.txt"]).code(1);
    assert!(!d.path("q.ron").exists());
}

#[test]
fn bad_project_files_are_refused_and_left_untouched() {
    let d = Dir::new();
    d.fails(
        &["add", "p.ron", "kyiv.txt"],
        "cannot read project (no such file or folder): p.ron",
    );
    d.write(
        "p.ron",
        b"(format: \"spanmark-project\", version: 1, name: \"x\", documents: [(id: 1,",
    );
    d.fails(
        &["add", "p.ron", "kyiv.txt"],
        "project file is broken at line 1",
    );
    d.write("p.ron", b"");
    d.fails(&["stats", "p.ron"], "project file is empty: p.ron");
    d.write("p.ron", b"\xff\xfe\x00garbage");
    d.fails(
        &["export", "p.ron"],
        "project file is not UTF-8 text (it is UTF-16 text; save it as UTF-8): p.ron",
    );
    d.write(
        "p.ron",
        b"(format: \"spanmark-project\", version: 4, name: \"x\", colour_scheme: Dark)",
    );
    d.fails(
        &["add", "p.ron", "kyiv.txt"],
        "written by a newer spanmark (file version 4, this one reads up to 3)",
    );
    d.write("p.ron", b"(settings: (theme: \"dark\"))");
    d.fails(
        &["import", "p.ron", "kyiv.txt"],
        "not a spanmark project (it has no \"format\" field): p.ron",
    );
}

#[test]
fn validate_lists_every_problem_with_document_and_span() {
    let d = Dir::annotated();
    d.run(&["validate", "p.ron"]).success();
    let broken = d
        .read("p.ron")
        .replace("start: 32, end: 39", "start: 32, end: 3900")
        .replacen("label: \"figure\"", "label: \"person\"", 1);
    d.write("p.ron", broken.as_bytes());
    let out = d.run(&["validate", "p.ron"]).code(1).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "  document \"kyiv.txt\", span 10: end 3900 is past the end of the text (87 characters)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "document \"kyiv.txt\", span 11: label \"person\" is not in the project's label set"
        ),
        "{stderr}"
    );
    assert!(
        stderr
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("error: project is invalid, 2 problems, first: "),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with(": p.ron"), "{stderr}");
}

#[test]
fn import_refuses_bad_files() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    d.write("bad.json", b"{\"format\": ");
    d.fails(
        &["import", "p.ron", "bad.json"],
        "cannot import (not valid JSON (EOF while parsing",
    );
    d.fails(
        &["import", "p.ron", "nothing.json"],
        "cannot read (no such file or folder): nothing.json",
    );
    d.write("other.json", b"{\"format\": \"label-studio\", \"version\": 1, \"offsets\": \"utf16\", \"project\": \"\", \"labels\": [], \"documents\": []}");
    d.fails(
        &["import", "p.ron", "other.json"],
        "not a spanmark export (format is \"label-studio\")",
    );

    // Spans that do not match their text are skipped with a warning, the rest imported.
    let mut export = hand_written_export();
    export["documents"][0]["spans"][0]["start"] = json!(31);
    d.write("off.json", export.to_string().as_bytes());
    d.run(&["import", "p.ron", "off.json"])
        .success()
        .stderr(predicate::str::contains("warning: document \"kyiv.txt\", span 10: its text \"lasting\" is not the document's \"“lasting\""))
        .stdout(predicate::str::starts_with("imported 4 of 5 spans (1 text mismatch), 1 documents added, 1 matched"));
}

#[test]
fn export_formats_and_refusals() {
    let d = Dir::annotated();
    let csv = d
        .run(&["export", "p.ron", "--format", "csv"])
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("document,span_id,label,start,end,text,note,attributes,utf16_start"));
    assert!(
        csv.contains(
            // Then who imported it, when, how (the provenance columns come last).
            "kyiv.txt,10,quote,32,39,lasting,,\"{\"\"speaker\"\":\"\"Zoë\"\"}\",34,41,40,47,"
        ),
        "{csv}"
    );
    let jsonl = d
        .run(&["export", "p.ron", "--format", "jsonl"])
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["spans"][0]["text"], "Prices rose 40% since 2022,");
    d.run(&["export", "p.ron", "--format", "xml"])
        .code(2)
        .stderr(predicate::str::contains("invalid value 'xml'"));
    d.fails(
        &["export", "p.ron", "-o", "p.ron"],
        "refusing to overwrite the project with its export: p.ron",
    );
    d.fails(
        &["export", "p.ron", "-o", "kyiv.txt/out.json"],
        "cannot write export (not a directory): kyiv.txt/out.json",
    );
}

#[test]
fn stats_counts_spans_per_label_per_document() {
    let d = Dir::annotated();
    d.run(&["stats", "p.ron"]).success().stdout(
        "document             status  quote  claim  figure  total\n\
         kyiv.txt             new         1      1       1      3\n\
         cafe.md              new         1      0       1      2\n\
         total (2 documents)              2      1       2      5\n",
    );
}

#[test]
fn saving_into_an_unwritable_place_reports_and_keeps_the_project() {
    let d = Dir::new();
    d.run(&["new", "p.ron"]).success();
    // A path under a file can never be written, whoever runs the tests.
    d.fails(
        &["new", "kyiv.txt/p.ron"],
        "cannot create the project (kyiv.txt is not a folder): kyiv.txt/p.ron",
    );
    // A read-only folder. Root writes there anyway, so as root the binary runs as the
    // unprivileged user `nobody` (via setpriv) where that is possible.
    let locked = d.path("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(d.path("p.ron"), locked.join("p.ron")).unwrap();
    let before = std::fs::read(locked.join("p.ron")).unwrap();
    for path in [d.dir.path(), &locked] {
        set_mode(path, 0o755);
    }
    set_mode(&locked.join("p.ron"), 0o666);
    set_mode(&d.path("kyiv.txt"), 0o644);
    set_read_only(&locked, true);
    let mut command = if std::fs::write(locked.join("probe"), b"x").is_err() {
        spanmark()
    } else if std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok()
    {
        let _ = std::fs::remove_file(locked.join("probe"));
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(assert_cmd::cargo::cargo_bin("spanmark"));
        c
    } else {
        eprintln!("skipped the read-only folder check: running as root without setpriv");
        set_read_only(&locked, false);
        return;
    };
    let out = command
        .current_dir(d.dir.path())
        .args(["add", "locked/p.ron", "kyiv.txt"])
        .assert();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    set_read_only(&locked, false);
    if stderr.contains("cannot read") {
        // The unprivileged user cannot reach the temporary folder (a private /tmp).
        eprintln!("skipped the read-only folder check: {stderr}");
        return;
    }
    assert_eq!(
        stderr,
        "error: cannot lock the project for changes (permission denied): locked/p.ron\n"
    );
    out.code(1);
    assert_eq!(std::fs::read(locked.join("p.ron")).unwrap(), before);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn set_read_only(path: &Path, read_only: bool) {
    let mut perms = std::fs::metadata(path).unwrap().permissions();
    perms.set_readonly(read_only);
    std::fs::set_permissions(path, perms).unwrap();
}

#[test]
fn usage() {
    // Without a display the window cannot open: one clear line, exit 1.
    spanmark()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: cannot open the window (",
        ));
    spanmark()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: spanmark [PATHS]..."));
    spanmark().arg("--frobnicate").assert().code(2);
    spanmark().args(["add", "p.ron"]).assert().code(2);
    spanmark()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("spanmark "));
}
