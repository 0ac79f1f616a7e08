//! Two writers and the files around a project (issue 11): concurrent commands lose
//! nothing, temporary files of killed saves are cleaned, a no-op writes nothing,
//! symlinks are followed, read-only files refused, ids never wrap, and messages stay
//! one short line whatever the file holds.

use crate::{Dir, KYIV};
use serde_json::json;
use std::path::Path;
use std::process::Stdio;

/// A spanmark JSON export of the Kyiv article with one span of `label` over `needle`.
fn one_span_export(label: &str, needle: &str) -> String {
    let byte = KYIV.find(needle).unwrap();
    let start = KYIV[..byte].chars().count();
    let end = start + needle.chars().count();
    json!({
        "format": "spanmark-export", "version": 1, "offsets": "unicode-codepoints",
        "project": "p", "labels": [],
        "documents": [{"name": "kyiv.txt", "sha256": "", "text": KYIV, "spans": [
            {"id": 1, "label": label, "start": start, "end": end, "text": needle,
             "utf16_start": 0, "utf16_end": 0, "byte_start": 0, "byte_end": 0,
             "note": null, "attributes": {}}
        ]}]
    })
    .to_string()
}

/// Runs a command on an invalid project: exit 1, each problem on a line of its own
/// and the error last; every line short. Returns stderr.
fn invalid(d: &Dir, args: &[&str]) -> String {
    let out = d.run(args).code(1).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.lines().last().unwrap().starts_with("error: "),
        "{stderr}"
    );
    assert!(stderr.lines().all(|l| l.len() < 400), "{stderr}");
    stderr
}

fn spans_of(path: &Path) -> Vec<String> {
    let project = spanmark::store::load(path).unwrap();
    project
        .documents()
        .iter()
        .flat_map(|d| {
            d.spans()
                .iter()
                .map(|s| format!("{} {}", s.label, d.slice(s.range).unwrap()))
        })
        .collect()
}

#[test]
fn two_imports_at_once_lose_nothing_in_50_rounds() {
    let d = Dir::new();
    d.write("a.json", one_span_export("quote", "lasting").as_bytes());
    d.write("b.json", one_span_export("figure", "270 drones").as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("spanmark");
    for round in 0..50 {
        let _ = std::fs::remove_file(d.path("p.ron"));
        d.run(&["new", "p.ron", "kyiv.txt"]).success();
        let start = |file: &str| {
            std::process::Command::new(&bin)
                .current_dir(d.dir.path())
                .args(["import", "p.ron", file])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start("a.json"), start("b.json"));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let spans = spans_of(&d.path("p.ron"));
        for (out, span) in [(&a, "quote lasting"), (&b, "figure 270 drones")] {
            let stderr = String::from_utf8_lossy(&out.stderr);
            if out.status.success() {
                assert!(
                    spans.contains(&span.to_owned()),
                    "round {round}: the import of {span:?} said it succeeded but is lost: {spans:?}"
                );
            } else {
                // The only acceptable failure: told who had the project.
                assert_eq!(out.status.code(), Some(1), "round {round}: {stderr}");
                assert!(
                    stderr.contains("being changed by spanmark import"),
                    "{stderr}"
                );
            }
        }
        assert!(
            a.status.success() || b.status.success(),
            "round {round}: neither import went through"
        );
    }
}

#[test]
fn a_project_open_in_a_window_is_not_changed_by_a_command() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    d.write("a.json", one_span_export("quote", "lasting").as_bytes());
    // The window's lock, held by this test process as a window would hold it.
    let _window =
        spanmark::store::ProjectLock::try_acquire(&d.path("p.ron"), "spanmark window").unwrap();
    let started = std::time::Instant::now();
    d.fails(
        &["import", "p.ron", "a.json"],
        "the project is open in spanmark window (process ",
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "no wait for a window"
    );
}

#[test]
fn temporary_files_of_a_killed_save_are_cleaned_by_the_next_one() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    // What a save killed halfway leaves: a hidden, full-size temporary file.
    let stale = d.write(
        ".p.ron.aB3xYz.tmp",
        &std::fs::read(d.path("p.ron")).unwrap(),
    );
    let other = d.write(".q.ron.aB3xYz.tmp", b"another project's");
    d.write("a.json", one_span_export("quote", "lasting").as_bytes());
    d.run(&["import", "p.ron", "a.json"]).success();
    assert!(!stale.exists(), "stale temporary file left");
    assert!(other.exists(), "another project's file removed");
    let left: Vec<String> = std::fs::read_dir(d.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".p.ron"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_import_that_adds_nothing_changes_no_file() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    d.write("a.json", one_span_export("quote", "lasting").as_bytes());
    d.run(&["import", "p.ron", "a.json"]).success();
    let project = std::fs::metadata(d.path("p.ron")).unwrap();
    let backup = std::fs::read(d.path("p.ron.bak")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    d.run(&["import", "p.ron", "a.json"])
        .success()
        .stdout(predicates::str::contains(
            "imported 0 of 1 spans (1 duplicate)",
        ));
    let again = std::fs::metadata(d.path("p.ron")).unwrap();
    assert_eq!(again.modified().unwrap(), project.modified().unwrap());
    assert_eq!(std::fs::read(d.path("p.ron.bak")).unwrap(), backup);
    // Suggesting what is already there writes nothing either.
    d.run(&["suggest", "p.ron", "--labels", "figure", "--apply"])
        .success();
    d.run(&["suggest", "p.ron", "--labels", "figure", "--apply"])
        .success()
        .stdout(predicates::str::contains("added 0 suggested spans"));
}

#[cfg(unix)]
#[test]
fn a_symlinked_project_is_saved_through_the_link() {
    let d = Dir::new();
    std::fs::create_dir(d.path("real")).unwrap();
    d.run(&["new", "real/p.ron", "kyiv.txt"]).success();
    std::os::unix::fs::symlink("real/p.ron", d.path("link.ron")).unwrap();
    d.write("a.json", one_span_export("quote", "lasting").as_bytes());
    d.run(&["import", "link.ron", "a.json"]).success();
    let meta = std::fs::symlink_metadata(d.path("link.ron")).unwrap();
    assert!(
        meta.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(spans_of(&d.path("real/p.ron")), ["quote lasting"]);
    assert!(
        d.path("real/p.ron.bak").exists(),
        "the backup goes beside the real file"
    );
}

#[test]
fn a_read_only_project_is_refused_and_left_alone() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    d.write("a.json", one_span_export("quote", "lasting").as_bytes());
    let mut perms = std::fs::metadata(d.path("p.ron")).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(d.path("p.ron"), perms).unwrap();
    d.fails(&["import", "p.ron", "a.json"], "project file is read-only");
}

#[test]
fn ids_near_the_limit_are_refused_on_load() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    let text = d.read("p.ron");
    let huge = text.replace("next_span_id: 1,", "next_span_id: 18446744073709551615,");
    assert_ne!(huge, text);
    d.write("p.ron", huge.as_bytes());
    for args in [&["validate", "p.ron"][..], &["suggest", "p.ron", "--apply"]] {
        let stderr = invalid(&d, args);
        assert!(
            stderr.contains("next_span_id 18446744073709551615 is too large"),
            "{stderr}"
        );
    }
}

#[test]
fn values_from_a_file_never_break_the_one_line_message() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    let text = d.read("p.ron");
    let newline = text.replace("name: \"claim\"", "name: \"cl\\naim\"");
    assert_ne!(newline, text);
    d.write("p.ron", newline.as_bytes());
    let stderr = invalid(&d, &["validate", "p.ron"]);
    assert!(
        stderr.contains("label name \"cl\\naim\" is not usable"),
        "{stderr}"
    );
    // A 10 MB label: the message stays short.
    let long = text.replace(
        "name: \"claim\"",
        &format!("name: \"{}\"", "x".repeat(10_000_000)),
    );
    d.write("p.ron", long.as_bytes());
    let out = d.run(&["validate", "p.ron"]).code(1).get_output().clone();
    assert!(
        out.stderr.len() < 2_000,
        "{} bytes of stderr",
        out.stderr.len()
    );
}

#[test]
fn a_project_saved_by_notepad_with_a_bom_loads() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "kyiv.txt"]).success();
    let with_bom = [
        b"\xEF\xBB\xBF".as_slice(),
        &std::fs::read(d.path("p.ron")).unwrap(),
    ]
    .concat();
    d.write("p.ron", &with_bom);
    d.run(&["validate", "p.ron"]).success();
}

#[test]
fn broken_files_get_plain_messages() {
    let d = Dir::new();
    // Deep nesting in a field spanmark does not know.
    let deep = format!(
        "(format: \"spanmark-project\", version: 1, name: \"x\", extra: {})",
        "[".repeat(100_000)
    );
    d.write("p.ron", deep.as_bytes());
    d.fails(&["validate", "p.ron"], "nested too deeply");
    let out = d.run(&["validate", "p.ron"]).get_output().stderr.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        !out.contains("serde_stacker") && !out.contains("ron::"),
        "{out}"
    );
    // A project in UTF-16 without a byte order mark is called what it is.
    d.run(&["new", "q.ron", "kyiv.txt"]).success();
    let utf16: Vec<u8> = d
        .read("q.ron")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    d.write("p.ron", &utf16);
    d.fails(
        &["validate", "p.ron"],
        "UTF-16 text without a byte order mark",
    );
    // An article in UTF-16 without a byte order mark is read.
    let article: Vec<u8> = KYIV.encode_utf16().flat_map(u16::to_le_bytes).collect();
    d.write("utf16.txt", &article);
    d.run(&["new", "r.ron", "utf16.txt"]).success();
    let project = spanmark::store::load(&d.path("r.ron")).unwrap();
    assert_eq!(project.documents()[0].text(), KYIV);
    assert_eq!(project.documents()[0].encoding, "UTF-16LE");
    // A folder that does not exist.
    d.fails(
        &["new", "/nonexistent/d/x.ron"],
        "cannot create the project (its folder does not exist): /nonexistent/d/x.ron",
    );
}
